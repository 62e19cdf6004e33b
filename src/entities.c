/*
 * entities.c — the entity stage: tagged tokens become linked entities.
 *
 * 1. The NER model (src/ner/) tags the document's tokens, i.e. the
 *    analysed parts only (headline, standfirst, body: td_tokenize makes
 *    no tokens elsewhere).  Curly quotes are straightened for the tagger,
 *    which learned from text with straight ones.
 * 2. Tag runs become mentions: possessive clitics are dropped ("Kosovo's"
 *    → Kosovo), nationality words become groups when they are nouns
 *    ("Serbs", "ethnic Albanians", "Kosovar police", "NATO troops") and
 *    are otherwise left to describe persons; places named "Camp X" or
 *    "X Airport" are facilities; "NATO-backed" and "Serbia-issued" give a
 *    mention of the entity before the hyphen when it is known.
 *    A name the tagger cut at "of" is joined when the word before "of"
 *    heads such names ("Federal Republic of Yugoslavia").  A Title Case
 *    headline is shown to the tagger in capitals, as its training data
 *    writes headlines.
 * 3. (entities_link.c) Mentions with the same name form one entity (its
 *    kind by majority; a country or region by name is a place), then
 *    entities are linked: a surname to the one full name ending with
 *    it ("Vucic" → "Aleksandar Vucic"), an acronym to the name it can be
 *    spelled from ("KFOR" ↔ "Kosovo Force", "NATO"), a name to the one
 *    longer organisation ending with it.
 * 4. Persons get a role and a country from the words before the name
 *    ("Serbian President", "Kosovo defense minister") or an apposition
 *    after it (", the president", ", Kosovo's president").  See
 *    entities_roles.c.
 * Everything is allocated from the document's arena, except a few scratch
 * arrays freed before returning.  Entities come in order of first mention,
 * so their ids are stable for a given text.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "entities.h"
#include "ner/ner.h"
#include "stages.h"

/* ---- small helpers ------------------------------------------------------ */

int ent_tok_is(const td_doc *doc, size_t i, const char *s)
{
    const td_token *t = &doc->tokens[i];
    size_t n = strlen(s);
    return t->span.end - t->span.start == n && !memcmp(doc->text + t->span.start, s, n);
}

int ent_tok_possessive(const td_doc *doc, size_t i)
{
    return ent_tok_is(doc, i, "'s") || ent_tok_is(doc, i, "\xE2\x80\x99s") ||
           ent_tok_is(doc, i, "'") || ent_tok_is(doc, i, "\xE2\x80\x99");
}

