/*
 * inflate.c — a bounded zlib inflate loop (see inflate.h).
 *
 * zlib takes at most 4 GiB per call in avail_in; inputs here are bounded
 * far below that by the callers, but the clamp keeps the loop correct
 * anyway.  Output grows in 64 KiB steps, so memory follows the data.
 */
#include "inflate.h"

#include <string.h>
#include <zlib.h>

int td_gzip_magic(const char *s, size_t n, size_t i)
{
    return i + 3 <= n && (unsigned char)s[i] == 0x1f &&
           (unsigned char)s[i + 1] == 0x8b && s[i + 2] == 8;
}

const char *td_inflate_status_text(td_inflate_status status)
{
    switch (status) {
    case TD_INFLATE_OK: return "ok";
    case TD_INFLATE_TRUNCATED: return "truncated";
    case TD_INFLATE_CORRUPT: return "corrupt";
    case TD_INFLATE_TOO_BIG: return "over the size limit";
    }
    return "unknown";
}

td_inflate_status td_inflate(const char *s, size_t n, td_inflate_format format,
                             size_t limit, td_buf *out, size_t *used)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (used)
        *used = 0;
    if (inflateInit2(&z, (format == TD_INFLATE_GZIP ? 16 : 32) + MAX_WBITS) != Z_OK)
        return TD_INFLATE_CORRUPT;
    z.next_in = (Bytef *)s;
    z.avail_in = (uInt)(n > 0x7fffffffu ? 0x7fffffffu : n);
    size_t start = out->len;
    td_inflate_status status;
    for (;;) {
        size_t room = limit - (out->len - start);
        size_t step = room < 65536 ? room : 65536;
        td_buf_reserve(out, step);
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = (uInt)step;
        int zr = step ? inflate(&z, Z_NO_FLUSH) : Z_OK;
        out->len = (size_t)((char *)z.next_out - out->data);
        out->data[out->len] = '\0';
        if (zr == Z_STREAM_END) {
            status = TD_INFLATE_OK;
            break;
        }
        if (out->len - start >= limit) {
            status = TD_INFLATE_TOO_BIG;
            break;
        }
        if (zr == Z_BUF_ERROR && z.avail_in == 0) {
            status = TD_INFLATE_TRUNCATED;
            break;
        }
        if (zr != Z_OK && zr != Z_BUF_ERROR) {
            status = TD_INFLATE_CORRUPT;
            break;
        }
    }
    if (used)
        *used = (size_t)((const char *)z.next_in - s);
    inflateEnd(&z);
    return status;
}
