#include "debrief.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "words.h"

const char *debrief_advice(scenario_dim dim)
{
    switch (dim) {
    case SCENARIO_DIM_EMPATHY:
        return _("Name what the customer is feeling and show you are on "
                 "their side before you fix anything; a sincere line beats a "
                 "scripted one.");
    case SCENARIO_DIM_HONESTY:
        return _("Tell the customer what is true, including the limits and "
                 "the costs, and promise only what you can deliver, even "
                 "when it loses the sale.");
    case SCENARIO_DIM_PROMPTNESS:
        return _("Answer without long pauses and turn each reply into an "
                 "action: say what you will do, and by when.");
    case SCENARIO_DIM_COUNT:
        break;
    }
    return "";
}

char *debrief_customer_text(const scenario_node *node)
{
    size_t total = 1;
    for (size_t i = 0; i < node->line_count; i++) {
        total += (node->lines[i].text ? strlen(node->lines[i].text) : 0) + 1;
    }
    char *text = malloc(total);
    if (!text) {
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < node->line_count; i++) {
        const char *t = node->lines[i].text ? node->lines[i].text : "";
        if (o > 0) {
            text[o++] = ' ';
        }
        size_t n = strlen(t);
        memcpy(text + o, t, n);
        o += n;
    }
    text[o] = '\0';
    return text;
}

