/* test_phone.c — unit tests of src/net without a network: nickname
 * cleaning and its limits, join codes and tokens, the page (escaping,
 * language and direction, no inline script), the QR matrix, address
 * ranking, and the server's option checks, ballots, queue and restore. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "phone_addr.h"
#include "phone_journal.h"
#include "phone_page.h"
#include "phone_qr.h"
#include "phone_server.h"
#include "phone_text.h"

static void test_nick(void)
{
    char out[PHONE_NICK_MAX_BYTES + 1];
    CHECK_INT(phone_text_clean_nick("  Ana \t María  ", 24, out, sizeof out),
              10);
    CHECK_STR(out, "Ana María");
    /* bidi overrides, isolates and marks, controls, a line separator */
    phone_text_clean_nick("\xe2\x80\xae"
                          "evil\xe2\x80\xac\xe2\x81\xa6x\xe2\x81\xa9\x01\x1b"
                          "y\xe2\x80\x8f\xe2\x80\xa8z",
                          24, out, sizeof out);
    CHECK_STR(out, "evilxyz");
    /* the joiners stay (emoji sequences, Persian) */
    phone_text_clean_nick("a\xe2\x80\x8d"
                          "b",
                          24, out, sizeof out);
    CHECK_STR(out, "a\xe2\x80\x8d"
                   "b");
    /* markup is kept as text: it is escaped wherever it is shown */
    phone_text_clean_nick("<script>alert(1)</script>", 24, out, sizeof out);
    CHECK_STR(out, "<script>alert(1)</script");
    CHECK_INT(strlen(out), 24);
    /* the length limit counts characters and never cuts one */
    char many[200] = "";
    for (int i = 0; i < 40; i++) {
        strcat(many, "\xc3\xa9"); /* é */
    }
    CHECK_INT(phone_text_clean_nick(many, 24, out, sizeof out), 48);
    /* a small buffer: whole characters only */
    char small[6];
    CHECK_INT(phone_text_clean_nick(many, 24, small, sizeof small), 4);
    /* invalid UTF-8 is refused */
    CHECK_INT(phone_text_clean_nick("a\xff", 24, out, sizeof out), -1);
    CHECK_INT(phone_text_clean_nick("\xc0\xaf", 24, out, sizeof out), -1);
    CHECK_INT(phone_text_clean_nick(NULL, 24, out, sizeof out), 0);
    CHECK_STR(out, "");
    /* nothing but spaces and controls: empty */
    CHECK_INT(phone_text_clean_nick(" \t\n\x7f ", 24, out, sizeof out), 0);
}

static void test_codes(void)
{
    CHECK(phone_text_is_code("012345", 6));
    CHECK(!phone_text_is_code("01234", 6));
    CHECK(!phone_text_is_code("0123456", 6));
    CHECK(!phone_text_is_code("01234a", 6));
    CHECK(!phone_text_is_code(NULL, 6));
    CHECK(phone_text_is_token("0123456789abcdef0123456789abcdef", 32));
    CHECK(!phone_text_is_token("0123456789ABCDEF0123456789abcdef", 32));
    CHECK(!phone_text_is_token("0123456789abcdef", 32));
    CHECK(!phone_text_is_token("../../../../etc/passwd..........", 32));
}

