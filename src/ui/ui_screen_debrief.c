/* ui_screen_debrief.c — after the call: outcome, the three scores and the
 * overall one as labelled bars with numbers, the mood over the call as a
 * chart, and a scrollable review: the one thing to practise next, the
 * call's objectives with their principles (how often practised and
 * missed), then every turn. A line above the buttons says where the
 * result was saved (or why not). Everything shown comes from the core's
 * debrief. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "ui_draw.h"
#include "ui_internal.h"

static char *ui_debrief_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *ui_debrief_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return NULL;
    }
    char *out = malloc((size_t)n + 1);
    if (!out) {
        return NULL;
    }
    va_start(ap, fmt);
    vsnprintf(out, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return out;
}

void ui_screen_debrief_free(ui_app *app)
{
    ui_play *p = &app->play;
    for (size_t i = 0; i < p->review_turns * UI_REVIEW_PARTS; i++) {
        free(p->review[i]);
    }
    free(p->review);
    p->review = NULL;
    p->review_turns = 0;
    free(p->practise);
    p->practise = NULL;
    free(p->objectives);
    p->objectives = NULL;
}

/* The objectives as a list, one paragraph each, or NULL when there are
 * none (false on no memory). */
static bool ui_debrief_objectives(ui_app *app)
{
    ui_play *p = &app->play;
    const debrief *d = p->d;
    const scenario *sc = d->sc;
    if (sc->objective_count == 0) {
        return true;
    }
    size_t len = 1;
    for (size_t i = 0; i < sc->objective_count; i++) {
        len += strlen(sc->objectives[i].text) + 220;
    }
    char *text = malloc(len);
    if (!text) {
        return false;
    }
    /* The principles are the interface's words: isolated in a text of the
     * other direction. */
    const char *lri = ui_widget_isolate(app);
    const char *pdi = lri[0] ? UI_TEXT_PDI : "";
    size_t at = 0;
    for (size_t i = 0; i < sc->objective_count; i++) {
        const scenario_objective *o = &sc->objectives[i];
        /* judged once, in the core (debrief_objective) */
        const char *judged =
            i < d->objective_count ? d->objectives[i].text : NULL;
        char pr[200] = "";
        if (judged) {
            snprintf(pr, sizeof pr, " %s(%s)%s", lri, judged, pdi);
        }
        at += (size_t)snprintf(text + at, len - at, "%s\xE2\x80\xA2 %s%s",
                               i ? "\n" : "", o->text, pr);
    }
    p->objectives = text;
    return true;
}

