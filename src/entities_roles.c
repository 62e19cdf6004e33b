/*
 * entities_roles.c — a person's role and country from the words around
 * the name.
 *
 * Two shapes cover most news writing:
 *   premodifier:  [country or nationality ['s]] role-words NAME
 *                 "Serbian President Aleksandar Vucic",
 *                 "Kosovo defense minister Ejup Maqedonci"
 *   apposition:   NAME , [the|a] [country ['s] | nationality] role-words
 *                 "Vjosa Osmani, the president", "X, Kosovo's president"
 * The token where an organization would stand in either shape ("ING
 * analyst X", "X, chairman of ING") is handed back, and the caller makes
 * an organization mention found there the person's affiliation.
 * Role words are titles (data/dict/titles.txt and roles.txt, any case) and the
 * modifiers that build titles ("defense", "foreign", "deputy", "former"); a
 * role needs at least one title that is not a mere honorific (Mr, Dr).
 * Countries come from data/dict/countries.txt and demonyms.txt.
 */
#include <stdint.h>
#include <string.h>

#include "entities.h"

static const char *const modifiers[] = {
    "defense", "defence", "foreign", "interior", "finance", "prime", "deputy",
    "vice", "former", "acting", "state", "chief", "top", "senior", "army",
    "military", "opposition", "party", "justice", "health", "economy", "trade",
    "energy", "executive", "interim", "assistant", "parliamentary", "police",
    "security", "intelligence", "navy", "air", "force", "first", "second", "general",
    "national", "regional", "local", "presidential", "government", "news",
};

static const char *const honorifics[] = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady",
    "dame", "prof.", "professor", "mister", "madam",
};

