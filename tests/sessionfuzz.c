/* sessionfuzz.c — the session fuzzer (issue 14), a plain program (no
 * sanitizer, no libFuzzer) so that 100,000 sessions run in minutes:
 *
 *   rapport_sessionfuzz --sessions N [--seed S] [--scenarios K]
 *                       [--shipped DIR] [--work DIR] [--quiet]
 *
 * Makes K random valid scenarios with the generator of
 * tests/gen_big_scenario.c (5 to 400 nodes, with loops, mood branches,
 * flags, conditional options and branches; K from --seed), adds the
 * shipped scenarios of DIR, then plays N sessions over them, each from
 * its own seed: random positions (some not on offer), response times
 * (zero, on target, late, very late, negative), silences that run the
 * customer's patience out, relaxed timing or not, shuffled options from
 * a random seed or not. Each session is journaled (in memory, through
 * the journal's I/O hooks) as the game journals it.
 *
 * Invariants checked on every session:
 *   - a position not on offer and a negative time are refused, and change
 *     nothing; each accepted step adds exactly one turn;
 *   - the mood stays in 0-100 after every step;
 *   - the transcript is consistent: each turn at a real node, its choice
 *     on offer at the position recorded, its shown order a permutation of
 *     what was on offer, each turn's mood and node following from the one
 *     before, a finished call at an ending (or given up);
 *   - the debrief is always produced, its scores in 0-100 and as many
 *     turns as the session;
 *   - the same inputs give the same bytes (the session played twice: the
 *     debrief text and JSON, and the result record, byte for byte);
 *   - replaying the journal gives the live session: the same turns and the
 *     same debrief JSON and record bytes.
 * Prints the figures (sessions, turns, invariant checks, time); exits 1
 * at the first broken invariant, naming the session's seed (run again
 * with --seed and --sessions 1 to see it alone). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "debrief.h"
#include "diag.h"
#include "journal.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

/* tests/gen_big_scenario.c, built with main renamed */
int gen_big_scenario_main(int argc, char **argv);

#define SF_MAX_SCENARIOS 256
#define SF_MAX_STEPS 400

typedef struct {
    scenario *sc[SF_MAX_SCENARIOS];
    size_t count;
    uint64_t sessions, turns, checks, refused, timeouts, finished, shuffled;
} sf_run;

static uint64_t sf_next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static unsigned sf_below(uint64_t *s, unsigned n)
{
    return n ? (unsigned)(sf_next(s) % n) : 0;
}

static const char *sf_session_seed_text(uint64_t seed)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)seed);
    return buf;
}

#define SF_CHECK(run, cond, seed, ...)                                        \
    do {                                                                      \
        (run)->checks++;                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "sessionfuzz: session seed %s: ",                 \
                    sf_session_seed_text(seed));                              \
            fprintf(stderr, __VA_ARGS__);                                     \
            fputc('\n', stderr);                                              \
            return false;                                                     \
        }                                                                     \
    } while (0)

/* ---------- the journal in memory (its I/O hooks) ---------- */

typedef struct {
    char *data;
    size_t len, cap;
} sf_buf;

static ssize_t sf_write(void *ctx, int fd, const void *buf, size_t count)
{
    (void)fd;
    sf_buf *b = ctx;
    if (b->len + count + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + count + 1) {
            cap *= 2;
        }
        char *more = realloc(b->data, cap);
        if (!more) {
            errno = ENOMEM;
            return -1;
        }
        b->data = more;
        b->cap = cap;
    }
    memcpy(b->data + b->len, buf, count);
    b->len += count;
    b->data[b->len] = '\0';
    return (ssize_t)count;
}

static int sf_fsync(void *ctx, int fd)
{
    (void)ctx;
    (void)fd;
    return 0;
}

/* ---------- scenarios ---------- */

static int sf_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool sf_load(sf_run *run, const char *path)
{
    if (run->count >= SF_MAX_SCENARIOS) {
        return true;
    }
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_file(path, diags);
    if (!sc) {
        const diag_entry *e = diag_get(diags, 0);
        fprintf(stderr, "sessionfuzz: %s: %s\n", path,
                e ? e->message : "not loaded");
    } else {
        run->sc[run->count++] = sc;
    }
    diag_list_free(diags);
    return sc != NULL;
}

