/*
 * doc.c — creating, filling and freeing a td_doc.
 *
 * A document owns one arena; everything it points to lives there, so
 * td_doc_free() is a single release.  Parts are kept in text order because
 * anatomy stages may find them out of order (HTML metadata first, body
 * later) and every consumer wants them sorted.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

static const char *const part_names[TD_PART_KIND_COUNT] = {
    "section", "headline", "standfirst", "byline", "dateline",
    "body", "captions", "credits", "related", "boilerplate",
};

const char *td_part_kind_name(td_part_kind kind)
{
    return (unsigned)kind < TD_PART_KIND_COUNT ? part_names[kind] : "unknown";
}

int td_part_is_analysed(td_part_kind kind)
{
    return kind == TD_PART_HEADLINE || kind == TD_PART_STANDFIRST ||
           kind == TD_PART_BODY;
}

/* The base name of a path without folders and without any extensions:
 * "a/b/story.html.gz" → "story". */
static const char *doc_default_id(td_arena *a, const char *name)
{
    if (!name || !strcmp(name, "-"))
        return td_arena_strdup(a, "stdin");
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return td_arena_strndup(a, base, n);
}

td_doc *td_doc_new(const td_engine *engine, const char *text, size_t len,
                   const td_input *input)
{
    td_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        abort();
    td_arena_init(&doc->arena);
    doc->engine = engine;
    doc->text = td_arena_strndup(&doc->arena, text, len);
    doc->len = len;
    if (input) {
        doc->id = input->id ? td_arena_strdup(&doc->arena, input->id)
                            : doc_default_id(&doc->arena, input->name);
        doc->url = td_arena_strdup(&doc->arena, input->url);
        doc->source = td_arena_strdup(&doc->arena, input->source);
        doc->date = td_arena_strdup(&doc->arena, input->date);
        doc->kind = input->kind;
    } else {
        doc->id = doc_default_id(&doc->arena, NULL);
    }
    return doc;
}

void td_doc_free(td_doc *doc)
{
    if (!doc)
        return;
    td_arena_release(&doc->arena);
    free(doc);
}

const char *td_doc_id(const td_doc *doc)
{
    return doc->id;
}

td_part *td_doc_add_part(td_doc *doc, td_part_kind kind, size_t start,
                         size_t end, const char *from)
{
    td_anatomy *an = &doc->anatomy;
    td_part *p = TD_ARRAY_PUSH(&doc->arena, an->parts, an->nparts, an->cap);
    /* keep text order: slide the new part back past later-starting ones */
    size_t i = an->nparts - 1;
    while (i > 0 && an->parts[i - 1].span.start > start) {
        an->parts[i] = an->parts[i - 1];
        i--;
    }
    p = &an->parts[i];
    p->kind = kind;
    p->span = td_span_make(start, end);
    p->from = td_arena_strdup(&doc->arena, from);
    return p;
}

void td_doc_add_meta(td_doc *doc, const char *key, const char *value,
                     const char *from)
{
    td_anatomy *an = &doc->anatomy;
    for (size_t i = 0; i < an->nmeta; i++)
        if (!strcmp(an->meta[i].key, key))
            return; /* first found wins: callers add in order of trust */
    td_meta *m = TD_ARRAY_PUSH(&doc->arena, an->meta, an->nmeta, an->meta_cap);
    m->key = td_arena_strdup(&doc->arena, key);
    m->value = td_arena_strdup(&doc->arena, value);
    m->from = td_arena_strdup(&doc->arena, from);
}

const char *td_doc_meta(const td_doc *doc, const char *key)
{
    for (size_t i = 0; i < doc->anatomy.nmeta; i++)
        if (!strcmp(doc->anatomy.meta[i].key, key))
            return doc->anatomy.meta[i].value;
    return NULL;
}
