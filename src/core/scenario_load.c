/* scenario_load.c — reading a scenario file safely and checking it.
 *
 * Order of work: refuse what is not a small regular file; parse with
 * libxml2 (network off, no entity substitution, no DTD loading, no XInclude,
 * no recovery, no HUGE); refuse any DOCTYPE or entity reference; validate
 * against the embedded XSD; build the model tolerantly; run the semantic
 * checks the schema cannot do. All problems go to the diag_list.
 */
#define _POSIX_C_SOURCE 200809L
#include "scenario.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema_data.h"

#define LOADER_XINCLUDE_NS "http://www.w3.org/2001/XInclude"
#define LOADER_XINCLUDE_OLD_NS "http://www.w3.org/2003/XInclude"

typedef struct {
    diag_list *diags;
    const char *name;
    const char *buf;
    size_t len;
    size_t *line_starts; /* offsets of line starts, built on demand */
    size_t line_count;
    int errors;
    int entity_loop_reported;
    struct loader_id *ids; /* node ids sorted, for lookups in O(log n) */
    size_t id_count;
} loader_state;

typedef struct loader_id {
    const char *id;
    int index;
} loader_id;

/* ---------- positions ---------- */

static void loader_index_lines(loader_state *st)
{
    if (st->line_starts) {
        return;
    }
    size_t count = 1;
    for (size_t i = 0; i < st->len; i++) {
        if (st->buf[i] == '\n') {
            count++;
        }
    }
    st->line_starts = malloc(count * sizeof(size_t));
    if (!st->line_starts) {
        return;
    }
    st->line_starts[0] = 0;
    size_t n = 1;
    for (size_t i = 0; i < st->len; i++) {
        if (st->buf[i] == '\n') {
            st->line_starts[n++] = i + 1;
        }
    }
    st->line_count = count;
}

