/* class_journal.c — class sessions in progress kept on disk event by
 * event (JSON Lines written with cJSON), read back and replayed; see
 * class_journal.h. */
#define _POSIX_C_SOURCE 200809L
#include "class_journal.h"

/* A header longer than this is not looked for (class_journal_drop_empty
 * leaves such a file to class_journal_read, which refuses it). */
#define CLASS_JOURNAL_HEADER_SCAN (64u * 1024u)
#include "result_internal.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlstring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"
#include "jsonl.h"

#define CLASS_JOURNAL_MAX_COUNTER 99

struct class_journal {
    char *path;
    char *dir;
    jsonl_file f; /* its fd, the whole lines it holds, the hooks */
    size_t events;
    result_io io; /* copied hooks; NULL members are POSIX */
};

static void class_j_free(class_journal *j)
{
    if (!j) {
        return;
    }
    if (j->f.fd >= 0) {
        close(j->f.fd);
    }
    free(j->path);
    free(j->dir);
    free(j);
}

static class_journal *class_j_alloc(const result_io *io)
{
    class_journal *j = calloc(1, sizeof *j);
    if (j) {
        j->f.fd = -1;
        if (io) {
            j->io = *io;
            j->f.io = &j->io;
        }
    }
    return j;
}

static int class_j_write_json(class_journal *j, cJSON *o, bool ok,
                              diag_list *diags)
{
    if (jsonl_write_json(&j->f, o, ok) != 0) {
        diag_add(diags, DIAG_ERROR, j->path, 0, 0,
                 "cannot write the class journal: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static cJSON *class_j_event(const class_event *ev, size_t n, bool *ok)
{
    cJSON *o = cJSON_CreateObject();
    *ok = o != NULL;
    result_j_num(o, "n", (double)n, ok);
    result_j_str(o, "event", class_event_kind_name(ev->kind), ok);
    result_j_num(o, "turn", ev->turn + 1, ok);
    switch (ev->kind) {
    case CLASS_EV_ADD:
        result_j_str(o, "source", class_source_name(ev->source), ok);
        result_j_num(o, "team", ev->team, ok);
        result_j_num(o, "option", ev->pos + 1, ok);
        result_j_num(o, "count", ev->count, ok);
        break;
    case CLASS_EV_PICK:
        result_j_num(o, "team", ev->team, ok);
        result_j_num(o, "option", ev->pos + 1, ok);
        break;
    case CLASS_EV_PLAY:
        result_j_num(o, "option", ev->pos + 1, ok);
        break;
    default:
        break;
    }
    return o;
}

int class_journal_append(class_journal *j, const class_session *c,
                         diag_list *diags)
{
    if (!j || !c) {
        diag_add(diags, DIAG_ERROR, "class journal", 0, 0,
                 "no journal or class session given");
        return -1;
    }
    size_t n = class_event_count(c);
    if (n < j->events) {
        diag_add(diags, DIAG_ERROR, j->path, 0, 0,
                 "not the journal of this class session");
        return -1;
    }
    while (j->events < n) {
        bool ok = true;
        cJSON *o =
            class_j_event(class_event_at(c, j->events), j->events + 1, &ok);
        if (class_j_write_json(j, o, ok, diags) != 0) {
            return -1;
        }
        j->events++;
    }
    return 0;
}

static const char *class_j_create(class_journal *j, const char *base)
{
    for (int nn = 1; nn <= CLASS_JOURNAL_MAX_COUNTER; nn++) {
        char *path =
            result_format("%s/%s-%02d%s", j->dir, base, nn, CLASS_JOURNAL_EXT);
        if (!path) {
            return strerror(ENOMEM);
        }
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0644);
        if (fd < 0 && errno == ENOENT && result_mkdirs(j->dir) == 0) {
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0644);
        }
        if (fd >= 0) {
            j->f.fd = fd;
            j->path = path;
            return NULL;
        }
        int err = errno;
        free(path);
        if (err != EEXIST) {
            return strerror(err);
        }
    }
    return "no free file name (counters 01 to 99 are all taken)";
}

class_journal *class_journal_open(const char *results_dir,
                                  const class_session *c,
                                  const char *scenario_path,
                                  int64_t started_ms, const result_io *io,
                                  diag_list *diags)
{
    const char *where = results_dir && *results_dir ? results_dir : "results";
    if (!results_dir || !*results_dir || !c || started_ms < 0 ||
        started_ms > RESULT_MAX_EPOCH_MS) {
        diag_add(diags, DIAG_ERROR, where, 0, 0,
                 "cannot start a class journal: no folder, class session or "
                 "valid start time given");
        return NULL;
    }
    const scenario *sc = class_scenario(c);
    if (!scenario_path) {
        scenario_path = sc->path;
    }
    char fingerprint[37];
    int64_t bytes = 0;
    if (!scenario_path || journal_fingerprint_file(scenario_path, fingerprint,
                                                   &bytes, diags) != 0) {
        return NULL;
    }
    class_journal *j = class_j_alloc(io);
    const char *who = class_mode_of(c) == CLASS_TEAMS ? "teams" : "class";
    char *base = result_base_name(started_ms, who, sc->id);
    const char *reason = NULL;
    if (!j || !base || !(j->dir = journal_dir_of(results_dir))) {
        reason = strerror(ENOMEM);
    } else {
        struct stat st;
        bool existed = stat(j->dir, &st) == 0;
        if (result_mkdirs(j->dir) != 0) {
            reason = strerror(errno);
        } else {
            if (!existed) {
                result_sync_dir(results_dir);
            }
            reason = class_j_create(j, base);
        }
    }
    free(base);
    if (reason) {
        diag_add(diags, DIAG_ERROR, where, 0, 0,
                 "cannot start a class journal in %s/%s: %s", where,
                 JOURNAL_DIR, reason);
        class_j_free(j);
        return NULL;
    }
    const class_options *opt = class_options_of(c);
    bool ok = true;
    char started[RESULT_ISO_SIZE];
    result_iso_time(started_ms, started, sizeof started);
    cJSON *h = cJSON_CreateObject();
    ok = h != NULL;
    result_j_str(h, "format", CLASS_JOURNAL_FORMAT, &ok);
    result_j_num(h, "format_version", CLASS_JOURNAL_FORMAT_VERSION, &ok);
    cJSON *so = result_j_obj(h, "scenario", &ok);
    result_j_str(so, "path", scenario_path, &ok);
    result_j_str(so, "id", sc->id ? sc->id : "", &ok);
    result_j_str(so, "version", sc->version ? sc->version : "", &ok);
    result_j_str(so, "title", sc->title ? sc->title : "", &ok);
    result_j_num(so, "bytes", (double)bytes, &ok);
    result_j_str(so, "fingerprint", fingerprint, &ok);
    result_j_str(h, "started", started, &ok);
    result_j_num(h, "started_ms", (double)started_ms, &ok);
    cJSON *set = result_j_obj(h, "settings", &ok);
    result_j_str(set, "mode",
                 class_mode_of(c) == CLASS_TEAMS ? "teams" : "whole", &ok);
    cJSON *teams = result_j_add(set, "teams", cJSON_CreateArray(), &ok);
    for (size_t k = 0; k < class_team_count(c); k++) {
        result_j_push(teams, cJSON_CreateString(class_team_name(c, k)), &ok);
    }
    result_j_bool(set, "scoreboard", opt->scoreboard, &ok);
    result_j_num(set, "discussion_ms", opt->discussion_ms, &ok);
    result_j_num(set, "seed", opt->seed, &ok);
    if (class_j_write_json(j, h, ok, diags) != 0 ||
        class_journal_append(j, c, diags) != 0) {
        unlink(j->path);
        class_j_free(j);
        return NULL;
    }
    result_sync_dir(j->dir);
    return j;
}

const char *class_journal_path(const class_journal *j)
{
    return j ? j->path : NULL;
}

size_t class_journal_event_count(const class_journal *j)
{
    return j ? j->events : 0;
}

int class_journal_drop_empty(const char *path, diag_list *diags)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) {
            return 0;
        }
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "cannot read the class journal: %s", strerror(errno));
        return -1;
    }
    char buf[4096];
    ssize_t n;
    bool line = false;
    size_t total = 0;
    while (
        !line && total < CLASS_JOURNAL_HEADER_SCAN &&
        ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))) {
        if (n > 0) {
            line = memchr(buf, '\n', (size_t)n) != NULL;
            total += (size_t)n;
        }
    }
    int err = errno;
    bool failed = !line && total < CLASS_JOURNAL_HEADER_SCAN && n < 0;
    close(fd);
    if (failed) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "cannot read the class journal: %s", strerror(err));
        return -1;
    }
    if (line || total >= CLASS_JOURNAL_HEADER_SCAN) {
        return 0;
    }
    diag_list *quiet = diag_list_new();
    int rc = class_journal_remove(path, quiet);
    if (rc == 0) {
        diag_add(diags, DIAG_WARNING, path, 0, 0,
                 "removed an empty class journal: the program stopped as the "
                 "session began, before anything was recorded");
    } else {
        const diag_entry *e = quiet ? diag_get(quiet, 0) : NULL;
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "an empty class journal (the program stopped as the session "
                 "began) that %s",
                 e ? e->message : "cannot be removed: out of memory");
    }
    diag_list_free(quiet);
    return rc == 0 ? 1 : -1;
}

