/* test_blank.c — text that shows nothing is refused where it is written
 * (a <say>, <line>, <title>, an ending's title, the customer's name made
 * only of spaces, U+00A0 or U+200B), the schema's length messages are in
 * plain words, and the one rule for a trainee's name (trainee.h). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "scenario.h"
#include "trainee.h"
#include "visible.h"

#define NBSP "\xC2\xA0"
#define ZWSP "\xE2\x80\x8B"

/* A scenario whose parts are given: title, customer name, <line>,
 * <say>, ending title attribute ("" leaves it out). Line numbers: title
 * on 3, customer on 4, line and say on 6, ending on 8. */
static char *blank_scenario(const char *title, const char *name,
                            const char *line, const char *say,
                            const char *ending_title)
{
    static const char fmt[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<scenario xmlns=\"urn:rapport:scenario:1\" id=\"b\">\n"
        "  <title>%s</title>\n"
        "  <customer name=\"%s\"/>\n"
        "  <node id=\"n1\">\n"
        "    <line>%s</line><choice next=\"e1\"><say>%s</say></choice>\n"
        "  </node>\n"
        "  <ending id=\"e1\" outcome=\"resolved\"%s%s%s/>\n"
        "</scenario>\n";
    size_t n = sizeof fmt + strlen(title) + strlen(name) + strlen(line) +
               strlen(say) + strlen(ending_title) + 16;
    char *s = malloc(n);
    if (s) {
        snprintf(s, n, fmt, title, name, line, say,
                 ending_title[0] ? " title=\"" : "", ending_title,
                 ending_title[0] ? "\"" : "");
    }
    return s;
}

/* Loads text; returns the only error's "LINE:COL message", or "" when
 * there is no error, or "several" when there is more than one. */
static void blank_load(const char *text, char *out, size_t size)
{
    diag_list *diags = diag_list_new();
    scenario *sc =
        scenario_load_memory(text, strlen(text), "blank.xml", diags);
    size_t errors = 0;
    out[0] = '\0';
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag_entry *e = diag_get(diags, i);
        if (e->severity == DIAG_ERROR) {
            errors++;
            snprintf(out, size, "%d:%d %s", e->line, e->col, e->message);
        }
    }
    if (errors > 1) {
        snprintf(out, size, "several");
    }
    scenario_free(sc);
    diag_list_free(diags);
}

