/*
 * test_ner.c — the tagger's parts on inputs written here: tag names,
 * token features and document context, gazetteer phrase matching, Viterbi
 * over IOB2, the model file (round trip, corruption), scoring, and the
 * shipped model on a few sentences of our own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ner/ner_impl.h"

#ifndef TD_MODEL_DIR
#define TD_MODEL_DIR "models"
#endif

/* A document from space-separated words; " | " ends a sentence. */
typedef struct tdoc {
    td_ner_tok tok[128];
    uint32_t sent[64];
    td_ner_doc doc;
    char buf[2048];
} tdoc;

static void make_doc(tdoc *d, const char *text)
{
    snprintf(d->buf, sizeof d->buf, "%s", text);
    size_t nt = 0, ns = 0;
    d->sent[ns++] = 0;
    for (char *p = strtok(d->buf, " "); p && nt < 128; p = strtok(NULL, " ")) {
        if (!strcmp(p, "|")) {
            if (d->sent[ns - 1] != nt)
                d->sent[ns++] = (uint32_t)nt;
            continue;
        }
        d->tok[nt].s = p;
        d->tok[nt].n = (uint32_t)strlen(p);
        nt++;
    }
    if (d->sent[ns - 1] != nt)
        d->sent[ns++] = (uint32_t)nt;
    d->doc.tok = d->tok;
    d->doc.ntok = nt;
    d->doc.sent = d->sent;
    d->doc.nsent = ns - 1;
}

static void test_tag_names(void)
{
    CHECK_EQ_STR(td_ner_tag_name(TD_NER_B_PER), "B-PER");
    CHECK_EQ_STR(td_ner_tag_name(TD_NER_I_MISC), "I-MISC");
    CHECK_EQ_STR(td_ner_tag_name(99), "O");
    CHECK_EQ_INT(td_ner_tag_parse("B-LOC", 5), TD_NER_B_LOC);
    CHECK_EQ_INT(td_ner_tag_parse("O", 1), TD_NER_O);
    CHECK_EQ_INT(td_ner_tag_parse("B-XYZ", 5), -1);
    CHECK_EQ_INT(TD_NER_TYPE(TD_NER_I_ORG), TD_NER_ORG);
    CHECK(TD_NER_IS_B(TD_NER_B_MISC) && !TD_NER_IS_B(TD_NER_I_MISC) && !TD_NER_IS_B(0));
}

static void test_doc_info(void)
{
    tdoc d;
    make_doc(&d, "SMITH WINS IN PARIS | Smith said the race was hard . | "
                 "The winner , smith , left Paris .");
    ner_tokinfo ti[128];
    CHECK_EQ_INT(ner_doc_info(&d.doc, NULL, ti), 0);
    /* headline in capitals */
    CHECK(ti[0].flags & NER_F_CAPSSENT);
    CHECK(ti[0].flags & NER_F_ALLCAPS);
    CHECK(ti[0].flags & NER_F_FIRST);
    CHECK(!(ti[4].flags & NER_F_CAPSSENT));
    /* "Smith" at a sentence start; written in lower case elsewhere */
    CHECK(ti[4].flags & NER_F_CAP);
    CHECK(ti[4].flags & NER_F_LOWELSE);
    /* "PARIS" in the headline: capitalized mid-sentence elsewhere */
    CHECK(ti[3].flags & NER_F_CAPELSE);
    CHECK(!(ti[3].flags & NER_F_LOWELSE));
    /* same lower-case form, different words */
    CHECK(ti[0].lower == ti[4].lower && ti[0].word != ti[4].word);
    CHECK(ti[0].shape != ti[4].shape);
    /* "." has no letters */
    CHECK(ti[10].flags & NER_F_NOALPHA);
}

