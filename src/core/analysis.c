/* analysis.c — design checks and exact score analysis (see analysis.h).
 *
 * Outline: an_explore() builds the graph of reachable states (node, mood,
 * flags) with one edge per option on offer (scored as score.h scores it,
 * values scaled by AN_Q so every sum is an exact integer) and one timeout
 * target per state. an_prepare() keeps the states from which an ending can
 * be reached by choices, orders them (or finds a loop and unrolls by turn)
 * and an_oracle() finds the play maximising any per-edge weight over them.
 * an_ratio() turns that into the best or worst mean (Dinkelbach), and
 * an_pareto() optimises the overall score exactly. an_lint() writes the
 * design warnings.
 */
#include "analysis.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "score.h"
#include "session.h"

/* 2 × lcm(1..20): a placement (r - lo) / (hi - lo) with hi - lo <= 20 is a
 * whole multiple of 1 / AN_Q. */
#define AN_Q 465585120LL
#define AN_NEG_INF (INT64_MIN / 4)
#define AN_GAVE_UP (-2)
#define AN_NO_TIMEOUT (-1)
/* Keeps K * value * turns inside int64 (50,000² × AN_Q < 2^63). */
#define AN_TURN_HARD_CAP 50000
#define AN_MAX_FLAGS 64
#define AN_NO_EDGE 0xFFFFu
#define AN_MAX_FRONT 512
#define AN_MAX_ROUNDS 200
#define AN_COMBINED 3 /* pseudo-dimension: weighted per-turn value */

typedef struct {
    uint64_t if_mask;
    uint64_t unless_mask;
    int min_mood;
    int max_mood;
} an_cond;

typedef struct {
    an_cond cond;
    bool conditional;
    uint64_t set_mask;
    uint64_t clear_mask;
    an_cond *branches; /* one per scenario branch */
} an_choice;

typedef struct {
    int node;
    int mood;
    uint64_t flags;
    uint32_t first_edge;
    uint32_t edge_count;
    int timeout; /* state id, AN_GAVE_UP or AN_NO_TIMEOUT (endings) */
} an_state;

typedef struct {
    int32_t target;
    uint8_t pos;     /* 1-based position among the options on offer */
    uint8_t choice;  /* index into node.choices */
    uint8_t counted; /* bit d: the turn counts for dimension d */
    int32_t value[SCENARIO_DIM_COUNT]; /* × AN_Q */
} an_edge;

typedef struct {
    int32_t *edges;
    size_t len;
    size_t cap;
} an_path;

typedef struct {
    const scenario *sc;
    size_t max_states;
    /* flags tested by conditions */
    const char *flag_names[AN_MAX_FLAGS];
    size_t flag_count;
    bool mood_relevant;
    /* per choice, indexed choice_base[node] + choice */
    an_choice *choices;
    size_t *choice_base;
    /* exploration mode */
    bool ignore_conditions;
    bool track_mood;
    bool overflow;
    bool oom;
    /* states and edges */
    an_state *states;
    size_t state_count;
    size_t state_cap;
    an_edge *edges;
    size_t edge_count;
    size_t edge_cap;
    int32_t *slots;
    size_t slot_cap;
    bool gave_up_reachable;
    /* first offered set per node whose options do not differ (mask + 1) */
    unsigned *flat_offer;
    uint16_t *offered_union;
    /* scoring graph */
    unsigned char *in_g;
    int32_t *order; /* post-order of the scoring states (targets first) */
    size_t order_count;
    int32_t *gidx; /* state -> index into order, -1 outside */
    bool cyclic;
    bool unrolled;
    int bound;
    /* oracle work space */
    int64_t *val;
    int32_t *pick;
    /* the scoring graph in post-order, compact: slots cg_first[i] ..
     * cg_first[i + 1] - 1 are the edges of order[i] into the graph */
    uint32_t *cg_first;
    int32_t *cg_target; /* index into order */
    int32_t *cg_edge;   /* index into edges */
    int64_t *cg_w;      /* the weights the oracle maximises, per slot */
    int32_t *cg_val;    /* per slot: each dimension's value (0 where the
                           turn does not count it), then the combined one */
    uint8_t *cg_cnt;    /* per slot: bit d, the turn counts dimension d */
    unsigned char *cg_end;
    /* the graph unrolled by turn (when it has a loop): only the cells
     * (state, turn) some play within the bound passes through. Cells of
     * turn t are turn_first[t] .. turn_first[t + 1] - 1; cell c is state
     * cell_state[c] (index into order); its slots' targets are the cells
     * cell_succ[cell_edge[c] + l] of turn t + 1 (-1: too far from an
     * ending); cell_val and cell_pick are the oracle's work space */
    uint32_t *turn_first;
    int32_t *cell_state;
    uint32_t *cell_edge;
    int32_t *cell_succ;
    int64_t *cell_val;
    uint16_t *cell_pick;
    int64_t *combined;
    an_path path;
    /* per dimension (and AN_COMBINED): the play with the most counted
     * turns, where both directions of an_ratio start (-1: not yet) */
    int most_rc[AN_COMBINED + 1];
    an_path most[AN_COMBINED + 1];
    int weight[SCENARIO_DIM_COUNT];
    int weight_sum;
} an_ctx;

static const char *const an_score_names[ANALYSIS_SCORE_COUNT] = {
    "empathy", "honesty", "promptness", "overall"};

const char *analysis_score_name(int index)
{
    if (index < 0 || index >= ANALYSIS_SCORE_COUNT) {
        return "unknown";
    }
    return an_score_names[index];
}

static int an_clamp_mood(int mood)
{
    return mood < 0 ? 0 : (mood > 100 ? 100 : mood);
}

static size_t an_choice_limit(const scenario_node *n)
{
    return n->choice_count < SCENARIO_MAX_CHOICES ? n->choice_count
                                                  : SCENARIO_MAX_CHOICES;
}

/* ---------- flags and conditions ---------- */

static bool an_add_flag_name(an_ctx *cx, const char *name)
{
    for (size_t i = 0; i < cx->flag_count; i++) {
        if (strcmp(cx->flag_names[i], name) == 0) {
            return true;
        }
    }
    if (cx->flag_count == AN_MAX_FLAGS) {
        return false;
    }
    cx->flag_names[cx->flag_count++] = name;
    return true;
}

static bool an_collect_cond(an_ctx *cx, const scenario_condition *c)
{
    bool ok = true;
    for (size_t i = 0; i < c->if_count; i++) {
        ok = an_add_flag_name(cx, c->if_flags[i]) && ok;
    }
    for (size_t i = 0; i < c->unless_count; i++) {
        ok = an_add_flag_name(cx, c->unless_flags[i]) && ok;
    }
    if (c->min_mood > 0 || c->max_mood < 100) {
        cx->mood_relevant = true;
    }
    return ok;
}

static uint64_t an_mask(const an_ctx *cx, char **names, size_t count)
{
    uint64_t mask = 0;
    for (size_t i = 0; i < count; i++) {
        for (size_t f = 0; f < cx->flag_count; f++) {
            if (strcmp(cx->flag_names[f], names[i]) == 0) {
                mask |= UINT64_C(1) << f;
                break;
            }
        }
    }
    return mask;
}

static an_cond an_make_cond(const an_ctx *cx, const scenario_condition *c)
{
    an_cond out;
    out.if_mask = an_mask(cx, c->if_flags, c->if_count);
    out.unless_mask = an_mask(cx, c->unless_flags, c->unless_count);
    out.min_mood = c->min_mood;
    out.max_mood = c->max_mood;
    return out;
}

static bool an_holds(const an_cond *c, int mood, uint64_t flags)
{
    return mood >= c->min_mood && mood <= c->max_mood &&
           (flags & c->if_mask) == c->if_mask && (flags & c->unless_mask) == 0;
}

/* Collects the tested flags and precomputes masks. Returns false when
 * memory runs out; too many flags only force the over-approximation. */
static bool an_setup(an_ctx *cx, bool *too_many_flags)
{
    const scenario *sc = cx->sc;
    *too_many_flags = false;
    cx->choice_base = calloc(sc->node_count + 1, sizeof(size_t));
    if (!cx->choice_base) {
        return false;
    }
    size_t total = 0;
    for (size_t n = 0; n < sc->node_count; n++) {
        cx->choice_base[n] = total;
        total += sc->nodes[n].choice_count;
        for (size_t c = 0; c < sc->nodes[n].choice_count; c++) {
            const scenario_choice *ch = &sc->nodes[n].choices[c];
            if (!an_collect_cond(cx, &ch->cond)) {
                *too_many_flags = true;
            }
            for (size_t b = 0; b < ch->branch_count; b++) {
                if (!an_collect_cond(cx, &ch->branches[b].cond)) {
                    *too_many_flags = true;
                }
            }
        }
    }
    cx->choice_base[sc->node_count] = total;
    cx->choices = calloc(total ? total : 1, sizeof(an_choice));
    if (!cx->choices) {
        return false;
    }
    for (size_t n = 0; n < sc->node_count; n++) {
        for (size_t c = 0; c < sc->nodes[n].choice_count; c++) {
            const scenario_choice *ch = &sc->nodes[n].choices[c];
            an_choice *ac = &cx->choices[cx->choice_base[n] + c];
            ac->cond = an_make_cond(cx, &ch->cond);
            ac->conditional = ch->conditional;
            ac->set_mask = an_mask(cx, ch->set_flags, ch->set_count);
            ac->clear_mask = an_mask(cx, ch->clear_flags, ch->clear_count);
            if (ch->branch_count) {
                ac->branches = calloc(ch->branch_count, sizeof(an_cond));
                if (!ac->branches) {
                    return false;
                }
                for (size_t b = 0; b < ch->branch_count; b++) {
                    ac->branches[b] = an_make_cond(cx, &ch->branches[b].cond);
                }
            }
        }
    }
    return true;
}

