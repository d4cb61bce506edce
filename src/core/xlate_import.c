/* xlate_import.c — a translated scenario built from a translation file
 * (see xlate.h).
 *
 * The scenario's libxml2 tree says where every text is; libxml2 also
 * records where each element ends (xmldoc_load_spans). The output is the
 * scenario's own bytes with only the translated texts and `lang`
 * replaced, each escaped by libxml2: saving the tree instead would put
 * every start tag on one line and rewrite character references, so an
 * untouched scenario would not come back byte for byte. The result is
 * then loaded as a scenario and its texts compared with what was meant.
 */
#include <libxml/entities.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scenario_xml.h"
#include "xlate_internal.h"

/* One replacement of the scenario's bytes [begin, end). */
typedef struct {
    size_t begin;
    size_t end;
    char *text;
} xlate_edit;

typedef struct {
    xmldoc *doc;   /* the scenario, with spans */
    xmlDocPtr esc; /* an empty UTF-8 document, for libxml2's escaping */
    xlate_file *file;
    bool strict;
    xlate_stats *st;
    xlate_edit *edits;
    size_t edit_count;
    size_t edit_cap;
    bool no_memory;
} xlate_import_run;

static bool xlate_add_edit(xlate_import_run *r, size_t begin, size_t end,
                           char *text)
{
    if (!text) {
        r->no_memory = true;
        return false;
    }
    if (r->edit_count == r->edit_cap) {
        size_t cap = r->edit_cap ? r->edit_cap * 2 : 64;
        xlate_edit *grown = realloc(r->edits, cap * sizeof(xlate_edit));
        if (!grown) {
            free(text);
            r->no_memory = true;
            return false;
        }
        r->edits = grown;
        r->edit_cap = cap;
    }
    r->edits[r->edit_count++] = (xlate_edit){begin, end, text};
    return true;
}

static bool xlate_is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* An attribute value, quoted and escaped by libxml2. */
static char *xlate_quoted(xlate_import_run *r, const char *value)
{
    xmlBufferPtr buf = xmlBufferCreate();
    char *out = NULL;
    if (buf && xmlBufferCCat(buf, "\"") == 0) {
        xmlAttrSerializeTxtContent(buf, r->esc, NULL, BAD_CAST value);
        if (xmlBufferCCat(buf, "\"") == 0) {
            out = xmldoc_strdup((const char *)xmlBufferContent(buf));
        }
    }
    xmlBufferFree(buf);
    return out;
}

/* The new content of a text element: the translation escaped by
 * libxml2, between the white space the original content began and ended
 * with (so an indented text stays indented); comments inside the element
 * are kept, after the text. */
static char *xlate_content(xlate_import_run *r, const xmlNode *el,
                           const char *old, size_t old_len, const char *target)
{
    size_t lead = 0;
    while (lead < old_len && xlate_is_space(old[lead])) {
        lead++;
    }
    size_t trail = 0;
    while (trail < old_len - lead &&
           xlate_is_space(old[old_len - 1 - trail])) {
        trail++;
    }
    xmlChar *escaped = xmlEncodeEntitiesReentrant(r->esc, BAD_CAST target);
    xmlBufferPtr buf = xmlBufferCreate();
    bool ok = escaped && buf &&
              xmlBufferAdd(buf, BAD_CAST old, (int)lead) == 0 &&
              xmlBufferCat(buf, escaped) == 0;
    for (xmlNode *c = el->children; ok && c; c = c->next) {
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) {
            ok = xmlBufferCCat(buf, " ") == 0 &&
                 xmlNodeDump(buf, el->doc, c, 0, 0) >= 0;
        }
    }
    ok = ok &&
         xmlBufferAdd(buf, BAD_CAST old + old_len - trail, (int)trail) == 0;
    char *out = ok ? xmldoc_strdup((const char *)xmlBufferContent(buf)) : NULL;
    xmlFree(escaped);
    xmlBufferFree(buf);
    return out;
}

/* Puts a translation in place of a text. False (with an error) when the
 * text cannot be found in the file. */
