/* result_record.c — the JSON record of a finished session, reading a record
 * back from memory or a file; and the helpers the other result_*.c files
 * share (result_internal.h): time formatting, the checks every generator
 * makes, growing strings and JSON building.
 *
 * JSON is built and read with cJSON: none is ever concatenated by hand, so
 * every text the scenario or the trainee supplies comes out escaped.
 */
#define _POSIX_C_SOURCE 200809L
#include "i18n.h"
#include "result.h"
#include "result_internal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlstring.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *result_feedback_mode_name(result_feedback_mode mode)
{
    return mode == RESULT_FEEDBACK_IMMEDIATE ? "immediate" : "withheld";
}

const char *result_status_name(bool complete)
{
    return complete ? "complete" : "incomplete";
}

char *result_default_dir(const char *xdg_data_home, const char *home)
{
    if (xdg_data_home && xdg_data_home[0] == '/') {
        return result_format(
            "%s%srapport/results", xdg_data_home,
            xdg_data_home[strlen(xdg_data_home) - 1] == '/' ? "" : "/");
    }
    if (home && *home) {
        return result_format("%s%s.local/share/rapport/results", home,
                             home[strlen(home) - 1] == '/' ? "" : "/");
    }
    return NULL;
}

/* ---------- strings ---------- */

/* Appends to b; vsnprintf runs twice, once to measure. */
static void result_str_vadd(result_str *b, const char *fmt, va_list ap)
{
    if (b->failed) {
        return;
    }
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *grown = n < 0 ? NULL : realloc(b->s, b->len + (size_t)n + 1);
    if (!grown) {
        va_end(again);
        free(b->s);
        b->s = NULL;
        b->failed = true;
        return;
    }
    b->s = grown;
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
    va_end(again);
    b->len += (size_t)n;
}

void result_str_add(result_str *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    result_str_vadd(b, fmt, ap);
    va_end(ap);
}

char *result_format(const char *fmt, ...)
{
    result_str b = {NULL, 0, false};
    va_list ap;
    va_start(ap, fmt);
    result_str_vadd(&b, fmt, ap);
    va_end(ap);
    return b.s;
}

/* ---------- time ---------- */

bool result_utc_time(int64_t ms, const char *fmt, char *buf, size_t size)
{
    if (size == 0) {
        return false;
    }
    buf[0] = '\0';
    if (ms < 0 || ms > RESULT_MAX_EPOCH_MS) {
        return false;
    }
    time_t secs = (time_t)(ms / 1000);
    struct tm tm;
    if (!gmtime_r(&secs, &tm) || strftime(buf, size, fmt, &tm) == 0) {
        buf[0] = '\0';
        return false;
    }
    return true;
}

bool result_iso_time(int64_t ms, char *buf, size_t size)
{
    if (!result_utc_time(ms, "%Y-%m-%dT%H:%M:%S", buf, size)) {
        return false;
    }
    size_t n = strlen(buf);
    int w = snprintf(buf + n, size - n, ".%03dZ", (int)(ms % 1000));
    return w > 0 && (size_t)w < size - n;
}

/* Days from 1970-01-01 to a proleptic Gregorian date. */
static int64_t result_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Reads what result_iso_time writes (the fraction is optional). */
static bool result_parse_iso_time(const char *s, int64_t *out)
{
    int y, mo, d, h, mi, sec, frac = 0, used = 0;
    size_t len = strlen(s);
    if (len == 24) {
        if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ%n", &y, &mo, &d, &h, &mi,
                   &sec, &frac, &used) != 7) {
            return false;
        }
    } else if (len == 20) {
        if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &sec,
                   &used) != 6) {
            return false;
        }
    } else {
        return false;
    }
    if ((size_t)used != len || mo < 1 || mo > 12 || d < 1 || d > 31 ||
        h > 23 || mi > 59 || sec > 59 || y < 1970 || frac < 0) {
        return false;
    }
    int64_t ms = ((result_days_from_civil(y, mo, d) * 24 + h) * 60 + mi);
    ms = (ms * 60 + sec) * 1000 + frac;
    /* reject what does not write back the same (e.g. 31 February) */
    char check[RESULT_ISO_SIZE];
    if (!result_iso_time(ms, check, sizeof check) ||
        strncmp(check, s, 19) != 0) {
        return false;
    }
    *out = ms;
    return true;
}