bool ui_screen_debrief_prepare(ui_app *app)
{
    ui_play *p = &app->play;
    const debrief *d = p->d;
    ui_screen_debrief_free(app);
    /* The core's advice, isolated in a right-to-left interface (it keeps
     * its own direction, translated or not). */
    bool iso = lang_rtl();
    p->practise = ui_debrief_printf("%s%s%s", iso ? UI_TEXT_FSI : "",
                                    d->practise_text, iso ? UI_TEXT_PDI : "");
    if (!p->practise || !ui_debrief_objectives(app)) {
        return false;
    }
    if (d->turn_count == 0) {
        return true;
    }
    p->review = calloc(d->turn_count * UI_REVIEW_PARTS, sizeof *p->review);
    if (!p->review) {
        return false;
    }
    p->review_turns = d->turn_count;
    /* In a right-to-left scenario the review's lines are laid out right to
     * left; the interface's words in them are isolated when their
     * direction differs (see UI_TEXT_LRI). */
    const char *lri = ui_widget_isolate(app);
    const char *pdi = lri[0] ? UI_TEXT_PDI : "";
    for (size_t i = 0; i < d->turn_count; i++) {
        const debrief_turn *t = &d->turns[i];
        char **out = &p->review[i * UI_REVIEW_PARTS];
        char took[32];
        char target[32];
        ui_widget_seconds(took, sizeof took, t->response_ms);
        ui_widget_seconds(target, sizeof target, t->target_ms);
        const char *before = ui_widget_mood_name(t->mood_before);
        const char *after = ui_widget_mood_name(t->mood_after);
        int dm = t->mood_after - t->mood_before;
        char mood[96];
        if (strcmp(before, after) != 0) {
            snprintf(mood, sizeof mood, _("mood %s to %s"), before, after);
        } else if (dm != 0) {
            snprintf(mood, sizeof mood, _("mood still %s (%+d)"), after, dm);
        } else {
            snprintf(mood, sizeof mood, _("mood still %s"), after);
        }
        out[0] =
            ui_debrief_printf(_("Turn %d \xC2\xB7 %s (target %s) \xC2\xB7 %s"),
                              t->number, took, target, mood);
        char *said = debrief_customer_text(t->node);
        out[1] = ui_debrief_printf("%s%s%s %s", lri, _("Customer:"), pdi,
                                   said ? said : "");
        free(said);
        if (t->chosen) {
            char you[96];
            snprintf(you, sizeof you, _("You (option %d):"), t->chosen_pos);
            out[2] =
                ui_debrief_printf("%s%s%s %s", lri, you, pdi, t->chosen->say);
            out[3] = t->critical
                         ? ui_debrief_printf(
                               "%s%s%s %s %s", lri,
                               _("Critical mistake (not passed):"), pdi,
                               t->critical,
                               t->chosen->feedback ? t->chosen->feedback : "")
                     : t->chosen->feedback
                         ? ui_debrief_printf("%s%s%s %s", lri, _("Feedback:"),
                                             pdi, t->chosen->feedback)
                         : ui_debrief_printf("%s%s%s", lri,
                                             _("Feedback: none written"), pdi);
        } else {
            out[2] = ui_debrief_printf(
                "%s%s%s", lri,
                _("You: no reply before the customer's patience ran out."),
                pdi);
            out[3] = ui_debrief_printf(
                "%s%s%s", lri,
                _("Feedback: a short holding line keeps the call going "
                  "while you think."),
                pdi);
        }
        if (t->better) {
            char better[96];
            snprintf(better, sizeof better, _("Better (option %d):"),
                     t->better_pos);
            out[4] = ui_debrief_printf("%s%s%s %s", lri, better, pdi,
                                       t->better->say);
        } else {
            out[4] = ui_debrief_printf(
                "%s%s%s", lri, _("That was the best option on offer."), pdi);
        }
        for (int k = 0; k < UI_REVIEW_PARTS; k++) {
            if (!out[k]) {
                ui_screen_debrief_free(app);
                return false;
            }
        }
    }
    return true;
}

/* One labelled bar on one row: the name, the bar, the number. */
static void ui_debrief_bar(ui_app *app, SDL_Rect *col, const char *label,
                           int value, bool bold, int label_w, int num_w)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int px = l->px_small;
    int lh = ui_text_line_height(app->text, px, true);
    SDL_Rect row = ui_layout_cut_top(col, lh, l->gap);
    ui_text_style ls = ui_widget_style(app, px, bold, th->text);
    ls.max_lines = 1;
    ls.wrap_w = label_w;
    ui_text_draw(app->text, label, &ls, row.x, row.y, NULL);
    char num[16];
    snprintf(num, sizeof num, "%d", value);
    ui_text_style ns = ui_widget_style(app, px, true, th->text);
    ns.align = UI_TEXT_RIGHT;
    ns.wrap_w = num_w;
    ui_text_draw(app->text, num, &ns, row.x + row.w - num_w, row.y, NULL);
    int bar_h = l->h / 40 > 6 ? l->h / 40 : 6;
    SDL_Rect bar = {row.x + label_w + l->gap, row.y + (lh - bar_h) / 2,
                    row.w - label_w - num_w - 2 * l->gap, bar_h};
    ui_widget_meter(app, bar, value / 100.0, bold ? th->accent : th->good);
}

