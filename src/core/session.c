#include "session.h"

#include <stdlib.h>
#include <string.h>

struct session {
    const scenario *sc;
    session_options options;
    int node_index; /* current node, or the ending once finished */
    bool finished;
    bool gave_up; /* finished through the built-in ending */
    int mood;
    int patience_ms;
    int offered[SCENARIO_MAX_CHOICES];
    size_t offered_count;
    const char **flags; /* borrowed from the scenario */
    size_t flag_count;
    size_t flag_capacity;
    session_turn *turns;
    size_t turn_count;
    size_t turn_capacity;
};

static int session_clamp_mood(int mood)
{
    return mood < 0 ? 0 : (mood > 100 ? 100 : mood);
}

static bool session_flag_cb(const void *ctx, const char *flag)
{
    return session_flag_is_set(ctx, flag);
}

/* SplitMix64 (Steele, Lea, Flood 2014): one step of the generator. */
static uint64_t session_splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Shuffles the options on offer (Fisher-Yates over the positions not
 * pinned), drawn from the seed, the turn about to be played and the
 * node: the same seed shows the same order at the same turn. */
static void session_shuffle(session *s, const scenario_node *n)
{
    uint64_t state = s->options.seed;
    uint64_t mix = (uint64_t)s->turn_count * 0xD1B54A32D192ED03ULL ^
                   ((uint64_t)s->node_index + 1) * 0xAEF17502108EF2D9ULL;
    state ^= session_splitmix(&mix);
    size_t free_pos[SCENARIO_MAX_CHOICES];
    size_t nfree = 0;
    for (size_t p = 0; p < s->offered_count; p++) {
        if (!n->choices[s->offered[p]].pinned) {
            free_pos[nfree++] = p;
        }
    }
    for (size_t i = nfree; i > 1; i--) {
        size_t j = (size_t)(session_splitmix(&state) % i);
        int tmp = s->offered[free_pos[i - 1]];
        s->offered[free_pos[i - 1]] = s->offered[free_pos[j]];
        s->offered[free_pos[j]] = tmp;
    }
}

/* Enters a node (or ending) and computes the options on offer. */
static void session_enter(session *s, int index)
{
    s->offered_count = 0;
    if (index < 0) {
        s->finished = true;
        s->gave_up = true;
        s->node_index = -1;
        return;
    }
    s->node_index = index;
    const scenario_node *n = &s->sc->nodes[index];
    if (n->is_ending) {
        s->finished = true;
        return;
    }
    for (size_t i = 0; i < n->choice_count && i < SCENARIO_MAX_CHOICES; i++) {
        const scenario_choice *c = &n->choices[i];
        if (!c->conditional ||
            scenario_condition_holds(&c->cond, s->mood, session_flag_cb, s)) {
            s->offered[s->offered_count++] = (int)i;
        }
    }
    if (s->options.shuffle) {
        session_shuffle(s, n);
    }
}

session *session_new(const scenario *sc, const session_options *options)
{
    if (!sc || sc->start_index < 0 ||
        (size_t)sc->start_index >= sc->node_count) {
        return NULL;
    }
    session *s = calloc(1, sizeof *s);
    if (!s) {
        return NULL;
    }
    s->sc = sc;
    if (options) {
        s->options = *options;
        s->options.seed &= SESSION_SEED_MAX;
    }
    s->mood = session_clamp_mood(sc->customer.mood);
    s->patience_ms = sc->customer.patience_ms;
    session_enter(s, sc->start_index);
    return s;
}

void session_free(session *s)
{
    if (!s) {
        return;
    }
    free(s->flags);
    free(s->turns);
    free(s);
}

const scenario *session_scenario(const session *s) { return s->sc; }
const session_options *session_options_of(const session *s)
{
    return &s->options;
}
bool session_is_finished(const session *s) { return s->finished; }
bool session_gave_up(const session *s) { return s->gave_up; }

const scenario_node *session_node(const session *s)
{
    return s->finished ? NULL : &s->sc->nodes[s->node_index];
}

