/* class_once.c — a class session saved once (see class_result_save_once
 * in class_result.h). */
#define _POSIX_C_SOURCE 200809L
#include "class_result.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool class_once_same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* path's record when it records the session of c started at started_ms;
 * NULL otherwise. *failed set (with an error) when the file cannot be
 * read at all. */
static class_record *class_once_load(const char *path, const class_session *c,
                                     int64_t started_ms, bool *failed,
                                     diag_list *diags)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) {
            *failed = true;
            diag_add(diags, DIAG_ERROR, path, 0, 0,
                     "cannot read this class record (%s), which may hold the "
                     "session: nothing is saved, so that it is not saved "
                     "twice",
                     strerror(errno));
        }
        return NULL;
    }
    close(fd);
    diag_list *quiet = diag_list_new();
    class_record *r = class_record_load_file(path, quiet);
    diag_list_free(quiet);
    const scenario *sc = class_scenario(c);
    if (r && (!class_once_same(r->scenario_id, sc->id ? sc->id : "") ||
              !class_once_same(r->scenario_version,
                               sc->version ? sc->version : "") ||
              r->mode != class_mode_of(c) || r->started_ms != started_ms)) {
        class_record_free(r);
        r = NULL;
    }
    return r;
}

static void class_once_paths(const char *json, result_paths *saved)
{
    static const char *const ext[RESULT_FILE_COUNT] = {
        CLASS_RESULT_EXT_JSON, CLASS_RESULT_EXT_HTML, CLASS_RESULT_EXT_XAPI};
    size_t base = strlen(json) - strlen(CLASS_RESULT_EXT_JSON);
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        size_t n = base + strlen(ext[i]) + 1;
        saved->path[i] = malloc(n);
        if (saved->path[i]) {
            snprintf(saved->path[i], n, "%.*s%s", (int)base, json, ext[i]);
        }
    }
}

int class_result_save_once(const char *dir, const class_session *c,
                           const class_result_info *info, const result_io *io,
                           result_paths *saved, bool *already,
                           diag_list *diags)
{
    if (already) {
        *already = false;
    }
    if (saved) {
        memset(saved, 0, sizeof *saved);
    }
    DIR *d = opendir(dir);
    if (!d && errno != ENOENT) {
        diag_add(diags, DIAG_ERROR, dir, 0, 0,
                 "cannot list the results folder (%s), which may hold the "
                 "session: nothing is saved, so that it is not saved twice",
                 strerror(errno));
        return -1;
    }
    bool failed = false;
    bool found = false;
    char *found_path = NULL;
    struct dirent *e;
    while (d && !failed && !found && (e = readdir(d)) != NULL) {
        if (!class_record_is_name(e->d_name)) {
            continue;
        }
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        if (!path) {
            failed = true;
            diag_add(diags, DIAG_ERROR, dir, 0, 0, "out of memory");
            break;
        }
        snprintf(path, n, "%s/%s", dir, e->d_name);
        class_record *r =
            class_once_load(path, c, info->started_ms, &failed, diags);
        if (r && (r->complete || r->turn_count >= class_turn_count(c))) {
            found = true;
            found_path = path;
            path = NULL;
        }
        class_record_free(r);
        free(path);
    }
    if (d) {
        closedir(d);
    }
    if (failed) {
        free(found_path);
        return -1;
    }
    if (found) {
        if (already) {
            *already = true;
        }
        if (saved) {
            class_once_paths(found_path, saved);
        }
        free(found_path);
        return 0;
    }
    return class_result_save(dir, c, info, io, saved, diags);
}
