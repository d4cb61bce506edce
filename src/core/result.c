/* result.c — the record (JSON), the report (HTML) and the xAPI statements of
 * a finished session, reading a record back, and saving all three safely.
 *
 * JSON is built and read with cJSON, HTML and SVG with libxml2's tree API
 * and serialisers: no markup or JSON is ever concatenated by hand, so every
 * text the scenario or the trainee supplies comes out escaped.
 */
#define _POSIX_C_SOURCE 200809L
#include "result.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlstring.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* 9999-12-31T23:59:59.999Z */
#define RESULT_MAX_EPOCH_MS INT64_C(253402300799999)
#define RESULT_ISO_SIZE 32
#define RESULT_MAX_COUNTER 99
#define RESULT_SLUG_MAX 40
#define RESULT_XAPI_VERBS "http://adlnet.gov/expapi/verbs/"
#define RESULT_XAPI_SIMULATION "http://adlnet.gov/expapi/activities/simulation"
#define RESULT_XAPI_INTERACTION                                               \
    "http://adlnet.gov/expapi/activities/interaction"
#define RESULT_SVG_NS "http://www.w3.org/2000/svg"

static const char *const result_file_ext[RESULT_FILE_COUNT] = {
    ".json", ".html", ".xapi.json"};

const char *result_feedback_mode_name(result_feedback_mode mode)
{
    return mode == RESULT_FEEDBACK_IMMEDIATE ? "immediate" : "withheld";
}

/* ---------- small helpers ---------- */

static char *result_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy) {
        memcpy(copy, s, n);
    }
    return copy;
}

/* printf into a new malloc'd string, or NULL. */
static char *result_format(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static char *result_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return NULL;
    }
    char *s = malloc((size_t)n + 1);
    if (!s) {
        return NULL;
    }
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* A growing string for alt texts; on no memory it stays NULL. */
typedef struct {
    char *s;
    size_t len;
    bool failed;
} result_str;

static void result_str_add(result_str *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void result_str_add(result_str *b, const char *fmt, ...)
{
    if (b->failed) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *grown = n < 0 ? NULL : realloc(b->s, b->len + (size_t)n + 1);
    if (!grown) {
        free(b->s);
        b->s = NULL;
        b->failed = true;
        return;
    }
    b->s = grown;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* "2025-03-04T09:15:00.250Z" */
static bool result_iso_time(int64_t ms, char *buf, size_t size)
{
    if (ms < 0 || ms > RESULT_MAX_EPOCH_MS) {
        return false;
    }
    time_t secs = (time_t)(ms / 1000);
    struct tm tm;
    if (!gmtime_r(&secs, &tm)) {
        return false;
    }
    size_t n = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
    if (n == 0) {
        return false;
    }
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

/* "6.5 s", as the text debrief shows times. */
static void result_seconds(char *buf, size_t size, int ms)
{
    snprintf(buf, size, "%d.%d s", ms / 1000, (ms % 1000) / 100);
}

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

/* What every generator needs: a finished session and sound info. */
static bool result_check(const debrief *d, const result_info *info,
                         diag_list *diags)
{
    if (!d || !d->sc) {
        diag_add(diags, DIAG_ERROR, "results", 0, 0, "no session given");
        return false;
    }
    const char *path = d->sc->path ? d->sc->path : "results";
    if (!d->finished) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "the session has not reached an ending; only finished "
                 "sessions have results");
        return false;
    }
    if (!info) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "no result info given");
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

static void result_no_memory(const debrief *d, diag_list *diags)
{
    diag_add(diags, DIAG_ERROR,
             d && d->sc && d->sc->path ? d->sc->path : "results", 0, 0,
             "out of memory");
}

/* ---------- name-based UUIDs (RFC 4122 version 5, SHA-1) ---------- */

typedef struct {
    uint32_t h[5];
    uint64_t length;
    unsigned char block[64];
    size_t used;
} result_sha1;

static uint32_t result_rol(uint32_t x, int n)
{
    return (x << n) | (x >> (32 - n));
}

static void result_sha1_block(uint32_t h[5], const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++) {
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    }
    for (int i = 16; i < 80; i++) {
        w[i] = result_rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f;
        uint32_t k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999u;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1u;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDCu;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6u;
        }
        uint32_t t = result_rol(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = result_rol(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

static void result_sha1_init(result_sha1 *s)
{
    static const uint32_t init[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu,
                                     0x10325476u, 0xC3D2E1F0u};
    memcpy(s->h, init, sizeof init);
    s->length = 0;
    s->used = 0;
}

static void result_sha1_update(result_sha1 *s, const void *data, size_t n)
{
    const unsigned char *p = data;
    s->length += n;
    while (n > 0) {
        size_t take = 64 - s->used < n ? 64 - s->used : n;
        memcpy(s->block + s->used, p, take);
        s->used += take;
        p += take;
        n -= take;
        if (s->used == 64) {
            result_sha1_block(s->h, s->block);
            s->used = 0;
        }
    }
}

static void result_sha1_final(result_sha1 *s, unsigned char out[20])
{
    uint64_t bits = s->length * 8;
    unsigned char pad = 0x80;
    result_sha1_update(s, &pad, 1);
    pad = 0;
    while (s->used != 56) {
        result_sha1_update(s, &pad, 1);
    }
    unsigned char len[8];
    for (int i = 0; i < 8; i++) {
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    }
    result_sha1_update(s, len, 8);
    for (int i = 0; i < 5; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)s->h[i];
    }
}

static void result_uuid_bytes(const unsigned char ns[16], const char *name,
                              unsigned char out[16])
{
    result_sha1 s;
    unsigned char digest[20];
    result_sha1_init(&s);
    result_sha1_update(&s, ns, 16);
    result_sha1_update(&s, name, strlen(name));
    result_sha1_final(&s, digest);
    memcpy(out, digest, 16);
    out[6] = (unsigned char)((out[6] & 0x0F) | 0x50);
    out[8] = (unsigned char)((out[8] & 0x3F) | 0x80);
}

void result_uuid_v5(const unsigned char ns[16], const char *name, char out[37])
{
    unsigned char u[16];
    result_uuid_bytes(ns, name, u);
    size_t o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out[o++] = '-';
        }
        snprintf(out + o, 3, "%02x", u[i]);
        o += 2;
    }
    out[36] = '\0';
}

