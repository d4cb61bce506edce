/* graph.c — Graphviz DOT output of a scenario (see graph.h).
 *
 * DOT is a small text format, written here directly: Debian has no C
 * library for writing DOT that fits a static, SDL-free core (libcgraph
 * would pull the whole Graphviz runtime into every build just to quote
 * strings). The one subtle part is quoting, kept in graph_quote(): inside
 * a double-quoted DOT string the lexer turns \" into " and keeps \\ as a
 * pair, and label text then reads \\ as one backslash and \n, \l, \r, \N,
 * \G... as escapes; so escaping every backslash and every quote makes any
 * text literal, and newlines become the \n line break.
 */
#include "graph.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GRAPH_EXCERPT_CHARS 40
#define GRAPH_TITLE_CHARS 30

typedef struct {
    char *s;
    size_t len;
    size_t cap;
    bool oom;
} graph_buf;

static bool graph_reserve(graph_buf *b, size_t extra)
{
    if (b->oom) {
        return false;
    }
    if (b->len + extra + 1 <= b->cap) {
        return true;
    }
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    char *grown = realloc(b->s, cap);
    if (!grown) {
        b->oom = true;
        return false;
    }
    b->s = grown;
    b->cap = cap;
    return true;
}

static void graph_puts(graph_buf *b, const char *text)
{
    size_t n = strlen(text);
    if (graph_reserve(b, n)) {
        memcpy(b->s + b->len, text, n + 1);
        b->len += n;
    }
}

static void graph_printf(graph_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void graph_printf(graph_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !graph_reserve(b, (size_t)n)) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *graph_quote(const char *text)
{
    const char *t = text ? text : "";
    size_t n = 2;
    for (const char *p = t; *p; p++) {
        n += (*p == '"' || *p == '\\' || *p == '\n') ? 2 : 1;
    }
    char *out = malloc(n + 1);
    if (!out) {
        return NULL;
    }
    size_t o = 0;
    out[o++] = '"';
    for (const char *p = t; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c == '\n') {
            out[o++] = '\\';
            out[o++] = 'n';
        } else if (c == '\r') {
            continue;
        } else if (c < 0x20 || c == 0x7f) {
            out[o++] = ' ';
        } else {
            out[o++] = (char)c;
        }
    }
    out[o++] = '"';
    out[o] = '\0';
    return out;
}

char *graph_excerpt(const char *text, size_t max_chars)
{
    const char *t = text ? text : "";
    size_t chars = 0;
    size_t cut = 0;
    bool longer = false;
    for (size_t i = 0; t[i]; i++) {
        if (((unsigned char)t[i] & 0xC0) == 0x80) {
            continue; /* continuation byte */
        }
        if (chars == max_chars) {
            longer = true;
            break;
        }
        chars++;
        cut = i + 1;
        while (((unsigned char)t[cut] & 0xC0) == 0x80) {
            cut++;
        }
    }
    /* drop a trailing space before the ellipsis */
    while (longer && cut > 0 && t[cut - 1] == ' ') {
        cut--;
    }
    char *out = malloc(cut + 4);
    if (!out) {
        return NULL;
    }
    memcpy(out, t, cut);
    if (longer) {
        memcpy(out + cut, "\xE2\x80\xA6", 3); /* U+2026 … */
        cut += 3;
    }
    out[cut] = '\0';
    return out;
}

/* Appends the quoted form of text. */
static void graph_put_quoted(graph_buf *b, const char *text)
{
    char *q = graph_quote(text);
    if (!q) {
        b->oom = true;
        return;
    }
    graph_puts(b, q);
    free(q);
}

static void graph_cond_text(graph_buf *b, const scenario_condition *c)
{
    const char *sep = "";
    for (size_t i = 0; i < c->if_count; i++) {
        graph_printf(b, "%s%s%s", sep, i ? "" : "if ", c->if_flags[i]);
        sep = i + 1 < c->if_count ? " " : ", ";
    }
    for (size_t i = 0; i < c->unless_count; i++) {
        graph_printf(b, "%s%s%s", sep, i ? "" : "unless ", c->unless_flags[i]);
        sep = i + 1 < c->unless_count ? " " : ", ";
    }
    if (c->min_mood > 0) {
        graph_printf(b, "%smood>=%d", sep, c->min_mood);
        sep = ", ";
    }
    if (c->max_mood < 100) {
        graph_printf(b, "%smood<=%d", sep, c->max_mood);
    }
}

