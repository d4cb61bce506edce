/* font.h — which font draws a character: the bundled fonts first, then a
 * fallback found through fontconfig. No SDL: the game draws with these
 * faces, and lint asks the same questions to warn about characters no
 * font can draw.
 *
 * A font_set holds the two bundled faces (regular and bold) and, once a
 * character outside them is asked for, a fontconfig configuration and the
 * installed fonts sorted once per (weight, language) by fontconfig. The
 * face chosen for a character is the first sorted font that has it,
 * preferring the Noto families (which match the bundled Noto Sans); the
 * answer is cached per (character, weight, language), so a run of text is
 * looked up once and redrawn or laid out again without asking fontconfig.
 *
 * Ownership: font_set_new() returns a set freed with font_set_free() (NULL
 * accepted). Faces belong to the set and live as long as it does; the
 * strings they return belong to them.
 */
#ifndef RAPPORT_FONT_H
#define RAPPORT_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The bundled fonts, inside the assets folder. */
#define FONT_BUNDLED_REGULAR "fonts/NotoSans-Regular.ttf"
#define FONT_BUNDLED_BOLD "fonts/NotoSans-Bold.ttf"

/* The assets folder: $RAPPORT_ASSET_DIR, else next to the executable
 * (assets/ or ../share/rapport/assets/, holding FONT_BUNDLED_REGULAR),
 * else built_in. malloc'd (the caller frees); NULL on no memory. */
char *font_bundled_dir(const char *built_in);

typedef struct font_face font_face;
typedef struct font_set font_set;

/* The bundled faces (either path may be NULL or unreadable: lint without
 * the game's assets then asks fontconfig alone). NULL only when memory
 * runs out. */
font_set *font_set_new(const char *regular_path, const char *bold_path);
void font_set_free(font_set *set);

/* The bundled face of a weight; NULL when its file could not be read. */
const font_face *font_set_primary(const font_set *set, bool bold);
/* The face that draws cp at this weight: the bundled one when it has cp,
 * else the fallback for the language (a BCP 47 tag such as "ja" or
 * "zh-TW", which picks the right Han forms; NULL or "" for none). NULL
 * when no installed font has cp. */
const font_face *font_set_face_for(font_set *set, uint32_t cp, bool bold,
                                   const char *lang);
/* Fontconfig sorts done so far (once per weight and language): the cache
 * makes every later character a lookup in memory. */
unsigned long font_set_sorts(const font_set *set);
/* Fallback faces chosen so far (distinct fonts other than the bundled). */
size_t font_set_fallback_count(const font_set *set);

bool font_face_has(const font_face *face, uint32_t cp);
const char *font_face_path(const font_face *face);
int font_face_index(const font_face *face); /* in a collection (.ttc) */
const char *font_face_family(const font_face *face);
bool font_face_bundled(const font_face *face);
/* A colour font (emoji): drawn in its own colours, and kept only for
 * emoji in a run. */
bool font_face_color(const font_face *face);

/* Characters never drawn as glyphs (controls, joiners, variation
 * selectors, direction marks and other default-ignorable code points): a
 * font need not have them and the shaper hides them. */
bool font_invisible(uint32_t cp);

/* ---- for warnings about characters (lint, validate) ---- */

/* "U+05D0 HEBREW LETTER ALEF" ("U+E000 (private use)" when it has no
 * name). */
void font_char_name(uint32_t cp, char *buf, size_t len);
/* Where a character no installed font has could come from: "fonts-noto-
 * cjk (Noto Sans CJK)" and the like, or NULL when no font would draw it
 * (private use, unassigned). */
const char *font_suggest(uint32_t cp);
/* Up to `max` installed font families that draw cp, joined with ", " into
 * buf ("" when none). */
void font_set_families_for(font_set *set, uint32_t cp, size_t max, char *buf,
                           size_t len);

#endif
