/* journal.h — a session in progress kept on disk after every reply, so that
 * nothing a trainee did is lost when the program stops (a crash, a kill, a
 * power cut). The front end opens a journal when the session starts,
 * appends after every reply and removes it once the result is saved. A
 * journal left behind is found with journal_list, read with journal_read,
 * replayed into a session with journal_replay, then saved as an incomplete
 * attempt (journal_save_result) or played on (journal_continue).
 *
 * File: RESULTS/in-progress/YYYYmmdd-HHMMSS-TRAINEE-SCENARIO-NN.journal
 * (the name a result of the session would have, NN counting up from 01 so
 * that no journal is ever replaced), in JSON Lines: one JSON object per
 * line, written with cJSON.
 *   line 1, the header: {"format": "rapport-journal", "format_version": 1,
 *     "scenario": {"path", "id", "version", "title", "bytes",
 *     "fingerprint"}, "trainee", "started" (ISO 8601 UTC, for people),
 *     "started_ms", "settings": {"feedback_mode", "relaxed_timing",
 *     "shuffle", "seed"}}
 *   ("shuffle" and "seed" since version 2: whether the options were shown
 *   in an order drawn from the seed, see session_options; a version 1
 *   journal has neither and was played in document order)
 *   then one line per turn, in order:
 *     {"turn": N, "node": ID, "choice": POS, "choice_index": I,
 *      "response_ms": MS}
 *   or, when the customer's patience ran out at that turn:
 *     {"turn": N, "node": ID, "timed_out": true, "response_ms": MS}
 * POS is 1-based as numbered on screen, I the index among the node's
 * choices. "fingerprint" is a name-based UUID (RFC 4122 version 5, SHA-1,
 * made with libuuid) of the scenario file's bytes: a scenario edited since
 * the session started is detected and never replayed.
 *
 * Durability: each line goes out in one write() and is fsync()ed before
 * journal_append returns; the folder is fsync()ed when the file is created
 * and when it is removed. A line cut short (the program stopped while
 * writing it) can only be the last: journal_read ignores it with a
 * warning. If a write fails (a full disk), what was written of that line
 * is cut off again, so the journal stays readable and the next append
 * tries again.
 *
 * Determinism: the core reads no clock. The start time comes in the
 * result_info given to journal_open, every reply's response time is in the
 * journal, so journal_replay rebuilds the session exactly.
 *
 * Ownership: journal_open / journal_continue return a journal the caller
 * ends with journal_close (NULL accepted), which frees it. journal_read
 * returns journal_data freed with journal_data_free (NULL accepted); its
 * strings and entries belong to it. journal_list returns a NULL-terminated
 * array of malloc'd paths freed with journal_list_free. journal_replay
 * returns a session (freed with session_free) that borrows the scenario
 * given. Nothing here keeps a pointer to the session, the info or the io
 * hooks given (the hooks are copied).
 *
 * Errors: functions return NULL or -1 and add an error to diags (which may
 * be NULL), as "PATH[:LINE]: error: ..."; they never print or exit.
 */
#ifndef RAPPORT_JOURNAL_H
#define RAPPORT_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "filelock.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

#define JOURNAL_FORMAT "rapport-journal"
#define JOURNAL_FORMAT_VERSION 2
/* The folder of journals inside a results folder, and their extension. */
#define JOURNAL_DIR "in-progress"
#define JOURNAL_EXT ".journal"
/* Journal files larger than this are refused by journal_read. */
#define JOURNAL_MAX_FILE_BYTES (16u * 1024u * 1024u)
/* Replies a journal may hold (more is refused when reading and writing):
 * far beyond any call a person plays, and what 16 MiB of lines hold. */
#define JOURNAL_MAX_TURNS 200000u
/* A journal of at most this many bytes and no whole line has no header
 * (see journal_take). */
#define JOURNAL_HEADER_MAX_BYTES (1024u * 1024u)

/* A journal open for writing. */
typedef struct journal journal;

