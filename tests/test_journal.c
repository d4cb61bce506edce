/* Unit tests of journals: creating one per session, a record per reply,
 * reading back (a torn last line, corrupt lines, foreign files), replaying
 * into the same session, detecting a changed scenario, listing leftovers,
 * continuing after a replay, failing writes, and saving an incomplete
 * attempt. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "debrief.h"
#include "journal.h"
#include "result.h"
#include "scenario.h"
#include "session.h"

/* 2023-11-14T22:13:20Z */
#define TEST_START_MS INT64_C(1700000000000)
#define TEST_NAME "20231114-221320-ana-tiny-01.journal"

static char *test_mkdtemp(void)
{
    char *dir = strdup(RAPPORT_TEST_TMP "/journal-XXXXXX");
    if (!dir || !mkdtemp(dir)) {
        fprintf(stderr, "mkdtemp: %s\n", strerror(errno));
        exit(1);
    }
    return dir;
}

static void test_rm_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        const struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
                continue;
            }
            char child[1024];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            test_rm_tree(child);
        }
        closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static char *test_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *buf = calloc(1, 1 << 20);
    size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    if (buf) {
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

static void test_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
}

static void test_append(const char *path, const char *text)
{
    FILE *f = fopen(path, "ab");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "cannot append to %s\n", path);
        exit(1);
    }
}

static size_t test_lines(const char *text)
{
    size_t n = 0;
    for (const char *p = text; p && *p; p++) {
        n += *p == '\n';
    }
    return n;
}

static bool test_diag_has(const diag_list *diags, diag_severity sev, int line,
                          const char *text)
{
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag_entry *e = diag_get(diags, i);
        if (e->severity == sev && (line < 0 || e->line == line) &&
            strstr(e->message, text)) {
            return true;
        }
    }
    fprintf(stderr, "no diagnostic at line %d contains \"%s\"; got:\n", line,
            text);
    diag_print(diags, stderr);
    return false;
}

static scenario *test_load(const char *path)
{
    diag_list *diags = diag_list_new();
    scenario *sc = scenario_load_file(path, diags);
    if (!sc) {
        diag_print(diags, stderr);
        fprintf(stderr, "cannot load %s\n", path);
        exit(1);
    }
    diag_list_free(diags);
    return sc;
}

static result_info test_info(const char *trainee)
{
    result_info info = {.trainee = trainee,
                        .started_ms = TEST_START_MS,
                        .feedback_mode = RESULT_FEEDBACK_IMMEDIATE};
    return info;
}

/* The same turns, field by field. */
static void test_same_session(const session *a, const session *b)
{
    CHECK_INT(session_turn_count(b), session_turn_count(a));
    CHECK_INT(session_is_finished(b), session_is_finished(a));
    CHECK_INT(session_mood(b), session_mood(a));
    CHECK_INT(session_patience_ms(b), session_patience_ms(a));
    for (size_t i = 0; i < session_turn_count(a); i++) {
        const session_turn *x = session_turn_at(a, i);
        const session_turn *y = session_turn_at(b, i);
        if (!y) {
            return;
        }
        CHECK(memcmp(x, y, sizeof *x) == 0);
    }
    debrief *da = debrief_new(a);
    debrief *db = debrief_new(b);
    char *ja = debrief_to_json(da);
    char *jb = debrief_to_json(db);
    CHECK_STR(jb, ja);
    free(ja);
    free(jb);
    debrief_free(da);
    debrief_free(db);
}