/* Column (1-based, counted in characters) of offset within its line. */
static int loader_col_at(const loader_state *st, size_t line_start,
                         size_t offset)
{
    int col = 1;
    for (size_t i = line_start; i < offset && i < st->len; i++) {
        if (((unsigned char)st->buf[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    return col;
}

/* Offset of the first needle at or after `from`, within 30 lines; or
 * SIZE_MAX. */
static size_t loader_find(const loader_state *st, size_t from,
                          const char *needle)
{
    size_t nlen = strlen(needle);
    int newlines = 0;
    for (size_t i = from; i + nlen <= st->len && newlines <= 30; i++) {
        if (st->buf[i] == '\n') {
            newlines++;
        } else if (memcmp(st->buf + i, needle, nlen) == 0) {
            return i;
        }
    }
    return SIZE_MAX;
}

static void loader_offset_pos(loader_state *st, size_t offset, int *line,
                              int *col);

/* Finds needle from the start of `line` on; returns its column and updates
 * *line, or the column of the line's first non-blank character when the
 * needle is not found. */
static int loader_locate(loader_state *st, int *line, const char *needle)
{
    loader_index_lines(st);
    if (!st->line_starts || *line < 1 || (size_t)*line > st->line_count) {
        return 0;
    }
    size_t start = st->line_starts[*line - 1];
    size_t at = loader_find(st, start, needle);
    if (at != SIZE_MAX) {
        int col;
        loader_offset_pos(st, at, line, &col);
        return col;
    }
    size_t i = start;
    while (i < st->len && (st->buf[i] == ' ' || st->buf[i] == '\t')) {
        i++;
    }
    return loader_col_at(st, start, i);
}

static int loader_node_line(const xmlNode *node)
{
    long line = xmlGetLineNo(node);
    return line > 0 && line < INT_MAX ? (int)line : 0;
}

/* Offset of an element's start tag ("<name" on or after its line), or
 * SIZE_MAX. */
static size_t loader_element_offset(loader_state *st, const xmlNode *node)
{
    char needle[128];
    int line = loader_node_line(node);
    loader_index_lines(st);
    if (!st->line_starts || line < 1 || (size_t)line > st->line_count) {
        return SIZE_MAX;
    }
    if (node->ns && node->ns->prefix) {
        snprintf(needle, sizeof needle, "<%s:%s",
                 (const char *)node->ns->prefix, (const char *)node->name);
    } else {
        snprintf(needle, sizeof needle, "<%s", (const char *)node->name);
    }
    return loader_find(st, st->line_starts[line - 1], needle);
}

/* Line and column of an element's start tag. */
static void loader_element_pos(loader_state *st, const xmlNode *node,
                               int *line, int *col)
{
    size_t at = loader_element_offset(st, node);
    if (at != SIZE_MAX) {
        loader_offset_pos(st, at, line, col);
        return;
    }
    *line = loader_node_line(node);
    *col = 0;
}

/* Line and column of an attribute of an element (the element's when the
 * attribute is not found). */
static void loader_attr_pos(loader_state *st, const xmlNode *element,
                            const char *attr, int *line, int *col)
{
    char needle[96];
    loader_element_pos(st, element, line, col);
    size_t at = loader_element_offset(st, element);
    if (at == SIZE_MAX) {
        return;
    }
    snprintf(needle, sizeof needle, "%s=", attr);
    /* search inside this start tag only */
    for (size_t i = at + 1; i < st->len && st->buf[i] != '>'; i++) {
        char prev = st->buf[i - 1];
        size_t nlen = strlen(needle);
        if ((prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r') &&
            i + nlen <= st->len && memcmp(st->buf + i, needle, nlen) == 0) {
            loader_offset_pos(st, i, line, col);
            return;
        }
    }
}

static void loader_error_at(loader_state *st, const xmlNode *node,
                            const char *attr, diag_severity sev,
                            const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void loader_error_at(loader_state *st, const xmlNode *node,
                            const char *attr, diag_severity sev,
                            const char *fmt, ...)
{
    int line = 0;
    int col = 0;
    if (node && attr) {
        loader_attr_pos(st, node, attr, &line, &col);
    } else if (node) {
        loader_element_pos(st, node, &line, &col);
    }
    va_list ap;
    va_start(ap, fmt);
    diag_addv(st->diags, sev, st->name, line, col, fmt, ap);
    va_end(ap);
    if (sev == DIAG_ERROR) {
        st->errors++;
    }
}

/* Line and column of a byte offset. */
static void loader_offset_pos(loader_state *st, size_t offset, int *line,
                              int *col)
{
    loader_index_lines(st);
    *line = 0;
    *col = 0;
    if (!st->line_starts) {
        return;
    }
    size_t lo = 0;
    size_t hi = st->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->line_starts[mid] <= offset) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    *line = (int)(lo + 1);
    *col = loader_col_at(st, st->line_starts[lo], offset);
}

/* ---------- libxml2 error capture ---------- */

static const char *loader_schema_hint(const char *type)
{
    static const struct {
        const char *type;
        const char *hint;
    } hints[] = {
        {"Rating", "ratings are whole numbers from -10 to 10"},
        {"MoodChange", "a mood change is a whole number from -100 to 100, "
                       "e.g. mood=\"+10\""},
        {"Mood", "a mood is furious, irate, annoyed, calm, happy or a "
                 "number 0..100"},
        {"MoodValue", "a mood is a number from 0 to 100"},
        {"Seconds", "a time in seconds, e.g. 12 or 7.5"},
        {"IdList", "ids separated by spaces"},
        {"Id", "ids start with a letter and use letters, digits, '-', '_' "
               "or '.'"},
        {"PrincipleList",
         "principles separated by spaces; see scenarios/README.md"},
        {"Difficulty", "difficulty is 1 (easiest) to 5"},
        {"Percent", "a whole number from 0 to 100"},
        {"Weight", "a weight is a whole number from 0 to 10"},
        {"SkinTone", "skin is 1 to 6"},
        {"Text", "text may not be empty"},
    };
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "'%s'", hints[i].type);
        if (strstr(type, quoted)) {
            return hints[i].hint;
        }
    }
    return NULL;
}

/* Rewrites a libxml2 schema message for a trainer: drops the namespace in
 * braces, says <element> instead of Element '...', trims the final period
 * and adds a hint about the expected value. Returns malloc'd text. */
static char *loader_friendly_message(const char *raw)
{
    size_t cap = strlen(raw) * 2 + 256;
    char *out = malloc(cap);
    if (!out) {
        return NULL;
    }
    static const char ns_braced[] = "{" SCENARIO_NAMESPACE "}";
    const char *p = raw;
    size_t o = 0;
    if (strncmp(p, "Element '", 9) == 0) {
        p += 9;
        if (strncmp(p, ns_braced, sizeof ns_braced - 1) == 0) {
            p += sizeof ns_braced - 1;
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
        if (strncmp(p, ns_braced, sizeof ns_braced - 1) == 0) {
            p += sizeof ns_braced - 1;
            continue;
        }
        out[o++] = *p++;
    }
    while (o > 0 &&
           (out[o - 1] == '\n' || out[o - 1] == ' ' || out[o - 1] == '.')) {
        o--;
    }
    out[o] = '\0';
    const char *hint = loader_schema_hint(out);
    if (hint && (strstr(raw, "type '") || strstr(raw, "[facet"))) {
        snprintf(out + o, cap - o, " (%s)", hint);
    }
    return out;
}

static void loader_parse_error(void *ctx, xmlErrorPtr err)
{
    loader_state *st = ctx;
    if (!err || err->level == XML_ERR_NONE) {
        return;
    }
    diag_severity sev =
        err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    const char *msg = err->message ? err->message : "unknown XML error";
    int line = err->line;
    int col = err->int2;
    if (err->domain == XML_FROM_SCHEMASV || err->domain == XML_FROM_SCHEMASP) {
        xmlNode *node = err->node;
        char *friendly = loader_friendly_message(msg);
        const char *attr = strstr(msg, ", attribute '");
        char attr_name[64] = "";
        if (attr) {
            attr += 13;
            size_t n = strcspn(attr, "'");
            if (n < sizeof attr_name) {
                memcpy(attr_name, attr, n);
                attr_name[n] = '\0';
            }
        }
        if (node && node->type == XML_ATTRIBUTE_NODE && node->parent) {
            loader_attr_pos(st, node->parent, (const char *)node->name, &line,
                            &col);
        } else if (node && node->type == XML_ELEMENT_NODE && attr_name[0]) {
            loader_attr_pos(st, node, attr_name, &line, &col);
        } else if (node && node->type == XML_ELEMENT_NODE) {
            loader_element_pos(st, node, &line, &col);
        } else {
            col = 0;
        }
        diag_add(st->diags, sev, st->name, line, col, "%s",
                 friendly ? friendly : msg);
        free(friendly);
    } else if (err->code == XML_ERR_INVALID_CHAR ||
               err->code == XML_ERR_INVALID_ENCODING) {
        diag_add(st->diags, sev, st->name, line, col,
                 "the file is not valid UTF-8 text here; save it as UTF-8 "
                 "(libxml2: %s)",
                 msg);
    } else if (err->code == XML_ERR_ENTITY_LOOP ||
               err->code == XML_ERR_ENTITY_BOUNDARY) {
        if (st->entity_loop_reported) {
            return; /* libxml2 repeats it once per nesting level */
        }
        st->entity_loop_reported = 1;
        int dl = 1;
        int dc = loader_locate(st, &dl, "<!DOCTYPE");
        diag_add(st->diags, sev, st->name, dl, dc,
                 "entity definitions refer to each other (an expansion "
                 "bomb); <!DOCTYPE> and entities are not allowed in "
                 "scenarios: remove the declaration");
    } else if (err->code == XML_ERR_TAG_NAME_MISMATCH && err->str1 &&
               err->str2) {
        diag_add(st->diags, sev, st->name, line, col,
                 "closing tag </%s> does not match <%s> opened on line %d",
                 err->str2, err->str1, err->int1);
    } else if (err->code == XML_ERR_TAG_NOT_FINISHED && err->str1) {
        diag_add(st->diags, sev, st->name, line, col,
                 "the file ends before <%s> (opened on line %d) is closed",
                 err->str1, err->int1);
    } else if (err->code == XML_ERR_DOCUMENT_EMPTY) {
        diag_add(st->diags, sev, st->name, line, col,
                 "the file has no XML content");
    } else {
        /* Well-formedness messages from libxml2 are already readable. */
        char *copy = loader_friendly_message(msg);
        diag_add(st->diags, sev, st->name, line, col, "%s", copy ? copy : msg);
        free(copy);
    }
    if (sev == DIAG_ERROR) {
        st->errors++;
    }
}

static void loader_silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static xmlParserInputPtr loader_refuse_entity(const char *url, const char *id,
                                              xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL; /* never read another file or URL */
}

/* ---------- reading the file ---------- */

static char *loader_read_file(const char *path, size_t *size, diag_list *diags)
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
                 "is a directory, not a scenario file");
        close(fd);
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "is not a regular file (a device, pipe or socket); give "
                 "the path of a .xml scenario file");
        close(fd);
        return NULL;
    }
    if ((unsigned long long)sb.st_size > SCENARIO_MAX_FILE_BYTES) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "the file is %.1f MiB; scenario files are limited to %u "
                 "MiB",
                 (double)sb.st_size / (1024.0 * 1024.0),
                 SCENARIO_MAX_FILE_BYTES / (1024u * 1024u));
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
            if (cap > SCENARIO_MAX_FILE_BYTES) {
                diag_add(diags, DIAG_ERROR, path, 0, 0,
                         "the file grew past %u MiB while being read",
                         SCENARIO_MAX_FILE_BYTES / (1024u * 1024u));
                free(buf);
                close(fd);
                return NULL;
            }
            size_t ncap = cap * 2 > SCENARIO_MAX_FILE_BYTES + 1
                              ? SCENARIO_MAX_FILE_BYTES + 1
                              : cap * 2;
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

