/* ui_options.h — the options on offer as cards, each with a round badge
 * (1, 2, 3… in the call; A, B, C… in the classroom) and the option's
 * words, laid out in one or two columns at the largest text size that
 * fits, scrolling when even the smallest does not (then a notice says
 * which options are above or below the view). Shared by the call
 * and the classroom. Not for use outside src/ui.
 *
 * Ownership: the spec's strings are borrowed for the call only.
 */
#ifndef RAPPORT_UI_OPTIONS_H
#define RAPPORT_UI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_internal.h"

typedef struct {
    size_t count;
    const char *const *texts; /* each option's words (the scenario's) */
    bool letters;             /* badges A, B, C… (else 1, 2, 3…) */
    double badge_scale;       /* badge and its label: 1 = the text's size */
    ui_action action; /* each card's hit (UI_ACT_NONE: none), arg below */
    int arg_or;       /* the hit's arg: arg_or | position << arg_shift */
    int arg_shift;
    int marked; /* this card drawn as chosen; -1 none */
    /* A bold line under each option's words (e.g. its votes), or NULL;
     * an entry may be NULL or "" for none. */
    const char *const *notes;
} ui_options_spec;

/* The badge's label of the option at 0-based position i. */
void ui_options_label(const ui_options_spec *spec, size_t i, char *buf,
                      size_t len);
/* Heights of the cards (card_h, count entries) at a text size and column
 * count in width pixels, and the width of their text; returns the total
 * height of the grid. */
int ui_options_measure(ui_app *app, const ui_options_spec *spec, int px,
                       int cols, int width, int *card_h, int *text_w);
/* How the cards were laid out, and which are whole in view. */
typedef struct {
    int px;                /* the text size used */
    int cols;              /* columns */
    bool scroll;           /* they did not fit: they scroll, with the notice */
    size_t in_view;        /* cards whole in view */
    unsigned in_view_mask; /* bit i: card i whole in view */
    size_t above;          /* cards (partly) above the view: the first ones */
    size_t below;          /* cards (partly) below the view: the last ones */
    SDL_Rect cards[SCENARIO_MAX_CHOICES]; /* on screen (may be outside) */
    SDL_Rect view;                        /* where the cards are shown */
    SDL_Rect notice; /* the "more options" notice (w 0: none) */
} ui_options_view;

/* Draws the cards in area at the largest text size in [px_lo, px_hi]
 * and up to max_cols columns that fits (two columns at most when one
 * does not fit at px_lo; when none fits, at px_lo in one column,
 * scrolling in UI_SCROLL_OPTIONS, with a notice at the foot of area
 * naming the options above and below the view), keeping the focused
 * card in view. Returns the text size used. */
int ui_options_draw(ui_app *app, SDL_Rect area, const ui_options_spec *spec,
                    int px_lo, int px_hi, int max_cols);
/* The same, and says how (view may be NULL). With a reply clock (the
 * call; NULL: none), tells it which options are whole in view, now, and
 * the notice says whether the clock waits for the trainee to see every
 * option. */
int ui_options_draw_view(ui_app *app, SDL_Rect area,
                         const ui_options_spec *spec, int px_lo, int px_hi,
                         int max_cols, turn_clock *clock,
                         ui_options_view *view);

#endif
