/* xmldoc.c — safe reading, validation and positions for Rapport's XML
 * formats (see xmldoc.h). The parser options and the refusals here are
 * the security boundary for files trainers share: keep them as they are
 * (no NOENT, DTDLOAD, XINCLUDE, RECOVER or HUGE). */
#define _POSIX_C_SOURCE 200809L
#include "xmldoc.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "xmldoc_internal.h"

#define XMLDOC_XINCLUDE_NS "http://www.w3.org/2001/XInclude"
#define XMLDOC_XINCLUDE_OLD_NS "http://www.w3.org/2003/XInclude"

/* ---------- positions ---------- */

/* Characters (UTF-8 lead bytes) in buf[from, to). */
static size_t xmldoc_chars(const xmldoc *d, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to && i < d->len; i++) {
        n += ((unsigned char)d->buf[i] & 0xC0) != 0x80;
    }
    return n;
}

void xmldoc_index_lines(xmldoc *d)
{
    if (d->line_starts) {
        return;
    }
    size_t count = 1;
    for (const char *p = d->buf, *end = d->buf + d->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        count++;
    }
    d->line_starts = malloc(count * sizeof(size_t));
    if (!d->line_starts) {
        return;
    }
    d->line_starts[0] = 0;
    size_t n = 1;
    for (const char *p = d->buf, *end = d->buf + d->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        d->line_starts[n++] = (size_t)(p - d->buf) + 1;
    }
    d->line_count = count;
    size_t blocks = d->len / XMLDOC_CHAR_BLOCK + 1;
    d->block_chars = malloc(blocks * sizeof(size_t));
    if (d->block_chars) {
        d->block_chars[0] = 0;
        for (size_t b = 1; b < blocks; b++) {
            d->block_chars[b] = d->block_chars[b - 1] +
                                xmldoc_chars(d, (b - 1) * XMLDOC_CHAR_BLOCK,
                                             b * XMLDOC_CHAR_BLOCK);
        }
    }
}

/* Characters before offset, from the counts per block: at most one
 * block is counted, so a file written on one long line is not counted
 * again from its start for every position asked. */
static size_t xmldoc_chars_before(const xmldoc *d, size_t offset)
{
    if (offset > d->len) {
        offset = d->len;
    }
    size_t block = offset / XMLDOC_CHAR_BLOCK;
    if (!d->block_chars) {
        return xmldoc_chars(d, 0, offset);
    }
    return d->block_chars[block] +
           xmldoc_chars(d, block * XMLDOC_CHAR_BLOCK, offset);
}

/* Column (1-based, counted in characters) of offset within its line. */
int xmldoc_col_at(const xmldoc *d, size_t line_start, size_t offset)
{
    if (offset <= line_start) {
        return 1;
    }
    size_t n =
        xmldoc_chars_before(d, offset) - xmldoc_chars_before(d, line_start);
    return n < INT_MAX ? (int)n + 1 : INT_MAX;
}

/* Offset of the first needle at or after `from`, within 30 lines; or
 * SIZE_MAX. */
static size_t xmldoc_find(const xmldoc *d, size_t from, const char *needle)
{
    size_t nlen = strlen(needle);
    int newlines = 0;
    for (size_t i = from; i + nlen <= d->len && newlines <= 30; i++) {
        char ch = d->buf[i];
        if (ch == '\n') {
            newlines++;
        } else if (ch == needle[0] && memcmp(d->buf + i, needle, nlen) == 0) {
            return i;
        }
    }
    return SIZE_MAX;
}

/* Line and column of a byte offset. */
void xmldoc_offset_pos(xmldoc *d, size_t offset, int *line, int *col)
{
    xmldoc_index_lines(d);
    *line = 0;
    *col = 0;
    if (!d->line_starts) {
        return;
    }
    size_t lo = 0;
    size_t hi = d->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->line_starts[mid] <= offset) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    *line = (int)(lo + 1);
    *col = xmldoc_col_at(d, d->line_starts[lo], offset);
}

/* Finds needle from the start of `line` on; returns its column and updates
 * *line, or the column of the line's first non-blank character when the
 * needle is not found. */
