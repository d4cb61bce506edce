/* xlate_export.c — a scenario's texts as an XLIFF 2.0 file, written with
 * libxml2's text writer (which escapes), optionally carrying over the
 * translations of a previous file (see xlate.h).
 */
#include <ctype.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_xml.h"
#include "xlate_internal.h"

bool xlate_lang_valid(const char *s)
{
    /* xs:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* */
    size_t run = 0;
    bool first = true;
    if (!s || !*s) {
        return false;
    }
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '-') {
            if (run == 0) {
                return false;
            }
            run = 0;
            first = false;
        } else if (ch < 0x80 && (isalpha(ch) || (!first && isdigit(ch)))) {
            if (++run > 8) {
                return false;
            }
        } else {
            return false;
        }
    }
    return run > 0;
}

/* What a previous translation gives one text. */
typedef struct {
    const char *target; /* NULL: none */
    const char *state;  /* the segment's state to write, or NULL */
    char *change_note;  /* malloc'd note on what changed, or NULL */
} xlate_carry;

/* What the previous file gives text t, counted in st and reported. */
static xlate_carry xlate_carry_over(xlate_file *old, xmldoc *doc,
                                    const xlate_text *t, xlate_stats *st)
{
    xlate_carry c = {NULL, NULL, NULL};
    xlate_unit *u = NULL;
    xlate_match m = old ? xlate_file_match(old, t, &u) : XLATE_MATCH_NONE;
    char was[128];
    char what[96];
    if (m == XLATE_MATCH_SAME && u->target) {
        c.target = u->target;
        c.state = u->state;
        st->review += u->review;
    } else if (m == XLATE_MATCH_MOVED) {
        c.target = u->target;
        c.state = u->state;
        st->moved++;
        st->review += u->review;
    } else if (m == XLATE_MATCH_CHANGED && u->target) {
        c.target = u->target;
        c.state = "initial";
        st->changed++;
        st->review++;
        xlate_excerpt(u->source, was, sizeof was);
        xlate_text_what(t, what, sizeof what);
        xlate_text_report(doc, t, DIAG_WARNING,
                          "%s changed since it was translated (it was "
                          "\"%s\"): unit '%s' keeps the old translation, "
                          "marked for review",
                          what, was, t->id);
        size_t n = strlen(u->source) + 160;
        c.change_note = malloc(n);
        if (c.change_note) {
            snprintf(c.change_note, n,
                     "The source text changed since this was translated. It "
                     "was: \"%s\". Review the translation, then mark it "
                     "translated.",
                     u->source);
        }
    }
    if (c.target) {
        st->translated++;
    } else {
        st->untranslated++;
    }
    return c;
}

static bool xlate_note(xmlTextWriterPtr w, const char *category,
                       const char *text)
{
    return xmlTextWriterStartElement(w, BAD_CAST "note") >= 0 &&
           xmlTextWriterWriteAttribute(w, BAD_CAST "category",
                                       BAD_CAST category) >= 0 &&
           xmlTextWriterWriteString(w, BAD_CAST text) >= 0 &&
           xmlTextWriterEndElement(w) >= 0;
}

static bool xlate_write_unit(xmlTextWriterPtr w, const xlate_text *t,
                             const xlate_carry *c)
{
    bool ok =
        xmlTextWriterStartElement(w, BAD_CAST "unit") >= 0 &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST t->id) >= 0 &&
        xmlTextWriterStartElement(w, BAD_CAST "notes") >= 0 &&
        xlate_note(w, "location", t->shows);
    if (ok && t->context) {
        ok = xlate_note(w, "context", t->context);
    }
    if (ok && c->change_note) {
        ok = xlate_note(w, "changed", c->change_note);
    }
    ok = ok && xmlTextWriterEndElement(w) >= 0 &&
         xmlTextWriterStartElement(w, BAD_CAST "segment") >= 0;
    if (ok && c->state) {
        ok = xmlTextWriterWriteAttribute(w, BAD_CAST "state",
                                         BAD_CAST c->state) >= 0;
    }
    ok = ok && xmlTextWriterWriteElement(w, BAD_CAST "source",
                                         BAD_CAST t->source) >= 0;
    if (ok && c->target) {
        ok = xmlTextWriterWriteElement(w, BAD_CAST "target",
                                       BAD_CAST c->target) >= 0;
    }
    return ok && xmlTextWriterEndElement(w) >= 0 &&
           xmlTextWriterEndElement(w) >= 0;
}

