/* turnclock.h — the reply clock of one turn: how much turn time has
 * passed, with the time the trainee could not answer left out. The
 * interface tells it what it shows (the call hidden behind a menu or a
 * blank screen; some of the options on offer out of view) and when, in
 * milliseconds of its own clock; the rule of when the clock stops is
 * here, not in the interface. No clock is read here.
 *
 * The clock stops while:
 *   - the call is hidden (a menu, the diagnostics, a blank screen);
 *   - some option on offer has not yet been whole in view (the options
 *     did not fit and scroll): a trainee is never timed before they could
 *     read every option. Once each has been in view the clock runs, as it
 *     does while a trainee reads options that all fit.
 *
 * A turn_clock is a plain value: no allocation, nothing to free.
 */
#ifndef RAPPORT_TURNCLOCK_H
#define RAPPORT_TURNCLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    TURN_CLOCK_HIDDEN = 1u << 0,      /* the call is hidden */
    TURN_CLOCK_OUT_OF_VIEW = 1u << 1, /* an option not yet seen */
} turn_clock_hold;

typedef struct {
    uint64_t start_ms;   /* the interface's clock when the turn began */
    uint64_t held_ms;    /* time held before the current hold */
    uint64_t held_since; /* when the current hold began */
    unsigned holds;      /* turn_clock_hold bits in force */
    unsigned seen;       /* bit i: option i has been whole in view */
} turn_clock;

/* A new turn at now_ms: no time passed, nothing held. */
void turn_clock_start(turn_clock *c, uint64_t now_ms);
/* Sets (on) or clears one reason to hold the clock, at now_ms. */
void turn_clock_hold_set(turn_clock *c, turn_clock_hold why, bool on,
                         uint64_t now_ms);
/* The interface shows the options of in_view (bit i: option i, 0-based)
 * whole on screen, of offered (at now_ms): the clock is held until every
 * option has been in view this turn. */
void turn_clock_options_in_view(turn_clock *c, unsigned in_view,
                                size_t offered, uint64_t now_ms);
/* Whether the clock is held now, and by what (turn_clock_hold bits). */
bool turn_clock_held(const turn_clock *c);
unsigned turn_clock_holds(const turn_clock *c);
/* Turn time at now_ms: time since the start, held time left out. */
uint64_t turn_clock_ms(const turn_clock *c, uint64_t now_ms);
/* The interface's clock reading at which turn_ms of turn time will have
 * passed if nothing more is held (when held now: counted from now_ms). */
uint64_t turn_clock_when(const turn_clock *c, uint64_t turn_ms,
                         uint64_t now_ms);

#endif
