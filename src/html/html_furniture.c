/*
 * html_furniture.c — what surrounds the article, recorded as anatomy parts
 * without touching the body: the lead figure's caption and credit, related
 * story links anywhere on the page, and the boilerplate lines the writer
 * left out of the article (html_write.c hands them to hx_record_boiler).
 *
 * Design notes.  Each of these is written to an hx_pieces (a text of its
 * own plus part offsets into it); td_html_read places the pieces in the
 * document text — lead caption and credit after the headline block,
 * related links and boilerplate after the body — so spans always index
 * the final text and body_text cannot change.  All scans are linear in the
 * page: the DOM is in document order (a parent's index is below its
 * children's, a subtree is a contiguous run of deeper nodes), so inherited
 * facts ("inside a nav", "inside a list") are one pass over a byte array.
 * Caps bound the output of hostile pages: HX_MAX_BOILER, HX_MAX_RELATED.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html_ex.h"

enum { HX_MAX_BOILER = 30, HX_MAX_RELATED = 20, HX_MAX_PIECE = 400 };

/* ---- pieces -------------------------------------------------------------- */

/* Collapses runs of white space in s[0..n) into one space, trimmed. */
static void hx_collapse(const char *s, size_t n, td_buf *out)
{
    int space = 0;
    td_buf_clear(out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = 1;
            continue;
        }
        if (space && out->len)
            td_buf_addc(out, ' ');
        space = 0;
        td_buf_addc(out, (char)c);
    }
}

static int hx_pieces_has(const hx_pieces *p, const char *s, size_t n)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->v[i].end - p->v[i].start == n &&
            !strncasecmp(p->text.data + p->v[i].start, s, n))
            return 1;
    return 0;
}

int hx_pieces_add(hx_pieces *p, int kind, const char *s, size_t n,
                  const char *from)
{
    td_buf c;
    td_buf_init(&c);
    hx_collapse(s, n, &c);
    int added = 0;
    if (c.len && !hx_pieces_has(p, c.data, c.len)) {
        if (p->n == p->cap) {
            size_t cap = p->cap ? p->cap * 2 : 16;
            void *nv = realloc(p->v, cap * sizeof *p->v);
            if (!nv)
                abort();
            p->v = nv;
            p->cap = cap;
        }
        if (p->text.len)
            td_buf_add(&p->text, "\n\n", 2);
        size_t start = p->text.len;
        hx_append_nfc(&p->text, c.data, c.len);
        p->v[p->n].kind = kind;
        p->v[p->n].start = start;
        p->v[p->n].end = p->text.len;
        p->v[p->n].from = from;
        p->n++;
        added = 1;
    }
    td_buf_free(&c);
    return added;
}

void hx_pieces_free(hx_pieces *p)
{
    td_buf_free(&p->text);
    free(p->v);
    p->v = NULL;
    p->n = p->cap = 0;
}

void hx_record_boiler(hx_out *o, const char *s, size_t n)
{
    if (!s || !n || n > 200 || o->drop.n >= HX_MAX_BOILER)
        return;
    hx_pieces_add(&o->drop, TD_PART_BOILERPLATE, s, n, "left out");
}

void hx_record_dropped(hx_out *o, uint32_t n)
{
    hx_ex *x = o->x;
    if (o->drop.n >= HX_MAX_BOILER)
        return;
    /* most dropped blocks are long (comments, promos): count their text
     * bytes before collecting it */
    size_t nn0 = x->dom->nnodes, bytes = 0;
    uint32_t d0 = x->nodes[n].depth;
    for (uint32_t j = n + 1; j < nn0 && x->nodes[j].depth > d0; j++)
        if (x->nodes[j].tag == HT_TEXT && (bytes += x->nodes[j].ntext) > 800)
            return;
    td_buf t;
    td_buf_init(&t);
    hx_inner_text(x->dom, n, &t);
    if (t.len && t.len <= 200) {
        /* a known phrase, or a few words; blocks of links are menus or
         * related stories (hx_related), unless short ("Follow us on X") */
        int words = 0, in = 0, links = 0;
        for (size_t i = 0; i < t.len; i++) {
            int w = t.data[i] != ' ';
            words += w && !in;
            in = w;
        }
        size_t nn = x->dom->nnodes;
        uint32_t d = x->nodes[n].depth;
        for (uint32_t j = n + 1; j < nn && x->nodes[j].depth > d && !links; j++)
            links = x->nodes[j].tag == HT_A;
        int keep = hx_line_kind(x, t.data, t.len) == TD_PART_BOILERPLATE;
        if (links && words > 6)
            keep = 0;
        else if (!keep)
            keep = !links && words <= 10 && x->nodes[n].tag != HT_LI;
        if (keep)
            hx_record_boiler(o, t.data, t.len);
    }
    td_buf_free(&t);
}

