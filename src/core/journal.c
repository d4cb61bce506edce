/* journal.c — sessions in progress kept on disk line by line (JSON Lines
 * written with cJSON), read back, replayed and saved; see journal.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "journal.h"
#include "result_internal.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlstring.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "debrief.h"
#include "filelock.h"
#include "i18n.h"
#include "jsonl.h"

#define JOURNAL_MAX_COUNTER 99
/* Corrupt lines reported per journal before giving up on the rest. */
#define JOURNAL_MAX_LINE_ERRORS 10

struct journal {
    char *path;
    char *dir;    /* the in-progress folder */
    jsonl_file f; /* its fd, the whole lines it holds, the hooks */
    size_t turns; /* turns written */
    result_io io; /* copied hooks; NULL members are POSIX */
};

/* Writes obj as one line (jsonl_write_json), reporting a failure. */
static int journal_write_json(journal *j, cJSON *obj, bool ok,
                              diag_list *diags)
{
    if (jsonl_write_json(&j->f, obj, ok) != 0) {
        diag_add(diags, DIAG_ERROR, j->path, 0, 0,
                 "cannot write the journal: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* ---------- fingerprints ---------- */

static void journal_fingerprint(const char *data, size_t size, char out[37])
{
    /* our namespace: uuid5(URL namespace, RESULT_XAPI_NS "/journal") */
    static const uuid_t url_ns = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                  0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                  0x4f, 0xd4, 0x30, 0xc8};
    static const char ns_name[] = RESULT_XAPI_NS "/journal";
    uuid_t ns;
    uuid_t u;
    uuid_generate_sha1(ns, url_ns, ns_name, strlen(ns_name));
    uuid_generate_sha1(u, ns, data, size);
    uuid_unparse_lower(u, out);
}

int journal_fingerprint_file(const char *path, char out[37], int64_t *bytes,
                             diag_list *diags)
{
    size_t size = 0;
    char *data = result_read_file(path, SCENARIO_MAX_FILE_BYTES, "scenario",
                                  &size, diags);
    if (!data) {
        return -1;
    }
    journal_fingerprint(data, size, out);
    *bytes = (int64_t)size;
    free(data);
    return 0;
}

/* ---------- writing ---------- */

static cJSON *journal_turn_json(const session *s, size_t i, bool *ok)
{
    const session_turn *t = session_turn_at(s, i);
    const scenario_node *n = &session_scenario(s)->nodes[t->node_index];
    cJSON *o = cJSON_CreateObject();
    *ok = o != NULL;
    result_j_num(o, "turn", (double)(i + 1), ok);
    result_j_str(o, "node", n->id, ok);
    if (t->choice_index < 0) {
        result_j_bool(o, "timed_out", true, ok);
    } else {
        result_j_num(o, "choice", t->offered_pos, ok);
        result_j_num(o, "choice_index", t->choice_index, ok);
    }
    result_j_num(o, "response_ms", t->response_ms, ok);
    return o;
}

int journal_append(journal *j, const session *s, diag_list *diags)
{
    if (!j || !s) {
        diag_add(diags, DIAG_ERROR, j ? j->path : "journal", 0, 0,
                 "no journal or session given");
        return -1;
    }
    size_t n = session_turn_count(s);
    if (n < j->turns) {
        diag_add(diags, DIAG_ERROR, j->path, 0, 0,
                 "the session has %zu turns but the journal already has %zu; "
                 "not the journal of this session",
                 n, j->turns);
        return -1;
    }
    if (n > JOURNAL_MAX_TURNS) {
        diag_add(diags, DIAG_ERROR, j->path, 0, 0,
                 "cannot write the journal: a call of more than %u replies",
                 JOURNAL_MAX_TURNS);
        return -1;
    }
    while (j->turns < n) {
        bool ok = true;
        cJSON *o = journal_turn_json(s, j->turns, &ok);
        if (journal_write_json(j, o, ok, diags) != 0) {
            return -1;
        }
        j->turns++;
    }
    return 0;
}

static void journal_free(journal *j)
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

static journal *journal_alloc(const result_io *io)
{
    journal *j = calloc(1, sizeof *j);
    if (!j) {
        return NULL;
    }
    j->f.fd = -1;
    if (io) {
        j->io = *io;
        j->f.io = &j->io;
    }
    return j;
}

char *journal_dir_of(const char *results_dir)
{
    size_t len = strlen(results_dir);
    while (len > 1 && results_dir[len - 1] == '/') {
        len--;
    }
    return result_format("%.*s%s%s", (int)len, results_dir,
                         results_dir[len - 1] == '/' ? "" : "/", JOURNAL_DIR);
}

/* Gives the journal being written as j->path (a locked temporary file in
 * j->dir, header and turns written and synced) its name dir/base-NN.journal
 * without replacing a file: link() fails when the name exists. So a
 * journal appears with its header and its owner's lock, never empty nor
 * unowned. Where the file system has no hard links (FAT) the name is
 * reserved with O_EXCL, then the temporary file renamed onto it. NULL, or
 * the reason it failed. */
static const char *journal_publish(journal *j, const char *base)
{
    for (int nn = 1; nn <= JOURNAL_MAX_COUNTER; nn++) {
        char *path =
            result_format("%s/%s-%02d%s", j->dir, base, nn, JOURNAL_EXT);
        if (!path) {
            return strerror(ENOMEM);
        }
        int rc = link(j->path, path);
        int err = errno;
        if (rc != 0 && (err == EPERM || err == ENOTSUP || err == EOPNOTSUPP ||
                        err == ENOSYS || err == EMLINK)) {
            int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
            err = errno;
            if (fd >= 0) {
                close(fd);
                rc = rename(j->path, path);
                err = errno;
                if (rc != 0) {
                    unlink(path);
                }
            }
        } else if (rc == 0) {
            unlink(j->path);
        }
        if (rc == 0) {
            free(j->path);
            j->path = path;
            return NULL;
        }
        free(path);
        if (err != EEXIST) {
            return strerror(err);
        }
    }
    return "no free file name (counters 01 to 99 are all taken)";
}

/* Creates j's temporary file in j->dir, locked, open for appending. NULL,
 * or the reason it failed. */
static const char *journal_create_temp(journal *j)
{
    j->path = result_format("%s/%sXXXXXX", j->dir, FILELOCK_TEMP_PREFIX);
    if (!j->path) {
        return strerror(ENOMEM);
    }
    int fd = mkstemp(j->path);
    if (fd < 0 && errno == ENOENT && result_mkdirs(j->dir) == 0) {
        /* the folder was removed with its last journal meanwhile */
        fd = mkstemp(j->path);
    }
    if (fd < 0) {
        return strerror(errno);
    }
    j->f.fd = fd;
    (void)fchmod(fd, 0644);
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_APPEND) != 0 ||
        filelock_try_fd(fd) != FILELOCK_TAKEN) {
        return strerror(errno ? errno : EIO);
    }
    return NULL;
}

