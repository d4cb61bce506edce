/* ui_class.c — classroom mode's state on screen and the facilitator's
 * controls: every rule is the core's (class.h); this file keeps what is
 * only presentation (the line's reveal, the chart hidden until revealed,
 * "what if", the scoreboard between turns, the cursor steps that let Next
 * and Back alone enter a choice) and maps keys and clicks to the core. */
#include "ui_class.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_reveal.h"

/* The discussion timer grows by this much per extension. */
#define UI_CLASS_EXTEND_MS 30000

/* The teams' names until the facilitator gives others (--teams), in the
 * interface's language. */
static void ui_class_default_teams(const char **names)
{
    const char *const all[CLASS_MAX_TEAMS] = {
        C_("team", "Red"),    C_("team", "Blue"),   C_("team", "Green"),
        C_("team", "Yellow"), C_("team", "Purple"), C_("team", "Orange"),
        C_("team", "Teal"),   C_("team", "Grey")};
    for (size_t i = 0; i < CLASS_MAX_TEAMS; i++) {
        names[i] = all[i];
    }
}

int64_t ui_class_now(const ui_app *app) { return (int64_t)ui_app_now(app); }

static void ui_class_line_free(ui_class *c)
{
    free(c->speech);
    free(c->word_ends);
    c->speech = NULL;
    c->word_ends = NULL;
    c->word_count = 0;
    c->reveal_ms = 0;
}

void ui_class_free(ui_class *c)
{
    if (!c) {
        return;
    }
    ui_class_phones_stop(c);
    ui_class_results_end(c);
    ui_class_line_free(c);
    class_free(c->cs);
    scenario_free(c->sc);
    free(c->path);
    free(c);
}

/* The node whose words are shown: the reviewed turn's, the live turn's,
 * or the ending's. */
static const scenario_node *ui_class_node(const ui_class *c)
{
    if (!c->cs) {
        return NULL;
    }
    int review = class_review_turn(c->cs);
    if (review >= 0) {
        const class_turn *t = class_turn_at(c->cs, (size_t)review);
        return t ? &c->sc->nodes[t->node_index] : NULL;
    }
    const session *s = class_session_of(c->cs);
    return session_is_finished(s) ? session_ending(s) : session_node(s);
}

/* Keeps the line in step with the node shown: a new node's words are
 * revealed from the start when its turn begins (LINE), else shown
 * whole. */
static void ui_class_sync(ui_app *app)
{
    ui_class *c = app->cls;
    const scenario_node *n = ui_class_node(c);
    int idx = n ? (int)(n - c->sc->nodes) : -1;
    if (idx == c->line_node && c->speech) {
        return;
    }
    ui_class_line_free(c);
    c->line_node = idx;
    c->speech = ui_reveal_node_text(n);
    ui_reveal_split(c->speech, &c->word_ends, &c->word_count, &c->reveal_ms);
    c->line_started = ui_app_now(app);
    c->line_done = class_phase_of(c->cs) != CLASS_PHASE_LINE ||
                   class_review_turn(c->cs) >= 0 ||
                   c->line_turn == class_turn_index(c->cs) + 1;
    app->scroll[UI_SCROLL_SPEECH].offset = 0;
    app->scroll[UI_SCROLL_OPTIONS].offset = 0;
}

bool ui_class_revealing(const ui_app *app)
{
    const ui_class *c = app->cls;
    if (!c || !c->cs || c->line_done ||
        class_phase_of(c->cs) != CLASS_PHASE_LINE ||
        class_review_turn(c->cs) >= 0) {
        return false;
    }
    return ui_app_now(app) - c->line_started < c->reveal_ms;
}

size_t ui_class_words(const ui_app *app)
{
    const ui_class *c = app->cls;
    if (!ui_class_revealing(app)) {
        return c ? c->word_count : 0;
    }
    return ui_reveal_words_at(c->word_count, c->reveal_ms,
                              ui_app_now(app) - c->line_started);
}