const scenario_node *session_ending(const session *s)
{
    if (!s->finished || s->node_index < 0) {
        return NULL;
    }
    return &s->sc->nodes[s->node_index];
}

scenario_outcome session_outcome(const session *s)
{
    const scenario_node *e = session_ending(s);
    return e ? e->outcome : SCENARIO_OUTCOME_LOST;
}

size_t session_offered_count(const session *s)
{
    return s->finished ? 0 : s->offered_count;
}

int session_offered_index(const session *s, size_t pos)
{
    if (s->finished || pos >= s->offered_count) {
        return -1;
    }
    return s->offered[pos];
}

const scenario_choice *session_offered(const session *s, size_t pos)
{
    int i = session_offered_index(s, pos);
    return i < 0 ? NULL : &s->sc->nodes[s->node_index].choices[i];
}

int session_position_of(const session *s, int choice_index)
{
    for (size_t p = 0; !s->finished && p < s->offered_count; p++) {
        if (s->offered[p] == choice_index) {
            return (int)p;
        }
    }
    return -1;
}

int session_turn_position(const session_turn *t, int choice_index)
{
    for (size_t p = 0; p < t->shown_count; p++) {
        if (t->shown[p] == choice_index) {
            return (int)p + 1;
        }
    }
    return 0;
}

int session_mood(const session *s) { return s->mood; }

int session_target_ms(const session *s)
{
    return s->finished ? 0 : scenario_target_ms(&s->sc->nodes[s->node_index]);
}

int session_patience_ms(const session *s) { return s->patience_ms; }

int session_patience_left_ms(const session *s, int elapsed_ms)
{
    if (s->finished) {
        return 0;
    }
    if (s->options.relaxed_timing) {
        return s->patience_ms;
    }
    long over = (long)elapsed_ms - session_target_ms(s);
    if (over <= 0) {
        return s->patience_ms;
    }
    return over >= s->patience_ms ? 0 : s->patience_ms - (int)over;
}

bool session_flag_is_set(const session *s, const char *flag)
{
    for (size_t i = 0; i < s->flag_count; i++) {
        if (strcmp(s->flags[i], flag) == 0) {
            return true;
        }
    }
    return false;
}

static bool session_set_flag(session *s, const char *flag)
{
    if (session_flag_is_set(s, flag)) {
        return true;
    }
    if (s->flag_count == s->flag_capacity) {
        size_t cap = s->flag_capacity ? s->flag_capacity * 2 : 8;
        const char **grown = realloc(s->flags, cap * sizeof(*grown));
        if (!grown) {
            return false;
        }
        s->flags = grown;
        s->flag_capacity = cap;
    }
    s->flags[s->flag_count++] = flag;
    return true;
}

static void session_clear_flag(session *s, const char *flag)
{
    for (size_t i = 0; i < s->flag_count; i++) {
        if (strcmp(s->flags[i], flag) == 0) {
            s->flags[i] = s->flags[--s->flag_count];
            return;
        }
    }
}

static session_turn *session_new_turn(session *s)
{
    if (s->turn_count == s->turn_capacity) {
        size_t cap = s->turn_capacity ? s->turn_capacity * 2 : 16;
        session_turn *grown = realloc(s->turns, cap * sizeof(*grown));
        if (!grown) {
            return NULL;
        }
        s->turns = grown;
        s->turn_capacity = cap;
    }
    session_turn *t = &s->turns[s->turn_count];
    memset(t, 0, sizeof *t);
    t->node_index = s->node_index;
    t->target_ms = session_target_ms(s);
    t->mood_before = s->mood;
    t->patience_before_ms = s->patience_ms;
    for (size_t i = 0; i < s->offered_count; i++) {
        t->offered |= (uint16_t)(1u << s->offered[i]);
        t->shown[i] = (uint8_t)s->offered[i];
    }
    t->shown_count = (uint8_t)s->offered_count;
    return t;
}

