/* class_result.c — a class session's record (JSON), xAPI statements with
 * Group actors, saving the three files, and reading a record back; see
 * class_result.h. JSON is built and read with cJSON. */
#define _POSIX_C_SOURCE 200809L
#include "class_result.h"
#include "result_internal.h"

#include <cjson/cJSON.h>
#include <libxml/uri.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlstring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include "debrief.h"
#include "i18n.h"

#define CLASS_X_VERBS "http://adlnet.gov/expapi/verbs/"
#define CLASS_X_SIMULATION "http://adlnet.gov/expapi/activities/simulation"
#define CLASS_X_INTERACTION "http://adlnet.gov/expapi/activities/interaction"

static const char *class_where(const class_session *c)
{
    const scenario *sc = c ? class_scenario(c) : NULL;
    return sc && sc->path ? sc->path : "class";
}

static bool class_result_check(const class_session *c,
                               const class_result_info *info, diag_list *diags)
{
    if (!c || !info) {
        diag_add(diags, DIAG_ERROR, "class", 0, 0,
                 "no class session or info given");
        return false;
    }
    if (!class_is_finished(c) && !info->interrupted) {
        diag_add(diags, DIAG_ERROR, class_where(c), 0, 0,
                 "the class session has not reached an ending; only "
                 "finished sessions have results");
        return false;
    }
    if (info->started_ms < 0 || info->started_ms > RESULT_MAX_EPOCH_MS ||
        info->ended_ms < info->started_ms ||
        info->ended_ms > RESULT_MAX_EPOCH_MS) {
        diag_add(diags, DIAG_ERROR, class_where(c), 0, 0,
                 "start and end times are out of range (start %lld ms, end "
                 "%lld ms since 1970)",
                 (long long)info->started_ms, (long long)info->ended_ms);
        return false;
    }
    return true;
}

static char *class_finish_json(cJSON *root, bool ok, const class_session *c,
                               diag_list *diags)
{
    char *text = ok && root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text) {
        diag_add(diags, DIAG_ERROR, class_where(c), 0, 0, "out of memory");
    }
    return text;
}

static void class_j_letter(cJSON *o, const char *key, int pos, bool *ok)
{
    char l[2] = {class_letter((size_t)pos), '\0'};
    result_j_str(o, key, pos >= 0 ? l : NULL, ok);
}

static void class_j_scores(cJSON *o, const score_summary *s, bool *ok)
{
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        result_j_num(o, scenario_dim_name((scenario_dim)d), s->dim[d], ok);
    }
    result_j_num(o, "overall", s->overall, ok);
    result_j_str(o, "band", score_band_name(s->band), ok);
    result_j_bool(o, "passed", s->passed, ok);
}

/* The better option at a played turn: -1 when the call was as good. */
static int class_better(const class_session *c, size_t i)
{
    const class_turn *t = class_turn_at(c, i);
    class_whatif w;
    if (t->best_pos < 0 || t->best_pos == t->chosen_pos ||
        (class_whatif_at(c, i, (size_t)t->chosen_pos, &w) && w.best)) {
        return -1;
    }
    return t->best_pos;
}

