/* The game in other languages, headless (SDL dummy video driver, software
 * renderer): Settings > Language steps through System, English, Español
 * and العربية, switches the words at once (the debrief's too) and is
 * remembered; the picker names each scenario's language and L filters
 * the list by it; every glyph drawn in Spanish and Arabic comes from a
 * font that has it. White-box: it reads the app struct. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "i18n.h"
#include "lang.h"
#include "ui_internal.h"
#include "ui_lang_setting.h"
#include "ui_pickfilter.h"
#include "uitest.h"

static ui_app *test_app_sized(const char *config_dir, int w, int h)
{
    static ui_app_options opt;
    memset(&opt, 0, sizeof opt);
    opt.config_dir = config_dir;
    opt.no_shuffle = true;
    uitest_headless(&opt, w, h, NULL, 0);
    return uitest_start(&opt);
}

static ui_app *test_app(const char *config_dir)
{
    return test_app_sized(config_dir, 1024, 768);
}

/* A fresh start of the program: the environment's language. */
static void test_fresh_start(void)
{
    unsetenv("LANGUAGE");
    unsetenv("RAPPORT_LANG_GIVEN");
    setenv("LANG", "C.UTF-8", 1);
    lang_use(NULL, RAPPORT_LOCALE_DIR, NULL, 0);
}

