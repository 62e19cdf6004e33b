/*
 * test_entities.c — the entity stage on sentences written here: mentions
 * from tags (possessives, groups, facilities, hyphenated forms), linking
 * (surname, acronym, organisation suffix), roles and countries, and the
 * whole stage with the shipped model.
 *
 * Documents are built without the tokenizer: words separated by spaces,
 * each optionally marked with its NER tag as word/P (B-PER), /p (I-PER),
 * /G /g (ORG), /L /l (LOC), /M /m (MISC); "." ends a sentence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "engine.h"
#include "entities.h"
#include "ner/ner.h"
#include "stages.h"

static td_engine *engine;

typedef struct built {
    td_doc *doc;
    uint8_t tags[256];
} built;

static int tag_of(char c)
{
    switch (c) {
    case 'P': return TD_NER_B_PER;
    case 'p': return TD_NER_I_PER;
    case 'G': return TD_NER_B_ORG;
    case 'g': return TD_NER_I_ORG;
    case 'L': return TD_NER_B_LOC;
    case 'l': return TD_NER_I_LOC;
    case 'M': return TD_NER_B_MISC;
    case 'm': return TD_NER_I_MISC;
    default: return TD_NER_O;
    }
}

static void build(built *b, const char *marked)
{
    char text[4096], words[4096];
    size_t tl = 0, nt = 0;
    uint32_t starts[256], ends[256];
    snprintf(words, sizeof words, "%s", marked);
    for (char *w = strtok(words, " "); w && nt < 256; w = strtok(NULL, " ")) {
        char *slash = strrchr(w, '/');
        int tag = TD_NER_O;
        if (slash && slash != w && slash[1] && !slash[2]) {
            tag = tag_of(slash[1]);
            *slash = 0;
        }
        if (tl)
            text[tl++] = ' ';
        starts[nt] = (uint32_t)tl;
        memcpy(text + tl, w, strlen(w));
        tl += strlen(w);
        ends[nt] = (uint32_t)tl;
        b->tags[nt++] = (uint8_t)tag;
    }
    b->doc = td_doc_new(engine, text, tl, NULL);
    td_doc *d = b->doc;
    td_doc_add_part(d, TD_PART_BODY, 0, tl, "test");
    td_sentence *s = NULL;
    for (size_t i = 0; i < nt; i++) {
        if (!s) {
            s = TD_ARRAY_PUSH(&d->arena, d->sentences, d->nsentences, d->sentences_cap);
            s->first_token = (uint32_t)i;
            s->span.start = starts[i];
        }
        td_token *t = TD_ARRAY_PUSH(&d->arena, d->tokens, d->ntokens, d->tokens_cap);
        t->span = td_span_make(starts[i], ends[i]);
        unsigned char c = (unsigned char)text[starts[i]];
        t->kind = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? TD_TOK_WORD
                  : c >= '0' && c <= '9'                          ? TD_TOK_NUMBER
                                                                  : TD_TOK_PUNCT;
        t->sentence = (uint32_t)(d->nsentences - 1);
        s->ntokens++;
        s->span.end = ends[i];
        if (ends[i] - starts[i] == 1 && text[starts[i]] == '.')
            s = NULL;
    }
}

static const td_entity *find(const td_doc *d, const char *name)
{
    for (size_t i = 0; i < d->nentities; i++)
        if (!strcmp(d->entities[i].name, name))
            return &d->entities[i];
    return NULL;
}

static void run_tags(built *b)
{
    ent_lex lex;
    ent_lex_init(&lex, engine);
    ent_from_tags(b->doc, &lex, b->tags);
}

static void test_roles_and_surnames(void)
{
    built b;
    build(&b, "Serbian/M President Aleksandar/P Vucic/p met Kosovo/L defense minister "
              "Ejup/P Maqedonci/p in Belgrade/L . Vucic/P said talks failed . "
              "Vjosa/P Osmani/p , the president , spoke in Kosovo/L 's capital .");
    run_tags(&b);
    td_doc *d = b.doc;
    const td_entity *v = find(d, "Aleksandar Vucic");
    CHECK(v != NULL);
    if (v) {
        CHECK_EQ_INT(v->kind, TD_ENT_PERSON);
        CHECK_EQ_STR(v->role, "President");
        CHECK_EQ_STR(v->country, "SRB");
        CHECK_EQ_INT(v->nmentions, 2);
        CHECK_SPAN(d->text, v->mentions[1].span, "Vucic");
    }
    CHECK(find(d, "Vucic") == NULL);
    td_doc_free(d);
    /* an organisation is no person's surname; "executive" is a role */
    build(&b, "Getting/P Disney/p right . Disney/G said Acme/G Corp/g executive "
              "Kevin/P Mayer/p left . Mayer/P agreed . New/L Jersey/l Sen./O "
              "Ann/P Lee/p spoke .");
    run_tags(&b);
    d = b.doc;
    const td_entity *dis = find(d, "Disney");
    CHECK(dis && dis->kind == TD_ENT_ORG && dis->nmentions == 1);
    const td_entity *km = find(d, "Kevin Mayer");
    CHECK(km && !km->country[0]);
    CHECK(km && km->nmentions == 2 && km->role && !strcmp(km->role, "executive"));
    /* "Jersey" of "New Jersey" is not the country Jersey */
    const td_entity *al = find(d, "Ann Lee");
    CHECK(al && al->role && !strcmp(al->role, "Sen.") && strcmp(al->country, "JEY") != 0);
    td_doc_free(d);
    build(&b, "Serbian/M President Aleksandar/P Vucic/p met Kosovo/L defense minister "
              "Ejup/P Maqedonci/p in Belgrade/L . Vucic/P said talks failed . "
              "Vjosa/P Osmani/p , the president , spoke in Kosovo/L 's capital .");
    run_tags(&b);
    d = b.doc;
    const td_entity *m = find(d, "Ejup Maqedonci");
    CHECK(m && m->role && !strcmp(m->role, "defense minister") && !strcmp(m->country, "XKX"));
    const td_entity *o = find(d, "Vjosa Osmani");
    CHECK(o && o->role && !strcmp(o->role, "president"));
    /* no country written: the one the document names most */
    CHECK(o && !strcmp(o->country, "XKX"));
    const td_entity *k = find(d, "Kosovo");
    CHECK(k && k->kind == TD_ENT_PLACE && k->nmentions == 2);
    if (k && k->nmentions == 2)
        CHECK_SPAN(d->text, k->mentions[1].span, "Kosovo"); /* without 's */
    /* "Serbian" as an adjective is no entity; ids follow first mention */
    CHECK(find(d, "Serbian") == NULL);
    CHECK(d->nentities >= 1 && !strcmp(d->entities[0].name, "Aleksandar Vucic"));
    td_doc_free(d);
}

