/*
 * test_warc.c — the WARC reader (warc.c): plain and gzipped archives,
 * which records become documents, ids, urls and dates, HTTP charset,
 * chunked and gzip-coded bodies, and recovery from truncated and corrupt
 * records.  The archives are built here from pages written here.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"
#include "collect.h"
#include "doc.h"
#include "stages.h"

static td_engine *engine;

static const char page_a[] =
    "<html><head><title>Dam opens</title></head><body><article><p>The new dam opened on "
    "Friday, two years late, and the river, the town, and the farms now share its water.</p>"
    "</article></body></html>";
static const char page_b[] =
    "<html><body><article><p>Schools reopened in the valley after the floods, teachers, "
    "parents, and pupils said, with classes held in tents.</p></article></body></html>";

/* Appends one WARC record to out. */
static void add_record(td_buf *out, const char *type, const char *uri,
                       const char *id, const char *block, size_t blen)
{
    td_buf_printf(out, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
    if (id)
        td_buf_printf(out, "WARC-Record-ID: <urn:uuid:%s>\r\n", id);
    td_buf_printf(out, "WARC-Date: 2024-03-01T12:00:00Z\r\n");
    if (uri)
        td_buf_printf(out, "WARC-Target-URI: %s\r\n", uri);
    if (!strcmp(type, "response"))
        td_buf_printf(out, "Content-Type: application/http; msgtype=response\r\n");
    td_buf_printf(out, "Content-Length: %zu\r\n\r\n", blen);
    td_buf_add(out, block, blen);
    td_buf_add(out, "\r\n\r\n", 4);
}

static void add_response(td_buf *out, const char *uri, const char *id, int status,
                         const char *ctype, const char *extra, const char *body,
                         size_t blen)
{
    td_buf http;
    td_buf_init(&http);
    td_buf_printf(&http, "HTTP/1.1 %d X\r\nContent-Type: %s\r\n%s\r\n", status, ctype,
                  extra ? extra : "");
    td_buf_add(&http, body, blen);
    add_record(out, "response", uri, id, http.data, http.len);
    td_buf_free(&http);
}

/* gzip-compresses s as one member appended to out. */
static void gz_member(td_buf *out, const char *s, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    size_t bound = deflateBound(&z, n) + 32;
    td_buf_reserve(out, bound);
    z.next_in = (Bytef *)s;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->data + out->len;
    z.avail_out = (uInt)bound;
    deflate(&z, Z_FINISH);
    out->len += bound - z.avail_out;
    deflateEnd(&z);
}

/* A small archive: warcinfo, request, HTML 200 (a), 404, image, HTML 200
 * in windows-1252 with chunked transfer coding (b). */
static void build_records(td_buf *recs[6])
{
    add_record(recs[0], "warcinfo", NULL, "00000000-0000-0000-0000-000000000000",
               "software: test\r\n", 16);
    add_record(recs[1], "request", "https://dam.example/a", "11111111-1111-1111-1111-111111111111",
               "GET /a HTTP/1.1\r\n\r\n", 19);
    add_response(recs[2], "https://dam.example/a", "22222222-2222-2222-2222-222222222222", 200,
                 "text/html; charset=utf-8", NULL, page_a, sizeof page_a - 1);
    add_response(recs[3], "https://dam.example/missing", "33333333-3333-3333-3333-333333333333",
                 404, "text/html", NULL, "<p>Not found</p>", 16);
    add_response(recs[4], "https://dam.example/p.png", "44444444-4444-4444-4444-444444444444",
                 200, "image/png", NULL, "\x89PNG....", 8);
    /* page b, chunked, with a Latin-1 byte the header's charset explains */
    td_buf chunked;
    td_buf_init(&chunked);
    const char *latin = "<html><body><article><p>Caf\xe9 owners in the valley, bakers, and grocers "
                        "reopened their shops after the floods, the mayor said.</p></article></body></html>";
    size_t ll = strlen(latin), half = ll / 2;
    td_buf_printf(&chunked, "%zx\r\n", half);
    td_buf_add(&chunked, latin, half);
    td_buf_printf(&chunked, "\r\n%zx\r\n", ll - half);
    td_buf_add(&chunked, latin + half, ll - half);
    td_buf_printf(&chunked, "\r\n0\r\n\r\n");
    add_response(recs[5], "https://dam.example/b", "55555555-5555-5555-5555-555555555555", 200,
                 "text/html; charset=ISO-8859-1", "Transfer-Encoding: chunked\r\n",
                 chunked.data, chunked.len);
    td_buf_free(&chunked);
}

static int read_warc(const td_buf *w, got *g)
{
    td_input in = {.name = "crawl.warc.gz", .depth = TD_DEPTH_ANATOMY};
    return td_warc_read(engine, w->data, w->len, &in, collect, g);
}

static void check_two_pages(got *g)
{
    CHECK_EQ_INT(g->ndocs, 2);
    if (g->ndocs < 2)
        return;
    td_doc *a = g->docs[0], *b = g->docs[1];
    CHECK_EQ_STR(a->id, "22222222-2222-2222-2222-222222222222");
    CHECK_EQ_STR(a->url, "https://dam.example/a");
    CHECK_EQ_STR(a->date, "2024-03-01");
    CHECK(strstr(a->text, "The new dam opened on Friday") != NULL);
    CHECK_EQ_STR(b->id, "55555555-5555-5555-5555-555555555555");
    CHECK(strstr(b->text, "Caf\xc3\xa9 owners in the valley") != NULL);
}

static void test_plain_and_gzip(void)
{
    td_buf r[6], plain, gz;
    td_buf *rp[6];
    for (int i = 0; i < 6; i++)
        td_buf_init(&r[i]), rp[i] = &r[i];
    build_records(rp);
    td_buf_init(&plain);
    td_buf_init(&gz);
    for (int i = 0; i < 6; i++) {
        td_buf_add(&plain, r[i].data, r[i].len);
        gz_member(&gz, r[i].data, r[i].len);
    }
    got g = {0};
    CHECK_EQ_INT(read_warc(&plain, &g), 0);
    CHECK_EQ_INT(g.nerrors, 0);
    check_two_pages(&g);
    got_free(&g);
    got g2 = {0};
    CHECK_EQ_INT(read_warc(&gz, &g2), 0);
    check_two_pages(&g2);
    got_free(&g2);
    /* several records in one gzip member also work */
    td_buf one;
    td_buf_init(&one);
    gz_member(&one, plain.data, plain.len);
    got g3 = {0};
    CHECK_EQ_INT(read_warc(&one, &g3), 0);
    check_two_pages(&g3);
    got_free(&g3);
    for (int i = 0; i < 6; i++)
        td_buf_free(&r[i]);
    td_buf_free(&plain);
    td_buf_free(&gz);
    td_buf_free(&one);
}

static void test_gzip_corrupt_and_truncated(void)
{
    td_buf r[6], gz;
    td_buf *rp[6];
    for (int i = 0; i < 6; i++)
        td_buf_init(&r[i]), rp[i] = &r[i];
    build_records(rp);
    td_buf_init(&gz);
    size_t off[7];
    for (int i = 0; i < 6; i++) {
        off[i] = gz.len;
        gz_member(&gz, r[i].data, r[i].len);
    }
    off[6] = gz.len;
    /* corrupt the deflate data of member 2 (page a): that record is
     * reported at its offset, page b is still read */
    td_buf bad;
    td_buf_init(&bad);
    td_buf_add(&bad, gz.data, gz.len);
    for (size_t k = off[2] + 12; k < off[2] + 40; k++)
        bad.data[k] ^= 0x5a;
    got g = {0};
    int failed = read_warc(&bad, &g);
    CHECK(failed >= 1);
    CHECK_EQ_INT(g.ndocs, 1);
    if (g.ndocs == 1)
        CHECK_EQ_STR(g.docs[0]->id, "55555555-5555-5555-5555-555555555555");
    char want[64];
    snprintf(want, sizeof want, "record at offset %zu:", off[2]);
    CHECK(g.nerrors >= 1 && strstr(g.errors[0], want) == g.errors[0]);
    got_free(&g);

    /* truncated in the middle of the last member */
    got g2 = {0};
    td_buf cut = gz;
    cut.len = off[5] + (off[6] - off[5]) / 2;
    failed = read_warc(&cut, &g2);
    CHECK_EQ_INT(failed, 1);
    CHECK_EQ_INT(g2.ndocs, 1);
    snprintf(want, sizeof want, "record at offset %zu: gzip member is truncated", off[5]);
    CHECK(g2.nerrors == 1 && !strcmp(g2.errors[0], want));
    got_free(&g2);

    /* garbage between members */
    td_buf mixed;
    td_buf_init(&mixed);
    td_buf_add(&mixed, gz.data, off[3]);
    td_buf_add(&mixed, "garbage!", 8);
    td_buf_add(&mixed, gz.data + off[3], gz.len - off[3]);
    got g3 = {0};
    CHECK_EQ_INT(read_warc(&mixed, &g3), 1);
    check_two_pages(&g3);
    got_free(&g3);

    for (int i = 0; i < 6; i++)
        td_buf_free(&r[i]);
    td_buf_free(&gz);
    td_buf_free(&bad);
    td_buf_free(&mixed);
}

static void test_plain_resync(void)
{
    td_buf w;
    td_buf_init(&w);
    /* a record whose Content-Length runs past the next record... */
    td_buf_printf(&w, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\njunk\r\n\r\n");
    size_t good = w.len;
    add_response(&w, "https://x.example/b", "66666666-6666-6666-6666-666666666666", 200,
                 "text/html", NULL, page_b, sizeof page_b - 1);
    got g = {0};
    CHECK_EQ_INT(read_warc(&w, &g), 1);
    CHECK_EQ_INT(g.ndocs, 1);
    CHECK(g.nerrors == 1 && strstr(g.errors[0], "record at offset 0:") == g.errors[0]);
    got_free(&g);
    /* a truncated last record */
    td_buf t = w;
    t.len = w.len - 50;
    got g2 = {0};
    CHECK_EQ_INT(read_warc(&t, &g2), 2);
    CHECK_EQ_INT(g2.ndocs, 0);
    char want[64];
    snprintf(want, sizeof want, "record at offset %zu: record is truncated", good);
    CHECK_EQ_INT(g2.nerrors, 2);
    CHECK_EQ_STR(g2.errors[1], want);
    got_free(&g2);
    /* not a WARC at all */
    got g3 = {0};
    td_buf junk = {.data = "hello world, no archive here", .len = 28};
    CHECK_EQ_INT(read_warc(&junk, &g3), 1);
    got_free(&g3);
    td_buf_free(&w);
}

static void test_gzip_content_coding(void)
{
    td_buf body, w;
    td_buf_init(&body);
    td_buf_init(&w);
    gz_member(&body, page_b, sizeof page_b - 1);
    add_response(&w, "https://x.example/gz", NULL, 200, "text/html",
                 "Content-Encoding: gzip\r\n", body.data, body.len);
    got g = {0};
    CHECK_EQ_INT(read_warc(&w, &g), 0);
    CHECK_EQ_INT(g.ndocs, 1);
    if (g.ndocs == 1) {
        CHECK(strstr(g.docs[0]->text, "Schools reopened in the valley") != NULL);
        CHECK_EQ_STR(g.docs[0]->id, "crawl#1"); /* no WARC-Record-ID */
    }
    got_free(&g);
    /* a coding we cannot undo is reported, not read as a page */
    td_buf br;
    td_buf_init(&br);
    add_response(&br, "https://x.example/br", NULL, 200, "text/html",
                 "Content-Encoding: br\r\n", "\x1b\x2f\x00", 3);
    got g2 = {0};
    CHECK_EQ_INT(read_warc(&br, &g2), 1);
    CHECK_EQ_INT(g2.ndocs, 0);
    CHECK(g2.nerrors == 1 && strstr(g2.errors[0], "unsupported content coding \"br\"") != NULL);
    got_free(&g2);
    td_buf_free(&br);
    td_buf_free(&body);
    td_buf_free(&w);
}

int main(void)
{
    engine = check_engine(NULL);
    RUN(test_plain_and_gzip);
    RUN(test_gzip_corrupt_and_truncated);
    RUN(test_plain_resync);
    RUN(test_gzip_content_coding);
    td_engine_free(engine);
    return CHECK_REPORT();
}
