/* ui_picks.c — the picker's list of scenario files (see ui_picks.h). */
#include "ui_picks.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scenario.h"
#include "ui_internal.h"

static char *ui_picks_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy) {
        memcpy(copy, s, n);
    }
    return copy;
}

static void ui_pick_entry_free(ui_pick_entry *e)
{
    free(e->path);
    free(e->real);
    free(e->title);
    free(e->customer);
    free(e->summary);
    free(e->lang);
}

void ui_pick_list_clear(ui_pick_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        ui_pick_entry_free(&list->items[i]);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

void ui_pick_loader_clear(ui_pick_loader *l)
{
    for (size_t i = l->next; i < l->queued; i++) {
        free(l->queue[i]);
    }
    free(l->queue);
    for (size_t i = 0; i < l->seen_cap; i++) {
        free(l->seen[i]);
    }
    free(l->seen);
    free(l->want);
    memset(l, 0, sizeof *l);
    l->selected = -1;
}

/* ---- the set of real paths ---- */

static uint64_t ui_picks_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    }
    return h;
}

static char **ui_picks_slot(char **table, size_t cap, const char *real)
{
    size_t k = (size_t)ui_picks_hash(real) & (cap - 1);
    while (table[k] && strcmp(table[k], real) != 0) {
        k = (k + 1) & (cap - 1);
    }
    return &table[k];
}

/* Adds real (taken over) to the set; false when it was there already
 * (real freed) or on out of memory. */
static bool ui_picks_insert(ui_pick_loader *l, char *real)
{
    if ((l->seen_used + 1) * 2 > l->seen_cap) {
        size_t cap = l->seen_cap ? l->seen_cap * 2 : 64;
        char **table = calloc(cap, sizeof *table);
        if (!table) {
            free(real);
            return false;
        }
        for (size_t i = 0; i < l->seen_cap; i++) {
            if (l->seen[i]) {
                *ui_picks_slot(table, cap, l->seen[i]) = l->seen[i];
            }
        }
        free(l->seen);
        l->seen = table;
        l->seen_cap = cap;
    }
    char **slot = ui_picks_slot(l->seen, l->seen_cap, real);
    if (*slot) {
        free(real);
        return false;
    }
    *slot = real;
    l->seen_used++;
    return true;
}

/* ---- the queue ---- */

static bool ui_picks_push(ui_pick_loader *l, char *path)
{
    if (!path) {
        return false;
    }
    if (l->queued == l->queue_cap) {
        size_t cap = l->queue_cap ? l->queue_cap * 2 : 64;
        char **grown = realloc(l->queue, cap * sizeof *grown);
        if (!grown) {
            free(path);
            return false;
        }
        l->queue = grown;
        l->queue_cap = cap;
    }
    l->queue[l->queued++] = path;
    return true;
}

static int ui_picks_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ui_picks_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

size_t ui_pick_loader_add(ui_pick_loader *l, const char *path)
{
    struct stat st;
    if (!path || stat(path, &st) != 0) {
        return ui_picks_push(l, ui_picks_strdup(path ? path : "")) ? 1 : 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        return ui_picks_push(l, ui_picks_strdup(path)) ? 1 : 0;
    }
    DIR *d = opendir(path);
    if (!d) {
        return 0;
    }
    size_t first = l->queued;
    const char *sep = path[0] && path[strlen(path) - 1] == '/' ? "" : "/";
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        size_t len = strlen(ent->d_name);
        if (len < 5 || strcmp(ent->d_name + len - 4, ".xml") != 0) {
            continue;
        }
        size_t n = strlen(path) + strlen(sep) + len + 1;
        char *full = malloc(n);
        if (full) {
            snprintf(full, n, "%s%s%s", path, sep, ent->d_name);
        }
        if (!ui_picks_push(l, full)) {
            break;
        }
    }
    closedir(d);
    qsort(l->queue + first, l->queued - first, sizeof *l->queue, ui_picks_cmp);
    return l->queued - first;
}

void ui_pick_loader_want(ui_pick_loader *l, const char *path)
{
    free(l->want);
    l->want = path ? realpath(path, NULL) : NULL;
    l->selected = -1;
}

/* Fills e from the file at path (an entry that says so when it does not
 * load). */
