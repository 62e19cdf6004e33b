/*
 * test_anatomy.c — the plain-text anatomy on the seed and on our own
 * articles of many layouts.
 *
 * tests/articles/NAME.txt is an article we wrote (fictional, our own words);
 * NAME.expect lists the parts td_anatomy_text must find, in text order, one
 * a line: `kind<TAB>text`.  kind is one of section, headline, standfirst,
 * byline, dateline, body, caption, credit, related, boilerplate.  text is
 * the part's whole text with line breaks as spaces, or, when it ends with
 * "…", the start of it.  `#` lines are comments.  Every article is also run
 * with CRLF line ends and with a byte-order mark in front, and must give
 * the same parts.  The bundled example,
 * examples/harbour-strike.txt, is checked the same way.
 *
 * The seed (../shared/seed/kosovo-javelin.txt, read from $SHARED, never
 * copied here) is checked against seed/expected.md item by item, and
 * hostile inputs must give well-formed parts without crashing.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "doc.h"
#include "stages.h"
#include "tidings.h"

static const char *const kind_names[TD_PART_KIND_COUNT] = {
    "section", "headline", "standfirst", "byline", "dateline",
    "body", "caption", "credit", "related", "boilerplate",
};

static td_engine *engine;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = 0;
    *len = n;
    return buf;
}

static td_doc *run_anatomy(const char *text, size_t len)
{
    td_doc *doc = td_doc_new(engine, text, len, NULL);
    td_anatomy_text(doc);
    return doc;
}

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Parts in order, inside the text, not overlapping, trimmed, not empty. */
static void check_well_formed(const td_doc *doc, const char *name)
{
    uint32_t prev_end = 0;
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        const td_part *p = &doc->anatomy.parts[i];
        int ok = p->span.start < p->span.end && p->span.end <= doc->len &&
                 p->span.start >= prev_end && (unsigned)p->kind < TD_PART_KIND_COUNT &&
                 !is_blank((unsigned char)doc->text[p->span.start]) &&
                 !is_blank((unsigned char)doc->text[p->span.end - 1]);
        if (!ok) {
            check_state.current_failed++;
            fprintf(stderr, "%s: part %zu [%u,%u) malformed (previous ends at %u)\n", name,
                    i, p->span.start, p->span.end, prev_end);
            return;
        }
        prev_end = p->span.end;
    }
}

/* The part's text with CRs dropped and line breaks as spaces (malloc'd). */
static char *part_text(const td_doc *doc, const td_part *p)
{
    size_t n = p->span.end - p->span.start, k = 0;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        char c = doc->text[p->span.start + i];
        if (c == '\r')
            continue;
        s[k++] = c == '\n' ? ' ' : c;
    }
    s[k] = 0;
    return s;
}

typedef struct expect_line {
    int kind;
    char *text;
    int prefix;
} expect_line;

static size_t parse_expect(char *buf, expect_line *out, size_t max, const char *name)
{
    size_t n = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        size_t l = strlen(line);
        while (l && line[l - 1] == '\r')
            line[--l] = 0;
        if (!l || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || n == max) {
            fprintf(stderr, "%s: bad expect line: %s\n", name, line);
            check_state.current_failed++;
            continue;
        }
        *tab = 0;
        int kind = -1;
        for (int k = 0; k < TD_PART_KIND_COUNT; k++)
            if (!strcmp(line, kind_names[k]))
                kind = k;
        if (kind < 0) {
            fprintf(stderr, "%s: unknown kind %s\n", name, line);
            check_state.current_failed++;
            continue;
        }
        char *text = tab + 1;
        size_t tl = strlen(text);
        int prefix = 0;
        if (tl >= 3 && !strcmp(text + tl - 3, "\xE2\x80\xA6")) {
            prefix = 1;
            text[tl - 3] = 0;
        }
        out[n].kind = kind;
        out[n].text = text;
        out[n].prefix = prefix;
        n++;
    }
    return n;
}

static int part_matches(const expect_line *e, const td_part *p, const char *got)
{
    if ((int)p->kind != e->kind)
        return 0;
    return e->prefix ? !strncmp(got, e->text, strlen(e->text)) : !strcmp(got, e->text);
}