/* One turn as journaled. */
typedef struct {
    char *node;       /* id of the node the reply was given at */
    bool timed_out;   /* the customer's patience ran out */
    int choice;       /* 1-based position on screen; 0 when timed out */
    int choice_index; /* index into the node's choices; -1 when timed out */
    int response_ms;  /* for a timeout: when the patience ran out */
} journal_entry;

/* A journal read back. */
typedef struct {
    char *path; /* the journal file */
    int format_version;
    char *scenario_path; /* the scenario file the session was played on */
    char *scenario_id;
    char *scenario_version;
    char *scenario_title;
    int64_t scenario_bytes;
    char *scenario_fingerprint;
    char *trainee;
    int64_t started_ms;
    result_feedback_mode feedback_mode;
    bool relaxed_timing;
    bool shuffle;           /* options shown in an order drawn from seed */
    uint64_t seed;          /* 0..SESSION_SEED_MAX */
    journal_entry *entries; /* entry i is on line i + 2 */
    size_t entry_count;
    size_t valid_bytes; /* bytes up to the end of the last whole line */
    bool torn;          /* a last line cut short was ignored */
} journal_data;

/* Creates the journal of a session that is starting (or has started: the
 * turns s already has are journaled too) in RESULTS/in-progress/, created
 * with its parents if missing. scenario_path is the file the scenario was
 * loaded from as it should be recorded (give an absolute path, so that
 * recovery works from any folder; NULL: s's scenario's path); that file is
 * read for its size and fingerprint. info gives the trainee, the start
 * time and the feedback mode (ended_ms and interrupted are ignored);
 * relaxed timing, shuffling and the seed are taken from s. io may be NULL (the
 * write and fsync hooks are used). Returns the journal, or NULL with an error.
 */
journal *journal_open(const char *results_dir, const session *s,
                      const char *scenario_path, const result_info *info,
                      const result_io *io, diag_list *diags);

/* Appends every turn of s not yet in the journal (normally the one just
 * played), each synced to disk before this returns. s must be the
 * session the journal was opened (or continued) for. Returns 0, or -1
 * with an error (the journal stays as it was; a later call tries again). */
int journal_append(journal *j, const session *s, diag_list *diags);

/* The journal's file. */
const char *journal_path(const journal *j);
/* Turns written so far. */
size_t journal_turn_count(const journal *j);

/* Closes the journal and frees j. With remove (the session's result has
 * been saved) the file is deleted and its folder synced; without, it stays
 * for recovery. Returns 0, or -1 with an error when the file could not be
 * removed. NULL j is accepted (returns 0). */
int journal_close(journal *j, bool remove, diag_list *diags);

/* Journals left in RESULTS/in-progress/ (regular files ending in .journal),
 * sorted by name, i.e. by start time: a NULL-terminated array, empty when
 * the folder does not exist. NULL with an error when it cannot be read. */
char **journal_list(const char *results_dir, diag_list *diags);
void journal_list_free(char **paths);

/* Shared with class_journal.c. journal_dir_of: results_dir's in-progress
 * folder, malloc'd (NULL when out of memory). journal_list_ext: as
 * journal_list, for the files ending in ext. journal_unlink: removes path,
 * which must end in ext, then the in-progress folder when it is left
 * empty; 0, or -1 with errno (EINVAL when path does not end in ext). */
char *journal_dir_of(const char *results_dir);
char **journal_list_ext(const char *results_dir, const char *ext,
                        diag_list *diags);
int journal_unlink(const char *path, const char *ext);

/* Reads a journal from memory (path names it in diagnostics), as
 * journal_read does a file. */
journal_data *journal_parse(const char *text, size_t size, const char *path,
                            diag_list *diags);

/* Reads a journal. A last line cut short is ignored with a warning (see
 * valid_bytes and torn); any other line that is not a record this build
 * reads is an error at PATH:LINE, and then NULL is returned. */
journal_data *journal_read(const char *path, diag_list *diags);
void journal_data_free(journal_data *jd);

