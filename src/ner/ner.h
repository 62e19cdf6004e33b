/*
 * ner.h — the named-entity tagger (internal API of src/ner/).
 *
 * A structured averaged perceptron over hashed features with first-order
 * Viterbi decoding over IOB2 tags (PER, ORG, LOC, MISC), in two passes as
 * in Ratinov & Roth (2009): pass 1 tags a document with local and
 * document-level context features; pass 2 adds what pass 1 predicted for
 * the same words elsewhere in the document ("extended prediction
 * history").  The model file carries both weight tables and the gazetteer
 * (hashed phrases with type bits) it was trained with, so tagging needs
 * nothing but the model.
 *
 * Files: features.c (token features), gazetteer.c (phrase matching),
 * model.c (weights table, load/save), decode.c (Viterbi, tagging a
 * document), train.c (the perceptron trainer).
 */
#ifndef TD_NER_H
#define TD_NER_H

#include <stddef.h>
#include <stdint.h>

enum {
    TD_NER_O,
    TD_NER_B_PER, TD_NER_I_PER,
    TD_NER_B_ORG, TD_NER_I_ORG,
    TD_NER_B_LOC, TD_NER_I_LOC,
    TD_NER_B_MISC, TD_NER_I_MISC,
    TD_NER_NTAGS
};
/* Entity types: tag t > 0 has type (t - 1) / 2; B tags are odd. */
enum { TD_NER_PER, TD_NER_ORG, TD_NER_LOC, TD_NER_MISC, TD_NER_NTYPES };
#define TD_NER_TYPE(t) (((t) - 1) / 2)
#define TD_NER_IS_B(t) ((t) > 0 && ((t) & 1))

/* "O", "B-PER", ... and parsing of the same (IOB1 I- at a start is read as
 * B-; returns -1 for an unknown tag). */
const char *td_ner_tag_name(int tag);
int td_ner_tag_parse(const char *s, size_t n);

/* Gazetteer types (bits). */
enum {
    TD_GAZ_LOC = 1 << 0,     /* countries, cities, regions */
    TD_GAZ_COUNTRY = 1 << 1, /* country names */
    TD_GAZ_NAT = 1 << 2,     /* demonyms, nationalities */
    TD_GAZ_FIRST = 1 << 3,   /* first names */
    TD_GAZ_ORGSUF = 1 << 4,  /* words that end organisation names */
    TD_GAZ_TITLE = 1 << 5,   /* titles and roles */
    TD_GAZ_NTYPES = 6
};

/* One token of a document to tag: its bytes (not NUL-terminated). */
typedef struct td_ner_tok {
    const char *s;
    uint32_t n;
} td_ner_tok;

/* A document: tokens in order; sentence k is [sent[k], sent[k+1]) with
 * sent[nsent] == ntok. */
typedef struct td_ner_doc {
    const td_ner_tok *tok;
    size_t ntok;
    const uint32_t *sent;
    size_t nsent;
} td_ner_doc;

typedef struct td_ner_model td_ner_model;
typedef struct td_ner_gaz td_ner_gaz;

/* ---- model.c ---------------------------------------------------------- */

td_ner_model *td_ner_load(const char *path, char *err, size_t errlen);
void td_ner_free(td_ner_model *m);
/* Loads MODEL_DIR/ner.model for the engine: 0 with *out NULL when there is
 * no such file (entities are then not tagged), -1 with a message when it
 * cannot be read or is corrupt. */
int td_ner_load_dir(const char *model_dir, td_ner_model **out, char *err,
                    size_t errlen);

/* ---- decode.c --------------------------------------------------------- */

/* Tags a document: tags[i] for each token.  Returns 0, -1 on out of memory. */
int td_ner_tag(const td_ner_model *m, const td_ner_doc *doc, uint8_t *tags);

/* ---- gazetteer.c ------------------------------------------------------ */

/* Builds a gazetteer from data/dict files in data_dir (missing files are
 * skipped).  NULL on out of memory. */
td_ner_gaz *td_ner_gaz_build(const char *data_dir);
void td_ner_gaz_free(td_ner_gaz *g);
/* Adds a phrase (words separated by single spaces; case ignored). */
int td_ner_gaz_add(td_ner_gaz *g, const char *phrase, size_t n, unsigned bits);
/* For each token, bits of the types of gazetteer phrases that begin there
 * (low byte) and that cover it without beginning there (next byte). */
void td_ner_gaz_mark(const td_ner_gaz *g, const td_ner_doc *doc, uint16_t *marks);

/* ---- train.c ---------------------------------------------------------- */

typedef struct td_ner_train_opts {
    unsigned seed;
    int epochs;      /* maximum epochs; 0 = default */
    int two_pass;    /* train the pass-2 model too */
    int verbose;
} td_ner_train_opts;

/* A corpus read from a CoNLL file: documents with gold tags. */
typedef struct td_ner_corpus td_ner_corpus;
td_ner_corpus *td_ner_corpus_read(const char *path, char *err, size_t errlen);
void td_ner_corpus_free(td_ner_corpus *c);
size_t td_ner_corpus_ntokens(const td_ner_corpus *c);

/* Trains on train, picks the epoch by dev F1, writes out.  Returns 0 or -1
 * with a message. */
int td_ner_train(const td_ner_corpus *train, const td_ner_corpus *dev,
                 td_ner_gaz *gaz, const td_ner_train_opts *opt,
                 const char *out, char *err, size_t errlen);

/* Entity-level F1 (conlleval) of pred against gold over n tokens. */
typedef struct td_ner_score {
    size_t tp, fp, fn;
    size_t type_tp[TD_NER_NTYPES], type_fp[TD_NER_NTYPES], type_fn[TD_NER_NTYPES];
} td_ner_score;
void td_ner_score_add(td_ner_score *s, const uint8_t *gold, const uint8_t *pred,
                      size_t n);
double td_ner_score_f1(const td_ner_score *s);

#endif
