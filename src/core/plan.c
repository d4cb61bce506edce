/* plan.c — loading test plans and playing their cases (see plan.h). */
#define _POSIX_C_SOURCE 200809L
#include "plan.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "schema_data.h"
#include "session.h"
#include "xmldoc.h"

/* Longest accepted response time, as for `rapport run --times`. */
#define PLAN_MAX_TIME_S 86400.0

/* Hints added to schema messages that name the type or, for pattern
 * errors (which do not), the attribute. */
static const xmldoc_hint plan_hints[] = {
    {"choices", N_("option numbers 1-9 or choice ids separated by commas, "
                   "e.g. 2,refund,1, or best or worst")},
    {"times", N_("seconds separated by commas, e.g. 4.5,3,12")},
    {"Outcome", N_("resolved, partial, escalated or lost")},
    {"Band", N_("needs-practice, developing, good or excellent")},
    {"Score", N_("a score is a whole number from 0 to 100")},
    {"Turns", N_("a whole number from 1 to 1000")},
    {"Where", N_("customer, ending or any")},
    {"Id", N_("the id of a node or ending of the scenario")},
    {"Text", N_("text may not be empty")},
    {"Path", N_("the scenario's path, relative to the plan file")},
};

static xmldoc_format plan_format(void)
{
    xmldoc_format f = {
        .kind = N_("test plan"),
        .kinds = N_("test plans"),
        .ns = PLAN_NAMESPACE,
        .root = "plan",
        .xsd = rapport_plan_xsd,
        .xsd_len = rapport_plan_xsd_len,
        .hints = plan_hints,
        .hint_count = sizeof plan_hints / sizeof plan_hints[0],
        .max_bytes = PLAN_MAX_FILE_BYTES,
    };
    return f;
}

static const char *const plan_band_names[] = {"needs-practice", "developing",
                                              "good", "excellent"};

const char *plan_band_name(score_band band)
{
    return (unsigned)band < 4 ? plan_band_names[band] : NULL;
}

