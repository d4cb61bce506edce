/* class.c — the classroom rules: votes, tallies, teams, majority and
 * ties, the phases of a turn, the discussion timer and team scoring. */
#include "class.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

typedef struct {
    class_source source;
    int slot; /* team, or 0 for the room in whole-class mode */
    int pos;
    int count;
} class_entry;

struct class_session {
    const scenario *sc;
    class_options opt;
    char *names[CLASS_MAX_TEAMS];
    const char *name_ptrs[CLASS_MAX_TEAMS];
    session *s;
    class_phase phase;
    int review; /* -1: live */
    /* the current turn */
    class_entry *entries;
    size_t entry_count;
    size_t entry_cap;
    int tally[CLASS_MAX_TEAMS][CLASS_SRC_COUNT][SCENARIO_MAX_CHOICES];
    int pick[CLASS_MAX_TEAMS]; /* a team's pick on a tie, -1 none */
    int room_pick;             /* the call's pick on a tie, -1 none */
    /* the timer */
    bool timer_running;
    int64_t timer_since;
    int timer_elapsed;
    int timer_total;
    /* played turns and events */
    class_turn *turns;
    size_t turn_count;
    size_t turn_cap;
    class_event *events;
    size_t event_count;
    size_t event_cap;
};

static size_t class_slots(const class_session *c)
{
    return c->opt.mode == CLASS_TEAMS ? c->opt.team_count : 1;
}

bool class_team_name_valid(const char *name)
{
    if (!name) {
        return false;
    }
    size_t len = strlen(name);
    if (len == 0 || len > CLASS_MAX_TEAM_NAME_BYTES) {
        return false;
    }
    bool visible = false;
    const unsigned char *p = (const unsigned char *)name;
    while (*p) {
        unsigned char b = *p;
        size_t n = b < 0x80         ? 1
                   : (b >> 5) == 6  ? 2
                   : (b >> 4) == 14 ? 3
                   : (b >> 3) == 30 ? 4
                                    : 0;
        if (n == 0) {
            return false;
        }
        uint32_t cp = n == 1 ? b : (uint32_t)(b & (0x7F >> n));
        for (size_t i = 1; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
            (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        /* controls, and bidi embeddings / overrides / isolates */
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
            (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return false;
        }
        if (cp != ' ') {
            visible = true;
        }
        p += n;
    }
    return visible;
}

class_session *class_new(const scenario *sc, const class_options *options,
                         diag_list *diags)
{
    class_options opt = {0};
    if (options) {
        opt = *options;
    }
    if (!sc) {
        return NULL;
    }
    if (opt.mode == CLASS_TEAMS) {
        if (opt.team_count < CLASS_MIN_TEAMS ||
            opt.team_count > CLASS_MAX_TEAMS || !opt.team_names) {
            diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                     "teams mode needs %d to %d teams, not %zu",
                     CLASS_MIN_TEAMS, CLASS_MAX_TEAMS, opt.team_count);
            return NULL;
        }
        for (size_t i = 0; i < opt.team_count; i++) {
            if (!class_team_name_valid(opt.team_names[i])) {
                diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                         "team %zu: a team name is 1 to %d bytes of text "
                         "without control characters",
                         i + 1, CLASS_MAX_TEAM_NAME_BYTES);
                return NULL;
            }
            for (size_t j = 0; j < i; j++) {
                if (strcmp(opt.team_names[i], opt.team_names[j]) == 0) {
                    diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                             "two teams are called '%s'", opt.team_names[i]);
                    return NULL;
                }
            }
        }
    } else {
        opt.mode = CLASS_WHOLE;
        opt.team_count = 0;
        opt.team_names = NULL;
    }
    if (opt.discussion_ms <= 0) {
        opt.discussion_ms = CLASS_DEFAULT_DISCUSSION_MS;
    }
    class_session *c = calloc(1, sizeof *c);
    if (!c) {
        diag_add(diags, DIAG_ERROR, NULL, 0, 0, "out of memory");
        return NULL;
    }
    c->sc = sc;
    for (size_t i = 0; i < opt.team_count; i++) {
        c->names[i] = strdup(opt.team_names[i]);
        if (!c->names[i]) {
            class_free(c);
            diag_add(diags, DIAG_ERROR, NULL, 0, 0, "out of memory");
            return NULL;
        }
        c->name_ptrs[i] = c->names[i];
    }
    opt.team_names = opt.team_count ? c->name_ptrs : NULL;
    c->opt = opt;
    session_options so = {.relaxed_timing = true};
    c->s = session_new(sc, &so);
    if (!c->s) {
        diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                 "the scenario cannot be played (no start)");
        class_free(c);
        return NULL;
    }
    c->review = -1;
    c->room_pick = -1;
    for (int i = 0; i < CLASS_MAX_TEAMS; i++) {
        c->pick[i] = -1;
    }
    c->timer_total = opt.discussion_ms;
    c->phase =
        session_is_finished(c->s) ? CLASS_PHASE_ENDING : CLASS_PHASE_LINE;
    return c;
}