journal *journal_open(const char *results_dir, const session *s,
                      const char *scenario_path, const result_info *info,
                      const result_io *io, diag_list *diags)
{
    const char *where = results_dir && *results_dir ? results_dir : "results";
    if (!results_dir || !*results_dir || !s || !info) {
        diag_add(diags, DIAG_ERROR, where, 0, 0,
                 "cannot start a journal: no folder, session or info given");
        return NULL;
    }
    const scenario *sc = session_scenario(s);
    if (!scenario_path) {
        scenario_path = sc->path;
    }
    if (!result_trainee_valid(info->trainee) || info->started_ms < 0 ||
        info->started_ms > RESULT_MAX_EPOCH_MS || !scenario_path) {
        diag_add(diags, DIAG_ERROR, where, 0, 0,
                 "cannot start a journal: invalid trainee name, start time "
                 "or scenario path");
        return NULL;
    }
    char fingerprint[37];
    int64_t bytes = 0;
    if (journal_fingerprint_file(scenario_path, fingerprint, &bytes, diags) !=
        0) {
        return NULL;
    }
    journal *j = journal_alloc(io);
    char *base = result_base_name(info->started_ms, info->trainee, sc->id);
    const char *reason = NULL;
    filelock *dir_lock = NULL;
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
            /* writers of temporary files hold the folder shared; orphans
             * of stopped programs are swept first */
            dir_lock = filelock_dir_enter(j->dir, NULL, diags);
            reason = journal_create_temp(j);
        }
    }
    if (reason) {
        diag_add(diags, DIAG_ERROR, where, 0, 0,
                 "cannot start a journal in %s/%s: %s", where, JOURNAL_DIR,
                 reason);
        if (j && j->f.fd >= 0) {
            unlink(j->path);
        }
        journal_free(j);
        filelock_release(dir_lock);
        free(base);
        return NULL;
    }

    bool ok = true;
    char started[RESULT_ISO_SIZE];
    result_iso_time(info->started_ms, started, sizeof started);
    cJSON *h = cJSON_CreateObject();
    ok = h != NULL;
    result_j_str(h, "format", JOURNAL_FORMAT, &ok);
    result_j_num(h, "format_version", JOURNAL_FORMAT_VERSION, &ok);
    cJSON *sco = result_j_obj(h, "scenario", &ok);
    result_j_str(sco, "path", scenario_path, &ok);
    result_j_str(sco, "id", sc->id ? sc->id : "", &ok);
    result_j_str(sco, "version", sc->version ? sc->version : "", &ok);
    result_j_str(sco, "title", sc->title ? sc->title : "", &ok);
    result_j_num(sco, "bytes", (double)bytes, &ok);
    result_j_str(sco, "fingerprint", fingerprint, &ok);
    result_j_str(h, "trainee", info->trainee, &ok);
    result_j_str(h, "started", started, &ok);
    result_j_num(h, "started_ms", (double)info->started_ms, &ok);
    cJSON *set = result_j_obj(h, "settings", &ok);
    result_j_str(set, "feedback_mode",
                 result_feedback_mode_name(info->feedback_mode), &ok);
    result_j_bool(set, "relaxed_timing", session_options_of(s)->relaxed_timing,
                  &ok);
    result_j_bool(set, "shuffle", session_options_of(s)->shuffle, &ok);
    result_j_uint(
        set, "seed",
        session_options_of(s)->shuffle ? session_options_of(s)->seed : 0, &ok);
    if (journal_write_json(j, h, ok, diags) != 0 ||
        journal_append(j, s, diags) != 0) {
        unlink(j->path);
        journal_free(j);
        filelock_release(dir_lock);
        free(base);
        return NULL;
    }
    reason = journal_publish(j, base);
    free(base);
    if (reason) {
        diag_add(diags, DIAG_ERROR, where, 0, 0,
                 "cannot start a journal in %s/%s: %s", where, JOURNAL_DIR,
                 reason);
        unlink(j->path);
        journal_free(j);
        filelock_release(dir_lock);
        return NULL;
    }
    filelock_release(dir_lock);
    result_sync_dir(j->dir);
    return j;
}

