/* cli_lint.c — rapport lint [--strict] [--format text|json] FILE...
 *
 * Everything `validate` reports, the design warnings of analysis.h, and
 * the score analysis of every valid file: best and worst score per
 * dimension and overall, the best play as a --choices script, play lengths
 * and the endings reached. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "cue.h"
#include "diag.h"
#include "lint.h"
#include "scenario.h"

static void lint_usage(FILE *out)
{
    fputs("Usage: rapport lint [OPTIONS] FILE...\n"
          "\n"
          "Checks scenario files like `rapport validate`, adds design "
          "warnings (options\nwithout feedback, turns with nothing to "
          "learn, loops with no way out, content\nno call reaches, "
          "targets too short to read in, branches never taken, flags\n"
          "set but never tested, characters no installed font can draw) "
          "and analyses\nthe scores over every play, replies on "
          "target: the best and worst score per\ndimension and overall, "
          "the best play as a script for `rapport run --choices`,\nthe "
          "shortest and longest call in turns and the endings reached "
          "(timeouts\nincluded).\n"
          "Then the cue table: the score of a trainee who picks by a "
          "surface feature\n(always the longest, shortest, first or last "
          "option, the most apologetic,\nthe most stock phrases, the most "
          "numbers, the customer's name), with a\nwarning for each that "
          "reaches the pass mark, and how often the best option\nis the "
          "longest, the shortest, and in each position.\n"
          "\n"
          "Options:\n"
          "  -s, --strict         exit 1 on warnings too\n"
          "  -f, --format FORMAT  text (default) or json (on stdout, "
          "diagnostics\n"
          "                       included)\n"
          "  -m, --max-turns N    score only plays of at most N turns "
          "(default: all;\n"
          "                       100 when a loop can repeat)\n"
          "  -h, --help           show this help\n"
          "\n"
          "Diagnostics go to stderr as FILE:LINE:COL: warning: ... (text "
          "format).\n"
          "Exit status: 0 when no file has errors (warnings allowed unless "
          "--strict),\n1 otherwise, 2 on wrong usage.\n",
          out);
}

static const char *lint_ending_id(const scenario *sc, const analysis_play *p)
{
    return p->ending_index >= 0 ? sc->nodes[p->ending_index].id : "?";
}

static void lint_print_play(const scenario *sc, const char *what,
                            const analysis_play *p)
{
    if (!p->script) {
        printf("  %-14s none\n", what);
        return;
    }
    const scenario_node *e =
        p->ending_index >= 0 ? &sc->nodes[p->ending_index] : NULL;
    printf("  %-14s --choices %s  (overall %d; ends at '%s', %s)\n", what,
           p->script, p->score, lint_ending_id(sc, p),
           e ? scenario_outcome_name(e->outcome) : "?");
}

static void lint_print_text(const char *path, const scenario *sc,
                            const analysis_report *r, const diag_list *diags)
{
    size_t nodes = 0;
    size_t endings = 0;
    for (size_t k = 0; k < sc->node_count; k++) {
        if (sc->nodes[k].is_ending) {
            endings++;
        } else {
            nodes++;
        }
    }
    size_t w = diag_warning_count(diags);
    printf("%s: valid (%zu nodes, %zu endings, %zu warning%s)\n", path, nodes,
           endings, w, w == 1 ? "" : "s");
    printf("  states:        %zu (node, mood, flags) reachable, %s\n",
           r->state_count,
           r->exact ? "conditions applied"
                    : "too many: conditions ignored, figures are estimates");
    if (!r->playable) {
        printf(
            "  scores:        no play reaches an ending by choices alone\n");
        return;
    }
    printf("  %-14s %5s %6s\n", "score", "best", "worst");
    for (int i = 0; i < ANALYSIS_SCORE_COUNT; i++) {
        printf("  %-14s %5d %6d\n", analysis_score_name(i), r->best[i].score,
               r->worst[i].score);
    }
    if (!r->overall_exact) {
        printf("  (overall: the best and worst plays found; the search was "
               "cut short, so\n   better or worse plays may exist)\n");
    }
    lint_print_play(sc, "best play:", &r->best[ANALYSIS_OVERALL]);
    lint_print_play(sc, "worst play:", &r->worst[ANALYSIS_OVERALL]);
    if (r->longest_turns >= 0) {
        printf("  %-14s shortest %d, longest %d\n",
               "turns:", r->shortest_turns, r->longest_turns);
    } else {
        printf("  %-14s shortest %d, longest unbounded (a loop can repeat; "
               "scores cover plays\n                 of up to %d turns)\n",
               "turns:", r->shortest_turns, r->turn_bound);
    }
    printf("  %-14s", "endings:");
    for (int o = 0; o < SCENARIO_OUTCOME_COUNT; o++) {
        printf("%s %s %zu of %zu", o ? "," : "",
               scenario_outcome_name((scenario_outcome)o),
               r->endings_reachable[o], r->endings_total[o]);
    }
    printf("; customer gives up: %s\n",
           r->gave_up_reachable ? "possible" : "never");
}

/* The cue table: what a trainee who picks by a surface feature scores. */
static void lint_print_cues(const scenario *sc, const cue_report *q)
{
    printf("  cues:          pass mark %d; replies on target, ties to the "
           "first on screen\n",
           q->pass_mark);
    printf("    %-36s %7s  %s\n", "strategy", "overall", "");
    for (int k = 0; k < CUE_COUNT; k++) {
        const cue_play *p = &q->plays[k];
        const char *where = p->ending_index >= 0
                                ? sc->nodes[p->ending_index].id
                                : (p->ended ? "customer gave up" : "no end");
        printf("    %-36s %7d  %s (ends at '%s')\n",
               cue_strategy_description((cue_strategy)k), p->overall,
               p->passes ? "PASSES" : "fails", where);
    }
    printf("  best option:   longest in %zu of %zu turns, shortest in %zu; "
           "by position",
           q->best_longest, q->turns, q->best_shortest);
    size_t last = 0;
    for (size_t k = 0; k < SCENARIO_MAX_CHOICES; k++) {
        if (q->best_position[k]) {
            last = k + 1;
        }
    }
    for (size_t k = 0; k < last || k < 2; k++) {
        printf(" %zu:%zu", k + 1, q->best_position[k]);
    }
    putchar('\n');
}

