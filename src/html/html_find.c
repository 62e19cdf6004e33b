/*
 * html_find.c — finds the element that holds the article (Readability's
 * method, see html_extract.c): class/id evidence from
 * data/dict/html_hints.txt, removal of what cannot be the article, text
 * statistics per element, and the scoring of paragraphs and their
 * ancestors that picks the best container.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html_ex.h"

/* ---- class/id evidence -------------------------------------------------- */

static unsigned hx_hint_flags(const char *v)
{
    unsigned f = 0;
    for (; v && *v; v++) {
        switch (*v) {
        case 'p': f |= HC_POS; break;
        case 'n': f |= HC_NEG; break;
        case 'u': f |= HC_UNLIKELY; break;
        case 'm': f |= HC_MAYBE; break;
        case 'b': f |= HC_BYLINE; break;
        case 'c': f |= HC_CAPTION; break;
        case 'd': f |= HC_DATE; break;
        case 's': f |= HC_STANDFIRST; break;
        default: break;
        }
    }
    return f;
}

/* Flags of one lower-cased class/id token: the token itself, then its
 * prefixes and suffixes of four characters or more ("comments",
 * "articlebody", "postsidebar"). */
static unsigned hx_token_flags(const td_dict *d, const char *t, size_t n)
{
    unsigned f = hx_hint_flags(td_dict_get(d, t, n));
    if (n > 24)
        n = 24;
    for (size_t k = 4; k < n; k++) {
        f |= hx_hint_flags(td_dict_get(d, t, k));
        f |= hx_hint_flags(td_dict_get(d, t + n - k, k));
    }
    return f;
}

static unsigned hx_words_flags(const td_dict *d, const char *s)
{
    unsigned f = 0;
    char tok[64];
    size_t n = 0;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            (c >= 'A' && c <= 'Z')) {
            if (n < sizeof tok)
                tok[n++] = (char)(c | (c >= 'A' && c <= 'Z' ? 0x20 : 0));
            continue;
        }
        if (n >= 2 && n < sizeof tok)
            f |= hx_token_flags(d, tok, n);
        n = 0;
        if (!c)
            break;
    }
    return f;
}

unsigned hx_class(hx_ex *x, uint32_t n)
{
    if (x->cls[n] & HC_KNOWN)
        return x->cls[n];
    unsigned f = HC_KNOWN;
    const char *c = hx_attr_get(x->dom, n, HA_CLASS);
    const char *i = hx_attr_get(x->dom, n, HA_ID);
    if (x->hints) {
        if (c)
            f |= hx_words_flags(x->hints, c);
        if (i)
            f |= hx_words_flags(x->hints, i);
    }
    const char *ip = hx_attr_get(x->dom, n, HA_ITEMPROP);
    if (ip && strstr(ip, "author"))
        f |= HC_BYLINE;
    const char *rel = hx_attr_get(x->dom, n, HA_REL);
    if (rel && !strcmp(rel, "author"))
        f |= HC_BYLINE;
    x->cls[n] = (uint16_t)f;
    return f;
}

int hx_class_weight(hx_ex *x, uint32_t n)
{
    unsigned f = hx_class(x, n);
    int w = 0;
    if (f & HC_NEG)
        w -= 25;
    if (f & HC_POS)
        w += 25;
    return w;
}

/* ---- removal and statistics -------------------------------------------- */

static int hx_role_unlikely(const char *r)
{
    return r && (!strcmp(r, "menu") || !strcmp(r, "menubar") ||
                 !strcmp(r, "complementary") || !strcmp(r, "navigation") ||
                 !strcmp(r, "alert") || !strcmp(r, "alertdialog") ||
                 !strcmp(r, "dialog") || !strcmp(r, "banner") ||
                 !strcmp(r, "contentinfo"));
}

/* Marks subtrees that are not candidates (step 1). */
void hx_mark_gone(hx_ex *x)
{
    const hx_node *nodes = x->nodes;
    size_t nn = x->dom->nnodes;
    for (size_t i = 1; i < nn; i++) {
        const hx_node *nd = &nodes[i];
        if (x->gone[nd->parent] || (nd->flags & (HF_HIDDEN | HF_SKIP))) {
            x->gone[i] = 1;
            continue;
        }
        if (nd->tag == HT_TEXT)
            continue;
        switch (nd->tag) {
        case HT_NAV: case HT_ASIDE: case HT_FOOTER:
        case HT_TITLE: case HT_META: case HT_LINK: case HT_DIALOG: case HT_FIELDSET: case HT_INPUT: case HT_LABEL:
        case HT_MENU:
            x->gone[i] = 1;
            continue;
        case HT_BODY: case HT_HTML: case HT_A: case HT_MAIN:
        case HT_ARTICLE:
            continue;
        default:
            break;
        }
        if (!x->use_hints)
            continue;
        if (hx_role_unlikely(hx_attr_get(x->dom, (uint32_t)i, HA_ROLE))) {
            x->gone[i] = 1;
            continue;
        }
        unsigned f = hx_class(x, (uint32_t)i);
        /* a wrapper holding most of the page's text is not a sidebar,
         * whatever its class says ("container penci_sidebar") */
        if ((f & HC_UNLIKELY) && !(f & HC_MAYBE) && !(f & HC_BYLINE) &&
            !(nd->paras >= 3 && nd->chars * 2 > x->page_chars))
            x->gone[i] = 1;
    }
}

