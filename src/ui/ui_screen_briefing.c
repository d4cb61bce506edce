/* ui_screen_briefing.c — between the picker and the call: what the
 * trainee needs before taking it. On the left the customer's portrait,
 * name and the call's facts (channel, difficulty, estimated minutes,
 * starting mood, patience); on the right the title, the whole summary,
 * the persona and the learning objectives with their principles, at the
 * largest size that fits: on a wide screen in two columns (the
 * objectives beside the rest) when both fit, else in one that scrolls at
 * the smallest size. Start the call
 * (Enter, Space, PageDown, a click or a tap) or go back (Esc, PageUp). */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_draw.h"
#include "ui_internal.h"
#include "ui_mirror.h"

/* One piece of the right column. */
typedef enum {
    UI_BRIEFING_TITLE,
    UI_BRIEFING_HEADING,
    UI_BRIEFING_TEXT,
    UI_BRIEFING_BULLET, /* an objective */
    UI_BRIEFING_NOTE    /* its principle, under it */
} ui_briefing_kind;

typedef struct {
    ui_briefing_kind kind;
    const char *text;
    char buf[96];
} ui_briefing_item;

#define UI_BRIEFING_MAX_ITEMS 80

static size_t ui_briefing_items(const scenario *sc, ui_briefing_item *it,
                                size_t max)
{
    size_t n = 0;
#define UI_BRIEFING_ADD(k, t)                                                 \
    do {                                                                      \
        if (n < max) {                                                        \
            it[n].kind = (k);                                                 \
            it[n].text = (t);                                                 \
            n++;                                                              \
        }                                                                     \
    } while (0)
    UI_BRIEFING_ADD(UI_BRIEFING_TITLE, sc->title);
    if (sc->summary && sc->summary[0]) {
        UI_BRIEFING_ADD(UI_BRIEFING_HEADING, _("The call"));
        UI_BRIEFING_ADD(UI_BRIEFING_TEXT, sc->summary);
    }
    if (sc->customer.persona && sc->customer.persona[0]) {
        UI_BRIEFING_ADD(UI_BRIEFING_HEADING, _("The customer"));
        UI_BRIEFING_ADD(UI_BRIEFING_TEXT, sc->customer.persona);
    }
    if (sc->objective_count > 0) {
        UI_BRIEFING_ADD(UI_BRIEFING_HEADING, _("Your objectives"));
        for (size_t i = 0; i < sc->objective_count; i++) {
            UI_BRIEFING_ADD(UI_BRIEFING_BULLET, sc->objectives[i].text);
            int pr = sc->objectives[i].principle;
            if (pr >= 0 && pr < SCENARIO_PRINCIPLE_COUNT && n < max) {
                snprintf(it[n].buf, sizeof it[n].buf, _("Principle: %s"),
                         ui_widget_principle_name(pr));
                UI_BRIEFING_ADD(UI_BRIEFING_NOTE, it[n].buf);
            }
        }
    }
#undef UI_BRIEFING_ADD
    return n;
}

/* The style of a piece at body size px (titles and headings scale with
 * it, never below px_fit). */
static ui_text_style ui_briefing_style(const ui_app *app,
                                       ui_briefing_kind kind, int px)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int title = px * l->px_title / (l->px_body > 0 ? l->px_body : 1);
    int small = px * l->px_small / (l->px_body > 0 ? l->px_body : 1);
    title = title < l->px_fit ? l->px_fit : title;
    small = small < l->px_fit ? l->px_fit : small;
    switch (kind) {
    case UI_BRIEFING_TITLE:
        return ui_widget_content_style(app, title, true, th->text);
    case UI_BRIEFING_HEADING:
        return ui_widget_style(app, small, true, th->muted);
    case UI_BRIEFING_NOTE:
        return ui_widget_style(app, small, false, th->muted);
    default: /* the scenario's summary, persona and objectives */
        return ui_widget_content_style(app, px, false, th->text);
    }
}

/* Lays the pieces out at body size px in width w from y; draws them when
 * draw. Returns the height. */