/* A session journaled reply by reply reads back and replays exactly. */
static void test_write_read_replay(const scenario *tiny)
{
    char *dir = test_mkdtemp();
    diag_list *diags = diag_list_new();
    session *s = session_new(tiny, NULL);
    result_info info = test_info("Ana");
    journal *j = journal_open(dir, s, NULL, &info, NULL, diags);
    CHECK(j != NULL);
    CHECK_INT(diag_count(diags), 0);
    char expect[1024];
    snprintf(expect, sizeof expect, "%s/in-progress/%s", dir, TEST_NAME);
    CHECK_STR(journal_path(j), expect);
    char *text = test_read(expect);
    CHECK_INT(test_lines(text), 1);
    CHECK_CONTAINS(text,
                   "{\"format\":\"rapport-journal\",\"format_version\":2,");
    CHECK_CONTAINS(text, "\"started\":\"2023-11-14T22:13:20.000Z\"");
    CHECK_CONTAINS(text, "\"feedback_mode\":\"immediate\"");
    free(text);

    CHECK_INT(session_choose(s, 1, 4500), SESSION_OK);
    CHECK_INT(journal_append(j, s, diags), 0);
    /* nothing new: nothing written */
    CHECK_INT(journal_append(j, s, diags), 0);
    text = test_read(expect);
    CHECK_INT(test_lines(text), 2);
    CHECK_CONTAINS(text, "\n{\"turn\":1,\"node\":\"start\",\"choice\":2,"
                         "\"choice_index\":1,\"response_ms\":4500}\n");
    free(text);
    CHECK_INT(journal_turn_count(j), 1);

    /* a second session of the same trainee and start gets its own file */
    session *other = session_new(tiny, NULL);
    journal *j2 = journal_open(dir, other, NULL, &info, NULL, diags);
    CHECK(j2 && strstr(journal_path(j2), "-ana-tiny-02.journal"));
    CHECK_INT(journal_close(j2, true, diags), 0);
    session_free(other);

    journal_data *jd = journal_read(expect, diags);
    CHECK(jd != NULL);
    CHECK_INT(diag_count(diags), 0);
    if (jd) {
        CHECK_STR(jd->path, expect);
        CHECK_INT(jd->format_version, JOURNAL_FORMAT_VERSION);
        CHECK_STR(jd->scenario_path, tiny->path);
        CHECK_STR(jd->scenario_id, "tiny");
        CHECK_STR(jd->scenario_version, "1.0");
        CHECK_STR(jd->scenario_title, "Tiny test scenario");
        CHECK_STR(jd->trainee, "Ana");
        CHECK_INT(jd->started_ms, TEST_START_MS);
        CHECK_INT(jd->feedback_mode, RESULT_FEEDBACK_IMMEDIATE);
        CHECK(!jd->relaxed_timing);
        CHECK(!jd->torn);
        CHECK_INT(jd->entry_count, 1);
        CHECK_STR(jd->entries[0].node, "start");
        CHECK_INT(jd->entries[0].choice, 2);
        CHECK_INT(jd->entries[0].choice_index, 1);
        CHECK_INT(jd->entries[0].response_ms, 4500);
        CHECK(!jd->entries[0].timed_out);
        char fp[37];
        int64_t bytes = 0;
        CHECK_INT(journal_fingerprint_file(tiny->path, fp, &bytes, diags), 0);
        CHECK_STR(jd->scenario_fingerprint, fp);
        CHECK_INT(jd->scenario_bytes, bytes);
        session *r = journal_replay(jd, tiny, diags);
        CHECK(r != NULL);
        if (r) {
            test_same_session(s, r);
        }
        session_free(r);
    }
    journal_data_free(jd);

    /* the patience runs out at turn 2: journaled and replayed */
    CHECK_INT(session_choose(s, 0, 100000), SESSION_TIMED_OUT);
    CHECK(session_is_finished(s));
    CHECK_INT(journal_append(j, s, diags), 0);
    jd = journal_read(expect, diags);
    CHECK(jd && jd->entry_count == 2 && jd->entries[1].timed_out);
    if (jd && jd->entry_count == 2) {
        CHECK_INT(jd->entries[1].choice, 0);
        CHECK_INT(jd->entries[1].choice_index, -1);
        session *r = journal_replay(jd, tiny, diags);
        CHECK(r != NULL);
        if (r) {
            test_same_session(s, r);
        }
        session_free(r);
    }
    journal_data_free(jd);
    CHECK_INT(diag_count(diags), 0);

    /* a clean finish removes the file */
    CHECK_INT(journal_close(j, true, diags), 0);
    CHECK(access(expect, F_OK) != 0);
    char **left = journal_list(dir, diags);
    CHECK(left && left[0] == NULL);
    journal_list_free(left);
    CHECK_INT(journal_close(NULL, true, diags), 0);
    session_free(s);

    /* a timeout while waiting (session_wait), relaxed timing recorded */
    session_options relaxed = {.relaxed_timing = true};
    s = session_new(tiny, NULL);
    j = journal_open(dir, s, NULL, &info, NULL, diags);
    CHECK_INT(session_wait(s, 5000), SESSION_OK);
    CHECK_INT(session_wait(s, 40000), SESSION_TIMED_OUT);
    CHECK_INT(journal_append(j, s, diags), 0);
    jd = journal_read(journal_path(j), diags);
    session *r = jd ? journal_replay(jd, tiny, diags) : NULL;
    CHECK(r != NULL);
    if (r) {
        test_same_session(s, r);
    }
    session_free(r);
    journal_data_free(jd);
    CHECK_INT(journal_close(j, true, diags), 0);
    session_free(s);
    s = session_new(tiny, &relaxed);
    CHECK_INT(session_choose(s, 0, 90000), SESSION_OK);
    j = journal_open(dir, s, NULL, &info, NULL, diags);
    jd = journal_read(journal_path(j), diags);
    CHECK(jd && jd->relaxed_timing && jd->entry_count == 1);
    r = jd ? journal_replay(jd, tiny, diags) : NULL;
    CHECK(r != NULL);
    if (r) {
        test_same_session(s, r);
    }
    session_free(r);
    journal_data_free(jd);
    CHECK_INT(journal_close(j, true, diags), 0);
    session_free(s);
    CHECK_INT(diag_count(diags), 0);

    diag_list_free(diags);
    test_rm_tree(dir);
    free(dir);
}

