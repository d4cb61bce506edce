/* Unit tests of results: the JSON record and reading it back, the xAPI
 * statements against the fields xAPI 1.0.3 requires, the HTML report,
 * escaping of hostile text in all three, and saving: names, never
 * overwriting, and failures (read-only folder, full disk) that leave
 * nothing behind. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <regex.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "debrief.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

#define TEST_TRAINEE                                                          \
    "Zo\xc3\xab \"Z\" <O'Brien> & \xce\xa3\xcf\x89\xce\xba"                   \
    "\xcf\x81\xce\xac\xcf\x84\xce\xb7\xcf\x82 \xd0\x9f\xd1"                   \
    "\x91\xd1\x82\xd1\x80"
/* 2023-11-14T22:13:20Z */
#define TEST_START_MS INT64_C(1700000000000)

static scenario *test_load(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", RAPPORT_TEST_DATA, name);
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_file(path, diags);
    if (!sc) {
        diag_print(diags, stderr);
        fprintf(stderr, "cannot load %s\n", path);
        exit(1);
    }
    diag_list_free(diags);
    return sc;
}

/* Plays positions (0-based) with response times; returns the debrief. */
static debrief *test_play(const scenario *sc, const size_t *pos, const int *ms,
                          size_t n, bool relaxed)
{
    session_options opt = {.relaxed_timing = relaxed};
    session *s = session_new(sc, &opt);
    for (size_t i = 0; i < n && !session_is_finished(s); i++) {
        session_choose(s, pos[i], ms[i]);
    }
    debrief *d = debrief_new(s);
    session_free(s);
    return d;
}

static result_info test_info(const char *trainee, int64_t duration_ms)
{
    result_info info = {.trainee = trainee,
                        .started_ms = TEST_START_MS,
                        .ended_ms = TEST_START_MS + duration_ms,
                        .feedback_mode = RESULT_FEEDBACK_WITHHELD};
    return info;
}

static bool test_diag_contains(const diag_list *diags, const char *text)
{
    for (size_t i = 0; i < diag_count(diags); i++) {
        if (strstr(diag_get(diags, i)->message, text)) {
            return true;
        }
    }
    fprintf(stderr, "no diagnostic contains \"%s\"; got:\n", text);
    diag_print(diags, stderr);
    return false;
}

/* ---------- UUIDs ---------- */

static void test_uuid(void)
{
    /* RFC 4122 DNS namespace; the value is Python's uuid.uuid5 */
    static const unsigned char dns[16] = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad,
                                          0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                          0x4f, 0xd4, 0x30, 0xc8};
    char out[37];
    result_uuid_v5(dns, "python.org", out);
    CHECK_STR(out, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    /* a name longer than one SHA-1 block */
    result_uuid_v5(dns,
                   "www.example.com/a/name/that/is/much/longer/than/sixty-"
                   "four/bytes/so/it/spans/two/blocks",
                   out);
    CHECK_STR(out, "55b05b0a-4a52-5ff3-9330-f00906615487");
}

/* ---------- the record ---------- */

static void test_record_matches(const result_record *r, const debrief *d,
                                const result_info *info)
{
    const scenario *sc = d->sc;
    CHECK_INT(r->format_version, RESULT_FORMAT_VERSION);
    CHECK_INT(r->complete, d->finished);
    CHECK_STR(r->trainee, info->trainee);
    CHECK_STR(r->scenario_id, sc->id);
    CHECK_STR(r->scenario_version, sc->version);
    CHECK_STR(r->scenario_title, sc->title);
    CHECK_INT(r->started_ms, info->started_ms);
    CHECK_INT(r->ended_ms, info->ended_ms);
    CHECK_INT(r->duration_ms, info->ended_ms - info->started_ms);
    CHECK_INT(r->feedback_mode, info->feedback_mode);
    CHECK_INT(r->relaxed_timing, d->relaxed_timing);
    CHECK_INT(r->turn_count, d->turn_count);
    for (size_t i = 0; i < r->turn_count && i < d->turn_count; i++) {
        const result_turn *t = &r->turns[i];
        const debrief_turn *dt = &d->turns[i];
        CHECK_STR(t->node, dt->node->id);
        CHECK_INT(t->timed_out, dt->chosen == NULL);
        CHECK_INT(t->choice, dt->chosen_pos);
        CHECK_INT(t->choice_index,
                  dt->chosen ? dt->chosen - dt->node->choices : -1);
        if (dt->chosen) {
            CHECK_STR(t->reply, dt->chosen->say);
            for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
                CHECK_INT(t->effect[dim], dt->chosen->rating[dim]);
            }
            CHECK_INT(t->effect_mood, dt->chosen->mood_change);
        } else {
            CHECK(t->reply == NULL);
            CHECK_INT(t->effect_mood, 0);
        }
        CHECK_INT(t->response_ms, dt->response_ms);
        CHECK_INT(t->target_ms, dt->target_ms);
        CHECK_INT(t->mood_before, dt->mood_before);
        CHECK_INT(t->mood_after, dt->mood_after);
        char *said = debrief_customer_text(dt->node);
        CHECK_STR(t->customer, said);
        free(said);
        if (dt->better) {
            CHECK_INT(t->better_choice, dt->better_pos);
            CHECK_INT(t->better_index, dt->better - dt->node->choices);
            CHECK_STR(t->better_reply, dt->better->say);
        } else {
            CHECK_INT(t->better_choice, 0);
            CHECK_INT(t->better_index, -1);
            CHECK(t->better_reply == NULL);
        }
        for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
            CHECK_INT(t->score[dim],
                      dt->score.counted[dim]
                          ? score_round(100.0 * dt->score.value[dim])
                          : -1);
        }
    }
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        CHECK_INT(r->score[dim], d->summary.dim[dim]);
    }
    CHECK_INT(r->overall, d->summary.overall);
    CHECK_INT(r->band, d->summary.band);
    CHECK_INT(r->passed, d->finished && d->summary.passed);
    CHECK_INT(r->pass_mark, sc->pass_mark);
    CHECK_INT(r->outcome, d->finished ? d->outcome : SCENARIO_OUTCOME_LOST);
    if (d->ending) {
        CHECK_STR(r->ending, d->ending->id);
    } else {
        CHECK(r->ending == NULL);
    }
}