static cJSON *lint_cues_json(const scenario *sc, const cue_report *q)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        return NULL;
    }
    cJSON_AddNumberToObject(o, "pass_mark", q->pass_mark);
    cJSON *list = cJSON_AddArrayToObject(o, "strategies");
    for (int k = 0; list && k < CUE_COUNT; k++) {
        const cue_play *p = &q->plays[k];
        cJSON *s = cJSON_CreateObject();
        if (!s) {
            continue;
        }
        cJSON_AddStringToObject(s, "name", cue_strategy_name((cue_strategy)k));
        cJSON_AddStringToObject(s, "description",
                                cue_strategy_description((cue_strategy)k));
        cJSON_AddNumberToObject(s, "overall", p->overall);
        for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
            cJSON_AddNumberToObject(s, scenario_dim_name((scenario_dim)d),
                                    p->dim[d]);
        }
        cJSON_AddBoolToObject(s, "passes", p->passes);
        cJSON_AddBoolToObject(s, "ended", p->ended);
        cJSON_AddNumberToObject(s, "turns", (double)p->turns);
        cJSON_AddStringToObject(s, "choices", p->script);
        if (p->ending_index >= 0) {
            cJSON_AddStringToObject(s, "ending",
                                    sc->nodes[p->ending_index].id);
        } else {
            cJSON_AddNullToObject(s, "ending");
        }
        cJSON_AddItemToArray(list, s);
    }
    cJSON *best = cJSON_AddObjectToObject(o, "best_option");
    if (best) {
        cJSON_AddNumberToObject(best, "turns", (double)q->turns);
        cJSON_AddNumberToObject(best, "longest", (double)q->best_longest);
        cJSON_AddNumberToObject(best, "shortest", (double)q->best_shortest);
        cJSON *pos = cJSON_AddArrayToObject(best, "by_position");
        for (size_t k = 0; pos && k < SCENARIO_MAX_CHOICES; k++) {
            cJSON_AddItemToArray(
                pos, cJSON_CreateNumber((double)q->best_position[k]));
        }
    }
    return o;
}

