/* ui_portrait.c — a face from ellipses, curves and convex polygons. */
#include "ui_portrait.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ui_draw.h"

#define UI_PORTRAIT_PI 3.14159265f

/* Skin tones 1 (lightest) to 6 (darkest). */
static const SDL_Color ui_portrait_skin[6] = {
    {0xF6, 0xD9, 0xC6, 0xFF}, {0xEB, 0xC1, 0x9E, 0xFF},
    {0xD4, 0x9E, 0x78, 0xFF}, {0xB0, 0x79, 0x52, 0xFF},
    {0x8A, 0x58, 0x38, 0xFF}, {0x5E, 0x3B, 0x26, 0xFF}};
/* In the order of scenario_hair_colour_name(). */
static const SDL_Color ui_portrait_hair_colour[6] = {
    {0x22, 0x1C, 0x19, 0xFF}, {0x5A, 0x3A, 0x22, 0xFF},
    {0x93, 0x42, 0x22, 0xFF}, {0xD8, 0xB5, 0x6B, 0xFF},
    {0x9C, 0x9C, 0x9C, 0xFF}, {0xE6, 0xE6, 0xE2, 0xFF}};
/* Clothes and backdrop, picked per customer. */
static const SDL_Color ui_portrait_shirt[6] = {
    {0x2F, 0x5D, 0x8A, 0xFF}, {0x6B, 0x4C, 0x8A, 0xFF},
    {0x2E, 0x7D, 0x6B, 0xFF}, {0x8A, 0x3B, 0x4E, 0xFF},
    {0x4A, 0x55, 0x60, 0xFF}, {0xB0, 0x6A, 0x1E, 0xFF}};
static const SDL_Color ui_portrait_backdrop[4] = {{0xDD, 0xE7, 0xF0, 0xFF},
                                                  {0xE8, 0xE2, 0xD6, 0xFF},
                                                  {0xDC, 0xEB, 0xE3, 0xFF},
                                                  {0xEA, 0xDF, 0xE8, 0xFF}};

enum { UI_HAIR_SHORT, UI_HAIR_LONG, UI_HAIR_CURLY, UI_HAIR_BUN, UI_HAIR_BALD };

/* How a face shows an expression. */
typedef struct {
    float brow_tilt;  /* + inner ends up (worry), - inner ends down (anger) */
    float brow_raise; /* + both brows higher */
    float brow_skew;  /* + right brow higher than the left (puzzled) */
    float eye_open;   /* 0.3 squint .. 1.1 wide */
    int eyes_closed;  /* 1: closed in content arcs */
    float smile;      /* -1 frown .. +1 big smile */
    float open;       /* 0 closed .. 1 wide open */
    float slant;      /* mouth tilt, + right side higher */
    float flush;      /* 0..1 red cheeks */
    int sweat;        /* 1: a drop of sweat (worry) */
} ui_portrait_face;

