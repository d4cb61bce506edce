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
    free(r->ids);
    free(r->slots);
    for (size_t i = 0; i < r->class_count; i++) {
        class_record_free(r->classes[i]);
    }
    free(r->classes);
    free(r);
}

static size_t report_hash(const char *id)
{
    size_t h = 5381;
    for (const char *p = id; *p; p++) {
        h = h * 33u + (unsigned char)*p;
    }
    return h;
}

/* The slot of id: where it is, or the empty one where it would go. */
static size_t report_slot(const report *r, const char *id)
{
    size_t mask = r->slot_count - 1;
    size_t i = report_hash(id) & mask;
    while (r->slots[i] && strcmp(r->ids[r->slots[i] - 1], id) != 0) {
        i = (i + 1) & mask;
    }
    return i;
}

/* Room for one more record (and its slot, kept at most half full). */
static int report_grow(report *r)
{
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        result_record **grown = realloc(r->recs, cap * sizeof *grown);
        if (!grown) {
            return -1;
        }
        r->recs = grown;
        char(*ids)[37] = realloc(r->ids, cap * sizeof *ids);
        if (!ids) {
            return -1;
        }
        r->ids = ids;
        r->cap = cap;
    }
    if (2 * (r->count + 1) > r->slot_count) {
        size_t n = r->slot_count ? r->slot_count * 2 : 128;
        size_t *slots = calloc(n, sizeof *slots);
        if (!slots) {
            return -1;
        }
        free(r->slots);
        r->slots = slots;
        r->slot_count = n;
        for (size_t i = 0; i < r->count; i++) {
            r->slots[report_slot(r, r->ids[i])] = i + 1;
        }
    }
    return 0;
}

int report_add(report *r, result_record *rec, diag_list *diags)
{
    if (!r || !rec) {
        result_record_free(rec);
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "no report or record");
        return -1;
    }
    if (report_grow(r) != 0) {
        result_record_free(rec);
        diag_add(diags, DIAG_ERROR, "report", 0, 0, "out of memory");
        return -1;
    }
    char id[37];
    result_record_call_id(rec, id);
    size_t slot = report_slot(r, id);
    if (r->slots[slot]) {
        /* a second record of the same call (a program stopped after
         * saving it, before removing its journal): counted once, the
         * better record kept */
        size_t at = r->slots[slot] - 1;
        r->duplicates++;
        if (result_record_better(rec, r->recs[at])) {
            result_record_free(r->recs[at]);
            r->recs[at] = rec;
        } else {
            result_record_free(rec);
        }
        return 0;
    }
    memcpy(r->ids[r->count], id, sizeof id);
    r->recs[r->count++] = rec;
    r->slots[slot] = r->count;
    return 0;
}

size_t report_duplicates(const report *r) { return r ? r->duplicates : 0; }

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

/* The code point of UTF-8 at *p, advancing *p; -1 (one byte) when it is
 * not valid UTF-8. */
static long report_utf8_next(const unsigned char **p)
{
    const unsigned char *s = *p;
    long c = -1;
    int n = 0;
    if (s[0] < 0x80) {
        c = s[0];
    } else if ((s[0] & 0xE0) == 0xC0) {
        c = s[0] & 0x1F;
        n = 1;
    } else if ((s[0] & 0xF0) == 0xE0) {
        c = s[0] & 0x0F;
        n = 2;
    } else if ((s[0] & 0xF8) == 0xF0) {
        c = s[0] & 0x07;
        n = 3;
    }
    for (int i = 1; c >= 0 && i <= n; i++) {
        c = (s[i] & 0xC0) == 0x80 ? (c << 6) | (s[i] & 0x3F) : -1;
    }
    *p = s + (c >= 0 ? n + 1 : 1);
    return c;
}

/* Characters a spreadsheet may pass over before it sees a formula: white
 * space (ASCII and Unicode), and the invisible format characters (zero
 * width spaces and joiners, the byte order mark, bidirectional marks). */
static bool report_csv_blank(long c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0B ||
           c == 0x0C || c == 0x85 || c == 0xA0 || c == 0xAD || c == 0x061C ||
           c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) ||
           (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) ||
           c == 0x3000 || c == 0xFEFF;
}

/* What starts a formula: = + - @ and their full-width, small and other
 * look-alike forms that spreadsheets fold to them. */
static bool report_csv_trigger(long c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == 0xFF1D ||
           c == 0xFF0B || c == 0xFF0D || c == 0xFF20 || c == 0xFE66 ||
           c == 0xFE62 || c == 0xFE63 || c == 0xFE6B || c == 0x2212 ||
           c == 0x207A || c == 0x208A || c == 0x207C || c == 0x208C;
}

char *report_csv_cell(const char *text)
{
    const char *t = text ? text : "";
    /* OWASP (CSV injection): a cell that starts with = + - @, a tab or a
     * carriage return is prefixed with an apostrophe. Spreadsheets also
     * pass over leading spaces and invisible characters, and fold
     * full-width forms: whatever leads to a trigger is guarded too. */
    const unsigned char *p = (const unsigned char *)t;
    bool guard = *p == '\t' || *p == '\r';
    while (!guard && *p) {
        long c = report_utf8_next(&p);
        if (report_csv_trigger(c)) {
            guard = true;
        } else if (!report_csv_blank(c)) {
            break;
        }
    }
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
    static const char *const header[] = {
        "trainee",    "scenario", "date",    "empathy",  "honesty",
        "promptness", "overall",  "outcome", "duration", "critical_mistakes"};
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
        char critical[24];
        snprintf(critical, sizeof critical, "%zu", rec->critical_count);
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
            duration,
            critical};
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
