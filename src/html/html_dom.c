/*
 * html_dom.c — HTML bytes to a compact DOM (see html.h).
 *
 * libxml2's HTML parser does the hard part (tag soup recovery, implied
 * end tags, entities) and reports SAX events; we keep a flat array of
 * nodes linked by index, the text of text nodes in one buffer and only
 * the attributes extraction reads.  Subtrees that never hold article text
 * (script, style, svg, template...) are dropped as they stream by, except
 * JSON-LD scripts whose text is kept for the metadata reader.
 *
 * Encoding is decided before parsing, in this order: byte order mark, the
 * caller's charset (HTTP header), <meta charset> / http-equiv in the first
 * 4 KB, else UTF-8.  Bytes that are valid UTF-8 with non-ASCII characters
 * are read as UTF-8 whatever a single-byte label says (mislabelled pages
 * are common); invalid UTF-8 falls back to Windows-1252; other labels (and
 * UTF-16) are converted with iconv (both through reader.c's converters).  The
 * document's own encoding hints are then ignored (HTML_PARSE_IGNORE_ENC)
 * so the parser never switches half-way.
 */
#include "html/html.h"

#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include <errno.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <utf8proc.h>

#include "stages.h"

/* ---- tags -------------------------------------------------------------- */

static const char *const hx_tag_names[HT_COUNT] = {
    [HT_A] = "a", [HT_ABBR] = "abbr", [HT_ADDRESS] = "address",
    [HT_ARTICLE] = "article", [HT_ASIDE] = "aside", [HT_AUDIO] = "audio",
    [HT_B] = "b", [HT_BLOCKQUOTE] = "blockquote", [HT_BODY] = "body",
    [HT_BR] = "br", [HT_BUTTON] = "button", [HT_CANVAS] = "canvas",
    [HT_CENTER] = "center", [HT_CITE] = "cite", [HT_CODE] = "code",
    [HT_DD] = "dd", [HT_DETAILS] = "details", [HT_DIALOG] = "dialog",
    [HT_DIV] = "div", [HT_DL] = "dl", [HT_DT] = "dt", [HT_EM] = "em",
    [HT_EMBED] = "embed", [HT_FIELDSET] = "fieldset",
    [HT_FIGCAPTION] = "figcaption", [HT_FIGURE] = "figure",
    [HT_FONT] = "font", [HT_FOOTER] = "footer", [HT_FORM] = "form",
    [HT_H1] = "h1", [HT_H2] = "h2", [HT_H3] = "h3", [HT_H4] = "h4",
    [HT_H5] = "h5", [HT_H6] = "h6", [HT_HEAD] = "head",
    [HT_HEADER] = "header", [HT_HR] = "hr", [HT_HTML] = "html",
    [HT_I] = "i", [HT_IFRAME] = "iframe", [HT_IMG] = "img",
    [HT_INPUT] = "input", [HT_LABEL] = "label", [HT_LI] = "li",
    [HT_LINK] = "link", [HT_MAIN] = "main", [HT_MATH] = "math",
    [HT_MENU] = "menu", [HT_META] = "meta", [HT_NAV] = "nav",
    [HT_NOSCRIPT] = "noscript", [HT_OBJECT] = "object", [HT_OL] = "ol",
    [HT_OPTION] = "option", [HT_P] = "p", [HT_PICTURE] = "picture",
    [HT_PRE] = "pre", [HT_Q] = "q", [HT_S] = "s", [HT_SCRIPT] = "script",
    [HT_SECTION] = "section", [HT_SELECT] = "select", [HT_SMALL] = "small",
    [HT_SOURCE] = "source", [HT_SPAN] = "span", [HT_STRONG] = "strong",
    [HT_STYLE] = "style", [HT_SUB] = "sub", [HT_SUMMARY] = "summary",
    [HT_SUP] = "sup", [HT_SVG] = "svg", [HT_TABLE] = "table",
    [HT_TBODY] = "tbody", [HT_TD] = "td", [HT_TEMPLATE] = "template",
    [HT_TEXTAREA] = "textarea", [HT_TFOOT] = "tfoot", [HT_TH] = "th",
    [HT_THEAD] = "thead", [HT_TIME] = "time", [HT_TITLE] = "title",
    [HT_TR] = "tr", [HT_U] = "u", [HT_UL] = "ul", [HT_VIDEO] = "video",
};

