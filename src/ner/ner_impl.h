/*
 * ner_impl.h — what the files of src/ner/ share and nobody else needs:
 * hashing, per-token context for the feature extractor, the Viterbi
 * decoder over an emission matrix, and the compact runtime weight table.
 */
#ifndef TD_NER_IMPL_H
#define TD_NER_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "ner/ner.h"

/* Internally the model uses BILOU tags (Ratinov & Roth found them better
 * than IOB2): 0 = O, then for each type y (TD_NER_PER...) 1+4y = B (begins
 * a longer entity), 2+4y = I (inside), 3+4y = L (last), 4+4y = U (a
 * one-token entity).  td_ner_tag converts back to IOB2. */
#define NER_NT (1 + 4 * TD_NER_NTYPES)
#define NER_ITYPE(t) (((t) - 1) / 4)
#define NER_IPOS(t) (((t) - 1) % 4)
enum { NER_B, NER_I, NER_L, NER_U };
#define NER_MAX_FEATS 128

static inline uint64_t ner_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* FNV-1a over bytes, optionally ASCII lower-cased. */
static inline uint64_t ner_hash(const char *s, size_t n, int fold)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (fold && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h = (h ^ c) * 0x100000001b3ULL;
    }
    return h;
}

/* Token flags for features. */
enum {
    NER_F_CAP = 1 << 0,      /* first letter upper case */
    NER_F_ALLCAPS = 1 << 1,  /* letters all upper case */
    NER_F_DIGIT = 1 << 2,    /* has a digit */
    NER_F_FIRST = 1 << 3,    /* first token of its sentence */
    NER_F_CAPSSENT = 1 << 4, /* sentence mostly in capitals (headline) */
    NER_F_LOWELSE = 1 << 5,  /* lower-case form occurs elsewhere in doc */
    NER_F_CAPELSE = 1 << 6,  /* capitalized mid-sentence elsewhere in doc */
    NER_F_NOALPHA = 1 << 7   /* no letter at all */
};

typedef struct ner_tokinfo {
    uint64_t word, lower, shape, sshape;
    uint16_t gaz;   /* td_ner_gaz_mark bits */
    uint8_t flags;  /* NER_F_* */
    uint8_t p1;     /* pass-1 tag */
    uint8_t hist;   /* pass-1 majority tag of this word elsewhere, +1; 0 none */
    uint8_t histn;  /* how many other occurrences (capped) */
} ner_tokinfo;

/* Fills ti[0..ntok) for a document: hashes, flags, gazetteer marks and the
 * document-level context flags.  p1/hist left zero. */
int ner_doc_info(const td_ner_doc *doc, const td_ner_gaz *gaz, ner_tokinfo *ti);
/* Fills hist/histn from pass-1 tags p1 (also stored in ti). */
int ner_doc_history(const td_ner_doc *doc, ner_tokinfo *ti, const uint8_t *p1);

/* Features of token i (sentence [s0, s1)) for the given pass (1 or 2);
 * returns how many were written to out (at most NER_MAX_FEATS). */
size_t ner_features(const td_ner_doc *doc, const ner_tokinfo *ti, size_t s0,
                    size_t s1, size_t i, int pass, uint64_t *out);

/* Whether internal tag b may follow tag a (a == NER_NT: sentence start). */
static inline int ner_allowed(int a, int b)
{
    int open = a != NER_NT && a != 0 && NER_IPOS(a) <= NER_I;
    if (open)
        return b != 0 && (NER_IPOS(b) == NER_I || NER_IPOS(b) == NER_L) &&
               NER_ITYPE(a) == NER_ITYPE(b);
    return b == 0 || NER_IPOS(b) == NER_B || NER_IPOS(b) == NER_U;
}

/* Whether a sentence may end with internal tag t. */
static inline int ner_can_end(int t)
{
    return t == 0 || NER_IPOS(t) >= NER_L;
}

/* IOB2 (TD_NER_*) <-> internal BILOU, over a document's tags (gold IOB2
 * never continues an entity across a sentence start). */
void ner_to_bilou(const uint8_t *iob, size_t n, uint8_t *out);
void ner_to_iob(const uint8_t *bilou, size_t n, uint8_t *out);

/* Viterbi: emission scores em[n][NER_NT], transitions trans[NER_NT+1][NER_NT]
 * (row NER_NT = start), scratch back[n][NER_NT]; writes tags[n]. */
void ner_viterbi(const float *em, size_t n, const float *trans, uint8_t *back,
                 uint8_t *tags);

/* Runtime weight table: open addressing, key 0 = empty. */
/* One cache line per entry: a lookup that hits reads one line. */
typedef struct ner_entry {
    _Alignas(64) uint64_t key;
    int16_t w[NER_NT];
} ner_entry;

typedef struct ner_table {
    ner_entry *e;
    size_t mask;
    float scale;
    float trans[(NER_NT + 1) * NER_NT];
} ner_table;

static inline const ner_entry *ner_table_find(const ner_table *t, uint64_t key)
{
    if (!key)
        key = 1;
    for (size_t i = key & t->mask;; i = (i + 1) & t->mask) {
        if (t->e[i].key == key)
            return &t->e[i];
        if (!t->e[i].key)
            return NULL;
    }
}

struct td_ner_gaz {
    uint64_t *keys; /* phrase hashes, 0 = empty */
    uint8_t *bits;
    size_t mask, n;
    uint32_t maxlen; /* longest phrase in tokens */
};

struct td_ner_model {
    int npass;
    ner_table pass[2];
    td_ner_gaz gaz;
};

/* Tags with a model whose gazetteer and tables are given (decode.c). */
int ner_tag_with(const ner_table *p1, const ner_table *p2, const td_ner_gaz *gaz,
                 const td_ner_doc *doc, uint8_t *tags);

/* Writes a model file (model.c): tables as (key, int16 weights) lists. */
typedef struct ner_wlist {
    const uint64_t *keys;
    const float *w; /* n * NER_NT */
    size_t n;
    const float *trans;
} ner_wlist;
int ner_model_write(const char *path, const ner_wlist *passes, int npass,
                    const td_ner_gaz *gaz, char *err, size_t errlen);

#endif
