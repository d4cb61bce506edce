/* Classroom mode in Spanish and in Arabic, headless (SDL dummy video
 * driver, software renderer, virtual clock): the Spanish and the Arabic
 * scenario run as a class in their language at three window sizes, whole
 * class and teams, through every screen (start, the line, the options
 * with the discussion timer, the vote, the votes recorded, the bar chart,
 * the pick on a tie, the call played, "what if", the scoreboard, the
 * ending, the class debrief). After each screen: every text inside the
 * window, no two texts or hits overlapping, nothing under 1/28 of the
 * window height; at the end no .notdef box drawn. In Arabic every class
 * screen is mirrored, and clicks and taps land on what is drawn under
 * them (input mapped back).
 *
 *   test_class_lang                      the tests
 *   test_class_lang shots DIR SIZE LANG  the golden screens of a scripted
 *                                        class in LANG saved in DIR/whole
 *                                        and DIR/teams
 * White-box: it reads the app struct through ui_internal.h. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "lang.h"
#include "ui_class.h"
#include "ui_internal.h"
#include "uitest.h"

static const char *test_scenario_of(const char *lang)
{
    return strcmp(lang, "ar") == 0 ? RAPPORT_SCENARIOS
               "/insurance-claim-ar.xml"
                                   : RAPPORT_SCENARIOS "/blocked-card-es.xml";
}

static void test_lang(const char *lang)
{
    unsetenv("LANGUAGE");
    unsetenv("RAPPORT_LANG_GIVEN");
    setenv("LANG", "C.UTF-8", 1);
    lang_use(lang, RAPPORT_LOCALE_DIR, NULL, 0);
}

static const char *const test_teams[] = {"Rojo",
                                         "\xD8\xA7\xD9\x84\xD8\xA3"
                                         "\xD8\xB2\xD8\xB1\xD9\x82",
                                         "Verde"};

static ui_app *test_app(const char *lang, int w, int h, bool teams)
{
    static const char *paths[1];
    paths[0] = test_scenario_of(lang);
    static ui_app_options opt;
    memset(&opt, 0, sizeof opt);
    uitest_headless(&opt, w, h, paths, 1);
    opt.classroom = true;
    opt.scoreboard = true;
    if (teams) {
        opt.teams = test_teams;
        opt.team_count = 3;
    }
    return uitest_start(&opt);
}

/* The screens' state names seen (ui_class_state_name's first word after
 * "class-"), to check that every kind of screen was looked at. */
#define TEST_KINDS 12
static const char *const test_kind_names[TEST_KINDS] = {
    "start",  "line",   "options",    "vote",   "recorded", "chart",
    "played", "whatif", "scoreboard", "ending", "debrief",  "pick"};
static bool test_seen[TEST_KINDS];

static void test_mark(const char *state)
{
    for (size_t i = 0; i < TEST_KINDS; i++) {
        size_t n = strlen(test_kind_names[i]);
        const char *s = state + 6; /* after "class-" */
        if (strncmp(state, "class-", 6) == 0 &&
            strncmp(s, test_kind_names[i], n) == 0 &&
            (s[n] == '\0' || s[n] == '-')) {
            test_seen[i] = true;
        }
        if (strcmp(test_kind_names[i], "pick") == 0 &&
            strstr(state, "-pick")) {
            test_seen[i] = true;
        }
    }
}

/* Every text inside the window and at least 1/28 of its height, no two
 * texts or hits overlapping, the screen mirrored in Arabic. */
static void test_screen(ui_app *app, const char *lang)
{
    ui_app_redraw(app);
    char state[64];
    ui_class_state_name(app, state, sizeof state);
    test_mark(state);
    CHECK(app->mirrored == (strcmp(lang, "ar") == 0));
    char label[96];
    snprintf(label, sizeof label, "%s %s", lang, state);
    CHECK(uitest_text_tall(app, app->lay.h, 28, label));
    uitest_frame f = uitest_frame_of(app, label);
    CHECK(f.texts > 0);
    uitest_count_frame(f, false);
}

/* A whole class in lang with keys: hands for A, B and C (a tie between
 * A and B on the first turn, picked with the cursor; B by majority
 * after), what if and the scoreboard on every turn. */
