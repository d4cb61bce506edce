/* ui_screen_class_board.c — the scoreboard between turns (only when the
 * facilitator turned it on): the class's scores so far and, in teams
 * mode, every team's side by side, each with a meter for the overall
 * score and its number (never colour alone). */
#include <stdio.h>

#include "i18n.h"
#include "ui_class.h"

/* "Overall 72 · empathy 80 · honesty 70 · promptness 65". */
void ui_class_score_line(const score_summary *s, char *buf, size_t len)
{
    snprintf(buf, len,
             _("Overall %d \xC2\xB7 empathy %d \xC2\xB7 honesty %d \xC2\xB7 "
               "promptness %d"),
             s->overall, s->dim[SCENARIO_DIM_EMPATHY],
             s->dim[SCENARIO_DIM_HONESTY], s->dim[SCENARIO_DIM_PROMPTNESS]);
}

void ui_screen_class_board_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_class *c = app->cls;
    const char *const keys[] = {_("PgDn: next turn"), _("PgUp: back"),
                                _("H: keys")};
    char title[300];
    snprintf(title, sizeof title, _("Scores after turn %zu"),
             class_turn_count(c->cs));
    SDL_Rect body = ui_class_frame(app, title, _("Next turn \xE2\x96\xB6"),
                                   keys, sizeof keys / sizeof *keys);
    size_t teams = class_team_count(c->cs);
    int rows = 1 + (int)teams;
    int name_lh = ui_text_line_height(app->text, l->px_body, true);
    int line_lh = ui_text_line_height(app->text, l->px_small, false);
    int bar_h = l->h / 30 > 8 ? l->h / 30 : 8;
    int row_h = name_lh + line_lh + bar_h + 2 * l->gap;
    int y = body.y;
    for (int r = 0; r < rows; r++) {
        if (y + row_h > body.y + body.h) {
            break;
        }
        int team = r == 0 ? CLASS_ROOM : r - 1;
        score_summary s;
        if (!class_scores(c->cs, team, &s)) {
            continue;
        }
        char name[UI_CLASS_NAME_MAX + 32];
        snprintf(name, sizeof name, "%s",
                 r == 0 ? _("The class (the room's calls)")
                        : class_team_name(c->cs, (size_t)team));
        char line[200];
        ui_class_score_line(&s, line, sizeof line);
        ui_text_style ns = ui_widget_style(app, l->px_body, true, th->text);
        ns.wrap_w = body.w;
        ns.max_lines = 1;
        ui_text_draw(app->text, name, &ns, body.x, y, NULL);
        y += name_lh;
        ui_text_style ls = ui_widget_style(app, l->px_small, false, th->text);
        ls.wrap_w = body.w;
        ls.max_lines = 1;
        ui_text_draw(app->text, line, &ls, body.x, y, NULL);
        y += line_lh + l->gap / 2;
        ui_widget_meter(app, (SDL_Rect){body.x, y, body.w, bar_h},
                        (double)s.overall / 100.0, th->good);
        y += bar_h + l->gap * 3 / 2;
    }
}
