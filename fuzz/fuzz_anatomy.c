/*
 * fuzz_anatomy.c — libFuzzer target for the plain-text anatomy and the
 * tokenizer behind it, fed straight (no kind detection, no gzip) so the
 * fuzzer spends its time on line shapes.
 *
 * Invariants: parts are non-empty, inside the text, on character
 * boundaries, trimmed of white space, in text order and non-overlapping;
 * tokens lie inside their sentence.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_engine *engine = fuzz_engine(0);
    td_buf text;
    td_buf_init(&text);
    char err[256];
    if (td_decode_text((const char *)data, size, &text, err, sizeof err)) {
        td_buf_free(&text);
        return 0;
    }
    td_input in = {.name = "fuzz"};
    td_doc *doc = td_doc_new(engine, text.data, text.len, &in);
    td_buf_free(&text);
    td_anatomy_text(doc);
    uint32_t prev_end = 0;
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        td_span s = doc->anatomy.parts[i].span;
        if (s.start >= s.end || s.end > doc->len || s.start < prev_end)
            abort();
        if (!fuzz_is_boundary(doc, s.start) || !fuzz_is_boundary(doc, s.end))
            abort();
        if (is_space(doc->text[s.start]) || is_space(doc->text[s.end - 1]))
            abort();
        prev_end = s.end;
    }
    td_tokenize(doc);
    for (size_t i = 0; i < doc->nsentences; i++) {
        const td_sentence *st = &doc->sentences[i];
        if (st->first_token + st->ntokens > doc->ntokens)
            abort();
        for (uint32_t t = st->first_token; t < st->first_token + st->ntokens; t++)
            if (doc->tokens[t].span.start < st->span.start ||
                doc->tokens[t].span.end > st->span.end)
                abort();
    }
    td_doc_free(doc);
    return 0;
}