static void test_page(void)
{
    const char *options[] = {"I <b>hear</b> you & \"sorry\"",
                             "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85"};
    phone_view v = {0};
    v.kind = PHONE_VIEW_VOTE;
    v.ui_lang = "es"; /* the interface's language: the page's own */
    v.ui_dir = "ltr";
    v.lang = "ar"; /* the scenario's: its texts */
    v.dir = "rtl";
    v.title = "Claim <refused>";
    v.nick = "<script>x</script>";
    v.ballot = 3;
    v.options = options;
    v.option_count = 2;
    v.vote = 1;
    v.saved = true;
    size_t len = 0;
    char *html = phone_page_html(&v, &len);
    CHECK(html != NULL);
    if (!html) {
        return;
    }
    CHECK_INT(strlen(html), len);
    CHECK(strstr(html, "<html lang=\"es\" dir=\"ltr\">") != NULL);
    /* the scenario's texts keep its language, their direction their own */
    CHECK(strstr(html, "<h1 lang=\"ar\" dir=\"auto\">Claim") != NULL);
    CHECK(strstr(html, "lang=\"ar\" dir=\"auto\" class=\"text\">I") != NULL);
    /* the words app.js shows come with the page (English: no catalogue) */
    CHECK(strstr(html, "data-w-received=\"Vote received: %s.\"") != NULL);
    CHECK(strstr(html, "data-w-no-connection=\"No connection") != NULL);
    CHECK(strstr(html, "lang=\"en\"") == NULL);
    CHECK(strstr(html, "<!DOCTYPE html>") != NULL);
    CHECK(strstr(html, "I &lt;b&gt;hear&lt;/b&gt; you &amp;") != NULL);
    CHECK(strstr(html, "<b>") == NULL);
    CHECK(strstr(html, "&lt;script&gt;x&lt;/script&gt;") != NULL);
    CHECK(strstr(html, "Claim &lt;refused&gt;") != NULL);
    CHECK(strstr(html, "<script src=\"/app.js\" defer></script>") != NULL);
    /* no inline script or style, no event handler attributes */
    CHECK(strstr(html, "<script>") == NULL);
    CHECK(strstr(html, "<style") == NULL);
    CHECK(strstr(html, " onclick") == NULL);
    CHECK(strstr(html, "Vote received: B.") != NULL);
    CHECK(strstr(html, "Joined as <bdi>&lt;script&gt;") != NULL);
    CHECK(strstr(html, "name=\"ballot\" value=\"3\"") != NULL);
    CHECK(strstr(html, "class=\"option chosen\" aria-pressed=\"true\"") !=
          NULL);
    free(html);

    phone_view j = {0};
    j.kind = PHONE_VIEW_JOIN;
    j.code = "123456";
    j.nicknames = true;
    html = phone_page_html(&j, NULL);
    CHECK(html && strstr(html, "<html lang=\"en\" dir=\"ltr\">"));
    CHECK(html && strstr(html, "action=\"/join\""));
    CHECK(html && strstr(html, "value=\"123456\""));
    CHECK(html && strstr(html, "name=\"nick\""));
    CHECK(html && !strstr(html, "<footer"));
    free(html);

    phone_view w = {0};
    w.kind = PHONE_VIEW_WAITING;
    html = phone_page_html(&w, NULL);
    CHECK(html && strstr(html, "Waiting for the next question"));
    CHECK(html && strstr(html, "http-equiv=\"refresh\""));
    free(html);
}

/* The page's words: a value where "%s" is; English without a catalogue;
 * every error code has its sentence. */
static void test_words(void)
{
    char buf[64];
    CHECK_STR(phone_words_fill(buf, sizeof buf, "Vote received: %s.", "B"),
              "Vote received: B.");
    CHECK_STR(phone_words_fill(buf, sizeof buf, "No value", "B"), "No value");
    CHECK_STR(phone_words_fill(buf, 8, "%s and more words", "ABC"), "ABC and");
    phone_words *w = phone_words_new();
    CHECK(w != NULL);
    CHECK_STR(phone_words_get(w, PHONE_W_JOIN), "Join");
    CHECK_STR(phone_words_get(NULL, PHONE_W_WAITING),
              "Waiting for the next question…");
    CHECK_STR(phone_words_error(w, "bad_code"),
              "That join code is not right. Check the screen.");
    CHECK_STR(phone_words_error(w, "no such code"), "Error.");
    CHECK_STR(phone_words_key(PHONE_W_CLOSED_VOTE), "closed-vote");
    phone_words_free(w);
    phone_words_free(NULL);
}

static void test_qr(void)
{
    phone_qr *qr = phone_qr_new("http://192.168.1.20:8765/?code=123456");
    CHECK(qr != NULL);
    if (qr) {
        CHECK(qr->size >= 21 && (qr->size - 17) % 4 == 0);
        /* finder patterns: dark corners, light separator */
        CHECK(phone_qr_dark(qr, 0, 0));
        CHECK(phone_qr_dark(qr, qr->size - 1, 0));
        CHECK(phone_qr_dark(qr, 0, qr->size - 1));
        CHECK(!phone_qr_dark(qr, 7, 7));
        CHECK(!phone_qr_dark(qr, -1, 0));
        CHECK(!phone_qr_dark(qr, qr->size, 0));
    }
    phone_qr_free(qr);
    CHECK(phone_qr_new("") == NULL);
    CHECK(phone_qr_new(NULL) == NULL);
    phone_qr_free(NULL);
}

