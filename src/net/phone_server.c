/* phone_server.c — the phones' web server on libmicrohttpd (see
 * phone_server.h; the security model is in SECURITY.md, "Phones").
 *
 * Threads: libmicrohttpd's polling thread runs every request callback;
 * the housekeeping thread ends slow-drip connections and times out long
 * polls and acknowledgements; the game calls the public functions. Shared
 * state is under s->mu. Connection records (for slow-drip) are under
 * s->conn_mu, which is never held while calling libmicrohttpd. Waiting
 * requests are suspended and resumed with s->mu held, so a resume never
 * comes before its suspend.
 */
#include "phone_server.h"

#include <arpa/inet.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <libintl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>

#include "phone_assets.h"
#include "phone_page.h"
#include "phone_text.h"
#include "phone_words.h"

#define PHONE_COOKIE "rapport_device"
#define PHONE_BUCKETS 4096
#define PHONE_CSP                                                             \
    "default-src 'self'; base-uri 'none'; form-action 'self'; "               \
    "frame-ancestors 'none'"

typedef enum { ST_WAITING, ST_OPEN, ST_CLOSED, ST_ENDED } phone_state;

typedef enum {
    R_PAGE,
    R_JS,
    R_CSS,
    R_STATE,
    R_API_JOIN,
    R_API_VOTE,
    R_FORM_JOIN,
    R_FORM_VOTE
} phone_route;

typedef struct {
    char token[PHONE_TOKEN_HEX + 1];
    char nick[PHONE_NICK_MAX_BYTES + 1];
    int team;        /* -1: no teams */
    unsigned ballot; /* ballot of the vote below; 0: none */
    int option;
    unsigned changes;  /* changes of vote at that ballot */
    uint64_t vote_seq; /* event of that vote (0: restored, saved) */
    uint64_t join_seq; /* 0: restored */
} phone_device;

/* Per-address token bucket. */
typedef struct {
    unsigned char key[16];
    bool used;
    double tokens;
    uint64_t last_ms;
} phone_bucket;

/* One TCP connection, for the request deadline. */
typedef struct phone_conn {
    int fd;
    uint64_t since_ms; /* connection start or end of the last request */
    bool busy;         /* a whole request is being answered */
    struct phone_conn *prev, *next;
} phone_conn;

typedef enum { W_NONE, W_ACK, W_POLL } phone_wait;

/* One request (libmicrohttpd's per-request context). */
typedef struct phone_req {
    phone_route route;
    struct MHD_Connection *conn;
    struct MHD_PostProcessor *pp;
    size_t body_bytes;
    bool too_big, bad_field;
    char code[16];
    char nick[256];
    char team[8];
    char option[8];
    char ballot[16];
    /* waiting */
    phone_wait wait;
    bool suspended, woken;
    uint64_t seq;      /* W_ACK: the event to be saved */
    uint64_t since;    /* W_POLL: the version the phone has */
    uint64_t until_ms; /* when the wait ends anyway */
    /* the answer prepared before the wait */
    int status;
    char token[PHONE_TOKEN_HEX + 1]; /* a cookie to set */
    char error[32];
    struct phone_req *wprev, *wnext;
} phone_req;

struct phone_server {
    /* options (strings copied) */
    char address[16];
    unsigned short port;
    bool any_port;
    char code[PHONE_CODE_DIGITS + 1];
    char url[96];
    char base_url[64];
    char host[32]; /* "ADDRESS:PORT": the only Host header accepted */
    char *lang, *dir, *title;
    char *ui_lang, *ui_dir;
    phone_words *words; /* the page's words, looked up at the start */
    size_t max_devices;
    bool nicknames;
    char teams[PHONE_MAX_TEAMS][PHONE_TEAM_MAX_BYTES + 1];
    size_t team_count;
    unsigned rate_per_s, rate_burst, per_ip_conns, max_conns;
    unsigned request_ms, poll_ms, ack_ms;
    void (*wake)(void *);
    void *wake_user;
    bool debug;

    struct MHD_Daemon *daemon;
    pthread_t housekeeper;
    bool housekeeper_running;

    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool stopping;
    phone_state state;
    unsigned ballot;
    char **options;
    size_t option_count;
    uint64_t version; /* bumped on every change phones see */
    phone_device *devices;
    size_t device_count, device_cap;
    phone_event *queue; /* ring */
    size_t q_head, q_len, q_cap;
    uint64_t next_seq, saved_seq;
    phone_req *waiters; /* suspended requests */
    uint64_t refused;
    phone_bucket buckets[PHONE_BUCKETS];

    pthread_mutex_t conn_mu;
    phone_conn *conns;
};

/* ---------- small helpers ---------- */

static uint64_t phone_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void phone_debug(const phone_server *s, const char *fmt, ...)
{
    if (!s->debug) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "phone %llu ms: ", (unsigned long long)phone_now_ms());
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int phone_random(void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        p += got;
        n -= (size_t)got;
    }
    return 0;
}

static void phone_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    /* in the facilitator's language (the format is the catalogue's key) */
    vsnprintf(err, errlen, fmt[0] ? dgettext(PHONE_DOMAIN, fmt) : fmt, ap);
    va_end(ap);
}

static char *phone_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) {
        memcpy(d, s, n);
    }
    return d;
}

/* Equal tokens, in time that does not depend on where they differ. */
static bool phone_token_eq(const char *a, const char *b)
{
    unsigned char diff = 0;
    for (size_t i = 0; i < PHONE_TOKEN_HEX; i++) {
        diff |= (unsigned char)(a[i] ^ b[i]);
    }
    return diff == 0;
}

static phone_device *phone_find(phone_server *s, const char *token)
{
    if (!phone_text_is_token(token, PHONE_TOKEN_HEX)) {
        return NULL;
    }
    phone_device *found = NULL;
    for (size_t i = 0; i < s->device_count; i++) {
        if (phone_token_eq(s->devices[i].token, token)) {
            found = &s->devices[i];
        }
    }
    return found;
}

static phone_device *phone_add_device(phone_server *s, const char *token,
                                      const char *nick, int team)
{
    if (s->device_count >= s->max_devices) {
        return NULL;
    }
    if (s->device_count == s->device_cap) {
        size_t cap = s->device_cap ? s->device_cap * 2 : 32;
        phone_device *d = realloc(s->devices, cap * sizeof *d);
        if (!d) {
            return NULL;
        }
        s->devices = d;
        s->device_cap = cap;
    }
    phone_device *d = &s->devices[s->device_count++];
    memset(d, 0, sizeof *d);
    snprintf(d->token, sizeof d->token, "%s", token);
    snprintf(d->nick, sizeof d->nick, "%s", nick ? nick : "");
    d->team = team;
    d->option = -1;
    return d;
}

