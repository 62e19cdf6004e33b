/*
 * html_meta.c — page metadata: title, byline, dates, site name, language,
 * image, description, canonical URL.
 *
 * Sources, most trusted first, as Mozilla Readability ranks them (its test
 * pages are our metadata development set, and its choices are sensible):
 * JSON-LD of an Article type (headline/name, author, datePublished,
 * publisher), then <meta> properties and names (Dublin Core, Open Graph,
 * article:, twitter:, parsely-), then the <title> with the site's name cut
 * off, then the page itself: an element marked as the byline (rel=author,
 * itemprop=author, class "byline"/"author"), <time datetime>.
 *
 * Every value found is added to the document's meta with where it came
 * from; the winners fill doc->date, doc->source and doc->url when the
 * caller did not give them.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "html/html.h"
#include "util/json.h"

/* ---- small string helpers --------------------------------------------- */

/* Trims, collapses white space and decodes the few entities that survive
 * in JSON-LD and doubly escaped attributes. */
static char *hm_clean(td_arena *a, const char *s, size_t n)
{
    char *out = td_arena_alloc(a, n + 1);
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '&') {
            static const struct { const char *e; char c; } ents[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
                {"&quot;", '"'}, {"&apos;", '\''}, {"&#39;", '\''},
                {"&#039;", '\''}, {"&#x27;", '\''}, {"&nbsp;", ' '},
            };
            for (size_t e = 0; e < sizeof ents / sizeof *ents; e++) {
                size_t el = strlen(ents[e].e);
                if (i + el <= n && !memcmp(s + i, ents[e].e, el)) {
                    c = (unsigned char)ents[e].c;
                    i += el - 1;
                    break;
                }
            }
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = 1;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            space = 1;
            i++;
            continue;
        }
        if (space && k)
            out[k++] = ' ';
        space = 0;
        out[k++] = (char)c;
    }
    out[k] = 0;
    return out;
}

static char *hm_cleans(td_arena *a, const char *s)
{
    return s ? hm_clean(a, s, strlen(s)) : NULL;
}

/* ---- dates -------------------------------------------------------------- */

static int hm_month(const char *s)
{
    static const char *const months[12] = {
        "jan", "feb", "mar", "apr", "may", "jun",
        "jul", "aug", "sep", "oct", "nov", "dec",
    };
    for (int m = 0; m < 12; m++)
        if (!strncasecmp(s, months[m], 3))
            return m + 1;
    return 0;
}

static int hm_day_ok(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int hx_date_day(const char *s, char out[11])
{
    if (!s)
        return 0;
    while (*s == ' ')
        s++;
    int y = 0, m = 0, d = 0;
    /* ISO 8601: 2019-11-19..., 2019/11/19, 20191119 */
    if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
        isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3])) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        const char *p = s + 4;
        if ((*p == '-' || *p == '/' || *p == '.') && isdigit((unsigned char)p[1])) {
            m = atoi(p + 1);
            p++;
            while (isdigit((unsigned char)*p))
                p++;
            if ((*p == '-' || *p == '/' || *p == '.') && isdigit((unsigned char)p[1]))
                d = atoi(p + 1);
        } else if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[3])) {
            m = (p[0] - '0') * 10 + (p[1] - '0');
            d = (p[2] - '0') * 10 + (p[3] - '0');
        }
    } else {
        /* "Nov 19, 2019", "19 November 2019", "Tuesday, 19 Nov 2019" */
        const char *p = s;
        for (int guard = 0; *p && guard < 64; guard++) {
            if (isalpha((unsigned char)*p)) {
                int mm = hm_month(p);
                if (mm && !m)
                    m = mm;
                while (isalpha((unsigned char)*p))
                    p++;
            } else if (isdigit((unsigned char)*p)) {
                int v = atoi(p);
                size_t nd = 0;
                while (isdigit((unsigned char)p[nd]))
                    nd++;
                if (nd == 4)
                    y = v;
                else if (nd <= 2 && !d && v >= 1 && v <= 31)
                    d = v;
                p += nd;
                if (y && m && d)
                    break;
            } else {
                p++;
            }
        }
    }
    if (!hm_day_ok(y, m, d))
        return 0;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return 1;
}