static int ui_briefing_layout(ui_app *app, const ui_briefing_item *it,
                              size_t n, int px, int x, int y, int w, bool draw)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int bullet_w = ui_text_line_height(app->text, px, false);
    int top = y;
    SDL_Rect view = app->scroll[UI_SCROLL_BRIEFING].view;
    for (size_t i = 0; i < n; i++) {
        ui_text_style st = ui_briefing_style(app, it[i].kind, px);
        bool indent =
            it[i].kind == UI_BRIEFING_BULLET || it[i].kind == UI_BRIEFING_NOTE;
        /* Indented from the start of the line (the right, right to
         * left). */
        bool right = ui_mirror_start_right(app, st.rtl);
        int tx = x + (indent && !right ? bullet_w : 0);
        st.wrap_w = w - (indent ? bullet_w : 0);
        ui_text_size sz;
        ui_text_measure(app->text, it[i].text, &st, &sz);
        /* Space before each piece: more before a heading. */
        if (i > 0) {
            y += it[i].kind == UI_BRIEFING_HEADING ? 2 * l->gap
                 : it[i].kind == UI_BRIEFING_NOTE  ? 0
                                                   : l->gap;
        }
        bool seen = y + sz.h > view.y && y < view.y + view.h;
        if (draw && seen) {
            ui_text_draw(app->text, it[i].text, &st, tx, y, NULL);
            if (it[i].kind == UI_BRIEFING_BULLET) {
                /* A round bullet on the first line. */
                int lh = ui_text_line_height(app->text, px, false);
                float r = (float)lh / 7.0f;
                float bx = right ? (float)(x + w) - (float)bullet_w / 3
                                 : (float)x + (float)bullet_w / 3;
                ui_draw_ellipse(app->renderer, bx, (float)y + (float)lh / 2, r,
                                r, th->accent);
            }
        }
        y += sz.h;
    }
    return y - top;
}

/* Portrait, name and the call's facts. */
static void ui_briefing_left(ui_app *app, SDL_Rect col)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const scenario *sc = app->play.sc;
    char facts[5][96];
    int nf = 0;
    snprintf(facts[nf++], sizeof facts[0], _("Channel: %s"),
             ui_widget_channel_name(sc->channel));
    snprintf(facts[nf++], sizeof facts[0], _("Difficulty: %d of 5"),
             sc->difficulty);
    if (sc->minutes > 0.0) {
        int minutes = (int)(sc->minutes + 0.5);
        snprintf(facts[nf++], sizeof facts[0],
                 P_("About %d minute", "About %d minutes", minutes), minutes);
    }
    snprintf(facts[nf++], sizeof facts[0], _("Starts: %s (%d of 100)"),
             ui_widget_mood_name(sc->customer.mood), sc->customer.mood);
    snprintf(facts[nf++], sizeof facts[0], _("Patience: %d s"),
             (sc->customer.patience_ms + 999) / 1000);
    int px = l->px_small;
    ui_text_style fs = ui_widget_style(app, px, false, th->text);
    fs.wrap_w = col.w;
    fs.max_lines = 2;
    int facts_h = 0;
    int heights[5];
    for (int i = 0; i < nf; i++) {
        ui_text_size sz;
        ui_text_measure(app->text, facts[i], &fs, &sz);
        heights[i] = sz.h;
        facts_h += sz.h + l->gap / 2;
    }
    int lh_name = ui_text_line_height(app->text, l->px_body, true);
    int side = col.w;
    int room = col.h - facts_h - lh_name - 2 * l->gap;
    if (side > room) {
        side = room;
    }
    if (side < 0) {
        side = 0;
    }
    SDL_Rect portrait = {col.x + (col.w - side) / 2, col.y, side, side};
    if (side > 0) {
        ui_portrait_cache_draw(
            &app->portrait, app->renderer, portrait, &sc->customer,
            scenario_expression_for_mood(sc->customer.mood), th);
    }
    SDL_Rect rest = col;
    ui_layout_cut_top(&rest, side, l->gap);
    ui_text_style name =
        ui_widget_content_style(app, l->px_body, true, th->text);
    name.max_lines = 1;
    name.wrap_w = col.w;
    ui_widget_label(app, sc->customer.name, name,
                    ui_layout_cut_top(&rest, lh_name, l->gap));
    for (int i = 0; i < nf; i++) {
        ui_widget_label(app, facts[i], fs,
                        ui_layout_cut_top(&rest, heights[i], l->gap / 2));
    }
}