static int hx_tag_lookup(const char *name)
{
    /* the table is in alphabetical order from HT_A on: binary search */
    int lo = HT_A, hi = HT_COUNT - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(name, hx_tag_names[mid]);
        if (!c)
            return mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return HT_OTHER;
}

int hx_tag_is_block(int tag)
{
    switch (tag) {
    case HT_ADDRESS: case HT_ARTICLE: case HT_ASIDE: case HT_BLOCKQUOTE:
    case HT_BODY: case HT_CENTER: case HT_DD: case HT_DETAILS:
    case HT_DIALOG: case HT_DIV: case HT_DL: case HT_DT: case HT_FIELDSET:
    case HT_FIGCAPTION: case HT_FIGURE: case HT_FOOTER: case HT_FORM:
    case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5: case HT_H6:
    case HT_HEADER: case HT_HR: case HT_HTML: case HT_LI: case HT_MAIN:
    case HT_MENU: case HT_NAV: case HT_OL: case HT_P: case HT_PRE:
    case HT_SECTION: case HT_SUMMARY: case HT_TABLE: case HT_TBODY:
    case HT_TD: case HT_TFOOT: case HT_TH: case HT_THEAD: case HT_TR:
    case HT_UL: case HT_ROOT:
        return 1;
    default:
        return 0;
    }
}

/* Subtrees that never carry article text. */
static int hx_tag_is_skipped(int tag)
{
    switch (tag) {
    case HT_SCRIPT: case HT_STYLE: case HT_SVG: case HT_MATH:
    case HT_TEMPLATE: case HT_NOSCRIPT: case HT_IFRAME: case HT_SELECT:
    case HT_TEXTAREA: case HT_OBJECT: case HT_CANVAS: case HT_BUTTON:
    case HT_OPTION: case HT_EMBED: case HT_AUDIO: case HT_VIDEO:
    case HT_HEAD:
        return 1;
    default:
        return 0;
    }
}

static const char *const hx_attr_names[HA_COUNT] = {
    "class", "id", "itemprop", "itemtype", "rel", "href", "name",
    "property", "content", "datetime", "lang", "type", "role", "charset",
    "http-equiv",
};

/* ---- building ---------------------------------------------------------- */

/* Limits against hostile pages: nodes, nesting, attribute value size. */
#define HX_MAX_NODES (4u << 20)
#define HX_MAX_DEPTH 1024
#define HX_MAX_ATTR 4096

typedef struct hx_builder {
    hx_dom *dom;
    uint32_t cur;     /* the open element */
    uint32_t skip;    /* >0: depth inside a dropped subtree */
    uint32_t ldjson;  /* the open JSON-LD script node, or 0 */
    uint32_t in_link; /* depth of open <a> elements */
    uint32_t in_head;
    uint32_t overflow; /* elements past HX_MAX_DEPTH, folded into cur */
} hx_builder;

static uint32_t hx_new_node(hx_dom *dom, uint32_t parent, int tag)
{
    if (dom->nnodes >= HX_MAX_NODES)
        return 0;
    if (dom->nnodes == dom->cap) {
        size_t cap = dom->cap ? dom->cap * 2 : 1024;
        hx_node *nn = realloc(dom->nodes, cap * sizeof *nn);
        if (!nn)
            abort();
        dom->nodes = nn;
        dom->cap = cap;
    }
    uint32_t id = (uint32_t)dom->nnodes++;
    hx_node *n = &dom->nodes[id];
    memset(n, 0, sizeof *n);
    n->tag = (uint16_t)tag;
    if (id == 0)
        return 0;
    hx_node *p = &dom->nodes[parent];
    n->parent = parent;
    n->depth = p->depth + 1;
    if (p->last) {
        dom->nodes[p->last].next = id;
        n->prev = p->last;
    } else {
        p->first = id;
    }
    p->last = id;
    return id;
}

static hx_attr *hx_attr_push(hx_dom *dom)
{
    if (dom->nattrs == dom->attrs_cap) {
        size_t cap = dom->attrs_cap ? dom->attrs_cap * 2 : 256;
        hx_attr *na = realloc(dom->attrs, cap * sizeof *na);
        if (!na)
            abort();
        dom->attrs = na;
        dom->attrs_cap = cap;
    }
    return &dom->attrs[dom->nattrs++];
}

