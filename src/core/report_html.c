/* report_html.c — the HTML class report: per scenario (id and version) the
 * attempts, pass rate, outcomes, average scores, a histogram of each
 * score and the turns where most trainees chose a weak option. Built with
 * the libxml2 helpers of result_html.c (result_internal.h), so every text
 * is escaped; charts are SVG data: URIs.
 */
#define _POSIX_C_SOURCE 200809L
#include "i18n.h"
#include "report.h"
#include "report_internal.h"
#include "result_internal.h"
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the three dimensions, then overall */
#define REPORT_SCORES (SCENARIO_DIM_COUNT + 1)
#define REPORT_OPTIONS 16

/* What trainees did at one node. */
typedef struct {
    const char *node;     /* borrowed from a record */
    const char *customer; /* borrowed; NULL when no record had it */
    int turns;
    int weak;      /* a weaker option chosen, or no reply */
    int timed_out; /* no reply */
    int chosen[REPORT_OPTIONS];
    int best_votes[REPORT_OPTIONS];
    const char *text[REPORT_OPTIONS]; /* borrowed */
    size_t first;                     /* order of first appearance */
} report_node;

/* One scenario version. */
typedef struct {
    const result_record *first; /* id, version, title */
    int complete;
    int incomplete;
    int trainees;
    int passed;
    int critical; /* attempts with a critical mistake (not passed) */
    int outcome[SCENARIO_OUTCOME_COUNT];
    long sum[REPORT_SCORES];
    int min[REPORT_SCORES];
    int max[REPORT_SCORES];
    int band[REPORT_SCORES][REPORT_BANDS];
    int64_t duration_ms;
    report_node *nodes;
    size_t node_count;
    size_t node_cap;
} report_group;

static const char *report_score_name(int i) { return words_dim(i); }

static bool report_same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static report_node *report_node_of(report_group *g, const char *id)
{
    for (size_t i = 0; i < g->node_count; i++) {
        if (strcmp(g->nodes[i].node, id) == 0) {
            return &g->nodes[i];
        }
    }
    if (g->node_count == g->node_cap) {
        size_t cap = g->node_cap ? g->node_cap * 2 : 16;
        report_node *grown = realloc(g->nodes, cap * sizeof *grown);
        if (!grown) {
            return NULL;
        }
        g->nodes = grown;
        g->node_cap = cap;
    }
    report_node *n = &g->nodes[g->node_count];
    memset(n, 0, sizeof *n);
    n->node = id;
    n->first = g->node_count++;
    return n;
}

/* Counts one record into its group; false on no memory. */
static bool report_count_record(report_group *g, const result_record *rec,
                                bool new_trainee)
{
    g->trainees += new_trainee;
    if (rec->complete) {
        g->complete++;
        g->passed += rec->passed;
        g->critical += rec->critical_count > 0;
        g->outcome[rec->outcome]++;
        g->duration_ms += rec->duration_ms;
        for (int i = 0; i < REPORT_SCORES; i++) {
            int v = i == SCENARIO_DIM_COUNT ? rec->overall : rec->score[i];
            if (g->complete == 1 || v < g->min[i]) {
                g->min[i] = v;
            }
            if (g->complete == 1 || v > g->max[i]) {
                g->max[i] = v;
            }
            g->sum[i] += v;
            g->band[i][v >= 100 ? REPORT_BANDS - 1 : v / 10]++;
        }
    } else {
        g->incomplete++;
    }
    for (size_t t = 0; t < rec->turn_count; t++) {
        const result_turn *turn = &rec->turns[t];
        report_node *n = report_node_of(g, turn->node);
        if (!n) {
            return false;
        }
        n->turns++;
        if (!n->customer && turn->customer) {
            n->customer = turn->customer;
        }
        if (turn->timed_out) {
            n->timed_out++;
        } else if (turn->choice_index >= 0 &&
                   turn->choice_index < REPORT_OPTIONS) {
            n->chosen[turn->choice_index]++;
            n->text[turn->choice_index] = turn->reply;
        }
        int best = -1;
        if (turn->better_index >= 0 && turn->better_index < REPORT_OPTIONS) {
            best = turn->better_index;
            if (!n->text[best]) {
                n->text[best] = turn->better_reply;
            }
        } else if (rec->format_version >= 2 && !turn->timed_out) {
            best = turn->choice_index; /* the best was chosen */
        }
        if (best >= 0 && best < REPORT_OPTIONS) {
            n->best_votes[best]++;
        }
        if (turn->timed_out || turn->better_index >= 0) {
            n->weak++;
        }
    }
    return true;
}

