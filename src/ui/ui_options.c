/* ui_options.c — option cards with a badge (the call and the classroom). */
#include "ui_options.h"
#include "ui_mirror.h"

#include <stdio.h>

#include "ui_draw.h"

void ui_options_label(const ui_options_spec *spec, size_t i, char *buf,
                      size_t len)
{
    if (spec->letters && i < 26) {
        snprintf(buf, len, "%c", (char)('A' + i));
    } else {
        snprintf(buf, len, "%zu", i + 1);
    }
}

static int ui_options_badge(ui_app *app, const ui_options_spec *spec, int px)
{
    double scale = spec->badge_scale > 0.0 ? spec->badge_scale : 1.0;
    int badge = ui_text_line_height(app->text, px, true) * 5 / 4;
    return (int)((double)badge * scale + 0.5);
}

static const char *ui_options_note(const ui_options_spec *spec, size_t i)
{
    return spec->notes && spec->notes[i] && spec->notes[i][0] ? spec->notes[i]
                                                              : NULL;
}

int ui_options_measure(ui_app *app, const ui_options_spec *spec, int px,
                       int cols, int width, int *card_h, int *text_w)
{
    const ui_layout *l = &app->lay;
    size_t n = spec->count;
    int cw = (width - (cols - 1) * l->gap) / cols;
    int badge = ui_options_badge(app, spec, px);
    *text_w = cw - 2 * l->pad - badge - l->pad;
    ui_text_style st =
        ui_widget_content_style(app, px, false, app->theme->text);
    st.wrap_w = *text_w;
    ui_text_style ns = ui_widget_style(app, px, true, app->theme->text);
    ns.wrap_w = *text_w;
    int total = 0;
    for (size_t i = 0; i < n; i += (size_t)cols) {
        int row = 0;
        for (size_t k = i; k < n && k < i + (size_t)cols; k++) {
            ui_text_size sz;
            ui_text_measure(app->text, spec->texts[k], &st, &sz);
            const char *note = ui_options_note(spec, k);
            if (note) {
                ui_text_size nsz;
                ui_text_measure(app->text, note, &ns, &nsz);
                sz.h += l->gap + nsz.h;
            }
            int h = (sz.h > badge ? sz.h : badge) + 2 * l->pad;
            card_h[k] = h;
            if (h > row) {
                row = h;
            }
        }
        for (size_t k = i; k < n && k < i + (size_t)cols; k++) {
            card_h[k] = row;
        }
        total += row + (i ? l->gap : 0);
    }
    return total;
}

int ui_options_draw(ui_app *app, SDL_Rect area, const ui_options_spec *spec,
                    int px_lo, int px_hi, int max_cols)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    size_t n = spec->count;
    if (n == 0) {
        return px_lo;
    }
    int card_h[SCENARIO_MAX_CHOICES];
    int text_w = 0;
    int best_px = 0;
    int best_cols = 1;
    for (int cols = 1; cols <= max_cols; cols++) {
        int lo = px_lo;
        int hi = px_hi;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) / 2;
            if (ui_options_measure(app, spec, mid, cols, area.w, card_h,
                                   &text_w) <= area.h) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found > best_px) {
            best_px = found;
            best_cols = cols;
        }
    }
    bool scroll = best_px == 0;
    int px = scroll ? px_lo : best_px;
    int cols = scroll ? 1 : best_cols;
    int width = scroll ? area.w - ui_widget_bar_w(app) : area.w;
    int total =
        ui_options_measure(app, spec, px, cols, width, card_h, &text_w);
    int cw = (width - (cols - 1) * l->gap) / cols;

    /* Keep the focused card in view. */
    ui_scroll *sv = &app->scroll[UI_SCROLL_OPTIONS];
    sv->view = area;
    int y = 0;
    int ys[SCENARIO_MAX_CHOICES];
    for (size_t i = 0; i < n; i++) {
        if (i % (size_t)cols == 0 && i) {
            y += card_h[i - 1] + l->gap;
        }
        ys[i] = y;
    }
    if (app->focus_moved && app->focus >= 0 && (size_t)app->focus < n) {
        app->focus_moved = false;
        ui_widget_scroll_show(app, UI_SCROLL_OPTIONS, ys[app->focus],
                              card_h[app->focus]);
    }
    ui_widget_scroll_begin(app, UI_SCROLL_OPTIONS, area, total);
    int off = sv->offset;
    int badge = ui_options_badge(app, spec, px);
    double scale = spec->badge_scale > 0.0 ? spec->badge_scale : 1.0;
    int badge_px = (int)((double)px * scale + 0.5);
    for (size_t i = 0; i < n; i++) {
        SDL_Rect card = {area.x + (int)(i % (size_t)cols) * (cw + l->gap),
                         area.y + ys[i] - off, cw, card_h[i]};
        SDL_Rect visible;
        if (!SDL_IntersectRect(&card, &area, &visible)) {
            visible = (SDL_Rect){card.x, area.y, 0, 0};
        }
        bool focused =
            spec->action != UI_ACT_NONE &&
            ui_app_add_hit(app, visible, spec->action,
                           spec->arg_or | (int)i << spec->arg_shift, true);
        bool hot = focused || (spec->action != UI_ACT_NONE &&
                               ui_app_hovered(app, visible));
        bool marked = spec->marked >= 0 && (size_t)spec->marked == i;
        ui_draw_round_frame(app->renderer, card, l->radius,
                            hot || marked ? 3 * l->border : l->border,
                            hot || marked ? th->focus_bg : th->panel,
                            hot || marked ? th->accent : th->panel_border);
        ui_text_style ts = ui_widget_content_style(app, px, false, th->text);
        ts.wrap_w = text_w;
        /* The badge at the start of the card: on the right in a
         * right-to-left language (in the layout, which a right-to-left
         * interface mirrors: ui_mirror.h). */
        bool right = ui_mirror_start_right(app, ts.rtl);
        int badge_x =
            right ? card.x + card.w - l->pad - badge : card.x + l->pad;
        int text_x = right ? card.x + l->pad : card.x + 2 * l->pad + badge;
        float cx = (float)badge_x + (float)badge / 2.0f;
        float cy = (float)(card.y + l->pad) + (float)badge / 2.0f;
        ui_draw_ellipse(app->renderer, cx, cy, (float)badge / 2.0f,
                        (float)badge / 2.0f, th->accent);
        char num[24];
        ui_options_label(spec, i, num, sizeof num);
        ui_text_style ns =
            ui_widget_style(app, badge_px, true, th->accent_text);
        ns.align = UI_TEXT_CENTRE;
        int lh = ui_text_line_height(app->text, badge_px, true);
        ui_text_draw(app->text, num, &ns, (int)cx, (int)cy - lh / 2, NULL);
        ui_text_size tsz;
        ui_text_draw(app->text, spec->texts[i], &ts, text_x, card.y + l->pad,
                     &tsz);
        const char *note = ui_options_note(spec, i);
        if (note) {
            ui_text_style bs = ui_widget_style(app, px, true, th->text);
            bs.wrap_w = text_w;
            ui_text_draw(app->text, note, &bs, text_x,
                         card.y + l->pad + tsz.h + l->gap, NULL);
        }
    }
    ui_widget_scroll_end(app, UI_SCROLL_OPTIONS);
    return px;
}
