/* cli_play.c — rapport play [FILE|DIR]... : the SDL game. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "scenario.h"
#include "trainee.h"
#include "ui_app.h"
#include "ui_prefs.h"

#define PLAY_MAX_SCRIPT 1000

static void play_usage(FILE *out)
{
    fputs(
        _("Usage: rapport play [OPTIONS] [FILE|DIR]...\n"
          "\n"
          "Plays scenarios in a window. The picker lists the scenarios given "
          "(files, or\nfolders of .xml files) and the bundled ones; the "
          "first FILE is selected.\nPicking one shows its briefing (summary, "
          "customer, objectives), then the call.\n"
          "Every call that ends is saved in the results folder (a JSON "
          "record, an HTML\nreport and xAPI statements, as rapport run "
          "--results saves them) and journaled\nwhile it goes on; calls a "
          "stopped program left unsaved are offered on start.\n"
          "\n"
          "Options:\n"
          "  -s, --size WxH          window size in pixels (e.g. 1920x1080)\n"
          "  -F, --fullscreen        start in desktop fullscreen (F11 "
          "toggles)\n"
          "  -S, --start             skip the picker and the briefing: start "
          "the first\n"
          "                          FILE's call at once\n"
          "  -R, --results DIR       keep results and journals in DIR "
          "(created "
          "if missing;\n"
          "                          default $XDG_DATA_HOME/rapport/results, "
          "else\n"
          "                          ~/.local/share/rapport/results; scripted "
          "runs save\n"
          "                          only with --results)\n"
          "  -m, --mode MODE         practice (feedback after each reply, "
          "the default)\n"
          "                          or assessment (feedback withheld until "
          "the debrief)\n"
          "  -f, --feedback MODE     immediate or withheld: overrides the "
          "mode's feedback\n"
          "  -r, --relaxed           relaxed timing: time is shown, never "
          "penalised\n"
          "      --no-shuffle        show each turn's options in the "
          "scenario's order\n"
          "                          (by default the game shuffles them, "
          "from a seed\n"
          "                          drawn for each call and kept in its "
          "result)\n"
          "      --seed N            shuffle from seed N (0-2^53) in every "
          "call; scripted\n"
          "                          runs keep the scenario's order without "
          "it\n"
          "      --high-contrast     start with the high-contrast theme\n"
          "  -n, --name NAME         the trainee's name (else the one "
          "remembered)\n"
          "  -c, --script LIST       play FILE with these choices (1-based "
          "option numbers\n"
          "                          or choice ids, e.g. 2,refund,1)\n"
          "                          through the real interface, then quit "
          "at the debrief\n"
          "  -t, --times LIST        with --script: response times in "
          "seconds, counted\n"
          "                          from when the options appear (default: "
          "on target)\n"
          "  -o, --screenshot-dir DIR  with --script: save a PNG of every "
          "screen\n"
          "  -i, --input MODE        with --script: keys (default), mouse or "
          "touch\n"
          "  -p, --print-debrief     with --script: print the debrief as "
          "rapport run does\n"
          "  -H, --hold              with --script: after the script's "
          "choices "
          "wait on\n"
          "                          the next turn (until the window is "
          "closed or the\n"
          "                          process stopped) instead of failing\n"
          "  -J, --on-journal ANSWER with --script: answer the notice of an "
          "interrupted\n"
          "                          call in the results folder with resume "
          "(play on with\n"
          "                          the script's choices), save (as an "
          "incomplete\n"
          "                          attempt), discard or later\n"
          "  -h, --help              show this help\n"
          "\n"),
        out);
    fputs(
        _("Settings (text size, high contrast, mode, feedback, relaxed "
          "timing, shuffled\noptions, fullscreen) and the trainee's name are "
          "remembered in\n$XDG_CONFIG_HOME/rapport/settings.json "
          "(~/.config/rapport;\n"
          "$RAPPORT_CONFIG_DIR overrides); options given here apply to this "
          "run only.\nScripted runs remember nothing.\n"
          "A scripted run whose result cannot be saved answers Don't save "
          "and exits 1.\n"
          "Calls start at the current time (RAPPORT_FIXED_TIME=SECONDS since "
          "1970 fixes\nit; scripted runs then save the same files every "
          "time). Quitting from the\nmenu ends a call in progress without "
          "saving it; closing the window keeps its\njournal for the next "
          "start.\n"
          "\n"
          "Keys: 1-9 choose; arrows and Enter; PageDown, Right, Space or "
          "Enter go on (and\nshow the customer's whole line at once); Esc "
          "menu; F11 fullscreen; B or .\nblanks the screen; F5 or Ctrl+R "
          "reloads the scenario from disk (on the picker,\nthe list); on the "
          "picker M switches practice/assessment, C picks classroom, Tab "
          "types "
          "the\n"
          "trainee's name. Touch screens: tap as you would click, drag to "
          "scroll.\n"
          "Scripted runs use the software renderer and honour "
          "SDL_VIDEODRIVER=dummy\n(no display needed). Exit status: 0 "
          "success, 1 failure, 2 wrong usage.\n"),
        out);
}

static int play_parse_size(const char *arg, int *w, int *h)
{
    char *end = NULL;
    errno = 0;
    long a = strtol(arg, &end, 10);
    if (end == arg || errno || (*end != 'x' && *end != 'X')) {
        return -1;
    }
    const char *p = end + 1;
    long b = strtol(p, &end, 10);
    if (end == p || errno || *end != '\0' || a < 320 || b < 240 || a > 16384 ||
        b > 16384) {
        return -1;
    }
    *w = (int)a;
    *h = (int)b;
    return 0;
}

/* mkdir -p: creates the folder and any missing parents. */
static int play_make_dirs(const char *path)
{
    char *copy = strdup(path);
    if (!copy) {
        errno = ENOMEM;
        return -1;
    }
    for (char *p = copy + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
                free(copy);
                return -1;
            }
            *p = '/';
        }
    }
    int rc = mkdir(copy, 0777) != 0 && errno != EEXIST ? -1 : 0;
    free(copy);
    return rc;
}

