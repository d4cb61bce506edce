/* ui_script.c — scripted runs: after each frame, name the screen (for its
 * screenshot) and push the input a trainee would give there, as key
 * presses, mouse clicks or finger taps through SDL's event queue, so the
 * real input path is exercised. Response times come from the script on
 * the app's virtual clock and count from the moment the options appear.
 * The customer's words are revealed first: on odd turns the script skips
 * the reveal halfway through (Space, a click, a tap), on even turns it
 * lets the virtual clock run to its end; either way some turn time
 * passes before the options appear, and none of it is response time.
 * The briefing is passed with Enter, a click or a tap on Start; a notice
 * of an interrupted call is answered as --on-journal says; a save notice
 * is answered Don't save, and the run then fails. With --hold the run
 * waits on the turn after the script's last choice. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_class.h"
#include "ui_internal.h"
#include "ui_mirror.h"

/* After this many frames on the same screen the run is stuck. */
#define UI_SCRIPT_MAX_STUCK 40

static void ui_script_state(const ui_app *app, char *out, size_t len)
{
    if (app->overlay == UI_OVERLAY_DIAG) {
        snprintf(out, len, "diagnostics");
        return;
    }
    if (app->overlay == UI_OVERLAY_RECOVER) {
        snprintf(out, len, "recovery%s-%zu",
                 app->recover_confirm ? "-confirm" : "", app->recover_next);
        return;
    }
    if (app->overlay == UI_OVERLAY_RESULTS) {
        snprintf(out, len, "%s",
                 app->notice == UI_NOTICE_SAVE ? "save-failed"
                                               : "journal-failed");
        return;
    }
    size_t turns = app->play.s ? session_turn_count(app->play.s) : 0;
    if (app->screen == UI_SCREEN_CLASS) {
        ui_class_state_name(app, out, len);
        return;
    }
    if (ui_app_revealing(app)) {
        out[0] = '\0'; /* no screenshot until the options are shown */
        return;
    }
    switch (app->screen) {
    case UI_SCREEN_PICKER:
        snprintf(out, len, "picker");
        break;
    case UI_SCREEN_BRIEFING:
        snprintf(out, len, "briefing");
        break;
    case UI_SCREEN_PLAY:
        snprintf(out, len, "turn-%zu", turns + 1);
        break;
    case UI_SCREEN_FEEDBACK:
        snprintf(out, len, "feedback-%zu", turns);
        break;
    case UI_SCREEN_ENDING:
        snprintf(out, len, "ending");
        break;
    case UI_SCREEN_DEBRIEF:
    case UI_SCREEN_CLASS:
        snprintf(out, len, "debrief");
        break;
    }
}

void ui_script_after_frame(ui_app *app, bool *want_shot, char *name,
                           size_t name_len)
{
    char state[64];
    ui_script_state(app, state, sizeof state);
    *want_shot = false;
    if (state[0] && strcmp(state, app->script_last_state) != 0) {
        snprintf(app->script_last_state, sizeof app->script_last_state, "%s",
                 state);
        snprintf(name, name_len, "%02zu-%s.png", app->script_shots, state);
        app->script_shots++;
        app->script_stuck = 0;
        *want_shot = true;
    }
}

static void ui_script_fail(ui_app *app, const char *msg)
{
    fprintf(stderr, _("rapport play: error: %s\n"), msg);
    app->exit_code = 1;
    app->running = false;
}

void ui_script_key_mod(ui_app *app, SDL_Keycode sym, Uint16 mod)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.windowID = SDL_GetWindowID(app->window);
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = sym;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
    ev.key.keysym.mod = mod;
    SDL_PushEvent(&ev);
}

static void ui_script_key(ui_app *app, SDL_Keycode sym)
{
    ui_script_key_mod(app, sym, KMOD_NONE);
}

/* Physical pixels to window coordinates, for synthetic mouse events. */
static void ui_script_to_window(const ui_app *app, int *x, int *y)
{
    int ww = 0;
    int wh = 0;
    SDL_GetWindowSize(app->window, &ww, &wh);
    *x = ui_mirror_x(app, *x);
    if (app->lay.w > 0 && app->lay.h > 0) {
        *x = (int)((long)*x * ww / app->lay.w);
        *y = (int)((long)*y * wh / app->lay.h);
    }
}

static void ui_script_click_at(ui_app *app, int x, int y)
{
    ui_script_to_window(app, &x, &y);
    Uint32 win = SDL_GetWindowID(app->window);
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEMOTION;
    ev.motion.windowID = win;
    ev.motion.which = UI_SCRIPT_MOUSE_ID;
    ev.motion.x = x;
    ev.motion.y = y;
    SDL_PushEvent(&ev);
    for (int i = 0; i < 2; i++) {
        memset(&ev, 0, sizeof ev);
        ev.type = i == 0 ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        ev.button.windowID = win;
        ev.button.which = UI_SCRIPT_MOUSE_ID;
        ev.button.button = SDL_BUTTON_LEFT;
        ev.button.state = i == 0 ? SDL_PRESSED : SDL_RELEASED;
        ev.button.clicks = 1;
        ev.button.x = x;
        ev.button.y = y;
        SDL_PushEvent(&ev);
    }
}

