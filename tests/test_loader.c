/* Unit tests of the scenario loader: the model it builds, defaults, and
 * every check it makes (schema, semantics, safety). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "check.h"
#include "diag.h"
#include "scenario.h"

#define HEAD                                                                  \
    "<?xml version=\"1.0\"?>\n<scenario xmlns=\"" SCENARIO_NAMESPACE          \
    "\" id=\"t\">\n"

/* Loads XML text; returns the scenario (or NULL) and the printed
 * diagnostics in *out (malloc'd). */
static scenario *test_load(const char *xml, char **out)
{
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_memory(xml, strlen(xml), "t.xml", diags);
    diag_sort(diags);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(diags, f);
    fclose(f);
    diag_list_free(diags);
    *out = buf;
    return sc;
}

static void test_tiny_model(void)
{
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_file(RAPPORT_TEST_DATA "/tiny.xml", diags);
    CHECK(sc != NULL);
    CHECK_INT(diag_count(diags), 0);
    if (!sc) {
        diag_print(diags, stderr);
        diag_list_free(diags);
        return;
    }
    CHECK_STR(sc->id, "tiny");
    CHECK_STR(sc->version, "1.0");
    CHECK_STR(sc->lang, "en");
    CHECK_STR(sc->title, "Tiny test scenario");
    CHECK_INT(sc->difficulty, 1);
    CHECK(sc->minutes > 1.99 && sc->minutes < 2.01);
    CHECK_INT(sc->channel, SCENARIO_CHANNEL_PHONE);
    CHECK_STR(sc->customer.name, "Test Customer");
    CHECK_INT(sc->customer.mood, SCENARIO_MOOD_ANNOYED);
    CHECK_INT(sc->customer.patience_ms, 20000);
    CHECK_STR(sc->customer.timeout, "hung-up");
    CHECK_INT(sc->customer.timeout_index, scenario_find(sc, "hung-up"));
    CHECK_INT(sc->pass_mark, 60);
    CHECK_INT(sc->weight[SCENARIO_DIM_EMPATHY], 2);
    CHECK_INT(sc->weight[SCENARIO_DIM_HONESTY], 1);
    CHECK_INT(sc->node_count, 6);
    CHECK_INT(sc->start_index, 0);
    const scenario_node *start = &sc->nodes[0];
    CHECK_STR(start->id, "start");
    CHECK_INT(start->target_ms, 10000);
    CHECK_INT(start->line_count, 1);
    CHECK_INT(start->lines[0].expression, SCENARIO_EXPR_ANNOYED);
    CHECK_INT(start->choice_count, 2);
    const scenario_choice *c = &start->choices[0];
    CHECK_STR(c->say, "I'm sorry it's late. Let me look right now.");
    CHECK_INT(c->rating[SCENARIO_DIM_EMPATHY], 3);
    CHECK_INT(c->mood_change, 20);
    CHECK_INT(c->principles, 1u << SCENARIO_PRINCIPLE_ACKNOWLEDGE);
    CHECK_INT(c->set_count, 1);
    CHECK_STR(c->set_flags[0], "apologised");
    CHECK_INT(c->next_index, 1);
    CHECK_INT(c->line, 11);
    CHECK_INT(c->col, 5);
    const scenario_choice *b = &sc->nodes[1].choices[0];
    CHECK_INT(b->branch_count, 1);
    CHECK_INT(b->branches[0].next_index, scenario_find(sc, "warm-end"));
    CHECK_INT(b->branches[0].cond.min_mood, 60);
    CHECK_INT(b->branches[0].cond.max_mood, 100);
    CHECK_STR(b->branches[0].cond.if_flags[0], "apologised");
    /* derived target: 5 s + 0.3 s x 22 words (line and both options) */
    CHECK_INT(scenario_target_ms(&sc->nodes[1]), 5000 + 300 * 22);
    const scenario_node *warm = &sc->nodes[scenario_find(sc, "warm-end")];
    CHECK(warm->is_ending);
    CHECK_STR(warm->title, "Resolved warmly");
    CHECK_INT(warm->outcome, SCENARIO_OUTCOME_RESOLVED);
    CHECK_INT(sc->nodes[scenario_find(sc, "angry-end")].outcome,
              SCENARIO_OUTCOME_LOST);
    scenario_free(sc);
    diag_list_free(diags);
}

