/* ui_mirror.c — the interface mirrored right to left (see ui_mirror.h). */
#include "ui_mirror.h"

#include "lang.h"
#include "ui_draw.h"

void ui_mirror_begin_frame(ui_app *app)
{
    app->mirrored = lang_rtl();
    ui_draw_set_mirror(app->renderer, app->mirrored ? app->lay.w : 0);
}

bool ui_mirror_on(const ui_app *app) { return app->mirrored; }

int ui_mirror_x(const ui_app *app, int x)
{
    return app->mirrored ? app->lay.w - 1 - x : x;
}

bool ui_mirror_start_right(const ui_app *app, bool text_rtl)
{
    return text_rtl != app->mirrored;
}