static bool loader_is(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && node->ns &&
           xmlStrEqual(node->ns->href, BAD_CAST SCENARIO_NAMESPACE) &&
           xmlStrEqual(node->name, BAD_CAST name);
}

static xmlNode *loader_first_child(const xmlNode *node, const char *name)
{
    for (xmlNode *c = node->children; c; c = c->next) {
        if (loader_is(c, name)) {
            return c;
        }
    }
    return NULL;
}

/* Collapses XML whitespace runs to one space and trims, in place. */
static void loader_collapse_space(char *s)
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

/* Text of an element from its text and CDATA children only (never through
 * entity references). Returns malloc'd, whitespace-collapsed text, or NULL
 * when the element is missing or the text is empty. */
static char *loader_text(const xmlNode *node)
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
    loader_collapse_space(text);
    if (text[0] == '\0') {
        free(text);
        return NULL;
    }
    return text;
}

/* Attribute value (unqualified attribute), malloc'd and trimmed, or NULL. */
static char *loader_attr(const xmlNode *node, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(node, BAD_CAST name);
    if (!v) {
        return NULL;
    }
    char *copy = malloc(strlen((const char *)v) + 1);
    if (copy) {
        strcpy(copy, (const char *)v);
        loader_collapse_space(copy);
    }
    xmlFree(v);
    return copy;
}

static bool loader_parse_int(const char *s, long lo, long hi, int *out)
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

/* Integer attribute with a default; a bad value keeps the default (the
 * schema reports it). */
static int loader_int_attr(const xmlNode *node, const char *name, long lo,
                           long hi, int fallback)
{
    char *s = loader_attr(node, name);
    int v = fallback;
    if (s && !loader_parse_int(s, lo, hi, &v)) {
        v = fallback;
    }
    free(s);
    return v;
}

