/* cli_class.c — rapport class: a classroom session. With --script the
 * facilitator's actions and the room's tallies come from a script and the
 * session runs headless from the first turn to the class debrief, which
 * is printed; the class result is saved and the session journaled after
 * every recorded vote (--resume goes on from a journal). Without a script
 * the projector screens open in a window (cli_class_window.c). --cheatsheet
 * prints the facilitator's one-page cheat sheet.
 *
 * Script format (one action per line; blank lines and # comments skipped;
 * LETTER is an option, A for the first; TEAM, where a line takes one, is
 * the rest of the line and required in teams mode):
 *   next | back                Next / Back, as a presenter remote sends
 *   hands LETTER COUNT [TEAM]  add raised hands to an option
 *   phones LETTER COUNT [TEAM] add phone votes
 *   take LETTER [COUNT] [TEAM] take hands back (default 1)
 *   agreed LETTER [TEAM]       the choice the room (or team) agreed on
 *   undo                       take back the last entry
 *   close | reopen             close the vote (reveal) / open it again
 *   pick LETTER [TEAM]         the facilitator's pick on a tie
 *   play                       play the call
 *   timer start|pause|skip     the discussion timer
 *   timer extend SECONDS
 *   wait SECONDS               time passes (a virtual clock)
 *   whatif                     print what every option would have done
 *   scores                     print the scoreboard
 *   debrief                    go on to the class debrief (the call must
 *                              have ended)
 *   phones-wait N [SECONDS]    with --phones: wait (real time, default 300
 *                              s) until N phone votes are in at this turn
 * With --phones the room votes from its phones too (issue 12): the phone
 * server (ui_class_phones) follows the session, its URL is printed on
 * stderr, and every join and vote is journaled beside the class journal
 * (JOURNAL.phones) before the phone is told it was received.
 * When the script ends at the call's ending, the debrief follows. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "class.h"
#include "class_cheatsheet.h"
#include "class_journal.h"
#include "class_result.h"
#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "ui_class_phones.h"

static void class_usage(FILE *out)
{
    fputs(
        _("Usage: rapport class FILE [--teams \"Red,Blue\"] [--script "
          "SCRIPT]\n"
          "       rapport class --resume [JOURNAL] (--script SCRIPT | "
          "--save)\n"
          "       rapport class --cheatsheet[=html|text]\n"
          "\n"
          "Runs a scenario for a whole room: each turn the room discusses,\n"
          "votes (hands, phones, or the choice it agreed on), and the call\n"
          "follows the majority; a tie needs the facilitator's pick. With\n"
          "--teams, 2 to 8 named teams each choose, and each team is scored\n"
          "on its own choices. Promptness is scored on the options alone:\n"
          "discussion time never counts. Without --script it opens the\n"
          "projector screens in a window: PageDown and PageUp (a presenter\n"
          "remote's Next and Back) run everything; see the cheat sheet.\n"
          "\n"
          "Options:\n"
          "  --teams NAMES        teams mode with these comma-separated "
          "names\n"
          "  --scoreboard         show the scores between turns\n"
          "  --discussion SECS    the discussion timer (default 120)\n"
          "  --script SCRIPT      the facilitator's actions and tallies, one "
          "per line\n"
          "                       (- reads standard input); the session "
          "runs headless\n"
          "  --results DIR        save the class result and journal here\n"
          "                       (default: the game's results folder)\n"
          "  --resume [JOURNAL]   go on with a class session that was "
          "interrupted\n"
          "                       (the only one in the results folder when "
          "none given)\n"
          "  --save               with --resume: save the interrupted session "
          "as it is\n"
          "                       (an incomplete class result) instead of "
          "going on\n"
          "  --cheatsheet[=FMT]   print the facilitator's cheat sheet (html "
          "or text)\n"
          "  --phones             the room also votes from its phones over "
          "the local\n"
          "                       network (a QR code and a join code; see "
          "SECURITY.md)\n"
          "  --address A          the LAN IPv4 address phones reach "
          "(default: picked)\n"
          "  --port P             its port (default 8765 or the next free "
          "one)\n"
          "  -h, --help           show this help\n"
          "\n"
          "Script lines: next, back, hands LETTER COUNT [TEAM], phones "
          "LETTER COUNT\n"
          "[TEAM], take LETTER [COUNT] [TEAM], agreed LETTER [TEAM], undo, "
          "close,\n"
          "reopen, pick LETTER [TEAM], play, timer start|pause|skip, timer "
          "extend\n"
          "SECS, wait SECS, whatif, scores, debrief, phones-wait N [SECS]\n"
          "(with --phones). See scenarios/README.md, "
          "\"Running a class\".\n"
          "\n"
          "Exit status: 0 success, 1 failure (a bad script or scenario, "
          "results not\nsaved), 2 wrong usage.\n"),
        out);
}

typedef struct {
    const char *name; /* the script, for messages */
    int line;
    int64_t now_ms;    /* the virtual clock */
    ui_phones *phones; /* --phones, or NULL */
} class_run;