static ui_portrait_face ui_portrait_face_for(scenario_expression e)
{
    ui_portrait_face f = {0.0f,  0.0f, 0.0f, 1.0f, 0,
                          0.15f, 0.0f, 0.0f, 0.0f, 0};
    switch (e) {
    case SCENARIO_EXPR_FURIOUS:
        f.brow_tilt = -1.0f;
        f.eye_open = 0.55f;
        f.smile = -0.8f;
        f.open = 0.9f;
        f.flush = 0.9f;
        break;
    case SCENARIO_EXPR_IRATE:
        f.brow_tilt = -0.75f;
        f.eye_open = 0.7f;
        f.smile = -0.7f;
        f.open = 0.35f;
        f.flush = 0.5f;
        break;
    case SCENARIO_EXPR_ANNOYED:
        f.brow_tilt = -0.4f;
        f.eye_open = 0.75f;
        f.smile = -0.35f;
        f.slant = -0.25f;
        break;
    case SCENARIO_EXPR_WORRIED:
        f.brow_tilt = 0.8f;
        f.brow_raise = 0.3f;
        f.eye_open = 1.05f;
        f.smile = -0.4f;
        f.open = 0.15f;
        f.sweat = 1;
        break;
    case SCENARIO_EXPR_CONFUSED:
        f.brow_skew = 1.0f;
        f.eye_open = 0.95f;
        f.smile = -0.1f;
        f.slant = 0.5f;
        break;
    case SCENARIO_EXPR_SAD:
        f.brow_tilt = 0.7f;
        f.eye_open = 0.6f;
        f.smile = -0.75f;
        break;
    case SCENARIO_EXPR_RELIEVED:
        f.brow_tilt = 0.25f;
        f.brow_raise = 0.2f;
        f.eyes_closed = 1;
        f.smile = 0.55f;
        break;
    case SCENARIO_EXPR_HAPPY:
        f.brow_raise = 0.35f;
        f.eye_open = 0.9f;
        f.smile = 1.0f;
        f.open = 0.55f;
        f.flush = 0.25f;
        break;
    case SCENARIO_EXPR_CALM:
    case SCENARIO_EXPR_AUTO:
    case SCENARIO_EXPR_COUNT:
        break;
    }
    return f;
}

static uint32_t ui_portrait_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;
         p++) {
        h = (h ^ *p) * 16777619u;
    }
    return h;
}

static SDL_Color ui_portrait_shade(SDL_Color c, int percent)
{
    SDL_Color out = {(Uint8)(c.r * percent / 100),
                     (Uint8)(c.g * percent / 100),
                     (Uint8)(c.b * percent / 100), c.a};
    return out;
}

/* Drawing in unit coordinates of the box. */
typedef struct {
    SDL_Renderer *r;
    float x;
    float y;
    float s;
} ui_portrait_pen;

static SDL_FPoint ui_portrait_at(const ui_portrait_pen *p, float u, float v)
{
    SDL_FPoint pt = {p->x + u * p->s, p->y + v * p->s};
    return pt;
}

static void ui_portrait_ellipse(const ui_portrait_pen *p, float u, float v,
                                float ru, float rv, SDL_Color c)
{
    ui_draw_ellipse(p->r, p->x + u * p->s, p->y + v * p->s, ru * p->s,
                    rv * p->s, c);
}

static void ui_portrait_curve(const ui_portrait_pen *p, float u0, float v0,
                              float u1, float v1, float u2, float v2,
                              float thick, SDL_Color c)
{
    ui_draw_curve(p->r, ui_portrait_at(p, u0, v0), ui_portrait_at(p, u1, v1),
                  ui_portrait_at(p, u2, v2), thick * p->s, c);
}

/* Convex shape: a straight edge from (u0,v) to (u1,v) closed by a curve
 * bulging to v + bulge (used for open mouths). */
static void ui_portrait_bulge(const ui_portrait_pen *p, float u0, float u1,
                              float v, float bulge, SDL_Color c)
{
    enum { STEPS = 24 };
    SDL_FPoint pts[STEPS + 1];
    for (int i = 0; i <= STEPS; i++) {
        float t = (float)i / (float)STEPS;
        float u = u0 + (u1 - u0) * t;
        float dv = 4.0f * t * (1.0f - t) * bulge;
        pts[i] = ui_portrait_at(p, u, v + dv);
    }
    ui_draw_convex(p->r, pts, STEPS + 1, c);
}

