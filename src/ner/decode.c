/*
 * decode.c — tagging a document with a trained model.
 *
 * For each sentence the emission score of every tag at every token is the
 * sum of the weights of the token's features (int16 weights, scaled once);
 * first-order Viterbi then picks the best IOB2 sequence, with transitions
 * that IOB2 forbids (O -> I-X, B-X -> I-Y) excluded.  With a two-pass model
 * the whole document is tagged once, the pass-1 tags become features
 * (ner_doc_history), and the document is tagged again with pass 2.
 * Scratch memory is allocated once per document, never per token.
 */
#include <stdlib.h>
#include <string.h>

#include "ner/ner_impl.h"

static const char *const tag_names[TD_NER_NTAGS] = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
};

const char *td_ner_tag_name(int tag)
{
    return tag >= 0 && tag < TD_NER_NTAGS ? tag_names[tag] : "O";
}

int td_ner_tag_parse(const char *s, size_t n)
{
    for (int t = 0; t < TD_NER_NTAGS; t++)
        if (strlen(tag_names[t]) == n && !memcmp(tag_names[t], s, n))
            return t;
    return -1;
}

void ner_to_bilou(const uint8_t *iob, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        int t = iob[i];
        if (!t || t >= TD_NER_NTAGS) {
            out[i] = 0;
            continue;
        }
        int y = TD_NER_TYPE(t);
        int begins = TD_NER_IS_B(t) || i == 0 || !iob[i - 1] ||
                     TD_NER_TYPE(iob[i - 1]) != y;
        int ends = i + 1 == n || !iob[i + 1] || TD_NER_IS_B(iob[i + 1]) ||
                   TD_NER_TYPE(iob[i + 1]) != y;
        int pos = begins ? (ends ? NER_U : NER_B) : (ends ? NER_L : NER_I);
        out[i] = (uint8_t)(1 + 4 * y + pos);
    }
}

void ner_to_iob(const uint8_t *bilou, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        int t = bilou[i];
        if (!t || t >= NER_NT) {
            out[i] = 0;
            continue;
        }
        int pos = NER_IPOS(t);
        out[i] = (uint8_t)(1 + 2 * NER_ITYPE(t) + (pos == NER_I || pos == NER_L));
    }
}

void ner_viterbi(const float *em, size_t n, const float *trans, uint8_t *back,
                 uint8_t *tags)
{
    /* transitions IOB2/BILOU forbids get a score no path survives; with
     * them folded into the matrix the inner loop has no branches */
    const float NEG = -1e30f;
    float tr[(NER_NT + 1) * NER_NT], cur[NER_NT], nxt[NER_NT];
    if (!n)
        return;
    for (int a = 0; a <= NER_NT; a++)
        for (int t = 0; t < NER_NT; t++)
            tr[a * NER_NT + t] = ner_allowed(a, t) ? trans[a * NER_NT + t] : NEG;
    for (int t = 0; t < NER_NT; t++)
        cur[t] = tr[NER_NT * NER_NT + t] + em[t];
    for (size_t i = 1; i < n; i++) {
        const float *e = em + i * NER_NT;
        uint8_t *bk = back + i * NER_NT;
        for (int t = 0; t < NER_NT; t++) {
            float best = cur[0] + tr[t];
            int arg = 0;
            for (int a = 1; a < NER_NT; a++) {
                float v = cur[a] + tr[a * NER_NT + t];
                if (v > best) {
                    best = v;
                    arg = a;
                }
            }
            nxt[t] = best + e[t];
            bk[t] = (uint8_t)arg;
        }
        memcpy(cur, nxt, sizeof cur);
    }
    int arg = 0;
    for (int t = 1; t < NER_NT; t++)
        if (ner_can_end(t) && cur[t] > cur[arg])
            arg = t;
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)arg;
        if (i)
            arg = back[i * NER_NT + arg];
    }
}