bool ui_class_open(ui_app *app, const char *path)
{
    scenario *sc = ui_reload_open(app, path);
    if (!sc) {
        return false;
    }
    ui_class *c = calloc(1, sizeof *c);
    if (!c || !(c->path = strdup(path))) {
        free(c);
        scenario_free(sc);
        return false;
    }
    ui_class_free(app->cls);
    app->cls = c;
    c->sc = sc;
    c->line_node = -1;
    c->editing_team = -1;
    c->legend = true;
    c->discussion_ms = app->opt.discussion_ms;
    c->scoreboard = app->opt.scoreboard;
    c->phones_on = app->opt.phones;
    c->team_count = 2;
    const char *defaults[CLASS_MAX_TEAMS];
    ui_class_default_teams(defaults);
    for (size_t i = 0; i < CLASS_MAX_TEAMS; i++) {
        snprintf(c->teams[i], sizeof c->teams[i], "%s", defaults[i]);
    }
    if (app->opt.team_count >= CLASS_MIN_TEAMS) {
        c->mode = CLASS_TEAMS;
        c->team_count = app->opt.team_count > CLASS_MAX_TEAMS
                            ? CLASS_MAX_TEAMS
                            : app->opt.team_count;
        for (size_t i = 0; i < c->team_count; i++) {
            snprintf(c->teams[i], sizeof c->teams[i], "%s", app->opt.teams[i]);
        }
    }
    char title[300];
    snprintf(title, sizeof title, _("Rapport classroom \xC2\xB7 %s"),
             sc->title);
    SDL_SetWindowTitle(app->window, title);
    app->screen = UI_SCREEN_CLASS;
    app->focus = -1;
    for (int i = 0; i < UI_SCROLL_COUNT; i++) {
        app->scroll[i].offset = 0;
    }
    app->dirty = true;
    return true;
}

/* The start screen's Start: the class session begins. */
static void ui_class_start(ui_app *app)
{
    ui_class *c = app->cls;
    if (c->cs) {
        return;
    }
    const char *names[CLASS_MAX_TEAMS];
    for (size_t i = 0; i < CLASS_MAX_TEAMS; i++) {
        names[i] = c->teams[i];
    }
    class_options o = {c->mode,
                       names,
                       c->mode == CLASS_TEAMS ? c->team_count : 0,
                       c->scoreboard,
                       c->discussion_ms,
                       0};
    diag_list *diags = diag_list_new();
    c->cs = diags ? class_new(c->sc, &o, diags) : NULL;
    if (!c->cs) {
        char *text = diags ? ui_app_diag_text(diags) : NULL;
        ui_app_show_diag(app, _("The class cannot start"),
                         text ? text : _("Out of memory."));
        free(text);
    }
    diag_list_free(diags);
    c->team = 0;
    if (c->cs) {
        ui_class_results_start(app);
        ui_class_phones_start(app);
        ui_class_sync(app);
    }
}

/* Options tied at the top of the votes that decide for team (CLASS_ROOM:
 * the call): a bit per position. */
static unsigned ui_class_tied(const ui_class *c, int team)
{
    size_t n = class_option_count(c->cs);
    int votes[SCENARIO_MAX_CHOICES] = {0};
    if (team == CLASS_ROOM) {
        for (size_t i = 0; i < n; i++) {
            votes[i] = class_bar(c->cs, i);
        }
    } else {
        bool agreed = class_votes(c->cs, CLASS_SRC_AGREED, team) > 0;
        for (size_t i = 0; i < n; i++) {
            votes[i] = agreed
                           ? class_tally(c->cs, CLASS_SRC_AGREED, team, i)
                           : class_tally(c->cs, CLASS_SRC_HANDS, team, i) +
                                 class_tally(c->cs, CLASS_SRC_PHONES, team, i);
        }
    }
    int top = 0;
    for (size_t i = 0; i < n; i++) {
        top = votes[i] > top ? votes[i] : top;
    }
    unsigned mask = 0;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] == top) {
            mask |= 1u << i;
        }
    }
    return mask;
}

