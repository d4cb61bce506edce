/* ui_screen_class_vote.c — the vote: the options with big letters and
 * the hands counted for each (per team in teams mode, one team at a
 * time, chosen with the team tabs or Tab); a click or tap on a card adds
 * a hand, the take-back row removes one, Backspace undoes the last entry.
 * With no hands counted, Next asks which option the room (or each team)
 * agreed on: a cursor that Back moves and Next takes. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_class.h"
#include "ui_options.h"

/* The width the team tabs take, after "Hands of:" when label. */
static int ui_class_vote_teams_w(ui_app *app, bool label)
{
    const ui_layout *l = &app->lay;
    ui_class *c = app->cls;
    int px = l->px_small;
    ui_text_style ls = ui_widget_style(app, px, true, app->theme->text);
    ui_text_size lsz = {0};
    if (label) {
        ui_text_measure(app->text, _("Hands of:"), &ls, &lsz);
    }
    int w = label ? lsz.w : -l->gap;
    for (size_t t = 0; t < class_team_count(c->cs); t++) {
        char name[UI_CLASS_NAME_MAX + 16];
        snprintf(name, sizeof name, "%s %d", class_team_name(c->cs, t),
                 class_votes(c->cs,
                             ui_class_phones_shown(app) ? CLASS_SRC_HANDS
                                                        : CLASS_SRC_COUNT,
                             (int)t));
        w += l->gap + ui_widget_button_width(app, name, px);
    }
    return w;
}

/* A tab per team in row, the current one filled, after "Hands of:" when
 * label. */
static void ui_class_vote_teams(ui_app *app, SDL_Rect row, bool label)
{
    const ui_layout *l = &app->lay;
    ui_class *c = app->cls;
    int px = l->px_small;
    int h = ui_widget_button_height(app, px);
    if (label) {
        const char *text = _("Hands of:");
        ui_text_style ls = ui_widget_style(app, px, true, app->theme->text);
        ui_text_size lsz;
        ui_text_measure(app->text, text, &ls, &lsz);
        int lh = ui_text_line_height(app->text, px, true);
        ui_text_draw(app->text, text, &ls, row.x, row.y + (h - lh) / 2, NULL);
        ui_layout_cut_left(&row, lsz.w + l->gap, 0);
    }
    for (size_t t = 0; t < class_team_count(c->cs); t++) {
        char name[UI_CLASS_NAME_MAX + 16];
        snprintf(name, sizeof name, "%s %d", class_team_name(c->cs, t),
                 class_votes(c->cs,
                             ui_class_phones_shown(app) ? CLASS_SRC_HANDS
                                                        : CLASS_SRC_COUNT,
                             (int)t));
        int bw = ui_widget_button_width(app, name, px);
        if (bw > row.w) {
            break;
        }
        ui_class_button(app, ui_layout_cut_left(&row, bw, l->gap), name,
                        UI_CLASS_ARG(UI_CLASS_TEAM, t), (int)t == c->team);
    }
}

