/* cli_validate.c — rapport validate FILE... */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "scenario.h"

static void validate_usage(FILE *out)
{
    fputs(_("Usage: rapport validate [OPTIONS] FILE...\n"
            "\n"
            "Checks scenario files against the Rapport scenario schema and "
            "for problems\nthe schema cannot see (dangling next=, duplicate "
            "ids, no reachable ending,\nunreachable nodes), and warns about "
            "characters no installed font can draw.\nEvery problem of "
            "every file is reported, as\n  FILE:LINE:COL: error: message\n"
            "\n"
            "Options:\n"
            "  -q, --quiet   print nothing for valid files\n"
            "  -h, --help    show this help\n"
            "\n"
            "Exit status: 0 when every file is valid (warnings allowed), 1 "
            "otherwise,\n2 on wrong usage.\n"),
          out);
}

int cli_validate(int argc, char **argv)
{
    static const struct option options[] = {{"quiet", no_argument, NULL, 'q'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    int quiet = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
        switch (c) {
        case 'q':
            quiet = 1;
            break;
        case 'h':
            validate_usage(stdout);
            return cli_finish_output();
        default:
            validate_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, _("rapport validate: give at least one FILE\n\n"));
        validate_usage(stderr);
        return CLI_USAGE;
    }
    int failed = 0;
    for (int i = optind; i < argc; i++) {
        diag_list *diags = diag_list_new();
        if (!diags) {
            fprintf(stderr, _("rapport: error: out of memory\n"));
            return CLI_FAIL;
        }
        scenario *sc = scenario_load_file(argv[i], diags);
        if (sc) {
            cli_check_glyphs(sc, diags);
        }
        cli_print_diags(diags);
        if (!sc) {
            failed++;
            cli_print_counts(argv[i], diag_error_count(diags),
                             diag_warning_count(diags));
        } else if (!quiet) {
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
            char a[64];
            char b[64];
            char c3[64];
            snprintf(a, sizeof a, P_("%zu node", "%zu nodes", nodes), nodes);
            snprintf(b, sizeof b, P_("%zu ending", "%zu endings", endings),
                     endings);
            snprintf(c3, sizeof c3, P_("%zu warning", "%zu warnings", w), w);
            /* TRANSLATORS: FILE: valid (N nodes, N endings, N warnings) */
            printf(_("%s: valid (%s, %s, %s)\n"), argv[i], a, b, c3);
        }
        scenario_free(sc);
        diag_list_free(diags);
    }
    int out = cli_finish_output();
    return failed ? CLI_FAIL : out;
}
