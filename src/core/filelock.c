/* filelock.c — flock(2) locks on files and folders, and the sweeping of
 * orphaned temporary files they allow; see filelock.h. */
#define _DEFAULT_SOURCE
#include "filelock.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct filelock {
    int fd;
    char *path;
};

/* The file system cannot lock: behave as without locking. */
static bool filelock_unsupported(int err)
{
    return err == ENOLCK || err == EOPNOTSUPP || err == ENOTSUP ||
           err == EINVAL || err == ENOSYS;
}

filelock_status filelock_try_fd(int fd)
{
    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) {
            continue;
        }
        if (errno == EWOULDBLOCK) {
            return FILELOCK_BUSY;
        }
        return filelock_unsupported(errno) ? FILELOCK_TAKEN : FILELOCK_FAILED;
    }
    return FILELOCK_TAKEN;
}

static filelock *filelock_new(int fd, const char *path)
{
    filelock *l = malloc(sizeof *l);
    if (l && !(l->path = strdup(path))) {
        free(l);
        l = NULL;
    }
    if (l) {
        l->fd = fd;
    }
    return l;
}

filelock_status filelock_take(const char *path, int open_flags, filelock **out,
                              diag_list *diags)
{
    *out = NULL;
    int fd = open(path, open_flags | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) {
            return FILELOCK_GONE;
        }
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot open: %s",
                 strerror(errno));
        return FILELOCK_FAILED;
    }
    filelock_status st = filelock_try_fd(fd);
    if (st == FILELOCK_FAILED) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot lock: %s",
                 strerror(errno));
    }
    if (st == FILELOCK_TAKEN) {
        /* locked: is it still the file the path names? */
        struct stat mine;
        struct stat now;
        if (fstat(fd, &mine) != 0 || stat(path, &now) != 0 ||
            mine.st_ino != now.st_ino || mine.st_dev != now.st_dev) {
            st = FILELOCK_GONE;
        }
    }
    if (st == FILELOCK_TAKEN) {
        /* reads and writes wait from now on, as for any file */
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0) {
            (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
        }
        *out = filelock_new(fd, path);
        if (!*out) {
            diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
            st = FILELOCK_FAILED;
        }
    }
    if (!*out) {
        close(fd);
    }
    return st;
}

int filelock_fd(const filelock *l) { return l ? l->fd : -1; }

const char *filelock_path(const filelock *l) { return l ? l->path : NULL; }

void filelock_release(filelock *l)
{
    if (!l) {
        return;
    }
    if (l->fd >= 0) {
        close(l->fd); /* the lock goes with the last descriptor */
    }
    free(l->path);
    free(l);
}

/* Removes the temporary files in dir (held exclusive by the caller). */
static size_t filelock_sweep(int dfd, const char *dir)
{
    int fd = dup(dfd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0) {
            close(fd);
        }
        return 0;
    }
    size_t prefix = strlen(FILELOCK_TEMP_PREFIX);
    size_t swept = 0;
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        if (strncmp(e->d_name, FILELOCK_TEMP_PREFIX, prefix) != 0 ||
            fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode)) {
            continue;
        }
        if (unlinkat(dfd, e->d_name, 0) == 0) {
            swept++;
        }
    }
    closedir(d);
    if (swept > 0) {
        int sync = open(dir, O_RDONLY | O_CLOEXEC);
        if (sync >= 0) {
            (void)fsync(sync);
            close(sync);
        }
    }
    return swept;
}

filelock *filelock_dir_enter(const char *dir, size_t *swept, diag_list *diags)
{
    if (swept) {
        *swept = 0;
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        diag_add(diags, DIAG_WARNING, dir, 0, 0,
                 "cannot lock the folder (%s); temporary files left by "
                 "stopped programs are not removed",
                 strerror(errno));
        return NULL;
    }
    size_t n = 0;
    int rc;
    while ((rc = flock(fd, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {
    }
    if (rc == 0) {
        /* no writer at work here: every temporary file is an orphan */
        n = filelock_sweep(fd, dir);
        while (flock(fd, LOCK_SH) != 0 && errno == EINTR) {
        }
    } else if (!filelock_unsupported(errno)) {
        /* other writers are at work: join them (a sweeper holds the
         * folder exclusive only while it sweeps) */
        while (flock(fd, LOCK_SH) != 0 && errno == EINTR) {
        }
    }
    if (n > 0) {
        diag_addn(diags, DIAG_WARNING, dir, 0, 0, (unsigned long)n,
                  "removed %zu temporary file (%sXXXXXX) left by a program "
                  "stopped while saving",
                  "removed %zu temporary files (%sXXXXXX) left by a program "
                  "stopped while saving",
                  n, FILELOCK_TEMP_PREFIX);
    }
    if (swept) {
        *swept = n;
    }
    filelock *l = filelock_new(fd, dir);
    if (!l) {
        close(fd);
        diag_add(diags, DIAG_ERROR, dir, 0, 0, "out of memory");
    }
    return l;
}
