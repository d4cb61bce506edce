/* cli_words.h — the words the command line's text reports show for the
 * core's names (outcomes, score dimensions, bands, cue strategies), in the
 * interface's language (i18n.h). The core's own names stay what programs
 * read (JSON, plans, --choices); these are only for people. */
#ifndef RAPPORT_CLI_WORDS_H
#define RAPPORT_CLI_WORDS_H

#include <stdio.h>

#include "cue.h"
#include "scenario.h"
#include "score.h"

/* "resolved", "partial", "escalated", "lost" (translated). */
const char *cli_outcome_word(scenario_outcome outcome);

/* A score dimension's name, or "overall" for SCENARIO_DIM_COUNT (the
 * index of analysis.h's and plan.h's overall score). */
const char *cli_dim_word(int dim);

/* A band as test plans spell it ("needs-practice", "good"...). */
const char *cli_band_word(score_band band);

/* A cue strategy: "always the longest reply"... */
const char *cli_cue_word(cue_strategy strategy);

/* Writes text to out followed by spaces up to width columns, like
 * printf's "%-Ns" but counting terminal columns, not bytes (combining
 * marks take none, East Asian wide characters two), so translated
 * labels line up; a negative width aligns right ("%Ns"). A longer text
 * is written whole, with no space added. */
void cli_print_padded(FILE *out, const char *text, int width);

#endif