static cJSON *class_j_turn(const class_session *c, size_t i, bool *ok)
{
    const class_turn *t = class_turn_at(c, i);
    const scenario *sc = class_scenario(c);
    const scenario_node *n = &sc->nodes[t->node_index];
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = false;
        return NULL;
    }
    result_j_num(o, "turn", (double)(i + 1), ok);
    result_j_str(o, "node", n->id, ok);
    char *said = debrief_customer_text(n);
    if (!said) {
        *ok = false;
    }
    result_j_str(o, "customer", said ? said : "", ok);
    free(said);
    cJSON *opts = result_j_add(o, "options", cJSON_CreateArray(), ok);
    for (size_t p = 0; p < t->option_count; p++) {
        cJSON *op = cJSON_CreateObject();
        if (!op) {
            *ok = false;
            break;
        }
        class_j_letter(op, "option", (int)p, ok);
        result_j_num(op, "choice_index", t->option_index[p], ok);
        result_j_str(op, "say", n->choices[t->option_index[p]].say, ok);
        result_j_num(op, "votes", t->votes[p], ok);
        for (int s = 0; s < CLASS_SRC_COUNT; s++) {
            result_j_num(op, class_source_name((class_source)s),
                         t->source_tally[s][p], ok);
        }
        if (class_mode_of(c) == CLASS_TEAMS) {
            cJSON *tt = result_j_obj(op, "teams", ok);
            for (size_t k = 0; k < class_team_count(c); k++) {
                result_j_num(tt, class_team_name(c, k), t->team_tally[k][p],
                             ok);
            }
        }
        result_j_push(opts, op, ok);
    }
    class_j_letter(o, "call", t->chosen_pos, ok);
    result_j_num(o, "call_index", t->chosen_index, ok);
    result_j_bool(o, "picked", t->picked, ok);
    result_j_bool(o, "split", t->split, ok);
    class_j_letter(o, "better", class_better(c, i), ok);
    result_j_num(o, "mood_before", t->mood_before, ok);
    result_j_num(o, "mood_after", t->mood_after, ok);
    if (class_mode_of(c) == CLASS_TEAMS) {
        cJSON *tc = result_j_add(o, "team_choices", cJSON_CreateArray(), ok);
        for (size_t k = 0; k < class_team_count(c); k++) {
            cJSON *e = cJSON_CreateObject();
            result_j_str(e, "team", class_team_name(c, k), ok);
            class_j_letter(e, "choice", t->team_choice[k], ok);
            result_j_bool(e, "picked", t->team_picked[k], ok);
            result_j_push(tc, e, ok);
        }
    }
    return o;
}

char *class_result_json(const class_session *c, const class_result_info *info,
                        diag_list *diags)
{
    if (!class_result_check(c, info, diags)) {
        return NULL;
    }
    const scenario *sc = class_scenario(c);
    const session *s = class_session_of(c);
    const class_options *opt = class_options_of(c);
    bool ok = true;
    cJSON *root = cJSON_CreateObject();
    ok = root != NULL;
    result_j_str(root, "format", CLASS_RESULT_FORMAT, &ok);
    result_j_num(root, "format_version", CLASS_RESULT_FORMAT_VERSION, &ok);
    result_j_str(root, "status", result_status_name(class_is_finished(c)),
                 &ok);
    cJSON *so = result_j_obj(root, "scenario", &ok);
    result_j_str(so, "id", sc->id ? sc->id : "", &ok);
    result_j_str(so, "version", sc->version ? sc->version : "", &ok);
    result_j_str(so, "title", sc->title ? sc->title : "", &ok);
    char when[RESULT_ISO_SIZE];
    result_iso_time(info->started_ms, when, sizeof when);
    result_j_str(root, "start", when, &ok);
    result_iso_time(info->ended_ms, when, sizeof when);
    result_j_str(root, "end", when, &ok);
    result_j_num(root, "duration_ms",
                 (double)(info->ended_ms - info->started_ms), &ok);
    cJSON *set = result_j_obj(root, "settings", &ok);
    result_j_str(set, "mode",
                 class_mode_of(c) == CLASS_TEAMS ? "teams" : "whole", &ok);
    result_j_bool(set, "scoreboard", opt->scoreboard, &ok);
    result_j_bool(set, "relaxed_timing", true, &ok);
    result_j_num(set, "discussion_ms", opt->discussion_ms, &ok);
    result_j_num(set, "seed", opt->seed, &ok);
    cJSON *teams = result_j_add(root, "teams", cJSON_CreateArray(), &ok);
    for (size_t k = 0; k < class_team_count(c); k++) {
        result_j_push(teams, cJSON_CreateString(class_team_name(c, k)), &ok);
    }
    cJSON *turns = result_j_add(root, "turns", cJSON_CreateArray(), &ok);
    for (size_t i = 0; ok && i < class_turn_count(c); i++) {
        result_j_push(turns, class_j_turn(c, i, &ok), &ok);
    }
    cJSON *scores = result_j_obj(root, "scores", &ok);
    score_summary sum;
    class_scores(c, CLASS_ROOM, &sum);
    class_j_scores(result_j_obj(scores, "class", &ok), &sum, &ok);
    cJSON *ts = result_j_add(scores, "teams", cJSON_CreateArray(), &ok);
    for (size_t k = 0; k < class_team_count(c); k++) {
        cJSON *e = cJSON_CreateObject();
        result_j_str(e, "team", class_team_name(c, k), &ok);
        class_scores(c, (int)k, &sum);
        class_j_scores(e, &sum, &ok);
        result_j_push(ts, e, &ok);
    }
    result_j_num(root, "pass_mark", sc->pass_mark, &ok);
    if (class_is_finished(c)) {
        result_j_str(root, "outcome",
                     scenario_outcome_name(session_outcome(s)), &ok);
        const scenario_node *e = session_ending(s);
        result_j_str(root, "ending", e ? e->id : NULL, &ok);
    } else {
        result_j_str(root, "outcome", NULL, &ok);
        result_j_str(root, "ending", NULL, &ok);
    }
    return class_finish_json(root, ok, c, diags);
}