/* The groups, in order of title, then id, then version. */
static report_group *report_groups(const result_record **v, size_t count,
                                   size_t *group_count)
{
    report_group *groups = calloc(count ? count : 1, sizeof *groups);
    size_t n = 0;
    for (size_t i = 0; groups && i < count; i++) {
        const result_record *rec = v[i];
        report_group *g = NULL;
        for (size_t k = 0; k < n && !g; k++) {
            if (report_same(groups[k].first->scenario_id, rec->scenario_id) &&
                report_same(groups[k].first->scenario_version,
                            rec->scenario_version)) {
                g = &groups[k];
            }
        }
        if (!g) {
            g = &groups[n++];
            g->first = rec;
        }
        bool new_trainee = true;
        for (size_t k = 0; k < i && new_trainee; k++) {
            if (report_same(v[k]->scenario_id, rec->scenario_id) &&
                report_same(v[k]->scenario_version, rec->scenario_version) &&
                report_same(v[k]->trainee, rec->trainee)) {
                new_trainee = false;
            }
        }
        if (!report_count_record(g, rec, new_trainee)) {
            for (size_t k = 0; k < n; k++) {
                free(groups[k].nodes);
            }
            free(groups);
            return NULL;
        }
    }
    *group_count = n;
    return groups;
}

/* ---------- charts ---------- */

#define REPORT_HIST_W 330
#define REPORT_HIST_H 200
#define REPORT_HIST_X0 40
#define REPORT_HIST_X1 320
#define REPORT_HIST_Y0 34
#define REPORT_HIST_Y1 160

/* A histogram of one score over the bands 0-9 ... 90-100. */
static void report_histogram(result_html *h, xmlNodePtr parent,
                             const report_group *g, int score)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr svg = result_svg_root(h, doc, REPORT_HIST_W, REPORT_HIST_H);
    char label[64];
    snprintf(label, sizeof label, "%s", words_dim_label(score));
    result_svg_text(h, svg, (REPORT_HIST_X0 + REPORT_HIST_X1) / 2.0, 18,
                    "mid b", label);
    int top = 1;
    for (int b = 0; b < REPORT_BANDS; b++) {
        if (g->band[score][b] > top) {
            top = g->band[score][b];
        }
    }
    double slot = (REPORT_HIST_X1 - REPORT_HIST_X0) / (double)REPORT_BANDS;
    double span = REPORT_HIST_Y1 - REPORT_HIST_Y0;
    result_str alt = {NULL, 0, false};
    result_str_add(&alt,
                   P_("%s scores of %d complete attempt: ",
                      "%s scores of %d complete attempts: ", g->complete),
                   label, g->complete);
    for (int b = 0; b < REPORT_BANDS; b++) {
        int count = g->band[score][b];
        double x = REPORT_HIST_X0 + slot * b;
        double hgt = span * count / top;
        if (count > 0) {
            result_svg(h, svg, "rect", "bar", "x", x + 2, "y",
                       REPORT_HIST_Y1 - hgt, "width", slot - 4, "height", hgt,
                       (const char *)NULL);
        }
        char text[16];
        snprintf(text, sizeof text, "%d", count);
        result_svg_text(h, svg, x + slot / 2, REPORT_HIST_Y1 - hgt - 5,
                        "mid small", text);
        snprintf(text, sizeof text, "%d", b * 10);
        result_svg_text(h, svg, x + slot / 2, REPORT_HIST_Y1 + 16, "mid small",
                        text);
        result_str_add(&alt, "%s%d-%d: %d", b ? ", " : "", b * 10,
                       b == REPORT_BANDS - 1 ? 100 : b * 10 + 9, count);
    }
    result_svg(h, svg, "line", "axis", "x1", (double)REPORT_HIST_X0, "y1",
               (double)REPORT_HIST_Y1, "x2", (double)REPORT_HIST_X1, "y2",
               (double)REPORT_HIST_Y1, (const char *)NULL);
    result_svg_text(h, svg, (REPORT_HIST_X0 + REPORT_HIST_X1) / 2.0,
                    REPORT_HIST_H - 8, "mid small",
                    _("score band (0-9, 10-19, ..., 90-100)"));
    result_str_add(&alt, ".");
    result_h_img(h, parent, doc, REPORT_HIST_W, REPORT_HIST_H, alt.s);
    free(alt.s);
    xmlFreeDoc(doc);
}

/* ---------- the page ---------- */

