/* result.h — what a trainer keeps of a finished session: a JSON record, a
 * printable HTML debrief report and xAPI 1.0.3 statements, and saving the
 * three side by side in a results folder.
 *
 * The core never reads a clock: the caller passes when the session started
 * and ended (wall clock, milliseconds since the Unix epoch), the trainee's
 * name and the settings in a result_info. The same debrief and result_info
 * always give the same bytes in every format (statement ids included:
 * they are name-based UUIDs, never random).
 *
 * Formats:
 * - record (result_record_json): "format": "rapport-result",
 *   "format_version": 3; status ("complete", or "incomplete" for an
 *   interrupted attempt), trainee, scenario, start and end (ISO 8601 UTC),
 *   settings (with "shuffle" and "seed": whether the options were shown in
 *   an order drawn from that seed), the transcript turn by turn (the
 *   on-screen position "choice" and the option chosen "choice_index",
 *   what the customer said and the better option), scores, outcome and
 *   "critical_mistakes" (each turn where the option chosen was one the
 *   author marked as a critical mistake: turn, node, choice_index,
 *   reason; then "passed" is false whatever the score).
 *   Read back with result_record_parse / result_record_load_file, which
 *   also read version 2 (no shuffle: document order) and version 1 (no
 *   status: complete; no customer text, no better option).
 * - report (result_report_html): one self-contained HTML file (inline CSS,
 *   SVG charts embedded as data: URIs so that libxml2's HTML parser accepts
 *   the page), built with libxml2 so every text is escaped. An incomplete
 *   attempt says so ("Incomplete attempt") instead of passed / not passed.
 * - xAPI (result_xapi_json): a JSON array of statements: one "responded"
 *   per turn, then "completed" and "passed" or "failed"; for an incomplete
 *   attempt, "terminated" (result.completion false) instead of those two.
 *
 * Incomplete attempts: a session that did not reach an ending (a trainee's
 * session recovered from a journal, see journal.h) is saved only when
 * result_info.interrupted is set; its record has status "incomplete",
 * scores over the turns played, "passed": false and "outcome": null.
 *
 * Ownership: the generators return malloc'd strings the caller frees with
 * free(). result_record_parse / result_record_load_file return a record
 * freed with result_record_free (NULL accepted); its strings belong to it.
 * result_save fills a result_paths whose strings the caller releases with
 * result_paths_clear (NULL accepted). Nothing here keeps a pointer to the
 * debrief, the info or the io hooks after returning.
 *
 * Errors: functions return NULL or -1 and add an error to diags (which may
 * be NULL); they never print or exit.
 */
#ifndef RAPPORT_RESULT_H
#define RAPPORT_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "debrief.h"
#include "diag.h"
#include "scenario.h"
#include "score.h"

#define RESULT_FORMAT "rapport-result"
#define RESULT_FORMAT_VERSION 3
/* Record files larger than this are refused by result_record_load_file. */
#define RESULT_MAX_FILE_BYTES (16u * 1024u * 1024u)
/* Longest trainee name accepted, in bytes of UTF-8. */
#define RESULT_MAX_TRAINEE_BYTES 200
/* Our IRIs in xAPI statements. */
#define RESULT_XAPI_NS "https://rapport-sim.org/xapi"
#define RESULT_XAPI_HOMEPAGE "https://rapport-sim.org"

typedef enum {
    RESULT_FEEDBACK_WITHHELD, /* feedback only in the debrief */
    RESULT_FEEDBACK_IMMEDIATE /* feedback after each reply */
} result_feedback_mode;

/* What the core cannot know: who played, when, and how. */
typedef struct {
    const char *trainee; /* see result_trainee_valid */
    int64_t started_ms;  /* wall clock, ms since 1970-01-01T00:00:00Z */
    int64_t ended_ms;    /* >= started_ms, before the year 10000 */
    result_feedback_mode feedback_mode;
    /* relaxed timing is taken from the debrief */
    /* The session was interrupted (recovered from a journal): it may be
     * unfinished, and is then saved as an incomplete attempt. Without it,
     * only finished sessions have results. */
    bool interrupted;
} result_info;