static void test_addr(void)
{
    CHECK_INT(phone_addr_rank("127.0.0.1", "lo"), -1);
    CHECK_INT(phone_addr_rank("0.0.0.0", "eth0"), -1);
    CHECK_INT(phone_addr_rank("224.0.0.1", "eth0"), -1);
    CHECK_INT(phone_addr_rank("printer.local", "eth0"), -1);
    CHECK_INT(phone_addr_rank("192.168.1.20", "wlan0"), 1);
    CHECK_INT(phone_addr_rank("10.0.0.5", "enp3s0"), 1);
    CHECK_INT(phone_addr_rank("172.17.0.1", "docker0"), 3);
    CHECK_INT(phone_addr_rank("172.31.0.1", "eth0"), 1);
    CHECK_INT(phone_addr_rank("172.32.0.1", "eth0"), 2);
    CHECK_INT(phone_addr_rank("169.254.3.4", "eth0"), 5);
    size_t n = 0;
    phone_addr *list = phone_addr_list(&n);
    for (size_t i = 0; i < n; i++) {
        CHECK(strncmp(list[i].address, "127.", 4) != 0);
        if (i > 0) {
            CHECK(list[i - 1].rank <= list[i].rank);
        }
    }
    phone_addr_free(list);
    char out[16], err[256];
    CHECK_INT(phone_addr_pick("not-an-address", out, err, sizeof err), -1);
    CHECK(strstr(err, "not an IPv4 address") != NULL);
    CHECK_INT(phone_addr_pick("203.0.113.9", out, err, sizeof err), -1);
    CHECK(strstr(err, "not an address of this machine") != NULL);
    CHECK_INT(phone_addr_pick("127.0.0.1", out, err, sizeof err), 0);
    CHECK_STR(out, "127.0.0.1");
}

static void test_server_offline(void)
{
    char err[256];
    phone_options o = {0};
    CHECK(phone_server_new(&o, err, sizeof err) == NULL);
    o.address = "localhost";
    CHECK(phone_server_new(&o, err, sizeof err) == NULL);
    o.address = "127.0.0.1";
    o.join_code = "12345";
    CHECK(phone_server_new(&o, err, sizeof err) == NULL);
    CHECK(strstr(err, "6 digits") != NULL);
    o.join_code = NULL;
    o.max_devices = 2;
    phone_server *s = phone_server_new(&o, err, sizeof err);
    CHECK(s != NULL);
    if (!s) {
        return;
    }
    CHECK(phone_text_is_code(phone_server_code(s), 6));
    const char *texts[] = {"one", "two", "three"};
    CHECK_INT(phone_server_open_ballot(s, 0, texts, 3), -1);
    CHECK_INT(phone_server_open_ballot(s, 1, texts, 0), -1);
    CHECK_INT(phone_server_open_ballot(s, 1, texts, 27), -1);
    CHECK_INT(phone_server_open_ballot(s, 1, texts, 3), 0);
    /* restore: devices up to the cap, bad tokens refused */
    const char *t1 = "00112233445566778899aabbccddeeff";
    const char *t2 = "ffeeddccbbaa99887766554433221100";
    const char *t3 = "0123456789abcdef0123456789abcdef";
    CHECK_INT(phone_server_restore_join(s, t1,
                                        "\xe2\x80\xae"
                                        "Bob"),
              0);
    CHECK_INT(phone_server_restore_join(s, t1, "again"), 0);
    CHECK_INT(phone_server_restore_join(s, "zz", "x"), -1);
    CHECK_INT(phone_server_restore_join(s, t2, NULL), 0);
    CHECK_INT(phone_server_restore_join(s, t3, NULL), -1); /* full */
    CHECK_INT(phone_server_restore_vote(s, t1, 1, 2), 0);
    CHECK_INT(phone_server_restore_vote(s, t3, 1, 0), -1);
    phone_counts c = phone_server_counts(s);
    CHECK_INT(c.devices, 2);
    CHECK_INT(c.votes, 1);
    CHECK_INT(c.queued, 0);
    phone_event ev;
    CHECK(!phone_server_next_event(s, &ev));
    phone_server_close_ballot(s);
    c = phone_server_counts(s);
    CHECK_INT(c.votes, 1);
    phone_server_wait(s);
    c = phone_server_counts(s);
    CHECK_INT(c.votes, 0);
    phone_server_saved(s, 99); /* nothing to save: no effect */
    phone_server_free(s);
    phone_server_free(NULL);
}