/* The namespace of our statement ids: uuid5(URL namespace, our IRI). */
static void result_xapi_namespace(unsigned char ns[16])
{
    static const unsigned char url_ns[16] = {
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
        0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    result_uuid_bytes(url_ns, RESULT_XAPI_NS, ns);
}

/* ---------- JSON building with failure tracking ---------- */

static cJSON *result_j_add(cJSON *obj, const char *key, cJSON *item, bool *ok)
{
    if (!item || !obj || !cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        *ok = false;
        return NULL;
    }
    return item;
}

static void result_j_str(cJSON *obj, const char *key, const char *s, bool *ok)
{
    result_j_add(obj, key, s ? cJSON_CreateString(s) : cJSON_CreateNull(), ok);
}

static void result_j_num(cJSON *obj, const char *key, double v, bool *ok)
{
    result_j_add(obj, key, cJSON_CreateNumber(v), ok);
}

static void result_j_bool(cJSON *obj, const char *key, bool v, bool *ok)
{
    result_j_add(obj, key, cJSON_CreateBool(v), ok);
}

static cJSON *result_j_obj(cJSON *obj, const char *key, bool *ok)
{
    return result_j_add(obj, key, cJSON_CreateObject(), ok);
}

static void result_j_push(cJSON *array, cJSON *item, bool *ok)
{
    if (!item || !array || !cJSON_AddItemToArray(array, item)) {
        cJSON_Delete(item);
        *ok = false;
    }
}

/* Prints and frees root; NULL (with a diagnostic) if anything failed. */
static char *result_j_finish(cJSON *root, bool ok, const debrief *d,
                             diag_list *diags)
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
    result_j_bool(root, "passed", d->summary.passed, &ok);
    result_j_num(root, "pass_mark", sc->pass_mark, &ok);
    result_j_str(root, "outcome", scenario_outcome_name(d->outcome), &ok);
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
        result_rd_error(r,
                        "not a Rapport result: '%s%s' is missing or not "
                        "a string",
                        where, key);
        return;
    }
    if (!xmlCheckUTF8((const unsigned char *)s)) {
        result_rd_error(r, "'%s%s' is not valid UTF-8", where, key);
        return;
    }
    *out = result_strdup(s);
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
        result_rd_error(r,
                        "not a Rapport result: '%s%s' is missing or not "
                        "a number",
                        where, key);
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
        result_rd_error(r,
                        "not a Rapport result: '%s%s' is missing or not "
                        "true/false",
                        where, key);
        return false;
    }
    return cJSON_IsTrue(item);
}

static const cJSON *result_rd_object(result_reader *r, const cJSON *obj,
                                     const char *where, const char *key)
{
    const cJSON *item = result_rd_item(obj, key);
    if (!r->failed && !cJSON_IsObject(item)) {
        result_rd_error(r,
                        "not a Rapport result: '%s%s' is missing or not "
                        "an object",
                        where, key);
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
                           result_turn *t)
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
                        "Rapport; this one reads version %d",
                        rec->format_version, RESULT_FORMAT_VERSION);
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
    const cJSON *transcript = result_rd_item(root, "transcript");
    if (!r->failed && !cJSON_IsArray(transcript)) {
        result_rd_error(r, "not a Rapport result: 'transcript' is missing or "
                           "not an array");
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
        result_rd_turn(r, item, i, &rec->turns[i]);
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
    rec->pass_mark =
        (int)result_rd_int(r, root, "", "pass_mark", 0, 100, false, 0);
    char *outcome = NULL;
    result_rd_string(r, root, "", "outcome", false, &outcome);
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

result_record *result_record_load_file(const char *path, diag_list *diags)
{
    const char *name = path ? path : "result";
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
                 "not a regular file; a result is a .json file");
    } else if ((uintmax_t)st.st_size > RESULT_MAX_FILE_BYTES) {
        diag_add(diags, DIAG_ERROR, name, 0, 0,
                 "file is larger than %u MiB; not a Rapport result",
                 RESULT_MAX_FILE_BYTES / (1024u * 1024u));
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
    if (!buf) {
        return NULL;
    }
    buf[size] = '\0';
    result_record *rec = result_record_parse(buf, size, name, diags);
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
    }
    free(r->turns);
    free(r->trainee);
    free(r->scenario_id);
    free(r->scenario_version);
    free(r->scenario_title);
    free(r->ending);
    free(r);
}

/* ---------- HTML and SVG building with failure tracking ---------- */

typedef struct {
    bool failed;
} result_html;

static xmlNodePtr result_h_el(result_html *h, xmlNodePtr parent,
                              const char *name, const char *text)
{
    xmlNodePtr n = parent ? xmlNewTextChild(parent, NULL, BAD_CAST name,
                                            text ? BAD_CAST text : NULL)
                          : NULL;
    if (!n) {
        h->failed = true;
    }
    return n;
}

