/* Tests of lang.h: the interface's language from --lang or the
 * environment, its catalogue found and used (even where the system lacks
 * the locale), a bad code refused, and an unknown language falling back
 * to English. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "lang.h"

int main(void)
{
    char err[160] = "";
    char code[40];
    unsetenv("LANGUAGE");
    CHECK(lang_use("es", RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK_STR(lang_current(code, sizeof code), "es");
    CHECK_STR(_("Menu (Esc)"), "Men\xc3\xba (Esc)");
    CHECK_STR(C_("mood", "Calm"), "Calma");
    CHECK(!lang_rtl());
    CHECK(lang_has_catalogue("es"));
    CHECK(lang_has_catalogue("ar"));
    CHECK(!lang_has_catalogue("xx"));
    /* a regional code finds the language's catalogue */
    CHECK(lang_use("es_MX.UTF-8", RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK_STR(lang_current(code, sizeof code), "es_MX");
    CHECK_STR(_("Menu (Esc)"), "Men\xc3\xba (Esc)");
    CHECK(lang_use("ar", RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK_STR(
        _("Menu (Esc)"),
        "\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd8\xa6\xd9\x85\xd8\xa9 (Esc)");
    /* plural forms follow the language's rules (Arabic has six) */
    CHECK(strstr(P_("About %d minute", "About %d minutes", 2),
                 "\xd8\xaf\xd9\x82\xd9\x8a\xd9\x82\xd8\xaa\xd9\x8a\xd9\x86") !=
          NULL);
    /* no catalogue: the words as written */
    CHECK(lang_use("xx", RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK_STR(_("Menu (Esc)"), "Menu (Esc)");
    /* not a language code: refused with a message, nothing changed */
    CHECK(!lang_use("e s", RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK(strstr(err, "e s") != NULL);
    CHECK_STR(lang_current(code, sizeof code), "xx");
    /* from the environment: LANG when LANGUAGE is not set */
    unsetenv("LANGUAGE");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "es_ES.UTF-8", 1);
    CHECK(lang_use(NULL, RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK_STR(_("Menu (Esc)"), "Men\xc3\xba (Esc)");
    return check_done("test_lang");
}