static void test_record_round_trip(const scenario *tiny)
{
    /* best path: warm ending */
    size_t best[] = {0, 0};
    int best_ms[] = {4000, 1000};
    debrief *d = test_play(tiny, best, best_ms, 2, false);
    result_info info = test_info("Ana", 452500);
    info.feedback_mode = RESULT_FEEDBACK_IMMEDIATE;
    diag_list *diags = diag_list_new();
    char *json = result_record_json(d, &info, diags);
    CHECK(json != NULL);
    CHECK_INT(diag_count(diags), 0);
    CHECK_CONTAINS(json, "\"format\":\t\"rapport-result\"");
    CHECK_CONTAINS(json, "\"started\":\t\"2023-11-14T22:13:20.000Z\"");
    CHECK_CONTAINS(json, "\"ended\":\t\"2023-11-14T22:20:52.500Z\"");
    CHECK_CONTAINS(json, "\"feedback_mode\":\t\"immediate\"");
    result_record *r = result_record_parse(json, strlen(json), "a", diags);
    CHECK(r != NULL);
    if (r) {
        test_record_matches(r, d, &info);
        CHECK_STR(r->ending, "warm-end");
    }
    /* the same inputs give the same bytes */
    char *again = result_record_json(d, &info, diags);
    CHECK_STR(again, json);
    free(again);
    result_record_free(r);
    free(json);
    debrief_free(d);

    /* patience runs out at turn 2, relaxed off: authored timeout ending */
    size_t slow[] = {1, 0};
    int slow_ms[] = {3000, 100000};
    d = test_play(tiny, slow, slow_ms, 2, false);
    CHECK(d->turns[1].chosen == NULL);
    info = test_info("Ben", 103000);
    json = result_record_json(d, &info, diags);
    CHECK_CONTAINS(json, "\"choice\":\tnull");
    CHECK_CONTAINS(json, "\"effects\":\tnull");
    r = result_record_parse(json, strlen(json), "b", diags);
    CHECK(r != NULL);
    if (r) {
        test_record_matches(r, d, &info);
        CHECK(r->turns[1].timed_out);
        CHECK_INT(r->turns[1].choice, 0);
        CHECK_INT(r->turns[1].choice_index, -1);
    }
    result_record_free(r);
    free(json);
    debrief_free(d);

    /* relaxed timing is recorded */
    d = test_play(tiny, best, best_ms, 2, true);
    info = test_info("Cy", 5000);
    json = result_record_json(d, &info, diags);
    r = result_record_parse(json, strlen(json), "c", diags);
    CHECK(r != NULL && r->relaxed_timing);
    result_record_free(r);
    free(json);
    debrief_free(d);
    CHECK_INT(diag_count(diags), 0);
    diag_list_free(diags);
}

static void test_parse_rejects(const char *text, const char *expect)
{
    diag_list *diags = diag_list_new();
    result_record *r =
        result_record_parse(text, text ? strlen(text) : 0, "x.json", diags);
    CHECK(r == NULL);
    CHECK_INT(diag_error_count(diags), 1);
    CHECK(test_diag_contains(diags, expect));
    CHECK_STR(diag_get(diags, 0)->path, "x.json");
    result_record_free(r);
    diag_list_free(diags);
}

/* Replaces the first "from" in a copy of text. */
static char *test_replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at) {
        fprintf(stderr, "test_replace: '%s' not found\n", from);
        exit(1);
    }
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to,
             at + strlen(from));
    return out;
}

