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
#include "cli_words.h"
#include "diag.h"
#include "i18n.h"
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
    fputs(
        _("Usage: rapport test [OPTIONS] PLAN...\n"
          "\n"
          "Plays the cases of test plans (XML files checked against "
          "rapport-plan-1.xsd,\nsee scenarios/README.md) and checks each "
          "call's ending, outcome, scores,\nturns, texts and nodes. A PLAN "
          "may be a folder: its *.plan.xml files are run\n"
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
          "does not\nload, 2 on wrong usage.\n"),
        out);
}

static const char *test_dim_name(int d)
{
    return d == PLAN_OVERALL ? "overall" : scenario_dim_name((scenario_dim)d);
}

static void test_print_result(const plan_result *r)
{
    /* TRANSLATORS: --verbose: the choices a case played ("3,2,1"); keep the
     * five spaces in front */
    printf(_("     choices %s"),
           r->script && *r->script ? r->script : _("(none)"));
    if (!r->finished) {
        fputs(_("; did not reach an ending\n"), stdout);
        return;
    }
    if (r->ending_id) {
        /* TRANSLATORS: ; ending 'ENDING-ID' (OUTCOME) */
        printf(_("; ending '%s' (%s)"), r->ending_id,
               cli_outcome_word(r->outcome));
    } else {
        fputs(_("; the customer gave up (lost)"), stdout);
    }
    printf(P_(" after %zu turn\n", " after %zu turns\n", r->turns), r->turns);
    fputs("     ", stdout);
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        /* TRANSLATORS: a score and its value, followed by the next */
        printf(_("%s %d, "), cli_dim_word(d), r->summary.dim[d]);
    }
    /* TRANSLATORS: overall SCORE: BAND, passed or not passed */
    printf(_("overall %d: %s, %s\n"), r->summary.overall,
           cli_band_word(r->summary.band),
           r->summary.passed ? _("passed") : _("not passed"));
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
        fputs(_("rapport: error: out of memory\n"), stderr);
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
            printf(P_("plan %s: does not load (%zu error)\n",
                      "plan %s: does not load (%zu errors)\n",
                      diag_error_count(diags)),
                   path, diag_error_count(diags));
        }
        diag_list_free(diags);
        return;
    }
    if (!t->json) {
        printf(
            P_("plan %s: %zu case\n", "plan %s: %zu cases\n", p->case_count),
            path, p->case_count);
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
                printf(_("%s: error: out of memory\n"), path);
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
        fprintf(stderr, _("%s: error: cannot open the folder\n"), dir);
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
        fprintf(stderr, _("%s: error: no *.plan.xml files here\n"), dir);
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
                        _("rapport test: --format must be text or json, not "
                          "'%s'\n"),
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
        fputs(_("rapport test: give at least one PLAN\n\n"), stderr);
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
            fputs(_("rapport: error: out of memory\n"), stderr);
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
            fputs(_("rapport: error: out of memory\n"), stderr);
            return CLI_FAIL;
        }
        fputs(text, stdout);
        fputc('\n', stdout);
        free(text);
    } else {
        char cases[64];
        char failed[64];
        snprintf(cases, sizeof cases, P_("%zu case", "%zu cases", t.cases),
                 t.cases);
        /* TRANSLATORS: N (cases) failed */
        snprintf(failed, sizeof failed,
                 P_("%zu failed", "%zu failed", t.failed), t.failed);
        printf("\n");
        /* TRANSLATORS: N cases, N failed */
        printf(_("%s, %s"), cases, failed);
        if (t.broken) {
            printf(P_("; %zu plan could not be loaded",
                      "; %zu plans could not be loaded", t.broken),
                   t.broken);
        }
        printf("\n");
    }
    int out = cli_finish_output();
    if (t.failed || t.broken) {
        return CLI_FAIL;
    }
    return out;
}
