/* ui_screen_notice.c — two notices that must be answered, over whatever
 * screen is showing: the save notice (the result, or the journal that
 * keeps a call safe, could not be written: a field with the folder and
 * Retry, Save elsewhere, Don't save) and the notice of an interrupted call
 * found on start (Resume, Save as incomplete, Discard after a second
 * question, Later). Every button has a letter; Tab, the arrows, Enter,
 * a click or a tap work too. What they do is ui_results.c's. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "ui_draw.h"
#include "ui_internal.h"

/* The panel's width: wide enough for the buttons, no wider than reads
 * well. */
static int ui_notice_width(const ui_app *app)
{
    const ui_layout *l = &app->lay;
    int w = l->w - 6 * l->margin;
    int most = l->h * 3 / 2;
    return w > most ? most : w;
}

/* A notice: title, then paragraphs (the first one bold when lead), an
 * optional folder field, then buttons. Paragraphs scroll if the window is
 * too small for them. */
typedef struct {
    const char *title;
    const char *paras[4];
    SDL_Color colours[4];
    bool bold[4];
    int para_count;
    bool field;
    const char *labels[5];
    ui_action acts[5];
    int button_count;
} ui_notice;

static void ui_notice_draw_one(ui_app *app, const ui_notice *n)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int w = ui_notice_width(app);
    int inner_w = w - 4 * l->pad;
    int px = l->px_body;
    /* Heights, to size the panel. */
    ui_text_style ts = ui_widget_style(app, l->px_title, true, th->text);
    ts.wrap_w = inner_w;
    ts.max_lines = 3;
    ui_text_size tsz;
    ui_text_measure(app->text, n->title, &ts, &tsz);
    int bar = (l->gap > 4 ? l->gap : 4) + l->gap;
    int paras_h = 0;
    ui_text_style ps[4];
    for (int i = 0; i < n->para_count; i++) {
        ps[i] = ui_widget_style(app, px, n->bold[i], n->colours[i]);
        ps[i].wrap_w = inner_w - bar;
        ui_text_size sz;
        ui_text_measure(app->text, n->paras[i], &ps[i], &sz);
        paras_h += sz.h + (i ? l->gap : 0);
    }
    int bh = ui_widget_button_height(app, l->px_small);
    int label_h = ui_text_line_height(app->text, l->px_small, true);
    int field_h = n->field ? label_h + l->gap / 2 + bh + 2 * l->gap : 0;
    SDL_Rect probe = {0, 0, inner_w, 0};
    int buttons_h = ui_widget_button_rows(app, probe, n->labels, n->acts,
                                          n->button_count, false);
    int need = 4 * l->pad + tsz.h + 2 * l->gap + paras_h + 2 * l->gap +
               field_h + buttons_h;
    int max_h = l->h - 4 * l->margin;
    SDL_Rect in =
        ui_widget_panel(app, w, need < max_h ? need : max_h, n->title);
    /* From the bottom: buttons, the field; the rest for the text. */
    SDL_Rect buttons = ui_layout_cut_bottom(&in, buttons_h, 2 * l->gap);
    if (n->field) {
        SDL_Rect frow = ui_layout_cut_bottom(&in, bh, l->gap);
        SDL_Rect lrow = ui_layout_cut_bottom(&in, label_h, l->gap / 2);
        ui_text_style ls = ui_widget_style(app, l->px_small, true, th->text);
        ls.wrap_w = lrow.w;
        ls.max_lines = 1;
        ui_widget_label(app,
                        app->editing_folder
                            ? _("Folder (type, then Enter saves there):")
                            : _("Folder (F, a click or a tap to type "
                                "another):"),
                        ls, lrow);
        /* The field first: focus goes through it, then the buttons. */
        ui_widget_field(app, frow, app->folder, _("Type a folder"),
                        app->editing_folder, UI_ACT_FOLDER, true);
    }
    ui_widget_button_rows(app, buttons, n->labels, n->acts, n->button_count,
                          true);
    int content = paras_h;
    ui_widget_scroll_begin(app, UI_SCROLL_NOTICE, in, content);
    int y = in.y - app->scroll[UI_SCROLL_NOTICE].offset;
    for (int i = 0; i < n->para_count; i++) {
        ui_text_size sz;
        ui_text_measure(app->text, n->paras[i], &ps[i], &sz);
        if (y + sz.h > in.y && y < in.y + in.h) {
            ui_text_draw(app->text, n->paras[i], &ps[i], in.x, y, NULL);
        }
        y += sz.h + l->gap;
    }
    ui_widget_scroll_end(app, UI_SCROLL_NOTICE);
}

