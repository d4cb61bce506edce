/* Unit tests of critical mistakes: an option marked <critical> fails the
 * call whatever the score (with conditions, only when they hold as it is
 * chosen), and the debrief (text and JSON), the result record (read back
 * too), the HTML report, the xAPI statements (success false) and the class
 * report's CSV say so; lint refuses a critical mistake that rates as the
 * best option. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "check.h"
#include "debrief.h"
#include "diag.h"
#include "lint.h"
#include "report.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

#define TEST_START_MS INT64_C(1700000000000)

static scenario *test_load(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", RAPPORT_TEST_DATA, name);
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_file(path, diags);
    if (!sc) {
        diag_print(diags, stderr);
        exit(1);
    }
    diag_list_free(diags);
    return sc;
}

/* Plays choices by index into each node's choices (document order). */
static session *test_play(const scenario *sc, const int *index, size_t n)
{
    session *s = session_new(sc, NULL);
    for (size_t i = 0; i < n && !session_is_finished(s); i++) {
        int pos = session_position_of(s, index[i]);
        CHECK(pos >= 0);
        session_choose(s, (size_t)(pos < 0 ? 0 : pos), 3000);
    }
    CHECK(session_is_finished(s));
    return s;
}

static char *test_text(const debrief *d)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    debrief_write_text(d, f);
    fclose(f);
    return text;
}

static void test_loaded(const scenario *sc)
{
    const scenario_choice *rude = &sc->nodes[0].choices[2];
    CHECK_STR(rude->critical, "A remark about \"people like you\" singles "
                              "the customer out: discrimination fails the "
                              "call.");
    CHECK(!rude->critical_conditional);
    CHECK(rude->critical_line > 0 && rude->critical_col > 0);
    const scenario_choice *close = &sc->nodes[1].choices[0];
    CHECK(close->critical_conditional);
    CHECK_INT(close->critical_cond.if_count, 1);
    CHECK(sc->nodes[0].choices[0].critical == NULL);
}