/* ---------- checks ---------- */

bool result_trainee_valid(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > RESULT_MAX_TRAINEE_BYTES || strspn(name, " ") == n ||
        !xmlCheckUTF8((const unsigned char *)name)) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c < 0x20 || c == 0x7F) {
            return false;
        }
    }
    return true;
}

bool result_check(const debrief *d, const result_info *info, diag_list *diags)
{
    if (!d || !d->sc) {
        diag_add(diags, DIAG_ERROR, "results", 0, 0, "no session given");
        return false;
    }
    const char *path = d->sc->path ? d->sc->path : "results";
    if (!info) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "no result info given");
        return false;
    }
    if (!d->finished && !info->interrupted) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "the session has not reached an ending; only finished "
                 "sessions have results");
        return false;
    }
    if (!result_trainee_valid(info->trainee)) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "the trainee's name must be 1-%d bytes of UTF-8, not only "
                 "spaces, without control characters",
                 RESULT_MAX_TRAINEE_BYTES);
        return false;
    }
    if (info->started_ms < 0 || info->started_ms > RESULT_MAX_EPOCH_MS ||
        info->ended_ms < info->started_ms ||
        info->ended_ms > RESULT_MAX_EPOCH_MS) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "start and end times are out of range (start %lld ms, end "
                 "%lld ms since 1970)",
                 (long long)info->started_ms, (long long)info->ended_ms);
        return false;
    }
    return true;
}

void result_no_memory(const debrief *d, diag_list *diags)
{
    diag_add(diags, DIAG_ERROR,
             d && d->sc && d->sc->path ? d->sc->path : "results", 0, 0,
             "out of memory");
}

/* ---------- JSON building with failure tracking ---------- */

cJSON *result_j_add(cJSON *obj, const char *key, cJSON *item, bool *ok)
{
    if (!item || !obj || !cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        *ok = false;
        return NULL;
    }
    return item;
}

void result_j_str(cJSON *obj, const char *key, const char *s, bool *ok)
{
    result_j_add(obj, key, s ? cJSON_CreateString(s) : cJSON_CreateNull(), ok);
}

void result_j_num(cJSON *obj, const char *key, double v, bool *ok)
{
    result_j_add(obj, key, cJSON_CreateNumber(v), ok);
}

void result_j_uint(cJSON *obj, const char *key, uint64_t v, bool *ok)
{
    /* cJSON prints a number with 15 digits when that reads back "equal"
     * within a relative epsilon, which loses the last digit of a seed near
     * 2^53: written exactly instead */
    char text[24];
    snprintf(text, sizeof text, "%llu", (unsigned long long)v);
    result_j_add(obj, key, cJSON_CreateRaw(text), ok);
}

void result_j_bool(cJSON *obj, const char *key, bool v, bool *ok)
{
    result_j_add(obj, key, cJSON_CreateBool(v), ok);
}

cJSON *result_j_obj(cJSON *obj, const char *key, bool *ok)
{
    return result_j_add(obj, key, cJSON_CreateObject(), ok);
}

void result_j_push(cJSON *array, cJSON *item, bool *ok)
{
    if (!item || !array || !cJSON_AddItemToArray(array, item)) {
        cJSON_Delete(item);
        *ok = false;
    }
}

char *result_j_finish(cJSON *root, bool ok, const debrief *d, diag_list *diags)
{
    char *text = ok && root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text) {
        result_no_memory(d, diags);
    }
    return text;
}

/* ---------- the record ---------- */