static void test_journal(void)
{
    char path[] = "/tmp/test_phone_journal_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) {
        return;
    }
    close(fd);
    char err[256];
    CHECK(phone_journal_open(path, "12345", err, sizeof err) == NULL);
    phone_journal *j = phone_journal_open(path, "123456", err, sizeof err);
    CHECK(j != NULL);
    const char *t1 = "00112233445566778899aabbccddeeff";
    const char *t2 = "ffeeddccbbaa99887766554433221100";
    phone_event ev = {0};
    ev.kind = PHONE_EV_JOIN;
    ev.device = 1;
    strcpy(ev.token, t1);
    strcpy(ev.nick, "Ana \"<b>\"");
    CHECK_INT(phone_journal_add(j, &ev), 0);
    ev.device = 2;
    strcpy(ev.token, t2);
    ev.nick[0] = '\0';
    CHECK_INT(phone_journal_add(j, &ev), 0);
    phone_event v = {0};
    v.kind = PHONE_EV_VOTE;
    v.device = 1;
    strcpy(v.token, t1);
    v.ballot = 1;
    v.option = 0;
    v.previous = -1;
    CHECK_INT(phone_journal_add(j, &v), 0);
    v.option = 2;
    v.previous = 0; /* changed its mind */
    CHECK_INT(phone_journal_add(j, &v), 0);
    v.device = 2;
    strcpy(v.token, t2);
    v.option = 2;
    v.previous = -1;
    CHECK_INT(phone_journal_add(j, &v), 0);
    v.ballot = 2;
    v.option = 1;
    CHECK_INT(phone_journal_add(j, &v), 0);
    CHECK_INT(phone_journal_sync(j), 0);
    phone_journal_close(j);
    /* reopening appends, without a second header */
    j = phone_journal_open(path, "999999", err, sizeof err);
    CHECK(j != NULL);
    phone_journal_close(j);
    /* a line cut short by a crash */
    FILE *f = fopen(path, "a");
    if (f) {
        fputs("{\"vote\": 1, \"tok", f);
        fclose(f);
    }
    phone_journal_data *d = phone_journal_read(path, err, sizeof err);
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(d->code, "123456");
        CHECK_INT(d->device_count, 2);
        CHECK_STR(d->devices[0].nick, "Ana \"<b>\"");
        CHECK_INT(d->vote_count, 4);
        CHECK_INT(d->skipped, 1);
        int tally[4];
        CHECK_INT(phone_journal_tally(d, 1, tally, 4), 2);
        CHECK_INT(tally[0], 0);
        CHECK_INT(tally[2], 2);
        CHECK_INT(phone_journal_tally(d, 2, tally, 4), 1);
        CHECK_INT(tally[1], 1);
        phone_options o = {0};
        o.address = "127.0.0.1";
        o.join_code = d->code;
        phone_server *s = phone_server_new(&o, err, sizeof err);
        CHECK(s != NULL);
        if (s) {
            CHECK_STR(phone_server_code(s), "123456");
            CHECK_INT(phone_journal_restore(d, s), 0);
            const char *texts[] = {"a", "b", "c"};
            phone_server_open_ballot(s, 2, texts, 3);
            phone_counts c = phone_server_counts(s);
            CHECK_INT(c.devices, 2);
            CHECK_INT(c.votes, 1);
            phone_server_free(s);
        }
    }
    phone_journal_data_free(d);
    /* not a phones journal */
    f = fopen(path, "w");
    if (f) {
        fputs("{\"format\": \"rapport-journal\"}\n", f);
        fclose(f);
    }
    CHECK(phone_journal_read(path, err, sizeof err) == NULL);
    CHECK(strstr(err, "not a phones journal") != NULL);
    unlink(path);
    CHECK(phone_journal_read(path, err, sizeof err) == NULL);
    CHECK(phone_journal_read("/dev/zero", err, sizeof err) == NULL);
}

