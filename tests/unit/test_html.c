/*
 * test_html.c — the HTML reader (src/html/): article extraction, anatomy,
 * metadata, encodings, and hostile pages.  All pages are written here.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "doc.h"
#include "html/html.h"
#include "stages.h"

static td_engine *engine;

static td_doc *read_page(const char *html, size_t len, const char *charset)
{
    char err[256] = "";
    td_input in = {.name = "page.html"};
    td_doc *doc = td_html_read(engine, html, len, charset, &in, err, sizeof err);
    if (!doc)
        fprintf(stderr, "td_html_read: %s\n", err);
    return doc;
}

static const td_part *part(const td_doc *doc, td_part_kind kind, int nth)
{
    for (size_t i = 0; i < doc->anatomy.nparts; i++)
        if (doc->anatomy.parts[i].kind == kind && nth-- == 0)
            return &doc->anatomy.parts[i];
    return NULL;
}

/* The body parts joined by blank lines, as `tidings extract` prints them. */
static char *body_text(const td_doc *doc)
{
    td_buf b;
    td_buf_init(&b);
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        const td_part *p = &doc->anatomy.parts[i];
        if (p->kind != TD_PART_BODY)
            continue;
        if (b.len)
            td_buf_add(&b, "\n\n", 2);
        td_buf_add(&b, doc->text + p->span.start, p->span.end - p->span.start);
    }
    td_buf_addc(&b, 0);
    return b.data;
}

static const char news_page[] =
    "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    "<title>Ferry crews return to work after long strike | Harbour Gazette</title>"
    "<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
    "<meta property=\"og:title\" content=\"Ferry crews return to work after long strike\">"
    "<meta name=\"description\" content=\"Crossings resume on Monday.\">"
    "<meta property=\"article:section\" content=\"Travel\">"
    "<link rel=\"canonical\" href=\"https://gazette.example/ferry\">"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
    "\"@type\":\"NewsArticle\",\"headline\":\"Ferry crews return to work after long strike\","
    "\"datePublished\":\"2021-06-07T08:00:00+01:00\",\"author\":{\"@type\":\"Person\","
    "\"name\":\"Mira Olsen\"}}</script>"
    "<script>var junk = '<p>not text</p>';</script><style>p{color:red}</style>"
    "</head><body>"
    "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>"
    "<div class=\"cookie-banner\">We use cookies to improve your experience on this site, accept them all.</div>"
    "<main><article class=\"story\">"
    "<h1>Ferry crews return to work after long strike</h1>"
    "<div class=\"byline\">By <a rel=\"author\" href=\"/mira\">Mira Olsen</a></div>"
    "<p>Ferry crews on the northern routes went back to work on Monday, ending a strike "
    "that lasted six weeks and stranded thousands of travellers, the union said.</p>"
    "<figure><img src=\"f.jpg\"><figcaption>The first ferry leaves the harbour at dawn.</figcaption></figure>"
    "<p>The agreement, reached late on Sunday, gives crews a pay rise of 4 percent this "
    "year and another 3 percent next year, with new rules on rest between shifts.</p>"
    "<h2>Travellers relieved</h2>"
    "<p>Passengers queued at the terminal from early morning, and several said they had "
    "waited weeks to visit relatives on the islands, where supplies had run low.</p>"
    "<p>Advertisement</p>"
    "<div class=\"related-stories\"><h3>Related</h3><ul>"
    "<li><a href=\"/a\">Strike talks stall again as union hardens its position</a></li>"
    "<li><a href=\"/b\">Island shops run out of fresh milk during the strike</a></li>"
    "</ul></div>"
    "<p>The operator said timetables would return to normal by the end of the week, "
    "though some late sailings may still be cancelled.</p>"
    "</article></main>"
    "<aside class=\"sidebar\"><p>Most read: a long list of other stories, with, many, commas, here, too.</p></aside>"
    "<div id=\"comments\"><p>Great news, finally, after all this time, I can go home.</p></div>"
    "<footer><p>Copyright Harbour Gazette, all rights reserved, 2021.</p></footer>"
    "</body></html>";

