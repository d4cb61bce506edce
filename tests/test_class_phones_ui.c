/* test_class_phones_ui.c — the room's phones in the class window (issue
 * 12), headless (SDL dummy driver, software renderer, pixels read back):
 *
 *   test_class_phones_ui [SHOTS_DIR]
 *
 * At 1024x768, 1920x1080 and 3840x2160: the start screen's Phones switch
 * (off unless asked), the server listening only while the class session
 * is open, phones on loopback that join and vote (a change of vote too)
 * while the facilitator adds hands, the projector's panel (the QR code
 * read back module by module from the PNG and big enough for the back of
 * the room, the join code, "Votes in: N of M"), no phone vote shown per
 * option before the reveal, and the bar chart with hands and phones
 * mixed. The turn screen shows the big QR code (a third of the height);
 * once phones have joined, the vote screen shows the panel compact (a
 * smaller code, still read back module by module) so that the options
 * keep the width: at 1024x768 at least four short options are whole in
 * view. Teams mode: phones join two teams and vote; each team's phone
 * votes are counted for it, and the panel shows them. Then the
 * discussion timer's end closes the vote. SHOTS_DIR gets
 * phones-turn-WxH.png, phones-vote-WxH.png and phones-teams-WxH.png (the
 * goldens' source). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <png.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "lang.h"
#include "phone_qr.h"
#include "ui_class.h"
#include "ui_class_phones.h"
#include "ui_internal.h"
#include "uitest.h"

#define TEST_SCENARIO RAPPORT_SCENARIOS "/billing-error.xml"
#define TEST_SHORT RAPPORT_TEST_DATA "/four-short-options.xml"
#define TEST_ARABIC RAPPORT_SCENARIOS "/insurance-claim-ar.xml"
#define TEST_CODE "314159"
#define TEST_PHONES 5

static unsigned short test_port;
static atomic_int test_phones_done;

/* One request on a new connection; the reply in buf. */
static int test_http(const char *req, char *buf, size_t size)
{
    return uitest_http(test_port, NULL, req, buf, size);
}

static int test_post(const char *path, const char *cookie, const char *body,
                     char *reply, size_t size)
{
    char req[1024];
    snprintf(req, sizeof req,
             "POST %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n%s%s%s"
             "Content-Type: application/x-www-form-urlencoded\r\n"
             "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
             path, (unsigned)test_port,
             cookie ? "Cookie: rapport_device=" : "", cookie ? cookie : "",
             cookie ? "\r\n" : "", strlen(body), body);
    return test_http(req, reply, size);
}

/* The phones: TEST_PHONES join; the first three vote A, B, A; the second
 * then changes its vote to C. */
static char test_votes[] = "ABA";
static void *test_phones(void *arg)
{
    (void)arg;
    char reply[8192];
    char tokens[TEST_PHONES][40];
    for (int i = 0; i < TEST_PHONES; i++) {
        tokens[i][0] = '\0';
        if (test_post("/api/join", NULL, "code=" TEST_CODE, reply,
                      sizeof reply) == 0) {
            const char *c = strstr(reply, "rapport_device=");
            if (c) {
                sscanf(c, "rapport_device=%32[0-9a-f]", tokens[i]);
            }
        }
    }
    for (int i = 0; i < 3; i++) {
        char body[64];
        snprintf(body, sizeof body, "ballot=1&option=%c", test_votes[i]);
        test_post("/api/vote", tokens[i], body, reply, sizeof reply);
    }
    test_post("/api/vote", tokens[1], "ballot=1&option=C", reply,
              sizeof reply);
    test_phones_done = 1;
    return NULL;
}

/* Teams mode: TEST_PHONES join, phone i in team i % 2 (Red, Blue), and
 * vote: Red A, A, B; Blue C, C. One more join forges team 2 (refused). */
