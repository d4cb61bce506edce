/* fuzz_class_journal.c — libFuzzer target: any bytes through the class
 * journal reader (class_journal_parse, as `rapport class --resume` and the
 * game's class screens read a journal left behind), and a journal read
 * back through replay on scenarios/billing-error.xml (whose id, version,
 * size and fingerprint are written over the journal's so that replay is
 * reached), then the class debrief, the class record, page and
 * statements, and the record read back. Built only with -DRAPPORT_FUZZ=ON
 * and clang; CI runs it for a short while with class journals as seeds
 * (see .ci/run). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class.h"
#include "class_journal.h"
#include "class_result.h"
#include "diag.h"
#include "journal.h"
#include "scenario.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static scenario *fuzz_sc;
static char fuzz_fp[37];
static int64_t fuzz_bytes;
static FILE *fuzz_null;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_sc = scenario_load_file(FUZZ_CLASS_SCENARIO, NULL);
    fuzz_null = fopen("/dev/null", "w");
    if (!fuzz_sc || !fuzz_null ||
        journal_fingerprint_file(FUZZ_CLASS_SCENARIO, fuzz_fp, &fuzz_bytes,
                                 NULL) != 0) {
        abort();
    }
    return 0;
}

static void fuzz_set(char **field, const char *value)
{
    free(*field);
    *field = strdup(value ? value : "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    class_journal_data *jd = class_journal_parse((const char *)data, size,
                                                 "fuzz.class-journal", diags);
    if (jd && jd->scenario_id && jd->scenario_version &&
        jd->scenario_fingerprint) {
        fuzz_set(&jd->scenario_id, fuzz_sc->id);
        fuzz_set(&jd->scenario_version, fuzz_sc->version);
        fuzz_set(&jd->scenario_fingerprint, fuzz_fp);
        jd->scenario_bytes = fuzz_bytes;
        class_session *c = class_journal_replay(jd, fuzz_sc, diags);
        if (c) {
            class_debrief_write(c, fuzz_null);
            class_result_info info = {.started_ms = jd->started_ms,
                                      .ended_ms = jd->started_ms + 1000,
                                      .interrupted = true};
            char *json = class_result_json(c, &info, diags);
            if (json) {
                class_record *r =
                    class_record_parse(json, strlen(json), "r", diags);
                if (!r) {
                    abort(); /* a record written must read back */
                }
                class_record_free(r);
            }
            free(json);
            free(class_result_html(c, &info, diags));
            free(class_result_xapi(c, &info, diags));
        }
        class_free(c);
    }
    class_journal_data_free(jd);
    diag_list_free(diags);
    return 0;
}
