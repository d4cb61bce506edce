/* ui_screen_class_results.c — the vote's results: first a line saying
 * the votes are recorded (so the room sees the chart only when the
 * facilitator reveals it), then a bar per option, the call marked by a
 * thick outline, a filled bar and the word "chosen" (never by colour
 * alone); in teams mode each team's choice under it. A tie shows a
 * cursor over the tied options: Back moves it, Next picks. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_class.h"
#include "ui_draw.h"
#include "ui_options.h"

static void ui_class_results_bars(ui_app *app, SDL_Rect area)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_class *c = app->cls;
    size_t n = class_option_count(c->cs);
    bool tied = false;
    int call = class_call(c->cs, &tied);
    int top = 1;
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int v = class_bar(c->cs, i);
        top = v > top ? v : top;
        sum += v;
    }
    int px = l->px_body;
    int lh = ui_text_line_height(app->text, px, true);
    /* Rows as tall as the room allows, up to two lines of text. */
    int row_h = lh + 2 * l->pad;
    if (n > 0) {
        int fit = (area.h - ((int)n - 1) * l->gap) / (int)n;
        row_h = fit < row_h ? fit : fit > 2 * lh ? 2 * lh : fit;
    }
    int badge = row_h;
    /* The widest label: the top count at 100%, chosen. */
    char count_w_text[96];
    char pct_text[32];
    snprintf(count_w_text, sizeof count_w_text, _("%d (%s)%s"), top,
             i18n_percent(pct_text, sizeof pct_text, 100.0, 0), _(" chosen"));
    ui_text_style cs = ui_widget_style(app, px, true, th->text);
    ui_text_size csz;
    ui_text_measure(app->text, count_w_text, &cs, &csz);
    int label_w = csz.w + l->gap;
    for (size_t i = 0; i < n; i++) {
        SDL_Rect row = {area.x, area.y + (int)i * (row_h + l->gap), area.w,
                        row_h};
        bool cursor = c->step == UI_CLASS_STEP_PICK && c->cursor == (int)i;
        if (c->step == UI_CLASS_STEP_PICK) {
            ui_app_add_hit(app, row, UI_ACT_CLASS,
                           UI_CLASS_ARG(UI_CLASS_CHOOSE, i), false);
        }
        if (cursor) {
            ui_draw_round_frame(app->renderer, row, l->radius, 3 * l->border,
                                th->focus_bg, th->accent);
        }
        SDL_Rect b = ui_layout_cut_left(&row, badge, l->gap);
        ui_draw_ellipse(app->renderer, (float)b.x + (float)badge / 2.0f,
                        (float)b.y + (float)badge / 2.0f,
                        (float)badge / 2.0f - (float)l->border,
                        (float)badge / 2.0f - (float)l->border, th->accent);
        char letter[4] = {class_letter(i), '\0'};
        ui_text_style ls = ui_widget_style(app, px, true, th->accent_text);
        ls.align = UI_TEXT_CENTRE;
        ui_text_draw(app->text, letter, &ls, b.x + badge / 2,
                     b.y + (badge - lh) / 2, NULL);
        int v = class_bar(c->cs, i);
        SDL_Rect label = ui_layout_cut_right(&row, label_w, 0);
        SDL_Rect track = ui_layout_inset(row, row.h / 8);
        bool chosen = (int)i == call;
        ui_draw_round_frame(app->renderer, track, l->radius,
                            chosen ? 3 * l->border : l->border, th->panel,
                            th->panel_border);
        SDL_Rect bar =
            ui_layout_inset(track, chosen ? 3 * l->border : l->border);
        bar.w = (int)((long)bar.w * v / top);
        if (bar.w > 0) {
            ui_draw_rect(app->renderer, bar, chosen ? th->accent : th->muted);
        }
        char text[96];
        int pct = sum > 0 ? (v * 100 + sum / 2) / sum : 0;
        /* TRANSLATORS: a bar's label: its votes (or teams), their share
         * and " chosen" on the room's call: "9 (60%) chosen". */
        snprintf(text, sizeof text, _("%d (%s)%s"), v,
                 i18n_percent(pct_text, sizeof pct_text, (double)pct, 0),
                 chosen ? _(" chosen") : "");
        ui_text_style vs = ui_widget_style(app, px, chosen, th->text);
        vs.max_lines = 1;
        vs.wrap_w = label.w;
        ui_text_draw(app->text, text, &vs, label.x + l->gap,
                     label.y + (label.h - lh) / 2, NULL);
    }
}

