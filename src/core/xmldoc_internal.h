/* xmldoc_internal.h — what xmldoc.c (reading, safety, positions) and
 * xmldoc_message.c (libxml2's errors in plain words) share. Not for other
 * modules: they use xmldoc.h.
 *
 * Ownership: the document owns everything here; pending errors hold
 * copies of libxml2's strings, freed when they are reported or when the
 * document is freed.
 */
#ifndef RAPPORT_XMLDOC_INTERNAL_H
#define RAPPORT_XMLDOC_INTERNAL_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "xmldoc.h"

/* Errors libxml2 reports at one position (parsing) or about one element
 * (schema) are held together and reported as one message. */
#define XMLDOC_PENDING_MAX 8
/* Bytes per block of the character counts behind columns. */
#define XMLDOC_CHAR_BLOCK 4096

typedef struct {
    int domain;
    int code;
    int level;
    int line;
    int col;
    int int1;
    const xmlNode *node; /* schema errors: the element (the document's) */
    char *str1;
    char *str2;
    char *str3;
    char *message;
} xmldoc_raw_error;

struct xmldoc {
    const xmldoc_format *format;
    diag_list *diags;
    char *name;
    const char *buf;
    size_t len;
    char *owned;         /* buf, when read from a file */
    size_t *line_starts; /* offsets of line starts, built on demand */
    size_t line_count;
    size_t *block_chars; /* characters before each XMLDOC_CHAR_BLOCK */
    int errors;
    int entity_loop_reported;
    xmlDoc *doc;
    xmlNode *root;
    xmlDoc *xsd_doc; /* the format's schema as a tree (for messages) */
    xmldoc_raw_error pending[XMLDOC_PENDING_MAX];
    size_t pending_count;
    bool markup_broken; /* a tag is broken: later tag errors are echoes */
    bool keep_spans;    /* record where elements end (xmldoc_load_spans) */
    xmlParserNodeInfoSeq spans; /* libxml2's record, sorted by node */
};

/* ---- positions (xmldoc.c) ---- */
void xmldoc_index_lines(xmldoc *d);
/* Column (1-based, in characters) of offset within its line. */
int xmldoc_col_at(const xmldoc *d, size_t line_start, size_t offset);
void xmldoc_offset_pos(xmldoc *d, size_t offset, int *line, int *col);
/* Finds needle from the start of *line on (within 30 lines); returns its
 * column and updates *line. */
int xmldoc_locate(xmldoc *d, int *line, const char *needle);

/* Adds a message about the document (and counts it when an error). */
void xmldoc_reportv(xmldoc *d, diag_severity sev, int line, int col,
                    const char *fmt, va_list ap);

/* ---- the look before parsing (xmldoc_scan.c) ---- */
/* Refuses, with a message at the place, a start tag with more than
 * XMLDOC_MAX_ATTRIBUTES attributes or a file with more than
 * XMLDOC_MAX_NAMESPACES namespace declarations. Linear in d->len. */
bool xmldoc_prescan(xmldoc *d);

/* ---- errors (xmldoc_message.c) ---- */
/* libxml2's structured error handler (ctx is the xmldoc). */
void xmldoc_capture_error(void *ctx, xmlErrorPtr err);
/* Reports the errors held back; call when libxml2 has finished a pass. */
void xmldoc_flush_errors(xmldoc *d);
/* Frees held errors without reporting them. */
void xmldoc_drop_errors(xmldoc *d);

#endif
