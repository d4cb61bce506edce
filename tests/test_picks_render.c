/* test_picks_render.c — the picker's loading progress, drawn headless
 * (SDL dummy video, software renderer) and read back from the pixels, on
 * a large folder (600 files, read 40 a frame): every frame while loading
 * draws words and a bar whose filled part (the accent colour) over the
 * whole bar (accent and track) is the share of files read, to a pixel;
 * the bar grows frame after frame; the list replaces it once all is read,
 * with every file listed. At 1024x768 and 1920x1080. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ui_internal.h"
#include "ui_picks.h"
#include "uitest.h"

#define TEST_FILES 600

static void test_write_files(const char *dir)
{
    for (int i = 0; i < TEST_FILES; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/s%05d.xml", dir, i);
        FILE *f = fopen(path, "w");
        if (f) {
            fprintf(f, "<x%d/>\n", i); /* not a scenario: read quickly */
            fclose(f);
        }
    }
}

static void test_remove_files(const char *dir)
{
    for (int i = 0; i < TEST_FILES; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/s%05d.xml", dir, i);
        unlink(path);
    }
    rmdir(dir);
}

static bool test_same(Uint32 px, SDL_Color c)
{
    return ((px >> 16) & 0xFF) == c.r && ((px >> 8) & 0xFF) == c.g &&
           (px & 0xFF) == c.b;
}

/* The bar in the frame: the first row holding a run of accent pixels
 * followed by track pixels (either may be empty) at least min_w long.
 * Returns false when there is none. */
static bool test_find_bar(ui_app *app, int min_w, int *filled, int *width)
{
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(app->renderer, &w, &h);
    Uint32 *px = malloc((size_t)w * (size_t)h * sizeof *px);
    bool found = false;
    if (px &&
        SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, px,
                             w * (int)sizeof *px) == 0) {
        SDL_Color accent = app->theme->accent;
        SDL_Color track = app->theme->track;
        for (int y = 0; y < h && !found; y++) {
            const Uint32 *row = px + (size_t)y * (size_t)w;
            for (int x = 0; x < w && !found; x++) {
                int a = 0, t = 0;
                while (x + a < w && test_same(row[x + a], accent)) {
                    a++;
                }
                while (x + a + t < w && test_same(row[x + a + t], track)) {
                    t++;
                }
                if (a + t >= min_w &&
                    (a == 0 || x == 0 || !test_same(row[x - 1], track))) {
                    *filled = a;
                    *width = a + t;
                    found = true;
                }
                x += a + t;
            }
        }
    }
    free(px);
    return found;
}

static void test_progress(const char *dir, int w, int h)
{
    char cfg[] = "/tmp/picks-render-cfg-XXXXXX";
    if (!mkdtemp(cfg)) {
        exit(1);
    }
    static ui_app_options opt;
    memset(&opt, 0, sizeof opt);
    const char *paths[] = {dir};
    opt.config_dir = cfg;
    opt.no_shuffle = true;
    uitest_headless(&opt, w, h, paths, 1);
    ui_app *app = uitest_new(&opt);
    CHECK(app->picks_loading); /* a large folder is read a frame at a time */
    int frames = 0;
    int last_filled = -1;
    int min_w = app->lay.h; /* the bar is two line heights, or the body */
    while (app->picks_loading && frames < 100) {
        ui_app_redraw(app);
        size_t done = ui_pick_loader_done(&app->pick_loader);
        size_t total = ui_pick_loader_total(&app->pick_loader);
        int filled = 0, width = 0;
        bool bar = test_find_bar(app, min_w, &filled, &width);
        if (!bar) {
            fprintf(stderr, "%dx%d frame %d: no progress bar (%zu of %zu)\n",
                    w, h, frames, done, total);
        }
        CHECK(bar);
        CHECK(total >= TEST_FILES && done < total);
        if (bar && total) {
            int want = (int)((double)width * (double)done / (double)total);
            if (abs(filled - want) > 1) {
                fprintf(stderr,
                        "%dx%d frame %d: %d of %d pixels filled, %zu of %zu "
                        "files read\n",
                        w, h, frames, filled, width, done, total);
            }
            CHECK(abs(filled - want) <= 1);
            CHECK(filled > last_filled); /* it grows every frame */
            last_filled = filled;
        }
        /* words above the bar: text was drawn this frame */
        const SDL_Rect *rects = NULL;
        CHECK(ui_text_frame_rects(app->text, &rects) >= 2);
        ui_app_step(app);
        frames++;
    }
    /* 40 files a frame: about total / 40 frames, each with its progress */
    CHECK(frames >= TEST_FILES / UI_PICKS_PER_FRAME - 1);
    CHECK(!app->picks_loading);
    ui_app_redraw(app);
    int filled = 0, width = 0;
    CHECK(!test_find_bar(app, min_w, &filled, &width) || filled == width);
    CHECK(app->pick_count >= TEST_FILES);
    ui_app_free(app);
    rmdir(cfg);
}

int main(void)
{
    char dir[] = "/tmp/picks-render-XXXXXX";
    if (!mkdtemp(dir)) {
        return 1;
    }
    test_write_files(dir);
    test_progress(dir, 1024, 768);
    test_progress(dir, 1920, 1080);
    test_remove_files(dir);
    return check_done("test_picks_render");
}
