#include "scenario.h"
#include "reading.h"

#include <stdlib.h>
#include <string.h>

static const char *const scenario_dim_names[SCENARIO_DIM_COUNT] = {
    "empathy", "honesty", "promptness"};
static const char *const scenario_outcome_names[SCENARIO_OUTCOME_COUNT] = {
    "resolved", "partial", "escalated", "lost"};
static const char *const scenario_expression_names[SCENARIO_EXPR_COUNT] = {
    "auto",     "furious", "irate", "annoyed",  "worried",
    "confused", "sad",     "calm",  "relieved", "happy"};
static const char *const scenario_channel_names[SCENARIO_CHANNEL_COUNT] = {
    "phone", "counter", "chat", "email"};
static const char *const scenario_principle_names[SCENARIO_PRINCIPLE_COUNT] = {
    "acknowledge",   "listening",  "sincerity",    "composure", "integrity",
    "understanding", "promptness", "value",        "fairness",  "clarity",
    "ownership",     "respect",    "adaptability", "knowledge"};
static const char *const scenario_hair_names[] = {"short", "long", "curly",
                                                  "bun", "bald"};
static const char *const scenario_hair_colour_names[] = {
    "black", "brown", "auburn", "blonde", "grey", "white"};

#define SCENARIO_COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *scenario_name_at(const char *const *names, size_t count,
                                    int index)
{
    if (index < 0 || (size_t)index >= count) {
        return "unknown";
    }
    return names[index];
}

