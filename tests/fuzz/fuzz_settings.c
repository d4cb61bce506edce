/* fuzz_settings.c — libFuzzer target: any bytes as the game's
 * settings.json (read before the window opens, by ui_prefs_load). The
 * bytes go to a file in a per-process temp folder (the reader takes a
 * folder). What loads must keep its promises: a text size in range, a
 * trainee name that follows the rule of trainee.h (or none), a warning
 * that is one line. Built only with -DRAPPORT_FUZZ=ON and clang. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trainee.h"
#include "ui_prefs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_dir[64];
static char fuzz_path[128];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_dir[0]) {
        snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/fuzz-settings-XXXXXX");
        if (!mkdtemp(fuzz_dir)) {
            fuzz_dir[0] = '\0';
            return 0;
        }
        snprintf(fuzz_path, sizeof fuzz_path, "%s/settings.json", fuzz_dir);
    }
    FILE *f = fopen(fuzz_path, "wb");
    if (!f) {
        return 0;
    }
    fwrite(data, 1, size, f);
    fclose(f);
    ui_prefs pr;
    char warn[600];
    ui_prefs_status st = ui_prefs_load(fuzz_dir, &pr, warn, sizeof warn);
    if (st == UI_PREFS_LOADED) {
        if (pr.text_scale < UI_PREFS_SCALE_MIN - 1e-9 ||
            pr.text_scale > UI_PREFS_SCALE_MAX + 1e-9) {
            if (pr.text_scale != 1.0) {
                abort();
            }
        }
        if (pr.trainee[0] && trainee_check(pr.trainee) != TRAINEE_OK) {
            abort();
        }
    }
    if (strchr(warn, '\n')) {
        abort();
    }
    return 0;
}
