/*
 * anatomy_shapes.c — what one block of plain text looks like on its own.
 *
 * Each test reads only the block (and, for pull quotes, a bounded search of
 * the rest of the text) and the anatomy word lists:
 *   - boilerplate: the block is, or starts with, a phrase of
 *     data/dict/anatomy_boilerplate.txt whose value says how it is used
 *     ("line": the whole block, "prefix": a block of at most 30 words
 *     starting so, "colon": the phrase then a colon or dash, "year": the
 *     phrase then a year, "related": a prefix followed by a related
 *     headline, "heading": a line introducing related headlines);
 *   - byline: "By Jane Roe" (a cue of anatomy_byline_cues then a capital),
 *     "Jane Roe, Reuters", "Jane Roe | Europe correspondent";
 *   - photo credit: an agency name alone ("Sputnik"), a cue and a colon
 *     ("Photo: AP"), a slash next to an agency ("Reuters/John Smith"), an
 *     agency after "via";
 *   - date line: only months, weekdays, numbers, times and date words;
 *     AT_TIME when it has no calendar date (live-blog time stamps);
 *   - caption grammar: a sentence that ends with ", on <date>." or ",
 *     <date>." (the agencies' caption style), or with a credit;
 *   - pull quote: a block that is one quotation whose words also occur
 *     elsewhere in the text;
 *   - dateline (first body paragraph only): place words in capitals or an
 *     agency in brackets, then a dash ("KYIV, Ukraine (AP) —", "Kyiv,
 *     March 3 (Reuters) -"), or a known place in capitals and a colon
 *     ("NEW DELHI:", checked against the GeoNames list ner_places);
 *   - headline-shaped: short, not ending in a period, comma or colon;
 *   - otherwise prose.
 * None of these decides alone: anatomy_text.c weighs them with position.
 */
#include <string.h>

#include "anatomy_text.h"

static const char *at_dict_fold(const td_dict *d, const char *s, size_t a, size_t b)
{
    return b > a ? td_dict_get_fold(d, s + a, b - a) : NULL;
}

static int at_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The word before position i (ASCII blanks only), bounded below by lo. */
static int at_prev_word(const char *s, size_t lo, size_t i, size_t *ws, size_t *we)
{
    while (i > lo && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == '\r'))
        i--;
    *we = i;
    while (i > lo && !(s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == '\r'))
        i--;
    *ws = i;
    return *we > *ws;
}

/* A dash word: "-", "--", "–", "—", "―". */
static int at_is_dash(const char *s, size_t a, size_t b)
{
    if (b - a == 1 && s[a] == '-')
        return 1;
    if (b - a == 2 && s[a] == '-' && s[a + 1] == '-')
        return 1;
    return b - a == 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x80 &&
           (unsigned char)s[a + 2] >= 0x93 && (unsigned char)s[a + 2] <= 0x95;
}

/* All letters upper case (at least two), allowing . - ' inside. */
static int at_all_caps(const char *s, size_t a, size_t b)
{
    int letters = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            letters++;
        else if (c >= 'a' && c <= 'z')
            return 0;
        else if (c >= 0x80) {
            int k = at_first_kind(s, i, b);
            if (k == AT_F_LOWER)
                return 0;
            if (k == AT_F_UPPER)
                letters++;
            while (i + 1 < b && ((unsigned char)s[i + 1] & 0xC0) == 0x80)
                i++;
        } else if (c != '.' && c != '-' && c != '\'' && c != ',' && c != ':')
            return 0;
    }
    return letters >= 2;
}

/* ---- boilerplate ------------------------------------------------------- */

/* Tries the first words of the block against the boilerplate list; the
 * longest match that fits its use wins. */
