/* class_cheatsheet.h — the facilitator's one-page cheat sheet for
 * classroom mode, from one table (the flow of a turn and the keys): as a
 * printable HTML page (libxml2) and as plain text. `rapport class
 * --cheatsheet` prints it; the "Running a class" sections of README.md
 * and scenarios/README.md quote the text form, and a test checks that
 * they still do.
 *
 * Ownership: class_cheatsheet_html returns a malloc'd string (free()). */
#ifndef RAPPORT_CLASS_CHEATSHEET_H
#define RAPPORT_CLASS_CHEATSHEET_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

typedef struct {
    const char *section; /* a heading, or NULL to continue the last one */
    const char *keys;    /* what to press ("PageDown / Next") */
    const char *does;    /* what it does */
} class_cheat;

/* The rows, in order; *count gets their number. */
const class_cheat *class_cheatsheet_rows(size_t *count);
/* The cheat sheet as a self-contained HTML page; NULL on no memory. */
char *class_cheatsheet_html(diag_list *diags);
/* The same as text: "#### section" lines, then "KEYS | DOES" rows. 0, or -1
 * on a write error. */
int class_cheatsheet_write_text(FILE *out);

#endif
