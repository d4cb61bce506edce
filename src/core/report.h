/* report.h — a class report over many saved results (records read with
 * result_record_parse / result_record_load_file): a CSV table with one row
 * per session for spreadsheets, and a self-contained HTML page for the
 * trainer: per scenario the averages, the distribution of each score and
 * the turns where most trainees chose a weak option.
 *
 * CSV (report_csv): UTF-8 with a byte order mark (so that spreadsheet
 * programs read the names right), CRLF line ends, every cell quoted as RFC
 * 4180 says, by libcsv (csv_write). Columns: trainee, scenario (its
 * title), date (start, UTC, "YYYY-MM-DD HH:MM:SS"), empathy, honesty,
 * promptness, overall (0-100; empty for an incomplete attempt), outcome
 * (resolved, partial, escalated, lost, or incomplete), duration (seconds).
 * Rows are sorted by date, then trainee, then scenario. Against formula
 * injection, a cell that starts with = + - @, a tab or a carriage return
 * gets a leading apostrophe (') so that a spreadsheet shows it as text.
 *
 * HTML (report_html): built with libxml2 like the session report, charts
 * as SVG data: URIs. Averages, pass rates and distributions count complete
 * attempts only; the option counts count every turn played.
 *
 * Ownership: report_new returns a report freed with report_free (NULL
 * accepted). report_add takes the record (freed with the report, or at
 * once when adding fails). The generators return malloc'd strings the
 * caller frees.
 *
 * Errors: NULL or -1 with an error in diags (may be NULL); never prints.
 */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

#include <stddef.h>

#include "class_result.h"
#include "diag.h"
#include "result.h"

/* Score bands of the distributions: 0-9, 10-19, ..., 90-100. */
#define REPORT_BANDS 10
/* Turns listed per scenario under "weak choices". */
#define REPORT_MAX_WEAK_TURNS 10

typedef struct report report;

report *report_new(void);
void report_free(report *r);

/* Adds a record; the report owns it from now on. 0, or -1 (no memory,
 * the record is freed). */
int report_add(report *r, result_record *rec, diag_list *diags);
size_t report_count(const report *r);
/* Adds a class session's record (class_result.h); the report owns it from
 * now on. The HTML report lists class sessions in a section of their own
 * (their groups are not trainees: they count in no average or row of the
 * CSV table). 0, or -1 (no memory, the record is freed). */
int report_add_class(report *r, class_record *rec, diag_list *diags);
size_t report_class_count(const report *r);

/* The CSV table described above. */
char *report_csv(const report *r, diag_list *diags);
/* The HTML class report. */
char *report_html(const report *r, diag_list *diags);

/* The cell as written to CSV: with a leading apostrophe when it starts
 * with = + - @, a tab or a carriage return (malloc'd; NULL on no
 * memory). */
char *report_csv_cell(const char *text);

#endif
