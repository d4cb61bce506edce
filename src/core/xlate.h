/* xlate.h — translating a scenario through an XLIFF 2.0 file, the OASIS
 * standard that translation tools (Okapi, OmegaT, Weblate, memoQ, Trados…)
 * read and write.
 *
 * Export writes every text a trainee or trainer sees (title, summary,
 * objectives, the customer's name and persona, every line, option,
 * feedback, critical-mistake reason, ending title and feedback) as one
 * <unit> whose id comes from the text's place ("node:greet:choice:2:say"),
 * with notes saying where it shows and who says it. Import puts the
 * translations back into the scenario's own bytes: every other byte
 * (layout, comments, ids, attributes) stays as it was, `lang` becomes the
 * target language, and the result is checked by loading it as a scenario.
 *
 * A unit's translation is used when its <source> is the scenario's text
 * (collapsed as the loader does). Texts with no translation, texts changed
 * since the export, translations marked for review and units that match
 * nothing are reported as warnings (errors with `strict`), each at the
 * scenario element or the XLIFF unit concerned.
 *
 * The XLIFF file is untrusted: it is read through xmldoc (size limit, no
 * DTD or entities, the embedded schema src/core/xliff-2-rapport.xsd).
 *
 * Ownership: xlate_export() and xlate_import() return malloc'd,
 * NUL-terminated text the caller frees; NULL when there were errors (all
 * of them in diags, which must not be NULL).
 */
#ifndef RAPPORT_XLATE_H
#define RAPPORT_XLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define XLATE_NAMESPACE "urn:oasis:names:tc:xliff:document:2.0"
/* Translation files larger than this are refused before parsing. A file
 * is about 2.5 times its scenario's size, 3.5 times once translated (a
 * 100 KB scenario makes a 250 KB file), so scenarios of several MiB can be
 * translated; parsing takes about ten times the file's size in memory. */
#define XLATE_MAX_FILE_BYTES (32u * 1024u * 1024u)
/* The longest text a scenario holds, in characters (the schema's Text). */
#define XLATE_MAX_TEXT_CHARS 4000

/* What happened to the scenario's texts. */
typedef struct {
    size_t texts;        /* translatable texts in the scenario */
    size_t translated;   /* with a translation (used, or kept by --update) */
    size_t untranslated; /* no translation: the source text stays */
    size_t changed;      /* the scenario's text changed since the export */
    size_t review;       /* translated, marked for review */
    size_t moved;        /* translated from a unit with the same source
                            text under another id */
    size_t unused;       /* units of the file that match no text */
} xlate_stats;

typedef struct {
    /* Target language (an xs:language code such as "es" or "pt-BR");
     * NULL with update_path takes the previous file's trgLang. */
    const char *lang;
    /* A previous translation of the scenario, or NULL: its translations
     * are kept; those whose source changed are kept too, marked for
     * review (state="initial" and a note with the old source). */
    const char *update_path;
} xlate_export_options;

/* The scenario's texts as an XLIFF 2.0 document (UTF-8). NULL when the
 * scenario has errors, the previous file cannot be used, there is no
 * valid language or memory runs out. opt and stats may be NULL (opt NULL
 * has no language: an error). */
char *xlate_export(const char *scenario_path, const xlate_export_options *opt,
                   xlate_stats *stats, diag_list *diags);

typedef struct {
    /* Untranslated and changed texts and translations marked for review
     * are errors rather than warnings. */
    bool strict;
} xlate_import_options;

/* The scenario with the file's translations in place, *len bytes. NULL
 * when either file has errors (or, with strict, a text is left
 * untranslated). opt (not strict) and stats may be NULL. */
char *xlate_import(const char *scenario_path, const char *xliff_path,
                   const xlate_import_options *opt, size_t *len,
                   xlate_stats *stats, diag_list *diags);

/* True when s is a language code as xs:language accepts it: 1-8 letters,
 * then "-" and 1-8 letters or digits, any number of times. */
bool xlate_lang_valid(const char *s);

#endif