static const char test_team_votes[] = "ACACB"; /* of A-D */
static atomic_int test_forged_status;
static void *test_team_phones(void *arg)
{
    (void)arg;
    char reply[8192];
    char tokens[TEST_PHONES][40];
    for (int i = 0; i < TEST_PHONES; i++) {
        tokens[i][0] = '\0';
        char body[64];
        snprintf(body, sizeof body, "code=" TEST_CODE "&team=%d", i % 2);
        if (test_post("/api/join", NULL, body, reply, sizeof reply) == 0) {
            const char *c = strstr(reply, "rapport_device=");
            if (c) {
                sscanf(c, "rapport_device=%32[0-9a-f]", tokens[i]);
            }
        }
    }
    if (test_post("/api/join", NULL, "code=" TEST_CODE "&team=2", reply,
                  sizeof reply) == 0) {
        int status = 0;
        sscanf(reply, "HTTP/1.%*d %d", &status);
        if (strstr(reply, "bad_team") && !strstr(reply, "rapport_device=")) {
            test_forged_status = status;
        }
    }
    for (int i = 0; i < TEST_PHONES; i++) {
        char body[64];
        snprintf(body, sizeof body, "ballot=1&option=%c", test_team_votes[i]);
        test_post("/api/vote", tokens[i], body, reply, sizeof reply);
    }
    test_phones_done = 1;
    return NULL;
}

static ui_app *test_app_of(int w, int h, bool phones, const char *scenario,
                           bool teams)
{
    const char *paths[] = {scenario};
    static const char *const names[] = {"Red", "Blue"};
    ui_app_options opt = {0};
    if (teams) {
        opt.teams = names;
        opt.team_count = 2;
    }
    uitest_headless(&opt, w, h, paths, 1);
    opt.classroom = true;
    opt.discussion_ms = 60000;
    opt.phones = phones;
    opt.phones_address = "127.0.0.1";
    opt.phones_any_port = true;
    opt.phones_code = TEST_CODE;
    opt.phones_shown_port = 8765;
    return uitest_start(&opt);
}

static ui_app *test_app(int w, int h, bool phones)
{
    return test_app_of(w, h, phones, TEST_SCENARIO, false);
}

/* Steps the app (the loop's passes: the phones' requests are answered
 * once the game has journaled them) until the phones' thread is done and
 * the figures are in; bounded (a request the game does not answer is
 * answered by the server within its ack time anyway). */
static bool test_wait_figures(ui_app *app, size_t devices, int votes,
                              pthread_t *thread)
{
    bool ok = false;
    bool woke = false;
    Uint32 type = ui_phones_event_type(app->cls->phones);
    for (int i = 0; i < 6000 && !ok; i++) {
        /* as the loop sleeps: the phones' event wakes it */
        SDL_PumpEvents();
        woke |= type != 0 &&
                SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, type, type) > 0;
        struct timespec nap = {0, 5 * 1000000L};
        nanosleep(&nap, NULL);
        ui_app_step(app);
        ui_phones_figures f =
            ui_phones_figures_of(app->cls->phones, app->cls->cs);
        ok = test_phones_done && f.devices == devices && f.votes == votes;
    }
    pthread_join(*thread, NULL);
    if (!ok) {
        ui_phones_figures f =
            ui_phones_figures_of(app->cls->phones, app->cls->cs);
        fprintf(stderr, "phones: %zu joined, %d votes, done %d\n", f.devices,
                f.votes, (int)test_phones_done);
    }
    CHECK(woke);
    return ok;
}

static bool test_listening(void)
{
    char reply[256];
    return test_http("GET /api/state HTTP/1.1\r\nHost: x\r\n"
                     "Connection: close\r\n\r\n",
                     reply, sizeof reply) == 0;
}

/* The QR code in the screenshot, module by module, is the join URL's;
 * every text is at least 1/28 of the height. big: the join panel (the
 * turn screen), else the vote screen's compact one. */
