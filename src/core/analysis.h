/* analysis.h — design checks and score analysis of a loaded scenario (what
 * `rapport lint` reports). Pure: no clock, no printing, no SDL.
 *
 * THE STATE SPACE. What a call can do next depends on the node, the
 * customer's mood (0..100) and the flags set so far, so the analysis
 * explores the reachable states (node, mood, flags) from the start, with
 * every option on offer (conditions applied), every branch as the session
 * takes it and every timeout (mood - SESSION_TIMEOUT_MOOD_DROP). Only the
 * flags some condition tests are tracked, and mood only when a condition
 * tests it (then analysis_report.nodes[] also has mood ranges). When more than
 * analysis_options.max_states states are reachable the analysis falls back to
 * an over-approximation that ignores conditions (every option offered, every
 * branch possible), says so with a warning and sets analysis_report.exact to
 * false: its figures are then estimates and its scripts may not be playable as
 * printed.
 *
 * WHAT IS SCORED. A "play" is a call from the start to an <ending> in which
 * every reply comes exactly on target (so patience never runs out and no
 * timeout happens), scored as score.h scores a session: per turn the
 * chosen option's placement among the options on offer; a dimension's
 * score is 100 × the MEAN over the turns where it counted (100 when none
 * did), and the overall score is the weighted mean of the rounded scores of
 * the dimensions that counted at all. Plays are compared on exactly these
 * printed numbers.
 * When a play can repeat a loop and still end, plays are limited to
 * turn_bound turns (analysis_options.max_turns; 0 = automatic:
 * ANALYSIS_DEFAULT_CYCLE_TURNS, fewer if the (state, turn) table would pass
 * ANALYSIS_MAX_CELLS); without such a loop every play is considered.
 *
 * HOW. A mean is not additive, so a plain longest-path DP does not find the
 * best mean. Per dimension the analysis maximises (and minimises) the mean
 * exactly with Dinkelbach's parametric method: for the mean S/K of the best
 * play so far, a longest-path DP over the state graph (a DAG, or the graph
 * unrolled by turn when it has a loop) looks for a play with
 * sum(K*v - S*c) > 0, i.e. a strictly better mean; when none exists S/K is
 * the optimum. Values are integers scaled by 2*lcm(1..20), so comparisons
 * are exact. Unrolled, the DP visits only the (state, turn) cells some play
 * within the bound passes through (reached in exactly that many turns,
 * with an ending close enough), which leaves its result unchanged. The
 * overall score mixes three means with different denominators; it is optimised
 * exactly by a forward DP over (state, turns, empathy turns, honesty turns)
 * keeping, for each, the Pareto front of the three score sums (a partial play
 * dominated on all three sums can never end better). The fronts are bounded
 * (analysis_options.max_entries); past that the best of a few strong
 * candidates (each dimension's extreme plays, the play with the best
 * weighted mean per turn) is reported, and overall_exact says whether it
 * is still proven: it is when it equals the bound given by the dimensions'
 * own extremes. No step enumerates paths.
 *
 * DESIGN WARNINGS that need the reachable states (added to the
 * diag_list, with the node's or choice's position; the loader's own
 * warnings, e.g. unreachable nodes, are not repeated, and lint.h checks
 * the scenario as written): a node or ending that is linked but that no
 * play reaches because conditions never hold; a choice that is never on
 * offer; nodes from which no sequence of choices reaches an ending (a loop
 * with no way out; each such node once); turns where, in some calls, the
 * options on offer do not differ on any dimension.
 *
 * Ownership: analysis_new() borrows the scenario only while it runs and
 * returns a report the caller frees with analysis_free() (NULL accepted);
 * every array and string in the report belongs to it.
 */
#ifndef RAPPORT_ANALYSIS_H
#define RAPPORT_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "scenario.h"

/* Index of the overall score in the score arrays, after the dimensions. */
#define ANALYSIS_OVERALL SCENARIO_DIM_COUNT
#define ANALYSIS_SCORE_COUNT (SCENARIO_DIM_COUNT + 1)

#define ANALYSIS_DEFAULT_MAX_STATES 200000u
#define ANALYSIS_DEFAULT_MAX_ENTRIES 250000u
#define ANALYSIS_DEFAULT_CYCLE_TURNS 100
/* Most (state, turn) pairs of the unrolled graph when a loop exists. */
#define ANALYSIS_MAX_CELLS (4u * 1024u * 1024u)

typedef struct {
    size_t max_states;  /* 0 = ANALYSIS_DEFAULT_MAX_STATES */
    int max_turns;      /* > 0: score only plays of at most this many turns;
                           0 = automatic (see above) */
    size_t max_entries; /* Pareto entries for the overall score;
                           0 = ANALYSIS_DEFAULT_MAX_ENTRIES */
} analysis_options;

/* One play: a scored extreme and the choices that reach it. */
typedef struct {
    int score;    /* 0..100 as `rapport run` prints it; -1: no play */
    int *choices; /* 1-based positions among the options on offer */
    size_t choice_count;
    char *script;     /* "1,2,1" for `rapport run --choices`; NULL if none */
    int ending_index; /* index into sc->nodes of the ending, -1 if none */
} analysis_play;

typedef struct {
    bool reachable; /* some call (timeouts included) gets here */
    int mood_min;   /* customer's mood on arrival over those calls; -1 when */
    int mood_max;   /* unknown (unreachable, or mood not tracked) */
    bool trap;      /* from here (in some calls) no choice path ends */
} analysis_node;

typedef struct {
    bool exact;         /* conditions applied (false: over-approximation) */
    bool mood_tracked;  /* mood ranges in nodes[] are known */
    size_t state_count; /* reachable (node, mood, flags) states */
    size_t flag_count;  /* flags tested by conditions (tracked) */
    bool cyclic;        /* a play can repeat a loop and still end */
    int turn_bound;     /* plays scored have at most this many turns; 0 =
                           all plays (no loop) */
    bool overall_exact; /* best/worst overall proven optimal */
    bool playable;      /* some play reaches an ending by choices alone */
    int shortest_turns; /* -1 when no play */
    int longest_turns;  /* -1 when unbounded (see cyclic) or no play */
    size_t endings_reachable[SCENARIO_OUTCOME_COUNT]; /* timeouts included */
    size_t endings_total[SCENARIO_OUTCOME_COUNT];
    bool gave_up_reachable; /* the built-in "customer gave up" ending */
    /* [SCENARIO_DIM_*] per dimension, [ANALYSIS_OVERALL] overall. */
    analysis_play best[ANALYSIS_SCORE_COUNT];
    analysis_play worst[ANALYSIS_SCORE_COUNT];
    analysis_node *nodes; /* one per sc->nodes, same order */
    size_t node_count;
} analysis_report;

/* Analyses sc (a scenario that loaded without errors). Design warnings go
 * to diags (may be NULL). options may be NULL for the defaults. Returns
 * NULL only when memory runs out. */
analysis_report *analysis_new(const scenario *sc,
                              const analysis_options *options,
                              diag_list *diags);
void analysis_free(analysis_report *report);

/* Name of a score index: "empathy", "honesty", "promptness", "overall". */
const char *analysis_score_name(int index);

#endif
