/* ui_options.h — the options on offer as cards, each with a round badge
 * (1, 2, 3… in the call; A, B, C… in the classroom) and the option's
 * words, laid out in one or two columns at the largest text size that
 * fits, scrolling when even the smallest does not. Shared by the call
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
/* Draws the cards in area at the largest text size in [px_lo, px_hi]
 * and up to max_cols columns that fits (at px_lo, one column, scrolling
 * in UI_SCROLL_OPTIONS when none does), keeping the focused card in
 * view. Returns the text size used. */
int ui_options_draw(ui_app *app, SDL_Rect area, const ui_options_spec *spec,
                    int px_lo, int px_hi, int max_cols);

#endif
