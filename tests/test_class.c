/* Unit tests of classroom mode: tallies per source and team, majority
 * and ties (a tie needs the facilitator's pick), undo, stepping back for
 * discussion, the timer changing no score, team scores equal to the
 * single-player scores of the same choices at the same turns, and events
 * replayed into the same class session; the journal and the record. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "class.h"
#include "class_journal.h"
#include "class_result.h"
#include "journal.h"
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

/* Plays the class through agreed choices: whole class follows calls[],
 * teams mode each team picks[team][turn] (0-based, modulo the options). */
static void test_play_turn(class_session *c, int call, const int *team_picks)
{
    size_t n = class_option_count(c);
    if (class_mode_of(c) == CLASS_WHOLE) {
        CHECK_INT(
            class_add(c, CLASS_SRC_AGREED, CLASS_ROOM, (size_t)call % n, 1),
            CLASS_OK);
    } else {
        for (size_t k = 0; k < class_team_count(c); k++) {
            CHECK_INT(class_add(c, CLASS_SRC_HANDS, (int)k,
                                (size_t)team_picks[k] % n, 3),
                      CLASS_OK);
        }
    }
    CHECK_INT(class_close_vote(c), CLASS_OK);
    bool tied = false;
    if (class_call(c, &tied) < 0 && tied) {
        CHECK_INT(class_pick(c, CLASS_ROOM, (size_t)team_picks[0] % n),
                  CLASS_OK);
    }
    CHECK_INT(class_play(c), CLASS_OK);
    CHECK_INT(class_next(c, 0), CLASS_OK);
}

/* A single player choosing pos at each of the class's turns: replays the
 * call's path up to that turn, then chooses, and scores the turn. */
static void test_single_player(const scenario *sc, const class_session *c,
                               int team, score_summary *out)
{
    size_t n = class_turn_count(c);
    session_turn *turns = calloc(n + 1, sizeof *turns);
    for (size_t i = 0; i < n; i++) {
        session_options so = {.relaxed_timing = true};
        session *s = session_new(sc, &so);
        for (size_t j = 0; j < i; j++) {
            const class_turn *t = class_turn_at(c, j);
            session_choose(s, (size_t)t->chosen_pos, 0);
        }
        const class_turn *t = class_turn_at(c, i);
        CHECK_INT(session_node(s) - sc->nodes, t->node_index);
        CHECK_INT(session_choose(s, (size_t)t->team_choice[team], 999999),
                  SESSION_OK);
        turns[i] = *session_turn_at(s, i);
        session_free(s);
    }
    score_summarise_turns(sc, turns, n, true, out);
    free(turns);
}

static void test_teams_score_as_single_players(void)
{
    scenario *sc = test_load(SCENARIOS "billing-error.xml");
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    const char *names[] = {"Red", "Blue", "Green"};
    class_options opt = {
        .mode = CLASS_TEAMS, .team_names = names, .team_count = 3};
    class_session *c = class_new(sc, &opt, NULL);
    CHECK(c != NULL);
    /* each team its own way; the majority of teams makes the call */
    for (int turn = 0; !class_is_finished(c) && turn < 20; turn++) {
        int picks[3] = {turn * 2 + 1, turn, (turn * 7 + 2) / 3};
        test_play_turn(c, 0, picks);
    }
    CHECK(class_is_finished(c));
    for (int k = 0; k < 3; k++) {
        score_summary team;
        score_summary single;
        CHECK(class_scores(c, k, &team));
        test_single_player(sc, c, k, &single);
        CHECK_INT(team.overall, single.overall);
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            CHECK_INT(team.dim[d], single.dim[d]);
            CHECK_INT(team.turns_counted[d], single.turns_counted[d]);
        }
        CHECK_INT(team.passed, single.passed);
    }
    /* a team that always chose the call scores as the class does, and as
     * one player making those choices in an ordinary session */
    class_session *w = class_new(sc, NULL, NULL);
    session_options so = {.relaxed_timing = true};
    session *s = session_new(sc, &so);
    for (size_t i = 0; i < class_turn_count(c); i++) {
        int call = class_turn_at(c, i)->chosen_pos;
        test_play_turn(w, call, NULL);
        session_choose(s, (size_t)call, 0);
    }
    score_summary a;
    score_summary b;
    class_scores(w, CLASS_ROOM, &a);
    score_summarise(s, &b);
    CHECK_INT(a.overall, b.overall);
    class_scores(c, CLASS_ROOM, &b);
    CHECK_INT(a.overall, b.overall);
    session_free(s);
    class_free(w);
    class_free(c);
    scenario_free(sc);
}

