/* ui_text.h — text in any script measured, laid out and rasterised once,
 * then reused.
 *
 * Every string is drawn through a cache keyed by (text, pixel size, bold,
 * wrap width, line limit, alignment, colour, direction, language). The
 * first use of a key lays the text out with textlay (fonts per character
 * with fallback through fontconfig, bidi, Unicode line breaking, widths
 * measured with SDL_ttf once per piece: linear in the text); the first
 * draw rasterises it, run by run with SDL_ttf (HarfBuzz shaping, each run
 * with its script and direction), into one texture and counts one
 * rasterisation; later draws of the same key only copy that texture.
 * Measuring a key (ui_text_measure) lays it out but does not rasterise,
 * so layouts can try sizes until the text fits.
 *
 * Fonts: the bundled TTF files, loaded into memory once, and the
 * fallbacks fontconfig finds (Noto families: Arabic, Hebrew, CJK,
 * Devanagari, Thai, symbols; Noto Color Emoji, a bitmap font drawn at its
 * own size and scaled to the text), opened at the physical pixel sizes
 * asked for (no scaling of rendered text other than colour emoji).
 *
 * Direction: a style with rtl set lays each paragraph out right to left
 * (the bidi algorithm orders mixed lines) and mirrors the alignment: LEFT
 * (UI_TEXT_START) is then the right edge. Screens set it per text (a
 * scenario's lines from its lang) and can set it for a whole screen;
 * nothing else in the game assumes left to right text.
 *
 * Ownership: ui_text_new() borrows the renderer (it must outlive the
 * cache) and returns a cache freed with ui_text_free() (NULL accepted).
 * Textures belong to the cache.
 */
#ifndef RAPPORT_UI_TEXT_H
#define RAPPORT_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

/* Alignment at the start or end of the line: LEFT and RIGHT in left to
 * right text, mirrored when the style is rtl. */
typedef enum {
    UI_TEXT_LEFT,
    UI_TEXT_CENTRE,
    UI_TEXT_RIGHT,
    UI_TEXT_START = UI_TEXT_LEFT,
    UI_TEXT_END = UI_TEXT_RIGHT
} ui_text_align;

#define UI_TEXT_LANG_MAX 16

/* Unicode directional isolates (invisible): the interface's words inside
 * a right-to-left scenario's text go between LRI and PDI, so that neither
 * reorders the other ("(acknowledge: practised in 1 reply)" keeps its
 * brackets and full stop where English puts them). */
#define UI_TEXT_LRI "\xE2\x81\xA6"
#define UI_TEXT_PDI "\xE2\x81\xA9"
/* First strong isolate: a piece laid out in the direction of its own
 * first letter, whatever the line's. */
#define UI_TEXT_FSI "\xE2\x81\xA8"

typedef struct {
    int px;        /* font size in physical pixels */
    bool bold;     /* bold face */
    int wrap_w;    /* wrap width in pixels; 0 = one line per paragraph */
    int max_lines; /* 0 = no limit; else cut with an ellipsis */
    ui_text_align align;
    SDL_Color colour;
    bool rtl; /* base direction right to left (alignment mirrored) */
    /* BCP 47 language of the text ("" = unknown): picks fonts (the Han
     * forms of Chinese or Japanese) and line breaking rules. */
    char lang[UI_TEXT_LANG_MAX];
} ui_text_style;

typedef struct {
    int w; /* widest line */
    int h; /* lines × line height */
    int lines;
    bool truncated; /* max_lines cut the text */
} ui_text_size;

typedef struct ui_text ui_text;

/* Loads the regular and bold font files. NULL on failure, with the reason
 * in SDL_GetError(). TTF_Init() must have been called. */
ui_text *ui_text_new(SDL_Renderer *renderer, const char *regular_path,
                     const char *bold_path);
void ui_text_free(ui_text *t);

/* Size of the text in this style (wrapped, not rasterised). Empty or NULL
 * text measures 0 × 0. Returns false when the font cannot be opened. */
bool ui_text_measure(ui_text *t, const char *text, const ui_text_style *st,
                     ui_text_size *out);
/* Draws the text with its top-left corner at (x, y) (alignment is within
 * the wrap width, or within the text's own width when not wrapping).
 * Rasterises on the first draw of this key. out may be NULL. */
bool ui_text_draw(ui_text *t, const char *text, const ui_text_style *st, int x,
                  int y, ui_text_size *out);
/* Draws only the first `words` words of the text (runs of characters
 * other than spaces and line breaks, in logical order), exactly where
 * drawing all of it would put them: the whole text is rasterised once and
 * copied in part (a right-to-left run from its right end), so revealing it
 * word by word costs no rasterisation after the first. */
bool ui_text_draw_words(ui_text *t, const char *text, const ui_text_style *st,
                        int x, int y, size_t words);
/* Height from the top of the text to the bottom of the line its first
 * `words` words end on. */
int ui_text_words_height(ui_text *t, const char *text, const ui_text_style *st,
                         size_t words);
/* Line height (TTF_FontLineSkip) at a size. */
int ui_text_line_height(ui_text *t, int px, bool bold);

/* Starts a frame: entries not used for a while are evicted once the cache
 * is large, and the per-frame statistics below are reset. */
void ui_text_begin_frame(ui_text *t);
/* Drops every texture (renderer reset) and every entry. */
void ui_text_clear(ui_text *t);

/* Strings rasterised since the cache was made (each is one texture made
 * from the SDL_ttf renders of its runs). */
unsigned long ui_text_rasterised(const ui_text *t);
/* Glyphs drawn since the cache was made: runs drawn with a fallback font,
 * and visible characters drawn with a font that lacks them (.notdef
 * boxes; none when every character has a font). */
typedef struct {
    unsigned long runs;
    unsigned long fallback_runs;
    unsigned long notdef;
} ui_text_glyphs;
ui_text_glyphs ui_text_glyph_stats(const ui_text *t);
/* Fills st->lang and st->rtl for text in a language (a scenario's lang). */
void ui_text_set_lang(ui_text_style *st, const char *lang);
/* Entries in the cache. */
size_t ui_text_entries(const ui_text *t);
/* Smallest font size drawn since ui_text_begin_frame (0 if none). */
int ui_text_frame_min_px(const ui_text *t);
/* Strings drawn since ui_text_begin_frame. */
unsigned long ui_text_frame_draws(const ui_text *t);
/* Where they were drawn this frame (cut to the clip rectangle; the first
 * UI_TEXT_MAX_RECTS only), for tests of overlap and overflow. */
#define UI_TEXT_MAX_RECTS 256
size_t ui_text_frame_rects(const ui_text *t, const SDL_Rect **rects);

#endif
