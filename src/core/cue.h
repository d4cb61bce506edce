/* cue.h — test-wise cues: can a trainee pass a scenario without judging the
 * replies, by a surface feature alone? (what `rapport lint` reports under
 * "cues"). Pure: no clock, no printing, no SDL.
 *
 * STRATEGIES. Each cue strategy is played exactly, through the real
 * session engine (session.h) and scored as score.h scores any call: from
 * the start, at every turn the strategy picks one of the options on offer
 * (conditions applied, document order, every reply exactly on target, so
 * patience never runs out), until an ending. Where several options are
 * equal by the strategy's measure (including none having the feature at
 * all) it takes the first of them on screen, as a trainee with nothing to
 * go on would. A play that has not ended after CUE_MAX_TURNS turns is
 * stopped and scored as far as it went (ended = false).
 *   longest / shortest   the reply with the most / fewest characters;
 *   first / last         the first / last option on screen;
 *   apology              the most apology words ("sorry", "apologise",
 *                        "lo siento", "أعتذر", …);
 *   stock phrase         the most stock empathy phrases ("I understand",
 *                        "rest assured", "thank you for your patience", …);
 *   number               the most numbers (runs of digits: prices, dates,
 *                        times look like knowledge);
 *   name                 the most mentions of the customer's name.
 * The word lists cover English, Spanish and Arabic; matching ignores ASCII
 * case, and Arabic diacritics and tatweel, which writers use or leave out.
 *
 * FIGURES. Over the turns a call can meet (the nodes linked from the start
 * whose options differ on some dimension, every option counted as on
 * offer), how often the best option (score.h's weighted placement, first of
 * equals) is also the longest reply (ties included), the shortest (ties
 * included), and in which position it stands.
 *
 * WARNINGS (added to the diag_list at the <scenario> element): a cue
 * strategy whose overall score reaches the pass mark; the best option
 * being the longest in more than half of the turns; the best option in the
 * same position in more than half of the turns (the game can shuffle the
 * options, but a trainer can turn shuffling off, and test plans and
 * `rapport run` keep the order).
 *
 * Ownership: cue_new() borrows the scenario while it runs and returns a
 * report the caller frees with cue_free() (NULL accepted); every string in
 * the report belongs to it.
 */
#ifndef RAPPORT_CUE_H
#define RAPPORT_CUE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "scenario.h"

/* A cue play longer than this is stopped (a loop the cue never leaves). */
#define CUE_MAX_TURNS 200

typedef enum {
    CUE_LONGEST,
    CUE_SHORTEST,
    CUE_FIRST,
    CUE_LAST,
    CUE_APOLOGY,
    CUE_STOCK_PHRASE,
    CUE_NUMBER,
    CUE_NAME,
    CUE_COUNT
} cue_strategy;

typedef struct {
    int dim[SCENARIO_DIM_COUNT]; /* 0..100, as `rapport run` prints them */
    int overall;                 /* 0..100 */
    bool passes;                 /* overall >= the scenario's pass mark */
    bool ended;                  /* reached an ending within CUE_MAX_TURNS */
    int ending_index;            /* index into sc->nodes; -1 if none */
    size_t turns;
    char *script; /* "1,3,2" for `rapport run --choices`; "" if no turn */
} cue_play;

typedef struct {
    cue_play plays[CUE_COUNT];
    int pass_mark;
    size_t turns;         /* turns judged for the figures below */
    size_t best_longest;  /* best option is the longest (ties included) */
    size_t best_shortest; /* best option is the shortest (ties included) */
    /* best_position[k]: turns where the best option is the (k+1)th */
    size_t best_position[SCENARIO_MAX_CHOICES];
} cue_report;

/* Plays every strategy on sc (a scenario that loaded without errors) and
 * adds the warnings above to diags (may be NULL). Returns NULL only when
 * memory runs out. */
cue_report *cue_new(const scenario *sc, diag_list *diags);
void cue_free(cue_report *report);

/* Short name ("longest", "stock-phrase", …) and a phrase for people
 * ("always the longest reply"). */
const char *cue_strategy_name(cue_strategy strategy);
const char *cue_strategy_description(cue_strategy strategy);

/* The measure a strategy maximises for one reply, exposed for tests:
 * characters (code points) for longest and shortest, word-list hits for
 * apology and stock phrase, runs of digits for number, mentions of any
 * part of name (may be NULL) for name; 0 for first and last. */
int cue_measure(cue_strategy strategy, const char *text, const char *name);

#endif
