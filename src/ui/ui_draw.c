/* ui_draw.c — vector shapes over SDL_RenderGeometry. */
#include "ui_draw.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define UI_DRAW_PI 3.14159265358979f

#define UI_DRAW_MIRROR_KEY "rapport-mirror-width"

void ui_draw_set_mirror(SDL_Renderer *r, int width)
{
    SDL_Window *w = SDL_RenderGetWindow(r);
    if (w) {
        SDL_SetWindowData(w, UI_DRAW_MIRROR_KEY,
                          (void *)(intptr_t)(width > 0 ? width : 0));
    }
}

int ui_draw_mirror_w(SDL_Renderer *r)
{
    SDL_Window *w = SDL_RenderGetWindow(r);
    if (!w || SDL_GetRenderTarget(r)) {
        return 0;
    }
    return (int)(intptr_t)SDL_GetWindowData(w, UI_DRAW_MIRROR_KEY);
}

SDL_Rect ui_draw_place(SDL_Renderer *r, SDL_Rect rect)
{
    int m = ui_draw_mirror_w(r);
    if (m > 0) {
        rect.x = m - rect.x - rect.w;
    }
    return rect;
}

void ui_draw_clip(SDL_Renderer *r, const SDL_Rect *rect)
{
    if (!rect) {
        SDL_RenderSetClipRect(r, NULL);
        return;
    }
    SDL_Rect on = ui_draw_place(r, *rect);
    SDL_RenderSetClipRect(r, &on);
}

/* The vertices mirrored when the drawing is. */
static void ui_draw_flip(SDL_Renderer *r, SDL_Vertex *v, int n)
{
    int m = ui_draw_mirror_w(r);
    for (int i = 0; m > 0 && i < n; i++) {
        v[i].position.x = (float)m - v[i].position.x;
    }
}

void ui_draw_rect(SDL_Renderer *r, SDL_Rect rect, SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0) {
        return;
    }
    rect = ui_draw_place(r, rect);
    /* Opaque fills skip blending: the software renderer then copies
     * instead of blending every pixel. */
    if (c.a == 0xFF) {
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    }
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(r, &rect);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

