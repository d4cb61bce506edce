/* Unit tests of the debrief: better options, strengths, practise next,
 * principles, and the text and JSON renderings. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "check.h"
#include "debrief.h"
#include "scenario.h"
#include "session.h"

static char *test_text(const debrief *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_INT(debrief_write_text(d, f), 0);
    fclose(f);
    return buf;
}

static void test_weak_path(const scenario *sc)
{
    /* cold reply, then the dishonest promise: lost */
    session *s = session_new(sc, NULL);
    session_choose(s, 1, 3000);
    session_choose(s, 1, 3000);
    debrief *d = debrief_new(s);
    session_free(s); /* the debrief does not need the session */
    CHECK(d != NULL);
    CHECK(d->finished);
    CHECK_INT(d->outcome, SCENARIO_OUTCOME_LOST);
    CHECK_STR(d->ending->id, "angry-end");
    CHECK_INT(d->turn_count, 2);
    CHECK_INT(d->mood_count, 3);
    CHECK_INT(d->mood[0], 40);
    CHECK_INT(d->mood[1], 25);
    CHECK_INT(d->mood[2], 0);
    CHECK(d->turns[0].better == &sc->nodes[0].choices[0]);
    CHECK_INT(d->turns[0].better_pos, 1);
    CHECK(d->turns[1].better == &sc->nodes[1].choices[0]);
    CHECK_INT(d->summary.dim[SCENARIO_DIM_EMPATHY], 0);
    CHECK_INT(d->summary.dim[SCENARIO_DIM_HONESTY], 0);
    CHECK_INT(d->summary.dim[SCENARIO_DIM_PROMPTNESS], 50);
    CHECK_INT(d->strength_count, 0);
    CHECK_INT(d->practise, SCENARIO_DIM_EMPATHY);
    CHECK_INT(d->practise_turn, 0);
    CHECK_INT(d->missed[SCENARIO_PRINCIPLE_ACKNOWLEDGE], 1);
    CHECK_INT(d->missed[SCENARIO_PRINCIPLE_INTEGRITY], 1);
    CHECK_INT(d->practised[SCENARIO_PRINCIPLE_INTEGRITY], 0);
    char *text = test_text(d);
    CHECK_CONTAINS(text, "Outcome:   lost\n");
    CHECK_CONTAINS(text, "  Better: 1:   I'm sorry it's late.");
    CHECK_CONTAINS(text, "  overall      13  [###.................]  needs "
                         "practice, not passed (pass mark 60)");
    CHECK_CONTAINS(text, "  missed    acknowledge (1), integrity (1)");
    free(text);

    char *json = debrief_to_json(d);
    cJSON *root = cJSON_Parse(json);
    CHECK(root != NULL);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(root, "outcome")),
              "lost");
    cJSON *scores = cJSON_GetObjectItem(root, "scores");
    CHECK_INT(cJSON_GetNumberValue(cJSON_GetObjectItem(scores, "overall")),
              13); /* (2*0 + 0 + 50) / 4 = 12.5 */
    CHECK(cJSON_IsFalse(cJSON_GetObjectItem(scores, "passed")));
    cJSON *turn = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "turns"), 0);
    cJSON *better = cJSON_GetObjectItem(turn, "better");
    CHECK_INT(cJSON_GetNumberValue(cJSON_GetObjectItem(better, "choice")), 1);
    CHECK(cJSON_IsNull(
        cJSON_GetObjectItem(cJSON_GetObjectItem(turn, "scores"), "honesty")));
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(root, "mood")), 3);
    cJSON_Delete(root);
    free(json);
    debrief_free(d);
}

static void test_best_path(const scenario *sc)
{
    session *s = session_new(sc, NULL);
    session_choose(s, 0, 3000);
    session_choose(s, 0, 3000);
    debrief *d = debrief_new(s);
    CHECK_STR(d->ending->id, "warm-end");
    CHECK(d->turns[0].better == NULL);
    CHECK(d->turns[1].better == NULL);
    CHECK_INT(d->summary.overall, 88); /* (2*100 + 100 + 50) / 4 */
    CHECK_INT(d->strength_count, 2);
    CHECK_INT(d->strengths[0], SCENARIO_DIM_EMPATHY);
    CHECK_INT(d->strengths[1], SCENARIO_DIM_HONESTY);
    CHECK_INT(d->practise, SCENARIO_DIM_PROMPTNESS);
    CHECK_INT(d->practise_turn, -1);
    CHECK_INT(d->practised[SCENARIO_PRINCIPLE_ACKNOWLEDGE], 1);
    CHECK_INT(d->practised[SCENARIO_PRINCIPLE_INTEGRITY], 1);
    char *text = test_text(d);
    CHECK_CONTAINS(text, "Best option at this turn.");
    CHECK_CONTAINS(text, "  practised acknowledge (1), integrity (1)");
    free(text);
    debrief_free(d);
    session_free(s);
}

static void test_unfinished_and_gave_up(const scenario *sc)
{
    session *s = session_new(sc, NULL);
    debrief *d = debrief_new(s);
    CHECK(!d->finished);
    CHECK_INT(d->turn_count, 0);
    CHECK_INT(d->mood_count, 1);
    char *text = test_text(d);
    CHECK_CONTAINS(text, "unfinished");
    free(text);
    debrief_free(d);
    session_wait(s, 100000);
    d = debrief_new(s);
    CHECK(d->finished);
    CHECK_STR(d->ending->id, "hung-up");
    text = test_text(d);
    CHECK_CONTAINS(text, "You chose:   nothing; the customer's patience ran "
                         "out");
    free(text);
    debrief_free(d);
    session_free(s);
    debrief_free(NULL);
}

int main(void)
{
    scenario *sc = scenario_load_file(RAPPORT_TEST_DATA "/tiny.xml", NULL);
    if (!sc) {
        return 1;
    }
    test_weak_path(sc);
    test_best_path(sc);
    test_unfinished_and_gave_up(sc);
    scenario_free(sc);
    return check_done("test_debrief");
}
