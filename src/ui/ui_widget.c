/* ui_widget.c — labels, buttons, meters, scroll areas and the header bar
 * shared by the screens. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "ui_class.h"
#include "ui_draw.h"
#include "ui_internal.h"
#include "words.h"

ui_text_style ui_widget_style(const ui_app *app, int px, bool bold,
                              SDL_Color c)
{
    (void)app;
    /* The interface's words: right to left when its language is (the
     * scenario's words get their own direction, below). */
    ui_text_style st = {px, bold, 0, 0, UI_TEXT_LEFT, c, lang_rtl(), {0}};
    return st;
}

ui_text_style ui_widget_content_style(const ui_app *app, int px, bool bold,
                                      SDL_Color c)
{
    ui_text_style st = ui_widget_style(app, px, bold, c);
    /* Classroom mode's scenario is the class's own. */
    const scenario *sc = app->screen == UI_SCREEN_CLASS && app->cls
                             ? app->cls->sc
                             : app->play.sc;
    if (sc) {
        ui_text_set_lang(&st, sc->lang);
    }
    return st;
}

bool ui_widget_content_rtl(const ui_app *app)
{
    return ui_widget_content_style(app, 1, false, app->theme->text).rtl;
}

const char *ui_widget_isolate(const ui_app *app)
{
    if (!lang_rtl() && !ui_widget_content_rtl(app)) {
        return "";
    }
    /* Each isolated piece takes the direction of its own first letter:
     * the interface's words, and the core's words not yet translated. */
    return UI_TEXT_FSI;
}

int ui_widget_label(ui_app *app, const char *text, ui_text_style st,
                    SDL_Rect box)
{
    if (st.wrap_w <= 0) {
        st.wrap_w = box.w;
    }
    ui_text_size sz;
    ui_text_draw(app->text, text, &st, box.x, box.y, &sz);
    return sz.h;
}

int ui_widget_button_height(ui_app *app, int px)
{
    return ui_text_line_height(app->text, px, true) + app->lay.pad * 6 / 5;
}

int ui_widget_button_width(ui_app *app, const char *label, int px)
{
    ui_text_style st = ui_widget_style(app, px, true, app->theme->text);
    ui_text_size sz;
    ui_text_measure(app->text, label, &st, &sz);
    return sz.w + 3 * app->lay.pad;
}

void ui_widget_button(ui_app *app, SDL_Rect rect, const char *label,
                      ui_action action, int arg, bool primary)
{
    const ui_theme *th = app->theme;
    const ui_layout *l = &app->lay;
    bool focused = ui_app_add_hit(app, rect, action, arg, true);
    bool hot = focused || ui_app_hovered(app, rect);
    SDL_Color fill = primary ? th->accent : th->panel;
    if (hot && !primary) {
        fill = th->focus_bg;
    }
    SDL_Color outline = hot ? th->accent : th->panel_border;
    if (primary && hot) {
        outline = th->text;
    }
    int border = hot ? l->border * 3 : l->border;
    ui_draw_round_frame(app->renderer, rect, l->radius, border, fill, outline);
    int px = l->px_small;
    ui_text_style st =
        ui_widget_style(app, px, true, primary ? th->accent_text : th->text);
    st.wrap_w = rect.w - 2 * l->pad;
    st.max_lines = 1;
    st.align = UI_TEXT_CENTRE;
    int lh = ui_text_line_height(app->text, px, true);
    ui_text_draw(app->text, label, &st, rect.x + l->pad,
                 rect.y + (rect.h - lh) / 2, NULL);
}

void ui_widget_meter(ui_app *app, SDL_Rect rect, double fraction,
                     SDL_Color fill)
{
    const ui_theme *th = app->theme;
    const ui_layout *l = &app->lay;
    if (fraction < 0.0) {
        fraction = 0.0;
    }
    if (fraction > 1.0) {
        fraction = 1.0;
    }
    int radius = rect.h / 2;
    ui_draw_round_frame(app->renderer, rect, radius, l->border, th->track,
                        th->panel_border);
    SDL_Rect bar = ui_layout_inset(rect, l->border);
    bar.w = (int)((double)bar.w * fraction + 0.5);
    if (bar.w > 0) {
        ui_draw_round_rect(app->renderer, bar, bar.h / 2, fill);
    }
    /* Quarter ticks, so the level reads without colour. */
    for (int q = 1; q < 4; q++) {
        int x = rect.x + rect.w * q / 4;
        SDL_Rect tick = {x - l->border / 2, rect.y + rect.h / 4,
                         l->border > 1 ? l->border : 1, rect.h / 2};
        ui_draw_rect(app->renderer, tick, th->panel_border);
    }
}

