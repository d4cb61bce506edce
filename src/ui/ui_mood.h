/* ui_mood.h — the customer's mood on screen, shared by the call and the
 * classroom: the column with the portrait, the customer's name and
 * labelled meters (the mood's first), and the line saying how a reply
 * changed the mood, in a marked box. Not for use outside src/ui.
 */
#ifndef RAPPORT_UI_MOOD_H
#define RAPPORT_UI_MOOD_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_internal.h"

/* One labelled meter of the column. */
typedef struct {
    char label[160];
    bool bold;
    double fraction; /* 0..1 */
    SDL_Color colour;
} ui_mood_meter;

/* The mood's meter: "Mood: Annoyed (35 of 100)". */
void ui_mood_meter_of(const ui_app *app, int mood, ui_mood_meter *out);
/* Portrait (with this expression), name and the n meters in col. Labels
 * wrap to two lines when the column is narrow for the text size; the
 * room they get is decided from the longest label each can have, so the
 * layout does not jump as the seconds go by. */
void ui_mood_column(ui_app *app, SDL_Rect col, const scenario *sc,
                    scenario_expression expr, const ui_mood_meter *m, int n);
/* How the mood went: "Mood: Annoyed to Calm, up 12 (now 60 of 100)". */
void ui_mood_line(char *buf, size_t len, int before, int after);
/* The line in bold at size px in a box cut off the top of *area, with a
 * stripe marking the change (delta > 0 better, < 0 worse). */
void ui_mood_box(ui_app *app, SDL_Rect *area, const char *line, int delta,
                 int px);

#endif
