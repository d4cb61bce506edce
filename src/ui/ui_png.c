/* ui_png.c — PNG screenshots through libpng. */
#include "ui_png.h"

#include <stdlib.h>
#include <string.h>

#include <png.h>

bool ui_png_write_screen(SDL_Renderer *r, int w, int h, const char *path)
{
    if (w <= 0 || h <= 0) {
        SDL_SetError("empty screen");
        return false;
    }
    int pitch = w * 3;
    unsigned char *pixels = malloc((size_t)pitch * (size_t)h);
    if (!pixels) {
        SDL_OutOfMemory();
        return false;
    }
    if (SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, pixels, pitch) !=
        0) {
        free(pixels);
        return false;
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)w;
    image.height = (png_uint_32)h;
    image.format = PNG_FORMAT_RGB;
    int ok = png_image_write_to_file(&image, path, 0, pixels, pitch, NULL);
    free(pixels);
    if (!ok) {
        SDL_SetError("cannot write %s: %s", path, image.message);
        png_image_free(&image);
        return false;
    }
    return true;
}
