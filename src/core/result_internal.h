/* result_internal.h — helpers shared by the files that implement result.h;
 * not part of the core's API.
 *
 *   result_record.c  the JSON record: writing, reading back, loading; and
 *                    the helpers below (time, checks, strings, JSON)
 *   result_html.c    the HTML report and its SVG charts
 *   result_xapi.c    xAPI statements, ISO 8601 durations, UUIDs
 *   result_save.c    saving the three files atomically, file names, the
 *                    I/O hooks; the file helpers below (journal.c uses
 *                    them too)
 *
 * Ownership: result_format returns a malloc'd string the caller frees; a
 * result_str's s is the caller's to free. The JSON helpers add item to
 * obj (which then owns it) or delete it.
 */
#ifndef RAPPORT_RESULT_INTERNAL_H
#define RAPPORT_RESULT_INTERNAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "debrief.h"
#include "diag.h"
#include "result.h"

/* 9999-12-31T23:59:59.999Z, the last time the formats can write. */
#define RESULT_MAX_EPOCH_MS INT64_C(253402300799999)
/* Room for what result_iso_time writes. */
#define RESULT_ISO_SIZE 32

/* ---------- strings ---------- */

/* printf into a new malloc'd string, or NULL. */
char *result_format(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* A growing string; start it as {NULL, 0, false}. On no memory s is freed,
 * becomes NULL and failed is set; later additions do nothing. */
typedef struct {
    char *s;
    size_t len;
    bool failed;
} result_str;

void result_str_add(result_str *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---------- time ---------- */

/* strftime of ms (since 1970, UTC) into buf. False, with buf "", when ms is
 * outside 0..RESULT_MAX_EPOCH_MS or the text does not fit. */
bool result_utc_time(int64_t ms, const char *fmt, char *buf, size_t size);
/* ISO 8601 in UTC with milliseconds: "2025-03-04T09:15:00.250Z". */
bool result_iso_time(int64_t ms, char *buf, size_t size);

/* ---------- checks and errors ---------- */

/* What every generator needs: a finished session and sound info; false
 * with an error in diags otherwise. */
bool result_check(const debrief *d, const result_info *info, diag_list *diags);
/* Adds "out of memory", placed at the scenario's path. */
void result_no_memory(const debrief *d, diag_list *diags);

/* ---------- JSON building with failure tracking ----------
 * Each helper adds to obj (NULL obj is a failure); on any failure *ok
 * becomes false and the item is deleted, so a build can go on to the end
 * and be checked once. */

cJSON *result_j_add(cJSON *obj, const char *key, cJSON *item, bool *ok);
/* a string, or null for NULL s */
void result_j_str(cJSON *obj, const char *key, const char *s, bool *ok);
void result_j_num(cJSON *obj, const char *key, double v, bool *ok);
void result_j_bool(cJSON *obj, const char *key, bool v, bool *ok);
/* a new empty object under key */
cJSON *result_j_obj(cJSON *obj, const char *key, bool *ok);
void result_j_push(cJSON *array, cJSON *item, bool *ok);
/* Prints and frees root; NULL (with a diagnostic) if anything failed. */
char *result_j_finish(cJSON *root, bool ok, const debrief *d,
                      diag_list *diags);

/* ---------- files ---------- */

/* Reads a whole regular file of at most max_bytes (result_record.c);
 * what ("result", "journal") names the kind of file in errors. Returns the
 * bytes plus a NUL, malloc'd, with their count in *size; NULL with an
 * error "PATH: cannot open: ...", "not a regular file", "larger than". */
char *result_read_file(const char *path, size_t max_bytes, const char *what,
                       size_t *size, diag_list *diags);

/* (result_save.c) */

/* mkdir -p; 0, or -1 with errno. */
int result_mkdirs(const char *dir);
/* "YYYYmmdd-HHMMSS-TRAINEE-SCENARIO" (start in UTC, names slugged to a-z,
 * 0-9 and '-'), malloc'd; NULL on no memory. */
char *result_base_name(int64_t started_ms, const char *trainee,
                       const char *scenario_id);
/* fsync()s a folder so that names just created in it are durable; not
 * every file system can, which is no error. */
void result_sync_dir(const char *dir);

#endif