int xmldoc_locate(xmldoc *d, int *line, const char *needle)
{
    xmldoc_index_lines(d);
    if (!d->line_starts || *line < 1 || (size_t)*line > d->line_count) {
        return 0;
    }
    size_t start = d->line_starts[*line - 1];
    size_t at = xmldoc_find(d, start, needle);
    if (at != SIZE_MAX) {
        int col;
        xmldoc_offset_pos(d, at, line, &col);
        return col;
    }
    size_t i = start;
    while (i < d->len && (d->buf[i] == ' ' || d->buf[i] == '\t')) {
        i++;
    }
    return xmldoc_col_at(d, start, i);
}

int xmldoc_node_line(const xmlNode *node)
{
    long line = xmlGetLineNo(node);
    return line > 0 && line < INT_MAX ? (int)line : 0;
}

/* The start tag "<name" at offset at: is the name complete there, and
 * where does the tag end (the '>' outside quoted attribute values; '<'
 * cannot occur inside them)? Returns the offset of that '>' or SIZE_MAX. */
static size_t xmldoc_tag_end(const xmldoc *d, size_t at, size_t nlen)
{
    size_t i = at + nlen;
    if (i < d->len && d->buf[i] != ' ' && d->buf[i] != '\t' &&
        d->buf[i] != '\n' && d->buf[i] != '\r' && d->buf[i] != '>' &&
        d->buf[i] != '/') {
        return SIZE_MAX; /* a longer name */
    }
    char quote = 0;
    for (; i < d->len; i++) {
        char ch = d->buf[i];
        if (quote) {
            quote = ch == quote ? 0 : quote;
        } else if (ch == '"' || ch == '\'') {
            quote = ch;
        } else if (ch == '>') {
            return i;
        } else if (ch == '<') {
            return SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

static size_t xmldoc_tag_needle(const xmlNode *node, char *needle,
                                size_t size);

/* Where the parser saw an element's start tag begin (kept in the node's
 * _private by xmldoc_start_element), when that offset is in the file's
 * own bytes (UTF-8, so not converted) and the tag is there; SIZE_MAX
 * otherwise. Exact and O(1): the line-based search below costs the
 * length of the line, which is the whole file when it is all on one
 * line (10,000 nodes on one line took 22 s). */
static size_t xmldoc_recorded_offset(const xmldoc *d, const xmlNode *node)
{
    const char *enc = xmldoc_encoding(d);
    uintptr_t at1 = (uintptr_t)node->_private;
    if (at1 == 0 ||
        (enc && strcmp(enc, "UTF-8") != 0 && strcmp(enc, "utf-8") != 0)) {
        return SIZE_MAX;
    }
    char needle[128];
    size_t nlen = xmldoc_tag_needle(node, needle, sizeof needle);
    size_t at = (size_t)(at1 - 1);
    if (at >= d->len || nlen > d->len - at ||
        memcmp(d->buf + at, needle, nlen) != 0) {
        return SIZE_MAX;
    }
    return at;
}

/* Offset of an element's start tag, or SIZE_MAX. libxml2 records the line
 * where the start tag ends, so a tag written over several lines begins on
 * an earlier one: first the tags on that line that end there (the k-th
 * for the k-th of same-named siblings recorded on that line), then the
 * nearest one above that ends there (within 30 lines), then any below. */
static size_t xmldoc_element_offset(xmldoc *d, const xmlNode *node)
{
    char needle[128];
    size_t recorded = xmldoc_recorded_offset(d, node);
    if (recorded != SIZE_MAX) {
        return recorded;
    }
    int line = xmldoc_node_line(node);
    xmldoc_index_lines(d);
    if (!d->line_starts || line < 1 || (size_t)line > d->line_count) {
        return SIZE_MAX;
    }
    if (node->ns && node->ns->prefix) {
        snprintf(needle, sizeof needle, "<%s:%s",
                 (const char *)node->ns->prefix, (const char *)node->name);
    } else {
        snprintf(needle, sizeof needle, "<%s", (const char *)node->name);
    }
    size_t skip = 0;
    for (const xmlNode *sib = node->prev; sib; sib = sib->prev) {
        if (sib->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (xmldoc_node_line(sib) != line) {
            break;
        }
        skip += xmlStrEqual(sib->name, node->name);
    }
    size_t nlen = strlen(needle);
    size_t begin = d->line_starts[line - 1];
    size_t end = (size_t)line < d->line_count ? d->line_starts[line] : d->len;
    for (size_t i = begin; i + nlen <= end; i++) {
        if (d->buf[i] == '<' && memcmp(d->buf + i, needle, nlen) == 0) {
            size_t close = xmldoc_tag_end(d, i, nlen);
            if (close != SIZE_MAX && close < end && skip-- == 0) {
                return i;
            }
        }
    }
    size_t floor = d->line_starts[line > 31 ? line - 31 : 0];
    for (size_t i = begin; i-- > floor;) {
        if (d->buf[i] == '<' && i + nlen <= d->len &&
            memcmp(d->buf + i, needle, nlen) == 0) {
            size_t close = xmldoc_tag_end(d, i, nlen);
            if (close != SIZE_MAX && close >= begin && close < end) {
                return i;
            }
            break; /* the nearest such tag above ends elsewhere */
        }
    }
    return xmldoc_find(d, begin, needle);
}

void xmldoc_element_pos(xmldoc *d, const xmlNode *node, int *line, int *col)
{
    size_t at = xmldoc_element_offset(d, node);
    if (at != SIZE_MAX) {
        xmldoc_offset_pos(d, at, line, col);
        return;
    }
    *line = xmldoc_node_line(node);
    *col = 0;
}

void xmldoc_attr_pos(xmldoc *d, const xmlNode *element, const char *attr,
                     int *line, int *col)
{
    char needle[96];
    xmldoc_element_pos(d, element, line, col);
    size_t at = xmldoc_element_offset(d, element);
    if (at == SIZE_MAX) {
        return;
    }
    snprintf(needle, sizeof needle, "%s=", attr);
    size_t nlen = strlen(needle);
    /* search inside this start tag only */
    for (size_t i = at + 1; i < d->len && d->buf[i] != '>'; i++) {
        char prev = d->buf[i - 1];
        if ((prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r') &&
            i + nlen <= d->len && memcmp(d->buf + i, needle, nlen) == 0) {
            xmldoc_offset_pos(d, i, line, col);
            return;
        }
    }
}

/* First occurrence of needle in [from, to), or SIZE_MAX. */
static size_t xmldoc_find_in(const xmldoc *d, size_t from, size_t to,
                             const char *needle)
{
    size_t nlen = strlen(needle);
    for (size_t i = from; i + nlen <= to && i + nlen <= d->len; i++) {
        if (memcmp(d->buf + i, needle, nlen) == 0) {
            return i;
        }
    }
    return SIZE_MAX;
}

void xmldoc_char_pos(xmldoc *d, const xmlNode *element, const char *attr,
                     const char *ch, int *line, int *col)
{
    if (attr) {
        xmldoc_attr_pos(d, element, attr, line, col);
    } else {
        xmldoc_element_pos(d, element, line, col);
    }
    size_t at = xmldoc_element_offset(d, element);
    if (at == SIZE_MAX) {
        return;
    }
    size_t nlen = 1 + strlen((const char *)element->name) +
                  (element->ns && element->ns->prefix
                       ? strlen((const char *)element->ns->prefix) + 1
                       : 0);
    size_t close = xmldoc_tag_end(d, at, nlen);
    if (close == SIZE_MAX) {
        return;
    }
    size_t from = close + 1;
    size_t to = xmldoc_find_in(d, from, d->len, "</");
    if (attr) {
        /* The value: from after its opening quote to the closing one. */
        char needle[96];
        snprintf(needle, sizeof needle, "%s=", attr);
        size_t a = xmldoc_find_in(d, at, close, needle);
        if (a == SIZE_MAX || a + strlen(needle) >= close) {
            return;
        }
        size_t q = a + strlen(needle);
        char quote = d->buf[q];
        from = q + 1;
        to = from;
        while (to < close && d->buf[to] != quote) {
            to++;
        }
    }
    size_t hit = to == SIZE_MAX ? SIZE_MAX : xmldoc_find_in(d, from, to, ch);
    if (hit != SIZE_MAX) {
        xmldoc_offset_pos(d, hit, line, col);
    }
}

/* ---------- spans: where an element's text and attributes are ---------- */

const char *xmldoc_bytes(const xmldoc *d, size_t *len)
{
    *len = d->len;
    return d->buf;
}

const char *xmldoc_encoding(const xmldoc *d)
{
    return d->doc && d->doc->encoding ? (const char *)d->doc->encoding : NULL;
}

/* "<name" or "<prefix:name" of an element's start tag. */
static size_t xmldoc_tag_needle(const xmlNode *node, char *needle, size_t size)
{
    if (node->ns && node->ns->prefix) {
        snprintf(needle, size, "<%s:%s", (const char *)node->ns->prefix,
                 (const char *)node->name);
    } else {
        snprintf(needle, size, "<%s", (const char *)node->name);
    }
    return strlen(needle);
}

bool xmldoc_start_tag_span(xmldoc *d, const xmlNode *node, size_t *begin,
                           size_t *end)
{
    char needle[128];
    size_t nlen = xmldoc_tag_needle(node, needle, sizeof needle);
    size_t at = xmldoc_element_offset(d, node);
    if (at == SIZE_MAX || at + nlen > d->len ||
        memcmp(d->buf + at, needle, nlen) != 0) {
        return false;
    }
    size_t gt = xmldoc_tag_end(d, at, nlen);
    if (gt == SIZE_MAX) {
        return false;
    }
    *begin = at;
    *end = gt + 1;
    return true;
}

bool xmldoc_content_span(xmldoc *d, const xmlNode *node, size_t *begin,
                         size_t *end)
{
    size_t tag_begin;
    size_t tag_end;
    if (!d->keep_spans || !d->spans.buffer ||
        !xmldoc_start_tag_span(d, node, &tag_begin, &tag_end) ||
        d->buf[tag_end - 2] == '/') {
        return false; /* not recorded, not found, or an empty element */
    }
    unsigned long i =
        xmlParserFindNodeInfoIndex(&d->spans, (xmlNodePtr)(uintptr_t)node);
    if (i >= d->spans.length || d->spans.buffer[i].node != node) {
        return false;
    }
    /* libxml2 records the offset just after the end tag "</name S?>",
     * which holds no '<': the last '<' before it starts the end tag. */
    size_t stop = d->spans.buffer[i].end_pos;
    if (stop > d->len || stop <= tag_end) {
        return false;
    }
    size_t lt = stop;
    while (lt > tag_end && d->buf[lt - 1] != '<') {
        lt--;
    }
    char needle[128];
    size_t nlen = xmldoc_tag_needle(node, needle, sizeof needle);
    if (lt <= tag_end || lt + nlen > stop || d->buf[lt] != '/' ||
        memcmp(d->buf + lt + 1, needle + 1, nlen - 1) != 0) {
        return false;
    }
    *begin = tag_end;
    *end = lt - 1;
    return true;
}

static bool xmldoc_is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

bool xmldoc_attr_span(xmldoc *d, const xmlNode *node, const char *attr,
                      size_t *begin, size_t *end)
{
    size_t tag_begin;
    size_t tag_end;
    if (!xmldoc_start_tag_span(d, node, &tag_begin, &tag_end)) {
        return false;
    }
    /* The tag is well-formed (libxml2 parsed it): name, '=', a quoted
     * value, repeated, separated by white space. */
    size_t alen = strlen(attr);
    size_t i = tag_begin + 1;
    while (i < tag_end && !xmldoc_is_space(d->buf[i])) {
        i++; /* the element's name */
    }
    for (;;) {
        while (i < tag_end && xmldoc_is_space(d->buf[i])) {
            i++;
        }
        size_t name = i;
        while (i < tag_end && d->buf[i] != '=' &&
               !xmldoc_is_space(d->buf[i]) && d->buf[i] != '>' &&
               d->buf[i] != '/') {
            i++;
        }
        if (i == name || i >= tag_end) {
            return false; /* the end of the tag */
        }
        size_t name_len = i - name;
        while (i < tag_end && d->buf[i] != '\'' && d->buf[i] != '"') {
            i++; /* blanks and '=' */
        }
        if (i >= tag_end) {
            return false;
        }
        const char *close = memchr(d->buf + i + 1, d->buf[i], tag_end - i - 1);
        if (!close) {
            return false;
        }
        size_t value_end = (size_t)(close - d->buf) + 1;
        if (name_len == alen && memcmp(d->buf + name, attr, alen) == 0) {
            *begin = i;
            *end = value_end;
            return true;
        }
        i = value_end;
    }
}

void xmldoc_error_at(xmldoc *d, const xmlNode *node, const char *attr,
                     diag_severity sev, const char *fmt, ...)
{
    int line = 0;
    int col = 0;
    if (node && attr) {
        xmldoc_attr_pos(d, node, attr, &line, &col);
    } else if (node) {
        xmldoc_element_pos(d, node, &line, &col);
    }
    va_list ap;
    va_start(ap, fmt);
    xmldoc_reportv(d, sev, line, col, fmt, ap);
    va_end(ap);
}

void xmldoc_reportv(xmldoc *d, diag_severity sev, int line, int col,
                    const char *fmt, va_list ap)
{
    diag_addv(d->diags, sev, d->name, line, col, fmt, ap);
    if (sev == DIAG_ERROR) {
        d->errors++;
    }
}

xmlNode *xmldoc_root(const xmldoc *d) { return d ? d->root : NULL; }
const char *xmldoc_name(const xmldoc *d) { return d->name; }
diag_list *xmldoc_diags(const xmldoc *d) { return d->diags; }
int xmldoc_error_count(const xmldoc *d) { return d->errors; }

static void xmldoc_silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static xmlParserInputPtr xmldoc_refuse_entity(const char *url, const char *id,
                                              xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL; /* never read another file or URL */
}

/* ---------- reading the file ---------- */

static char *xmldoc_read_file(const xmldoc_format *f, const char *path,
                              size_t *size, diag_list *diags)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        if (e == ENOENT) {
            diag_add(diags, DIAG_ERROR, path, 0, 0,
                     "cannot open the file: no such file");
        } else {
            diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot open the file: %s",
                     strerror(e));
        }
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the file: %s",
                 strerror(errno));
        close(fd);
        return NULL;
    }
    if (S_ISDIR(sb.st_mode)) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "is a directory, not a %s file", _(f->kind));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "is not a regular file (a device, pipe or socket); give "
                 "the path of a %s file",
                 _(f->kind));
        close(fd);
        return NULL;
    }
    size_t max = f->max_bytes;
    if ((unsigned long long)sb.st_size > max) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "the file is %.1f MiB; %s files are limited to %zu MiB",
                 (double)sb.st_size / (1024.0 * 1024.0), _(f->kind),
                 max / (1024u * 1024u));
        close(fd);
        return NULL;
    }
    size_t cap = (size_t)sb.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory reading it");
        close(fd);
        return NULL;
    }
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            /* the file grew while we read it: stay under the limit */
            if (cap > max) {
                diag_add(diags, DIAG_ERROR, path, 0, 0,
                         "the file grew past %zu MiB while being read",
                         max / (1024u * 1024u));
                free(buf);
                close(fd);
                return NULL;
            }
            size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *grown = realloc(buf, ncap);
            if (!grown) {
                diag_add(diags, DIAG_ERROR, path, 0, 0,
                         "out of memory reading it");
                free(buf);
                close(fd);
                return NULL;
            }
            buf = grown;
            cap = ncap;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the file: %s",
                     strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (n == 0) {
            break;
        }
        len += (size_t)n;
    }
    close(fd);
    *size = len;
    return buf;
}