static int is_upper_ascii(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower_ascii(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Straightens curly quotes (U+2018/2019 → ', U+201C/201D → ") for the
 * tagger; returns s itself when there are none. */
static const char *straighten(td_arena *a, const char *s, size_t n, uint32_t *outn)
{
    if (!memchr(s, 0xE2, n)) {
        *outn = (uint32_t)n;
        return s;
    }
    char *o = td_arena_alloc(a, n + 1);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
            unsigned char c = (unsigned char)s[i + 2];
            if (c == 0x98 || c == 0x99) {
                o[m++] = '\'';
                i += 2;
                continue;
            }
            if (c == 0x9C || c == 0x9D) {
                o[m++] = '"';
                i += 2;
                continue;
            }
        }
        o[m++] = s[i];
    }
    *outn = (uint32_t)m;
    return o;
}

/* ---- tagging ------------------------------------------------------------ */

/* A headline in Title Case ("US Sending Missiles to Kosovo"): most words
 * of four letters or more are capitalized.  The tagger learned headlines
 * from text that writes them in capitals, so such a sentence is shown to
 * it in capitals; the document-level features then judge its words by how
 * the body writes them. */
static int title_case(const td_doc *doc, size_t a, size_t b)
{
    size_t words = 0, caps = 0;
    uint32_t si = a < doc->ntokens ? doc->tokens[a].sentence : UINT32_MAX;
    if (si >= doc->nsentences || doc->sentences[si].first_token != a ||
        doc->sentences[si].part >= doc->anatomy.nparts ||
        doc->anatomy.parts[doc->sentences[si].part].kind != TD_PART_HEADLINE)
        return 0;
    for (size_t i = a; i < b; i++) {
        const td_token *t = &doc->tokens[i];
        if (t->kind != TD_TOK_WORD || t->span.end - t->span.start < 4)
            continue;
        words++;
        caps += is_upper_ascii((unsigned char)doc->text[t->span.start]);
    }
    return words >= 3 && caps * 5 >= words * 4;
}

static const char *upper(td_arena *a, const char *s, size_t n)
{
    char *o = td_arena_alloc(a, n + 1);
    for (size_t i = 0; i < n; i++)
        o[i] = is_lower_ascii((unsigned char)s[i]) ? (char)(s[i] - 32) : s[i];
    return o;
}

/* Runs the tagger over all tokens; sentences become the tagger's
 * sentences, tokens outside any sentence get one-token sentences.
 * Returns tags per token (arena) or NULL. */
static uint8_t *tag_tokens(td_doc *doc, const td_ner_model *m)
{
    size_t n = doc->ntokens, ns = 0, k = 0;
    td_ner_tok *tok = malloc((n + 1) * sizeof *tok);
    uint32_t *sent = malloc((n + 2) * sizeof *sent);
    uint8_t *tags = td_arena_alloc(&doc->arena, n + 1);
    if (!tok || !sent) {
        free(tok);
        free(sent);
        return NULL;
    }
    for (size_t s = 0; s < doc->nsentences; s++) {
        const td_sentence *se = &doc->sentences[s];
        size_t a = se->first_token, b = a + se->ntokens;
        if (a < k || b > n || a >= b)
            continue;
        while (k < a)
            sent[ns++] = (uint32_t)k++;
        sent[ns++] = (uint32_t)a;
        k = b;
    }
    while (k < n)
        sent[ns++] = (uint32_t)k++;
    sent[ns] = (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        const td_token *t = &doc->tokens[i];
        size_t len = t->span.end > t->span.start ? t->span.end - t->span.start : 0;
        tok[i].s = straighten(&doc->arena, doc->text + t->span.start, len, &tok[i].n);
    }
    for (size_t s = 0; s < ns; s++)
        if (title_case(doc, sent[s], sent[s + 1]))
            for (size_t i = sent[s]; i < sent[s + 1]; i++)
                tok[i].s = upper(&doc->arena, tok[i].s, tok[i].n);
    td_ner_doc nd = {tok, n, sent, ns};
    int rc = td_ner_tag(m, &nd, tags);
    /* nothing from boilerplate, captions or related links, should a
     * tokenizer ever give them tokens */
    for (size_t s = 0; s < doc->nsentences; s++) {
        const td_sentence *se = &doc->sentences[s];
        if (se->part < doc->anatomy.nparts &&
            !td_part_is_analysed(doc->anatomy.parts[se->part].kind) &&
            se->first_token <= n && se->ntokens <= n - se->first_token)
            memset(tags + se->first_token, 0, se->ntokens);
    }
    free(tok);
    free(sent);
    return rc ? NULL : tags;
}

/* ---- mentions ------------------------------------------------------------ */

uint64_t ent_key_hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\t') {
            space = 1;
            continue;
        }
        if (space)
            h = (h ^ ' ') * 0x100000001b3ULL;
        space = 0;
        if (is_upper_ascii(c))
            c = (unsigned char)(c + 32);
        h = (h ^ c) * 0x100000001b3ULL;
    }
    return h ? h : 1;
}

static ent_ment *add_ment(ent_ments *ms, const td_doc *doc, size_t first, size_t end,
                      td_span span, int kind, int ner)
{
    if (ms->n == ms->cap) {
        size_t cap = ms->cap ? 2 * ms->cap : 32;
        ent_ment *m = realloc(ms->m, cap * sizeof *m);
        if (!m)
            return NULL;
        ms->m = m;
        ms->cap = cap;
    }
    ent_ment *m = &ms->m[ms->n++];
    memset(m, 0, sizeof *m);
    m->first = (uint32_t)first;
    m->end = (uint32_t)end;
    m->span = span;
    m->kind = kind;
    m->ner = ner;
    m->key = ent_key_hash(doc->text + span.start, span.end - span.start);
    m->cluster = -1;
    return m;
}