const char *journal_path(const journal *j) { return j ? j->path : NULL; }

size_t journal_turn_count(const journal *j) { return j ? j->turns : 0; }

int journal_unlink(const char *path, const char *ext)
{
    size_t len = path ? strlen(path) : 0;
    size_t n = ext ? strlen(ext) : 0;
    if (!path || len <= n || strcmp(path + len - n, ext) != 0) {
        errno = EINVAL;
        return -1;
    }
    if (unlink(path) != 0) {
        return -1;
    }
    char *dir = strdup(path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash) {
        *(slash == dir ? slash + 1 : slash) = '\0';
        result_sync_dir(dir);
        /* the last journal gone: the in-progress folder goes too, so a
         * results folder holds only results (a journal being created at
         * the same time makes the folder again, see journal_create_temp) */
        char *parent_end = strrchr(dir, '/');
        const char *base = parent_end ? parent_end + 1 : dir;
        if (strcmp(base, JOURNAL_DIR) == 0 && rmdir(dir) == 0) {
            if (!parent_end) {
                result_sync_dir(".");
            } else {
                *(parent_end == dir ? parent_end + 1 : parent_end) = '\0';
                result_sync_dir(dir);
            }
        }
    } else if (dir) {
        result_sync_dir(".");
    }
    free(dir);
    return 0;
}

int journal_remove(const char *path, diag_list *diags)
{
    if (journal_unlink(path, JOURNAL_EXT) == 0) {
        return 0;
    }
    if (path && errno == EINVAL) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "not removed: not a journal (a %s file)", JOURNAL_EXT);
    } else {
        diag_add(diags, DIAG_ERROR, path ? path : "journal", 0, 0,
                 "cannot remove the journal: %s",
                 path ? strerror(errno) : "no file given");
    }
    return -1;
}

