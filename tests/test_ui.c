/* Tests of the SDL game, headless (SDL dummy video driver, software
 * renderer, virtual clock): text is rasterised once and reused, no text is
 * smaller than 1/40 of the window height at three window sizes, option
 * cards never overlap, patience and pauses follow the clock, blanking, and
 * hot reload (a failed one shows the errors and keeps playing; a good one
 * restarts the turn with the new text). White-box: it reads the app
 * struct through ui_internal.h. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL_ttf.h>

#include "check.h"
#include "ui_internal.h"
#include "ui_prefs.h"

#define TEST_SCENARIO RAPPORT_SCENARIOS "/isp-promo-question.xml"

static const char *test_config_dir;

static ui_app *test_app(int w, int h, const char *const *paths, size_t n)
{
    static ui_app_options opt;
    memset(&opt, 0, sizeof opt);
    opt.config_dir = test_config_dir;
    opt.width = w;
    opt.height = h;
    opt.virtual_clock = true;
    opt.software = true;
    opt.paths = paths;
    opt.path_count = n;
    char err[256];
    ui_app *app = ui_app_new(&opt, err, sizeof err);
    if (!app) {
        fprintf(stderr, "cannot start the app: %s\n", err);
        exit(1);
    }
    app->running = true;
    ui_app_step(app);
    return app;
}

static void test_key(ui_app *app, SDL_Keycode sym, Uint16 mod)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = sym;
    ev.key.keysym.mod = mod;
    SDL_PushEvent(&ev);
    ui_app_step(app);
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
    unsigned long before = ui_text_rasterised(t);
    ui_app_redraw(app);
    unsigned long first = ui_text_rasterised(t) - before;
    CHECK(first > 5); /* the first frame of a turn renders its text */
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

    test_key(app, SDLK_1, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    test_redraw_is_cached(app, "feedback");
    test_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(session_turn_count(app->play.s), 1);
    test_redraw_is_cached(app, "turn 2");
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
    int min_px = (h + 39) / 40;
    ui_app_redraw(app);
    const char *dir = getenv("RAPPORT_UI_SHOTS");
    if (dir) {
        static int shot;
        char path[512];
        snprintf(path, sizeof path, "%s/%03d-%d-%s.png", dir, shot++,
                 app->lay.w, what);
        CHECK(ui_app_screenshot(app, path));
    }
    int px = ui_text_frame_min_px(app->text);
    if (px < min_px) {
        fprintf(stderr, "%s at height %d: text of %d px (< %d)\n", what, h, px,
                min_px);
    }
    CHECK(px >= min_px);
    /* Texts lie in the window and, outside menus, do not overlap. */
    const SDL_Rect *tr = NULL;
    size_t nt = ui_text_frame_rects(app->text, &tr);
    for (size_t i = 0; i < nt; i++) {
        SDL_Rect a = tr[i];
        CHECK(a.x >= 0 && a.y >= 0 && a.x + a.w <= app->lay.w &&
              a.y + a.h <= app->lay.h);
        for (size_t k = i + 1; k < nt && !ui_app_overlay_open(app); k++) {
            if (SDL_HasIntersection(&a, &tr[k])) {
                fprintf(stderr,
                        "%s at height %d: texts %zu (%d,%d %dx%d) and %zu "
                        "(%d,%d %dx%d) overlap\n",
                        what, h, i, a.x, a.y, a.w, a.h, k, tr[k].x, tr[k].y,
                        tr[k].w, tr[k].h);
                CHECK(!"overlapping texts");
            }
        }
    }
    /* Cards and buttons lie in the window and do not overlap. */
    for (int i = 0; i < app->hit_count; i++) {
        SDL_Rect a = app->hits[i].rect;
        CHECK(a.x >= 0 && a.y >= 0 && a.x + a.w <= app->lay.w &&
              a.y + a.h <= app->lay.h);
        for (int k = i + 1; k < app->hit_count; k++) {
            SDL_Rect b = app->hits[k].rect;
            if (SDL_HasIntersection(&a, &b)) {
                fprintf(stderr, "%s: hits %d and %d overlap\n", what, i, k);
                CHECK(!"overlapping hits");
            }
        }
    }
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
        test_key(app, SDLK_ESCAPE, 0);
        test_sizes_on_screen(app, h, "menu");
        test_key(app, SDLK_RETURN, 0);
        test_key(app, SDLK_RETURN, 0); /* start the selected scenario */
        CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
        for (int turn = 0; turn < 20 && !session_is_finished(app->play.s);
             turn++) {
            test_sizes_on_screen(app, h, "turn");
            test_key(app, SDLK_1, 0);
            test_sizes_on_screen(app, h, "feedback");
            test_key(app, SDLK_RETURN, 0);
        }
        CHECK_INT(ui_app_screen(app), UI_SCREEN_ENDING);
        test_sizes_on_screen(app, h, "ending");
        test_key(app, SDLK_RETURN, 0);
        CHECK_INT(ui_app_screen(app), UI_SCREEN_DEBRIEF);
        test_sizes_on_screen(app, h, "debrief");
        test_key(app, SDLK_ESCAPE, 0);
        test_key(app, SDLK_DOWN, 0);
        test_key(app, SDLK_DOWN, 0);
        test_key(app, SDLK_RETURN, 0); /* settings */
        CHECK_INT(app->overlay, UI_OVERLAY_SETTINGS);
        test_sizes_on_screen(app, h, "settings");
        test_key(app, SDLK_DOWN, 0);
        test_key(app, SDLK_DOWN, 0);
        test_key(app, SDLK_DOWN, 0);
        test_key(app, SDLK_RETURN, 0); /* high contrast */
        CHECK(app->set.high_contrast);
        test_sizes_on_screen(app, h, "settings-contrast");
        test_key(app, SDLK_ESCAPE, 0);
        test_key(app, SDLK_ESCAPE, 0);
        test_sizes_on_screen(app, h, "debrief-contrast");
        test_key(app, SDLK_r, 0); /* replay */
        CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
        test_sizes_on_screen(app, h, "turn-contrast");
        test_key(app, SDLK_2, 0);
        test_sizes_on_screen(app, h, "feedback-contrast");
        ui_app_free(app);
    }
}