static const char report_css[] =
    "@page{margin:14mm 12mm}\n"
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#111;"
    "background:#fff;max-width:60rem;margin:1.5rem auto;padding:0 1rem;"
    "line-height:1.4;font-size:11pt}\n"
    "h1{font-size:1.7em;margin:0 0 .2em}\n"
    "h2{font-size:1.35em;margin:1.6em 0 .4em;padding-bottom:.15em;"
    "border-bottom:2px solid #1f3b63;break-after:avoid}\n"
    "h3{font-size:1.1em;margin:1.1em 0 .3em;break-after:avoid}\n"
    "p{margin:.25em 0}\n"
    ".subtitle{font-size:1.15em;margin:0 0 .8em}\n"
    "table{border-collapse:collapse;margin:.4em 0}\n"
    "th,td{text-align:left;padding:.2em .8em .2em 0;vertical-align:top}\n"
    "table.grid th,table.grid td{border-bottom:1px solid #bbb;"
    "padding:.25em .6em}\n"
    "td.num,th.num{text-align:right}\n"
    "td.count{white-space:nowrap}\n"
    ".charts img{display:inline-block;margin:.2em .4em .2em 0;"
    "max-width:100%;height:auto}\n"
    ".turn{border:1px solid #999;border-left:4px solid #1f3b63;"
    "padding:.5em .75em;margin:.7em 0;break-inside:avoid}\n"
    ".meter{display:inline-block;height:.7em;background:#5b7fb0;"
    "border:1px solid #1f3b63;vertical-align:middle;margin-right:.4em}\n"
    "tr.best td{font-weight:bold}\n"
    ".foot{margin-top:2em;font-size:.85em;color:#333;"
    "border-top:1px solid #999;padding-top:.4em}\n"
    "@media print{body{margin:0;max-width:none;font-size:9.5pt}}\n";

static int report_percent(int part, int whole)
{
    return whole > 0 ? score_round(100.0 * part / whole) : 0;
}

/* "6 min 12 s", "45.5 s" */
static void report_duration(char *buf, size_t size, int64_t ms)
{
    if (ms >= 60000) {
        snprintf(buf, size, _("%lld min %lld s"), (long long)(ms / 60000),
                 (long long)(ms / 1000 % 60));
    } else {
        i18n_seconds(buf, size, (long long)ms);
    }
}

static void report_fact(result_html *h, xmlNodePtr table, const char *key,
                        const char *value)
{
    xmlNodePtr tr = result_h_el(h, table, "tr", NULL);
    result_h_el(h, tr, "th", key);
    result_h_el(h, tr, "td", value);
}

static void report_h_facts(result_html *h, xmlNodePtr parent,
                           const report_group *g)
{
    char buf[256];
    xmlNodePtr t = result_h_el(h, parent, "table", NULL);
    const result_record *f = g->first;
    char *scen = result_format(_("%s, version %s"), f->scenario_id,
                               f->scenario_version);
    if (!scen) {
        h->failed = true;
    }
    report_fact(h, t, _("Scenario"), scen ? scen : "");
    free(scen);
    snprintf(buf, sizeof buf,
             P_("%d complete, %d incomplete, by %d trainee",
                "%d complete, %d incomplete, by %d trainees", g->trainees),
             g->complete, g->incomplete, g->trainees);
    report_fact(h, t, _("Attempts"), buf);
    if (g->complete > 0) {
        char pct[32];
        i18n_percent(pct, sizeof pct, report_percent(g->passed, g->complete),
                     0);
        snprintf(buf, sizeof buf, _("%d of %d (%s), pass mark %d"), g->passed,
                 g->complete, pct, f->pass_mark);
        report_fact(h, t, _("Passed"), buf);
        i18n_percent(pct, sizeof pct, report_percent(g->critical, g->complete),
                     0);
        snprintf(buf, sizeof buf,
                 _("%d of %d (%s): not passed whatever the score"),
                 g->critical, g->complete, pct);
        report_fact(h, t, _("Critical mistakes"), buf);
        size_t o = 0;
        for (int k = 0; k < SCENARIO_OUTCOME_COUNT; k++) {
            o += (size_t)snprintf(
                buf + o, sizeof buf - o, "%s%s %d", k ? ", " : "",
                words_outcome((scenario_outcome)k), g->outcome[k]);
        }
        report_fact(h, t, _("Outcomes"), buf);
        report_duration(buf, sizeof buf, g->duration_ms / g->complete);
        report_fact(h, t, _("Average duration"), buf);
    }
}

