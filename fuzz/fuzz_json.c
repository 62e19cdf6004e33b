/*
 * fuzz_json.c — libFuzzer target for the JSON reader and writer: any bytes
 * either parse or fail cleanly; any bytes escaped as a string and read back
 * give valid UTF-8 equal to the input wherever the input was valid.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_arena a;
    td_arena_init(&a);
    char err[128];
    td_json_parse(&a, (const char *)data, size, err, sizeof err);

    td_buf b;
    td_buf_init(&b);
    td_json_writer w;
    td_jw_init(&w, &b);
    td_jw_array(&w);
    td_jw_string(&w, (const char *)data, size);
    td_jw_array_end(&w);
    td_json_value *v = td_json_parse(&a, b.data, b.len, err, sizeof err);
    if (!v || v->type != TD_JSON_ARRAY || v->length != 1 ||
        v->items[0]->type != TD_JSON_STRING)
        abort(); /* the writer produced JSON its reader rejects */
    /* input without invalid UTF-8 or NUL must come back unchanged */
    if (!memchr(data, 0, size) && !strstr(b.data, "\\ufffd") &&
        (v->items[0]->length != size || memcmp(v->items[0]->string, data, size)))
        abort();
    size_t n;
    char *pretty = td_json_pretty(b.data, b.len, &n);
    if (!td_json_parse(&a, pretty, n, err, sizeof err))
        abort();
    free(pretty);
    td_buf_free(&b);
    td_arena_release(&a);
    return 0;
}
