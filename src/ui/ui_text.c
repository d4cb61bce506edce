/* ui_text.c — the text cache: layouts from textlay measured with SDL_ttf,
 * one texture per (string, style) made run by run, counted
 * rasterisations. */
#include "ui_text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "font.h"
#include "reading.h"
#include "textlay.h"
#include "ui_draw.h"

#define UI_TEXT_BUCKETS 1024u
#define UI_TEXT_MAX_FONTS 32
/* Past this many entries, begin_frame evicts those unused for a frame. */
#define UI_TEXT_SOFT_LIMIT 1500u
/* Line heights are remembered for sizes below this. */
#define UI_TEXT_MAX_PX 1024

typedef struct ui_text_entry {
    struct ui_text_entry *next; /* bucket chain */
    uint32_t hash;
    char *text;
    ui_text_style st;
    ui_text_size size;
    textlay *lay;         /* points into text */
    SDL_Texture *texture; /* NULL until first drawn */
    /* Room in the texture above the first line and below the last for
     * fallback fonts that reach higher or lower than the bundled one
     * (Arabic's dots, Thai's marks); not part of the text's size. */
    int pad_top;
    int pad_bottom;
    unsigned long last_frame;
    /* The parts shown by the last ui_text_draw_words (per frame during a
     * reveal, so measured once per word). */
    size_t reveal_words;
    SDL_Rect *reveal_rects;
    size_t reveal_count;
} ui_text_entry;

/* A face opened at a size. Bitmap-only faces (colour emoji) open at their
 * own size; scale brings them to the text's. */
typedef struct {
    const font_face *face;
    int px;
    TTF_Font *font;
    double scale;
    unsigned long last_used;
} ui_text_font;

struct ui_text {
    SDL_Renderer *renderer;
    font_set *fonts;
    textlay_scratch *lay_scratch; /* textlay's memory, kept */
    void *data[2]; /* bundled font files in memory: regular, bold */
    size_t data_size[2];
    ui_text_font slots[UI_TEXT_MAX_FONTS];
    unsigned long font_clock;
    int line_height[2][UI_TEXT_MAX_PX]; /* 0 = not known yet */
    ui_text_entry *buckets[UI_TEXT_BUCKETS];
    size_t entry_count;
    unsigned long frame;
    unsigned long rasterised;
    ui_text_glyphs glyphs;
    char *scratch; /* NUL-terminated copies of pieces */
    size_t scratch_cap;
    int frame_min_px;
    unsigned long frame_draws;
    SDL_Rect frame_rects[UI_TEXT_MAX_RECTS];
    size_t frame_rect_count;
};

ui_text *ui_text_new(SDL_Renderer *renderer, const char *regular_path,
                     const char *bold_path)
{
    ui_text *t = calloc(1, sizeof *t);
    if (!t) {
        SDL_OutOfMemory();
        return NULL;
    }
    t->renderer = renderer;
    const char *paths[2] = {regular_path, bold_path};
    for (int i = 0; i < 2; i++) {
        t->data[i] = SDL_LoadFile(paths[i], &t->data_size[i]);
        if (!t->data[i]) {
            SDL_SetError("cannot read font %s", paths[i]);
            ui_text_free(t);
            return NULL;
        }
    }
    t->fonts = font_set_new(regular_path, bold_path);
    t->lay_scratch = textlay_scratch_new();
    if (!t->fonts || !t->lay_scratch || !font_set_primary(t->fonts, false) ||
        !font_set_primary(t->fonts, true)) {
        SDL_SetError("cannot read the characters of %s", regular_path);
        ui_text_free(t);
        return NULL;
    }
    /* Fail early if the files are not fonts. */
    if (ui_text_line_height(t, 16, false) <= 0 ||
        ui_text_line_height(t, 16, true) <= 0) {
        ui_text_free(t);
        return NULL;
    }
    return t;
}

static void ui_text_entry_free(ui_text_entry *e)
{
    if (!e) {
        return;
    }
    textlay_free(e->lay);
    if (e->texture) {
        SDL_DestroyTexture(e->texture);
    }
    free(e->reveal_rects);
    free(e->text);
    free(e);
}