static void ui_portrait_hair_back(const ui_portrait_pen *p, int style,
                                  SDL_Color hair)
{
    if (style == UI_HAIR_LONG) {
        ui_portrait_ellipse(p, 0.5f, 0.46f, 0.29f, 0.31f, hair);
        SDL_FPoint pts[4] = {
            ui_portrait_at(p, 0.21f, 0.46f), ui_portrait_at(p, 0.79f, 0.46f),
            ui_portrait_at(p, 0.81f, 0.84f), ui_portrait_at(p, 0.19f, 0.84f)};
        ui_draw_convex(p->r, pts, 4, hair);
    } else if (style == UI_HAIR_BUN) {
        ui_portrait_ellipse(p, 0.5f, 0.15f, 0.11f, 0.09f, hair);
    } else if (style == UI_HAIR_CURLY) {
        static const float puffs[][3] = {
            {0.27f, 0.44f, 0.08f}, {0.73f, 0.44f, 0.08f},
            {0.26f, 0.33f, 0.09f}, {0.74f, 0.33f, 0.09f},
            {0.31f, 0.22f, 0.10f}, {0.69f, 0.22f, 0.10f},
            {0.41f, 0.16f, 0.10f}, {0.59f, 0.16f, 0.10f},
            {0.5f, 0.14f, 0.10f},  {0.28f, 0.54f, 0.06f},
            {0.72f, 0.54f, 0.06f}};
        for (size_t i = 0; i < sizeof puffs / sizeof puffs[0]; i++) {
            ui_portrait_ellipse(p, puffs[i][0], puffs[i][1], puffs[i][2],
                                puffs[i][2], hair);
        }
    }
}

static void ui_portrait_hair_front(const ui_portrait_pen *p, int style,
                                   SDL_Color hair)
{
    const float top = UI_PORTRAIT_PI;
    const float end = 2.0f * UI_PORTRAIT_PI;
    switch (style) {
    case UI_HAIR_SHORT:
        ui_draw_pie(p->r, p->x + 0.5f * p->s, p->y + 0.35f * p->s,
                    0.235f * p->s, 0.17f * p->s, top, end, hair);
        ui_portrait_ellipse(p, 0.285f, 0.37f, 0.035f, 0.07f, hair);
        ui_portrait_ellipse(p, 0.715f, 0.37f, 0.035f, 0.07f, hair);
        break;
    case UI_HAIR_LONG:
        ui_draw_pie(p->r, p->x + 0.5f * p->s, p->y + 0.36f * p->s,
                    0.24f * p->s, 0.18f * p->s, top, end, hair);
        ui_portrait_ellipse(p, 0.29f, 0.45f, 0.04f, 0.14f, hair);
        ui_portrait_ellipse(p, 0.71f, 0.45f, 0.04f, 0.14f, hair);
        break;
    case UI_HAIR_CURLY:
        for (int i = 0; i < 7; i++) {
            float u = 0.32f + 0.06f * (float)i;
            ui_portrait_ellipse(p, u, 0.25f + (i % 2 ? 0.01f : 0.0f), 0.05f,
                                0.05f, hair);
        }
        break;
    case UI_HAIR_BUN:
        ui_draw_pie(p->r, p->x + 0.5f * p->s, p->y + 0.33f * p->s,
                    0.225f * p->s, 0.14f * p->s, top, end, hair);
        break;
    case UI_HAIR_BALD:
    default:
        ui_portrait_ellipse(p, 0.275f, 0.42f, 0.025f, 0.06f, hair);
        ui_portrait_ellipse(p, 0.725f, 0.42f, 0.025f, 0.06f, hair);
        break;
    }
}

static void ui_portrait_eyes(const ui_portrait_pen *p,
                             const ui_portrait_face *f, SDL_Color ink)
{
    SDL_Color white = {0xFA, 0xFA, 0xF7, 0xFF};
    SDL_Color iris = {0x3B, 0x2A, 0x20, 0xFF};
    for (int side = -1; side <= 1; side += 2) {
        float u = 0.5f + 0.09f * (float)side;
        float v = 0.455f;
        if (f->eyes_closed) {
            ui_portrait_curve(p, u - 0.04f, v, u, v - 0.03f, u + 0.04f, v,
                              0.012f, ink);
            continue;
        }
        float h = 0.028f * f->eye_open;
        ui_portrait_ellipse(p, u, v, 0.042f, h, white);
        float ir = h < 0.022f ? h : 0.022f;
        ui_portrait_ellipse(p, u, v, ir, ir, iris);
        ui_portrait_ellipse(p, u + 0.006f, v - 0.006f, ir * 0.3f, ir * 0.3f,
                            white);
        /* Upper lid line */
        ui_portrait_curve(p, u - 0.045f, v, u, v - 2.1f * h, u + 0.045f, v,
                          0.008f, ink);
    }
}

