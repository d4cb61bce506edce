/* class.h — classroom mode: a facilitator plays a scenario for a whole room.
 *
 * A class session wraps one session (session.h) whose path follows the
 * room's call at every turn. It holds the votes of every turn, the teams
 * and their own choices, the discussion timer, and the phase of the
 * current turn. Like the session it is deterministic and reads no clock:
 * every call that needs the time takes now_ms, a monotonic time in ms
 * chosen by the caller (the UI's clock, or a script's).
 *
 * Per turn, the phases go
 *   LINE     the customer's line is revealed (options not shown yet)
 *   DISCUSS  the options are shown (A, B, C...); the discussion timer can
 *            be started, paused, extended or skipped
 *   VOTE     the vote is open: entries are added (class_add)
 *   RESULTS  the vote is closed and the tallies revealed; when the call is
 *            a tie the facilitator must pick (class_pick) before going on
 *   PLAYED   the chosen option has been played: its feedback and the mood
 *            change are shown; class_whatif() describes the other options
 *   ENDING   the call reached an ending (after the last PLAYED)
 *   DEBRIEF  the class debrief
 * class_next() moves one step forward and class_back() one step back, so
 * that a facilitator can run everything with Next and Back alone.
 *
 * Votes come from sources: HANDS (counted by the facilitator), PHONES
 * (votes arriving from participants' phones) and AGREED (the
 * choice the room or team agreed on, entered as one vote). Each entry
 * adds count (may be negative: a hand taken back; a tally never goes
 * below 0) to one option for one source and one team. A room's (or
 * team's) choice is the option with the most AGREED votes when any were
 * entered, else the option with the most HANDS + PHONES votes; a tie
 * needs the facilitator's pick.
 *
 * Whole-class mode: the call is the room's choice. Teams mode (2-8
 * teams): every team's choice is recorded at every turn, and each team is
 * scored on its own choices at the shared turn (the node the class's call
 * led to), exactly as a single player choosing them there would be
 * (score.h). The call follows the majority of the teams' choices, or the
 * facilitator's pick on a tie.
 *
 * Timing: the session is played with relaxed timing and every reply at
 * the node's target, so discussion time never counts: promptness is
 * scored on the options alone, and the customer's patience never runs
 * out.
 *
 * Journal and replay: every change that the class result depends on
 * (entries, undo, picks, closing and reopening the vote, playing the
 * call) is kept as an event (class_event). class_apply() applies one, so
 * that a journal (class_journal.h) can rebuild the same class session
 * from its events. Timer, what-if, review and the LINE/DISCUSS steps are
 * presentation only and are not events.
 *
 * Ownership: class_new() borrows the scenario (it must outlive the class
 * session) and copies the options and team names. class_free() accepts
 * NULL. Pointers returned by getters point into the class session or the
 * scenario and stay valid until the next call that changes the class
 * session, or until it is freed.
 */
#ifndef RAPPORT_CLASS_H
#define RAPPORT_CLASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "scenario.h"
#include "score.h"
#include "session.h"

#define CLASS_MIN_TEAMS 2
#define CLASS_MAX_TEAMS 8
/* A team name: 1 to this many bytes of UTF-8, no control characters. */
#define CLASS_MAX_TEAM_NAME_BYTES 40
/* The team argument in whole-class mode. */
#define CLASS_ROOM (-1)
/* Entries at one turn; votes one entry may add. */
#define CLASS_MAX_ENTRIES 10000
#define CLASS_MAX_COUNT 10000
/* The discussion timer when none is given: 2 minutes. */
#define CLASS_DEFAULT_DISCUSSION_MS 120000

typedef enum { CLASS_WHOLE, CLASS_TEAMS } class_mode;

typedef enum {
    CLASS_SRC_HANDS,
    CLASS_SRC_PHONES,
    CLASS_SRC_AGREED,
    CLASS_SRC_COUNT
} class_source;

typedef enum {
    CLASS_PHASE_LINE,
    CLASS_PHASE_DISCUSS,
    CLASS_PHASE_VOTE,
    CLASS_PHASE_RESULTS,
    CLASS_PHASE_PLAYED,
    CLASS_PHASE_ENDING,
    CLASS_PHASE_DEBRIEF
} class_phase;

typedef enum {
    CLASS_OK,
    CLASS_ERR_PHASE, /* not possible in this phase */
    CLASS_ERR_NO_SUCH_OPTION,
    CLASS_ERR_NO_SUCH_TEAM, /* or a team given in whole-class mode */
    CLASS_ERR_BAD_COUNT,    /* 0, too large, or a tally below 0 */
    CLASS_ERR_TOO_MANY,     /* CLASS_MAX_ENTRIES at this turn */
    CLASS_ERR_NOTHING_TO_UNDO,
    CLASS_ERR_NO_VOTES,   /* closing a vote (or a team) with no votes */
    CLASS_ERR_NEEDS_PICK, /* a tie: the facilitator must pick */
    CLASS_ERR_NO_TIE,     /* a pick where the votes already decide */
    CLASS_ERR_NO_MEMORY
} class_status;

