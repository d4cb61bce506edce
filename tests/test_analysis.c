/* test_analysis.c — design warnings, the exact score analysis (against
 * brute force: every play actually played with session_choose and scored
 * with score_summarise) and the DOT output. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "check.h"
#include "graph.h"
#include "lint.h"
#include "scenario.h"
#include "score.h"
#include "session.h"

/* What `rapport lint` adds: the design checks as written, then those of
 * the reachable states. */
static analysis_report *analysis_lint(const scenario *sc, diag_list *diags)
{
    lint_design(sc, diags);
    return analysis_new(sc, NULL, diags);
}

#define MAX_DEPTH 16

/* ---------- brute force ---------- */

typedef struct {
    int best[ANALYSIS_SCORE_COUNT];
    int worst[ANALYSIS_SCORE_COUNT];
    int shortest;
    int longest;
    long plays;
    long sessions;
    unsigned long endings; /* bit per node index < 64: reached by choices */
} brute;

static void brute_init(brute *b)
{
    memset(b, 0, sizeof *b);
    for (int i = 0; i < ANALYSIS_SCORE_COUNT; i++) {
        b->best[i] = -1;
        b->worst[i] = 101;
    }
    b->shortest = -1;
    b->longest = -1;
}

/* Plays every choice sequence of at most max_depth turns, replies on
 * target, replaying each prefix from the start. */
static void brute_walk(const scenario *sc, int *prefix, int depth,
                       int max_depth, brute *b)
{
    session *s = session_new(sc, NULL);
    b->sessions++;
    if (!s) {
        return;
    }
    for (int i = 0; i < depth; i++) {
        session_choose(s, (size_t)prefix[i] - 1, session_target_ms(s));
    }
    if (session_is_finished(s)) {
        score_summary sum;
        score_summarise(s, &sum);
        int v[ANALYSIS_SCORE_COUNT] = {sum.dim[0], sum.dim[1], sum.dim[2],
                                       sum.overall};
        for (int i = 0; i < ANALYSIS_SCORE_COUNT; i++) {
            if (v[i] > b->best[i]) {
                b->best[i] = v[i];
            }
            if (v[i] < b->worst[i]) {
                b->worst[i] = v[i];
            }
        }
        if (b->shortest < 0 || depth < b->shortest) {
            b->shortest = depth;
        }
        if (depth > b->longest) {
            b->longest = depth;
        }
        const scenario_node *e = session_ending(s);
        if (e) {
            long idx = e - sc->nodes;
            if (idx >= 0 && idx < 64) {
                b->endings |= 1ul << idx;
            }
        }
        b->plays++;
        session_free(s);
        return;
    }
    size_t offered = session_offered_count(s);
    session_free(s);
    if (depth == max_depth) {
        return;
    }
    for (size_t p = 1; p <= offered; p++) {
        prefix[depth] = (int)p;
        brute_walk(sc, prefix, depth + 1, max_depth, b);
    }
}

/* Plays a script and returns the score of index i, or -1 when the script
 * does not end the call exactly. */
static int play_script(const scenario *sc, const analysis_play *p, int i)
{
    session *s = session_new(sc, NULL);
    int score = -1;
    bool ok = s != NULL;
    for (size_t k = 0; ok && k < p->choice_count; k++) {
        ok = !session_is_finished(s) &&
             session_choose(s, (size_t)p->choices[k] - 1,
                            session_target_ms(s)) == SESSION_OK;
    }
    if (ok && session_is_finished(s)) {
        score_summary sum;
        score_summarise(s, &sum);
        score = i == ANALYSIS_OVERALL ? sum.overall : sum.dim[i];
    }
    session_free(s);
    return score;
}

/* Checks the analysis against brute force; returns the number of
 * mismatches (each also reported by CHECK). */