static cJSON *lint_play_json(const scenario *sc, const analysis_play *p)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        return NULL;
    }
    cJSON_AddNumberToObject(o, "score", p->score);
    if (p->script) {
        cJSON_AddStringToObject(o, "choices", p->script);
        cJSON_AddStringToObject(o, "ending", lint_ending_id(sc, p));
        if (p->ending_index >= 0) {
            cJSON_AddStringToObject(
                o, "outcome",
                scenario_outcome_name(sc->nodes[p->ending_index].outcome));
        }
    } else {
        cJSON_AddNullToObject(o, "choices");
    }
    return o;
}

static cJSON *lint_analysis_json(const scenario *sc, const analysis_report *r)
{
    cJSON *a = cJSON_CreateObject();
    if (!a) {
        return NULL;
    }
    cJSON_AddBoolToObject(a, "exact", r->exact);
    cJSON_AddNumberToObject(a, "states", (double)r->state_count);
    cJSON_AddNumberToObject(a, "flags_tracked", (double)r->flag_count);
    cJSON_AddBoolToObject(a, "playable", r->playable);
    cJSON_AddBoolToObject(a, "overall_exact", r->overall_exact);
    cJSON_AddBoolToObject(a, "cyclic", r->cyclic);
    if (r->turn_bound > 0) {
        cJSON_AddNumberToObject(a, "turn_bound", r->turn_bound);
    } else {
        cJSON_AddNullToObject(a, "turn_bound");
    }
    cJSON *turns = cJSON_AddObjectToObject(a, "turns");
    if (turns) {
        cJSON_AddNumberToObject(turns, "shortest", r->shortest_turns);
        if (r->longest_turns >= 0) {
            cJSON_AddNumberToObject(turns, "longest", r->longest_turns);
        } else {
            cJSON_AddNullToObject(turns, "longest");
        }
        cJSON_AddBoolToObject(turns, "unbounded", r->cyclic);
    }
    cJSON *scores = cJSON_AddObjectToObject(a, "scores");
    for (int i = 0; scores && i < ANALYSIS_SCORE_COUNT; i++) {
        cJSON *s = cJSON_AddObjectToObject(scores, analysis_score_name(i));
        if (s) {
            cJSON_AddItemToObject(s, "best", lint_play_json(sc, &r->best[i]));
            cJSON_AddItemToObject(s, "worst",
                                  lint_play_json(sc, &r->worst[i]));
        }
    }
    cJSON *endings = cJSON_AddObjectToObject(a, "endings");
    for (int o = 0; endings && o < SCENARIO_OUTCOME_COUNT; o++) {
        cJSON *e = cJSON_AddObjectToObject(
            endings, scenario_outcome_name((scenario_outcome)o));
        if (e) {
            cJSON_AddNumberToObject(e, "reachable",
                                    (double)r->endings_reachable[o]);
            cJSON_AddNumberToObject(e, "total", (double)r->endings_total[o]);
        }
    }
    cJSON_AddBoolToObject(a, "customer_gives_up", r->gave_up_reachable);
    return a;
}

static cJSON *lint_file_json(const char *path, const scenario *sc,
                             const analysis_report *r, const cue_report *q,
                             diag_list *diags)
{
    cJSON *f = cJSON_CreateObject();
    if (!f) {
        return NULL;
    }
    cJSON_AddStringToObject(f, "path", path);
    cJSON_AddBoolToObject(f, "valid", sc != NULL);
    cJSON_AddNumberToObject(f, "errors", (double)diag_error_count(diags));
    cJSON_AddNumberToObject(f, "warnings", (double)diag_warning_count(diags));
    cJSON *list = cJSON_AddArrayToObject(f, "diagnostics");
    diag_sort(diags);
    for (size_t i = 0; list && i < diag_count(diags); i++) {
        const diag_entry *d = diag_get(diags, i);
        cJSON *o = cJSON_CreateObject();
        if (!o) {
            continue;
        }
        cJSON_AddStringToObject(
            o, "severity", d->severity == DIAG_ERROR ? "error" : "warning");
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddNumberToObject(o, "col", d->col);
        cJSON_AddStringToObject(o, "message", d->message);
        cJSON_AddItemToArray(list, o);
    }
    if (sc && r) {
        cJSON_AddItemToObject(f, "analysis", lint_analysis_json(sc, r));
    } else {
        cJSON_AddNullToObject(f, "analysis");
    }
    if (sc && q) {
        cJSON_AddItemToObject(f, "cues", lint_cues_json(sc, q));
    } else {
        cJSON_AddNullToObject(f, "cues");
    }
    return f;
}