/* Where the class is, for a person: the phase's name translated. */
static const char *class_phase_word(class_phase phase)
{
    switch (phase) {
    case CLASS_PHASE_LINE:
        return C_("class phase", "line");
    case CLASS_PHASE_DISCUSS:
        return C_("class phase", "discuss");
    case CLASS_PHASE_VOTE:
        return C_("class phase", "vote");
    case CLASS_PHASE_RESULTS:
        return C_("class phase", "results");
    case CLASS_PHASE_PLAYED:
        return C_("class phase", "played");
    case CLASS_PHASE_ENDING:
        return C_("class phase", "ending");
    case CLASS_PHASE_DEBRIEF:
        return C_("class phase", "debrief");
    }
    return class_phase_name(phase);
}

static void class_fail(const class_run *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, _("rapport class: %s:%d: error: "), r->name, r->line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* Splits off the next word of *p (spaces and tabs between words). */
static char *class_word(char **p)
{
    char *s = *p + strspn(*p, " \t");
    if (!*s) {
        *p = s;
        return NULL;
    }
    char *e = s + strcspn(s, " \t");
    if (*e) {
        *e++ = '\0';
    }
    *p = e;
    return s;
}

static char *class_rest(char **p)
{
    char *s = *p + strspn(*p, " \t");
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
        s[--n] = '\0';
    }
    return *s ? s : NULL;
}

static int class_letter_pos(const class_session *c, const char *w)
{
    if (!w || strlen(w) != 1) {
        return -1;
    }
    int ch = w[0];
    if (ch >= 'a' && ch <= 'z') {
        ch -= 'a' - 'A';
    }
    if (ch < 'A' || ch > 'Z') {
        return -1;
    }
    int pos = ch - 'A';
    return (size_t)pos < class_option_count(c) ? pos : -1;
}

/* A team by name (teams mode) or CLASS_ROOM; -2 when unknown. */
static int class_team_of(const class_session *c, const char *name)
{
    if (class_mode_of(c) == CLASS_WHOLE) {
        return name ? -2 : CLASS_ROOM;
    }
    for (size_t k = 0; name && k < class_team_count(c); k++) {
        if (strcmp(class_team_name(c, k), name) == 0) {
            return (int)k;
        }
    }
    return -2;
}

static bool class_seconds(const char *w, int *ms)
{
    char *end = NULL;
    errno = 0;
    double v = w ? strtod(w, &end) : -1.0;
    if (!w || end == w || *end || errno || !(v >= 0.0) || v > 86400.0) {
        return false;
    }
    *ms = (int)(v * 1000.0 + 0.5);
    return true;
}

static void class_print_whatif(const class_session *c)
{
    size_t turn = class_phase_of(c) == CLASS_PHASE_PLAYED ||
                          class_phase_of(c) == CLASS_PHASE_ENDING
                      ? class_turn_count(c) - 1
                      : class_turn_count(c);
    class_whatif w;
    fprintf(stderr, _("What if (turn %zu):\n"), turn + 1);
    for (size_t p = 0; class_whatif_at(c, turn, p, &w); p++) {
        fprintf(stderr, _("  %c%s mood %+d, rating %d/%d/%d%s: %s\n"),
                class_letter(p), w.chosen ? "*" : " ", w.mood_change,
                w.rating[0], w.rating[1], w.rating[2],
                w.best ? _(", the best") : "",
                w.feedback ? w.feedback : _("(no feedback)"));
    }
}

static void class_print_scores(const class_session *c)
{
    score_summary s;
    class_scores(c, CLASS_ROOM, &s);
    fprintf(stderr,
            class_team_count(c) ? _("Scores: call %d") : _("Scores: class %d"),
            s.overall);
    for (size_t k = 0; k < class_team_count(c); k++) {
        class_scores(c, (int)k, &s);
        fprintf(stderr, "%s%s %d", C_("list", ", "), class_team_name(c, k),
                s.overall);
    }
    fputc('\n', stderr);
}

