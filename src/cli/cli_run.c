/* cli_run.c — rapport run FILE --choices ... : a scripted, headless
 * session that prints the debrief. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "debrief.h"
#include "diag.h"
#include "i18n.h"
#include "result.h"
#include "scenario.h"
#include "score.h"
#include "session.h"
#include "trainee.h"

static void run_usage(FILE *out)
{
    fputs(_("Usage: rapport run FILE --choices LIST [OPTIONS]\n"
            "\n"
            "Plays a scenario headlessly with scripted choices and prints the "
            "debrief.\n"
            "\n"
            "Options:\n"
            "  -c, --choices LIST   choices, 1-based as numbered on screen "
            "(only the\n"
            "                       options on offer are numbered) or "
            "choice ids,\n"
            "                       e.g. 2,refund,3; or\n"
            "                       'best' / 'worst' to pick the best / worst "
            "option\n"
            "                       on offer at every turn; or '-' to read "
            "one choice\n"
            "                       per line from standard input, as N or ID, "
            "then\n"
            "                       optionally SECONDS\n"
            "                       (each turn is shown on stderr)\n"
            "  -t, --times LIST     response time of each reply in seconds, "
            "e.g. 4.5,3,12;\n"
            "                       turns without a time reply exactly on "
            "target\n"
            "  -f, --format FORMAT  text (default) or json\n"
            "  -r, --relaxed        relaxed timing: time is shown, never "
            "penalised\n"
            "      --seed N         shuffle each turn's options in the order "
            "the game\n"
            "                       would show with seed N (0-2^53); without "
            "it the\n"
            "                       options keep the scenario's order\n"
            "      --results DIR    also save the result in DIR (created if "
            "missing) as\n"
            "                       three files: a JSON record (.json), a "
            "printable\n"
            "                       HTML report (.html) and xAPI statements\n"
            "                       (.xapi.json), named "
            "DATE-TIME-TRAINEE-SCENARIO-NN;\n"
            "                       existing files are never overwritten. "
            "Without\n"
            "                       --results nothing is saved. While the "
            "call goes\n"
            "                       on, it is journaled after every reply in\n"
            "                       DIR/in-progress/ (removed once the result "
            "is\n"
            "                       saved; see rapport recover).\n"
            "      --trainee NAME   the trainee's name in saved results "
            "(default:\n"
            "                       anonymous); needs --results\n"
            "  -h, --help           show this help\n"
            "\n"
            "A reply slower than the customer's remaining patience allows "
            "times out:\n"
            "the call takes the scenario's timeout branch and that choice is "
            "not used.\n"
            "Saved results start at the current time "
            "(RAPPORT_FIXED_TIME=SECONDS since\n"
            "1970 fixes it, for reproducible files) and end after the "
            "scripted response\ntimes.\n"
            "The game (rapport play) keeps its results in "
            "$XDG_DATA_HOME/rapport/results\n"
            "(default ~/.local/share/rapport/results); rapport run saves "
            "only with --results.\n"
            "Exit status: 0 when the call reached an ending, 1 on an invalid "
            "scenario\nor script or results that could not be saved, 2 on "
            "wrong usage.\n"),
          out);
}

/* Tells where the unfinished session is kept and how to go on. */
static void run_kept(const char *results, const journal *j)
{
    fprintf(
        stderr,
        _("rapport run: the session so far is kept in %s;\n"
          "  rapport recover --results %s --resume --choices ... plays it "
          "on,\n"
          "  rapport recover --results %s --save keeps it as an incomplete "
          "attempt\n"),
        journal_path(j), results, results);
}

/* Saves the result files; the debrief has already been printed. */
static int run_save(const char *dir, const debrief *d, const result_info *info)
{
    diag_list *diags = diag_list_new();
    result_paths saved;
    int rc = CLI_OK;
    if (!diags || result_save(dir, d, info, NULL, &saved, diags) != 0) {
        const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
        fprintf(stderr,
                _("rapport run: error: %s; the debrief above is complete, "
                  "choose another folder with --results\n"),
                e ? e->message : _("cannot save results: out of memory"));
        rc = CLI_FAIL;
    } else {
        cli_print_saved(&saved);
        cli_print_diags(diags); /* warnings: temporary files swept */
        result_paths_clear(&saved);
    }
    diag_list_free(diags);
    return rc;
}

/* Starts the journal; without one the session goes on (with a warning). */
static journal *run_journal(const char *results, const char *file,
                            const session *s, const result_info *info)
{
    char *abs = realpath(file, NULL);
    diag_list *diags = diag_list_new();
    journal *j = journal_open(results, s, abs ? abs : file, info, NULL, diags);
    if (!j) {
        const diag_entry *e = diags ? diag_get(diags, 0) : NULL;
        fprintf(stderr,
                _("rapport run: warning: %s; playing on without a journal\n"),
                e ? e->message : _("cannot start a journal: out of memory"));
    }
    diag_list_free(diags);
    free(abs);
    return j;
}