int cli_lint(int argc, char **argv)
{
    static const struct option options[] = {
        {"strict", no_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'},
        {"max-turns", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    bool strict = false;
    bool json = false;
    analysis_options aopt = {0, 0, 0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "sf:m:h", options, NULL)) != -1) {
        switch (c) {
        case 's':
            strict = true;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0) {
                json = true;
            } else if (strcmp(optarg, "text") == 0) {
                json = false;
            } else {
                fprintf(stderr,
                        "rapport lint: --format must be text or json, not "
                        "'%s'\n",
                        optarg);
                return CLI_USAGE;
            }
            break;
        case 'm': {
            char *end = NULL;
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (end == optarg || *end || errno || v < 1 || v > 50000) {
                fprintf(stderr,
                        "rapport lint: --max-turns must be a whole number "
                        "from 1 to 50000, not '%s'\n",
                        optarg);
                return CLI_USAGE;
            }
            aopt.max_turns = (int)v;
            break;
        }
        case 'h':
            lint_usage(stdout);
            return cli_finish_output();
        default:
            lint_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "rapport lint: give at least one FILE\n\n");
        lint_usage(stderr);
        return CLI_USAGE;
    }
    cJSON *root = NULL;
    cJSON *files = NULL;
    if (json) {
        root = cJSON_CreateObject();
        if (root) {
            cJSON_AddStringToObject(root, "format", "rapport-lint");
            cJSON_AddNumberToObject(root, "format_version", 1);
            files = cJSON_AddArrayToObject(root, "files");
        }
        if (!files) {
            cJSON_Delete(root);
            fprintf(stderr, "rapport: error: out of memory\n");
            return CLI_FAIL;
        }
    }
    size_t errors = 0;
    size_t warnings = 0;
    int rc = CLI_OK;
    for (int i = optind; i < argc; i++) {
        diag_list *diags = diag_list_new();
        if (!diags) {
            fprintf(stderr, "rapport: error: out of memory\n");
            rc = CLI_FAIL;
            break;
        }
        scenario *sc = scenario_load_file(argv[i], diags);
        if (sc) {
            cli_check_glyphs(sc, diags);
        }
        lint_design(sc, diags);
        analysis_report *r = sc ? analysis_new(sc, &aopt, diags) : NULL;
        cue_report *q = sc ? cue_new(sc, diags) : NULL;
        diag_sort(diags);
        if (sc && (!r || !q)) {
            fprintf(stderr, "rapport: error: out of memory analysing %s\n",
                    argv[i]);
            rc = CLI_FAIL;
        }
        errors += diag_error_count(diags);
        warnings += diag_warning_count(diags);
        if (json) {
            cJSON_AddItemToArray(files,
                                 lint_file_json(argv[i], sc, r, q, diags));
        } else {
            cli_print_diags(diags);
            if (!sc) {
                cli_print_counts(argv[i], diag_error_count(diags),
                                 diag_warning_count(diags));
            } else if (r) {
                lint_print_text(argv[i], sc, r, diags);
                if (q) {
                    lint_print_cues(sc, q);
                }
            }
        }
        cue_free(q);
        analysis_free(r);
        scenario_free(sc);
        diag_list_free(diags);
    }
    if (json) {
        char *text = cJSON_Print(root);
        cJSON_Delete(root);
        if (!text) {
            fprintf(stderr, "rapport: error: out of memory\n");
            return CLI_FAIL;
        }
        fputs(text, stdout);
        fputc('\n', stdout);
        free(text);
    }
    int out = cli_finish_output();
    if (rc != CLI_OK || errors > 0 || (strict && warnings > 0)) {
        return CLI_FAIL;
    }
    return out;
}
