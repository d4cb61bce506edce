/* ui_draw.h — shapes drawn with SDL_RenderGeometry: convex polygons with a
 * one-pixel anti-aliased edge, ellipses, rounded rectangles, thick lines
 * and curves. Everything is vector, so it is crisp at any window size.
 * Coordinates are physical pixels (floats). The renderer's draw blend mode
 * must be SDL_BLENDMODE_BLEND (ui_app sets it).
 */
#ifndef RAPPORT_UI_DRAW_H
#define RAPPORT_UI_DRAW_H

#include <stdbool.h>

#include <SDL.h>

/* Most points in one convex shape. */
#define UI_DRAW_MAX_POINTS 256

/* Mirroring (ui_mirror.h): with a width set on the renderer's window,
 * every shape below, ui_draw_place's rectangles and ui_text's draws map
 * x to width - x, except while the renderer draws into a texture. 0
 * turns it off. */
void ui_draw_set_mirror(SDL_Renderer *r, int width);
/* The width mirrored about now (0: not mirrored). */
int ui_draw_mirror_w(SDL_Renderer *r);
/* Where a rectangle of the layout is on screen. */
SDL_Rect ui_draw_place(SDL_Renderer *r, SDL_Rect rect);
/* SDL_RenderSetClipRect of a rectangle of the layout (NULL: none). */
void ui_draw_clip(SDL_Renderer *r, const SDL_Rect *rect);

void ui_draw_rect(SDL_Renderer *r, SDL_Rect rect, SDL_Color c);
/* Whether the renderer is OpenGL emulated on the CPU (Mesa's llvmpipe or
 * softpipe, or under Xvfb): SDL's software renderer then costs less. */
bool ui_draw_gl_is_emulated(SDL_Renderer *r);
/* Filled convex polygon, points in order (either winding). */
void ui_draw_convex(SDL_Renderer *r, const SDL_FPoint *pts, int n,
                    SDL_Color c);
void ui_draw_ellipse(SDL_Renderer *r, float cx, float cy, float rx, float ry,
                     SDL_Color c);
/* Part of an ellipse between two angles (radians, 0 = right, clockwise on
 * screen), closed through the centre: a pie slice. */
void ui_draw_pie(SDL_Renderer *r, float cx, float cy, float rx, float ry,
                 float a0, float a1, SDL_Color c);
void ui_draw_round_rect(SDL_Renderer *r, SDL_Rect rect, int radius,
                        SDL_Color c);
/* A rounded rectangle filled with fill and outlined border pixels wide. */
void ui_draw_round_frame(SDL_Renderer *r, SDL_Rect rect, int radius,
                         int border, SDL_Color fill, SDL_Color outline);
/* Line of a given thickness with round ends. */
void ui_draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1,
                  float thickness, SDL_Color c);
void ui_draw_polyline(SDL_Renderer *r, const SDL_FPoint *pts, int n,
                      float thickness, SDL_Color c);
/* Quadratic Bézier from p0 to p2 bending towards p1. */
void ui_draw_curve(SDL_Renderer *r, SDL_FPoint p0, SDL_FPoint p1,
                   SDL_FPoint p2, float thickness, SDL_Color c);
/* Ellipse outline. */
void ui_draw_ring(SDL_Renderer *r, float cx, float cy, float rx, float ry,
                  float thickness, SDL_Color c);

#endif