/* The phones journal's limits: its size and the phones in it, each with
 * a clear error at the limit; a torn last line is cut off when the
 * journal is opened again. */
static void test_journal_limits(void)
{
    char err[256];
    size_t cap = 64 + (PHONE_JOURNAL_MAX_DEVICES + 1) * 80;
    char *text = malloc(cap);
    CHECK(text != NULL);
    if (!text) {
        return;
    }
    size_t n = (size_t)snprintf(text, cap,
                                "{\"format\":\"rapport-phones\","
                                "\"format_version\":1,\"code\":\"123456\"}\n");
    for (unsigned dev = 1; dev <= PHONE_JOURNAL_MAX_DEVICES + 1; dev++) {
        n += (size_t)snprintf(text + n, cap - n,
                              "{\"join\":%u,\"token\":\"%032x\","
                              "\"nick\":\"\"}\n",
                              dev, dev);
        if (dev == PHONE_JOURNAL_MAX_DEVICES) {
            phone_journal_data *d =
                phone_journal_parse(text, n, "p", err, sizeof err);
            CHECK(d && d->device_count == PHONE_JOURNAL_MAX_DEVICES);
            phone_journal_data_free(d);
        }
    }
    CHECK(phone_journal_parse(text, n, "p", err, sizeof err) == NULL);
    CHECK(strstr(err, "more than 10000 phones joined") != NULL);
    free(text);
    /* over the size limit */
    char *big = calloc(1, (size_t)PHONE_JOURNAL_MAX_BYTES + 2);
    CHECK(big != NULL);
    if (big) {
        memset(big, ' ', (size_t)PHONE_JOURNAL_MAX_BYTES + 1);
        CHECK(phone_journal_parse(big, (size_t)PHONE_JOURNAL_MAX_BYTES + 1,
                                  "p", err, sizeof err) == NULL);
        CHECK(strstr(err, "too large") != NULL);
        free(big);
    }
}

/* Teams (issue 12: a phone picks its team): the join form lists the
 * teams (escaped), team names are checked, the journal keeps each
 * device's team (a journal without teams reads as whole-class) and the
 * tally per team counts each device's latest vote for its own team. */
