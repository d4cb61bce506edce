/* result_internal.h — helpers shared by the files that implement result.h;
 * not part of the core's API.
 *
 *   result_record.c  the JSON record: writing, reading back, loading; and
 *                    the helpers below (time, checks, strings, JSON)
 *   result_html.c    the HTML report and its SVG charts; the HTML and
 *                    SVG building helpers below (report_html.c uses them
 *                    too)
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
#include <libxml/tree.h>
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

/* The namespace of statement ids and call ids (result_xapi.c). */
void result_xapi_namespace(unsigned char ns[16]);

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

/* ---------- HTML and SVG building (result_html.c) ----------
 * Built with libxml2's tree API and serialisers, never by hand, so every
 * text comes out escaped. Each helper marks h->failed on any failure
 * (and does nothing with a NULL parent), so a page can be built to the
 * end and checked once. */

typedef struct {
    bool failed;
    /* the language of the scenario's own words when it differs from the
     * page's (the interface's): they go in <span lang=... dir="auto">;
     * NULL when they are the same (set by result_h_page) */
    const char *said_lang;
} result_html;

/* <name>text</name> under parent (text may be NULL). */
xmlNodePtr result_h_el(result_html *h, xmlNodePtr parent, const char *name,
                       const char *text);
xmlNodePtr result_h_elf(result_html *h, xmlNodePtr parent, const char *name,
                        const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void result_h_attr(result_html *h, xmlNodePtr n, const char *name,
                   const char *value);
void result_h_attrf(result_html *h, xmlNodePtr n, const char *name,
                    const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* An element with a class attribute. */
xmlNodePtr result_h_classed(result_html *h, xmlNodePtr parent,
                            const char *name, const char *cls,
                            const char *text);
void result_h_text(result_html *h, xmlNodePtr parent, const char *text);
/* <p><strong>label</strong> text</p> */
xmlNodePtr result_h_field(result_html *h, xmlNodePtr parent, const char *label,
                          const char *text);
/* An SVG element with a class (may be NULL) and numeric attributes given
 * as name, double value pairs ending with NULL. */
xmlNodePtr result_svg(result_html *h, xmlNodePtr parent, const char *name,
                      const char *cls, ...);
void result_svg_text(result_html *h, xmlNodePtr parent, double x, double y,
                     const char *cls, const char *text);
/* The root <svg> of a new SVG document doc, with the charts' style. */
xmlNodePtr result_svg_root(result_html *h, xmlDocPtr doc, int width,
                           int height);
/* <img class="chart"> showing the SVG document as a data: URI. */
void result_h_img(result_html *h, xmlNodePtr parent, xmlDocPtr svg, int width,
                  int height, const char *alt);
/* An HTML document with <head> (viewport, title, style) and an empty
 * <body> given in *body; free it with result_h_finish_page. The page's
 * lang is the interface's (i18n_lang), with dir="rtl" when it is written
 * right to left; said_lang is the language of the scenario's words the
 * page quotes (NULL: none or unknown), see result_h_said. */
xmlDocPtr result_h_page(result_html *h, const char *said_lang,
                        const char *title, const char *css, xmlNodePtr *body);
/* <p><strong>label</strong> text</p> where text is the scenario's own
 * words: in <span lang=... dir="auto"> when their language is not the
 * page's. */
xmlNodePtr result_h_said(result_html *h, xmlNodePtr parent, const char *label,
                         const char *text);
/* <name class=cls>text</name> for the scenario's own words, marked with
 * their language as result_h_said does. */
xmlNodePtr result_h_said_el(result_html *h, xmlNodePtr parent,
                            const char *name, const char *cls,
                            const char *text);
/* Serialises the page (NULL if anything failed) and frees doc. */
char *result_h_finish_page(result_html *h, xmlDocPtr doc);

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
/* Saves data[i] as DIR/BASE-NN + ext[i] for every i, as result_save does
 * (each written to a temporary file, synced, then linked to its final
 * name; NN the smallest counter free for all; nothing left behind on
 * failure). BASE is result_base_name(started_ms, who, scenario_id). */
int result_save_texts(const char *dir, int64_t started_ms, const char *who,
                      const char *scenario_id,
                      char *const data[RESULT_FILE_COUNT],
                      const char *const ext[RESULT_FILE_COUNT],
                      const result_io *io, result_paths *saved,
                      diag_list *diags);

#endif