static xmlNodePtr result_h_elf(result_html *h, xmlNodePtr parent,
                               const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static xmlNodePtr result_h_elf(result_html *h, xmlNodePtr parent,
                               const char *name, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return result_h_el(h, parent, name, buf);
}

static void result_h_attr(result_html *h, xmlNodePtr n, const char *name,
                          const char *value)
{
    if (!n || !xmlNewProp(n, BAD_CAST name, BAD_CAST value)) {
        h->failed = true;
    }
}

static void result_h_attrf(result_html *h, xmlNodePtr n, const char *name,
                           const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void result_h_attrf(result_html *h, xmlNodePtr n, const char *name,
                           const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    result_h_attr(h, n, name, buf);
}

static void result_h_text(result_html *h, xmlNodePtr parent, const char *text)
{
    xmlNodePtr t = parent ? xmlNewText(BAD_CAST text) : NULL;
    if (!t || !xmlAddChild(parent, t)) {
        xmlFreeNode(t);
        h->failed = true;
    }
}

/* <p><strong>label</strong> text</p> */
static xmlNodePtr result_h_field(result_html *h, xmlNodePtr parent,
                                 const char *label, const char *text)
{
    xmlNodePtr p = result_h_el(h, parent, "p", NULL);
    result_h_el(h, p, "strong", label);
    result_h_text(h, p, " ");
    result_h_text(h, p, text ? text : "");
    return p;
}

/* SVG element with a class and numeric attributes given as name, value
 * pairs ending with NULL. */
static xmlNodePtr result_svg(result_html *h, xmlNodePtr parent,
                             const char *name, const char *cls, ...)
{
    xmlNodePtr n = result_h_el(h, parent, name, NULL);
    if (cls) {
        result_h_attr(h, n, "class", cls);
    }
    va_list ap;
    va_start(ap, cls);
    const char *attr;
    while ((attr = va_arg(ap, const char *)) != NULL) {
        double v = va_arg(ap, double);
        result_h_attrf(h, n, attr, "%g", v);
    }
    va_end(ap);
    return n;
}

static void result_svg_text(result_html *h, xmlNodePtr parent, double x,
                            double y, const char *cls, const char *text)
{
    xmlNodePtr t =
        result_svg(h, parent, "text", cls, "x", x, "y", y, (const char *)NULL);
    result_h_text(h, t, text);
}

static const char result_svg_style[] =
    "text{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;"
    "font-size:13px;fill:#111}"
    ".end{text-anchor:end}.mid{text-anchor:middle}.b{font-weight:bold}"
    ".small{font-size:11px}.track{fill:#f2f2f2;stroke:#555;stroke-width:1}"
    ".bar{fill:#5b7fb0;stroke:#1f3b63;stroke-width:1}"
    ".total{fill:#1f3b63;stroke:#0d1f36;stroke-width:1}"
    ".pass{stroke:#111;stroke-width:2;stroke-dasharray:5 3}"
    ".grid{stroke:#c8c8c8;stroke-width:1}.axis{stroke:#333;stroke-width:1.5}"
    ".line{fill:none;stroke:#1f3b63;stroke-width:2.5}"
    ".dot{fill:#fff;stroke:#1f3b63;stroke-width:2}";

static xmlNodePtr result_svg_root(result_html *h, xmlDocPtr doc, int width,
                                  int height)
{
    xmlNodePtr root =
        doc ? xmlNewDocNode(doc, NULL, BAD_CAST "svg", NULL) : NULL;
    xmlNsPtr ns = root ? xmlNewNs(root, BAD_CAST RESULT_SVG_NS, NULL) : NULL;
    if (!root || !ns) {
        xmlFreeNode(root);
        h->failed = true;
        return NULL;
    }
    xmlSetNs(root, ns);
    xmlDocSetRootElement(doc, root);
    result_h_attrf(h, root, "width", "%d", width);
    result_h_attrf(h, root, "height", "%d", height);
    result_h_attrf(h, root, "viewBox", "0 0 %d %d", width, height);
    result_h_el(h, root, "style", result_svg_style);
    return root;
}

/* Serialises an SVG document as a data: URI (percent-encoded UTF-8). */
static char *result_svg_uri(result_html *h, xmlDocPtr doc)
{
    if (h->failed || !doc) {
        return NULL;
    }
    xmlBufferPtr buf = xmlBufferCreate();
    xmlSaveCtxtPtr save =
        buf ? xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL) : NULL;
    char *uri = NULL;
    if (save) {
        long rc = xmlSaveDoc(save, doc);
        xmlSaveClose(save);
        xmlChar *esc =
            rc >= 0 ? xmlURIEscapeStr(xmlBufferContent(buf), BAD_CAST "")
                    : NULL;
        if (esc) {
            uri = result_format("data:image/svg+xml;charset=utf-8,%s",
                                (const char *)esc);
            xmlFree(esc);
        }
    }
    xmlBufferFree(buf);
    if (!uri) {
        h->failed = true;
    }
    return uri;
}

static void result_h_img(result_html *h, xmlNodePtr parent, xmlDocPtr svg,
                         int width, int height, const char *alt)
{
    char *uri = result_svg_uri(h, svg);
    xmlNodePtr img = result_h_el(h, parent, "img", NULL);
    if (uri) {
        result_h_attr(h, img, "src", uri);
    }
    result_h_attr(h, img, "class", "chart");
    result_h_attrf(h, img, "width", "%d", width);
    result_h_attrf(h, img, "height", "%d", height);
    result_h_attr(h, img, "alt", alt ? alt : "");
    if (!alt) {
        h->failed = true;
    }
    free(uri);
}

#define RESULT_BAR_X 130
#define RESULT_BAR_W 400
#define RESULT_BAR_H 24
#define RESULT_SCORES_W 700
#define RESULT_SCORES_H 236

/* Three dimension bars and the overall, each labelled with its number;
 * the pass mark is a dashed, labelled line on the overall bar. */
static void result_h_scores_chart(result_html *h, xmlNodePtr parent,
                                  const debrief *d)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr svg = result_svg_root(h, doc, RESULT_SCORES_W, RESULT_SCORES_H);
    result_str alt = {NULL, 0, false};
    result_str_add(&alt, "Scores out of 100: ");
    for (int row = 0; row <= SCENARIO_DIM_COUNT; row++) {
        bool overall = row == SCENARIO_DIM_COUNT;
        int value = overall ? d->summary.overall : d->summary.dim[row];
        double y = 16 + row * 40 + (overall ? 14 : 0);
        const char *name =
            overall ? "Overall" : scenario_dim_name((scenario_dim)row);
        char label[32];
        snprintf(label, sizeof label, "%s", name);
        if (label[0] >= 'a' && label[0] <= 'z') {
            label[0] = (char)(label[0] - 'a' + 'A');
        }
        result_svg_text(h, svg, RESULT_BAR_X - 10, y + 17,
                        overall ? "end b" : "end", label);
        result_svg(h, svg, "rect", "track", "x", (double)RESULT_BAR_X, "y", y,
                   "width", (double)RESULT_BAR_W, "height",
                   (double)RESULT_BAR_H, (const char *)NULL);
        if (value > 0) {
            result_svg(h, svg, "rect", overall ? "total" : "bar", "x",
                       (double)RESULT_BAR_X, "y", y, "width",
                       RESULT_BAR_W * value / 100.0, "height",
                       (double)RESULT_BAR_H, (const char *)NULL);
        }
        char number[48];
        bool assessed = overall || d->summary.turns_counted[row] > 0;
        snprintf(number, sizeof number, "%d%s", value,
                 assessed ? "" : " (not assessed)");
        result_svg_text(h, svg, RESULT_BAR_X + RESULT_BAR_W + 10, y + 17,
                        overall ? "b" : NULL, number);
        result_str_add(&alt, "%s%s %s", row ? ", " : "", name, number);
        if (overall) {
            double x = RESULT_BAR_X + RESULT_BAR_W * d->sc->pass_mark / 100.0;
            result_svg(h, svg, "line", "pass", "x1", x, "y1", y - 6, "x2", x,
                       "y2", y + RESULT_BAR_H + 6, (const char *)NULL);
            char pass[48];
            snprintf(pass, sizeof pass, "pass mark %d", d->sc->pass_mark);
            result_svg_text(h, svg, x, y - 10, "mid small", pass);
        }
    }
    /* scale */
    double axis_y = RESULT_SCORES_H - 22;
    result_svg(h, svg, "line", "axis", "x1", (double)RESULT_BAR_X, "y1",
               axis_y, "x2", (double)(RESULT_BAR_X + RESULT_BAR_W), "y2",
               axis_y, (const char *)NULL);
    for (int v = 0; v <= 100; v += 25) {
        double x = RESULT_BAR_X + RESULT_BAR_W * v / 100.0;
        char tick[8];
        snprintf(tick, sizeof tick, "%d", v);
        result_svg(h, svg, "line", "axis", "x1", x, "y1", axis_y, "x2", x,
                   "y2", axis_y + 5, (const char *)NULL);
        result_svg_text(h, svg, x, axis_y + 18, "mid small", tick);
    }
    result_str_add(&alt, "; pass mark %d.", d->sc->pass_mark);
    result_h_img(h, parent, doc, RESULT_SCORES_W, RESULT_SCORES_H, alt.s);
    free(alt.s);
    xmlFreeDoc(doc);
}

