/* ui_layout.h — sizes and rectangles in physical pixels, proportional to
 * the window. Nothing here is fixed in pixels: a 1024×768 projector and a
 * 3840×2160 screen get the same layout, scaled.
 *
 * Text sizes are fractions of the window height times the user's text
 * scale, and never below ceil(height / 40) (px_min), so text stays
 * readable from the back of a room.
 */
#ifndef RAPPORT_UI_LAYOUT_H
#define RAPPORT_UI_LAYOUT_H

#include <stdbool.h>

#include <SDL.h>

#include "ui_text.h"

typedef struct {
    int w; /* window, physical pixels */
    int h;
    int base;   /* min(h, w × 3/4): what sizes scale with */
    int margin; /* around the screen */
    int gap;    /* between blocks */
    int pad;    /* inside panels and cards */
    int radius; /* corner radius */
    int border; /* outline thickness */
    int px_min; /* smallest text allowed: ceil(h / 40) */
    int px_fit; /* smallest size text shrinks to when fitting a box:
                   px_min times the user's text scale */
    int px_small;
    int px_body;
    int px_speech;
    int px_title;
    int px_huge;
    double text_scale;
} ui_layout;

void ui_layout_compute(ui_layout *l, int w, int h, double text_scale,
                       int border_scale);
/* The classroom's projector: no text under 1/28 of the window height
 * (px_min), every size larger than the game's, thicker outlines. Call
 * after ui_layout_compute. */
void ui_layout_projector(ui_layout *l);
/* A text size: fraction of the base size times the text scale, at least
 * px_min. */
int ui_layout_px(const ui_layout *l, double fraction);

SDL_Rect ui_layout_inset(SDL_Rect r, int by);
/* Cut a slice off one side of *r (and the gap after it); returns the
 * slice. */
SDL_Rect ui_layout_cut_top(SDL_Rect *r, int h, int gap);
SDL_Rect ui_layout_cut_bottom(SDL_Rect *r, int h, int gap);
SDL_Rect ui_layout_cut_left(SDL_Rect *r, int w, int gap);
SDL_Rect ui_layout_cut_right(SDL_Rect *r, int w, int gap);
bool ui_layout_contains(SDL_Rect r, int x, int y);
/* r lies entirely inside outer. */
bool ui_layout_inside(SDL_Rect r, SDL_Rect outer);

/* The largest size in [px_lo, px_hi] at which the text, wrapped to the
 * style's wrap width, is at most max_h tall; px_lo when none is. */
int ui_layout_fit_px(ui_text *t, const char *text, ui_text_style st, int max_h,
                     int px_lo, int px_hi);

#endif