void ui_screen_class_results_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_class *c = app->cls;
    bool teams = class_mode_of(c->cs) == CLASS_TEAMS;
    bool pick = c->step == UI_CLASS_STEP_PICK;
    bool tied = false;
    int call = class_call(c->cs, &tied);
    char title[300];
    snprintf(title, sizeof title, _("Turn %zu \xC2\xB7 the room's call"),
             class_turn_index(c->cs) + 1);
    const char *const keys[] = {_("PgDn: go on"), _("PgUp: reopen the vote"),
                                _("R: reveal"), _("H: keys")};
    const char *const pick_keys[] = {_("PgUp: move"), _("PgDn: pick it"),
                                     _("H: keys")};
    char next[96];
    if (!c->chart) {
        snprintf(next, sizeof next, "%s", _("Reveal \xE2\x96\xB6"));
    } else if (pick) {
        snprintf(next, sizeof next, "%s", _("Pick it \xE2\x96\xB6"));
    } else if (call >= 0) {
        snprintf(next, sizeof next, _("Play %c \xE2\x96\xB6"),
                 class_letter((size_t)call));
    } else {
        snprintf(next, sizeof next, "%s", _("Break the tie \xE2\x96\xB6"));
    }
    SDL_Rect body = pick ? ui_class_frame(app, title, next, pick_keys,
                                          sizeof pick_keys / sizeof *pick_keys)
                         : ui_class_frame(app, title, next, keys,
                                          sizeof keys / sizeof *keys);
    ui_class_phone_panel(app, &body);
    char line[320];
    if (!c->chart) {
        int votes = class_votes(c->cs, CLASS_SRC_COUNT, CLASS_ROOM);
        snprintf(line, sizeof line,
                 _("The votes are in: %d. Next reveals how the room voted."),
                 votes);
        ui_text_style st = ui_widget_style(app, l->px_title, true, th->text);
        st.wrap_w = body.w;
        st.align = UI_TEXT_CENTRE;
        ui_text_size sz;
        ui_text_measure(app->text, line, &st, &sz);
        ui_text_draw(app->text, line, &st, body.x,
                     body.y + (body.h - sz.h) / 2, NULL);
        return;
    }
    if (pick && c->step_team == CLASS_ROOM) {
        snprintf(line, sizeof line, "%s",
                 _("A tie: the facilitator picks. Back moves, Next picks."));
    } else if (pick) {
        char name[UI_CLASS_NAME_MAX + 8];
        snprintf(line, sizeof line,
                 _("Team %s is tied: the facilitator picks its choice. Back "
                   "moves, Next picks."),
                 ui_class_isolate(app,
                                  class_team_name(c->cs, (size_t)c->step_team),
                                  name, sizeof name));
    } else if (call >= 0) {
        snprintf(line, sizeof line, _("The room chose %c%s."),
                 class_letter((size_t)call),
                 teams ? _(" (the most teams' choice)") : "");
    } else {
        snprintf(line, sizeof line, "%s",
                 _("A tie: Next lets the facilitator pick."));
    }
    ui_text_style hs = ui_widget_style(app, l->px_body, true, th->text);
    hs.wrap_w = body.w;
    hs.max_lines = 2;
    ui_text_size hsz;
    ui_text_measure(app->text, line, &hs, &hsz);
    ui_widget_label(app, line, hs,
                    ui_layout_cut_top(&body, hsz.h, l->gap * 2));
    if (teams) {
        /* Each team's choice, in words and letters. */
        char choices[CLASS_MAX_TEAMS * (UI_CLASS_NAME_MAX + 24)] = "";
        size_t len = 0;
        for (size_t t = 0; t < class_team_count(c->cs); t++) {
            bool tt = false;
            int ch = class_choice(c->cs, (int)t, &tt);
            char what[64];
            /* TRANSLATORS: a team's choice when its vote is tied. */
            snprintf(what, sizeof what, "%s", _("tie"));
            if (ch >= 0) {
                snprintf(what, sizeof what, "%c", class_letter((size_t)ch));
            }
            char one[UI_CLASS_NAME_MAX + 72];
            char item[UI_CLASS_NAME_MAX + 80];
            snprintf(one, sizeof one, "%s: %s", class_team_name(c->cs, t),
                     what);
            int w = snprintf(choices + len, sizeof choices - len, "%s%s",
                             t ? " \xC2\xB7 " : "",
                             ui_class_isolate(app, one, item, sizeof item));
            if (w < 0 || (size_t)w >= sizeof choices - len) {
                break;
            }
            len += (size_t)w;
        }
        ui_text_style ts = ui_widget_style(app, l->px_small, false, th->text);
        ts.wrap_w = body.w;
        ts.max_lines = 2;
        ui_text_size tsz;
        ui_text_measure(app->text, choices, &ts, &tsz);
        ui_widget_label(app, choices, ts,
                        ui_layout_cut_bottom(&body, tsz.h, l->gap * 2));
    }
    ui_class_results_bars(app, body);
}
