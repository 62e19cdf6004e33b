/*
 * test_tokenize.c — cutting text into tokens (tokenize.c).
 *
 * Every example sentence here is written for these tests.
 */
#include "lang_util.h"

static void test_plain_words_and_punctuation(void)
{
    CHECK_TOKS("The talks ended, and nobody smiled.",
               "The|talks|ended|,|and|nobody|smiled|.");
    CHECK_TOKS("  Spaces\tand\nlines  ", "Spaces|and|lines");
    CHECK_TOKS("Why? Because! Really?!", "Why|?|Because|!|Really|?!");
    CHECK_TOKS("", "");
}

static void test_abbreviations(void)
{
    CHECK_TOKS("The U.S. and the U.K. agreed.", "The|U.S.|and|the|U.K.|agreed|.");
    CHECK_TOKS("Gen. Ortiz met Sen. Pike on Feb. 3.",
               "Gen.|Ortiz|met|Sen.|Pike|on|Feb.|3|.");
    CHECK_TOKS("Mr. Lee and Dr. Okafor of Acme Inc. and Brill Corp. spoke.",
               "Mr.|Lee|and|Dr.|Okafor|of|Acme|Inc.|and|Brill|Corp.|spoke|.");
    CHECK_TOKS("They met at St. Mark's, e.g. in May, i.e. late.",
               "They|met|at|St.|Mark|'s|,|e.g.|in|May|,|i.e.|late|.");
    CHECK_TOKS("At 9 a.m. and 5 p.m. sharp.", "At|9|a.m.|and|5|p.m.|sharp|.");
    CHECK_TOKS("She lives in Sacramento, Calif. now.",
               "She|lives|in|Sacramento|,|Calif.|now|.");
}

static void test_no_before_numbers_only(void)
{
    CHECK_TOKS("He lives at No. 10 now.", "He|lives|at|No.|10|now|.");
    CHECK_TOKS("The answer was No. Then he left.", "The|answer|was|No|.|Then|he|left|.");
}

static void test_abbreviation_flag(void)
{
    td_doc *d = lang_doc("Gen. Ruiz left the U.S. today.");
    CHECK_EQ_INT(d->ntokens, 7);
    CHECK(d->tokens[0].flags & TD_TF_ABBREV);
    CHECK(!(d->tokens[1].flags & TD_TF_ABBREV));
    CHECK(d->tokens[4].flags & TD_TF_ABBREV);
    CHECK(!(d->tokens[6].flags & TD_TF_ABBREV));
    td_doc_free(d);
}

static void test_initials(void)
{
    CHECK_TOKS("J. R. R. Tolkien wrote it.", "J.|R.|R.|Tolkien|wrote|it|.");
    CHECK_TOKS("George W. Bush spoke.", "George|W.|Bush|spoke|.");
}

static void test_numbers(void)
{
    CHECK_TOKS("It cost 3.5 or 1,000,000 or 4,500+ troops.",
               "It|cost|3.5|or|1,000,000|or|4,500|+|troops|.");
    CHECK_TOKS("Turnout was 45% and .5 more.", "Turnout|was|45|%|and|.5|more|.");
    CHECK_TOKS("A deal worth $75 million, €3bn or £1.2m.",
               "A|deal|worth|$|75|million|,|€|3|bn|or|£|1.2|m|.");
    CHECK_TOKS("The 21st time, the 2nd row, the 1990s.",
               "The|21st|time|,|the|2nd|row|,|the|1990s|.");
    CHECK_TOKS("At 10:30 on 2023-02-17 or 17/02/2023.",
               "At|10:30|on|2023-02-17|or|17/02/2023|.");
    CHECK_TOKS("From 1999–2004 and 1999-2004.", "From|1999|–|2004|and|1999|-|2004|.");
    CHECK_TOKS("Open 24/7, 1,5 no.", "Open|24/7|,|1|,|5|no|.");
    CHECK_TOKS("A 4,500-strong force.", "A|4,500|-|strong|force|.");
    CHECK_TOKS("Call 713-555-0142 or 1-2-3-4 now", "Call|713-555-0142|or|1|-|2|-|3|-|4|now");
    CHECK_TOKS("*** ==== << x >> **bold**", "***|====|<<|x|>>|**|bold|**");
}

