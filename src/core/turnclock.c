/* turnclock.c — the reply clock of one turn (see turnclock.h). */
#include "turnclock.h"

void turn_clock_start(turn_clock *c, uint64_t now_ms)
{
    c->start_ms = now_ms;
    c->held_ms = 0;
    c->held_since = now_ms;
    c->holds = 0;
    c->seen = 0;
}

void turn_clock_hold_set(turn_clock *c, turn_clock_hold why, bool on,
                         uint64_t now_ms)
{
    unsigned before = c->holds;
    unsigned after = on ? before | (unsigned)why : before & ~(unsigned)why;
    if (before == 0 && after != 0) {
        c->held_since = now_ms;
    } else if (before != 0 && after == 0 && now_ms > c->held_since) {
        c->held_ms += now_ms - c->held_since;
    }
    c->holds = after;
}

void turn_clock_options_in_view(turn_clock *c, unsigned in_view,
                                size_t offered, uint64_t now_ms)
{
    size_t bits = sizeof(unsigned) * 8;
    unsigned all = offered >= bits ? ~0u : (1u << offered) - 1u;
    c->seen |= in_view;
    turn_clock_hold_set(c, TURN_CLOCK_OUT_OF_VIEW, (c->seen & all) != all,
                        now_ms);
}

bool turn_clock_held(const turn_clock *c) { return c->holds != 0; }

unsigned turn_clock_holds(const turn_clock *c) { return c->holds; }

/* Time held up to now_ms, the current hold included. */
static uint64_t turn_clock_held_until(const turn_clock *c, uint64_t now_ms)
{
    uint64_t held = c->held_ms;
    if (c->holds != 0 && now_ms > c->held_since) {
        held += now_ms - c->held_since;
    }
    return held;
}

uint64_t turn_clock_ms(const turn_clock *c, uint64_t now_ms)
{
    uint64_t since = now_ms > c->start_ms ? now_ms - c->start_ms : 0;
    uint64_t held = turn_clock_held_until(c, now_ms);
    return since > held ? since - held : 0;
}

uint64_t turn_clock_when(const turn_clock *c, uint64_t turn_ms,
                         uint64_t now_ms)
{
    return c->start_ms + turn_clock_held_until(c, now_ms) + turn_ms;
}