int class_journal_remove(const char *path, diag_list *diags)
{
    if (journal_unlink(path, CLASS_JOURNAL_EXT) == 0) {
        return 0;
    }
    if (!path || errno == EINVAL) {
        diag_add(diags, DIAG_ERROR, path ? path : "class journal", 0, 0,
                 "not removed: not a class journal (a %s file)",
                 CLASS_JOURNAL_EXT);
    } else {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "cannot remove the class journal: %s", strerror(errno));
    }
    return -1;
}

int class_journal_close(class_journal *j, bool remove, diag_list *diags)
{
    if (!j) {
        return 0;
    }
    close(j->f.fd);
    j->f.fd = -1;
    int rc = remove ? class_journal_remove(j->path, diags) : 0;
    class_j_free(j);
    return rc;
}

char **class_journal_list(const char *results_dir, diag_list *diags)
{
    return journal_list_ext(results_dir, CLASS_JOURNAL_EXT, diags);
}

/* ---------- reading ---------- */

static void class_j_header(jsonl_reader *r, const cJSON *h,
                           class_journal_data *jd)
{
    const char *format = cJSON_GetStringValue(jsonl_item(h, "format"));
    if (!format || strcmp(format, CLASS_JOURNAL_FORMAT) != 0) {
        jsonl_error(r, "not a Rapport class journal (no \"format\": \"%s\")",
                    CLASS_JOURNAL_FORMAT);
        return;
    }
    int64_t v = jsonl_int(r, h, "format_version", 1, INT32_MAX);
    if (!r->failed && v > CLASS_JOURNAL_FORMAT_VERSION) {
        jsonl_error(r, "a class journal format version this build does not "
                       "read");
    }
    const cJSON *sc = jsonl_item(h, "scenario");
    jd->scenario_path = jsonl_string(r, sc, "path");
    jd->scenario_id = jsonl_string(r, sc, "id");
    jd->scenario_version = jsonl_string(r, sc, "version");
    jd->scenario_title = jsonl_string(r, sc, "title");
    jd->scenario_bytes = jsonl_int(r, sc, "bytes", 0, SCENARIO_MAX_FILE_BYTES);
    jd->scenario_fingerprint = jsonl_string(r, sc, "fingerprint");
    jd->started_ms = jsonl_int(r, h, "started_ms", 0, RESULT_MAX_EPOCH_MS);
    const cJSON *set = jsonl_item(h, "settings");
    char *mode = jsonl_string(r, set, "mode");
    if (mode && strcmp(mode, "teams") == 0) {
        jd->options.mode = CLASS_TEAMS;
    } else if (mode && strcmp(mode, "whole") != 0) {
        jsonl_error(r, "'mode' is neither \"whole\" nor \"teams\"");
    }
    free(mode);
    const cJSON *teams = jsonl_item(set, "teams");
    if (!r->failed && !cJSON_IsArray(teams)) {
        jsonl_error(r, "'teams' is missing or not a list");
    }
    const cJSON *t;
    const cJSON *list = r->failed ? NULL : teams;
    size_t k = 0;
    cJSON_ArrayForEach(t, list)
    {
        const char *name = cJSON_GetStringValue(t);
        if (k >= CLASS_MAX_TEAMS || !class_team_name_valid(name)) {
            jsonl_error(r, "a team name is not valid (or too many teams)");
            break;
        }
        jd->team_storage[k] = strdup(name);
        if (!jd->team_storage[k]) {
            jsonl_error(r, "out of memory");
            break;
        }
        k++;
    }
    jd->options.team_count = k;
    jd->options.team_names = (const char *const *)jd->team_storage;
    const cJSON *sb = jsonl_item(set, "scoreboard");
    if (!r->failed && !cJSON_IsBool(sb)) {
        jsonl_error(r, "'scoreboard' is missing or not true/false");
    }
    jd->options.scoreboard = cJSON_IsTrue(sb);
    jd->options.discussion_ms =
        (int)jsonl_int(r, set, "discussion_ms", 1, 24 * 3600 * 1000);
    jd->options.seed = (uint32_t)jsonl_int(r, set, "seed", 0, UINT32_MAX);
}