static int at_boilerplate(const at_ctx *c, at_block *b)
{
    const td_dict *d = c->d.boilerplate;
    if (!d)
        return 0;
    const char *s = c->text;
    size_t maxk = td_dict_max_key(d), i = b->start, ws, we;
    int found = 0;
    if (b->nwords > 30) {
        /* only "Correction: ..." (colon) can match a long block */
        size_t lim = b->start + maxk + 2 < b->end ? b->start + maxk + 2 : b->end;
        if (!memchr(s + b->start, ':', lim - b->start) &&
            !memchr(s + b->start, '-', lim - b->start) &&
            !memchr(s + b->start, 0xE2, lim - b->start))
            return 0;
    }
    for (int k = 1; k <= 6; k++) { /* no phrase has more words */
        i = at_next_word(s, i, b->end, &ws, &we);
        if (ws == we)
            break;
        size_t cs = ws, ce = we;
        at_word_core(s, &cs, &ce);
        if (ce == cs)
            continue;
        if (ce - b->start > maxk)
            break;
        const char *v = at_dict_fold(d, s, b->start, ce);
        if (!v)
            continue;
        /* what follows the phrase: a dash, then the next word */
        size_t rs, re;
        size_t after = at_next_word(s, we, b->end, &rs, &re);
        int dash = we == ce && rs < re && at_is_dash(s, rs, re);
        while (rs < re) { /* skip lone marks: "Read more - Headline" */
            size_t a = rs, z = re;
            at_word_core(s, &a, &z);
            if (a < z)
                break;
            after = at_next_word(s, after, b->end, &rs, &re);
        }
        int whole = rs == re;
        int colon = (ce < b->end && s[ce] == ':') || dash;
        int year = rs < re && (at_is_digit(s[rs]) || (unsigned char)s[rs] == 0xC2);
        if (!strcmp(v, "colon") && colon && b->nwords <= 60) {
            b->bp = AT_BP_LINE;
            found = 1;
        } else if (!strcmp(v, "year") && year && b->nwords <= 30) {
            b->bp = AT_BP_LINE;
            found = 1;
        } else if (!strcmp(v, "line") && whole) {
            b->bp = AT_BP_LINE;
            found = 1;
        } else if (!strcmp(v, "prefix") && b->nwords <= 30) {
            b->bp = AT_BP_LINE;
            found = 1;
        } else if (!strcmp(v, "related") || !strcmp(v, "heading")) {
            if (whole) {
                b->bp = AT_BP_HEADING;
                found = 1;
            } else if (!strcmp(v, "related") && b->nwords <= 30 && b->term != '.') {
                b->bp = AT_BP_RELATED;
                b->split = (uint32_t)rs;
                found = 1;
            }
        }
    }
    return found;
}

/* ---- bylines and credits --------------------------------------------- */

/* An agency name: exactly as listed, or in capitals ("REUTERS"). */
static int at_agency(const at_ctx *c, size_t a, size_t b)
{
    if (b <= a)
        return 0;
    if (td_dict_get(c->d.agencies, c->text + a, b - a))
        return 1;
    return at_all_caps(c->text, a, b) && at_dict_fold(c->d.agencies, c->text, a, b);
}


/* Words of s[a..b) all start with a capital (or are minor words such as
 * "and", "de", "van"); returns how many, or 0 if one does not. */
static int at_name_words(const at_ctx *c, size_t a, size_t b, int max)
{
    const char *s = c->text;
    size_t i = a, ws, we;
    int n = 0;
    for (;;) {
        i = at_next_word(s, i, b, &ws, &we);
        if (ws == we)
            break;
        at_word_core(s, &ws, &we);
        if (ws == we)
            continue;
        if (++n > max)
            return 0;
        if (at_first_kind(s, ws, we) != AT_F_UPPER &&
            !at_dict_fold(c->d.minor_words, s, ws, we))
            return 0;
    }
    return n;
}

static size_t at_trim_end(const char *s, size_t a, size_t b)
{
    size_t n;
    while (b > a && at_is_space(s, b - 1, b, &n))
        b--;
    return b;
}

static size_t at_trim_start(const char *s, size_t a, size_t b)
{
    size_t n;
    while (a < b && at_is_space(s, a, b, &n))
        a += n;
    return a;
}

