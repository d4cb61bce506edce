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
#include "journal.h"
#include "result.h"
#include "scenario.h"
#include "session.h"
#include "turnclock.h"
#include "ui_app.h"
#include "ui_layout.h"
#include "ui_picks.h"
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
/* Longest results folder typed in the save notice, in bytes. */
#define UI_FOLDER_MAX 1024
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
    UI_ACT_SHUFFLE,
    UI_ACT_FULLSCREEN,
    UI_ACT_BACK,
    UI_ACT_CLOSE_DIAG,
    UI_ACT_NAME,   /* edit the trainee's name */
    UI_ACT_MODE,   /* arg: ui_session_mode */
    UI_ACT_REVEAL, /* show the rest of the customer's words and the options */
    UI_ACT_START,  /* briefing -> the call */
    UI_ACT_FOLDER, /* edit the results folder in the save notice */
    /* The save notice (saving or journaling failed). */
    UI_ACT_SAVE_RETRY,
    UI_ACT_SAVE_ELSEWHERE,
    UI_ACT_SAVE_DECLINE,
    /* The notice of an interrupted call. */
    UI_ACT_RECOVER_RESUME,
    UI_ACT_RECOVER_SAVE,
    UI_ACT_RECOVER_DISCARD,
    UI_ACT_RECOVER_LATER,
    UI_ACT_RECOVER_CONFIRM, /* yes, discard it */
    UI_ACT_RECOVER_CANCEL,  /* no, keep it */
    UI_ACT_CLASS,           /* arg: a classroom command (ui_class.h) */
    UI_ACT_CLASSROOM,       /* the picker's Classroom switch */
    UI_ACT_LANGUAGE,        /* the Language setting's next choice */
    UI_ACT_PICK_LANG        /* the picker's next language filter */
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
    UI_SCROLL_BRIEFING,
    UI_SCROLL_NOTICE,
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
    UI_OVERLAY_DIAG,
    UI_OVERLAY_RESULTS, /* saving or journaling failed: choose a folder */
    UI_OVERLAY_RECOVER  /* an interrupted call was found */
} ui_overlay;

/* What became of the call's result (ui_results.c). */
typedef enum {
    UI_SAVE_PENDING,  /* the call goes on */
    UI_SAVE_DONE,     /* saved: play.save_line says where */
    UI_SAVE_FAILED,   /* saving failed: the notice is open */
    UI_SAVE_DECLINED, /* the trainee chose not to save this call */
    UI_SAVE_OFF       /* no results folder */
} ui_save_state;

/* Why the save notice is open. */
typedef enum {
    UI_NOTICE_JOURNAL, /* the journal could not be started or written */
    UI_NOTICE_SAVE     /* the result could not be saved */
} ui_notice_kind;

/* The interrupted call the recovery notice is about: its journal read,
 * its scenario loaded and its replies replayed, as far as they go. */
typedef struct {
    char *path;
    filelock *lock;   /* journal_take's, held while the notice is up */
    journal_data *jd; /* NULL: the journal cannot be read */
    scenario *sc;     /* NULL: its scenario file is missing or broken */
    session *s;       /* replayed; NULL when it cannot be */
    bool changed;     /* the file changed since: s replayed as F5 does */
    char *problem;    /* why it cannot be resumed (or saved); NULL if fine */
    char *saved_as;   /* the record of the call when it was saved already
                         (the program stopped before removing the journal) */
} ui_recover_item;

