/* fuzz_session.c — libFuzzer target: a session over a shipped scenario
 * (FUZZ_SESSION_SCENARIOS, a folder set by CMake; the first input byte
 * picks which), driven by the bytes: each step is a choice position
 * (any byte, out-of-range positions included, which the session must
 * refuse), a response time, or a silence (patience running out). Then
 * the debrief, as text and JSON, twice: the same inputs must give the
 * same bytes. Invariants checked: scores in 0-100, mood in 0-100, the
 * transcript as long as the turns, the debrief always produced.
 * Built only with -DRAPPORT_FUZZ=ON and clang. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief.h"
#include "diag.h"
#include "scenario.h"
#include "session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAX_SCENARIOS 64

static scenario *fuzz_scenarios[FUZZ_MAX_SCENARIOS];
static size_t fuzz_count;

static int fuzz_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void fuzz_load(void)
{
    DIR *d = opendir(FUZZ_SESSION_SCENARIOS);
    char *names[FUZZ_MAX_SCENARIOS];
    size_t n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL && n < FUZZ_MAX_SCENARIOS) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0) {
            names[n++] = strdup(e->d_name);
        }
    }
    if (d) {
        closedir(d);
    }
    qsort(names, n, sizeof names[0], fuzz_cmp);
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", FUZZ_SESSION_SCENARIOS, names[i]);
        diag_list *diags = diag_list_new();
        scenario *sc = scenario_load_file(path, diags);
        if (sc) {
            fuzz_scenarios[fuzz_count++] = sc;
        }
        diag_list_free(diags);
        free(names[i]);
    }
}

/* One session from the bytes; the debrief's JSON (malloc'd) or NULL. */
static char *fuzz_play(const scenario *sc, const uint8_t *data, size_t size,
                       bool relaxed)
{
    session_options opt;
    memset(&opt, 0, sizeof opt);
    opt.relaxed_timing = relaxed;
    session *s = session_new(sc, &opt);
    if (!s) {
        return NULL;
    }
    size_t i = 0;
    for (int step = 0; step < 400 && i < size && !session_is_finished(s);
         step++) {
        uint8_t op = data[i++];
        uint8_t arg = i < size ? data[i++] : 0;
        int ms = (int)arg * 400;
        if (op >= 0xF0) {
            (void)session_wait(s, ms * 10);
        } else {
            size_t n = session_offered_count(s);
            size_t pos = op < 0xE0 && n ? op % n : op; /* some invalid */
            session_status st = session_choose(s, pos, ms);
            if (pos >= n && st == SESSION_OK) {
                abort(); /* an option that is not on offer was taken */
            }
        }
        int mood = session_mood(s);
        if (mood < 0 || mood > 100) {
            abort();
        }
    }
    debrief *d = debrief_new(s);
    if (!d) {
        abort(); /* the debrief is always produced */
    }
    if (d->summary.overall < 0 || d->summary.overall > 100 ||
        d->turn_count != session_turn_count(s)) {
        abort();
    }
    for (int k = 0; k < SCENARIO_DIM_COUNT; k++) {
        if (d->summary.dim[k] < 0 || d->summary.dim[k] > 100) {
            abort();
        }
    }
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        debrief_write_text(d, null);
        fclose(null);
    }
    char *json = debrief_to_json(d);
    debrief_free(d);
    session_free(s);
    return json;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_count) {
        fuzz_load();
        if (!fuzz_count) {
            abort(); /* no scenario: the target is misconfigured */
        }
    }
    if (size < 1) {
        return 0;
    }
    const scenario *sc = fuzz_scenarios[data[0] % fuzz_count];
    bool relaxed = (data[0] & 0x80) != 0;
    char *a = fuzz_play(sc, data + 1, size - 1, relaxed);
    char *b = fuzz_play(sc, data + 1, size - 1, relaxed);
    if (!a || !b || strcmp(a, b) != 0) {
        abort(); /* the same inputs give the same bytes */
    }
    free(a);
    free(b);
    return 0;
}