static void test_verdicts(const scenario *sc)
{
    /* the best play passes */
    int best[] = {0, 0};
    session *s = test_play(sc, best, 2);
    debrief *d = debrief_new(s);
    CHECK(d->summary.passed);
    CHECK_INT(d->critical_count, 0);
    CHECK_INT(d->summary.critical_turns, 0);
    debrief_free(d);
    session_free(s);

    /* a guarantee corrected before the end: no critical mistake */
    int corrected[] = {1, 1};
    s = test_play(sc, corrected, 2);
    CHECK(!session_turn_at(s, 1)->critical);
    d = debrief_new(s);
    CHECK(d->summary.passed);
    debrief_free(d);
    session_free(s);

    /* the guarantee left standing: over the pass mark, not passed */
    int standing[] = {1, 0};
    s = test_play(sc, standing, 2);
    CHECK(session_turn_at(s, 1)->critical);
    CHECK(!session_turn_at(s, 0)->critical);
    d = debrief_new(s);
    CHECK(d->summary.overall >= sc->pass_mark);
    CHECK(!d->summary.passed);
    CHECK_INT(d->critical_count, 1);
    CHECK(d->turns[1].critical == sc->nodes[1].choices[0].critical);
    char *text = test_text(d);
    CHECK_CONTAINS(text, "not passed (pass mark 50; a critical mistake)");
    CHECK_CONTAINS(text, "CRITICAL MISTAKE: NOT PASSED WHATEVER THE SCORE");
    CHECK_CONTAINS(text, "  Turn 2: The Friday guarantee was never yours");
    CHECK_CONTAINS(text, "  Critical:    The Friday guarantee");
    free(text);
    char *json = debrief_to_json(d);
    cJSON *root = cJSON_Parse(json);
    const cJSON *list = cJSON_GetObjectItem(root, "critical_mistakes");
    CHECK_INT(cJSON_GetArraySize(list), 1);
    CHECK_INT(cJSON_GetNumberValue(
                  cJSON_GetObjectItem(cJSON_GetArrayItem(list, 0), "turn")),
              2);
    cJSON_Delete(root);
    free(json);

    result_info info = {.trainee = "Ana",
                        .started_ms = TEST_START_MS,
                        .ended_ms = TEST_START_MS + 6000,
                        .feedback_mode = RESULT_FEEDBACK_WITHHELD};
    json = result_record_json(d, &info, NULL);
    root = cJSON_Parse(json);
    CHECK(cJSON_IsFalse(cJSON_GetObjectItem(root, "passed")));
    list = cJSON_GetObjectItem(root, "critical_mistakes");
    CHECK_INT(cJSON_GetArraySize(list), 1);
    const cJSON *c0 = cJSON_GetArrayItem(list, 0);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(c0, "node")), "second");
    CHECK_INT(cJSON_GetNumberValue(cJSON_GetObjectItem(c0, "choice_index")),
              0);
    cJSON_Delete(root);
    result_record *rec = result_record_parse(json, strlen(json), "r", NULL);
    CHECK(rec && rec->critical_count == 1 && !rec->passed);

    /* the class report counts it */
    report *r = report_new();
    CHECK_INT(report_add(r, rec, NULL), 0);
    char *csv = report_csv(r, NULL);
    CHECK_CONTAINS(csv, "\"critical_mistakes\"\r\n");
    CHECK_CONTAINS(csv, "\"resolved\",\"6.0\",\"1\"\r\n");
    free(csv);
    char *page = report_html(r, NULL);
    CHECK_CONTAINS(page, "Critical mistakes");
    CHECK_CONTAINS(page, "1 of 1 (100%): not passed whatever the score");
    free(page);
    report_free(r);
    free(json);

    char *html = result_report_html(d, &info, NULL);
    CHECK_CONTAINS(html, "Critical mistake: not passed whatever the score");
    CHECK_CONTAINS(html, "NOT PASSED");
    free(html);

    char *xapi = result_xapi_json(d, &info, NULL);
    root = cJSON_Parse(xapi);
    int n = cJSON_GetArraySize(root);
    const cJSON *last = cJSON_GetArrayItem(root, n - 1);
    const cJSON *res = cJSON_GetObjectItem(last, "result");
    CHECK(cJSON_IsFalse(cJSON_GetObjectItem(res, "success")));
    CHECK_INT(cJSON_GetNumberValue(cJSON_GetObjectItem(
                  cJSON_GetObjectItem(res, "extensions"),
                  RESULT_XAPI_NS "/ext/critical-mistakes")),
              1);
    const cJSON *turn2 = cJSON_GetArrayItem(root, 1);
    CHECK_CONTAINS(cJSON_GetStringValue(cJSON_GetObjectItem(
                       cJSON_GetObjectItem(
                           cJSON_GetObjectItem(turn2, "result"), "extensions"),
                       RESULT_XAPI_NS "/ext/critical-mistake")),
                   "The Friday guarantee");
    cJSON_Delete(root);
    free(xapi);
    debrief_free(d);
    session_free(s);

    /* a discriminatory remark at turn 1 */
    int rude[] = {2, 2};
    s = test_play(sc, rude, 2);
    d = debrief_new(s);
    CHECK(!d->summary.passed);
    CHECK_INT(d->critical_count, 1);
    CHECK_INT(d->turns[0].number, 1);
    CHECK(d->turns[0].critical != NULL);
    debrief_free(d);
    session_free(s);
}

static void test_lint(void)
{
    static const char xml[] =
        "<scenario xmlns='urn:rapport:scenario:1' id='t'>\n"
        "<title>T</title><customer name='C'/>\n"
        "<node id='a'><line>x</line>\n"
        "<choice next='z' empathy='5' honesty='5'><say>best</say>\n"
        "<feedback>f</feedback>\n"
        "  <critical>wrongly marked</critical></choice>\n"
        "<choice next='z' empathy='1'><say>weak</say>"
        "<feedback>f</feedback></choice>\n"
        "</node><ending id='z' outcome='lost'/></scenario>\n";
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_memory(xml, strlen(xml), "t.xml", diags);
    CHECK(sc != NULL);
    lint_design(sc, diags);
    CHECK_INT(diag_error_count(diags), 1);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    diag_print(diags, f);
    fclose(f);
    CHECK_CONTAINS(text, "t.xml:6:3: error: choice 1 of node 'a' is marked "
                         "as a critical mistake but rates as the best "
                         "option");
    free(text);
    scenario_free(sc);
    diag_list_free(diags);

    /* the shipped-style use is clean: a conditional critical compared
     * with the correction offered under the same condition */
    diags = diag_list_new();
    sc = test_load("critical.xml");
    lint_design(sc, diags);
    CHECK_INT(diag_error_count(diags), 0);
    scenario_free(sc);
    diag_list_free(diags);
}

int main(void)
{
    scenario *sc = test_load("critical.xml");
    test_loaded(sc);
    test_verdicts(sc);
    test_lint();
    scenario_free(sc);
    return check_done("test_critical");
}
