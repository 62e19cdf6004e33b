/*
 * features.c — what the tagger sees of each token.
 *
 * Every feature is a 64-bit hash of (template, value), so the extractor
 * builds no strings and allocates nothing per token.  Per-token facts
 * (hashes of the word, its lower-cased form and shape, capitalization,
 * gazetteer marks) are computed once per document in ner_doc_info; the
 * document-level context flags follow Ratinov & Roth (2009): a capitalized
 * word at the start of a sentence or in an all-capitals headline is judged
 * by how the same word is written elsewhere in the document.  Pass 2 adds
 * the pass-1 tags of the neighbours and the tag pass 1 gave the same word
 * most often elsewhere in the document.
 */
#include <stdlib.h>
#include <string.h>

#include "ner/ner_impl.h"

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Shape: X for upper, x lower, d digit, other bytes kept (non-ASCII: 'u');
 * the short shape collapses runs. */
static void shapes(const char *s, size_t n, uint64_t *shape, uint64_t *sshape)
{
    char lng[24], sh[24];
    size_t nl = 0, ns = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i], k;
        if (is_upper(c)) k = 'X';
        else if (is_lower(c)) k = 'x';
        else if (is_digit(c)) k = 'd';
        else if (c >= 0x80) {
            if ((c & 0xC0) == 0x80)
                continue; /* continuation byte */
            k = 'u';
        } else k = c;
        if (nl < sizeof lng)
            lng[nl++] = (char)k;
        if ((!ns || sh[ns - 1] != (char)k) && ns < sizeof sh)
            sh[ns++] = (char)k;
    }
    *shape = ner_hash(lng, nl, 0);
    *sshape = ner_hash(sh, ns, 0);
}

static uint8_t token_flags(const char *s, size_t n)
{
    int up = 0, low = 0, dig = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        up += is_upper(c);
        low += is_lower(c);
        dig += is_digit(c);
    }
    uint8_t f = 0;
    if (n && is_upper((unsigned char)s[0]))
        f |= NER_F_CAP;
    if (up && !low)
        f |= NER_F_ALLCAPS;
    if (dig)
        f |= NER_F_DIGIT;
    if (!up && !low && !(n && (unsigned char)s[0] >= 0x80))
        f |= NER_F_NOALPHA;
    return f;
}

/* Document-wide facts about lower-cased forms: a small open-addressing map
 * from lower hash to flags, built per document. */
typedef struct doc_slot {
    uint64_t key;
    uint8_t flags;
    uint32_t count[NER_NT];
} doc_slot;

static size_t table_size(size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 2)
        cap <<= 1;
    return cap;
}

static doc_slot *slot_get(doc_slot *t, size_t mask, uint64_t key)
{
    if (!key)
        key = 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (t[i].key == key)
            return &t[i];
        if (!t[i].key) {
            t[i].key = key;
            return &t[i];
        }
    }
}

int ner_doc_info(const td_ner_doc *doc, const td_ner_gaz *gaz, ner_tokinfo *ti)
{
    size_t n = doc->ntok;
    uint16_t *marks = calloc(n ? n : 1, sizeof *marks);
    size_t cap = table_size(n);
    doc_slot *t = calloc(cap, sizeof *t);
    if (!marks || !t) {
        free(marks);
        free(t);
        return -1;
    }
    if (gaz)
        td_ner_gaz_mark(gaz, doc, marks);
    for (size_t k = 0; k < doc->nsent; k++) {
        size_t s0 = doc->sent[k], s1 = doc->sent[k + 1];
        if (s1 > n || s0 > s1)
            break;
        size_t letters = 0, caps = 0;
        for (size_t i = s0; i < s1; i++) {
            const td_ner_tok *tk = &doc->tok[i];
            ner_tokinfo *x = &ti[i];
            memset(x, 0, sizeof *x);
            x->word = ner_hash(tk->s, tk->n, 0);
            x->lower = ner_hash(tk->s, tk->n, 1);
            shapes(tk->s, tk->n, &x->shape, &x->sshape);
            x->flags = token_flags(tk->s, tk->n);
            x->gaz = marks[i];
            if (i == s0)
                x->flags |= NER_F_FIRST;
            if (!(x->flags & NER_F_NOALPHA) && !(x->flags & NER_F_DIGIT)) {
                letters++;
                caps += (x->flags & NER_F_ALLCAPS) != 0;
            }
        }
        int capssent = letters >= 2 && caps * 4 >= letters * 3;
        for (size_t i = s0; i < s1; i++) {
            ner_tokinfo *x = &ti[i];
            if (capssent)
                x->flags |= NER_F_CAPSSENT;
            if (x->flags & NER_F_NOALPHA)
                continue;
            doc_slot *d = slot_get(t, cap - 1, x->lower);
            if (!(x->flags & (NER_F_CAP | NER_F_ALLCAPS)))
                d->flags |= NER_F_LOWELSE;
            else if (!capssent && i != s0 && !(x->flags & NER_F_ALLCAPS))
                d->flags |= NER_F_CAPELSE;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (ti[i].flags & NER_F_NOALPHA)
            continue;
        doc_slot *d = slot_get(t, cap - 1, ti[i].lower);
        ti[i].flags |= d->flags;
    }
    free(marks);
    free(t);
    return 0;
}

int ner_doc_history(const td_ner_doc *doc, ner_tokinfo *ti, const uint8_t *p1)
{
    size_t n = doc->ntok, cap = table_size(n);
    doc_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < n; i++) {
        ti[i].p1 = p1[i];
        if (!(ti[i].flags & (NER_F_CAP | NER_F_ALLCAPS)))
            continue;
        slot_get(t, cap - 1, ti[i].lower)->count[p1[i]]++;
    }
    for (size_t i = 0; i < n; i++) {
        ti[i].hist = 0;
        ti[i].histn = 0;
        if (!(ti[i].flags & (NER_F_CAP | NER_F_ALLCAPS)))
            continue;
        doc_slot *d = slot_get(t, cap - 1, ti[i].lower);
        uint32_t total = 0, best = 0;
        int bt = -1;
        for (int k = 0; k < NER_NT; k++) {
            uint32_t c = d->count[k] - (k == p1[i]);
            total += c;
            if (c > best) {
                best = c;
                bt = k;
            }
        }
        if (bt >= 0) {
            ti[i].hist = (uint8_t)(bt + 1);
            ti[i].histn = (uint8_t)(total > 3 ? 3 : total);
        }
    }
    free(t);
    return 0;
}

