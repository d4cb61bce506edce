/* ui_app.c — the game's lifecycle: SDL set-up, the picker's list, the
 * briefing, the call being played (through the core's session API only),
 * input, the event loop that redraws on demand and sleeps otherwise, and
 * hot reload. Results and journals are ui_results.c's. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL_ttf.h>

#include "diag.h"
#include "font.h"
#include "i18n.h"
#include "ui_class.h"
#include "ui_draw.h"
#include "ui_internal.h"
#include "ui_lang_setting.h"
#include "ui_mirror.h"
#include "ui_png.h"
#include "ui_prefs.h"
#include "ui_reveal.h"

#ifndef RAPPORT_ASSET_DIR
#define RAPPORT_ASSET_DIR "assets"
#endif
#ifndef RAPPORT_SCENARIO_DIR
#define RAPPORT_SCENARIO_DIR "scenarios"
#endif
#define UI_APP_DEFAULT_SCENARIO UI_PICKS_DEFAULT_SCENARIO

/* ---- small helpers ---------------------------------------------------- */

static bool ui_app_is_dir(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool ui_app_is_file(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *ui_app_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *out = malloc(n);
    if (out) {
        snprintf(out, n, "%s%s%s", dir,
                 dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    }
    return out;
}

/* A data folder: the environment variable, else next to the executable
 * (DIR or ../share/rapport/DIR), else the source tree. probe is a file
 * that must exist inside it. */
static char *ui_app_find_dir(const char *env, const char *name,
                             const char *probe, const char *built_in)
{
    const char *from_env = getenv(env);
    if (from_env && *from_env) {
        return strdup(from_env);
    }
    char *base = SDL_GetBasePath();
    if (base) {
        const char *rel[] = {"", "../share/rapport/"};
        for (size_t i = 0; i < 2; i++) {
            size_t n = strlen(base) + strlen(rel[i]) + strlen(name) + 1;
            char *dir = malloc(n);
            if (!dir) {
                break;
            }
            snprintf(dir, n, "%s%s%s", base, rel[i], name);
            char *p = ui_app_join(dir, probe);
            bool found = p && (ui_app_is_file(p) || ui_app_is_dir(p));
            free(p);
            if (found) {
                SDL_free(base);
                return dir;
            }
            free(dir);
        }
        SDL_free(base);
    }
    return strdup(built_in);
}

uint64_t ui_app_now(const ui_app *app)
{
    return app->opt.virtual_clock ? app->clock : SDL_GetTicks64();
}

void ui_app_set_clock(ui_app *app, uint64_t ms) { app->clock = ms; }

/* ---- hits and focus --------------------------------------------------- */

bool ui_app_add_hit(ui_app *app, SDL_Rect rect, ui_action action, int arg,
                    bool focusable)
{
    bool focused = false;
    if (focusable) {
        focused = app->focusables == app->focus;
        app->focusables++;
    }
    /* Kept even when empty (scrolled out of view): focus counts it. */
    if (app->hit_count < UI_MAX_HITS) {
        ui_hit *h = &app->hits[app->hit_count++];
        h->rect = rect;
        h->action = action;
        h->arg = arg;
        h->focusable = focusable;
    }
    return focused;
}

bool ui_app_hovered(const ui_app *app, SDL_Rect rect)
{
    return app->mouse_in &&
           ui_layout_contains(rect, app->mouse_x, app->mouse_y);
}

const ui_hit *ui_app_find_hit(const ui_app *app, ui_action action, int arg)
{
    for (int i = 0; i < app->hit_count; i++) {
        if (app->hits[i].action == action && app->hits[i].arg == arg) {
            return &app->hits[i];
        }
    }
    return NULL;
}

static const ui_hit *ui_app_hit_at(const ui_app *app, int x, int y)
{
    for (int i = app->hit_count - 1; i >= 0; i--) {
        if (ui_layout_contains(app->hits[i].rect, x, y)) {
            return &app->hits[i];
        }
    }
    return NULL;
}

void ui_app_focus_move(ui_app *app, int delta)
{
    int n = app->focusables;
    if (n <= 0) {
        return;
    }
    if (app->focus < 0 || app->focus >= n) {
        app->focus = delta > 0 ? 0 : n - 1;
    } else {
        app->focus = (app->focus + delta + n) % n;
    }
    app->focus_moved = true;
    app->dirty = true;
}

bool ui_app_activate_focus(ui_app *app)
{
    int k = 0;
    for (int i = 0; i < app->hit_count; i++) {
        if (!app->hits[i].focusable) {
            continue;
        }
        if (k == app->focus) {
            ui_app_do(app, app->hits[i].action, app->hits[i].arg);
            return true;
        }
        k++;
    }
    return false;
}

void ui_app_press_focus(ui_app *app)
{
    if (!ui_app_activate_focus(app)) {
        ui_app_focus_move(app, 1);
    }
}

/* ---- overlays and pauses ------------------------------------------------ */

/* The turn's clock stops while a menu, the diagnostics or a blank screen
 * hides the call. */
static void ui_app_pause_update(ui_app *app)
{
    bool hidden = app->overlay != UI_OVERLAY_NONE || app->blanked;
    turn_clock_hold_set(&app->play.clock, TURN_CLOCK_HIDDEN, hidden,
                        ui_app_now(app));
    ui_class_hidden(app, hidden);
}

void ui_app_set_overlay(ui_app *app, ui_overlay overlay)
{
    app->overlay = overlay;
    app->focus = overlay == UI_OVERLAY_NONE ? -1 : 0;
    app->scroll[UI_SCROLL_DIAG].offset = 0;
    ui_app_pause_update(app);
    app->dirty = true;
}

void ui_app_show_diag(ui_app *app, const char *title, const char *text)
{
    free(app->diag_title);
    free(app->diag_text);
    app->diag_title = strdup(title);
    app->diag_text = strdup(text ? text : "");
    ui_app_set_overlay(app, UI_OVERLAY_DIAG);
}

/* Diagnostics as the command line prints them, one per line. */
char *ui_app_diag_text(diag_list *diags)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        return NULL;
    }
    diag_sort(diags);
    diag_print(diags, f);
    fclose(f);
    return buf;
}

uint64_t ui_app_turn_ms(const ui_app *app)
{
    return turn_clock_ms(&app->play.clock, ui_app_now(app));
}

uint64_t ui_app_clock_at_turn_ms(const ui_app *app, uint64_t turn_ms)
{
    return turn_clock_when(&app->play.clock, turn_ms, ui_app_now(app));
}

bool ui_app_revealing(const ui_app *app)
{
    return app->screen == UI_SCREEN_PLAY && app->play.s &&
           ui_app_turn_ms(app) < app->play.reveal_ms;
}

