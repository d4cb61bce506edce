/* uitest.c — the headless UI tests' shared pieces (see uitest.h). */
#include "uitest.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui_class.h"

void uitest_headless(ui_app_options *o, int w, int h, const char *const *paths,
                     size_t n)
{
    o->width = w;
    o->height = h;
    o->virtual_clock = true;
    o->software = true;
    o->paths = paths;
    o->path_count = n;
}

ui_app *uitest_new(const ui_app_options *o)
{
    char err[256];
    ui_app *app = ui_app_new(o, err, sizeof err);
    if (!app) {
        fprintf(stderr, "cannot start the app: %s\n", err);
        exit(1);
    }
    app->running = true;
    return app;
}

ui_app *uitest_start(const ui_app_options *o)
{
    ui_app *app = uitest_new(o);
    ui_app_step(app);
    return app;
}

void uitest_key(ui_app *app, SDL_Keycode sym, Uint16 mod)
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

void uitest_text(ui_app *app, const char *text)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_TEXTINPUT;
    snprintf(ev.text.text, sizeof ev.text.text, "%s", text);
    SDL_PushEvent(&ev);
    ui_app_step(app);
}

void uitest_push_click(int x, int y, Uint32 which)
{
    SDL_Event ev;
    for (int i = 0; i < 2; i++) {
        memset(&ev, 0, sizeof ev);
        ev.type = i == 0 ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        ev.button.which = which;
        ev.button.button = SDL_BUTTON_LEFT;
        ev.button.state = i == 0 ? SDL_PRESSED : SDL_RELEASED;
        ev.button.clicks = 1;
        ev.button.x = x;
        ev.button.y = y;
        SDL_PushEvent(&ev);
    }
}

void uitest_click(ui_app *app, int x, int y, Uint32 which)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEMOTION;
    ev.motion.which = which;
    ev.motion.x = x;
    ev.motion.y = y;
    SDL_PushEvent(&ev);
    uitest_push_click(x, y, which);
    ui_app_step(app);
}

void uitest_push_finger(Uint32 type, SDL_FingerID finger, float x, float y)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.tfinger.touchId = 7;
    ev.tfinger.fingerId = finger;
    ev.tfinger.x = x;
    ev.tfinger.y = y;
    SDL_PushEvent(&ev);
}

void uitest_finger(ui_app *app, Uint32 type, int x, int y)
{
    uitest_push_finger(type, 3, (float)x / (float)app->lay.w,
                       (float)y / (float)app->lay.h);
    ui_app_step(app);
}

void uitest_scripted_options(ui_app_options *o, int w, int h,
                             const char *const *paths, size_t n,
                             const char *script, const char *dir)
{
    memset(o, 0, sizeof *o);
    uitest_headless(o, w, h, paths, n);
    o->virtual_clock = false; /* the script keeps its own time */
    o->software = false;
    o->classroom = true;
    o->scripted = true;
    o->class_script = script;
    o->screenshot_dir = dir;
}

int uitest_scripted(const ui_app_options *o)
{
    char err[256];
    ui_app *app = ui_app_new(o, err, sizeof err);
    if (!app) {
        fprintf(stderr, "cannot start the app: %s\n", err);
        return 1;
    }
    int rc = ui_app_run(app);
    if (rc == 0 && (!app->cls || !app->cls->cs ||
                    class_phase_of(app->cls->cs) != CLASS_PHASE_DEBRIEF)) {
        rc = 1;
    }
    ui_app_free(app);
    return rc;
}

char *uitest_nexts(const char *script, int n)
{
    size_t len = strlen(script) + 2 * (size_t)n + 1;
    char *s = malloc(len);
    if (!s) {
        exit(1);
    }
    snprintf(s, len, "%s", script);
    for (int i = 0; i < n; i++) {
        strcat(s, " >");
    }
    return s;
}

int uitest_class_shots(const char *dir, const char *size, const char *whole,
                       const char *teams, uitest_class_run run,
                       const void *ctx)
{
    int w = 0;
    int h = 0;
    if (sscanf(size, "%dx%d", &w, &h) != 2) {
        return 2;
    }
    char whole_dir[512];
    char teams_dir[512];
    snprintf(whole_dir, sizeof whole_dir, "%s/whole", dir);
    snprintf(teams_dir, sizeof teams_dir, "%s/teams", dir);
    mkdir(dir, 0777);
    mkdir(whole_dir, 0777);
    mkdir(teams_dir, 0777);
    char *a = uitest_nexts(whole, 90);
    char *b = uitest_nexts(teams, 110);
    int rc = run(ctx, a, false, w, h, whole_dir) != 0 ||
             run(ctx, b, true, w, h, teams_dir) != 0;
    free(a);
    free(b);
    return rc;
}

