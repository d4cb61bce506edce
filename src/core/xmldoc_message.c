/* xmldoc_message.c — libxml2's errors in plain words, with the fix.
 *
 * libxml2 reports a problem as a code (xmlError.code) with a few strings
 * and a position. The errors it raises at one position (a broken start
 * tag gives three) or about one element (a bad word in a list gives two)
 * are held together (xmldoc_capture_error) and reported as one message
 * (xmldoc_flush_errors), chosen by code; the text of the file around the
 * position tells apart what one code covers ("&" or "<" for
 * XML_ERR_NAME_REQUIRED). Once a tag is broken, libxml2's later complaints
 * about tags are echoes of it and are left out. Schema messages about the
 * order of elements and about unknown names are worked out from the
 * format's XSD itself (what each element holds, in which order), so they
 * stay true when the schema changes.
 *
 * Nothing here reads anything but the document's own bytes and the
 * built-in schema; quoted names are ASCII name characters only.
 */
#define _POSIX_C_SOURCE 200809L
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xmldoc_internal.h"

#define XMLDOC_XS_NS "http://www.w3.org/2001/XMLSchema"
#define XMLDOC_MAX_SLOTS 16
#define XMLDOC_SLOT_NAMES 8
#define XMLDOC_MAX_ATTRS 32
#define XMLDOC_MAX_DEPTH 64
#define XMLDOC_MSG 1024

/* ---------- reporting ---------- */

static void xmldoc_emit(xmldoc *d, diag_severity sev, int line, int col,
                        const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void xmldoc_emit(xmldoc *d, diag_severity sev, int line, int col,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    xmldoc_reportv(d, sev, line, col, fmt, ap);
    va_end(ap);
}

static const char *xmldoc_schema_hint(const xmldoc *d, const char *type)
{
    for (size_t i = 0; i < d->format->hint_count; i++) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "'%s'", d->format->hints[i].type);
        if (strstr(type, quoted)) {
            return _(d->format->hints[i].hint);
        }
    }
    return NULL;
}

/* Rewrites a libxml2 schema message for a trainer: drops the namespace in
 * braces and the "[facet '...']" jargon, says <element> instead of Element
 * '...', trims the final period and adds a hint about the expected value.
 * Returns malloc'd text. */
static char *xmldoc_friendly_message(const xmldoc *d, const char *raw)
{
    size_t cap = strlen(raw) * 2 + 256;
    char *out = malloc(cap);
    char *ns_braced = malloc(strlen(d->format->ns) + 3);
    if (!out || !ns_braced) {
        free(out);
        free(ns_braced);
        return NULL;
    }
    sprintf(ns_braced, "{%s}", d->format->ns);
    size_t ns_len = strlen(ns_braced);
    const char *p = raw;
    size_t o = 0;
    if (strncmp(p, "Element '", 9) == 0) {
        p += 9;
        if (strncmp(p, ns_braced, ns_len) == 0) {
            p += ns_len;
        }
        out[o++] = '<';
        while (*p && *p != '\'' && o < cap - 8) {
            out[o++] = *p++;
        }
        out[o++] = '>';
        if (*p == '\'') {
            p++;
        }
        if (strncmp(p, ", attribute ", 12) == 0) {
            p += 1; /* keep " attribute '...'" */
        }
    }
    while (*p && o < cap - 128) {
        if (strncmp(p, ns_braced, ns_len) == 0) {
            p += ns_len;
            continue;
        }
        if (strncmp(p, "[facet '", 8) == 0) {
            const char *end = strstr(p, "'] ");
            if (end) {
                p = end + 3;
                continue;
            }
        }
        out[o++] = *p++;
    }
    free(ns_braced);
    while (o > 0 &&
           (out[o - 1] == '\n' || out[o - 1] == ' ' || out[o - 1] == '.')) {
        o--;
    }
    out[o] = '\0';
    const char *hint = xmldoc_schema_hint(d, out);
    if (hint && (strstr(raw, "type '") || strstr(raw, "[facet"))) {
        snprintf(out + o, cap - o, " (%s)", hint);
    }
    return out;
}

/* ---------- the text around a position ---------- */

static bool xmldoc_name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
           c == ':';
}

static bool xmldoc_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Byte offset of a libxml2 position (1-based line, column in characters),
 * or SIZE_MAX. */
static size_t xmldoc_pos_offset(xmldoc *d, int line, int col)
{
    xmldoc_index_lines(d);
    if (!d->line_starts || line < 1 || (size_t)line > d->line_count ||
        col < 1) {
        return SIZE_MAX;
    }
    size_t i = d->line_starts[line - 1];
    for (int c = 1; c < col && i < d->len && d->buf[i] != '\n'; c++) {
        i++;
        while (i < d->len && ((unsigned char)d->buf[i] & 0xC0) == 0x80) {
            i++;
        }
    }
    return i;
}

static char xmldoc_byte(const xmldoc *d, size_t at)
{
    return at < d->len ? d->buf[at] : '\0';
}

/* Copies the name (ASCII name characters, at most size - 1) at offset. */
static size_t xmldoc_name_at(const xmldoc *d, size_t at, char *out,
                             size_t size)
{
    size_t n = 0;
    while (at + n < d->len && n + 1 < size &&
           xmldoc_name_char((unsigned char)d->buf[at + n])) {
        out[n] = d->buf[at + n];
        n++;
    }
    out[n] = '\0';
    return n;
}

/* Offset of the last needle that starts before `at`, looking back at
 * most `limit` bytes; SIZE_MAX if none. */
static size_t xmldoc_rfind(const xmldoc *d, size_t at, const char *needle,
                           size_t limit)
{
    size_t nlen = strlen(needle);
    if (at == SIZE_MAX || at > d->len) {
        at = d->len;
    }
    size_t floor = at > limit ? at - limit : 0;
    for (size_t i = at; i-- > floor;) {
        if (i + nlen <= d->len && memcmp(d->buf + i, needle, nlen) == 0) {
            return i;
        }
    }
    return SIZE_MAX;
}

/* The start tag that is open at `at` (a '<name' with no '>' after it):
 * its name and offset. */
static bool xmldoc_tag_before(const xmldoc *d, size_t at, char *name,
                              size_t size, size_t *tag_at)
{
    size_t floor = at > 4096 ? at - 4096 : 0;
    for (size_t i = at < d->len ? at : d->len; i-- > floor;) {
        char c = d->buf[i];
        if (c == '>') {
            return false;
        }
        if (c == '<') {
            if (xmldoc_name_at(d, i + 1, name, size) == 0) {
                return false;
            }
            *tag_at = i;
            return true;
        }
    }
    return false;
}

/* The name written before '=' just before `at` (looking no further back
 * than floor): an attribute whose value starts at `at`. */
static bool xmldoc_attr_name_before_eq(const xmldoc *d, size_t at,
                                       size_t floor, char *name, size_t size,
                                       size_t *name_at)
{
    size_t j = at < d->len ? at : d->len;
    while (j > floor && xmldoc_space(d->buf[j - 1])) {
        j--;
    }
    if (j == floor || d->buf[j - 1] != '=') {
        return false;
    }
    j--;
    while (j > floor && xmldoc_space(d->buf[j - 1])) {
        j--;
    }
    size_t end = j;
    while (j > floor && xmldoc_name_char((unsigned char)d->buf[j - 1])) {
        j--;
    }
    if (j == end || end - j >= size) {
        return false;
    }
    memcpy(name, d->buf + j, end - j);
    name[end - j] = '\0';
    *name_at = j;
    return true;
}

/* The attribute whose quoted value is open at `at`: its name, the offset
 * of the name and of the opening quote. */
static bool xmldoc_attr_before(const xmldoc *d, size_t at, char *name,
                               size_t size, size_t *name_at, size_t *quote_at)
{
    size_t floor = at > 4096 ? at - 4096 : 0;
    for (size_t i = at < d->len ? at : d->len; i-- > floor;) {
        char q = d->buf[i];
        if ((q == '"' || q == '\'') &&
            xmldoc_attr_name_before_eq(d, i, floor, name, size, name_at)) {
            *quote_at = i;
            return true;
        }
    }
    return false;
}

