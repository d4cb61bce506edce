/* Unit tests of the turn's reply clock (turnclock.c): it stops while the
 * call is hidden and until every option has been in view, and holds
 * overlap without counting twice. */
#include "check.h"
#include "turnclock.h"

static void test_runs_and_holds(void)
{
    turn_clock c;
    turn_clock_start(&c, 1000);
    CHECK(!turn_clock_held(&c));
    CHECK_INT((int)turn_clock_ms(&c, 1000), 0);
    CHECK_INT((int)turn_clock_ms(&c, 3500), 2500);
    CHECK_INT((int)turn_clock_ms(&c, 500), 0); /* before the start */

    /* Options 1-3 of nine in view from 4000: held. */
    turn_clock_options_in_view(&c, 0x7u, 9, 4000);
    CHECK(turn_clock_held(&c));
    CHECK_INT((int)turn_clock_holds(&c), TURN_CLOCK_OUT_OF_VIEW);
    CHECK_INT((int)turn_clock_ms(&c, 9000), 3000);
    /* Scrolled to options 3-7: 8 and 9 not yet seen, still held. */
    turn_clock_options_in_view(&c, 0x7cu, 9, 6000);
    CHECK_INT((int)turn_clock_ms(&c, 9000), 3000);
    /* A menu opens meanwhile and closes after the options are all in
     * view: held throughout, counted once. */
    turn_clock_hold_set(&c, TURN_CLOCK_HIDDEN, true, 8000);
    turn_clock_options_in_view(&c, 0x1f0u, 9, 10000);
    CHECK(turn_clock_held(&c));
    CHECK_INT((int)turn_clock_holds(&c), TURN_CLOCK_HIDDEN);
    CHECK_INT((int)turn_clock_ms(&c, 11000), 3000);
    turn_clock_hold_set(&c, TURN_CLOCK_HIDDEN, false, 12000);
    CHECK(!turn_clock_held(&c));
    CHECK_INT((int)turn_clock_ms(&c, 12000), 3000);
    CHECK_INT((int)turn_clock_ms(&c, 14000), 5000);
    /* When turn time 7000 comes, nothing more held. */
    CHECK_INT((int)turn_clock_when(&c, 7000, 14000), 16000);

    /* All seen once: scrolled back to the top, the clock runs on. */
    turn_clock_options_in_view(&c, 0x7u, 9, 14000);
    CHECK(!turn_clock_held(&c));
    /* A new turn forgets what was seen. */
    turn_clock_start(&c, 20000);
    CHECK(!turn_clock_held(&c));
    CHECK_INT((int)turn_clock_ms(&c, 21000), 1000);
    turn_clock_options_in_view(&c, 0x3u, 4, 21000);
    CHECK(turn_clock_held(&c));
    /* Held now: the time counted from now on. */
    CHECK_INT((int)turn_clock_when(&c, 3000, 23000), 25000);
    CHECK_INT((int)turn_clock_ms(&c, 23000), 1000);
    turn_clock_options_in_view(&c, 0xcu, 4, 23000);
    CHECK(!turn_clock_held(&c));
    CHECK_INT((int)turn_clock_ms(&c, 24000), 2000);
}

int main(void)
{
    test_runs_and_holds();
    return check_done("test_turnclock");
}