static int compare_with_brute(const scenario *sc, const analysis_report *r,
                              const brute *b, const char *what)
{
    int before = check_failed;
    for (int i = 0; i < ANALYSIS_SCORE_COUNT; i++) {
        int bb = b->plays ? b->best[i] : -1;
        int bw = b->plays ? b->worst[i] : -1;
        CHECK_INT(r->best[i].score, bb);
        CHECK_INT(r->worst[i].score, bw);
        if (b->plays) {
            /* the scripts reach the scores they claim */
            CHECK_INT(play_script(sc, &r->best[i], i), bb);
            CHECK_INT(play_script(sc, &r->worst[i], i), bw);
        }
    }
    if (b->plays) {
        CHECK(r->overall_exact);
    }
    if (check_failed != before) {
        fprintf(stderr, "  in %s (brute force: %ld plays)\n", what, b->plays);
    }
    return check_failed - before;
}

/* ---------- random scenarios ---------- */

typedef struct {
    uint64_t s;
} rng;

static uint32_t rng_next(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return (uint32_t)((r->s * UINT64_C(2685821657736338717)) >> 32);
}

static int rng_int(rng *r, int n) { return (int)(rng_next(r) % (unsigned)n); }

typedef struct {
    char *s;
    size_t len;
    size_t cap;
} text_buf;

