/*
 * anatomy_text.c — the anatomy of a plain-text article.
 *
 * A page as a text extractor leaves it reads top to bottom: an optional
 * section label, the headline, a standfirst, bylines, dates, a lead photo's
 * credit and caption, then the body, with related-story links, captions,
 * credits and share buttons mixed in, and a trailing block of related
 * headlines and boilerplate.  anatomy_lines.c cuts the text into blocks
 * (paragraphs) and anatomy_shapes.c says what each block looks like alone;
 * this file labels them from that shape and their position:
 *
 *   - section: a first line of at most four words before a headline-shaped
 *     line (or a lone word at the very top);
 *   - headline: the first headline-shaped block, after any date or
 *     boilerplate lines;
 *   - standfirst: the first paragraph after the headline when page
 *     furniture (byline, date, credit, caption, share line) separates it
 *     from the next paragraph, or the next paragraph opens with a dateline;
 *   - dateline: "WASHINGTON (AFP) —" opening the first body paragraph, a
 *     part of its own; the body paragraph starts after it;
 *   - related: a headline-shaped block in or after the body that does not
 *     continue the prose: title case, in a list after a "Related" heading,
 *     after "Read more:", after the last paragraph, or a short kicker (a
 *     section label) just before such a headline;
 *   - caption: caption grammar anywhere, caption words next to a credit,
 *     or one plain present-tense sentence just above a credit inside the
 *     body;
 *   - body: every other paragraph, one part each; headline-shaped lines
 *     inside the body that are not title case (crossheads, live-blog entry
 *     titles), lines in capitals (AP crossheads), runs of three or more
 *     short lines (tables, lists) and a last paragraph that lost its full
 *     stop too.
 * Date lines and live-blog time stamps are boilerplate for the anatomy; the
 * first date line's text is kept as the "published" metadata for the date
 * stage.
 *
 * Cost: a few passes over the bytes and a bounded amount of work per block
 * (word counts stop at AT_MAX_WORDS, dictionary probes at the longest
 * entry, pull-quote searches are budgeted), so the stage is linear; it
 * allocates a handful of arrays from the document's arena.
 */
#include <string.h>

#include "anatomy_text.h"
#include "stages.h"

#define AT_NONE 255

static int at_furniture(const at_block *b)
{
    return b->cls == AT_BOILER || b->cls == AT_CREDIT || b->cls == AT_BYLINE ||
           b->cls == AT_DATE || b->cls == AT_TIME || b->cls == AT_CAPTION ||
           b->cls == AT_PULLQUOTE;
}

/* A paragraph that can be a standfirst or body. */
static int at_paragraph(const at_block *b)
{
    return b->cls == AT_PROSE || (b->cls == AT_HEAD && b->nwords >= 8);
}

static int at_related_shape(const at_block *b)
{
    return b->cls == AT_HEAD && b->nwords >= 4 && at_title_ratio(b) >= 0.75;
}

/* One short present-tense sentence without quotation marks or figures:
 * what a caption above its credit looks like ("Residents watch as smoke
 * rises over the hills."), unlike a paragraph of reported narrative. */
