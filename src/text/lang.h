/* lang.h — which language the interface speaks (gettext's catalogue for
 * i18n.h's _()), and its direction.
 *
 * CHOICE. lang_use(lang) with a language code ("es", "ar", "es_MX",
 * "en") sets it, as `rapport --lang` and the game's Language setting do;
 * with NULL or "" it follows the environment as every gettext program
 * does: LANGUAGE, else LC_ALL, LC_MESSAGES, LANG (the first set), so a
 * Spanish desktop gets Spanish. It works even when the system has not
 * generated that locale (many containers have only C.UTF-8): messages are
 * then looked up under C.UTF-8 with LANGUAGE naming the language, which
 * glibc honours. Only LC_MESSAGES (and LC_CTYPE, for UTF-8) change:
 * numbers in files (JSON, XML, CSV) keep the C locale's format; numbers
 * people read are formatted by translated format strings.
 *
 * DIRECTION. lang_rtl() asks the catalogue: the translation of the
 * msgid "default:LTR" is "default:RTL" in a right-to-left language.
 *
 * The choice is process state (the environment and the C library's
 * locale): only the app layer (main, the game's settings) calls
 * lang_use. Nothing here allocates.
 */
#ifndef RAPPORT_LANG_H
#define RAPPORT_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* Uses lang (NULL or "": the environment's) with the catalogues in
 * localedir (NULL: the RAPPORT_LOCALE_DIR environment variable, else
 * the build's). Returns false, with a message in err, when lang is not
 * a language code (letters, '_' and '-', at most 32 characters). A
 * language without a catalogue is not an error: the words stay
 * English. */
bool lang_use(const char *lang, const char *localedir, char *err,
              size_t err_size);

/* Writes the code of the language in use ("es_MX"; "en" by default)
 * into buf; returns buf. */
char *lang_current(char *buf, size_t size);

/* True when the interface's catalogue is written right to left. */
bool lang_rtl(void);

/* The language given to lang_use by code (--lang, the game's setting),
 * or NULL when it follows the environment. Kept in the process's
 * environment as RAPPORT_LANG_GIVEN (set and cleared by lang_use). */
const char *lang_given(void);

/* True when a catalogue exists for lang (e.g. for the settings' list). */
bool lang_has_catalogue(const char *lang);

#endif