static void test_record_parse_errors(const scenario *tiny)
{
    test_parse_rejects(NULL, "no data");
    test_parse_rejects("", "not valid JSON");
    test_parse_rejects("{\"format\": ", "not valid JSON");
    test_parse_rejects("\x89PNG\r\n\x1a\n", "not valid JSON");
    test_parse_rejects("[1, 2]", "no \"format\": \"rapport-result\"");
    test_parse_rejects("{\"format\": \"rapport-debrief\"}",
                       "\"format\" is \"rapport-debrief\"");
    test_parse_rejects("{\"format\": \"rapport-result\"}",
                       "'format_version' is missing");

    size_t best[] = {0, 0};
    int ms[] = {4000, 1000};
    debrief *d = test_play(tiny, best, ms, 2, false);
    result_info info = test_info("Ana", 5000);
    char *json = result_record_json(d, &info, NULL);
    struct {
        const char *from;
        const char *to;
        const char *expect;
    } cases[] = {
        {"\"format_version\":\t3", "\"format_version\":\t4",
         "written by a newer Rapport"},
        {"\"format_version\":\t3", "\"format_version\":\t1.5",
         "expected a whole number"},
        {"\"status\":\t\"complete\"", "\"status\":\t\"done\"",
         "expected \"complete\" or \"incomplete\""},
        {"\"status\":\t\"complete\"", "\"state\":\t\"complete\"",
         "'status' is missing"},
        {"\"customer\":\t\"My order is late.\"", "\"customer\":\t1",
         "'transcript[0].customer' is missing"},
        {"\"better\":\tnull",
         "\"better\": {\"choice\": 1, \"choice_index\": 20, \"reply\": \"\"}",
         "'transcript[0].better.choice_index' is 20"},
        {"\"better\":\tnull", "\"better\": 1",
         "'transcript[0].better' is missing or not an object"},
        {"\"trainee\":\t\"Ana\"", "\"trainee\":\t7",
         "'trainee' is missing or not a string"},
        {"\"trainee\":\t\"Ana\"", "\"trainee\":\t\"A\xff\"",
         "'trainee' is not valid UTF-8"},
        {"\"id\":\t\"tiny\"", "\"idx\":\t\"tiny\"",
         "'scenario.id' is missing"},
        {"\"started\":\t\"2023-11-14T22:13:20.000Z\"",
         "\"started\":\t\"2023-02-31T22:13:20.000Z\"", "expected a UTC time"},
        {"\"started\":\t\"2023-11-14T22:13:20.000Z\"",
         "\"started\":\t\"yesterday\"", "expected a UTC time"},
        {"\"feedback_mode\":\t\"withheld\"", "\"feedback_mode\":\t\"loud\"",
         "expected \"withheld\" or \"immediate\""},
        {"\"transcript\":\t[", "\"transcript\":\t[3, ",
         "'transcript[0]' is not an object"},
        {"\"mood_after\":\t60", "\"mood_after\":\t160",
         "'transcript[0].mood_after' is 160"},
        {"\"choice\":\t1", "\"choice\":\tnull", "'transcript[0].choice'"},
        {"\"band\":\t\"good\"", "\"band\":\t\"superb\"", "not a score band"},
        {"\"outcome\":\t\"resolved\"", "\"outcome\":\t\"won\"",
         "not an outcome"},
        {"\"passed\":\ttrue", "\"passed\":\t\"yes\"", "'passed' is missing"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *bad = test_replace(json, cases[i].from, cases[i].to);
        test_parse_rejects(bad, cases[i].expect);
        free(bad);
    }
    /* version 1 (before status, customer and better) still reads */
    char *v1 =
        test_replace(json, "\"format_version\":\t3", "\"format_version\":\t1");
    result_record *old = result_record_parse(v1, strlen(v1), "v1", NULL);
    CHECK(old != NULL);
    if (old) {
        CHECK(old->complete);
        CHECK(old->turns[0].customer == NULL);
        CHECK_INT(old->turns[0].better_index, -1);
    }
    result_record_free(old);
    free(v1);
    /* a record written by a later 2.x with extra fields still reads */
    char *extra = test_replace(json, "\"trainee\":",
                               "\"later\": [1, {}],\n"
                               "\"trainee\":");
    result_record *r = result_record_parse(extra, strlen(extra), "x", NULL);
    CHECK(r != NULL);
    result_record_free(r);
    free(extra);
    free(json);
    debrief_free(d);
    result_record_free(NULL);
}

static void test_load_file(void)
{
    diag_list *diags = diag_list_new();
    CHECK(result_record_load_file(RAPPORT_TEST_TMP "/no/such.json", diags) ==
          NULL);
    CHECK(test_diag_contains(diags, "cannot open: No such file"));
    diag_list_clear(diags);
    CHECK(result_record_load_file(RAPPORT_TEST_DATA, diags) == NULL);
    CHECK(test_diag_contains(diags, "not a regular file"));
    diag_list_clear(diags);
    CHECK(result_record_load_file(RAPPORT_TEST_DATA "/tiny.xml", diags) ==
          NULL);
    CHECK(test_diag_contains(diags, "not valid JSON"));
    diag_list_free(diags);
}

/* ---------- xAPI: the fields xAPI 1.0.3 requires, as a test ---------- */

static bool test_match(const char *pattern, const char *s)
{
    regex_t re;
    if (!s || regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0) {
        return false;
    }
    bool ok = regexec(&re, s, 0, NULL, 0) == 0;
    regfree(&re);
    if (!ok) {
        fprintf(stderr, "'%s' does not match %s\n", s, pattern);
    }
    return ok;
}

#define TEST_UUID                                                             \
    "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-"            \
    "[0-9a-f]{12}$"
#define TEST_TIMESTAMP                                                        \
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"      \
    "(Z|[+-][0-9]{2}:[0-9]{2})$"
/* ISO 8601 duration as xAPI uses it; "P" or "PT" alone are not durations */
#define TEST_DURATION                                                         \
    "^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?"                              \
    "(T([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?$"
#define TEST_IRI "^[a-z][a-z0-9+.-]*:[^ ]+$"

static const cJSON *test_get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *test_str(const cJSON *o, const char *key)
{
    return cJSON_GetStringValue(test_get(o, key));
}

/* A language map: an object of tag -> string, at least one. */
static bool test_langmap(const cJSON *m)
{
    if (!cJSON_IsObject(m) || !m->child) {
        return false;
    }
    for (const cJSON *e = m->child; e; e = e->next) {
        if (!cJSON_IsString(e) ||
            !test_match("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", e->string)) {
            return false;
        }
    }
    return true;
}

static void test_extensions(const cJSON *ext)
{
    if (!ext) {
        return;
    }
    CHECK(cJSON_IsObject(ext));
    for (const cJSON *e = ext ? ext->child : NULL; e; e = e->next) {
        CHECK(test_match(TEST_IRI, e->string));
        const char *dims[] = {"empathy", "honesty", "promptness"};
        for (int i = 0; i < 3; i++) {
            char key[96];
            snprintf(key, sizeof key, "%s/ext/%s", RESULT_XAPI_NS, dims[i]);
            if (strcmp(e->string, key) == 0) {
                double v = cJSON_GetNumberValue(e);
                CHECK(cJSON_IsNumber(e) && v >= 0 && v <= 100 && v == (int)v);
            }
        }
    }
}

static void test_activity(const cJSON *a)
{
    CHECK(cJSON_IsObject(a));
    const char *type = test_str(a, "objectType");
    CHECK(type == NULL || strcmp(type, "Activity") == 0);
    CHECK(test_match(TEST_IRI, test_str(a, "id")));
    const cJSON *def = test_get(a, "definition");
    CHECK(cJSON_IsObject(def));
    CHECK(test_langmap(test_get(def, "name")));
    const cJSON *desc = test_get(def, "description");
    CHECK(desc == NULL || test_langmap(desc));
    CHECK(test_match(TEST_IRI, test_str(def, "type")));
}

/* Checks one statement; returns its verb's last word. */
static const char *test_statement(const cJSON *st)
{
    CHECK(cJSON_IsObject(st));
    CHECK(test_match(TEST_UUID, test_str(st, "id")));
    CHECK(test_match("^1\\.0\\.[0-9]+$", test_str(st, "version")));
    /* actor: an Agent identified by exactly one IFI (here an account) */
    const cJSON *actor = test_get(st, "actor");
    CHECK(cJSON_IsObject(actor));
    CHECK_STR(test_str(actor, "objectType"), "Agent");
    CHECK(cJSON_IsString(test_get(actor, "name")));
    const cJSON *account = test_get(actor, "account");
    CHECK(cJSON_IsObject(account));
    CHECK(test_match(TEST_IRI, test_str(account, "homePage")));
    CHECK(cJSON_IsString(test_get(account, "name")));
    CHECK(!test_get(actor, "mbox") && !test_get(actor, "mbox_sha1sum") &&
          !test_get(actor, "openid"));
    /* verb */
    const cJSON *verb = test_get(st, "verb");
    const char *verb_id = test_str(verb, "id");
    CHECK(test_match("^http://adlnet\\.gov/expapi/verbs/"
                     "(completed|passed|failed|responded|terminated)$",
                     verb_id));
    CHECK(test_langmap(test_get(verb, "display")));
    /* object, timestamp, context */
    test_activity(test_get(st, "object"));
    CHECK(test_match(TEST_TIMESTAMP, test_str(st, "timestamp")));
    const cJSON *ctx = test_get(st, "context");
    CHECK(cJSON_IsObject(ctx));
    CHECK(test_match(TEST_UUID, test_str(ctx, "registration")));
    const cJSON *acts = test_get(ctx, "contextActivities");
    if (acts) {
        const cJSON *parents = test_get(acts, "parent");
        CHECK(cJSON_IsArray(parents));
        for (const cJSON *p = parents ? parents->child : NULL; p;
             p = p->next) {
            test_activity(p);
        }
    }
    test_extensions(test_get(ctx, "extensions"));
    /* result */
    const cJSON *res = test_get(st, "result");
    CHECK(cJSON_IsObject(res));
    const cJSON *score = test_get(res, "score");
    if (score) {
        CHECK(cJSON_IsObject(score));
        const cJSON *scaled = test_get(score, "scaled");
        const cJSON *raw = test_get(score, "raw");
        const cJSON *min = test_get(score, "min");
        const cJSON *max = test_get(score, "max");
        CHECK(cJSON_IsNumber(scaled) && cJSON_IsNumber(raw) &&
              cJSON_IsNumber(min) && cJSON_IsNumber(max));
        CHECK(scaled->valuedouble >= -1.0 && scaled->valuedouble <= 1.0);
        CHECK(min->valuedouble < max->valuedouble);
        CHECK(raw->valuedouble >= min->valuedouble &&
              raw->valuedouble <= max->valuedouble);
    }
    const cJSON *success = test_get(res, "success");
    CHECK(success == NULL || cJSON_IsBool(success));
    const cJSON *completion = test_get(res, "completion");
    CHECK(completion == NULL || cJSON_IsBool(completion));
    const cJSON *response = test_get(res, "response");
    CHECK(response == NULL || cJSON_IsString(response));
    const cJSON *duration = test_get(res, "duration");
    if (duration) {
        CHECK(test_match(TEST_DURATION, cJSON_GetStringValue(duration)));
        CHECK(strcmp(duration->valuestring, "P") != 0 &&
              strcmp(duration->valuestring, "PT") != 0);
    }
    test_extensions(test_get(res, "extensions"));
    return verb_id ? strrchr(verb_id, '/') + 1 : "";
}

/* Checks every statement of a session and returns the parsed array. */
static cJSON *test_xapi(const debrief *d, const result_info *info)
{
    char *text = result_xapi_json(d, info, NULL);
    CHECK(text != NULL);
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    free(text);
    CHECK(cJSON_IsArray(root));
    int n = cJSON_GetArraySize(root);
    CHECK_INT(n, (int)d->turn_count + (d->finished ? 2 : 1));
    int completed = 0;
    int graded = 0;
    int responded = 0;
    int terminated = 0;
    for (int i = 0; i < n; i++) {
        const cJSON *st = cJSON_GetArrayItem(root, i);
        const char *verb = test_statement(st);
        const char *id = test_str(st, "id");
        for (int j = 0; j < i; j++) {
            const char *other = test_str(cJSON_GetArrayItem(root, j), "id");
            CHECK(id && other && strcmp(id, other) != 0);
        }
        const cJSON *res = test_get(st, "result");
        if (strcmp(verb, "terminated") == 0) {
            terminated++;
            CHECK(cJSON_IsFalse(test_get(res, "completion")));
            CHECK(test_get(res, "success") == NULL);
            CHECK(test_get(res, "score") == NULL);
            CHECK_INT(i, n - 1);
        } else if (strcmp(verb, "completed") == 0) {
            completed++;
            CHECK(cJSON_IsTrue(test_get(res, "completion")));
        } else if (strcmp(verb, "passed") == 0 ||
                   strcmp(verb, "failed") == 0) {
            graded++;
            CHECK_INT(strcmp(verb, "passed") == 0, d->summary.passed);
            CHECK_INT(cJSON_IsTrue(test_get(res, "success")),
                      d->summary.passed);
            const cJSON *score = test_get(res, "score");
            CHECK_INT(cJSON_GetNumberValue(test_get(score, "raw")),
                      d->summary.overall);
            CHECK(cJSON_GetNumberValue(test_get(score, "scaled")) ==
                  d->summary.overall / 100.0);
            const cJSON *ext = test_get(res, "extensions");
            CHECK_INT(cJSON_GetNumberValue(
                          test_get(ext, RESULT_XAPI_NS "/ext/empathy")),
                      d->summary.dim[SCENARIO_DIM_EMPATHY]);
        } else if (strcmp(verb, "responded") == 0) {
            const debrief_turn *t = &d->turns[responded++];
            char iri[256];
            snprintf(iri, sizeof iri, "%s/scenario/%s/node/%s", RESULT_XAPI_NS,
                     d->sc->id, t->node->id);
            CHECK_STR(test_str(test_get(st, "object"), "id"), iri);
            CHECK_STR(test_str(res, "response"),
                      t->chosen ? t->chosen->say : "");
        }
        CHECK(test_str(test_get(st, "actor"), "name") &&
              strcmp(test_str(test_get(st, "actor"), "name"), info->trainee) ==
                  0);
    }
    CHECK_INT(completed, d->finished ? 1 : 0);
    CHECK_INT(graded, d->finished ? 1 : 0);
    CHECK_INT(terminated, d->finished ? 0 : 1);
    CHECK_INT(responded, (int)d->turn_count);
    return root;
}

static void test_xapi_statements(const scenario *tiny)
{
    size_t weak[] = {1, 1};
    int ms[] = {6500, 125};
    debrief *d = test_play(tiny, weak, ms, 2, false);
    result_info info = test_info("Ana", 452500);
    cJSON *root = test_xapi(d, &info);
    /* completed: duration of the whole call */
    const cJSON *done = cJSON_GetArrayItem(root, 2);
    CHECK_STR(test_str(test_get(done, "result"), "duration"), "PT7M32.5S");
    CHECK_STR(test_str(done, "timestamp"), "2023-11-14T22:20:52.500Z");
    CHECK_STR(test_str(test_get(done, "object"), "id"),
              RESULT_XAPI_NS "/scenario/tiny");
    CHECK_STR(
        test_str(test_get(test_get(done, "object"), "definition"), "type"),
        "http://adlnet.gov/expapi/activities/simulation");
    const cJSON *failed = cJSON_GetArrayItem(root, 3);
    CHECK_STR(test_str(test_get(failed, "verb"), "id"),
              "http://adlnet.gov/expapi/verbs/failed");
    /* responded: one per turn, with its response time */
    const cJSON *turn = cJSON_GetArrayItem(root, 0);
    CHECK_STR(test_str(test_get(turn, "result"), "duration"), "PT6.5S");
    CHECK_STR(test_str(turn, "timestamp"), "2023-11-14T22:13:26.500Z");
    CHECK_STR(
        test_str(test_get(cJSON_GetArrayItem(root, 1), "result"), "duration"),
        "PT0.125S");
    CHECK_STR(
        test_str(test_get(test_get(turn, "actor"), "account"), "homePage"),
        RESULT_XAPI_HOMEPAGE);
    /* reproducible: same inputs, same ids */
    char *a = result_xapi_json(d, &info, NULL);
    char *b = result_xapi_json(d, &info, NULL);
    CHECK_STR(a, b);
    info.started_ms += 1;
    char *c = result_xapi_json(d, &info, NULL);
    cJSON *other = cJSON_Parse(c);
    CHECK(strcmp(test_str(cJSON_GetArrayItem(other, 0), "id"),
                 test_str(cJSON_GetArrayItem(root, 0), "id")) != 0);
    cJSON_Delete(other);
    free(a);
    free(b);
    free(c);
    cJSON_Delete(root);
    debrief_free(d);

    /* the best path passes; a long call has hours in its duration */
    size_t best[] = {0, 0};
    d = test_play(tiny, best, ms, 2, false);
    info = test_info("Ana", 3723000);
    root = test_xapi(d, &info);
    CHECK_STR(
        test_str(test_get(cJSON_GetArrayItem(root, 2), "result"), "duration"),
        "PT1H2M3S");
    CHECK_STR(test_str(test_get(cJSON_GetArrayItem(root, 3), "verb"), "id"),
              "http://adlnet.gov/expapi/verbs/passed");
    cJSON_Delete(root);
    debrief_free(d);

    /* a timed-out turn still gets its statement, with an empty response */
    size_t slow[] = {1, 0};
    int slow_ms[] = {3000, 100000};
    d = test_play(tiny, slow, slow_ms, 2, false);
    info = test_info("Ana", 0);
    root = test_xapi(d, &info);
    const cJSON *timed_out = cJSON_GetArrayItem(root, 1);
    CHECK(cJSON_IsTrue(
        test_get(test_get(test_get(timed_out, "result"), "extensions"),
                 RESULT_XAPI_NS "/ext/timed-out")));
    /* zero-length call: "PT0S", and turn timestamps never pass the end */
    CHECK_STR(
        test_str(test_get(cJSON_GetArrayItem(root, 2), "result"), "duration"),
        "PT0S");
    CHECK_STR(test_str(timed_out, "timestamp"), "2023-11-14T22:13:20.000Z");
    cJSON_Delete(root);
    debrief_free(d);
}

/* ---------- HTML ---------- */

static htmlDocPtr test_html_parse(const char *html)
{
    return htmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
                          HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING);
}

