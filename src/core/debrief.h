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
} debrief;

/* Builds the debrief of a session (finished or not). NULL on no memory. */
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
