/*
 * sentence.c — grouping a part's tokens into sentences.
 *
 * Works on the tokens td_tok_scan made, not on bytes: a sentence can only
 * end after a terminal token — a full stop, a run of ? and !, an ellipsis,
 * or an abbreviation whose own full stop may double as the sentence's.
 * Closing quotation marks and brackets right after it belong to the
 * sentence that ends ("Stop.” Then …" splits after the quote).  Whether it
 * does end is read from the next token:
 *   - a lower-case word (also after an opening quote), , ; : or another
 *     terminal — the sentence goes on (“It is a threat!” he said.  /
 *     e.g., this  /  the U.S. “will respond”  /  Yahoo!.).
 *   - after ? or ! and a closing quote, capitalized words then a speech
 *     verb (data/dict/speech_verbs.txt) go on too: “Why?” Smith asked.
 *   - after . ? ! — anything else starts a new sentence, except a list
 *     label ("1. The first point") and capitals or digits right after
 *     the stop without a space (REPORT.XLS).
 *   - after an abbreviation or an ellipsis — only a word that usually
 *     starts sentences (data/dict/sentence_starters.txt: The, But, He ...)
 *     or an opening quotation mark does: "in the U.S. The embassy" splits,
 *     "the U.S. Embassy" and "George W. Bush" do not.  Titles (Gen., Mr.)
 *     and e.g./i.e. never end a sentence.
 * A blank line inside a part, or a line starting with a list marker, always
 * ends one; so does reaching TD_SENT_MAX_TOKENS tokens.
 */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

enum { END_NONE, END_STOP, END_MARK, END_ELLIPSIS, END_ABBREV };

static const char *tok_text(const td_doc *doc, const td_token *t, size_t *n)
{
    *n = t->span.end - t->span.start;
    return doc->text + t->span.start;
}

static int terminal_kind(const td_doc *doc, const td_token *t)
{
    size_t n;
    const char *s = tok_text(doc, t, &n);
    if (t->flags & TD_TF_ABBREV)
        return END_ABBREV;
    if (t->kind != TD_TOK_PUNCT)
        return END_NONE;
    if (s[0] == '.')
        return n == 1 ? END_STOP : END_ELLIPSIS;
    if (s[0] == '?' || s[0] == '!')
        return END_MARK;
    if (n == 3 && !memcmp(s, "\xE2\x80\xA6", 3)) /* … */
        return END_ELLIPSIS;
    if (n == 3 && !memcmp(s, "\xE2\x80\xBD", 3)) /* ‽ */
        return END_MARK;
    return END_NONE;
}

static int is_closer(const td_doc *doc, const td_token *t)
{
    size_t n;
    const char *s = tok_text(doc, t, &n);
    if (t->flags & TD_TF_QUOTE_CLOSE)
        return 1;
    return t->kind == TD_TOK_PUNCT && n == 1 && (s[0] == ')' || s[0] == ']' || s[0] == '}');
}

/* The token starts with a lower-case letter. */
static int starts_lower(const td_doc *doc, const td_token *t)
{
    size_t n;
    const char *s = tok_text(doc, t, &n);
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) <= 0)
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_starter(const td_doc *doc, const td_lang_lex *lex, const td_token *t)
{
    if (!lex || t->kind != TD_TOK_WORD || !(t->flags & TD_TF_CAP))
        return 0;
    size_t n;
    const char *s = tok_text(doc, t, &n);
    return td_dict_get_fold(lex->starters, s, n) != NULL;
}

/* A list label: a short number, one letter or a Roman numeral. */
static int is_list_label(const td_doc *doc, const td_token *t)
{
    size_t n;
    const char *s = tok_text(doc, t, &n);
    if (t->kind == TD_TOK_NUMBER)
        return n <= 3;
    if (t->kind != TD_TOK_WORD)
        return 0;
    if (t->flags & TD_TF_ABBREV)
        n--; /* "A." */
    if (n == 1)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (!strchr("IVX", s[i]))
            return 0;
    return n <= 4;
}

/* The text between two tokens holds a blank line, or a line break before
 * a list marker (• – - * or "1." "2)"). */
static int gap_breaks(const td_doc *doc, size_t a, size_t b)
{
    const td_token *ta = &doc->tokens[a], *tb = &doc->tokens[b];
    int nl = 0;
    for (size_t i = ta->span.end; i < tb->span.start; i++)
        nl += doc->text[i] == '\n';
    if (nl >= 2)
        return 1;
    if (nl == 0)
        return 0;
    size_t n;
    const char *s = tok_text(doc, tb, &n);
    if (tb->kind == TD_TOK_PUNCT &&
        ((n == 1 && strchr("-*", s[0])) ||
         (n == 3 && (!memcmp(s, "\xE2\x80\xA2", 3) || !memcmp(s, "\xE2\x80\x93", 3) ||
                     !memcmp(s, "\xE2\x80\x94", 3)))))
        return 1;
    if (b + 1 < doc->ntokens && is_list_label(doc, tb)) {
        const td_token *tc = &doc->tokens[b + 1];
        const char *c = doc->text + tc->span.start;
        if (tc->span.start == tb->span.end && (c[0] == '.' || c[0] == ')'))
            return 1;
    }
    return 0;
}