void class_free(class_session *c)
{
    if (!c) {
        return;
    }
    for (int i = 0; i < CLASS_MAX_TEAMS; i++) {
        free(c->names[i]);
    }
    session_free(c->s);
    free(c->entries);
    free(c->turns);
    free(c->events);
    free(c);
}

const scenario *class_scenario(const class_session *c) { return c->sc; }
const class_options *class_options_of(const class_session *c)
{
    return &c->opt;
}
class_mode class_mode_of(const class_session *c) { return c->opt.mode; }
size_t class_team_count(const class_session *c) { return c->opt.team_count; }
const char *class_team_name(const class_session *c, size_t team)
{
    return team < c->opt.team_count ? c->names[team] : NULL;
}
const session *class_session_of(const class_session *c) { return c->s; }
class_phase class_phase_of(const class_session *c) { return c->phase; }
bool class_is_finished(const class_session *c)
{
    return session_is_finished(c->s);
}
size_t class_turn_count(const class_session *c) { return c->turn_count; }
const class_turn *class_turn_at(const class_session *c, size_t i)
{
    return i < c->turn_count ? &c->turns[i] : NULL;
}
int class_review_turn(const class_session *c) { return c->review; }
size_t class_event_count(const class_session *c) { return c->event_count; }
const class_event *class_event_at(const class_session *c, size_t i)
{
    return i < c->event_count ? &c->events[i] : NULL;
}

char class_letter(size_t pos) { return pos < 26 ? (char)('A' + pos) : '?'; }

size_t class_turn_index(const class_session *c)
{
    if ((c->phase == CLASS_PHASE_PLAYED || c->phase == CLASS_PHASE_ENDING ||
         c->phase == CLASS_PHASE_DEBRIEF) &&
        c->turn_count > 0) {
        return c->turn_count - 1;
    }
    return c->turn_count;
}

size_t class_option_count(const class_session *c)
{
    return session_offered_count(c->s);
}

const char *class_phase_name(class_phase phase)
{
    static const char *const names[] = {
        "line", "discuss", "vote", "results", "played", "ending", "debrief"};
    return (unsigned)phase < sizeof names / sizeof names[0] ? names[phase]
                                                            : "unknown";
}

const char *class_source_name(class_source source)
{
    static const char *const names[] = {"hands", "phones", "agreed"};
    return (unsigned)source < CLASS_SRC_COUNT ? names[source] : "unknown";
}

const char *class_status_message(class_status status)
{
    switch (status) {
    case CLASS_OK:
        return "ok";
    case CLASS_ERR_PHASE:
        return N_("not possible at this step");
    case CLASS_ERR_NO_SUCH_OPTION:
        return N_("no such option at this turn");
    case CLASS_ERR_NO_SUCH_TEAM:
        return N_("no such team");
    case CLASS_ERR_BAD_COUNT:
        return N_("a vote count must not be 0, too large, or take a tally "
                  "below 0");
    case CLASS_ERR_TOO_MANY:
        return N_("too many vote entries at this turn");
    case CLASS_ERR_NOTHING_TO_UNDO:
        return N_("no vote entry to undo");
    case CLASS_ERR_NO_VOTES:
        return N_("no votes yet (every team needs one)");
    case CLASS_ERR_NEEDS_PICK:
        return N_("the vote is tied: the facilitator must pick");
    case CLASS_ERR_NO_TIE:
        return N_("the votes are not tied there: nothing to pick");
    case CLASS_ERR_NO_MEMORY:
        return N_("out of memory");
    }
    return N_("unknown status");
}

static const char *const class_event_names[] = {"add",    "undo", "close",
                                                "reopen", "pick", "play"};