/* The position of an offset, for a message; the libxml2 position when
 * the offset is unknown. */
static void xmldoc_at(xmldoc *d, size_t off, int *line, int *col)
{
    if (off != SIZE_MAX && off <= d->len) {
        xmldoc_offset_pos(d, off, line, col);
    }
}

/* ---------- well-formedness errors ---------- */

/* HTML names trainers paste, with the character and its number. */
static const struct {
    const char *name;
    const char *utf8;
    int code;
} xmldoc_html_entities[] = {
    {"pound", "\xC2\xA3", 163},      {"euro", "\xE2\x82\xAC", 8364},
    {"eacute", "\xC3\xA9", 233},     {"egrave", "\xC3\xA8", 232},
    {"agrave", "\xC3\xA0", 224},     {"ccedil", "\xC3\xA7", 231},
    {"uuml", "\xC3\xBC", 252},       {"ouml", "\xC3\xB6", 246},
    {"auml", "\xC3\xA4", 228},       {"copy", "\xC2\xA9", 169},
    {"reg", "\xC2\xAE", 174},        {"hellip", "\xE2\x80\xA6", 8230},
    {"mdash", "\xE2\x80\x94", 8212}, {"ndash", "\xE2\x80\x93", 8211},
    {"lsquo", "\xE2\x80\x98", 8216}, {"rsquo", "\xE2\x80\x99", 8217},
    {"ldquo", "\xE2\x80\x9C", 8220}, {"rdquo", "\xE2\x80\x9D", 8221},
    {"deg", "\xC2\xB0", 176},        {"frac12", "\xC2\xBD", 189},
    {"times", "\xC3\x97", 215},
};

/* Errors that stay true after a tag broke: about text, not about tags. */
static bool xmldoc_text_error(const xmldoc *d, const xmldoc_raw_error *e,
                              size_t at)
{
    switch (e->code) {
    case XML_ERR_NAME_REQUIRED:
        return at != SIZE_MAX && at > 0 && d->buf[at - 1] == '&';
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_MISPLACED_CDATA_END:
    case XML_ERR_HYPHEN_IN_COMMENT:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
        return true;
    default:
        return e->domain == XML_FROM_NAMESPACE;
    }
}

