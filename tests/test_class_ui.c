/* Tests of classroom mode's screens, headless (SDL dummy video driver,
 * software renderer, virtual clock): the projector theme's contrast (every
 * text on its background at least 7:1), whole sessions driven with
 * PageDown and PageUp only in both modes at three window sizes with every
 * screen checked (no text under 1/28 of the window height, nothing
 * outside the window, no texts or hits overlapping), hands, undo and
 * ties by key, mouse and touch, blanking and a 10-minute discussion
 * changing no score, and scripted runs (ui_script_class.c).
 *
 *   test_class_ui                 the tests
 *   test_class_ui shots DIR SIZE  the golden screens of a scripted class
 *                                 (whole class and teams) saved in DIR
 * White-box: it reads the app struct through ui_internal.h. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ui_class.h"
#include "ui_internal.h"
#include "uitest.h"

#define TEST_SCENARIO RAPPORT_SCENARIOS "/isp-promo-question.xml"

static bool test_from_picker;

static ui_app *test_app(int w, int h, const ui_app_options *base)
{
    static const char *paths[] = {TEST_SCENARIO};
    static ui_app_options opt;
    opt = *base;
    uitest_headless(&opt, w, h, paths, 1);
    opt.classroom = !test_from_picker;
    return uitest_start(&opt);
}

/* Every text at least 1/28 of the window high, inside the window, no
 * two texts or hits overlapping. */
static void test_screen(ui_app *app, const char *what)
{
    ui_app_redraw(app);
    int h = app->lay.h;
    char state[64];
    ui_class_state_name(app, state, sizeof state);
    const char *dir = getenv("RAPPORT_UI_SHOTS");
    if (dir) {
        static int shot;
        char path[512];
        snprintf(path, sizeof path, "%s/%03d-%d-%s-%s.png", dir, shot++,
                 app->lay.w, what, state);
        CHECK(ui_app_screenshot(app, path));
    }
    char label[96];
    snprintf(label, sizeof label, "%s (%s)", what, state);
    CHECK(uitest_text_tall(app, h, 28, label));
    uitest_count_frame(uitest_frame_of(app, label), true);
}

static void test_contrast(void)
{
    const ui_theme *themes[] = {ui_theme_projector(), ui_theme_get(true)};
    for (size_t t = 0; t < 2; t++) {
        SDL_Color fg[16];
        SDL_Color bg[16];
        size_t n = ui_theme_text_pairs(themes[t], fg, bg, 16);
        CHECK(n >= 7);
        for (size_t i = 0; i < n; i++) {
            double r = ui_theme_contrast(fg[i], bg[i]);
            if (r < 7.0) {
                fprintf(stderr, "%s: pair %zu has contrast %.2f:1\n",
                        themes[t]->name, i, r);
            }
            CHECK(r >= 7.0);
        }
    }
    /* The measure itself: black on white is 21:1, a colour on itself 1. */
    SDL_Color black = {0, 0, 0, 255};
    SDL_Color white = {255, 255, 255, 255};
    CHECK(ui_theme_contrast(black, white) > 20.9);
    CHECK(ui_theme_contrast(white, white) < 1.01);
}

/* A whole class with PageDown and PageUp only, every screen checked:
 * each turn is looked back on once, the vote steps back and forth, and
 * the room's agreed option is chosen with the cursor (Back moves it). */
