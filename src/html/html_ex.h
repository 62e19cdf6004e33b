/*
 * html_ex.h — what the article extractor's files share (src/html/):
 * html_find.c finds the article container, html_write.c writes the
 * document's text and parts from it, html_ldcheck.c checks the result
 * against JSON-LD, html_extract.c runs them (td_html_read).
 */
#ifndef TD_HTML_EX_H
#define TD_HTML_EX_H

#include <stddef.h>
#include <stdint.h>

#include "html/html.h"
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

/* Pieces of text written apart from the article (page furniture, the lead
 * figure, related links), each a part once placed in the document text. */
typedef struct hx_piece {
    int kind;
    size_t start, end;
    const char *from;
} hx_piece;

typedef struct hx_pieces {
    td_buf text;      /* pieces separated by blank lines */
    hx_piece *v;
    size_t n, cap;
} hx_pieces;

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
    hx_pieces drop;    /* boilerplate lines left out, deduplicated */
} hx_out;

/* html_find.c */
unsigned hx_class(hx_ex *x, uint32_t n);
int hx_class_weight(hx_ex *x, uint32_t n);
void hx_mark_gone(hx_ex *x);
void hx_stats(hx_ex *x, hx_node *nodes, size_t nn);
double hx_link_density(const hx_node *nd);
int hx_has_block_child(const hx_ex *x, uint32_t n);
void hx_score(hx_ex *x);

/* html_write.c */
void hx_out_reset(hx_out *o);
void hx_out_free(hx_out *o);
/* TD_PART_BOILERPLATE, TD_PART_CREDIT or TD_PART_BODY for a line, by
 * data/dict/html_boilerplate.txt. */
int hx_line_kind(hx_ex *x, const char *s, size_t n);
void hx_walk(hx_out *o, uint32_t root);
void hx_write_article(hx_ex *x, hx_out *o);

/* html_furniture.c */
/* Appends s[0..n) (collapsed, trimmed, NFC) as a piece; returns 0 when it
 * is empty or already there. */
int hx_pieces_add(hx_pieces *p, int kind, const char *s, size_t n,
                  const char *from);
void hx_pieces_free(hx_pieces *p);
/* Records a line the article leaves out (at most HX_MAX_BOILER). */
void hx_record_boiler(hx_out *o, const char *s, size_t n);
/* Records a short block the writer dropped (node n) when it is a known
 * phrase or a few words without links. */
void hx_record_dropped(hx_out *o, uint32_t n);
/* The lead figure's caption and credit, when the article text has not
 * already got them: adds them to out, and their texts to the doc's meta. */
void hx_lead_figure(hx_ex *x, const hx_out *o, td_doc *doc, hx_pieces *out);
/* Related-story links outside the article: adds them to out, their URLs
 * newline-joined to urls. */
void hx_related(hx_ex *x, const hx_out *o, hx_pieces *out, td_buf *urls);

/* html_ldcheck.c */
void hx_check_ld_body(hx_ex *x, hx_out *o, const char *ld, size_t ldn);

#endif
