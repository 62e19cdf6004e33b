/*
 * lang_util.h — helpers for the tokenizer and sentence-splitter tests.
 *
 * lang_doc() makes a document of one body paragraph (or a headline) and
 * runs td_tokenize on it with the engine's real word lists from data/dict;
 * toks() and sents() render the result as one string ("U.S.|embassy|."
 * and "First one.\nSecond one.") so a test reads as the text it checks.
 * Every call also checks the invariants of the result (spans in order,
 * inside the part, tokens inside their sentence).
 */
#ifndef TD_LANG_UTIL_H
#define TD_LANG_UTIL_H

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "stages.h"
#include "tokenize.h"

static td_engine *lang_engine_ptr; /* test code: one engine per program */

static inline td_engine *lang_engine(void)
{
    td_engine *e = lang_engine_ptr;
    if (!e) {
        char err[256];
        /* the language stage needs no trained model: do not load one */
        td_engine_options no_models = {NULL, "/nonexistent-tidings-models"};
        e = td_engine_new(&no_models, err, sizeof err);
        if (!e) {
            fprintf(stderr, "engine: %s\n", err);
            exit(1);
        }
        lang_engine_ptr = e;
    }
    return e;
}

static inline void lang_done(void)
{
    td_engine_free(lang_engine_ptr);
    lang_engine_ptr = NULL;
}

static inline void lang_check_invariants(const td_doc *doc)
{
    uint32_t prev_end = 0;
    for (size_t i = 0; i < doc->ntokens; i++) {
        const td_token *t = &doc->tokens[i];
        CHECK(t->span.start < t->span.end);
        CHECK(t->span.start >= prev_end);
        CHECK(t->span.end <= doc->len);
        CHECK(t->sentence < doc->nsentences);
        if (t->sentence < doc->nsentences) {
            const td_sentence *s = &doc->sentences[t->sentence];
            CHECK(i >= s->first_token && i < s->first_token + s->ntokens);
            CHECK(t->span.start >= s->span.start && t->span.end <= s->span.end);
        }
        prev_end = t->span.end;
    }
    size_t next = 0;
    for (size_t i = 0; i < doc->nsentences; i++) {
        const td_sentence *s = &doc->sentences[i];
        CHECK_EQ_INT(s->first_token, next);
        CHECK(s->ntokens > 0);
        next = s->first_token + s->ntokens;
    }
    CHECK_EQ_INT(next, doc->ntokens);
}

static inline td_doc *lang_doc_kind(const char *text, td_part_kind kind)
{
    td_doc *doc = td_doc_new(lang_engine(), text, strlen(text), NULL);
    td_doc_add_part(doc, kind, 0, strlen(text), "test");
    td_tokenize(doc);
    lang_check_invariants(doc);
    return doc;
}

static inline td_doc *lang_doc(const char *text)
{
    return lang_doc_kind(text, TD_PART_BODY);
}

/* Tokens joined by '|'; the caller frees. */
static inline char *lang_join_tokens(const td_doc *doc)
{
    size_t n = 1;
    for (size_t i = 0; i < doc->ntokens; i++)
        n += doc->tokens[i].span.end - doc->tokens[i].span.start + 1;
    char *out = calloc(1, n), *p = out;
    for (size_t i = 0; i < doc->ntokens; i++) {
        if (i)
            *p++ = '|';
        size_t k = doc->tokens[i].span.end - doc->tokens[i].span.start;
        memcpy(p, doc->text + doc->tokens[i].span.start, k);
        p += k;
    }
    *p = 0;
    return out;
}

/* Sentences joined by '\n'; the caller frees. */
static inline char *lang_join_sentences(const td_doc *doc)
{
    size_t n = 1;
    for (size_t i = 0; i < doc->nsentences; i++)
        n += doc->sentences[i].span.end - doc->sentences[i].span.start + 1;
    char *out = calloc(1, n), *p = out;
    for (size_t i = 0; i < doc->nsentences; i++) {
        if (i)
            *p++ = '\n';
        size_t k = doc->sentences[i].span.end - doc->sentences[i].span.start;
        memcpy(p, doc->text + doc->sentences[i].span.start, k);
        p += k;
    }
    *p = 0;
    return out;
}

/* CHECK_TOKS("a b.", "a|b|."): the tokens of a body paragraph. */
#define CHECK_TOKS(text, want)                                                 \
    do {                                                                       \
        td_doc *doc_ = lang_doc(text);                                           \
        char *got_ = lang_join_tokens(doc_);                                       \
        CHECK_EQ_STR(got_, want);                                                \
        free(got_);                                                              \
        td_doc_free(doc_);                                                       \
    } while (0)

/* CHECK_SENTS("A b. C d.", "A b.\nC d."): the sentences of a paragraph. */
#define CHECK_SENTS(text, want)                                                \
    do {                                                                       \
        td_doc *doc_ = lang_doc(text);                                           \
        char *got_ = lang_join_sentences(doc_);                                    \
        CHECK_EQ_STR(got_, want);                                                \
        free(got_);                                                              \
        td_doc_free(doc_);                                                       \
    } while (0)

#endif
