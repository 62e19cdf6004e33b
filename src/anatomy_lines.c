/*
 * anatomy_lines.c — plain text to blocks, and the shape of each block.
 *
 * Text extractors leave a page either one paragraph per line (the seed,
 * most copy-paste) or hard-wrapped at some width with blank lines between
 * paragraphs (e-mail, wire terminals, Project Gutenberg style).  A block is
 * one line in the first case and a run of wrapped lines in the second.  The
 * text is hard-wrapped when its longest line is at most ~100 characters
 * and most lines that are followed by another line end in mid-sentence; a
 * line then continues into the next when the next line's first word would
 * not have fitted on it (the test a wrapping editor applies), or when it
 * is long and stops in mid-sentence, on a comma or a word like "the"
 * (wrapped by hand).  In any text a
 * line that ends with a comma, or stops without punctuation before a line
 * that starts in lower case, continues.
 *
 * Everything is one pass over the bytes plus one over the lines; lines and
 * blocks live in two arrays from the document's arena.
 */
#include <string.h>
#include <utf8proc.h>

#include "anatomy_text.h"

/* Byte classes for counting words: 1 blank, 2 starts a letter or digit. */
static const unsigned char at_byte_class[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2,
    ['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
    ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2,
    ['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2,
    ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2, ['U'] = 2,
    ['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2,
    ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 2, ['g'] = 2,
    ['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2, ['l'] = 2, ['m'] = 2, ['n'] = 2,
    ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2, ['s'] = 2, ['t'] = 2, ['u'] = 2,
    ['v'] = 2, ['w'] = 2, ['x'] = 2, ['y'] = 2, ['z'] = 2,
    [0xC3] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    [0xE0] = 2, 2, [0xE3] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    [0xF0] = 2, 2, 2, 2, 2, 2, 2, 2,
};

typedef struct at_line {
    uint32_t start, end; /* trimmed */
    uint32_t chars;      /* characters after trimming (bytes in texts with
                            lines too long to be wrapped) */
    uint32_t first_word; /* characters of the first word */
    uint8_t term, first;
} at_line;

/* The non-ASCII whitespace at s[i]: NBSP, the BOM and zero-width space. */
int at_is_space_utf8(const char *s, size_t i, size_t end, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0) {
        *len = 2;
        return 1;
    }
    if (c == 0xEF && i + 2 < end && (unsigned char)s[i + 1] == 0xBB &&
        (unsigned char)s[i + 2] == 0xBF) {
        *len = 3;
        return 1;
    }
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x8B) {
        *len = 3;
        return 1;
    }
    *len = 1;
    return 0;
}

/* Length of a punctuation mark at s[i] (ASCII punctuation other than
 * characters that belong to words' cores, General Punctuation U+2010–203F,
 * guillemets, ¡ ¿ ·), or 0. */
static size_t at_punct_len(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return (c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' ||
                c == ']' || c == '{' || c == '}' || c == ',' || c == '.' ||
                c == ';' || c == ':' || c == '!' || c == '?' || c == '-' ||
                c == '*' || c == '|' || c == '_' || c == '/')
                   ? 1 : 0;
    if (c == 0xC2 && i + 1 < end) {
        unsigned char d = (unsigned char)s[i + 1];
        return d == 0xAB || d == 0xBB || d == 0xA1 || d == 0xBF || d == 0xB7 ? 2 : 0;
    }
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        return d >= 0x90 && d <= 0xBF ? 3 : 0;
    }
    return 0;
}

size_t at_next_word(const char *s, size_t i, size_t end, size_t *ws, size_t *we)
{
    size_t n;
    while (i < end && at_is_space(s, i, end, &n))
        i += n;
    *ws = i;
    while (i < end && !at_is_space(s, i, end, &n))
        i++;
    *we = i;
    return i;
}

/* Shrinks [*ws, *we) to the word without leading and trailing marks. */
void at_word_core(const char *s, size_t *ws, size_t *we)
{
    size_t a = *ws, b = *we, n;
    while (a < b && (n = at_punct_len(s, a, b)) > 0)
        a += n;
    while (b > a) {
        /* step back over one character and test it */
        size_t p = b - 1;
        while (p > a && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (at_punct_len(s, p, b) != b - p)
            break;
        b = p;
    }
    *ws = a;
    *we = b;
}

int at_first_kind(const char *s, size_t i, size_t end)
{
    if (i >= end)
        return AT_F_OTHER;
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
        return AT_F_UPPER;
    if (c >= 'a' && c <= 'z')
        return AT_F_LOWER;
    if (c >= '0' && c <= '9')
        return AT_F_DIGIT;
    if (c < 0x80)
        return AT_F_OTHER;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), &cp);
    if (n <= 0)
        return AT_F_OTHER;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return AT_F_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return AT_F_LOWER;
    case UTF8PROC_CATEGORY_ND:
        return AT_F_DIGIT;
    default:
        return AT_F_OTHER;
    }
}

