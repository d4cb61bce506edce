/* trainee.c — the rule for a trainee's name (see trainee.h). */
#include "trainee.h"

#include <stdint.h>
#include <string.h>

#include "visible.h"

trainee_status trainee_check(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0) {
        return TRAINEE_EMPTY;
    }
    size_t i = 0;
    while (i < n) {
        uint32_t cp = 0;
        size_t k = visible_decode(name + i, n - i, &cp);
        if (k == 0) {
            return TRAINEE_BAD_UTF8;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            return TRAINEE_CONTROL;
        }
        i += k;
    }
    if (visible_is_blank(name)) {
        return TRAINEE_INVISIBLE;
    }
    return n > TRAINEE_MAX_BYTES ? TRAINEE_TOO_LONG : TRAINEE_OK;
}

const char *trainee_problem(trainee_status status)
{
    switch (status) {
    case TRAINEE_OK:
        return "it is a valid name";
    case TRAINEE_EMPTY:
        return "it is empty";
    case TRAINEE_TOO_LONG:
        return "it is too long";
    case TRAINEE_BAD_UTF8:
        return "it is not valid UTF-8 text";
    case TRAINEE_CONTROL:
        return "it has a line break, a tab or another control character";
    case TRAINEE_INVISIBLE:
        return "it shows nothing: only spaces or invisible characters "
               "(such as U+00A0 or U+200B)";
    }
    return "it is not a valid name";
}

const char *trainee_rule(void)
{
    return "a trainee's name is one line of UTF-8 text, up to 60 bytes, "
           "with at least one visible character";
}

size_t trainee_cut(const char *name, size_t max)
{
    size_t n = strlen(name);
    if (n <= max) {
        return n;
    }
    n = max;
    while (n > 0 && ((unsigned char)name[n] & 0xC0u) == 0x80u) {
        n--;
    }
    return n;
}