int journal_close(journal *j, bool remove, diag_list *diags)
{
    if (!j) {
        return 0;
    }
    /* removed while its lock is still held, so no other program takes
     * it meanwhile */
    int rc = remove ? journal_remove(j->path, diags) : 0;
    journal_free(j);
    return rc;
}

/* ---------- listing ---------- */

static int journal_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void journal_list_free(char **paths)
{
    if (!paths) {
        return;
    }
    for (char **p = paths; *p; p++) {
        free(*p);
    }
    free(paths);
}

char **journal_list(const char *results_dir, diag_list *diags)
{
    return journal_list_ext(results_dir, JOURNAL_EXT, diags);
}

char **journal_list_ext(const char *results_dir, const char *ext_name,
                        diag_list *diags)
{
    char *dir =
        results_dir && *results_dir ? journal_dir_of(results_dir) : NULL;
    if (!dir) {
        diag_add(diags, DIAG_ERROR, "results", 0, 0,
                 results_dir && *results_dir ? "out of memory"
                                             : "no results folder given");
        return NULL;
    }
    size_t count = 0;
    size_t cap = 8;
    char **paths = calloc(cap + 1, sizeof *paths);
    DIR *d = paths ? opendir(dir) : NULL;
    if (paths && !d && errno != ENOENT) {
        diag_add(diags, DIAG_ERROR, dir, 0, 0, "cannot read the folder: %s",
                 strerror(errno));
        free(paths);
        free(dir);
        return NULL;
    }
    bool failed = !paths;
    const struct dirent *e;
    while (d && !failed && (e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        size_t ext = strlen(ext_name);
        if (e->d_name[0] == '.' || len <= ext ||
            strcmp(e->d_name + len - ext, ext_name) != 0) {
            continue;
        }
        char *path = result_format("%s/%s", dir, e->d_name);
        struct stat st;
        if (path && (stat(path, &st) != 0 || !S_ISREG(st.st_mode))) {
            free(path);
            continue;
        }
        if (path && count == cap) {
            char **grown = realloc(paths, (cap * 2 + 1) * sizeof *paths);
            if (grown) {
                paths = grown;
                cap *= 2;
            }
        }
        if (!path || count == cap) {
            free(path);
            failed = true;
            break;
        }
        paths[count++] = path;
        paths[count] = NULL;
    }
    if (d) {
        closedir(d);
    }
    if (failed) {
        diag_add(diags, DIAG_ERROR, dir, 0, 0, "out of memory");
        journal_list_free(paths);
        paths = NULL;
    } else {
        qsort(paths, count, sizeof *paths, journal_cmp);
    }
    free(dir);
    return paths;
}

/* ---------- reading ---------- */

typedef struct {
    jsonl_reader rd;
    size_t cap; /* entries allocated */
} journal_reader;

static void journal_rd_header(journal_reader *r, const cJSON *h,
                              journal_data *jd)
{
    const char *format = cJSON_GetStringValue(jsonl_item(h, "format"));
    if (!format || strcmp(format, JOURNAL_FORMAT) != 0) {
        jsonl_error(&r->rd, "not a Rapport journal: no \"format\": \"%s\"",
                    JOURNAL_FORMAT);
        return;
    }
    jd->format_version =
        (int)jsonl_int(&r->rd, h, "format_version", 1, INT32_MAX);
    if (!r->rd.failed && jd->format_version > JOURNAL_FORMAT_VERSION) {
        jsonl_error(&r->rd,
                    "journal format version %d was written by a newer "
                    "Rapport; this one reads version %d",
                    jd->format_version, JOURNAL_FORMAT_VERSION);
    }
    const cJSON *sc = jsonl_item(h, "scenario");
    if (!r->rd.failed && !cJSON_IsObject(sc)) {
        jsonl_error(&r->rd, "'scenario' is missing or not an object");
    }
    jd->scenario_path = jsonl_string(&r->rd, sc, "path");
    jd->scenario_id = jsonl_string(&r->rd, sc, "id");
    jd->scenario_version = jsonl_string(&r->rd, sc, "version");
    jd->scenario_title = jsonl_string(&r->rd, sc, "title");
    jd->scenario_bytes =
        jsonl_int(&r->rd, sc, "bytes", 0, SCENARIO_MAX_FILE_BYTES);
    jd->scenario_fingerprint = jsonl_string(&r->rd, sc, "fingerprint");
    jd->trainee = jsonl_string(&r->rd, h, "trainee");
    if (!r->rd.failed && !result_trainee_valid(jd->trainee)) {
        jsonl_error(&r->rd, "'trainee' is not a valid name");
    }
    jd->started_ms =
        jsonl_int(&r->rd, h, "started_ms", 0, RESULT_MAX_EPOCH_MS);
    const cJSON *set = jsonl_item(h, "settings");
    char *mode = jsonl_string(&r->rd, set, "feedback_mode");
    if (mode && strcmp(mode, "immediate") == 0) {
        jd->feedback_mode = RESULT_FEEDBACK_IMMEDIATE;
    } else if (mode && strcmp(mode, "withheld") != 0) {
        jsonl_error(&r->rd,
                    "'feedback_mode' is \"%s\", expected \"withheld\" "
                    "or \"immediate\"",
                    mode);
    }
    free(mode);
    jd->relaxed_timing = jsonl_bool(&r->rd, set, "relaxed_timing");
    if (jd->format_version >= 2) {
        jd->shuffle = jsonl_bool(&r->rd, set, "shuffle");
        jd->seed = (uint64_t)jsonl_int(&r->rd, set, "seed", 0,
                                       (int64_t)SESSION_SEED_MAX);
    }
}

static void journal_rd_entry(journal_reader *r, const cJSON *o,
                             journal_data *jd)
{
    size_t n = jd->entry_count;
    int64_t turn = jsonl_int(&r->rd, o, "turn", 1, INT32_MAX);
    if (!r->rd.failed && (size_t)turn != n + 1) {
        jsonl_error(&r->rd, "turn %lld where turn %zu was expected",
                    (long long)turn, n + 1);
    }
    journal_entry e = {NULL, false, 0, -1, 0};
    e.node = jsonl_string(&r->rd, o, "node");
    const cJSON *t = jsonl_item(o, "timed_out");
    e.timed_out = cJSON_IsTrue(t);
    if (t && !cJSON_IsBool(t)) {
        jsonl_error(&r->rd, "'timed_out' is not true/false");
    }
    if (!e.timed_out) {
        e.choice =
            (int)jsonl_int(&r->rd, o, "choice", 1, SCENARIO_MAX_CHOICES);
        e.choice_index = (int)jsonl_int(&r->rd, o, "choice_index", 0, 15);
    }
    e.response_ms = (int)jsonl_int(&r->rd, o, "response_ms", 0, INT32_MAX);
    if (r->rd.failed) {
        free(e.node);
        return;
    }
    if (n == JOURNAL_MAX_TURNS) {
        free(e.node);
        jsonl_error(&r->rd,
                    "more than %u replies: no call is that long; not a "
                    "journal Rapport wrote",
                    JOURNAL_MAX_TURNS);
        return;
    }
    if (n == r->cap) {
        /* geometric growth: reading stays linear in the journal's length */
        size_t cap = r->cap ? r->cap * 2 : 32;
        if (cap > JOURNAL_MAX_TURNS) {
            cap = JOURNAL_MAX_TURNS;
        }
        journal_entry *grown = realloc(jd->entries, cap * sizeof *grown);
        if (!grown) {
            free(e.node);
            jsonl_error(&r->rd, "out of memory");
            return;
        }
        jd->entries = grown;
        r->cap = cap;
    }
    jd->entries[n] = e;
    jd->entry_count = n + 1;
}

journal_data *journal_read(const char *path, diag_list *diags)
{
    size_t size = 0;
    char *buf = result_read_file(path, JOURNAL_MAX_FILE_BYTES, "journal",
                                 &size, diags);
    if (!buf) {
        return NULL;
    }
    journal_data *jd = journal_parse(buf, size, path, diags);
    free(buf);
    return jd;
}

journal_data *journal_parse(const char *buf, size_t size, const char *path,
                            diag_list *diags)
{
    path = path ? path : "journal";
    if (size > JOURNAL_MAX_FILE_BYTES) {
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "larger than %u bytes; not a journal Rapport wrote",
                 JOURNAL_MAX_FILE_BYTES);
        return NULL;
    }
    journal_data *jd = calloc(1, sizeof *jd);
    if (!jd || !(jd->path = strdup(path))) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
        free(jd);
        return NULL;
    }
    journal_reader r = {{path, diags, 0, false}, 0};
    int errors = 0;
    size_t at = 0;
    cJSON *o = NULL;
    jsonl_step step;
    while (errors < JOURNAL_MAX_LINE_ERRORS &&
           (step = jsonl_next(&r.rd, buf, size, &at, &o)) != JSONL_END) {
        if (step == JSONL_TORN) {
            diag_add(diags, DIAG_WARNING, path, r.rd.line, 0,
                     "the last record was cut short (the program stopped "
                     "while writing it); ignored");
            jd->torn = true;
            break;
        }
        if (step == JSONL_NOT_OBJECT) {
            jsonl_error(&r.rd, "not a journal record (not one JSON object "
                               "on the line)");
        } else if (r.rd.line == 1) {
            journal_rd_header(&r, o, jd);
        } else if (errors == 0) {
            journal_rd_entry(&r, o, jd);
        }
        cJSON_Delete(o);
        if (r.rd.failed) {
            errors++;
            if (r.rd.line == 1) {
                break; /* without a header the rest means nothing */
            }
        }
        if (errors == 0) {
            jd->valid_bytes = at;
        }
    }
    if (errors == 0 && r.rd.line < (jd->torn ? 2 : 1)) {
        diag_add(diags, DIAG_ERROR, path, 1, 0,
                 "the journal has no header (the program stopped as the "
                 "session began); there is nothing to recover");
        errors++;
    }
    if (errors > 0) {
        journal_data_free(jd);
        return NULL;
    }
    return jd;
}

