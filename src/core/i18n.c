/* i18n.c — the catalogue's language, direction and number format (see
 * i18n.h). Only looks words up: no clock, no output, no state. */
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *i18n_lang(void)
{
    /* TRANSLATORS: your language's code as HTML's lang attribute takes it
     * ("es", "ar", "pt-BR"). */
    return C_("language code", "en");
}

bool i18n_rtl(void)
{
    /* the catalogue's language code decides (lang_rtl's "default:RTL"
     * entry is the game's own switch for its mirrored layout) */
    static const char *const rtl[] = {"ar", "ckb", "dv", "fa", "he",
                                      "ps", "sd",  "ug", "ur", "yi"};
    const char *lang = i18n_lang();
    size_t n = strcspn(lang, "-_");
    for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++) {
        if (strlen(rtl[i]) == n && strncmp(lang, rtl[i], n) == 0) {
            return true;
        }
    }
    return false;
}

/* Replaces the C locale's '.' in buf with the catalogue's separator. */
static char *i18n_separate(char *buf, size_t size)
{
    /* TRANSLATORS: the decimal separator of numbers people read ("12.5
     * s"): "," in Spanish. */
    const char *sep = C_("number", ".");
    char *dot = strchr(buf, '.');
    if (!dot || strcmp(sep, ".") == 0) {
        return buf;
    }
    size_t seplen = strlen(sep);
    size_t used = strlen(buf);
    if (used - 1 + seplen >= size) {
        return buf; /* no room: the C form is still a number */
    }
    memmove(dot + seplen, dot + 1, used - (size_t)(dot - buf));
    memcpy(dot, sep, seplen);
    return buf;
}

char *i18n_decimal(char *buf, size_t size, double v, int decimals)
{
    if (!buf || !size) {
        return buf;
    }
    if (decimals < 0) {
        decimals = 0;
    } else if (decimals > 6) {
        decimals = 6;
    }
    if (!isfinite(v)) {
        v = 0.0;
    }
    snprintf(buf, size, "%.*f", decimals, v);
    return i18n_separate(buf, size);
}

char *i18n_seconds(char *buf, size_t size, long long ms)
{
    if (!buf || !size) {
        return buf;
    }
    char num[48];
    snprintf(num, sizeof num, "%lld.%lld", ms / 1000, (ms % 1000) / 100);
    i18n_separate(num, sizeof num);
    /* TRANSLATORS: a time in seconds, the number already formatted: "12.5
     * s"; Spanish "%s s", Arabic "%s ث". */
    snprintf(buf, size, C_("number", "%s s"), num);
    return buf;
}

char *i18n_percent(char *buf, size_t size, double v, int decimals)
{
    if (!buf || !size) {
        return buf;
    }
    char num[48];
    i18n_decimal(num, sizeof num, v, decimals);
    /* TRANSLATORS: a percentage, the number already formatted: "80%";
     * Spanish puts a no-break space before the sign ("80 %"). */
    snprintf(buf, size, C_("number", "%s%%"), num);
    return buf;
}
