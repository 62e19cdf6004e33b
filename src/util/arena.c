/*
 * arena.c — bump allocation in geometrically growing blocks.  See arena.h.
 */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct td_arena_block {
    td_arena_block *prev;
    size_t size, used;
    max_align_t data[];
};

enum { ARENA_FIRST_BLOCK = 16 * 1024, ARENA_ALIGN = _Alignof(max_align_t) };

void td_arena_init(td_arena *a)
{
    a->head = NULL;
    a->next_size = ARENA_FIRST_BLOCK;
}

void td_arena_release(td_arena *a)
{
    td_arena_block *b = a->head;
    while (b) {
        td_arena_block *prev = b->prev;
        free(b);
        b = prev;
    }
    td_arena_init(a);
}

static void *arena_oom(size_t size)
{
    fprintf(stderr, "tidings: out of memory allocating %zu bytes\n", size);
    abort();
}

void *td_arena_alloc(td_arena *a, size_t size)
{
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < size)
        return arena_oom(size);
    td_arena_block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t bsize = a->next_size;
        while (bsize < need)
            bsize *= 2;
        b = malloc(sizeof *b + bsize);
        if (!b)
            return arena_oom(bsize);
        b->prev = a->head;
        b->size = bsize;
        b->used = 0;
        a->head = b;
        if (a->next_size < (64u << 20))
            a->next_size *= 2;
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    memset(p, 0, need);
    return p;
}

void *td_arena_grow(td_arena *a, void *old, size_t old_size, size_t new_size)
{
    if (new_size <= old_size)
        return old;
    void *p = td_arena_alloc(a, new_size);
    if (old && old_size)
        memcpy(p, old, old_size);
    return p;
}

char *td_arena_strndup(td_arena *a, const char *s, size_t n)
{
    char *p = td_arena_alloc(a, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *td_arena_strdup(td_arena *a, const char *s)
{
    return s ? td_arena_strndup(a, s, strlen(s)) : NULL;
}