/* ---- <meta> -------------------------------------------------------------- */

/* The values Readability reads from <meta>, plus a few more. */
enum {
    MK_TITLE, MK_DC_TITLE, MK_DCTERM_TITLE, MK_OG_TITLE, MK_WEIBO_ATITLE,
    MK_WEIBO_WTITLE, MK_TWITTER_TITLE, MK_PARSELY_TITLE,
    MK_DC_CREATOR, MK_DCTERM_CREATOR, MK_AUTHOR, MK_PARSELY_AUTHOR,
    MK_ARTICLE_AUTHOR,
    MK_DESCRIPTION, MK_DC_DESCRIPTION, MK_DCTERM_DESCRIPTION,
    MK_OG_DESCRIPTION, MK_WEIBO_ADESC, MK_WEIBO_WDESC, MK_TWITTER_DESCRIPTION,
    MK_OG_SITE_NAME, MK_PUBLISHED, MK_PARSELY_PUB_DATE, MK_MODIFIED,
    MK_OTHER_DATE, MK_IMAGE, MK_OG_URL, MK_SECTION, MK_LOCALE,
    MK_COUNT
};

static const struct { const char *key; int slot; } hm_keys[] = {
    {"title", MK_TITLE}, {"dc:title", MK_DC_TITLE},
    {"dcterm:title", MK_DCTERM_TITLE}, {"og:title", MK_OG_TITLE},
    {"weibo:article:title", MK_WEIBO_ATITLE},
    {"weibo:webpage:title", MK_WEIBO_WTITLE},
    {"twitter:title", MK_TWITTER_TITLE}, {"parsely-title", MK_PARSELY_TITLE},
    {"dc:creator", MK_DC_CREATOR}, {"dcterm:creator", MK_DCTERM_CREATOR},
    {"author", MK_AUTHOR}, {"parsely-author", MK_PARSELY_AUTHOR},
    {"article:author", MK_ARTICLE_AUTHOR},
    {"description", MK_DESCRIPTION}, {"dc:description", MK_DC_DESCRIPTION},
    {"dcterm:description", MK_DCTERM_DESCRIPTION},
    {"og:description", MK_OG_DESCRIPTION},
    {"weibo:article:description", MK_WEIBO_ADESC},
    {"weibo:webpage:description", MK_WEIBO_WDESC},
    {"twitter:description", MK_TWITTER_DESCRIPTION},
    {"og:site_name", MK_OG_SITE_NAME},
    {"article:published_time", MK_PUBLISHED},
    {"parsely-pub-date", MK_PARSELY_PUB_DATE},
    {"article:modified_time", MK_MODIFIED},
    {"og:updated_time", MK_MODIFIED},
    {"date", MK_OTHER_DATE}, {"pubdate", MK_OTHER_DATE},
    {"publishdate", MK_OTHER_DATE}, {"publish-date", MK_OTHER_DATE},
    {"dc:date", MK_OTHER_DATE}, {"dcterms:created", MK_OTHER_DATE},
    {"dc:date:issued", MK_OTHER_DATE}, {"sailthru:date", MK_OTHER_DATE},
    {"article:published", MK_OTHER_DATE}, {"datepublished", MK_OTHER_DATE},
    {"og:image", MK_IMAGE}, {"twitter:image", MK_IMAGE},
    {"og:url", MK_OG_URL}, {"article:section", MK_SECTION},
    {"og:locale", MK_LOCALE},
};

static int hm_slot(const char *k)
{
    for (size_t i = 0; i < sizeof hm_keys / sizeof *hm_keys; i++)
        if (!strcmp(k, hm_keys[i].key))
            return hm_keys[i].slot;
    return -1;
}

/* Normalizes a meta name or property as Readability does: lower case,
 * no spaces, '.' → ':'; "dcterms" stays apart from "dcterm". */
