/*
 * feed.c — RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item.
 *
 * The feed is parsed with libxml2's XML parser in recover mode, without
 * network access and without entity expansion (feeds are hostile input),
 * into a tree: feeds are small and the tree keeps the code plain.  Each
 * item (RSS <item>, Atom <entry>) becomes a document whose text is the
 * item's title (headline), then its content — content:encoded, else
 * description, for Atom content, else summary — converted from HTML to
 * paragraphs (html_extract.c's fragment mode: no article detection, an
 * item is all content).  link → url, pubDate / dc:date / published /
 * updated → date (YYYY-MM-DD), author / dc:creator → byline, the
 * channel's title → source.
 *
 * Document ids are "BASE#N" with BASE the input's id (file name without
 * extensions) and N the item's position, from 1.  An item with neither
 * title nor content is reported as a failure and skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "html/html.h"
#include "stages.h"

/* The local name of an element ("encoded" for content:encoded) and its
 * namespace prefix, for matching without caring about namespace URIs. */
static int fd_is(const xmlNode *n, const char *prefix, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
        return 0;
    const char *p = n->ns && n->ns->prefix ? (const char *)n->ns->prefix : "";
    if (!prefix)
        return 1;
    return !strcmp(p, prefix);
}

static const xmlNode *fd_child(const xmlNode *n, const char *prefix, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (fd_is(c, prefix, name))
            return c;
    return NULL;
}

/* Text content of an element, malloc'ed (caller frees with xmlFree). */
static char *fd_text(const xmlNode *n)
{
    return n ? (char *)xmlNodeGetContent(n) : NULL;
}

static void fd_trim(char *s)
{
    if (!s)
        return;
    size_t n = strlen(s), i = 0;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
        i++;
    memmove(s, s + i, n - i);
    s[n - i] = 0;
}

/* RFC 822 dates: "Tue, 19 Nov 2019 10:00:00 GMT" → 2019-11-19; ISO dates
 * pass through hx_date_day. */
static int fd_date(const char *s, char out[11])
{
    return hx_date_day(s, out);
}

typedef struct fd_text_acc {
    td_buf *text;
    struct fd_part { size_t start, end; } *parts;
    size_t nparts, cap;
} fd_text_acc;

static void fd_para(void *ctx, const char *s, size_t n)
{
    fd_text_acc *acc = ctx;
    if (acc->nparts == acc->cap) {
        size_t cap = acc->cap ? acc->cap * 2 : 16;
        void *np = realloc(acc->parts, cap * sizeof *acc->parts);
        if (!np)
            abort();
        acc->parts = np;
        acc->cap = cap;
    }
    if (acc->text->len)
        td_buf_add(acc->text, "\n\n", 2);
    acc->parts[acc->nparts].start = acc->text->len;
    td_buf_add(acc->text, s, n);
    acc->parts[acc->nparts].end = acc->text->len;
    acc->nparts++;
}

typedef struct fd_ctx {
    const td_engine *engine;
    const td_input *input;
    td_doc_fn fn;
    void *ctx;
    const char *base;    /* id base */
    char *feed_title;
    size_t count;        /* items seen */
    int failed, stop;
} fd_ctx;

/* Atom <link>: rel="alternate" (or no rel) href. */
static char *fd_atom_link(const xmlNode *entry)
{
    char *first = NULL;
    for (const xmlNode *c = entry->children; c; c = c->next) {
        if (!fd_is(c, NULL, "link"))
            continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
        int alt = !rel || !strcmp((const char *)rel, "alternate");
        xmlFree(rel);
        if (!href)
            continue;
        if (alt) {
            xmlFree(first);
            return (char *)href;
        }
        if (!first)
            first = (char *)href;
        else
            xmlFree(href);
    }
    return first;
}

