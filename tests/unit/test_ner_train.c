/*
 * test_ner_train.c — the trainer learns: it retrains on a slice of the
 * CoNLL-2003 training set (read from $SHARED at test time, never copied
 * into the tree), and the model it writes must score above a floor on a
 * slice of the development set, twice with identical bytes for the same
 * seed.  Also the CoNLL reader on small files written here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ner/ner_corpus.h"

static char tmpdir[64];

static const char *shared(void)
{
    const char *s = getenv("SHARED");
    return s && *s ? s : "/work/shared";
}

/* Copies the first `lines` lines (then up to the next blank line) of src
 * to dst. */
static int slice(const char *src, const char *dst, long lines)
{
    FILE *in = fopen(src, "rb"), *out = in ? fopen(dst, "wb") : NULL;
    if (!in || !out) {
        if (in)
            fclose(in);
        return -1;
    }
    char line[4096];
    long n = 0;
    while (fgets(line, sizeof line, in)) {
        fputs(line, out);
        if (++n >= lines && (line[0] == '\n' || line[0] == '\r'))
            break;
    }
    fclose(in);
    fclose(out);
    return 0;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void test_corpus_reader(void)
{
    char path[128], err[512];
    snprintf(path, sizeof path, "%s/c.txt", tmpdir);
    /* IOB1 tags, two documents, CRLF, trailing blanks */
    write_file(path, "-DOCSTART- -X- O O\r\n\r\nAnna NNP I-PER\r\nKarlsson NNP I-PER\r\n"
                     "met VBD O\r\nBo NNP I-PER  \r\n\r\n-DOCSTART- -X- O O\n\n"
                     "Oslo NNP I-LOC\nrocks VBZ O\n");
    td_ner_corpus *c = td_ner_corpus_read(path, err, sizeof err);
    CHECK(c != NULL);
    if (!c)
        return;
    CHECK_EQ_INT(c->ndocs, 2);
    CHECK_EQ_INT(c->ntok, 6);
    CHECK_EQ_INT(c->gold[0], TD_NER_B_PER);
    CHECK_EQ_INT(c->gold[1], TD_NER_I_PER);
    CHECK_EQ_INT(c->gold[3], TD_NER_B_PER);
    CHECK_EQ_INT(c->gold[4], TD_NER_B_LOC);
    CHECK_EQ_INT(c->tok[3].n, 2);
    CHECK(!memcmp(c->tok[1].s, "Karlsson", 8));
    td_ner_doc d = ner_corpus_doc(c, 1);
    CHECK_EQ_INT(d.ntok, 2);
    CHECK_EQ_INT(d.nsent, 1);
    CHECK_EQ_INT(d.sent[0], 0);
    CHECK_EQ_INT(d.sent[1], 2);
    td_ner_corpus_free(c);
    /* a line without a tag: error naming file and line */
    write_file(path, "Anna B-PER\nKarlsson\n");
    err[0] = 0;
    CHECK(td_ner_corpus_read(path, err, sizeof err) == NULL);
    CHECK(strstr(err, path) != NULL && strstr(err, ":2:") != NULL);
    CHECK(td_ner_corpus_read("/nonexistent/x.txt", err, sizeof err) == NULL);
    remove(path);
}

static void test_retrain_slice(void)
{
    char src[1024], train[128], dev[128], m1[128], m2[128], err[512];
    snprintf(train, sizeof train, "%s/train.txt", tmpdir);
    snprintf(dev, sizeof dev, "%s/dev.txt", tmpdir);
    snprintf(m1, sizeof m1, "%s/a.model", tmpdir);
    snprintf(m2, sizeof m2, "%s/b.model", tmpdir);
    snprintf(src, sizeof src, "%s/eval/ner/conll03-train.txt", shared());
    CHECK_EQ_INT(slice(src, train, 40000), 0);
    snprintf(src, sizeof src, "%s/eval/ner/conll03-dev.txt", shared());
    CHECK_EQ_INT(slice(src, dev, 12000), 0);
    td_ner_corpus *tr = td_ner_corpus_read(train, err, sizeof err);
    td_ner_corpus *dv = td_ner_corpus_read(dev, err, sizeof err);
    td_ner_gaz *gaz = td_ner_gaz_build(TD_DATA_DIR);
    CHECK(tr && dv && gaz);
    if (!tr || !dv || !gaz)
        goto out;
    td_ner_train_opts opt = {7, 6, 1, 0};
    CHECK_EQ_INT(td_ner_train(tr, dv, gaz, &opt, m1, err, sizeof err), 0);
    CHECK_EQ_INT(td_ner_train(tr, dv, gaz, &opt, m2, err, sizeof err), 0);
    /* deterministic: same bytes */
    FILE *a = fopen(m1, "rb"), *b = fopen(m2, "rb");
    CHECK(a && b);
    if (a && b) {
        int ca, cb, same = 1;
        long n = 0;
        do {
            ca = fgetc(a);
            cb = fgetc(b);
            same &= ca == cb;
            n++;
        } while (ca != EOF && cb != EOF);
        CHECK(same && n > 1000);
    }
    if (a)
        fclose(a);
    if (b)
        fclose(b);
    /* the written model, through the runtime path, beats the floor */
    td_ner_model *m = td_ner_load(m1, err, sizeof err);
    CHECK(m != NULL);
    if (m) {
        uint8_t *pred = malloc(dv->ntok + 1);
        td_ner_score s;
        memset(&s, 0, sizeof s);
        for (size_t k = 0; k < dv->ndocs; k++) {
            td_ner_doc d = ner_corpus_doc(dv, k);
            CHECK_EQ_INT(td_ner_tag(m, &d, pred + dv->docs[k].start), 0);
            td_ner_score_add(&s, dv->gold + dv->docs[k].start, pred + dv->docs[k].start,
                             d.ntok);
        }
        double f1 = td_ner_score_f1(&s);
        printf("retrained on %zu tokens: dev-slice F1 %.3f\n", tr->ntok, f1);
        CHECK(f1 > 0.80);
        free(pred);
        td_ner_free(m);
    }
out:
    td_ner_gaz_free(gaz);
    td_ner_corpus_free(tr);
    td_ner_corpus_free(dv);
    remove(train);
    remove(dev);
    remove(m1);
    remove(m2);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_ner_train.XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_corpus_reader);
    RUN(test_retrain_slice);
    rmdir(tmpdir);
    return CHECK_REPORT();
}