/* One script line; CLI_OK or CLI_FAIL after a message. */
static int class_step(class_run *r, class_session *c, char *line)
{
    char *p = line;
    char *verb = class_word(&p);
    if (!verb || verb[0] == '#') {
        return CLI_OK;
    }
    class_status st = CLASS_OK;
    if (strcmp(verb, "next") == 0 || strcmp(verb, "back") == 0) {
        st = verb[0] == 'n' ? class_next(c, r->now_ms)
                            : class_back(c, r->now_ms);
    } else if (strcmp(verb, "hands") == 0 || strcmp(verb, "phones") == 0 ||
               strcmp(verb, "take") == 0 || strcmp(verb, "agreed") == 0 ||
               strcmp(verb, "pick") == 0) {
        char *letter = class_word(&p);
        int pos = class_letter_pos(c, letter);
        if (pos < 0) {
            class_fail(r, _("'%s' is not an option at this turn (A to %s)"),
                       letter ? letter : "",
                       (char[2]){class_letter(class_option_count(c) - 1), 0});
            return CLI_FAIL;
        }
        int count = 1;
        bool take = strcmp(verb, "take") == 0;
        if (take || strcmp(verb, "hands") == 0 ||
            strcmp(verb, "phones") == 0) {
            /* the count: required for hands and phones, optional for take */
            char *q = p + strspn(p, " \t");
            char *e = q + strcspn(q, " \t");
            char kept = *e;
            *e = '\0';
            char *end = NULL;
            long v = strtol(q, &end, 10);
            bool number = *q && end == e && v >= 1 && v <= CLASS_MAX_COUNT;
            *e = kept;
            if (number) {
                count = (int)v;
                p = e;
            } else if (!take) {
                class_fail(r,
                           _("'%s' needs a count from 1 to 10000 after the "
                             "letter"),
                           verb);
                return CLI_FAIL;
            }
        }
        char *team_name = class_rest(&p);
        int team = class_team_of(c, team_name);
        if (strcmp(verb, "pick") == 0 && team == -2 && !team_name) {
            team = CLASS_ROOM;
        }
        if (team == -2) {
            if (class_mode_of(c) != CLASS_TEAMS) {
                class_fail(r, _("'%s': no teams in whole-class mode"),
                           team_name ? team_name : "");
            } else if (team_name) {
                class_fail(r,
                           _("'%s' is not a team (give one of the --teams "
                             "names)"),
                           team_name);
            } else {
                class_fail(r, _("no team given (give one of the --teams "
                                "names)"));
            }
            return CLI_FAIL;
        }
        if (strcmp(verb, "pick") == 0) {
            st = class_pick(c, team, (size_t)pos);
        } else if (strcmp(verb, "agreed") == 0) {
            st = class_add(c, CLASS_SRC_AGREED, team, (size_t)pos, 1);
        } else {
            class_source src = strcmp(verb, "phones") == 0 ? CLASS_SRC_PHONES
                                                           : CLASS_SRC_HANDS;
            st = class_add(c, src, team, (size_t)pos, take ? -count : count);
        }
    } else if (strcmp(verb, "undo") == 0) {
        st = class_undo(c);
    } else if (strcmp(verb, "close") == 0) {
        st = class_close_vote(c);
    } else if (strcmp(verb, "reopen") == 0) {
        st = class_reopen_vote(c);
    } else if (strcmp(verb, "play") == 0) {
        st = class_play(c);
    } else if (strcmp(verb, "timer") == 0) {
        char *what = class_word(&p);
        int ms = 0;
        if (what && strcmp(what, "start") == 0) {
            class_timer_start(c, r->now_ms);
        } else if (what && strcmp(what, "pause") == 0) {
            class_timer_pause(c, r->now_ms);
        } else if (what && strcmp(what, "skip") == 0) {
            st = class_timer_skip(c, r->now_ms);
        } else if (what && strcmp(what, "extend") == 0 &&
                   class_seconds(class_word(&p), &ms)) {
            class_timer_extend(c, ms);
        } else {
            class_fail(r,
                       _("'timer %s': use timer start, pause, skip or "
                         "extend SECONDS"),
                       what ? what : "");
            return CLI_FAIL;
        }
    } else if (strcmp(verb, "wait") == 0) {
        int ms = 0;
        if (!class_seconds(class_word(&p), &ms)) {
            class_fail(r, _("'wait' needs a number of seconds"));
            return CLI_FAIL;
        }
        r->now_ms += ms;
    } else if (strcmp(verb, "whatif") == 0) {
        class_print_whatif(c);
    } else if (strcmp(verb, "scores") == 0) {
        class_print_scores(c);
    } else if (strcmp(verb, "phones-wait") == 0) {
        char *n_word = class_word(&p);
        char *end = NULL;
        long want = n_word ? strtol(n_word, &end, 10) : -1;
        int limit_ms = 300000;
        char *secs = class_word(&p);
        if (!r->phones || !n_word || *end || want < 1 ||
            want > CLASS_MAX_COUNT ||
            (secs && !class_seconds(secs, &limit_ms))) {
            class_fail(r, _("'phones-wait N [SECONDS]' needs --phones and a "
                            "count of votes"));
            return CLI_FAIL;
        }
        int64_t waited = 0;
        for (;;) {
            ui_phones_update(r->phones, c, r->now_ms);
            if (class_votes(c, CLASS_SRC_PHONES, CLASS_ROOM) >= want) {
                break;
            }
            if (waited >= limit_ms) {
                class_fail(r,
                           _("phones-wait: fewer phone votes than %s after "
                             "%s seconds"),
                           n_word, secs ? secs : "300");
                return CLI_FAIL;
            }
            struct timespec nap = {0, 20 * 1000000L};
            nanosleep(&nap, NULL);
            waited += 20;
        }
    } else if (strcmp(verb, "debrief") == 0) {
        while (st == CLASS_OK && class_phase_of(c) != CLASS_PHASE_DEBRIEF) {
            if (!class_is_finished(c)) {
                class_fail(r, _("the call has not reached an ending"));
                return CLI_FAIL;
            }
            st = class_next(c, r->now_ms);
        }
    } else {
        class_fail(r, _("unknown action '%s'"), verb);
        return CLI_FAIL;
    }
    if (st != CLASS_OK) {
        fprintf(stderr,
                _("rapport class: %s:%d: error: %s: %s (turn %zu, %s)\n"),
                r->name, r->line, verb, _(class_status_message(st)),
                class_turn_index(c) + 1, class_phase_word(class_phase_of(c)));
        return CLI_FAIL;
    }
    if (p && class_rest(&p) && strcmp(verb, "timer") != 0 &&
        strcmp(verb, "hands") != 0 && strcmp(verb, "phones") != 0 &&
        strcmp(verb, "take") != 0 && strcmp(verb, "agreed") != 0 &&
        strcmp(verb, "pick") != 0) {
        class_fail(r, _("'%s' takes nothing after it"), verb);
        return CLI_FAIL;
    }
    return CLI_OK;
}