void ui_draw_convex(SDL_Renderer *r, const SDL_FPoint *pts, int n, SDL_Color c)
{
    if (n < 3) {
        return;
    }
    if (n > UI_DRAW_MAX_POINTS) {
        n = UI_DRAW_MAX_POINTS;
    }
    SDL_Vertex v[2 * UI_DRAW_MAX_POINTS + 1];
    int idx[9 * UI_DRAW_MAX_POINTS];
    float cx = 0.0f;
    float cy = 0.0f;
    for (int i = 0; i < n; i++) {
        cx += pts[i].x;
        cy += pts[i].y;
    }
    cx /= (float)n;
    cy /= (float)n;
    /* Signed area tells the winding, so normals point outwards. */
    float area = 0.0f;
    for (int i = 0; i < n; i++) {
        const SDL_FPoint *a = &pts[i];
        const SDL_FPoint *b = &pts[(i + 1) % n];
        area += a->x * b->y - b->x * a->y;
    }
    float wind = area >= 0.0f ? 1.0f : -1.0f;
    SDL_Color clear = c;
    clear.a = 0;
    v[0].position.x = cx;
    v[0].position.y = cy;
    v[0].color = c;
    v[0].tex_coord.x = 0.0f;
    v[0].tex_coord.y = 0.0f;
    for (int i = 0; i < n; i++) {
        const SDL_FPoint *prev = &pts[(i + n - 1) % n];
        const SDL_FPoint *cur = &pts[i];
        const SDL_FPoint *next = &pts[(i + 1) % n];
        /* Outward normals of the two edges at this point, averaged. */
        float ex0 = cur->x - prev->x;
        float ey0 = cur->y - prev->y;
        float ex1 = next->x - cur->x;
        float ey1 = next->y - cur->y;
        float l0 = sqrtf(ex0 * ex0 + ey0 * ey0);
        float l1 = sqrtf(ex1 * ex1 + ey1 * ey1);
        float nx = 0.0f;
        float ny = 0.0f;
        if (l0 > 1e-4f) {
            nx += ey0 / l0;
            ny += -ex0 / l0;
        }
        if (l1 > 1e-4f) {
            nx += ey1 / l1;
            ny += -ex1 / l1;
        }
        float ln = sqrtf(nx * nx + ny * ny);
        if (ln > 1e-4f) {
            nx = nx / ln * wind;
            ny = ny / ln * wind;
        }
        SDL_Vertex *in = &v[1 + i];
        SDL_Vertex *out = &v[1 + n + i];
        in->position.x = cur->x - nx * 0.5f;
        in->position.y = cur->y - ny * 0.5f;
        in->color = c;
        in->tex_coord = v[0].tex_coord;
        out->position.x = cur->x + nx * 0.5f;
        out->position.y = cur->y + ny * 0.5f;
        out->color = clear;
        out->tex_coord = v[0].tex_coord;
    }
    /* The inside first (without blending when opaque), then the soft
     * edge, blended. */
    int k = 0;
    for (int i = 0; i < n; i++) {
        idx[k++] = 0;
        idx[k++] = 1 + i;
        idx[k++] = 1 + (i + 1) % n;
    }
    ui_draw_flip(r, v, 2 * n + 1);
    if (c.a == 0xFF) {
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    }
    SDL_RenderGeometry(r, NULL, v, 2 * n + 1, idx, k);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    k = 0;
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        idx[k++] = 1 + i;
        idx[k++] = 1 + n + i;
        idx[k++] = 1 + n + j;
        idx[k++] = 1 + i;
        idx[k++] = 1 + n + j;
        idx[k++] = 1 + j;
    }
    SDL_RenderGeometry(r, NULL, v, 2 * n + 1, idx, k);
}

static int ui_draw_segments(float radius)
{
    int n = (int)(sqrtf(radius > 0.0f ? radius : 0.0f) * 5.0f);
    if (n < 12) {
        n = 12;
    }
    if (n > UI_DRAW_MAX_POINTS - 2) {
        n = UI_DRAW_MAX_POINTS - 2;
    }
    return n;
}

void ui_draw_ellipse(SDL_Renderer *r, float cx, float cy, float rx, float ry,
                     SDL_Color c)
{
    if (rx <= 0.0f || ry <= 0.0f) {
        return;
    }
    int n = ui_draw_segments(rx > ry ? rx : ry);
    SDL_FPoint pts[UI_DRAW_MAX_POINTS];
    for (int i = 0; i < n; i++) {
        float a = 2.0f * UI_DRAW_PI * (float)i / (float)n;
        pts[i].x = cx + rx * cosf(a);
        pts[i].y = cy + ry * sinf(a);
    }
    ui_draw_convex(r, pts, n, c);
}

void ui_draw_pie(SDL_Renderer *r, float cx, float cy, float rx, float ry,
                 float a0, float a1, SDL_Color c)
{
    int n = ui_draw_segments(rx > ry ? rx : ry) / 2 + 2;
    SDL_FPoint pts[UI_DRAW_MAX_POINTS];
    pts[0].x = cx;
    pts[0].y = cy;
    for (int i = 0; i <= n; i++) {
        float a = a0 + (a1 - a0) * (float)i / (float)n;
        pts[1 + i].x = cx + rx * cosf(a);
        pts[1 + i].y = cy + ry * sinf(a);
    }
    ui_draw_convex(r, pts, n + 2, c);
}

/* A quarter disc from angle a0 (clockwise on screen), with a soft edge on
 * its arc only: its straight sides meet the rectangles of a rounded
 * rectangle. */
