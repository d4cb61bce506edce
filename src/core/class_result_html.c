/* class_result_html.c — a class session as one printable HTML page, built
 * with libxml2's tree (every text escaped): the scores of the class and of
 * every team side by side, the path the room took with the votes at every
 * turn as bars, the better option, and the ending. */
#define _POSIX_C_SOURCE 200809L
#include "class_result.h"
#include "result_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief.h"

static const char class_css[] =
    "@page{margin:16mm 14mm}\n"
    "html{background:#fff}\n"
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#111;"
    "background:#fff;max-width:48rem;margin:1.5rem auto;padding:0 1rem;"
    "line-height:1.45;font-size:11pt}\n"
    "h1{font-size:1.7em;margin:0 0 .2em}\n"
    "h2{font-size:1.25em;margin:1.4em 0 .4em;border-bottom:2px solid #111}\n"
    "h3{font-size:1.05em;margin:1.1em 0 .3em}\n"
    "table{border-collapse:collapse;margin:.4em 0}\n"
    "th,td{border:1px solid #555;padding:.2em .6em;text-align:left}\n"
    "td.n{text-align:right}\n"
    ".bar{display:inline-block;height:.8em;background:#1a4d8f}\n"
    ".call{font-weight:bold}\n"
    ".note{color:#333;font-style:italic}\n"
    "section.turn{break-inside:avoid}\n";

static void class_h_scores(result_html *h, xmlNodePtr body,
                           const class_session *c)
{
    size_t teams = class_team_count(c);
    result_h_el(h, body, "h2", "Scores");
    xmlNodePtr table = result_h_el(h, body, "table", NULL);
    xmlNodePtr tr = result_h_el(h, table, "tr", NULL);
    result_h_el(h, tr, "th", "");
    result_h_el(h, tr, "th", teams ? "The call" : "The class");
    for (size_t k = 0; k < teams; k++) {
        result_h_el(h, tr, "th", class_team_name(c, k));
    }
    score_summary sums[CLASS_MAX_TEAMS + 1];
    class_scores(c, CLASS_ROOM, &sums[0]);
    for (size_t k = 0; k < teams; k++) {
        class_scores(c, (int)k, &sums[k + 1]);
    }
    for (int d = 0; d <= SCENARIO_DIM_COUNT + 1; d++) {
        tr = result_h_el(h, table, "tr", NULL);
        result_h_el(h, tr, "th",
                    d < SCENARIO_DIM_COUNT    ? scenario_dim_name(d)
                    : d == SCENARIO_DIM_COUNT ? "overall"
                                              : "passed");
        for (size_t k = 0; k <= teams; k++) {
            xmlNodePtr td;
            if (d < SCENARIO_DIM_COUNT) {
                td = sums[k].turns_counted[d]
                         ? result_h_elf(h, tr, "td", "%d", sums[k].dim[d])
                         : result_h_el(h, tr, "td", "not assessed");
            } else if (d == SCENARIO_DIM_COUNT) {
                td = result_h_elf(h, tr, "td", "%d", sums[k].overall);
            } else {
                td = result_h_el(h, tr, "td", sums[k].passed ? "yes" : "no");
            }
            result_h_attr(h, td, "class", "n");
        }
    }
    result_h_classed(h, body, "p", "note",
                     "Promptness in class is scored on the options alone "
                     "(relaxed timing): discussion time never counts.");
    if (teams) {
        result_h_classed(h, body, "p", "note",
                         "Each team is scored on its own choices at the "
                         "turns the call led to, as a single player choosing "
                         "them there would be.");
    }
}