static td_span tok_span(const td_doc *doc, size_t first, size_t end)
{
    return td_span_make(doc->tokens[first].span.start, doc->tokens[end - 1].span.end);
}

static const char *tok_text(const td_doc *doc, size_t i, size_t *n)
{
    const td_token *t = &doc->tokens[i];
    *n = t->span.end - t->span.start;
    return doc->text + t->span.start;
}

/* Whether token i is a lower-case word in the dictionary d. */
static int tok_in(const td_doc *doc, size_t i, const td_dict *d)
{
    size_t n;
    const char *s = tok_text(doc, i, &n);
    return n && td_dict_get_fold(d, s, n) != NULL;
}

uint32_t ent_sentence_end(const td_doc *doc, size_t i)
{
    const td_token *t = &doc->tokens[i];
    if (t->sentence < doc->nsentences) {
        const td_sentence *s = &doc->sentences[t->sentence];
        if (i >= s->first_token && i < s->first_token + s->ntokens)
            return s->first_token + s->ntokens;
    }
    return (uint32_t)i + 1;
}

uint32_t ent_sentence_start(const td_doc *doc, size_t i)
{
    const td_token *t = &doc->tokens[i];
    if (t->sentence < doc->nsentences) {
        const td_sentence *s = &doc->sentences[t->sentence];
        if (i >= s->first_token && i < s->first_token + s->ntokens)
            return s->first_token;
    }
    return (uint32_t)i;
}

/* Facility by its first or last word ("Camp Bondsteel", "Pristina Airport"). */
static int is_facility(const td_doc *doc, const ent_lex *lex, size_t first, size_t end,
                       int ner)
{
    size_t n;
    const char *s = tok_text(doc, first, &n);
    const char *v = end - first >= 2 ? td_dict_get(lex->facility, s, n) : NULL;
    if (v && !strcmp(v, "prefix"))
        return 1;
    s = tok_text(doc, end - 1, &n);
    v = end - first >= 2 ? td_dict_get(lex->facility, s, n) : NULL;
    return v && !strcmp(v, "suffix") && ner == TD_NER_LOC;
}

/* Key of a nationality group: "group:" + the word without a plural s. */
static uint64_t group_key(const char *s, size_t n)
{
    while (n > 1 && (s[n - 1] == 's' || s[n - 1] == 'S'))
        n--;
    return ent_key_hash(s, n) ^ 0x6772707300000000ULL;
}

/* A MISC run that is a nationality word: a group when used as a noun. */
static void nationality(ent_ments *ms, const td_doc *doc, const ent_lex *lex,
                        size_t first, size_t end)
{
    size_t n, s1 = ent_sentence_end(doc, end - 1), s0 = ent_sentence_start(doc, first);
    const char *s = doc->text + doc->tokens[first].span.start;
    n = doc->tokens[end - 1].span.end - doc->tokens[first].span.start;
    if (end < s1 && tok_in(doc, end, lex->group_nouns)) {
        add_ment(ms, doc, first, end + 1, tok_span(doc, first, end + 1), TD_ENT_GROUP, -1);
        return;
    }
    int ethnic = first > s0 && (ent_tok_is(doc, first - 1, "ethnic") ||
                                ent_tok_is(doc, first - 1, "Ethnic"));
    int plural = n > 2 && s[n - 1] == 's' && s[n - 2] != 's';
    int noun_next = end < s1 && !ent_tok_possessive(doc, end) &&
                    (doc->tokens[end].kind == TD_TOK_WORD ||
                     doc->tokens[end].kind == TD_TOK_NUMBER);
    if (!ethnic && !plural && noun_next)
        return; /* an adjective: "Serbian President" */
    size_t f = ethnic ? first - 1 : first;
    ent_ment *m = add_ment(ms, doc, f, end, tok_span(doc, f, end), TD_ENT_GROUP, TD_NER_MISC);
    if (m)
        m->key = group_key(s, n);
}

/* "Serb-majority", "Serbian-American": a nationality before a hyphen. */
static int demonym_compound(const td_doc *doc, const ent_lex *lex, size_t i)
{
    size_t n;
    const char *s = tok_text(doc, i, &n);
    const char *h = n > 2 ? memchr(s + 1, '-', n - 2) : NULL;
    return h && td_dict_get(lex->demonyms, s, (size_t)(h - s)) != NULL;
}