/* Opens a journal of tiny with the first reply; returns its path. */
static char *test_one_reply(const scenario *tiny, const char *dir)
{
    session *s = session_new(tiny, NULL);
    session_choose(s, 0, 3000);
    result_info info = test_info("Ana");
    journal *j = journal_open(dir, s, NULL, &info, NULL, NULL);
    char *path = j ? strdup(journal_path(j)) : NULL;
    journal_close(j, false, NULL);
    session_free(s);
    CHECK(path != NULL);
    return path;
}

static void test_read_rejects(const char *path, int line, const char *text)
{
    diag_list *diags = diag_list_new();
    journal_data *jd = journal_read(path, diags);
    CHECK(jd == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, line, text));
    if (diag_count(diags) > 0) {
        CHECK_STR(diag_get(diags, 0)->path, path);
    }
    journal_data_free(jd);
    diag_list_free(diags);
}

/* Torn last lines are ignored; every other bad line is an error. */
static void test_damage(const scenario *tiny)
{
    char *dir = test_mkdtemp();
    char *path = test_one_reply(tiny, dir);
    char *good = test_read(path);
    diag_list *diags = diag_list_new();

    /* the program stopped in the middle of writing turn 2 */
    test_append(path, "{\"turn\":2,\"node\":\"sec");
    journal_data *jd = journal_read(path, diags);
    CHECK(jd != NULL);
    CHECK(test_diag_has(diags, DIAG_WARNING, 3, "cut short"));
    CHECK_INT(diag_error_count(diags), 0);
    if (jd) {
        CHECK(jd->torn);
        CHECK_INT(jd->entry_count, 1);
        CHECK_INT(jd->valid_bytes, strlen(good));
        /* playing on cuts the torn line off before appending */
        session *s = journal_replay(jd, tiny, diags);
        CHECK(s != NULL);
        journal *j = s ? journal_continue(jd, s, NULL, diags) : NULL;
        CHECK(j != NULL);
        CHECK_INT(session_choose(s, 0, 2000), SESSION_OK);
        CHECK_INT(journal_append(j, s, diags), 0);
        CHECK_INT(journal_close(j, false, diags), 0);
        session_free(s);
    }
    journal_data_free(jd);
    diag_list_clear(diags);
    jd = journal_read(path, diags);
    CHECK(jd && !jd->torn && jd->entry_count == 2);
    CHECK_INT(diag_count(diags), 0);
    journal_data_free(jd);

    /* a torn header: nothing to recover */
    test_write(path, "{\"format\":\"rapport-jou");
    test_read_rejects(path, 1, "has no header");
    test_write(path, "");
    test_read_rejects(path, 1, "has no header");

    /* corrupt lines in the middle, each reported with its line */
    char *bad = malloc(strlen(good) + 200);
    snprintf(bad, strlen(good) + 200, "%sgarbage\n{\"turn\":2}\n%s", good,
             "[1]\n");
    test_write(path, bad);
    diag_list_clear(diags);
    CHECK(journal_read(path, diags) == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, 3, "not a journal record"));
    CHECK(test_diag_has(diags, DIAG_ERROR, 5, "not a journal record"));
    /* one bad record after a good journal: each is reported at line 3 */
    static const struct {
        const char *line;
        const char *expect;
    } cases[] = {
        /* a corrupt last line that did end is not a torn one */
        {"{\"turn\":2,,}\n", "not a journal record"},
        /* two objects on one line */
        {"{}{}\n", "not a journal record"},
        /* turns out of order, missing fields, bad values */
        {"{\"turn\":3,\"node\":\"second\",\"choice\":1,"
         "\"choice_index\":0,\"response_ms\":1}\n",
         "turn 3 where turn 2 was expected"},
        {"{\"turn\":2,\"node\":\"second\",\"choice\":12,"
         "\"choice_index\":0,\"response_ms\":1}\n",
         "'choice' is missing or not a whole number"},
        {"{\"turn\":2,\"choice\":1,\"choice_index\":0,"
         "\"response_ms\":1}\n",
         "'node' is missing"},
        {"{\"turn\":2,\"node\":\"second\",\"timed_out\":true,"
         "\"response_ms\":-5}\n",
         "'response_ms' is missing"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(bad, strlen(good) + 200, "%s%s", good, cases[i].line);
        test_write(path, bad);
        test_read_rejects(path, 3, cases[i].expect);
    }
    free(bad);

    /* not a journal at all, or from a newer Rapport */
    test_write(path, "{\"format\":\"rapport-result\"}\n");
    test_read_rejects(path, 1, "not a Rapport journal");
    char *newer = strdup(good);
    char *v = strstr(newer, "\"format_version\":2");
    v[strlen("\"format_version\":")] = '7';
    test_write(path, newer);
    test_read_rejects(path, 1, "written by a newer Rapport");
    free(newer);
    test_write(path, "\x89PNG\r\n\x1a\n\n");
    test_read_rejects(path, 1, "not a journal record");
    test_read_rejects(RAPPORT_TEST_TMP "/no/such.journal", 0,
                      "cannot open: No such file");
    test_read_rejects(dir, 0, "not a regular file");

    diag_list_free(diags);
    free(good);
    free(path);
    test_rm_tree(dir);
    free(dir);
}

