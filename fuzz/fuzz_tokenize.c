/*
 * fuzz_tokenize.c — libFuzzer target for the tokenizer and the sentence
 * splitter (tokenize.c, sentence.c), fed bytes directly: each line of the
 * input becomes one part (headline, body or caption by its length), so
 * the fuzzer exercises part boundaries and unanalysed parts too.  Invalid
 * UTF-8 is fed as it is (the stage must not crash on it); the boundary
 * invariant is checked only for valid UTF-8.
 *
 * Invariants: tokens non-empty, in order, not overlapping, inside an
 * analysed part; every token in exactly one sentence and inside its span;
 * sentences non-empty, consecutive, inside their part, on UTF-8 boundaries.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fuzz_common.h"
#include "tokenize.h"

#define REQUIRE(c)                                                             \
    do {                                                                       \
        if (!(c))                                                              \
            abort();                                                           \
    } while (0)

static int valid_utf8(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    td_engine *engine = fuzz_engine(0);
    td_doc *doc = td_doc_new(engine, (const char *)data, size, NULL);
    size_t start = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i < size && data[i] != '\n')
            continue;
        if (i > start) {
            static const td_part_kind kinds[] = {TD_PART_BODY, TD_PART_HEADLINE,
                                                 TD_PART_BODY, TD_PART_CAPTION};
            td_doc_add_part(doc, kinds[(i - start) % 4], start, i, "fuzz");
        }
        start = i + 1;
    }
    td_tokenize(doc);
    int utf8 = valid_utf8(data, size);

    uint32_t prev_end = 0;
    size_t part = 0;
    for (size_t i = 0; i < doc->ntokens; i++) {
        const td_token *t = &doc->tokens[i];
        REQUIRE(t->span.start < t->span.end && t->span.end <= doc->len);
        REQUIRE(t->span.start >= prev_end);
        REQUIRE(!utf8 || (fuzz_is_boundary(doc, t->span.start) && fuzz_is_boundary(doc, t->span.end)));
        REQUIRE(t->kind <= TD_TOK_EMAIL);
        REQUIRE((t->flags & (TD_TF_QUOTE_OPEN | TD_TF_QUOTE_CLOSE)) !=
                (TD_TF_QUOTE_OPEN | TD_TF_QUOTE_CLOSE));
        REQUIRE(!(t->flags & TD_TF_ABBREV) || doc->text[t->span.end - 1] == '.');
        REQUIRE(t->sentence < doc->nsentences);
        const td_sentence *s = &doc->sentences[t->sentence];
        REQUIRE(i >= s->first_token && i < s->first_token + s->ntokens);
        REQUIRE(t->span.start >= s->span.start && t->span.end <= s->span.end);
        while (part < doc->anatomy.nparts && doc->anatomy.parts[part].span.end <= t->span.start)
            part++;
        REQUIRE(part < doc->anatomy.nparts);
        REQUIRE(td_part_is_analysed(doc->anatomy.parts[part].kind));
        REQUIRE(t->span.start >= doc->anatomy.parts[part].span.start &&
                t->span.end <= doc->anatomy.parts[part].span.end);
        prev_end = t->span.end;
    }
    size_t next = 0;
    for (size_t i = 0; i < doc->nsentences; i++) {
        const td_sentence *s = &doc->sentences[i];
        REQUIRE(s->ntokens > 0 && s->first_token == next);
        REQUIRE(s->ntokens <= TD_SENT_MAX_TOKENS);
        REQUIRE(s->part < doc->anatomy.nparts);
        const td_part *p = &doc->anatomy.parts[s->part];
        REQUIRE(s->span.start >= p->span.start && s->span.end <= p->span.end);
        REQUIRE(s->span.start < s->span.end);
        next = s->first_token + s->ntokens;
    }
    REQUIRE(next == doc->ntokens);
    td_doc_free(doc);
    return 0;
}
