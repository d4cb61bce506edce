/* ui_lang_setting.h — the game's Language setting and the picker's
 * language filter, as actions of the app.
 *
 * SETTING. Settings > Language steps through System (what the game
 * started with: LANGUAGE, else LC_ALL, LC_MESSAGES, LANG, or --lang),
 * English, Español and العربية. A step calls lang_use at once; the text
 * cache is emptied and the debrief's words are made again, so every
 * screen redraws in the new language (and direction: Arabic mirrors the
 * interface, ui_widget_rtl). The choice is remembered in settings.json
 * ("language": "" for System); --lang wins over it for one run.
 *
 * FILTER. L on the picker (or its language button) steps the filter
 * through every language of the listed scenarios (ui_pickfilter.h) and
 * keeps the selection on a scenario shown.
 */
#ifndef RAPPORT_UI_LANG_SETTING_H
#define RAPPORT_UI_LANG_SETTING_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_internal.h"

/* At start: notes the environment's language (for System), then uses the
 * remembered one unless --lang chose one. */
void ui_lang_setting_start(ui_app *app, const ui_prefs *pr);
/* "Language: Español" or "Language: System (English)" (into buf). */
void ui_lang_setting_label(const ui_app *app, char *buf, size_t len);
/* Uses a language: "" = System, else a code ("es"); remembered when
 * remember. False when the code is not one. */
bool ui_lang_setting_set(ui_app *app, const char *code, bool remember);
/* UI_ACT_LANGUAGE (the next language) and UI_ACT_PICK_LANG (the
 * picker's next filter). */
void ui_lang_setting_do(ui_app *app, ui_action action);

#endif
