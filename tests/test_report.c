/* Unit tests of the class report: the formula guard, CSV rows (order,
 * quoting, incomplete attempts) and the HTML page (averages, weak
 * choices, the best option marked, escaping). */
#define _POSIX_C_SOURCE 200809L
#include <libxml/HTMLparser.h>
#include <stdlib.h>

#include "check.h"
#include "debrief.h"
#include "report.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

#define TEST_START_MS INT64_C(1700000000000)

static scenario *test_load(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", RAPPORT_TEST_DATA, name);
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_file(path, diags);
    if (!sc) {
        diag_print(diags, stderr);
        exit(1);
    }
    diag_list_free(diags);
    return sc;
}

/* A record of tiny played with positions pos (0-based), read back. */
static result_record *test_record(const scenario *sc, const char *trainee,
                                  int64_t start_offset_ms, const size_t *pos,
                                  size_t n)
{
    session *s = session_new(sc, NULL);
    for (size_t i = 0; i < n; i++) {
        session_choose(s, pos[i], 5000);
    }
    debrief *d = debrief_new(s);
    result_info info = {.trainee = trainee,
                        .started_ms = TEST_START_MS + start_offset_ms,
                        .ended_ms = TEST_START_MS + start_offset_ms +
                                    d->total_response_ms,
                        .interrupted = !d->finished};
    char *json = result_record_json(d, &info, NULL);
    result_record *r =
        json ? result_record_parse(json, strlen(json), "t", NULL) : NULL;
    CHECK(r != NULL);
    free(json);
    debrief_free(d);
    session_free(s);
    return r;
}