#define RESULT_MOOD_W 700
#define RESULT_MOOD_H 280
#define RESULT_MOOD_X0 84
#define RESULT_MOOD_X1 670
#define RESULT_MOOD_Y0 24
#define RESULT_MOOD_Y1 224

/* Mood 0..100 at the start and after each turn, with labelled axes. */
static void result_h_mood_chart(result_html *h, xmlNodePtr parent,
                                const debrief *d)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr svg = result_svg_root(h, doc, RESULT_MOOD_W, RESULT_MOOD_H);
    double span = RESULT_MOOD_Y1 - RESULT_MOOD_Y0;
    for (int v = 0; v <= 100; v += 25) {
        double y = RESULT_MOOD_Y1 - span * v / 100.0;
        char tick[8];
        snprintf(tick, sizeof tick, "%d", v);
        result_svg(h, svg, "line", v ? "grid" : "axis", "x1",
                   (double)RESULT_MOOD_X0, "y1", y, "x2",
                   (double)RESULT_MOOD_X1, "y2", y, (const char *)NULL);
        result_svg_text(h, svg, RESULT_MOOD_X0 - 8, y + 4, "end small", tick);
    }
    result_svg(h, svg, "line", "axis", "x1", (double)RESULT_MOOD_X0, "y1",
               (double)RESULT_MOOD_Y0, "x2", (double)RESULT_MOOD_X0, "y2",
               (double)RESULT_MOOD_Y1, (const char *)NULL);
    xmlNodePtr title = result_svg(h, svg, "text", "mid", "x", 20.0, "y",
                                  (RESULT_MOOD_Y0 + RESULT_MOOD_Y1) / 2.0,
                                  (const char *)NULL);
    result_h_attrf(h, title, "transform", "rotate(-90 20 %g)",
                   (RESULT_MOOD_Y0 + RESULT_MOOD_Y1) / 2.0);
    result_h_text(h, title, "Mood (0 furious, 100 happy)");
    result_svg_text(h, svg, (RESULT_MOOD_X0 + RESULT_MOOD_X1) / 2.0,
                    RESULT_MOOD_H - 12, "mid", "Turn");

    size_t n = d->mood_count;
    double step =
        n > 1 ? (RESULT_MOOD_X1 - RESULT_MOOD_X0 - 30.0) / (double)(n - 1)
              : 0.0;
    result_str points = {NULL, 0, false};
    result_str alt = {NULL, 0, false};
    result_str_add(&alt, "Customer mood from 0 (furious) to 100 (happy): ");
    for (size_t i = 0; i < n; i++) {
        double x = n > 1 ? RESULT_MOOD_X0 + 15 + step * (double)i
                         : (RESULT_MOOD_X0 + RESULT_MOOD_X1) / 2.0;
        double y = RESULT_MOOD_Y1 - span * d->mood[i] / 100.0;
        result_str_add(&points, "%s%g,%g", i ? " " : "", x, y);
        char label[24];
        if (i == 0) {
            snprintf(label, sizeof label, "start");
        } else {
            snprintf(label, sizeof label, "%zu", i);
        }
        if (n <= 25 || i % 5 == 0 || i + 1 == n) {
            result_svg_text(h, svg, x, RESULT_MOOD_Y1 + 20, "mid small",
                            label);
        }
        result_str_add(&alt, "%s%s%s %d", i ? ", " : "", i ? "turn " : "",
                       label, d->mood[i]);
    }
    result_str_add(&alt, ".");
    if (n > 1 && points.s) {
        xmlNodePtr line =
            result_svg(h, svg, "polyline", "line", (const char *)NULL);
        result_h_attr(h, line, "points", points.s);
    }
    for (size_t i = 0; i < n; i++) {
        double x = n > 1 ? RESULT_MOOD_X0 + 15 + step * (double)i
                         : (RESULT_MOOD_X0 + RESULT_MOOD_X1) / 2.0;
        double y = RESULT_MOOD_Y1 - span * d->mood[i] / 100.0;
        result_svg(h, svg, "circle", "dot", "cx", x, "cy", y, "r", 4.5,
                   (const char *)NULL);
        if (n <= 25) {
            char value[8];
            snprintf(value, sizeof value, "%d", d->mood[i]);
            result_svg_text(h, svg, x, y - 10, "mid small b", value);
        }
    }
    if (points.failed) {
        h->failed = true;
    }
    result_h_img(h, parent, doc, RESULT_MOOD_W, RESULT_MOOD_H, alt.s);
    free(points.s);
    free(alt.s);
    xmlFreeDoc(doc);
}

