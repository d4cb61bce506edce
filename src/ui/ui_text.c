/* ui_text.c — the text cache: word wrap with SDL_ttf metrics, one texture
 * per (string, style), counted rasterisations. */
#include "ui_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#define UI_TEXT_BUCKETS 1024u
#define UI_TEXT_MAX_FONTS 16
/* Past this many entries, begin_frame evicts those unused for a frame. */
#define UI_TEXT_SOFT_LIMIT 1500u
#define UI_TEXT_ELLIPSIS "\xE2\x80\xA6"
/* Line heights are remembered for sizes below this. */
#define UI_TEXT_MAX_PX 1024

typedef struct ui_text_entry {
    struct ui_text_entry *next; /* bucket chain */
    uint32_t hash;
    char *text;
    ui_text_style st;
    ui_text_size size;
    char **lines; /* wrapped lines, NUL-terminated copies */
    int *widths;
    int line_count;
    SDL_Texture *texture; /* NULL until first drawn */
    unsigned long last_frame;
} ui_text_entry;

typedef struct {
    int px;
    bool bold;
    TTF_Font *font;
    unsigned long last_used;
} ui_text_font;

struct ui_text {
    SDL_Renderer *renderer;
    void *data[2]; /* font files in memory: regular, bold */
    size_t data_size[2];
    ui_text_font fonts[UI_TEXT_MAX_FONTS];
    unsigned long font_clock;
    int line_height[2][UI_TEXT_MAX_PX]; /* 0 = not known yet */
    ui_text_entry *buckets[UI_TEXT_BUCKETS];
    size_t entry_count;
    unsigned long frame;
    unsigned long rasterised;
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
    for (int i = 0; i < e->line_count; i++) {
        free(e->lines[i]);
    }
    free(e->lines);
    free(e->widths);
    if (e->texture) {
        SDL_DestroyTexture(e->texture);
    }
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
        if (t->fonts[i].font) {
            TTF_CloseFont(t->fonts[i].font);
        }
    }
    SDL_free(t->data[0]);
    SDL_free(t->data[1]);
    free(t);
}

/* The font at this size, opened on demand; the least recently used one is
 * closed when all slots are taken. */
static TTF_Font *ui_text_font_at(ui_text *t, int px, bool bold)
{
    if (px < 1) {
        px = 1;
    }
    int empty = -1;
    int oldest = -1;
    for (int i = 0; i < UI_TEXT_MAX_FONTS; i++) {
        ui_text_font *f = &t->fonts[i];
        if (f->font && f->px == px && f->bold == bold) {
            f->last_used = ++t->font_clock;
            return f->font;
        }
        if (!f->font && empty < 0) {
            empty = i;
        } else if (f->font &&
                   (oldest < 0 || f->last_used < t->fonts[oldest].last_used)) {
            oldest = i;
        }
    }
    int slot = empty >= 0 ? empty : oldest;
    int which = bold ? 1 : 0;
    SDL_RWops *rw =
        SDL_RWFromConstMem(t->data[which], (int)t->data_size[which]);
    if (!rw) {
        return NULL;
    }
    TTF_Font *font = TTF_OpenFontRW(rw, 1, px);
    if (!font) {
        return NULL;
    }
    ui_text_font *f = &t->fonts[slot];
    if (f->font) {
        TTF_CloseFont(f->font);
    }
    f->font = font;
    f->px = px;
    f->bold = bold;
    f->last_used = ++t->font_clock;
    return font;
}

int ui_text_line_height(ui_text *t, int px, bool bold)
{
    bool known = px > 0 && px < UI_TEXT_MAX_PX;
    if (known && t->line_height[bold][px]) {
        return t->line_height[bold][px];
    }
    TTF_Font *font = ui_text_font_at(t, px, bold);
    int h = font ? TTF_FontLineSkip(font) : 0;
    if (known) {
        t->line_height[bold][px] = h;
    }
    return h;
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
        st->colour.a};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        h = (h ^ (uint32_t)fields[i]) * 16777619u;
    }
    return h;
}

static bool ui_text_same_style(const ui_text_style *a, const ui_text_style *b)
{
    return a->px == b->px && a->bold == b->bold && a->wrap_w == b->wrap_w &&
           a->max_lines == b->max_lines && a->align == b->align &&
           a->colour.r == b->colour.r && a->colour.g == b->colour.g &&
           a->colour.b == b->colour.b && a->colour.a == b->colour.a;
}