/* Replays refuse another scenario, an edited scenario file, and a journal
 * that does not fit the scenario. */
static void test_replay_checks(const scenario *tiny)
{
    char *dir = test_mkdtemp();
    char copy[1024];
    snprintf(copy, sizeof copy, "%s/tiny-copy.xml", dir);
    char *xml = test_read(tiny->path);
    test_write(copy, xml);
    scenario *sc = test_load(copy);
    session *s = session_new(sc, NULL);
    session_choose(s, 0, 3000);
    result_info info = test_info("Ana");
    diag_list *diags = diag_list_new();
    journal *j = journal_open(dir, s, copy, &info, NULL, diags);
    CHECK(j != NULL);
    char *path = strdup(journal_path(j));
    journal_close(j, false, diags);
    journal_data *jd = journal_read(path, diags);
    CHECK(jd != NULL);
    CHECK_INT(diag_count(diags), 0);

    session *r = jd ? journal_replay(jd, sc, diags) : NULL;
    CHECK(r != NULL);
    session_free(r);

    /* the same file, one byte more: changed */
    test_append(copy, " ");
    CHECK(journal_replay(jd, sc, diags) == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, 1, "has changed since"));
    diag_list_clear(diags);
    test_write(copy, xml);

    /* another scenario */
    scenario *other = test_load(RAPPORT_TEST_DATA "/escaping.xml");
    CHECK(journal_replay(jd, other, diags) == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, 1, "the journal is of scenario"));
    diag_list_clear(diags);
    scenario_free(other);
    journal_data_free(jd);

    /* an entry that does not fit: another node, another option */
    char *text = test_read(path);
    char *edited = malloc(strlen(text) + 64);
    char *at = strstr(text, "\"node\":\"start\"");
    snprintf(edited, strlen(text) + 64, "%.*s\"node\":\"second\"%s",
             (int)(at - text), text, at + strlen("\"node\":\"start\""));
    test_write(path, edited);
    jd = journal_read(path, diags);
    CHECK(jd && journal_replay(jd, sc, diags) == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, 2,
                        "turn 1 cannot be replayed: the call is at node "
                        "'start', not 'second'"));
    journal_data_free(jd);
    diag_list_clear(diags);
    at = strstr(text, "\"choice_index\":0");
    snprintf(edited, strlen(text) + 64, "%.*s\"choice_index\":1%s",
             (int)(at - text), text, at + strlen("\"choice_index\":0"));
    test_write(path, edited);
    jd = journal_read(path, diags);
    CHECK(jd && journal_replay(jd, sc, diags) == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, 2,
                        "option 1 on offer is not the journaled one"));
    journal_data_free(jd);
    diag_list_clear(diags);
    /* a timeout that the customer's patience does not give */
    at = strstr(text, "\"choice\":1,\"choice_index\":0");
    snprintf(edited, strlen(text) + 64, "%.*s\"timed_out\":true%s",
             (int)(at - text), text,
             at + strlen("\"choice\":1,\"choice_index\":0"));
    test_write(path, edited);
    jd = journal_read(path, diags);
    CHECK(jd && journal_replay(jd, sc, diags) == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, 2, "patience does not run out"));
    journal_data_free(jd);
    diag_list_free(diags);

    free(edited);
    free(text);
    free(path);
    free(xml);
    session_free(s);
    scenario_free(sc);
    test_rm_tree(dir);
    free(dir);
}

