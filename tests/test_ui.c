/* Tests of the SDL game, headless (SDL dummy video driver, software
 * renderer, virtual clock): text is rasterised once and reused, no text is
 * smaller than 1/40 of the window height at three window sizes, option
 * cards never overlap, patience and pauses follow the clock, blanking, the
 * staged reveal of the customer's words (no options and no clock until it
 * ends), practice and assessment modes, remembered settings, hot reload
 * on every screen (a failed one shows the errors and keeps playing; a
 * good one returns to the same place with the new text), touch, and the
 * portrait's expression. White-box: it reads the app struct through
 * ui_internal.h. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL_ttf.h>

#include "check.h"
#include "score.h"
#include "ui_internal.h"
#include "ui_prefs.h"
#include "uitest.h"

#define TEST_SCENARIO RAPPORT_SCENARIOS "/isp-promo-question.xml"

static const char *test_config_dir;

/* Options every test app starts from; a test may change them (they are
 * reset after each app is made). */
static ui_app_options test_opt;
/* Apps show the options in the scenario's order (so that the tests know
 * which key picks which option) unless a test sets this, or a seed. */
static bool test_random_shuffle;

static ui_app *test_app(int w, int h, const char *const *paths, size_t n)
{
    static ui_app_options opt;
    opt = test_opt;
    memset(&test_opt, 0, sizeof test_opt);
    if (!opt.seed_set && !test_random_shuffle) {
        opt.no_shuffle = true;
    }
    test_random_shuffle = false;
    opt.config_dir = test_config_dir;
    uitest_headless(&opt, w, h, paths, n);
    return uitest_start(&opt);
}

/* Shows the options if the customer's words are still being revealed. */
static void test_show_options(ui_app *app)
{
    if (ui_app_revealing(app)) {
        uitest_key(app, SDLK_SPACE, 0);
    }
    CHECK(!ui_app_revealing(app));
}

/* Chooses option n (1-based) on the current turn. */
static void test_choose(ui_app *app, int n)
{
    test_show_options(app);
    uitest_key(app, SDLK_1 + (n - 1), 0);
}

/* Draws the same state again: nothing new may be rasterised. */
static void test_redraw_is_cached(ui_app *app, const char *what)
{
    ui_app_redraw(app);
    unsigned long before = ui_text_rasterised(app->text);
    for (int i = 0; i < 3; i++) {
        ui_app_redraw(app);
    }
    unsigned long again = ui_text_rasterised(app->text) - before;
    if (again != 0) {
        fprintf(stderr, "%s: %lu strings rasterised again\n", what, again);
    }
    CHECK_INT(again, 0);
    CHECK(ui_text_frame_draws(app->text) > 0);
}

static void test_text_cache(void)
{
    const char *paths[] = {TEST_SCENARIO};
    ui_app *app = test_app(1024, 768, paths, 1);
    struct ui_text *t = ui_app_text(app);
    test_redraw_is_cached(app, "picker");

    CHECK(ui_app_start(app, TEST_SCENARIO));
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    test_redraw_is_cached(app, "turn 1 revealing");
    unsigned long before = ui_text_rasterised(t);
    test_show_options(app);
    unsigned long first = ui_text_rasterised(t) - before;
    CHECK(first > 5); /* the options' frame renders their text */
    test_redraw_is_cached(app, "turn 1");

    /* Within the same second nothing on screen changes. */
    ui_app_set_clock(app, 600);
    ui_app_step(app);
    test_redraw_is_cached(app, "turn 1 later");
    /* A new second renders only the new time and patience strings. */
    before = ui_text_rasterised(t);
    ui_app_set_clock(app, 1600);
    ui_app_redraw(app);
    CHECK(ui_text_rasterised(t) - before <= 2);
    test_redraw_is_cached(app, "turn 1 after a second");

    uitest_key(app, SDLK_1, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    test_redraw_is_cached(app, "feedback");
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(session_turn_count(app->play.s), 1);
    test_redraw_is_cached(app, "turn 2");
    test_show_options(app);
    /* Hover over an option changes the frame, not the text. */
    const ui_hit *card = ui_app_find_hit(app, UI_ACT_CHOOSE, 1);
    CHECK(card != NULL);
    if (card) {
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_MOUSEMOTION;
        ev.motion.x = card->rect.x + card->rect.w / 2;
        ev.motion.y = card->rect.y + card->rect.h / 2;
        SDL_PushEvent(&ev);
        before = ui_text_rasterised(t);
        ui_app_step(app);
        CHECK_INT(ui_text_rasterised(t) - before, 0);
    }
    ui_app_free(app);
}

/* Checks a screen; with RAPPORT_UI_SHOTS=DIR in the environment also
 * saves it there, to look at. */
static void test_sizes_on_screen(ui_app *app, int h, const char *what)
{
    ui_app_redraw(app);
    const char *dir = getenv("RAPPORT_UI_SHOTS");
    if (dir) {
        static int shot;
        char path[512];
        snprintf(path, sizeof path, "%s/%03d-%d-%s.png", dir, shot++,
                 app->lay.w, what);
        CHECK(ui_app_screenshot(app, path));
    }
    CHECK(uitest_text_tall(app, h, 40, what));
    /* Texts lie in the window and do not overlap: on a screen, all of
     * them; with a menu or notice open, those it draws (over the
     * screen's). Cards and buttons lie in the window and do not
     * overlap. */
    uitest_count_frame(uitest_frame_of(app, what), true);
}

static void test_sizes(void)
{
    static const int sizes[][2] = {{1024, 768}, {1920, 1080}, {3840, 2160}};
    const char *paths[] = {TEST_SCENARIO};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int w = sizes[i][0];
        int h = sizes[i][1];
        ui_app *app = test_app(w, h, paths, 1);
        int pw = 0;
        int ph = 0;
        ui_app_size(app, &pw, &ph);
        CHECK_INT(pw, w);
        CHECK_INT(ph, h);
        test_sizes_on_screen(app, h, "picker");
        uitest_key(app, SDLK_ESCAPE, 0);
        test_sizes_on_screen(app, h, "menu");
        uitest_key(app, SDLK_RETURN, 0);
        uitest_key(app, SDLK_RETURN, 0); /* the selected scenario's briefing */
        CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
        test_sizes_on_screen(app, h, "briefing");
        uitest_key(app, SDLK_RETURN, 0); /* start the call */
        CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
        for (int turn = 0; turn < 20 && !session_is_finished(app->play.s);
             turn++) {
            /* Halfway through the reveal, then with the options. */
            CHECK(ui_app_revealing(app));
            ui_app_set_clock(
                app, ui_app_clock_at_turn_ms(app, app->play.reveal_ms / 2));
            test_sizes_on_screen(app, h, "turn-reveal");
            uitest_key(app, SDLK_SPACE, 0);
            test_sizes_on_screen(app, h, "turn");
            uitest_key(app, SDLK_1, 0);
            test_sizes_on_screen(app, h, "feedback");
            uitest_key(app, SDLK_RETURN, 0);
        }
        CHECK_INT(ui_app_screen(app), UI_SCREEN_ENDING);
        test_sizes_on_screen(app, h, "ending");
        uitest_key(app, SDLK_RETURN, 0);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
        test_sizes_on_screen(app, h, "debrief");
        uitest_key(app, SDLK_ESCAPE, 0);
        uitest_key(app, SDLK_DOWN, 0);
        uitest_key(app, SDLK_DOWN, 0);
        uitest_key(app, SDLK_RETURN, 0); /* settings */
        CHECK_INT(app->overlay, UI_OVERLAY_SETTINGS);
        test_sizes_on_screen(app, h, "settings");
        uitest_key(app, SDLK_DOWN, 0);
        uitest_key(app, SDLK_DOWN, 0);
        uitest_key(app, SDLK_DOWN, 0);
        uitest_key(app, SDLK_RETURN, 0); /* high contrast */
        CHECK(app->set.high_contrast);
        test_sizes_on_screen(app, h, "settings-contrast");
        uitest_key(app, SDLK_ESCAPE, 0);
        uitest_key(app, SDLK_ESCAPE, 0);
        test_sizes_on_screen(app, h, "debrief-contrast");
        uitest_key(app, SDLK_r, 0); /* replay */
        CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
        test_show_options(app);
        test_sizes_on_screen(app, h, "turn-contrast");
        uitest_key(app, SDLK_2, 0);
        test_sizes_on_screen(app, h, "feedback-contrast");
        ui_app_free(app);
    }
}

