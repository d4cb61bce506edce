/* failshim.c — an LD_PRELOAD library for failure injection: it counts
 * the file-system calls a program makes inside one folder and, at a
 * chosen call, makes that call fail or kills the program (SIGKILL) just
 * before it, as a full disk, an I/O error or a power cut would. Used by
 * tests/failinject.py.
 *
 * Environment:
 *   FAILSHIM_DIR    absolute folder whose files are watched (a call on a
 *                   path or descriptor under it counts)
 *   FAILSHIM_AT     the 1-based index of the counted call to act on
 *                   (0 or unset: none; only count)
 *   FAILSHIM_MODE   "fail" (default) or "kill"
 *   FAILSHIM_ERRNO  the errno of a failed call (default ENOSPC)
 *   FAILSHIM_COUNT  a file to which the number of counted calls and the
 *                   name of each are written at exit
 * Counted calls: open, openat, creat, mkstemp, write, pwrite, fsync,
 * fdatasync, ftruncate, link, rename, unlink, unlinkat, mkdir, rmdir,
 * flock, close (of a watched descriptor). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static char shim_dir[4096];
static size_t shim_dir_len;
static long shim_at;
static int shim_kill;
static int shim_errno = ENOSPC;
static long shim_count;
static char shim_log[65536];
static size_t shim_log_len;

__attribute__((constructor)) static void shim_init(void)
{
    const char *d = getenv("FAILSHIM_DIR");
    if (d && *d && strlen(d) < sizeof shim_dir) {
        strcpy(shim_dir, d);
        shim_dir_len = strlen(shim_dir);
        while (shim_dir_len > 1 && shim_dir[shim_dir_len - 1] == '/') {
            shim_dir[--shim_dir_len] = '\0';
        }
    }
    const char *at = getenv("FAILSHIM_AT");
    shim_at = at ? strtol(at, NULL, 10) : 0;
    const char *mode = getenv("FAILSHIM_MODE");
    shim_kill = mode && strcmp(mode, "kill") == 0;
    const char *e = getenv("FAILSHIM_ERRNO");
    if (e && strcmp(e, "EIO") == 0) {
        shim_errno = EIO;
    } else if (e && strcmp(e, "EDQUOT") == 0) {
        shim_errno = EDQUOT;
    } else if (e && strcmp(e, "EACCES") == 0) {
        shim_errno = EACCES;
    }
}

__attribute__((destructor)) static void shim_fini(void)
{
    const char *path = getenv("FAILSHIM_COUNT");
    if (!path) {
        return;
    }
    FILE *f = fopen(path, "w");
    if (f) {
        fprintf(f, "%ld\n%.*s", shim_count, (int)shim_log_len, shim_log);
        fclose(f);
    }
}

static void *shim_real(const char *name)
{
    void *fn = dlsym(RTLD_NEXT, name);
    if (!fn) {
        abort();
    }
    return fn;
}

static int shim_under(const char *path)
{
    return shim_dir_len > 0 && path &&
           strncmp(path, shim_dir, shim_dir_len) == 0 &&
           (path[shim_dir_len] == '/' || path[shim_dir_len] == '\0');
}

static int shim_fd_under(int fd)
{
    if (shim_dir_len == 0 || fd < 0) {
        return 0;
    }
    char link[64];
    char target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0) {
        return 0;
    }
    target[n] = '\0';
    return shim_under(target);
}

/* Counts a call; 1 when it must fail (errno set). Kills before it. */
static int shim_hit(const char *what)
{
    shim_count++;
    if (shim_log_len + 32 < sizeof shim_log) {
        shim_log_len += (size_t)snprintf(shim_log + shim_log_len,
                                         sizeof shim_log - shim_log_len,
                                         "%ld %s\n", shim_count, what);
    }
    if (shim_at <= 0 || shim_count != shim_at) {
        return 0;
    }
    if (shim_kill) {
        kill(getpid(), SIGKILL);
    }
    errno = shim_errno;
    return 1;
}

static mode_t shim_mode(int flags, va_list ap)
{
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE
               ? (mode_t)va_arg(ap, int)
               : 0;
}

