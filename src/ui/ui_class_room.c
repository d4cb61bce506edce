/* ui_class_room.c — the room's phones in the class window (issue 12): the
 * phone server (ui_class_phones.h) lives while a class session with
 * phones is open. It starts with the session when the start screen's
 * Phones switch is on (rapport class --phones turns it on), journals
 * beside the class journal (JOURNAL.phones, removed once the class result
 * is saved), and stops when the class is left. The loop wakes on the
 * phones' user event and ui_class_tick takes their joins and votes in.
 * The projector shows the join panel (QR code, URL, join code, phones
 * joined, votes in) beside the turn, the vote and the results; once
 * phones have joined, the vote screen shows it compact, in a strip over
 * the options (a smaller QR code), so that the options keep the width.
 * In teams mode each phone picks its team when it joins (its votes count
 * for that team) and the panel adds the votes in per team. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class_journal.h"
#include "i18n.h"
#include "ui_class.h"
#include "ui_class_phones.h"
#include "ui_draw.h"

void ui_class_phones_start(ui_app *app)
{
    ui_class *c = app->cls;
    if (!c->phones_on || !c->cs || c->phones) {
        return;
    }
    free(c->phones_journal);
    c->phones_journal = NULL;
    if (c->journal) {
        const char *jp = class_journal_path(c->journal);
        size_t n = strlen(jp) + sizeof ".phones";
        c->phones_journal = malloc(n);
        if (c->phones_journal) {
            snprintf(c->phones_journal, n, "%s.phones", jp);
        }
    }
    ui_phones_options o = {0};
    o.address = app->opt.phones_address;
    o.port = app->opt.phones_port;
    o.any_port = app->opt.phones_any_port;
    o.join_code = app->opt.phones_code;
    o.shown_port = app->opt.phones_shown_port;
    o.journal_path = c->phones_journal;
    o.lang = c->sc->lang;
    o.title = c->sc->title;
    /* teams mode: each phone picks its team when it joins */
    const char *teams[CLASS_MAX_TEAMS];
    o.team_count = class_team_count(c->cs);
    for (size_t t = 0; t < o.team_count && t < CLASS_MAX_TEAMS; t++) {
        teams[t] = class_team_name(c->cs, t);
    }
    o.teams = teams;
    char err[512];
    c->phones = ui_phones_new(&o, err, sizeof err);
    if (!c->phones) {
        /* TRANSLATORS: %s says why (no network address, the port...). */
        snprintf(c->note, sizeof c->note,
                 _("Phones are off: %s. Hands still count."), err);
        free(c->phones_journal);
        c->phones_journal = NULL;
        return;
    }
    ui_phones_update(c->phones, c->cs, ui_class_now(app));
}

void ui_class_phones_stop(ui_class *c)
{
    if (!c || !c->phones) {
        return;
    }
    ui_phones_free(c->phones); /* stops the server first */
    c->phones = NULL;
    if (c->saved && c->phones_journal) {
        remove(c->phones_journal);
    }
    free(c->phones_journal);
    c->phones_journal = NULL;
}

bool ui_class_tick(ui_app *app)
{
    ui_class *c = app->cls;
    if (!c || !c->cs || !c->phones) {
        return false;
    }
    class_phase before = class_phase_of(c->cs);
    if (!ui_phones_update(c->phones, c->cs, ui_class_now(app))) {
        return false;
    }
    if (ui_phones_timed_out(c->phones)) {
        c->step = UI_CLASS_STEP_NONE;
        c->chart = false;
        snprintf(c->note, sizeof c->note, "%s",
                 _("Time is up: the vote is closed."));
    } else if (before != class_phase_of(c->cs)) {
        c->step = UI_CLASS_STEP_NONE;
    }
    ui_class_results_after(app);
    return true;
}

int ui_class_phones_next_change_ms(const ui_app *app)
{
    const ui_class *c = app->cls;
    if (!c || !c->cs || !c->phones || !class_timer_running(c->cs) ||
        class_phase_of(c->cs) != CLASS_PHASE_VOTE) {
        return -1;
    }
    /* the timer goes on on the vote screen when phones voted during the
     * discussion: its seconds, and its end (which closes the vote) */
    int left = class_timer_left_ms(c->cs, ui_class_now(app));
    int next = left % 1000;
    return left <= 0 ? 1 : next < 1 ? 1000 : next;
}

bool ui_class_phones_timer(ui_app *app, char *buf, size_t len)
{
    const ui_class *c = app->cls;
    if (!ui_class_phones_shown(app) ||
        class_phase_of(c->cs) != CLASS_PHASE_VOTE) {
        return false;
    }
    int left = class_timer_left_ms(c->cs, ui_class_now(app));
    bool running = class_timer_running(c->cs);
    if (left <= 0 || (!running && left == class_timer_total_ms(c->cs))) {
        return false;
    }
    int s = (left + 999) / 1000;
    snprintf(buf, len,
             running ? _("time left %d:%02d") : _("time left %d:%02d, paused"),
             s / 60, s % 60);
    return true;
}

bool ui_class_phones_shown(const ui_app *app)
{
    return app->cls && app->cls->phones && app->cls->cs;
}

void ui_class_phone_panel(ui_app *app, SDL_Rect *area)
{
    ui_class *c = app->cls;
    if (!ui_class_phones_shown(app)) {
        return;
    }
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int min_px = l->px_small;
    /* a column wide enough for the URL in type the back row reads */
    int w = ui_phones_url_width(c->phones, app->text, min_px) + 2 * l->pad;
    if (w < area->w * 3 / 10) {
        w = area->w * 3 / 10;
    }
    if (w > area->w / 2) {
        w = area->w / 2;
    }
    SDL_Rect panel = ui_layout_cut_right(area, w, l->gap * 2);
    ui_draw_round_frame(app->renderer, panel, l->radius, l->border, th->panel,
                        th->panel_border);
    SDL_Rect in = ui_layout_inset(panel, l->pad);
    ui_phones_draw(c->phones, c->cs, app->renderer, app->text, th, in, min_px);
}

void ui_class_phone_strip(ui_app *app, SDL_Rect *area)
{
    ui_class *c = app->cls;
    if (!ui_class_phones_shown(app)) {
        return;
    }
    ui_phones_figures f = ui_phones_figures_of(c->phones, c->cs);
    if (f.devices == 0) {
        /* nobody joined yet: the big code, for the room to scan */
        ui_class_phone_panel(app, area);
        return;
    }
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int min_px = l->px_small;
    int words = ui_phones_compact_height(app->text, min_px);
    int pad = l->pad / 2 > l->border ? l->pad / 2 : l->border;
    SDL_Rect strip = ui_layout_cut_top(area, words + 2 * pad, l->gap);
    ui_draw_round_frame(app->renderer, strip, l->radius, l->border, th->panel,
                        th->panel_border);
    SDL_Rect in = ui_layout_inset(strip, pad);
    in.x += l->pad - pad;
    in.w -= 2 * (l->pad - pad);
    ui_phones_draw_compact(c->phones, c->cs, app->renderer, app->text, th, in,
                           min_px, words);
}