/* First element named name (depth first), or NULL. */
static xmlNodePtr test_find(xmlNodePtr n, const char *name)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE &&
            xmlStrcasecmp(n->name, BAD_CAST name) == 0) {
            return n;
        }
        xmlNodePtr found = test_find(n->children, name);
        if (found) {
            return found;
        }
    }
    return NULL;
}

/* True if some element's whole text content equals text. */
static bool test_has_text(xmlNodePtr n, const char *text)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            xmlChar *c = xmlNodeGetContent(n);
            bool same = c && strcmp((const char *)c, text) == 0;
            xmlFree(c);
            if (same || test_has_text(n->children, text)) {
                return true;
            }
        }
    }
    return false;
}

static bool test_html_has(htmlDocPtr doc, const char *text)
{
    bool ok = test_has_text(xmlDocGetRootElement(doc), text);
    if (!ok) {
        fprintf(stderr, "no element has the text \"%s\"\n", text);
    }
    return ok;
}

/* Elements named name in document order; returns how many were found. */
static int test_collect(xmlNodePtr n, const char *name, xmlNodePtr *out,
                        int max, int count)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE &&
            xmlStrcasecmp(n->name, BAD_CAST name) == 0 && count < max) {
            out[count++] = n;
        }
        count = test_collect(n->children, name, out, max, count);
    }
    return count;
}

