/*
 * cmd_tag.c — `tidings tag --conll FILE`: the entity tagger on CoNLL lines.
 *
 * Reads CoNLL-2003 columns (token first) and writes every line back with
 * the predicted IOB2 tag appended after a space; blank lines and
 * -DOCSTART- lines pass through unchanged.  Documents (between -DOCSTART-
 * lines) are tagged as a whole, since the tagger uses document-level
 * features.  `--model PATH` picks another model than models/ner.model.
 * `--stats` writes to stderr one line with the model load time, the CPU
 * time spent tagging (reading and writing excluded), tokens per second and
 * the peak resident memory (getrusage): what bench/bench_ner.sh reports.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "commands.h"
#include "ner/ner.h"

#ifndef TD_MODEL_DIR
#define TD_MODEL_DIR "models"
#endif

static int usage(void)
{
    fprintf(stderr, "usage: tidings tag --conll FILE [--model PATH] [--stats]\n");
    return EXIT_USAGE;
}

typedef struct line {
    const char *s;
    size_t n;      /* without line end */
    size_t tokn;   /* first column length, 0 for blank */
    int docstart;
} line;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (!got)
            break;
    }
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    if (buf)
        buf[n] = 0;
    *len = n;
    return buf;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Tags lines [a, b) (one document) and prints them; adds the tagging CPU
 * time to *secs and the tokens to *ntokens. */
static int tag_doc(const td_ner_model *m, const line *L, size_t a, size_t b,
                   FILE *out, double *secs, size_t *ntokens)
{
    size_t ntok = 0, nsent = 0;
    for (size_t i = a; i < b; i++)
        if (L[i].tokn && !L[i].docstart)
            ntok++;
    td_ner_tok *tok = malloc((ntok + 1) * sizeof *tok);
    uint32_t *sent = malloc((ntok + 2) * sizeof *sent);
    uint8_t *tags = malloc(ntok + 1);
    if (!tok || !sent || !tags) {
        free(tok), free(sent), free(tags);
        return -1;
    }
    size_t k = 0;
    int in_sent = 0;
    for (size_t i = a; i < b; i++) {
        if (!L[i].tokn || L[i].docstart) {
            in_sent = 0;
            continue;
        }
        if (!in_sent)
            sent[nsent++] = (uint32_t)k;
        in_sent = 1;
        tok[k].s = L[i].s;
        tok[k].n = (uint32_t)L[i].tokn;
        k++;
    }
    sent[nsent] = (uint32_t)ntok;
    td_ner_doc doc = {tok, ntok, sent, nsent};
    double t0 = cpu_now();
    int rc = td_ner_tag(m, &doc, tags);
    *secs += cpu_now() - t0;
    *ntokens += ntok;
    k = 0;
    for (size_t i = a; rc == 0 && i < b; i++) {
        fwrite(L[i].s, 1, L[i].n, out);
        if (L[i].tokn && !L[i].docstart)
            fprintf(out, " %s", td_ner_tag_name(tags[k++]));
        fputc('\n', out);
    }
    free(tok), free(sent), free(tags);
    return rc;
}

int cmd_tag(int argc, char **argv)
{
    const char *file = NULL, *model = NULL;
    int stats = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--stats")) {
            stats = 1;
            continue;
        }
        if (!strcmp(argv[i], "--conll") && i + 1 < argc)
            file = argv[++i];
        else if (!strcmp(argv[i], "--model") && i + 1 < argc)
            model = argv[++i];
        else if (!strcmp(argv[i], "--help")) {
            usage();
            return EXIT_OK;
        } else
            return usage();
    }
    if (!file)
        return usage();
    char path[4096], err[512] = "";
    if (!model) {
        const char *dir = getenv("TIDINGS_MODELS");
        snprintf(path, sizeof path, "%s/ner.model", dir && *dir ? dir : TD_MODEL_DIR);
        model = path;
    }
    size_t len = 0;
    char *text = slurp(file, &len);
    if (!text) {
        fprintf(stderr, "tidings tag: %s: %s\n", file, errno ? strerror(errno) : "cannot read");
        return EXIT_BAD_INPUT;
    }
    if (memchr(text, 0, len)) {
        fprintf(stderr, "tidings tag: %s: binary data, not CoNLL text\n", file);
        free(text);
        return EXIT_BAD_INPUT;
    }
    double t0 = cpu_now();
    td_ner_model *m = td_ner_load(model, err, sizeof err);
    double load = cpu_now() - t0, secs = 0;
    size_t ntokens = 0;
    if (!m) {
        fprintf(stderr, "tidings tag: %s\n", err);
        free(text);
        return EXIT_BAD_INPUT;
    }
    size_t nl = 0, cap = 1024;
    line *L = malloc(cap * sizeof *L);
    for (size_t p = 0; L && p < len;) {
        const char *e = memchr(text + p, '\n', len - p);
        size_t n = e ? (size_t)(e - (text + p)) : len - p;
        if (nl == cap) {
            line *nL = realloc(L, (cap *= 2) * sizeof *L);
            if (!nL) {
                free(L);
                L = NULL;
                break;
            }
            L = nL;
        }
        line *l = &L[nl++];
        l->s = text + p;
        l->n = n;
        if (n && text[p + n - 1] == '\r')
            l->n--;
        size_t a = 0;
        while (a < l->n && (l->s[a] == ' ' || l->s[a] == '\t'))
            a++;
        /* a line indented with blanks is read as its first column */
        l->s += a;
        l->n -= a;
        l->tokn = strcspn(l->s, " \t\r\n");
        if (l->tokn > l->n)
            l->tokn = l->n;
        l->docstart = l->tokn == 10 && !memcmp(l->s, "-DOCSTART-", 10);
        p += n + 1;
    }
    int rc = L ? 0 : -1;
    for (size_t a = 0; rc == 0 && a < nl;) {
        size_t b = a + 1;
        while (b < nl && !L[b].docstart)
            b++;
        rc = tag_doc(m, L, a, b, stdout, &secs, &ntokens);
        a = b;
    }
    if (rc)
        fprintf(stderr, "tidings tag: %s: out of memory\n", file);
    if (stats) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr, "tag stats: tokens %zu tag_seconds %.3f tokens_per_second %.0f "
                        "load_ms %.1f peak_rss_mb %.1f\n",
                ntokens, secs, secs > 0 ? ntokens / secs : 0.0, load * 1e3,
                ru.ru_maxrss / 1024.0);
    }
    free(L);
    free(text);
    td_ner_free(m);
    if (fflush(stdout) != 0)
        return EXIT_BAD_INPUT;
    return rc ? EXIT_BAD_INPUT : EXIT_OK;
}
