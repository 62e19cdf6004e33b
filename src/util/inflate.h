/*
 * inflate.h — one gzip or zlib stream inflated into a buffer, with limits.
 *
 * Three readers need the same careful loop over zlib: gzip-compressed
 * inputs (read.c), gzipped WARC files read member by member, and HTTP
 * bodies with gzip/deflate content coding (warc.c).  They differ only in
 * what they do with the outcome, so the loop lives here once.
 */
#ifndef TD_INFLATE_H
#define TD_INFLATE_H

#include <stddef.h>

#include "buf.h"

typedef enum td_inflate_status {
    TD_INFLATE_OK = 0,    /* the stream ended properly */
    TD_INFLATE_TRUNCATED, /* input ran out before the end of the stream */
    TD_INFLATE_CORRUPT,   /* not valid compressed data */
    TD_INFLATE_TOO_BIG    /* output reached limit; what fits is in out */
} td_inflate_status;

typedef enum td_inflate_format {
    TD_INFLATE_GZIP,     /* gzip only */
    TD_INFLATE_ANY       /* gzip or zlib, detected from the header */
} td_inflate_format;

/* Inflates the stream at s[0..n) and appends it to out (at most limit
 * bytes are appended).  *used, if not NULL, receives the number of input
 * bytes the stream took, so a caller can go on to a next gzip member. */
td_inflate_status td_inflate(const char *s, size_t n, td_inflate_format format,
                             size_t limit, td_buf *out, size_t *used);

/* Whether s[i..] starts a gzip member (magic bytes and deflate method). */
int td_gzip_magic(const char *s, size_t n, size_t i);

/* A short description of a status for error messages. */
const char *td_inflate_status_text(td_inflate_status status);

#endif