static const char result_css[] =
    "@page{margin:16mm 14mm}\n"
    "html{background:#fff}\n"
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#111;"
    "background:#fff;max-width:48rem;margin:1.5rem auto;padding:0 1rem;"
    "line-height:1.45;font-size:11pt}\n"
    "h1{font-size:1.7em;margin:0 0 .2em}\n"
    "h2{font-size:1.25em;margin:1.4em 0 .4em;padding-bottom:.15em;"
    "border-bottom:2px solid #1f3b63;break-after:avoid;"
    "page-break-after:avoid}\n"
    "h3{font-size:1.05em;margin:0 0 .3em}\n"
    "p{margin:.25em 0}\n"
    ".subtitle{font-size:1.15em;margin:0 0 .8em}\n"
    "table.facts{border-collapse:collapse;margin:.5em 0}\n"
    "table.facts th{text-align:left;padding:.15em 1em .15em 0;"
    "vertical-align:top;white-space:nowrap}\n"
    "table.facts td{padding:.15em 0}\n"
    ".verdict{display:inline-block;border:2px solid #111;padding:0 .4em;"
    "font-weight:bold}\n"
    "img.chart{display:block;max-width:100%;height:auto;margin:.4em 0;"
    "break-inside:avoid;page-break-inside:avoid}\n"
    ".turn{border:1px solid #999;border-left:4px solid #1f3b63;"
    "padding:.5em .75em;margin:.6em 0;break-inside:avoid;"
    "page-break-inside:avoid}\n"
    ".better{border-top:1px dashed #999;margin-top:.35em;padding-top:.3em}\n"
    ".note{color:#333;font-style:italic}\n"
    ".foot{margin-top:2em;font-size:.85em;color:#333;"
    "border-top:1px solid #999;padding-top:.4em}\n"
    "@media print{body{margin:0;max-width:none;font-size:10pt}"
    "a{color:#111}}\n";

static void result_h_turn(result_html *h, xmlNodePtr parent, const debrief *d,
                          const debrief_turn *t)
{
    char label[64];
    char buf[160];
    char a[32];
    char b[32];
    xmlNodePtr div = result_h_el(h, parent, "div", NULL);
    result_h_attr(h, div, "class", "turn");
    result_h_elf(h, div, "h3", "Turn %d of %zu", t->number, d->turn_count);
    char *said = debrief_customer_text(t->node);
    if (!said) {
        h->failed = true;
    }
    scenario_expression e =
        t->node->line_count > 0 && t->node->lines[0].expression
            ? t->node->lines[0].expression
            : scenario_expression_for_mood(t->mood_before);
    snprintf(label, sizeof label,
             "Customer (%s):", scenario_expression_name(e));
    result_h_field(h, div, label, said ? said : "");
    free(said);
    if (t->chosen) {
        snprintf(label, sizeof label, "You chose %d:", t->chosen_pos);
        result_h_field(h, div, label, t->chosen->say);
    } else {
        result_h_field(
            h, div, "You chose:", "nothing; the customer's patience ran out");
    }
    result_seconds(a, sizeof a, t->response_ms);
    result_seconds(b, sizeof b, t->target_ms);
    snprintf(buf, sizeof buf, "%s (target %s)%s", a, b,
             t->response_ms <= t->target_ms ? ", on time" : ", over target");
    result_h_field(h, div, "Time:", buf);
    size_t o = 0;
    buf[0] = '\0';
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        const char *name = scenario_dim_name((scenario_dim)dim);
        if (t->score.counted[dim]) {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s %d",
                                  dim ? ", " : "", name,
                                  score_round(100.0 * t->score.value[dim]));
        } else {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s not assessed",
                                  dim ? ", " : "", name);
        }
    }
    result_h_field(h, div, "Scored:", buf);
    snprintf(buf, sizeof buf, "%d \xe2\x86\x92 %d", t->mood_before,
             t->mood_after);
    result_h_field(h, div, "Mood:", buf);
    if (t->chosen && t->chosen->feedback) {
        result_h_field(h, div, "Feedback:", t->chosen->feedback);
    }
    if (t->better) {
        xmlNodePtr better = result_h_el(h, div, "div", NULL);
        result_h_attr(h, better, "class", "better");
        snprintf(label, sizeof label, "Better option (%d):", t->better_pos);
        result_h_field(h, better, label, t->better->say);
        if (t->better->feedback) {
            result_h_field(h, better, "Why:", t->better->feedback);
        }
    } else if (t->chosen) {
        result_h_el(h, div, "p", "Best option at this turn.");
    }
}

static void result_h_principles(result_html *h, xmlNodePtr parent,
                                const char *label, const int *counts)
{
    char buf[512];
    size_t o = 0;
    buf[0] = '\0';
    for (int p = 0; p < SCENARIO_PRINCIPLE_COUNT; p++) {
        if (counts[p] && o < sizeof buf) {
            o += (size_t)snprintf(
                buf + o, sizeof buf - o, "%s%s (%d)", o ? ", " : "",
                scenario_principle_name((scenario_principle)p), counts[p]);
        }
    }
    result_h_field(h, parent, label, o ? buf : "none");
}