static void test_listing(const scenario *tiny)
{
    char *dir = test_mkdtemp();
    diag_list *diags = diag_list_new();
    /* no in-progress folder yet: nothing left, no error */
    char **list = journal_list(dir, diags);
    CHECK(list && list[0] == NULL);
    journal_list_free(list);
    CHECK_INT(diag_count(diags), 0);

    session *s = session_new(tiny, NULL);
    result_info info = test_info("Ben");
    info.started_ms += 60000;
    journal *late = journal_open(dir, s, NULL, &info, NULL, diags);
    info = test_info("Ana");
    journal *early = journal_open(dir, s, NULL, &info, NULL, diags);
    char other[1024];
    snprintf(other, sizeof other, "%s/in-progress/notes.txt", dir);
    test_write(other, "not a journal");
    snprintf(other, sizeof other, "%s/in-progress/folder.journal", dir);
    mkdir(other, 0755);
    list = journal_list(dir, diags);
    CHECK(list && list[0] && list[1] && !list[2]);
    if (list && list[0] && list[1]) {
        CHECK_STR(list[0], journal_path(early));
        CHECK_STR(list[1], journal_path(late));
    }
    journal_list_free(list);
    journal_list_free(NULL);
    journal_close(early, false, diags);
    /* removed: no longer listed */
    CHECK_INT(journal_close(late, true, diags), 0);
    list = journal_list(dir, diags);
    CHECK(list && list[0] && !list[1]);
    CHECK_INT(journal_remove(list ? list[0] : NULL, diags), 0);
    CHECK_INT(journal_remove(list ? list[0] : NULL, diags), -1);
    CHECK(test_diag_has(diags, DIAG_ERROR, -1, "cannot remove the journal"));
    journal_list_free(list);
    diag_list_clear(diags);

    /* a file where the folder should be */
    char file[1024];
    snprintf(file, sizeof file, "%s/file", dir);
    test_write(file, "x");
    CHECK(journal_open(file, s, NULL, &info, NULL, diags) == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, -1, "cannot start a journal"));
    diag_list_clear(diags);
    /* bad arguments */
    CHECK(journal_open(NULL, s, NULL, &info, NULL, diags) == NULL);
    info.trainee = "";
    CHECK(journal_open(dir, s, NULL, &info, NULL, diags) == NULL);
    CHECK(journal_list(NULL, diags) == NULL);
    CHECK_INT(journal_append(NULL, s, diags), -1);
    session_free(s);
    diag_list_free(diags);
    test_rm_tree(dir);
    free(dir);
}

/* ---------- failing writes ---------- */

typedef struct {
    int write_err;     /* errno for write(), 0 = works */
    size_t write_part; /* bytes written before failing, 0 = none */
    int fsync_err;
} test_fault;

static ssize_t test_fault_write(void *ctx, int fd, const void *buf, size_t n)
{
    test_fault *f = ctx;
    if (f->write_err == 0) {
        return write(fd, buf, n);
    }
    if (f->write_part > 0) {
        size_t part = f->write_part < n ? f->write_part : n;
        f->write_part = 0;
        return write(fd, buf, part);
    }
    errno = f->write_err;
    return -1;
}

static int test_fault_fsync(void *ctx, int fd)
{
    test_fault *f = ctx;
    if (f->fsync_err) {
        errno = f->fsync_err;
        return -1;
    }
    return fsync(fd);
}

