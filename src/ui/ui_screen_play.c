/* ui_screen_play.c — the call: the customer's portrait and meters on the
 * left; on the right their words in a speech area and the trainee's
 * options as numbered cards (play), the feedback on a reply (feedback), or
 * the closing words and the outcome (ending). */
#include <stdio.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_internal.h"
#include "ui_portrait.h"

/* Space for the scrollbar when a scroll area overflows. */
static int ui_play_bar_w(const ui_app *app)
{
    return (app->lay.gap > 4 ? app->lay.gap : 4) + app->lay.gap;
}

scenario_expression ui_screen_play_expression(const ui_app *app)
{
    const ui_play *p = &app->play;
    const session *s = p->s;
    const scenario_node *n = NULL;
    size_t line = 0;
    if (app->screen == UI_SCREEN_PLAY) {
        n = session_node(s);
        if (n && n->line_count > 0) {
            /* The line the last word shown belongs to (lines are joined
             * with line breaks in play.speech). */
            size_t words = ui_app_words_shown(app);
            size_t end = words > 0 && words <= p->word_count
                             ? p->word_ends[words - 1]
                             : 0;
            for (size_t i = 0; i < end && p->speech[i]; i++) {
                line += p->speech[i] == '\n' ? 1 : 0;
            }
            if (line >= n->line_count) {
                line = n->line_count - 1;
            }
        }
    } else if (app->screen == UI_SCREEN_ENDING) {
        n = session_ending(s);
        line = n && n->line_count > 0 ? n->line_count - 1 : 0;
    }
    if (n && n->line_count > 0 &&
        n->lines[line].expression != SCENARIO_EXPR_AUTO) {
        return n->lines[line].expression;
    }
    return scenario_expression_for_mood(session_mood(s));
}

/* One labelled meter of the left column. */
typedef struct {
    char label[160];
    bool bold;
    double fraction;
    SDL_Color colour;
} ui_play_meter;

/* Portrait, name and meters. Labels wrap to two lines when the column is
 * narrow for the text size; the room they get is decided from the
 * longest label each can have, so the layout does not jump as the
 * seconds go by. */
static void ui_play_left(ui_app *app, SDL_Rect col)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_play *p = &app->play;
    const scenario *sc = p->sc;
    int small = l->px_small;
    int lh_small = ui_text_line_height(app->text, small, true);
    int lh_name = ui_text_line_height(app->text, l->px_body, true);
    int bar_h = l->h / 40 > 6 ? l->h / 40 : 6;
    bool playing = app->screen == UI_SCREEN_PLAY;

    ui_play_meter m[3];
    int n = 0;
    int mood = session_mood(p->s);
    snprintf(m[n].label, sizeof m[n].label, "Mood: %s (%d of 100)",
             ui_widget_mood_name(mood), mood);
    m[n].bold = false;
    m[n].fraction = (double)mood / 100.0;
    m[n++].colour = ui_theme_mood_colour(th, mood);
    if (playing) {
        int elapsed = ui_app_elapsed_ms(app);
        int target = session_target_ms(p->s);
        p->drawn_second = elapsed / 1000;
        p->drawn_patience = ui_app_patience_s(app);
        if (p->relaxed) {
            snprintf(m[n].label, sizeof m[n].label,
                     "Relaxed timing: no time limit");
            m[n].bold = false;
            m[n].fraction = 1.0;
            m[n++].colour = th->good;
        } else {
            int total =
                sc->customer.patience_ms > 0 ? sc->customer.patience_ms : 1;
            int left_ms = session_patience_left_ms(p->s, elapsed);
            bool low = left_ms * 4 < total;
            snprintf(m[n].label, sizeof m[n].label, "Patience: %d s left%s",
                     p->drawn_patience, low ? " (low)" : "");
            m[n].bold = low;
            m[n].fraction = (double)left_ms / (double)total;
            m[n++].colour = low ? th->warn : th->good;
        }
        char target_s[32];
        ui_widget_seconds(target_s, sizeof target_s, target);
        snprintf(m[n].label, sizeof m[n].label, "Your time: %d s (target %s)",
                 elapsed / 1000, target_s);
        m[n].bold = false;
        m[n].fraction = target > 0 ? (double)elapsed / (double)target : 0.0;
        m[n++].colour = elapsed > target ? th->warn : th->muted;
    }
    /* One line or two for every label, from the longest they can get. */
    static const struct {
        const char *text;
        bool bold;
    } longest[] = {{"Mood: Confused (100 of 100)", false},
                   {"Patience: 88 s left (low)", true},
                   {"Your time: 88 s (target 88.8 s)", false},
                   {"Relaxed timing: no time limit", false}};
    int lines = 1;
    for (size_t i = 0; i < sizeof longest / sizeof longest[0]; i++) {
        ui_text_style st =
            ui_widget_style(app, small, longest[i].bold, th->text);
        st.wrap_w = col.w;
        ui_text_size sz;
        ui_text_measure(app->text, longest[i].text, &st, &sz);
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
                           &sc->customer, ui_screen_play_expression(app), th);
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

