/* Unit tests of test plans (plan.h): the model a plan file gives, every
 * load-time check, playing cases (scripts, best/worst, times, relaxed),
 * every kind of expectation passing and failing with its message and
 * position, the shared safeguards of xmldoc (DOCTYPE, entities, files
 * that are not plans), and element positions of tags written over several
 * lines. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "diag.h"
#include "plan.h"
#include "scenario.h"

#define BILLING RAPPORT_SCENARIOS "/billing-error.xml"
#define PLAN_HEAD                                                             \
    "<?xml version=\"1.0\"?>\n<plan xmlns=\"" PLAN_NAMESPACE                  \
    "\" scenario=\"" BILLING "\">\n"

/* The diagnostics, sorted and printed, as a malloc'd string. */
static char *test_print(diag_list *diags)
{
    diag_sort(diags);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(diags, f);
    fclose(f);
    return buf;
}

static void test_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Writes text as a plan file and loads it; the diagnostics go to *out. */
static plan *test_load(const char *text, char **out)
{
    const char *path = RAPPORT_TEST_TMP "/t.plan.xml";
    test_write(path, text);
    diag_list *diags = diag_list_new();
    plan *p = plan_load_file(path, diags);
    *out = test_print(diags);
    diag_list_free(diags);
    return p;
}

/* Runs case i; the failures go to *out. */
static bool test_run(const plan *p, size_t i, plan_result *r, char **out)
{
    diag_list *diags = diag_list_new();
    bool ok = plan_run_case(p, i, diags, r);
    CHECK_INT(r->failures, diag_error_count(diags));
    *out = test_print(diags);
    diag_list_free(diags);
    return ok;
}

static void test_shipped_plans(void)
{
    static const char *const names[] = {"billing-error", "isp-promo-question",
                                        "telecom-outage"};
    for (size_t k = 0; k < 3; k++) {
        char path[512];
        snprintf(path, sizeof path, RAPPORT_SCENARIOS "/tests/%s.plan.xml",
                 names[k]);
        diag_list *diags = diag_list_new();
        plan *p = plan_load_file(path, diags);
        CHECK(p != NULL);
        CHECK_INT(diag_error_count(diags), 0);
        CHECK(p == NULL || p->case_count >= 3);
        for (size_t i = 0; p && i < p->case_count; i++) {
            plan_result r;
            bool ok = plan_run_case(p, i, diags, &r);
            CHECK(ok);
            CHECK(r.finished);
            plan_result_clear(&r);
        }
        if (diag_count(diags)) {
            diag_print(diags, stderr);
        }
        plan_free(p);
        diag_list_free(diags);
    }
}