static void ui_debrief_chart(ui_app *app, SDL_Rect box)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const debrief *d = app->play.d;
    int px = l->px_min;
    int lh = ui_text_line_height(app->text, px, false);
    ui_text_style hs = ui_widget_style(app, l->px_small, true, th->text);
    hs.max_lines = 1;
    int hh = ui_widget_label(app, _("Mood over the call"), hs, box);
    ui_layout_cut_top(&box, hh, l->gap);
    if (box.h < 3 * lh) {
        return;
    }
    SDL_Rect x_axis = ui_layout_cut_bottom(&box, lh, l->gap / 2);
    ui_draw_round_frame(app->renderer, box, l->radius, l->border, th->panel,
                        th->panel_border);
    SDL_Rect plot = ui_layout_inset(box, l->border);
    /* Moods 0..100 map inside a margin, so points at the ends stay whole. */
    float thick = (float)(l->border * 3 > 3 ? l->border * 3 : 3);
    int margin = (int)(thick * 2.0f) + 1;
    int py0 = plot.y + margin;
    int py1 = plot.y + plot.h - margin;
    /* Bands where the customer's expression changes, as the core maps
     * mood to expression; each named when there is room. */
    int start = 0;
    int band = 0;
    for (int m = 1; m <= 101; m++) {
        if (m <= 100 && scenario_expression_for_mood(m) ==
                            scenario_expression_for_mood(start)) {
            continue;
        }
        /* The band [start, m) of moods; the outer ones reach the edges. */
        int y0 = m > 100 ? plot.y : py1 - (py1 - py0) * m / 100;
        int y1 =
            start == 0 ? plot.y + plot.h : py1 - (py1 - py0) * start / 100;
        SDL_Rect r = {plot.x, y0, plot.w, y1 - y0};
        ui_draw_rect(app->renderer, r, th->chart_band[band % 5]);
        if (m <= 100) {
            ui_draw_rect(app->renderer,
                         (SDL_Rect){plot.x, y0, plot.w, l->border}, th->track);
        }
        if (r.h >= lh) {
            ui_text_style bs = ui_widget_style(app, px, false, th->muted);
            bs.max_lines = 1;
            ui_text_draw(app->text, ui_widget_mood_name(start), &bs,
                         plot.x + l->pad / 2, y0 + (r.h - lh) / 2, NULL);
        }
        start = m;
        band++;
    }
    size_t n = d->mood_count;
    if (n == 0) {
        return;
    }
    /* Leave the band names clear on the left. */
    ui_text_style ms = ui_widget_style(app, px, false, th->muted);
    ui_text_size sz;
    ui_text_measure(app->text, C_("mood", "Confused"), &ms, &sz);
    int name_w = sz.w;
    for (int m = 0; m <= 100; m += 5) {
        ui_text_measure(app->text, ui_widget_mood_name(m), &ms, &sz);
        name_w = sz.w > name_w ? sz.w : name_w;
    }
    int x0 = plot.x + name_w + l->pad;
    int x1 = plot.x + plot.w - l->pad * 2;
    SDL_FPoint pts[64];
    size_t shown = n < 64 ? n : 64;
    for (size_t i = 0; i < shown; i++) {
        float fx = shown > 1 ? (float)i / (float)(shown - 1) : 0.5f;
        pts[i].x = (float)x0 + fx * (float)(x1 - x0);
        pts[i].y =
            (float)py1 - (float)(py1 - py0) * (float)d->mood[i] / 100.0f;
    }
    ui_draw_polyline(app->renderer, pts, (int)shown, thick, th->text);
    for (size_t i = 0; i < shown; i++) {
        float r = thick * 1.6f;
        ui_draw_ellipse(app->renderer, pts[i].x, pts[i].y, r, r, th->text);
        ui_draw_ellipse(app->renderer, pts[i].x, pts[i].y, r * 0.55f,
                        r * 0.55f, th->panel);
    }
    /* Turn numbers under the points, thinned out when crowded. */
    ui_text_size tw;
    /* TRANSLATORS: under the first point of the mood chart (the call's
     * start); short. */
    const char *start_word = _("Start");
    ui_text_measure(app->text, start_word, &ms, &tw);
    int step = 1;
    if (shown > 1) {
        float gap = (float)(x1 - x0) / (float)(shown - 1);
        while (gap * (float)step < (float)(tw.w + l->pad)) {
            step++;
        }
    }
    ms.align = UI_TEXT_CENTRE;
    for (size_t i = 0; i < shown; i += (size_t)step) {
        char lab[16];
        if (i == 0) {
            snprintf(lab, sizeof lab, "%s", start_word);
        } else {
            snprintf(lab, sizeof lab, "%zu", i);
        }
        int cx = (int)pts[i].x;
        ui_text_draw(app->text, lab, &ms, cx, x_axis.y, NULL);
    }
}

