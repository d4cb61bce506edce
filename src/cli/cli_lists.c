/* cli_lists.c — the comma-separated lists of scripted runs: choices
 * (rapport run, rapport play; option numbers or choice ids, parsed by
 * choices.c), response times in seconds, and seeds. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "i18n.h"
#include "scenario.h"
#include "session.h"

int cli_parse_choices(const char *cmd, const char *arg, choices_list *out,
                      size_t max)
{
    char why[300];
    if (!*arg) {
        fprintf(stderr, _("rapport %s: --choices is empty\n"), cmd);
        return -1;
    }
    if (choices_parse(arg, max, out, why, sizeof why) != 0) {
        fprintf(stderr, _("rapport %s: --choices: %s\n"), cmd, why);
        return -1;
    }
    return 0;
}

int cli_parse_times(const char *cmd, const char *arg, int *out, size_t max,
                    size_t *count)
{
    const char *p = arg;
    while (*p) {
        char *end = NULL;
        errno = 0;
        double v = strtod(p, &end);
        if (end == p || errno || !(v >= 0.0) || v > 86400.0 ||
            (*end != ',' && *end != '\0')) {
            fprintf(stderr,
                    _("rapport %s: --times: '%s' is not a list of seconds "
                      "separated by commas (e.g. 4.5,3,12)\n"),
                    cmd, arg);
            return -1;
        }
        if (*count == max) {
            fprintf(stderr, _("rapport %s: --times: more than %zu times\n"),
                    cmd, max);
            return -1;
        }
        out[(*count)++] = (int)lround(v * 1000.0);
        p = *end ? end + 1 : end;
    }
    return 0;
}

int cli_parse_seed(const char *cmd, const char *arg, uint64_t *seed)
{
    char *end = NULL;
    errno = 0;
    uintmax_t v =
        arg[0] >= '0' && arg[0] <= '9' ? strtoumax(arg, &end, 10) : 0;
    if (!end || end == arg || *end != '\0' || errno || v > SESSION_SEED_MAX) {
        fprintf(stderr,
                _("rapport %s: --seed: '%s' is not a whole number from 0 to "
                  "%llu\n"),
                cmd, arg, (unsigned long long)SESSION_SEED_MAX);
        return -1;
    }
    *seed = (uint64_t)v;
    return 0;
}
