/*
 * tokenize.h — the language stage's internals: tokens and sentences.
 *
 * td_tokenize() (stages.h) runs two passes over each analysed part:
 *   1. td_tok_scan (tokenize.c) cuts the part's bytes into tokens in one
 *      left-to-right pass: words, numbers, punctuation, symbols, URLs and
 *      e-mail addresses, deciding on the way whether a full stop belongs to
 *      an abbreviation and whether a quotation mark opens or closes.
 *   2. td_sent_split (sentence.c) groups those tokens into sentences,
 *      looking only at the tokens around each candidate full stop.
 * Both take the word lists they need in a td_lang_lex; any list may be NULL
 * (a missing data file), and then the stage falls back on the shape of the
 * text alone (dotted acronyms and initials still count as abbreviations).
 *
 * Token conventions (what later stages can rely on):
 *   - "U.S.", "Gen.", "e.g.", "No." (before a number) are one token with
 *     TD_TF_ABBREV; the full stop of "in the U.S." ending a sentence stays
 *     inside that token.
 *   - Clitics are split as in the Penn Treebank: "Kosovo’s" → Kosovo ’s,
 *     "don’t" → do n’t, "the Serbs’ view" → Serbs ’ (a WORD without quote
 *     flags); the pieces have no TD_TF_SPACE_BEFORE.  Inner apostrophes
 *     that are not clitics stay (O’Brien, d’Ivoire), and so do elisions
 *     (’90s, ’n’, ’em).
 *   - Quotation marks are PUNCT tokens flagged TD_TF_QUOTE_OPEN or
 *     TD_TF_QUOTE_CLOSE; runs of . ? ! - * = _ < > are one token
 *     (..., ?!, --, ***).
 *   - Hyphenated words are one token (NATO-backed); a number before a hyphen
 *     is not ("4,500-strong" → 4,500 - strong).
 *   - Numbers keep their separators (1,000,000  3.5  10:30  17/02/2023
 *     2023-02-17  713-555-0142), ordinals and decades (21st, 1990s); a
 *     range is three tokens (1999 – 2004, 1999 - 2004); units are split
 *     off (3bn → 3 bn, $75 → $ 75, 5% → 5 %).
 *   - URLs (scheme or www.), bare domains (example.com) and e-mail
 *     addresses are one token each; so are #hashtags and @handles.
 */
#ifndef TD_TOKENIZE_H
#define TD_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "util/dict.h"

/* The word lists the language stage reads (data/dict/NAME.txt). */
typedef struct td_lang_lex {
    /* "abbreviations": "Gen." → class: title, inner, num, month, state or "" */
    const td_dict *abbrev;
    /* "sentence_starters": capitalized words that usually begin a sentence
     * ("The", "But", "He"), used after an abbreviation or an ellipsis. */
    const td_dict *starters;
    /* "speech_verbs": said, told, asked ... — “Go!” Smith said. is one
     * sentence */
    const td_dict *speech;
    /* "tlds": top-level domains, for bare domains (example.com) */
    const td_dict *tlds;
} td_lang_lex;

/* Fills lex from the engine's dictionaries (engine may be NULL). */
void td_lang_lex_init(td_lang_lex *lex, const td_engine *engine);

/* How an abbreviation behaves before the next word. */
typedef enum td_abbrev_class {
    TD_ABBR_NONE = 0, /* not an abbreviation */
    TD_ABBR_GENERIC,  /* may end a sentence: U.S., Inc., a.m., Calif. */
    TD_ABBR_TITLE,    /* a name follows: Mr., Gen., Sen., St. */
    TD_ABBR_INNER,    /* never ends a sentence: e.g., i.e., vs. */
    TD_ABBR_NUM       /* an abbreviation only before a number: No. 10 */
} td_abbrev_class;

/* The class of the abbreviation s[0..n) (ending in '.'), from the list. */
td_abbrev_class td_abbrev_lookup(const td_lang_lex *lex, const char *s,
                                 size_t n);

/* Appends the tokens of doc->text[start..end) to doc->tokens (the
 * `sentence` field is left for td_sent_split). */
void td_tok_scan(td_doc *doc, size_t start, size_t end,
                 const td_lang_lex *lex);

/* Groups doc->tokens[first..ntokens) — the tokens of anatomy part `part` —
 * into sentences appended to doc->sentences, and sets each token's
 * `sentence`. */
void td_sent_split(td_doc *doc, size_t first, uint32_t part,
                   const td_lang_lex *lex);

/* URLs, bare domains and e-mail addresses (tokenize_web.c): each returns
 * where the one starting at byte i of s[..end) ends, or 0.  For a domain,
 * s[i..j) is the word before its first dot. */
size_t td_tok_url(const unsigned char *s, size_t i, size_t end);
size_t td_tok_domain(const unsigned char *s, size_t i, size_t j, size_t end,
                     const td_dict *tlds);
size_t td_tok_email(const unsigned char *s, size_t i, size_t end);

/* Sentences longer than this many tokens are cut (later stages may be
 * superlinear in sentence length). */
#define TD_SENT_MAX_TOKENS 300

#endif
