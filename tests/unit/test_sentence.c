/*
 * test_sentence.c — grouping tokens into sentences (sentence.c).
 *
 * Every example sentence here is written for these tests.
 */
#include "lang_util.h"

static void test_simple_split(void)
{
    CHECK_SENTS("The vote passed. Nobody objected. Why? Ask them!",
                "The vote passed.\nNobody objected.\nWhy?\nAsk them!");
    CHECK_SENTS("One sentence without a stop", "One sentence without a stop");
    CHECK_SENTS("It rose 5. 20 firms fell.", "It rose 5.\n20 firms fell.");
}

static void test_abbreviations_inside(void)
{
    CHECK_SENTS("Gen. Ortiz met Sen. Pike and Mr. Lee on Feb. 3 at No. 10 Elm St. today.",
                "Gen. Ortiz met Sen. Pike and Mr. Lee on Feb. 3 at No. 10 Elm St. today.");
    CHECK_SENTS("The U.S. embassy and the U.S. Embassy both closed.",
                "The U.S. embassy and the U.S. Embassy both closed.");
    CHECK_SENTS("Talks, e.g. on trade, i.e. tariffs, went on.",
                "Talks, e.g. on trade, i.e. tariffs, went on.");
    CHECK_SENTS("J. R. R. Tolkien met George W. Bush.", "J. R. R. Tolkien met George W. Bush.");
    CHECK_SENTS("Det.-Sgt. Ann Roe and ex-Gov. Li spoke.", "Det.-Sgt. Ann Roe and ex-Gov. Li spoke.");
    CHECK_SENTS("It starts at 10 a.m. Monday in Dover.", "It starts at 10 a.m. Monday in Dover.");
}

static void test_abbreviation_ends_sentence(void)
{
    CHECK_SENTS("Troops stayed in the U.S. The rest went home.",
                "Troops stayed in the U.S.\nThe rest went home.");
    CHECK_SENTS("It starts at 10 a.m. He will speak.", "It starts at 10 a.m.\nHe will speak.");
    CHECK_SENTS("He sold it to Brill Corp. “It was time,” he said.",
                "He sold it to Brill Corp.\n“It was time,” he said.");
    CHECK_SENTS("The answer was No. Then he left.", "The answer was No.\nThen he left.");
    CHECK_SENTS("She moved to the U.K.", "She moved to the U.K.");
    CHECK_SENTS("He said the U.S. “will respond.” The U.N. agreed.",
                "He said the U.S. “will respond.”\nThe U.N. agreed.");
    CHECK_SENTS("He spoke in Washington, D.C. Thousands listened.",
                "He spoke in Washington, D.C.\nThousands listened.");
}

static void test_quotes(void)
{
    CHECK_SENTS("“This is a threat,” he said. “We will answer.”",
                "“This is a threat,” he said.\n“We will answer.”");
    CHECK_SENTS("“Stop.” Then silence.", "“Stop.”\nThen silence.");
    CHECK_SENTS("“Is it over?” she asked. \"No!\" he said.",
                "“Is it over?” she asked.\n\"No!\" he said.");
    CHECK_SENTS("He called it ‘a farce.’ Others agreed.",
                "He called it ‘a farce.’\nOthers agreed.");
    CHECK_SENTS("“We tried. We failed,” he said.", "“We tried.\nWe failed,” he said.");
    /* a name and a speech verb after the closing quote continue it */
    CHECK_SENTS("“Vote for me!” Gov. Ames tweeted. “Stop!” Police chased him.",
                "“Vote for me!” Gov. Ames tweeted.\n“Stop!”\nPolice chased him.");
    CHECK_SENTS("“I agree.” Ames said she would vote.", "“I agree.”\nAmes said she would vote.");
}

static void test_stacked_terminals(void)
{
    CHECK_SENTS("The firm is called Yahoo!. It grew.", "The firm is called Yahoo!.\nIt grew.");
    CHECK_SENTS("They won the U.K.’s vote. Then what?", "They won the U.K.’s vote.\nThen what?");
}

static void test_after_stop(void)
{
    /* a URL after a stop starts a sentence although it is lower case */
    CHECK_SENTS("Read more. http://example.org/x", "Read more.\nhttp://example.org/x");
    /* no space and capitals: a file name, not a sentence end */
    CHECK_SENTS("Open REPORT.XLS now.", "Open REPORT.XLS now.");
    CHECK_SENTS("Plans for the U.S.. Then more.", "Plans for the U.S..\nThen more.");
    CHECK_SENTS("We meet on Wed. Sept. 20 at noon.", "We meet on Wed. Sept. 20 at noon.");
}

static void test_brackets(void)
{
    CHECK_SENTS("The plan failed. (Nobody was surprised.) Talks resume.",
                "The plan failed.\n(Nobody was surprised.)\nTalks resume.");
    CHECK_SENTS("He said [its] plan (with 3.5 percent) was fine.",
                "He said [its] plan (with 3.5 percent) was fine.");
}