/* The country a role falls back to, a person's organization, and things
 * that the tagger took for persons. */
static void test_country_affiliation_and_things(void)
{
    built b;
    /* the country named most counts nationality adjectives, not plurals:
     * three "Serbs" abroad do not outweigh the country of the story */
    build(&b, "Dutch/M Prime Minister Lotte/P van/p Beek/p met ethnic Serbs/M , "
              "Serbs/M and Serbs/M . The Dutch/M economy suffered , said chief "
              "executive Hendrik/P Jansen/p . Germany/L was calm .");
    run_tags(&b);
    td_doc *d = b.doc;
    const td_entity *hj = find(d, "Hendrik Jansen");
    CHECK(hj && hj->role && !strcmp(hj->role, "chief executive") && !strcmp(hj->country, "NLD"));
    td_doc_free(d);
    /* an organization before the role, or after "of", is the person's */
    build(&b, "The/O Dutch/M economy shrank , ING/G chairman Maria/P Diaz/p said . "
              "Tom/P Ward/p , chairman of the Harbour/G Authority/g , agreed . "
              "Dutch/M Finance Minister Eva/P Dam/p spoke .");
    run_tags(&b);
    d = b.doc;
    const td_entity *diaz = find(d, "Maria Diaz"), *ward = find(d, "Tom Ward");
    const td_entity *ing = find(d, "ING"), *auth = find(d, "Harbour Authority");
    CHECK(diaz && ing && diaz->affiliation == (uint32_t)(ing - d->entities) + 1);
    CHECK(diaz && diaz->role && !strcmp(diaz->role, "chairman") && !diaz->country[0]);
    CHECK(ward && auth && ward->affiliation == (uint32_t)(auth - d->entities) + 1);
    const td_entity *dam = find(d, "Eva Dam");
    CHECK(dam && !dam->affiliation && !strcmp(dam->country, "NLD"));
    td_doc_free(d);
    /* a one-word "person" also written in the plural is a thing */
    build(&b, "Harrier/P jets landed . Two Harriers/O took off . Smith/P said so .");
    run_tags(&b);
    d = b.doc;
    const td_entity *jet = find(d, "Harrier");
    CHECK(jet && jet->kind == TD_ENT_OTHER);
    const td_entity *smith = find(d, "Smith");
    CHECK(smith && smith->kind == TD_ENT_PERSON);
    td_doc_free(d);
}

static void test_acronyms_and_hyphens(void)
{
    built b;
    build(&b, "The Kosovo/G Force/g ( KFOR/G ) and the North/G Atlantic/g Treaty/g "
              "Organization/g met . NATO/G said the UN/G Security/g Council/g must act "
              ". The Security/G Council/g agreed . NATO-backed troops left . "
              "Serbia-issued plates stay .");
    run_tags(&b);
    td_doc *d = b.doc;
    const td_entity *kf = find(d, "Kosovo Force");
    CHECK(kf && kf->kind == TD_ENT_ORG && kf->nmentions == 2);
    CHECK(find(d, "KFOR") == NULL);
    const td_entity *n = find(d, "North Atlantic Treaty Organization");
    CHECK(n && n->nmentions == 3);
    if (n && n->nmentions == 3) {
        CHECK_SPAN(d->text, n->mentions[1].span, "NATO");
        CHECK_SPAN(d->text, n->mentions[2].span, "NATO"); /* of NATO-backed */
    }
    const td_entity *un = find(d, "UN Security Council");
    CHECK(un && un->nmentions == 2);
    /* "UN" alone is not in the text: the acronym must not swallow others */
    CHECK(find(d, "Security Council") == NULL);
    /* a country before a hyphen */
    const td_entity *s = find(d, "Serbia");
    CHECK(s && s->kind == TD_ENT_PLACE && s->nmentions == 1);
    td_doc_free(d);
}

