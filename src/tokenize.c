/*
 * tokenize.c — cutting analysed parts into tokens (the language stage).
 *
 * One left-to-right pass over the bytes of a part.  Each step classifies
 * the character at the cursor (tokenize_chars.h: a table for ASCII,
 * utf8proc for the rest) and hands over to the scanner for what can start
 * there: a word, a number, a URL or e-mail address (tokenize_web.c), or
 * punctuation.
 * Scanners look ahead a few characters at most, so the pass is linear, and
 * tokens go straight into the document's arena array, reserved once from
 * the size of the text.
 *
 * Decisions that need context are taken here, where the bytes are:
 *   - a full stop after a word joins it when the word is a dotted acronym
 *     (U.S., a.m.), an initial (W.), or listed in data/dict/
 *     abbreviations.txt; "No." only when a number follows.  The dictionary
 *     is consulted only for words followed by '.', so lookups are rare.
 *   - a straight or single curly quote is an apostrophe (clitic, elision,
 *     possessive), an opening or a closing quotation mark, decided from the
 *     characters on either side and from the quotes still open in the part.
 * Sentence boundaries are sentence.c's job.
 */
#include "tokenize.h"

#include <string.h>

#include "engine.h"
#include "stages.h"
#include "tokenize_chars.h"

/* ---- the scanner ------------------------------------------------------ */

typedef struct tok_scan {
    td_doc *doc;
    const unsigned char *s;
    size_t lo, end; /* the part */
    const td_lang_lex *lex;
    int dq_open, sq_open; /* double and single quotes open in the part */
    int dq_low;           /* the last double quote opened was „ (closes with “) */
} tok_scan;

/* What a scanner found: the token ends at `end`. */
typedef struct tok_out {
    size_t end;
    int kind;
    uint16_t flags;
} tok_out;

/* An English clitic at i (an apostrophe then s, re, ve, ll, d or m, then
 * no more letters): its length, or 0. */
static size_t clitic_at(const unsigned char *s, size_t i, size_t end)
{
    tok_ch a = ch_at(s, i, end);
    if (!cp_is_apos(a.cp))
        return 0;
    size_t j = i + a.len, n = 0;
    while (j + n < end && n < 3 && s[j + n] < 0x80 &&
           (tok_ascii[s[j + n]] == CL_UPPER || tok_ascii[s[j + n]] == CL_LOWER))
        n++;
    if (n == 0 || n > 2 || cl_is_wordch(ch_at(s, j + n, end).cl))
        return 0;
    unsigned char c0 = ascii_lower(s[j]), c1 = n == 2 ? ascii_lower(s[j + 1]) : 0;
    int ok = n == 1 ? (c0 == 's' || c0 == 'd' || c0 == 'm')
                    : ((c0 == 'r' && c1 == 'e') || (c0 == 'v' && c1 == 'e') ||
                       (c0 == 'l' && c1 == 'l'));
    return ok ? a.len + n : 0;
}

/* "n’t" at i (n, apostrophe, t, then no letter): its length, or 0. */
static size_t nt_at(const unsigned char *s, size_t i, size_t end)
{
    if (i >= end || ascii_lower(s[i]) != 'n')
        return 0;
    tok_ch a = ch_at(s, i + 1, end);
    size_t t = i + 1 + a.len;
    if (!cp_is_apos(a.cp) || t >= end || ascii_lower(s[t]) != 't' ||
        cl_is_wordch(ch_at(s, t + 1, end).cl))
        return 0;
    return t + 1 - i;
}

/* Letters (not digits) of the dotted segment starting at i, up to 3. */
static size_t segment_letters(const unsigned char *s, size_t i, size_t end)
{
    size_t n = 0;
    tok_ch c;
    while (n < 3 && cl_is_letter((c = ch_at(s, i, end)).cl))
        i += c.len, n++;
    if (n && cl_is_wordch(ch_at(s, i, end).cl))
        return 3; /* letters then digits: not an acronym segment */
    return n;
}

/* Letters and digits, with inner hyphens, apostrophes that are not
 * clitics, and the dots of acronyms; w records the case of the letters
 * and whether dots were taken in. */
typedef struct word_shape {
    int nup, nlow, nletters, first_up, first_seen, dotted;
} word_shape;