static void test_ellipsis(void)
{
    CHECK_SENTS("We waited... and waited. Nothing … Then a knock.",
                "We waited... and waited.\nNothing …\nThen a knock.");
    CHECK_SENTS("The war in … Kosovo went on.", "The war in … Kosovo went on.");
    CHECK_SENTS("It ended…", "It ended…");
}

static void test_numbers_urls_do_not_split(void)
{
    CHECK_SENTS("Output grew 3.5% to $1,000,000 at 10:30. See www.example.com. Done.",
                "Output grew 3.5% to $1,000,000 at 10:30.\nSee www.example.com.\nDone.");
    CHECK_SENTS("Mail first.last@example.org for details.",
                "Mail first.last@example.org for details.");
}

static void test_lists(void)
{
    CHECK_SENTS("1. The first point. 2. The second point.",
                "1. The first point.\n2. The second point.");
    CHECK_SENTS("Needs:\n- water\n- food", "Needs:\n- water\n- food");
    CHECK_SENTS("A. The first option", "A. The first option");
}

static void test_blank_line_splits(void)
{
    CHECK_SENTS("no stop here\n\nor here", "no stop here\nor here");
    CHECK_SENTS("a line\nwrapped here", "a line\nwrapped here");
}

static void test_lowercase_continues(void)
{
    CHECK_SENTS("It was approx. five hours. Fine.", "It was approx. five hours.\nFine.");
    CHECK_SENTS("“Why now?” he asked.", "“Why now?” he asked.");
}

static void test_headline_is_one_sentence(void)
{
    td_doc *d = lang_doc_kind("U.S. Approves Sale of Missiles to Kosovo", TD_PART_HEADLINE);
    CHECK_EQ_INT(d->nsentences, 1);
    td_doc_free(d);
    d = lang_doc_kind("Talks fail. What now?", TD_PART_HEADLINE);
    CHECK_EQ_INT(d->nsentences, 2);
    td_doc_free(d);
}

static void test_sentence_fields(void)
{
    td_doc *d = lang_doc("He left. She stayed.");
    CHECK_EQ_INT(d->nsentences, 2);
    CHECK_EQ_INT(d->sentences[0].first_token, 0);
    CHECK_EQ_INT(d->sentences[0].ntokens, 3);
    CHECK_EQ_INT(d->sentences[1].first_token, 3);
    CHECK_EQ_INT(d->sentences[1].ntokens, 3);
    CHECK_EQ_INT(d->sentences[1].part, 0);
    CHECK_EQ_INT(d->tokens[4].sentence, 1);
    CHECK_SPAN(d->text, d->sentences[1].span, "She stayed.");
    td_doc_free(d);
}

static void test_long_sentence_is_cut(void)
{
    size_t n = 2 * TD_SENT_MAX_TOKENS + 10;
    char *text = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        text[2 * i] = 'a', text[2 * i + 1] = ' ';
    text[2 * n] = 0;
    td_doc *d = lang_doc(text);
    CHECK_EQ_INT(d->nsentences, 3);
    CHECK_EQ_INT(d->sentences[0].ntokens, TD_SENT_MAX_TOKENS);
    td_doc_free(d);
    free(text);
}

static void test_many_parts(void)
{
    const char *text = "Talks fail\n\nGen. Ruiz left. He was tired.\n\nNobody came.\n";
    td_doc *d = td_doc_new(lang_engine(), text, strlen(text), NULL);
    td_doc_add_part(d, TD_PART_HEADLINE, 0, 10, "test");
    td_doc_add_part(d, TD_PART_BODY, 12, 41, "test");
    td_doc_add_part(d, TD_PART_BODY, 43, 55, "test");
    td_tokenize(d);
    lang_check_invariants(d);
    CHECK_EQ_INT(d->nsentences, 4);
    CHECK_EQ_INT(d->sentences[0].part, 0);
    CHECK_EQ_INT(d->sentences[1].part, 1);
    CHECK_EQ_INT(d->sentences[2].part, 1);
    CHECK_EQ_INT(d->sentences[3].part, 2);
    CHECK_SPAN(d->text, d->sentences[1].span, "Gen. Ruiz left.");
    CHECK_SPAN(d->text, d->sentences[3].span, "Nobody came.");
    td_doc_free(d);
}

int main(void)
{
    RUN(test_simple_split);
    RUN(test_abbreviations_inside);
    RUN(test_abbreviation_ends_sentence);
    RUN(test_quotes);
    RUN(test_stacked_terminals);
    RUN(test_after_stop);
    RUN(test_brackets);
    RUN(test_ellipsis);
    RUN(test_numbers_urls_do_not_split);
    RUN(test_lists);
    RUN(test_blank_line_splits);
    RUN(test_lowercase_continues);
    RUN(test_headline_is_one_sentence);
    RUN(test_sentence_fields);
    RUN(test_long_sentence_is_cut);
    RUN(test_many_parts);
    lang_done();
    return CHECK_REPORT();
}