/* Compares the document's parts with the expectation; on a mismatch prints
 * both lists, the actual one in .expect format. */
static void compare(const td_doc *doc, const expect_line *exp, size_t nexp, const char *name)
{
    size_t n = doc->anatomy.nparts, bad = (size_t)-1;
    char **got = calloc(n + 1, sizeof *got);
    for (size_t i = 0; i < n; i++)
        got[i] = part_text(doc, &doc->anatomy.parts[i]);
    for (size_t i = 0; i < (n > nexp ? n : nexp); i++)
        if (i >= n || i >= nexp || !part_matches(&exp[i], &doc->anatomy.parts[i], got[i])) {
            bad = i;
            break;
        }
    if (bad != (size_t)-1) {
        check_state.current_failed++;
        fprintf(stderr, "%s: parts differ from item %zu (%zu found, %zu expected)\n", name,
                bad + 1, n, nexp);
        for (size_t i = bad; i < (n > nexp ? n : nexp) && i < bad + 4; i++) {
            if (i < nexp)
                fprintf(stderr, "  - want %s\t%.100s%s\n", kind_names[exp[i].kind],
                        exp[i].text, exp[i].prefix ? "…" : "");
            if (i < n)
                fprintf(stderr, "  + got  %s\t%.100s\n",
                        kind_names[doc->anatomy.parts[i].kind], got[i]);
        }
        if (getenv("ANATOMY_DUMP")) {
            fprintf(stderr, "  all parts found:\n");
            for (size_t i = 0; i < n; i++)
                fprintf(stderr, "%s\t%s\n", kind_names[doc->anatomy.parts[i].kind], got[i]);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(got[i]);
    free(got);
}

static char *with_crlf(const char *s, size_t len, size_t *out_len)
{
    char *o = malloc(2 * len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            o[k++] = '\r';
        o[k++] = s[i];
    }
    o[k] = 0;
    *out_len = k;
    return o;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int articles_checked;

/* One test per article NAME.txt in dir, expected parts in
 * tests/articles/NAME.expect. */
static void run_articles(const char *dir)
{
    const char *edir = "tests/articles";
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d)
        return;
    char *names[256];
    size_t nn = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) && nn < 256) {
        size_t l = strlen(ent->d_name);
        if (l > 4 && !strcmp(ent->d_name + l - 4, ".txt"))
            names[nn++] = strndup(ent->d_name, l - 4);
    }
    closedir(d);
    qsort(names, nn, sizeof *names, by_name);
    for (size_t i = 0; i < nn; i++) {
        char path[512];
        check_state.current = names[i];
        check_state.current_failed = 0;
        size_t len, elen;
        snprintf(path, sizeof path, "%s/%s.txt", dir, names[i]);
        char *text = read_file(path, &len);
        snprintf(path, sizeof path, "%s/%s.expect", edir, names[i]);
        char *ebuf = read_file(path, &elen);
        if (!text || !ebuf) {
            fprintf(stderr, "%s: missing .txt or .expect\n", names[i]);
            check_state.current_failed++;
        } else {
            expect_line exp[512];
            size_t nexp = parse_expect(ebuf, exp, 512, names[i]);
            td_doc *doc = run_anatomy(text, len);
            check_well_formed(doc, names[i]);
            compare(doc, exp, nexp, names[i]);
            td_doc_free(doc);
            size_t clen;
            char *crlf = with_crlf(text, len, &clen);
            char label[300];
            snprintf(label, sizeof label, "%s (CRLF)", names[i]);
            doc = run_anatomy(crlf, clen);
            check_well_formed(doc, label);
            compare(doc, exp, nexp, label);
            td_doc_free(doc);
            free(crlf);
            /* a byte-order mark left at the start changes nothing */
            char *bom = malloc(len + 4);
            memcpy(bom, "\xEF\xBB\xBF", 3);
            memcpy(bom + 3, text, len + 1);
            snprintf(label, sizeof label, "%s (BOM)", names[i]);
            doc = run_anatomy(bom, len + 3);
            check_well_formed(doc, label);
            compare(doc, exp, nexp, label);
            td_doc_free(doc);
            free(bom);
            articles_checked++;
        }
        free(text);
        free(ebuf);
        if (check_state.current_failed)
            check_state.failed++;
        else
            check_state.passed++;
        free(names[i]);
    }
}