static void test_patience_and_pause(void)
{
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK(ui_app_start(app, TEST_SCENARIO));
    /* A menu stops the turn's clock. */
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK(ui_app_overlay_open(app));
    ui_app_set_clock(app, 100000);
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(ui_app_elapsed_ms(app), 0);
    /* So does a blank screen; any key brings the call back. */
    uitest_key(app, SDLK_b, 0);
    CHECK(app->blanked);
    ui_app_redraw(app);
    CHECK_INT(ui_text_frame_draws(app->text), 0);
    ui_app_set_clock(app, 200000);
    uitest_key(app, SDLK_SPACE, 0);
    CHECK(!app->blanked);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(ui_app_elapsed_ms(app), 0);
    /* The key that brought the call back did not skip the reveal. */
    CHECK(ui_app_revealing(app));
    CHECK_INT(ui_app_turn_ms(app), 0);
    /* F11 toggles desktop fullscreen and back. */
    uitest_key(app, SDLK_F11, 0);
    CHECK(app->set.fullscreen);
    uitest_key(app, SDLK_F11, 0);
    CHECK(!app->set.fullscreen);
    /* The menu restarts the call. */
    test_choose(app, 1);
    CHECK_INT(session_turn_count(app->play.s), 1);
    uitest_key(app, SDLK_ESCAPE, 0);
    uitest_key(app, SDLK_DOWN, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(session_turn_count(app->play.s), 0);
    /* Silence past the customer's patience: the core's timeout. */
    ui_app_set_clock(app, 200000 + 10 * 60 * 1000);
    ui_app_step(app);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK_INT(session_turn_count(app->play.s), 1);
    CHECK_INT(session_turn_at(app->play.s, 0)->choice_index, -1);
    /* Quit from the menu: the last item. */
    uitest_key(app, SDLK_ESCAPE, 0);
    uitest_key(app, SDLK_UP, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(!app->running);
    ui_app_free(app);
}

static char *test_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf) {
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

static void test_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void test_hot_reload(void)
{
    char dir[] = "/tmp/rapport-test-ui-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char path[256];
    snprintf(path, sizeof path, "%s/scenario.xml", dir);
    char *original = test_read(TEST_SCENARIO);
    CHECK(original != NULL);
    if (!original) {
        return;
    }
    test_write(path, original);
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK(ui_app_start(app, path));
    test_choose(app, 1);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(session_turn_count(app->play.s), 1);
    CHECK_CONTAINS(app->play.speech, "It's Gloria");

    /* A broken file: the errors are shown, the call goes on. */
    test_write(path, "<scenario xmlns=\"urn:rapport:scenario:1\">");
    uitest_key(app, SDLK_F5, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_DIAG);
    CHECK_CONTAINS(app->diag_title, "Reload failed");
    CHECK_CONTAINS(app->diag_text, "scenario.xml:");
    CHECK_CONTAINS(app->diag_text, "error:");
    ui_app_redraw(app);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(session_turn_count(app->play.s), 1);
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_CONTAINS(app->play.speech, "It's Gloria");

    /* A good edit: the same turn starts again with the new text. */
    char *edited = malloc(strlen(original) + 64);
    CHECK(edited != NULL);
    if (edited) {
        const char *at = strstr(original, "It's Gloria, Gloria Mensah.");
        CHECK(at != NULL);
        if (at) {
            size_t head = (size_t)(at - original);
            memcpy(edited, original, head);
            strcpy(edited + head, "Gloria here, Gloria Mensah.");
            strcat(edited, at + strlen("It's Gloria, Gloria Mensah."));
            test_write(path, edited);
            ui_app_set_clock(app, 5000);
            uitest_key(app, SDLK_r, KMOD_LCTRL);
            CHECK(!ui_app_overlay_open(app));
            CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
            CHECK_INT(session_turn_count(app->play.s), 1);
            CHECK_CONTAINS(app->play.speech, "Gloria here");
            CHECK_CONTAINS(app->play.note, "Reloaded");
            CHECK_INT(ui_app_elapsed_ms(app), 0);
            CHECK(ui_app_revealing(app)); /* the turn's reveal starts too */
        }
        free(edited);
    }
    ui_app_free(app);
    free(original);
    unlink(path);
    rmdir(dir);
}

static void test_click_hit(ui_app *app, ui_action action, int arg)
{
    const ui_hit *h = ui_app_find_hit(app, action, arg);
    CHECK(h != NULL);
    if (h) {
        uitest_click(app, h->rect.x + h->rect.w / 2, h->rect.y + h->rect.h / 2,
                     0);
    }
}

/* The staged reveal: the customer's words come out word by word; the
 * options are neither drawn nor clickable before the last one; the
 * response time, the timer and patience start when the options appear;
 * number keys first show the options; pauses and blanking freeze it. */
static void test_reveal(void)
{
    ui_app *app = test_app(1024, 768, NULL, 0);
    ui_play *p = &app->play;
    CHECK_INT(ui_app_next_change_ms(app), -1); /* picker: sleep */
    ui_app_set_clock(app, 1000);
    CHECK(ui_app_start(app, TEST_SCENARIO));
    ui_app_redraw(app);
    CHECK(ui_app_revealing(app));
    CHECK(p->word_count > 20);
    CHECK(p->reveal_ms >= UI_REVEAL_MIN_MS &&
          p->reveal_ms <= UI_REVEAL_MAX_MS);
    CHECK_INT(ui_app_words_shown(app), 1);
    CHECK(ui_app_find_hit(app, UI_ACT_CHOOSE, 0) == NULL);
    CHECK(ui_app_find_hit(app, UI_ACT_REVEAL, 0) != NULL);
    /* Animating: the next word is due within a word's time. */
    int wait = ui_app_next_change_ms(app);
    CHECK(wait >= 1 && wait <= UI_REVEAL_WORD_MS);
    int full_patience = (session_patience_ms(p->s) + 999) / 1000;
    uint64_t half_way = p->reveal_ms / 2;
    /* Word by word, with no new text rasterised or cached: the words
     * are cut from the whole line's texture. */
    unsigned long rasterised = ui_text_rasterised(app->text);
    size_t entries = ui_text_entries(app->text);
    size_t last = 1;
    for (uint64_t t = 50; t < p->reveal_ms; t += 50) {
        ui_app_set_clock(app, 1000 + t);
        ui_app_step(app);
        CHECK(ui_app_words_shown(app) >= last);
        last = ui_app_words_shown(app);
        CHECK(ui_app_revealing(app));
    }
    ui_app_set_clock(app, 1000 + p->reveal_ms - 1);
    ui_app_step(app);
    CHECK(ui_app_revealing(app));
    CHECK_INT(ui_app_words_shown(app), p->word_count);
    CHECK_INT(ui_text_rasterised(app->text), rasterised);
    CHECK_INT(ui_text_entries(app->text), entries);

    /* Halfway (the same call again, from its start): about half the
     * words, no options, no clock. */
    ui_app_set_clock(app, 1000);
    CHECK(ui_app_start(app, TEST_SCENARIO));
    ui_app_set_clock(app, 1000 + half_way);
    ui_app_step(app);
    size_t half = ui_app_words_shown(app);
    CHECK(half > p->word_count / 3 && half < p->word_count * 2 / 3);
    CHECK_INT(p->drawn_words, half);
    CHECK(ui_app_find_hit(app, UI_ACT_CHOOSE, 0) == NULL);
    CHECK_INT(ui_app_elapsed_ms(app), 0);
    CHECK_INT(ui_app_patience_s(app), full_patience);

    /* A number key during the reveal shows everything, chooses nothing. */
    uitest_key(app, SDLK_2, 0);
    CHECK(!ui_app_revealing(app));
    CHECK_INT(session_turn_count(p->s), 0);
    CHECK_INT(ui_app_words_shown(app), p->word_count);
    CHECK(ui_app_find_hit(app, UI_ACT_CHOOSE, 1) != NULL);
    CHECK_INT(ui_app_elapsed_ms(app), 0);
    CHECK_INT(ui_app_next_change_ms(app), 1000); /* then once a second */

    /* The response time counts from the options. */
    CHECK_INT(p->reveal_ms, half_way); /* the options appeared then */
    ui_app_set_clock(app, 1000 + half_way + 4200);
    uitest_key(app, SDLK_2, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK_INT(session_turn_at(p->s, 0)->response_ms, 4200);
    CHECK_INT(session_turn_at(p->s, 0)->offered_pos, 2);
    CHECK_INT(ui_app_next_change_ms(app), -1); /* feedback: sleep */

    /* Turn 2: the words run out on their own; the options appear then,
     * not a frame earlier, and a click on a card answers. */
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(ui_app_revealing(app));
    uint64_t start = ui_app_clock_at_turn_ms(app, 0);
    uint64_t reveal = p->reveal_ms;
    /* A pause freezes the reveal: menu, a long wait, resume. */
    ui_app_set_clock(app, start + reveal / 4);
    ui_app_step(app);
    size_t quarter = ui_app_words_shown(app);
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK_INT(ui_app_next_change_ms(app), -1);
    ui_app_set_clock(app, start + 100000);
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK(ui_app_revealing(app));
    CHECK_INT(ui_app_words_shown(app), quarter);
    start = ui_app_clock_at_turn_ms(app, 0);
    /* So does a blank screen; the key that ends it does not skip. */
    uitest_key(app, SDLK_PERIOD, 0);
    CHECK(app->blanked);
    ui_app_set_clock(app, start + 50000);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(!app->blanked);
    CHECK(ui_app_revealing(app));
    CHECK_INT(ui_app_words_shown(app), quarter);
    start = ui_app_clock_at_turn_ms(app, 0);
    ui_app_set_clock(app, start + reveal - 1);
    ui_app_step(app);
    CHECK(ui_app_revealing(app));
    CHECK(ui_app_find_hit(app, UI_ACT_CHOOSE, 0) == NULL);
    ui_app_set_clock(app, start + reveal);
    ui_app_step(app); /* redrawn by itself: the options appeared */
    CHECK(!ui_app_revealing(app));
    CHECK(!p->drawn_revealing);
    CHECK(ui_app_find_hit(app, UI_ACT_CHOOSE, 0) != NULL);
    ui_app_set_clock(app, start + reveal + 3000);
    test_click_hit(app, UI_ACT_CHOOSE, 0);
    CHECK_INT(session_turn_count(p->s), 2);
    CHECK_INT(session_turn_at(p->s, 1)->response_ms, 3000);

    /* Turn 3, a presenter's clicker: PageDown shows the options, then
     * moves the focus to the first card; Enter takes it. */
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(ui_app_revealing(app));
    uitest_key(app, SDLK_PAGEDOWN, 0);
    CHECK(!ui_app_revealing(app));
    CHECK_INT(app->focus, -1);
    uitest_key(app, SDLK_PAGEDOWN, 0);
    CHECK_INT(app->focus, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(session_turn_count(p->s), 3);
    CHECK_INT(session_turn_at(p->s, 2)->offered_pos, 1);

    /* Turn 4: a click on the words shows the options; the timer starts
     * there, and patience only drains after that. */
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(ui_app_revealing(app));
    start = ui_app_clock_at_turn_ms(app, 0);
    ui_app_set_clock(app, start + 100);
    test_click_hit(app, UI_ACT_REVEAL, 0);
    CHECK(!ui_app_revealing(app));
    CHECK_INT(ui_app_elapsed_ms(app), 0);
    CHECK_INT(session_turn_count(p->s), 3);
    ui_app_set_clock(app, start + 100 + 1500);
    ui_app_step(app);
    CHECK_INT(ui_app_elapsed_ms(app), 1500);
    ui_app_free(app);
}

static void test_tap_hit(ui_app *app, ui_action action, int arg)
{
    const ui_hit *h = ui_app_find_hit(app, action, arg);
    CHECK(h != NULL);
    if (h) {
        int x = h->rect.x + h->rect.w / 2;
        int y = h->rect.y + h->rect.h / 2;
        uitest_finger(app, SDL_FINGERDOWN, x, y);
        uitest_finger(app, SDL_FINGERUP, x, y);
    }
}

/* Touch: taps work as clicks on cards and buttons, a drag scrolls the
 * debrief's review, and the mouse events SDL would make up from touches
 * are not taken a second time. */
static void test_touch(void)
{
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK_STR(SDL_GetHint(SDL_HINT_TOUCH_MOUSE_EVENTS), "0");
    ui_play *p = &app->play;
    /* The picker: a tap on the mode switch, a tap on a scenario. */
    test_tap_hit(app, UI_ACT_MODE, UI_MODE_ASSESSMENT);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    test_tap_hit(app, UI_ACT_MODE, UI_MODE_PRACTICE);
    CHECK_INT(app->set.mode, UI_MODE_PRACTICE);
    test_tap_hit(app, UI_ACT_PICK, app->pick_selected);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
    CHECK(p->s == NULL);
    test_tap_hit(app, UI_ACT_START, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_STR(p->sc->id, "isp-promo-question");
    /* A tap during the reveal shows the options and chooses nothing. */
    test_tap_hit(app, UI_ACT_REVEAL, 0);
    CHECK(!ui_app_revealing(app));
    CHECK_INT(session_turn_count(p->s), 0);
    /* A mouse click SDL made up from a touch is ignored. */
    const ui_hit *card = ui_app_find_hit(app, UI_ACT_CHOOSE, 2);
    CHECK(card != NULL);
    if (card) {
        uitest_click(app, card->rect.x + card->rect.w / 2,
                     card->rect.y + card->rect.h / 2, SDL_TOUCH_MOUSEID);
    }
    CHECK_INT(session_turn_count(p->s), 0);
    /* A finger that slides off a card before lifting does not choose. */
    card = ui_app_find_hit(app, UI_ACT_CHOOSE, 2);
    if (card) {
        int x = card->rect.x + card->rect.w / 2;
        int y = card->rect.y + card->rect.h / 2;
        uitest_finger(app, SDL_FINGERDOWN, x, y);
        uitest_finger(app, SDL_FINGERMOTION, x, y - app->lay.h / 5);
        uitest_finger(app, SDL_FINGERUP, x, y - app->lay.h / 5);
    }
    CHECK_INT(session_turn_count(p->s), 0);
    /* Blanked, a tap only brings the call back. */
    card = ui_app_find_hit(app, UI_ACT_CHOOSE, 2);
    SDL_Rect where = card ? card->rect : (SDL_Rect){0, 0, 0, 0};
    uitest_key(app, SDLK_b, 0);
    CHECK(app->blanked);
    uitest_finger(app, SDL_FINGERDOWN, where.x + where.w / 2,
                  where.y + where.h / 2);
    uitest_finger(app, SDL_FINGERUP, where.x + where.w / 2,
                  where.y + where.h / 2);
    CHECK(!app->blanked);
    CHECK_INT(session_turn_count(p->s), 0);
    /* Then taps play the call to the debrief. */
    for (int turn = 0; turn < 20 && ui_app_screen(app) != UI_SCREEN_ENDING;
         turn++) {
        if (ui_app_revealing(app)) {
            test_tap_hit(app, UI_ACT_REVEAL, 0);
        }
        size_t before = session_turn_count(p->s);
        test_tap_hit(app, UI_ACT_CHOOSE, 2);
        CHECK_INT(session_turn_count(p->s), before + 1);
        CHECK_INT(session_turn_at(p->s, before)->offered_pos, 3);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
        test_tap_hit(app, UI_ACT_CONTINUE, 0);
    }
    CHECK_INT(ui_app_screen(app), UI_SCREEN_ENDING);
    test_tap_hit(app, UI_ACT_DEBRIEF, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
    /* A drag up the review scrolls it by as much as the finger moved. */
    ui_scroll *r = &app->scroll[UI_SCROLL_REVIEW];
    CHECK(r->active && r->content > r->view.h);
    CHECK_INT(r->offset, 0);
    int x = r->view.x + r->view.w / 2;
    int y = r->view.y + r->view.h * 3 / 4;
    int dy = r->view.h / 2;
    uitest_finger(app, SDL_FINGERDOWN, x, y);
    uitest_finger(app, SDL_FINGERMOTION, x, y - dy / 2);
    uitest_finger(app, SDL_FINGERMOTION, x, y - dy);
    uitest_finger(app, SDL_FINGERUP, x, y - dy);
    CHECK(r->offset >= dy - 2 && r->offset <= dy + 2);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
    /* And back down. */
    uitest_finger(app, SDL_FINGERDOWN, x, y - dy);
    uitest_finger(app, SDL_FINGERMOTION, x, y);
    uitest_finger(app, SDL_FINGERUP, x, y);
    CHECK(r->offset <= 2);
    test_tap_hit(app, UI_ACT_QUIT, 0);
    CHECK(!app->running);
    ui_app_free(app);
}

static const char test_faces_xml[] =
    "<scenario xmlns=\"urn:rapport:scenario:1\" id=\"faces\" "
    "version=\"1\" difficulty=\"1\">\n"
    "<title>Faces</title>\n"
    "<customer name=\"Face Test\" mood=\"calm\" patience=\"60\"/>\n"
    "<node id=\"a\">\n"
    "<line expression=\"worried\">One two three four five six.</line>\n"
    "<line>Seven eight nine ten eleven twelve.</line>\n"
    "<choice next=\"b\" mood=\"+25\"><say>Fine.</say></choice>\n"
    "</node>\n"
    "<node id=\"b\">\n"
    "<line expression=\"sad\">Thirteen fourteen fifteen.</line>\n"
    "<choice next=\"end\" mood=\"-40\"><say>Bye.</say></choice>\n"
    "</node>\n"
    "<ending id=\"end\" outcome=\"partial\">\n"
    "<line>Hm.</line>\n"
    "<line expression=\"relieved\">Thanks anyway.</line>\n"
    "</ending>\n"
    "</scenario>\n";

/* The portrait's face: the authored expression of the line being
 * revealed (of the last line once all is shown); the mood's where a line
 * has none, and on the feedback screen. */
static void test_expression(void)
{
    char dir[] = "/tmp/rapport-test-faces-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char path[256];
    snprintf(path, sizeof path, "%s/faces.xml", dir);
    test_write(path, test_faces_xml);
    ui_app *app = test_app(1024, 768, NULL, 0);
    ui_play *p = &app->play;
    CHECK(ui_app_start(app, path));
    CHECK_INT(p->word_count, 12);
    CHECK_INT(ui_screen_play_expression(app), SCENARIO_EXPR_WORRIED);
    /* Word 7 opens the second line, which has no expression: calm, from
     * the starting mood. */
    ui_app_set_clock(app, ui_app_clock_at_turn_ms(app, p->reveal_ms / 2 + 1));
    ui_app_step(app);
    CHECK_INT(ui_app_words_shown(app), 7);
    CHECK_INT(ui_screen_play_expression(app), SCENARIO_EXPR_CALM);
    test_show_options(app);
    CHECK_INT(ui_screen_play_expression(app), SCENARIO_EXPR_CALM);
    /* Feedback: the mood after the reply (60 + 25: happy). */
    uitest_key(app, SDLK_1, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK_INT(ui_screen_play_expression(app), SCENARIO_EXPR_HAPPY);
    /* Node b's only line is sad, whatever the mood, all turn long. */
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_screen_play_expression(app), SCENARIO_EXPR_SAD);
    test_show_options(app);
    CHECK_INT(ui_screen_play_expression(app), SCENARIO_EXPR_SAD);
    /* The ending shows its last line's. */
    uitest_key(app, SDLK_1, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_ENDING);
    CHECK_INT(ui_screen_play_expression(app), SCENARIO_EXPR_RELIEVED);
    ui_app_free(app);
    unlink(path);
    rmdir(dir);
}

/* Practice and assessment: the mode sets the feedback's default; the
 * switch on the picker (M, or a click) and --mode / --feedback. */
static void test_mode(void)
{
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->set.mode, UI_MODE_PRACTICE);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_IMMEDIATE);
    test_sizes_on_screen(app, 768, "picker-practice");
    uitest_key(app, SDLK_m, 0);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_WITHHELD);
    test_sizes_on_screen(app, 768, "picker-assessment");
    test_click_hit(app, UI_ACT_MODE, UI_MODE_PRACTICE);
    CHECK_INT(app->set.mode, UI_MODE_PRACTICE);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_IMMEDIATE);
    test_click_hit(app, UI_ACT_MODE, UI_MODE_ASSESSMENT);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    /* An assessment call: no feedback screen; the mode shows. */
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* a clicker starts it */
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(app->play.mode, UI_MODE_ASSESSMENT);
    test_choose(app, 1);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(session_turn_count(app->play.s), 1);
    test_show_options(app);
    test_sizes_on_screen(app, 768, "turn-assessment");
    /* M does nothing during a call. */
    uitest_key(app, SDLK_m, 0);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    /* The settings menu's feedback switch still works mid-call. */
    uitest_key(app, SDLK_ESCAPE, 0);
    uitest_key(app, SDLK_DOWN, 0);
    uitest_key(app, SDLK_DOWN, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_SETTINGS);
    for (int i = 0; i < 4; i++) {
        uitest_key(app, SDLK_DOWN, 0);
    }
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_IMMEDIATE);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    ui_app_free(app);

    /* --mode assessment; --feedback overrides the mode's default. */
    test_opt.mode = UI_MODE_ASSESSMENT;
    test_opt.mode_set = true;
    app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_WITHHELD);
    ui_app_free(app);
    test_opt.mode = UI_MODE_ASSESSMENT;
    test_opt.mode_set = true;
    test_opt.feedback = UI_FEEDBACK_IMMEDIATE;
    test_opt.feedback_set = true;
    app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_IMMEDIATE);
    ui_app_free(app);
}

