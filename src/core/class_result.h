/* class_result.h — what is kept of a class session: a JSON record, a
 * printable HTML page and xAPI 1.0.3 statements, saved side by side in
 * the results folder like a single call's result (result.h), and the
 * record read back for `rapport report`.
 *
 * Files: RESULTS/YYYYmmdd-HHMMSS-class-SCENARIO-NN.class.json,
 * .class.html and .class.xapi.json ("teams" instead of "class" in teams
 * mode), written atomically by the same code as result_save: each file
 * appears complete or not at all, and none is ever replaced.
 *
 * Record (class_result_json): "format": "rapport-class-result",
 * "format_version": 1; status ("complete", or "incomplete" for a class
 * session saved before its ending), scenario {id, version, title}, start
 * and end (ISO 8601 UTC), duration_ms, settings {mode ("whole" or
 * "teams"), scoreboard, relaxed_timing (always true), discussion_ms,
 * seed}, teams (names, in order; [] in whole-class mode), turns (per
 * turn: node, customer, the options with their letter, index, text and
 * votes per source and per team, the call (letter and index), picked,
 * split, better (the better option's letter, or null when the call was
 * as good), mood before and after, and in teams mode each team's
 * choice), scores {class, teams: [{team, ...}]} (each empathy, honesty,
 * promptness, overall, band, passed), pass_mark, outcome and ending
 * (null while incomplete). No person is named: the groups are "the
 * class" and the teams as the facilitator named them.
 *
 * xAPI (class_result_xapi): the actor of every statement is a Group (the
 * class, or a team) identified by an account on RESULT_XAPI_HOMEPAGE
 * whose name is a name-based UUID of the session and the group, never a
 * person. Per turn, "responded" by the class (the call, with the vote
 * split in extensions) and in teams mode by every team (its own choice);
 * then per group "completed" and "passed" or "failed" with its scores,
 * or "terminated" for an incomplete session.
 *
 * The core reads no clock: the caller gives the start and end times. The
 * same class session and info always give the same bytes.
 *
 * Ownership: generators return malloc'd strings (free()). The record read
 * back is freed with class_record_free (NULL accepted). Errors: NULL or -1
 * with an error in diags (may be NULL); nothing is printed.
 */
#ifndef RAPPORT_CLASS_RESULT_H
#define RAPPORT_CLASS_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "class.h"
#include "diag.h"
#include "result.h"

#define CLASS_RESULT_FORMAT "rapport-class-result"
#define CLASS_RESULT_FORMAT_VERSION 1
#define CLASS_RESULT_EXT_JSON ".class.json"
#define CLASS_RESULT_EXT_HTML ".class.html"
#define CLASS_RESULT_EXT_XAPI ".class.xapi.json"

typedef struct {
    int64_t started_ms; /* wall clock, ms since 1970 */
    int64_t ended_ms;   /* >= started_ms */
    /* Save a class session that has not reached its ending (recovered
     * from a journal) as incomplete; without it only finished ones. */
    bool interrupted;
} class_result_info;

char *class_result_json(const class_session *c, const class_result_info *info,
                        diag_list *diags);
char *class_result_html(const class_session *c, const class_result_info *info,
                        diag_list *diags);
char *class_result_xapi(const class_session *c, const class_result_info *info,
                        diag_list *diags);
/* The three files in dir (created if missing). 0 and saved filled (may be
 * NULL; release with result_paths_clear), or -1 with an error. */
int class_result_save(const char *dir, const class_session *c,
                      const class_result_info *info, const result_io *io,
                      result_paths *saved, diag_list *diags);

/* As class_result_save, unless dir already holds a record of this
 * session (the same scenario id and version, mode and start) that is
 * complete or holds at least its turns: then nothing is written, *already
 * (may be NULL) is set and saved names that record's files. A program
 * stopped after saving a session and before removing its journal leaves
 * both; resuming that journal must not save the session twice. -1 with
 * an error, and nothing written, when a class record in dir cannot be
 * read (an I/O error: it may be this session's). */
int class_result_save_once(const char *dir, const class_session *c,
                           const class_result_info *info, const result_io *io,
                           result_paths *saved, bool *already,
                           diag_list *diags);

/* One group's scores in a record read back. */
typedef struct {
    char *name; /* "class", or the team's name */
    int dim[SCENARIO_DIM_COUNT];
    int overall;
    bool passed;
} class_record_group;

typedef struct {
    bool complete;
    char *scenario_id;
    char *scenario_version;
    char *scenario_title;
    int64_t started_ms;
    int64_t ended_ms;
    class_mode mode;
    size_t turn_count;
    size_t split_turns; /* turns where the room (or the teams) disagreed */
    bool has_outcome;
    scenario_outcome outcome;
    int pass_mark;
    class_record_group groups[CLASS_MAX_TEAMS + 1]; /* the class first */
    size_t group_count;
} class_record;

/* True when a file name is a class record's (ends in .class.json). */
bool class_record_is_name(const char *name);
class_record *class_record_parse(const char *text, size_t size,
                                 const char *name, diag_list *diags);
class_record *class_record_load_file(const char *path, diag_list *diags);
void class_record_free(class_record *r);

#endif
