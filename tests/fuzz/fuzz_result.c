/* fuzz_result.c — libFuzzer target: any bytes through the result-record
 * reader (result_record_parse, as rapport report reads a saved .json),
 * and a record read back through the class report: its call id, the CSV
 * table (the formula guard) and the HTML page. Built only with
 * -DRAPPORT_FUZZ=ON and clang; CI runs it for a short while with saved
 * records as seeds (see .ci/run). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "report.h"
#include "result.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    result_record *rec =
        result_record_parse((const char *)data, size, "fuzz.json", diags);
    if (rec) {
        char id[37];
        result_record_call_id(rec, id);
        report *r = report_new();
        if (r && report_add(r, rec, diags) == 0) {
            free(report_csv(r, diags));
            free(report_html(r, diags));
        }
        report_free(r);
    }
    diag_list_free(diags);
    return 0;
}