static char *test_prefs_text(const char *dir)
{
    char path[400];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    return test_read(path);
}

static void test_prefs_write(const char *dir, const char *text)
{
    char path[400];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    test_write(path, text);
}

/* Shuffled options: on by default (a seed drawn for each call), a
 * setting that is remembered; with a seed, the order the core draws, and
 * keys pick the option shown at that place. */
static void test_shuffle(void)
{
    char dir[] = "/tmp/rapport-test-shuffle-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    const char *saved_config = test_config_dir;
    test_config_dir = dir;
    const char *path = RAPPORT_TEST_DATA "/shuffle.xml";
    test_random_shuffle = true;
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK(app->set.shuffle);
    CHECK(ui_app_start(app, path));
    CHECK(session_options_of(app->play.s)->shuffle);
    ui_app_do(app, UI_ACT_SHUFFLE, 0);
    CHECK(!app->set.shuffle);
    ui_app_free(app);
    char *text = test_prefs_text(dir);
    CHECK_CONTAINS(text, "\"shuffle\":\tfalse");
    free(text);
    test_random_shuffle = true;
    app = test_app(1024, 768, NULL, 0);
    CHECK(!app->set.shuffle);
    CHECK(ui_app_start(app, path));
    CHECK(!session_options_of(app->play.s)->shuffle);
    CHECK_INT(session_offered_index(app->play.s, 0), 0);
    ui_app_free(app);

    /* a seed: the core's order for it, key 1 picks what is shown first */
    session_options so = {.shuffle = true, .seed = 2};
    scenario *sc = scenario_load_file(path, NULL);
    session *s = session_new(sc, &so);
    test_opt.seed_set = true;
    test_opt.seed = 2;
    app = test_app(1024, 768, NULL, 0);
    CHECK(ui_app_start(app, path));
    for (size_t i = 0; i < session_offered_count(s); i++) {
        CHECK_INT(session_offered_index(app->play.s, i),
                  session_offered_index(s, i));
    }
    test_choose(app, 1);
    CHECK_INT(session_turn_at(app->play.s, 0)->choice_index,
              session_offered_index(s, 0));
    CHECK_INT(session_turn_at(app->play.s, 0)->offered_pos, 1);
    ui_app_free(app);
    session_free(s);
    scenario_free(sc);
    test_config_dir = saved_config;
    char file[400];
    snprintf(file, sizeof file, "%s/settings.json", dir);
    unlink(file);
    rmdir(dir);
}

/* The debrief a `rapport run --choices best|worst` prints. */
static debrief *test_run_debrief(const scenario *sc, bool worst)
{
    session *s = session_new(sc, NULL);
    for (int turn = 0; turn < 100 && !session_is_finished(s); turn++) {
        session_choose(s, score_pick(s, worst), session_target_ms(s));
    }
    debrief *d = debrief_new(s);
    session_free(s);
    return d;
}

/* The game and `rapport run` agree on every sentence of the debrief, for
 * every shipped scenario's best and worst play; and a best play never
 * shows an objective as missed. */
static void test_debrief_agrees(void)
{
    DIR *dir = opendir(RAPPORT_SCENARIOS);
    CHECK(dir != NULL);
    const struct dirent *e;
    int played = 0;
    while (dir && (e = readdir(dir)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0) {
            continue;
        }
        char path[600];
        snprintf(path, sizeof path, "%s/%s", RAPPORT_SCENARIOS, e->d_name);
        for (int worst = 0; worst < 2; worst++) {
            ui_app *app = test_app(1024, 768, NULL, 0);
            CHECK(ui_app_start(app, path));
            for (int step = 0;
                 step < 200 && ui_app_screen(app) != UI_SCREEN_DEBRIEF;
                 step++) {
                if (ui_app_screen(app) == UI_SCREEN_PLAY) {
                    test_show_options(app);
                    test_choose(app, (int)score_pick(app->play.s, worst) + 1);
                } else {
                    uitest_key(app, SDLK_RETURN, 0);
                }
            }
            CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
            const debrief *game = app->play.d;
            debrief *run = test_run_debrief(app->play.sc, worst);
            if (!game || !run) {
                CHECK(!"no debrief");
                debrief_free(run);
                ui_app_free(app);
                continue;
            }
            played++;
            CHECK_STR(game->verdict, run->verdict);
            CHECK_STR(game->practise_text, run->practise_text);
            CHECK_STR(app->play.practise, run->practise_text);
            CHECK_INT(game->summary.overall, run->summary.overall);
            CHECK_INT(game->summary.passed, run->summary.passed);
            CHECK_INT(game->outcome, run->outcome);
            CHECK_INT(game->practise, run->practise);
            CHECK_INT(game->practise_turn, run->practise_turn);
            CHECK_INT(game->strength_count, run->strength_count);
            CHECK_INT(game->critical_count, run->critical_count);
            CHECK_INT(game->objective_count, run->objective_count);
            for (size_t i = 0;
                 i < run->objective_count && i < game->objective_count; i++) {
                const char *want = run->objectives[i].text;
                if (want) {
                    CHECK_STR(game->objectives[i].text, want);
                    CHECK_CONTAINS(app->play.objectives, want);
                }
                if (!worst) {
                    CHECK(run->objectives[i].status !=
                          DEBRIEF_OBJECTIVE_MISSED);
                }
            }
            if (!worst) {
                CHECK(run->summary.passed);
                CHECK_STR(run->verdict, "passed (pass mark 70)");
            }
            debrief_free(run);
            ui_app_free(app);
        }
    }
    if (dir) {
        closedir(dir);
    }
    CHECK(played >= 28);
}