#define F(tmpl, v) (out[nf++] = ner_mix(((uint64_t)(tmpl) << 56) ^ (v)))

size_t ner_features(const td_ner_doc *doc, const ner_tokinfo *ti, size_t s0,
                    size_t s1, size_t i, int pass, uint64_t *out)
{
    size_t nf = 0;
    const ner_tokinfo *x = &ti[i];
    const ner_tokinfo *p = i > s0 ? &ti[i - 1] : NULL;
    const ner_tokinfo *pp = i > s0 + 1 ? &ti[i - 2] : NULL;
    const ner_tokinfo *nx = i + 1 < s1 ? &ti[i + 1] : NULL;
    const ner_tokinfo *nn = i + 2 < s1 ? &ti[i + 2] : NULL;
    const uint64_t BOS = 0x1234567ULL, EOS = 0x7654321ULL;
    uint64_t lp = p ? p->lower : BOS, lpp = pp ? pp->lower : BOS;
    uint64_t ln = nx ? nx->lower : EOS, lnn = nn ? nn->lower : EOS;
    uint64_t sp = p ? p->sshape : BOS, sn = nx ? nx->sshape : EOS;
    const td_ner_tok *tk = &doc->tok[i];

    F(1, 0);
    F(2, x->word);
    F(3, x->lower);
    F(4, lp);
    F(5, ln);
    F(6, lpp);
    F(7, lnn);
    F(8, x->shape);
    F(9, x->sshape);
    F(10, sp);
    F(11, sn);
    F(12, sp * 31 + x->sshape);
    F(13, x->sshape * 31 + sn);
    F(14, lp * 31 + x->lower);
    F(15, x->lower * 31 + ln);
    /* affixes (bytes; UTF-8 may split a character, which only makes a
     * rarer feature) */
    for (size_t k = 1; k <= 4 && k < tk->n; k++) {
        F(16 + k, ner_hash(tk->s, k, 0));
        F(20 + k, ner_hash(tk->s + tk->n - k, k, 1));
    }
    unsigned fl = x->flags & (NER_F_CAP | NER_F_ALLCAPS | NER_F_FIRST | NER_F_CAPSSENT);
    unsigned fp = p ? p->flags & (NER_F_CAP | NER_F_ALLCAPS) : 8;
    unsigned fn = nx ? nx->flags & (NER_F_CAP | NER_F_ALLCAPS) : 8;
    F(25, fl | fp << 8 | fn << 16);
    F(26, (x->flags & 0xFF) | (uint64_t)x->sshape << 8);
    F(27, x->flags & (NER_F_CAP | NER_F_FIRST | NER_F_CAPSSENT | NER_F_LOWELSE | NER_F_CAPELSE));
    if ((x->flags & (NER_F_FIRST | NER_F_CAPSSENT)) && (x->flags & (NER_F_CAP | NER_F_ALLCAPS)))
        F(28, x->lower);
    F(29, tk->n > 12 ? 12 : tk->n);
    /* gazetteers */
    for (int b = 0; b < 16; b++) {
        if (x->gaz >> b & 1)
            F(30, (uint64_t)b | (uint64_t)(x->flags & NER_F_CAP) << 8);
        if (p && (p->gaz >> b & 1))
            F(31, b);
        if (nx && (nx->gaz >> b & 1))
            F(32, b);
    }
    F(33, x->gaz);
    F(34, p ? p->word : BOS);
    F(35, nx ? nx->word : EOS);
    if (p && nx)
        F(36, p->lower * 31 + nx->lower);
    if (pass == 2) {
        F(40, x->hist);
        F(41, x->hist | x->histn << 8);
        F(42, x->hist | (uint64_t)x->lower << 8);
        F(43, p ? p->p1 : 99);
        F(44, x->p1);
        F(45, nx ? nx->p1 : 99);
        F(46, (p ? p->p1 : 99) | x->p1 << 8 | (nx ? nx->p1 : 99) << 16);
        F(47, x->hist | (uint64_t)(p ? p->hist : 99) << 8 |
                  (uint64_t)(nx ? nx->hist : 99) << 16);
        F(48, x->hist | (uint64_t)(x->flags & (NER_F_FIRST | NER_F_CAPSSENT)) << 8);
    }
    return nf;
}
