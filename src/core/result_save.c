/* result_save.c — saving the record, the report and the statements side by
 * side: file names, writing each file whole or not at all, never replacing
 * an existing file, and the I/O hooks tests use to make calls fail.
 */
#define _POSIX_C_SOURCE 200809L
#include "result.h"
#include "result_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RESULT_MAX_COUNTER 99
#define RESULT_SLUG_MAX 40

static const char *const result_file_ext[RESULT_FILE_COUNT] = {
    ".json", ".html", ".xapi.json"};

/* ---------- the I/O hooks: the test's when given, else POSIX ---------- */

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

static ssize_t result_io_write(const result_io *io, int fd, const void *buf,
                               size_t count)
{
    return io && io->write ? io->write(io->ctx, fd, buf, count)
                           : write(fd, buf, count);
}

/* ---------- files and names ---------- */

static int result_write_all(const result_io *io, int fd, const char *data,
                            size_t n)
{
    while (n > 0) {
        size_t chunk = n > 65536 ? 65536 : n;
        ssize_t w = result_io_write(io, fd, data, chunk);
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

int result_mkdirs(const char *dir)
{
    char *path = strdup(dir);
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

char *result_base_name(int64_t started_ms, const char *trainee,
                       const char *scenario_id)
{
    char stamp[32];
    result_utc_time(started_ms, "%Y%m%d-%H%M%S", stamp, sizeof stamp);
    char who[RESULT_SLUG_MAX + 1];
    char scen[RESULT_SLUG_MAX + 1];
    result_slug(trainee, who, sizeof who, "trainee");
    result_slug(scenario_id, scen, sizeof scen, "scenario");
    return result_format("%s-%s-%s", stamp, who, scen);
}

void result_sync_dir(const char *dir)
{
    int dfd = open(dir, O_RDONLY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
}

/* ---------- saving ---------- */

typedef struct {
    char *temp[RESULT_FILE_COUNT];    /* temporary file, while it exists */
    char *final[RESULT_FILE_COUNT];   /* final name claimed, while ours */
    bool reserved[RESULT_FILE_COUNT]; /* final is an empty reservation */
} result_files;

/* Gives back the final names claimed (links to our temporary files or
 * empty reservations: ours, never another file). */
static void result_files_unclaim(result_files *f)
{
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        if (f->final[i]) {
            unlink(f->final[i]);
            free(f->final[i]);
            f->final[i] = NULL;
            f->reserved[i] = false;
        }
    }
}

/* Removes everything written so far. */
static void result_files_clean(result_files *f)
{
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        if (f->temp[i]) {
            unlink(f->temp[i]);
            free(f->temp[i]);
            f->temp[i] = NULL;
        }
    }
    result_files_unclaim(f);
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
                                     const char *const ext[RESULT_FILE_COUNT],
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
            char *final =
                result_format("%s%s%s-%02d%s", dir, sep, base, nn, ext[i]);
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
         * claimed and try the next counter */
        result_files_unclaim(f);
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

    int rc = result_save_texts(dir, info->started_ms, info->trainee, d->sc->id,
                               data, result_file_ext, io, saved, diags);
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        free(data[i]);
    }
    return rc;
}

int result_save_texts(const char *dir, int64_t started_ms, const char *who,
                      const char *scenario_id,
                      char *const data[RESULT_FILE_COUNT],
                      const char *const ext[RESULT_FILE_COUNT],
                      const result_io *io, result_paths *saved,
                      diag_list *diags)
{
    if (saved) {
        memset(saved, 0, sizeof *saved);
    }
    if (!dir || !*dir) {
        diag_add(diags, DIAG_ERROR, "results", 0, 0,
                 "cannot save results: no folder given");
        return -1;
    }
    /* "dir/" and "dir" name the same folder; keep "/" as it is */
    char *folder = strdup(dir);
    size_t len = folder ? strlen(folder) : 0;
    while (len > 1 && folder[len - 1] == '/') {
        folder[--len] = '\0';
    }
    char *base = result_base_name(started_ms, who, scenario_id);

    result_files f;
    memset(&f, 0, sizeof f);
    const char *reason =
        folder && base ? result_save_files(folder, base, data, ext, io, &f)
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
        result_sync_dir(folder);
    }
    free(base);
    free(folder);
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