static int at_plain_sentence(const at_ctx *c, const at_block *b)
{
    if (b->nwords > 30 || b->nlines > 1 || b->term != '.')
        return 0;
    const char *s = c->text;
    for (size_t i = b->start; i + 1 < b->end; i++) {
        unsigned char x = (unsigned char)s[i];
        if (x == '"' || (x >= '0' && x <= '9') ||
            ((x == '.' || x == '?' || x == '!') && s[i + 1] == ' '))
            return 0;
        if (x == 0xE2 && i + 2 < b->end && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
            return 0;
    }
    size_t i = b->start, ws, we;
    for (;;) {
        i = at_next_word(s, i, b->end, &ws, &we);
        if (ws == we)
            break;
        at_word_core(s, &ws, &we);
        if (we - ws >= 4 && s[we - 2] == 'e' && s[we - 1] == 'd')
            return 0; /* past tense */
        if (we > ws && td_dict_get_fold(c->d.narrative_words, s + ws, we - ws))
            return 0;
    }
    return 1;
}

typedef struct at_state {
    at_ctx *c;
    uint8_t *kind;     /* per block: td_part_kind or AT_NONE */
    const char **why;  /* per block: the part's `from` */
    int have_byline, have_date, in_related;
} at_state;

static void at_label(at_state *st, size_t i, td_part_kind kind, const char *why)
{
    st->kind[i] = (uint8_t)kind;
    st->why[i] = why;
}

/* Labels a block of page furniture. */
static void at_label_furniture(at_state *st, size_t i)
{
    const at_block *b = &st->c->blocks[i];
    switch (b->cls) {
    case AT_BOILER:
        at_label(st, i, TD_PART_BOILERPLATE, "boilerplate phrase");
        if (b->bp == AT_BP_HEADING)
            st->in_related = 1;
        break;
    case AT_CREDIT:
        at_label(st, i, TD_PART_CREDIT, "credit shape");
        break;
    case AT_BYLINE:
        at_label(st, i, st->have_byline ? TD_PART_BOILERPLATE : TD_PART_BYLINE,
                 st->have_byline ? "second byline" : "byline shape");
        st->have_byline = 1;
        break;
    case AT_CAPTION:
        at_label(st, i, TD_PART_CAPTION, "caption grammar");
        break;
    case AT_DATE:
        at_label(st, i, TD_PART_BOILERPLATE, "date line");
        break;
    case AT_TIME:
        at_label(st, i, TD_PART_BOILERPLATE, "time stamp");
        break;
    default:
        at_label(st, i, TD_PART_BOILERPLATE, "pull quote");
        break;
    }
}

/* The top of the page: section, headline, standfirst and the furniture
 * around them.  Returns the index of the first body block. */
static size_t at_label_top(at_state *st)
{
    at_ctx *c = st->c;
    const at_block *B = c->blocks;
    size_t n = c->nblocks, i = 0, body;
    if (n >= 2 && B[0].cls == AT_HEAD && B[0].nwords <= 4 && B[0].term == 0 &&
        B[0].end - B[0].start <= 40 &&
        ((B[1].cls == AT_HEAD && B[1].nwords >= 3) || B[0].nwords == 1)) {
        at_label(st, 0, TD_PART_SECTION, "short first line");
        i = 1;
    }
    while (i < n && at_furniture(&B[i]) && B[i].cls != AT_CAPTION)
        at_label_furniture(st, i++);
    if (i < n && B[i].cls == AT_HEAD && B[i].nwords >= 2 && B[i].nwords <= 22 && i + 1 < n) {
        at_label(st, i++, TD_PART_HEADLINE, "first title-shaped line");
    } else {
        return i; /* no headline: the body starts here */
    }
    while (i < n && at_furniture(&B[i]))
        at_label_furniture(st, i++);
    if (i >= n || !at_paragraph(&B[i]))
        return i;
    size_t p = i, q = p + 1, body_dummy;
    while (q < n && at_furniture(&B[q]))
        q++;
    int separated = q > p + 1 ||
                    (q < n && at_dateline(c, B[q].start, B[q].end, &body_dummy));
    int prose_after = 0; /* the body must not be empty */
    for (size_t k = q; k < n && !prose_after; k++)
        prose_after = B[k].cls == AT_PROSE;
    if (q < n && (at_paragraph(&B[q]) || prose_after) && separated &&
        B[p].nwords <= AT_MAX_WORDS &&
        !at_dateline(c, B[p].start, B[p].end, &body_dummy)) {
        at_label(st, p, TD_PART_STANDFIRST, "paragraph set apart after headline");
        for (size_t k = p + 1; k < q; k++)
            at_label_furniture(st, k);
        body = q;
    } else {
        body = p;
    }
    st->in_related = 0;
    return body;
}

/* Marks title-shaped lines that stand in runs of three or more (with bare
 * links between them): a table, a product list, a list of names.  Inside
 * the body such a run is content, not a block of related headlines. */
static uint8_t *at_runs(at_ctx *c, size_t from)
{
    const at_block *B = c->blocks;
    size_t n = c->nblocks;
    uint8_t *in_run = td_arena_alloc(&c->doc->arena, n ? n : 1);
    size_t i = from;
    while (i < n) {
        if (B[i].cls != AT_HEAD) {
            i++;
            continue;
        }
        size_t j = i, heads = 0;
        for (; j < n && (B[j].cls == AT_HEAD || B[j].link); j++)
            heads += B[j].cls == AT_HEAD && B[j].nwords >= 4;
        if (heads >= 3)
            for (size_t k = i; k < j; k++)
                in_run[k] = 1;
        i = j;
    }
    return in_run;
}

/* Every letter in capitals: AP-style crossheads ("WHO IS THE FRONT-RUNNER?"). */
static int at_caps_line(const at_ctx *c, const at_block *b)
{
    int letters = 0;
    for (size_t i = b->start; i < b->end; i++) {
        char x = c->text[i];
        if (x >= 'a' && x <= 'z')
            return 0;
        letters += x >= 'A' && x <= 'Z';
    }
    return letters >= 4;
}

/* No sentence ends inside the block: "What next? How..." is prose. */
static int at_one_sentence(const at_ctx *c, const at_block *b)
{
    const char *s = c->text;
    for (size_t i = b->start; i + 2 < b->end; i++)
        if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' &&
            at_first_kind(s, i + 2, b->end) == AT_F_UPPER && i > b->start + 3)
            return 0;
    return 1;
}

