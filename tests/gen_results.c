/* gen_results.c — writes N result records of varied sessions (choices,
 * response times, trainees) of the scenarios given, for the bench target's
 * `rapport report` row:
 *
 *   gen_results DIR N SCENARIO...
 *
 * Each session picks option (i * 7 + turn * 3) mod the options on offer,
 * so the records differ and stay valid; every 25th is left unfinished and
 * saved as an incomplete attempt. Files are DIR/result-NNNNN.json, written
 * plainly (no fsync: this is test data). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "debrief.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: gen_results DIR N SCENARIO...\n");
        return 2;
    }
    const char *dir = argv[1];
    long n = strtol(argv[2], NULL, 10);
    int count = argc - 3;
    scenario **sc = calloc((size_t)count, sizeof *sc);
    diag_list *diags = diag_list_new();
    for (int k = 0; k < count; k++) {
        sc[k] = scenario_load_file(argv[3 + k], diags);
        if (!sc[k]) {
            diag_print(diags, stderr);
            return 1;
        }
    }
    mkdir(dir, 0777);
    for (long i = 0; i < n; i++) {
        const scenario *s0 = sc[i % count];
        session *s = session_new(s0, NULL);
        bool stop_early = i % 25 == 24;
        for (int turn = 0; !session_is_finished(s) && turn < 200; turn++) {
            if (stop_early && turn == 2) {
                break;
            }
            size_t offered = session_offered_count(s);
            size_t pos = (size_t)(i * 7 + turn * 3) % offered;
            int ms = 2000 + (int)((i * 1303 + turn * 977) % 40000);
            session_choose(s, pos, ms);
        }
        debrief *d = debrief_new(s);
        char trainee[32];
        snprintf(trainee, sizeof trainee, "Trainee %ld", i % 50 + 1);
        result_info info = {.trainee = trainee,
                            .started_ms = INT64_C(1700000000000) + i * 60000,
                            .feedback_mode = RESULT_FEEDBACK_WITHHELD,
                            .interrupted = stop_early};
        info.ended_ms = info.started_ms + d->total_response_ms;
        char *json = result_record_json(d, &info, diags);
        char path[4096];
        snprintf(path, sizeof path, "%s/result-%05ld.json", dir, i);
        FILE *f = json ? fopen(path, "w") : NULL;
        if (!f || fputs(json, f) < 0 || fclose(f) != 0) {
            diag_print(diags, stderr);
            fprintf(stderr, "gen_results: cannot write %s\n", path);
            return 1;
        }
        free(json);
        debrief_free(d);
        session_free(s);
    }
    for (int k = 0; k < count; k++) {
        scenario_free(sc[k]);
    }
    free(sc);
    diag_list_free(diags);
    return 0;
}
