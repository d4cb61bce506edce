/* cli_graph.c — rapport graph FILE [--format dot|svg] [-o OUT]
 *
 * Writes the scenario as Graphviz DOT (graph.h). For SVG it runs Graphviz's
 * `dot -Tsvg` (posix_spawnp, the DOT piped to its standard input): Rapport
 * does not link Graphviz, it only needs the program when SVG is asked for.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "analysis.h"
#include "cli.h"
#include "diag.h"
#include "graph.h"
#include "i18n.h"
#include "scenario.h"

extern char **environ;

static void graph_usage(FILE *out)
{
    fputs(_("Usage: rapport graph FILE [OPTIONS]\n"
            "\n"
            "Draws the scenario as a Graphviz graph: nodes with the start of "
            "the\ncustomer's first line, choices as edges with their number "
            "and effects\n(\"1: E+3 H+1 P+1 mood+20\"), branches and timeouts "
            "dashed, endings shaped\nand coloured by outcome, nodes no call "
            "reaches greyed out.\n"
            "\n"
            "Options:\n"
            "  -f, --format FORMAT  dot (default) or svg (needs Graphviz's "
            "'dot')\n"
            "  -o, --output OUT     write to OUT instead of standard output\n"
            "  -h, --help           show this help\n"
            "\n"
            "Exit status: 0 success, 1 invalid scenario or output not "
            "written, 2 wrong\nusage.\n"),
          out);
}

static int graph_write_dot(const char *dot, const char *out_path)
{
    if (!out_path) {
        fputs(dot, stdout);
        return cli_finish_output();
    }
    FILE *f = fopen(out_path, "w");
    if (!f) {
        fprintf(stderr, _("rapport graph: error: cannot write %s: %s\n"),
                out_path, strerror(errno));
        return CLI_FAIL;
    }
    size_t n = strlen(dot);
    bool ok = fwrite(dot, 1, n, f) == n;
    ok = (fclose(f) == 0) && ok;
    if (!ok) {
        fprintf(stderr, _("rapport graph: error: cannot write %s: %s\n"),
                out_path, strerror(errno));
        remove(out_path);
        return CLI_FAIL;
    }
    return CLI_OK;
}

/* Pipes the DOT through `dot -Tsvg`, to out_path or standard output. */
static int graph_write_svg(const char *dot, const char *out_path)
{
    int fds[2];
    if (pipe(fds) != 0) {
        fprintf(stderr, _("rapport graph: error: cannot create a pipe: %s\n"),
                strerror(errno));
        return CLI_FAIL;
    }
    /* the child must not inherit the write end, or dot never sees EOF */
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    char *args[] = {"dot", "-Tsvg", NULL, NULL, NULL};
    if (out_path) {
        args[2] = "-o";
        args[3] = (char *)out_path;
    }
    fflush(stdout);
    pid_t pid;
    int err = posix_spawnp(&pid, "dot", &actions, NULL, args, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[0]);
    if (err != 0) {
        close(fds[1]);
        if (err == ENOENT) {
            fputs(_("rapport graph: error: Graphviz 'dot' is not installed "
                    "(apt-get install graphviz)\n"),
                  stderr);
        } else {
            fprintf(stderr, _("rapport graph: error: cannot run dot: %s\n"),
                    strerror(err));
        }
        return CLI_FAIL;
    }
    /* if dot dies early, report it rather than die of SIGPIPE */
    struct sigaction ignore;
    struct sigaction old;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old);
    size_t len = strlen(dot);
    size_t done = 0;
    bool write_failed = false;
    while (done < len) {
        ssize_t n = write(fds[1], dot + done, len - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            write_failed = true;
            break;
        }
        done += (size_t)n;
    }
    close(fds[1]);
    sigaction(SIGPIPE, &old, NULL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            status = -1;
            break;
        }
    }
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fputs(write_failed ? _("rapport graph: error: dot -Tsvg failed "
                               "before reading the whole graph\n")
                           : _("rapport graph: error: dot -Tsvg failed\n"),
              stderr);
        return CLI_FAIL;
    }
    return CLI_OK;
}

int cli_graph(int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    bool svg = false;
    const char *out_path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "svg") == 0) {
                svg = true;
            } else if (strcmp(optarg, "dot") == 0) {
                svg = false;
            } else {
                fprintf(stderr,
                        _("rapport graph: --format must be dot or svg, not "
                          "'%s'\n"),
                        optarg);
                return CLI_USAGE;
            }
            break;
        case 'o':
            out_path = optarg;
            break;
        case 'h':
            graph_usage(stdout);
            return cli_finish_output();
        default:
            graph_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (optind != argc - 1) {
        fputs(_("rapport graph: give exactly one scenario FILE\n\n"), stderr);
        graph_usage(stderr);
        return CLI_USAGE;
    }
    diag_list *diags = diag_list_new();
    if (!diags) {
        fputs(_("rapport: error: out of memory\n"), stderr);
        return CLI_FAIL;
    }
    scenario *sc = scenario_load_file(argv[optind], diags);
    cli_print_diags(diags);
    diag_list_free(diags);
    if (!sc) {
        return CLI_FAIL;
    }
    /* the analysis adds reachability under conditions and mood ranges */
    analysis_report *report = analysis_new(sc, NULL, NULL);
    char *dot = graph_dot(sc, report);
    analysis_free(report);
    scenario_free(sc);
    if (!dot) {
        fputs(_("rapport: error: out of memory\n"), stderr);
        return CLI_FAIL;
    }
    int rc =
        svg ? graph_write_svg(dot, out_path) : graph_write_dot(dot, out_path);
    free(dot);
    return rc;
}