static int at_byline(const at_ctx *c, const at_block *b)
{
    const char *s = c->text;
    if (b->nwords > 16 || b->nwords < 2 || b->term == '.' || b->term == '?' || b->nlines > 1)
        return 0;
    /* "By Jane Roe", "Written by Jane Roe" */
    size_t i = b->start, ws, we;
    for (int k = 1; k <= 3; k++) {
        i = at_next_word(s, i, b->end, &ws, &we);
        if (ws == we)
            break;
        size_t cs = ws, ce = we;
        at_word_core(s, &cs, &ce);
        const char *v = at_dict_fold(c->d.byline_cues, s, b->start, ce);
        if (v && strcmp(v, "role") != 0) {
            size_t ns, ne;
            at_next_word(s, we, b->end, &ns, &ne);
            at_word_core(s, &ns, &ne);
            if (ns < ne && at_first_kind(s, ns, ne) == AT_F_UPPER)
                return 1;
        }
    }
    /* "Jane Roe, Reuters", "Jane Roe | Europe correspondent" */
    for (size_t p = b->start; p < b->end; p++) {
        if (s[p] != ',' && s[p] != '|')
            continue;
        size_t q = p + 1;
        while (q < b->end && s[q] != ',' && s[q] != '|')
            q++;
        size_t ra = at_trim_start(s, p + 1, q), rb = at_trim_end(s, p + 1, q);
        size_t cs = ra, ce = rb;
        at_word_core(s, &cs, &ce);
        int names = at_name_words(c, b->start, p, 7);
        if (names < 2)
            return 0;
        if (at_agency(c, cs, ce))
            return 1;
        /* the last word of the right part is a role: "correspondent" */
        size_t lws, lwe;
        if (at_prev_word(s, ra, rb, &lws, &lwe)) {
            at_word_core(s, &lws, &lwe);
            const char *v = at_dict_fold(c->d.byline_cues, s, lws, lwe);
            if (v && !strcmp(v, "role"))
                return 1;
        }
        return 0;
    }
    return 0;
}

/* A photo credit in s[a..b); bare: whether an agency name alone counts. */
static int at_credit_shape(const at_ctx *c, size_t a, size_t b, int bare)
{
    const char *s = c->text;
    a = at_trim_start(s, a, b);
    b = at_trim_end(s, a, b);
    if (b > a + 1 && s[a] == '(' && s[b - 1] == ')') {
        a = at_trim_start(s, a + 1, b - 1);
        b = at_trim_end(s, a, b - 1);
    }
    if (b <= a)
        return 0;
    char last = s[b - 1];
    if (last == '?' || last == '!' || last == ',' || last == ';' || last == '.' ||
        last == '"' || b - a > 120)
        return 0; /* credits are short and do not end as sentences do */
    /* © Jane Roe (a year after © makes it a copyright line instead) */
    if (b - a > 2 && (unsigned char)s[a] == 0xC2 && (unsigned char)s[a + 1] == 0xA9) {
        size_t t = at_trim_start(s, a + 2, b);
        return t < b && !at_is_digit(s[t]);
    }
    size_t cs = a, ce = b;
    at_word_core(s, &cs, &ce);
    if (bare && at_agency(c, cs, ce))
        return 1;
    size_t i = a, ws, we, pws = 0, pwe = 0;
    int nwords = 0, ncap = 0, agency = 0, slash = 0, via = 0, cue = 0;
    for (;;) {
        i = at_next_word(s, i, b, &ws, &we);
        if (ws == we)
            break;
        size_t raw_end = we;
        at_word_core(s, &ws, &we);
        if (ws == we)
            continue;
        if (++nwords > 10)
            return 0;
        /* "Photo: AP", "Main image credit: Getty" */
        if (nwords <= 3 && raw_end > we && s[we] == ':' && raw_end < b &&
            at_dict_fold(c->d.credit_cues, s, ws, we))
            return 1;
        if (nwords == 2 && raw_end > we && s[we] == ':' &&
            at_dict_fold(c->d.credit_cues, s, pws, we))
            return 1;
        if (nwords == 2 && at_dict_fold(c->d.credit_cues, s, pws, pwe) &&
            (we - ws == 2 && (s[ws] == 'b' || s[ws] == 'B') && (s[ws + 1] == 'y' || s[ws + 1] == 'Y')))
            return 1;
        if (nwords == 1 && at_dict_fold(c->d.credit_cues, s, ws, we))
            cue = 1; /* "Image copyright Getty Images" */
        if (at_first_kind(s, ws, we) == AT_F_UPPER)
            ncap++;
        if (we - ws == 3 && !memcmp(s + ws, "via", 3))
            via = 1;
        /* pieces around slashes: "Reuters/John Smith", "AP Photo/Jane Roe" */
        size_t p = ws;
        for (size_t q = ws; q <= we; q++) {
            if (q < we && s[q] != '/')
                continue;
            if (q < we)
                slash = 1;
            if (at_agency(c, p, q))
                agency = 1;
            p = q + 1;
        }
        if (nwords >= 2 && at_agency(c, pws, we))
            agency = 1; /* "Getty Images", "Anadolu Agency" */
        pws = ws;
        pwe = we;
    }
    if (!agency)
        return 0;
    if (slash || via || cue)
        return 1;
    return bare && nwords <= 4 && ncap == nwords && last != '.';
}