static void class_j_entry(jsonl_reader *r, const cJSON *o,
                          class_journal_data *jd)
{
    size_t n = jd->event_count;
    int64_t num = jsonl_int(r, o, "n", 1, INT32_MAX);
    if (!r->failed && (size_t)num != n + 1) {
        jsonl_error(r, "events are not numbered in order");
    }
    char *kind = jsonl_string(r, o, "event");
    int k = kind ? class_event_kind_from_name(kind) : -1;
    free(kind);
    if (!r->failed && k < 0) {
        jsonl_error(r, "an unknown event");
    }
    class_event ev = {0};
    ev.kind = (class_event_kind)k;
    ev.turn = (int)jsonl_int(r, o, "turn", 1, INT32_MAX) - 1;
    if (ev.kind == CLASS_EV_ADD) {
        char *src = jsonl_string(r, o, "source");
        ev.source = CLASS_SRC_COUNT;
        for (int s = 0; src && s < CLASS_SRC_COUNT; s++) {
            if (strcmp(src, class_source_name((class_source)s)) == 0) {
                ev.source = (class_source)s;
            }
        }
        free(src);
        if (!r->failed && ev.source == CLASS_SRC_COUNT) {
            jsonl_error(r, "an unknown vote source");
        }
        ev.count =
            (int)jsonl_int(r, o, "count", -CLASS_MAX_COUNT, CLASS_MAX_COUNT);
    }
    if (ev.kind == CLASS_EV_ADD || ev.kind == CLASS_EV_PICK) {
        ev.team = (int)jsonl_int(r, o, "team", -1, CLASS_MAX_TEAMS - 1);
    }
    if (ev.kind == CLASS_EV_ADD || ev.kind == CLASS_EV_PICK ||
        ev.kind == CLASS_EV_PLAY) {
        ev.pos = (int)jsonl_int(r, o, "option", 1, SCENARIO_MAX_CHOICES) - 1;
    }
    if (r->failed) {
        return;
    }
    if (n == jd->event_cap) {
        /* geometric: reading stays linear (and fast under the sanitizers) */
        size_t cap = jd->event_cap ? jd->event_cap * 2 : 64;
        class_event *grown = realloc(jd->events, cap * sizeof *grown);
        if (!grown) {
            jsonl_error(r, "out of memory");
            return;
        }
        jd->events = grown;
        jd->event_cap = cap;
    }
    jd->events[n] = ev;
    jd->event_count = n + 1;
}

