/* xlate_internal.h — what the translation module's files share: the
 * scenario's translatable texts (xlate_text.c), a translation file read
 * back (xlate_xliff.c), export (xlate_export.c) and import
 * (xlate_import.c). Not for other modules: they use xlate.h.
 *
 * Ownership: xlate_texts_collect() fills a list the caller clears with
 * xlate_texts_clear(); its elements point into the scenario's xmldoc,
 * which must outlive it. xlate_file_load() returns a file the caller frees
 * with xlate_file_free() (NULL accepted); units point into its xmldoc.
 */
#ifndef RAPPORT_XLATE_INTERNAL_H
#define RAPPORT_XLATE_INTERNAL_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "scenario.h"
#include "xlate.h"
#include "xmldoc.h"

/* ---- the scenario's texts (xlate_text.c) ---- */

/* One translatable text of the scenario. */
typedef struct {
    char *id;          /* the unit id, e.g. "node:greet:choice:2:say" */
    char *source;      /* the text, whitespace collapsed as the loader does */
    const char *shows; /* where the trainee sees it (static) */
    char *context;     /* where it is in the call and who says it, or NULL */
    xmlNode *element;  /* the element holding the text or the attribute */
    const char *attr;  /* the attribute holding it; NULL: the element's text */
} xlate_text;

typedef struct {
    xlate_text *items;
    size_t count;
} xlate_texts;

/* Every translatable text of a loaded scenario, in document order (sc is
 * the model built from doc, for the customer's name and the channel).
 * False on no memory (the list then holds what was collected). */
bool xlate_texts_collect(xmldoc *doc, const scenario *sc, xlate_texts *out);
void xlate_texts_clear(xlate_texts *texts);
/* "<say>" or "<ending> attribute 'title'", for messages about a text. */
void xlate_text_what(const xlate_text *t, char *buf, size_t size);
/* Reports a problem at the text's element or attribute in the scenario. */
void xlate_text_report(xmldoc *doc, const xlate_text *t, diag_severity sev,
                       const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- a translation file read back (xlate_xliff.c) ---- */

typedef struct {
    char *id;
    char *source;  /* the sources of its segments, collapsed */
    char *target;  /* the targets, collapsed; NULL when a segment has none
                      or the whole is empty */
    char *state;   /* the first segment's state as written, or NULL */
    bool review;   /* a target with state="initial" written out */
    bool used;     /* matched by a text of the scenario */
    bool alive;    /* its source is still a text of the scenario */
    xmlNode *node; /* the <unit> */
    xmlNode *target_node; /* its first <target>, or NULL */
} xlate_unit;

typedef struct {
    xmldoc *doc;
    char *src_lang;
    char *trg_lang;
    char *file_id; /* the scenario's id, when Rapport wrote the file */
    xmlNode *file; /* the <file> */
    xlate_unit *units;
    size_t count;
    xlate_unit **by_id;     /* sorted by id */
    xlate_unit **by_source; /* sorted by source, then document order */
} xlate_file;

/* Reads and checks a translation file (schema, duplicate unit ids, the
 * length of every target). NULL when it has errors (in diags). */
xlate_file *xlate_file_load(const char *path, diag_list *diags);
void xlate_file_free(xlate_file *f);

typedef enum {
    XLATE_MATCH_NONE,   /* no unit for this text */
    XLATE_MATCH_SAME,   /* the unit with its id, made from the same text */
    XLATE_MATCH_MOVED,  /* another unit made from the same text, with a
                           translation (the text's id changed) */
    XLATE_MATCH_CHANGED /* the unit with its id, made from another text */
} xlate_match;

/* Marks the units whose source is still a text of the scenario: such a
 * unit's id now naming another text means the text moved (an option was
 * inserted before it), not that it changed. Call before matching. */
void xlate_file_link(xlate_file *f, const xlate_texts *texts);
/* Finds the unit for a text and marks it used. */
xlate_match xlate_file_match(xlate_file *f, const xlate_text *t,
                             xlate_unit **unit);
/* Reports a problem at an element of the file (a unit, a target). */
void xlate_file_report(xlate_file *f, const xmlNode *node, diag_severity sev,
                       const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The start of a text for messages: at most about 60 characters, cut at a
 * character boundary, with "..." when cut. */
void xlate_excerpt(const char *text, char *buf, size_t size);

#endif
