/* Unit tests of choice ids and scripts of choices: parsing option numbers
 * and ids, resolving them at a session's node (the same option whatever
 * its place when shuffled, past a conditional option, refused when not on
 * offer or unknown), the loader refusing an id used twice in a node at
 * FILE:LINE:COL, and test plans naming choices by id. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "check.h"
#include "choices.h"
#include "diag.h"
#include "plan.h"
#include "scenario.h"
#include "session.h"

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

static void test_parse(void)
{
    char err[300];
    choices_list l = {NULL, 0};
    CHECK_INT(choices_parse("2,refund,1,a-b.c_d", 10, &l, err, sizeof err), 0);
    CHECK_INT(l.count, 4);
    CHECK_INT(l.items[0].pos, 2);
    CHECK(l.items[0].id == NULL);
    CHECK_STR(l.items[1].id, "refund");
    CHECK_INT(l.items[1].pos, 0);
    CHECK_STR(l.items[3].id, "a-b.c_d");
    char buf[80];
    CHECK_STR(choices_item_text(&l.items[1], buf, sizeof buf), "refund");
    CHECK_STR(choices_item_text(&l.items[2], buf, sizeof buf), "1");
    /* refused: the list keeps what it had */
    static const char *const bad[] = {"",   "1,,2", "0",   "10", "1,2x",
                                      "-a", "a b",  "1,é", "x,"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(choices_parse(bad[i], 10, &l, err, sizeof err), -1);
        CHECK_INT(l.count, 4);
    }
    CHECK_CONTAINS(err, "neither an option number 1-9 nor a choice id");
    CHECK_INT(choices_parse("1,2,3", 5, &l, err, sizeof err), -1);
    CHECK_CONTAINS(err, "more than 5 choices");
    CHECK_INT(l.count, 4);
    char longid[80];
    memset(longid, 'a', 65);
    longid[65] = '\0';
    CHECK_INT(choices_parse(longid, 10, &l, err, sizeof err), -1);
    longid[64] = '\0';
    CHECK_INT(choices_parse(longid, 10, &l, err, sizeof err), 0);
    choices_clear(&l);
    CHECK(l.items == NULL && l.count == 0);
    choices_clear(NULL);
}

static int test_resolve_text(const session *s, const char *text, char *err,
                             size_t len)
{
    choices_item it;
    if (!choices_parse_item(text, strlen(text), &it)) {
        return -2;
    }
    int pos = choices_resolve(s, &it, err, len);
    free(it.id);
    return pos;
}

static void test_resolve(const scenario *sc)
{
    char err[300];
    for (uint64_t seed = 0; seed < 20; seed++) {
        session_options opt = {.shuffle = seed > 0, .seed = seed};
        session *s = session_new(sc, &opt);
        /* an id names the same option wherever it is shown */
        int pos = test_resolve_text(s, "promise", err, sizeof err);
        CHECK(pos >= 0);
        CHECK_INT(session_offered_index(s, (size_t)pos), 2);
        CHECK_INT(test_resolve_text(s, "hold", err, sizeof err), 3);
        CHECK_INT(test_resolve_text(s, "5", err, sizeof err), -1);
        CHECK_STR(err, "choice 5 at turn 1 is not on offer: node 'start' "
                       "offers options 1-4");
        CHECK_INT(test_resolve_text(s, "refund", err, sizeof err), -1);
        CHECK_STR(err, "choice 'refund' at turn 1: node 'start' has no "
                       "choice with that id (its ids: trace, blame, "
                       "promise, hold)");
        /* "blame" leaves "tracked" off the next turn: "resend" is then
         * option 1, and "tracked" is refused */
        session_choose(s, (size_t)test_resolve_text(s, "blame", err, 300),
                       1000);
        CHECK_INT(session_offered_count(s), 2);
        CHECK_INT(test_resolve_text(s, "tracked", err, sizeof err), -1);
        CHECK_STR(err, "choice 'tracked' at turn 2 is not on offer: its "
                       "conditions at node 'second' do not hold");
        pos = test_resolve_text(s, "resend", err, sizeof err);
        CHECK_INT(session_offered_index(s, (size_t)pos), 1);
        session_choose(s, (size_t)pos, 1000);
        CHECK_INT(test_resolve_text(s, "1", err, sizeof err), -1);
        CHECK_STR(err, "the call has already ended");
        session_free(s);
    }
}

static void test_duplicate_ids(void)
{
    static const char xml[] =
        "<scenario xmlns='urn:rapport:scenario:1' id='t'>\n"
        "<title>T</title><customer name='C'/>\n"
        "<node id='a'><line>x</line>\n"
        "<choice id='same' next='z'><say>one</say></choice>\n"
        "  <choice id='same' next='z'><say>two</say></choice>\n"
        "<choice id='other' next='z'><say>three</say></choice>\n"
        "</node><node id='b'><line>y</line>\n"
        "<choice id='same' next='z'><say>fine here</say></choice>\n"
        "</node><ending id='z' outcome='lost'/></scenario>\n";
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_memory(xml, strlen(xml), "t.xml", diags);
    CHECK(sc == NULL);
    CHECK_INT(diag_error_count(diags), 1);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    diag_print(diags, f);
    fclose(f);
    CHECK_CONTAINS(text, "t.xml:5:11: error: duplicate choice id 'same' in "
                         "node 'a': line 4 already has it");
    free(text);
    diag_list_free(diags);
    scenario_free(sc);
}

static void test_plan_ids(void)
{
    diag_list *diags = diag_list_new();
    plan *p = plan_load_file(RAPPORT_TEST_DATA "/ids.plan.xml", diags);
    CHECK(p != NULL);
    CHECK_INT(diag_count(diags), 0);
    if (!p) {
        diag_print(diags, stderr);
        diag_list_free(diags);
        return;
    }
    CHECK_INT(p->case_count, 4);
    plan_result r;
    CHECK(plan_run_case(p, 0, diags, &r));
    CHECK_STR(r.script, "1,1");
    plan_result_clear(&r);
    CHECK(plan_run_case(p, 1, diags, &r));
    CHECK_STR(r.script, "2,1");
    plan_result_clear(&r);
    CHECK_INT(diag_count(diags), 0);
    CHECK(!plan_run_case(p, 2, diags, &r));
    plan_result_clear(&r);
    CHECK(!plan_run_case(p, 3, diags, &r));
    plan_result_clear(&r);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    diag_print(diags, f);
    fclose(f);
    CHECK_CONTAINS(text, "ids.plan.xml:11:29: error: case 'not on offer': "
                         "choice 'tracked' at turn 2 is not on offer");
    CHECK_CONTAINS(text, "case 'no such id': choice 'refund' at turn 2: "
                         "node 'second' has no choice with that id");
    free(text);
    plan_free(p);
    diag_list_free(diags);
}

int main(void)
{
    scenario *sc = test_load("ids.xml");
    test_parse();
    test_resolve(sc);
    test_duplicate_ids();
    test_plan_ids();
    scenario_free(sc);
    return check_done("test_choices");
}