class_journal_data *class_journal_read(const char *path, diag_list *diags)
{
    size_t size = 0;
    char *buf = result_read_file(path, JOURNAL_MAX_FILE_BYTES, "class journal",
                                 &size, diags);
    if (!buf) {
        return NULL;
    }
    class_journal_data *jd = class_journal_parse(buf, size, path, diags);
    free(buf);
    return jd;
}

class_journal_data *class_journal_parse(const char *buf, size_t size,
                                        const char *path, diag_list *diags)
{
    if (size > JOURNAL_MAX_FILE_BYTES) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "the class journal is larger than %u bytes",
                 (unsigned)JOURNAL_MAX_FILE_BYTES);
        return NULL;
    }
    class_journal_data *jd = calloc(1, sizeof *jd);
    if (!jd || !(jd->path = strdup(path))) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
        free(jd);
        return NULL;
    }
    jsonl_reader r = {path, diags, 0, false};
    size_t at = 0;
    cJSON *o = NULL;
    jsonl_step step;
    while (!r.failed &&
           (step = jsonl_next(&r, buf, size, &at, &o)) != JSONL_END) {
        if (step == JSONL_TORN) {
            diag_add(diags, DIAG_WARNING, path, r.line, 0,
                     "the last record was cut short (the program stopped "
                     "while writing it); ignored");
            jd->torn = true;
            break;
        }
        if (step == JSONL_NOT_OBJECT) {
            jsonl_error(&r, "not a class journal record (not one JSON "
                            "object on the line)");
        } else if (r.line == 1) {
            class_j_header(&r, o, jd);
        } else {
            class_j_entry(&r, o, jd);
        }
        cJSON_Delete(o);
        if (!r.failed) {
            jd->valid_bytes = at;
        }
    }
    if (!r.failed && jd->valid_bytes == 0) {
        jsonl_error(&r, "the class journal has no header; there is nothing "
                        "to recover");
    }
    if (r.failed) {
        class_journal_data_free(jd);
        return NULL;
    }
    return jd;
}

