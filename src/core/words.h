/* words.h — the core's names as people read them, in the interface's
 * language (i18n.h): score dimensions, outcomes, bands, the customer's
 * expressions and the principles, for the debriefs and the HTML pages
 * the core writes. The names themselves (scenario_dim_name...) stay what
 * programs and files read; in English these words are the same. The
 * strings are static (the catalogue's); nothing is allocated. */
#ifndef RAPPORT_WORDS_H
#define RAPPORT_WORDS_H

#include "scenario.h"
#include "score.h"

/* "empathy", "honesty", "promptness"; "overall" for SCENARIO_DIM_COUNT. */
const char *words_dim(int dim);

/* The same as a label or heading: "Empathy"... "Overall". */
const char *words_dim_label(int dim);

/* "resolved", "partial", "escalated", "lost". */
const char *words_outcome(scenario_outcome outcome);

/* "excellent", "good", "developing", "needs practice". */
const char *words_band(score_band band);

/* "furious" ... "happy" (lower case, as the debrief shows them). */
const char *words_expression(scenario_expression expression);

/* "acknowledge", "listening"... */
const char *words_principle(scenario_principle principle);

#endif