static void test_next_back_only(int w, int h, bool teams)
{
    ui_app_options o;
    memset(&o, 0, sizeof o);
    static const char *const names[] = {"Red", "Blue", "Green"};
    if (teams) {
        o.teams = names;
        o.team_count = 3;
    }
    o.scoreboard = true;
    ui_app *app = test_app(w, h, &o);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_CLASS);
    test_screen(app, teams ? "start-teams" : "start");
    uitest_key(app, SDLK_PAGEDOWN, 0); /* start */
    CHECK(app->cls->cs != NULL);
    int guard = 0;
    while (app->cls->cs && uitest_class_phase(app) != CLASS_PHASE_DEBRIEF &&
           guard++ < 400) {
        ui_class *c = app->cls;
        class_phase ph = uitest_class_phase(app);
        if (ph == CLASS_PHASE_LINE && ui_class_revealing(app)) {
            ui_app_set_clock(app, c->line_started + c->reveal_ms / 2);
            test_screen(app, "line-reveal");
            uitest_key(app, SDLK_PAGEDOWN, 0); /* the whole line */
            CHECK(!ui_class_revealing(app));
            continue;
        }
        test_screen(app, "step");
        if (ph == CLASS_PHASE_DISCUSS && class_turn_index(c->cs) == 1 &&
            class_review_turn(c->cs) < 0) {
            /* Back to the line, then to the turn before, and forward. */
            uitest_key(app, SDLK_PAGEUP, 0);
            CHECK_INT(uitest_class_phase(app), CLASS_PHASE_LINE);
            uitest_key(app, SDLK_PAGEUP, 0);
            CHECK_INT(class_review_turn(c->cs), 0);
            test_screen(app, "review");
            uitest_key(app, SDLK_PAGEDOWN, 0);
            CHECK_INT(class_review_turn(c->cs), -1);
            uitest_key(app, SDLK_PAGEDOWN, 0);
            CHECK_INT(uitest_class_phase(app), CLASS_PHASE_DISCUSS);
        }
        if (ph == CLASS_PHASE_VOTE && c->step == UI_CLASS_STEP_AGREE) {
            /* Back moves the cursor: the second option for the room,
             * the first for a team. */
            if (c->step_team == CLASS_ROOM || c->step_team == 1) {
                uitest_key(app, SDLK_PAGEUP, 0);
                CHECK_INT(c->cursor, 1);
                test_screen(app, "agree-moved");
            }
        }
        uitest_key(app, SDLK_PAGEDOWN, 0);
    }
    CHECK_INT(uitest_class_phase(app), CLASS_PHASE_DEBRIEF);
    test_screen(app, "debrief");
    size_t turns = class_turn_count(app->cls->cs);
    CHECK(turns >= 3);
    for (size_t i = 0; i < turns; i++) {
        const class_turn *t = class_turn_at(app->cls->cs, i);
        /* Whole class: B agreed every turn. Teams: Red A, Blue B, Green A:
         * A by majority. */
        CHECK_INT(t->chosen_pos, teams ? 0 : 1);
    }
    /* Back and Next scroll the debrief; Back from its top goes to the
     * ending. */
    uitest_key(app, SDLK_PAGEDOWN, 0);
    test_screen(app, "debrief-down");
    uitest_key(app, SDLK_PAGEUP, 0);
    CHECK_INT(app->scroll[UI_SCROLL_REVIEW].offset, 0);
    ui_app_free(app);
}

/* The picker's Classroom switch (C, or a click): Enter opens the class
 * start screen; M goes back to one player. */
static void test_picker(void)
{
    ui_app_options o;
    memset(&o, 0, sizeof o);
    test_from_picker = true;
    ui_app *app = test_app(1024, 768, &o);
    test_from_picker = false;
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    uitest_key(app, SDLK_c, 0);
    CHECK(app->classroom_pick);
    uitest_key(app, SDLK_m, 0);
    CHECK(!app->classroom_pick);
    ui_app_redraw(app);
    const ui_hit *h = ui_app_find_hit(app, UI_ACT_CLASSROOM, 1);
    CHECK(h != NULL);
    if (h) {
        ui_app_do(app, UI_ACT_CLASSROOM, 1);
    }
    CHECK(app->classroom_pick);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_CLASS);
    CHECK(app->cls != NULL && app->cls->cs == NULL);
    test_screen(app, "start-from-picker");
    ui_app_free(app);
}

/* Hands by key (letters and digits), taking back, undo, a tie broken by
 * the facilitator, the results revealed. */
