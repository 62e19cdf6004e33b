/*
 * collect.h — a td_doc_fn for tests of multi-document readers (feeds,
 * WARC): keeps the first 16 documents and 8 error messages it is handed,
 * and can ask the reader to stop after a number of documents.
 */
#ifndef TD_TEST_COLLECT_H
#define TD_TEST_COLLECT_H

#include <stdio.h>

#include "doc.h"

typedef struct got {
    td_doc *docs[16];
    int ndocs;
    char errors[8][256];
    int nerrors;
    int stop_after; /* stop when this many docs arrived (0 = never) */
} got;

static int collect(void *ctx, td_doc *doc, const char *error)
{
    got *g = ctx;
    if (doc) {
        if (g->ndocs < 16)
            g->docs[g->ndocs++] = doc;
        else
            td_doc_free(doc);
        return g->stop_after && g->ndocs >= g->stop_after;
    }
    if (g->nerrors < 8)
        snprintf(g->errors[g->nerrors++], 256, "%s", error);
    return 0;
}

static void got_free(got *g)
{
    for (int i = 0; i < g->ndocs; i++)
        td_doc_free(g->docs[i]);
}

#endif
