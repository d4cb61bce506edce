/* ui_lang_setting.c — the Language setting and the picker's language
 * filter (see ui_lang_setting.h). */
#include "ui_lang_setting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "ui_pickfilter.h"

/* The choices, in the order the setting steps through them. */
static const char *const ui_lang_setting_codes[] = {"", "en", "es", "ar"};
#define UI_LANG_SETTING_COUNT                                                 \
    (sizeof ui_lang_setting_codes / sizeof ui_lang_setting_codes[0])

void ui_lang_setting_start(ui_app *app, const ui_prefs *pr)
{
    const char *env = getenv("LANGUAGE");
    app->lang_env_set = env != NULL;
    snprintf(app->lang_env, sizeof app->lang_env, "%s", env ? env : "");
    app->set.lang[0] = '\0';
    if ((pr->have & UI_PREFS_LANG) && pr->lang[0] && !lang_given()) {
        ui_lang_setting_set(app, pr->lang, false);
    }
}

void ui_lang_setting_label(const ui_app *app, char *buf, size_t len)
{
    char name[64];
    if (app->set.lang[0]) {
        snprintf(buf, len, _("Language: %s"),
                 ui_pickfilter_lang_name(app->set.lang, name, sizeof name));
    } else {
        char code[40];
        lang_current(code, sizeof code);
        /* TRANSLATORS: the language the system asks for, in its name. */
        snprintf(buf, len, _("Language: System (%s)"),
                 ui_pickfilter_lang_name(code, name, sizeof name));
    }
}

/* The words on screen are made again in the language now in use. */
static void ui_lang_setting_redraw(ui_app *app)
{
    if (app->text) {
        ui_text_clear(app->text);
    }
    ui_play *p = &app->play;
    if (app->screen == UI_SCREEN_DEBRIEF && p->s && p->d) {
        /* the core's verdict and advice, and the review's headings */
        debrief *d = debrief_new(p->s);
        if (d) {
            ui_screen_debrief_free(app);
            debrief_free(p->d);
            p->d = d;
            ui_screen_debrief_prepare(app);
        }
    }
    app->dirty = true;
}

bool ui_lang_setting_set(ui_app *app, const char *code, bool remember)
{
    char err[160];
    if (code[0]) {
        if (!lang_use(code, NULL, err, sizeof err)) {
            return false;
        }
    } else {
        /* System: the environment as the game found it. */
        if (app->lang_env_set) {
            setenv("LANGUAGE", app->lang_env, 1);
        } else {
            unsetenv("LANGUAGE");
        }
        lang_use(NULL, NULL, err, sizeof err);
    }
    snprintf(app->set.lang, sizeof app->set.lang, "%s", code);
    ui_lang_setting_redraw(app);
    if (remember) {
        ui_app_save_prefs(app, UI_PREFS_LANG);
    }
    return true;
}

void ui_lang_setting_do(ui_app *app, ui_action action)
{
    if (action == UI_ACT_PICK_LANG) {
        char next[UI_PICKFILTER_MAX + 1];
        ui_pickfilter_next(&app->pick_list, app->pick_lang, next, sizeof next);
        snprintf(app->pick_lang, sizeof app->pick_lang, "%s", next);
        const ui_pick_entry *sel =
            app->pick_selected >= 0 &&
                    (size_t)app->pick_selected < app->pick_count
                ? &app->picks[app->pick_selected]
                : NULL;
        if (!sel || !ui_pickfilter_match(app->pick_lang, sel->lang)) {
            int first =
                ui_pickfilter_step(&app->pick_list, app->pick_lang, -1, 1);
            app->pick_selected = first >= 0 ? first : 0;
        }
        app->scroll[UI_SCROLL_PICKER].offset = 0;
        app->focus_moved = true;
        app->dirty = true;
        return;
    }
    size_t at = 0;
    for (size_t i = 0; i < UI_LANG_SETTING_COUNT; i++) {
        if (strcmp(app->set.lang, ui_lang_setting_codes[i]) == 0) {
            at = i;
        }
    }
    ui_lang_setting_set(
        app, ui_lang_setting_codes[(at + 1) % UI_LANG_SETTING_COUNT], true);
}