static void test_model(void)
{
    char *out = NULL;
    plan *p = test_load(
        PLAN_HEAD
        "  <case name=\"one\" choices=\"2,3,2,2,2,2\" times=\"6,12.5\">\n"
        "    <expect outcome=\"resolved\" ending=\"resolved-cold\"\n"
        "            passed=\"false\" band=\"developing\" turns=\"6\"/>\n"
        "    <score empathy=\"5\" overall-min=\"50\" overall-max=\"60\"/>\n"
        "    <seen text=\"  Right.\n   Fine. \" in=\"ending\"/>\n"
        "    <not-seen text=\"x\" in=\"customer\"/>\n"
        "    <visited node=\"history\"/><not-visited node=\"caught\"/>\n"
        "  </case>\n"
        "  <case name=\"two\" choices=\"worst\" relaxed=\"true\"/>\n"
        "  <case name=\"three\" choices=\"best\"/>\n"
        "</plan>\n",
        &out);
    CHECK(p != NULL);
    CHECK_STR(out, "");
    free(out);
    if (!p) {
        return;
    }
    CHECK_STR(p->scenario_path, BILLING);
    CHECK(p->sc != NULL);
    CHECK_INT(p->case_count, 3);
    const plan_case *c = &p->cases[0];
    CHECK_STR(c->name, "one");
    CHECK_INT(c->script, PLAN_SCRIPT_LIST);
    CHECK_INT(c->choices.count, 6);
    CHECK_INT(c->choices.items[1].pos, 3);
    CHECK_INT(c->time_count, 2);
    CHECK_INT(c->times_ms[0], 6000);
    CHECK_INT(c->times_ms[1], 12500);
    CHECK(!c->relaxed);
    CHECK_INT(c->line, 3);
    CHECK_INT(c->col, 3);
    CHECK_INT(c->choices_line, 3);
    CHECK_INT(c->choices_col, 20);
    CHECK_INT(c->expect_count, 11);
    /* one expectation per attribute, at the attribute */
    CHECK_INT(c->expects[0].kind, PLAN_EXPECT_OUTCOME);
    CHECK_INT(c->expects[0].value, SCENARIO_OUTCOME_RESOLVED);
    CHECK_INT(c->expects[0].line, 4);
    CHECK_INT(c->expects[0].col, 13);
    CHECK_INT(c->expects[1].kind, PLAN_EXPECT_ENDING);
    CHECK_INT(c->expects[1].node, scenario_find(p->sc, "resolved-cold"));
    CHECK_INT(c->expects[2].kind, PLAN_EXPECT_PASSED);
    CHECK_INT(c->expects[2].value, 0);
    CHECK_INT(c->expects[2].line, 5);
    CHECK_INT(c->expects[2].col, 13);
    CHECK_INT(c->expects[3].kind, PLAN_EXPECT_BAND);
    CHECK_INT(c->expects[3].value, SCORE_BAND_DEVELOPING);
    CHECK_INT(c->expects[4].kind, PLAN_EXPECT_TURNS);
    CHECK_INT(c->expects[4].value, 6);
    CHECK_INT(c->expects[5].kind, PLAN_EXPECT_SCORE);
    CHECK_INT(c->expects[5].score, SCENARIO_DIM_EMPATHY);
    CHECK_INT(c->expects[5].min, 5);
    CHECK_INT(c->expects[5].max, 5);
    CHECK_INT(c->expects[6].score, PLAN_OVERALL);
    CHECK_INT(c->expects[6].min, 50);
    CHECK_INT(c->expects[6].max, 60);
    CHECK_INT(c->expects[6].line, 6);
    CHECK_INT(c->expects[6].col, 24);
    CHECK_INT(c->expects[7].kind, PLAN_EXPECT_SEEN);
    CHECK_STR(c->expects[7].text, "Right. Fine.");
    CHECK_INT(c->expects[7].where, PLAN_WHERE_ENDING);
    CHECK_INT(c->expects[8].kind, PLAN_EXPECT_NOT_SEEN);
    CHECK_INT(c->expects[8].where, PLAN_WHERE_CUSTOMER);
    CHECK_INT(c->expects[9].kind, PLAN_EXPECT_VISITED);
    CHECK_INT(c->expects[9].node, scenario_find(p->sc, "history"));
    CHECK_INT(c->expects[10].kind, PLAN_EXPECT_NOT_VISITED);
    CHECK_INT(c->expects[10].line, 10);
    CHECK_INT(c->expects[10].col, 43);
    CHECK_INT(p->cases[1].script, PLAN_SCRIPT_WORST);
    CHECK(p->cases[1].relaxed);
    CHECK_INT(p->cases[2].script, PLAN_SCRIPT_BEST);

    plan_result r;
    CHECK(test_run(p, 0, &r, &out));
    CHECK_STR(out, "");
    CHECK_STR(r.script, "2,3,2,2,2,2");
    CHECK_STR(r.ending_id, "resolved-cold");
    CHECK_INT(r.turns, 6);
    CHECK_INT(r.summary.dim[SCENARIO_DIM_EMPATHY], 5);
    plan_result_clear(&r);
    free(out);
    /* best and worst play exactly what rapport run plays (see the
     * golden debriefs billing-error-best and -worst) */
    CHECK(test_run(p, 1, &r, &out));
    CHECK_STR(r.script, "1,4,4,3,1,2");
    plan_result_clear(&r);
    free(out);
    CHECK(test_run(p, 2, &r, &out));
    CHECK_STR(r.script, "3,2,1,1,4,3");
    CHECK_INT(r.summary.overall, 99);
    plan_result_clear(&r);
    free(out);
    plan_free(p);
}

