/* ui_screen_class_turn.c — a turn for the room: first the customer's
 * line, revealed word by word beside the portrait and the mood; then the
 * line above the options with big letters (A, B, C…) and the discussion
 * timer (start or pause, more time, skip). */
#include <stdio.h>

#include "i18n.h"
#include "ui_class.h"
#include "ui_draw.h"
#include "ui_mood.h"
#include "ui_options.h"
#include "ui_reveal.h"

/* The portrait's expression: the line being revealed's, else the mood's. */
static scenario_expression ui_class_turn_face(const ui_app *app)
{
    const ui_class *c = app->cls;
    const session *s = class_session_of(c->cs);
    const scenario_node *n = session_node(s);
    if (n && n->line_count > 0) {
        size_t line = ui_reveal_line_of(c->speech, c->word_ends, c->word_count,
                                        ui_class_words(app));
        if (line >= n->line_count) {
            line = n->line_count - 1;
        }
        if (n->lines[line].expression != SCENARIO_EXPR_AUTO) {
            return n->lines[line].expression;
        }
    }
    return scenario_expression_for_mood(session_mood(s));
}

static void ui_class_turn_line(ui_app *app, SDL_Rect body)
{
    const ui_layout *l = &app->lay;
    ui_class *c = app->cls;
    bool revealing = ui_class_revealing(app);
    if (revealing) {
        /* A click or tap on the line shows it whole. */
        ui_app_add_hit(app, body, UI_ACT_CLASS,
                       UI_CLASS_ARG(UI_CLASS_REVEAL, 0), false);
    }
    int left_w = body.w * 30 / 100;
    if (left_w > body.h * 55 / 100) {
        left_w = body.h * 55 / 100;
    }
    SDL_Rect left = ui_layout_cut_left(&body, left_w, l->gap * 2);
    ui_mood_meter m;
    ui_mood_meter_of(app, session_mood(class_session_of(c->cs)), &m);
    ui_mood_column(app, left, c->sc, ui_class_turn_face(app), &m, 1);
    ui_reveal_bubble(app, body, body.h, c->speech, revealing,
                     ui_class_words(app), l->px_title, true);
}

static void ui_class_turn_options(ui_app *app, SDL_Rect body)
{
    const ui_layout *l = &app->lay;
    ui_class *c = app->cls;
    /* The line, which the room has just read, in two lines at most. */
    ui_text_style ls =
        ui_widget_content_style(app, l->px_small, false, app->theme->text);
    ls.wrap_w = body.w - 2 * l->pad;
    ls.max_lines = 2;
    ui_text_size lsz;
    ui_text_measure(app->text, c->speech, &ls, &lsz);
    SDL_Rect quote = ui_layout_cut_top(&body, lsz.h, l->gap * 2);
    SDL_Rect bar = {quote.x, quote.y, l->pad / 2 > 2 ? l->pad / 2 : 2,
                    quote.h};
    ui_draw_rect(app->renderer, bar, app->theme->panel_border);
    ui_text_draw(app->text, c->speech, &ls, quote.x + 2 * l->pad, quote.y,
                 NULL);
    int th = ui_widget_button_height(app, l->px_small);
    int lh = ui_text_line_height(app->text, l->px_body, true);
    SDL_Rect timer = ui_layout_cut_top(&body, lh > th ? lh : th, l->gap);
    ui_class_timer(app, timer);
    const char *texts[SCENARIO_MAX_CHOICES];
    ui_options_spec spec = {ui_class_option_texts(app, NULL, texts),
                            texts,
                            true,
                            1.3,
                            UI_ACT_CLASS,
                            UI_CLASS_HAND,
                            8,
                            -1,
                            NULL};
    ui_options_draw(app, body, &spec, l->px_fit, l->px_body,
                    body.w > l->h ? 2 : 1);
}

void ui_screen_class_turn_draw(ui_app *app)
{
    ui_class *c = app->cls;
    bool line = class_phase_of(c->cs) == CLASS_PHASE_LINE;
    char title[300];
    char name[260];
    snprintf(title, sizeof title, _("Turn %zu \xC2\xB7 %s"),
             class_turn_index(c->cs) + 1,
             ui_class_sc_title(app, name, sizeof name));
    const char *const line_keys[] = {_("PgDn: options"),
                                     _("PgUp: turn before"),
                                     _("R: whole line"), _("H: keys")};
    const char *const keys[] = {_("PgDn: vote"),
                                /* TRANSLATORS: keys A to I or 1 to 9 add
                                 * a hand to that option. */
                                _("A\xE2\x80\x93I, 1\xE2\x80\x93"
                                  "9: a hand"),
                                _("P: pause"), _("X: +30 s"), _("S: skip"),
                                _("H: keys")};
    SDL_Rect body =
        line ? ui_class_frame(app, title,
                              ui_class_revealing(app)
                                  ? _("Whole line \xE2\x96\xB6")
                                  : _("Options \xE2\x96\xB6"),
                              line_keys, sizeof line_keys / sizeof *line_keys)
             : ui_class_frame(app, title, _("Open the vote \xE2\x96\xB6"),
                              keys, sizeof keys / sizeof *keys);
    ui_class_phone_panel(app, &body);
    if (line) {
        ui_class_turn_line(app, body);
    } else {
        ui_class_turn_options(app, body);
    }
}