/* The first position of mask after from (cycling); from -1: the first. */
static int ui_class_next_in(unsigned mask, int from, size_t n)
{
    for (size_t k = 1; k <= n; k++) {
        size_t i = (size_t)(from + (int)k + (int)n) % n;
        if (mask & (1u << i)) {
            return (int)i;
        }
    }
    return 0;
}

static void ui_class_begin_step(ui_class *c, ui_class_step step, int team)
{
    size_t n = class_option_count(c->cs);
    unsigned mask =
        step == UI_CLASS_STEP_PICK ? ui_class_tied(c, team) : (1u << n) - 1u;
    c->step = step;
    c->step_team = team;
    c->cursor = ui_class_next_in(mask, -1, n);
}

/* The options the cursor may stop at. */
static unsigned ui_class_step_mask(const ui_class *c)
{
    size_t n = class_option_count(c->cs);
    return c->step == UI_CLASS_STEP_PICK ? ui_class_tied(c, c->step_team)
                                         : (1u << n) - 1u;
}

/* A team without votes yet (teams mode), or -1. */
static int ui_class_team_without_votes(const ui_class *c)
{
    for (size_t t = 0; t < class_team_count(c->cs); t++) {
        if (class_votes(c->cs, CLASS_SRC_COUNT, (int)t) == 0) {
            return (int)t;
        }
    }
    return -1;
}

/* A tie still to be broken once the vote is closed: a team's own, then
 * the call's. Starts the pick step; false when there is none. */
static bool ui_class_need_pick(ui_class *c)
{
    bool tied = false;
    for (size_t t = 0; t < class_team_count(c->cs); t++) {
        if (class_choice(c->cs, (int)t, &tied) < 0 && tied) {
            ui_class_begin_step(c, UI_CLASS_STEP_PICK, (int)t);
            return true;
        }
    }
    if (class_call(c->cs, &tied) < 0 && tied) {
        ui_class_begin_step(c, UI_CLASS_STEP_PICK, CLASS_ROOM);
        return true;
    }
    return false;
}

static void ui_class_status(ui_class *c, class_status st)
{
    if (st != CLASS_OK) {
        snprintf(c->note, sizeof c->note, "%s", _(class_status_message(st)));
    }
}

/* Next at a cursor step: the option under the cursor is taken. */
static void ui_class_take(ui_app *app, int pos)
{
    ui_class *c = app->cls;
    class_status st;
    if (c->step == UI_CLASS_STEP_AGREE) {
        st = class_add(c->cs, CLASS_SRC_AGREED, c->step_team, (size_t)pos, 1);
        c->step = UI_CLASS_STEP_NONE;
        if (st == CLASS_OK) {
            int t = ui_class_team_without_votes(c);
            if (t >= 0) {
                ui_class_begin_step(c, UI_CLASS_STEP_AGREE, t);
            } else {
                st = class_close_vote(c->cs);
                c->chart = false;
            }
        }
    } else {
        st = class_pick(c->cs, c->step_team, (size_t)pos);
        c->step = UI_CLASS_STEP_NONE;
        if (st == CLASS_OK) {
            ui_class_need_pick(c);
        }
    }
    ui_class_status(c, st);
}

