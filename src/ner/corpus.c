/*
 * corpus.c — CoNLL files as training and development data, and scoring.
 *
 * A corpus is read whole: token text in one buffer, gold tags (last
 * column, IOB1 or IOB2, read as IOB2), sentences split at blank lines,
 * documents at -DOCSTART- lines.  Scoring is conlleval's entity-level
 * exact match, the measure ../shared/eval/ner/score.py reports.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/ner_corpus.h"
#include "stages.h"

#define GROW(p, n, cap)                                                        \
    ((n) < (cap) ? 0                                                           \
                 : ((cap) = (cap) ? 2 * (cap) : 1024,                          \
                    ((p) = realloc_or_free((p), (cap) * sizeof *(p))) ? 0 : -1))

static void *realloc_or_free(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q)
        free(p);
    return q;
}

void td_ner_corpus_free(td_ner_corpus *c)
{
    if (!c)
        return;
    free(c->text);
    free(c->tok);
    free(c->gold);
    free(c->sent);
    free(c->docs);
    free(c);
}

size_t td_ner_corpus_ntokens(const td_ner_corpus *c) { return c ? c->ntok : 0; }

static int end_sentence(td_ner_corpus *c, size_t *sent_start)
{
    if (c->ntok == *sent_start)
        return 0;
    ner_cdoc *d = &c->docs[c->ndocs - 1];
    if (GROW(c->sent, c->nsent, c->sent_cap))
        return -1;
    c->sent[c->nsent++] = (uint32_t)(*sent_start - d->start);
    d->nsent++;
    *sent_start = c->ntok;
    return 0;
}

static int new_doc(td_ner_corpus *c, size_t *sent_start)
{
    if (c->ndocs) {
        ner_cdoc *d = &c->docs[c->ndocs - 1];
        if (end_sentence(c, sent_start))
            return -1;
        d->ntok = c->ntok - d->start;
        if (GROW(c->sent, c->nsent, c->sent_cap))
            return -1;
        c->sent[c->nsent++] = (uint32_t)d->ntok; /* closing boundary */
        if (!d->ntok) {                          /* drop empty documents */
            c->nsent -= d->nsent + 1;
            c->ndocs--;
        }
    }
    if (GROW(c->docs, c->ndocs, c->docs_cap))
        return -1;
    ner_cdoc *d = &c->docs[c->ndocs++];
    d->start = c->ntok;
    d->ntok = 0;
    d->sent0 = c->nsent;
    d->nsent = 0;
    return 0;
}

