/* cli_script.c — playing a session headlessly from a script (a list of
 * choices, best / worst, or one choice per line on standard input), with
 * a journal kept after every reply; printing the debrief and saving the
 * result. Shared by rapport run and rapport recover --resume. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "score.h"

int cli_script_choices(const char *cmd, const char *arg, cli_script *script)
{
    if (strcmp(arg, "best") == 0) {
        script->mode = CLI_SCRIPT_BEST;
        return 0;
    }
    if (strcmp(arg, "worst") == 0) {
        script->mode = CLI_SCRIPT_WORST;
        return 0;
    }
    if (strcmp(arg, "-") == 0) {
        script->mode = CLI_SCRIPT_STDIN;
        return 0;
    }
    script->mode = CLI_SCRIPT_LIST;
    return cli_parse_choices(cmd, arg, &script->choices, CLI_MAX_SCRIPT);
}

void cli_script_clear(cli_script *script)
{
    if (script) {
        choices_clear(&script->choices);
    }
}

int cli_script_times(const char *cmd, const char *arg, cli_script *script)
{
    return cli_parse_times(cmd, arg, script->times_ms, CLI_MAX_SCRIPT,
                           &script->time_count);
}

/* Shows the turn on stderr: what the customer says and the options. */
static void script_show_turn(const session *s)
{
    const scenario_node *n = session_node(s);
    fprintf(stderr, _("\nTurn %zu."), session_turn_count(s) + 1);
    for (size_t i = 0; i < n->line_count; i++) {
        fprintf(stderr, " %s", n->lines[i].text ? n->lines[i].text : "");
    }
    fputc('\n', stderr);
    for (size_t i = 0; i < session_offered_count(s); i++) {
        const scenario_choice *c = session_offered(s, i);
        fprintf(stderr, "  %zu. %s\n", i + 1, c->say ? c->say : "");
    }
    fprintf(stderr, _("choice (1-%zu)> "), session_offered_count(s));
    fflush(stderr);
}

/* Reads one choice from in: "N" or "ID", optionally followed by the
 * response time in seconds, on a line; blank lines and lines starting
 * with '#' are skipped, anything else is refused with a note and read
 * again. 1 with *pos (0-based) and *ms (-1: none), or 0 at the end of the
 * input. */
static int script_read(const char *cmd, const session *s, FILE *in,
                       size_t *pos, int *ms)
{
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    size_t offered = session_offered_count(s);
    while (getline(&line, &cap, in) >= 0) {
        char *p = line + strspn(line, " \t");
        if (*p == '\n' || *p == '\r' || *p == '\0' || *p == '#') {
            continue;
        }
        size_t len = strcspn(p, " \t\r\n");
        char *rest = p + len + strspn(p + len, " \t");
        double secs = -1.0;
        bool ok = true;
        if (*rest != '\n' && *rest != '\r' && *rest != '\0') {
            char *tend = NULL;
            secs = strtod(rest, &tend);
            tend += strspn(tend, " \t\r\n");
            ok = tend != rest && *tend == '\0' && secs >= 0.0 &&
                 secs <= 86400.0;
        }
        choices_item it;
        char why[300] = "";
        int at = -1;
        if (ok && choices_parse_item(p, len, &it)) {
            at = choices_resolve(s, &it, why, sizeof why);
            free(it.id);
        }
        if (at < 0) {
            p[strcspn(p, "\r\n")] = '\0';
            fprintf(
                stderr,
                _("rapport %s: '%.40s' is not an option%s%s: type a number "
                  "from 1 to %zu or a choice id (optionally followed by "
                  "the response time in seconds)\n"),
                cmd, p, why[0] ? ": " : "", why, offered);
            fprintf(stderr, _("choice (1-%zu)> "), offered);
            fflush(stderr);
            continue;
        }
        *pos = (size_t)at;
        *ms = secs >= 0.0 ? (int)(secs * 1000.0 + 0.5) : -1;
        rc = 1;
        break;
    }
    free(line);
    return rc;
}

