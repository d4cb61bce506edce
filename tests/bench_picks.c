/* bench_picks.c — the picker's list on folders of 1,000 and 5,000 files
 * (the bench target): wall time to read them all, and the path
 * resolutions made (one per file; the old list made n(n-1)/2 and took
 * 1.2 s for 1,000 files and 43 s for 5,000). Small files that are not
 * scenarios, so the time is the list's, not the loader's. A benchmark:
 * nothing here fails on speed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ui_picks.h"

static double bench_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

int main(void)
{
    static const int sizes[] = {1000, 5000};
    printf("%-36s | %10s | %s\n", "picker list", "time", "resolutions");
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        char dir[] = "/tmp/rapport-bench-picks-XXXXXX";
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            return 1;
        }
        char path[512];
        for (int i = 0; i < sizes[k]; i++) {
            snprintf(path, sizeof path, "%s/s%05d.xml", dir, i);
            FILE *f = fopen(path, "w");
            if (f) {
                fputs("<x/>\n", f);
                fclose(f);
            }
        }
        ui_pick_loader l;
        memset(&l, 0, sizeof l);
        l.selected = -1;
        ui_pick_list list;
        memset(&list, 0, sizeof list);
        double t0 = bench_ms();
        ui_pick_loader_add(&l, dir);
        ui_pick_loader_step(&l, &list, (size_t)-1);
        double t1 = bench_ms();
        char label[64];
        snprintf(label, sizeof label, "picker, %d files", sizes[k]);
        printf("%-36s | %7.1f ms | %zu\n", label, t1 - t0, l.resolutions);
        ui_pick_list_clear(&list);
        ui_pick_loader_clear(&l);
        for (int i = 0; i < sizes[k]; i++) {
            snprintf(path, sizeof path, "%s/s%05d.xml", dir, i);
            unlink(path);
        }
        rmdir(dir);
    }
    return 0;
}
