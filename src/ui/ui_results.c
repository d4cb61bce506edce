/* ui_results.c — what the game keeps of a call, through the core's
 * journal.h and result.h: the call's journal while it goes on (opened when
 * it starts, a line after every reply or timeout), its result once it
 * ends (the JSON record, the HTML report and the xAPI statements, as
 * `rapport run --results` saves them), the save notice when the results
 * folder does not work (Retry, Save elsewhere, Don't save), and on start
 * the calls a stopped program left unsaved (Resume, Save as incomplete,
 * Discard, Later).
 *
 * When a journal goes: once the result is saved; when the trainee leaves
 * a call on purpose (restart, replay, another scenario, quit from the menu
 * or the debrief) or declines to save it. It stays when the app ends any
 * other way (the window closed, a signal, a crash): the next start offers
 * it. Wall-clock times are the app's (ui_results_wall_ms); a resumed call
 * ends, as `rapport recover --resume` has it, at its start plus its
 * response times. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "trainee.h"
#include "ui_internal.h"

int64_t ui_results_wall_ms(const ui_app *app)
{
    uint64_t now = ui_app_now(app);
    uint64_t since = now > app->wall_origin ? now - app->wall_origin : 0;
    return app->opt.wall_start_ms + (int64_t)since;
}

void ui_results_short_path(const ui_app *app, const char *path, char *buf,
                           size_t len)
{
    (void)app;
    const char *home = getenv("HOME");
    size_t n = home ? strlen(home) : 0;
    while (n > 1 && home[n - 1] == '/') {
        n--;
    }
    if (n > 1 && strncmp(path, home, n) == 0 &&
        (path[n] == '/' || path[n] == '\0')) {
        snprintf(buf, len, "~%s", path + n);
    } else {
        snprintf(buf, len, "%s", path);
    }
}

/* The first error's message (without its location), or fallback. */
static void ui_results_message(diag_list *diags, const char *fallback,
                               char *out, size_t len)
{
    const diag_entry *e = NULL;
    for (size_t i = 0; diags && i < diag_count(diags); i++) {
        const diag_entry *d = diag_get(diags, i);
        if (d->severity == DIAG_ERROR) {
            e = d;
            break;
        }
    }
    snprintf(out, len, "%s", e ? e->message : fallback);
}

static void ui_results_warn(diag_list *diags)
{
    const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
    fprintf(stderr, _("rapport play: warning: %s%s%s\n"),
            e && e->path ? e->path : "", e && e->path ? ": " : "",
            e ? e->message : _("out of memory"));
}

static void ui_results_info(const ui_app *app, result_info *info)
{
    const ui_play *p = &app->play;
    memset(info, 0, sizeof *info);
    /* the picker says when a typed name breaks the rule (trainee.h) */
    info->trainee =
        trainee_check(p->trainee) == TRAINEE_OK ? p->trainee : "anonymous";
    info->started_ms = p->started_wall;
    info->ended_ms =
        p->ended_wall < p->started_wall ? p->started_wall : p->ended_wall;
    info->feedback_mode = p->feedback == UI_FEEDBACK_WITHHELD
                              ? RESULT_FEEDBACK_WITHHELD
                              : RESULT_FEEDBACK_IMMEDIATE;
}

/* Opens the save notice (or updates its message when it is open). */
static void ui_results_notice(ui_app *app, ui_notice_kind kind,
                              const char *msg)
{
    app->notice = kind;
    snprintf(app->notice_msg, sizeof app->notice_msg, "%s", msg);
    fprintf(stderr, _("rapport play: %s\n"), msg);
    if (app->overlay != UI_OVERLAY_RESULTS) {
        snprintf(app->folder, sizeof app->folder, "%s",
                 app->results_dir ? app->results_dir : "");
        ui_app_set_overlay(app, UI_OVERLAY_RESULTS);
    }
    app->dirty = true;
}

static void ui_results_close_notice(ui_app *app)
{
    if (app->overlay == UI_OVERLAY_RESULTS) {
        ui_app_finish_name(app);
        ui_app_set_overlay(app, UI_OVERLAY_NONE);
    }
}

