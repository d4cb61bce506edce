/* cli.h — the rapport command line: subcommands and shared helpers.
 * Exit codes: CLI_OK 0, CLI_FAIL 1 (invalid input, a scenario with errors,
 * a bad script, an output that could not be written), CLI_USAGE 2 (wrong
 * options). Only main() exits. */
#ifndef RAPPORT_CLI_H
#define RAPPORT_CLI_H

#include <stddef.h>
#include <stdio.h>

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

int cli_validate(int argc, char **argv);
int cli_run(int argc, char **argv);
int cli_lint(int argc, char **argv);
int cli_graph(int argc, char **argv);
int cli_play(int argc, char **argv);
int cli_test(int argc, char **argv);

/* Comma-separated option numbers (1-9) and response times in seconds,
 * appended to out (at most max items in all, *count so far). Return 0, or
 * -1 after printing "rapport CMD: ..." to stderr. */
int cli_parse_choices(const char *cmd, const char *arg, int *out, size_t max,
                      size_t *count);
int cli_parse_times(const char *cmd, const char *arg, int *out, size_t max,
                    size_t *count);

/* Prints diagnostics to stderr, sorted. */
struct diag_list;
void cli_print_diags(struct diag_list *diags);
/* Flushes stdout and reports a write error (e.g. a full disk). */
int cli_finish_output(void);

#endif
