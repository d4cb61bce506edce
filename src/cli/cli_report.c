/* cli_report.c — rapport report [DIR|FILE]... : reads every saved result
 * (the .json records) and writes a class report, a CSV table and an HTML
 * page (src/core/report.h). Files that are not readable results are
 * skipped with a warning. Static helpers are rep_ (report_ is the core's
 * module). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "report.h"
#include "result.h"

/* Progress on stderr every this many files, when there are more. */
#define REP_PROGRESS_EVERY 100

static void rep_usage(FILE *out)
{
    fputs(
        _("Usage: rapport report [OPTIONS] [DIR|FILE]...\n"
          "\n"
          "Reads every saved result (the .json records; not .xapi.json, not "
          "subfolders)\n"
          "in the folders, or the files given, and writes a class report:\n"
          "  CSV   one row per session: trainee, scenario, date, empathy, "
          "honesty,\n"
          "        promptness, overall, outcome, duration (seconds); scores "
          "are empty\n"
          "        and the outcome 'incomplete' for an incomplete attempt\n"
          "  HTML  per scenario: attempts, pass rate, outcomes, average "
          "scores, the\n"
          "        distribution of each score, and the turns where most "
          "trainees\n"
          "        chose a weak option (how many chose each reply, the best "
          "marked)\n"
          "Without DIR, the game's results folder "
          "($XDG_DATA_HOME/rapport/results,\n"
          "else ~/.local/share/rapport/results).\n"
          "\n"
          "Options:\n"
          "  -o, --out DIR      write DIR/class-report.csv and "
          "DIR/class-report.html\n"
          "                     (DIR created with its parents if missing)\n"
          "      --csv FILE     write the CSV to FILE ('-': standard "
          "output)\n"
          "      --html FILE    write the HTML to FILE ('-': standard "
          "output)\n"
          "  -q, --quiet        no progress messages\n"
          "  -h, --help         show this help\n"
          "\n"
          "Give --out, or --csv and/or --html. Files are replaced whole "
          "(written to a\n"
          "temporary file, then renamed). The CSV is UTF-8 with a byte order "
          "mark, every\n"
          "cell quoted (RFC 4180); a cell starting with = + - @ gets a "
          "leading ' so\n"
          "that spreadsheets never run it as a formula.\n"
          "A file that is not a readable result is skipped: "
          "PATH: warning: skipped: WHY.\n"
          "Exit status: 0 when at least one result was read and the report "
          "written,\n1 otherwise, 2 on wrong usage.\n"),
        out);
}

typedef struct {
    char **paths;
    size_t count;
    size_t cap;
} rep_files;

static int rep_push(rep_files *f, char *path)
{
    if (!path) {
        return -1;
    }
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 256;
        char **grown = realloc(f->paths, cap * sizeof *grown);
        if (!grown) {
            free(path);
            return -1;
        }
        f->paths = grown;
        f->cap = cap;
    }
    f->paths[f->count++] = path;
    return 0;
}

static int rep_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool rep_is_record_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0 &&
           !(n > 10 && strcmp(name + n - 10, ".xapi.json") == 0);
    /* class sessions' records (.class.json) are read too */
}

/* Adds the records of a folder (sorted), or the file itself. -1 when it
 * cannot be read at all (message printed), -2 on no memory. */
static int rep_collect(const char *arg, rep_files *f)
{
    struct stat st;
    if (stat(arg, &st) != 0) {
        fprintf(stderr, _("%s: error: %s\n"), arg, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        return rep_push(f, strdup(arg)) == 0 ? 0 : -2;
    }
    DIR *d = opendir(arg);
    if (!d) {
        fprintf(stderr, _("%s: error: cannot read the folder: %s\n"), arg,
                strerror(errno));
        return -1;
    }
    size_t first = f->count;
    const char *sep = arg[strlen(arg) - 1] == '/' ? "" : "/";
    const struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (!rep_is_record_name(e->d_name)) {
            continue;
        }
        size_t n = strlen(arg) + strlen(sep) + strlen(e->d_name) + 1;
        char *path = malloc(n);
        if (path) {
            snprintf(path, n, "%s%s%s", arg, sep, e->d_name);
        }
        if (rep_push(f, path) != 0) {
            rc = -2;
        }
    }
    closedir(d);
    qsort(f->paths + first, f->count - first, sizeof *f->paths, rep_cmp);
    return rc;
}