/* "&#...;" just before `at` on the same line: its offset and text. */
static bool xmldoc_charref_before(const xmldoc *d, size_t at, char *text,
                                  size_t size, size_t *ref_at)
{
    size_t i = xmldoc_rfind(d, at, "&#", 16);
    if (i == SIZE_MAX) {
        return false;
    }
    size_t n = 0;
    text[n++] = '&';
    for (size_t k = i + 1; k < d->len && n + 2 < size && n < 14; k++) {
        char c = d->buf[k];
        bool ok = c == '#' || (c >= '0' && c <= '9') ||
                  (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
                  c == 'x' || c == 'X';
        if (c == ';') {
            text[n++] = ';';
            break;
        }
        if (!ok) {
            break;
        }
        text[n++] = c;
    }
    text[n] = '\0';
    *ref_at = i;
    return true;
}

/* The first "<!--" with no "-->" after it. */
static size_t xmldoc_open_comment(const xmldoc *d)
{
    size_t i = 0;
    for (;;) {
        size_t open = SIZE_MAX;
        for (; i + 4 <= d->len; i++) {
            if (memcmp(d->buf + i, "<!--", 4) == 0) {
                open = i;
                break;
            }
        }
        if (open == SIZE_MAX) {
            return SIZE_MAX;
        }
        size_t k = open + 4;
        for (; k + 3 <= d->len; k++) {
            if (memcmp(d->buf + k, "-->", 3) == 0) {
                break;
            }
        }
        if (k + 3 > d->len) {
            return open;
        }
        i = k + 3;
    }
}

/* Is `at` inside the <?xml ...?> declaration at the start of the file? */
static bool xmldoc_in_declaration(const xmldoc *d, size_t at)
{
    size_t start = d->len >= 3 && memcmp(d->buf, "\xEF\xBB\xBF", 3) == 0
                       ? 3
                       : 0; /* a UTF-8 byte order mark */
    if (at == SIZE_MAX || d->len < start + 5 ||
        memcmp(d->buf + start, "<?xml", 5) != 0) {
        return false;
    }
    for (size_t i = start + 5; i < at && i < d->len; i++) {
        if (d->buf[i] == '>') {
            return false;
        }
    }
    return true;
}

/* An attribute value whose closing quote is missing: at the attribute's
 * name (name_at), naming the line of its opening quote. */
static void xmldoc_unclosed_value(xmldoc *d, diag_severity sev,
                                  const char *name, size_t name_at,
                                  size_t quote_at)
{
    int line;
    int col;
    int ql;
    int qc;
    xmldoc_offset_pos(d, quote_at, &ql, &qc);
    xmldoc_offset_pos(d, name_at, &line, &col);
    xmldoc_emit(d, sev, line, col,
                "the value of attribute '%s' (opened on line %d) has no "
                "closing quote: add %c where it ends",
                name, ql, d->buf[quote_at]);
}

/* A start tag that does not parse; `here` is the character where it
 * broke: '<' or '\0' when its '>' is missing, a space when unknown. */
static void xmldoc_broken_tag(xmldoc *d, diag_severity sev, int line, int col,
                              const char *tag, int tag_line, char here)
{
    if (here == '<' || here == '\0') {
        xmldoc_emit(d, sev, line, col,
                    "the start tag <%s> on line %d has no '>': end it with "
                    "'>' (or '/>' when it holds nothing)",
                    tag, tag_line);
    } else if ((unsigned char)here > ' ' && (unsigned char)here < 0x7F) {
        xmldoc_emit(d, sev, line, col,
                    "the start tag <%s> on line %d is broken at '%c': "
                    "attributes are written name=\"value\", separated by "
                    "spaces, and the tag ends with '>' or '/>'",
                    tag, tag_line, here);
    } else {
        xmldoc_emit(d, sev, line, col,
                    "the start tag <%s> on line %d is broken here: "
                    "attributes are written name=\"value\", separated by "
                    "spaces, and the tag ends with '>' or '/>'",
                    tag, tag_line);
    }
}

static void xmldoc_report_parse(xmldoc *d, const xmldoc_raw_error *g, size_t n)
{
    const xmldoc_raw_error *e = &g[0];
    diag_severity sev =
        e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    int line = e->line;
    int col = e->col;
    size_t at = xmldoc_pos_offset(d, line, col);
    if (d->markup_broken && !xmldoc_text_error(d, e, at)) {
        return; /* an echo of the broken tag reported already */
    }
    char prev = at != SIZE_MAX && at > 0 ? d->buf[at - 1] : '\0';
    char here = at != SIZE_MAX ? xmldoc_byte(d, at) : '\0';
    /* the start tag libxml2 was reading, when one of the group says */
    const char *tag = NULL;
    int tag_line = 0;
    for (size_t i = 0; i < n; i++) {
        if (g[i].code == XML_ERR_GT_REQUIRED && g[i].str1) {
            tag = g[i].str1;
            tag_line = g[i].int1;
        }
    }
    char tag_buf[64];
    size_t tag_at = SIZE_MAX;
    if (!tag && at != SIZE_MAX &&
        xmldoc_tag_before(d, at, tag_buf, sizeof tag_buf, &tag_at)) {
        int tc;
        tag = tag_buf;
        xmldoc_offset_pos(d, tag_at, &tag_line, &tc);
    }
    char name[64];
    char text[96];
    size_t off = SIZE_MAX;
    size_t quote = SIZE_MAX;
    const char *root = d->format->root;
    switch (e->code) {
    case XML_ERR_NAME_REQUIRED:
        if (prev == '&') {
            xmldoc_at(d, at - 1, &line, &col);
            xmldoc_emit(d, sev, line, col,
                        "a bare '&': write &amp; for an ampersand");
            return;
        }
        if (prev == '<') {
            xmldoc_at(d, at - 1, &line, &col);
            xmldoc_emit(d, sev, line, col,
                        "'<' in text: write &lt; for a '<' (on its own it "
                        "starts a tag)");
            return;
        }
        if (tag) {
            d->markup_broken = true;
            xmldoc_broken_tag(d, sev, line, col, tag, tag_line, here);
            return;
        }
        break;
    case XML_ERR_PI_NOT_STARTED:
        off = xmldoc_rfind(d, at, "<?", 4);
        if (off != SIZE_MAX) {
            xmldoc_at(d, off, &line, &col);
            xmldoc_emit(d, sev, line, col,
                        "'<?' in text: write &lt; for a '<' (on its own it "
                        "starts a tag)");
            return;
        }
        break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        off = xmldoc_rfind(d, at, "&", 80);
        if (off != SIZE_MAX) {
            xmldoc_name_at(d, off + 1, name, sizeof name);
            xmldoc_at(d, off, &line, &col);
            xmldoc_emit(d, sev, line, col,
                        "a bare '&' (in '&%s'): write &amp; for an "
                        "ampersand; a reference such as &#233; ends with "
                        "';'",
                        name);
            return;
        }
        break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        if (e->str1 && strlen(e->str1) < 48) {
            snprintf(text, sizeof text, "&%s", e->str1);
            off = xmldoc_rfind(d, at, text, 160);
            xmldoc_at(d, off, &line, &col);
            if (strcmp(e->str1, "nbsp") == 0) {
                xmldoc_emit(d, sev, line, col,
                            "'&nbsp;' is an HTML name that XML does not "
                            "know: write &#160; for a non-breaking space, or "
                            "type a plain space");
                return;
            }
            for (size_t i = 0; i < sizeof xmldoc_html_entities /
                                       sizeof xmldoc_html_entities[0];
                 i++) {
                if (strcmp(xmldoc_html_entities[i].name, e->str1) == 0) {
                    xmldoc_emit(d, sev, line, col,
                                "'&%s;' is an HTML name that XML does not "
                                "know: type '%s' itself (the file is UTF-8) "
                                "or write &#%d;",
                                e->str1, xmldoc_html_entities[i].utf8,
                                xmldoc_html_entities[i].code);
                    return;
                }
            }
            xmldoc_emit(d, sev, line, col,
                        "'&%s;' is not defined in XML: type the character "
                        "itself (the file is UTF-8) or write its number, "
                        "e.g. &#233; for \xC3\xA9; for an ampersand write "
                        "&amp;",
                        e->str1);
            return;
        }
        break;
    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
        if (e->code != XML_ERR_INVALID_ENCODING &&
            xmldoc_charref_before(d, at, text, sizeof text, &off)) {
            xmldoc_at(d, off, &line, &col);
            xmldoc_emit(d, sev, line, col,
                        "'%s' is not a valid character reference: write a "
                        "character's number as &#233; or &#xE9; (with the "
                        "';'), or type the character itself",
                        text);
            return;
        }
        for (size_t k = at != SIZE_MAX && at > 0 ? at - 1 : SIZE_MAX;
             k != SIZE_MAX && k <= at && k < d->len; k++) {
            unsigned char c = (unsigned char)d->buf[k];
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                c == 0x7F) {
                xmldoc_at(d, k, &line, &col);
                xmldoc_emit(d, sev, line, col,
                            "control character U+%04X is not allowed in "
                            "XML text: delete it (it often comes with "
                            "pasted text)",
                            c);
                return;
            }
        }
        xmldoc_emit(d, sev, line, col,
                    "the file is not valid UTF-8 text here; save it as "
                    "UTF-8 (libxml2: %s)",
                    e->message ? e->message : "invalid character");
        return;
    case XML_ERR_LT_IN_ATTRIBUTE:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
        d->markup_broken = true;
        if (at != SIZE_MAX &&
            xmldoc_attr_before(d, at, name, sizeof name, &off, &quote)) {
            bool crosses = memchr(d->buf + quote, '\n', at - quote) != NULL;
            if (crosses || e->code == XML_ERR_ATTRIBUTE_NOT_FINISHED) {
                xmldoc_unclosed_value(d, sev, name, off, quote);
                return;
            }
            xmldoc_emit(d, sev, line, col,
                        "'<' in the value of attribute '%s': write &lt;",
                        name);
            return;
        }
        break;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
        d->markup_broken = true;
        if (at != SIZE_MAX &&
            xmldoc_attr_name_before_eq(d, at, 0, name, sizeof name, &off)) {
            size_t k = 0;
            while (at + k < d->len && k + 1 < sizeof text && k < 40 &&
                   !xmldoc_space(d->buf[at + k]) && d->buf[at + k] != '>' &&
                   d->buf[at + k] != '/' && d->buf[at + k] != '<' &&
                   d->buf[at + k] != '"' && d->buf[at + k] != '\'') {
                text[k] = d->buf[at + k];
                k++;
            }
            text[k] = '\0';
            xmldoc_at(d, off, &line, &col);
            xmldoc_emit(d, sev, line, col,
                        "the value of attribute '%s' needs quotes: write "
                        "%s=\"%s\"",
                        name, name, k ? text : "...");
            return;
        }
        xmldoc_emit(d, sev, line, col,
                    "an attribute value needs quotes: write name=\"value\"");
        return;
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_EQUAL_REQUIRED:
        d->markup_broken = true;
        if (e->str1 && strlen(e->str1) < sizeof name) {
            off = xmldoc_rfind(d, at, e->str1, 200);
            xmldoc_at(d, off, &line, &col);
            size_t k = at;
            while (k != SIZE_MAX && k < d->len && xmldoc_space(d->buf[k])) {
                k++;
            }
            char next = k != SIZE_MAX ? xmldoc_byte(d, k) : '\0';
            if (next == '"' || next == '\'') {
                xmldoc_emit(d, sev, line, col,
                            "attribute '%s' has no '=': write %s=\"...\"",
                            e->str1, e->str1);
            } else {
                xmldoc_emit(d, sev, line, col,
                            "'%s' in the start tag <%s> is not an attribute "
                            "(attributes are written name=\"value\"): text "
                            "goes after the tag's '>'",
                            e->str1, tag ? tag : "...");
            }
            return;
        }
        break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        if (e->str1 && tag) {
            /* point at the second one */
            char needle[80];
            snprintf(needle, sizeof needle, "%.60s=", e->str1);
            size_t first = SIZE_MAX;
            for (size_t k = tag_at; k != SIZE_MAX && k + 1 < d->len &&
                                    k < tag_at + 4096 && d->buf[k] != '>';
                 k++) {
                if (xmldoc_space(d->buf[k]) &&
                    strncmp(d->buf + k + 1, needle, strlen(needle)) == 0 &&
                    k + 1 + strlen(needle) <= d->len) {
                    if (first == SIZE_MAX) {
                        first = k + 1;
                    } else {
                        xmldoc_at(d, k + 1, &line, &col);
                        break;
                    }
                }
            }
            xmldoc_emit(d, sev, line, col,
                        "attribute '%s' is written twice in <%s>: keep one "
                        "(a list such as principles= takes several words "
                        "separated by spaces)",
                        e->str1, tag);
            return;
        }
        break;
    case XML_ERR_SPACE_REQUIRED:
        d->markup_broken = true;
        if ((prev == '"' || prev == '\'') && at >= 2 &&
            d->buf[at - 2] == '=' &&
            xmldoc_attr_before(d, at - 2, name, sizeof name, &off, &quote)) {
            /* a="1 b="2": the quote after b= closed a's value */
            xmldoc_unclosed_value(d, sev, name, off, quote);
            return;
        }
        if ((prev == '"' || prev == '\'') &&
            xmldoc_name_at(d, at, name, sizeof name) > 0) {
            xmldoc_emit(d, sev, line, col,
                        "attributes need a space between them: write a "
                        "space before '%s'",
                        name);
            return;
        }
        if (tag) {
            xmldoc_broken_tag(d, sev, line, col, tag, tag_line, ' ');
            return;
        }
        break;
    case XML_ERR_GT_REQUIRED:
        d->markup_broken = true;
        if (e->str1) {
            xmldoc_broken_tag(d, sev, line, col, e->str1, e->int1, '\0');
            return;
        }
        off = xmldoc_rfind(d, at, "</", 200);
        if (off != SIZE_MAX) {
            xmldoc_at(d, off, &line, &col);
            if (xmldoc_name_at(d, off + 2, name, sizeof name) == 0) {
                xmldoc_emit(d, sev, line, col,
                            "a closing tag is written </name>, with no "
                            "space after '</'");
            } else {
                xmldoc_emit(d, sev, line, col,
                            "the closing tag </%s has no '>': write </%s>",
                            name, name);
            }
            return;
        }
        break;
    case XML_ERR_TAG_NAME_MISMATCH:
        d->markup_broken = true;
        if (e->str1 && e->str2) {
            snprintf(text, sizeof text, "</%.60s", e->str2);
            off = xmldoc_rfind(d, at, text, 200);
            xmldoc_at(d, off, &line, &col);
            if (diag_distance(e->str1, e->str2) <= 2) {
                xmldoc_emit(d, sev, line, col,
                            "<%s> opened on line %d is closed by </%s>: "
                            "write </%s> (check the spelling)",
                            e->str1, e->int1, e->str2, e->str1);
            } else {
                xmldoc_emit(d, sev, line, col,
                            "<%s> opened on line %d is closed by </%s>: "
                            "close <%s> first with </%s>, or fix the tag "
                            "that is misspelt",
                            e->str1, e->int1, e->str2, e->str1, e->str1);
            }
            return;
        }
        break;
    case XML_ERR_TAG_NOT_FINISHED:
        d->markup_broken = true;
        if (e->str1) {
            xmldoc_emit(d, sev, line, col,
                        "the file ends before <%s> (opened on line %d) is "
                        "closed: add </%s>",
                        e->str1, e->int1, e->str1);
            return;
        }
        break;
    case XML_ERR_DOCUMENT_END:
        d->markup_broken = true;
        xmldoc_emit(d, sev, line, col,
                    "something follows the end of <%s>: everything must be "
                    "inside the one <%s> element; remove it or move it "
                    "inside",
                    root, root);
        return;
    case XML_ERR_DOCUMENT_EMPTY:
        xmldoc_emit(d, sev, line, col, "the file has no XML content");
        return;
    case XML_ERR_RESERVED_XML_NAME:
        d->markup_broken = true;
        off = xmldoc_rfind(d, at, "<?xml", 8);
        xmldoc_at(d, off, &line, &col);
        xmldoc_emit(d, sev, line, col,
                    "<?xml ...?> must be the very first thing in the file: "
                    "remove what comes before it, even a blank line");
        return;
    case XML_ERR_HYPHEN_IN_COMMENT:
        xmldoc_emit(d, sev, line, col,
                    "'--' inside a comment: a comment (<!-- ... -->) may "
                    "not hold two hyphens in a row; use one, or a dash");
        return;
    case XML_ERR_COMMENT_NOT_FINISHED:
        d->markup_broken = true;
        xmldoc_at(d, xmldoc_open_comment(d), &line, &col);
        xmldoc_emit(d, sev, line, col,
                    "this comment is never closed: end it with -->");
        return;
    case XML_ERR_MISPLACED_CDATA_END:
        off = xmldoc_rfind(d, at, "]]>", 4);
        xmldoc_at(d, off, &line, &col);
        xmldoc_emit(d, sev, line, col,
                    "']]>' is not allowed in text: write ]]&gt;");
        return;
    case XML_ERR_CDATA_NOT_FINISHED:
        d->markup_broken = true;
        xmldoc_emit(d, sev, line, col,
                    "a <![CDATA[ section is never closed: end it with ]]>");
        return;
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
        if (d->entity_loop_reported) {
            return; /* libxml2 repeats it once per nesting level */
        }
        d->entity_loop_reported = 1;
        line = 1;
        col = xmldoc_locate(d, &line, "<!DOCTYPE");
        xmldoc_emit(d, sev, line, col,
                    "entity definitions refer to each other (an expansion "
                    "bomb); <!DOCTYPE> and entities are not allowed in %s: "
                    "remove the declaration",
                    _(d->format->kinds));
        return;
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
        if (e->str1 && e->str2 && e->str3 && strlen(e->str1) < 40 &&
            strlen(e->str2) < 40) {
            snprintf(text, sizeof text, "%s:%s", e->str1, e->str2);
            off = xmldoc_rfind(d, at, text, 4096);
            xmldoc_at(d, off, &line, &col);
            if (strcmp(e->str1, "xsi") == 0) {
                xmldoc_emit(d, sev, line, col,
                            "the prefix 'xsi:' of '%s' is not declared: add "
                            "xmlns:xsi=\"http://www.w3.org/2001/"
                            "XMLSchema-instance\" to <%s>",
                            text, e->str3);
            } else {
                xmldoc_emit(d, sev, line, col,
                            "the prefix '%s:' of '%s' is not declared: "
                            "declare it with xmlns:%s=\"...\" or remove it",
                            e->str1, text, e->str1);
            }
            return;
        }
        break;
    default:
        break;
    }
    if (xmldoc_in_declaration(d, at)) {
        d->markup_broken = true;
        xmldoc_emit(d, sev, line, col,
                    "the XML declaration is broken: write it as <?xml "
                    "version=\"1.0\" encoding=\"UTF-8\"?> (or leave it out)");
        return;
    }
    /* Other well-formedness messages from libxml2 are kept as they are. */
    const char *msg = e->message ? e->message : "unknown XML error";
    char *copy = xmldoc_friendly_message(d, msg);
    xmldoc_emit(d, sev, line, col, "%s", copy ? copy : msg);
    free(copy);
}