const char *class_event_kind_name(class_event_kind kind)
{
    return (unsigned)kind <
                   sizeof class_event_names / sizeof *class_event_names
               ? class_event_names[kind]
               : "unknown";
}

int class_event_kind_from_name(const char *name)
{
    for (size_t i = 0;
         name && i < sizeof class_event_names / sizeof *class_event_names;
         i++) {
        if (strcmp(name, class_event_names[i]) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* ---- tallies and choices ---- */

/* The counts that decide a slot's choice: AGREED when any, else HANDS +
 * PHONES. */
static void class_deciding(const class_session *c, int slot,
                           int out[SCENARIO_MAX_CHOICES])
{
    size_t n = session_offered_count(c->s);
    int agreed = 0;
    for (size_t i = 0; i < n; i++) {
        agreed += c->tally[slot][CLASS_SRC_AGREED][i];
    }
    for (size_t i = 0; i < SCENARIO_MAX_CHOICES; i++) {
        out[i] = 0;
        if (i >= n) {
            continue;
        }
        out[i] = agreed ? c->tally[slot][CLASS_SRC_AGREED][i]
                        : c->tally[slot][CLASS_SRC_HANDS][i] +
                              c->tally[slot][CLASS_SRC_PHONES][i];
    }
}

/* The position with the most votes; -1 with *tied when several share the
 * most (pick breaks that when it is one of them), -1 when none. Sets
 * *tie_mask to the tied positions. */
static int class_majority(const int *votes, size_t n, int pick, bool *tied,
                          unsigned *tie_mask)
{
    int best = 0;
    unsigned mask = 0;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] > best) {
            best = votes[i];
            mask = 1u << i;
        } else if (votes[i] == best && best > 0) {
            mask |= 1u << i;
        }
    }
    if (tie_mask) {
        *tie_mask = 0;
    }
    if (tied) {
        *tied = false;
    }
    if (best == 0) {
        return -1;
    }
    if ((mask & (mask - 1)) == 0) {
        for (size_t i = 0; i < n; i++) {
            if (mask & (1u << i)) {
                return (int)i;
            }
        }
    }
    if (tie_mask) {
        *tie_mask = mask;
    }
    if (pick >= 0 && (mask & (1u << pick))) {
        return pick;
    }
    if (tied) {
        *tied = true;
    }
    return -1;
}

static int class_slot_choice(const class_session *c, int slot, bool *tied,
                             unsigned *mask)
{
    int votes[SCENARIO_MAX_CHOICES];
    class_deciding(c, slot, votes);
    return class_majority(votes, session_offered_count(c->s), c->pick[slot],
                          tied, mask);
}

/* Teams mode: how many teams chose each option; false when a team has
 * not decided (*tied when one is tied). */
static bool class_team_votes(const class_session *c,
                             int votes[SCENARIO_MAX_CHOICES], bool *tied)
{
    memset(votes, 0, sizeof(int) * SCENARIO_MAX_CHOICES);
    bool all = true;
    if (tied) {
        *tied = false;
    }
    for (size_t t = 0; t < c->opt.team_count; t++) {
        bool ttied = false;
        int ch = class_slot_choice(c, (int)t, &ttied, NULL);
        if (ch < 0) {
            all = false;
            if (ttied && tied) {
                *tied = true;
            }
            continue;
        }
        votes[ch]++;
    }
    return all;
}

static int class_call_mask(const class_session *c, bool *tied, unsigned *mask)
{
    if (tied) {
        *tied = false;
    }
    if (mask) {
        *mask = 0;
    }
    if (c->opt.mode == CLASS_WHOLE) {
        return class_slot_choice(c, 0, tied, mask);
    }
    int votes[SCENARIO_MAX_CHOICES];
    if (!class_team_votes(c, votes, tied)) {
        return -1;
    }
    return class_majority(votes, session_offered_count(c->s), c->room_pick,
                          tied, mask);
}

int class_call(const class_session *c, bool *tied)
{
    if (c->phase == CLASS_PHASE_PLAYED || c->phase == CLASS_PHASE_ENDING ||
        c->phase == CLASS_PHASE_DEBRIEF) {
        if (tied) {
            *tied = false;
        }
        return c->turn_count ? c->turns[c->turn_count - 1].chosen_pos : -1;
    }
    return class_call_mask(c, tied, NULL);
}