static void test_hands_and_tie(void)
{
    ui_app_options o;
    memset(&o, 0, sizeof o);
    ui_app *app = test_app(1024, 768, &o);
    uitest_key(app, SDLK_RETURN, 0); /* start */
    ui_class *c = app->cls;
    uitest_key(app, SDLK_r, 0); /* the whole line */
    uitest_key(app, SDLK_PAGEDOWN, 0);
    CHECK_INT(uitest_class_phase(app), CLASS_PHASE_DISCUSS);
    /* A hand during the discussion opens the vote. */
    uitest_key(app, SDLK_a, 0);
    CHECK_INT(uitest_class_phase(app), CLASS_PHASE_VOTE);
    uitest_key(app, SDLK_a, 0);
    uitest_key(app, SDLK_2, 0);
    uitest_key(app, SDLK_2, 0);
    uitest_key(app, SDLK_3, 0);
    uitest_key(app, SDLK_c, KMOD_LSHIFT); /* C taken back */
    CHECK_INT(class_tally(c->cs, CLASS_SRC_HANDS, CLASS_ROOM, 0), 2);
    CHECK_INT(class_tally(c->cs, CLASS_SRC_HANDS, CLASS_ROOM, 1), 2);
    CHECK_INT(class_tally(c->cs, CLASS_SRC_HANDS, CLASS_ROOM, 2), 0);
    uitest_key(app, SDLK_d, 0);
    uitest_key(app, SDLK_BACKSPACE, 0); /* undo D */
    CHECK_INT(class_tally(c->cs, CLASS_SRC_HANDS, CLASS_ROOM, 3), 0);
    test_screen(app, "vote-hands");
    uitest_key(app, SDLK_PAGEDOWN, 0); /* record */
    CHECK_INT(uitest_class_phase(app), CLASS_PHASE_RESULTS);
    CHECK(!c->chart);
    test_screen(app, "recorded");
    uitest_key(app, SDLK_r, 0); /* reveal */
    CHECK(c->chart);
    test_screen(app, "chart-tie");
    bool tied = false;
    CHECK_INT(class_call(c->cs, &tied), -1);
    CHECK(tied);
    /* A tie needs the pick: Next shows the cursor on A, Back moves it
     * to B (the only other tied option), Next picks B. */
    uitest_key(app, SDLK_PAGEDOWN, 0);
    CHECK_INT(c->step, UI_CLASS_STEP_PICK);
    CHECK_INT(c->cursor, 0);
    uitest_key(app, SDLK_PAGEUP, 0);
    CHECK_INT(c->cursor, 1);
    uitest_key(app, SDLK_PAGEUP, 0);
    CHECK_INT(c->cursor, 0);
    uitest_key(app, SDLK_PAGEUP, 0);
    test_screen(app, "pick");
    uitest_key(app, SDLK_PAGEDOWN, 0);
    CHECK_INT(class_call(c->cs, &tied), 1);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* play */
    CHECK_INT(uitest_class_phase(app), CLASS_PHASE_PLAYED);
    CHECK_INT(class_turn_at(c->cs, 0)->chosen_pos, 1);
    CHECK(class_turn_at(c->cs, 0)->picked);
    uitest_key(app, SDLK_w, 0);
    CHECK(c->whatif);
    test_screen(app, "whatif");
    uitest_key(app, SDLK_w, 0);
    CHECK(!c->whatif);
    uitest_key(app, SDLK_h, 0);
    CHECK(!c->legend);
    test_screen(app, "no-legend");
    ui_app_free(app);
}