/* After ? or ! and a closing quote, capitalized words then a speech verb
 * continue the sentence (“Go home!” Gov. Smith said.). */
static int speech_follows(const td_doc *doc, const td_lang_lex *lex, size_t k)
{
    for (size_t i = k; i < doc->ntokens && i < k + 4; i++) {
        const td_token *t = &doc->tokens[i];
        if (t->kind != TD_TOK_WORD)
            return 0;
        if (t->flags & TD_TF_CAP)
            continue;
        size_t n;
        const char *s = tok_text(doc, t, &n);
        return lex && td_dict_get(lex->speech, s, n) != NULL;
    }
    return 0;
}

/* Whether a sentence ends after terminal token t, where k is the first
 * token after the closing quotes and brackets that follow t. */
static int splits_after(const td_doc *doc, const td_lang_lex *lex, size_t t,
                        size_t k, size_t sstart)
{
    const td_token *term = &doc->tokens[t], *next = &doc->tokens[k];
    size_t n;
    const char *s = tok_text(doc, next, &n);
    if (next->kind == TD_TOK_WORD && starts_lower(doc, next))
        return 0;
    /* an opening quote before a lower-case word: the U.S. "will respond" */
    if ((next->flags & TD_TF_QUOTE_OPEN) && k + 1 < doc->ntokens &&
        doc->tokens[k + 1].kind == TD_TOK_WORD && starts_lower(doc, &doc->tokens[k + 1]))
        return 0;
    if (next->kind == TD_TOK_PUNCT && n == 1 && strchr(",;:%", s[0]))
        return 0;
    if (next->kind == TD_TOK_PUNCT && terminal_kind(doc, next) != END_NONE)
        return 0; /* “Yahoo!.”: the last one decides */
    int closed = k > t + 1; /* a closing quote or bracket came between */
    /* “Why?” Smith asked. — but “I agree.” Smith said she ... starts anew */
    if (closed && (doc->tokens[k - 1].flags & TD_TF_QUOTE_CLOSE) &&
        terminal_kind(doc, term) == END_MARK && !is_starter(doc, lex, next) &&
        speech_follows(doc, lex, k))
        return 0;
    switch (terminal_kind(doc, term)) {
    case END_MARK:
        return 1;
    case END_STOP:
        /* ENRON.XLS, 2.A: no space after the stop, capitals or digits */
        if (!closed && !(next->flags & TD_TF_SPACE_BEFORE) &&
            (next->kind == TD_TOK_NUMBER || (next->flags & TD_TF_ALLCAPS)))
            return 0;
        if (t == sstart + 1 && !closed && is_list_label(doc, &doc->tokens[t - 1]))
            return 0;
        return 1;
    case END_ELLIPSIS:
        return is_starter(doc, lex, next) || (next->flags & TD_TF_QUOTE_OPEN) ||
               (closed && (next->flags & TD_TF_CAP));
    case END_ABBREV: {
        const char *a = tok_text(doc, term, &n);
        switch (td_abbrev_lookup(lex, a, n)) {
        case TD_ABBR_TITLE: case TD_ABBR_INNER: case TD_ABBR_NUM:
            return 0;
        default:
            break;
        }
        if (t == sstart && is_list_label(doc, term))
            return 0; /* "A. The first option" */
        return is_starter(doc, lex, next) || (next->flags & TD_TF_QUOTE_OPEN) ||
               (closed && (next->flags & TD_TF_CAP));
    }
    default:
        return 0;
    }
}

static void emit(td_doc *doc, size_t first, size_t last, uint32_t part)
{
    uint32_t idx = (uint32_t)doc->nsentences;
    td_sentence *s = TD_ARRAY_PUSH(&doc->arena, doc->sentences, doc->nsentences,
                                   doc->sentences_cap);
    s->span = td_span_make(doc->tokens[first].span.start, doc->tokens[last].span.end);
    s->first_token = (uint32_t)first;
    s->ntokens = (uint32_t)(last + 1 - first);
    s->part = part;
    for (size_t i = first; i <= last; i++)
        doc->tokens[i].sentence = idx;
}

void td_sent_split(td_doc *doc, size_t first, uint32_t part, const td_lang_lex *lex)
{
    size_t n = doc->ntokens, sstart = first;
    for (size_t t = first; t + 1 < n; t++) {
        size_t last = t;
        int brk = 0;
        const td_token *tt = &doc->tokens[t];
        if ((tt->kind == TD_TOK_PUNCT || (tt->flags & TD_TF_ABBREV)) &&
            terminal_kind(doc, tt) != END_NONE) {
            size_t k = t + 1;
            while (k < n && k < sstart + TD_SENT_MAX_TOKENS &&
                   is_closer(doc, &doc->tokens[k]))
                k++;
            if (k == n)
                break; /* only closers left: they end this sentence */
            if (splits_after(doc, lex, t, k, sstart))
                brk = 1, last = k - 1;
        }
        if (!brk && gap_breaks(doc, t, t + 1))
            brk = 1;
        if (!brk && t + 1 - sstart >= TD_SENT_MAX_TOKENS)
            brk = 1;
        if (brk) {
            emit(doc, sstart, last, part);
            sstart = last + 1;
            t = last;
        }
    }
    if (sstart < n)
        emit(doc, sstart, n - 1, part);
}