static void ui_notice_results(ui_app *app)
{
    const ui_theme *th = app->theme;
    ui_notice n;
    memset(&n, 0, sizeof n);
    bool save = app->notice == UI_NOTICE_SAVE;
    n.title = save ? _("The result could not be saved")
                   : _("This call cannot be kept safe on disk");
    /* The core's message ("cannot save results in ..."), as a sentence. */
    char msg[sizeof app->notice_msg];
    snprintf(msg, sizeof msg, "%s", app->notice_msg);
    if (msg[0] >= 'a' && msg[0] <= 'z') {
        msg[0] = (char)(msg[0] - 'a' + 'A');
    }
    n.paras[0] = msg;
    n.bold[0] = true;
    n.colours[0] = th->text;
    n.paras[1] =
        save ? _("The call and its debrief are still here. Retry, type "
                 "another folder and save there, or go on without saving.")
             : _("Rapport keeps a journal of every call, so that no reply is "
                 "lost if it stops. Retry, type another folder and keep the "
                 "call there, or play on without saving it.");
    n.colours[1] = th->text;
    n.para_count = 2;
    n.field = true;
    n.labels[0] = save ? _("Save elsewhere (S)") : _("Use this folder (S)");
    n.acts[0] = UI_ACT_SAVE_ELSEWHERE;
    n.labels[1] = _("Retry (R)");
    n.acts[1] = UI_ACT_SAVE_RETRY;
    n.labels[2] = _("Don't save (D)");
    n.acts[2] = UI_ACT_SAVE_DECLINE;
    n.button_count = 3;
    ui_notice_draw_one(app, &n);
}

static void ui_notice_recover(ui_app *app)
{
    const ui_theme *th = app->theme;
    const ui_recover_item *it = &app->recover;
    const journal_data *jd = it->jd;
    ui_notice n;
    memset(&n, 0, sizeof n);
    char title[96];
    char facts[UI_FOLDER_MAX + 512];
    size_t turns = ui_results_recover_turns(app);
    if (jd) {
        char started[64];
        snprintf(started, sizeof started, "%s", _("an unknown time"));
        time_t secs = (time_t)(jd->started_ms / 1000);
        struct tm tm;
        if (gmtime_r(&secs, &tm)) {
            strftime(started, sizeof started, "%Y-%m-%d %H:%M UTC", &tm);
        }
        /* TRANSLATORS: trainee, scenario, replies, when it started. */
        snprintf(facts, sizeof facts,
                 P_("%s, %s, %zu reply, started at %s.",
                    "%s, %s, %zu replies, started at %s.", turns),
                 jd->trainee, jd->scenario_title, turns, started);
    } else {
        snprintf(facts, sizeof facts, "%s", it->path ? it->path : "");
    }
    if (app->recover_confirm) {
        snprintf(title, sizeof title, "%s",
                 _("Discard this interrupted call?"));
        n.title = title;
        n.paras[0] = facts;
        n.bold[0] = true;
        n.colours[0] = th->text;
        n.paras[1] = _("Its journal is deleted and the replies in it are "
                       "lost for good.");
        n.colours[1] = th->text;
        n.para_count = 2;
        n.labels[0] = _("No, keep it (N)");
        n.acts[0] = UI_ACT_RECOVER_CANCEL;
        n.labels[1] = _("Yes, discard it (Y)");
        n.acts[1] = UI_ACT_RECOVER_CONFIRM;
        n.button_count = 2;
        ui_notice_draw_one(app, &n);
        return;
    }
    size_t left = app->recover_total;
    if (left > 1) {
        snprintf(title, sizeof title,
                 _("An interrupted call was found (%zu of %zu)"),
                 app->recover_next, left);
    } else {
        snprintf(title, sizeof title, "%s",
                 _("An interrupted call was found"));
    }
    n.title = title;
    n.paras[n.para_count] = facts;
    n.bold[n.para_count] = true;
    n.colours[n.para_count++] = th->text;
    char what[UI_FOLDER_MAX + 512];
    if (it->problem) {
        n.paras[n.para_count] = it->problem;
        n.colours[n.para_count++] = th->text;
    } else if (it->changed) {
        snprintf(what, sizeof what,
                 _("The scenario file has changed since this call was "
                   "played (%s), so it cannot be resumed. Save as incomplete "
                   "replays its replies on the file as it is now and keeps "
                   "them as an incomplete attempt."),
                 jd->scenario_path);
        n.paras[n.para_count] = what;
        n.colours[n.para_count++] = th->text;
    } else if (it->s && session_is_finished(it->s)) {
        n.paras[n.para_count] =
            _("Rapport stopped after the call ended, before its result was "
              "saved. Resume shows its ending and saves it; Save keeps it at "
              "once.");
        n.colours[n.para_count++] = th->text;
    } else {
        snprintf(what, sizeof what,
                 P_("Rapport stopped before this call's result was saved. "
                    "Resume plays on from turn %zu; Save as incomplete keeps "
                    "the %zu reply as an incomplete attempt; Later keeps it "
                    "for next time.",
                    "Rapport stopped before this call's result was saved. "
                    "Resume plays on from turn %zu; Save as incomplete keeps "
                    "the %zu replies as an incomplete attempt; Later keeps it "
                    "for next time.",
                    turns),
                 turns + 1, turns);
        n.paras[n.para_count] = what;
        n.colours[n.para_count++] = th->text;
    }
    if (app->recover_msg[0]) {
        n.paras[n.para_count] = app->recover_msg;
        n.bold[n.para_count] = true;
        n.colours[n.para_count++] = th->text;
    }
    if (it->s && !it->changed) {
        n.labels[n.button_count] = _("Resume (R)");
        n.acts[n.button_count++] = UI_ACT_RECOVER_RESUME;
    }
    if (it->s) {
        n.labels[n.button_count] = it->s && session_is_finished(it->s)
                                       ? _("Save (S)")
                                       : _("Save as incomplete (S)");
        n.acts[n.button_count++] = UI_ACT_RECOVER_SAVE;
    }
    /* The first button is the primary one (and focused): never Discard. */
    if (n.button_count == 0) {
        n.labels[n.button_count] = _("Later (L)");
        n.acts[n.button_count++] = UI_ACT_RECOVER_LATER;
    }
    n.labels[n.button_count] = _("Discard (D)");
    n.acts[n.button_count++] = UI_ACT_RECOVER_DISCARD;
    if (n.acts[0] != UI_ACT_RECOVER_LATER) {
        n.labels[n.button_count] = _("Later (L)");
        n.acts[n.button_count++] = UI_ACT_RECOVER_LATER;
    }
    ui_notice_draw_one(app, &n);
}