/* What the debrief says about the result. */
static void ui_results_line(ui_app *app, const char *saved_json)
{
    ui_play *p = &app->play;
    char dir[UI_FOLDER_MAX + 8];
    switch (p->save) {
    case UI_SAVE_DONE: {
        ui_results_short_path(app, app->results_dir, dir, sizeof dir);
        const char *slash = strrchr(saved_json, '/');
        const char *name = slash ? slash + 1 : saved_json;
        size_t n = strlen(name);
        if (n > 5 && strcmp(name + n - 5, ".json") == 0) {
            n -= 5;
        }
        snprintf(p->save_line, sizeof p->save_line,
                 _("Saved in %s as %.*s (.json, .html, .xapi.json)"), dir,
                 (int)n, name);
        break;
    }
    case UI_SAVE_DECLINED:
        snprintf(p->save_line, sizeof p->save_line,
                 _("Not saved: you chose not to save this call."));
        break;
    case UI_SAVE_FAILED:
        snprintf(p->save_line, sizeof p->save_line, _("Not saved yet: %s"),
                 app->notice_msg);
        break;
    case UI_SAVE_OFF:
        snprintf(p->save_line, sizeof p->save_line, "%s",
                 app->opt.scripted
                     ? _("Not saved: scripted runs save only with --results "
                         "DIR.")
                     : _("Not saved: there is no results folder (HOME is not "
                         "set); start with --results DIR."));
        break;
    case UI_SAVE_PENDING:
        p->save_line[0] = '\0';
        break;
    }
}

/* Closes the call's journal (removing it when remove) and, when remove,
 * the journal it was resumed from if that is still there. */
static void ui_results_drop(ui_app *app, bool remove)
{
    ui_play *p = &app->play;
    diag_list *diags = diag_list_new();
    if (p->journal && journal_close(p->journal, remove, diags) != 0) {
        ui_results_warn(diags);
    }
    p->journal = NULL;
    if (remove && p->resumed_jd && access(p->resumed_jd->path, F_OK) == 0 &&
        journal_remove(p->resumed_jd->path, diags) != 0) {
        ui_results_warn(diags);
    }
    journal_data_free(p->resumed_jd);
    p->resumed_jd = NULL;
    diag_list_free(diags);
}

void ui_results_reopen(ui_app *app)
{
    ui_play *p = &app->play;
    if (!app->results_dir || !p->s || p->save != UI_SAVE_PENDING) {
        return;
    }
    char *abs = p->path ? realpath(p->path, NULL) : NULL;
    result_info info;
    ui_results_info(app, &info);
    diag_list *diags = diag_list_new();
    journal *j =
        diags ? journal_open(app->results_dir, p->s, abs ? abs : p->path,
                             &info, app->opt.io, diags)
              : NULL;
    free(abs);
    if (!j) {
        char msg[UI_FOLDER_MAX + 256];
        ui_results_message(diags, _("cannot start a journal: out of memory"),
                           msg, sizeof msg);
        diag_list_free(diags);
        ui_results_notice(app, UI_NOTICE_JOURNAL, msg);
        return;
    }
    diag_list_free(diags);
    /* The new one holds every turn: the old one can go. */
    ui_results_drop(app, true);
    p->journal = j;
    if (app->notice == UI_NOTICE_JOURNAL) {
        ui_results_close_notice(app);
    }
}

void ui_results_call_start(ui_app *app)
{
    ui_play *p = &app->play;
    p->save = app->results_dir ? UI_SAVE_PENDING : UI_SAVE_OFF;
    ui_results_line(app, "");
    ui_results_reopen(app);
}

static void ui_results_save(ui_app *app)
{
    ui_play *p = &app->play;
    if (p->save == UI_SAVE_DECLINED || p->save == UI_SAVE_DONE) {
        return;
    }
    if (!app->results_dir) {
        p->save = UI_SAVE_OFF;
        ui_results_line(app, "");
        return;
    }
    debrief *d = debrief_new(p->s);
    diag_list *diags = diag_list_new();
    result_info info;
    ui_results_info(app, &info);
    result_paths saved;
    if (d && diags &&
        (p->resumed ? result_save_once(app->results_dir, d, &info, app->opt.io,
                                       &saved, NULL, diags)
                    : result_save(app->results_dir, d, &info, app->opt.io,
                                  &saved, diags)) == 0) {
        for (int i = 0; i < RESULT_FILE_COUNT; i++) {
            fprintf(stderr, "saved: %s\n", saved.path[i]);
        }
        p->save = UI_SAVE_DONE;
        ui_results_line(app, saved.path[RESULT_FILE_JSON]);
        result_paths_clear(&saved);
        ui_results_drop(app, true);
        ui_results_close_notice(app);
    } else {
        char msg[UI_FOLDER_MAX + 256];
        ui_results_message(diags, _("cannot save results: out of memory"), msg,
                           sizeof msg);
        p->save = UI_SAVE_FAILED;
        ui_results_notice(app, UI_NOTICE_SAVE, msg);
        ui_results_line(app, "");
    }
    diag_list_free(diags);
    debrief_free(d);
}

