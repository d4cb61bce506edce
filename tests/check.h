/* check.h — the smallest test harness that does the job: CHECK macros that
 * count and report failures with file and line, and a summary line
 * "N passed, N failed" that ctest and CI read. Each test program includes
 * it once, calls its test functions from main and returns check_done(). */
#ifndef RAPPORT_CHECK_H
#define RAPPORT_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed;
static int check_failed;

#define CHECK(cond)                                                           \
    do {                                                                      \
        if (cond) {                                                           \
            check_passed++;                                                   \
        } else {                                                              \
            check_failed++;                                                   \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,  \
                    #cond);                                                   \
        }                                                                     \
    } while (0)

#define CHECK_INT(actual, expected)                                           \
    do {                                                                      \
        long long check_a = (long long)(actual);                              \
        long long check_e = (long long)(expected);                            \
        if (check_a == check_e) {                                             \
            check_passed++;                                                   \
        } else {                                                              \
            check_failed++;                                                   \
            fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__,   \
                    __LINE__, #actual, check_a, check_e);                     \
        }                                                                     \
    } while (0)

#define CHECK_STR(actual, expected)                                           \
    do {                                                                      \
        const char *check_a = (actual);                                       \
        const char *check_e = (expected);                                     \
        if (check_a && check_e && strcmp(check_a, check_e) == 0) {            \
            check_passed++;                                                   \
        } else {                                                              \
            check_failed++;                                                   \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n",         \
                    __FILE__, __LINE__, #actual,                              \
                    check_a ? check_a : "(null)",                             \
                    check_e ? check_e : "(null)");                            \
        }                                                                     \
    } while (0)

#define CHECK_CONTAINS(haystack, needle)                                      \
    do {                                                                      \
        const char *check_h = (haystack);                                     \
        const char *check_n = (needle);                                       \
        if (check_h && strstr(check_h, check_n)) {                            \
            check_passed++;                                                   \
        } else {                                                              \
            check_failed++;                                                   \
            fprintf(stderr, "%s:%d: \"%s\" not found in %s:\n%s\n", __FILE__, \
                    __LINE__, check_n, #haystack,                             \
                    check_h ? check_h : "(null)");                            \
        }                                                                     \
    } while (0)

static inline int check_done(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