static void test_article_body(void)
{
    td_doc *doc = read_page(news_page, sizeof news_page - 1, NULL);
    CHECK(doc != NULL);
    if (!doc)
        return;
    char *body = body_text(doc);
    CHECK(strstr(body, "Ferry crews on the northern routes went back to work") == body);
    CHECK(strstr(body, "with new rules on rest between shifts.") != NULL);
    CHECK(strstr(body, "Travellers relieved") != NULL); /* subheading kept */
    CHECK(strstr(body, "timetables would return to normal") != NULL);
    /* page furniture left out */
    CHECK(strstr(body, "Home") == NULL);
    CHECK(strstr(body, "cookies") == NULL);
    CHECK(strstr(body, "Most read") == NULL);
    CHECK(strstr(body, "Great news") == NULL);
    CHECK(strstr(body, "Copyright") == NULL);
    CHECK(strstr(body, "Strike talks stall") == NULL);
    CHECK(strstr(body, "Advertisement") == NULL);
    CHECK(strstr(body, "not text") == NULL);
    CHECK(strstr(body, "color:red") == NULL);
    /* the headline and the caption are parts of their own, not body */
    CHECK(strstr(body, "Ferry crews return to work after long strike") == NULL);
    CHECK(strstr(body, "first ferry leaves") == NULL);
    const td_part *cap = part(doc, TD_PART_CAPTION, 0);
    CHECK(cap != NULL);
    if (cap)
        CHECK_SPAN(doc->text, cap->span, "The first ferry leaves the harbour at dawn.");
    free(body);
    td_doc_free(doc);
}

static void test_article_anatomy_and_meta(void)
{
    td_doc *doc = read_page(news_page, sizeof news_page - 1, NULL);
    if (!doc)
        return;
    CHECK_EQ_INT(doc->has_anatomy, 1);
    const td_part *h = part(doc, TD_PART_HEADLINE, 0);
    CHECK(h != NULL);
    if (h) {
        CHECK_SPAN(doc->text, h->span, "Ferry crews return to work after long strike");
        CHECK_EQ_INT(h->span.start, 8); /* after "Travel\n\n" */
        CHECK_EQ_STR(h->from, "json-ld");
    }
    const td_part *sec = part(doc, TD_PART_SECTION, 0);
    CHECK(sec != NULL);
    if (sec)
        CHECK_SPAN(doc->text, sec->span, "Travel");
    const td_part *by = part(doc, TD_PART_BYLINE, 0);
    CHECK(by != NULL);
    if (by)
        CHECK_SPAN(doc->text, by->span, "Mira Olsen");
    const td_part *sf = part(doc, TD_PART_STANDFIRST, 0);
    CHECK(sf != NULL);
    if (sf)
        CHECK_SPAN(doc->text, sf->span, "Crossings resume on Monday.");
    CHECK_EQ_STR(doc->date, "2021-06-07");
    CHECK_EQ_STR(doc->source, "Harbour Gazette");
    CHECK_EQ_STR(doc->url, "https://gazette.example/ferry");
    CHECK_EQ_STR(td_doc_meta(doc, "language"), "en-GB");
    CHECK_EQ_STR(td_doc_meta(doc, "published"), "2021-06-07T08:00:00+01:00");
    CHECK_EQ_STR(td_doc_meta(doc, "author"), "Mira Olsen");
    /* parts are in text order and inside the text */
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        const td_part *p = &doc->anatomy.parts[i];
        CHECK(p->span.start < p->span.end && p->span.end <= doc->len);
        if (i)
            CHECK(doc->anatomy.parts[i - 1].span.end <= p->span.start);
    }
    td_doc_free(doc);
}

/* Metadata without JSON-LD: the <title> loses the site's name. */
static void test_title_from_title_element(void)
{
    static const char page[] =
        "<html><head><title>Council approves the new harbour budget - Valley Wire</title></head>"
        "<body><div><p>The council voted seven to two on Tuesday for a budget that "
        "raises spending on the harbour, the schools, and the roads.</p></div></body></html>";
    td_doc *doc = read_page(page, sizeof page - 1, NULL);
    if (!doc)
        return;
    const td_part *h = part(doc, TD_PART_HEADLINE, 0);
    CHECK(h != NULL);
    if (h)
        CHECK_SPAN(doc->text, h->span, "Council approves the new harbour budget");
    td_doc_free(doc);
}

static void test_whitespace_and_entities(void)
{
    static const char page[] =
        "<html><body><article>"
        "<p>Fish &amp; chips   cost \n\t &pound;5&nbsp;now, &#8220;a lot&#8221;, "
        "said <b>one</b> <i>buyer</i>, who, like, many, others, complained.</p>"
        "<div>First block of text that is long enough to count as a paragraph here.</div>"
        "<div>Second block of text that is long enough to count as a paragraph too.</div>"
        "</article></body></html>";
    td_doc *doc = read_page(page, sizeof page - 1, NULL);
    if (!doc)
        return;
    char *body = body_text(doc);
    CHECK(strstr(body, "Fish & chips cost \xc2\xa3" "5 now, \xe2\x80\x9c" "a lot\xe2\x80\x9d, said one buyer,") != NULL);
    CHECK(strstr(body, "paragraph here.\n\nSecond block") != NULL);
    free(body);
    td_doc_free(doc);
}