static bool ui_picks_read(ui_pick_entry *e, const char *path)
{
    scenario *sc = scenario_load_file(path, NULL);
    if (sc) {
        e->valid = true;
        e->title = ui_picks_strdup(sc->title ? sc->title : "");
        e->customer =
            ui_picks_strdup(sc->customer.name ? sc->customer.name : "");
        e->summary = ui_picks_strdup(sc->summary ? sc->summary : "");
        e->lang = ui_picks_strdup(sc->lang ? sc->lang : "");
        e->mood = sc->customer.mood;
        e->difficulty = sc->difficulty;
        e->minutes = sc->minutes;
        scenario_free(sc);
    } else {
        const char *slash = strrchr(path, '/');
        e->title = ui_picks_strdup(slash ? slash + 1 : path);
        e->customer = ui_picks_strdup("");
        e->summary = ui_picks_strdup(""); /* the picker says it has errors */
        e->lang = ui_picks_strdup("");
        e->mood = -1;
    }
    return e->title && e->customer && e->summary && e->lang;
}

bool ui_pick_loader_step(ui_pick_loader *l, ui_pick_list *list, size_t max)
{
    for (size_t n = 0; n < max && l->next < l->queued; n++) {
        char *path = l->queue[l->next++];
        bool plain = ui_picks_is_file(path);
        l->resolutions += plain;
        char *real = plain ? realpath(path, NULL) : NULL;
        char *kept = real ? ui_picks_strdup(real) : NULL;
        if (!kept || !ui_picks_insert(l, real)) {
            if (!kept) {
                free(real);
            }
            free(kept);
            free(path);
            continue;
        }
        if (list->count == list->cap) {
            size_t cap = list->cap ? list->cap * 2 : 32;
            ui_pick_entry *grown = realloc(list->items, cap * sizeof *grown);
            if (!grown) {
                free(kept);
                free(path);
                continue;
            }
            list->items = grown;
            list->cap = cap;
        }
        ui_pick_entry *e = &list->items[list->count];
        memset(e, 0, sizeof *e);
        e->path = path;
        e->real = kept;
        if (!ui_picks_read(e, path)) {
            ui_pick_entry_free(e);
            continue;
        }
        if (l->want && l->selected < 0 && strcmp(kept, l->want) == 0) {
            l->selected = (long)list->count;
        }
        list->count++;
    }
    return l->next >= l->queued;
}

size_t ui_pick_loader_done(const ui_pick_loader *l) { return l->next; }
size_t ui_pick_loader_total(const ui_pick_loader *l) { return l->queued; }

/* ---- the app's list ---- */

static void ui_picks_sync(ui_app *app)
{
    app->picks = app->pick_list.items;
    app->pick_count = app->pick_list.count;
    if (app->pick_loader.selected >= 0) {
        app->pick_selected = (int)app->pick_loader.selected;
    }
}

void ui_picks_free(ui_app *app)
{
    ui_pick_loader_clear(&app->pick_loader);
    ui_pick_list_clear(&app->pick_list);
    app->picks_loading = false;
    ui_picks_sync(app);
}

void ui_picks_load(ui_app *app, const char *keep)
{
    ui_picks_free(app);
    ui_pick_loader *l = &app->pick_loader;
    const char *first_file = NULL;
    size_t own = 0;
    for (size_t i = 0; i < app->opt.path_count; i++) {
        const char *p = app->opt.paths[i];
        struct stat st;
        if (!first_file && stat(p, &st) == 0 && !S_ISDIR(st.st_mode)) {
            first_file = p;
        }
        own += ui_pick_loader_add(l, p);
    }
    ui_pick_loader_add(l, app->scenario_dir);
    app->pick_selected = 0;
    if (keep) {
        free(l->want);
        l->want = ui_picks_strdup(keep);
    } else if (first_file) {
        ui_pick_loader_want(l, first_file);
    } else if (own == 0) {
        size_t n =
            strlen(app->scenario_dir) + sizeof UI_PICKS_DEFAULT_SCENARIO + 2;
        char *def = malloc(n);
        if (def) {
            snprintf(def, n, "%s/%s", app->scenario_dir,
                     UI_PICKS_DEFAULT_SCENARIO);
            ui_pick_loader_want(l, def);
            free(def);
        }
    }
    bool eager = app->opt.scripted || l->queued <= UI_PICKS_EAGER;
    app->picks_loading = !ui_pick_loader_step(
        l, &app->pick_list, eager ? l->queued : UI_PICKS_PER_FRAME);
    ui_picks_sync(app);
    app->focus_moved = true; /* the first frame scrolls the choice into view */
}

bool ui_picks_tick(ui_app *app)
{
    if (!app->picks_loading) {
        return false;
    }
    app->picks_loading = !ui_pick_loader_step(
        &app->pick_loader, &app->pick_list, UI_PICKS_PER_FRAME);
    ui_picks_sync(app);
    if (!app->picks_loading) {
        app->focus_moved = true;
    }
    return true;
}
