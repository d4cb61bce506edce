/* debrief.h — what a trainee sees after the call: outcome, scores, mood
 * over time, each turn reviewed with the better option, strengths, the one
 * thing to practise next, principles practised and missed.
 *
 * Ownership: debrief_new() returns a debrief freed with debrief_free()
 * (NULL accepted). It points into the session's scenario (texts, nodes,
 * choices) but not into the session: free it before the scenario; the
 * session may be freed first. debrief_to_json() returns a malloc'd string
 * the caller frees with free().
 */
#ifndef RAPPORT_DEBRIEF_H
#define RAPPORT_DEBRIEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scenario.h"
#include "score.h"
#include "session.h"

typedef struct {
    int number;                    /* 1-based */
    const scenario_node *node;     /* what the customer said */
    const scenario_choice *chosen; /* NULL when patience ran out */
    int chosen_pos;                /* 1-based on screen; 0 when timed out */
    const scenario_choice *better; /* best option when not chosen, or NULL */
    int better_pos;                /* its 1-based position, or 0 */
    int response_ms;
    int target_ms;
    int mood_before;
    int mood_after;
    score_turn score;
    /* The chosen option was a critical mistake: why, in the author's
     * words (its <critical>); NULL otherwise. */
    const char *critical;
} debrief_turn;

/* Whether a call met an objective (see debrief_objective). */
typedef enum {
    DEBRIEF_OBJECTIVE_MET,
    DEBRIEF_OBJECTIVE_MISSED,
    DEBRIEF_OBJECTIVE_NOT_OFFERED, /* its principle was never on offer */
    DEBRIEF_OBJECTIVE_NO_PRINCIPLE /* the author gave it no principle */
} debrief_objective_status;

/* An objective judged on the call. The rule: an objective tagged with a
 * principle is MET when, at every turn where some option on offer carried
 * that principle, the trainee chose an option at least as good (on the
 * weighted value the scores use) as the best option on offer carrying it;
 * MISSED when at one such turn the reply was worse (or patience ran out);
 * NOT_OFFERED when no option carrying it was on offer in this call. So a
 * trainee who picks the best option at every turn meets every objective
 * the call offered, even when the principle sat only on weaker options or
 * its options were hidden by a condition. */
typedef struct {
    const scenario_objective *objective;
    debrief_objective_status status;
    int offered_turns; /* turns where the principle was on offer */
    int missed_turn;   /* the first turn (1-based) it was missed, or 0 */
    char *text;        /* "listening: met, on offer at 3 turns" */
} debrief_objective;

typedef struct {
    const scenario *sc;
    bool finished;
    scenario_outcome outcome;
    const scenario_node *ending; /* NULL for the built-in "gave up" */
    bool gave_up;
    bool relaxed_timing;
    bool shuffled; /* options shown in an order drawn from seed */
    uint64_t seed; /* 0 when not shuffled */
    score_summary summary;
    size_t critical_count; /* turns with a critical mistake: not passed */
    int *mood;             /* initial mood, then after each turn */
    size_t mood_count;
    debrief_turn *turns;
    size_t turn_count;
    long total_response_ms;
    scenario_dim strengths[SCENARIO_DIM_COUNT]; /* best first */
    size_t strength_count;
    scenario_dim practise; /* the one dimension to practise next */
    int practise_turn;     /* index into turns, or -1 */
    int practised[SCENARIO_PRINCIPLE_COUNT]; /* count per principle */
    int missed[SCENARIO_PRINCIPLE_COUNT];
    debrief_objective *objectives; /* one per scenario objective */
    size_t objective_count;
    /* Sentences built once here, so that every front end (rapport run,
     * the game, the result files) says the same thing: */
    char *verdict;       /* "passed" or "not passed: WHY" */
    char *practise_text; /* the one thing to practise next, with advice */
} debrief;

/* Builds the debrief of a session (finished or not). NULL on no memory.
 * The verdict, the practise-next sentence and each objective's sentence
 * are built here and only here: the text and JSON debriefs, the result
 * files and the game print them as they are. */
debrief *debrief_new(const session *s);
void debrief_free(debrief *d);

/* One-sentence advice for practising a dimension. */
const char *debrief_advice(scenario_dim dim);
/* Text of the customer's lines at a node joined with spaces (malloc'd). */
char *debrief_customer_text(const scenario_node *node);

/* Plain-text report (UTF-8, wrapped at 78 columns). Returns 0, or -1 when
 * the stream reports a write error. */
int debrief_write_text(const debrief *d, FILE *out);
/* JSON report; NULL on no memory. */
char *debrief_to_json(const debrief *d);

#endif
