/*
 * detect.c — what kind of input a byte string is, judged from its content.
 *
 * Users point tidings at folders of mixed files, often with wrong or no
 * extensions, so the kind is read from the first bytes: a WARC header
 * line, an XML feed root (<rss>, <feed>, <rdf:RDF>), HTML tags, JSON Lines
 * objects; anything else is plain text.  gzip is unwrapped by the caller
 * (read.c) before this is asked.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "stages.h"

static const char *const kind_names[] = {"auto", "text", "html", "feed", "warc", "jsonl"};

const char *td_kind_name(td_kind kind)
{
    return (unsigned)kind < sizeof kind_names / sizeof *kind_names ? kind_names[kind] : "unknown";
}

int td_kind_parse(const char *name)
{
    for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
        if (!strcasecmp(name, kind_names[i]))
            return (int)i;
    if (!strcasecmp(name, "txt") || !strcasecmp(name, "plain"))
        return TD_KIND_TEXT;
    if (!strcasecmp(name, "rss") || !strcasecmp(name, "atom"))
        return TD_KIND_FEED;
    return -1;
}

/* Skips white space, a BOM, an XML declaration, comments and doctype-like
 * declarations; returns the offset of the first element tag or text. */
static size_t skip_prolog(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        i = 3;
    for (;;) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        if (i + 1 < n && s[i] == '<' && (s[i + 1] == '?' || s[i + 1] == '!')) {
            if (i + 9 < n && !strncasecmp(s + i, "<!doctype", 9)) {
                size_t k = i + 9;
                while (k < n && isspace((unsigned char)s[k]))
                    k++;
                if (k + 4 <= n && !strncasecmp(s + k, "html", 4))
                    return i; /* an HTML doctype is evidence: the caller sees it */
                /* another doctype (<!DOCTYPE rss [...]>): skip it, internal
                 * subset included */
                const char *bracket = memchr(s + i, '[', n - i);
                const char *gt = memchr(s + i, '>', n - i);
                if (bracket && gt && bracket < gt) {
                    const char *close = memmem(bracket, n - (size_t)(bracket - s), "]>", 2);
                    if (!close)
                        return i;
                    i = (size_t)(close - s) + 2;
                } else if (gt) {
                    i = (size_t)(gt - s) + 1;
                } else {
                    return i;
                }
                continue;
            }
            int comment = i + 4 <= n && !memcmp(s + i, "<!--", 4);
            const char *end = comment ? memmem(s + i + 4, n - i - 4, "-->", 3)
                                      : memchr(s + i, '>', n - i);
            if (!end)
                return i;
            i = (size_t)(end - s) + (comment ? 3 : 1);
            continue;
        }
        return i;
    }
}

static int tag_is(const char *s, size_t n, const char *tag)
{
    size_t k = strlen(tag);
    if (n < k + 1 || s[0] != '<' || strncasecmp(s + 1, tag, k))
        return 0;
    return k + 1 == n || !isalnum((unsigned char)s[k + 1]);
}

td_kind td_detect_kind(const char *bytes, size_t len)
{
    size_t probe = len < 4096 ? len : 4096;
    size_t i = skip_prolog(bytes, probe);
    const char *s = bytes + i;
    size_t n = probe - i;
    if (n >= 6 && !memcmp(s, "WARC/", 5))
        return TD_KIND_WARC;
    if (n && s[0] == '{')
        return TD_KIND_JSONL;
    if (n && s[0] == '<') {
        if (tag_is(s, n, "rss") || tag_is(s, n, "feed") || tag_is(s, n, "rdf:RDF") ||
            tag_is(s, n, "rdf"))
            return TD_KIND_FEED;
        static const char *const html_tags[] = {
            "!doctype html", "html", "head", "body", "meta", "title", "div", "p",
            "article", "section", "table", "script", "style", "link", "span",
            "h1", "h2", "header", "main", "br", "a", "img", "ul", NULL};
        for (size_t t = 0; html_tags[t]; t++)
            if (tag_is(s, n, html_tags[t]))
                return TD_KIND_HTML;
        /* a page that starts oddly but has an <html or <body tag early */
        for (size_t k = 0; k + 5 < n; k++)
            if (s[k] == '<' && (!strncasecmp(s + k + 1, "html", 4) ||
                                !strncasecmp(s + k + 1, "body", 4)))
                return TD_KIND_HTML;
    }
    return TD_KIND_TEXT;
}
