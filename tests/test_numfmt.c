/* Tests of i18n.h's numbers for people and page language: the decimal
 * separator, seconds and percentages in English, Spanish ("12,5 s",
 * "80 %", with a no-break space) and Arabic (Western digits, "12.5 ث"),
 * the language code and direction HTML pages take, and the core's words
 * (words.h) in each language. */
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "lang.h"
#include "words.h"

int main(void)
{
    char err[160] = "";
    char buf[64];
    CHECK(lang_use("en", RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK_STR(i18n_seconds(buf, sizeof buf, 12549), "12.5 s");
    CHECK_STR(i18n_seconds(buf, sizeof buf, 999), "0.9 s");
    CHECK_STR(i18n_decimal(buf, sizeof buf, 62.25, 1), "62.2");
    CHECK_STR(i18n_decimal(buf, sizeof buf, 80.0, 0), "80");
    CHECK_STR(i18n_percent(buf, sizeof buf, 80, 0), "80%");
    CHECK_STR(i18n_lang(), "en");
    CHECK(!i18n_rtl());
    CHECK_STR(words_dim(SCENARIO_DIM_COUNT), "overall");
    CHECK_STR(words_expression(SCENARIO_EXPR_CALM), "calm");

    CHECK(lang_use("es", RAPPORT_LOCALE_DIR, err, sizeof err));
    CHECK_STR(i18n_seconds(buf, sizeof buf, 12549), "12,5 s");
    CHECK_STR(i18n_decimal(buf, sizeof buf, 62.25, 1), "62,2");
    CHECK_STR(i18n_decimal(buf, sizeof buf, 1234.5, 2), "1234,50");
    CHECK_STR(i18n_percent(buf, sizeof buf, 80, 0), "80\xc2\xa0%");
    CHECK_STR(i18n_percent(buf, sizeof buf, 62.5, 1), "62,5\xc2\xa0%");
    CHECK_STR(i18n_lang(), "es");
    CHECK(!i18n_rtl());
    CHECK_STR(words_dim_label(SCENARIO_DIM_EMPATHY), "Empat\xc3\xad"
                                                     "a");
    /* a buffer too small for the separator keeps a terminated number */
    char tiny[4];
    i18n_decimal(tiny, sizeof tiny, 1.5, 1);
    CHECK(strlen(tiny) < sizeof tiny);

    CHECK(lang_use("ar", RAPPORT_LOCALE_DIR, err, sizeof err));
    /* Arabic keeps Western digits and the point; seconds are "ث" */
    CHECK_STR(i18n_seconds(buf, sizeof buf, 12549), "12.5 \xd8\xab");
    CHECK_STR(i18n_percent(buf, sizeof buf, 80, 0), "80%");
    CHECK_STR(i18n_lang(), "ar");
    CHECK(i18n_rtl());
    CHECK(strcmp(words_outcome(SCENARIO_OUTCOME_RESOLVED), "resolved") != 0);
    return check_done("test_numfmt");
}
