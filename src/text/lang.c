/* lang.c — the interface's language (see lang.h). */
#include "lang.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"

#ifndef RAPPORT_LOCALE_DIR
#define RAPPORT_LOCALE_DIR "locale"
#endif

/* A language code: letters, digits, '_', '-', '.', '@' (LANG's
 * "es_ES.UTF-8@euro"), not empty, at most 32 bytes. */
static bool lang_valid(const char *code)
{
    size_t n = strlen(code);
    if (n == 0 || n > 32) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
              c == '@')) {
            return false;
        }
    }
    return true;
}

/* "es_MX.UTF-8@mod" -> "es_MX:es" (gettext's LANGUAGE list); "C" and
 * "POSIX" name no language (empty). */
static void lang_list(const char *code, char *out, size_t size)
{
    char base[40];
    size_t n = strcspn(code, ".@");
    if (n >= sizeof base) {
        n = sizeof base - 1;
    }
    memcpy(base, code, n);
    base[n] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (base[i] == '-') {
            base[i] = '_'; /* "es-MX" as BCP 47 writes it */
        }
    }
    if (strcmp(base, "C") == 0 || strcmp(base, "POSIX") == 0 || !*base) {
        out[0] = '\0';
        return;
    }
    size_t lang_len = strcspn(base, "_");
    if (base[lang_len]) {
        snprintf(out, size, "%s:%.*s", base, (int)lang_len, base);
    } else {
        snprintf(out, size, "%s", base);
    }
}

static const char *lang_env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

bool lang_use(const char *lang, const char *localedir, char *err,
              size_t err_size)
{
    if (lang && *lang && !lang_valid(lang)) {
        if (err && err_size) {
            snprintf(err, err_size,
                     _("'%s' is not a language code (e.g. en, es, ar, "
                       "es_MX)"),
                     lang);
        }
        return false;
    }
    if (!setlocale(LC_CTYPE, "")) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
    const char *chosen = lang && *lang ? lang : NULL;
    if (chosen) {
        setenv("RAPPORT_LANG_GIVEN", chosen, 1);
    } else {
        unsetenv("RAPPORT_LANG_GIVEN");
    }
    if (!chosen && !lang_env("LANGUAGE")) {
        chosen = lang_env("LC_ALL");
        if (!chosen) {
            chosen = lang_env("LC_MESSAGES");
        }
        if (!chosen) {
            chosen = lang_env("LANG");
        }
    }
    if (chosen && lang_valid(chosen)) {
        char list[96];
        lang_list(chosen, list, sizeof list);
        if (*list) {
            setenv("LANGUAGE", list, 1);
        } else if (lang && *lang) {
            unsetenv("LANGUAGE"); /* --lang C: the words as written */
        }
    }
    /* gettext ignores LANGUAGE in the "C" locale, and setlocale fails
     * when the system lacks the locale: C.UTF-8 then (setting the
     * category again also drops the translations looked up so far). */
    const char *m = setlocale(LC_MESSAGES, "");
    if (!m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0) {
        setlocale(LC_MESSAGES, "C.UTF-8");
    }
    const char *dir = localedir ? localedir : lang_env("RAPPORT_LOCALE_DIR");
    bindtextdomain(I18N_DOMAIN, dir ? dir : RAPPORT_LOCALE_DIR);
    bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
    return true;
}

char *lang_current(char *buf, size_t size)
{
    const char *l = lang_env("LANGUAGE");
    if (!l || !size) {
        snprintf(buf, size, "en");
        return buf;
    }
    size_t n = strcspn(l, ":");
    snprintf(buf, size, "%.*s", (int)n, l);
    return buf;
}

const char *lang_given(void) { return lang_env("RAPPORT_LANG_GIVEN"); }

bool lang_rtl(void)
{
    /* TRANSLATORS: write "default:RTL" if your language is written right
     * to left (Arabic, Hebrew...), else leave "default:LTR". */
    return strcmp(_("default:LTR"), "default:RTL") == 0;
}

bool lang_has_catalogue(const char *lang)
{
    if (!lang || !lang_valid(lang)) {
        return false;
    }
    const char *dir = bindtextdomain(I18N_DOMAIN, NULL);
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo",
             dir ? dir : RAPPORT_LOCALE_DIR, lang, I18N_DOMAIN);
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}
