/* score.h — scoring a session on empathy, honesty and promptness.
 *
 * Per turn, the chosen option is placed between the worst and the best
 * option on offer at that turn, on each dimension (0 = as bad as the worst
 * option, 1 = as good as the best). A dimension only counts at the turns
 * where the options on offer differ on it. Promptness also weighs the
 * response time: full marks up to the node's target, falling linearly to
 * zero at SCORE_ZERO_AT_TARGET_MULTIPLE times the target. At a turn where
 * the options differ on promptness it is placement × (0.5 + 0.5 × time):
 * a fast reply that does nothing scores 0, a late action-oriented one
 * keeps at least half; else it is the time alone. A turn where patience
 * ran out scores 0 on promptness and does not count for empathy or
 * honesty.
 *
 * A dimension's score is 100 × the mean over its counted turns, rounded
 * (shown as 100 when no turn counted: "not assessed"). The overall score
 * is the weighted mean of the assessed dimensions' rounded scores with the
 * scenario's weights (equal weights if those are all 0), rounded; the session
 * passes when overall >= the scenario's pass mark and the customer's
 * patience never ran out (a customer left waiting until they gave up is
 * not a pass, however good the turns before). scenarios/README.md has
 * a worked example.
 *
 * Everything here is pure: no allocation, no clock.
 */
#ifndef RAPPORT_SCORE_H
#define RAPPORT_SCORE_H

#include <stdbool.h>

#include "scenario.h"
#include "session.h"

#define SCORE_ZERO_AT_TARGET_MULTIPLE 3

typedef enum {
    SCORE_BAND_NEEDS_PRACTICE, /* overall < 50 */
    SCORE_BAND_DEVELOPING,     /* 50..74 */
    SCORE_BAND_GOOD,           /* 75..89 */
    SCORE_BAND_EXCELLENT       /* 90..100 */
} score_band;

typedef struct {
    bool counted[SCENARIO_DIM_COUNT];
    double value[SCENARIO_DIM_COUNT]; /* 0..1 where counted */
    double time;     /* 0..1, the response-time part of promptness */
    int best_choice; /* index into node.choices of the best option on
                        offer (first of equals), -1 if none */
    bool chose_best; /* the trainee's option was as good as the best */
    double quality;  /* weighted placement of the chosen option, 0..1 */
} score_turn;

typedef struct {
    int dim[SCENARIO_DIM_COUNT];           /* 0..100 */
    int turns_counted[SCENARIO_DIM_COUNT]; /* turns that counted */
    int overall;                           /* 0..100 */
    int timed_out_turns;                   /* turns where patience ran out */
    bool passed; /* overall >= pass mark and no turn timed out */
    score_band band;
} score_summary;

/* The time part of promptness for a reply: 1 up to target, 0 at
 * SCORE_ZERO_AT_TARGET_MULTIPLE × target; always 1 when relaxed. */
double score_time(int response_ms, int target_ms, bool relaxed);

/* Placement of one option on one dimension among the options on offer
 * (bit i of offered = node.choices[i]); -1 when they do not differ. */
double score_placement(const scenario_node *node, unsigned offered,
                       int choice_index, scenario_dim dim);

/* Weighted placement of an option among those on offer over the dimensions
 * where they differ (0..1, the scenario's weights; 1 when nothing differs).
 * Promptness uses the rating only (time is the trainee's, not the
 * option's). */
double score_option_value(const scenario *sc, const scenario_node *node,
                          unsigned offered, int choice_index);

void score_evaluate_turn(const scenario *sc, const session_turn *turn,
                         bool relaxed, score_turn *out);
void score_summarise(const session *s, score_summary *out);
/* The same over turns given as an array (e.g. the turns a team would have
 * played at the nodes a class's call led to). */
void score_summarise_turns(const scenario *sc, const session_turn *turns,
                           size_t count, bool relaxed, score_summary *out);

/* Position (0-based) of the best option on offer at the session's current
 * node (the worst when worst is true): the weighted mean of its placements
 * on the dimensions where the options differ (1 when none do), the first
 * of equals. `rapport run --choices best|worst` and test plans play these;
 * 0 when the call has ended. */
size_t score_pick(const session *s, bool worst);

score_band score_band_for(int overall);
const char *score_band_name(score_band band);
/* Rounds half up; scores are never negative. */
int score_round(double value);

#endif