/* Checks that sc is the scenario the journal was written for (the same id
 * and version, and a file at sc->path of the same size and fingerprint)
 * and replays every entry into a new session, checking that each turn is
 * at the journaled node and offers the journaled option. Returns the
 * session after the last entry (finished or not), or NULL with an error
 * naming the journal line. */
session *journal_replay(const journal_data *jd, const scenario *sc,
                        diag_list *diags);

/* Opens the journal jd was read from to play on: a last line cut short is
 * cut off, then the turns s has beyond jd's entries are appended. s is
 * normally journal_replay's session. NULL with an error on failure. */
journal *journal_continue(const journal_data *jd, const session *s,
                          const result_io *io, diag_list *diags);

/* As journal_continue, with the journal's lock already taken by
 * journal_take (given or not, lock is the journal's from now on: released
 * when it fails, else held until journal_close). */
journal *journal_continue_locked(const journal_data *jd, const session *s,
                                 filelock *lock, const result_io *io,
                                 diag_list *diags);

/* Ownership of journals. The program playing a call holds its journal
 * locked (flock) from the moment it appears, with its header, to its
 * removal; a journal nobody holds was left by a program that stopped.
 * Before it reads, saves, continues or deletes a journal found on disk,
 * recovery takes it with journal_take:
 *   JOURNAL_TAKEN    *lock holds it: read it, save it, remove it (still
 *                    holding the lock), then filelock_release;
 *   JOURNAL_LIVE     a running Rapport is playing this call: leave it;
 *   JOURNAL_GONE     removed meanwhile (by its owner, or another recovery);
 *   JOURNAL_EMPTIED  it had no header (a program stopped as the call began,
 *                    before any reply; older versions left such files):
 *                    removed, with a warning saying so;
 *   JOURNAL_FAILED   an error in diags. */
typedef enum {
    JOURNAL_TAKEN,
    JOURNAL_LIVE,
    JOURNAL_GONE,
    JOURNAL_EMPTIED,
    JOURNAL_FAILED
} journal_take_status;

journal_take_status journal_take(const char *path, filelock **lock,
                                 diag_list *diags);

/* Removes the temporary files (.rapport-XXXXXX) that programs stopped
 * while saving left in results_dir and its in-progress folder, where no
 * writer is at work (see filelock_dir_enter); a warning says how many.
 * Recovery calls it first. */
void journal_sweep(const char *results_dir, diag_list *diags);

/* The result_info of a journaled session: its trainee, start and feedback
 * mode, interrupted set, and as end the start plus every response time of
 * s (the time of its last reply; a journal does not know when the program
 * stopped). The trainee string belongs to jd. */
void journal_result_info(const journal_data *jd, const session *s,
                         result_info *info);

/* Saves the session s (replayed from jd) through result_save in
 * results_dir with journal_result_info's info: an incomplete attempt when
 * s has not reached an ending, else a complete result. Returns 0 and
 * fills saved (may be NULL), or -1 with an error. The journal is left as
 * it is: remove it with journal_remove once saved. */
int journal_save_result(const char *results_dir, const journal_data *jd,
                        const session *s, const result_io *io,
                        result_paths *saved, diag_list *diags);

/* journal_save_result never saves a call twice: when results_dir holds
 * its record already (see result_save_once), nothing is written, and
 * journal_save_once sets *already (may be NULL); saved names that
 * record's files. */
int journal_save_once(const char *results_dir, const journal_data *jd,
                      const session *s, const result_io *io,
                      result_paths *saved, bool *already, diag_list *diags);

/* Deletes a journal file (refusing a name that does not end in .journal)
 * and syncs its folder. 0, or -1 with an error. */
int journal_remove(const char *path, diag_list *diags);

/* The fingerprint journals record of a file's bytes: 36 characters plus
 * NUL to out, and the size to *bytes. 0, or -1 with an error. */
int journal_fingerprint_file(const char *path, char out[37], int64_t *bytes,
                             diag_list *diags);

#endif
