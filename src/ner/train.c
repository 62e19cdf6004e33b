/*
 * train.c — the structured averaged perceptron that trains the tagger.
 *
 * Features of every training token are extracted once per pass and mapped
 * to dense indices (a hash map from feature hash to index), so an epoch is
 * only sums, Viterbi and updates.  Averaging uses the usual trick: keep
 * the weights W and U = sum of (step * update); the average is W - U/step.
 * Documents are visited in an order shuffled by a seeded generator, so a
 * run is deterministic for a given seed.  After each epoch the averaged
 * weights are scored on the development set; the best epoch is kept and
 * training stops after three epochs without improvement.
 *
 * Two passes (Ratinov & Roth 2009): pass 2 sees pass-1 tags.  To give it
 * honest pass-1 tags on the training set, they come from two pass-1 models
 * each trained on the other half of the documents (jackknifing); the
 * development set and, later, real documents get the full pass-1 model's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/ner_corpus.h"
#include "stages.h"

#define TRANS_N ((NER_NT + 1) * NER_NT)

/* ---- feature index ------------------------------------------------------ */

typedef struct fmap {
    uint64_t *keys; /* slot keys, 0 = empty */
    int32_t *idx;
    size_t mask, n;
    uint64_t *byidx; /* index -> key */
    size_t cap;
} fmap;

static int fmap_grow(fmap *m)
{
    size_t cap = m->mask ? 2 * (m->mask + 1) : (1 << 20);
    uint64_t *k = calloc(cap, sizeof *k);
    int32_t *x = malloc(cap * sizeof *x);
    uint64_t *by = realloc(m->byidx, cap / 2 * sizeof *by);
    if (!k || !x || !by) {
        free(k);
        free(x);
        if (by)
            m->byidx = by;
        return -1;
    }
    m->byidx = by;
    for (size_t i = 0; m->mask && i <= m->mask; i++) {
        if (!m->keys[i])
            continue;
        size_t j = m->keys[i] & (cap - 1);
        while (k[j])
            j = (j + 1) & (cap - 1);
        k[j] = m->keys[i];
        x[j] = m->idx[i];
    }
    free(m->keys);
    free(m->idx);
    m->keys = k;
    m->idx = x;
    m->mask = cap - 1;
    m->cap = cap / 2;
    return 0;
}

/* Index of key; inserted when add, else -1 if absent; -2 on OOM. */
static int32_t fmap_get(fmap *m, uint64_t key, int add)
{
    if (!key)
        key = 1;
    if (add && m->n + 1 > m->cap && fmap_grow(m))
        return -2;
    size_t j = key & m->mask;
    while (m->keys[j]) {
        if (m->keys[j] == key)
            return m->idx[j];
        j = (j + 1) & m->mask;
    }
    if (!add)
        return -1;
    m->keys[j] = key;
    m->idx[j] = (int32_t)m->n;
    m->byidx[m->n] = key;
    return (int32_t)m->n++;
}

static void fmap_free(fmap *m)
{
    free(m->keys);
    free(m->idx);
    free(m->byidx);
}

/* ---- extracted features of a corpus (CSR) ------------------------------- */

typedef struct fdata {
    int32_t *f;
    size_t *off; /* ntok + 1 */
    size_t n, cap;
} fdata;

static void fdata_free(fdata *d)
{
    free(d->f);
    free(d->off);
}

/* Extracts features for all tokens; p1 (NULL for pass 1) are pass-1 tags. */
static int extract(const td_ner_corpus *c, const td_ner_gaz *gaz, int pass,
                   const uint8_t *p1, fmap *m, int add, fdata *out)
{
    memset(out, 0, sizeof *out);
    out->off = malloc((c->ntok + 1) * sizeof *out->off);
    ner_tokinfo *ti = malloc((c->ntok ? c->ntok : 1) * sizeof *ti);
    out->cap = c->ntok * 60 + 64;
    out->f = malloc(out->cap * sizeof *out->f);
    if (!out->off || !ti || !out->f)
        goto fail;
    for (size_t k = 0; k < c->ndocs; k++) {
        td_ner_doc d = ner_corpus_doc(c, k);
        size_t base = c->docs[k].start;
        if (ner_doc_info(&d, gaz, ti + base))
            goto fail;
        if (pass == 2 && ner_doc_history(&d, ti + base, p1 + base))
            goto fail;
        for (size_t s = 0; s < d.nsent; s++) {
            size_t s0 = d.sent[s], s1 = d.sent[s + 1];
            for (size_t i = s0; i < s1; i++) {
                uint64_t h[NER_MAX_FEATS];
                size_t nf = ner_features(&d, ti + base, s0, s1, i, pass, h);
                out->off[base + i] = out->n;
                if (out->n + nf > out->cap) {
                    out->cap *= 2;
                    int32_t *nfp = realloc(out->f, out->cap * sizeof *nfp);
                    if (!nfp)
                        goto fail;
                    out->f = nfp;
                }
                for (size_t q = 0; q < nf; q++) {
                    int32_t x = fmap_get(m, h[q], add);
                    if (x == -2)
                        goto fail;
                    if (x >= 0)
                        out->f[out->n++] = x;
                }
            }
        }
    }
    out->off[c->ntok] = out->n;
    free(ti);
    return 0;
fail:
    free(ti);
    fdata_free(out);
    return -1;
}