/* ---------- what the schema says an element holds ---------- */

typedef struct {
    const char *names[XMLDOC_SLOT_NAMES];
    size_t count;
    int min;
    int max; /* -1: unbounded */
} xmldoc_slot;

static bool xmldoc_xs(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           xmlStrEqual(n->ns->href, BAD_CAST XMLDOC_XS_NS) &&
           xmlStrEqual(n->name, BAD_CAST name);
}

/* An attribute's value in the schema tree (owned by it), or NULL. */
static const char *xmldoc_xs_attr(const xmlNode *n, const char *name)
{
    xmlAttr *a = xmlHasProp(n, BAD_CAST name);
    if (!a || !a->children || a->children->type != XML_TEXT_NODE) {
        return NULL;
    }
    return (const char *)a->children->content;
}

static int xmldoc_xs_occurs(const xmlNode *n, const char *attr)
{
    const char *v = xmldoc_xs_attr(n, attr);
    if (!v) {
        return 1;
    }
    if (strcmp(v, "unbounded") == 0) {
        return -1;
    }
    return atoi(v);
}

/* The top-level declaration of a kind ("complexType", "element",
 * "attributeGroup") with this name (a prefix is ignored). */
static const xmlNode *xmldoc_xs_named(const xmldoc *d, const char *kind,
                                      const char *qname)
{
    const char *colon = strchr(qname, ':');
    const char *local = colon ? colon + 1 : qname;
    const xmlNode *root = d->xsd_doc ? xmlDocGetRootElement(d->xsd_doc) : NULL;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (xmldoc_xs(c, kind)) {
            const char *n = xmldoc_xs_attr(c, "name");
            if (n && strcmp(n, local) == 0) {
                return c;
            }
        }
    }
    return NULL;
}

/* The complex type of an element declaration (inline or named); NULL for
 * a simple type. */
static const xmlNode *xmldoc_xs_decl_type(const xmldoc *d, const xmlNode *decl)
{
    for (const xmlNode *c = decl->children; c; c = c->next) {
        if (xmldoc_xs(c, "complexType")) {
            return c;
        }
    }
    const char *type = xmldoc_xs_attr(decl, "type");
    return type ? xmldoc_xs_named(d, "complexType", type) : NULL;
}