typedef struct {
    choices_list script;
    int times[PLAY_MAX_SCRIPT];
    size_t time_count;
} play_lists;

int cli_play(int argc, char **argv)
{
    enum { OPT_HIGH_CONTRAST = 1000, OPT_NO_SHUFFLE, OPT_SEED };
    static const char *const answers[] = {"resume", "save", "discard",
                                          "later"};
    static const struct option options[] = {
        {"size", required_argument, NULL, 's'},
        {"fullscreen", no_argument, NULL, 'F'},
        {"start", no_argument, NULL, 'S'},
        {"mode", required_argument, NULL, 'm'},
        {"feedback", required_argument, NULL, 'f'},
        {"relaxed", no_argument, NULL, 'r'},
        {"high-contrast", no_argument, NULL, OPT_HIGH_CONTRAST},
        {"no-shuffle", no_argument, NULL, OPT_NO_SHUFFLE},
        {"seed", required_argument, NULL, OPT_SEED},
        {"name", required_argument, NULL, 'n'},
        {"script", required_argument, NULL, 'c'},
        {"times", required_argument, NULL, 't'},
        {"screenshot-dir", required_argument, NULL, 'o'},
        {"input", required_argument, NULL, 'i'},
        {"print-debrief", no_argument, NULL, 'p'},
        {"results", required_argument, NULL, 'R'},
        {"hold", no_argument, NULL, 'H'},
        {"on-journal", required_argument, NULL, 'J'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    play_lists *lists = calloc(1, sizeof *lists);
    if (!lists) {
        fprintf(stderr, _("rapport: error: out of memory\n"));
        return CLI_FAIL;
    }
    ui_app_options opt;
    memset(&opt, 0, sizeof opt);
    char name[TRAINEE_MAX_BYTES + 1];
    opt.input = UI_INPUT_KEYS;
    bool scripted = false;
    bool needs_script = false;
    const char *results = NULL;
    char *default_results = NULL;
    int rc = CLI_USAGE;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "s:FSm:f:rn:c:t:o:i:pR:HJ:h", options,
                            NULL)) != -1) {
        switch (c) {
        case 's':
            if (play_parse_size(optarg, &opt.width, &opt.height) != 0) {
                fprintf(stderr,
                        _("rapport play: --size: '%s' is not WIDTHxHEIGHT "
                          "between 320x240 and 16384x16384 (e.g. "
                          "1024x768)\n"),
                        optarg);
                goto out;
            }
            break;
        case 'F':
            opt.fullscreen = true;
            break;
        case 'S':
            opt.start = true;
            break;
        case 'm':
            if (strcmp(optarg, "practice") == 0) {
                opt.mode = UI_MODE_PRACTICE;
            } else if (strcmp(optarg, "assessment") == 0) {
                opt.mode = UI_MODE_ASSESSMENT;
            } else {
                fprintf(stderr,
                        _("rapport play: --mode must be practice or "
                          "assessment, not '%s'\n"),
                        optarg);
                goto out;
            }
            opt.mode_set = true;
            break;
        case 'f':
            opt.feedback_set = true;
            if (strcmp(optarg, "immediate") == 0) {
                opt.feedback = UI_FEEDBACK_IMMEDIATE;
            } else if (strcmp(optarg, "withheld") == 0) {
                opt.feedback = UI_FEEDBACK_WITHHELD;
            } else {
                fprintf(stderr,
                        _("rapport play: --feedback must be immediate or "
                          "withheld, not '%s'\n"),
                        optarg);
                goto out;
            }
            break;
        case 'r':
            opt.relaxed = true;
            break;
        case OPT_HIGH_CONTRAST:
            opt.high_contrast = true;
            break;
        case OPT_NO_SHUFFLE:
            opt.no_shuffle = true;
            break;
        case OPT_SEED:
            if (cli_parse_seed("play", optarg, &opt.seed) != 0) {
                goto out;
            }
            opt.seed_set = true;
            break;
        case 'n':
            if (cli_trainee_name("play", "--name", optarg, name,
                                 sizeof name) != 0) {
                goto out;
            }
            opt.trainee = name;
            break;
        case 'c':
            scripted = true;
            if (cli_parse_choices("play", optarg, &lists->script,
                                  PLAY_MAX_SCRIPT) != 0) {
                goto out;
            }
            break;
        case 't':
            needs_script = true;
            if (cli_parse_times("play", optarg, lists->times, PLAY_MAX_SCRIPT,
                                &lists->time_count) != 0) {
                goto out;
            }
            break;
        case 'o':
            needs_script = true;
            opt.screenshot_dir = optarg;
            break;
        case 'i':
            needs_script = true;
            if (strcmp(optarg, "keys") == 0) {
                opt.input = UI_INPUT_KEYS;
            } else if (strcmp(optarg, "mouse") == 0) {
                opt.input = UI_INPUT_MOUSE;
            } else if (strcmp(optarg, "touch") == 0) {
                opt.input = UI_INPUT_TOUCH;
            } else {
                fprintf(
                    stderr,
                    _("rapport play: --input must be keys, mouse or touch, "
                      "not '%s'\n"),
                    optarg);
                goto out;
            }
            break;
        case 'p':
            needs_script = true;
            opt.print_debrief = true;
            break;
        case 'R':
            if (!*optarg) {
                fprintf(stderr, _("rapport play: --results needs a folder\n"));
                goto out;
            }
            results = optarg;
            break;
        case 'H':
            needs_script = true;
            opt.hold = true;
            break;
        case 'J':
            needs_script = true;
            opt.on_journal = UI_JOURNAL_ASK;
            for (int i = 0; i < 4; i++) {
                if (strcmp(optarg, answers[i]) == 0) {
                    opt.on_journal =
                        (ui_journal_answer)(UI_JOURNAL_RESUME + i);
                }
            }
            if (opt.on_journal == UI_JOURNAL_ASK) {
                fprintf(stderr,
                        _("rapport play: --on-journal must be resume, save, "
                          "discard or later, not '%s'\n"),
                        optarg);
                goto out;
            }
            break;
        case 'h':
            play_usage(stdout);
            rc = cli_finish_output();
            goto out;
        default:
            play_usage(stderr);
            goto out;
        }
    }
    if (needs_script && !scripted) {
        fprintf(stderr, _("rapport play: --times, --screenshot-dir, --input, "
                          "--print-debrief, --hold and --on-journal need "
                          "--script\n"));
        goto out;
    }
    if (opt.no_shuffle && opt.seed_set) {
        fprintf(stderr, _("rapport play: --seed shuffles the options and "
                          "--no-shuffle keeps their order: give one\n"));
        goto out;
    }
    if (scripted && optind != argc - 1) {
        fprintf(stderr,
                _("rapport play: --script needs exactly one scenario FILE\n"));
        goto out;
    }
    rc = CLI_FAIL;
    if (scripted) {
        /* Fail fast, as `rapport run` does, before opening a window. */
        diag_list *diags = diag_list_new();
        scenario *sc = diags ? scenario_load_file(argv[optind], diags) : NULL;
        cli_print_diags(diags);
        diag_list_free(diags);
        if (!sc) {
            goto out;
        }
        scenario_free(sc);
        if (opt.screenshot_dir) {
            struct stat st;
            if (play_make_dirs(opt.screenshot_dir) != 0) {
                fprintf(stderr,
                        _("rapport play: error: cannot create %s: %s\n"),
                        opt.screenshot_dir, strerror(errno));
                goto out;
            }
            if (stat(opt.screenshot_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
                fprintf(stderr, _("rapport play: error: %s is not a folder\n"),
                        opt.screenshot_dir);
                goto out;
            }
        }
    }
    /* The game's results folder; scripted runs save only where told. */
    if (!results && !scripted) {
        default_results = cli_default_results_dir();
        if (!default_results) {
            fprintf(stderr, _("rapport play: warning: no results folder (HOME "
                              "is not set): calls are not saved; give "
                              "--results DIR\n"));
        }
        results = default_results;
    }
    opt.results_dir = results;
    if ((opt.wall_start_ms = cli_now_ms("play")) < 0) {
        rc = CLI_USAGE;
        goto out;
    }
    opt.paths = (const char *const *)(argv + optind);
    opt.path_count = (size_t)(argc - optind);
    opt.scripted = scripted;
    opt.script = lists->script.items;
    opt.script_count = lists->script.count;
    opt.times_ms = lists->times;
    opt.time_count = lists->time_count;
    /* Scripted runs remember nothing, so they replay the same way. */
    char *config_dir = scripted ? NULL : ui_prefs_default_dir();
    opt.config_dir = config_dir;
    char err[512];
    ui_app *app = ui_app_new(&opt, err, sizeof err);
    if (!app) {
        fprintf(stderr, _("rapport play: error: %s\n"), err);
        free(config_dir);
        goto out;
    }
    rc = ui_app_run(app) == 0 ? CLI_OK : CLI_FAIL;
    ui_app_free(app);
    free(config_dir);
    if (rc == CLI_OK && opt.print_debrief) {
        rc = cli_finish_output();
    }
out:
    free(default_results);
    choices_clear(&lists->script);
    free(lists);
    return rc;
}