static void class_h_turn(result_html *h, xmlNodePtr body,
                         const class_session *c, size_t i)
{
    const class_turn *t = class_turn_at(c, i);
    const scenario_node *n = &class_scenario(c)->nodes[t->node_index];
    xmlNodePtr sec = result_h_classed(h, body, "section", "turn", NULL);
    result_h_elf(h, sec, "h3", "Turn %zu of %zu", i + 1, class_turn_count(c));
    char *said = debrief_customer_text(n);
    if (!said) {
        h->failed = true;
    }
    result_h_field(h, sec, "Customer:", said ? said : "");
    free(said);
    int most = 1;
    for (size_t p = 0; p < t->option_count; p++) {
        most = t->votes[p] > most ? t->votes[p] : most;
    }
    xmlNodePtr table = result_h_el(h, sec, "table", NULL);
    xmlNodePtr tr = result_h_el(h, table, "tr", NULL);
    result_h_el(h, tr, "th", "Option");
    result_h_el(h, tr, "th",
                class_mode_of(c) == CLASS_TEAMS ? "Teams" : "Votes");
    result_h_el(h, tr, "th", "");
    for (size_t p = 0; p < t->option_count; p++) {
        tr = result_h_el(h, table, "tr", NULL);
        if ((int)p == t->chosen_pos) {
            result_h_attr(h, tr, "class", "call");
        }
        const scenario_choice *ch = &n->choices[t->option_index[p]];
        result_h_elf(h, tr, "td", "%c. %s%s", class_letter(p),
                     ch->say ? ch->say : "",
                     (int)p == t->chosen_pos ? " (the call)" : "");
        xmlNodePtr td = result_h_elf(h, tr, "td", "%d", t->votes[p]);
        result_h_attr(h, td, "class", "n");
        td = result_h_el(h, tr, "td", NULL);
        xmlNodePtr bar = result_h_classed(h, td, "span", "bar", NULL);
        result_h_attrf(h, bar, "style", "width:%dem",
                       (t->votes[p] * 10 + most - 1) / most);
    }
    result_h_classed(
        h, sec, "p", "note",
        t->split ? (class_mode_of(c) == CLASS_TEAMS ? "The teams disagreed."
                                                    : "The room disagreed.")
                 : (class_mode_of(c) == CLASS_TEAMS ? "All the teams agreed."
                                                    : "The room agreed."));
    if (t->picked) {
        result_h_classed(h, sec, "p", "note",
                         "A tie: the facilitator picked.");
    }
    if (class_mode_of(c) == CLASS_TEAMS) {
        xmlNodePtr ul = result_h_el(h, sec, "ul", NULL);
        for (size_t k = 0; k < class_team_count(c); k++) {
            result_h_elf(h, ul, "li", "%s chose %c%s", class_team_name(c, k),
                         class_letter((size_t)t->team_choice[k]),
                         t->team_picked[k] ? " (a tie: the facilitator "
                                             "picked)"
                                           : "");
        }
    }
    const scenario_choice *ch = &n->choices[t->chosen_index];
    if (ch->feedback) {
        result_h_field(h, sec, "Feedback:", ch->feedback);
    }
    char mood[64];
    snprintf(mood, sizeof mood, "%d to %d", t->mood_before, t->mood_after);
    result_h_field(h, sec, "Mood:", mood);
    class_whatif w;
    if (t->best_pos >= 0 && t->best_pos != t->chosen_pos &&
        !(class_whatif_at(c, i, (size_t)t->chosen_pos, &w) && w.best)) {
        const scenario_choice *b = &n->choices[t->option_index[t->best_pos]];
        char *text = result_format("%c. %s", class_letter((size_t)t->best_pos),
                                   b->say ? b->say : "");
        if (!text) {
            h->failed = true;
        }
        result_h_field(h, sec, "Better option:", text ? text : "");
        free(text);
    } else {
        result_h_field(h, sec, "Better option:", "the call was the best.");
    }
}

char *class_result_html(const class_session *c, const class_result_info *info,
                        diag_list *diags)
{
    if (!c || !info || (!class_is_finished(c) && !info->interrupted)) {
        diag_add(diags, DIAG_ERROR, "class", 0, 0,
                 "the class session has not reached an ending");
        return NULL;
    }
    const scenario *sc = class_scenario(c);
    const session *s = class_session_of(c);
    result_html h = {false};
    char *title = result_format("Class session: %s", sc->title);
    xmlNodePtr body = NULL;
    xmlDocPtr doc = result_h_page(
        &h, sc->lang, title ? title : "Class session", class_css, &body);
    result_h_el(&h, body, "h1", title ? title : "Class session");
    free(title);
    char when[64];
    result_utc_time(info->started_ms, "%Y-%m-%d %H:%M UTC", when, sizeof when);
    result_h_field(&h, body, "Date:", when);
    if (class_mode_of(c) == CLASS_TEAMS) {
        size_t len = 1;
        for (size_t k = 0; k < class_team_count(c); k++) {
            len += strlen(class_team_name(c, k)) + 2;
        }
        char *names = calloc(1, len);
        for (size_t k = 0; names && k < class_team_count(c); k++) {
            if (k) {
                strcat(names, ", ");
            }
            strcat(names, class_team_name(c, k));
        }
        result_h_field(&h, body, "Teams:", names ? names : "");
        free(names);
    } else {
        result_h_field(&h, body, "Mode:", "whole class");
    }
    if (class_is_finished(c)) {
        const scenario_node *e = session_ending(s);
        char *o = result_format(
            "%s%s%s%s", scenario_outcome_name(session_outcome(s)),
            e && e->title ? " (" : "", e && e->title ? e->title : "",
            e && e->title ? ")" : "");
        result_h_field(&h, body, "Outcome:", o ? o : "");
        free(o);
    } else {
        result_h_field(&h, body, "Outcome:",
                       "incomplete: the call did not reach an ending");
    }
    class_h_scores(&h, body, c);
    result_h_el(&h, body, "h2", "The path the room took");
    for (size_t i = 0; i < class_turn_count(c); i++) {
        class_h_turn(&h, body, c, i);
    }
    const scenario_node *e = session_ending(s);
    if (e) {
        result_h_el(&h, body, "h2", "The ending");
        char *said = debrief_customer_text(e);
        if (said && *said) {
            result_h_field(&h, body, "Customer:", said);
        }
        free(said);
        if (e->feedback) {
            result_h_field(&h, body, "What it teaches:", e->feedback);
        }
    }
    char *text = result_h_finish_page(&h, doc);
    if (!text) {
        diag_add(diags, DIAG_ERROR, "class", 0, 0, "out of memory");
    }
    return text;
}