/* Waits for the script's next line while the phones are answered: a
 * facilitator's script that pauses (a person typing, a test driving
 * browsers) must not leave phone votes unacknowledged. The stream is
 * unbuffered (class_play_script), so poll() on its descriptor sees every
 * byte that getline() has not read yet. */
static void class_serve_until_input(FILE *in, ui_phones *phones,
                                    class_session *c, int64_t now_ms)
{
    struct pollfd pfd = {.fd = fileno(in), .events = POLLIN};
    for (;;) {
        ui_phones_update(phones, c, now_ms);
        int n = poll(&pfd, 1, 20);
        if (n > 0 || (n < 0 && errno != EINTR)) {
            return; /* a line, the end of input, or an error for getline */
        }
    }
}

/* Runs the script, journaling after every line that recorded votes. */
static int class_play_script(const char *name, FILE *in, class_session *c,
                             class_journal *j, ui_phones *phones)
{
    class_run r = {name, 0, 0, phones};
    char *line = NULL;
    size_t cap = 0;
    int rc = CLI_OK;
    bool warned = false;
    if (phones) {
        setvbuf(in, NULL, _IONBF, 0);
    }
    while (rc == CLI_OK && class_phase_of(c) != CLASS_PHASE_DEBRIEF) {
        if (phones) {
            class_serve_until_input(in, phones, c, r.now_ms);
        }
        if (getline(&line, &cap, in) < 0) {
            break;
        }
        r.line++;
        line[strcspn(line, "\r\n")] = '\0';
        class_phase before = class_phase_of(c);
        rc = class_step(&r, c, line);
        if (phones) {
            ui_phones_update(phones, c, r.now_ms); /* follow the phases */
        }
        if (class_options_of(c)->scoreboard && before != CLASS_PHASE_PLAYED &&
            class_phase_of(c) == CLASS_PHASE_PLAYED) {
            class_print_scores(c);
        }
        if (j && class_journal_event_count(j) < class_event_count(c)) {
            diag_list *diags = diag_list_new();
            if (class_journal_append(j, c, diags) != 0 && !warned) {
                const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
                fprintf(stderr,
                        _("rapport class: warning: %s; the session goes on "
                          "but is not safe from a crash\n"),
                        e ? e->message : _("out of memory"));
                warned = true;
            }
            diag_list_free(diags);
        }
    }
    free(line);
    if (rc != CLI_OK) {
        return rc;
    }
    while (class_is_finished(c) && class_phase_of(c) != CLASS_PHASE_DEBRIEF) {
        class_next(c, r.now_ms);
    }
    if (class_phase_of(c) != CLASS_PHASE_DEBRIEF) {
        fprintf(
            stderr,
            _("rapport class: %s: error: the script ended at turn %zu (%s) "
              "before the call reached an ending\n"),
            name, class_turn_index(c) + 1,
            class_phase_word(class_phase_of(c)));
        return CLI_FAIL;
    }
    return CLI_OK;
}