static void ui_draw_corner(SDL_Renderer *r, float cx, float cy, float rad,
                           float a0, SDL_Color c)
{
    enum { STEPS = 24 };
    int n = ui_draw_segments(rad) / 4 + 2;
    if (n > STEPS) {
        n = STEPS;
    }
    SDL_Vertex v[1 + 2 * (STEPS + 1)];
    int idx[9 * STEPS];
    SDL_Color clear = c;
    clear.a = 0;
    SDL_FPoint none = {0.0f, 0.0f};
    v[0].position.x = cx;
    v[0].position.y = cy;
    v[0].color = c;
    v[0].tex_coord = none;
    for (int i = 0; i <= n; i++) {
        float a = a0 + 0.5f * UI_DRAW_PI * (float)i / (float)n;
        float ca = cosf(a);
        float sa = sinf(a);
        SDL_Vertex *in = &v[1 + i];
        SDL_Vertex *out = &v[2 + n + i];
        in->position.x = cx + (rad - 0.5f) * ca;
        in->position.y = cy + (rad - 0.5f) * sa;
        in->color = c;
        in->tex_coord = none;
        out->position.x = cx + (rad + 0.5f) * ca;
        out->position.y = cy + (rad + 0.5f) * sa;
        out->color = clear;
        out->tex_coord = none;
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        idx[k++] = 0;
        idx[k++] = 1 + i;
        idx[k++] = 2 + i;
    }
    ui_draw_flip(r, v, 2 * (n + 1) + 1);
    if (c.a == 0xFF) {
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    }
    SDL_RenderGeometry(r, NULL, v, 2 * (n + 1) + 1, idx, k);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    k = 0;
    for (int i = 0; i < n; i++) {
        int in0 = 1 + i;
        int out0 = 2 + n + i;
        idx[k++] = in0;
        idx[k++] = out0;
        idx[k++] = out0 + 1;
        idx[k++] = in0;
        idx[k++] = out0 + 1;
        idx[k++] = in0 + 1;
    }
    SDL_RenderGeometry(r, NULL, v, 2 * (n + 1) + 1, idx, k);
}

void ui_draw_round_rect(SDL_Renderer *r, SDL_Rect rect, int radius,
                        SDL_Color c)
{
    if (rect.w <= 0 || rect.h <= 0) {
        return;
    }
    int max_r = (rect.w < rect.h ? rect.w : rect.h) / 2;
    if (radius > max_r) {
        radius = max_r;
    }
    if (radius <= 1) {
        ui_draw_rect(r, rect, c);
        return;
    }
    /* Plain rectangles for the bulk (fast in every renderer), quarter
     * discs for the corners. */
    /* They overlap the corners by a pixel so no seam shows. */
    SDL_Rect mid = {rect.x + radius - 1, rect.y, rect.w - 2 * radius + 2,
                    rect.h};
    SDL_Rect left = {rect.x, rect.y + radius - 1, radius,
                     rect.h - 2 * radius + 2};
    SDL_Rect right = {rect.x + rect.w - radius, rect.y + radius - 1, radius,
                      rect.h - 2 * radius + 2};
    ui_draw_rect(r, mid, c);
    ui_draw_rect(r, left, c);
    ui_draw_rect(r, right, c);
    float rad = (float)radius;
    float x0 = (float)rect.x + rad;
    float x1 = (float)(rect.x + rect.w) - rad;
    float y0 = (float)rect.y + rad;
    float y1 = (float)(rect.y + rect.h) - rad;
    ui_draw_corner(r, x1, y0, rad, -0.5f * UI_DRAW_PI, c);
    ui_draw_corner(r, x1, y1, rad, 0.0f, c);
    ui_draw_corner(r, x0, y1, rad, 0.5f * UI_DRAW_PI, c);
    ui_draw_corner(r, x0, y0, rad, UI_DRAW_PI, c);
}

