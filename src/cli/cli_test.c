/* cli_test.c — rapport test [--verbose] [--format text|json] PLAN...
 *
 * Plays every case of the test plans given (files, or folders of
 * *.plan.xml) and reports like a test runner: PASS or FAIL per case, each
 * failure as PLAN:LINE:COL: error: ..., and a summary. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "diag.h"
#include "plan.h"

#define TEST_PLAN_SUFFIX ".plan.xml"

typedef struct {
    bool verbose;
    bool json;
    size_t cases;
    size_t failed;
    size_t broken; /* plans that do not load */
    cJSON *plans;  /* JSON: the plans array */
} test_run;

static void test_usage(FILE *out)
{
    fputs("Usage: rapport test [OPTIONS] PLAN...\n"
          "\n"
          "Plays the cases of test plans (XML files checked against "
          "rapport-plan-1.xsd,\nsee scenarios/README.md) and checks each "
          "call's ending, outcome, scores,\nturns, texts and nodes. A PLAN "
          "may be a folder: its *" TEST_PLAN_SUFFIX " files are run\n"
          "(not its subfolders).\n"
          "\n"
          "Options:\n"
          "  -v, --verbose        also show what each case played and "
          "scored\n"
          "  -f, --format FORMAT  text (default) or json (on stdout, "
          "diagnostics\n"
          "                       included)\n"
          "  -h, --help           show this help\n"
          "\n"
          "Prints PASS or FAIL and the case's name for every case, every "
          "failure as\nPLAN:LINE:COL: error: case 'NAME': expected ..., "
          "and \"N cases, M failed\".\nA plan that does not load (or whose "
          "scenario does not) is reported on stderr\nand counts as a "
          "failure.\n"
          "Exit status: 0 when every case passes, 1 when one fails or a plan "
          "does not\nload, 2 on wrong usage.\n",
          out);
}

static const char *test_dim_name(int d)
{
    return d == PLAN_OVERALL ? "overall" : scenario_dim_name((scenario_dim)d);
}

static void test_print_result(const plan_result *r)
{
    printf("     choices %s", r->script && *r->script ? r->script : "(none)");
    if (!r->finished) {
        printf("; did not reach an ending\n");
        return;
    }
    if (r->ending_id) {
        printf("; ending '%s' (%s)", r->ending_id,
               scenario_outcome_name(r->outcome));
    } else {
        printf("; the customer gave up (lost)");
    }
    printf(" after %zu turn%s\n     ", r->turns, r->turns == 1 ? "" : "s");
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        printf("%s %d, ", test_dim_name(d), r->summary.dim[d]);
    }
    printf("overall %d: %s, %s\n", r->summary.overall,
           plan_band_name(r->summary.band),
           r->summary.passed ? "passed" : "not passed");
}

static cJSON *test_diags_json(diag_list *diags, size_t from)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = from; list && i < diag_count(diags); i++) {
        const diag_entry *d = diag_get(diags, i);
        cJSON *o = cJSON_CreateObject();
        if (!o) {
            continue;
        }
        cJSON_AddStringToObject(o, "path", d->path);
        cJSON_AddStringToObject(
            o, "severity", d->severity == DIAG_ERROR ? "error" : "warning");
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddNumberToObject(o, "col", d->col);
        cJSON_AddStringToObject(o, "message", d->message);
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

static cJSON *test_result_json(const plan_result *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        return NULL;
    }
    cJSON_AddBoolToObject(o, "finished", r->finished);
    if (r->finished) {
        if (r->ending_id) {
            cJSON_AddStringToObject(o, "ending", r->ending_id);
        } else {
            cJSON_AddNullToObject(o, "ending");
        }
        cJSON_AddStringToObject(o, "outcome",
                                scenario_outcome_name(r->outcome));
        cJSON_AddNumberToObject(o, "turns", (double)r->turns);
        cJSON *scores = cJSON_AddObjectToObject(o, "scores");
        for (int d = 0; scores && d <= PLAN_OVERALL; d++) {
            cJSON_AddNumberToObject(scores, test_dim_name(d),
                                    d == PLAN_OVERALL ? r->summary.overall
                                                      : r->summary.dim[d]);
        }
        cJSON_AddStringToObject(o, "band", plan_band_name(r->summary.band));
        cJSON_AddBoolToObject(o, "passed", r->summary.passed);
    }
    return o;
}

