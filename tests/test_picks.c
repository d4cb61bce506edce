/* test_picks.c — the picker's list is linear in the number of files: each
 * file is resolved to its real path exactly once (counted, not timed:
 * the old list resolved every earlier file for each new one, n(n-1)/2
 * resolutions); a file reached twice (a symbolic link, "dir/../dir") is
 * listed once; folders are listed in name order; the wanted file is
 * selected; reading a few at a time gives the same list as all at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ui_picks.h"

static void picks_write(const char *dir, int i)
{
    char path[512];
    snprintf(path, sizeof path, "%s/s%05d.xml", dir, i);
    FILE *f = fopen(path, "w");
    if (f) {
        /* not a scenario: listed as "has errors", read quickly */
        fprintf(f, "<x%d/>\n", i);
        fclose(f);
    }
}

static void picks_rm(const char *dir, int n)
{
    char path[512];
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/s%05d.xml", dir, i);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/link.xml", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    char dir[] = "/tmp/rapport-picks-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    const int n = 600;
    for (int i = n - 1; i >= 0; i--) { /* created in reverse order */
        picks_write(dir, i);
    }
    char path[512];
    char other[512];
    snprintf(path, sizeof path, "%s/s00007.xml", dir);
    snprintf(other, sizeof other, "%s/link.xml", dir);
    CHECK_INT(symlink(path, other), 0);
    snprintf(other, sizeof other, "%s/notes.txt", dir);
    FILE *f = fopen(other, "w");
    if (f) {
        fclose(f);
    }

    /* all at once: the folder given, then one of its files again by
     * another path */
    ui_pick_loader l;
    memset(&l, 0, sizeof l);
    l.selected = -1;
    ui_pick_list list;
    memset(&list, 0, sizeof list);
    CHECK_INT(ui_pick_loader_add(&l, dir), n + 1); /* + link.xml */
    const char *base = strrchr(dir, '/') + 1;
    snprintf(other, sizeof other, "%s/../%s/s00042.xml", dir, base);
    CHECK_INT(ui_pick_loader_add(&l, other), 1);
    snprintf(path, sizeof path, "%s/s00123.xml", dir);
    ui_pick_loader_want(&l, path);
    CHECK(ui_pick_loader_step(&l, &list, (size_t)-1));
    /* one resolution per file queued: linear */
    CHECK_INT(l.resolutions, n + 2);
    CHECK_INT(list.count, n); /* link.xml and ../ are the same files */
    CHECK_INT(ui_pick_loader_done(&l), n + 2);
    CHECK_INT(ui_pick_loader_total(&l), n + 2);
    CHECK_INT(l.selected, 123);
    bool sorted = true;
    for (size_t i = 1; i < list.count; i++) {
        sorted =
            sorted && strcmp(list.items[i - 1].path, list.items[i].path) < 0;
    }
    CHECK(sorted);
    CHECK(!list.items[0].valid);
    CHECK(list.items[0].real != NULL);

    /* a few at a time: the same list */
    ui_pick_loader lazy;
    memset(&lazy, 0, sizeof lazy);
    lazy.selected = -1;
    ui_pick_list lazy_list;
    memset(&lazy_list, 0, sizeof lazy_list);
    ui_pick_loader_add(&lazy, dir);
    size_t steps = 0;
    while (!ui_pick_loader_step(&lazy, &lazy_list, UI_PICKS_PER_FRAME)) {
        steps++;
        CHECK(ui_pick_loader_done(&lazy) == steps * UI_PICKS_PER_FRAME);
    }
    CHECK_INT(lazy.resolutions, n + 1);
    CHECK_INT(lazy_list.count, list.count);
    for (size_t i = 0; i < lazy_list.count && i < list.count; i++) {
        CHECK_STR(lazy_list.items[i].real, list.items[i].real);
    }
    ui_pick_list_clear(&lazy_list);
    ui_pick_loader_clear(&lazy);
    ui_pick_list_clear(&list);
    ui_pick_loader_clear(&l);
    CHECK_INT(list.count, 0);
    picks_rm(dir, n);
    return check_done("test_picks");
}