int class_choice(const class_session *c, int team, bool *tied)
{
    if (team == CLASS_ROOM) {
        return class_call(c, tied);
    }
    if (tied) {
        *tied = false;
    }
    if (c->opt.mode != CLASS_TEAMS || team < 0 ||
        (size_t)team >= c->opt.team_count) {
        return -1;
    }
    return class_slot_choice(c, team, tied, NULL);
}

int class_tally(const class_session *c, class_source source, int team,
                size_t pos)
{
    if (pos >= SCENARIO_MAX_CHOICES) {
        return 0;
    }
    int sum = 0;
    for (size_t t = 0; t < class_slots(c); t++) {
        if (team != CLASS_ROOM && team != (int)t) {
            continue;
        }
        for (int s = 0; s < CLASS_SRC_COUNT; s++) {
            if (source == CLASS_SRC_COUNT || source == (class_source)s) {
                sum += c->tally[t][s][pos];
            }
        }
    }
    return sum;
}

int class_votes(const class_session *c, class_source source, int team)
{
    int sum = 0;
    for (size_t i = 0; i < session_offered_count(c->s); i++) {
        sum += class_tally(c, source, team, i);
    }
    return sum;
}

int class_bar(const class_session *c, size_t pos)
{
    if (pos >= session_offered_count(c->s)) {
        return 0;
    }
    int votes[SCENARIO_MAX_CHOICES];
    if (c->opt.mode == CLASS_WHOLE) {
        class_deciding(c, 0, votes);
    } else {
        class_team_votes(c, votes, NULL);
    }
    return votes[pos];
}

size_t class_entry_count(const class_session *c) { return c->entry_count; }

/* ---- events ---- */

static class_status class_log(class_session *c, class_event_kind kind,
                              class_source source, int team, int pos,
                              int count)
{
    if (c->event_count == c->event_cap) {
        size_t cap = c->event_cap ? c->event_cap * 2 : 64;
        class_event *grown = realloc(c->events, cap * sizeof *grown);
        if (!grown) {
            return CLASS_ERR_NO_MEMORY;
        }
        c->events = grown;
        c->event_cap = cap;
    }
    c->events[c->event_count++] = (class_event){
        .kind = kind,
        .turn = (int)c->turn_count,
        .source = source,
        .team = team,
        .pos = pos,
        .count = count,
    };
    return CLASS_OK;
}

/* ---- votes ---- */

static bool class_live_vote_phase(const class_session *c)
{
    return c->phase == CLASS_PHASE_LINE || c->phase == CLASS_PHASE_DISCUSS ||
           c->phase == CLASS_PHASE_VOTE;
}

static class_status class_team_slot(const class_session *c, int team,
                                    int *slot)
{
    if (c->opt.mode == CLASS_WHOLE) {
        if (team != CLASS_ROOM) {
            return CLASS_ERR_NO_SUCH_TEAM;
        }
        *slot = 0;
        return CLASS_OK;
    }
    if (team < 0 || (size_t)team >= c->opt.team_count) {
        return CLASS_ERR_NO_SUCH_TEAM;
    }
    *slot = team;
    return CLASS_OK;
}

class_status class_add(class_session *c, class_source source, int team,
                       size_t pos, int count)
{
    if (!class_live_vote_phase(c) || session_is_finished(c->s)) {
        return CLASS_ERR_PHASE;
    }
    if ((unsigned)source >= CLASS_SRC_COUNT) {
        return CLASS_ERR_BAD_COUNT;
    }
    int slot;
    class_status st = class_team_slot(c, team, &slot);
    if (st != CLASS_OK) {
        return st;
    }
    if (pos >= session_offered_count(c->s)) {
        return CLASS_ERR_NO_SUCH_OPTION;
    }
    int *t = &c->tally[slot][source][pos];
    if (count == 0 || count > CLASS_MAX_COUNT || count < -CLASS_MAX_COUNT ||
        *t + count < 0 || *t + count > CLASS_MAX_ENTRIES * CLASS_MAX_COUNT) {
        return CLASS_ERR_BAD_COUNT;
    }
    if (c->entry_count >= CLASS_MAX_ENTRIES) {
        return CLASS_ERR_TOO_MANY;
    }
    if (c->entry_count == c->entry_cap) {
        size_t cap = c->entry_cap ? c->entry_cap * 2 : 32;
        class_entry *grown = realloc(c->entries, cap * sizeof *grown);
        if (!grown) {
            return CLASS_ERR_NO_MEMORY;
        }
        c->entries = grown;
        c->entry_cap = cap;
    }
    if (class_log(c, CLASS_EV_ADD, source, team, (int)pos, count) !=
        CLASS_OK) {
        return CLASS_ERR_NO_MEMORY;
    }
    c->entries[c->entry_count++] =
        (class_entry){source, slot, (int)pos, count};
    *t += count;
    c->phase = CLASS_PHASE_VOTE;
    c->review = -1;
    return CLASS_OK;
}

