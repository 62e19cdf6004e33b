/*
 * language_eval.c — prints the sentences and tokens td_tokenize finds in
 * each paragraph of a corpus, for eval/task_language.sh to score.
 *
 * Input: paragraphs separated by the byte 0x1E, each analysed as one body
 * part.  Output: one line per sentence "S PARA START END" and per token
 * "T PARA START END", byte offsets within the paragraph.
 *
 *   language_eval CORPUS
 */
#include <stdio.h>
#include <stdlib.h>

#include "stages.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: language_eval CORPUS\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "language_eval: cannot read %s\n", argv[1]);
        return 1;
    }
    size_t cap = 1 << 20, len = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0)
        if ((len += got) == cap)
            buf = realloc(buf, cap *= 2);
    fclose(f);
    char err[256];
    /* the language stage needs no trained model: do not load one */
    td_engine_options no_models = {NULL, "/nonexistent-tidings-models"};
    td_engine *engine = buf ? td_engine_new(&no_models, err, sizeof err) : NULL;
    if (!engine) {
        fprintf(stderr, "language_eval: %s\n", buf ? err : "out of memory");
        return 1;
    }
    size_t start = 0, para = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && buf[i] != '\x1e')
            continue;
        td_doc *doc = td_doc_new(engine, buf + start, i - start, NULL);
        if (i > start)
            td_doc_add_part(doc, TD_PART_BODY, 0, i - start, "eval");
        td_tokenize(doc);
        for (size_t s = 0; s < doc->nsentences; s++)
            printf("S %zu %u %u\n", para, doc->sentences[s].span.start,
                   doc->sentences[s].span.end);
        for (size_t t = 0; t < doc->ntokens; t++)
            printf("T %zu %u %u\n", para, doc->tokens[t].span.start,
                   doc->tokens[t].span.end);
        td_doc_free(doc);
        para++;
        start = i + 1;
    }
    td_engine_free(engine);
    free(buf);
    return 0;
}