static void text_add(text_buf *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void text_add(text_buf *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if (t->len + (size_t)n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + (size_t)n + 1) {
            cap *= 2;
        }
        char *grown = realloc(t->s, cap);
        if (!grown) {
            return;
        }
        t->s = grown;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static const char *const random_conditions[] = {
    "if-flags=\"fa\"", "unless-flags=\"fa\"", "if-flags=\"fb\"",
    "min-mood=\"40\"", "max-mood=\"50\"",     "if-flags=\"fa fb\""};
static const char *const random_effects[] = {
    "", "", "", "set=\"fa\"", "set=\"fb\"", "clear=\"fa\"", "set=\"fa fb\""};
static const char *const random_outcomes[] = {"resolved", "partial",
                                              "escalated", "lost"};

/* A random scenario: 2-7 nodes, 1-4 choices each (the first always on
 * offer, so every node has one), ratings in a small range (ties and
 * non-differing turns happen), mood changes, flags, conditions, branches
 * and loops back. */
static char *random_scenario(rng *r, int id)
{
    text_buf t = {0};
    int nodes = 2 + rng_int(r, 6);
    int endings = 1 + rng_int(r, 3);
    static const int moods[] = {10, 30, 45, 60, 80};
    text_add(&t,
             "<scenario xmlns=\"urn:rapport:scenario:1\" id=\"rand-%d\">\n"
             "<title>Random %d</title>\n"
             "<customer name=\"R\" mood=\"%d\"/>\n",
             id, id, moods[rng_int(r, 5)]);
    if (rng_int(r, 2)) {
        text_add(&t,
                 "<scoring empathy-weight=\"%d\" honesty-weight=\"%d\" "
                 "promptness-weight=\"%d\"/>\n",
                 rng_int(r, 4), rng_int(r, 4), rng_int(r, 4));
    }
    for (int i = 0; i < nodes; i++) {
        text_add(&t, "<node id=\"n%d\"><line>Line %d.</line>\n", i, i);
        int choices = 1 + rng_int(r, 4);
        for (int c = 0; c < choices; c++) {
            char next[16];
            int roll = rng_int(r, 100);
            if (c == 0) {
                /* forward, so an ending is always linked */
                if (i + 1 < nodes && roll < 80) {
                    snprintf(next, sizeof next, "n%d", i + 1);
                } else {
                    snprintf(next, sizeof next, "e%d", rng_int(r, endings));
                }
            } else if (roll < 25) {
                snprintf(next, sizeof next, "n%d", rng_int(r, i + 1));
            } else if (roll < 55) {
                snprintf(next, sizeof next, "e%d", rng_int(r, endings));
            } else {
                snprintf(next, sizeof next, "n%d", rng_int(r, nodes));
            }
            int mood = (rng_int(r, 5) - 2) * 10;
            text_add(&t,
                     "<choice next=\"%s\" empathy=\"%d\" honesty=\"%d\" "
                     "promptness=\"%d\" mood=\"%d\" %s %s>",
                     next, rng_int(r, 5) - 2, rng_int(r, 3) - 1,
                     rng_int(r, 4) - 2, mood, random_effects[rng_int(r, 7)],
                     c > 0 && rng_int(r, 3) == 0
                         ? random_conditions[rng_int(r, 6)]
                         : "");
            text_add(&t, "<say>Say %d.%d</say>", i, c);
            int branches = rng_int(r, 4) == 0 ? 1 + rng_int(r, 2) : 0;
            for (int b = 0; b < branches; b++) {
                int target = rng_int(r, nodes + endings);
                text_add(&t, "<branch next=\"%c%d\" %s/>",
                         target < nodes ? 'n' : 'e',
                         target < nodes ? target : target - nodes,
                         random_conditions[rng_int(r, 6)]);
            }
            text_add(&t, "</choice>\n");
        }
        text_add(&t, "</node>\n");
    }
    for (int e = 0; e < endings; e++) {
        text_add(&t, "<ending id=\"e%d\" outcome=\"%s\"/>\n", e,
                 random_outcomes[rng_int(r, 4)]);
    }
    text_add(&t, "</scenario>\n");
    return t.s;
}

static void test_random_against_brute_force(void)
{
    rng r = {UINT64_C(0x5EED2024C0FFEE11)};
    const int depth = 7;
    int loaded = 0;
    int cyclic = 0;
    int traps = 0;
    int mismatched = 0;
    long plays = 0;
    for (int id = 0; id < 1000; id++) {
        char *xml = random_scenario(&r, id);
        if (!xml) {
            CHECK(xml != NULL);
            return;
        }
        diag_list *diags = diag_list_new();
        scenario *sc = scenario_load_memory(xml, strlen(xml), "random", diags);
        if (!sc) {
            diag_list_free(diags);
            free(xml);
            continue;
        }
        loaded++;
        analysis_options opt = {0, depth, 0};
        analysis_report *rep = analysis_new(sc, &opt, diags);
        lint_design(sc, diags);
        CHECK(rep != NULL);
        if (rep) {
            brute b;
            brute_init(&b);
            int prefix[MAX_DEPTH];
            brute_walk(sc, prefix, 0, depth, &b);
            plays += b.plays;
            cyclic += rep->cyclic;
            for (size_t k = 0; k < rep->node_count; k++) {
                traps += rep->nodes[k].trap;
            }
            CHECK(rep->exact);
            char what[32];
            snprintf(what, sizeof what, "random scenario %d", id);
            int bad = compare_with_brute(sc, rep, &b, what);
            if (!rep->cyclic && rep->longest_turns >= 0 &&
                rep->longest_turns <= depth) {
                CHECK_INT(rep->shortest_turns, b.shortest);
                CHECK_INT(rep->longest_turns, b.longest);
            }
            if (bad && mismatched++ < 3) {
                fprintf(stderr, "%s", xml);
            }
        }
        analysis_free(rep);
        scenario_free(sc);
        diag_list_free(diags);
        free(xml);
    }
    printf("random: %d scenarios loaded, %d with loops, %d trap nodes, %ld "
           "plays played\n",
           loaded, cyclic, traps, plays);
    CHECK(loaded > 800);
    CHECK(cyclic > 50);
    CHECK(traps > 0);
}

/* ---------- shipped scenarios ---------- */

static void test_shipped_against_brute_force(void)
{
    static const char *const names[] = {"isp-promo-question", "telecom-outage",
                                        "billing-error"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.xml", RAPPORT_SCENARIOS, names[i]);
        diag_list *diags = diag_list_new();
        scenario *sc = scenario_load_file(path, diags);
        CHECK(sc != NULL);
        if (!sc) {
            diag_list_free(diags);
            continue;
        }
        size_t before = diag_count(diags);
        analysis_report *r = analysis_lint(sc, diags);
        CHECK(r != NULL);
        CHECK_INT(diag_count(diags), before); /* lint-clean */
        if (r) {
            brute b;
            brute_init(&b);
            int prefix[MAX_DEPTH];
            brute_walk(sc, prefix, 0, 12, &b);
            CHECK(r->exact);
            CHECK(!r->cyclic);
            compare_with_brute(sc, r, &b, names[i]);
            CHECK_INT(r->shortest_turns, b.shortest);
            CHECK_INT(r->longest_turns, b.longest);
            printf("%s: %ld plays; best/worst empathy %d/%d honesty %d/%d "
                   "promptness %d/%d overall %d/%d; best play %s\n",
                   names[i], b.plays, r->best[0].score, r->worst[0].score,
                   r->best[1].score, r->worst[1].score, r->best[2].score,
                   r->worst[2].score, r->best[3].score, r->worst[3].score,
                   r->best[3].script ? r->best[3].script : "-");
        }
        analysis_free(r);
        scenario_free(sc);
        diag_list_free(diags);
    }
}

/* ---------- design warnings ---------- */

/* The entry at `line` (any line when negative) whose message contains
 * needle. */
static const diag_entry *find_diag(const diag_list *diags, int line,
                                   const char *needle)
{
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag_entry *d = diag_get(diags, i);
        if ((line < 0 || d->line == line) && strstr(d->message, needle)) {
            return d;
        }
    }
    return NULL;
}

typedef struct {
    int line;
    int col;
    const char *text;
} expected_warning;

/* diags holds exactly these warnings of path, no error. */
static void check_warnings(const diag_list *diags,
                           const expected_warning *expected, size_t n,
                           const char *path)
{
    CHECK_INT(diag_count(diags), n);
    CHECK_INT(diag_error_count(diags), 0);
    for (size_t i = 0; i < n; i++) {
        const diag_entry *d =
            find_diag(diags, expected[i].line, expected[i].text);
        CHECK(d != NULL);
        if (!d) {
            fprintf(stderr, "  missing: line %d: %s\n", expected[i].line,
                    expected[i].text);
            continue;
        }
        CHECK_INT(d->col, expected[i].col);
        CHECK(d->severity == DIAG_WARNING);
        CHECK_STR(d->path, path);
    }
}

static void test_lint_problems(void)
{
    diag_list *diags = diag_list_new();
    scenario *sc =
        scenario_load_file(RAPPORT_TEST_DATA "/lint-problems.xml", diags);
    CHECK(sc != NULL);
    CHECK_INT(diag_count(diags), 0); /* the loader sees nothing wrong */
    analysis_report *r = sc ? analysis_lint(sc, diags) : NULL;
    CHECK(r != NULL);
    static const expected_warning expected[] = {
        {14, 5, "choice 2 of node 'start' has no <feedback>"},
        {17, 5, "choice 3 of node 'start' is never on offer"},
        {22, 3,
         "node 'flat': its options are rated the same on empathy, "
         "honesty and promptness"},
        {33, 3,
         "node 'slow': the customer's lines and options take about "
         "14 s to read but target= is 2 s"},
        {44, 3, "node 'one-way' offers a single option"},
        {51, 3,
         "node 'loop-a': no sequence of choices from here reaches an "
         "<ending>"},
        {62, 3,
         "node 'loop-b': no sequence of choices from here reaches an "
         "<ending>"},
        {74, 3, "ending 'secret' is linked but no call reaches it"},
    };
    check_warnings(diags, expected, sizeof expected / sizeof expected[0],
                   RAPPORT_TEST_DATA "/lint-problems.xml");
    if (r) {
        int secret = scenario_find(sc, "secret");
        int loop_a = scenario_find(sc, "loop-a");
        CHECK(!r->nodes[secret].reachable);
        CHECK(r->nodes[loop_a].reachable && r->nodes[loop_a].trap);
        CHECK_INT(r->endings_reachable[SCENARIO_OUTCOME_RESOLVED], 1);
        CHECK_INT(r->endings_total[SCENARIO_OUTCOME_RESOLVED], 2);
        CHECK_INT(r->endings_reachable[SCENARIO_OUTCOME_LOST], 1);
        CHECK(!r->cyclic); /* the loop never ends, so no play repeats it */
        CHECK_INT(r->shortest_turns, 4);
        CHECK_INT(r->longest_turns, 4);
    }
    analysis_free(r);
    scenario_free(sc);
    diag_list_free(diags);
}

/* Dead branches, a flag no condition tests, a flag no choice sets and a
 * starting mood written as a change (loader and lint warnings). */
static void test_lint_branches(void)
{
    diag_list *diags = diag_list_new();
    scenario *sc =
        scenario_load_file(RAPPORT_TEST_DATA "/lint-branches.xml", diags);
    CHECK(sc != NULL);
    /* the loader's two: validate shows them too */
    CHECK_INT(diag_count(diags), 2);
    analysis_report *r = sc ? analysis_lint(sc, diags) : NULL;
    CHECK(r != NULL);
    static const expected_warning expected[] = {
        {7, 31,
         "a customer's starting mood is a level from 0 to 100, not a "
         "change, so it needs no sign: mood=\"+10\" starts the call at 10 "
         "(furious); write mood=\"10\""},
        {14, 7,
         "choice 1 of node 'start': this <branch> is never taken: the "
         "<branch> on line 13 comes first and holds whenever this one does"},
        {16, 5,
         "choice 2 of node 'start' sets flag 'noted', but no if-flags or "
         "unless-flags tests it"},
        {19, 7,
         "choice 2 of node 'start': this <branch> has no condition, so it "
         "is always taken and the choice's next='receipt' is never used; "
         "give the branch a condition, or make 'cold' the choice's next"},
        {20, 7,
         "choice 2 of node 'start': this <branch> is never taken: the "
         "<branch> on line 19 has no condition"},
        {29, 65,
         "flag 'never-set' is tested but no choice sets it "
         "(set=\"never-set\"), so unless-flags always holds"},
    };
    check_warnings(diags, expected, sizeof expected / sizeof expected[0],
                   RAPPORT_TEST_DATA "/lint-branches.xml");
    /* "+10" is still accepted, as 10 */
    CHECK(sc && sc->customer.mood == 10);
    analysis_free(r);
    scenario_free(sc);
    diag_list_free(diags);
}

/* Branches that do not cover each other, and flags set and tested, draw
 * none of those warnings. */
static void test_lint_branches_quiet(void)
{
    static const char xml[] =
        "<scenario xmlns=\"urn:rapport:scenario:1\" id=\"q\">"
        "<title>Q</title><customer name=\"Q\" mood=\"40\"/>"
        "<node id=\"a\"><line>Hi.</line>"
        "<choice next=\"b\" empathy=\"5\" set=\"kind\"><say>Hello.</say>"
        "<feedback>f</feedback>"
        "<branch next=\"warm\" min-mood=\"70\" if-flags=\"kind\"/>"
        "<branch next=\"warm\" min-mood=\"60\"/>"
        "<branch next=\"cold\" max-mood=\"20\"/></choice>"
        "<choice next=\"b\" empathy=\"-5\"><say>What?</say>"
        "<feedback>f</feedback></choice></node>"
        "<node id=\"b\"><line>So?</line>"
        "<choice next=\"warm\" empathy=\"5\" unless-flags=\"kind\">"
        "<say>Sorted.</say><feedback>f</feedback></choice>"
        "<choice next=\"cold\" empathy=\"-5\"><say>No.</say>"
        "<feedback>f</feedback></choice></node>"
        "<ending id=\"warm\" outcome=\"resolved\"/>"
        "<ending id=\"cold\" outcome=\"lost\"/></scenario>";
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_memory(xml, sizeof xml - 1, "q", diags);
    CHECK(sc != NULL);
    analysis_report *r = sc ? analysis_lint(sc, diags) : NULL;
    CHECK(r != NULL);
    CHECK(find_diag(diags, -1, "never taken") == NULL);
    CHECK(find_diag(diags, -1, "never used") == NULL);
    CHECK(find_diag(diags, -1, "flag") == NULL);
    CHECK(find_diag(diags, -1, "starting mood") == NULL);
    analysis_free(r);
    scenario_free(sc);
    diag_list_free(diags);
}

static const char loop_xml[] =
    "<scenario xmlns=\"urn:rapport:scenario:1\" id=\"loop\">"
    "<title>Loop</title><customer name=\"L\"/>"
    "<node id=\"a\"><line>Again?</line>"
    "<choice next=\"a\" empathy=\"5\"><say>Once more.</say>"
    "<feedback>f</feedback></choice>"
    "<choice next=\"end\" empathy=\"-5\"><say>Bye.</say>"
    "<feedback>f</feedback></choice></node>"
    "<ending id=\"end\" outcome=\"resolved\"/></scenario>";

static void test_loop(void)
{
    scenario *sc =
        scenario_load_memory(loop_xml, sizeof loop_xml - 1, "loop", NULL);
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    analysis_options opt = {0, 10, 0};
    analysis_report *r = analysis_new(sc, &opt, NULL);
    CHECK(r != NULL);
    if (r) {
        CHECK(r->cyclic);
        CHECK_INT(r->longest_turns, -1);
        CHECK_INT(r->shortest_turns, 1);
        CHECK_INT(r->turn_bound, 10);
        /* 9 × best then the exit: empathy 90 */
        CHECK_INT(r->best[SCENARIO_DIM_EMPATHY].score, 90);
        CHECK_STR(r->best[SCENARIO_DIM_EMPATHY].script, "1,1,1,1,1,1,1,1,1,2");
        CHECK_INT(r->worst[SCENARIO_DIM_EMPATHY].score, 0);
        CHECK_STR(r->worst[SCENARIO_DIM_EMPATHY].script, "2");
    }
    analysis_free(r);
    r = analysis_new(sc, NULL, NULL);
    CHECK(r != NULL && r->turn_bound == ANALYSIS_DEFAULT_CYCLE_TURNS);
    if (r) {
        CHECK_INT(r->best[SCENARIO_DIM_EMPATHY].score, 99);
    }
    analysis_free(r);
    scenario_free(sc);
}

static void test_state_cap_fallback(void)
{
    diag_list *diags = diag_list_new();
    scenario *sc =
        scenario_load_file(RAPPORT_SCENARIOS "/telecom-outage.xml", NULL);
    CHECK(sc != NULL);
    if (!sc) {
        diag_list_free(diags);
        return;
    }
    analysis_options opt = {10, 0, 0};
    analysis_report *r = analysis_new(sc, &opt, diags);
    lint_design(sc, diags);
    CHECK(r != NULL);
    if (r) {
        CHECK(!r->exact);
        CHECK(r->state_count <= sc->node_count);
        /* ignoring conditions over-approximates: at least as good */
        CHECK(r->best[ANALYSIS_OVERALL].score >= 99);
    }
    CHECK_INT(diag_warning_count(diags), 1);
    CHECK(find_diag(diags, 0, "the score analysis ignores conditions") !=
          NULL);
    analysis_free(r);
    /* Pareto budget too small: still a play, flagged as not proven */
    opt.max_states = 0;
    opt.max_entries = 3;
    r = analysis_new(sc, &opt, NULL);
    CHECK(r != NULL);
    if (r) {
        CHECK(r->exact);
        CHECK(!r->overall_exact);
        CHECK(r->best[ANALYSIS_OVERALL].script != NULL);
        CHECK(r->best[ANALYSIS_OVERALL].score >= 90);
    }
    analysis_free(r);
    scenario_free(sc);
    diag_list_free(diags);
}

/* ---------- DOT ---------- */

static void test_graph_quote(void)
{
    char *q = graph_quote("plain");
    CHECK_STR(q, "\"plain\"");
    free(q);
    q = graph_quote("say \"hi\"");
    CHECK_STR(q, "\"say \\\"hi\\\"\"");
    free(q);
    q = graph_quote("C:\\path\\");
    CHECK_STR(q, "\"C:\\\\path\\\\\"");
    free(q);
    q = graph_quote("two\nlines\r\n");
    CHECK_STR(q, "\"two\\nlines\\n\"");
    free(q);
    q = graph_quote("tab\there\x01");
    CHECK_STR(q, "\"tab here \"");
    free(q);
    q = graph_quote("\\N \\G \\l");
    CHECK_STR(q, "\"\\\\N \\\\G \\\\l\"");
    free(q);
    q = graph_quote(NULL);
    CHECK_STR(q, "\"\"");
    free(q);
    q = graph_quote("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
    CHECK_STR(q, "\"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\"");
    free(q);

    char *x = graph_excerpt("short", 40);
    CHECK_STR(x, "short");
    free(x);
    x = graph_excerpt("abcdef", 3);
    CHECK_STR(x, "abc\xE2\x80\xA6");
    free(x);
    x = graph_excerpt("ab cdef", 3);
    CHECK_STR(x, "ab\xE2\x80\xA6");
    free(x);
    /* never splits a multi-byte character */
    x = graph_excerpt("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 2);
    CHECK_STR(x, "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
    free(x);
    x = graph_excerpt("abc", 3);
    CHECK_STR(x, "abc");
    free(x);
}

static void test_graph_dot(void)
{
    scenario *sc =
        scenario_load_file(RAPPORT_TEST_DATA "/lint-problems.xml", NULL);
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    analysis_report *r = analysis_new(sc, NULL, NULL);
    char *dot = graph_dot(sc, r);
    CHECK(dot != NULL);
    CHECK_CONTAINS(dot, "digraph \"lint-problems\" {");
    CHECK_CONTAINS(dot, "\"start\" -> \"flat\" [label=\"1: E+5 H+3 P+2 "
                        "mood+10\"];");
    CHECK_CONTAINS(dot, "\"start\" -> \"flat\" [label=\"3: E+1 H+1 P+0\\n"
                        "[if late]\"];");
    CHECK_CONTAINS(dot, "\"flat\" -> \"slow\" [label=\"1: E+2 H+2 P+2\\n"
                        "set late\"];");
    CHECK_CONTAINS(dot, "\"start\" -> \"secret\" [label=\"1: branch if "
                        "late\", style=dashed");
    CHECK_CONTAINS(dot, "\"__patience\" -> \"hung-up\" [label=\"timeout\", "
                        "style=dashed");
    CHECK_CONTAINS(dot, "\"start\" [label=\"start\\n\xE2\x80\x9CHello, I have "
                        "a question about my bill.\xE2\x80\x9D\\n"
                        "expression follows mood, mood 40 at start\"];");
    CHECK_CONTAINS(dot, "(no call reaches this)");
    CHECK_CONTAINS(dot, "(no way out to an ending)");
    CHECK_CONTAINS(dot, "\"done\" [label=\"done\\nresolved\", "
                        "shape=doublecircle");
    CHECK_CONTAINS(dot, "\"hung-up\" [label=\"hung-up\\nlost\", "
                        "shape=octagon");
    free(dot);
    /* without a report, reachability follows the links */
    dot = graph_dot(sc, NULL);
    CHECK(dot != NULL);
    CHECK(dot && !strstr(dot, "(no call reaches this)"));
    free(dot);
    analysis_free(r);
    scenario_free(sc);
}

int main(void)
{
    test_lint_problems();
    test_lint_branches();
    test_lint_branches_quiet();
    test_loop();
    test_state_cap_fallback();
    test_graph_quote();
    test_graph_dot();
    test_shipped_against_brute_force();
    test_random_against_brute_force();
    return check_done("test_analysis");
}