/* The customer's words in a bubble pointing at the portrait. The bubble
 * and the text size are those of the whole text; only its first `words`
 * words are drawn while they are being revealed (revealing false: all).
 * Returns the height used. */
static int ui_play_speech(ui_app *app, SDL_Rect area, int max_h,
                          const char *text, bool revealing, size_t words)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int tail = l->pad;
    SDL_Rect bubble = {area.x + tail, area.y, area.w - tail, max_h};
    int inner_w = bubble.w - 2 * l->pad;
    ui_text_style st =
        ui_widget_content_style(app, l->px_speech, false, th->text);
    st.wrap_w = inner_w;
    int avail = max_h - 2 * l->pad;
    st.px =
        ui_layout_fit_px(app->text, text, st, avail, l->px_fit, l->px_speech);
    ui_text_size sz;
    ui_text_measure(app->text, text, &st, &sz);
    bool scroll = sz.h > avail;
    if (scroll) {
        st.wrap_w = inner_w - ui_play_bar_w(app);
        ui_text_measure(app->text, text, &st, &sz);
    }
    int h = (scroll ? avail : sz.h) + 2 * l->pad;
    bubble.h = h;
    ui_draw_round_frame(app->renderer, bubble, l->radius * 2, l->border,
                        th->panel, th->panel_border);
    /* The tail, towards the portrait */
    float ty = (float)(bubble.y + l->pad * 2);
    SDL_FPoint tri[3] = {
        {(float)area.x, ty + (float)tail / 2.0f},
        {(float)bubble.x + (float)l->border, ty},
        {(float)bubble.x + (float)l->border, ty + (float)tail * 1.5f}};
    ui_draw_convex(app->renderer, tri, 3, th->panel_border);
    SDL_Rect view = {bubble.x + l->pad, bubble.y + l->pad, inner_w,
                     h - 2 * l->pad};
    if (revealing) {
        /* Keep the line being revealed in view when the words overflow
         * the bubble. */
        int shown_h = ui_text_words_height(app->text, text, &st, words);
        if (shown_h - app->scroll[UI_SCROLL_SPEECH].offset > view.h) {
            app->scroll[UI_SCROLL_SPEECH].offset = shown_h - view.h;
        }
    }
    ui_widget_scroll_begin(app, UI_SCROLL_SPEECH, view, sz.h);
    /* Marks of a fallback font may reach past the line boxes (the dots
     * under an Arabic final yeh, Thai vowels above): the text may use the
     * bubble's padding, so clip to the inside of its frame, not to the
     * text box. */
    SDL_Rect inside = ui_layout_inset(bubble, l->border);
    SDL_RenderSetClipRect(app->renderer, &inside);
    int off_y = view.y - app->scroll[UI_SCROLL_SPEECH].offset;
    if (revealing) {
        ui_text_draw_words(app->text, text, &st, view.x, off_y, words);
    } else {
        ui_text_draw(app->text, text, &st, view.x, off_y, NULL);
    }
    ui_widget_scroll_end(app, UI_SCROLL_SPEECH);
    return h;
}