static void report_h_scores(result_html *h, xmlNodePtr parent,
                            const report_group *g)
{
    result_h_el(h, parent, "h3", _("Scores of the complete attempts"));
    if (g->complete == 0) {
        result_h_el(h, parent, "p",
                    _("No complete attempt yet: only incomplete ones."));
        return;
    }
    xmlNodePtr t = result_h_classed(h, parent, "table", "grid", NULL);
    xmlNodePtr tr = result_h_el(h, t, "tr", NULL);
    result_h_el(h, tr, "th", _("Score"));
    result_h_classed(h, tr, "th", "num", _("Average"));
    result_h_classed(h, tr, "th", "num", _("Lowest"));
    result_h_classed(h, tr, "th", "num", _("Highest"));
    for (int i = 0; i < REPORT_SCORES; i++) {
        tr = result_h_el(h, t, "tr", NULL);
        result_h_el(h, tr, "td", report_score_name(i));
        char v[32];
        i18n_decimal(v, sizeof v, (double)g->sum[i] / g->complete, 1);
        result_h_classed(h, tr, "td", "num", v);
        snprintf(v, sizeof v, "%d", g->min[i]);
        result_h_classed(h, tr, "td", "num", v);
        snprintf(v, sizeof v, "%d", g->max[i]);
        result_h_classed(h, tr, "td", "num", v);
    }
    result_h_el(h, parent, "h3", _("Distribution"));
    xmlNodePtr charts = result_h_classed(h, parent, "div", "charts", NULL);
    for (int i = 0; i < REPORT_SCORES; i++) {
        report_histogram(h, charts, g, i);
    }
}

static int report_node_cmp(const void *pa, const void *pb)
{
    const report_node *a = pa;
    const report_node *b = pb;
    /* higher share of weak choices first: a.weak/a.turns vs b's */
    long lhs = (long)a->weak * b->turns;
    long rhs = (long)b->weak * a->turns;
    if (lhs != rhs) {
        return lhs > rhs ? -1 : 1;
    }
    if (a->weak != b->weak) {
        return a->weak > b->weak ? -1 : 1;
    }
    return a->first < b->first ? -1 : (a->first > b->first);
}

static void report_option_row(result_html *h, xmlNodePtr table,
                              const char *text, int count, int turns,
                              bool best)
{
    xmlNodePtr tr = result_h_el(h, table, "tr", NULL);
    if (best) {
        result_h_attr(h, tr, "class", "best");
    }
    result_h_el(h, tr, "td", text);
    xmlNodePtr td = result_h_classed(h, tr, "td", "count", NULL);
    int pct = report_percent(count, turns);
    xmlNodePtr meter = result_h_classed(h, td, "span", "meter", NULL);
    result_h_attrf(h, meter, "style", "width:%.1fem", 0.06 * pct + 0.1);
    char share[32];
    char buf[64];
    i18n_percent(share, sizeof share, pct, 0);
    snprintf(buf, sizeof buf, "%d (%s)", count, share);
    result_h_text(h, td, buf);
    result_h_el(h, tr, "td", best ? _("\xe2\x98\x85 best") : "");
}

static void report_h_weak(result_html *h, xmlNodePtr parent, report_group *g)
{
    result_h_el(h, parent, "h3",
                _("Turns where most trainees chose a weak option"));
    qsort(g->nodes, g->node_count, sizeof *g->nodes, report_node_cmp);
    int shown = 0;
    for (size_t i = 0; i < g->node_count && shown < REPORT_MAX_WEAK_TURNS;
         i++) {
        const report_node *n = &g->nodes[i];
        if (n->weak == 0) {
            break;
        }
        shown++;
        xmlNodePtr div = result_h_classed(h, parent, "div", "turn", NULL);
        char pct[32];
        i18n_percent(pct, sizeof pct, report_percent(n->weak, n->turns), 0);
        result_h_elf(
            h, div, "h4",
            n->timed_out
                ? _("At '%.80s': %d of %d (%s) chose a weaker option "
                    "or did not reply")
                : _("At '%.80s': %d of %d (%s) chose a weaker option"),
            n->node, n->weak, n->turns, pct);
        if (n->customer) {
            result_h_field(h, div, _("Customer:"), n->customer);
        }
        int best = -1;
        for (int k = 0; k < REPORT_OPTIONS; k++) {
            if (n->best_votes[k] > 0 &&
                (best < 0 || n->best_votes[k] > n->best_votes[best])) {
                best = k;
            }
        }
        xmlNodePtr t = result_h_classed(h, div, "table", "grid", NULL);
        xmlNodePtr tr = result_h_el(h, t, "tr", NULL);
        result_h_el(h, tr, "th", _("Reply"));
        result_h_el(h, tr, "th", _("Chosen by"));
        result_h_el(h, tr, "th", "");
        for (int k = 0; k < REPORT_OPTIONS; k++) {
            if (n->chosen[k] > 0 || k == best) {
                report_option_row(h, t,
                                  n->text[k] ? n->text[k] : _("(unknown)"),
                                  n->chosen[k], n->turns, k == best);
            }
        }
        if (n->timed_out > 0) {
            report_option_row(h, t,
                              _("(no reply: the customer's patience ran out)"),
                              n->timed_out, n->turns, false);
        }
    }
    if (shown == 0) {
        result_h_el(h, parent, "p",
                    g->node_count
                        ? _("At every turn played, every trainee chose the "
                            "best option on offer.")
                        : _("No turns played yet."));
    }
}

