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
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    bool ok = out && fwrite(data, 1, len, out) == len && fflush(out) == 0 &&
              fsync(fileno(out)) == 0;
    int err = errno;
    if (out) {
        if (fclose(out) != 0 && ok) {
            ok = false;
            err = errno;
        }
        (void)chmod(tmp, 0644);
    } else if (fd >= 0) {
        close(fd);
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