int cli_script_play(const char *cmd, session *s, const cli_script *script,
                    journal *j, FILE *in)
{
    size_t step = 0;
    bool warned = false;
    while (!session_is_finished(s)) {
        const scenario_node *n = session_node(s);
        size_t offered = session_offered_count(s);
        size_t pos;
        int ms = -1;
        if (script->mode == CLI_SCRIPT_LIST) {
            if (step >= script->choices.count) {
                fprintf(stderr,
                        P_("rapport %s: error: the script ended after %zu "
                           "choice but the call has not reached an ending "
                           "(turn %zu, node '%s', options 1-%zu); add more "
                           "choices\n",
                           "rapport %s: error: the script ended after %zu "
                           "choices but the call has not reached an ending "
                           "(turn %zu, node '%s', options 1-%zu); add more "
                           "choices\n",
                           step),
                        cmd, step, session_turn_count(s) + 1, n->id, offered);
                return CLI_FAIL;
            }
            char why[300];
            int at = choices_resolve(s, &script->choices.items[step], why,
                                     sizeof why);
            if (at < 0) {
                fprintf(stderr, _("rapport %s: error: %s\n"), cmd, why);
                return CLI_FAIL;
            }
            pos = (size_t)at;
        } else if (script->mode == CLI_SCRIPT_STDIN) {
            script_show_turn(s);
            if (!script_read(cmd, s, in, &pos, &ms)) {
                fprintf(stderr,
                        P_("\nrapport %s: error: the input ended after %zu "
                           "choice but the call has not reached an ending "
                           "(turn %zu, node '%s')\n",
                           "\nrapport %s: error: the input ended after %zu "
                           "choices but the call has not reached an ending "
                           "(turn %zu, node '%s')\n",
                           step),
                        cmd, step, session_turn_count(s) + 1, n->id);
                return CLI_FAIL;
            }
        } else {
            if (step >= CLI_MAX_SCRIPT) {
                fprintf(stderr,
                        _("rapport %s: error: the call did not end "
                          "within %d turns (a loop?)\n"),
                        cmd, CLI_MAX_SCRIPT);
                return CLI_FAIL;
            }
            pos = score_pick(s, script->mode == CLI_SCRIPT_WORST);
        }
        if (ms < 0) {
            ms = step < script->time_count ? script->times_ms[step]
                                           : session_target_ms(s);
        }
        session_status st = session_choose(s, pos, ms);
        if (st != SESSION_OK && st != SESSION_TIMED_OUT) {
            fprintf(stderr, _("rapport %s: error: turn %zu: %s\n"), cmd,
                    session_turn_count(s) + 1, session_status_message(st));
            return CLI_FAIL;
        }
        if (j) {
            diag_list *diags = diag_list_new();
            if (journal_append(j, s, diags) != 0 && !warned) {
                const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
                fprintf(stderr,
                        _("rapport %s: warning: %s: %s; the session goes on "
                          "but is not safe from a crash\n"),
                        cmd, journal_path(j),
                        e ? e->message : _("out of memory"));
                warned = true;
            }
            diag_list_free(diags);
        }
        step++;
    }
    if (script->mode == CLI_SCRIPT_STDIN) {
        fputc('\n', stderr);
    }
    if (script->mode == CLI_SCRIPT_LIST && step < script->choices.count) {
        fprintf(stderr,
                P_("rapport %s: error: the call ended after %zu turn but "
                   "the script has %zu choices; remove the extra ones\n",
                   "rapport %s: error: the call ended after %zu turns but "
                   "the script has %zu choices; remove the extra ones\n",
                   step),
                cmd, step, script->choices.count);
        return CLI_FAIL;
    }
    if (script->time_count > step) {
        fprintf(stderr,
                P_("rapport %s: error: %zu times given but the call had "
                   "only %zu turn\n",
                   "rapport %s: error: %zu times given but the call had "
                   "only %zu turns\n",
                   step),
                cmd, script->time_count, step);
        return CLI_FAIL;
    }
    return CLI_OK;
}

int cli_print_debrief(const debrief *d, bool json)
{
    if (!d) {
        fprintf(stderr, _("rapport: error: out of memory\n"));
        return CLI_FAIL;
    }
    if (json) {
        char *text = debrief_to_json(d);
        if (!text) {
            fprintf(stderr, _("rapport: error: out of memory\n"));
            return CLI_FAIL;
        }
        fputs(text, stdout);
        fputc('\n', stdout);
        free(text);
    } else {
        debrief_write_text(d, stdout);
    }
    return cli_finish_output();
}

void cli_print_saved(const result_paths *saved)
{
    for (int i = 0; i < RESULT_FILE_COUNT; i++) {
        fprintf(stderr, _("saved: %s\n"), saved->path[i]);
    }
}

int64_t cli_now_ms(const char *cmd)
{
    const char *fixed = getenv("RAPPORT_FIXED_TIME");
    if (fixed) {
        char *end = NULL;
        errno = 0;
        long long secs = strtoll(fixed, &end, 10);
        if (end == fixed || *end != '\0' || errno || secs < 0 ||
            secs > 253402300799LL) {
            fprintf(stderr,
                    _("rapport %s: RAPPORT_FIXED_TIME must be whole seconds "
                      "since 1970 (e.g. 1700000000), not '%s'\n"),
                    cmd, fixed);
            return -1;
        }
        return (int64_t)secs * 1000;
    }
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
        fprintf(stderr, _("rapport %s: error: cannot read the clock: %s\n"),
                cmd, strerror(errno));
        return -1;
    }
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

char *cli_default_results_dir(void)
{
    return result_default_dir(getenv("XDG_DATA_HOME"), getenv("HOME"));
}