/* Growing list of wrapped lines. */
typedef struct {
    char **lines;
    int *widths;
    int count;
    int cap;
} ui_text_lines;

static bool ui_text_push(ui_text_lines *l, const char *s, size_t len,
                         int width)
{
    if (l->count == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        char **lines = realloc(l->lines, (size_t)cap * sizeof *lines);
        if (!lines) {
            return false;
        }
        l->lines = lines;
        int *widths = realloc(l->widths, (size_t)cap * sizeof *widths);
        if (!widths) {
            return false;
        }
        l->widths = widths;
        l->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        return false;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    l->lines[l->count] = copy;
    l->widths[l->count] = width;
    l->count++;
    return true;
}

static int ui_text_width(TTF_Font *font, const char *s)
{
    int w = 0;
    if (*s && TTF_SizeUTF8(font, s, &w, NULL) != 0) {
        return 0;
    }
    return w;
}

/* Bytes taken by the first n code points of s (stops at the end). */
static size_t ui_text_utf8_bytes(const char *s, size_t len, int n)
{
    size_t i = 0;
    while (i < len && n > 0) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0u) == 0x80u) {
            i++;
        }
        n--;
    }
    return i;
}

/* Byte length of s without its last code point. */
static size_t ui_text_utf8_drop_last(const char *s, size_t len)
{
    if (len == 0) {
        return 0;
    }
    len--;
    while (len > 0 && ((unsigned char)s[len] & 0xC0u) == 0x80u) {
        len--;
    }
    return len;
}

/* Wraps one paragraph (no '\n') into lines no wider than wrap_w. buf is a
 * scratch buffer at least as long as the paragraph plus one. */
static bool ui_text_wrap_paragraph(TTF_Font *font, const char *p, size_t len,
                                   int wrap_w, char *buf, ui_text_lines *out)
{
    if (wrap_w <= 0) {
        memcpy(buf, p, len);
        buf[len] = '\0';
        return ui_text_push(out, p, len, ui_text_width(font, buf));
    }
    size_t i = 0;
    size_t line_len = 0; /* bytes of the line so far, in buf */
    int line_w = 0;
    bool pushed_any = false;
    while (i < len) {
        while (i < len && p[i] == ' ') {
            i++;
        }
        if (i >= len) {
            break;
        }
        size_t word_end = i;
        while (word_end < len && p[word_end] != ' ') {
            word_end++;
        }
        size_t word_len = word_end - i;
        size_t cand_len = line_len + (line_len ? 1 : 0) + word_len;
        size_t at = line_len;
        if (line_len) {
            buf[at++] = ' ';
        }
        memcpy(buf + at, p + i, word_len);
        buf[cand_len] = '\0';
        int w = ui_text_width(font, buf);
        if (w <= wrap_w) {
            line_len = cand_len;
            line_w = w;
            i = word_end;
            continue;
        }
        if (line_len) {
            /* The word goes to the next line. */
            if (!ui_text_push(out, buf, line_len, line_w)) {
                return false;
            }
            pushed_any = true;
            line_len = 0;
            line_w = 0;
            continue;
        }
        /* A word wider than the line: break it between characters. */
        int extent = 0;
        int count = 0;
        if (TTF_MeasureUTF8(font, buf, wrap_w, &extent, &count) != 0 ||
            count < 1) {
            count = 1;
        }
        size_t take = ui_text_utf8_bytes(p + i, word_len, count);
        buf[take] = '\0';
        if (!ui_text_push(out, buf, take, ui_text_width(font, buf))) {
            return false;
        }
        pushed_any = true;
        i += take;
    }
    if (line_len || !pushed_any) {
        buf[line_len] = '\0';
        return ui_text_push(out, buf, line_len, line_len ? line_w : 0);
    }
    return true;
}

/* Cuts the lines to max_lines, ending the last kept one with an ellipsis
 * that fits the wrap width. */