typedef struct {
    class_mode mode;
    /* Teams mode: team_count (2..8) names, copied; see class_team_name_valid.
     * Whole-class mode: ignored. */
    const char *const *team_names;
    size_t team_count;
    bool scoreboard;   /* show scores between turns; off by default */
    int discussion_ms; /* the discussion timer; 0 = the default */
    uint32_t seed;     /* recorded with the session; reserved for shuffling */
} class_options;

typedef struct class_session class_session;

/* NULL on bad options (an error in diags: team count or names) or no
 * memory. options may be NULL (whole class, defaults). */
class_session *class_new(const scenario *sc, const class_options *options,
                         diag_list *diags);
void class_free(class_session *c);

bool class_team_name_valid(const char *name);

const scenario *class_scenario(const class_session *c);
const class_options *class_options_of(const class_session *c);
class_mode class_mode_of(const class_session *c);
size_t class_team_count(const class_session *c); /* 0 in whole-class mode */
const char *class_team_name(const class_session *c, size_t team);
/* The session of the class's path (relaxed timing). */
const session *class_session_of(const class_session *c);

class_phase class_phase_of(const class_session *c);
const char *class_phase_name(class_phase phase);
/* The status in English, marked for translation (N_): a person is shown
 * _(class_status_message(st)). */
const char *class_status_message(class_status status);
const char *class_source_name(class_source source);
/* "A", "B", ... for 0-based positions. */
char class_letter(size_t pos);

/* The current turn, 0-based (the number of turns played before it). */
size_t class_turn_index(const class_session *c);
/* Options on offer at the current turn (session_offered_count). */
size_t class_option_count(const class_session *c);

/* ---- stepping ---- */

/* One step forward: LINE -> DISCUSS -> VOTE -> RESULTS -> PLAYED -> next
 * turn's LINE (or ENDING) -> DEBRIEF. Closing the vote needs votes (and
 * in teams mode a choice from every team); playing needs a decided call
 * (CLASS_ERR_NEEDS_PICK on a tie). While reviewing, Next returns one turn
 * towards the live one. */
class_status class_next(class_session *c, int64_t now_ms);
/* One step back: while the vote is open with entries, undo the last
 * entry (class_undo); RESULTS -> VOTE (the vote reopens, picks are dropped);
 * VOTE without entries -> DISCUSS -> LINE; at LINE or PLAYED, review the
 * previous turn (class_review_turn). Never removes a played turn. */
class_status class_back(class_session *c, int64_t now_ms);

/* ---- votes ---- */

/* Adds count votes (negative: takes votes back) for the option at 0-based
 * position pos, from a source, for a team (CLASS_ROOM in whole-class
 * mode). Opens the vote if it is not open yet (LINE or DISCUSS). */
class_status class_add(class_session *c, class_source source, int team,
                       size_t pos, int count);
/* Undoes the facilitator's last entry at this turn (HANDS or AGREED; the
 * vote must be open). Phone votes are never undone here: a phone changes
 * its own vote (PHONES -1 on the old option, +1 on the new one). */
class_status class_undo(class_session *c);
/* Closes the vote: VOTE -> RESULTS. */
class_status class_close_vote(class_session *c);
/* Reopens it: RESULTS -> VOTE, dropping picks. */
class_status class_reopen_vote(class_session *c);
/* The facilitator's pick on a tie, once the vote is closed: team
 * CLASS_ROOM for the call, else a team whose own votes are tied. Picking
 * among options that are not tied is CLASS_ERR_NO_TIE. */
class_status class_pick(class_session *c, int team, size_t pos);
/* Plays the call: RESULTS -> PLAYED. */
class_status class_play(class_session *c);

/* Tally at the current turn of one option, for one source (or all of
 * them with CLASS_SRC_COUNT) and one team (CLASS_ROOM: all teams). */
int class_tally(const class_session *c, class_source source, int team,
                size_t pos);
/* Total votes at the current turn (all options) for a source and team. */
int class_votes(const class_session *c, class_source source, int team);
size_t class_entry_count(const class_session *c);
/* The bar chart at the current turn: the votes that decide the call for
 * the option at pos (see class_turn.votes). */
int class_bar(const class_session *c, size_t pos);
/* A team's (or the room's, CLASS_ROOM) choice at the current turn:
 * 0-based position, or -1 with *tied set when the votes are tied (and
 * not picked), or -1 when it has no votes. */
