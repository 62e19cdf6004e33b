/*
 * html_extract.c — finds the article in a parsed page and writes the
 * document (td_html_read).
 *
 * The method is Readability's, re-derived and tuned for news pages:
 *  1. Drop what is obviously not the article: navigation, asides, forms,
 *     and elements whose class/id says so (data/dict/html_hints.txt:
 *     comment, sidebar, related, share...).
 *  2. Score every paragraph-like block (p, pre, td, text-only div) with
 *     1 + commas + min(chars/100, 3) and give the score to its ancestors,
 *     halving with distance; a container's own class/id evidence and tag
 *     add to it and its link density scales it down.
 *  3. Take the best container (moving up when its parent holds as much),
 *     plus sibling blocks that score close to it or read like paragraphs.
 *  4. Walk the chosen subtrees: each block becomes a paragraph; blocks with
 *     too many links, negative class evidence or boilerplate phrases
 *     (data/dict/html_boilerplate.txt) are left out; figcaptions become
 *     captions, the in-page byline the byline, the h1 the headline.
 * When the result is short the page is tried again without step 1's class
 * evidence (pages that put "comment" in the article's own class).
 *
 * The document text is: headline, standfirst, byline, then paragraphs and
 * captions in page order, separated by blank lines.  Everything is NFC.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine.h"
#include "html/html.h"
#include "stages.h"
#include "util/dict.h"

/* Class/id evidence bits (data/dict/html_hints.txt values). */
enum {
    HC_KNOWN = 1 << 0, /* computed */
    HC_POS = 1 << 1,
    HC_NEG = 1 << 2,
    HC_UNLIKELY = 1 << 3,
    HC_MAYBE = 1 << 4,
    HC_BYLINE = 1 << 5,
    HC_CAPTION = 1 << 6,
    HC_DATE = 1 << 7,
    HC_STANDFIRST = 1 << 8
};

typedef struct hx_ex {
    const hx_dom *dom;
    const hx_node *nodes;
    const td_dict *hints, *boiler;
    uint16_t *cls;   /* HC_* per node, lazily */
    uint8_t *gone;   /* removed before scoring */
    float *score;    /* content score per node */
    uint8_t *cand;   /* has a score */
    int use_hints;
    /* results */
    uint32_t top;
    uint32_t h1;     /* first visible h1, or 0 */
    int whole;       /* no candidate: top is the body or the root */
    uint32_t page_chars; /* text characters of the whole page */
} hx_ex;

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

static unsigned hx_class(hx_ex *x, uint32_t n)
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

static int hx_class_weight(hx_ex *x, uint32_t n)
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
static void hx_mark_gone(hx_ex *x)
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
static void hx_stats(hx_ex *x, hx_node *nodes, size_t nn)
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

static double hx_link_density(const hx_node *nd)
{
    return nd->chars ? (double)nd->link_chars / nd->chars : 0.0;
}

/* Whether an element holds block-level elements (direct children only:
 * deeper blocks sit inside those). */
static int hx_has_block_child(const hx_ex *x, uint32_t n)
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

static void hx_score(hx_ex *x)
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

/* ---- writing the document ------------------------------------------------ */

typedef struct hx_out {
    hx_ex *x;
    td_doc *doc;     /* parts are recorded here after the text is built */
    td_buf text;     /* the document text */
    td_buf para;     /* the paragraph being collected */
    int space;       /* a space is pending in para */
    int in_pre;
    int kind;        /* td_part_kind of the paragraph being collected */
    const char *from;
    /* parts found, added to the doc once its text exists */
    struct { int kind; size_t start, end; const char *from; } *parts;
    size_t nparts, cap;
    size_t body_chars;
    size_t para_link;  /* bytes of para that came from inside links */
    int para_date;     /* para is inside an element marked as a date */
    int in_quote;      /* inside a blockquote */
    int para_starts_link; /* para's first character is inside a link */
} hx_out;

/* A picture caption outside <figcaption>: a short line ending with a
 * credit in brackets, "(Image: GETTY)", "(Photo: Reuters)", or opening with
 * one, "Photo: ...". */