static int kind_of(int ner)
{
    switch (ner) {
    case TD_NER_PER: return TD_ENT_PERSON;
    case TD_NER_ORG: return TD_ENT_ORG;
    case TD_NER_LOC: return TD_ENT_PLACE;
    default: return TD_ENT_OTHER;
    }
}

/* Turns tag runs into mentions. */
static void collect(ent_ments *ms, td_doc *doc, const ent_lex *lex, const uint8_t *tags,
                    uint8_t *covered)
{
    size_t n = doc->ntokens;
    for (size_t i = 0; i < n;) {
        if (!tags[i]) {
            i++;
            continue;
        }
        int ty = TD_NER_TYPE(tags[i]);
        size_t j = i + 1, s1 = ent_sentence_end(doc, i);
        while (j < n && j < s1 && tags[j] && !TD_NER_IS_B(tags[j]) &&
               TD_NER_TYPE(tags[j]) == ty)
            j++;
        size_t first = i, end = j;
        i = j;
        while (end > first && ent_tok_possessive(doc, end - 1))
            end--;
        if (end == first)
            continue;
        memset(covered + first, 1, end - first);
        if (ty == TD_NER_ORG && end - first >= 3 && ent_tok_is(doc, end - 1, "Resolution"))
            end--; /* "UN Security Council Resolution": the council */
        if (ty == TD_NER_MISC && end - first == 1 && demonym_compound(doc, lex, first))
            continue; /* "Serbian-American": a description, not an entity */
        if (ty == TD_NER_MISC) {
            size_t tn;
            const char *t = tok_text(doc, end - 1, &tn);
            if (td_dict_get(lex->demonyms, t, tn) && end - first <= 2) {
                nationality(ms, doc, lex, end - 1, end);
                continue;
            }
        }
        int kind = is_facility(doc, lex, first, end, ty) ? TD_ENT_FACILITY : kind_of(ty);
        add_ment(ms, doc, first, end, tok_span(doc, first, end), kind, ty);
        /* "NATO troops": the organisation's people as a group */
        if (ty == TD_NER_ORG && end < s1 && tok_in(doc, end, lex->group_nouns))
            add_ment(ms, doc, first, end + 1, tok_span(doc, first, end + 1),
                     TD_ENT_GROUP, -1);
    }
    /* nationality words the tagger left out */
    for (size_t i = 0; i < n; i++) {
        size_t tn;
        const char *t = tok_text(doc, i, &tn);
        if (covered[i] || !tn || !is_upper_ascii((unsigned char)t[0]) ||
            !td_dict_get(lex->demonyms, t, tn))
            continue;
        covered[i] = 1;
        nationality(ms, doc, lex, i, i + 1);
    }
}

/* "NATO-backed", "Serbia-issued": a mention of the entity before the
 * hyphen, when the document names it elsewhere or it is a country.
 * Mention names are looked up in a sorted array of (key, kind). */
typedef struct keykind {
    uint64_t key;
    int kind;
} keykind;

static int by_key(const void *a, const void *b)
{
    uint64_t x = ((const keykind *)a)->key, y = ((const keykind *)b)->key;
    return x < y ? -1 : x > y;
}

