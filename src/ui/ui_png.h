/* ui_png.h — screenshots: the renderer's pixels written as PNG with
 * libpng's simplified API. */
#ifndef RAPPORT_UI_PNG_H
#define RAPPORT_UI_PNG_H

#include <stdbool.h>

#include <SDL.h>

/* Reads the current render target (call before SDL_RenderPresent) and
 * writes it to path as an 8-bit RGB PNG. On failure returns false with the
 * reason in SDL_GetError(). */
bool ui_png_write_screen(SDL_Renderer *r, int w, int h, const char *path);

#endif