/* Decodes the i-th chart (an <img> with an SVG data: URI) and parses it. */
static xmlDocPtr test_chart(htmlDocPtr doc, int index, char **alt)
{
    xmlNodePtr imgs[8];
    int n = test_collect(xmlDocGetRootElement(doc), "img", imgs, 8, 0);
    CHECK_INT(n, 2);
    if (index >= n) {
        *alt = NULL;
        return NULL;
    }
    xmlChar *src = xmlGetProp(imgs[index], BAD_CAST "src");
    *alt = (char *)xmlGetProp(imgs[index], BAD_CAST "alt");
    const char *prefix = "data:image/svg+xml;charset=utf-8,";
    CHECK(src && strncmp((const char *)src, prefix, strlen(prefix)) == 0);
    char *svg =
        src ? xmlURIUnescapeString((const char *)src + strlen(prefix), 0, NULL)
            : NULL;
    xmlFree(src);
    xmlDocPtr d = svg ? xmlReadMemory(svg, (int)strlen(svg), "chart.svg",
                                      "UTF-8", XML_PARSE_NONET)
                      : NULL;
    free(svg);
    return d;
}

static void test_html_report(const scenario *tiny)
{
    size_t weak[] = {1, 1};
    int ms[] = {6500, 125};
    debrief *d = test_play(tiny, weak, ms, 2, false);
    result_info info = test_info("Ana", 452500);
    char *html = result_report_html(d, &info, NULL);
    CHECK(html != NULL);
    CHECK(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    CHECK_CONTAINS(html, "charset=UTF-8");
    CHECK_CONTAINS(html, "@page");
    CHECK(strstr(html, "<svg") == NULL); /* charts are data: URIs */
    htmlDocPtr doc = test_html_parse(html);
    CHECK(doc != NULL);
    CHECK(test_html_has(doc, "Debrief: Tiny test scenario \xe2\x80\x94 Ana"));
    CHECK(test_html_has(doc, "Customer (annoyed): My order is late."));
    CHECK(test_html_has(doc, "You chose 2: Order number?"));
    CHECK(test_html_has(doc, "Time: 6.5 s (target 10.0 s), on time"));
    CHECK(test_html_has(doc, "Feedback: Fast, but cold."));
    CHECK(test_html_has(doc, "Better option (1): I'm sorry it's late. Let me "
                             "look right now."));
    CHECK(test_html_has(doc, "Why: You acknowledged the problem and acted."));
    CHECK(test_html_has(doc, "7 min 32 s")); /* the Duration cell */
    CHECK(test_html_has(doc, "Scored: empathy 0, honesty not assessed, "
                             "promptness 100"));
    CHECK(test_html_has(doc, "Mood: 40 \xe2\x86\x92 25"));
    CHECK(test_html_has(doc, "Practise next"));
    CHECK(test_html_has(doc, "Missed: acknowledge (1), integrity (1)"));

    char *alt = NULL;
    xmlDocPtr svg = test_chart(doc, 0, &alt);
    CHECK(svg != NULL);
    CHECK_CONTAINS(alt, "Scores out of 100: empathy 0, honesty 0, "
                        "promptness 50");
    CHECK_CONTAINS(alt, "Overall 13; pass mark 60.");
    if (svg) {
        xmlNodePtr root = xmlDocGetRootElement(svg);
        CHECK_STR((const char *)root->name, "svg");
        CHECK(root->ns && strcmp((const char *)root->ns->href,
                                 "http://www.w3.org/2000/svg") == 0);
        CHECK(test_has_text(root->children, "Overall"));
        CHECK(test_has_text(root->children, "75"));
        CHECK(test_has_text(root->children, "pass mark 60"));
    }
    xmlFreeDoc(svg);
    xmlFree(alt);
    svg = test_chart(doc, 1, &alt);
    CHECK(svg != NULL);
    CHECK_CONTAINS(alt, "start 40, turn 1 25, turn 2 0.");
    if (svg) {
        xmlNodePtr root = xmlDocGetRootElement(svg);
        CHECK(test_find(root, "polyline") != NULL);
        CHECK(test_has_text(root->children, "Turn"));
        CHECK(test_has_text(root->children, "Mood (0 furious, 100 happy)"));
        CHECK(test_has_text(root->children, "start"));
    }
    xmlFreeDoc(svg);
    xmlFree(alt);
    xmlFreeDoc(doc);
    /* the same inputs give the same bytes */
    char *again = result_report_html(d, &info, NULL);
    CHECK_STR(again, html);
    free(again);
    free(html);
    debrief_free(d);
}

/* ---------- hostile text in every format ---------- */

/* ---------- incomplete attempts ---------- */

static void test_incomplete(const scenario *tiny)
{
    size_t first[] = {1};
    int ms[] = {6500};
    debrief *d = test_play(tiny, first, ms, 1, false);
    CHECK(!d->finished);
    result_info info = test_info("Ana", 6500);
    /* only an interrupted session may be saved unfinished */
    diag_list *diags = diag_list_new();
    CHECK(result_record_json(d, &info, diags) == NULL);
    CHECK(test_diag_contains(diags, "has not reached an ending"));
    CHECK(result_xapi_json(d, &info, NULL) == NULL);
    CHECK(result_report_html(d, &info, NULL) == NULL);
    diag_list_clear(diags);

    info.interrupted = true;
    char *json = result_record_json(d, &info, diags);
    CHECK_INT(diag_count(diags), 0);
    CHECK_CONTAINS(json, "\"status\":\t\"incomplete\"");
    CHECK_CONTAINS(json, "\"outcome\":\tnull");
    CHECK_CONTAINS(json, "\"passed\":\tfalse");
    result_record *r =
        json ? result_record_parse(json, strlen(json), "i", diags) : NULL;
    CHECK(r != NULL);
    if (r) {
        test_record_matches(r, d, &info);
        CHECK(!r->complete);
        CHECK_INT(r->turn_count, 1);
        CHECK(r->ending == NULL);
    }
    result_record_free(r);
    free(json);

    cJSON *x = test_xapi(d, &info);
    cJSON_Delete(x);

    char *html = result_report_html(d, &info, diags);
    CHECK_CONTAINS(html, "Incomplete attempt");
    CHECK_CONTAINS(html, "INCOMPLETE ATTEMPT");
    CHECK(html && !strstr(html, "NOT PASSED"));
    htmlDocPtr doc = html ? test_html_parse(html) : NULL;
    CHECK(doc != NULL);
    xmlFreeDoc(doc);
    free(html);
    debrief_free(d);

    /* an interrupted session that did reach its ending is complete, byte
     * for byte the record of an uninterrupted one */
    size_t best[] = {0, 0};
    int best_ms[] = {4000, 1000};
    d = test_play(tiny, best, best_ms, 2, false);
    info = test_info("Ana", 5000);
    char *plain = result_record_json(d, &info, NULL);
    info.interrupted = true;
    char *recovered = result_record_json(d, &info, NULL);
    CHECK_STR(recovered, plain);
    CHECK_CONTAINS(plain, "\"status\":\t\"complete\"");
    free(plain);
    free(recovered);
    debrief_free(d);
    CHECK_INT(diag_count(diags), 0);
    diag_list_free(diags);
}

static void test_default_dir(void)
{
    char *p = result_default_dir("/data", "/home/ana");
    CHECK_STR(p, "/data/rapport/results");
    free(p);
    p = result_default_dir("/data/", NULL);
    CHECK_STR(p, "/data/rapport/results");
    free(p);
    /* unset, empty or relative XDG_DATA_HOME: $HOME/.local/share */
    const char *ignored[] = {NULL, "", "relative/data"};
    for (size_t i = 0; i < 3; i++) {
        p = result_default_dir(ignored[i], "/home/ana");
        CHECK_STR(p, "/home/ana/.local/share/rapport/results");
        free(p);
    }
    p = result_default_dir(NULL, "/");
    CHECK_STR(p, "/.local/share/rapport/results");
    free(p);
    CHECK(result_default_dir(NULL, NULL) == NULL);
    CHECK(result_default_dir("x", "") == NULL);
}

static void test_escaping(void)
{
    scenario *sc = test_load("escaping.xml");
    const char *title = "Refund <urgent> & \"fast\" \xe2\x80\x94 "
                        "\xce\xa3\xcf\x89\xce\xba\xcf\x81\xce\xac\xcf\x84"
                        "\xce\xb7\xcf\x82, \xd0\x9f\xd1\x91\xd1\x82\xd1\x80, "
                        "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
    CHECK_STR(sc->title, title);
    size_t good[] = {0};
    int ms[] = {2000};
    debrief *d = test_play(sc, good, ms, 1, false);
    result_info info = test_info(TEST_TRAINEE, 2000);
    const scenario_choice *said = &sc->nodes[0].choices[0];
    CHECK_CONTAINS(said->say, "\"refund <today>\"");

    /* JSON: reads back equal */
    char *json = result_record_json(d, &info, NULL);
    result_record *r =
        json ? result_record_parse(json, strlen(json), "e", NULL) : NULL;
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(r->trainee, TEST_TRAINEE);
        CHECK_STR(r->scenario_title, title);
        CHECK_STR(r->scenario_version, "1.0&b");
        CHECK_STR(r->turns[0].reply, said->say);
    }
    result_record_free(r);
    free(json);

    /* HTML: nothing unescaped, and the text parses back intact */
    char *html = result_report_html(d, &info, NULL);
    CHECK(html != NULL);
    /* the page speaks the interface's language; the scenario's own
     * words keep theirs */
    CHECK_CONTAINS(html, "<html lang=\"en\">");
    CHECK_CONTAINS(html, "<span lang=\"ru\" dir=\"auto\">");
    CHECK(strstr(html, "<O'Brien>") == NULL);
    CHECK(strstr(html, "<urgent>") == NULL);
    CHECK(strstr(html, "<b>refund") == NULL);
    CHECK(strstr(html, "<today>") == NULL);
    htmlDocPtr doc = html ? test_html_parse(html) : NULL;
    CHECK(doc != NULL);
    if (doc) {
        char want[600];
        snprintf(want, sizeof want, "Debrief: %s \xe2\x80\x94 %s", title,
                 TEST_TRAINEE);
        CHECK(test_html_has(doc, want));
        CHECK(test_html_has(doc, title));
        CHECK(test_html_has(doc, TEST_TRAINEE)); /* the Trainee cell */
        snprintf(want, sizeof want, "Customer (annoyed): %s",
                 sc->nodes[0].lines[0].text);
        CHECK(test_html_has(doc, want));
        CHECK_CONTAINS(sc->nodes[0].lines[0].text, "<b>refund</b>");
        snprintf(want, sizeof want, "You chose 1: %s", said->say);
        CHECK(test_html_has(doc, want));
        snprintf(want, sizeof want, "Feedback: %s", said->feedback);
        CHECK(test_html_has(doc, want));
        CHECK(test_html_has(doc, "Outcome: resolved: Refund <sent> & "
                                 "thanked"));
        /* no element came from the scenario's text */
        CHECK(test_find(xmlDocGetRootElement(doc), "b") == NULL);
        CHECK(test_find(xmlDocGetRootElement(doc), "script") == NULL);
        xmlNodePtr root = xmlDocGetRootElement(doc);
        xmlChar *lang = xmlGetProp(root, BAD_CAST "lang");
        CHECK_STR((const char *)lang, "en");
        xmlFree(lang);
        xmlNodePtr span = test_find(root, "span");
        lang = span ? xmlGetProp(span, BAD_CAST "lang") : NULL;
        CHECK_STR((const char *)lang, "ru");
        xmlFree(lang);
    }
    xmlFreeDoc(doc);
    free(html);

    /* the worst reply is itself markup */
    size_t bad[] = {1};
    debrief *d2 = test_play(sc, bad, ms, 1, false);
    html = result_report_html(d2, &info, NULL);
    CHECK(strstr(html, "<script") == NULL);
    doc = test_html_parse(html);
    CHECK(test_find(xmlDocGetRootElement(doc), "script") == NULL);
    CHECK(test_html_has(doc, "You chose 2: <script>alert('x')</script> "
                             "&amp; no."));
    xmlFreeDoc(doc);
    free(html);
    debrief_free(d2);

    /* xAPI */
    cJSON *root = test_xapi(d, &info);
    const cJSON *turn = cJSON_GetArrayItem(root, 0);
    CHECK_STR(test_str(test_get(test_get(turn, "actor"), "account"), "name"),
              TEST_TRAINEE);
    CHECK_STR(test_str(test_get(turn, "result"), "response"), said->say);
    const cJSON *done = cJSON_GetArrayItem(root, 1);
    CHECK_STR(
        test_str(
            test_get(test_get(test_get(done, "object"), "definition"), "name"),
            "ru"),
        title);
    cJSON_Delete(root);
    debrief_free(d);

    /* the built-in "gave up" ending: no ending id */
    int forever[] = {1000000};
    d = test_play(sc, good, forever, 1, false);
    CHECK(d->gave_up);
    json = result_record_json(d, &info, NULL);
    CHECK_CONTAINS(json, "\"ending\":\tnull");
    r = result_record_parse(json, strlen(json), "g", NULL);
    CHECK(r != NULL && r->ending == NULL &&
          r->outcome == SCENARIO_OUTCOME_LOST);
    result_record_free(r);
    free(json);
    html = result_report_html(d, &info, NULL);
    CHECK_CONTAINS(html, "ran out of patience");
    free(html);
    debrief_free(d);
    scenario_free(sc);
}