static void test_cells(void)
{
    struct {
        const char *in;
        const char *out;
    } cases[] = {
        {"Ana", "Ana"},
        {"=1+2", "'=1+2"},
        {"+44 20", "'+44 20"},
        {"-3", "'-3"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\tx", "'\tx"},
        {"\rx", "'\rx"},
        {"a=b", "a=b"},
        {"", ""},
        {"'quoted", "'quoted"},
        /* spreadsheets pass over leading spaces and invisible characters
         * and fold full-width forms (OWASP: whatever reaches a trigger) */
        {" =1+2", "' =1+2"},
        {"  @SUM(A1)", "'  @SUM(A1)"},
        {"\xc2\xa0=1", "'\xc2\xa0=1"},         /* U+00A0 */
        {"\xe2\x80\x8b@x", "'\xe2\x80\x8b@x"}, /* U+200B */
        {"\xef\xbb\xbf+1", "'\xef\xbb\xbf+1"}, /* U+FEFF */
        {"\xef\xbc\x9d"
         "1+2",
         "'\xef\xbc\x9d"
         "1+2"},                             /* U+FF1D ＝ */
        {"\xef\xbc\xa0x", "'\xef\xbc\xa0x"}, /* U+FF20 ＠ */
        {"\xef\xbc\x8b"
         "1",
         "'\xef\xbc\x8b"
         "1"}, /* U+FF0B ＋ */
        {"\xef\xbc\x8d"
         "1",
         "'\xef\xbc\x8d"
         "1"}, /* U+FF0D － */
        {"\xe2\x88\x92"
         "1",
         "'\xe2\x88\x92"
         "1"},                               /* U+2212 − */
        {"\xef\xb9\xa6x", "'\xef\xb9\xa6x"}, /* U+FE66 ﹦ */
        {" \xc2\xa0\xe2\x80\x8b\xef\xbb\xbf\xef\xbc\x9dx",
         "' \xc2\xa0\xe2\x80\x8b\xef\xbb\xbf\xef\xbc\x9dx"},
        {"\xe3\x80\x80-x", "'\xe3\x80\x80-x"}, /* U+3000 */
        {" \t=x", "' \t=x"},
        /* no trigger after the blanks: left as it is */
        {" Ana", " Ana"},
        {"\xc2\xa0"
         "Ana",
         "\xc2\xa0"
         "Ana"},
        {"\xe2\x80\x8b", "\xe2\x80\x8b"},
        {"Ana =x", "Ana =x"},
        {"\xff=x", "\xff=x"}, /* not UTF-8: stops at the bad byte */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *c = report_csv_cell(cases[i].in);
        CHECK_STR(c, cases[i].out);
        free(c);
    }
}

static void test_csv(const scenario *tiny)
{
    report *r = report_new();
    diag_list *diags = diag_list_new();
    size_t best[] = {0, 0};
    size_t weak[] = {1, 1};
    /* added out of order: rows come sorted by date */
    CHECK_INT(report_add(r, test_record(tiny, "=cmd", 60000, weak, 2), diags),
              0);
    CHECK_INT(
        report_add(r, test_record(tiny, "Ana \"A\", B", 0, best, 2), diags),
        0);
    CHECK_INT(report_add(r, test_record(tiny, "Cy", 120000, weak, 1), diags),
              0);
    CHECK_INT(report_count(r), 3);
    char *csv = report_csv(r, diags);
    CHECK_STR(csv,
              "\xef\xbb\xbf\"trainee\",\"scenario\",\"date\",\"empathy\","
              "\"honesty\",\"promptness\",\"overall\",\"outcome\","
              "\"duration\",\"critical_mistakes\"\r\n"
              "\"Ana \"\"A\"\", B\",\"Tiny test scenario\","
              "\"2023-11-14 22:13:20\",\"100\",\"100\",\"50\",\"88\","
              "\"resolved\",\"10.0\",\"0\"\r\n"
              "\"'=cmd\",\"Tiny test scenario\",\"2023-11-14 22:14:20\","
              "\"0\",\"0\",\"50\",\"13\",\"lost\",\"10.0\",\"0\"\r\n"
              "\"Cy\",\"Tiny test scenario\",\"2023-11-14 22:15:20\",\"\","
              "\"\",\"\",\"\",\"incomplete\",\"5.0\",\"0\"\r\n");
    free(csv);

    char *html = report_html(r, diags);
    CHECK(html != NULL);
    CHECK_INT(diag_count(diags), 0);
    htmlDocPtr doc =
        html ? htmlReadMemory(html, (int)strlen(html), "r.html", "UTF-8",
                              HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                  HTML_PARSE_NOWARNING)
             : NULL;
    CHECK(doc != NULL);
    xmlChar *text = doc ? xmlNodeGetContent(xmlDocGetRootElement(doc)) : NULL;
    const char *t = (const char *)text;
    CHECK_CONTAINS(t, "3 sessions of 3 trainees in 1 scenario");
    CHECK_CONTAINS(t, "2 complete, 1 incomplete (interrupted) attempt.");
    CHECK_CONTAINS(t, "2 complete, 1 incomplete, by 3 trainees");
    CHECK_CONTAINS(t, "1 of 2 (50%), pass mark 60");
    CHECK_CONTAINS(t, "resolved 1, partial 0, escalated 0, lost 1");
    /* at 'start' two of three chose the weaker reply */
    CHECK_CONTAINS(t, "At 'start': 2 of 3 (67%) chose a weaker option");
    CHECK_CONTAINS(t, "At 'second': 1 of 2 (50%) chose a weaker option");
    CHECK_CONTAINS(t, "Order number?");
    CHECK_CONTAINS(t, "2 (67%)");
    CHECK_CONTAINS(t, "1 (33%)");
    CHECK_CONTAINS(html, "<tr class=\"best\">\n<td>I'm sorry it's late. Let "
                         "me look right now.</td>");
    CHECK_CONTAINS(t, "\xe2\x98\x85 best");
    CHECK_CONTAINS(t, "Customer: My order is late.");
    xmlFree(text);
    xmlFreeDoc(doc);
    free(html);
    diag_list_free(diags);
    report_free(r);
    report_free(NULL);

    /* an empty report is a header; adding nothing fails cleanly */
    r = report_new();
    csv = report_csv(r, NULL);
    CHECK(csv && strcmp(csv + 3, "\"trainee\",\"scenario\",\"date\","
                                 "\"empathy\",\"honesty\",\"promptness\","
                                 "\"overall\",\"outcome\",\"duration\","
                                 "\"critical_mistakes\"\r\n") == 0);
    free(csv);
    CHECK_INT(report_add(r, NULL, NULL), -1);
    report_free(r);
}

/* Two records of one call (saved, then saved again from its journal):
 * one row, the better record's; another trainee's call is its own. */
static void test_duplicates(const scenario *tiny)
{
    report *r = report_new();
    size_t best[] = {0, 0};
    CHECK_INT(report_add(r, test_record(tiny, "Ana", 0, best, 1), NULL), 0);
    CHECK_INT(report_add(r, test_record(tiny, "Ana", 0, best, 2), NULL), 0);
    CHECK_INT(report_add(r, test_record(tiny, "Ana", 0, best, 1), NULL), 0);
    CHECK_INT(report_add(r, test_record(tiny, "Bo", 0, best, 2), NULL), 0);
    CHECK_INT(report_add(r, test_record(tiny, "Ana", 1, best, 2), NULL), 0);
    CHECK_INT(report_count(r), 3);
    CHECK_INT(report_duplicates(r), 2);
    char *csv = report_csv(r, NULL);
    CHECK_CONTAINS(csv, "\"Ana\",\"Tiny test scenario\",\"2023-11-14 "
                        "22:13:20\",\"100\",\"100\",\"50\",\"88\","
                        "\"resolved\"");
    CHECK(csv && !strstr(csv, "incomplete"));
    free(csv);
    report_free(r);
    /* many calls: counted by hash, not by comparing each with all */
    r = report_new();
    for (int i = 0; i < 3000; i++) {
        report_add(r, test_record(tiny, "Ana", i, best, 2), NULL);
    }
    report_add(r, test_record(tiny, "Ana", 2999, best, 2), NULL);
    CHECK_INT(report_count(r), 3000);
    CHECK_INT(report_duplicates(r), 1);
    report_free(r);
}

int main(void)
{
    scenario *tiny = test_load("tiny.xml");
    test_cells();
    test_csv(tiny);
    test_duplicates(tiny);
    scenario_free(tiny);
    return check_done("test_report");
}
