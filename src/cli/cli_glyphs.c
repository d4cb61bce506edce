/* cli_glyphs.c — warnings about characters no font can draw, for
 * validate and lint: the scenario's characters (scenario_find_chars) that
 * neither the bundled fonts nor any font fontconfig knows have. Needs
 * fontconfig, not SDL. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "font.h"
#include "i18n.h"
#include "scenario.h"

typedef struct {
    font_set *fonts;
    const char *lang;
} glyphs_ctx;

static bool glyphs_missing(void *ctx, uint32_t cp)
{
    glyphs_ctx *g = ctx;
    return !font_invisible(cp) &&
           font_set_face_for(g->fonts, cp, false, g->lang) == NULL;
}

void cli_check_glyphs(const scenario *sc, diag_list *diags)
{
    char *dir = font_bundled_dir(RAPPORT_ASSET_DIR);
    char regular[4096];
    char bold[4096];
    snprintf(regular, sizeof regular, "%s/%s", dir ? dir : ".",
             FONT_BUNDLED_REGULAR);
    snprintf(bold, sizeof bold, "%s/%s", dir ? dir : ".", FONT_BUNDLED_BOLD);
    free(dir);
    glyphs_ctx g = {font_set_new(regular, bold), sc->lang};
    if (!g.fonts) {
        return;
    }
    size_t n = 0;
    scenario_char *hits = scenario_find_chars(sc, glyphs_missing, &g, &n);
    for (size_t i = 0; i < n; i++) {
        char name[300];
        font_char_name(hits[i].cp, name, sizeof name);
        const char *would = font_suggest(hits[i].cp);
        char times[64] = "";
        if (hits[i].count > 1) {
            /* TRANSLATORS: appended to the next two messages: how many
             * times the character appears (always more than once) */
            snprintf(
                times, sizeof times,
                P_(" (shown %zu time)", " (shown %zu times)", hits[i].count),
                hits[i].count);
        }
        if (would) {
            /* TRANSLATORS: CHARACTER cannot be drawn...; FONTS would draw
             * it (TIMES) */
            diag_add(diags, DIAG_WARNING, sc->path, hits[i].line, hits[i].col,
                     _("%s cannot be drawn: no installed font has it; %s "
                       "would draw it%s"),
                     name, would, times);
        } else {
            /* TRANSLATORS: CHARACTER cannot be drawn... (TIMES) */
            diag_add(diags, DIAG_WARNING, sc->path, hits[i].line, hits[i].col,
                     _("%s cannot be drawn: no installed font has it; no "
                       "font would draw it%s"),
                     name, times);
        }
    }
    free(hits);
    font_set_free(g.fonts);
}