/* ---------- tree helpers ---------- */

bool xmldoc_is(const xmldoc *d, const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && node->ns &&
           xmlStrEqual(node->name, BAD_CAST name) &&
           xmlStrEqual(node->ns->href, BAD_CAST d->format->ns);
}

xmlNode *xmldoc_first_child(const xmldoc *d, const xmlNode *node,
                            const char *name)
{
    for (xmlNode *c = node ? node->children : NULL; c; c = c->next) {
        if (xmldoc_is(d, c, name)) {
            return c;
        }
    }
    return NULL;
}

void xmldoc_collapse_space(char *s)
{
    char *w = s;
    int pending_space = 0;
    for (char *r = s; *r; r++) {
        char ch = *r;
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            pending_space = w != s;
            continue;
        }
        if (pending_space) {
            *w++ = ' ';
            pending_space = 0;
        }
        *w++ = ch;
    }
    *w = '\0';
}

char *xmldoc_strdup(const char *s)
{
    char *copy = malloc(strlen(s) + 1);
    if (copy) {
        strcpy(copy, s);
    }
    return copy;
}

char *xmldoc_text(const xmlNode *node)
{
    if (!node) {
        return NULL;
    }
    size_t total = 0;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            c->content) {
            total += strlen((const char *)c->content);
        }
    }
    char *text = malloc(total + 1);
    if (!text) {
        return NULL;
    }
    size_t o = 0;
    for (const xmlNode *c = node->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            c->content) {
            size_t n = strlen((const char *)c->content);
            memcpy(text + o, c->content, n);
            o += n;
        }
    }
    text[o] = '\0';
    xmldoc_collapse_space(text);
    if (text[0] == '\0') {
        free(text);
        return NULL;
    }
    return text;
}

