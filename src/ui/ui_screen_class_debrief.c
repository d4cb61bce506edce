/* ui_screen_class_debrief.c — the ending as the room reached it, and the
 * class debrief: the path taken with the vote at every turn (and where
 * the room disagreed), the better option at each turn, the class's
 * scores and every team's side by side, the ending and what it teaches,
 * and how promptness was scored. It scrolls (Next, Back, the wheel, a
 * drag). The same text, in columns, is class_debrief_text's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_class.h"
#include "ui_reveal.h"

/* The ending's title and outcome. */
static void ui_class_ending_title(const ui_app *app, char *buf, size_t len)
{
    const session *s = class_session_of(app->cls->cs);
    const scenario_node *end = session_ending(s);
    const char *outcome = ui_widget_outcome_name(session_outcome(s));
    if (end && end->title) {
        /* The scenario's words isolated in the interface's line. */
        const char *iso = ui_widget_isolate(app);
        char name[300];
        snprintf(name, sizeof name, "%s%s%s", iso, end->title,
                 iso[0] ? UI_TEXT_PDI : "");
        snprintf(buf, len, _("The call ended: %s (%s)"), name, outcome);
    } else {
        snprintf(buf, len, _("The call ended (%s)"), outcome);
    }
}

void ui_screen_class_ending_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_class *c = app->cls;
    const char *const keys[] = {_("PgDn: the debrief"), _("PgUp: back"),
                                _("H: keys")};
    SDL_Rect body = ui_class_frame(app, _("The call has ended"),
                                   _("Class debrief \xE2\x96\xB6"), keys,
                                   sizeof keys / sizeof *keys);
    if (c->speech && c->speech[0]) {
        int h = ui_reveal_bubble(app, body, body.h * 45 / 100, c->speech,
                                 false, 0, l->px_speech, false);
        ui_layout_cut_top(&body, h, l->gap * 2);
    }
    char title[300];
    ui_class_ending_title(app, title, sizeof title);
    ui_text_style ts = ui_widget_style(app, l->px_title, true, th->text);
    ts.wrap_w = body.w;
    ts.max_lines = 2;
    ts.px = ui_layout_fit_px(app->text, title, ts, body.h / 3, l->px_fit,
                             l->px_title);
    int h = ui_widget_label(app, title, ts, body);
    ui_layout_cut_top(&body, h, l->gap * 2);
    const scenario_node *end = session_ending(class_session_of(c->cs));
    if (end && end->feedback) {
        ui_text_style fs =
            ui_widget_content_style(app, l->px_body, false, th->text);
        fs.wrap_w = body.w - ui_widget_bar_w(app);
        fs.px = ui_layout_fit_px(app->text, end->feedback, fs, body.h,
                                 l->px_fit, l->px_body);
        ui_text_size sz;
        ui_text_measure(app->text, end->feedback, &fs, &sz);
        ui_widget_scroll_begin(app, UI_SCROLL_FEEDBACK, body, sz.h);
        ui_text_draw(app->text, end->feedback, &fs, body.x,
                     body.y - app->scroll[UI_SCROLL_FEEDBACK].offset, NULL);
        ui_widget_scroll_end(app, UI_SCROLL_FEEDBACK);
    }
}

/* The debrief's blocks: heading or text, bold or not. */
typedef struct {
    char *text;
    bool heading;
    bool content; /* the scenario's words */
} ui_class_block;

#define UI_CLASS_BLOCKS 160

static void ui_class_add(ui_class_block *b, size_t *n, bool heading,
                         bool content, const char *fmt, const char *a)
{
    if (*n >= UI_CLASS_BLOCKS) {
        return;
    }
    size_t len = strlen(fmt) + (a ? strlen(a) : 0) + 1;
    char *s = malloc(len);
    if (!s) {
        return;
    }
    snprintf(s, len, fmt, a ? a : "");
    b[*n].text = s;
    b[*n].heading = heading;
    b[*n].content = content;
    (*n)++;
}