/* One case with one expectation: runs it and returns the failure text. */
static char *test_expect(const char *choices, const char *times,
                         const char *expectation, bool *passed)
{
    char text[2048];
    snprintf(text, sizeof text,
             PLAN_HEAD "  <case name=\"c\" choices=\"%s\"%s%s%s>\n"
                       "    %s\n  </case>\n</plan>\n",
             choices, times ? " times=\"" : "", times ? times : "",
             times ? "\"" : "", expectation);
    char *out = NULL;
    plan *p = test_load(text, &out);
    CHECK(p != NULL);
    if (!p) {
        fprintf(stderr, "%s", out);
        *passed = false;
        return out;
    }
    free(out);
    plan_result r;
    *passed = test_run(p, 0, &r, &out);
    plan_result_clear(&r);
    plan_free(p);
    return out;
}

#define EXPECT_PASS(choices, times, expectation)                              \
    do {                                                                      \
        bool passed_ = false;                                                 \
        char *out_ = test_expect(choices, times, expectation, &passed_);      \
        CHECK(passed_);                                                       \
        CHECK_STR(out_, "");                                                  \
        free(out_);                                                           \
    } while (0)

#define EXPECT_FAIL(choices, times, expectation, message)                     \
    do {                                                                      \
        bool passed_ = true;                                                  \
        char *out_ = test_expect(choices, times, expectation, &passed_);      \
        CHECK(!passed_);                                                      \
        CHECK_CONTAINS(out_, message);                                        \
        free(out_);                                                           \
    } while (0)

#define COLD "2,3,2,2,2,2"
#define WARM "3,2,1,1,4,3"