/* Reads every file; skipped ones are warned about. */
static report *rep_read(const rep_files *f, bool quiet, size_t *skipped)
{
    report *r = report_new();
    diag_list *diags = diag_list_new();
    if (!r || !diags) {
        report_free(r);
        diag_list_free(diags);
        return NULL;
    }
    bool progress = !quiet && f->count > REP_PROGRESS_EVERY;
    for (size_t i = 0; i < f->count; i++) {
        if (class_record_is_name(f->paths[i])) {
            class_record *cr = class_record_load_file(f->paths[i], diags);
            if (cr && report_add_class(r, cr, diags) != 0) {
                report_free(r);
                diag_list_free(diags);
                return NULL;
            }
            if (cr) {
                diag_list_clear(diags);
                continue;
            }
        }
        result_record *rec = diag_count(diags)
                                 ? NULL
                                 : result_record_load_file(f->paths[i], diags);
        if (!rec) {
            /* the first problem says why; it becomes a warning */
            const diag_entry *e = diag_get(diags, 0);
            diag_list *w = diag_list_new();
            diag_add(w, DIAG_WARNING, f->paths[i], e ? e->line : 0,
                     e ? e->col : 0, _("skipped: %s"),
                     e ? e->message : _("out of memory"));
            diag_print(w, stderr);
            diag_list_free(w);
            (*skipped)++;
        } else if (report_add(r, rec, diags) != 0) {
            report_free(r);
            diag_list_free(diags);
            return NULL;
        }
        diag_list_clear(diags);
        if (progress &&
            ((i + 1) % REP_PROGRESS_EVERY == 0 || i + 1 == f->count)) {
            fprintf(stderr, _("rapport report: %zu of %zu files read\n"),
                    i + 1, f->count);
        }
    }
    diag_list_free(diags);
    return r;
}

/* mkdir -p; 0, or -1 with errno. */
static int rep_mkdirs(const char *dir)
{
    char *path = strdup(dir);
    if (!path) {
        errno = ENOMEM;
        return -1;
    }
    int rc = 0;
    for (char *p = path + 1; *p && rc == 0; p++) {
        if (*p == '/' && p[-1] != '/') {
            *p = '\0';
            rc = mkdir(path, 0777) != 0 && errno != EEXIST ? -1 : 0;
            *p = '/';
        }
    }
    if (rc == 0 && mkdir(path, 0777) != 0 && errno != EEXIST) {
        rc = -1;
    }
    int saved = errno;
    free(path);
    errno = saved;
    return rc;
}

/* Writes text to path whole, or to stdout for "-" (cli_write_whole). */
static int rep_write(const char *path, const char *text)
{
    return cli_write_whole("report", path, text, strlen(text));
}