/* ---- the seed ------------------------------------------------------------ */

static const td_part *nth_part(const td_doc *doc, td_part_kind kind, size_t nth)
{
    for (size_t i = 0; i < doc->anatomy.nparts; i++)
        if (doc->anatomy.parts[i].kind == kind && nth-- == 0)
            return &doc->anatomy.parts[i];
    return NULL;
}

static size_t count_parts(const td_doc *doc, td_part_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->anatomy.nparts; i++)
        n += doc->anatomy.parts[i].kind == kind;
    return n;
}

static int span_starts(const td_doc *doc, const td_part *p, const char *want)
{
    size_t n = strlen(want);
    return p && p->span.end - p->span.start >= n && !memcmp(doc->text + p->span.start, want, n);
}

static int span_ends(const td_doc *doc, const td_part *p, const char *want)
{
    size_t n = strlen(want);
    return p && p->span.end - p->span.start >= n && !memcmp(doc->text + p->span.end - n, want, n);
}

/* The kind of the part whose text starts with want, or -1. */
static int kind_of(const td_doc *doc, const char *want)
{
    for (size_t i = 0; i < doc->anatomy.nparts; i++)
        if (span_starts(doc, &doc->anatomy.parts[i], want))
            return (int)doc->anatomy.parts[i].kind;
    return -1;
}

static void test_seed(void)
{
    const char *shared = getenv("SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/seed/kosovo-javelin.txt", shared && *shared ? shared : "../shared");
    size_t len;
    char *text = read_file(path, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    td_doc *doc = run_anatomy(text, len);
    check_well_formed(doc, "seed");
    const td_part *p;
    p = nth_part(doc, TD_PART_SECTION, 0);
    CHECK(p && p->span.start == 0);
    if (p)
        CHECK_SPAN(doc->text, p->span, "World");
    CHECK_EQ_INT(count_parts(doc, TD_PART_SECTION), 1);
    p = nth_part(doc, TD_PART_HEADLINE, 0);
    CHECK(p != NULL);
    if (p)
        CHECK_SPAN(doc->text, p->span,
                   "US Sending Javelin Anti-Tank Missiles to Kosovo in Attempt to Set Balkans on Fire");
    CHECK(span_starts(doc, nth_part(doc, TD_PART_STANDFIRST, 0), "The latest round of tensions"));
    CHECK_EQ_INT(count_parts(doc, TD_PART_STANDFIRST), 1);
    p = nth_part(doc, TD_PART_CREDIT, 0);
    CHECK(p != NULL);
    if (p)
        CHECK_SPAN(doc->text, p->span, "Sputnik");
    CHECK_EQ_INT(count_parts(doc, TD_PART_CREDIT), 1);
    /* related: both headlines, and the "World" kicker above the second */
    CHECK_EQ_INT(kind_of(doc, "Which Countries Don\xE2\x80\x99t Recognize Kosovo"), TD_PART_RELATED);
    CHECK_EQ_INT(kind_of(doc, "Direct Threat of Resumption"), TD_PART_RELATED);
    int found = 0;
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        const td_part *q = &doc->anatomy.parts[i];
        if (q->kind != TD_PART_RELATED)
            continue;
        if (span_starts(doc, q, "Which Countries")) {
            CHECK_SPAN(doc->text, q->span,
                       "Which Countries Don\xE2\x80\x99t Recognize Kosovo, and What are Their Reasons?");
            found++;
        } else if (span_starts(doc, q, "Direct Threat")) {
            CHECK_SPAN(doc->text, q->span,
                       "Direct Threat of Resumption of Ethnic Cleansing in Kosovo Exists - Russian Foreign Ministry");
            found++;
        } else {
            CHECK_SPAN(doc->text, q->span, "World"); /* the kicker */
            CHECK(i + 1 < doc->anatomy.nparts && span_starts(doc, q + 1, "Direct Threat"));
        }
    }
    CHECK_EQ_INT(found, 2);
    p = nth_part(doc, TD_PART_CAPTION, 0);
    CHECK(span_starts(doc, p, "Kosovo fighters parade during a ceremony"));
    CHECK(span_ends(doc, p, "on February 17, 2023."));
    CHECK_EQ_INT(count_parts(doc, TD_PART_CAPTION), 1);
    p = nth_part(doc, TD_PART_BOILERPLATE, 0);
    CHECK(p != NULL);
    if (p)
        CHECK_SPAN(doc->text, p->span, "Discuss");
    CHECK_EQ_INT(count_parts(doc, TD_PART_BOILERPLATE), 1);
    CHECK_EQ_INT(count_parts(doc, TD_PART_BYLINE), 0);
    CHECK_EQ_INT(count_parts(doc, TD_PART_DATELINE), 0);
    /* body: 10 paragraphs from "The State Department" to "1999 and 2004)." */
    size_t nb = count_parts(doc, TD_PART_BODY);
    CHECK_EQ_INT(nb, 10);
    CHECK(span_starts(doc, nth_part(doc, TD_PART_BODY, 0), "The State Department has approved"));
    CHECK(span_ends(doc, nth_part(doc, TD_PART_BODY, nb ? nb - 1 : 0), "between 1999 and 2004)."));
    for (size_t i = 0; i < nb; i++) {
        p = nth_part(doc, TD_PART_BODY, i);
        CHECK(!span_starts(doc, p, "Which Countries"));
        CHECK(!span_starts(doc, p, "Kosovo fighters parade"));
        CHECK(!span_starts(doc, p, "Direct Threat"));
        CHECK(!span_starts(doc, p, "World"));
        CHECK(!span_starts(doc, p, "Sputnik"));
    }
    /* every line of the page is labelled */
    size_t lines = 0, covered = doc->anatomy.nparts;
    for (size_t i = 0; i < len; i++)
        lines += text[i] != '\n' && (i + 1 == len || text[i + 1] == '\n');
    CHECK_EQ_INT(covered, lines);
    td_doc_free(doc);
    free(text);
}