/* Queues an event (s->mu held); returns its seq, 0 on no memory. */
static uint64_t phone_push(phone_server *s, phone_event *ev)
{
    if (s->q_len == s->q_cap) {
        size_t cap = s->q_cap ? s->q_cap * 2 : 256;
        phone_event *q = malloc(cap * sizeof *q);
        if (!q) {
            return 0;
        }
        for (size_t i = 0; i < s->q_len; i++) {
            q[i] = s->queue[(s->q_head + i) % s->q_cap];
        }
        free(s->queue);
        s->queue = q;
        s->q_cap = cap;
        s->q_head = 0;
    }
    ev->seq = ++s->next_seq;
    s->queue[(s->q_head + s->q_len) % s->q_cap] = *ev;
    s->q_len++;
    return ev->seq;
}

/* ---------- waiting requests (s->mu held) ---------- */

static void phone_wait_add(phone_server *s, phone_req *r)
{
    r->wprev = NULL;
    r->wnext = s->waiters;
    if (s->waiters) {
        s->waiters->wprev = r;
    }
    s->waiters = r;
    r->suspended = true;
    phone_debug(s, "suspend %p (%s)", (void *)r->conn,
                r->wait == W_POLL ? "poll" : "ack");
    MHD_suspend_connection(r->conn);
}

static void phone_wait_wake(phone_server *s, phone_req *r)
{
    if (r->wprev) {
        r->wprev->wnext = r->wnext;
    } else {
        s->waiters = r->wnext;
    }
    if (r->wnext) {
        r->wnext->wprev = r->wprev;
    }
    r->wprev = r->wnext = NULL;
    r->suspended = false;
    r->woken = true;
    phone_debug(s, "resume %p", (void *)r->conn);
    MHD_resume_connection(r->conn);
}

/* Wakes the long polls: the state changed. */
static void phone_changed(phone_server *s)
{
    s->version++;
    phone_req *r = s->waiters;
    while (r) {
        phone_req *next = r->wnext;
        if (r->wait == W_POLL) {
            phone_wait_wake(s, r);
        }
        r = next;
    }
}

/* ---------- rate limit (s->mu held) ---------- */

static bool phone_rate_ok(phone_server *s, const struct sockaddr *sa,
                          uint64_t now)
{
    unsigned char key[16] = {0};
    if (!sa) {
        return false;
    }
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const void *)sa;
        memcpy(key, &in->sin_addr, 4);
    } else if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const void *)sa;
        memcpy(key, &in6->sin6_addr, 8); /* a /64 is one client */
        key[15] = 6;
    }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < sizeof key; i++) {
        h = (h ^ key[i]) * 16777619u;
    }
    /* Open addressing over 16 slots; when all are taken, the least
     * recently used one is reused. */
    phone_bucket *b = NULL, *oldest = NULL;
    for (size_t i = 0; i < 16; i++) {
        phone_bucket *c = &s->buckets[(h + i) % PHONE_BUCKETS];
        if (c->used && memcmp(c->key, key, sizeof key) == 0) {
            b = c;
            break;
        }
        if (!c->used) {
            if (!oldest || oldest->used) {
                oldest = c;
            }
        } else if (!oldest || (oldest->used && c->last_ms < oldest->last_ms)) {
            oldest = c;
        }
    }
    if (!b) {
        b = oldest;
        memcpy(b->key, key, sizeof key);
        b->used = true;
        b->tokens = s->rate_burst;
        b->last_ms = now;
    }
    double add = (double)(now - b->last_ms) * s->rate_per_s / 1000.0;
    b->tokens += add;
    if (b->tokens > s->rate_burst) {
        b->tokens = s->rate_burst;
    }
    b->last_ms = now;
    if (b->tokens < 1.0) {
        return false;
    }
    b->tokens -= 1.0;
    return true;
}

/* ---------- responses ---------- */

static void phone_headers(struct MHD_Response *resp, const char *type)
{
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_SECURITY_POLICY,
                            PHONE_CSP);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
}

/* Queues a response whose body is copied. */
static enum MHD_Result phone_send(struct MHD_Connection *conn, unsigned status,
                                  const char *type, const char *body,
                                  size_t len, const char *cookie_token,
                                  const char *location, const char *allow)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!resp) {
        return MHD_NO;
    }
    phone_headers(resp, type);
    if (cookie_token) {
        char cookie[128];
        snprintf(cookie, sizeof cookie,
                 PHONE_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict",
                 cookie_token);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie);
    }
    if (location) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, location);
    }
    if (allow) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow);
    }
    if (status == MHD_HTTP_TOO_MANY_REQUESTS ||
        status == MHD_HTTP_SERVICE_UNAVAILABLE) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "2");
    }
    enum MHD_Result rc = MHD_queue_response(conn, status, resp);
    MHD_destroy_response(resp);
    return rc;
}

static const char *phone_error_message(const phone_server *s, const char *code)
{
    return phone_words_error(s->words, code);
}

static enum MHD_Result phone_send_json(struct MHD_Connection *conn,
                                       unsigned status, cJSON *json,
                                       const char *cookie_token)
{
    char *text = json ? cJSON_PrintUnformatted(json) : NULL;
    cJSON_Delete(json);
    if (!text) {
        return MHD_NO;
    }
    enum MHD_Result rc =
        phone_send(conn, status, "application/json; charset=utf-8", text,
                   strlen(text), cookie_token, NULL, NULL);
    free(text);
    return rc;
}

/* An error, counted (s->mu not held). */
static enum MHD_Result phone_fail(phone_server *s, struct MHD_Connection *conn,
                                  unsigned status, const char *code,
                                  const char *allow)
{
    pthread_mutex_lock(&s->mu);
    s->refused++;
    pthread_mutex_unlock(&s->mu);
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "error", code);
    cJSON_AddStringToObject(j, "message", phone_error_message(s, code));
    char *text = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    if (!text) {
        return MHD_NO;
    }
    enum MHD_Result rc =
        phone_send(conn, status, "application/json; charset=utf-8", text,
                   strlen(text), NULL, NULL, allow);
    free(text);
    return rc;
}

static const char *phone_state_name(phone_state st)
{
    switch (st) {
    case ST_WAITING:
        return "waiting";
    case ST_OPEN:
        return "open";
    case ST_CLOSED:
        return "closed";
    case ST_ENDED:
        return "ended";
    }
    return "waiting";
}

/* The state as a phone sees it (s->mu held). d may be NULL (not joined:
 * no options are shown). */
