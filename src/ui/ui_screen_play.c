/* ui_screen_play.c — the call: the customer's portrait and meters on the
 * left; on the right their words in a speech area and the trainee's
 * options as numbered cards (play), the feedback on a reply (feedback), or
 * the closing words and the outcome (ending). */
#include <stdio.h>

#include "i18n.h"
#include "ui_internal.h"
#include "ui_mood.h"
#include "ui_options.h"
#include "ui_reveal.h"

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
            line = ui_reveal_line_of(p->speech, p->word_ends, p->word_count,
                                     ui_app_words_shown(app));
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

/* Portrait, name and meters: the mood, and while a turn is played the
 * patience and the trainee's time. */
static void ui_play_left(ui_app *app, SDL_Rect col)
{
    const ui_theme *th = app->theme;
    ui_play *p = &app->play;
    const scenario *sc = p->sc;
    ui_mood_meter m[3];
    int n = 0;
    ui_mood_meter_of(app, session_mood(p->s), &m[n++]);
    if (app->screen == UI_SCREEN_PLAY) {
        int elapsed = ui_app_elapsed_ms(app);
        int target = session_target_ms(p->s);
        p->drawn_second = elapsed / 1000;
        p->drawn_patience = ui_app_patience_s(app);
        if (p->relaxed) {
            snprintf(m[n].label, sizeof m[n].label, "%s",
                     _("Relaxed timing: no time limit"));
            m[n].bold = false;
            m[n].fraction = 1.0;
            m[n++].colour = th->good;
        } else {
            int total =
                sc->customer.patience_ms > 0 ? sc->customer.patience_ms : 1;
            int left_ms = session_patience_left_ms(p->s, elapsed);
            bool low = left_ms * 4 < total;
            snprintf(m[n].label, sizeof m[n].label,
                     low ? _("Patience: %d s left (low)")
                         : _("Patience: %d s left"),
                     p->drawn_patience);
            m[n].bold = low;
            m[n].fraction = (double)left_ms / (double)total;
            m[n++].colour = low ? th->warn : th->good;
        }
        char target_s[32];
        ui_widget_seconds(target_s, sizeof target_s, target);
        snprintf(m[n].label, sizeof m[n].label,
                 _("Your time: %d s (target %s)"), elapsed / 1000, target_s);
        m[n].bold = false;
        m[n].fraction = target > 0 ? (double)elapsed / (double)target : 0.0;
        m[n++].colour = elapsed > target ? th->warn : th->muted;
    }
    ui_mood_column(app, col, sc, ui_screen_play_expression(app), m, n);
}

/* The options on offer, as cards numbered 1, 2, 3… */
static ui_options_spec ui_play_spec(const ui_app *app, const char **texts)
{
    const session *s = app->play.s;
    size_t n = session_offered_count(s);
    for (size_t i = 0; i < n && i < SCENARIO_MAX_CHOICES; i++) {
        texts[i] = session_offered(s, i)->say;
    }
    ui_options_spec spec = {n, texts, false, 1.0, UI_ACT_CHOOSE,
                            0, 0,     -1,    NULL};
    return spec;
}

/* Height the speech area may take: up to 36% of the column, less when
 * the options would otherwise have to scroll, never less than the words
 * need at the smallest text size. */