int open(const char *path, int flags, ...)
{
    static int (*real)(const char *, int, ...);
    if (!real) {
        real = (int (*)(const char *, int, ...))shim_real("open");
    }
    va_list ap;
    va_start(ap, flags);
    mode_t mode = shim_mode(flags, ap);
    va_end(ap);
    if (shim_under(path) && shim_hit("open")) {
        return -1;
    }
    return real(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    static int (*real)(const char *, int, ...);
    if (!real) {
        real = (int (*)(const char *, int, ...))shim_real("open64");
    }
    va_list ap;
    va_start(ap, flags);
    mode_t mode = shim_mode(flags, ap);
    va_end(ap);
    if (shim_under(path) && shim_hit("open")) {
        return -1;
    }
    return real(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    static int (*real)(int, const char *, int, ...);
    if (!real) {
        real = (int (*)(int, const char *, int, ...))shim_real("openat");
    }
    va_list ap;
    va_start(ap, flags);
    mode_t mode = shim_mode(flags, ap);
    va_end(ap);
    if (shim_under(path) && shim_hit("openat")) {
        return -1;
    }
    return real(dirfd, path, flags, mode);
}

int mkstemp(char *tmpl)
{
    static int (*real)(char *);
    if (!real) {
        real = (int (*)(char *))shim_real("mkstemp");
    }
    if (shim_under(tmpl) && shim_hit("mkstemp")) {
        return -1;
    }
    return real(tmpl);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) {
        real = (ssize_t(*)(int, const void *, size_t))shim_real("write");
    }
    if (fd > 2 && shim_fd_under(fd) && shim_hit("write")) {
        return -1;
    }
    return real(fd, buf, n);
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real) {
        real = (int (*)(int))shim_real("fsync");
    }
    if (shim_fd_under(fd) && shim_hit("fsync")) {
        return -1;
    }
    return real(fd);
}

int fdatasync(int fd)
{
    static int (*real)(int);
    if (!real) {
        real = (int (*)(int))shim_real("fdatasync");
    }
    if (shim_fd_under(fd) && shim_hit("fdatasync")) {
        return -1;
    }
    return real(fd);
}

int ftruncate(int fd, off_t len)
{
    static int (*real)(int, off_t);
    if (!real) {
        real = (int (*)(int, off_t))shim_real("ftruncate");
    }
    if (shim_fd_under(fd) && shim_hit("ftruncate")) {
        return -1;
    }
    return real(fd, len);
}

int link(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    if (!real) {
        real = (int (*)(const char *, const char *))shim_real("link");
    }
    if (shim_under(to) && shim_hit("link")) {
        return -1;
    }
    return real(from, to);
}

int rename(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    if (!real) {
        real = (int (*)(const char *, const char *))shim_real("rename");
    }
    if (shim_under(to) && shim_hit("rename")) {
        return -1;
    }
    return real(from, to);
}

int unlink(const char *path)
{
    static int (*real)(const char *);
    if (!real) {
        real = (int (*)(const char *))shim_real("unlink");
    }
    if (shim_under(path) && shim_hit("unlink")) {
        return -1;
    }
    return real(path);
}

int unlinkat(int dirfd, const char *path, int flags)
{
    static int (*real)(int, const char *, int);
    if (!real) {
        real = (int (*)(int, const char *, int))shim_real("unlinkat");
    }
    if ((shim_under(path) || shim_fd_under(dirfd)) && shim_hit("unlinkat")) {
        return -1;
    }
    return real(dirfd, path, flags);
}

int mkdir(const char *path, mode_t mode)
{
    static int (*real)(const char *, mode_t);
    if (!real) {
        real = (int (*)(const char *, mode_t))shim_real("mkdir");
    }
    if (shim_under(path) && shim_hit("mkdir")) {
        return -1;
    }
    return real(path, mode);
}

int rmdir(const char *path)
{
    static int (*real)(const char *);
    if (!real) {
        real = (int (*)(const char *))shim_real("rmdir");
    }
    if (shim_under(path) && shim_hit("rmdir")) {
        return -1;
    }
    return real(path);
}

int flock(int fd, int op)
{
    static int (*real)(int, int);
    if (!real) {
        real = (int (*)(int, int))shim_real("flock");
    }
    if (shim_fd_under(fd) && shim_hit("flock")) {
        return -1;
    }
    return real(fd, op);
}

int close(int fd)
{
    static int (*real)(int);
    if (!real) {
        real = (int (*)(int))shim_real("close");
    }
    if (shim_fd_under(fd) && shim_hit("close")) {
        /* as with EIO on NFS: the descriptor is closed all the same */
        int saved = errno;
        real(fd);
        errno = saved;
        return -1;
    }
    return real(fd);
}