static void test_nfc(void)
{
    /* "Cafe" + combining acute accent becomes precomposed é */
    static const char page[] =
        "<html><body><p>Cafe\xcc\x81 owners, bakers, and grocers met on Friday to discuss the rent rises.</p></body></html>";
    td_doc *doc = read_page(page, sizeof page - 1, NULL);
    if (!doc)
        return;
    CHECK(strstr(doc->text, "Caf\xc3\xa9 owners") != NULL);
    td_doc_free(doc);
}

static void test_charsets(void)
{
    /* declared windows-1252: é is one byte 0xE9, the euro sign 0x80 */
    static const char latin[] =
        "<html><head><meta charset=\"windows-1252\"></head><body><p>Le caf\xe9 co\xfbte 3 \x80, "
        "dit le patron, qui, comme, les autres, se plaint des prix.</p></body></html>";
    td_doc *doc = read_page(latin, sizeof latin - 1, NULL);
    if (doc) {
        CHECK(strstr(doc->text, "Le caf\xc3\xa9 co\xc3\xbbte 3 \xe2\x82\xac,") != NULL);
        td_doc_free(doc);
    }
    /* the HTTP charset says windows-1252 but the bytes are UTF-8: read UTF-8 */
    static const char wrong[] =
        "<html><body><p>Stra\xc3\x9f" "e und Caf\xc3\xa9, sagte er, und, dann, noch, mehr, W\xc3\xb6rter.</p></body></html>";
    doc = read_page(wrong, sizeof wrong - 1, "windows-1252");
    if (doc) {
        CHECK(strstr(doc->text, "Stra\xc3\x9f" "e und Caf\xc3\xa9") != NULL);
        td_doc_free(doc);
    }
    /* no label and invalid UTF-8: Windows-1252 */
    static const char unlabelled[] =
        "<html><body><p>Na\xefve reporters, editors, and readers, all of them, agreed.</p></body></html>";
    doc = read_page(unlabelled, sizeof unlabelled - 1, NULL);
    if (doc) {
        CHECK(strstr(doc->text, "Na\xc3\xafve reporters") != NULL);
        td_doc_free(doc);
    }
    /* a charset iconv converts: windows-1251 */
    static const char cyr[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head>"
        "<body><p>\xcf\xf0\xe8\xe2\xe5\xf2, news, from, the, city, council, today.</p></body></html>";
    doc = read_page(cyr, sizeof cyr - 1, NULL);
    if (doc) {
        CHECK(strstr(doc->text, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82,") != NULL);
        td_doc_free(doc);
    }
    /* UTF-16LE with a byte order mark */
    static const char u16[] = "\xff\xfe<\0p\0>\0O\0k\0 \0\xac\x20<\0/\0p\0>\0";
    doc = read_page(u16, sizeof u16 - 1, NULL);
    if (doc) {
        CHECK(strstr(doc->text, "Ok \xe2\x82\xac") != NULL);
        td_doc_free(doc);
    }
}

static void test_empty_and_bodyless(void)
{
    td_doc *doc = read_page("", 0, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_EQ_INT(doc->len, 0);
        td_doc_free(doc);
    }
    static const char page[] = "<html><head><title>Only a title here</title></head></html>";
    doc = read_page(page, sizeof page - 1, NULL);
    CHECK(doc != NULL);
    if (doc) {
        char *body = body_text(doc);
        CHECK_EQ_STR(body, "");
        free(body);
        td_doc_free(doc);
    }
    doc = read_page("\0\0\0\xff\xfe garbage \x01", 15, NULL);
    CHECK(doc != NULL);
    td_doc_free(doc);
}

static void test_hostile_pages(void)
{
    /* an enormous attribute, deep nesting, and many unclosed tags */
    size_t n = 3u << 20;
    char *page = malloc(n + 256);
    if (!page)
        return;
    size_t k = 0;
    k += (size_t)sprintf(page + k, "<html><body><div class=\"");
    memset(page + k, 'a', 1u << 20);
    k += 1u << 20;
    k += (size_t)sprintf(page + k, "\">");
    while (k + 16 < n - 200) {
        memcpy(page + k, "<div><span><b>", 14);
        k += 14;
    }
    k += (size_t)sprintf(page + k, "<p>Deep text, with, commas, in, it, at the very bottom of it all.</p>");
    td_doc *doc = read_page(page, k, NULL);
    CHECK(doc != NULL);
    td_doc_free(doc);
    free(page);
}

static void collect(void *ctx, const char *s, size_t n)
{
    td_buf *b = ctx;
    td_buf_add(b, s, n);
    td_buf_addc(b, '|');
}

static void test_fragment_paragraphs(void)
{
    static const char frag[] =
        "<p>One &amp; two.</p>Loose text<br>after a break<ul><li>Item one</li><li>Item two</li></ul>";
    td_buf out;
    td_buf_init(&out);
    size_t n = hx_fragment_paragraphs(frag, sizeof frag - 1, collect, &out);
    td_buf_addc(&out, 0);
    CHECK_EQ_INT(n, 4);
    CHECK_EQ_STR(out.data, "One & two.|Loose text\nafter a break|Item one|Item two|");
    td_buf_free(&out);
}

/* Lines that are not article text even inside the article: a date line,
 * a picture credit, a line of links, a summary above the first paragraph. */
static void test_lines_inside_the_article(void)
{
    static const char page[] =
        "<html><body><article>"
        "<p class=\"standfirst\">Crossings resume after a six-week strike.</p>"
        "<p>Updated Nov 19, 9:41 AM</p>"
        "<p>Ferry crews on the northern routes went back to work on Monday, ending a strike "
        "that lasted six weeks, the union said, and stranded thousands.</p>"
        "<p>Crews wave from the deck of the first ferry (Image: GETTY)</p>"
        "<p>The agreement gives crews a pay rise of 4 percent this year, and another 3 percent "
        "next year, with new rules on rest between shifts.</p>"
        "<p><a href=\"/a\">Strike talks stall again</a>, <a href=\"/b\">Shops run out of milk</a></p>"
        "<p>Read more: <a href=\"/c\">How the strike began</a></p>"
        "<p>The operator, which runs nine ships, said <a href=\"/t\">timetables would return to normal "
        "by the end of the week</a>.</p>"
        "</article></body></html>";
    td_doc *doc = read_page(page, sizeof page - 1, NULL);
    if (!doc)
        return;
    char *body = body_text(doc);
    CHECK(strstr(body, "Ferry crews on the northern routes") == body);
    CHECK(strstr(body, "Updated Nov 19") == NULL);
    CHECK(strstr(body, "Image: GETTY") == NULL);
    CHECK(strstr(body, "Strike talks stall") == NULL);
    CHECK(strstr(body, "Read more") == NULL);
    CHECK(strstr(body, "Crossings resume") == NULL);
    /* a paragraph with a long link inside is still a paragraph */
    CHECK(strstr(body, "timetables would return to normal by the end of the week.") != NULL);
    const td_part *d = part(doc, TD_PART_DATELINE, 0);
    CHECK(d != NULL);
    if (d)
        CHECK_SPAN(doc->text, d->span, "Updated Nov 19, 9:41 AM");
    const td_part *c = part(doc, TD_PART_CAPTION, 0);
    CHECK(c != NULL);
    if (c)
        CHECK_SPAN(doc->text, c->span, "Crews wave from the deck of the first ferry (Image: GETTY)");
    const td_part *r = part(doc, TD_PART_RELATED, 0);
    CHECK(r != NULL);
    if (r)
        CHECK_SPAN(doc->text, r->span, "Strike talks stall again, Shops run out of milk");
    const td_part *sf = part(doc, TD_PART_STANDFIRST, 0);
    CHECK(sf != NULL);
    if (sf)
        CHECK_SPAN(doc->text, sf->span, "Crossings resume after a six-week strike.");
    free(body);
    td_doc_free(doc);
}

/* Wire-copy lines: a by-line, a reporting credit, an inline caption. */
static void test_byline_credit_caption_lines(void)
{
    static const char page[] =
        "<html><body><article>"
        "<p>By Jane Doe and Omar Said, Staff Writers</p>"
        "<p>By Monday, the river had risen by two metres, flooding fields, roads and the old mill, "
        "the agency said.</p>"
        "<p><img src=\"r.jpg\"><span class=\"photo-caption\">The river at dawn</span></p>"
        "<p>Farmers moved sheep and cattle to higher ground, and the army sent trucks, boats and "
        "two helicopters.</p>"
        "<p>Reporting by Jane Doe; Editing by Omar Said</p>"
        "</article></body></html>";
    td_doc *doc = read_page(page, sizeof page - 1, NULL);
    if (!doc)
        return;
    char *body = body_text(doc);
    CHECK(strstr(body, "By Monday, the river") == body);
    CHECK(strstr(body, "Staff Writers") == NULL);
    CHECK(strstr(body, "Reporting by") == NULL);
    CHECK(strstr(body, "The river at dawn") == NULL);
    CHECK(strstr(body, "two helicopters.") != NULL);
    const td_part *by = part(doc, TD_PART_BYLINE, 0);
    CHECK(by != NULL);
    if (by)
        CHECK_SPAN(doc->text, by->span, "By Jane Doe and Omar Said, Staff Writers");
    const td_part *cr = part(doc, TD_PART_CREDIT, 0);
    CHECK(cr != NULL);
    if (cr)
        CHECK_SPAN(doc->text, cr->span, "Reporting by Jane Doe; Editing by Omar Said");
    const td_part *cap = part(doc, TD_PART_CAPTION, 0);
    CHECK(cap != NULL);
    if (cap)
        CHECK_SPAN(doc->text, cap->span, "The river at dawn");
    free(body);
    td_doc_free(doc);
}

/* Bugs found on real pages: the whole page inside a <form> (ASP.NET), and
 * the article inside a wrapper whose class says "sidebar". */
static void test_article_in_form_or_odd_wrapper(void)
{
    static const char form[] =
        "<html><body><form method=\"post\"><input type=\"hidden\" value=\"x\">"
        "<div><p>Engineers closed the old bridge on Monday, after inspectors found cracks, "
        "rust, and loose bolts in its main span.</p><p>A ferry will run every twenty minutes, "
        "the council said, until the repairs, which may take a year, are done.</p></div>"
        "</form></body></html>";
    td_doc *doc = read_page(form, sizeof form - 1, NULL);
    if (doc) {
        char *body = body_text(doc);
        CHECK(strstr(body, "Engineers closed the old bridge") == body);
        CHECK(strstr(body, "until the repairs") != NULL);
        free(body);
        td_doc_free(doc);
    }
    static const char wrapper[] =
        "<html><body><div class=\"container penci_sidebar\"><div class=\"entry\">"
        "<p>Engineers closed the old bridge on Monday, after inspectors found cracks, "
        "rust, and loose bolts in its main span.</p><p>A ferry will run every twenty minutes, "
        "the council said, until the repairs, which may take a year, are done.</p>"
        "<p>Drivers face a detour of twelve miles, and local shops, cafes, and garages fear "
        "a hard winter without passing trade.</p></div></div>"
        "<div class=\"sidebar\"><p>Popular: one, two, three, four, five stories, and more, "
        "more, more of them here.</p></div></body></html>";
    doc = read_page(wrapper, sizeof wrapper - 1, NULL);
    if (doc) {
        char *body = body_text(doc);
        CHECK(strstr(body, "Engineers closed the old bridge") == body);
        CHECK(strstr(body, "a hard winter") != NULL);
        CHECK(strstr(body, "Popular") == NULL);
        free(body);
        td_doc_free(doc);
    }
}

/* The JSON-LD articleBody overrules a wrong pick: here a long block of
 * comma-heavy reader letters outscores the short article. */
static void test_ld_body_check(void)
{
    static const char page[] =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Lighthouse keeper retires\",\"articleBody\":"
        "\"The last keeper of the Point Grey lighthouse retired on Friday after thirty-one years "
        "on the rock. She kept the lamp burning through storms that cut the island off for weeks "
        "at a time. The light will now be run from the mainland by a computer. Her logbooks go to "
        "the town museum. She plans to stay on the island and grow vegetables. The lighthouse "
        "will open to visitors next summer for the first time in its history.\"}</script></head><body>"
        "<div class=\"box\"><p>The last keeper of the Point Grey lighthouse retired on Friday after "
        "thirty-one years on the rock.</p><p>She kept the lamp burning through storms that cut the "
        "island off for weeks at a time.</p><p>The light will now be run from the mainland by a "
        "computer.</p><p>Her logbooks go to the town museum.</p><p>She plans to stay on the island "
        "and grow vegetables.</p><p>The lighthouse will open to visitors next summer for the first "
        "time in its history.</p></div>"
        "<div class=\"box2\">"
        "<p>Letters: cats, dogs, parrots, hamsters, goldfish, rabbits, ferrets, and mice, all, "
        "every, one, of, them, deserve, better, food, and, care, say, readers, from, far, away.</p>"
        "<p>Letters: trains, buses, trams, ferries, bikes, cars, vans, lorries, and taxis, are, all, "
        "too, slow, or, too, dear, or, both, say, readers, from, near, and, far, too.</p>"
        "<p>Letters: bread, cheese, apples, pears, plums, grapes, onions, leeks, and beans, cost, "
        "more, every, week, now, say, readers, writing, in, from, all, over, the, county.</p>"
        "</div></body></html>";
    td_doc *doc = read_page(page, sizeof page - 1, NULL);
    if (!doc)
        return;
    char *body = body_text(doc);
    CHECK(strstr(body, "The last keeper of the Point Grey lighthouse") == body);
    CHECK(strstr(body, "first time in its history.") != NULL);
    CHECK(strstr(body, "Letters:") == NULL);
    free(body);
    td_doc_free(doc);
}

static void test_date_day(void)
{
    char d[11];
    CHECK(hx_date_day("2019-11-19T10:00:00Z", d));
    CHECK_EQ_STR(d, "2019-11-19");
    CHECK(hx_date_day("Tue, 19 Nov 2019 10:00:00 GMT", d));
    CHECK_EQ_STR(d, "2019-11-19");
    CHECK(hx_date_day("November 5, 2020", d));
    CHECK_EQ_STR(d, "2020-11-05");
    CHECK(hx_date_day("20200105", d));
    CHECK_EQ_STR(d, "2020-01-05");
    CHECK(!hx_date_day("yesterday", d));
    CHECK(!hx_date_day("2019-13-45", d));
    CHECK(!hx_date_day(NULL, d));
}


/* ---- lead figure, related links, boilerplate (issue 4) ------------------ */

static const char furniture_page[] =
    "<html><head><title>Dam repairs finish ahead of the spring floods</title>"
    "<meta property=\"og:image\" content=\"https://valley.example/dam.jpg\"></head><body>"
    "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
    "<li><a href=\"/weather\">Weather</a></li></ul></nav></header>"
    "<div class=\"page\">"
    "<figure class=\"lead\"><img src=\"dam.jpg\">"
    "<figcaption>Workers check the new sluice gates on the east wall."
    " <span class=\"photo-credit\">Lena Haas for the Valley Post</span></figcaption></figure>"
    "<div class=\"story-body\">"
    "<p>Engineers finished repairs to the old river dam on Friday, two weeks ahead of the "
    "spring floods, after a winter of work on its cracked east wall, the council said.</p>"
    "<div class=\"share-tools\">Share this article</div>"
    "<p>The repairs cost 12 million euros, more than planned, because divers found "
    "damage below the waterline that nobody had seen in the surveys of last year.</p>"
    "<p>Advertisement</p>"
    "<p>Sign up for our newsletter</p>"
    "<p>Residents downstream, who were told to prepare sandbags in January, said they "
    "would sleep better now, though some still want a second barrier built.</p>"
    "<p>Advertisement</p>"
    "</div></div>"
    "<aside class=\"rail\"><h3>Most read</h3><ol>"
    "<li><a href=\"/x1\">Council approves new bridge over the lower river</a></li>"
    "<li><a href=\"/x2\">Flood warnings lifted for three villages in the north</a></li>"
    "<li><a href=\"/x3\">School reopens after storm damage to its roof is repaired</a></li>"
    "</ol></aside>"
    "<footer><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/jobs\">Jobs</a></li>"
    "<li><a href=\"/contact\">Contact the newsroom team today</a></li></ul></footer>"
    "</body></html>";

static int count_parts(const td_doc *doc, td_part_kind kind)
{
    int n = 0;
    for (size_t i = 0; i < doc->anatomy.nparts; i++)
        n += doc->anatomy.parts[i].kind == kind;
    return n;
}

static int has_part(const td_doc *doc, td_part_kind kind, const char *text)
{
    size_t tl = strlen(text);
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        const td_part *p = &doc->anatomy.parts[i];
        if (p->kind == kind && p->span.end - p->span.start == tl &&
            !memcmp(doc->text + p->span.start, text, tl))
            return 1;
    }
    return 0;
}

static void test_lead_figure(void)
{
    td_doc *doc = read_page(furniture_page, sizeof furniture_page - 1, NULL);
    CHECK(doc != NULL);
    if (!doc)
        return;
    CHECK_EQ_STR(td_doc_meta(doc, "image_caption"),
                 "Workers check the new sluice gates on the east wall.");
    CHECK_EQ_STR(td_doc_meta(doc, "image_credit"), "Lena Haas for the Valley Post");
    CHECK(has_part(doc, TD_PART_CAPTION,
                   "Workers check the new sluice gates on the east wall."));
    CHECK(has_part(doc, TD_PART_CREDIT, "Lena Haas for the Valley Post"));
    CHECK_EQ_INT(count_parts(doc, TD_PART_CAPTION), 1);
    /* after the headline, before the body */
    const td_part *cap = part(doc, TD_PART_CAPTION, 0);
    const td_part *head = part(doc, TD_PART_HEADLINE, 0);
    const td_part *body = part(doc, TD_PART_BODY, 0);
    CHECK(cap && head && body && head->span.end <= cap->span.start &&
          cap->span.end <= body->span.start);
    if (cap)
        CHECK_EQ_STR(cap->from, "lead figure");
    char *b = body_text(doc);
    CHECK(strstr(b, "sluice") == NULL);
    CHECK(strstr(b, "Engineers finished repairs") == b);
    free(b);
    td_doc_free(doc);
}

static void test_lead_caption_credit_split(void)
{
    static const char page[] =
        "<html><body><main><article>"
        "<figure><img src=\"a.jpg\"><figcaption>Crowds gather at the square on Sunday "
        "(Reuters/Tom Berg)</figcaption></figure>"
        "<p>Thousands of people gathered in the main square on Sunday to mark the anniversary "
        "of the city's founding, with music, speeches and a parade that lasted hours.</p>"
        "<p>The mayor said the celebrations, the largest in a decade, had been planned for "
        "two years and paid for by local businesses rather than from the city budget.</p>"
        "</article></main></body></html>";
    td_doc *doc = read_page(page, sizeof page - 1, NULL);
    CHECK(doc != NULL);
    if (!doc)
        return;
    CHECK_EQ_STR(td_doc_meta(doc, "image_caption"), "Crowds gather at the square on Sunday");
    CHECK_EQ_STR(td_doc_meta(doc, "image_credit"), "(Reuters/Tom Berg)");
    /* the caption is already in the article text: not written twice */
    int caps = 0;
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        const td_part *p = &doc->anatomy.parts[i];
        if (p->kind == TD_PART_CAPTION && strstr(doc->text + p->span.start, "Crowds") ==
                                              doc->text + p->span.start)
            caps++;
    }
    CHECK_EQ_INT(caps, 1);
    td_doc_free(doc);

    /* "Photo: X" and "... Getty Images" endings; no figure: nothing */
    static const char page2[] =
        "<html><body><div class=\"wrap\"><figure><img src=\"b.jpg\">"
        "<figcaption>The harbour at night. Photo: Ana Ruiz</figcaption></figure>"
        "<div class=\"content\"><p>Fishing boats stayed in the harbour for a third day as "
        "storms swept the coast, and the port authority said it could not say when the "
        "fleet would sail again, with, more, commas.</p>"
        "<p>Prices at the fish market rose sharply, traders said, as stocks ran low and "
        "restaurants looked to buy from ports further south.</p></div></div></body></html>";
    doc = read_page(page2, sizeof page2 - 1, NULL);
    CHECK(doc != NULL);
    if (!doc)
        return;
    CHECK_EQ_STR(td_doc_meta(doc, "image_caption"), "The harbour at night.");
    CHECK_EQ_STR(td_doc_meta(doc, "image_credit"), "Photo: Ana Ruiz");
    CHECK(has_part(doc, TD_PART_CREDIT, "Photo: Ana Ruiz"));
    td_doc_free(doc);

    doc = read_page(news_page, sizeof news_page - 1, NULL);
    if (!doc)
        return;
    /* the news page's figure (after the first paragraph) is the lead; its
     * caption is in the article already and has no credit */
    CHECK_EQ_STR(td_doc_meta(doc, "image_caption"),
                 "The first ferry leaves the harbour at dawn.");
    CHECK_EQ_INT(count_parts(doc, TD_PART_CAPTION), 1);
    CHECK_EQ_INT(count_parts(doc, TD_PART_CREDIT), 0);
    CHECK(td_doc_meta(doc, "image_credit") == NULL);
    td_doc_free(doc);
}

static void test_related_links(void)
{
    td_doc *doc = read_page(furniture_page, sizeof furniture_page - 1, NULL);
    CHECK(doc != NULL);
    if (!doc)
        return;
    CHECK_EQ_INT(count_parts(doc, TD_PART_RELATED), 3);
    CHECK(has_part(doc, TD_PART_RELATED, "Council approves new bridge over the lower river"));
    CHECK(has_part(doc, TD_PART_RELATED,
                   "School reopens after storm damage to its roof is repaired"));
    /* menus and footers are not related stories */
    CHECK(!has_part(doc, TD_PART_RELATED, "Home"));
    CHECK(!has_part(doc, TD_PART_RELATED, "Contact the newsroom team today"));
    const td_part *r = part(doc, TD_PART_RELATED, 0);
    const td_part *last = NULL;
    for (int i = 0; part(doc, TD_PART_BODY, i); i++)
        last = part(doc, TD_PART_BODY, i);
    CHECK(r && last && last->span.end <= r->span.start);
    if (r)
        CHECK_EQ_STR(r->from, "related list");
    CHECK_EQ_STR(td_doc_meta(doc, "related_urls"), "/x1\n/x2\n/x3");
    char *b = body_text(doc);
    CHECK(strstr(b, "bridge") == NULL);
    free(b);
    td_doc_free(doc);

    /* the list inside the article stays what it was (a related part), and
     * is not repeated */
    doc = read_page(news_page, sizeof news_page - 1, NULL);
    if (!doc)
        return;
    int n = 0;
    for (size_t i = 0; i < doc->anatomy.nparts; i++) {
        const td_part *p = &doc->anatomy.parts[i];
        n += !strncmp(doc->text + p->span.start, "Strike talks stall", 18);
    }
    CHECK(n <= 1);
    td_doc_free(doc);
}

static void test_boilerplate_recorded(void)
{
    td_doc *doc = read_page(furniture_page, sizeof furniture_page - 1, NULL);
    CHECK(doc != NULL);
    if (!doc)
        return;
    CHECK(has_part(doc, TD_PART_BOILERPLATE, "Share this article"));
    CHECK(has_part(doc, TD_PART_BOILERPLATE, "Advertisement"));
    CHECK(has_part(doc, TD_PART_BOILERPLATE, "Sign up for our newsletter"));
    CHECK_EQ_INT(count_parts(doc, TD_PART_BOILERPLATE), 3); /* deduplicated */
    CHECK(!has_part(doc, TD_PART_BOILERPLATE, "Home"));
    /* after the body and the related links */
    const td_part *bp = part(doc, TD_PART_BOILERPLATE, 0);
    const td_part *r = part(doc, TD_PART_RELATED, 2);
    CHECK(bp && r && r->span.end <= bp->span.start);
    char *b = body_text(doc);
    CHECK(strstr(b, "Advertisement") == NULL);
    CHECK(strstr(b, "Share this") == NULL);
    CHECK(strstr(b, "Residents downstream") != NULL);
    free(b);
    td_doc_free(doc);

    /* a page of furniture is capped */
    td_buf p;
    td_buf_init(&p);
    td_buf_adds(&p, "<html><body><article><p>The ferry service between the two islands will "
                    "resume on Monday, the operator said, after repairs, checks and tests.</p>");
    for (int i = 0; i < 100; i++) {
        td_buf_printf(&p, "<p>Share this article %d</p>", i);
        td_buf_printf(&p, "<ul><li><a href=\"/r%d\">Another headline about the harbour number %d"
                          "</a></li><li><a href=\"/s%d\">And one more headline about the port %d"
                          "</a></li></ul>", i, i, i, i);
    }
    td_buf_adds(&p, "</article><section>");
    for (int i = 0; i < 100; i++)
        td_buf_printf(&p, "<ul><li><a href=\"/t%d\">Yet another story about the coast %d</a></li>"
                          "<li><a href=\"/u%d\">And a story about the weather on day %d</a></li></ul>",
                      i, i, i, i);
    td_buf_adds(&p, "</section></body></html>");
    doc = read_page(p.data, p.len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK(count_parts(doc, TD_PART_BOILERPLATE) <= 30);
        CHECK(count_parts(doc, TD_PART_RELATED) >= 1);
        for (size_t i = 0; i < doc->anatomy.nparts; i++)
            CHECK(doc->anatomy.parts[i].span.end <= doc->len);
        td_doc_free(doc);
    }
    td_buf_free(&p);
}

int main(void)
{
    engine = check_engine(NULL);
    RUN(test_article_body);
    RUN(test_article_anatomy_and_meta);
    RUN(test_title_from_title_element);
    RUN(test_whitespace_and_entities);
    RUN(test_nfc);
    RUN(test_charsets);
    RUN(test_empty_and_bodyless);
    RUN(test_hostile_pages);
    RUN(test_fragment_paragraphs);
    RUN(test_lines_inside_the_article);
    RUN(test_article_in_form_or_odd_wrapper);
    RUN(test_ld_body_check);
    RUN(test_byline_credit_caption_lines);
    RUN(test_date_day);
    RUN(test_lead_figure);
    RUN(test_lead_caption_credit_split);
    RUN(test_related_links);
    RUN(test_boilerplate_recorded);
    td_engine_free(engine);
    return CHECK_REPORT();
}