static char **class_split_teams(const char *arg, size_t *count)
{
    char **names = calloc(CLASS_MAX_TEAMS + 1, sizeof *names);
    char *copy = strdup(arg);
    *count = 0;
    if (!names || !copy) {
        free(names);
        free(copy);
        return NULL;
    }
    char *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        t += strspn(t, " \t");
        size_t n = strlen(t);
        while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t')) {
            t[--n] = '\0';
        }
        if (*count == CLASS_MAX_TEAMS) {
            (*count)++;
            break;
        }
        names[(*count)++] = strdup(t);
    }
    free(copy);
    return names;
}

static void class_free_names(char **names)
{
    for (size_t i = 0; names && i < CLASS_MAX_TEAMS + 1; i++) {
        free(names[i]);
    }
    free(names);
}

/* Without a script: the projector screens in a window (the teams are
 * checked first, so a mistake is told on the command line). */
static int class_window(int argc, char **argv, const char *teams_arg,
                        const char *results_arg, class_options *opt,
                        const cli_class_phones *phones)
{
    if (optind != argc - 1) {
        fprintf(stderr, _("rapport class: give one scenario FILE\n\n"));
        class_usage(stderr);
        return CLI_USAGE;
    }
    char **names = NULL;
    if (teams_arg) {
        names = class_split_teams(teams_arg, &opt->team_count);
        if (!names) {
            fprintf(stderr, _("rapport class: error: out of memory\n"));
            return CLI_FAIL;
        }
        bool ok = opt->team_count >= CLASS_MIN_TEAMS &&
                  opt->team_count <= CLASS_MAX_TEAMS;
        for (size_t i = 0; ok && i < opt->team_count; i++) {
            ok = names[i] && class_team_name_valid(names[i]);
        }
        if (!ok) {
            fprintf(stderr,
                    _("rapport class: --teams takes %d to %d names of 1 to "
                      "%d bytes, separated by commas\n"),
                    CLASS_MIN_TEAMS, CLASS_MAX_TEAMS,
                    CLASS_MAX_TEAM_NAME_BYTES);
            class_free_names(names);
            return CLI_USAGE;
        }
        opt->mode = CLASS_TEAMS;
        opt->team_names = (const char *const *)names;
    }
    char *results =
        results_arg ? strdup(results_arg) : cli_default_results_dir();
    if (!results) {
        fprintf(stderr, _("rapport class: warning: no results folder (HOME is "
                          "not set): the class is not saved; give --results "
                          "DIR\n"));
    }
    int rc = cli_class_window(argv[optind], opt, results, phones);
    free(results);
    class_free_names(names);
    return rc;
}

static int class_save(const char *dir, const class_session *c,
                      const class_result_info *info, bool resumed)
{
    diag_list *diags = diag_list_new();
    result_paths saved;
    int rc = CLI_OK;
    bool already = false;
    /* a resumed session may have been saved before its journal was
     * removed: never twice */
    if (!diags || (resumed ? class_result_save_once(dir, c, info, NULL, &saved,
                                                    &already, diags)
                           : class_result_save(dir, c, info, NULL, &saved,
                                               diags)) != 0) {
        const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
        fprintf(stderr,
                _("rapport class: error: %s; the debrief above is complete, "
                  "choose another folder with --results\n"),
                e ? e->message : _("cannot save results: out of memory"));
        rc = CLI_FAIL;
    } else if (already) {
        fprintf(stderr,
                _("rapport class: this session was saved already, as %s; not "
                  "saved again\n"),
                saved.path[RESULT_FILE_JSON] ? saved.path[RESULT_FILE_JSON]
                                             : dir);
        result_paths_clear(&saved);
    } else {
        cli_print_saved(&saved);
        result_paths_clear(&saved);
    }
    diag_list_free(diags);
    return rc;
}

