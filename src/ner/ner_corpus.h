/*
 * ner_corpus.h — the in-memory CoNLL corpus shared by corpus.c and train.c.
 */
#ifndef TD_NER_CORPUS_H
#define TD_NER_CORPUS_H

#include "ner/ner_impl.h"

typedef struct ner_cdoc {
    size_t start, ntok; /* tokens */
    size_t sent0, nsent; /* c->sent[sent0 .. sent0+nsent] (one extra: end) */
} ner_cdoc;

struct td_ner_corpus {
    char *text;
    td_ner_tok *tok;
    uint8_t *gold;
    size_t ntok, tok_cap, gold_cap, offs_cap;
    uint32_t *sent; /* per document, relative to its first token */
    size_t nsent, sent_cap;
    ner_cdoc *docs;
    size_t ndocs, docs_cap;
};

/* A view of document k. */
td_ner_doc ner_corpus_doc(const td_ner_corpus *c, size_t k);

#endif