/* Seconds attribute as milliseconds, 0 when absent or invalid. */
static int loader_ms_attr(const xmlNode *node, const char *name)
{
    char *s = loader_attr(node, name);
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

static int loader_mood_value(const char *s, int fallback)
{
    static const struct {
        const char *name;
        int value;
    } moods[] = {{"furious", SCENARIO_MOOD_FURIOUS},
                 {"irate", SCENARIO_MOOD_IRATE},
                 {"annoyed", SCENARIO_MOOD_ANNOYED},
                 {"calm", SCENARIO_MOOD_CALM},
                 {"happy", SCENARIO_MOOD_HAPPY}};
    if (!s) {
        return fallback;
    }
    for (size_t i = 0; i < sizeof moods / sizeof moods[0]; i++) {
        if (strcmp(s, moods[i].name) == 0) {
            return moods[i].value;
        }
    }
    int v;
    return loader_parse_int(s, 0, 100, &v) ? v : fallback;
}

/* Splits a space-separated list attribute into a malloc'd array. */
static char **loader_list_attr(const xmlNode *node, const char *name,
                               size_t *count)
{
    *count = 0;
    char *s = loader_attr(node, name);
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

static scenario_condition loader_condition(const xmlNode *node)
{
    scenario_condition c;
    memset(&c, 0, sizeof c);
    c.if_flags = loader_list_attr(node, "if-flags", &c.if_count);
    c.unless_flags = loader_list_attr(node, "unless-flags", &c.unless_count);
    c.min_mood = loader_int_attr(node, "min-mood", 0, 100, 0);
    c.max_mood = loader_int_attr(node, "max-mood", 0, 100, 100);
    return c;
}

static bool loader_condition_any(const scenario_condition *c)
{
    return c->if_count || c->unless_count || c->min_mood > 0 ||
           c->max_mood < 100;
}

static int loader_enum_attr(const xmlNode *node, const char *name,
                            int (*lookup)(const char *), int fallback)
{
    char *s = loader_attr(node, name);
    int v = s ? lookup(s) : fallback;
    free(s);
    return v < 0 ? fallback : v;
}

static int loader_bool_attr(const xmlNode *node, const char *name)
{
    char *s = loader_attr(node, name);
    int v = -1;
    if (s) {
        v = strcmp(s, "true") == 0 || strcmp(s, "1") == 0;
    }
    free(s);
    return v;
}

/* ---------- building the model ---------- */

static void loader_read_lines(const xmlNode *parent, scenario_node *n)
{
    size_t count = 0;
    for (xmlNode *c = parent->children; c; c = c->next) {
        if (loader_is(c, "line")) {
            count++;
        }
    }
    n->lines = count ? calloc(count, sizeof(scenario_line)) : NULL;
    if (!n->lines) {
        return;
    }
    for (xmlNode *c = parent->children; c; c = c->next) {
        if (!loader_is(c, "line")) {
            continue;
        }
        scenario_line *l = &n->lines[n->line_count++];
        l->text = loader_text(c);
        l->expression = (scenario_expression)loader_enum_attr(
            c, "expression", scenario_expression_from_name,
            SCENARIO_EXPR_AUTO);
    }
}

static uint32_t loader_principles(const xmlNode *node, const char *name)
{
    size_t count = 0;
    char **items = loader_list_attr(node, name, &count);
    uint32_t bits = 0;
    for (size_t i = 0; i < count; i++) {
        int p = scenario_principle_from_name(items[i]);
        if (p >= 0) {
            bits |= 1u << p;
        }
        free(items[i]);
    }
    free(items);
    return bits;
}

static void loader_read_choice(loader_state *st, const xmlNode *c,
                               scenario_choice *ch)
{
    (void)st;
    ch->say = loader_text(loader_first_child(c, "say"));
    ch->feedback = loader_text(loader_first_child(c, "feedback"));
    ch->next = loader_attr(c, "next");
    ch->next_index = -1;
    ch->rating[SCENARIO_DIM_EMPATHY] =
        loader_int_attr(c, "empathy", -10, 10, 0);
    ch->rating[SCENARIO_DIM_HONESTY] =
        loader_int_attr(c, "honesty", -10, 10, 0);
    ch->rating[SCENARIO_DIM_PROMPTNESS] =
        loader_int_attr(c, "promptness", -10, 10, 0);
    ch->mood_change = loader_int_attr(c, "mood", -100, 100, 0);
    ch->principles = loader_principles(c, "principles");
    ch->set_flags = loader_list_attr(c, "set", &ch->set_count);
    ch->clear_flags = loader_list_attr(c, "clear", &ch->clear_count);
    ch->cond = loader_condition(c);
    ch->conditional = loader_condition_any(&ch->cond);
    ch->line = loader_node_line(c);
    size_t nb = 0;
    for (xmlNode *b = c->children; b; b = b->next) {
        if (loader_is(b, "branch")) {
            nb++;
        }
    }
    ch->branches = nb ? calloc(nb, sizeof(scenario_branch)) : NULL;
    if (!ch->branches) {
        return;
    }
    for (xmlNode *b = c->children; b; b = b->next) {
        if (!loader_is(b, "branch")) {
            continue;
        }
        scenario_branch *br = &ch->branches[ch->branch_count++];
        br->next = loader_attr(b, "next");
        br->next_index = -1;
        br->cond = loader_condition(b);
        br->line = loader_node_line(b);
    }
}

static void loader_read_node(loader_state *st, const xmlNode *x,
                             scenario_node *n, bool is_ending)
{
    n->id = loader_attr(x, "id");
    n->is_ending = is_ending;
    n->timeout_index = -1;
    n->line = loader_node_line(x);
    loader_read_lines(x, n);
    if (is_ending) {
        n->outcome = (scenario_outcome)loader_enum_attr(
            x, "outcome", scenario_outcome_from_name,
            SCENARIO_OUTCOME_RESOLVED);
        n->title = loader_attr(x, "title");
        n->feedback = loader_text(loader_first_child(x, "feedback"));
        return;
    }
    n->target_ms = loader_ms_attr(x, "target");
    n->timeout = loader_attr(x, "timeout");
    size_t count = 0;
    for (xmlNode *c = x->children; c; c = c->next) {
        if (loader_is(c, "choice")) {
            count++;
        }
    }
    n->choices = count ? calloc(count, sizeof(scenario_choice)) : NULL;
    if (!n->choices) {
        return;
    }
    for (xmlNode *c = x->children; c; c = c->next) {
        if (loader_is(c, "choice")) {
            loader_read_choice(st, c, &n->choices[n->choice_count++]);
        }
    }
}

static void loader_read_customer(const xmlNode *x, scenario_customer *cu)
{
    cu->name = loader_attr(x, "name");
    cu->persona = loader_text(loader_first_child(x, "persona"));
    char *mood = loader_attr(x, "mood");
    cu->mood = loader_mood_value(mood, SCENARIO_MOOD_CALM);
    free(mood);
    cu->patience_ms = loader_ms_attr(x, "patience");
    if (cu->patience_ms <= 0) {
        cu->patience_ms = 60000;
    }
    cu->timeout = loader_attr(x, "timeout");
    cu->timeout_index = -1;
    cu->look.hair = -1;
    cu->look.hair_colour = -1;
    cu->look.glasses = -1;
    cu->look.beard = -1;
    const xmlNode *look = loader_first_child(x, "look");
    if (look) {
        cu->look.skin = loader_int_attr(look, "skin", 1, 6, 0);
        cu->look.hair =
            loader_enum_attr(look, "hair", scenario_hair_from_name, -1);
        cu->look.hair_colour = loader_enum_attr(
            look, "hair-colour", scenario_hair_colour_from_name, -1);
        cu->look.glasses = loader_bool_attr(look, "glasses");
        cu->look.beard = loader_bool_attr(look, "beard");
    }
}

static char *loader_strdup(const char *s)
{
    char *copy = malloc(strlen(s) + 1);
    if (copy) {
        strcpy(copy, s);
    }
    return copy;
}

static scenario *loader_build(loader_state *st, const xmlNode *root)
{
    scenario *sc = calloc(1, sizeof *sc);
    if (!sc) {
        return NULL;
    }
    sc->path = loader_strdup(st->name);
    sc->id = loader_attr(root, "id");
    sc->version = loader_attr(root, "version");
    if (!sc->version) {
        sc->version = loader_strdup("1");
    }
    sc->lang = loader_attr(root, "lang");
    if (!sc->lang) {
        sc->lang = loader_strdup("en");
    }
    sc->channel = (scenario_channel)loader_enum_attr(
        root, "channel", scenario_channel_from_name, SCENARIO_CHANNEL_PHONE);
    sc->difficulty = loader_int_attr(root, "difficulty", 1, 5, 2);
    sc->minutes = loader_ms_attr(root, "minutes") / 1000.0;
    sc->title = loader_text(loader_first_child(root, "title"));
    sc->summary = loader_text(loader_first_child(root, "summary"));
    sc->pass_mark = 70;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        sc->weight[d] = 1;
    }
    sc->start_index = -1;

    const xmlNode *objectives = loader_first_child(root, "objectives");
    if (objectives) {
        size_t count = 0;
        for (xmlNode *c = objectives->children; c; c = c->next) {
            count += loader_is(c, "objective");
        }
        sc->objectives =
            count ? calloc(count, sizeof(scenario_objective)) : NULL;
        for (xmlNode *c = objectives->children; c && sc->objectives;
             c = c->next) {
            if (loader_is(c, "objective")) {
                scenario_objective *o = &sc->objectives[sc->objective_count++];
                o->text = loader_text(c);
                o->principle = loader_enum_attr(
                    c, "principle", scenario_principle_from_name, -1);
            }
        }
    }
    const xmlNode *customer = loader_first_child(root, "customer");
    if (customer) {
        loader_read_customer(customer, &sc->customer);
    } else {
        sc->customer.mood = SCENARIO_MOOD_CALM;
        sc->customer.patience_ms = 60000;
        sc->customer.timeout_index = -1;
    }
    const xmlNode *scoring = loader_first_child(root, "scoring");
    if (scoring) {
        sc->pass_mark = loader_int_attr(scoring, "pass-mark", 0, 100, 70);
        sc->weight[SCENARIO_DIM_EMPATHY] =
            loader_int_attr(scoring, "empathy-weight", 0, 10, 1);
        sc->weight[SCENARIO_DIM_HONESTY] =
            loader_int_attr(scoring, "honesty-weight", 0, 10, 1);
        sc->weight[SCENARIO_DIM_PROMPTNESS] =
            loader_int_attr(scoring, "promptness-weight", 0, 10, 1);
    }
    size_t count = 0;
    for (xmlNode *c = root->children; c; c = c->next) {
        count += loader_is(c, "node") || loader_is(c, "ending");
    }
    sc->nodes = count ? calloc(count, sizeof(scenario_node)) : NULL;
    for (xmlNode *c = root->children; c && sc->nodes; c = c->next) {
        if (loader_is(c, "node") || loader_is(c, "ending")) {
            loader_read_node(st, c, &sc->nodes[sc->node_count++],
                             loader_is(c, "ending"));
        }
    }
    return sc;
}

/* ---------- semantic checks ---------- */

/* Edit distance, for "did you mean" suggestions (short ids only). */
static size_t loader_distance(const char *a, const char *b)
{
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la > 64 || lb > 64) {
        return 99;
    }
    size_t prev[65];
    size_t cur[65];
    for (size_t j = 0; j <= lb; j++) {
        prev[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1;
            size_t ins = cur[j - 1] + 1;
            cur[j] =
                sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, (lb + 1) * sizeof(size_t));
    }
    return prev[lb];
}