static inline void shape_add(word_shape *w, int cl)
{
    if (!cl_is_letter(cl) || cl == CL_MARK)
        return;
    w->nletters++;
    if (!w->first_seen) {
        w->first_seen = 1;
        w->first_up = cl == CL_UPPER;
    }
    w->nup += cl == CL_UPPER;
    w->nlow += cl == CL_LOWER;
}

static size_t scan_word(const tok_scan *sc, size_t i, word_shape *w)
{
    const unsigned char *s = sc->s;
    size_t end = sc->end, j = i;
    int seg = 0; /* letters or digits since the word's start or last dot */
    int last_cl = CL_END;
    for (;;) {
        tok_ch c;
        /* ASCII letters and digits: the common case, without a call */
        while (j < end && s[j] < 0x80) {
            int cl = tok_ascii[s[j]];
            if (cl != CL_UPPER && cl != CL_LOWER && cl != CL_DIGIT)
                break;
            shape_add(w, cl);
            last_cl = cl;
            j++, seg++;
        }
        c = ch_at(s, j, end);
        if (cl_is_wordch(c.cl)) {
            shape_add(w, c.cl);
            last_cl = c.cl;
            j += c.len, seg++;
            continue;
        }
        if (c.cp == '-' || c.cp == 0x2010 || c.cp == 0x2011) {
            int n = ch_at(s, j + c.len, end).cl;
            if (cl_is_letter(n) || n == CL_DIGIT) {
                j += c.len, seg = 0;
                continue;
            }
            break;
        }
        if (cp_is_apos(c.cp) && c.cp != 0x2018) {
            tok_ch n = ch_at(s, j + c.len, end);
            if (!cl_is_letter(n.cl) || clitic_at(s, j, end))
                break;
            /* do|n’t: the word ends before the n */
            if (j - 1 > i && nt_at(s, j - 1, end)) {
                j--;
                w->nletters--;
                w->nup -= last_cl == CL_UPPER;
                w->nlow -= last_cl == CL_LOWER;
                break;
            }
            j += c.len, seg = 0;
            continue;
        }
        if (c.cp == '.' && seg >= 1 && seg <= 2 && w->nletters == w->nup + w->nlow) {
            size_t m = segment_letters(s, j + 1, end);
            if (m >= 1 && m <= 2) {
                w->dotted = 1;
                j++, seg = 0;
                continue;
            }
        }
        break;
    }
    return j;
}

/* The token after a word: a full stop joins an abbreviation. */
static tok_out finish_word(tok_scan *sc, size_t i, size_t j, word_shape *w)
{
    const unsigned char *s = sc->s;
    tok_out t = {j, TD_TOK_WORD, 0};
    if (w->first_up)
        t.flags |= TD_TF_CAP;
    if (w->nup >= 2 && w->nlow == 0)
        t.flags |= TD_TF_ALLCAPS;
    /* not "etc..." (an ellipsis follows), but "the U.S.." (one stop more) */
    if (j < sc->end && s[j] == '.' &&
        (!(j + 1 < sc->end && s[j + 1] == '.') ||
         (w->dotted && !(j + 2 < sc->end && s[j + 2] == '.')))) {
        int abbrev = 0;
        if (w->dotted)
            abbrev = 1;
        else if (w->nletters == 1 && w->nup == 1 && ch_at(s, i, j).len == j - i)
            abbrev = 1; /* an initial: W. */
        else {
            td_abbrev_class k = td_abbrev_lookup(sc->lex, (const char *)s + i, j + 1 - i);
            if (k == TD_ABBR_NUM) {
                size_t n = j + 1;
                while (n < sc->end && (s[n] == ' ' || s[n] == '\t'))
                    n++;
                abbrev = ascii_digit(s, n, sc->end);
            } else {
                abbrev = k != TD_ABBR_NONE;
            }
        }
        if (abbrev) {
            t.end = j + 1;
            t.flags |= TD_TF_ABBREV;
        }
    }
    return t;
}

/* Digits with grouping commas, decimal points, time colons, slashes, an
 * ISO date's hyphens, and an ordinal or decade suffix. */
