/* ui_portrait.h — the customer's face, drawn procedurally (no image
 * files): head, hair by style and colour, skin tone 1–6, glasses and
 * beard as the scenario's <look> says, and eyebrows, eyes and mouth that
 * follow the expression. What a scenario leaves out is picked from the
 * customer's name, so every customer looks the same every time.
 */
#ifndef RAPPORT_UI_PORTRAIT_H
#define RAPPORT_UI_PORTRAIT_H

#include <SDL.h>

#include "scenario.h"
#include "ui_theme.h"

/* Draws the portrait filling the square box (x, y, side). */
void ui_portrait_draw(SDL_Renderer *r, SDL_Rect box,
                      const scenario_customer *customer,
                      scenario_expression expression, const ui_theme *theme);

/* The last portrait drawn, kept in a texture at its pixel size so that
 * redrawing the same face is one copy. Embedded in the app; zero it to
 * initialise, ui_portrait_cache_clear() to drop the texture. */
typedef struct {
    SDL_Texture *texture;
    int side;
    const scenario_customer *customer;
    scenario_expression expression;
    const ui_theme *theme;
} ui_portrait_cache;

/* Same as ui_portrait_draw, through the cache (falls back to drawing
 * directly when render targets are not available). */
void ui_portrait_cache_draw(ui_portrait_cache *cache, SDL_Renderer *r,
                            SDL_Rect box, const scenario_customer *customer,
                            scenario_expression expression,
                            const ui_theme *theme);
void ui_portrait_cache_clear(ui_portrait_cache *cache);

#endif