/* ui_pick_entry, ui_pick_list, ui_pick_loader: ui_picks.h */

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
    /* Turn time is the clock since the turn began, with the time held
     * left out (the core's turn_clock: a menu or a blank screen hides the
     * call, or options are out of view). The words are revealed from turn
     * time 0 and the options appear at reveal_ms (sooner when the trainee
     * skips); the response time runs from there. */
    turn_clock clock;
    uint64_t reveal_ms;
    char note[256];       /* status line (e.g. after a reload) */
    bool relaxed;         /* the session's relaxed timing */
    ui_session_mode mode; /* the session's mode */
    char **review;        /* debrief: UI_REVIEW_PARTS strings per turn */
    size_t review_turns;
    char *practise;       /* debrief: the one thing to practise next */
    char *objectives;     /* debrief: the objectives and their principles */
    int drawn_second;     /* elapsed seconds last drawn */
    int drawn_patience;   /* patience seconds last drawn */
    size_t drawn_words;   /* words shown in the last frame */
    bool drawn_revealing; /* the last frame was of the reveal */
    /* The call's result (ui_results.c): its journal, when it started and
     * ended on the wall clock, who played and how (as saved). */
    journal *journal;
    int64_t started_wall;
    int64_t ended_wall;
    ui_feedback_mode feedback;
    char trainee[UI_NAME_MAX + 1]; /* "" = anonymous */
    bool resumed;                  /* resumed from an interrupted call's... */
    journal_data *resumed_jd;      /* ...journal, removed once saved */
    ui_save_state save;
    char save_line[2 * UI_FOLDER_MAX + 512]; /* for the debrief */
} ui_play;

/* Classroom mode's state (ui_class.h). */
typedef struct ui_class ui_class;

