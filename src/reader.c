/*
 * reader.c — from raw bytes to the normalized text every offset points into.
 *
 * News files arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or in a
 * legacy single-byte encoding, usually Windows-1252 mislabelled as anything.
 * The rules, in order:
 *   1. A BOM decides (UTF-8, UTF-16 LE/BE).
 *   2. A charset named by the caller (HTTP header, <meta charset>) decides
 *      next; names glibc's iconv knows are converted with it.
 *   3. Valid UTF-8 is UTF-8; otherwise the bytes are read as Windows-1252,
 *      which is a superset of ISO-8859-1 for printable text.
 * Then line ends become \n, other control characters become spaces, and the
 * text is put in Unicode NFC with utf8proc.  NFC is skipped for text whose
 * code points cannot change under it (ASCII, Latin-1 and the punctuation
 * block), which is nearly all English news, so reading stays fast.
 *
 * Input that is empty, binary (NUL bytes or many control characters) or over
 * TD_MAX_DOC_BYTES is refused with a one-line reason.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "stages.h"

/* Windows-1252's 0x80..0x9F; 0xFFFD where the code page leaves a hole. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static void put_utf8(td_buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    td_buf_add(b, u, n);
}

/* Decodes one UTF-8 sequence at s; returns its length (0 if invalid). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
    if (k <= 0)
        return 0;
    *cp = (uint32_t)c;
    return (size_t)k;
}

static int is_valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

void td_from_cp1252(const char *bytes, size_t n, td_buf *out)
{
    const unsigned char *s = (const unsigned char *)bytes;
    td_buf_reserve(out, n + n / 4);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0x80)
            td_buf_addc(out, (char)c);
        else if (c < 0xA0)
            put_utf8(out, cp1252_high[c - 0x80]);
        else
            put_utf8(out, c);
    }
}

/* UTF-8 with each invalid byte replaced by U+FFFD (charset said UTF-8). */
static void decode_utf8_lossy(const unsigned char *s, size_t n, td_buf *out)
{
    size_t i = 0, run = 0;
    td_buf_reserve(out, n);
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k) {
            i += k;
            continue;
        }
        td_buf_add(out, s + run, i - run);
        put_utf8(out, 0xFFFD);
        run = ++i;
    }
    td_buf_add(out, s + run, n - run);
}

static void decode_utf16(const unsigned char *s, size_t n, int big_endian, td_buf *out)
{
    td_buf_reserve(out, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        uint32_t u = big_endian ? (uint32_t)(s[i] << 8 | s[i + 1])
                                : (uint32_t)(s[i + 1] << 8 | s[i]);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t lo = big_endian ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
                                     : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                put_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                i += 2;
                continue;
            }
        }
        put_utf8(out, u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u);
    }
    if (n & 1)
        put_utf8(out, 0xFFFD);
}

/* UTF-16 without a BOM: most ASCII text shows a zero in every other byte. */
static int guess_utf16(const unsigned char *s, size_t n, int *big_endian)
{
    size_t probe = n < 4096 ? n & ~(size_t)1 : 4096, even = 0, odd = 0;
    if (probe < 8)
        return 0;
    for (size_t i = 0; i < probe; i += 2) {
        even += s[i] == 0;
        odd += s[i + 1] == 0;
    }
    size_t half = probe / 2;
    if (odd * 10 >= half * 7 && even * 10 < half) {
        *big_endian = 0;
        return 1;
    }
    if (even * 10 >= half * 7 && odd * 10 < half) {
        *big_endian = 1;
        return 1;
    }
    return 0;
}

/* Binary if it holds NUL bytes, or other control bytes, more than 8 and
 * more than 1 in 20. */
static int looks_binary(const unsigned char *s, size_t n)
{
    size_t probe = n < 65536 ? n : 65536, controls = 0;
    for (size_t i = 0; i < probe; i++) {
        unsigned char c = s[i];
        if (c == 0)
            return 1;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            controls++;
    }
    return controls > 8 && controls * 20 > probe;
}

int td_from_charset(const char *charset, const char *bytes, size_t len, td_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return -1;
    td_buf_reserve(out, len * 2 + 16);
    char *in = (char *)bytes;
    size_t inleft = len;
    while (inleft) {
        td_buf_reserve(out, inleft * 2 + 16);
        char *o = out->data + out->len;
        size_t oleft = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        out->len = (size_t)(o - out->data);
        if (r == (size_t)-1) {
            if (errno == E2BIG) /* needs more room */
                continue;
            put_utf8(out, 0xFFFD); /* skip one undecodable byte */
            in++;
            inleft--;
        }
    }
    out->data[out->len] = '\0';
    iconv_close(cd);
    return 0;
}

