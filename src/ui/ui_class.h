/* ui_class.h — classroom mode on a projector: the facilitator's screens
 * over the core's class session (class.h), which holds every rule (votes,
 * tallies, teams, ties, the timer, stepping). This side only decides what
 * to show and turns keys, clicks and taps into the core's calls.
 *
 * The screens (ui_screen_class_*.c) follow the class session's phase:
 * start (mode, teams, scoreboard), turn (the customer's line, then the
 * options with big letters and the discussion timer), vote (hands per
 * option, per team in teams mode), results (the bar chart, revealed),
 * played (feedback and mood; "what if"; the optional scoreboard),
 * ending and the class debrief. A projector theme and layout apply to
 * all of them: no text under 1/28 of the window height, contrast of
 * every text on its background of at least 7:1, thick strokes.
 *
 * Next and Back alone (PageDown, PageUp) run everything; the Next-only
 * places that need a choice (the room's agreed option when no hands were
 * counted, a team's, the pick on a tie) show a cursor: Back moves it,
 * Next takes it.
 *
 * Ownership: the app owns its ui_class (app->cls), made by
 * ui_class_open and freed by ui_class_free (NULL accepted); the class
 * owns its scenario and class session. Not for use outside src/ui.
 */
#ifndef RAPPORT_UI_CLASS_H
#define RAPPORT_UI_CLASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "class.h"
#include "ui_internal.h"

/* What a click (UI_ACT_CLASS, arg = command | param << 8) asks. */
typedef enum {
    UI_CLASS_NEXT,
    UI_CLASS_BACK,
    UI_CLASS_HAND,   /* param: option position; one hand more */
    UI_CLASS_UNHAND, /* param: option position; one hand fewer */
    UI_CLASS_UNDO,
    UI_CLASS_TIMER, /* start or pause the discussion timer */
    UI_CLASS_EXTEND,
    UI_CLASS_SKIP,
    UI_CLASS_REVEAL,
    UI_CLASS_WHATIF,
    UI_CLASS_LEGEND,
    UI_CLASS_TEAM,      /* param: the team whose hands are entered */
    UI_CLASS_CHOOSE,    /* param: option taken at a cursor step */
    UI_CLASS_SET_MODE,  /* param: class_mode */
    UI_CLASS_SET_TEAMS, /* param: team count */
    UI_CLASS_SET_BOARD, /* scoreboard on or off */
    UI_CLASS_START,
    UI_CLASS_EDIT_TEAM, /* param: team whose name is typed */
    UI_CLASS_SET_PHONES /* phones on (param 1) or off, before the start */
} ui_class_cmd;

#define UI_CLASS_ARG(cmd, param) ((int)(cmd) | ((int)(param) << 8))

/* A step the core does not have: a cursor over the options, moved by
 * Back and taken by Next. */
typedef enum {
    UI_CLASS_STEP_NONE,
    UI_CLASS_STEP_AGREE, /* the room's (or team's) agreed option */
    UI_CLASS_STEP_PICK   /* the facilitator's pick on a tie */
} ui_class_step;

/* Team names typed on the start screen. */
#define UI_CLASS_NAME_MAX CLASS_MAX_TEAM_NAME_BYTES

struct ui_class {
    char *path;
    scenario *sc;
    class_session *cs; /* NULL on the start screen */
    /* The start screen's choices. */
    class_mode mode;
    char teams[CLASS_MAX_TEAMS][UI_CLASS_NAME_MAX + 1];
    size_t team_count; /* in teams mode, 2..8 */
    bool scoreboard;
    int discussion_ms;
    int editing_team; /* team whose name is typed, -1 none */
    /* The customer's line of the turn shown, revealed word by word. */
    char *speech;
    size_t *word_ends;
    size_t word_count;
    uint64_t reveal_ms;
    uint64_t line_started; /* app clock when the reveal began */
    bool line_done;        /* revealed whole (R, Next, a click) */
    size_t line_turn;      /* 1 + the last turn whose line was seen whole */
    int line_node;         /* its node, -1 none */
    /* Presentation. */
    bool legend; /* the key legend shown (H) */
    bool whatif; /* "what if" over the played turn (W) */
    bool board;  /* the scoreboard between turns */
    bool chart;  /* the results' bars revealed (R, Next) */
    ui_class_step step;
    int cursor;      /* option under the cursor at a step */
    int step_team;   /* team the step is for; CLASS_ROOM the call */
    int team;        /* team whose hands are entered (teams mode) */
    bool hidden;     /* blanked or under a menu */
    bool timer_held; /* the timer ran when the screen was hidden */
    int drawn_second;
    size_t drawn_words;
    char note[256];
    /* Phones (issue 12, ui_class_room.c): the start screen's switch; the
     * server while a class session with phones is open, and its journal
     * (the class journal's path + ".phones"). */
    bool phones_on;
    struct ui_phones *phones;
    char *phones_journal;
    /* the vote screen's option cards whole in view at its last draw */
    size_t vote_in_view;
    /* Scripted run: the next facilitator action. */
    size_t script_pos;
    /* The result (ui_class_results.c): the journal while the class goes
     * on, when it started on the wall clock, whether it was saved and
     * where. */
    struct class_journal *journal;
    int64_t started_wall;
    bool saved;
    char saved_line[UI_FOLDER_MAX + 256];
};

/* ui_class.c */
/* Opens the start screen for the scenario at path (errors are shown as
 * the diagnostics overlay; false then). */