static void test_number_kinds(void)
{
    td_doc *d = lang_doc("Pay $5 at www.example.com or mail a@b.org now");
    CHECK_EQ_INT(d->ntokens, 9);
    CHECK_EQ_INT(d->tokens[1].kind, TD_TOK_SYMBOL);
    CHECK_EQ_INT(d->tokens[2].kind, TD_TOK_NUMBER);
    CHECK_EQ_INT(d->tokens[4].kind, TD_TOK_URL);
    CHECK_EQ_INT(d->tokens[7].kind, TD_TOK_EMAIL);
    CHECK_EQ_INT(d->tokens[8].kind, TD_TOK_WORD);
    td_doc_free(d);
}

static void test_ellipses(void)
{
    CHECK_TOKS("Well... maybe … not....", "Well|...|maybe|…|not|....");
}

static void test_apostrophes(void)
{
    CHECK_TOKS("Kosovo’s army doesn’t know.", "Kosovo|’s|army|does|n’t|know|.");
    CHECK_TOKS("It's the Serbs' view, they're sure.",
               "It|'s|the|Serbs|'|view|,|they|'re|sure|.");
    CHECK_TOKS("O’Brien went to Côte d’Ivoire.", "O’Brien|went|to|Côte|d’Ivoire|.");
    CHECK_TOKS("Rock ’n’ roll of the ’90s can’t die.",
               "Rock|’n’|roll|of|the|’90s|ca|n’t|die|.");
    CHECK_TOKS("the U.K.’s vote", "the|U.K.|’s|vote");
    CHECK_TOKS("Let ’em wait ’til dawn, the Serbs’ view", "Let|’em|wait|’til|dawn|,|the|Serbs|’|view");
}

static void test_quote_flags(void)
{
    td_doc *d = lang_doc("“No,” she said. \"Yes,\" he said, 'maybe'.");
    /* “ No , ” she said . " Yes , " he said , ' maybe ' . */
    CHECK_EQ_INT(d->ntokens, 18);
    CHECK(d->tokens[0].flags & TD_TF_QUOTE_OPEN);
    CHECK(d->tokens[3].flags & TD_TF_QUOTE_CLOSE);
    CHECK(d->tokens[7].flags & TD_TF_QUOTE_OPEN);
    CHECK(d->tokens[10].flags & TD_TF_QUOTE_CLOSE);
    CHECK(d->tokens[14].flags & TD_TF_QUOTE_OPEN);
    CHECK(d->tokens[16].flags & TD_TF_QUOTE_CLOSE);
    CHECK(!(d->tokens[15].flags & (TD_TF_QUOTE_OPEN | TD_TF_QUOTE_CLOSE)));
    td_doc_free(d);
}

static void test_single_curly_quotes(void)
{
    td_doc *d = lang_doc("He called it ‘a farce’ and ‘Kosovo’s shame’.");
    char *g = lang_join_tokens(d);
    CHECK_EQ_STR(g, "He|called|it|‘|a|farce|’|and|‘|Kosovo|’s|shame|’|.");
    free(g);
    CHECK(d->tokens[3].flags & TD_TF_QUOTE_OPEN);
    CHECK(d->tokens[6].flags & TD_TF_QUOTE_CLOSE);
    CHECK(d->tokens[8].flags & TD_TF_QUOTE_OPEN);
    CHECK(!(d->tokens[10].flags & (TD_TF_QUOTE_OPEN | TD_TF_QUOTE_CLOSE)));
    CHECK(d->tokens[12].flags & TD_TF_QUOTE_CLOSE);
    td_doc_free(d);
}

/* Quotation marks of other languages: « », „ “ (German closes with “),
 * ‹ ›. */