static void ui_class_next(ui_app *app)
{
    ui_class *c = app->cls;
    if (!c->cs) {
        ui_class_start(app);
        return;
    }
    int64_t now = ui_class_now(app);
    if (c->step != UI_CLASS_STEP_NONE) {
        ui_class_take(app, c->cursor);
        return;
    }
    c->whatif = false;
    if (class_review_turn(c->cs) >= 0) {
        ui_class_status(c, class_next(c->cs, now));
        return;
    }
    class_status st = CLASS_OK;
    switch (class_phase_of(c->cs)) {
    case CLASS_PHASE_LINE:
        if (ui_class_revealing(app)) {
            c->line_done = true;
            return;
        }
        st = class_next(c->cs, now);
        break;
    case CLASS_PHASE_DISCUSS:
        st = class_next(c->cs, now);
        break;
    case CLASS_PHASE_VOTE: {
        int t = ui_class_team_without_votes(c);
        if (class_mode_of(c->cs) == CLASS_WHOLE &&
            class_votes(c->cs, CLASS_SRC_COUNT, CLASS_ROOM) == 0) {
            ui_class_begin_step(c, UI_CLASS_STEP_AGREE, CLASS_ROOM);
            return;
        }
        if (t >= 0) {
            ui_class_begin_step(c, UI_CLASS_STEP_AGREE, t);
            return;
        }
        st = class_next(c->cs, now);
        c->chart = false;
        break;
    }
    case CLASS_PHASE_RESULTS:
        if (!c->chart) {
            c->chart = true;
            return;
        }
        if (ui_class_need_pick(c)) {
            return;
        }
        st = class_next(c->cs, now);
        c->board = false;
        break;
    case CLASS_PHASE_PLAYED:
        if (c->scoreboard && !c->board) {
            c->board = true;
            return;
        }
        c->board = false;
        st = class_next(c->cs, now);
        break;
    case CLASS_PHASE_ENDING:
        st = class_next(c->cs, now);
        app->scroll[UI_SCROLL_REVIEW].offset = 0;
        break;
    case CLASS_PHASE_DEBRIEF:
        app->scroll[UI_SCROLL_REVIEW].offset +=
            app->scroll[UI_SCROLL_REVIEW].view.h * 9 / 10;
        return;
    }
    ui_class_status(c, st);
}

static void ui_class_back(ui_app *app)
{
    ui_class *c = app->cls;
    if (!c->cs) {
        return;
    }
    if (c->step != UI_CLASS_STEP_NONE) {
        c->cursor = ui_class_next_in(ui_class_step_mask(c), c->cursor,
                                     class_option_count(c->cs));
        return;
    }
    if (c->whatif) {
        c->whatif = false;
        return;
    }
    if (c->board) {
        c->board = false;
        return;
    }
    if (class_phase_of(c->cs) == CLASS_PHASE_DEBRIEF &&
        app->scroll[UI_SCROLL_REVIEW].offset > 0) {
        app->scroll[UI_SCROLL_REVIEW].offset -=
            app->scroll[UI_SCROLL_REVIEW].view.h * 9 / 10;
        return;
    }
    class_status st = class_back(c->cs, ui_class_now(app));
    if (st == CLASS_OK && class_phase_of(c->cs) == CLASS_PHASE_RESULTS) {
        c->chart = true;
    }
    if (st != CLASS_ERR_PHASE) {
        ui_class_status(c, st);
    }
}

static void ui_class_hand(ui_app *app, int pos, int count)
{
    ui_class *c = app->cls;
    if (!c->cs || c->step != UI_CLASS_STEP_NONE ||
        class_review_turn(c->cs) >= 0) {
        return;
    }
    class_phase ph = class_phase_of(c->cs);
    if (ph != CLASS_PHASE_DISCUSS && ph != CLASS_PHASE_VOTE) {
        return;
    }
    if (pos < 0 || (size_t)pos >= class_option_count(c->cs)) {
        return;
    }
    int team = class_mode_of(c->cs) == CLASS_TEAMS ? c->team : CLASS_ROOM;
    if (count < 0 &&
        class_tally(c->cs, CLASS_SRC_HANDS, team, (size_t)pos) <= 0) {
        return; /* no hand to take back */
    }
    if (ph == CLASS_PHASE_DISCUSS) {
        class_timer_pause(c->cs, ui_class_now(app));
    }
    ui_class_status(
        c, class_add(c->cs, CLASS_SRC_HANDS, team, (size_t)pos, count));
}