static void test_expectations(void)
{
    /* outcome, ending, passed, band, turns */
    EXPECT_PASS(COLD, NULL, "<expect outcome=\"resolved\"/>");
    EXPECT_FAIL("worst", NULL, "<expect outcome=\"resolved\"/>",
                "t.plan.xml:4:13: error: case 'c': expected outcome "
                "resolved, got lost (ending 'closing-account')\n");
    EXPECT_FAIL("1", "100", "<expect outcome=\"resolved\"/>",
                "expected outcome resolved, got lost (ending 'hung-up')");
    EXPECT_PASS(COLD, NULL, "<expect ending=\"resolved-cold\"/>");
    EXPECT_FAIL(COLD, NULL, "<expect ending=\"resolved-warm\"/>",
                "t.plan.xml:4:13: error: case 'c': expected ending "
                "'resolved-warm', got 'resolved-cold' (resolved)\n");
    EXPECT_PASS(WARM, NULL, "<expect passed=\"true\"/>");
    EXPECT_PASS(COLD, NULL, "<expect passed=\"0\"/>");
    EXPECT_FAIL(COLD, NULL, "<expect passed=\"true\"/>",
                "expected passed true, got false (overall 54, pass mark "
                "70)");
    EXPECT_PASS(COLD, NULL, "<expect band=\"developing\"/>");
    EXPECT_PASS("worst", NULL, "<expect band=\"needs-practice\"/>");
    EXPECT_FAIL(WARM, NULL, "<expect band=\"good\"/>",
                "expected band good, got excellent (overall 99)");
    EXPECT_PASS(WARM, NULL, "<expect turns=\"6\"/>");
    EXPECT_FAIL("1", "100", "<expect turns=\"6\"/>",
                "expected 6 turns, got 1 (ending 'hung-up')");
    /* scores: exact and ranges, per dimension and overall */
    EXPECT_PASS(COLD, NULL,
                "<score empathy=\"5\" honesty=\"73\" promptness=\"85\" "
                "overall=\"54\"/>");
    EXPECT_PASS(COLD, NULL,
                "<score empathy-max=\"5\" honesty-min=\"73\" "
                "promptness-min=\"80\" promptness-max=\"90\"/>");
    EXPECT_FAIL(COLD, NULL, "<score honesty=\"74\"/>",
                "t.plan.xml:4:12: error: case 'c': expected honesty 74, got "
                "73\n");
    EXPECT_FAIL(COLD, NULL, "<score overall-min=\"55\"/>",
                "expected overall at least 55, got 54");
    EXPECT_FAIL(COLD, NULL, "<score empathy-max=\"4\"/>",
                "expected empathy at most 4, got 5");
    EXPECT_FAIL(COLD, NULL,
                "<score promptness-min=\"86\" promptness-max=\"90\"/>",
                "expected promptness between 86 and 90, got 85");
    /* relaxed timing: a minute per reply runs out her patience (45 s
     * beyond the targets), unless timing is relaxed */
    EXPECT_FAIL(WARM, "60,60,60,60,60,60", "<expect outcome=\"resolved\"/>",
                "the call ended after 5 turns but the script has 6 choices");
    {
        char *out = NULL;
        plan *p =
            test_load(PLAN_HEAD "  <case name=\"c\" choices=\"" WARM
                                "\" times=\"60,60,60,60,60,60\" "
                                "relaxed=\"true\">\n"
                                "    <expect ending=\"resolved-warm\"/>\n"
                                "    <score promptness=\"97\"/>\n"
                                "  </case>\n</plan>\n",
                      &out);
        free(out);
        CHECK(p != NULL);
        plan_result r;
        CHECK(p && test_run(p, 0, &r, &out));
        if (p) {
            CHECK_STR(out, "");
            plan_result_clear(&r);
            free(out);
        }
        plan_free(p);
    }
    /* texts */
    EXPECT_PASS(COLD, NULL, "<seen text=\"Right. Fine. Bye.\"/>");
    EXPECT_PASS(COLD, NULL,
                "<seen text=\"Fixed, but she still\" in=\"ending\"/>");
    EXPECT_PASS(COLD, NULL,
                "<seen text=\"Account ending 2290\" in=\"customer\"/>");
    EXPECT_FAIL(COLD, NULL,
                "<seen text=\"Account ending 2290\" in=\"ending\"/>",
                "t.plan.xml:4:11: error: case 'c': expected to see "
                "\"Account ending 2290\" in the ending, but no text of the "
                "call contains it\n");
    EXPECT_FAIL(COLD, NULL, "<seen text=\"processed\" in=\"customer\"/>",
                "expected to see \"processed\" in what the customer says, "
                "but");
    EXPECT_FAIL(COLD, NULL, "<seen text=\"right. fine\"/>",
                "in what the customer says or the ending, but");
    EXPECT_PASS(WARM, NULL, "<not-seen text=\"Right. Fine. Bye.\"/>");
    EXPECT_FAIL(WARM, NULL, "<not-seen text=\"Account ending\"/>",
                "t.plan.xml:4:15: error: case 'c': expected not to see "
                "\"Account ending\" in what the customer says or the ending, "
                "but node 'history' shows it\n");
    EXPECT_FAIL(COLD, NULL, "<not-seen text=\"processed\"/>",
                "but ending 'resolved-cold' shows it");
    /* nodes */
    EXPECT_PASS("3,1,1,2,1,4,3", NULL, "<visited node=\"caught\"/>");
    EXPECT_PASS(WARM, NULL, "<visited node=\"resolved-warm\"/>");
    EXPECT_FAIL(WARM, NULL, "<visited node=\"caught\"/>",
                "t.plan.xml:4:14: error: case 'c': expected the call to pass "
                "through 'caught', but it did not (ending 'resolved-warm')\n");
    EXPECT_PASS(WARM, NULL, "<not-visited node=\"caught\"/>");
    EXPECT_FAIL("3,1,1,2,1,4,3", NULL, "<not-visited node=\"caught\"/>",
                "expected the call not to pass through 'caught', but it was "
                "there at turn 4");
    EXPECT_FAIL(WARM, NULL, "<not-visited node=\"resolved-warm\"/>",
                "but it ended there");
}