void ui_screen_briefing_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    ui_play *p = &app->play;
    const scenario *sc = p->sc;
    if (!sc) {
        return;
    }
    char title[300];
    snprintf(title, sizeof title, _("Briefing \xC2\xB7 %s"), sc->title);
    SDL_Rect body =
        ui_widget_header(app, title, ui_app_mode_name(app->set.mode));
    if (p->note[0]) {
        /* After a reload. */
        int lh = ui_text_line_height(app->text, l->px_small, true);
        ui_text_style ns =
            ui_widget_style(app, l->px_small, true, app->theme->text);
        ns.max_lines = 1;
        ui_widget_label(app, p->note, ns,
                        ui_layout_cut_top(&body, lh, l->gap));
    }
    /* The buttons, bottom right: Back, then Start (the primary one). */
    int bpx = l->px_small;
    int bh = ui_widget_button_height(app, bpx);
    SDL_Rect row = ui_layout_cut_bottom(&body, bh, l->gap * 2);
    const char *back = _("Back (Esc)");
    const char *start = _("Start the call (Enter)");
    int back_w = ui_widget_button_width(app, back, bpx);
    int start_w = ui_widget_button_width(app, start, bpx);
    SDL_Rect start_r = ui_layout_cut_right(&row, start_w, l->gap);
    SDL_Rect back_r = ui_layout_cut_right(&row, back_w, l->gap);
    ui_widget_button(app, back_r, back, UI_ACT_PICKER, 0, false);
    ui_widget_button(app, start_r, start, UI_ACT_START, 0, true);

    int left_w = body.w * 30 / 100;
    if (left_w > body.h * 58 / 100) {
        left_w = body.h * 58 / 100;
    }
    SDL_Rect left = ui_layout_cut_left(&body, left_w, l->gap * 3);
    ui_briefing_left(app, left);

    ui_briefing_item items[UI_BRIEFING_MAX_ITEMS];
    size_t n = ui_briefing_items(sc, items, UI_BRIEFING_MAX_ITEMS);
    app->scroll[UI_SCROLL_BRIEFING].view = body;
    /* Wide: the objectives (from their heading on) in a column of their
     * own, if both columns fit at some size. */
    size_t k = 0;
    while (k < n && !(items[k].kind == UI_BRIEFING_HEADING && k + 1 < n &&
                      items[k + 1].kind == UI_BRIEFING_BULLET)) {
        k++;
    }
    int col_gap = 3 * l->gap;
    if (k > 0 && k < n && body.w >= body.h * 5 / 4) {
        int cw = (body.w - col_gap) / 2;
        for (int px = l->px_body; px >= l->px_fit; px--) {
            int ha =
                ui_briefing_layout(app, items, k, px, body.x, 0, cw, false);
            int hb = ui_briefing_layout(app, items + k, n - k, px, body.x, 0,
                                        cw, false);
            if (ha <= body.h && hb <= body.h) {
                app->scroll[UI_SCROLL_BRIEFING].offset = 0;
                ui_briefing_layout(app, items, k, px, body.x, body.y, cw,
                                   true);
                ui_briefing_layout(app, items + k, n - k, px,
                                   body.x + cw + col_gap, body.y, cw, true);
                return;
            }
        }
    }
    /* One column: the largest body size at which everything fits; else
     * the smallest, scrolling. */
    int px = l->px_body;
    int total = 0;
    for (; px >= l->px_fit; px--) {
        total =
            ui_briefing_layout(app, items, n, px, body.x, 0, body.w, false);
        if (total <= body.h || px == l->px_fit) {
            break;
        }
    }
    int w = body.w;
    if (total > body.h) {
        w -= (l->gap > 4 ? l->gap : 4) + l->gap; /* the scrollbar */
        total = ui_briefing_layout(app, items, n, px, body.x, 0, w, false);
    }
    ui_widget_scroll_begin(app, UI_SCROLL_BRIEFING, body, total);
    ui_briefing_layout(app, items, n, px, body.x,
                       body.y - app->scroll[UI_SCROLL_BRIEFING].offset, w,
                       true);
    ui_widget_scroll_end(app, UI_SCROLL_BRIEFING);
    const ui_scroll *sv = &app->scroll[UI_SCROLL_BRIEFING];
    if (total > body.h && sv->offset < total - body.h && row.w > 0) {
        /* Say there is more (the objectives come last). */
        ui_text_style hs =
            ui_widget_style(app, l->px_small, false, app->theme->muted);
        hs.max_lines = 2;
        hs.wrap_w = row.w - l->gap;
        const char *more = _("More below: Down, the wheel or a drag scrolls");
        ui_text_size hsz;
        ui_text_measure(app->text, more, &hs, &hsz);
        if (hsz.h <= row.h + l->gap) {
            ui_text_draw(app->text, more, &hs, row.x,
                         row.y + (row.h - hsz.h) / 2, NULL);
        }
    }
}

bool ui_screen_briefing_key(ui_app *app, const SDL_Keysym *key)
{
    switch (key->sym) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        if (!ui_app_activate_focus(app)) {
            ui_app_do(app, UI_ACT_START, 0);
        }
        return true;
    case SDLK_PAGEDOWN:
        ui_app_do(app, UI_ACT_START, 0);
        return true;
    case SDLK_ESCAPE:
    case SDLK_PAGEUP:
        ui_app_do(app, UI_ACT_PICKER, 0);
        return true;
    default:
        return ui_widget_scroll_key(
            app, UI_SCROLL_BRIEFING,
            ui_text_line_height(app->text, app->lay.px_body, false), key);
    }
}
