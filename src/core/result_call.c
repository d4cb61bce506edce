/* result_call.c — a call's identity (the same name-based UUID as its xAPI
 * registration), finding the record of a call already saved, and saving a
 * call once; see result.h. */
#define _POSIX_C_SOURCE 200809L
#include "result.h"
#include "result_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

void result_call_id(const char *scenario_id, const char *scenario_version,
                    const char *trainee, int64_t started_ms, char out[37])
{
    const char *id = scenario_id ? scenario_id : "";
    const char *version = scenario_version ? scenario_version : "";
    const char *who = trainee ? trainee : "";
    unsigned char ns[16];
    result_xapi_namespace(ns);
    /* as result_xapi.c names the registration: length-prefixed, so no
     * two different calls give the same name */
    char *name = result_format("%zu:%s|%zu:%s|%zu:%s|%lld|registration",
                               strlen(id), id, strlen(version), version,
                               strlen(who), who, (long long)started_ms);
    result_uuid_v5(ns, name ? name : "registration", out);
    free(name);
}

void result_record_call_id(const result_record *r, char out[37])
{
    result_call_id(r->scenario_id, r->scenario_version, r->trainee,
                   r->started_ms, out);
}

/* Is rec a better record of its call than best (complete first, then
 * more turns, then the later end)? */
static bool result_better(const result_record *rec, const result_record *best)
{
    if (!best) {
        return true;
    }
    if (rec->complete != best->complete) {
        return rec->complete;
    }
    if (rec->turn_count != best->turn_count) {
        return rec->turn_count > best->turn_count;
    }
    return rec->ended_ms > best->ended_ms;
}

bool result_record_better(const result_record *a, const result_record *b)
{
    return result_better(a, b);
}

result_record *result_find_call(const char *dir, const char *scenario_id,
                                const char *scenario_version,
                                const char *trainee, int64_t started_ms,
                                char **path, bool *failed, diag_list *diags)
{
    if (path) {
        *path = NULL;
    }
    if (failed) {
        *failed = false;
    }
    char want[37];
    result_call_id(scenario_id, scenario_version, trainee, started_ms, want);
    char *base = result_base_name(started_ms, trainee, scenario_id);
    DIR *d = base && dir ? opendir(dir) : NULL;
    if (!d) {
        if (!base || (dir && errno != ENOENT)) {
            diag_add(diags, DIAG_ERROR, dir ? dir : "results", 0, 0,
                     "cannot tell whether the call is saved already: %s",
                     base ? strerror(errno) : "out of memory");
            if (failed) {
                *failed = true;
            }
        }
        free(base);
        return NULL;
    }
    size_t blen = strlen(base);
    size_t dlen = strlen(dir);
    const char *sep = dlen > 0 && dir[dlen - 1] == '/' ? "" : "/";
    result_record *best = NULL;
    bool unsure = false;
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        /* the names result_save gives: BASE-NN.json */
        const char *n = e->d_name;
        size_t len = strlen(n);
        if (len != blen + 8 || strncmp(n, base, blen) != 0 || n[blen] != '-' ||
            strcmp(n + blen + 3, ".json") != 0) {
            continue;
        }
        char *file = result_format("%s%s%s", dir, sep, n);
        size_t size = 0;
        diag_list *why = diag_list_new();
        char *text = file && why
                         ? result_read_file(file, RESULT_MAX_FILE_BYTES,
                                            "result", &size, why)
                         : NULL;
        if (!text && !unsure) {
            /* cannot tell what it holds: perhaps this call */
            const diag_entry *de = why ? diag_get(why, 0) : NULL;
            diag_add(diags, DIAG_ERROR, file ? file : dir, 0, 0,
                     "cannot tell whether the call is saved already: %s",
                     de ? de->message : "out of memory");
            unsure = true;
        }
        diag_list_free(why);
        /* a file that is not a record is not this call's */
        result_record *rec =
            text ? result_record_parse(text, size, file, NULL) : NULL;
        free(text);
        char got[37];
        if (rec) {
            result_record_call_id(rec, got);
        }
        if (rec && strcmp(got, want) == 0 && result_better(rec, best)) {
            result_record_free(best);
            best = rec;
            if (path) {
                free(*path);
                *path = file;
                file = NULL;
            }
        } else {
            result_record_free(rec);
        }
        free(file);
    }
    closedir(d);
    free(base);
    if (failed) {
        *failed = unsure;
    }
    return best;
}

int result_save_once(const char *dir, const debrief *d,
                     const result_info *info, const result_io *io,
                     result_paths *saved, bool *already, diag_list *diags)
{
    if (already) {
        *already = false;
    }
    if (saved) {
        memset(saved, 0, sizeof *saved);
    }
    if (!dir || !d || !info || !result_check(d, info, NULL)) {
        return result_save(dir, d, info, io, saved, diags);
    }
    char *found = NULL;
    bool unsure = false;
    result_record *rec =
        result_find_call(dir, d->sc->id, d->sc->version, info->trainee,
                         info->started_ms, &found, &unsure, diags);
    if (unsure) {
        /* never risk a second record of the call: the caller keeps what
         * it has (the journal) and can try again */
        result_record_free(rec);
        free(found);
        diag_add(diags, DIAG_ERROR, dir, 0, 0,
                 "cannot save results in %s: cannot tell whether the call "
                 "is saved already",
                 dir);
        return -1;
    }
    bool finished = d->finished;
    if (rec &&
        (rec->complete || (!finished && rec->turn_count >= d->turn_count))) {
        /* saved before (a program stopped after saving, before removing
         * the journal): never a second record of the same call */
        result_record_free(rec);
        if (already) {
            *already = true;
        }
        if (saved && found) {
            size_t n = strlen(found) - strlen(".json");
            static const char *const ext[RESULT_FILE_COUNT] = {
                ".json", ".html", ".xapi.json"};
            for (int i = 0; i < RESULT_FILE_COUNT; i++) {
                saved->path[i] =
                    result_format("%.*s%s", (int)n, found, ext[i]);
            }
        }
        free(found);
        return 0;
    }
    result_record_free(rec);
    free(found);
    return result_save(dir, d, info, io, saved, diags);
}