static void result_h_body(result_html *h, xmlNodePtr body, const debrief *d,
                          const result_info *info)
{
    const scenario *sc = d->sc;
    char buf[256];
    result_h_el(h, body, "h1", "Rapport debrief");
    xmlNodePtr sub = result_h_el(h, body, "p", sc->title);
    result_h_attr(h, sub, "class", "subtitle");

    xmlNodePtr facts = result_h_el(h, body, "table", NULL);
    result_h_attr(h, facts, "class", "facts");
    const char *keys[] = {"Trainee",  "Scenario", "Customer", "Started",
                          "Duration", "Settings", "Result"};
    char started[64];
    time_t secs = (time_t)(info->started_ms / 1000);
    struct tm tm;
    if (!gmtime_r(&secs, &tm) ||
        !strftime(started, sizeof started, "%Y-%m-%d %H:%M UTC", &tm)) {
        snprintf(started, sizeof started, "unknown");
    }
    int64_t dur = info->ended_ms - info->started_ms;
    char duration[64];
    if (dur >= 60000) {
        snprintf(duration, sizeof duration, "%lld min %lld s",
                 (long long)(dur / 60000), (long long)(dur / 1000 % 60));
    } else {
        result_seconds(duration, sizeof duration, (int)dur);
    }
    char settings[160];
    snprintf(settings, sizeof settings, "%s; %s",
             info->feedback_mode == RESULT_FEEDBACK_IMMEDIATE
                 ? "feedback after each reply"
                 : "feedback withheld until the debrief",
             d->relaxed_timing ? "relaxed timing (time never penalised)"
                               : "standard timing");
    char *scenario_line =
        result_format("%s, version %s, difficulty %d", sc->id ? sc->id : "",
                      sc->version ? sc->version : "", sc->difficulty);
    if (!scenario_line) {
        h->failed = true;
    }
    char result_line[160];
    snprintf(result_line, sizeof result_line,
             "%d overall, %s (pass mark %d); outcome %s", d->summary.overall,
             score_band_name(d->summary.band), sc->pass_mark,
             scenario_outcome_name(d->outcome));
    const char *values[] = {info->trainee,
                            scenario_line ? scenario_line : "",
                            sc->customer.name ? sc->customer.name : "",
                            started,
                            duration,
                            settings,
                            result_line};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        xmlNodePtr tr = result_h_el(h, facts, "tr", NULL);
        result_h_el(h, tr, "th", keys[i]);
        xmlNodePtr td = result_h_el(h, tr, "td", values[i]);
        if (i + 1 == sizeof keys / sizeof keys[0]) {
            result_h_text(h, td, " ");
            xmlNodePtr v = result_h_el(
                h, td, "span", d->summary.passed ? "PASSED" : "NOT PASSED");
            result_h_attr(h, v, "class", "verdict");
        }
    }

    free(scenario_line);

    result_h_el(h, body, "h2", "Scores");
    result_h_scores_chart(h, body, d);
    snprintf(buf, sizeof buf,
             "Overall %d of 100: %s, %s (pass mark %d). Weights: empathy %d, "
             "honesty %d, promptness %d.",
             d->summary.overall, score_band_name(d->summary.band),
             d->summary.passed ? "passed" : "not passed", sc->pass_mark,
             sc->weight[SCENARIO_DIM_EMPATHY],
             sc->weight[SCENARIO_DIM_HONESTY],
             sc->weight[SCENARIO_DIM_PROMPTNESS]);
    result_h_el(h, body, "p", buf);

    result_h_el(h, body, "h2", "Customer mood over the call");
    result_h_mood_chart(h, body, d);

    result_h_el(h, body, "h2", "Outcome");
    if (d->gave_up) {
        result_h_field(h, body, "Outcome:",
                       "lost: the customer ran out of patience and left");
        result_h_field(h, body, "Feedback:",
                       "The customer waited too long without an answer and "
                       "gave up on the call.");
    } else if (d->ending) {
        snprintf(buf, sizeof buf, "%s%s", scenario_outcome_name(d->outcome),
                 d->ending->title ? ": " : "");
        xmlNodePtr p = result_h_field(h, body, "Outcome:", buf);
        if (d->ending->title) {
            result_h_text(h, p, d->ending->title);
        }
        char *last = debrief_customer_text(d->ending);
        if (!last) {
            h->failed = true;
        } else if (*last) {
            result_h_field(h, body, "Customer:", last);
        }
        free(last);
        if (d->ending->feedback) {
            result_h_field(h, body, "Feedback:", d->ending->feedback);
        }
    }

    result_h_el(h, body, "h2", "Strengths");
    if (d->strength_count == 0) {
        result_h_el(h, body, "p",
                    "None at 80 or above yet; see what to practise next.");
    } else {
        xmlNodePtr ul = result_h_el(h, body, "ul", NULL);
        for (size_t i = 0; i < d->strength_count; i++) {
            result_h_elf(h, ul, "li", "%s (%d)",
                         scenario_dim_name(d->strengths[i]),
                         d->summary.dim[d->strengths[i]]);
        }
    }

    result_h_el(h, body, "h2", "Practise next");
    if (d->summary.dim[d->practise] >= 90) {
        result_h_el(h, body, "p",
                    "Nothing urgent: every dimension is at 90 or above. To "
                    "stay sharp:");
    }
    snprintf(buf, sizeof buf, "%s (%d):", scenario_dim_name(d->practise),
             d->summary.dim[d->practise]);
    result_h_field(h, body, buf, debrief_advice(d->practise));
    if (d->practise_turn >= 0) {
        const debrief_turn *t = &d->turns[d->practise_turn];
        snprintf(buf, sizeof buf, "At turn %d, option %d:", t->number,
                 t->better_pos);
        result_h_field(h, body, buf, t->better->say);
    }

    result_h_el(h, body, "h2", "Turn by turn");
    for (size_t i = 0; i < d->turn_count; i++) {
        result_h_turn(h, body, d, &d->turns[i]);
    }

    result_h_el(h, body, "h2", "Principles");
    result_h_principles(h, body, "Practised:", d->practised);
    result_h_principles(h, body, "Missed:", d->missed);

    xmlNodePtr foot = result_h_el(h, body, "p", NULL);
    result_h_attr(h, foot, "class", "foot");
    result_h_text(h, foot,
                  "Rapport debrief report. The same session is "
                  "kept as a JSON record and as xAPI statements "
                  "beside this file.");
}

