/* xlate_xliff.c — reading a translation file back (see
 * xlate_internal.h): through xmldoc and the embedded schema of the XLIFF
 * 2.0 subset Rapport uses, then the checks a schema cannot do (unique unit
 * ids, the length of each translation), and finding the unit for each
 * text of the scenario.
 */
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "schema_data.h"
#include "xlate_internal.h"

/* Added to schema messages that name these types or attributes. */
static const xmldoc_hint xlate_hints[] = {
    {"Language", N_("a language code such as es, pt-BR or ar")},
    {"Version", N_("Rapport reads XLIFF version 2.0 (or 2.1)")},
    {"State", N_("initial, translated, reviewed or final")},
    {"YesNo", N_("yes or no")},
    {"Direction", N_("ltr, rtl or auto")},
    {"AppliesTo", N_("source or target")},
    {"Priority", N_("a whole number from 1 to 10")},
};

static xmldoc_format xlate_format(void)
{
    xmldoc_format f = {
        .kind = N_("translation"),
        .kinds = N_("translation files"),
        .ns = XLATE_NAMESPACE,
        .root = "xliff",
        .xsd = rapport_xliff_xsd,
        .xsd_len = rapport_xliff_xsd_len,
        .hints = xlate_hints,
        .hint_count = sizeof xlate_hints / sizeof xlate_hints[0],
        .max_bytes = XLATE_MAX_FILE_BYTES,
    };
    return f;
}

void xlate_file_report(xlate_file *f, const xmlNode *node, diag_severity sev,
                       const char *fmt, ...)
{
    int line = 0;
    int col = 0;
    xmldoc_element_pos(f->doc, node, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    diag_addv(xmldoc_diags(f->doc), sev, xmldoc_name(f->doc), line, col, fmt,
              ap);
    va_end(ap);
}

/* Appends the text of an element (its text and CDATA children only, never
 * through entities) to buf. */
static void xlate_append_text(xmlBufferPtr buf, const xmlNode *el)
{
    for (const xmlNode *c = el ? el->children : NULL; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            c->content) {
            xmlBufferCat(buf, c->content);
        }
    }
}

/* The buffer's text with whitespace collapsed, malloc'd, or NULL. */
static char *xlate_collapsed(xmlBufferPtr buf)
{
    const xmlChar *content = xmlBufferContent(buf);
    char *s = xmldoc_strdup(content ? (const char *)content : "");
    if (s) {
        xmldoc_collapse_space(s);
    }
    return s;
}

static size_t xlate_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++) {
        n += ((unsigned char)*s & 0xC0) != 0x80;
    }
    return n;
}

/* Reads one <unit>: the sources and targets of its segments and
 * ignorables in order (a tool may have split the text into sentences). */
static bool xlate_read_unit(xlate_file *f, xmlNode *node, xlate_unit *u)
{
    xmlBufferPtr src = xmlBufferCreate();
    xmlBufferPtr trg = xmlBufferCreate();
    bool ok = src && trg;
    bool complete = true;
    bool first_segment = true;
    u->node = node;
    u->id = xmldoc_attr(node, "id");
    for (xmlNode *c = node->children; ok && c; c = c->next) {
        bool segment = xmldoc_is(f->doc, c, "segment");
        if (!segment && !xmldoc_is(f->doc, c, "ignorable")) {
            continue;
        }
        xmlNode *source = xmldoc_first_child(f->doc, c, "source");
        xmlNode *target = xmldoc_first_child(f->doc, c, "target");
        xlate_append_text(src, source);
        /* an ignorable without a target stands as it is in both */
        xlate_append_text(trg, target ? target : segment ? NULL : source);
        if (segment) {
            char *state = xmldoc_attr(c, "state");
            complete = complete && target;
            u->review = u->review ||
                        (target && state && strcmp(state, "initial") == 0);
            if (first_segment) {
                u->state = state;
                state = NULL;
                first_segment = false;
            }
            free(state);
        }
        if (target && !u->target_node) {
            u->target_node = target;
        }
    }
    if (ok) {
        u->source = xlate_collapsed(src);
        u->target = complete ? xlate_collapsed(trg) : NULL;
        ok = u->source && u->id && (!complete || u->target);
    }
    if (u->target && !u->target[0]) {
        free(u->target); /* an empty translation is no translation */
        u->target = NULL;
    }
    if (u->target && xlate_chars(u->target) > XLATE_MAX_TEXT_CHARS) {
        xlate_file_report(f, u->target_node, DIAG_ERROR,
                          "the translation of unit '%s' is %zu characters; "
                          "a scenario's texts are limited to %d",
                          u->id, xlate_chars(u->target), XLATE_MAX_TEXT_CHARS);
    }
    xmlBufferFree(src);
    xmlBufferFree(trg);
    return ok;
}

static int xlate_by_id(const void *a, const void *b)
{
    const xlate_unit *x = *(const xlate_unit *const *)a;
    const xlate_unit *y = *(const xlate_unit *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x > y) - (x < y);
}

static int xlate_by_source(const void *a, const void *b)
{
    const xlate_unit *x = *(const xlate_unit *const *)a;
    const xlate_unit *y = *(const xlate_unit *const *)b;
    int c = strcmp(x->source, y->source);
    return c ? c : (x > y) - (x < y);
}

