/*
 * cmd_train.c — `tidings train ner`: trains the entity tagger.
 *
 *   tidings train ner --train FILE --dev FILE --out MODEL
 *                     [--seed N] [--epochs N] [--one-pass] [--quiet]
 *
 * The development file only picks the epoch (and is reported); the
 * gazetteers come from the data folder (TIDINGS_DATA or the built-in one)
 * and are stored in the model.  See models/README.md for the command that
 * made the shipped model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "ner/ner.h"

#ifndef TD_DATA_DIR
#define TD_DATA_DIR "data"
#endif

static int usage(void)
{
    fprintf(stderr, "usage: tidings train ner --train FILE --dev FILE --out MODEL "
                    "[--seed N] [--epochs N] [--one-pass] [--quiet]\n");
    return EXIT_USAGE;
}

static int parse_int(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0 || v > 1000000)
        return -1;
    *out = (int)v;
    return 0;
}

int cmd_train(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "ner") != 0)
        return usage();
    const char *train = NULL, *dev = NULL, *out = NULL;
    td_ner_train_opts opt = {0, 0, 1, 1};
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        int v;
        if (!strcmp(a, "--one-pass"))
            opt.two_pass = 0;
        else if (!strcmp(a, "--quiet"))
            opt.verbose = 0;
        else if (i + 1 >= argc)
            return usage();
        else if (!strcmp(a, "--train"))
            train = argv[++i];
        else if (!strcmp(a, "--dev"))
            dev = argv[++i];
        else if (!strcmp(a, "--out"))
            out = argv[++i];
        else if (!strcmp(a, "--seed") && !parse_int(argv[i + 1], &v))
            opt.seed = (unsigned)v, i++;
        else if (!strcmp(a, "--epochs") && !parse_int(argv[i + 1], &v))
            opt.epochs = v, i++;
        else
            return usage();
    }
    if (!train || !dev || !out)
        return usage();
    char err[512] = "";
    td_ner_corpus *tr = td_ner_corpus_read(train, err, sizeof err);
    td_ner_corpus *dv = tr ? td_ner_corpus_read(dev, err, sizeof err) : NULL;
    if (!tr || !dv) {
        fprintf(stderr, "tidings train: %s\n", err);
        td_ner_corpus_free(tr);
        return EXIT_BAD_INPUT;
    }
    if (!td_ner_corpus_ntokens(tr)) {
        fprintf(stderr, "tidings train: %s: no tagged tokens\n", train);
        td_ner_corpus_free(tr);
        td_ner_corpus_free(dv);
        return EXIT_BAD_INPUT;
    }
    const char *data = getenv("TIDINGS_DATA");
    td_ner_gaz *gaz = td_ner_gaz_build(data && *data ? data : TD_DATA_DIR);
    int rc = gaz ? td_ner_train(tr, dv, gaz, &opt, out, err, sizeof err) : -1;
    if (rc)
        fprintf(stderr, "tidings train: %s\n", gaz ? err : "out of memory");
    td_ner_gaz_free(gaz);
    td_ner_corpus_free(tr);
    td_ner_corpus_free(dv);
    return rc ? EXIT_BAD_INPUT : EXIT_OK;
}