/* The file's name without its folders, for the <file original=...>. */
static const char *xlate_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool xlate_write_head(xmlTextWriterPtr w, const scenario *sc,
                             const char *path, const char *lang)
{
    const char *name = xlate_base_name(path);
    size_t n = strlen(sc->id) + strlen(sc->title) + strlen(name) + 1024;
    char *note = malloc(n);
    if (!note) {
        return false;
    }
    snprintf(note, n,
             "Rapport scenario '%s', \"%s\": a customer-service training "
             "call. Translate every unit as plain text (spacing and line "
             "breaks are not kept). The replies the trainee chooses from "
             "(units whose id ends in ':say') are compared with each other: "
             "keep each one's tone and its length against the others, so a "
             "weak reply stays weak, a good one stays good, and no reply "
             "stands out by its length or by stock phrases. Then build the "
             "translated scenario: rapport translate import %s THIS-FILE "
             "-o TRANSLATED.xml",
             sc->id, sc->title, name);
    bool ok =
        xmlTextWriterSetIndent(w, 1) >= 0 &&
        xmlTextWriterSetIndentString(w, BAD_CAST "  ") >= 0 &&
        xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) >= 0 &&
        xmlTextWriterStartElement(w, BAD_CAST "xliff") >= 0 &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                    BAD_CAST XLATE_NAMESPACE) >= 0 &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "2.0") >=
            0 &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "srcLang",
                                    BAD_CAST sc->lang) >= 0 &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "trgLang", BAD_CAST lang) >=
            0 &&
        xmlTextWriterStartElement(w, BAD_CAST "file") >= 0 &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST sc->id) >= 0 &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "original", BAD_CAST name) >=
            0 &&
        xmlTextWriterStartElement(w, BAD_CAST "notes") >= 0 &&
        xlate_note(w, "instructions", note) && xmlTextWriterEndElement(w) >= 0;
    free(note);
    return ok;
}

/* The XLIFF document, malloc'd, or NULL on no memory. */
static char *xlate_write(const scenario *sc, const char *path,
                         const char *lang, const xlate_texts *texts,
                         xlate_file *old, xmldoc *doc, xlate_stats *st)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    bool ok = w && xlate_write_head(w, sc, path, lang);
    for (size_t i = 0; ok && i < texts->count; i++) {
        xlate_carry c = xlate_carry_over(old, doc, &texts->items[i], st);
        ok = xlate_write_unit(w, &texts->items[i], &c);
        free(c.change_note);
    }
    ok = ok && xmlTextWriterEndDocument(w) >= 0;
    xmlFreeTextWriter(w); /* flushes into buf */
    char *out = ok ? xmldoc_strdup((const char *)xmlBufferContent(buf)) : NULL;
    xmlBufferFree(buf);
    return out;
}

/* The previous file must be a translation of this scenario into lang. */
static bool xlate_check_old(xlate_file *old, const scenario *sc,
                            const char *lang)
{
    bool ok = true;
    if (strcmp(old->file_id, sc->id) != 0) {
        xlate_file_report(old, old->file, DIAG_ERROR,
                          "this file translates the scenario '%s', not '%s' "
                          "(%s)",
                          old->file_id, sc->id, sc->path);
        ok = false;
    }
    if (lang && strcmp(old->trg_lang, lang) != 0) {
        xlate_file_report(old, xmldoc_root(old->doc), DIAG_ERROR,
                          "this file translates into '%s', not '%s': leave "
                          "out --lang, or update a file in '%s'",
                          old->trg_lang, lang, lang);
        ok = false;
    }
    return ok;
}

char *xlate_export(const char *scenario_path, const xlate_export_options *opt,
                   xlate_stats *stats, diag_list *diags)
{
    static const xlate_export_options none = {NULL, NULL};
    xlate_stats st;
    memset(&st, 0, sizeof st);
    opt = opt ? opt : &none;
    xmldoc_format format = scenario_xml_format();
    xmldoc *doc = xmldoc_load_file(&format, scenario_path, diags);
    scenario *sc = scenario_load_xmldoc(doc);
    xlate_file *old = NULL;
    xlate_texts texts = {NULL, 0};
    char *out = NULL;
    if (!sc) {
        goto done;
    }
    if (opt->update_path) {
        old = xlate_file_load(opt->update_path, diags);
        if (!old || !xlate_check_old(old, sc, opt->lang)) {
            goto done;
        }
    }
    const char *lang = opt->lang ? opt->lang : old ? old->trg_lang : NULL;
    if (!xlate_lang_valid(lang)) {
        diag_add(diags, DIAG_ERROR, scenario_path, 0, 0,
                 "'%s' is not a language code; give one such as es, pt-BR "
                 "or ar",
                 lang ? lang : "");
        goto done;
    }
    if (!xlate_texts_collect(doc, sc, &texts)) {
        diag_add(diags, DIAG_ERROR, scenario_path, 0, 0, "out of memory");
        goto done;
    }
    st.texts = texts.count;
    if (old) {
        xlate_file_link(old, &texts);
    }
    out = xlate_write(sc, scenario_path, lang, &texts, old, doc, &st);
    if (!out) {
        diag_add(diags, DIAG_ERROR, scenario_path, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; old && i < old->count; i++) {
        if (!old->units[i].used) {
            st.unused++;
            xlate_file_report(old, old->units[i].node, DIAG_WARNING,
                              "unit '%s' matches no text of the scenario "
                              "any more: its translation is dropped",
                              old->units[i].id);
        }
    }
done:
    xlate_texts_clear(&texts);
    xlate_file_free(old);
    scenario_free(sc);
    xmldoc_free(doc);
    if (stats) {
        *stats = st;
    }
    return out;
}