/* Whether s[0..n) appears in the article text already (its first 60
 * bytes: enough to say it is the same line). */
static int hx_in_text(const hx_out *o, const char *s, size_t n)
{
    if (!n || !o->text.len)
        return 0;
    size_t k = n < 60 ? n : 60;
    const char *t = o->text.data;
    size_t tl = o->text.len;
    for (size_t i = 0; i + k <= tl; i++) {
        const char *hit = memchr(t + i, s[0], tl - i);
        if (!hit)
            break;
        i = (size_t)(hit - t);
        if (i + k > tl)
            break;
        if (!memcmp(t + i, s, k))
            return 1;
    }
    return 0;
}

/* ---- the lead figure ----------------------------------------------------- */

/* Where a node sits: inherited facts, one pass (see the notes above). */
enum { HP_BAN = 1, HP_TOP = 2, HP_LIST = 4, HP_BOX = 8, HP_FIG = 16 };

static int hx_is_ban_tag(int tag)
{
    return tag == HT_NAV || tag == HT_FOOTER || tag == HT_HEADER ||
           tag == HT_FORM || tag == HT_MENU || tag == HT_SELECT ||
           tag == HT_BUTTON || tag == HT_TEMPLATE;
}

static int hx_class_has(const hx_ex *x, uint32_t n, const char *word)
{
    const char *c = hx_attr_get(x->dom, n, HA_CLASS);
    if (c && strcasestr(c, word))
        return 1;
    c = hx_attr_get(x->dom, n, HA_ID);
    return c && strcasestr(c, word);
}

/* The end (exclusive) of n's subtree. */
static uint32_t hx_subtree_end(const hx_ex *x, uint32_t n)
{
    size_t nn = x->dom->nnodes;
    uint32_t d = x->nodes[n].depth;
    uint32_t j = n + 1;
    while (j < nn && x->nodes[j].depth > d)
        j++;
    return j;
}

/* A credit at the end of a caption: "(Reuters/Jane Doe)", "Photo: Jane
 * Doe", "Getty Images".  Returns where it starts, or n when none. */
static size_t hx_credit_start(const char *s, size_t n)
{
    static const char *const cues[] = {"photo:", "photograph:", "photos:",
                                       "image:", "picture:", "credit:",
                                       "pic:", "foto:", "photo by",
                                       "photograph by", "picture by"};
    static const char *const words[] = {"photo", "image", "picture", "getty",
                                        "reuters", "ap", "afp", "epa",
                                        "credit", "courtesy", "shutterstock"};
    if (n < 4)
        return n;
    /* a bracketed credit at the end */
    if (s[n - 1] == ')') {
        size_t open = n - 1;
        while (open > 0 && s[open] != '(' && n - open < 80)
            open--;
        if (s[open] == '(') {
            int slash = memchr(s + open, '/', n - open) != NULL;
            for (size_t w = 0; !slash && w < sizeof words / sizeof *words; w++) {
                size_t wl = strlen(words[w]);
                if (open + 1 + wl < n && !strncasecmp(s + open + 1, words[w], wl))
                    slash = 1;
            }
            if (slash)
                return open;
        }
    }
    /* a cue in the last 120 bytes, at the start or after a space */
    size_t from = n > 120 ? n - 120 : 0;
    for (size_t i = from; i < n; i++) {
        if (i > 0 && s[i - 1] != ' ')
            continue;
        for (size_t c = 0; c < sizeof cues / sizeof *cues; c++) {
            size_t cl = strlen(cues[c]);
            if (i + cl < n && !strncasecmp(s + i, cues[c], cl))
                return i;
        }
    }
    /* "... | Getty Images", "... Getty Images" as the last words */
    static const char *const tails[] = {"getty images", "afp via getty images",
                                        "shutterstock", "alamy"};
    for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
        size_t tl = strlen(tails[t]);
        if (n >= tl && !strncasecmp(s + n - tl, tails[t], tl)) {
            size_t b = n - tl;
            /* take the words before it back to a sentence or bar break */
            while (b > 0 && s[b - 1] != '.' && s[b - 1] != '|' &&
                   s[b - 1] != '-' && n - b < 60)
                b--;
            while (b < n && (s[b] == ' ' || s[b] == '|' || s[b] == '-'))
                b++;
            return b;
        }
    }
    return n;
}