static void ui_portrait_brows(const ui_portrait_pen *p,
                              const ui_portrait_face *f, SDL_Color hair)
{
    for (int side = -1; side <= 1; side += 2) {
        float base = 0.395f - 0.03f * f->brow_raise +
                     (side > 0 ? -0.025f : 0.0f) * f->brow_skew;
        float inner_v = base - 0.03f * f->brow_tilt;
        float outer_v = base + 0.012f * f->brow_tilt;
        float inner_u = 0.5f + 0.035f * (float)side;
        float outer_u = 0.5f + 0.135f * (float)side;
        float mid_u = (inner_u + outer_u) / 2.0f;
        float mid_v = (inner_v + outer_v) / 2.0f - 0.012f;
        ui_portrait_curve(p, inner_u, inner_v, mid_u, mid_v, outer_u, outer_v,
                          0.02f, hair);
    }
}

static void ui_portrait_mouth(const ui_portrait_pen *p,
                              const ui_portrait_face *f, SDL_Color ink)
{
    float v = 0.615f;
    float half = 0.06f + 0.015f * (f->smile > 0.0f ? f->smile : 0.0f);
    float lv = v + 0.012f * f->slant;
    float rv = v - 0.012f * f->slant;
    if (f->open > 0.05f) {
        SDL_Color dark = {0x4A, 0x1E, 0x1E, 0xFF};
        SDL_Color teeth = {0xF4, 0xF2, 0xEC, 0xFF};
        if (f->smile >= 0.0f) {
            /* Open smile: flat top, round bottom. */
            float depth = 0.03f + 0.05f * f->open;
            ui_portrait_bulge(p, 0.5f - half, 0.5f + half, v - 0.01f, depth,
                              dark);
            ui_portrait_bulge(p, 0.5f - half * 0.8f, 0.5f + half * 0.8f,
                              v - 0.01f, depth * 0.35f, teeth);
        } else {
            /* Shouting: round top, flat bottom. */
            float height = 0.025f + 0.05f * f->open;
            ui_portrait_bulge(p, 0.5f - half * 0.85f, 0.5f + half * 0.85f,
                              v + 0.025f, -height, dark);
            ui_portrait_bulge(p, 0.5f - half * 0.6f, 0.5f + half * 0.6f,
                              v + 0.025f - height * 0.72f, height * 0.22f,
                              teeth);
        }
        return;
    }
    float mid = (lv + rv) / 2.0f + 0.05f * f->smile;
    ui_portrait_curve(p, 0.5f - half, lv - 0.01f * f->smile, 0.5f, mid,
                      0.5f + half, rv - 0.01f * f->smile, 0.014f, ink);
}

/* The face's outline below the cheekbones, sideburns and a moustache,
 * with the lips left clear. */
static void ui_portrait_beard(const ui_portrait_pen *p, SDL_Color hair,
                              SDL_Color skin)
{
    enum { STEPS = 40 };
    SDL_FPoint pts[STEPS + 1];
    int n = 0;
    const float cy = 0.47f;
    const float top = 0.545f;
    for (int i = 0; i <= STEPS; i++) {
        float a = UI_PORTRAIT_PI * (float)i / (float)STEPS;
        float u = 0.5f + 0.224f * cosf(a);
        float v = cy + 0.285f * sinf(a);
        if (v >= top) {
            pts[n++] = ui_portrait_at(p, u, v);
        }
    }
    ui_draw_convex(p->r, pts, n, hair);
    ui_portrait_ellipse(p, 0.292f, 0.52f, 0.02f, 0.07f, hair);
    ui_portrait_ellipse(p, 0.708f, 0.52f, 0.02f, 0.07f, hair);
    ui_portrait_ellipse(p, 0.5f, 0.625f, 0.075f, 0.04f, skin);
    ui_portrait_ellipse(p, 0.5f, 0.578f, 0.085f, 0.022f, hair);
}

