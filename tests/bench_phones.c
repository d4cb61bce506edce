/* bench_phones.c — the projector's frame time while 200 phones vote (the
 * bench target):
 *
 *   rapport_phonebench ASSET_DIR SCENARIO [PANEL.png]
 *
 * Starts the phone server of classroom mode (ui_class_phones) on
 * 127.0.0.1 with a class session of SCENARIO at its first vote, then
 * draws frames of the phones panel at 1920x1080 (software renderer) while
 * taking the votes in, first with no phone, then with 200 simulated phones
 * (threads, each from its own loopback address) that join and change
 * their vote four times a second. Then the same in the class window
 * itself (ui_app on SDL's dummy video driver, software renderer): the
 * vote screen with the panel, each frame the loop's pass (the phones'
 * votes taken in) and a whole redraw. Prints frames, median, 95th
 * percentile and worst frame time, and the votes taken. A benchmark, not
 * a test: nothing here fails on speed. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "class.h"
#include "scenario.h"
#include "ui_app.h"
#include "ui_class.h"
#include "ui_class_phones.h"
#include "ui_internal.h"
#include "ui_png.h"
#include "ui_theme.h"
#include "uitest.h"

#define BENCH_PHONES 200
#define BENCH_SECONDS 5

static volatile int bench_stop;
static unsigned short bench_port;
static char bench_code[8];
static unsigned long bench_sent[BENCH_PHONES];

static double bench_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static void *bench_phone(void *arg)
{
    size_t n = (size_t)arg;
    char source[32], req[1024], reply[8192], token[40] = "";
    snprintf(source, sizeof source, "127.0.1.%zu", n + 1);
    snprintf(req, sizeof req,
             "POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
             "Content-Type: application/x-www-form-urlencoded\r\n"
             "Content-Length: 11\r\nConnection: close\r\n\r\ncode=%s",
             (unsigned)bench_port, bench_code);
    if (uitest_http(bench_port, source, req, reply, sizeof reply) != 0) {
        return NULL;
    }
    const char *c = strstr(reply, "rapport_device=");
    if (!c || sscanf(c, "rapport_device=%32[0-9a-f]", token) != 1) {
        return NULL;
    }
    for (unsigned k = 0; !bench_stop; k++) {
        char letter = (char)('A' + (n + k) % 3);
        snprintf(req, sizeof req,
                 "POST /api/vote HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                 "Cookie: rapport_device=%s\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\n"
                 "Content-Length: 17\r\nConnection: close\r\n\r\n"
                 "ballot=1&option=%c",
                 (unsigned)bench_port, token, letter);
        if (uitest_http(bench_port, source, req, reply, sizeof reply) == 0) {
            bench_sent[n]++;
        }
        usleep(250000);
    }
    return NULL;
}

static int bench_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : (x > y ? 1 : 0);
}

/* Frames for BENCH_SECONDS: take events, update, draw, present. */
static void bench_frames(const char *label, ui_phones *p, class_session *c,
                         SDL_Renderer *r, ui_text *t, const ui_theme *theme)
{
    static double ms[100000];
    size_t frames = 0;
    double start = bench_now_ms();
    while (bench_now_ms() - start < BENCH_SECONDS * 1000.0 &&
           frames < sizeof ms / sizeof ms[0]) {
        double t0 = bench_now_ms();
        SDL_Event ev;
        while (SDL_PollEvent(&ev)) {
        }
        ui_phones_update(p, c, (int64_t)t0);
        ui_text_begin_frame(t);
        SDL_SetRenderDrawColor(r, theme->bg.r, theme->bg.g, theme->bg.b, 255);
        SDL_RenderClear(r);
        SDL_Rect area = {96, 96, 1920 - 192, 1080 - 192};
        ui_phones_draw(p, c, r, t, theme, area, 1080 / 28);
        SDL_RenderPresent(r);
        ms[frames++] = bench_now_ms() - t0;
        usleep(16000); /* about 60 frames a second, as the game paces */
    }
    qsort(ms, frames, sizeof ms[0], bench_cmp);
    ui_phones_figures f = ui_phones_figures_of(p, c);
    printf("%-22s %6zu %10.2f %10.2f %10.2f %8zu %8d\n", label, frames,
           ms[frames / 2], ms[frames * 95 / 100], ms[frames - 1], f.devices,
           f.votes);
}

/* The class window's vote screen while the phones vote: frames for
 * BENCH_SECONDS, each the loop's pass and a whole redraw. */