void journal_data_free(journal_data *jd)
{
    if (!jd) {
        return;
    }
    for (size_t i = 0; i < jd->entry_count; i++) {
        free(jd->entries[i].node);
    }
    free(jd->entries);
    free(jd->path);
    free(jd->scenario_path);
    free(jd->scenario_id);
    free(jd->scenario_version);
    free(jd->scenario_title);
    free(jd->scenario_fingerprint);
    free(jd->trainee);
    free(jd);
}

/* ---------- replaying ---------- */

static bool journal_same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

session *journal_replay(const journal_data *jd, const scenario *sc,
                        diag_list *diags)
{
    if (!jd || !sc) {
        diag_add(diags, DIAG_ERROR, jd ? jd->path : "journal", 0, 0,
                 "no journal or scenario given");
        return NULL;
    }
    if (!journal_same(jd->scenario_id, sc->id) ||
        !journal_same(jd->scenario_version, sc->version)) {
        diag_add(diags, DIAG_ERROR, jd->path, 1, 0,
                 "the journal is of scenario '%s' version '%s', not of %s "
                 "('%s' version '%s')",
                 jd->scenario_id, jd->scenario_version,
                 sc->path ? sc->path : "the scenario given",
                 sc->id ? sc->id : "", sc->version ? sc->version : "");
        return NULL;
    }
    char fingerprint[37];
    int64_t bytes = 0;
    if (!sc->path ||
        journal_fingerprint_file(sc->path, fingerprint, &bytes, diags) != 0) {
        if (!sc->path) {
            diag_add(diags, DIAG_ERROR, jd->path, 1, 0,
                     "the scenario has no file to check");
        }
        return NULL;
    }
    if (bytes != jd->scenario_bytes ||
        strcmp(fingerprint, jd->scenario_fingerprint) != 0) {
        diag_add(diags, DIAG_ERROR, jd->path, 1, 0,
                 "the scenario file %s has changed since the session started "
                 "(%lld bytes then, %lld now); the journal can only be "
                 "replayed on the version it was played on",
                 sc->path, (long long)jd->scenario_bytes, (long long)bytes);
        return NULL;
    }
    session_options opt = {.relaxed_timing = jd->relaxed_timing,
                           .shuffle = jd->shuffle,
                           .seed = jd->seed};
    session *s = session_new(sc, &opt);
    if (!s) {
        diag_add(diags, DIAG_ERROR, jd->path, 0, 0,
                 "cannot start the session: out of memory");
        return NULL;
    }
    for (size_t i = 0; i < jd->entry_count; i++) {
        const journal_entry *e = &jd->entries[i];
        int line = (int)i + 2;
        const scenario_node *n = session_node(s);
        const char *problem = NULL;
        char why[160];
        if (!n) {
            problem = _("the call had already ended");
        } else if (strcmp(n->id, e->node) != 0) {
            snprintf(why, sizeof why,
                     _("the call is at node '%.60s', not '%.60s'"), n->id,
                     e->node);
            problem = why;
        } else if (e->timed_out) {
            int wait = e->response_ms < INT32_MAX ? e->response_ms + 1
                                                  : e->response_ms;
            if (session_wait(s, wait) != SESSION_TIMED_OUT ||
                session_turn_at(s, i)->response_ms != e->response_ms) {
                problem = _("the customer's patience does not run out as "
                            "journaled");
            }
        } else if (session_offered_index(s, (size_t)e->choice - 1) !=
                   e->choice_index) {
            snprintf(why, sizeof why,
                     _("option %d on offer is not the journaled one"),
                     e->choice);
            problem = why;
        } else if (session_choose(s, (size_t)e->choice - 1, e->response_ms) !=
                   SESSION_OK) {
            problem = _("the reply does not play as journaled");
        }
        if (problem) {
            diag_add(diags, DIAG_ERROR, jd->path, line, 0,
                     "turn %zu cannot be replayed: %s", i + 1, problem);
            session_free(s);
            return NULL;
        }
    }
    return s;
}

