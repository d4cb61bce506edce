/* result_xapi.c — a finished session as xAPI 1.0.3 statements: one
 * "responded" per turn, then "completed" and "passed" or "failed"; an
 * incomplete attempt ends with "terminated" (completion false) instead.
 *
 * Statement ids are name-based UUIDs (RFC 4122 version 5) made with
 * libuuid, so the same session always gives the same ids. JSON is built
 * with cJSON, never concatenated by hand.
 */
#define _POSIX_C_SOURCE 200809L
#include "result.h"
#include "result_internal.h"

#include <cjson/cJSON.h>
#include <libxml/uri.h>
#include <libxml/xmlmemory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#define RESULT_XAPI_VERBS "http://adlnet.gov/expapi/verbs/"
#define RESULT_XAPI_SIMULATION "http://adlnet.gov/expapi/activities/simulation"
#define RESULT_XAPI_INTERACTION                                               \
    "http://adlnet.gov/expapi/activities/interaction"

/* ISO 8601 duration: "PT7M32.5S", "PT1H0M3S", "PT0S". */
static void result_iso_duration(int64_t ms, char *buf, size_t size)
{
    if (ms < 0) {
        ms = 0;
    }
    int64_t h = ms / 3600000;
    int m = (int)(ms / 60000 % 60);
    int s = (int)(ms / 1000 % 60);
    int f = (int)(ms % 1000);
    size_t n = (size_t)snprintf(buf, size, "PT");
    if (h > 0) {
        n += (size_t)snprintf(buf + n, size - n, "%lldH", (long long)h);
    }
    if (h > 0 || m > 0) {
        n += (size_t)snprintf(buf + n, size - n, "%dM", m);
    }
    if (f == 0) {
        snprintf(buf + n, size - n, "%dS", s);
    } else {
        char frac[8];
        snprintf(frac, sizeof frac, "%03d", f);
        for (int i = 2; i > 0 && frac[i] == '0'; i--) {
            frac[i] = '\0';
        }
        snprintf(buf + n, size - n, "%d.%sS", s, frac);
    }
}

/* ---------- name-based UUIDs (RFC 4122 version 5, SHA-1) ---------- */

void result_uuid_v5(const unsigned char ns[16], const char *name, char out[37])
{
    uuid_t u;
    uuid_generate_sha1(u, ns, name, strlen(name));
    uuid_unparse_lower(u, out);
}

/* The namespace of our statement ids: uuid5(URL namespace, our IRI). */
void result_xapi_namespace(unsigned char ns[16])
{
    /* RFC 4122 appendix C */
    static const uuid_t url_ns = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                  0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                  0x4f, 0xd4, 0x30, 0xc8};
    uuid_generate_sha1(ns, url_ns, RESULT_XAPI_NS, strlen(RESULT_XAPI_NS));
}

/* ---------- xAPI ---------- */

typedef struct {
    const debrief *d;
    const result_info *info;
    unsigned char ns[16];
    const char *lang;
    char *scenario_iri;
    char registration[37];
} result_xapi;

/* Statement ids: uuid5 of the session's identity (length-prefixed, so no
 * two different sessions give the same name) and what the statement is. */
static void result_x_id(const result_xapi *x, const char *what, char out[37],
                        bool *ok)
{
    const char *id = x->d->sc->id ? x->d->sc->id : "";
    const char *version = x->d->sc->version ? x->d->sc->version : "";
    char *name =
        result_format("%zu:%s|%zu:%s|%zu:%s|%lld|%s", strlen(id), id,
                      strlen(version), version, strlen(x->info->trainee),
                      x->info->trainee, (long long)x->info->started_ms, what);
    if (!name) {
        *ok = false;
    }
    result_uuid_v5(x->ns, name ? name : what, out);
    free(name);
}

/* base/kind/ID with ID percent-encoded; malloc'd, or NULL. */
static char *result_x_iri(const char *base, const char *kind, const char *id)
{
    xmlChar *esc = xmlURIEscapeStr(BAD_CAST(id ? id : ""), BAD_CAST "");
    char *iri =
        esc ? result_format("%s/%s/%s", base, kind, (const char *)esc) : NULL;
    xmlFree(esc);
    return iri;
}

/* Our extension IRI for a score dimension. */
static void result_x_dim_key(int dim, char *key, size_t size)
{
    snprintf(key, size, "%s/ext/%s", RESULT_XAPI_NS,
             scenario_dim_name((scenario_dim)dim));
}

static cJSON *result_x_langmap(const char *lang, const char *text, bool *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = false;
        return NULL;
    }
    result_j_str(o, lang, text ? text : "", ok);
    return o;
}

static cJSON *result_x_activity(const char *iri, const char *lang,
                                const char *name, const char *description,
                                const char *type, bool *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = false;
        return NULL;
    }
    result_j_str(o, "objectType", "Activity", ok);
    result_j_str(o, "id", iri, ok);
    cJSON *def = result_j_obj(o, "definition", ok);
    result_j_add(def, "name", result_x_langmap(lang, name, ok), ok);
    if (description) {
        result_j_add(def, "description",
                     result_x_langmap(lang, description, ok), ok);
    }
    result_j_str(def, "type", type, ok);
    return o;
}

