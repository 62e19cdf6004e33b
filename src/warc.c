/*
 * warc.c — WARC 1.0 / 1.1 archives, plain or gzip, one document per HTML
 * response record.
 *
 * A gzipped WARC is read member by member, as CC-NEWS writes it (one
 * record per member): each member is inflated into a reused buffer and
 * the records in it are read.  A member that is corrupt or truncated is
 * reported with its offset in the file, and reading resumes at the next
 * gzip header found after it; a plain WARC resumes at the next line that
 * starts "WARC/1.".  So one bad record never costs the rest of the file.
 *
 * Of the records, only `response` records whose HTTP status is 200 and
 * whose Content-Type is HTML are analysed (chunked transfer coding and
 * gzip/deflate content coding are undone first); the rest (request,
 * metadata, warcinfo, redirects, images) are skipped silently.  The HTTP
 * charset goes to the HTML reader; WARC-Target-URI becomes the url and
 * WARC-Date the date.  Documents are named by their WARC-Record-ID with
 * the "<urn:uuid:...>" wrapping removed (so ids are stable across runs
 * and tools), or "BASE#N" (N-th record) when a record has no id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stages.h"
#include "util/inflate.h"

#define WR_MAX_MEMBER ((size_t)TD_MAX_DOC_BYTES * 4)

typedef struct wr_ctx {
    const td_engine *engine;
    const td_input *input;
    td_doc_fn fn;
    void *ctx;
    char base[256];
    size_t nrecords;
    int failed, stop;
} wr_ctx;

static void wr_fail(wr_ctx *w, size_t offset, const char *what)
{
    char msg[256];
    snprintf(msg, sizeof msg, "record at offset %zu: %s", offset, what);
    w->failed++;
    if (w->fn(w->ctx, NULL, msg))
        w->stop = 1;
}

/* Finds the end of a header block ("\r\n\r\n" or "\n\n"); returns the
 * offset just past it, or 0. */
static size_t wr_headers_end(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\n')
            continue;
        if (s[i + 1] == '\n')
            return i + 2;
        if (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* Value of header `name` in a header block, copied to out (trimmed). */
static int wr_header(const char *h, size_t n, const char *name, char *out,
                     size_t outlen)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < n;) {
        const char *e = memchr(h + i, '\n', n - i);
        size_t end = e ? (size_t)(e - h) : n;
        if (end - i > nl && h[i + nl] == ':' && !strncasecmp(h + i, name, nl)) {
            size_t a = i + nl + 1, b = end;
            while (a < b && (h[a] == ' ' || h[a] == '\t'))
                a++;
            while (b > a && (h[b - 1] == '\r' || h[b - 1] == ' ' || h[b - 1] == '\t'))
                b--;
            size_t k = b - a < outlen - 1 ? b - a : outlen - 1;
            memcpy(out, h + a, k);
            out[k] = 0;
            return 1;
        }
        i = end + 1;
    }
    return 0;
}

/* Undoes chunked transfer coding into out; -1 on malformed input. */
static int wr_dechunk(const char *s, size_t n, td_buf *out)
{
    size_t i = 0;
    while (i < n) {
        size_t size = 0;
        int digits = 0;
        while (i < n) {
            char c = s[i];
            int v = c >= '0' && c <= '9' ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v < 0)
                break;
            if (size > (SIZE_MAX >> 5))
                return -1;
            size = size * 16 + (size_t)v;
            digits++;
            i++;
        }
        if (!digits)
            return -1;
        const char *e = memchr(s + i, '\n', n - i);
        if (!e)
            return -1;
        i = (size_t)(e - s) + 1;
        if (!size)
            return 0;
        if (size > n - i)
            size = n - i; /* truncated last chunk: keep what is there */
        td_buf_add(out, s + i, size);
        i += size;
        while (i < n && (s[i] == '\r' || s[i] == '\n'))
            i++;
    }
    return 0;
}

/* Inflates gzip or zlib data (content coding) into out, at most limit; a
 * truncated body keeps what could be inflated. */
static int wr_inflate_all(const char *s, size_t n, size_t limit, td_buf *out)
{
    td_inflate_status st = td_inflate(s, n, TD_INFLATE_ANY, limit, out, NULL);
    return st == TD_INFLATE_OK || st == TD_INFLATE_TRUNCATED ? 0 : -1;
}

static int wr_is_html(const char *ct)
{
    return !strncasecmp(ct, "text/html", 9) ||
           !strncasecmp(ct, "application/xhtml", 17);
}