/* A finger event at physical pixels (x, y). */
static void ui_script_finger(ui_app *app, Uint32 type, int x, int y, int dy)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.tfinger.touchId = UI_SCRIPT_TOUCH_ID;
    ev.tfinger.fingerId = 1;
    ev.tfinger.x = ((float)ui_mirror_x(app, x) + 0.5f) / (float)app->lay.w;
    ev.tfinger.y = (float)y / (float)app->lay.h;
    ev.tfinger.dy = (float)dy / (float)app->lay.h;
    ev.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    ev.tfinger.windowID = SDL_GetWindowID(app->window);
    SDL_PushEvent(&ev);
}

static void ui_script_tap_at(ui_app *app, int x, int y)
{
    ui_script_finger(app, SDL_FINGERDOWN, x, y, 0);
    ui_script_finger(app, SDL_FINGERUP, x, y, 0);
}

/* A finger drawn up the middle of the area by half its height: the
 * content moves up, as a wheel turned down would move it. */
static void ui_script_drag_up(ui_app *app, SDL_Rect over)
{
    int x = over.x + over.w / 2;
    int y0 = over.y + over.h * 3 / 4;
    int y1 = over.y + over.h / 4;
    ui_script_finger(app, SDL_FINGERDOWN, x, y0, 0);
    ui_script_finger(app, SDL_FINGERMOTION, x, (y0 + y1) / 2, (y1 - y0) / 2);
    ui_script_finger(app, SDL_FINGERMOTION, x, y1, (y1 - y0) / 2);
    ui_script_finger(app, SDL_FINGERUP, x, y1, 0);
}

/* A click or a tap, as the run's input says. */
static void ui_script_point_at(ui_app *app, int x, int y)
{
    if (app->opt.input == UI_INPUT_TOUCH) {
        ui_script_tap_at(app, x, y);
    } else {
        ui_script_click_at(app, x, y);
    }
}

static void ui_script_wheel_down(ui_app *app, SDL_Rect over)
{
    int x = over.x + over.w / 2;
    int y = over.y + over.h / 2;
    ui_script_to_window(app, &x, &y);
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEWHEEL;
    ev.wheel.windowID = SDL_GetWindowID(app->window);
    ev.wheel.which = UI_SCRIPT_MOUSE_ID;
    ev.wheel.y = -1;
    ev.wheel.preciseY = -1.0f;
    ev.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    ev.wheel.mouseX = x;
    ev.wheel.mouseY = y;
    SDL_PushEvent(&ev);
}

/* Clicks (or taps) a hit, scrolling its area first (UI_SCROLL_COUNT:
 * none) when it is not visible enough. Returns false when there is no
 * such hit and nothing to scroll. */
bool ui_script_click(ui_app *app, ui_action action, int arg, ui_scroll_id area)
{
    const ui_hit *h = ui_app_find_hit(app, action, arg);
    int min_h = app->lay.px_min;
    if (h && h->rect.h >= min_h) {
        ui_script_point_at(app, h->rect.x + h->rect.w / 2,
                           h->rect.y + h->rect.h / 2);
        return true;
    }
    if (area >= UI_SCROLL_COUNT) {
        return false; /* nothing to scroll */
    }
    const ui_scroll *s = &app->scroll[area];
    if (s->active && s->offset < s->content - s->view.h) {
        if (app->opt.input == UI_INPUT_TOUCH) {
            ui_script_drag_up(app, s->view);
        } else {
            ui_script_wheel_down(app, s->view);
        }
        return true;
    }
    return false;
}