/* ---- details ------------------------------------------------------------- */

static void test_dateline_is_its_own_part(void)
{
    const char *t = "Ministers agree on grain corridor\n\n"
                    "ANKARA (Reuters) \xE2\x80\x94 Ministers from four countries agreed on Monday "
                    "to reopen a grain corridor, officials said.\n\n"
                    "The deal runs for 120 days.\n";
    td_doc *doc = run_anatomy(t, strlen(t));
    check_well_formed(doc, "dateline");
    const td_part *d = nth_part(doc, TD_PART_DATELINE, 0);
    CHECK(d != NULL);
    if (d)
        CHECK_SPAN(doc->text, d->span, "ANKARA (Reuters) \xE2\x80\x94");
    const td_part *b = nth_part(doc, TD_PART_BODY, 0);
    CHECK(span_starts(doc, b, "Ministers from four countries"));
    td_doc_free(doc);
}

static void test_no_dateline_in_prose(void)
{
    const char *advice = "DEAR ABBY: My neighbour plays the drums every night.\n";
    td_doc *adoc = run_anatomy(advice, strlen(advice));
    CHECK_EQ_INT(count_parts(adoc, TD_PART_DATELINE), 0);
    td_doc_free(adoc);
    const char *t = "Prime Minister Ana Lopes \xE2\x80\x94 who took office in May \xE2\x80\x94 said "
                    "the budget would pass.\n\nThe vote is on Friday.\n";
    td_doc *doc = run_anatomy(t, strlen(t));
    CHECK_EQ_INT(count_parts(doc, TD_PART_DATELINE), 0);
    CHECK(span_starts(doc, nth_part(doc, TD_PART_BODY, 0), "Prime Minister Ana Lopes"));
    td_doc_free(doc);
}