int cli_report(int argc, char **argv)
{
    static const struct option options[] = {
        {"out", required_argument, NULL, 'o'},
        {"csv", required_argument, NULL, 'C'},
        {"html", required_argument, NULL, 'H'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *out_dir = NULL;
    const char *csv_path = NULL;
    const char *html_path = NULL;
    bool quiet = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:qh", options, NULL)) != -1) {
        switch (c) {
        case 'o':
            out_dir = optarg;
            break;
        case 'C':
            csv_path = optarg;
            break;
        case 'H':
            html_path = optarg;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            rep_usage(stdout);
            return cli_finish_output();
        default:
            rep_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (out_dir && (csv_path || html_path)) {
        fprintf(stderr, _("rapport report: give --out DIR, or --csv and/or "
                          "--html, not both\n"));
        return CLI_USAGE;
    }
    if (!out_dir && !csv_path && !html_path) {
        fprintf(stderr, _("rapport report: say where to write the report: "
                          "--out DIR, or --csv FILE and/or --html FILE\n"));
        return CLI_USAGE;
    }
    if (csv_path && html_path && strcmp(csv_path, "-") == 0 &&
        strcmp(html_path, "-") == 0) {
        fprintf(stderr, _("rapport report: only one of --csv and --html can "
                          "go to standard output\n"));
        return CLI_USAGE;
    }
    if ((out_dir && !*out_dir) || (csv_path && !*csv_path) ||
        (html_path && !*html_path)) {
        fprintf(stderr, _("rapport report: an empty file or folder name\n"));
        return CLI_USAGE;
    }

    int rc = CLI_FAIL;
    rep_files files = {NULL, 0, 0};
    char *default_dir = NULL;
    char *out_csv = NULL;
    char *out_html = NULL;
    report *r = NULL;
    if (optind == argc) {
        default_dir = cli_default_results_dir();
        if (!default_dir) {
            fprintf(stderr, _("rapport report: no results folder: HOME is not "
                              "set; give DIR\n"));
            return CLI_USAGE;
        }
    }
    for (int i = optind; i < argc || (default_dir && i == optind); i++) {
        int got = rep_collect(default_dir ? default_dir : argv[i], &files);
        if (got == -2) {
            fprintf(stderr, _("rapport: error: out of memory\n"));
            goto out;
        }
        if (default_dir) {
            break;
        }
    }
    size_t skipped = 0;
    r = rep_read(&files, quiet, &skipped);
    if (!r) {
        fprintf(stderr, _("rapport: error: out of memory\n"));
        goto out;
    }
    size_t read = report_count(r) + report_class_count(r);
    if (!quiet || read == 0) {
        /* TRANSLATORS: the start of "rapport report: 3 results read, 1
         * file skipped"; the skipped files follow. */
        fprintf(stderr,
                P_("rapport report: %zu result read, ",
                   "rapport report: %zu results read, ", read),
                read);
        fprintf(stderr,
                P_("%zu file skipped\n", "%zu files skipped\n", skipped),
                skipped);
    }
    size_t dup = report_duplicates(r);
    if (dup > 0) {
        fprintf(stderr,
                P_("rapport report: %zu record of a call already read "
                   "(saved twice) counted once\n",
                   "rapport report: %zu records of a call already read "
                   "(saved twice) counted once\n",
                   dup),
                dup);
    }
    if (read == 0) {
        fprintf(stderr, _("rapport report: error: no results to report on\n"));
        goto out;
    }
    if (out_dir) {
        if (rep_mkdirs(out_dir) != 0) {
            fprintf(stderr, _("rapport report: error: cannot create %s: %s\n"),
                    out_dir, strerror(errno));
            goto out;
        }
        size_t n = strlen(out_dir) + 32;
        out_csv = malloc(n);
        out_html = malloc(n);
        if (!out_csv || !out_html) {
            fprintf(stderr, _("rapport: error: out of memory\n"));
            goto out;
        }
        snprintf(out_csv, n, "%s/class-report.csv", out_dir);
        snprintf(out_html, n, "%s/class-report.html", out_dir);
        csv_path = out_csv;
        html_path = out_html;
    }
    rc = CLI_OK;
    diag_list *diags = diag_list_new();
    if (csv_path) {
        char *text = report_csv(r, diags);
        if (!text || rep_write(csv_path, text) != CLI_OK) {
            rc = CLI_FAIL;
        }
        free(text);
    }
    if (html_path) {
        char *text = report_html(r, diags);
        if (!text || rep_write(html_path, text) != CLI_OK) {
            rc = CLI_FAIL;
        }
        free(text);
    }
    cli_print_diags(diags);
    diag_list_free(diags);
out:
    report_free(r);
    for (size_t i = 0; i < files.count; i++) {
        free(files.paths[i]);
    }
    free(files.paths);
    free(default_dir);
    free(out_csv);
    free(out_html);
    return rc;
}