static void at_label_body(at_state *st, size_t from)
{
    at_ctx *c = st->c;
    const at_block *B = c->blocks;
    size_t n = c->nblocks, last_prose = 0;
    int any_prose = 0;
    for (size_t i = from; i < n; i++)
        if (B[i].cls == AT_PROSE ||
            (B[i].cls == AT_HEAD && (B[i].nwords > 16 || !at_one_sentence(c, &B[i])))) {
            last_prose = i; /* a paragraph, perhaps without its final stop */
            any_prose = 1;
        }
    const uint8_t *in_run = at_runs(c, from);
    for (size_t i = from; i < n; i++) {
        const at_block *b = &B[i];
        const at_block *prev = i > 0 ? &B[i - 1] : NULL, *next = i + 1 < n ? &B[i + 1] : NULL;
        int near_credit = (prev && prev->cls == AT_CREDIT) || (next && next->cls == AT_CREDIT);
        if (at_furniture(b)) {
            at_label_furniture(st, i);
            continue;
        }
        if (b->cls == AT_HEAD) {
            int trailing = any_prose && i > last_prose;
            if (st->in_related && b->nwords >= 2)
                at_label(st, i, TD_PART_RELATED, "under related heading");
            else if (prev && prev->cls == AT_TIME)
                at_label(st, i, TD_PART_BODY, "entry title after time stamp");
            else if (b->nwords <= 3 && next &&
                     (at_related_shape(next) || (i + 1 > last_prose && next->cls == AT_HEAD &&
                                                 next->nwords >= 3)))
                at_label(st, i, TD_PART_RELATED, "kicker above related headline");
            else if (near_credit && b->nwords >= 4 && at_title_ratio(b) < 0.75)
                at_label(st, i, TD_PART_CAPTION, "line next to credit");
            else if (in_run[i] && !trailing)
                at_label(st, i, TD_PART_BODY, "list or table line");
            else if (b->nlow == 0 && at_caps_line(c, b) && !trailing)
                at_label(st, i, TD_PART_BODY, "crosshead in capitals");
            else if (at_related_shape(b))
                at_label(st, i, TD_PART_RELATED, "title-case line in body");
            else if (trailing && b->nwords >= 3 && b->nwords <= 16 && at_one_sentence(c, b))
                at_label(st, i, TD_PART_RELATED, "title-shaped line after body");
            else if (trailing && b->nwords <= 2)
                at_label(st, i, TD_PART_BOILERPLATE, "short line after body");
            else if (trailing)
                at_label(st, i, TD_PART_BODY, "paragraph without final stop");
            else
                at_label(st, i, TD_PART_BODY, "crosshead");
            continue;
        }
        st->in_related = 0;
        if ((near_credit && at_caption_cue(c, b)) ||
            (next && next->cls == AT_CREDIT && i + 2 <= last_prose && at_plain_sentence(c, b)))
            at_label(st, i, TD_PART_CAPTION, "sentence next to credit");
        else
            at_label(st, i, TD_PART_BODY, "paragraph");
    }
}