int at_is_credit(const at_ctx *c, size_t a, size_t b)
{
    return at_credit_shape(c, a, b, 1);
}

/* ---- dates ------------------------------------------------------------- */

static const char *at_date_word(const at_ctx *c, size_t a, size_t b)
{
    size_t x = a, y = b;
    at_word_core(c->text, &x, &y);
    return at_dict_fold(c->d.date_words, c->text, x, y);
}

/* 2026-03-03, 3/3/2026, 03.03.26: digit groups of 4-2-2 or 2-2-(2|4). */
static int at_numeric_date(const char *s, size_t a, size_t b)
{
    size_t g[3] = {0, 0, 0}, k = 0;
    for (size_t i = a; i < b && k < 3; i++) {
        if (at_is_digit(s[i]))
            g[k]++;
        else
            k++;
    }
    if (g[0] == 4)
        return g[1] >= 1 && g[1] <= 2 && g[2] >= 1 && g[2] <= 2;
    return g[0] >= 1 && g[0] <= 2 && g[1] >= 1 && g[1] <= 2 && (g[2] == 2 || g[2] == 4);
}

/* AT_DATE, AT_TIME or -1. */
static int at_date_shape(const at_ctx *c, const at_block *b)
{
    if (b->nwords > 14 || b->nlines > 1 || !c->d.date_words)
        return -1;
    const char *s = c->text;
    size_t i = b->start, ws, we;
    int numbers = 0, month = 0, year = 0, time = 0, weekday = 0, place = 0;
    /* "Ulaanbaatar, 12 November 2026": a place name, a comma, a date */
    const char *comma = memchr(s + b->start, ',', b->end - b->start < 40 ? b->end - b->start : 40);
    if (comma && at_name_words(c, b->start, (size_t)(comma - s), 3) > 0 &&
        !at_date_word(c, b->start, (size_t)(comma - s))) {
        i = (size_t)(comma - s) + 1;
        place = 1;
    }
    for (;;) {
        i = at_next_word(s, i, b->end, &ws, &we);
        if (ws == we)
            break;
        at_word_core(s, &ws, &we);
        if (ws == we)
            continue;
        if (at_is_digit(s[ws])) {
            size_t digits = 0, seps = 0, k = ws;
            int colon = 0;
            while (k < we && (at_is_digit(s[k]) || s[k] == ':' || s[k] == '.' ||
                              s[k] == '/' || s[k] == '-')) {
                if (at_is_digit(s[k])) {
                    digits++;
                } else {
                    seps++;
                    colon |= s[k] == ':' || s[k] == '.';
                }
                k++;
            }
            size_t tail = we - k;
            if (tail > 4)
                return -1;
            if (tail) {
                const char *v = at_dict_fold(c->d.date_words, s, k, we);
                if (!v)
                    return -1; /* "3rd", "9am", "14h": suffixes are date words */
                if (!strcmp(v, "time"))
                    time = 1;
            }
            numbers++;
            if (seps == 0 && digits == 4 && (s[ws] == '1' || s[ws] == '2'))
                year = 1;
            else if (seps == 2 && !colon && at_numeric_date(s, ws, k))
                month = year = 1; /* 2026-03-03, 03/03/2026 */
            else if (seps >= 2 && !colon)
                return -1; /* a telephone number, a score */
            else if (colon && digits >= 3)
                time = 1;
            else if (seps && !colon)
                month = 1; /* 3/3 */
            continue;
        }
        const char *v = at_dict_fold(c->d.date_words, s, ws, we);
        if (!v)
            return -1;
        if (!strcmp(v, "month"))
            month = 1;
        else if (!strcmp(v, "weekday"))
            weekday = 1;
        else if (!strcmp(v, "time"))
            time = 1;
    }
    if (!numbers && !weekday)
        return -1;
    if (place)
        return month ? AT_DATE : -1;
    if (month || (weekday && year) || year)
        return AT_DATE;
    if (time || numbers)
        return AT_TIME;
    return -1;
}