/* ---------- exploring the states ---------- */

static uint64_t an_hash(int node, int mood, uint64_t flags)
{
    uint64_t h = (uint64_t)(uint32_t)node * UINT64_C(0x9E3779B97F4A7C15);
    h ^= (uint64_t)(uint32_t)mood * UINT64_C(0xC2B2AE3D27D4EB4F);
    h ^= flags + UINT64_C(0x165667B19E3779F9) + (h << 6) + (h >> 2);
    h ^= h >> 33;
    h *= UINT64_C(0xFF51AFD7ED558CCD);
    h ^= h >> 33;
    return h;
}

static bool an_rehash(an_ctx *cx)
{
    size_t cap = cx->slot_cap ? cx->slot_cap * 2 : 1024;
    int32_t *slots = malloc(cap * sizeof(int32_t));
    if (!slots) {
        return false;
    }
    memset(slots, 0xFF, cap * sizeof(int32_t));
    for (size_t i = 0; i < cx->state_count; i++) {
        const an_state *s = &cx->states[i];
        size_t at = (size_t)an_hash(s->node, s->mood, s->flags) & (cap - 1);
        while (slots[at] >= 0) {
            at = (at + 1) & (cap - 1);
        }
        slots[at] = (int32_t)i;
    }
    free(cx->slots);
    cx->slots = slots;
    cx->slot_cap = cap;
    return true;
}

/* Id of the state, adding it when new; -1 past the cap or out of
 * memory. Endings are one state each. */
static int an_state_id(an_ctx *cx, int node, int mood, uint64_t flags)
{
    if (cx->sc->nodes[node].is_ending || cx->ignore_conditions) {
        mood = 0;
        flags = 0;
    } else if (!cx->track_mood) {
        mood = 0;
    }
    if ((cx->state_count + 1) * 2 > cx->slot_cap && !an_rehash(cx)) {
        cx->oom = true;
        return -1;
    }
    size_t at = (size_t)an_hash(node, mood, flags) & (cx->slot_cap - 1);
    while (cx->slots[at] >= 0) {
        const an_state *s = &cx->states[cx->slots[at]];
        if (s->node == node && s->mood == mood && s->flags == flags) {
            return cx->slots[at];
        }
        at = (at + 1) & (cx->slot_cap - 1);
    }
    if (cx->state_count >= cx->max_states) {
        cx->overflow = true;
        return -1;
    }
    if (cx->state_count == cx->state_cap) {
        size_t cap = cx->state_cap ? cx->state_cap * 2 : 256;
        an_state *grown = realloc(cx->states, cap * sizeof(an_state));
        if (!grown) {
            cx->oom = true;
            return -1;
        }
        cx->states = grown;
        cx->state_cap = cap;
    }
    an_state *s = &cx->states[cx->state_count];
    memset(s, 0, sizeof *s);
    s->node = node;
    s->mood = mood;
    s->flags = flags;
    s->timeout = AN_NO_TIMEOUT;
    cx->slots[at] = (int32_t)cx->state_count;
    return (int)cx->state_count++;
}

/* Scores option ci among the options on offer, as score.h does with a
 * reply on target. */
static void an_contrib(const scenario_node *n, unsigned offered, int ci,
                       an_edge *e)
{
    e->counted = 0;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        int lo = 0;
        int hi = 0;
        bool any = false;
        for (size_t i = 0; i < an_choice_limit(n); i++) {
            if (!(offered & (1u << i))) {
                continue;
            }
            int r = n->choices[i].rating[d];
            if (!any || r < lo) {
                lo = r;
            }
            if (!any || r > hi) {
                hi = r;
            }
            any = true;
        }
        int r = n->choices[ci].rating[d];
        long long v = 0;
        if (any && hi > lo) {
            e->counted |= (uint8_t)(1u << d);
            v = (long long)(r - lo) * (AN_Q / (hi - lo));
        } else if (d == SCENARIO_DIM_PROMPTNESS) {
            e->counted |= (uint8_t)(1u << d);
            v = AN_Q;
        }
        e->value[d] = (int32_t)v;
    }
}

static bool an_push_edge(an_ctx *cx, const an_edge *e)
{
    if (cx->edge_count == cx->edge_cap) {
        size_t cap = cx->edge_cap ? cx->edge_cap * 2 : 1024;
        an_edge *grown = realloc(cx->edges, cap * sizeof(an_edge));
        if (!grown) {
            cx->oom = true;
            return false;
        }
        cx->edges = grown;
        cx->edge_cap = cap;
    }
    cx->edges[cx->edge_count++] = *e;
    return true;
}

static bool an_differs(const scenario_node *n, unsigned offered)
{
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        int first = 0;
        bool any = false;
        for (size_t i = 0; i < an_choice_limit(n); i++) {
            if (!(offered & (1u << i))) {
                continue;
            }
            if (any && n->choices[i].rating[d] != first) {
                return true;
            }
            first = n->choices[i].rating[d];
            any = true;
        }
    }
    return false;
}

/* Expands one state: its options on offer and its timeout. */
static bool an_expand(an_ctx *cx, size_t id)
{
    const scenario *sc = cx->sc;
    int node = cx->states[id].node;
    int mood = cx->states[id].mood;
    uint64_t flags = cx->states[id].flags;
    const scenario_node *n = &sc->nodes[node];
    cx->states[id].first_edge = (uint32_t)cx->edge_count;
    cx->states[id].edge_count = 0;
    if (n->is_ending) {
        return true;
    }
    an_choice *info = &cx->choices[cx->choice_base[node]];
    unsigned offered = 0;
    for (size_t i = 0; i < an_choice_limit(n); i++) {
        if (cx->ignore_conditions || !info[i].conditional ||
            an_holds(&info[i].cond, mood, flags)) {
            offered |= 1u << i;
        }
    }
    cx->offered_union[node] |= (uint16_t)offered;
    if (!cx->flat_offer[node] && !an_differs(n, offered)) {
        cx->flat_offer[node] = offered + 1;
    }
    uint8_t pos = 0;
    for (size_t i = 0; i < an_choice_limit(n); i++) {
        if (!(offered & (1u << i))) {
            continue;
        }
        pos++;
        const scenario_choice *ch = &n->choices[i];
        an_edge e;
        memset(&e, 0, sizeof e);
        e.pos = pos;
        e.choice = (uint8_t)i;
        an_contrib(n, offered, (int)i, &e);
        if (cx->ignore_conditions) {
            /* every branch target is possible, and next= */
            for (size_t b = 0; b <= ch->branch_count; b++) {
                int t = b == ch->branch_count ? ch->next_index
                                              : ch->branches[b].next_index;
                if (t < 0) {
                    continue;
                }
                int sid = an_state_id(cx, t, 0, 0);
                if (sid < 0) {
                    return false;
                }
                bool dup = false;
                for (uint32_t k = cx->states[id].first_edge;
                     k < cx->edge_count; k++) {
                    if (cx->edges[k].choice == e.choice &&
                        cx->edges[k].target == sid) {
                        dup = true;
                    }
                }
                if (!dup) {
                    e.target = sid;
                    if (!an_push_edge(cx, &e)) {
                        return false;
                    }
                    cx->states[id].edge_count++;
                }
            }
            continue;
        }
        int m2 = an_clamp_mood(mood + ch->mood_change);
        uint64_t f2 = (flags & ~info[i].clear_mask) | info[i].set_mask;
        int t = ch->next_index;
        for (size_t b = 0; b < ch->branch_count; b++) {
            if (an_holds(&info[i].branches[b], m2, f2)) {
                t = ch->branches[b].next_index;
                break;
            }
        }
        if (t < 0) {
            continue;
        }
        int sid = an_state_id(cx, t, m2, f2);
        if (sid < 0) {
            return false;
        }
        e.target = sid;
        if (!an_push_edge(cx, &e)) {
            return false;
        }
        cx->states[id].edge_count++;
    }
    int tn =
        n->timeout_index >= 0 ? n->timeout_index : sc->customer.timeout_index;
    if (tn < 0) {
        cx->gave_up_reachable = true;
        cx->states[id].timeout = AN_GAVE_UP;
    } else {
        int sid = an_state_id(
            cx, tn, an_clamp_mood(mood - SESSION_TIMEOUT_MOOD_DROP), flags);
        if (sid < 0) {
            return false;
        }
        cx->states[id].timeout = sid;
    }
    return true;
}

