/*
 * batch.h — run the library over many input files on all cores.
 */
#ifndef TD_BATCH_H
#define TD_BATCH_H

#include "tidings.h"

typedef struct batch_options {
    td_input input;      /* template for every file: date, url, kind, depth */
    td_json_shape shape;
    int pretty;
    int jobs;            /* worker threads; 0 = one per core */
    int stats;           /* print throughput and peak memory on stderr */
} batch_options;

/* Analyses each file ("-" = standard input) and prints one JSON line per
 * document to stdout, in input order.  Returns 0 if every document was
 * read, 1 if any failed (each failure reported on stderr). */
int batch_run(const td_engine *engine, char **files, int nfiles,
              const batch_options *opt);

#endif