static void test_features(void)
{
    tdoc d;
    make_doc(&d, "Smith visited Paris | Jones visited Paris");
    ner_tokinfo ti[16];
    uint64_t a[NER_MAX_FEATS], b[NER_MAX_FEATS], c[NER_MAX_FEATS];
    CHECK_EQ_INT(ner_doc_info(&d.doc, NULL, ti), 0);
    size_t na = ner_features(&d.doc, ti, 0, 3, 2, 1, a);
    size_t nb = ner_features(&d.doc, ti, 3, 6, 5, 1, b);
    size_t nc = ner_features(&d.doc, ti, 0, 3, 2, 2, c);
    CHECK(na > 20 && na <= NER_MAX_FEATS);
    CHECK(nc > na); /* pass 2 adds history features */
    /* "Paris" after "visited" at the end: same features except the two
     * that look two tokens back and the bigram over the left word */
    size_t same = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j]) {
                same++;
                break;
            }
    CHECK(same >= na - 3 && same < na);
    /* deterministic */
    uint64_t again[NER_MAX_FEATS];
    CHECK_EQ_INT(ner_features(&d.doc, ti, 0, 3, 2, 1, again), na);
    CHECK(!memcmp(a, again, na * sizeof *a));
}

static void test_history(void)
{
    tdoc d;
    make_doc(&d, "Kerr won | Kerr left | Kerr said");
    ner_tokinfo ti[16];
    uint8_t p1[6] = {TD_NER_B_PER, 0, TD_NER_B_PER, 0, TD_NER_B_ORG, 0};
    CHECK_EQ_INT(ner_doc_info(&d.doc, NULL, ti), 0);
    CHECK_EQ_INT(ner_doc_history(&d.doc, ti, p1), 0);
    /* the third "Kerr" was tagged ORG, the two others PER */
    CHECK_EQ_INT(ti[4].hist, TD_NER_B_PER + 1);
    CHECK_EQ_INT(ti[4].histn, 2);
    CHECK_EQ_INT(ti[4].p1, TD_NER_B_ORG);
    /* lower-case words get no history */
    CHECK_EQ_INT(ti[1].hist, 0);
}

static void test_gazetteer(void)
{
    td_ner_gaz *g = td_ner_gaz_build(NULL);
    CHECK(g != NULL);
    if (!g)
        return;
    CHECK_EQ_INT(td_ner_gaz_add(g, "New  York", 9, TD_GAZ_LOC), 0);
    CHECK_EQ_INT(td_ner_gaz_add(g, "York", 4, TD_GAZ_FIRST), 0);
    CHECK_EQ_INT(td_ner_gaz_add(g, "", 0, TD_GAZ_LOC), 0);
    tdoc d;
    make_doc(&d, "flights to NEW york and York | new");
    uint16_t marks[16];
    td_ner_gaz_mark(g, &d.doc, marks);
    CHECK_EQ_INT(marks[0], 0);
    CHECK_EQ_INT(marks[2], TD_GAZ_LOC);           /* begins "new york" */
    CHECK_EQ_INT(marks[3], TD_GAZ_FIRST | TD_GAZ_LOC << 8); /* inside it, and "york" */
    CHECK_EQ_INT(marks[5], TD_GAZ_FIRST);
    CHECK_EQ_INT(marks[6], 0); /* "new" alone, and no match across sentences */
    CHECK_EQ_INT(g->maxlen, 2);
    td_ner_gaz_free(g);
}

/* internal BILOU tags */
#define IB(y) (1 + 4 * (y) + NER_B)
#define II(y) (1 + 4 * (y) + NER_I)
#define IL(y) (1 + 4 * (y) + NER_L)
#define IU(y) (1 + 4 * (y) + NER_U)

static void test_viterbi(void)
{
    /* greedy would pick O, L-PER: not allowed; best valid path B-PER L-PER */
    float em[2 * NER_NT] = {0}, trans[(NER_NT + 1) * NER_NT] = {0};
    uint8_t back[2 * NER_NT], tags[2];
    em[0 * NER_NT + TD_NER_O] = 1.0f;
    em[0 * NER_NT + IB(TD_NER_PER)] = 0.9f;
    em[1 * NER_NT + IL(TD_NER_PER)] = 3.0f;
    em[1 * NER_NT + TD_NER_O] = 0.5f;
    ner_viterbi(em, 2, trans, back, tags);
    CHECK_EQ_INT(tags[0], IB(TD_NER_PER));
    CHECK_EQ_INT(tags[1], IL(TD_NER_PER));
    /* a transition penalty can make O O win */
    trans[IB(TD_NER_PER) * NER_NT + IL(TD_NER_PER)] = -5.0f;
    ner_viterbi(em, 2, trans, back, tags);
    CHECK_EQ_INT(tags[0], TD_NER_O);
    CHECK_EQ_INT(tags[1], TD_NER_O);
    /* never an I- at a sentence start, never a B- at its end */
    float em1[NER_NT] = {0};
    em1[II(TD_NER_LOC)] = 9.0f;
    em1[IB(TD_NER_LOC)] = 8.0f;
    em1[IU(TD_NER_LOC)] = 1.0f;
    ner_viterbi(em1, 1, trans, back, tags);
    CHECK_EQ_INT(tags[0], IU(TD_NER_LOC));
    CHECK(ner_allowed(IB(TD_NER_LOC), II(TD_NER_LOC)) && !ner_allowed(IB(TD_NER_ORG), IL(TD_NER_LOC)));
    CHECK(!ner_allowed(NER_NT, II(TD_NER_PER)) && ner_allowed(TD_NER_O, IU(TD_NER_PER)));
    CHECK(!ner_allowed(IB(TD_NER_PER), TD_NER_O) && ner_allowed(IL(TD_NER_PER), IB(TD_NER_PER)));
}