static void hm_norm_key(const char *s, size_t n, char *out, size_t outlen)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < outlen; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c))
            continue;
        out[k++] = c == '.' ? ':' : (char)tolower(c);
    }
    out[k] = 0;
}

typedef struct hm_state {
    const hx_dom *dom;
    td_doc *doc;
    const char *v[MK_COUNT];
    const char *doc_title;  /* <title> */
    const char *lang;
    const char *canonical;
    const char *time_dt;    /* first <time datetime> in the body */
    uint32_t nh1, h1;
} hm_state;

static void hm_scan(hm_state *st)
{
    const hx_dom *dom = st->dom;
    td_arena *a = &st->doc->arena;
    for (size_t i = 1; i < dom->nnodes; i++) {
        const hx_node *nd = &dom->nodes[i];
        uint32_t n = (uint32_t)i;
        switch (nd->tag) {
        case HT_META: {
            const char *content = hx_attr_get(dom, n, HA_CONTENT);
            if (!content)
                break;
            const char *prop = hx_attr_get(dom, n, HA_PROPERTY);
            const char *name = hx_attr_get(dom, n, HA_NAME);
            const char *ip = hx_attr_get(dom, n, HA_ITEMPROP);
            char key[64];
            if (prop) {
                /* space-separated list of properties */
                const char *p = prop;
                while (*p) {
                    while (*p && isspace((unsigned char)*p))
                        p++;
                    const char *e = p;
                    while (*e && !isspace((unsigned char)*e))
                        e++;
                    if (e > p) {
                        hm_norm_key(p, (size_t)(e - p), key, sizeof key);
                        int s = hm_slot(key);
                        if (s >= 0 && strcmp(key, "title") && strcmp(key, "author") &&
                            strcmp(key, "description"))
                            st->v[s] = hm_cleans(a, content);
                    }
                    p = e;
                }
            }
            if (name) {
                hm_norm_key(name, strlen(name), key, sizeof key);
                int s = hm_slot(key);
                if (s >= 0)
                    st->v[s] = hm_cleans(a, content);
            }
            if (ip) {
                hm_norm_key(ip, strlen(ip), key, sizeof key);
                if (!strcmp(key, "datepublished") && !st->v[MK_OTHER_DATE])
                    st->v[MK_OTHER_DATE] = hm_cleans(a, content);
            }
            break;
        }
        case HT_TITLE:
            if (!st->doc_title) {
                td_buf t;
                td_buf_init(&t);
                hx_inner_text(dom, n, &t);
                st->doc_title = hm_clean(a, t.data ? t.data : "", t.len);
                td_buf_free(&t);
            }
            break;
        case HT_HTML:
            if (!st->lang)
                st->lang = hm_cleans(a, hx_attr_get(dom, n, HA_LANG));
            break;
        case HT_LINK: {
            const char *rel = hx_attr_get(dom, n, HA_REL);
            if (rel && !strcmp(rel, "canonical") && !st->canonical)
                st->canonical = hm_cleans(a, hx_attr_get(dom, n, HA_HREF));
            break;
        }
        case HT_TIME:
            if (!st->time_dt && !(nd->flags & HF_HIDDEN))
                st->time_dt = hm_cleans(a, hx_attr_get(dom, n, HA_DATETIME));
            break;
        case HT_H1:
            if (!(nd->flags & HF_HIDDEN)) {
                st->nh1++;
                if (!st->h1)
                    st->h1 = n;
            }
            break;
        default:
            break;
        }
    }
}

/* ---- JSON-LD ------------------------------------------------------------- */

static int hm_article_type(const char *t)
{
    static const char *const types[] = {
        "Article", "AdvertiserContentArticle", "NewsArticle",
        "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle",
        "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
        "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
        "DiscussionForumPosting", "TechArticle", "APIReference",
    };
    if (!t)
        return 0;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (strstr(t, types[i]))
            return 1;
    return 0;
}

