/* fuzz_loader.c — libFuzzer target: any bytes through the scenario loader,
 * and a valid scenario through a session, the scoring and both debrief
 * renderings. Built only with -DRAPPORT_FUZZ=ON and clang; CI runs it for a
 * short while on the shipped scenarios as seeds (see .ci/run). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "debrief.h"
#include "diag.h"
#include "scenario.h"
#include "session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    scenario *sc =
        scenario_load_memory((const char *)data, size, "fuzz.xml", diags);
    if (sc) {
        session *s = session_new(sc, NULL);
        /* Walk a path picked from the input bytes, with varied times. */
        for (size_t step = 0; s && step < 64 && !session_is_finished(s);
             step++) {
            size_t n = session_offered_count(s);
            uint8_t b = data[step % size];
            if (n == 0) {
                break;
            }
            session_choose(s, b % n, (int)b * 250);
        }
        debrief *d = s ? debrief_new(s) : NULL;
        if (d) {
            FILE *null = fopen("/dev/null", "w");
            if (null) {
                debrief_write_text(d, null);
                fclose(null);
            }
            free(debrief_to_json(d));
        }
        debrief_free(d);
        session_free(s);
    }
    scenario_free(sc);
    diag_list_free(diags);
    return 0;
}
