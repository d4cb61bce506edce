/* Unit tests of scoring: time curve, placement, turns, summary, bands;
 * includes the worked example of scenarios/README.md. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "scenario.h"
#include "score.h"
#include "session.h"

static int test_near(double a, double b) { return fabs(a - b) < 1e-9; }

static void test_time_curve(void)
{
    CHECK(test_near(score_time(0, 10000, false), 1.0));
    CHECK(test_near(score_time(10000, 10000, false), 1.0));
    CHECK(test_near(score_time(20000, 10000, false), 0.5));
    CHECK(test_near(score_time(30000, 10000, false), 0.0));
    CHECK(test_near(score_time(90000, 10000, false), 0.0));
    CHECK(test_near(score_time(90000, 10000, true), 1.0));
    CHECK_INT(score_round(84.5), 85);
    CHECK_INT(score_round(84.49), 84);
}

static void test_bands(void)
{
    CHECK_INT(score_band_for(100), SCORE_BAND_EXCELLENT);
    CHECK_INT(score_band_for(90), SCORE_BAND_EXCELLENT);
    CHECK_INT(score_band_for(89), SCORE_BAND_GOOD);
    CHECK_INT(score_band_for(75), SCORE_BAND_GOOD);
    CHECK_INT(score_band_for(74), SCORE_BAND_DEVELOPING);
    CHECK_INT(score_band_for(50), SCORE_BAND_DEVELOPING);
    CHECK_INT(score_band_for(49), SCORE_BAND_NEEDS_PRACTICE);
    CHECK_STR(score_band_name(SCORE_BAND_NEEDS_PRACTICE), "needs practice");
}

/* The worked example in scenarios/README.md, "How scoring works". */
static const char worked_xml[] =
    "<scenario xmlns='" SCENARIO_NAMESPACE "' id='w'><title>w</title>"
    "<customer name='c'/><scoring empathy-weight='3'/>"
    "<node id='one' target='10'><line>x</line>"
    "<choice next='two' empathy='4' honesty='2' promptness='1'><say>A</say>"
    "</choice>"
    "<choice next='two' empathy='1' honesty='2' promptness='3'><say>B</say>"
    "</choice>"
    "<choice next='two' empathy='-2' honesty='2' promptness='2'><say>C</say>"
    "</choice></node>"
    "<node id='two' target='8'><line>y</line>"
    "<choice next='end' empathy='2' honesty='3'><say>D</say></choice>"
    "<choice next='end' empathy='2' honesty='-1'><say>E</say></choice>"
    "</node><ending id='end' outcome='resolved'/></scenario>";