static int hm_value_is_article(const td_json_value *v)
{
    if (!v || v->type != TD_JSON_OBJECT)
        return 0;
    const td_json_value *t = td_json_get(v, "@type");
    if (!t)
        return 0;
    if (t->type == TD_JSON_STRING)
        return hm_article_type(t->string);
    if (t->type == TD_JSON_ARRAY)
        for (size_t i = 0; i < t->length; i++)
            if (t->items[i]->type == TD_JSON_STRING &&
                hm_article_type(t->items[i]->string))
                return 1;
    return 0;
}

static int hm_schema_context(const td_json_value *v)
{
    const td_json_value *c = td_json_get(v, "@context");
    const char *s = NULL;
    if (c && c->type == TD_JSON_STRING)
        s = c->string;
    else if (c && c->type == TD_JSON_OBJECT)
        s = td_json_get_string(c, "@vocab");
    if (!s)
        return 0;
    return !strcmp(s, "http://schema.org") || !strcmp(s, "https://schema.org") ||
           !strcmp(s, "http://schema.org/") || !strcmp(s, "https://schema.org/");
}

/* Readability's text similarity: share of b's words also in a. */
static double hm_similarity(const char *a, const char *b)
{
    char ta[64][48], tb[64][48];
    int na = 0, nb = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *s = pass ? b : a;
        char (*t)[48] = pass ? tb : ta;
        int *n = pass ? &nb : &na;
        while (*s && *n < 64) {
            while (*s && !isalnum((unsigned char)*s) && *s != '_')
                s++;
            size_t k = 0;
            while (*s && (isalnum((unsigned char)*s) || *s == '_')) {
                if (k < 47)
                    t[*n][k++] = (char)tolower((unsigned char)*s);
                s++;
            }
            if (k) {
                t[*n][k] = 0;
                (*n)++;
            }
        }
    }
    if (!nb)
        return 0;
    size_t all = 0, uniq = 0;
    int nuniq = 0;
    for (int i = 0; i < nb; i++) {
        all += strlen(tb[i]);
        int found = 0;
        for (int j = 0; j < na && !found; j++)
            found = !strcmp(tb[i], ta[j]);
        if (!found) {
            uniq += strlen(tb[i]);
            nuniq++;
        }
    }
    all += (size_t)(nb - 1);
    if (nuniq)
        uniq += (size_t)(nuniq - 1);
    return all ? 1.0 - (double)uniq / (double)all : 0;
}

typedef struct hm_ld {
    const char *title, *byline, *description, *site, *published, *modified,
        *image, *body;
    size_t body_len;
} hm_ld;

static const char *hm_article_title(hm_state *st);

static void hm_ld_fill(hm_state *st, const td_json_value *v, hm_ld *ld)
{
    td_arena *a = &st->doc->arena;
    const char *name = td_json_get_string(v, "name");
    const char *headline = td_json_get_string(v, "headline");
    if (name && headline && strcmp(name, headline)) {
        const char *title = hm_article_title(st);
        int nm = hm_similarity(name, title) > 0.75;
        int hm = hm_similarity(headline, title) > 0.75;
        ld->title = hm_cleans(a, hm && !nm ? headline : name);
    } else if (name) {
        ld->title = hm_cleans(a, name);
    } else if (headline) {
        ld->title = hm_cleans(a, headline);
    }
    const td_json_value *au = td_json_get(v, "author");
    if (au && au->type == TD_JSON_OBJECT) {
        ld->byline = hm_cleans(a, td_json_get_string(au, "name"));
    } else if (au && au->type == TD_JSON_ARRAY && au->length) {
        td_buf b;
        td_buf_init(&b);
        for (size_t i = 0; i < au->length; i++) {
            const char *nm = td_json_get_string(au->items[i], "name");
            if (!nm)
                continue;
            if (b.len)
                td_buf_add(&b, ", ", 2);
            char *c = hm_cleans(a, nm);
            td_buf_adds(&b, c);
        }
        if (b.len)
            ld->byline = td_arena_strndup(a, b.data, b.len);
        td_buf_free(&b);
    }
    ld->description = hm_cleans(a, td_json_get_string(v, "description"));
    const td_json_value *pub = td_json_get(v, "publisher");
    if (pub && pub->type == TD_JSON_OBJECT)
        ld->site = hm_cleans(a, td_json_get_string(pub, "name"));
    ld->published = hm_cleans(a, td_json_get_string(v, "datePublished"));
    ld->modified = hm_cleans(a, td_json_get_string(v, "dateModified"));
    const td_json_value *img = td_json_get(v, "image");
    if (img && img->type == TD_JSON_STRING)
        ld->image = hm_cleans(a, img->string);
    else if (img && img->type == TD_JSON_OBJECT)
        ld->image = hm_cleans(a, td_json_get_string(img, "url"));
    const td_json_value *body = td_json_get(v, "articleBody");
    if (body && body->type == TD_JSON_STRING && body->length > 0) {
        ld->body = td_arena_strndup(a, body->string, body->length);
        ld->body_len = body->length;
    }
}