/* Heights of the option cards at a size and column count; returns the
 * total height of the grid. */
static int ui_play_cards(ui_app *app, int px, int cols, int width, int *card_h,
                         int *text_w)
{
    const ui_layout *l = &app->lay;
    const session *s = app->play.s;
    size_t n = session_offered_count(s);
    int cw = (width - (cols - 1) * l->gap) / cols;
    int badge = ui_text_line_height(app->text, px, true) * 5 / 4;
    *text_w = cw - 2 * l->pad - badge - l->pad;
    ui_text_style st =
        ui_widget_content_style(app, px, false, app->theme->text);
    st.wrap_w = *text_w;
    int total = 0;
    for (size_t i = 0; i < n; i += (size_t)cols) {
        int row = 0;
        for (size_t k = i; k < n && k < i + (size_t)cols; k++) {
            ui_text_size sz;
            ui_text_measure(app->text, session_offered(s, k)->say, &st, &sz);
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

/* Height the speech area may take: up to 36% of the column, less when
 * the options would otherwise have to scroll, never less than the words
 * need at the smallest text size. */
static int ui_play_speech_budget(ui_app *app, SDL_Rect col)
{
    const ui_layout *l = &app->lay;
    int card_h[SCENARIO_MAX_CHOICES];
    int text_w = 0;
    int options = ui_play_cards(app, l->px_fit, 1, col.w, card_h, &text_w);
    if (col.w > l->h) {
        int two = ui_play_cards(app, l->px_fit, 2, col.w, card_h, &text_w);
        options = two < options ? two : options;
    }
    int hint = ui_text_line_height(app->text, l->px_small, false) + l->gap;
    int budget = col.h * 36 / 100;
    int rest = col.h - options - hint - 2 * l->gap;
    if (rest < budget) {
        budget = rest;
    }
    ui_text_style st =
        ui_widget_style(app, l->px_fit, false, app->theme->text);
    st.wrap_w = col.w - l->pad - 2 * l->pad;
    ui_text_size sz;
    ui_text_measure(app->text, app->play.speech, &st, &sz);
    int least = sz.h + 2 * l->pad;
    if (budget < least) {
        budget = least < col.h * 45 / 100 ? least : col.h * 45 / 100;
    }
    return budget;
}

static void ui_play_options(ui_app *app, SDL_Rect area)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const session *s = app->play.s;
    size_t n = session_offered_count(s);
    int lh_small = ui_text_line_height(app->text, l->px_small, false);
    char hint[96];
    snprintf(hint, sizeof hint, "Your reply: press 1%s%zu or click a card",
             n > 1 ? "\xE2\x80\x93" : "", n > 1 ? n : (size_t)0);
    if (n == 1) {
        snprintf(hint, sizeof hint, "Your reply: press 1 or click the card");
    }
    ui_text_style hs = ui_widget_style(app, l->px_small, false, th->muted);
    hs.max_lines = 1;
    ui_widget_label(app, hint, hs, ui_layout_cut_top(&area, lh_small, l->gap));

    int card_h[SCENARIO_MAX_CHOICES];
    int text_w = 0;
    int best_px = 0;
    int best_cols = 1;
    int max_cols = area.w > l->h ? 2 : 1;
    for (int cols = 1; cols <= max_cols; cols++) {
        int lo = l->px_fit;
        int hi = l->px_body;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) / 2;
            if (ui_play_cards(app, mid, cols, area.w, card_h, &text_w) <=
                area.h) {
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
    int px = scroll ? l->px_fit : best_px;
    int cols = scroll ? 1 : best_cols;
    int width = scroll ? area.w - ui_play_bar_w(app) : area.w;
    int total = ui_play_cards(app, px, cols, width, card_h, &text_w);
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
    int badge = ui_text_line_height(app->text, px, true) * 5 / 4;
    for (size_t i = 0; i < n; i++) {
        SDL_Rect card = {area.x + (int)(i % (size_t)cols) * (cw + l->gap),
                         area.y + ys[i] - off, cw, card_h[i]};
        SDL_Rect visible;
        if (!SDL_IntersectRect(&card, &area, &visible)) {
            visible = (SDL_Rect){card.x, area.y, 0, 0};
        }
        bool focused =
            ui_app_add_hit(app, visible, UI_ACT_CHOOSE, (int)i, true);
        bool hot = focused || ui_app_hovered(app, visible);
        ui_draw_round_frame(app->renderer, card, l->radius,
                            hot ? 3 * l->border : l->border,
                            hot ? th->focus_bg : th->panel,
                            hot ? th->accent : th->panel_border);
        ui_text_style ts = ui_widget_content_style(app, px, false, th->text);
        ts.wrap_w = text_w;
        /* The number badge at the start of the card: on the right in a
         * right-to-left language. */
        int badge_x =
            ts.rtl ? card.x + card.w - l->pad - badge : card.x + l->pad;
        int text_x = ts.rtl ? card.x + l->pad : card.x + 2 * l->pad + badge;
        float cx = (float)badge_x + (float)badge / 2.0f;
        float cy = (float)(card.y + l->pad) + (float)badge / 2.0f;
        ui_draw_ellipse(app->renderer, cx, cy, (float)badge / 2.0f,
                        (float)badge / 2.0f, th->accent);
        char num[24];
        snprintf(num, sizeof num, "%zu", i + 1);
        ui_text_style ns = ui_widget_style(app, px, true, th->accent_text);
        ns.align = UI_TEXT_CENTRE;
        int lh = ui_text_line_height(app->text, px, true);
        ui_text_draw(app->text, num, &ns, (int)cx, (int)cy - lh / 2, NULL);
        ui_text_draw(app->text, session_offered(s, i)->say, &ts, text_x,
                     card.y + l->pad, NULL);
    }
    ui_widget_scroll_end(app, UI_SCROLL_OPTIONS);
}

/* While the customer's words are being revealed: where the options will
 * be, only a line saying how to see them at once. */
static void ui_play_listening(ui_app *app, SDL_Rect area)
{
    const ui_layout *l = &app->lay;
    int lh_small = ui_text_line_height(app->text, l->px_small, false);
    ui_text_style hs =
        ui_widget_style(app, l->px_small, false, app->theme->muted);
    hs.max_lines = 1;
    ui_widget_label(app,
                    "Listening\xE2\x80\xA6 Space, Enter, a click or a tap "
                    "shows your options now",
                    hs, ui_layout_cut_top(&area, lh_small, l->gap));
}

/* A titled block of wrapped text inside a scroll view; returns its height
 * (draws only when draw is true). content: the text is the scenario's. */
static int ui_play_block(ui_app *app, const char *heading, const char *text,
                         bool content, int px, SDL_Rect at, bool draw)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_text_style hs = ui_widget_style(app, l->px_small, true, th->muted);
    hs.wrap_w = at.w;
    ui_text_style ts = content
                           ? ui_widget_content_style(app, px, false, th->text)
                           : ui_widget_style(app, px, false, th->text);
    ts.wrap_w = at.w;
    ui_text_size a;
    ui_text_size b;
    ui_text_measure(app->text, heading, &hs, &a);
    ui_text_measure(app->text, text, &ts, &b);
    if (draw) {
        ui_text_draw(app->text, heading, &hs, at.x, at.y, NULL);
        ui_text_draw(app->text, text, &ts, at.x, at.y + a.h + l->gap / 2,
                     NULL);
    }
    return a.h + l->gap / 2 + b.h;
}

static void ui_play_feedback(ui_app *app, SDL_Rect area)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const ui_play *p = &app->play;
    size_t count = session_turn_count(p->s);
    if (count == 0) {
        return;
    }
    const session_turn *t = session_turn_at(p->s, count - 1);
    const scenario_node *node = &p->sc->nodes[t->node_index];
    const char *btn = session_is_finished(p->s) ? "Continue to the end (Enter)"
                                                : "Continue (Enter)";
    int px_b = l->px_small;
    int bh = ui_widget_button_height(app, px_b);
    SDL_Rect row = ui_layout_cut_bottom(&area, bh, l->gap * 2);
    int bw = ui_widget_button_width(app, btn, px_b);
    ui_widget_button(app, ui_layout_cut_right(&row, bw, 0), btn,
                     UI_ACT_CONTINUE, 0, true);

    char said_head[96];
    char mood_line[160];
    char time_line[160];
    const char *said;
    const char *feedback;
    if (t->choice_index >= 0) {
        const scenario_choice *c = &node->choices[t->choice_index];
        snprintf(said_head, sizeof said_head, "You said (option %d)",
                 t->offered_pos);
        said = c->say;
        feedback = c->feedback ? c->feedback : "No feedback for this reply.";
    } else {
        snprintf(said_head, sizeof said_head, "You said nothing");
        said = "No reply came in time.";
        feedback = "The customer's patience ran out before you answered. "
                   "A quick, honest holding line keeps the call going "
                   "while you think.";
    }
    int d = t->mood_after - t->mood_before;
    const char *before = ui_widget_mood_name(t->mood_before);
    const char *after = ui_widget_mood_name(t->mood_after);
    int size = d < 0 ? -d : d;
    if (d == 0) {
        snprintf(mood_line, sizeof mood_line,
                 "Mood: unchanged, %s (%d of 100)", after, t->mood_after);
    } else if (strcmp(before, after) == 0) {
        snprintf(mood_line, sizeof mood_line,
                 "Mood: still %s, %s %d (now %d of 100)", after,
                 d > 0 ? "up" : "down", size, t->mood_after);
    } else {
        snprintf(mood_line, sizeof mood_line,
                 "Mood: %s to %s, %s %d (now %d of 100)", before, after,
                 d > 0 ? "up" : "down", size, t->mood_after);
    }
    char took[32];
    char target[32];
    ui_widget_seconds(took, sizeof took, t->response_ms);
    ui_widget_seconds(target, sizeof target, t->target_ms);
    snprintf(time_line, sizeof time_line,
             "You answered in %s; the target was %s.%s", took, target,
             p->relaxed ? " Relaxed timing: time is not scored." : "");

    /* Mood change first: bold and marked, not by colour alone. */
    ui_text_style ms = ui_widget_style(app, l->px_body, true, th->text);
    ms.wrap_w = area.w - 3 * l->pad;
    ms.max_lines = 2;
    ui_text_size msz;
    ui_text_measure(app->text, mood_line, &ms, &msz);
    SDL_Rect mood_box =
        ui_layout_cut_top(&area, msz.h + 2 * l->pad, l->gap * 2);
    SDL_Color mark = d > 0 ? th->good : d < 0 ? th->bad : th->panel_border;
    ui_draw_round_frame(app->renderer, mood_box, l->radius, l->border,
                        th->panel, th->panel_border);
    SDL_Rect stripe = {mood_box.x, mood_box.y, l->pad, mood_box.h};
    ui_draw_round_rect(app->renderer, stripe, l->radius, mark);
    ui_text_draw(app->text, mood_line, &ms, mood_box.x + 2 * l->pad,
                 mood_box.y + l->pad, NULL);

    /* The rest scrolls if it must. */
    SDL_Rect inner = {area.x, area.y, area.w - ui_play_bar_w(app), 0};
    int px = l->px_body;
    int total = 0;
    for (; px >= l->px_fit; px--) {
        total =
            ui_play_block(app, said_head, said, t->choice_index >= 0, px,
                          inner, false) +
            ui_play_block(app, "Feedback", feedback, t->choice_index >= 0, px,
                          inner, false) +
            ui_play_block(app, "Time", time_line, false, px, inner, false) +
            4 * l->gap;
        if (total <= area.h || px == l->px_fit) {
            break;
        }
    }
    ui_widget_scroll_begin(app, UI_SCROLL_FEEDBACK, area, total);
    int y = area.y - app->scroll[UI_SCROLL_FEEDBACK].offset;
    inner.y = y;
    y += ui_play_block(app, said_head, said, t->choice_index >= 0, px, inner,
                       true) +
         2 * l->gap;
    inner.y = y;
    y += ui_play_block(app, "Feedback", feedback, t->choice_index >= 0, px,
                       inner, true) +
         2 * l->gap;
    inner.y = y;
    ui_play_block(app, "Time", time_line, false, px, inner, true);
    ui_widget_scroll_end(app, UI_SCROLL_FEEDBACK);
}

static void ui_play_ending(ui_app *app, SDL_Rect area)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const ui_play *p = &app->play;
    const scenario_node *end = session_ending(p->s);
    const char *btn = "See your debrief (Enter)";
    int bh = ui_widget_button_height(app, l->px_small);
    SDL_Rect row = ui_layout_cut_bottom(&area, bh, l->gap * 2);
    int bw = ui_widget_button_width(app, btn, l->px_small);
    ui_widget_button(app, ui_layout_cut_right(&row, bw, 0), btn,
                     UI_ACT_DEBRIEF, 0, true);
    if (p->speech && p->speech[0]) {
        int h =
            ui_play_speech(app, area, area.h * 55 / 100, p->speech, false, 0);
        ui_layout_cut_top(&area, h, l->gap * 2);
    }
    char title[256];
    const char *outcome = scenario_outcome_name(session_outcome(p->s));
    if (end && end->title) {
        snprintf(title, sizeof title, "Call ended: %s (%s)", end->title,
                 outcome);
    } else if (session_gave_up(p->s)) {
        snprintf(title, sizeof title,
                 "Call ended: %s ran out of patience and hung up (%s)",
                 p->sc->customer.name, outcome);
    } else {
        snprintf(title, sizeof title, "Call ended (%s)", outcome);
    }
    ui_text_style ts = ui_widget_style(app, l->px_title, true, th->text);
    ts.wrap_w = area.w;
    ts.px = ui_layout_fit_px(app->text, title, ts, area.h / 3, l->px_fit,
                             l->px_title);
    ts.max_lines = 3;
    int h = ui_widget_label(app, title, ts, area);
    ui_layout_cut_top(&area, h, l->gap * 2);
    if (end && end->feedback) {
        /* The author's closing words on how the call went. */
        ui_text_style fs =
            ui_widget_content_style(app, l->px_body, false, th->text);
        fs.wrap_w = area.w;
        fs.px = ui_layout_fit_px(app->text, end->feedback, fs, area.h,
                                 l->px_fit, l->px_body);
        ui_text_size sz;
        ui_text_measure(app->text, end->feedback, &fs, &sz);
        if (sz.h > area.h) {
            fs.wrap_w = area.w - ui_play_bar_w(app);
            ui_text_measure(app->text, end->feedback, &fs, &sz);
        }
        ui_widget_scroll_begin(app, UI_SCROLL_FEEDBACK, area, sz.h);
        ui_text_draw(app->text, end->feedback, &fs, area.x,
                     area.y - app->scroll[UI_SCROLL_FEEDBACK].offset, NULL);
        ui_widget_scroll_end(app, UI_SCROLL_FEEDBACK);
    }
}