static cJSON *phone_state_json(phone_server *s, const phone_device *d)
{
    cJSON *j = cJSON_CreateObject();
    if (!j) {
        return NULL;
    }
    cJSON_AddNumberToObject(j, "version", (double)s->version);
    cJSON_AddStringToObject(j, "state", phone_state_name(s->state));
    cJSON_AddStringToObject(j, "title", s->title);
    cJSON_AddStringToObject(j, "lang", s->lang);
    cJSON_AddStringToObject(j, "dir", s->dir);
    cJSON_AddBoolToObject(j, "nicknames", s->nicknames);
    if (s->team_count > 0) {
        cJSON *teams = cJSON_AddArrayToObject(j, "teams");
        for (size_t t = 0; teams && t < s->team_count; t++) {
            cJSON_AddItemToArray(teams, cJSON_CreateString(s->teams[t]));
        }
    }
    cJSON_AddBoolToObject(j, "joined", d != NULL);
    if (d) {
        cJSON_AddStringToObject(j, "nick", d->nick);
        if (d->team >= 0 && (size_t)d->team < s->team_count) {
            cJSON_AddStringToObject(j, "team", s->teams[d->team]);
        } else {
            cJSON_AddNullToObject(j, "team");
        }
        bool shown = s->state == ST_OPEN || s->state == ST_CLOSED;
        cJSON_AddNumberToObject(j, "ballot", shown ? s->ballot : 0);
        cJSON *opts = cJSON_AddArrayToObject(j, "options");
        for (size_t i = 0; shown && opts && i < s->option_count; i++) {
            cJSON *o = cJSON_CreateObject();
            char letter[2] = {(char)('A' + i), '\0'};
            cJSON_AddStringToObject(o, "letter", letter);
            cJSON_AddStringToObject(o, "text", s->options[i]);
            cJSON_AddItemToArray(opts, o);
        }
        bool voted = shown && d->ballot == s->ballot && d->option >= 0;
        if (voted) {
            char letter[2] = {(char)('A' + d->option), '\0'};
            cJSON_AddStringToObject(j, "vote", letter);
        } else {
            cJSON_AddNullToObject(j, "vote");
        }
        cJSON_AddBoolToObject(j, "saved",
                              voted && d->vote_seq <= s->saved_seq);
    }
    return j;
}

static enum MHD_Result phone_send_page(phone_server *s,
                                       struct MHD_Connection *conn,
                                       unsigned status, const char *token,
                                       const char *notice)
{
    const char *code =
        MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "code");
    pthread_mutex_lock(&s->mu);
    const phone_device *d = token ? phone_find(s, token) : NULL;
    phone_view v = {0};
    v.words = s->words;
    v.ui_lang = s->ui_lang;
    v.ui_dir = s->ui_dir;
    v.lang = s->lang;
    v.dir = s->dir;
    v.title = s->title;
    v.nicknames = s->nicknames;
    const char *teams[PHONE_MAX_TEAMS];
    for (size_t t = 0; t < s->team_count; t++) {
        teams[t] = s->teams[t];
    }
    v.teams = teams;
    v.team_count = s->team_count;
    v.team = -1;
    v.code = phone_text_is_code(code, PHONE_CODE_DIGITS) ? code : NULL;
    v.notice = notice;
    v.vote = -1;
    char nick[PHONE_NICK_MAX_BYTES + 1] = "";
    if (!d) {
        v.kind = PHONE_VIEW_JOIN;
    } else {
        snprintf(nick, sizeof nick, "%s", d->nick);
        v.nick = nick;
        v.team = d->team;
        switch (s->state) {
        case ST_WAITING:
            v.kind = PHONE_VIEW_WAITING;
            break;
        case ST_OPEN:
            v.kind = PHONE_VIEW_VOTE;
            break;
        case ST_CLOSED:
            v.kind = PHONE_VIEW_CLOSED;
            break;
        case ST_ENDED:
            v.kind = PHONE_VIEW_ENDED;
            break;
        }
        v.ballot = s->ballot;
        v.options = (const char *const *)s->options;
        v.option_count = s->option_count;
        if (d->ballot == s->ballot) {
            v.vote = d->option;
            v.saved = d->vote_seq <= s->saved_seq;
        }
    }
    size_t len = 0;
    char *html = phone_page_html(&v, &len);
    pthread_mutex_unlock(&s->mu);
    if (!html) {
        return phone_fail(s, conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "no_memory",
                          NULL);
    }
    enum MHD_Result rc = phone_send(conn, status, "text/html; charset=utf-8",
                                    html, len, NULL, NULL, NULL);
    free(html);
    return rc;
}

/* ---------- connections (slow drip) ---------- */

static void phone_notify_conn(void *cls, struct MHD_Connection *connection,
                              void **socket_context,
                              enum MHD_ConnectionNotificationCode toe)
{
    phone_server *s = cls;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        phone_conn *c = calloc(1, sizeof *c);
        const union MHD_ConnectionInfo *info = MHD_get_connection_info(
            connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (!c) {
            *socket_context = NULL;
            return;
        }
        c->fd = info ? (int)info->connect_fd : -1;
        c->since_ms = phone_now_ms();
        pthread_mutex_lock(&s->conn_mu);
        c->next = s->conns;
        if (s->conns) {
            s->conns->prev = c;
        }
        s->conns = c;
        pthread_mutex_unlock(&s->conn_mu);
        *socket_context = c;
    } else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
        phone_conn *c = *socket_context;
        if (!c) {
            return;
        }
        pthread_mutex_lock(&s->conn_mu);
        if (c->prev) {
            c->prev->next = c->next;
        } else {
            s->conns = c->next;
        }
        if (c->next) {
            c->next->prev = c->prev;
        }
        pthread_mutex_unlock(&s->conn_mu);
        free(c);
        *socket_context = NULL;
    }
}