/* The kind of the first character of a line or block, noticing quotation
 * marks and list bullets. */
static int at_start_kind(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'')
        return AT_F_QUOTE;
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0x9C || d == 0x98)
            return AT_F_QUOTE;
        if (d == 0xA2 || d == 0x93 || d == 0x94)
            return AT_F_BULLET;
    }
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xAB)
        return AT_F_QUOTE;
    if ((c == '-' || c == '*') && i + 1 < end && s[i + 1] == ' ')
        return AT_F_BULLET;
    return at_first_kind(s, i, end);
}

/* The last mark of s[a..b) after closing quotes and brackets. */
static uint8_t at_last_mark(const char *s, size_t a, size_t b, uint8_t *quote_end)
{
    *quote_end = 0;
    for (int first = 1; b > a; first = 0) {
        unsigned char c = (unsigned char)s[b - 1];
        if (c == '"' || c == '\'') {
            if (first)
                *quote_end = 1;
            b--;
        } else if (c == ')' || c == ']') {
            b--;
        } else if (b - a >= 3 && (unsigned char)s[b - 3] == 0xE2 &&
                   (unsigned char)s[b - 2] == 0x80 &&
                   ((unsigned char)s[b - 1] == 0x9D || (unsigned char)s[b - 1] == 0x99)) {
            if (first)
                *quote_end = 1;
            b -= 3;
        } else if (b - a >= 2 && (unsigned char)s[b - 2] == 0xC2 &&
                   (unsigned char)s[b - 1] == 0xBB) {
            if (first)
                *quote_end = 1;
            b -= 2;
        } else {
            break;
        }
    }
    if (b == a)
        return 0;
    unsigned char c = (unsigned char)s[b - 1];
    if (c == '.' || c == '?' || c == '!' || c == ':' || c == ',' || c == ';')
        return c;
    if (b - a >= 3 && (unsigned char)s[b - 3] == 0xE2 &&
        (unsigned char)s[b - 2] == 0x80 && c == 0xA6)
        return '.';
    return 0;
}

static int at_terminal(uint8_t term)
{
    return term == '.' || term == '?' || term == '!' || term == ':';
}

/* Characters in s[a..b) (UTF-8 lead bytes). */
static uint32_t at_chars(const char *s, size_t a, size_t b)
{
    uint32_t n = 0;
    for (size_t i = a; i < b; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static at_line *at_split_lines(at_ctx *c, size_t *nlines)
{
    const char *s = c->text;
    size_t len = c->len, n = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))); p++)
        n++;
    at_line *lines = td_arena_alloc(&c->doc->arena, n * sizeof *lines);
    size_t k = 0, i = 0, maxbytes = 0;
    while (i <= len && k < n) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len, a = i, b = e, w;
        while (a < b && at_is_space(s, a, b, &w))
            a += w;
        while (b > a) {
            size_t p = b - 1;
            while (p > a && ((unsigned char)s[p] & 0xC0) == 0x80)
                p--;
            if (!at_is_space(s, p, b, &w) || p + w != b)
                break;
            b = p;
        }
        at_line *l = &lines[k++];
        l->start = (uint32_t)a;
        l->end = (uint32_t)b;
        if (b > a) {
            l->chars = (uint32_t)(b - a); /* bytes; characters if it may be wrapped */
            size_t ws, we;
            at_next_word(s, a, b, &ws, &we);
            l->first_word = (uint32_t)(we - ws);
            if (b - a > maxbytes)
                maxbytes = b - a;
            uint8_t q;
            l->term = at_last_mark(s, a, b, &q);
            if (q && !l->term)
                l->term = '"';
            l->first = (uint8_t)at_start_kind(s, a, b);
        }
        i = e + 1;
        if (!nl)
            break;
    }
    *nlines = k;
    /* a line of more than 400 bytes is longer than any wrapping width, so
     * only texts without one need counting in characters */
    if (maxbytes <= 400)
        for (size_t j = 0; j < k; j++) {
            at_line *l = &lines[j];
            if (l->end == l->start)
                continue;
            size_t ws, we;
            at_next_word(s, l->start, l->end, &ws, &we);
            l->chars = at_chars(s, l->start, l->end);
            l->first_word = at_chars(s, ws, we);
        }
    return lines;
}

/* Whether the text is hard-wrapped, and at what width. */
static uint32_t at_wrap_width(const at_line *lines, size_t n)
{
    uint32_t width = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[i].chars > width)
            width = lines[i].chars;
    if (width < 40 || width > 100)
        return 0;
    size_t breaks = 0, mid = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (lines[i].end == lines[i].start || lines[i + 1].end == lines[i + 1].start)
            continue;
        if (lines[i].chars * 10 < width * 6)
            continue;
        breaks++;
        if (!at_terminal(lines[i].term) && lines[i].term != '"')
            mid++;
    }
    return mid >= 3 && mid * 2 >= breaks ? width : 0;
}