void ui_screen_play_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    ui_play *p = &app->play;
    if (!p->s) {
        return;
    }
    char title[300];
    size_t turn = session_turn_count(p->s);
    switch (app->screen) {
    case UI_SCREEN_FEEDBACK:
        snprintf(title, sizeof title, "Turn %zu: feedback \xC2\xB7 %s", turn,
                 p->sc->title);
        break;
    case UI_SCREEN_ENDING:
        snprintf(title, sizeof title, "The call has ended \xC2\xB7 %s",
                 p->sc->title);
        break;
    default:
        snprintf(title, sizeof title, "Turn %zu \xC2\xB7 %s", turn + 1,
                 p->sc->title);
        break;
    }
    SDL_Rect body = ui_widget_header(app, title, ui_app_mode_name(p->mode));
    bool revealing = ui_app_revealing(app);
    p->drawn_words = ui_app_words_shown(app);
    p->drawn_revealing = revealing;
    if (revealing) {
        /* A click or tap anywhere below the header shows the options. */
        ui_app_add_hit(app, body, UI_ACT_REVEAL, 0, false);
    }
    if (p->note[0]) {
        int lh = ui_text_line_height(app->text, l->px_small, true);
        ui_text_style ns =
            ui_widget_style(app, l->px_small, true, app->theme->text);
        ns.max_lines = 1;
        ui_widget_label(app, p->note, ns,
                        ui_layout_cut_top(&body, lh, l->gap));
    }
    int left_w = body.w * 30 / 100;
    if (left_w > body.h * 58 / 100) {
        left_w = body.h * 58 / 100;
    }
    SDL_Rect left = ui_layout_cut_left(&body, left_w, l->gap * 2);
    ui_play_left(app, left);
    switch (app->screen) {
    case UI_SCREEN_PLAY: {
        int h = ui_play_speech(app, body, ui_play_speech_budget(app, body),
                               p->speech, revealing, p->drawn_words);
        ui_layout_cut_top(&body, h, l->gap * 2);
        if (revealing) {
            ui_play_listening(app, body);
        } else {
            ui_play_options(app, body);
        }
        break;
    }
    case UI_SCREEN_FEEDBACK:
        ui_play_feedback(app, body);
        break;
    case UI_SCREEN_ENDING:
        ui_play_ending(app, body);
        break;
    default:
        break;
    }
}