static void test_panel_pixels(ui_app *app, const char *path, bool big)
{
    ui_phones *p = app->cls->phones;
    SDL_Rect qr;
    int m = 0;
    CHECK(ui_phones_qr_drawn(p, &qr, &m));
    int h = app->lay.h;
    if (big) {
        /* a code a phone reads from the back of a room: a third of the
         * height at least, modules of several pixels */
        CHECK(qr.w >= h / 3);
        CHECK(m >= 3);
    } else {
        /* small, for latecomers near the screen: modules of 2 pixels at
         * least, a sixth of the height at most */
        CHECK(m >= 2);
        CHECK(qr.w <= h / 6);
    }
    CHECK(ui_text_frame_min_px(app->text) >= (h + 27) / 28);
    /* every text inside the window, none over another */
    const SDL_Rect *tr = NULL;
    size_t nt = ui_text_frame_rects(app->text, &tr);
    for (size_t i = 0; i < nt; i++) {
        CHECK(tr[i].x >= 0 && tr[i].y >= 0 &&
              tr[i].x + tr[i].w <= app->lay.w && tr[i].y + tr[i].h <= h);
        CHECK(!SDL_HasIntersection(&tr[i], &qr));
        for (size_t k = i + 1; k < nt; k++) {
            if (SDL_HasIntersection(&tr[i], &tr[k])) {
                fprintf(stderr, "%dx%d: texts %zu and %zu overlap\n",
                        app->lay.w, h, i, k);
                CHECK(!"overlapping texts");
            }
        }
    }
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    CHECK(png_image_begin_read_from_file(&img, path) != 0);
    img.format = PNG_FORMAT_RGB;
    unsigned char *px = malloc(PNG_IMAGE_SIZE(img));
    CHECK(px && png_image_finish_read(&img, NULL, px, 0, NULL) != 0);
    phone_qr *code = phone_qr_new(ui_phones_url(p));
    CHECK(code != NULL);
    int wrong = 0;
    int side = code ? code->size + 2 * PHONE_QR_QUIET : 0;
    /* qr is where the code is on screen (a mirrored, right-to-left
     * screen puts it at the other side); the code reads as it is */
    int sx = qr.x;
    for (int y = 0; px && code && y < side; y++) {
        for (int x = 0; x < side; x++) {
            int cx = sx + x * m + m / 2;
            int cy = qr.y + y * m + m / 2;
            const unsigned char *c = px + ((size_t)cy * img.width + cx) * 3;
            bool dark = c[0] < 64 && c[1] < 64 && c[2] < 64;
            bool light = c[0] > 191 && c[1] > 191 && c[2] > 191;
            bool want =
                phone_qr_dark(code, x - PHONE_QR_QUIET, y - PHONE_QR_QUIET);
            if (want ? !dark : !light) {
                wrong++;
            }
        }
    }
    CHECK(wrong == 0);
    phone_qr_free(code);
    free(px);
}

static void test_size(int w, int h, const char *shots)
{
    /* the switch is off unless asked; nothing listens before the start */
    ui_app *app = test_app(w, h, false);
    CHECK(!app->cls->phones_on);
    ui_class_do(app, UI_CLASS_ARG(UI_CLASS_SET_PHONES, 1));
    CHECK(app->cls->phones_on);
    CHECK(app->cls->phones == NULL);
    char path[512];
    snprintf(path, sizeof path, "%s/phones-start-%dx%d.png",
             shots ? shots : RAPPORT_TEST_TMP, w, h);
    ui_app_redraw(app);
    CHECK(ui_app_screenshot(app, path));
    CHECK(ui_text_frame_min_px(app->text) >= (h + 27) / 28);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* Start the class */
    ui_phones *p = app->cls->phones;
    CHECK(p != NULL);
    if (!p) {
        ui_app_free(app);
        return;
    }
    CHECK(strcmp(ui_phones_code(p), TEST_CODE) == 0);
    CHECK(strstr(ui_phones_url(p), ":8765/") != NULL);
    /* the projector shows 8765; the phones of this test use the port
     * the server really has */
    test_port = ui_phones_port(p);
    CHECK(test_listening());
    uitest_key(app, SDLK_r, 0);        /* the whole line */
    uitest_key(app, SDLK_PAGEDOWN, 0); /* the options: the ballot opens */
    CHECK(class_phase_of(app->cls->cs) == CLASS_PHASE_DISCUSS);
    /* no phone yet: the big code on the turn screen */
    ui_app_redraw(app);
    snprintf(path, sizeof path, "%s/phones-turn-%dx%d.png",
             shots ? shots : RAPPORT_TEST_TMP, w, h);
    CHECK(ui_app_screenshot(app, path));
    test_panel_pixels(app, path, true);
    pthread_t thread;
    test_phones_done = 0;
    CHECK(pthread_create(&thread, NULL, test_phones, NULL) == 0);
    CHECK(test_wait_figures(app, TEST_PHONES, 3, &thread));
    CHECK(class_phase_of(app->cls->cs) == CLASS_PHASE_VOTE);
    /* hands for people without a phone: two for A */
    uitest_key(app, SDLK_a, 0);
    uitest_key(app, SDLK_a, 0);
    CHECK(class_tally(app->cls->cs, CLASS_SRC_HANDS, CLASS_ROOM, 0) == 2);
    CHECK(class_tally(app->cls->cs, CLASS_SRC_PHONES, CLASS_ROOM, 0) == 2);
    CHECK(class_tally(app->cls->cs, CLASS_SRC_PHONES, CLASS_ROOM, 1) == 0);
    CHECK(class_tally(app->cls->cs, CLASS_SRC_PHONES, CLASS_ROOM, 2) == 1);
    ui_app_redraw(app);
    snprintf(path, sizeof path, "%s/phones-vote-%dx%d.png",
             shots ? shots : RAPPORT_TEST_TMP, w, h);
    CHECK(ui_app_screenshot(app, path));
    test_panel_pixels(app, path, false);
    /* the loop sleeps until the timer's next second, no sooner */
    int wait = ui_class_next_change_ms(app);
    CHECK(wait > 0 && wait <= 1000);
    /* the facilitator closes the vote; the chart mixes hands and phones */
    uitest_key(app, SDLK_PAGEDOWN, 0);
    CHECK(class_phase_of(app->cls->cs) == CLASS_PHASE_RESULTS);
    CHECK(class_bar(app->cls->cs, 0) == 4);
    CHECK(class_bar(app->cls->cs, 2) == 1);
    CHECK(ui_class_next_change_ms(app) == -1); /* nothing moves: it sleeps */
    ui_app_free(app);
    CHECK(!test_listening()); /* the server stopped with the class */
}