int cli_run(int argc, char **argv)
{
    static const struct option options[] = {
        {"choices", required_argument, NULL, 'c'},
        {"times", required_argument, NULL, 't'},
        {"format", required_argument, NULL, 'f'},
        {"relaxed", no_argument, NULL, 'r'},
        {"results", required_argument, NULL, 'R'},
        {"trainee", required_argument, NULL, 'T'},
        {"seed", required_argument, NULL, 'S'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    cli_script *script = calloc(1, sizeof *script);
    if (!script) {
        fprintf(stderr, _("rapport: error: out of memory\n"));
        return CLI_FAIL;
    }
    const char *choices = NULL;
    const char *results = NULL;
    const char *trainee = NULL;
    int json = 0;
    session_options sopt = {.relaxed_timing = false};
    int c;
    int rc = CLI_USAGE;
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:t:f:rh", options, NULL)) != -1) {
        switch (c) {
        case 'c':
            choices = optarg;
            if (cli_script_choices("run", optarg, script) < 0) {
                goto out;
            }
            break;
        case 't':
            if (cli_script_times("run", optarg, script) < 0) {
                goto out;
            }
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0) {
                json = 1;
            } else if (strcmp(optarg, "text") == 0) {
                json = 0;
            } else {
                fprintf(stderr,
                        _("rapport run: --format must be text or json, "
                          "not '%s'\n"),
                        optarg);
                goto out;
            }
            break;
        case 'r':
            sopt.relaxed_timing = true;
            break;
        case 'R':
            if (!*optarg) {
                fprintf(stderr, _("rapport run: --results needs a folder\n"));
                goto out;
            }
            results = optarg;
            break;
        case 'T':
            trainee = optarg;
            break;
        case 'S':
            if (cli_parse_seed("run", optarg, &sopt.seed) != 0) {
                goto out;
            }
            sopt.shuffle = true;
            break;
        case 'h':
            run_usage(stdout);
            rc = cli_finish_output();
            goto out;
        default:
            run_usage(stderr);
            goto out;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, _("rapport run: give exactly one scenario FILE\n\n"));
        run_usage(stderr);
        goto out;
    }
    if (!choices) {
        fprintf(stderr, _("rapport run: --choices is required (e.g. --choices "
                          "2,1,3, or --choices best)\n"));
        goto out;
    }
    if (trainee && !results) {
        fprintf(stderr, _("rapport run: --trainee only names the trainee in "
                          "saved results; add --results DIR\n"));
        goto out;
    }
    static const char anonymous[] = "anonymous";
    if (results && !trainee) {
        trainee = anonymous;
    }
    char name[TRAINEE_MAX_BYTES + 1];
    if (trainee && trainee != anonymous &&
        cli_trainee_name("run", "--trainee", trainee, name, sizeof name) !=
            0) {
        goto out;
    }
    if (trainee && trainee != anonymous) {
        trainee = name;
    }
    result_info info = {.trainee = trainee,
                        .feedback_mode = RESULT_FEEDBACK_WITHHELD};
    if (results && (info.started_ms = cli_now_ms("run")) < 0) {
        goto out;
    }
    rc = CLI_FAIL;
    diag_list *diags = diag_list_new();
    scenario *sc = diags ? scenario_load_file(argv[optind], diags) : NULL;
    cli_print_diags(diags);
    diag_list_free(diags);
    if (!sc) {
        goto out;
    }
    session *s = session_new(sc, &sopt);
    journal *j =
        s && results ? run_journal(results, argv[optind], s, &info) : NULL;
    bool saved = false;
    if (s && cli_script_play("run", s, script, j, stdin) == CLI_OK) {
        debrief *d = debrief_new(s);
        rc = cli_print_debrief(d, json);
        if (d && results) {
            /* a scripted call takes as long as its scripted replies */
            info.ended_ms = info.started_ms + d->total_response_ms;
            if (run_save(results, d, &info) != CLI_OK) {
                rc = CLI_FAIL;
            } else {
                saved = true;
            }
        }
        debrief_free(d);
    } else if (!s) {
        fprintf(stderr, _("rapport: error: out of memory\n"));
    }
    if (j && saved) {
        diag_list *diags = diag_list_new();
        if (journal_close(j, true, diags) != 0) {
            /* a journal left beside its saved call is found saved by
             * rapport recover, never saved twice; still an error */
            cli_print_diags(diags);
            fprintf(stderr,
                    _("rapport run: error: the result is saved, but the "
                      "call's journal cannot be removed; rapport recover "
                      "will find the call saved and not save it again\n"));
            rc = CLI_FAIL;
        }
        diag_list_free(diags);
    } else if (j) {
        run_kept(results, j);
        journal_close(j, false, NULL);
    }
    session_free(s);
    scenario_free(sc);
out:
    cli_script_clear(script);
    free(script);
    return rc;
}
