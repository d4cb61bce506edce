/* scenario.h — the scenario model: what a trainer authored, loaded and
 * checked. Read-only once loaded; sessions, scoring and the front ends only
 * borrow it.
 *
 * Ownership: scenario_load_file() / scenario_load_memory() return a scenario
 * the caller frees with scenario_free() (NULL is accepted). Every string and
 * array inside belongs to the scenario. Sessions keep a pointer to the
 * scenario: free it only after every session that uses it.
 *
 * Text is stored as UTF-8 with runs of whitespace collapsed to one space and
 * trimmed, so authors may indent and wrap their XML freely.
 */
#ifndef RAPPORT_SCENARIO_H
#define RAPPORT_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Files larger than this are refused before parsing. */
#define SCENARIO_MAX_FILE_BYTES (16u * 1024u * 1024u)
/* At most this many choices at one node (keys 1-9 pick them). */
#define SCENARIO_MAX_CHOICES 9
#define SCENARIO_NAMESPACE "urn:rapport:scenario:1"

typedef enum {
    SCENARIO_DIM_EMPATHY,
    SCENARIO_DIM_HONESTY,
    SCENARIO_DIM_PROMPTNESS,
    SCENARIO_DIM_COUNT
} scenario_dim;

typedef enum {
    SCENARIO_OUTCOME_RESOLVED,
    SCENARIO_OUTCOME_PARTIAL,
    SCENARIO_OUTCOME_ESCALATED,
    SCENARIO_OUTCOME_LOST,
    SCENARIO_OUTCOME_COUNT
} scenario_outcome;

typedef enum {
    SCENARIO_EXPR_AUTO, /* not authored: follows the customer's mood */
    SCENARIO_EXPR_FURIOUS,
    SCENARIO_EXPR_IRATE,
    SCENARIO_EXPR_ANNOYED,
    SCENARIO_EXPR_WORRIED,
    SCENARIO_EXPR_CONFUSED,
    SCENARIO_EXPR_SAD,
    SCENARIO_EXPR_CALM,
    SCENARIO_EXPR_RELIEVED,
    SCENARIO_EXPR_HAPPY,
    SCENARIO_EXPR_COUNT
} scenario_expression;

typedef enum {
    SCENARIO_CHANNEL_PHONE,
    SCENARIO_CHANNEL_COUNTER,
    SCENARIO_CHANNEL_CHAT,
    SCENARIO_CHANNEL_EMAIL,
    SCENARIO_CHANNEL_COUNT
} scenario_channel;

/* Principles a choice or objective can be tagged with (bit flags). */
typedef enum {
    SCENARIO_PRINCIPLE_ACKNOWLEDGE,
    SCENARIO_PRINCIPLE_LISTENING,
    SCENARIO_PRINCIPLE_SINCERITY,
    SCENARIO_PRINCIPLE_COMPOSURE,
    SCENARIO_PRINCIPLE_INTEGRITY,
    SCENARIO_PRINCIPLE_UNDERSTANDING,
    SCENARIO_PRINCIPLE_PROMPTNESS,
    SCENARIO_PRINCIPLE_VALUE,
    SCENARIO_PRINCIPLE_FAIRNESS,
    SCENARIO_PRINCIPLE_CLARITY,
    SCENARIO_PRINCIPLE_OWNERSHIP,
    SCENARIO_PRINCIPLE_RESPECT,
    SCENARIO_PRINCIPLE_ADAPTABILITY,
    SCENARIO_PRINCIPLE_KNOWLEDGE,
    SCENARIO_PRINCIPLE_COUNT
} scenario_principle;

/* Mood scale 0..100 and the named moods authors may use. */
enum {
    SCENARIO_MOOD_FURIOUS = 10,
    SCENARIO_MOOD_IRATE = 25,
    SCENARIO_MOOD_ANNOYED = 40,
    SCENARIO_MOOD_CALM = 60,
    SCENARIO_MOOD_HAPPY = 80
};

typedef struct {
    char **if_flags; /* all must be set */
    size_t if_count;
    char **unless_flags; /* none may be set */
    size_t unless_count;
    int min_mood; /* inclusive, 0 when not authored */
    int max_mood; /* inclusive, 100 when not authored */
} scenario_condition;

typedef struct {
    char *next;
    int next_index; /* index into scenario.nodes, -1 if dangling */
    scenario_condition cond;
    int line; /* of the <branch> tag */
    int col;
} scenario_branch;

typedef struct {
    char *id;       /* unique within its node; NULL if not authored */
    char *say;      /* what the trainee says */
    char *feedback; /* why it is good or weak; NULL if not authored */
    /* A critical mistake: why, in the author's words (NULL: not one). A
     * call where it is chosen is not passed whatever the score; with
     * critical_conditional, only when critical_cond holds as it is chosen
     * (before the choice's own effects). */
    char *critical;
    scenario_condition critical_cond;
    bool critical_conditional;
    int critical_line;
    int critical_col;
    char *next;
    int next_index;
    int rating[SCENARIO_DIM_COUNT]; /* -10..10 */
    int mood_change;                /* -100..100 */
    uint32_t principles;            /* bit (1u << scenario_principle) */
    char **set_flags;
    size_t set_count;
    char **clear_flags;
    size_t clear_count;
    scenario_condition cond;
    bool conditional; /* cond has any test */
    bool pinned;      /* keeps its place when options are shuffled */
    scenario_branch *branches;
    size_t branch_count;
    int line;
    int col;
} scenario_choice;