static void test_defaults_and_whitespace(void)
{
    char *out;
    scenario *sc =
        test_load(HEAD "<title>\n   Spread   over\n\tlines  </title>\n"
                       "<customer name='Al'/>\n"
                       "<node id='a'><line>  Hi \n there </line>"
                       "<choice next='z'><say>x</say></choice></node>\n"
                       "<ending id='z' outcome='partial'/>\n</scenario>\n",
                  &out);
    CHECK(sc != NULL);
    CHECK_STR(out, "");
    if (sc) {
        CHECK_STR(sc->title, "Spread over lines");
        CHECK_STR(sc->nodes[0].lines[0].text, "Hi there");
        CHECK_INT(sc->nodes[0].lines[0].expression, SCENARIO_EXPR_AUTO);
        CHECK_INT(sc->customer.mood, SCENARIO_MOOD_CALM);
        CHECK_INT(sc->customer.patience_ms, 60000);
        CHECK_INT(sc->customer.timeout_index, -1);
        CHECK_INT(sc->difficulty, 2);
        CHECK_INT(sc->pass_mark, 70);
        CHECK_STR(sc->version, "1");
        CHECK_INT(sc->start_index, 0);
        CHECK(sc->summary == NULL);
        CHECK(sc->nodes[0].choices[0].feedback == NULL);
    }
    scenario_free(sc);
    free(out);
}

static void test_four_problems_in_one_run(void)
{
    diag_list *diags = diag_list_new();
    scenario *sc =
        scenario_load_file(RAPPORT_TEST_DATA "/four-problems.xml", diags);
    CHECK(sc == NULL);
    diag_sort(diags);
    CHECK_INT(diag_error_count(diags), 3);
    CHECK_INT(diag_warning_count(diags), 2);
    const diag_entry *e = diag_get(diags, 0);
    CHECK(e && e->line == 12 && e->col == 34 && e->severity == DIAG_ERROR);
    CHECK_CONTAINS(e ? e->message : NULL, "'empathy'");
    /* the value itself is pointed at, with the type's rule in words */
    CHECK_CONTAINS(e ? e->message : NULL,
                   "'high' is not valid (ratings are whole numbers");
    e = diag_get(diags, 1);
    CHECK(e && e->line == 15 && e->col == 13);
    CHECK_CONTAINS(e ? e->message : NULL, "did you mean 'middle'");
    e = diag_get(diags, 3);
    CHECK(e && e->line == 23 && e->severity == DIAG_ERROR);
    CHECK_CONTAINS(e ? e->message : NULL, "duplicate id 'middle'");
    e = diag_get(diags, 4);
    CHECK(e && e->line == 27 && e->severity == DIAG_WARNING);
    CHECK_CONTAINS(e ? e->message : NULL, "'orphan' can never be reached");
    diag_list_free(diags);
}