static bool sf_generate(sf_run *run, const char *work, unsigned k,
                        uint64_t seed)
{
    uint64_t s = seed ^ UINT64_C(0x5CE7A210);
    for (unsigned i = 0; i < k; i++) {
        char path[4096];
        char nodes[32];
        char gseed[32];
        snprintf(path, sizeof path, "%s/gen-%03u.xml", work, i);
        /* small ones often (short calls, many endings reached), a few
         * large ones */
        unsigned n = sf_below(&s, 4) == 0 ? 100 + sf_below(&s, 301)
                                          : 5 + sf_below(&s, 60);
        snprintf(nodes, sizeof nodes, "%u", n);
        snprintf(gseed, sizeof gseed, "%llu",
                 (unsigned long long)(sf_next(&s) >> 12));
        char *argv[8];
        int argc = 0;
        argv[argc++] = "gen_big_scenario";
        argv[argc++] = path;
        argv[argc++] = nodes;
        argv[argc++] = "--seed";
        argv[argc++] = gseed;
        if (sf_below(&s, 2)) {
            argv[argc++] = "--loops";
        }
        if (sf_below(&s, 2)) {
            argv[argc++] = "--mood";
        }
        argv[argc] = NULL;
        if (gen_big_scenario_main(argc, argv) != 0 || !sf_load(run, path)) {
            return false;
        }
    }
    return true;
}

static void sf_load_dir(sf_run *run, const char *dir)
{
    DIR *d = opendir(dir);
    char *names[SF_MAX_SCENARIOS];
    size_t n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL && n < SF_MAX_SCENARIOS) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0) {
            names[n++] = strdup(e->d_name);
        }
    }
    if (d) {
        closedir(d);
    }
    qsort(names, n, sizeof names[0], sf_cmp);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        sf_load(run, path);
        free(names[i]);
    }
}

/* ---------- one session ---------- */

typedef struct {
    char *text;   /* debrief as text */
    char *json;   /* debrief as JSON */
    char *record; /* the result record */
    size_t turns;
} sf_out;

static void sf_out_free(sf_out *o)
{
    free(o->text);
    free(o->json);
    free(o->record);
    memset(o, 0, sizeof *o);
}

static char *sf_text(const debrief *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        return NULL;
    }
    debrief_write_text(d, f);
    fclose(f);
    return buf;
}

/* The transcript's consistency. */
static bool sf_transcript(sf_run *run, const session *s, uint64_t seed)
{
    const scenario *sc = session_scenario(s);
    size_t n = session_turn_count(s);
    for (size_t i = 0; i < n; i++) {
        const session_turn *t = session_turn_at(s, i);
        SF_CHECK(run,
                 t && t->node_index >= 0 &&
                     (size_t)t->node_index < sc->node_count,
                 seed, "turn %zu: not at a node", i + 1);
        const scenario_node *node = &sc->nodes[t->node_index];
        SF_CHECK(run,
                 t->shown_count >= 1 && t->shown_count <= node->choice_count,
                 seed, "turn %zu: %u options shown of %zu", i + 1,
                 (unsigned)t->shown_count, node->choice_count);
        uint16_t seen = 0;
        for (unsigned p = 0; p < t->shown_count; p++) {
            unsigned c = t->shown[p];
            SF_CHECK(run,
                     c < node->choice_count && (t->offered >> c & 1u) &&
                         !(seen >> c & 1u),
                     seed, "turn %zu: shown order is not what was on offer",
                     i + 1);
            seen |= (uint16_t)(1u << c);
        }
        SF_CHECK(run, seen == t->offered, seed,
                 "turn %zu: an option on offer was not shown", i + 1);
        if (t->choice_index >= 0) {
            SF_CHECK(run,
                     t->offered_pos >= 1 && t->offered_pos <= t->shown_count &&
                         t->shown[t->offered_pos - 1] == t->choice_index,
                     seed, "turn %zu: the choice is not at its position",
                     i + 1);
        } else {
            SF_CHECK(run, t->offered_pos == 0, seed,
                     "turn %zu: a timeout with a position", i + 1);
        }
        SF_CHECK(run,
                 t->mood_before >= 0 && t->mood_before <= 100 &&
                     t->mood_after >= 0 && t->mood_after <= 100 &&
                     t->response_ms >= 0,
                 seed, "turn %zu: mood %d -> %d or time %d out of bounds",
                 i + 1, t->mood_before, t->mood_after, t->response_ms);
        if (i + 1 < n) {
            const session_turn *u = session_turn_at(s, i + 1);
            SF_CHECK(run,
                     u->node_index == t->next_index &&
                         u->mood_before == t->mood_after,
                     seed, "turn %zu does not follow from turn %zu", i + 2,
                     i + 1);
        }
    }
    if (session_is_finished(s)) {
        SF_CHECK(run, session_ending(s) || session_gave_up(s), seed,
                 "a finished call with no ending");
    }
    return true;
}

