/* ui_screen_class_start.c — the class start screen: the scenario, how
 * the room decides (whole class or teams, 2-8 of them), whether a
 * scoreboard shows between turns (off by default), and Start. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_class.h"

/* A label and a row of switches, the one in force filled. */
static void ui_class_start_row(ui_app *app, SDL_Rect *body, const char *label,
                               const char *const *names, const int *args,
                               const bool *on, size_t n)
{
    const ui_layout *l = &app->lay;
    int px = l->px_small;
    int h = ui_widget_button_height(app, px);
    SDL_Rect row = ui_layout_cut_top(body, h, l->gap * 2);
    ui_text_style ls = ui_widget_style(app, px, true, app->theme->text);
    ls.max_lines = 1;
    ui_text_size lsz;
    ui_text_measure(app->text, label, &ls, &lsz);
    int lh = ui_text_line_height(app->text, px, true);
    ui_text_draw(app->text, label, &ls, row.x, row.y + (h - lh) / 2, NULL);
    ui_layout_cut_left(&row, lsz.w + 2 * l->gap, 0);
    for (size_t i = 0; i < n; i++) {
        int bw = ui_widget_button_width(app, names[i], px);
        if (bw > row.w) {
            break;
        }
        ui_class_button(app, ui_layout_cut_left(&row, bw, l->gap), names[i],
                        args[i], on[i]);
    }
}

void ui_screen_class_start_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_class *c = app->cls;
    const char *const keys[] = {_("PgDn: start"), _("B or .: blank"),
                                _("H: hide keys"), _("Esc: menu")};
    char title[300];
    char name[260];
    snprintf(title, sizeof title, _("Classroom \xC2\xB7 %s"),
             ui_class_sc_title(app, name, sizeof name));
    /* TRANSLATORS: Next's arrows (here and on every class screen) point
     * the way Next sits: a right-to-left interface is mirrored, its Next
     * button at the left, so the arrow is "◀" there (at the label's end:
     * "ابدأ الجلسة ◀"). */
    const char *next = _("Start the class \xE2\x96\xB6");
    SDL_Rect body =
        ui_class_frame(app, title, next, keys, sizeof keys / sizeof keys[0]);
    if (c->sc->summary) {
        ui_text_style ss =
            ui_widget_content_style(app, l->px_small, false, th->text);
        ss.wrap_w = body.w;
        ss.max_lines = 3;
        int h = ui_widget_label(app, c->sc->summary, ss, body);
        ui_layout_cut_top(&body, h, l->gap * 3);
    }
    const char *modes[2] = {_("Whole class"), _("Teams")};
    int margs[2] = {UI_CLASS_ARG(UI_CLASS_SET_MODE, CLASS_WHOLE),
                    UI_CLASS_ARG(UI_CLASS_SET_MODE, CLASS_TEAMS)};
    bool mon[2] = {c->mode == CLASS_WHOLE, c->mode == CLASS_TEAMS};
    ui_class_start_row(app, &body, _("The room decides as:"), modes, margs,
                       mon, 2);
    if (c->mode == CLASS_TEAMS) {
        const char *counts[CLASS_MAX_TEAMS - 1];
        int cargs[CLASS_MAX_TEAMS - 1];
        bool con[CLASS_MAX_TEAMS - 1];
        char digits[CLASS_MAX_TEAMS - 1][4];
        for (int i = 0; i < CLASS_MAX_TEAMS - 1; i++) {
            snprintf(digits[i], sizeof digits[i], "%d", i + CLASS_MIN_TEAMS);
            counts[i] = digits[i];
            cargs[i] = UI_CLASS_ARG(UI_CLASS_SET_TEAMS, i + CLASS_MIN_TEAMS);
            con[i] = c->team_count == (size_t)(i + CLASS_MIN_TEAMS);
        }
        ui_class_start_row(app, &body, _("Teams:"), counts, cargs, con,
                           CLASS_MAX_TEAMS - 1);
        char names[CLASS_MAX_TEAMS * (UI_CLASS_NAME_MAX + 12)] = "";
        size_t len = 0;
        for (size_t i = 0; i < c->team_count; i++) {
            char name[UI_CLASS_NAME_MAX + 8];
            int w = snprintf(
                names + len, sizeof names - len, "%s%s",
                i ? C_("list", ", ") : "",
                ui_class_isolate(app, c->teams[i], name, sizeof name));
            if (w < 0 || (size_t)w >= sizeof names - len) {
                break;
            }
            len += (size_t)w;
        }
        ui_text_style ns = ui_widget_style(app, l->px_small, false, th->text);
        ns.wrap_w = body.w;
        ns.max_lines = 2;
        int h = ui_widget_label(app, names, ns, body);
        ui_layout_cut_top(&body, h, l->gap * 2);
    }
    const char *board[2] = {_("Off"), _("On")};
    int bargs[2] = {UI_CLASS_ARG(UI_CLASS_SET_BOARD, 0),
                    UI_CLASS_ARG(UI_CLASS_SET_BOARD, 1)};
    bool bon[2] = {!c->scoreboard, c->scoreboard};
    ui_class_start_row(app, &body, _("Scoreboard between turns:"), board,
                       bargs, bon, 2);
    /* Phones as voting pads (issue 12): the server starts with the class
     * and stops with it. */
    const char *phones[2] = {_("Off"), _("On")};
    int pargs[2] = {UI_CLASS_ARG(UI_CLASS_SET_PHONES, 0),
                    UI_CLASS_ARG(UI_CLASS_SET_PHONES, 1)};
    bool pon[2] = {!c->phones_on, c->phones_on};
    ui_class_start_row(app, &body, _("Votes from phones:"), phones, pargs, pon,
                       2);
    const char *privacy =
        _("No one's name, score or clock is shown. The room discusses, "
          "the facilitator enters the votes; discussion time never counts.");
    ui_text_style ps = ui_widget_style(app, l->px_small, false, th->muted);
    ps.wrap_w = body.w;
    /* In the lines left above the bottom bar (teams take two rows more,
     * and translations run longer). */
    int fit = body.h / ui_text_line_height(app->text, l->px_small, false);
    if (fit < 1) {
        return;
    }
    ps.max_lines = fit < 3 ? fit : 3;
    ui_widget_label(app, privacy, ps, body);
}