static int ui_play_speech_budget(ui_app *app, SDL_Rect col)
{
    const ui_layout *l = &app->lay;
    int card_h[SCENARIO_MAX_CHOICES];
    int text_w = 0;
    const char *texts[SCENARIO_MAX_CHOICES];
    ui_options_spec spec = ui_play_spec(app, texts);
    int options =
        ui_options_measure(app, &spec, l->px_fit, 1, col.w, card_h, &text_w);
    if (col.w > l->h) {
        int two = ui_options_measure(app, &spec, l->px_fit, 2, col.w, card_h,
                                     &text_w);
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
    if (n == 1) {
        snprintf(hint, sizeof hint, "%s",
                 _("Your reply: press 1 or click the card"));
    } else {
        /* TRANSLATORS: %zu is the number of the last option (1–4). */
        snprintf(hint, sizeof hint,
                 _("Your reply: press 1\xE2\x80\x93%zu or click a card"), n);
    }
    ui_text_style hs = ui_widget_style(app, l->px_small, false, th->muted);
    hs.max_lines = 1;
    ui_widget_label(app, hint, hs, ui_layout_cut_top(&area, lh_small, l->gap));

    const char *texts[SCENARIO_MAX_CHOICES];
    ui_options_spec spec = ui_play_spec(app, texts);
    ui_options_draw(app, area, &spec, l->px_fit, l->px_body,
                    area.w > l->h ? 2 : 1);
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
                    _("Listening\xE2\x80\xA6 Space, Enter, a click or a "
                      "tap shows your options now"),
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
    const ui_play *p = &app->play;
    size_t count = session_turn_count(p->s);
    if (count == 0) {
        return;
    }
    const session_turn *t = session_turn_at(p->s, count - 1);
    const scenario_node *node = &p->sc->nodes[t->node_index];
    const char *btn = session_is_finished(p->s)
                          ? _("Continue to the end (Enter)")
                          : _("Continue (Enter)");
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
    char critical[2048];
    if (t->choice_index >= 0) {
        const scenario_choice *c = &node->choices[t->choice_index];
        snprintf(said_head, sizeof said_head, _("You said (option %d)"),
                 t->offered_pos);
        said = c->say;
        feedback =
            c->feedback ? c->feedback : _("No feedback for this reply.");
        if (t->critical) {
            /* the author's reason first: this reply fails the call */
            snprintf(critical, sizeof critical,
                     _("Critical mistake: the call will not pass. %s %s"),
                     c->critical, c->feedback ? c->feedback : "");
            feedback = critical;
        }
    } else {
        snprintf(said_head, sizeof said_head, "%s", _("You said nothing"));
        said = _("No reply came in time.");
        feedback = _("The customer's patience ran out before you answered. "
                     "A quick, honest holding line keeps the call going "
                     "while you think.");
    }
    int d = t->mood_after - t->mood_before;
    ui_mood_line(mood_line, sizeof mood_line, t->mood_before, t->mood_after);
    char took[32];
    char target[32];
    ui_widget_seconds(took, sizeof took, t->response_ms);
    ui_widget_seconds(target, sizeof target, t->target_ms);
    char answered[128];
    snprintf(answered, sizeof answered,
             _("You answered in %s; the target was %s."), took, target);
    snprintf(time_line, sizeof time_line, "%s%s%s", answered,
             p->relaxed ? " " : "",
             p->relaxed ? _("Relaxed timing: time is not scored.") : "");

    /* Mood change first: bold and marked, not by colour alone. */
    ui_mood_box(app, &area, mood_line, d, l->px_body);

    /* The rest scrolls if it must. */
    SDL_Rect inner = {area.x, area.y, area.w - ui_widget_bar_w(app), 0};
    int px = l->px_body;
    int total = 0;
    for (; px >= l->px_fit; px--) {
        total =
            ui_play_block(app, said_head, said, t->choice_index >= 0, px,
                          inner, false) +
            ui_play_block(app, _("Feedback"), feedback, t->choice_index >= 0,
                          px, inner, false) +
            ui_play_block(app, _("Time"), time_line, false, px, inner, false) +
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
    y += ui_play_block(app, _("Feedback"), feedback, t->choice_index >= 0, px,
                       inner, true) +
         2 * l->gap;
    inner.y = y;
    ui_play_block(app, _("Time"), time_line, false, px, inner, true);
    ui_widget_scroll_end(app, UI_SCROLL_FEEDBACK);
}

static void ui_play_ending(ui_app *app, SDL_Rect area)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const ui_play *p = &app->play;
    const scenario_node *end = session_ending(p->s);
    const char *btn = _("See your debrief (Enter)");
    int bh = ui_widget_button_height(app, l->px_small);
    SDL_Rect row = ui_layout_cut_bottom(&area, bh, l->gap * 2);
    int bw = ui_widget_button_width(app, btn, l->px_small);
    ui_widget_button(app, ui_layout_cut_right(&row, bw, 0), btn,
                     UI_ACT_DEBRIEF, 0, true);
    if (p->speech && p->speech[0]) {
        int h = ui_reveal_bubble(app, area, area.h * 55 / 100, p->speech,
                                 false, 0, l->px_speech, true);
        ui_layout_cut_top(&area, h, l->gap * 2);
    }
    char title[256];
    const char *outcome = ui_widget_outcome_name(session_outcome(p->s));
    if (end && end->title) {
        /* TRANSLATORS: the ending's title (the scenario's), the outcome. */
        snprintf(title, sizeof title, _("Call ended: %s (%s)"), end->title,
                 outcome);
    } else if (session_gave_up(p->s)) {
        snprintf(title, sizeof title,
                 _("Call ended: %s ran out of patience and hung up (%s)"),
                 p->sc->customer.name, outcome);
    } else {
        snprintf(title, sizeof title, _("Call ended (%s)"), outcome);
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
            fs.wrap_w = area.w - ui_widget_bar_w(app);
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
        snprintf(title, sizeof title, _("Turn %zu: feedback \xC2\xB7 %s"),
                 turn, p->sc->title);
        break;
    case UI_SCREEN_ENDING:
        snprintf(title, sizeof title, _("The call has ended \xC2\xB7 %s"),
                 p->sc->title);
        break;
    default:
        snprintf(title, sizeof title, _("Turn %zu \xC2\xB7 %s"), turn + 1,
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
        int h = ui_reveal_bubble(app, body, ui_play_speech_budget(app, body),
                                 p->speech, revealing, p->drawn_words,
                                 l->px_speech, true);
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
