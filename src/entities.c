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
 * 3. Mentions with the same name form one entity (its kind by majority),
 *    then entities are linked: a surname to the one full name ending with
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

typedef struct ment {
    uint32_t first, end; /* tokens [first, end) */
    td_span span;
    int kind;            /* td_entity_kind */
    int ner;             /* NER type or -1 */
    uint64_t key;        /* hash of the lower-cased name */
    int cluster;
    int dropped;
} ment;

typedef struct ments {
    ment *m;
    size_t n, cap;
} ments;

static uint64_t key_hash(const char *s, size_t n)
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

static ment *add_ment(ments *ms, const td_doc *doc, size_t first, size_t end,
                      td_span span, int kind, int ner)
{
    if (ms->n == ms->cap) {
        size_t cap = ms->cap ? 2 * ms->cap : 32;
        ment *m = realloc(ms->m, cap * sizeof *m);
        if (!m)
            return NULL;
        ms->m = m;
        ms->cap = cap;
    }
    ment *m = &ms->m[ms->n++];
    memset(m, 0, sizeof *m);
    m->first = (uint32_t)first;
    m->end = (uint32_t)end;
    m->span = span;
    m->kind = kind;
    m->ner = ner;
    m->key = key_hash(doc->text + span.start, span.end - span.start);
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

static uint32_t sentence_end(const td_doc *doc, size_t i)
{
    const td_token *t = &doc->tokens[i];
    if (t->sentence < doc->nsentences) {
        const td_sentence *s = &doc->sentences[t->sentence];
        if (i >= s->first_token && i < s->first_token + s->ntokens)
            return s->first_token + s->ntokens;
    }
    return (uint32_t)i + 1;
}

static uint32_t sentence_start(const td_doc *doc, size_t i)
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
    return key_hash(s, n) ^ 0x6772707300000000ULL;
}