/* Teams mode with short options: phones of two teams vote, each vote
 * counts for its phone's team, a forged team is refused, the panel is
 * compact on the vote screen and at least four options are whole in
 * view (1024x768 included). */
static void test_teams_size(int w, int h, const char *shots)
{
    ui_app *app = test_app_of(w, h, true, TEST_SHORT, true);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* Start: no refusal in teams mode */
    ui_phones *p = app->cls->phones;
    CHECK(p != NULL && class_mode_of(app->cls->cs) == CLASS_TEAMS);
    if (!p) {
        ui_app_free(app);
        return;
    }
    test_port = ui_phones_port(p);
    uitest_key(app, SDLK_r, 0);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* the options: the ballot opens */
    pthread_t thread;
    test_phones_done = 0;
    test_forged_status = 0;
    CHECK(pthread_create(&thread, NULL, test_team_phones, NULL) == 0);
    CHECK(test_wait_figures(app, TEST_PHONES, TEST_PHONES, &thread));
    CHECK(test_forged_status == 400);
    const class_session *cs = app->cls->cs;
    CHECK(class_phase_of(cs) == CLASS_PHASE_VOTE);
    /* Red (phones 0, 2, 4): A, A, B; Blue (1, 3): C, C */
    CHECK(class_tally(cs, CLASS_SRC_PHONES, 0, 0) == 2);
    CHECK(class_tally(cs, CLASS_SRC_PHONES, 0, 1) == 1);
    CHECK(class_tally(cs, CLASS_SRC_PHONES, 0, 2) == 0);
    CHECK(class_tally(cs, CLASS_SRC_PHONES, 1, 2) == 2);
    CHECK(class_votes(cs, CLASS_SRC_PHONES, 1) == 2);
    ui_phones_figures f = ui_phones_figures_of(p, cs);
    CHECK(f.team_count == 2 && f.team_devices[0] == 3 &&
          f.team_devices[1] == 2 && f.team_votes[0] == 3 &&
          f.team_votes[1] == 2);
    ui_app_redraw(app);
    char path[512];
    snprintf(path, sizeof path, "%s/phones-teams-%dx%d.png",
             shots ? shots : RAPPORT_TEST_TMP, w, h);
    CHECK(ui_app_screenshot(app, path));
    test_panel_pixels(app, path, false);
    if (app->cls->vote_in_view < 4) {
        fprintf(stderr, "%dx%d: %zu options in view\n", w, h,
                app->cls->vote_in_view);
    }
    CHECK(app->cls->vote_in_view >= 4);
    /* closing needs every team's choice: Red A, Blue C; the call ties */
    uitest_key(app, SDLK_PAGEDOWN, 0);
    CHECK(class_phase_of(cs) == CLASS_PHASE_RESULTS);
    /* the results screen: the big panel again, with the teams' phones */
    ui_app_redraw(app);
    snprintf(path, sizeof path, "%s/phones-teams-results-%dx%d.png",
             shots ? shots : RAPPORT_TEST_TMP, w, h);
    CHECK(ui_app_screenshot(app, path));
    test_panel_pixels(app, path, true);
    ui_app_free(app);
    CHECK(!test_listening());
}

