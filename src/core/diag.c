#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

struct diag_list {
    diag_entry *entries;
    size_t count;
    size_t capacity;
    size_t errors;
    size_t warnings;
    int overflowed;
};

diag_list *diag_list_new(void) { return calloc(1, sizeof(diag_list)); }

void diag_list_clear(diag_list *list)
{
    if (!list) {
        return;
    }
    for (size_t i = 0; i < list->count; i++) {
        free(list->entries[i].path);
        free(list->entries[i].message);
    }
    list->count = 0;
    list->errors = 0;
    list->warnings = 0;
    list->overflowed = 0;
}

void diag_list_free(diag_list *list)
{
    if (!list) {
        return;
    }
    diag_list_clear(list);
    free(list->entries);
    free(list);
}

static char *diag_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy) {
        memcpy(copy, s, n);
    }
    return copy;
}

static void diag_store(diag_list *list, diag_severity severity,
                       const char *path, int line, int col, char *message)
{
    if (list->count == list->capacity) {
        size_t cap = list->capacity ? list->capacity * 2 : 16;
        diag_entry *grown = realloc(list->entries, cap * sizeof(*grown));
        if (!grown) {
            free(message);
            return;
        }
        list->entries = grown;
        list->capacity = cap;
    }
    char *path_copy = diag_strdup(path ? path : "");
    if (!path_copy) {
        free(message);
        return;
    }
    /* Messages are single lines: fold any newline a library put in. */
    for (char *p = message; *p; p++) {
        if (*p == '\n' || *p == '\r') {
            *p = ' ';
        }
    }
    size_t len = strlen(message);
    while (len > 0 && message[len - 1] == ' ') {
        message[--len] = '\0';
    }
    diag_entry *e = &list->entries[list->count++];
    e->severity = severity;
    e->path = path_copy;
    e->line = line;
    e->col = col;
    e->message = message;
}

/* Adds a message whose format is already in the user's language. */
static void diag_add_translated(diag_list *list, diag_severity severity,
                                const char *path, int line, int col,
                                const char *fmt, va_list ap)
{
    if (!list) {
        return;
    }
    if (severity == DIAG_ERROR) {
        list->errors++;
    } else {
        list->warnings++;
    }
    if (list->count >= DIAG_MAX_ENTRIES) {
        if (!list->overflowed) {
            list->overflowed = 1;
            char *msg = diag_strdup(
                _("too many problems; stopping here (fix these first)"));
            if (msg) {
                /* same severity as what overflowed: a file with only
                 * warnings must not show an error line */
                diag_store(list, severity, path, 0, 0, msg);
            }
        }
        return;
    }
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0) {
        return;
    }
    char *message = malloc((size_t)n + 1);
    if (!message) {
        return;
    }
    vsnprintf(message, (size_t)n + 1, fmt, ap);
    diag_store(list, severity, path, line, col, message);
}

void diag_addv(diag_list *list, diag_severity severity, const char *path,
               int line, int col, const char *fmt, va_list ap)
{
    /* the format is the catalogue's key (diag.h) */
    diag_add_translated(list, severity, path, line, col, fmt[0] ? _(fmt) : fmt,
                        ap);
}

void diag_addn(diag_list *list, diag_severity severity, const char *path,
               int line, int col, unsigned long n, const char *one,
               const char *many, ...)
{
    va_list ap;
    va_start(ap, many);
    diag_add_translated(list, severity, path, line, col, P_(one, many, n), ap);
    va_end(ap);
}

void diag_add(diag_list *list, diag_severity severity, const char *path,
              int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(list, severity, path, line, col, fmt, ap);
    va_end(ap);
}

size_t diag_count(const diag_list *list) { return list ? list->count : 0; }

const diag_entry *diag_get(const diag_list *list, size_t index)
{
    if (!list || index >= list->count) {
        return NULL;
    }
    return &list->entries[index];
}

size_t diag_error_count(const diag_list *list)
{
    return list ? list->errors : 0;
}

size_t diag_warning_count(const diag_list *list)
{
    return list ? list->warnings : 0;
}

/* Rank of an entry's file: index of the first entry naming the same path. */
static size_t diag_file_rank(const diag_list *list, const char *path)
{
    for (size_t i = 0; i < list->count; i++) {
        if (strcmp(list->entries[i].path, path) == 0) {
            return i;
        }
    }
    return list->count;
}

void diag_sort(diag_list *list)
{
    if (!list || list->count < 2) {
        return;
    }
    /* Insertion sort: stable, and lists are short (capped). File ranks are
     * computed once up front so moving entries does not change them. */
    size_t *rank = malloc(list->count * sizeof(*rank));
    if (!rank) {
        return;
    }
    for (size_t i = 0; i < list->count; i++) {
        rank[i] = diag_file_rank(list, list->entries[i].path);
    }
    for (size_t i = 1; i < list->count; i++) {
        diag_entry e = list->entries[i];
        size_t r = rank[i];
        size_t j = i;
        while (j > 0) {
            const diag_entry *p = &list->entries[j - 1];
            int before =
                rank[j - 1] > r ||
                (rank[j - 1] == r &&
                 (p->line > e.line || (p->line == e.line && p->col > e.col)));
            if (!before) {
                break;
            }
            list->entries[j] = list->entries[j - 1];
            rank[j] = rank[j - 1];
            j--;
        }
        list->entries[j] = e;
        rank[j] = r;
    }
    free(rank);
}

void diag_print(const diag_list *list, FILE *out)
{
    if (!list) {
        return;
    }
    for (size_t i = 0; i < list->count; i++) {
        const diag_entry *e = &list->entries[i];
        const char *kind = e->severity == DIAG_ERROR ? "error" : "warning";
        if (e->line > 0 && e->col > 0) {
            fprintf(out, "%s:%d:%d: %s: %s\n", e->path, e->line, e->col, kind,
                    e->message);
        } else if (e->line > 0) {
            fprintf(out, "%s:%d: %s: %s\n", e->path, e->line, kind,
                    e->message);
        } else {
            fprintf(out, "%s: %s: %s\n", e->path, kind, e->message);
        }
    }
}

size_t diag_distance(const char *a, const char *b)
{
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la > 64 || lb > 64) {
        return 99;
    }
    size_t prev[65];
    size_t cur[65];
    for (size_t j = 0; j <= lb; j++) {
        prev[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1;
            size_t ins = cur[j - 1] + 1;
            cur[j] =
                sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, (lb + 1) * sizeof(size_t));
    }
    return prev[lb];
}

const char *diag_suggest(const char *word, const char *const *candidates,
                         size_t count)
{
    const char *best = NULL;
    size_t best_d = 3;
    size_t len = strlen(word);
    for (size_t i = 0; i < count; i++) {
        if (!candidates[i]) {
            continue;
        }
        size_t d = diag_distance(word, candidates[i]);
        if (d == 0) {
            return NULL;
        }
        if (d < best_d && d < len) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}