static int ui_portrait_pick(int authored, int count, uint32_t h, int shift)
{
    if (authored >= 0 && authored < count) {
        return authored;
    }
    return (int)((h >> shift) % (uint32_t)count);
}

void ui_portrait_draw(SDL_Renderer *r, SDL_Rect box,
                      const scenario_customer *customer,
                      scenario_expression expression, const ui_theme *theme)
{
    uint32_t h = ui_portrait_hash(customer ? customer->name : NULL);
    scenario_look look = {0, -1, -1, -1, -1};
    if (customer) {
        look = customer->look;
    }
    int skin =
        look.skin >= 1 && look.skin <= 6 ? look.skin - 1 : (int)(h % 6u);
    int style = ui_portrait_pick(look.hair, 5, h, 3);
    int colour = ui_portrait_pick(look.hair_colour, 6, h, 7);
    int glasses =
        look.glasses >= 0 ? look.glasses : (int)((h >> 11) % 4u == 0);
    int beard = look.beard >= 0 ? look.beard : 0;
    SDL_Color skin_c = ui_portrait_skin[skin];
    SDL_Color skin_dark = ui_portrait_shade(skin_c, 78);
    SDL_Color hair_c = ui_portrait_hair_colour[colour];
    SDL_Color ink = ui_portrait_shade(skin_c, 40);
    SDL_Color shirt = ui_portrait_shirt[(h >> 13) % 6u];
    SDL_Color backdrop = ui_portrait_backdrop[(h >> 17) % 4u];
    if (theme->border_scale > 1) {
        backdrop = theme->panel;
    }
    ui_portrait_face f = ui_portrait_face_for(expression);

    ui_portrait_pen p = {r, (float)box.x, (float)box.y, (float)box.w};
    int radius = box.w / 14;
    ui_draw_round_rect(r, box, radius, backdrop);
    SDL_Rect clip_old;
    SDL_RenderGetClipRect(r, &clip_old);
    bool had_clip = SDL_RenderIsClipEnabled(r);
    ui_draw_clip(r, &box);

    /* Body and neck */
    ui_portrait_ellipse(&p, 0.5f, 1.06f, 0.40f, 0.26f, shirt);
    SDL_FPoint neck[4] = {
        ui_portrait_at(&p, 0.44f, 0.66f), ui_portrait_at(&p, 0.56f, 0.66f),
        ui_portrait_at(&p, 0.57f, 0.84f), ui_portrait_at(&p, 0.43f, 0.84f)};
    ui_draw_convex(r, neck, 4, skin_dark);
    ui_portrait_ellipse(&p, 0.5f, 0.835f, 0.075f, 0.035f, skin_dark);

    ui_portrait_hair_back(&p, style, hair_c);
    /* Ears, head */
    ui_portrait_ellipse(&p, 0.275f, 0.48f, 0.035f, 0.055f, skin_dark);
    ui_portrait_ellipse(&p, 0.725f, 0.48f, 0.035f, 0.055f, skin_dark);
    ui_portrait_ellipse(&p, 0.5f, 0.47f, 0.228f, 0.283f, skin_dark);
    ui_portrait_ellipse(&p, 0.5f, 0.47f, 0.22f, 0.275f, skin_c);
    if (beard) {
        ui_portrait_beard(&p, hair_c, skin_c);
    }
    ui_portrait_hair_front(&p, style, hair_c);

    if (f.flush > 0.0f) {
        SDL_Color blush = {0xE0, 0x3C, 0x3C, (Uint8)(110.0f * f.flush)};
        ui_portrait_ellipse(&p, 0.37f, 0.565f, 0.05f, 0.03f, blush);
        ui_portrait_ellipse(&p, 0.63f, 0.565f, 0.05f, 0.03f, blush);
    }
    ui_portrait_eyes(&p, &f, ink);
    ui_portrait_brows(&p, &f,
                      ui_portrait_shade(hair_c, colour >= 3 ? 70 : 100));
    /* Nose */
    ui_portrait_curve(&p, 0.505f, 0.47f, 0.485f, 0.54f, 0.52f, 0.545f, 0.011f,
                      skin_dark);
    ui_portrait_mouth(&p, &f, ink);
    if (glasses) {
        SDL_Color frame = {0x20, 0x20, 0x24, 0xFF};
        ui_draw_ring(r, p.x + 0.41f * p.s, p.y + 0.455f * p.s, 0.065f * p.s,
                     0.05f * p.s, 0.011f * p.s, frame);
        ui_draw_ring(r, p.x + 0.59f * p.s, p.y + 0.455f * p.s, 0.065f * p.s,
                     0.05f * p.s, 0.011f * p.s, frame);
        ui_portrait_curve(&p, 0.475f, 0.45f, 0.5f, 0.44f, 0.525f, 0.45f, 0.01f,
                          frame);
    }
    if (f.sweat) {
        SDL_Color drop = {0x56, 0xB4, 0xE9, 0xE0};
        ui_portrait_ellipse(&p, 0.70f, 0.36f, 0.018f, 0.026f, drop);
        SDL_FPoint tip[3] = {ui_portrait_at(&p, 0.684f, 0.352f),
                             ui_portrait_at(&p, 0.716f, 0.352f),
                             ui_portrait_at(&p, 0.70f, 0.315f)};
        ui_draw_convex(r, tip, 3, drop);
    }
    SDL_RenderSetClipRect(r, had_clip ? &clip_old : NULL);
}

