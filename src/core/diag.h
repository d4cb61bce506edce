/* diag.h — diagnostics: compiler-style messages about a file.
 *
 * A diag_list collects errors and warnings (PATH:LINE:COL: error: message)
 * so that a loader can report every problem of a file in one run, and the
 * caller (only main) decides what to print and whether to exit.
 *
 * Language: diag_add()'s format is the message's key in the catalogue
 * (i18n.h): the entry holds its translation in the user's language, so
 * callers pass the English literal itself (the pot target extracts the
 * formats of diag_add and of the reporting functions that forward to
 * diag_addv: po/pot.cmake lists them). A message built elsewhere and
 * passed as "%s" must have been translated by its builder.
 *
 * Ownership: diag_list_new() returns a list the caller frees with
 * diag_list_free() (NULL is accepted). diag_add() copies the path and the
 * formatted message; entries returned by diag_get() belong to the list and
 * stay valid until the list is freed or cleared.
 */
#ifndef RAPPORT_DIAG_H
#define RAPPORT_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef enum { DIAG_WARNING, DIAG_ERROR } diag_severity;

typedef struct {
    diag_severity severity;
    char *path;    /* file the message is about */
    int line;      /* 1-based; 0 when the message is about the whole file */
    int col;       /* 1-based; 0 when unknown */
    char *message; /* one line, no trailing newline */
} diag_entry;

typedef struct diag_list diag_list;

/* Most entries kept per list; past it one "too many problems" entry (of the
 * overflowing entry's severity, not counted) is added and further entries
 * are counted but dropped (random bytes can otherwise produce thousands of
 * messages). */
#define DIAG_MAX_ENTRIES 200

diag_list *diag_list_new(void);
void diag_list_free(diag_list *list);
void diag_list_clear(diag_list *list);

/* Adds a message. Never fails visibly: if memory runs out the entry is
 * counted but not stored, so error counts stay right. */
void diag_add(diag_list *list, diag_severity severity, const char *path,
              int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void diag_addv(diag_list *list, diag_severity severity, const char *path,
               int line, int col, const char *fmt, va_list ap);

/* diag_add() for a message whose words depend on a count n: one and many
 * are the English formats for one and for other counts (the catalogue
 * picks the user's language's form for n). */
void diag_addn(diag_list *list, diag_severity severity, const char *path,
               int line, int col, unsigned long n, const char *one,
               const char *many, ...) __attribute__((format(printf, 8, 9)));

size_t diag_count(const diag_list *list);
const diag_entry *diag_get(const diag_list *list, size_t index);
size_t diag_error_count(const diag_list *list);
size_t diag_warning_count(const diag_list *list);

/* Sorts entries by file (in order of first appearance), then line, then
 * column; entries on the same position keep their order. */
void diag_sort(diag_list *list);

/* Edit distance (insertions, deletions, substitutions) between two short
 * words; 99 when either is longer than 64 bytes. */
size_t diag_distance(const char *a, const char *b);
/* The candidate closest to a misspelt word (at most 2 edits, and fewer
 * edits than the word has characters), for "did you mean" hints; NULL when
 * none is close or the word is one of them. */
const char *diag_suggest(const char *word, const char *const *candidates,
                         size_t count);

/* Writes every entry as "PATH:LINE:COL: error: message\n" (":COL" or
 * ":LINE:COL" omitted when unknown). */
void diag_print(const diag_list *list, FILE *out);

#endif
