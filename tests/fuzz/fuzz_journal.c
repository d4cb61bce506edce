/* fuzz_journal.c — libFuzzer target: any bytes through the journal reader
 * (journal_parse, as rapport recover and the game read a journal left
 * behind), and a journal read back through replay on a real scenario
 * (tests/data/tiny.xml, whose id, version, size and fingerprint are
 * written over the journal's so that replay is reached), the result's
 * record, report and statements, and the record read back. Built only
 * with -DRAPPORT_FUZZ=ON and clang; CI runs it for a short while with
 * journals as seeds (see .ci/run). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "debrief.h"
#include "diag.h"
#include "journal.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static scenario *fuzz_sc;
static char fuzz_fp[37];
static int64_t fuzz_bytes;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *path = RAPPORT_TEST_DATA "/tiny.xml";
    fuzz_sc = scenario_load_file(path, NULL);
    if (!fuzz_sc ||
        journal_fingerprint_file(path, fuzz_fp, &fuzz_bytes, NULL) != 0) {
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
    journal_data *jd =
        journal_parse((const char *)data, size, "fuzz.journal", diags);
    if (jd && jd->scenario_id && jd->scenario_version &&
        jd->scenario_fingerprint) {
        fuzz_set(&jd->scenario_id, fuzz_sc->id);
        fuzz_set(&jd->scenario_version, fuzz_sc->version);
        fuzz_set(&jd->scenario_fingerprint, fuzz_fp);
        jd->scenario_bytes = fuzz_bytes;
        session *s = journal_replay(jd, fuzz_sc, diags);
        debrief *d = s ? debrief_new(s) : NULL;
        if (d) {
            result_info info;
            journal_result_info(jd, s, &info);
            char *json = result_record_json(d, &info, diags);
            if (json) {
                result_record_free(
                    result_record_parse(json, strlen(json), "r", diags));
            }
            free(json);
            free(result_xapi_json(d, &info, diags));
            free(result_report_html(d, &info, diags));
        }
        debrief_free(d);
        session_free(s);
    }
    journal_data_free(jd);
    diag_list_free(diags);
    return 0;
}