int ui_widget_bar_w(const ui_app *app)
{
    return (app->lay.gap > 4 ? app->lay.gap : 4) + app->lay.gap;
}

void ui_widget_scroll_begin(ui_app *app, ui_scroll_id id, SDL_Rect view,
                            int content)
{
    ui_scroll *s = &app->scroll[id];
    s->view = view;
    s->content = content;
    s->active = true;
    int max = content - view.h;
    if (max < 0) {
        max = 0;
    }
    if (s->offset > max) {
        s->offset = max;
    }
    if (s->offset < 0) {
        s->offset = 0;
    }
    ui_draw_clip(app->renderer, &view);
}

void ui_widget_scroll_end(ui_app *app, ui_scroll_id id)
{
    ui_scroll *s = &app->scroll[id];
    ui_draw_clip(app->renderer, NULL);
    if (s->content <= s->view.h || s->view.h <= 0) {
        return;
    }
    /* Scrollbar along the right edge of the view. */
    const ui_layout *l = &app->lay;
    int bw = l->gap > 4 ? l->gap : 4;
    SDL_Rect track = {s->view.x + s->view.w - bw, s->view.y, bw, s->view.h};
    ui_draw_round_rect(app->renderer, track, bw / 2, app->theme->track);
    int thumb_h = s->view.h * s->view.h / s->content;
    int min_h = 3 * bw;
    if (thumb_h < min_h) {
        thumb_h = min_h;
    }
    int range = s->content - s->view.h;
    int y = s->view.y + (s->view.h - thumb_h) * s->offset / range;
    SDL_Rect thumb = {track.x, y, bw, thumb_h};
    ui_draw_round_rect(app->renderer, thumb, bw / 2, app->theme->muted);
}

void ui_widget_scroll_show(ui_app *app, ui_scroll_id id, int y, int h)
{
    ui_scroll *s = &app->scroll[id];
    if (y < s->offset) {
        s->offset = y;
    }
    if (y + h > s->offset + s->view.h) {
        s->offset = y + h - s->view.h;
    }
    if (s->offset < 0) {
        s->offset = 0;
    }
}

void ui_widget_seconds(char *buf, size_t len, int ms)
{
    int tenths = (ms + 50) / 100;
    if (tenths % 10 == 0) {
        snprintf(buf, len, _("%d s"), tenths / 10);
    } else {
        /* TRANSLATORS: seconds with one decimal (3.5 s); write your
         * decimal separator */
        snprintf(buf, len, _("%d.%d s"), tenths / 10, tenths % 10);
    }
}

const char *ui_widget_mood_name(int mood)
{
    switch (scenario_expression_for_mood(mood)) {
    case SCENARIO_EXPR_FURIOUS:
        return C_("mood", "Furious");
    case SCENARIO_EXPR_IRATE:
        return C_("mood", "Irate");
    case SCENARIO_EXPR_ANNOYED:
        return C_("mood", "Annoyed");
    case SCENARIO_EXPR_WORRIED:
        return C_("mood", "Worried");
    case SCENARIO_EXPR_CONFUSED:
        return C_("mood", "Confused");
    case SCENARIO_EXPR_SAD:
        return C_("mood", "Sad");
    case SCENARIO_EXPR_CALM:
        return C_("mood", "Calm");
    case SCENARIO_EXPR_RELIEVED:
        return C_("mood", "Relieved");
    case SCENARIO_EXPR_HAPPY:
        return C_("mood", "Happy");
    default:
        return C_("mood", "Neutral");
    }
}

const char *ui_widget_channel_name(scenario_channel channel)
{
    switch (channel) {
    case SCENARIO_CHANNEL_COUNTER:
        return C_("channel", "counter");
    case SCENARIO_CHANNEL_CHAT:
        return C_("channel", "chat");
    case SCENARIO_CHANNEL_EMAIL:
        return C_("channel", "email");
    default:
        return C_("channel", "phone");
    }
}

const char *ui_widget_outcome_name(scenario_outcome outcome)
{
    switch (outcome) {
    case SCENARIO_OUTCOME_RESOLVED:
        return C_("outcome", "resolved");
    case SCENARIO_OUTCOME_PARTIAL:
        return C_("outcome", "partial");
    case SCENARIO_OUTCOME_ESCALATED:
        return C_("outcome", "escalated");
    default:
        return C_("outcome", "lost");
    }
}