/* Charset parameter of a Content-Type value, copied to out. */
static void wr_charset(const char *ct, char *out, size_t outlen)
{
    out[0] = 0;
    const char *p = strcasestr(ct, "charset=");
    if (!p)
        return;
    p += 8;
    while (*p == '"' || *p == '\'' || *p == ' ')
        p++;
    size_t k = 0;
    while (p[k] && p[k] != ';' && p[k] != '"' && p[k] != '\'' && p[k] != ' ' &&
           k + 1 < outlen) {
        out[k] = p[k];
        k++;
    }
    out[k] = 0;
}

/* One WARC record: headers h[0..hn), block b[0..bn). */
static void wr_record(wr_ctx *w, size_t offset, const char *h, size_t hn,
                      const char *b, size_t bn)
{
    char type[64], ct[256], uri[2048], date[64], rid[256];
    w->nrecords++;
    if (!wr_header(h, hn, "WARC-Type", type, sizeof type) ||
        strcasecmp(type, "response"))
        return;
    int http = wr_header(h, hn, "Content-Type", ct, sizeof ct);
    if (http && !strcasestr(ct, "application/http"))
        return;
    if (!http && (bn < 5 || strncmp(b, "HTTP/", 5)))
        return; /* no type and not HTTP: dns:, ftp: ... */
    /* HTTP status line and headers */
    size_t he = wr_headers_end(b, bn);
    if (bn < 12 || strncmp(b, "HTTP/", 5) || !he) {
        wr_fail(w, offset, "response record without an HTTP message");
        return;
    }
    const char *sp = memchr(b, ' ', he);
    int status = sp ? atoi(sp + 1) : 0;
    if (status != 200)
        return;
    char hct[256] = "", te[64] = "", ce[64] = "";
    wr_header(b, he, "Content-Type", hct, sizeof hct);
    if (!*hct || !wr_is_html(hct))
        return;
    wr_header(b, he, "Transfer-Encoding", te, sizeof te);
    wr_header(b, he, "Content-Encoding", ce, sizeof ce);
    char charset[64];
    wr_charset(hct, charset, sizeof charset);

    const char *body = b + he;
    size_t blen = bn - he;
    td_buf dechunked, inflated;
    td_buf_init(&dechunked);
    td_buf_init(&inflated);
    if (strcasestr(te, "chunked")) {
        if (wr_dechunk(body, blen, &dechunked) == 0 && dechunked.len) {
            body = dechunked.data;
            blen = dechunked.len;
        }
    }
    if (*ce && strcasecmp(ce, "identity") && strcasecmp(ce, "gzip") &&
        strcasecmp(ce, "x-gzip") && strcasecmp(ce, "deflate")) {
        char what[128];
        snprintf(what, sizeof what, "unsupported content coding \"%.40s\"", ce);
        td_buf_free(&dechunked);
        wr_fail(w, offset, what);
        return;
    }
    if (*ce && strcasecmp(ce, "identity")) {
        if (wr_inflate_all(body, blen, TD_MAX_DOC_BYTES, &inflated) < 0) {
            td_buf_free(&dechunked);
            td_buf_free(&inflated);
            wr_fail(w, offset, "HTML content coding cannot be undone");
            return;
        }
        body = inflated.data ? inflated.data : "";
        blen = inflated.len;
    }

    td_input in = *w->input;
    char idbuf[300];
    if (wr_header(h, hn, "WARC-Record-ID", rid, sizeof rid)) {
        const char *r = rid;
        size_t rl = strlen(r);
        if (*r == '<' && rl && r[rl - 1] == '>')
            r++, rl -= 2;
        if (rl > 9 && !strncasecmp(r, "urn:uuid:", 9))
            r += 9, rl -= 9;
        snprintf(idbuf, sizeof idbuf, "%.*s", (int)rl, r);
    } else {
        snprintf(idbuf, sizeof idbuf, "%s#%zu", w->base, w->nrecords);
    }
    in.id = idbuf;
    if (!in.url && wr_header(h, hn, "WARC-Target-URI", uri, sizeof uri)) {
        char *u = uri;
        size_t ul = strlen(u);
        if (*u == '<' && ul && u[ul - 1] == '>') /* WARC 1.0 drafts */
            u[ul - 1] = 0, u++;
        in.url = u;
    }
    char day[11];
    if (!in.date && wr_header(h, hn, "WARC-Date", date, sizeof date) &&
        strlen(date) >= 10) {
        memcpy(day, date, 10);
        day[10] = 0;
        in.date = day;
    }
    in.kind = TD_KIND_HTML;
    char err[256] = "";
    td_doc *doc = NULL;
    if (blen > TD_MAX_DOC_BYTES)
        snprintf(err, sizeof err, "page of %zu bytes is over the limit", blen);
    else
        doc = td_html_read(w->engine, body, blen, *charset ? charset : NULL, &in,
                           err, sizeof err);
    td_buf_free(&dechunked);
    td_buf_free(&inflated);
    if (!doc) {
        wr_fail(w, offset, *err ? err : "cannot read the page");
        return;
    }
    doc->kind = TD_KIND_HTML;
    td_analyse(doc, w->input->depth);
    if (w->fn(w->ctx, doc, NULL))
        w->stop = 1;
}