/* ---------- xAPI ---------- */

typedef struct {
    const class_session *c;
    const class_result_info *info;
    unsigned char ns[16];
    const char *lang;
    char *scenario_iri;
    char registration[37];
} class_xapi;

static void class_x_id(const class_xapi *x, const char *what, char out[37],
                       bool *ok)
{
    const scenario *sc = class_scenario(x->c);
    const char *id = sc->id ? sc->id : "";
    const char *version = sc->version ? sc->version : "";
    char *name = result_format("class|%zu:%s|%zu:%s|%lld|%s", strlen(id), id,
                               strlen(version), version,
                               (long long)x->info->started_ms, what);
    if (!name) {
        *ok = false;
    }
    result_uuid_v5(x->ns, name ? name : what, out);
    free(name);
}

static char *class_x_iri(const char *base, const char *kind, const char *id)
{
    xmlChar *esc = xmlURIEscapeStr(BAD_CAST(id ? id : ""), BAD_CAST "");
    char *iri =
        esc ? result_format("%s/%s/%s", base, kind, (const char *)esc) : NULL;
    xmlFree(esc);
    return iri;
}

static cJSON *class_x_langmap(const char *lang, const char *text, bool *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = false;
        return NULL;
    }
    result_j_str(o, lang, text ? text : "", ok);
    return o;
}

static cJSON *class_x_activity(const char *iri, const char *lang,
                               const char *name, const char *type, bool *ok)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        *ok = false;
        return NULL;
    }
    result_j_str(o, "objectType", "Activity", ok);
    result_j_str(o, "id", iri, ok);
    cJSON *def = result_j_obj(o, "definition", ok);
    result_j_add(def, "name", class_x_langmap(lang, name, ok), ok);
    result_j_str(def, "type", type, ok);
    return o;
}