/* The model group (sequence, choice or all) of a complex type. */
static const xmlNode *xmldoc_xs_model(const xmlNode *type)
{
    for (const xmlNode *c = type ? type->children : NULL; c; c = c->next) {
        if (xmldoc_xs(c, "sequence") || xmldoc_xs(c, "choice") ||
            xmldoc_xs(c, "all")) {
            return c;
        }
    }
    return NULL;
}

/* The declaration of a child element in a model group (nested groups
 * included). */
static const xmlNode *xmldoc_xs_child_decl(const xmlNode *model,
                                           const char *name)
{
    for (const xmlNode *c = model ? model->children : NULL; c; c = c->next) {
        if (xmldoc_xs(c, "element")) {
            const char *n = xmldoc_xs_attr(c, "name");
            if (n && strcmp(n, name) == 0) {
                return c;
            }
        } else if (xmldoc_xs(c, "sequence") || xmldoc_xs(c, "choice") ||
                   xmldoc_xs(c, "all")) {
            const xmlNode *found = xmldoc_xs_child_decl(c, name);
            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

/* The complex type of an element of the document, from the root down;
 * *decl gets its declaration. */
static const xmlNode *xmldoc_xs_type(const xmldoc *d, const xmlNode *el,
                                     const xmlNode **decl_out)
{
    const xmlNode *path[XMLDOC_MAX_DEPTH];
    size_t depth = 0;
    for (const xmlNode *n = el; n && n->type == XML_ELEMENT_NODE;
         n = n->parent) {
        if (depth == XMLDOC_MAX_DEPTH) {
            return NULL;
        }
        path[depth++] = n;
    }
    if (depth == 0) {
        return NULL;
    }
    const xmlNode *decl =
        xmldoc_xs_named(d, "element", (const char *)path[depth - 1]->name);
    const xmlNode *type = decl ? xmldoc_xs_decl_type(d, decl) : NULL;
    for (size_t i = depth - 1; i-- > 0 && decl;) {
        decl = type ? xmldoc_xs_child_decl(xmldoc_xs_model(type),
                                           (const char *)path[i]->name)
                    : NULL;
        type = decl ? xmldoc_xs_decl_type(d, decl) : NULL;
    }
    if (decl_out) {
        *decl_out = decl;
    }
    return decl ? type : NULL;
}

/* The children a complex type allows, as steps in order. */
static size_t xmldoc_xs_slots(const xmlNode *type, xmldoc_slot *slots)
{
    const xmlNode *model = xmldoc_xs_model(type);
    size_t n = 0;
    if (!model) {
        return 0;
    }
    bool sequence = xmldoc_xs(model, "sequence");
    const xmlNode *first = sequence ? model->children : model;
    for (const xmlNode *c = first; c && n < XMLDOC_MAX_SLOTS;
         c = sequence ? c->next : NULL) {
        xmldoc_slot *s = &slots[n];
        s->count = 0;
        if (xmldoc_xs(c, "element")) {
            const char *name = xmldoc_xs_attr(c, "name");
            if (!name) {
                continue;
            }
            s->names[s->count++] = name;
        } else if (xmldoc_xs(c, "choice") || xmldoc_xs(c, "all") ||
                   xmldoc_xs(c, "sequence")) {
            for (const xmlNode *k = c->children;
                 k && s->count < XMLDOC_SLOT_NAMES; k = k->next) {
                const char *name =
                    xmldoc_xs(k, "element") ? xmldoc_xs_attr(k, "name") : NULL;
                if (name) {
                    s->names[s->count++] = name;
                }
            }
            if (s->count == 0) {
                continue;
            }
        } else {
            continue;
        }
        s->min = xmldoc_xs_occurs(c, "minOccurs");
        s->max = xmldoc_xs_occurs(c, "maxOccurs");
        n++;
    }
    return n;
}

static void xmldoc_xs_attrs_of(const xmldoc *d, const xmlNode *parent,
                               const char **names, size_t *count, int depth)
{
    for (const xmlNode *c = parent ? parent->children : NULL;
         c && *count < XMLDOC_MAX_ATTRS; c = c->next) {
        if (xmldoc_xs(c, "attribute")) {
            const char *name = xmldoc_xs_attr(c, "name");
            if (name) {
                names[(*count)++] = name;
            }
        } else if (xmldoc_xs(c, "attributeGroup") && depth < 4) {
            const char *ref = xmldoc_xs_attr(c, "ref");
            const xmlNode *group =
                ref ? xmldoc_xs_named(d, "attributeGroup", ref) : NULL;
            xmldoc_xs_attrs_of(d, group, names, count, depth + 1);
        } else if ((xmldoc_xs(c, "simpleContent") ||
                    xmldoc_xs(c, "complexContent") ||
                    xmldoc_xs(c, "extension")) &&
                   depth < 4) {
            xmldoc_xs_attrs_of(d, c, names, count, depth + 1);
        }
    }
}

static bool xmldoc_xs_text_only(const xmlNode *type)
{
    for (const xmlNode *c = type ? type->children : NULL; c; c = c->next) {
        if (xmldoc_xs(c, "simpleContent")) {
            return true;
        }
    }
    return false;
}

static int xmldoc_slot_of(const xmldoc_slot *s, size_t n, const xmlChar *name)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < s[i].count; k++) {
            if (xmlStrEqual(name, BAD_CAST s[i].names[k])) {
                return (int)i;
            }
        }
    }
    return -1;
}

/* "<a>" or "a <a> or <b>" */
static void xmldoc_slot_label(const xmldoc_slot *s, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < s->count && o < size; k++) {
        const char *sep = k == 0 ? (s->count > 1 ? "a " : "")
                                 : (k + 1 == s->count ? " or " : ", ");
        o += (size_t)snprintf(buf + o, size - o, "%s<%s>", sep, s->names[k]);
    }
}

/* "<title>, then <summary>, then any mix of <node> and <ending>" */
static void xmldoc_order_text(const xmldoc_slot *s, size_t n, char *buf,
                              size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && o < size; i++) {
        if (i > 0) {
            o += (size_t)snprintf(buf + o, size - o, "%s", _(", then "));
        }
        if (o >= size) {
            break;
        }
        if (s[i].count == 1) {
            o += (size_t)snprintf(buf + o, size - o, "<%s>%s", s[i].names[0],
                                  s[i].max == 1 ? "" : "...");
            continue;
        }
        o += (size_t)snprintf(buf + o, size - o, "%s",
                              s[i].max == 1 ? _("one of ") : _("any mix of "));
        for (size_t k = 0; k < s[i].count && o < size; k++) {
            const char *sep =
                k == 0 ? ""
                       : (k + 1 == s[i].count
                              ? (s[i].max == 1 ? _(" or ") : _(" and "))
                              : _(", "));
            o += (size_t)snprintf(buf + o, size - o, "%s<%s>", sep,
                                  s[i].names[k]);
        }
    }
}

typedef enum {
    XMLDOC_FIT_OK,
    XMLDOC_FIT_UNKNOWN,  /* a child the element may not hold */
    XMLDOC_FIT_ORDER,    /* a child after one that must follow it */
    XMLDOC_FIT_TOO_MANY, /* one child too many of its kind */
    XMLDOC_FIT_MISSING   /* a required child is missing before `at` */
} xmldoc_fit_kind;

typedef struct {
    xmldoc_fit_kind kind;
    const xmlNode *at;   /* the child; NULL: at the end */
    const xmlNode *prev; /* the element child before it */
    size_t slot;         /* the missing step, or the child's */
} xmldoc_fit;