static void test_caption_with_credit_tail(void)
{
    const char *t = "Floods close ports along the coast\n\n"
                    "Heavy rain closed three ports on Tuesday, the agency said.\n"
                    "Two ferries were cancelled.\n"
                    "Workers clear mud from a street in Lindo, on March 3, 2026. (AP Photo/Mara Voss)\n"
                    "The rain is expected to ease by Friday, forecasters said.\n";
    td_doc *doc = run_anatomy(t, strlen(t));
    check_well_formed(doc, "caption tail");
    const td_part *c = nth_part(doc, TD_PART_CAPTION, 0);
    CHECK(span_ends(doc, c, "on March 3, 2026."));
    const td_part *cr = nth_part(doc, TD_PART_CREDIT, 0);
    CHECK(cr != NULL);
    if (cr)
        CHECK_SPAN(doc->text, cr->span, "AP Photo/Mara Voss");
    CHECK_EQ_INT(count_parts(doc, TD_PART_BODY), 3);
    td_doc_free(doc);
}

static void test_published_meta(void)
{
    const char *t = "Council approves new tram line\n"
                    "By Ilse Brandt\n"
                    "Published 4 March 2026, 09:15 GMT\n"
                    "The city council approved a new tram line on Tuesday.\n"
                    "Work starts next year.\n";
    td_doc *doc = run_anatomy(t, strlen(t));
    CHECK_EQ_STR(td_doc_meta(doc, "published"), "Published 4 March 2026, 09:15 GMT");
    const td_part *b = nth_part(doc, TD_PART_BYLINE, 0);
    CHECK(b != NULL);
    if (b)
        CHECK_SPAN(doc->text, b->span, "By Ilse Brandt");
    td_doc_free(doc);
}

/* Sentences that start like boilerplate or credits are still body. */
static void test_prose_not_boilerplate(void)
{
    const char *t = "Court hears copyright case\n\n"
                    "Copyright lawyers for both sides met in Geneva on Monday.\n\n"
                    "More than 40 people attended the hearing, the court said.\n\n"
                    "Reuters reported that a ruling is due in June.\n\n"
                    "Correction officers guarded the entrance.\n";
    td_doc *doc = run_anatomy(t, strlen(t));
    CHECK_EQ_INT(count_parts(doc, TD_PART_BODY), 4);
    CHECK_EQ_INT(count_parts(doc, TD_PART_BOILERPLATE), 0);
    CHECK_EQ_INT(count_parts(doc, TD_PART_CREDIT), 0);
    td_doc_free(doc);
}

/* A brief followed only by furniture: its one paragraph is body, not a
 * standfirst with nothing after it. */
static void test_brief_with_furniture_has_body(void)
{
    const char *t = "Port reopens after storm\n"
                    "The port of Lindo reopened on Friday after three days of storms, officials said.\n"
                    "Share\n"
                    "Related stories\n"
                    "Storm season starts early this year\n"
                    "Ferry timetables return to normal\n";
    td_doc *doc = run_anatomy(t, strlen(t));
    CHECK_EQ_INT(count_parts(doc, TD_PART_STANDFIRST), 0);
    CHECK(span_starts(doc, nth_part(doc, TD_PART_BODY, 0), "The port of Lindo reopened"));
    CHECK_EQ_INT(count_parts(doc, TD_PART_RELATED), 2);
    td_doc_free(doc);
}

/* In hard-wrapped text a long title line is not joined to the byline
 * under it, while a line that stops on "the" is joined to the next. */
static void test_wrapped_title_and_byline(void)
{
    const char *t =
        "Ferry operators warn of summer delays on island routes\n"
        "By Tomas Lindqvist\n"
        "\n"
        "Operators of the ferries that link the mainland with the islands of\n"
        "the archipelago said on Monday that crew shortages would delay the\n"
        "summer timetable by at least two weeks, and that some routes would\n"
        "run only at weekends until the end of June.\n"
        "\n"
        "The regional government said it was talking to the operators about\n"
        "extra funding for training new crew members this spring.\n";
    td_doc *doc = run_anatomy(t, strlen(t));
    check_well_formed(doc, "wrapped byline");
    const td_part *h = nth_part(doc, TD_PART_HEADLINE, 0);
    CHECK(h != NULL);
    if (h)
        CHECK_SPAN(doc->text, h->span, "Ferry operators warn of summer delays on island routes");
    CHECK_EQ_INT(count_parts(doc, TD_PART_BYLINE), 1);
    CHECK_EQ_INT(count_parts(doc, TD_PART_BODY), 2);
    CHECK(span_ends(doc, nth_part(doc, TD_PART_BODY, 0), "end of June."));
    td_doc_free(doc);
}

