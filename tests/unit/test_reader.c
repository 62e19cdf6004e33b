/*
 * test_reader.c — decoding raw bytes to normalized text (reader.c) and
 * detecting the kind of input (detect.c).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "stages.h"

static char *decode(const char *bytes, size_t len, const char *charset, char *err)
{
    td_buf out;
    td_buf_init(&out);
    if (td_decode_charset(bytes, len, charset, &out, err, 256)) {
        td_buf_free(&out);
        return NULL;
    }
    return td_buf_take(&out, NULL);
}

static void test_utf8_passes_through(void)
{
    char err[256];
    const char *in = "Vu\xc4\x8di\xc4\x87 met \xe2\x80\x9cofficials\xe2\x80\x9d.";
    char *s = decode(in, strlen(in), NULL, err);
    CHECK_EQ_STR(s, in);
    free(s);
}

static void test_bom_dropped(void)
{
    char err[256];
    char *s = decode("\xEF\xBB\xBFHello", 8, NULL, err);
    CHECK_EQ_STR(s, "Hello");
    free(s);
}

static void test_utf16_with_bom(void)
{
    char err[256];
    const char le[] = "\xFF\xFEH\0i\0 \0\xAC\x20"; /* "Hi €" */
    char *s = decode(le, sizeof le - 1, NULL, err);
    CHECK_EQ_STR(s, "Hi \xe2\x82\xac");
    free(s);
    const char be[] = "\xFE\xFF\0O\0k";
    s = decode(be, sizeof be - 1, NULL, err);
    CHECK_EQ_STR(s, "Ok");
    free(s);
}

static void test_utf16_without_bom_guessed(void)
{
    char err[256];
    const char le[] = "T\0h\0e\0 \0n\0e\0w\0s\0";
    char *s = decode(le, sizeof le - 1, NULL, err);
    CHECK_EQ_STR(s, "The news");
    free(s);
}

static void test_cp1252_fallback(void)
{
    char err[256];
    /* “Caf\xe9” — Windows-1252 curly quotes and e-acute: not valid UTF-8 */
    const char in[] = "\x93" "Caf\xe9\x94 \x96 \x80" "5";
    char *s = decode(in, sizeof in - 1, NULL, err);
    CHECK_EQ_STR(s, "\xe2\x80\x9c" "Caf\xc3\xa9\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac" "5");
    free(s);
    /* 0x9F is Y with diaeresis; holes in the code page become U+FFFD */
    s = decode("\x9f" "berall \x81", 9, NULL, err);
    CHECK_EQ_STR(s, "\xc5\xb8" "berall \xef\xbf\xbd");
    free(s);
}

static void test_declared_charset_via_iconv(void)
{
    char err[256];
    /* ISO-8859-2: 0xE8 is c-caron */
    char *s = decode("Vu\xe8i\xe6", 5, "iso-8859-2", err);
    if (!s)
        fprintf(stderr, "iconv: %s\n", err);
    CHECK_EQ_STR(s, "Vu\xc4\x8di\xc4\x87");
    free(s);
    /* declared UTF-8 but one bad byte: replaced, rest kept */
    s = decode("ok\xff!", 4, "utf-8", err);
    CHECK_EQ_STR(s, "ok\xef\xbf\xbd!");
    free(s);
}

static void test_line_ends_and_controls(void)
{
    char err[256];
    char *s = decode("a\r\nb\rc\x0b" "d", 8, NULL, err);
    CHECK_EQ_STR(s, "a\nb\nc d");
    free(s);
}

static void test_nfc(void)
{
    char err[256];
    /* e + combining acute → é; Cyrillic kept */
    const char in[] = "Cafe\xcc\x81 \xd0\x9c\xd0\xbe";
    char *s = decode(in, sizeof in - 1, NULL, err);
    CHECK_EQ_STR(s, "Caf\xc3\xa9 \xd0\x9c\xd0\xbe");
    free(s);
}

static void test_refusals(void)
{
    char err[256];
    CHECK(decode("", 0, NULL, err) == NULL);
    CHECK(strstr(err, "empty") != NULL);
    CHECK(decode(" \n\t \n", 5, NULL, err) == NULL);
    CHECK(strstr(err, "empty") != NULL);
    CHECK(decode("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12, NULL, err) == NULL);
    CHECK(strstr(err, "binary") != NULL);
    size_t big = (size_t)TD_MAX_DOC_BYTES + 1;
    char *huge = malloc(big);
    memset(huge, 'a', big);
    CHECK(decode(huge, big, NULL, err) == NULL);
    CHECK(strstr(err, "limit") != NULL);
    free(huge);
}

static void test_detect_kind(void)
{
    const char *warc = "WARC/1.1\r\nWARC-Type: response\r\n";
    CHECK_EQ_INT(td_detect_kind(warc, strlen(warc)), TD_KIND_WARC);
    const char *rss = "<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss version=\"2.0\"><channel>";
    CHECK_EQ_INT(td_detect_kind(rss, strlen(rss)), TD_KIND_FEED);
    const char *dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"x > y\">\n]>\n<rss>";
    CHECK_EQ_INT(td_detect_kind(dtd, strlen(dtd)), TD_KIND_FEED);
    const char *xhtml = "<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\"><html>";
    CHECK_EQ_INT(td_detect_kind(xhtml, strlen(xhtml)), TD_KIND_HTML);
    const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\">";
    CHECK_EQ_INT(td_detect_kind(atom, strlen(atom)), TD_KIND_FEED);
    const char *html = "\n  <!DOCTYPE html><html><head>";
    CHECK_EQ_INT(td_detect_kind(html, strlen(html)), TD_KIND_HTML);
    const char *frag = "<div class=story><p>Text</p></div>";
    CHECK_EQ_INT(td_detect_kind(frag, strlen(frag)), TD_KIND_HTML);
    const char *jsonl = "{\"id\": \"a\", \"text\": \"Hello\"}\n";
    CHECK_EQ_INT(td_detect_kind(jsonl, strlen(jsonl)), TD_KIND_JSONL);
    const char *text = "World\n\nA headline about <things>\n";
    CHECK_EQ_INT(td_detect_kind(text, strlen(text)), TD_KIND_TEXT);
    CHECK_EQ_INT(td_detect_kind("", 0), TD_KIND_TEXT);
}

int main(void)
{
    RUN(test_utf8_passes_through);
    RUN(test_bom_dropped);
    RUN(test_utf16_with_bom);
    RUN(test_utf16_without_bom_guessed);
    RUN(test_cp1252_fallback);
    RUN(test_declared_charset_via_iconv);
    RUN(test_line_ends_and_controls);
    RUN(test_nfc);
    RUN(test_refusals);
    RUN(test_detect_kind);
    return CHECK_REPORT();
}