static void test_groups_and_facilities(void)
{
    built b;
    build(&b, "Ethnic/M Serbs/M protested as Kosovar/M police and NATO/G troops "
              "guarded Camp/L Bondsteel/l . Serbs/M said Albanians/M and Serbian/M "
              "officials met at Pristina/L Airport/l . The Serbian/M plates are "
              "Serb-majority/M .");
    run_tags(&b);
    td_doc *d = b.doc;
    const td_entity *s = find(d, "Ethnic Serbs");
    CHECK(s && s->kind == TD_ENT_GROUP && s->nmentions == 2);
    const td_entity *p = find(d, "Kosovar police");
    CHECK(p && p->kind == TD_ENT_GROUP);
    const td_entity *t = find(d, "NATO troops");
    CHECK(t && t->kind == TD_ENT_GROUP);
    const td_entity *n = find(d, "NATO");
    CHECK(n && n->kind == TD_ENT_ORG);
    const td_entity *a = find(d, "Albanians");
    CHECK(a && a->kind == TD_ENT_GROUP);
    const td_entity *o = find(d, "Serbian officials");
    CHECK(o && o->kind == TD_ENT_GROUP);
    const td_entity *c = find(d, "Camp Bondsteel");
    CHECK(c && c->kind == TD_ENT_FACILITY);
    const td_entity *ap = find(d, "Pristina Airport");
    CHECK(ap && ap->kind == TD_ENT_FACILITY);
    CHECK(find(d, "Serbian") == NULL && find(d, "Serb-majority") == NULL);
    td_doc_free(d);
}

static void test_joins_and_overrides(void)
{
    built b;
    build(&b, "Troops of the Federal/G Republic/g of Yugoslavia/L left the Balkans/G "
              "after the Battle/M of Kosovo/L . Officials of Serbia/L met .");
    run_tags(&b);
    td_doc *d = b.doc;
    const td_entity *f = find(d, "Federal Republic of Yugoslavia");
    CHECK(f && f->kind == TD_ENT_PLACE);
    CHECK(find(d, "Yugoslavia") == NULL);
    const td_entity *bt = find(d, "Battle of Kosovo");
    CHECK(bt && bt->kind == TD_ENT_OTHER);
    /* a region tagged as an organisation is still a place */
    const td_entity *bk = find(d, "Balkans");
    CHECK(bk && bk->kind == TD_ENT_PLACE);
    /* "of" after a word that heads no such names joins nothing */
    CHECK(find(d, "Serbia") != NULL);
    td_doc_free(d);
}

static void test_whole_stage(void)
{
    built b;
    build(&b, "Serbian President Aleksandar Vucic met officials of the European Union "
              "in Brussels on Monday . Vucic said Serbia wanted peace .");
    td_entities(b.doc);
    td_doc *d = b.doc;
    const td_entity *v = find(d, "Aleksandar Vucic");
    CHECK(v && v->kind == TD_ENT_PERSON && v->nmentions == 2);
    CHECK(v && v->role && !strcmp(v->role, "President") && !strcmp(v->country, "SRB"));
    const td_entity *eu = find(d, "European Union");
    CHECK(eu && eu->kind == TD_ENT_ORG);
    const td_entity *br = find(d, "Brussels");
    CHECK(br && br->kind == TD_ENT_PLACE);
    CHECK(find(d, "Monday") == NULL);
    td_doc_free(d);
    /* tokens of a caption (not analysed) give no entities */
    build(&b, "Aleksandar Vucic visited Brussels on Monday .");
    b.doc->anatomy.parts[0].kind = TD_PART_CAPTION;
    td_entities(b.doc);
    CHECK_EQ_INT(b.doc->nentities, 0);
    td_doc_free(b.doc);
    /* a document without tokens has no entities */
    td_doc *e = td_doc_new(engine, "Vucic", 5, NULL);
    td_entities(e);
    CHECK_EQ_INT(e->nentities, 0);
    td_doc_free(e);
}

int main(void)
{
    engine = check_engine(NULL);
    CHECK(engine->ner != NULL);
    RUN(test_roles_and_surnames);
    RUN(test_country_affiliation_and_things);
    RUN(test_acronyms_and_hyphens);
    RUN(test_groups_and_facilities);
    RUN(test_joins_and_overrides);
    RUN(test_whole_stage);
    td_engine_free(engine);
    return CHECK_REPORT();
}
