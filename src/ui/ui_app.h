/* ui_app.h — the SDL game: a window that draws the core's state and sends
 * it the trainee's choices with their response times. It holds no game
 * rules: sessions, scores and debriefs all come from src/core.
 *
 * Results: every call that ends is saved in the results folder through
 * the core's result_save (a JSON record, an HTML report, xAPI
 * statements), and journaled while it goes on (journal.h); journals left
 * by a program that stopped are offered on start (resume, save as
 * incomplete, discard, later). Wall-clock times come from the options
 * (wall_start_ms) plus the app's own clock, so a scripted run on the
 * virtual clock saves the same files every time.
 *
 * Ownership: ui_app_new() initialises SDL's video subsystem and SDL_ttf,
 * opens the window and returns an app freed with ui_app_free() (NULL
 * accepted), which shuts SDL down again. The options (and the arrays and
 * strings they point to) must outlive the app.
 */
#ifndef RAPPORT_UI_APP_H
#define RAPPORT_UI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "choices.h"
#include "result.h"

typedef enum { UI_FEEDBACK_IMMEDIATE, UI_FEEDBACK_WITHHELD } ui_feedback_mode;
/* Practice: feedback after each reply by default. Assessment: feedback
 * withheld until the debrief by default. */
typedef enum { UI_MODE_PRACTICE, UI_MODE_ASSESSMENT } ui_session_mode;
typedef enum { UI_INPUT_KEYS, UI_INPUT_MOUSE, UI_INPUT_TOUCH } ui_input_mode;
/* The answer a scripted run gives to the notice of an interrupted call
 * (ASK: none given; the run fails if there is one). */
typedef enum {
    UI_JOURNAL_ASK,
    UI_JOURNAL_RESUME,
    UI_JOURNAL_SAVE,
    UI_JOURNAL_DISCARD,
    UI_JOURNAL_LATER
} ui_journal_answer;
typedef enum {
    UI_SCREEN_PICKER,
    UI_SCREEN_BRIEFING,
    UI_SCREEN_PLAY,
    UI_SCREEN_FEEDBACK,
    UI_SCREEN_ENDING,
    UI_SCREEN_DEBRIEF,
    UI_SCREEN_CLASS /* classroom mode: its screens follow the class */
} ui_screen_id;