void ui_draw_round_frame(SDL_Renderer *r, SDL_Rect rect, int radius,
                         int border, SDL_Color fill, SDL_Color outline)
{
    if (border <= 0) {
        ui_draw_round_rect(r, rect, radius, fill);
        return;
    }
    ui_draw_round_rect(r, rect, radius, outline);
    SDL_Rect inner = {rect.x + border, rect.y + border, rect.w - 2 * border,
                      rect.h - 2 * border};
    ui_draw_round_rect(r, inner, radius > border ? radius - border : 0, fill);
}

void ui_draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1,
                  float thickness, SDL_Color c)
{
    float rad = thickness / 2.0f;
    if (rad < 0.5f) {
        rad = 0.5f;
    }
    float dx = x1 - x0;
    float dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 1e-3f) {
        ui_draw_ellipse(r, x0, y0, rad, rad, c);
        return;
    }
    float base = atan2f(dy, dx);
    int per = ui_draw_segments(rad) / 2 + 1;
    SDL_FPoint pts[UI_DRAW_MAX_POINTS];
    int n = 0;
    /* Half circle around the end, then around the start. */
    for (int i = 0; i <= per; i++) {
        float a =
            base - UI_DRAW_PI / 2.0f + UI_DRAW_PI * (float)i / (float)per;
        pts[n].x = x1 + rad * cosf(a);
        pts[n].y = y1 + rad * sinf(a);
        n++;
    }
    for (int i = 0; i <= per; i++) {
        float a =
            base + UI_DRAW_PI / 2.0f + UI_DRAW_PI * (float)i / (float)per;
        pts[n].x = x0 + rad * cosf(a);
        pts[n].y = y0 + rad * sinf(a);
        n++;
    }
    ui_draw_convex(r, pts, n, c);
}

void ui_draw_polyline(SDL_Renderer *r, const SDL_FPoint *pts, int n,
                      float thickness, SDL_Color c)
{
    for (int i = 0; i + 1 < n; i++) {
        ui_draw_line(r, pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y,
                     thickness, c);
    }
}

void ui_draw_curve(SDL_Renderer *r, SDL_FPoint p0, SDL_FPoint p1,
                   SDL_FPoint p2, float thickness, SDL_Color c)
{
    enum { STEPS = 16 };
    SDL_FPoint pts[STEPS + 1];
    for (int i = 0; i <= STEPS; i++) {
        float t = (float)i / (float)STEPS;
        float u = 1.0f - t;
        pts[i].x = u * u * p0.x + 2.0f * u * t * p1.x + t * t * p2.x;
        pts[i].y = u * u * p0.y + 2.0f * u * t * p1.y + t * t * p2.y;
    }
    ui_draw_polyline(r, pts, STEPS + 1, thickness, c);
}

void ui_draw_ring(SDL_Renderer *r, float cx, float cy, float rx, float ry,
                  float thickness, SDL_Color c)
{
    enum { STEPS = 40 };
    SDL_FPoint pts[STEPS + 1];
    for (int i = 0; i <= STEPS; i++) {
        float a = 2.0f * UI_DRAW_PI * (float)i / (float)STEPS;
        pts[i].x = cx + rx * cosf(a);
        pts[i].y = cy + ry * sinf(a);
    }
    ui_draw_polyline(r, pts, STEPS + 1, thickness, c);
}

/* Whether the renderer is OpenGL emulated on the CPU (Mesa's llvmpipe or
 * softpipe on a machine without a GPU, or under Xvfb): SDL's own software
 * renderer then costs far less per frame. */
bool ui_draw_gl_is_emulated(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0 || !info.name ||
        strncmp(info.name, "opengl", 6) != 0 || !SDL_GL_GetCurrentContext()) {
        return false;
    }
    typedef const unsigned char *(*ui_draw_gl_string)(unsigned);
    void *proc = SDL_GL_GetProcAddress("glGetString");
    if (!proc) {
        return false;
    }
    ui_draw_gl_string get_string;
    memcpy(&get_string, &proc, sizeof get_string);
    const char *name = (const char *)get_string(0x1F01u); /* GL_RENDERER */
    return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") ||
                    strstr(name, "Software Rasterizer"));
}
