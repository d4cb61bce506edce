/* lint.h — design checks of a scenario as written (part of what
 * `rapport lint` reports), with no exploration of the calls it allows:
 * analysis.h adds the checks that need the reachable states, cue.h the
 * test-wise cues. Pure: no clock, no printing, no SDL.
 *
 * WARNINGS (added to the diag_list with the node's, choice's or branch's
 * position):
 *   - a node that offers a single option, or options rated the same on
 *     every dimension (the turn has nothing to learn);
 *   - a target= shorter than the customer's lines and the options take
 *     to read (LINT_MS_PER_WORD a word, words split at spaces);
 *   - a choice without <feedback>;
 *   - a <branch> never taken because an earlier one holds whenever it
 *     does (always, when the earlier one has no condition), and a
 *     choice's next that an unconditional <branch> leaves unused;
 *   - a flag that some choice sets but no condition tests.
 *
 * Ownership: lint_design() borrows the scenario and the list while it
 * runs and keeps nothing.
 */
#ifndef RAPPORT_LINT_H
#define RAPPORT_LINT_H

#include "diag.h"
#include "scenario.h"

/* Reading speed assumed for target= (0.3 s a word). */
#define LINT_MS_PER_WORD 300

/* Adds the design warnings of sc (a scenario that loaded without errors)
 * to diags (NULL: nothing is checked). */
void lint_design(const scenario *sc, diag_list *diags);

#endif
