/* ui_theme.h — colours of the game: a default palette safe for colour-blind
 * viewers (Okabe & Ito's eight colours for everything that carries
 * meaning, always doubled by text, a shape or a position) and a
 * high-contrast theme (black, white, yellow and cyan).
 *
 * Themes are constant tables; ui_theme_get() returns a pointer to one.
 */
#ifndef RAPPORT_UI_THEME_H
#define RAPPORT_UI_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

typedef struct {
    const char *name;
    SDL_Color bg;            /* window background */
    SDL_Color panel;         /* speech area, cards, panels */
    SDL_Color panel_border;  /* outline of panels and cards */
    SDL_Color text;          /* body text */
    SDL_Color muted;         /* secondary text (still >= 7:1 on panel) */
    SDL_Color accent;        /* focus ring, buttons, number badges */
    SDL_Color accent_text;   /* text on accent */
    SDL_Color focus_bg;      /* focused or hovered card */
    SDL_Color good;          /* better than before (blue) */
    SDL_Color bad;           /* worse than before (vermillion) */
    SDL_Color warn;          /* running low (orange) */
    SDL_Color track;         /* empty part of a meter */
    SDL_Color shade;         /* translucent veil behind overlays */
    SDL_Color chart_band[5]; /* mood bands, furious .. happy */
    int border_scale;        /* border thickness multiplier (1 or 2) */
} ui_theme;

const ui_theme *ui_theme_get(bool high_contrast);
/* The classroom's projector theme: black on white with a deep blue
 * accent, every text at least 7:1 on what it is drawn on, even where a
 * washed-out projector lifts the blacks; thick strokes. */
const ui_theme *ui_theme_projector(void);
/* The pairs of colours text is drawn in on the screens (text colour,
 * then background), for tests of contrast; returns how many (at most
 * max) were written to fg and bg. */
size_t ui_theme_text_pairs(const ui_theme *theme, SDL_Color *fg, SDL_Color *bg,
                           size_t max);
/* WCAG 2 contrast ratio of two colours, 1..21. */
double ui_theme_contrast(SDL_Color a, SDL_Color b);
/* The colour of a mood 0..100 on the meter (vermillion .. blue). */
SDL_Color ui_theme_mood_colour(const ui_theme *theme, int mood);

#endif
