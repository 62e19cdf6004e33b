/*
 * dict.c — hashed read-only dictionaries (see dict.h).
 *
 * Entries are copied into one block; two open-addressing tables index
 * them, one by the exact key and one by the ASCII-folded key, so both
 * lookups are a hash and a few comparisons.  FNV-1a is enough here: keys
 * are our own word lists, not attacker-chosen.
 */
#include "dict.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct dict_entry {
    const char *key, *value;
    uint32_t klen;
} dict_entry;

struct td_dict {
    char *store;          /* all keys and values, NUL-terminated */
    dict_entry *entries;
    size_t n, max_key;
    uint32_t *exact, *folded; /* slot → entry index + 1; 0 = empty */
    size_t nslots;        /* power of two */
};

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static uint64_t dict_hash(const char *s, size_t n, int folded)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (folded ? fold(c) : c)) * 1099511628211ull;
    }
    return h;
}

static int dict_equal(const char *a, const char *b, size_t n, int folded)
{
    if (!folded)
        return memcmp(a, b, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (fold((unsigned char)a[i]) != fold((unsigned char)b[i]))
            return 0;
    return 1;
}

static void dict_insert(td_dict *d, uint32_t *table, size_t idx, int folded)
{
    const dict_entry *e = &d->entries[idx];
    size_t mask = d->nslots - 1;
    size_t slot = dict_hash(e->key, e->klen, folded) & mask;
    while (table[slot]) {
        const dict_entry *o = &d->entries[table[slot] - 1];
        if (o->klen == e->klen && dict_equal(o->key, e->key, e->klen, folded))
            return; /* first entry of a key wins */
        slot = (slot + 1) & mask;
    }
    table[slot] = (uint32_t)idx + 1;
}

td_dict *td_dict_parse(const char *text, size_t len)
{
    td_dict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->store = malloc(len + 1);
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    d->entries = calloc(lines, sizeof *d->entries);
    if (!d->store || !d->entries) {
        td_dict_free(d);
        return NULL;
    }
    memcpy(d->store, text, len);
    d->store[len] = '\0';
    char *p = d->store, *end = d->store + len;
    while (p < end) {
        char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        *eol = '\0';
        char *line_end = eol;
        if (line_end > p && line_end[-1] == '\r')
            *--line_end = '\0';
        if (p < line_end && *p != '#') {
            char *tab = memchr(p, '\t', (size_t)(line_end - p));
            char *value = line_end;
            if (tab) {
                *tab = '\0';
                value = tab + 1;
            }
            size_t klen = strlen(p);
            while (klen && p[klen - 1] == ' ')
                p[--klen] = '\0';
            if (klen) {
                dict_entry *e = &d->entries[d->n++];
                e->key = p;
                e->klen = (uint32_t)klen;
                e->value = value;
                if (klen > d->max_key)
                    d->max_key = klen;
            }
        }
        p = eol + 1;
    }
    d->nslots = 16;
    while (d->nslots < d->n * 2 + 1)
        d->nslots *= 2;
    d->exact = calloc(d->nslots, sizeof *d->exact);
    d->folded = calloc(d->nslots, sizeof *d->folded);
    if (!d->exact || !d->folded) {
        td_dict_free(d);
        return NULL;
    }
    for (size_t i = 0; i < d->n; i++) {
        dict_insert(d, d->exact, i, 0);
        dict_insert(d, d->folded, i, 1);
    }
    return d;
}

td_dict *td_dict_load(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open dictionary", path);
        return NULL;
    }
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (cap - len < 65536) {
            cap = cap ? cap * 2 : 65536;
            char *t = realloc(text, cap);
            if (!t) {
                free(text);
                fclose(f);
                snprintf(err, errlen, "%s: out of memory", path);
                return NULL;
            }
            text = t;
        }
        got = fread(text + len, 1, cap - len, f);
        len += got;
    } while (got);
    int bad = ferror(f);
    fclose(f);
    td_dict *d = bad ? NULL : td_dict_parse(text, len);
    free(text);
    if (!d)
        snprintf(err, errlen, "%s: cannot read dictionary", path);
    return d;
}

void td_dict_free(td_dict *d)
{
    if (!d)
        return;
    free(d->store);
    free(d->entries);
    free(d->exact);
    free(d->folded);
    free(d);
}

size_t td_dict_size(const td_dict *d)
{
    return d ? d->n : 0;
}

size_t td_dict_max_key(const td_dict *d)
{
    return d ? d->max_key : 0;
}

static const char *dict_lookup(const td_dict *d, const uint32_t *table,
                               const char *key, size_t n, int folded)
{
    if (!d || !d->n || n > d->max_key)
        return NULL;
    size_t mask = d->nslots - 1;
    size_t slot = dict_hash(key, n, folded) & mask;
    while (table[slot]) {
        const dict_entry *e = &d->entries[table[slot] - 1];
        if (e->klen == n && dict_equal(e->key, key, n, folded))
            return e->value;
        slot = (slot + 1) & mask;
    }
    return NULL;
}

const char *td_dict_get(const td_dict *d, const char *key, size_t n)
{
    return d ? dict_lookup(d, d->exact, key, n, 0) : NULL;
}

const char *td_dict_get_fold(const td_dict *d, const char *key, size_t n)
{
    return d ? dict_lookup(d, d->folded, key, n, 1) : NULL;
}