static session_status session_time_out(session *s, session_turn *t)
{
    const scenario_node *n = &s->sc->nodes[s->node_index];
    t->choice_index = -1;
    t->offered_pos = 0;
    t->response_ms = t->target_ms + s->patience_ms;
    s->mood = session_clamp_mood(s->mood - SESSION_TIMEOUT_MOOD_DROP);
    t->mood_after = s->mood;
    t->patience_after_ms = 0;
    t->next_index = n->timeout_index >= 0 ? n->timeout_index
                                          : s->sc->customer.timeout_index;
    s->patience_ms = s->sc->customer.patience_ms;
    s->turn_count++;
    session_enter(s, t->next_index);
    return SESSION_TIMED_OUT;
}

session_status session_wait(session *s, int elapsed_ms)
{
    if (s->finished) {
        return SESSION_ERR_FINISHED;
    }
    if (elapsed_ms < 0) {
        return SESSION_ERR_BAD_TIME;
    }
    if (s->options.relaxed_timing ||
        (long)elapsed_ms - session_target_ms(s) <= s->patience_ms) {
        return SESSION_OK;
    }
    session_turn *t = session_new_turn(s);
    if (!t) {
        return SESSION_OK; /* out of memory: keep waiting, lose nothing */
    }
    return session_time_out(s, t);
}

session_status session_choose(session *s, size_t pos, int response_ms)
{
    if (s->finished) {
        return SESSION_ERR_FINISHED;
    }
    if (pos >= s->offered_count) {
        return SESSION_ERR_NO_SUCH_CHOICE;
    }
    if (response_ms < 0) {
        return SESSION_ERR_BAD_TIME;
    }
    session_turn *t = session_new_turn(s);
    if (!t) {
        return SESSION_ERR_NO_SUCH_CHOICE;
    }
    long over = (long)response_ms - t->target_ms;
    if (s->options.relaxed_timing || over < 0) {
        over = 0;
    }
    if (over > s->patience_ms) {
        return session_time_out(s, t);
    }
    const scenario_node *n = &s->sc->nodes[s->node_index];
    const scenario_choice *c = &n->choices[s->offered[pos]];
    t->choice_index = s->offered[pos];
    /* judged before the choice's own effects change mood and flags */
    t->critical =
        c->critical && (!c->critical_conditional ||
                        scenario_condition_holds(&c->critical_cond, s->mood,
                                                 session_flag_cb, s));
    t->offered_pos = (int)pos + 1;
    t->response_ms = response_ms;
    s->patience_ms -= (int)over;
    t->patience_after_ms = s->patience_ms;
    s->mood = session_clamp_mood(s->mood + c->mood_change);
    t->mood_after = s->mood;
    for (size_t i = 0; i < c->clear_count; i++) {
        session_clear_flag(s, c->clear_flags[i]);
    }
    for (size_t i = 0; i < c->set_count; i++) {
        session_set_flag(s, c->set_flags[i]);
    }
    /* Branches are tested after the choice's own effects. */
    int next = c->next_index;
    for (size_t b = 0; b < c->branch_count; b++) {
        if (scenario_condition_holds(&c->branches[b].cond, s->mood,
                                     session_flag_cb, s)) {
            next = c->branches[b].next_index;
            break;
        }
    }
    t->next_index = next;
    s->turn_count++;
    session_enter(s, next);
    return SESSION_OK;
}

size_t session_turn_count(const session *s) { return s->turn_count; }

const session_turn *session_turn_at(const session *s, size_t i)
{
    return i < s->turn_count ? &s->turns[i] : NULL;
}

const char *session_status_message(session_status status)
{
    switch (status) {
    case SESSION_OK:
        return "ok";
    case SESSION_TIMED_OUT:
        return "the customer's patience ran out";
    case SESSION_ERR_FINISHED:
        return "the call has already ended";
    case SESSION_ERR_NO_SUCH_CHOICE:
        return "no such option at this turn";
    case SESSION_ERR_BAD_TIME:
        return "response time cannot be negative";
    }
    return "unknown status";
}