static const char *loader_suggest(const scenario *sc, const char *id)
{
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < sc->node_count; i++) {
        const char *cand = sc->nodes[i].id;
        if (!cand) {
            continue;
        }
        size_t d = loader_distance(id, cand);
        if (d < best_d) {
            best_d = d;
            best = cand;
        }
    }
    return best;
}

static int loader_id_order(const void *a, const void *b)
{
    const loader_id *x = a;
    const loader_id *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int loader_id_key(const void *key, const void *elem)
{
    return strcmp(key, ((const loader_id *)elem)->id);
}

/* Sorts the node ids once so that references and duplicates are found in
 * O(log n) each instead of a scan per reference. */
static void loader_index_ids(loader_state *st, const scenario *sc)
{
    st->ids =
        sc->node_count ? malloc(sc->node_count * sizeof(loader_id)) : NULL;
    st->id_count = 0;
    for (size_t i = 0; st->ids && i < sc->node_count; i++) {
        if (sc->nodes[i].id) {
            st->ids[st->id_count].id = sc->nodes[i].id;
            st->ids[st->id_count].index = (int)i;
            st->id_count++;
        }
    }
    if (st->id_count > 1) {
        qsort(st->ids, st->id_count, sizeof(loader_id), loader_id_order);
    }
}

/* Index of the first node (in document order) with this id, or -1. */
static int loader_lookup(const loader_state *st, const scenario *sc,
                         const char *id)
{
    if (!st->ids) {
        return scenario_find(sc, id); /* no memory for the index */
    }
    const loader_id *hit =
        bsearch(id, st->ids, st->id_count, sizeof(loader_id), loader_id_key);
    if (!hit) {
        return -1;
    }
    while (hit > st->ids && strcmp(hit[-1].id, id) == 0) {
        hit--; /* equal ids are ordered by index: take the first */
    }
    return hit->index;
}

/* Resolves an id reference; reports a dangling one. */
static int loader_resolve(loader_state *st, const scenario *sc,
                          const xmlNode *x, const char *attr, const char *id,
                          const char *what)
{
    if (!id) {
        return -1;
    }
    int index = loader_lookup(st, sc, id);
    if (index < 0) {
        const char *hint = diag_count(st->diags) < DIAG_MAX_ENTRIES
                               ? loader_suggest(sc, id)
                               : NULL;
        if (hint) {
            loader_error_at(st, x, attr, DIAG_ERROR,
                            "%s goes to '%s', but no <node> or <ending> has "
                            "that id; did you mean '%s'?",
                            what, id, hint);
        } else {
            loader_error_at(st, x, attr, DIAG_ERROR,
                            "%s goes to '%s', but no <node> or <ending> has "
                            "that id; add it or fix the id",
                            what, id);
        }
    }
    return index;
}

static bool loader_flag_is_set_anywhere(const scenario *sc, const char *flag)
{
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        for (size_t j = 0; j < n->choice_count; j++) {
            const scenario_choice *c = &n->choices[j];
            for (size_t k = 0; k < c->set_count; k++) {
                if (strcmp(c->set_flags[k], flag) == 0) {
                    return true;
                }
            }
        }
    }
    return false;
}