/* Index of the first unit in a sorted array whose key is not below key. */
static size_t xlate_lower_bound(xlate_unit *const *sorted, size_t count,
                                const char *key, bool by_source)
{
    size_t lo = 0;
    size_t hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = by_source ? sorted[mid]->source : sorted[mid]->id;
        if (strcmp(k, key) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static bool xlate_index(xlate_file *f)
{
    size_t n = f->count ? f->count : 1;
    f->by_id = malloc(n * sizeof(xlate_unit *));
    f->by_source = malloc(n * sizeof(xlate_unit *));
    if (!f->by_id || !f->by_source) {
        return false;
    }
    for (size_t i = 0; i < f->count; i++) {
        f->by_id[i] = &f->units[i];
        f->by_source[i] = &f->units[i];
    }
    qsort(f->by_id, f->count, sizeof(xlate_unit *), xlate_by_id);
    qsort(f->by_source, f->count, sizeof(xlate_unit *), xlate_by_source);
    for (size_t i = 1; i < f->count; i++) {
        const xlate_unit *prev = f->by_id[i - 1];
        const xlate_unit *dup = f->by_id[i];
        if (strcmp(prev->id, dup->id) == 0) {
            int line = 0;
            int col = 0;
            xmldoc_element_pos(f->doc, prev->node, &line, &col);
            xlate_file_report(f, dup->node, DIAG_ERROR,
                              "duplicate unit id '%s': line %d already has "
                              "it; unit ids must be unique",
                              dup->id, line);
        }
    }
    return true;
}

xlate_file *xlate_file_load(const char *path, diag_list *diags)
{
    size_t before = diag_error_count(diags);
    xmldoc_format format = xlate_format();
    xmldoc *doc = xmldoc_load_file(&format, path, diags);
    if (!doc || xmldoc_error_count(doc)) {
        xmldoc_free(doc);
        return NULL;
    }
    xlate_file *f = calloc(1, sizeof *f);
    if (!f) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
        xmldoc_free(doc);
        return NULL;
    }
    f->doc = doc;
    xmlNode *root = xmldoc_root(doc);
    f->src_lang = xmldoc_attr(root, "srcLang");
    f->trg_lang = xmldoc_attr(root, "trgLang");
    f->file = xmldoc_first_child(doc, root, "file");
    f->file_id = xmldoc_attr(f->file, "id");
    size_t n = 0;
    for (xmlNode *c = f->file->children; c; c = c->next) {
        n += xmldoc_is(doc, c, "unit");
    }
    f->units = calloc(n ? n : 1, sizeof(xlate_unit));
    bool ok = f->units && f->src_lang && f->trg_lang && f->file_id;
    for (xmlNode *c = f->file->children; ok && c; c = c->next) {
        if (xmldoc_is(doc, c, "unit")) {
            ok = xlate_read_unit(f, c, &f->units[f->count++]);
        }
    }
    ok = ok && xlate_index(f);
    if (!ok) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
    }
    if (diag_error_count(diags) > before) {
        xlate_file_free(f);
        return NULL;
    }
    return f;
}

void xlate_file_free(xlate_file *f)
{
    if (!f) {
        return;
    }
    for (size_t i = 0; i < f->count; i++) {
        free(f->units[i].id);
        free(f->units[i].source);
        free(f->units[i].target);
        free(f->units[i].state);
    }
    free(f->units);
    free(f->by_id);
    free(f->by_source);
    free(f->src_lang);
    free(f->trg_lang);
    free(f->file_id);
    xmldoc_free(f->doc);
    free(f);
}

void xlate_file_link(xlate_file *f, const xlate_texts *texts)
{
    for (size_t t = 0; t < texts->count; t++) {
        const char *source = texts->items[t].source;
        for (size_t i =
                 xlate_lower_bound(f->by_source, f->count, source, true);
             i < f->count && strcmp(f->by_source[i]->source, source) == 0;
             i++) {
            f->by_source[i]->alive = true;
        }
    }
}

xlate_match xlate_file_match(xlate_file *f, const xlate_text *t,
                             xlate_unit **unit)
{
    xlate_unit *same_id = NULL;
    size_t i = xlate_lower_bound(f->by_id, f->count, t->id, false);
    if (i < f->count && strcmp(f->by_id[i]->id, t->id) == 0) {
        same_id = f->by_id[i];
    }
    *unit = same_id;
    if (same_id && strcmp(same_id->source, t->source) == 0) {
        same_id->used = true;
        return XLATE_MATCH_SAME;
    }
    /* the same text under another id, translated: prefer a unit no other
     * text has taken (an option inserted before it renumbers the rest) */
    xlate_unit *moved = NULL;
    for (i = xlate_lower_bound(f->by_source, f->count, t->source, true);
         i < f->count && strcmp(f->by_source[i]->source, t->source) == 0;
         i++) {
        xlate_unit *u = f->by_source[i];
        if (u->target && (!moved || (moved->used && !u->used))) {
            moved = u;
        }
    }
    if (moved) {
        moved->used = true;
        *unit = moved;
        return XLATE_MATCH_MOVED;
    }
    if (same_id && !same_id->alive) {
        same_id->used = true;
        return XLATE_MATCH_CHANGED;
    }
    *unit = NULL; /* its id names another text now: this one is new */
    return XLATE_MATCH_NONE;
}