static int hm_ld_read(hm_state *st, hm_ld *ld)
{
    const hx_dom *dom = st->dom;
    for (size_t i = 1; i < dom->nnodes; i++) {
        const hx_node *nd = &dom->nodes[i];
        if (!(nd->flags & HF_LDJSON) || !nd->ntext)
            continue;
        const char *s = dom->text.data + nd->text;
        size_t n = nd->ntext;
        /* strip <![CDATA[ ... ]]> wrapping */
        while (n && isspace((unsigned char)*s))
            s++, n--;
        if (n >= 9 && !memcmp(s, "<![CDATA[", 9))
            s += 9, n -= 9;
        while (n && isspace((unsigned char)s[n - 1]))
            n--;
        if (n >= 3 && !memcmp(s + n - 3, "]]>", 3))
            n -= 3;
        td_arena tmp;
        td_arena_init(&tmp);
        char err[128];
        td_json_value *v = td_json_parse(&tmp, s, n, err, sizeof err);
        const td_json_value *art = NULL;
        if (v && v->type == TD_JSON_ARRAY) {
            for (size_t k = 0; k < v->length && !art; k++)
                if (hm_value_is_article(v->items[k]))
                    art = v->items[k];
        } else if (v && v->type == TD_JSON_OBJECT) {
            art = v;
        }
        if (art && hm_schema_context(art)) {
            const td_json_value *graph = td_json_get(art, "@graph");
            if (!td_json_get(art, "@type") && graph && graph->type == TD_JSON_ARRAY) {
                art = NULL;
                for (size_t k = 0; k < graph->length && !art; k++)
                    if (hm_value_is_article(graph->items[k]))
                        art = graph->items[k];
            }
            if (art && hm_value_is_article(art)) {
                hm_ld_fill(st, art, ld);
                td_arena_release(&tmp);
                return 1;
            }
        }
        td_arena_release(&tmp);
    }
    return 0;
}

/* ---- the title ---------------------------------------------------------- */

