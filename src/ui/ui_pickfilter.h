/* ui_pickfilter.h — the picker's filter by the scenarios' language (their
 * `lang`), and languages' names as their speakers write them.
 *
 * The filter is a primary language subtag ("es" shows es, es-MX,
 * es-ES...), or "" for every language. L (or the picker's language
 * button) steps through "" and the languages of the listed scenarios,
 * in alphabetical order of their codes.
 *
 * Nothing here allocates; the filter lives in the app (app->pick_lang).
 */
#ifndef RAPPORT_UI_PICKFILTER_H
#define RAPPORT_UI_PICKFILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_picks.h"

/* Longest filter kept (a primary subtag is 2-8 letters). */
#define UI_PICKFILTER_MAX 12

/* A language's own name: "es-MX" -> "Español (MX)", "ar" -> "العربية";
 * a code not in the table is written as it is. Returns buf. */
const char *ui_pickfilter_lang_name(const char *code, char *buf, size_t len);
/* Whether a scenario of language lang is shown under filter ("" shows
 * all; a scenario with no lang shows only then). */
bool ui_pickfilter_match(const char *filter, const char *lang);
/* The filter after current: the next primary language, in alphabetical
 * order, among the list's entries, then "" (into out). */
void ui_pickfilter_next(const ui_pick_list *list, const char *current,
                        char *out, size_t len);
/* The entry delta steps (±1) from `from` that the filter shows, wrapping
 * round; from itself when it is the only one; -1 when none is shown. */
int ui_pickfilter_step(const ui_pick_list *list, const char *filter, int from,
                       int delta);

#endif