static cJSON *result_record_turn(const debrief_turn *t, bool *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = false;
        return NULL;
    }
    result_j_str(o, "node", t->node->id, ok);
    char *said = debrief_customer_text(t->node);
    if (!said) {
        *ok = false;
    }
    result_j_str(o, "customer", said ? said : "", ok);
    free(said);
    if (t->chosen) {
        result_j_num(o, "choice", t->chosen_pos, ok);
        result_j_num(o, "choice_index", (double)(t->chosen - t->node->choices),
                     ok);
        result_j_str(o, "reply", t->chosen->say ? t->chosen->say : "", ok);
    } else {
        result_j_add(o, "choice", cJSON_CreateNull(), ok);
        result_j_add(o, "choice_index", cJSON_CreateNull(), ok);
        result_j_add(o, "reply", cJSON_CreateNull(), ok);
    }
    result_j_num(o, "response_ms", t->response_ms, ok);
    result_j_num(o, "target_ms", t->target_ms, ok);
    result_j_bool(o, "timed_out", t->chosen == NULL, ok);
    if (t->chosen) {
        cJSON *e = result_j_obj(o, "effects", ok);
        for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
            result_j_num(e, scenario_dim_name((scenario_dim)dim),
                         t->chosen->rating[dim], ok);
        }
        result_j_num(e, "mood", t->chosen->mood_change, ok);
    } else {
        result_j_add(o, "effects", cJSON_CreateNull(), ok);
    }
    result_j_num(o, "mood_before", t->mood_before, ok);
    result_j_num(o, "mood_after", t->mood_after, ok);
    if (t->better) {
        cJSON *b = result_j_obj(o, "better", ok);
        result_j_num(b, "choice", t->better_pos, ok);
        result_j_num(b, "choice_index", (double)(t->better - t->node->choices),
                     ok);
        result_j_str(b, "reply", t->better->say ? t->better->say : "", ok);
    } else {
        result_j_add(o, "better", cJSON_CreateNull(), ok);
    }
    cJSON *s = result_j_obj(o, "scores", ok);
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        const char *name = scenario_dim_name((scenario_dim)dim);
        if (t->score.counted[dim]) {
            result_j_num(s, name, score_round(100.0 * t->score.value[dim]),
                         ok);
        } else {
            result_j_add(s, name, cJSON_CreateNull(), ok);
        }
    }
    return o;
}

char *result_record_json(const debrief *d, const result_info *info,
                         diag_list *diags)
{
    if (!result_check(d, info, diags)) {
        return NULL;
    }
    const scenario *sc = d->sc;
    bool ok = true;
    char started[RESULT_ISO_SIZE];
    char ended[RESULT_ISO_SIZE];
    result_iso_time(info->started_ms, started, sizeof started);
    result_iso_time(info->ended_ms, ended, sizeof ended);
    cJSON *root = cJSON_CreateObject();
    ok = root != NULL;
    result_j_str(root, "format", RESULT_FORMAT, &ok);
    result_j_num(root, "format_version", RESULT_FORMAT_VERSION, &ok);
    result_j_str(root, "status", result_status_name(d->finished), &ok);
    result_j_str(root, "trainee", info->trainee, &ok);
    cJSON *s = result_j_obj(root, "scenario", &ok);
    result_j_str(s, "id", sc->id ? sc->id : "", &ok);
    result_j_str(s, "version", sc->version ? sc->version : "", &ok);
    result_j_str(s, "title", sc->title ? sc->title : "", &ok);
    result_j_str(root, "started", started, &ok);
    result_j_str(root, "ended", ended, &ok);
    result_j_num(root, "duration_ms",
                 (double)(info->ended_ms - info->started_ms), &ok);
    cJSON *settings = result_j_obj(root, "settings", &ok);
    result_j_str(settings, "feedback_mode",
                 result_feedback_mode_name(info->feedback_mode), &ok);
    result_j_bool(settings, "relaxed_timing", d->relaxed_timing, &ok);
    result_j_bool(settings, "shuffle", d->shuffled, &ok);
    result_j_uint(settings, "seed", d->seed, &ok);
    cJSON *transcript =
        result_j_add(root, "transcript", cJSON_CreateArray(), &ok);
    for (size_t i = 0; ok && i < d->turn_count; i++) {
        result_j_push(transcript, result_record_turn(&d->turns[i], &ok), &ok);
    }
    cJSON *scores = result_j_obj(root, "scores", &ok);
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        result_j_num(scores, scenario_dim_name((scenario_dim)dim),
                     d->summary.dim[dim], &ok);
    }
    result_j_num(scores, "overall", d->summary.overall, &ok);
    result_j_str(root, "band", score_band_name(d->summary.band), &ok);
    result_j_bool(root, "passed", d->finished && d->summary.passed, &ok);
    cJSON *critical =
        result_j_add(root, "critical_mistakes", cJSON_CreateArray(), &ok);
    for (size_t i = 0; ok && i < d->turn_count; i++) {
        const debrief_turn *t = &d->turns[i];
        if (t->critical) {
            cJSON *c = cJSON_CreateObject();
            result_j_num(c, "turn", t->number, &ok);
            result_j_str(c, "node", t->node->id, &ok);
            result_j_num(c, "choice_index",
                         (double)(t->chosen - t->node->choices), &ok);
            result_j_str(c, "reason", t->critical, &ok);
            result_j_push(critical, c, &ok);
        }
    }
    result_j_num(root, "pass_mark", sc->pass_mark, &ok);
    result_j_str(root, "outcome",
                 d->finished ? scenario_outcome_name(d->outcome) : NULL, &ok);
    result_j_str(root, "ending", d->ending ? d->ending->id : NULL, &ok);
    return result_j_finish(root, ok, d, diags);
}