/* The same votes with ten minutes of discussion and pauses in between,
 * or none at all, give the same scores and the same debrief. */
static char *test_timed_run(const scenario *sc, int64_t pause_ms)
{
    class_session *c = class_new(sc, NULL, NULL);
    int64_t now = 1000;
    for (int turn = 0; !class_is_finished(c) && turn < 20; turn++) {
        CHECK_INT(class_next(c, now), CLASS_OK); /* options, timer starts */
        now += pause_ms;
        class_timer_pause(c, now);
        now += pause_ms;
        class_timer_start(c, now);
        class_timer_extend(c, 60000);
        now += pause_ms;
        CHECK_INT(class_timer_left_ms(c, now) >= 0, 1);
        CHECK_INT(class_next(c, now), CLASS_OK); /* open the vote */
        CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM,
                            (size_t)turn % class_option_count(c), 4),
                  CLASS_OK);
        now += pause_ms;
        CHECK_INT(class_next(c, now), CLASS_OK); /* close */
        CHECK_INT(class_next(c, now), CLASS_OK); /* play */
        CHECK_INT(class_next(c, now), CLASS_OK); /* next turn */
    }
    CHECK(class_is_finished(c));
    char *text = class_debrief_text(c);
    class_free(c);
    return text;
}

static void test_discussion_time_changes_nothing(void)
{
    scenario *sc = test_load(SCENARIOS "billing-error.xml");
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    char *quick = test_timed_run(sc, 0);
    char *slow = test_timed_run(sc, 10 * 60 * 1000);
    CHECK(quick && slow && strcmp(quick, slow) == 0);
    CHECK(quick && strstr(quick, "discussion time never counts") != NULL);
    free(quick);
    free(slow);
    /* the timer itself */
    class_session *c = class_new(sc, NULL, NULL);
    CHECK_INT(class_timer_total_ms(c), CLASS_DEFAULT_DISCUSSION_MS);
    class_next(c, 0);
    CHECK(class_timer_running(c));
    CHECK_INT(class_timer_left_ms(c, 20000), 100000);
    class_timer_pause(c, 20000);
    CHECK_INT(class_timer_left_ms(c, 999999), 100000);
    class_timer_extend(c, 30000);
    class_timer_start(c, 1000000);
    CHECK_INT(class_timer_left_ms(c, 1010000), 120000);
    CHECK_INT(class_timer_left_ms(c, 9999999), 0);
    CHECK_INT(class_timer_skip(c, 1010000), CLASS_OK);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_VOTE);
    CHECK_INT(class_timer_left_ms(c, 1010000), 0);
    class_free(c);
    scenario_free(sc);
}

/* Back steps: undo, reopen, stepping back to review a played turn and
 * forward again, never removing a played turn; events replay. */
