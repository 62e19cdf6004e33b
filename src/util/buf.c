/*
 * buf.c — growable NUL-terminated byte strings.  See buf.h.
 */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void td_buf_init(td_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void td_buf_free(td_buf *b)
{
    free(b->data);
    td_buf_init(b);
}

void td_buf_reserve(td_buf *b, size_t extra)
{
    if (b->cap - b->len > extra)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra) {
        if (cap > ((size_t)-1) / 2) {
            fprintf(stderr, "tidings: buffer too large\n");
            abort();
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        fprintf(stderr, "tidings: out of memory growing a buffer to %zu bytes\n", cap);
        abort();
    }
    b->data = p;
    b->cap = cap;
}

void td_buf_add(td_buf *b, const void *s, size_t n)
{
    td_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void td_buf_adds(td_buf *b, const char *s)
{
    td_buf_add(b, s, strlen(s));
}

void td_buf_addc(td_buf *b, char c)
{
    td_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void td_buf_printf(td_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        td_buf_add(b, small, (size_t)n);
        return;
    }
    td_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void td_buf_clear(td_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *td_buf_take(td_buf *b, size_t *len)
{
    if (!b->data)
        td_buf_reserve(b, 1), b->data[0] = '\0';
    char *s = b->data;
    if (len)
        *len = b->len;
    td_buf_init(b);
    return s;
}