/* ---- captions ------------------------------------------------------------ */


static int at_is_num(const char *s, size_t a, size_t b, size_t minlen, size_t maxlen)
{
    at_word_core(s, &a, &b);
    if (b - a < minlen || b - a > maxlen)
        return 0;
    for (size_t i = a; i < b; i++)
        if (!at_is_digit(s[i]))
            return 0;
    return 1;
}

static int at_ends_comma(const char *s, size_t ws, size_t we)
{
    return we > ws && s[we - 1] == ',';
}

/* Whether the block ends ", on <date>." or ", <date>." */
static int at_caption_date_tail(const at_ctx *c, const at_block *b)
{
    const char *s = c->text;
    size_t w[6][2], i = b->end;
    int n = 0;
    while (n < 6 && at_prev_word(s, b->start, i, &w[n][0], &w[n][1])) {
        i = w[n][0];
        n++;
    }
    if (n < 4)
        return 0;
    /* most paragraphs end in a lower-case word: no date */
    if (at_first_kind(s, w[0][0], w[0][1]) == AT_F_LOWER)
        return 0;
    const char *v0 = at_date_word(c, w[0][0], w[0][1]);
    const char *v1 = at_date_word(c, w[1][0], w[1][1]);
    const char *v2 = n > 2 ? at_date_word(c, w[2][0], w[2][1]) : NULL;
    int start, weekday = 0; /* start: index of the first word of the date */
    if (at_is_num(s, w[0][0], w[0][1], 4, 4)) {
        if (at_is_num(s, w[1][0], w[1][1], 1, 2) && v2 && !strcmp(v2, "month"))
            start = 2; /* February 17, 2023 */
        else if (v1 && !strcmp(v1, "month") && at_is_num(s, w[2][0], w[2][1], 1, 2))
            start = 2; /* 17 February 2023 */
        else if (v1 && !strcmp(v1, "month"))
            start = 1; /* February 2023 */
        else
            return 0;
    } else if (v0 && !strcmp(v0, "weekday")) {
        start = 0; /* ", on Tuesday." */
        weekday = 1;
    } else {
        return 0;
    }
    if (start + 2 >= n)
        return 0;
    size_t ps = w[start + 1][0], pe = w[start + 1][1];
    if (pe - ps == 2 && s[ps] == 'o' && s[ps + 1] == 'n')
        return at_ends_comma(s, w[start + 2][0], w[start + 2][1]);
    /* "..., in Rotterdam, Netherlands, March 9, 2026.": a place before */
    return !weekday && at_ends_comma(s, ps, pe) &&
           at_first_kind(s, ps, pe) == AT_F_UPPER && !at_date_word(c, ps, pe);
}

/* A credit at the end of the block: "... Kharkiv. Photograph: Jane
 * Roe/Reuters" or "... (AP Photo/Jane Roe)".  Sets split. */
static int at_caption_credit_tail(const at_ctx *c, at_block *b)
{
    const char *s = c->text;
    size_t lo = b->end > b->start + 100 ? b->end - 100 : b->start;
    if (s[b->end - 1] == ')') {
        for (size_t p = b->end - 1; p > lo; p--) {
            if (s[p - 1] != '(')
                continue;
            size_t open = p - 1;
            if (at_credit_shape(c, open, b->end, 0) && open > b->start + 10) {
                b->split = (uint32_t)open;
                b->split_end = b->end;
                return 1;
            }
            break;
        }
    }
    for (size_t p = b->end - 1; p > lo + 1; p--) {
        if ((s[p] == ' ' || s[p] == '\t') && (s[p - 1] == '.' || s[p - 1] == '\n')) {
            if (at_credit_shape(c, p, b->end, 0) && p > b->start + 10) {
                b->split = (uint32_t)at_trim_start(s, p, b->end);
                b->split_end = b->end;
                return 1;
            }
            break;
        }
    }
    return 0;
}