bool ui_screen_play_key(ui_app *app, const SDL_Keysym *key)
{
    SDL_Keycode k = key->sym;
    bool shift = (key->mod & KMOD_SHIFT) != 0;
    if (app->screen == UI_SCREEN_PLAY && ui_app_revealing(app)) {
        /* Go-on keys and number keys show the whole line and the options
         * first (a number pressed now chooses nothing). */
        switch (k) {
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE:
        case SDLK_PAGEDOWN:
        case SDLK_RIGHT:
        case SDLK_DOWN:
        case SDLK_TAB:
            ui_app_do(app, UI_ACT_REVEAL, 0);
            return true;
        default:
            if ((k >= SDLK_1 && k <= SDLK_9) ||
                (k >= SDLK_KP_1 && k <= SDLK_KP_9)) {
                ui_app_do(app, UI_ACT_REVEAL, 0);
                return true;
            }
            return false;
        }
    }
    if (app->screen == UI_SCREEN_PLAY) {
        if (k >= SDLK_1 && k <= SDLK_9) {
            ui_app_do(app, UI_ACT_CHOOSE, (int)(k - SDLK_1));
            return true;
        }
        if (k >= SDLK_KP_1 && k <= SDLK_KP_9) {
            ui_app_do(app, UI_ACT_CHOOSE, (int)(k - SDLK_KP_1));
            return true;
        }
        switch (k) {
        case SDLK_DOWN:
        case SDLK_RIGHT:
        case SDLK_PAGEDOWN:
            ui_app_focus_move(app, 1);
            return true;
        case SDLK_TAB:
            ui_app_focus_move(app, shift ? -1 : 1);
            return true;
        case SDLK_UP:
        case SDLK_LEFT:
        case SDLK_PAGEUP:
            ui_app_focus_move(app, -1);
            return true;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE:
            ui_app_press_focus(app);
            return true;
        default:
            return false;
        }
    }
    ui_action next =
        app->screen == UI_SCREEN_FEEDBACK ? UI_ACT_CONTINUE : UI_ACT_DEBRIEF;
    ui_scroll_id sid = UI_SCROLL_FEEDBACK;
    int line = ui_text_line_height(app->text, app->lay.px_body, false);
    switch (k) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
    case SDLK_PAGEDOWN:
    case SDLK_RIGHT:
        ui_app_do(app, next, 0);
        return true;
    case SDLK_DOWN:
        app->scroll[sid].offset += line;
        app->dirty = true;
        return true;
    case SDLK_UP:
        app->scroll[sid].offset -= line;
        app->dirty = true;
        return true;
    default:
        return false;
    }
}
