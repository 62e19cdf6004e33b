/*
 * test_inflate.c — the bounded inflate loop shared by gzip inputs, WARC
 * members and HTTP content coding: whole streams, limits, truncation,
 * corruption, and where one member ends so the next can be found.
 */
#include <string.h>
#include <zlib.h>

#include "check.h"
#include "util/inflate.h"

/* gzip (or zlib, gzip = 0) compression of text into out. */
static size_t compress_text(const char *text, size_t n, int gzip, unsigned char *out, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, (gzip ? 16 : 0) + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (Bytef *)text;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    return len;
}

static const char story[] =
    "The ferry resumed service on Monday after a two-day strike, officials said. "
    "Passengers queued from dawn; 1,200 crossed before noon.";

static void test_whole_stream_and_members(void)
{
    unsigned char gz[1024];
    size_t n1 = compress_text(story, sizeof story - 1, 1, gz, sizeof gz);
    size_t n2 = compress_text("Second member.", 14, 1, gz + n1, sizeof gz - n1);
    CHECK(td_gzip_magic((const char *)gz, n1 + n2, 0));
    CHECK(td_gzip_magic((const char *)gz, n1 + n2, n1));
    CHECK(!td_gzip_magic((const char *)gz, n1 + n2, 1));
    td_buf out;
    td_buf_init(&out);
    size_t used;
    CHECK_EQ_INT(td_inflate((const char *)gz, n1 + n2, TD_INFLATE_GZIP, 1 << 20, &out, &used),
                 TD_INFLATE_OK);
    CHECK_EQ_STR(out.data, story);
    CHECK_EQ_INT(used, n1); /* stops at the end of the first member */
    CHECK_EQ_INT(td_inflate((const char *)gz + used, n2, TD_INFLATE_GZIP, 1 << 20, &out, &used),
                 TD_INFLATE_OK);
    CHECK(strstr(out.data, "noon.Second member.") != NULL); /* appended */
    td_buf_free(&out);
}

static void test_zlib_only_when_any(void)
{
    unsigned char z[1024];
    size_t n = compress_text(story, sizeof story - 1, 0, z, sizeof z);
    td_buf out;
    td_buf_init(&out);
    CHECK_EQ_INT(td_inflate((const char *)z, n, TD_INFLATE_GZIP, 1 << 20, &out, NULL),
                 TD_INFLATE_CORRUPT);
    td_buf_clear(&out);
    CHECK_EQ_INT(td_inflate((const char *)z, n, TD_INFLATE_ANY, 1 << 20, &out, NULL),
                 TD_INFLATE_OK);
    CHECK_EQ_STR(out.data, story);
    td_buf_free(&out);
}

static void test_limits_and_damage(void)
{
    unsigned char gz[1024];
    size_t n = compress_text(story, sizeof story - 1, 1, gz, sizeof gz);
    td_buf out;
    td_buf_init(&out);
    CHECK_EQ_INT(td_inflate((const char *)gz, n, TD_INFLATE_GZIP, 20, &out, NULL),
                 TD_INFLATE_TOO_BIG);
    CHECK_EQ_INT(out.len, 20); /* what fits is kept, and no more */
    CHECK(memcmp(out.data, story, 20) == 0);
    td_buf_clear(&out);
    CHECK_EQ_INT(td_inflate((const char *)gz, n / 2, TD_INFLATE_GZIP, 1 << 20, &out, NULL),
                 TD_INFLATE_TRUNCATED);
    td_buf_clear(&out);
    gz[n / 2] ^= 0xFF;
    gz[n / 2 + 1] ^= 0xFF;
    td_inflate_status st = td_inflate((const char *)gz, n, TD_INFLATE_GZIP, 1 << 20, &out, NULL);
    CHECK(st == TD_INFLATE_CORRUPT || st == TD_INFLATE_TRUNCATED);
    td_buf_clear(&out);
    CHECK_EQ_INT(td_inflate("not gzip at all", 15, TD_INFLATE_GZIP, 1 << 20, &out, NULL),
                 TD_INFLATE_CORRUPT);
    CHECK_EQ_INT(td_inflate("", 0, TD_INFLATE_GZIP, 1 << 20, &out, NULL), TD_INFLATE_TRUNCATED);
    td_buf_free(&out);
}

int main(void)
{
    RUN(test_whole_stream_and_members);
    RUN(test_zlib_only_when_any);
    RUN(test_limits_and_damage);
    return CHECK_REPORT();
}