/* Trims spaces and dangling separators from the end of s[0..*n). */
static void hx_trim_end(const char *s, size_t *n)
{
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '|' || s[*n - 1] == '-' ||
                  s[*n - 1] == '(' || s[*n - 1] == ','))
        (*n)--;
}

/* Finds the lead figure: the first <figure> (or an <img> with a caption
 * element next to it) inside the article before its second paragraph, or
 * just above the article (below the container's parent or grandparent),
 * outside navigation, headers, footers and links.  Returns its node and
 * its caption element (0 when none). */
static uint32_t hx_find_lead(hx_ex *x, uint32_t *capel)
{
    const hx_node *nodes = x->nodes;
    *capel = 0;
    uint32_t top = x->top;
    if (!top || x->whole)
        return 0;
    uint32_t scope = nodes[top].parent;
    if (scope && nodes[scope].parent && nodes[scope].tag != HT_BODY)
        scope = nodes[scope].parent;
    if (!scope)
        return 0;
    uint32_t end = hx_subtree_end(x, scope);
    uint32_t top_end = hx_subtree_end(x, top);
    int paras = 0;
    for (uint32_t i = scope + 1; i < end; i++) {
        const hx_node *nd = &nodes[i];
        if (i >= top && i < top_end && nd->tag == HT_P && nd->chars > 40 &&
            ++paras >= 2)
            return 0;
        if (i >= top_end)
            return 0; /* below the article */
        if (nd->tag != HT_FIGURE && nd->tag != HT_IMG)
            continue;
        /* ancestors up to the scope: no nav, header, footer, link, aside */
        int bad = 0;
        for (uint32_t a = i; a && a != scope && !bad; a = nodes[a].parent)
            if (hx_is_ban_tag(nodes[a].tag) || nodes[a].tag == HT_A ||
                nodes[a].tag == HT_ASIDE ||
                (nodes[a].flags & (HF_HIDDEN | HF_SKIP)))
                bad = 1;
        if (bad)
            continue;
        if (nd->tag == HT_FIGURE) {
            uint32_t fe = hx_subtree_end(x, i);
            int img = 0;
            for (uint32_t j = i + 1; j < fe; j++) {
                int t = nodes[j].tag;
                if (t == HT_IMG || t == HT_PICTURE || t == HT_VIDEO)
                    img = 1;
                if (!*capel && (t == HT_FIGCAPTION ||
                                (t != HT_TEXT && (hx_class(x, j) & HC_CAPTION))))
                    *capel = j;
            }
            if (!img) {
                *capel = 0;
                i = fe - 1;
                continue;
            }
            return i;
        }
        /* an <img> outside a figure: its caption is the next element
         * (of the img, or of its parent when the parent holds only it) */
        uint32_t at = i;
        for (int up = 0; up < 2 && at; up++) {
            uint32_t s = nodes[at].next;
            while (s && nodes[s].tag == HT_TEXT && !nodes[s].chars)
                s = nodes[s].next;
            if (s && nodes[s].tag != HT_TEXT && nodes[s].chars &&
                (hx_class(x, s) & HC_CAPTION)) {
                *capel = s;
                return i;
            }
            at = nodes[at].parent;
            if (at == scope)
                break;
        }
    }
    return 0;
}

