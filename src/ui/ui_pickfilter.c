/* ui_pickfilter.c — the picker's language filter (see ui_pickfilter.h). */
#include "ui_pickfilter.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Languages by their speakers' names (not translated: a reader looks for
 * the name of their own language). */
static const struct {
    const char *code;
    const char *name;
} ui_pickfilter_names[] = {
    {"ar", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9"},
    {"de", "Deutsch"},
    {"en", "English"},
    {"es", "Espa\xC3\xB1ol"},
    {"fa", "\xD9\x81\xD8\xA7\xD8\xB1\xD8\xB3\xDB\x8C"},
    {"fr", "Fran\xC3\xA7\x61is"},
    {"he", "\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA"},
    {"hi", "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6"
           "\xE0\xA5\x80"},
    {"it", "Italiano"},
    {"ja", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"},
    {"ko", "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"},
    {"nl", "Nederlands"},
    {"pl", "Polski"},
    {"pt", "Portugu\xC3\xAAs"},
    {"ru", "\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9"},
    {"th", "\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2"},
    {"tr", "T\xC3\xBCrk\xC3\xA7\x65"},
    {"vi", "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t"},
    {"zh", "\xE4\xB8\xAD\xE6\x96\x87"},
};

/* Length of the primary subtag ("es" of "es-MX" or "es_MX"). */
static size_t ui_pickfilter_primary(const char *code)
{
    return strcspn(code, "-_.@");
}

const char *ui_pickfilter_lang_name(const char *code, char *buf, size_t len)
{
    size_t n = ui_pickfilter_primary(code);
    const char *name = NULL;
    for (size_t i = 0;
         i < sizeof ui_pickfilter_names / sizeof ui_pickfilter_names[0]; i++) {
        if (strlen(ui_pickfilter_names[i].code) == n &&
            strncasecmp(ui_pickfilter_names[i].code, code, n) == 0) {
            name = ui_pickfilter_names[i].name;
            break;
        }
    }
    if (!name) {
        snprintf(buf, len, "%s", code);
    } else if (code[n] == '-' || code[n] == '_') {
        /* the region (or script) after it: "Español (MX)" */
        const char *rest = code + n + 1;
        snprintf(buf, len, "%s (%.*s)", name, (int)strcspn(rest, ".@"), rest);
    } else {
        snprintf(buf, len, "%s", name);
    }
    return buf;
}

bool ui_pickfilter_match(const char *filter, const char *lang)
{
    if (!filter[0]) {
        return true;
    }
    size_t n = ui_pickfilter_primary(lang);
    return n == strlen(filter) && strncasecmp(filter, lang, n) == 0;
}

void ui_pickfilter_next(const ui_pick_list *list, const char *current,
                        char *out, size_t len)
{
    /* The smallest primary subtag greater than current (any, when
     * current is ""). */
    char best[UI_PICKFILTER_MAX + 1] = "";
    for (size_t i = 0; i < list->count; i++) {
        const char *lang = list->items[i].lang;
        size_t n = lang ? ui_pickfilter_primary(lang) : 0;
        if (n == 0 || n > UI_PICKFILTER_MAX) {
            continue;
        }
        char code[UI_PICKFILTER_MAX + 1];
        for (size_t k = 0; k < n; k++) {
            char c = lang[k];
            code[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        code[n] = '\0';
        if (strcmp(code, current) > 0 &&
            (!best[0] || strcmp(code, best) < 0)) {
            memcpy(best, code, n + 1);
        }
    }
    snprintf(out, len, "%s", best);
}

int ui_pickfilter_step(const ui_pick_list *list, const char *filter, int from,
                       int delta)
{
    int n = (int)list->count;
    if (n == 0) {
        return -1;
    }
    if (from < 0 || from >= n) {
        from = delta > 0 ? n - 1 : 0;
    }
    for (int k = 1; k <= n; k++) {
        int i = ((from + delta * k) % n + n) % n;
        if (ui_pickfilter_match(
                filter, list->items[i].lang ? list->items[i].lang : "")) {
            return i;
        }
    }
    return -1;
}