/* A click or tap on a card adds a hand; the buttons work the steps. */
static void test_pointer(bool touch)
{
    ui_app_options o;
    memset(&o, 0, sizeof o);
    ui_app *app = test_app(1920, 1080, &o);
    ui_class *c = app->cls;
    int x = 0;
    int y = 0;
    int steps = 0;
    while (uitest_class_phase(app) != CLASS_PHASE_VOTE && steps++ < 10) {
        ui_app_redraw(app);
        if (!c->cs) {
            const ui_hit *h = ui_app_find_hit(app, UI_ACT_CLASS,
                                              UI_CLASS_ARG(UI_CLASS_NEXT, 0));
            CHECK(h != NULL);
        }
        const ui_hit *h =
            ui_app_find_hit(app, UI_ACT_CLASS, UI_CLASS_ARG(UI_CLASS_NEXT, 0));
        if (!h) {
            break;
        }
        x = h->rect.x + h->rect.w / 2;
        y = h->rect.y + h->rect.h / 2;
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        for (int i = 0; i < 2; i++) {
            if (touch) {
                ev.type = i == 0 ? SDL_FINGERDOWN : SDL_FINGERUP;
                ev.tfinger.touchId = 7;
                ev.tfinger.fingerId = 1;
                ev.tfinger.x = (float)x / (float)app->lay.w;
                ev.tfinger.y = (float)y / (float)app->lay.h;
            } else {
                ev.type = i == 0 ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
                ev.button.button = SDL_BUTTON_LEFT;
                ev.button.which = 1;
                ev.button.x = x;
                ev.button.y = y;
            }
            SDL_PushEvent(&ev);
        }
        ui_app_step(app);
        if (c->cs && ui_class_revealing(app)) {
            ui_app_set_clock(app, c->line_started + c->reveal_ms);
            ui_app_step(app);
        }
    }
    CHECK_INT(uitest_class_phase(app), CLASS_PHASE_VOTE);
    ui_app_redraw(app);
    const ui_hit *card =
        ui_app_find_hit(app, UI_ACT_CLASS, UI_CLASS_ARG(UI_CLASS_HAND, 2));
    CHECK(card != NULL);
    if (card) {
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        x = card->rect.x + card->rect.w / 2;
        y = card->rect.y + card->rect.h / 2;
        for (int i = 0; i < 2; i++) {
            if (touch) {
                ev.type = i == 0 ? SDL_FINGERDOWN : SDL_FINGERUP;
                ev.tfinger.touchId = 7;
                ev.tfinger.fingerId = 1;
                ev.tfinger.x = (float)x / (float)app->lay.w;
                ev.tfinger.y = (float)y / (float)app->lay.h;
            } else {
                ev.type = i == 0 ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
                ev.button.button = SDL_BUTTON_LEFT;
                ev.button.which = 1;
                ev.button.x = x;
                ev.button.y = y;
            }
            SDL_PushEvent(&ev);
        }
        ui_app_step(app);
    }
    CHECK_INT(class_tally(c->cs, CLASS_SRC_HANDS, CLASS_ROOM, 2), 1);
    ui_app_free(app);
}

/* Ten minutes of discussion, a paused timer and a blank screen change no
 * score: the same votes give the same scores as a quick class. */
static void test_time_changes_nothing(void)
{
    score_summary quick;
    score_summary slow;
    for (int run = 0; run < 2; run++) {
        ui_app_options o;
        memset(&o, 0, sizeof o);
        ui_app *app = test_app(1024, 768, &o);
        uitest_key(app, SDLK_PAGEDOWN, 0);
        int guard = 0;
        while (uitest_class_phase(app) != CLASS_PHASE_DEBRIEF &&
               guard++ < 300) {
            class_phase ph = uitest_class_phase(app);
            if (run == 1 && ph == CLASS_PHASE_DISCUSS) {
                ui_app_set_clock(app, app->clock + 600000);
                uitest_key(app, SDLK_p, 0); /* pause */
                uitest_key(app, SDLK_b, 0); /* blank */
                CHECK(app->blanked);
                ui_app_set_clock(app, app->clock + 600000);
                uitest_key(app, SDLK_SPACE, 0); /* shows it again */
                CHECK(!app->blanked);
                CHECK(!class_timer_running(app->cls->cs));
                CHECK(class_timer_left_ms(app->cls->cs, ui_class_now(app)) ==
                      0);
            }
            if (ph == CLASS_PHASE_VOTE && app->cls->step == 0) {
                uitest_key(app, SDLK_1, 0);
                uitest_key(app, SDLK_2, 0);
                uitest_key(app, SDLK_2, 0);
            }
            uitest_key(app, SDLK_PAGEDOWN, 0);
        }
        CHECK_INT(uitest_class_phase(app), CLASS_PHASE_DEBRIEF);
        CHECK(class_scores(app->cls->cs, CLASS_ROOM, run ? &slow : &quick));
        ui_app_free(app);
    }
    CHECK_INT(slow.overall, quick.overall);
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        CHECK_INT(slow.dim[d], quick.dim[d]);
    }
}

/* A scripted run (ui_script_class.c) to the debrief; screenshots in dir
 * when given. */
static const char *test_scenario = TEST_SCENARIO;
static const char *test_results;
static bool test_print;