static size_t scan_number(const unsigned char *s, size_t i, size_t end)
{
    size_t j = i;
    tok_ch c;
    while ((c = ch_at(s, j, end)).cl == CL_DIGIT)
        j += c.len;
    size_t first_run = j - i;
    for (;;) {
        if (j >= end)
            break;
        unsigned char d = s[j];
        if (d == ',' && ascii_digit(s, j + 1, end) && ascii_digit(s, j + 2, end) &&
            ascii_digit(s, j + 3, end) && !ascii_digit(s, j + 4, end)) {
            j += 4;
            continue;
        }
        if ((d == '.' || d == ':' || d == '/') && ascii_digit(s, j + 1, end)) {
            j++;
            while (ascii_digit(s, j, end))
                j++;
            continue;
        }
        /* 2023-02-17, 713-555-0142: two hyphens join, one (a range) does not */
        if (d == '-' && j - i == first_run && ascii_digit(s, j + 1, end) &&
            !(i > 0 && s[i - 1] == '-')) {
            size_t k = j + 1;
            while (ascii_digit(s, k, end))
                k++;
            if (k < end && s[k] == '-' && ascii_digit(s, k + 1, end)) {
                k++;
                while (ascii_digit(s, k, end))
                    k++;
                if (!(k < end && s[k] == '-' && ascii_digit(s, k + 1, end)))
                    j = k;
            }
            break;
        }
        break;
    }
    /* 21st, 2nd, 3rd, 4th, 1990s */
    size_t n = 0;
    while (j + n < end && n < 3 && s[j + n] < 0x80 &&
           (tok_ascii[s[j + n]] == CL_LOWER || tok_ascii[s[j + n]] == CL_UPPER))
        n++;
    if (n && n < 3 && !cl_is_wordch(ch_at(s, j + n, end).cl)) {
        unsigned char a = ascii_lower(s[j]), b = n == 2 ? ascii_lower(s[j + 1]) : 0;
        if ((n == 2 && ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
                        (a == 'r' && b == 'd') || (a == 't' && b == 'h'))) ||
            (n == 1 && a == 's' && j - i >= 2))
            j += n;
    }
    return j;
}

/* Opening context: before a quote that opens (start, space, bracket, dash,
 * slash, another opening quote). */
static int opens_after(const tok_ch *c)
{
    return c->cl == CL_SPACE || c->cp == '(' || c->cp == '[' || c->cp == '{' ||
           c->cp == '/' || cp_is_dash(c->cp) || c->cp == 0x201C ||
           c->cp == 0x2018 || c->cp == 0x00AB || c->cp == 0x201E;
}

/* Closing context: after a quote that closes. */
static int closes_before(const tok_ch *c)
{
    return c->cl == CL_END || c->cl == CL_SPACE ||
           (c->cl == CL_PUNCT && !(c->cp == '(' || c->cp == '[' || c->cp == '{' ||
                                   c->cp == 0x201C || c->cp == 0x2018));
}

static tok_out quote_open(int *depth, size_t end)
{
    tok_out t = {end, TD_TOK_PUNCT, TD_TF_QUOTE_OPEN};
    if (*depth < 1000)
        (*depth)++;
    return t;
}

static tok_out quote_close(int *depth, size_t end)
{
    tok_out t = {end, TD_TOK_PUNCT, TD_TF_QUOTE_CLOSE};
    if (*depth > 0)
        (*depth)--;
    return t;
}

static tok_out scan_double_quote(tok_scan *sc, size_t i, tok_ch c)
{
    size_t j = i + c.len;
    tok_ch prev = ch_before(sc->s, sc->lo, i), next = ch_at(sc->s, j, sc->end);
    switch (c.cp) {
    case 0x201E: /* „ */
        sc->dq_low = 1;
        return quote_open(&sc->dq_open, j);
    case 0x201C: case 0x201F: case 0x00AB: case 0x2039: /* “ ‟ « ‹ */
        if (c.cp == 0x201C && sc->dq_low && sc->dq_open > 0) {
            sc->dq_low = 0;
            return quote_close(&sc->dq_open, j);
        }
        return quote_open(&sc->dq_open, j);
    case 0x201D: case 0x00BB: case 0x203A: /* ” » › */
        if (opens_after(&prev) && !closes_before(&next) && sc->dq_open == 0)
            return quote_open(&sc->dq_open, j); /* ”…” as in Swedish */
        return quote_close(&sc->dq_open, j);
    default: { /* straight " */
        int o = opens_after(&prev), cl = closes_before(&next);
        if (o && !cl)
            return quote_open(&sc->dq_open, j);
        if (cl && !o)
            return quote_close(&sc->dq_open, j);
        return sc->dq_open ? quote_close(&sc->dq_open, j) : quote_open(&sc->dq_open, j);
    }
    }
}

