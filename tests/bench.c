/* bench.c — times `rapport lint` on scenario files and `rapport report` on
 * a folder of results (the bench target):
 *
 *   rapport_bench RAPPORT [--report RESULTS_DIR OUT_DIR]
 *                 [--journal RESULTS_DIR] FILE...
 *
 * Runs `RAPPORT validate -q FILE` and `RAPPORT lint FILE` five times each
 * per file, and `RAPPORT report -q RESULTS_DIR --out OUT_DIR` five times
 * (output discarded), `RAPPORT recover --results RESULTS_DIR` (every
 * journal there read and replayed: tests/gen_journal.py writes one of
 * 60,000 replies) and prints a table: the median wall time
 * (CLOCK_MONOTONIC around fork, exec and wait) and the peak resident set
 * size of the process (ru_maxrss from wait4). validate is the loader
 * alone, so lint minus validate is the cost of the analysis. A benchmark,
 * not a test: nothing here fails on speed. */
#define _DEFAULT_SOURCE /* wait4 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BENCH_RUNS 5

static int bench_compare(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;
    return x < y ? -1 : (x > y ? 1 : 0);
}

/* One run: wall time in ms, peak RSS in KiB, exit status. */
static int bench_run(char *const *args, double *ms, long *rss_kib, int *status)
{
    struct timespec t0;
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return -1;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
            close(null);
        }
        execv(args[0], args);
        _exit(127);
    }
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    if (wait4(pid, status, 0, &ru) < 0) {
        perror("wait4");
        return -1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    *ms = (double)(t1.tv_sec - t0.tv_sec) * 1000.0 +
          (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    *rss_kib = ru.ru_maxrss;
    return 0;
}

/* Runs args BENCH_RUNS times and prints a row; 0, or 1 when it failed. */
static int bench_case(const char *label, char *const *args)
{
    double times[BENCH_RUNS];
    long rss = 0;
    int status = 0;
    for (int r = 0; r < BENCH_RUNS; r++) {
        long run_rss = 0;
        if (bench_run(args, &times[r], &run_rss, &status) != 0) {
            exit(1);
        }
        if (run_rss > rss) {
            rss = run_rss;
        }
    }
    qsort(times, BENCH_RUNS, sizeof times[0], bench_compare);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    printf("%-36s | %7.1f ms | %5.1f MiB | %d\n", label, times[BENCH_RUNS / 2],
           (double)rss / 1024.0, code);
    return code != 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: rapport_bench RAPPORT [--report RESULTS_DIR "
                        "OUT_DIR] [--journal RESULTS_DIR] FILE...\n");
        return 2;
    }
    printf("%-36s | %10s | %9s | %s\n", "case", "time", "peak RSS", "exit");
    printf("%.36s-|-%.10s-|-%.9s-|-%s\n",
           "----------------------------------------", "------------",
           "-----------", "----");
    int failed = 0;
    int first = 2;
    if (argc >= 5 && strcmp(argv[2], "--report") == 0) {
        char *args[] = {argv[1], "report", "-q", argv[3],
                        "--out", argv[4],  NULL};
        const char *name = strrchr(argv[3], '/');
        char label[64];
        snprintf(label, sizeof label, "report %s", name ? name + 1 : argv[3]);
        failed |= bench_case(label, args);
        first = 5;
    }
    if (argc >= first + 2 && strcmp(argv[first], "--journal") == 0) {
        char *args[] = {argv[1], "recover", "--results", argv[first + 1],
                        NULL};
        const char *name = strrchr(argv[first + 1], '/');
        char label[64];
        snprintf(label, sizeof label, "recover %s",
                 name ? name + 1 : argv[first + 1]);
        failed |= bench_case(label, args);
        first += 2;
    }
    for (int i = first; i < argc; i++) {
        const char *name = strrchr(argv[i], '/');
        name = name ? name + 1 : argv[i];
        char label[64];
        char *validate[] = {argv[1], "validate", "-q", argv[i], NULL};
        snprintf(label, sizeof label, "validate %s", name);
        failed |= bench_case(label, validate);
        char *lint[] = {argv[1], "lint", argv[i], NULL};
        snprintf(label, sizeof label, "lint %s", name);
        failed |= bench_case(label, lint);
    }
    printf("(median of %d runs; peak RSS is the largest of them)\n",
           BENCH_RUNS);
    return failed;
}
