/*
 * html_ldcheck.c — the JSON-LD articleBody as a check of the extraction.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html_ex.h"

/* Many pages repeat the article's text in JSON-LD (articleBody), without
 * paragraphs and sometimes cut short, so it is not the answer but a good
 * check of it: when the extracted body shares too few words with it, the
 * element whose words agree with it best (most shared minus unshared) is
 * taken instead, if that agrees better. */

typedef struct hx_wordset {
    uint64_t *slots;
    size_t mask;
    size_t total; /* words added, with repeats */
} hx_wordset;

/* Calls back for each word: runs of ASCII letters and digits or non-ASCII
 * bytes, hashed case-insensitively. */
#define HX_FOR_WORDS(s, n, h, body)                                            \
    do {                                                                       \
        uint64_t h = 1469598103934665603ull;                                   \
        size_t wl_ = 0;                                                        \
        for (size_t i_ = 0; i_ <= (n); i_++) {                                 \
            unsigned char c_ = i_ < (n) ? (unsigned char)(s)[i_] : ' ';        \
            int w_ = c_ >= 0x80 || (c_ >= '0' && c_ <= '9') ||                 \
                     ((c_ | 0x20) >= 'a' && (c_ | 0x20) <= 'z');               \
            if (w_) {                                                          \
                h = (h ^ (c_ >= 'A' && c_ <= 'Z' ? c_ | 0x20 : c_)) *          \
                    1099511628211ull;                                          \
                wl_++;                                                         \
            } else if (wl_) {                                                  \
                h |= 1;                                                        \
                body;                                                          \
                h = 1469598103934665603ull;                                    \
                wl_ = 0;                                                       \
            }                                                                  \
        }                                                                      \
    } while (0)

static void hx_wordset_init(hx_wordset *w, const char *s, size_t n)
{
    size_t cap = 64;
    while (cap < n / 2)
        cap *= 2;
    w->slots = calloc(cap, sizeof *w->slots);
    if (!w->slots)
        abort();
    w->mask = cap - 1;
    w->total = 0;
    HX_FOR_WORDS(s, n, h, {
        size_t k = (size_t)h & w->mask;
        while (w->slots[k] && w->slots[k] != h)
            k = (k + 1) & w->mask;
        w->slots[k] = h;
        w->total++;
    });
}

static int hx_wordset_has(const hx_wordset *w, uint64_t h)
{
    size_t k = (size_t)h & w->mask;
    while (w->slots[k]) {
        if (w->slots[k] == h)
            return 1;
        k = (k + 1) & w->mask;
    }
    return 0;
}

/* Shared and total words of text s[0..n). */
static void hx_wordset_match(const hx_wordset *w, const char *s, size_t n,
                             size_t *shared, size_t *total)
{
    size_t m = 0, t = 0;
    HX_FOR_WORDS(s, n, h, {
        t++;
        m += (size_t)hx_wordset_has(w, h);
    });
    *shared = m;
    *total = t;
}

/* Body words of an output shared with the set, and all its body words. */
static long hx_out_agreement(const hx_out *o, const hx_wordset *w, size_t *shared)
{
    size_t m = 0, t = 0;
    for (size_t i = 0; i < o->nparts; i++) {
        if (o->parts[i].kind != TD_PART_BODY)
            continue;
        size_t pm, pt;
        hx_wordset_match(w, o->text.data + o->parts[i].start,
                         o->parts[i].end - o->parts[i].start, &pm, &pt);
        m += pm;
        t += pt;
    }
    *shared = m;
    return (long)m - (long)(t - m);
}

/* The element whose text agrees best with the word set. */
static uint32_t hx_best_agreeing(hx_ex *x, const hx_wordset *w)
{
    size_t nn = x->dom->nnodes;
    long *score = calloc(nn, sizeof *score);
    if (!score)
        abort();
    const hx_node *nodes = x->nodes;
    for (size_t i = nn; i-- > 1;) {
        const hx_node *nd = &nodes[i];
        if (nd->flags & (HF_HIDDEN | HF_SKIP)) {
            score[i] = 0;
            continue;
        }
        if (nd->tag == HT_TEXT && !(nd->flags & HF_INLINK)) {
            size_t m, t;
            hx_wordset_match(w, x->dom->text.data + nd->text, nd->ntext, &m, &t);
            score[i] += (long)m - (long)(t - m);
        } else if (nd->tag == HT_TEXT) {
            size_t m, t;
            hx_wordset_match(w, x->dom->text.data + nd->text, nd->ntext, &m, &t);
            score[i] -= (long)(t - m);
        }
        score[nd->parent] += score[i];
    }
    uint32_t best = 0;
    for (size_t i = 1; i < nn; i++)
        if (nodes[i].tag != HT_TEXT && nodes[i].tag != HT_HTML &&
            (!best || score[i] > score[best]))
            best = (uint32_t)i;
    free(score);
    return best;
}

/* Checks o against the JSON-LD body and replaces it when another element
 * agrees much better. */
void hx_check_ld_body(hx_ex *x, hx_out *o, const char *ld, size_t ldn)
{
    if (!ld || ldn < 400)
        return;
    hx_wordset w;
    hx_wordset_init(&w, ld, ldn);
    size_t shared;
    long agree = hx_out_agreement(o, &w, &shared);
    if (w.total && shared * 10 >= w.total * 6 && agree > 0) {
        free(w.slots);
        return; /* agrees well enough */
    }
    uint32_t best = hx_best_agreeing(x, &w);
    if (best) {
        hx_out alt = {.x = x};
        td_buf_init(&alt.text);
        td_buf_init(&alt.para);
        hx_out_reset(&alt);
        size_t nn = x->dom->nnodes;
        memset(x->gone, 0, nn);
        int use = x->use_hints;
        x->use_hints = 0;
        hx_mark_gone(x);
        x->use_hints = use;
        hx_stats(x, (hx_node *)x->nodes, nn);
        x->top = best;
        x->whole = 1;
        x->h1 = 0;
        hx_write_article(x, &alt);
        size_t alt_shared;
        long alt_agree = hx_out_agreement(&alt, &w, &alt_shared);
        if (alt_agree > agree && alt_shared > shared) {
            hx_out t = *o;
            *o = alt;
            alt = t;
        }
        hx_out_free(&alt);
    }
    free(w.slots);
}