/* The length of an elided word at j (after an apostrophe), or 0. */
static size_t elision_at(const unsigned char *s, size_t j, size_t end)
{
    static const char *const words[] = {"em", "til", "cause", "tis", "twas", "bout"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t n = strlen(words[w]);
        if (starts_ci(s, j, end, words[w]) && !cl_is_wordch(ch_at(s, j + n, end).cl))
            return n;
    }
    return 0;
}

/* ' ‘ ’ ‛: apostrophe or single quotation mark. */
static tok_out scan_single_quote(tok_scan *sc, size_t i, tok_ch c)
{
    const unsigned char *s = sc->s;
    size_t end = sc->end, j = i + c.len, n;
    tok_ch prev = ch_before(s, sc->lo, i), next = ch_at(s, j, end);
    tok_out t = {j, TD_TOK_PUNCT, 0};
    if (cl_is_wordch(prev.cl) || prev.cp == '.') { /* U.K.’s */
        if ((n = clitic_at(s, i, end))) {
            t.end = i + n, t.kind = TD_TOK_WORD;
            return t;
        }
        if (sc->sq_open)
            return quote_close(&sc->sq_open, j);
        if (!cl_is_wordch(next.cl) && prev.cp < 0x80 && ascii_lower((unsigned char)prev.cp) == 's') {
            t.kind = TD_TOK_WORD; /* the Serbs’ claims */
            return t;
        }
        if (cl_is_letter(next.cl)) { /* a stray inner apostrophe after digits */
            t.kind = TD_TOK_WORD;
            return t;
        }
        return quote_close(&sc->sq_open, j);
    }
    if (opens_after(&prev)) {
        /* ’90s, '99 */
        if (ascii_digit(s, j, end) && ascii_digit(s, j + 1, end) &&
            !ascii_digit(s, j + 2, end)) {
            size_t k = j + 2;
            if (k < end && s[k] == 's' && !cl_is_wordch(ch_at(s, k + 1, end).cl))
                k++;
            if (!cl_is_wordch(ch_at(s, k, end).cl)) {
                t.end = k, t.kind = TD_TOK_NUMBER;
                return t;
            }
        }
        /* rock ’n’ roll */
        if (j < end && ascii_lower(s[j]) == 'n') {
            tok_ch a = ch_at(s, j + 1, end);
            if (cp_is_apos(a.cp) && !cl_is_wordch(ch_at(s, j + 1 + a.len, end).cl)) {
                t.end = j + 1 + a.len, t.kind = TD_TOK_WORD;
                return t;
            }
        }
        /* ’em, ’til, ’cause, ’tis: elided words, not quotations */
        if ((n = elision_at(s, j, end))) {
            t.end = j + n, t.kind = TD_TOK_WORD;
            return t;
        }
        if (next.cl == CL_SPACE || next.cl == CL_END)
            return sc->sq_open ? quote_close(&sc->sq_open, j) : t;
        return quote_open(&sc->sq_open, j);
    }
    if (closes_before(&next))
        return quote_close(&sc->sq_open, j);
    return quote_open(&sc->sq_open, j);
}

/* Punctuation and symbols: runs of dots, hyphens, ? and !; hashtags and
 * handles; quotation marks; otherwise one character. */