char *result_report_html(const debrief *d, const result_info *info,
                         diag_list *diags)
{
    if (!result_check(d, info, diags)) {
        return NULL;
    }
    result_html h = {false};
    htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
    if (!doc || !xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL)) {
        xmlFreeDoc(doc);
        result_no_memory(d, diags);
        return NULL;
    }
    xmlNodePtr html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
    if (!html) {
        xmlFreeDoc(doc);
        result_no_memory(d, diags);
        return NULL;
    }
    xmlDocSetRootElement(doc, html);
    result_h_attr(&h, html, "lang",
                  d->sc->lang && *d->sc->lang ? d->sc->lang : "en");
    xmlNodePtr head = result_h_el(&h, html, "head", NULL);
    /* the serialiser adds <meta http-equiv="Content-Type" ... UTF-8> */
    xmlNodePtr viewport = result_h_el(&h, head, "meta", NULL);
    result_h_attr(&h, viewport, "name", "viewport");
    result_h_attr(&h, viewport, "content",
                  "width=device-width, initial-scale=1");
    char *title =
        result_format("Debrief: %s \xe2\x80\x94 %s",
                      d->sc->title ? d->sc->title : "", info->trainee);
    if (!title) {
        h.failed = true;
    }
    result_h_el(&h, head, "title", title ? title : "");
    free(title);
    result_h_el(&h, head, "style", result_css);
    xmlNodePtr body = result_h_el(&h, html, "body", NULL);
    result_h_body(&h, body, d, info);

    char *text = NULL;
    if (!h.failed) {
        xmlBufferPtr buf = xmlBufferCreate();
        xmlSaveCtxtPtr save =
            buf ? xmlSaveToBuffer(buf, "UTF-8",
                                  XML_SAVE_AS_HTML | XML_SAVE_FORMAT)
                : NULL;
        if (save) {
            long rc = xmlSaveDoc(save, doc);
            xmlSaveClose(save);
            if (rc >= 0) {
                text = result_strdup((const char *)xmlBufferContent(buf));
            }
        }
        xmlBufferFree(buf);
    }
    xmlFreeDoc(doc);
    if (!text) {
        result_no_memory(d, diags);
    }
    return text;
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
    xmlChar *node_id =
        xmlURIEscapeStr(BAD_CAST(t->node->id ? t->node->id : ""), BAD_CAST "");
    char *iri = node_id ? result_format("%s/node/%s", x->scenario_iri,
                                        (const char *)node_id)
                        : NULL;
    xmlFree(node_id);
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
            snprintf(key, sizeof key, "%s/ext/%s", RESULT_XAPI_NS,
                     scenario_dim_name((scenario_dim)dim));
            result_j_num(ext, key, score_round(100.0 * t->score.value[dim]),
                         ok);
        }
    }
    result_j_num(ext, RESULT_XAPI_NS "/ext/choice", t->chosen_pos, ok);
    result_j_num(ext, RESULT_XAPI_NS "/ext/target-ms", t->target_ms, ok);
    result_j_num(ext, RESULT_XAPI_NS "/ext/mood-after", t->mood_after, ok);
    result_j_bool(ext, RESULT_XAPI_NS "/ext/timed-out", t->chosen == NULL, ok);
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
    xmlChar *sid =
        xmlURIEscapeStr(BAD_CAST(d->sc->id ? d->sc->id : ""), BAD_CAST "");
    x.scenario_iri = sid ? result_format("%s/scenario/%s", RESULT_XAPI_NS,
                                         (const char *)sid)
                         : NULL;
    xmlFree(sid);
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
        snprintf(key, sizeof key, "%s/ext/%s", RESULT_XAPI_NS,
                 scenario_dim_name((scenario_dim)dim));
        result_j_num(ext, key, d->summary.dim[dim], &ok);
    }
    result_j_num(ext, RESULT_XAPI_NS "/ext/pass-mark", d->sc->pass_mark, &ok);
    result_j_str(ext, RESULT_XAPI_NS "/ext/band",
                 score_band_name(d->summary.band), &ok);
    result_j_push(root, graded, &ok);
    free(x.scenario_iri);
    return result_j_finish(root, ok, d, diags);
}

/* ---------- saving ---------- */

static int result_io_mkstemp(const result_io *io, char *tmpl)
{
    return io && io->mkstemp ? io->mkstemp(io->ctx, tmpl) : mkstemp(tmpl);
}

static int result_io_fsync(const result_io *io, int fd)
{
    return io && io->fsync ? io->fsync(io->ctx, fd) : fsync(fd);
}

static int result_io_link(const result_io *io, const char *from,
                          const char *to)
{
    return io && io->link ? io->link(io->ctx, from, to) : link(from, to);
}

static int result_write_all(const result_io *io, int fd, const char *data,
                            size_t n)
{
    while (n > 0) {
        size_t chunk = n > 65536 ? 65536 : n;
        ssize_t w = io && io->write ? io->write(io->ctx, fd, data, chunk)
                                    : write(fd, data, chunk);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            if (w == 0) {
                errno = EIO;
            }
            return -1;
        }
        data += w;
        n -= (size_t)w;
    }
    return 0;
}

/* mkdir -p; 0 or -1 with errno. */
static int result_mkdirs(const char *dir)
{
    char *path = result_strdup(dir);
    if (!path) {
        errno = ENOMEM;
        return -1;
    }
    int rc = 0;
    for (char *p = path + 1; *p && rc == 0; p++) {
        if (*p == '/' && p[-1] != '/') {
            *p = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                rc = -1;
            }
            *p = '/';
        }
    }
    if (rc == 0 && mkdir(path, 0777) != 0 && errno != EEXIST) {
        rc = -1;
    }
    struct stat st;
    if (rc == 0 && stat(path, &st) != 0) {
        rc = -1;
    } else if (rc == 0 && !S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        rc = -1;
    }
    int saved = errno;
    free(path);
    errno = saved;
    return rc;
}

/* a-z, 0-9 and single '-' between words, at most RESULT_SLUG_MAX. */
static void result_slug(const char *s, char *out, size_t size,
                        const char *fallback)
{
    size_t o = 0;
    size_t max = size - 1 < RESULT_SLUG_MAX ? size - 1 : RESULT_SLUG_MAX;
    bool dash = false;
    for (const char *p = s ? s : ""; *p && o < max; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && o > 0 && o + 1 < max) {
                out[o++] = '-';
            }
            dash = false;
            out[o++] = c;
        } else {
            dash = true;
        }
    }
    out[o] = '\0';
    if (o == 0) {
        snprintf(out, size, "%s", fallback);
    }
}

typedef struct {
    char *temp[RESULT_FILE_COUNT];    /* temporary file, while it exists */
    char *final[RESULT_FILE_COUNT];   /* final name claimed, while ours */
    bool reserved[RESULT_FILE_COUNT]; /* final is an empty reservation */
} result_files;

static void result_files_clean(result_files *f)
{
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        if (f->temp[i]) {
            unlink(f->temp[i]);
        }
        if (f->final[i]) {
            unlink(f->final[i]);
        }
        free(f->temp[i]);
        free(f->final[i]);
        f->temp[i] = NULL;
        f->final[i] = NULL;
    }
}

