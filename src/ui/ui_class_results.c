/* ui_class_results.c — a class session's result and journal, decided
 * here and done by the core: the journal opens when the class starts
 * (class_journal_open), every change the result depends on is appended
 * after the facilitator's action (class_journal_append: one synced line
 * per event), the class result is saved when the debrief opens
 * (class_result_save: JSON, HTML, xAPI with Group actors) and the journal
 * then removed; a class left before its debrief keeps its journal, which
 * `rapport class --resume` goes on from. Nothing is saved without a
 * results folder. Wall-clock times are ui_results_wall_ms's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class_journal.h"
#include "class_result.h"
#include "i18n.h"
#include "ui_class.h"

/* The first error of diags as the class's note. */
static void ui_class_results_note(ui_class *c, const char *what,
                                  diag_list *diags)
{
    const diag_entry *e =
        diags && diag_count(diags) > 0 ? diag_get(diags, 0) : NULL;
    snprintf(c->note, sizeof c->note, "%s: %s", what,
             e && e->message ? e->message : _("out of memory"));
}

void ui_class_results_start(ui_app *app)
{
    ui_class *c = app->cls;
    c->started_wall = ui_results_wall_ms(app);
    if (!app->results_dir || !c->cs) {
        return;
    }
    diag_list *diags = diag_list_new();
    c->journal = diags
                     ? class_journal_open(app->results_dir, c->cs, c->path,
                                          c->started_wall, app->opt.io, diags)
                     : NULL;
    if (!c->journal) {
        ui_class_results_note(c, _("Not journaled"), diags);
    }
    diag_list_free(diags);
}

void ui_class_results_after(ui_app *app)
{
    ui_class *c = app->cls;
    if (!c || !c->cs || c->saved) {
        return;
    }
    if (c->journal &&
        class_journal_event_count(c->journal) < class_event_count(c->cs)) {
        diag_list *diags = diag_list_new();
        if (!diags || class_journal_append(c->journal, c->cs, diags) != 0) {
            ui_class_results_note(c, _("Not journaled"), diags);
        }
        diag_list_free(diags);
    }
    if (class_phase_of(c->cs) != CLASS_PHASE_DEBRIEF || !app->results_dir) {
        return;
    }
    class_result_info info = {c->started_wall, ui_results_wall_ms(app), false};
    if (info.ended_ms < info.started_ms) {
        info.ended_ms = info.started_ms;
    }
    diag_list *diags = diag_list_new();
    result_paths saved;
    memset(&saved, 0, sizeof saved);
    if (!diags || class_result_save(app->results_dir, c->cs, &info,
                                    app->opt.io, &saved, diags) != 0) {
        ui_class_results_note(c, _("The class result is not saved"), diags);
    } else {
        c->saved = true;
        char dir[UI_FOLDER_MAX + 8];
        ui_results_short_path(app, app->results_dir, dir, sizeof dir);
        const char *json = saved.path[RESULT_FILE_JSON];
        const char *slash = json ? strrchr(json, '/') : NULL;
        snprintf(c->saved_line, sizeof c->saved_line, _("Saved in %s as %s"),
                 dir,
                 slash  ? slash + 1
                 : json ? json
                        : "");
        if (c->journal) {
            class_journal_close(c->journal, true, diags);
            c->journal = NULL;
        }
    }
    result_paths_clear(&saved);
    diag_list_free(diags);
}

void ui_class_results_end(ui_class *c)
{
    if (c && c->journal) {
        class_journal_close(c->journal, false, NULL);
        c->journal = NULL;
    }
}
