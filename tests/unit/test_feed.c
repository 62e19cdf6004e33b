/*
 * test_feed.c — RSS 2.0, RSS 1.0 and Atom feeds (feed.c): one document per
 * item with its title, link, date, author and content; bad items and bad
 * feeds reported.  The feeds are written here.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "collect.h"
#include "doc.h"
#include "stages.h"

static td_engine *engine;

static const td_part *part(const td_doc *doc, td_part_kind kind, int nth)
{
    for (size_t i = 0; i < doc->anatomy.nparts; i++)
        if (doc->anatomy.parts[i].kind == kind && nth-- == 0)
            return &doc->anatomy.parts[i];
    return NULL;
}

static int read_feed(const char *xml, got *g)
{
    td_input in = {.name = "tests/news.rss", .depth = TD_DEPTH_ANATOMY};
    return td_feed_read(engine, xml, strlen(xml), &in, collect, g);
}

static const char rss[] =
    "<?xml version=\"1.0\"?>"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Harbour Gazette</title>"
    "<item><title>Ferry service resumes</title><link>https://gazette.example/ferry</link>"
    "<pubDate>Tue, 19 Nov 2019 10:00:00 GMT</pubDate><dc:creator>Mira Olsen</dc:creator>"
    "<description>Short.</description>"
    "<content:encoded><![CDATA[<p>The ferry sailed again &amp; on time.</p><p>The pier was fixed.</p>]]></content:encoded></item>"
    "<item><title>Budget passes</title><guid>https://gazette.example/budget</guid>"
    "<description>&lt;p&gt;The council voted 7 to 2.&lt;/p&gt;</description></item>"
    "<item></item>"
    "<item><title>Third story</title></item>"
    "</channel></rss>";

static void test_rss2_items(void)
{
    got g = {0};
    int failed = read_feed(rss, &g);
    CHECK_EQ_INT(failed, 1); /* the empty item */
    CHECK_EQ_INT(g.ndocs, 3);
    CHECK_EQ_INT(g.nerrors, 1);
    CHECK(strstr(g.errors[0], "item 3") != NULL);
    if (g.ndocs >= 2) {
        td_doc *d = g.docs[0];
        CHECK_EQ_STR(d->id, "news#1");
        CHECK_EQ_STR(d->url, "https://gazette.example/ferry");
        CHECK_EQ_STR(d->date, "2019-11-19");
        CHECK_EQ_STR(d->source, "Harbour Gazette");
        CHECK_EQ_INT(d->kind, TD_KIND_FEED);
        CHECK_EQ_INT(d->has_anatomy, 1);
        const td_part *h = part(d, TD_PART_HEADLINE, 0);
        CHECK(h != NULL);
        if (h)
            CHECK_SPAN(d->text, h->span, "Ferry service resumes");
        const td_part *by = part(d, TD_PART_BYLINE, 0);
        if (by)
            CHECK_SPAN(d->text, by->span, "Mira Olsen");
        CHECK(by != NULL);
        const td_part *b0 = part(d, TD_PART_BODY, 0), *b1 = part(d, TD_PART_BODY, 1);
        CHECK(b0 && b1);
        if (b0 && b1) {
            CHECK_SPAN(d->text, b0->span, "The ferry sailed again & on time.");
            CHECK_SPAN(d->text, b1->span, "The pier was fixed.");
        }
        /* content:encoded wins over description */
        CHECK(strstr(d->text, "Short.") == NULL);

        d = g.docs[1];
        CHECK_EQ_STR(d->id, "news#2");
        CHECK_EQ_STR(d->url, "https://gazette.example/budget"); /* from guid */
        CHECK(d->date == NULL);
        b0 = part(d, TD_PART_BODY, 0);
        CHECK(b0 != NULL);
        if (b0)
            CHECK_SPAN(d->text, b0->span, "The council voted 7 to 2.");
    }
    if (g.ndocs >= 3)
        CHECK_EQ_STR(g.docs[2]->id, "news#4");
    got_free(&g);
}