static void test_class(const char *lang, int w, int h, bool teams)
{
    test_lang(lang);
    /* The catalogue is in force. */
    CHECK(strcmp(_("Whole class"), "Whole class") != 0);
    ui_app *app = test_app(lang, w, h, teams);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_CLASS);
    test_screen(app, lang);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* start */
    CHECK(app->cls->cs != NULL);
    int guard = 0;
    while (app->cls->cs && uitest_class_phase(app) != CLASS_PHASE_DEBRIEF &&
           guard++ < 400) {
        ui_class *c = app->cls;
        class_phase ph = uitest_class_phase(app);
        if (ph == CLASS_PHASE_LINE && ui_class_revealing(app)) {
            ui_app_set_clock(app, c->line_started + c->reveal_ms / 2);
            test_screen(app, lang);
            uitest_key(app, SDLK_PAGEDOWN, 0); /* the whole line */
            continue;
        }
        test_screen(app, lang);
        if (ph == CLASS_PHASE_DISCUSS) {
            /* The timer runs, then hands open the vote. */
            uitest_key(app, SDLK_p, 0);
            ui_app_set_clock(app, app->clock + 15000);
            test_screen(app, lang);
            bool first = class_turn_index(c->cs) == 0;
            for (int t = 0; t < (teams ? 3 : 1); t++) {
                for (int k = 0; teams && c->team != t && k < 3; k++) {
                    uitest_key(app, SDLK_TAB, 0);
                }
                CHECK_INT(c->team, teams ? t : 0);
                uitest_key(app, SDLK_1, 0);
                uitest_key(app, SDLK_2, 0);
                if (!first) {
                    uitest_key(app, SDLK_2, 0);
                }
                uitest_key(app, SDLK_3, 0);
                uitest_key(app, SDLK_3, KMOD_LSHIFT);
            }
            test_screen(app, lang);
            continue;
        }
        if (ph == CLASS_PHASE_PLAYED && !c->whatif && !c->board) {
            uitest_key(app, SDLK_w, 0);
            CHECK(c->whatif);
            test_screen(app, lang);
            uitest_key(app, SDLK_w, 0);
        }
        uitest_key(app, SDLK_PAGEDOWN, 0);
    }
    CHECK_INT(uitest_class_phase(app), CLASS_PHASE_DEBRIEF);
    test_screen(app, lang);
    /* The legend hidden and the debrief scrolled. */
    uitest_key(app, SDLK_h, 0);
    uitest_key(app, SDLK_PAGEDOWN, 0);
    test_screen(app, lang);
    char label[64];
    snprintf(label, sizeof label, "%s at %dx%d%s", lang, w, h,
             teams ? " (teams)" : "");
    ui_text_glyphs g = uitest_glyphs(app, label);
    CHECK(g.runs > 0);
    CHECK_INT(g.notdef, 0);
    ui_app_free(app);
}

/* A click (or a tap) at the point of the screen where the hit is drawn:
 * in Arabic, mirrored from the layout's x. */
static void test_press(ui_app *app, const ui_hit *h, bool touch)
{
    int x = h->rect.x + h->rect.w / 2;
    int y = h->rect.y + h->rect.h / 2;
    if (app->mirrored) {
        x = app->lay.w - 1 - x;
    }
    if (touch) {
        float fx = ((float)x + 0.5f) / (float)app->lay.w;
        float fy = (float)y / (float)app->lay.h;
        uitest_push_finger(SDL_FINGERDOWN, 1, fx, fy);
        uitest_push_finger(SDL_FINGERUP, 1, fx, fy);
    } else {
        uitest_push_click(x, y, 1);
    }
    ui_app_step(app);
}

/* In Arabic the class screens are drawn mirrored: the Next button, at
 * the layout's right, is drawn at the left; clicks and taps there work
 * it, and a tap on an option's card adds a hand to that option. */
