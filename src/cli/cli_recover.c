/* cli_recover.c — rapport recover: the sessions a stopped program left as
 * journals in RESULTS/in-progress/, listed, saved as incomplete attempts,
 * played on, or discarded. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "journal.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

typedef enum {
    RECOVER_LIST,
    RECOVER_SAVE,
    RECOVER_RESUME,
    RECOVER_DISCARD
} recover_action;

static void recover_usage(FILE *out)
{
    fputs(
        _("Usage: rapport recover [--results DIR] [JOURNAL...]\n"
          "       rapport recover [--results DIR] --save [JOURNAL...]\n"
          "       rapport recover [--results DIR] --resume [JOURNAL] "
          "--choices LIST|-\n"
          "       rapport recover [--results DIR] --discard --yes "
          "[JOURNAL...]\n"
          "\n"
          "Sessions in progress are journaled after every reply in "
          "DIR/in-progress/;\n"
          "a journal left there means the program stopped before the "
          "result was\n"
          "saved. Without an action, lists them: trainee, scenario, start, "
          "turns played.\n"
          "\n"
          "Actions:\n"
          "  -s, --save           save each journal as an incomplete attempt "
          "(.json,\n"
          "                       .html, .xapi.json in DIR, as rapport run "
          "saves), then\n"
          "                       remove it; a journal whose call had "
          "already ended is\n"
          "                       saved as a complete result\n"
          "  -r, --resume         replay one journal and play on with "
          "--choices for the\n"
          "                       remaining turns (as rapport run), print "
          "the debrief,\n"
          "                       save the full result in DIR and remove "
          "the journal\n"
          "  -d, --discard        delete the journals; needs --yes\n"
          "\n"
          "Options:\n"
          "  -R, --results DIR    the results folder (default: "
          "$XDG_DATA_HOME/rapport/results,\n"
          "                       else ~/.local/share/rapport/results: the "
          "game's)\n"
          "  -S, --scenario FILE  replay on FILE instead of the scenario "
          "file the journal\n"
          "                       names (when it has moved; it must be "
          "unchanged)\n"
          "  -c, --choices LIST   with --resume: choices for the remaining "
          "turns, 1-based\n"
          "                       as on screen, or best / worst, or - to "
          "read one per\n"
          "                       line from standard input\n"
          "  -t, --times LIST     with --resume: their response times in "
          "seconds\n"
          "  -f, --format FORMAT  with --resume: the debrief as text "
          "(default) or json\n"
          "  -y, --yes            with --discard: yes, delete them\n"
          "  -h, --help           show this help\n"
          "\n"
          "JOURNAL: journal files as listed; default: every journal in "
          "DIR/in-progress/\n"
          "(with --resume, the only one). Results always go to DIR.\n"
          "A journal is replayed only on the scenario file it was played "
          "on, unchanged.\n"
          "A journal a running Rapport holds (its call goes on) is skipped, "
          "and a call\nalready saved is not saved again: its journal is "
          "removed. Empty journals and\ntemporary files left by stopped "
          "programs are removed first.\n"
          "Exit status: 0 success, 1 a journal could not be read, replayed, "
          "saved or\nremoved (the others are still done), 2 wrong usage.\n"),
        out);
}

/* A journal taken (locked), read and replayed. */
typedef struct {
    filelock *lock; /* held from journal_take to the end */
    journal_data *jd;
    scenario *sc;
    session *s;
} recover_item;

static void recover_item_free(recover_item *it)
{
    session_free(it->s);
    scenario_free(it->sc);
    journal_data_free(it->jd);
    filelock_release(it->lock);
    memset(it, 0, sizeof *it);
}

/* Takes the journal at path (journal_take) and says why when it is not
 * ours to handle: a running Rapport is playing it, it is gone, or it was
 * empty and has been removed. */
static journal_take_status recover_take(const char *path, recover_item *it)
{
    memset(it, 0, sizeof *it);
    diag_list *diags = diag_list_new();
    journal_take_status st = journal_take(path, &it->lock, diags);
    cli_print_diags(diags);
    diag_list_free(diags);
    if (st == JOURNAL_LIVE) {
        fprintf(stderr,
                _("%s: skipped: a running Rapport is playing this call (it "
                  "holds the journal locked); left alone\n"),
                path);
    } else if (st == JOURNAL_GONE) {
        fprintf(stderr, _("%s: skipped: removed meanwhile\n"), path);
    }
    return st;
}

/* Takes path, reads it, loads its scenario and replays it; problems go to
 * stderr. 0; 1 when the journal is not ours to handle (said on stderr:
 * live, gone or empty); -1 (with whatever could be read left in it). */