static phone_conn *phone_conn_of(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

static void phone_conn_busy(phone_server *s, struct MHD_Connection *conn,
                            bool busy)
{
    phone_conn *c = phone_conn_of(conn);
    if (c) {
        pthread_mutex_lock(&s->conn_mu);
        c->busy = busy;
        c->since_ms = phone_now_ms();
        pthread_mutex_unlock(&s->conn_mu);
    }
}

static void phone_completed(void *cls, struct MHD_Connection *connection,
                            void **con_cls,
                            enum MHD_RequestTerminationCode toe)
{
    phone_server *s = cls;
    (void)toe;
    phone_debug(s, "completed %p (%d)", (void *)connection, (int)toe);
    phone_req *r = *con_cls;
    if (r) {
        if (r->suspended) {
            /* never left suspended: the daemon only ends a suspended
             * request when it stops, after every waiter was woken */
            pthread_mutex_lock(&s->mu);
            if (r->suspended) {
                if (r->wprev) {
                    r->wprev->wnext = r->wnext;
                } else {
                    s->waiters = r->wnext;
                }
                if (r->wnext) {
                    r->wnext->wprev = r->wprev;
                }
            }
            pthread_mutex_unlock(&s->mu);
        }
        if (r->pp) {
            MHD_destroy_post_processor(r->pp);
        }
        free(r);
        *con_cls = NULL;
    }
    phone_conn_busy(s, connection, false);
}

/* ---------- the housekeeper ---------- */

static void *phone_housekeeper(void *arg)
{
    phone_server *s = arg;
    pthread_mutex_lock(&s->mu);
    while (!s->stopping) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 200 * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&s->cv, &s->mu, &ts);
        if (s->stopping) {
            break;
        }
        uint64_t now = phone_now_ms();
        phone_req *r = s->waiters;
        while (r) {
            phone_req *next = r->wnext;
            if (now >= r->until_ms) {
                phone_wait_wake(s, r);
            }
            r = next;
        }
        pthread_mutex_unlock(&s->mu);
        /* A connection that has not sent a whole request within
         * request_ms (slow drip, or idle keep-alive) is shut; the polling
         * thread then sees it end and closes it. */
        pthread_mutex_lock(&s->conn_mu);
        for (phone_conn *c = s->conns; c; c = c->next) {
            if (!c->busy && c->fd >= 0 && now > c->since_ms &&
                now - c->since_ms > s->request_ms) {
                shutdown(c->fd, SHUT_RDWR);
                c->fd = -1;
            }
        }
        pthread_mutex_unlock(&s->conn_mu);
        pthread_mutex_lock(&s->mu);
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* ---------- requests ---------- */

static enum MHD_Result phone_post_field(void *cls, enum MHD_ValueKind kind,
                                        const char *key, const char *filename,
                                        const char *content_type,
                                        const char *transfer_encoding,
                                        const char *data, uint64_t off,
                                        size_t size)
{
    phone_req *r = cls;
    (void)kind;
    (void)filename;
    (void)content_type;
    (void)transfer_encoding;
    char *field = NULL;
    size_t cap = 0;
    if (strcmp(key, "code") == 0) {
        field = r->code;
        cap = sizeof r->code;
    } else if (strcmp(key, "nick") == 0) {
        field = r->nick;
        cap = sizeof r->nick;
    } else if (strcmp(key, "team") == 0) {
        field = r->team;
        cap = sizeof r->team;
    } else if (strcmp(key, "option") == 0) {
        field = r->option;
        cap = sizeof r->option;
    } else if (strcmp(key, "ballot") == 0) {
        field = r->ballot;
        cap = sizeof r->ballot;
    } else {
        return MHD_YES; /* other fields are ignored */
    }
    if (off + size + 1 > cap) {
        r->bad_field = true;
        return MHD_YES;
    }
    memcpy(field + off, data, size);
    field[off + size] = '\0';
    return MHD_YES;
}

static const char *phone_cookie(struct MHD_Connection *conn)
{
    return MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, PHONE_COOKIE);
}

/* Answers a join or vote whose wait is over (or that never waited). */
static enum MHD_Result phone_answer(phone_server *s, phone_req *r)
{
    bool form = r->route == R_FORM_JOIN || r->route == R_FORM_VOTE;
    if (r->error[0]) {
        if (form) {
            pthread_mutex_lock(&s->mu);
            s->refused++;
            pthread_mutex_unlock(&s->mu);
            const char *token = r->token[0] ? r->token : phone_cookie(r->conn);
            return phone_send_page(s, r->conn, (unsigned)r->status, token,
                                   phone_error_message(s, r->error));
        }
        return phone_fail(s, r->conn, (unsigned)r->status, r->error, NULL);
    }
    pthread_mutex_lock(&s->mu);
    bool saved = r->seq <= s->saved_seq;
    bool stopping = s->stopping;
    const char *token = r->token[0] ? r->token : phone_cookie(r->conn);
    cJSON *j = form ? NULL : phone_state_json(s, phone_find(s, token));
    pthread_mutex_unlock(&s->mu);
    if (stopping && !saved) {
        cJSON_Delete(j);
        return phone_fail(s, r->conn, MHD_HTTP_SERVICE_UNAVAILABLE, "stopped",
                          NULL);
    }
    const char *cookie =
        r->route == R_API_JOIN || r->route == R_FORM_JOIN ? r->token : NULL;
    if (form) {
        return phone_send(r->conn, MHD_HTTP_SEE_OTHER,
                          "text/plain; charset=utf-8", "See /\n", 6, cookie,
                          "/", NULL);
    }
    if (!j) {
        return MHD_NO;
    }
    cJSON_AddBoolToObject(j, "ok", true);
    cJSON_AddBoolToObject(j, "accepted", saved);
    return phone_send_json(r->conn, saved ? MHD_HTTP_OK : MHD_HTTP_ACCEPTED, j,
                           cookie);
}

static void phone_req_error(phone_req *r, int status, const char *code)
{
    r->status = status;
    snprintf(r->error, sizeof r->error, "%s", code);
}

/* A team's index as a phone sends it: decimal digits, no sign, below
 * count; -1 otherwise. */
static int phone_team_index(const char *text, size_t count)
{
    size_t n = strlen(text);
    if (n == 0 || n > 2 || (n == 2 && text[0] == '0')) {
        return -1;
    }
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] < '0' || text[i] > '9') {
            return -1;
        }
        v = v * 10 + (text[i] - '0');
    }
    return (size_t)v < count ? v : -1;
}