static size_t hx_str_add(hx_dom *dom, const char *s, size_t n)
{
    size_t off = dom->strs.len;
    td_buf_add(&dom->strs, s, n);
    td_buf_addc(&dom->strs, 0);
    return off;
}

static int hx_ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return !*a && !*b;
}

/* Whether a style attribute hides the element. */
static int hx_style_hides(const char *s)
{
    for (; *s; s++) {
        if ((*s == 'd' || *s == 'D') && !strncasecmp(s, "display", 7)) {
            const char *t = s + 7;
            while (*t == ' ' || *t == ':')
                t++;
            if (!strncasecmp(t, "none", 4))
                return 1;
        } else if ((*s == 'v' || *s == 'V') && !strncasecmp(s, "visibility", 10)) {
            const char *t = s + 10;
            while (*t == ' ' || *t == ':')
                t++;
            if (!strncasecmp(t, "hidden", 6))
                return 1;
        }
    }
    return 0;
}

static void hx_sax_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
    xmlParserCtxtPtr pc = ctx;
    hx_builder *b = pc->_private;
    hx_dom *dom = b->dom;
    const char *name = (const char *)xname;
    if (b->skip) {
        b->skip++;
        return;
    }
    int tag = hx_tag_lookup(name);
    if (tag == HT_HTML && b->cur != 0)
        tag = HT_OTHER;
    if (dom->nodes[b->cur].depth >= HX_MAX_DEPTH) {
        b->overflow++;
        return;
    }
    uint32_t id = hx_new_node(dom, b->cur, tag);
    if (!id) {
        b->overflow++; /* past the node limit: the rest is dropped */
        return;
    }
    hx_node *n = &dom->nodes[id];
    n->attr = (uint32_t)dom->nattrs;
    int hidden = 0;
    const char *type = NULL;
    for (size_t i = 0; atts && atts[i]; i += 2) {
        const char *an = (const char *)atts[i];
        const char *av = (const char *)atts[i + 1];
        if (!strcmp(an, "hidden")) {
            hidden = 1;
            continue;
        }
        if (!av)
            continue;
        if (!strcmp(an, "style")) {
            if (hx_style_hides(av))
                hidden = 1;
            continue;
        }
        if (!strcmp(an, "aria-hidden")) {
            if (!strcmp(av, "true"))
                hidden = 2;
            continue;
        }
        int k = -1;
        for (int j = 0; j < HA_COUNT; j++)
            if (an[0] == hx_attr_names[j][0] && !strcmp(an, hx_attr_names[j])) {
                k = j;
                break;
            }
        if (k < 0)
            continue;
        size_t vl = strlen(av);
        if (vl > HX_MAX_ATTR)
            vl = HX_MAX_ATTR;
        if (k == HA_TYPE)
            type = av;
        size_t off = hx_str_add(dom, av, vl);
        hx_attr *a = hx_attr_push(dom);
        a->key = (uint32_t)k;
        a->value = (const char *)(uintptr_t)off; /* fixed up after parsing */
    }
    n = &dom->nodes[id];
    n->nattr = (uint32_t)(dom->nattrs - n->attr);
    /* aria-hidden alone is too often put on visible decoration to drop
     * text for it; keep it as a hint only on skipped kinds */
    if (hidden == 1)
        n->flags |= HF_HIDDEN;
    b->cur = id;
    if (tag == HT_A)
        b->in_link++;
    if (tag == HT_HEAD)
        b->in_head++;
    if (tag == HT_SCRIPT && type && hx_ascii_ieq(type, "application/ld+json")) {
        n->flags |= HF_LDJSON | HF_SKIP;
        n->text = (uint32_t)dom->text.len;
        b->ldjson = id;
        return;
    }
    if (tag == HT_TITLE || tag == HT_META || tag == HT_LINK)
        return; /* kept even in <head> */
    if (hx_tag_is_skipped(tag) && tag != HT_HEAD) {
        n->flags |= HF_SKIP;
        b->skip = 1;
    }
}