bool ui_class_open(ui_app *app, const char *path);
void ui_class_free(ui_class *c);
void ui_class_do(ui_app *app, int arg);
bool ui_class_key(ui_app *app, const SDL_Keysym *key);
void ui_class_draw(ui_app *app);
/* The screen is hidden (blank, menu) or shown again: the discussion
 * timer stops and starts with it. */
void ui_class_hidden(ui_app *app, bool hidden);
/* F5: the scenario read again; the session replayed from its events. */
void ui_class_reload(ui_app *app);
/* Milliseconds until the screen changes by itself (a word, a second of
 * the timer), -1 never; and whether it looks different than drawn. */
int ui_class_next_change_ms(const ui_app *app);
bool ui_class_changed(const ui_app *app);
/* The projector's layout and theme for this frame. */
void ui_class_layout(ui_app *app);
/* The clock in ms the core is given (the app's clock). */
int64_t ui_class_now(const ui_app *app);
/* Words of the line shown now, and whether it is still being revealed. */
size_t ui_class_words(const ui_app *app);
bool ui_class_revealing(const ui_app *app);
/* The name of the state shown, for a scripted run's screenshots. */
void ui_class_state_name(const ui_app *app, char *out, size_t len);

/* ui_class_results.c */
/* The class starts: its journal opens (with a results folder). */
void ui_class_results_start(ui_app *app);
/* After every action: new events journaled; at the debrief, the class
 * result saved and the journal removed. Failures become the note. */
void ui_class_results_after(ui_app *app);
/* The class is left: an unsaved class keeps its journal. */
void ui_class_results_end(ui_class *c);

/* ui_class_room.c: the room's phones (issue 12). */
/* The class session started: the phone server starts when the switch is
 * on (a failure becomes the note; hands still count). */
void ui_class_phones_start(ui_app *app);
/* The server stops (the class is left); its journal is removed once the
 * class result is saved. NULL accepted. */
void ui_class_phones_stop(ui_class *c);
/* Every pass of the loop: the phones' joins and votes taken in, the vote
 * closed when the discussion timer ran out. True when the screen
 * changed. */
bool ui_class_tick(ui_app *app);
/* Milliseconds until the timer shown beside the phones' vote changes, -1
 * none. */
int ui_class_phones_next_change_ms(const ui_app *app);
/* The discussion timer on the vote screen, where it goes on while phones
 * vote ("time left 1:23"; P pauses, X adds time): false when not shown. */
bool ui_class_phones_timer(ui_app *app, char *buf, size_t len);
/* Whether the phones' panel is shown (a class session with phones). */
bool ui_class_phones_shown(const ui_app *app);
/* The phones' panel on the right of *area (cut off it): the QR code, the
 * URL, the join code, the phones joined and the votes in. Draws nothing
 * and leaves *area alone without phones. */
void ui_class_phone_panel(ui_app *app, SDL_Rect *area);
/* The vote screen's phones panel: once phones have joined, a strip cut
 * off the top of area (a small QR code, the URL, the code and the votes
 * in); before, the panel above. */
void ui_class_phone_strip(ui_app *app, SDL_Rect *area);

/* ui_class_widget.c: pieces the class screens share. */
/* The header (title, menu button) and along the bottom Back, the key
 * legend (when on; H) and Next with its label (none: no Next button);
 * the note above them. Returns the space between. */
SDL_Rect ui_class_frame(ui_app *app, const char *title, const char *next_label,
                        const char *const *keys, size_t key_count);
/* text isolated (FSI ... PDI) when the interface or the scenario is
 * written right to left, so that a piece in its own direction (the
 * scenario's title, a team's name, "A 3") neither reorders the words
 * around it nor is reordered by them ("Turn 2 · <title>"). Returns buf. */
const char *ui_class_isolate(const ui_app *app, const char *text, char *buf,
                             size_t len);
/* The scenario's title, isolated. Returns buf. */
const char *ui_class_sc_title(const ui_app *app, char *buf, size_t len);
/* A big button; its label centred. */
void ui_class_button(ui_app *app, SDL_Rect r, const char *label, int arg,
                     bool primary);
/* Buttons right-aligned at the bottom of *area (cut off it), in as many
 * rows as they need; at most UI_CLASS_BUTTONS_MAX. */
#define UI_CLASS_BUTTONS_MAX 16
void ui_class_buttons(ui_app *app, SDL_Rect *area, const char *const *labels,
                      const int *args, size_t n);
/* The discussion timer: "1:45" big, a meter, and its state. */
void ui_class_timer(ui_app *app, SDL_Rect r);
/* The options of a node at positions 0..n-1, as ui_options cards. */
size_t ui_class_option_texts(const ui_app *app, const class_turn *t,
                             const char **texts);

/* "Overall 72 · empathy 80 · honesty 70 · promptness 65"
 * (ui_screen_class_board.c). */
void ui_class_score_line(const score_summary *s, char *buf, size_t len);

/* ui_script_class.c: a scripted class run's next facilitator action
 * (app->opt.class_script), pushed as input; fails the run when the
 * script is bad or ends before the debrief. */
void ui_script_class(ui_app *app);

/* The screens. */
void ui_screen_class_start_draw(ui_app *app);
void ui_screen_class_turn_draw(ui_app *app);
void ui_screen_class_vote_draw(ui_app *app);
void ui_screen_class_results_draw(ui_app *app);
void ui_screen_class_played_draw(ui_app *app);
void ui_screen_class_whatif_draw(ui_app *app);
void ui_screen_class_board_draw(ui_app *app);
void ui_screen_class_ending_draw(ui_app *app);
void ui_screen_class_debrief_draw(ui_app *app);

#endif