static bool xlate_replace(xlate_import_run *r, const xlate_text *t,
                          const char *target)
{
    size_t begin;
    size_t end;
    size_t len;
    const char *bytes = xmldoc_bytes(r->doc, &len);
    bool found =
        t->attr ? xmldoc_attr_span(r->doc, t->element, t->attr, &begin, &end)
                : xmldoc_content_span(r->doc, t->element, &begin, &end);
    if (!found) {
        char what[96];
        xlate_text_what(t, what, sizeof what);
        xlate_text_report(r->doc, t, DIAG_ERROR,
                          "internal error: cannot find the text of %s in "
                          "the file to replace it",
                          what);
        return false;
    }
    char *text = t->attr ? xlate_quoted(r, target)
                         : xlate_content(r, t->element, bytes + begin,
                                         end - begin, target);
    return xlate_add_edit(r, begin, end, text);
}

/* The translation to use for a text, or NULL to keep it; reports why a
 * text stays untranslated. */
static const char *xlate_choose(xlate_import_run *r, const xlate_text *t)
{
    xlate_unit *u = NULL;
    xlate_match m = xlate_file_match(r->file, t, &u);
    diag_severity sev = r->strict ? DIAG_ERROR : DIAG_WARNING;
    char what[96];
    char was[128];
    xlate_text_what(t, what, sizeof what);
    switch (m) {
    case XLATE_MATCH_SAME:
        if (!u->target) {
            r->st->untranslated++;
            xlate_file_report(r->file, u->node, sev,
                              "unit '%s' has no translation: the scenario "
                              "keeps the source text",
                              u->id);
            return NULL;
        }
        if (u->review) {
            r->st->review++;
            xlate_file_report(r->file, u->target_node, sev,
                              "the translation of unit '%s' is marked for "
                              "review (state=\"initial\")%s",
                              u->id,
                              r->strict ? ""
                                        : ": it is used; once checked, "
                                          "mark it translated");
        }
        r->st->translated++;
        return u->target;
    case XLATE_MATCH_MOVED:
        r->st->translated++;
        r->st->moved++;
        xlate_text_report(r->doc, t, DIAG_WARNING,
                          "%s has no unit '%s' with this text (the "
                          "scenario changed since the export): the "
                          "translation of unit '%s', made from the same "
                          "text, is used",
                          what, t->id, u->id);
        return u->target;
    case XLATE_MATCH_CHANGED:
        r->st->changed++;
        xlate_excerpt(u->source, was, sizeof was);
        xlate_text_report(r->doc, t, sev,
                          "%s changed since the translation file was made "
                          "(unit '%s' translates \"%s\"): it stays "
                          "untranslated; export again with --update to "
                          "carry the translations over",
                          what, t->id, was);
        return NULL;
    case XLATE_MATCH_NONE:
        break;
    }
    r->st->untranslated++;
    xlate_text_report(r->doc, t, sev,
                      "%s is not in the translation file (no unit '%s'; "
                      "new since the export?): it stays untranslated",
                      what, t->id);
    return NULL;
}

/* Sets the root's lang: its value replaced, or the attribute added after
 * the last one of the start tag. */
static bool xlate_set_lang(xlate_import_run *r, const char *lang)
{
    xmlNode *root = xmldoc_root(r->doc);
    size_t begin;
    size_t end;
    size_t len;
    const char *bytes = xmldoc_bytes(r->doc, &len);
    char *quoted = xlate_quoted(r, lang);
    if (quoted && xmldoc_attr_span(r->doc, root, "lang", &begin, &end)) {
        if (end - begin == strlen(quoted) &&
            memcmp(bytes + begin, quoted, end - begin) == 0) {
            free(quoted); /* already so */
            return true;
        }
        return xlate_add_edit(r, begin, end, quoted);
    }
    if (quoted && xmldoc_start_tag_span(r->doc, root, &begin, &end)) {
        size_t at = end - 1; /* the '>' */
        while (at > begin && xlate_is_space(bytes[at - 1])) {
            at--;
        }
        size_t n = strlen(quoted) + 8;
        char *attr = malloc(n);
        if (attr) {
            snprintf(attr, n, " lang=%s", quoted);
        }
        free(quoted);
        return xlate_add_edit(r, at, at, attr);
    }
    free(quoted);
    if (!r->no_memory) {
        xmldoc_error_at(r->doc, root, NULL, DIAG_ERROR,
                        "internal error: cannot find the start tag of "
                        "<scenario> to set its lang");
    }
    return false;
}

