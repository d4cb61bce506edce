/* ui_screen_class_played.c — the room's call played: the portrait and
 * the mood, the option chosen, how the mood changed and the feedback;
 * "what if" (W): what every option on offer would have done (feedback,
 * mood change, ratings), for discussion. Also the turns looked back on
 * with Back. */
#include <stdio.h>

#include "i18n.h"
#include "ui_class.h"
#include "ui_mood.h"
#include "ui_options.h"

/* The played turn shown: the one looked back on, else the last. */
static const class_turn *ui_class_played_turn(const ui_app *app, size_t *index)
{
    const ui_class *c = app->cls;
    int review = class_review_turn(c->cs);
    size_t count = class_turn_count(c->cs);
    if (count == 0) {
        return NULL;
    }
    *index = review >= 0 ? (size_t)review : count - 1;
    return class_turn_at(c->cs, *index);
}

static SDL_Rect ui_class_played_frame(ui_app *app, size_t index, bool whatif)
{
    ui_class *c = app->cls;
    bool review = class_review_turn(c->cs) >= 0;
    char title[300];
    snprintf(title, sizeof title, _("%sTurn %zu \xC2\xB7 %s"),
             review ? _("Looking back \xC2\xB7 ") : "", index + 1,
             whatif ? _("what if") : _("the call played"));
    const char *const keys[] = {_("PgDn: go on"), _("PgUp: turn before"),
                                _("W: what if"), _("H: keys")};
    const char *next = review ? _("Forward \xE2\x96\xB6")
                       : session_is_finished(class_session_of(c->cs))
                           ? _("The ending \xE2\x96\xB6")
                           : _("Next turn \xE2\x96\xB6");
    return ui_class_frame(app, title, next, keys, sizeof keys / sizeof *keys);
}

void ui_screen_class_played_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_class *c = app->cls;
    size_t index = 0;
    const class_turn *t = ui_class_played_turn(app, &index);
    SDL_Rect body = ui_class_played_frame(app, index, false);
    if (!t) {
        return;
    }
    const scenario_node *node = &c->sc->nodes[t->node_index];
    const scenario_choice *ch = &node->choices[t->chosen_index];
    int left_w = body.w * 26 / 100;
    if (left_w > body.h * 50 / 100) {
        left_w = body.h * 50 / 100;
    }
    SDL_Rect left = ui_layout_cut_left(&body, left_w, l->gap * 2);
    ui_mood_meter m;
    ui_mood_meter_of(app, t->mood_after, &m);
    ui_mood_column(app, left, c->sc,
                   scenario_expression_for_mood(t->mood_after), &m, 1);
    char head[160];
    snprintf(head, sizeof head, _("The room chose %c%s"),
             class_letter((size_t)t->chosen_pos),
             t->picked ? _(" (a tie, picked by the facilitator)") : "");
    ui_text_style hs = ui_widget_style(app, l->px_body, true, th->text);
    hs.wrap_w = body.w;
    hs.max_lines = 2;
    int h = ui_widget_label(app, head, hs, body);
    ui_layout_cut_top(&body, h, l->gap);
    char mood[160];
    ui_mood_line(mood, sizeof mood, t->mood_before, t->mood_after);
    ui_mood_box(app, &body, mood, t->mood_after - t->mood_before, l->px_body);
    /* The words said, then the feedback, at the largest size that fits
     * (scrolling at the smallest). */
    const char *feedback =
        ch->feedback ? ch->feedback : _("No feedback for this option.");
    ui_text_style ss =
        ui_widget_content_style(app, l->px_body, false, th->text);
    ui_text_style fs = ss;
    int px = l->px_body;
    int bar = ui_widget_bar_w(app);
    int total = 0;
    for (; px >= l->px_fit; px--) {
        ss.px = px;
        fs.px = px;
        ss.wrap_w = body.w - bar;
        fs.wrap_w = body.w - bar;
        ss.bold = true;
        ui_text_size a;
        ui_text_size b;
        ui_text_measure(app->text, ch->say, &ss, &a);
        ui_text_measure(app->text, feedback, &fs, &b);
        total = a.h + 2 * l->gap + b.h;
        if (total <= body.h) {
            break;
        }
    }
    if (px < l->px_fit) {
        px = l->px_fit;
        ss.px = px;
        fs.px = px;
    }
    ui_widget_scroll_begin(app, UI_SCROLL_FEEDBACK, body, total);
    int y = body.y - app->scroll[UI_SCROLL_FEEDBACK].offset;
    ui_text_size a;
    ui_text_draw(app->text, ch->say, &ss, body.x, y, &a);
    ui_text_draw(app->text, feedback, &fs, body.x, y + a.h + 2 * l->gap, NULL);
    ui_widget_scroll_end(app, UI_SCROLL_FEEDBACK);
}

void ui_screen_class_whatif_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    ui_class *c = app->cls;
    size_t index = 0;
    const class_turn *t = ui_class_played_turn(app, &index);
    SDL_Rect body = ui_class_played_frame(app, index, true);
    if (!t) {
        return;
    }
    const char *texts[SCENARIO_MAX_CHOICES];
    const char *notes[SCENARIO_MAX_CHOICES];
    char buf[SCENARIO_MAX_CHOICES][200];
    size_t n = t->option_count;
    for (size_t i = 0; i < n; i++) {
        class_whatif w;
        if (!class_whatif_at(c->cs, index, i, &w)) {
            texts[i] = "";
            notes[i] = NULL;
            continue;
        }
        texts[i] = w.feedback ? w.feedback : _("No feedback for this option.");
        snprintf(buf[i], sizeof buf[i],
                 _("Mood %+d \xC2\xB7 empathy %+d, honesty %+d, promptness "
                   "%+d%s%s"),
                 w.mood_change, w.rating[SCENARIO_DIM_EMPATHY],
                 w.rating[SCENARIO_DIM_HONESTY],
                 w.rating[SCENARIO_DIM_PROMPTNESS],
                 w.best ? _(" \xC2\xB7 the better option") : "",
                 w.chosen ? _(" \xC2\xB7 the room's call") : "");
        notes[i] = buf[i];
    }
    ui_options_spec spec = {n, texts, true,          1.5,  UI_ACT_NONE,
                            0, 0,     t->chosen_pos, notes};
    ui_options_draw(app, body, &spec, l->px_fit, l->px_body,
                    body.w > l->h ? 2 : 1);
}
