/* choices.h — scripts of choices as trainers and authors write them
 * (`rapport run --choices`, `rapport play --script`, a line of `--choices
 * -`, a test plan's choices="..."): each item is an option number as shown
 * on screen (1-9) or a choice id (`<choice id="...">`, unique within its
 * node), e.g. "2,refund,1". An id names the same option whatever its
 * place: it survives shuffled options and a conditional option that
 * renumbers the rest.
 *
 * Ownership: choices_parse fills a choices_list the caller empties with
 * choices_clear (which accepts a zeroed list); its items and their ids
 * belong to it. Nothing here keeps a pointer to the session.
 *
 * Errors: functions return -1 and write a one-line reason (no prefix, no
 * newline) to err; they never print or exit.
 */
#ifndef RAPPORT_CHOICES_H
#define RAPPORT_CHOICES_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"

/* Longest choice id (the scenario schema's Id). */
#define CHOICES_ID_MAX 64

typedef struct {
    int pos;  /* 1-based position on screen; 0 when named by id */
    char *id; /* the choice's id; NULL when a position */
} choices_item;

typedef struct {
    choices_item *items;
    size_t count;
} choices_list;

/* Appends the items of a comma-separated list (positions 1-9 or ids; no
 * empty items, no spaces) to out, at most max in all. 0, or -1 with why
 * in err (out keeps the items it had). */
int choices_parse(const char *text, size_t max, choices_list *out, char *err,
                  size_t errlen);
/* One item from text[0..len): true with *out filled (out->id malloc'd),
 * false when it is neither a position nor an id (or no memory). */
bool choices_parse_item(const char *text, size_t len, choices_item *out);
void choices_clear(choices_list *list);

/* The 0-based position at the session's current node of the option the
 * item names, or -1 with why in err (a position not on offer, an id the
 * node does not have or does not offer now). */
int choices_resolve(const session *s, const choices_item *item, char *err,
                    size_t errlen);

/* The item as written ("2" or "refund"), into buf; returns buf. */
const char *choices_item_text(const choices_item *item, char *buf, size_t len);

#endif