static void test_mirrored_input(bool touch)
{
    test_lang("ar");
    ui_app *app = test_app("ar", 1024, 768, false);
    ui_class *c = app->cls;
    ui_app_redraw(app);
    CHECK(app->mirrored);
    /* The mode switch: Teams, then back to the whole class. */
    const ui_hit *h = ui_app_find_hit(
        app, UI_ACT_CLASS, UI_CLASS_ARG(UI_CLASS_SET_MODE, CLASS_TEAMS));
    CHECK(h != NULL);
    if (h) {
        test_press(app, h, touch);
        CHECK_INT(c->mode, CLASS_TEAMS);
        ui_app_redraw(app);
        h = ui_app_find_hit(app, UI_ACT_CLASS,
                            UI_CLASS_ARG(UI_CLASS_SET_MODE, CLASS_WHOLE));
        CHECK(h != NULL);
        if (h) {
            test_press(app, h, touch);
        }
        CHECK_INT(c->mode, CLASS_WHOLE);
    }
    ui_app_redraw(app);
    const ui_hit *next =
        ui_app_find_hit(app, UI_ACT_CLASS, UI_CLASS_ARG(UI_CLASS_NEXT, 0));
    CHECK(next != NULL);
    if (next) {
        /* Next in the layout's right half: drawn in the screen's left. */
        CHECK(next->rect.x > app->lay.w / 2);
    }
    int steps = 0;
    while (uitest_class_phase(app) != CLASS_PHASE_DISCUSS && steps++ < 10) {
        ui_app_redraw(app);
        next =
            ui_app_find_hit(app, UI_ACT_CLASS, UI_CLASS_ARG(UI_CLASS_NEXT, 0));
        if (!next) {
            break;
        }
        test_press(app, next, touch);
        if (c->cs && ui_class_revealing(app)) {
            ui_app_set_clock(app, c->line_started + c->reveal_ms);
            ui_app_step(app);
        }
    }
    CHECK(c->cs != NULL);
    CHECK_INT(uitest_class_phase(app), CLASS_PHASE_DISCUSS);
    ui_app_redraw(app);
    const ui_hit *card =
        ui_app_find_hit(app, UI_ACT_CLASS, UI_CLASS_ARG(UI_CLASS_HAND, 1));
    CHECK(card != NULL);
    if (card && c->cs) {
        test_press(app, card, touch);
        CHECK_INT(class_tally(c->cs, CLASS_SRC_HANDS, CLASS_ROOM, 1), 1);
        CHECK_INT(class_tally(c->cs, CLASS_SRC_HANDS, CLASS_ROOM, 0), 0);
    }
    ui_app_free(app);
}

/* The golden screens: the options with their letters, the vote, the
 * chart revealed, the call played, what if, the scoreboard, the class
 * debrief (whole class); in teams mode the chart with the pick on a tie
 * and the teams' debrief. */
#define TEST_GOLDEN_WHOLE "> > > A3 B9 C2 ! > > > w > > "
#define TEST_GOLDEN_TEAMS "> > > t1 A4 B2 t2 B3 t3 A1 C2 ! > > > > "

static int test_scripted(const void *ctx, const char *script, bool teams,
                         int w, int h, const char *dir)
{
    const char *lang = ctx;
    const char *paths[] = {test_scenario_of(lang)};
    ui_app_options o;
    uitest_scripted_options(&o, w, h, paths, 1, script, dir);
    o.scoreboard = true;
    if (teams) {
        o.teams = test_teams;
        o.team_count = 3;
    }
    return uitest_scripted(&o);
}

static int test_shots(const char *dir, const char *size, const char *lang)
{
    test_lang(lang);
    return uitest_class_shots(dir, size, TEST_GOLDEN_WHOLE, TEST_GOLDEN_TEAMS,
                              test_scripted, lang);
}

int main(int argc, char **argv)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (argc == 5 && strcmp(argv[1], "shots") == 0) {
        return test_shots(argv[2], argv[3], argv[4]);
    }
    static const char *const langs[] = {"es", "ar"};
    static const int sizes[][2] = {{1024, 768}, {1920, 1080}, {3840, 2160}};
    for (size_t l = 0; l < 2; l++) {
        memset(test_seen, 0, sizeof test_seen);
        for (size_t z = 0; z < 3; z++) {
            test_class(langs[l], sizes[z][0], sizes[z][1], false);
        }
        test_class(langs[l], 1024, 768, true);
        for (size_t i = 0; i < TEST_KINDS; i++) {
            if (!test_seen[i]) {
                fprintf(stderr, "%s: no %s screen checked\n", langs[l],
                        test_kind_names[i]);
            }
            CHECK(test_seen[i]);
        }
    }
    test_mirrored_input(false);
    test_mirrored_input(true);
    return check_done("test_class_lang");
}
