/* class_journal.h — a class session in progress kept on disk after every
 * recorded vote, so that a crash or a closed lid loses nothing: resume
 * comes back to the same turn with the votes so far.
 *
 * File: RESULTS/in-progress/YYYYmmdd-HHMMSS-class-SCENARIO-NN.class-journal
 * ("teams" for teams mode), a kind of its own: single-call journals
 * (journal.h, ".journal") never list it. JSON Lines written with cJSON:
 *   line 1, the header: {"format": "rapport-class-journal",
 *     "format_version": 1, "scenario": {"path", "id", "version", "title",
 *     "bytes", "fingerprint"}, "started" (ISO 8601), "started_ms",
 *     "settings": {"mode": "whole"|"teams", "teams": [names],
 *     "scoreboard", "discussion_ms", "seed"}}
 *   then one line per event (class.h), in order:
 *     {"n": N, "event": "add", "turn": T, "source": "hands", "team": K,
 *      "option": P, "count": C}   (team -1 in whole-class mode)
 *     {"n": N, "event": "undo"|"close"|"reopen", "turn": T}
 *     {"n": N, "event": "pick", "turn": T, "team": K, "option": P}
 *     {"n": N, "event": "play", "turn": T, "option": P}
 * N counts events from 1, T turns from 1, P options from 1 (A = 1).
 * "fingerprint" is journal_fingerprint_file's: a scenario edited since
 * the session started is never replayed.
 *
 * Durability as journal.h: every line is written in one write() and
 * fsync()ed before class_journal_append returns; a last line cut short is
 * ignored with a warning on reading, and cut off on continuing.
 *
 * Ownership: class_journal_open / class_journal_continue return a journal
 * ended with class_journal_close (NULL accepted). class_journal_read
 * returns data freed with class_journal_data_free. class_journal_replay
 * returns a class session (class_free) borrowing the scenario given.
 * class_journal_list returns a NULL-terminated array freed with
 * journal_list_free (journal.h). Errors: NULL or -1 with an error in
 * diags; nothing is printed.
 */
#ifndef RAPPORT_CLASS_JOURNAL_H
#define RAPPORT_CLASS_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "class.h"
#include "class_result.h"
#include "diag.h"
#include "result.h"

#define CLASS_JOURNAL_FORMAT "rapport-class-journal"
#define CLASS_JOURNAL_FORMAT_VERSION 1
#define CLASS_JOURNAL_EXT ".class-journal"

typedef struct class_journal class_journal;

typedef struct {
    char *path;
    char *scenario_path;
    char *scenario_id;
    char *scenario_version;
    char *scenario_title;
    int64_t scenario_bytes;
    char *scenario_fingerprint;
    int64_t started_ms;
    class_options options; /* team_names point into team_storage */
    char *team_storage[CLASS_MAX_TEAMS];
    class_event *events;
    size_t event_count;
    size_t event_cap; /* allocated (private) */
    size_t valid_bytes;
    bool torn;
} class_journal_data;

/* Creates the journal of a class session that starts (its events so far
 * are journaled too). scenario_path as recorded (NULL: the scenario's
 * path); the file is read for its size and fingerprint. */
class_journal *class_journal_open(const char *results_dir,
                                  const class_session *c,
                                  const char *scenario_path,
                                  int64_t started_ms, const result_io *io,
                                  diag_list *diags);
/* Appends every event of c not yet journaled, each synced. */
int class_journal_append(class_journal *j, const class_session *c,
                         diag_list *diags);
const char *class_journal_path(const class_journal *j);
size_t class_journal_event_count(const class_journal *j);
/* Closes and frees j; with remove the file is deleted (its result saved). */
int class_journal_close(class_journal *j, bool remove, diag_list *diags);

/* Class journals in RESULTS/in-progress/, sorted by name. */
char **class_journal_list(const char *results_dir, diag_list *diags);
class_journal_data *class_journal_read(const char *path, diag_list *diags);
/* Reads a class journal from memory (path names it in diagnostics; size
 * bytes, no NUL needed), as class_journal_read does a file. */
class_journal_data *class_journal_parse(const char *buf, size_t size,
                                        const char *path, diag_list *diags);
void class_journal_data_free(class_journal_data *jd);
/* Checks the scenario (id, version, size and fingerprint of sc->path) and
 * replays every event into a new class session. */
class_session *class_journal_replay(const class_journal_data *jd,
                                    const scenario *sc, diag_list *diags);
/* Reopens jd's file to go on (a torn last line cut off), appending the
 * events c has beyond jd's. */
class_journal *class_journal_continue(const class_journal_data *jd,
                                      const class_session *c,
                                      const result_io *io, diag_list *diags);
/* A class journal with no header (no byte, or a first line cut short: the
 * program stopped as the session began) holds nothing to recover: it is
 * removed with a warning. 1 when removed, 0 when it has a header (or is
 * gone), -1 with an error when it cannot be read or removed. */
int class_journal_drop_empty(const char *path, diag_list *diags);
/* Deletes a class journal (refusing other names) and syncs its folder. */
int class_journal_remove(const char *path, diag_list *diags);

#endif