static void test_scripts(void)
{
    EXPECT_FAIL("1,1", NULL, "<expect outcome=\"resolved\"/>",
                "t.plan.xml:3:18: error: case 'c': the script ended after 2 "
                "choices but the call has not reached an ending (turn 3, "
                "node 'refund', options 1-4); add more choices\n");
    EXPECT_FAIL(WARM ",1", NULL, "<expect outcome=\"resolved\"/>",
                "the call ended after 6 turns but the script has 7 choices; "
                "remove the extra ones");
    EXPECT_FAIL("1,9", NULL, "<expect outcome=\"resolved\"/>",
                "choice 9 at turn 2 is not on offer: node 'history' offers "
                "options 1-4");
    EXPECT_FAIL("1", "100,1", "<expect outcome=\"lost\"/>",
                "t.plan.xml:3:30: error: case 'c': 2 times given but the "
                "call had only 1 turn\n");
    /* a failing script stops the case: its expectations are not checked */
    bool passed = true;
    char *out =
        test_expect("1,1", NULL, "<expect outcome=\"lost\"/>", &passed);
    CHECK(!passed);
    CHECK(strstr(out, "expected") == NULL);
    free(out);
}

/* Loads a plan that must be refused and checks one message. */
static void test_refused(const char *text, const char *message)
{
    char *out = NULL;
    plan *p = test_load(text, &out);
    CHECK(p == NULL);
    CHECK_CONTAINS(out, message);
    free(out);
    plan_free(p);
}

#define CASE(body)                                                            \
    PLAN_HEAD "  <case name=\"c\" choices=\"best\">" body "</case>\n</"       \
              "plan>\n"

