/* xmldoc_scan.c — a linear look over a document's bytes before libxml2
 * parses it, refusing the shapes that make libxml2 2.9 slow out of
 * proportion to the file's size (see xmldoc.h, XMLDOC_MAX_ATTRIBUTES):
 *
 *   - a start tag with very many attributes: libxml2 checks each new
 *     attribute against every earlier one of the tag (100,000 attributes,
 *     a 1.4 MB file: 14 s);
 *   - very many namespace declarations: each prefixed name is looked up
 *     through every declaration in scope (40,000 declarations and as many
 *     prefixed elements: 5.6 s).
 *
 * This is not a parser: it only finds where markup starts ('<'), skips
 * comments, CDATA sections, processing instructions and the DOCTYPE
 * (which xmldoc.c refuses later, with its own message), and counts the
 * attributes of each start tag. Anything it does not understand is left
 * for libxml2 to report. Every step moves forward: the work is linear in
 * the file's size whatever the bytes are.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "xmldoc_internal.h"

typedef struct {
    const char *buf;
    size_t len;
} xmldoc_scan;

static bool xmldoc_scan_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static bool xmldoc_scan_at(const xmldoc_scan *s, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= s->len && memcmp(s->buf + i, lit, n) == 0;
}

/* Offset just past the first `lit` at or after i, or s->len. */
static size_t xmldoc_scan_past(const xmldoc_scan *s, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    while (i < s->len) {
        const char *p = memchr(s->buf + i, lit[0], s->len - i);
        if (!p) {
            return s->len;
        }
        i = (size_t)(p - s->buf);
        if (xmldoc_scan_at(s, i, lit)) {
            return i + n;
        }
        i++;
    }
    return s->len;
}

/* A quoted string starting at i (the quote): offset past its end. */
static size_t xmldoc_scan_quoted(const xmldoc_scan *s, size_t i)
{
    const char *p = memchr(s->buf + i + 1, s->buf[i], s->len - i - 1);
    return p ? (size_t)(p - s->buf) + 1 : s->len;
}

/* "<!DOCTYPE ... [ internal subset ] >" from i: offset past its end. */
static size_t xmldoc_scan_doctype(const xmldoc_scan *s, size_t i)
{
    bool subset = false;
    i += 2;
    while (i < s->len) {
        char ch = s->buf[i];
        if (ch == '"' || ch == '\'') {
            i = xmldoc_scan_quoted(s, i);
        } else if (xmldoc_scan_at(s, i, "<!--")) {
            i = xmldoc_scan_past(s, i + 4, "-->");
        } else if (xmldoc_scan_at(s, i, "<?")) {
            i = xmldoc_scan_past(s, i + 2, "?>");
        } else if (ch == '[') {
            subset = true;
            i++;
        } else if (ch == ']') {
            subset = false;
            i++;
        } else if (ch == '>' && !subset) {
            return i + 1;
        } else {
            i++;
        }
    }
    return s->len;
}

static void xmldoc_scan_error(xmldoc *d, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void xmldoc_scan_error(xmldoc *d, size_t at, const char *fmt, ...)
{
    int line = 0;
    int col = 0;
    xmldoc_offset_pos(d, at, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    xmldoc_reportv(d, DIAG_ERROR, line, col, fmt, ap);
    va_end(ap);
}

/* The start tag at i ('<' then a name). Returns the offset where scanning
 * goes on, or 0 after reporting a refusal. */
static size_t xmldoc_scan_tag(xmldoc *d, const xmldoc_scan *s, size_t at,
                              size_t *namespaces)
{
    size_t i = at + 1;
    while (i < s->len && !xmldoc_scan_space(s->buf[i]) && s->buf[i] != '>' &&
           s->buf[i] != '/' && s->buf[i] != '<') {
        i++;
    }
    int name_len = (int)(i - at - 1 > 40 ? 40 : i - at - 1);
    size_t attributes = 0;
    while (i < s->len) {
        char ch = s->buf[i];
        if (xmldoc_scan_space(ch) || ch == '/') {
            i++;
            continue;
        }
        if (ch == '>' || ch == '<') {
            return i; /* the end (or a broken tag, for libxml2 to report) */
        }
        size_t name = i;
        while (i < s->len && !xmldoc_scan_space(s->buf[i]) &&
               s->buf[i] != '=' && s->buf[i] != '>' && s->buf[i] != '/' &&
               s->buf[i] != '<' && s->buf[i] != '"' && s->buf[i] != '\'') {
            i++;
        }
        if (i == name) {
            i = xmldoc_scan_quoted(s, i); /* a stray quoted string */
            continue;
        }
        if (++attributes > XMLDOC_MAX_ATTRIBUTES) {
            xmldoc_scan_error(
                d, at,
                "<%.*s> has more than %d attributes; no element of a %s "
                "has that many (the limit keeps a broken or hostile file "
                "from stalling Rapport)",
                name_len, s->buf + at + 1, XMLDOC_MAX_ATTRIBUTES,
                d->format->kind);
            return 0;
        }
        if ((i - name == 5 || (i - name > 5 && s->buf[name + 5] == ':')) &&
            memcmp(s->buf + name, "xmlns", 5) == 0 &&
            ++*namespaces > XMLDOC_MAX_NAMESPACES) {
            xmldoc_scan_error(
                d, name,
                "more than %d namespace declarations (xmlns) in one file; "
                "a %s needs one (the limit keeps a broken or hostile file "
                "from stalling Rapport)",
                XMLDOC_MAX_NAMESPACES, d->format->kind);
            return 0;
        }
        while (i < s->len && xmldoc_scan_space(s->buf[i])) {
            i++;
        }
        if (i < s->len && s->buf[i] == '=') {
            i++;
            while (i < s->len && xmldoc_scan_space(s->buf[i])) {
                i++;
            }
            if (i < s->len && (s->buf[i] == '"' || s->buf[i] == '\'')) {
                i = xmldoc_scan_quoted(s, i);
            }
        }
    }
    return i;
}

bool xmldoc_prescan(xmldoc *d)
{
    const xmldoc_scan s = {d->buf, d->len};
    size_t namespaces = 0;
    size_t i = 0;
    while (i < s.len) {
        const char *p = memchr(s.buf + i, '<', s.len - i);
        if (!p) {
            break;
        }
        i = (size_t)(p - s.buf);
        if (xmldoc_scan_at(&s, i, "<!--")) {
            i = xmldoc_scan_past(&s, i + 4, "-->");
        } else if (xmldoc_scan_at(&s, i, "<![CDATA[")) {
            i = xmldoc_scan_past(&s, i + 9, "]]>");
        } else if (xmldoc_scan_at(&s, i, "<?")) {
            i = xmldoc_scan_past(&s, i + 2, "?>");
        } else if (xmldoc_scan_at(&s, i, "<!")) {
            i = xmldoc_scan_doctype(&s, i);
        } else if (xmldoc_scan_at(&s, i, "</")) {
            i += 2;
        } else {
            size_t next = xmldoc_scan_tag(d, &s, i, &namespaces);
            if (next == 0) {
                return false;
            }
            i = next > i ? next : i + 1;
        }
    }
    return true;
}
