/* phone_server.h — phones as voting pads: a small web server on the room's
 * own network (issue 12). Participants scan a QR code, join with a join
 * code and vote from any phone browser; the votes reach the game through
 * one thread-safe queue.
 *
 * The server is libmicrohttpd, run on its own thread (one polling thread
 * with epoll), plus one housekeeping thread that ends slow-drip
 * connections and answers long polls and acknowledgements that waited too
 * long. Nothing here uses SDL or the core: the game gives the server each
 * ballot's option texts and drains its events.
 *
 * Paths (everything else is 404; other methods on these paths are 405):
 *   GET  /            the page (HTML, built with libxml2; works without JS)
 *   GET  /app.js      the page's script, embedded in the binary
 *   GET  /app.css     its style sheet, embedded in the binary
 *   GET  /api/state   the state as JSON; ?since=V waits (long poll) until
 *                     the state's version passes V, or PHONE poll time
 *   POST /api/join    code=CODE[&nick=NICK][&team=T] -> JSON; sets the
 *                     device cookie
 *   POST /api/vote    ballot=N&option=LETTER -> JSON
 *   POST /join, /vote the same as forms, answered 303 See Other to /
 * Bodies are application/x-www-form-urlencoded, at most
 * PHONE_MAX_BODY_BYTES. Errors are JSON {"error": CODE, "message": TEXT}
 * with the HTTP status listed in SECURITY.md ("Phones").
 *
 * Joining and voting: a join needs the session's join code (random, 6
 * digits, unless one is restored); the server answers with a per-device
 * token in an HttpOnly, SameSite=Strict cookie. One vote per device per
 * ballot: a new vote replaces the device's earlier one. Votes are taken
 * only while a ballot is open.
 *
 * Teams: when the options name teams, a join must pick one (team=T, the
 * 0-based index of a team the server lists; anything else is answered
 * 400 "bad_team"). The team is kept with the device's token for the whole
 * session: joining again with the same cookie is the same device in the
 * same team (a different team asked for is ignored), so a device never
 * votes for two teams. Join and vote events carry the device's team.
 *
 * Acknowledgement: each accepted join and vote becomes an event with a
 * sequence number in the queue. The phone is told "received" only once the
 * game has called phone_server_saved() with that number or a later one
 * (after journaling the event), so a crash loses no acknowledged vote. A
 * request whose event is not saved within PHONE ack time is answered 202
 * with "saved": false; the phone learns it later from /api/state.
 *
 * Threads: every function here may be called from any thread; the
 * options' wake callback is called from a server thread (keep it short:
 * the game pushes an SDL user event).
 *
 * Ownership: phone_server_new copies what it keeps of the options. Event
 * strings are inline. phone_server_free (NULL accepted) stops the server
 * (if started) and frees everything.
 */
#ifndef RAPPORT_PHONE_SERVER_H
#define RAPPORT_PHONE_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PHONE_DEFAULT_MAX_DEVICES 200
#define PHONE_CODE_DIGITS 6
#define PHONE_TOKEN_HEX 32
/* Nicknames: at most this many characters and bytes after cleaning. */
#define PHONE_NICK_MAX_CHARS 24
#define PHONE_NICK_MAX_BYTES 96
/* Teams a session may have (core class.h: CLASS_MAX_TEAMS), and a team
 * name's length after cleaning (as a nickname is cleaned). */
#define PHONE_MAX_TEAMS 8
#define PHONE_TEAM_MAX_CHARS 40
#define PHONE_TEAM_MAX_BYTES 160
#define PHONE_MAX_OPTIONS 26
#define PHONE_MAX_OPTION_BYTES 2048
#define PHONE_MAX_BODY_BYTES 1024
/* Changes of vote one device may make at one ballot (each change is two
 * entries in the class session, which holds a bounded number per turn). */
#define PHONE_MAX_CHANGES 8
/* Memory per connection: request line and headers must fit. */
#define PHONE_CONNECTION_MEMORY 8192

typedef struct phone_server phone_server;

typedef struct {
    /* IPv4 address to bind, as dotted quad (phone_addr picks one). */
    const char *address;
    /* TCP port; 0 tries PHONE_DEFAULT_PORT and the nine after it. */
    unsigned short port;
    /* Tests: the system picks a free port (port is then ignored). */
    bool any_port;
    /* NULL: a random join code; else this one (PHONE_CODE_DIGITS digits),
     * when a session is resumed. */
    const char *join_code;
    size_t max_devices; /* 0: PHONE_DEFAULT_MAX_DEVICES */
    bool nicknames;     /* participants may give a nickname */
    /* Teams mode: team_count (0, or 1..PHONE_MAX_TEAMS) names a phone
     * picks from when it joins (copied, cleaned as nicknames are; an
     * empty or invalid name makes phone_server_new fail). */
    const char *const *teams;
    size_t team_count;
    /* The scenario's language (BCP 47) and direction ("ltr" or "rtl"),
     * and a title shown on the page; NULL: "en", "ltr", "Rapport". */
    const char *lang;
    const char *dir;
    const char *title;
    /* The page's own words: the interface's language (BCP 47) and
     * direction, as the game runs ("es", "ar"...; NULL: "en", "ltr").
     * The words themselves are looked up in the "rapport" gettext
     * catalogue by phone_server_new, on the caller's thread (phone_words.h);
     * the caller (the app layer) gives the code of that same language. */
    const char *ui_lang;
    const char *ui_dir;
    /* Limits; 0 takes the default given. */
    unsigned rate_per_s;   /* requests per second per address: 5 */
    unsigned rate_burst;   /* bucket size: 40 */
    unsigned per_ip_conns; /* open connections per address: 16 */
    unsigned max_conns;    /* open connections in all: 800 */
    unsigned request_ms;   /* a request's headers and body must arrive
                              within this time: 10000 */
    unsigned poll_ms;      /* a long poll waits at most: 20000 */
    unsigned ack_ms;       /* a join or vote waits for saving: 10000 */
    /* Tests: a line on stderr per request, suspend and resume. */
    bool debug;
    /* Called (from a server thread) after an event was queued. */
    void (*wake)(void *user);
    void *wake_user;
} phone_options;