static void test_faults(const scenario *tiny)
{
    char *dir = test_mkdtemp();
    diag_list *diags = diag_list_new();
    test_fault f = {0, 0, 0};
    result_io io = {
        .ctx = &f, .write = test_fault_write, .fsync = test_fault_fsync};
    session *s = session_new(tiny, NULL);
    result_info info = test_info("Ana");

    /* the header cannot be written: no journal, no file left */
    f.write_err = ENOSPC;
    CHECK(journal_open(dir, s, NULL, &info, &io, diags) == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, -1, "No space left on device"));
    char **list = journal_list(dir, NULL);
    CHECK(list && list[0] == NULL);
    journal_list_free(list);
    diag_list_clear(diags);

    f.write_err = 0;
    journal *j = journal_open(dir, s, NULL, &info, &io, diags);
    CHECK(j != NULL);
    /* the disk fills up in the middle of a record: it is cut off again */
    session_choose(s, 0, 3000);
    f.write_err = ENOSPC;
    f.write_part = 10;
    CHECK_INT(journal_append(j, s, diags), -1);
    CHECK(test_diag_has(diags, DIAG_ERROR, -1,
                        "cannot write the journal: No space left"));
    CHECK_INT(journal_turn_count(j), 0);
    diag_list_clear(diags);
    journal_data *jd = journal_read(journal_path(j), diags);
    CHECK(jd && jd->entry_count == 0 && !jd->torn);
    journal_data_free(jd);
    /* fsync fails: not written either */
    f.write_err = 0;
    f.fsync_err = EIO;
    CHECK_INT(journal_append(j, s, diags), -1);
    CHECK(test_diag_has(diags, DIAG_ERROR, -1, "Input/output error"));
    diag_list_clear(diags);
    /* space again: the next append writes what is missing */
    f.fsync_err = 0;
    CHECK_INT(journal_append(j, s, diags), 0);
    jd = journal_read(journal_path(j), diags);
    CHECK(jd && jd->entry_count == 1);
    journal_data_free(jd);
    CHECK_INT(diag_count(diags), 0);
    journal_close(j, true, diags);
    session_free(s);
    diag_list_free(diags);
    test_rm_tree(dir);
    free(dir);
}

/* ---------- saving ---------- */

static void test_save(const scenario *tiny)
{
    char *dir = test_mkdtemp();
    diag_list *diags = diag_list_new();
    char *path = test_one_reply(tiny, dir);
    journal_data *jd = journal_read(path, diags);
    session *s = jd ? journal_replay(jd, tiny, diags) : NULL;
    CHECK(s != NULL);
    result_info info;
    journal_result_info(jd, s, &info);
    CHECK_STR(info.trainee, "Ana");
    CHECK_INT(info.started_ms, TEST_START_MS);
    CHECK_INT(info.ended_ms, TEST_START_MS + 3000);
    CHECK(info.interrupted);
    CHECK_INT(info.feedback_mode, RESULT_FEEDBACK_IMMEDIATE);

    result_paths saved;
    CHECK_INT(journal_save_result(dir, jd, s, NULL, &saved, diags), 0);
    CHECK_INT(diag_count(diags), 0);
    CHECK(saved.path[RESULT_FILE_JSON] &&
          strstr(saved.path[RESULT_FILE_JSON],
                 "/20231114-221320-ana-tiny-01.json"));
    result_record *r =
        result_record_load_file(saved.path[RESULT_FILE_JSON], diags);
    CHECK(r && !r->complete && r->turn_count == 1);
    if (r && r->turn_count == 1) {
        CHECK_INT(r->turns[0].choice, 1);
        CHECK_INT(r->turns[0].response_ms, 3000);
        CHECK_INT(r->duration_ms, 3000);
    }
    result_record_free(r);
    char *html = test_read(saved.path[RESULT_FILE_HTML]);
    CHECK_CONTAINS(html, "Incomplete attempt");
    free(html);
    char *xapi = test_read(saved.path[RESULT_FILE_XAPI]);
    CHECK_CONTAINS(xapi, "http://adlnet.gov/expapi/verbs/terminated");
    CHECK(xapi && !strstr(xapi, "verbs/completed"));
    free(xapi);
    result_paths_clear(&saved);
    /* saved: the journal goes */
    CHECK_INT(journal_remove(path, diags), 0);
    char **list = journal_list(dir, diags);
    CHECK(list && !list[0]);
    journal_list_free(list);

    /* a journal whose session had ended is saved complete */
    CHECK_INT(session_choose(s, 0, 1000), SESSION_OK);
    CHECK(journal_save_result(dir, jd, s, NULL, &saved, diags) == 0);
    r = result_record_load_file(saved.path[RESULT_FILE_JSON], diags);
    CHECK(r && r->complete && r->turn_count == 2);
    result_record_free(r);
    result_paths_clear(&saved);
    CHECK_INT(journal_save_result(dir, NULL, s, NULL, &saved, diags), -1);
    session_free(s);
    journal_data_free(jd);
    free(path);
    diag_list_free(diags);
    test_rm_tree(dir);
    free(dir);
}

