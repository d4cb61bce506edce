/* write_tool.c — the settings and phones-journal write paths alone, for
 * failure injection (tests/failinject.py), as the game uses them:
 *   write_tool prefs DIR NAME   saves NAME as the trainee in DIR's
 *                               settings.json (ui_prefs_save)
 *   write_tool phones PATH N    opens (or goes on with) a phones journal
 *                               and adds joins and votes until N devices
 *                               have each joined and voted, syncing after
 *                               each vote and printing "acked K" (the
 *                               devices whose vote is durable), as the
 *                               game acknowledges a phone only then
 *   write_tool count PATH       prints "devices D votes V skipped S"
 * Exit 0, or 1 with "write_tool: error: ..." on stderr. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "phone_journal.h"
#include "ui_prefs.h"

static int tool_prefs(const char *dir, const char *name)
{
    ui_prefs p;
    memset(&p, 0, sizeof p);
    snprintf(p.trainee, sizeof p.trainee, "%s", name);
    if (!ui_prefs_save(dir, &p, UI_PREFS_TRAINEE)) {
        fprintf(stderr,
                "write_tool: error: cannot save the settings in %s: "
                "%s\n",
                dir, strerror(errno));
        return 1;
    }
    return 0;
}

static void tool_token(unsigned device, char out[PHONE_TOKEN_HEX + 1])
{
    for (int i = 0; i < PHONE_TOKEN_HEX; i++) {
        out[i] = "0123456789abcdef"[(device * 7u + (unsigned)i) % 16u];
    }
    out[PHONE_TOKEN_HEX] = '\0';
}

static int tool_phones(const char *path, unsigned n)
{
    char err[512];
    unsigned have = 0;
    unsigned joined = 0;
    if (access(path, F_OK) == 0) {
        phone_journal_data *d = phone_journal_read(path, err, sizeof err);
        if (!d) {
            fprintf(stderr, "write_tool: error: %s\n", err);
            return 1;
        }
        have = (unsigned)d->vote_count;
        joined = (unsigned)d->device_count;
        phone_journal_data_free(d);
    }
    phone_journal *j = phone_journal_open(path, "123456", err, sizeof err);
    if (!j) {
        fprintf(stderr, "write_tool: error: %s\n", err);
        return 1;
    }
    for (unsigned dev = have + 1; dev <= n; dev++) {
        phone_event ev;
        memset(&ev, 0, sizeof ev);
        ev.kind = PHONE_EV_JOIN;
        ev.device = dev;
        tool_token(dev, ev.token);
        snprintf(ev.nick, sizeof ev.nick, "phone %u", dev);
        int rc = dev > joined ? phone_journal_add(j, &ev) : 0;
        ev.kind = PHONE_EV_VOTE;
        ev.ballot = 1;
        ev.option = (int)(dev % 3);
        ev.previous = -1;
        if (rc != 0 || phone_journal_add(j, &ev) != 0 ||
            phone_journal_sync(j) != 0) {
            fprintf(stderr, "write_tool: error: cannot write %s: %s\n", path,
                    strerror(errno));
            phone_journal_close(j);
            return 1;
        }
        printf("acked %u\n", dev);
        fflush(stdout);
    }
    phone_journal_close(j);
    return 0;
}

static int tool_count(const char *path)
{
    char err[512];
    phone_journal_data *d = phone_journal_read(path, err, sizeof err);
    if (!d) {
        fprintf(stderr, "write_tool: error: %s\n", err);
        return 1;
    }
    printf("devices %zu votes %zu skipped %zu\n", d->device_count,
           d->vote_count, d->skipped);
    phone_journal_data_free(d);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "prefs") == 0) {
        return tool_prefs(argv[2], argv[3]);
    }
    if (argc == 4 && strcmp(argv[1], "phones") == 0) {
        return tool_phones(argv[2], (unsigned)strtoul(argv[3], NULL, 10));
    }
    if (argc == 3 && strcmp(argv[1], "count") == 0) {
        return tool_count(argv[2]);
    }
    fputs("usage: write_tool prefs DIR NAME | phones PATH N | count PATH\n",
          stderr);
    return 2;
}