static void test_back_and_replay(void)
{
    scenario *sc = test_load(SCENARIOS "billing-error.xml");
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    class_session *c = class_new(sc, NULL, NULL);
    CHECK_INT(class_back(c, 0), CLASS_ERR_PHASE); /* nothing before */
    test_play_turn(c, 1, NULL);
    test_play_turn(c, 2, NULL);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_LINE);
    CHECK_INT(class_turn_index(c), 2);
    CHECK_INT(class_back(c, 0), CLASS_OK);
    CHECK_INT(class_review_turn(c), 1);
    CHECK_INT(class_back(c, 0), CLASS_OK);
    CHECK_INT(class_review_turn(c), 0);
    CHECK_INT(class_back(c, 0), CLASS_ERR_PHASE);
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_review_turn(c), -1);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_LINE);
    CHECK_INT(class_turn_count(c), 2);
    /* a vote with an undo and a reopen */
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_VOTE);
    CHECK_INT(class_back(c, 0), CLASS_OK); /* no entries: back to discuss */
    CHECK_INT(class_phase_of(c), CLASS_PHASE_DISCUSS);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 0, 2), CLASS_OK);
    CHECK_INT(class_add(c, CLASS_SRC_PHONES, CLASS_ROOM, 1, 3), CLASS_OK);
    /* Back undoes the facilitator's last entry, never a phone's vote */
    CHECK_INT(class_back(c, 0), CLASS_OK);
    CHECK_INT(class_tally(c, CLASS_SRC_PHONES, CLASS_ROOM, 1), 3);
    CHECK_INT(class_tally(c, CLASS_SRC_HANDS, CLASS_ROOM, 0), 0);
    CHECK_INT(class_undo(c), CLASS_ERR_NOTHING_TO_UNDO);
    CHECK_INT(class_entry_count(c), 1);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 1, -1),
              CLASS_ERR_BAD_COUNT);
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_back(c, 0), CLASS_OK);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_VOTE);
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_turn_count(c), 3);
    CHECK_INT(class_back(c, 0), CLASS_OK); /* PLAYED: review turn 2 */
    CHECK_INT(class_review_turn(c), 1);
    CHECK_INT(class_next(c, 0), CLASS_OK);
    CHECK_INT(class_review_turn(c), -1);
    CHECK_INT(class_phase_of(c), CLASS_PHASE_PLAYED);
    /* replaying the events gives the same class session */
    class_session *r = class_new(sc, NULL, NULL);
    for (size_t i = 0; i < class_event_count(c); i++) {
        CHECK_INT(class_apply(r, class_event_at(c, i)), CLASS_OK);
    }
    CHECK_INT(class_turn_count(r), 3);
    char *a = class_debrief_text(c);
    char *b = class_debrief_text(r);
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    class_free(r);
    class_free(c);
    scenario_free(sc);
}

static void test_options(void)
{
    scenario *sc = test_load(RAPPORT_TEST_DATA "/tiny.xml");
    const char *one[] = {"Red"};
    const char *dup[] = {"Red", "Red"};
    const char *ctl[] = {"Red", "Bl\x1bue"};
    const char *rtl[] = {"Red", "\xe2\x80\xae"
                                "eulB"};
    const char *nine[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    class_options o = {
        .mode = CLASS_TEAMS, .team_names = one, .team_count = 1};
    diag_list *d = diag_list_new();
    CHECK(class_new(sc, &o, d) == NULL);
    o.team_names = dup;
    o.team_count = 2;
    CHECK(class_new(sc, &o, d) == NULL);
    o.team_names = ctl;
    CHECK(class_new(sc, &o, d) == NULL);
    o.team_names = rtl;
    CHECK(class_new(sc, &o, d) == NULL);
    o.team_names = nine;
    o.team_count = 9;
    CHECK(class_new(sc, &o, d) == NULL);
    CHECK_INT(diag_count(d), 5);
    o.team_count = 8;
    class_session *c = class_new(sc, &o, d);
    CHECK(c != NULL);
    CHECK_INT(class_team_count(c), 8);
    CHECK_STR(class_team_name(c, 7), "8");
    /* teams mode: the room is not a team; every team must vote */
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 0, 1),
              CLASS_ERR_NO_SUCH_TEAM);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, 8, 0, 1), CLASS_ERR_NO_SUCH_TEAM);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, 0, 0, 1), CLASS_OK);
    CHECK_INT(class_close_vote(c), CLASS_ERR_NO_VOTES);
    class_free(c);
    class_free(NULL);
    diag_list_free(d);
    scenario_free(sc);
}

