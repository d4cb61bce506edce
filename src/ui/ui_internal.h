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
#include "ui_text.h"
#include "ui_theme.h"

#define UI_MAX_HITS 64
/* Strings per turn in the debrief's review: heading, customer, reply,
 * feedback, better option. */
#define UI_REVIEW_PARTS 5
/* Longest trainee name kept, in bytes of UTF-8. */
#define UI_NAME_MAX 60

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
    UI_ACT_NAME /* edit the trainee's name */
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
    char *speech;      /* the current node's lines, one paragraph each */
    uint64_t shown_at; /* clock when the options appeared */
    uint64_t paused_ms;
    uint64_t pause_started;
    bool pausing;
    char note[256]; /* status line (e.g. after a reload) */
    bool relaxed;   /* the session's relaxed timing */
    char **review;  /* debrief: UI_REVIEW_PARTS strings per turn */
    size_t review_turns;
    char *practise;     /* debrief: the one thing to practise next */
    int drawn_second;   /* elapsed seconds last drawn */
    int drawn_patience; /* patience seconds last drawn */
} ui_play;

typedef struct {
    bool high_contrast;
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
/* The header bar: a title on the left, the menu button on the right.
 * Returns the space left below it. */
SDL_Rect ui_widget_header(ui_app *app, const char *title);

/* Screens: draw (registering hits) and keys. */
void ui_screen_picker_draw(ui_app *app);
bool ui_screen_picker_key(ui_app *app, const SDL_Keysym *key);
void ui_screen_play_draw(ui_app *app);
bool ui_screen_play_key(ui_app *app, const SDL_Keysym *key);
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

/* ui_script.c: the driver of scripted runs. Called when the app is idle
 * after a frame; pushes the next input event, or ends the run. */
void ui_script_after_frame(ui_app *app, bool *want_shot, char *name,
                           size_t name_len);
void ui_script_drive(ui_app *app);

#endif