journal *journal_continue(const journal_data *jd, const session *s,
                          const result_io *io, diag_list *diags)
{
    return journal_continue_locked(jd, s, NULL, io, diags);
}

journal *journal_continue_locked(const journal_data *jd, const session *s,
                                 filelock *lock, const result_io *io,
                                 diag_list *diags)
{
    if (!jd || !s || session_turn_count(s) < jd->entry_count) {
        diag_add(diags, DIAG_ERROR, jd ? jd->path : "journal", 0, 0,
                 "cannot continue the journal: not its session");
        filelock_release(lock);
        return NULL;
    }
    journal *j = journal_alloc(io);
    char *slash = NULL;
    if (j && (j->path = strdup(jd->path)) && (j->dir = strdup(jd->path))) {
        slash = strrchr(j->dir, '/');
        if (slash) {
            *(slash == j->dir ? slash + 1 : slash) = '\0';
        } else {
            free(j->dir);
            j->dir = strdup(".");
        }
    }
    if (!j || !j->path || !j->dir) {
        diag_add(diags, DIAG_ERROR, jd->path, 0, 0, "out of memory");
        journal_free(j);
        filelock_release(lock);
        return NULL;
    }
    if (!lock) {
        journal_take_status st = journal_take(jd->path, &lock, diags);
        if (st != JOURNAL_TAKEN) {
            if (st == JOURNAL_LIVE) {
                diag_add(diags, DIAG_ERROR, jd->path, 0, 0,
                         "cannot continue the journal: another running "
                         "Rapport is playing this call");
            } else if (st != JOURNAL_FAILED) {
                diag_add(diags, DIAG_ERROR, jd->path, 0, 0,
                         "cannot continue the journal: it was removed "
                         "meanwhile");
            }
            journal_free(j);
            return NULL;
        }
    }
    /* the journal's descriptor shares the lock's open file, so the call
     * keeps the lock until the journal is closed */
    j->f.fd = dup(filelock_fd(lock));
    filelock_release(lock);
    int fl = j->f.fd >= 0 ? fcntl(j->f.fd, F_GETFL) : -1;
    if (fl < 0 || fcntl(j->f.fd, F_SETFL, fl | O_APPEND) != 0 ||
        ftruncate(j->f.fd, (off_t)jd->valid_bytes) != 0 ||
        fsync(j->f.fd) != 0) {
        diag_add(diags, DIAG_ERROR, jd->path, 0, 0,
                 "cannot continue the journal: %s", strerror(errno));
        journal_free(j);
        return NULL;
    }
    j->f.bytes = (off_t)jd->valid_bytes;
    j->turns = jd->entry_count;
    if (journal_append(j, s, diags) != 0) {
        journal_free(j);
        return NULL;
    }
    return j;
}

