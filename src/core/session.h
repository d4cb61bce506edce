/* session.h — one playthrough of a scenario: a deterministic state machine.
 *
 * The session holds the current node, the options on offer (conditions
 * applied), the customer's mood and patience, the flags set so far and the
 * transcript. It never reads a clock: every reply comes with its response
 * time in milliseconds (measured by the caller from the moment the options
 * were shown), so the same scenario and inputs give the same session, byte
 * for byte.
 *
 * Patience is a pool of milliseconds: each reply slower than the node's
 * target spends the excess. When a reply (or waiting, see session_wait)
 * would spend more than is left, the customer's patience runs out: the
 * call goes to the node's timeout target, else the customer's, else a
 * built-in ending where the customer gives up (outcome "lost"). A timeout
 * costs SESSION_TIMEOUT_MOOD_DROP mood and refills the pool.
 *
 * Ownership: session_new() borrows the scenario (it must outlive the
 * session) and returns a session freed with session_free() (NULL accepted).
 * Pointers returned by the getters point into the scenario or the session
 * and stay valid until the session is freed or changed by a later call.
 */
#ifndef RAPPORT_SESSION_H
#define RAPPORT_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario.h"

#define SESSION_TIMEOUT_MOOD_DROP 15

/* Seeds are whole numbers from 0 to SESSION_SEED_MAX (2^53 - 1), so that
 * they are kept exactly in JSON (journals, results). */
#define SESSION_SEED_MAX 9007199254740991ULL

typedef struct {
    /* Relaxed timing (accessibility): response time is measured and shown
     * but never lowers promptness, and patience never runs out. */
    bool relaxed_timing;
    /* Shuffled options: each turn's options are shown in an order drawn
     * from seed, the turn's number and the node (SplitMix64), the same
     * every time for the same seed; options the author pinned keep their
     * place among those on offer. Without shuffle: document order. */
    bool shuffle;
    uint64_t seed; /* 0..SESSION_SEED_MAX; used only with shuffle */
} session_options;

typedef enum {
    SESSION_OK,
    SESSION_TIMED_OUT,          /* patience ran out; timeout branch taken */
    SESSION_ERR_FINISHED,       /* the call has already ended */
    SESSION_ERR_NO_SUCH_CHOICE, /* position outside the options on offer */
    SESSION_ERR_BAD_TIME        /* negative response time */
} session_status;

typedef struct {
    int node_index;   /* index into scenario.nodes */
    int choice_index; /* index into node.choices; -1 = patience ran out */
    int offered_pos;  /* 1-based position on screen; 0 when timed out */
    uint16_t offered; /* bit i set: node.choices[i] was on offer */
    /* The options on offer in the order shown: shown[p] is the index into
     * node.choices of the option at 0-based position p. */
    uint8_t shown[SCENARIO_MAX_CHOICES];
    uint8_t shown_count;
    /* The option chosen was a critical mistake (its <critical>, whose
     * conditions held as it was chosen): the call is not passed. */
    bool critical;
    int response_ms; /* for a timeout: when the patience ran out */
    int target_ms;
    int mood_before;
    int mood_after;
    int patience_before_ms;
    int patience_after_ms;
    int next_index; /* where the turn led; -1 = built-in "gave up" */
} session_turn;

typedef struct session session;

session *session_new(const scenario *sc, const session_options *options);
void session_free(session *s);

const scenario *session_scenario(const session *s);
const session_options *session_options_of(const session *s);
bool session_is_finished(const session *s);

/* The node being played; NULL once finished. */
const scenario_node *session_node(const session *s);
/* The ending reached; NULL while playing and for the built-in ending. */
const scenario_node *session_ending(const session *s);
/* Outcome of a finished session (the built-in ending counts as lost). */
scenario_outcome session_outcome(const session *s);
/* True when the call ended because patience ran out with no authored
 * timeout target. */
bool session_gave_up(const session *s);

/* Options on offer at the current node, in the order shown (document
 * order unless shuffled). */
size_t session_offered_count(const session *s);
/* The choice at 0-based position pos among those on offer, or NULL. */
const scenario_choice *session_offered(const session *s, size_t pos);
/* Index into node.choices of the option at position pos, or -1. */
int session_offered_index(const session *s, size_t pos);
/* 0-based position on screen of node.choices[choice_index] at the current
 * node, or -1 when it is not on offer. */
int session_position_of(const session *s, int choice_index);
/* 1-based position at which a played turn showed node.choices[index], or
 * 0 when it was not on offer. */
int session_turn_position(const session_turn *t, int choice_index);

int session_mood(const session *s);
int session_target_ms(const session *s);
/* Patience left at the start of this turn, and after waiting elapsed_ms. */
int session_patience_ms(const session *s);
int session_patience_left_ms(const session *s, int elapsed_ms);
bool session_flag_is_set(const session *s, const char *flag);

/* The trainee picks the option at 0-based position pos, response_ms after
 * the options were shown. Returns SESSION_OK, or SESSION_TIMED_OUT when
 * the reply came after patience ran out (the choice is not applied), or an
 * error status (nothing changes). */
session_status session_choose(session *s, size_t pos, int response_ms);
/* The trainee has been silent for elapsed_ms: if that exhausts patience,
 * the timeout is applied and SESSION_TIMED_OUT returned; else SESSION_OK. */
session_status session_wait(session *s, int elapsed_ms);

size_t session_turn_count(const session *s);
const session_turn *session_turn_at(const session *s, size_t i);

const char *session_status_message(session_status status);

#endif