void hx_lead_figure(hx_ex *x, const hx_out *o, td_doc *doc, hx_pieces *out)
{
    uint32_t capel;
    uint32_t fig = hx_find_lead(x, &capel);
    if (!fig || !capel)
        return;
    const hx_node *nodes = x->nodes;
    td_buf cap, cred, tmp;
    td_buf_init(&cap);
    td_buf_init(&cred);
    td_buf_init(&tmp);
    hx_inner_text(x->dom, capel, &tmp);
    hx_collapse(tmp.data ? tmp.data : "", tmp.len, &cap);
    /* a credit element in the figure (inside the caption or beside it) */
    uint32_t scope = nodes[fig].tag == HT_FIGURE ? fig : nodes[capel].parent;
    uint32_t end = hx_subtree_end(x, scope);
    for (uint32_t j = scope + 1; j < end; j++) {
        if (nodes[j].tag == HT_TEXT || !nodes[j].chars || j == capel)
            continue;
        if (hx_class_has(x, j, "credit") || hx_class_has(x, j, "copyright")) {
            td_buf_clear(&tmp);
            hx_inner_text(x->dom, j, &tmp);
            hx_collapse(tmp.data ? tmp.data : "", tmp.len, &cred);
            break;
        }
    }
    if (cred.len && cap.len >= cred.len) {
        /* the caption includes the credit: cut it out of the caption */
        const char *c = cap.data;
        for (size_t i = 0; i + cred.len <= cap.len; i++)
            if (!memcmp(c + i, cred.data, cred.len)) {
                memmove(cap.data + i, cap.data + i + cred.len,
                        cap.len - i - cred.len);
                cap.len -= cred.len;
                break;
            }
        hx_collapse(cap.data, cap.len, &tmp);
        td_buf_clear(&cap);
        td_buf_add(&cap, tmp.data ? tmp.data : "", tmp.len);
    } else if (!cred.len && cap.len) {
        size_t cs = hx_credit_start(cap.data, cap.len);
        if (cs < cap.len) {
            td_buf_add(&cred, cap.data + cs, cap.len - cs);
            cap.len = cs;
        }
    }
    size_t cl = cap.len;
    if (cap.data)
        hx_trim_end(cap.data, &cl);
    cap.len = cl;
    if (cap.len > HX_MAX_PIECE)
        cap.len = 0;
    if (cred.len > 200)
        cred.len = 0;
    const char *from = nodes[fig].tag == HT_FIGURE ? "lead figure" : "lead image";
    if (cap.len) {
        td_buf_addc(&cap, 0);
        td_doc_add_meta(doc, "image_caption", cap.data, from);
        cap.len--;
        if (!hx_in_text(o, cap.data, cap.len))
            hx_pieces_add(out, TD_PART_CAPTION, cap.data, cap.len, from);
    }
    if (cred.len) {
        td_buf_addc(&cred, 0);
        td_doc_add_meta(doc, "image_credit", cred.data, from);
        cred.len--;
        if (!hx_in_text(o, cred.data, cred.len))
            hx_pieces_add(out, TD_PART_CREDIT, cred.data, cred.len, from);
    }
    td_buf_free(&cap);
    td_buf_free(&cred);
    td_buf_free(&tmp);
}

/* ---- related links ------------------------------------------------------- */

/* A link text that reads like a headline: several words, not a menu item
 * or a section name, not a sentence-long blurb. */
static int hx_headline_shaped(const char *s, size_t n)
{
    if (n < 20 || n > 200)
        return 0;
    int words = 0, in = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int w = c != ' ';
        if (w && !in)
            words++;
        in = w;
        if (c >= 'a' && c <= 'z')
            lower++;
    }
    if (words < 4 || words > 30 || lower < 8)
        return 0;
    static const char *const not_starts[] = {
        "read more", "see more", "more from", "share ", "follow ", "sign up",
        "subscribe", "view ", "email ", "click ", "download ", "log in",
        "get the ", "get it ", "buy ", "shop ", "watch "};
    if (s[n - 1] == ':')
        return 0;
    for (size_t k = 0; k < sizeof not_starts / sizeof *not_starts; k++)
        if (!strncasecmp(s, not_starts[k], strlen(not_starts[k])))
            return 0;
    return 1;
}

/* The headline-shaped links of [from, end) (in document order), with
 * their texts collected into texts; returns how many links there are. */
typedef struct hx_link {
    uint32_t node;
    size_t start, len; /* in texts */
} hx_link;

static size_t hx_collect_links(hx_ex *x, const uint8_t *pl, uint32_t from,
                               uint32_t end, td_buf *texts, hx_link *links,
                               size_t max, size_t *nlinks, size_t *nitems)
{
    td_buf tmp;
    td_buf_init(&tmp);
    size_t total = 0;
    *nlinks = 0;
    *nitems = 0;
    for (uint32_t j = from; j < end; j++) {
        int t = x->nodes[j].tag;
        if (t == HT_LI && x->nodes[j].parent == from - 1)
            (*nitems)++;
        if (t != HT_A || (pl[j] & HP_BAN))
            continue;
        total++;
        td_buf_clear(&tmp);
        hx_inner_text(x->dom, j, &tmp);
        if (!hx_headline_shaped(tmp.data ? tmp.data : "", tmp.len) ||
            hx_line_kind(x, tmp.data, tmp.len) != TD_PART_BODY)
            continue;
        if (*nlinks < max) {
            links[*nlinks].node = j;
            links[*nlinks].start = texts->len;
            links[*nlinks].len = tmp.len;
            td_buf_add(texts, tmp.data, tmp.len);
            (*nlinks)++;
        }
    }
    td_buf_free(&tmp);
    return total;
}

