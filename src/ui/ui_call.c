/* ui_call.c — how a call of the game is set up: its session options
 * (relaxed timing, and the options shuffled from a seed drawn for the
 * call) and a call replayed on a scenario edited and reloaded (F5).
 *
 * The seed is the app layer's: the core never draws one. It comes from
 * the system's entropy (getentropy), else from the clock; a scripted run
 * (rapport play --script) shuffles only with --seed, so that its
 * positions keep meaning the scenario's order.
 */
#define _DEFAULT_SOURCE /* getentropy */
#include <SDL.h>
#include <string.h>
#include <unistd.h>

#include "ui_internal.h"

/* A fresh seed for a call, 0..SESSION_SEED_MAX. */
static uint64_t ui_call_draw_seed(const ui_app *app)
{
    uint64_t seed = 0;
    if (getentropy(&seed, sizeof seed) != 0) {
        seed = SDL_GetPerformanceCounter() * 0x9E3779B97F4A7C15ULL ^
               (uint64_t)ui_results_wall_ms(app);
    }
    return seed & SESSION_SEED_MAX;
}

void ui_call_options(const ui_app *app, session_options *so)
{
    memset(so, 0, sizeof *so);
    so->relaxed_timing = app->set.relaxed;
    if (app->opt.seed_set) {
        so->shuffle = true;
        so->seed = app->opt.seed & SESSION_SEED_MAX;
    } else if (app->set.shuffle && !app->opt.scripted) {
        so->shuffle = true;
        so->seed = ui_call_draw_seed(app);
    }
}

static bool ui_call_same_node(const scenario_node *a, const scenario_node *b)
{
    return a == b || (a && b && strcmp(a->id, b->id) == 0);
}

session *ui_call_replay(const ui_play *p, const scenario *sc, bool *same)
{
    /* the same options, seed included: the same order at every turn */
    session_options so = *session_options_of(p->s);
    session *s = session_new(sc, &so);
    if (!s) {
        return NULL;
    }
    bool ok = true;
    for (size_t i = 0; i < session_turn_count(p->s) && ok; i++) {
        const session_turn *t = session_turn_at(p->s, i);
        ok = ui_call_same_node(session_node(s), &p->sc->nodes[t->node_index]);
        if (!ok) {
            break;
        }
        /* the same option (by its place in the node), wherever shown */
        int pos =
            t->choice_index < 0 ? -1 : session_position_of(s, t->choice_index);
        session_status st =
            t->choice_index < 0 ? session_wait(s, t->response_ms)
            : pos < 0           ? SESSION_ERR_NO_SUCH_CHOICE
                      : session_choose(s, (size_t)pos, t->response_ms);
        session_status want =
            t->choice_index < 0 ? SESSION_TIMED_OUT : SESSION_OK;
        ok = st == want;
    }
    ok = ok && session_is_finished(s) == session_is_finished(p->s) &&
         ui_call_same_node(session_node(s), session_node(p->s)) &&
         ui_call_same_node(session_ending(s), session_ending(p->s)) &&
         session_gave_up(s) == session_gave_up(p->s);
    *same = ok;
    if (!ok) {
        session_free(s);
        s = session_new(sc, &so);
    }
    return s;
}