static void an_reset_states(an_ctx *cx)
{
    cx->state_count = 0;
    cx->edge_count = 0;
    if (cx->slots) {
        memset(cx->slots, 0xFF, cx->slot_cap * sizeof(int32_t));
    }
    cx->overflow = false;
    cx->gave_up_reachable = false;
    memset(cx->flat_offer, 0, cx->sc->node_count * sizeof(unsigned));
    memset(cx->offered_union, 0, cx->sc->node_count * sizeof(uint16_t));
}

/* Explores every reachable state; false past the cap (cx->overflow) or
 * out of memory (cx->oom). */
static bool an_explore(an_ctx *cx)
{
    an_reset_states(cx);
    const scenario *sc = cx->sc;
    int start =
        an_state_id(cx, sc->start_index, an_clamp_mood(sc->customer.mood), 0);
    if (start < 0) {
        return false;
    }
    for (size_t i = 0; i < cx->state_count; i++) {
        if (!an_expand(cx, i)) {
            return false;
        }
    }
    return true;
}

/* ---------- the scoring graph ---------- */

static bool an_is_ending(const an_ctx *cx, int32_t s)
{
    return cx->sc->nodes[cx->states[s].node].is_ending;
}

/* Marks the states reached from the start by choices from which an ending
 * can be reached by choices (in_g), and the traps: states reached somehow
 * (timeouts included) from which no ending can be reached by choices. */
static bool an_prepare(an_ctx *cx, unsigned char *coreach)
{
    size_t S = cx->state_count;
    uint32_t *in_start = calloc(S + 1, sizeof(uint32_t));
    int32_t *in_src =
        malloc((cx->edge_count ? cx->edge_count : 1) * sizeof(int32_t));
    int32_t *queue = malloc((S ? S : 1) * sizeof(int32_t));
    cx->in_g = calloc(S ? S : 1, 1);
    if (!in_start || !in_src || !queue || !cx->in_g) {
        free(in_start);
        free(in_src);
        free(queue);
        return false;
    }
    /* reverse edges (CSR) */
    for (size_t e = 0; e < cx->edge_count; e++) {
        in_start[cx->edges[e].target + 1]++;
    }
    for (size_t s = 0; s < S; s++) {
        in_start[s + 1] += in_start[s];
    }
    uint32_t *fill = calloc(S ? S : 1, sizeof(uint32_t));
    if (!fill) {
        free(in_start);
        free(in_src);
        free(queue);
        return false;
    }
    for (size_t s = 0; s < S; s++) {
        const an_state *st = &cx->states[s];
        for (uint32_t k = 0; k < st->edge_count; k++) {
            int32_t t = cx->edges[st->first_edge + k].target;
            in_src[in_start[t] + fill[t]++] = (int32_t)s;
        }
    }
    free(fill);
    size_t head = 0;
    size_t tail = 0;
    for (size_t s = 0; s < S; s++) {
        if (an_is_ending(cx, (int32_t)s)) {
            coreach[s] = 1;
            queue[tail++] = (int32_t)s;
        }
    }
    while (head < tail) {
        int32_t s = queue[head++];
        for (uint32_t k = in_start[s]; k < in_start[s + 1]; k++) {
            int32_t p = in_src[k];
            if (!coreach[p]) {
                coreach[p] = 1;
                queue[tail++] = p;
            }
        }
    }
    free(in_start);
    free(in_src);
    /* forward from the start by choices, through co-reachable states */
    head = 0;
    tail = 0;
    if (S && coreach[0]) {
        cx->in_g[0] = 1;
        queue[tail++] = 0;
    }
    while (head < tail) {
        const an_state *st = &cx->states[queue[head++]];
        for (uint32_t k = 0; k < st->edge_count; k++) {
            int32_t t = cx->edges[st->first_edge + k].target;
            if (coreach[t] && !cx->in_g[t]) {
                cx->in_g[t] = 1;
                queue[tail++] = t;
            }
        }
    }
    free(queue);
    return true;
}

/* Post-order of the scoring states by iterative DFS; detects loops. */
static bool an_order(an_ctx *cx)
{
    size_t S = cx->state_count;
    cx->order = malloc((S ? S : 1) * sizeof(int32_t));
    cx->gidx = malloc((S ? S : 1) * sizeof(int32_t));
    unsigned char *colour = calloc(S ? S : 1, 1);
    int32_t *stack = malloc((S ? S : 1) * sizeof(int32_t));
    uint32_t *next = calloc(S ? S : 1, sizeof(uint32_t));
    if (!cx->order || !cx->gidx || !colour || !stack || !next) {
        free(colour);
        free(stack);
        free(next);
        return false;
    }
    for (size_t s = 0; s < S; s++) {
        cx->gidx[s] = -1;
    }
    cx->order_count = 0;
    cx->cyclic = false;
    size_t top = 0;
    if (S && cx->in_g[0]) {
        stack[top++] = 0;
        colour[0] = 1;
    }
    while (top > 0) {
        int32_t s = stack[top - 1];
        const an_state *st = &cx->states[s];
        if (next[s] < st->edge_count) {
            int32_t t = cx->edges[st->first_edge + next[s]++].target;
            if (!cx->in_g[t]) {
                continue;
            }
            if (colour[t] == 1) {
                cx->cyclic = true;
            } else if (colour[t] == 0) {
                colour[t] = 1;
                stack[top++] = t;
            }
            continue;
        }
        colour[s] = 2;
        cx->gidx[s] = (int32_t)cx->order_count;
        cx->order[cx->order_count++] = s;
        top--;
    }
    free(colour);
    free(stack);
    free(next);
    return true;
}

/* Longest and shortest play in turns (longest only without a loop). */
static void an_lengths(an_ctx *cx, int *shortest, int *longest)
{
    *shortest = -1;
    *longest = -1;
    if (!cx->order_count) {
        return;
    }
    int *lo = malloc(cx->order_count * sizeof(int));
    int *hi = malloc(cx->order_count * sizeof(int));
    if (!lo || !hi) {
        free(lo);
        free(hi);
        return;
    }
    if (!cx->cyclic) {
        for (size_t i = 0; i < cx->order_count; i++) {
            int32_t s = cx->order[i];
            const an_state *st = &cx->states[s];
            lo[i] = an_is_ending(cx, s) ? 0 : INT_MAX;
            hi[i] = an_is_ending(cx, s) ? 0 : -1;
            for (uint32_t k = 0; k < st->edge_count; k++) {
                int32_t g = cx->gidx[cx->edges[st->first_edge + k].target];
                if (g < 0) {
                    continue;
                }
                if (lo[g] != INT_MAX && lo[g] + 1 < lo[i]) {
                    lo[i] = lo[g] + 1;
                }
                if (hi[g] >= 0 && hi[g] + 1 > hi[i]) {
                    hi[i] = hi[g] + 1;
                }
            }
        }
        *shortest = lo[cx->gidx[0]];
        *longest = hi[cx->gidx[0]];
    } else {
        /* breadth-first from the start for the shortest */
        int32_t *queue = malloc(cx->order_count * sizeof(int32_t));
        if (queue) {
            for (size_t i = 0; i < cx->order_count; i++) {
                lo[i] = -1;
            }
            size_t head = 0;
            size_t tail = 0;
            lo[cx->gidx[0]] = 0;
            queue[tail++] = 0;
            while (head < tail) {
                int32_t s = queue[head++];
                if (an_is_ending(cx, s)) {
                    *shortest = lo[cx->gidx[s]];
                    break;
                }
                const an_state *st = &cx->states[s];
                for (uint32_t k = 0; k < st->edge_count; k++) {
                    int32_t t = cx->edges[st->first_edge + k].target;
                    int32_t g = cx->gidx[t];
                    if (g >= 0 && lo[g] < 0) {
                        lo[g] = lo[cx->gidx[s]] + 1;
                        queue[tail++] = t;
                    }
                }
            }
            free(queue);
        }
    }
    free(lo);
    free(hi);
}

/* ---------- the oracle: the play maximising a sum of edge weights ----------
 */

static bool an_path_push(an_path *p, int32_t e)
{
    if (p->len == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        int32_t *grown = realloc(p->edges, cap * sizeof(int32_t));
        if (!grown) {
            return false;
        }
        p->edges = grown;
        p->cap = cap;
    }
    p->edges[p->len++] = e;
    return true;
}

static bool an_path_copy(an_path *dst, const an_path *src)
{
    dst->len = 0;
    for (size_t i = 0; i < src->len; i++) {
        if (!an_path_push(dst, src->edges[i])) {
            return false;
        }
    }
    return true;
}