/* A MISC run that is a nationality word: a group when used as a noun. */
static void nationality(ments *ms, const td_doc *doc, const ent_lex *lex,
                        size_t first, size_t end)
{
    size_t n, s1 = sentence_end(doc, end - 1), s0 = sentence_start(doc, first);
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
    ment *m = add_ment(ms, doc, f, end, tok_span(doc, f, end), TD_ENT_GROUP, TD_NER_MISC);
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
static void collect(ments *ms, td_doc *doc, const ent_lex *lex, const uint8_t *tags,
                    uint8_t *covered)
{
    size_t n = doc->ntokens;
    for (size_t i = 0; i < n;) {
        if (!tags[i]) {
            i++;
            continue;
        }
        int ty = TD_NER_TYPE(tags[i]);
        size_t j = i + 1, s1 = sentence_end(doc, i);
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

static void hyphen_prefixes(ments *ms, td_doc *doc, const ent_lex *lex,
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
        ment *whole = single[i] >= 0 ? &ms->m[single[i]] : NULL;
        if (covered[i] && !whole)
            continue;
        size_t pn = (size_t)(h - t);
        keykind probe = {key_hash(t, pn), -1};
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

/* ---- clusters and links ------------------------------------------------- */

typedef struct cluster {
    int parent;
    int kind;
    size_t best;    /* mention giving the name */
    size_t first;   /* earliest mention */
    uint32_t ntoks; /* tokens in the name */
    int votes[6];
} cluster;

static int find(cluster *c, int i)
{
    while (c[i].parent != i)
        i = c[i].parent = c[c[i].parent].parent;
    return i;
}

static size_t name_len(const ment *m) { return m->span.end - m->span.start; }

/* Merges b into a (a's kind and name win unless b's name is longer). */
static void merge(cluster *c, const ment *m, int a, int b)
{
    a = find(c, a);
    b = find(c, b);
    if (a == b)
        return;
    c[b].parent = a;
    if (m[c[b].first].span.start < m[c[a].first].span.start)
        c[a].first = c[b].first;
    if (c[b].ntoks > c[a].ntoks ||
        (c[b].ntoks == c[a].ntoks && name_len(&m[c[b].best]) > name_len(&m[c[a].best]))) {
        c[a].best = c[b].best;
        c[a].ntoks = c[b].ntoks;
    }
}

/* Whether acronym acr (upper-case letters) can be spelled from the words
 * of a name by taking a non-empty prefix of each word in order; "of",
 * "the", "and", "for" may be skipped: NATO, UN, KFOR ← Kosovo FORce. */
static int spells(const char *acr, size_t an, const char *s, size_t n, int depth)
{
    while (n && *s == ' ')
        s++, n--;
    if (!n)
        return an == 0;
    if (depth > 12)
        return 0;
    size_t wl = 0;
    while (wl < n && s[wl] != ' ')
        wl++;
    int function = (wl == 2 && !memcmp(s, "of", 2)) || (wl == 3 && !memcmp(s, "the", 3)) ||
                   (wl == 3 && !memcmp(s, "and", 3)) || (wl == 3 && !memcmp(s, "for", 3)) ||
                   (wl == 1 && s[0] == '&');
    if (function && spells(acr, an, s + wl, n - wl, depth + 1))
        return 1;
    for (size_t k = 1; k <= wl && k <= an; k++) {
        char b = s[k - 1];
        if (is_lower_ascii((unsigned char)b))
            b = (char)(b - 32);
        if (acr[k - 1] != b)
            break;
        if (spells(acr + k, an - k, s + wl, n - wl, depth + 1))
            return 1;
    }
    return 0;
}

/* The letters of an all-capitals single word ("NATO", "U.N."), or 0. */
static size_t acronym(const ment *m, const td_doc *doc, char *out, size_t cap)
{
    if (m->end - m->first != 1)
        return 0;
    size_t n = 0;
    for (uint32_t i = m->span.start; i < m->span.end; i++) {
        unsigned char c = (unsigned char)doc->text[i];
        if (c == '.')
            continue;
        if (!is_upper_ascii(c) || n + 1 >= cap)
            return 0;
        out[n++] = (char)c;
    }
    return n >= 2 ? n : 0;
}

/* Last word of a mention's text. */
static uint64_t last_word_key(const ment *m, const td_doc *doc)
{
    const td_token *t = &doc->tokens[m->end - 1];
    return key_hash(doc->text + t->span.start, t->span.end - t->span.start);
}

static void link(cluster *c, size_t nc, const ment *m, const td_doc *doc)
{
    /* clusters are few per document; the scans below are over roots only
     * and stop early on large documents */
    if (nc > 4000)
        return;
    for (size_t a = 0; a < nc; a++) {
        if (find(c, (int)a) != (int)a)
            continue;
        const ment *ma = &m[c[a].best];
        char acr[16];
        size_t an = acronym(ma, doc, acr, sizeof acr);
        int single = ma->end - ma->first == 1;
        int target = -1, count = 0;
        for (size_t b = 0; b < nc && count < 2; b++) {
            if (b == a || find(c, (int)b) != (int)b)
                continue;
            const ment *mb = &m[c[b].best];
            if (mb->end - mb->first < 2 || c[b].kind == TD_ENT_GROUP)
                continue;
            int hit = 0;
            if (single && c[a].kind == TD_ENT_PERSON && c[b].kind == TD_ENT_PERSON &&
                last_word_key(mb, doc) == ma->key)
                hit = 1; /* surname */
            else if (an && c[b].kind != TD_ENT_PERSON &&
                     spells(acr, an, doc->text + mb->span.start, name_len(mb), 0))
                hit = 1; /* acronym */
            else if (!single && c[a].kind == TD_ENT_ORG && c[b].kind == TD_ENT_ORG &&
                     name_len(mb) > name_len(ma) + 1 &&
                     !memcmp(doc->text + mb->span.end - name_len(ma),
                             doc->text + ma->span.start, name_len(ma)) &&
                     doc->text[mb->span.end - name_len(ma) - 1] == ' ')
                hit = 1; /* "Security Council" in "UN Security Council" */
            if (hit) {
                if (target != (int)b)
                    count++;
                target = (int)b;
            }
        }
        if (count == 1) {
            int kind = c[target].kind;
            merge(c, m, target, (int)a);
            c[find(c, target)].kind = kind;
        }
    }
}

/* ---- building the entities --------------------------------------------- */

typedef struct ord {
    uint64_t a, b; /* sort keys */
    size_t idx;
} ord;

static int by_ord(const void *x, const void *y)
{
    const ord *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return p->idx < q->idx ? -1 : p->idx > q->idx;
}

static char *name_dup(td_doc *doc, const ment *m)
{
    char *s = td_arena_strndup(&doc->arena, doc->text + m->span.start, name_len(m));
    for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    return s;
}

/* Mentions → clusters → linked entities in doc->entities. */
static int build(td_doc *doc, const ent_lex *lex, ments *ms)
{
    size_t n = ms->n, nc = 0;
    ord *o = malloc((n + 1) * sizeof *o);
    cluster *c = malloc((n + 1) * sizeof *c);
    int *ent_of = malloc((n + 1) * sizeof *ent_of);
    if (!o || !c || !ent_of) {
        free(o), free(c), free(ent_of);
        return -1;
    }
    ment *m = ms->m;
    /* same name, same cluster */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!m[i].dropped)
            o[k++] = (ord){m[i].key, m[i].span.start, i};
    qsort(o, k, sizeof *o, by_ord);
    for (size_t i = 0; i < k; i++) {
        ment *x = &m[o[i].idx];
        if (i && o[i - 1].a == o[i].a) {
            const ment *prev = &m[o[i - 1].idx];
            if (prev->span.start == x->span.start && prev->span.end == x->span.end) {
                x->dropped = 1; /* the same span twice */
                x->cluster = prev->cluster;
                continue;
            }
            x->cluster = prev->cluster;
        } else {
            x->cluster = (int)nc;
            cluster *cl = &c[nc++];
            memset(cl, 0, sizeof *cl);
            cl->parent = x->cluster;
            cl->best = cl->first = o[i].idx;
            cl->ntoks = x->end - x->first;
        }
        cluster *cl = &c[x->cluster];
        cl->votes[x->kind]++;
        if (x->end - x->first > cl->ntoks ||
            (x->end - x->first == cl->ntoks && name_len(x) > name_len(&m[cl->best]))) {
            cl->best = o[i].idx;
            cl->ntoks = x->end - x->first;
        }
    }
    for (size_t i = 0; i < nc; i++) {
        int best = m[c[i].first].kind;
        for (int t = 0; t < 6; t++)
            if (c[i].votes[t] > c[i].votes[best])
                best = t;
        /* a country or region by name is a place whatever the tags said
         * ("the Balkans" tagged as an organisation) */
        const ment *x = &m[c[i].best];
        if (best != TD_ENT_GROUP && best != TD_ENT_FACILITY &&
            (td_dict_get(lex->countries, doc->text + x->span.start, name_len(x)) ||
             td_dict_get(lex->regions, doc->text + x->span.start, name_len(x))))
            best = TD_ENT_PLACE;
        c[i].kind = best;
    }
    link(c, nc, m, doc);
    /* entities in order of first mention, mentions in text order */
    k = 0;
    for (size_t i = 0; i < n; i++)
        if (!m[i].dropped)
            o[k++] = (ord){m[i].span.start, m[i].span.end, i};
    qsort(o, k, sizeof *o, by_ord);
    for (size_t i = 0; i < nc; i++)
        ent_of[i] = -1;
    for (size_t i = 0; i < k; i++) {
        const ment *x = &m[o[i].idx];
        int root = find(c, x->cluster);
        if (ent_of[root] < 0) {
            td_entity *e = TD_ARRAY_PUSH(&doc->arena, doc->entities, doc->nentities,
                                         doc->entities_cap);
            e->kind = (td_entity_kind)c[root].kind;
            e->name = name_dup(doc, &m[c[root].best]);
            ent_of[root] = (int)(doc->nentities - 1);
        }
        td_entity *e = &doc->entities[ent_of[root]];
        td_mention *mm = TD_ARRAY_PUSH(&doc->arena, e->mentions, e->nmentions, e->cap);
        mm->span = x->span;
        mm->first_token = x->first;
        mm->ntokens = x->end - x->first;
    }
    /* roles and countries of persons */
    for (size_t i = 0; i < doc->nentities; i++) {
        td_entity *e = &doc->entities[i];
        if (e->kind != TD_ENT_PERSON)
            continue;
        for (size_t q = 0; q < e->nmentions && !e->role && !e->country[0]; q++) {
            const td_mention *x = &e->mentions[q];
            size_t f = x->first_token, end = f + x->ntokens;
            ent_person_role(doc, lex, sentence_start(doc, f), sentence_end(doc, f), f,
                            end, &e->role, e->country);
        }
    }
    /* a role without a country: the country the document names most
     * ("the president" in an article about Kosovo) */
    const char *main_country = NULL;
    size_t most = 0;
    for (size_t i = 0; i < doc->nentities; i++) {
        const td_entity *e = &doc->entities[i];
        const char *v = e->kind == TD_ENT_PLACE
                            ? td_dict_get(lex->countries, e->name, strlen(e->name))
                            : NULL;
        if (v && strlen(v) == 3 && e->nmentions > most) {
            most = e->nmentions;
            main_country = v;
        }
    }
    for (size_t i = 0; main_country && i < doc->nentities; i++) {
        td_entity *e = &doc->entities[i];
        if (e->kind == TD_ENT_PERSON && e->role && !e->country[0])
            memcpy(e->country, main_country, 4);
    }
    free(o);
    free(c);
    free(ent_of);
    return 0;
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
            sentence_end(doc, i) <= i + 1)
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
    ments ms = {NULL, 0, 0};
    collect(&ms, doc, lex, tags, covered);
    hyphen_prefixes(&ms, doc, lex, covered);
    build(doc, lex, &ms);
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
