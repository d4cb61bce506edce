/* ui_theme.c — the two palettes. */
#include "ui_theme.h"

#include <math.h>

/* Okabe & Ito: orange E69F00, sky blue 56B4E9, bluish green 009E73,
 * yellow F0E442, blue 0072B2, vermillion D55E00, reddish purple CC79A7. */
static const ui_theme ui_theme_default = {
    .name = "default",
    .bg = {0xEC, 0xEE, 0xF1, 0xFF},
    .panel = {0xFF, 0xFF, 0xFF, 0xFF},
    .panel_border = {0x8A, 0x93, 0x9E, 0xFF},
    .text = {0x14, 0x18, 0x1F, 0xFF},
    .muted = {0x3C, 0x45, 0x52, 0xFF},
    .accent = {0x00, 0x5A, 0x8E, 0xFF},
    .accent_text = {0xFF, 0xFF, 0xFF, 0xFF},
    .focus_bg = {0xDC, 0xEC, 0xF8, 0xFF},
    .good = {0x00, 0x72, 0xB2, 0xFF},
    .bad = {0xD5, 0x5E, 0x00, 0xFF},
    .warn = {0xE6, 0x9F, 0x00, 0xFF},
    .track = {0xD3, 0xD8, 0xDE, 0xFF},
    .shade = {0x10, 0x14, 0x1A, 0xB0},
    .chart_band = {{0xF6, 0xD5, 0xBF, 0xFF},
                   {0xFA, 0xE6, 0xC4, 0xFF},
                   {0xF7, 0xF2, 0xC9, 0xFF},
                   {0xD6, 0xEC, 0xF7, 0xFF},
                   {0xC2, 0xDD, 0xEE, 0xFF}},
    .border_scale = 1,
};

static const ui_theme ui_theme_high_contrast = {
    .name = "high contrast",
    .bg = {0x00, 0x00, 0x00, 0xFF},
    .panel = {0x00, 0x00, 0x00, 0xFF},
    .panel_border = {0xFF, 0xFF, 0xFF, 0xFF},
    .text = {0xFF, 0xFF, 0xFF, 0xFF},
    .muted = {0xFF, 0xFF, 0xFF, 0xFF},
    .accent = {0xFF, 0xE0, 0x00, 0xFF},
    .accent_text = {0x00, 0x00, 0x00, 0xFF},
    .focus_bg = {0x00, 0x3A, 0x4A, 0xFF},
    .good = {0x00, 0xE5, 0xFF, 0xFF},
    .bad = {0xFF, 0xE0, 0x00, 0xFF},
    .warn = {0xFF, 0xE0, 0x00, 0xFF},
    .track = {0x40, 0x40, 0x40, 0xFF},
    .shade = {0x00, 0x00, 0x00, 0xD8},
    .chart_band = {{0x00, 0x00, 0x00, 0xFF},
                   {0x1A, 0x1A, 0x1A, 0xFF},
                   {0x00, 0x00, 0x00, 0xFF},
                   {0x1A, 0x1A, 0x1A, 0xFF},
                   {0x00, 0x00, 0x00, 0xFF}},
    .border_scale = 2,
};

/* The projector: white, black and a deep blue; pale yellow under the
 * focused card. Bars and stripes use the darker Okabe & Ito blue and
 * vermillion. */
static const ui_theme ui_theme_projector_table = {
    .name = "projector",
    .bg = {0xFF, 0xFF, 0xFF, 0xFF},
    .panel = {0xFF, 0xFF, 0xFF, 0xFF},
    .panel_border = {0x00, 0x00, 0x00, 0xFF},
    .text = {0x00, 0x00, 0x00, 0xFF},
    .muted = {0x26, 0x26, 0x26, 0xFF},
    .accent = {0x00, 0x3A, 0x80, 0xFF},
    .accent_text = {0xFF, 0xFF, 0xFF, 0xFF},
    .focus_bg = {0xFF, 0xF0, 0xA8, 0xFF},
    .good = {0x00, 0x5A, 0xA0, 0xFF},
    .bad = {0xB0, 0x3C, 0x00, 0xFF},
    .warn = {0x8A, 0x4B, 0x00, 0xFF},
    .track = {0xD8, 0xD8, 0xD8, 0xFF},
    .shade = {0x00, 0x00, 0x00, 0xC0},
    .chart_band = {{0xF6, 0xD5, 0xBF, 0xFF},
                   {0xFA, 0xE6, 0xC4, 0xFF},
                   {0xF7, 0xF2, 0xC9, 0xFF},
                   {0xD6, 0xEC, 0xF7, 0xFF},
                   {0xC2, 0xDD, 0xEE, 0xFF}},
    .border_scale = 2,
};

const ui_theme *ui_theme_projector(void) { return &ui_theme_projector_table; }

size_t ui_theme_text_pairs(const ui_theme *theme, SDL_Color *fg, SDL_Color *bg,
                           size_t max)
{
    const SDL_Color pairs[][2] = {
        {theme->text, theme->bg},           {theme->text, theme->panel},
        {theme->text, theme->focus_bg},     {theme->muted, theme->bg},
        {theme->muted, theme->panel},       {theme->muted, theme->focus_bg},
        {theme->accent_text, theme->accent}};
    size_t n = sizeof pairs / sizeof pairs[0];
    for (size_t i = 0; i < n && i < max; i++) {
        fg[i] = pairs[i][0];
        bg[i] = pairs[i][1];
    }
    return n < max ? n : max;
}

static double ui_theme_linear(Uint8 v)
{
    double c = (double)v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double ui_theme_contrast(SDL_Color a, SDL_Color b)
{
    double la = 0.2126 * ui_theme_linear(a.r) + 0.7152 * ui_theme_linear(a.g) +
                0.0722 * ui_theme_linear(a.b);
    double lb = 0.2126 * ui_theme_linear(b.r) + 0.7152 * ui_theme_linear(b.g) +
                0.0722 * ui_theme_linear(b.b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

const ui_theme *ui_theme_get(bool high_contrast)
{
    return high_contrast ? &ui_theme_high_contrast : &ui_theme_default;
}

static Uint8 ui_theme_mix(Uint8 a, Uint8 b, int t, int range)
{
    return (Uint8)(a + (b - a) * t / range);
}

SDL_Color ui_theme_mood_colour(const ui_theme *theme, int mood)
{
    if (mood < 0) {
        mood = 0;
    }
    if (mood > 100) {
        mood = 100;
    }
    /* vermillion -> orange -> sky blue -> blue */
    static const SDL_Color stops[] = {{0xD5, 0x5E, 0x00, 0xFF},
                                      {0xE6, 0x9F, 0x00, 0xFF},
                                      {0x56, 0xB4, 0xE9, 0xFF},
                                      {0x00, 0x72, 0xB2, 0xFF}};
    if (theme->border_scale > 1) {
        return theme->accent;
    }
    int seg = mood * 3 / 100;
    if (seg > 2) {
        seg = 2;
    }
    int t = mood * 3 - seg * 100;
    SDL_Color c = {ui_theme_mix(stops[seg].r, stops[seg + 1].r, t, 100),
                   ui_theme_mix(stops[seg].g, stops[seg + 1].g, t, 100),
                   ui_theme_mix(stops[seg].b, stops[seg + 1].b, t, 100), 0xFF};
    return c;
}