static void hx_add_links(hx_ex *x, const hx_out *o, hx_pieces *out, td_buf *urls,
                         const td_buf *texts, const hx_link *links, size_t n,
                         size_t *tries)
{
    for (size_t k = 0; k < n && out->n < HX_MAX_RELATED; k++) {
        const char *s = texts->data + links[k].start;
        /* each try scans the article text: bounded, or a page of links
         * all repeated in the article would be quadratic */
        if (++*tries > 10 * HX_MAX_RELATED)
            return;
        if (hx_in_text(o, s, links[k].len))
            continue;
        if (!hx_pieces_add(out, TD_PART_RELATED, s, links[k].len, "related list"))
            continue;
        const char *href = hx_attr_get(x->dom, links[k].node, HA_HREF);
        if (href && *href && strlen(href) < 2048) {
            if (urls->len)
                td_buf_addc(urls, '\n');
            for (const char *p = href; *p; p++)
                td_buf_addc(urls, *p == '\n' || *p == '\r' ? ' ' : *p);
        }
    }
}

/* A box whose class or id names related stories. */
static int hx_related_box(hx_ex *x, uint32_t n)
{
    const char *c = hx_attr_get(x->dom, n, HA_CLASS);
    const char *id = hx_attr_get(x->dom, n, HA_ID);
    if (!c && !id)
        return 0;
    /* cheap first: the class words of html_hints.txt (related, popular,
     * trending, recommended are negative there), or "more"/"read" */
    if (!(hx_class(x, n) & (HC_NEG | HC_UNLIKELY)) &&
        !(c && (strcasestr(c, "more") || strcasestr(c, "read"))) &&
        !(id && (strcasestr(id, "more") || strcasestr(id, "read"))))
        return 0;
    static const char *const words[] = {"related", "recommend", "more-from",
                                        "morefrom", "more_from", "read-more",
                                        "readmore", "most-read", "mostread",
                                        "most_read", "popular", "read-next",
                                        "trending", "more-stories",
                                        "morestories", "also-read"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        if (hx_class_has(x, n, words[w]))
            return 1;
    return 0;
}

void hx_related(hx_ex *x, const hx_out *o, hx_pieces *out, td_buf *urls)
{
    const hx_node *nodes = x->nodes;
    size_t nn = x->dom->nnodes;
    if (nn < 2)
        return;
    uint8_t *pl = calloc(nn, 1);
    if (!pl)
        abort();
    td_buf texts;
    td_buf_init(&texts);
    hx_link links[HX_MAX_RELATED];
    size_t tries = 0;
    if (x->top)
        pl[x->top] = HP_TOP;
    for (uint32_t i = 1; i < nn && out->n < HX_MAX_RELATED; i++) {
        const hx_node *nd = &nodes[i];
        uint32_t par = nd->parent;
        uint8_t f = par < i ? pl[par] : HP_BAN;
        if (i == x->top || x->whole)
            f |= HP_TOP;
        if (hx_is_ban_tag(nd->tag) || (nd->flags & (HF_HIDDEN | HF_SKIP)))
            f |= HP_BAN;
        pl[i] = f;
        /* inside the article too: what it left out (links it kept are
         * filtered by hx_add_links) */
        if (f & (HP_BAN | HP_LIST) || nd->tag == HT_TEXT)
            continue;
        int list = nd->tag == HT_UL || nd->tag == HT_OL;
        int box = !(f & HP_BOX) &&
                  (nd->tag == HT_ASIDE || nd->tag == HT_SECTION ||
                   nd->tag == HT_DIV) &&
                  (nd->tag == HT_ASIDE || hx_related_box(x, i));
        if (!list && !box)
            continue;
        uint32_t end = hx_subtree_end(x, i);
        if (x->top > i && x->top < end)
            continue; /* holds the article: look inside instead */
        /* mark the subtree so inner lists and boxes are not taken again;
         * bans inside it are still computed by the pass (skipped below) */
        for (uint32_t j = i + 1; j < end; j++) {
            uint32_t pj = nodes[j].parent;
            uint8_t g = pj < j ? pl[pj] : HP_BAN;
            if (hx_is_ban_tag(nodes[j].tag) ||
                (nodes[j].flags & (HF_HIDDEN | HF_SKIP)))
                g |= HP_BAN;
            if (j == x->top)
                g |= HP_TOP;
            pl[j] = g | HP_LIST;
        }
        td_buf_clear(&texts);
        size_t nlinks, nitems;
        size_t total = hx_collect_links(x, pl, i + 1, end, &texts, links,
                                        HX_MAX_RELATED, &nlinks, &nitems);
        int ok;
        if (list)
            ok = nlinks >= 2 && nlinks * 10 >= (nitems ? nitems : total) * 6;
        else
            ok = nlinks >= 1 && nlinks * 10 >= total * 4;
        if (ok)
            hx_add_links(x, o, out, urls, &texts, links, nlinks, &tries);
        i = end - 1;
    }
    td_buf_free(&texts);
    free(pl);
}