/* Checks an element's children against the steps, as the schema does. */
static xmldoc_fit xmldoc_fit_children(const xmlNode *el, const xmldoc_slot *s,
                                      size_t n)
{
    xmldoc_fit f = {XMLDOC_FIT_OK, NULL, NULL, 0};
    size_t cur = 0;
    int k = 0;
    for (const xmlNode *c = el->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        int j = xmldoc_slot_of(s, n, c->name);
        f.at = c;
        if (j < 0) {
            f.kind = XMLDOC_FIT_UNKNOWN;
            return f;
        }
        size_t js = (size_t)j;
        if (js == cur && (s[cur].max < 0 || k < s[cur].max)) {
            k++;
            f.prev = c;
            continue;
        }
        if (js <= cur) {
            f.kind = js == cur ? XMLDOC_FIT_TOO_MANY : XMLDOC_FIT_ORDER;
            f.slot = js;
            return f;
        }
        if (k < s[cur].min) {
            f.kind = XMLDOC_FIT_MISSING;
            f.slot = cur;
            return f;
        }
        for (size_t m = cur + 1; m < js; m++) {
            if (s[m].min > 0) {
                f.kind = XMLDOC_FIT_MISSING;
                f.slot = m;
                return f;
            }
        }
        cur = js;
        k = 1;
        f.prev = c;
    }
    f.at = NULL;
    for (size_t m = cur; m < n; m++) {
        if (s[m].min > (m == cur ? k : 0)) {
            f.kind = XMLDOC_FIT_MISSING;
            f.slot = m;
            return f;
        }
    }
    return f;
}

/* Explains why an element's children do not fit; false when they do. */
static bool xmldoc_explain_fit(const xmlNode *el, const xmlNode *type,
                               char *buf, size_t size, const xmlNode **where)
{
    xmldoc_slot s[XMLDOC_MAX_SLOTS];
    size_t n = xmldoc_xs_slots(type, s);
    xmldoc_fit f = xmldoc_fit_children(el, s, n);
    if (f.kind == XMLDOC_FIT_OK) {
        return false;
    }
    const char *p = (const char *)el->name;
    const char *e = f.at ? (const char *)f.at->name : "";
    char order[400];
    char holds[440];
    xmldoc_order_text(s, n, order, sizeof order);
    if (n > 1) {
        snprintf(holds, sizeof holds, _("the order is %s"), order);
    } else {
        snprintf(holds, sizeof holds, _("it holds %s"), order);
    }
    *where = f.at ? f.at : el;
    switch (f.kind) {
    case XMLDOC_FIT_UNKNOWN: {
        if (n == 0) {
            if (xmldoc_xs_text_only(type)) {
                snprintf(buf, size,
                         _("<%s> cannot go inside <%s>: <%s> holds only text "
                           "(to write a '<', use &lt;)"),
                         e, p, p);
            } else {
                snprintf(buf, size,
                         _("<%s> cannot go inside <%s>: <%s> holds nothing "
                           "(write it as <%s ... />)"),
                         e, p, p, p);
            }
            return true;
        }
        const char *names[XMLDOC_MAX_SLOTS * XMLDOC_SLOT_NAMES];
        size_t count = 0;
        for (size_t i = 0; i < n; i++) {
            for (size_t k = 0; k < s[i].count; k++) {
                names[count++] = s[i].names[k];
            }
        }
        const char *hint = diag_suggest(e, names, count);
        if (hint) {
            snprintf(buf, size,
                     _("<%s> is not allowed in <%s>; did you mean <%s>? In "
                       "<%s> %s"),
                     e, p, hint, p, holds);
        } else {
            snprintf(buf, size, _("<%s> is not allowed in <%s>: %s"), e, p,
                     holds);
        }
        return true;
    }
    case XMLDOC_FIT_ORDER:
        snprintf(buf, size, _("<%s> cannot come after <%s> in <%s>: %s"), e,
                 f.prev ? (const char *)f.prev->name : "?", p, holds);
        return true;
    case XMLDOC_FIT_TOO_MANY:
        if (s[f.slot].max == 1) {
            snprintf(buf, size, _("<%s> can have only one <%s>: %s"), p, e,
                     holds);
        } else {
            snprintf(buf, size, _("<%s> can have at most %d <%s>"), p,
                     s[f.slot].max, e);
        }
        return true;
    case XMLDOC_FIT_MISSING: {
        char label[160];
        xmldoc_slot_label(&s[f.slot], label, sizeof label);
        if (!f.at && s[f.slot].count == 1 && s[f.slot].max != 1) {
            if (s[f.slot].min == 1) {
                snprintf(buf, size, _("<%s> needs at least one <%s>: %s"), p,
                         s[f.slot].names[0], holds);
            } else {
                snprintf(buf, size, _("<%s> needs at least %d <%s>: %s"), p,
                         s[f.slot].min, s[f.slot].names[0], holds);
            }
            return true;
        }
        if (!f.at) {
            snprintf(buf, size, _("<%s> is missing %s: %s"), p, label, holds);
            return true;
        }
        /* written, but too late? */
        for (const xmlNode *c = f.at->next; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE &&
                xmldoc_slot_of(s, n, c->name) == (int)f.slot) {
                snprintf(buf, size,
                         _("<%s> cannot come before <%s> in <%s>: %s"), e,
                         (const char *)c->name, p, holds);
                return true;
            }
        }
        snprintf(buf, size, _("<%s> needs %s before <%s>: %s"), p, label, e,
                 holds);
        return true;
    }
    case XMLDOC_FIT_OK:
        break;
    }
    return false;
}

/* The declaration <xs:attribute name="name"> among a complex type's
 * attributes (through groups and extensions), or NULL. */
static const xmlNode *xmldoc_xs_attr_decl(const xmldoc *d,
                                          const xmlNode *parent,
                                          const char *name, int depth)
{
    for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
        const xmlNode *found = NULL;
        if (xmldoc_xs(c, "attribute")) {
            const char *n = xmldoc_xs_attr(c, "name");
            found = n && strcmp(n, name) == 0 ? c : NULL;
        } else if (xmldoc_xs(c, "attributeGroup") && depth < 4) {
            const char *ref = xmldoc_xs_attr(c, "ref");
            found = xmldoc_xs_attr_decl(
                d, ref ? xmldoc_xs_named(d, "attributeGroup", ref) : NULL,
                name, depth + 1);
        } else if ((xmldoc_xs(c, "simpleContent") ||
                    xmldoc_xs(c, "complexContent") ||
                    xmldoc_xs(c, "extension")) &&
                   depth < 4) {
            found = xmldoc_xs_attr_decl(d, c, name, depth + 1);
        }
        if (found) {
            return found;
        }
    }
    return NULL;
}

/* The values an attribute's type enumerates, ", "-separated, in buf
 * (empty when its type is not an enumeration). */
static void xmldoc_xs_allowed(const xmldoc *d, const xmlNode *type,
                              const char *attr, char *buf, size_t size)
{
    buf[0] = '\0';
    const xmlNode *decl = xmldoc_xs_attr_decl(d, type, attr, 0);
    const char *tname = decl ? xmldoc_xs_attr(decl, "type") : NULL;
    const xmlNode *st = tname ? xmldoc_xs_named(d, "simpleType", tname) : NULL;
    size_t o = 0;
    for (const xmlNode *r = st ? st->children : NULL; r; r = r->next) {
        if (!xmldoc_xs(r, "restriction")) {
            continue;
        }
        for (const xmlNode *e = r->children; e && o < size; e = e->next) {
            const char *v = xmldoc_xs(e, "enumeration")
                                ? xmldoc_xs_attr(e, "value")
                                : NULL;
            if (v) {
                o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? ", " : "",
                                      v);
            }
        }
    }
}

/* The numbers of a length facet message ("a length of '4001'; ... length
 * of '4000'"); false when they are not there. */
static bool xmldoc_lengths(const char *msg, long *have, long *limit)
{
    const char *a = msg ? strstr(msg, "length of '") : NULL;
    const char *b = a ? strstr(a + 11, "length of '") : NULL;
    if (!a || !b) {
        return false;
    }
    *have = strtol(a + 11, NULL, 10);
    *limit = strtol(b + 11, NULL, 10);
    return true;
}