static void test_blank_refused(void)
{
    static const struct {
        const char *title, *name, *line, *say, *ending;
        const char *where; /* "LINE:COL " of the error, NULL: valid */
        const char *words;
    } cases[] = {
        {"T", "C", "Hi", "Hello", "", NULL, NULL},
        {"T", "C", "Hi", "   ", "", "6:38 ", "<say> is blank"},
        {"T", "C", "Hi", NBSP ZWSP " " NBSP, "", "6:38 ", "<say> is blank"},
        {"T", "C", "\n  \t ", "Hello", "", "6:5 ", "<line> is blank"},
        {"T", "C", ZWSP, "Hello", "", "6:5 ", "<line> is blank"},
        {" ", "C", "Hi", "Hello", "", "3:3 ", "<title> is blank"},
        {NBSP, "C", "Hi", "Hello", "", "3:3 ", "<title> is blank"},
        {"T", " " NBSP, "Hi", "Hello", "", "4:13 ",
         "the customer's name is blank"},
        {"T", ZWSP, "Hi", "Hello", "", "4:13 ",
         "the customer's name is blank"},
        {"T", "C", "Hi", "Hello", ZWSP " ", "8:38 ",
         "the ending's title is blank"},
        {"T", "C", "Hi", "", "", "6:38 ", "<say> is empty: write the words"},
        {"T", "C", "Hi", NBSP "ok", "", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text =
            blank_scenario(cases[i].title, cases[i].name, cases[i].line,
                           cases[i].say, cases[i].ending);
        char got[512];
        blank_load(text, got, sizeof got);
        if (!cases[i].where) {
            CHECK_STR(got, "");
        } else {
            CHECK(strncmp(got, cases[i].where, strlen(cases[i].where)) == 0);
            CHECK_CONTAINS(got, cases[i].words);
            if (strncmp(got, cases[i].where, strlen(cases[i].where)) != 0) {
                fprintf(stderr, "  case %zu: %s\n", i, got);
            }
        }
        free(text);
    }
}

static void test_plain_words(void)
{
    char *text = blank_scenario("T", "C", "Hi", "Hello", "");
    char *at = strstr(text, " outcome=\"resolved\"");
    memmove(at, at + 19, strlen(at + 19) + 1);
    char got[512];
    blank_load(text, got, sizeof got);
    CHECK_CONTAINS(got, "<ending> needs the attribute 'outcome', one of: "
                        "resolved,");
    free(text);
    char *long_say = malloc(4102);
    memset(long_say, 'x', 4101);
    long_say[4101] = '\0';
    text = blank_scenario("T", "C", "Hi", long_say, "");
    blank_load(text, got, sizeof got);
    CHECK_CONTAINS(got, "<say> is too long: 4101 characters, and at most "
                        "4000");
    free(text);
    free(long_say);
}

static void test_visible(void)
{
    CHECK(visible_is_blank(NULL));
    CHECK(visible_is_blank(""));
    CHECK(visible_is_blank(" \t\n"));
    CHECK(visible_is_blank(NBSP ZWSP "\xE2\x81\xA0"
                                     "\xEF\xBB\xBF"));
    CHECK(!visible_is_blank("a"));
    CHECK(!visible_is_blank(NBSP "\xC3\xA9"));
    CHECK(!visible_is_blank("\xC3")); /* invalid: not called blank */
}

static void test_trainee_rule(void)
{
    CHECK_INT(trainee_check("Ana Lima"), TRAINEE_OK);
    CHECK_INT(trainee_check("Zo\xC3\xAB"), TRAINEE_OK);
    CHECK_INT(trainee_check(""), TRAINEE_EMPTY);
    CHECK_INT(trainee_check(NULL), TRAINEE_EMPTY);
    CHECK_INT(trainee_check("Ana\nLima"), TRAINEE_CONTROL);
    CHECK_INT(trainee_check("Ana\tLima"), TRAINEE_CONTROL);
    CHECK_INT(trainee_check("Ana \xC2\x85"), TRAINEE_CONTROL); /* NEL */
    CHECK_INT(trainee_check("Ana \xFF"), TRAINEE_BAD_UTF8);
    CHECK_INT(trainee_check("Ana \xC3"), TRAINEE_BAD_UTF8);
    CHECK_INT(trainee_check("\xC0\xA0"), TRAINEE_BAD_UTF8); /* overlong */
    CHECK_INT(trainee_check(ZWSP), TRAINEE_INVISIBLE);
    CHECK_INT(trainee_check(NBSP NBSP), TRAINEE_INVISIBLE);
    CHECK_INT(trainee_check("   "), TRAINEE_INVISIBLE);
    /* 59 ASCII bytes then "é": 61 bytes; cut at 60 would split the é */
    char name[80];
    memset(name, 'a', 59);
    memcpy(name + 59, "\xC3\xA9", 3);
    CHECK_INT(trainee_check(name), TRAINEE_TOO_LONG);
    CHECK_INT(trainee_cut(name, TRAINEE_MAX_BYTES), 59);
    CHECK_INT(trainee_cut("abc", TRAINEE_MAX_BYTES), 3);
    CHECK(strstr(trainee_rule(), "visible") != NULL);
    CHECK(strstr(trainee_problem(TRAINEE_INVISIBLE), "U+200B") != NULL);
}

int main(void)
{
    test_blank_refused();
    test_plain_words();
    test_visible();
    test_trainee_rule();
    return check_done("test_blank");
}
