/* ui_internal.h — what the UI modules share: the app struct (all mutable
 * state of the game lives here and is passed around; there are no mutable
 * globals), hit regions for the mouse, scroll areas, and the screens'
 * entry points. Not for use outside src/ui.
 */
#ifndef RAPPORT_UI_INTERNAL_H
#define RAPPORT_UI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "debrief.h"
#include "scenario.h"
#include "session.h"
#include "ui_app.h"
#include "ui_layout.h"
#include "ui_portrait.h"
#include "ui_prefs.h"
#include "ui_text.h"
#include "ui_theme.h"

#define UI_MAX_HITS 64
/* Strings per turn in the debrief's review: heading, customer, reply,
 * feedback, better option. */
#define UI_REVIEW_PARTS 5
/* Longest trainee name kept, in bytes of UTF-8. */
#define UI_NAME_MAX UI_PREFS_NAME_MAX
/* The staged reveal of the customer's words: this long per word, at
 * least UI_REVEAL_MIN_MS and at most UI_REVEAL_MAX_MS in all, and frames
 * no closer than UI_REVEAL_FRAME_MS. */
#define UI_REVEAL_WORD_MS 80
#define UI_REVEAL_MIN_MS 400
#define UI_REVEAL_MAX_MS 2000
#define UI_REVEAL_FRAME_MS 25

/* What a click (or Enter on a focused item) does. */
typedef enum {
    UI_ACT_NONE,
    UI_ACT_PICK,     /* arg: picker entry */
    UI_ACT_CHOOSE,   /* arg: 0-based position among the options */
    UI_ACT_CONTINUE, /* feedback -> next turn */
    UI_ACT_DEBRIEF,  /* ending -> debrief */
    UI_ACT_REPLAY,
    UI_ACT_PICKER,
    UI_ACT_QUIT,
    UI_ACT_MENU,
    UI_ACT_RESUME,
    UI_ACT_RESTART,
    UI_ACT_SETTINGS,
    UI_ACT_TEXT_SMALLER,
    UI_ACT_TEXT_LARGER,
    UI_ACT_CONTRAST,
    UI_ACT_FEEDBACK_MODE,
    UI_ACT_RELAXED,
    UI_ACT_FULLSCREEN,
    UI_ACT_BACK,
    UI_ACT_CLOSE_DIAG,
    UI_ACT_NAME,  /* edit the trainee's name */
    UI_ACT_MODE,  /* arg: ui_session_mode */
    UI_ACT_REVEAL /* show the rest of the customer's words and the options */
} ui_action;

typedef struct {
    SDL_Rect rect;
    ui_action action;
    int arg;
    bool focusable;
} ui_hit;

typedef enum {
    UI_SCROLL_PICKER,
    UI_SCROLL_SPEECH,
    UI_SCROLL_OPTIONS,
    UI_SCROLL_FEEDBACK,
    UI_SCROLL_REVIEW,
    UI_SCROLL_DIAG,
    UI_SCROLL_COUNT
} ui_scroll_id;

typedef struct {
    SDL_Rect view; /* on screen, set when drawn */
    int offset;    /* pixels scrolled */
    int content;   /* content height */
    bool active;   /* drawn this frame */
} ui_scroll;

typedef enum {
    UI_OVERLAY_NONE,
    UI_OVERLAY_MENU,
    UI_OVERLAY_SETTINGS,
    UI_OVERLAY_DIAG
} ui_overlay;

typedef struct {
    char *path;
    char *title;
    char *customer;
    char *summary;
    char *mood; /* the customer's starting mood, named */
    int difficulty;
    double minutes;
    bool valid;
} ui_pick_entry;

/* The call being played. */
typedef struct {
    char *path;
    scenario *sc;
    session *s;
    debrief *d;
    char *speech; /* the current node's lines, one paragraph each */
    /* Words of speech: byte offset of the end of each. */
    size_t *word_ends;
    size_t word_count;
    /* Turn time is the clock since the turn began, pauses (menu, blank
     * screen) left out. The words are revealed from turn time 0 and the
     * options appear at reveal_ms (sooner when the trainee skips); the
     * response time runs from there. */
    uint64_t turn_started; /* clock when the turn began */
    uint64_t reveal_ms;
    uint64_t paused_ms;
    uint64_t pause_started;
    bool pausing;
    char note[256];       /* status line (e.g. after a reload) */
    bool relaxed;         /* the session's relaxed timing */
    ui_session_mode mode; /* the session's mode */
    char **review;        /* debrief: UI_REVIEW_PARTS strings per turn */
    size_t review_turns;
    char *practise;       /* debrief: the one thing to practise next */
    int drawn_second;     /* elapsed seconds last drawn */
    int drawn_patience;   /* patience seconds last drawn */
    size_t drawn_words;   /* words shown in the last frame */
    bool drawn_revealing; /* the last frame was of the reveal */
} ui_play;

