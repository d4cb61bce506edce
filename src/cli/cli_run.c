/* cli_run.c — rapport run FILE --choices ... : a scripted, headless
 * session that prints the debrief. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "debrief.h"
#include "diag.h"
#include "result.h"
#include "scenario.h"
#include "score.h"
#include "session.h"

#define RUN_MAX_SCRIPT 1000

typedef enum { RUN_SCRIPT_LIST, RUN_SCRIPT_BEST, RUN_SCRIPT_WORST } run_mode;

typedef struct {
    run_mode mode;
    int choices[RUN_MAX_SCRIPT];
    size_t choice_count;
    int times_ms[RUN_MAX_SCRIPT];
    size_t time_count;
} run_script;

static void run_usage(FILE *out)
{
    fputs("Usage: rapport run FILE --choices LIST [OPTIONS]\n"
          "\n"
          "Plays a scenario headlessly with scripted choices and prints the "
          "debrief.\n"
          "\n"
          "Options:\n"
          "  -c, --choices LIST   choices, 1-based as numbered on screen "
          "(only the\n"
          "                       options on offer are numbered), e.g. "
          "2,1,3; or\n"
          "                       'best' / 'worst' to pick the best / worst "
          "option\n"
          "                       on offer at every turn\n"
          "  -t, --times LIST     response time of each reply in seconds, "
          "e.g. 4.5,3,12;\n"
          "                       turns without a time reply exactly on "
          "target\n"
          "  -f, --format FORMAT  text (default) or json\n"
          "  -r, --relaxed        relaxed timing: time is shown, never "
          "penalised\n"
          "      --results DIR    also save the result in DIR (created if "
          "missing) as\n"
          "                       three files: a JSON record (.json), a "
          "printable\n"
          "                       HTML report (.html) and xAPI statements\n"
          "                       (.xapi.json), named "
          "DATE-TIME-TRAINEE-SCENARIO-NN;\n"
          "                       existing files are never overwritten. "
          "Without\n"
          "                       --results nothing is saved.\n"
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
          "Exit status: 0 when the call reached an ending, 1 on an invalid "
          "scenario\nor script or results that could not be saved, 2 on "
          "wrong usage.\n",
          out);
}

/* Parses "2,1,3", or best / worst. Returns the count, or -1 with a
 * message. */
static int run_parse_choices(const char *arg, run_script *script)
{
    if (strcmp(arg, "best") == 0) {
        script->mode = RUN_SCRIPT_BEST;
        return 0;
    }
    if (strcmp(arg, "worst") == 0) {
        script->mode = RUN_SCRIPT_WORST;
        return 0;
    }
    if (cli_parse_choices("run", arg, script->choices, RUN_MAX_SCRIPT,
                          &script->choice_count) != 0) {
        return -1;
    }
    return (int)script->choice_count;
}

static int run_parse_times(const char *arg, run_script *script)
{
    if (cli_parse_times("run", arg, script->times_ms, RUN_MAX_SCRIPT,
                        &script->time_count) != 0) {
        return -1;
    }
    return (int)script->time_count;
}

/* Position (0-based) of the best or worst option on offer, judged as the
 * debrief judges it. */
static size_t run_pick(const session *s, run_mode mode)
{
    const scenario *sc = session_scenario(s);
    const scenario_node *n = session_node(s);
    unsigned offered = 0;
    for (size_t i = 0; i < session_offered_count(s); i++) {
        offered |= 1u << session_offered_index(s, i);
    }
    size_t pick = 0;
    double pick_value = 0.0;
    for (size_t i = 0; i < session_offered_count(s); i++) {
        double sum = 0.0;
        double weights = 0.0;
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            double p = score_placement(n, offered, session_offered_index(s, i),
                                       (scenario_dim)d);
            if (p >= 0.0) {
                sum += sc->weight[d] * p;
                weights += sc->weight[d];
            }
        }
        double v = weights > 0.0 ? sum / weights : 1.0;
        bool better = mode == RUN_SCRIPT_BEST ? v > pick_value + 1e-9
                                              : v < pick_value - 1e-9;
        if (i == 0 || better) {
            pick = i;
            pick_value = v;
        }
    }
    return pick;
}