static void hx_sax_end(void *ctx, const xmlChar *xname)
{
    xmlParserCtxtPtr pc = ctx;
    hx_builder *b = pc->_private;
    hx_dom *dom = b->dom;
    (void)xname;
    if (b->skip > 1) {
        b->skip--;
        return;
    }
    if (b->overflow) {
        b->overflow--;
        return;
    }
    if (b->cur == 0)
        return;
    hx_node *n = &dom->nodes[b->cur];
    b->skip = 0;
    if (n->tag == HT_A && b->in_link)
        b->in_link--;
    if (n->tag == HT_HEAD && b->in_head)
        b->in_head--;
    if (b->ldjson == b->cur) {
        n->ntext = (uint32_t)(dom->text.len - n->text);
        b->ldjson = 0;
    }
    b->cur = n->parent;
}

static void hx_sax_chars(void *ctx, const xmlChar *s, int len)
{
    xmlParserCtxtPtr pc = ctx;
    hx_builder *b = pc->_private;
    hx_dom *dom = b->dom;
    if (len <= 0)
        return;
    if (b->ldjson) {
        if (dom->text.len + (size_t)len < UINT32_MAX / 2)
            td_buf_add(&dom->text, s, (size_t)len);
        return;
    }
    if (b->skip)
        return;
    hx_node *cur = &dom->nodes[b->cur];
    if (cur->tag == HT_HTML || (b->in_head && cur->tag != HT_TITLE))
        return;
    if (dom->text.len + (size_t)len >= UINT32_MAX / 2)
        return;
    uint32_t last = cur->last;
    if (last && dom->nodes[last].tag == HT_TEXT &&
        dom->nodes[last].text + dom->nodes[last].ntext == dom->text.len) {
        td_buf_add(&dom->text, s, (size_t)len);
        dom->nodes[last].ntext += (uint32_t)len;
        return;
    }
    uint32_t id = hx_new_node(dom, b->cur, HT_TEXT);
    if (!id)
        return;
    hx_node *n = &dom->nodes[id];
    n->text = (uint32_t)dom->text.len;
    n->ntext = (uint32_t)len;
    if (b->in_link)
        n->flags |= HF_INLINK;
    td_buf_add(&dom->text, s, (size_t)len);
}

/* ---- encoding ---------------------------------------------------------- */

/* Length of the valid UTF-8 prefix is len: returns 1 when all of s is
 * valid UTF-8, and sets *nonascii when a multi-byte character occurs. */
static int hx_utf8_valid(const unsigned char *s, size_t len, int *nonascii)
{
    size_t i = 0;
    *nonascii = 0;
    while (i < len) {
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        *nonascii = 1;
        size_t n;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF)
            n = 1, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3, min = 0x10000;
        else
            return 0;
        if (i + n >= len)
            return 0;
        unsigned cp = c & (0x3F >> n);
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n + 1;
    }
    return 1;
}

/* Finds a charset label in the first bytes of a page: <meta charset=X> or
 * content="text/html; charset=X".  Writes it lower-cased to out. */
