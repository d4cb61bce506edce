/* ui_class_widget.c — what the classroom's screens share: the frame
 * (header; Back, the key legend and Next along the bottom), big buttons,
 * the discussion timer. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_class.h"
#include "ui_draw.h"

const char *ui_class_isolate(const ui_app *app, const char *text, char *buf,
                             size_t len)
{
    const char *iso = ui_widget_isolate(app);
    snprintf(buf, len, "%s%s%s", iso, text, iso[0] ? UI_TEXT_PDI : "");
    return buf;
}

const char *ui_class_sc_title(const ui_app *app, char *buf, size_t len)
{
    return ui_class_isolate(app, app->cls->sc->title, buf, len);
}

void ui_class_button(ui_app *app, SDL_Rect r, const char *label, int arg,
                     bool primary)
{
    ui_widget_button(app, r, label, UI_ACT_CLASS, arg, primary);
}

/* The legend: the keys of this screen, joined, in up to two lines. */
static int ui_class_legend(ui_app *app, SDL_Rect box, const char *const *keys,
                           size_t n, bool draw)
{
    const ui_layout *l = &app->lay;
    char text[1024] = "";
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(text + len, sizeof text - len, "%s%s",
                         i ? "  \xC2\xB7  " : "", keys[i]);
        if (w < 0 || (size_t)w >= sizeof text - len) {
            break;
        }
        len += (size_t)w;
    }
    ui_text_style st =
        ui_widget_style(app, l->px_small, false, app->theme->muted);
    st.wrap_w = box.w;
    st.max_lines = 2;
    st.align = UI_TEXT_CENTRE;
    ui_text_size sz;
    ui_text_measure(app->text, text, &st, &sz);
    if (draw && box.w > 0) {
        ui_text_draw(app->text, text, &st, box.x, box.y + (box.h - sz.h) / 2,
                     NULL);
    }
    return sz.h;
}

SDL_Rect ui_class_frame(ui_app *app, const char *title, const char *next_label,
                        const char *const *keys, size_t key_count)
{
    const ui_layout *l = &app->lay;
    ui_class *c = app->cls;
    SDL_Rect body = ui_widget_header(app, title, _("Classroom"));
    int px = l->px_small;
    int bh = ui_widget_button_height(app, px);
    /* TRANSLATORS: the arrow points the way Back goes on screen: a
     * right-to-left interface is mirrored, its Back button at the right
     * ("▶ رجوع": the arrow first, at the label's right). */
    const char *back = _("\xE2\x97\x80 Back");
    int back_w = ui_widget_button_width(app, back, px);
    int next_w = next_label ? ui_widget_button_width(app, next_label, px) : 0;
    if (next_w > body.w / 2) {
        next_w = body.w / 2;
    }
    SDL_Rect mid = {body.x + back_w + l->gap, 0,
                    body.w - back_w - next_w - 2 * l->gap, 0};
    int legend_h =
        c->legend ? ui_class_legend(app, mid, keys, key_count, false) : 0;
    int bar_h = legend_h > bh ? legend_h : bh;
    SDL_Rect bar = ui_layout_cut_bottom(&body, bar_h, l->gap * 2);
    SDL_Rect row = bar;
    SDL_Rect b = ui_layout_cut_left(&row, back_w, l->gap);
    b.y += (bar_h - bh) / 2;
    b.h = bh;
    ui_class_button(app, b, back, UI_CLASS_ARG(UI_CLASS_BACK, 0), false);
    if (next_label) {
        SDL_Rect n = ui_layout_cut_right(&row, next_w, l->gap);
        n.y += (bar_h - bh) / 2;
        n.h = bh;
        ui_class_button(app, n, next_label, UI_CLASS_ARG(UI_CLASS_NEXT, 0),
                        true);
    }
    if (c->legend) {
        ui_class_legend(app, row, keys, key_count, true);
    }
    if (c->note[0]) {
        ui_text_style ns =
            ui_widget_style(app, l->px_small, true, app->theme->text);
        ns.wrap_w = body.w;
        ns.max_lines = 2;
        ui_text_size nsz;
        ui_text_measure(app->text, c->note, &ns, &nsz);
        ui_widget_label(app, c->note, ns,
                        ui_layout_cut_bottom(&body, nsz.h, l->gap));
    }
    return body;
}