static int run_play(session *s, const run_script *script)
{
    size_t step = 0;
    while (!session_is_finished(s)) {
        const scenario_node *n = session_node(s);
        size_t offered = session_offered_count(s);
        size_t pos;
        if (script->mode == RUN_SCRIPT_LIST) {
            if (step >= script->choice_count) {
                fprintf(stderr,
                        "rapport run: error: the script ended after %zu "
                        "choice%s but the call has not reached an ending "
                        "(turn %zu, node '%s', options 1-%zu); add more "
                        "choices\n",
                        step, step == 1 ? "" : "s", session_turn_count(s) + 1,
                        n->id, offered);
                return CLI_FAIL;
            }
            int want = script->choices[step];
            if (want < 1 || (size_t)want > offered) {
                fprintf(stderr,
                        "rapport run: error: choice %d at turn %zu is not "
                        "on offer: node '%s' offers options 1-%zu\n",
                        want, session_turn_count(s) + 1, n->id, offered);
                return CLI_FAIL;
            }
            pos = (size_t)want - 1;
        } else {
            if (step >= RUN_MAX_SCRIPT) {
                fprintf(stderr,
                        "rapport run: error: the call did not end "
                        "within %d turns (a loop?)\n",
                        RUN_MAX_SCRIPT);
                return CLI_FAIL;
            }
            pos = run_pick(s, script->mode);
        }
        int ms = step < script->time_count ? script->times_ms[step]
                                           : session_target_ms(s);
        session_status st = session_choose(s, pos, ms);
        if (st != SESSION_OK && st != SESSION_TIMED_OUT) {
            fprintf(stderr, "rapport run: error: turn %zu: %s\n",
                    session_turn_count(s) + 1, session_status_message(st));
            return CLI_FAIL;
        }
        step++;
    }
    if (script->mode == RUN_SCRIPT_LIST && step < script->choice_count) {
        fprintf(stderr,
                "rapport run: error: the call ended after %zu turn%s but "
                "the script has %zu choices; remove the extra ones\n",
                step, step == 1 ? "" : "s", script->choice_count);
        return CLI_FAIL;
    }
    if (script->time_count > step) {
        fprintf(stderr,
                "rapport run: error: %zu times given but the call had "
                "only %zu turn%s\n",
                script->time_count, step, step == 1 ? "" : "s");
        return CLI_FAIL;
    }
    return CLI_OK;
}

/* The wall clock in ms, or RAPPORT_FIXED_TIME (epoch seconds) when set.
 * Returns -1 with a message when the override is not a time. */
static int64_t run_now_ms(void)
{
    const char *fixed = getenv("RAPPORT_FIXED_TIME");
    if (fixed) {
        char *end = NULL;
        errno = 0;
        long long secs = strtoll(fixed, &end, 10);
        if (end == fixed || *end != '\0' || errno || secs < 0 ||
            secs > 253402300799LL) {
            fprintf(stderr,
                    "rapport run: RAPPORT_FIXED_TIME must be whole seconds "
                    "since 1970 (e.g. 1700000000), not '%s'\n",
                    fixed);
            return -1;
        }
        return (int64_t)secs * 1000;
    }
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
        fprintf(stderr, "rapport run: error: cannot read the clock: %s\n",
                strerror(errno));
        return -1;
    }
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
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
                "rapport run: error: %s; the debrief above is complete, "
                "choose another folder with --results\n",
                e ? e->message : "cannot save results: out of memory");
        rc = CLI_FAIL;
    } else {
        for (int i = 0; i < RESULT_FILE_COUNT; i++) {
            fprintf(stderr, "saved: %s\n", saved.path[i]);
        }
        result_paths_clear(&saved);
    }
    diag_list_free(diags);
    return rc;
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
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    run_script *script = calloc(1, sizeof *script);
    if (!script) {
        fprintf(stderr, "rapport: error: out of memory\n");
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
            if (run_parse_choices(optarg, script) < 0) {
                goto out;
            }
            break;
        case 't':
            if (run_parse_times(optarg, script) < 0) {
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
                        "rapport run: --format must be text or json, "
                        "not '%s'\n",
                        optarg);
                goto out;
            }
            break;
        case 'r':
            sopt.relaxed_timing = true;
            break;
        case 'R':
            if (!*optarg) {
                fprintf(stderr, "rapport run: --results needs a folder\n");
                goto out;
            }
            results = optarg;
            break;
        case 'T':
            trainee = optarg;
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
        fprintf(stderr, "rapport run: give exactly one scenario FILE\n\n");
        run_usage(stderr);
        goto out;
    }
    if (!choices) {
        fprintf(stderr, "rapport run: --choices is required (e.g. --choices "
                        "2,1,3, or --choices best)\n");
        goto out;
    }
    if (trainee && !results) {
        fprintf(stderr, "rapport run: --trainee only names the trainee in "
                        "saved results; add --results DIR\n");
        goto out;
    }
    if (results && !trainee) {
        trainee = "anonymous";
    }
    if (trainee && !result_trainee_valid(trainee)) {
        fprintf(stderr,
                "rapport run: --trainee must be a name of 1-%d bytes of "
                "UTF-8, not only spaces, without control characters\n",
                RESULT_MAX_TRAINEE_BYTES);
        goto out;
    }
    result_info info = {.trainee = trainee,
                        .feedback_mode = RESULT_FEEDBACK_WITHHELD};
    if (results && (info.started_ms = run_now_ms()) < 0) {
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
    if (s && run_play(s, script) == CLI_OK) {
        debrief *d = debrief_new(s);
        if (d && json) {
            char *text = debrief_to_json(d);
            if (text) {
                fputs(text, stdout);
                fputc('\n', stdout);
                free(text);
                rc = cli_finish_output();
            }
        } else if (d) {
            debrief_write_text(d, stdout);
            rc = cli_finish_output();
        }
        if (!d) {
            fprintf(stderr, "rapport: error: out of memory\n");
        }
        if (d && results) {
            /* a scripted call takes as long as its scripted replies */
            info.ended_ms = info.started_ms + d->total_response_ms;
            if (run_save(results, d, &info) != CLI_OK) {
                rc = CLI_FAIL;
            }
        }
        debrief_free(d);
    }
    session_free(s);
    scenario_free(sc);
out:
    free(script);
    return rc;
}