void ui_class_do(ui_app *app, int arg)
{
    ui_class *c = app->cls;
    if (!c) {
        return;
    }
    ui_class_cmd cmd = (ui_class_cmd)(arg & 0xFF);
    int param = arg >> 8;
    int64_t now = ui_class_now(app);
    c->note[0] = '\0';
    app->dirty = true;
    switch (cmd) {
    case UI_CLASS_NEXT:
        ui_class_next(app);
        break;
    case UI_CLASS_BACK:
        ui_class_back(app);
        break;
    case UI_CLASS_HAND:
        ui_class_hand(app, param, 1);
        break;
    case UI_CLASS_UNHAND:
        ui_class_hand(app, param, -1);
        break;
    case UI_CLASS_UNDO:
        if (c->cs && class_phase_of(c->cs) == CLASS_PHASE_VOTE) {
            ui_class_status(c, class_undo(c->cs));
        }
        break;
    case UI_CLASS_TIMER:
        if (c->cs &&
            (class_phase_of(c->cs) == CLASS_PHASE_DISCUSS ||
             (c->phones && class_phase_of(c->cs) == CLASS_PHASE_VOTE &&
              class_timer_left_ms(c->cs, now) > 0))) {
            if (class_timer_running(c->cs)) {
                class_timer_pause(c->cs, now);
            } else {
                class_timer_start(c->cs, now);
            }
        }
        break;
    case UI_CLASS_EXTEND:
        if (c->cs &&
            (class_phase_of(c->cs) == CLASS_PHASE_DISCUSS ||
             (c->phones && class_phase_of(c->cs) == CLASS_PHASE_VOTE &&
              class_timer_left_ms(c->cs, now) > 0))) {
            class_timer_extend(c->cs, UI_CLASS_EXTEND_MS);
        }
        break;
    case UI_CLASS_SKIP:
        if (c->cs && class_phase_of(c->cs) == CLASS_PHASE_DISCUSS) {
            ui_class_status(c, class_timer_skip(c->cs, now));
        }
        break;
    case UI_CLASS_REVEAL:
        if (c->cs && class_phase_of(c->cs) == CLASS_PHASE_LINE) {
            c->line_done = true;
        } else if (c->cs && class_phase_of(c->cs) == CLASS_PHASE_RESULTS) {
            c->chart = true;
        }
        break;
    case UI_CLASS_WHATIF:
        if (c->cs && (class_phase_of(c->cs) == CLASS_PHASE_PLAYED ||
                      class_review_turn(c->cs) >= 0)) {
            c->whatif = !c->whatif;
            c->board = false;
            app->scroll[UI_SCROLL_FEEDBACK].offset = 0;
        }
        break;
    case UI_CLASS_LEGEND:
        c->legend = !c->legend;
        break;
    case UI_CLASS_TEAM:
        if (c->cs && param >= 0 && (size_t)param < class_team_count(c->cs)) {
            c->team = param;
        }
        break;
    case UI_CLASS_CHOOSE:
        if (c->cs && c->step != UI_CLASS_STEP_NONE && param >= 0 &&
            (ui_class_step_mask(c) & (1u << param))) {
            c->cursor = param;
            ui_class_take(app, param);
        }
        break;
    case UI_CLASS_SET_MODE:
        if (!c->cs) {
            c->mode = param == CLASS_TEAMS ? CLASS_TEAMS : CLASS_WHOLE;
        }
        break;
    case UI_CLASS_SET_TEAMS:
        if (!c->cs && param >= CLASS_MIN_TEAMS && param <= CLASS_MAX_TEAMS) {
            c->team_count = (size_t)param;
            c->mode = CLASS_TEAMS;
        }
        break;
    case UI_CLASS_SET_BOARD:
        c->scoreboard = param != 0;
        if (!c->scoreboard) {
            c->board = false;
        }
        break;
    case UI_CLASS_START:
        ui_class_start(app);
        break;
    case UI_CLASS_EDIT_TEAM:
        break;
    case UI_CLASS_SET_PHONES:
        if (!c->cs) {
            c->phones_on = param != 0;
        }
        break;
    }
    if (c->cs) {
        ui_class_sync(app);
        ui_class_results_after(app);
    }
}

