/*
 * output_json.c — a document as schema-1 JSON (DESIGN.md, "The JSON
 * document").
 *
 * Every span is written as {"start","end","text"} so a reader can check
 * any fact against the text without counting bytes.  Fields whose stage
 * has not run yet are written empty (arrays) or null, never left out, so
 * consumers can rely on the shape.  TD_JSON_EXTRACT is the smaller shape
 * of `tidings extract`: metadata, anatomy and body_text.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "util/json.h"

static const char *const entity_kinds[] = {"person", "org", "place", "group",
                                           "facility", "other"};

static void write_span(td_json_writer *w, const td_doc *doc, td_span sp,
                       const char *from)
{
    td_jw_object(w);
    td_jw_key(w, "start");
    td_jw_int(w, sp.start);
    td_jw_key(w, "end");
    td_jw_int(w, sp.end);
    td_jw_key(w, "text");
    td_jw_string(w, doc->text + sp.start, sp.end - sp.start);
    if (from) {
        td_jw_key(w, "from");
        td_jw_cstring(w, from);
    }
    td_jw_object_end(w);
}

static int part_is_single(td_part_kind k)
{
    return k == TD_PART_SECTION || k == TD_PART_HEADLINE || k == TD_PART_STANDFIRST ||
           k == TD_PART_BYLINE || k == TD_PART_DATELINE;
}

static void write_anatomy(td_json_writer *w, const td_doc *doc)
{
    const td_anatomy *an = &doc->anatomy;
    td_jw_key(w, "anatomy");
    td_jw_object(w);
    for (int k = 0; k < TD_PART_KIND_COUNT; k++) {
        td_jw_key(w, td_part_kind_name((td_part_kind)k));
        if (part_is_single((td_part_kind)k)) {
            const td_part *first = NULL;
            for (size_t i = 0; i < an->nparts && !first; i++)
                if (an->parts[i].kind == (td_part_kind)k)
                    first = &an->parts[i];
            if (first)
                write_span(w, doc, first->span, first->from);
            else
                td_jw_null(w);
            continue;
        }
        td_jw_array(w);
        for (size_t i = 0; i < an->nparts; i++)
            if (an->parts[i].kind == (td_part_kind)k)
                write_span(w, doc, an->parts[i].span, an->parts[i].from);
        td_jw_array_end(w);
    }
    td_jw_key(w, "meta");
    td_jw_object(w);
    for (size_t i = 0; i < an->nmeta; i++) {
        td_jw_key(w, an->meta[i].key);
        td_jw_cstring(w, an->meta[i].value);
    }
    td_jw_object_end(w);
    td_jw_object_end(w);
}

static void write_body_text(td_json_writer *w, const td_doc *doc)
{
    td_buf body;
    td_buf_init(&body);
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        const td_part *p = &doc->anatomy.parts[i];
        if (p->kind != TD_PART_BODY)
            continue;
        if (body.len)
            td_buf_add(&body, "\n\n", 2);
        td_buf_add(&body, doc->text + p->span.start, p->span.end - p->span.start);
    }
    td_jw_key(w, "body_text");
    td_jw_string(w, body.data ? body.data : "", body.len);
    td_buf_free(&body);
}

static void write_entities(td_json_writer *w, const td_doc *doc)
{
    td_jw_key(w, "entities");
    td_jw_array(w);
    for (size_t i = 0; i < doc->nentities; i++) {
        const td_entity *e = &doc->entities[i];
        char id[24];
        snprintf(id, sizeof id, "e%zu", i + 1);
        td_jw_object(w);
        td_jw_key(w, "id");
        td_jw_cstring(w, id);
        td_jw_key(w, "kind");
        td_jw_cstring(w, (unsigned)e->kind < 6 ? entity_kinds[e->kind] : "other");
        td_jw_key(w, "name");
        td_jw_cstring(w, e->name);
        td_jw_key(w, "mentions");
        td_jw_array(w);
        for (size_t m = 0; m < e->nmentions; m++)
            write_span(w, doc, e->mentions[m].span, NULL);
        td_jw_array_end(w);
        td_jw_key(w, "role");
        td_jw_cstring(w, e->role);
        td_jw_key(w, "country");
        td_jw_cstring(w, e->country[0] ? e->country : NULL);
        if (e->kind == TD_ENT_PERSON) {
            td_jw_key(w, "affiliation");
            if (e->affiliation && e->affiliation <= doc->nentities) {
                snprintf(id, sizeof id, "e%u", (unsigned)e->affiliation);
                td_jw_cstring(w, id);
            } else {
                td_jw_null(w);
            }
        }
        td_jw_object_end(w);
    }
    td_jw_array_end(w);
}

static void write_sentences(td_json_writer *w, const td_doc *doc)
{
    td_jw_key(w, "sentences");
    td_jw_array(w);
    for (size_t i = 0; i < doc->nsentences; i++) {
        const td_sentence *s = &doc->sentences[i];
        td_jw_object(w);
        td_jw_key(w, "start");
        td_jw_int(w, s->span.start);
        td_jw_key(w, "end");
        td_jw_int(w, s->span.end);
        td_jw_key(w, "tokens");
        td_jw_array(w);
        for (uint32_t t = s->first_token; t < s->first_token + s->ntokens && t < doc->ntokens; t++) {
            td_jw_array(w);
            td_jw_int(w, doc->tokens[t].span.start);
            td_jw_int(w, doc->tokens[t].span.end);
            td_jw_array_end(w);
        }
        td_jw_array_end(w);
        td_jw_object_end(w);
    }
    td_jw_array_end(w);
}

static void write_empty_array(td_json_writer *w, const char *key)
{
    td_jw_key(w, key);
    td_jw_array(w);
    td_jw_array_end(w);
}

char *td_doc_json(const td_doc *doc, td_json_shape shape, int pretty, size_t *len)
{
    td_buf out;
    td_buf_init(&out);
    td_buf_reserve(&out, doc->len * 3 + 1024);
    td_json_writer w;
    td_jw_init(&w, &out);
    td_jw_object(&w);
    td_jw_key(&w, "tidings");
    td_jw_int(&w, TD_SCHEMA_VERSION);
    td_jw_key(&w, "id");
    td_jw_cstring(&w, doc->id);
    td_jw_key(&w, "url");
    td_jw_cstring(&w, doc->url);
    td_jw_key(&w, "source");
    td_jw_cstring(&w, doc->source);
    td_jw_key(&w, "date");
    td_jw_cstring(&w, doc->date);
    td_jw_key(&w, "kind");
    td_jw_cstring(&w, td_kind_name(doc->kind));
    td_jw_key(&w, "text");
    td_jw_string(&w, doc->text, doc->len);
    write_anatomy(&w, doc);
    if (shape == TD_JSON_EXTRACT) {
        write_body_text(&w, doc);
    } else {
        write_sentences(&w, doc);
        write_entities(&w, doc);
        static const char *const later[] = {"places", "dates", "amounts", "counts",
                                            "quotes", "events", NULL};
        for (size_t i = 0; later[i]; i++)
            write_empty_array(&w, later[i]);
        td_jw_key(&w, "tone");
        td_jw_null(&w);
        td_jw_key(&w, "framing");
        td_jw_object(&w);
        write_empty_array(&w, "labels");
        write_empty_array(&w, "scare_quotes");
        write_empty_array(&w, "sources");
        td_jw_object_end(&w);
        write_empty_array(&w, "themes");
    }
    td_jw_object_end(&w);
    if (!pretty)
        return td_buf_take(&out, len);
    char *p = td_json_pretty(out.data, out.len, len);
    td_buf_free(&out);
    return p;
}
