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

#include "html/html_ex.h"
#include "engine.h"
#include "stages.h"

/* The per-node tables of an extraction, zeroed. */
static void hx_ex_alloc(hx_ex *x, size_t nn)
{
    x->cls = calloc(nn, sizeof *x->cls);
    x->gone = calloc(nn, 1);
    x->cand = calloc(nn, 1);
    x->score = calloc(nn, sizeof *x->score);
    if (!x->cls || !x->gone || !x->cand || !x->score)
        abort();
}

/* Frees what an extraction and its output hold (not the DOM). */
static void hx_ex_release(hx_ex *x, hx_out *o)
{
    hx_out_free(o);
    free(x->cls);
    free(x->gone);
    free(x->cand);
    free(x->score);
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
    hx_ex_alloc(&x, nn);
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
    hx_ex_release(&x, &o);
    hx_dom_free(&dom);
    return n;
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
    hx_ex_alloc(&x, nn);

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
        hx_out_free(&o2);
    }

    hx_check_ld_body(&x, &o, meta.ld_body, meta.ld_body_len);

    /* headline, standfirst and byline come first in the text */

    td_buf head;
    td_buf_init(&head);
    struct { int kind; size_t start, end; const char *from; } hp[6];
    int nhp = 0;
    /* the section label, as pages show it above the headline */
    if (meta.section && *meta.section && strlen(meta.section) < 80) {
        hp[nhp].kind = TD_PART_SECTION;
        hp[nhp].start = head.len;
        hx_append_nfc(&head, meta.section, strlen(meta.section));
        hp[nhp].end = head.len;
        hp[nhp++].from = "article:section";
    }
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
        if (head.len)
            td_buf_add(&head, "\n\n", 2);
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

    /* the lead figure's caption and credit close the headline block */
    hx_pieces lead = {0}, related = {0};
    hx_lead_figure(&x, &o, doc, &lead);
    for (size_t i = 0; i < lead.n && nhp < 6; i++) {
        if (head.len)
            td_buf_add(&head, "\n\n", 2);
        hp[nhp].kind = lead.v[i].kind;
        hp[nhp].start = head.len;
        td_buf_add(&head, lead.text.data + lead.v[i].start,
                   lead.v[i].end - lead.v[i].start);
        hp[nhp].end = head.len;
        hp[nhp++].from = lead.v[i].from;
    }
    td_buf urls;
    td_buf_init(&urls);
    hx_related(&x, &o, &related, &urls);
    if (urls.len) {
        td_buf_addc(&urls, 0);
        td_doc_add_meta(doc, "related_urls", urls.data, "related list");
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
    /* related links, then the boilerplate left out, after the body */
    size_t rel_shift = 0, boil_shift = 0;
    if (related.n) {
        if (all.len)
            td_buf_add(&all, "\n\n", 2);
        rel_shift = all.len;
        td_buf_add(&all, related.text.data, related.text.len);
    }
    if (o.drop.n) {
        if (all.len)
            td_buf_add(&all, "\n\n", 2);
        boil_shift = all.len;
        td_buf_add(&all, o.drop.text.data, o.drop.text.len);
    }

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
    for (size_t i = 0; i < related.n; i++)
        td_doc_add_part(doc, related.v[i].kind, related.v[i].start + rel_shift,
                        related.v[i].end + rel_shift, related.v[i].from);
    for (size_t i = 0; i < o.drop.n; i++)
        td_doc_add_part(doc, o.drop.v[i].kind, o.drop.v[i].start + boil_shift,
                        o.drop.v[i].end + boil_shift, o.drop.v[i].from);
    hx_pieces_free(&lead);
    hx_pieces_free(&related);
    td_buf_free(&urls);
    doc->has_anatomy = 1;
    doc->kind = TD_KIND_HTML;

    td_buf_free(&all);
    td_buf_free(&head);
    td_buf_free(&h1buf);
    hx_ex_release(&x, &o);
    hx_dom_free(&dom);
    return doc;
}