/* The table is far larger than the caches and lookups are random, so
 * the time goes into waiting for memory: the features of the next token
 * are computed and their slots prefetched while the current token's
 * weights are summed. */
static void emissions(const ner_table *tab, const td_ner_doc *doc,
                      const ner_tokinfo *ti, size_t s0, size_t s1, int pass,
                      float *em)
{
    uint64_t fa[NER_MAX_FEATS], fb[NER_MAX_FEATS];
    uint64_t *cur = fa, *next = fb;
    size_t ncur = s0 < s1 ? ner_features(doc, ti, s0, s1, s0, pass, cur) : 0;
    for (size_t k = 0; k < ncur; k++)
        __builtin_prefetch(&tab->e[(cur[k] ? cur[k] : 1) & tab->mask]);
    for (size_t i = s0; i < s1; i++) {
        size_t nnext = 0;
        if (i + 1 < s1) {
            nnext = ner_features(doc, ti, s0, s1, i + 1, pass, next);
            for (size_t k = 0; k < nnext; k++)
                __builtin_prefetch(&tab->e[(next[k] ? next[k] : 1) & tab->mask]);
        }
        int32_t sum[NER_NT] = {0};
        for (size_t k = 0; k < ncur; k++) {
            const ner_entry *e = ner_table_find(tab, cur[k]);
            if (!e)
                continue;
            for (int t = 0; t < NER_NT; t++)
                sum[t] += e->w[t];
        }
        for (int t = 0; t < NER_NT; t++)
            em[(i - s0) * NER_NT + t] = (float)sum[t] * tab->scale;
        uint64_t *tmp = cur;
        cur = next;
        next = tmp;
        ncur = nnext;
    }
}

static void tag_pass(const ner_table *tab, const td_ner_doc *doc,
                     const ner_tokinfo *ti, int pass, float *em, uint8_t *back,
                     uint8_t *tags)
{
    for (size_t k = 0; k < doc->nsent; k++) {
        size_t s0 = doc->sent[k], s1 = doc->sent[k + 1];
        if (s1 > doc->ntok || s0 > s1)
            break;
        emissions(tab, doc, ti, s0, s1, pass, em);
        ner_viterbi(em, s1 - s0, tab->trans, back, tags + s0);
    }
}

int ner_tag_with(const ner_table *p1, const ner_table *p2, const td_ner_gaz *gaz,
                 const td_ner_doc *doc, uint8_t *tags)
{
    size_t n = doc->ntok;
    memset(tags, 0, n);
    if (!n)
        return 0;
    /* scores and back pointers are per sentence: sized for the longest */
    size_t longest = 1;
    for (size_t k = 0; k < doc->nsent; k++)
        if (doc->sent[k + 1] > doc->sent[k] && doc->sent[k + 1] - doc->sent[k] > longest)
            longest = doc->sent[k + 1] - doc->sent[k];
    if (longest > n)
        longest = n;
    ner_tokinfo *ti = malloc(n * sizeof *ti);
    float *em = malloc(longest * NER_NT * sizeof *em);
    uint8_t *back = malloc(longest * NER_NT);
    int rc = -1;
    if (!ti || !em || !back || ner_doc_info(doc, gaz, ti))
        goto out;
    tag_pass(p1, doc, ti, 1, em, back, tags);
    if (p2) {
        if (ner_doc_history(doc, ti, tags))
            goto out;
        tag_pass(p2, doc, ti, 2, em, back, tags);
    }
    ner_to_iob(tags, n, tags);
    rc = 0;
out:
    free(ti);
    free(em);
    free(back);
    return rc;
}

int td_ner_tag(const td_ner_model *m, const td_ner_doc *doc, uint8_t *tags)
{
    if (!m)
        return -1;
    return ner_tag_with(&m->pass[0], m->npass > 1 ? &m->pass[1] : NULL, &m->gaz,
                        doc, tags);
}