/* Builds the compact arrays the oracle runs on. */
static bool an_compact(an_ctx *cx)
{
    size_t G = cx->order_count;
    size_t K = 0;
    for (size_t i = 0; i < G; i++) {
        const an_state *st = &cx->states[cx->order[i]];
        for (uint32_t k = 0; k < st->edge_count; k++) {
            K += cx->gidx[cx->edges[st->first_edge + k].target] >= 0;
        }
    }
    cx->cg_first = malloc((G + 1) * sizeof(uint32_t));
    cx->cg_target = malloc((K ? K : 1) * sizeof(int32_t));
    cx->cg_edge = malloc((K ? K : 1) * sizeof(int32_t));
    cx->cg_w = malloc((K ? K : 1) * sizeof(int64_t));
    cx->cg_end = malloc(G ? G : 1);
    if (!cx->cg_first || !cx->cg_target || !cx->cg_edge || !cx->cg_w ||
        !cx->cg_end) {
        return false;
    }
    size_t at = 0;
    for (size_t i = 0; i < G; i++) {
        const an_state *st = &cx->states[cx->order[i]];
        cx->cg_first[i] = (uint32_t)at;
        cx->cg_end[i] = an_is_ending(cx, cx->order[i]);
        for (uint32_t k = 0; k < st->edge_count && k < AN_NO_EDGE; k++) {
            uint32_t e = st->first_edge + k;
            int32_t g = cx->gidx[cx->edges[e].target];
            if (g >= 0) {
                cx->cg_target[at] = g;
                cx->cg_edge[at] = (int32_t)e;
                at++;
            }
        }
    }
    cx->cg_first[G] = (uint32_t)at;
    return true;
}

/* Finds the play (start to an ending, within the turn bound) maximising
 * the sum of cx->cg_w over its slots; the play goes to cx->path. False
 * when there is none (or memory ran out). */
static bool an_oracle(an_ctx *cx, int64_t *value)
{
    size_t G = cx->order_count;
    cx->path.len = 0;
    if (!G) {
        return false;
    }
    const uint32_t *first = cx->cg_first;
    const int32_t *target = cx->cg_target;
    const int64_t *w = cx->cg_w;
    if (!cx->unrolled) {
        size_t g0 = (size_t)cx->gidx[0];
        int64_t *val = cx->val;
        for (size_t i = 0; i < G; i++) {
            int64_t best = cx->cg_end[i] ? 0 : AN_NEG_INF;
            int32_t pick = -1;
            for (uint32_t k = first[i]; k < first[i + 1]; k++) {
                int64_t v = val[target[k]];
                if (v != AN_NEG_INF && w[k] + v > best) {
                    best = w[k] + v;
                    pick = (int32_t)k;
                }
            }
            val[i] = best;
            cx->pick[i] = pick;
        }
        if (val[g0] == AN_NEG_INF) {
            return false;
        }
        *value = val[g0];
        for (size_t i = g0; !cx->cg_end[i];) {
            int32_t k = cx->pick[i];
            if (!an_path_push(&cx->path, cx->cg_edge[k])) {
                return false;
            }
            i = (size_t)target[k];
        }
        return true;
    }
    /* unrolled by turn, backwards: a cell's value is the best sum of
     * weights from it to an ending within the turns left */
    const uint32_t *tf = cx->turn_first;
    const int32_t *succ = cx->cell_succ;
    int64_t *cv = cx->cell_val;
    if (tf[0] == tf[1]) {
        return false; /* no play within the bound */
    }
    for (uint32_t c = tf[cx->bound]; c < tf[cx->bound + 1]; c++) {
        cv[c] = 0; /* endings only */
    }
    for (int t = cx->bound - 1; t >= 0; t--) {
        for (uint32_t c = tf[t]; c < tf[t + 1]; c++) {
            int32_t i = cx->cell_state[c];
            int64_t best = cx->cg_end[i] ? 0 : AN_NEG_INF;
            uint16_t pick = AN_NO_EDGE;
            const int32_t *cs = succ + cx->cell_edge[c];
            const int64_t *cw = w + first[i];
            uint32_t n = first[i + 1] - first[i];
            for (uint32_t l = 0; l < n; l++) {
                if (cs[l] < 0) {
                    continue;
                }
                int64_t v = cv[cs[l]];
                if (v != AN_NEG_INF && cw[l] + v > best) {
                    best = cw[l] + v;
                    pick = (uint16_t)l;
                }
            }
            cv[c] = best;
            cx->cell_pick[c] = pick;
        }
    }
    uint32_t c = tf[0];
    if (cv[c] == AN_NEG_INF) {
        return false;
    }
    *value = cv[c];
    for (int t = 0; !cx->cg_end[cx->cell_state[c]] && t < cx->bound; t++) {
        uint16_t l = cx->cell_pick[c];
        uint32_t k = first[cx->cell_state[c]] + l;
        if (!an_path_push(&cx->path, cx->cg_edge[k])) {
            return false;
        }
        c = (uint32_t)succ[cx->cell_edge[c] + l];
    }
    return true;
}

/* ---------- exact means (Dinkelbach) ---------- */

static int64_t an_val(const an_ctx *cx, size_t e, int dim)
{
    if (dim == AN_COMBINED) {
        return cx->combined[e];
    }
    return (cx->edges[e].counted & (1u << dim)) ? cx->edges[e].value[dim] : 0;
}

static int64_t an_cnt(const an_ctx *cx, size_t e, int dim)
{
    if (dim == AN_COMBINED) {
        return 1;
    }
    return (cx->edges[e].counted & (1u << dim)) ? 1 : 0;
}

static void an_path_sums(const an_ctx *cx, const an_path *p, int dim,
                         int64_t *sum, int64_t *count)
{
    *sum = 0;
    *count = 0;
    for (size_t i = 0; i < p->len; i++) {
        *sum += an_val(cx, (size_t)p->edges[i], dim);
        *count += an_cnt(cx, (size_t)p->edges[i], dim);
    }
}

/* Sets the oracle's weight of every slot to a × value + b × count of
 * dimension dim (AN_COMBINED: the combined value, counted every turn). */
static void an_weigh(an_ctx *cx, int dim, int64_t a, int64_t b)
{
    size_t K = cx->cg_first[cx->order_count];
    const int32_t *val = cx->cg_val;
    const uint8_t *cnt = cx->cg_cnt;
    int64_t *w = cx->cg_w;
    unsigned bit = dim == AN_COMBINED ? 0u : 1u << dim;
    for (size_t k = 0; k < K; k++) {
        int64_t c = bit ? (cnt[k] & bit) != 0 : 1;
        w[k] = a * val[k * 4 + (size_t)dim] + b * c;
    }
}

/* The play with the best (dir +1) or worst (dir -1) mean of dimension dim
 * over the plays where it counts at least once. Returns 1 and the play in
 * out, 0 when no play counts it, -1 when there is no play or memory ran
 * out. */
static int an_ratio(an_ctx *cx, int dim, int dir, an_path *out)
{
    int64_t v = 0;
    if (cx->most_rc[dim] < 0) {
        /* the same for both directions: found once */
        an_weigh(cx, dim, 0, 1);
        if (!an_oracle(cx, &v)) {
            cx->most_rc[dim] = 2;
        } else if (v <= 0) {
            cx->most_rc[dim] = 0;
        } else {
            cx->most_rc[dim] = an_path_copy(&cx->most[dim], &cx->path) ? 1 : 2;
        }
    }
    if (cx->most_rc[dim] != 1) {
        return cx->most_rc[dim] == 0 ? 0 : -1;
    }
    if (!an_path_copy(out, &cx->most[dim])) {
        return -1;
    }
    int64_t S;
    int64_t K;
    an_path_sums(cx, out, dim, &S, &K);
    for (int round = 0; round < AN_MAX_ROUNDS; round++) {
        an_weigh(cx, dim, dir * K, -dir * S);
        if (!an_oracle(cx, &v) || v <= 0) {
            break;
        }
        int64_t S2;
        int64_t K2;
        an_path_sums(cx, &cx->path, dim, &S2, &K2);
        if (K2 <= 0 || dir * (S2 * K - S * K2) <= 0) {
            break;
        }
        if (!an_path_copy(out, &cx->path)) {
            return -1;
        }
        S = S2;
        K = K2;
    }
    return 1;
}

/* ---------- scores of a play ---------- */

static int an_dim_score(int64_t sum, int64_t count)
{
    if (count <= 0) {
        return 100;
    }
    /* round half up of 100 * sum / (AN_Q * count) */
    return (int)((200 * sum + AN_Q * count) / (2 * AN_Q * count));
}

/* The overall score as score_summarise() computes it: the weighted mean of
 * the assessed dimensions (counted[d] turns > 0), equal weights when those
 * carry none, 100 when nothing was assessed. */
static int an_overall(const an_ctx *cx, const int dims[SCENARIO_DIM_COUNT],
                      const int64_t counted[SCENARIO_DIM_COUNT])
{
    long weighted = 0;
    long weights = 0;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        if (counted[d] > 0) {
            weighted += (long)cx->sc->weight[d] * dims[d];
            weights += cx->sc->weight[d];
        }
    }
    if (weights == 0) {
        weighted = 0;
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            if (counted[d] > 0) {
                weighted += dims[d];
                weights++;
            }
        }
    }
    if (weights == 0) {
        return 100;
    }
    return (int)((2 * weighted + weights) / (2 * weights));
}

/* Score index 0..3 of a play, from its exact sums. */
static int an_play_score(const an_ctx *cx, const an_path *p, int index)
{
    int dims[SCENARIO_DIM_COUNT];
    int64_t counts[SCENARIO_DIM_COUNT];
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        int64_t S;
        an_path_sums(cx, p, d, &S, &counts[d]);
        dims[d] = an_dim_score(S, counts[d]);
    }
    return index == ANALYSIS_OVERALL ? an_overall(cx, dims, counts)
                                     : dims[index];
}