/* Counts characters, link characters, commas and <p> under each node,
 * leaving out removed subtrees.  Nodes come in document order, children
 * after their parent, so one backward pass adds each node into its
 * parent. */
void hx_stats(hx_ex *x, hx_node *nodes, size_t nn)
{
    const unsigned char *text = (const unsigned char *)x->dom->text.data;
    for (size_t i = 0; i < nn; i++)
        nodes[i].chars = nodes[i].link_chars = nodes[i].commas =
            nodes[i].paras = 0;
    for (size_t i = nn; i-- > 1;) {
        hx_node *nd = &nodes[i];
        if (x->gone[i])
            continue;
        if (nd->tag == HT_TEXT) {
            const unsigned char *t = text + nd->text;
            uint32_t c = 0, commas = 0;
            for (uint32_t k = 0; k < nd->ntext; k++) {
                unsigned b = t[k];
                if (b <= ' ')
                    continue;
                if ((b & 0xC0) != 0x80)
                    c++;
                if (b == ',')
                    commas++;
                else if (b == 0xEF && k + 2 < nd->ntext && t[k + 1] == 0xBC &&
                         t[k + 2] == 0x8C)
                    commas++; /* fullwidth comma */
                else if (b == 0xE3 && k + 2 < nd->ntext && t[k + 1] == 0x80 &&
                         (t[k + 2] == 0x81 || t[k + 2] == 0x82))
                    commas++; /* ideographic comma and full stop */
            }
            nd->chars = c;
            nd->commas = commas;
            if (nd->flags & HF_INLINK)
                nd->link_chars = c;
        } else if (nd->tag == HT_P) {
            nd->paras++;
        }
        hx_node *p = &nodes[nd->parent];
        p->chars += nd->chars;
        p->link_chars += nd->link_chars;
        p->commas += nd->commas;
        p->paras += nd->paras;
    }
}

double hx_link_density(const hx_node *nd)
{
    return nd->chars ? (double)nd->link_chars / nd->chars : 0.0;
}

/* Whether an element holds block-level elements (direct children only:
 * deeper blocks sit inside those). */
int hx_has_block_child(const hx_ex *x, uint32_t n)
{
    for (uint32_t c = x->nodes[n].first; c; c = x->nodes[c].next) {
        if (x->gone[c])
            continue;
        int t = x->nodes[c].tag;
        if (hx_tag_is_block(t) || t == HT_IMG || t == HT_PICTURE)
            return 1;
    }
    return 0;
}

/* Characters of the text and inline children directly under n. */
static uint32_t hx_own_chars(const hx_ex *x, uint32_t n)
{
    uint32_t c = 0;
    for (uint32_t k = x->nodes[n].first; k; k = x->nodes[k].next)
        if (!x->gone[k] && !hx_tag_is_block(x->nodes[k].tag))
            c += x->nodes[k].chars;
    return c;
}

/* ---- scoring ------------------------------------------------------------ */

static void hx_init_candidate(hx_ex *x, uint32_t n)
{
    if (x->cand[n])
        return;
    x->cand[n] = 1;
    float s = 0;
    switch (x->nodes[n].tag) {
    case HT_DIV: case HT_ARTICLE: case HT_MAIN: s = 5; break;
    case HT_PRE: case HT_TD: case HT_BLOCKQUOTE: s = 3; break;
    case HT_ADDRESS: case HT_OL: case HT_UL: case HT_DL: case HT_DD:
    case HT_DT: case HT_LI: case HT_FORM: s = -3; break;
    case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5:
    case HT_H6: case HT_TH: s = -5; break;
    default: break;
    }
    x->score[n] = s + (float)hx_class_weight(x, n);
}

