/*
 * anatomy_text.h — internals of the plain-text anatomy (anatomy_*.c).
 *
 * The stage works in three steps, one file each:
 *   anatomy_lines.c   text → lines → blocks (a paragraph is one line, or
 *                     several when the text is hard-wrapped), and the shape
 *                     of each block: words, title case, last punctuation;
 *   anatomy_shapes.c  what a block looks like on its own: boilerplate,
 *                     photo credit, byline, date line, caption grammar,
 *                     pull quote, headline-shaped or prose; and the
 *                     dateline at the start of the first body paragraph;
 *   anatomy_text.c    the labels, decided from each block's shape and its
 *                     place among its neighbours (top of the page, body,
 *                     trailing block).
 * Word lists come from data/dict/anatomy_*.txt through the engine; with no
 * engine the stage still runs on shape alone.
 */
#ifndef TD_ANATOMY_TEXT_H
#define TD_ANATOMY_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "util/dict.h"

/* Words counted per block; beyond this a block is simply "long". */
#define AT_MAX_WORDS 60

/* What a block looks like on its own. */
typedef enum at_class {
    AT_PROSE,     /* sentence-like text */
    AT_HEAD,      /* headline-shaped: short, no final period */
    AT_BOILER,    /* share/discuss/newsletter/copyright... (see at_bp) */
    AT_CREDIT,    /* photo credit */
    AT_BYLINE,    /* "By Jane Roe", "Jane Roe, Reuters" */
    AT_DATE,      /* a line that is only a date (and time) */
    AT_TIME,      /* a line that is only a time: live-blog stamps */
    AT_CAPTION,   /* photo-caption grammar */
    AT_PULLQUOTE  /* a quotation repeated from the text */
} at_class;

/* Kinds of boilerplate line. */
typedef enum at_bp {
    AT_BP_LINE,    /* the whole block is boilerplate */
    AT_BP_RELATED, /* "Read more: <related headline>" */
    AT_BP_HEADING  /* "Related stories": headlines follow */
} at_bp;

/* First character of a block. */
enum { AT_F_OTHER, AT_F_UPPER, AT_F_LOWER, AT_F_DIGIT, AT_F_QUOTE, AT_F_BULLET };

typedef struct at_block {
    uint32_t start, end; /* trimmed span in doc->text */
    uint32_t nlines;
    uint16_t nwords;     /* capped at AT_MAX_WORDS + 1 */
    uint16_t ncap;       /* words starting with a capital (AT_HEAD only) */
    uint16_t nlow;       /* lower-case words that are not minor words (AT_HEAD only) */
    uint8_t term;        /* last mark: '.', '?', '!', ':', ',', ';', or 0 */
    uint8_t quote_end;   /* ends with a closing quotation mark */
    uint8_t first;       /* AT_F_* */
    uint8_t cls;         /* at_class */
    uint8_t bp;          /* at_bp when cls == AT_BOILER */
    uint8_t blank_before;
    uint8_t link;        /* a bare URL or e-mail address */
    uint32_t split;      /* AT_BP_RELATED: where the headline starts;
                            AT_CAPTION: where a trailing credit starts */
    uint32_t split_end;  /* end of that trailing credit */
} at_block;

typedef struct at_dicts {
    const td_dict *agencies;     /* news and photo agencies */
    const td_dict *boilerplate;  /* phrase → line | related | heading */
    const td_dict *credit_cues;  /* "photo", "photograph", "image"... */
    const td_dict *caption_cues; /* "pictured", "file photo", "(L)"... */
    const td_dict *date_words;   /* months, weekdays, "updated", "GMT"... */
    const td_dict *minor_words;  /* words a title leaves lower-case */
    const td_dict *byline_cues;  /* "by", "written by"... */
    const td_dict *narrative_words; /* "said", "was"... (not in captions) */
    const td_dict *places;       /* known place names (ner_places, GeoNames) */
} at_dicts;

typedef struct at_ctx {
    td_doc *doc;
    const char *text;
    size_t len;
    at_dicts d;
    at_block *blocks;
    size_t nblocks;
    int pullquote_budget; /* duplicate searches left (keeps the stage linear) */
} at_ctx;

/* anatomy_lines.c */
size_t at_split_blocks(at_ctx *c);
void at_block_shape(const at_ctx *c, at_block *b);
/* Bytes of the word starting at i (up to a space), and of its core without
 * surrounding punctuation; returns the index after the word. */
size_t at_next_word(const char *s, size_t i, size_t end, size_t *ws, size_t *we);
void at_word_core(const char *s, size_t *ws, size_t *we);
int at_is_space_utf8(const char *s, size_t i, size_t end, size_t *len);
/* Whitespace at s[i] (ASCII blanks, NBSP, BOM, zero-width space); *len is
 * its length in bytes. */
static inline int at_is_space(const char *s, size_t i, size_t end, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *len = 1;
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    }
    return at_is_space_utf8(s, i, end, len);
}
/* Counts title-case words of a short block (ncap, nlow). */
void at_title_case(const at_ctx *c, at_block *b);
/* Letter case of the first character of s[i..end): AT_F_*. */
int at_first_kind(const char *s, size_t i, size_t end);

/* anatomy_shapes.c */
void at_classify(at_ctx *c, at_block *b);
int at_is_credit(const at_ctx *c, size_t s, size_t e);
int at_caption_cue(const at_ctx *c, const at_block *b);
/* A dateline at s ("WASHINGTON (AFP) —"): its end (after the dash), and in
 * *body the start of the text after it; 0 when there is none. */
size_t at_dateline(const at_ctx *c, size_t s, size_t e, size_t *body);
double at_title_ratio(const at_block *b);

#endif