class_status class_undo(class_session *c)
{
    if (c->phase != CLASS_PHASE_VOTE) {
        return CLASS_ERR_PHASE;
    }
    /* the facilitator's last entry: phone votes are the room's own */
    size_t i = c->entry_count;
    while (i > 0 && c->entries[i - 1].source == CLASS_SRC_PHONES) {
        i--;
    }
    if (i == 0) {
        return CLASS_ERR_NOTHING_TO_UNDO;
    }
    if (class_log(c, CLASS_EV_UNDO, 0, 0, 0, 0) != CLASS_OK) {
        return CLASS_ERR_NO_MEMORY;
    }
    class_entry e = c->entries[i - 1];
    memmove(&c->entries[i - 1], &c->entries[i],
            (c->entry_count - i) * sizeof *c->entries);
    c->entry_count--;
    c->tally[e.slot][e.source][e.pos] -= e.count;
    return CLASS_OK;
}

class_status class_close_vote(class_session *c)
{
    if (!class_live_vote_phase(c) || session_is_finished(c->s)) {
        return CLASS_ERR_PHASE;
    }
    for (size_t t = 0; t < class_slots(c); t++) {
        int votes[SCENARIO_MAX_CHOICES];
        class_deciding(c, (int)t, votes);
        int sum = 0;
        for (size_t i = 0; i < SCENARIO_MAX_CHOICES; i++) {
            sum += votes[i];
        }
        if (sum == 0) {
            return CLASS_ERR_NO_VOTES;
        }
    }
    if (class_log(c, CLASS_EV_CLOSE, 0, 0, 0, 0) != CLASS_OK) {
        return CLASS_ERR_NO_MEMORY;
    }
    c->phase = CLASS_PHASE_RESULTS;
    c->review = -1;
    if (c->timer_running) {
        c->timer_running = false; /* time is not known here: keep elapsed */
    }
    return CLASS_OK;
}

class_status class_reopen_vote(class_session *c)
{
    if (c->phase != CLASS_PHASE_RESULTS) {
        return CLASS_ERR_PHASE;
    }
    if (class_log(c, CLASS_EV_REOPEN, 0, 0, 0, 0) != CLASS_OK) {
        return CLASS_ERR_NO_MEMORY;
    }
    c->phase = CLASS_PHASE_VOTE;
    c->room_pick = -1;
    for (int i = 0; i < CLASS_MAX_TEAMS; i++) {
        c->pick[i] = -1;
    }
    return CLASS_OK;
}

class_status class_pick(class_session *c, int team, size_t pos)
{
    if (c->phase != CLASS_PHASE_RESULTS) {
        return CLASS_ERR_PHASE;
    }
    if (pos >= session_offered_count(c->s)) {
        return CLASS_ERR_NO_SUCH_OPTION;
    }
    unsigned mask = 0;
    bool tied = false;
    int *slot_pick;
    if (team == CLASS_ROOM) {
        if (c->opt.mode == CLASS_WHOLE) {
            int saved = c->pick[0];
            c->pick[0] = -1;
            class_slot_choice(c, 0, &tied, &mask);
            c->pick[0] = saved;
            slot_pick = &c->pick[0];
        } else {
            int saved = c->room_pick;
            c->room_pick = -1;
            class_call_mask(c, &tied, &mask);
            c->room_pick = saved;
            slot_pick = &c->room_pick;
        }
    } else {
        int slot;
        if (c->opt.mode != CLASS_TEAMS ||
            class_team_slot(c, team, &slot) != CLASS_OK) {
            return CLASS_ERR_NO_SUCH_TEAM;
        }
        int saved = c->pick[slot];
        c->pick[slot] = -1;
        class_slot_choice(c, slot, &tied, &mask);
        c->pick[slot] = saved;
        slot_pick = &c->pick[slot];
    }
    if (!(mask & (1u << pos))) {
        return CLASS_ERR_NO_TIE;
    }
    if (class_log(c, CLASS_EV_PICK, 0, team, (int)pos, 0) != CLASS_OK) {
        return CLASS_ERR_NO_MEMORY;
    }
    *slot_pick = (int)pos;
    return CLASS_OK;
}