static void test_other_quote_styles(void)
{
    td_doc *d = lang_doc("«Non» und „Ja“ und ‹oui›");
    char *g = lang_join_tokens(d);
    CHECK_EQ_STR(g, "«|Non|»|und|„|Ja|“|und|‹|oui|›");
    free(g);
    static const int open[] = {0, 4, 8}, close[] = {2, 6, 10};
    for (int i = 0; i < 3; i++) {
        CHECK(d->tokens[open[i]].flags & TD_TF_QUOTE_OPEN);
        CHECK(d->tokens[close[i]].flags & TD_TF_QUOTE_CLOSE);
    }
    td_doc_free(d);
}

static void test_brackets_and_dashes(void)
{
    CHECK_TOKS("He said [its] plan (late) – or — not -- ok.",
               "He|said|[|its|]|plan|(|late|)|–|or|—|not|--|ok|.");
}

static void test_hyphenated_words(void)
{
    CHECK_TOKS("A Serb-majority, NATO-backed, pro-U.S. F-16 unit.",
               "A|Serb-majority|,|NATO-backed|,|pro-U.S.|F-16|unit|.");
    CHECK_TOKS("A well- and ill-timed move.", "A|well|-|and|ill-timed|move|.");
    CHECK_TOKS("A U.S.-backed, D.C.-based group.", "A|U.S.-backed|,|D.C.-based|group|.");
}

static void test_urls_and_emails(void)
{
    CHECK_TOKS("See https://example.org/a?b=1&c=(2). Or www.example.com, ok.",
               "See|https://example.org/a?b=1&c=(2)|.|Or|www.example.com|,|ok|.");
    CHECK_TOKS("(see http://x.example/wiki/A_(b))", "(|see|http://x.example/wiki/A_(b)|)");
    CHECK_TOKS("Write to first.last@news.example.co.uk.",
               "Write|to|first.last@news.example.co.uk|.");
    CHECK_TOKS("Not an address: a@b, me@home.", "Not|an|address|:|a|@|b|,|me|@|home|.");
    CHECK_TOKS("Buy at Amazon.com, see bbc.co.uk/news/x. Fine.",
               "Buy|at|Amazon.com|,|see|bbc.co.uk/news/x|.|Fine|.");
    CHECK_TOKS("He left.Then came Node.js here.", "He|left|.|Then|came|Node|.|js|here|.");
}

static void test_hashtags_handles(void)
{
    CHECK_TOKS("Follow @NewsDesk_1 and #Kosovo2023 now #", "Follow|@NewsDesk_1|and|#Kosovo2023|now|#");
    CHECK_TOKS("at @2.50 each", "at|@|2.50|each");
}

static void test_non_ascii_words(void)
{
    CHECK_TOKS("Vučić met Ömer in Zürich.", "Vučić|met|Ömer|in|Zürich|.");
    CHECK_TOKS("Москва и Αθήνα, 東京.", "Москва|и|Αθήνα|,|東京|.");
    /* combining marks stay in their word; no-break spaces separate */
    CHECK_TOKS("Cafe\xcc\x81\xc2\xa0open", "Cafe\xcc\x81|open");
}

static void test_case_flags(void)
{
    td_doc *d = lang_doc("NATO and Vučić met UN staff in ÖSTERREICH x");
    CHECK(d->tokens[0].flags & TD_TF_CAP);
    CHECK(d->tokens[0].flags & TD_TF_ALLCAPS);
    CHECK(!(d->tokens[1].flags & (TD_TF_CAP | TD_TF_ALLCAPS)));
    CHECK(d->tokens[2].flags & TD_TF_CAP);
    CHECK(!(d->tokens[2].flags & TD_TF_ALLCAPS));
    CHECK(d->tokens[4].flags & TD_TF_ALLCAPS);
    CHECK(d->tokens[7].flags & TD_TF_ALLCAPS);
    CHECK(!(d->tokens[8].flags & TD_TF_ALLCAPS));
    td_doc_free(d);
}