typedef struct {
    bool high_contrast;
    ui_session_mode mode;
    ui_feedback_mode feedback;
    bool relaxed;
    bool fullscreen;
    double text_scale;
} ui_settings;

struct ui_app {
    ui_app_options opt;
    SDL_Window *window;
    SDL_Renderer *renderer;
    ui_text *text;
    const ui_theme *theme;
    ui_layout lay;
    ui_settings set;
    char *asset_dir;
    char *scenario_dir;

    ui_screen_id screen;
    ui_overlay overlay;
    bool blanked;
    bool running;
    bool dirty;
    int exit_code;
    uint64_t clock; /* virtual clock, ms */

    ui_hit hits[UI_MAX_HITS];
    int hit_count;
    int focus;        /* index among focusable hits, -1 none */
    int focusables;   /* focusable hits registered this frame */
    bool focus_moved; /* scroll the focused item into view */
    int mouse_x;      /* last mouse position, physical pixels */
    int mouse_y;
    bool mouse_in;
    ui_action hover_action; /* hit under the mouse */
    int hover_arg;
    ui_action press_action; /* hit under the last button press */
    int press_arg;
    /* The finger being followed (one at a time): where it went down, in
     * physical pixels, what it touched, and whether it has moved enough
     * to be a drag (which scrolls) rather than a tap (which clicks). */
    bool finger_down;
    SDL_FingerID finger;
    int finger_x0;
    int finger_y0;
    int finger_y;
    bool finger_dragged;
    ui_action finger_action;
    int finger_arg;
    int finger_scroll; /* ui_scroll_id under the finger, or -1 */
    ui_scroll scroll[UI_SCROLL_COUNT];

    ui_pick_entry *picks;
    size_t pick_count;
    int pick_selected;

    ui_play play;
    ui_portrait_cache portrait;
    char trainee[UI_NAME_MAX + 1];
    bool editing_name;
    char *diag_title;
    char *diag_text;

    /* scripted run */
    size_t script_shots;
    char script_last_state[64];
    int script_stuck;
    bool script_failed;
    bool script_dragged; /* touch: the debrief's review was dragged */
};

/* ui_app.c */
uint64_t ui_app_now(const ui_app *app);
/* Registers a clickable region for this frame; returns true when it is
 * the focused one (focusable hits are numbered in drawing order). */
bool ui_app_add_hit(ui_app *app, SDL_Rect rect, ui_action action, int arg,
                    bool focusable);
/* The mouse is over this rectangle. */
bool ui_app_hovered(const ui_app *app, SDL_Rect rect);
/* The registered hit with this action and argument, or NULL. */
const ui_hit *ui_app_find_hit(const ui_app *app, ui_action action, int arg);
void ui_app_focus_move(ui_app *app, int delta);
/* Activates the focused hit; false when nothing is focused. */
bool ui_app_activate_focus(ui_app *app);
/* Enter/Space: activates the focused control; with none focused yet, the
 * first press only moves the focus to the first control. */
void ui_app_press_focus(ui_app *app);
void ui_app_do(ui_app *app, ui_action action, int arg);
/* Milliseconds since the options of the current turn appeared, not
 * counting pauses. */
int ui_app_elapsed_ms(const ui_app *app);
/* Turn time (see ui_play) now. */
uint64_t ui_app_turn_ms(const ui_app *app);
/* The customer's words are still being revealed: the options are not
 * shown yet and the response time has not started. */
bool ui_app_revealing(const ui_app *app);
/* How many words of play.speech are shown now. */
size_t ui_app_words_shown(const ui_app *app);
/* Ends the reveal now: all the words and the options are shown. */
void ui_app_reveal_finish(ui_app *app);
/* The clock at which this much turn time will have passed (no pause
 * meanwhile); for the script's virtual clock. */