/* The line's last word is one a sentence cannot end on ("the", "of"). */
static int at_ends_minor(const at_ctx *c, const at_line *a)
{
    size_t e = a->end, w = e;
    while (w > a->start && c->text[w - 1] != ' ' && c->text[w - 1] != '\t')
        w--;
    return e > w && td_dict_get_fold(c->d.minor_words, c->text + w, e - w) != NULL;
}

static int at_continues(const at_ctx *c, const at_line *a, const at_line *b, uint32_t width)
{
    const char *s = c->text;
    if (b->first == AT_F_BULLET)
        return 0;
    if (b->end - b->start >= 4 &&
        (!memcmp(s + b->start, "http", 4) || !memcmp(s + b->start, "www.", 4)))
        return 0; /* a link on its own line */
    if (width && a->chars + 1 + b->first_word > width)
        return 1;
    /* hard-wrapped by hand: a long line that stops in mid-sentence (on a
     * comma or a word like "the"; a title line followed by a byline does
     * not) */
    if (width && a->chars * 10 >= width * 6 && b->first != AT_F_QUOTE &&
        (a->term == ',' || a->term == ';' ||
         (a->term == 0 && (b->first == AT_F_LOWER || at_ends_minor(c, a)))))
        return 1;
    if (a->term == ',')
        return 1; /* no paragraph ends with a comma */
    return b->first == AT_F_LOWER && !at_terminal(a->term) && a->term != '"' &&
           a->chars >= 30;
}

size_t at_split_blocks(at_ctx *c)
{
    size_t n;
    at_line *lines = at_split_lines(c, &n);
    uint32_t width = at_wrap_width(lines, n);
    size_t nb = 0;
    for (size_t i = 0; i < n; i++)
        nb += lines[i].end > lines[i].start;
    c->blocks = td_arena_alloc(&c->doc->arena, (nb ? nb : 1) * sizeof *c->blocks);
    c->nblocks = 0;
    int blank = 1;
    for (size_t i = 0; i < n; i++) {
        const at_line *l = &lines[i];
        if (l->end == l->start) {
            blank = 1;
            continue;
        }
        at_block *prev = c->nblocks ? &c->blocks[c->nblocks - 1] : NULL;
        if (prev && !blank && at_continues(c, &lines[i - 1], l, width)) {
            prev->end = l->end;
            prev->nlines++;
        } else {
            at_block *b = &c->blocks[c->nblocks++];
            memset(b, 0, sizeof *b);
            b->start = l->start;
            b->end = l->end;
            b->nlines = 1;
            b->blank_before = (uint8_t)blank;
        }
        blank = 0;
    }
    for (size_t i = 0; i < c->nblocks; i++)
        at_block_shape(c, &c->blocks[i]);
    return c->nblocks;
}

void at_block_shape(const at_ctx *c, at_block *b)
{
    const char *s = c->text;
    size_t i = b->start;
    b->first = (uint8_t)at_start_kind(s, b->start, b->end);
    b->term = at_last_mark(s, b->start, b->end, &b->quote_end);
    b->nwords = b->ncap = b->nlow = 0;
    /* Words are runs between ASCII blanks that hold a letter or digit (a
     * lone mark such as "-", "|", "—" is not a word).  This is the hottest
     * loop of the stage, so it reads bytes through a table: lead bytes from
     * 0xC3 up, except 0xE2 (punctuation, symbols), start letters. */
    const unsigned char *u = (const unsigned char *)s;
    size_t end = b->end;
    while (i < end && b->nwords <= AT_MAX_WORDS) {
        while (i < end && at_byte_class[u[i]] == 1)
            i++;
        if (i >= end)
            break;
        int counted = 0;
        while (i < end && at_byte_class[u[i]] != 1) {
            counted |= at_byte_class[u[i]] == 2;
            i++;
        }
        b->nwords += (uint16_t)counted;
    }
}

void at_title_case(const at_ctx *c, at_block *b)
{
    const char *s = c->text;
    size_t i = b->start, ws, we;
    b->ncap = b->nlow = 0;
    for (int n = 0; n <= AT_MAX_WORDS; n++) {
        i = at_next_word(s, i, b->end, &ws, &we);
        if (ws == we)
            break;
        at_word_core(s, &ws, &we);
        if (ws == we)
            continue;
        int k = at_first_kind(s, ws, we);
        if (k == AT_F_UPPER)
            b->ncap++;
        else if (k == AT_F_LOWER && !td_dict_get_fold(c->d.minor_words, s + ws, we - ws))
            b->nlow++;
    }
}
