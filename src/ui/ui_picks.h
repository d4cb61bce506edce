/* ui_picks.h — the picker's list of scenario files: the files and folders
 * given, then the scenario folder; each file resolved once to its real
 * path and listed once (a hash set of real paths, so the work grows with
 * the number of files, not its square: 5,000 files took 43 s when every
 * new file resolved every earlier one). A large folder is read a few
 * files a frame, and the picker shows how far it has got.
 *
 * Ownership: the loader owns its queue and its set; the entries it reads
 * go to the list (ui_pick_list), which owns them and their strings.
 */
#ifndef RAPPORT_UI_PICKS_H
#define RAPPORT_UI_PICKS_H

#include <stdbool.h>
#include <stddef.h>

/* More queued files than this are read a few a frame, with progress;
 * fewer are read before the picker first draws. */
#define UI_PICKS_EAGER 200
/* Selected when no file is given. */
#define UI_PICKS_DEFAULT_SCENARIO "isp-promo-question.xml"
/* Files read per frame while loading lazily. */
#define UI_PICKS_PER_FRAME 40

typedef struct {
    char *path;
    char *real; /* its real path (symbolic links and ".." resolved) */
    char *title;
    char *customer;
    char *summary;
    char *lang; /* the scenario's language (BCP 47, "" when not given) */
    int mood;   /* the customer's starting mood (0-100), -1 when invalid */
    int difficulty;
    double minutes;
    bool valid;
} ui_pick_entry;

typedef struct {
    ui_pick_entry *items;
    size_t count;
    size_t cap;
} ui_pick_list;

typedef struct {
    char **queue; /* files to read, in order */
    size_t queued;
    size_t next; /* queue[next] is read next */
    size_t queue_cap;
    char **seen; /* real paths listed: open addressing, power-of-two */
    size_t seen_cap;
    size_t seen_used;
    char *want;         /* real path to select when read; NULL: none */
    long selected;      /* its index in the list once read; -1 before */
    size_t resolutions; /* realpath() calls so far (the tests count them) */
} ui_pick_loader;

/* Frees the entries' strings and the array; the list is empty after. */
void ui_pick_list_clear(ui_pick_list *list);

/* Frees the queue and the set; the loader is empty after (as zeroed). */
void ui_pick_loader_clear(ui_pick_loader *l);
/* Queues a file, or a folder's *.xml regular files sorted by name.
 * Returns how many files were queued. */
size_t ui_pick_loader_add(ui_pick_loader *l, const char *path);
/* Selects the file at path once it is read (resolved now). */
void ui_pick_loader_want(ui_pick_loader *l, const char *path);
/* Reads up to max queued files into list (a file already listed under
 * another path is skipped). Returns true when nothing is left. */
bool ui_pick_loader_step(ui_pick_loader *l, ui_pick_list *list, size_t max);
/* Files read so far and queued in all. */
size_t ui_pick_loader_done(const ui_pick_loader *l);
size_t ui_pick_loader_total(const ui_pick_loader *l);

#endif