/* Without a dictionary (no engine) the stage still labels by shape. */
static void test_without_engine(void)
{
    const char *t = "World\nTalks Resume in Geneva as Both Sides Soften Demands\n"
                    "Negotiators met for six hours on Monday.\nA second round is planned.\n";
    td_doc *doc = td_doc_new(NULL, t, strlen(t), NULL);
    td_anatomy_text(doc);
    check_well_formed(doc, "no engine");
    CHECK_EQ_INT(count_parts(doc, TD_PART_SECTION), 1);
    CHECK_EQ_INT(count_parts(doc, TD_PART_HEADLINE), 1);
    CHECK_EQ_INT(count_parts(doc, TD_PART_BODY), 2);
    td_doc_free(doc);
}

static void test_hostile_inputs(void)
{
    static const char *const small[] = {
        "", "\n", "\n\n\n", "   \t  ", "a", "\xE2\x80\x94", "(", "By", "By\n",
        "WASHINGTON (", "WASHINGTON (AFP) \xE2\x80\x94", "\xC2", "\xE2\x80", "\xEF\xBB\xBF",
        "\xC2\xA9", "\xE2\x80\x9C\xE2\x80\x9D", "\"\"", "Read more:", "X\n\xC2\xA0\n",
        "a, b on March", ", on May 1, 2020.", "(Photo/)", "/", "Photo:",
        "Flood waters rise in the town of Lindo, on May 1, 2020. ( AP Photo/Mara Voss )",
        "Read more -", "Read more - x", "KYIV (AFP)\xE2\x80\x94", "Jane Roe, ", ", Reuters",
    };
    for (size_t i = 0; i < sizeof small / sizeof *small; i++) {
        td_doc *doc = run_anatomy(small[i], strlen(small[i]));
        check_well_formed(doc, small[i]);
        td_doc_free(doc);
    }
    /* pseudo-random bytes biased towards the characters the stage reads */
    static const char alphabet[] = "aZ .,:;!?\n\n\r\t\"'()-/|0123456789\xE2\x80\x94\x9C\x9D\xC2\xA0\xA9 By AP";
    uint32_t x = 12345;
    size_t n = 1 << 18;
    char *buf = malloc(n);
    for (int round = 0; round < 8; round++) {
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = round == 7 ? (char)(x >> 16) : alphabet[(x >> 16) % (sizeof alphabet - 1)];
        }
        td_doc *doc = run_anatomy(buf, n);
        check_well_formed(doc, "random");
        td_doc_free(doc);
    }
    /* one long line, many short lines, a NUL in the middle */
    memset(buf, 'a', n);
    td_doc *doc = run_anatomy(buf, n);
    check_well_formed(doc, "long line");
    td_doc_free(doc);
    for (size_t i = 0; i < n; i++)
        buf[i] = i % 2 ? '\n' : 'A';
    buf[1001] = 0;
    doc = run_anatomy(buf, n);
    check_well_formed(doc, "short lines");
    td_doc_free(doc);
    free(buf);
}

static void test_enough_articles(void)
{
    CHECK(articles_checked >= 20);
}

int main(void)
{
    /* the word lists only: no trained models are needed here */
    td_engine_options opt = {NULL, "/nonexistent-tidings-models"};
    engine = check_engine(&opt);
    RUN(test_seed);
    RUN(test_dateline_is_its_own_part);
    RUN(test_no_dateline_in_prose);
    RUN(test_caption_with_credit_tail);
    RUN(test_published_meta);
    RUN(test_prose_not_boilerplate);
    RUN(test_brief_with_furniture_has_body);
    RUN(test_without_engine);
    RUN(test_wrapped_title_and_byline);
    RUN(test_hostile_inputs);
    run_articles("tests/articles");
    run_articles("examples"); /* the bundled example */
    RUN(test_enough_articles);
    td_engine_free(engine);
    return CHECK_REPORT();
}
