/* test_cue.c — the cue analysis: the measures, the strategies played through
 * the engine (checked against the same script replayed by hand), the
 * best-option figures and the warnings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cue.h"
#include "diag.h"
#include "scenario.h"
#include "score.h"
#include "session.h"

/* Builds a scenario of `turns` nodes in a chain, each with four options
 * given as say texts and ratings; the options of every node are the same.
 * The best option (ratings 8) is at best_pos (1-based). */
static scenario *cue_chain(int turns, const char *const says[4], int best_pos)
{
    static char xml[16384];
    size_t n = (size_t)snprintf(
        xml, sizeof xml,
        "<scenario xmlns='urn:rapport:scenario:1' id='c' version='1'>"
        "<title>Cues</title><customer name='Ana Lima' mood='calm'/>"
        "<scoring pass-mark='70'/>");
    for (int t = 0; t < turns; t++) {
        char next[16];
        snprintf(next, sizeof next, t + 1 < turns ? "n%d" : "end", t + 1);
        n += (size_t)snprintf(xml + n, sizeof xml - n,
                              "<node id='n%d'><line>Hello?</line>", t);
        for (int k = 0; k < 4; k++) {
            int r = k + 1 == best_pos ? 8 : -4 + k;
            n += (size_t)snprintf(xml + n, sizeof xml - n,
                                  "<choice next='%s' empathy='%d' "
                                  "honesty='%d' promptness='%d'>"
                                  "<say>%s</say><feedback>Why.</feedback>"
                                  "</choice>",
                                  next, r, r, r, says[k]);
        }
        n += (size_t)snprintf(xml + n, sizeof xml - n, "</node>");
    }
    snprintf(xml + n, sizeof xml - n,
             "<ending id='end' outcome='resolved'><line>Bye.</line>"
             "</ending></scenario>");
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_memory(xml, strlen(xml), "cues.xml", diags);
    if (!sc) {
        diag_print(diags, stderr);
    }
    diag_list_free(diags);
    return sc;
}

static size_t cue_warnings_containing(const diag_list *diags, const char *s)
{
    size_t n = 0;
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag_entry *d = diag_get(diags, i);
        n += d->severity == DIAG_WARNING && strstr(d->message, s) != NULL;
    }
    return n;
}

static void test_measures(void)
{
    CHECK_INT(cue_measure(CUE_LONGEST, "café", NULL), 4);
    CHECK_INT(cue_measure(CUE_SHORTEST, "أهلا", NULL), 4);
    CHECK_INT(cue_measure(CUE_APOLOGY, "Sorry! I apologise, so SORRY.", NULL),
              3);
    CHECK_INT(cue_measure(CUE_APOLOGY, "Lo siento mucho.", NULL), 1);
    CHECK_INT(cue_measure(CUE_APOLOGY, "أعتذر عن التأخير", NULL), 1);
    CHECK_INT(cue_measure(CUE_APOLOGY, "Let me fix that now.", NULL), 0);
    /* Accented Spanish forms; Arabic with and without diacritics, and the
     * two placements of tanween, count once each. */
    CHECK_INT(cue_measure(CUE_APOLOGY, "Discúlpenos. Perdón.", NULL), 2);
    CHECK_INT(cue_measure(CUE_APOLOGY, "عذراً، ثم عذرًا، ثم عذرا", NULL), 3);
    CHECK_INT(cue_measure(CUE_APOLOGY, "نأسف لذلك، ويؤسفنا التأخير", NULL), 2);
    CHECK_INT(cue_measure(CUE_STOCK_PHRASE, "أتفهّم ذلك، وشكرًا لصبرك", NULL),
              2);
    CHECK_INT(cue_measure(CUE_STOCK_PHRASE,
                          "Gracias por comunicarse; estamos para servirle.",
                          NULL),
              2);
    CHECK_INT(cue_measure(CUE_STOCK_PHRASE, "فهمت: سأصلح الخطأ الآن", NULL),
              0);
    CHECK_INT(cue_measure(CUE_STOCK_PHRASE,
                          "I understand. Rest assured, I appreciate it.",
                          NULL),
              3);
    CHECK_INT(cue_measure(CUE_NUMBER, "£1,299.50 on 3 May, ref 7.", NULL), 3);
    CHECK_INT(cue_measure(CUE_NUMBER, "١٢ يوما", NULL), 1);
    CHECK_INT(cue_measure(CUE_NUMBER, "No figures here.", NULL), 0);
    CHECK_INT(cue_measure(CUE_NAME, "Thanks, Mrs Lima. Ana, one moment.",
                          "Ana Lima"),
              2);
    CHECK_INT(cue_measure(CUE_NAME, "Thanks.", NULL), 0);
    CHECK_INT(cue_measure(CUE_FIRST, "anything", NULL), 0);
    CHECK_STR(cue_strategy_name(CUE_STOCK_PHRASE), "stock-phrase");
    CHECK_STR(cue_strategy_description(CUE_LONGEST),
              "always the longest reply");
}