static void test_load_errors(void)
{
    test_refused(CASE("<visited node=\"cuaght\"/>"),
                 "t.plan.xml:3:42: error: the scenario has no <node> or "
                 "<ending> 'cuaght'; did you mean 'caught'?\n");
    test_refused(CASE("<not-visited node=\"zzz\"/>"),
                 "error: the scenario has no <node> or <ending> 'zzz'\n");
    test_refused(CASE("<expect ending=\"refund\"/>"),
                 "'refund' is a <node>, not an <ending>");
    test_refused(CASE("<expect/>"), "<expect> checks nothing");
    test_refused(CASE("<score/>"), "<score> checks nothing");
    test_refused(CASE("<score overall=\"50\" overall-max=\"60\"/>"),
                 "give either overall= (an exact score) or overall-min= / "
                 "overall-max= (a range), not both");
    test_refused(CASE("<score honesty-min=\"60\" honesty-max=\"50\"/>"),
                 "honesty-min 60 is above honesty-max 50: no score can pass");
    test_refused(CASE("<score empathy=\"101\"/>"),
                 "<score> attribute 'empathy': ");
    test_refused(CASE("<expect band=\"great\"/>"),
                 "<expect> attribute 'band'");
    test_refused(CASE("<seen/>"), "<seen> needs the attribute 'text'");
    test_refused(CASE("<heard text=\"x\"/>"),
                 "<heard> is not allowed in <case>: it holds any mix of "
                 "<expect>, <score>, <seen>, <not-seen>, <visited> and "
                 "<not-visited>");
    test_refused(PLAN_HEAD "<case name=\"c\" choices=\"1,,2\"/></plan>",
                 "(option numbers 1-9 or choice ids separated by commas, "
                 "e.g. 2,refund,1, or best or worst)");
    test_refused(PLAN_HEAD "<case name=\"c\" choices=\"10\"/></plan>",
                 "attribute 'choices'");
    test_refused(PLAN_HEAD "<case name=\"c\" choices=\"1\" times=\"4,x\"/>"
                           "</plan>",
                 "(seconds separated by commas, e.g. 4.5,3,12)");
    test_refused(PLAN_HEAD "<case name=\"c\" choices=\"1\" times=\"86401\"/>"
                           "</plan>",
                 "a response time of 86401 s is over a day");
    test_refused(PLAN_HEAD "<case name=\"c\" choices=\"1\"/>"
                           "<case name=\"c\" choices=\"2\"/></plan>",
                 "t.plan.xml:3:35: error: duplicate case name 'c': line 3 "
                 "already uses it; names must be unique");
    test_refused(PLAN_HEAD "</plan>",
                 "t.plan.xml:2:1: error: <plan> needs at least one <case>: it "
                 "holds <case>...");
    test_refused("<plan xmlns=\"" PLAN_NAMESPACE "\"><case name=\"c\" "
                 "choices=\"1\"/></plan>",
                 "<plan> needs the attribute 'scenario'");
    /* the scenario: missing, or with errors of its own */
    test_refused("<plan xmlns=\"" PLAN_NAMESPACE "\" scenario=\"nope.xml\">"
                 "<case name=\"c\" choices=\"1\"/></plan>",
                 RAPPORT_TEST_TMP "/nope.xml: error: cannot open the file: "
                                  "no such file\n");
    test_refused("<plan xmlns=\"" PLAN_NAMESPACE "\" scenario=\"nope.xml\">"
                 "<case name=\"c\" choices=\"1\"/></plan>",
                 "t.plan.xml:1:34: error: the scenario " RAPPORT_TEST_TMP
                 "/nope.xml does not load (its errors are listed with it)");
    test_refused(
        "<plan xmlns=\"" PLAN_NAMESPACE "\" scenario=\"" RAPPORT_TEST_DATA
        "/four-problems.xml\"><case name=\"c\" choices=\"1\"/></plan>",
        "four-problems.xml:23:9: error: duplicate id 'middle'");
    /* not a plan */
    test_refused("<scenario xmlns=\"urn:rapport:scenario:1\"/>",
                 "error: the root element must be <plan "
                 "xmlns=\"urn:rapport:plan:1\">, found <scenario> in another "
                 "namespace");
    test_refused("", "error: the file is empty; a test plan starts with "
                     "<plan xmlns=\"urn:rapport:plan:1\" ...>");
    test_refused("<plan", "error: ");
}

/* The safeguards are the scenario loader's (xmldoc): a plan cannot read
 * other files or expand entities either. */
static void test_hostile(void)
{
    test_refused("<?xml version=\"1.0\"?>\n<!DOCTYPE plan [<!ENTITY x "
                 "SYSTEM \"/etc/passwd\">]>\n<plan xmlns=\"" PLAN_NAMESPACE
                 "\" scenario=\"" BILLING "\"><case name=\"a\" "
                 "choices=\"1\"/>&x;</plan>",
                 "t.plan.xml:2:1: error: <!DOCTYPE> is not allowed in test "
                 "plans");
    test_refused(PLAN_HEAD "<case name=\"c\" choices=\"best\"><seen "
                           "text=\"&nbsp;\"/></case></plan>",
                 "nbsp");
    test_refused(PLAN_HEAD "<xi:include xmlns:xi=\"http://www.w3.org/2001/"
                           "XInclude\" href=\"/etc/passwd\"/></plan>",
                 "XInclude is not supported: a test plan is one "
                 "self-contained file");
    diag_list *diags = diag_list_new();
    CHECK(plan_load_file(RAPPORT_TEST_DATA, diags) == NULL);
    char *out = test_print(diags);
    CHECK_CONTAINS(out, "is a directory, not a test plan file");
    free(out);
    diag_list_clear(diags);
    CHECK(plan_load_file("/dev/zero", diags) == NULL);
    out = test_print(diags);
    CHECK_CONTAINS(out, "is not a regular file");
    free(out);
    diag_list_clear(diags);
    /* over the size limit: refused before parsing */
    const char *big = RAPPORT_TEST_TMP "/big.plan.xml";
    FILE *f = fopen(big, "w");
    CHECK(f != NULL);
    if (f) {
        CHECK(fseek(f, (long)PLAN_MAX_FILE_BYTES, SEEK_SET) == 0);
        fputc('x', f);
        fclose(f);
    }
    CHECK(plan_load_file(big, diags) == NULL);
    out = test_print(diags);
    CHECK_CONTAINS(out, "test plan files are limited to 1 MiB");
    free(out);
    diag_list_free(diags);
    remove(big);
}