/* Journaled event by event, read back (a torn last line ignored, a
 * corrupt one refused), replayed into the same class session; the saved
 * record read back for the report. */
static void test_journal_and_record(void)
{
    scenario *sc = test_load(SCENARIOS "billing-error.xml");
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    const char *dir = RAPPORT_TEST_TMP "/class-journal";
    system("rm -rf '" RAPPORT_TEST_TMP "/class-journal'");
    const char *names[] = {"Red", "Blue"};
    class_options opt = {.mode = CLASS_TEAMS,
                         .team_names = names,
                         .team_count = 2,
                         .scoreboard = true,
                         .discussion_ms = 90000,
                         .seed = 7};
    class_session *c = class_new(sc, &opt, NULL);
    diag_list *d = diag_list_new();
    class_journal *j =
        class_journal_open(dir, c, NULL, 1700000000000, NULL, d);
    CHECK(j != NULL);
    int picks[2] = {0, 1};
    test_play_turn(c, 0, picks);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, 1, 1, 2), CLASS_OK);
    CHECK_INT(class_journal_append(j, c, d), 0);
    CHECK_INT(class_journal_event_count(j), class_event_count(c));
    char *path = j ? strdup(class_journal_path(j)) : NULL;
    CHECK_INT(class_journal_close(j, false, d), 0);
    char **list = class_journal_list(dir, d);
    CHECK(list && list[0] && !list[1] && strcmp(list[0], path) == 0);
    journal_list_free(list);
    /* a torn last line is ignored with a warning */
    FILE *f = fopen(path, "a");
    fputs("{\"n\": 99, \"event\": \"ad", f);
    fclose(f);
    class_journal_data *jd = class_journal_read(path, d);
    CHECK(jd != NULL);
    CHECK(jd && jd->torn);
    CHECK_INT(jd ? jd->event_count : 0, class_event_count(c));
    CHECK_INT(jd ? jd->options.team_count : 0, 2);
    CHECK_INT(jd ? jd->options.discussion_ms : 0, 90000);
    CHECK_INT(jd ? jd->options.seed : 0, 7);
    class_session *r = jd ? class_journal_replay(jd, sc, d) : NULL;
    CHECK(r != NULL);
    CHECK_INT(r ? class_turn_count(r) : 0, 1);
    CHECK_INT(r ? class_tally(r, CLASS_SRC_HANDS, 1, 1) : 0, 2);
    CHECK_INT(r ? class_phase_of(r) : 0, CLASS_PHASE_VOTE);
    CHECK_STR(r ? class_team_name(r, 1) : NULL, "Blue");
    /* continuing cuts the torn line off and appends */
    class_journal *k = r ? class_journal_continue(jd, r, NULL, d) : NULL;
    CHECK(k != NULL);
    CHECK_INT(class_add(r, CLASS_SRC_AGREED, 0, 0, 1), CLASS_OK);
    CHECK_INT(class_journal_append(k, r, d), 0);
    class_journal_close(k, false, d);
    class_journal_data_free(jd);
    jd = class_journal_read(path, d);
    CHECK(jd && !jd->torn && jd->event_count == class_event_count(r));
    class_journal_data_free(jd);
    /* a corrupt line in the middle is an error at its line */
    f = fopen(path, "a");
    fputs("not json\n{\"n\": 1}\n", f);
    fclose(f);
    diag_list_clear(d);
    CHECK(class_journal_read(path, d) == NULL);
    CHECK(diag_count(d) >= 1);
    CHECK_INT(class_journal_remove(path, d), 0);
    CHECK_INT(class_journal_remove(RAPPORT_TEST_DATA "/tiny.xml", d), -1);
    struct stat st;
    CHECK(stat(RAPPORT_TEST_TMP "/class-journal/in-progress", &st) != 0);
    /* the record, played to the end, read back */
    while (!class_is_finished(r)) {
        int p2[2] = {2, 2};
        if (class_phase_of(r) == CLASS_PHASE_VOTE) {
            class_add(r, CLASS_SRC_AGREED, 1, 0, 1);
            CHECK_INT(class_close_vote(r), CLASS_OK);
            CHECK_INT(class_play(r), CLASS_OK);
            CHECK_INT(class_next(r, 0), CLASS_OK);
        } else {
            test_play_turn(r, 0, p2);
        }
    }
    class_result_info info = {1700000000000, 1700000600000, false};
    char *json = class_result_json(r, &info, d);
    CHECK(json != NULL);
    class_record *rec =
        json ? class_record_parse(json, strlen(json), "x", d) : NULL;
    CHECK(rec != NULL);
    score_summary s;
    class_scores(r, 1, &s);
    CHECK_INT(rec ? rec->group_count : 0, 3);
    CHECK_STR(rec ? rec->groups[2].name : NULL, "Blue");
    CHECK_INT(rec ? rec->groups[2].overall : -1, s.overall);
    CHECK_INT(rec ? rec->started_ms : 0, 1700000000000);
    CHECK_INT(rec ? rec->ended_ms : 0, 1700000600000);
    CHECK_INT(rec ? rec->turn_count : 0, class_turn_count(r));
    CHECK(rec && rec->complete && rec->has_outcome);
    class_record_free(rec);
    CHECK(class_record_parse("{\"format\": \"rapport-result\"}", 29, "y", d) ==
          NULL);
    CHECK(class_record_parse("[", 1, "z", d) == NULL);
    CHECK(class_record_is_name("a/b.class.json"));
    CHECK(!class_record_is_name("a/b.class.xapi.json"));
    /* an unfinished class session has a result only when interrupted */
    class_session *u = class_new(sc, NULL, NULL);
    CHECK(class_result_json(u, &info, d) == NULL);
    info.interrupted = true;
    char *part = class_result_json(u, &info, d);
    CHECK(part && strstr(part, "\"incomplete\"") != NULL);
    free(part);
    class_free(u);
    free(json);
    free(path);
    class_free(r);
    class_free(c);
    diag_list_free(d);
    scenario_free(sc);
}

