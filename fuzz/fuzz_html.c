/*
 * fuzz_html.c — libFuzzer target for the HTML reader: any bytes must be
 * read without crashing, hanging, leaking or reading out of bounds.
 * The engine and the document sink are in fuzz_common.h.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_engine *engine = fuzz_engine(1);
    char err[256];
    td_input in = {.name = "fuzz", .depth = TD_DEPTH_ANATOMY};
    td_doc *doc = td_html_read(engine, (const char *)data, size, NULL, &in, err, sizeof err);
    td_doc_free(doc);
    return 0;
}
