/*
 * fuzz_feed.c — libFuzzer target for the FEED reader: any bytes must be
 * read without crashing, hanging, leaking or reading out of bounds.
 * One engine per process, created on first use (a static is fine in
 * fuzz code; the library itself keeps no state).
 */
#include <stdint.h>
#include <stdlib.h>

#include "doc.h"
#include "stages.h"

static td_engine *engine;

static int sink(void *ctx, td_doc *doc, const char *error)
{
    (void)ctx, (void)error;
    td_doc_free(doc);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    if (!engine) {
        engine = td_engine_new(NULL, err, sizeof err);
        if (!engine)
            abort();
    }
    td_input in = {.name = "fuzz", .depth = TD_DEPTH_ANATOMY};
    (void)sink;
    td_feed_read(engine, (const char *)data, size, &in, sink, NULL);
    return 0;
}
