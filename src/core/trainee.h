/* trainee.h — the one rule for a trainee's name, wherever it comes from
 * (`rapport play --name`, `rapport run --trainee`, the game's name field,
 * settings.json), and the one message that states it.
 *
 * A name is 1 to TRAINEE_MAX_BYTES bytes of valid UTF-8 on one line (no
 * control characters: no newline, no tab) with at least one visible
 * character (not only spaces, U+00A0 no-break spaces or U+200B
 * zero-width spaces; see visible.h). No name at all means "anonymous";
 * a name that breaks the rule is refused with trainee_rule(), never
 * replaced silently.
 *
 * Pure functions; nothing is allocated.
 */
#ifndef RAPPORT_TRAINEE_H
#define RAPPORT_TRAINEE_H

#include <stddef.h>

/* The longest name, in bytes of UTF-8 (60 one-byte characters; fewer
 * when accented or in another script). The game's name field holds it. */
#define TRAINEE_MAX_BYTES 60

typedef enum {
    TRAINEE_OK,
    TRAINEE_EMPTY,     /* NULL or "" */
    TRAINEE_TOO_LONG,  /* over TRAINEE_MAX_BYTES (see trainee_cut) */
    TRAINEE_BAD_UTF8,  /* not valid UTF-8 */
    TRAINEE_CONTROL,   /* a newline, tab or other control character */
    TRAINEE_INVISIBLE, /* only spaces or invisible characters */
} trainee_status;

trainee_status trainee_check(const char *name);

/* What is wrong, in plain words ("it has a line break"), for a status
 * other than TRAINEE_OK. */
const char *trainee_problem(trainee_status status);

/* The rule, in plain words, for messages. */
const char *trainee_rule(void);

/* The length of the longest start of name that is at most max bytes and
 * ends at a character boundary (never inside a UTF-8 character). */
size_t trainee_cut(const char *name, size_t max);

#endif