/* ---------- the overall score: Pareto fronts ---------- */

typedef struct {
    int64_t sum[SCENARIO_DIM_COUNT];
    int32_t prev;  /* entry before, -1 at the start */
    int32_t state; /* where this partial play is */
    int32_t edge;  /* edge taken from prev's state */
    int32_t next;  /* next entry of the same group */
    uint16_t k[2]; /* turns counted for empathy, honesty */
    uint8_t dead;
} an_entry;

typedef struct {
    an_entry *e;
    size_t count;
    size_t cap;
    size_t max;
    /* groups of the layer being built: key (state, k0, k1) */
    int32_t *slot_group; /* group id per slot, -1 empty */
    size_t slot_cap;
    int32_t *group_head;
    int32_t *group_state;
    uint16_t *group_k;
    uint32_t *group_size;
    size_t group_count;
    size_t group_cap;
    bool truncated;
    bool aborted;
} an_front;

static double an_entry_scalar(const an_ctx *cx, const an_entry *e, int turns)
{
    double v = 0.0;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        int k = d == SCENARIO_DIM_PROMPTNESS ? turns : e->k[d];
        double mean = k ? (double)e->sum[d] / ((double)AN_Q * k) : 1.0;
        v += cx->weight[d] * mean;
    }
    return v;
}

static bool an_front_reserve_groups(an_front *f)
{
    if (f->group_count < f->group_cap) {
        return true;
    }
    size_t cap = f->group_cap ? f->group_cap * 2 : 256;
    int32_t *h = realloc(f->group_head, cap * sizeof(int32_t));
    if (h) {
        f->group_head = h;
    }
    int32_t *s = realloc(f->group_state, cap * sizeof(int32_t));
    if (s) {
        f->group_state = s;
    }
    uint16_t *k = realloc(f->group_k, cap * 2 * sizeof(uint16_t));
    if (k) {
        f->group_k = k;
    }
    uint32_t *z = realloc(f->group_size, cap * sizeof(uint32_t));
    if (z) {
        f->group_size = z;
    }
    if (!h || !s || !k || !z) {
        return false;
    }
    f->group_cap = cap;
    return true;
}

static uint64_t an_group_hash(int32_t state, uint16_t k0, uint16_t k1)
{
    return an_hash(state, (int)k0, (uint64_t)k1 + 1);
}

static bool an_front_rehash(an_front *f)
{
    size_t cap = f->slot_cap ? f->slot_cap * 2 : 1024;
    int32_t *slots = malloc(cap * sizeof(int32_t));
    if (!slots) {
        return false;
    }
    memset(slots, 0xFF, cap * sizeof(int32_t));
    for (size_t g = 0; g < f->group_count; g++) {
        size_t at = (size_t)an_group_hash(f->group_state[g], f->group_k[2 * g],
                                          f->group_k[2 * g + 1]) &
                    (cap - 1);
        while (slots[at] >= 0) {
            at = (at + 1) & (cap - 1);
        }
        slots[at] = (int32_t)g;
    }
    free(f->slot_group);
    f->slot_group = slots;
    f->slot_cap = cap;
    return true;
}

static int32_t an_front_group(an_front *f, int32_t state, uint16_t k0,
                              uint16_t k1)
{
    if ((f->group_count + 1) * 2 > f->slot_cap && !an_front_rehash(f)) {
        return -1;
    }
    size_t at = (size_t)an_group_hash(state, k0, k1) & (f->slot_cap - 1);
    while (f->slot_group[at] >= 0) {
        int32_t g = f->slot_group[at];
        if (f->group_state[g] == state && f->group_k[2 * g] == k0 &&
            f->group_k[2 * g + 1] == k1) {
            return g;
        }
        at = (at + 1) & (f->slot_cap - 1);
    }
    if (!an_front_reserve_groups(f)) {
        return -1;
    }
    int32_t g = (int32_t)f->group_count++;
    f->group_head[g] = -1;
    f->group_state[g] = state;
    f->group_k[2 * g] = k0;
    f->group_k[2 * g + 1] = k1;
    f->group_size[g] = 0;
    f->slot_group[at] = g;
    return g;
}

static bool an_front_push(an_front *f, const an_entry *e)
{
    if (f->count >= f->max) {
        f->aborted = true;
        return false;
    }
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 1024;
        an_entry *grown = realloc(f->e, cap * sizeof(an_entry));
        if (!grown) {
            f->aborted = true;
            return false;
        }
        f->e = grown;
        f->cap = cap;
    }
    f->e[f->count++] = *e;
    return true;
}

/* a is at least as good as b on every sum (dir +1: larger is better). */
static bool an_dominates(const int64_t *a, const int64_t *b, int dir)
{
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        if (dir * (a[d] - b[d]) < 0) {
            return false;
        }
    }
    return true;
}

/* Adds a partial play to its group unless an entry there is as good on
 * every sum; removes the entries it beats. */
static void an_front_insert(an_ctx *cx, an_front *f, an_entry *cand, int dir,
                            int turns)
{
    int32_t g = an_front_group(f, cand->state, cand->k[0], cand->k[1]);
    if (g < 0) {
        f->aborted = true;
        return;
    }
    int32_t *link = &f->group_head[g];
    while (*link >= 0) {
        an_entry *x = &f->e[*link];
        if (an_dominates(x->sum, cand->sum, dir)) {
            return;
        }
        if (an_dominates(cand->sum, x->sum, dir)) {
            x->dead = 1;
            *link = x->next;
            f->group_size[g]--;
            continue;
        }
        link = &x->next;
    }
    if (f->group_size[g] >= AN_MAX_FRONT) {
        /* keep the front bounded: drop its weakest entry (by weighted
         * mean), or the candidate if that is weaker */
        f->truncated = true;
        double cv = dir * an_entry_scalar(cx, cand, turns);
        int32_t *weak = NULL;
        double wv = 0.0;
        for (int32_t *l = &f->group_head[g]; *l >= 0; l = &f->e[*l].next) {
            double v = dir * an_entry_scalar(cx, &f->e[*l], turns);
            if (!weak || v < wv) {
                weak = l;
                wv = v;
            }
        }
        if (!weak || cv <= wv) {
            return;
        }
        f->e[*weak].dead = 1;
        *weak = f->e[*weak].next;
        f->group_size[g]--;
    }
    cand->next = f->group_head[g];
    if (!an_front_push(f, cand)) {
        return;
    }
    f->group_head[g] = (int32_t)(f->count - 1);
    f->group_size[g]++;
}

static void an_front_free(an_front *f)
{
    free(f->e);
    free(f->slot_group);
    free(f->group_head);
    free(f->group_state);
    free(f->group_k);
    free(f->group_size);
}

/* The play with the best (dir +1) or worst (dir -1) overall score by
 * forward DP over (state, turns, empathy turns, honesty turns) with Pareto
 * fronts of the three sums. Returns true with the play in out when one was
 * found; *exact says whether it is proven optimal. */
static bool an_pareto(an_ctx *cx, int dir, size_t max_entries, an_path *out,
                      int *score, bool *exact)
{
    an_front f;
    memset(&f, 0, sizeof f);
    f.max = max_entries;
    *exact = false;
    out->len = 0;
    if (!cx->order_count) {
        return false;
    }
    an_entry start;
    memset(&start, 0, sizeof start);
    start.prev = -1;
    start.edge = -1;
    start.next = -1;
    an_front_push(&f, &start);
    size_t layer_begin = 0;
    size_t layer_end = f.count;
    int best = -1;
    int32_t best_prev = -1;
    int32_t best_edge = -1;
    int limit = cx->unrolled ? cx->bound : INT_MAX;
    for (int t = 0; layer_begin < layer_end && t < limit && !f.aborted; t++) {
        f.group_count = 0;
        if (f.slot_group) {
            memset(f.slot_group, 0xFF, f.slot_cap * sizeof(int32_t));
        }
        for (size_t i = layer_begin; i < layer_end && !f.aborted; i++) {
            if (f.e[i].dead) {
                continue;
            }
            const an_state *st = &cx->states[f.e[i].state];
            for (uint32_t k = 0; k < st->edge_count && !f.aborted; k++) {
                uint32_t ei = st->first_edge + k;
                const an_edge *edge = &cx->edges[ei];
                if (!cx->in_g[edge->target]) {
                    continue;
                }
                an_entry c = f.e[i];
                c.prev = (int32_t)i;
                c.edge = (int32_t)ei;
                c.state = edge->target;
                c.dead = 0;
                for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
                    if (edge->counted & (1u << d)) {
                        c.sum[d] += edge->value[d];
                        if (d < 2) {
                            c.k[d]++;
                        }
                    }
                }
                if (an_is_ending(cx, edge->target)) {
                    int dims[SCENARIO_DIM_COUNT];
                    int64_t kk[SCENARIO_DIM_COUNT];
                    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
                        kk[d] = d < 2 ? c.k[d] : t + 1;
                        dims[d] = an_dim_score(c.sum[d], kk[d]);
                    }
                    int o = an_overall(cx, dims, kk);
                    if (best < 0 || dir * (o - best) > 0) {
                        best = o;
                        best_prev = (int32_t)i;
                        best_edge = (int32_t)ei;
                    }
                    continue;
                }
                an_front_insert(cx, &f, &c, dir, t + 1);
            }
        }
        layer_begin = layer_end;
        layer_end = f.count;
    }
    bool found = best >= 0;
    if (found) {
        /* walk back, then reverse */
        bool ok = an_path_push(out, best_edge);
        for (int32_t i = best_prev; ok && i >= 0 && f.e[i].edge >= 0;
             i = f.e[i].prev) {
            ok = an_path_push(out, f.e[i].edge);
        }
        if (!ok) {
            found = false;
        }
        for (size_t a = 0, b = out->len ? out->len - 1 : 0; a < b; a++, b--) {
            int32_t tmp = out->edges[a];
            out->edges[a] = out->edges[b];
            out->edges[b] = tmp;
        }
        *score = best;
    }
    *exact = !f.truncated && !f.aborted;
    an_front_free(&f);
    return found;
}