/* group -1: the class; else a team. */
static cJSON *class_x_statement(const class_xapi *x, int group,
                                const char *what, const char *verb,
                                int64_t when_ms, bool *ok)
{
    cJSON *st = cJSON_CreateObject();
    if (!st) {
        *ok = false;
        return NULL;
    }
    const char *gname =
        group < 0 ? "class" : class_team_name(x->c, (size_t)group);
    char *idname = result_format("%d|%s|%s", group, gname, what);
    char id[37];
    class_x_id(x, idname ? idname : what, id, ok);
    if (!idname) {
        *ok = false;
    }
    free(idname);
    result_j_str(st, "id", id, ok);
    result_j_str(st, "version", "1.0.3", ok);
    cJSON *actor = result_j_obj(st, "actor", ok);
    result_j_str(actor, "objectType", "Group", ok);
    result_j_str(actor, "name", group < 0 ? "Class" : gname, ok);
    char gid[37];
    char *gwhat = result_format("group|%d|%s", group, gname);
    class_x_id(x, gwhat ? gwhat : "group", gid, ok);
    free(gwhat);
    cJSON *account = result_j_obj(actor, "account", ok);
    result_j_str(account, "homePage", RESULT_XAPI_HOMEPAGE, ok);
    result_j_str(account, "name", gid, ok);
    cJSON *v = result_j_obj(st, "verb", ok);
    char *verb_iri = result_format("%s%s", CLASS_X_VERBS, verb);
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
    cJSON *ext = result_j_obj(ctx, "extensions", ok);
    const scenario *sc = class_scenario(x->c);
    result_j_str(ext, RESULT_XAPI_NS "/ext/scenario-version",
                 sc->version ? sc->version : "", ok);
    result_j_str(ext, RESULT_XAPI_NS "/ext/class-mode",
                 class_mode_of(x->c) == CLASS_TEAMS ? "teams" : "whole", ok);
    result_j_bool(ext, RESULT_XAPI_NS "/ext/relaxed-timing", true, ok);
    return st;
}

static cJSON *class_x_turn(const class_xapi *x, size_t i, int group,
                           int64_t when, bool *ok)
{
    const class_turn *t = class_turn_at(x->c, i);
    const scenario *sc = class_scenario(x->c);
    const scenario_node *n = &sc->nodes[t->node_index];
    char what[32];
    snprintf(what, sizeof what, "turn-%zu", i + 1);
    cJSON *st = class_x_statement(x, group, what, "responded", when, ok);
    char *iri = class_x_iri(x->scenario_iri, "node", n->id);
    if (!iri) {
        *ok = false;
    }
    result_j_add(st, "object",
                 class_x_activity(iri ? iri : "", x->lang, n->id,
                                  CLASS_X_INTERACTION, ok),
                 ok);
    free(iri);
    int pos = group < 0 ? t->chosen_pos : t->team_choice[group];
    const scenario_choice *ch = &n->choices[t->option_index[pos]];
    cJSON *res = result_j_obj(st, "result", ok);
    result_j_str(res, "response", ch->say ? ch->say : "", ok);
    cJSON *ext = result_j_obj(res, "extensions", ok);
    result_j_num(ext, RESULT_XAPI_NS "/ext/choice", pos + 1, ok);
    if (group < 0) {
        cJSON *votes = result_j_add(ext, RESULT_XAPI_NS "/ext/votes",
                                    cJSON_CreateArray(), ok);
        for (size_t p = 0; p < t->option_count; p++) {
            result_j_push(votes, cJSON_CreateNumber(t->votes[p]), ok);
        }
        result_j_bool(ext, RESULT_XAPI_NS "/ext/split", t->split, ok);
        result_j_bool(ext, RESULT_XAPI_NS "/ext/picked", t->picked, ok);
        result_j_num(ext, RESULT_XAPI_NS "/ext/mood-after", t->mood_after, ok);
    }
    return st;
}

static cJSON *class_x_scenario(const class_xapi *x, bool *ok)
{
    return class_x_activity(x->scenario_iri, x->lang,
                            class_scenario(x->c)->title, CLASS_X_SIMULATION,
                            ok);
}

