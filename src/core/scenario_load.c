/* scenario_load.c — reading a scenario file safely and checking it.
 *
 * Reading, parsing, the safety refusals and schema validation are
 * xmldoc's (shared with test plans); here the model is built tolerantly
 * from the validated tree and the semantic checks the schema cannot do
 * are run. All problems go to the diag_list.
 */
#define _POSIX_C_SOURCE 200809L
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "scenario_internal.h"
#include "scenario_xml.h"
#include "schema_data.h"
#include "visible.h"
#include "xmldoc.h"

typedef struct {
    xmldoc *doc;
    struct loader_id *ids; /* node ids sorted, for lookups in O(log n) */
    size_t id_count;
} loader_state;

typedef struct loader_id {
    const char *id;
    int index;
} loader_id;

static int loader_mood_value(const char *s, int fallback)
{
    static const struct {
        const char *name;
        int value;
    } moods[] = {{"furious", SCENARIO_MOOD_FURIOUS},
                 {"irate", SCENARIO_MOOD_IRATE},
                 {"annoyed", SCENARIO_MOOD_ANNOYED},
                 {"calm", SCENARIO_MOOD_CALM},
                 {"happy", SCENARIO_MOOD_HAPPY}};
    if (!s) {
        return fallback;
    }
    for (size_t i = 0; i < sizeof moods / sizeof moods[0]; i++) {
        if (strcmp(s, moods[i].name) == 0) {
            return moods[i].value;
        }
    }
    int v;
    return xmldoc_parse_int(s, 0, 100, &v) ? v : fallback;
}

static scenario_condition loader_condition(const xmlNode *node)
{
    scenario_condition c;
    memset(&c, 0, sizeof c);
    c.if_flags = xmldoc_list_attr(node, "if-flags", &c.if_count);
    c.unless_flags = xmldoc_list_attr(node, "unless-flags", &c.unless_count);
    c.min_mood = xmldoc_int_attr(node, "min-mood", 0, 100, 0);
    c.max_mood = xmldoc_int_attr(node, "max-mood", 0, 100, 100);
    return c;
}

static bool loader_condition_any(const scenario_condition *c)
{
    return c->if_count || c->unless_count || c->min_mood > 0 ||
           c->max_mood < 100;
}

/* ---------- building the model ---------- */

/* A text the schema let through (it is not empty) that shows nothing:
 * only spaces or invisible characters (U+00A0, U+200B...). An empty one
 * is the schema's to report. `what` names it in the message. */
static void loader_check_blank(loader_state *st, const xmlNode *el,
                               const char *attr, const char *text,
                               const char *what)
{
    if (!el || !visible_is_blank(text)) {
        return;
    }
    bool written = false;
    if (attr) {
        xmlChar *v = xmlGetNoNsProp(el, BAD_CAST attr);
        written = v && v[0];
        xmlFree(v);
    } else {
        for (const xmlNode *c = el->children; c && !written; c = c->next) {
            written = (c->type == XML_TEXT_NODE ||
                       c->type == XML_CDATA_SECTION_NODE) &&
                      c->content && c->content[0];
        }
    }
    if (written) {
        xmldoc_error_at(st->doc, el, attr, DIAG_ERROR,
                        "%s is blank: it holds only spaces or invisible "
                        "characters (such as U+00A0 no-break space or "
                        "U+200B zero-width space), so the screen would show "
                        "nothing; write the words",
                        what);
    }
}

static void loader_read_lines(loader_state *st, const xmlNode *parent,
                              scenario_node *n)
{
    size_t count = 0;
    for (xmlNode *c = parent->children; c; c = c->next) {
        if (xmldoc_is(st->doc, c, "line")) {
            count++;
        }
    }
    n->lines = count ? calloc(count, sizeof(scenario_line)) : NULL;
    if (!n->lines) {
        return;
    }
    for (xmlNode *c = parent->children; c; c = c->next) {
        if (!xmldoc_is(st->doc, c, "line")) {
            continue;
        }
        scenario_line *l = &n->lines[n->line_count++];
        l->text = xmldoc_text(c);
        loader_check_blank(st, c, NULL, l->text, "<line>");
        l->expression = (scenario_expression)xmldoc_enum_attr(
            c, "expression", scenario_expression_from_name,
            SCENARIO_EXPR_AUTO);
    }
}

