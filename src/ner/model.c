/*
 * model.c — the NER model file: loading, checking, writing.
 *
 * Layout (little-endian, as written on the machines we build for):
 *   "TDNERv1\n"  u32 ntags  u32 npass
 *   per pass:    f32 scale  f32 trans[(ntags+1)*ntags]  u64 n
 *                n x (u64 key, i16 w[ntags])
 *   gazetteer:   u32 maxlen  u64 n  n x (u64 key, u8 bits)
 *   u32 crc32 of all the bytes before it
 * Weights are the averaged perceptron weights quantized to int16 with one
 * scale per pass; features whose weights all round to zero are dropped.
 * Loading reads the file, checks size, magic and checksum before trusting
 * any count, and builds open-addressing tables at load factor <= 1/2.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "ner/ner_impl.h"
#include "stages.h"

static const char MAGIC[8] = {'T', 'D', 'N', 'E', 'R', 'v', '1', '\n'};

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static void rd(reader *r, void *dst, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        memset(dst, 0, n);
        return;
    }
    memcpy(dst, r->p, n);
    r->p += n;
}

static size_t pow2_for(size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap <<= 1;
    return cap;
}

static int load_table(reader *r, ner_table *t)
{
    uint64_t n;
    rd(r, &t->scale, sizeof t->scale);
    rd(r, t->trans, sizeof t->trans);
    rd(r, &n, sizeof n);
    if (r->bad || n > (size_t)(r->end - r->p) / (8 + 2 * NER_NT) || !isfinite(t->scale) ||
        fabsf(t->scale) > 1e6f)
        return -1;
    size_t cap = pow2_for((size_t)n);
    t->e = aligned_alloc(64, cap * sizeof *t->e);
    if (!t->e)
        return -1;
    memset(t->e, 0, cap * sizeof *t->e);
    t->mask = cap - 1;
    for (uint64_t k = 0; k < n; k++) {
        ner_entry e;
        rd(r, &e.key, sizeof e.key);
        rd(r, e.w, sizeof e.w);
        if (!e.key)
            return -1;
        size_t j = e.key & t->mask;
        while (t->e[j].key)
            j = (j + 1) & t->mask;
        t->e[j] = e;
    }
    for (size_t i = 0; i < (NER_NT + 1) * NER_NT; i++)
        if (!isfinite(t->trans[i]))
            return -1;
    return r->bad ? -1 : 0;
}

static int load_gaz(reader *r, td_ner_gaz *g)
{
    uint64_t n;
    rd(r, &g->maxlen, sizeof g->maxlen);
    rd(r, &n, sizeof n);
    if (r->bad || n > (size_t)(r->end - r->p) / 9 || g->maxlen > 16)
        return -1;
    size_t cap = pow2_for((size_t)n);
    g->keys = calloc(cap, sizeof *g->keys);
    g->bits = calloc(cap, 1);
    if (!g->keys || !g->bits)
        return -1;
    g->mask = cap - 1;
    g->n = (size_t)n;
    for (uint64_t k = 0; k < n; k++) {
        uint64_t key;
        uint8_t bits;
        rd(r, &key, sizeof key);
        rd(r, &bits, 1);
        if (!key)
            return -1;
        size_t j = key & g->mask;
        while (g->keys[j] && g->keys[j] != key)
            j = (j + 1) & g->mask;
        g->keys[j] = key;
        g->bits[j] |= bits;
    }
    return r->bad ? -1 : 0;
}

td_ner_model *td_ner_load(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        td_errorf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    unsigned char *buf = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0 || size > (1L << 30)) {
        fclose(f);
        td_errorf(err, errlen, "%s: cannot read the NER model", path);
        return NULL;
    }
    buf = malloc(size ? (size_t)size : 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        fclose(f);
        free(buf);
        td_errorf(err, errlen, "%s: cannot read the NER model", path);
        return NULL;
    }
    fclose(f);
    td_ner_model *m = calloc(1, sizeof *m);
    int ok = m && size >= 8 + 8 + 4 && !memcmp(buf, MAGIC, 8);
    if (ok) {
        uint32_t crc;
        memcpy(&crc, buf + size - 4, 4);
        ok = crc == (uint32_t)crc32(0L, buf, (uInt)(size - 4));
    }
    if (ok) {
        reader r = {buf + 8, buf + size - 4, 0};
        uint32_t ntags, npass;
        rd(&r, &ntags, 4);
        rd(&r, &npass, 4);
        ok = !r.bad && ntags == NER_NT && (npass == 1 || npass == 2);
        if (ok) {
            m->npass = (int)npass;
            for (uint32_t p = 0; ok && p < npass; p++)
                ok = !load_table(&r, &m->pass[p]);
            ok = ok && !load_gaz(&r, &m->gaz) && r.p == r.end;
        }
    }
    free(buf);
    if (!ok) {
        td_ner_free(m);
        td_errorf(err, errlen, "%s: not a valid NER model (corrupt or wrong version)", path);
        return NULL;
    }
    return m;
}

void td_ner_free(td_ner_model *m)
{
    if (!m)
        return;
    free(m->pass[0].e);
    free(m->pass[1].e);
    free(m->gaz.keys);
    free(m->gaz.bits);
    free(m);
}

/* ---- writing ------------------------------------------------------------ */