static void class_x_end(const class_xapi *x, cJSON *root, int group, bool *ok)
{
    const class_session *c = x->c;
    int64_t end = x->info->ended_ms;
    score_summary sum;
    class_scores(c, group < 0 ? CLASS_ROOM : group, &sum);
    if (!class_is_finished(c)) {
        cJSON *st =
            class_x_statement(x, group, "terminated", "terminated", end, ok);
        result_j_add(st, "object", class_x_scenario(x, ok), ok);
        cJSON *res = result_j_obj(st, "result", ok);
        result_j_bool(res, "completion", false, ok);
        result_j_push(root, st, ok);
        return;
    }
    cJSON *done =
        class_x_statement(x, group, "completed", "completed", end, ok);
    result_j_add(done, "object", class_x_scenario(x, ok), ok);
    cJSON *res = result_j_obj(done, "result", ok);
    result_j_bool(res, "completion", true, ok);
    cJSON *ext = result_j_obj(res, "extensions", ok);
    result_j_str(ext, RESULT_XAPI_NS "/ext/outcome",
                 scenario_outcome_name(session_outcome(class_session_of(c))),
                 ok);
    result_j_push(root, done, ok);
    const char *verdict = sum.passed ? "passed" : "failed";
    cJSON *graded = class_x_statement(x, group, verdict, verdict, end, ok);
    result_j_add(graded, "object", class_x_scenario(x, ok), ok);
    res = result_j_obj(graded, "result", ok);
    result_j_bool(res, "success", sum.passed, ok);
    result_j_bool(res, "completion", true, ok);
    cJSON *score = result_j_obj(res, "score", ok);
    result_j_num(score, "scaled", sum.overall / 100.0, ok);
    result_j_num(score, "raw", sum.overall, ok);
    result_j_num(score, "min", 0, ok);
    result_j_num(score, "max", 100, ok);
    ext = result_j_obj(res, "extensions", ok);
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        char key[96];
        snprintf(key, sizeof key, "%s/ext/%s", RESULT_XAPI_NS,
                 scenario_dim_name((scenario_dim)d));
        result_j_num(ext, key, sum.dim[d], ok);
    }
    result_j_num(ext, RESULT_XAPI_NS "/ext/pass-mark",
                 class_scenario(c)->pass_mark, ok);
    result_j_push(root, graded, ok);
}

char *class_result_xapi(const class_session *c, const class_result_info *info,
                        diag_list *diags)
{
    if (!class_result_check(c, info, diags)) {
        return NULL;
    }
    static const uuid_t url_ns = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                  0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                  0x4f, 0xd4, 0x30, 0xc8};
    const scenario *sc = class_scenario(c);
    bool ok = true;
    class_xapi x = {c, info, {0}, NULL, NULL, {0}};
    uuid_generate_sha1(x.ns, url_ns, RESULT_XAPI_NS, strlen(RESULT_XAPI_NS));
    x.lang = sc->lang && *sc->lang ? sc->lang : "en-US";
    x.scenario_iri = class_x_iri(RESULT_XAPI_NS, "scenario", sc->id);
    class_x_id(&x, "registration", x.registration, &ok);
    cJSON *root = cJSON_CreateArray();
    if (!root || !x.scenario_iri) {
        ok = false;
    }
    /* turns spread evenly over the session: the core knows no times */
    size_t n = class_turn_count(c);
    int64_t span = info->ended_ms - info->started_ms;
    for (size_t i = 0; ok && i < n; i++) {
        int64_t when =
            info->started_ms + span * (int64_t)(i + 1) / (int64_t)(n + 1);
        result_j_push(root, class_x_turn(&x, i, -1, when, &ok), &ok);
        for (size_t k = 0; k < class_team_count(c); k++) {
            result_j_push(root, class_x_turn(&x, i, (int)k, when, &ok), &ok);
        }
    }
    class_x_end(&x, root, -1, &ok);
    for (size_t k = 0; k < class_team_count(c); k++) {
        class_x_end(&x, root, (int)k, &ok);
    }
    free(x.scenario_iri);
    return class_finish_json(root, ok, c, diags);
}

/* ---------- saving ---------- */

