/*
 * arena.h — a bump allocator that owns everything one document allocates.
 *
 * Stages allocate spans, tokens, strings and tables from the document's
 * arena and never free them one by one: td_doc_free() releases the arena,
 * and with it every allocation, in one go.  Blocks grow geometrically, so a
 * small document costs one malloc and a large one a handful.
 */
#ifndef TD_ARENA_H
#define TD_ARENA_H

#include <stddef.h>

typedef struct td_arena_block td_arena_block;

typedef struct td_arena {
    td_arena_block *head;
    size_t next_size;
} td_arena;

void td_arena_init(td_arena *a);
void td_arena_release(td_arena *a);

/* Zeroed memory aligned for any type; aborts on out-of-memory. */
void *td_arena_alloc(td_arena *a, size_t size);
/* Grows an array allocated from the arena (old contents copied). */
void *td_arena_grow(td_arena *a, void *old, size_t old_size, size_t new_size);
char *td_arena_strndup(td_arena *a, const char *s, size_t n);
char *td_arena_strdup(td_arena *a, const char *s);

/* Growable array in an arena: TD_ARRAY_PUSH(arena, items, n, cap) returns a
 * pointer to a new zeroed element at items[n], n incremented. */
static inline void *td_array_grow_(td_arena *a, void *items, size_t n,
                                   size_t *cap, size_t elem)
{
    if (n < *cap)
        return items;
    size_t grown = *cap ? *cap * 2 : 8;
    void *p = td_arena_grow(a, items, *cap * elem, grown * elem);
    *cap = grown;
    return p;
}
#define TD_ARRAY_PUSH(arena, items, n, cap)                                    \
    ((items) = td_array_grow_((arena), (items), (n), &(cap), sizeof *(items)), \
     &(items)[(n)++])

#endif
