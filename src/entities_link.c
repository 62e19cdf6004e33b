/*
 * entities_link.c — mentions become entities: one cluster per name, then
 * links between clusters, then doc->entities in order of first mention.
 *
 * Linking (see entities.c for the whole stage) joins a surname to the one
 * full name of a person ending with it, an acronym to the one name it can
 * be spelled from, and an organisation's name to the one longer
 * organisation name ending with it; "one" because an ambiguous link is
 * worse than none.  Clusters are few per document, so links are found by
 * scanning the roots (and skipped on documents with thousands of names).
 * Persons then get their role and country (entities_roles.c).
 */
#include <stdlib.h>
#include <string.h>

#include "entities.h"

static int is_upper_ascii(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower_ascii(unsigned char c) { return c >= 'a' && c <= 'z'; }

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

static size_t name_len(const ent_ment *m) { return m->span.end - m->span.start; }

/* Merges b into a (a's kind and name win unless b's name is longer). */
static void merge(cluster *c, const ent_ment *m, int a, int b)
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
static size_t acronym(const ent_ment *m, const td_doc *doc, char *out, size_t cap)
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
static uint64_t last_word_key(const ent_ment *m, const td_doc *doc)
{
    const td_token *t = &doc->tokens[m->end - 1];
    return ent_key_hash(doc->text + t->span.start, t->span.end - t->span.start);
}

static void link(cluster *c, size_t nc, const ent_ment *m, const td_doc *doc)
{
    /* clusters are few per document; the scans below are over roots only
     * and stop early on large documents */
    if (nc > 4000)
        return;
    for (size_t a = 0; a < nc; a++) {
        if (find(c, (int)a) != (int)a)
            continue;
        const ent_ment *ma = &m[c[a].best];
        char acr[16];
        size_t an = acronym(ma, doc, acr, sizeof acr);
        int single = ma->end - ma->first == 1;
        int target = -1, count = 0;
        for (size_t b = 0; b < nc && count < 2; b++) {
            if (b == a || find(c, (int)b) != (int)b)
                continue;
            const ent_ment *mb = &m[c[b].best];
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

static char *name_dup(td_doc *doc, const ent_ment *m)
{
    char *s = td_arena_strndup(&doc->arena, doc->text + m->span.start, name_len(m));
    for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    return s;
}
/* The country a document is about: the one it names most, counting
 * country names and nationality adjectives ("Dutch", "Serbian") in the
 * analysed text and the mentions of multi-word country names ("United
 * States").
 * NULL unless it is named at least twice and more often than any other. */
static const char *ent_main_country(const td_doc *doc, const ent_lex *lex)
{
    enum { MAX_COUNTRIES = 64 };
    const char *code[MAX_COUNTRIES];
    size_t count[MAX_COUNTRIES], ncodes = 0;
    for (size_t i = 0; i < doc->ntokens + doc->nentities; i++) {
        const char *v;
        size_t weight = 1;
        if (i < doc->ntokens) {
            const td_token *t = &doc->tokens[i];
            size_t n = t->span.end - t->span.start;
            const char *w = doc->text + t->span.start;
            /* plural nationality words name people, often a minority
             * abroad ("Serbs" in Kosovo), not the country of the story;
             * the dictionaries are capitalized, so lookups are exact */
            v = td_dict_get(lex->countries, w, n);
            if (!v && n && w[n - 1] != 's')
                v = td_dict_get(lex->demonyms, w, n);
        } else {
            const td_entity *e = &doc->entities[i - doc->ntokens];
            if (e->kind != TD_ENT_PLACE || !strchr(e->name, ' '))
                continue;
            v = td_dict_get(lex->countries, e->name, strlen(e->name));
            weight = e->nmentions;
        }
        if (!v || strlen(v) != 3)
            continue;
        size_t k = 0;
        while (k < ncodes && strcmp(code[k], v))
            k++;
        if (k == ncodes) {
            if (ncodes == MAX_COUNTRIES)
                continue;
            code[ncodes] = v;
            count[ncodes++] = 0;
        }
        count[k] += weight;
    }
    size_t best = 0, second = 0;
    const char *main = NULL;
    for (size_t k = 0; k < ncodes; k++) {
        if (count[k] > best) {
            second = best;
            best = count[k];
            main = code[k];
        } else if (count[k] > second) {
            second = count[k];
        }
    }
    return best >= 2 && best > second ? main : NULL;
}


/* Every mention of e is one token. */
static int ent_single_word(const td_entity *e)
{
    for (size_t m = 0; m < e->nmentions; m++)
        if (e->mentions[m].ntokens != 1)
            return 0;
    return e->nmentions > 0;
}

/* Some analysed token reads name + "s". */
static int ent_plural_in_text(const td_doc *doc, const char *name)
{
    size_t n = strlen(name);
    for (size_t t = 0; t < doc->ntokens; t++) {
        const td_token *tok = &doc->tokens[t];
        const char *w = doc->text + tok->span.start;
        if (tok->span.end - tok->span.start == n + 1 && w[n] == 's' && !memcmp(w, name, n))
            return 1;
    }
    return 0;
}

/* Mentions → clusters → linked entities in doc->entities. */
int ent_build(td_doc *doc, const ent_lex *lex, ent_ments *ms)
{
    size_t n = ms->n, nc = 0;
    ord *o = malloc((n + 1) * sizeof *o);
    cluster *c = malloc((n + 1) * sizeof *c);
    int *ent_of = malloc((n + 1) * sizeof *ent_of);
    if (!o || !c || !ent_of) {
        free(o), free(c), free(ent_of);
        return -1;
    }
    ent_ment *m = ms->m;
    /* same name, same cluster */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!m[i].dropped)
            o[k++] = (ord){m[i].key, m[i].span.start, i};
    qsort(o, k, sizeof *o, by_ord);
    for (size_t i = 0; i < k; i++) {
        ent_ment *x = &m[o[i].idx];
        if (i && o[i - 1].a == o[i].a) {
            const ent_ment *prev = &m[o[i - 1].idx];
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
        const ent_ment *x = &m[c[i].best];
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
        const ent_ment *x = &m[o[i].idx];
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
    /* roles, countries and organizations of persons */
    uint32_t *org_ending = calloc(doc->ntokens + 1, sizeof *org_ending);
    uint32_t *org_starting = calloc(doc->ntokens + 1, sizeof *org_starting);
    if (!org_ending || !org_starting) {
        free(org_ending), free(org_starting), free(o), free(c), free(ent_of);
        return -1;
    }
    for (size_t i = 0; i < doc->nentities; i++) {
        const td_entity *e = &doc->entities[i];
        for (size_t q = 0; e->kind == TD_ENT_ORG && q < e->nmentions; q++) {
            const td_mention *x = &e->mentions[q];
            if (x->first_token + x->ntokens <= doc->ntokens) {
                org_ending[x->first_token + x->ntokens] = (uint32_t)i + 1;
                org_starting[x->first_token] = (uint32_t)i + 1;
            }
        }
    }
    for (size_t i = 0; i < doc->nentities; i++) {
        td_entity *e = &doc->entities[i];
        if (e->kind != TD_ENT_PERSON)
            continue;
        for (size_t q = 0; q < e->nmentions && !e->role && !e->country[0]; q++) {
            const td_mention *x = &e->mentions[q];
            size_t f = x->first_token, end = f + x->ntokens;
            ent_role r = {0};
            ent_person_role(doc, lex, ent_sentence_start(doc, f), ent_sentence_end(doc, f), f,
                            end, &r);
            e->role = r.role;
            memcpy(e->country, r.country, sizeof e->country);
            if (r.org_end <= doc->ntokens && org_ending[r.org_end])
                e->affiliation = org_ending[r.org_end];
            else if (r.org_start <= doc->ntokens && org_starting[r.org_start])
                e->affiliation = org_starting[r.org_start];
        }
    }
    free(org_ending);
    free(org_starting);
    /* a one-word "person" the text also writes in the plural ("Javelin"
     * and "Javelins") is a product or a kind of thing, not a person */
    for (size_t i = 0; i < doc->nentities; i++) {
        td_entity *e = &doc->entities[i];
        if (e->kind == TD_ENT_PERSON && !e->role && ent_single_word(e) &&
            ent_plural_in_text(doc, e->name))
            e->kind = TD_ENT_OTHER;
    }
    /* a role without a country: the country the document names most
     * ("the president" in an article about Kosovo) */
    const char *main_country = ent_main_country(doc, lex);
    for (size_t i = 0; main_country && i < doc->nentities; i++) {
        td_entity *e = &doc->entities[i];
        /* someone who speaks for an organization is not thereby of the
         * story's country ("European Commission spokesperson X") */
        if (e->kind == TD_ENT_PERSON && e->role && !e->country[0] && !e->affiliation)
            memcpy(e->country, main_country, 4);
    }
    free(o);
    free(c);
    free(ent_of);
    return 0;
}