/* ---------- reading a record back ---------- */

typedef struct {
    const char *name;
    diag_list *diags;
    bool failed;
} result_reader;

static void result_rd_error(result_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void result_rd_error(result_reader *r, const char *fmt, ...)
{
    if (r->failed) {
        return; /* the first problem is the one worth reading */
    }
    r->failed = true;
    va_list ap;
    va_start(ap, fmt);
    diag_addv(r->diags, DIAG_ERROR, r->name, 0, 0, fmt, ap);
    va_end(ap);
}

/* "not a Rapport result: 'WHEREKEY' is missing or not WHAT" */
static void result_rd_missing(result_reader *r, const char *where,
                              const char *key, const char *what)
{
    result_rd_error(r, "not a Rapport result: '%s%s' is missing or not %s",
                    where, key, what);
}

static const cJSON *result_rd_item(const cJSON *obj, const char *key)
{
    return cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key)
                               : NULL;
}

/* A string (or null when nullable, giving NULL). */
static void result_rd_string(result_reader *r, const cJSON *obj,
                             const char *where, const char *key, bool nullable,
                             char **out)
{
    const cJSON *item = result_rd_item(obj, key);
    if (r->failed) {
        return;
    }
    if (nullable && cJSON_IsNull(item)) {
        *out = NULL;
        return;
    }
    const char *s = cJSON_GetStringValue(item);
    if (!s) {
        result_rd_missing(r, where, key, _("a string"));
        return;
    }
    if (!xmlCheckUTF8((const unsigned char *)s)) {
        result_rd_error(r, "'%s%s' is not valid UTF-8", where, key);
        return;
    }
    *out = strdup(s);
    if (!*out) {
        result_rd_error(r, "out of memory");
    }
}

/* An integer within min..max (or null when nullable, giving if_null). */
static int64_t result_rd_int(result_reader *r, const cJSON *obj,
                             const char *where, const char *key, int64_t min,
                             int64_t max, bool nullable, int64_t if_null)
{
    const cJSON *item = result_rd_item(obj, key);
    if (r->failed) {
        return if_null;
    }
    if (nullable && cJSON_IsNull(item)) {
        return if_null;
    }
    if (!cJSON_IsNumber(item)) {
        result_rd_missing(r, where, key, _("a number"));
        return if_null;
    }
    double v = cJSON_GetNumberValue(item);
    if (!(v >= (double)min && v <= (double)max) || v != (double)(int64_t)v) {
        result_rd_error(r,
                        "'%s%s' is %g, expected a whole number from %lld "
                        "to %lld",
                        where, key, v, (long long)min, (long long)max);
        return if_null;
    }
    return (int64_t)v;
}

static bool result_rd_bool(result_reader *r, const cJSON *obj,
                           const char *where, const char *key)
{
    const cJSON *item = result_rd_item(obj, key);
    if (r->failed) {
        return false;
    }
    if (!cJSON_IsBool(item)) {
        result_rd_missing(r, where, key, "true/false");
        return false;
    }
    return cJSON_IsTrue(item);
}

static const cJSON *result_rd_object(result_reader *r, const cJSON *obj,
                                     const char *where, const char *key)
{
    const cJSON *item = result_rd_item(obj, key);
    if (!r->failed && !cJSON_IsObject(item)) {
        result_rd_missing(r, where, key, _("an object"));
    }
    return item;
}