static char *debrief_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *debrief_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *out = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (out) {
        va_start(ap, fmt);
        vsnprintf(out, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return out;
}

/* Judges one objective on the turns played (the rule is in debrief.h). */
static bool debrief_judge(const session *s, debrief_objective *o)
{
    const scenario *sc = session_scenario(s);
    int p = o->objective->principle;
    if (p < 0 || p >= SCENARIO_PRINCIPLE_COUNT) {
        o->status = DEBRIEF_OBJECTIVE_NO_PRINCIPLE;
        return true; /* no sentence: the objective speaks for itself */
    }
    uint32_t bit = 1u << p;
    for (size_t i = 0; i < session_turn_count(s); i++) {
        const session_turn *t = session_turn_at(s, i);
        const scenario_node *n = &sc->nodes[t->node_index];
        double best = -1.0;
        for (size_t c = 0; c < n->choice_count && c < 16; c++) {
            if ((t->offered & (1u << c)) && (n->choices[c].principles & bit)) {
                double v = score_option_value(sc, n, t->offered, (int)c);
                best = v > best ? v : best;
            }
        }
        if (best < 0.0) {
            continue;
        }
        o->offered_turns++;
        double got =
            t->choice_index >= 0
                ? score_option_value(sc, n, t->offered, t->choice_index)
                : -1.0;
        if (got < best - 1e-9 && o->missed_turn == 0) {
            o->missed_turn = (int)i + 1;
        }
    }
    const char *name = words_principle((scenario_principle)p);
    if (o->offered_turns == 0) {
        o->status = DEBRIEF_OBJECTIVE_NOT_OFFERED;
        o->text = debrief_printf(_("%s: not on offer in this call"), name);
    } else if (o->missed_turn) {
        o->status = DEBRIEF_OBJECTIVE_MISSED;
        o->text = debrief_printf(P_("%s: missed at turn %d, on offer at %d "
                                    "turn",
                                    "%s: missed at turn %d, on offer at %d "
                                    "turns",
                                    o->offered_turns),
                                 name, o->missed_turn, o->offered_turns);
    } else {
        o->status = DEBRIEF_OBJECTIVE_MET;
        o->text = debrief_printf(P_("%s: met, on offer at %d turn",
                                    "%s: met, on offer at %d turns",
                                    o->offered_turns),
                                 name, o->offered_turns);
    }
    return o->text != NULL;
}

/* The sentences every front end shows as they are. */
static bool debrief_sentences(const session *s, debrief *d)
{
    const scenario *sc = d->sc;
    const char *why_time = d->summary.timed_out_turns
                               ? _("; the customer's patience ran out")
                               : "";
    const char *why_critical =
        d->critical_count ? _("; a critical mistake") : "";
    if (!d->finished) {
        /* TRANSLATORS: the last two %s add "; the customer's patience ran
         * out" and "; a critical mistake" when they apply. */
        d->verdict = debrief_printf(_("incomplete attempt (pass mark %d%s%s)"),
                                    sc->pass_mark, why_time, why_critical);
    } else {
        d->verdict = debrief_printf(d->summary.passed
                                        ? _("passed (pass mark %d%s%s)")
                                        : _("not passed (pass mark %d%s%s)"),
                                    sc->pass_mark, why_time, why_critical);
    }
    const char *dim = words_dim(d->practise);
    int score = d->summary.dim[d->practise];
    if (score >= 90) {
        d->practise_text = debrief_printf(
            _("Nothing urgent: every dimension is at 90 or above. To stay "
              "sharp, %s (%d): %s"),
            dim, score, debrief_advice(d->practise));
    } else {
        d->practise_text = debrief_printf(_("Practise next: %s (%d): %s"), dim,
                                          score, debrief_advice(d->practise));
    }
    if (!d->verdict || !d->practise_text) {
        return false;
    }
    d->objectives = sc->objective_count
                        ? calloc(sc->objective_count, sizeof *d->objectives)
                        : NULL;
    if (sc->objective_count && !d->objectives) {
        return false;
    }
    for (size_t i = 0; i < sc->objective_count; i++) {
        debrief_objective *o = &d->objectives[d->objective_count++];
        o->objective = &sc->objectives[i];
        if (!debrief_judge(s, o)) {
            return false;
        }
    }
    return true;
}

debrief *debrief_new(const session *s)
{
    const scenario *sc = session_scenario(s);
    debrief *d = calloc(1, sizeof *d);
    if (!d) {
        return NULL;
    }
    size_t n = session_turn_count(s);
    d->sc = sc;
    d->finished = session_is_finished(s);
    d->outcome = session_outcome(s);
    d->ending = session_ending(s);
    d->gave_up = session_gave_up(s);
    d->relaxed_timing = session_options_of(s)->relaxed_timing;
    d->shuffled = session_options_of(s)->shuffle;
    d->seed = d->shuffled ? session_options_of(s)->seed : 0;
    d->turns = n ? calloc(n, sizeof(debrief_turn)) : NULL;
    d->mood = calloc(n + 1, sizeof(int));
    if ((n && !d->turns) || !d->mood) {
        debrief_free(d);
        return NULL;
    }
    score_summarise(s, &d->summary);
    d->mood[0] = n ? session_turn_at(s, 0)->mood_before : session_mood(s);
    d->mood_count = 1;
    d->practise_turn = -1;
    for (size_t i = 0; i < n; i++) {
        const session_turn *t = session_turn_at(s, i);
        const scenario_node *node = &sc->nodes[t->node_index];
        debrief_turn *dt = &d->turns[d->turn_count++];
        dt->number = (int)i + 1;
        dt->node = node;
        dt->chosen =
            t->choice_index >= 0 ? &node->choices[t->choice_index] : NULL;
        dt->chosen_pos = t->offered_pos;
        dt->response_ms = t->response_ms;
        dt->target_ms = t->target_ms;
        dt->mood_before = t->mood_before;
        dt->mood_after = t->mood_after;
        score_evaluate_turn(sc, t, d->relaxed_timing, &dt->score);
        if (t->critical && dt->chosen) {
            dt->critical = dt->chosen->critical;
            d->critical_count++;
        }
        if (!dt->score.chose_best && dt->score.best_choice >= 0) {
            dt->better = &node->choices[dt->score.best_choice];
            dt->better_pos = session_turn_position(t, dt->score.best_choice);
        }
        d->mood[d->mood_count++] = t->mood_after;
        d->total_response_ms += t->response_ms;
        for (int p = 0; p < SCENARIO_PRINCIPLE_COUNT; p++) {
            uint32_t bit = 1u << p;
            if (dt->chosen && (dt->chosen->principles & bit) &&
                (dt->score.chose_best || dt->score.quality >= 0.75)) {
                d->practised[p]++;
            }
            if (dt->better && (dt->better->principles & bit)) {
                d->missed[p]++;
            }
        }
    }

    /* Strengths: dimensions at 80 or more, best first (stable order). */
    for (int pass = 100; pass >= 80; pass--) {
        for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
            if (d->summary.dim[dim] == pass) {
                d->strengths[d->strength_count++] = (scenario_dim)dim;
            }
        }
    }
    /* Practise next: the lowest dimension (first of equals), pointing at
     * the turn where the most was lost on it. */
    d->practise = SCENARIO_DIM_EMPATHY;
    for (int dim = 1; dim < SCENARIO_DIM_COUNT; dim++) {
        if (d->summary.dim[dim] < d->summary.dim[d->practise]) {
            d->practise = (scenario_dim)dim;
        }
    }
    double worst_gap = 0.0;
    for (size_t i = 0; i < d->turn_count; i++) {
        const debrief_turn *dt = &d->turns[i];
        const session_turn *t = session_turn_at(s, i);
        if (!dt->better) {
            continue;
        }
        double best = score_placement(dt->node, t->offered,
                                      dt->score.best_choice, d->practise);
        double got = t->choice_index >= 0
                         ? score_placement(dt->node, t->offered,
                                           t->choice_index, d->practise)
                         : 0.0;
        if (best >= 0.0 && best - got > worst_gap + 1e-9) {
            worst_gap = best - got;
            d->practise_turn = (int)i;
        }
    }
    if (!debrief_sentences(s, d)) {
        debrief_free(d);
        return NULL;
    }
    return d;
}

void debrief_free(debrief *d)
{
    if (!d) {
        return;
    }
    for (size_t i = 0; i < d->objective_count; i++) {
        free(d->objectives[i].text);
    }
    free(d->objectives);
    free(d->verdict);
    free(d->practise_text);
    free(d->mood);
    free(d->turns);
    free(d);
}