static void loader_check_condition(loader_state *st, const scenario *sc,
                                   const xmlNode *x,
                                   const scenario_condition *cond)
{
    if (cond->min_mood > cond->max_mood) {
        loader_error_at(st, x, "min-mood", DIAG_ERROR,
                        "min-mood %d is above max-mood %d: this can never "
                        "hold",
                        cond->min_mood, cond->max_mood);
    }
    for (size_t i = 0; i < cond->if_count; i++) {
        if (!loader_flag_is_set_anywhere(sc, cond->if_flags[i])) {
            loader_error_at(st, x, "if-flags", DIAG_WARNING,
                            "flag '%s' is tested but no choice sets it "
                            "(set=\"%s\"), so this never holds",
                            cond->if_flags[i], cond->if_flags[i]);
        }
    }
}

static void loader_check(loader_state *st, scenario *sc, const xmlNode *root)
{
    /* Walk the XML and the model side by side: the model was built from
     * these elements in the same order. */
    size_t ni = 0;
    size_t node_total = 0;
    size_t ending_total = 0;
    const xmlNode *first_node = NULL;
    loader_index_ids(st, sc);
    for (const xmlNode *x = root->children; x; x = x->next) {
        if (!loader_is(x, "node") && !loader_is(x, "ending")) {
            continue;
        }
        scenario_node *n = &sc->nodes[ni];
        if (n->is_ending) {
            ending_total++;
        } else {
            node_total++;
            if (!first_node) {
                first_node = x;
                sc->start_index = (int)ni;
            }
        }
        n->col = 0;
        int line;
        loader_element_pos(st, x, &line, &n->col);
        if (n->id) {
            int first = loader_lookup(st, sc, n->id);
            if (first >= 0 && (size_t)first != ni) {
                loader_error_at(st, x, "id", DIAG_ERROR,
                                "duplicate id '%s': line %d already "
                                "defines it; ids must be unique",
                                n->id, sc->nodes[first].line);
            }
        }
        if (!n->is_ending) {
            char what[160];
            size_t ci = 0;
            size_t unconditional = 0;
            n->timeout_index = loader_resolve(st, sc, x, "timeout", n->timeout,
                                              "timeout of node");
            for (const xmlNode *c = x->children; c; c = c->next) {
                if (!loader_is(c, "choice") || ci >= n->choice_count) {
                    continue;
                }
                scenario_choice *ch = &n->choices[ci];
                int cl;
                loader_element_pos(st, c, &cl, &ch->col);
                snprintf(what, sizeof what, "choice %zu of node '%s'", ci + 1,
                         n->id ? n->id : "?");
                ch->next_index =
                    loader_resolve(st, sc, c, "next", ch->next, what);
                loader_check_condition(st, sc, c, &ch->cond);
                if (!ch->conditional) {
                    unconditional++;
                }
                size_t bi = 0;
                for (const xmlNode *b = c->children; b; b = b->next) {
                    if (!loader_is(b, "branch") || bi >= ch->branch_count) {
                        continue;
                    }
                    scenario_branch *br = &ch->branches[bi++];
                    snprintf(what, sizeof what,
                             "a branch of choice %zu of node '%s'", ci + 1,
                             n->id ? n->id : "?");
                    br->next_index =
                        loader_resolve(st, sc, b, "next", br->next, what);
                    loader_check_condition(st, sc, b, &br->cond);
                }
                ci++;
            }
            if (n->choice_count == 0) {
                loader_error_at(st, x, NULL, DIAG_ERROR,
                                "node '%s' has no <choice>: the call would "
                                "get stuck here; add choices or make it an "
                                "<ending>",
                                n->id ? n->id : "?");
            } else if (unconditional == 0) {
                loader_error_at(st, x, NULL, DIAG_ERROR,
                                "every choice of node '%s' has a condition: "
                                "when none holds the call gets stuck; give "
                                "at least one choice no condition",
                                n->id ? n->id : "?");
            }
        }
        ni++;
    }
    if (sc->customer.timeout) {
        const xmlNode *cx = loader_first_child(root, "customer");
        sc->customer.timeout_index =
            loader_resolve(st, sc, cx, "timeout", sc->customer.timeout,
                           "the customer's timeout");
    }
    char *start = loader_attr(root, "start");
    if (start) {
        sc->start_index =
            loader_resolve(st, sc, root, "start", start, "the scenario start");
        if (sc->start_index >= 0 && sc->nodes[sc->start_index].is_ending) {
            loader_error_at(st, root, "start", DIAG_ERROR,
                            "start='%s' names an <ending>; the start must be "
                            "a <node> with choices",
                            start);
        }
        free(start);
    }
    if (node_total == 0) {
        loader_error_at(st, root, NULL, DIAG_ERROR,
                        "the scenario has no <node>: add at least one "
                        "dialogue node with choices");
        return;
    }
    if (ending_total == 0) {
        loader_error_at(st, root, NULL, DIAG_ERROR,
                        "the scenario has no <ending>: add at least one "
                        "<ending id=\"...\" outcome=\"resolved\">");
        return;
    }
    if (sc->start_index < 0) {
        return;
    }

    /* Reachability from the start: choices, branches and timeouts. */
    unsigned char *seen = scenario_linked(sc);
    if (!seen) {
        return;
    }
    bool ending_reached = false;
    ni = 0;
    for (const xmlNode *x = root->children; x; x = x->next) {
        if (!loader_is(x, "node") && !loader_is(x, "ending")) {
            continue;
        }
        const scenario_node *n = &sc->nodes[ni];
        if (seen[ni] && n->is_ending) {
            ending_reached = true;
        }
        if (!seen[ni]) {
            loader_error_at(
                st, x, NULL, DIAG_WARNING,
                "%s '%s' can never be reached from the start "
                "node '%s'; link to it or remove it",
                n->is_ending ? "ending" : "node", n->id ? n->id : "?",
                sc->nodes[sc->start_index].id ? sc->nodes[sc->start_index].id
                                              : "?");
        }
        ni++;
    }
    if (!ending_reached) {
        loader_error_at(st, root, NULL, DIAG_ERROR,
                        "no <ending> can be reached from the start node "
                        "'%s': every call would go on forever",
                        sc->nodes[sc->start_index].id
                            ? sc->nodes[sc->start_index].id
                            : "?");
    }
    free(seen);
}

