/*
 * fuzz_common.h — what the libFuzzer targets share: one engine per
 * process (loading dictionaries and models is slow, so it is created on
 * first use and kept; a static is fine in fuzz code, the library itself
 * keeps no state), a callback that drops documents, and the span checks.
 */
#ifndef TD_FUZZ_COMMON_H
#define TD_FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>

#include "doc.h"
#include "stages.h"

/* The process's engine; with_models = 0 skips trained models (stages that
 * need none are fuzzed faster and independently of model files). */
static inline td_engine *fuzz_engine(int with_models)
{
    static td_engine *engine;
    if (!engine) {
        char err[256];
        td_engine_options no_models = {NULL, "/nonexistent-tidings-models"};
        engine = td_engine_new(with_models ? NULL : &no_models, err, sizeof err);
        if (!engine)
            abort();
    }
    return engine;
}

/* A td_doc_fn that frees what it is given. */
static inline int fuzz_drop_doc(void *ctx, td_doc *doc, const char *error)
{
    (void)ctx;
    if (error && !*error)
        abort(); /* an error must say something */
    td_doc_free(doc);
    return 0;
}

static inline int fuzz_is_boundary(const td_doc *doc, uint32_t off)
{
    return off == doc->len ||
           (off < doc->len && ((unsigned char)doc->text[off] & 0xC0) != 0x80);
}

/* Aborts unless s lies inside the text on character boundaries. */
static inline void fuzz_check_span(const td_doc *doc, td_span s)
{
    if (s.start > s.end || s.end > doc->len || !fuzz_is_boundary(doc, s.start) ||
        !fuzz_is_boundary(doc, s.end))
        abort();
}

#endif