char *xmldoc_attr(const xmlNode *node, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(node, BAD_CAST name);
    if (!v) {
        return NULL;
    }
    char *copy = xmldoc_strdup((const char *)v);
    if (copy) {
        xmldoc_collapse_space(copy);
    }
    xmlFree(v);
    return copy;
}

bool xmldoc_parse_int(const char *s, long lo, long hi, int *out)
{
    if (!s || !*s) {
        return false;
    }
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi) {
        return false;
    }
    *out = (int)v;
    return true;
}

int xmldoc_int_attr(const xmlNode *node, const char *name, long lo, long hi,
                    int fallback)
{
    char *s = xmldoc_attr(node, name);
    int v = fallback;
    if (s && !xmldoc_parse_int(s, lo, hi, &v)) {
        v = fallback;
    }
    free(s);
    return v;
}

int xmldoc_ms_attr(const xmlNode *node, const char *name)
{
    char *s = xmldoc_attr(node, name);
    int ms = 0;
    if (s && *s) {
        char *end = NULL;
        errno = 0;
        double v = strtod(s, &end);
        if (!errno && !*end && v > 0 && v <= 3600) {
            ms = (int)(v * 1000.0 + 0.5);
        }
    }
    free(s);
    return ms;
}

char **xmldoc_list_attr(const xmlNode *node, const char *name, size_t *count)
{
    *count = 0;
    char *s = xmldoc_attr(node, name);
    if (!s || !*s) {
        free(s);
        return NULL;
    }
    size_t n = 1;
    for (char *p = s; *p; p++) {
        if (*p == ' ') {
            n++;
        }
    }
    char **items = calloc(n, sizeof(char *));
    if (!items) {
        free(s);
        return NULL;
    }
    size_t k = 0;
    char *start = s;
    for (char *p = s;; p++) {
        if (*p == ' ' || *p == '\0') {
            size_t len = (size_t)(p - start);
            items[k] = malloc(len + 1);
            if (items[k]) {
                memcpy(items[k], start, len);
                items[k][len] = '\0';
                k++;
            }
            if (*p == '\0') {
                break;
            }
            start = p + 1;
        }
    }
    free(s);
    *count = k;
    return items;
}

