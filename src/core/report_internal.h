/* report_internal.h — what report.c and report_html.c share; not part of
 * the core's API.
 *
 *   report.c       the records, their order, the CSV table
 *   report_html.c  the HTML class report and its charts
 *
 * Ownership: report_sorted returns a malloc'd array the caller frees; the
 * records in it belong to the report.
 */
#ifndef RAPPORT_REPORT_INTERNAL_H
#define RAPPORT_REPORT_INTERNAL_H

#include <stddef.h>

#include "report.h"
#include "result.h"
#include "result_internal.h"

struct report {
    result_record **recs; /* owned */
    size_t count;
    size_t cap;
    class_record **classes; /* owned; class sessions (class_result.h) */
    size_t class_count;
};

/* The records sorted by start, trainee, scenario id and version; NULL on
 * no memory. */
const result_record **report_sorted(const report *r);

/* The "Class sessions" section of the HTML report (report_class.c): one
 * row per class session, sorted by start, with each group's scores. */
void report_h_classes(result_html *h, xmlNodePtr body, const report *r);

#endif
