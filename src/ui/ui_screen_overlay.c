/* ui_screen_overlay.c — what opens over a screen: the pause menu (Esc),
 * the settings, and the diagnostics of a scenario that failed to load
 * (the notices about results are ui_screen_notice.c's). */
#include <stdio.h>

#include "i18n.h"
#include "ui_draw.h"
#include "ui_internal.h"
#include "ui_lang_setting.h"

/* A column of buttons, one per row. */
static void ui_overlay_buttons(ui_app *app, SDL_Rect in, const char **labels,
                               const ui_action *acts, int n)
{
    const ui_layout *l = &app->lay;
    int bh = ui_widget_button_height(app, l->px_small);
    for (int i = 0; i < n; i++) {
        ui_widget_button(app, ui_layout_cut_top(&in, bh, l->gap), labels[i],
                         acts[i], 0, i == 0);
    }
}

static int ui_overlay_width(ui_app *app, const char **labels, int n)
{
    const ui_layout *l = &app->lay;
    int w = l->h * 2 / 3;
    for (int i = 0; i < n; i++) {
        int bw =
            ui_widget_button_width(app, labels[i], l->px_small) + 4 * l->pad;
        if (bw > w) {
            w = bw;
        }
    }
    return w > l->w - 2 * l->margin ? l->w - 2 * l->margin : w;
}

static void ui_overlay_menu(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const char *labels[5];
    ui_action acts[5];
    int n = 0;
    labels[n] = _("Resume (Esc)");
    acts[n++] = UI_ACT_RESUME;
    if (app->play.s) {
        labels[n] = _("Restart the call");
        acts[n++] = UI_ACT_RESTART;
    }
    labels[n] = _("Settings");
    acts[n++] = UI_ACT_SETTINGS;
    if (app->play.s) {
        labels[n] = _("Choose another scenario");
        acts[n++] = UI_ACT_PICKER;
    }
    labels[n] = _("Quit Rapport");
    acts[n++] = UI_ACT_QUIT;
    int bh = ui_widget_button_height(app, l->px_small);
    int title_h = ui_text_line_height(app->text, l->px_title, true);
    int h = title_h + n * (bh + l->gap) + 4 * l->pad + l->gap * 2;
    int w = ui_overlay_width(app, labels, n);
    /* Leaving a call on purpose does not save it: say so. */
    const char *note = _("Restarting, choosing another scenario or quitting "
                         "ends this call without saving it.");
    bool going_on = app->play.s && !session_is_finished(app->play.s) &&
                    app->play.save == UI_SAVE_PENDING && app->results_dir;
    ui_text_style ns =
        ui_widget_style(app, l->px_small, false, app->theme->text);
    ns.wrap_w = w - 4 * l->pad;
    ui_text_size nsz = {0, 0, 0, false};
    if (going_on) {
        ui_text_measure(app->text, note, &ns, &nsz);
        h += nsz.h + l->gap * 2;
    }
    SDL_Rect in = ui_widget_panel(app, w, h, _("Paused"));
    if (going_on) {
        ui_widget_label(app, note, ns,
                        ui_layout_cut_top(&in, nsz.h, l->gap * 2));
    }
    ui_overlay_buttons(app, in, labels, acts, n);
}

static void ui_overlay_settings(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_settings *s = &app->set;
    char text[96];
    char relaxed[160];
    char shuffle[160];
    char language[160];
    snprintf(text, sizeof text, _("Larger text (now %d%%)"),
             (int)(s->text_scale * 100.0 + 0.5));
    const char *next = _(" (from the next call)");
    snprintf(relaxed, sizeof relaxed, "%s%s",
             s->relaxed ? _("Relaxed timing: on") : _("Relaxed timing: off"),
             app->play.s && app->play.relaxed != s->relaxed ? next : "");
    snprintf(shuffle, sizeof shuffle, "%s%s",
             s->shuffle ? _("Shuffle options: on") : _("Shuffle options: off"),
             app->play.s &&
                     session_options_of(app->play.s)->shuffle != s->shuffle
                 ? next
                 : "");
    ui_lang_setting_label(app, language, sizeof language);
    const char *labels[9] = {
        _("Back (Esc)"),
        text,
        _("Smaller text"),
        s->high_contrast ? _("High contrast: on") : _("High contrast: off"),
        s->feedback == UI_FEEDBACK_IMMEDIATE
            ? _("Feedback: after each reply")
            : _("Feedback: withheld until the debrief"),
        relaxed,
        shuffle,
        s->fullscreen ? _("Fullscreen (F11): on") : _("Fullscreen (F11): off"),
        language};
    const ui_action acts[9] = {
        UI_ACT_BACK,     UI_ACT_TEXT_LARGER,   UI_ACT_TEXT_SMALLER,
        UI_ACT_CONTRAST, UI_ACT_FEEDBACK_MODE, UI_ACT_RELAXED,
        UI_ACT_SHUFFLE,  UI_ACT_FULLSCREEN,    UI_ACT_LANGUAGE};
    int n = 9;
    int bh = ui_widget_button_height(app, l->px_small);
    int title_h = ui_text_line_height(app->text, l->px_title, true);
    int h = title_h + n * (bh + l->gap) + 4 * l->pad + l->gap * 2;
    SDL_Rect in = ui_widget_panel(app, ui_overlay_width(app, labels, n), h,
                                  _("Settings"));
    ui_overlay_buttons(app, in, labels, acts, n);
}