static int class_cheatsheet(const char *fmt)
{
    if (!fmt || strcmp(fmt, "html") == 0) {
        char *html = class_cheatsheet_html(NULL);
        if (!html) {
            fprintf(stderr, _("rapport class: error: out of memory\n"));
            return CLI_FAIL;
        }
        fputs(html, stdout);
        free(html);
    } else if (strcmp(fmt, "text") == 0) {
        class_cheatsheet_write_text(stdout);
    } else {
        fprintf(stderr,
                _("rapport class: --cheatsheet is html or text, not '%s'\n"),
                fmt);
        return CLI_USAGE;
    }
    return cli_finish_output();
}

/* The journal to resume: the one given, or the only one in results. */
static char *class_pick_journal(const char *given, const char *results)
{
    if (given) {
        return strdup(given);
    }
    diag_list *diags = diag_list_new();
    /* temporary files a stopped save left, then journals that hold
     * nothing (the program stopped as the session began) */
    journal_sweep(results, diags);
    char **list = class_journal_list(results, diags);
    size_t n = 0;
    for (size_t i = 0; list && list[i]; i++) {
        if (class_journal_drop_empty(list[i], diags) == 1) {
            free(list[i]);
        } else {
            list[n++] = list[i];
        }
    }
    if (list) {
        list[n] = NULL;
    }
    cli_print_diags(diags);
    diag_list_free(diags);
    if (!list) {
        return NULL;
    }
    char *pick = NULL;
    if (n == 1) {
        pick = strdup(list[0]);
    } else if (n == 0) {
        fprintf(stderr,
                _("rapport class: no interrupted class session in %s\n"),
                results);
    } else {
        fprintf(stderr,
                _("rapport class: %zu interrupted class sessions in %s; give "
                  "one:\n"),
                n, results);
        for (size_t i = 0; i < n; i++) {
            fprintf(stderr, _("  rapport class --resume %s ...\n"), list[i]);
        }
    }
    journal_list_free(list);
    return pick;
}

void cli_class_note_journals(const char *cmd, const char *results_dir)
{
    char **list = class_journal_list(results_dir, NULL);
    size_t n = 0;
    while (list && list[n]) {
        n++;
    }
    if (n > 0) {
        fprintf(
            stderr,
            P_("rapport %s: %zu interrupted class session in "
               "%s/in-progress (rapport class --results %s --resume goes on "
               "with it, or --resume --save keeps it):\n",
               "rapport %s: %zu interrupted class sessions in "
               "%s/in-progress (rapport class --results %s --resume goes on "
               "with one, or --resume --save keeps one):\n",
               n),
            cmd, n, results_dir, results_dir);
        for (size_t i = 0; i < n; i++) {
            fprintf(stderr, "  %s\n", list[i]);
        }
    }
    journal_list_free(list);
}

