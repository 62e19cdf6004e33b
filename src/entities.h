/*
 * entities.h — what entities.c and entities_roles.c share (internal).
 */
#ifndef TD_ENTITIES_H
#define TD_ENTITIES_H

#include "doc.h"
#include <stdint.h>

#include "util/dict.h"

/* The word lists the entity stage reads (any may be NULL). */
typedef struct ent_lex {
    const td_dict *demonyms;    /* "Serbian" → SRB, "Kurds" → "" */
    const td_dict *countries;   /* "Kosovo" → XKX */
    const td_dict *titles;      /* "President", "Defense Minister" */
    const td_dict *roles;       /* more role words: "executive" */
    const td_dict *group_nouns; /* "police", "troops" */
    const td_dict *facility;    /* "Camp" → prefix, "Airport" → suffix */
    const td_dict *regions;     /* "Balkans", "Middle East" */
    const td_dict *of_heads;    /* "Republic" → place: "Republic of X" */
} ent_lex;

/* Fills lex from the engine's dictionaries. */
void ent_lex_init(ent_lex *lex, const td_engine *engine);

/* Builds doc->entities from one NER tag per token (ner.h's TD_NER_*):
 * what td_entities does after tagging; tests call it with tags they
 * choose. */
void ent_from_tags(td_doc *doc, const ent_lex *lex, const uint8_t *tags);

/* Token i's text is exactly s. */
int ent_tok_is(const td_doc *doc, size_t i, const char *s);
/* Token i is a possessive clitic ('s, ’s, or a lone apostrophe). */
int ent_tok_possessive(const td_doc *doc, size_t i);

/* What the words around a person's name say about them. */
typedef struct ent_role {
    const char *role;  /* arena string, or NULL */
    char country[4];   /* ISO3, or "" */
    size_t org_end;    /* an organization mention ending at this token
                        * (exclusive) is the person's: "ING analyst X" */
    size_t org_start;  /* or one starting here: "X, chairman of ING" */
} ent_role;

/* Role, country and where an affiliation would stand, for a person
 * mentioned by tokens [first, end) of its sentence [s0, s1), from
 * premodifiers or an apposition.  Returns whether it found a role or a
 * country; org_end / org_start are SIZE_MAX where no place fits. */
int ent_person_role(td_doc *doc, const ent_lex *lex, size_t s0, size_t s1,
                    size_t first, size_t end, ent_role *out);

/* ISO3 of a country or nationality named by text[0..n), or NULL. */
const char *ent_country_of(const ent_lex *lex, const char *s, size_t n);

/* A mention found by the tagger or the rules (entities.c). */
typedef struct ent_ment {
    uint32_t first, end; /* tokens [first, end) */
    td_span span;
    int kind;            /* td_entity_kind */
    int ner;             /* NER type or -1 */
    uint64_t key;        /* hash of the lower-cased name */
    int cluster;
    int dropped;
} ent_ment;

typedef struct ent_ments {
    ent_ment *m;
    size_t n, cap;
} ent_ments;

/* Hash of a name, ASCII case and runs of blanks ignored. */
uint64_t ent_key_hash(const char *s, size_t n);
/* First token of token i's sentence, and one past its last. */
uint32_t ent_sentence_start(const td_doc *doc, size_t i);
uint32_t ent_sentence_end(const td_doc *doc, size_t i);

/* Clusters, links and writes doc->entities (entities_link.c). */
int ent_build(td_doc *doc, const ent_lex *lex, ent_ments *ms);

#endif
