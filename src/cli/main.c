/* main.c — entry point of the rapport command. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "lang.h"

static void main_usage(FILE *out)
{
    fputs(_("Usage: rapport [--lang LANG] COMMAND [OPTIONS] ...\n"
            "\n"
            "Customer-service training simulator.\n"
            "\n"
            "Commands:\n"
            "  play [FILE|DIR]... play scenarios in a window (the game)\n"
            "  validate FILE...   check scenario files; errors as "
            "FILE:LINE:COL: error: ...\n"
            "  run FILE           play a scenario with scripted choices and "
            "print the debrief\n"
            "  lint FILE...       validate, warn about design problems and "
            "analyse the\n"
            "                     best and worst scores over every play\n"
            "  graph FILE         draw the scenario as a Graphviz graph (DOT "
            "or SVG)\n"
            "  recover            list, save, resume or discard sessions that "
            "were\n"
            "                     interrupted before their result was saved\n"
            "  report DIR...      a class report of saved results: CSV and "
            "HTML\n"
            "  test PLAN...       play the cases of test plans and check how "
            "each call ends\n"
            "  class FILE         run a scenario for a whole room: votes, "
            "teams, the class\n"
            "                     debrief (--script runs it headless)\n"
            "  translate          export a scenario's texts to an XLIFF file "
            "for translators,\n"
            "                     and import the translation back\n"
            "\n"
            "Options:\n"
            "  -h, --help         show this help (COMMAND --help for a "
            "command)\n"
            "  -V, --version      show the version\n"
            "      --lang LANG    the interface's language (en, es, ar...; "
            "default: the\n"
            "                     environment's LANGUAGE, LC_ALL, LC_MESSAGES "
            "or LANG)\n"
            "\n"
            "Exit status: 0 success, 1 failure, 2 wrong usage.\n"),
          out);
}

void cli_print_diags(struct diag_list *diags)
{
    diag_sort(diags);
    diag_print(diags, stderr);
}

void cli_print_counts(const char *file, size_t errors, size_t warnings)
{
    char e[64];
    char w[64];
    snprintf(e, sizeof e, P_("%zu error", "%zu errors", errors), errors);
    snprintf(w, sizeof w, P_("%zu warning", "%zu warnings", warnings),
             warnings);
    /* TRANSLATORS: FILE: N errors, N warnings */
    fprintf(stderr, _("%s: %s, %s\n"), file, e, w);
}

int cli_finish_output(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, _("rapport: error: could not write the output: %s\n"),
                strerror(errno));
        return CLI_FAIL;
    }
    return CLI_OK;
}

/* `--lang LANG` or `--lang=LANG` before the command: removed from argv.
 * Returns false (message printed) on a bad or missing value. */
static bool main_lang(int *argc, char **argv)
{
    const char *lang = NULL;
    int used = 0;
    if (*argc >= 2 && strncmp(argv[1], "--lang=", 7) == 0) {
        lang = argv[1] + 7;
        used = 1;
    } else if (*argc >= 2 && strcmp(argv[1], "--lang") == 0) {
        if (*argc < 3) {
            lang_use(NULL, NULL, NULL, 0);
            fprintf(stderr, _("rapport: --lang needs a language code "
                              "(e.g. en, es, ar)\n"));
            return false;
        }
        lang = argv[2];
        used = 2;
    }
    char err[160] = "";
    if (!lang_use(lang, NULL, err, sizeof err)) {
        lang_use(NULL, NULL, NULL, 0);
        fprintf(stderr, _("rapport: %s\n"), err);
        return false;
    }
    for (int i = 1; i + used < *argc + 1; i++) {
        argv[i] = argv[i + used];
    }
    *argc -= used;
    return true;
}

int main(int argc, char **argv)
{
    if (!main_lang(&argc, argv)) {
        return CLI_USAGE;
    }
    if (argc < 2) {
        main_usage(stderr);
        return CLI_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "help") == 0) {
        main_usage(stdout);
        return cli_finish_output();
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("rapport %s\n", RAPPORT_VERSION);
        return cli_finish_output();
    }
    if (strcmp(cmd, "validate") == 0) {
        return cli_validate(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "run") == 0) {
        return cli_run(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "lint") == 0) {
        return cli_lint(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "graph") == 0) {
        return cli_graph(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "test") == 0) {
        return cli_test(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "play") == 0) {
        return cli_play(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "recover") == 0) {
        return cli_recover(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "report") == 0) {
        return cli_report(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "translate") == 0) {
        return cli_translate(argc - 1, argv + 1);
    }
    if (strcmp(cmd, "class") == 0) {
        return cli_class(argc - 1, argv + 1);
    }
    fprintf(stderr, _("rapport: unknown command '%s'\n\n"), cmd);
    main_usage(stderr);
    return CLI_USAGE;
}
