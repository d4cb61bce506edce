/* debrief_json.c — the debrief as JSON, built with cJSON. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "debrief.h"

#define DEBRIEF_JSON_VERSION 1

static cJSON *debrief_json_lines(const scenario_node *node, int mood)
{
    cJSON *lines = cJSON_CreateArray();
    for (size_t i = 0; lines && i < node->line_count; i++) {
        cJSON *l = cJSON_CreateObject();
        scenario_expression e = node->lines[i].expression;
        if (e == SCENARIO_EXPR_AUTO) {
            e = scenario_expression_for_mood(mood);
        }
        cJSON_AddStringToObject(
            l, "text", node->lines[i].text ? node->lines[i].text : "");
        cJSON_AddStringToObject(l, "expression", scenario_expression_name(e));
        cJSON_AddItemToArray(lines, l);
    }
    return lines;
}

static cJSON *debrief_json_option(const scenario_choice *c, int pos)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "choice", pos);
    cJSON_AddStringToObject(o, "said", c->say ? c->say : "");
    if (c->feedback) {
        cJSON_AddStringToObject(o, "feedback", c->feedback);
    } else {
        cJSON_AddNullToObject(o, "feedback");
    }
    cJSON *principles = cJSON_AddArrayToObject(o, "principles");
    for (int p = 0; p < SCENARIO_PRINCIPLE_COUNT; p++) {
        if (c->principles & (1u << p)) {
            cJSON_AddItemToArray(principles,
                                 cJSON_CreateString(scenario_principle_name(
                                     (scenario_principle)p)));
        }
    }
    return o;
}

static cJSON *debrief_json_turn(const debrief_turn *t)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "number", t->number);
    cJSON_AddStringToObject(o, "node", t->node->id ? t->node->id : "");
    cJSON_AddItemToObject(o, "customer",
                          debrief_json_lines(t->node, t->mood_before));
    cJSON_AddBoolToObject(o, "timed_out", t->chosen == NULL);
    if (t->chosen) {
        cJSON_AddItemToObject(o, "chosen",
                              debrief_json_option(t->chosen, t->chosen_pos));
    } else {
        cJSON_AddNullToObject(o, "chosen");
    }
    cJSON_AddNumberToObject(o, "response_ms", t->response_ms);
    cJSON_AddNumberToObject(o, "target_ms", t->target_ms);
    cJSON *scores = cJSON_AddObjectToObject(o, "scores");
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        const char *name = scenario_dim_name((scenario_dim)dim);
        if (t->score.counted[dim]) {
            cJSON_AddNumberToObject(scores, name,
                                    score_round(100.0 * t->score.value[dim]));
        } else {
            cJSON_AddNullToObject(scores, name);
        }
    }
    cJSON_AddNumberToObject(o, "mood_before", t->mood_before);
    cJSON_AddNumberToObject(o, "mood_after", t->mood_after);
    cJSON_AddBoolToObject(o, "best_option_chosen", t->better == NULL);
    if (t->better) {
        cJSON_AddItemToObject(o, "better",
                              debrief_json_option(t->better, t->better_pos));
    } else {
        cJSON_AddNullToObject(o, "better");
    }
    return o;
}

static cJSON *debrief_json_counts(const int *counts)
{
    cJSON *o = cJSON_CreateObject();
    for (int p = 0; p < SCENARIO_PRINCIPLE_COUNT; p++) {
        if (counts[p]) {
            cJSON_AddNumberToObject(
                o, scenario_principle_name((scenario_principle)p), counts[p]);
        }
    }
    return o;
}

char *debrief_to_json(const debrief *d)
{
    const scenario *sc = d->sc;
    cJSON *root = cJSON_CreateObject();
    if (!root) {
        return NULL;
    }
    cJSON_AddStringToObject(root, "format", "rapport-debrief");
    cJSON_AddNumberToObject(root, "format_version", DEBRIEF_JSON_VERSION);
    cJSON *s = cJSON_AddObjectToObject(root, "scenario");
    cJSON_AddStringToObject(s, "id", sc->id ? sc->id : "");
    cJSON_AddStringToObject(s, "version", sc->version);
    cJSON_AddStringToObject(s, "title", sc->title ? sc->title : "");
    cJSON_AddStringToObject(s, "lang", sc->lang);
    cJSON_AddStringToObject(root, "customer",
                            sc->customer.name ? sc->customer.name : "");
    cJSON_AddBoolToObject(root, "finished", d->finished);
    if (d->finished) {
        cJSON_AddStringToObject(root, "outcome",
                                scenario_outcome_name(d->outcome));
    } else {
        cJSON_AddNullToObject(root, "outcome");
    }
    if (d->ending) {
        cJSON *e = cJSON_AddObjectToObject(root, "ending");
        cJSON_AddStringToObject(e, "id", d->ending->id ? d->ending->id : "");
        if (d->ending->title) {
            cJSON_AddStringToObject(e, "title", d->ending->title);
        } else {
            cJSON_AddNullToObject(e, "title");
        }
        cJSON_AddItemToObject(
            e, "customer",
            debrief_json_lines(d->ending, d->mood[d->mood_count - 1]));
        if (d->ending->feedback) {
            cJSON_AddStringToObject(e, "feedback", d->ending->feedback);
        } else {
            cJSON_AddNullToObject(e, "feedback");
        }
    } else {
        cJSON_AddNullToObject(root, "ending");
    }
    cJSON_AddBoolToObject(root, "customer_gave_up", d->gave_up);
    cJSON_AddBoolToObject(root, "relaxed_timing", d->relaxed_timing);

    cJSON *scores = cJSON_AddObjectToObject(root, "scores");
    cJSON *assessed = cJSON_CreateObject();
    cJSON *weights = cJSON_CreateObject();
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        const char *name = scenario_dim_name((scenario_dim)dim);
        cJSON_AddNumberToObject(scores, name, d->summary.dim[dim]);
        cJSON_AddNumberToObject(assessed, name, d->summary.turns_counted[dim]);
        cJSON_AddNumberToObject(weights, name, sc->weight[dim]);
    }
    cJSON_AddNumberToObject(scores, "overall", d->summary.overall);
    cJSON_AddStringToObject(scores, "band", score_band_name(d->summary.band));
    cJSON_AddBoolToObject(scores, "passed", d->summary.passed);
    cJSON_AddStringToObject(scores, "verdict", d->verdict);
    cJSON_AddNumberToObject(scores, "pass_mark", sc->pass_mark);
    cJSON_AddItemToObject(scores, "weights", weights);
    cJSON_AddItemToObject(scores, "turns_assessed", assessed);

    /* options the author marked as critical mistakes: not passed */
    cJSON *critical = cJSON_AddArrayToObject(root, "critical_mistakes");
    for (size_t i = 0; i < d->turn_count; i++) {
        if (d->turns[i].critical) {
            cJSON *c = cJSON_CreateObject();
            cJSON_AddNumberToObject(c, "turn", d->turns[i].number);
            cJSON_AddStringToObject(c, "reason", d->turns[i].critical);
            cJSON_AddItemToArray(critical, c);
        }
    }
    cJSON_AddItemToObject(root, "mood",
                          cJSON_CreateIntArray(d->mood, (int)d->mood_count));
    cJSON *turns = cJSON_AddArrayToObject(root, "turns");
    for (size_t i = 0; i < d->turn_count; i++) {
        cJSON_AddItemToArray(turns, debrief_json_turn(&d->turns[i]));
    }
    cJSON_AddNumberToObject(root, "total_response_ms",
                            (double)d->total_response_ms);
    cJSON *strengths = cJSON_AddArrayToObject(root, "strengths");
    for (size_t i = 0; i < d->strength_count; i++) {
        cJSON_AddItemToArray(
            strengths, cJSON_CreateString(scenario_dim_name(d->strengths[i])));
    }
    cJSON *practise = cJSON_AddObjectToObject(root, "practise_next");
    cJSON_AddStringToObject(practise, "dimension",
                            scenario_dim_name(d->practise));
    cJSON_AddNumberToObject(practise, "score", d->summary.dim[d->practise]);
    cJSON_AddBoolToObject(practise, "urgent",
                          d->summary.dim[d->practise] < 90);
    cJSON_AddStringToObject(practise, "advice", debrief_advice(d->practise));
    cJSON_AddStringToObject(practise, "text", d->practise_text);
    if (d->practise_turn >= 0) {
        const debrief_turn *t = &d->turns[d->practise_turn];
        cJSON_AddNumberToObject(practise, "turn", t->number);
        cJSON_AddItemToObject(practise, "better",
                              debrief_json_option(t->better, t->better_pos));
    } else {
        cJSON_AddNullToObject(practise, "turn");
    }
    static const char *const statuses[] = {"met", "missed", "not-offered",
                                           "no-principle"};
    cJSON *objectives = cJSON_AddArrayToObject(root, "objectives");
    for (size_t i = 0; i < d->objective_count; i++) {
        const debrief_objective *o = &d->objectives[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "objective", o->objective->text);
        if (o->status == DEBRIEF_OBJECTIVE_NO_PRINCIPLE) {
            cJSON_AddNullToObject(j, "principle");
        } else {
            cJSON_AddStringToObject(
                j, "principle",
                scenario_principle_name(
                    (scenario_principle)o->objective->principle));
        }
        cJSON_AddStringToObject(j, "status", statuses[o->status]);
        cJSON_AddNumberToObject(j, "offered_turns", o->offered_turns);
        if (o->missed_turn) {
            cJSON_AddNumberToObject(j, "missed_turn", o->missed_turn);
        } else {
            cJSON_AddNullToObject(j, "missed_turn");
        }
        if (o->text) {
            cJSON_AddStringToObject(j, "text", o->text);
        } else {
            cJSON_AddNullToObject(j, "text");
        }
        cJSON_AddItemToArray(objectives, j);
    }
    cJSON *principles = cJSON_AddObjectToObject(root, "principles");
    cJSON_AddItemToObject(principles, "practised",
                          debrief_json_counts(d->practised));
    cJSON_AddItemToObject(principles, "missed",
                          debrief_json_counts(d->missed));
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}