/* Writes data to a new temporary file in dir; its path goes to *temp. */
static int result_write_temp(const result_io *io, const char *dir,
                             const char *sep, const char *data, char **temp)
{
    char *path = result_format("%s%s.rapport-XXXXXX", dir, sep);
    if (!path) {
        errno = ENOMEM;
        return -1;
    }
    int fd = result_io_mkstemp(io, path);
    if (fd < 0) {
        int saved = errno;
        free(path);
        errno = saved;
        return -1;
    }
    *temp = path;
    /* readable like any saved document; some file systems (FAT) cannot
     * change modes, which is no reason to fail */
    (void)fchmod(fd, 0644);
    if (result_write_all(io, fd, data, strlen(data)) != 0 ||
        result_io_fsync(io, fd) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return close(fd);
}

static bool result_link_unsupported(int err)
{
    return err == EPERM || err == ENOTSUP || err == EOPNOTSUPP ||
           err == ENOSYS || err == EMLINK;
}

/* Claims a final name for file i without ever replacing a file: link()
 * fails when the name exists, and so does open(O_EXCL), used to reserve
 * the name where the file system has no hard links (FAT); the temporary
 * file is renamed onto its reservation once all three names are claimed.
 * 0, or -1 with errno (EEXIST: the name is taken). */
static int result_claim(const result_io *io, result_files *f, int i,
                        char *final)
{
    if (result_io_link(io, f->temp[i], final) == 0) {
        f->final[i] = final;
        return 0;
    }
    if (!result_link_unsupported(errno)) {
        return -1;
    }
    int fd = open(final, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) {
        return -1;
    }
    close(fd);
    f->final[i] = final;
    f->reserved[i] = true;
    return 0;
}

/* Writes the three files; NULL, or the reason it failed. */
static const char *result_save_files(const char *dir, const char *base,
                                     char *const data[RESULT_FILE_COUNT],
                                     const result_io *io, result_files *f)
{
    if (result_mkdirs(dir) != 0) {
        return strerror(errno);
    }
    const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        if (result_write_temp(io, dir, sep, data[i], &f->temp[i]) != 0) {
            return strerror(errno);
        }
    }
    for (int nn = 1; nn <= RESULT_MAX_COUNTER; nn++) {
        bool taken = false;
        for (int i = 0; i < RESULT_FILE_COUNT && !taken; i++) {
            char *final = result_format("%s%s%s-%02d%s", dir, sep, base, nn,
                                        result_file_ext[i]);
            if (!final) {
                return strerror(ENOMEM);
            }
            if (result_claim(io, f, i, final) != 0) {
                int err = errno;
                free(final);
                if (err != EEXIST) {
                    return strerror(err);
                }
                taken = true;
            }
        }
        if (!taken) {
            for (int i = 0; i < RESULT_FILE_COUNT; i++) {
                if (f->reserved[i]) {
                    if (rename(f->temp[i], f->final[i]) != 0) {
                        return strerror(errno);
                    }
                    free(f->temp[i]);
                    f->temp[i] = NULL;
                    f->reserved[i] = false;
                }
            }
            return NULL;
        }
        /* another file has one of these names: give back what this round
         * claimed (ours: links to our temporary files or empty
         * reservations) and try the next counter */
        for (int i = 0; i < RESULT_FILE_COUNT; i++) {
            if (f->final[i]) {
                unlink(f->final[i]);
                free(f->final[i]);
                f->final[i] = NULL;
                f->reserved[i] = false;
            }
        }
    }
    return "no free file name (counters 01 to 99 are all taken)";
}

int result_save(const char *dir, const debrief *d, const result_info *info,
                const result_io *io, result_paths *saved, diag_list *diags)
{
    if (saved) {
        memset(saved, 0, sizeof *saved);
    }
    if (!dir || !*dir) {
        diag_add(diags, DIAG_ERROR, "results", 0, 0,
                 "cannot save results: no folder given");
        return -1;
    }
    char *data[RESULT_FILE_COUNT] = {NULL, NULL, NULL};
    data[RESULT_FILE_JSON] = result_record_json(d, info, diags);
    data[RESULT_FILE_HTML] =
        data[RESULT_FILE_JSON] ? result_report_html(d, info, diags) : NULL;
    data[RESULT_FILE_XAPI] =
        data[RESULT_FILE_HTML] ? result_xapi_json(d, info, diags) : NULL;
    if (!data[RESULT_FILE_XAPI]) {
        for (int i = 0; i < RESULT_FILE_COUNT; i++) {
            free(data[i]);
        }
        return -1;
    }

    /* "dir/" and "dir" name the same folder; keep "/" as it is */
    char *folder = result_strdup(dir);
    size_t len = folder ? strlen(folder) : 0;
    while (len > 1 && folder[len - 1] == '/') {
        folder[--len] = '\0';
    }
    char stamp[32] = "";
    time_t secs = (time_t)(info->started_ms / 1000);
    struct tm tm;
    if (gmtime_r(&secs, &tm)) {
        strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    }
    char trainee[RESULT_SLUG_MAX + 1];
    char scen[RESULT_SLUG_MAX + 1];
    result_slug(info->trainee, trainee, sizeof trainee, "trainee");
    result_slug(d->sc->id, scen, sizeof scen, "scenario");
    char *base = result_format("%s-%s-%s", stamp, trainee, scen);

    result_files f;
    memset(&f, 0, sizeof f);
    const char *reason = folder && base
                             ? result_save_files(folder, base, data, io, &f)
                             : strerror(ENOMEM);
    if (reason) {
        diag_add(diags, DIAG_ERROR, dir, 0, 0, "cannot save results in %s: %s",
                 dir, reason);
        result_files_clean(&f);
    } else {
        for (int i = 0; i < RESULT_FILE_COUNT; i++) {
            if (f.temp[i]) {
                unlink(f.temp[i]);
                free(f.temp[i]);
            }
            if (saved) {
                saved->path[i] = f.final[i];
            } else {
                free(f.final[i]);
            }
        }
        /* make the new names durable; not every file system can */
        int dfd = open(folder, O_RDONLY);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
    }
    free(base);
    free(folder);
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        free(data[i]);
    }
    return reason ? -1 : 0;
}

void result_paths_clear(result_paths *paths)
{
    if (!paths) {
        return;
    }
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        free(paths->path[i]);
        paths->path[i] = NULL;
    }
}