void class_journal_data_free(class_journal_data *jd)
{
    if (!jd) {
        return;
    }
    for (int k = 0; k < CLASS_MAX_TEAMS; k++) {
        free(jd->team_storage[k]);
    }
    free(jd->events);
    free(jd->path);
    free(jd->scenario_path);
    free(jd->scenario_id);
    free(jd->scenario_version);
    free(jd->scenario_title);
    free(jd->scenario_fingerprint);
    free(jd);
}

static bool class_j_same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

class_session *class_journal_replay(const class_journal_data *jd,
                                    const scenario *sc, diag_list *diags)
{
    if (!jd || !sc) {
        diag_add(diags, DIAG_ERROR, jd ? jd->path : "class journal", 0, 0,
                 "no class journal or scenario given");
        return NULL;
    }
    if (!class_j_same(jd->scenario_id, sc->id) ||
        !class_j_same(jd->scenario_version, sc->version)) {
        diag_add(diags, DIAG_ERROR, jd->path, 1, 0,
                 "the class journal is of scenario '%s' version '%s', not of "
                 "'%s' version '%s'",
                 jd->scenario_id, jd->scenario_version, sc->id ? sc->id : "",
                 sc->version ? sc->version : "");
        return NULL;
    }
    char fingerprint[37];
    int64_t bytes = 0;
    if (!sc->path ||
        journal_fingerprint_file(sc->path, fingerprint, &bytes, diags) != 0) {
        return NULL;
    }
    if (bytes != jd->scenario_bytes ||
        strcmp(fingerprint, jd->scenario_fingerprint) != 0) {
        diag_add(diags, DIAG_ERROR, jd->path, 1, 0,
                 "the scenario file %s has changed since the class session "
                 "started; it can only be replayed on the version it was "
                 "played on",
                 sc->path);
        return NULL;
    }
    class_session *c = class_new(sc, &jd->options, diags);
    if (!c) {
        return NULL;
    }
    for (size_t i = 0; i < jd->event_count; i++) {
        class_status st = class_apply(c, &jd->events[i]);
        if (st != CLASS_OK) {
            diag_add(diags, DIAG_ERROR, jd->path, (int)i + 2, 0,
                     "event %zu cannot be replayed: %s", i + 1,
                     class_status_message(st));
            class_free(c);
            return NULL;
        }
    }
    return c;
}

class_journal *class_journal_continue(const class_journal_data *jd,
                                      const class_session *c,
                                      const result_io *io, diag_list *diags)
{
    if (!jd || !c || class_event_count(c) < jd->event_count) {
        diag_add(diags, DIAG_ERROR, jd ? jd->path : "class journal", 0, 0,
                 "cannot continue the class journal: not its session");
        return NULL;
    }
    class_journal *j = class_j_alloc(io);
    if (!j || !(j->path = strdup(jd->path))) {
        diag_add(diags, DIAG_ERROR, jd->path, 0, 0, "out of memory");
        class_j_free(j);
        return NULL;
    }
    j->f.fd = open(j->path, O_WRONLY | O_APPEND);
    if (j->f.fd < 0 || ftruncate(j->f.fd, (off_t)jd->valid_bytes) != 0 ||
        fsync(j->f.fd) != 0) {
        diag_add(diags, DIAG_ERROR, jd->path, 0, 0,
                 "cannot continue the class journal: %s", strerror(errno));
        class_j_free(j);
        return NULL;
    }
    j->f.bytes = (off_t)jd->valid_bytes;
    j->events = jd->event_count;
    if (class_journal_append(j, c, diags) != 0) {
        class_j_free(j);
        return NULL;
    }
    return j;
}
