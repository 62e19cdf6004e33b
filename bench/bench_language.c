/*
 * bench_language.c — throughput of the language stage (tokens and
 * sentences) and of anatomy + language, on real article text.
 *
 * Reads a corpus of articles separated by the byte 0x1E (bench_language.sh
 * writes the articleBody texts of the extraction gold set that way), and
 * analyses them again and again until at least MB megabytes went through.
 * Only the stage calls are timed, in CPU time of this one thread, so the
 * figures are per core.  Prints "name<TAB>value<TAB>unit" lines.
 *
 *   bench_language CORPUS [MB]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stages.h"

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_language CORPUS [MB]\n");
        return 2;
    }
    double want_mb = argc > 2 ? atof(argv[2]) : 50;
    size_t len;
    char *corpus = read_all(argv[1], &len);
    if (!corpus || !len) {
        fprintf(stderr, "bench_language: cannot read %s\n", argv[1]);
        return 1;
    }
    char err[256];
    /* the language stage needs no trained model: do not load one */
    td_engine_options no_models = {NULL, "/nonexistent-tidings-models"};
    td_engine *engine = td_engine_new(&no_models, err, sizeof err);
    if (!engine) {
        fprintf(stderr, "bench_language: %s\n", err);
        return 1;
    }
    double t_anatomy = 0, t_lang = 0, bytes = 0;
    size_t docs = 0, tokens = 0, sentences = 0;
    while (bytes < want_mb * 1e6) {
        size_t start = 0;
        for (size_t i = 0; i <= len; i++) {
            if (i < len && corpus[i] != '\x1e')
                continue;
            if (i > start) {
                td_doc *doc = td_doc_new(engine, corpus + start, i - start, NULL);
                double t0 = cpu_now();
                td_anatomy_text(doc);
                double t1 = cpu_now();
                td_tokenize(doc);
                double t2 = cpu_now();
                t_anatomy += t1 - t0;
                t_lang += t2 - t1;
                bytes += (double)(i - start);
                docs++;
                tokens += doc->ntokens;
                sentences += doc->nsentences;
                td_doc_free(doc);
            }
            start = i + 1;
        }
    }
    printf("language\t%.1f\tMB/s/core\n", bytes / 1e6 / t_lang);
    printf("anatomy+language\t%.1f\tMB/s/core\n", bytes / 1e6 / (t_lang + t_anatomy));
    printf("language tokens\t%.2f\tM tokens/s/core\n", (double)tokens / 1e6 / t_lang);
    fprintf(stderr, "bench_language: %zu documents, %.1f MB, %zu tokens, %zu sentences, "
                    "anatomy %.3fs, language %.3fs\n",
            docs, bytes / 1e6, tokens, sentences, t_anatomy, t_lang);
    td_engine_free(engine);
    free(corpus);
    return 0;
}