/* The Arabic interface, with an Arabic scenario: the panel's words in
 * Arabic, right to left; the QR code not mirrored (read back module by
 * module whichever side it is drawn on), the URL and code left to right
 * (digits and the address in their order). */
static void test_arabic(const char *shots)
{
    char err[128];
    CHECK(lang_use("ar", RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK(lang_rtl());
    static const int sizes[][2] = {{1024, 768}, {1920, 1080}};
    for (size_t k = 0; k < 2; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        ui_app *app = test_app_of(w, h, true, TEST_ARABIC, true);
        uitest_key(app, SDLK_PAGEDOWN, 0); /* Start */
        ui_phones *p = app->cls->phones;
        CHECK(p != NULL);
        if (!p) {
            ui_app_free(app);
            continue;
        }
        test_port = ui_phones_port(p);
        uitest_key(app, SDLK_r, 0);
        uitest_key(app, SDLK_PAGEDOWN, 0);
        ui_app_redraw(app);
        char path[512];
        snprintf(path, sizeof path, "%s/phones-ar-turn-%dx%d.png",
                 shots ? shots : RAPPORT_TEST_TMP, w, h);
        CHECK(ui_app_screenshot(app, path));
        test_panel_pixels(app, path, true);
        pthread_t thread;
        test_phones_done = 0;
        CHECK(pthread_create(&thread, NULL, test_team_phones, NULL) == 0);
        CHECK(test_wait_figures(app, TEST_PHONES, TEST_PHONES, &thread));
        ui_app_redraw(app);
        snprintf(path, sizeof path, "%s/phones-ar-vote-%dx%d.png",
                 shots ? shots : RAPPORT_TEST_TMP, w, h);
        CHECK(ui_app_screenshot(app, path));
        test_panel_pixels(app, path, false);
        ui_app_free(app);
    }
    CHECK(lang_use("en", RAPPORT_LOCALE_DIR, err, sizeof err));
}

/* With phones, the discussion timer's end closes a vote that has votes
 * (here one hand), and the results come up unrevealed as for hands. */
static void test_timer_closes(void)
{
    ui_app *app = test_app(1024, 768, true);
    CHECK(app->cls->phones_on);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* Start */
    CHECK(app->cls->phones != NULL);
    uitest_key(app, SDLK_r, 0);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* the options; the timer runs */
    CHECK(class_timer_running(app->cls->cs));
    uint64_t now = (uint64_t)ui_class_now(app);
    uitest_key(app, SDLK_c, 0); /* a hand for C pauses the timer: start it */
    uitest_key(app, SDLK_p, 0);
    CHECK(class_timer_running(app->cls->cs));
    CHECK(class_phase_of(app->cls->cs) == CLASS_PHASE_VOTE);
    ui_app_set_clock(app, now + 59000);
    ui_app_step(app);
    CHECK(class_phase_of(app->cls->cs) == CLASS_PHASE_VOTE);
    CHECK(ui_class_next_change_ms(app) > 0);
    ui_app_set_clock(app, now + 61000);
    ui_app_step(app);
    CHECK(class_phase_of(app->cls->cs) == CLASS_PHASE_RESULTS);
    CHECK(!app->cls->chart);
    uitest_key(app, SDLK_PAGEDOWN, 0); /* reveal */
    CHECK(app->cls->chart);
    ui_app_free(app);
}

int main(int argc, char **argv)
{
    const char *shots = argc > 1 ? argv[1] : NULL;
    static const int sizes[][2] = {{1024, 768}, {1920, 1080}, {3840, 2160}};
    for (size_t i = 0; i < 3; i++) {
        test_size(sizes[i][0], sizes[i][1], shots);
        test_teams_size(sizes[i][0], sizes[i][1], shots);
    }
    test_timer_closes();
    test_arabic(shots);
    return check_done("test_class_phones_ui");
}