/* The option a key names: 1-9 (keypad too), or its letter (A, C-G, I:
 * B blanks the screen and H hides the legend, so options B and H take 2
 * and 8). -1 for none. */
static int ui_class_key_option(SDL_Keycode k)
{
    if (k >= SDLK_1 && k <= SDLK_9) {
        return (int)(k - SDLK_1);
    }
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9) {
        return (int)(k - SDLK_KP_1);
    }
    if (k >= SDLK_a && k <= SDLK_i && k != SDLK_b && k != SDLK_h) {
        return (int)(k - SDLK_a);
    }
    return -1;
}

bool ui_class_key(ui_app *app, const SDL_Keysym *key)
{
    ui_class *c = app->cls;
    SDL_Keycode k = key->sym;
    bool shift = (key->mod & KMOD_SHIFT) != 0;
    int arg = -1;
    switch (k) {
    case SDLK_PAGEDOWN:
    case SDLK_RIGHT:
    case SDLK_SPACE:
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        arg = UI_CLASS_ARG(UI_CLASS_NEXT, 0);
        break;
    case SDLK_PAGEUP:
    case SDLK_LEFT:
        arg = UI_CLASS_ARG(UI_CLASS_BACK, 0);
        break;
    case SDLK_BACKSPACE:
        arg = UI_CLASS_ARG(UI_CLASS_UNDO, 0);
        break;
    case SDLK_p:
        arg = UI_CLASS_ARG(UI_CLASS_TIMER, 0);
        break;
    case SDLK_x:
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS:
        arg = UI_CLASS_ARG(UI_CLASS_EXTEND, 0);
        break;
    case SDLK_s:
        arg = UI_CLASS_ARG(UI_CLASS_SKIP, 0);
        break;
    case SDLK_r:
        arg = UI_CLASS_ARG(UI_CLASS_REVEAL, 0);
        break;
    case SDLK_w:
        arg = UI_CLASS_ARG(UI_CLASS_WHATIF, 0);
        break;
    case SDLK_h:
        arg = UI_CLASS_ARG(UI_CLASS_LEGEND, 0);
        break;
    case SDLK_TAB:
        if (c->cs && class_team_count(c->cs) > 0) {
            size_t n = class_team_count(c->cs);
            int d = shift ? -1 : 1;
            arg = UI_CLASS_ARG(UI_CLASS_TEAM, (c->team + d + (int)n) % (int)n);
        }
        break;
    case SDLK_DOWN:
    case SDLK_UP: {
        /* Scroll what overflows: the debrief, the played turn's
         * feedback, else the options. */
        ui_scroll_id id = UI_SCROLL_OPTIONS;
        if (c->cs && class_phase_of(c->cs) == CLASS_PHASE_DEBRIEF) {
            id = UI_SCROLL_REVIEW;
        } else if (app->scroll[UI_SCROLL_FEEDBACK].active) {
            id = UI_SCROLL_FEEDBACK;
        }
        int line = ui_text_line_height(app->text, app->lay.px_body, false);
        app->scroll[id].offset += k == SDLK_UP ? -2 * line : 2 * line;
        app->dirty = true;
        return true;
    }
    default: {
        int pos = ui_class_key_option(k);
        if (pos >= 0) {
            arg = UI_CLASS_ARG(shift ? UI_CLASS_UNHAND : UI_CLASS_HAND, pos);
        }
        break;
    }
    }
    if (arg < 0) {
        return false;
    }
    ui_class_do(app, arg);
    return true;
}