static int ui_debrief_entry(ui_app *app, size_t turn, SDL_Rect at, bool draw)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    char **parts = &app->play.review[turn * UI_REVIEW_PARTS];
    int px = l->px_small;
    int y = at.y + l->pad;
    int h_total = 0;
    int heights[UI_REVIEW_PARTS];
    ui_text_style st[UI_REVIEW_PARTS];
    for (int k = 0; k < UI_REVIEW_PARTS; k++) {
        /* The heading is the game's; the rest quotes the scenario. */
        SDL_Color c = k == 1 ? th->muted : th->text;
        st[k] = k == 0 ? ui_widget_style(app, px, true, c)
                       : ui_widget_content_style(app, px, false, c);
        st[k].wrap_w = at.w - 2 * l->pad;
        ui_text_size sz;
        ui_text_measure(app->text, parts[k], &st[k], &sz);
        heights[k] = sz.h;
        h_total += sz.h + (k ? l->gap / 2 : 0);
    }
    h_total += 2 * l->pad;
    if (!draw) {
        return h_total;
    }
    SDL_Rect card = {at.x, at.y, at.w, h_total};
    ui_draw_round_frame(app->renderer, card, l->radius, l->border, th->panel,
                        th->panel_border);
    SDL_Rect view = app->scroll[UI_SCROLL_REVIEW].view;
    for (int k = 0; k < UI_REVIEW_PARTS; k++) {
        /* Only what can be seen is rasterised. */
        if (y + heights[k] > view.y && y < view.y + view.h) {
            ui_text_draw(app->text, parts[k], &st[k], at.x + l->pad, y, NULL);
        }
        y += heights[k] + l->gap / 2;
    }
    return h_total;
}

