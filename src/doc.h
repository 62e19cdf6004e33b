/*
 * doc.h — the document every stage reads and adds to (internal).
 *
 * A td_doc is created by the reader with its normalized UTF-8 text, then
 * flows through the stages in pipeline order (DESIGN.md): anatomy, language,
 * entities, places, dates, numbers, quotes, events, tone and framing.  Each
 * stage only adds to it.  All memory hangs off doc->arena and is released by
 * td_doc_free(); stages never free what they allocate.
 *
 * Offsets are byte offsets into doc->text, half-open [start, end).
 */
#ifndef TD_DOC_H
#define TD_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "tidings.h"
#include "util/arena.h"

typedef struct td_span {
    uint32_t start, end;
} td_span;

/* ---- anatomy ---------------------------------------------------------- */

typedef enum td_part_kind {
    TD_PART_SECTION,
    TD_PART_HEADLINE,
    TD_PART_STANDFIRST,
    TD_PART_BYLINE,
    TD_PART_DATELINE,
    TD_PART_BODY,       /* one per paragraph */
    TD_PART_CAPTION,
    TD_PART_CREDIT,
    TD_PART_RELATED,
    TD_PART_BOILERPLATE,
    TD_PART_KIND_COUNT
} td_part_kind;

/* One labelled stretch of text, e.g. a body paragraph or the headline.
 * `from` says where it came from (e.g. "line-shape", "og:title", "h1"); it
 * may be NULL. */
typedef struct td_part {
    td_part_kind kind;
    td_span span;
    const char *from;
} td_part;

/* Page metadata found outside the text (HTML <meta>, JSON-LD, feeds, WARC):
 * key/value pairs such as "site_name", "published", "modified", "language",
 * "image", "title", each with where it came from. */
typedef struct td_meta {
    const char *key, *value, *from;
} td_meta;

typedef struct td_anatomy {
    td_part *parts; /* in text order */
    size_t nparts, cap;
    td_meta *meta;
    size_t nmeta, meta_cap;
} td_anatomy;

/* ---- language --------------------------------------------------------- */

typedef enum td_token_kind {
    TD_TOK_WORD,   /* letters, possibly with inner - . (U.S., pro-EU); clitics
                    * are split off as in the Penn Treebank: Kosovo + ’s, do + n’t */
    TD_TOK_NUMBER, /* digits with separators: 1,000  3.5  1999  24/7 */
    TD_TOK_PUNCT,
    TD_TOK_SYMBOL, /* $ % € + etc. */
    TD_TOK_URL,
    TD_TOK_EMAIL
} td_token_kind;

/* Token flags. */
enum {
    TD_TF_CAP = 1 << 0,        /* first letter upper case */
    TD_TF_ALLCAPS = 1 << 1,    /* every letter upper case (>= 2 letters) */
    TD_TF_SPACE_BEFORE = 1 << 2,
    TD_TF_QUOTE_OPEN = 1 << 3,  /* opening quotation mark */
    TD_TF_QUOTE_CLOSE = 1 << 4, /* closing quotation mark */
    TD_TF_ABBREV = 1 << 5       /* known abbreviation ending in '.' */
};

typedef struct td_token {
    td_span span;
    uint8_t kind;   /* td_token_kind */
    uint8_t tag;    /* part of speech, when a tagger has run (0 = none) */
    uint16_t flags; /* TD_TF_* */
    uint32_t sentence;
} td_token;

typedef struct td_sentence {
    td_span span;
    uint32_t first_token, ntokens;
    uint32_t part; /* index into anatomy.parts */
} td_sentence;

/* ---- entities --------------------------------------------------------- */

typedef enum td_entity_kind {
    TD_ENT_PERSON, TD_ENT_ORG, TD_ENT_PLACE, TD_ENT_GROUP, TD_ENT_FACILITY,
    TD_ENT_OTHER
} td_entity_kind;

typedef struct td_mention {
    td_span span;
    uint32_t first_token, ntokens;
} td_mention;

typedef struct td_entity {
    td_entity_kind kind;
    const char *name;    /* canonical (longest) form */
    td_mention *mentions;
    size_t nmentions, cap;
    const char *role;    /* "President", "defense minister" */
    char country[4];     /* ISO 3166 alpha-3 or "" */
    uint32_t affiliation; /* persons: 1 + index in doc->entities of their
                           * organization ("ING analyst X"); 0 if none */
} td_entity;

/* ---- the document ----------------------------------------------------- */

struct td_doc {
    td_arena arena;
    const td_engine *engine;

    const char *id, *url, *source, *date; /* date: YYYY-MM-DD or NULL */
    td_kind kind;                         /* what the input was */

    char *text; /* normalized UTF-8 NFC, NUL-terminated */
    size_t len;

    td_anatomy anatomy;
    int has_anatomy; /* set by a reader that found the anatomy itself (HTML) */

    td_token *tokens;
    size_t ntokens, tokens_cap;
    td_sentence *sentences;
    size_t nsentences, sentences_cap;

    td_entity *entities;
    size_t nentities, entities_cap;
};

/* Creates a document owning a copy of text[0..len) (already normalized). */
td_doc *td_doc_new(const td_engine *engine, const char *text, size_t len,
                   const td_input *input);

static inline td_span td_span_make(size_t start, size_t end)
{
    td_span s = {(uint32_t)start, (uint32_t)end};
    return s;
}

/* Adds a part (anatomy) and a metadata pair; strings are copied. */
td_part *td_doc_add_part(td_doc *doc, td_part_kind kind, size_t start,
                         size_t end, const char *from);
void td_doc_add_meta(td_doc *doc, const char *key, const char *value,
                     const char *from);
const char *td_doc_meta(const td_doc *doc, const char *key);

/* Whether later stages analyse this part (headline, standfirst, body). */
int td_part_is_analysed(td_part_kind kind);
const char *td_part_kind_name(td_part_kind kind);

#endif
