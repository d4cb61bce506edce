/* test_prefs_input.c — settings.json that is not a small regular file
 * never blocks the game: a FIFO (opening one for reading used to wait
 * for a writer, forever, before the window opened), a device, a folder,
 * a file over 64 KiB; each gives a warning and the defaults. A trainee
 * name that breaks the rule of trainee.h is left out with a warning.
 * An alarm fails the test instead of hanging. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ui_prefs.h"

static void prefs_hung(int sig)
{
    (void)sig;
    static const char msg[] = "test_prefs_input: hung reading settings\n";
    ssize_t n = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)n;
    _exit(1);
}

static void prefs_case(const char *dir, const char *words)
{
    ui_prefs pr;
    char warn[600];
    ui_prefs_status st = ui_prefs_load(dir, &pr, warn, sizeof warn);
    CHECK_INT(st, UI_PREFS_IGNORED);
    CHECK_CONTAINS(warn, "remembered settings ignored");
    CHECK_CONTAINS(warn, words);
    CHECK(pr.text_scale == 1.0);
    CHECK_STR(pr.trainee, "");
}

int main(void)
{
    signal(SIGALRM, prefs_hung);
    alarm(30);
    char dir[] = "/tmp/rapport-prefs-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char path[128];
    snprintf(path, sizeof path, "%s/settings.json", dir);

    CHECK_INT(mkfifo(path, 0600), 0);
    prefs_case(dir, "not a regular file");
    unlink(path);

    CHECK_INT(symlink("/dev/zero", path), 0);
    prefs_case(dir, "not a regular file");
    unlink(path);

    CHECK_INT(mkdir(path, 0700), 0);
    prefs_case(dir, "a folder");
    rmdir(path);

    FILE *f = fopen(path, "w");
    for (int i = 0; f && i < 70000; i++) {
        fputc(' ', f);
    }
    if (f) {
        fclose(f);
    }
    prefs_case(dir, "larger than 64 KiB");

    /* a name of only a zero-width space: left out, and said so */
    f = fopen(path, "w");
    if (f) {
        fputs("{\"trainee\": \"\\u200b\", \"relaxed\": true}", f);
        fclose(f);
    }
    ui_prefs pr;
    char warn[600];
    (void)ui_prefs_load(dir, &pr, warn, sizeof warn);
    CHECK_STR(pr.trainee, "");
    CHECK(pr.relaxed);
    CHECK_CONTAINS(warn, "'trainee' is not a name");
    unlink(path);
    rmdir(dir);
    return check_done("test_prefs_input");
}