size_t ui_app_words_shown(const ui_app *app)
{
    const ui_play *p = &app->play;
    if (!ui_app_revealing(app)) {
        return p->word_count;
    }
    return ui_reveal_words_at(p->word_count, p->reveal_ms,
                              ui_app_turn_ms(app));
}

void ui_app_reveal_finish(ui_app *app)
{
    if (ui_app_revealing(app)) {
        app->play.reveal_ms = ui_app_turn_ms(app);
        app->focus = -1;
        app->dirty = true;
    }
}

int ui_app_elapsed_ms(const ui_app *app)
{
    uint64_t t = ui_app_turn_ms(app);
    uint64_t ms = t > app->play.reveal_ms ? t - app->play.reveal_ms : 0;
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

ui_feedback_mode ui_app_mode_feedback(ui_session_mode mode)
{
    return mode == UI_MODE_ASSESSMENT ? UI_FEEDBACK_WITHHELD
                                      : UI_FEEDBACK_IMMEDIATE;
}

const char *ui_app_mode_name(ui_session_mode mode)
{
    return mode == UI_MODE_ASSESSMENT ? _("Assessment") : _("Practice");
}

void ui_app_save_prefs(ui_app *app, unsigned fields)
{
    if (!app->opt.config_dir) {
        return;
    }
    ui_prefs pr;
    memset(&pr, 0, sizeof pr);
    snprintf(pr.trainee, sizeof pr.trainee, "%s", app->trainee);
    pr.text_scale = app->set.text_scale;
    pr.high_contrast = app->set.high_contrast;
    pr.mode = app->set.mode;
    pr.feedback = app->set.feedback;
    pr.relaxed = app->set.relaxed;
    pr.shuffle = app->set.shuffle;
    pr.fullscreen = app->set.fullscreen;
    snprintf(pr.lang, sizeof pr.lang, "%s", app->set.lang);
    /* Not being remembered is no reason to stop the game. */
    if (!ui_prefs_save(app->opt.config_dir, &pr, fields)) {
        fprintf(stderr,
                _("rapport play: warning: cannot save the settings in %s: "
                  "%s\n"),
                app->opt.config_dir, strerror(errno));
    }
}

/* ---- the call ----------------------------------------------------------- */

static void ui_app_end_play(ui_app *app)
{
    ui_play *p = &app->play;
    /* Not deliberate here: a call still going on keeps its journal. The
     * deliberate ways out have ended it before. */
    ui_results_call_end(app, false);
    ui_portrait_cache_clear(&app->portrait);
    ui_screen_debrief_free(app);
    ui_class_free(app->cls);
    app->cls = NULL;
    debrief_free(p->d);
    session_free(p->s);
    scenario_free(p->sc);
    free(p->path);
    free(p->speech);
    free(p->word_ends);
    memset(p, 0, sizeof *p);
}

static void ui_app_reset_view(ui_app *app)
{
    app->focus = -1;
    for (int i = 0; i < UI_SCROLL_COUNT; i++) {
        app->scroll[i].offset = 0;
    }
    app->dirty = true;
}

static void ui_app_enter_ending(ui_app *app)
{
    ui_play *p = &app->play;
    free(p->speech);
    p->speech = ui_reveal_node_text(session_ending(p->s));
    p->note[0] = '\0';
    app->screen = UI_SCREEN_ENDING;
    ui_app_reset_view(app);
}

/* A turn starts: its words are revealed, then the options appear. */
static void ui_app_begin_turn(ui_app *app)
{
    ui_play *p = &app->play;
    const scenario_node *n = session_node(p->s);
    if (!n) {
        ui_app_enter_ending(app);
        return;
    }
    free(p->speech);
    p->speech = ui_reveal_node_text(n);
    free(p->word_ends);
    ui_reveal_split(p->speech, &p->word_ends, &p->word_count, &p->reveal_ms);
    p->note[0] = '\0';
    turn_clock_start(&p->clock, ui_app_now(app));
    p->drawn_words = 0;
    app->screen = UI_SCREEN_PLAY;
    ui_app_pause_update(app);
    ui_app_reset_view(app);
}

static bool ui_app_new_session(ui_app *app)
{
    ui_play *p = &app->play;
    session_options so;
    ui_call_options(app, &so);
    /* A call still going on is left on purpose (restart, replay). */
    ui_results_call_end(app, true);
    session_free(p->s);
    ui_screen_debrief_free(app);
    debrief_free(p->d);
    p->d = NULL;
    p->s = session_new(p->sc, &so);
    p->relaxed = app->set.relaxed;
    p->mode = app->set.mode;
    p->note[0] = '\0';
    if (!p->s) {
        return false;
    }
    p->started_wall = ui_results_wall_ms(app);
    p->feedback = app->set.feedback;
    snprintf(p->trainee, sizeof p->trainee, "%s", app->trainee);
    ui_app_begin_turn(app);
    ui_results_call_start(app);
    return true;
}

/* The scenario at path loaded for the briefing (or, when start, for the
 * call at once). On errors they are shown and nothing else changes. */
static bool ui_app_load(ui_app *app, const char *path, bool start)
{
    scenario *sc = ui_reload_open(app, path);
    if (!sc) {
        return false;
    }
    ui_results_call_end(app, true);
    ui_app_end_play(app);
    app->picker_note[0] = '\0';
    app->play.sc = sc;
    app->play.path = strdup(path);
    char title[300];
    snprintf(title, sizeof title, "Rapport \xC2\xB7 %s", sc->title);
    SDL_SetWindowTitle(app->window, title);
    if (!app->play.path) {
        ui_app_end_play(app);
        return false;
    }
    if (!start) {
        app->screen = UI_SCREEN_BRIEFING;
        ui_app_reset_view(app);
        return true;
    }
    if (!ui_app_new_session(app)) {
        ui_app_end_play(app);
        return false;
    }
    return true;
}

bool ui_app_start(ui_app *app, const char *path)
{
    return ui_app_load(app, path, true);
}

void ui_app_resume_call(ui_app *app, scenario *sc, session *s,
                        const char *path)
{
    ui_app_end_play(app);
    ui_play *p = &app->play;
    p->sc = sc;
    p->s = s;
    p->path = strdup(path);
    p->relaxed = session_options_of(s)->relaxed_timing;
    char title[300];
    snprintf(title, sizeof title, "Rapport \xC2\xB7 %s", sc->title);
    SDL_SetWindowTitle(app->window, title);
    size_t n = session_turn_count(s);
    if (session_is_finished(s)) {
        ui_app_enter_ending(app);
        snprintf(p->note, sizeof p->note,
                 P_("Resumed: %zu reply replayed; the call had ended.",
                    "Resumed: %zu replies replayed; the call had ended.", n),
                 n);
    } else {
        ui_app_begin_turn(app);
        snprintf(p->note, sizeof p->note,
                 P_("Resumed: %zu reply replayed; the call goes on at turn "
                    "%zu.",
                    "Resumed: %zu replies replayed; the call goes on "
                    "at turn %zu.",
                    n),
                 n, n + 1);
    }
}

static void ui_app_after_turn(ui_app *app)
{
    if (app->set.feedback == UI_FEEDBACK_IMMEDIATE) {
        app->screen = UI_SCREEN_FEEDBACK;
        ui_app_reset_view(app);
    } else if (session_is_finished(app->play.s)) {
        ui_app_enter_ending(app);
    } else {
        ui_app_begin_turn(app);
    }
    /* Journaled, and saved once the call has ended (a notice over the
     * new screen if that fails). */
    ui_results_turn(app);
}

static void ui_app_choose(ui_app *app, int pos)
{
    if (app->screen != UI_SCREEN_PLAY || !app->play.s || pos < 0 ||
        (size_t)pos >= session_offered_count(app->play.s)) {
        return;
    }
    if (ui_app_revealing(app)) {
        /* No blind choices: the first press shows what is on offer. */
        ui_app_reveal_finish(app);
        return;
    }
    session_status st =
        session_choose(app->play.s, (size_t)pos, ui_app_elapsed_ms(app));
    if (st == SESSION_OK || st == SESSION_TIMED_OUT) {
        app->play.note[0] = '\0';
        ui_app_after_turn(app);
    }
}

/* Patience is the core's business: tell it how long the trainee has been
 * silent, and follow it if the customer has had enough. */
static void ui_app_tick(ui_app *app)
{
    if ((app->picks_loading && ui_picks_tick(app)) ||
        (app->screen == UI_SCREEN_CLASS && ui_class_tick(app))) {
        app->dirty = true; /* the progress; the phones' votes */
    }
    if (app->screen != UI_SCREEN_PLAY || !app->play.s ||
        turn_clock_held(&app->play.clock) ||
        session_is_finished(app->play.s) || ui_app_revealing(app)) {
        return;
    }
    if (session_wait(app->play.s, ui_app_elapsed_ms(app)) ==
        SESSION_TIMED_OUT) {
        app->play.note[0] = '\0';
        ui_app_after_turn(app);
    }
}

int ui_app_next_change_ms(const ui_app *app)
{
    const ui_play *p = &app->play;
    if (app->picks_loading) {
        return 0; /* read on between events */
    }
    if (app->screen == UI_SCREEN_CLASS) {
        return ui_class_next_change_ms(app);
    }
    if (app->screen != UI_SCREEN_PLAY || !p->s || turn_clock_held(&p->clock) ||
        session_is_finished(p->s)) {
        return -1;
    }
    if (ui_app_revealing(app)) {
        return ui_reveal_wait_ms(p->word_count, p->reveal_ms,
                                 ui_app_turn_ms(app));
    }
    int elapsed = ui_app_elapsed_ms(app);
    int wait = 1000 - elapsed % 1000;
    if (!app->play.relaxed) {
        int left = session_patience_left_ms(app->play.s, elapsed);
        if (left < session_patience_ms(app->play.s)) {
            /* Patience is draining: it shows new seconds too. */
            int next = left % 1000 + 1;
            wait = next < wait ? next : wait;
        }
    }
    return wait < 1 ? 1 : wait;
}

int ui_app_patience_s(const ui_app *app)
{
    int left = session_patience_left_ms(app->play.s, ui_app_elapsed_ms(app));
    return left <= 0 ? 0 : (left + 999) / 1000;
}

/* The picker's list read again (F5 there), keeping the selection. */
static void ui_app_rescan(ui_app *app)
{
    char *selected = NULL;
    if (app->pick_selected >= 0 &&
        (size_t)app->pick_selected < app->pick_count &&
        app->picks[app->pick_selected].real) {
        selected = strdup(app->picks[app->pick_selected].real);
    }
    ui_picks_load(app, selected);
    free(selected);
    app->scroll[UI_SCROLL_PICKER].offset = 0;
    app->focus_moved = true;
    app->dirty = true;
}

/* F5 / Ctrl+R on any screen of a call (and the menus over it): read the
 * scenario again. On errors show them and keep playing the old version.
 * Else replay the replies so far on the new version and go back to the
 * same screen with the new text: a turn starts again (its reveal too),
 * the feedback, the ending and the debrief are shown anew. If the edits
 * send those replies elsewhere, the call starts again from the top. On
 * the picker, F5 reads the list of scenarios again. */
/* Reads the scenario file again. On failure shows its diagnostics (the
 * title ends with keeps: what goes on meanwhile) and returns NULL; else
 * returns the new scenario (the caller's) and its warning count. */
static void ui_app_reload(ui_app *app)
{
    ui_play *p = &app->play;
    if (app->screen == UI_SCREEN_CLASS) {
        ui_class_reload(app);
        return;
    }
    if (p->path && p->sc && !p->s && app->screen == UI_SCREEN_BRIEFING) {
        ui_reload_briefing(app);
        return;
    }
    if (!p->path || !p->s) {
        if (app->screen == UI_SCREEN_PICKER) {
            ui_app_rescan(app);
        }
        return;
    }
    size_t warnings = 0;
    scenario *sc = ui_reload_file(
        app, _("The call goes on with the version loaded before."), &warnings);
    if (!sc) {
        return;
    }
    bool same = false;
    session *s = ui_call_replay(p, sc, &same);
    if (!s) {
        scenario_free(sc);
        return;
    }
    ui_screen_id was = app->screen;
    debrief *d = NULL;
    if (same && was == UI_SCREEN_DEBRIEF) {
        d = debrief_new(s);
        if (!d) {
            session_free(s);
            scenario_free(sc);
            return;
        }
    }
    ui_screen_debrief_free(app);
    debrief_free(p->d);
    p->d = NULL;
    session_free(p->s);
    scenario_free(p->sc);
    ui_portrait_cache_clear(&app->portrait);
    p->s = s;
    p->sc = sc;
    const char *what = _("the call starts again, as the edits changed where "
                         "your replies lead.");
    if (!same) {
        /* A new call: the old one's journal goes, a new one starts. */
        ui_results_call_end(app, true);
        p->started_wall = ui_results_wall_ms(app);
    }
    if (!same || was == UI_SCREEN_PLAY) {
        ui_app_begin_turn(app);
        if (same) {
            what = _("this turn starts again.");
        }
    } else if (was == UI_SCREEN_FEEDBACK) {
        what = _("this is the feedback as it now reads.");
        app->dirty = true;
    } else if (was == UI_SCREEN_ENDING) {
        ui_app_enter_ending(app);
        what = _("this is the ending as it now reads.");
    } else {
        p->d = d;
        what = _("this is the debrief as it now reads.");
        if (!ui_screen_debrief_prepare(app)) {
            ui_app_new_session(app);
            what = _("the debrief could not be made again (out of memory), "
                     "so the call starts again.");
        }
        app->dirty = true;
    }
    /* TRANSLATORS: %s is one of the lower-case sentences above. */
    snprintf(p->note, sizeof p->note, _("Reloaded from disk: %s%s"), what,
             warnings ? _(" The file has warnings.") : "");
    if (!same) {
        ui_results_call_start(app);
    } else if (p->save == UI_SAVE_PENDING) {
        /* The journal must name the file as it is now. */
        ui_results_reopen(app);
    }
}

static void ui_app_toggle_fullscreen(ui_app *app)
{
    app->set.fullscreen = !app->set.fullscreen;
    SDL_SetWindowFullscreen(
        app->window, app->set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    ui_app_save_prefs(app, UI_PREFS_FULLSCREEN);
    app->dirty = true;
}

void ui_app_finish_name(ui_app *app)
{
    if (app->editing_folder) {
        app->editing_folder = false;
        SDL_StopTextInput();
        app->dirty = true;
    }
    if (!app->editing_name) {
        return;
    }
    app->editing_name = false;
    SDL_StopTextInput();
    ui_app_save_prefs(app, UI_PREFS_TRAINEE);
    app->dirty = true;
}

/* The text being typed (the trainee's name or the results folder) and
 * how long it may get. */
static char *ui_app_edit_buffer(ui_app *app, size_t *max)
{
    if (app->editing_folder) {
        *max = UI_FOLDER_MAX;
        return app->folder;
    }
    *max = UI_NAME_MAX;
    return app->trainee;
}

/* Keys while text is being typed (the text itself comes as
 * SDL_TEXTINPUT). */
static void ui_app_edit_key(ui_app *app, const SDL_Keysym *key)
{
    size_t max = 0;
    char *buf = ui_app_edit_buffer(app, &max);
    bool folder = app->editing_folder;
    switch (key->sym) {
    case SDLK_BACKSPACE: {
        size_t n = strlen(buf);
        while (n > 0) {
            n--;
            if (((unsigned char)buf[n] & 0xC0u) != 0x80u) {
                break;
            }
        }
        buf[n] = '\0';
        app->dirty = true;
        break;
    }
    case SDLK_u:
        if ((key->mod & KMOD_CTRL) != 0) {
            buf[0] = '\0'; /* Ctrl+U clears, as in a terminal */
            app->dirty = true;
        }
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        ui_app_finish_name(app);
        if (folder) {
            ui_app_do(app, UI_ACT_SAVE_ELSEWHERE, 0);
        }
        break;
    case SDLK_TAB:
        ui_app_finish_name(app);
        if (folder) {
            ui_app_focus_move(app, (key->mod & KMOD_SHIFT) != 0 ? -1 : 1);
        }
        break;
    case SDLK_ESCAPE:
        ui_app_finish_name(app);
        break;
    default:
        break;
    }
}

static void ui_app_edit_text(ui_app *app, const char *text)
{
    size_t max = 0;
    char *buf = ui_app_edit_buffer(app, &max);
    size_t have = strlen(buf);
    size_t add = strlen(text);
    if (have + add <= max) {
        memcpy(buf + have, text, add + 1);
        app->dirty = true;
    }
}

void ui_app_do(ui_app *app, ui_action action, int arg)
{
    app->dirty = true;
    if ((action != UI_ACT_NAME || app->editing_folder) &&
        (action != UI_ACT_FOLDER || app->editing_name)) {
        ui_app_finish_name(app);
    }
    switch (action) {
    case UI_ACT_NONE:
        break;
    case UI_ACT_NAME:
        if (!app->editing_name) {
            app->editing_name = true;
            SDL_StartTextInput();
        }
        break;
    case UI_ACT_FOLDER:
        if (app->overlay == UI_OVERLAY_RESULTS && !app->editing_folder) {
            app->editing_folder = true;
            SDL_StartTextInput();
        }
        break;
    case UI_ACT_PICK:
        if (arg >= 0 && (size_t)arg < app->pick_count) {
            app->pick_selected = arg;
            if (app->classroom_pick) {
                ui_class_open(app, app->picks[arg].path);
            } else {
                ui_app_load(app, app->picks[arg].path, false);
            }
        }
        break;
    case UI_ACT_START:
        if (app->screen == UI_SCREEN_BRIEFING && app->play.sc &&
            !app->play.s) {
            ui_app_new_session(app);
        }
        break;
    case UI_ACT_SAVE_RETRY:
        ui_results_retry(app);
        break;
    case UI_ACT_SAVE_ELSEWHERE:
        ui_results_elsewhere(app);
        break;
    case UI_ACT_SAVE_DECLINE:
        ui_results_decline(app);
        break;
    case UI_ACT_RECOVER_RESUME:
    case UI_ACT_RECOVER_SAVE:
    case UI_ACT_RECOVER_DISCARD:
    case UI_ACT_RECOVER_LATER:
    case UI_ACT_RECOVER_CONFIRM:
    case UI_ACT_RECOVER_CANCEL:
        ui_results_recover_do(app, action);
        break;
    case UI_ACT_CHOOSE:
        ui_app_choose(app, arg);
        break;
    case UI_ACT_CLASS:
        ui_class_do(app, arg);
        break;
    case UI_ACT_CLASSROOM:
        app->classroom_pick = app->screen == UI_SCREEN_PICKER && arg;
        break;
    case UI_ACT_LANGUAGE:
    case UI_ACT_PICK_LANG:
        ui_lang_setting_do(app, action);
        break;
    case UI_ACT_REVEAL:
        ui_app_reveal_finish(app);
        break;
    case UI_ACT_MODE:
        /* On the picker, for the next call: the feedback follows the
         * mode's default. */
        if (app->screen == UI_SCREEN_PICKER &&
            (arg == UI_MODE_PRACTICE || arg == UI_MODE_ASSESSMENT)) {
            app->classroom_pick = false;
            app->set.mode = (ui_session_mode)arg;
            app->set.feedback = ui_app_mode_feedback(app->set.mode);
            ui_app_save_prefs(app, UI_PREFS_MODE | UI_PREFS_FEEDBACK);
        }
        break;
    case UI_ACT_CONTINUE:
        if (app->screen == UI_SCREEN_FEEDBACK) {
            if (session_is_finished(app->play.s)) {
                ui_app_enter_ending(app);
            } else {
                ui_app_begin_turn(app);
            }
        }
        break;
    case UI_ACT_DEBRIEF:
        if (app->screen == UI_SCREEN_ENDING && app->play.s) {
            ui_screen_debrief_free(app);
            debrief_free(app->play.d);
            app->play.d = debrief_new(app->play.s);
            if (app->play.d && ui_screen_debrief_prepare(app)) {
                app->play.note[0] = '\0';
                app->screen = UI_SCREEN_DEBRIEF;
                ui_app_reset_view(app);
            }
        }
        break;
    case UI_ACT_REPLAY:
    case UI_ACT_RESTART:
        ui_app_set_overlay(app, UI_OVERLAY_NONE);
        if (app->play.sc) {
            ui_app_new_session(app);
        }
        break;
    case UI_ACT_PICKER:
        ui_app_set_overlay(app, UI_OVERLAY_NONE);
        ui_results_call_end(app, true);
        ui_app_end_play(app);
        SDL_SetWindowTitle(app->window, "Rapport");
        app->screen = UI_SCREEN_PICKER;
        ui_app_reset_view(app);
        /* Interrupted calls not yet answered (after a resumed one). */
        ui_results_recover_next(app);
        break;
    case UI_ACT_QUIT:
        /* Quitting on purpose ends a call in progress without saving it
         * (its journal goes too); closing the window does not. */
        ui_results_call_end(app, true);
        app->running = false;
        break;
    case UI_ACT_MENU:
        ui_app_set_overlay(app, UI_OVERLAY_MENU);
        break;
    case UI_ACT_RESUME:
    case UI_ACT_CLOSE_DIAG:
        ui_app_set_overlay(app, UI_OVERLAY_NONE);
        break;
    case UI_ACT_SETTINGS:
        ui_app_set_overlay(app, UI_OVERLAY_SETTINGS);
        break;
    case UI_ACT_BACK:
        ui_app_set_overlay(app, UI_OVERLAY_MENU);
        break;
    case UI_ACT_TEXT_SMALLER:
        if (app->set.text_scale > 0.85) {
            app->set.text_scale -= 0.1;
            ui_app_save_prefs(app, UI_PREFS_TEXT_SCALE);
        }
        break;
    case UI_ACT_TEXT_LARGER:
        if (app->set.text_scale < 1.45) {
            app->set.text_scale += 0.1;
            ui_app_save_prefs(app, UI_PREFS_TEXT_SCALE);
        }
        break;
    case UI_ACT_CONTRAST:
        app->set.high_contrast = !app->set.high_contrast;
        ui_app_save_prefs(app, UI_PREFS_HIGH_CONTRAST);
        break;
    case UI_ACT_FEEDBACK_MODE:
        app->set.feedback = app->set.feedback == UI_FEEDBACK_IMMEDIATE
                                ? UI_FEEDBACK_WITHHELD
                                : UI_FEEDBACK_IMMEDIATE;
        ui_app_save_prefs(app, UI_PREFS_FEEDBACK);
        break;
    case UI_ACT_RELAXED:
        app->set.relaxed = !app->set.relaxed;
        ui_app_save_prefs(app, UI_PREFS_RELAXED);
        break;
    case UI_ACT_SHUFFLE:
        app->set.shuffle = !app->set.shuffle;
        ui_app_save_prefs(app, UI_PREFS_SHUFFLE);
        break;
    case UI_ACT_FULLSCREEN:
        ui_app_toggle_fullscreen(app);
        break;
    }
}

/* ---- input ------------------------------------------------------------- */

static void ui_app_window_to_pixels(const ui_app *app, int *x, int *y)
{
    int ww = 0;
    int wh = 0;
    SDL_GetWindowSize(app->window, &ww, &wh);
    if (ww > 0 && wh > 0) {
        *x = (int)((long)*x * app->lay.w / ww);
        *y = (int)((long)*y * app->lay.h / wh);
    }
    *x = ui_mirror_x(app, *x);
}

static void ui_app_mouse_at(ui_app *app, int wx, int wy)
{
    ui_app_window_to_pixels(app, &wx, &wy);
    app->mouse_x = wx;
    app->mouse_y = wy;
    app->mouse_in = true;
    const ui_hit *h = ui_app_hit_at(app, wx, wy);
    ui_action a = h ? h->action : UI_ACT_NONE;
    int arg = h ? h->arg : 0;
    if (a != app->hover_action || arg != app->hover_arg) {
        app->hover_action = a;
        app->hover_arg = arg;
        app->dirty = true;
    }
}

static void ui_app_wheel(ui_app *app, const SDL_MouseWheelEvent *w)
{
    int x = w->mouseX;
    int y = w->mouseY;
    ui_app_window_to_pixels(app, &x, &y);
    int dy = w->y;
    if (w->direction == SDL_MOUSEWHEEL_FLIPPED) {
        dy = -dy;
    }
    for (int i = UI_SCROLL_COUNT - 1; i >= 0; i--) {
        ui_scroll *s = &app->scroll[i];
        if (s->active && ui_layout_contains(s->view, x, y)) {
            s->offset -=
                dy * 3 *
                ui_text_line_height(app->text, app->lay.px_body, false);
            app->dirty = true;
            return;
        }
    }
}

static void ui_app_key(ui_app *app, const SDL_Keysym *key)
{
    if (app->editing_name || app->editing_folder) {
        ui_app_edit_key(app, key);
        return;
    }
    if (app->blanked) {
        app->blanked = false;
        ui_app_pause_update(app);
        app->dirty = true;
        return;
    }
    bool ctrl = (key->mod & KMOD_CTRL) != 0;
    switch (key->sym) {
    case SDLK_F11:
        ui_app_toggle_fullscreen(app);
        return;
    case SDLK_b:
    case SDLK_PERIOD:
        if (!ctrl) {
            app->blanked = true;
            ui_app_pause_update(app);
            app->dirty = true;
            return;
        }
        break;
    case SDLK_F5:
    case SDLK_r:
        if ((key->sym == SDLK_F5 || ctrl) &&
            (app->overlay == UI_OVERLAY_RESULTS ||
             app->overlay == UI_OVERLAY_RECOVER)) {
            return; /* the notices must be answered first */
        }
        if (key->sym == SDLK_F5 || ctrl) {
            /* Any screen, any menu: the menu closes, the file is read
             * again (or, on the picker, the list). */
            ui_app_set_overlay(app, UI_OVERLAY_NONE);
            ui_app_reload(app);
            return;
        }
        break;
    default:
        break;
    }
    if (app->overlay != UI_OVERLAY_NONE) {
        ui_screen_overlay_key(app, key);
        return;
    }
    if (key->sym == SDLK_ESCAPE && app->screen != UI_SCREEN_BRIEFING) {
        ui_app_do(app, UI_ACT_MENU, 0);
        return;
    }
    switch (app->screen) {
    case UI_SCREEN_PICKER:
        ui_screen_picker_key(app, key);
        break;
    case UI_SCREEN_BRIEFING:
        ui_screen_briefing_key(app, key);
        break;
    case UI_SCREEN_PLAY:
    case UI_SCREEN_FEEDBACK:
    case UI_SCREEN_ENDING:
        ui_screen_play_key(app, key);
        break;
    case UI_SCREEN_DEBRIEF:
        ui_screen_debrief_key(app, key);
        break;
    case UI_SCREEN_CLASS:
        ui_class_key(app, key);
        break;
    }
}

/* Pointer events to ignore: the mouse events SDL makes up from touches
 * (the finger events themselves are handled, so a tap must not count
 * twice), and during a scripted run any mouse or touch input that does
 * not come from the script. */
static bool ui_app_foreign_pointer(const ui_app *app, const SDL_Event *ev)
{
    Uint32 which = 0;
    switch (ev->type) {
    case SDL_MOUSEMOTION:
        which = ev->motion.which;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        which = ev->button.which;
        break;
    case SDL_MOUSEWHEEL:
        which = ev->wheel.which;
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        return app->opt.scripted && ev->tfinger.touchId != UI_SCRIPT_TOUCH_ID;
    default:
        return false;
    }
    if (which == SDL_TOUCH_MOUSEID) {
        return true;
    }
    return app->opt.scripted && which != UI_SCRIPT_MOUSE_ID;
}

static int ui_app_scroll_at(const ui_app *app, int x, int y)
{
    for (int i = UI_SCROLL_COUNT - 1; i >= 0; i--) {
        const ui_scroll *s = &app->scroll[i];
        if (s->active && ui_layout_contains(s->view, x, y)) {
            return i;
        }
    }
    return -1;
}

static void ui_app_unblank(ui_app *app)
{
    app->blanked = false;
    ui_app_pause_update(app);
    app->dirty = true;
}

/* Touch: a tap works as a click on what it lands on (down and up on the
 * same card or button); a finger that moves further than the smallest
 * text size is a drag, which scrolls the area it started in instead.
 * Positions come normalised to the window (0..1). */
static void ui_app_finger(ui_app *app, const SDL_TouchFingerEvent *f)
{
    int x = ui_mirror_x(app, (int)(f->x * (float)app->lay.w));
    int y = (int)(f->y * (float)app->lay.h);
    if (f->type == SDL_FINGERDOWN) {
        if (app->finger_down) {
            return; /* one finger at a time */
        }
        app->finger_down = true;
        app->finger = f->fingerId;
        app->finger_x0 = x;
        app->finger_y0 = y;
        app->finger_y = y;
        app->finger_dragged = false;
        const ui_hit *h = app->blanked ? NULL : ui_app_hit_at(app, x, y);
        app->finger_action = h ? h->action : UI_ACT_NONE;
        app->finger_arg = h ? h->arg : 0;
        app->finger_scroll = app->blanked ? -1 : ui_app_scroll_at(app, x, y);
        return;
    }
    if (!app->finger_down || f->fingerId != app->finger) {
        return;
    }
    if (f->type == SDL_FINGERMOTION) {
        int slop = app->lay.px_min;
        if (abs(x - app->finger_x0) > slop || abs(y - app->finger_y0) > slop) {
            app->finger_dragged = true;
        }
        if (app->finger_dragged && app->finger_scroll >= 0) {
            app->scroll[app->finger_scroll].offset -= y - app->finger_y;
            app->dirty = true;
        }
        app->finger_y = y;
        return;
    }
    /* SDL_FINGERUP */
    app->finger_down = false;
    if (app->blanked) {
        ui_app_unblank(app);
        return;
    }
    if (app->finger_dragged) {
        return;
    }
    const ui_hit *h = ui_app_hit_at(app, x, y);
    if ((app->editing_name && (!h || h->action != UI_ACT_NAME)) ||
        (app->editing_folder && (!h || h->action != UI_ACT_FOLDER))) {
        ui_app_finish_name(app);
    }
    if (h && app->finger_action != UI_ACT_NONE &&
        h->action == app->finger_action && h->arg == app->finger_arg) {
        ui_app_do(app, h->action, h->arg);
    }
}

static void ui_app_event(ui_app *app, const SDL_Event *ev)
{
    if (ui_app_foreign_pointer(app, ev)) {
        return;
    }
    switch (ev->type) {
    case SDL_QUIT:
        app->running = false;
        break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_LEAVE && !app->opt.scripted) {
            app->mouse_in = false;
        }
        app->dirty = true;
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        ui_portrait_cache_clear(&app->portrait);
        ui_text_clear(app->text);
        app->dirty = true;
        break;
    case SDL_KEYDOWN:
        ui_app_key(app, &ev->key.keysym);
        break;
    case SDL_MOUSEMOTION:
        ui_app_mouse_at(app, ev->motion.x, ev->motion.y);
        break;
    case SDL_MOUSEBUTTONDOWN:
        ui_app_mouse_at(app, ev->button.x, ev->button.y);
        if (app->blanked) {
            break;
        }
        app->press_action = app->hover_action;
        app->press_arg = app->hover_arg;
        break;
    case SDL_MOUSEBUTTONUP:
        ui_app_mouse_at(app, ev->button.x, ev->button.y);
        if (app->blanked) {
            ui_app_unblank(app);
            break;
        }
        if ((app->editing_name && app->hover_action != UI_ACT_NAME) ||
            (app->editing_folder && app->hover_action != UI_ACT_FOLDER)) {
            ui_app_finish_name(app);
        }
        if (ev->button.button == SDL_BUTTON_LEFT &&
            app->press_action != UI_ACT_NONE &&
            app->press_action == app->hover_action &&
            app->press_arg == app->hover_arg) {
            app->press_action = UI_ACT_NONE;
            ui_app_do(app, app->hover_action, app->hover_arg);
        }
        break;
    case SDL_MOUSEWHEEL:
        ui_app_wheel(app, &ev->wheel);
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        ui_app_finger(app, &ev->tfinger);
        break;
    case SDL_TEXTINPUT:
        if (app->editing_name || app->editing_folder) {
            ui_app_edit_text(app, ev->text.text);
        }
        break;
    default:
        break;
    }
}

/* ---- drawing ------------------------------------------------------------ */

static void ui_app_frame_to(ui_app *app, const char *shot, bool *shot_ok)
{
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(app->renderer, &w, &h);
    app->theme = ui_theme_get(app->set.high_contrast);
    ui_layout_compute(&app->lay, w, h, app->set.text_scale,
                      app->theme->border_scale);
    if (app->screen == UI_SCREEN_CLASS) {
        ui_class_layout(app);
    }
    ui_text_begin_frame(app->text);
    app->hit_count = 0;
    app->focusables = 0;
    for (int i = 0; i < UI_SCROLL_COUNT; i++) {
        app->scroll[i].active = false;
    }
    SDL_SetRenderDrawBlendMode(app->renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderSetClipRect(app->renderer, NULL);
    ui_mirror_begin_frame(app);
    if (app->blanked) {
        SDL_SetRenderDrawColor(app->renderer, 0, 0, 0, 0xFF);
        SDL_RenderClear(app->renderer);
    } else {
        SDL_Color bg = app->theme->bg;
        SDL_SetRenderDrawColor(app->renderer, bg.r, bg.g, bg.b, 0xFF);
        SDL_RenderClear(app->renderer);
        switch (app->screen) {
        case UI_SCREEN_PICKER:
            ui_screen_picker_draw(app);
            break;
        case UI_SCREEN_BRIEFING:
            ui_screen_briefing_draw(app);
            break;
        case UI_SCREEN_PLAY:
        case UI_SCREEN_FEEDBACK:
        case UI_SCREEN_ENDING:
            ui_screen_play_draw(app);
            break;
        case UI_SCREEN_DEBRIEF:
            ui_screen_debrief_draw(app);
            break;
        case UI_SCREEN_CLASS:
            ui_class_draw(app);
            break;
        }
        const SDL_Rect *rects = NULL;
        app->overlay_text_start = ui_text_frame_rects(app->text, &rects);
        if (app->overlay != UI_OVERLAY_NONE) {
            /* Only the overlay takes clicks. */
            app->hit_count = 0;
            app->focusables = 0;
            for (int i = 0; i < UI_SCROLL_COUNT; i++) {
                app->scroll[i].active = false;
            }
            ui_screen_overlay_draw(app);
        }
    }
    if (shot) {
        *shot_ok = ui_png_write_screen(app->renderer, w, h, shot);
    }
    if (app->opt.scripted) {
        bool shot = false;
        char name[96];
        ui_script_after_frame(app, &shot, name, sizeof name);
        if (shot && app->opt.screenshot_dir) {
            char *path = ui_app_join(app->opt.screenshot_dir, name);
            if (!path || !ui_png_write_screen(app->renderer, w, h, path)) {
                fprintf(stderr, _("rapport play: error: screenshot %s: %s\n"),
                        path ? path : name, SDL_GetError());
                app->exit_code = 1;
                app->running = false;
            }
            free(path);
        }
    }
    SDL_RenderPresent(app->renderer);
    app->dirty = false;
}

static void ui_app_frame(ui_app *app) { ui_app_frame_to(app, NULL, NULL); }

void ui_app_redraw(ui_app *app) { ui_app_frame(app); }

bool ui_app_screenshot(ui_app *app, const char *path)
{
    bool ok = false;
    ui_app_frame_to(app, path, &ok);
    return ok;
}

/* The play screen would look different now than when last drawn (a new
 * word of the reveal, the options appearing, new seconds). */
static bool ui_app_play_changed(const ui_app *app)
{
    const ui_play *p = &app->play;
    if (app->screen == UI_SCREEN_CLASS) {
        return ui_class_changed(app);
    }
    return app->screen == UI_SCREEN_PLAY && p->s &&
           (ui_app_words_shown(app) != p->drawn_words ||
            ui_app_revealing(app) != p->drawn_revealing ||
            ui_app_elapsed_ms(app) / 1000 != p->drawn_second ||
            ui_app_patience_s(app) != p->drawn_patience);
}

void ui_app_step(ui_app *app)
{
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) {
        ui_app_event(app, &ev);
    }
    ui_app_tick(app);
    if (ui_app_play_changed(app)) {
        app->dirty = true;
    }
    if (app->dirty) {
        ui_app_frame(app);
    }
}

int ui_app_run(ui_app *app)
{
    app->running = true;
    app->dirty = true;
    while (app->running) {
        if (app->dirty) {
            ui_app_frame(app);
            if (!app->running) {
                break;
            }
        }
        SDL_Event ev;
        if (app->opt.scripted && app->script_holding) {
            /* --hold: nothing more to play; wait for the window to be
             * closed (or the process to be stopped). */
            if (SDL_WaitEvent(&ev) == 1) {
                ui_app_event(app, &ev);
            }
        } else if (app->opt.scripted) {
            SDL_PumpEvents();
            if (SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT,
                               SDL_LASTEVENT) == 0) {
                ui_script_drive(app);
            }
            while (SDL_PollEvent(&ev)) {
                ui_app_event(app, &ev);
            }
        } else {
            int wait = ui_app_next_change_ms(app);
            bool got = wait < 0 ? SDL_WaitEvent(&ev) == 1
                                : SDL_WaitEventTimeout(&ev, wait) == 1;
            if (got) {
                ui_app_event(app, &ev);
                while (SDL_PollEvent(&ev)) {
                    ui_app_event(app, &ev);
                }
            }
            if (wait >= 0 && ui_app_play_changed(app)) {
                app->dirty = true; /* a word, the options, the seconds */
            }
        }
        ui_app_tick(app);
    }
    return app->exit_code;
}