static int hm_words(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        int sp = isspace((unsigned char)*s);
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

static int hm_is_sep(const char *s)
{
    /* " | ", " - ", " \ ", " / ", " > ", " » " */
    if (s[0] != ' ')
        return 0;
    if ((s[1] == '|' || s[1] == '-' || s[1] == '\\' || s[1] == '/' || s[1] == '>') &&
        s[2] == ' ')
        return 2;
    if ((unsigned char)s[1] == 0xC2 && (unsigned char)s[2] == 0xBB && s[3] == ' ')
        return 3;
    /* en and em dashes */
    if ((unsigned char)s[1] == 0xE2 && (unsigned char)s[2] == 0x80 &&
        ((unsigned char)s[3] == 0x93 || (unsigned char)s[3] == 0x94) && s[4] == ' ')
        return 4;
    return 0;
}

static int hm_is_hier_sep(const char *s)
{
    int k = hm_is_sep(s);
    return k && k != 4 && s[1] != '|' && s[1] != '-';
}

/* Readability's _getArticleTitle: the <title> without the site's name. */
static const char *hm_article_title(hm_state *st)
{
    td_arena *a = &st->doc->arena;
    const char *orig = st->doc_title ? st->doc_title : "";
    const char *cur = orig;
    int hier = 0, had_sep = 0;
    size_t n = strlen(orig);
    const char *last_sep = NULL, *first_sep = NULL;
    for (size_t i = 0; i < n; i++)
        if (hm_is_sep(orig + i)) {
            had_sep = 1;
            if (hm_is_hier_sep(orig + i))
                hier = 1;
            if (!first_sep)
                first_sep = orig + i;
            last_sep = orig + i;
        }
    if (had_sep) {
        cur = td_arena_strndup(a, orig, (size_t)(last_sep - orig));
        if (hm_words(cur) < 3) {
            const char *after = first_sep + 1 + hm_is_sep(first_sep);
            cur = td_arena_strdup(a, after);
        }
    } else if (strstr(orig, ": ")) {
        int match = 0, seen_h = 0;
        for (size_t i = 1; i < st->dom->nnodes && !match && seen_h < 64; i++) {
            int t = st->dom->nodes[i].tag;
            if (t != HT_H1 && t != HT_H2)
                continue;
            seen_h++;
            td_buf b;
            td_buf_init(&b);
            hx_inner_text(st->dom, (uint32_t)i, &b);
            match = b.len == n && !memcmp(b.data, orig, n);
            td_buf_free(&b);
        }
        if (!match) {
            const char *lc = strrchr(orig, ':');
            cur = lc + 1;
            if (hm_words(cur) < 3) {
                cur = strchr(orig, ':') + 1;
            } else {
                const char *fc = strchr(orig, ':');
                char *pre = td_arena_strndup(a, orig, (size_t)(fc - orig));
                if (hm_words(pre) > 5)
                    cur = orig;
            }
        }
    } else if ((n > 150 || n < 15) && st->nh1 == 1) {
        td_buf b;
        td_buf_init(&b);
        hx_inner_text(st->dom, st->h1, &b);
        cur = hm_clean(a, b.data ? b.data : "", b.len);
        td_buf_free(&b);
    }
    cur = hm_cleans(a, cur);
    int wc = hm_words(cur);
    if (wc <= 4) {
        /* words of the original without separators, minus one */
        int ow = 0, in = 0;
        for (const char *s = orig; *s; s++) {
            int sep = *s == '|' || *s == '-' || *s == '\\' || *s == '/' || *s == '>';
            if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
                ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94)) {
                s += 2;
                continue;
            }
            int sp = isspace((unsigned char)*s);
            if (sep)
                continue;
            if (!sp && !in)
                ow++;
            in = !sp;
        }
        if (!hier || wc != ow - 1)
            cur = orig;
    }
    return cur;
}

/* ---- bylines from the page ---------------------------------------------- */

static int hm_class_has(const char *c, const char *w)
{
    if (!c)
        return 0;
    size_t wl = strlen(w);
    for (const char *p = c; *p; p++)
        if (!strncasecmp(p, w, wl))
            return 1;
    return 0;
}

/* Readability's _checkByline: rel=author, itemprop~author, or class/id
 * matching byline|author|dateline|writtenby|p-author, with short text. */