static bool ui_text_truncate(TTF_Font *font, ui_text_lines *l, int max_lines,
                             int wrap_w)
{
    for (int i = max_lines; i < l->count; i++) {
        free(l->lines[i]);
    }
    l->count = max_lines;
    char *last = l->lines[max_lines - 1];
    size_t len = strlen(last);
    size_t ell = strlen(UI_TEXT_ELLIPSIS);
    char *buf = malloc(len + ell + 1);
    if (!buf) {
        return false;
    }
    for (;;) {
        while (len > 0 && last[len - 1] == ' ') {
            len--;
        }
        memcpy(buf, last, len);
        memcpy(buf + len, UI_TEXT_ELLIPSIS, ell + 1);
        int w = ui_text_width(font, buf);
        if (wrap_w <= 0 || w <= wrap_w || len == 0) {
            free(last);
            l->lines[max_lines - 1] = buf;
            l->widths[max_lines - 1] = w;
            return true;
        }
        len = ui_text_utf8_drop_last(last, len);
    }
}

static bool ui_text_layout(TTF_Font *font, const char *text,
                           const ui_text_style *st, ui_text_entry *e)
{
    ui_text_lines l = {0};
    size_t total = strlen(text);
    char *buf = malloc(total + 2);
    bool ok = buf != NULL;
    const char *p = text;
    while (ok) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        ok = ui_text_wrap_paragraph(font, p, len, st->wrap_w, buf, &l);
        if (!nl) {
            break;
        }
        p = nl + 1;
    }
    free(buf);
    if (ok && st->max_lines > 0 && l.count > st->max_lines) {
        ok = ui_text_truncate(font, &l, st->max_lines, st->wrap_w);
        e->size.truncated = true;
    }
    if (!ok) {
        for (int i = 0; i < l.count; i++) {
            free(l.lines[i]);
        }
        free(l.lines);
        free(l.widths);
        return false;
    }
    e->lines = l.lines;
    e->widths = l.widths;
    e->line_count = l.count;
    int w = 0;
    for (int i = 0; i < l.count; i++) {
        if (l.widths[i] > w) {
            w = l.widths[i];
        }
    }
    e->size.w = w;
    e->size.h = l.count * TTF_FontLineSkip(font);
    e->size.lines = l.count;
    return true;
}

/* The cache entry of a key, made (wrapped, not rasterised) when missing. */
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
    TTF_Font *font = ui_text_font_at(t, st->px, st->bold);
    if (!font) {
        return NULL;
    }
    ui_text_entry *e = calloc(1, sizeof *e);
    if (!e) {
        return NULL;
    }
    e->hash = h;
    e->st = *st;
    e->text = strdup(text);
    if (!e->text || !ui_text_layout(font, text, st, e)) {
        ui_text_entry_free(e);
        return NULL;
    }
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