static void graph_choice_label(graph_buf *label, size_t number,
                               const scenario_choice *ch)
{
    graph_printf(
        label, "%zu: E%+d H%+d P%+d", number, ch->rating[SCENARIO_DIM_EMPATHY],
        ch->rating[SCENARIO_DIM_HONESTY], ch->rating[SCENARIO_DIM_PROMPTNESS]);
    if (ch->mood_change) {
        graph_printf(label, " mood%+d", ch->mood_change);
    }
    if (ch->conditional) {
        graph_puts(label, "\n[");
        graph_cond_text(label, &ch->cond);
        graph_puts(label, "]");
    }
    if (ch->set_count || ch->clear_count) {
        graph_puts(label, "\n");
        for (size_t i = 0; i < ch->set_count; i++) {
            graph_printf(label, "%s%s", i ? " " : "set ", ch->set_flags[i]);
        }
        for (size_t i = 0; i < ch->clear_count; i++) {
            graph_printf(label, "%s%s",
                         i ? " " : (ch->set_count ? "; clear " : "clear "),
                         ch->clear_flags[i]);
        }
    }
}

static const char *graph_outcome_shape(scenario_outcome o)
{
    switch (o) {
    case SCENARIO_OUTCOME_RESOLVED:
        return "shape=doublecircle, fillcolor=\"#b7e4c7\", color=\"#1b7a3d\"";
    case SCENARIO_OUTCOME_PARTIAL:
        return "shape=box, fillcolor=\"#fff1a8\", color=\"#8a6d00\"";
    case SCENARIO_OUTCOME_ESCALATED:
        return "shape=hexagon, fillcolor=\"#ffd0a8\", color=\"#a64b00\"";
    case SCENARIO_OUTCOME_LOST:
    case SCENARIO_OUTCOME_COUNT:
        break;
    }
    return "shape=octagon, fillcolor=\"#f4b0b0\", color=\"#a31515\"";
}

static void graph_node(graph_buf *b, const scenario *sc, size_t i,
                       const analysis_report *report, bool reachable)
{
    const scenario_node *n = &sc->nodes[i];
    graph_buf label = {0};
    graph_puts(&label, n->id ? n->id : "?");
    if (n->is_ending) {
        graph_printf(&label, "\n%s", scenario_outcome_name(n->outcome));
        if (n->title) {
            char *t = graph_excerpt(n->title, GRAPH_TITLE_CHARS);
            graph_printf(&label, ": %s", t ? t : "");
            free(t);
        }
    }
    if (!n->is_ending && n->line_count && n->lines[0].text) {
        char *x = graph_excerpt(n->lines[0].text, GRAPH_EXCERPT_CHARS);
        graph_printf(&label, "\n\xE2\x80\x9C%s\xE2\x80\x9D", x ? x : "");
        free(x);
    }
    if (!n->is_ending) {
        scenario_expression e =
            n->line_count ? n->lines[0].expression : SCENARIO_EXPR_AUTO;
        graph_printf(&label, "\n%s",
                     e == SCENARIO_EXPR_AUTO ? "expression follows mood"
                                             : scenario_expression_name(e));
        if ((int)i == sc->start_index) {
            graph_printf(&label, ", mood %d at start", sc->customer.mood);
        } else if (report && i < report->node_count &&
                   report->nodes[i].mood_min >= 0) {
            const analysis_node *an = &report->nodes[i];
            if (an->mood_min == an->mood_max) {
                graph_printf(&label, ", mood %d", an->mood_min);
            } else {
                graph_printf(&label, ", mood %d-%d", an->mood_min,
                             an->mood_max);
            }
        }
    }
    bool trap = report && i < report->node_count && report->nodes[i].trap;
    if (!reachable) {
        graph_puts(&label, "\n(no call reaches this)");
    } else if (trap) {
        graph_puts(&label, "\n(no way out to an ending)");
    }
    graph_puts(b, "  ");
    graph_put_quoted(b, n->id ? n->id : "?");
    graph_puts(b, " [label=");
    graph_put_quoted(b, label.s ? label.s : "");
    free(label.s);
    if (label.oom) {
        b->oom = true;
    }
    if (n->is_ending) {
        graph_printf(b, ", %s", graph_outcome_shape(n->outcome));
    }
    if (!reachable) {
        graph_puts(b, ", style=\"filled,dashed\", fillcolor=\"#e6e6e6\", "
                      "color=\"#808080\", fontcolor=\"#606060\"");
    } else if (trap) {
        graph_puts(b, ", color=\"#d00000\", penwidth=2.5");
    }
    graph_puts(b, "];\n");
}