static const char *hm_page_byline(hm_state *st, uint32_t *node)
{
    const hx_dom *dom = st->dom;
    td_arena *a = &st->doc->arena;
    int tries = 0;
    for (size_t i = 1; i < dom->nnodes; i++) {
        const hx_node *nd = &dom->nodes[i];
        if (nd->tag == HT_TEXT || (nd->flags & (HF_HIDDEN | HF_SKIP)))
            continue;
        uint32_t n = (uint32_t)i;
        const char *rel = hx_attr_get(dom, n, HA_REL);
        const char *ip = hx_attr_get(dom, n, HA_ITEMPROP);
        const char *cl = hx_attr_get(dom, n, HA_CLASS);
        const char *id = hx_attr_get(dom, n, HA_ID);
        int hit = (rel && !strcmp(rel, "author")) || (ip && strstr(ip, "author"));
        if (!hit) {
            static const char *const words[] = {"byline", "author", "dateline",
                                                "writtenby", "p-author"};
            for (size_t w = 0; w < 5 && !hit; w++)
                hit = hm_class_has(cl, words[w]) || hm_class_has(id, words[w]);
        }
        if (!hit)
            continue;
        if (nd->tag == HT_META || nd->tag == HT_LINK)
            continue;
        if (++tries > 200)
            break; /* hostile or odd page: give up */
        /* length of the raw text, white space included, as Readability
         * measures it (textContent.trim()) */
        size_t raw = 0, lead = 0, trail = 0, solid = 0;
        int seen = 0;
        uint32_t end = n;
        /* bounded: a long or large element is no byline, and hostile
         * nesting must not make this quadratic */
        for (uint32_t k = n + 1; k < dom->nnodes && dom->nodes[k].depth > nd->depth;
             k++) {
            end = k;
            if (k - n > 2000 || solid > 100)
                break;
            const hx_node *t = &dom->nodes[k];
            if (t->tag != HT_TEXT)
                continue;
            const unsigned char *p = (const unsigned char *)dom->text.data + t->text;
            for (uint32_t j = 0; j < t->ntext && solid <= 100; j++) {
                if ((p[j] & 0xC0) == 0x80)
                    continue;
                int sp = p[j] <= ' ';
                raw++;
                if (!seen && sp)
                    lead++;
                if (!sp)
                    seen = 1, trail = 0, solid++;
                else
                    trail++;
            }
        }
        if (solid > 100 || end - n > 2000)
            continue;
        size_t blen = seen ? raw - lead - trail : 0;
        if (blen > 0 && blen < 100) {
            /* an inner itemprop=name holds the name alone */
            uint32_t src = n;
            for (uint32_t k = n + 1; k <= end; k++) {
                const char *kp = dom->nodes[k].tag != HT_TEXT
                                     ? hx_attr_get(dom, k, HA_ITEMPROP) : NULL;
                if (kp && strstr(kp, "name")) {
                    src = k;
                    break;
                }
            }
            td_buf b;
            td_buf_init(&b);
            hx_inner_text(dom, src, &b);
            const char *r = b.len ? hm_clean(a, b.data, b.len) : NULL;
            td_buf_free(&b);
            if (r) {
                *node = n;
                return r;
            }
        }
    }
    return NULL;
}

/* ---- putting it together ----------------------------------------------- */

static const char *hm_first(const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] && *v[i])
            return v[i];
    return NULL;
}

