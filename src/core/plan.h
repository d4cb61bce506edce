/* plan.h — test plans: scripted calls through one scenario and what each
 * must end with (`rapport test`). A plan is an XML document in the
 * namespace PLAN_NAMESPACE, validated against the embedded schema
 * scenarios/rapport-plan-1.xsd and read with the same safeguards as a
 * scenario (xmldoc.h). The format is documented in scenarios/README.md.
 *
 * A plan names its scenario (a path relative to the plan file) and has
 * named cases. A case is a choice script as for `rapport run --choices`
 * (option numbers, or best / worst), optional response times (seconds;
 * missing ones reply exactly on target), relaxed timing, and its
 * expectations: ending, outcome, passed, band, number of turns, scores
 * (exact or a range, per dimension and overall), a text seen or not seen,
 * a node visited or not visited.
 *
 * plan_load_file() loads the plan and its scenario and checks what the
 * schema cannot: unique case names, ids that exist in the scenario (with a
 * "did you mean"), ranges that can hold, times within a day. plan_run_case()
 * plays one case with a session (no clock: the scripted times are the
 * response times) and reports every expectation that does not hold, and a
 * script that does not fit the call, as an error at the expectation's
 * PLAN:LINE:COL.
 *
 * Ownership: plan_load_file() returns a plan the caller frees with
 * plan_free() (NULL accepted); it owns its scenario and every string and
 * array inside. plan_run_case() fills a plan_result whose script the
 * caller frees with plan_result_clear(); ending_id points into the plan's
 * scenario.
 */
#ifndef RAPPORT_PLAN_H
#define RAPPORT_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "choices.h"
#include "diag.h"
#include "scenario.h"
#include "score.h"

#define PLAN_NAMESPACE "urn:rapport:plan:1"
/* Plan files larger than this are refused before parsing. */
#define PLAN_MAX_FILE_BYTES (1024u * 1024u)
/* Most choices and times in a script; best / worst stop after this many
 * turns (as `rapport run` does). */
#define PLAN_MAX_SCRIPT 1000
/* Index of the overall score in plan_expect.score, after the dimensions. */
#define PLAN_OVERALL SCENARIO_DIM_COUNT

typedef enum {
    PLAN_SCRIPT_LIST, /* the choices as listed */
    PLAN_SCRIPT_BEST, /* the best option on offer at every turn */
    PLAN_SCRIPT_WORST
} plan_script;

typedef enum {
    PLAN_EXPECT_OUTCOME,    /* value: scenario_outcome */
    PLAN_EXPECT_ENDING,     /* node: index of the ending */
    PLAN_EXPECT_PASSED,     /* value: 1 passed, 0 not */
    PLAN_EXPECT_BAND,       /* value: score_band */
    PLAN_EXPECT_TURNS,      /* value: number of turns */
    PLAN_EXPECT_SCORE,      /* score: dimension or PLAN_OVERALL; min..max */
    PLAN_EXPECT_SEEN,       /* text, where */
    PLAN_EXPECT_NOT_SEEN,   /* text, where */
    PLAN_EXPECT_VISITED,    /* node */
    PLAN_EXPECT_NOT_VISITED /* node */
} plan_expect_kind;

typedef enum {
    PLAN_WHERE_ANY,      /* customer lines or the ending's texts */
    PLAN_WHERE_CUSTOMER, /* lines of the turns played and of the ending */
    PLAN_WHERE_ENDING    /* the ending's title, lines and feedback */
} plan_where;

typedef struct {
    plan_expect_kind kind;
    int value;
    int node; /* index into the scenario's nodes */
    int score;
    int min; /* scores: inclusive range; min == max for an exact value */
    int max;
    char *text; /* seen / not seen: whitespace collapsed */
    plan_where where;
    int line; /* of the attribute (or element) that states it */
    int col;
} plan_expect;

typedef struct {
    char *name;
    plan_script script;
    choices_list choices; /* option numbers on screen or choice ids */
    int *times_ms;
    size_t time_count;
    bool relaxed;
    plan_expect *expects;
    size_t expect_count;
    int line; /* the <case> element */
    int col;
    int choices_line; /* its choices= and times= attributes */
    int choices_col;
    int times_line;
    int times_col;
} plan_case;

typedef struct {
    char *path;          /* the plan file */
    char *scenario_path; /* as resolved: relative to the plan's folder */
    scenario *sc;
    plan_case *cases;
    size_t case_count;
} plan;

typedef struct {
    bool finished; /* the script played the call to an ending */
    scenario_outcome outcome;
    const char *ending_id; /* NULL for the built-in "gave up" ending */
    score_summary summary;
    size_t turns;
    char *script;    /* the choices made, e.g. "1,2,1", as a --choices
                        script (a reply after patience ran out counts as
                        chosen); NULL if none */
    size_t failures; /* errors added to diags by plan_run_case */
} plan_result;

/* Loads a plan and its scenario. Returns NULL when either has errors
 * (every problem in diags, the scenario's at the scenario's own path). */
plan *plan_load_file(const char *path, diag_list *diags);
void plan_free(plan *p);

/* Plays case `index` and checks its expectations; each failure is added
 * to diags as an error at its position, "case 'NAME': expected ..., got
 * ...". Returns true when the case passes. out may be NULL. */
bool plan_run_case(const plan *p, size_t index, diag_list *diags,
                   plan_result *out);
void plan_result_clear(plan_result *r);

/* "needs-practice", "developing", "good", "excellent" (the plan's
 * spelling of score_band_name()); -1 / NULL for unknown. */
const char *plan_band_name(score_band band);
int plan_band_from_name(const char *name);

#endif
