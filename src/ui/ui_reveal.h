/* ui_reveal.h — the customer's words, shared by the call and the
 * classroom: a node's lines joined into one text, split into words that
 * are revealed one by one over a short time, and drawn in a speech
 * bubble. Not for use outside src/ui.
 *
 * Ownership: ui_reveal_node_text returns a string the caller frees;
 * ui_reveal_split fills *ends with an array the caller frees.
 */
#ifndef RAPPORT_UI_REVEAL_H
#define RAPPORT_UI_REVEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui_internal.h"

/* The customer's lines at a node, one paragraph each (malloc'd; NULL on
 * no memory; "" for no node). */
char *ui_reveal_node_text(const scenario_node *n);
/* Where each word of text ends (reading.h's words: byte offsets just
 * after each), and how long revealing them
 * takes (UI_REVEAL_WORD_MS each, within UI_REVEAL_MIN_MS and
 * UI_REVEAL_MAX_MS). No words, or no memory: *ends NULL, *count 0 and
 * *reveal_ms 0, so the text shows whole at once. */
void ui_reveal_split(const char *text, size_t **ends, size_t *count,
                     uint64_t *reveal_ms);
/* Words shown t ms into a reveal of count words lasting reveal_ms (all
 * of them once t reaches reveal_ms). */
size_t ui_reveal_words_at(size_t count, uint64_t reveal_ms, uint64_t t);
/* Milliseconds from t until the next word appears, or the reveal ends;
 * never less than UI_REVEAL_FRAME_MS apart, at least 1. t < reveal_ms. */
int ui_reveal_wait_ms(size_t count, uint64_t reveal_ms, uint64_t t);
/* The 0-based line (paragraph) of text the last of the first `words`
 * words belongs to. */
size_t ui_reveal_line_of(const char *text, const size_t *ends, size_t count,
                         size_t words);
/* The customer's words in a bubble at the top of area, at most max_h
 * tall, with a tail on its start side (towards a portrait) when tail.
 * The bubble and the text size (the largest up to px_hi that fits, not
 * below px_fit; scrolling in UI_SCROLL_SPEECH when even that does not)
 * are those of the whole text; only its first `words` words are drawn
 * while revealing (revealing false: all). Returns the height used. */
int ui_reveal_bubble(ui_app *app, SDL_Rect area, int max_h, const char *text,
                     bool revealing, size_t words, int px_hi, bool tail);

#endif