/* Remembered settings: read at start, command-line options win for the
 * run without being saved, changes are saved, a bad file is ignored. */
static void test_prefs(void)
{
    char dir[] = "/tmp/rapport-test-settings-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    test_config_dir = dir;
    test_prefs_write(dir, "{\"trainee\": \"Ana Lima\", \"text_scale\": 1.2, "
                          "\"high_contrast\": true, \"mode\": \"assessment\", "
                          "\"relaxed\": true, \"fullscreen\": true, "
                          "\"future_key\": 42}\n");
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK_STR(app->trainee, "Ana Lima");
    CHECK(app->set.text_scale > 1.19 && app->set.text_scale < 1.21);
    CHECK(app->set.high_contrast);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_WITHHELD);
    CHECK(app->set.relaxed);
    CHECK(app->set.fullscreen);
    CHECK(SDL_GetWindowFlags(app->window) & SDL_WINDOW_FULLSCREEN_DESKTOP);
    CHECK(ui_app_start(app, TEST_SCENARIO));
    CHECK(app->play.relaxed);
    CHECK_INT(app->play.mode, UI_MODE_ASSESSMENT);
    /* A change in the settings menu is saved, other keys kept. */
    ui_app_do(app, UI_ACT_FEEDBACK_MODE, 0);
    ui_app_free(app);
    char *text = test_prefs_text(dir);
    CHECK_CONTAINS(text, "\"feedback\":\t\"immediate\"");
    CHECK_CONTAINS(text, "\"future_key\":\t42");
    CHECK_CONTAINS(text, "\"mode\":\t\"assessment\"");
    free(text);
    app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_IMMEDIATE);
    ui_app_free(app);

    /* Options override for the run and are not saved. */
    test_prefs_write(dir, "{\"high_contrast\": false, \"relaxed\": false, "
                          "\"mode\": \"practice\", \"text_scale\": 1.0}");
    test_opt.high_contrast = true;
    test_opt.relaxed = true;
    test_opt.mode = UI_MODE_ASSESSMENT;
    test_opt.mode_set = true;
    test_opt.text_scale = 1.3;
    app = test_app(1024, 768, NULL, 0);
    CHECK(app->set.high_contrast);
    CHECK(app->set.relaxed);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    CHECK(app->set.text_scale > 1.29 && app->set.text_scale < 1.31);
    ui_app_do(app, UI_ACT_TEXT_SMALLER, 0); /* saves the text size only */
    ui_app_free(app);
    text = test_prefs_text(dir);
    CHECK_CONTAINS(text, "\"text_scale\":\t1.2");
    CHECK_CONTAINS(text, "\"high_contrast\":\tfalse");
    CHECK_CONTAINS(text, "\"relaxed\":\tfalse");
    CHECK_CONTAINS(text, "\"mode\":\t\"practice\"");
    free(text);

    /* The picker's mode switch and F11 are remembered. */
    app = test_app(1024, 768, NULL, 0);
    CHECK(!app->set.high_contrast);
    uitest_key(app, SDLK_m, 0);
    uitest_key(app, SDLK_F11, 0);
    ui_app_free(app);
    app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->set.mode, UI_MODE_ASSESSMENT);
    CHECK_INT(app->set.feedback, UI_FEEDBACK_WITHHELD);
    CHECK(app->set.fullscreen);
    ui_app_free(app);

    /* A corrupt file is ignored with a warning, never fatal. */
    static const char *const corrupt[] = {
        "{\"mode\": \"assessment\", \"high_contrast\": tru", "[1, 2, 3]", "",
        "\x89PNG\r\n\x1a\n"};
    for (size_t i = 0; i < sizeof corrupt / sizeof corrupt[0]; i++) {
        test_prefs_write(dir, corrupt[i]);
        ui_prefs pr;
        char warn[512];
        CHECK_INT(ui_prefs_load(dir, &pr, warn, sizeof warn),
                  UI_PREFS_IGNORED);
        CHECK_CONTAINS(warn, "settings.json");
        CHECK_CONTAINS(warn, "ignored");
        CHECK_INT(pr.have, 0);
        app = test_app(1024, 768, NULL, 0);
        CHECK_INT(app->set.mode, UI_MODE_PRACTICE);
        CHECK_INT(app->set.feedback, UI_FEEDBACK_IMMEDIATE);
        CHECK(!app->set.high_contrast);
        CHECK(app->set.text_scale > 0.99 && app->set.text_scale < 1.01);
        CHECK_STR(app->trainee, "");
        ui_app_free(app);
    }
    /* Saving over a corrupt file writes a good one. */
    app = test_app(1024, 768, NULL, 0);
    ui_app_do(app, UI_ACT_CONTRAST, 0);
    ui_app_free(app);
    ui_prefs pr;
    char warn[512];
    CHECK_INT(ui_prefs_load(dir, &pr, warn, sizeof warn), UI_PREFS_LOADED);
    CHECK(pr.high_contrast);
    /* Wrong types and values are skipped one by one, with a warning. */
    test_prefs_write(dir, "{\"text_scale\": \"big\", \"relaxed\": true, "
                          "\"mode\": \"exam\", \"high_contrast\": 1, "
                          "\"trainee\": 7, \"fullscreen\": false}");
    CHECK_INT(ui_prefs_load(dir, &pr, warn, sizeof warn), UI_PREFS_LOADED);
    CHECK_CONTAINS(warn, "'text_scale'");
    CHECK_CONTAINS(warn, "'mode'");
    CHECK_CONTAINS(warn, "'high_contrast'");
    CHECK_CONTAINS(warn, "'trainee'");
    CHECK_INT(pr.have, UI_PREFS_RELAXED | UI_PREFS_FULLSCREEN);
    CHECK(pr.relaxed);
    app = test_app(1024, 768, NULL, 0);
    CHECK(app->set.relaxed);
    CHECK_INT(app->set.mode, UI_MODE_PRACTICE);
    ui_app_free(app);
    /* A name longer than kept is cut between characters. */
    char long_name[200] = "{\"trainee\": \"";
    for (int i = 0; i < 40; i++) {
        strcat(long_name, "\xC3\xA9"); /* é, two bytes */
    }
    strcat(long_name, "\"}");
    test_prefs_write(dir, long_name);
    CHECK_INT(ui_prefs_load(dir, &pr, warn, sizeof warn), UI_PREFS_LOADED);
    CHECK_INT(strlen(pr.trainee), UI_PREFS_NAME_MAX);
    test_config_dir = NULL;

    char path[400];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    unlink(path);
    rmdir(dir);
}

/* Replaces the first `from` in the file with `to`. */
static bool test_edit(const char *path, const char *from, const char *to)
{
    char *text = test_read(path);
    const char *at = text ? strstr(text, from) : NULL;
    if (!at) {
        free(text);
        return false;
    }
    size_t head = (size_t)(at - text);
    char *out = malloc(strlen(text) + strlen(to) + 1);
    if (!out) {
        free(text);
        return false;
    }
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    test_write(path, out);
    free(out);
    free(text);
    return true;
}

/* F5 on the feedback, the ending, the debrief and the pause menu; an edit
 * that changes where the replies lead; F5 on the picker. */