/* Plays one session from seed; fills out (and the journal in *jbuf when
 * given). */
static bool sf_play(sf_run *run, const scenario *sc, uint64_t seed,
                    const char *work, sf_out *out, sf_buf *jbuf,
                    bool count_stats)
{
    uint64_t r = seed;
    session_options opt;
    memset(&opt, 0, sizeof opt);
    opt.relaxed_timing = sf_below(&r, 4) == 0;
    opt.shuffle = sf_below(&r, 2) == 0;
    opt.seed = sf_next(&r) & SESSION_SEED_MAX;
    session *s = session_new(sc, &opt);
    SF_CHECK(run, s != NULL, seed, "no session");
    result_info info;
    memset(&info, 0, sizeof info);
    info.trainee = "Fuzz Trainee";
    info.started_ms = 1700000000000 + (int64_t)sf_below(&r, 1000000000);
    info.feedback_mode =
        sf_below(&r, 2) ? RESULT_FEEDBACK_IMMEDIATE : RESULT_FEEDBACK_WITHHELD;
    journal *j = NULL;
    if (jbuf) {
        result_io io = {.ctx = jbuf, .write = sf_write, .fsync = sf_fsync};
        diag_list *diags = diag_list_new();
        j = journal_open(work, s, sc->path, &info, &io, diags);
        const diag_entry *e = diag_get(diags, 0);
        SF_CHECK(run, j != NULL, seed, "journal_open: %s",
                 e ? e->message : "?");
        diag_list_free(diags);
    }
    int64_t spent = 0;
    for (int step = 0; step < SF_MAX_STEPS && !session_is_finished(s);
         step++) {
        size_t before = session_turn_count(s);
        int mood = session_mood(s);
        size_t n = session_offered_count(s);
        int target = session_target_ms(s);
        unsigned roll = sf_below(&r, 100);
        int ms;
        unsigned tr = sf_below(&r, 10);
        ms = tr == 0  ? 0
             : tr < 6 ? (int)sf_below(&r, (unsigned)target + 1)
             : tr < 9 ? target + (int)sf_below(&r, (unsigned)target * 3 + 1)
                      : (int)sf_below(&r, 600000);
        session_status st;
        if (roll < 5) {
            size_t pos = n + sf_below(&r, 20);
            st = session_choose(s, pos, ms);
            SF_CHECK(run, st == SESSION_ERR_NO_SUCH_CHOICE, seed,
                     "position %zu of %zu taken", pos + 1, n);
            if (count_stats) {
                run->refused++;
            }
        } else if (roll < 8) {
            st = session_choose(s, n ? sf_below(&r, (unsigned)n) : 0,
                                -1 - (int)sf_below(&r, 1000));
            SF_CHECK(run, st == SESSION_ERR_BAD_TIME, seed,
                     "a negative time taken");
            if (count_stats) {
                run->refused++;
            }
        } else if (roll < 16) {
            int wait = sf_below(&r, 3) == 0
                           ? session_patience_ms(s) + (int)sf_below(&r, 5000)
                           : (int)sf_below(&r, 30000);
            st = session_wait(s, wait);
            SF_CHECK(run, st == SESSION_OK || st == SESSION_TIMED_OUT, seed,
                     "wait: status %d", (int)st);
            if (st == SESSION_TIMED_OUT && count_stats) {
                run->timeouts++;
            }
        } else {
            SF_CHECK(run, n >= 1, seed, "a turn with no option on offer");
            st = session_choose(s, sf_below(&r, (unsigned)n), ms);
            SF_CHECK(run, st == SESSION_OK || st == SESSION_TIMED_OUT, seed,
                     "choose: status %d", (int)st);
            spent += ms;
        }
        size_t after = session_turn_count(s);
        /* a turn: a reply taken, or the patience run out (a wait that did
         * not run it out adds none) */
        bool took = st == SESSION_TIMED_OUT ||
                    (st == SESSION_OK && (roll < 8 || roll >= 16));
        SF_CHECK(run, after == before + (took ? 1u : 0u), seed,
                 "a step added %zu turns (status %d)", after - before,
                 (int)st);
        if (!took) {
            SF_CHECK(run, session_mood(s) == mood, seed,
                     "a refused step changed the mood");
        }
        SF_CHECK(run, session_mood(s) >= 0 && session_mood(s) <= 100, seed,
                 "mood %d", session_mood(s));
        if (j && after != before) {
            diag_list *diags = diag_list_new();
            int rc = journal_append(j, s, diags);
            diag_list_free(diags);
            SF_CHECK(run, rc == 0, seed, "journal_append failed");
        }
    }
    (void)spent;
    if (!sf_transcript(run, s, seed)) {
        session_free(s);
        journal_close(j, true, NULL);
        return false;
    }
    if (j) {
        diag_list *diags = diag_list_new();
        int rc = journal_close(j, true, diags);
        diag_list_free(diags);
        SF_CHECK(run, rc == 0, seed, "journal_close failed");
    }
    debrief *d = debrief_new(s);
    SF_CHECK(run, d != NULL, seed, "no debrief");
    SF_CHECK(run, d->turn_count == session_turn_count(s), seed,
             "the debrief has %zu turns of %zu", d->turn_count,
             session_turn_count(s));
    SF_CHECK(run, d->summary.overall >= 0 && d->summary.overall <= 100, seed,
             "overall %d", d->summary.overall);
    for (int k = 0; k < SCENARIO_DIM_COUNT; k++) {
        SF_CHECK(run, d->summary.dim[k] >= 0 && d->summary.dim[k] <= 100, seed,
                 "score %d: %d", k, d->summary.dim[k]);
    }
    info.interrupted = !session_is_finished(s);
    info.ended_ms = info.started_ms + spent;
    out->turns = session_turn_count(s);
    out->text = sf_text(d);
    out->json = debrief_to_json(d);
    diag_list *diags = diag_list_new();
    out->record = result_record_json(d, &info, diags);
    diag_list_free(diags);
    SF_CHECK(run, out->text && out->json && out->record, seed,
             "the debrief or record was not produced");
    if (count_stats) {
        run->turns += session_turn_count(s);
        run->finished += session_is_finished(s);
        run->shuffled += opt.shuffle;
    }
    debrief_free(d);
    session_free(s);
    return true;
}