static void result_rd_time(result_reader *r, const cJSON *root,
                           const char *key, int64_t *out)
{
    char *s = NULL;
    result_rd_string(r, root, "", key, false, &s);
    if (s && !result_parse_iso_time(s, out)) {
        result_rd_error(r,
                        "'%s' is \"%s\", expected a UTC time like "
                        "2025-03-04T09:15:00.000Z",
                        key, s);
    }
    free(s);
}

static void result_rd_turn(result_reader *r, const cJSON *o, size_t i,
                           int version, result_turn *t)
{
    char where[48];
    snprintf(where, sizeof where, "transcript[%zu].", i);
    if (!cJSON_IsObject(o)) {
        result_rd_error(r,
                        "not a Rapport result: 'transcript[%zu]' is not "
                        "an object",
                        i);
        return;
    }
    result_rd_string(r, o, where, "node", false, &t->node);
    t->timed_out = result_rd_bool(r, o, where, "timed_out");
    bool timed_out = t->timed_out;
    t->choice = (int)result_rd_int(r, o, where, "choice", 1,
                                   SCENARIO_MAX_CHOICES, timed_out, 0);
    t->choice_index =
        (int)result_rd_int(r, o, where, "choice_index", 0, 15, timed_out, -1);
    result_rd_string(r, o, where, "reply", timed_out, &t->reply);
    t->response_ms =
        (int)result_rd_int(r, o, where, "response_ms", 0, INT32_MAX, false, 0);
    t->target_ms =
        (int)result_rd_int(r, o, where, "target_ms", 0, INT32_MAX, false, 0);
    const cJSON *e = result_rd_item(o, "effects");
    if (!(timed_out && cJSON_IsNull(e))) {
        char ewhere[64];
        snprintf(ewhere, sizeof ewhere, "%seffects.", where);
        e = result_rd_object(r, o, where, "effects");
        for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
            t->effect[dim] = (int)result_rd_int(
                r, e, ewhere, scenario_dim_name((scenario_dim)dim), -10, 10,
                false, 0);
        }
        t->effect_mood =
            (int)result_rd_int(r, e, ewhere, "mood", -100, 100, false, 0);
    }
    t->mood_before =
        (int)result_rd_int(r, o, where, "mood_before", 0, 100, false, 0);
    t->mood_after =
        (int)result_rd_int(r, o, where, "mood_after", 0, 100, false, 0);
    t->better_index = -1;
    if (version >= 2) {
        result_rd_string(r, o, where, "customer", false, &t->customer);
        const cJSON *b = result_rd_item(o, "better");
        if (!r->failed && !cJSON_IsNull(b)) {
            char bwhere[64];
            snprintf(bwhere, sizeof bwhere, "%sbetter.", where);
            b = result_rd_object(r, o, where, "better");
            t->better_choice = (int)result_rd_int(
                r, b, bwhere, "choice", 1, SCENARIO_MAX_CHOICES, false, 0);
            t->better_index = (int)result_rd_int(r, b, bwhere, "choice_index",
                                                 0, 15, false, -1);
            result_rd_string(r, b, bwhere, "reply", false, &t->better_reply);
        }
    }
    char swhere[64];
    snprintf(swhere, sizeof swhere, "%sscores.", where);
    const cJSON *s = result_rd_object(r, o, where, "scores");
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        t->score[dim] = (int)result_rd_int(
            r, s, swhere, scenario_dim_name((scenario_dim)dim), 0, 100, true,
            -1);
    }
}