void ui_text_clear(ui_text *t)
{
    if (!t) {
        return;
    }
    for (size_t b = 0; b < UI_TEXT_BUCKETS; b++) {
        ui_text_entry *e = t->buckets[b];
        while (e) {
            ui_text_entry *next = e->next;
            ui_text_entry_free(e);
            e = next;
        }
        t->buckets[b] = NULL;
    }
    t->entry_count = 0;
}

void ui_text_free(ui_text *t)
{
    if (!t) {
        return;
    }
    ui_text_clear(t);
    for (int i = 0; i < UI_TEXT_MAX_FONTS; i++) {
        if (t->slots[i].font) {
            TTF_CloseFont(t->slots[i].font);
        }
    }
    font_set_free(t->fonts);
    textlay_scratch_free(t->lay_scratch);
    SDL_free(t->data[0]);
    SDL_free(t->data[1]);
    free(t->scratch);
    free(t);
}

static TTF_Font *ui_text_open(ui_text *t, const font_face *face, int px)
{
    for (int b = 0; b < 2; b++) {
        if (face == font_set_primary(t->fonts, b != 0)) {
            SDL_RWops *rw =
                SDL_RWFromConstMem(t->data[b], (int)t->data_size[b]);
            return rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
        }
    }
    return TTF_OpenFontIndex(font_face_path(face), px, font_face_index(face));
}

/* A face at a size, opened on demand; the least recently used one is
 * closed when all slots are taken. */
static ui_text_font *ui_text_slot(ui_text *t, const font_face *face, int px)
{
    if (px < 1) {
        px = 1;
    }
    int empty = -1;
    int oldest = -1;
    for (int i = 0; i < UI_TEXT_MAX_FONTS; i++) {
        ui_text_font *f = &t->slots[i];
        if (f->font && f->px == px && f->face == face) {
            f->last_used = ++t->font_clock;
            return f;
        }
        if (!f->font && empty < 0) {
            empty = i;
        } else if (f->font &&
                   (oldest < 0 || f->last_used < t->slots[oldest].last_used)) {
            oldest = i;
        }
    }
    TTF_Font *font = ui_text_open(t, face, px);
    if (!font) {
        return NULL;
    }
    double scale = 1.0;
    if (!font_face_bundled(face)) {
        /* A bitmap font opens at its own size: scale it to the text's
         * height at this size. */
        ui_text_font *primary =
            ui_text_slot(t, font_set_primary(t->fonts, false), px);
        int want = primary ? TTF_FontHeight(primary->font) : px;
        int have = TTF_FontHeight(font);
        if (have > want * 3 / 2 && have > 0) {
            scale = (double)want / (double)have;
        }
        /* The primary may have taken the slot chosen above. */
        empty = -1;
        oldest = -1;
        for (int i = 0; i < UI_TEXT_MAX_FONTS; i++) {
            ui_text_font *f = &t->slots[i];
            if (!f->font && empty < 0) {
                empty = i;
            } else if (f->font &&
                       f->face != font_set_primary(t->fonts, false) &&
                       (oldest < 0 ||
                        f->last_used < t->slots[oldest].last_used)) {
                oldest = i;
            }
        }
    }
    int slot = empty >= 0 ? empty : oldest;
    ui_text_font *f = &t->slots[slot];
    if (f->font) {
        TTF_CloseFont(f->font);
    }
    f->font = font;
    f->face = face;
    f->px = px;
    f->scale = scale;
    f->last_used = ++t->font_clock;
    return f;
}

int ui_text_line_height(ui_text *t, int px, bool bold)
{
    bool known = px > 0 && px < UI_TEXT_MAX_PX;
    if (known && t->line_height[bold][px]) {
        return t->line_height[bold][px];
    }
    ui_text_font *f = ui_text_slot(t, font_set_primary(t->fonts, bold), px);
    int h = f ? TTF_FontLineSkip(f->font) : 0;
    if (known) {
        t->line_height[bold][px] = h;
    }
    return h;
}

void ui_text_set_lang(ui_text_style *st, const char *lang)
{
    memset(st->lang, 0, sizeof st->lang);
    if (lang) {
        snprintf(st->lang, sizeof st->lang, "%s", lang);
    }
    st->rtl = textlay_lang_rtl(lang);
}

