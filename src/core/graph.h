/* graph.h — a scenario as a Graphviz DOT graph (`rapport graph`).
 *
 * Nodes are labelled with their id, the start of the customer's first line
 * and its expression (and the customer's mood on arrival when the analysis
 * knows it). Each choice is an edge labelled with its number and effects
 * ("1: E+3 H+1 P+1 mood+20", then its conditions and flags); branches and
 * timeouts are dashed edges; endings (id, outcome, title) are shaped and
 * coloured by outcome (resolved: green double circle, partial: yellow box,
 * escalated: orange hexagon, lost: red octagon); nodes no call reaches are
 * grey and dashed, nodes with no way out have a red border.
 *
 * Pure: builds text, never runs Graphviz (the CLI does, for SVG).
 *
 * Ownership: every char * returned is the caller's to free(). The report
 * passed to graph_dot() is only read.
 */
#ifndef RAPPORT_GRAPH_H
#define RAPPORT_GRAPH_H

#include <stddef.h>

#include "analysis.h"
#include "scenario.h"

/* The DOT text of the scenario; report (may be NULL) adds reachability,
 * mood ranges and traps (without it, reachability follows the links, as
 * the loader sees it). NULL when memory runs out. */
char *graph_dot(const scenario *sc, const analysis_report *report);

/* text as a DOT double-quoted string, quotes included: '"' and '\' are
 * escaped with a backslash, a newline becomes the label line break "\n",
 * other control characters become spaces. NULL text gives "". */
char *graph_quote(const char *text);

/* The first max_chars characters (UTF-8 code points) of text, followed by
 * "…" when it was longer; never splits a character. */
char *graph_excerpt(const char *text, size_t max_chars);

#endif