static int recover_load(const char *path, const char *scenario_file,
                        recover_item *it)
{
    journal_take_status st = recover_take(path, it);
    if (st != JOURNAL_TAKEN) {
        return st == JOURNAL_FAILED ? -1 : 1;
    }
    diag_list *diags = diag_list_new();
    if (!diags) {
        fprintf(stderr, _("rapport: error: out of memory\n"));
        return -1;
    }
    it->jd = journal_read(path, diags);
    cli_print_diags(diags);
    diag_list_clear(diags);
    if (it->jd) {
        const char *file =
            scenario_file ? scenario_file : it->jd->scenario_path;
        it->sc = scenario_load_file(file, diags);
        cli_print_diags(diags);
        diag_list_clear(diags);
        if (!it->sc) {
            fprintf(stderr,
                    _("%s: error: cannot load the scenario it was played on, "
                      "%s; if it has moved, give it with --scenario FILE\n"),
                    path, file);
        }
    }
    if (it->sc) {
        it->s = journal_replay(it->jd, it->sc, diags);
        cli_print_diags(diags);
    }
    diag_list_free(diags);
    return it->s ? 0 : -1;
}

static void recover_time(int64_t ms, char *buf, size_t size)
{
    time_t secs = (time_t)(ms / 1000);
    struct tm tm;
    if (!gmtime_r(&secs, &tm) ||
        strftime(buf, size, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0) {
        snprintf(buf, size, "unknown");
    }
}

static int recover_list_one(const char *path, const char *scenario_file)
{
    recover_item it;
    int loaded = recover_load(path, scenario_file, &it);
    if (loaded == 1) {
        recover_item_free(&it);
        return CLI_OK;
    }
    int rc = loaded == 0 ? CLI_OK : CLI_FAIL;
    printf("%s\n", path);
    if (it.jd) {
        char started[64];
        recover_time(it.jd->started_ms, started, sizeof started);
        size_t n = it.jd->entry_count;
        printf(_("  trainee:   %s\n"
                 "  scenario:  %s (%s %s), %s\n"
                 "  started:   %s\n"),
               it.jd->trainee, it.jd->scenario_title, it.jd->scenario_id,
               it.jd->scenario_version, it.jd->scenario_path, started);
        printf(P_("  played:    %zu turn", "  played:    %zu turns", n), n);
        if (!it.s) {
            printf(_("; cannot be replayed (see above)\n"));
        } else if (session_is_finished(it.s)) {
            printf(_("; the call had ended, only the save is missing\n"));
        } else {
            printf(_("; the call goes on at turn %zu\n"), n + 1);
        }
    } else {
        printf(_("  unreadable (see above); rapport recover --discard --yes "
                 "%s deletes it\n"),
               path);
    }
    recover_item_free(&it);
    return rc;
}

static int recover_save_one(const char *dir, const char *path,
                            const char *scenario_file)
{
    recover_item it;
    int loaded = recover_load(path, scenario_file, &it);
    if (loaded != 0) {
        if (loaded < 0) {
            fprintf(stderr, _("%s: error: not saved; the journal is kept\n"),
                    path);
        }
        recover_item_free(&it);
        return loaded < 0 ? CLI_FAIL : CLI_OK;
    }
    diag_list *diags = diag_list_new();
    result_paths saved;
    bool already = false;
    int rc = CLI_FAIL;
    if (diags && journal_save_once(dir, it.jd, it.s, NULL, &saved, &already,
                                   diags) == 0) {
        size_t n = session_turn_count(it.s);
        if (already) {
            fprintf(stderr,
                    _("%s: already saved as %s (the program stopped after "
                      "saving the call, before removing its journal); not "
                      "saved again\n"),
                    path, saved.path[RESULT_FILE_JSON]);
        } else {
            fprintf(stderr,
                    session_is_finished(it.s)
                        ? P_("%s: saved as a complete result (%zu turn)\n",
                             "%s: saved as a complete result (%zu turns)\n", n)
                        : P_("%s: saved as an incomplete attempt (%zu "
                             "turn)\n",
                             "%s: saved as an incomplete attempt (%zu "
                             "turns)\n",
                             n),
                    path, n);
            cli_print_saved(&saved);
        }
        result_paths_clear(&saved);
        cli_print_diags(diags); /* warnings: temporary files swept */
        diag_list_clear(diags);
        if (journal_remove(path, diags) == 0) {
            rc = CLI_OK;
        } else {
            fprintf(stderr,
                    _("%s: error: the call is saved, but its journal cannot "
                      "be removed; rapport recover will find it saved and "
                      "not save it again\n"),
                    path);
        }
    } else {
        fprintf(stderr, _("%s: error: not saved; the journal is kept\n"),
                path);
    }
    cli_print_diags(diags);
    diag_list_free(diags);
    recover_item_free(&it);
    return rc;
}

static int recover_resume(const char *dir, const char *path,
                          const char *scenario_file, const cli_script *script,
                          bool have_script, bool json)
{
    recover_item it;
    if (recover_load(path, scenario_file, &it) != 0) {
        recover_item_free(&it);
        return CLI_FAIL;
    }
    size_t n = session_turn_count(it.s);
    if (!have_script && !session_is_finished(it.s)) {
        fprintf(stderr,
                _("rapport recover: %s: the call goes on at turn %zu; give "
                  "--choices for the remaining turns\n"),
                path, n + 1);
        recover_item_free(&it);
        return CLI_USAGE;
    }
    fprintf(stderr,
            P_("rapport recover: %s: %zu turn replayed\n",
               "rapport recover: %s: %zu turns replayed\n", n),
            path, n);
    diag_list *diags = diag_list_new();
    journal *j = journal_continue_locked(it.jd, it.s, it.lock, NULL, diags);
    it.lock = NULL; /* the journal's now */
    if (!j) {
        const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
        fprintf(stderr,
                _("rapport recover: warning: %s: %s; playing on without a "
                  "journal\n"),
                path, e ? e->message : _("out of memory"));
    }
    diag_list_clear(diags);
    cli_script none = {.mode = CLI_SCRIPT_LIST};
    int rc = cli_script_play("recover", it.s, have_script ? script : &none, j,
                             stdin);
    bool saved_ok = false;
    if (rc == CLI_OK) {
        debrief *d = debrief_new(it.s);
        rc = cli_print_debrief(d, json);
        result_info info;
        journal_result_info(it.jd, it.s, &info);
        result_paths saved;
        bool already = false;
        if (d && result_save_once(dir, d, &info, NULL, &saved, &already,
                                  diags) == 0) {
            if (already) {
                fprintf(stderr,
                        _("rapport recover: the call was already saved as "
                          "%s; not saved again\n"),
                        saved.path[RESULT_FILE_JSON]);
            } else {
                cli_print_saved(&saved);
            }
            cli_print_diags(diags);
            result_paths_clear(&saved);
            saved_ok = true;
        } else if (d) {
            const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
            fprintf(stderr,
                    _("rapport recover: error: %s; the journal is kept\n"),
                    e ? e->message : _("out of memory"));
            rc = CLI_FAIL;
        }
        debrief_free(d);
    }
    diag_list_clear(diags);
    if (saved_ok) {
        if ((j ? journal_close(j, true, diags)
               : journal_remove(it.jd->path, diags)) != 0) {
            cli_print_diags(diags);
            fprintf(stderr,
                    _("rapport recover: error: the call is saved, but its "
                      "journal cannot be removed; rapport recover will find "
                      "it saved and not save it again\n"));
            rc = CLI_FAIL;
        }
    } else {
        journal_close(j, false, NULL);
        fprintf(stderr, _("rapport recover: the session is kept in %s\n"),
                path);
    }
    diag_list_free(diags);
    recover_item_free(&it);
    return rc;
}

int cli_recover(int argc, char **argv)
{
    static const struct option options[] = {
        {"save", no_argument, NULL, 's'},
        {"resume", no_argument, NULL, 'r'},
        {"discard", no_argument, NULL, 'd'},
        {"results", required_argument, NULL, 'R'},
        {"scenario", required_argument, NULL, 'S'},
        {"choices", required_argument, NULL, 'c'},
        {"times", required_argument, NULL, 't'},
        {"format", required_argument, NULL, 'f'},
        {"yes", no_argument, NULL, 'y'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    cli_script *script = calloc(1, sizeof *script);
    if (!script) {
        fprintf(stderr, _("rapport: error: out of memory\n"));
        return CLI_FAIL;
    }
    recover_action action = RECOVER_LIST;
    int actions = 0;
    const char *results = NULL;
    const char *scenario_file = NULL;
    bool have_script = false;
    bool times = false;
    bool json = false;
    bool yes = false;
    char *dir = NULL;
    char **found = NULL;
    int rc = CLI_USAGE;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "srdR:S:c:t:f:yh", options, NULL)) !=
           -1) {
        switch (c) {
        case 's':
        case 'r':
        case 'd':
            action = c == 's'   ? RECOVER_SAVE
                     : c == 'r' ? RECOVER_RESUME
                                : RECOVER_DISCARD;
            actions++;
            break;
        case 'R':
            if (!*optarg) {
                fprintf(stderr, _("rapport recover: --results needs a "
                                  "folder\n"));
                goto out;
            }
            results = optarg;
            break;
        case 'S':
            scenario_file = optarg;
            break;
        case 'c':
            if (cli_script_choices("recover", optarg, script) != 0) {
                goto out;
            }
            have_script = true;
            break;
        case 't':
            if (cli_script_times("recover", optarg, script) != 0) {
                goto out;
            }
            times = true;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0 || strcmp(optarg, "text") == 0) {
                json = strcmp(optarg, "json") == 0;
            } else {
                fprintf(stderr,
                        _("rapport recover: --format must be text or json, "
                          "not '%s'\n"),
                        optarg);
                goto out;
            }
            break;
        case 'y':
            yes = true;
            break;
        case 'h':
            recover_usage(stdout);
            rc = cli_finish_output();
            goto out;
        default:
            recover_usage(stderr);
            goto out;
        }
    }
    if (actions > 1) {
        fprintf(stderr, _("rapport recover: choose one of --save, --resume "
                          "and --discard\n"));
        goto out;
    }
    if ((have_script || times) && action != RECOVER_RESUME) {
        fprintf(stderr, _("rapport recover: --choices and --times are for "
                          "--resume\n"));
        goto out;
    }
    if (yes && action != RECOVER_DISCARD) {
        fprintf(stderr, _("rapport recover: --yes confirms --discard\n"));
        goto out;
    }
    if (action == RECOVER_RESUME && argc - optind > 1) {
        fprintf(stderr, _("rapport recover: --resume plays on one journal at "
                          "a time\n"));
        goto out;
    }
    dir = results ? strdup(results) : cli_default_results_dir();
    if (!dir) {
        fprintf(stderr, _("rapport recover: no results folder: HOME is not "
                          "set; give --results DIR\n"));
        goto out;
    }
    {
        /* the left-overs of programs stopped while saving go first */
        diag_list *diags = diag_list_new();
        journal_sweep(dir, diags);
        cli_print_diags(diags);
        diag_list_free(diags);
    }
    char *const *paths = argv + optind;
    size_t count = (size_t)(argc - optind);
    if (count == 0) {
        diag_list *diags = diag_list_new();
        found = journal_list(dir, diags);
        cli_print_diags(diags);
        cli_class_note_journals("recover", dir);
        diag_list_free(diags);
        if (!found) {
            rc = CLI_FAIL;
            goto out;
        }
        while (found[count]) {
            count++;
        }
        paths = found;
        if (count == 0) {
            fprintf(stderr,
                    _("rapport recover: no interrupted sessions in "
                      "%s/in-progress\n"),
                    dir);
            rc = action == RECOVER_RESUME ? CLI_FAIL : CLI_OK;
            goto out;
        }
        if (action == RECOVER_RESUME && count > 1) {
            fprintf(stderr,
                    _("rapport recover: %zu interrupted sessions in "
                      "%s/in-progress; name the one to resume:\n"),
                    count, dir);
            for (size_t i = 0; i < count; i++) {
                fprintf(stderr, "  %s\n", paths[i]);
            }
            goto out;
        }
    }
    if (action == RECOVER_DISCARD && !yes) {
        fprintf(stderr,
                P_("rapport recover: --discard deletes %zu journal for good "
                   "(the turns played in it are lost); add --yes to "
                   "confirm\n",
                   "rapport recover: --discard deletes %zu journals for good "
                   "(the turns played in them are lost); add --yes to "
                   "confirm\n",
                   count),
                count);
        goto out;
    }

    rc = CLI_OK;
    if (action == RECOVER_RESUME) {
        rc = recover_resume(dir, paths[0], scenario_file, script, have_script,
                            json);
        goto out;
    }
    for (size_t i = 0; i < count; i++) {
        int one = CLI_OK;
        if (action == RECOVER_LIST) {
            one = recover_list_one(paths[i], scenario_file);
        } else if (action == RECOVER_SAVE) {
            one = recover_save_one(dir, paths[i], scenario_file);
        } else {
            recover_item it;
            journal_take_status st = recover_take(paths[i], &it);
            diag_list *diags = diag_list_new();
            if (st == JOURNAL_TAKEN) {
                if (journal_remove(paths[i], diags) == 0) {
                    fprintf(stderr, _("removed: %s\n"), paths[i]);
                } else {
                    cli_print_diags(diags);
                    one = CLI_FAIL;
                }
            } else if (st == JOURNAL_FAILED) {
                one = CLI_FAIL;
            }
            diag_list_free(diags);
            recover_item_free(&it);
        }
        if (one != CLI_OK) {
            rc = CLI_FAIL;
        }
    }
    if (action == RECOVER_LIST && cli_finish_output() != CLI_OK) {
        rc = CLI_FAIL;
    }
out:
    journal_list_free(found);
    free(dir);
    cli_script_clear(script);
    free(script);
    return rc;
}