typedef struct writer {
    FILE *f;
    uLong crc;
    int bad;
} writer;

static void wr(writer *w, const void *p, size_t n)
{
    if (w->bad)
        return;
    w->crc = crc32(w->crc, p, (uInt)n);
    if (fwrite(p, 1, n, w->f) != n)
        w->bad = 1;
}

int ner_model_write(const char *path, const ner_wlist *passes, int npass,
                    const td_ner_gaz *gaz, char *err, size_t errlen)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        td_errorf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    writer w = {f, crc32(0L, Z_NULL, 0), 0};
    uint32_t ntags = NER_NT, np = (uint32_t)npass;
    wr(&w, MAGIC, 8);
    wr(&w, &ntags, 4);
    wr(&w, &np, 4);
    for (int p = 0; p < npass; p++) {
        const ner_wlist *l = &passes[p];
        float maxw = 0;
        for (size_t i = 0; i < l->n * NER_NT; i++)
            if (fabsf(l->w[i]) > maxw)
                maxw = fabsf(l->w[i]);
        float scale = maxw > 0 ? maxw / 32767.0f : 1.0f;
        uint64_t n = 0;
        for (size_t i = 0; i < l->n; i++)
            for (int t = 0; t < NER_NT; t++)
                if (lrintf(l->w[i * NER_NT + t] / scale)) {
                    n++;
                    break;
                }
        wr(&w, &scale, sizeof scale);
        wr(&w, l->trans, sizeof(float) * (NER_NT + 1) * NER_NT);
        wr(&w, &n, sizeof n);
        for (size_t i = 0; i < l->n; i++) {
            int16_t q[NER_NT];
            int any = 0;
            for (int t = 0; t < NER_NT; t++) {
                long v = lrintf(l->w[i * NER_NT + t] / scale);
                q[t] = (int16_t)(v > 32767 ? 32767 : v < -32767 ? -32767 : v);
                any |= q[t] != 0;
            }
            if (!any)
                continue;
            uint64_t key = l->keys[i] ? l->keys[i] : 1;
            wr(&w, &key, 8);
            wr(&w, q, sizeof q);
        }
    }
    uint32_t maxlen = gaz ? gaz->maxlen : 0;
    uint64_t n = gaz ? gaz->n : 0;
    wr(&w, &maxlen, 4);
    wr(&w, &n, 8);
    for (size_t j = 0; gaz && j <= gaz->mask; j++)
        if (gaz->keys[j]) {
            wr(&w, &gaz->keys[j], 8);
            wr(&w, &gaz->bits[j], 1);
        }
    uint32_t crc = (uint32_t)w.crc;
    if (!w.bad && fwrite(&crc, 1, 4, f) != 4)
        w.bad = 1;
    if (fclose(f) != 0)
        w.bad = 1;
    if (w.bad) {
        td_errorf(err, errlen, "%s: write failed", path);
        return -1;
    }
    return 0;
}

int td_ner_load_dir(const char *model_dir, td_ner_model **out, char *err,
                    size_t errlen)
{
    char path[4096];
    *out = NULL;
    snprintf(path, sizeof path, "%s/ner.model", model_dir ? model_dir : ".");
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOENT ? 0 : (td_errorf(err, errlen, "%s: %s", path, strerror(errno)), -1);
    fclose(f);
    *out = td_ner_load(path, err, errlen);
    return *out ? 0 : -1;
}