static bool ui_text_rasterise(ui_text *t, ui_text_entry *e)
{
    TTF_Font *font = ui_text_font_at(t, e->st.px, e->st.bold);
    if (!font || e->size.w <= 0 || e->size.h <= 0) {
        return false;
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(
        0, e->size.w, e->size.h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) {
        return false;
    }
    SDL_FillRect(surface, NULL, 0);
    int skip = TTF_FontLineSkip(font);
    for (int i = 0; i < e->line_count; i++) {
        if (!e->lines[i][0]) {
            continue;
        }
        SDL_Surface *line =
            TTF_RenderUTF8_Blended(font, e->lines[i], e->st.colour);
        if (!line) {
            continue;
        }
        SDL_SetSurfaceBlendMode(line, SDL_BLENDMODE_NONE);
        SDL_Rect dst = {0, i * skip, line->w, line->h};
        if (e->st.align == UI_TEXT_CENTRE) {
            dst.x = (e->size.w - e->widths[i]) / 2;
        } else if (e->st.align == UI_TEXT_RIGHT) {
            dst.x = e->size.w - e->widths[i];
        }
        SDL_BlitSurface(line, NULL, surface, &dst);
        SDL_FreeSurface(line);
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
    SDL_Rect dst = {x, y, e->size.w, e->size.h};
    if (st->wrap_w > 0) {
        if (st->align == UI_TEXT_CENTRE) {
            dst.x += (st->wrap_w - e->size.w) / 2;
        } else if (st->align == UI_TEXT_RIGHT) {
            dst.x += st->wrap_w - e->size.w;
        }
    } else if (st->align == UI_TEXT_CENTRE) {
        dst.x -= e->size.w / 2;
    } else if (st->align == UI_TEXT_RIGHT) {
        dst.x -= e->size.w;
    }
    SDL_RenderCopy(t->renderer, e->texture, NULL, &dst);
    SDL_Rect seen = dst;
    if (SDL_RenderIsClipEnabled(t->renderer)) {
        SDL_Rect clip;
        SDL_RenderGetClipRect(t->renderer, &clip);
        if (!SDL_IntersectRect(&dst, &clip, &seen)) {
            seen.w = 0;
        }
    }
    if (seen.w > 0 && t->frame_rect_count < UI_TEXT_MAX_RECTS) {
        t->frame_rects[t->frame_rect_count++] = seen;
    }
    if (t->frame_min_px == 0 || st->px < t->frame_min_px) {
        t->frame_min_px = st->px;
    }
    t->frame_draws++;
    return true;
}

/* Where the first `words` words of an entry end: the line they end on,
 * and the width of that line up to the end of the last one (-1 when all
 * of the line is shown). Words are runs of non-spaces on the wrapped
 * lines. */
static void ui_text_words_end(ui_text *t, const ui_text_entry *e, size_t words,
                              int *line, int *width)
{
    *line = 0;
    *width = -1;
    size_t seen = 0;
    for (int i = 0; i < e->line_count; i++) {
        const char *s = e->lines[i];
        size_t len = strlen(s);
        for (size_t k = 0; k < len; k++) {
            if (s[k] != ' ' && (s[k + 1] == ' ' || s[k + 1] == '\0')) {
                seen++;
                if (seen == words) {
                    *line = i;
                    if (k + 1 < len) {
                        TTF_Font *font =
                            ui_text_font_at(t, e->st.px, e->st.bold);
                        char *prefix = strndup(s, k + 1);
                        *width = font && prefix ? ui_text_width(font, prefix)
                                                : e->widths[i];
                        free(prefix);
                    }
                    return;
                }
            }
        }
        *line = i;
    }
}

int ui_text_words_height(ui_text *t, const char *text, const ui_text_style *st,
                         size_t words)
{
    if (!text || !*text || words == 0) {
        return 0;
    }
    ui_text_entry *e = ui_text_entry_get(t, text, st);
    if (!e || e->line_count == 0) {
        return 0;
    }
    int line = 0;
    int width = 0;
    ui_text_words_end(t, e, words, &line, &width);
    return (line + 1) * (e->size.h / e->line_count);
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
    if (e->size.w <= 0 || e->line_count == 0) {
        return true;
    }
    if (!e->texture && !ui_text_rasterise(t, e)) {
        return false;
    }
    int line = 0;
    int width = -1;
    ui_text_words_end(t, e, words, &line, &width);
    int skip = e->size.h / e->line_count;
    if (st->wrap_w > 0 && st->align == UI_TEXT_CENTRE) {
        x += (st->wrap_w - e->size.w) / 2;
    } else if (st->wrap_w > 0 && st->align == UI_TEXT_RIGHT) {
        x += st->wrap_w - e->size.w;
    }
    /* Whole lines above, then the part of the line being revealed. */
    int whole = width < 0 ? line + 1 : line;
    SDL_Rect drawn = {x, y, 0, 0};
    if (whole > 0) {
        SDL_Rect src = {0, 0, e->size.w, whole * skip};
        SDL_Rect dst = {x, y, src.w, src.h};
        SDL_RenderCopy(t->renderer, e->texture, &src, &dst);
        drawn = dst;
    }
    if (width > 0) {
        int lx = 0;
        if (e->st.align == UI_TEXT_CENTRE) {
            lx = (e->size.w - e->widths[line]) / 2;
        } else if (e->st.align == UI_TEXT_RIGHT) {
            lx = e->size.w - e->widths[line];
        }
        SDL_Rect src = {lx, line * skip, width, skip};
        SDL_Rect dst = {x + lx, y + line * skip, width, skip};
        SDL_RenderCopy(t->renderer, e->texture, &src, &dst);
        if (drawn.w == 0) {
            drawn = dst;
        } else {
            SDL_UnionRect(&drawn, &dst, &drawn);
        }
    }
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
    if (t->frame_min_px == 0 || st->px < t->frame_min_px) {
        t->frame_min_px = st->px;
    }
    t->frame_draws++;
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

size_t ui_text_entries(const ui_text *t) { return t->entry_count; }

int ui_text_frame_min_px(const ui_text *t) { return t->frame_min_px; }

unsigned long ui_text_frame_draws(const ui_text *t) { return t->frame_draws; }

size_t ui_text_frame_rects(const ui_text *t, const SDL_Rect **rects)
{
    *rects = t->frame_rects;
    return t->frame_rect_count;
}