static void result_rd_record(result_reader *r, const cJSON *root,
                             result_record *rec)
{
    rec->format_version = (int)result_rd_int(r, root, "", "format_version", 1,
                                             INT32_MAX, false, 0);
    if (!r->failed && rec->format_version > RESULT_FORMAT_VERSION) {
        result_rd_error(r,
                        "result format version %d was written by a newer "
                        "Rapport; this one reads versions 1 to %d",
                        rec->format_version, RESULT_FORMAT_VERSION);
    }
    rec->complete = true;
    if (rec->format_version >= 2) {
        char *status = NULL;
        result_rd_string(r, root, "", "status", false, &status);
        if (status && strcmp(status, "incomplete") == 0) {
            rec->complete = false;
        } else if (status && strcmp(status, "complete") != 0) {
            result_rd_error(r,
                            "'status' is \"%s\", expected \"complete\" or "
                            "\"incomplete\"",
                            status);
        }
        free(status);
    }
    result_rd_string(r, root, "", "trainee", false, &rec->trainee);
    const cJSON *s = result_rd_object(r, root, "", "scenario");
    result_rd_string(r, s, "scenario.", "id", false, &rec->scenario_id);
    result_rd_string(r, s, "scenario.", "version", false,
                     &rec->scenario_version);
    result_rd_string(r, s, "scenario.", "title", false, &rec->scenario_title);
    result_rd_time(r, root, "started", &rec->started_ms);
    result_rd_time(r, root, "ended", &rec->ended_ms);
    rec->duration_ms = result_rd_int(r, root, "", "duration_ms", 0,
                                     RESULT_MAX_EPOCH_MS, false, 0);
    const cJSON *settings = result_rd_object(r, root, "", "settings");
    char *mode = NULL;
    result_rd_string(r, settings, "settings.", "feedback_mode", false, &mode);
    if (mode && strcmp(mode, "immediate") == 0) {
        rec->feedback_mode = RESULT_FEEDBACK_IMMEDIATE;
    } else if (mode && strcmp(mode, "withheld") != 0) {
        result_rd_error(r,
                        "'settings.feedback_mode' is \"%s\", expected "
                        "\"withheld\" or \"immediate\"",
                        mode);
    }
    free(mode);
    rec->relaxed_timing =
        result_rd_bool(r, settings, "settings.", "relaxed_timing");
    if (rec->format_version >= 3) {
        rec->shuffled = result_rd_bool(r, settings, "settings.", "shuffle");
        rec->seed = result_rd_int(r, settings, "settings.", "seed", 0,
                                  (int64_t)SESSION_SEED_MAX, false, 0);
    }
    const cJSON *transcript = result_rd_item(root, "transcript");
    if (!r->failed && !cJSON_IsArray(transcript)) {
        result_rd_missing(r, "", "transcript", "an array");
    }
    size_t n = r->failed ? 0 : (size_t)cJSON_GetArraySize(transcript);
    if (n > 0) {
        rec->turns = calloc(n, sizeof *rec->turns);
        if (!rec->turns) {
            result_rd_error(r, "out of memory");
        }
    }
    size_t i = 0;
    for (const cJSON *item = rec->turns ? transcript->child : NULL;
         item && i < n && !r->failed; item = item->next) {
        result_rd_turn(r, item, i, rec->format_version, &rec->turns[i]);
        i++;
        rec->turn_count = i;
    }
    const cJSON *scores = result_rd_object(r, root, "", "scores");
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        rec->score[dim] = (int)result_rd_int(
            r, scores, "scores.", scenario_dim_name((scenario_dim)dim), 0, 100,
            false, 0);
    }
    rec->overall =
        (int)result_rd_int(r, scores, "scores.", "overall", 0, 100, false, 0);
    char *band = NULL;
    result_rd_string(r, root, "", "band", false, &band);
    if (band) {
        int found = -1;
        for (int b = SCORE_BAND_NEEDS_PRACTICE; b <= SCORE_BAND_EXCELLENT;
             b++) {
            if (strcmp(band, score_band_name((score_band)b)) == 0) {
                found = b;
            }
        }
        if (found < 0) {
            result_rd_error(r, "'band' is \"%s\", not a score band", band);
        }
        rec->band = found < 0 ? SCORE_BAND_NEEDS_PRACTICE : (score_band)found;
    }
    free(band);
    rec->passed = result_rd_bool(r, root, "", "passed");
    if (rec->format_version >= 3) {
        const cJSON *critical = result_rd_item(root, "critical_mistakes");
        if (!r->failed && !cJSON_IsArray(critical)) {
            result_rd_missing(r, "", "critical_mistakes", "an array");
        }
        rec->critical_count =
            r->failed ? 0 : (size_t)cJSON_GetArraySize(critical);
    }
    rec->pass_mark =
        (int)result_rd_int(r, root, "", "pass_mark", 0, 100, false, 0);
    rec->outcome = SCENARIO_OUTCOME_LOST;
    char *outcome = NULL;
    result_rd_string(r, root, "", "outcome", !rec->complete, &outcome);
    if (outcome) {
        int o = scenario_outcome_from_name(outcome);
        if (o < 0) {
            result_rd_error(r, "'outcome' is \"%s\", not an outcome", outcome);
        }
        rec->outcome = o < 0 ? SCENARIO_OUTCOME_LOST : (scenario_outcome)o;
    }
    free(outcome);
    result_rd_string(r, root, "", "ending", true, &rec->ending);
}