static void test_reload_screens(void)
{
    char dir[] = "/tmp/rapport-test-reload-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char path[256];
    snprintf(path, sizeof path, "%s/scenario.xml", dir);
    char *original = test_read(TEST_SCENARIO);
    CHECK(original != NULL);
    if (!original) {
        return;
    }
    test_write(path, original);
    ui_app *app = test_app(1024, 768, NULL, 0);
    ui_play *p = &app->play;
    CHECK(ui_app_start(app, path));
    test_choose(app, 1);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);

    /* Feedback: a broken file shows its errors, the feedback stays. */
    test_write(path, "<scenario xmlns=\"urn:rapport:scenario:1\">");
    uitest_key(app, SDLK_F5, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_DIAG);
    CHECK_CONTAINS(app->diag_title, "Reload failed");
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK_INT(session_turn_count(p->s), 1);
    CHECK_CONTAINS(p->sc->nodes[0].choices[0].feedback, "you haven't greeted");
    /* Fixed and edited: F5 straight from the errors; same feedback screen,
     * new words. */
    test_write(path, original);
    CHECK(test_edit(path, "you haven't greeted a loyal customer",
                    "you skipped the greeting"));
    uitest_key(app, SDLK_F5, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK_INT(session_turn_count(p->s), 1);
    CHECK_CONTAINS(p->sc->nodes[0].choices[0].feedback,
                   "you skipped the greeting");
    CHECK_CONTAINS(p->note, "Reloaded");
    test_sizes_on_screen(app, 768, "feedback-reloaded");

    /* The pause menu: F5 closes it and reloads. */
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK(ui_app_overlay_open(app));
    CHECK(test_edit(path, "you skipped the greeting", "you said no hello"));
    uitest_key(app, SDLK_r, KMOD_LCTRL);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK_CONTAINS(p->sc->nodes[0].choices[0].feedback, "you said no hello");

    /* Play to the ending; F5 there keeps the ending, new words. */
    uitest_key(app, SDLK_RETURN, 0);
    for (int turn = 0; turn < 20 && ui_app_screen(app) == UI_SCREEN_PLAY;
         turn++) {
        test_choose(app, 1);
        uitest_key(app, SDLK_RETURN, 0);
    }
    CHECK_INT(ui_app_screen(app), UI_SCREEN_ENDING);
    size_t turns = session_turn_count(p->s);
    const scenario_node *end = session_ending(p->s);
    CHECK(end != NULL && end->line_count > 0);
    char *last = end ? strdup(end->lines[0].text) : NULL;
    CHECK(last != NULL);
    if (last) {
        char from[40];
        snprintf(from, sizeof from, "%.30s", last);
        CHECK(test_edit(path, from, "EDITED"));
        uitest_key(app, SDLK_F5, 0);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_ENDING);
        CHECK_INT(session_turn_count(p->s), turns);
        CHECK_CONTAINS(p->speech, "EDITED");
        CHECK_CONTAINS(p->note, "ending");
        test_sizes_on_screen(app, 768, "ending-reloaded");
    }
    free(last);

    /* The debrief is made again from the new version. */
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
    CHECK(test_edit(path, "you said no hello", "REVIEWED"));
    uitest_key(app, SDLK_F5, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
    CHECK(p->d != NULL);
    CHECK_INT(session_turn_count(p->s), turns);
    CHECK_CONTAINS(p->review[3], "REVIEWED");
    CHECK_CONTAINS(p->note, "debrief");
    test_sizes_on_screen(app, 768, "debrief-reloaded");
    /* A broken file on the debrief: errors, and the debrief stays. */
    test_write(path, "not xml");
    uitest_key(app, SDLK_F5, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_DIAG);
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
    CHECK(p->d != NULL);

    /* An edit that sends the first reply elsewhere: the call starts
     * again from the top. */
    test_write(path, original);
    CHECK(test_edit(path, "<choice next=\"needs\" empathy=\"-3\"",
                    "<choice next=\"explain\" empathy=\"-3\""));
    uitest_key(app, SDLK_F5, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(session_turn_count(p->s), 0);
    CHECK_CONTAINS(p->note, "starts again");
    ui_app_free(app);

    /* The picker: F5 reads the folder again. */
    const char *paths[] = {dir};
    app = test_app(1024, 768, paths, 1);
    size_t before = app->pick_count;
    int selected = app->pick_selected;
    char *selected_path = strdup(app->picks[selected].path);
    char second[300];
    snprintf(second, sizeof second, "%s/another.xml", dir);
    test_write(second, "<broken");
    uitest_key(app, SDLK_F5, 0);
    CHECK_INT(app->pick_count, before + 1);
    CHECK_STR(app->picks[app->pick_selected].path, selected_path);
    bool found = false;
    for (size_t i = 0; i < app->pick_count; i++) {
        if (strcmp(app->picks[i].path, second) == 0) {
            found = true;
            CHECK(!app->picks[i].valid);
        }
    }
    CHECK(found);
    free(selected_path);
    ui_app_free(app);

    free(original);
    unlink(second);
    unlink(path);
    rmdir(dir);
}

/* Large text on a 4:3 screen: the options scroll, by wheel and by
 * keyboard focus, and stay choosable. */
static void test_scrolling(void)
{
    ui_app *app = test_app(1024, 768, NULL, 0);
    for (int i = 0; i < 5; i++) {
        ui_app_do(app, UI_ACT_TEXT_LARGER, 0);
    }
    CHECK(app->set.text_scale > 1.4);
    CHECK(ui_app_start(app, TEST_SCENARIO));
    for (int turn = 0; turn < 2; turn++) {
        test_choose(app, 1);
        uitest_key(app, SDLK_RETURN, 0);
    }
    test_show_options(app);
    ui_app_redraw(app);
    ui_scroll *s = &app->scroll[UI_SCROLL_OPTIONS];
    CHECK(s->active);
    CHECK(s->content > s->view.h);
    CHECK_INT(s->offset, 0);
    test_sizes_on_screen(app, 768, "turn-large-text");

    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEWHEEL;
    ev.wheel.y = -1;
    ev.wheel.mouseX = s->view.x + s->view.w / 2;
    ev.wheel.mouseY = s->view.y + s->view.h / 2;
    SDL_PushEvent(&ev);
    ui_app_step(app);
    CHECK(s->offset > 0);

    /* Down four times: the last card is focused and scrolled into view. */
    for (int i = 0; i < 4; i++) {
        uitest_key(app, SDLK_DOWN, 0);
    }
    CHECK_INT(app->focus, 3);
    const ui_hit *h = ui_app_find_hit(app, UI_ACT_CHOOSE, 3);
    CHECK(h != NULL);
    if (h) {
        CHECK(h->rect.y + h->rect.h <= s->view.y + s->view.h);
        CHECK(h->rect.h > app->lay.px_min * 2);
    }
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK_INT(session_turn_at(app->play.s, 2)->offered_pos, 4);
    ui_app_free(app);
}

/* Nine options, the most a turn may have, at every window size down to
 * the smallest the window allows: short ones are all whole inside the
 * window, none overlapping, keys 1-9 and the arrows reach each, and the
 * clock runs. Long ones scroll under a notice, and the clock waits until
 * each has been in view; the arrows bring each into view. */
static void test_nine_options(void)
{
    static const int sizes[][2] = {
        {1024, 768}, {1920, 1080}, {3840, 2160}, {320, 240}};
    const char *short_path = RAPPORT_TEST_DATA "/nine-short-options.xml";
    const char *long_path = RAPPORT_TEST_DATA "/nine-options.xml";
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        int w = sizes[z][0];
        int h = sizes[z][1];
        const char *paths[] = {short_path};
        ui_app *app = test_app(w, h, paths, 1);
        CHECK(ui_app_start(app, short_path));
        test_show_options(app);
        ui_app_redraw(app);
        CHECK_INT(session_offered_count(app->play.s), 9);
        SDL_Rect window = {0, 0, w, h};
        SDL_Rect cards[9];
        for (int i = 0; i < 9; i++) {
            const ui_hit *hit = ui_app_find_hit(app, UI_ACT_CHOOSE, i);
            CHECK(hit != NULL);
            cards[i] = hit ? hit->rect : (SDL_Rect){0, 0, 0, 0};
            if (!ui_layout_inside(cards[i], window) ||
                !ui_layout_inside(cards[i],
                                  app->scroll[UI_SCROLL_OPTIONS].view)) {
                fprintf(stderr, "%dx%d: card %d (%d,%d %dx%d) not whole\n", w,
                        h, i + 1, cards[i].x, cards[i].y, cards[i].w,
                        cards[i].h);
                CHECK(!"card whole in the window");
            }
            /* A card holds at least its badge and a line of text. */
            CHECK(cards[i].h >= 2 * app->lay.px_min);
            for (int j = 0; j < i; j++) {
                if (SDL_HasIntersection(&cards[i], &cards[j])) {
                    fprintf(stderr, "%dx%d: cards %d and %d overlap\n", w, h,
                            j + 1, i + 1);
                    CHECK(!"cards apart");
                }
            }
        }
        CHECK(!turn_clock_held(&app->play.clock));
        test_sizes_on_screen(app, h, "nine-short");
        /* The clock runs. */
        ui_app_set_clock(app, app->clock + 3000);
        ui_app_step(app);
        CHECK(ui_app_elapsed_ms(app) >= 3000);
        /* Down nine times: each card focused in turn, the ninth last. */
        for (int i = 0; i < 9; i++) {
            uitest_key(app, SDLK_DOWN, 0);
            CHECK_INT(app->focus, i);
        }
        uitest_key(app, SDLK_9, 0);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
        CHECK_INT(session_turn_at(app->play.s, 0)->offered_pos, 9);
        ui_app_free(app);

        /* Long options. */
        paths[0] = long_path;
        app = test_app(w, h, paths, 1);
        CHECK(ui_app_start(app, long_path));
        test_show_options(app);
        ui_app_redraw(app);
        ui_scroll *s = &app->scroll[UI_SCROLL_OPTIONS];
        CHECK(s->active && s->content > s->view.h);
        CHECK(ui_layout_inside(s->view, window));
        CHECK(turn_clock_holds(&app->play.clock) & TURN_CLOCK_OUT_OF_VIEW);
        test_sizes_on_screen(app, h, "nine-long");
        /* A minute passes: no time counted, no patience lost. */
        int patience = ui_app_patience_s(app);
        ui_app_set_clock(app, app->clock + 60000);
        ui_app_step(app);
        CHECK_INT(ui_app_elapsed_ms(app), 0);
        CHECK_INT(ui_app_patience_s(app), patience);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
        /* Each card comes into view as the arrows reach it. */
        for (int i = 0; i < 9; i++) {
            uitest_key(app, SDLK_DOWN, 0);
            CHECK_INT(app->focus, i);
            const ui_hit *hit = ui_app_find_hit(app, UI_ACT_CHOOSE, i);
            CHECK(hit != NULL);
            if (hit) {
                CHECK(hit->rect.h > 0);
                CHECK(ui_layout_inside(hit->rect, s->view));
            }
        }
        CHECK(s->offset > 0);
        /* All seen: the clock runs, back at the top too. */
        CHECK(!turn_clock_held(&app->play.clock));
        uitest_key(app, SDLK_HOME, 0);
        s->offset = 0;
        app->dirty = true;
        ui_app_set_clock(app, app->clock + 2500);
        ui_app_step(app);
        CHECK(!turn_clock_held(&app->play.clock));
        CHECK_INT(ui_app_elapsed_ms(app), 2500);
        /* Option 9 by its key, from anywhere. */
        uitest_key(app, SDLK_9, 0);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
        CHECK_INT(session_turn_at(app->play.s, 0)->offered_pos, 9);
        CHECK_INT(session_turn_at(app->play.s, 0)->response_ms, 2500);
        ui_app_free(app);
    }
    /* A window wide enough for the long ones: all in view in two
     * columns, the clock runs. */
    const char *paths[] = {long_path};
    ui_app *app = test_app(3840, 1080, paths, 1);
    CHECK(ui_app_start(app, long_path));
    test_show_options(app);
    ui_app_redraw(app);
    CHECK(!turn_clock_held(&app->play.clock));
    ui_app_free(app);
}

/* The trainee's name: typed on the picker (UTF-8), remembered. */
static void test_trainee_name(void)
{
    char dir[] = "/tmp/rapport-test-prefs-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char sub[300];
    snprintf(sub, sizeof sub, "%s/config/rapport", dir);
    test_config_dir = sub;
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK_STR(app->trainee, "");
    uitest_key(app, SDLK_TAB, 0);
    CHECK(app->editing_name);
    uitest_text(app, "Zo\xC3\xAB ");
    uitest_text(app, "\xD0\x97\xCE\xA9"); /* Cyrillic Ze, Greek Omega */
    uitest_key(app, SDLK_b, 0);           /* typing, not blanking */
    CHECK(!app->blanked);
    uitest_key(app, SDLK_BACKSPACE, 0);
    CHECK_STR(app->trainee, "Zo\xC3\xAB \xD0\x97");
    test_sizes_on_screen(app, 768, "picker-name");
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(!app->editing_name);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    ui_app_free(app);

    ui_prefs pr;
    char warn[256];
    CHECK_INT(ui_prefs_load(sub, &pr, warn, sizeof warn), UI_PREFS_LOADED);
    CHECK_STR(warn, "");
    CHECK(pr.have & UI_PREFS_TRAINEE);
    CHECK_STR(pr.trainee, "Zo\xC3\xAB \xD0\x97");
    app = test_app(1024, 768, NULL, 0);
    CHECK_STR(app->trainee, "Zo\xC3\xAB \xD0\x97");
    ui_app_free(app);
    test_config_dir = NULL;

    char path[400];
    snprintf(path, sizeof path, "%s/settings.json", sub);
    unlink(path);
    rmdir(sub);
    snprintf(path, sizeof path, "%s/config", dir);
    rmdir(path);
    rmdir(dir);
}

/* The bundled font covers accented Latin, Cyrillic and Greek. */
static void test_font_coverage(void)
{
    CHECK_INT(TTF_Init(), 0);
    TTF_Font *f =
        TTF_OpenFont(RAPPORT_ASSETS "/fonts/NotoSans-Regular.ttf", 20);
    CHECK(f != NULL);
    static const Uint32 cps[] = {0x00E9, 0x00F1, 0x00DF, 0x0142, 0x0151,
                                 0x0416, 0x044F, 0x0451, 0x03A9, 0x03AD,
                                 0x03C2, 0x20AC, 0x00A3, 0x2026, 0x2013};
    for (size_t i = 0; f && i < sizeof cps / sizeof cps[0]; i++) {
        if (!TTF_GlyphIsProvided32(f, cps[i])) {
            fprintf(stderr, "no glyph for U+%04X\n", (unsigned)cps[i]);
            CHECK(!"glyph missing");
        }
    }
    if (f) {
        TTF_CloseFont(f);
    }
    TTF_Quit();
}

/* Scripts on screen: every screen of the script scenarios (Arabic and
 * Hebrew right to left, Japanese, emoji and symbols with Devanagari, Thai
 * and Korean) at three sizes fits the window without overlaps, and every
 * glyph drawn comes from a font that has it: fallbacks are used, and no
 * .notdef box is drawn. A private-use character, which no font has, is
 * counted, so the count can fail. */
