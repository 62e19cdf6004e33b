/*
 * html.h — the HTML reader's internal interface (src/html/).
 *
 * The reader works in three steps, one file each:
 *   html_dom.c      bytes → a compact DOM.  libxml2's HTML parser runs in
 *                   SAX mode and we build our own flat node array: it is
 *                   about twice as fast as building libxml2's tree and it
 *                   keeps only what extraction needs (tags, a few
 *                   attributes, text).  Encoding is decided before parsing.
 *   html_meta.c     page metadata: <title>, <meta> (Open Graph, article:,
 *                   Dublin Core, parsely), JSON-LD, <time>, bylines.
 *   html_extract.c  td_html_read: runs the extraction (html_find.c picks
 *                   the article container by scoring paragraphs and their
 *                   ancestors on text, commas, link density and class/id
 *                   evidence; html_write.c writes its text and anatomy;
 *                   html_ldcheck.c checks it against JSON-LD articleBody;
 *                   html_ex.h is what they share).
 *
 * Nodes are indices into dom->nodes; 0 is the synthetic root, so 0 also
 * means "none" for parent/first/next links (the root is nobody's child).
 */
#ifndef TD_HTML_H
#define TD_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "util/buf.h"

/* Tags the extractor tells apart; everything else is HT_OTHER. */
typedef enum hx_tag {
    HT_ROOT, HT_TEXT, HT_OTHER,
    HT_A, HT_ABBR, HT_ADDRESS, HT_ARTICLE, HT_ASIDE, HT_AUDIO, HT_B,
    HT_BLOCKQUOTE, HT_BODY, HT_BR, HT_BUTTON, HT_CANVAS, HT_CENTER,
    HT_CITE, HT_CODE, HT_DD, HT_DETAILS, HT_DIALOG, HT_DIV, HT_DL, HT_DT,
    HT_EM, HT_EMBED, HT_FIELDSET, HT_FIGCAPTION, HT_FIGURE, HT_FONT,
    HT_FOOTER, HT_FORM, HT_H1, HT_H2, HT_H3, HT_H4, HT_H5, HT_H6, HT_HEAD,
    HT_HEADER, HT_HR, HT_HTML, HT_I, HT_IFRAME, HT_IMG, HT_INPUT, HT_LABEL,
    HT_LI, HT_LINK, HT_MAIN, HT_MATH, HT_MENU, HT_META, HT_NAV,
    HT_NOSCRIPT, HT_OBJECT, HT_OL, HT_OPTION, HT_P, HT_PICTURE, HT_PRE,
    HT_Q, HT_S, HT_SCRIPT, HT_SECTION, HT_SELECT, HT_SMALL, HT_SOURCE,
    HT_SPAN, HT_STRONG, HT_STYLE, HT_SUB, HT_SUMMARY, HT_SUP, HT_SVG,
    HT_TABLE, HT_TBODY, HT_TD, HT_TEMPLATE, HT_TEXTAREA, HT_TFOOT, HT_TH,
    HT_THEAD, HT_TIME, HT_TITLE, HT_TR, HT_U, HT_UL, HT_VIDEO,
    HT_COUNT
} hx_tag;

/* Attributes kept (others are dropped while parsing). */
typedef enum hx_attr_key {
    HA_CLASS, HA_ID, HA_ITEMPROP, HA_ITEMTYPE, HA_REL, HA_HREF, HA_NAME,
    HA_PROPERTY, HA_CONTENT, HA_DATETIME, HA_LANG, HA_TYPE, HA_ROLE,
    HA_CHARSET, HA_HTTP_EQUIV, HA_COUNT
} hx_attr_key;

typedef struct hx_attr {
    uint32_t key;
    const char *value;
} hx_attr;

/* Node flags. */
enum {
    HF_HIDDEN = 1 << 0,   /* hidden, aria-hidden, display:none */
    HF_LDJSON = 1 << 1,   /* <script type="application/ld+json"> */
    HF_SKIP = 1 << 2,     /* never text: script, style, svg, head matter */
    HF_INLINK = 1 << 3    /* a text node inside <a> */
};

typedef struct hx_node {
    uint32_t parent, first, last, next, prev;
    uint32_t text, ntext;  /* HT_TEXT and ld+json: bytes in dom->text */
    uint32_t attr, nattr;  /* elements: range in dom->attrs */
    uint16_t tag, flags;
    uint32_t depth;
    /* statistics, filled by hx_dom_stats */
    uint32_t chars;        /* non-space characters of text below */
    uint32_t link_chars;   /* of which inside <a> */
    uint32_t commas;
    uint32_t paras;        /* <p> elements below */
} hx_node;

typedef struct hx_dom {
    hx_node *nodes;
    size_t nnodes, cap;
    hx_attr *attrs;
    size_t nattrs, attrs_cap;
    td_buf text;   /* text of all text nodes, back to back (UTF-8) */
    td_buf strs;   /* attribute values, NUL-terminated, back to back */
    const char *charset; /* the encoding used (static string) */
} hx_dom;

/* Parses bytes (charset may be NULL) into dom.  Returns 0, or -1 with a
 * message in err. */
int hx_dom_parse(hx_dom *dom, const char *bytes, size_t len,
                 const char *charset, char *err, size_t errlen);
void hx_dom_free(hx_dom *dom);

/* Attribute value of a node, or NULL. */
const char *hx_attr_get(const hx_dom *dom, uint32_t n, hx_attr_key key);
/* Whether an element is a block (starts a new paragraph in text). */
int hx_tag_is_block(int tag);
/* Collects the text below n into out, spaces collapsed, trimmed;
 * skips hidden and script-like nodes. */
void hx_inner_text(const hx_dom *dom, uint32_t n, td_buf *out);

/* Appends s[0..n) to out in NFC; s is valid UTF-8. */
void hx_append_nfc(td_buf *out, const char *s, size_t n);

/* Page metadata found by html_meta.c (strings owned by the doc arena). */
typedef struct hx_meta {
    const char *title, *byline, *site, *published, *modified, *language,
        *image, *description, *url, *section;
    const char *title_from, *byline_from, *published_from;
    const char *ld_body; /* JSON-LD articleBody, a hint for extraction */
    size_t ld_body_len;
    uint32_t byline_node; /* element holding a byline in the page, or 0 */
} hx_meta;

void hx_meta_read(const hx_dom *dom, td_doc *doc, hx_meta *meta);
/* "2019-11-19T10:00:00Z", "Nov 19, 2019"... → "2019-11-19" in out[11];
 * returns 0 when no date is recognized. */
int hx_date_day(const char *s, char out[11]);

/* Converts an HTML fragment (a feed item's content) to paragraphs, with no
 * article detection: every block with text is kept.  Calls fn for each
 * paragraph (collapsed, NFC, not NUL-terminated).  Returns the number of
 * paragraphs. */
typedef void (*hx_para_fn)(void *ctx, const char *s, size_t n);
size_t hx_fragment_paragraphs(const char *html, size_t len, hx_para_fn fn,
                              void *ctx);

#endif