void ui_class_buttons(ui_app *app, SDL_Rect *area, const char *const *labels,
                      const int *args, size_t n)
{
    const ui_layout *l = &app->lay;
    int px = l->px_small;
    int bh = ui_widget_button_height(app, px);
    /* As many rows as they need (ten with nine options do not fit one
     * row at 1024x768): each row right-aligned, in order, the last at
     * the foot. */
    size_t start[UI_CLASS_BUTTONS_MAX + 1];
    size_t rows = 0;
    int used = 0;
    for (size_t i = 0; i < n && i < UI_CLASS_BUTTONS_MAX; i++) {
        int bw = ui_widget_button_width(app, labels[i], px) + l->gap;
        if (i == 0 || used + bw - l->gap > area->w) {
            start[rows++] = i;
            used = 0;
        }
        used += bw;
    }
    start[rows] = n < UI_CLASS_BUTTONS_MAX ? n : UI_CLASS_BUTTONS_MAX;
    for (size_t r = rows; r-- > 0;) {
        SDL_Rect row = ui_layout_cut_bottom(area, bh, l->gap);
        for (size_t i = start[r + 1]; i-- > start[r];) {
            int bw = ui_widget_button_width(app, labels[i], px);
            if (bw > row.w) {
                break;
            }
            ui_class_button(app, ui_layout_cut_right(&row, bw, l->gap),
                            labels[i], args[i], false);
        }
    }
}

void ui_class_timer(ui_app *app, SDL_Rect r)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_class *c = app->cls;
    int left = class_timer_left_ms(c->cs, ui_class_now(app));
    int total = class_timer_total_ms(c->cs);
    bool running = class_timer_running(c->cs);
    int s = (left + 999) / 1000;
    char label[96];
    /* TRANSLATORS: the discussion timer, minutes and seconds left. */
    snprintf(label, sizeof label, _("Discussion %d:%02d%s"), s / 60, s % 60,
             left <= 0  ? _(" \xC2\xB7 time is up")
             : !running ? _(" \xC2\xB7 paused")
                        : "");
    /* Buttons on the right: start or pause, more time, skip. */
    const char *labels[3] = {running ? _("Pause (P)") : _("Start (P)"),
                             _("+30 s (X)"), _("Skip (S)")};
    int args[3] = {UI_CLASS_ARG(UI_CLASS_TIMER, 0),
                   UI_CLASS_ARG(UI_CLASS_EXTEND, 0),
                   UI_CLASS_ARG(UI_CLASS_SKIP, 0)};
    int px = l->px_small;
    int bh = ui_widget_button_height(app, px);
    /* As many as fit in two thirds of the row, the most needed first
     * (start or pause, then more time, then skip): translations run
     * longer than English. */
    int widths[3];
    bool shown[3] = {false, false, false};
    int used = 0;
    for (int i = 0; i < 3; i++) {
        widths[i] = ui_widget_button_width(app, labels[i], px);
        if (used + widths[i] + l->gap <= r.w * 2 / 3) {
            used += widths[i] + l->gap;
            shown[i] = true;
        }
    }
    SDL_Rect row = r;
    for (int i = 2; i >= 0; i--) {
        int bw = widths[i];
        if (!shown[i]) {
            continue;
        }
        SDL_Rect b = ui_layout_cut_right(&row, bw, l->gap);
        b.y += (r.h - bh) / 2;
        b.h = bh;
        ui_class_button(app, b, labels[i], args[i], false);
    }
    ui_text_style ts = ui_widget_style(app, l->px_body, true, th->text);
    ts.max_lines = 1;
    ts.wrap_w = row.w;
    int lh = ui_text_line_height(app->text, l->px_body, true);
    ui_text_size sz;
    ui_text_measure(app->text, label, &ts, &sz);
    ui_text_draw(app->text, label, &ts, row.x, r.y + (r.h - lh) / 2, NULL);
    SDL_Rect meter = row;
    ui_layout_cut_left(&meter, sz.w + 2 * l->gap, 0);
    int mh = l->h / 30 > 8 ? l->h / 30 : 8;
    meter.y = r.y + (r.h - mh) / 2;
    meter.h = mh;
    if (meter.w > 4 * l->gap) {
        ui_widget_meter(app, meter,
                        total > 0 ? (double)left / (double)total : 0.0,
                        left * 4 < total ? th->warn : th->good);
    }
}

size_t ui_class_option_texts(const ui_app *app, const class_turn *t,
                             const char **texts)
{
    const ui_class *c = app->cls;
    if (t) {
        const scenario_node *n = &c->sc->nodes[t->node_index];
        for (size_t i = 0; i < t->option_count; i++) {
            texts[i] = n->choices[t->option_index[i]].say;
        }
        return t->option_count;
    }
    const session *s = class_session_of(c->cs);
    size_t n = session_offered_count(s);
    for (size_t i = 0; i < n; i++) {
        texts[i] = session_offered(s, i)->say;
    }
    return n;
}