static void test_patience_and_pause(void)
{
    ui_app *app = test_app(1024, 768, NULL, 0);
    CHECK(ui_app_start(app, TEST_SCENARIO));
    /* A menu stops the turn's clock. */
    test_key(app, SDLK_ESCAPE, 0);
    CHECK(ui_app_overlay_open(app));
    ui_app_set_clock(app, 100000);
    test_key(app, SDLK_ESCAPE, 0);
    CHECK(!ui_app_overlay_open(app));
    CHECK_INT(ui_app_elapsed_ms(app), 0);
    /* So does a blank screen; any key brings the call back. */
    test_key(app, SDLK_b, 0);
    CHECK(app->blanked);
    ui_app_redraw(app);
    CHECK_INT(ui_text_frame_draws(app->text), 0);
    ui_app_set_clock(app, 200000);
    test_key(app, SDLK_SPACE, 0);
    CHECK(!app->blanked);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(ui_app_elapsed_ms(app), 0);
    /* F11 toggles desktop fullscreen and back. */
    test_key(app, SDLK_F11, 0);
    CHECK(app->set.fullscreen);
    test_key(app, SDLK_F11, 0);
    CHECK(!app->set.fullscreen);
    /* The menu restarts the call. */
    test_key(app, SDLK_1, 0);
    CHECK_INT(session_turn_count(app->play.s), 1);
    test_key(app, SDLK_ESCAPE, 0);
    test_key(app, SDLK_DOWN, 0);
    test_key(app, SDLK_RETURN, 0);
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
    test_key(app, SDLK_ESCAPE, 0);
    test_key(app, SDLK_UP, 0);
    test_key(app, SDLK_RETURN, 0);
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
    test_key(app, SDLK_1, 0);
    test_key(app, SDLK_RETURN, 0);
    CHECK_INT(session_turn_count(app->play.s), 1);
    CHECK_CONTAINS(app->play.speech, "It's Gloria");

    /* A broken file: the errors are shown, the call goes on. */
    test_write(path, "<scenario xmlns=\"urn:rapport:scenario:1\">");
    test_key(app, SDLK_F5, 0);
    CHECK_INT(app->overlay, UI_OVERLAY_DIAG);
    CHECK_CONTAINS(app->diag_title, "Reload failed");
    CHECK_CONTAINS(app->diag_text, "scenario.xml:");
    CHECK_CONTAINS(app->diag_text, "error:");
    ui_app_redraw(app);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
    CHECK_INT(session_turn_count(app->play.s), 1);
    test_key(app, SDLK_ESCAPE, 0);
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
            test_key(app, SDLK_r, KMOD_LCTRL);
            CHECK(!ui_app_overlay_open(app));
            CHECK_INT(ui_app_screen(app), UI_SCREEN_PLAY);
            CHECK_INT(session_turn_count(app->play.s), 1);
            CHECK_CONTAINS(app->play.speech, "Gloria here");
            CHECK_CONTAINS(app->play.note, "Reloaded");
            CHECK_INT(ui_app_elapsed_ms(app), 0);
        }
        free(edited);
    }
    ui_app_free(app);
    free(original);
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
        test_key(app, SDLK_1, 0);
        test_key(app, SDLK_RETURN, 0);
    }
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
        test_key(app, SDLK_DOWN, 0);
    }
    CHECK_INT(app->focus, 3);
    const ui_hit *h = ui_app_find_hit(app, UI_ACT_CHOOSE, 3);
    CHECK(h != NULL);
    if (h) {
        CHECK(h->rect.y + h->rect.h <= s->view.y + s->view.h);
        CHECK(h->rect.h > app->lay.px_min * 2);
    }
    test_key(app, SDLK_RETURN, 0);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_FEEDBACK);
    CHECK_INT(session_turn_at(app->play.s, 2)->offered_pos, 4);
    ui_app_free(app);
}

static void test_text_input(ui_app *app, const char *text)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_TEXTINPUT;
    snprintf(ev.text.text, sizeof ev.text.text, "%s", text);
    SDL_PushEvent(&ev);
    ui_app_step(app);
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
    test_key(app, SDLK_TAB, 0);
    CHECK(app->editing_name);
    test_text_input(app, "Zo\xC3\xAB ");
    test_text_input(app, "\xD0\x97\xCE\xA9"); /* Cyrillic Ze, Greek Omega */
    test_key(app, SDLK_b, 0);                 /* typing, not blanking */
    CHECK(!app->blanked);
    test_key(app, SDLK_BACKSPACE, 0);
    CHECK_STR(app->trainee, "Zo\xC3\xAB \xD0\x97");
    test_sizes_on_screen(app, 768, "picker-name");
    test_key(app, SDLK_RETURN, 0);
    CHECK(!app->editing_name);
    CHECK_INT(ui_app_screen(app), UI_SCREEN_PICKER);
    ui_app_free(app);

    char name[UI_NAME_MAX + 1];
    CHECK(ui_prefs_load_trainee(sub, name, sizeof name));
    CHECK_STR(name, "Zo\xC3\xAB \xD0\x97");
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

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    test_text_cache();
    test_sizes();
    test_patience_and_pause();
    test_hot_reload();
    test_scrolling();
    test_trainee_name();
    test_font_coverage();
    return check_done("test_ui");
}