void ui_screen_class_vote_draw(ui_app *app)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    ui_class *c = app->cls;
    bool teams = class_mode_of(c->cs) == CLASS_TEAMS;
    bool agree = c->step == UI_CLASS_STEP_AGREE;
    char title[300];
    snprintf(title, sizeof title, _("Turn %zu \xC2\xB7 the vote"),
             class_turn_index(c->cs) + 1);
    char timer[96];
    if (ui_class_phones_timer(app, timer, sizeof timer)) {
        size_t n = strlen(title);
        snprintf(title + n, sizeof title - n, " \xC2\xB7 %s", timer);
    }
    const char *const keys[] = {_("A\xE2\x80\x93I, 1\xE2\x80\x93"
                                  "9: a hand"),
                                _("Shift: one back"), _("Backspace: undo"),
                                _("PgDn: record"), _("H: keys")};
    const char *const agree_keys[] = {_("PgUp: move"), _("PgDn: take it"),
                                      _("H: keys")};
    SDL_Rect body =
        agree
            ? ui_class_frame(app, title, _("Take it \xE2\x96\xB6"), agree_keys,
                             sizeof agree_keys / sizeof *agree_keys)
            : ui_class_frame(app, title, _("Record the vote \xE2\x96\xB6"),
                             keys, sizeof keys / sizeof *keys);
    ui_class_phone_strip(app, &body);
    bool phones = ui_class_phones_shown(app);
    int team = teams ? c->team : CLASS_ROOM;
    /* the take-back row's labels (drawn below) */
    const char *labels[SCENARIO_MAX_CHOICES + 1];
    int args[SCENARIO_MAX_CHOICES + 1];
    char letters[SCENARIO_MAX_CHOICES][16];
    size_t nopt = class_option_count(c->cs);
    labels[0] = _("Undo");
    args[0] = UI_CLASS_ARG(UI_CLASS_UNDO, 0);
    int back_w = ui_widget_button_width(app, labels[0], l->px_small);
    for (size_t i = 0; i < nopt && i < SCENARIO_MAX_CHOICES; i++) {
        snprintf(letters[i], sizeof letters[i], "%c \xE2\x88\x92 1",
                 class_letter(i));
        labels[i + 1] = letters[i];
        args[i + 1] = UI_CLASS_ARG(UI_CLASS_UNHAND, i);
        back_w +=
            l->gap + ui_widget_button_width(app, letters[i], l->px_small);
    }
    /* With phones (teams mode) the options need the height: the team tabs
     * go on the take-back row, without their label, when both fit, and
     * the prompt names the team. */
    bool shared = false;
    if (teams && !agree && phones) {
        shared =
            ui_class_vote_teams_w(app, false) + 2 * l->gap + back_w <= body.w;
    }
    char prompt[256];
    /* team names isolated: a Latin name in an Arabic line (or the other
     * way round) keeps its place */
    char tname[CLASS_MAX_TEAM_NAME_BYTES + 16] = "";
    int tsel = agree ? c->step_team : c->team;
    if (teams && tsel >= 0) {
        snprintf(tname, sizeof tname, UI_TEXT_FSI "%s" UI_TEXT_PDI,
                 class_team_name(c->cs, (size_t)tsel));
    }
    if (agree) {
        if (c->step_team == CLASS_ROOM) {
            snprintf(prompt, sizeof prompt, "%s",
                     _("No hands counted. Which option did the room agree "
                       "on? Back moves, Next takes it."));
        } else {
            snprintf(prompt, sizeof prompt,
                     _("Which option did team %s agree on? Back moves, Next "
                       "takes it."),
                     tname);
        }
    } else if (shared) {
        /* TRANSLATORS: the vote screen with phones, in teams mode: %s is
         * the team whose hands are being counted (chosen with the tabs
         * under the options), %d the hands counted for it. */
        snprintf(prompt, sizeof prompt,
                 _("Hands for %s: %d. A click or a tap on an option adds "
                   "one."),
                 tname, class_votes(c->cs, CLASS_SRC_HANDS, team));
    } else {
        int votes = class_votes(c->cs, CLASS_SRC_HANDS, team);
        if (teams) {
            snprintf(prompt, sizeof prompt,
                     _("Hands up for each option: %d counted for %s. A "
                       "click or a tap adds one."),
                     votes, tname);
        } else {
            snprintf(prompt, sizeof prompt,
                     _("Hands up for each option: %d counted. A click or a "
                       "tap adds one."),
                     votes);
        }
    }
    ui_text_style ps = ui_widget_style(app, l->px_small, true, th->text);
    ps.wrap_w = body.w;
    ps.max_lines = 2;
    ui_text_size psz;
    ui_text_measure(app->text, prompt, &ps, &psz);
    ui_widget_label(app, prompt, ps,
                    ui_layout_cut_top(&body, psz.h, l->gap * 2));
    int bh = ui_widget_button_height(app, l->px_small);
    if (shared) {
        SDL_Rect row = ui_layout_cut_bottom(&body, bh, l->gap);
        ui_class_vote_teams(
            app,
            ui_layout_cut_left(&row, ui_class_vote_teams_w(app, false),
                               2 * l->gap),
            false);
        ui_class_buttons(app, &row, labels, args, nopt + 1);
    } else if (teams && !agree) {
        ui_class_vote_teams(app, ui_layout_cut_top(&body, bh, l->gap * 2),
                            true);
    }
    const char *texts[SCENARIO_MAX_CHOICES];
    size_t n = ui_class_option_texts(app, NULL, texts);
    char notes_buf[SCENARIO_MAX_CHOICES][48];
    const char *notes[SCENARIO_MAX_CHOICES];
    /* With phones, the phones' votes stay hidden until the reveal: the
     * cards count the hands only (the panel says how many phones voted). */
    for (size_t i = 0; i < n; i++) {
        int hands = class_tally(
            c->cs, phones ? CLASS_SRC_HANDS : CLASS_SRC_COUNT, team, i);
        snprintf(notes_buf[i], sizeof notes_buf[i],
                 P_("%d hand", "%d hands", hands), hands);
        notes[i] = agree ? NULL : notes_buf[i];
    }
    if (!agree && !shared) {
        /* Taking a hand back, by mouse or touch. */
        ui_class_buttons(app, &body, labels, args, n + 1);
    }
    ui_options_spec spec = {n,
                            texts,
                            true,
                            1.3,
                            UI_ACT_CLASS,
                            agree ? UI_CLASS_CHOOSE : UI_CLASS_HAND,
                            8,
                            agree ? c->cursor : -1,
                            notes};
    ui_options_view view;
    ui_options_draw_view(app, body, &spec, l->px_fit, l->px_body,
                         body.w > l->h ? 2 : 1, NULL, &view);
    c->vote_in_view = view.in_view;
}