static void fd_item(fd_ctx *f, const xmlNode *item, int atom)
{
    f->count++;
    char *title = fd_text(fd_child(item, NULL, "title"));
    char *link = NULL, *date = NULL, *content = NULL, *author = NULL,
         *summary = NULL;
    if (atom) {
        link = fd_atom_link(item);
        date = fd_text(fd_child(item, NULL, "published"));
        if (!date)
            date = fd_text(fd_child(item, NULL, "updated"));
        content = fd_text(fd_child(item, NULL, "content"));
        summary = fd_text(fd_child(item, NULL, "summary"));
        author = fd_text(fd_child(fd_child(item, NULL, "author"), NULL, "name"));
    } else {
        link = fd_text(fd_child(item, NULL, "link"));
        if (!link) {
            const xmlNode *g = fd_child(item, NULL, "guid");
            xmlChar *perma = g ? xmlGetProp(g, (const xmlChar *)"isPermaLink") : NULL;
            if (g && (!perma || strcmp((const char *)perma, "false")))
                link = fd_text(g);
            xmlFree(perma);
        }
        date = fd_text(fd_child(item, NULL, "pubDate"));
        if (!date)
            date = fd_text(fd_child(item, "dc", "date"));
        content = fd_text(fd_child(item, "content", "encoded"));
        summary = fd_text(fd_child(item, NULL, "description"));
        author = fd_text(fd_child(item, "dc", "creator"));
        if (!author)
            author = fd_text(fd_child(item, NULL, "author"));
    }
    fd_trim(title);
    fd_trim(link);
    fd_trim(date);
    fd_trim(author);
    const char *body = content && *content ? content : summary;

    char idbuf[512];
    snprintf(idbuf, sizeof idbuf, "%s#%zu", f->base, f->count);
    td_buf text;
    td_buf_init(&text);
    fd_text_acc acc = {.text = &text};
    size_t title_end = 0;
    if (title && *title) {
        hx_append_nfc(&text, title, strlen(title));
        title_end = text.len;
    }
    size_t byline_start = 0, byline_end = 0;
    if (author && *author) {
        if (text.len)
            td_buf_add(&text, "\n\n", 2);
        byline_start = text.len;
        hx_append_nfc(&text, author, strlen(author));
        byline_end = text.len;
    }
    if (body && *body)
        hx_fragment_paragraphs(body, strlen(body), fd_para, &acc);

    if (!title_end && !acc.nparts) {
        char msg[128];
        snprintf(msg, sizeof msg, "item %zu: no title and no content", f->count);
        f->failed++;
        if (f->fn(f->ctx, NULL, msg))
            f->stop = 1;
    } else {
        td_input in = *f->input;
        in.id = idbuf;
        if (!in.url && link && *link)
            in.url = link;
        char day[11];
        if (!in.date && date && fd_date(date, day))
            in.date = day;
        if (!in.source && f->feed_title && *f->feed_title)
            in.source = f->feed_title;
        in.kind = TD_KIND_FEED;
        td_doc *doc = td_doc_new(f->engine, text.data ? text.data : "", text.len, &in);
        doc->kind = TD_KIND_FEED;
        if (title_end)
            td_doc_add_part(doc, TD_PART_HEADLINE, 0, title_end, "feed title");
        if (byline_end)
            td_doc_add_part(doc, TD_PART_BYLINE, byline_start, byline_end, "feed author");
        for (size_t i = 0; i < acc.nparts; i++)
            td_doc_add_part(doc, TD_PART_BODY, acc.parts[i].start, acc.parts[i].end,
                            content && *content ? "feed content" : "feed description");
        doc->has_anatomy = 1;
        if (title)
            td_doc_add_meta(doc, "title", title, "feed");
        if (date && *date)
            td_doc_add_meta(doc, "published", date, "feed");
        if (author && *author)
            td_doc_add_meta(doc, "author", author, "feed");
        if (f->feed_title && *f->feed_title)
            td_doc_add_meta(doc, "site_name", f->feed_title, "feed");
        td_analyse(doc, f->input->depth);
        if (f->fn(f->ctx, doc, NULL))
            f->stop = 1;
    }
    free(acc.parts);
    td_buf_free(&text);
    xmlFree(title);
    xmlFree(link);
    xmlFree(date);
    xmlFree(content);
    xmlFree(summary);
    xmlFree(author);
}

/* Visits the items of a channel or feed element. */
static void fd_items(fd_ctx *f, const xmlNode *parent, int atom)
{
    for (const xmlNode *c = parent->children; c && !f->stop; c = c->next) {
        if (atom ? fd_is(c, NULL, "entry") : fd_is(c, NULL, "item"))
            fd_item(f, c, atom);
    }
}

int td_feed_read(const td_engine *engine, const char *bytes, size_t len,
                 const td_input *input, td_doc_fn fn, void *ctx)
{
    td_input dflt = {0};
    if (!input)
        input = &dflt;
    if (len > INT32_MAX) {
        fn(ctx, NULL, "feed too large");
        return 1;
    }
    xmlDocPtr xd = xmlReadMemory(bytes, (int)len, NULL, NULL,
                                 XML_PARSE_RECOVER | XML_PARSE_NONET |
                                     XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                     XML_PARSE_NOCDATA);
    const xmlNode *root = xd ? xmlDocGetRootElement(xd) : NULL;
    if (!root) {
        if (xd)
            xmlFreeDoc(xd);
        fn(ctx, NULL, "not a readable XML feed");
        return 1;
    }
    /* the id base: the input's id or its file name without extensions */
    char base[256] = "feed";
    if (input->id) {
        snprintf(base, sizeof base, "%s", input->id);
    } else if (input->name && strcmp(input->name, "-")) {
        const char *b = strrchr(input->name, '/');
        b = b ? b + 1 : input->name;
        size_t n = strcspn(b, ".");
        if (!n)
            n = strlen(b);
        snprintf(base, sizeof base, "%.*s", (int)(n < 200 ? n : 200), b);
    } else if (input->name) {
        snprintf(base, sizeof base, "stdin");
    }
    fd_ctx f = {.engine = engine, .input = input, .fn = fn, .ctx = ctx, .base = base};
    if (fd_is(root, NULL, "feed")) {
        f.feed_title = fd_text(fd_child(root, NULL, "title"));
        fd_trim(f.feed_title);
        fd_items(&f, root, 1);
    } else if (fd_is(root, NULL, "rss") || fd_is(root, NULL, "RDF")) {
        const xmlNode *ch = fd_child(root, NULL, "channel");
        if (ch) {
            f.feed_title = fd_text(fd_child(ch, NULL, "title"));
            fd_trim(f.feed_title);
            fd_items(&f, ch, 0);
        }
        fd_items(&f, root, 0); /* RSS 1.0 puts items beside the channel */
    } else {
        xmlFreeDoc(xd);
        fn(ctx, NULL, "XML root is neither <rss>, <rdf:RDF> nor <feed>");
        return 1;
    }
    if (!f.count && !f.failed) {
        /* an empty feed is not an error: nothing to analyse */
    }
    xmlFree(f.feed_title);
    xmlFreeDoc(xd);
    return f.failed;
}