td_ner_corpus *td_ner_corpus_read(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        td_errorf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    td_ner_corpus *c = calloc(1, sizeof *c);
    size_t text_len = 0, text_cap = 0, sent_start = 0;
    size_t *offs = NULL;
    char line[4096];
    long lineno = 0;
    int bad = !c || new_doc(c, &sent_start);
    while (!bad && fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strcspn(line, "\r\n");
        line[n] = 0;
        size_t a = 0;
        while (a < n && (line[a] == ' ' || line[a] == '\t'))
            a++;
        if (a == n) {
            bad = end_sentence(c, &sent_start);
            continue;
        }
        size_t tokn = strcspn(line + a, " \t");
        if (tokn == 10 && !memcmp(line + a, "-DOCSTART-", 10)) {
            bad = new_doc(c, &sent_start);
            continue;
        }
        size_t e = n;
        while (e > a && (line[e - 1] == ' ' || line[e - 1] == '\t'))
            e--;
        size_t b = e;
        while (b > a && line[b - 1] != ' ' && line[b - 1] != '\t')
            b--;
        int tag = b > a ? td_ner_tag_parse(line + b, e - b) : -1;
        if (tag < 0 && b > a && e - b > 2 && line[b] == 'I' && line[b + 1] == '-') {
            line[b] = 'B'; /* IOB1 spelling of a type we know */
            tag = td_ner_tag_parse(line + b, e - b);
        }
        if (tag < 0) {
            td_errorf(err, errlen, "%s:%ld: expected a token and an IOB tag in the last column",
                      path, lineno);
            bad = 2;
            break;
        }
        /* IOB1 -> IOB2: I-X not following X starts an entity */
        if (!TD_NER_IS_B(tag) && tag) {
            size_t doc_start = c->docs[c->ndocs - 1].start;
            int prev = c->ntok > sent_start && c->ntok > doc_start ? c->gold[c->ntok - 1] : 0;
            if (!prev || TD_NER_TYPE(prev) != TD_NER_TYPE(tag))
                tag -= 1;
        }
        if (GROW(c->tok, c->ntok, c->tok_cap) ||
            (c->tok_cap > c->gold_cap &&
             !(c->gold = realloc_or_free(c->gold, (c->gold_cap = c->tok_cap)))) ||
            (c->tok_cap > c->offs_cap &&
             !(offs = realloc_or_free(offs, (c->offs_cap = c->tok_cap) * sizeof *offs)))) {
            bad = 1;
            break;
        }
        while (text_len + tokn + 1 > text_cap) {
            text_cap = text_cap ? 2 * text_cap : 65536;
            if (!(c->text = realloc_or_free(c->text, text_cap))) {
                bad = 1;
                break;
            }
        }
        if (bad)
            break;
        memcpy(c->text + text_len, line + a, tokn);
        c->text[text_len + tokn] = 0;
        offs[c->ntok] = text_len;
        c->tok[c->ntok].n = (uint32_t)tokn;
        c->gold[c->ntok] = (uint8_t)tag;
        c->ntok++;
        text_len += tokn + 1;
    }
    fclose(f);
    if (!bad)
        bad = new_doc(c, &sent_start);
    if (!bad) {
        c->ndocs--; /* the empty document new_doc just opened */
        for (size_t i = 0; i < c->ntok; i++)
            c->tok[i].s = c->text + offs[i];
    }
    free(offs);
    if (bad) {
        if (bad != 2)
            td_errorf(err, errlen, "%s: out of memory", path);
        td_ner_corpus_free(c);
        return NULL;
    }
    return c;
}

td_ner_doc ner_corpus_doc(const td_ner_corpus *c, size_t k)
{
    const ner_cdoc *d = &c->docs[k];
    td_ner_doc v = {c->tok + d->start, d->ntok, c->sent + d->sent0, d->nsent};
    return v;
}

/* ---- scoring ---------------------------------------------------------- */

typedef struct chunk {
    size_t start, end;
    int type;
} chunk;

/* The entity starting at i (tags[i] != O) ends where? */
static size_t chunk_end(const uint8_t *tags, size_t n, size_t i)
{
    int ty = TD_NER_TYPE(tags[i]);
    size_t j = i + 1;
    while (j < n && tags[j] && !TD_NER_IS_B(tags[j]) && TD_NER_TYPE(tags[j]) == ty)
        j++;
    return j;
}

void td_ner_score_add(td_ner_score *s, const uint8_t *gold, const uint8_t *pred,
                      size_t n)
{
    /* walk both; an entity is a (start, end, type) triple */
    size_t i = 0;
    for (i = 0; i < n; i++) {
        int gs = gold[i] && (TD_NER_IS_B(gold[i]) || i == 0 || !gold[i - 1] ||
                             TD_NER_TYPE(gold[i - 1]) != TD_NER_TYPE(gold[i]));
        int ps = pred[i] && (TD_NER_IS_B(pred[i]) || i == 0 || !pred[i - 1] ||
                             TD_NER_TYPE(pred[i - 1]) != TD_NER_TYPE(pred[i]));
        size_t ge = gs ? chunk_end(gold, n, i) : 0, pe = ps ? chunk_end(pred, n, i) : 0;
        if (gs && ps && ge == pe && TD_NER_TYPE(gold[i]) == TD_NER_TYPE(pred[i])) {
            s->tp++;
            s->type_tp[TD_NER_TYPE(gold[i])]++;
            continue;
        }
        if (gs) {
            s->fn++;
            s->type_fn[TD_NER_TYPE(gold[i])]++;
        }
        if (ps) {
            s->fp++;
            s->type_fp[TD_NER_TYPE(pred[i])]++;
        }
    }
}

double td_ner_score_f1(const td_ner_score *s)
{
    double d = 2.0 * s->tp + s->fp + s->fn;
    return d > 0 ? 2.0 * s->tp / d : 0.0;
}