static char *test_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *buf = calloc(1, 65536);
    size_t n = fread(buf, 1, 65535, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Plays the call to its debrief, always the first option. */
static void test_play_to_debrief(ui_app *app)
{
    for (int i = 0; i < 30 && app->screen != UI_SCREEN_DEBRIEF; i++) {
        if (app->screen == UI_SCREEN_PLAY) {
            ui_app_reveal_finish(app);
            ui_app_do(app, UI_ACT_CHOOSE, 0);
        } else if (app->screen == UI_SCREEN_FEEDBACK) {
            ui_app_do(app, UI_ACT_CONTINUE, 0);
        } else if (app->screen == UI_SCREEN_ENDING) {
            ui_app_do(app, UI_ACT_DEBRIEF, 0);
        }
        ui_app_step(app);
    }
}

static void test_setting(void)
{
    char dir[] = "/tmp/rapport-test-lang-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    test_fresh_start();
    ui_app *app = test_app(dir);
    CHECK_STR(app->set.lang, "");
    CHECK_STR(_("Settings"), "Settings");
    ui_app_do(app, UI_ACT_SETTINGS, 0);
    ui_app_step(app);
    CHECK(ui_app_find_hit(app, UI_ACT_LANGUAGE, 0) != NULL);
    ui_app_do(app, UI_ACT_LANGUAGE, 0);
    CHECK_STR(app->set.lang, "en");
    ui_app_do(app, UI_ACT_LANGUAGE, 0);
    CHECK_STR(app->set.lang, "es");
    CHECK_STR(_("Settings"), "Ajustes");
    CHECK(!lang_rtl());
    char label[160];
    ui_lang_setting_label(app, label, sizeof label);
    CHECK_STR(label, "Idioma: Espa\xC3\xB1ol");
    ui_app_step(app);
    ui_app_do(app, UI_ACT_LANGUAGE, 0);
    CHECK_STR(app->set.lang, "ar");
    CHECK_STR(_("Settings"),
              "\xD8\xA7\xD9\x84\xD8\xA5\xD8\xB9\xD8\xAF\xD8\xA7\xD8\xAF\xD8"
              "\xA7\xD8\xAA");
    ui_app_step(app);
    ui_app_free(app);
    char path[300];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    char *text = test_read(path);
    CHECK(text != NULL);
    CHECK_CONTAINS(text ? text : "", "\"language\":\t\"ar\"");
    free(text);

    /* Remembered: the next start speaks Arabic... */
    test_fresh_start();
    CHECK_STR(_("Settings"), "Settings");
    app = test_app(dir);
    CHECK_STR(app->set.lang, "ar");
    CHECK(strcmp(_("Settings"), "Settings") != 0);
    /* ...and System goes back to the environment's (English here). */
    ui_app_do(app, UI_ACT_LANGUAGE, 0);
    CHECK_STR(app->set.lang, "");
    CHECK_STR(_("Settings"), "Settings");
    ui_app_free(app);

    /* --lang wins over the remembered language for its run. */
    ui_prefs pr;
    memset(&pr, 0, sizeof pr);
    snprintf(pr.lang, sizeof pr.lang, "ar");
    CHECK(ui_prefs_save(dir, &pr, UI_PREFS_LANG));
    test_fresh_start();
    lang_use("es", RAPPORT_LOCALE_DIR, NULL, 0);
    app = test_app(dir);
    CHECK_STR(app->set.lang, "");
    CHECK_STR(_("Settings"), "Ajustes");
    ui_app_free(app);
    unlink(path);
    rmdir(dir);
}

/* The debrief is made again in the new language. */
static void test_debrief_switch(void)
{
    test_fresh_start();
    ui_app *app = test_app(NULL);
    CHECK(ui_app_start(app, RAPPORT_SCENARIOS "/billing-error.xml"));
    test_play_to_debrief(app);
    CHECK_INT(app->screen, UI_SCREEN_DEBRIEF);
    CHECK(app->play.review_turns > 0);
    CHECK(strncmp(app->play.review[0], "Turn 1", 6) == 0);
    CHECK(ui_lang_setting_set(app, "es", false));
    CHECK(app->play.review != NULL);
    CHECK(strncmp(app->play.review[0], "Turno 1", 7) == 0);
    ui_app_step(app);
    CHECK_INT(ui_text_glyph_stats(app->text).notdef, 0);
    CHECK(ui_lang_setting_set(app, "ar", false));
    ui_app_step(app);
    CHECK_INT(ui_text_glyph_stats(app->text).notdef, 0);
    ui_app_free(app);
}

/* The picker: languages named and filtered. */
static void test_filter(void)
{
    char name[64];
    CHECK_STR(ui_pickfilter_lang_name("es-MX", name, sizeof name),
              "Espa\xC3\xB1ol (MX)");
    CHECK_STR(ui_pickfilter_lang_name("en", name, sizeof name), "English");
    CHECK_STR(ui_pickfilter_lang_name("x-klingon", name, sizeof name),
              "x-klingon");
    CHECK(ui_pickfilter_match("es", "es-MX"));
    CHECK(ui_pickfilter_match("", "ar-JO"));
    CHECK(!ui_pickfilter_match("es", "en"));
    CHECK(!ui_pickfilter_match("e", "en"));

    test_fresh_start();
    ui_app *app = test_app(NULL);
    CHECK_INT(app->screen, UI_SCREEN_PICKER);
    CHECK(app->pick_count > 3);
    CHECK(ui_app_find_hit(app, UI_ACT_PICK_LANG, 0) != NULL);
    /* L: ar, then en, then es, then all (the bundled scenarios). */
    static const char *const order[] = {"ar", "en", "es", ""};
    for (size_t k = 0; k < 4; k++) {
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_KEYDOWN;
        ev.key.state = SDL_PRESSED;
        ev.key.keysym.sym = SDLK_l;
        SDL_PushEvent(&ev);
        ui_app_step(app);
        CHECK_STR(app->pick_lang, order[k]);
        const ui_pick_entry *sel = &app->picks[app->pick_selected];
        CHECK(ui_pickfilter_match(app->pick_lang, sel->lang));
        /* Down stays among the scenarios shown. */
        ev.key.keysym.sym = SDLK_DOWN;
        SDL_PushEvent(&ev);
        ui_app_step(app);
        sel = &app->picks[app->pick_selected];
        CHECK(ui_pickfilter_match(app->pick_lang, sel->lang));
        /* Only those are drawn: one hit per card shown. */
        size_t shown = 0;
        for (size_t i = 0; i < app->pick_count; i++) {
            shown += ui_pickfilter_match(app->pick_lang, app->picks[i].lang);
        }
        size_t hits = 0;
        for (int h = 0; h < app->hit_count; h++) {
            hits += app->hits[h].action == UI_ACT_PICK;
        }
        CHECK(hits <= shown);
        CHECK(hits > 0);
        if (k < 3) {
            CHECK(shown < app->pick_count);
        }
    }
    /* In Spanish and Arabic the picker draws no box. */
    CHECK(ui_lang_setting_set(app, "es", false));
    ui_app_step(app);
    CHECK(ui_lang_setting_set(app, "ar", false));
    ui_app_step(app);
    CHECK_INT(ui_text_glyph_stats(app->text).notdef, 0);
    ui_app_free(app);
}

/* Arabic mirrors every screen: the menu button is drawn on the left and
 * a click there opens the menu (input is mapped back to the layout). */
static void test_mirror(void)
{
    test_fresh_start();
    ui_app *app = test_app(NULL);
    CHECK(!app->mirrored);
    CHECK(ui_lang_setting_set(app, "ar", false));
    ui_app_step(app);
    CHECK(app->mirrored);
    const ui_hit *menu = ui_app_find_hit(app, UI_ACT_MENU, 0);
    CHECK(menu != NULL);
    if (menu) {
        CHECK(menu->rect.x > app->lay.w / 2); /* the layout's right */
        int sx = app->lay.w - 1 - (menu->rect.x + menu->rect.w / 2);
        int sy = menu->rect.y + menu->rect.h / 2;
        uitest_click(app, sx, sy, 0);
        CHECK_INT(app->overlay, UI_OVERLAY_MENU);
    }
    /* Every text drawn lies inside the window. */
    const SDL_Rect *rects = NULL;
    size_t n = ui_text_frame_rects(app->text, &rects);
    CHECK(n > 0);
    for (size_t i = 0; i < n; i++) {
        CHECK(rects[i].x >= 0 && rects[i].x + rects[i].w <= app->lay.w);
    }
    CHECK_INT(ui_text_glyph_stats(app->text).notdef, 0);
    CHECK(ui_lang_setting_set(app, "es", false));
    ui_app_step(app);
    CHECK(!app->mirrored);
    ui_app_free(app);
}

/* The screens of the golden images (ui_golden_lang_*): the Spanish and
 * the Arabic scenario played through in their language at three window
 * sizes; after every screen, no .notdef box has been drawn, and every
 * text lies inside the window. */
static void test_no_boxes(void)
{
    static const struct {
        const char *lang;
        const char *scenario;
    } cases[] = {{"es", RAPPORT_SCENARIOS "/blocked-card-es.xml"},
                 {"ar", RAPPORT_SCENARIOS "/insurance-claim-ar.xml"}};
    static const int sizes[][2] = {{1024, 768}, {1920, 1080}, {3840, 2160}};
    for (size_t c = 0; c < 2; c++) {
        for (size_t z = 0; z < 3; z++) {
            test_fresh_start();
            lang_use(cases[c].lang, RAPPORT_LOCALE_DIR, NULL, 0);
            ui_app *app = test_app_sized(NULL, sizes[z][0], sizes[z][1]);
            int screens = 0;
            CHECK(ui_app_start(app, cases[c].scenario));
            for (int i = 0; i < 40 && app->screen != UI_SCREEN_DEBRIEF; i++) {
                if (app->screen == UI_SCREEN_PLAY) {
                    ui_app_reveal_finish(app);
                    ui_app_step(app);
                    screens++;
                    ui_app_do(app, UI_ACT_CHOOSE, 0);
                } else if (app->screen == UI_SCREEN_FEEDBACK) {
                    ui_app_do(app, UI_ACT_CONTINUE, 0);
                } else if (app->screen == UI_SCREEN_ENDING) {
                    ui_app_do(app, UI_ACT_DEBRIEF, 0);
                }
                ui_app_step(app);
                screens++;
                const SDL_Rect *rects = NULL;
                size_t n = ui_text_frame_rects(app->text, &rects);
                for (size_t k = 0; k < n; k++) {
                    CHECK(rects[k].x >= 0 &&
                          rects[k].x + rects[k].w <= app->lay.w);
                }
            }
            CHECK_INT(app->screen, UI_SCREEN_DEBRIEF);
            CHECK(app->mirrored == (c == 1));
            ui_app_do(app, UI_ACT_PICKER, 0);
            ui_app_step(app);
            char label[64];
            snprintf(label, sizeof label, "%s at %d (%d screens)",
                     cases[c].lang, sizes[z][1], screens);
            ui_text_glyphs g = uitest_glyphs(app, label);
            CHECK(g.runs > 0);
            CHECK_INT(g.notdef, 0);
            ui_app_free(app);
        }
    }
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    test_setting();
    test_debrief_switch();
    test_filter();
    test_mirror();
    test_no_boxes();
    return check_done("test_ui_lang");
}