result_record *result_record_parse(const char *text, size_t size,
                                   const char *name, diag_list *diags)
{
    result_reader r = {name ? name : "result", diags, false};
    if (!text) {
        result_rd_error(&r, "no data");
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, size, &end, false);
    if (!root) {
        int line = 1;
        int col = 1;
        for (const char *p = text; end && p < end && p < text + size; p++) {
            if (*p == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        diag_add(diags, DIAG_ERROR, r.name, end ? line : 0, end ? col : 0,
                 "not a Rapport result: this is not valid JSON");
        return NULL;
    }
    const char *format = cJSON_GetStringValue(result_rd_item(root, "format"));
    if (!cJSON_IsObject(root) || !format ||
        strcmp(format, RESULT_FORMAT) != 0) {
        if (format) {
            result_rd_error(&r,
                            "not a Rapport result: \"format\" is \"%.60s\""
                            ", expected \"%s\"",
                            format, RESULT_FORMAT);
        } else {
            result_rd_error(&r, "not a Rapport result: no \"format\": \"%s\"",
                            RESULT_FORMAT);
        }
        cJSON_Delete(root);
        return NULL;
    }
    result_record *rec = calloc(1, sizeof *rec);
    if (!rec) {
        result_rd_error(&r, "out of memory");
        cJSON_Delete(root);
        return NULL;
    }
    result_rd_record(&r, root, rec);
    cJSON_Delete(root);
    if (r.failed) {
        result_record_free(rec);
        return NULL;
    }
    return rec;
}

char *result_read_file(const char *path, size_t max_bytes, const char *what,
                       size_t *size_out, diag_list *diags)
{
    const char *name = path ? path : what;
    int fd = path ? open(path, O_RDONLY | O_NONBLOCK) : -1;
    if (fd < 0) {
        diag_add(diags, DIAG_ERROR, name, 0, 0, "cannot open: %s",
                 path ? strerror(errno) : "no file given");
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    size_t size = 0;
    if (fstat(fd, &st) != 0) {
        diag_add(diags, DIAG_ERROR, name, 0, 0, "cannot read: %s",
                 strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, name, 0, 0,
                 "not a regular file; a %s is a file", what);
    } else if ((uintmax_t)st.st_size > max_bytes) {
        diag_add(diags, DIAG_ERROR, name, 0, 0,
                 "file is larger than %zu MiB; not a Rapport %s",
                 max_bytes / (1024u * 1024u), what);
    } else {
        size_t want = (size_t)st.st_size;
        buf = malloc(want + 1);
        if (!buf) {
            diag_add(diags, DIAG_ERROR, name, 0, 0, "out of memory");
        }
        while (buf && size < want) {
            ssize_t got = read(fd, buf + size, want - size);
            if (got < 0 && errno == EINTR) {
                continue;
            }
            if (got < 0) {
                diag_add(diags, DIAG_ERROR, name, 0, 0, "cannot read: %s",
                         strerror(errno));
                free(buf);
                buf = NULL;
            }
            if (got <= 0) {
                break; /* a file that shrank is read as far as it goes */
            }
            size += (size_t)got;
        }
    }
    close(fd);
    if (buf) {
        buf[size] = '\0';
        *size_out = size;
    }
    return buf;
}

result_record *result_record_load_file(const char *path, diag_list *diags)
{
    size_t size = 0;
    char *buf =
        result_read_file(path, RESULT_MAX_FILE_BYTES, "result", &size, diags);
    if (!buf) {
        return NULL;
    }
    result_record *rec = result_record_parse(buf, size, path, diags);
    free(buf);
    return rec;
}

void result_record_free(result_record *r)
{
    if (!r) {
        return;
    }
    for (size_t i = 0; i < r->turn_count; i++) {
        free(r->turns[i].node);
        free(r->turns[i].reply);
        free(r->turns[i].customer);
        free(r->turns[i].better_reply);
    }
    free(r->turns);
    free(r->trainee);
    free(r->scenario_id);
    free(r->scenario_version);
    free(r->scenario_title);
    free(r->ending);
    free(r);
}