/* A content error (XML_SCHEMAV_ELEMENT_CONTENT): libxml2 names either the
 * child that does not fit or the element that misses a child. */
static bool xmldoc_content_message(const xmldoc *d, const xmlNode *el,
                                   char *buf, size_t size,
                                   const xmlNode **where)
{
    const xmlNode *parent = el->parent;
    if (parent && parent->type == XML_ELEMENT_NODE) {
        const xmlNode *type = xmldoc_xs_type(d, parent, NULL);
        const xmlNode *at = NULL;
        char text[XMLDOC_MSG];
        if (type && xmldoc_explain_fit(parent, type, text, sizeof text, &at) &&
            at == el) {
            snprintf(buf, size, "%s", text);
            *where = at;
            return true;
        }
    }
    const xmlNode *type = xmldoc_xs_type(d, el, NULL);
    return type && xmldoc_explain_fit(el, type, buf, size, where);
}

/* ---------- schema errors ---------- */

/* The attribute a schema message is about ("..., attribute 'x': ..."). */
static void xmldoc_message_attr(const char *msg, char *out, size_t size)
{
    out[0] = '\0';
    const char *a = msg ? strstr(msg, ", attribute '") : NULL;
    if (!a) {
        return;
    }
    a += 13;
    size_t n = strcspn(a, "'");
    if (n < size) {
        memcpy(out, a, n);
        out[n] = '\0';
    }
}

/* Position of a schema error: the attribute, else the element. */
static void xmldoc_schema_pos(xmldoc *d, const xmldoc_raw_error *e,
                              const char *attr, int *line, int *col)
{
    const xmlNode *node = e->node;
    *line = e->line;
    *col = 0;
    if (node && node->type == XML_ATTRIBUTE_NODE && node->parent) {
        xmldoc_attr_pos(d, node->parent, (const char *)node->name, line, col);
    } else if (node && node->type == XML_ELEMENT_NODE && attr && *attr) {
        xmldoc_attr_pos(d, node, attr, line, col);
    } else if (node && node->type == XML_ELEMENT_NODE) {
        xmldoc_element_pos(d, node, line, col);
    }
}

/* Moves a position from an attribute's name to a word of its value. */
static void xmldoc_value_word_pos(xmldoc *d, int *line, int *col,
                                  const char *word)
{
    size_t at = xmldoc_pos_offset(d, *line, *col);
    if (at == SIZE_MAX || !word || !*word) {
        return;
    }
    size_t i = at;
    while (i < d->len && d->buf[i] != '"' && d->buf[i] != '\'' &&
           d->buf[i] != '>') {
        i++;
    }
    if (i >= d->len || d->buf[i] == '>') {
        return;
    }
    char q = d->buf[i++];
    size_t wl = strlen(word);
    for (; i + wl <= d->len && d->buf[i] != q; i++) {
        bool start = xmldoc_space(d->buf[i - 1]) || d->buf[i - 1] == q;
        bool end = i + wl == d->len || xmldoc_space(d->buf[i + wl]) ||
                   d->buf[i + wl] == q;
        if (start && end && memcmp(d->buf + i, word, wl) == 0) {
            xmldoc_offset_pos(d, i, line, col);
            return;
        }
    }
}

static bool xmldoc_facet_code(int code)
{
    return code >= XML_SCHEMAV_CVC_LENGTH_VALID &&
           code <= XML_SCHEMAV_CVC_ENUMERATION_VALID;
}

static bool xmldoc_datatype_code(int code)
{
    return code >= XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1 &&
           code <= XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3;
}

/* "'a', 'b', 'c'" -> names pointing into buf (modified). */
static size_t xmldoc_split_set(char *buf, const char **names, size_t max)
{
    size_t n = 0;
    char *p = buf;
    while (*p && n < max) {
        char *open = strchr(p, '\'');
        if (!open) {
            break;
        }
        char *close = strchr(open + 1, '\'');
        if (!close) {
            break;
        }
        *close = '\0';
        names[n++] = open + 1;
        p = close + 1;
    }
    return n;
}

/* One schema error; `list` is the list-type error about the same value
 * that follows a facet error (NULL when there is none). */