static tok_out scan_punct(tok_scan *sc, size_t i, tok_ch c)
{
    const unsigned char *s = sc->s;
    size_t end = sc->end, j = i + c.len;
    tok_out t = {j, c.cl == CL_SYMBOL ? TD_TOK_SYMBOL : TD_TOK_PUNCT, 0};
    switch (c.cp) {
    case '.':
        if (j < end && s[j] == '.') {
            while (j < end && s[j] == '.')
                j++;
            t.end = j;
        } else if (ascii_digit(s, j, end) &&
                   !cl_is_wordch(ch_before(s, sc->lo, i).cl)) {
            t.end = scan_number(s, j, end), t.kind = TD_TOK_NUMBER;
        }
        return t;
    case '-':
        while (j < end && s[j] == '-')
            j++;
        t.end = j;
        return t;
    case '?': case '!':
        while (j < end && (s[j] == '?' || s[j] == '!'))
            j++;
        t.end = j;
        return t;
    case '#': case '@': {
        tok_ch n;
        size_t k = j;
        if (cl_is_wordch(ch_before(s, sc->lo, i).cl))
            return t; /* me@home: not a handle */
        if (c.cp == '@' && !(cl_is_letter(ch_at(s, j, end).cl) || (j < end && s[j] == '_')))
            return t; /* @2.50: not a handle */
        while ((n = ch_at(s, k, end)).cl != CL_END &&
               (cl_is_wordch(n.cl) || n.cp == '_'))
            k += n.len;
        if (k > j) {
            t.end = k, t.kind = TD_TOK_WORD;
            if (cl_is_letter(ch_at(s, j, end).cl) && ch_at(s, j, end).cl == CL_UPPER)
                t.flags |= TD_TF_CAP;
        }
        return t;
    }
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
        return scan_double_quote(sc, i, c);
    case '\'': case 0x2018: case 0x2019: case 0x201B:
        return scan_single_quote(sc, i, c);
    case 0x201A: /* ‚ low single opening quote */
        return quote_open(&sc->sq_open, j);
    case '_': case '=': case '*': case '~': case '<': case '>': case '|':
    case '^': case '\\':
        while (j < end && s[j] == s[i]) /* ***, ====, << as one token */
            j++;
        t.end = j;
        return t;
    default:
        return t;
    }
}

/* The token starting at i (not white space). */
static tok_out scan_token(tok_scan *sc, size_t i, tok_ch c)
{
    const unsigned char *s = sc->s;
    size_t end = sc->end, j;
    tok_out t = {0, TD_TOK_WORD, 0};
    switch (c.cl) {
    case CL_UPPER: case CL_LOWER: case CL_LETTER: case CL_MARK: {
        if ((c.cp | 0x20) == 'h' || (c.cp | 0x20) == 'w' || (c.cp | 0x20) == 'f') {
            if ((j = td_tok_url(s, i, end))) {
                t.end = j, t.kind = TD_TOK_URL;
                return t;
            }
        }
        if ((c.cp | 0x20) == 'n' && (j = nt_at(s, i, end)) &&
            cl_is_letter(ch_before(s, sc->lo, i).cl)) {
            t.end = i + j;
            return t;
        }
        word_shape w = {0};
        j = scan_word(sc, i, &w);
        if (j < end && c.cp < 0x80 && tok_email_stop(s[j])) {
            size_t e = td_tok_email(s, i, end);
            if (e) {
                t.end = e, t.kind = TD_TOK_EMAIL;
                return t;
            }
            if (s[j] == '.' && j + 1 < end && ascii_alnum(s[j + 1]) &&
                (e = td_tok_domain(s, i, j, end, sc->lex ? sc->lex->tlds : NULL))) {
                t.end = e, t.kind = TD_TOK_URL;
                return t;
            }
        }
        t = finish_word(sc, i, j, &w);
        /* U.S.-backed: a hyphenated word goes on after the abbreviation */
        if ((t.flags & TD_TF_ABBREV) && t.end + 1 < end && s[t.end] == '-' &&
            cl_is_letter(ch_at(s, t.end + 1, end).cl)) {
            w.dotted = 0;
            j = scan_word(sc, t.end + 1, &w);
            t = finish_word(sc, i, j, &w);
        }
        return t;
    }
    case CL_DIGIT:
        j = scan_number(s, i, end);
        if (j < end && tok_email_stop(s[j])) {
            size_t e = td_tok_email(s, i, end);
            if (e) {
                t.end = e, t.kind = TD_TOK_EMAIL;
                return t;
            }
        }
        t.end = j, t.kind = TD_TOK_NUMBER;
        return t;
    default:
        return scan_punct(sc, i, c);
    }
}