int class_result_save(const char *dir, const class_session *c,
                      const class_result_info *info, const result_io *io,
                      result_paths *saved, diag_list *diags)
{
    static const char *const ext[RESULT_FILE_COUNT] = {
        CLASS_RESULT_EXT_JSON, CLASS_RESULT_EXT_HTML, CLASS_RESULT_EXT_XAPI};
    if (saved) {
        memset(saved, 0, sizeof *saved);
    }
    char *data[RESULT_FILE_COUNT] = {NULL, NULL, NULL};
    data[RESULT_FILE_JSON] = class_result_json(c, info, diags);
    data[RESULT_FILE_HTML] =
        data[RESULT_FILE_JSON] ? class_result_html(c, info, diags) : NULL;
    data[RESULT_FILE_XAPI] =
        data[RESULT_FILE_HTML] ? class_result_xapi(c, info, diags) : NULL;
    int rc = -1;
    if (data[RESULT_FILE_XAPI]) {
        rc = result_save_texts(
            dir, info->started_ms,
            class_mode_of(c) == CLASS_TEAMS ? "teams" : "class",
            class_scenario(c)->id, data, ext, io, saved, diags);
    }
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        free(data[i]);
    }
    return rc;
}

/* ---------- reading back ---------- */

bool class_record_is_name(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    size_t e = strlen(CLASS_RESULT_EXT_JSON);
    return n > e && strcmp(name + n - e, CLASS_RESULT_EXT_JSON) == 0;
}

void class_record_free(class_record *r)
{
    if (!r) {
        return;
    }
    free(r->scenario_id);
    free(r->scenario_version);
    free(r->scenario_title);
    for (size_t i = 0; i < r->group_count; i++) {
        free(r->groups[i].name);
    }
    free(r);
}

static const char *class_rd_str(const cJSON *o, const char *key)
{
    const char *s = cJSON_GetStringValue(
        cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL);
    return s && xmlCheckUTF8((const unsigned char *)s) ? s : NULL;
}

static bool class_rd_int(const cJSON *o, const char *key, double min,
                         double max, int64_t *out)
{
    const cJSON *it =
        cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
    if (!cJSON_IsNumber(it)) {
        return false;
    }
    double v = cJSON_GetNumberValue(it);
    if (!(v >= min && v <= max) || v != (double)(int64_t)v) {
        return false;
    }
    *out = (int64_t)v;
    return true;
}

static bool class_rd_group(const cJSON *o, const char *name,
                           class_record_group *g)
{
    int64_t v;
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        if (!class_rd_int(o, scenario_dim_name((scenario_dim)d), 0, 100, &v)) {
            return false;
        }
        g->dim[d] = (int)v;
    }
    if (!class_rd_int(o, "overall", 0, 100, &v)) {
        return false;
    }
    g->overall = (int)v;
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, "passed");
    if (!cJSON_IsBool(p) || !name || !(g->name = strdup(name))) {
        return false;
    }
    g->passed = cJSON_IsTrue(p);
    return true;
}

static bool class_rd_time(const cJSON *root, const char *key, int64_t *out)
{
    /* the record keeps ISO 8601 times; read them back with their ms */
    const char *s = class_rd_str(root, key);
    int y, mo, d, h, mi, sec, ms = 0;
    if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &y, &mo, &d, &h, &mi,
                     &sec, &ms) < 6) {
        return false;
    }
    /* days from civil (Howard Hinnant's algorithm) */
    y -= mo <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    *out = ((days * 24 + h) * 60 + mi) * 60000 + (int64_t)sec * 1000 + ms;
    return true;
}