static void class_reset_turn(class_session *c)
{
    c->entry_count = 0;
    memset(c->tally, 0, sizeof c->tally);
    for (int i = 0; i < CLASS_MAX_TEAMS; i++) {
        c->pick[i] = -1;
    }
    c->room_pick = -1;
    c->timer_running = false;
    c->timer_elapsed = 0;
    c->timer_total = c->opt.discussion_ms;
}

class_status class_play(class_session *c)
{
    if (c->phase != CLASS_PHASE_RESULTS) {
        return CLASS_ERR_PHASE;
    }
    bool tied = false;
    int call = class_call_mask(c, &tied, NULL);
    if (call < 0) {
        return tied ? CLASS_ERR_NEEDS_PICK : CLASS_ERR_NO_VOTES;
    }
    if (c->turn_count == c->turn_cap) {
        size_t cap = c->turn_cap ? c->turn_cap * 2 : 16;
        class_turn *grown = realloc(c->turns, cap * sizeof *grown);
        if (!grown) {
            return CLASS_ERR_NO_MEMORY;
        }
        c->turns = grown;
        c->turn_cap = cap;
    }
    class_turn t;
    memset(&t, 0, sizeof t);
    const scenario_node *n = session_node(c->s);
    t.node_index = (int)(n - c->sc->nodes);
    t.option_count = session_offered_count(c->s);
    for (size_t i = 0; i < t.option_count; i++) {
        t.option_index[i] = session_offered_index(c->s, i);
        t.tally[i] = class_tally(c, CLASS_SRC_COUNT, CLASS_ROOM, i);
        t.votes[i] = class_bar(c, i);
        for (int s = 0; s < CLASS_SRC_COUNT; s++) {
            t.source_tally[s][i] =
                class_tally(c, (class_source)s, CLASS_ROOM, i);
        }
        for (size_t k = 0; k < c->opt.team_count; k++) {
            t.team_tally[k][i] = class_tally(c, CLASS_SRC_COUNT, (int)k, i);
        }
    }
    int distinct = 0;
    for (size_t i = 0; i < t.option_count; i++) {
        distinct += t.votes[i] > 0;
    }
    t.split = distinct > 1;
    for (size_t k = 0; k < c->opt.team_count; k++) {
        bool ttied = false;
        int saved = c->pick[k];
        c->pick[k] = -1;
        class_slot_choice(c, (int)k, &ttied, NULL);
        c->pick[k] = saved;
        t.team_choice[k] = class_slot_choice(c, (int)k, NULL, NULL);
        t.team_picked[k] = ttied;
    }
    if (c->opt.mode == CLASS_WHOLE) {
        bool rtied = false;
        int saved = c->pick[0];
        c->pick[0] = -1;
        class_slot_choice(c, 0, &rtied, NULL);
        c->pick[0] = saved;
        t.picked = rtied;
    } else {
        bool rtied = false;
        int saved = c->room_pick;
        c->room_pick = -1;
        class_call_mask(c, &rtied, NULL);
        c->room_pick = saved;
        t.picked = rtied;
    }
    t.chosen_pos = call;
    t.chosen_index = session_offered_index(c->s, (size_t)call);
    t.best_pos = (int)score_pick(c->s, false);
    t.mood_before = session_mood(c->s);
    if (class_log(c, CLASS_EV_PLAY, 0, 0, call, 0) != CLASS_OK) {
        return CLASS_ERR_NO_MEMORY;
    }
    session_status st =
        session_choose(c->s, (size_t)call, session_target_ms(c->s));
    if (st != SESSION_OK) {
        c->event_count--;
        return CLASS_ERR_NO_MEMORY;
    }
    t.mood_after = session_mood(c->s);
    c->turns[c->turn_count++] = t;
    class_reset_turn(c);
    c->phase = CLASS_PHASE_PLAYED;
    c->review = -1;
    return CLASS_OK;
}

/* ---- stepping ---- */