typedef struct {
    bool high_contrast;
    ui_session_mode mode;
    ui_feedback_mode feedback;
    bool relaxed;
    bool shuffle; /* options shown in an order drawn for each call */
    bool fullscreen;
    double text_scale;
    char lang[UI_PREFS_LANG_MAX + 1]; /* the Language setting, "" System */
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
    bool mirrored; /* drawn right to left (ui_mirror.h) */
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

    ui_pick_entry *picks; /* = pick_list.items, for the screens */
    size_t pick_count;    /* = pick_list.count */
    ui_pick_list pick_list;
    ui_pick_loader pick_loader; /* the files still to read (ui_picks.c) */
    bool picks_loading;         /* a large folder is being read */
    int pick_selected;
    char pick_lang[16]; /* the picker's language filter, "" all */
    char lang_env[128]; /* LANGUAGE when the game started (System) */
    bool lang_env_set;

    ui_play play;
    ui_class *cls;       /* classroom mode, or NULL */
    bool classroom_pick; /* the picker opens the class start screen */
    ui_portrait_cache portrait;
    char trainee[UI_NAME_MAX + 1];
    bool editing_name;
    char *diag_title;
    char *diag_text;
    char picker_note[UI_FOLDER_MAX + 512]; /* after a recovery action */

    /* Results (ui_results.c): the folder (NULL: nothing is saved), the
     * wall clock's origin, the save notice with its folder field. */
    char *results_dir;
    uint64_t wall_origin; /* ui_app_now() when the app started */
    ui_notice_kind notice;
    char notice_msg[UI_FOLDER_MAX + 512];
    char folder[UI_FOLDER_MAX + 1];
    bool editing_folder;
    /* Journals found on start, offered one at a time. */
    char **recover_paths;
    size_t recover_next;
    size_t recover_total;
    ui_recover_item recover;
    bool recover_confirm; /* asking whether to discard it */
    char recover_msg[UI_FOLDER_MAX + 512];
    bool pending_start; /* --start, after the notices */
    /* Tests: texts drawn before the overlay this frame. */
    size_t overlay_text_start;

    /* scripted run */
    size_t script_shots;
    char script_last_state[64];
    int script_stuck;
    bool script_failed;
    bool script_dragged; /* touch: the debrief's review was dragged */
    size_t script_base;  /* turns replayed before the script (resume) */
    bool script_holding; /* --hold: waiting on a turn */
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
void ui_app_set_overlay(ui_app *app, ui_overlay overlay);
/* Ends editing the trainee's name (and remembers it) or the folder. */
void ui_app_finish_name(ui_app *app);
/* Plays on a call replayed from a journal: takes sc and s (their
 * ownership too), path is the scenario file. The turn where it stopped
 * starts (or the ending shows, when it had ended). */
void ui_app_resume_call(ui_app *app, scenario *sc, session *s,
                        const char *path);
/* Diagnostics as the command line prints them (malloc'd). */
char *ui_app_diag_text(diag_list *diags);

/* ui_call.c: the session options of a new call (relaxed timing, and the
 * shuffle with a seed drawn for it, see ui_app_options), and a call
 * replayed on an edited scenario: a new session of sc with the replies of
 * p's (same positions, same times, same seed); *same tells whether they
 * went through the same nodes to the same place, else the session
 * returned is a fresh one. NULL on no memory. */
void ui_call_options(const ui_app *app, session_options *so);
session *ui_call_replay(const ui_play *p, const scenario *sc, bool *same);

/* ui_reload.c: the scenario at path, loaded to be played (the caller owns
 * it); NULL when it does not load, its diagnostics shown as a notice. */
scenario *ui_reload_open(ui_app *app, const char *path);
/* ui_reload.c: F5. The scenario file of the call read again: NULL when
 * it does not load (the diagnostics shown, titled with `keeps`, what
 * happens instead); *warnings gets its warnings' count. */
scenario *ui_reload_file(ui_app *app, const char *keeps, size_t *warnings);
/* F5 on the briefing: the scenario read again (a note says so). */
void ui_reload_briefing(ui_app *app);

/* ui_results.c: saving results and keeping journals. */
/* The wall clock now, ms since 1970 (wall_start_ms plus the app's
 * clock). */
int64_t ui_results_wall_ms(const ui_app *app);
/* A call (play.s, with the turns it has) starts: its journal is opened;
 * on failure the save notice opens. */
void ui_results_call_start(ui_app *app);
/* After a reply or a timeout: journaled; once the call has ended, its
 * result is saved (on failure the save notice opens). */
void ui_results_turn(ui_app *app);
/* The call is left. deliberate (restart, replay, another scenario, quit
 * from the menu): an unfinished call's journal is removed, nothing is
 * saved. Otherwise (the window closed, the app freed) it is kept for
 * recovery. */
void ui_results_call_end(ui_app *app, bool deliberate);
/* A new journal for the call in progress with the turns it has (after a
 * reload, F5: for the file as it is now), the old one removed once the
 * new one is written; on failure the old one stays and the save notice
 * opens. Also what the notice's Retry does for a journal. */
void ui_results_reopen(ui_app *app);
/* The save notice's buttons. */
void ui_results_retry(ui_app *app);
void ui_results_elsewhere(ui_app *app);
void ui_results_decline(ui_app *app);
/* path with the home folder written as ~ (into buf). */
void ui_results_short_path(const ui_app *app, const char *path, char *buf,
                           size_t len);
/* On start: the journals left in the results folder; the first is shown
 * (when there are any) over the picker. */
void ui_results_recover_scan(ui_app *app);
/* Shows the next journal found, if any (over the picker); false if
 * none is left. */
bool ui_results_recover_next(ui_app *app);
void ui_results_recover_do(ui_app *app, ui_action action);
void ui_results_recover_free(ui_app *app);
/* The number of replies in the recovered journal. */
size_t ui_results_recover_turns(const ui_app *app);

/* ui_widget.c: pieces every screen uses. */
/* A centred panel over a shade, with a title; returns the space inside
 * for content. */
SDL_Rect ui_widget_panel(ui_app *app, int w, int h, const char *title);
/* A one-line text field (as high as a button): a frame, the text (its
 * end, after an ellipsis, when it is too long), or the placeholder in
 * muted colour when empty, and a caret while editing. Registers action as
 * its hit (focusable when asked). */
void ui_widget_field(ui_app *app, SDL_Rect rect, const char *text,
                     const char *placeholder, bool editing, ui_action action,
                     bool focusable);
/* Buttons in rows, right-aligned, wrapping when they do not fit; the
 * first is the primary one. Returns the height taken (draws only when
 * draw). */
int ui_widget_button_rows(ui_app *app, SDL_Rect area,
                          const char *const *labels, const ui_action *acts,
                          int n, bool draw);
/* The style of the interface's own words: left to right for now (a
 * translated interface sets rtl here, for every screen at once). */
ui_text_style ui_widget_style(const ui_app *app, int px, bool bold,
                              SDL_Color c);
/* The style of the scenario's words (what the customer says, the options,
 * feedback, objectives): its lang picks the fonts and line breaking, and
 * a right-to-left language is laid out right to left and aligned right. */
ui_text_style ui_widget_content_style(const ui_app *app, int px, bool bold,
                                      SDL_Color c);
/* Whether the scenario's language is written right to left. */
bool ui_widget_content_rtl(const ui_app *app);
/* The isolate that opens the interface's words inside the scenario's
 * text (closed by UI_TEXT_PDI): "" when the interface and the scenario
 * are both left to right, else UI_TEXT_FSI (each piece in the direction
 * of its first letter). */
const char *ui_widget_isolate(const ui_app *app);
/* A score band's name ("good") in the interface's language. */
const char *ui_widget_band_name(score_band band);
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
/* Room kept for the scrollbar beside an area that overflows. */
int ui_widget_bar_w(const ui_app *app);
/* Begins a scroll area: clamps its offset to the content and clips. */
void ui_widget_scroll_begin(ui_app *app, ui_scroll_id id, SDL_Rect view,
                            int content);
void ui_widget_scroll_end(ui_app *app, ui_scroll_id id);
/* Scrolls so that [y, y+h) (content coordinates) is visible. */
void ui_widget_scroll_show(ui_app *app, ui_scroll_id id, int y, int h);
/* Keys shared by scrolling screens: Up/Down (2 lines of height line),
 * PageUp/PageDown, Home/End scroll id; Tab, Shift+Tab, Left and Right
 * move the focus. Returns whether the key was one of them. */
bool ui_widget_scroll_key(ui_app *app, ui_scroll_id id, int line,
                          const SDL_Keysym *key);
/* Seconds for display: "12 s", or "54.5 s" when not whole. */
void ui_widget_seconds(char *buf, size_t len, int ms);
/* Name of a mood for display, e.g. "Annoyed". */
const char *ui_widget_mood_name(int mood);
/* A channel's and a principle's names in the interface's language. */
const char *ui_widget_channel_name(scenario_channel channel);
const char *ui_widget_principle_name(int principle);
/* An outcome's name ("resolved") in the interface's language. */
const char *ui_widget_outcome_name(scenario_outcome outcome);
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
void ui_screen_briefing_draw(ui_app *app);
bool ui_screen_briefing_key(ui_app *app, const SDL_Keysym *key);
/* The save notice and the notice of an interrupted call (overlays). */
void ui_screen_notice_draw(ui_app *app);
bool ui_screen_notice_key(ui_app *app, const SDL_Keysym *key);

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
/* A key press pushed as the script's input. */
void ui_script_key_mod(ui_app *app, SDL_Keycode sym, Uint16 mod);
/* Clicks (or taps, as the run's input says) the hit with this action and
 * arg, scrolling area first (UI_SCROLL_COUNT: none) when it is not
 * visible enough; false when there is no such hit. */
bool ui_script_click(ui_app *app, ui_action action, int arg,
                     ui_scroll_id area);

/* ---- the picker's list (ui_picks.c) ---- */
/* (Re)reads the list: the files and folders given, then the scenario
 * folder; keeps the selection on `keep` (a real path) when given, else
 * on the first file given or the default scenario. A large list is read
 * a few files a frame (ui_picks_tick); a scripted run reads it all now. */
void ui_picks_load(ui_app *app, const char *keep);
/* Reads a few more files while loading; true while there are more. */
bool ui_picks_tick(ui_app *app);
void ui_picks_free(ui_app *app);

#endif