static size_t at_trim_back(const char *s, size_t a, size_t b)
{
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r'))
        b--;
    return b;
}

static void at_emit(at_state *st)
{
    at_ctx *c = st->c;
    td_doc *doc = c->doc;
    const char *s = c->text;
    int first_body = 1;
    for (size_t i = 0; i < c->nblocks; i++) {
        const at_block *b = &c->blocks[i];
        if (st->kind[i] == AT_NONE)
            continue;
        td_part_kind k = (td_part_kind)st->kind[i];
        if (k == TD_PART_BODY && first_body) {
            first_body = 0;
            size_t body, end = at_dateline(c, b->start, b->end, &body);
            if (end) {
                td_doc_add_part(doc, TD_PART_DATELINE, b->start, end, "dateline");
                td_doc_add_part(doc, TD_PART_BODY, body, b->end, "paragraph");
                continue;
            }
        }
        if (b->cls == AT_BOILER && b->bp == AT_BP_RELATED && b->split > b->start) {
            size_t e = at_trim_back(s, b->start, b->split);
            td_doc_add_part(doc, TD_PART_BOILERPLATE, b->start, e, "boilerplate phrase");
            td_doc_add_part(doc, TD_PART_RELATED, b->split, b->end, "after read-more");
            continue;
        }
        if (b->cls == AT_CAPTION && b->split > b->start) {
            size_t e = at_trim_back(s, b->start, b->split), cs = b->split, ce = b->split_end;
            if (s[cs] == '(' && ce > cs + 1 && s[ce - 1] == ')') {
                cs++;
                ce--;
                while (cs < ce && (s[cs] == ' ' || s[cs] == '\t'))
                    cs++;
                ce = at_trim_back(s, cs, ce);
            }
            td_doc_add_part(doc, TD_PART_CAPTION, b->start, e, "caption with credit");
            td_doc_add_part(doc, TD_PART_CREDIT, cs, ce, "credit after caption");
            continue;
        }
        if (b->cls == AT_DATE && !st->have_date) {
            st->have_date = 1;
            char *v = td_arena_strndup(&doc->arena, s + b->start, b->end - b->start);
            td_doc_add_meta(doc, "published", v, "date line");
        }
        td_doc_add_part(doc, k, b->start, b->end, st->why[i]);
    }
}

void td_anatomy_text(td_doc *doc)
{
    if (!doc || !doc->text || doc->len == 0 || doc->len >= UINT32_MAX)
        return;
    at_ctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.text = doc->text;
    c.len = doc->len;
    c.pullquote_budget = 16;
    c.d.agencies = td_engine_dict(doc->engine, "anatomy_agencies");
    c.d.boilerplate = td_engine_dict(doc->engine, "anatomy_boilerplate");
    c.d.credit_cues = td_engine_dict(doc->engine, "anatomy_credit_cues");
    c.d.caption_cues = td_engine_dict(doc->engine, "anatomy_caption_cues");
    c.d.date_words = td_engine_dict(doc->engine, "anatomy_date_words");
    c.d.minor_words = td_engine_dict(doc->engine, "anatomy_minor_words");
    c.d.byline_cues = td_engine_dict(doc->engine, "anatomy_byline_cues");
    c.d.narrative_words = td_engine_dict(doc->engine, "anatomy_narrative_words");
    c.d.places = td_engine_dict(doc->engine, "ner_places"); /* GeoNames cities */
    if (!at_split_blocks(&c))
        return;
    for (size_t i = 0; i < c.nblocks; i++)
        at_classify(&c, &c.blocks[i]);
    at_state st;
    memset(&st, 0, sizeof st);
    st.c = &c;
    st.kind = td_arena_alloc(&doc->arena, c.nblocks);
    memset(st.kind, AT_NONE, c.nblocks);
    st.why = td_arena_alloc(&doc->arena, c.nblocks * sizeof *st.why);
    at_label_body(&st, at_label_top(&st));
    at_emit(&st);
}