static void test_scripts(void)
{
    static const char *const names[] = {"arabic", "hebrew", "japanese",
                                        "symbols"};
    static const int sizes[][2] = {{1024, 768}, {1920, 1080}, {3840, 2160}};
    for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
        char path[512];
        snprintf(path, sizeof path, "%s/scripts/%s.xml", RAPPORT_TEST_DATA,
                 names[n]);
        const char *paths[] = {path};
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            int h = sizes[i][1];
            ui_app *app = test_app(sizes[i][0], h, paths, 1);
            char what[64];
            snprintf(what, sizeof what, "%s-briefing", names[n]);
            uitest_key(app, SDLK_RETURN, 0);
            CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
            test_sizes_on_screen(app, h, what);
            uitest_key(app, SDLK_RETURN, 0);
            CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
            for (int turn = 0; turn < 5 && !session_is_finished(app->play.s);
                 turn++) {
                ui_app_set_clock(app, ui_app_clock_at_turn_ms(
                                          app, app->play.reveal_ms / 2));
                snprintf(what, sizeof what, "%s-turn-reveal", names[n]);
                test_sizes_on_screen(app, h, what);
                uitest_key(app, SDLK_SPACE, 0);
                snprintf(what, sizeof what, "%s-turn", names[n]);
                test_sizes_on_screen(app, h, what);
                uitest_key(app, SDLK_1, 0);
                snprintf(what, sizeof what, "%s-feedback", names[n]);
                test_sizes_on_screen(app, h, what);
                uitest_key(app, SDLK_RETURN, 0);
            }
            CHECK_INT(ui_app_screen(app), UI_SCREEN_ENDING);
            snprintf(what, sizeof what, "%s-ending", names[n]);
            test_sizes_on_screen(app, h, what);
            uitest_key(app, SDLK_RETURN, 0);
            CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
            snprintf(what, sizeof what, "%s-debrief", names[n]);
            test_sizes_on_screen(app, h, what);
            ui_text_glyphs g = ui_text_glyph_stats(app->text);
            if (g.notdef != 0 || g.fallback_runs == 0) {
                fprintf(stderr,
                        "%s at %d: %lu runs, %lu fallback, %lu .notdef\n",
                        names[n], h, g.runs, g.fallback_runs, g.notdef);
            }
            CHECK(g.runs > 0);
            CHECK(g.fallback_runs > 0);
            CHECK_INT(g.notdef, 0);
            /* U+E000 (private use): no font has it. */
            ui_text_style st = ui_widget_style(app, app->lay.px_body, false,
                                               app->theme->text);
            CHECK(ui_text_draw(app->text,
                               "a\xEE\x80\x80"
                               "b",
                               &st, 0, 0, NULL));
            CHECK_INT(ui_text_glyph_stats(app->text).notdef, 1);
            ui_app_free(app);
        }
    }
}

/* ---- results, journals and the notices ---------------------------------- */

#define TEST_WALL_MS 1700000000000LL

static char *test_tmpdir(const char *tag)
{
    char dir[128];
    snprintf(dir, sizeof dir, "/tmp/rapport-test-%s-XXXXXX", tag);
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        exit(1);
    }
    return strdup(dir);
}

static void test_rm_rf(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
}

static char *test_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *out = malloc(n);
    snprintf(out, n, "%s/%s", dir, name);
    return out;
}

/* Journals in RESULTS/in-progress; *first gets the first one's path. */
static size_t test_journals(const char *results, char **first)
{
    char **list = journal_list(results, NULL);
    size_t n = 0;
    while (list && list[n]) {
        n++;
    }
    if (first) {
        *first = n ? strdup(list[0]) : NULL;
    }
    journal_list_free(list);
    return n;
}

static int test_lines(const char *path)
{
    char *text = path ? test_read(path) : NULL;
    int n = 0;
    for (const char *c = text; c && *c; c++) {
        n += *c == '\n';
    }
    free(text);
    return n;
}

/* Lines of the only journal in results (-1 when not exactly one). */
static int test_journal_lines(const char *results)
{
    char *path = NULL;
    size_t n = test_journals(results, &path);
    int lines = n == 1 ? test_lines(path) : -1;
    free(path);
    return lines;
}

/* The records (*.json but not *.xapi.json) in dir; *last gets one. */
static size_t test_records(const char *dir, char **one)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd,
             "ls '%s'/*.json 2>/dev/null | grep -v '\\.xapi\\.json$'", dir);
    FILE *f = popen(cmd, "r");
    size_t n = 0;
    char line[1024];
    if (one) {
        *one = NULL;
    }
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (one && !*one) {
            *one = strdup(line);
        }
        n++;
    }
    if (f) {
        pclose(f);
    }
    return n;
}

/* Plays the call on with option 1 (Enter past feedback) to its ending. */
static void test_play_on(ui_app *app)
{
    for (int turn = 0; turn < 30 && (ui_app_screen(app) == UI_SCREEN_PLAY ||
                                     ui_app_screen(app) == UI_SCREEN_FEEDBACK);
         turn++) {
        if (ui_app_overlay_open(app)) {
            return;
        }
        if (ui_app_screen(app) == UI_SCREEN_PLAY) {
            test_choose(app, 1);
        } else {
            uitest_key(app, SDLK_RETURN, 0);
        }
    }
}

/* Types a long text in pieces (text input events hold 32 bytes). */
static void test_type_long(ui_app *app, const char *text)
{
    char piece[20];
    for (size_t at = 0; at < strlen(text); at += sizeof piece - 1) {
        snprintf(piece, sizeof piece, "%s", text + at);
        uitest_text(app, piece);
    }
}

/* The briefing, and a call saved: journal opened at the start, a line per
 * reply, the three files once it ends (same as rapport run saves), the
 * journal gone, the debrief saying where; replay, then quit mid-call. */