/* Ownership: a live journal (open in this process: flock locks of two open
 * files conflict even in one process) is LIVE to journal_take, cannot be
 * continued, and is TAKEN once closed; a removed one is GONE; an empty or
 * header-less one is removed (EMPTIED) with a warning; no temporary file
 * is left in in-progress/. */
static void test_ownership(const scenario *tiny)
{
    char *dir = test_mkdtemp();
    diag_list *diags = diag_list_new();
    session *s = session_new(tiny, NULL);
    session_choose(s, 0, 3000);
    result_info info = test_info("Ana");
    journal *j = journal_open(dir, s, NULL, &info, NULL, diags);
    CHECK(j != NULL);
    char *path = strdup(journal_path(j));
    char inprog[600];
    snprintf(inprog, sizeof inprog, "%s/in-progress", dir);
    DIR *d = opendir(inprog);
    int entries = 0;
    const struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        entries +=
            e->d_name[0] != '.' || strncmp(e->d_name, ".rapport-", 9) == 0;
    }
    if (d) {
        closedir(d);
    }
    CHECK_INT(entries, 1); /* the journal, no temporary file */

    filelock *lock = NULL;
    CHECK_INT(journal_take(path, &lock, diags), JOURNAL_LIVE);
    CHECK(lock == NULL);
    journal_data *jd = journal_read(path, diags);
    CHECK(jd != NULL);
    journal *again = jd ? journal_continue(jd, s, NULL, diags) : NULL;
    CHECK(again == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, -1, "another running Rapport"));
    diag_list_clear(diags);

    CHECK_INT(journal_close(j, false, diags), 0);
    CHECK_INT(journal_take(path, &lock, diags), JOURNAL_TAKEN);
    CHECK(lock != NULL);
    /* taken: a second taker finds it busy */
    filelock *second = NULL;
    CHECK_INT(journal_take(path, &second, diags), JOURNAL_LIVE);
    /* played on under the lock taken, then removed holding it */
    j = jd ? journal_continue_locked(jd, s, lock, NULL, diags) : NULL;
    CHECK(j != NULL);
    CHECK_INT(journal_take(path, &second, diags), JOURNAL_LIVE);
    CHECK_INT(journal_close(j, true, diags), 0);
    CHECK_INT(journal_take(path, &second, diags), JOURNAL_GONE);
    CHECK_INT(diag_count(diags), 0);
    journal_data_free(jd);

    /* empty, and a header cut short: removed, and said so */
    const char *bodies[] = {"", "{\"format\": \"rapport-jour"};
    for (size_t i = 0; i < 2; i++) {
        CHECK(mkdir(inprog, 0777) == 0 || errno == EEXIST);
        test_write(path, bodies[i]);
        CHECK_INT(journal_take(path, &second, diags), JOURNAL_EMPTIED);
        CHECK(second == NULL);
        CHECK(access(path, F_OK) != 0);
        CHECK(test_diag_has(diags, DIAG_WARNING, -1,
                            "removed an empty journal"));
        diag_list_clear(diags);
    }
    free(path);
    session_free(s);
    diag_list_free(diags);
    test_rm_tree(dir);
    free(dir);
}

/* A call saved, its journal left (a program stopped between the two):
 * saving the journal again finds the record and writes nothing. */