int at_caption_cue(const at_ctx *c, const at_block *b)
{
    if (b->nwords > 60 || !c->d.caption_cues)
        return 0;
    const char *s = c->text;
    size_t i = b->start, ws, we, pws = 0;
    int k = 0;
    for (;;) {
        i = at_next_word(s, i, b->end, &ws, &we);
        if (ws == we)
            break;
        size_t re = we;
        while (re > ws && (s[re - 1] == ',' || s[re - 1] == '.' || s[re - 1] == ';'))
            re--;
        if (at_dict_fold(c->d.caption_cues, s, ws, re))
            return 1;
        size_t cs = ws, ce = we;
        at_word_core(s, &cs, &ce);
        if (at_dict_fold(c->d.caption_cues, s, cs, ce))
            return 1;
        if (k++ && at_dict_fold(c->d.caption_cues, s, pws, ce))
            return 1;
        pws = cs;
    }
    return 0;
}

/* ---- pull quotes --------------------------------------------------------- */

/* Whether needle[0..n) occurs in s[a..b). */
static int at_find(const char *s, size_t a, size_t b, const char *needle, size_t n)
{
    while (a + n <= b) {
        const char *p = memchr(s + a, needle[0], b - n + 1 - a);
        if (!p)
            return 0;
        if (!memcmp(p, needle, n))
            return 1;
        a = (size_t)(p - s) + 1;
    }
    return 0;
}

static int at_pullquote(at_ctx *c, const at_block *b)
{
    const char *s = c->text;
    if (b->first != AT_F_QUOTE || !b->quote_end || b->nwords > 50 || b->nwords < 6 ||
        c->pullquote_budget <= 0)
        return 0;
    /* one quotation: no closing double quote before the last character */
    for (size_t i = b->start + 1; i + 3 < b->end; i++)
        if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x9D)
            return 0;
    c->pullquote_budget--;
    size_t a = b->start;
    while (a < b->end) { /* past the opening marks */
        unsigned char x = (unsigned char)s[a];
        if (x == '"' || x == '\'' || x == ' ')
            a++;
        else if (a + 2 < b->end && x == 0xE2 && (unsigned char)s[a + 1] == 0x80 &&
                 ((unsigned char)s[a + 2] == 0x9C || (unsigned char)s[a + 2] == 0x98))
            a += 3;
        else if (a + 1 < b->end && x == 0xC2 && (unsigned char)s[a + 1] == 0xAB)
            a += 2;
        else
            break;
    }
    size_t want = b->end - a;
    if (want > 32)
        want = 32;
    while (want > 0 && ((unsigned char)s[a + want] & 0xC0) == 0x80)
        want--; /* cut on a character boundary */
    if (want < 20)
        return 0;
    return at_find(s, 0, b->start, s + a, want) || at_find(s, b->end, c->len, s + a, want);
}

/* ---- datelines ----------------------------------------------------------- */

size_t at_dateline(const at_ctx *c, size_t a, size_t e, size_t *body)
{
    const char *s = c->text;
    size_t limit = e < a + 160 ? e : a + 160, i = a, ws, we;
    int words = 0, caps_first = 0, agency = 0;
    for (;;) {
        i = at_next_word(s, i, limit, &ws, &we);
        if (ws == we || we == limit)
            return 0;
        if (at_is_dash(s, ws, we)) {
            if (!words)
                return 0;
            break;
        }
        if (s[ws] == '(') {
            const char *close = memchr(s + ws, ')', limit - ws);
            if (!close || close - (s + ws) > 40)
                return 0;
            size_t ia = ws + 1, ib = (size_t)(close - s);
            if (at_agency(c, ia, ib))
                agency = 1;
            i = ib + 1;
            /* "(AFP)—" with the dash attached */
            size_t ds = i, de = i;
            while (de < limit && !(s[de] == ' ' || s[de] == '\t' || s[de] == '\n'))
                de++;
            if (de > ds && at_is_dash(s, ds, de)) {
                ws = ds;
                we = de;
                break;
            }
            at_next_word(s, i, limit, &ws, &we);
            if (!at_is_dash(s, ws, we))
                return 0;
            break;
        }
        if (++words > 8)
            return 0;
        size_t cs = ws, ce = we;
        at_word_core(s, &cs, &ce);
        if (cs == ce)
            return 0;
        if (words == 1)
            caps_first = at_all_caps(s, cs, ce);
        int k = at_first_kind(s, cs, ce);
        if (k != AT_F_UPPER && k != AT_F_DIGIT)
            return 0;
        if (caps_first && s[we - 1] == ':' && at_all_caps(s, cs, ce)) {
            /* "NEW DELHI: ..." but not "DEAR ABBY: ...": with a colon, the
             * words must name a known place */
            if (!at_dict_fold(c->d.places, s, a, ce))
                return 0;
            *body = at_trim_start(s, we, e);
            return *body < e ? we : 0;
        }
    }
    if (!caps_first && !agency)
        return 0;
    *body = at_trim_start(s, we, e);
    return *body < e ? we : 0;
}