static uint32_t ui_text_hash(const char *text, const ui_text_style *st)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h = (h ^ *p) * 16777619u;
    }
    const int fields[] = {
        st->px,         st->bold,
        st->wrap_w,     st->max_lines,
        (int)st->align, st->colour.r | st->colour.g << 8 | st->colour.b << 16,
        st->colour.a,   st->rtl};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        h = (h ^ (uint32_t)fields[i]) * 16777619u;
    }
    for (size_t i = 0; i < sizeof st->lang && st->lang[i]; i++) {
        h = (h ^ (unsigned char)st->lang[i]) * 16777619u;
    }
    return h;
}

static bool ui_text_same_style(const ui_text_style *a, const ui_text_style *b)
{
    return a->px == b->px && a->bold == b->bold && a->wrap_w == b->wrap_w &&
           a->max_lines == b->max_lines && a->align == b->align &&
           a->colour.r == b->colour.r && a->colour.g == b->colour.g &&
           a->colour.b == b->colour.b && a->colour.a == b->colour.a &&
           a->rtl == b->rtl && strncmp(a->lang, b->lang, sizeof a->lang) == 0;
}

/* The piece as a NUL-terminated string in the scratch buffer. */
static const char *ui_text_cstr(ui_text *t, const char *s, size_t len)
{
    if (len + 1 > t->scratch_cap) {
        size_t cap = (len + 1) * 2;
        char *p = realloc(t->scratch, cap);
        if (!p) {
            return NULL;
        }
        t->scratch = p;
        t->scratch_cap = cap;
    }
    memcpy(t->scratch, s, len);
    t->scratch[len] = '\0';
    return t->scratch;
}