/* The best option is the longest and comes first at every turn: the
 * longest, first and name strategies pass, with warnings. */
static void test_cued_scenario(void)
{
    static const char *const says[4] = {
        "That sounds maddening, Ana; I will book the engineer for 9:00 "
        "tomorrow and text you the name.",
        "Policy says five days.", "Hmm.", "Have you tried turning it off?"};
    scenario *sc = cue_chain(6, says, 1);
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    diag_list *diags = diag_list_new();
    cue_report *r = cue_new(sc, diags);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->turns, 6);
        CHECK_INT(r->best_longest, 6);
        CHECK_INT(r->best_shortest, 0);
        CHECK_INT(r->best_position[0], 6);
        CHECK_INT(r->plays[CUE_LONGEST].overall, 100);
        CHECK(r->plays[CUE_LONGEST].passes);
        CHECK(r->plays[CUE_FIRST].passes);
        CHECK(r->plays[CUE_NAME].passes);
        CHECK(r->plays[CUE_NUMBER].passes);
        CHECK(!r->plays[CUE_SHORTEST].passes);
        CHECK(!r->plays[CUE_LAST].passes);
        CHECK_STR(r->plays[CUE_LAST].script, "4,4,4,4,4,4");
        CHECK_STR(r->plays[CUE_SHORTEST].script, "3,3,3,3,3,3");
        CHECK(r->plays[CUE_LONGEST].ended);
        CHECK_INT(r->plays[CUE_LONGEST].turns, 6);
        /* no option apologises: ties go to the first on screen */
        CHECK_STR(r->plays[CUE_APOLOGY].script, "1,1,1,1,1,1");
        CHECK_INT(cue_warnings_containing(diags, "reaching the pass mark"), 6);
        CHECK_INT(cue_warnings_containing(diags, "also the longest reply"), 1);
        CHECK_INT(cue_warnings_containing(diags, "is option 1 in 6 of 6"), 1);
        /* every warning points at the <scenario> element */
        for (size_t i = 0; i < diag_count(diags); i++) {
            CHECK_INT(diag_get(diags, i)->line, 1);
            CHECK_INT(diag_get(diags, i)->col, 1);
        }
    }
    cue_free(r);
    diag_list_free(diags);
    scenario_free(sc);
}

/* A cue-proof scenario: the best option is short and third; the longest is
 * weak. No strategy passes and nothing is warned. */
static void test_cue_proof_scenario(void)
{
    static const char *const says[4] = {
        "I am so very sorry for any inconvenience this may have caused, I "
        "completely understand, and I appreciate your patience, Ana.",
        "It was 3 days, it says here.", "Booked: 9:00 tomorrow.",
        "Please hold."};
    scenario *sc = cue_chain(5, says, 3);
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    diag_list *diags = diag_list_new();
    cue_report *r = cue_new(sc, diags);
    CHECK(r != NULL);
    if (r) {
        for (int k = 0; k < CUE_COUNT; k++) {
            bool best = k == CUE_NUMBER && r->plays[k].overall == 100;
            CHECK(!r->plays[k].passes || best);
        }
        /* "Booked: 9:00 tomorrow." has two numbers, the most: the number
         * strategy finds the best option here, and passes. */
        CHECK(r->plays[CUE_NUMBER].passes);
        CHECK_INT(r->plays[CUE_LONGEST].overall, 0);
        CHECK_INT(r->best_longest, 0);
        CHECK_INT(r->best_shortest, 0);
        CHECK_INT(r->best_position[2], 5);
        CHECK_INT(cue_warnings_containing(diags, "reaching the pass mark"), 1);
        CHECK_INT(cue_warnings_containing(diags, "longest"), 0);
    }
    cue_free(r);
    diag_list_free(diags);
    scenario_free(sc);
}

/* Each strategy's script, replayed through a fresh session, gives the
 * score the report prints: the report is a real play. */
static void test_scripts_replay(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/../../scenarios/billing-error.xml",
             RAPPORT_TEST_DATA);
    scenario *sc = scenario_load_file(path, NULL);
    CHECK(sc != NULL);
    if (!sc) {
        return;
    }
    cue_report *r = cue_new(sc, NULL);
    CHECK(r != NULL);
    for (int k = 0; r && k < CUE_COUNT; k++) {
        session *s = session_new(sc, NULL);
        const char *p = r->plays[k].script;
        while (*p) {
            long pos = strtol(p, (char **)&p, 10);
            CHECK(session_choose(s, (size_t)pos - 1, session_target_ms(s)) ==
                  SESSION_OK);
            p += *p == ',';
        }
        score_summary sum;
        score_summarise(s, &sum);
        CHECK_INT(sum.overall, r->plays[k].overall);
        CHECK(session_is_finished(s) == r->plays[k].ended);
        session_free(s);
    }
    cue_free(r);
    scenario_free(sc);
}

int main(void)
{
    test_measures();
    test_cued_scenario();
    test_cue_proof_scenario();
    test_scripts_replay();
    return check_done("test_cue");
}