/* A statement with id, actor, verb, timestamp and context; the caller adds
 * object and result. */
static cJSON *result_x_statement(const result_xapi *x, const char *id_name,
                                 const char *verb, int64_t when_ms,
                                 bool in_scenario, bool *ok)
{
    cJSON *st = cJSON_CreateObject();
    if (!st) {
        *ok = false;
        return NULL;
    }
    char id[37];
    result_x_id(x, id_name, id, ok);
    result_j_str(st, "id", id, ok);
    result_j_str(st, "version", "1.0.3", ok);
    cJSON *actor = result_j_obj(st, "actor", ok);
    result_j_str(actor, "objectType", "Agent", ok);
    result_j_str(actor, "name", x->info->trainee, ok);
    cJSON *account = result_j_obj(actor, "account", ok);
    result_j_str(account, "homePage", RESULT_XAPI_HOMEPAGE, ok);
    result_j_str(account, "name", x->info->trainee, ok);
    cJSON *v = result_j_obj(st, "verb", ok);
    char *verb_iri = result_format("%s%s", RESULT_XAPI_VERBS, verb);
    result_j_str(v, "id", verb_iri ? verb_iri : "", ok);
    if (!verb_iri) {
        *ok = false;
    }
    free(verb_iri);
    cJSON *display = result_j_obj(v, "display", ok);
    result_j_str(display, "en-US", verb, ok);
    char when[RESULT_ISO_SIZE];
    result_iso_time(when_ms, when, sizeof when);
    result_j_str(st, "timestamp", when, ok);
    cJSON *ctx = result_j_obj(st, "context", ok);
    result_j_str(ctx, "registration", x->registration, ok);
    result_j_str(ctx, "platform", "Rapport", ok);
    result_j_str(ctx, "language", x->lang, ok);
    if (in_scenario) {
        cJSON *acts = result_j_obj(ctx, "contextActivities", ok);
        cJSON *parents = result_j_add(acts, "parent", cJSON_CreateArray(), ok);
        result_j_push(parents,
                      result_x_activity(x->scenario_iri, x->lang,
                                        x->d->sc->title, NULL,
                                        RESULT_XAPI_SIMULATION, ok),
                      ok);
    }
    cJSON *ext = result_j_obj(ctx, "extensions", ok);
    result_j_str(ext, RESULT_XAPI_NS "/ext/scenario-version",
                 x->d->sc->version ? x->d->sc->version : "", ok);
    result_j_str(ext, RESULT_XAPI_NS "/ext/feedback-mode",
                 result_feedback_mode_name(x->info->feedback_mode), ok);
    result_j_bool(ext, RESULT_XAPI_NS "/ext/relaxed-timing",
                  x->d->relaxed_timing, ok);
    if (x->d->shuffled) {
        /* the options were shown in an order drawn from this seed */
        result_j_num(ext, RESULT_XAPI_NS "/ext/seed", (double)x->d->seed, ok);
    }
    return st;
}

static cJSON *result_x_scenario_object(const result_xapi *x, bool *ok)
{
    return result_x_activity(x->scenario_iri, x->lang, x->d->sc->title,
                             x->d->sc->summary, RESULT_XAPI_SIMULATION, ok);
}

static cJSON *result_x_turn(const result_xapi *x, const debrief_turn *t,
                            int64_t when_ms, bool *ok)
{
    char name[32];
    snprintf(name, sizeof name, "turn-%d", t->number);
    cJSON *st = result_x_statement(x, name, "responded", when_ms, true, ok);
    char *iri = result_x_iri(x->scenario_iri, "node", t->node->id);
    char *said = debrief_customer_text(t->node);
    if (!iri || !said) {
        *ok = false;
    }
    result_j_add(st, "object",
                 result_x_activity(iri ? iri : "", x->lang, t->node->id,
                                   said ? said : "", RESULT_XAPI_INTERACTION,
                                   ok),
                 ok);
    free(iri);
    free(said);
    cJSON *res = result_j_obj(st, "result", ok);
    result_j_str(res, "response",
                 t->chosen && t->chosen->say ? t->chosen->say : "", ok);
    char dur[48];
    result_iso_duration(t->response_ms, dur, sizeof dur);
    result_j_str(res, "duration", dur, ok);
    cJSON *ext = result_j_obj(res, "extensions", ok);
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        if (t->score.counted[dim]) {
            char key[96];
            result_x_dim_key(dim, key, sizeof key);
            result_j_num(ext, key, score_round(100.0 * t->score.value[dim]),
                         ok);
        }
    }
    result_j_num(ext, RESULT_XAPI_NS "/ext/choice", t->chosen_pos, ok);
    if (t->chosen) {
        /* which option, whatever position it was shown at */
        result_j_num(ext, RESULT_XAPI_NS "/ext/choice-index",
                     (double)(t->chosen - t->node->choices), ok);
    }
    result_j_num(ext, RESULT_XAPI_NS "/ext/target-ms", t->target_ms, ok);
    result_j_num(ext, RESULT_XAPI_NS "/ext/mood-after", t->mood_after, ok);
    result_j_bool(ext, RESULT_XAPI_NS "/ext/timed-out", t->chosen == NULL, ok);
    if (t->critical) {
        /* the reply was a critical mistake: why, in the author's words */
        result_j_str(ext, RESULT_XAPI_NS "/ext/critical-mistake", t->critical,
                     ok);
    }
    return st;
}