int xmldoc_enum_attr(const xmlNode *node, const char *name,
                     int (*lookup)(const char *), int fallback)
{
    char *s = xmldoc_attr(node, name);
    int v = s ? lookup(s) : fallback;
    free(s);
    return v < 0 ? fallback : v;
}

int xmldoc_bool_attr(const xmlNode *node, const char *name)
{
    char *s = xmldoc_attr(node, name);
    int v = -1;
    if (s) {
        v = strcmp(s, "true") == 0 || strcmp(s, "1") == 0;
    }
    free(s);
    return v;
}

/* ---------- the safety walk ---------- */

/* Refuses entity references and XInclude elements anywhere in the tree.
 * Iterative, so depth cannot exhaust the stack. */
static void xmldoc_check_tree(xmldoc *d, xmlNode *root)
{
    int reported = 0;
    xmlNode *n = root;
    while (n && reported < 5) {
        if (n->type == XML_ENTITY_REF_NODE) {
            int line = xmldoc_node_line(n->parent ? n->parent : n);
            char needle[80];
            snprintf(needle, sizeof needle, "&%.60s;", (const char *)n->name);
            int col = xmldoc_locate(d, &line, needle);
            diag_add(d->diags, DIAG_ERROR, d->name, line, col,
                     "entity reference '&%s;' is not allowed in %s; "
                     "write the text itself (use UTF-8 characters or "
                     "&#...; character references)",
                     (const char *)n->name, _(d->format->kinds));
            d->errors++;
            reported++;
        } else if (n->type == XML_ELEMENT_NODE && n->ns &&
                   (xmlStrEqual(n->ns->href, BAD_CAST XMLDOC_XINCLUDE_NS) ||
                    xmlStrEqual(n->ns->href,
                                BAD_CAST XMLDOC_XINCLUDE_OLD_NS))) {
            xmldoc_error_at(d, n, NULL, DIAG_ERROR,
                            "XInclude is not supported: a %s is one "
                            "self-contained file",
                            _(d->format->kind));
            reported++;
        }
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) {
            n = n->parent;
        }
        if (!n || n == root) {
            break;
        }
        n = n->next;
    }
}