static void ui_script_play(ui_app *app)
{
    session *s = app->play.s;
    size_t played = session_turn_count(s);
    /* After a resumed call's replayed turns, the script goes on. */
    size_t turn = played >= app->script_base ? played - app->script_base : 0;
    char msg[256];
    if (turn >= app->opt.script_count && app->opt.hold) {
        if (ui_app_revealing(app)) {
            app->clock = ui_app_clock_at_turn_ms(app, app->play.reveal_ms);
            app->dirty = true;
            return;
        }
        fprintf(stderr,
                P_("rapport play: holding at turn %zu after the script's %zu "
                   "choice (--hold); close the window or stop the process\n",
                   "rapport play: holding at turn %zu after the script's %zu "
                   "choices (--hold); close the window or stop the process\n",
                   turn),
                played + 1, turn);
        app->script_holding = true;
        return;
    }
    if (turn >= app->opt.script_count) {
        snprintf(msg, sizeof msg,
                 P_("the script ended after %zu choice but the call has not "
                    "reached an ending (turn %zu, node '%s', options 1-%zu); "
                    "add more choices",
                    "the script ended after %zu choices but the call has not "
                    "reached an ending (turn %zu, node '%s', options 1-%zu); "
                    "add more choices",
                    turn),
                 turn, played + 1, session_node(s)->id,
                 session_offered_count(s));
        ui_script_fail(app, msg);
        return;
    }
    int at = choices_resolve(s, &app->opt.script[turn], msg, sizeof msg);
    if (at < 0) {
        ui_script_fail(app, msg);
        return;
    }
    int choice = at + 1;
    if (ui_app_revealing(app)) {
        uint64_t end = app->play.reveal_ms;
        if (turn % 2 == 1) {
            /* Even turns (1-based): the words run out on their own. */
            app->clock = ui_app_clock_at_turn_ms(app, end);
            app->dirty = true;
            return;
        }
        app->clock = ui_app_clock_at_turn_ms(app, end / 2);
        if (app->opt.input == UI_INPUT_KEYS) {
            ui_script_key(app, SDLK_SPACE);
        } else if (!ui_script_click(app, UI_ACT_REVEAL, 0, UI_SCROLL_COUNT)) {
            ui_script_fail(app,
                           _("cannot reach the speech to skip its reveal"));
        }
        return;
    }
    int ms = turn < app->opt.time_count ? app->opt.times_ms[turn]
                                        : session_target_ms(s);
    uint64_t answer_at =
        ui_app_clock_at_turn_ms(app, app->play.reveal_ms + (uint64_t)ms);
    if (app->opt.input == UI_INPUT_KEYS) {
        app->clock = answer_at;
        ui_script_key(app, SDLK_1 + (choice - 1));
        return;
    }
    const ui_hit *h = ui_app_find_hit(app, UI_ACT_CHOOSE, choice - 1);
    if (h && h->rect.h >= app->lay.px_min) {
        app->clock = answer_at;
    }
    if (!ui_script_click(app, UI_ACT_CHOOSE, choice - 1, UI_SCROLL_OPTIONS)) {
        ui_script_fail(app, _("cannot reach the option card to click"));
    }
}

static void ui_script_press(ui_app *app, SDL_Keycode key, ui_action action,
                            ui_scroll_id area)
{
    if (app->opt.input == UI_INPUT_KEYS) {
        ui_script_key(app, key);
    } else if (!ui_script_click(app, action, 0, area)) {
        ui_script_fail(app, _("cannot reach the button to click"));
    }
}

/* The notice of an interrupted call, answered as --on-journal says. */
static void ui_script_recover(ui_app *app)
{
    static const char *const names[] = {"", "resume", "save", "discard",
                                        "later"};
    ui_journal_answer a = app->opt.on_journal;
    char msg[UI_FOLDER_MAX + 640];
    if (a == UI_JOURNAL_ASK) {
        snprintf(msg, sizeof msg,
                 _("an interrupted call was found in %s/in-progress; answer "
                   "it with --on-journal resume|save|discard|later"),
                 app->results_dir ? app->results_dir
                                  : _("the results folder"));
        ui_script_fail(app, msg);
        return;
    }
    ui_action act = UI_ACT_RECOVER_LATER;
    SDL_Keycode key = SDLK_l;
    if (app->recover_confirm) {
        act = UI_ACT_RECOVER_CONFIRM;
        key = SDLK_y;
    } else if (a == UI_JOURNAL_RESUME) {
        act = UI_ACT_RECOVER_RESUME;
        key = SDLK_r;
    } else if (a == UI_JOURNAL_SAVE) {
        act = UI_ACT_RECOVER_SAVE;
        key = SDLK_s;
    } else if (a == UI_JOURNAL_DISCARD) {
        act = UI_ACT_RECOVER_DISCARD;
        key = SDLK_d;
    }
    if (!ui_app_find_hit(app, act, 0)) {
        /* TRANSLATORS: the journal, the --on-journal word (resume,
         * save...), why not. */
        snprintf(msg, sizeof msg, _("%s: cannot %s it: %s"),
                 app->recover.path ? app->recover.path : _("journal"),
                 names[a],
                 app->recover.problem ? app->recover.problem
                 : app->recover.changed
                     ? _("its scenario file has changed since it was played "
                         "(it can only be saved)")
                     : _("the notice does not offer it"));
        ui_script_fail(app, msg);
        return;
    }
    if (app->recover_msg[0]) {
        /* The last answer failed (e.g. the save). */
        snprintf(msg, sizeof msg, "%s", app->recover_msg);
        ui_script_fail(app, msg);
        return;
    }
    if (app->opt.input == UI_INPUT_KEYS) {
        ui_script_key(app, key);
    } else if (!ui_script_click(app, act, 0, UI_SCROLL_COUNT)) {
        ui_script_fail(app, _("cannot reach the notice's button to click"));
    }
}

