/* phone_text.h — text that arrives from phones: nicknames and join codes.
 * The room is not trusted: what a phone sends is checked here before it is
 * kept, journaled or shown anywhere (the projector draws it as plain text;
 * HTML output escapes it through libxml2).
 */
#ifndef RAPPORT_PHONE_TEXT_H
#define RAPPORT_PHONE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Cleans a nickname into out (outsize bytes, NUL-terminated): invalid
 * UTF-8 is refused; control characters (Cc), line and paragraph
 * separators, and format characters (Cf: the bidi embeddings, overrides
 * and isolates U+202A-U+202E and U+2066-U+2069, the marks U+200E, U+200F
 * and U+061C...) are removed, except the joiners U+200C and U+200D that
 * scripts and emoji need; runs of white space become one space and the
 * ends are trimmed; at most max_chars characters are kept (never cutting
 * a character). Returns the length in bytes, or -1 for invalid UTF-8.
 * An empty result is allowed (no nickname). */
int phone_text_clean_nick(const char *in, size_t max_chars, char *out,
                          size_t outsize);

/* True when code is exactly digits ASCII digits. */
bool phone_text_is_code(const char *code, size_t digits);

/* True when token is exactly len lowercase hex digits. */
bool phone_text_is_token(const char *token, size_t len);

#endif