/* The font of a piece at a size, set to its direction and script. */
static ui_text_font *ui_text_piece_font(ui_text *t, const textlay_piece *p,
                                        int px)
{
    ui_text_font *f = ui_text_slot(t, p->face, px);
    if (f) {
        TTF_SetFontDirection(f->font,
                             p->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
        TTF_SetFontScriptName(f->font, p->script);
    }
    return f;
}

typedef struct {
    ui_text *t;
    int px;
} ui_text_measurer;

static int ui_text_measure_piece(void *ctx, const textlay_piece *p)
{
    ui_text_measurer *m = ctx;
    ui_text_font *f = ui_text_piece_font(m->t, p, m->px);
    const char *s = ui_text_cstr(m->t, p->text, p->len);
    int w = 0;
    if (!f || !s || TTF_SizeUTF8(f->font, s, &w, NULL) != 0) {
        return 0;
    }
    return f->scale == 1.0 ? w : (int)(w * f->scale + 0.5);
}

/* The cache entry of a key, made (laid out, not rasterised) when missing. */
static ui_text_entry *ui_text_entry_get(ui_text *t, const char *text,
                                        const ui_text_style *st)
{
    uint32_t h = ui_text_hash(text, st);
    ui_text_entry **bucket = &t->buckets[h % UI_TEXT_BUCKETS];
    for (ui_text_entry *e = *bucket; e; e = e->next) {
        if (e->hash == h && ui_text_same_style(&e->st, st) &&
            strcmp(e->text, text) == 0) {
            e->last_frame = t->frame;
            return e;
        }
    }
    int skip = ui_text_line_height(t, st->px, st->bold);
    if (skip <= 0) {
        return NULL;
    }
    ui_text_entry *e = calloc(1, sizeof *e);
    if (!e) {
        return NULL;
    }
    e->hash = h;
    e->st = *st;
    e->st.lang[sizeof e->st.lang - 1] = '\0';
    e->text = strdup(text);
    ui_text_measurer m = {t, st->px};
    textlay_style ls = {st->wrap_w, st->max_lines, st->rtl, st->bold,
                        e->st.lang};
    e->lay = e->text ? textlay_new(t->fonts, e->text, &ls,
                                   ui_text_measure_piece, &m, t->lay_scratch)
                     : NULL;
    if (!e->lay) {
        ui_text_entry_free(e);
        return NULL;
    }
    size_t lines = textlay_line_count(e->lay);
    e->size.w = textlay_width(e->lay);
    e->size.h = (int)lines * skip;
    e->size.lines = (int)lines;
    e->size.truncated = textlay_truncated(e->lay);
    e->last_frame = t->frame;
    e->next = *bucket;
    *bucket = e;
    t->entry_count++;
    return e;
}

bool ui_text_measure(ui_text *t, const char *text, const ui_text_style *st,
                     ui_text_size *out)
{
    ui_text_size zero = {0, 0, 0, false};
    *out = zero;
    if (!text || !*text) {
        return true;
    }
    ui_text_entry *e = ui_text_entry_get(t, text, st);
    if (!e) {
        return false;
    }
    *out = e->size;
    return true;
}

/* Alignment as drawn: start and end swap in right-to-left text. */
static ui_text_align ui_text_visual_align(const ui_text_style *st)
{
    if (st->rtl && st->align != UI_TEXT_CENTRE) {
        return st->align == UI_TEXT_LEFT ? UI_TEXT_RIGHT : UI_TEXT_LEFT;
    }
    return st->align;
}

/* x of a line inside the entry's texture. */
static int ui_text_line_x(const ui_text_entry *e, const textlay_line *line)
{
    ui_text_align a = ui_text_visual_align(&e->st);
    if (a == UI_TEXT_CENTRE) {
        return (e->size.w - line->w) / 2;
    }
    return a == UI_TEXT_RIGHT ? e->size.w - line->w : 0;
}

/* Copies src onto dst at (x, y), keeping whichever pixel is more opaque:
 * runs of one colour side by side, whose edges may touch, join cleanly
 * (a plain copy of a run alone gives the same pixels). Both ARGB8888. */
static void ui_text_compose(SDL_Surface *src, SDL_Surface *dst, int x, int y)
{
    for (int sy = 0; sy < src->h; sy++) {
        int dy = y + sy;
        if (dy < 0 || dy >= dst->h) {
            continue;
        }
        const uint32_t *sp =
            (const uint32_t *)((const uint8_t *)src->pixels + sy * src->pitch);
        uint32_t *dp = (uint32_t *)((uint8_t *)dst->pixels + dy * dst->pitch);
        for (int sx = 0; sx < src->w; sx++) {
            int dx = x + sx;
            if (dx < 0 || dx >= dst->w) {
                continue;
            }
            if ((sp[sx] >> 24) >= (dp[dx] >> 24)) {
                dp[dx] = sp[sx];
            }
        }
    }
}

/* A bitmap font's render brought to the text's size: halved while it is
 * at least twice too big, then stretched (linear filtering). */
static SDL_Surface *ui_text_scale(SDL_Surface *src, double scale)
{
    int w = (int)(src->w * scale + 0.5);
    int h = (int)(src->h * scale + 0.5);
    if (w < 1 || h < 1) {
        SDL_FreeSurface(src);
        return NULL;
    }
    while (src && src->w >= 2 * w && src->h >= 2 * h) {
        SDL_Surface *half = SDL_CreateRGBSurfaceWithFormat(
            0, src->w / 2, src->h / 2, 32, SDL_PIXELFORMAT_ARGB8888);
        if (half && SDL_SoftStretchLinear(src, NULL, half, NULL) != 0) {
            SDL_FreeSurface(half);
            half = NULL;
        }
        SDL_FreeSurface(src);
        src = half;
    }
    if (!src) {
        return NULL;
    }
    SDL_Surface *out =
        SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (out && SDL_SoftStretchLinear(src, NULL, out, NULL) != 0) {
        SDL_FreeSurface(out);
        out = NULL;
    }
    SDL_FreeSurface(src);
    return out;
}

/* Draws one run onto the entry's surface, its baseline on the line's. */
static void ui_text_render_run(ui_text *t, const ui_text_entry *e,
                               const textlay_run *r, SDL_Surface *surface,
                               int x, int y, int ascent)
{
    ui_text_font *f = ui_text_piece_font(t, &r->piece, e->st.px);
    const char *s = ui_text_cstr(t, r->piece.text, r->piece.len);
    if (!f || !s) {
        return;
    }
    t->glyphs.runs++;
    if (!font_face_bundled(r->piece.face)) {
        t->glyphs.fallback_runs++;
    }
    for (size_t i = 0; s[i];) {
        Uint32 cp = 0;
        unsigned char c = (unsigned char)s[i];
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = n == 1 ? c : (Uint32)(c & (0x7F >> n));
        for (int k = 1; k < n && s[i + (size_t)k]; k++) {
            cp = cp << 6 | ((unsigned char)s[i + (size_t)k] & 0x3Fu);
        }
        i += (size_t)n;
        if (!font_invisible(cp) && !TTF_GlyphIsProvided32(f->font, cp)) {
            t->glyphs.notdef++;
        }
    }
    SDL_Surface *run = TTF_RenderUTF8_Blended(f->font, s, e->st.colour);
    if (!run) {
        return;
    }
    int run_ascent = TTF_FontAscent(f->font);
    if (f->scale != 1.0) {
        run = ui_text_scale(run, f->scale);
        run_ascent = (int)(run_ascent * f->scale + 0.5);
        if (!run) {
            return;
        }
    }
    ui_text_compose(run, surface, x, y + ascent - run_ascent);
    SDL_FreeSurface(run);
}

static bool ui_text_rasterise(ui_text *t, ui_text_entry *e)
{
    ui_text_font *primary =
        ui_text_slot(t, font_set_primary(t->fonts, e->st.bold), e->st.px);
    if (!primary || e->size.w <= 0 || e->size.h <= 0) {
        return false;
    }
    int skip = TTF_FontLineSkip(primary->font);
    int ascent = TTF_FontAscent(primary->font);
    /* How far the runs' fonts reach above and below a line. */
    e->pad_top = 0;
    e->pad_bottom = 0;
    size_t nruns = 0;
    for (size_t i = 0; i < textlay_line_count(e->lay); i++) {
        nruns += textlay_line_at(e->lay, i)->run_count;
    }
    for (size_t i = 0; i < nruns; i++) {
        ui_text_font *f =
            ui_text_slot(t, textlay_run_at(e->lay, i)->piece.face, e->st.px);
        if (!f) {
            continue;
        }
        int a = (int)(TTF_FontAscent(f->font) * f->scale + 0.5);
        int h = (int)(TTF_FontHeight(f->font) * f->scale + 0.5);
        if (a - ascent > e->pad_top) {
            e->pad_top = a - ascent;
        }
        if ((h - a) - (skip - ascent) > e->pad_bottom) {
            e->pad_bottom = (h - a) - (skip - ascent);
        }
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(
        0, e->size.w, e->pad_top + e->size.h + e->pad_bottom, 32,
        SDL_PIXELFORMAT_ARGB8888);
    if (!surface) {
        return false;
    }
    SDL_FillRect(surface, NULL, 0);
    for (size_t i = 0; i < textlay_line_count(e->lay); i++) {
        const textlay_line *line = textlay_line_at(e->lay, i);
        int lx = ui_text_line_x(e, line);
        for (size_t k = 0; k < line->run_count; k++) {
            const textlay_run *r = textlay_run_at(e->lay, line->run_first + k);
            ui_text_render_run(t, e, r, surface, lx + r->x,
                               e->pad_top + (int)i * skip, ascent);
        }
    }
    e->texture = SDL_CreateTextureFromSurface(t->renderer, surface);
    SDL_FreeSurface(surface);
    if (!e->texture) {
        return false;
    }
    SDL_SetTextureBlendMode(e->texture, SDL_BLENDMODE_BLEND);
    t->rasterised++;
    return true;
}

/* Where the entry's texture goes for a draw at (x, y). Mirrored
 * (ui_draw_set_mirror), the box is placed as the layout says with the
 * other alignment, then mirrored: a text aligned right sits at its
 * mirrored box's right edge. */
static SDL_Rect ui_text_place(const ui_text *t, const ui_text_entry *e, int x,
                              int y)
{
    SDL_Rect dst = {x, y, e->size.w, e->size.h};
    ui_text_align a = ui_text_visual_align(&e->st);
    int mirror = ui_draw_mirror_w(t->renderer);
    if (mirror > 0 && a != UI_TEXT_CENTRE) {
        a = a == UI_TEXT_LEFT ? UI_TEXT_RIGHT : UI_TEXT_LEFT;
    }
    if (e->st.wrap_w > 0) {
        if (a == UI_TEXT_CENTRE) {
            dst.x += (e->st.wrap_w - e->size.w) / 2;
        } else if (a == UI_TEXT_RIGHT) {
            dst.x += e->st.wrap_w - e->size.w;
        }
    } else if (a == UI_TEXT_CENTRE) {
        dst.x -= e->size.w / 2;
    } else if (a == UI_TEXT_RIGHT) {
        dst.x -= e->size.w;
    }
    return ui_draw_place(t->renderer, dst);
}

/* Notes what a draw showed, for the frame's statistics. */
static void ui_text_note(ui_text *t, SDL_Rect drawn, int px)
{
    SDL_Rect seen = drawn;
    if (SDL_RenderIsClipEnabled(t->renderer)) {
        SDL_Rect clip;
        SDL_RenderGetClipRect(t->renderer, &clip);
        if (!SDL_IntersectRect(&drawn, &clip, &seen)) {
            seen.w = 0;
        }
    }
    if (seen.w > 0 && t->frame_rect_count < UI_TEXT_MAX_RECTS) {
        t->frame_rects[t->frame_rect_count++] = seen;
    }
    if (t->frame_min_px == 0 || px < t->frame_min_px) {
        t->frame_min_px = px;
    }
    t->frame_draws++;
}

bool ui_text_draw(ui_text *t, const char *text, const ui_text_style *st, int x,
                  int y, ui_text_size *out)
{
    ui_text_size zero = {0, 0, 0, false};
    if (out) {
        *out = zero;
    }
    if (!text || !*text) {
        return true;
    }
    ui_text_entry *e = ui_text_entry_get(t, text, st);
    if (!e) {
        return false;
    }
    if (out) {
        *out = e->size;
    }
    if (e->size.w <= 0) {
        return true;
    }
    if (!e->texture && !ui_text_rasterise(t, e)) {
        return false;
    }
    SDL_Rect dst = ui_text_place(t, e, x, y);
    SDL_Rect all = {dst.x, dst.y - e->pad_top, dst.w,
                    e->pad_top + dst.h + e->pad_bottom};
    SDL_RenderCopy(t->renderer, e->texture, NULL, &all);
    ui_text_note(t, dst, st->px);
    return true;
}

/* Byte offset where the first `words` words of text end (reading.h's
 * words, as the reveal counts them). */
static size_t ui_text_words_cut(const char *text, size_t words)
{
    size_t at = 0;
    for (size_t seen = 0; seen < words; seen++) {
        size_t end = reading_word_end(text, at);
        if (end == 0) {
            return strlen(text);
        }
        at = end;
    }
    return at;
}

int ui_text_words_height(ui_text *t, const char *text, const ui_text_style *st,
                         size_t words)
{
    if (!text || !*text || words == 0) {
        return 0;
    }
    ui_text_entry *e = ui_text_entry_get(t, text, st);
    if (!e || e->size.lines == 0) {
        return 0;
    }
    size_t cut = ui_text_words_cut(e->text, words);
    size_t n = textlay_line_count(e->lay);
    size_t line = n - 1;
    for (size_t i = 0; i < n; i++) {
        if (textlay_line_at(e->lay, i)->src_end >= cut) {
            line = i;
            break;
        }
    }
    return (int)(line + 1) * (e->size.h / e->size.lines);
}

/* Adds a rectangle of the texture to the entry's reveal. */
static bool ui_text_reveal_add(ui_text_entry *e, SDL_Rect r)
{
    if (r.w <= 0) {
        return true;
    }
    SDL_Rect *p = realloc(e->reveal_rects, (e->reveal_count + 1) * sizeof *p);
    if (!p) {
        return false;
    }
    e->reveal_rects = p;
    e->reveal_rects[e->reveal_count++] = r;
    return true;
}

/* The parts of the texture that show the text up to byte `cut`: whole
 * lines, and on the line it ends in, each run's revealed part (the left
 * of a left-to-right run, the right of a right-to-left one). */
static bool ui_text_reveal(ui_text *t, ui_text_entry *e, size_t cut)
{
    e->reveal_count = 0;
    int skip = e->size.h / e->size.lines;
    for (size_t i = 0; i < textlay_line_count(e->lay); i++) {
        const textlay_line *line = textlay_line_at(e->lay, i);
        int lx = ui_text_line_x(e, line);
        if (line->src_start >= cut && line->run_count > 0) {
            break;
        }
        /* Each line's box, with the room above the first and below. */
        int top = e->pad_top + (int)i * skip - (i == 0 ? e->pad_top : 0);
        int h = skip + (i == 0 ? e->pad_top : 0) + e->pad_bottom;
        if (line->src_end <= cut && !line->ellipsis) {
            SDL_Rect r = {lx, top, line->w, h};
            if (!ui_text_reveal_add(e, r)) {
                return false;
            }
            continue;
        }
        for (size_t k = 0; k < line->run_count; k++) {
            const textlay_run *run =
                textlay_run_at(e->lay, line->run_first + k);
            if (run->src == (size_t)-1 || run->src >= cut) {
                continue;
            }
            int w = run->w;
            if (run->src + run->piece.len > cut) {
                textlay_piece p = run->piece;
                p.len = cut - run->src;
                ui_text_measurer m = {t, e->st.px};
                w = ui_text_measure_piece(&m, &p);
            }
            int x = lx + run->x + (run->piece.rtl ? run->w - w : 0);
            SDL_Rect r = {x, top, w, h};
            if (!ui_text_reveal_add(e, r)) {
                return false;
            }
        }
        break;
    }
    return true;
}

bool ui_text_draw_words(ui_text *t, const char *text, const ui_text_style *st,
                        int x, int y, size_t words)
{
    if (!text || !*text || words == 0) {
        return true;
    }
    ui_text_entry *e = ui_text_entry_get(t, text, st);
    if (!e) {
        return false;
    }
    if (e->size.w <= 0 || e->size.lines == 0) {
        return true;
    }
    if (!e->texture && !ui_text_rasterise(t, e)) {
        return false;
    }
    if (e->reveal_words != words || !e->reveal_rects) {
        if (!ui_text_reveal(t, e, ui_text_words_cut(e->text, words))) {
            return false;
        }
        e->reveal_words = words;
    }
    SDL_Rect origin = ui_text_place(t, e, x, y);
    SDL_Rect drawn = {origin.x, origin.y, 0, 0};
    for (size_t i = 0; i < e->reveal_count; i++) {
        SDL_Rect src = e->reveal_rects[i];
        SDL_Rect dst = {origin.x + src.x, origin.y - e->pad_top + src.y, src.w,
                        src.h};
        SDL_RenderCopy(t->renderer, e->texture, &src, &dst);
        if (drawn.w == 0) {
            drawn = dst;
        } else {
            SDL_UnionRect(&drawn, &dst, &drawn);
        }
    }
    /* The text's own box (without the fonts' room above and below). */
    SDL_Rect box = {origin.x, origin.y, origin.w, origin.h};
    if (!SDL_IntersectRect(&drawn, &box, &drawn)) {
        drawn.w = 0;
    }
    ui_text_note(t, drawn, st->px);
    return true;
}

void ui_text_begin_frame(ui_text *t)
{
    t->frame++;
    t->frame_min_px = 0;
    t->frame_draws = 0;
    t->frame_rect_count = 0;
    if (t->entry_count <= UI_TEXT_SOFT_LIMIT) {
        return;
    }
    for (size_t b = 0; b < UI_TEXT_BUCKETS; b++) {
        ui_text_entry **link = &t->buckets[b];
        while (*link) {
            ui_text_entry *e = *link;
            if (e->last_frame + 1 < t->frame) {
                *link = e->next;
                ui_text_entry_free(e);
                t->entry_count--;
            } else {
                link = &e->next;
            }
        }
    }
}

unsigned long ui_text_rasterised(const ui_text *t) { return t->rasterised; }

ui_text_glyphs ui_text_glyph_stats(const ui_text *t) { return t->glyphs; }

size_t ui_text_entries(const ui_text *t) { return t->entry_count; }

int ui_text_frame_min_px(const ui_text *t) { return t->frame_min_px; }

unsigned long ui_text_frame_draws(const ui_text *t) { return t->frame_draws; }

size_t ui_text_frame_rects(const ui_text *t, const SDL_Rect **rects)
{
    *rects = t->frame_rects;
    return t->frame_rect_count;
}