void ui_screen_notice_draw(ui_app *app)
{
    if (app->overlay == UI_OVERLAY_RESULTS) {
        ui_notice_results(app);
    } else if (app->overlay == UI_OVERLAY_RECOVER) {
        ui_notice_recover(app);
    }
}

bool ui_screen_notice_key(ui_app *app, const SDL_Keysym *key)
{
    bool shift = (key->mod & KMOD_SHIFT) != 0;
    bool results = app->overlay == UI_OVERLAY_RESULTS;
    bool confirm = app->recover_confirm;
    ui_scroll *s = &app->scroll[UI_SCROLL_NOTICE];
    int line = ui_text_line_height(app->text, app->lay.px_body, false);
    switch (key->sym) {
    case SDLK_r:
        ui_app_do(app, results ? UI_ACT_SAVE_RETRY : UI_ACT_RECOVER_RESUME, 0);
        return true;
    case SDLK_s:
        ui_app_do(app, results ? UI_ACT_SAVE_ELSEWHERE : UI_ACT_RECOVER_SAVE,
                  0);
        return true;
    case SDLK_d:
        ui_app_do(app, results ? UI_ACT_SAVE_DECLINE : UI_ACT_RECOVER_DISCARD,
                  0);
        return true;
    case SDLK_f:
        if (results) {
            ui_app_do(app, UI_ACT_FOLDER, 0);
        }
        return true;
    case SDLK_l:
        if (!results) {
            ui_app_do(app, UI_ACT_RECOVER_LATER, 0);
        }
        return true;
    case SDLK_y:
        if (!results && confirm) {
            ui_app_do(app, UI_ACT_RECOVER_CONFIRM, 0);
        }
        return true;
    case SDLK_n:
        if (!results && confirm) {
            ui_app_do(app, UI_ACT_RECOVER_CANCEL, 0);
        }
        return true;
    case SDLK_ESCAPE:
        /* The recovery notice: keep it for later (or, when asking, keep
         * it). The save notice must be answered. */
        if (!results) {
            ui_app_do(app,
                      confirm ? UI_ACT_RECOVER_CANCEL : UI_ACT_RECOVER_LATER,
                      0);
        }
        return true;
    case SDLK_DOWN:
        s->offset += 2 * line;
        app->dirty = true;
        return true;
    case SDLK_UP:
        s->offset -= 2 * line;
        app->dirty = true;
        return true;
    case SDLK_RIGHT:
    case SDLK_PAGEDOWN:
        ui_app_focus_move(app, 1);
        return true;
    case SDLK_LEFT:
    case SDLK_PAGEUP:
        ui_app_focus_move(app, -1);
        return true;
    case SDLK_TAB:
        ui_app_focus_move(app, shift ? -1 : 1);
        return true;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        ui_app_press_focus(app);
        return true;
    default:
        return false;
    }
}