void ui_results_turn(ui_app *app)
{
    ui_play *p = &app->play;
    if (!p->s || p->save == UI_SAVE_DONE) {
        return;
    }
    char msg[UI_FOLDER_MAX + 256] = "";
    if (p->journal) {
        diag_list *diags = diag_list_new();
        if (!diags || journal_append(p->journal, p->s, diags) != 0) {
            ui_results_message(diags,
                               _("cannot write the journal: out of memory"),
                               msg, sizeof msg);
        }
        diag_list_free(diags);
    }
    if (!session_is_finished(p->s)) {
        if (msg[0]) {
            ui_results_notice(app, UI_NOTICE_JOURNAL, msg);
        }
        return;
    }
    if (p->resumed) {
        /* As rapport recover --resume: the start plus the replies. */
        int64_t total = 0;
        for (size_t i = 0; i < session_turn_count(p->s); i++) {
            total += session_turn_at(p->s, i)->response_ms;
        }
        p->ended_wall = p->started_wall + total;
    } else {
        p->ended_wall = ui_results_wall_ms(app);
    }
    ui_results_save(app);
}

void ui_results_call_end(ui_app *app, bool deliberate)
{
    ui_play *p = &app->play;
    if (p->journal || p->resumed_jd) {
        ui_results_drop(app, deliberate);
    }
    p->save = UI_SAVE_PENDING;
    p->save_line[0] = '\0';
    p->resumed = false;
}

void ui_results_retry(ui_app *app)
{
    if (app->overlay != UI_OVERLAY_RESULTS) {
        return;
    }
    if (app->notice == UI_NOTICE_SAVE) {
        ui_results_save(app);
    } else {
        ui_results_reopen(app);
    }
}

void ui_results_elsewhere(ui_app *app)
{
    if (app->overlay != UI_OVERLAY_RESULTS) {
        return;
    }
    ui_app_finish_name(app);
    size_t n = strlen(app->folder);
    while (n > 0 &&
           (app->folder[n - 1] == ' ' || app->folder[n - 1] == '\t')) {
        app->folder[--n] = '\0';
    }
    if (n == 0) {
        snprintf(app->notice_msg, sizeof app->notice_msg,
                 _("Type the folder to save in first."));
        app->dirty = true;
        return;
    }
    char *dir = NULL;
    const char *home = getenv("HOME");
    if (app->folder[0] == '~' &&
        (app->folder[1] == '/' || app->folder[1] == '\0') && home && *home) {
        size_t len = strlen(home) + n + 1;
        dir = malloc(len);
        if (dir) {
            snprintf(dir, len, "%s%s", home, app->folder + 1);
        }
    } else {
        dir = strdup(app->folder);
    }
    if (!dir) {
        snprintf(app->notice_msg, sizeof app->notice_msg, _("Out of memory."));
        app->dirty = true;
        return;
    }
    free(app->results_dir);
    app->results_dir = dir;
    ui_results_retry(app);
}

void ui_results_decline(ui_app *app)
{
    ui_play *p = &app->play;
    if (app->overlay != UI_OVERLAY_RESULTS) {
        return;
    }
    p->save = UI_SAVE_DECLINED;
    ui_results_line(app, "");
    ui_results_drop(app, true);
    ui_results_close_notice(app);
}

/* ---- calls a stopped program left ------------------------------------ */

static void ui_results_item_free(ui_recover_item *it)
{
    session_free(it->s);
    scenario_free(it->sc);
    journal_data_free(it->jd);
    filelock_release(it->lock);
    free(it->path);
    free(it->problem);
    memset(it, 0, sizeof *it);
}

void ui_results_recover_free(ui_app *app)
{
    ui_results_item_free(&app->recover);
    journal_list_free(app->recover_paths);
    app->recover_paths = NULL;
}

size_t ui_results_recover_turns(const ui_app *app)
{
    return app->recover.jd ? app->recover.jd->entry_count : 0;
}