static void test_bilou(void)
{
    /* [A B C]PER [D]LOC O [E]ORG [F G]ORG */
    uint8_t iob[8] = {TD_NER_B_PER, TD_NER_I_PER, TD_NER_I_PER, TD_NER_B_LOC, 0,
                      TD_NER_B_ORG, TD_NER_B_ORG, TD_NER_I_ORG};
    uint8_t bl[8], back[8];
    ner_to_bilou(iob, 8, bl);
    CHECK_EQ_INT(bl[0], IB(TD_NER_PER));
    CHECK_EQ_INT(bl[1], II(TD_NER_PER));
    CHECK_EQ_INT(bl[2], IL(TD_NER_PER));
    CHECK_EQ_INT(bl[3], IU(TD_NER_LOC));
    CHECK_EQ_INT(bl[4], 0);
    CHECK_EQ_INT(bl[5], IU(TD_NER_ORG));
    CHECK_EQ_INT(bl[6], IB(TD_NER_ORG));
    CHECK_EQ_INT(bl[7], IL(TD_NER_ORG));
    ner_to_iob(bl, 8, back);
    CHECK(!memcmp(back, iob, 8));
}

/* Writes a model where the word "Zork" means B-ORG; returns its path. */
static const char *tiny_model(char *path, size_t n)
{
    snprintf(path, n, "/tmp/test_ner_%d.model", (int)getpid());
    tdoc d;
    make_doc(&d, "Zork");
    ner_tokinfo ti[2];
    uint64_t f[NER_MAX_FEATS];
    ner_doc_info(&d.doc, NULL, ti);
    ner_features(&d.doc, ti, 0, 1, 0, 1, f);
    uint64_t keys[2] = {f[0], f[1]}; /* bias, word */
    float w[2 * NER_NT] = {0}, trans[(NER_NT + 1) * NER_NT] = {0};
    w[0 * NER_NT + TD_NER_O] = 1.0f;       /* everything is O ... */
    w[1 * NER_NT + IU(TD_NER_ORG)] = 2.0f; /* ... except Zork */
    ner_wlist l = {keys, w, 2, trans};
    td_ner_gaz *g = td_ner_gaz_build(NULL);
    td_ner_gaz_add(g, "zork", 4, TD_GAZ_ORGSUF);
    char err[256];
    int rc = ner_model_write(path, &l, 1, g, err, sizeof err);
    td_ner_gaz_free(g);
    return rc ? NULL : path;
}