static bool xmldoc_validate_schema(xmldoc *d)
{
    /* The schema is read as a tree first (our own, trusted text), so that
     * messages can say what an element may hold; libxml2 builds the schema
     * from that tree. Its parse errors are not the document's. */
    xmlSetStructuredErrorFunc(NULL, NULL);
    d->xsd_doc = xmlReadMemory(
        (const char *)d->format->xsd, (int)d->format->xsd_len, "schema.xsd",
        NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlSetStructuredErrorFunc(d, xmldoc_capture_error);
    xmlSchemaParserCtxtPtr pctx =
        d->xsd_doc ? xmlSchemaNewDocParserCtxt(d->xsd_doc) : NULL;
    if (!pctx) {
        diag_add(d->diags, DIAG_ERROR, d->name, 0, 0,
                 "internal error: cannot load the built-in schema");
        d->errors++;
        return false;
    }
    xmlSchemaSetParserStructuredErrors(pctx, xmldoc_capture_error, d);
    xmlSchemaPtr schema = xmlSchemaParse(pctx);
    xmlSchemaFreeParserCtxt(pctx);
    xmldoc_flush_errors(d);
    if (!schema) {
        diag_add(d->diags, DIAG_ERROR, d->name, 0, 0,
                 "internal error: the built-in schema does not parse");
        d->errors++;
        return false;
    }
    xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
    bool ok = false;
    if (vctx) {
        xmlSchemaSetValidStructuredErrors(vctx, xmldoc_capture_error, d);
        ok = xmlSchemaValidateDoc(vctx, d->doc) == 0;
        xmlSchemaFreeValidCtxt(vctx);
    }
    xmldoc_flush_errors(d);
    xmlSchemaFree(schema);
    return ok;
}

/* libxml2's own start-of-element handler, then the offset of the start
 * tag's '<' (+1, so that 0 means unknown) kept in the new node's
 * _private. The parser is just past the tag's attributes, and no '<'
 * can occur inside a tag: the last '<' before is where it starts. */
static void xmldoc_start_element(void *ctx, const xmlChar *localname,
                                 const xmlChar *prefix, const xmlChar *uri,
                                 int nb_namespaces, const xmlChar **namespaces,
                                 int nb_attributes, int nb_defaulted,
                                 const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
                          namespaces, nb_attributes, nb_defaulted, attributes);
    xmlParserInputPtr in = ctxt->input;
    xmlNodePtr node = ctxt->node;
    if (!node || !in || !in->cur || !in->base || in->cur < in->base ||
        !xmlStrEqual(node->name, localname)) {
        return;
    }
    const xmlChar *p = in->cur;
    while (p > in->base && *p != '<') {
        p--;
    }
    if (*p == '<') {
        node->_private =
            (void *)(uintptr_t)(in->consumed + (size_t)(p - in->base) + 1);
    }
}