static char *ui_results_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *ui_results_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *out = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (out) {
        va_start(ap, fmt);
        vsnprintf(out, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return out;
}

/* The journal's replies replayed on a scenario file edited since, as F5
 * replays a call: every turn at the journaled node, offering the
 * journaled option. NULL (with why) when they no longer fit. */
static session *ui_results_replay_edited(const journal_data *jd,
                                         const scenario *sc, char *why,
                                         size_t len)
{
    session_options so = {.relaxed_timing = jd->relaxed_timing,
                          .shuffle = jd->shuffle,
                          .seed = jd->seed};
    session *s = session_new(sc, &so);
    if (!s) {
        snprintf(why, len, _("out of memory"));
        return NULL;
    }
    for (size_t i = 0; i < jd->entry_count; i++) {
        const journal_entry *e = &jd->entries[i];
        const scenario_node *n = session_node(s);
        bool ok = n && strcmp(n->id, e->node) == 0;
        if (ok && e->timed_out) {
            ok = session_wait(s, e->response_ms + 1) == SESSION_TIMED_OUT;
        } else if (ok) {
            ok = e->choice >= 1 &&
                 (size_t)e->choice <= session_offered_count(s) &&
                 session_offered_index(s, (size_t)e->choice - 1) ==
                     e->choice_index &&
                 session_choose(s, (size_t)e->choice - 1, e->response_ms) ==
                     SESSION_OK;
        }
        if (!ok) {
            snprintf(why, len, _("reply %zu no longer fits it"), i + 1);
            session_free(s);
            return NULL;
        }
    }
    return s;
}

/* Takes the journal at path (journal_take): false, with a line on stderr,
 * when it is not ours to offer (a running Rapport plays it, it is gone, or
 * it was empty and has been removed). */
static bool ui_results_item_take(ui_app *app, ui_recover_item *it,
                                 const char *path)
{
    memset(it, 0, sizeof *it);
    diag_list *diags = diag_list_new();
    journal_take_status st =
        diags ? journal_take(path, &it->lock, diags) : JOURNAL_FAILED;
    const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
    switch (st) {
    case JOURNAL_TAKEN:
    case JOURNAL_FAILED: /* offered: its notice says what is wrong */
        break;
    case JOURNAL_LIVE:
        fprintf(stderr,
                _("rapport play: %s: skipped: a running Rapport is playing "
                  "this call (it holds the journal locked); left alone\n"),
                path);
        break;
    case JOURNAL_GONE:
        break;
    case JOURNAL_EMPTIED:
        fprintf(stderr, _("rapport play: %s: %s\n"), path,
                e ? e->message : _("removed an empty journal"));
        snprintf(app->picker_note, sizeof app->picker_note,
                 _("An empty journal (a call stopped before its first reply) "
                   "was removed."));
        break;
    }
    diag_list_free(diags);
    return st == JOURNAL_TAKEN || st == JOURNAL_FAILED;
}

/* Reads the journal at path (taken), loads its scenario and replays it. */
static void ui_results_item_load(ui_recover_item *it, const char *path)
{
    it->path = strdup(path);
    diag_list *diags = diag_list_new();
    char msg[UI_FOLDER_MAX + 256];
    it->jd = diags ? journal_read(path, diags) : NULL;
    if (!it->jd) {
        ui_results_message(diags, _("out of memory"), msg, sizeof msg);
        it->problem =
            ui_results_printf(_("This journal cannot be read: %s"), msg);
        diag_list_free(diags);
        return;
    }
    const char *file = it->jd->scenario_path;
    struct stat st;
    if (stat(file, &st) != 0) {
        it->problem = ui_results_printf(
            _("The scenario file it was played on is missing: %s. Put it "
              "back to resume or save this call (or use rapport recover "
              "--scenario FILE --save)."),
            file);
        diag_list_free(diags);
        return;
    }
    it->sc = scenario_load_file(file, diags);
    if (!it->sc) {
        ui_results_message(diags, _("out of memory"), msg, sizeof msg);
        it->problem = ui_results_printf(
            _("The scenario file it was played on, %s, cannot be loaded "
              "now: %s"),
            file, msg);
        diag_list_free(diags);
        return;
    }
    diag_list_clear(diags);
    it->s = journal_replay(it->jd, it->sc, diags);
    if (!it->s) {
        char fingerprint[37];
        int64_t bytes = 0;
        bool changed =
            journal_fingerprint_file(file, fingerprint, &bytes, NULL) == 0 &&
            (bytes != it->jd->scenario_bytes ||
             strcmp(fingerprint, it->jd->scenario_fingerprint) != 0);
        if (changed) {
            char why[96];
            it->s = ui_results_replay_edited(it->jd, it->sc, why, sizeof why);
            it->changed = true;
            if (!it->s) {
                it->problem = ui_results_printf(
                    _("The scenario file %s has changed since this call was "
                      "played, and its replies no longer fit it (%s). It can "
                      "only be resumed or saved on the version it was played "
                      "on."),
                    file, why);
            }
        } else {
            ui_results_message(diags, _("out of memory"), msg, sizeof msg);
            it->problem =
                ui_results_printf(_("This call cannot be replayed: %s"), msg);
        }
    }
    diag_list_free(diags);
}

bool ui_results_recover_next(ui_app *app)
{
    ui_results_item_free(&app->recover);
    app->recover_confirm = false;
    app->recover_msg[0] = '\0';
    if (app->screen == UI_SCREEN_PICKER) {
        while (app->recover_paths && app->recover_paths[app->recover_next]) {
            const char *path = app->recover_paths[app->recover_next++];
            if (access(path, F_OK) != 0 ||
                !ui_results_item_take(app, &app->recover, path)) {
                continue; /* dealt with meanwhile, live or empty */
            }
            ui_results_item_load(&app->recover, path);
            ui_app_set_overlay(app, UI_OVERLAY_RECOVER);
            return true;
        }
    }
    if (app->overlay == UI_OVERLAY_RECOVER) {
        ui_app_set_overlay(app, UI_OVERLAY_NONE);
    }
    if (app->pending_start && app->screen == UI_SCREEN_PICKER) {
        app->pending_start = false;
        if (app->pick_count > 0) {
            ui_app_start(app, app->picks[app->pick_selected].path);
        }
    }
    return false;
}

void ui_results_recover_scan(ui_app *app)
{
    diag_list *diags = diag_list_new();
    if (diags && app->results_dir) {
        /* the left-overs of programs stopped while saving go first */
        journal_sweep(app->results_dir, diags);
        for (size_t i = 0; i < diag_count(diags); i++) {
            const diag_entry *e = diag_get(diags, i);
            fprintf(stderr, _("rapport play: %s: %s\n"),
                    e->path ? e->path : "", e->message);
        }
        diag_list_clear(diags);
    }
    char **paths = diags ? journal_list(app->results_dir, diags) : NULL;
    if (!paths) {
        ui_results_warn(diags);
        diag_list_free(diags);
        return;
    }
    diag_list_free(diags);
    journal_list_free(app->recover_paths);
    app->recover_paths = paths;
    app->recover_next = 0;
    app->recover_total = 0;
    while (paths[app->recover_total]) {
        app->recover_total++;
    }
    ui_results_recover_next(app);
}

static void ui_results_recover_resume(ui_app *app)
{
    ui_recover_item *it = &app->recover;
    journal_data *jd = it->jd;
    scenario *sc = it->sc;
    session *s = it->s;
    filelock *lock = it->lock;
    it->jd = NULL;
    it->sc = NULL;
    it->s = NULL;
    it->lock = NULL;
    ui_results_item_free(it);
    app->pending_start = false;
    ui_app_set_overlay(app, UI_OVERLAY_NONE);
    ui_app_resume_call(app, sc, s, jd->scenario_path);
    ui_play *p = &app->play;
    p->started_wall = jd->started_ms;
    p->feedback = jd->feedback_mode == RESULT_FEEDBACK_WITHHELD
                      ? UI_FEEDBACK_WITHHELD
                      : UI_FEEDBACK_IMMEDIATE;
    p->mode = p->feedback == UI_FEEDBACK_WITHHELD ? UI_MODE_ASSESSMENT
                                                  : UI_MODE_PRACTICE;
    /* The call goes on as it was played (not remembered as a setting). */
    app->set.feedback = p->feedback;
    snprintf(p->trainee, sizeof p->trainee, "%s",
             strcmp(jd->trainee, "anonymous") == 0 ? "" : jd->trainee);
    p->resumed = true;
    p->save = UI_SAVE_PENDING;
    app->script_base = session_turn_count(s);
    diag_list *diags = diag_list_new();
    p->journal = diags
                     ? journal_continue_locked(jd, s, lock, app->opt.io, diags)
                     : NULL;
    if (!diags) {
        filelock_release(lock);
    }
    p->resumed_jd = jd;
    if (!p->journal) {
        char msg[UI_FOLDER_MAX + 256];
        ui_results_message(diags,
                           _("cannot continue the journal: out of memory"),
                           msg, sizeof msg);
        ui_results_notice(app, UI_NOTICE_JOURNAL, msg);
    }
    diag_list_free(diags);
    if (session_is_finished(s)) {
        ui_results_turn(app); /* only the save was missing */
    }
}

static void ui_results_recover_save(ui_app *app)
{
    ui_recover_item *it = &app->recover;
    diag_list *diags = diag_list_new();
    result_paths saved;
    char msg[UI_FOLDER_MAX + 256];
    bool already = false;
    if (diags &&
        journal_save_once(app->results_dir, it->jd, it->s, app->opt.io, &saved,
                          &already, diags) == 0) {
        for (int i = 0; i < RESULT_FILE_COUNT && !already; i++) {
            fprintf(stderr, "saved: %s\n", saved.path[i]);
        }
        char dir[UI_FOLDER_MAX + 8];
        ui_results_short_path(app, app->results_dir, dir, sizeof dir);
        const char *json = saved.path[RESULT_FILE_JSON];
        const char *slash = strrchr(json, '/');
        if (already) {
            fprintf(stderr,
                    _("rapport play: %s: already saved as %s; not saved "
                      "again\n"),
                    it->path, json);
            snprintf(app->picker_note, sizeof app->picker_note,
                     _("The interrupted call of %s had already been saved in "
                       "%s: %s"),
                     it->jd->trainee, dir, slash ? slash + 1 : json);
        } else {
            snprintf(app->picker_note, sizeof app->picker_note,
                     _("The interrupted call of %s was saved as %s in %s: %s"),
                     it->jd->trainee,
                     session_is_finished(it->s) ? _("a complete result")
                                                : _("an incomplete attempt"),
                     dir, slash ? slash + 1 : json);
        }
        result_paths_clear(&saved);
        if (journal_remove(it->path, diags) != 0) {
            ui_results_warn(diags);
        }
        diag_list_free(diags);
        ui_results_recover_next(app);
        return;
    }
    ui_results_message(diags, _("cannot save: out of memory"), msg,
                       sizeof msg);
    snprintf(app->recover_msg, sizeof app->recover_msg,
             _("Not saved: %s. The journal is kept."), msg);
    fprintf(stderr, _("rapport play: %s\n"), app->recover_msg);
    diag_list_free(diags);
    app->dirty = true;
}

static void ui_results_recover_discard(ui_app *app)
{
    ui_recover_item *it = &app->recover;
    diag_list *diags = diag_list_new();
    if (diags && journal_remove(it->path, diags) == 0) {
        snprintf(app->picker_note, sizeof app->picker_note,
                 _("The interrupted call of %s was discarded."),
                 it->jd ? it->jd->trainee : _("a trainee"));
        diag_list_free(diags);
        ui_results_recover_next(app);
        return;
    }
    char msg[UI_FOLDER_MAX + 256];
    ui_results_message(diags, _("out of memory"), msg, sizeof msg);
    snprintf(app->recover_msg, sizeof app->recover_msg, _("Not discarded: %s"),
             msg);
    diag_list_free(diags);
    app->recover_confirm = false;
    app->focus = 0;
    app->dirty = true;
}

void ui_results_recover_do(ui_app *app, ui_action action)
{
    if (app->overlay != UI_OVERLAY_RECOVER) {
        return;
    }
    ui_recover_item *it = &app->recover;
    bool confirm = app->recover_confirm;
    app->dirty = true;
    switch (action) {
    case UI_ACT_RECOVER_RESUME:
        if (!confirm && it->s && !it->changed) {
            ui_results_recover_resume(app);
        }
        break;
    case UI_ACT_RECOVER_SAVE:
        if (!confirm && it->s) {
            ui_results_recover_save(app);
        }
        break;
    case UI_ACT_RECOVER_DISCARD:
        if (!confirm) {
            app->recover_confirm = true;
            app->focus = 0;
        }
        break;
    case UI_ACT_RECOVER_CONFIRM:
        if (confirm) {
            ui_results_recover_discard(app);
        }
        break;
    case UI_ACT_RECOVER_CANCEL:
        app->recover_confirm = false;
        app->focus = 0;
        break;
    case UI_ACT_RECOVER_LATER:
        if (confirm) {
            app->recover_confirm = false;
            app->focus = 0;
        } else {
            ui_results_recover_next(app);
        }
        break;
    default:
        break;
    }
}