typedef struct {
    char *text;
    scenario_expression expression;
} scenario_line;

/* A dialogue node, or an ending (is_ending). */
typedef struct {
    char *id;
    bool is_ending;
    scenario_line *lines;
    size_t line_count;
    /* nodes only */
    scenario_choice *choices;
    size_t choice_count;
    int target_ms; /* authored response-time target; 0 = derived */
    char *timeout; /* where patience running out leads; NULL = customer's */
    int timeout_index;
    /* endings only */
    scenario_outcome outcome;
    char *title;    /* NULL if not authored */
    char *feedback; /* closing feedback; NULL if not authored */
    int line;
    int col;
} scenario_node;

typedef struct {
    char *text;
    int principle; /* scenario_principle, or -1 */
    int line;      /* of the <objective> tag */
    int col;
} scenario_objective;

typedef struct {
    int skin;        /* 1..6, 0 = not authored */
    int hair;        /* index into scenario_hair_names(), -1 = not authored */
    int hair_colour; /* index into scenario_hair_colour_names(), -1 */
    int glasses;     /* 1 yes, 0 no, -1 not authored */
    int beard;       /* 1 yes, 0 no, -1 not authored */
} scenario_look;

typedef struct {
    char *name;
    char *persona; /* NULL if not authored */
    int mood;      /* initial, 0..100 */
    int patience_ms;
    char *timeout; /* NULL = built-in "gave up" ending */
    int timeout_index;
    scenario_look look;
} scenario_customer;

typedef struct {
    char *path; /* the file it was loaded from (or the name given) */
    char *id;
    char *version;
    char *lang;
    char *title;
    char *summary; /* NULL if not authored */
    scenario_channel channel;
    int difficulty; /* 1..5 */
    double minutes; /* estimated; 0 = not authored */
    scenario_objective *objectives;
    size_t objective_count;
    scenario_customer customer;
    int pass_mark;                  /* 0..100 */
    int weight[SCENARIO_DIM_COUNT]; /* 0..10 */
    scenario_node *nodes;           /* nodes and endings, document order */
    size_t node_count;
    int start_index;
    int line; /* of the <scenario> start tag */
    int col;
} scenario;

/* Loads, validates (schema and semantics) and returns a scenario, or NULL
 * when the file has errors. Every problem found goes to diags (errors and
 * warnings, all of them in one run); diags may be NULL. A non-NULL result
 * can still come with warnings. */
scenario *scenario_load_file(const char *path, diag_list *diags);
/* Same from memory; name is used in diagnostics. */
scenario *scenario_load_memory(const char *data, size_t size, const char *name,
                               diag_list *diags);
void scenario_free(scenario *sc);

/* Which nodes and endings the start links to, following every choice,
 * branch and timeout with conditions ignored. Returns a malloc'd array of
 * node_count flags (1 = linked) the caller frees, or NULL on no memory. */
unsigned char *scenario_linked(const scenario *sc);

/* A character a scenario shows that a caller's test picked out (one no
 * font can draw, for lint), and where it is first written in the file. */
typedef struct {
    uint32_t cp;
    int line; /* 0 when not found in the file */
    int col;
    size_t count; /* times it is shown */
} scenario_char;
/* Every distinct character of the text a scenario shows (title, summary,
 * the customer's name and persona, objectives, lines, options, feedback,
 * endings' titles) for which pick() is true (asked once per distinct
 * character), in the order first met. The file (sc->path) is read again
 * for the positions only when some character is picked. Returns a malloc'd
 * array the caller frees and its length in *count; NULL and 0 when none
 * (or out of memory). */
scenario_char *scenario_find_chars(const scenario *sc,
                                   bool (*pick)(void *ctx, uint32_t cp),
                                   void *ctx, size_t *count);

/* Index of the node or ending with this id, or -1. */
int scenario_find(const scenario *sc, const char *id);
/* The node or ending id closest to a misspelt one (at most 2 edits), for
 * "did you mean" hints; NULL when none is close. */
const char *scenario_suggest_id(const scenario *sc, const char *id);

/* The response-time target of a node in ms: the authored target, or one
 * derived from how much there is to read (see scenario_default_target_ms). */
int scenario_target_ms(const scenario_node *node);
/* 5 s plus 0.3 s per word of the customer's lines and the options. */
int scenario_default_target_ms(const scenario_node *node);

/* Expression for a mood 0..100 when a line has none authored. */
scenario_expression scenario_expression_for_mood(int mood);
bool scenario_condition_holds(const scenario_condition *cond, int mood,
                              bool (*flag_is_set)(const void *ctx,
                                                  const char *flag),
                              const void *ctx);

const char *scenario_dim_name(scenario_dim dim);
const char *scenario_outcome_name(scenario_outcome outcome);
const char *scenario_expression_name(scenario_expression expression);
const char *scenario_channel_name(scenario_channel channel);
const char *scenario_principle_name(scenario_principle principle);
const char *scenario_hair_name(int hair);
const char *scenario_hair_colour_name(int colour);
/* Lookups by name; -1 when unknown. */
int scenario_outcome_from_name(const char *name);
int scenario_expression_from_name(const char *name);
int scenario_channel_from_name(const char *name);
int scenario_principle_from_name(const char *name);
int scenario_hair_from_name(const char *name);
int scenario_hair_colour_from_name(const char *name);

#endif