static int hx_is_paragraph(hx_ex *x, uint32_t n, uint32_t *chars)
{
    const hx_node *nd = &x->nodes[n];
    switch (nd->tag) {
    case HT_P: case HT_PRE: case HT_TD: case HT_BLOCKQUOTE:
        *chars = nd->chars;
        return 1;
    case HT_DIV: case HT_SECTION: case HT_ARTICLE: case HT_MAIN:
    case HT_OTHER: case HT_CENTER: case HT_FONT: case HT_SPAN:
        if (!hx_has_block_child(x, n)) {
            if (nd->tag == HT_SPAN || nd->tag == HT_OTHER || nd->tag == HT_FONT) {
                /* inline: only when its parent is a block with no <p> */
                return 0;
            }
            *chars = nd->chars;
            return 1;
        }
        *chars = hx_own_chars(x, n);
        return *chars >= 25;
    default:
        return 0;
    }
}

void hx_score(hx_ex *x)
{
    const hx_node *nodes = x->nodes;
    size_t nn = x->dom->nnodes;
    for (size_t i = 1; i < nn; i++) {
        if (x->gone[i] || nodes[i].tag == HT_TEXT)
            continue;
        uint32_t chars = 0;
        if (!hx_is_paragraph(x, (uint32_t)i, &chars) || chars < 25)
            continue;
        /* commas of the paragraph itself (own text for mixed divs) */
        float s = 1.0f + (float)nodes[i].commas;
        float m = (float)chars / 100.0f;
        s += m > 3 ? 3 : floorf(m);
        uint32_t a = nodes[i].parent;
        for (int level = 0; a && level < 5; level++, a = nodes[a].parent) {
            if (nodes[a].tag == HT_HTML || nodes[a].tag == HT_ROOT)
                break;
            hx_init_candidate(x, a);
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            x->score[a] += s / div;
        }
    }
    /* scale by link density, pick the best */
    uint32_t top[5] = {0};
    float tops[5] = {0};
    for (size_t i = 1; i < nn; i++) {
        if (!x->cand[i])
            continue;
        x->score[i] *= (float)(1.0 - hx_link_density(&nodes[i]));
        float s = x->score[i];
        for (int k = 0; k < 5; k++) {
            if (!top[k] || s > tops[k]) {
                for (int j = 4; j > k; j--)
                    top[j] = top[j - 1], tops[j] = tops[j - 1];
                top[k] = (uint32_t)i, tops[k] = s;
                break;
            }
        }
    }
    uint32_t best = top[0];
    if (!best) {
        /* nothing scored (a short page): the whole body is the article */
        x->top = 0;
        x->whole = 1;
        for (size_t i = 1; i < nn; i++)
            if (nodes[i].tag == HT_BODY) {
                x->top = (uint32_t)i;
                break;
            }
        return;
    }
    /* several strong candidates under one ancestor: take the ancestor */
    int close = 0;
    for (int k = 1; k < 5; k++)
        if (top[k] && tops[k] >= 0.75f * tops[0])
            close++;
    if (close >= 2) {
        for (uint32_t a = nodes[best].parent; a && nodes[a].tag != HT_BODY &&
                                              nodes[a].tag != HT_HTML;
             a = nodes[a].parent) {
            int holds = 0;
            for (int k = 1; k < 5; k++) {
                if (!top[k] || tops[k] < 0.75f * tops[0])
                    continue;
                for (uint32_t b = top[k]; b; b = nodes[b].parent)
                    if (b == a) {
                        holds++;
                        break;
                    }
            }
            if (holds >= 2) {
                best = a;
                break;
            }
        }
    }
    /* move up while the parent scores as well */
    float last = x->cand[best] ? x->score[best] : 0;
    float threshold = last / 3;
    for (uint32_t p = nodes[best].parent; p && nodes[p].tag != HT_BODY &&
                                          nodes[p].tag != HT_HTML;
         p = nodes[p].parent) {
        if (!x->cand[p])
            continue;
        float ps = x->score[p];
        if (ps < threshold)
            break;
        if (ps > last) {
            best = p;
            break;
        }
        last = ps;
    }
    /* an only child says nothing its parent does not */
    while (nodes[best].parent && nodes[nodes[best].parent].tag != HT_BODY &&
           nodes[nodes[best].parent].tag != HT_HTML &&
           nodes[nodes[best].parent].tag != HT_ROOT) {
        uint32_t p = nodes[best].parent;
        int kids = 0;
        for (uint32_t c = nodes[p].first; c; c = nodes[c].next)
            if (!x->gone[c] && (nodes[c].tag != HT_TEXT || nodes[c].chars))
                kids++;
        if (kids != 1)
            break;
        best = p;
    }
    x->top = best;
}