void ui_portrait_cache_clear(ui_portrait_cache *cache)
{
    if (cache->texture) {
        SDL_DestroyTexture(cache->texture);
    }
    memset(cache, 0, sizeof *cache);
}

void ui_portrait_cache_draw(ui_portrait_cache *cache, SDL_Renderer *r,
                            SDL_Rect box, const scenario_customer *customer,
                            scenario_expression expression,
                            const ui_theme *theme)
{
    if (box.w <= 0) {
        return;
    }
    bool same = cache->texture && cache->side == box.w &&
                cache->customer == customer &&
                cache->expression == expression && cache->theme == theme;
    if (!same) {
        ui_portrait_cache_clear(cache);
        if (!SDL_RenderTargetSupported(r)) {
            ui_portrait_draw(r, box, customer, expression, theme);
            return;
        }
        cache->texture =
            SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888,
                              SDL_TEXTUREACCESS_TARGET, box.w, box.w);
        if (!cache->texture) {
            ui_portrait_draw(r, box, customer, expression, theme);
            return;
        }
        /* Drawn over the page colour (where the portrait always sits),
         * so its soft edges need no blending when copied. */
        SDL_SetTextureBlendMode(cache->texture, SDL_BLENDMODE_NONE);
        SDL_Texture *old = SDL_GetRenderTarget(r);
        SDL_SetRenderTarget(r, cache->texture);
        SDL_SetRenderDrawColor(r, theme->bg.r, theme->bg.g, theme->bg.b, 0xFF);
        SDL_RenderClear(r);
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
        SDL_Rect at = {0, 0, box.w, box.w};
        ui_portrait_draw(r, at, customer, expression, theme);
        SDL_SetRenderTarget(r, old);
        cache->side = box.w;
        cache->customer = customer;
        cache->expression = expression;
        cache->theme = theme;
    }
    SDL_Rect on = ui_draw_place(r, box);
    SDL_RenderCopy(r, cache->texture, NULL, &on);
}