void td_tok_scan(td_doc *doc, size_t start, size_t end, const td_lang_lex *lex)
{
    if (end > doc->len)
        end = doc->len;
    tok_scan sc = {doc, (const unsigned char *)doc->text, start, end, lex, 0, 0, 0};
    const unsigned char *s = sc.s;
    size_t i = start;
    int space = 0;
    while (i < end) {
        if (s[i] < 0x80 && tok_ascii[s[i]] == CL_SPACE) {
            space = 1, i++;
            continue;
        }
        tok_ch c = ch_at(s, i, end);
        if (c.cl == CL_SPACE || c.cl == CL_JOIN) {
            space = 1, i += c.len;
            continue;
        }
        tok_out t = scan_token(&sc, i, c);
        if (t.end <= i) /* never: every scanner consumes its first character */
            t.end = i + c.len;
        td_token *tok = TD_ARRAY_PUSH(&doc->arena, doc->tokens, doc->ntokens,
                                      doc->tokens_cap);
        tok->span = td_span_make(i, t.end);
        tok->kind = (uint8_t)t.kind;
        tok->flags = (uint16_t)(t.flags | (space ? TD_TF_SPACE_BEFORE : 0));
        i = t.end;
        space = 0;
    }
}

/* ---- word lists --------------------------------------------------------- */

void td_lang_lex_init(td_lang_lex *lex, const td_engine *engine)
{
    memset(lex, 0, sizeof *lex);
    if (engine) {
        lex->abbrev = td_engine_dict(engine, "abbreviations");
        lex->starters = td_engine_dict(engine, "sentence_starters");
        lex->speech = td_engine_dict(engine, "speech_verbs");
        lex->tlds = td_engine_dict(engine, "tlds");
    }
}

td_abbrev_class td_abbrev_lookup(const td_lang_lex *lex, const char *s, size_t n)
{
    if (!lex || n < 2)
        return TD_ABBR_NONE;
    /* exact, so that "ill." is not "Ill."; written in capitals ("GEN."),
     * ignoring case */
    const char *v = td_dict_get(lex->abbrev, s, n);
    if (!v) {
        size_t i = 0;
        while (i < n && !(s[i] >= 'a' && s[i] <= 'z'))
            i++;
        if (i == n)
            v = td_dict_get_fold(lex->abbrev, s, n);
    }
    if (!v) {
        /* Det.-Sgt., ex-Gov.: the piece after the last hyphen */
        size_t h = n - 1;
        while (h > 0 && s[h - 1] != '-')
            h--;
        return h > 0 && h < n - 1 ? td_abbrev_lookup(lex, s + h, n - h) : TD_ABBR_NONE;
    }
    if (!strcmp(v, "title"))
        return TD_ABBR_TITLE;
    if (!strcmp(v, "inner"))
        return TD_ABBR_INNER;
    if (!strcmp(v, "num"))
        return TD_ABBR_NUM;
    return TD_ABBR_GENERIC;
}

/* ---- the stage ------------------------------------------------------------ */

void td_tokenize(td_doc *doc)
{
    if (doc->ntokens || doc->nsentences)
        return; /* already done */
    td_lang_lex lex;
    td_lang_lex_init(&lex, doc->engine);

    /* reserve once: about one token per 5 bytes, one sentence per 100 */
    size_t bytes = 0;
    for (size_t p = 0; p < doc->anatomy.nparts; p++) {
        const td_part *part = &doc->anatomy.parts[p];
        if (td_part_is_analysed(part->kind) && part->span.end > part->span.start)
            bytes += part->span.end - part->span.start;
    }
    if (!bytes)
        return;
    if (!doc->tokens_cap) {
        doc->tokens_cap = bytes / 5 + 16;
        doc->tokens = td_arena_alloc(&doc->arena, doc->tokens_cap * sizeof *doc->tokens);
    }
    if (!doc->sentences_cap) {
        doc->sentences_cap = bytes / 100 + 4;
        doc->sentences = td_arena_alloc(&doc->arena,
                                        doc->sentences_cap * sizeof *doc->sentences);
    }

    size_t done = 0; /* parts should not overlap; if they do, skip the overlap */
    for (size_t p = 0; p < doc->anatomy.nparts; p++) {
        const td_part *part = &doc->anatomy.parts[p];
        if (!td_part_is_analysed(part->kind))
            continue;
        size_t start = part->span.start, end = part->span.end;
        if (end > doc->len)
            end = doc->len;
        if (start < done)
            start = done;
        if (start >= end)
            continue;
        size_t first = doc->ntokens;
        td_tok_scan(doc, start, end, &lex);
        td_sent_split(doc, first, (uint32_t)p, &lex);
        done = end;
    }
}
