/* ui_screen_picker.c — the list of scenarios to play: title, customer,
 * starting mood, difficulty, estimated minutes and a short summary (the
 * whole of it, the persona and the objectives are on the briefing). */
#include <stdio.h>

#include "i18n.h"
#include "trainee.h"
#include "ui_draw.h"
#include "ui_internal.h"
#include "ui_pickfilter.h"

static int ui_picker_entry(ui_app *app, size_t i, SDL_Rect at, bool draw)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const ui_pick_entry *e = &app->picks[i];
    char meta[400];
    const char *summary = e->summary;
    if (e->valid) {
        char minutes[64] = "";
        if (e->minutes > 0.0) {
            snprintf(minutes, sizeof minutes, _(" \xC2\xB7 about %.0f min"),
                     e->minutes);
        }
        char lang[80] = "";
        if (e->lang[0]) {
            char name[64];
            snprintf(lang, sizeof lang, " \xC2\xB7 %s",
                     ui_pickfilter_lang_name(e->lang, name, sizeof name));
        }
        /* TRANSLATORS: customer's name, starting mood, difficulty; then
         * " · about N min" and the scenario's language follow. */
        snprintf(meta, sizeof meta,
                 _("Customer: %s \xC2\xB7 starts %s \xC2\xB7 difficulty %d "
                   "of 5%s%s"),
                 e->customer, ui_widget_mood_name(e->mood), e->difficulty,
                 minutes, lang);
    } else {
        snprintf(meta, sizeof meta, "%s", _("Cannot be played yet"));
        summary = _("This file has errors. Pick it to see them.");
    }
    int w = at.w - 2 * l->pad;
    ui_text_style ts = ui_widget_style(app, l->px_body, true, th->text);
    ts.wrap_w = w;
    ts.max_lines = 1;
    ui_text_style ms = ui_widget_style(app, l->px_small, false, th->muted);
    ms.wrap_w = w;
    ms.max_lines = 2;
    ui_text_style ss = ui_widget_style(app, l->px_small, false, th->text);
    ss.wrap_w = w;
    ss.max_lines = 2;
    if (e->valid) {
        /* The title and summary in the scenario's language: its
         * direction, its fonts. */
        ui_text_set_lang(&ts, e->lang);
        ui_text_set_lang(&ss, e->lang);
    }
    ui_text_size a;
    ui_text_size b;
    ui_text_size c;
    ui_text_measure(app->text, e->title, &ts, &a);
    ui_text_measure(app->text, meta, &ms, &b);
    ui_text_measure(app->text, summary, &ss, &c);
    int h = 2 * l->pad + a.h + b.h + c.h + l->gap;
    if (!draw) {
        return h;
    }
    SDL_Rect card = {at.x, at.y, at.w, h};
    SDL_Rect view = app->scroll[UI_SCROLL_PICKER].view;
    SDL_Rect visible;
    if (!SDL_IntersectRect(&card, &view, &visible)) {
        return h;
    }
    ui_app_add_hit(app, visible, UI_ACT_PICK, (int)i, false);
    bool hot = (int)i == app->pick_selected || ui_app_hovered(app, visible);
    ui_draw_round_frame(
        app->renderer, card, l->radius, hot ? 3 * l->border : l->border,
        hot ? th->focus_bg : th->panel, hot ? th->accent : th->panel_border);
    int y = card.y + l->pad;
    ui_text_draw(app->text, e->title, &ts, card.x + l->pad, y, NULL);
    y += a.h;
    ui_text_draw(app->text, meta, &ms, card.x + l->pad, y, NULL);
    y += b.h + l->gap;
    ui_text_draw(app->text, summary, &ss, card.x + l->pad, y, NULL);
    return h;
}

/* "Trainee (optional)" and the name field, above the list; the language
 * filter's button at the row's end. */
static void ui_picker_name(ui_app *app, SDL_Rect *body)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int px = l->px_small;
    int h = ui_widget_button_height(app, px);
    SDL_Rect row = ui_layout_cut_top(body, h, l->gap * 2);
    /* The language filter (L), at the row's end. */
    char filter[96];
    char name[64];
    if (app->pick_lang[0]) {
        snprintf(filter, sizeof filter, _("Scenarios in %s (L)"),
                 ui_pickfilter_lang_name(app->pick_lang, name, sizeof name));
    } else {
        snprintf(filter, sizeof filter, "%s",
                 _("Scenarios in every language (L)"));
    }
    int fw = ui_widget_button_width(app, filter, px);
    if (fw < row.w / 2) {
        ui_widget_button(app, ui_layout_cut_right(&row, fw, l->gap), filter,
                         UI_ACT_PICK_LANG, 0, false);
    }
    const char *label = _("Trainee (optional):");
    ui_text_style ls = ui_widget_style(app, px, true, th->text);
    ui_text_size lsz;
    ui_text_measure(app->text, label, &ls, &lsz);
    int lh = ui_text_line_height(app->text, px, true);
    ui_text_draw(app->text, label, &ls, row.x, row.y + (h - lh) / 2, NULL);
    ui_layout_cut_left(&row, lsz.w + l->gap, 0);
    SDL_Rect field = row;
    if (field.w > l->h) {
        field.w = l->h;
    }
    ui_widget_field(app, field, app->trainee,
                    _("Click or press Tab to type your name"),
                    app->editing_name, UI_ACT_NAME, false);
    trainee_status st = trainee_check(app->trainee);
    if (app->trainee[0] && st != TRAINEE_OK) {
        /* never saved as "anonymous" without a word */
        char why[200];
        snprintf(why, sizeof why, _("Not a name: %s"), trainee_problem(st));
        ui_text_style ws = ui_widget_style(app, px, false, th->text);
        ui_text_draw(app->text, why, &ws, field.x + field.w + l->gap,
                     row.y + (h - lh) / 2, NULL);
    }
}