/* ---------- taking a journal for recovery ---------- */

void journal_sweep(const char *results_dir, diag_list *diags)
{
    char *dir =
        results_dir && *results_dir ? journal_dir_of(results_dir) : NULL;
    struct stat st;
    const char *dirs[2] = {results_dir, dir};
    for (int i = 0; i < 2; i++) {
        if (dirs[i] && stat(dirs[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            filelock_release(filelock_dir_enter(dirs[i], NULL, diags));
        }
    }
    free(dir);
}

/* No header: nothing but a first line cut short (or no byte at all). */
static bool journal_headless(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size > JOURNAL_HEADER_MAX_BYTES) {
        return false;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    ssize_t n = buf ? pread(fd, buf, size, 0) : -1;
    bool headless = n >= 0 && (size_t)n == size && !memchr(buf, '\n', size);
    free(buf);
    return headless;
}

journal_take_status journal_take(const char *path, filelock **lock,
                                 diag_list *diags)
{
    *lock = NULL;
    filelock *l = NULL;
    /* read-write to play on; a journal made read-only can still be read,
     * saved and removed */
    filelock_status st = filelock_take(path, O_RDWR, &l, NULL);
    if (st == FILELOCK_FAILED) {
        st = filelock_take(path, O_RDONLY, &l, diags);
    }
    switch (st) {
    case FILELOCK_BUSY:
        return JOURNAL_LIVE;
    case FILELOCK_GONE:
        return JOURNAL_GONE;
    case FILELOCK_FAILED:
        return JOURNAL_FAILED;
    case FILELOCK_TAKEN:
        break;
    }
    if (journal_headless(filelock_fd(l))) {
        diag_list *quiet = diag_list_new();
        int rc = journal_remove(path, quiet);
        filelock_release(l);
        if (rc == 0) {
            diag_add(diags, DIAG_WARNING, path, 0, 0,
                     "removed an empty journal: the program stopped as the "
                     "call began, before any reply");
        } else {
            const diag_entry *e = quiet ? diag_get(quiet, 0) : NULL;
            diag_add(diags, DIAG_ERROR, path, 0, 0,
                     "an empty journal (the program stopped as the call "
                     "began) that %s",
                     e ? e->message : "cannot be removed: out of memory");
        }
        diag_list_free(quiet);
        return rc == 0 ? JOURNAL_EMPTIED : JOURNAL_FAILED;
    }
    *lock = l;
    return JOURNAL_TAKEN;
}

/* ---------- saving ---------- */

void journal_result_info(const journal_data *jd, const session *s,
                         result_info *info)
{
    memset(info, 0, sizeof *info);
    info->trainee = jd->trainee;
    info->started_ms = jd->started_ms;
    info->feedback_mode = jd->feedback_mode;
    info->interrupted = true;
    int64_t total = 0;
    for (size_t i = 0; s && i < session_turn_count(s); i++) {
        total += session_turn_at(s, i)->response_ms;
    }
    info->ended_ms = jd->started_ms + total;
    if (info->ended_ms > RESULT_MAX_EPOCH_MS) {
        info->ended_ms = RESULT_MAX_EPOCH_MS;
    }
}

int journal_save_result(const char *results_dir, const journal_data *jd,
                        const session *s, const result_io *io,
                        result_paths *saved, diag_list *diags)
{
    return journal_save_once(results_dir, jd, s, io, saved, NULL, diags);
}

int journal_save_once(const char *results_dir, const journal_data *jd,
                      const session *s, const result_io *io,
                      result_paths *saved, bool *already, diag_list *diags)
{
    if (already) {
        *already = false;
    }
    if (saved) {
        memset(saved, 0, sizeof *saved);
    }
    if (!jd || !s) {
        diag_add(diags, DIAG_ERROR, jd ? jd->path : "journal", 0, 0,
                 "no journal or session given");
        return -1;
    }
    debrief *d = debrief_new(s);
    if (!d) {
        diag_add(diags, DIAG_ERROR, jd->path, 0, 0, "out of memory");
        return -1;
    }
    result_info info;
    journal_result_info(jd, s, &info);
    int rc =
        result_save_once(results_dir, d, &info, io, saved, already, diags);
    debrief_free(d);
    return rc;
}