void hx_meta_read(const hx_dom *dom, td_doc *doc, hx_meta *m)
{
    hm_state st;
    memset(&st, 0, sizeof st);
    st.dom = dom;
    st.doc = doc;
    td_arena *a = &doc->arena;
    hm_scan(&st);
    hm_ld ld;
    memset(&ld, 0, sizeof ld);
    hm_ld_read(&st, &ld);
    const char *const *v = st.v;

    /* title */
    const char *titles[] = {ld.title, v[MK_DC_TITLE], v[MK_DCTERM_TITLE],
                            v[MK_OG_TITLE], v[MK_WEIBO_ATITLE], v[MK_WEIBO_WTITLE],
                            v[MK_TITLE], v[MK_TWITTER_TITLE], v[MK_PARSELY_TITLE]};
    static const char *const title_from[] = {
        "json-ld", "dc:title", "dcterm:title", "og:title", "weibo:title",
        "weibo:title", "meta title", "twitter:title", "parsely-title"};
    m->title = NULL;
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
        if (titles[i] && *titles[i]) {
            m->title = titles[i];
            m->title_from = title_from[i];
            break;
        }
    if (!m->title) {
        m->title = hm_article_title(&st);
        m->title_from = "title";
    }

    /* byline */
    const char *bylines[] = {ld.byline, v[MK_DC_CREATOR], v[MK_DCTERM_CREATOR],
                             v[MK_AUTHOR], v[MK_PARSELY_AUTHOR]};
    static const char *const byline_from[] = {"json-ld", "dc:creator",
                                              "dcterm:creator", "meta author",
                                              "parsely-author"};
    for (size_t i = 0; i < sizeof bylines / sizeof *bylines; i++)
        if (bylines[i] && *bylines[i]) {
            m->byline = bylines[i];
            m->byline_from = byline_from[i];
            break;
        }
    const char *aa = v[MK_ARTICLE_AUTHOR];
    if (!m->byline && aa && *aa && strncmp(aa, "http", 4)) {
        m->byline = aa;
        m->byline_from = "article:author";
    }
    if (!m->byline) {
        uint32_t node = 0;
        m->byline = hm_page_byline(&st, &node);
        m->byline_from = "page";
        m->byline_node = node;
    }

    const char *descs[] = {ld.description, v[MK_DC_DESCRIPTION],
                           v[MK_DCTERM_DESCRIPTION], v[MK_OG_DESCRIPTION],
                           v[MK_WEIBO_ADESC], v[MK_WEIBO_WDESC],
                           v[MK_DESCRIPTION], v[MK_TWITTER_DESCRIPTION]};
    m->description = hm_first(descs, sizeof descs / sizeof *descs);
    const char *sites[] = {ld.site, v[MK_OG_SITE_NAME]};
    m->site = hm_first(sites, 2);

    const char *pubs[] = {ld.published, v[MK_PUBLISHED], v[MK_PARSELY_PUB_DATE],
                          v[MK_OTHER_DATE], st.time_dt};
    static const char *const pub_from[] = {"json-ld", "article:published_time",
                                           "parsely-pub-date", "meta date", "time"};
    for (size_t i = 0; i < 5; i++)
        if (pubs[i] && *pubs[i]) {
            char day[11];
            if (!hx_date_day(pubs[i], day))
                continue;
            m->published = pubs[i];
            m->published_from = pub_from[i];
            break;
        }
    const char *mods[] = {ld.modified, v[MK_MODIFIED]};
    m->modified = hm_first(mods, 2);
    const char *imgs[] = {ld.image, v[MK_IMAGE]};
    m->image = hm_first(imgs, 2);
    m->language = st.lang ? hm_cleans(a, st.lang) : NULL;
    if (!m->language && v[MK_LOCALE])
        m->language = v[MK_LOCALE];
    const char *urls[] = {st.canonical, v[MK_OG_URL]};
    m->url = hm_first(urls, 2);
    m->section = v[MK_SECTION];
    m->ld_body = ld.body;
    m->ld_body_len = ld.body_len;

    /* record everything in the document */
    if (m->title)
        td_doc_add_meta(doc, "title", m->title, m->title_from);
    if (m->site)
        td_doc_add_meta(doc, "site_name", m->site, ld.site ? "json-ld" : "og:site_name");
    if (m->published)
        td_doc_add_meta(doc, "published", m->published, m->published_from);
    if (m->modified)
        td_doc_add_meta(doc, "modified", m->modified, ld.modified ? "json-ld" : "meta");
    if (m->language)
        td_doc_add_meta(doc, "language", m->language, st.lang ? "html lang" : "og:locale");
    if (m->image)
        td_doc_add_meta(doc, "image", m->image, ld.image ? "json-ld" : "og:image");
    if (m->description)
        td_doc_add_meta(doc, "description", m->description, "meta");
    if (m->byline)
        td_doc_add_meta(doc, "author", m->byline, m->byline_from);
    if (m->section)
        td_doc_add_meta(doc, "section", m->section, "article:section");
    if (m->url)
        td_doc_add_meta(doc, "canonical", m->url, st.canonical ? "link" : "og:url");

    char day[11];
    if (!doc->date && m->published && hx_date_day(m->published, day))
        doc->date = td_arena_strdup(a, day);
    if (!doc->source && m->site)
        doc->source = m->site;
    if (!doc->url && m->url)
        doc->url = m->url;
}