static uint32_t loader_principles(const xmlNode *node, const char *name)
{
    size_t count = 0;
    char **items = xmldoc_list_attr(node, name, &count);
    uint32_t bits = 0;
    for (size_t i = 0; i < count; i++) {
        int p = scenario_principle_from_name(items[i]);
        if (p >= 0) {
            bits |= 1u << p;
        }
        free(items[i]);
    }
    free(items);
    return bits;
}

static void loader_read_choice(loader_state *st, const xmlNode *c,
                               scenario_choice *ch)
{
    ch->id = xmldoc_attr(c, "id");
    const xmlNode *say = xmldoc_first_child(st->doc, c, "say");
    ch->say = xmldoc_text(say);
    loader_check_blank(st, say, NULL, ch->say, "<say>");
    ch->feedback = xmldoc_text(xmldoc_first_child(st->doc, c, "feedback"));
    const xmlNode *crit = xmldoc_first_child(st->doc, c, "critical");
    if (crit) {
        ch->critical = xmldoc_text(crit);
        ch->critical_cond = loader_condition(crit);
        ch->critical_conditional = loader_condition_any(&ch->critical_cond);
        xmldoc_element_pos(st->doc, crit, &ch->critical_line,
                           &ch->critical_col);
    }
    ch->next = xmldoc_attr(c, "next");
    ch->next_index = -1;
    ch->rating[SCENARIO_DIM_EMPATHY] =
        xmldoc_int_attr(c, "empathy", -10, 10, 0);
    ch->rating[SCENARIO_DIM_HONESTY] =
        xmldoc_int_attr(c, "honesty", -10, 10, 0);
    ch->rating[SCENARIO_DIM_PROMPTNESS] =
        xmldoc_int_attr(c, "promptness", -10, 10, 0);
    ch->mood_change = xmldoc_int_attr(c, "mood", -100, 100, 0);
    ch->principles = loader_principles(c, "principles");
    ch->set_flags = xmldoc_list_attr(c, "set", &ch->set_count);
    ch->clear_flags = xmldoc_list_attr(c, "clear", &ch->clear_count);
    ch->cond = loader_condition(c);
    ch->conditional = loader_condition_any(&ch->cond);
    ch->pinned = xmldoc_bool_attr(c, "pinned") == 1;
    ch->line = xmldoc_node_line(c);
    size_t nb = 0;
    for (xmlNode *b = c->children; b; b = b->next) {
        if (xmldoc_is(st->doc, b, "branch")) {
            nb++;
        }
    }
    ch->branches = nb ? calloc(nb, sizeof(scenario_branch)) : NULL;
    if (!ch->branches) {
        return;
    }
    for (xmlNode *b = c->children; b; b = b->next) {
        if (!xmldoc_is(st->doc, b, "branch")) {
            continue;
        }
        scenario_branch *br = &ch->branches[ch->branch_count++];
        br->next = xmldoc_attr(b, "next");
        br->next_index = -1;
        br->cond = loader_condition(b);
        br->line = xmldoc_node_line(b);
    }
}

static void loader_read_node(loader_state *st, const xmlNode *x,
                             scenario_node *n, bool is_ending)
{
    n->id = xmldoc_attr(x, "id");
    n->is_ending = is_ending;
    n->timeout_index = -1;
    n->line = xmldoc_node_line(x);
    loader_read_lines(st, x, n);
    if (is_ending) {
        n->outcome = (scenario_outcome)xmldoc_enum_attr(
            x, "outcome", scenario_outcome_from_name,
            SCENARIO_OUTCOME_RESOLVED);
        n->title = xmldoc_attr(x, "title");
        loader_check_blank(st, x, "title", n->title, "the ending's title");
        n->feedback = xmldoc_text(xmldoc_first_child(st->doc, x, "feedback"));
        return;
    }
    n->target_ms = xmldoc_ms_attr(x, "target");
    n->timeout = xmldoc_attr(x, "timeout");
    size_t count = 0;
    for (xmlNode *c = x->children; c; c = c->next) {
        if (xmldoc_is(st->doc, c, "choice")) {
            count++;
        }
    }
    n->choices = count ? calloc(count, sizeof(scenario_choice)) : NULL;
    if (!n->choices) {
        return;
    }
    for (xmlNode *c = x->children; c; c = c->next) {
        if (xmldoc_is(st->doc, c, "choice")) {
            loader_read_choice(st, c, &n->choices[n->choice_count++]);
        }
    }
}