int class_choice(const class_session *c, int team, bool *tied);
/* The call at the current turn (what will be played): the room's choice,
 * or in teams mode the majority of the teams' choices; -1 when undecided
 * (*tied set when a pick is needed). */
int class_call(const class_session *c, bool *tied);

/* ---- the discussion timer (presentation only) ---- */

void class_timer_start(class_session *c, int64_t now_ms);
void class_timer_pause(class_session *c, int64_t now_ms);
void class_timer_extend(class_session *c, int ms);
/* Skip: ends the discussion and opens the vote. */
class_status class_timer_skip(class_session *c, int64_t now_ms);
bool class_timer_running(const class_session *c);
/* Time left (never below 0), and the time it was set to this turn. */
int class_timer_left_ms(const class_session *c, int64_t now_ms);
int class_timer_total_ms(const class_session *c);

/* ---- looking back ---- */

/* A played turn as the room decided it. */
typedef struct {
    int node_index;   /* the shared node */
    int chosen_pos;   /* 0-based position of the call */
    int chosen_index; /* index into the node's choices */
    bool picked;      /* the facilitator broke a tie */
    int mood_before;
    int mood_after;
    size_t option_count;                    /* options on offer */
    int option_index[SCENARIO_MAX_CHOICES]; /* their indexes in the node */
    /* The bar chart: the votes that decided (whole class: AGREED when any,
     * else HANDS + PHONES; teams: how many teams chose each option). */
    int votes[SCENARIO_MAX_CHOICES];
    /* votes per option: all sources, all teams; per source; per team */
    int tally[SCENARIO_MAX_CHOICES];
    int source_tally[CLASS_SRC_COUNT][SCENARIO_MAX_CHOICES];
    int team_tally[CLASS_MAX_TEAMS][SCENARIO_MAX_CHOICES];
    int team_choice[CLASS_MAX_TEAMS]; /* 0-based position; teams mode */
    bool team_picked[CLASS_MAX_TEAMS];
    bool split;   /* the room (or the teams) did not all choose the same */
    int best_pos; /* the better option (score_pick's), 0-based */
} class_turn;

size_t class_turn_count(const class_session *c); /* turns played */
const class_turn *class_turn_at(const class_session *c, size_t i);

/* Review: -1 when showing the live turn, else the played turn shown
 * (class_back at LINE/PLAYED steps back; class_next forward). */
int class_review_turn(const class_session *c);

/* What an option at a played turn (or the current turn, turn ==
 * class_turn_count) would have done. */
typedef struct {
    const scenario_choice *choice;
    const char *feedback; /* NULL when not authored */
    int mood_change;
    int rating[SCENARIO_DIM_COUNT];
    double value; /* score_option_value, 0..1 */
    bool best;    /* as good as the best on offer */
    bool chosen;  /* the call at that turn */
} class_whatif;
bool class_whatif_at(const class_session *c, size_t turn, size_t pos,
                     class_whatif *out);

/* ---- scores ---- */

/* The class's scores (the call's path) for team CLASS_ROOM, else the
 * team's own choices at the shared turns. false for no such team. */
bool class_scores(const class_session *c, int team, score_summary *out);
bool class_is_finished(const class_session *c);

/* ---- events (journal and replay) ---- */

typedef enum {
    CLASS_EV_ADD,    /* source, team, pos, count */
    CLASS_EV_UNDO,   /* undo the last entry */
    CLASS_EV_CLOSE,  /* close the vote */
    CLASS_EV_REOPEN, /* reopen it */
    CLASS_EV_PICK,   /* team, pos */
    CLASS_EV_PLAY    /* play the call */
} class_event_kind;

typedef struct {
    class_event_kind kind;
    int turn; /* 0-based turn it happened at */
    class_source source;
    int team;
    int pos;
    int count;
} class_event;

size_t class_event_count(const class_session *c);
const class_event *class_event_at(const class_session *c, size_t i);
/* Applies an event as if the facilitator did it now (its turn must be the
 * current turn). */
class_status class_apply(class_session *c, const class_event *ev);
const char *class_event_kind_name(class_event_kind kind);
int class_event_kind_from_name(const char *name);

/* ---- the class debrief ---- */

/* Plain text (UTF-8, wrapped at 78 columns): the path taken with the vote
 * split at every turn, the better option at each turn, the class's and
 * every team's scores side by side, the ending and what it teaches, and
 * how promptness was scored. Returns a malloc'd string, or NULL on no
 * memory. The same class session always gives the same text. */
char *class_debrief_text(const class_session *c);
int class_debrief_write(const class_session *c, FILE *out);

#endif