static int hx_sniff_charset(const char *s, size_t len, char *out, size_t outlen)
{
    if (len > 4096)
        len = 4096;
    for (size_t i = 0; i + 7 < len; i++) {
        if ((s[i] | 0x20) != 'c' || strncasecmp(s + i, "charset", 7))
            continue;
        size_t j = i + 7;
        while (j < len && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j >= len || s[j] != '=')
            continue;
        j++;
        while (j < len && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
            j++;
        size_t k = 0;
        while (j < len && k + 1 < outlen &&
               (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_' ||
                s[j] == ':' || s[j] == '.'))
            out[k++] = (char)tolower((unsigned char)s[j++]);
        out[k] = 0;
        if (k)
            return 1;
    }
    return 0;
}

/* ---- stripping ---------------------------------------------------------- */

/* Finds "</name" (any case) in s[from..n); returns its offset or n. */
static size_t hx_find_close(const char *s, size_t n, size_t from,
                            const char *name, size_t nl)
{
    size_t i = from;
    while (i + 2 + nl <= n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            return n;
        i = (size_t)(lt - s);
        if (i + 2 + nl <= n && s[i + 1] == '/' && !strncasecmp(s + i + 2, name, nl))
            return i;
        i++;
    }
    return n;
}

/* Copies the page without what the parser would only skip: comments and
 * the contents of script (except JSON-LD), style, svg and noscript
 * elements, whose start and end tags are kept.  On news pages these are
 * about two thirds of the bytes, and libxml2 reads them a character at a
 * time; a memchr pass here is far cheaper. */
static void hx_strip(const char *s, size_t n, td_buf *out)
{
    static const struct { const char *name; size_t len; } skip[] = {
        {"script", 6}, {"style", 5}, {"svg", 3}, {"noscript", 8},
    };
    td_buf_reserve(out, n / 2 + 16);
    size_t i = 0, last = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) {
            size_t end = n;
            for (size_t j = i + 4; j + 3 <= n; j++) {
                const char *d = memchr(s + j, '-', n - j);
                if (!d)
                    break;
                j = (size_t)(d - s);
                if (j + 3 <= n && d[1] == '-' && d[2] == '>') {
                    end = j + 3;
                    break;
                }
            }
            td_buf_add(out, s + last, i - last);
            last = i = end;
            continue;
        }
        int which = -1;
        for (int k = 0; k < 4; k++) {
            size_t nl = skip[k].len;
            if (i + 1 + nl < n && !strncasecmp(s + i + 1, skip[k].name, nl)) {
                char c = s[i + 1 + nl];
                if (c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                    c == '/') {
                    which = k;
                    break;
                }
            }
        }
        if (which < 0) {
            i++;
            continue;
        }
        const char *gt = memchr(s + i, '>', n - i);
        if (!gt)
            break;
        size_t open_end = (size_t)(gt - s) + 1;
        if (which == 0) {
            /* keep JSON-LD scripts whole */
            int ld = 0;
            for (size_t j = i; j + 7 <= open_end && !ld; j++)
                ld = (s[j] == 'l' || s[j] == 'L') && !strncasecmp(s + j, "ld+json", 7);
            if (ld) {
                i = open_end;
                continue;
            }
        }
        if (gt[-1] == '/') { /* <svg ... /> */
            i = open_end;
            continue;
        }
        size_t close = hx_find_close(s, n, open_end, skip[which].name, skip[which].len);
        td_buf_add(out, s + last, open_end - last);
        last = i = close;
        if (close == n)
            break;
    }
    if (last < n)
        td_buf_add(out, s + last, n - last);
}

/* ---- parsing ----------------------------------------------------------- */

int hx_dom_parse(hx_dom *dom, const char *bytes, size_t len,
                 const char *charset, char *err, size_t errlen)
{
    memset(dom, 0, sizeof *dom);
    td_buf_init(&dom->text);
    td_buf_init(&dom->strs);
    if (len > TD_MAX_DOC_BYTES) {
        td_errorf(err, errlen, "page of %zu bytes is over the limit", len);
        return -1;
    }
    hx_new_node(dom, 0, HT_ROOT);

    const unsigned char *u = (const unsigned char *)bytes;
    char label[48] = "";
    td_buf conv;
    td_buf_init(&conv);
    const char *in = bytes;
    size_t inlen = len;
    dom->charset = "utf-8";
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        in += 3, inlen -= 3;
    } else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        int le = u[0] == 0xFF;
        td_from_charset(le ? "UTF-16LE" : "UTF-16BE", bytes + 2, len - 2, &conv);
        in = conv.data, inlen = conv.len;
        dom->charset = le ? "utf-16le" : "utf-16be";
    } else {
        if (charset && *charset) {
            size_t k = 0;
            for (; charset[k] && k + 1 < sizeof label; k++)
                label[k] = (char)tolower((unsigned char)charset[k]);
            label[k] = 0;
        } else {
            hx_sniff_charset(bytes, len, label, sizeof label);
        }
        int nonascii = 0;
        int valid = hx_utf8_valid(u, len, &nonascii);
        if (valid && (nonascii || !*label || td_charset_is_utf8(label) ||
                      td_charset_is_latin1(label) || !strncmp(label, "utf-16", 6))) {
            /* UTF-8 (or plain ASCII) */
        } else if (!*label || td_charset_is_utf8(label) || td_charset_is_latin1(label) ||
                   !strncmp(label, "utf-16", 6) ||
                   td_from_charset(label, bytes, len, &conv) < 0) {
            td_buf_clear(&conv);
            td_from_cp1252(bytes, len, &conv);
            in = conv.data, inlen = conv.len;
            dom->charset = "windows-1252";
        } else {
            in = conv.data, inlen = conv.len;
            dom->charset = "other";
        }
    }
    if (inlen > INT32_MAX) {
        td_buf_free(&conv);
        td_errorf(err, errlen, "page too large");
        return -1;
    }
    if (!inlen || !in) {
        td_buf_free(&conv);
        td_buf_addc(&dom->text, 0), dom->text.len = 0;
        return 0;
    }

    td_buf stripped;
    td_buf_init(&stripped);
    hx_strip(in, inlen, &stripped);
    td_buf_free(&conv);
    conv = stripped;
    in = conv.data ? conv.data : "";
    inlen = conv.len;
    if (!inlen) {
        td_buf_free(&conv);
        td_buf_addc(&dom->text, 0), dom->text.len = 0;
        return 0;
    }

    htmlParserCtxtPtr pc = htmlCreateMemoryParserCtxt(in, (int)inlen);
    if (!pc) {
        td_buf_free(&conv);
        td_errorf(err, errlen, "cannot create the HTML parser");
        return -1;
    }
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = hx_sax_start;
    sax.endElement = hx_sax_end;
    sax.characters = hx_sax_chars;
    sax.ignorableWhitespace = hx_sax_chars;
    sax.cdataBlock = hx_sax_chars;
    hx_builder b = {.dom = dom};
    htmlSAXHandlerPtr old = (htmlSAXHandlerPtr)pc->sax;
    pc->sax = &sax;
    pc->userData = pc;
    pc->_private = &b;
    htmlCtxtUseOptions(pc, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                               HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED);
    xmlSwitchEncoding(pc, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(pc);
    pc->sax = old;
    htmlFreeParserCtxt(pc);
    td_buf_free(&conv);

    /* attribute values were stored as offsets while strs could move */
    for (size_t i = 0; i < dom->nattrs; i++)
        dom->attrs[i].value = dom->strs.data + (uintptr_t)dom->attrs[i].value;
    if (!dom->text.data)
        td_buf_addc(&dom->text, 0), dom->text.len = 0;
    return 0;
}

