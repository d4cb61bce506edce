/* textlay.h — text laid out in lines, for any script, in time linear in
 * its length. No SDL: widths come from a measuring callback (the game's
 * measures with SDL_ttf), so the layout is tested and timed on its own.
 *
 * Each paragraph (text between '\n') is taken apart once:
 *   - bidi embedding levels by the Unicode bidi algorithm (fribidi), from
 *     the style's base direction;
 *   - the script of each character (HarfBuzz's Unicode data; common
 *     characters such as spaces and digits take their neighbours');
 *   - the face that draws each character (font_set: the bundled font, or a
 *     fallback that has it; a face is kept for as long as it has the next
 *     characters, so a run of text asks for its font once);
 *   - line break opportunities by the Unicode line breaking rules
 *     (libunibreak), so Chinese and Japanese break between characters and
 *     never overflow; grapheme clusters (libunistring) to break a word
 *     wider than the line.
 * Runs are maximal stretches of one face, level and script. Every piece
 * between two break opportunities (or run boundaries) is measured once;
 * lines are filled greedily with the sum of those widths, and only a line
 * whose estimate is within a few pixels of the width is measured whole to
 * decide, so the work is linear in the text (textlay_measured_bytes counts
 * it). Each line is finally measured run by run (its exact width) and its
 * runs put in visual order (fribidi's line reordering), left to right,
 * each with its x and direction: a right-to-left run is shaped right to
 * left and drawn as one piece.
 *
 * Ownership: textlay_new() returns a layout freed with textlay_free()
 * (NULL accepted). It points into `text` and borrows the font set: both
 * must outlive it. Runs, lines and their pieces belong to the layout.
 */
#ifndef RAPPORT_TEXTLAY_H
#define RAPPORT_TEXTLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "font.h"

/* A run of text shaped as one: one face, one direction, one script. */
typedef struct {
    const char *text; /* UTF-8, not NUL-terminated */
    size_t len;
    const font_face *face;
    bool rtl;       /* shaped right to left */
    char script[5]; /* ISO 15924 tag ("Arab", "Hani"; "Zyyy" common) */
} textlay_piece;

/* Width in pixels of a piece shaped as one run (negative: failed, 0). */
typedef int (*textlay_measure_fn)(void *ctx, const textlay_piece *piece);

typedef struct {
    int wrap_w;       /* pixels; 0 = one line per paragraph */
    int max_lines;    /* 0 = no limit; else the last kept line ends with
                         an ellipsis that fits wrap_w */
    bool rtl;         /* base direction of the paragraphs: right to left */
    bool bold;        /* the bundled bold face first */
    const char *lang; /* BCP 47 tag (fonts for Han, line breaking); may be
                         NULL */
} textlay_style;

typedef struct {
    textlay_piece piece;
    int x; /* from the left edge of its line */
    int w;
    /* Byte offset of piece.text in the text laid out; the ellipsis added
     * by max_lines has (size_t)-1. */
    size_t src;
} textlay_run;

typedef struct {
    int w;            /* exact: the sum of its runs' widths */
    size_t run_first; /* its runs, in visual order, left to right */
    size_t run_count; /* 0 for an empty line */
    size_t src_start; /* bytes of the text on this line (trailing */
    size_t src_end;   /* spaces where it broke left out) */
    bool ellipsis;    /* cut by max_lines */
} textlay_line;

typedef struct textlay textlay;

/* Memory for the characters being laid out, reused from one layout to the
 * next (a cache that lays out many texts keeps one). Not shared between
 * threads. textlay_scratch_new() returns one freed with
 * textlay_scratch_free() (NULL accepted). */
typedef struct textlay_scratch textlay_scratch;
textlay_scratch *textlay_scratch_new(void);
void textlay_scratch_free(textlay_scratch *s);

/* Lays out text (NULL = ""). scratch may be NULL (memory of its own for
 * this layout). NULL when memory runs out. */
textlay *textlay_new(font_set *fonts, const char *text,
                     const textlay_style *st, textlay_measure_fn measure,
                     void *ctx, textlay_scratch *scratch);
void textlay_free(textlay *lay);

size_t textlay_line_count(const textlay *lay);
const textlay_line *textlay_line_at(const textlay *lay, size_t i);
const textlay_run *textlay_run_at(const textlay *lay, size_t i);
int textlay_width(const textlay *lay); /* the widest line */
bool textlay_truncated(const textlay *lay);

/* Work done: calls to measure and the bytes they were given. */
size_t textlay_measure_calls(const textlay *lay);
size_t textlay_measured_bytes(const textlay *lay);
/* Runs drawn with a fallback face, and visible characters that no face
 * has (they would be drawn as .notdef boxes). */
size_t textlay_fallback_runs(const textlay *lay);
size_t textlay_missing(const textlay *lay);

/* Whether a language is written right to left ("ar", "he", "fa-IR",
 * "az-Arab"...). NULL and unknown tags are left to right. */
bool textlay_lang_rtl(const char *lang);

#endif