/* ---- the perceptron ----------------------------------------------------- */

typedef struct percep {
    size_t nfeat;
    float *w;  /* nfeat * NT */
    double *u; /* averaging accumulator */
    float trans[TRANS_N];
    double utrans[TRANS_N];
    double step;
} percep;

static int percep_init(percep *p, size_t nfeat)
{
    memset(p, 0, sizeof *p);
    p->nfeat = nfeat;
    p->w = calloc(nfeat * NER_NT + 1, sizeof *p->w);
    p->u = calloc(nfeat * NER_NT + 1, sizeof *p->u);
    p->step = 1;
    return p->w && p->u ? 0 : -1;
}

static void percep_free(percep *p)
{
    free(p->w);
    free(p->u);
}

/* Averaged weights into w (nfeat * NT) and trans. */
static void percep_average(const percep *p, float *w, float *trans)
{
    for (size_t i = 0; i < p->nfeat * NER_NT; i++)
        w[i] = (float)(p->w[i] - p->u[i] / p->step);
    for (int i = 0; i < TRANS_N; i++)
        trans[i] = (float)(p->trans[i] - p->utrans[i] / p->step);
}

static void sent_emissions(const float *w, const fdata *fd, size_t g0, size_t n,
                           float *em)
{
    for (size_t i = 0; i < n; i++) {
        float *e = em + i * NER_NT;
        memset(e, 0, NER_NT * sizeof *e);
        for (size_t k = fd->off[g0 + i]; k < fd->off[g0 + i + 1]; k++) {
            const float *x = w + (size_t)fd->f[k] * NER_NT;
            for (int t = 0; t < NER_NT; t++)
                e[t] += x[t];
        }
    }
}

typedef struct scratch {
    float *em;
    uint8_t *back, *pred;
} scratch;

static int scratch_init(scratch *s, const td_ner_corpus *c)
{
    size_t maxs = 1;
    for (size_t k = 0; k < c->ndocs; k++)
        for (size_t q = 0; q < c->docs[k].nsent; q++) {
            size_t len = c->sent[c->docs[k].sent0 + q + 1] - c->sent[c->docs[k].sent0 + q];
            if (len > maxs)
                maxs = len;
        }
    s->em = malloc(maxs * NER_NT * sizeof *s->em);
    s->back = malloc(maxs * NER_NT);
    s->pred = malloc(maxs);
    return s->em && s->back && s->pred ? 0 : -1;
}

static void scratch_free(scratch *s)
{
    free(s->em);
    free(s->back);
    free(s->pred);
}

/* Tags docs of c (all, or those with (k % 2) == fold when fold >= 0) with
 * weights w/trans into tags. */
static void tag_corpus(const td_ner_corpus *c, const fdata *fd, const float *w,
                       const float *trans, int fold, scratch *s, uint8_t *tags)
{
    for (size_t k = 0; k < c->ndocs; k++) {
        if (fold >= 0 && (int)(k % 2) != fold)
            continue;
        const ner_cdoc *d = &c->docs[k];
        for (size_t q = 0; q < d->nsent; q++) {
            size_t s0 = c->sent[d->sent0 + q], s1 = c->sent[d->sent0 + q + 1];
            sent_emissions(w, fd, d->start + s0, s1 - s0, s->em);
            ner_viterbi(s->em, s1 - s0, trans, s->back, tags + d->start + s0);
        }
    }
}

static void update(percep *p, const fdata *fd, size_t g0, const uint8_t *gold,
                   const uint8_t *pred, size_t n)
{
    double st = p->step;
    for (size_t i = 0; i < n; i++) {
        int pg = i ? gold[i - 1] : NER_NT, pp = i ? pred[i - 1] : NER_NT;
        int g = gold[i], y = pred[i];
        if (g != y || pg != pp) {
            p->trans[pg * NER_NT + g] += 1;
            p->utrans[pg * NER_NT + g] += st;
            p->trans[pp * NER_NT + y] -= 1;
            p->utrans[pp * NER_NT + y] -= st;
        }
        if (g == y)
            continue;
        for (size_t k = fd->off[g0 + i]; k < fd->off[g0 + i + 1]; k++) {
            size_t b = (size_t)fd->f[k] * NER_NT;
            p->w[b + g] += 1;
            p->u[b + g] += st;
            p->w[b + y] -= 1;
            p->u[b + y] -= st;
        }
    }
}