static void test_atom_entries(void)
{
    static const char atom[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Valley Wire</title>"
        "<entry><title>Bridge reopens</title>"
        "<link rel=\"edit\" href=\"https://wire.example/edit/1\"/>"
        "<link rel=\"alternate\" href=\"https://wire.example/bridge\"/>"
        "<updated>2021-03-05T09:15:00Z</updated><published>2021-03-04T09:15:00Z</published>"
        "<author><name>Tomas Reyes</name></author>"
        "<summary>Summary only.</summary>"
        "<content type=\"html\">&lt;p&gt;Work finished early.&lt;/p&gt;</content></entry>"
        "<entry><title>Only a summary</title><link href=\"https://wire.example/s\"/>"
        "<updated>2021-03-06</updated><summary>Plain summary text.</summary></entry>"
        "</feed>";
    got g = {0};
    CHECK_EQ_INT(read_feed(atom, &g), 0);
    CHECK_EQ_INT(g.ndocs, 2);
    if (g.ndocs == 2) {
        td_doc *d = g.docs[0];
        CHECK_EQ_STR(d->url, "https://wire.example/bridge");
        CHECK_EQ_STR(d->date, "2021-03-04");
        CHECK_EQ_STR(d->source, "Valley Wire");
        CHECK(strstr(d->text, "Work finished early.") != NULL);
        CHECK(strstr(d->text, "Summary only.") == NULL);
        d = g.docs[1];
        CHECK_EQ_STR(d->url, "https://wire.example/s");
        CHECK_EQ_STR(d->date, "2021-03-06");
        CHECK(strstr(d->text, "Plain summary text.") != NULL);
    }
    got_free(&g);
}

static void test_rss1_rdf(void)
{
    static const char rdf[] =
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
        " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><title>Old Format News</title></channel>"
        "<item><title>Mill closes</title><link>https://old.example/mill</link>"
        "<dc:date>2004-05-06T07:00:00Z</dc:date><description>The mill shut.</description></item>"
        "</rdf:RDF>";
    got g = {0};
    CHECK_EQ_INT(read_feed(rdf, &g), 0);
    CHECK_EQ_INT(g.ndocs, 1);
    if (g.ndocs == 1) {
        CHECK_EQ_STR(g.docs[0]->date, "2004-05-06");
        CHECK_EQ_STR(g.docs[0]->source, "Old Format News");
    }
    got_free(&g);
}

static void test_bad_feeds(void)
{
    got g = {0};
    CHECK_EQ_INT(read_feed("this is not xml at all", &g), 1);
    CHECK_EQ_INT(g.ndocs, 0);
    CHECK_EQ_INT(g.nerrors, 1);
    got g2 = {0};
    CHECK_EQ_INT(read_feed("<html><body><p>a page</p></body></html>", &g2), 1);
    CHECK(g2.nerrors == 1 && strstr(g2.errors[0], "neither") != NULL);
    /* truncated in the middle of the second item: the first still comes */
    got g3 = {0};
    char cut[sizeof rss];
    const char *second = strstr(rss, "<item><title>Budget");
    size_t n = (size_t)(second - rss) + 20;
    memcpy(cut, rss, n);
    cut[n] = 0;
    read_feed(cut, &g3);
    CHECK(g3.ndocs >= 1);
    if (g3.ndocs >= 1)
        CHECK_EQ_STR(g3.docs[0]->url, "https://gazette.example/ferry");
    got_free(&g);
    got_free(&g2);
    got_free(&g3);
    /* an empty channel is fine */
    got g4 = {0};
    CHECK_EQ_INT(read_feed("<rss><channel><title>x</title></channel></rss>", &g4), 0);
    CHECK_EQ_INT(g4.ndocs, 0);
    got_free(&g4);
}

static void test_stop_when_asked(void)
{
    got g = {.stop_after = 1};
    read_feed(rss, &g);
    CHECK_EQ_INT(g.ndocs, 1);
    got_free(&g);
}

int main(void)
{
    engine = check_engine(NULL);
    RUN(test_rss2_items);
    RUN(test_atom_entries);
    RUN(test_rss1_rdf);
    RUN(test_bad_feeds);
    RUN(test_stop_when_asked);
    td_engine_free(engine);
    return CHECK_REPORT();
}