/* "Mode:" and a two-part switch, Practice | Assessment, the one in force
 * filled; then what it means for the feedback. M switches too. */
static void ui_picker_mode(ui_app *app, SDL_Rect *body)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int px = l->px_small;
    int h = ui_widget_button_height(app, px);
    SDL_Rect row = ui_layout_cut_top(body, h, l->gap * 2);
    const char *label = _("Mode:");
    ui_text_style ls = ui_widget_style(app, px, true, th->text);
    ui_text_size lsz;
    ui_text_measure(app->text, label, &ls, &lsz);
    int lh = ui_text_line_height(app->text, px, true);
    ui_text_draw(app->text, label, &ls, row.x, row.y + (h - lh) / 2, NULL);
    ui_layout_cut_left(&row, lsz.w + l->gap, 0);
    /* Practice, Assessment, and Classroom: a facilitator runs the call
     * for a room (ui_class.h). */
    const char *const names[3] = {_("Practice"), _("Assessment"),
                                  _("Classroom")};
    static const ui_session_mode modes[2] = {UI_MODE_PRACTICE,
                                             UI_MODE_ASSESSMENT};
    for (int i = 0; i < 3; i++) {
        bool on = i == 2 ? app->classroom_pick
                         : !app->classroom_pick && app->set.mode == modes[i];
        int bw = ui_widget_button_width(app, names[i], px);
        SDL_Rect seg = ui_layout_cut_left(&row, bw, i ? 2 * l->gap : l->gap);
        bool hot = ui_app_hovered(app, seg);
        if (i == 2) {
            ui_app_add_hit(app, seg, UI_ACT_CLASSROOM, 1, false);
        } else {
            ui_app_add_hit(app, seg, UI_ACT_MODE, (int)modes[i], false);
        }
        ui_draw_round_frame(app->renderer, seg, l->radius,
                            hot || on ? 3 * l->border : l->border,
                            on    ? th->accent
                            : hot ? th->focus_bg
                                  : th->panel,
                            on || hot ? th->accent : th->panel_border);
        ui_text_style st =
            ui_widget_style(app, px, on, on ? th->accent_text : th->text);
        st.wrap_w = seg.w - 2 * l->pad;
        st.max_lines = 1;
        st.align = UI_TEXT_CENTRE;
        int slh = ui_text_line_height(app->text, px, on);
        ui_text_draw(app->text, names[i], &st, seg.x + l->pad,
                     seg.y + (h - slh) / 2, NULL);
    }
    const char *what = app->classroom_pick
                           ? _("For a room, on a projector (M: one player)")
                       : app->set.mode == UI_MODE_ASSESSMENT
                           ? _("Feedback withheld until the debrief (M "
                               "switches)")
                           : _("Feedback after each reply (M switches)");
    ui_text_style ws = ui_widget_style(app, px, false, th->muted);
    ws.wrap_w = row.w;
    ws.max_lines = 1;
    int wlh = ui_text_line_height(app->text, px, false);
    if (row.w > 0) {
        ui_text_draw(app->text, what, &ws, row.x, row.y + (h - wlh) / 2, NULL);
    }
}

/* While a large folder is read (ui_picks.c): how far, in words and as a
 * bar; the list is drawn once it is all read. */
static void ui_picker_progress(ui_app *app, SDL_Rect body)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    size_t done = ui_pick_loader_done(&app->pick_loader);
    size_t total = ui_pick_loader_total(&app->pick_loader);
    char words[160];
    snprintf(words, sizeof words,
             P_("Reading the scenarios: %zu of %zu file",
                "Reading the scenarios: %zu of %zu files", total),
             done, total);
    ui_text_style st = ui_widget_style(app, l->px_body, true, th->text);
    ui_text_size sz;
    ui_text_measure(app->text, words, &st, &sz);
    ui_widget_label(app, words, st, ui_layout_cut_top(&body, sz.h, l->gap));
    int w = body.w < l->h * 2 ? body.w : l->h * 2;
    int h = l->gap > 6 ? l->gap : 6;
    SDL_Rect bar = {body.x, body.y, w, h};
    ui_draw_rect(app->renderer, bar, th->track);
    bar.w = total ? (int)((double)w * (double)done / (double)total) : 0;
    ui_draw_rect(app->renderer, bar, th->accent);
}

