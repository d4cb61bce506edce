/* report.c — the class report's records and its CSV table (libcsv quotes
 * every cell); the HTML page is in report_html.c. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"
#include "report_internal.h"
#include "result_internal.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

report *report_new(void) { return calloc(1, sizeof(report)); }

void report_free(report *r)
{
    if (!r) {
        return;
    }
    for (size_t i = 0; i < r->count; i++) {
        result_record_free(r->recs[i]);
    }
    free(r->recs);
    for (size_t i = 0; i < r->class_count; i++) {
        class_record_free(r->classes[i]);
    }
    free(r->classes);
    free(r);
}

int report_add(report *r, result_record *rec, diag_list *diags)
{
    if (!r || !rec) {
        result_record_free(rec);
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "no report or record");
        return -1;
    }
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        result_record **grown = realloc(r->recs, cap * sizeof *grown);
        if (!grown) {
            result_record_free(rec);
            diag_add(diags, DIAG_ERROR, "report", 0, 0, "out of memory");
            return -1;
        }
        r->recs = grown;
        r->cap = cap;
    }
    r->recs[r->count++] = rec;
    return 0;
}

size_t report_count(const report *r) { return r ? r->count : 0; }

static int report_cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int report_cmp(const void *pa, const void *pb)
{
    const result_record *a = *(const result_record *const *)pa;
    const result_record *b = *(const result_record *const *)pb;
    if (a->started_ms != b->started_ms) {
        return a->started_ms < b->started_ms ? -1 : 1;
    }
    int c = report_cmp_str(a->trainee, b->trainee);
    if (c == 0) {
        c = report_cmp_str(a->scenario_id, b->scenario_id);
    }
    if (c == 0) {
        c = report_cmp_str(a->scenario_version, b->scenario_version);
    }
    return c;
}

const result_record **report_sorted(const report *r)
{
    const result_record **v = malloc((r->count + 1) * sizeof *v);
    if (!v) {
        return NULL;
    }
    for (size_t i = 0; i < r->count; i++) {
        v[i] = r->recs[i];
    }
    qsort(v, r->count, sizeof *v, report_cmp);
    return v;
}

/* ---------- CSV ---------- */

char *report_csv_cell(const char *text)
{
    const char *t = text ? text : "";
    bool guard = t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@' ||
                 t[0] == '\t' || t[0] == '\r';
    return result_format("%s%s", guard ? "'" : "", t);
}

/* Appends one quoted cell and a comma, or CRLF after the last. */
static void report_csv_add(result_str *b, const char *text, bool last)
{
    char *cell = report_csv_cell(text);
    size_t n = cell ? csv_write(NULL, 0, cell, strlen(cell)) : 0;
    char *quoted = cell ? malloc(n + 1) : NULL;
    if (!quoted) {
        free(cell);
        free(b->s);
        b->s = NULL;
        b->failed = true;
        return;
    }
    csv_write(quoted, n, cell, strlen(cell));
    quoted[n] = '\0';
    result_str_add(b, "%s%s", quoted, last ? "\r\n" : ",");
    free(quoted);
    free(cell);
}

char *report_csv(const report *r, diag_list *diags)
{
    const result_record **v = r ? report_sorted(r) : NULL;
    if (!v) {
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "out of memory");
        return NULL;
    }
    static const char *const header[] = {"trainee", "scenario", "date",
                                         "empathy", "honesty",  "promptness",
                                         "overall", "outcome",  "duration"};
    enum { COLS = sizeof header / sizeof header[0] };
    result_str b = {NULL, 0, false};
    result_str_add(&b, "\xef\xbb\xbf"); /* UTF-8 byte order mark */
    for (size_t c = 0; c < COLS; c++) {
        report_csv_add(&b, header[c], c + 1 == COLS);
    }
    for (size_t i = 0; i < r->count && !b.failed; i++) {
        const result_record *rec = v[i];
        char date[32];
        char dims[SCENARIO_DIM_COUNT + 1][8];
        char duration[32];
        result_utc_time(rec->started_ms, "%Y-%m-%d %H:%M:%S", date,
                        sizeof date);
        for (int d = 0; d <= SCENARIO_DIM_COUNT; d++) {
            int value = d == SCENARIO_DIM_COUNT ? rec->overall : rec->score[d];
            if (rec->complete) {
                snprintf(dims[d], sizeof dims[d], "%d", value);
            } else {
                dims[d][0] = '\0';
            }
        }
        snprintf(duration, sizeof duration, "%lld.%lld",
                 (long long)(rec->duration_ms / 1000),
                 (long long)(rec->duration_ms % 1000 / 100));
        const char *cells[COLS] = {
            rec->trainee,
            rec->scenario_title,
            date,
            dims[SCENARIO_DIM_EMPATHY],
            dims[SCENARIO_DIM_HONESTY],
            dims[SCENARIO_DIM_PROMPTNESS],
            dims[SCENARIO_DIM_COUNT],
            rec->complete ? scenario_outcome_name(rec->outcome) : "incomplete",
            duration};
        for (size_t c = 0; c < COLS; c++) {
            report_csv_add(&b, cells[c], c + 1 == COLS);
        }
    }
    free(v);
    if (b.failed || !b.s) {
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "out of memory");
        free(b.s);
        return NULL;
    }
    return b.s;
}