static void class_timer_stop_at(class_session *c, int64_t now_ms)
{
    if (c->timer_running) {
        int64_t d = now_ms - c->timer_since;
        if (d > 0) {
            c->timer_elapsed += d > c->timer_total ? c->timer_total : (int)d;
        }
        c->timer_running = false;
    }
}

class_status class_next(class_session *c, int64_t now_ms)
{
    if (c->review >= 0) {
        size_t live =
            c->phase == CLASS_PHASE_LINE ? c->turn_count : c->turn_count - 1;
        c->review++;
        if ((size_t)c->review >= live) {
            c->review = -1;
        }
        return CLASS_OK;
    }
    switch (c->phase) {
    case CLASS_PHASE_LINE:
        c->phase = CLASS_PHASE_DISCUSS;
        class_timer_start(c, now_ms);
        return CLASS_OK;
    case CLASS_PHASE_DISCUSS:
        c->phase = CLASS_PHASE_VOTE;
        return CLASS_OK;
    case CLASS_PHASE_VOTE: {
        class_timer_stop_at(c, now_ms);
        return class_close_vote(c);
    }
    case CLASS_PHASE_RESULTS:
        return class_play(c);
    case CLASS_PHASE_PLAYED:
        c->phase =
            session_is_finished(c->s) ? CLASS_PHASE_ENDING : CLASS_PHASE_LINE;
        return CLASS_OK;
    case CLASS_PHASE_ENDING:
        c->phase = CLASS_PHASE_DEBRIEF;
        return CLASS_OK;
    case CLASS_PHASE_DEBRIEF:
        return CLASS_ERR_PHASE;
    }
    return CLASS_ERR_PHASE;
}

class_status class_back(class_session *c, int64_t now_ms)
{
    if (c->review >= 0) {
        if (c->review == 0) {
            return CLASS_ERR_PHASE;
        }
        c->review--;
        return CLASS_OK;
    }
    switch (c->phase) {
    case CLASS_PHASE_VOTE: {
        class_status st = class_undo(c);
        if (st != CLASS_ERR_NOTHING_TO_UNDO) {
            return st;
        }
        c->phase = CLASS_PHASE_DISCUSS; /* phone votes stay */
        return CLASS_OK;
    }
    case CLASS_PHASE_DISCUSS:
        class_timer_stop_at(c, now_ms);
        c->phase = CLASS_PHASE_LINE;
        return CLASS_OK;
    case CLASS_PHASE_RESULTS:
        return class_reopen_vote(c);
    case CLASS_PHASE_LINE:
        if (c->turn_count == 0) {
            return CLASS_ERR_PHASE;
        }
        c->review = (int)c->turn_count - 1;
        return CLASS_OK;
    case CLASS_PHASE_PLAYED:
        if (c->turn_count < 2) {
            return CLASS_ERR_PHASE;
        }
        c->review = (int)c->turn_count - 2;
        return CLASS_OK;
    case CLASS_PHASE_ENDING:
        c->phase = CLASS_PHASE_PLAYED;
        return CLASS_OK;
    case CLASS_PHASE_DEBRIEF:
        c->phase = CLASS_PHASE_ENDING;
        return CLASS_OK;
    }
    return CLASS_ERR_PHASE;
}

/* ---- the timer ---- */

void class_timer_start(class_session *c, int64_t now_ms)
{
    if (!c->timer_running && c->timer_elapsed < c->timer_total) {
        c->timer_running = true;
        c->timer_since = now_ms;
    }
}

void class_timer_pause(class_session *c, int64_t now_ms)
{
    class_timer_stop_at(c, now_ms);
}

void class_timer_extend(class_session *c, int ms)
{
    if (ms > 0 && c->timer_total <= 24 * 3600 * 1000 - ms) {
        c->timer_total += ms;
    }
}

class_status class_timer_skip(class_session *c, int64_t now_ms)
{
    class_timer_stop_at(c, now_ms);
    c->timer_elapsed = c->timer_total;
    if (c->phase == CLASS_PHASE_LINE || c->phase == CLASS_PHASE_DISCUSS) {
        c->phase = CLASS_PHASE_VOTE;
        return CLASS_OK;
    }
    return c->phase == CLASS_PHASE_VOTE ? CLASS_OK : CLASS_ERR_PHASE;
}

bool class_timer_running(const class_session *c) { return c->timer_running; }

