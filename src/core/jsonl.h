/* jsonl.h — JSON Lines files that survive a crash: the shared writing and
 * reading of Rapport's journals (journal.c for a call, class_journal.c for
 * a class session).
 *
 * Writing: each record is one JSON object on one line, written whole and
 * synced before the call returns; when a write or sync fails, what was
 * written of the line is cut off again, so the file always ends with a
 * whole line. I/O goes through result_io hooks when given (tests make
 * calls fail), else through POSIX.
 *
 * Reading: jsonl_next walks a buffer line by line; a last line without its
 * newline is reported as torn (the program stopped while writing it). The
 * field readers (jsonl_string, jsonl_int, jsonl_bool) report the first
 * problem of a line as an error at the file's path and line, and then stay
 * quiet for the rest of that line.
 *
 * Ownership: jsonl_write_json takes (deletes) the object it is given;
 * jsonl_string returns a copy the caller frees. No function keeps a
 * pointer to its arguments. */
#ifndef RAPPORT_JSONL_H
#define RAPPORT_JSONL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "diag.h"
#include "result.h"

/* An open JSON Lines file: the caller owns (and closes) fd. */
typedef struct {
    int fd;
    off_t bytes;         /* what the file holds: whole lines only */
    const result_io *io; /* hooks, or NULL for POSIX */
} jsonl_file;

/* Writes n bytes of line (which ends with its newline) and syncs them.
 * 0, or -1 with errno set and the file as it was before. */
int jsonl_write_line(jsonl_file *f, const char *line, size_t n);

/* Prints obj on one line and writes it as jsonl_write_line does; obj is
 * deleted in every case. ok false (a member could not be added) fails
 * with ENOMEM, as does running out of memory. 0 or -1 with errno. */
int jsonl_write_json(jsonl_file *f, cJSON *obj, bool ok);

/* Reading a buffer line by line. */
typedef struct {
    const char *path; /* for messages */
    diag_list *diags;
    int line;    /* 1-based number of the line being read */
    bool failed; /* this line had a problem (reported) */
} jsonl_reader;

typedef enum {
    JSONL_END,        /* no more lines */
    JSONL_OBJECT,     /* *obj is the line's object: jsonl_next's caller
                         deletes it */
    JSONL_NOT_OBJECT, /* the line is not one JSON object (not reported) */
    JSONL_TORN        /* the last line has no newline (not reported) */
} jsonl_step;

/* Reads the line at *at of buf (size bytes), counts it in r->line, clears
 * r->failed and moves *at past it. */
jsonl_step jsonl_next(jsonl_reader *r, const char *buf, size_t size,
                      size_t *at, cJSON **obj);

/* Reports a problem with the current line, once per line. */
void jsonl_error(jsonl_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* o's member key, or NULL when o is not an object or has no such member. */
const cJSON *jsonl_item(const cJSON *o, const char *key);

/* A copy of the UTF-8 string member key; NULL (reported) when it is
 * missing, not a string or not UTF-8, or when the line already failed. */
char *jsonl_string(jsonl_reader *r, const cJSON *o, const char *key);

/* The whole-number member key within min..max; min (reported) otherwise,
 * or when the line already failed. */
int64_t jsonl_int(jsonl_reader *r, const cJSON *o, const char *key,
                  int64_t min, int64_t max);

/* The true/false member key; false (reported) when it is neither. */
bool jsonl_bool(jsonl_reader *r, const cJSON *o, const char *key);

#endif
