/*
 * gazetteer.c — phrase lists the tagger uses as features.
 *
 * A gazetteer is a set of hashed, lower-cased phrases (tokens joined by one
 * space) with type bits: places, countries, nationalities, first names,
 * organisation suffixes, titles.  It is built from data/dict files when a
 * model is trained and then stored inside the model, so tagging always sees
 * the lists the model learned with.  Matching tries every phrase length up
 * to the longest at every token: O(tokens x maxlen) hash probes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/ner_impl.h"

#define GAZ_MAXLEN 6

static const struct {
    const char *file;
    unsigned bits;
} gaz_files[] = {
    {"countries.txt", TD_GAZ_LOC | TD_GAZ_COUNTRY},
    {"ner_places.txt", TD_GAZ_LOC},
    {"regions.txt", TD_GAZ_LOC},
    {"demonyms.txt", TD_GAZ_NAT},
    {"first_names.txt", TD_GAZ_FIRST},
    {"org_suffixes.txt", TD_GAZ_ORGSUF},
    {"titles.txt", TD_GAZ_TITLE},
};

static int gaz_grow(td_ner_gaz *g)
{
    size_t cap = g->mask ? 2 * (g->mask + 1) : 1024;
    uint64_t *k = calloc(cap, sizeof *k);
    uint8_t *b = calloc(cap, 1);
    if (!k || !b) {
        free(k);
        free(b);
        return -1;
    }
    for (size_t i = 0; g->mask && i <= g->mask; i++) {
        if (!g->keys[i])
            continue;
        size_t j = g->keys[i] & (cap - 1);
        while (k[j])
            j = (j + 1) & (cap - 1);
        k[j] = g->keys[i];
        b[j] = g->bits[i];
    }
    free(g->keys);
    free(g->bits);
    g->keys = k;
    g->bits = b;
    g->mask = cap - 1;
    return 0;
}

static uint64_t phrase_key(uint64_t h) { return h ? h : 1; }

int td_ner_gaz_add(td_ner_gaz *g, const char *s, size_t n, unsigned bits)
{
    /* normalize runs of blanks to one space, count tokens */
    char buf[256];
    size_t m = 0;
    uint32_t ntok = 0;
    int space = 1;
    for (size_t i = 0; i < n && m < sizeof buf; i++) {
        if (s[i] == ' ' || s[i] == '\t') {
            space = 1;
            continue;
        }
        if (space) {
            if (m)
                buf[m++] = ' ';
            ntok++;
            space = 0;
        }
        if (m < sizeof buf)
            buf[m++] = s[i];
    }
    if (!m || ntok > GAZ_MAXLEN)
        return 0;
    if ((g->n + 1) * 2 > g->mask && gaz_grow(g))
        return -1;
    uint64_t key = phrase_key(ner_hash(buf, m, 1));
    size_t j = key & g->mask;
    while (g->keys[j] && g->keys[j] != key)
        j = (j + 1) & g->mask;
    if (!g->keys[j]) {
        g->keys[j] = key;
        g->n++;
    }
    g->bits[j] |= (uint8_t)bits;
    if (ntok > g->maxlen)
        g->maxlen = ntok;
    return 0;
}

static int gaz_load_file(td_ner_gaz *g, const char *path, unsigned bits)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0; /* optional */
    char line[1024];
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\t\r\n");
        if (!n || line[0] == '#')
            continue;
        if (td_ner_gaz_add(g, line, n, bits)) {
            rc = -1;
            break;
        }
    }
    fclose(f);
    return rc;
}

td_ner_gaz *td_ner_gaz_build(const char *data_dir)
{
    td_ner_gaz *g = calloc(1, sizeof *g);
    if (!g || gaz_grow(g)) {
        free(g);
        return NULL;
    }
    for (size_t i = 0; data_dir && i < sizeof gaz_files / sizeof *gaz_files; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/dict/%s", data_dir, gaz_files[i].file);
        if (gaz_load_file(g, path, gaz_files[i].bits)) {
            td_ner_gaz_free(g);
            return NULL;
        }
    }
    return g;
}

void td_ner_gaz_free(td_ner_gaz *g)
{
    if (!g)
        return;
    free(g->keys);
    free(g->bits);
    free(g);
}

static unsigned gaz_find(const td_ner_gaz *g, uint64_t h)
{
    uint64_t key = phrase_key(h);
    for (size_t j = key & g->mask;; j = (j + 1) & g->mask) {
        if (g->keys[j] == key)
            return g->bits[j];
        if (!g->keys[j])
            return 0;
    }
}

void td_ner_gaz_mark(const td_ner_gaz *g, const td_ner_doc *doc, uint16_t *marks)
{
    memset(marks, 0, doc->ntok * sizeof *marks);
    if (!g || !g->mask || !g->n)
        return;
    for (size_t k = 0; k < doc->nsent; k++) {
        size_t s0 = doc->sent[k], s1 = doc->sent[k + 1];
        if (s1 > doc->ntok || s0 > s1)
            break;
        for (size_t i = s0; i < s1; i++) {
            uint64_t h = 0xcbf29ce484222325ULL;
            for (size_t len = 1; len <= g->maxlen && i + len <= s1; len++) {
                const td_ner_tok *t = &doc->tok[i + len - 1];
                if (len > 1)
                    h = (h ^ ' ') * 0x100000001b3ULL;
                for (size_t b = 0; b < t->n; b++) {
                    unsigned char c = (unsigned char)t->s[b];
                    if (c >= 'A' && c <= 'Z')
                        c = (unsigned char)(c + 32);
                    h = (h ^ c) * 0x100000001b3ULL;
                }
                unsigned bits = gaz_find(g, h);
                if (!bits)
                    continue;
                marks[i] |= (uint16_t)bits;
                for (size_t j = i + 1; j < i + len; j++)
                    marks[j] |= (uint16_t)(bits << 8);
            }
        }
    }
}