static void test_bad_input(const scenario *tiny)
{
    size_t best[] = {0, 0};
    int ms[] = {4000, 1000};
    debrief *d = test_play(tiny, best, ms, 2, false);
    diag_list *diags = diag_list_new();
    const char *bad_names[] = {"", "   ", "tab\there", "A\xff", NULL};
    for (size_t i = 0; i < sizeof bad_names / sizeof bad_names[0]; i++) {
        result_info info = test_info(bad_names[i], 0);
        CHECK(!result_trainee_valid(bad_names[i]));
        CHECK(result_record_json(d, &info, diags) == NULL);
        CHECK(result_report_html(d, &info, diags) == NULL);
        CHECK(result_xapi_json(d, &info, diags) == NULL);
    }
    CHECK(test_diag_contains(diags, "trainee's name"));
    char long_name[RESULT_MAX_TRAINEE_BYTES + 2];
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    CHECK(!result_trainee_valid(long_name));
    long_name[RESULT_MAX_TRAINEE_BYTES] = '\0';
    CHECK(result_trainee_valid(long_name));
    CHECK(result_trainee_valid(TEST_TRAINEE));

    diag_list_clear(diags);
    result_info info = test_info("Ana", 0);
    info.ended_ms = info.started_ms - 1;
    CHECK(result_record_json(d, &info, diags) == NULL);
    CHECK(test_diag_contains(diags, "out of range"));
    info = test_info("Ana", 0);
    info.started_ms = -5;
    CHECK(result_xapi_json(d, &info, diags) == NULL);
    CHECK(result_record_json(d, NULL, diags) == NULL);
    CHECK(result_record_json(NULL, &info, diags) == NULL);
    debrief_free(d);

    /* an unfinished session has no result */
    diag_list_clear(diags);
    session *s = session_new(tiny, NULL);
    d = debrief_new(s);
    info = test_info("Ana", 0);
    CHECK(result_report_html(d, &info, diags) == NULL);
    CHECK(test_diag_contains(diags, "not reached an ending"));
    CHECK_INT(result_save(RAPPORT_TEST_TMP, d, &info, NULL, NULL, diags), -1);
    debrief_free(d);
    session_free(s);
    diag_list_free(diags);
}