class_record *class_record_parse(const char *text, size_t size,
                                 const char *name, diag_list *diags)
{
    const char *where = name ? name : "class record";
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, size, &end, false);
    class_record *r = calloc(1, sizeof *r);
    const char *problem = NULL;
    const char *format = class_rd_str(root, "format");
    int64_t v = 0;
    if (!r) {
        problem = _("out of memory");
    } else if (!cJSON_IsObject(root)) {
        problem = _("not JSON (or not one object)");
    } else if (!format || strcmp(format, CLASS_RESULT_FORMAT) != 0) {
        problem = "not a Rapport class result (no \"format\": "
                  "\"" CLASS_RESULT_FORMAT "\")";
    } else if (!class_rd_int(root, "format_version", 1, 1e9, &v) ||
               v > CLASS_RESULT_FORMAT_VERSION) {
        problem = _("a class result format version this build does not read");
    }
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(root, "scenario");
    const cJSON *set = cJSON_GetObjectItemCaseSensitive(root, "settings");
    const cJSON *turns = cJSON_GetObjectItemCaseSensitive(root, "turns");
    const cJSON *scores = cJSON_GetObjectItemCaseSensitive(root, "scores");
    const char *status = class_rd_str(root, "status");
    const char *mode = class_rd_str(set, "mode");
    if (!problem) {
        const char *id = class_rd_str(sc, "id");
        const char *ver = class_rd_str(sc, "version");
        const char *title = class_rd_str(sc, "title");
        if (!id || !ver || !title || !status || !mode ||
            !cJSON_IsArray(turns) || !cJSON_IsObject(scores) ||
            !class_rd_time(root, "start", &r->started_ms) ||
            !class_rd_time(root, "end", &r->ended_ms) ||
            !class_rd_int(root, "pass_mark", 0, 100, &v)) {
            problem = _("a field is missing or of the wrong kind");
        } else {
            r->pass_mark = (int)v;
            r->scenario_id = strdup(id);
            r->scenario_version = strdup(ver);
            r->scenario_title = strdup(title);
            r->complete = strcmp(status, "complete") == 0;
            r->mode = strcmp(mode, "teams") == 0 ? CLASS_TEAMS : CLASS_WHOLE;
            if (!r->scenario_id || !r->scenario_version ||
                !r->scenario_title) {
                problem = _("out of memory");
            }
        }
    }
    if (!problem) {
        const cJSON *t;
        cJSON_ArrayForEach(t, turns)
        {
            r->turn_count++;
            r->split_turns +=
                cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(t, "split"));
        }
        const char *outcome = class_rd_str(root, "outcome");
        int o = outcome ? scenario_outcome_from_name(outcome) : -1;
        r->has_outcome = r->complete && o >= 0;
        r->outcome = o >= 0 ? (scenario_outcome)o : SCENARIO_OUTCOME_LOST;
        if (!class_rd_group(cJSON_GetObjectItemCaseSensitive(scores, "class"),
                            "class", &r->groups[0])) {
            problem = _("the class's scores are missing or out of range");
        } else {
            r->group_count = 1;
        }
        const cJSON *ts = cJSON_GetObjectItemCaseSensitive(scores, "teams");
        const cJSON *list = cJSON_IsArray(ts) ? ts : NULL;
        const cJSON *g;
        cJSON_ArrayForEach(g, list)
        {
            if (problem || r->group_count > CLASS_MAX_TEAMS) {
                problem = problem ? problem : _("too many teams");
                break;
            }
            if (!class_rd_group(g, class_rd_str(g, "team"),
                                &r->groups[r->group_count])) {
                problem = _("a team's scores are missing or out of range");
                break;
            }
            r->group_count++;
        }
    }
    cJSON_Delete(root);
    if (problem) {
        diag_add(diags, DIAG_ERROR, where, 0, 0, "%s", problem);
        class_record_free(r);
        return NULL;
    }
    return r;
}

class_record *class_record_load_file(const char *path, diag_list *diags)
{
    size_t size = 0;
    char *buf = result_read_file(path, RESULT_MAX_FILE_BYTES, "class result",
                                 &size, diags);
    if (!buf) {
        return NULL;
    }
    class_record *r = class_record_parse(buf, size, path, diags);
    free(buf);
    return r;
}