static int xlate_edit_order(const void *a, const void *b)
{
    const xlate_edit *x = a;
    const xlate_edit *y = b;
    return (x->begin > y->begin) - (x->begin < y->begin);
}

/* The scenario's bytes with the edits made, NUL-terminated; NULL when two
 * edits overlap (never expected) or on no memory. */
static char *xlate_apply(xlate_import_run *r, size_t *out_len)
{
    size_t len;
    const char *bytes = xmldoc_bytes(r->doc, &len);
    if (r->edit_count > 1) {
        qsort(r->edits, r->edit_count, sizeof(xlate_edit), xlate_edit_order);
    }
    size_t total = len;
    for (size_t i = 0; i < r->edit_count; i++) {
        const xlate_edit *e = &r->edits[i];
        if (e->end > len || (i > 0 && e->begin < r->edits[i - 1].end)) {
            return NULL;
        }
        total = total - (e->end - e->begin) + strlen(e->text);
    }
    char *out = malloc(total + 1);
    if (!out) {
        return NULL;
    }
    size_t from = 0;
    size_t o = 0;
    for (size_t i = 0; i < r->edit_count; i++) {
        const xlate_edit *e = &r->edits[i];
        memcpy(out + o, bytes + from, e->begin - from);
        o += e->begin - from;
        size_t n = strlen(e->text);
        memcpy(out + o, e->text, n);
        o += n;
        from = e->end;
    }
    memcpy(out + o, bytes + from, len - from);
    o += len - from;
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* Loads the result as a scenario and checks that every text reads as
 * meant (expect[i] for the i-th text) and that lang is set. */
static bool xlate_verify(const char *out, size_t len, const char *path,
                         const xlate_texts *texts, const char *const *expect,
                         const char *lang, diag_list *diags)
{
    diag_list *scratch = diag_list_new();
    size_t n = strlen(path) + 16;
    char *name = malloc(n);
    if (!scratch || !name) {
        diag_list_free(scratch);
        free(name);
        return false;
    }
    snprintf(name, n, "%s (translated)", path);
    xmldoc_format format = scenario_xml_format();
    xmldoc *doc = xmldoc_load_memory(&format, out, len, name, scratch);
    scenario *sc = scenario_load_xmldoc(doc);
    xlate_texts again = {NULL, 0};
    bool ok = sc && xlate_texts_collect(doc, sc, &again) &&
              again.count == texts->count && strcmp(sc->lang, lang) == 0;
    for (size_t i = 0; ok && i < again.count; i++) {
        ok = strcmp(again.items[i].id, texts->items[i].id) == 0 &&
             strcmp(again.items[i].source, expect[i]) == 0;
    }
    for (size_t i = 0; i < diag_count(scratch); i++) {
        const diag_entry *e = diag_get(scratch, i);
        if (e->severity == DIAG_ERROR) {
            diag_add(diags, DIAG_ERROR, e->path, e->line, e->col, "%s",
                     e->message);
        }
    }
    if (!ok) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "internal error: the translated scenario does not read "
                 "back as it should; nothing was written");
    }
    xlate_texts_clear(&again);
    scenario_free(sc);
    xmldoc_free(doc);
    diag_list_free(scratch);
    free(name);
    return ok;
}

/* The file must translate this scenario; a source language other than
 * the scenario's is worth a warning. */
static bool xlate_check_file(xlate_file *f, const scenario *sc)
{
    if (strcmp(f->file_id, sc->id) != 0) {
        xlate_file_report(f, f->file, DIAG_ERROR,
                          "this file translates the scenario '%s', not '%s' "
                          "(%s)",
                          f->file_id, sc->id, sc->path);
        return false;
    }
    if (strcasecmp(f->src_lang, sc->lang) != 0) {
        xlate_file_report(f, xmldoc_root(f->doc), DIAG_WARNING,
                          "srcLang is '%s' but the scenario's lang is '%s'",
                          f->src_lang, sc->lang);
    }
    return true;
}

/* Spans are byte offsets in the file as written: only UTF-8 (or ASCII)
 * files can take UTF-8 translations in place. */