static void loader_read_customer(loader_state *st, const xmlNode *x,
                                 scenario_customer *cu)
{
    cu->name = xmldoc_attr(x, "name");
    loader_check_blank(st, x, "name", cu->name, "the customer's name");
    cu->persona = xmldoc_text(xmldoc_first_child(st->doc, x, "persona"));
    char *mood = xmldoc_attr(x, "mood");
    cu->mood = loader_mood_value(mood, SCENARIO_MOOD_CALM);
    free(mood);
    cu->patience_ms = xmldoc_ms_attr(x, "patience");
    if (cu->patience_ms <= 0) {
        cu->patience_ms = 60000;
    }
    cu->timeout = xmldoc_attr(x, "timeout");
    cu->timeout_index = -1;
    cu->look.hair = -1;
    cu->look.hair_colour = -1;
    cu->look.glasses = -1;
    cu->look.beard = -1;
    const xmlNode *look = xmldoc_first_child(st->doc, x, "look");
    if (look) {
        cu->look.skin = xmldoc_int_attr(look, "skin", 1, 6, 0);
        cu->look.hair =
            xmldoc_enum_attr(look, "hair", scenario_hair_from_name, -1);
        cu->look.hair_colour = xmldoc_enum_attr(
            look, "hair-colour", scenario_hair_colour_from_name, -1);
        cu->look.glasses = xmldoc_bool_attr(look, "glasses");
        cu->look.beard = xmldoc_bool_attr(look, "beard");
    }
}

static scenario *loader_build(loader_state *st, const xmlNode *root)
{
    scenario *sc = calloc(1, sizeof *sc);
    if (!sc) {
        return NULL;
    }
    sc->path = xmldoc_strdup(xmldoc_name(st->doc));
    sc->id = xmldoc_attr(root, "id");
    sc->version = xmldoc_attr(root, "version");
    if (!sc->version) {
        sc->version = xmldoc_strdup("1");
    }
    sc->lang = xmldoc_attr(root, "lang");
    if (!sc->lang) {
        sc->lang = xmldoc_strdup("en");
    }
    sc->channel = (scenario_channel)xmldoc_enum_attr(
        root, "channel", scenario_channel_from_name, SCENARIO_CHANNEL_PHONE);
    sc->difficulty = xmldoc_int_attr(root, "difficulty", 1, 5, 2);
    sc->minutes = xmldoc_ms_attr(root, "minutes") / 1000.0;
    const xmlNode *title = xmldoc_first_child(st->doc, root, "title");
    sc->title = xmldoc_text(title);
    loader_check_blank(st, title, NULL, sc->title, "<title>");
    sc->summary = xmldoc_text(xmldoc_first_child(st->doc, root, "summary"));
    sc->pass_mark = 70;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        sc->weight[d] = 1;
    }
    sc->start_index = -1;

    const xmlNode *objectives =
        xmldoc_first_child(st->doc, root, "objectives");
    if (objectives) {
        size_t count = 0;
        for (xmlNode *c = objectives->children; c; c = c->next) {
            count += xmldoc_is(st->doc, c, "objective");
        }
        sc->objectives =
            count ? calloc(count, sizeof(scenario_objective)) : NULL;
        for (xmlNode *c = objectives->children; c && sc->objectives;
             c = c->next) {
            if (xmldoc_is(st->doc, c, "objective")) {
                scenario_objective *o = &sc->objectives[sc->objective_count++];
                o->text = xmldoc_text(c);
                o->principle = xmldoc_enum_attr(
                    c, "principle", scenario_principle_from_name, -1);
                xmldoc_element_pos(st->doc, c, &o->line, &o->col);
            }
        }
    }
    const xmlNode *customer = xmldoc_first_child(st->doc, root, "customer");
    if (customer) {
        loader_read_customer(st, customer, &sc->customer);
    } else {
        sc->customer.mood = SCENARIO_MOOD_CALM;
        sc->customer.patience_ms = 60000;
        sc->customer.timeout_index = -1;
    }
    const xmlNode *scoring = xmldoc_first_child(st->doc, root, "scoring");
    if (scoring) {
        sc->pass_mark = xmldoc_int_attr(scoring, "pass-mark", 0, 100, 70);
        sc->weight[SCENARIO_DIM_EMPATHY] =
            xmldoc_int_attr(scoring, "empathy-weight", 0, 10, 1);
        sc->weight[SCENARIO_DIM_HONESTY] =
            xmldoc_int_attr(scoring, "honesty-weight", 0, 10, 1);
        sc->weight[SCENARIO_DIM_PROMPTNESS] =
            xmldoc_int_attr(scoring, "promptness-weight", 0, 10, 1);
    }
    size_t count = 0;
    for (xmlNode *c = root->children; c; c = c->next) {
        count +=
            xmldoc_is(st->doc, c, "node") || xmldoc_is(st->doc, c, "ending");
    }
    sc->nodes = count ? calloc(count, sizeof(scenario_node)) : NULL;
    for (xmlNode *c = root->children; c && sc->nodes; c = c->next) {
        if (xmldoc_is(st->doc, c, "node") || xmldoc_is(st->doc, c, "ending")) {
            loader_read_node(st, c, &sc->nodes[sc->node_count++],
                             xmldoc_is(st->doc, c, "ending"));
        }
    }
    return sc;
}

