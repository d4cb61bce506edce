/* visible.h — does a text show anything? Spaces of every kind and
 * characters that draw nothing (U+00A0 no-break space, U+200B zero-width
 * space, U+2060 word joiner, U+FEFF, soft hyphen, ...) do not: a <say>,
 * a title or a trainee's name made only of them looks empty on screen.
 *
 * Pure functions of their arguments; nothing is allocated.
 */
#ifndef RAPPORT_VISIBLE_H
#define RAPPORT_VISIBLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when code point cp is a space (Unicode White_Space) or a
 * character that draws nothing (format and filler characters). */
bool visible_is_invisible(uint32_t cp);

/* True when s (UTF-8, NUL-terminated) is NULL, empty, or holds only
 * characters visible_is_invisible() accepts. Invalid UTF-8 bytes count
 * as visible (they are reported elsewhere). */
bool visible_is_blank(const char *s);

/* Decodes one UTF-8 character of s[0..len); returns its length in bytes
 * (1..4) and the code point in *cp, or 0 when the bytes there are not
 * valid UTF-8 (overlong forms, surrogates and values past U+10FFFF are
 * invalid). */
size_t visible_decode(const char *s, size_t len, uint32_t *cp);

#endif
