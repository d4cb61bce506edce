/* cli_output.c — writing a command's output file whole (see cli.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"

int cli_write_whole(const char *cmd, const char *path, const char *data,
                    size_t len)
{
    if (strcmp(path, "-") == 0) {
        fwrite(data, 1, len, stdout);
        return cli_finish_output();
    }
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp) {
        fputs(_("rapport: error: out of memory\n"), stderr);
        return CLI_FAIL;
    }
    snprintf(tmp, n, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    bool ok = fd >= 0;
    const char *p = data;
    size_t left = len;
    while (ok && left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            if (w == 0) {
                errno = EIO;
            }
            ok = false;
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    if (ok && fsync(fd) != 0) {
        ok = false;
    }
    int err = errno;
    if (fd >= 0) {
        if (close(fd) != 0 && ok) {
            ok = false;
            err = errno;
        }
        (void)chmod(tmp, 0644);
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        /* TRANSLATORS: rapport COMMAND: error: cannot write FILE: REASON */
        fprintf(stderr, _("rapport %s: error: cannot write %s: %s\n"), cmd,
                path, strerror(err));
        if (fd >= 0) {
            unlink(tmp);
        }
    } else {
        /* TRANSLATORS: the file just written */
        fprintf(stderr, _("written: %s\n"), path);
    }
    free(tmp);
    return ok ? CLI_OK : CLI_FAIL;
}