/* One turn of a record's transcript. */
typedef struct {
    char *node;       /* id of the node played */
    int choice;       /* 1-based position on screen; 0 when timed out */
    int choice_index; /* index into the node's choices; -1 when timed out */
    char *reply;      /* what the trainee said; NULL when timed out */
    int response_ms;
    int target_ms;
    bool timed_out;
    /* Authored effects of the reply (ratings -10..10, mood change); all 0
     * when timed out (the record says null). */
    int effect[SCENARIO_DIM_COUNT];
    int effect_mood;
    int mood_before;
    int mood_after;
    int score[SCENARIO_DIM_COUNT]; /* 0..100; -1 where it did not count */
    char *customer; /* what the customer said; NULL in version 1 */
    /* The best option on offer when the trainee chose another (or timed
     * out): 1-based position, index into the node's choices, its text.
     * better_choice 0, better_index -1 and better_reply NULL when the
     * trainee chose the best option (or the record is version 1). */
    int better_choice;
    int better_index;
    char *better_reply;
} result_turn;

/* A record read back. */
typedef struct {
    int format_version;
    bool complete; /* false: an incomplete (interrupted) attempt */
    char *trainee;
    char *scenario_id;
    char *scenario_version;
    char *scenario_title;
    int64_t started_ms;
    int64_t ended_ms;
    int64_t duration_ms;
    result_feedback_mode feedback_mode;
    bool relaxed_timing;
    bool shuffled; /* version 3: options shown in an order drawn from seed */
    int64_t seed;  /* 0 when not shuffled */
    result_turn *turns;
    size_t turn_count;
    int score[SCENARIO_DIM_COUNT]; /* 0..100 */
    int overall;
    score_band band;
    bool passed; /* false for an incomplete attempt */
    /* Version 3: turns where the trainee chose an option marked as a
     * critical mistake (then not passed); 0 before. */
    size_t critical_count;
    int pass_mark;
    scenario_outcome outcome; /* meaningless when !complete */
    char *ending; /* ending id; NULL for the built-in "gave up" ending and
                     for an incomplete attempt */
} result_record;

/* True for a name result_info accepts: 1-RESULT_MAX_TRAINEE_BYTES bytes of
 * valid UTF-8, not only spaces, no control characters. */
bool result_trainee_valid(const char *name);

/* The folder where the game keeps results (and their journals) when none
 * is given: $XDG_DATA_HOME/rapport/results, or
 * $HOME/.local/share/rapport/results when XDG_DATA_HOME is unset, empty or
 * not absolute (as the XDG base directory specification says). The caller
 * passes the two environment values (the core reads no environment).
 * Returns a malloc'd path, or NULL when neither gives one (or no memory). */
char *result_default_dir(const char *xdg_data_home, const char *home);

/* The JSON record of a finished session (or an interrupted one, see
 * result_info.interrupted). */
char *result_record_json(const debrief *d, const result_info *info,
                         diag_list *diags);
/* Reads a record from memory (name is used in diagnostics). Returns NULL,
 * with an error naming the problem, for anything that is not a readable
 * record of a format version this build knows. */
result_record *result_record_parse(const char *text, size_t size,
                                   const char *name, diag_list *diags);
/* Same from a file; refuses what is not a regular file or is larger than
 * RESULT_MAX_FILE_BYTES. */
result_record *result_record_load_file(const char *path, diag_list *diags);
void result_record_free(result_record *r);

/* The debrief as a self-contained, printable HTML page (UTF-8). */
char *result_report_html(const debrief *d, const result_info *info,
                         diag_list *diags);

/* The session as a JSON array of xAPI 1.0.3 statements. */
char *result_xapi_json(const debrief *d, const result_info *info,
                       diag_list *diags);

