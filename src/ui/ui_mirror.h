/* ui_mirror.h — the whole interface mirrored for a right-to-left
 * language (Arabic): the screens lay themselves out left to right as
 * always, and drawing maps every x to width - x (shapes, clips, where
 * each text goes; the glyphs themselves are never flipped, and text set
 * right to left is aligned to its box's right edge). So the title and
 * the bubbles sit on the right, the menu button and the scroll bars on
 * the left, buttons run from right to left and meters fill from the
 * right, on every screen at once. Input is mapped back the same way, so
 * hits and scroll areas stay in the screens' own coordinates.
 *
 * The mirror is on while the interface's language is written right to
 * left (lang_rtl), on every screen, classroom mode's included (its
 * window runs the same frame loop). ui_mirror_begin_frame decides it for
 * a frame; the renderer's window carries it (ui_draw_set_mirror) for
 * ui_draw and ui_text, which mirror nothing while drawing into a texture.
 */
#ifndef RAPPORT_UI_MIRROR_H
#define RAPPORT_UI_MIRROR_H

#include <stdbool.h>

#include "ui_internal.h"

/* Decides the mirror for the frame about to be drawn. */
void ui_mirror_begin_frame(ui_app *app);
/* Whether the last frame was (this frame is) mirrored. */
bool ui_mirror_on(const ui_app *app);
/* x on screen <-> x in the screens' layout (the same map both ways). */
int ui_mirror_x(const ui_app *app, int x);
/* Where a text whose direction is rtl puts its start (its number, its
 * bullet) in the screens' layout: at the right when the text's direction
 * differs from the interface's. */
bool ui_mirror_start_right(const ui_app *app, bool text_rtl);

#endif