static void hyphen_prefixes(ent_ments *ms, td_doc *doc, const ent_lex *lex,
                            const uint8_t *covered)
{
    size_t nm = ms->n;
    keykind *kk = malloc((nm + 1) * sizeof *kk);
    int32_t *single = malloc((doc->ntokens + 1) * sizeof *single);
    if (!kk || !single) {
        free(kk);
        free(single);
        return;
    }
    for (size_t i = 0; i < doc->ntokens; i++)
        single[i] = -1;
    for (size_t k = 0; k < nm; k++) {
        kk[k].key = ms->m[k].key;
        kk[k].kind = ms->m[k].kind;
        if (ms->m[k].end == ms->m[k].first + 1 && ms->m[k].kind != TD_ENT_PERSON)
            single[ms->m[k].first] = (int32_t)k;
    }
    qsort(kk, nm, sizeof *kk, by_key);
    for (size_t i = 0; i < doc->ntokens; i++) {
        size_t tn;
        const char *t = tok_text(doc, i, &tn);
        const char *h = tn > 2 ? memchr(t + 1, '-', tn - 2) : NULL;
        if (!h || !is_upper_ascii((unsigned char)t[0]))
            continue;
        /* a one-token mention of the whole hyphenated word may be
         * replaced; a longer one is left alone */
        ent_ment *whole = single[i] >= 0 ? &ms->m[single[i]] : NULL;
        if (covered[i] && !whole)
            continue;
        size_t pn = (size_t)(h - t);
        keykind probe = {ent_key_hash(t, pn), -1};
        const keykind *hit = bsearch(&probe, kk, nm, sizeof *kk, by_key);
        int kind = hit ? hit->kind : -1;
        if (kind < 0 && td_dict_get(lex->countries, t, pn))
            kind = TD_ENT_PLACE;
        if (kind < 0 || kind == TD_ENT_GROUP)
            continue;
        size_t st = doc->tokens[i].span.start;
        if (whole)
            whole->dropped = 1;
        add_ment(ms, doc, i, i + 1, td_span_make(st, st + pn), kind, -1);
    }
    free(kk);
    free(single);
}

void td_entities(td_doc *doc)
{
    const td_engine *eng = doc->engine;
    if (!eng || !eng->ner || !doc->ntokens)
        return;
    ent_lex lex;
    ent_lex_init(&lex, eng);
    uint8_t *tags = tag_tokens(doc, eng->ner);
    if (tags)
        ent_from_tags(doc, &lex, tags);
}

/* "Federal Republic" + "of" + "Yugoslavia": one name, when the word
 * before "of" heads such names (data/dict/of_heads.txt).  Rewrites tags. */
static void join_of(const td_doc *doc, const ent_lex *lex, uint8_t *tags)
{
    for (size_t i = 1; i + 1 < doc->ntokens; i++) {
        if (tags[i] || !tags[i - 1] || !TD_NER_IS_B(tags[i + 1]) || !ent_tok_is(doc, i, "of") ||
            ent_sentence_end(doc, i) <= i + 1)
            continue;
        size_t n;
        const char *w = tok_text(doc, i - 1, &n);
        const char *kind = td_dict_get(lex->of_heads, w, n);
        if (!kind)
            continue;
        int ty = !strcmp(kind, "place") ? TD_NER_LOC
                 : !strcmp(kind, "org") ? TD_NER_ORG
                                        : TD_NER_MISC;
        size_t a = i - 1, b = i + 2;
        while (a > 0 && tags[a] && !TD_NER_IS_B(tags[a]))
            a--;
        int yb = TD_NER_TYPE(tags[i + 1]);
        while (b < doc->ntokens && tags[b] && !TD_NER_IS_B(tags[b]) &&
               TD_NER_TYPE(tags[b]) == yb)
            b++;
        tags[a] = (uint8_t)(1 + 2 * ty);
        for (size_t k = a + 1; k < b; k++)
            tags[k] = (uint8_t)(2 + 2 * ty);
        i = b - 1;
    }
}

void ent_from_tags(td_doc *doc, const ent_lex *lex, const uint8_t *given)
{
    uint8_t *covered = td_arena_alloc(&doc->arena, doc->ntokens + 1);
    uint8_t *tags = td_arena_alloc(&doc->arena, doc->ntokens + 1);
    memcpy(tags, given, doc->ntokens);
    join_of(doc, lex, tags);
    ent_ments ms = {NULL, 0, 0};
    collect(&ms, doc, lex, tags, covered);
    hyphen_prefixes(&ms, doc, lex, covered);
    ent_build(doc, lex, &ms);
    free(ms.m);
}

void ent_lex_init(ent_lex *lex, const td_engine *eng)
{
    lex->demonyms = td_engine_dict(eng, "demonyms");
    lex->countries = td_engine_dict(eng, "countries");
    lex->titles = td_engine_dict(eng, "titles");
    lex->roles = td_engine_dict(eng, "roles");
    lex->group_nouns = td_engine_dict(eng, "group_nouns");
    lex->facility = td_engine_dict(eng, "facility_words");
    lex->regions = td_engine_dict(eng, "regions");
    lex->of_heads = td_engine_dict(eng, "of_heads");
}