class_phase uitest_class_phase(const ui_app *app)
{
    return app->cls->cs ? class_phase_of(app->cls->cs) : CLASS_PHASE_LINE;
}

int uitest_http(unsigned short port, const char *source, const char *req,
                char *buf, size_t size)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    struct sockaddr_in src = {0}, dst = {0};
    src.sin_family = AF_INET;
    if (source) {
        inet_pton(AF_INET, source, &src.sin_addr);
    }
    dst.sin_family = AF_INET;
    dst.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
    size_t got = 0;
    if ((!source || bind(fd, (struct sockaddr *)&src, sizeof src) == 0) &&
        connect(fd, (struct sockaddr *)&dst, sizeof dst) == 0 &&
        send(fd, req, strlen(req), MSG_NOSIGNAL) == (ssize_t)strlen(req)) {
        ssize_t n;
        while (got + 1 < size &&
               (n = recv(fd, buf + got, size - 1 - got, 0)) > 0) {
            got += (size_t)n;
        }
    }
    buf[got] = '\0';
    close(fd);
    return got > 0 ? 0 : -1;
}

bool uitest_text_tall(const ui_app *app, int h, int parts, const char *label)
{
    int min_px = (h + parts - 1) / parts;
    int px = ui_text_frame_min_px(app->text);
    if (px < min_px) {
        fprintf(stderr, "%s at height %d: text of %d px (< %d)\n", label, h,
                px, min_px);
    }
    return px >= min_px;
}

static bool uitest_inside(const ui_app *app, SDL_Rect a)
{
    return a.x >= 0 && a.y >= 0 && a.x + a.w <= app->lay.w &&
           a.y + a.h <= app->lay.h;
}

uitest_frame uitest_frame_of(const ui_app *app, const char *label)
{
    uitest_frame f = {0};
    const SDL_Rect *tr = NULL;
    f.texts = ui_text_frame_rects(app->text, &tr);
    size_t first = ui_app_overlay_open(app) ? app->overlay_text_start : 0;
    for (size_t i = 0; i < f.texts; i++) {
        SDL_Rect a = tr[i];
        if (!uitest_inside(app, a)) {
            fprintf(stderr, "%s at %dx%d: text %zu (%d,%d %dx%d) outside\n",
                    label, app->lay.w, app->lay.h, i, a.x, a.y, a.w, a.h);
            f.texts_outside++;
        }
        for (size_t k = i + 1; k < f.texts && i >= first; k++) {
            if (SDL_HasIntersection(&a, &tr[k])) {
                fprintf(stderr,
                        "%s at %dx%d: texts %zu (%d,%d %dx%d) and %zu "
                        "(%d,%d %dx%d) overlap\n",
                        label, app->lay.w, app->lay.h, i, a.x, a.y, a.w, a.h,
                        k, tr[k].x, tr[k].y, tr[k].w, tr[k].h);
                f.text_overlaps++;
            }
        }
    }
    f.hits = (size_t)app->hit_count;
    for (int i = 0; i < app->hit_count; i++) {
        SDL_Rect a = app->hits[i].rect;
        if (!uitest_inside(app, a)) {
            fprintf(stderr, "%s: hit %d (%d,%d %dx%d) outside\n", label, i,
                    a.x, a.y, a.w, a.h);
            f.hits_outside++;
        }
        for (int k = i + 1; k < app->hit_count; k++) {
            SDL_Rect b = app->hits[k].rect;
            if (SDL_HasIntersection(&a, &b)) {
                fprintf(stderr, "%s: hits %d and %d overlap\n", label, i, k);
                f.hit_overlaps++;
            }
        }
    }
    return f;
}

ui_text_glyphs uitest_glyphs(const ui_app *app, const char *label)
{
    ui_text_glyphs g = ui_text_glyph_stats(app->text);
    if (g.notdef) {
        fprintf(stderr, "%s: %lu runs, %lu fallback, %lu .notdef\n", label,
                g.runs, g.fallback_runs, g.notdef);
    }
    return g;
}