void ui_class_hidden(ui_app *app, bool hidden)
{
    ui_class *c = app->cls;
    if (!c || !c->cs || hidden == c->hidden) {
        return;
    }
    c->hidden = hidden;
    int64_t now = ui_class_now(app);
    if (hidden) {
        c->timer_held = class_timer_running(c->cs);
        if (c->timer_held) {
            class_timer_pause(c->cs, now);
        }
    } else if (c->timer_held) {
        c->timer_held = false;
        class_timer_start(c->cs, now);
    }
}

void ui_class_reload(ui_app *app)
{
    ui_class *c = app->cls;
    diag_list *diags = diag_list_new();
    scenario *sc = diags ? scenario_load_file(c->path, diags) : NULL;
    if (!sc) {
        char *text = diags ? ui_app_diag_text(diags) : NULL;
        char title[512];
        size_t errors = diags ? diag_error_count(diags) : 0;
        snprintf(title, sizeof title,
                 P_("Reload failed: %zu error. %s",
                    "Reload failed: %zu errors. %s", errors),
                 errors,
                 _("The class goes on with the version loaded before."));
        ui_app_show_diag(app, title, text ? text : _("Out of memory."));
        free(text);
        diag_list_free(diags);
        return;
    }
    diag_list_free(diags);
    class_session *cs = NULL;
    bool same = true;
    if (c->cs) {
        /* The same class on the new text: its events replayed. */
        cs = class_new(sc, class_options_of(c->cs), NULL);
        for (size_t i = 0; cs && i < class_event_count(c->cs) && same; i++) {
            same = class_apply(cs, class_event_at(c->cs, i)) == CLASS_OK;
        }
        if (!cs || !same) {
            class_free(cs);
            cs = class_new(sc, class_options_of(c->cs), NULL);
        }
        if (!cs) {
            scenario_free(sc);
            return;
        }
    }
    class_free(c->cs);
    scenario_free(c->sc);
    ui_portrait_cache_clear(&app->portrait);
    c->sc = sc;
    c->cs = cs;
    c->step = UI_CLASS_STEP_NONE;
    c->line_node = -1;
    ui_class_line_free(c);
    if (c->cs) {
        ui_class_sync(app);
    }
    snprintf(c->note, sizeof c->note, "%s",
             !c->cs ? _("Reloaded from disk: the start screen of the "
                        "scenario as it now reads.")
             : same ? _("Reloaded from disk: the class goes on where it "
                        "was.")
                    : _("Reloaded from disk: the class starts again, as the "
                        "edits changed where its votes lead."));
    app->dirty = true;
}

int ui_class_next_change_ms(const ui_app *app)
{
    const ui_class *c = app->cls;
    if (!c || !c->cs || app->blanked || app->overlay != UI_OVERLAY_NONE) {
        return -1;
    }
    if (ui_class_revealing(app)) {
        return ui_reveal_wait_ms(c->word_count, c->reveal_ms,
                                 ui_app_now(app) - c->line_started);
    }
    if (class_phase_of(c->cs) == CLASS_PHASE_DISCUSS &&
        class_timer_running(c->cs)) {
        int left = class_timer_left_ms(c->cs, ui_class_now(app));
        if (left <= 0) {
            /* with phones the timer's end closes the vote */
            return c->phones ? 1 : -1;
        }
        int next = left % 1000;
        return next < 1 ? 1000 : next;
    }
    return ui_class_phones_next_change_ms(app);
}

bool ui_class_changed(const ui_app *app)
{
    const ui_class *c = app->cls;
    if (!c || !c->cs) {
        return false;
    }
    if (ui_class_words(app) != c->drawn_words) {
        return true;
    }
    if (class_phase_of(c->cs) == CLASS_PHASE_DISCUSS ||
        (c->phones && class_phase_of(c->cs) == CLASS_PHASE_VOTE)) {
        int left = class_timer_left_ms(c->cs, ui_class_now(app));
        return (left + 999) / 1000 != c->drawn_second;
    }
    return false;
}