/* The save notice: a scripted run does not type folders; it goes on
 * without saving, and fails at the end. */
static void ui_script_unsaved(ui_app *app)
{
    fprintf(stderr,
            _("rapport play: error: %s; the call is not saved (a scripted "
              "run answers Don't save)\n"),
            app->notice_msg);
    app->exit_code = 1;
    if (app->opt.input == UI_INPUT_KEYS) {
        ui_script_key(app, SDLK_d);
    } else if (!ui_script_click(app, UI_ACT_SAVE_DECLINE, 0,
                                UI_SCROLL_COUNT)) {
        ui_script_fail(app, _("cannot reach the notice's button to click"));
    }
}

void ui_script_drive(ui_app *app)
{
    if (!app->running || app->dirty) {
        return;
    }
    if (++app->script_stuck > UI_SCRIPT_MAX_STUCK) {
        char msg[128];
        snprintf(msg, sizeof msg, _("the scripted run is stuck on '%s'"),
                 app->script_last_state);
        ui_script_fail(app, msg);
        return;
    }
    if (app->overlay == UI_OVERLAY_DIAG) {
        fprintf(stderr, "%s\n%s", app->diag_title ? app->diag_title : "",
                app->diag_text ? app->diag_text : "");
        ui_script_fail(app, _("the scenario cannot be played"));
        return;
    }
    if (app->overlay == UI_OVERLAY_RECOVER) {
        ui_script_recover(app);
        return;
    }
    if (app->overlay == UI_OVERLAY_RESULTS) {
        ui_script_unsaved(app);
        return;
    }
    if (app->overlay != UI_OVERLAY_NONE) {
        ui_script_key(app, SDLK_ESCAPE);
        return;
    }
    switch (app->screen) {
    case UI_SCREEN_PICKER:
        if (app->opt.input == UI_INPUT_KEYS) {
            ui_script_key(app, SDLK_RETURN);
        } else if (!ui_script_click(app, UI_ACT_PICK, app->pick_selected,
                                    UI_SCROLL_PICKER)) {
            ui_script_fail(app, _("cannot reach the scenario to click"));
        }
        break;
    case UI_SCREEN_BRIEFING:
        ui_script_press(app, SDLK_RETURN, UI_ACT_START, UI_SCROLL_COUNT);
        break;
    case UI_SCREEN_PLAY:
        ui_script_play(app);
        break;
    case UI_SCREEN_FEEDBACK:
        ui_script_press(app, SDLK_RETURN, UI_ACT_CONTINUE, UI_SCROLL_FEEDBACK);
        break;
    case UI_SCREEN_ENDING:
        ui_script_press(app, SDLK_RETURN, UI_ACT_DEBRIEF, UI_SCROLL_SPEECH);
        break;
    case UI_SCREEN_CLASS:
        ui_script_class(app);
        break;
    case UI_SCREEN_DEBRIEF: {
        size_t all = session_turn_count(app->play.s);
        size_t turns = all >= app->script_base ? all - app->script_base : 0;
        char msg[160];
        if (turns < app->opt.script_count) {
            snprintf(msg, sizeof msg,
                     P_("the call ended after %zu turn but the script has "
                        "%zu choices; remove the extra ones",
                        "the call ended after %zu turns but the script has "
                        "%zu choices; remove the extra ones",
                        turns),
                     turns, app->opt.script_count);
            ui_script_fail(app, msg);
            return;
        }
        if (app->opt.time_count > turns) {
            snprintf(msg, sizeof msg,
                     P_("%zu times given but the call had only %zu turn",
                        "%zu times given but the call had only %zu turns",
                        turns),
                     app->opt.time_count, turns);
            ui_script_fail(app, msg);
            return;
        }
        if (app->opt.print_debrief && app->play.d &&
            debrief_write_text(app->play.d, stdout) != 0) {
            ui_script_fail(app, _("cannot write the debrief"));
            return;
        }
        app->opt.print_debrief = false;
        const ui_scroll *review = &app->scroll[UI_SCROLL_REVIEW];
        if (app->opt.input == UI_INPUT_TOUCH && !app->script_dragged &&
            review->active && review->content > review->view.h) {
            /* Touch: the review is dragged once before quitting, and it
             * must have moved. */
            app->script_dragged = true;
            ui_script_drag_up(app, review->view);
            return;
        }
        if (app->script_dragged && review->offset == 0) {
            ui_script_fail(app, _("dragging the debrief's review did not "
                                  "scroll it"));
            return;
        }
        ui_script_press(app, SDLK_q, UI_ACT_QUIT, UI_SCROLL_REVIEW);
        break;
    }
    }
}
