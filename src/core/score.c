#include "score.h"

#include <math.h>

int score_round(double value) { return (int)floor(value + 0.5); }

double score_time(int response_ms, int target_ms, bool relaxed)
{
    if (relaxed || target_ms <= 0 || response_ms <= target_ms) {
        return 1.0;
    }
    double span = (double)target_ms * (SCORE_ZERO_AT_TARGET_MULTIPLE - 1);
    double t = 1.0 - (double)(response_ms - target_ms) / span;
    return t < 0.0 ? 0.0 : t;
}

static bool score_range(const scenario_node *node, unsigned offered,
                        scenario_dim dim, int *lo, int *hi)
{
    bool any = false;
    for (size_t i = 0; i < node->choice_count && i < 16; i++) {
        if (!(offered & (1u << i))) {
            continue;
        }
        int r = node->choices[i].rating[dim];
        if (!any || r < *lo) {
            *lo = r;
        }
        if (!any || r > *hi) {
            *hi = r;
        }
        any = true;
    }
    return any && *hi > *lo;
}

double score_placement(const scenario_node *node, unsigned offered,
                       int choice_index, scenario_dim dim)
{
    int lo = 0;
    int hi = 0;
    if (choice_index < 0 || !score_range(node, offered, dim, &lo, &hi)) {
        return -1.0;
    }
    int r = node->choices[choice_index].rating[dim];
    return (double)(r - lo) / (double)(hi - lo);
}

double score_option_value(const scenario *sc, const scenario_node *n,
                          unsigned offered, int choice_index)
{
    double sum = 0.0;
    double weights = 0.0;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        double p = score_placement(n, offered, choice_index, (scenario_dim)d);
        if (p < 0.0) {
            continue;
        }
        double w = sc->weight[d] > 0 ? sc->weight[d] : 0.0;
        sum += w * p;
        weights += w;
    }
    return weights > 0.0 ? sum / weights : 1.0;
}

void score_evaluate_turn(const scenario *sc, const session_turn *turn,
                         bool relaxed, score_turn *out)
{
    const scenario_node *n = &sc->nodes[turn->node_index];
    unsigned offered = turn->offered;
    out->best_choice = -1;
    double best_value = -1.0;
    for (size_t i = 0; i < n->choice_count && i < 16; i++) {
        if (offered & (1u << i)) {
            double v = score_option_value(sc, n, offered, (int)i);
            if (v > best_value + 1e-9) {
                best_value = v;
                out->best_choice = (int)i;
            }
        }
    }
    out->time = turn->choice_index < 0
                    ? 0.0
                    : score_time(turn->response_ms, turn->target_ms, relaxed);
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        double p =
            score_placement(n, offered, turn->choice_index, (scenario_dim)d);
        out->counted[d] = p >= 0.0;
        out->value[d] = p >= 0.0 ? p : 0.0;
    }
    if (turn->choice_index < 0) {
        out->counted[SCENARIO_DIM_EMPATHY] = false;
        out->counted[SCENARIO_DIM_HONESTY] = false;
        out->counted[SCENARIO_DIM_PROMPTNESS] = true;
        out->value[SCENARIO_DIM_PROMPTNESS] = 0.0;
        out->chose_best = false;
        out->quality = 0.0;
        return;
    }
    double pp = out->value[SCENARIO_DIM_PROMPTNESS];
    out->value[SCENARIO_DIM_PROMPTNESS] = out->counted[SCENARIO_DIM_PROMPTNESS]
                                              ? pp * (0.5 + 0.5 * out->time)
                                              : out->time;
    out->counted[SCENARIO_DIM_PROMPTNESS] = true;
    out->quality = score_option_value(sc, n, offered, turn->choice_index);
    out->chose_best = out->quality >= best_value - 1e-9;
}

score_band score_band_for(int overall)
{
    if (overall >= 90) {
        return SCORE_BAND_EXCELLENT;
    }
    if (overall >= 75) {
        return SCORE_BAND_GOOD;
    }
    if (overall >= 50) {
        return SCORE_BAND_DEVELOPING;
    }
    return SCORE_BAND_NEEDS_PRACTICE;
}

const char *score_band_name(score_band band)
{
    switch (band) {
    case SCORE_BAND_EXCELLENT:
        return "excellent";
    case SCORE_BAND_GOOD:
        return "good";
    case SCORE_BAND_DEVELOPING:
        return "developing";
    case SCORE_BAND_NEEDS_PRACTICE:
        return "needs practice";
    }
    return "unknown";
}

typedef const session_turn *(*score_turn_fn)(const void *ctx, size_t i);

static void score_summarise_with(const scenario *sc, bool relaxed,
                                 score_turn_fn at, const void *ctx,
                                 size_t count, score_summary *out)
{
    double sum[SCENARIO_DIM_COUNT] = {0};
    int counted[SCENARIO_DIM_COUNT] = {0};
    out->timed_out_turns = 0;
    for (size_t i = 0; i < count; i++) {
        score_turn st;
        const session_turn *turn = at(ctx, i);
        score_evaluate_turn(sc, turn, relaxed, &st);
        out->timed_out_turns += turn->choice_index < 0;
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            if (st.counted[d]) {
                sum[d] += st.value[d];
                counted[d]++;
            }
        }
    }
    long weighted = 0;
    long weights = 0;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        out->turns_counted[d] = counted[d];
        out->dim[d] =
            counted[d] ? score_round(100.0 * sum[d] / counted[d]) : 100;
        if (counted[d]) {
            weighted += (long)sc->weight[d] * out->dim[d];
            weights += sc->weight[d];
        }
    }
    if (weights == 0) {
        /* no assessed dimension carries weight: count them equally */
        weighted = 0;
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            if (counted[d]) {
                weighted += out->dim[d];
                weights++;
            }
        }
    }
    if (weights == 0) {
        weighted = 100; /* no turn at all */
        weights = 1;
    }
    out->overall = score_round((double)weighted / (double)weights);
    out->passed = out->overall >= sc->pass_mark && out->timed_out_turns == 0;
    out->band = score_band_for(out->overall);
}

static const session_turn *score_session_turn(const void *ctx, size_t i)
{
    return session_turn_at(ctx, i);
}

static const session_turn *score_array_turn(const void *ctx, size_t i)
{
    return (const session_turn *)ctx + i;
}

void score_summarise(const session *s, score_summary *out)
{
    score_summarise_with(session_scenario(s),
                         session_options_of(s)->relaxed_timing,
                         score_session_turn, s, session_turn_count(s), out);
}

void score_summarise_turns(const scenario *sc, const session_turn *turns,
                           size_t count, bool relaxed, score_summary *out)
{
    score_summarise_with(sc, relaxed, score_array_turn, turns, count, out);
}

size_t score_pick(const session *s, bool worst)
{
    const scenario *sc = session_scenario(s);
    const scenario_node *n = session_node(s);
    size_t count = session_offered_count(s);
    unsigned offered = 0;
    for (size_t i = 0; i < count; i++) {
        offered |= 1u << session_offered_index(s, i);
    }
    size_t pick = 0;
    double pick_value = 0.0;
    for (size_t i = 0; n && i < count; i++) {
        double v =
            score_option_value(sc, n, offered, session_offered_index(s, i));
        bool better = worst ? v < pick_value - 1e-9 : v > pick_value + 1e-9;
        if (i == 0 || better) {
            pick = i;
            pick_value = v;
        }
    }
    return pick;
}