/* Joins (s->mu held): sets r->seq and r->token, or an error. */
static void phone_do_join(phone_server *s, phone_req *r)
{
    const char *cookie = phone_cookie(r->conn);
    if (!phone_text_is_code(r->code, PHONE_CODE_DIGITS) ||
        strcmp(r->code, s->code) != 0) {
        phone_req_error(r, MHD_HTTP_FORBIDDEN, "bad_code");
        return;
    }
    if (s->state == ST_ENDED || s->stopping) {
        phone_req_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "stopped");
        return;
    }
    phone_device *d = cookie ? phone_find(s, cookie) : NULL;
    if (d) {
        /* Joined already: the same device (no second one). */
        snprintf(r->token, sizeof r->token, "%s", d->token);
        r->seq = d->join_seq;
        return;
    }
    char nick[PHONE_NICK_MAX_BYTES + 1] = "";
    if (s->nicknames && phone_text_clean_nick(r->nick, PHONE_NICK_MAX_CHARS,
                                              nick, sizeof nick) < 0) {
        phone_req_error(r, MHD_HTTP_BAD_REQUEST, "bad_request");
        return;
    }
    /* Teams: one of the teams listed, by its index (nothing else). */
    int team = -1;
    if (s->team_count > 0) {
        team = phone_team_index(r->team, s->team_count);
        if (team < 0) {
            phone_req_error(r, MHD_HTTP_BAD_REQUEST, "bad_team");
            return;
        }
    }
    if (s->device_count >= s->max_devices) {
        phone_req_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "full");
        return;
    }
    unsigned char raw[PHONE_TOKEN_HEX / 2];
    if (phone_random(raw, sizeof raw) != 0) {
        phone_req_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "no_memory");
        return;
    }
    char token[PHONE_TOKEN_HEX + 1];
    for (size_t i = 0; i < sizeof raw; i++) {
        snprintf(token + 2 * i, 3, "%02x", raw[i]);
    }
    d = phone_add_device(s, token, nick, team);
    phone_event ev = {0};
    ev.kind = PHONE_EV_JOIN;
    ev.device = (unsigned)s->device_count;
    ev.team = team;
    memcpy(ev.token, token, sizeof ev.token);
    snprintf(ev.nick, sizeof ev.nick, "%s", nick);
    ev.option = ev.previous = -1;
    uint64_t seq = d ? phone_push(s, &ev) : 0;
    if (!seq) {
        if (d) {
            s->device_count--;
        }
        phone_req_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "no_memory");
        return;
    }
    d->join_seq = seq;
    snprintf(r->token, sizeof r->token, "%s", token);
    r->seq = seq;
}

/* Votes (s->mu held): sets r->seq, or an error. */
static void phone_do_vote(phone_server *s, phone_req *r)
{
    phone_device *d = phone_find(s, phone_cookie(r->conn));
    if (!d) {
        phone_req_error(r, MHD_HTTP_FORBIDDEN, "not_joined");
        return;
    }
    char *end = NULL;
    errno = 0;
    unsigned long ballot = strtoul(r->ballot, &end, 10);
    if (s->state != ST_OPEN || !r->ballot[0] || *end || errno ||
        ballot != s->ballot) {
        phone_req_error(r, MHD_HTTP_CONFLICT, "closed");
        return;
    }
    int option = -1;
    if (r->option[0] >= 'A' && r->option[0] <= 'Z' && !r->option[1]) {
        option = r->option[0] - 'A';
    }
    if (option < 0 || (size_t)option >= s->option_count) {
        phone_req_error(r, MHD_HTTP_BAD_REQUEST, "bad_option");
        return;
    }
    int previous = d->ballot == s->ballot ? d->option : -1;
    if (previous == option) {
        r->seq = d->vote_seq; /* the same vote again: nothing new */
        return;
    }
    if (previous >= 0 && d->changes >= PHONE_MAX_CHANGES) {
        phone_req_error(r, MHD_HTTP_TOO_MANY_REQUESTS, "changes");
        return;
    }
    phone_event ev = {0};
    ev.kind = PHONE_EV_VOTE;
    ev.device = (unsigned)(d - s->devices) + 1;
    ev.team = d->team;
    memcpy(ev.token, d->token, sizeof ev.token);
    ev.ballot = s->ballot;
    ev.option = option;
    ev.previous = previous;
    uint64_t seq = phone_push(s, &ev);
    if (!seq) {
        phone_req_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "no_memory");
        return;
    }
    d->changes = previous >= 0 ? d->changes + 1 : 0;
    d->ballot = s->ballot;
    d->option = option;
    d->vote_seq = seq;
    r->seq = seq;
}

static bool phone_route_of(const char *url, const char *method,
                           phone_route *route, const char **allow)
{
    static const struct {
        const char *path;
        phone_route route;
        bool post;
    } routes[] = {
        {"/", R_PAGE, false},
        {"/app.js", R_JS, false},
        {"/app.css", R_CSS, false},
        {"/api/state", R_STATE, false},
        {"/api/join", R_API_JOIN, true},
        {"/api/vote", R_API_VOTE, true},
        {"/join", R_FORM_JOIN, true},
        {"/vote", R_FORM_VOTE, true},
    };
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(url, routes[i].path) == 0) {
            *route = routes[i].route;
            *allow = routes[i].post ? "POST" : "GET";
            return strcmp(method, *allow) == 0;
        }
    }
    *allow = NULL;
    return false;
}