const char *ui_widget_band_name(score_band band) { return words_band(band); }

const char *ui_widget_principle_name(int principle)
{
    return principle >= 0 && principle < SCENARIO_PRINCIPLE_COUNT
               ? words_principle((scenario_principle)principle)
               : "?";
}

SDL_Rect ui_widget_header(ui_app *app, const char *title, const char *tag)
{
    const ui_layout *l = &app->lay;
    SDL_Rect full = {l->margin, l->margin, l->w - 2 * l->margin,
                     l->h - 2 * l->margin};
    int px = l->px_small;
    int bh = ui_widget_button_height(app, px);
    SDL_Rect bar = ui_layout_cut_top(&full, bh, l->gap);
    const char *menu = _("Menu (Esc)");
    int bw = ui_widget_button_width(app, menu, px);
    /* Right to left, the whole screen is mirrored (ui_mirror.h): the
     * title on the right, the menu button and the tag on the left. */
    SDL_Rect button = ui_layout_cut_right(&bar, bw, l->gap);
    /* The menu button is for the mouse; Esc opens it from the keyboard. */
    const ui_theme *th = app->theme;
    bool hot = ui_app_hovered(app, button);
    ui_app_add_hit(app, button, UI_ACT_MENU, 0, false);
    ui_draw_round_frame(
        app->renderer, button, l->radius, hot ? 3 * l->border : l->border,
        hot ? th->focus_bg : th->panel, hot ? th->accent : th->panel_border);
    ui_text_style bst = ui_widget_style(app, px, true, th->text);
    bst.wrap_w = button.w - 2 * l->pad;
    bst.max_lines = 1;
    bst.align = UI_TEXT_CENTRE;
    int lh = ui_text_line_height(app->text, px, true);
    ui_text_draw(app->text, menu, &bst, button.x + l->pad,
                 button.y + (button.h - lh) / 2, NULL);
    if (tag && tag[0]) {
        /* A quiet outlined label, not a button. */
        ui_text_style ts = ui_widget_style(app, px, false, th->muted);
        ts.max_lines = 1;
        ui_text_size tsz;
        ui_text_measure(app->text, tag, &ts, &tsz);
        int tw = tsz.w + 2 * l->pad;
        if (tw < bar.w / 3) {
            SDL_Rect pill = ui_layout_cut_right(&bar, tw, l->gap);
            ts.wrap_w = tsz.w;
            ui_draw_round_frame(app->renderer, pill, pill.h / 2, l->border,
                                th->bg, th->panel_border);
            int tlh = ui_text_line_height(app->text, px, false);
            ui_text_draw(app->text, tag, &ts, pill.x + l->pad,
                         pill.y + (pill.h - tlh) / 2, NULL);
        }
    }
    ui_text_style st = ui_widget_style(app, px, true, th->text);
    st.wrap_w = bar.w;
    st.max_lines = 1;
    ui_text_draw(app->text, title, &st, bar.x, bar.y + (bar.h - lh) / 2, NULL);
    return full;
}

SDL_Rect ui_widget_panel(ui_app *app, int w, int h, const char *title)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    SDL_Rect all = {0, 0, l->w, l->h};
    ui_draw_rect(app->renderer, all, th->shade);
    SDL_Rect panel = {(l->w - w) / 2, (l->h - h) / 2, w, h};
    ui_draw_round_frame(app->renderer, panel, l->radius * 2, 2 * l->border,
                        th->panel, th->panel_border);
    SDL_Rect in = ui_layout_inset(panel, 2 * l->pad);
    ui_text_style ts = ui_widget_style(app, l->px_title, true, th->text);
    ts.wrap_w = in.w;
    ts.px = ui_layout_fit_px(app->text, title, ts, in.h / 4, l->px_fit,
                             l->px_title);
    ts.max_lines = 3;
    int th_h = ui_widget_label(app, title, ts, in);
    ui_layout_cut_top(&in, th_h, l->gap * 2);
    return in;
}

/* The end of text that fits in w pixels, after an ellipsis when the
 * start is cut (a folder's end says more than its start). */
