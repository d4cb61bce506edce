/* ui_mood.c — the portrait and its meters, and how a reply changed the
 * mood (the call and the classroom). */
#include "ui_mood.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_draw.h"
#include "ui_portrait.h"

void ui_mood_meter_of(const ui_app *app, int mood, ui_mood_meter *out)
{
    snprintf(out->label, sizeof out->label, _("Mood: %s (%d of 100)"),
             ui_widget_mood_name(mood), mood);
    out->bold = false;
    out->fraction = (double)mood / 100.0;
    out->colour = ui_theme_mood_colour(app->theme, mood);
}

void ui_mood_column(ui_app *app, SDL_Rect col, const scenario *sc,
                    scenario_expression expr, const ui_mood_meter *m, int n)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int small = l->px_small;
    int lh_small = ui_text_line_height(app->text, small, true);
    int lh_name = ui_text_line_height(app->text, l->px_body, true);
    int bar_h = l->h / 40 > 6 ? l->h / 40 : 6;
    /* One line or two for every label, from the longest they can get
     * (every mood's name, in the interface's language). */
    char longest[14][128];
    bool bold[14] = {false};
    size_t count = 0;
    for (int mood = 0; mood <= 100; mood += 10) {
        snprintf(longest[count++], sizeof longest[0],
                 _("Mood: %s (%d of 100)"), ui_widget_mood_name(mood), 100);
    }
    snprintf(longest[count], sizeof longest[0], _("Patience: %d s left (low)"),
             88);
    bold[count++] = true;
    snprintf(longest[count++], sizeof longest[0],
             _("Your time: %d s (target %s)"), 88, "88.8 s");
    snprintf(longest[count++], sizeof longest[0], "%s",
             _("Relaxed timing: no time limit"));
    int lines = 1;
    for (size_t i = 0; i < count; i++) {
        ui_text_style st = ui_widget_style(app, small, bold[i], th->text);
        st.wrap_w = col.w;
        ui_text_size sz;
        ui_text_measure(app->text, longest[i], &st, &sz);
        lines = sz.lines > lines ? sz.lines : lines;
    }
    lines = lines > 2 ? 2 : lines;
    int label_h = lines * lh_small;
    int meters_h = lh_name + l->gap + n * (label_h + bar_h + 2 * l->gap);
    int side = col.w;
    if (side > col.h - meters_h - l->gap) {
        side = col.h - meters_h - l->gap;
    }
    if (side < 0) {
        side = 0;
    }
    SDL_Rect portrait = {col.x + (col.w - side) / 2, col.y, side, side};
    ui_portrait_cache_draw(&app->portrait, app->renderer, portrait,
                           &sc->customer, expr, th);
    SDL_Rect rest = col;
    ui_layout_cut_top(&rest, side, l->gap);
    ui_text_style name =
        ui_widget_content_style(app, l->px_body, true, th->text);
    name.max_lines = 1;
    ui_widget_label(app, sc->customer.name, name,
                    ui_layout_cut_top(&rest, lh_name, l->gap));
    for (int i = 0; i < n; i++) {
        ui_text_style ls = ui_widget_style(app, small, m[i].bold, th->text);
        ls.max_lines = lines;
        ls.wrap_w = col.w;
        SDL_Rect box = ui_layout_cut_top(&rest, label_h, l->gap / 2);
        ui_text_size sz;
        ui_text_measure(app->text, m[i].label, &ls, &sz);
        /* Sitting on its meter. */
        ui_text_draw(app->text, m[i].label, &ls, box.x, box.y + box.h - sz.h,
                     NULL);
        ui_widget_meter(app, ui_layout_cut_top(&rest, bar_h, l->gap * 2),
                        m[i].fraction, m[i].colour);
    }
}

void ui_mood_line(char *buf, size_t len, int before_mood, int after_mood)
{
    int d = after_mood - before_mood;
    const char *before = ui_widget_mood_name(before_mood);
    const char *after = ui_widget_mood_name(after_mood);
    int size = d < 0 ? -d : d;
    if (d == 0) {
        snprintf(buf, len, _("Mood: unchanged, %s (%d of 100)"), after,
                 after_mood);
    } else if (strcmp(before, after) == 0) {
        snprintf(buf, len,
                 d > 0 ? _("Mood: still %s, up %d (now %d of 100)")
                       : _("Mood: still %s, down %d (now %d of 100)"),
                 after, size, after_mood);
    } else {
        snprintf(buf, len,
                 d > 0 ? _("Mood: %s to %s, up %d (now %d of 100)")
                       : _("Mood: %s to %s, down %d (now %d of 100)"),
                 before, after, size, after_mood);
    }
}

void ui_mood_box(ui_app *app, SDL_Rect *area, const char *line, int delta,
                 int px)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_text_style ms = ui_widget_style(app, px, true, th->text);
    ms.wrap_w = area->w - 3 * l->pad;
    ms.max_lines = 2;
    ui_text_size msz;
    ui_text_measure(app->text, line, &ms, &msz);
    SDL_Rect box = ui_layout_cut_top(area, msz.h + 2 * l->pad, l->gap * 2);
    SDL_Color mark = delta > 0   ? th->good
                     : delta < 0 ? th->bad
                                 : th->panel_border;
    ui_draw_round_frame(app->renderer, box, l->radius, l->border, th->panel,
                        th->panel_border);
    SDL_Rect stripe = {box.x, box.y, l->pad, box.h};
    ui_draw_round_rect(app->renderer, stripe, l->radius, mark);
    ui_text_draw(app->text, line, &ms, box.x + 2 * l->pad, box.y + l->pad,
                 NULL);
}