/* Name-based UUID (RFC 4122 version 5, SHA-1) of name in namespace ns,
 * written as 36 characters plus NUL to out. Statement ids use it. */
void result_uuid_v5(const unsigned char ns[16], const char *name,
                    char out[37]);

/* File I/O used by result_save. Tests pass hooks to make a call fail
 * (a full disk, a read-only folder); a NULL io or NULL member means the
 * real POSIX call. Hooks set errno when they fail. */
typedef struct {
    void *ctx;
    int (*mkstemp)(void *ctx, char *template_path);
    ssize_t (*write)(void *ctx, int fd, const void *buf, size_t count);
    int (*fsync)(void *ctx, int fd);
    int (*link)(void *ctx, const char *from, const char *to);
} result_io;

typedef enum {
    RESULT_FILE_JSON, /* .json, the record */
    RESULT_FILE_HTML, /* .html, the report */
    RESULT_FILE_XAPI, /* .xapi.json, the statements */
    RESULT_FILE_COUNT
} result_file;

typedef struct {
    char *path[RESULT_FILE_COUNT]; /* dir/name of each file saved */
} result_paths;

void result_paths_clear(result_paths *paths);

/* Saves the record, the report and the statements in dir (created with
 * its parents if missing) as
 *   YYYYmmdd-HHMMSS-TRAINEE-SCENARIO-NN.json / .html / .xapi.json
 * (start time in UTC; TRAINEE and SCENARIO slugged to a-z, 0-9 and '-';
 * NN the smallest counter from 01 for which none of the three names
 * exists). Each file is written to a temporary file in dir, synced, then
 * linked to its final name, so a file appears complete or not at all and
 * no existing file is ever overwritten. Returns 0 and fills saved (may be
 * NULL), or -1 with an error "cannot save results in DIR: REASON"; then
 * nothing is left behind in dir (no partial, no temporary file). io may be
 * NULL. */
int result_save(const char *dir, const debrief *d, const result_info *info,
                const result_io *io, result_paths *saved, diag_list *diags);

/* ---------- one record per call ----------
 * A call is identified by its scenario id and version, its trainee and its
 * start in milliseconds: result_call_id is the name-based UUID of these
 * (the same as the registration of its xAPI statements), so a record
 * read back gives the id of the call it records (result_record_call_id).
 * A program stopped after saving a call and before removing its journal
 * leaves both: recovery finds the record (result_find_call) and does not
 * save the call again (result_save_once), and a class report counts each
 * call once (the better record: complete first, then more turns, then
 * the later end; result_record_better). */
void result_call_id(const char *scenario_id, const char *scenario_version,
                    const char *trainee, int64_t started_ms, char out[37]);
void result_record_call_id(const result_record *r, char out[37]);
/* True when a is a better record of its call than b (b may be NULL). */
bool result_record_better(const result_record *a, const result_record *b);

/* The best record of the call saved in dir under the names result_save
 * gives it, with its path in *path (malloc'd; may be NULL), or NULL when
 * there is none. A file of such a name that is not a record is passed
 * over; one that cannot be read (an I/O error), or a folder that cannot
 * be listed, sets *failed (may be NULL) with an error: the call may be
 * saved there. Freed with result_record_free. */
result_record *result_find_call(const char *dir, const char *scenario_id,
                                const char *scenario_version,
                                const char *trainee, int64_t started_ms,
                                char **path, bool *failed, diag_list *diags);

/* As result_save, unless dir already holds a record of the call that is
 * complete, or (for an unfinished call) holds at least its turns: then
 * nothing is written, *already (may be NULL) is set and saved names the
 * files of that record. -1 with an error, and nothing written, when a
 * file that may hold the call cannot be read (see result_find_call). */
int result_save_once(const char *dir, const debrief *d,
                     const result_info *info, const result_io *io,
                     result_paths *saved, bool *already, diag_list *diags);

const char *result_feedback_mode_name(result_feedback_mode mode);
/* "complete" or "incomplete". */
const char *result_status_name(bool complete);

#endif