static void test_save_once(const scenario *tiny)
{
    char *dir = test_mkdtemp();
    diag_list *diags = diag_list_new();
    char *path = test_one_reply(tiny, dir);
    journal_data *jd = journal_read(path, diags);
    session *s = jd ? journal_replay(jd, tiny, diags) : NULL;
    CHECK(s != NULL);
    result_paths saved;
    bool already = true;
    CHECK_INT(journal_save_once(dir, jd, s, NULL, &saved, &already, diags), 0);
    CHECK(!already);
    char *first = saved.path[RESULT_FILE_JSON]
                      ? strdup(saved.path[RESULT_FILE_JSON])
                      : NULL;
    result_paths_clear(&saved);
    CHECK_INT(journal_save_once(dir, jd, s, NULL, &saved, &already, diags), 0);
    CHECK(already);
    CHECK(first && saved.path[RESULT_FILE_JSON] &&
          strcmp(first, saved.path[RESULT_FILE_JSON]) == 0);
    CHECK(saved.path[RESULT_FILE_XAPI] &&
          strstr(saved.path[RESULT_FILE_XAPI], "-01.xapi.json"));
    result_paths_clear(&saved);
    /* the record names its call as its xAPI statements do */
    result_record *r = first ? result_record_load_file(first, diags) : NULL;
    char id[37] = "";
    if (r) {
        result_record_call_id(r, id);
    }
    char xapi_path[700];
    snprintf(xapi_path, sizeof xapi_path, "%.*s.xapi.json",
             first ? (int)strlen(first) - 5 : 0, first ? first : "");
    char *xapi = test_read(xapi_path);
    char reg[80];
    snprintf(reg, sizeof reg, "\"registration\":\t\"%s\"", id);
    CHECK(id[0] != '\0');
    CHECK_CONTAINS(xapi, reg);
    free(xapi);
    result_record_free(r);
    /* the call goes on to its end: the complete record is a new one */
    CHECK_INT(session_choose(s, 0, 1000), SESSION_OK);
    CHECK_INT(journal_save_once(dir, jd, s, NULL, &saved, &already, diags), 0);
    CHECK(!already);
    result_paths_clear(&saved);
    CHECK_INT(journal_save_once(dir, jd, s, NULL, &saved, &already, diags), 0);
    CHECK(already);
    result_paths_clear(&saved);
    CHECK_INT(diag_count(diags), 0);
    free(first);
    session_free(s);
    journal_data_free(jd);
    free(path);
    diag_list_free(diags);
    test_rm_tree(dir);
    free(dir);
}

/* More replies than a journal may hold: refused with a clear error. */
static void test_limits(void)
{
    static const char header[] =
        "{\"format\":\"rapport-journal\",\"format_version\":1,\"scenario\":"
        "{\"path\":\"/x.xml\",\"id\":\"tiny\",\"version\":\"1\",\"title\":"
        "\"T\",\"bytes\":1,\"fingerprint\":\"f\"},\"trainee\":\"Ana\","
        "\"started\":\"x\",\"started_ms\":0,\"settings\":{\"feedback_mode\":"
        "\"withheld\",\"relaxed_timing\":false}}\n";
    size_t n = JOURNAL_MAX_TURNS + 1;
    size_t cap = sizeof header + n * 80;
    char *buf = malloc(cap);
    CHECK(buf != NULL);
    if (!buf) {
        return;
    }
    size_t len = (size_t)snprintf(buf, cap, "%s", header);
    for (size_t i = 0; i < n; i++) {
        len += (size_t)snprintf(buf + len, cap - len,
                                "{\"turn\":%zu,\"node\":\"a\",\"choice\":1,"
                                "\"choice_index\":0,\"response_ms\":1}\n",
                                i + 1);
    }
    diag_list *diags = diag_list_new();
    journal_data *jd = journal_parse(buf, len, "big.journal", diags);
    CHECK(jd == NULL);
    CHECK(test_diag_has(diags, DIAG_ERROR, (int)n + 1, "more than 200000"));
    diag_list_clear(diags);
    /* one fewer is read, every entry in place */
    const char *last = buf + len - 1;
    while (last > buf && last[-1] != '\n') {
        last--;
    }
    jd = journal_parse(buf, (size_t)(last - buf), "big.journal", diags);
    CHECK(jd && jd->entry_count == JOURNAL_MAX_TURNS);
    CHECK(jd && jd->entries[JOURNAL_MAX_TURNS - 1].choice == 1);
    journal_data_free(jd);
    diag_list_free(diags);
    free(buf);
}

int main(void)
{
    scenario *tiny = test_load(RAPPORT_TEST_DATA "/tiny.xml");
    test_write_read_replay(tiny);
    test_damage(tiny);
    test_replay_checks(tiny);
    test_listing(tiny);
    test_faults(tiny);
    test_save(tiny);
    test_ownership(tiny);
    test_save_once(tiny);
    test_limits();
    scenario_free(tiny);
    return check_done("test_journal");
}