static void ui_overlay_diag(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    SDL_Rect in = ui_widget_panel(app, l->w - 2 * l->margin * 3,
                                  l->h - 2 * l->margin * 3,
                                  app->diag_title ? app->diag_title : "");
    int bh = ui_widget_button_height(app, l->px_small);
    SDL_Rect row = ui_layout_cut_bottom(&in, bh, l->gap * 2);
    const char *close = _("Close (Esc)");
    int bw = ui_widget_button_width(app, close, l->px_small);
    ui_widget_button(app, ui_layout_cut_right(&row, bw, 0), close,
                     UI_ACT_CLOSE_DIAG, 0, true);
    int bar = (l->gap > 4 ? l->gap : 4) + l->gap;
    ui_text_style st = ui_widget_style(app, l->px_small, false, th->text);
    st.wrap_w = in.w - bar;
    ui_text_size sz;
    ui_text_measure(app->text, app->diag_text, &st, &sz);
    ui_widget_scroll_begin(app, UI_SCROLL_DIAG, in, sz.h);
    ui_text_draw(app->text, app->diag_text, &st, in.x,
                 in.y - app->scroll[UI_SCROLL_DIAG].offset, NULL);
    ui_widget_scroll_end(app, UI_SCROLL_DIAG);
}

void ui_screen_overlay_draw(ui_app *app)
{
    switch (app->overlay) {
    case UI_OVERLAY_MENU:
        ui_overlay_menu(app);
        break;
    case UI_OVERLAY_SETTINGS:
        ui_overlay_settings(app);
        break;
    case UI_OVERLAY_DIAG:
        ui_overlay_diag(app);
        break;
    case UI_OVERLAY_RESULTS:
    case UI_OVERLAY_RECOVER:
        ui_screen_notice_draw(app);
        break;
    case UI_OVERLAY_NONE:
        break;
    }
}

bool ui_screen_overlay_key(ui_app *app, const SDL_Keysym *key)
{
    if (app->overlay == UI_OVERLAY_RESULTS ||
        app->overlay == UI_OVERLAY_RECOVER) {
        return ui_screen_notice_key(app, key);
    }
    bool shift = (key->mod & KMOD_SHIFT) != 0;
    ui_scroll *s = &app->scroll[UI_SCROLL_DIAG];
    int line = ui_text_line_height(app->text, app->lay.px_small, false);
    bool diag = app->overlay == UI_OVERLAY_DIAG;
    switch (key->sym) {
    case SDLK_ESCAPE:
        ui_app_do(app,
                  app->overlay == UI_OVERLAY_MENU       ? UI_ACT_RESUME
                  : app->overlay == UI_OVERLAY_SETTINGS ? UI_ACT_BACK
                                                        : UI_ACT_CLOSE_DIAG,
                  0);
        return true;
    case SDLK_DOWN:
    case SDLK_PAGEDOWN:
        if (diag) {
            s->offset += key->sym == SDLK_DOWN ? 2 * line : s->view.h;
            app->dirty = true;
        } else {
            ui_app_focus_move(app, 1);
        }
        return true;
    case SDLK_UP:
    case SDLK_PAGEUP:
        if (diag) {
            s->offset -= key->sym == SDLK_UP ? 2 * line : s->view.h;
            app->dirty = true;
        } else {
            ui_app_focus_move(app, -1);
        }
        return true;
    case SDLK_RIGHT:
        ui_app_focus_move(app, 1);
        return true;
    case SDLK_LEFT:
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