static uint64_t rng_next(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ULL;
    return ner_mix(*s);
}

/* One epoch over the docs of c (those not in fold skip; skip < 0: all). */
static void epoch(percep *p, const td_ner_corpus *c, const uint8_t *gold,
                  const fdata *fd, size_t *order, uint64_t *rng, int skip, scratch *s)
{
    for (size_t k = c->ndocs; k > 1; k--) {
        size_t j = rng_next(rng) % k;
        size_t t = order[k - 1];
        order[k - 1] = order[j];
        order[j] = t;
    }
    for (size_t oi = 0; oi < c->ndocs; oi++) {
        size_t k = order[oi];
        if (skip >= 0 && (int)(k % 2) == skip)
            continue;
        const ner_cdoc *d = &c->docs[k];
        for (size_t q = 0; q < d->nsent; q++) {
            size_t s0 = c->sent[d->sent0 + q], s1 = c->sent[d->sent0 + q + 1];
            size_t g0 = d->start + s0, n = s1 - s0;
            sent_emissions(p->w, fd, g0, n, s->em);
            ner_viterbi(s->em, n, p->trans, s->back, s->pred);
            if (memcmp(s->pred, gold + g0, n))
                update(p, fd, g0, gold + g0, s->pred, n);
            p->step += 1;
        }
    }
}

/* Scores internal tags pred against the corpus' IOB2 gold. */
static double score_tags(const td_ner_corpus *c, const uint8_t *pred, td_ner_score *out)
{
    td_ner_score s;
    memset(&s, 0, sizeof s);
    uint8_t *iob = malloc(c->ntok + 1);
    if (!iob)
        return 0;
    ner_to_iob(pred, c->ntok, iob);
    for (size_t k = 0; k < c->ndocs; k++)
        td_ner_score_add(&s, c->gold + c->docs[k].start, iob + c->docs[k].start,
                         c->docs[k].ntok);
    free(iob);
    if (out)
        *out = s;
    return td_ner_score_f1(&s);
}

typedef struct trained {
    float *w; /* averaged, best epoch */
    float trans[TRANS_N];
    int epochs;
    double f1;
} trained;

/* Trains on train (skipping fold `skip` if >= 0).  With dev, picks the
 * best epoch up to max_epochs (patience 3); without, runs max_epochs. */
static int train_pass(const td_ner_corpus *train, const uint8_t *gold,
                      const fdata *ftr, size_t nfeat,
                      const td_ner_corpus *dev, const fdata *fdev, int max_epochs,
                      int skip, unsigned seed, int verbose, const char *label,
                      trained *out)
{
    percep p;
    scratch s, sd;
    memset(&s, 0, sizeof s);
    memset(&sd, 0, sizeof sd);
    size_t *order = malloc((train->ndocs + 1) * sizeof *order);
    float *avg = malloc((nfeat * NER_NT + 1) * sizeof *avg);
    uint8_t *pred = dev ? malloc(dev->ntok + 1) : NULL;
    out->w = malloc((nfeat * NER_NT + 1) * sizeof *out->w);
    out->f1 = -1;
    out->epochs = 0;
    int rc = -1;
    if (percep_init(&p, nfeat) || scratch_init(&s, train) || !order || !avg ||
        !out->w || (dev && (!pred || scratch_init(&sd, dev))))
        goto done;
    for (size_t k = 0; k < train->ndocs; k++)
        order[k] = k;
    uint64_t rng = seed * 0x2545F4914F6CDD1DULL + 1;
    int since = 0;
    for (int e = 1; e <= max_epochs; e++) {
        epoch(&p, train, gold, ftr, order, &rng, skip, &s);
        float trans[TRANS_N];
        percep_average(&p, avg, trans);
        double f1 = 0;
        if (dev) {
            tag_corpus(dev, fdev, avg, trans, -1, &sd, pred);
            f1 = score_tags(dev, pred, NULL);
        }
        if (verbose)
            fprintf(stderr, "train ner: %s epoch %d dev F1 %.4f\n", label, e, f1);
        if (!dev || f1 > out->f1) {
            memcpy(out->w, avg, nfeat * NER_NT * sizeof *avg);
            memcpy(out->trans, trans, sizeof trans);
            out->f1 = f1;
            out->epochs = e;
            since = 0;
        } else if (++since >= 3)
            break;
    }
    rc = 0;
done:
    percep_free(&p);
    scratch_free(&s);
    scratch_free(&sd);
    free(order);
    free(avg);
    free(pred);
    if (rc) {
        free(out->w);
        out->w = NULL;
    }
    return rc;
}

