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

#endif