/* ---- life cycle --------------------------------------------------------- */

ui_app *ui_app_new(const ui_app_options *options, char *err, size_t errlen)
{
    ui_app *app = calloc(1, sizeof *app);
    if (!app) {
        snprintf(err, errlen, "%s", _("out of memory"));
        return NULL;
    }
    app->opt = *options;
    if (app->opt.scripted) {
        app->opt.virtual_clock = true;
        app->opt.software = true;
    }
    /* Remembered settings, overridden for this run by the options. */
    ui_prefs pr;
    char warn[600];
    (void)ui_prefs_load(options->config_dir, &pr, warn, sizeof warn);
    if (warn[0]) {
        fprintf(stderr, _("rapport play: warning: %s\n"), warn);
    }
    app->set.high_contrast = options->high_contrast || pr.high_contrast;
    app->set.relaxed = options->relaxed || pr.relaxed;
    app->set.shuffle = !options->no_shuffle && pr.shuffle;
    app->set.fullscreen = options->fullscreen || pr.fullscreen;
    app->set.text_scale =
        options->text_scale > 0.0 ? options->text_scale : pr.text_scale;
    app->set.mode = options->mode_set                ? options->mode
                    : (pr.have & UI_PREFS_MODE) != 0 ? pr.mode
                                                     : UI_MODE_PRACTICE;
    if (options->feedback_set) {
        app->set.feedback = options->feedback;
    } else if (!options->mode_set && (pr.have & UI_PREFS_FEEDBACK) != 0) {
        app->set.feedback = pr.feedback;
    } else {
        app->set.feedback = ui_app_mode_feedback(app->set.mode);
    }
    snprintf(app->trainee, sizeof app->trainee, "%s", pr.trainee);
    ui_lang_setting_start(app, &pr);
    app->finger_scroll = -1;
    app->focus = -1;
    app->theme = ui_theme_get(app->set.high_contrast);
    app->asset_dir = font_bundled_dir(RAPPORT_ASSET_DIR);
    app->scenario_dir =
        ui_app_find_dir("RAPPORT_SCENARIO_DIR", "scenarios",
                        UI_APP_DEFAULT_SCENARIO, RAPPORT_SCENARIO_DIR);
    if (!app->asset_dir || !app->scenario_dir) {
        snprintf(err, errlen, "%s", _("out of memory"));
        ui_app_free(app);
        return NULL;
    }
    if (app->opt.software) {
        /* Software all the way: no OpenGL behind the window surface
         * either, so pixels are the same under X11 as headless. */
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    /* Touch is handled as touch: no mouse events made up from fingers (a
     * tap would count twice), no finger events made up from the mouse. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, errlen, _("cannot start SDL video: %s"), SDL_GetError());
        free(app->asset_dir);
        free(app->scenario_dir);
        free(app);
        return NULL;
    }
    if (TTF_Init() != 0) {
        snprintf(err, errlen, _("cannot start SDL_ttf: %s"), TTF_GetError());
        SDL_Quit();
        free(app->asset_dir);
        free(app->scenario_dir);
        free(app);
        return NULL;
    }
    int w = options->width;
    int h = options->height;
    if (w <= 0 || h <= 0) {
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0 && mode.w > 0) {
            w = mode.w * 4 / 5;
            h = mode.h * 4 / 5;
        } else {
            w = 1280;
            h = 800;
        }
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (app->set.fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    app->window = SDL_CreateWindow("Rapport", SDL_WINDOWPOS_CENTERED,
                                   SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!app->window) {
        snprintf(err, errlen, _("cannot open a window: %s"), SDL_GetError());
        ui_app_free(app);
        return NULL;
    }
    SDL_SetWindowMinimumSize(app->window, 320, 240);
    Uint32 rflags = app->opt.software
                        ? SDL_RENDERER_SOFTWARE
                        : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
    app->renderer = SDL_CreateRenderer(app->window, -1, rflags);
    if (app->renderer && !app->opt.software && !getenv("SDL_RENDER_DRIVER") &&
        ui_draw_gl_is_emulated(app->renderer)) {
        SDL_DestroyRenderer(app->renderer);
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        app->renderer =
            SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!app->renderer && !app->opt.software) {
        app->renderer =
            SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!app->renderer) {
        snprintf(err, errlen, _("cannot create a renderer: %s"),
                 SDL_GetError());
        ui_app_free(app);
        return NULL;
    }
    char *regular = ui_app_join(app->asset_dir, FONT_BUNDLED_REGULAR);
    char *bold = ui_app_join(app->asset_dir, FONT_BUNDLED_BOLD);
    app->text =
        regular && bold ? ui_text_new(app->renderer, regular, bold) : NULL;
    free(regular);
    free(bold);
    if (!app->text) {
        snprintf(err, errlen,
                 _("cannot load the fonts from %s: %s (set "
                   "RAPPORT_ASSET_DIR to the folder holding fonts/)"),
                 app->asset_dir, SDL_GetError());
        ui_app_free(app);
        return NULL;
    }
    int pw = 0;
    int ph = 0;
    SDL_GetRendererOutputSize(app->renderer, &pw, &ph);
    ui_layout_compute(&app->lay, pw, ph, app->set.text_scale,
                      app->theme->border_scale);
    /* SDL starts text input by default; only the name field wants it. */
    SDL_StopTextInput();
    if (app->opt.trainee) {
        snprintf(app->trainee, sizeof app->trainee, "%s", app->opt.trainee);
    }
    ui_picks_load(app, NULL);
    app->screen = UI_SCREEN_PICKER;
    app->dirty = true;
    app->wall_origin = ui_app_now(app);
    if (options->results_dir && options->results_dir[0]) {
        app->results_dir = strdup(options->results_dir);
        if (!app->results_dir) {
            snprintf(err, errlen, "%s", _("out of memory"));
            ui_app_free(app);
            return NULL;
        }
        /* Calls a stopped program left unsaved, before anything else. */
        ui_results_recover_scan(app);
    }
    if (app->opt.classroom && app->pick_count > 0) {
        ui_class_open(app, app->picks[app->pick_selected].path);
    } else if (app->opt.start && app->pick_count > 0) {
        if (app->overlay == UI_OVERLAY_RECOVER) {
            app->pending_start = true;
        } else {
            ui_app_start(app, app->picks[app->pick_selected].path);
        }
    }
    return app;
}

void ui_app_free(ui_app *app)
{
    if (!app) {
        return;
    }
    ui_app_end_play(app);
    ui_results_recover_free(app);
    free(app->results_dir);
    ui_picks_free(app);
    ui_portrait_cache_clear(&app->portrait);
    ui_text_free(app->text);
    if (app->renderer) {
        SDL_DestroyRenderer(app->renderer);
    }
    if (app->window) {
        SDL_DestroyWindow(app->window);
    }
    free(app->diag_title);
    free(app->diag_text);
    free(app->asset_dir);
    free(app->scenario_dir);
    free(app);
    TTF_Quit();
    SDL_Quit();
}

ui_screen_id ui_app_screen(const ui_app *app) { return app->screen; }

bool ui_app_overlay_open(const ui_app *app)
{
    return app->overlay != UI_OVERLAY_NONE;
}

struct ui_text *ui_app_text(ui_app *app) { return app->text; }

void ui_app_size(const ui_app *app, int *w, int *h)
{
    SDL_GetRendererOutputSize(app->renderer, w, h);
}

void ui_app_resize(ui_app *app, int w, int h)
{
    SDL_SetWindowSize(app->window, w, h);
    app->dirty = true;
}