static enum MHD_Result phone_first_call(phone_server *s,
                                        struct MHD_Connection *conn,
                                        const char *url, const char *method,
                                        void **con_cls)
{
    uint64_t now = phone_now_ms();
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    pthread_mutex_lock(&s->mu);
    bool rate_ok = phone_rate_ok(s, ci ? ci->client_addr : NULL, now);
    bool stopping = s->stopping;
    pthread_mutex_unlock(&s->mu);
    if (!rate_ok) {
        return phone_fail(s, conn, MHD_HTTP_TOO_MANY_REQUESTS, "rate", NULL);
    }
    if (stopping) {
        return phone_fail(s, conn, MHD_HTTP_SERVICE_UNAVAILABLE, "stopped",
                          NULL);
    }
    const char *host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_HOST);
    if (!host || strcmp(host, s->host) != 0) {
        return phone_fail(s, conn, MHD_HTTP_BAD_REQUEST, "bad_host", NULL);
    }
    phone_route route;
    const char *allow = NULL;
    if (!phone_route_of(url, method, &route, &allow)) {
        return allow ? phone_fail(s, conn, MHD_HTTP_METHOD_NOT_ALLOWED,
                                  "method", allow)
                     : phone_fail(s, conn, MHD_HTTP_NOT_FOUND, "not_found",
                                  NULL);
    }
    phone_req *r = calloc(1, sizeof *r);
    if (!r) {
        return MHD_NO;
    }
    r->route = route;
    r->conn = conn;
    *con_cls = r;
    if (strcmp(method, "POST") == 0) {
        const char *origin =
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Origin");
        char want[64];
        snprintf(want, sizeof want, "http://%s", s->host);
        /* "null": a browser that hides the origin (SameSite=Strict still
         * keeps the cookie from other sites) */
        if (origin && strcmp(origin, want) != 0 &&
            strcmp(origin, "null") != 0) {
            return phone_fail(s, conn, MHD_HTTP_FORBIDDEN, "bad_origin", NULL);
        }
        const char *length = MHD_lookup_connection_value(
            conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (length && strtoull(length, NULL, 10) > PHONE_MAX_BODY_BYTES) {
            return phone_fail(s, conn, MHD_HTTP_CONTENT_TOO_LARGE, "too_big",
                              NULL);
        }
        const char *type = MHD_lookup_connection_value(
            conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
        if (!type || strncmp(type, MHD_HTTP_POST_ENCODING_FORM_URLENCODED,
                             strlen(MHD_HTTP_POST_ENCODING_FORM_URLENCODED))) {
            return phone_fail(s, conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
                              "bad_type", NULL);
        }
        r->pp = MHD_create_post_processor(conn, 512, phone_post_field, r);
        if (!r->pp) {
            return phone_fail(s, conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
                              "bad_type", NULL);
        }
    } else {
        phone_conn_busy(s, conn, true);
    }
    return MHD_YES;
}

static enum MHD_Result phone_get(phone_server *s, phone_req *r)
{
    struct MHD_Connection *conn = r->conn;
    switch (r->route) {
    case R_PAGE:
        return phone_send_page(s, conn, MHD_HTTP_OK, phone_cookie(conn), NULL);
    case R_JS:
        return phone_send(conn, MHD_HTTP_OK, "text/javascript; charset=utf-8",
                          (const char *)phone_app_js, phone_app_js_len, NULL,
                          NULL, NULL);
    case R_CSS:
        return phone_send(conn, MHD_HTTP_OK, "text/css; charset=utf-8",
                          (const char *)phone_app_css, phone_app_css_len, NULL,
                          NULL, NULL);
    case R_STATE: {
        const char *since =
            MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "since");
        pthread_mutex_lock(&s->mu);
        if (since && !r->woken && !s->stopping) {
            char *end = NULL;
            unsigned long long v = strtoull(since, &end, 10);
            if (*since && !*end && v == s->version) {
                r->wait = W_POLL;
                r->until_ms = phone_now_ms() + s->poll_ms;
                phone_wait_add(s, r);
                pthread_mutex_unlock(&s->mu);
                return MHD_YES;
            }
        }
        cJSON *j = phone_state_json(s, phone_find(s, phone_cookie(conn)));
        pthread_mutex_unlock(&s->mu);
        return phone_send_json(conn, MHD_HTTP_OK, j, NULL);
    }
    default:
        return MHD_NO;
    }
}

static enum MHD_Result phone_access(void *cls, struct MHD_Connection *conn,
                                    const char *url, const char *method,
                                    const char *version,
                                    const char *upload_data,
                                    size_t *upload_data_size, void **con_cls)
{
    phone_server *s = cls;
    (void)version;
    if (!*con_cls) {
        phone_debug(s, "%s %s on %p", method, url, (void *)conn);
        return phone_first_call(s, conn, url, method, con_cls);
    }
    phone_req *r = *con_cls;
    if (r->wait != W_NONE) {
        /* resumed */
        if (r->wait == W_POLL) {
            return phone_get(s, r);
        }
        return phone_answer(s, r);
    }
    if (!r->pp) {
        return phone_get(s, r);
    }
    if (*upload_data_size > 0) {
        r->body_bytes += *upload_data_size;
        if (r->body_bytes > PHONE_MAX_BODY_BYTES) {
            r->too_big = true;
        } else if (MHD_post_process(r->pp, upload_data, *upload_data_size) !=
                   MHD_YES) {
            r->bad_field = true;
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    /* the whole body is in */
    phone_conn_busy(s, conn, true);
    if (r->too_big) {
        return phone_fail(s, conn, MHD_HTTP_CONTENT_TOO_LARGE, "too_big",
                          NULL);
    }
    if (r->bad_field) {
        return phone_fail(s, conn, MHD_HTTP_BAD_REQUEST, "bad_request", NULL);
    }
    pthread_mutex_lock(&s->mu);
    if (r->route == R_API_JOIN || r->route == R_FORM_JOIN) {
        phone_do_join(s, r);
    } else {
        phone_do_vote(s, r);
    }
    bool queued = !r->error[0] && r->seq > s->saved_seq;
    r->wait = W_ACK;
    if (queued && !s->stopping) {
        r->until_ms = phone_now_ms() + s->ack_ms;
        phone_wait_add(s, r);
        pthread_mutex_unlock(&s->mu);
        if (s->wake) {
            s->wake(s->wake_user);
        }
        return MHD_YES;
    }
    pthread_mutex_unlock(&s->mu);
    return phone_answer(s, r);
}

/* Percent-decodes the URL and its arguments as libmicrohttpd does, but a
 * decoded NUL becomes '?' so that "/app.js%00.html" cannot pass for
 * "/app.js". */
static size_t phone_unescape(void *cls, struct MHD_Connection *conn, char *s)
{
    (void)cls;
    (void)conn;
    size_t n = MHD_http_unescape(s);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\0') {
            s[i] = '?';
        }
    }
    return n;
}

static void phone_mhd_log(void *cls, const char *fmt, va_list ap)
{
    /* libmicrohttpd's messages are not shown to the facilitator */
    (void)cls;
    (void)fmt;
    (void)ap;
}

/* ---------- public ---------- */