static void xmldoc_report_schema_one(xmldoc *d, const xmldoc_raw_error *e,
                                     const xmldoc_raw_error *list)
{
    diag_severity sev =
        e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    const char *msg = e->message ? e->message : "unknown schema error";
    const xmlNode *node = e->node;
    const char *el = node && node->type == XML_ELEMENT_NODE
                         ? (const char *)node->name
                         : "?";
    char attr[64];
    xmldoc_message_attr(msg, attr, sizeof attr);
    int line;
    int col;
    xmldoc_schema_pos(d, e, attr, &line, &col);
    char buf[XMLDOC_MSG];
    const xmlNode *where = NULL;
    if (node && node->type == XML_ELEMENT_NODE) {
        switch (e->code) {
        case XML_SCHEMAV_ELEMENT_CONTENT:
            if (xmldoc_content_message(d, node, buf, sizeof buf, &where)) {
                xmldoc_element_pos(d, where, &line, &col);
                xmldoc_emit(d, sev, line, col, "%s", buf);
                return;
            }
            break;
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3: { /* text in element-only */
            xmldoc_slot s[XMLDOC_MAX_SLOTS];
            const xmlNode *type = xmldoc_xs_type(d, node, NULL);
            size_t n = type ? xmldoc_xs_slots(type, s) : 0;
            if (n > 0) {
                char order[400];
                xmldoc_order_text(s, n, order, sizeof order);
                if (n > 1) {
                    xmldoc_emit(d, sev, line, col,
                                "<%s> cannot hold text of its own: text goes "
                                "inside its elements (the order is %s)",
                                el, order);
                } else {
                    xmldoc_emit(d, sev, line, col,
                                "<%s> cannot hold text of its own: text goes "
                                "inside its elements (it holds %s)",
                                el, order);
                }
                return;
            }
            break;
        }
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2: /* an element in text */
            for (const xmlNode *c = node->children; c; c = c->next) {
                if (c->type == XML_ELEMENT_NODE) {
                    xmldoc_element_pos(d, c, &line, &col);
                    xmldoc_emit(d, sev, line, col,
                                "<%s> cannot go inside <%s>: <%s> holds "
                                "only text (to write a '<', use &lt;)",
                                (const char *)c->name, el, el);
                    return;
                }
            }
            break;
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1: /* unknown attribute */
            if (e->str1) {
                const char *names[XMLDOC_MAX_ATTRS];
                size_t count = 0;
                const xmlNode *type = xmldoc_xs_type(d, node, NULL);
                xmldoc_xs_attrs_of(d, type, names, &count, 0);
                if (count > 0) {
                    char list_text[600];
                    size_t o = 0;
                    list_text[0] = '\0';
                    for (size_t i = 0; i < count && o < sizeof list_text;
                         i++) {
                        o += (size_t)snprintf(list_text + o,
                                              sizeof list_text - o, "%s%s",
                                              i ? ", " : "", names[i]);
                    }
                    xmldoc_attr_pos(d, node, e->str1, &line, &col);
                    const char *hint = diag_suggest(e->str1, names, count);
                    if (hint) {
                        xmldoc_emit(d, sev, line, col,
                                    "<%s> has no attribute '%s'; did you "
                                    "mean '%s'? Its attributes are %s",
                                    el, e->str1, hint, list_text);
                    } else {
                        xmldoc_emit(d, sev, line, col,
                                    "<%s> has no attribute '%s': its "
                                    "attributes are %s",
                                    el, e->str1, list_text);
                    }
                    return;
                }
            }
            break;
        case XML_SCHEMAV_CVC_MINLENGTH_VALID:
        case XML_SCHEMAV_CVC_MAXLENGTH_VALID: {
            long have = 0;
            long limit = 0;
            char what[96];
            if (attr[0]) {
                snprintf(what, sizeof what, "<%s> attribute '%s'", el, attr);
            } else {
                snprintf(what, sizeof what, "<%s>", el);
            }
            if (e->code == XML_SCHEMAV_CVC_MINLENGTH_VALID) {
                xmldoc_emit(d, sev, line, col,
                            "%s is empty: write the words (at least one "
                            "visible character)",
                            what);
                return;
            }
            if (xmldoc_lengths(msg, &have, &limit)) {
                xmldoc_emit(d, sev, line, col,
                            "%s is too long: %ld characters, and at most "
                            "%ld fit on screen; shorten it or split it "
                            "into several",
                            what, have, limit);
                return;
            }
            break;
        }
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_4: /* a required attribute */
            if (e->str1) {
                char allowed[400];
                xmldoc_xs_allowed(d, xmldoc_xs_type(d, node, NULL), e->str1,
                                  allowed, sizeof allowed);
                if (allowed[0]) {
                    xmldoc_emit(d, sev, line, col,
                                "<%s> needs the attribute '%s', one of: %s",
                                el, e->str1, allowed);
                } else {
                    xmldoc_emit(d, sev, line, col,
                                "<%s> needs the attribute '%s'", el, e->str1);
                }
                return;
            }
            break;
        case XML_SCHEMAV_CVC_ENUMERATION_VALID:
            if (e->str1 && e->str2 && attr[0]) {
                char set[600];
                const char *names[64];
                snprintf(set, sizeof set, "%s", e->str2);
                size_t count = xmldoc_split_set(set, names, 64);
                char allowed[600];
                size_t o = 0;
                allowed[0] = '\0';
                for (size_t i = 0; i < count && o < sizeof allowed; i++) {
                    o += (size_t)snprintf(allowed + o, sizeof allowed - o,
                                          "%s%s", i ? ", " : "", names[i]);
                }
                const char *hint = diag_suggest(e->str1, names, count);
                xmldoc_value_word_pos(d, &line, &col, e->str1);
                if (hint) {
                    xmldoc_emit(d, sev, line, col,
                                "<%s> attribute '%s': '%s' is not an "
                                "allowed value; did you mean '%s'? Allowed: "
                                "%s",
                                el, attr, e->str1, hint, allowed);
                } else {
                    xmldoc_emit(d, sev, line, col,
                                "<%s> attribute '%s': '%s' is not an "
                                "allowed value. Allowed: %s",
                                el, attr, e->str1, allowed);
                }
                return;
            }
            break;
        case XML_SCHEMAV_CVC_PATTERN_VALID: {
            const char *hint = NULL;
            if (list && list->message) {
                char *lf = xmldoc_friendly_message(d, list->message);
                hint = lf ? xmldoc_schema_hint(d, lf) : NULL;
                free(lf);
            }
            if (!hint && attr[0]) {
                char quoted[80];
                snprintf(quoted, sizeof quoted, "attribute '%s'", attr);
                hint = xmldoc_schema_hint(d, quoted);
            }
            if (hint && e->str1 && attr[0]) {
                xmldoc_value_word_pos(d, &line, &col, e->str1);
                xmldoc_emit(d, sev, line, col,
                            "<%s> attribute '%s': '%s' is not valid (%s)", el,
                            attr, e->str1, hint);
                return;
            }
            break;
        }
        default:
            break;
        }
    }
    char *friendly = xmldoc_friendly_message(d, msg);
    /* a value of a type with a hint: say so in our words ("'high' is not
     * valid (ratings are whole numbers from -10 to 10)") */
    if (friendly && !list && xmldoc_datatype_code(e->code) && attr[0] &&
        e->str1) {
        const char *type_hint = xmldoc_schema_hint(d, friendly);
        if (type_hint) {
            xmldoc_value_word_pos(d, &line, &col, e->str1);
            xmldoc_emit(d, sev, line, col,
                        "<%s> attribute '%s': '%s' is not valid (%s)", el,
                        attr, e->str1, type_hint);
            free(friendly);
            return;
        }
    }
    const char *hint = NULL;
    if (list && list->message && friendly &&
        !strchr(friendly, '(')) { /* the list type's hint, once */
        char *lf = xmldoc_friendly_message(d, list->message);
        hint = lf ? xmldoc_schema_hint(d, lf) : NULL;
        free(lf);
    }
    if (hint) {
        xmldoc_emit(d, sev, line, col, "%s (%s)", friendly, hint);
    } else {
        xmldoc_emit(d, sev, line, col, "%s", friendly ? friendly : msg);
    }
    free(friendly);
}

static void xmldoc_report_schema(xmldoc *d, const xmldoc_raw_error *g,
                                 size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const xmldoc_raw_error *e = &g[i];
        const xmldoc_raw_error *next = i + 1 < n ? &g[i + 1] : NULL;
        char a[64];
        char b[64];
        xmldoc_message_attr(e->message, a, sizeof a);
        xmldoc_message_attr(next ? next->message : NULL, b, sizeof b);
        /* a bad word of a list: the facet says which word, the list type
         * says it again about the whole value; one message */
        if (next && xmldoc_facet_code(e->code) &&
            xmldoc_datatype_code(next->code) && strcmp(a, b) == 0) {
            xmldoc_report_schema_one(d, e, next);
            i++;
            continue;
        }
        xmldoc_report_schema_one(d, e, NULL);
    }
}

/* ---------- capture ---------- */

static char *xmldoc_copy(const char *s) { return s ? xmldoc_strdup(s) : NULL; }

static bool xmldoc_schema_domain(int domain)
{
    return domain == XML_FROM_SCHEMASV || domain == XML_FROM_SCHEMASP;
}

static void xmldoc_clear_raw(xmldoc_raw_error *e)
{
    free(e->str1);
    free(e->str2);
    free(e->str3);
    free(e->message);
    memset(e, 0, sizeof *e);
}

void xmldoc_drop_errors(xmldoc *d)
{
    for (size_t i = 0; i < d->pending_count; i++) {
        xmldoc_clear_raw(&d->pending[i]);
    }
    d->pending_count = 0;
}

void xmldoc_flush_errors(xmldoc *d)
{
    if (d->pending_count == 0) {
        return;
    }
    if (diag_count(d->diags) >= DIAG_MAX_ENTRIES) {
        /* the list keeps no more messages: count the mistake, skip the
         * work of explaining it */
        const xmldoc_raw_error *e = &d->pending[0];
        bool echo = !xmldoc_schema_domain(e->domain) && d->markup_broken &&
                    e->code != XML_ERR_NAME_REQUIRED &&
                    !xmldoc_text_error(d, e, SIZE_MAX);
        if (!echo) {
            xmldoc_emit(
                d, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
                e->line, e->col, "%s", "");
        }
    } else if (xmldoc_schema_domain(d->pending[0].domain)) {
        xmldoc_report_schema(d, d->pending, d->pending_count);
    } else {
        xmldoc_report_parse(d, d->pending, d->pending_count);
    }
    xmldoc_drop_errors(d);
}

void xmldoc_capture_error(void *ctx, xmlErrorPtr err)
{
    xmldoc *d = ctx;
    if (!d || !err || err->level == XML_ERR_NONE) {
        return;
    }
    bool schema = xmldoc_schema_domain(err->domain);
    const xmlNode *node = schema ? (const xmlNode *)err->node : NULL;
    if (d->pending_count > 0) {
        const xmldoc_raw_error *p = &d->pending[0];
        bool same =
            schema ? xmldoc_schema_domain(p->domain) && node && p->node == node
                   : !xmldoc_schema_domain(p->domain) &&
                         p->line == err->line && p->col == err->int2;
        if (!same || d->pending_count == XMLDOC_PENDING_MAX) {
            xmldoc_flush_errors(d);
        }
    }
    xmldoc_raw_error *e = &d->pending[d->pending_count++];
    e->domain = err->domain;
    e->code = err->code;
    e->level = err->level;
    e->line = err->line;
    e->col = err->int2;
    e->int1 = err->int1;
    e->node = node;
    e->str1 = xmldoc_copy(err->str1);
    e->str2 = xmldoc_copy(err->str2);
    e->str3 = xmldoc_copy(err->str3);
    e->message = xmldoc_copy(err->message);
}
