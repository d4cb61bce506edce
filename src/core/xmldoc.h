/* xmldoc.h — reading an untrusted XML document of one of Rapport's formats
 * (scenarios, test plans, translation files) safely, validating it against the
 * format's embedded XSD, and reporting problems compiler-style at
 * PATH:LINE:COL.
 *
 * Order of work: refuse what is not a small regular file; refuse empty
 * files and NUL bytes; parse with libxml2 (network off, no entity
 * substitution, no DTD loading, no XInclude, no recovery, no HUGE); refuse
 * any DOCTYPE, entity reference or XInclude element; check the root
 * element's name and namespace; validate against the XSD. Every problem
 * goes to the diag_list, schema messages rewritten for a trainer (no
 * namespace in braces, "<choice> attribute 'empathy'", a hint about the
 * expected value).
 *
 * Ownership: xmldoc_load_file() / xmldoc_load_spans() /
 * xmldoc_load_memory() return a document
 * the caller frees with xmldoc_free() (NULL accepted). load_memory borrows
 * data, which must outlive the document (positions are found in it). The
 * format is borrowed too (normally a static constant). Nodes returned by
 * the tree helpers, and the text xmldoc_bytes() returns, belong to the
 * document; char * results are malloc'd and the caller's.
 */
#ifndef RAPPORT_XMLDOC_H
#define RAPPORT_XMLDOC_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* A hint is added to a schema message that quotes `type`: a schema type
 * name ("... atomic type 'Rating'") or an attribute name ("attribute
 * 'choices'", for pattern errors, which name no type). */
typedef struct {
    const char *type; /* e.g. "Rating", or "choices" */
    const char *hint; /* what a valid value looks like */
} xmldoc_hint;

/* One XML format: its name in messages, root element, schema, limits. */
typedef struct {
    const char *kind;  /* one document, in messages: "scenario" */
    const char *kinds; /* plural: "scenarios" */
    const char *ns;    /* namespace of every element */
    const char *root;  /* local name of the root element */
    const unsigned char *xsd;
    size_t xsd_len;
    const xmldoc_hint *hints; /* added to schema messages about a type */
    size_t hint_count;
    size_t max_bytes; /* larger files are refused before parsing */
} xmldoc_format;

/* Limits checked before libxml2 reads a file (libxml2 2.9 takes time
 * that grows with the square of these): attributes in one start tag
 * (namespace declarations included) and namespace declarations in one
 * file. Rapport's formats need about ten and one. */
#define XMLDOC_MAX_ATTRIBUTES 64
#define XMLDOC_MAX_NAMESPACES 32

typedef struct xmldoc xmldoc;

/* Reads, parses, checks and validates a document. Returns NULL (with the
 * reasons in diags) when there is nothing usable: unreadable, too big, not
 * well-formed, unsafe, wrong root element, out of memory. A document that
 * breaks the schema is returned with xmldoc_error_count() > 0, so callers
 * can still build their model tolerantly and report further problems in
 * the same run. diags must not be NULL. */
xmldoc *xmldoc_load_file(const xmldoc_format *format, const char *path,
                         diag_list *diags);
xmldoc *xmldoc_load_memory(const xmldoc_format *format, const char *data,
                           size_t size, const char *name, diag_list *diags);
/* As xmldoc_load_file, and allows xmldoc_content_span() below. (Every
 * load records where each element starts and ends, libxml2's node info,
 * about 40 bytes an element: positions in messages come from it.) */
xmldoc *xmldoc_load_spans(const xmldoc_format *format, const char *path,
                          diag_list *diags);
void xmldoc_free(xmldoc *doc);

xmlNode *xmldoc_root(const xmldoc *doc);
/* The name used in diagnostics (the path, or the name given). */
const char *xmldoc_name(const xmldoc *doc);
diag_list *xmldoc_diags(const xmldoc *doc);
/* Errors reported about this document so far (parsing, schema, and those
 * added through xmldoc_error_at). */
int xmldoc_error_count(const xmldoc *doc);

/* Reports a problem at an element (attr NULL) or at one of its attributes
 * (the element's position when the attribute is not written there). */
void xmldoc_error_at(xmldoc *doc, const xmlNode *node, const char *attr,
                     diag_severity severity, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* 1-based line and column of an element's start tag / of an attribute. */
void xmldoc_element_pos(xmldoc *doc, const xmlNode *node, int *line, int *col);
void xmldoc_attr_pos(xmldoc *doc, const xmlNode *element, const char *attr,
                     int *line, int *col);
/* Where the character whose UTF-8 bytes are `ch` is first written in an
 * element's text (attr NULL) or in one of its attribute values; the
 * element's or attribute's position when it is not written there as
 * itself (a character reference). */
void xmldoc_char_pos(xmldoc *doc, const xmlNode *element, const char *attr,
                     const char *ch, int *line, int *col);
/* The line libxml2 recorded for a node (0 if unknown). */
int xmldoc_node_line(const xmlNode *node);

/* ---- spans: byte offsets in the document's text, for rewriting one
 * part of a file and keeping every other byte (begin inclusive, end
 * exclusive). Each returns false when the place cannot be found. ---- */

/* The document's text as read, and its length. */
const char *xmldoc_bytes(const xmldoc *doc, size_t *len);
/* The encoding its XML declaration names, or NULL when it names none. */
const char *xmldoc_encoding(const xmldoc *doc);
/* An element's start tag, from '<' to '>' included. */
bool xmldoc_start_tag_span(xmldoc *doc, const xmlNode *node, size_t *begin,
                           size_t *end);
/* What lies between an element's start and end tags (text, comments).
 * Only for documents loaded with xmldoc_load_spans; false for an empty
 * element (<x/>). */
bool xmldoc_content_span(xmldoc *doc, const xmlNode *node, size_t *begin,
                         size_t *end);
/* An attribute's value as written in the start tag, quotes included. */
bool xmldoc_attr_span(xmldoc *doc, const xmlNode *node, const char *attr,
                      size_t *begin, size_t *end);

/* ---- tree helpers (elements in the format's namespace) ---- */

bool xmldoc_is(const xmldoc *doc, const xmlNode *node, const char *name);
xmlNode *xmldoc_first_child(const xmldoc *doc, const xmlNode *node,
                            const char *name);
/* Text of an element from its text and CDATA children only (never through
 * entity references), runs of whitespace collapsed and trimmed; NULL when
 * the element is NULL or the text is empty. */
char *xmldoc_text(const xmlNode *node);
/* Unqualified attribute, whitespace collapsed and trimmed, or NULL. */
char *xmldoc_attr(const xmlNode *node, const char *name);
/* Whole number in [lo, hi]; false (out untouched) otherwise. */
bool xmldoc_parse_int(const char *s, long lo, long hi, int *out);
/* Integer attribute; absent or invalid gives fallback (the schema reports
 * invalid values). */
int xmldoc_int_attr(const xmlNode *node, const char *name, long lo, long hi,
                    int fallback);
/* Seconds attribute (0 < s <= 3600) as milliseconds; 0 when absent or
 * invalid. */
int xmldoc_ms_attr(const xmlNode *node, const char *name);
/* Space-separated list attribute as a malloc'd array of malloc'd strings;
 * NULL and *count 0 when absent or empty. */
char **xmldoc_list_attr(const xmlNode *node, const char *name, size_t *count);
/* Attribute looked up by name (lookup returns -1 for unknown names);
 * fallback when absent or unknown. */
int xmldoc_enum_attr(const xmlNode *node, const char *name,
                     int (*lookup)(const char *), int fallback);
/* "true"/"1" -> 1, anything else -> 0, absent -> -1. */
int xmldoc_bool_attr(const xmlNode *node, const char *name);
/* Collapses XML whitespace runs to one space and trims, in place. */
void xmldoc_collapse_space(char *s);
char *xmldoc_strdup(const char *s);

#endif