static void bench_window(const char *scenario_path, int w, int h)
{
    static double ms[100000];
    const char *paths[1] = {scenario_path};
    ui_app_options opt = {0};
    uitest_headless(&opt, w, h, paths, 1);
    opt.classroom = true;
    opt.phones = true;
    opt.phones_address = "127.0.0.1";
    opt.phones_any_port = true;
    char err[256];
    ui_app *app = ui_app_new(&opt, err, sizeof err);
    if (!app) {
        fprintf(stderr, "rapport_phonebench: the window: %s\n", err);
        return;
    }
    app->running = true;
    ui_class_do(app, UI_CLASS_ARG(UI_CLASS_START, 0));
    ui_class_do(app, UI_CLASS_ARG(UI_CLASS_REVEAL, 0));
    ui_class_do(app, UI_CLASS_ARG(UI_CLASS_NEXT, 0)); /* the options */
    ui_class_do(app, UI_CLASS_ARG(UI_CLASS_HAND, 0)); /* the vote screen */
    if (!app->cls->phones) {
        fprintf(stderr, "rapport_phonebench: the window has no phones: %s\n",
                app->cls->note);
        ui_app_free(app);
        return;
    }
    bench_port = ui_phones_port(app->cls->phones);
    snprintf(bench_code, sizeof bench_code, "%s",
             ui_phones_code(app->cls->phones));
    bench_stop = 0;
    pthread_t threads[BENCH_PHONES];
    for (size_t i = 0; i < BENCH_PHONES; i++) {
        pthread_create(&threads[i], NULL, bench_phone, (void *)i);
    }
    size_t frames = 0;
    double start = bench_now_ms();
    while (bench_now_ms() - start < BENCH_SECONDS * 1000.0 &&
           frames < sizeof ms / sizeof ms[0]) {
        double t0 = bench_now_ms();
        ui_app_step(app);
        ui_app_redraw(app);
        ms[frames++] = bench_now_ms() - t0;
        usleep(16000);
    }
    bench_stop = 1;
    for (size_t i = 0; i < BENCH_PHONES; i++) {
        pthread_join(threads[i], NULL);
    }
    qsort(ms, frames, sizeof ms[0], bench_cmp);
    ui_phones_figures f = ui_phones_figures_of(app->cls->phones, app->cls->cs);
    char label[64];
    snprintf(label, sizeof label, "vote screen %dx%d", w, h);
    printf("%-22s %6zu %10.2f %10.2f %10.2f %8zu %8d\n", label, frames,
           ms[frames / 2], ms[frames * 95 / 100], ms[frames - 1], f.devices,
           f.votes);
    ui_app_free(app);
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr,
                "usage: rapport_phonebench ASSET_DIR SCENARIO [PANEL.png]\n");
        return 2;
    }
    char regular[1024], bold[1024];
    snprintf(regular, sizeof regular, "%s/fonts/NotoSans-Regular.ttf",
             argv[1]);
    snprintf(bold, sizeof bold, "%s/fonts/NotoSans-Bold.ttf", argv[1]);
    if (SDL_Init(SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "rapport_phonebench: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(
        0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    ui_text *t = r ? ui_text_new(r, regular, bold) : NULL;
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_file(argv[2], diags);
    class_session *c = sc ? class_new(sc, NULL, diags) : NULL;
    if (!t || !c) {
        fprintf(stderr, "rapport_phonebench: cannot start (%s)\n",
                SDL_GetError());
        return 1;
    }
    class_next(c, 0); /* LINE -> DISCUSS: the options are shown */
    ui_phones_options o = {0};
    o.address = "127.0.0.1";
    o.title = "bench";
    char err[256];
    ui_phones *p = ui_phones_new(&o, err, sizeof err);
    if (!p) {
        fprintf(stderr, "rapport_phonebench: %s\n", err);
        return 1;
    }
    const char *base = ui_phones_base_url(p);
    const char *colon = strrchr(base, ':');
    bench_port = (unsigned short)atoi(colon ? colon + 1 : "0");
    snprintf(bench_code, sizeof bench_code, "%s", ui_phones_code(p));
    const ui_theme *theme = ui_theme_get(false);
    printf("Projector frame time with phones voting (1920x1080, software "
           "renderer), ms\n");
    printf("%-22s %6s %10s %10s %10s %8s %8s\n", "", "frames", "median",
           "95th", "worst", "phones", "votes");
    ui_phones_update(p, c, 0);
    bench_frames("no phones", p, c, r, t, theme);
    pthread_t threads[BENCH_PHONES];
    for (size_t i = 0; i < BENCH_PHONES; i++) {
        pthread_create(&threads[i], NULL, bench_phone, (void *)i);
    }
    bench_frames("200 phones voting", p, c, r, t, theme);
    bench_stop = 1;
    for (size_t i = 0; i < BENCH_PHONES; i++) {
        pthread_join(threads[i], NULL);
    }
    unsigned long sent = 0;
    for (size_t i = 0; i < BENCH_PHONES; i++) {
        sent += bench_sent[i];
    }
    ui_phones_update(p, c, 0);
    if (argc == 4) { /* the last frame, to look at */
        printf("the panel: %s\n", ui_png_write_screen(r, 1920, 1080, argv[3])
                                      ? argv[3]
                                      : "not written");
    }
    printf("votes sent by the phones: %lu; phone entries in the class "
           "session: %zu\n",
           sent, class_entry_count(c));
    ui_phones_free(p);
    class_free(c);
    scenario_free(sc);
    diag_list_free(diags);
    ui_text_free(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    TTF_Quit();
    SDL_Quit();
    /* the class window itself, 200 phones voting */
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    bench_window(argv[2], 1920, 1080);
    return 0;
}