int cli_class(int argc, char **argv)
{
    enum {
        OPT_SCOREBOARD = 256,
        OPT_DISCUSSION,
        OPT_CHEATSHEET,
        OPT_SAVE,
        OPT_PHONES,
        OPT_ADDRESS,
        OPT_PORT
    };
    static const struct option options[] = {
        {"teams", required_argument, NULL, 't'},
        {"scoreboard", no_argument, NULL, OPT_SCOREBOARD},
        {"discussion", required_argument, NULL, OPT_DISCUSSION},
        {"script", required_argument, NULL, 's'},
        {"results", required_argument, NULL, 'R'},
        {"resume", optional_argument, NULL, 'r'},
        {"cheatsheet", optional_argument, NULL, OPT_CHEATSHEET},
        {"save", no_argument, NULL, OPT_SAVE},
        {"phones", no_argument, NULL, OPT_PHONES},
        {"address", required_argument, NULL, OPT_ADDRESS},
        {"port", required_argument, NULL, OPT_PORT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *teams_arg = NULL;
    const char *script_path = NULL;
    const char *results_arg = NULL;
    const char *resume_arg = NULL;
    bool resume = false;
    bool save = false;
    bool phones_on = false;
    ui_phones_options phone_opt = {0};
    class_options opt = {.mode = CLASS_WHOLE};
    int o;
    optind = 1;
    while ((o = getopt_long(argc, argv, "t:s:R:h", options, NULL)) != -1) {
        switch (o) {
        case 't':
            teams_arg = optarg;
            break;
        case OPT_SCOREBOARD:
            opt.scoreboard = true;
            break;
        case OPT_DISCUSSION: {
            int ms = 0;
            if (!class_seconds(optarg, &ms) || ms < 1000) {
                fprintf(stderr, _("rapport class: --discussion is a number of "
                                  "seconds from 1 to 86400\n"));
                return CLI_USAGE;
            }
            opt.discussion_ms = ms;
            break;
        }
        case 's':
            script_path = optarg;
            break;
        case 'R':
            if (!*optarg) {
                fprintf(stderr,
                        _("rapport class: --results needs a folder\n"));
                return CLI_USAGE;
            }
            results_arg = optarg;
            break;
        case 'r':
            resume = true;
            resume_arg = optarg;
            break;
        case OPT_CHEATSHEET:
            return class_cheatsheet(optarg);
        case OPT_SAVE:
            save = true;
            break;
        case OPT_PHONES:
            phones_on = true;
            break;
        case OPT_ADDRESS:
            phone_opt.address = optarg;
            break;
        case OPT_PORT: {
            char *end = NULL;
            long port = strtol(optarg, &end, 10);
            if (!*optarg || *end || port < 1 || port > 65535) {
                fprintf(stderr, _("rapport class: --port is a TCP port from 1 "
                                  "to 65535\n"));
                return CLI_USAGE;
            }
            phone_opt.port = (unsigned short)port;
            break;
        }
        case 'h':
            class_usage(stdout);
            return cli_finish_output();
        default:
            class_usage(stderr);
            return CLI_USAGE;
        }
    }
    if ((phone_opt.address || phone_opt.port) && !phones_on) {
        fprintf(stderr, _("rapport class: --address and --port are for "
                          "--phones\n"));
        return CLI_USAGE;
    }
    if (resume && !resume_arg && optind < argc) {
        resume_arg = argv[optind++]; /* --resume JOURNAL */
    }
    if (save && (!resume || script_path)) {
        fprintf(stderr, _("rapport class: --save goes with --resume and no "
                          "--script: it saves an interrupted class session as "
                          "it is\n"));
        return CLI_USAGE;
    }
    if (!script_path && !save && !resume) {
        cli_class_phones ph = {phones_on, phone_opt.address, phone_opt.port};
        return class_window(argc, argv, teams_arg, results_arg, &opt, &ph);
    }
    if (!script_path && !save) {
        fprintf(stderr, _("rapport class: --resume goes on with --script "
                          "SCRIPT, or --save keeps it (the projector screens "
                          "start a class afresh)\n"));
        return CLI_USAGE;
    }
    if (resume ? (optind != argc || teams_arg) : optind != argc - 1) {
        fprintf(stderr, resume ? _("rapport class: --resume takes no scenario "
                                   "or --teams (the journal has them)\n\n")
                               : _("rapport class: give one scenario FILE "
                                   "with --script\n\n"));
        class_usage(stderr);
        return CLI_USAGE;
    }
    char **names = NULL;
    if (teams_arg) {
        names = class_split_teams(teams_arg, &opt.team_count);
        if (!names) {
            fprintf(stderr, _("rapport class: error: out of memory\n"));
            return CLI_FAIL;
        }
        opt.mode = CLASS_TEAMS;
        opt.team_names = (const char *const *)names;
    }
    char *results =
        results_arg ? strdup(results_arg) : cli_default_results_dir();
    FILE *in = save                            ? NULL
               : strcmp(script_path, "-") == 0 ? stdin
                                               : fopen(script_path, "r");
    int rc = CLI_FAIL;
    scenario *sc = NULL;
    class_session *c = NULL;
    class_journal *j = NULL;
    class_journal_data *jd = NULL;
    char *scenario_abs = NULL;
    ui_phones *phones = NULL;
    char *phones_journal = NULL;
    int64_t started = -1;
    diag_list *diags = diag_list_new();
    if (!results) {
        fprintf(stderr, _("rapport class: error: no results folder: set HOME "
                          "or give --results DIR\n"));
        goto out;
    }
    if (!in && !save) {
        fprintf(stderr, _("rapport class: error: cannot open %s: %s\n"),
                script_path, strerror(errno));
        goto out;
    }
    if (resume) {
        char *jpath = class_pick_journal(resume_arg, results);
        jd = jpath ? class_journal_read(jpath, diags) : NULL;
        free(jpath);
        sc = jd ? scenario_load_file(jd->scenario_path, diags) : NULL;
        c = sc ? class_journal_replay(jd, sc, diags) : NULL;
        j = c ? class_journal_continue(jd, c, NULL, diags) : NULL;
        cli_print_diags(diags);
        if (!j) {
            goto out;
        }
        started = jd->started_ms;
        fprintf(stderr,
                _("rapport class: resumed %s at turn %zu (%s) with %zu "
                  "recorded entries\n"),
                class_journal_path(j), class_turn_index(c) + 1,
                class_phase_word(class_phase_of(c)), jd->event_count);
    } else {
        if ((started = cli_now_ms("class")) < 0) {
            goto out;
        }
        sc = scenario_load_file(argv[optind], diags);
        c = sc ? class_new(sc, &opt, diags) : NULL;
        if (c) {
            scenario_abs = realpath(argv[optind], NULL);
            j = class_journal_open(results, c,
                                   scenario_abs ? scenario_abs : argv[optind],
                                   started, NULL, diags);
        }
        if (c && !j) {
            const diag_entry *e = diag_get(diags, 0);
            fprintf(stderr,
                    _("rapport class: warning: %s; running without a "
                      "journal\n"),
                    e ? e->message : _("cannot start a journal"));
            diag_list_free(diags);
            diags = diag_list_new();
        }
        cli_print_diags(diags);
        if (!c) {
            if (sc && teams_arg) {
                fprintf(stderr,
                        _("rapport class: --teams takes %d to %d names of "
                          "1 to %d bytes, separated by commas\n"),
                        CLASS_MIN_TEAMS, CLASS_MAX_TEAMS,
                        CLASS_MAX_TEAM_NAME_BYTES);
                rc = CLI_USAGE;
            }
            goto out;
        }
    }
    if (phones_on && !save) {
        if (j) {
            size_t n = strlen(class_journal_path(j)) + 8;
            phones_journal = malloc(n);
            if (phones_journal) {
                snprintf(phones_journal, n, "%s.phones",
                         class_journal_path(j));
            }
        }
        const scenario *csc = class_scenario(c);
        phone_opt.journal_path = phones_journal;
        phone_opt.lang = csc->lang;
        phone_opt.title = csc->title;
        /* teams mode: each phone picks its team when it joins */
        const char *teams[CLASS_MAX_TEAMS];
        phone_opt.team_count = class_team_count(c);
        for (size_t t = 0; t < phone_opt.team_count && t < CLASS_MAX_TEAMS;
             t++) {
            teams[t] = class_team_name(c, t);
        }
        phone_opt.teams = teams;
        char err[512];
        phones = ui_phones_new(&phone_opt, err, sizeof err);
        if (!phones) {
            fprintf(stderr, _("rapport class: error: phones: %s\n"), err);
            goto out;
        }
        int added = ui_phones_reconcile(phones, c);
        if (added > 0) {
            fprintf(stderr,
                    _("rapport class: %d phone vote entries taken from %s\n"),
                    added, phones_journal);
        }
        ui_phones_update(phones, c, 0); /* a resumed ballot opens first */
        fprintf(stderr, _("rapport class: phones join at %s (join code %s)\n"),
                ui_phones_url(phones), ui_phones_code(phones));
    }
    if (!save && class_play_script(script_path, in, c, j, phones) != CLI_OK) {
        if (j) {
            fprintf(stderr,
                    _("rapport class: the session so far is kept in %s;\n"
                      "  rapport class --results %s --resume --script ... "
                      "goes on with it,\n"
                      "  rapport class --results %s --resume --save keeps it "
                      "as an incomplete class result\n"),
                    class_journal_path(j), results, results);
        }
        goto out;
    }
    if (class_debrief_write(c, stdout) != 0 || cli_finish_output() != 0) {
        goto out;
    }
    int64_t ended = cli_now_ms("class");
    if (ended < 0) {
        goto out;
    }
    class_result_info info = {.started_ms = started,
                              .ended_ms = ended < started ? started : ended,
                              .interrupted = save};
    rc = class_save(results, c, &info, resume);
    if (rc == CLI_OK && j) {
        diag_list *d2 = diag_list_new();
        if (class_journal_close(j, true, d2) != 0) {
            /* left, it would be offered again: an error, not a success */
            cli_print_diags(d2);
            fprintf(stderr,
                    _("rapport class: error: the session is saved but its "
                      "journal could not be removed; --resume --save "
                      "removes it without saving twice\n"));
            rc = CLI_FAIL;
        } else if (phones_journal) {
            ui_phones_free(phones); /* stops the server first */
            phones = NULL;
            remove(phones_journal);
        }
        diag_list_free(d2);
        j = NULL;
    }
out:
    ui_phones_free(phones);
    free(phones_journal);
    class_journal_close(j, false, NULL);
    class_journal_data_free(jd);
    class_free(c);
    scenario_free(sc);
    diag_list_free(diags);
    free(scenario_abs);
    free(results);
    class_free_names(names);
    if (in && in != stdin) {
        fclose(in);
    }
    return rc;
}
