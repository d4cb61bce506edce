/* Unit tests of the session state machine over tests/data/tiny.xml. */
#include <stdlib.h>

#include "check.h"
#include "scenario.h"
#include "session.h"

static scenario *test_tiny(void)
{
    scenario *sc = scenario_load_file(RAPPORT_TEST_DATA "/tiny.xml", NULL);
    if (!sc) {
        fprintf(stderr, "cannot load tiny.xml\n");
        exit(1);
    }
    return sc;
}

static void test_branch_taken_after_effects(const scenario *sc)
{
    session *s = session_new(sc, NULL);
    CHECK(s != NULL);
    CHECK_STR(session_node(s)->id, "start");
    CHECK_INT(session_mood(s), 40);
    CHECK_INT(session_offered_count(s), 2);
    CHECK_INT(session_target_ms(s), 10000);
    CHECK_INT(session_choose(s, 0, 4000), SESSION_OK);
    CHECK(session_flag_is_set(s, "apologised"));
    CHECK_INT(session_mood(s), 60);
    CHECK_STR(session_node(s)->id, "second");
    /* mood 60 + 15 = 75 >= 60 and flag set: the branch wins */
    CHECK_INT(session_choose(s, 0, 1000), SESSION_OK);
    CHECK(session_is_finished(s));
    CHECK_STR(session_ending(s)->id, "warm-end");
    CHECK_INT(session_outcome(s), SCENARIO_OUTCOME_RESOLVED);
    CHECK_INT(session_turn_count(s), 2);
    const session_turn *t = session_turn_at(s, 0);
    CHECK_INT(t->choice_index, 0);
    CHECK_INT(t->offered_pos, 1);
    CHECK_INT(t->offered, 3);
    CHECK_INT(t->response_ms, 4000);
    CHECK_INT(t->mood_before, 40);
    CHECK_INT(t->mood_after, 60);
    CHECK(session_turn_at(s, 2) == NULL);
    CHECK_INT(session_choose(s, 0, 1000), SESSION_ERR_FINISHED);
    CHECK(session_node(s) == NULL);
    CHECK_INT(session_offered_count(s), 0);
    session_free(s);
}

static void test_branch_not_taken(const scenario *sc)
{
    session *s = session_new(sc, NULL);
    CHECK_INT(session_choose(s, 1, 2000), SESSION_OK); /* cold: no flag */
    CHECK(!session_flag_is_set(s, "apologised"));
    CHECK_INT(session_mood(s), 25);
    CHECK_INT(session_choose(s, 0, 2000), SESSION_OK);
    CHECK_STR(session_ending(s)->id, "happy-end");
    session_free(s);
}

static void test_errors_change_nothing(const scenario *sc)
{
    session *s = session_new(sc, NULL);
    CHECK_INT(session_choose(s, 2, 1000), SESSION_ERR_NO_SUCH_CHOICE);
    CHECK_INT(session_choose(s, 0, -1), SESSION_ERR_BAD_TIME);
    CHECK_INT(session_wait(s, -5), SESSION_ERR_BAD_TIME);
    CHECK_INT(session_turn_count(s), 0);
    CHECK_STR(session_node(s)->id, "start");
    CHECK(session_offered(s, 2) == NULL);
    CHECK_INT(session_offered_index(s, 9), -1);
    session_free(s);
    CHECK(session_new(NULL, NULL) == NULL);
    session_free(NULL);
}

static void test_patience(const scenario *sc)
{
    /* target 10 s, patience 20 s: a reply at 25 s spends 15 s */
    session *s = session_new(sc, NULL);
    CHECK_INT(session_patience_left_ms(s, 9000), 20000);
    CHECK_INT(session_patience_left_ms(s, 25000), 5000);
    CHECK_INT(session_patience_left_ms(s, 99000), 0);
    CHECK_INT(session_choose(s, 0, 25000), SESSION_OK);
    CHECK_INT(session_patience_ms(s), 5000);
    CHECK_INT(session_turn_at(s, 0)->patience_after_ms, 5000);
    /* next target 11.6 s; waiting 16.6 s exactly spends the last 5 s */
    CHECK_INT(session_wait(s, 16600), SESSION_OK);
    CHECK_INT(session_wait(s, 16601), SESSION_TIMED_OUT);
    CHECK(session_is_finished(s));
    CHECK_STR(session_ending(s)->id, "hung-up");
    const session_turn *t = session_turn_at(s, 1);
    CHECK_INT(t->choice_index, -1);
    CHECK_INT(t->offered_pos, 0);
    CHECK_INT(t->response_ms, 11600 + 5000);
    CHECK_INT(t->mood_after, 60 - SESSION_TIMEOUT_MOOD_DROP);
    session_free(s);

    /* a reply after patience ran out is a timeout, not the choice */
    s = session_new(sc, NULL);
    CHECK_INT(session_choose(s, 0, 30001), SESSION_TIMED_OUT);
    CHECK(!session_flag_is_set(s, "apologised"));
    CHECK_STR(session_ending(s)->id, "hung-up");
    CHECK_INT(session_outcome(s), SCENARIO_OUTCOME_LOST);
    session_free(s);

    /* relaxed timing: patience never runs out */
    session_options relaxed = {.relaxed_timing = true};
    s = session_new(sc, &relaxed);
    CHECK_INT(session_wait(s, 3600000), SESSION_OK);
    CHECK_INT(session_choose(s, 0, 3600000), SESSION_OK);
    CHECK_INT(session_patience_ms(s), 20000);
    session_free(s);
}

static void test_builtin_gave_up(void)
{
    static const char xml[] =
        "<scenario xmlns='" SCENARIO_NAMESPACE "' id='g'><title>g</title>"
        "<customer name='c' patience='1'/><node id='a' target='2'>"
        "<line>x</line><choice next='z'><say>s</say></choice>"
        "<choice next='z' if-flags='f'><say>t</say></choice></node>"
        "<ending id='z' outcome='resolved'/></scenario>";
    scenario *sc = scenario_load_memory(xml, sizeof xml - 1, "g", NULL);
    CHECK(sc != NULL);
    session *s = session_new(sc, NULL);
    CHECK_INT(session_offered_count(s), 1); /* the flagged one is hidden */
    CHECK_INT(session_wait(s, 3001), SESSION_TIMED_OUT);
    CHECK(session_is_finished(s));
    CHECK(session_gave_up(s));
    CHECK(session_ending(s) == NULL);
    CHECK_INT(session_outcome(s), SCENARIO_OUTCOME_LOST);
    session_free(s);
    scenario_free(sc);
}

static void test_deterministic(const scenario *sc)
{
    session *a = session_new(sc, NULL);
    session *b = session_new(sc, NULL);
    int times[] = {7123, 15000};
    for (int i = 0; i < 2; i++) {
        session_choose(a, (size_t)i % 2, times[i]);
        session_choose(b, (size_t)i % 2, times[i]);
    }
    CHECK_INT(session_turn_count(a), session_turn_count(b));
    CHECK(memcmp(session_turn_at(a, 0), session_turn_at(b, 0),
                 sizeof(session_turn)) == 0);
    CHECK(memcmp(session_turn_at(a, 1), session_turn_at(b, 1),
                 sizeof(session_turn)) == 0);
    session_free(a);
    session_free(b);
}

int main(void)
{
    scenario *sc = test_tiny();
    test_branch_taken_after_effects(sc);
    test_branch_not_taken(sc);
    test_errors_change_nothing(sc);
    test_patience(sc);
    test_builtin_gave_up();
    test_deterministic(sc);
    scenario_free(sc);
    return check_done("test_session");
}