/* ---------- the safety walk ---------- */

/* Refuses entity references and XInclude elements anywhere in the tree.
 * Iterative, so depth cannot exhaust the stack. */
static void loader_check_tree(loader_state *st, xmlNode *root)
{
    int reported = 0;
    xmlNode *n = root;
    while (n && reported < 5) {
        if (n->type == XML_ENTITY_REF_NODE) {
            int line = loader_node_line(n->parent ? n->parent : n);
            char needle[80];
            snprintf(needle, sizeof needle, "&%.60s;", (const char *)n->name);
            int col = loader_locate(st, &line, needle);
            diag_add(st->diags, DIAG_ERROR, st->name, line, col,
                     "entity reference '&%s;' is not allowed in scenarios; "
                     "write the text itself (use UTF-8 characters or "
                     "&#...; character references)",
                     (const char *)n->name);
            st->errors++;
            reported++;
        } else if (n->type == XML_ELEMENT_NODE && n->ns &&
                   (xmlStrEqual(n->ns->href, BAD_CAST LOADER_XINCLUDE_NS) ||
                    xmlStrEqual(n->ns->href,
                                BAD_CAST LOADER_XINCLUDE_OLD_NS))) {
            loader_error_at(st, n, NULL, DIAG_ERROR,
                            "XInclude is not supported: a scenario is one "
                            "self-contained file");
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

static bool loader_validate_schema(loader_state *st, xmlDoc *doc)
{
    xmlSchemaParserCtxtPtr pctx = xmlSchemaNewMemParserCtxt(
        (const char *)rapport_schema_xsd, (int)rapport_schema_xsd_len);
    if (!pctx) {
        diag_add(st->diags, DIAG_ERROR, st->name, 0, 0,
                 "internal error: cannot load the built-in schema");
        return false;
    }
    xmlSchemaSetParserStructuredErrors(pctx, loader_parse_error, st);
    xmlSchemaPtr schema = xmlSchemaParse(pctx);
    xmlSchemaFreeParserCtxt(pctx);
    if (!schema) {
        diag_add(st->diags, DIAG_ERROR, st->name, 0, 0,
                 "internal error: the built-in schema does not parse");
        return false;
    }
    xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
    bool ok = false;
    if (vctx) {
        xmlSchemaSetValidStructuredErrors(vctx, loader_parse_error, st);
        ok = xmlSchemaValidateDoc(vctx, doc) == 0;
        xmlSchemaFreeValidCtxt(vctx);
    }
    xmlSchemaFree(schema);
    return ok;
}

static scenario *loader_load(loader_state *st)
{
    if (st->len == 0) {
        diag_add(st->diags, DIAG_ERROR, st->name, 0, 0,
                 "the file is empty; a scenario starts with <scenario "
                 "xmlns=\"" SCENARIO_NAMESPACE "\" ...>");
        return NULL;
    }
    const char *nul = memchr(st->buf, '\0', st->len);
    if (nul) {
        int line;
        int col;
        loader_offset_pos(st, (size_t)(nul - st->buf), &line, &col);
        diag_add(st->diags, DIAG_ERROR, st->name, line, col,
                 "the file contains a NUL byte: it is not a text file (save "
                 "it as UTF-8 text)");
        return NULL;
    }
    if (st->len > INT_MAX) {
        return NULL;
    }

    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        diag_add(st->diags, DIAG_ERROR, st->name, 0, 0, "out of memory");
        return NULL;
    }
    /* NONET: no network. No NOENT (entities stay unexpanded), no DTDLOAD,
     * no XINCLUDE, no RECOVER, no HUGE (libxml2's size limits stay on). */
    const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA |
                        XML_PARSE_BIG_LINES | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING;
    xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(loader_refuse_entity);
    xmlSetStructuredErrorFunc(st, loader_parse_error);
    xmlSetGenericErrorFunc(NULL, loader_silent);
    xmlDoc *doc =
        xmlCtxtReadMemory(ctxt, st->buf, (int)st->len, NULL, NULL, options);
    scenario *sc = NULL;
    if (!doc) {
        if (st->errors == 0) {
            diag_add(st->diags, DIAG_ERROR, st->name, 0, 0,
                     "not a well-formed XML file");
        }
        goto done;
    }
    if (doc->intSubset || doc->extSubset) {
        int line = 1;
        int col = loader_locate(st, &line, "<!DOCTYPE");
        diag_add(st->diags, DIAG_ERROR, st->name, line, col,
                 "<!DOCTYPE> is not allowed in scenarios (a DTD can read "
                 "other files or expand to huge text); remove the "
                 "declaration");
        st->errors++;
        goto done;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) {
        diag_add(st->diags, DIAG_ERROR, st->name, 0, 0,
                 "the file has no root element");
        goto done;
    }
    loader_check_tree(st, root);
    if (st->errors) {
        goto done;
    }
    if (!loader_is(root, "scenario")) {
        loader_error_at(st, root, NULL, DIAG_ERROR,
                        "the root element must be <scenario xmlns=\"%s\">, "
                        "found <%s>%s",
                        SCENARIO_NAMESPACE, (const char *)root->name,
                        root->ns ? " in another namespace"
                                 : " without the Rapport namespace");
        goto done;
    }
    loader_validate_schema(st, doc);
    sc = loader_build(st, root);
    if (!sc) {
        diag_add(st->diags, DIAG_ERROR, st->name, 0, 0, "out of memory");
        goto done;
    }
    loader_check(st, sc, root);
done:
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    xmlSetExternalEntityLoader(old_loader);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    if (sc && st->errors) {
        scenario_free(sc);
        sc = NULL;
    }
    return sc;
}

scenario *scenario_load_memory(const char *data, size_t size, const char *name,
                               diag_list *diags)
{
    diag_list *own = NULL;
    if (!diags) {
        own = diag_list_new();
        diags = own;
    }
    loader_state st;
    memset(&st, 0, sizeof st);
    st.diags = diags;
    st.name = name ? name : "<memory>";
    st.buf = data;
    st.len = size;
    size_t before = diag_error_count(diags);
    scenario *sc = loader_load(&st);
    if (sc && diag_error_count(diags) > before) {
        scenario_free(sc);
        sc = NULL;
    }
    free(st.line_starts);
    free(st.ids);
    diag_list_free(own);
    return sc;
}

scenario *scenario_load_file(const char *path, diag_list *diags)
{
    diag_list *own = NULL;
    if (!diags) {
        own = diag_list_new();
        diags = own;
    }
    size_t size = 0;
    char *buf = loader_read_file(path, &size, diags);
    scenario *sc = NULL;
    if (buf) {
        sc = scenario_load_memory(buf, size, path, diags);
        free(buf);
    }
    diag_list_free(own);
    return sc;
}
