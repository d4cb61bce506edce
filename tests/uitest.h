/* uitest.h — the pieces the headless UI tests share: starting an app
 * headless (virtual clock, software renderer), pushing a key, click, tap
 * or text event and stepping, a scripted classroom run, and the checks of
 * a drawn frame (texts and hits inside the window and not overlapping,
 * text tall enough, .notdef glyphs).
 *
 * Ownership: uitest_start() and uitest_new() return an app the caller
 * frees with ui_app_free(); the options (and what they point to) must
 * outlive the call only. uitest_nexts() returns a string the caller frees.
 * The module counts no checks itself (check.h's counters are each test's
 * own): the functions return what they found, print each problem to
 * stderr after the caller's label, and the test CHECKs the result;
 * uitest_count_frame() (when check.h is included first) adds a frame's
 * findings to the test's counts. */
#ifndef RAPPORT_UITEST_H
#define RAPPORT_UITEST_H

#include <stdbool.h>
#include <stddef.h>

#include "class.h"
#include "ui_internal.h"

/* Sets the options every headless test app has: the window's size, the
 * virtual clock, the software renderer and the scenario paths (n of
 * them). Leaves the other fields as they are. */
void uitest_headless(ui_app_options *o, int w, int h, const char *const *paths,
                     size_t n);

/* ui_app_new(o) ready to be stepped (running); on failure prints "cannot
 * start the app: ..." and exits 1. */
ui_app *uitest_new(const ui_app_options *o);
/* uitest_new(o) and its first step. */
ui_app *uitest_start(const ui_app_options *o);

/* A key press (sym with modifiers mod) pushed, then a step. */
void uitest_key(ui_app *app, SDL_Keycode sym, Uint16 mod);
/* A text input event (text up to 31 bytes) pushed, then a step. */
void uitest_text(ui_app *app, const char *text);
/* Pushes a left click (button down and up) at physical pixels (x, y)
 * from mouse which; no step. */
void uitest_push_click(int x, int y, Uint32 which);
/* Pushes a finger event of finger at (x, y), fractions of the window;
 * no step. */
void uitest_push_finger(Uint32 type, SDL_FingerID finger, float x, float y);
/* A mouse motion and a left click (down and up) at physical pixels (x,
 * y), then a step; which is the mouse id (SDL_TOUCH_MOUSEID for one SDL
 * made up from a touch). */
void uitest_click(ui_app *app, int x, int y, Uint32 which);
/* A finger event (SDL_FINGERDOWN, SDL_FINGERUP...) at pixels (x, y) of
 * the window, then a step. */
void uitest_finger(ui_app *app, Uint32 type, int x, int y);

/* Clears o for a scripted classroom run (no virtual clock: the script
 * keeps time) at w x h on the scenario paths (n), the class script, the
 * screens saved in dir (NULL: none). */
void uitest_scripted_options(ui_app_options *o, int w, int h,
                             const char *const *paths, size_t n,
                             const char *script, const char *dir);
/* Runs a scripted classroom app (o->scripted, o->class_script) to its
 * end: 0 when it ran and reached the class debrief, else 1 (an app that
 * does not start is reported on stderr). */
int uitest_scripted(const ui_app_options *o);
/* script followed by n times " >" (Next); exits 1 out of memory. */
char *uitest_nexts(const char *script, int n);

/* Runs one scripted class: script, teams mode or not, w x h, the
 * screens saved in dir; 0 when it reached the class debrief. */
typedef int (*uitest_class_run)(const void *ctx, const char *script,
                                bool teams, int w, int h, const char *dir);
/* The golden screens of a scripted class at size ("WxH"): makes dir,
 * dir/whole and dir/teams, runs whole followed by 90 Nexts (whole class)
 * into dir/whole and teams followed by 110 Nexts into dir/teams. 0 when
 * both ran, 1 when one failed, 2 for a bad size. */
int uitest_class_shots(const char *dir, const char *size, const char *whole,
                       const char *teams, uitest_class_run run,
                       const void *ctx);

/* The class session's phase, the line's before the class starts. */
class_phase uitest_class_phase(const ui_app *app);

/* One HTTP request req on a new connection to 127.0.0.1:port (from the
 * local address source, or any when NULL); the reply, NUL-terminated, in
 * buf. 0 when a reply came, else -1. */
int uitest_http(unsigned short port, const char *source, const char *req,
                char *buf, size_t size);

/* True when the smallest text drawn this frame is at least 1/parts of
 * height h (rounded up); else prints "LABEL at height H: text of N px". */
bool uitest_text_tall(const ui_app *app, int h, int parts, const char *label);

/* What one drawn frame holds: text boxes and hits, those not wholly
 * inside the window and the pairs overlapping (texts from the open
 * overlay's first one on when an overlay is open). */
typedef struct uitest_frame {
    size_t texts;
    size_t texts_outside;
    size_t text_overlaps;
    size_t hits;
    size_t hits_outside;
    size_t hit_overlaps;
} uitest_frame;
/* Looks at the last frame drawn; prints each problem after label. */
uitest_frame uitest_frame_of(const ui_app *app, const char *label);

/* The glyph counts of the texts drawn; prints them after label when a
 * .notdef box was drawn. */
ui_text_glyphs uitest_glyphs(const ui_app *app, const char *label);

#ifdef RAPPORT_CHECK_H
/* Adds f to the including test's checks: one per hit (passed when inside
 * the window), one per text inside (every_text) or only a failed one per
 * text outside (!every_text), and a failed one per overlapping pair. */
static inline void uitest_count_frame(uitest_frame f, bool every_text)
{
    if (every_text) {
        check_passed += (int)(f.texts - f.texts_outside);
    }
    check_passed += (int)(f.hits - f.hits_outside);
    check_failed += (int)(f.texts_outside + f.hits_outside + f.text_overlaps +
                          f.hit_overlaps);
}
#endif

#endif