/* ---------- the report ---------- */

static bool an_set_play(an_ctx *cx, analysis_play *play, const an_path *p,
                        int index)
{
    free(play->choices);
    free(play->script);
    play->choices = NULL;
    play->script = NULL;
    play->choice_count = 0;
    play->choices = malloc((p->len ? p->len : 1) * sizeof(int));
    play->script = malloc(p->len * 2 + 2);
    if (!play->choices || !play->script) {
        return false;
    }
    size_t o = 0;
    for (size_t i = 0; i < p->len; i++) {
        int pos = cx->edges[p->edges[i]].pos;
        play->choices[i] = pos;
        o += (size_t)snprintf(play->script + o, 4, "%s%d", i ? "," : "", pos);
    }
    play->script[o] = '\0';
    play->choice_count = p->len;
    play->ending_index =
        p->len ? cx->states[cx->edges[p->edges[p->len - 1]].target].node : -1;
    play->score = an_play_score(cx, p, index);
    if (!cx->ignore_conditions) {
        /* the score as `rapport run` computes it, replaying the play */
        session *s = session_new(cx->sc, NULL);
        bool ok = s != NULL;
        for (size_t i = 0; ok && i < p->len; i++) {
            ok = !session_is_finished(s) &&
                 session_choose(s, (size_t)play->choices[i] - 1,
                                session_target_ms(s)) == SESSION_OK;
        }
        if (ok && session_is_finished(s)) {
            score_summary sum;
            score_summarise(s, &sum);
            play->score =
                index == ANALYSIS_OVERALL ? sum.overall : sum.dim[index];
        }
        session_free(s);
    }
    return true;
}

static void an_play_init(analysis_play *p)
{
    memset(p, 0, sizeof *p);
    p->score = -1;
    p->ending_index = -1;
}

static int an_int32_order(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a;
    int32_t y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* Unrolls the scoring graph by turn, keeping only the cells (state, t)
 * that some play within the bound passes through: the state is reached
 * from the start in exactly t turns and an ending can be reached from it
 * in at most bound - t more. The oracle's value at any other cell cannot
 * change its result, so it stays exact, and it costs the cells on plays
 * instead of bound × states. Cells of a turn are in state order. */
static bool an_unroll(an_ctx *cx)
{
    size_t G = cx->order_count;
    size_t K = cx->cg_first[G];
    int bound = cx->bound;
    const uint32_t *first = cx->cg_first;
    const int32_t *target = cx->cg_target;
    uint32_t *rev_first = calloc(G + 1, sizeof(uint32_t));
    int32_t *rev_src = malloc((K ? K : 1) * sizeof(int32_t));
    int32_t *dist = malloc((G ? G : 1) * sizeof(int32_t));
    int32_t *queue = malloc((G ? G : 1) * sizeof(int32_t));
    int32_t *mark = malloc((G ? G : 1) * sizeof(int32_t));
    int32_t *cell_of = malloc((G ? G : 1) * sizeof(int32_t));
    cx->turn_first = malloc(((size_t)bound + 2) * sizeof(uint32_t));
    bool ok = rev_first && rev_src && dist && queue && mark && cell_of &&
              cx->turn_first;
    if (ok) {
        /* turns from each state to the nearest ending, backwards */
        for (size_t k = 0; k < K; k++) {
            rev_first[target[k]]++;
        }
        for (size_t i = 1; i < G; i++) {
            rev_first[i] += rev_first[i - 1];
        }
        rev_first[G] = (uint32_t)K;
        for (size_t i = 0; i < G; i++) {
            for (uint32_t k = first[i]; k < first[i + 1]; k++) {
                rev_src[--rev_first[target[k]]] = (int32_t)i;
            }
        }
        size_t head = 0;
        size_t tail = 0;
        for (size_t i = 0; i < G; i++) {
            dist[i] = cx->cg_end[i] ? 0 : INT32_MAX;
            mark[i] = -1;
            if (cx->cg_end[i]) {
                queue[tail++] = (int32_t)i;
            }
        }
        while (head < tail) {
            int32_t s = queue[head++];
            for (uint32_t k = rev_first[s]; k < rev_first[s + 1]; k++) {
                int32_t p = rev_src[k];
                if (dist[p] == INT32_MAX) {
                    dist[p] = dist[s] + 1;
                    queue[tail++] = p;
                }
            }
        }
    }
    free(rev_first);
    free(rev_src);
    free(queue);
    /* forwards, turn by turn: the cells of turn t + 1 are the targets of
     * turn t's cells close enough to an ending */
    size_t cap = 1024;
    size_t count = 0;
    size_t ecap = 1024;
    size_t ecount = 0;
    if (ok) {
        cx->cell_state = malloc(cap * sizeof(int32_t));
        cx->cell_edge = malloc(cap * sizeof(uint32_t));
        cx->cell_succ = malloc(ecap * sizeof(int32_t));
        ok = cx->cell_state && cx->cell_edge && cx->cell_succ;
    }
    if (ok) {
        size_t g0 = (size_t)cx->gidx[0];
        cx->turn_first[0] = 0;
        if (dist[g0] <= bound) {
            cx->cell_state[count++] = (int32_t)g0;
        }
    }
    for (int t = 0; ok && t <= bound; t++) {
        uint32_t begin = cx->turn_first[t];
        uint32_t end = (uint32_t)count;
        cx->turn_first[t + 1] = end;
        /* the next turn's cells, sorted, each state once */
        for (uint32_t c = begin; ok && c < end && t < bound; c++) {
            int32_t i = cx->cell_state[c];
            for (uint32_t k = first[i]; k < first[i + 1]; k++) {
                int32_t j = target[k];
                if (dist[j] > bound - t - 1 || mark[j] == t + 1) {
                    continue;
                }
                mark[j] = t + 1;
                if (count == cap) {
                    int32_t *grown_s =
                        realloc(cx->cell_state, cap * 2 * sizeof(int32_t));
                    if (grown_s) {
                        cx->cell_state = grown_s;
                    }
                    uint32_t *grown_e =
                        realloc(cx->cell_edge, cap * 2 * sizeof(uint32_t));
                    if (grown_e) {
                        cx->cell_edge = grown_e;
                    }
                    if (!grown_s || !grown_e) {
                        ok = false;
                        break;
                    }
                    cap *= 2;
                }
                cx->cell_state[count++] = j;
            }
        }
        if (!ok) {
            break;
        }
        qsort(cx->cell_state + end, count - end, sizeof(int32_t),
              an_int32_order);
        for (uint32_t c = end; c < count; c++) {
            cell_of[cx->cell_state[c]] = (int32_t)c;
        }
        /* this turn's cells: where each slot leads */
        for (uint32_t c = begin; ok && c < end; c++) {
            int32_t i = cx->cell_state[c];
            uint32_t n = first[i + 1] - first[i];
            if (ecount + n > ecap) {
                while (ecount + n > ecap) {
                    ecap *= 2;
                }
                int32_t *grown =
                    realloc(cx->cell_succ, ecap * sizeof(int32_t));
                if (!grown) {
                    ok = false;
                    break;
                }
                cx->cell_succ = grown;
            }
            cx->cell_edge[c] = (uint32_t)ecount;
            for (uint32_t k = first[i]; k < first[i + 1]; k++) {
                int32_t j = target[k];
                cx->cell_succ[ecount++] =
                    t < bound && mark[j] == t + 1 ? cell_of[j] : -1;
            }
        }
    }
    if (ok) {
        cx->cell_val = malloc((count ? count : 1) * sizeof(int64_t));
        cx->cell_pick = malloc((count ? count : 1) * sizeof(uint16_t));
        ok = cx->cell_val && cx->cell_pick;
    }
    free(dist);
    free(mark);
    free(cell_of);
    return ok;
}

static bool an_allocate_oracle(an_ctx *cx, const analysis_options *opt,
                               int longest)
{
    size_t G = cx->order_count;
    int bound = opt->max_turns > 0 ? opt->max_turns : 0;
    if (bound > AN_TURN_HARD_CAP) {
        bound = AN_TURN_HARD_CAP;
    }
    cx->unrolled = false;
    if (cx->cyclic) {
        cx->unrolled = true;
        if (bound == 0) {
            bound = ANALYSIS_DEFAULT_CYCLE_TURNS;
        }
    } else if (bound > 0 && longest > bound) {
        cx->unrolled = true;
    } else if (longest > AN_TURN_HARD_CAP) {
        cx->unrolled = true;
        bound = AN_TURN_HARD_CAP;
    }
    if (cx->unrolled && G > 0 &&
        (size_t)bound * G > (size_t)ANALYSIS_MAX_CELLS) {
        bound = (int)(ANALYSIS_MAX_CELLS / G);
        if (bound < 1) {
            bound = 1;
        }
    }
    cx->bound = cx->unrolled ? bound : 0;
    cx->combined =
        malloc((cx->edge_count ? cx->edge_count : 1) * sizeof(int64_t));
    if (!an_compact(cx) || !cx->combined) {
        return false;
    }
    for (size_t e = 0; e < cx->edge_count; e++) {
        int64_t v = 0;
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            v += cx->weight[d] * an_val(cx, e, d);
        }
        cx->combined[e] = v / cx->weight_sum;
    }
    /* each slot's values, in the order the oracle reads them */
    size_t K = cx->cg_first[G];
    cx->cg_val = malloc((K ? K : 1) * 4 * sizeof(int32_t));
    cx->cg_cnt = malloc(K ? K : 1);
    if (!cx->cg_val || !cx->cg_cnt) {
        return false;
    }
    for (size_t k = 0; k < K; k++) {
        size_t e = (size_t)cx->cg_edge[k];
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            cx->cg_val[k * 4 + (size_t)d] = (int32_t)an_val(cx, e, d);
        }
        cx->cg_val[k * 4 + AN_COMBINED] = (int32_t)cx->combined[e];
        cx->cg_cnt[k] = cx->edges[e].counted;
    }
    if (cx->unrolled) {
        return an_unroll(cx);
    }
    cx->val = malloc((G ? G : 1) * sizeof(int64_t));
    cx->pick = malloc((G ? G : 1) * sizeof(int32_t));
    return cx->val && cx->pick;
}

