/* cli.h — the rapport command line: subcommands and shared helpers.
 * Exit codes: CLI_OK 0, CLI_FAIL 1 (invalid input, a scenario with errors,
 * a bad script, an output that could not be written), CLI_USAGE 2 (wrong
 * options). Only main() exits. */
#ifndef RAPPORT_CLI_H
#define RAPPORT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "choices.h"
#include "class.h"
#include "debrief.h"
#include "journal.h"
#include "result.h"
#include "session.h"

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

int cli_validate(int argc, char **argv);
int cli_run(int argc, char **argv);
int cli_lint(int argc, char **argv);
int cli_graph(int argc, char **argv);
int cli_play(int argc, char **argv);
int cli_recover(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_test(int argc, char **argv);
int cli_translate(int argc, char **argv);
int cli_class(int argc, char **argv);
/* rapport class without --script: the projector screens in a window
 * (cli_class_window.c); results_dir NULL saves nothing. With phones the
 * start screen's Phones switch is on: the room votes from its phones
 * (address and port where the server listens; NULL and 0 picked). */
typedef struct {
    bool on;
    const char *address;
    unsigned short port;
} cli_class_phones;
int cli_class_window(const char *file, const class_options *opt,
                     const char *results_dir, const cli_class_phones *phones);
/* Notes on stderr the interrupted class sessions in RESULTS/in-progress
 * (their own kind of journal) and how to go on with them; nothing when
 * there are none (cli_class.c). */
void cli_class_note_journals(const char *cmd, const char *results_dir);

/* Warns in diags about each character of sc that no font can draw (the
 * bundled fonts or any fontconfig knows), at its first place in the file,
 * naming it and what would draw it (cli_glyphs.c). */
void cli_check_glyphs(const scenario *sc, diag_list *diags);

/* Comma-separated choices (option numbers 1-9 or choice ids, see
 * choices.h) and response times in seconds, appended to out (at most max
 * items in all, *count so far). Return 0, or -1 after printing "rapport
 * CMD: ..." to stderr. */
int cli_parse_choices(const char *cmd, const char *arg, choices_list *out,
                      size_t max);
int cli_parse_times(const char *cmd, const char *arg, int *out, size_t max,
                    size_t *count);
/* --seed: a whole number 0..SESSION_SEED_MAX. 0, or -1 after printing
 * "rapport CMD: ..." to stderr. */
int cli_parse_seed(const char *cmd, const char *arg, uint64_t *seed);

/* ---- scripted sessions (cli_script.c), for run and recover --resume ---- */

#define CLI_MAX_SCRIPT 1000

typedef enum {
    CLI_SCRIPT_LIST,  /* the choices listed */
    CLI_SCRIPT_BEST,  /* the best option on offer at every turn */
    CLI_SCRIPT_WORST, /* the worst */
    CLI_SCRIPT_STDIN  /* one choice per line on standard input */
} cli_script_mode;

typedef struct {
    cli_script_mode mode;
    choices_list choices; /* option numbers or choice ids */
    int times_ms[CLI_MAX_SCRIPT];
    size_t time_count;
} cli_script;

/* --choices: a list, best, worst or - (standard input); --times. 0, or -1
 * after printing "rapport CMD: ..." to stderr. cli_script_clear frees
 * the list (the script itself is the caller's). */
void cli_script_clear(cli_script *script);
int cli_script_choices(const char *cmd, const char *arg, cli_script *script);
int cli_script_times(const char *cmd, const char *arg, cli_script *script);
/* Plays s on until the call ends, taking choices from the script (from
 * in, with prompts on stderr, in CLI_SCRIPT_STDIN mode) and appending each
 * turn to j when j is not NULL. Returns CLI_OK, or CLI_FAIL after printing
 * why (the script ended early, a choice not on offer, extra choices). */
int cli_script_play(const char *cmd, session *s, const cli_script *script,
                    journal *j, FILE *in);
/* Prints the debrief as text or JSON on stdout. */
int cli_print_debrief(const debrief *d, bool json);
/* "saved: PATH" on stderr for each file. */
void cli_print_saved(const result_paths *saved);
/* The wall clock in ms, or RAPPORT_FIXED_TIME (seconds since 1970) when
 * set; -1 after a message when that is not a time. */
int64_t cli_now_ms(const char *cmd);

/* A trainee's name from option `option` of command `cmd`, by the rule of
 * trainee.h: 0 with the name in out (size bytes; cut at a character
 * boundary when longer than the rule allows, with a note on stderr), or
 * -1 after printing why it is refused. */
int cli_trainee_name(const char *cmd, const char *option, const char *name,
                     char *out, size_t size);
/* The game's results folder (result_default_dir of $XDG_DATA_HOME and
 * $HOME), malloc'd, or NULL. */
char *cli_default_results_dir(void);

/* Prints diagnostics to stderr, sorted. */
struct diag_list;
void cli_print_diags(struct diag_list *diags);
/* "FILE: N errors, N warnings" on stderr, in the interface's language. */
void cli_print_counts(const char *file, size_t errors, size_t warnings);
/* Flushes stdout and reports a write error (e.g. a full disk). */
int cli_finish_output(void);
/* Writes len bytes to path whole (a temporary file beside it, synced,
 * then renamed; "written: PATH" on stderr), or to standard output for
 * "-". CLI_OK, or CLI_FAIL after "rapport CMD: error: cannot write PATH:
 * WHY". */
int cli_write_whole(const char *cmd, const char *path, const char *data,
                    size_t len);

#endif