typedef struct {
    int width; /* window size in pixels; 0 = a default that fits */
    int height;
    /* Settings for this run. A field left at its zero value (false, 0,
     * *_set false) takes the value remembered in config_dir, else the
     * default; a set one overrides the remembered value for this run only
     * (it is not saved). */
    bool fullscreen; /* desktop fullscreen */
    ui_session_mode mode;
    bool mode_set;
    ui_feedback_mode feedback; /* default: the mode's */
    bool feedback_set;
    bool relaxed; /* relaxed timing */
    /* Options in the scenario's order for this run (shuffled by default,
     * see ui_call.c); seed_set: shuffle every call from seed (scripted
     * runs keep the scenario's order without it). */
    bool no_shuffle;
    bool seed_set;
    uint64_t seed;
    bool high_contrast;
    double text_scale; /* 0 = remembered, else 1.0 */
    /* Scenario files and folders for the picker, besides the bundled
     * ones; the first file is selected. */
    const char *const *paths;
    size_t path_count;
    bool start; /* skip the picker and the briefing: play the first file */
    /* The trainee's name and the settings are remembered in this folder
     * (NULL: nothing is remembered); trainee, when set, is the name to
     * start with. */
    const char *config_dir;
    const char *trainee;
    /* Scripted run: the driver plays these choices (1-based option
     * numbers or choice ids, see choices.h) through the
     * real input path (keys, mouse clicks or touch taps), answering each
     * times_ms (default: the node's target) after the options appeared,
     * on a virtual clock, saves a PNG of every screen it passes in
     * screenshot_dir (if set) and quits at the debrief. */
    bool scripted;
    const choices_item *script;
    size_t script_count;
    const int *times_ms;
    size_t time_count;
    const char *screenshot_dir;
    ui_input_mode input;
    bool print_debrief; /* at the debrief, print it as `rapport run` does */
    /* Scripted: once the script's choices are played, wait on the next
     * turn (its options shown) instead of failing, until the window is
     * closed or the process stopped. */
    bool hold;
    /* Scripted: how to answer the notice of an interrupted call. */
    ui_journal_answer on_journal;
    /* Where results and journals go (NULL: nothing is saved, the debrief
     * says so); the trainee may choose another folder when saving fails,
     * for the rest of the run. */
    const char *results_dir;
    /* The wall clock when the app starts, in ms since 1970: calls start
     * and end at this plus the app's clock (virtual or SDL's ticks). */
    int64_t wall_start_ms;
    /* Tests: hooks for the result and journal files (NULL: POSIX). */
    const result_io *io;
    /* Time only moves when ui_app_set_clock says (tests; implied by
     * scripted). */
    bool virtual_clock;
    bool software; /* software renderer (implied by scripted) */
    /* Classroom mode (rapport class, or the picker's Classroom): the
     * first file opens on the class start screen, for a facilitator and
     * a projector. team_count names (2..8) start it in teams mode;
     * scoreboard shows scores between turns (off by default);
     * discussion_ms sets the discussion timer (0: the core's default);
     * phones turns the start screen's Phones switch on (issue 12: the
     * room votes from its phones; the server listens on phones_address
     * and phones_port, NULL and 0 picked, while the class session is
     * open). Tests: phones_any_port lets the system pick the port,
     * phones_code fixes the join code and phones_shown_port is the port
     * shown and encoded in the QR code instead of the real one. */
    bool classroom;
    const char *const *teams;
    size_t team_count;
    bool scoreboard;
    int discussion_ms;
    bool phones;
    const char *phones_address;
    unsigned short phones_port;
    bool phones_any_port;
    const char *phones_code;
    unsigned short phones_shown_port;
    /* Scripted classroom run (with scripted): the facilitator's actions
     * in order, pushed as real key presses (see ui_script_class.c): ">"
     * Next (PageDown), "<" Back (PageUp), "A3" three hands for option A,
     * "-A" one taken back, "u" undo, "t2" the second team, "p" pause,
     * "x" extend, "s" skip, "r" reveal, "w" what if, "h" legend, "b"
     * blank, "z600" 600 s pass on the clock. The run quits at the class
     * debrief, printing it with print_debrief. */
    const char *class_script;
} ui_app_options;

typedef struct ui_app ui_app;

/* NULL on failure, with the reason written to err. */
ui_app *ui_app_new(const ui_app_options *options, char *err, size_t errlen);
void ui_app_free(ui_app *app);

/* Runs until the trainee quits (or the script ends). Returns 0, or 1 when
 * a scripted run failed (bad script, screenshot not written). */
int ui_app_run(ui_app *app);

/* For tests: load a scenario and start playing it (false with the
 * diagnostics shown on screen when it has errors); handle pending events
 * and redraw if needed; draw the current state now; the clock. */
bool ui_app_start(ui_app *app, const char *path);
void ui_app_step(ui_app *app);
void ui_app_redraw(ui_app *app);
/* Draws the current state and saves it as a PNG (false on failure, with
 * the reason in SDL_GetError()). */
bool ui_app_screenshot(ui_app *app, const char *path);
void ui_app_set_clock(ui_app *app, uint64_t ms);
ui_screen_id ui_app_screen(const ui_app *app);
bool ui_app_overlay_open(const ui_app *app);
/* The app's text cache (see ui_text.h for its counters). */
struct ui_text *ui_app_text(ui_app *app);
/* Window size in physical pixels. */
void ui_app_size(const ui_app *app, int *w, int *h);
/* Size the window (tests of layouts at several sizes). */
void ui_app_resize(ui_app *app, int w, int h);

#endif
