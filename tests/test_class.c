/* Unit tests of classroom mode: tallies per source and team, majority
 * and ties (a tie needs the facilitator's pick), undo, stepping back for
 * discussion, the timer changing no score, team scores equal to the
 * single-player scores of the same choices at the same turns, and events
 * replayed into the same class session. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "class.h"
#include "scenario.h"
#include "score.h"
#include "session.h"

#define SCENARIOS RAPPORT_TEST_DATA "/../../scenarios/"

static scenario *test_load(const char *path)
{
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_file(path, diags);
    if (!sc) {
        diag_print(diags, stderr);
    }
    diag_list_free(diags);
    return sc;
}

static void test_tallies_and_ties(void)
{
    scenario *sc = test_load(RAPPORT_TEST_DATA "/tiny.xml");
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    class_session *c = class_new(sc, NULL, NULL);
    CHECK(c != NULL);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_LINE);
    CHECK_INT(class_option_count(c), 2);
    /* nothing to close yet */
    CHECK_INT(class_close_vote(c), CLASS_ERR_NO_VOTES);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, 0, 0, 1), CLASS_ERR_NO_SUCH_TEAM);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 2, 1),
              CLASS_ERR_NO_SUCH_OPTION);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 0, -1),
              CLASS_ERR_BAD_COUNT);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 0, 5), CLASS_OK);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_VOTE);
    CHECK_INT(class_add(c, CLASS_SRC_PHONES, CLASS_ROOM, 1, 3), CLASS_OK);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 1, 2), CLASS_OK);
    CHECK_INT(class_tally(c, CLASS_SRC_HANDS, CLASS_ROOM, 0), 5);
    CHECK_INT(class_tally(c, CLASS_SRC_COUNT, CLASS_ROOM, 1), 5);
    CHECK_INT(class_votes(c, CLASS_SRC_COUNT, CLASS_ROOM), 10);
    bool tied = false;
    CHECK_INT(class_call(c, &tied), -1);
    CHECK(tied);
    /* a tie needs the facilitator's pick */
    CHECK_INT(class_next(c, 0), CLASS_OK); /* close */
    CHECK_INT(class_phase_of(c), CLASS_PHASE_RESULTS);
    CHECK_INT(class_next(c, 0), CLASS_ERR_NEEDS_PICK);
    CHECK_INT(class_play(c), CLASS_ERR_NEEDS_PICK);
    CHECK_INT(class_pick(c, CLASS_ROOM, 1), CLASS_OK);
    CHECK_INT(class_call(c, &tied), 1);
    CHECK(!tied);
    /* reopening drops the pick; undo takes back the last entry */
    CHECK_INT(class_back(c, 0), CLASS_OK);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_VOTE);
    CHECK_INT(class_call(c, &tied), -1);
    CHECK(tied);
    CHECK_INT(class_back(c, 0), CLASS_OK); /* undo the 2 hands on B */
    CHECK_INT(class_tally(c, CLASS_SRC_COUNT, CLASS_ROOM, 1), 3);
    CHECK_INT(class_call(c, &tied), 0);
    CHECK_INT(class_close_vote(c), CLASS_OK);
    CHECK_INT(class_pick(c, CLASS_ROOM, 1), CLASS_ERR_NO_TIE);
    /* AGREED overrides the counts */
    CHECK_INT(class_reopen_vote(c), CLASS_OK);
    CHECK_INT(class_add(c, CLASS_SRC_AGREED, CLASS_ROOM, 1, 1), CLASS_OK);
    CHECK_INT(class_call(c, &tied), 1);
    CHECK_INT(class_undo(c), CLASS_OK);
    CHECK_INT(class_call(c, &tied), 0);
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_next(c, 0), CLASS_OK); /* play A */
    CHECK_INT(class_phase_of(c), CLASS_PHASE_PLAYED);
    CHECK_INT(class_turn_count(c), 1);
    const class_turn *t = class_turn_at(c, 0);
    CHECK_INT(t->chosen_pos, 0);
    CHECK_INT(t->votes[0], 5);
    CHECK_INT(t->votes[1], 3);
    CHECK(t->split);
    CHECK(!t->picked);
    CHECK_INT(t->mood_after - t->mood_before, 20);
    class_whatif w;
    CHECK(class_whatif_at(c, 0, 1, &w));
    CHECK_INT(w.mood_change, -15);
    CHECK(!w.chosen);
    CHECK(!w.best);
    CHECK_STR(w.feedback, "Fast, but cold.");
    CHECK(class_whatif_at(c, 0, 0, &w));
    CHECK(w.chosen && w.best);
    class_free(c);
    scenario_free(sc);
}

int main(void)
{
    test_tallies_and_ties();
    return check_done("test_class");
}
