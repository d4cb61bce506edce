/* i18n.h — the interface's words in the user's language, through GNU
 * gettext (domain "rapport"; catalogues in po/, built into
 * <build>/locale/LANG/LC_MESSAGES/rapport.mo).
 *
 *   _("text")   marks a string for translation and returns the translation
 *               in the language chosen (lang.h), else the string itself;
 *   N_("text")  marks a string kept untranslated in a table, translated
 *               with _() where it is shown;
 *   P_(one, many, n)  the form of a string for the count n;
 *   C_("context", "text")  a short word whose translation depends on
 *               where it is shown ("mood" "Calm"), told apart from the
 *               same word elsewhere.
 *
 * What is translated: every word the game, the CLI and the HTML results
 * show a person. What is not: the words of scenarios (the author's, in the
 * scenario's own lang; `rapport translate` translates those), and what
 * programs read (JSON, xAPI, CSV headers, XML, option names).
 *
 * The core only looks words up; which language applies is decided by the
 * app layer (lang_use in src/text/lang.h, called by main and the game's
 * settings). Looking a word up reads no clock and changes no state, so
 * sessions replay the same in every language.
 */
#ifndef RAPPORT_I18N_H
#define RAPPORT_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define I18N_DOMAIN "rapport"

#define _(text) dgettext(I18N_DOMAIN, text)
#define N_(text) text
#define P_(one, many, n) dngettext(I18N_DOMAIN, one, many, (unsigned long)(n))
#define C_(context, text) i18n_pgettext(context "\004" text, text)

/* gettext's msgctxt: the catalogue's key is context, EOT, text. */
static inline const char *i18n_pgettext(const char *key, const char *text)
{
    const char *t = dgettext(I18N_DOMAIN, key);
    return t == key ? text : t;
}

/* The catalogue's language code ("en" without one): HTML's lang
 * attribute for the pages the core writes. */
const char *i18n_lang(void);

/* True when the catalogue's language (i18n_lang) is written right to
 * left (Arabic, Hebrew, Persian, Urdu...): HTML pages get dir="rtl". */
bool i18n_rtl(void);

/* NUMBERS FOR PEOPLE. Numbers in files programs read (JSON, CSV, XML,
 * xAPI) keep the C locale's form; numbers people read are formatted by
 * the catalogue: its decimal separator ("." English, "," Spanish, "."
 * Arabic, which keeps Western digits as its catalogue does) and its
 * units' spacing ("12.5 s", "12,5 s", "12.5 ث"; "80%", "80 %", "80%").
 * Each writes into buf (always terminated) and returns buf. */

/* v with decimals digits after the separator (0 to 6), rounded. */
char *i18n_decimal(char *buf, size_t size, double v, int decimals);

/* ms as seconds with tenths, cut (not rounded) as the debrief always
 * showed them: 6549 -> "6.5 s". */
char *i18n_seconds(char *buf, size_t size, long long ms);

/* A percentage, v with decimals digits: "80%", "80 %", "62.5%". */
char *i18n_percent(char *buf, size_t size, double v, int decimals);

#endif