static size_t ui_class_blocks(const ui_app *app, ui_class_block *b)
{
    const ui_class *c = app->cls;
    size_t n = 0;
    char line[1024];
    ui_class_add(b, &n, true, false, "%s", _("The path the room took"));
    for (size_t i = 0; i < class_turn_count(c->cs); i++) {
        const class_turn *t = class_turn_at(c->cs, i);
        size_t len = 0;
        len += (size_t)snprintf(line + len, sizeof line - len,
                                _("Turn %zu: the room chose %c%s. Votes: "),
                                i + 1, class_letter((size_t)t->chosen_pos),
                                t->picked ? _(" (tie, picked)") : "");
        /* Each "A 3" isolated in a right-to-left line, so that the list
         * reads from the right and no count strays to its neighbour. */
        const char *iso = ui_widget_isolate(app);
        const char *pdi = iso[0] ? UI_TEXT_PDI : "";
        for (size_t k = 0; k < t->option_count && len < sizeof line; k++) {
            len += (size_t)snprintf(line + len, sizeof line - len,
                                    "%s%s%c %d%s", k ? C_("list", ", ") : "",
                                    iso, class_letter(k), t->votes[k], pdi);
        }
        if (len < sizeof line) {
            len += (size_t)snprintf(line + len, sizeof line - len, "%s",
                                    t->split ? _(" (the room disagreed)")
                                             : _(" (all agreed)"));
        }
        if (len < sizeof line && t->best_pos != t->chosen_pos) {
            snprintf(line + len, sizeof line - len,
                     _(". The better option was %c."),
                     class_letter((size_t)t->best_pos));
        } else if (len < sizeof line) {
            snprintf(line + len, sizeof line - len, "%s",
                     _(". That was the better option."));
        }
        ui_class_add(b, &n, false, false, "%s", line);
    }
    ui_class_add(b, &n, true, false, "%s", _("Scores"));
    for (int r = 0; r <= (int)class_team_count(c->cs); r++) {
        int team = r == 0 ? CLASS_ROOM : r - 1;
        score_summary s;
        if (!class_scores(c->cs, team, &s)) {
            continue;
        }
        char scores[200];
        ui_class_score_line(&s, scores, sizeof scores);
        char name[UI_CLASS_NAME_MAX + 8];
        snprintf(line, sizeof line, "%s: %s",
                 r == 0 ? _("The class")
                        : ui_class_isolate(
                              app, class_team_name(c->cs, (size_t)team), name,
                              sizeof name),
                 scores);
        ui_class_add(b, &n, false, false, "%s", line);
    }
    ui_class_add(b, &n, false, false, "%s",
                 _("Promptness is scored on the options alone (relaxed "
                   "timing): discussion time never counts."));
    char title[300];
    ui_class_ending_title(app, title, sizeof title);
    ui_class_add(b, &n, true, false, "%s", title);
    const scenario_node *end = session_ending(class_session_of(c->cs));
    if (end && end->feedback) {
        ui_class_add(b, &n, false, true, "%s", end->feedback);
    }
    return n;
}

void ui_screen_class_debrief_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    const char *const keys[] = {_("PgDn, PgUp: scroll"), _("Esc: menu"),
                                _("H: keys")};
    SDL_Rect body = ui_class_frame(app, _("Class debrief"), NULL, keys,
                                   sizeof keys / sizeof *keys);
    ui_class_block b[UI_CLASS_BLOCKS];
    size_t n = ui_class_blocks(app, b);
    int w = body.w - ui_widget_bar_w(app);
    ui_text_style st[UI_CLASS_BLOCKS];
    int total = 0;
    for (size_t i = 0; i < n; i++) {
        st[i] =
            b[i].content
                ? ui_widget_content_style(app, l->px_small, false, th->text)
                : ui_widget_style(app, b[i].heading ? l->px_body : l->px_small,
                                  b[i].heading, th->text);
        st[i].wrap_w = w;
        ui_text_size sz;
        ui_text_measure(app->text, b[i].text, &st[i], &sz);
        total += sz.h + (b[i].heading && i ? 2 * l->gap : l->gap);
    }
    ui_widget_scroll_begin(app, UI_SCROLL_REVIEW, body, total);
    int y = body.y - app->scroll[UI_SCROLL_REVIEW].offset;
    for (size_t i = 0; i < n; i++) {
        y += b[i].heading && i ? l->gap : 0;
        ui_text_size sz;
        ui_text_measure(app->text, b[i].text, &st[i], &sz);
        if (y + sz.h > body.y && y < body.y + body.h) {
            ui_text_draw(app->text, b[i].text, &st[i], body.x, y, NULL);
        }
        y += sz.h + l->gap;
        free(b[i].text);
    }
    ui_widget_scroll_end(app, UI_SCROLL_REVIEW);
}