static bool phone_lang_ok(const char *lang)
{
    size_t n = strlen(lang);
    if (n == 0 || n > 35) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = lang[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return true;
}

phone_server *phone_server_new(const phone_options *o, char *err,
                               size_t errlen)
{
    struct in_addr in;
    if (!o || !o->address || inet_pton(AF_INET, o->address, &in) != 1) {
        phone_err(err, errlen, "the phones' address must be an IPv4 address");
        return NULL;
    }
    if (o->join_code && !phone_text_is_code(o->join_code, PHONE_CODE_DIGITS)) {
        phone_err(err, errlen, "a join code has %d digits", PHONE_CODE_DIGITS);
        return NULL;
    }
    if (o->team_count > PHONE_MAX_TEAMS || (o->team_count > 0 && !o->teams)) {
        phone_err(err, errlen, "the phones take at most %d teams",
                  PHONE_MAX_TEAMS);
        return NULL;
    }
    char teams[PHONE_MAX_TEAMS][PHONE_TEAM_MAX_BYTES + 1];
    for (size_t t = 0; t < o->team_count; t++) {
        if (!o->teams[t] ||
            phone_text_clean_nick(o->teams[t], PHONE_TEAM_MAX_CHARS, teams[t],
                                  sizeof teams[t]) <= 0) {
            phone_err(err, errlen, "team %zu has no name the phones can show",
                      t + 1);
            return NULL;
        }
    }
    const char *lang = o->lang && phone_lang_ok(o->lang) ? o->lang : "en";
    const char *dir = o->dir && strcmp(o->dir, "rtl") == 0 ? "rtl" : "ltr";
    const char *ui_lang =
        o->ui_lang && phone_lang_ok(o->ui_lang) ? o->ui_lang : "en";
    const char *ui_dir =
        o->ui_dir && strcmp(o->ui_dir, "rtl") == 0 ? "rtl" : "ltr";
    phone_server *s = calloc(1, sizeof *s);
    if (!s) {
        phone_err(err, errlen, "out of memory");
        return NULL;
    }
    snprintf(s->address, sizeof s->address, "%s", o->address);
    s->port = o->port;
    s->any_port = o->any_port;
    s->lang = phone_strdup(lang);
    s->dir = phone_strdup(dir);
    s->title = phone_strdup(o->title && *o->title ? o->title : "Rapport");
    s->ui_lang = phone_strdup(ui_lang);
    s->ui_dir = phone_strdup(ui_dir);
    s->words = phone_words_new();
    s->max_devices =
        o->max_devices ? o->max_devices : PHONE_DEFAULT_MAX_DEVICES;
    s->nicknames = o->nicknames;
    s->team_count = o->team_count;
    memcpy(s->teams, teams, o->team_count * sizeof teams[0]);
    s->rate_per_s = o->rate_per_s ? o->rate_per_s : 5;
    s->rate_burst = o->rate_burst ? o->rate_burst : 40;
    s->per_ip_conns = o->per_ip_conns ? o->per_ip_conns : 16;
    s->max_conns = o->max_conns ? o->max_conns : 800;
    s->request_ms = o->request_ms ? o->request_ms : 10000;
    s->poll_ms = o->poll_ms ? o->poll_ms : 20000;
    s->ack_ms = o->ack_ms ? o->ack_ms : 10000;
    s->wake = o->wake;
    s->wake_user = o->wake_user;
    s->debug = o->debug;
    s->state = ST_WAITING;
    s->version = 1;
    if (o->join_code) {
        snprintf(s->code, sizeof s->code, "%s", o->join_code);
    } else {
        uint32_t v;
        do {
            if (phone_random(&v, sizeof v) != 0) {
                phone_err(err, errlen, "no random numbers: %s",
                          strerror(errno));
                free(s->lang);
                free(s->dir);
                free(s->title);
                free(s->ui_lang);
                free(s->ui_dir);
                phone_words_free(s->words);
                free(s);
                return NULL;
            }
        } while (v >= 4294000000u); /* no bias: a multiple of 10^6 */
        snprintf(s->code, sizeof s->code, "%06u", (unsigned)(v % 1000000u));
    }
    pthread_mutex_init(&s->mu, NULL);
    pthread_mutex_init(&s->conn_mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    if (!s->lang || !s->dir || !s->title || !s->ui_lang || !s->ui_dir ||
        !s->words) {
        phone_server_free(s);
        phone_err(err, errlen, "out of memory");
        return NULL;
    }
    return s;
}

static struct MHD_Daemon *phone_start_on(phone_server *s, unsigned short port)
{
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(port);
    inet_pton(AF_INET, s->address, &sin.sin_addr);
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME;
    return MHD_start_daemon(
        flags, port, NULL, NULL, phone_access, s, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&sin, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned int)s->max_conns, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        (unsigned int)s->per_ip_conns, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned int)(s->request_ms / 1000 + 20),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)PHONE_CONNECTION_MEMORY,
        MHD_OPTION_NOTIFY_CONNECTION, phone_notify_conn, s,
        MHD_OPTION_NOTIFY_COMPLETED, phone_completed, s,
        MHD_OPTION_EXTERNAL_LOGGER, phone_mhd_log, s,
        MHD_OPTION_UNESCAPE_CALLBACK, phone_unescape, s,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int)128,
        MHD_OPTION_STRICT_FOR_CLIENT, (int)1, MHD_OPTION_END);
}