/* Parses and checks d->buf; false when there is no usable document. */
static bool xmldoc_parse(xmldoc *d)
{
    const xmldoc_format *f = d->format;
    if (d->len == 0) {
        diag_add(d->diags, DIAG_ERROR, d->name, 0, 0,
                 "the file is empty; a %s starts with <%s xmlns=\"%s\" ...>",
                 _(f->kind), f->root, f->ns);
        return false;
    }
    const char *nul = memchr(d->buf, '\0', d->len);
    if (nul) {
        int line;
        int col;
        xmldoc_offset_pos(d, (size_t)(nul - d->buf), &line, &col);
        diag_add(d->diags, DIAG_ERROR, d->name, line, col,
                 "the file contains a NUL byte: it is not a text file (save "
                 "it as UTF-8 text)");
        return false;
    }
    if (d->len > INT_MAX || !xmldoc_prescan(d)) {
        return false;
    }
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(d->buf, (int)d->len);
    if (!ctxt) {
        diag_add(d->diags, DIAG_ERROR, d->name, 0, 0, "out of memory");
        return false;
    }
    /* NONET: no network. No NOENT (entities stay unexpanded), no DTDLOAD,
     * no XINCLUDE, no RECOVER, no HUGE (libxml2's size limits stay on). */
    const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA |
                        XML_PARSE_BIG_LINES | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING;
    xmlCtxtUseOptions(ctxt, options);
    /* where each element ends, for xmldoc_content_span() */
    ctxt->record_info = d->keep_spans;
    /* where each element starts, for positions in messages */
    if (ctxt->sax) {
        ctxt->sax->startElementNs = xmldoc_start_element;
    }
    xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(xmldoc_refuse_entity);
    xmlSetStructuredErrorFunc(d, xmldoc_capture_error);
    xmlSetGenericErrorFunc(NULL, xmldoc_silent);
    xmlParseDocument(ctxt);
    if (ctxt->wellFormed) {
        d->doc = ctxt->myDoc;
    } else {
        xmlFreeDoc(ctxt->myDoc);
    }
    ctxt->myDoc = NULL;
    if (d->doc && d->keep_spans) {
        d->spans = ctxt->node_seq; /* taken over: freed with the xmldoc */
        xmlInitNodeInfoSeq(&ctxt->node_seq);
    }
    xmldoc_flush_errors(d);
    bool ok = false;
    if (!d->doc) {
        if (d->errors == 0) {
            diag_add(d->diags, DIAG_ERROR, d->name, 0, 0,
                     "not a well-formed XML file");
            d->errors++;
        }
        goto done;
    }
    if (d->doc->intSubset || d->doc->extSubset) {
        int line = 1;
        int col = xmldoc_locate(d, &line, "<!DOCTYPE");
        diag_add(d->diags, DIAG_ERROR, d->name, line, col,
                 "<!DOCTYPE> is not allowed in %s (a DTD can read "
                 "other files or expand to huge text); remove the "
                 "declaration",
                 _(f->kinds));
        d->errors++;
        goto done;
    }
    xmlNode *root = xmlDocGetRootElement(d->doc);
    if (!root) {
        diag_add(d->diags, DIAG_ERROR, d->name, 0, 0,
                 "the file has no root element");
        d->errors++;
        goto done;
    }
    xmldoc_check_tree(d, root);
    if (d->errors) {
        goto done;
    }
    if (!xmldoc_is(d, root, f->root)) {
        xmldoc_error_at(d, root, NULL, DIAG_ERROR,
                        "the root element must be <%s xmlns=\"%s\">, "
                        "found <%s>%s",
                        f->root, f->ns, (const char *)root->name,
                        root->ns ? " in another namespace"
                                 : " without a namespace");
        goto done;
    }
    d->root = root;
    xmldoc_validate_schema(d);
    ok = true;
done:
    xmldoc_flush_errors(d);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    xmlSetExternalEntityLoader(old_loader);
    xmlFreeParserCtxt(ctxt);
    return ok;
}