/* ---- the class of a block -------------------------------------------- */

/* A URL or e-mail address. */
static int at_is_link(const char *s, size_t a, size_t b)
{
    if (b - a >= 4 && (!memcmp(s + a, "http", 4) || !memcmp(s + a, "www.", 4)))
        return 1;
    const char *at = memchr(s + a, '@', b - a);
    return at && at > s + a && memchr(at, '.', (size_t)(s + b - at));
}

/* Holds a URL or an e-mail address somewhere ("To volunteer email: x@y.org"):
 * no headline does. */
static int at_has_link(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (s[i] == '@' && i > a && s[i - 1] != ' ' && i + 1 < b && s[i + 1] != ' ' &&
            memchr(s + i, '.', b - i))
            return 1;
        if (s[i] == ':' && i + 2 < b && s[i + 1] == '/' && s[i + 2] == '/')
            return 1;
        if (s[i] == 'w' && i + 4 <= b && !memcmp(s + i, "www.", 4) &&
            (i == a || s[i - 1] == ' '))
            return 1;
    }
    return 0;
}

/* "Q: ...", "A: ...": a one- or two-letter label and a colon open the
 * line, as in interviews and transcripts; such lines are not headlines. */
static int at_label_prefix(const char *s, size_t a, size_t b)
{
    size_t i = a;
    while (i < b && i < a + 2 && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
        i++;
    return i > a && i < b && s[i] == ':';
}

double at_title_ratio(const at_block *b)
{
    unsigned n = (unsigned)b->ncap + b->nlow;
    return n ? (double)b->ncap / n : 0.0;
}

void at_classify(at_ctx *c, at_block *b)
{
    const char *s = c->text;
    b->cls = AT_PROSE;
    if (b->nwords == 0) { /* "***", "---" */
        b->cls = AT_BOILER;
        b->bp = AT_BP_LINE;
        return;
    }
    if (b->nwords <= AT_MAX_WORDS && at_boilerplate(c, b)) {
        b->cls = AT_BOILER;
        return;
    }
    /* © 2026 Example Media */
    if (b->end - b->start > 2 && (unsigned char)s[b->start] == 0xC2 &&
        (unsigned char)s[b->start + 1] == 0xA9 && b->nwords <= 30 &&
        !at_is_credit(c, b->start, b->end)) {
        b->cls = AT_BOILER;
        b->bp = AT_BP_LINE;
        return;
    }
    if (at_byline(c, b)) {
        b->cls = AT_BYLINE;
        return;
    }
    if (b->nwords <= 10 && b->nlines == 1 && at_is_credit(c, b->start, b->end)) {
        b->cls = AT_CREDIT;
        return;
    }
    int d = at_date_shape(c, b);
    if (d >= 0) {
        b->cls = (uint8_t)d;
        return;
    }
    if (at_pullquote(c, b)) {
        b->cls = AT_PULLQUOTE;
        return;
    }
    if (b->nwords >= 4 && b->nwords <= AT_MAX_WORDS &&
        (at_caption_credit_tail(c, b) || (b->term == '.' && at_caption_date_tail(c, b)))) {
        b->cls = AT_CAPTION;
        return;
    }
    if (b->nwords == 1 && at_is_link(s, b->start, b->end)) {
        b->cls = AT_BOILER; /* a bare URL or e-mail address */
        b->bp = AT_BP_LINE;
        b->link = 1;
        return;
    }
    if (b->term != '.' && b->term != ',' && b->term != ';' && b->term != ':' &&
        b->nwords <= 30 && b->nlines <= 2 && b->first != AT_F_LOWER &&
        b->first != AT_F_BULLET && s[b->start] != '(' && s[b->start] != '[' &&
        !at_label_prefix(s, b->start, b->end) && !at_has_link(s, b->start, b->end)) {
        b->cls = AT_HEAD;
        at_title_case(c, b);
    }
}
