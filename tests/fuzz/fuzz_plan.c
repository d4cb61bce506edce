/* fuzz_plan.c — libFuzzer target: any bytes as a test plan (the file
 * `rapport test` reads), written next to a copy of a shipped scenario so
 * that a plan naming it loads it; every case of a plan that loads is run.
 * The plan reader has no memory entry point: the bytes go to a file in a
 * per-process temp folder (FUZZ_PLAN_SCENARIO, set by CMake, is the
 * scenario copied there as "s.xml"). Built only with -DRAPPORT_FUZZ=ON
 * and clang (see tests/fuzz/CMakeLists.txt and .ci/run). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_dir[64];
static char fuzz_path[128];

static int fuzz_setup(void)
{
    if (fuzz_dir[0]) {
        return 0;
    }
    snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/fuzz-plan-XXXXXX");
    if (!mkdtemp(fuzz_dir)) {
        return -1;
    }
    char to[128];
    snprintf(to, sizeof to, "%s/s.xml", fuzz_dir);
    FILE *in = fopen(FUZZ_PLAN_SCENARIO, "rb");
    FILE *out = fopen(to, "wb");
    char buf[65536];
    size_t n;
    while (in && out && (n = fread(buf, 1, sizeof buf, in)) > 0) {
        fwrite(buf, 1, n, out);
    }
    if (in) {
        fclose(in);
    }
    if (out) {
        fclose(out);
    }
    snprintf(fuzz_path, sizeof fuzz_path, "%s/t.plan.xml", fuzz_dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fuzz_setup() != 0) {
        return 0;
    }
    FILE *f = fopen(fuzz_path, "wb");
    if (!f) {
        return 0;
    }
    fwrite(data, 1, size, f);
    fclose(f);
    diag_list *diags = diag_list_new();
    plan *p = plan_load_file(fuzz_path, diags);
    for (size_t i = 0; p && i < p->case_count; i++) {
        plan_result r;
        memset(&r, 0, sizeof r);
        (void)plan_run_case(p, i, diags, &r);
        if (r.summary.overall < 0 || r.summary.overall > 100) {
            abort(); /* scores stay in 0-100 */
        }
        plan_result_clear(&r);
    }
    plan_free(p);
    diag_list_free(diags);
    return 0;
}