static void test_model_file(void)
{
    char path[128], err[512];
    CHECK(tiny_model(path, sizeof path) != NULL);
    td_ner_model *m = td_ner_load(path, err, sizeof err);
    CHECK(m != NULL);
    if (m) {
        tdoc d;
        make_doc(&d, "the Zork said");
        uint8_t tags[3];
        CHECK_EQ_INT(td_ner_tag(m, &d.doc, tags), 0);
        CHECK_EQ_INT(tags[0], TD_NER_O);
        CHECK_EQ_INT(tags[1], TD_NER_B_ORG);
        CHECK_EQ_INT(tags[2], TD_NER_O);
        CHECK_EQ_INT(m->gaz.n, 1);
        td_ner_free(m);
    }
    /* flip one byte in the middle: the checksum catches it */
    FILE *f = fopen(path, "r+b");
    CHECK(f != NULL);
    if (f) {
        fseek(f, 30, SEEK_SET);
        int c = fgetc(f);
        fseek(f, 30, SEEK_SET);
        fputc(c ^ 0x40, f);
        fclose(f);
    }
    err[0] = 0;
    CHECK(td_ner_load(path, err, sizeof err) == NULL);
    CHECK(strstr(err, path) != NULL && strstr(err, "corrupt") != NULL);
    /* truncated */
    f = fopen(path, "wb");
    if (f) {
        fputs("TDNERv1\n\x09", f);
        fclose(f);
    }
    CHECK(td_ner_load(path, err, sizeof err) == NULL);
    remove(path);
    CHECK(td_ner_load(path, err, sizeof err) == NULL);
    CHECK(strstr(err, path) != NULL);
    /* td_ner_load_dir: a folder without a model is not an error */
    td_ner_model *none = (td_ner_model *)1;
    CHECK_EQ_INT(td_ner_load_dir("/nonexistent-dir", &none, err, sizeof err), 0);
    CHECK(none == NULL);
}

static void test_score(void)
{
    td_ner_score s;
    memset(&s, 0, sizeof s);
    /* gold: [John Smith]PER in [Paris]LOC ; pred: [John]PER [Smith]PER in [Paris]LOC */
    uint8_t gold[5] = {TD_NER_B_PER, TD_NER_I_PER, 0, TD_NER_B_LOC, 0};
    uint8_t pred[5] = {TD_NER_B_PER, TD_NER_B_PER, 0, TD_NER_B_LOC, 0};
    td_ner_score_add(&s, gold, pred, 5);
    CHECK_EQ_INT(s.tp, 1);
    CHECK_EQ_INT(s.fp, 2);
    CHECK_EQ_INT(s.fn, 1);
    CHECK_EQ_INT(s.type_tp[TD_NER_LOC], 1);
    CHECK_EQ_INT(s.type_fn[TD_NER_PER], 1);
    CHECK(td_ner_score_f1(&s) > 0.39 && td_ner_score_f1(&s) < 0.41);
}

static void test_shipped_model(void)
{
    char err[512];
    td_ner_model *m = td_ner_load(TD_MODEL_DIR "/ner.model", err, sizeof err);
    CHECK(m != NULL);
    if (!m)
        return;
    tdoc d;
    make_doc(&d, "Prime Minister Peter Olsen flew to Berlin on Monday for talks with "
                 "executives of Microsoft Corp and the European Union . | "
                 "Olsen said Germany was a close partner .");
    uint8_t tags[64];
    CHECK_EQ_INT(td_ner_tag(m, &d.doc, tags), 0);
    CHECK_EQ_INT(tags[2], TD_NER_B_PER); /* Peter */
    CHECK_EQ_INT(tags[3], TD_NER_I_PER); /* Olsen */
    CHECK_EQ_INT(tags[0], TD_NER_O);     /* Prime */
    CHECK_EQ_INT(tags[6], TD_NER_B_LOC); /* Berlin */
    CHECK_EQ_INT(tags[8], TD_NER_O);     /* Monday */
    CHECK_EQ_INT(tags[14], TD_NER_B_ORG); /* Microsoft */
    CHECK_EQ_INT(tags[15], TD_NER_I_ORG); /* Corp */
    CHECK_EQ_INT(tags[19], TD_NER_I_ORG); /* Union */
    CHECK_EQ_INT(tags[21], TD_NER_B_PER); /* Olsen again */
    CHECK_EQ_INT(tags[23], TD_NER_B_LOC); /* Germany */
    /* empty document and a hostile one-token sentence */
    td_ner_doc empty = {NULL, 0, d.sent, 0};
    CHECK_EQ_INT(td_ner_tag(m, &empty, tags), 0);
    td_ner_free(m);
}

int main(void)
{
    RUN(test_tag_names);
    RUN(test_doc_info);
    RUN(test_features);
    RUN(test_history);
    RUN(test_gazetteer);
    RUN(test_viterbi);
    RUN(test_bilou);
    RUN(test_model_file);
    RUN(test_score);
    RUN(test_shipped_model);
    return CHECK_REPORT();
}