#define PHONE_DEFAULT_PORT 8765

typedef enum { PHONE_EV_JOIN, PHONE_EV_VOTE } phone_event_kind;

typedef struct {
    phone_event_kind kind;
    uint64_t seq;    /* 1, 2, 3...: pass to phone_server_saved */
    unsigned device; /* 1-based, in order of joining */
    char token[PHONE_TOKEN_HEX + 1];
    char nick[PHONE_NICK_MAX_BYTES + 1]; /* JOIN: "" when none */
    int team;        /* the device's team (0-based), or -1 without teams */
    unsigned ballot; /* VOTE */
    int option;      /* VOTE: 0-based option */
    int previous;    /* VOTE: the device's earlier option at this ballot, or
                        -1 (the game takes that vote back) */
} phone_event;

/* The server's figures, for the projector. */
typedef struct {
    size_t devices;   /* devices joined */
    size_t votes;     /* devices with a vote at the open or closed ballot */
    uint64_t queued;  /* events not yet taken by phone_server_next_event */
    uint64_t refused; /* requests refused (4xx/5xx) since the start */
    size_t team_devices[PHONE_MAX_TEAMS]; /* devices joined per team */
} phone_counts;

/* Creates a server (not listening yet). NULL on bad options, with a
 * message in err (errlen bytes). */
phone_server *phone_server_new(const phone_options *options, char *err,
                               size_t errlen);
/* Binds and starts the threads. -1 with a message in err (port in use,
 * address not on this machine...). */
int phone_server_start(phone_server *s, char *err, size_t errlen);
/* Stops listening (open requests are answered 503) and frees. */
void phone_server_free(phone_server *s);

const char *phone_server_code(const phone_server *s);
unsigned short phone_server_port(const phone_server *s);
/* "http://ADDRESS:PORT/?code=CODE" (the QR code's text); belongs to s. */
const char *phone_server_url(const phone_server *s);
/* "http://ADDRESS:PORT/" (the URL shown in large type); belongs to s. */
const char *phone_server_base_url(const phone_server *s);

/* ---- the game's side ---- */

/* Opens ballot number ballot (> 0, different from the last one) with
 * count option texts (copied; letters A, B, ...). Phones see the options
 * and may vote. -1 on a bad argument. */
int phone_server_open_ballot(phone_server *s, unsigned ballot,
                             const char *const *texts, size_t count);
/* Closes the open ballot: no more votes are taken; phones show their
 * vote as final. Drain the queue after this call: it holds every vote of
 * the ballot. */
void phone_server_close_ballot(phone_server *s);
/* Between turns: phones show the waiting screen. */
void phone_server_wait(phone_server *s);
/* The session is over: phones show its end. */
void phone_server_end(phone_server *s);

/* Takes the oldest event; false when there is none. */
bool phone_server_next_event(phone_server *s, phone_event *ev);
/* Every event up to seq has been journaled: their requests are answered. */
void phone_server_saved(phone_server *s, uint64_t seq);

/* The game could not count a vote it took (the vote had closed in the
 * meantime): the device's vote goes back to ev->previous and the phone is
 * answered 409 "closed". Do not journal such an event. */
void phone_server_refuse(phone_server *s, const phone_event *ev);

phone_counts phone_server_counts(phone_server *s);

/* ---- resume ---- */

/* Re-creates a device journaled before (token of PHONE_TOKEN_HEX hex
 * digits, nick already cleaned). Its number is the next one. -1 when the
 * token is malformed or the room is full; a known token is accepted. */
int phone_server_restore_join(phone_server *s, const char *token,
                              const char *nick);
/* The same for a device in a team (0-based; -1: none). -1 also when the
 * server has teams and this is not one of them; a server without teams
 * ignores the team. */
int phone_server_restore_join_team(phone_server *s, const char *token,
                                   const char *nick, int team);
/* Re-creates a device's journaled vote at a ballot (its latest one wins).
 * -1 for an unknown token. */
int phone_server_restore_vote(phone_server *s, const char *token,
                              unsigned ballot, int option);

#endif