static int test_scripted(const char *script, bool teams, bool board, int w,
                         int h, const char *dir)
{
    const char *paths[] = {test_scenario};
    static const char *const names[] = {"Red", "Blue", "Green"};
    ui_app_options o;
    uitest_scripted_options(&o, w, h, paths, 1, script, dir);
    o.scoreboard = board;
    o.results_dir = test_results;
    o.print_debrief = test_print;
    if (teams) {
        o.teams = names;
        o.team_count = 3;
    }
    return uitest_scripted(&o);
}

/* test_scripted with the scoreboard (uitest_class_run). */
static int test_scripted_board(const void *ctx, const char *script, bool teams,
                               int w, int h, const char *dir)
{
    (void)ctx;
    return test_scripted(script, teams, true, w, h, dir);
}

/* The golden screens: options with letters, the vote entry with hands,
 * the chart revealed, what if, the scoreboard, the debrief. */
#define TEST_GOLDEN_WHOLE "> > > A3 B9 C2 D1 ! > > > w > > "
#define TEST_GOLDEN_TEAMS "> > > t1 A4 B2 t2 B3 t3 A1 C2 ! > > > > "

static void test_saved(void)
{
    char dir[] = "/tmp/rapport-class-ui-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    test_results = dir;
    char *s = uitest_nexts(">", 90);
    CHECK_INT(test_scripted(s, true, false, 1024, 768, NULL), 0);
    free(s);
    test_results = NULL;
    int json = 0;
    int html = 0;
    int xapi = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        json += n > 11 && strcmp(e->d_name + n - 11, ".class.json") == 0;
        html += n > 11 && strcmp(e->d_name + n - 11, ".class.html") == 0;
        xapi += n > 16 && strcmp(e->d_name + n - 16, ".class.xapi.json") == 0;
    }
    if (d) {
        closedir(d);
    }
    CHECK_INT(json, 1);
    CHECK_INT(html, 1);
    CHECK_INT(xapi, 1);
    char cmd[256];
    snprintf(cmd, sizeof cmd,
             "test -z \"$(ls %s/in-progress 2>/dev/null)\" && rm -rf %s", dir,
             dir);
    CHECK_INT(system(cmd), 0);
}

static void test_scripts(void)
{
    /* PageDown only, both modes, a whole class. */
    char *s = uitest_nexts(">", 90);
    CHECK_INT(test_scripted(s, false, false, 1024, 768, NULL), 0);
    CHECK_INT(test_scripted(s, true, true, 1024, 768, NULL), 0);
    free(s);
    /* Bad scripts fail clearly. */
    CHECK_INT(test_scripted("> q", false, false, 1024, 768, NULL), 1);
    CHECK_INT(test_scripted(">", false, false, 1024, 768, NULL), 1);
}

static int test_shots(const char *dir, const char *size)
{
    return uitest_class_shots(dir, size, TEST_GOLDEN_WHOLE, TEST_GOLDEN_TEAMS,
                              test_scripted_board, NULL);
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "shots") == 0) {
        return test_shots(argv[2], argv[3]);
    }
    if ((argc == 5 || argc == 6) && strcmp(argv[1], "debrief") == 0) {
        /* debrief SCENARIO whole|teams SCRIPT [RESULTS]: the class
         * debrief printed as rapport class prints it (teams: Red, Blue,
         * Green). */
        test_scenario = argv[2];
        test_results = argc == 6 ? argv[5] : NULL;
        test_print = true;
        return test_scripted(argv[4], strcmp(argv[3], "teams") == 0, false,
                             1024, 768, getenv("RAPPORT_CLASS_SHOTS"));
    }
    test_contrast();
    test_picker();
    test_hands_and_tie();
    test_pointer(false);
    test_pointer(true);
    test_time_changes_nothing();
    static const int sizes[][2] = {{1024, 768}, {1920, 1080}, {3840, 2160}};
    for (size_t i = 0; i < 3; i++) {
        test_next_back_only(sizes[i][0], sizes[i][1], false);
        test_next_back_only(sizes[i][0], sizes[i][1], true);
    }
    test_scripts();
    test_saved();
    return check_done("test_class_ui");
}