static void report(const td_ner_corpus *dev, const uint8_t *pred, const char *label)
{
    static const char *const names[] = {"PER", "ORG", "LOC", "MISC"};
    td_ner_score s;
    double f1 = score_tags(dev, pred, &s);
    fprintf(stderr, "train ner: %s dev F1 %.4f", label, f1);
    for (int t = 0; t < TD_NER_NTYPES; t++) {
        double d = 2.0 * s.type_tp[t] + s.type_fp[t] + s.type_fn[t];
        fprintf(stderr, " %s %.4f", names[t], d > 0 ? 2.0 * s.type_tp[t] / d : 0);
    }
    fprintf(stderr, "\n");
}

int td_ner_train(const td_ner_corpus *train, const td_ner_corpus *dev,
                 td_ner_gaz *gaz, const td_ner_train_opts *opt,
                 const char *out, char *err, size_t errlen)
{
    int max_epochs = opt->epochs > 0 ? opt->epochs : 40;
    int rc = -1;
    fmap m1, m2;
    fdata ftr1, fdev1, ftr2, fdev2;
    trained t1, t2, half;
    memset(&m1, 0, sizeof m1);
    memset(&m2, 0, sizeof m2);
    memset(&ftr1, 0, sizeof ftr1);
    memset(&fdev1, 0, sizeof fdev1);
    memset(&ftr2, 0, sizeof ftr2);
    memset(&fdev2, 0, sizeof fdev2);
    memset(&t1, 0, sizeof t1);
    memset(&t2, 0, sizeof t2);
    memset(&half, 0, sizeof half);
    uint8_t *p1tr = calloc(train->ntok + 1, 1), *p1dev = calloc(dev->ntok + 1, 1);
    uint8_t *gtr = malloc(train->ntok + 1);
    scratch str, sdev;
    memset(&str, 0, sizeof str);
    memset(&sdev, 0, sizeof sdev);
    if (!p1tr || !p1dev || !gtr || scratch_init(&str, train) || scratch_init(&sdev, dev))
        goto oom;
    ner_to_bilou(train->gold, train->ntok, gtr);
    if (extract(train, gaz, 1, NULL, &m1, 1, &ftr1) ||
        extract(dev, gaz, 1, NULL, &m1, 0, &fdev1))
        goto oom;
    if (opt->verbose)
        fprintf(stderr, "train ner: %zu tokens, %zu pass-1 features\n", train->ntok, m1.n);
    if (train_pass(train, gtr, &ftr1, m1.n, dev, &fdev1, max_epochs, -1, opt->seed,
                   opt->verbose, "pass 1", &t1))
        goto oom;
    tag_corpus(dev, &fdev1, t1.w, t1.trans, -1, &sdev, p1dev);
    if (opt->verbose)
        report(dev, p1dev, "pass 1");
    int npass = 1;
    if (opt->two_pass && train->ndocs >= 2) {
        for (int fold = 0; fold < 2; fold++) {
            if (train_pass(train, gtr, &ftr1, m1.n, NULL, NULL, t1.epochs, fold,
                           opt->seed + 1 + (unsigned)fold, 0, "jackknife", &half))
                goto oom;
            tag_corpus(train, &ftr1, half.w, half.trans, fold, &str, p1tr);
            free(half.w);
            half.w = NULL;
        }
        if (extract(train, gaz, 2, p1tr, &m2, 1, &ftr2) ||
            extract(dev, gaz, 2, p1dev, &m2, 0, &fdev2))
            goto oom;
        if (opt->verbose)
            fprintf(stderr, "train ner: %zu pass-2 features\n", m2.n);
        if (train_pass(train, gtr, &ftr2, m2.n, dev, &fdev2, max_epochs, -1, opt->seed,
                       opt->verbose, "pass 2", &t2))
            goto oom;
        if (opt->verbose) {
            tag_corpus(dev, &fdev2, t2.w, t2.trans, -1, &sdev, p1dev);
            report(dev, p1dev, "pass 2");
        }
        npass = 2;
    }
    ner_wlist lists[2] = {{m1.byidx, t1.w, m1.n, t1.trans},
                          {m2.byidx, t2.w, m2.n, t2.trans}};
    rc = ner_model_write(out, lists, npass, gaz, err, errlen);
    goto done;
oom:
    td_errorf(err, errlen, "train ner: out of memory");
done:
    fmap_free(&m1);
    fmap_free(&m2);
    fdata_free(&ftr1);
    fdata_free(&fdev1);
    fdata_free(&ftr2);
    fdata_free(&fdev2);
    free(t1.w);
    free(t2.w);
    free(half.w);
    free(p1tr);
    free(p1dev);
    free(gtr);
    scratch_free(&str);
    scratch_free(&sdev);
    return rc;
}