static void test_worked_example(void)
{
    scenario *sc = scenario_load_memory(worked_xml, sizeof worked_xml - 1,
                                        "worked", NULL);
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    session *s = session_new(sc, NULL);
    /* turn 1: B after 15 s (target 10 s); turn 2: E after 4 s */
    CHECK_INT(session_choose(s, 1, 15000), SESSION_OK);
    CHECK_INT(session_choose(s, 1, 4000), SESSION_OK);
    score_turn t1;
    score_turn t2;
    score_evaluate_turn(sc, session_turn_at(s, 0), false, &t1);
    score_evaluate_turn(sc, session_turn_at(s, 1), false, &t2);
    /* empathy: B=1 between -2 and 4 -> 0.5; honesty equal -> not counted */
    CHECK(t1.counted[SCENARIO_DIM_EMPATHY]);
    CHECK(test_near(t1.value[SCENARIO_DIM_EMPATHY], 0.5));
    CHECK(!t1.counted[SCENARIO_DIM_HONESTY]);
    /* promptness: rating 3 is best -> 1; time 15 s vs 10 s -> 0.75 */
    CHECK(test_near(t1.time, 0.75));
    CHECK(test_near(t1.value[SCENARIO_DIM_PROMPTNESS], 0.875));
    /* option values (empathy x3, promptness x1): A=(3*1+0)/4=0.75,
     * B=(3*0.5+1)/4=0.625 */
    CHECK_INT(t1.best_choice, 0);
    CHECK(!t1.chose_best);
    CHECK(test_near(t1.quality, 0.625));
    /* turn 2: only honesty differs; E is the worst -> 0 */
    CHECK(!t2.counted[SCENARIO_DIM_EMPATHY]);
    CHECK(test_near(t2.value[SCENARIO_DIM_HONESTY], 0.0));
    CHECK(test_near(t2.value[SCENARIO_DIM_PROMPTNESS], 1.0));
    CHECK_INT(t2.best_choice, 0);
    score_summary sum;
    score_summarise(s, &sum);
    CHECK_INT(sum.dim[SCENARIO_DIM_EMPATHY], 50);
    CHECK_INT(sum.dim[SCENARIO_DIM_HONESTY], 0);
    CHECK_INT(sum.dim[SCENARIO_DIM_PROMPTNESS], 94); /* (0.875+1)/2 */
    CHECK_INT(sum.turns_counted[SCENARIO_DIM_EMPATHY], 1);
    CHECK_INT(sum.turns_counted[SCENARIO_DIM_HONESTY], 1);
    CHECK_INT(sum.turns_counted[SCENARIO_DIM_PROMPTNESS], 2);
    /* (3*50 + 0 + 94) / 5 = 48.8 -> 49 */
    CHECK_INT(sum.overall, 49);
    CHECK(!sum.passed);
    CHECK_INT(sum.band, SCORE_BAND_NEEDS_PRACTICE);
    session_free(s);

    /* the best path: A at 5 s, D at 5 s */
    s = session_new(sc, NULL);
    session_choose(s, 0, 5000);
    session_choose(s, 0, 5000);
    score_summarise(s, &sum);
    CHECK_INT(sum.dim[SCENARIO_DIM_EMPATHY], 100);
    CHECK_INT(sum.dim[SCENARIO_DIM_HONESTY], 100);
    /* turn 1: rating 1 is worst -> 0 * (0.5 + 0.5*1), however fast */
    CHECK_INT(sum.dim[SCENARIO_DIM_PROMPTNESS], 50);
    CHECK_INT(sum.overall, 90); /* (300 + 100 + 50) / 5 */
    CHECK(sum.passed);
    session_free(s);
    scenario_free(sc);
}

static void test_timeout_turn(void)
{
    scenario *sc = scenario_load_file(RAPPORT_TEST_DATA "/tiny.xml", NULL);
    session *s = session_new(sc, NULL);
    CHECK_INT(session_wait(s, 60000), SESSION_TIMED_OUT);
    score_turn t;
    score_evaluate_turn(sc, session_turn_at(s, 0), false, &t);
    CHECK(!t.counted[SCENARIO_DIM_EMPATHY]);
    CHECK(t.counted[SCENARIO_DIM_PROMPTNESS]);
    CHECK(test_near(t.value[SCENARIO_DIM_PROMPTNESS], 0.0));
    CHECK(!t.chose_best);
    CHECK_INT(t.best_choice, 0);
    score_summary sum;
    score_summarise(s, &sum);
    CHECK_INT(sum.dim[SCENARIO_DIM_EMPATHY], 100); /* nothing assessed */
    CHECK_INT(sum.turns_counted[SCENARIO_DIM_EMPATHY], 0);
    CHECK_INT(sum.dim[SCENARIO_DIM_PROMPTNESS], 0);
    /* only promptness was assessed: the overall is promptness alone */
    CHECK_INT(sum.overall, 0);
    CHECK(!sum.passed);
    session_free(s);
    scenario_free(sc);
}

/* A good first turn, then the customer gives up: never a pass. */
static void test_timeout_never_passes(void)
{
    scenario *sc = scenario_load_memory(worked_xml, sizeof worked_xml - 1,
                                        "worked", NULL);
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    session *s = session_new(sc, NULL);
    CHECK_INT(session_choose(s, 0, 5000), SESSION_OK);
    CHECK_INT(session_wait(s, 600000), SESSION_TIMED_OUT);
    score_summary sum;
    score_summarise(s, &sum);
    /* empathy 100 weighted x3, promptness 0: (300 + 0) / 4 = 75 >= 70 */
    CHECK_INT(sum.overall, 75);
    CHECK_INT(sum.timed_out_turns, 1);
    CHECK(!sum.passed);
    session_free(s);
    scenario_free(sc);
}

int main(void)
{
    test_time_curve();
    test_bands();
    test_worked_example();
    test_timeout_turn();
    test_timeout_never_passes();
    return check_done("test_score");
}
