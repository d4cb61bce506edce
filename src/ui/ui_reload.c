/* ui_reload.c — scenario files read from disk for the game: opened from
 * the picker or for a class, and F5 (read again, for the briefing and,
 * through ui_app.c, the call in progress). Errors are shown as a notice
 * with the file's diagnostics. */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "i18n.h"
#include "ui_internal.h"

scenario *ui_reload_open(ui_app *app, const char *path)
{
    diag_list *diags = diag_list_new();
    scenario *sc = diags ? scenario_load_file(path, diags) : NULL;
    if (!sc) {
        char *text = diags ? ui_app_diag_text(diags) : NULL;
        char title[512];
        size_t errors = diags ? diag_error_count(diags) : 0;
        snprintf(title, sizeof title,
                 P_("%s cannot be played: %zu error",
                    "%s cannot be played: %zu errors", errors),
                 path, errors);
        ui_app_show_diag(app, title, text ? text : _("Out of memory."));
        free(text);
    }
    diag_list_free(diags);
    return sc;
}

scenario *ui_reload_file(ui_app *app, const char *keeps, size_t *warnings)
{
    diag_list *diags = diag_list_new();
    scenario *sc = diags ? scenario_load_file(app->play.path, diags) : NULL;
    if (!sc) {
        char *text = diags ? ui_app_diag_text(diags) : NULL;
        char title[512];
        size_t errors = diags ? diag_error_count(diags) : 0;
        snprintf(title, sizeof title,
                 P_("Reload failed: %zu error. %s",
                    "Reload failed: %zu errors. %s", errors),
                 errors, keeps);
        ui_app_show_diag(app, title, text ? text : _("Out of memory."));
        free(text);
    }
    *warnings = sc ? diag_warning_count(diags) : 0;
    diag_list_free(diags);
    return sc;
}

/* F5 on the briefing: the scenario read again. */
void ui_reload_briefing(ui_app *app)
{
    ui_play *p = &app->play;
    size_t warnings = 0;
    scenario *sc = ui_reload_file(
        app, _("The briefing shows the version loaded before."), &warnings);
    if (!sc) {
        return;
    }
    ui_portrait_cache_clear(&app->portrait);
    scenario_free(p->sc);
    p->sc = sc;
    snprintf(p->note, sizeof p->note, "%s%s",
             _("Reloaded from disk: this is the briefing as it now reads."),
             warnings ? _(" The file has warnings.") : "");
    app->dirty = true;
}
