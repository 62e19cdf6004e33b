/*
 * fuzz_read.c — libFuzzer target for everything td_read does with
 * untrusted bytes: kind detection, gzip, decoding and NFC, JSON Lines, and
 * the whole pipeline on what comes out (anatomy, tokens, entities...).
 *
 * Checks the invariants every consumer relies on: the text is valid UTF-8,
 * every span lies inside it on character boundaries, and the JSON written
 * for each document parses.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "util/json.h"

static int check_doc(void *ctx, td_doc *doc, const char *error)
{
    (void)ctx;
    if (error) {
        if (!*error)
            abort(); /* errors must say something */
        return 0;
    }
    if (strlen(doc->text) != doc->len)
        abort();
    for (size_t i = 0; i < doc->anatomy.nparts; i++)
        fuzz_check_span(doc, doc->anatomy.parts[i].span);
    for (size_t i = 0; i < doc->ntokens; i++)
        fuzz_check_span(doc, doc->tokens[i].span);
    for (size_t i = 0; i < doc->nsentences; i++)
        fuzz_check_span(doc, doc->sentences[i].span);
    for (size_t i = 0; i < doc->nentities; i++)
        for (size_t m = 0; m < doc->entities[i].nmentions; m++)
            fuzz_check_span(doc, doc->entities[i].mentions[m].span);
    size_t n;
    char *json = td_doc_json(doc, TD_JSON_FULL, 0, &n);
    td_arena a;
    td_arena_init(&a);
    char err[128];
    if (!td_json_parse(&a, json, n, err, sizeof err))
        abort();
    td_arena_release(&a);
    free(json);
    td_doc_free(doc);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_engine *engine = fuzz_engine(1);
    td_input in = {.name = "fuzz", .depth = TD_DEPTH_FULL};
    td_read(engine, (const char *)data, size, &in, check_doc, NULL);
    return 0;
}