/* Runs one plan file. */
static void test_plan(test_run *t, const char *path)
{
    diag_list *diags = diag_list_new();
    if (!diags) {
        fprintf(stderr, "rapport: error: out of memory\n");
        t->broken++;
        return;
    }
    plan *p = plan_load_file(path, diags);
    cJSON *jp = NULL;
    cJSON *jcases = NULL;
    if (t->json) {
        jp = cJSON_CreateObject();
        if (jp) {
            cJSON_AddStringToObject(jp, "plan", path);
            if (p) {
                cJSON_AddStringToObject(jp, "scenario", p->scenario_path);
            } else {
                cJSON_AddNullToObject(jp, "scenario");
            }
            cJSON_AddBoolToObject(jp, "loaded", p != NULL);
            diag_sort(diags);
            cJSON_AddItemToObject(jp, "diagnostics",
                                  test_diags_json(diags, 0));
            jcases = cJSON_AddArrayToObject(jp, "cases");
            cJSON_AddItemToArray(t->plans, jp);
        }
    }
    if (!p) {
        t->broken++;
        if (!t->json) {
            cli_print_diags(diags);
            printf("plan %s: does not load (%zu error%s)\n", path,
                   diag_error_count(diags),
                   diag_error_count(diags) == 1 ? "" : "s");
        }
        diag_list_free(diags);
        return;
    }
    if (!t->json) {
        printf("plan %s: %zu case%s\n", path, p->case_count,
               p->case_count == 1 ? "" : "s");
    }
    for (size_t i = 0; i < p->case_count; i++) {
        diag_list *fails = diag_list_new();
        plan_result r;
        memset(&r, 0, sizeof r);
        bool ok = fails && plan_run_case(p, i, fails, &r);
        t->cases++;
        if (!ok) {
            t->failed++;
        }
        if (t->json) {
            cJSON *jc = cJSON_CreateObject();
            if (jc) {
                cJSON_AddStringToObject(jc, "name", p->cases[i].name);
                cJSON_AddNumberToObject(jc, "line", p->cases[i].line);
                cJSON_AddBoolToObject(jc, "passed", ok);
                if (r.script) {
                    cJSON_AddStringToObject(jc, "choices", r.script);
                }
                cJSON_AddItemToObject(jc, "result", test_result_json(&r));
                cJSON_AddItemToObject(jc, "failures",
                                      fails ? test_diags_json(fails, 0)
                                            : cJSON_CreateArray());
                cJSON_AddItemToArray(jcases, jc);
            }
        } else {
            printf("%s %s\n", ok ? "PASS" : "FAIL", p->cases[i].name);
            if (t->verbose && fails) {
                test_print_result(&r);
            }
            if (fails) {
                diag_print(fails, stdout);
            } else {
                printf("%s: error: out of memory\n", path);
            }
        }
        plan_result_clear(&r);
        diag_list_free(fails);
    }
    plan_free(p);
    diag_list_free(diags);
}

static int test_compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs the *.plan.xml files of a folder, in name order. */
static void test_folder(test_run *t, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: error: cannot open the folder\n", dir);
        t->broken++;
        return;
    }
    char **names = NULL;
    size_t count = 0;
    size_t cap = 0;
    size_t slen = strlen(TEST_PLAN_SUFFIX);
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        size_t len = strlen(ent->d_name);
        if (len <= slen ||
            strcmp(ent->d_name + len - slen, TEST_PLAN_SUFFIX) != 0) {
            continue;
        }
        if (count == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(names, cap * sizeof(char *));
            if (!grown) {
                break;
            }
            names = grown;
        }
        size_t dlen = strlen(dir);
        bool slash = dlen > 0 && dir[dlen - 1] == '/';
        char *path = malloc(dlen + len + 2);
        if (!path) {
            break;
        }
        snprintf(path, dlen + len + 2, "%s%s%s", dir, slash ? "" : "/",
                 ent->d_name);
        names[count++] = path;
    }
    closedir(d);
    if (count == 0) {
        fprintf(stderr, "%s: error: no *" TEST_PLAN_SUFFIX " files here\n",
                dir);
        t->broken++;
    }
    qsort(names, count, sizeof(char *), test_compare);
    for (size_t i = 0; i < count; i++) {
        test_plan(t, names[i]);
        free(names[i]);
    }
    free(names);
}

int cli_test(int argc, char **argv)
{
    static const struct option options[] = {
        {"verbose", no_argument, NULL, 'v'},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    test_run t;
    memset(&t, 0, sizeof t);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "vf:h", options, NULL)) != -1) {
        switch (c) {
        case 'v':
            t.verbose = true;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0) {
                t.json = true;
            } else if (strcmp(optarg, "text") == 0) {
                t.json = false;
            } else {
                fprintf(stderr,
                        "rapport test: --format must be text or json, not "
                        "'%s'\n",
                        optarg);
                return CLI_USAGE;
            }
            break;
        case 'h':
            test_usage(stdout);
            return cli_finish_output();
        default:
            test_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "rapport test: give at least one PLAN\n\n");
        test_usage(stderr);
        return CLI_USAGE;
    }
    cJSON *root = NULL;
    if (t.json) {
        root = cJSON_CreateObject();
        if (root) {
            cJSON_AddStringToObject(root, "format", "rapport-test");
            cJSON_AddNumberToObject(root, "format_version", 1);
            t.plans = cJSON_AddArrayToObject(root, "plans");
        }
        if (!t.plans) {
            cJSON_Delete(root);
            fprintf(stderr, "rapport: error: out of memory\n");
            return CLI_FAIL;
        }
    }
    for (int i = optind; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            test_folder(&t, argv[i]);
        } else {
            test_plan(&t, argv[i]);
        }
    }
    if (t.json) {
        cJSON_AddNumberToObject(root, "cases", (double)t.cases);
        cJSON_AddNumberToObject(root, "failed", (double)t.failed);
        cJSON_AddNumberToObject(root, "plans_not_loaded", (double)t.broken);
        char *text = cJSON_Print(root);
        cJSON_Delete(root);
        if (!text) {
            fprintf(stderr, "rapport: error: out of memory\n");
            return CLI_FAIL;
        }
        fputs(text, stdout);
        fputc('\n', stdout);
        free(text);
    } else {
        printf("\n%zu case%s, %zu failed", t.cases, t.cases == 1 ? "" : "s",
               t.failed);
        if (t.broken) {
            printf("; %zu plan%s could not be loaded", t.broken,
                   t.broken == 1 ? "" : "s");
        }
        printf("\n");
    }
    int out = cli_finish_output();
    if (t.failed || t.broken) {
        return CLI_FAIL;
    }
    return out;
}