static const char *ui_widget_tail(ui_app *app, const char *text,
                                  const ui_text_style *st, int w, char *buf,
                                  size_t len)
{
    ui_text_style one = *st;
    one.wrap_w = 0;
    one.max_lines = 0;
    ui_text_size sz;
    ui_text_measure(app->text, text, &one, &sz);
    if (sz.w <= w) {
        return text;
    }
    size_t n = strlen(text);
    size_t from = n;
    while (from > 0) {
        size_t back = from - 1;
        while (back > 0 && ((unsigned char)text[back] & 0xC0u) == 0x80u) {
            back--;
        }
        snprintf(buf, len, "\xE2\x80\xA6%s", text + back);
        ui_text_measure(app->text, buf, &one, &sz);
        if (sz.w > w) {
            break;
        }
        from = back;
    }
    snprintf(buf, len, "\xE2\x80\xA6%s", text + from);
    return buf;
}

void ui_widget_field(ui_app *app, SDL_Rect field, const char *text,
                     const char *placeholder, bool editing, ui_action action,
                     bool focusable)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int px = l->px_small;
    bool focused = ui_app_add_hit(app, field, action, 0, focusable);
    bool hot = editing || focused || ui_app_hovered(app, field);
    ui_draw_round_frame(app->renderer, field, l->radius,
                        hot ? 3 * l->border : l->border,
                        editing ? th->focus_bg : th->panel,
                        hot ? th->accent : th->panel_border);
    ui_text_style ns =
        ui_widget_style(app, px, false, text[0] ? th->text : th->muted);
    int lh = ui_text_line_height(app->text, px, true);
    int y = field.y + (field.h - lh) / 2;
    int room = field.w - 3 * l->pad;
    ui_text_size nsz = {0, 0, 0, false};
    if (text[0]) {
        char buf[UI_FOLDER_MAX + 8];
        const char *shown =
            ui_widget_tail(app, text, &ns, room, buf, sizeof buf);
        ui_text_draw(app->text, shown, &ns, field.x + l->pad, y, &nsz);
    } else if (!editing) {
        ns.wrap_w = room;
        ns.max_lines = 1;
        ui_text_draw(app->text, placeholder, &ns, field.x + l->pad, y, NULL);
    }
    if (editing) {
        /* The caret, after the text. */
        SDL_Rect caret = {field.x + l->pad + nsz.w + l->border, y + lh / 8,
                          l->border * 2 > 2 ? l->border * 2 : 2, lh * 3 / 4};
        ui_draw_rect(app->renderer, caret, th->text);
    }
}

int ui_widget_button_rows(ui_app *app, SDL_Rect area,
                          const char *const *labels, const ui_action *acts,
                          int n, bool draw)
{
    const ui_layout *l = &app->lay;
    int px = l->px_small;
    int bh = ui_widget_button_height(app, px);
    int y = area.y;
    int i = 0;
    while (i < n) {
        /* As many as fit on this row (at least one). */
        int k = i;
        int row_w = 0;
        while (k < n) {
            int bw = ui_widget_button_width(app, labels[k], px);
            if (bw > area.w) {
                bw = area.w;
            }
            int add = bw + (k > i ? l->gap : 0);
            if (k > i && row_w + add > area.w) {
                break;
            }
            row_w += add;
            k++;
        }
        if (draw) {
            int x = area.x + area.w - row_w;
            for (int b = i; b < k; b++) {
                int bw = ui_widget_button_width(app, labels[b], px);
                if (bw > area.w) {
                    bw = area.w;
                }
                ui_widget_button(app, (SDL_Rect){x, y, bw, bh}, labels[b],
                                 acts[b], 0, b == 0);
                x += bw + l->gap;
            }
        }
        y += bh + (k < n ? l->gap : 0);
        i = k;
    }
    return y - area.y;
}

bool ui_widget_scroll_key(ui_app *app, ui_scroll_id id, int line,
                          const SDL_Keysym *key)
{
    ui_scroll *s = &app->scroll[id];
    switch (key->sym) {
    case SDLK_DOWN:
        s->offset += 2 * line;
        break;
    case SDLK_UP:
        s->offset -= 2 * line;
        break;
    case SDLK_PAGEDOWN:
        s->offset += s->view.h * 9 / 10;
        break;
    case SDLK_PAGEUP:
        s->offset -= s->view.h * 9 / 10;
        break;
    case SDLK_HOME:
        s->offset = 0;
        break;
    case SDLK_END:
        s->offset = s->content;
        break;
    case SDLK_TAB:
        ui_app_focus_move(app, (key->mod & KMOD_SHIFT) ? -1 : 1);
        return true;
    case SDLK_LEFT:
        ui_app_focus_move(app, -1);
        return true;
    case SDLK_RIGHT:
        ui_app_focus_move(app, 1);
        return true;
    default:
        return false;
    }
    app->dirty = true;
    return true;
}