/* The limits on what a facilitator (or a class journal) enters: a count
 * of at most CLASS_MAX_COUNT, at most CLASS_MAX_ENTRIES entries a turn,
 * each refused with its own status; and a class journal over its size. */
static void test_limits(void)
{
    scenario *sc = test_load(RAPPORT_TEST_DATA "/tiny.xml");
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    class_session *c = class_new(sc, NULL, NULL);
    CHECK_INT(class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 0, CLASS_MAX_COUNT),
              CLASS_OK);
    CHECK_INT(
        class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, 0, CLASS_MAX_COUNT + 1),
        CLASS_ERR_BAD_COUNT);
    int last = CLASS_OK;
    int added = 1;
    while (last == CLASS_OK && added < CLASS_MAX_ENTRIES + 5) {
        last = class_add(c, CLASS_SRC_HANDS, CLASS_ROOM, added % 2, 1);
        added += last == CLASS_OK;
    }
    CHECK_INT(last, CLASS_ERR_TOO_MANY);
    CHECK_INT(added, CLASS_MAX_ENTRIES);
    class_free(c);
    scenario_free(sc);
    diag_list *diags = diag_list_new();
    CHECK(class_journal_parse("", (size_t)JOURNAL_MAX_FILE_BYTES + 1, "big",
                              diags) == NULL);
    const diag_entry *e = diag_get(diags, 0);
    CHECK(e && strstr(e->message, "larger than") != NULL);
    diag_list_free(diags);
}

int main(void)
{
    test_tallies_and_ties();
    test_limits();
    test_teams_score_as_single_players();
    test_discussion_time_changes_nothing();
    test_back_and_replay();
    test_options();
    test_journal_and_record();
    return check_done("test_class");
}