/* The best (dir +1) or worst (dir -1) overall score any play could have
 * if every dimension reached its own extreme: over the sets of dimensions
 * a play can assess (promptness always; empathy and honesty when some play
 * counts them, or not when some play never does). */
static int an_overall_bound(const an_ctx *cx, const int extreme[3],
                            const bool may_assess[3], const bool may_skip[3],
                            int dir)
{
    int bound = -1;
    for (unsigned mask = 0; mask < 4; mask++) {
        int64_t counted[SCENARIO_DIM_COUNT];
        bool possible = true;
        for (int d = 0; d < 2; d++) {
            counted[d] = (mask >> d) & 1u;
            possible = possible && (counted[d] ? may_assess[d] : may_skip[d]);
        }
        counted[SCENARIO_DIM_PROMPTNESS] = 1;
        if (!possible) {
            continue;
        }
        int o = an_overall(cx, extreme, counted);
        if (bound < 0 || dir * (o - bound) > 0) {
            bound = o;
        }
    }
    return bound;
}

/* Best and worst of each dimension, then of the overall score. */
static bool an_scores(an_ctx *cx, analysis_report *r, size_t max_entries)
{
    an_path ext[2][SCENARIO_DIM_COUNT];
    bool have_ext[2][SCENARIO_DIM_COUNT];
    bool may_assess[SCENARIO_DIM_COUNT];
    bool may_skip[SCENARIO_DIM_COUNT];
    memset(ext, 0, sizeof ext);
    memset(have_ext, 0, sizeof have_ext);
    an_path tmp = {0};
    an_path zero = {0};
    bool ok = true;
    for (int d = 0; d < SCENARIO_DIM_COUNT && ok; d++) {
        /* a play where the dimension never counts scores 100 on it */
        bool has_zero = false;
        if (d != SCENARIO_DIM_PROMPTNESS) {
            an_weigh(cx, d, 0, -1);
            int64_t v = -1;
            has_zero =
                an_oracle(cx, &v) && v == 0 && an_path_copy(&zero, &cx->path);
        }
        may_skip[d] = has_zero;
        may_assess[d] = false;
        for (int i = 0; i < 2 && ok; i++) {
            int dir = i == 0 ? 1 : -1;
            analysis_play *play = dir > 0 ? &r->best[d] : &r->worst[d];
            int rc = an_ratio(cx, d, dir, &ext[i][d]);
            if (rc < 0) {
                continue;
            }
            may_assess[d] = rc == 1;
            bool use_zero =
                rc == 0 || (dir > 0 && has_zero &&
                            an_play_score(cx, &ext[i][d], d) < 100);
            if (use_zero) {
                ok = an_path_copy(&ext[i][d], &zero);
            }
            have_ext[i][d] = ok;
            ok = ok && an_set_play(cx, play, &ext[i][d], d);
        }
    }
    r->overall_exact = true;
    for (int i = 0; i < 2 && ok; i++) {
        int dir = i == 0 ? 1 : -1;
        analysis_play *play =
            dir > 0 ? &r->best[ANALYSIS_OVERALL] : &r->worst[ANALYSIS_OVERALL];
        int score = -1;
        bool exact = false;
        bool found = false;
        /* the exact search needs at least an entry per state */
        if (cx->order_count < max_entries / 2) {
            found = an_pareto(cx, dir, max_entries, &tmp, &score, &exact);
        }
        if (!exact) {
            /* candidates: the Pareto result so far, the extreme plays of
             * each dimension and of the weighted per-turn value */
            an_path cand = {0};
            for (int d = 0; d <= AN_COMBINED && ok; d++) {
                const an_path *p = &cand;
                if (d < SCENARIO_DIM_COUNT) {
                    if (!have_ext[i][d]) {
                        continue;
                    }
                    p = &ext[i][d];
                } else if (an_ratio(cx, d, dir, &cand) != 1) {
                    continue;
                }
                int sc = an_play_score(cx, p, ANALYSIS_OVERALL);
                if (!found || dir * (sc - score) > 0) {
                    score = sc;
                    ok = an_path_copy(&tmp, p);
                    found = true;
                }
            }
            free(cand.edges);
            /* proven anyway when it meets the bound of the extremes */
            int extreme[SCENARIO_DIM_COUNT];
            for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
                extreme[d] = dir > 0 ? r->best[d].score : r->worst[d].score;
            }
            exact = found && score == an_overall_bound(cx, extreme, may_assess,
                                                       may_skip, dir);
        }
        r->overall_exact = r->overall_exact && exact;
        if (found && ok) {
            ok = an_set_play(cx, play, &tmp, ANALYSIS_OVERALL);
        }
    }
    for (int i = 0; i < 2; i++) {
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            free(ext[i][d].edges);
        }
    }
    free(tmp.edges);
    free(zero.edges);
    return ok;
}

/* ---------- design warnings ---------- */

static const char *an_id(const scenario_node *n)
{
    return n->id ? n->id : "?";
}

static void an_list_options(char *buf, size_t size, unsigned mask)
{
    size_t o = 0;
    int count = 0;
    buf[0] = '\0';
    for (int i = 0; i < SCENARIO_MAX_CHOICES; i++) {
        if (mask & (1u << i)) {
            count++;
        }
    }
    int seen = 0;
    for (int i = 0; i < SCENARIO_MAX_CHOICES && o + 8 < size; i++) {
        if (!(mask & (1u << i))) {
            continue;
        }
        seen++;
        const char *sep = seen == 1 ? "" : (seen == count ? " and " : ", ");
        o += (size_t)snprintf(buf + o, size - o, "%s%d", sep, i + 1);
    }
}