uint64_t ui_app_clock_at_turn_ms(const ui_app *app, uint64_t turn_ms);
/* Milliseconds until the screen shows something new by itself (a word
 * of the reveal, the seconds counter, patience running out); -1 when
 * nothing will change, so the loop sleeps until an event. */
int ui_app_next_change_ms(const ui_app *app);
/* Remembers these settings (UI_PREFS_ bits) in the config folder, if
 * there is one. */
void ui_app_save_prefs(ui_app *app, unsigned fields);
/* The feedback mode a session mode starts with. */
ui_feedback_mode ui_app_mode_feedback(ui_session_mode mode);
/* "Practice" or "Assessment". */
const char *ui_app_mode_name(ui_session_mode mode);
/* Patience left in whole seconds (rounded up) as the play screen shows. */
int ui_app_patience_s(const ui_app *app);
void ui_app_show_diag(ui_app *app, const char *title, const char *text);
/* Ends editing the trainee's name and remembers it. */
void ui_app_finish_name(ui_app *app);

/* ui_widget.c: pieces every screen uses. */
ui_text_style ui_widget_style(const ui_app *app, int px, bool bold,
                              SDL_Color c);
/* Draws text in a box; returns its height. */
int ui_widget_label(ui_app *app, const char *text, ui_text_style st,
                    SDL_Rect box);
/* A button: rounded, outlined, label centred; focus/hover highlighted. */
void ui_widget_button(ui_app *app, SDL_Rect rect, const char *label,
                      ui_action action, int arg, bool primary);
/* Height of a button for a text size. */
int ui_widget_button_height(ui_app *app, int px);
/* Width a button needs for its label. */
int ui_widget_button_width(ui_app *app, const char *label, int px);
/* A horizontal meter: track, fill, and a marker at value/max. */
void ui_widget_meter(ui_app *app, SDL_Rect rect, double fraction,
                     SDL_Color fill);
/* Begins a scroll area: clamps its offset to the content and clips. */
void ui_widget_scroll_begin(ui_app *app, ui_scroll_id id, SDL_Rect view,
                            int content);
void ui_widget_scroll_end(ui_app *app, ui_scroll_id id);
/* Scrolls so that [y, y+h) (content coordinates) is visible. */
void ui_widget_scroll_show(ui_app *app, ui_scroll_id id, int y, int h);
/* Seconds for display: "12 s", or "54.5 s" when not whole. */
void ui_widget_seconds(char *buf, size_t len, int ms);
/* Name of a mood for display, e.g. "Annoyed". */
const char *ui_widget_mood_name(int mood);
/* The header bar: a title on the left, the menu button on the right and,
 * when tag is not NULL, a small label before it (the session's mode).
 * Returns the space left below it. */
SDL_Rect ui_widget_header(ui_app *app, const char *title, const char *tag);

/* Screens: draw (registering hits) and keys. */
void ui_screen_picker_draw(ui_app *app);
bool ui_screen_picker_key(ui_app *app, const SDL_Keysym *key);
void ui_screen_play_draw(ui_app *app);
bool ui_screen_play_key(ui_app *app, const SDL_Keysym *key);
/* The face the portrait shows now: on a turn, the authored expression of
 * the line being revealed (once all is shown, of the last line); at the
 * ending, of its last line; where a line has none, and on every other
 * screen, the one the customer's current mood gives. */
scenario_expression ui_screen_play_expression(const ui_app *app);
/* Builds the review strings of play.d (false on no memory). */
bool ui_screen_debrief_prepare(ui_app *app);
void ui_screen_debrief_free(ui_app *app);
void ui_screen_debrief_draw(ui_app *app);
bool ui_screen_debrief_key(ui_app *app, const SDL_Keysym *key);
void ui_screen_overlay_draw(ui_app *app);
bool ui_screen_overlay_key(ui_app *app, const SDL_Keysym *key);

/* Mouse id of the events a scripted run pushes; during such a run the
 * real pointer (say, resting over the window in Xvfb) is ignored, so
 * screenshots do not depend on where it happens to be. */
#define UI_SCRIPT_MOUSE_ID 0x5C41u
/* Likewise the touch device of the finger events it pushes. */
#define UI_SCRIPT_TOUCH_ID 0x5C42

/* ui_script.c: the driver of scripted runs. Called when the app is idle
 * after a frame; pushes the next input event, or ends the run. */
void ui_script_after_frame(ui_app *app, bool *want_shot, char *name,
                           size_t name_len);
void ui_script_drive(ui_app *app);

#endif