int class_timer_left_ms(const class_session *c, int64_t now_ms)
{
    int64_t used = c->timer_elapsed;
    if (c->timer_running && now_ms > c->timer_since) {
        used += now_ms - c->timer_since;
    }
    return used >= c->timer_total ? 0 : c->timer_total - (int)used;
}

int class_timer_total_ms(const class_session *c) { return c->timer_total; }

/* ---- looking back ---- */

bool class_whatif_at(const class_session *c, size_t turn, size_t pos,
                     class_whatif *out)
{
    const scenario_node *n;
    unsigned offered = 0;
    int index;
    int chosen = -1;
    if (turn < c->turn_count) {
        const class_turn *t = &c->turns[turn];
        if (pos >= t->option_count) {
            return false;
        }
        n = &c->sc->nodes[t->node_index];
        for (size_t i = 0; i < t->option_count; i++) {
            offered |= 1u << t->option_index[i];
        }
        index = t->option_index[pos];
        chosen = t->chosen_pos;
    } else if (turn == c->turn_count && !session_is_finished(c->s)) {
        if (pos >= session_offered_count(c->s)) {
            return false;
        }
        n = session_node(c->s);
        for (size_t i = 0; i < session_offered_count(c->s); i++) {
            offered |= 1u << session_offered_index(c->s, i);
        }
        index = session_offered_index(c->s, pos);
    } else {
        return false;
    }
    const scenario_choice *ch = &n->choices[index];
    memset(out, 0, sizeof *out);
    out->choice = ch;
    out->feedback = ch->feedback;
    out->mood_change = ch->mood_change;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        out->rating[d] = ch->rating[d];
    }
    out->value = score_option_value(c->sc, n, offered, index);
    double best = 0.0;
    for (size_t i = 0; i < n->choice_count && i < 16; i++) {
        if (offered & (1u << i)) {
            double v = score_option_value(c->sc, n, offered, (int)i);
            best = v > best ? v : best;
        }
    }
    out->best = out->value >= best - 1e-9;
    out->chosen = chosen == (int)pos;
    return true;
}

/* ---- scores ---- */

bool class_scores(const class_session *c, int team, score_summary *out)
{
    if (team == CLASS_ROOM) {
        score_summarise(c->s, out);
        return true;
    }
    if (c->opt.mode != CLASS_TEAMS || team < 0 ||
        (size_t)team >= c->opt.team_count) {
        return false;
    }
    session_turn *turns =
        calloc(c->turn_count ? c->turn_count : 1, sizeof *turns);
    if (!turns) {
        return false;
    }
    for (size_t i = 0; i < c->turn_count; i++) {
        const class_turn *t = &c->turns[i];
        const session_turn *st = session_turn_at(c->s, i);
        session_turn *o = &turns[i];
        *o = *st;
        int pos = t->team_choice[team];
        o->choice_index = t->option_index[pos];
        o->offered_pos = pos + 1;
        o->response_ms = st->target_ms;
    }
    score_summarise_turns(c->sc, turns, c->turn_count, true, out);
    free(turns);
    return true;
}

/* ---- replay ---- */

class_status class_apply(class_session *c, const class_event *ev)
{
    if (ev->turn != (int)c->turn_count) {
        return CLASS_ERR_PHASE;
    }
    if (c->phase == CLASS_PHASE_PLAYED && !session_is_finished(c->s)) {
        c->phase = CLASS_PHASE_LINE;
    }
    switch (ev->kind) {
    case CLASS_EV_ADD:
        if (ev->pos < 0) {
            return CLASS_ERR_NO_SUCH_OPTION;
        }
        return class_add(c, ev->source, ev->team, (size_t)ev->pos, ev->count);
    case CLASS_EV_UNDO:
        return class_undo(c);
    case CLASS_EV_CLOSE:
        return class_close_vote(c);
    case CLASS_EV_REOPEN:
        return class_reopen_vote(c);
    case CLASS_EV_PICK:
        if (ev->pos < 0) {
            return CLASS_ERR_NO_SUCH_OPTION;
        }
        return class_pick(c, ev->team, (size_t)ev->pos);
    case CLASS_EV_PLAY: {
        bool tied = false;
        if (class_call(c, &tied) != ev->pos) {
            return CLASS_ERR_NO_SUCH_OPTION;
        }
        return class_play(c);
    }
    }
    return CLASS_ERR_PHASE;
}
