/* reading.h — how much there is to read in a text: the unit of reading
 * time (scenario targets, lint's reading-time check) and of the game's
 * staged reveal of the customer's words. Pure: no clock, no SDL.
 *
 * WORDS. A run of characters between spaces (U+0020, tab, line breaks,
 * U+3000) is one word, so in languages written with spaces a word is what
 * a reader would call one. Scripts written without spaces count by
 * characters instead, at about the pace a reader takes them in:
 *   - each Han ideograph and each kana (Chinese, Japanese) is a word;
 *     the CJK punctuation and full-width signs after it belong to it;
 *   - Thai, Lao, Khmer and Myanmar: every READING_SEA_LETTERS letters
 *     make a word (their combining marks go with their letter and never
 *     start a word).
 * Bytes that are not UTF-8 count as one character each. Words never split
 * a character, nor a letter from its marks.
 *
 * Nothing is allocated; text is borrowed.
 */
#ifndef RAPPORT_READING_H
#define RAPPORT_READING_H

#include <stddef.h>

#define READING_SEA_LETTERS 3

/* Byte offset just past the word that starts at or after byte `from` of
 * text (skipping spaces), or 0 when no word is left. NULL text: 0. */
size_t reading_word_end(const char *text, size_t from);

/* Number of words in text (NULL: 0). */
size_t reading_word_count(const char *text);

#endif