/* The journal read back and replayed gives the live session. */
static bool sf_replay(sf_run *run, const scenario *sc, uint64_t seed,
                      const sf_buf *jbuf, const sf_out *live)
{
    diag_list *diags = diag_list_new();
    journal_data *jd =
        journal_parse(jbuf->data, jbuf->len, "sessionfuzz.journal", diags);
    session *s = jd ? journal_replay(jd, sc, diags) : NULL;
    const diag_entry *e = diag_get(diags, 0);
    char why[512];
    snprintf(why, sizeof why, "%s", e ? e->message : "?");
    diag_list_free(diags);
    if (!s) {
        journal_data_free(jd);
    }
    if (!s && getenv("SESSIONFUZZ_DEBUG")) {
        fprintf(stderr, "%s\n%.*s\n", sc->path, (int)jbuf->len, jbuf->data);
    }
    SF_CHECK(run, s != NULL, seed, "the journal does not replay: %s", why);
    debrief *d = debrief_new(s);
    char *json = d ? debrief_to_json(d) : NULL;
    result_info info;
    journal_result_info(jd, s, &info);
    info.interrupted = !session_is_finished(s);
    bool same_turns = session_turn_count(s) == live->turns;
    bool same_json = json && strcmp(json, live->json) == 0;
    free(json);
    debrief_free(d);
    session_free(s);
    journal_data_free(jd);
    SF_CHECK(run, same_turns, seed, "the replay has other turns");
    SF_CHECK(run, same_json, seed,
             "the replay's debrief differs from the live session's");
    return true;
}

