/* bench_text.c — times laying out text (the bench target):
 *
 *   rapport_textbench ASSET_DIR
 *
 * Measures ui_text_measure (layout with fonts, bidi and line breaking,
 * widths from SDL_ttf; nothing rasterised) on 1, 4 and 16 copies of a
 * paragraph, in English and in a mix of scripts, wrapped at three widths
 * and on one line, and prints the shortest CPU time of nine runs (CPU time of
 * this thread: on a busy machine wall time also counts the waits for a
 * core) with its ratio to one copy: linear layout gives about 4 and 16. A
 * benchmark, not a test: nothing here fails on speed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "ui_text.h"

#define BENCH_RUNS 9

static const char *const bench_paras[] = {
    "When a customer calls about a parcel that has not come, say you are "
    "sorry first and mean it, then look the order up while they are still "
    "on the line. Tell them what you see, what you will do and when they "
    "will hear from you, and never promise a date the courier cannot keep. "
    "If the parcel is lost, offer the choice of a refund or a new one. ",
    "Sorry for the wait \xF0\x9F\x99\x8F your order 4821 is on its way "
    "\xE2\x86\x92 \xD8\xB7\xD9\x84\xD8\xA8\xD9\x83 \xD9\x81\xD9\x8A "
    "\xD8\xA7\xD9\x84\xD8\xB7\xD8\xB1\xD9\x8A\xD9\x82 "
    "\xD7\x94\xD7\x96\xD7\x9E\xD7\xA0\xD7\x94 \xD7\xA9\xD7\x9C\xD7\x9A "
    "\xE3\x81\x94\xE6\xB3\xA8\xE6\x96\x87\xE3\x81\xAE\xE5\x95\x86\xE5\x93"
    "\x81\xE3\x81\xAF\xE6\x98\x8E\xE6\x97\xA5\xE5\xB1\x8A\xE3\x81\x8D"
    "\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82 \xE0\xA4\x86\xE0\xA4\xAA\xE0\xA4"
    "\x95\xE0\xA4\xBE \xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA5\x8D"
    "\xE0\xA4\xB8\xE0\xA4\xB2 \xE0\xB8\x9E\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8"
    "\x94\xE0\xB8\xB8 \xE2\x9C\x93 done. "};
static const char *const bench_names[] = {"English", "mixed scripts"};

static double bench_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static int bench_compare(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;
    return x < y ? -1 : (x > y ? 1 : 0);
}

/* Shortest time to lay out text (the cache emptied before each run). */
static double bench_layout(ui_text *t, const char *text, int wrap, int *lines)
{
    double ms[BENCH_RUNS];
    ui_text_style st = {24,           false,          wrap,  0,
                        UI_TEXT_LEFT, {0, 0, 0, 255}, false, "en"};
    for (int r = 0; r < BENCH_RUNS; r++) {
        ui_text_clear(t);
        double t0 = bench_ms();
        ui_text_size sz;
        ui_text_measure(t, text, &st, &sz);
        ms[r] = bench_ms() - t0;
        *lines = sz.lines;
    }
    qsort(ms, BENCH_RUNS, sizeof ms[0], bench_compare);
    return ms[0];
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: rapport_textbench ASSET_DIR\n");
        return 2;
    }
    char regular[1024];
    char bold[1024];
    snprintf(regular, sizeof regular, "%s/fonts/NotoSans-Regular.ttf",
             argv[1]);
    snprintf(bold, sizeof bold, "%s/fonts/NotoSans-Bold.ttf", argv[1]);
    if (TTF_Init() != 0) {
        fprintf(stderr, "rapport_textbench: %s\n", TTF_GetError());
        return 1;
    }
    ui_text *t = ui_text_new(NULL, regular, bold);
    if (!t) {
        fprintf(stderr, "rapport_textbench: %s\n", SDL_GetError());
        return 1;
    }
    printf("\n%-32s | %6s | %5s | %9s | %s\n", "text layout (24 px)", "bytes",
           "lines", "CPU time", "ratio to 1x");
    printf("%.32s-|-%.6s-|-%.5s-|-%.9s-|-%s\n",
           "----------------------------------------", "--------", "-------",
           "-----------", "-----------");
    static const int copies[] = {1, 4, 16};
    /* A column, a 4K screen's width, a width no line of 16 copies fills
     * (where wrapping that measured the line again after every word was
     * quadratic), and no wrapping. */
    static const int wraps[] = {900, 4000, 16000, 0};
    for (size_t p = 0; p < sizeof bench_paras / sizeof bench_paras[0]; p++) {
        for (size_t w = 0; w < sizeof wraps / sizeof wraps[0]; w++) {
            double base = 0.0;
            for (size_t c = 0; c < sizeof copies / sizeof copies[0]; c++) {
                size_t len = strlen(bench_paras[p]);
                char *text = malloc(len * (size_t)copies[c] + 1);
                if (!text) {
                    return 1;
                }
                for (int k = 0; k < copies[c]; k++) {
                    memcpy(text + len * (size_t)k, bench_paras[p], len);
                }
                text[len * (size_t)copies[c]] = '\0';
                int lines = 0;
                double ms = bench_layout(t, text, wraps[w], &lines);
                if (c == 0) {
                    base = ms;
                }
                char label[64];
                char width[32] = "one line";
                if (wraps[w]) {
                    snprintf(width, sizeof width, "%d px", wraps[w]);
                }
                snprintf(label, sizeof label, "%s, %s, %dx", bench_names[p],
                         width, copies[c]);
                printf("%-32s | %6zu | %5d | %6.2f ms | %5.1f\n", label,
                       strlen(text), lines, ms, base > 0 ? ms / base : 0.0);
                free(text);
            }
        }
    }
    ui_text_free(t);
    TTF_Quit();
    return 0;
}