static void test_space_before(void)
{
    td_doc *d = lang_doc("Hi, “you” there");
    CHECK_EQ_INT(d->ntokens, 6);
    CHECK(!(d->tokens[0].flags & TD_TF_SPACE_BEFORE));
    CHECK(!(d->tokens[1].flags & TD_TF_SPACE_BEFORE));
    CHECK(d->tokens[2].flags & TD_TF_SPACE_BEFORE);
    CHECK(!(d->tokens[3].flags & TD_TF_SPACE_BEFORE));
    CHECK(!(d->tokens[4].flags & TD_TF_SPACE_BEFORE));
    CHECK(d->tokens[5].flags & TD_TF_SPACE_BEFORE);
    td_doc_free(d);
}

static void test_only_analysed_parts(void)
{
    const char *text = "WORLD\nTalks fail\nPhoto: Agency\nThe talks failed.\n";
    td_doc *d = td_doc_new(lang_engine(), text, strlen(text), NULL);
    td_doc_add_part(d, TD_PART_SECTION, 0, 5, "test");
    td_doc_add_part(d, TD_PART_HEADLINE, 6, 16, "test");
    td_doc_add_part(d, TD_PART_CREDIT, 17, 30, "test");
    td_doc_add_part(d, TD_PART_BODY, 31, 48, "test");
    td_tokenize(d);
    lang_check_invariants(d);
    char *g = lang_join_tokens(d);
    CHECK_EQ_STR(g, "Talks|fail|The|talks|failed|.");
    free(g);
    CHECK_EQ_INT(d->nsentences, 2);
    CHECK_EQ_INT(d->sentences[0].part, 1);
    CHECK_EQ_INT(d->sentences[1].part, 3);
    CHECK_SPAN(d->text, d->sentences[0].span, "Talks fail");
    td_doc_free(d);
}

static void test_invalid_utf8_does_not_crash(void)
{
    const char bad[] = "ab\xff\xfe cd\xe2\x80 \xc3";
    td_doc *d = td_doc_new(lang_engine(), bad, sizeof bad - 1, NULL);
    td_doc_add_part(d, TD_PART_BODY, 0, sizeof bad - 1, "test");
    td_tokenize(d);
    lang_check_invariants(d);
    CHECK(d->ntokens >= 3);
    td_doc_free(d);
}

/* Patterns that would make a scanner rescan what follows it from every
 * token: must stay linear (a quadratic scan takes minutes here). */
static void test_hostile_patterns_stay_linear(void)
{
    static const char *const units[] = {"aaa.", "a-", "x@", "’", ".(", "1,", "\"", "..a", "U.S"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t k = strlen(units[u]), reps = (1u << 20) / k;
        char *text = malloc(reps * k + 1);
        for (size_t i = 0; i < reps; i++)
            memcpy(text + i * k, units[u], k);
        text[reps * k] = 0;
        td_doc *d = td_doc_new(lang_engine(), text, reps * k, NULL);
        td_doc_add_part(d, TD_PART_BODY, 0, reps * k, "test");
        td_tokenize(d);
        CHECK(d->ntokens > 0);
        lang_check_invariants(d);
        td_doc_free(d);
        free(text);
    }
}

int main(void)
{
    RUN(test_plain_words_and_punctuation);
    RUN(test_abbreviations);
    RUN(test_no_before_numbers_only);
    RUN(test_abbreviation_flag);
    RUN(test_initials);
    RUN(test_numbers);
    RUN(test_number_kinds);
    RUN(test_ellipses);
    RUN(test_apostrophes);
    RUN(test_quote_flags);
    RUN(test_single_curly_quotes);
    RUN(test_other_quote_styles);
    RUN(test_brackets_and_dashes);
    RUN(test_hyphenated_words);
    RUN(test_urls_and_emails);
    RUN(test_hashtags_handles);
    RUN(test_non_ascii_words);
    RUN(test_case_flags);
    RUN(test_space_before);
    RUN(test_only_analysed_parts);
    RUN(test_invalid_utf8_does_not_crash);
    RUN(test_hostile_patterns_stay_linear);
    lang_done();
    return CHECK_REPORT();
}