static int in_list(const char *const *list, size_t nlist, const char *s, size_t n)
{
    for (size_t i = 0; i < nlist; i++) {
        size_t m = strlen(list[i]);
        if (m != n)
            continue;
        size_t k = 0;
        while (k < n && (s[k] | 0x20) == list[i][k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

static const char *text_of(const td_doc *doc, size_t i, size_t *n)
{
    const td_token *t = &doc->tokens[i];
    *n = t->span.end - t->span.start;
    return doc->text + t->span.start;
}

/* 2: a title, 1: a modifier, 0: neither.  Honorifics count as titles
 * here and are weeded out by the caller. */
static int role_word(const td_doc *doc, const ent_lex *lex, size_t i)
{
    size_t n;
    const char *s = text_of(doc, i, &n);
    if (!n || doc->tokens[i].kind != TD_TOK_WORD)
        return 0;
    if (td_dict_get_fold(lex->titles, s, n) || td_dict_get_fold(lex->roles, s, n))
        return 2;
    if (in_list(honorifics, sizeof honorifics / sizeof *honorifics, s, n))
        return 2;
    return in_list(modifiers, sizeof modifiers / sizeof *modifiers, s, n);
}

static int is_honorific(const td_doc *doc, size_t i)
{
    size_t n;
    const char *s = text_of(doc, i, &n);
    return in_list(honorifics, sizeof honorifics / sizeof *honorifics, s, n);
}

const char *ent_country_of(const ent_lex *lex, const char *s, size_t n)
{
    const char *v = td_dict_get(lex->countries, s, n);
    if (v && *v)
        return v;
    v = td_dict_get(lex->demonyms, s, n);
    if (v && *v)
        return v;
    return NULL;
}

/* Country named by the token(s) ending at token p (one or two tokens);
 * *first gets the first token used. */
static const char *country_at(const td_doc *doc, const ent_lex *lex, size_t s0,
                              size_t p, size_t *first)
{
    if (p > s0) {
        const td_token *a = &doc->tokens[p - 1], *b = &doc->tokens[p];
        const char *v = ent_country_of(lex, doc->text + a->span.start,
                                       b->span.end - a->span.start);
        if (v) {
            *first = p - 1;
            return v;
        }
    }
    size_t n;
    const char *s = text_of(doc, p, &n);
    *first = p;
    /* "Jersey" of "New Jersey" is no country */
    if (p > s0 && doc->tokens[p - 1].kind == TD_TOK_WORD) {
        unsigned char c = (unsigned char)doc->text[doc->tokens[p - 1].span.start];
        if (c >= 'A' && c <= 'Z')
            return NULL;
    }
    return ent_country_of(lex, s, n);
}

/* Role text for tokens [a, b) if they make a role, else NULL. */
static const char *role_text(td_doc *doc, const ent_lex *lex, size_t a, size_t b)
{
    int title = 0;
    for (size_t i = a; i < b; i++)
        if (role_word(doc, lex, i) == 2 && !is_honorific(doc, i))
            title = 1;
    if (!title)
        return NULL;
    while (a < b && is_honorific(doc, b - 1))
        b--;
    while (a < b && is_honorific(doc, a))
        a++;
    if (a == b)
        return NULL;
    size_t st = doc->tokens[a].span.start, en = doc->tokens[b - 1].span.end;
    return td_arena_strndup(&doc->arena, doc->text + st, en - st);
}

static void set_country(char country[4], const char *v)
{
    if (v && strlen(v) == 3 && !country[0])
        memcpy(country, v, 4);
}

int ent_person_role(td_doc *doc, const ent_lex *lex, size_t s0, size_t s1,
                    size_t first, size_t end, ent_role *out)
{
    char *country = out->country;
    out->org_end = out->org_start = SIZE_MAX;
    /* premodifiers */
    size_t j = first;
    while (j > s0 && role_word(doc, lex, j - 1))
        j--;
    const char *r = j < first ? role_text(doc, lex, j, first) : NULL;
    if (r || j == first) {
        size_t p = j, cf;
        if (p > s0 && ent_tok_possessive(doc, p - 1))
            p--;
        if (p > s0) {
            const char *v = country_at(doc, lex, s0, p - 1, &cf);
            if (v && (r || p == j))
                set_country(country, v);
        }
        if (r) {
            out->role = r;
            out->org_end = p;
            return 1;
        }
    }
    /* "the breakaway's self-proclaimed president, Vjosa Osmani" */
    if (j == first && first >= s0 + 2 && ent_tok_is(doc, first - 1, ",")) {
        size_t b = first - 1, a = b;
        while (a > s0 && role_word(doc, lex, a - 1))
            a--;
        r = a < b ? role_text(doc, lex, a, b) : NULL;
        if (r && (a == s0 || !ent_tok_is(doc, a - 1, ","))) {
            size_t cf;
            if (a > s0 && ent_tok_possessive(doc, a - 1) && a - 1 > s0)
                set_country(country, country_at(doc, lex, s0, a - 2, &cf));
            else if (a > s0)
                set_country(country, country_at(doc, lex, s0, a - 1, &cf));
            out->role = r;
            out->org_end = a > s0 && ent_tok_possessive(doc, a - 1) ? a - 1 : a;
            return 1;
        }
    }
    /* apposition */
    size_t p = end;
    if (p >= s1 || !ent_tok_is(doc, p, ","))
        return country[0] != 0;
    p++;
    if (p < s1 && (ent_tok_is(doc, p, "the") || ent_tok_is(doc, p, "a") ||
                   ent_tok_is(doc, p, "an")))
        p++;
    const char *cv = NULL;
    size_t cf;
    for (size_t q = p; q < s1 && q < p + 2 && !cv; q++) {
        cv = country_at(doc, lex, p, q, &cf);
        if (cv) {
            p = q + 1;
            if (p < s1 && ent_tok_possessive(doc, p))
                p++;
        }
    }
    size_t a = p;
    while (p < s1 && role_word(doc, lex, p))
        p++;
    r = p > a ? role_text(doc, lex, a, p) : NULL;
    if (r) {
        out->role = r;
        set_country(country, cv);
        /* "X, chairman of ING", "X, an analyst at ING" */
        if (p + 1 < s1 && (ent_tok_is(doc, p, "of") || ent_tok_is(doc, p, "at") ||
                           ent_tok_is(doc, p, "for") || ent_tok_is(doc, p, "with")))
            out->org_start = p + 1 < s1 && ent_tok_is(doc, p + 1, "the") ? p + 2 : p + 1;
        return 1;
    }
    return country[0] != 0;
}