int phone_server_start(phone_server *s, char *err, size_t errlen)
{
    if (!s || s->daemon) {
        phone_err(err, errlen, "the phone server is already running");
        return -1;
    }
    if (s->any_port) {
        s->daemon = phone_start_on(s, 0);
    } else if (s->port) {
        s->daemon = phone_start_on(s, s->port);
    } else {
        for (unsigned p = PHONE_DEFAULT_PORT;
             !s->daemon && p < PHONE_DEFAULT_PORT + 10; p++) {
            s->daemon = phone_start_on(s, (unsigned short)p);
        }
        if (!s->daemon) {
            s->daemon = phone_start_on(s, 0);
        }
    }
    if (!s->daemon) {
        phone_err(err, errlen,
                  "cannot listen on %s port %u (in use, or not an address "
                  "of this machine)",
                  s->address, (unsigned)s->port);
        return -1;
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : s->port;
    snprintf(s->host, sizeof s->host, "%s:%u", s->address, (unsigned)s->port);
    snprintf(s->base_url, sizeof s->base_url, "http://%s/", s->host);
    snprintf(s->url, sizeof s->url, "http://%s/?code=%s", s->host, s->code);
    if (pthread_create(&s->housekeeper, NULL, phone_housekeeper, s) != 0) {
        MHD_stop_daemon(s->daemon);
        s->daemon = NULL;
        phone_err(err, errlen, "cannot start a thread");
        return -1;
    }
    s->housekeeper_running = true;
    return 0;
}

void phone_server_free(phone_server *s)
{
    if (!s) {
        return;
    }
    pthread_mutex_lock(&s->mu);
    s->stopping = true;
    while (s->waiters) {
        phone_wait_wake(s, s->waiters);
    }
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    if (s->housekeeper_running) {
        pthread_join(s->housekeeper, NULL);
    }
    if (s->daemon) {
        MHD_stop_daemon(s->daemon);
    }
    for (size_t i = 0; i < s->option_count; i++) {
        free(s->options[i]);
    }
    free(s->options);
    free(s->devices);
    free(s->queue);
    free(s->lang);
    free(s->dir);
    free(s->title);
    free(s->ui_lang);
    free(s->ui_dir);
    phone_words_free(s->words);
    phone_conn *c = s->conns;
    while (c) {
        phone_conn *next = c->next;
        free(c);
        c = next;
    }
    pthread_mutex_destroy(&s->mu);
    pthread_mutex_destroy(&s->conn_mu);
    pthread_cond_destroy(&s->cv);
    free(s);
}

const char *phone_server_code(const phone_server *s) { return s->code; }
unsigned short phone_server_port(const phone_server *s) { return s->port; }
const char *phone_server_url(const phone_server *s) { return s->url; }
const char *phone_server_base_url(const phone_server *s)
{
    return s->base_url;
}

int phone_server_open_ballot(phone_server *s, unsigned ballot,
                             const char *const *texts, size_t count)
{
    if (!s || ballot == 0 || count == 0 || count > PHONE_MAX_OPTIONS ||
        !texts) {
        return -1;
    }
    char **copy = calloc(count, sizeof *copy);
    for (size_t i = 0; copy && i < count; i++) {
        size_t n = texts[i] ? strlen(texts[i]) : 0;
        if (n > PHONE_MAX_OPTION_BYTES) {
            n = PHONE_MAX_OPTION_BYTES;
        }
        copy[i] = malloc(n + 1);
        if (!copy[i]) {
            for (size_t k = 0; k < i; k++) {
                free(copy[k]);
            }
            free(copy);
            return -1;
        }
        memcpy(copy[i], texts[i] ? texts[i] : "", n);
        copy[i][n] = '\0';
    }
    if (!copy) {
        return -1;
    }
    pthread_mutex_lock(&s->mu);
    if (ballot == s->ballot && s->state != ST_WAITING) {
        /* the same ballot again (resumed): keep it, open */
        for (size_t i = 0; i < count; i++) {
            free(copy[i]);
        }
        free(copy);
        s->state = ST_OPEN;
        phone_changed(s);
        pthread_mutex_unlock(&s->mu);
        return 0;
    }
    for (size_t i = 0; i < s->option_count; i++) {
        free(s->options[i]);
    }
    free(s->options);
    s->options = copy;
    s->option_count = count;
    s->ballot = ballot;
    s->state = ST_OPEN;
    phone_changed(s);
    pthread_mutex_unlock(&s->mu);
    return 0;
}

static void phone_set_state(phone_server *s, phone_state st)
{
    pthread_mutex_lock(&s->mu);
    if (s->state != st) {
        s->state = st;
        phone_changed(s);
    }
    pthread_mutex_unlock(&s->mu);
}

void phone_server_close_ballot(phone_server *s)
{
    pthread_mutex_lock(&s->mu);
    bool open = s->state == ST_OPEN;
    pthread_mutex_unlock(&s->mu);
    if (open) {
        phone_set_state(s, ST_CLOSED);
    }
}

void phone_server_wait(phone_server *s) { phone_set_state(s, ST_WAITING); }
void phone_server_end(phone_server *s) { phone_set_state(s, ST_ENDED); }

bool phone_server_next_event(phone_server *s, phone_event *ev)
{
    pthread_mutex_lock(&s->mu);
    bool got = s->q_len > 0;
    if (got) {
        *ev = s->queue[s->q_head];
        s->q_head = (s->q_head + 1) % s->q_cap;
        s->q_len--;
    }
    pthread_mutex_unlock(&s->mu);
    return got;
}

void phone_server_saved(phone_server *s, uint64_t seq)
{
    pthread_mutex_lock(&s->mu);
    if (seq > s->next_seq) {
        seq = s->next_seq;
    }
    if (seq > s->saved_seq) {
        s->saved_seq = seq;
        phone_req *r = s->waiters;
        while (r) {
            phone_req *next = r->wnext;
            if (r->wait == W_ACK && r->seq <= seq) {
                phone_wait_wake(s, r);
            }
            r = next;
        }
    }
    pthread_mutex_unlock(&s->mu);
}

void phone_server_refuse(phone_server *s, const phone_event *ev)
{
    if (!s || !ev || ev->kind != PHONE_EV_VOTE) {
        return;
    }
    pthread_mutex_lock(&s->mu);
    phone_device *d = phone_find(s, ev->token);
    if (d && d->vote_seq == ev->seq) {
        d->option = ev->previous;
        d->vote_seq = 0;
        if (ev->previous < 0) {
            d->ballot = 0;
        }
    }
    phone_req *r = s->waiters;
    while (r) {
        phone_req *next = r->wnext;
        if (r->wait == W_ACK && r->seq == ev->seq) {
            phone_req_error(r, MHD_HTTP_CONFLICT, "closed");
            phone_wait_wake(s, r);
        }
        r = next;
    }
    pthread_mutex_unlock(&s->mu);
}

phone_counts phone_server_counts(phone_server *s)
{
    phone_counts c = {0};
    pthread_mutex_lock(&s->mu);
    c.devices = s->device_count;
    for (size_t i = 0; i < s->device_count; i++) {
        int t = s->devices[i].team;
        if (t >= 0 && t < PHONE_MAX_TEAMS) {
            c.team_devices[t]++;
        }
    }
    bool shown = s->state == ST_OPEN || s->state == ST_CLOSED;
    for (size_t i = 0; shown && i < s->device_count; i++) {
        if (s->devices[i].ballot == s->ballot && s->devices[i].option >= 0) {
            c.votes++;
        }
    }
    c.queued = s->q_len;
    c.refused = s->refused;
    pthread_mutex_unlock(&s->mu);
    return c;
}

int phone_server_restore_join(phone_server *s, const char *token,
                              const char *nick)
{
    return phone_server_restore_join_team(s, token, nick, -1);
}

int phone_server_restore_join_team(phone_server *s, const char *token,
                                   const char *nick, int team)
{
    if (!s || !phone_text_is_token(token, PHONE_TOKEN_HEX) ||
        (s->team_count > 0 && (team < 0 || (size_t)team >= s->team_count))) {
        return -1;
    }
    if (s->team_count == 0) {
        team = -1; /* a whole-class session: no teams */
    }
    char clean[PHONE_NICK_MAX_BYTES + 1] = "";
    if (phone_text_clean_nick(nick, PHONE_NICK_MAX_CHARS, clean,
                              sizeof clean) < 0) {
        clean[0] = '\0';
    }
    pthread_mutex_lock(&s->mu);
    int rc = phone_find(s, token) || phone_add_device(s, token, clean, team)
                 ? 0
                 : -1;
    pthread_mutex_unlock(&s->mu);
    return rc;
}

int phone_server_restore_vote(phone_server *s, const char *token,
                              unsigned ballot, int option)
{
    if (!s || option < 0 || option >= PHONE_MAX_OPTIONS) {
        return -1;
    }
    pthread_mutex_lock(&s->mu);
    phone_device *d = phone_find(s, token);
    if (d) {
        d->ballot = ballot;
        d->option = option;
        d->vote_seq = 0;
        phone_changed(s);
    }
    pthread_mutex_unlock(&s->mu);
    return d ? 0 : -1;
}