static int hx_looks_like_caption(const char *s, size_t n)
{
    static const char *const words[] = {"image", "images", "photo", "photograph",
                                        "picture", "pic", "credit", "foto", "video"};
    if (n > 300)
        return 0;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t wl = strlen(words[w]);
        if (n > wl + 1 && !strncasecmp(s, words[w], wl) && s[wl] == ':')
            return 1;
    }
    if (n < 4 || s[n - 1] != ')')
        return 0;
    size_t open = n - 1;
    while (open > 0 && s[open] != '(' && n - open < 60)
        open--;
    if (s[open] != '(')
        return 0;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t wl = strlen(words[w]);
        if (open + 1 + wl < n && !strncasecmp(s + open + 1, words[w], wl) &&
            (s[open + 1 + wl] == ':' || s[open + 1 + wl] == 's'))
            return 1;
    }
    return 0;
}

/* A short line that is only a date or time: "Updated Nov 19, 9:41 AM",
 * "Posted: Fri 6:45 PM, Feb 16, 2018", "22 de janeiro de 2018 às 0:13".
 * Few words, a clock time or a year, and little else. */
static int hx_looks_like_date(const char *s, size_t n)
{
    if (n > 90)
        return 0;
    int words = 0, clock = 0, year = 0, digits = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int w = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9');
        if (w && !in)
            words++;
        in = w;
        if (c >= '0' && c <= '9') {
            digits++;
            if (i + 2 < n && s[i + 1] == ':' && s[i + 2] >= '0' && s[i + 2] <= '5')
                clock = 1;
            if (i + 4 <= n && (s[i] == '1' || s[i] == '2') &&
                (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
                s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
                s[i + 3] >= '0' && s[i + 3] <= '9' &&
                (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9') &&
                ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')))
                year = 1;
        }
    }
    return words <= 12 && digits >= 3 && clock && (year || words <= 6);
}

static void hx_out_part(hx_out *o, int kind, size_t start, size_t end,
                        const char *from)
{
    if (o->nparts == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        void *np = realloc(o->parts, cap * sizeof *o->parts);
        if (!np)
            abort();
        o->parts = np;
        o->cap = cap;
    }
    o->parts[o->nparts].kind = kind;
    o->parts[o->nparts].start = start;
    o->parts[o->nparts].end = end;
    o->parts[o->nparts].from = from;
    o->nparts++;
}

/* Adds a finished piece of text (already collapsed) as a part. */
static void hx_out_add(hx_out *o, int kind, const char *s, size_t n,
                       const char *from)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    while (n && (*s == ' ' || *s == '\n'))
        s++, n--;
    if (!n)
        return;
    if (o->text.len)
        td_buf_add(&o->text, "\n\n", 2);
    size_t start = o->text.len;
    hx_append_nfc(&o->text, s, n);
    hx_out_part(o, kind, start, o->text.len, from);
    if (kind == TD_PART_BODY)
        o->body_chars += n;
}

static int hx_is_boilerplate(hx_ex *x, const char *s, size_t n)
{
    if (!x->boiler || n > 250)
        return 0;
    /* the whole paragraph, or its start up to a colon, lower-cased */
    char low[251] = {0};
    size_t k = 0;
    while (n && (*s == ' ' || *s == '\n'))
        s++, n--;
    for (size_t i = 0; i < n && k < sizeof low - 1; i++) {
        unsigned char c = (unsigned char)s[i];
        low[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    while (k && (low[k - 1] == ' ' || low[k - 1] == '.' || low[k - 1] == ':' ||
                 low[k - 1] == '!' || low[k - 1] == '>' || low[k - 1] == '\n'))
        k--;
    if (td_dict_get(x->boiler, low, k))
        return 1;
    /* a known phrase opening a short line: "Read more: ...", "Sign up ..." */
    size_t maxk = td_dict_max_key(x->boiler);
    for (size_t j = 3; j <= k && j <= maxk; j++) {
        if (j < k && low[j] != ' ' && low[j] != ':')
            continue;
        const char *v = td_dict_get(x->boiler, low, j);
        if (v && *v == '*' && n < 250)
            return 1;
    }
    return 0;
}

static void hx_flush(hx_out *o)
{
    hx_ex *x = o->x;
    td_buf *p = &o->para;
    if (p->len) {
        int kind = o->kind;
        const char *from = o->from;
        if (kind == TD_PART_BODY) {
            if (hx_is_boilerplate(x, p->data, p->len)) {
                kind = TD_PART_BOILERPLATE;
            } else if (((o->para_starts_link && o->para_link * 10 > p->len * 6) ||
                        o->para_link * 10 > p->len * 9) &&
                       p->len < 400 && !o->in_quote) {
                kind = TD_PART_RELATED; /* a line of links */
                from = "links";
            } else if ((o->para_date || hx_looks_like_date(p->data, p->len)) &&
                       p->len < 100) {
                kind = TD_PART_DATELINE;
                from = "date";
            } else if (hx_looks_like_caption(p->data, p->len)) {
                kind = TD_PART_CAPTION;
                from = "credit";
            }
        }
        if (kind != TD_PART_BOILERPLATE)
            hx_out_add(o, kind, p->data, p->len, from);
    }
    td_buf_clear(p);
    o->space = 0;
    o->para_link = 0;
}

static void hx_text_node(hx_out *o, const hx_node *nd)
{
    const unsigned char *t =
        (const unsigned char *)o->x->dom->text.data + nd->text;
    td_buf *p = &o->para;
    for (uint32_t i = 0; i < nd->ntext; i++) {
        unsigned c = t[i];
        if (o->in_pre && c == '\n') {
            td_buf_addc(p, '\n');
            o->space = 0;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            o->space = 1;
        } else if (c == 0xC2 && i + 1 < nd->ntext && t[i + 1] == 0xA0) {
            o->space = 1;
            i++;
        } else {
            if (o->space && p->len && p->data[p->len - 1] != '\n')
                td_buf_addc(p, ' ');
            o->space = 0;
            if (!p->len)
                o->para_starts_link = (nd->flags & HF_INLINK) != 0;
            td_buf_addc(p, (char)c);
            if (nd->flags & HF_INLINK)
                o->para_link++;
        }
    }
}

/* Whether a block inside the article should be left out (step 4). */
static int hx_drop_block(hx_ex *x, uint32_t n)
{
    const hx_node *nd = &x->nodes[n];
    if (x->gone[n] && n != x->top)
        return 1;
    int tag = nd->tag;
    if (tag == HT_TEXT || n == x->top)
        return 0;
    unsigned f = hx_class(x, n);
    int weight = hx_class_weight(x, n);
    if (tag == HT_H1 || tag == HT_H2 || tag == HT_H3) {
        /* headings with negative class evidence ("related-title") */
        return weight < 0 && nd->chars < 120;
    }
    if (tag == HT_FIGCAPTION || tag == HT_BR || tag == HT_HR || tag == HT_IMG)
        return 0;
    if ((f & HC_NEG) && !(f & HC_POS) && nd->commas < 10)
        return 1;
    if (tag == HT_A || tag == HT_TIME)
        return 0;
    /* link density judges containers; paragraphs are judged as lines when
     * they are written (hx_flush) */
    if (!hx_tag_is_block(tag) || tag == HT_BLOCKQUOTE || tag == HT_P ||
        tag == HT_PRE || tag == HT_LI || tag == HT_TD || tag == HT_TH ||
        tag == HT_DT || tag == HT_DD || (tag >= HT_H1 && tag <= HT_H6))
        return 0;
    double ld = hx_link_density(nd);
    int list = tag == HT_UL || tag == HT_OL;
    if (nd->commas >= 10)
        return 0;
    if (list && ld > 0.5)
        return 1;
    if (!list && weight < 25 && ld > 0.33 && nd->chars < 2000)
        return 1;
    if (weight >= 25 && ld > 0.5)
        return 1;
    return 0;
}

static void hx_enter(hx_out *o, uint32_t n, int *descend)
{
    hx_ex *x = o->x;
    const hx_node *nd = &x->nodes[n];
    *descend = 1;
    if (nd->tag == HT_TEXT) {
        if (!x->gone[n])
            hx_text_node(o, nd);
        return;
    }
    if (hx_drop_block(x, n)) {
        *descend = 0;
        if (hx_tag_is_block(nd->tag))
            hx_flush(o);
        else
            o->space = 1;
        return;
    }
    if (nd->tag == HT_BR) {
        if (o->para.len && o->para.data[o->para.len - 1] != '\n')
            td_buf_addc(&o->para, '\n');
        o->space = 0;
        return;
    }
    if (!hx_tag_is_block(nd->tag) && nd->tag != HT_FIGCAPTION)
        return;
    hx_flush(o);
    if (nd->tag == HT_PRE)
        o->in_pre++;
    if (nd->tag == HT_BLOCKQUOTE)
        o->in_quote++;
    if ((hx_class(x, n) & HC_DATE) && nd->chars < 80 && !o->para_date)
        o->para_date = (int)n;
    if (nd->tag == HT_FIGCAPTION || (hx_class(x, n) & HC_CAPTION)) {
        o->kind = TD_PART_CAPTION;
        o->from = "figcaption";
    } else if (nd->tag == HT_H1 && !x->h1) {
        /* the page's headline: metadata decides, keep it out of the body */
        x->h1 = n;
        *descend = 0;
    } else if ((hx_class(x, n) & HC_STANDFIRST) && nd->chars < 500 &&
               o->kind == TD_PART_BODY && !o->body_chars) {
        /* a summary above the article's first paragraph */
        *descend = 0;
        td_buf tmp;
        td_buf_init(&tmp);
        hx_inner_text(x->dom, n, &tmp);
        if (tmp.len)
            hx_out_add(o, TD_PART_STANDFIRST, tmp.data, tmp.len, "class");
        td_buf_free(&tmp);
    } else if ((hx_class(x, n) & HC_BYLINE) && nd->chars < 100 &&
               o->kind == TD_PART_BODY) {
        o->kind = TD_PART_BYLINE;
        o->from = "byline-class";
        *descend = 0;
        td_buf tmp;
        td_buf_init(&tmp);
        hx_inner_text(x->dom, n, &tmp);
        if (tmp.len)
            hx_out_add(o, TD_PART_BYLINE, tmp.data, tmp.len, "class");
        td_buf_free(&tmp);
        o->kind = TD_PART_BODY;
        o->from = "html";
    }
}

static void hx_leave(hx_out *o, uint32_t n)
{
    const hx_node *nd = &o->x->nodes[n];
    if (!hx_tag_is_block(nd->tag) && nd->tag != HT_FIGCAPTION) {
        if (nd->tag != HT_TEXT && nd->tag != HT_A && nd->tag != HT_B &&
            nd->tag != HT_I && nd->tag != HT_EM && nd->tag != HT_STRONG &&
            nd->tag != HT_SPAN && nd->tag != HT_SUP && nd->tag != HT_SUB &&
            nd->tag != HT_U && nd->tag != HT_FONT && nd->tag != HT_SMALL &&
            nd->tag != HT_ABBR && nd->tag != HT_Q && nd->tag != HT_CODE &&
            nd->tag != HT_S && nd->tag != HT_CITE && nd->tag != HT_TIME &&
            nd->tag != HT_OTHER && nd->tag != HT_LABEL)
            o->space = 1;
        return;
    }
    hx_flush(o);
    if (nd->tag == HT_PRE && o->in_pre)
        o->in_pre--;
    if (nd->tag == HT_BLOCKQUOTE && o->in_quote)
        o->in_quote--;
    if (o->para_date == (int)n)
        o->para_date = 0;
    if (nd->tag == HT_FIGCAPTION || o->kind == TD_PART_CAPTION) {
        if (nd->tag == HT_FIGCAPTION || (hx_class(o->x, n) & HC_CAPTION)) {
            o->kind = TD_PART_BODY;
            o->from = "html";
        }
    }
}

/* Writes the subtree of root (pre-order walk without recursion). */
static void hx_walk(hx_out *o, uint32_t root)
{
    const hx_node *nodes = o->x->nodes;
    uint32_t n = root;
    for (;;) {
        int descend;
        hx_enter(o, n, &descend);
        if (descend && nodes[n].first) {
            n = nodes[n].first;
            continue;
        }
        if (descend)
            hx_leave(o, n);
        while (n != root && !nodes[n].next) {
            n = nodes[n].parent;
            hx_leave(o, n);
        }
        if (n == root)
            break;
        n = nodes[n].next;
    }
    hx_flush(o);
}

/* Whether a sibling of the top candidate belongs to the article. */
static int hx_sibling_joins(hx_ex *x, uint32_t s, float threshold,
                            const char *top_class)
{
    const hx_node *nd = &x->nodes[s];
    if (x->gone[s] || nd->tag == HT_TEXT)
        return 0;
    float bonus = 0;
    const char *c = hx_attr_get(x->dom, s, HA_CLASS);
    if (c && top_class && *c && !strcmp(c, top_class))
        bonus = x->score[x->top] * 0.2f;
    if (x->cand[s] && x->score[s] + bonus >= threshold)
        return 1;
    if (nd->tag == HT_P || (nd->tag == HT_DIV && !hx_has_block_child(x, s))) {
        double ld = hx_link_density(nd);
        if (nd->chars > 80 && ld < 0.25)
            return 1;
        if (nd->chars > 0 && nd->chars <= 80 && ld == 0) {
            td_buf t;
            td_buf_init(&t);
            hx_inner_text(x->dom, s, &t);
            int ends = t.len && t.data[t.len - 1] == '.';
            td_buf_free(&t);
            return ends;
        }
    }
    return 0;
}

static void hx_write_article(hx_ex *x, hx_out *o)
{
    uint32_t top = x->top;
    if (x->whole) {
        hx_walk(o, top);
        return;
    }
    if (!top)
        return;
    const hx_node *nodes = x->nodes;
    uint32_t parent = nodes[top].parent;
    if (!parent || nodes[top].tag == HT_BODY) {
        hx_walk(o, top);
        return;
    }
    float threshold = x->score[top] * 0.2f;
    if (threshold < 10)
        threshold = 10;
    const char *top_class = hx_attr_get(x->dom, top, HA_CLASS);
    for (uint32_t s = nodes[parent].first; s; s = nodes[s].next) {
        if (s == top || hx_sibling_joins(x, s, threshold, top_class))
            hx_walk(o, s);
    }
}

static void hx_out_reset(hx_out *o)
{
    td_buf_clear(&o->text);
    td_buf_clear(&o->para);
    o->nparts = 0;
    o->body_chars = 0;
    o->space = 0;
    o->in_pre = 0;
    o->in_quote = 0;
    o->para_link = 0;
    o->para_date = 0;
    o->kind = TD_PART_BODY;
    o->from = "html";
}

/* ---- fragments ------------------------------------------------------------ */

size_t hx_fragment_paragraphs(const char *html, size_t len, hx_para_fn fn,
                              void *ctx)
{
    hx_dom dom;
    char err[128];
    if (hx_dom_parse(&dom, html, len, "utf-8", err, sizeof err) < 0) {
        hx_dom_free(&dom);
        return 0;
    }
    size_t nn = dom.nnodes;
    hx_ex x = {.dom = &dom, .nodes = dom.nodes};
    x.cls = calloc(nn, sizeof *x.cls);
    x.gone = calloc(nn, 1);
    x.cand = calloc(nn, 1);
    x.score = calloc(nn, sizeof *x.score);
    if (!x.cls || !x.gone || !x.cand || !x.score)
        abort();
    for (size_t i = 1; i < nn; i++)
        if (x.gone[dom.nodes[i].parent] ||
            (dom.nodes[i].flags & (HF_HIDDEN | HF_SKIP)))
            x.gone[i] = 1;
    hx_stats(&x, dom.nodes, nn);
    x.top = 0;
    x.h1 = 1; /* an h1 in a fragment is text, not the page's headline */
    hx_out o = {.x = &x};
    td_buf_init(&o.text);
    td_buf_init(&o.para);
    hx_out_reset(&o);
    hx_walk(&o, 0);
    size_t n = 0;
    for (size_t i = 0; i < o.nparts; i++) {
        fn(ctx, o.text.data + o.parts[i].start, o.parts[i].end - o.parts[i].start);
        n++;
    }
    td_buf_free(&o.text);
    td_buf_free(&o.para);
    free(o.parts);
    free(x.cls);
    free(x.gone);
    free(x.cand);
    free(x.score);
    hx_dom_free(&dom);
    return n;
}

/* ---- JSON-LD articleBody as a check ------------------------------------- */

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
static void hx_check_ld_body(hx_ex *x, hx_out *o, const char *ld, size_t ldn)
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
        td_buf_free(&alt.text);
        td_buf_free(&alt.para);
        free(alt.parts);
    }
    free(w.slots);
}

/* ---- the reader ---------------------------------------------------------- */

static void hx_extract(hx_ex *x, hx_out *o)
{
    size_t nn = x->dom->nnodes;
    memset(x->gone, 0, nn);
    memset(x->cand, 0, nn);
    memset(x->score, 0, nn * sizeof *x->score);
    x->top = 0;
    x->h1 = 0;
    x->whole = 0;
    /* statistics of the whole page first, for hx_mark_gone */
    for (size_t i = 1; i < nn; i++)
        if (x->gone[x->nodes[i].parent] ||
            (x->nodes[i].flags & (HF_HIDDEN | HF_SKIP)))
            x->gone[i] = 1;
    hx_stats(x, (hx_node *)x->nodes, nn);
    x->page_chars = x->nodes[0].chars;
    memset(x->gone, 0, nn);
    hx_mark_gone(x);
    hx_stats(x, (hx_node *)x->nodes, nn);
    hx_score(x);
    hx_write_article(x, o);
}

td_doc *td_html_read(const td_engine *engine, const char *bytes, size_t len,
                     const char *charset, const td_input *input, char *err,
                     size_t errlen)
{
    hx_dom dom;
    if (hx_dom_parse(&dom, bytes, len, charset, err, errlen) < 0) {
        hx_dom_free(&dom);
        return NULL;
    }
    size_t nn = dom.nnodes;
    hx_ex x = {.dom = &dom, .nodes = dom.nodes, .use_hints = 1};
    if (engine) {
        x.hints = td_engine_dict(engine, "html_hints");
        x.boiler = td_engine_dict(engine, "html_boilerplate");
    }
    x.cls = calloc(nn, sizeof *x.cls);
    x.gone = calloc(nn, 1);
    x.cand = calloc(nn, 1);
    x.score = calloc(nn, sizeof *x.score);
    if (!x.cls || !x.gone || !x.cand || !x.score)
        abort();

    /* metadata first: the JSON-LD body checks the extraction */
    td_doc *doc = td_doc_new(engine, "", 0, input);
    hx_meta meta;
    memset(&meta, 0, sizeof meta);
    hx_meta_read(&dom, doc, &meta);

    hx_out o = {.x = &x};
    td_buf_init(&o.text);
    td_buf_init(&o.para);
    hx_out_reset(&o);
    hx_extract(&x, &o);
    if (o.body_chars < 250 && x.hints) {
        /* the class evidence may have removed the article itself */
        hx_out o2 = {.x = &x};
        td_buf_init(&o2.text);
        td_buf_init(&o2.para);
        hx_out_reset(&o2);
        x.use_hints = 0;
        hx_extract(&x, &o2);
        if (o2.body_chars > o.body_chars) {
            hx_out t = o;
            o = o2;
            o2 = t;
        }
        td_buf_free(&o2.text);
        td_buf_free(&o2.para);
        free(o2.parts);
    }

    hx_check_ld_body(&x, &o, meta.ld_body, meta.ld_body_len);

    /* headline, standfirst and byline come first in the text */

    td_buf head;
    td_buf_init(&head);
    struct { int kind; size_t start, end; const char *from; } hp[3];
    int nhp = 0;
    const char *h1text = NULL;
    td_buf h1buf;
    td_buf_init(&h1buf);
    if (x.h1) {
        hx_inner_text(&dom, x.h1, &h1buf);
        td_buf_addc(&h1buf, 0);
        h1text = h1buf.data;
    }
    const char *headline = meta.title && *meta.title ? meta.title : h1text;
    const char *hfrom = meta.title && *meta.title ? meta.title_from : "h1";
    if (headline && *headline) {
        hp[nhp].kind = TD_PART_HEADLINE;
        hp[nhp].start = head.len;
        hx_append_nfc(&head, headline, strlen(headline));
        hp[nhp].end = head.len;
        hp[nhp++].from = hfrom;
    }
    /* the standfirst only when the body does not open with it */
    if (meta.description && *meta.description) {
        size_t dl = strlen(meta.description);
        size_t cmp = dl < 60 ? dl : 60;
        int dup = 0;
        for (size_t i = 0; i < o.nparts && !dup; i++)
            if (o.parts[i].kind == TD_PART_BODY &&
                o.parts[i].end - o.parts[i].start >= cmp &&
                !memcmp(o.text.data + o.parts[i].start, meta.description, cmp))
                dup = 1;
        if (!dup) {
            if (head.len)
                td_buf_add(&head, "\n\n", 2);
            hp[nhp].kind = TD_PART_STANDFIRST;
            hp[nhp].start = head.len;
            hx_append_nfc(&head, meta.description, dl);
            hp[nhp].end = head.len;
            hp[nhp++].from = "description";
        }
    }
    /* the byline: metadata first, else what the page showed */
    int body_byline = -1;
    for (size_t i = 0; i < o.nparts; i++)
        if (o.parts[i].kind == TD_PART_BYLINE) {
            body_byline = (int)i;
            break;
        }
    if (meta.byline && *meta.byline) {
        if (head.len)
            td_buf_add(&head, "\n\n", 2);
        hp[nhp].kind = TD_PART_BYLINE;
        hp[nhp].start = head.len;
        hx_append_nfc(&head, meta.byline, strlen(meta.byline));
        hp[nhp].end = head.len;
        hp[nhp++].from = meta.byline_from;
        body_byline = -1;
    }

    td_buf all;
    td_buf_init(&all);
    td_buf_add(&all, head.data ? head.data : "", head.len);
    size_t shift = 0;
    if (head.len && o.text.len) {
        td_buf_add(&all, "\n\n", 2);
    }
    shift = all.len;
    td_buf_add(&all, o.text.data ? o.text.data : "", o.text.len);

    /* the doc was created empty so metadata could use its arena: give it
     * its text now */
    doc->text = td_arena_strndup(&doc->arena, all.data ? all.data : "", all.len);
    doc->len = all.len;
    for (int i = 0; i < nhp; i++)
        td_doc_add_part(doc, hp[i].kind, hp[i].start, hp[i].end, hp[i].from);
    for (size_t i = 0; i < o.nparts; i++) {
        int kind = o.parts[i].kind;
        if (kind == TD_PART_BYLINE && (int)i != body_byline)
            kind = TD_PART_BOILERPLATE;
        td_doc_add_part(doc, kind, o.parts[i].start + shift,
                        o.parts[i].end + shift, o.parts[i].from);
    }
    doc->has_anatomy = 1;
    doc->kind = TD_KIND_HTML;

    td_buf_free(&all);
    td_buf_free(&head);
    td_buf_free(&h1buf);
    td_buf_free(&o.text);
    td_buf_free(&o.para);
    free(o.parts);
    free(x.cls);
    free(x.gone);
    free(x.cand);
    free(x.score);
    hx_dom_free(&dom);
    return doc;
}
