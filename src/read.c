/*
 * read.c — td_read: one input's bytes to analysed documents.
 *
 * The kind of input decides how many documents it holds and who reads
 * them: plain text and HTML are one document, a feed one per item, a WARC
 * one per HTML response, JSON Lines one per line.  gzip is unwrapped here
 * (a page saved as .html.gz, a JSON Lines dump), except for gzipped WARC
 * files, which the WARC reader inflates member by member so that one
 * corrupt record does not cost the rest of the file.
 *
 * Every failure becomes one call of the callback with a message, and
 * reading goes on where it can.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"
#include "util/inflate.h"
#include "util/json.h"

/* Inflates all gzip members of bytes into out, at most limit bytes. */
static int gunzip(const char *bytes, size_t len, size_t limit, td_buf *out,
                  char *err, size_t errlen)
{
    size_t pos = 0;
    while (pos < len) {
        size_t used;
        td_inflate_status st = td_inflate(bytes + pos, len - pos, TD_INFLATE_GZIP,
                                          limit + 1 - out->len, out, &used);
        if (st == TD_INFLATE_TOO_BIG) {
            td_errorf(err, errlen, "gzip data inflates to over %zu bytes", limit);
            return -1;
        }
        if (st != TD_INFLATE_OK) {
            td_errorf(err, errlen, "gzip data is %s", td_inflate_status_text(st));
            return -1;
        }
        pos += used;
        if (!used || !td_gzip_magic(bytes, len, pos))
            break; /* trailing bytes after the last member are ignored */
    }
    return 0;
}

static int deliver(td_doc *doc, const td_input *input, td_doc_fn fn, void *ctx)
{
    td_analyse(doc, input->depth);
    return fn(ctx, doc, NULL);
}

static int read_text(const td_engine *engine, const char *bytes, size_t len,
                     const td_input *input, td_doc_fn fn, void *ctx)
{
    char err[256];
    td_buf text;
    td_buf_init(&text);
    if (td_decode_text(bytes, len, &text, err, sizeof err)) {
        td_buf_free(&text);
        fn(ctx, NULL, err);
        return 1;
    }
    td_doc *doc = td_doc_new(engine, text.data, text.len, input);
    doc->kind = TD_KIND_TEXT;
    td_buf_free(&text);
    deliver(doc, input, fn, ctx);
    return 0;
}

static int read_html(const td_engine *engine, const char *bytes, size_t len,
                     const td_input *input, td_doc_fn fn, void *ctx)
{
    char err[256] = "";
    if (len > TD_MAX_DOC_BYTES) {
        snprintf(err, sizeof err, "page is %zu bytes, over the limit of %u", len,
                 TD_MAX_DOC_BYTES);
        fn(ctx, NULL, err);
        return 1;
    }
    td_doc *doc = td_html_read(engine, bytes, len, NULL, input, err, sizeof err);
    if (!doc) {
        fn(ctx, NULL, *err ? err : "cannot read the page");
        return 1;
    }
    doc->kind = TD_KIND_HTML;
    deliver(doc, input, fn, ctx);
    return 0;
}

/* JSON Lines: each line an object with "text" (or "html"), and optionally
 * "id", "url", "source", "date". */
static int read_jsonl(const td_engine *engine, const char *bytes, size_t len,
                      const td_input *input, td_doc_fn fn, void *ctx)
{
    int failed = 0;
    size_t lineno = 0;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(bytes + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - bytes) : len;
        const char *line = bytes + pos;
        size_t n = end - pos;
        pos = end + 1;
        lineno++;
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            n--;
        if (!n)
            continue;
        char err[256], msg[300];
        td_arena a;
        td_arena_init(&a);
        td_json_value *v = td_json_parse(&a, line, n, err, sizeof err);
        const char *text = td_json_get_string(v, "text");
        const char *html = td_json_get_string(v, "html");
        int stop = 0;
        if (!v || v->type != TD_JSON_OBJECT || (!text && !html)) {
            snprintf(msg, sizeof msg, "line %zu: %s", lineno,
                     !v ? err : "not an object with a \"text\" or \"html\" string");
            failed++;
            stop = fn(ctx, NULL, msg);
        } else {
            char idbuf[64];
            td_input item = *input;
            item.id = td_json_get_string(v, "id");
            if (!item.id) {
                const char *base = input->id;
                snprintf(idbuf, sizeof idbuf, "%.40s-%zu", base ? base : "line", lineno);
                item.id = idbuf;
            }
            const char *s;
            if ((s = td_json_get_string(v, "url")))
                item.url = s;
            if ((s = td_json_get_string(v, "source")))
                item.source = s;
            if ((s = td_json_get_string(v, "date")))
                item.date = s;
            int nfail = html ? read_html(engine, html, strlen(html), &item, fn, ctx)
                             : read_text(engine, text, strlen(text), &item, fn, ctx);
            failed += nfail;
        }
        td_arena_release(&a);
        if (stop)
            break;
    }
    return failed;
}

int td_read(const td_engine *engine, const char *bytes, size_t len,
            const td_input *input, td_doc_fn fn, void *ctx)
{
    td_input in = *input;
    char err[256];
    if (len >= 2 && (unsigned char)bytes[0] == 0x1f && (unsigned char)bytes[1] == 0x8b) {
        td_buf peek;
        td_buf_init(&peek);
        td_inflate(bytes, len, TD_INFLATE_GZIP, 4096, &peek, NULL);
        int warc = (in.kind == TD_KIND_AUTO || in.kind == TD_KIND_WARC) &&
                   td_detect_kind(peek.data ? peek.data : "", peek.len) == TD_KIND_WARC;
        td_buf_free(&peek);
        if (warc)
            return td_warc_read(engine, bytes, len, &in, fn, ctx);
        td_buf plain;
        td_buf_init(&plain);
        size_t limit = in.kind == TD_KIND_JSONL || in.kind == TD_KIND_FEED
                           ? (size_t)8 * TD_MAX_DOC_BYTES : TD_MAX_DOC_BYTES;
        if (gunzip(bytes, len, limit, &plain, err, sizeof err)) {
            td_buf_free(&plain);
            fn(ctx, NULL, err);
            return 1;
        }
        if (plain.len >= 2 && (unsigned char)plain.data[0] == 0x1f &&
            (unsigned char)plain.data[1] == 0x8b) {
            td_buf_free(&plain);
            fn(ctx, NULL, "gzip inside gzip is not read");
            return 1;
        }
        int failed = td_read(engine, plain.data ? plain.data : "", plain.len, &in, fn, ctx);
        td_buf_free(&plain);
        return failed;
    }
    if (in.kind == TD_KIND_AUTO)
        in.kind = td_detect_kind(bytes, len);
    switch (in.kind) {
    case TD_KIND_HTML:
        return read_html(engine, bytes, len, &in, fn, ctx);
    case TD_KIND_FEED:
        return td_feed_read(engine, bytes, len, &in, fn, ctx);
    case TD_KIND_WARC:
        return td_warc_read(engine, bytes, len, &in, fn, ctx);
    case TD_KIND_JSONL:
        return read_jsonl(engine, bytes, len, &in, fn, ctx);
    default:
        return read_text(engine, bytes, len, &in, fn, ctx);
    }
}