int plan_band_from_name(const char *name)
{
    for (int i = 0; name && i < 4; i++) {
        if (strcmp(name, plan_band_names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

/* ---------- loading ---------- */

typedef struct {
    xmldoc *doc;
    plan *p;
} plan_loader;

/* The scenario's path: as written when absolute, else relative to the
 * folder of the plan file. Returns malloc'd text or NULL. */
static char *plan_resolve(const char *plan_path, const char *rel)
{
    if (rel[0] == '/') {
        return xmldoc_strdup(rel);
    }
    const char *slash = strrchr(plan_path, '/');
    size_t dir = slash ? (size_t)(slash - plan_path) + 1 : 0;
    char *out = malloc(dir + strlen(rel) + 1);
    if (out) {
        memcpy(out, plan_path, dir);
        strcpy(out + dir, rel);
    }
    return out;
}

/* Comma-separated option numbers and choice ids (the schema has checked
 * the syntax). Returns false with an error when there are too many. */
static bool plan_read_choices(plan_loader *ld, const xmlNode *x, const char *s,
                              plan_case *c)
{
    if (strcmp(s, "best") == 0 || strcmp(s, "worst") == 0) {
        c->script = s[0] == 'b' ? PLAN_SCRIPT_BEST : PLAN_SCRIPT_WORST;
        return true;
    }
    c->script = PLAN_SCRIPT_LIST;
    char why[300];
    if (choices_parse(s, PLAN_MAX_SCRIPT, &c->choices, why, sizeof why) != 0) {
        if (strncmp(why, "more than", 9) == 0) {
            xmldoc_error_at(ld->doc, x, "choices", DIAG_ERROR,
                            "case '%s' has more than %d choices", c->name,
                            PLAN_MAX_SCRIPT);
        }
        return false; /* else the schema has reported it */
    }
    return true;
}

static bool plan_read_times(plan_loader *ld, const xmlNode *x, const char *s,
                            plan_case *c)
{
    c->times_ms = malloc(PLAN_MAX_SCRIPT * sizeof(int));
    if (!c->times_ms) {
        return false;
    }
    for (const char *p = s; *p;) {
        char *end = NULL;
        errno = 0;
        double v = strtod(p, &end);
        if (end == p || errno || !(v >= 0.0) || v >= 100000.0) {
            return false; /* the schema has reported it */
        }
        if (v > PLAN_MAX_TIME_S) {
            xmldoc_error_at(ld->doc, x, "times", DIAG_ERROR,
                            "case '%s': a response time of %g s is over a "
                            "day; times are at most %.0f s",
                            c->name, v, PLAN_MAX_TIME_S);
            return false;
        }
        if (c->time_count == PLAN_MAX_SCRIPT) {
            xmldoc_error_at(ld->doc, x, "times", DIAG_ERROR,
                            "case '%s' has more than %d times", c->name,
                            PLAN_MAX_SCRIPT);
            return false;
        }
        c->times_ms[c->time_count++] = (int)lround(v * 1000.0);
        p = *end == ',' ? end + 1 : end;
        if (*end != ',' && *end != '\0') {
            return false;
        }
    }
    return true;
}

static plan_expect *plan_add_expect(plan_case *c, plan_expect_kind kind)
{
    plan_expect *grown =
        realloc(c->expects, (c->expect_count + 1) * sizeof(plan_expect));
    if (!grown) {
        return NULL;
    }
    c->expects = grown;
    plan_expect *e = &c->expects[c->expect_count++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->node = -1;
    return e;
}

/* Looks up a node or ending id of the scenario for an expectation;
 * reports it when missing (or, with want_ending, not an ending). */
static int plan_lookup_node(plan_loader *ld, const xmlNode *x,
                            const char *attr, const char *id, bool want_ending)
{
    const scenario *sc = ld->p->sc;
    if (!sc || !id) {
        return -1;
    }
    int index = scenario_find(sc, id);
    if (index < 0) {
        const char *hint = scenario_suggest_id(sc, id);
        if (hint) {
            xmldoc_error_at(ld->doc, x, attr, DIAG_ERROR,
                            "the scenario has no <node> or <ending> '%s'; "
                            "did you mean '%s'?",
                            id, hint);
        } else {
            xmldoc_error_at(ld->doc, x, attr, DIAG_ERROR,
                            "the scenario has no <node> or <ending> '%s'", id);
        }
    } else if (want_ending && !sc->nodes[index].is_ending) {
        xmldoc_error_at(ld->doc, x, attr, DIAG_ERROR,
                        "'%s' is a <node>, not an <ending>; ending= names "
                        "the ending the call must reach",
                        id);
        index = -1;
    }
    return index;
}

/* Sets the position of e to attribute attr of x. */
static void plan_at(plan_loader *ld, plan_expect *e, const xmlNode *x,
                    const char *attr)
{
    if (attr) {
        xmldoc_attr_pos(ld->doc, x, attr, &e->line, &e->col);
    } else {
        xmldoc_element_pos(ld->doc, x, &e->line, &e->col);
    }
}

static bool plan_read_expect(plan_loader *ld, const xmlNode *x, plan_case *c)
{
    bool any = false;
    char *s = xmldoc_attr(x, "outcome");
    if (s) {
        plan_expect *e = plan_add_expect(c, PLAN_EXPECT_OUTCOME);
        if (!e) {
            free(s);
            return false;
        }
        e->value = scenario_outcome_from_name(s);
        plan_at(ld, e, x, "outcome");
        free(s);
        any = true;
    }
    s = xmldoc_attr(x, "ending");
    if (s) {
        plan_expect *e = plan_add_expect(c, PLAN_EXPECT_ENDING);
        if (!e) {
            free(s);
            return false;
        }
        e->node = plan_lookup_node(ld, x, "ending", s, true);
        plan_at(ld, e, x, "ending");
        free(s);
        any = true;
    }
    int passed = xmldoc_bool_attr(x, "passed");
    if (passed >= 0) {
        plan_expect *e = plan_add_expect(c, PLAN_EXPECT_PASSED);
        if (!e) {
            return false;
        }
        e->value = passed;
        plan_at(ld, e, x, "passed");
        any = true;
    }
    s = xmldoc_attr(x, "band");
    if (s) {
        plan_expect *e = plan_add_expect(c, PLAN_EXPECT_BAND);
        if (!e) {
            free(s);
            return false;
        }
        e->value = plan_band_from_name(s);
        plan_at(ld, e, x, "band");
        free(s);
        any = true;
    }
    int turns = xmldoc_int_attr(x, "turns", 1, PLAN_MAX_SCRIPT, -1);
    if (turns > 0) {
        plan_expect *e = plan_add_expect(c, PLAN_EXPECT_TURNS);
        if (!e) {
            return false;
        }
        e->value = turns;
        plan_at(ld, e, x, "turns");
        any = true;
    }
    if (!any && !x->properties) {
        xmldoc_error_at(ld->doc, x, NULL, DIAG_ERROR,
                        "<expect> checks nothing: give it outcome=, "
                        "ending=, passed=, band= or turns=");
    }
    return true;
}

static bool plan_read_score(plan_loader *ld, const xmlNode *x, plan_case *c)
{
    static const char *const names[] = {"empathy", "honesty", "promptness",
                                        "overall"};
    bool any = false;
    for (int d = 0; d <= PLAN_OVERALL; d++) {
        char exact_name[32];
        char min_name[32];
        char max_name[32];
        snprintf(exact_name, sizeof exact_name, "%s", names[d]);
        snprintf(min_name, sizeof min_name, "%s-min", names[d]);
        snprintf(max_name, sizeof max_name, "%s-max", names[d]);
        int exact = xmldoc_int_attr(x, exact_name, 0, 100, -1);
        int lo = xmldoc_int_attr(x, min_name, 0, 100, -1);
        int hi = xmldoc_int_attr(x, max_name, 0, 100, -1);
        if (exact < 0 && lo < 0 && hi < 0) {
            continue;
        }
        any = true;
        if (exact >= 0 && (lo >= 0 || hi >= 0)) {
            xmldoc_error_at(ld->doc, x, lo >= 0 ? min_name : max_name,
                            DIAG_ERROR,
                            "give either %s= (an exact score) or %s-min= / "
                            "%s-max= (a range), not both",
                            names[d], names[d], names[d]);
            continue;
        }
        if (lo >= 0 && hi >= 0 && lo > hi) {
            xmldoc_error_at(ld->doc, x, min_name, DIAG_ERROR,
                            "%s-min %d is above %s-max %d: no score can "
                            "pass",
                            names[d], lo, names[d], hi);
            continue;
        }
        plan_expect *e = plan_add_expect(c, PLAN_EXPECT_SCORE);
        if (!e) {
            return false;
        }
        e->score = d;
        e->min = exact >= 0 ? exact : (lo >= 0 ? lo : 0);
        e->max = exact >= 0 ? exact : (hi >= 0 ? hi : 100);
        plan_at(ld, e, x,
                exact >= 0 ? exact_name : (lo >= 0 ? min_name : max_name));
    }
    if (!any && !x->properties) {
        xmldoc_error_at(ld->doc, x, NULL, DIAG_ERROR,
                        "<score> checks nothing: give it e.g. empathy=\"100\" "
                        "or overall-min=\"90\"");
    }
    return true;
}

static bool plan_read_text(plan_loader *ld, const xmlNode *x, plan_case *c,
                           plan_expect_kind kind)
{
    char *text = xmldoc_attr(x, "text");
    if (!text || !*text) {
        free(text);
        return true; /* the schema has reported it */
    }
    plan_expect *e = plan_add_expect(c, kind);
    if (!e) {
        free(text);
        return false;
    }
    e->text = text;
    char *where = xmldoc_attr(x, "in");
    e->where = PLAN_WHERE_ANY;
    if (where && strcmp(where, "customer") == 0) {
        e->where = PLAN_WHERE_CUSTOMER;
    } else if (where && strcmp(where, "ending") == 0) {
        e->where = PLAN_WHERE_ENDING;
    }
    free(where);
    plan_at(ld, e, x, "text");
    return true;
}

static bool plan_read_visit(plan_loader *ld, const xmlNode *x, plan_case *c,
                            plan_expect_kind kind)
{
    char *id = xmldoc_attr(x, "node");
    if (!id) {
        return true; /* the schema has reported it */
    }
    plan_expect *e = plan_add_expect(c, kind);
    if (!e) {
        free(id);
        return false;
    }
    e->node = plan_lookup_node(ld, x, "node", id, false);
    plan_at(ld, e, x, "node");
    free(id);
    return true;
}

static bool plan_read_case(plan_loader *ld, const xmlNode *x, plan_case *c)
{
    c->name = xmldoc_attr(x, "name");
    if (!c->name) {
        c->name = xmldoc_strdup("?");
        if (!c->name) {
            return false;
        }
    }
    xmldoc_element_pos(ld->doc, x, &c->line, &c->col);
    xmldoc_attr_pos(ld->doc, x, "choices", &c->choices_line, &c->choices_col);
    xmldoc_attr_pos(ld->doc, x, "times", &c->times_line, &c->times_col);
    char *choices = xmldoc_attr(x, "choices");
    if (choices && !plan_read_choices(ld, x, choices, c)) {
        choices_clear(&c->choices);
    }
    free(choices);
    char *times = xmldoc_attr(x, "times");
    if (times && !plan_read_times(ld, x, times, c)) {
        c->time_count = 0;
    }
    free(times);
    c->relaxed = xmldoc_bool_attr(x, "relaxed") == 1;
    for (const xmlNode *e = x->children; e; e = e->next) {
        bool ok = true;
        if (xmldoc_is(ld->doc, e, "expect")) {
            ok = plan_read_expect(ld, e, c);
        } else if (xmldoc_is(ld->doc, e, "score")) {
            ok = plan_read_score(ld, e, c);
        } else if (xmldoc_is(ld->doc, e, "seen")) {
            ok = plan_read_text(ld, e, c, PLAN_EXPECT_SEEN);
        } else if (xmldoc_is(ld->doc, e, "not-seen")) {
            ok = plan_read_text(ld, e, c, PLAN_EXPECT_NOT_SEEN);
        } else if (xmldoc_is(ld->doc, e, "visited")) {
            ok = plan_read_visit(ld, e, c, PLAN_EXPECT_VISITED);
        } else if (xmldoc_is(ld->doc, e, "not-visited")) {
            ok = plan_read_visit(ld, e, c, PLAN_EXPECT_NOT_VISITED);
        }
        if (!ok) {
            return false;
        }
    }
    return true;
}

static void plan_case_clear(plan_case *c)
{
    free(c->name);
    choices_clear(&c->choices);
    free(c->times_ms);
    for (size_t i = 0; i < c->expect_count; i++) {
        free(c->expects[i].text);
    }
    free(c->expects);
}

void plan_free(plan *p)
{
    if (!p) {
        return;
    }
    for (size_t i = 0; i < p->case_count; i++) {
        plan_case_clear(&p->cases[i]);
    }
    free(p->cases);
    scenario_free(p->sc);
    free(p->scenario_path);
    free(p->path);
    free(p);
}

/* Builds the plan from a parsed document; false on no memory. */
static bool plan_build(plan_loader *ld)
{
    plan *p = ld->p;
    xmlNode *root = xmldoc_root(ld->doc);
    diag_list *diags = xmldoc_diags(ld->doc);
    char *rel = xmldoc_attr(root, "scenario");
    if (rel && *rel) {
        p->scenario_path = plan_resolve(p->path, rel);
        if (!p->scenario_path) {
            free(rel);
            return false;
        }
        size_t before = diag_error_count(diags);
        p->sc = scenario_load_file(p->scenario_path, diags);
        if (!p->sc) {
            xmldoc_error_at(ld->doc, root, "scenario", DIAG_ERROR,
                            "the scenario %s does not load%s",
                            p->scenario_path,
                            diag_error_count(diags) > before
                                ? _(" (its errors are listed with it)")
                                : "");
        }
    }
    free(rel);
    size_t count = 0;
    for (const xmlNode *x = root->children; x; x = x->next) {
        count += xmldoc_is(ld->doc, x, "case");
    }
    p->cases = count ? calloc(count, sizeof(plan_case)) : NULL;
    if (count && !p->cases) {
        return false;
    }
    for (const xmlNode *x = root->children; x; x = x->next) {
        if (!xmldoc_is(ld->doc, x, "case")) {
            continue;
        }
        plan_case *c = &p->cases[p->case_count++];
        if (!plan_read_case(ld, x, c)) {
            return false;
        }
        for (size_t i = 0; i + 1 < p->case_count; i++) {
            if (strcmp(p->cases[i].name, c->name) == 0) {
                xmldoc_error_at(ld->doc, x, "name", DIAG_ERROR,
                                "duplicate case name '%s': line %d already "
                                "uses it; names must be unique",
                                c->name, p->cases[i].line);
                break;
            }
        }
    }
    return true;
}

plan *plan_load_file(const char *path, diag_list *diags)
{
    diag_list *own = NULL;
    if (!diags) {
        own = diag_list_new();
        diags = own;
    }
    xmldoc_format format = plan_format();
    size_t before = diag_error_count(diags);
    plan_loader ld = {NULL, NULL};
    ld.doc = diags ? xmldoc_load_file(&format, path, diags) : NULL;
    if (ld.doc) {
        ld.p = calloc(1, sizeof(plan));
        if (ld.p) {
            ld.p->path = xmldoc_strdup(path);
        }
        if (!ld.p || !ld.p->path || !plan_build(&ld)) {
            diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
        }
    }
    xmldoc_free(ld.doc);
    plan *p = ld.p;
    if (p && diag_error_count(diags) > before) {
        plan_free(p);
        p = NULL;
    }
    diag_list_free(own);
    return p;
}

/* ---------- running a case ---------- */

typedef struct {
    const plan *p;
    const plan_case *c;
    diag_list *diags;
    size_t failures;
    char *script; /* the positions chosen so far, "1,2,1" */
    size_t script_len;
    size_t script_cap;
} plan_run;

/* Appends a chosen position to the script (best effort: on no memory the
 * script is just not shown). */
static void plan_note_choice(plan_run *r, size_t pos)
{
    if (r->script_len + 4 > r->script_cap) {
        size_t cap = r->script_cap ? r->script_cap * 2 : 64;
        char *grown = realloc(r->script, cap);
        if (!grown) {
            return;
        }
        r->script = grown;
        r->script_cap = cap;
    }
    r->script_len += (size_t)snprintf(r->script + r->script_len, 4, "%s%zu",
                                      r->script_len ? "," : "", pos + 1);
}

static void plan_fail(plan_run *r, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void plan_fail(plan_run *r, int line, int col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, _(fmt), ap);
    va_end(ap);
    diag_add(r->diags, DIAG_ERROR, r->p->path, line, col, "case '%s': %s",
             r->c->name, msg);
    r->failures++;
}

static void plan_failn(plan_run *r, int line, int col, unsigned long n,
                       const char *one, const char *many, ...)
    __attribute__((format(printf, 6, 7)));

/* plan_fail() for a message whose words depend on a count n. */
static void plan_failn(plan_run *r, int line, int col, unsigned long n,
                       const char *one, const char *many, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, many);
    vsnprintf(msg, sizeof msg, P_(one, many, n), ap);
    va_end(ap);
    diag_add(r->diags, DIAG_ERROR, r->p->path, line, col, "case '%s': %s",
             r->c->name, msg);
    r->failures++;
}

/* Plays the script; false (with the failure reported) when it does not
 * fit the call. */
static bool plan_play(plan_run *r, session *s)
{
    const plan_case *c = r->c;
    size_t step = 0;
    while (!session_is_finished(s)) {
        const scenario_node *n = session_node(s);
        size_t offered = session_offered_count(s);
        size_t pos;
        if (c->script == PLAN_SCRIPT_LIST) {
            if (step >= c->choices.count) {
                plan_failn(r, c->choices_line, c->choices_col, step,
                           "the script ended after %zu choice but the call "
                           "has not reached an ending (turn %zu, node '%s', "
                           "options 1-%zu); add more choices",
                           "the script ended after %zu choices but the call "
                           "has not reached an ending (turn %zu, node '%s', "
                           "options 1-%zu); add more choices",
                           step, session_turn_count(s) + 1, n->id, offered);
                return false;
            }
            char why[300];
            int at =
                choices_resolve(s, &c->choices.items[step], why, sizeof why);
            if (at < 0) {
                plan_fail(r, c->choices_line, c->choices_col, "%s", why);
                return false;
            }
            pos = (size_t)at;
        } else {
            if (step >= PLAN_MAX_SCRIPT) {
                plan_fail(r, c->choices_line, c->choices_col,
                          "the call did not end within %d turns (a loop?)",
                          PLAN_MAX_SCRIPT);
                return false;
            }
            pos = score_pick(s, c->script == PLAN_SCRIPT_WORST);
        }
        int ms =
            step < c->time_count ? c->times_ms[step] : session_target_ms(s);
        plan_note_choice(r, pos);
        session_status st = session_choose(s, pos, ms);
        if (st != SESSION_OK && st != SESSION_TIMED_OUT) {
            plan_fail(r, c->choices_line, c->choices_col, "turn %zu: %s",
                      session_turn_count(s) + 1, session_status_message(st));
            return false;
        }
        step++;
    }
    if (c->script == PLAN_SCRIPT_LIST && step < c->choices.count) {
        plan_failn(r, c->choices_line, c->choices_col, step,
                   "the call ended after %zu turn but the script has %zu "
                   "choices; remove the extra ones",
                   "the call ended after %zu turns but the script has %zu "
                   "choices; remove the extra ones",
                   step, c->choices.count);
        return false;
    }
    if (c->time_count > step) {
        plan_failn(r, c->times_line, c->times_col, step,
                   "%zu times given but the call had only %zu turn",
                   "%zu times given but the call had only %zu turns",
                   c->time_count, step);
        return false;
    }
    return true;
}

static bool plan_node_has(const scenario_node *n, const char *text, bool lines,
                          bool extras)
{
    for (size_t i = 0; lines && i < n->line_count; i++) {
        if (n->lines[i].text && strstr(n->lines[i].text, text)) {
            return true;
        }
    }
    return extras && ((n->title && strstr(n->title, text)) ||
                      (n->feedback && strstr(n->feedback, text)));
}

/* Where text appears in the call: the node (or ending) showing it, or
 * NULL. */
static const scenario_node *plan_find_text(const session *s, const char *text,
                                           plan_where where)
{
    const scenario *sc = session_scenario(s);
    if (where != PLAN_WHERE_ENDING) {
        for (size_t i = 0; i < session_turn_count(s); i++) {
            const scenario_node *n =
                &sc->nodes[session_turn_at(s, i)->node_index];
            if (plan_node_has(n, text, true, false)) {
                return n;
            }
        }
    }
    const scenario_node *end = session_ending(s);
    if (end && plan_node_has(end, text, true, where != PLAN_WHERE_CUSTOMER)) {
        return end;
    }
    return NULL;
}

/* Turn (1-based) at which the call was at node index, the number of turns
 * + 1 for the ending, 0 when never. */
static size_t plan_visit_turn(const session *s, int index)
{
    for (size_t i = 0; i < session_turn_count(s); i++) {
        if (session_turn_at(s, i)->node_index == index) {
            return i + 1;
        }
    }
    const scenario_node *end = session_ending(s);
    const scenario *sc = session_scenario(s);
    if (end && end - sc->nodes == index) {
        return session_turn_count(s) + 1;
    }
    return 0;
}

static const char *plan_ending_text(const session *s, char *buf, size_t size)
{
    const scenario_node *end = session_ending(s);
    if (end) {
        snprintf(buf, size, _("ending '%s'"), end->id);
    } else {
        snprintf(buf, size, _("the customer gave up"));
    }
    return buf;
}

static const char *plan_where_text(plan_where where)
{
    switch (where) {
    case PLAN_WHERE_CUSTOMER:
        return _("in what the customer says");
    case PLAN_WHERE_ENDING:
        return _("in the ending");
    case PLAN_WHERE_ANY:
        break;
    }
    return _("in what the customer says or the ending");
}

static void plan_check(plan_run *r, const session *s, const score_summary *sum,
                       const plan_expect *e)
{
    static const char *const names[] = {"empathy", "honesty", "promptness",
                                        "overall"};
    const scenario *sc = r->p->sc;
    char ending[160];
    switch (e->kind) {
    case PLAN_EXPECT_OUTCOME:
        if ((int)session_outcome(s) != e->value) {
            plan_fail(r, e->line, e->col, "expected outcome %s, got %s (%s)",
                      scenario_outcome_name((scenario_outcome)e->value),
                      scenario_outcome_name(session_outcome(s)),
                      plan_ending_text(s, ending, sizeof ending));
        }
        break;
    case PLAN_EXPECT_ENDING: {
        const scenario_node *end = session_ending(s);
        if (e->node >= 0 && (!end || end - sc->nodes != e->node)) {
            if (end) {
                plan_fail(r, e->line, e->col,
                          "expected ending '%s', got '%s' (%s)",
                          sc->nodes[e->node].id, end->id,
                          scenario_outcome_name(end->outcome));
            } else {
                plan_fail(r, e->line, e->col,
                          "expected ending '%s', but the customer gave up "
                          "(lost)",
                          sc->nodes[e->node].id);
            }
        }
        break;
    }
    case PLAN_EXPECT_PASSED:
        if (sum->passed != (e->value == 1)) {
            plan_fail(r, e->line, e->col,
                      "expected passed %s, got %s (overall %d, pass mark %d)",
                      e->value ? "true" : "false",
                      sum->passed ? "true" : "false", sum->overall,
                      sc->pass_mark);
        }
        break;
    case PLAN_EXPECT_BAND:
        if ((int)sum->band != e->value) {
            plan_fail(r, e->line, e->col,
                      "expected band %s, got %s (overall %d)",
                      plan_band_name((score_band)e->value),
                      plan_band_name(sum->band), sum->overall);
        }
        break;
    case PLAN_EXPECT_TURNS:
        if (session_turn_count(s) != (size_t)e->value) {
            plan_failn(r, e->line, e->col, (unsigned long)e->value,
                       "expected %d turn, got %zu (%s)",
                       "expected %d turns, got %zu (%s)", e->value,
                       session_turn_count(s),
                       plan_ending_text(s, ending, sizeof ending));
        }
        break;
    case PLAN_EXPECT_SCORE: {
        int got = e->score == PLAN_OVERALL ? sum->overall : sum->dim[e->score];
        if (got >= e->min && got <= e->max) {
            break;
        }
        const char *name = names[e->score];
        if (e->min == e->max) {
            plan_fail(r, e->line, e->col, "expected %s %d, got %d", name,
                      e->min, got);
        } else if (e->max == 100) {
            plan_fail(r, e->line, e->col, "expected %s at least %d, got %d",
                      name, e->min, got);
        } else if (e->min == 0) {
            plan_fail(r, e->line, e->col, "expected %s at most %d, got %d",
                      name, e->max, got);
        } else {
            plan_fail(r, e->line, e->col,
                      "expected %s between %d and %d, got %d", name, e->min,
                      e->max, got);
        }
        break;
    }
    case PLAN_EXPECT_SEEN:
        if (!plan_find_text(s, e->text, e->where)) {
            plan_fail(r, e->line, e->col,
                      "expected to see \"%s\" %s, but "
                      "no text of the call contains it",
                      e->text, plan_where_text(e->where));
        }
        break;
    case PLAN_EXPECT_NOT_SEEN: {
        const scenario_node *n = plan_find_text(s, e->text, e->where);
        if (n) {
            plan_fail(r, e->line, e->col,
                      n->is_ending ? N_("expected not to see \"%s\" %s, but "
                                        "ending '%s' shows it")
                                   : N_("expected not to see \"%s\" %s, but "
                                        "node '%s' shows it"),
                      e->text, plan_where_text(e->where), n->id);
        }
        break;
    }
    case PLAN_EXPECT_VISITED:
        if (e->node >= 0 && plan_visit_turn(s, e->node) == 0) {
            plan_fail(r, e->line, e->col,
                      "expected the call to pass through '%s', but it did "
                      "not (%s)",
                      sc->nodes[e->node].id,
                      plan_ending_text(s, ending, sizeof ending));
        }
        break;
    case PLAN_EXPECT_NOT_VISITED: {
        size_t turn = e->node >= 0 ? plan_visit_turn(s, e->node) : 0;
        if (turn > session_turn_count(s)) {
            plan_fail(r, e->line, e->col,
                      "expected the call not to pass through '%s', but it "
                      "ended there",
                      sc->nodes[e->node].id);
        } else if (turn > 0) {
            plan_fail(r, e->line, e->col,
                      "expected the call not to pass through '%s', but it "
                      "was there at turn %zu",
                      sc->nodes[e->node].id, turn);
        }
        break;
    }
    }
}

bool plan_run_case(const plan *p, size_t index, diag_list *diags,
                   plan_result *out)
{
    plan_result local;
    if (!out) {
        out = &local;
    }
    memset(out, 0, sizeof *out);
    if (!p || index >= p->case_count || !p->sc) {
        return false;
    }
    plan_run r = {p, &p->cases[index], diags, 0, NULL, 0, 0};
    session_options opt = {.relaxed_timing = r.c->relaxed};
    session *s = session_new(p->sc, &opt);
    if (!s) {
        plan_fail(&r, r.c->line, r.c->col, "out of memory");
        out->failures = r.failures;
        return false;
    }
    if (plan_play(&r, s)) {
        out->finished = true;
        out->outcome = session_outcome(s);
        out->ending_id = session_ending(s) ? session_ending(s)->id : NULL;
        out->turns = session_turn_count(s);
        score_summarise(s, &out->summary);
        for (size_t i = 0; i < r.c->expect_count; i++) {
            plan_check(&r, s, &out->summary, &r.c->expects[i]);
        }
    }
    out->script = r.script;
    session_free(s);
    out->failures = r.failures;
    if (out == &local) {
        plan_result_clear(out);
    }
    return r.failures == 0;
}

void plan_result_clear(plan_result *r)
{
    if (r) {
        free(r->script);
        r->script = NULL;
    }
}