/* ---------- saving ---------- */

static char *test_mkdtemp(void)
{
    char *dir = malloc(512);
    snprintf(dir, 512, "%s/result-XXXXXX", RAPPORT_TEST_TMP);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(1);
    }
    return dir;
}

static void test_rm_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0755);
        DIR *dir = opendir(path);
        struct dirent *e;
        while (dir && (e = readdir(dir)) != NULL) {
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                char sub[1024];
                snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
                test_rm_tree(sub);
            }
        }
        if (dir) {
            closedir(dir);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Names in dir, sorted, joined with '\n' (malloc'd). */
static char *test_list(const char *path)
{
    static char names[128][256];
    int n = 0;
    DIR *dir = opendir(path);
    struct dirent *e;
    while (dir && (e = readdir(dir)) != NULL && n < 128) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(names[n++], sizeof names[0], "%s", e->d_name);
        }
    }
    if (dir) {
        closedir(dir);
    }
    for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char tmp[256];
            memcpy(tmp, names[j], sizeof tmp);
            memcpy(names[j], names[j - 1], sizeof tmp);
            memcpy(names[j - 1], tmp, sizeof tmp);
        }
    }
    char *out = calloc(1, 128 * 257 + 1);
    for (int i = 0; i < n; i++) {
        strcat(out, names[i]);
        strcat(out, "\n");
    }
    return out;
}