/* Finds the next "WARC/1." at the start of a line at or after from. */
static size_t wr_resync(const char *s, size_t n, size_t from)
{
    for (size_t i = from; i + 7 <= n; i++) {
        const char *p = memchr(s + i, 'W', n - i);
        if (!p)
            return n;
        i = (size_t)(p - s);
        if (i + 7 <= n && !memcmp(p, "WARC/1.", 7) && (i == 0 || s[i - 1] == '\n'))
            return i;
    }
    return n;
}

/* Reads the records in s[0..n) (a plain WARC or one inflated member).
 * base_offset is added to offsets in messages; for a gzip member, every
 * record is reported at the member's offset. */
static void wr_records(wr_ctx *w, const char *s, size_t n, size_t base_offset,
                       int member)
{
    size_t pos = 0;
    while (pos < n && !w->stop) {
        /* skip the blank lines between records */
        while (pos < n && (s[pos] == '\r' || s[pos] == '\n'))
            pos++;
        if (pos >= n)
            break;
        size_t off = member ? base_offset : base_offset + pos;
        if (n - pos < 8 || memcmp(s + pos, "WARC/1.", 7)) {
            wr_fail(w, off, "not a WARC record header");
            pos = wr_resync(s, n, pos + 1);
            continue;
        }
        size_t he = wr_headers_end(s + pos, n - pos);
        if (!he) {
            wr_fail(w, off, "WARC headers are truncated");
            return;
        }
        char cl[32];
        if (!wr_header(s + pos, he, "Content-Length", cl, sizeof cl) ||
            cl[0] < '0' || cl[0] > '9') {
            wr_fail(w, off, "WARC record without Content-Length");
            pos = wr_resync(s, n, pos + 1);
            continue;
        }
        unsigned long long len = strtoull(cl, NULL, 10);
        if (len > n - pos - he) {
            wr_fail(w, off, "record is truncated");
            pos = wr_resync(s, n, pos + he);
            continue;
        }
        wr_record(w, off, s + pos, he, s + pos + he, (size_t)len);
        pos += he + (size_t)len;
    }
}

static size_t wr_next_member(const char *s, size_t n, size_t from)
{
    while (from < n && !td_gzip_magic(s, n, from))
        from++;
    return from;
}

static void wr_gzip(wr_ctx *w, const char *s, size_t n)
{
    td_buf out;
    td_buf_init(&out);
    size_t pos = 0;
    while (pos < n && !w->stop) {
        if (!td_gzip_magic(s, n, pos)) {
            /* garbage between members: look for the next one */
            wr_fail(w, pos, "not a gzip member");
            pos = wr_next_member(s, n, pos + 1);
            continue;
        }
        td_buf_clear(&out);
        size_t used;
        td_inflate_status st = td_inflate(s + pos, n - pos, TD_INFLATE_GZIP,
                                          WR_MAX_MEMBER, &out, &used);
        if (st != TD_INFLATE_OK) {
            wr_fail(w, pos, st == TD_INFLATE_TOO_BIG ? "gzip member inflates past the size limit"
                            : st == TD_INFLATE_TRUNCATED ? "gzip member is truncated"
                                                         : "gzip member is corrupt");
            pos = wr_next_member(s, n, pos + 1);
            continue;
        }
        wr_records(w, out.data ? out.data : "", out.len, pos, 1);
        pos += used ? used : 1;
    }
    td_buf_free(&out);
}

int td_warc_read(const td_engine *engine, const char *bytes, size_t len,
                 const td_input *input, td_doc_fn fn, void *ctx)
{
    td_input dflt = {0};
    if (!input)
        input = &dflt;
    wr_ctx w = {.engine = engine, .input = input, .fn = fn, .ctx = ctx};
    snprintf(w.base, sizeof w.base, "warc");
    if (input->id) {
        snprintf(w.base, sizeof w.base, "%s", input->id);
    } else if (input->name && strcmp(input->name, "-")) {
        const char *b = strrchr(input->name, '/');
        b = b ? b + 1 : input->name;
        size_t k = strcspn(b, ".");
        snprintf(w.base, sizeof w.base, "%.*s", (int)(k && k < 200 ? k : 200), b);
    }
    if (td_gzip_magic(bytes, len, 0))
        wr_gzip(&w, bytes, len);
    else
        wr_records(&w, bytes, len, 0, 0);
    return w.failed;
}