void ui_class_layout(ui_app *app)
{
    const ui_theme *th =
        app->set.high_contrast ? ui_theme_get(true) : ui_theme_projector();
    app->theme = th;
    ui_layout_compute(&app->lay, app->lay.w, app->lay.h, app->set.text_scale,
                      th->border_scale);
    ui_layout_projector(&app->lay);
}

void ui_class_state_name(const ui_app *app, char *out, size_t len)
{
    const ui_class *c = app->cls;
    if (!c->cs) {
        snprintf(out, len, "class-start");
        return;
    }
    if (ui_class_revealing(app)) {
        out[0] = '\0';
        return;
    }
    size_t turn = class_turn_index(c->cs) + 1;
    int review = class_review_turn(c->cs);
    if (review >= 0) {
        snprintf(out, len, "class-review-%d", review + 1);
        return;
    }
    static const char *const steps[] = {"", "-agree", "-pick"};
    switch (class_phase_of(c->cs)) {
    case CLASS_PHASE_LINE:
        snprintf(out, len, "class-line-%zu", turn);
        break;
    case CLASS_PHASE_DISCUSS:
        snprintf(out, len, "class-options-%zu", turn);
        break;
    case CLASS_PHASE_VOTE:
        snprintf(out, len, "class-vote-%zu%s", turn, steps[c->step]);
        break;
    case CLASS_PHASE_RESULTS:
        snprintf(out, len, "class-%s-%zu%s", c->chart ? "chart" : "recorded",
                 turn, steps[c->step]);
        break;
    case CLASS_PHASE_PLAYED:
        snprintf(out, len, "class-%s-%zu",
                 c->whatif  ? "whatif"
                 : c->board ? "scoreboard"
                            : "played",
                 class_turn_count(c->cs));
        break;
    case CLASS_PHASE_ENDING:
        snprintf(out, len, "class-ending");
        break;
    case CLASS_PHASE_DEBRIEF:
        snprintf(out, len, "class-debrief");
        break;
    }
}

void ui_class_draw(ui_app *app)
{
    ui_class *c = app->cls;
    if (!c) {
        return;
    }
    if (!c->cs) {
        ui_screen_class_start_draw(app);
        return;
    }
    ui_class_sync(app);
    if (class_phase_of(c->cs) == CLASS_PHASE_LINE &&
        class_review_turn(c->cs) < 0 && !ui_class_revealing(app)) {
        c->line_turn = class_turn_index(c->cs) + 1; /* seen whole */
    }
    c->drawn_words = ui_class_words(app);
    c->drawn_second =
        (class_timer_left_ms(c->cs, ui_class_now(app)) + 999) / 1000;
    if (class_review_turn(c->cs) >= 0) {
        if (c->whatif) {
            ui_screen_class_whatif_draw(app);
        } else {
            ui_screen_class_played_draw(app);
        }
        return;
    }
    switch (class_phase_of(c->cs)) {
    case CLASS_PHASE_LINE:
    case CLASS_PHASE_DISCUSS:
        ui_screen_class_turn_draw(app);
        break;
    case CLASS_PHASE_VOTE:
        ui_screen_class_vote_draw(app);
        break;
    case CLASS_PHASE_RESULTS:
        ui_screen_class_results_draw(app);
        break;
    case CLASS_PHASE_PLAYED:
        if (c->whatif) {
            ui_screen_class_whatif_draw(app);
        } else if (c->board) {
            ui_screen_class_board_draw(app);
        } else {
            ui_screen_class_played_draw(app);
        }
        break;
    case CLASS_PHASE_ENDING:
        ui_screen_class_ending_draw(app);
        break;
    case CLASS_PHASE_DEBRIEF:
        ui_screen_class_debrief_draw(app);
        break;
    }
}