/* Code points NFC leaves alone and composes with nothing before them:
 * below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA) and the general
 * punctuation and currency blocks (curly quotes, dashes, ellipsis, €).
 * U+2000 and U+2001 have canonical singleton mappings, so they are not. */
static int nfc_inert(uint32_t cp)
{
    return cp < 0x300 || (cp >= 0x2002 && cp <= 0x20CF);
}

int td_normalize_utf8(const char *str, size_t len, td_buf *out)
{
    const unsigned char *s = (const unsigned char *)str;
    int needs_nfc = 0;
    size_t start = out->len;
    td_buf_reserve(out, len);
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = utf8_decode(s + i, len - i, &cp);
            if (!k) { /* callers pass valid UTF-8; be safe anyway */
                put_utf8(out, 0xFFFD);
                i++;
                continue;
            }
            if (!nfc_inert(cp))
                needs_nfc = 1;
            if (cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                /* zero-width no-break space is dropped; Unicode line
                 * and paragraph separators become line ends */
                if (cp != 0xFEFF)
                    td_buf_addc(out, '\n');
            } else {
                td_buf_add(out, s + i, k);
            }
            i += k;
            continue;
        }
        if (c == '\r') {
            td_buf_addc(out, '\n');
            i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c < 0x20 && c != '\n' && c != '\t')
            c = ' ';
        else if (c == 0x7F)
            c = ' ';
        td_buf_addc(out, (char)c);
        i++;
    }
    if (!needs_nfc)
        return 0;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)out->data + start,
                                      (utf8proc_ssize_t)(out->len - start), &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return -1;
    out->len = start;
    td_buf_add(out, nfc, (size_t)n);
    free(nfc);
    return 0;
}

/* Whether the decoded text has anything but white space. */
static int has_content(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
            return 1;
    return 0;
}

static int charset_is(const char *charset, const char *const names[])
{
    for (size_t i = 0; names[i]; i++)
        if (!strcasecmp(charset, names[i]))
            return 1;
    return 0;
}

static const char *const utf8_names[] = {"utf-8", "utf8", "unicode-1-1-utf-8", NULL};
static const char *const latin_names[] = {
    "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
    "latin-1", "us-ascii", "ascii", "l1", "x-cp1252", NULL};

int td_charset_is_utf8(const char *charset)
{
    return charset_is(charset, utf8_names);
}

int td_charset_is_latin1(const char *charset)
{
    return charset_is(charset, latin_names);
}

int td_decode_charset(const char *bytes, size_t len, const char *charset,
                      td_buf *out, char *err, size_t errlen)
{
    const unsigned char *s = (const unsigned char *)bytes;
    td_buf raw;
    td_buf_init(&raw);
    if (len > TD_MAX_DOC_BYTES) {
        td_errorf(err, errlen, "document is %zu bytes, over the limit of %u",
                  len, TD_MAX_DOC_BYTES);
        return -1;
    }
    int big_endian = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        decode_utf8_lossy(s + 3, len - 3, &raw);
    } else if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        decode_utf16(s + 2, len - 2, s[0] == 0xFE, &raw);
    } else if (charset && charset_is(charset, utf8_names)) {
        decode_utf8_lossy(s, len, &raw);
    } else if (charset && charset_is(charset, latin_names) && !is_valid_utf8(s, len)) {
        td_from_cp1252(bytes, len, &raw);
    } else if (charset && !strncasecmp(charset, "utf-16", 6)) {
        decode_utf16(s, len, !strcasecmp(charset, "utf-16be"), &raw);
    } else if (guess_utf16(s, len, &big_endian)) {
        decode_utf16(s, len, big_endian, &raw);
    } else if (looks_binary(s, len)) {
        td_errorf(err, errlen, "binary data, not text");
        return -1;
    } else if (is_valid_utf8(s, len)) {
        td_buf_add(&raw, s, len);
    } else if (charset && !charset_is(charset, latin_names) &&
               td_from_charset(charset, bytes, len, &raw) == 0) {
        /* converted by iconv */
    } else {
        td_from_cp1252(bytes, len, &raw);
    }
    if (raw.len && looks_binary((const unsigned char *)raw.data, raw.len)) {
        td_buf_free(&raw);
        td_errorf(err, errlen, "binary data, not text");
        return -1;
    }
    int rc = td_normalize_utf8(raw.data ? raw.data : "", raw.len, out);
    td_buf_free(&raw);
    if (rc) {
        td_errorf(err, errlen, "text cannot be normalized");
        return -1;
    }
    if (!has_content(out->data ? out->data : "", out->len)) {
        td_errorf(err, errlen, "empty document");
        return -1;
    }
    return 0;
}

int td_decode_text(const char *bytes, size_t len, td_buf *out, char *err,
                   size_t errlen)
{
    return td_decode_charset(bytes, len, NULL, out, err, errlen);
}