static bool sf_session(sf_run *run, uint64_t seed, const char *work)
{
    uint64_t r = seed;
    const scenario *sc = run->sc[sf_below(&r, (unsigned)run->count)];
    sf_out a = {0}, b = {0};
    sf_buf jbuf = {0};
    bool ok = sf_play(run, sc, seed, work, &a, &jbuf, true) &&
              sf_play(run, sc, seed, work, &b, NULL, false);
    if (ok) {
        run->checks++;
        if (strcmp(a.text, b.text) != 0 || strcmp(a.json, b.json) != 0 ||
            strcmp(a.record, b.record) != 0) {
            fprintf(stderr,
                    "sessionfuzz: session seed %s: the same inputs gave "
                    "other bytes\n",
                    sf_session_seed_text(seed));
            ok = false;
        }
    }
    ok = ok && sf_replay(run, sc, seed, &jbuf, &a);
    sf_out_free(&a);
    sf_out_free(&b);
    free(jbuf.data);
    run->sessions++;
    return ok;
}

static double sf_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sf_usage(void)
{
    fputs("usage: rapport_sessionfuzz --sessions N [--seed S] [--scenarios "
          "K] [--shipped DIR] [--work DIR] [--quiet]\n",
          stderr);
}

int main(int argc, char **argv)
{
    unsigned long long sessions = 1000;
    unsigned long long seed = 1;
    unsigned k = 40;
    const char *shipped = NULL;
    const char *work_arg = NULL;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--sessions") == 0 && v) {
            sessions = strtoull(v, NULL, 10);
            i++;
        } else if (strcmp(argv[i], "--seed") == 0 && v) {
            seed = strtoull(v, NULL, 10);
            i++;
        } else if (strcmp(argv[i], "--scenarios") == 0 && v) {
            k = (unsigned)strtoul(v, NULL, 10);
            i++;
        } else if (strcmp(argv[i], "--shipped") == 0 && v) {
            shipped = v;
            i++;
        } else if (strcmp(argv[i], "--work") == 0 && v) {
            work_arg = v;
            i++;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else {
            sf_usage();
            return 2;
        }
    }
    if (k > SF_MAX_SCENARIOS / 2) {
        k = SF_MAX_SCENARIOS / 2;
    }
    /* in memory when it can be: journals are created, locked and removed
     * (with their folder synced) for every session */
    char shm[] = "/dev/shm/sessionfuzz-XXXXXX";
    char tmpl[] = "/tmp/sessionfuzz-XXXXXX";
    char *work = work_arg ? (char *)work_arg : mkdtemp(shm);
    if (!work) {
        work = mkdtemp(tmpl);
    }
    if (!work || (work_arg && mkdir(work, 0700) != 0 && errno != EEXIST)) {
        perror("sessionfuzz: work folder");
        return 1;
    }
    sf_run *run = calloc(1, sizeof *run);
    if (!run) {
        return 1;
    }
    double t0 = sf_now();
    int rc = 0;
    if (!sf_generate(run, work, k, seed)) {
        rc = 1;
    }
    if (shipped) {
        sf_load_dir(run, shipped);
    }
    if (rc == 0 && run->count == 0) {
        fputs("sessionfuzz: no scenario\n", stderr);
        rc = 1;
    }
    uint64_t sr = seed;
    for (unsigned long long i = 0; rc == 0 && i < sessions; i++) {
        if (!sf_session(run, sf_next(&sr), work)) {
            rc = 1;
        }
        if (!quiet && (i + 1) % 10000 == 0) {
            fprintf(stderr, "sessionfuzz: %llu sessions\n", i + 1);
        }
    }
    double t1 = sf_now();
    printf("sessionfuzz: %llu sessions over %zu scenarios (%u generated), "
           "%llu turns (%llu finished calls, %llu timeouts, %llu refused "
           "steps, %llu shuffled), %llu invariant checks, %.1f s: %s\n",
           (unsigned long long)run->sessions, run->count, k,
           (unsigned long long)run->turns, (unsigned long long)run->finished,
           (unsigned long long)run->timeouts, (unsigned long long)run->refused,
           (unsigned long long)run->shuffled, (unsigned long long)run->checks,
           t1 - t0, rc == 0 ? "no invariant broken" : "AN INVARIANT BROKEN");
    for (size_t i = 0; i < run->count; i++) {
        scenario_free(run->sc[i]);
    }
    free(run);
    /* the generated scenarios and the emptied journal folder */
    for (unsigned i = 0; !work_arg && i < k; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/gen-%03u.xml", work, i);
        unlink(path);
    }
    if (!work_arg) {
        char path[4096];
        snprintf(path, sizeof path, "%s/in-progress", work);
        rmdir(path);
        rmdir(work);
    }
    return rc;
}