static int scenario_index_of(const char *const *names, size_t count,
                             const char *name)
{
    if (!name) {
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        if (strcmp(names[i], name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

const char *scenario_dim_name(scenario_dim dim)
{
    return scenario_name_at(scenario_dim_names, SCENARIO_DIM_COUNT, (int)dim);
}
const char *scenario_outcome_name(scenario_outcome outcome)
{
    return scenario_name_at(scenario_outcome_names, SCENARIO_OUTCOME_COUNT,
                            (int)outcome);
}
const char *scenario_expression_name(scenario_expression expression)
{
    return scenario_name_at(scenario_expression_names, SCENARIO_EXPR_COUNT,
                            (int)expression);
}
const char *scenario_channel_name(scenario_channel channel)
{
    return scenario_name_at(scenario_channel_names, SCENARIO_CHANNEL_COUNT,
                            (int)channel);
}
const char *scenario_principle_name(scenario_principle principle)
{
    return scenario_name_at(scenario_principle_names, SCENARIO_PRINCIPLE_COUNT,
                            (int)principle);
}
const char *scenario_hair_name(int hair)
{
    return scenario_name_at(scenario_hair_names,
                            SCENARIO_COUNT_OF(scenario_hair_names), hair);
}
const char *scenario_hair_colour_name(int colour)
{
    return scenario_name_at(scenario_hair_colour_names,
                            SCENARIO_COUNT_OF(scenario_hair_colour_names),
                            colour);
}
int scenario_outcome_from_name(const char *name)
{
    return scenario_index_of(scenario_outcome_names, SCENARIO_OUTCOME_COUNT,
                             name);
}
int scenario_expression_from_name(const char *name)
{
    int e = scenario_index_of(scenario_expression_names, SCENARIO_EXPR_COUNT,
                              name);
    return e == SCENARIO_EXPR_AUTO ? -1 : e;
}
int scenario_channel_from_name(const char *name)
{
    return scenario_index_of(scenario_channel_names, SCENARIO_CHANNEL_COUNT,
                             name);
}
int scenario_principle_from_name(const char *name)
{
    return scenario_index_of(scenario_principle_names,
                             SCENARIO_PRINCIPLE_COUNT, name);
}
int scenario_hair_from_name(const char *name)
{
    return scenario_index_of(scenario_hair_names,
                             SCENARIO_COUNT_OF(scenario_hair_names), name);
}
int scenario_hair_colour_from_name(const char *name)
{
    return scenario_index_of(scenario_hair_colour_names,
                             SCENARIO_COUNT_OF(scenario_hair_colour_names),
                             name);
}

static void scenario_free_strings(char **items, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(items[i]);
    }
    free(items);
}

static void scenario_condition_free(scenario_condition *cond)
{
    scenario_free_strings(cond->if_flags, cond->if_count);
    scenario_free_strings(cond->unless_flags, cond->unless_count);
}

static void scenario_choice_free(scenario_choice *c)
{
    free(c->say);
    free(c->feedback);
    free(c->next);
    scenario_free_strings(c->set_flags, c->set_count);
    scenario_free_strings(c->clear_flags, c->clear_count);
    scenario_condition_free(&c->cond);
    for (size_t i = 0; i < c->branch_count; i++) {
        free(c->branches[i].next);
        scenario_condition_free(&c->branches[i].cond);
    }
    free(c->branches);
}

static void scenario_node_free(scenario_node *n)
{
    free(n->id);
    for (size_t i = 0; i < n->line_count; i++) {
        free(n->lines[i].text);
    }
    free(n->lines);
    for (size_t i = 0; i < n->choice_count; i++) {
        scenario_choice_free(&n->choices[i]);
    }
    free(n->choices);
    free(n->timeout);
    free(n->title);
    free(n->feedback);
}

void scenario_free(scenario *sc)
{
    if (!sc) {
        return;
    }
    free(sc->path);
    free(sc->id);
    free(sc->version);
    free(sc->lang);
    free(sc->title);
    free(sc->summary);
    for (size_t i = 0; i < sc->objective_count; i++) {
        free(sc->objectives[i].text);
    }
    free(sc->objectives);
    free(sc->customer.name);
    free(sc->customer.persona);
    free(sc->customer.timeout);
    for (size_t i = 0; i < sc->node_count; i++) {
        scenario_node_free(&sc->nodes[i]);
    }
    free(sc->nodes);
    free(sc);
}

const char *scenario_suggest_id(const scenario *sc, const char *id)
{
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < sc->node_count; i++) {
        const char *cand = sc->nodes[i].id;
        if (!cand) {
            continue;
        }
        size_t d = diag_distance(id, cand);
        if (d < best_d) {
            best_d = d;
            best = cand;
        }
    }
    return best;
}

int scenario_find(const scenario *sc, const char *id)
{
    if (!sc || !id) {
        return -1;
    }
    for (size_t i = 0; i < sc->node_count; i++) {
        if (sc->nodes[i].id && strcmp(sc->nodes[i].id, id) == 0) {
            return (int)i;
        }
    }
    return -1;
}

int scenario_default_target_ms(const scenario_node *node)
{
    size_t words = 0;
    for (size_t i = 0; i < node->line_count; i++) {
        words += reading_word_count(node->lines[i].text);
    }
    for (size_t i = 0; i < node->choice_count; i++) {
        words += reading_word_count(node->choices[i].say);
    }
    if (words > 10000) {
        words = 10000;
    }
    return 5000 + 300 * (int)words;
}

int scenario_target_ms(const scenario_node *node)
{
    return node->target_ms > 0 ? node->target_ms
                               : scenario_default_target_ms(node);
}

scenario_expression scenario_expression_for_mood(int mood)
{
    if (mood < 20) {
        return SCENARIO_EXPR_FURIOUS;
    }
    if (mood < 35) {
        return SCENARIO_EXPR_IRATE;
    }
    if (mood < 50) {
        return SCENARIO_EXPR_ANNOYED;
    }
    if (mood < 70) {
        return SCENARIO_EXPR_CALM;
    }
    return SCENARIO_EXPR_HAPPY;
}

bool scenario_condition_holds(const scenario_condition *cond, int mood,
                              bool (*flag_is_set)(const void *ctx,
                                                  const char *flag),
                              const void *ctx)
{
    if (mood < cond->min_mood || mood > cond->max_mood) {
        return false;
    }
    for (size_t i = 0; i < cond->if_count; i++) {
        if (!flag_is_set(ctx, cond->if_flags[i])) {
            return false;
        }
    }
    for (size_t i = 0; i < cond->unless_count; i++) {
        if (flag_is_set(ctx, cond->unless_flags[i])) {
            return false;
        }
    }
    return true;
}

unsigned char *scenario_linked(const scenario *sc)
{
    size_t n_nodes = sc->node_count ? sc->node_count : 1;
    unsigned char *seen = calloc(n_nodes, 1);
    int *queue = malloc(n_nodes * sizeof(int));
    if (!seen || !queue) {
        free(seen);
        free(queue);
        return NULL;
    }
    size_t head = 0;
    size_t tail = 0;
    if (sc->start_index >= 0 && (size_t)sc->start_index < sc->node_count) {
        seen[sc->start_index] = 1;
        queue[tail++] = sc->start_index;
    }
    while (head < tail) {
        const scenario_node *n = &sc->nodes[queue[head++]];
        if (n->is_ending) {
            continue;
        }
        int t = n->timeout_index >= 0 ? n->timeout_index
                                      : sc->customer.timeout_index;
        if (t >= 0 && !seen[t]) {
            seen[t] = 1;
            queue[tail++] = t;
        }
        for (size_t i = 0; i < n->choice_count; i++) {
            const scenario_choice *ch = &n->choices[i];
            for (size_t b = 0; b <= ch->branch_count; b++) {
                int x = b == ch->branch_count ? ch->next_index
                                              : ch->branches[b].next_index;
                if (x >= 0 && !seen[x]) {
                    seen[x] = 1;
                    queue[tail++] = x;
                }
            }
        }
    }
    free(queue);
    return seen;
}
