/*
 * html_write.c — writes the chosen container as the document's text:
 * each block a paragraph, spaces collapsed, NFC; blocks and lines that are
 * page furniture are left out or labelled (captions, credits, datelines,
 * related links, standfirst, byline, boilerplate phrases from
 * data/dict/html_boilerplate.txt), and sibling blocks that read like the
 * article joined to it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html_ex.h"


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

/* "By Jane Doe and John Roe, Staff Writers": "By" and two capitalized
 * words, on a short line ("By Monday, the council..." is a sentence). */
static int hx_looks_like_byline(const char *s, size_t n)
{
    if (n > 150 || n < 6 || (strncmp(s, "By ", 3) && strncmp(s, "BY ", 3)))
        return 0;
    size_t i = 3;
    for (int w = 0; w < 2; w++) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n || !((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0xC3))
            return 0;
        while (i < n && s[i] != ' ' && s[i] != ',')
            i++;
        if (w == 0 && i < n && s[i] == ',')
            return 0;
    }
    return 1;
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

/* What data/dict/html_boilerplate.txt says of a line: TD_PART_BOILERPLATE
 * (the whole line is a known phrase, or opens with a "*" phrase),
 * TD_PART_CREDIT (opens with a "credit" phrase: "Reporting by"), else
 * TD_PART_BODY. */
int hx_line_kind(hx_ex *x, const char *s, size_t n)
{
    if (!x->boiler || n > 400)
        return TD_PART_BODY;
    /* the whole paragraph, or its start up to a space or colon, lower-cased */
    char low[401] = {0};
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
    if (n < 250 && td_dict_get(x->boiler, low, k))
        return TD_PART_BOILERPLATE;
    size_t maxk = td_dict_max_key(x->boiler);
    for (size_t j = 3; j <= k && j <= maxk; j++) {
        if (j < k && low[j] != ' ' && low[j] != ':')
            continue;
        const char *v = td_dict_get(x->boiler, low, j);
        if (!v)
            continue;
        if (*v == '*' && n < 250)
            return TD_PART_BOILERPLATE;
        if (!strcmp(v, "credit"))
            return TD_PART_CREDIT;
    }
    return TD_PART_BODY;
}

static void hx_flush(hx_out *o)
{
    hx_ex *x = o->x;
    td_buf *p = &o->para;
    if (p->len) {
        int kind = o->kind;
        const char *from = o->from;
        if (kind == TD_PART_BODY) {
            int line = hx_line_kind(x, p->data, p->len);
            if (line != TD_PART_BODY) {
                kind = line;
                from = "phrase";
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
            } else if (hx_looks_like_byline(p->data, p->len)) {
                kind = TD_PART_BYLINE;
                from = "by-line";
            }
        }
        if (kind != TD_PART_BOILERPLATE)
            hx_out_add(o, kind, p->data, p->len, from);
        else
            hx_record_boiler(o, p->data, p->len);
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

/* Node n's text, whole, as one part of the given kind (found by class). */
static void hx_add_inner_text(const hx_ex *x, hx_out *o, uint32_t n, td_part_kind kind)
{
    td_buf tmp;
    td_buf_init(&tmp);
    hx_inner_text(x->dom, n, &tmp);
    if (tmp.len)
        hx_out_add(o, kind, tmp.data, tmp.len, "class");
    td_buf_free(&tmp);
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
        /* a short piece of furniture (share bar, advertisement label) is
         * recorded; menus, lists of links and footers are not */
        if (nd->tag != HT_NAV && nd->tag != HT_FOOTER && nd->tag != HT_HEADER &&
            nd->tag != HT_UL && nd->tag != HT_OL && nd->tag != HT_MENU &&
            nd->tag != HT_FORM && nd->tag != HT_ASIDE &&
            !(nd->flags & (HF_HIDDEN | HF_SKIP)) &&
            !(x->gone[n] && n != x->top && x->gone[nd->parent]))
            hx_record_dropped(o, n);
        if (hx_tag_is_block(nd->tag))
            hx_flush(o);
        else
            o->space = 1;
        return;
    }
    if (nd->tag == HT_BR) {
        /* one <br> breaks the line, two end the paragraph */
        if (o->para.len && o->para.data[o->para.len - 1] == '\n')
            hx_flush(o);
        else if (o->para.len)
            td_buf_addc(&o->para, '\n');
        o->space = 0;
        return;
    }
    if (!hx_tag_is_block(nd->tag) && nd->tag != HT_FIGCAPTION) {
        /* an inline caption or credit: <span class="image-caption"> */
        if (nd->tag != HT_A && nd->chars && nd->chars < 300 &&
            (hx_class(x, n) & HC_CAPTION)) {
            hx_flush(o);
            hx_add_inner_text(x, o, n, TD_PART_CAPTION);
            *descend = 0;
        }
        return;
    }
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
        hx_add_inner_text(x, o, n, TD_PART_STANDFIRST);
    } else if ((hx_class(x, n) & HC_BYLINE) && nd->chars < 100 &&
               o->kind == TD_PART_BODY) {
        o->kind = TD_PART_BYLINE;
        o->from = "byline-class";
        *descend = 0;
        hx_add_inner_text(x, o, n, TD_PART_BYLINE);
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
void hx_walk(hx_out *o, uint32_t root)
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

void hx_write_article(hx_ex *x, hx_out *o)
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

void hx_out_reset(hx_out *o)
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
    td_buf_clear(&o->drop.text);
    o->drop.n = 0;
}

void hx_out_free(hx_out *o)
{
    td_buf_free(&o->text);
    td_buf_free(&o->para);
    free(o->parts);
    o->parts = NULL;
    o->nparts = o->cap = 0;
    hx_pieces_free(&o->drop);
}