void hx_dom_free(hx_dom *dom)
{
    free(dom->nodes);
    free(dom->attrs);
    td_buf_free(&dom->text);
    td_buf_free(&dom->strs);
    memset(dom, 0, sizeof *dom);
}

const char *hx_attr_get(const hx_dom *dom, uint32_t n, hx_attr_key key)
{
    const hx_node *nd = &dom->nodes[n];
    for (uint32_t i = 0; i < nd->nattr; i++)
        if (dom->attrs[nd->attr + i].key == (uint32_t)key)
            return dom->attrs[nd->attr + i].value;
    return NULL;
}

/* ---- text -------------------------------------------------------------- */

void hx_append_nfc(td_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    if (i == n) {
        td_buf_add(out, s, n);
        return;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)n, &m,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r >= 0) {
        td_buf_add(out, m, (size_t)r);
    } else {
        /* not valid UTF-8 after all: keep the ASCII bytes */
        for (size_t k = 0; k < n; k++)
            if ((unsigned char)s[k] < 0x80)
                td_buf_addc(out, s[k]);
    }
    free(m);
}

void hx_inner_text(const hx_dom *dom, uint32_t root, td_buf *out)
{
    const hx_node *nodes = dom->nodes;
    int space = 1; /* at start: drop leading space */
    size_t start = out->len;
    uint32_t n = root;
    if (!nodes[root].first && nodes[root].tag != HT_TEXT)
        return;
    for (;;) {
        const hx_node *nd = &nodes[n];
        int descend = !(nd->flags & (HF_HIDDEN | HF_SKIP));
        if (descend && nd->tag == HT_TEXT) {
            const unsigned char *t = (const unsigned char *)dom->text.data + nd->text;
            for (uint32_t i = 0; i < nd->ntext; i++) {
                unsigned c = t[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    space = 1;
                } else if (c == 0xC2 && i + 1 < nd->ntext && t[i + 1] == 0xA0) {
                    space = 1;
                    i++;
                } else {
                    if (space && out->len > start)
                        td_buf_addc(out, ' ');
                    space = 0;
                    td_buf_addc(out, (char)c);
                }
            }
        } else if (descend && (hx_tag_is_block(nd->tag) || nd->tag == HT_BR)) {
            space = 1;
        }
        if (descend && nd->first) {
            n = nd->first;
            continue;
        }
        while (n != root && !nodes[n].next) {
            n = nodes[n].parent;
            if (hx_tag_is_block(nodes[n].tag))
                space = 1;
        }
        if (n == root)
            break;
        n = nodes[n].next;
    }
}