static int report_group_cmp(const void *pa, const void *pb)
{
    const result_record *a = ((const report_group *)pa)->first;
    const result_record *b = ((const report_group *)pb)->first;
    int c = strcmp(a->scenario_title, b->scenario_title);
    if (c == 0) {
        c = strcmp(a->scenario_id, b->scenario_id);
    }
    return c ? c : strcmp(a->scenario_version, b->scenario_version);
}

char *report_html(const report *r, diag_list *diags)
{
    const result_record **v = r ? report_sorted(r) : NULL;
    size_t group_count = 0;
    report_group *groups = v ? report_groups(v, r->count, &group_count) : NULL;
    if (!groups) {
        free(v);
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "%s", _("out of memory"));
        return NULL;
    }
    qsort(groups, group_count, sizeof *groups, report_group_cmp);
    result_html h = {false};
    xmlNodePtr body = NULL;
    xmlDocPtr doc =
        result_h_page(&h, NULL, _("Rapport class report"), report_css, &body);
    result_h_el(&h, body, "h1", _("Rapport class report"));
    int complete = 0;
    int trainees = 0;
    for (size_t i = 0; i < r->count; i++) {
        complete += v[i]->complete;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++) {
            seen = report_same(v[k]->trainee, v[i]->trainee);
        }
        trainees += !seen;
    }
    char from[32] = "";
    char to[32] = "";
    if (r->count > 0) {
        result_utc_time(v[0]->started_ms, "%Y-%m-%d", from, sizeof from);
        result_utc_time(v[r->count - 1]->started_ms, "%Y-%m-%d", to,
                        sizeof to);
    }
    char sessions[96];
    char people[96];
    char scenarios[96];
    snprintf(sessions, sizeof sessions,
             P_("%zu session", "%zu sessions", r->count), r->count);
    snprintf(people, sizeof people, P_("%d trainee", "%d trainees", trainees),
             trainees);
    snprintf(scenarios, sizeof scenarios,
             P_("%zu scenario", "%zu scenarios", group_count), group_count);
    /* TRANSLATORS: "3 sessions of 2 trainees in 1 scenario, from
     * 2026-01-01 to 2026-01-31 (UTC)." */
    result_h_elf(&h, body, "p", _("%s of %s in %s, from %s to %s (UTC)."),
                 sessions, people, scenarios, from, to);
    size_t incomplete = r->count - (size_t)complete;
    result_h_elf(&h, body, "p",
                 P_("%d complete, %zu incomplete (interrupted) attempt. "
                    "Averages, pass rates and distributions count complete "
                    "attempts; the replies chosen count every turn played.",
                    "%d complete, %zu incomplete (interrupted) attempts. "
                    "Averages, pass rates and distributions count complete "
                    "attempts; the replies chosen count every turn played.",
                    incomplete),
                 complete, incomplete);
    for (size_t i = 0; i < group_count; i++) {
        report_group *g = &groups[i];
        result_h_el(&h, body, "h2", g->first->scenario_title);
        report_h_facts(&h, body, g);
        report_h_scores(&h, body, g);
        report_h_weak(&h, body, g);
    }
    report_h_classes(&h, body, r);
    xmlNodePtr foot = result_h_classed(&h, body, "p", "foot", NULL);
    result_h_text(&h, foot,
                  _("Rapport class report, made from the results' JSON "
                    "records. The same sessions are listed one per row in "
                    "the CSV table."));
    char *text = result_h_finish_page(&h, doc);
    for (size_t i = 0; i < group_count; i++) {
        free(groups[i].nodes);
    }
    free(groups);
    free(v);
    if (!text) {
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "%s", _("out of memory"));
    }
    return text;
}
