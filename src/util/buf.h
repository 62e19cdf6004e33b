/*
 * buf.h — a growable byte string on the heap.
 *
 * Used wherever output of unknown length is built: JSON, TSV, normalized
 * text.  The contents are always NUL-terminated.  td_buf_take() hands the
 * string to the caller; td_buf_free() drops it.
 */
#ifndef TD_BUF_H
#define TD_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct td_buf {
    char *data;
    size_t len, cap;
} td_buf;

void td_buf_init(td_buf *b);
void td_buf_free(td_buf *b);
void td_buf_reserve(td_buf *b, size_t extra);
void td_buf_add(td_buf *b, const void *s, size_t n);
void td_buf_adds(td_buf *b, const char *s);
void td_buf_addc(td_buf *b, char c);
void td_buf_printf(td_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void td_buf_clear(td_buf *b);
/* Returns the malloc'ed string (never NULL) and resets b. */
char *td_buf_take(td_buf *b, size_t *len);

#endif
