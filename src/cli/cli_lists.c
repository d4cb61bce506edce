/* cli_lists.c — the comma-separated lists of scripted runs: choices
 * (rapport run, rapport play) and response times in seconds. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "scenario.h"
#include "session.h"

int cli_parse_choices(const char *cmd, const char *arg, int *out, size_t max,
                      size_t *count)
{
    const char *p = arg;
    while (*p) {
        char *end = NULL;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (end == p || errno || v < 1 || v > SCENARIO_MAX_CHOICES ||
            (*end != ',' && *end != '\0')) {
            fprintf(stderr,
                    "rapport %s: --choices: '%s' is not a list of option "
                    "numbers 1-%d separated by commas (e.g. 2,1,3)\n",
                    cmd, arg, SCENARIO_MAX_CHOICES);
            return -1;
        }
        if (*count == max) {
            fprintf(stderr, "rapport %s: --choices: more than %zu choices\n",
                    cmd, max);
            return -1;
        }
        out[(*count)++] = (int)v;
        p = *end ? end + 1 : end;
    }
    if (*count == 0) {
        fprintf(stderr, "rapport %s: --choices is empty\n", cmd);
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
                    "rapport %s: --times: '%s' is not a list of seconds "
                    "separated by commas (e.g. 4.5,3,12)\n",
                    cmd, arg);
            return -1;
        }
        if (*count == max) {
            fprintf(stderr, "rapport %s: --times: more than %zu times\n", cmd,
                    max);
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
                "rapport %s: --seed: '%s' is not a whole number from 0 to "
                "%llu\n",
                cmd, arg, (unsigned long long)SESSION_SEED_MAX);
        return -1;
    }
    *seed = (uint64_t)v;
    return 0;
}