static void graph_edge(graph_buf *b, const char *from, const char *to,
                       const char *label, const char *attrs)
{
    graph_puts(b, "  ");
    graph_put_quoted(b, from);
    graph_puts(b, " -> ");
    graph_put_quoted(b, to);
    graph_puts(b, " [label=");
    graph_put_quoted(b, label);
    if (attrs) {
        graph_printf(b, ", %s", attrs);
    }
    graph_puts(b, "];\n");
}

char *graph_dot(const scenario *sc, const analysis_report *report)
{
    if (!sc) {
        return NULL;
    }
    unsigned char *linked = scenario_linked(sc);
    if (!linked) {
        return NULL;
    }
    graph_buf b = {0};
    graph_puts(&b, "digraph ");
    graph_put_quoted(&b, sc->id ? sc->id : "scenario");
    graph_puts(&b, " {\n  graph [rankdir=TB, labelloc=t, fontsize=16, "
                   "fontname=\"Helvetica\", label=");
    graph_put_quoted(&b, sc->title ? sc->title : "");
    graph_puts(&b, "];\n  node [shape=box, style=\"rounded,filled\", "
                   "fillcolor=\"#ffffff\", fontname=\"Helvetica\", "
                   "fontsize=10];\n  edge [fontname=\"Helvetica\", "
                   "fontsize=9];\n");
    /* ids start with a letter, so "__..." never clashes with one */
    graph_puts(&b, "  \"__start\" [label=\"start\", shape=circle, "
                   "style=filled, fillcolor=\"#000000\", "
                   "fontcolor=\"#ffffff\", width=0.4];\n");
    if (sc->start_index >= 0) {
        graph_edge(&b, "__start", sc->nodes[sc->start_index].id, "", NULL);
    }
    bool gave_up = false;
    for (size_t i = 0; i < sc->node_count; i++) {
        bool reachable = report && i < report->node_count
                             ? report->nodes[i].reachable
                             : linked[i] != 0;
        graph_node(&b, sc, i, report, reachable);
    }
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        if (n->is_ending) {
            continue;
        }
        for (size_t c = 0; c < n->choice_count; c++) {
            const scenario_choice *ch = &n->choices[c];
            graph_buf label = {0};
            graph_choice_label(&label, c + 1, ch);
            if (ch->next) {
                graph_edge(&b, n->id, ch->next, label.s ? label.s : "", NULL);
            }
            for (size_t k = 0; k < ch->branch_count; k++) {
                graph_buf bl = {0};
                graph_printf(&bl, "%zu: branch ", c + 1);
                graph_cond_text(&bl, &ch->branches[k].cond);
                graph_edge(&b, n->id, ch->branches[k].next, bl.s ? bl.s : "",
                           "style=dashed, color=\"#3060c0\", "
                           "fontcolor=\"#3060c0\"");
                b.oom = b.oom || bl.oom;
                free(bl.s);
            }
            b.oom = b.oom || label.oom;
            free(label.s);
        }
        if (n->timeout) {
            graph_edge(&b, n->id, n->timeout, "timeout",
                       "style=dashed, color=\"#808080\", "
                       "fontcolor=\"#808080\"");
        } else if (!sc->customer.timeout) {
            gave_up = true;
        }
    }
    /* the customer's own timeout applies to every node without one */
    bool any_default = false;
    for (size_t i = 0; i < sc->node_count; i++) {
        if (!sc->nodes[i].is_ending && !sc->nodes[i].timeout) {
            any_default = true;
        }
    }
    if (any_default) {
        graph_puts(&b, "  \"__patience\" [label=\"patience runs out\\n(any "
                       "node without timeout=)\", shape=plaintext, "
                       "style=\"\", fontcolor=\"#606060\"];\n");
        if (sc->customer.timeout) {
            graph_edge(&b, "__patience", sc->customer.timeout, "timeout",
                       "style=dashed, color=\"#808080\", "
                       "fontcolor=\"#808080\"");
        }
    }
    if (gave_up) {
        graph_printf(&b,
                     "  \"__gave_up\" [label=\"customer gives up\\nlost "
                     "(built-in)\", %s, style=\"filled,dashed\"];\n",
                     graph_outcome_shape(SCENARIO_OUTCOME_LOST));
        graph_edge(&b, "__patience", "__gave_up", "timeout",
                   "style=dashed, color=\"#808080\", fontcolor=\"#808080\"");
    }
    graph_puts(&b, "}\n");
    free(linked);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
