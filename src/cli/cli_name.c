/* cli_name.c — a trainee's name given on the command line (`play --name`,
 * `run --trainee`), checked by the one rule of trainee.h. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "trainee.h"

int cli_trainee_name(const char *cmd, const char *option, const char *name,
                     char *out, size_t size)
{
    trainee_status st = trainee_check(name);
    if (st != TRAINEE_OK && st != TRAINEE_TOO_LONG) {
        fprintf(stderr, _("rapport %s: %s: the name is refused: %s; %s\n"),
                cmd, option, trainee_problem(st), trainee_rule());
        return -1;
    }
    size_t max = size - 1 < TRAINEE_MAX_BYTES ? size - 1 : TRAINEE_MAX_BYTES;
    size_t n = trainee_cut(name, max);
    memcpy(out, name, n);
    out[n] = '\0';
    if (n < strlen(name)) {
        fprintf(stderr,
                _("rapport %s: note: %s: the name is longer than %d bytes; "
                  "it is kept as \"%s\"\n"),
                cmd, option, TRAINEE_MAX_BYTES, out);
    }
    if (trainee_check(out) != TRAINEE_OK) { /* only invisible ones kept */
        fprintf(stderr, _("rapport %s: %s: the name is refused: %s; %s\n"),
                cmd, option, trainee_problem(TRAINEE_INVISIBLE),
                trainee_rule());
        return -1;
    }
    return 0;
}