static bool xlate_check_encoding(xmldoc *doc)
{
    const char *enc = xmldoc_encoding(doc);
    if (!enc || strcasecmp(enc, "UTF-8") == 0 ||
        strcasecmp(enc, "UTF8") == 0 || strcasecmp(enc, "US-ASCII") == 0 ||
        strcasecmp(enc, "ASCII") == 0) {
        return true;
    }
    int line = 1;
    diag_add(xmldoc_diags(doc), DIAG_ERROR, xmldoc_name(doc), line, 1,
             "the scenario is saved as %s: save it as UTF-8 (and say "
             "encoding=\"UTF-8\") before importing a translation",
             enc);
    return false;
}

/* Decides every text, makes the edits, checks the result. */
static char *xlate_build(xlate_import_run *r, const scenario *sc,
                         const xlate_texts *texts, size_t errors_before,
                         diag_list *diags, size_t *len)
{
    const char **expect =
        calloc(texts->count ? texts->count : 1, sizeof(const char *));
    if (!expect) {
        diag_add(diags, DIAG_ERROR, sc->path, 0, 0, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < texts->count; i++) {
        const xlate_text *t = &texts->items[i];
        const char *target = xlate_choose(r, t);
        expect[i] = target ? target : t->source;
        if (target && strcmp(target, t->source) != 0) {
            xlate_replace(r, t, target);
        }
    }
    xlate_set_lang(r, r->file->trg_lang);
    for (size_t i = 0; i < r->file->count; i++) {
        const xlate_unit *u = &r->file->units[i];
        if (!u->used) {
            r->st->unused++;
            xlate_file_report(r->file, u->node, DIAG_WARNING,
                              "unit '%s' matches no text of the scenario "
                              "(removed since the export?): it is ignored",
                              u->id);
        }
    }
    char *out = NULL;
    if (r->no_memory) {
        diag_add(diags, DIAG_ERROR, sc->path, 0, 0, "out of memory");
    } else if (diag_error_count(diags) == errors_before) {
        out = xlate_apply(r, len);
        if (!out) {
            diag_add(diags, DIAG_ERROR, sc->path, 0, 0,
                     "out of memory building the translated scenario");
        } else if (!xlate_verify(out, *len, sc->path, texts, expect,
                                 r->file->trg_lang, diags)) {
            free(out);
            out = NULL;
        }
    }
    free(expect);
    return out;
}

char *xlate_import(const char *scenario_path, const char *xliff_path,
                   const xlate_import_options *opt, size_t *len,
                   xlate_stats *stats, diag_list *diags)
{
    xlate_stats st;
    memset(&st, 0, sizeof st);
    size_t before = diag_error_count(diags);
    xmldoc_format format = scenario_xml_format();
    xlate_import_run r;
    memset(&r, 0, sizeof r);
    r.strict = opt && opt->strict;
    r.st = &st;
    r.doc = xmldoc_load_spans(&format, scenario_path, diags);
    scenario *sc = scenario_load_xmldoc(r.doc);
    xlate_texts texts = {NULL, 0};
    char *out = NULL;
    *len = 0;
    if (!sc || !xlate_check_encoding(r.doc)) {
        goto done;
    }
    r.file = xlate_file_load(xliff_path, diags);
    if (!r.file || !xlate_check_file(r.file, sc)) {
        goto done;
    }
    r.esc = xmlNewDoc(BAD_CAST "1.0");
    if (r.esc) {
        r.esc->encoding = xmlStrdup(BAD_CAST "UTF-8");
    }
    if (!r.esc || !r.esc->encoding ||
        !xlate_texts_collect(r.doc, sc, &texts)) {
        diag_add(diags, DIAG_ERROR, scenario_path, 0, 0, "out of memory");
        goto done;
    }
    st.texts = texts.count;
    xlate_file_link(r.file, &texts);
    out = xlate_build(&r, sc, &texts, before, diags, len);
done:
    for (size_t i = 0; i < r.edit_count; i++) {
        free(r.edits[i].text);
    }
    free(r.edits);
    xmlFreeDoc(r.esc);
    xlate_texts_clear(&texts);
    xlate_file_free(r.file);
    scenario_free(sc);
    xmldoc_free(r.doc);
    if (stats) {
        *stats = st;
    }
    return out;
}