static char *test_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *buf = malloc(1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void test_touch(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

#define TEST_BASE "20231114-221320-zo-z-o-brien-tiny-"

/* Fault injection: the fail_at-th write() or fsync() fails with err; the
 * other hooks fail always when their error is set. */
typedef struct {
    int calls;
    int fail_at;
    int err;
    int mkstemp_err;
    int link_err;
    bool short_writes;
} test_fault;

static int test_fault_mkstemp(void *ctx, char *tmpl)
{
    test_fault *f = ctx;
    if (f->mkstemp_err) {
        errno = f->mkstemp_err;
        return -1;
    }
    return mkstemp(tmpl);
}

static ssize_t test_fault_write(void *ctx, int fd, const void *buf, size_t n)
{
    test_fault *f = ctx;
    if (++f->calls == f->fail_at) {
        errno = f->err;
        return -1;
    }
    return write(fd, buf, f->short_writes && n > 100 ? 100 : n);
}

static int test_fault_fsync(void *ctx, int fd)
{
    test_fault *f = ctx;
    if (++f->calls == f->fail_at) {
        errno = f->err;
        return -1;
    }
    return fsync(fd);
}

static int test_fault_link(void *ctx, const char *from, const char *to)
{
    test_fault *f = ctx;
    if (f->link_err) {
        errno = f->link_err;
        return -1;
    }
    return link(from, to);
}

static result_io test_io(test_fault *f)
{
    result_io io = {f, test_fault_mkstemp, test_fault_write, test_fault_fsync,
                    test_fault_link};
    return io;
}

static void test_save_ok(const debrief *d)
{
    char *dir = test_mkdtemp();
    result_info info = test_info(TEST_TRAINEE, 5000);
    diag_list *diags = diag_list_new();
    result_paths saved;
    /* a folder that does not exist yet, with its parents, and a trailing
     * slash */
    char sub[600];
    snprintf(sub, sizeof sub, "%s/class a/2023/", dir);
    CHECK_INT(result_save(sub, d, &info, NULL, &saved, diags), 0);
    CHECK_INT(diag_count(diags), 0);
    char want[700];
    snprintf(want, sizeof want, "%s/class a/2023/" TEST_BASE "01.json", dir);
    CHECK_STR(saved.path[RESULT_FILE_JSON], want);
    snprintf(want, sizeof want, "%s/class a/2023/" TEST_BASE "01.html", dir);
    CHECK_STR(saved.path[RESULT_FILE_HTML], want);
    snprintf(want, sizeof want, "%s/class a/2023/" TEST_BASE "01.xapi.json",
             dir);
    CHECK_STR(saved.path[RESULT_FILE_XAPI], want);
    /* the files hold exactly what the generators give */
    char *json = result_record_json(d, &info, NULL);
    char *html = result_report_html(d, &info, NULL);
    char *xapi = result_xapi_json(d, &info, NULL);
    char *got = test_read(saved.path[RESULT_FILE_JSON]);
    CHECK_STR(got, json);
    free(got);
    got = test_read(saved.path[RESULT_FILE_HTML]);
    CHECK_STR(got, html);
    free(got);
    got = test_read(saved.path[RESULT_FILE_XAPI]);
    CHECK_STR(got, xapi);
    free(got);
    struct stat st;
    CHECK(stat(saved.path[RESULT_FILE_JSON], &st) == 0 &&
          (st.st_mode & 0777) == 0644);
    result_record *r =
        result_record_load_file(saved.path[RESULT_FILE_JSON], diags);
    CHECK(r != NULL);
    if (r) {
        test_record_matches(r, d, &info);
    }
    result_record_free(r);
    result_paths_clear(&saved);
    result_paths_clear(NULL);

    /* the same session again: the next counter, never an overwrite */
    snprintf(sub, sizeof sub, "%s/class a/2023", dir);
    CHECK_INT(result_save(sub, d, &info, NULL, &saved, diags), 0);
    CHECK_CONTAINS(saved.path[RESULT_FILE_HTML], TEST_BASE "02.html");
    result_paths_clear(&saved);
    char *list = test_list(sub);
    CHECK_STR(list, TEST_BASE "01.html\n" TEST_BASE "01.json\n" TEST_BASE
                              "01.xapi.json\n" TEST_BASE "02.html\n" TEST_BASE
                              "02.json\n" TEST_BASE "02.xapi.json\n");
    free(list);
    test_rm_tree(dir);
    free(dir);

    /* someone else's file with counter 01 (only one of the three names):
     * it is left alone and the save takes 02 */
    dir = test_mkdtemp();
    test_touch(dir, TEST_BASE "01.json", "not ours");
    CHECK_INT(result_save(dir, d, &info, NULL, &saved, NULL), 0);
    CHECK_CONTAINS(saved.path[RESULT_FILE_JSON], TEST_BASE "02.json");
    result_paths_clear(&saved);
    snprintf(want, sizeof want, "%s/" TEST_BASE "01.json", dir);
    got = test_read(want);
    CHECK_STR(got, "not ours");
    free(got);
    test_touch(dir, TEST_BASE "03.xapi.json", "not ours either");
    CHECK_INT(result_save(dir, d, &info, NULL, &saved, NULL), 0);
    CHECK_CONTAINS(saved.path[RESULT_FILE_XAPI], TEST_BASE "04.xapi.json");
    result_paths_clear(&saved);
    list = test_list(dir);
    CHECK_STR(list, TEST_BASE "01.json\n" TEST_BASE "02.html\n" TEST_BASE
                              "02.json\n" TEST_BASE "02.xapi.json\n" TEST_BASE
                              "03.xapi.json\n" TEST_BASE "04.html\n" TEST_BASE
                              "04.json\n" TEST_BASE "04.xapi.json\n");
    free(list);
    test_rm_tree(dir);
    free(dir);

    /* a file system without hard links: names reserved with O_EXCL */
    dir = test_mkdtemp();
    test_touch(dir, TEST_BASE "01.html", "taken");
    test_fault f = {.link_err = EPERM};
    result_io io = test_io(&f);
    CHECK_INT(result_save(dir, d, &info, &io, &saved, diags), 0);
    CHECK_CONTAINS(saved.path[RESULT_FILE_HTML], TEST_BASE "02.html");
    got = test_read(saved.path[RESULT_FILE_HTML]);
    CHECK_STR(got, html);
    free(got);
    result_paths_clear(&saved);
    list = test_list(dir);
    CHECK_STR(list, TEST_BASE "01.html\n" TEST_BASE "02.html\n" TEST_BASE
                              "02.json\n" TEST_BASE "02.xapi.json\n");
    free(list);
    test_rm_tree(dir);
    free(dir);

    /* short writes are completed */
    dir = test_mkdtemp();
    f = (test_fault){.short_writes = true};
    io = test_io(&f);
    CHECK_INT(result_save(dir, d, &info, &io, &saved, diags), 0);
    got = test_read(saved.path[RESULT_FILE_HTML]);
    CHECK_STR(got, html);
    free(got);
    result_paths_clear(&saved);
    test_rm_tree(dir);
    free(dir);

    free(json);
    free(html);
    free(xapi);
    CHECK_INT(diag_count(diags), 0);
    diag_list_free(diags);
}

/* A failed save names the folder and the reason, and leaves the folder as
 * it was. */
static void test_save_fails(const debrief *d, const char *dir,
                            const result_io *io, const char *reason,
                            const char *left)
{
    result_info info = test_info(TEST_TRAINEE, 5000);
    diag_list *diags = diag_list_new();
    result_paths saved;
    CHECK_INT(result_save(dir, d, &info, io, &saved, diags), -1);
    CHECK_INT(diag_error_count(diags), 1);
    char want[700];
    snprintf(want, sizeof want, "cannot save results in %s: %s", dir, reason);
    CHECK_STR(diag_count(diags) ? diag_get(diags, 0)->message : "", want);
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        CHECK(saved.path[i] == NULL);
    }
    char *list = test_list(dir);
    CHECK_STR(list, left);
    free(list);
    diag_list_free(diags);
}

static void test_save_failures(const debrief *d)
{
    char *dir = test_mkdtemp();
    test_touch(dir, "notes.txt", "keep");

    /* read-only folder: real permissions when they apply (not as root),
     * and an injected EACCES always */
    if (geteuid() != 0) {
        chmod(dir, 0555);
        test_save_fails(d, dir, NULL, "Permission denied", "notes.txt\n");
        chmod(dir, 0755);
    }
    test_fault f = {.mkstemp_err = EACCES};
    result_io io = test_io(&f);
    test_save_fails(d, dir, &io, "Permission denied", "notes.txt\n");
    f = (test_fault){.mkstemp_err = EROFS};
    test_save_fails(d, dir, &io, "Read-only file system", "notes.txt\n");

    /* a full disk at every write() and fsync() in turn */
    int failures = 0;
    for (int n = 1; n < 100; n++) {
        f = (test_fault){.fail_at = n, .err = ENOSPC};
        result_info info = test_info(TEST_TRAINEE, 5000);
        diag_list *diags = diag_list_new();
        result_paths saved;
        int rc = result_save(dir, d, &info, &io, &saved, diags);
        if (rc == 0) {
            CHECK(n > 6); /* 3 writes + 3 fsyncs at least */
            result_paths_clear(&saved);
            diag_list_free(diags);
            break;
        }
        failures++;
        CHECK(test_diag_contains(diags, "No space left on device"));
        char *list = test_list(dir);
        CHECK_STR(list, "notes.txt\n");
        free(list);
        diag_list_free(diags);
    }
    CHECK(failures >= 6);
    test_rm_tree(dir);
    free(dir);

    /* every counter taken */
    dir = test_mkdtemp();
    for (int nn = 1; nn <= 99; nn++) {
        char name[128];
        snprintf(name, sizeof name, TEST_BASE "%02d.html", nn);
        test_touch(dir, name, "taken");
    }
    char *before = test_list(dir);
    test_save_fails(d, dir, NULL,
                    "no free file name (counters 01 to 99 are all taken)",
                    before);
    free(before);
    test_rm_tree(dir);
    free(dir);

    /* an I/O error when naming the files: no file left, no temp left */
    dir = test_mkdtemp();
    f = (test_fault){.link_err = EIO};
    test_save_fails(d, dir, &io, "Input/output error", "");
    test_rm_tree(dir);
    free(dir);

    /* the folder is a file, or under a file */
    dir = test_mkdtemp();
    test_touch(dir, "file", "x");
    char path[700];
    snprintf(path, sizeof path, "%s/file", dir);
    result_info info = test_info("Ana", 0);
    diag_list *diags = diag_list_new();
    CHECK_INT(result_save(path, d, &info, NULL, NULL, diags), -1);
    CHECK(test_diag_contains(diags, "Not a directory"));
    CHECK(test_diag_contains(diags, path));
    diag_list_clear(diags);
    snprintf(path, sizeof path, "%s/file/sub", dir);
    CHECK_INT(result_save(path, d, &info, NULL, NULL, diags), -1);
    CHECK(test_diag_contains(diags, "Not a directory"));
    diag_list_clear(diags);
    CHECK_INT(result_save("", d, &info, NULL, NULL, diags), -1);
    CHECK_INT(result_save(NULL, d, &info, NULL, NULL, diags), -1);
    CHECK(test_diag_contains(diags, "no folder given"));
    char *list = test_list(dir);
    CHECK_STR(list, "file\n");
    free(list);
    diag_list_free(diags);
    test_rm_tree(dir);
    free(dir);
}

int main(void)
{
    scenario *tiny = test_load("tiny.xml");
    test_uuid();
    test_record_round_trip(tiny);
    test_record_parse_errors(tiny);
    test_load_file();
    test_xapi_statements(tiny);
    test_html_report(tiny);
    test_incomplete(tiny);
    test_default_dir();
    test_escaping();
    test_bad_input(tiny);

    size_t best[] = {0, 0};
    int ms[] = {4000, 1000};
    debrief *d = test_play(tiny, best, ms, 2, false);
    test_save_ok(d);
    test_save_failures(d);
    debrief_free(d);
    scenario_free(tiny);
    return check_done("test_result");
}