static void test_results_save(void)
{
    char *dir = test_tmpdir("results");
    test_opt.results_dir = dir;
    test_opt.wall_start_ms = TEST_WALL_MS;
    const char *paths[] = {TEST_SCENARIO};
    ui_app *app = test_app(1024, 768, paths, 1);
    ui_play *p = &app->play;
    CHECK(!ui_app_overlay_open(app)); /* no journals: no notice */
    snprintf(app->trainee, sizeof app->trainee, "Zo\xC3\xAB Ng");
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
    CHECK(p->sc != NULL && p->s == NULL);
    CHECK_INT(test_journals(dir, NULL), 0); /* not a call yet */
    /* Everything the picker cuts short is on the briefing. */
    CHECK(ui_app_find_hit(app, UI_ACT_START, 0) != NULL);
    CHECK(ui_app_find_hit(app, UI_ACT_PICKER, 0) != NULL);
    CHECK(p->sc->objective_count > 0 && p->sc->customer.persona);
    /* Back (Esc), and in again; a click on Start. */
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    CHECK(p->sc == NULL);
    CHECK(!ui_app_overlay_open(app));
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
    uitest_key(app, SDLK_PAGEUP, 0); /* a clicker goes back too */
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    uitest_key(app, SDLK_RETURN, 0);
    test_click_hit(app, UI_ACT_START, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(test_journal_lines(dir), 1);
    CHECK(p->journal != NULL);
    ui_app_set_clock(app, 5000);
    test_choose(app, 1);
    CHECK_INT(test_journal_lines(dir), 2);
    uitest_key(app, SDLK_RETURN, 0);
    test_play_on(app);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_ENDING);
    CHECK_INT(p->save, UI_SAVE_DONE);
    CHECK(p->journal == NULL);
    CHECK_INT(test_journals(dir, NULL), 0);
    char *inprog = test_join(dir, JOURNAL_DIR);
    CHECK(access(inprog, F_OK) != 0); /* removed with its last journal */
    free(inprog);
    char *json = NULL;
    CHECK_INT(test_records(dir, &json), 1);
    result_record *r = json ? result_record_load_file(json, NULL) : NULL;
    CHECK(r != NULL);
    if (r) {
        CHECK(r->complete);
        CHECK_STR(r->trainee, "Zo\xC3\xAB Ng");
        CHECK_STR(r->scenario_id, "isp-promo-question");
        CHECK_INT(r->turn_count, session_turn_count(p->s));
        CHECK(r->started_ms == TEST_WALL_MS); /* the virtual clock was 0 */
        CHECK(r->ended_ms >= r->started_ms + 5000);
        CHECK_INT(r->feedback_mode, RESULT_FEEDBACK_IMMEDIATE);
        result_record_free(r);
    }
    /* .html and .xapi.json beside it */
    if (json) {
        char other[1100];
        snprintf(other, sizeof other, "%.*s.html", (int)strlen(json) - 5,
                 json);
        CHECK(access(other, F_OK) == 0);
        snprintf(other, sizeof other, "%.*s.xapi.json", (int)strlen(json) - 5,
                 json);
        CHECK(access(other, F_OK) == 0);
    }
    free(json);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
    CHECK_CONTAINS(p->save_line, "Saved in ");
    CHECK_CONTAINS(p->save_line, "isp-promo-question-01 (.json, .html");
    CHECK(p->objectives != NULL);
    CHECK_CONTAINS(p->objectives, "\xE2\x80\xA2 ");
    CHECK_CONTAINS(p->objectives, ", on offer at ");
    test_sizes_on_screen(app, 768, "debrief-saved");

    /* Replay: a new call, a new journal; quitting from the menu in the
     * middle removes it and saves nothing. */
    uitest_key(app, SDLK_r, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(p->save, UI_SAVE_PENDING);
    CHECK_INT(test_journal_lines(dir), 1);
    test_choose(app, 2);
    CHECK_INT(test_journal_lines(dir), 2);
    uitest_key(app, SDLK_ESCAPE, 0);
    test_sizes_on_screen(app, 768, "menu-mid-call");
    uitest_key(app, SDLK_UP, 0);
    uitest_key(app, SDLK_RETURN, 0); /* Quit Rapport */
    CHECK(!app->running);
    CHECK_INT(test_journals(dir, NULL), 0);
    CHECK_INT(test_records(dir, NULL), 1);
    ui_app_free(app);
    test_rm_rf(dir);
    free(dir);
}

/* Leaving a call: restart and another scenario (on purpose) remove its
 * journal; the app ending any other way (the window closed) keeps it. A
 * reload (F5) keeps journaling: one journal, for the file as it now is. */
static void test_results_leave(void)
{
    char *dir = test_tmpdir("leave");
    char *copy = test_join(dir, "copy.xml");
    char *text = test_read(TEST_SCENARIO);
    test_write(copy, text);
    free(text);
    char *results = test_join(dir, "results");
    test_opt.results_dir = results;
    const char *paths[] = {copy};
    ui_app *app = test_app(1024, 768, paths, 1);
    ui_play *p = &app->play;
    CHECK(ui_app_start(app, copy));
    test_choose(app, 1);
    CHECK_INT(test_journal_lines(results), 2);
    char *before = NULL;
    test_journals(results, &before);
    /* Restart from the menu: a new call, its own journal. */
    uitest_key(app, SDLK_ESCAPE, 0);
    uitest_key(app, SDLK_DOWN, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(session_turn_count(p->s), 0);
    CHECK_INT(test_journal_lines(results), 1);
    /* F5 after an edit, in the middle of the call: the same turns, in a
     * new journal that names the edited file (the old one is gone). */
    test_choose(app, 1);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(test_edit(copy, "It's Gloria, Gloria Mensah.",
                    "Gloria here, Gloria Mensah."));
    uitest_key(app, SDLK_F5, 0);
    CHECK_CONTAINS(p->note, "Reloaded");
    CHECK_INT(session_turn_count(p->s), 1);
    char *after = NULL;
    CHECK_INT(test_journals(results, &after), 1);
    CHECK_INT(test_lines(after), 2);
    journal_data *jd = after ? journal_read(after, NULL) : NULL;
    CHECK(jd != NULL);
    if (jd) {
        session *s = journal_replay(jd, p->sc, NULL);
        CHECK(s != NULL); /* it matches the file as it is now */
        session_free(s);
        journal_data_free(jd);
    }
    test_choose(app, 1);
    CHECK_INT(test_lines(after), 3);
    free(after);
    free(before);
    /* Another scenario: the journal goes. */
    uitest_key(app, SDLK_ESCAPE, 0);
    uitest_key(app, SDLK_UP, 0);
    uitest_key(app, SDLK_UP, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    CHECK_INT(test_journals(results, NULL), 0);
    /* The briefing: F5 reads the file again (errors shown, the old
     * version kept); nothing is journaled before Start. */
    app->pick_selected = -1;
    for (size_t i = 0; i < app->pick_count; i++) {
        if (strcmp(app->picks[i].path, copy) == 0) {
            app->pick_selected = (int)i;
        }
    }
    CHECK(app->pick_selected >= 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
    CHECK(test_edit(copy, "Gloria here, Gloria Mensah.",
                    "Hello, Gloria Mensah here."));
    CHECK(test_edit(copy, "68, a retired", "69, a retired"));
    uitest_key(app, SDLK_F5, 0);
    CHECK_CONTAINS(p->note, "briefing as it now reads");
    CHECK_CONTAINS(p->sc->customer.persona, "69, a retired");
    char *good = test_read(copy);
    test_write(copy, "<broken");
    uitest_key(app, SDLK_F5, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_DIAG);
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
    CHECK_CONTAINS(p->sc->customer.persona, "69, a retired");
    test_write(copy, good);
    free(good);
    CHECK_INT(test_journals(results, NULL), 0);
    uitest_key(app, SDLK_SPACE, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(test_journal_lines(results), 1);
    uitest_key(app, SDLK_ESCAPE, 0);
    uitest_key(app, SDLK_UP, 0);
    uitest_key(app, SDLK_UP, 0);
    uitest_key(app, SDLK_RETURN, 0); /* another scenario, again */
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    CHECK_INT(test_journals(results, NULL), 0);
    /* The app ends in the middle of a call: the journal stays. */
    CHECK(ui_app_start(app, copy));
    test_choose(app, 1);
    uitest_key(app, SDLK_RETURN, 0);
    test_choose(app, 1);
    ui_app_free(app);
    CHECK_INT(test_journal_lines(results), 3);
    CHECK_INT(test_records(results, NULL), 0);
    free(copy);
    free(results);
    test_rm_rf(dir);
    free(dir);
}

/* Makes a journal of `replies` replies to the scenario at path in
 * results, as a program that stopped leaves it. */
static void test_leave_journal(const char *results, const char *path,
                               int replies, const char *trainee)
{
    test_opt.results_dir = results;
    test_opt.wall_start_ms = TEST_WALL_MS;
    test_opt.trainee = trainee;
    ui_app *app = test_app(1024, 768, NULL, 0);
    while (app->overlay == UI_OVERLAY_RECOVER) {
        uitest_key(app, SDLK_l, 0); /* those left before: later */
    }
    CHECK(ui_app_start(app, path));
    for (int i = 0; i < replies; i++) {
        test_choose(app, 1);
        uitest_key(app, SDLK_RETURN, 0);
    }
    ui_app_free(app);
}

/* The notice of an interrupted call on start: Later keeps it; Discard
 * asks first; Resume plays on where it stopped; Save as incomplete; a
 * scenario edited since can only be saved; one that is missing neither
 * resumed nor saved. Keys, clicks and taps. */
static void test_recover(void)
{
    char *dir = test_tmpdir("recover");
    char *results = test_join(dir, "results");
    test_leave_journal(results, TEST_SCENARIO, 2, "Ana Lima");
    char *path = NULL;
    CHECK_INT(test_journals(results, &path), 1);

    /* Later (L): kept, the picker. */
    test_opt.results_dir = results;
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
    CHECK_INT(ui_results_recover_turns(app), 2);
    CHECK(app->recover.s != NULL && !app->recover.changed);
    CHECK_STR(app->recover.jd->trainee, "Ana Lima");
    CHECK(ui_app_find_hit(app, UI_ACT_RECOVER_RESUME, 0) != NULL);
    test_sizes_on_screen(app, 768, "recovery");
    uitest_key(app, SDLK_F5, 0); /* not closed by a reload */
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
    uitest_key(app, SDLK_l, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    CHECK(access(path, F_OK) == 0);
    ui_app_free(app);

    /* Discard asks: No (N), Esc, a click on No; then Resume (Enter on the
     * first button). */
    test_opt.results_dir = results;
    test_opt.wall_start_ms = TEST_WALL_MS + 3600000;
    app = test_app(1024, 768, NULL, 0);
    ui_play *p = &app->play;
    uitest_key(app, SDLK_d, 0);
    CHECK(app->recover_confirm);
    test_sizes_on_screen(app, 768, "recovery-confirm");
    uitest_key(app, SDLK_n, 0);
    CHECK(!app->recover_confirm);
    test_click_hit(app, UI_ACT_RECOVER_DISCARD, 0);
    CHECK(app->recover_confirm);
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK(!app->recover_confirm);
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
    uitest_key(app, SDLK_RETURN, 0); /* the focus starts on Resume */
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(session_turn_count(p->s), 2);
    CHECK(p->resumed);
    CHECK_CONTAINS(p->note, "Resumed: 2 replies replayed");
    CHECK_INT(test_lines(path), 3); /* the same journal goes on */
    test_choose(app, 1);
    CHECK_INT(test_lines(path), 4);
    uitest_key(app, SDLK_RETURN, 0);
    test_play_on(app);
    CHECK_INT(p->save, UI_SAVE_DONE);
    CHECK(access(path, F_OK) != 0);
    char *json = NULL;
    CHECK_INT(test_records(results, &json), 1);
    result_record *r = json ? result_record_load_file(json, NULL) : NULL;
    if (r) {
        CHECK(r->complete);
        CHECK_STR(r->trainee, "Ana Lima");
        CHECK(r->started_ms == TEST_WALL_MS); /* the journal's start */
        CHECK_INT(r->turn_count, session_turn_count(p->s));
        result_record_free(r);
    }
    if (json) {
        unlink(json);
    }
    free(json);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_STR(p->trainee, "Ana Lima"); /* on the debrief */
    ui_app_free(app);
    free(path);

    /* Save as incomplete (a click): 3 turns, then the picker says so. */
    test_leave_journal(results, TEST_SCENARIO, 3, "Bo Chen");
    test_journals(results, &path);
    test_opt.results_dir = results;
    app = test_app(1024, 768, NULL, 0);
    test_click_hit(app, UI_ACT_RECOVER_SAVE, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK(access(path, F_OK) != 0);
    CHECK_CONTAINS(app->picker_note, "an incomplete attempt");
    test_sizes_on_screen(app, 768, "picker-recovered");
    CHECK_INT(test_records(results, &json), 1);
    r = json ? result_record_load_file(json, NULL) : NULL;
    if (r) {
        CHECK(!r->complete);
        CHECK_INT(r->turn_count, 3);
        CHECK_STR(r->trainee, "Bo Chen");
        result_record_free(r);
    }
    if (json) {
        unlink(json);
    }
    free(json);
    ui_app_free(app);
    free(path);

    /* Two at once: discarded by touch (Discard, Yes), then Later. */
    test_leave_journal(results, TEST_SCENARIO, 1, "Cy");
    test_leave_journal(results, TEST_SCENARIO, 1, "Di");
    CHECK_INT(test_journals(results, NULL), 2);
    test_opt.results_dir = results;
    app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->recover_total, 2);
    test_tap_hit(app, UI_ACT_RECOVER_DISCARD, 0);
    test_tap_hit(app, UI_ACT_RECOVER_CONFIRM, 0);
    CHECK_INT(test_journals(results, NULL), 1);
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER); /* the second one */
    CHECK_INT(app->recover_next, 2);
    test_tap_hit(app, UI_ACT_RECOVER_LATER, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(test_journals(results, NULL), 1);
    ui_app_free(app);
    test_rm_rf(results);

    /* A scenario file edited since: no Resume; Save replays the replies
     * on the file as it is now. */
    char *copy = test_join(dir, "copy.xml");
    char *text = test_read(TEST_SCENARIO);
    test_write(copy, text);
    test_leave_journal(results, copy, 2, "Ed");
    CHECK(test_edit(copy, "It's Gloria, Gloria Mensah.",
                    "Gloria here, Gloria Mensah."));
    test_opt.results_dir = results;
    app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
    CHECK(app->recover.changed);
    CHECK(app->recover.s != NULL);
    CHECK(ui_app_find_hit(app, UI_ACT_RECOVER_RESUME, 0) == NULL);
    test_sizes_on_screen(app, 768, "recovery-changed");
    uitest_key(app, SDLK_r, 0); /* not offered: nothing happens */
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
    uitest_key(app, SDLK_s, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(test_journals(results, NULL), 0);
    CHECK_INT(test_records(results, &json), 1);
    r = json ? result_record_load_file(json, NULL) : NULL;
    if (r) {
        CHECK(!r->complete);
        CHECK_INT(r->turn_count, 2);
        CHECK_CONTAINS(r->turns[1].customer, "Gloria here");
        result_record_free(r);
    }
    free(json);
    ui_app_free(app);
    test_rm_rf(results);

    /* Missing: only Discard and Later. */
    test_write(copy, text);
    test_leave_journal(results, copy, 1, "Flo");
    unlink(copy);
    test_opt.results_dir = results;
    app = test_app(1024, 768, NULL, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
    CHECK(app->recover.s == NULL);
    CHECK_CONTAINS(app->recover.problem, "is missing");
    CHECK(ui_app_find_hit(app, UI_ACT_RECOVER_RESUME, 0) == NULL);
    CHECK(ui_app_find_hit(app, UI_ACT_RECOVER_SAVE, 0) == NULL);
    CHECK(ui_app_find_hit(app, UI_ACT_RECOVER_DISCARD, 0) != NULL);
    test_sizes_on_screen(app, 768, "recovery-missing");
    uitest_key(app, SDLK_s, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
    uitest_key(app, SDLK_d, 0);
    uitest_key(app, SDLK_y, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(test_journals(results, NULL), 0);
    ui_app_free(app);

    /* --start waits for the notice. */
    test_write(copy, text);
    test_leave_journal(results, copy, 1, "Gus");
    const char *paths[] = {copy};
    test_opt.results_dir = results;
    test_opt.start = true;
    app = test_app(1024, 768, paths, 1);
    CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    uitest_key(app, SDLK_l, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    ui_app_free(app);
    free(text);
    free(copy);
    free(results);
    test_rm_rf(dir);
    free(dir);
}

/* result_save's link() fails in one folder (as on a full disk). */
static int test_link_failing(void *ctx, const char *from, const char *to)
{
    const char *bad = ctx;
    if (strncmp(to, bad, strlen(bad)) == 0) {
        errno = ENOSPC;
        return -1;
    }
    return link(from, to);
}

/* A folder that does not work: the notice says why and keeps the call;
 * a folder typed in its field works (keys, then a click); Retry; Don't
 * save. Never a crash, never a silent loss. */
static void test_results_notice(void)
{
    char *dir = test_tmpdir("notice");
    char *file = test_join(dir, "file.txt");
    test_write(file, "a regular file\n");
    char *bad = test_join(file, "sub"); /* ENOTDIR, even for root */
    char *good = test_join(dir, "good");
    test_opt.results_dir = bad;
    ui_app *app = test_app(1024, 768, NULL, 0);
    ui_play *p = &app->play;
    CHECK(ui_app_start(app, TEST_SCENARIO));
    CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
    CHECK_INT(app->notice, UI_NOTICE_JOURNAL);
    CHECK_CONTAINS(app->notice_msg, "Not a directory");
    CHECK_STR(app->folder, bad);
    test_sizes_on_screen(app, 768, "journal-failed");
    /* The turn waits meanwhile; F5, Esc and blanking do not close it. */
    ui_app_set_clock(app, 600000);
    uitest_key(app, SDLK_F5, 0);
    uitest_key(app, SDLK_ESCAPE, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
    uitest_key(app, SDLK_r, 0); /* Retry: the same problem */
    CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
    CHECK(p->journal == NULL);
    /* Enter on the field (focused first), clear it, type, Enter. */
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(app->editing_folder);
    for (size_t i = strlen(bad); i > 0; i--) {
        uitest_key(app, SDLK_BACKSPACE, 0);
    }
    CHECK_STR(app->folder, "");
    uitest_key(app, SDLK_q, 0); /* typing: not a shortcut */
    test_type_long(app, good);
    CHECK_STR(app->folder, good);
    test_sizes_on_screen(app, 768, "journal-failed-typing");
    uitest_key(app, SDLK_RETURN, 0);
    CHECK(!app->editing_folder);
    CHECK(!ui_app_overlay_open(app));
    CHECK_STR(app->results_dir, good);
    CHECK(p->journal != NULL);
    CHECK_INT(test_journal_lines(good), 1);
    CHECK_INT(ui_app_elapsed_ms(app), 0); /* the notice paused the turn */
    test_play_on(app);
    CHECK_INT(p->save, UI_SAVE_DONE);
    CHECK_INT(test_records(good, NULL), 1);
    CHECK_INT(test_journals(good, NULL), 0);
    ui_app_free(app);

    /* Saving fails at the end (the journal worked): the notice, the
     * journal kept meanwhile; Retry by click; the field by click, Ctrl+U,
     * a third folder, Save elsewhere by click. */
    char *full = test_join(dir, "full");
    char *third = test_join(dir, "third");
    result_io io = {.ctx = full, .link = test_link_failing};
    test_opt.results_dir = full;
    test_opt.io = &io;
    app = test_app(1024, 768, NULL, 0);
    p = &app->play;
    CHECK(ui_app_start(app, TEST_SCENARIO));
    CHECK(!ui_app_overlay_open(app));
    test_play_on(app);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK(session_is_finished(p->s));
    CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
    CHECK_INT(app->notice, UI_NOTICE_SAVE);
    CHECK_INT(p->save, UI_SAVE_FAILED);
    CHECK_CONTAINS(app->notice_msg, "cannot save results in");
    CHECK_CONTAINS(app->notice_msg, "No space left on device");
    CHECK_INT(test_journal_lines(full),
              (int)session_turn_count(p->s) + 1); /* nothing lost */
    CHECK_INT(test_records(full, NULL), 0);
    test_sizes_on_screen(app, 768, "save-failed");
    test_click_hit(app, UI_ACT_SAVE_RETRY, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
    test_click_hit(app, UI_ACT_FOLDER, 0);
    CHECK(app->editing_folder);
    uitest_key(app, SDLK_u, KMOD_LCTRL);
    CHECK_STR(app->folder, "");
    test_type_long(app, third);
    test_click_hit(app, UI_ACT_SAVE_ELSEWHERE, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(p->save, UI_SAVE_DONE);
    CHECK_INT(test_records(third, NULL), 1);
    CHECK_INT(test_journals(full, NULL), 0);
    CHECK_CONTAINS(p->save_line, third);
    uitest_key(app, SDLK_RETURN, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
    test_sizes_on_screen(app, 768, "debrief-saved-elsewhere");
    ui_app_free(app);

    /* Don't save (a tap): the debrief works and says so; the journal
     * goes; nothing anywhere. An empty folder is not taken. */
    test_opt.results_dir = full;
    test_opt.io = &io;
    app = test_app(1024, 768, NULL, 0);
    p = &app->play;
    CHECK(ui_app_start(app, TEST_SCENARIO));
    test_play_on(app);
    CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
    uitest_key(app, SDLK_f, 0);
    CHECK(app->editing_folder);
    uitest_key(app, SDLK_u, KMOD_LCTRL);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
    CHECK_CONTAINS(app->notice_msg, "Type the folder");
    test_tap_hit(app, UI_ACT_SAVE_DECLINE, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(p->save, UI_SAVE_DECLINED);
    CHECK_INT(test_journals(full, NULL), 0);
    CHECK_INT(test_records(full, NULL), 0);
    uitest_key(app, SDLK_RETURN, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
    CHECK(p->d != NULL);
    CHECK_CONTAINS(p->save_line, "Not saved");
    test_sizes_on_screen(app, 768, "debrief-not-saved");
    ui_app_free(app);

    /* A read-only folder, where permissions hold (not for root). */
    if (geteuid() != 0) {
        char *ro = test_join(dir, "read-only");
        CHECK_INT(mkdir(ro, 0555), 0);
        test_opt.results_dir = ro;
        app = test_app(1024, 768, NULL, 0);
        CHECK(ui_app_start(app, TEST_SCENARIO));
        CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
        CHECK_CONTAINS(app->notice_msg, "Permission denied");
        ui_app_free(app);
        chmod(ro, 0755);
        free(ro);
    }
    free(full);
    free(third);
    free(good);
    free(bad);
    free(file);
    test_rm_rf(dir);
    free(dir);
}

/* The new screens at three sizes: the briefing of the longest scenario
 * (scrolled to its end too), the notices (with a long folder) and the
 * debrief with the line saying where it was saved (~ for HOME). */
static void test_results_sizes(void)
{
    static const int sizes[][2] = {{1024, 768}, {1920, 1080}, {3840, 2160}};
    char *dir = test_tmpdir("sizes");
    const char *home = getenv("HOME");
    char *old_home = home ? strdup(home) : NULL;
    setenv("HOME", dir, 1);
    char *results = test_join(dir, ".local/share/rapport/results");
    char *file = test_join(dir, "file.txt");
    test_write(file, "x\n");
    char *bad = test_join(file, "a-rather-long-folder-name-for-the-results-"
                                "of-the-monday-morning-group/results");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int w = sizes[i][0];
        int h = sizes[i][1];
        const char *paths[] = {RAPPORT_SCENARIOS "/billing-error.xml"};
        test_opt.results_dir = results;
        ui_app *app = test_app(w, h, paths, 1);
        uitest_key(app, SDLK_RETURN, 0);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_BRIEFING);
        test_sizes_on_screen(app, h, "briefing-long");
        const ui_scroll *bs = &app->scroll[UI_SCROLL_BRIEFING];
        if (w == 1024) {
            /* The longest briefing scrolls on a 4:3 projector. */
            CHECK(bs->active && bs->content > bs->view.h);
            uitest_key(app, SDLK_DOWN, 0);
            CHECK(bs->offset > 0);
        }
        uitest_key(app, SDLK_END, 0);
        test_sizes_on_screen(app, h, "briefing-end");
        uitest_key(app, SDLK_RETURN, 0);
        test_play_on(app);
        uitest_key(app, SDLK_RETURN, 0);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
        CHECK_CONTAINS(app->play.save_line,
                       "Saved in ~/.local/share/rapport/results as ");
        test_sizes_on_screen(app, h, "debrief-saved");
        /* A call left for the next start. */
        uitest_key(app, SDLK_r, 0);
        test_choose(app, 1);
        ui_app_free(app);
        test_opt.results_dir = results;
        app = test_app(w, h, paths, 1);
        CHECK_INT(app->overlay, UI_OVERLAY_RECOVER);
        test_sizes_on_screen(app, h, "recovery");
        uitest_key(app, SDLK_d, 0);
        test_sizes_on_screen(app, h, "recovery-confirm");
        uitest_key(app, SDLK_y, 0);
        ui_app_free(app);
        test_opt.results_dir = bad;
        app = test_app(w, h, paths, 1);
        CHECK(ui_app_start(app, paths[0]));
        CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
        test_sizes_on_screen(app, h, "journal-failed-long");
        ui_app_free(app);
        /* Saving fails at the end (a full disk). */
        result_io io = {.ctx = results, .link = test_link_failing};
        test_opt.results_dir = results;
        test_opt.io = &io;
        app = test_app(w, h, paths, 1);
        CHECK(ui_app_start(app, paths[0]));
        test_play_on(app);
        CHECK_INT(app->overlay, UI_OVERLAY_RESULTS);
        CHECK_INT(app->notice, UI_NOTICE_SAVE);
        test_sizes_on_screen(app, h, "save-failed");
        uitest_key(app, SDLK_d, 0);
        uitest_key(app, SDLK_RETURN, 0);
        uitest_key(app, SDLK_RETURN, 0);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
        test_sizes_on_screen(app, h, "debrief-not-saved");
        ui_app_free(app);
    }
    if (old_home) {
        setenv("HOME", old_home, 1);
    } else {
        unsetenv("HOME");
    }
    free(old_home);
    free(bad);
    free(file);
    free(results);
    test_rm_rf(dir);
    free(dir);
}

/* Marks below the last line of the customer's words (the dots under an
 * Arabic final yeh, from a fallback font deeper than the bundled one) are
 * drawn in the bubble's padding, not clipped at the text box: some ink
 * lies between the text box and the bubble's frame. */
static void test_speech_marks_below(void)
{
    char *xml = test_read(RAPPORT_TEST_DATA "/scripts/arabic.xml");
    CHECK(xml != NULL);
    if (!xml) {
        return;
    }
    static const char from[] =
        "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd9\x8b\xd8\xa7"; /* مرحبًا */
    char *at = strstr(xml, "<line expression=\"annoyed\">");
    char *end = at ? strstr(at, "</line>") : NULL;
    CHECK(at && end && strstr(at, from));
    if (!at || !end) {
        free(xml);
        return;
    }
    at = strchr(at, '>') + 1;
    /* "يا سلمى الحوراني": ends in a final yeh, whose dots hang low */
    static const char words[] =
        "\xd9\x8a\xd8\xa7 \xd8\xb3\xd9\x84\xd9\x85\xd9\x89 "
        "\xd8\xa7\xd9\x84\xd8\xad\xd9\x88\xd8\xb1\xd8\xa7\xd9\x86"
        "\xd9\x8a";
    size_t head = (size_t)(at - xml);
    size_t len = head + sizeof words + strlen(end) + 1;
    char *edited = malloc(len);
    CHECK(edited != NULL);
    if (!edited) {
        free(xml);
        return;
    }
    snprintf(edited, len, "%.*s%s%s", (int)head, xml, words, end);
    char *dir = test_tmpdir("marks");
    char *path = test_join(dir, "yeh.xml");
    test_write(path, edited);
    const char *paths[] = {path};
    ui_app *app = test_app(1024, 768, paths, 1);
    uitest_key(app, SDLK_RETURN, 0);
    uitest_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    test_show_options(app);
    ui_app_redraw(app);
    SDL_Rect view = app->scroll[UI_SCROLL_SPEECH].view;
    SDL_Rect band = {view.x, view.y + view.h, view.w, app->lay.pad / 2};
    CHECK(band.w > 0 && band.h > 0);
    Uint32 *px = malloc((size_t)band.w * (size_t)band.h * sizeof *px);
    size_t ink = 0;
    if (px &&
        SDL_RenderReadPixels(app->renderer, &band, SDL_PIXELFORMAT_ARGB8888,
                             px, band.w * (int)sizeof *px) == 0) {
        SDL_Color bg = app->theme->panel;
        for (int i = 0; i < band.w * band.h; i++) {
            int r = (int)((px[i] >> 16) & 0xFF);
            int g = (int)((px[i] >> 8) & 0xFF);
            int b = (int)(px[i] & 0xFF);
            int d = abs(r - bg.r) + abs(g - bg.g) + abs(b - bg.b);
            ink += d > 96 ? 1 : 0;
        }
    }
    if (ink == 0) {
        fprintf(stderr, "no ink below the last line of the speech\n");
    }
    CHECK(ink > 0);
    free(px);
    ui_app_free(app);
    free(path);
    test_rm_rf(dir);
    free(dir);
    free(edited);
    free(xml);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    test_text_cache();
    test_sizes();
    test_patience_and_pause();
    test_hot_reload();
    test_reveal();
    test_touch();
    test_expression();
    test_mode();
    test_prefs();
    test_shuffle();
    test_debrief_agrees();
    test_reload_screens();
    test_scrolling();
    test_nine_options();
    test_trainee_name();
    test_font_coverage();
    test_scripts();
    test_speech_marks_below();
    test_results_save();
    test_results_leave();
    test_recover();
    test_results_notice();
    test_results_sizes();
    return check_done("test_ui");
}