char *result_xapi_json(const debrief *d, const result_info *info,
                       diag_list *diags)
{
    if (!result_check(d, info, diags)) {
        return NULL;
    }
    bool ok = true;
    result_xapi x = {d, info, {0}, NULL, NULL, {0}};
    result_xapi_namespace(x.ns);
    x.lang = d->sc->lang && *d->sc->lang ? d->sc->lang : "en-US";
    x.scenario_iri = result_x_iri(RESULT_XAPI_NS, "scenario", d->sc->id);
    result_x_id(&x, "registration", x.registration, &ok);
    cJSON *root = cJSON_CreateArray();
    if (!root || !x.scenario_iri) {
        ok = false;
    }
    /* in the order things happened: each reply, then the end of the call */
    int64_t when = info->started_ms;
    for (size_t i = 0; ok && i < d->turn_count; i++) {
        when += d->turns[i].response_ms;
        if (when > info->ended_ms) {
            when = info->ended_ms;
        }
        result_j_push(root, result_x_turn(&x, &d->turns[i], when, &ok), &ok);
    }

    if (!d->finished) {
        /* ADL's "terminated": the attempt ended without completing; no
         * verdict, since the call never reached an ending */
        cJSON *end = result_x_statement(&x, "terminated", "terminated",
                                        info->ended_ms, false, &ok);
        result_j_add(end, "object", result_x_scenario_object(&x, &ok), &ok);
        cJSON *res = result_j_obj(end, "result", &ok);
        result_j_bool(res, "completion", false, &ok);
        char dur[48];
        result_iso_duration(info->ended_ms - info->started_ms, dur,
                            sizeof dur);
        result_j_str(res, "duration", dur, &ok);
        cJSON *ext = result_j_obj(res, "extensions", &ok);
        result_j_num(ext, RESULT_XAPI_NS "/ext/turns-played",
                     (double)d->turn_count, &ok);
        result_j_push(root, end, &ok);
        free(x.scenario_iri);
        return result_j_finish(root, ok, d, diags);
    }

    cJSON *done = result_x_statement(&x, "completed", "completed",
                                     info->ended_ms, false, &ok);
    result_j_add(done, "object", result_x_scenario_object(&x, &ok), &ok);
    cJSON *res = result_j_obj(done, "result", &ok);
    result_j_bool(res, "completion", true, &ok);
    char dur[48];
    result_iso_duration(info->ended_ms - info->started_ms, dur, sizeof dur);
    result_j_str(res, "duration", dur, &ok);
    cJSON *ext = result_j_obj(res, "extensions", &ok);
    result_j_str(ext, RESULT_XAPI_NS "/ext/outcome",
                 scenario_outcome_name(d->outcome), &ok);
    result_j_str(ext, RESULT_XAPI_NS "/ext/ending",
                 d->ending ? d->ending->id : NULL, &ok);
    result_j_push(root, done, &ok);

    const char *verdict = d->summary.passed ? "passed" : "failed";
    cJSON *graded =
        result_x_statement(&x, verdict, verdict, info->ended_ms, false, &ok);
    result_j_add(graded, "object", result_x_scenario_object(&x, &ok), &ok);
    res = result_j_obj(graded, "result", &ok);
    result_j_bool(res, "success", d->summary.passed, &ok);
    result_j_bool(res, "completion", true, &ok);
    cJSON *score = result_j_obj(res, "score", &ok);
    result_j_num(score, "scaled", d->summary.overall / 100.0, &ok);
    result_j_num(score, "raw", d->summary.overall, &ok);
    result_j_num(score, "min", 0, &ok);
    result_j_num(score, "max", 100, &ok);
    ext = result_j_obj(res, "extensions", &ok);
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        char key[96];
        result_x_dim_key(dim, key, sizeof key);
        result_j_num(ext, key, d->summary.dim[dim], &ok);
    }
    result_j_num(ext, RESULT_XAPI_NS "/ext/pass-mark", d->sc->pass_mark, &ok);
    /* not passed whatever the score: how many critical mistakes */
    result_j_num(ext, RESULT_XAPI_NS "/ext/critical-mistakes",
                 (double)d->critical_count, &ok);
    result_j_str(ext, RESULT_XAPI_NS "/ext/band",
                 score_band_name(d->summary.band), &ok);
    result_j_push(root, graded, &ok);
    free(x.scenario_iri);
    return result_j_finish(root, ok, d, diags);
}
