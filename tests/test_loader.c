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
    CHECK(e && e->line == 12 && e->col == 25 && e->severity == DIAG_ERROR);
    CHECK_CONTAINS(e ? e->message : NULL, "'empathy'");
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
         "t.xml:2:17: error: closing tag </titel> does not match <title> "
         "opened on line 2"},
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
    test_missing_and_directory();
    return check_done("test_loader");
}