/* ---------- semantic checks ---------- */

static int loader_id_order(const void *a, const void *b)
{
    const loader_id *x = a;
    const loader_id *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int loader_id_key(const void *key, const void *elem)
{
    return strcmp(key, ((const loader_id *)elem)->id);
}

/* Sorts the node ids once so that references and duplicates are found in
 * O(log n) each instead of a scan per reference. */
static void loader_index_ids(loader_state *st, const scenario *sc)
{
    st->ids =
        sc->node_count ? malloc(sc->node_count * sizeof(loader_id)) : NULL;
    st->id_count = 0;
    for (size_t i = 0; st->ids && i < sc->node_count; i++) {
        if (sc->nodes[i].id) {
            st->ids[st->id_count].id = sc->nodes[i].id;
            st->ids[st->id_count].index = (int)i;
            st->id_count++;
        }
    }
    if (st->id_count > 1) {
        qsort(st->ids, st->id_count, sizeof(loader_id), loader_id_order);
    }
}

/* Index of the first node (in document order) with this id, or -1. */
static int loader_lookup(const loader_state *st, const scenario *sc,
                         const char *id)
{
    if (!st->ids) {
        return scenario_find(sc, id); /* no memory for the index */
    }
    const loader_id *hit =
        bsearch(id, st->ids, st->id_count, sizeof(loader_id), loader_id_key);
    if (!hit) {
        return -1;
    }
    while (hit > st->ids && strcmp(hit[-1].id, id) == 0) {
        hit--; /* equal ids are ordered by index: take the first */
    }
    return hit->index;
}

/* Resolves an id reference; reports a dangling one. */
static int loader_resolve(loader_state *st, const scenario *sc,
                          const xmlNode *x, const char *attr, const char *id,
                          const char *what)
{
    if (!id) {
        return -1;
    }
    int index = loader_lookup(st, sc, id);
    if (index < 0) {
        const char *hint = diag_count(xmldoc_diags(st->doc)) < DIAG_MAX_ENTRIES
                               ? scenario_suggest_id(sc, id)
                               : NULL;
        if (hint) {
            xmldoc_error_at(st->doc, x, attr, DIAG_ERROR,
                            "%s goes to '%s', but no <node> or <ending> has "
                            "that id; did you mean '%s'?",
                            what, id, hint);
        } else {
            xmldoc_error_at(st->doc, x, attr, DIAG_ERROR,
                            "%s goes to '%s', but no <node> or <ending> has "
                            "that id; add it or fix the id",
                            what, id);
        }
    }
    return index;
}

static bool loader_flag_is_set_anywhere(const scenario *sc, const char *flag)
{
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        for (size_t j = 0; j < n->choice_count; j++) {
            const scenario_choice *c = &n->choices[j];
            for (size_t k = 0; k < c->set_count; k++) {
                if (strcmp(c->set_flags[k], flag) == 0) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* Flags a condition tests (if-flags or unless-flags) that no choice sets. */
static void loader_check_tested_flags(loader_state *st, const scenario *sc,
                                      const xmlNode *x, const char *attr,
                                      char **flags, size_t count,
                                      const char *so)
{
    for (size_t i = 0; i < count; i++) {
        if (!loader_flag_is_set_anywhere(sc, flags[i])) {
            xmldoc_error_at(st->doc, x, attr, DIAG_WARNING,
                            "flag '%s' is tested but no choice sets it "
                            "(set=\"%s\"), so %s",
                            flags[i], flags[i], so);
        }
    }
}

static void loader_check_condition(loader_state *st, const scenario *sc,
                                   const xmlNode *x,
                                   const scenario_condition *cond)
{
    if (cond->min_mood > cond->max_mood) {
        xmldoc_error_at(st->doc, x, "min-mood", DIAG_ERROR,
                        "min-mood %d is above max-mood %d: this can never "
                        "hold",
                        cond->min_mood, cond->max_mood);
    }
    loader_check_tested_flags(st, sc, x, "if-flags", cond->if_flags,
                              cond->if_count, _("this never holds"));
    loader_check_tested_flags(st, sc, x, "unless-flags", cond->unless_flags,
                              cond->unless_count,
                              _("unless-flags always holds"));
}

/* mood="+10" on <customer>: accepted as 10, but a sign suggests the
 * author meant a change. */
static void loader_check_start_mood(loader_state *st, const scenario *sc,
                                    const xmlNode *customer)
{
    char *mood = customer ? xmldoc_attr(customer, "mood") : NULL;
    int v;
    if (mood && mood[0] == '+' && xmldoc_parse_int(mood, 0, 100, &v)) {
        xmldoc_error_at(
            st->doc, customer, "mood", DIAG_WARNING,
            "a customer's starting mood is a level from 0 to 100, not a "
            "change, so it needs no sign: mood=\"%s\" starts the call at %d "
            "(%s); write mood=\"%d\", or the level you meant (calm is %d)",
            mood, sc->customer.mood,
            scenario_expression_name(scenario_expression_for_mood(v)), v,
            SCENARIO_MOOD_CALM);
    }
    free(mood);
}

static void loader_check(loader_state *st, scenario *sc, const xmlNode *root)
{
    /* Walk the XML and the model side by side: the model was built from
     * these elements in the same order. */
    size_t ni = 0;
    size_t node_total = 0;
    size_t ending_total = 0;
    const xmlNode *first_node = NULL;
    xmldoc_element_pos(st->doc, root, &sc->line, &sc->col);
    loader_index_ids(st, sc);
    for (const xmlNode *x = root->children; x; x = x->next) {
        if (!xmldoc_is(st->doc, x, "node") &&
            !xmldoc_is(st->doc, x, "ending")) {
            continue;
        }
        scenario_node *n = &sc->nodes[ni];
        if (n->is_ending) {
            ending_total++;
        } else {
            node_total++;
            if (!first_node) {
                first_node = x;
                sc->start_index = (int)ni;
            }
        }
        n->col = 0;
        int line;
        xmldoc_element_pos(st->doc, x, &line, &n->col);
        if (n->id) {
            int first = loader_lookup(st, sc, n->id);
            if (first >= 0 && (size_t)first != ni) {
                xmldoc_error_at(st->doc, x, "id", DIAG_ERROR,
                                "duplicate id '%s': line %d already "
                                "defines it; ids must be unique",
                                n->id, sc->nodes[first].line);
            }
        }
        if (!n->is_ending) {
            char what[160];
            size_t ci = 0;
            size_t unconditional = 0;
            n->timeout_index = loader_resolve(st, sc, x, "timeout", n->timeout,
                                              "timeout of node");
            for (const xmlNode *c = x->children; c; c = c->next) {
                if (!xmldoc_is(st->doc, c, "choice") ||
                    ci >= n->choice_count) {
                    continue;
                }
                scenario_choice *ch = &n->choices[ci];
                int cl;
                xmldoc_element_pos(st->doc, c, &cl, &ch->col);
                for (size_t k = 0; ch->id && k < ci; k++) {
                    if (n->choices[k].id &&
                        strcmp(n->choices[k].id, ch->id) == 0) {
                        xmldoc_error_at(st->doc, c, "id", DIAG_ERROR,
                                        "duplicate choice id '%s' in node "
                                        "'%s': line %d already has it; a "
                                        "choice id must be unique within "
                                        "its node",
                                        ch->id, n->id ? n->id : "?",
                                        n->choices[k].line);
                        break;
                    }
                }
                snprintf(what, sizeof what, _("choice %zu of node '%s'"),
                         ci + 1, n->id ? n->id : "?");
                ch->next_index =
                    loader_resolve(st, sc, c, "next", ch->next, what);
                loader_check_condition(st, sc, c, &ch->cond);
                const xmlNode *crit =
                    xmldoc_first_child(st->doc, c, "critical");
                if (crit) {
                    loader_check_condition(st, sc, crit, &ch->critical_cond);
                }
                if (!ch->conditional) {
                    unconditional++;
                }
                size_t bi = 0;
                for (const xmlNode *b = c->children; b; b = b->next) {
                    if (!xmldoc_is(st->doc, b, "branch") ||
                        bi >= ch->branch_count) {
                        continue;
                    }
                    scenario_branch *br = &ch->branches[bi++];
                    xmldoc_element_pos(st->doc, b, &br->line, &br->col);
                    snprintf(what, sizeof what,
                             _("a branch of choice %zu of node '%s'"), ci + 1,
                             n->id ? n->id : "?");
                    br->next_index =
                        loader_resolve(st, sc, b, "next", br->next, what);
                    loader_check_condition(st, sc, b, &br->cond);
                }
                ci++;
            }
            if (n->choice_count == 0) {
                xmldoc_error_at(st->doc, x, NULL, DIAG_ERROR,
                                "node '%s' has no <choice>: the call would "
                                "get stuck here; add choices or make it an "
                                "<ending>",
                                n->id ? n->id : "?");
            } else if (unconditional == 0) {
                xmldoc_error_at(st->doc, x, NULL, DIAG_ERROR,
                                "every choice of node '%s' has a condition: "
                                "when none holds the call gets stuck; give "
                                "at least one choice no condition",
                                n->id ? n->id : "?");
            }
        }
        ni++;
    }
    loader_check_start_mood(st, sc,
                            xmldoc_first_child(st->doc, root, "customer"));
    if (sc->customer.timeout) {
        const xmlNode *cx = xmldoc_first_child(st->doc, root, "customer");
        sc->customer.timeout_index =
            loader_resolve(st, sc, cx, "timeout", sc->customer.timeout,
                           "the customer's timeout");
    }
    char *start = xmldoc_attr(root, "start");
    if (start) {
        sc->start_index =
            loader_resolve(st, sc, root, "start", start, "the scenario start");
        if (sc->start_index >= 0 && sc->nodes[sc->start_index].is_ending) {
            xmldoc_error_at(st->doc, root, "start", DIAG_ERROR,
                            "start='%s' names an <ending>; the start must be "
                            "a <node> with choices",
                            start);
        }
        free(start);
    }
    if (node_total == 0) {
        xmldoc_error_at(st->doc, root, NULL, DIAG_ERROR,
                        "the scenario has no <node>: add at least one "
                        "dialogue node with choices");
        return;
    }
    if (ending_total == 0) {
        xmldoc_error_at(st->doc, root, NULL, DIAG_ERROR,
                        "the scenario has no <ending>: add at least one "
                        "<ending id=\"...\" outcome=\"resolved\">");
        return;
    }
    if (sc->start_index < 0) {
        return;
    }

    /* Reachability from the start: choices, branches and timeouts. */
    unsigned char *seen = scenario_linked(sc);
    if (!seen) {
        return;
    }
    bool ending_reached = false;
    ni = 0;
    for (const xmlNode *x = root->children; x; x = x->next) {
        if (!xmldoc_is(st->doc, x, "node") &&
            !xmldoc_is(st->doc, x, "ending")) {
            continue;
        }
        const scenario_node *n = &sc->nodes[ni];
        if (seen[ni] && n->is_ending) {
            ending_reached = true;
        }
        if (!seen[ni]) {
            const char *start = sc->nodes[sc->start_index].id
                                    ? sc->nodes[sc->start_index].id
                                    : "?";
            xmldoc_error_at(
                st->doc, x, NULL, DIAG_WARNING,
                n->is_ending ? N_("ending '%s' can never be reached from the "
                                  "start node '%s'; link to it or remove it")
                             : N_("node '%s' can never be reached from the "
                                  "start node '%s'; link to it or remove it"),
                n->id ? n->id : "?", start);
        }
        ni++;
    }
    if (!ending_reached) {
        xmldoc_error_at(st->doc, root, NULL, DIAG_ERROR,
                        "no <ending> can be reached from the start node "
                        "'%s': every call would go on forever",
                        sc->nodes[sc->start_index].id
                            ? sc->nodes[sc->start_index].id
                            : "?");
    }
    free(seen);
}

/* Hints added to schema messages about a value of these types. */
static const xmldoc_hint loader_hints[] = {
    {"Rating", N_("ratings are whole numbers from -10 to 10")},
    {"MoodChange", N_("a mood change is a whole number from -100 to 100, "
                      "e.g. mood=\"+10\"")},
    {"Mood", N_("a mood is furious, irate, annoyed, calm, happy or a "
                "number 0..100")},
    {"MoodValue", N_("a mood is a number from 0 to 100")},
    {"Seconds", N_("a time in seconds, e.g. 12 or 7.5")},
    {"IdList", N_("ids separated by spaces")},
    {"Id", N_("ids start with a letter and use letters, digits, '-', '_' "
              "or '.'")},
    {"PrincipleList",
     N_("principles separated by spaces; see scenarios/README.md")},
    {"Difficulty", N_("difficulty is 1 (easiest) to 5")},
    {"Percent", N_("a whole number from 0 to 100")},
    {"Weight", N_("a weight is a whole number from 0 to 10")},
    {"SkinTone", N_("skin is 1 to 6")},
    {"Text", N_("text may not be empty")},
};

/* The scenario format for xmldoc (the schema's length is not a constant
 * expression, hence a function). */
xmldoc_format scenario_xml_format(void)
{
    xmldoc_format f = {
        .kind = N_("scenario"),
        .kinds = N_("scenarios"),
        .ns = SCENARIO_NAMESPACE,
        .root = "scenario",
        .xsd = rapport_schema_xsd,
        .xsd_len = rapport_schema_xsd_len,
        .hints = loader_hints,
        .hint_count = sizeof loader_hints / sizeof loader_hints[0],
        .max_bytes = SCENARIO_MAX_FILE_BYTES,
    };
    return f;
}

/* Builds and checks the model of a parsed document; NULL when it has
 * errors. */
scenario *scenario_load_xmldoc(xmldoc *doc)
{
    if (!doc) {
        return NULL;
    }
    loader_state st;
    memset(&st, 0, sizeof st);
    st.doc = doc;
    scenario *sc = loader_build(&st, xmldoc_root(doc));
    if (!sc) {
        diag_add(xmldoc_diags(doc), DIAG_ERROR, xmldoc_name(doc), 0, 0,
                 "out of memory");
    } else {
        loader_check(&st, sc, xmldoc_root(doc));
        if (xmldoc_error_count(doc)) {
            scenario_free(sc);
            sc = NULL;
        }
    }
    free(st.ids);
    return sc;
}

scenario *scenario_load_memory(const char *data, size_t size, const char *name,
                               diag_list *diags)
{
    diag_list *own = NULL;
    if (!diags) {
        own = diag_list_new();
        diags = own;
    }
    xmldoc_format format = scenario_xml_format();
    size_t before = diag_error_count(diags);
    xmldoc *doc =
        diags ? xmldoc_load_memory(&format, data, size, name, diags) : NULL;
    scenario *sc = scenario_load_xmldoc(doc);
    xmldoc_free(doc);
    if (sc && diag_error_count(diags) > before) {
        scenario_free(sc);
        sc = NULL;
    }
    diag_list_free(own);
    return sc;
}

scenario *scenario_load_file(const char *path, diag_list *diags)
{
    diag_list *own = NULL;
    if (!diags) {
        own = diag_list_new();
        diags = own;
    }
    xmldoc_format format = scenario_xml_format();
    size_t before = diag_error_count(diags);
    xmldoc *doc = diags ? xmldoc_load_file(&format, path, diags) : NULL;
    scenario *sc = scenario_load_xmldoc(doc);
    xmldoc_free(doc);
    if (sc && diag_error_count(diags) > before) {
        scenario_free(sc);
        sc = NULL;
    }
    diag_list_free(own);
    return sc;
}
