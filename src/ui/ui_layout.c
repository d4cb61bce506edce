/* ui_layout.c — proportional layout helpers. */
#include "ui_layout.h"

#include <math.h>

static int ui_layout_at_least(int v, int lo) { return v < lo ? lo : v; }

void ui_layout_compute(ui_layout *l, int w, int h, double text_scale,
                       int border_scale)
{
    l->w = w;
    l->h = h;
    int by_width = w * 3 / 4;
    l->base = ui_layout_at_least(h < by_width ? h : by_width, 1);
    l->text_scale = text_scale > 0.0 ? text_scale : 1.0;
    l->margin = ui_layout_at_least(l->base / 48, 4);
    l->gap = ui_layout_at_least(l->base / 80, 3);
    l->pad = ui_layout_at_least(l->base / 64, 3);
    l->radius = ui_layout_at_least(l->base / 90, 2);
    l->border = ui_layout_at_least(l->base / 480, 1) * border_scale;
    l->px_min = (h + 39) / 40;
    l->px_fit = (int)lround((double)l->px_min * l->text_scale);
    if (l->px_fit < l->px_min) {
        l->px_fit = l->px_min;
    }
    l->px_small = ui_layout_px(l, 1.0 / 36.0);
    l->px_body = ui_layout_px(l, 1.0 / 29.0);
    l->px_speech = ui_layout_px(l, 1.0 / 25.0);
    l->px_title = ui_layout_px(l, 1.0 / 21.0);
    l->px_huge = ui_layout_px(l, 1.0 / 10.0);
}

void ui_layout_projector(ui_layout *l)
{
    l->px_min = (l->h + 27) / 28;
    l->px_fit = (int)lround((double)l->px_min * l->text_scale);
    if (l->px_fit < l->px_min) {
        l->px_fit = l->px_min;
    }
    l->border = ui_layout_at_least(l->base / 300, 2) *
                (l->border / ui_layout_at_least(l->base / 480, 1));
    l->px_small = ui_layout_px(l, 1.0 / 26.0);
    l->px_body = ui_layout_px(l, 1.0 / 21.0);
    l->px_speech = ui_layout_px(l, 1.0 / 18.0);
    l->px_title = ui_layout_px(l, 1.0 / 16.0);
    l->px_huge = ui_layout_px(l, 1.0 / 7.0);
}

int ui_layout_px(const ui_layout *l, double fraction)
{
    int px = (int)lround((double)l->base * fraction * l->text_scale);
    return px < l->px_min ? l->px_min : px;
}

SDL_Rect ui_layout_inset(SDL_Rect r, int by)
{
    SDL_Rect out = {r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by};
    if (out.w < 0) {
        out.w = 0;
    }
    if (out.h < 0) {
        out.h = 0;
    }
    return out;
}

SDL_Rect ui_layout_cut_top(SDL_Rect *r, int h, int gap)
{
    if (h > r->h) {
        h = r->h;
    }
    SDL_Rect out = {r->x, r->y, r->w, h};
    int used = h + gap > r->h ? r->h : h + gap;
    r->y += used;
    r->h -= used;
    return out;
}

SDL_Rect ui_layout_cut_bottom(SDL_Rect *r, int h, int gap)
{
    if (h > r->h) {
        h = r->h;
    }
    SDL_Rect out = {r->x, r->y + r->h - h, r->w, h};
    int used = h + gap > r->h ? r->h : h + gap;
    r->h -= used;
    return out;
}

SDL_Rect ui_layout_cut_left(SDL_Rect *r, int w, int gap)
{
    if (w > r->w) {
        w = r->w;
    }
    SDL_Rect out = {r->x, r->y, w, r->h};
    int used = w + gap > r->w ? r->w : w + gap;
    r->x += used;
    r->w -= used;
    return out;
}

SDL_Rect ui_layout_cut_right(SDL_Rect *r, int w, int gap)
{
    if (w > r->w) {
        w = r->w;
    }
    SDL_Rect out = {r->x + r->w - w, r->y, w, r->h};
    int used = w + gap > r->w ? r->w : w + gap;
    r->w -= used;
    return out;
}

bool ui_layout_contains(SDL_Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool ui_layout_inside(SDL_Rect r, SDL_Rect outer)
{
    return r.x >= outer.x && r.y >= outer.y &&
           r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h;
}

int ui_layout_fit_px(ui_text *t, const char *text, ui_text_style st, int max_h,
                     int px_lo, int px_hi)
{
    if (px_hi < px_lo) {
        px_hi = px_lo;
    }
    int best = px_lo;
    while (px_lo <= px_hi) {
        int mid = (px_lo + px_hi) / 2;
        st.px = mid;
        ui_text_size sz;
        if (ui_text_measure(t, text, &st, &sz) && sz.h <= max_h) {
            best = mid;
            px_lo = mid + 1;
        } else {
            px_hi = mid - 1;
        }
    }
    return best;
}