static void test_refusals(void)
{
    static const struct {
        const char *xml;
        const char *expect;
    } cases[] = {
        {"", "the file is empty"},
        {"<scenario", "t.xml:1:"},
        {"<scenario xmlns='" SCENARIO_NAMESPACE "' id='t'>\n<title>x</titel>"
         "</scenario>",
         "t.xml:2:9: error: <title> opened on line 2 is closed by </titel>: "
         "write </title> (check the spelling)"},
        {"<scenario xmlns='" SCENARIO_NAMESPACE "' id='t'>\n<title>x",
         "the file ends before <title> (opened on line 2) is closed"},
        {"<?xml version='1.0'?><!DOCTYPE s [<!ENTITY e 'x'>]>\n"
         "<scenario xmlns='" SCENARIO_NAMESPACE "' id='t'><title>&e;</title>"
         "</scenario>",
         "t.xml:1:22: error: <!DOCTYPE> is not allowed"},
        {"<scenario xmlns='" SCENARIO_NAMESPACE "' id='t'>\n"
         "<title>a &amp; &#233; &undefined;</title></scenario>",
         "t.xml:2:"},
        {"<scenario id='t'><title>x</title></scenario>",
         "t.xml:1:1: error: the root element must be <scenario xmlns="},
        {"<other xmlns='" SCENARIO_NAMESPACE "'/>", "found <other>"},
        {HEAD "<title>x</title><customer name='c'/>\n"
              "<node id='a'><line>x</line></node><ending id='z' "
              "outcome='lost'/></scenario>",
         "node 'a' has no <choice>"},
        {HEAD "<title>x</title><customer name='c'/>\n"
              "<node id='a'><line>x</line><choice next='z' min-mood='50'>"
              "<say>s</say></choice></node><ending id='z' outcome='lost'/>"
              "</scenario>",
         "every choice of node 'a' has a condition"},
        {HEAD "<title>x</title><customer name='c'/>\n"
              "<node id='a'><line>x</line><choice next='a'><say>s</say>"
              "</choice></node><ending id='z' outcome='lost'/></scenario>",
         "no <ending> can be reached"},
        {HEAD "<title>x</title><customer name='c'/>\n"
              "<node id='a'><line>x</line><choice next='z'><say>s</say>"
              "<branch next='z' min-mood='70' max-mood='20'/>"
              "</choice></node><ending id='z' outcome='lost'/></scenario>",
         "min-mood 70 is above max-mood 20"},
        {"<scenario xmlns='" SCENARIO_NAMESPACE "' id='t' start='z'>"
         "<title>x</title><customer name='c'/>\n"
         "<node id='a'><line>x</line><choice next='z'><say>s</say>"
         "</choice></node><ending id='z' outcome='lost'/></scenario>",
         "start='z' names an <ending>"},
        {HEAD "<title>x</title><customer name='c'/>\n"
              "<node id='a'><line>x</line><choice next='z'><say>s</say>"
              "<xi:include xmlns:xi='http://www.w3.org/2001/XInclude' "
              "href='/etc/passwd'/></choice></node>"
              "<ending id='z' outcome='lost'/></scenario>",
         "XInclude is not supported"},
        {HEAD "<title>x</title><customer name='c'/>\n"
              "<ending id='z' outcome='lost'/></scenario>",
         "the scenario has no <node>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out;
        scenario *sc = test_load(cases[i].xml, &out);
        CHECK(sc == NULL);
        CHECK_CONTAINS(out, cases[i].expect);
        scenario_free(sc);
        free(out);
    }
}

/* Loads a scenario that must be refused with exactly one error, whose
 * printed line contains expect. */
static void check_one_error(const char *xml, const char *expect)
{
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_memory(xml, strlen(xml), "t.xml", diags);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(diags, f);
    fclose(f);
    CHECK(sc == NULL);
    CHECK_CONTAINS(buf, expect);
    /* one mistake, one message: libxml2's echoes are left out */
    CHECK_INT(diag_error_count(diags), 1);
    if (diag_error_count(diags) != 1) {
        fprintf(stderr, "  %s", buf);
    }
    free(buf);
    scenario_free(sc);
    diag_list_free(diags);
}

/* libxml2's errors in plain words, one message per mistake. Each case is
 * a small scenario with one mistake; the message must be the only error,
 * at the position of the mistake. */
#define BODY_START "<title>x</title><customer name='c'/>\n<node id='a'>\n"
#define BODY_END                                                              \
    "<choice next='z'><say>s</say></choice></node>\n"                         \
    "<ending id='z' outcome='lost'/></scenario>\n"

static void test_plain_xml_errors(void)
{
    static const struct {
        const char *xml;
        const char *expect;
    } cases[] = {
        /* a bare ampersand; an unknown name; a reference without ';' */
        {HEAD BODY_START "<line>Salt & pepper</line>\n" BODY_END,
         "t.xml:5:12: error: a bare '&': write &amp; for an ampersand"},
        {HEAD BODY_START "<line>AT&T</line>\n" BODY_END,
         "t.xml:5:9: error: a bare '&' (in '&T'): write &amp; for an "
         "ampersand"},
        {HEAD BODY_START "<line>caf&eacute;</line>\n" BODY_END,
         "t.xml:5:10: error: '&eacute;' is an HTML name that XML does not "
         "know: type '\xC3\xA9' itself (the file is UTF-8) or write &#233;"},
        {HEAD BODY_START "<line>caf&#233 ok</line>\n" BODY_END,
         "t.xml:5:10: error: '&#233' is not a valid character reference"},
        /* '<' in text and in an attribute */
        {HEAD BODY_START "<line>1 < 2</line>\n" BODY_END,
         "t.xml:5:9: error: '<' in text: write &lt;"},
        {HEAD BODY_START "<line>x</line>\n"
                         "<choice next='z' set='a<b'><say>s</say></choice>"
                         "</node>\n<ending id='z' outcome='lost'/>"
                         "</scenario>\n",
         "t.xml:6:24: error: '<' in the value of attribute 'set': write "
         "&lt;"},
        /* attributes: no quotes, no closing quote, no '=', twice, no
         * space, text in a tag */
        {HEAD BODY_START "<line>x</line>\n<choice next=z><say>s</say>"
                         "</choice></node>\n<ending id='z' outcome='lost'/>"
                         "</scenario>\n",
         "t.xml:6:9: error: the value of attribute 'next' needs quotes: "
         "write next=\"z\""},
        {HEAD BODY_START "<line>x</line>\n<choice next=\"z empathy=\"3\">"
                         "<say>s</say></choice></node>\n"
                         "<ending id='z' outcome='lost'/></scenario>\n",
         "t.xml:6:9: error: the value of attribute 'next' (opened on line "
         "6) has no closing quote: add \" where it ends"},
        {HEAD BODY_START "<line expression 'calm'>x</line>\n" BODY_END,
         "t.xml:5:7: error: attribute 'expression' has no '=': write "
         "expression=\"...\""},
        {HEAD BODY_START
         "<line expression='calm' expression='sad'>x</line>\n" BODY_END,
         "t.xml:5:25: error: attribute 'expression' is written twice in "
         "<line>: keep one"},
        {HEAD BODY_START "<line>x</line>\n<choice next='z'empathy='3'>"
                         "<say>s</say></choice></node>\n"
                         "<ending id='z' outcome='lost'/></scenario>\n",
         "t.xml:6:17: error: attributes need a space between them: write a "
         "space before 'empathy'"},
        {HEAD BODY_START "<line I am late>x</line>\n" BODY_END,
         "t.xml:5:7: error: 'I' in the start tag <line> is not an attribute"},
        /* tags: misspelt, not closed, no '>' */
        {HEAD BODY_START "<line>x</lien>\n" BODY_END,
         "t.xml:5:8: error: <line> opened on line 5 is closed by </lien>: "
         "write </line> (check the spelling)"},
        {HEAD BODY_START "<line>x</line>\n<choice next='z'><say>s</choice>"
                         "</node>\n<ending id='z' outcome='lost'/>"
                         "</scenario>\n",
         "t.xml:6:24: error: <say> opened on line 6 is closed by </choice>: "
         "close <say> first with </say>, or fix the tag that is misspelt"},
        {HEAD BODY_START "<line expression='calm'\n" BODY_END,
         "t.xml:6:1: error: the start tag <line> on line 5 has no '>': end "
         "it with '>'"},
        {HEAD BODY_START "<line>x</line\n" BODY_END,
         "the closing tag </line has no '>': write </line>"},
        {HEAD BODY_START "<line>x</line>\n" BODY_END "<extra/>\n",
         "t.xml:8:1: error: something follows the end of <scenario>"},
        /* comments, declaration, namespace */
        {HEAD BODY_START "<!-- a -- b -->\n<line>x</line>\n" BODY_END,
         "error: '--' inside a comment"},
        {HEAD BODY_START "<!-- never closed\n<line>x</line>\n" BODY_END,
         "t.xml:5:1: error: this comment is never closed: end it with -->"},
        {"\n<?xml version='1.0'?>\n<scenario xmlns='" SCENARIO_NAMESPACE
         "' id='t'>" BODY_START "<line>x</line>\n" BODY_END,
         "t.xml:2:1: error: <?xml ...?> must be the very first thing in the "
         "file"},
        {"<scenario xmlns='" SCENARIO_NAMESPACE "' id='t'\n"
         "  xsi:schemaLocation='urn:rapport:scenario:1 x.xsd'>" BODY_START
         "<line>x</line>\n" BODY_END,
         "t.xml:2:3: error: the prefix 'xsi:' of 'xsi:schemaLocation' is "
         "not declared: add "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" to "
         "<scenario>"},
        {"<?xml version='1.0 encoding='UTF-8'?>\n<scenario "
         "xmlns='" SCENARIO_NAMESPACE "' id='t'>" BODY_START
         "<line>x</line>\n" BODY_END,
         "t.xml:1:19: error: the XML declaration is broken: write it as "
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"},
        {HEAD BODY_START "<line>x\x01y</line>\n" BODY_END,
         "t.xml:5:8: error: control character U+0001 is not allowed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_one_error(cases[i].xml, cases[i].expect);
    }
}

/* Schema errors about elements: the order, what is missing, what is
 * unknown, worked out from the schema; an unknown word in a list is
 * reported once. */
static void test_plain_schema_errors(void)
{
    static const struct {
        const char *xml;
        const char *expect;
    } cases[] = {
        {HEAD BODY_START "<line>x</line>\n<choice next='z'><say>s</say>"
                         "</choice></node>\n<ending id='z' outcome='lost'>"
                         "<feedback>f</feedback><line>l</line></ending>"
                         "</scenario>\n",
         "t.xml:7:53: error: <line> cannot come after <feedback> in "
         "<ending>: the order is <line>..., then <feedback>"},
        {HEAD BODY_START "<line>x</line>\n<choice next='z'><feedback>f"
                         "</feedback><say>s</say></choice></node>\n"
                         "<ending id='z' outcome='lost'/></scenario>\n",
         "t.xml:6:18: error: <feedback> cannot come before <say> in "
         "<choice>: the order is <say>, then <feedback>, then <critical>, "
         "then <branch>..."},
        {HEAD BODY_START "<choice next='z'><say>s</say></choice></node>\n"
                         "<ending id='z' outcome='lost'/></scenario>\n",
         "t.xml:5:1: error: <node> needs <line> before <choice>: the order "
         "is <line>..., then <choice>..."},
        {HEAD "<title>x</title>\n<node id='a'><line>x</line>" BODY_END,
         "t.xml:4:1: error: <scenario> needs <customer> before <node>"},
        {HEAD "<title>x</title><title>y</title><customer name='c'/>\n"
              "<node id='a'><line>x</line>" BODY_END,
         "t.xml:3:17: error: <scenario> can have only one <title>"},
        {HEAD BODY_START "<line>x</line>\n<choice next='z'><say>s</say>"
                         "<feedbak>f</feedbak></choice></node>\n"
                         "<ending id='z' outcome='lost'/></scenario>\n",
         "t.xml:6:30: error: <feedbak> is not allowed in <choice>; did you "
         "mean <feedback>?"},
        {HEAD BODY_START "<line>x <b>y</b></line>\n" BODY_END,
         "t.xml:5:9: error: <b> cannot go inside <line>: <line> holds only "
         "text"},
        {HEAD BODY_START "Hello<line>x</line>\n" BODY_END,
         "error: <node> cannot hold text of its own: text goes inside its "
         "elements (the order is <line>..., then <choice>...)"},
        {HEAD BODY_START "<line>x</line>\n<choice next='z' emapthy='3'>"
                         "<say>s</say></choice></node>\n"
                         "<ending id='z' outcome='lost'/></scenario>\n",
         "t.xml:6:18: error: <choice> has no attribute 'emapthy'; did you "
         "mean 'empathy'? Its attributes are id, next, empathy, honesty, "
         "promptness, mood, principles, set, clear, pinned, if-flags, "
         "unless-flags, min-mood, max-mood"},
        /* one message for a bad word in a list, at the word */
        {HEAD BODY_START "<line>x</line>\n<choice next='z' "
                         "principles='integrity listenin'><say>s</say>"
                         "</choice></node>\n<ending id='z' outcome='lost'/>"
                         "</scenario>\n",
         "t.xml:6:40: error: <choice> attribute 'principles': 'listenin' is "
         "not an allowed value; did you mean 'listening'? Allowed: "
         "acknowledge, listening, sincerity, composure, integrity, "
         "understanding, promptness, value, fairness, clarity, ownership, "
         "respect, adaptability, knowledge"},
        {HEAD BODY_START "<line>x</line>\n<choice next='z' set='ok 9lives'>"
                         "<say>s</say></choice></node>\n"
                         "<ending id='z' outcome='lost'/></scenario>\n",
         "t.xml:6:26: error: <choice> attribute 'set': '9lives' is not "
         "valid (ids separated by spaces"},
        {HEAD BODY_START "<line expression='anoyed'>x</line>\n" BODY_END,
         "'anoyed' is not an allowed value; did you mean 'annoyed'?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_one_error(cases[i].xml, cases[i].expect);
    }
}

/* mood="+10" on <customer> is accepted as 10, with a warning. */
static void test_start_mood_sign(void)
{
    char *out;
    scenario *sc =
        test_load(HEAD "<title>x</title><customer name='c' mood='+10'/>\n"
                       "<node id='a'><line>x</line>" BODY_END,
                  &out);
    CHECK(sc != NULL);
    CHECK(sc && sc->customer.mood == 10);
    CHECK_CONTAINS(out, "t.xml:3:36: warning: a customer's starting mood is "
                        "a level from 0 to 100, not a change");
    scenario_free(sc);
    free(out);
    sc = test_load(HEAD "<title>x</title><customer name='c' mood='10'/>\n"
                        "<node id='a'><line>x</line>" BODY_END,
                   &out);
    CHECK(sc != NULL);
    CHECK_STR(out, "");
    scenario_free(sc);
    free(out);
}

static void test_warnings_do_not_fail(void)
{
    char *out;
    scenario *sc = test_load(
        HEAD "<title>x</title><customer name='c'/>\n"
             "<node id='a'><line>x</line>\n"
             "<choice next='z' if-flags='never'><say>s</say></choice>\n"
             "<choice next='z'><say>s</say></choice></node>\n"
             "<ending id='z' outcome='lost'/>\n"
             "<ending id='unused' outcome='resolved'/></scenario>",
        &out);
    CHECK(sc != NULL);
    CHECK_CONTAINS(out, "t.xml:5:18: warning: flag 'never' is tested");
    CHECK_CONTAINS(out, "t.xml:8:1: warning: ending 'unused' can never be "
                        "reached");
    scenario_free(sc);
    free(out);
}

static void test_missing_and_directory(void)
{
    diag_list *diags = diag_list_new();
    CHECK(scenario_load_file(RAPPORT_TEST_DATA "/no-such-file.xml", diags) ==
          NULL);
    CHECK_CONTAINS(diag_get(diags, 0)->message, "no such file");
    diag_list_clear(diags);
    CHECK(scenario_load_file(RAPPORT_TEST_DATA, diags) == NULL);
    CHECK_CONTAINS(diag_get(diags, 0)->message, "is a directory");
    diag_list_clear(diags);
    CHECK(scenario_load_file("/dev/null", diags) == NULL);
    CHECK_CONTAINS(diag_get(diags, 0)->message, "not a regular file");
    diag_list_free(diags);
}

int main(void)
{
    scenario_free(NULL);
    CHECK_INT(scenario_find(NULL, "x"), -1);
    CHECK_INT(scenario_expression_for_mood(0), SCENARIO_EXPR_FURIOUS);
    CHECK_INT(scenario_expression_for_mood(25), SCENARIO_EXPR_IRATE);
    CHECK_INT(scenario_expression_for_mood(40), SCENARIO_EXPR_ANNOYED);
    CHECK_INT(scenario_expression_for_mood(60), SCENARIO_EXPR_CALM);
    CHECK_INT(scenario_expression_for_mood(100), SCENARIO_EXPR_HAPPY);
    CHECK_INT(scenario_principle_from_name("integrity"),
              SCENARIO_PRINCIPLE_INTEGRITY);
    CHECK_INT(scenario_outcome_from_name("nope"), -1);
    test_tiny_model();
    test_defaults_and_whitespace();
    test_four_problems_in_one_run();
    test_refusals();
    test_warnings_do_not_fail();
    test_plain_xml_errors();
    test_plain_schema_errors();
    test_start_mood_sign();
    test_missing_and_directory();
    return check_done("test_loader");
}