/* libxml2 records the line where a start tag ends: elements whose tag
 * spans lines are still reported where they begin (plans and
 * scenarios). */
static void test_multiline_positions(void)
{
    test_refused(PLAN_HEAD "  <case name=\"c\" choices=\"best\">\n"
                           "    <visited\n"
                           "       node=\"cuaght\"/>\n"
                           "    <expect\n"
                           "       outcome=\"lost\"/>\n"
                           "  </case>\n</plan>\n",
                 "t.plan.xml:5:8: error: the scenario has no <node>");
    static const char xml[] =
        "<scenario xmlns=\"" SCENARIO_NAMESPACE "\" id=\"m\">\n"
        "  <title>t</title><customer name=\"c\"/>\n"
        "  <node id=\"a\"><line>hi</line>\n"
        "    <choice next=\"b\"\n"
        "            empathy=\"1\"><say>x</say></choice>\n"
        "    <choice\n"
        "        next=\"nowhere\"><say>y</say></choice>\n"
        "  </node>\n"
        "  <ending id=\"b\" outcome=\"resolved\"/>\n"
        "</scenario>\n";
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_memory(xml, sizeof xml - 1, "m.xml", diags);
    CHECK(sc == NULL);
    char *out = test_print(diags);
    CHECK_CONTAINS(out, "m.xml:7:9: error: choice 2 of node 'a' goes to "
                        "'nowhere'");
    free(out);
    diag_list_free(diags);
}

static void test_relative_scenario(void)
{
    /* the scenario path is relative to the plan file's folder */
    const char *dir = RAPPORT_TEST_TMP "/plan-rel";
    mkdir(dir, 0755);
    test_write(RAPPORT_TEST_TMP "/plan-rel/p.plan.xml",
               "<plan xmlns=\"" PLAN_NAMESPACE "\" "
               "scenario=\"../plan-rel-scenario.xml\">"
               "<case name=\"c\" choices=\"1\"/></plan>");
    FILE *in = fopen(RAPPORT_TEST_DATA "/tiny.xml", "r");
    FILE *out = fopen(RAPPORT_TEST_TMP "/plan-rel-scenario.xml", "w");
    CHECK(in && out);
    int ch;
    while (in && out && (ch = fgetc(in)) != EOF) {
        fputc(ch, out);
    }
    if (in) {
        fclose(in);
    }
    if (out) {
        fclose(out);
    }
    diag_list *diags = diag_list_new();
    plan *p = plan_load_file(RAPPORT_TEST_TMP "/plan-rel/p.plan.xml", diags);
    CHECK(p != NULL);
    CHECK(p && strcmp(p->scenario_path, RAPPORT_TEST_TMP
                      "/plan-rel/../plan-rel-scenario.xml") == 0);
    CHECK(p && p->sc != NULL);
    plan_free(p);
    diag_list_free(diags);
}

int main(void)
{
    test_shipped_plans();
    test_model();
    test_expectations();
    test_scripts();
    test_load_errors();
    test_hostile();
    test_multiline_positions();
    test_relative_scenario();
    CHECK_STR(plan_band_name(SCORE_BAND_NEEDS_PRACTICE), "needs-practice");
    CHECK_INT(plan_band_from_name("excellent"), SCORE_BAND_EXCELLENT);
    CHECK_INT(plan_band_from_name("needs practice"), -1);
    return check_done("test_plan");
}