static void test_teams(void)
{
    char err[256];
    /* the join page: a radio button per team, names escaped */
    const char *names[] = {"Red <b>",
                           "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb2\xd8\xb1\xd9\x82"};
    phone_view v = {0};
    v.kind = PHONE_VIEW_JOIN;
    v.teams = names;
    v.team_count = 2;
    v.team = -1;
    char *html = phone_page_html(&v, NULL);
    CHECK(html != NULL);
    if (html) {
        CHECK(strstr(html, "name=\"team\" value=\"0\"") != NULL);
        CHECK(strstr(html, "name=\"team\" value=\"1\"") != NULL);
        CHECK(strstr(html, "Red &lt;b&gt;") != NULL);
        CHECK(strstr(html, "Red <b>") == NULL);
        CHECK(strstr(html, "Your team") != NULL);
        free(html);
    }
    v.kind = PHONE_VIEW_WAITING;
    v.team = 1;
    html = phone_page_html(&v, NULL);
    CHECK(html && strstr(html, ", team <bdi") != NULL);
    free(html);
    /* team names: at most PHONE_MAX_TEAMS, none empty */
    phone_options o = {0};
    o.address = "127.0.0.1";
    const char *bad[] = {"Red", "\xe2\x80\xae"};
    o.teams = bad;
    o.team_count = 2;
    CHECK(phone_server_new(&o, err, sizeof err) == NULL);
    CHECK(strstr(err, "team 2") != NULL);
    o.team_count = PHONE_MAX_TEAMS + 1;
    CHECK(phone_server_new(&o, err, sizeof err) == NULL);
    /* the journal: teams kept, old lines without one are whole-class */
    char path[] = "/tmp/test_phone_teams_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) {
        return;
    }
    close(fd);
    phone_journal *j = phone_journal_open(path, "654321", err, sizeof err);
    CHECK(j != NULL);
    const char *tok[3] = {"00112233445566778899aabbccddeeff",
                          "ffeeddccbbaa99887766554433221100",
                          "0123456789abcdef0123456789abcdef"};
    for (int i = 0; i < 3; i++) {
        phone_event ev = {0};
        ev.kind = PHONE_EV_JOIN;
        ev.device = (unsigned)i + 1;
        ev.team = i == 2 ? 0 : 1; /* two in team 1, one in team 0 */
        strcpy(ev.token, tok[i]);
        CHECK_INT(phone_journal_add(j, &ev), 0);
    }
    for (int i = 0; i < 3; i++) {
        phone_event ev = {0};
        ev.kind = PHONE_EV_VOTE;
        ev.device = (unsigned)i + 1;
        ev.team = i == 2 ? 0 : 1;
        strcpy(ev.token, tok[i]);
        ev.ballot = 1;
        ev.option = i;
        ev.previous = -1;
        CHECK_INT(phone_journal_add(j, &ev), 0);
    }
    CHECK_INT(phone_journal_sync(j), 0);
    phone_journal_close(j);
    phone_journal_data *d = phone_journal_read(path, err, sizeof err);
    CHECK(d != NULL);
    if (d) {
        CHECK_INT(d->device_count, 3);
        CHECK_INT(d->devices[0].team, 1);
        CHECK_INT(d->devices[2].team, 0);
        int tally[3];
        CHECK_INT(phone_journal_tally_team(d, 1, 1, tally, 3), 2);
        CHECK(tally[0] == 1 && tally[1] == 1 && tally[2] == 0);
        CHECK_INT(phone_journal_tally_team(d, 1, 0, tally, 3), 1);
        CHECK(tally[0] == 0 && tally[2] == 1);
        CHECK_INT(phone_journal_tally(d, 1, tally, 3), 3);
        /* restored into a server with the teams: per-team devices */
        const char *two[] = {"Red", "Blue"};
        o.teams = two;
        o.team_count = 2;
        o.join_code = d->code;
        phone_server *s = phone_server_new(&o, err, sizeof err);
        CHECK(s != NULL);
        if (s) {
            CHECK_INT(phone_journal_restore(d, s), 0);
            phone_counts c = phone_server_counts(s);
            CHECK_INT(c.devices, 3);
            CHECK_INT(c.team_devices[0], 1);
            CHECK_INT(c.team_devices[1], 2);
            /* a team the server does not have is refused */
            CHECK_INT(phone_server_restore_join_team(
                          s, "abababababababababababababababab", "", 2),
                      -1);
            CHECK_INT(phone_server_restore_join_team(
                          s, "abababababababababababababababab", "", -1),
                      -1);
            phone_server_free(s);
        }
        phone_journal_data_free(d);
    }
    unlink(path);
    /* a journal written before teams: every device is whole-class; a
     * team out of range makes the line unreadable */
    const char *old = "{\"format\":\"rapport-phones\",\"format_version\":1,"
                      "\"code\":\"123456\"}\n"
                      "{\"join\":1,\"token\":\"00112233445566778899aabbccdd"
                      "eeff\",\"nick\":\"\"}\n"
                      "{\"join\":2,\"token\":\"ffeeddccbbaa9988776655443322"
                      "1100\",\"nick\":\"\",\"team\":9}\n";
    d = phone_journal_parse(old, strlen(old), "old", err, sizeof err);
    CHECK(d != NULL);
    if (d) {
        CHECK_INT(d->device_count, 1);
        CHECK_INT(d->devices[0].team, -1);
        CHECK_INT(d->skipped, 1);
        phone_journal_data_free(d);
    }
}

int main(void)
{
    test_nick();
    test_codes();
    test_page();
    test_words();
    test_qr();
    test_addr();
    test_server_offline();
    test_journal();
    test_journal_limits();
    test_teams();
    return check_done("test_phone");
}