void ui_screen_debrief_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const ui_play *p = &app->play;
    const debrief *d = p->d;
    if (!d) {
        return;
    }
    char buf[400];
    if (p->trainee[0]) {
        snprintf(buf, sizeof buf, _("Debrief for %s \xC2\xB7 %s"), p->trainee,
                 p->sc->title);
    } else {
        snprintf(buf, sizeof buf, _("Debrief \xC2\xB7 %s"), p->sc->title);
    }
    SDL_Rect body = ui_widget_header(app, buf, ui_app_mode_name(p->mode));
    if (p->note[0]) {
        /* After a reload. */
        int nh = ui_text_line_height(app->text, l->px_small, true);
        ui_text_style ns = ui_widget_style(app, l->px_small, true, th->text);
        ns.max_lines = 1;
        ui_widget_label(app, p->note, ns,
                        ui_layout_cut_top(&body, nh, l->gap));
    }

    /* Buttons along the bottom. */
    int px = l->px_small;
    int bh = ui_widget_button_height(app, px);
    SDL_Rect row = ui_layout_cut_bottom(&body, bh, l->gap * 2);
    const char *labels[3] = {_("Replay (R)"), _("Another scenario (P)"),
                             _("Quit (Q)")};
    const ui_action acts[3] = {UI_ACT_REPLAY, UI_ACT_PICKER, UI_ACT_QUIT};
    int widths[3];
    int total_w = 2 * l->gap;
    for (int i = 0; i < 3; i++) {
        widths[i] = ui_widget_button_width(app, labels[i], px);
        total_w += widths[i];
    }
    ui_layout_cut_left(&row, row.w - total_w, 0);
    for (int i = 0; i < 3; i++) {
        ui_widget_button(app, ui_layout_cut_left(&row, widths[i], l->gap),
                         labels[i], acts[i], 0, i == 0);
    }
    if (p->save_line[0]) {
        /* Where the result went, or why it did not: bold when not saved. */
        bool saved = p->save == UI_SAVE_DONE;
        ui_text_style vs = ui_widget_style(app, px, !saved, th->text);
        vs.wrap_w = body.w;
        vs.max_lines = 2;
        ui_text_size vsz;
        ui_text_measure(app->text, p->save_line, &vs, &vsz);
        ui_widget_label(app, p->save_line, vs,
                        ui_layout_cut_bottom(&body, vsz.h, l->gap));
    }

    SDL_Rect left = ui_layout_cut_left(&body, body.w * 42 / 100, l->gap * 3);
    /* Outcome */
    if (d->ending && d->ending->title) {
        /* TRANSLATORS: the outcome, the ending's title. */
        snprintf(buf, sizeof buf, _("%s: %s"),
                 ui_widget_outcome_name(d->outcome), d->ending->title);
    } else if (d->gave_up) {
        snprintf(buf, sizeof buf, _("%s: the customer gave up waiting"),
                 ui_widget_outcome_name(d->outcome));
    } else {
        snprintf(buf, sizeof buf, "%s", ui_widget_outcome_name(d->outcome));
    }
    if (buf[0] >= 'a' && buf[0] <= 'z') {
        buf[0] = (char)(buf[0] - 'a' + 'A');
    }
    ui_text_style os = ui_widget_style(app, l->px_body, true, th->text);
    os.max_lines = 2;
    int h = ui_widget_label(app, buf, os, left);
    ui_layout_cut_top(&left, h, l->gap);
    char verdict[300];
    bool iso = lang_rtl(); /* the core's words keep their direction */
    snprintf(verdict, sizeof verdict, "%s%s%s", iso ? UI_TEXT_FSI : "",
             d->verdict, iso ? UI_TEXT_PDI : "");
    snprintf(buf, sizeof buf, _("Overall %d of 100 \xC2\xB7 %s \xC2\xB7 %s%s"),
             d->summary.overall, ui_widget_band_name(d->summary.band), verdict,
             d->relaxed_timing ? _(" \xC2\xB7 relaxed timing") : "");
    ui_text_style ss = ui_widget_style(app, px, false, th->text);
    ss.max_lines = d->critical_count ? 3 : 2;
    h = ui_widget_label(app, buf, ss, left);
    ui_layout_cut_top(&left, h, l->gap * 2);
    const char *const dims[SCENARIO_DIM_COUNT] = {_("Empathy"), _("Honesty"),
                                                  _("Promptness")};
    int label_w = 0;
    ui_text_style ms = ui_widget_style(app, px, true, th->text);
    for (int i = 0; i < SCENARIO_DIM_COUNT; i++) {
        ui_text_size sz;
        ui_text_measure(app->text, dims[i], &ms, &sz);
        label_w = sz.w > label_w ? sz.w : label_w;
    }
    ui_text_size num_sz;
    ui_text_measure(app->text, "100", &ms, &num_sz);
    for (int i = 0; i < SCENARIO_DIM_COUNT; i++) {
        ui_debrief_bar(app, &left, dims[i], d->summary.dim[i], false, label_w,
                       num_sz.w);
    }
    ui_debrief_bar(app, &left, _("Overall"), d->summary.overall, true, label_w,
                   num_sz.w);
    ui_layout_cut_top(&left, l->gap, 0);
    ui_debrief_chart(app, left);

    /* Turn by turn */
    ui_text_style rs = ui_widget_style(app, px, true, th->text);
    rs.max_lines = 1;
    int lh = ui_text_line_height(app->text, px, true);
    ui_widget_label(app, _("Turn by turn (scroll for more)"), rs,
                    ui_layout_cut_top(&body, lh, l->gap));
    int bar = (l->gap > 4 ? l->gap : 4) + l->gap;
    SDL_Rect at = {body.x, 0, body.w - bar, 0};
    ui_text_style ps = ui_widget_style(app, px, true, th->text);
    ps.wrap_w = at.w - 2 * l->pad;
    ui_text_size psz;
    ui_text_measure(app->text, p->practise, &ps, &psz);
    int practise_h = psz.h + 2 * l->pad;
    ui_text_style obh = ui_widget_style(app, px, true, th->text);
    obh.wrap_w = ps.wrap_w;
    ui_text_style obs = ui_widget_content_style(app, px, false, th->text);
    obs.wrap_w = ps.wrap_w;
    const char *obj_head = _("Objectives of this call and their principles");
    ui_text_size ohsz = {0, 0, 0, false};
    ui_text_size osz = {0, 0, 0, false};
    int objectives_h = 0;
    if (p->objectives) {
        ui_text_measure(app->text, obj_head, &obh, &ohsz);
        ui_text_measure(app->text, p->objectives, &obs, &osz);
        objectives_h = ohsz.h + l->gap / 2 + osz.h + 2 * l->pad;
    }
    int total = practise_h + (objectives_h ? objectives_h + l->gap : 0);
    for (size_t i = 0; i < p->review_turns; i++) {
        total += ui_debrief_entry(app, i, at, false) + l->gap;
    }
    ui_widget_scroll_begin(app, UI_SCROLL_REVIEW, body, total);
    int y = body.y - app->scroll[UI_SCROLL_REVIEW].offset;
    if (y + practise_h > body.y) {
        SDL_Rect card = {at.x, y, at.w, practise_h};
        ui_draw_round_frame(app->renderer, card, l->radius, 2 * l->border,
                            th->focus_bg, th->accent);
        ui_text_draw(app->text, p->practise, &ps, at.x + l->pad, y + l->pad,
                     NULL);
    }
    y += practise_h + l->gap;
    if (objectives_h) {
        if (y + objectives_h > body.y && y < body.y + body.h) {
            SDL_Rect card = {at.x, y, at.w, objectives_h};
            ui_draw_round_frame(app->renderer, card, l->radius, l->border,
                                th->panel, th->panel_border);
            ui_text_draw(app->text, obj_head, &obh, at.x + l->pad, y + l->pad,
                         NULL);
            ui_text_draw(app->text, p->objectives, &obs, at.x + l->pad,
                         y + l->pad + ohsz.h + l->gap / 2, NULL);
        }
        y += objectives_h + l->gap;
    }
    for (size_t i = 0; i < p->review_turns; i++) {
        at.y = y;
        int eh = ui_debrief_entry(app, i, at, false);
        if (y + eh > body.y && y < body.y + body.h) {
            ui_debrief_entry(app, i, at, true);
        }
        y += eh + l->gap;
    }
    ui_widget_scroll_end(app, UI_SCROLL_REVIEW);
}

bool ui_screen_debrief_key(ui_app *app, const SDL_Keysym *key)
{
    switch (key->sym) {
    case SDLK_r:
        ui_app_do(app, UI_ACT_REPLAY, 0);
        return true;
    case SDLK_p:
        ui_app_do(app, UI_ACT_PICKER, 0);
        return true;
    case SDLK_q:
        ui_app_do(app, UI_ACT_QUIT, 0);
        return true;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        ui_app_press_focus(app);
        return true;
    default:
        return ui_widget_scroll_key(
            app, UI_SCROLL_REVIEW,
            ui_text_line_height(app->text, app->lay.px_small, false), key);
    }
}