static xmldoc *xmldoc_load(const xmldoc_format *format, const char *data,
                           size_t size, const char *name, bool keep_spans,
                           diag_list *diags)
{
    xmldoc *d = calloc(1, sizeof *d);
    if (d) {
        d->name = xmldoc_strdup(name ? name : "<memory>");
    }
    if (!d || !d->name) {
        diag_add(diags, DIAG_ERROR, name ? name : "<memory>", 0, 0,
                 "out of memory");
        free(d);
        return NULL;
    }
    d->format = format;
    d->diags = diags;
    d->buf = data;
    d->len = size;
    d->keep_spans = keep_spans;
    if (!xmldoc_parse(d)) {
        xmldoc_free(d);
        return NULL;
    }
    return d;
}

xmldoc *xmldoc_load_memory(const xmldoc_format *format, const char *data,
                           size_t size, const char *name, diag_list *diags)
{
    return xmldoc_load(format, data, size, name, false, diags);
}

static xmldoc *xmldoc_load_path(const xmldoc_format *format, const char *path,
                                bool keep_spans, diag_list *diags)
{
    size_t size = 0;
    char *buf = xmldoc_read_file(format, path, &size, diags);
    if (!buf) {
        return NULL;
    }
    xmldoc *d = xmldoc_load(format, buf, size, path, keep_spans, diags);
    if (!d) {
        free(buf);
        return NULL;
    }
    d->owned = buf;
    return d;
}

xmldoc *xmldoc_load_file(const xmldoc_format *format, const char *path,
                         diag_list *diags)
{
    return xmldoc_load_path(format, path, false, diags);
}

xmldoc *xmldoc_load_spans(const xmldoc_format *format, const char *path,
                          diag_list *diags)
{
    return xmldoc_load_path(format, path, true, diags);
}

void xmldoc_free(xmldoc *d)
{
    if (!d) {
        return;
    }
    xmldoc_drop_errors(d);
    xmlFreeDoc(d->doc);
    xmlFreeDoc(d->xsd_doc);
    xmlClearNodeInfoSeq(&d->spans);
    free(d->line_starts);
    free(d->block_chars);
    free(d->owned);
    free(d->name);
    free(d);
}