static void an_lint(an_ctx *cx, const analysis_report *r,
                    const unsigned char *coreach, diag_list *diags)
{
    const scenario *sc = cx->sc;
    const char *path = sc->path;
    unsigned char *linked = scenario_linked(sc);
    unsigned char *trap_any = calloc(sc->node_count ? sc->node_count : 1, 1);
    unsigned char *trap_all = malloc(sc->node_count ? sc->node_count : 1);
    if (!linked || !trap_any || !trap_all) {
        free(linked);
        free(trap_any);
        free(trap_all);
        return;
    }
    memset(trap_all, 1, sc->node_count);
    for (size_t s = 0; s < cx->state_count; s++) {
        int n = cx->states[s].node;
        if (sc->nodes[n].is_ending) {
            continue;
        }
        if (!coreach[s]) {
            trap_any[n] = 1;
        } else {
            trap_all[n] = 0;
        }
    }
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        bool reached = r->nodes[i].reachable;
        /* linked, yet no call gets there: conditions never hold */
        if (linked[i] && !reached && !cx->ignore_conditions) {
            diag_add(diags, DIAG_WARNING, path, n->line, n->col,
                     n->is_ending
                         ? N_("ending '%s' is linked but no call reaches it: "
                              "the conditions on the way there never hold")
                         : N_("node '%s' is linked but no call reaches it: "
                              "the conditions on the way there never hold"),
                     an_id(n));
        }
        if (n->is_ending) {
            continue;
        }
        if (reached && trap_any[i]) {
            if (trap_all[i]) {
                diag_add(diags, DIAG_WARNING, path, n->line, n->col,
                         "node '%s': no sequence of choices from here "
                         "reaches an <ending> (a loop with no way out); the "
                         "call can only end when the customer's patience "
                         "runs out",
                         an_id(n));
            } else {
                diag_add(diags, DIAG_WARNING, path, n->line, n->col,
                         "node '%s': in some calls (depending on mood and "
                         "flags) no sequence of choices from here reaches "
                         "an <ending> (a loop with no way out); the call "
                         "can only end when the customer's patience runs "
                         "out",
                         an_id(n));
            }
        }
        /* options that teach nothing (in some calls; lint_design checks
         * the options as written) */
        unsigned all = 0;
        for (size_t c = 0; c < an_choice_limit(n); c++) {
            all |= 1u << c;
        }
        char opts[64];
        if (n->choice_count > 1 && an_differs(n, all) && reached &&
            !cx->ignore_conditions && cx->flat_offer[i]) {
            unsigned offer = cx->flat_offer[i] - 1;
            an_list_options(opts, sizeof opts, offer);
            if ((offer & (offer - 1)) == 0) {
                diag_add(diags, DIAG_WARNING, path, n->line, n->col,
                         "node '%s': in some calls only option %s is on "
                         "offer (the others' conditions fail), so the "
                         "turn has nothing to learn",
                         an_id(n), opts);
            } else {
                diag_add(diags, DIAG_WARNING, path, n->line, n->col,
                         "node '%s': in some calls only options %s are on "
                         "offer and they are rated the same on every "
                         "dimension, so the turn has nothing to learn",
                         an_id(n), opts);
            }
        }
        for (size_t c = 0; c < n->choice_count; c++) {
            const scenario_choice *ch = &n->choices[c];
            if (!reached || cx->ignore_conditions ||
                c >= SCENARIO_MAX_CHOICES) {
                continue;
            }
            if (!(cx->offered_union[i] & (1u << c))) {
                diag_add(diags, DIAG_WARNING, path, ch->line, ch->col,
                         "choice %zu of node '%s' is never on offer: its "
                         "condition does not hold in any call that reaches "
                         "the node",
                         c + 1, an_id(n));
            }
        }
    }
    free(linked);
    free(trap_any);
    free(trap_all);
}

/* ---------- putting it together ---------- */

static void an_ctx_free(an_ctx *cx)
{
    if (cx->choices) {
        size_t total = cx->choice_base[cx->sc->node_count];
        for (size_t i = 0; i < total; i++) {
            free(cx->choices[i].branches);
        }
    }
    free(cx->choices);
    free(cx->choice_base);
    free(cx->states);
    free(cx->edges);
    free(cx->slots);
    free(cx->flat_offer);
    free(cx->offered_union);
    free(cx->in_g);
    free(cx->order);
    free(cx->gidx);
    free(cx->val);
    free(cx->pick);
    free(cx->cg_first);
    free(cx->cg_target);
    free(cx->cg_edge);
    free(cx->cg_w);
    free(cx->cg_end);
    free(cx->cg_val);
    free(cx->cg_cnt);
    free(cx->turn_first);
    free(cx->cell_state);
    free(cx->cell_edge);
    free(cx->cell_succ);
    free(cx->cell_val);
    free(cx->cell_pick);
    free(cx->combined);
    free(cx->path.edges);
    for (int d = 0; d <= AN_COMBINED; d++) {
        free(cx->most[d].edges);
    }
}

void analysis_free(analysis_report *report)
{
    if (!report) {
        return;
    }
    for (int i = 0; i < ANALYSIS_SCORE_COUNT; i++) {
        free(report->best[i].choices);
        free(report->best[i].script);
        free(report->worst[i].choices);
        free(report->worst[i].script);
    }
    free(report->nodes);
    free(report);
}

static void an_fill_nodes(an_ctx *cx, analysis_report *r,
                          const unsigned char *coreach)
{
    const scenario *sc = cx->sc;
    for (size_t i = 0; i < sc->node_count; i++) {
        r->nodes[i].mood_min = -1;
        r->nodes[i].mood_max = -1;
        if (sc->nodes[i].is_ending) {
            r->endings_total[sc->nodes[i].outcome]++;
        }
    }
    for (size_t s = 0; s < cx->state_count; s++) {
        const an_state *st = &cx->states[s];
        analysis_node *an = &r->nodes[st->node];
        if (!an->reachable && sc->nodes[st->node].is_ending) {
            r->endings_reachable[sc->nodes[st->node].outcome]++;
        }
        an->reachable = true;
        if (!sc->nodes[st->node].is_ending && !coreach[s]) {
            an->trap = true;
        }
        if (r->mood_tracked && !sc->nodes[st->node].is_ending) {
            if (an->mood_min < 0 || st->mood < an->mood_min) {
                an->mood_min = st->mood;
            }
            if (st->mood > an->mood_max) {
                an->mood_max = st->mood;
            }
        }
    }
}

analysis_report *analysis_new(const scenario *sc,
                              const analysis_options *options,
                              diag_list *diags)
{
    analysis_options opt = {0, 0, 0};
    if (options) {
        opt = *options;
    }
    if (!opt.max_states) {
        opt.max_states = ANALYSIS_DEFAULT_MAX_STATES;
    }
    if (!opt.max_entries) {
        opt.max_entries = ANALYSIS_DEFAULT_MAX_ENTRIES;
    }
    if (!sc || sc->start_index < 0 ||
        (size_t)sc->start_index >= sc->node_count) {
        return NULL;
    }
    analysis_report *r = calloc(1, sizeof *r);
    if (!r) {
        return NULL;
    }
    for (int i = 0; i < ANALYSIS_SCORE_COUNT; i++) {
        an_play_init(&r->best[i]);
        an_play_init(&r->worst[i]);
    }
    r->node_count = sc->node_count;
    r->nodes =
        calloc(sc->node_count ? sc->node_count : 1, sizeof(analysis_node));
    an_ctx cx;
    memset(&cx, 0, sizeof cx);
    cx.sc = sc;
    cx.max_states = opt.max_states;
    for (int d = 0; d <= AN_COMBINED; d++) {
        cx.most_rc[d] = -1;
    }
    cx.weight_sum = 0;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        cx.weight[d] = sc->weight[d];
        cx.weight_sum += sc->weight[d];
    }
    if (cx.weight_sum == 0) {
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            cx.weight[d] = 1;
        }
        cx.weight_sum = SCENARIO_DIM_COUNT;
    }
    cx.flat_offer = calloc(sc->node_count, sizeof(unsigned));
    cx.offered_union = calloc(sc->node_count, sizeof(uint16_t));
    unsigned char *coreach = NULL;
    bool too_many_flags = false;
    bool ok = r->nodes && cx.flat_offer && cx.offered_union &&
              an_setup(&cx, &too_many_flags);
    if (ok) {
        /* exact (with mood when a condition tests it), else conditions
         * ignored */
        bool done = false;
        if (!too_many_flags) {
            cx.track_mood = cx.mood_relevant;
            done = an_explore(&cx);
        }
        if (!done && !cx.oom) {
            /* at most one state per node: no cap needed */
            cx.ignore_conditions = true;
            cx.track_mood = false;
            cx.max_states = SIZE_MAX;
            done = an_explore(&cx);
            if (too_many_flags) {
                diag_add(diags, DIAG_WARNING, sc->path, 0, 0,
                         "conditions test more than %d different flags: "
                         "the score analysis ignores conditions, so its "
                         "figures are estimates",
                         AN_MAX_FLAGS);
            } else {
                diag_add(diags, DIAG_WARNING, sc->path, 0, 0,
                         "more than %zu different states (node, mood, "
                         "flags) are reachable: the score analysis ignores "
                         "conditions, so its figures are estimates",
                         opt.max_states);
            }
        }
        ok = done && !cx.oom;
    }
    if (ok) {
        r->exact = !cx.ignore_conditions;
        r->mood_tracked = r->exact && cx.track_mood;
        r->state_count = cx.state_count;
        r->flag_count = cx.ignore_conditions ? 0 : cx.flag_count;
        r->gave_up_reachable = cx.gave_up_reachable;
        coreach = calloc(cx.state_count ? cx.state_count : 1, 1);
        ok = coreach && an_prepare(&cx, coreach) && an_order(&cx);
    }
    if (ok) {
        an_fill_nodes(&cx, r, coreach);
        r->playable = cx.order_count > 0;
        int shortest = -1;
        int longest = -1;
        an_lengths(&cx, &shortest, &longest);
        r->shortest_turns = shortest;
        r->longest_turns = cx.cyclic ? -1 : longest;
        r->cyclic = cx.cyclic;
        ok = an_allocate_oracle(&cx, &opt, longest);
        r->turn_bound = cx.bound;
    }
    if (ok && r->playable) {
        ok = an_scores(&cx, r, opt.max_entries);
    }
    if (ok) {
        an_lint(&cx, r, coreach, diags);
    }
    free(coreach);
    an_ctx_free(&cx);
    if (!ok) {
        analysis_free(r);
        return NULL;
    }
    return r;
}