void ui_screen_picker_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    SDL_Rect body = ui_widget_header(
        app, _("Rapport \xC2\xB7 Choose a call to take"), NULL);
    ui_text_style hs = ui_widget_style(app, l->px_small, false, th->muted);
    hs.max_lines = 2;
    hs.wrap_w = body.w;
    const char *hint =
        _("Up and Down choose \xC2\xB7 Enter or a click opens "
          "it \xC2\xB7 M: practice or assessment \xC2\xB7 C: classroom "
          "\xC2\xB7 L: language \xC2\xB7 Tab: your name \xC2\xB7 F5: "
          "read the list again \xC2\xB7 Esc: menu");
    ui_text_size hsz;
    ui_text_measure(app->text, hint, &hs, &hsz);
    ui_widget_label(app, hint, hs, ui_layout_cut_bottom(&body, hsz.h, l->gap));
    if (app->picker_note[0]) {
        /* What became of an interrupted call. */
        ui_text_style ns = ui_widget_style(app, l->px_small, true, th->text);
        ns.wrap_w = body.w;
        ns.max_lines = 2;
        ui_text_size nsz;
        ui_text_measure(app->text, app->picker_note, &ns, &nsz);
        ui_widget_label(app, app->picker_note, ns,
                        ui_layout_cut_top(&body, nsz.h, l->gap * 2));
    }
    ui_picker_name(app, &body);
    ui_picker_mode(app, &body);
    if (app->picks_loading) {
        ui_picker_progress(app, body);
        return;
    }
    if (app->pick_count == 0) {
        ui_text_style st = ui_widget_style(app, l->px_body, false, th->text);
        ui_widget_label(app,
                        _("No scenarios found. Pass a scenario file or "
                          "folder: rapport play FILE"),
                        st, body);
        return;
    }
    /* Cards no wider than reads well. */
    int max_w = l->h * 2;
    if (body.w > max_w) {
        ui_layout_cut_left(&body, (body.w - max_w) / 2, 0);
        body.w = max_w;
    }
    int bar = (l->gap > 4 ? l->gap : 4) + l->gap;
    SDL_Rect at = {body.x, 0, body.w - bar, 0};
    int total = 0;
    int sel_y = 0;
    int sel_h = 0;
    int shown = 0;
    for (size_t i = 0; i < app->pick_count; i++) {
        if (!ui_pickfilter_match(app->pick_lang, app->picks[i].lang)) {
            continue;
        }
        int h = ui_picker_entry(app, i, at, false);
        if ((int)i == app->pick_selected) {
            sel_y = total + (shown ? l->gap : 0);
            sel_h = h;
        }
        total += h + (shown ? l->gap : 0);
        shown++;
    }
    if (total <= body.h) {
        at.w = body.w;
    }
    app->scroll[UI_SCROLL_PICKER].view = body;
    if (app->focus_moved) {
        app->focus_moved = false;
        ui_widget_scroll_show(app, UI_SCROLL_PICKER, sel_y, sel_h);
    }
    ui_widget_scroll_begin(app, UI_SCROLL_PICKER, body, total);
    int y = body.y - app->scroll[UI_SCROLL_PICKER].offset;
    for (size_t i = 0; i < app->pick_count; i++) {
        if (ui_pickfilter_match(app->pick_lang, app->picks[i].lang)) {
            at.y = y;
            y += ui_picker_entry(app, i, at, true) + l->gap;
        }
    }
    ui_widget_scroll_end(app, UI_SCROLL_PICKER);
}

bool ui_screen_picker_key(ui_app *app, const SDL_Keysym *key)
{
    if (key->sym == SDLK_m) {
        ui_app_do(
            app, UI_ACT_MODE,
            app->set.mode == UI_MODE_PRACTICE || app->classroom_pick
                ? (app->classroom_pick ? app->set.mode : UI_MODE_ASSESSMENT)
                : UI_MODE_PRACTICE);
        return true;
    }
    if (key->sym == SDLK_l) {
        /* The next language of the list's scenarios, then all. */
        ui_app_do(app, UI_ACT_PICK_LANG, 0);
        return true;
    }
    if (key->sym == SDLK_c) {
        /* Classroom: the scenario picked opens for a room. */
        ui_app_do(app, UI_ACT_CLASSROOM, 1);
        return true;
    }
    int n = (int)app->pick_count;
    if (n == 0) {
        return false;
    }
    int sel = app->pick_selected;
    switch (key->sym) {
    case SDLK_TAB:
        ui_app_do(app, UI_ACT_NAME, 0);
        return true;
    case SDLK_DOWN:
    case SDLK_RIGHT:
    case SDLK_PAGEDOWN:
        sel = ui_pickfilter_step(&app->pick_list, app->pick_lang, sel, 1);
        break;
    case SDLK_UP:
    case SDLK_LEFT:
    case SDLK_PAGEUP:
        sel = ui_pickfilter_step(&app->pick_list, app->pick_lang, sel, -1);
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        ui_app_do(app, UI_ACT_PICK, sel);
        return true;
    default:
        return false;
    }
    if (sel < 0) {
        return true;
    }
    app->pick_selected = sel;
    app->focus_moved = true;
    app->dirty = true;
    return true;
}
