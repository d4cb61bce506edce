/* phone_test_server.c — the phone server with a stand-in for the game, for
 * the Python tests (tests/phone_test.py). It journals every event to a
 * file (one line each, fsync'd) before calling phone_server_saved, keeps
 * the tallies, and takes commands on stdin, one per line:
 *   open N TEXT|TEXT|...   open ballot N with these options
 *   close | wait | end     close the ballot (then take its votes), wait
 *                          between turns, end the session
 *   tally N [TEAM]         print "tally N A=.. B=.. total=.." (of one
 *                          team's devices: TEAM 0-based, with --teams)
 *   counts                 print "counts devices=.. votes=.. refused=.."
 *   hold | release         stop / start saving events (a slow game)
 *   quit
 * Every command is answered with one line (after "ok" or the figures), so
 * the harness can wait for it. At start it prints
 *   ready URL CODE PORT
 * With --journal FILE events are journaled there (phone_journal.h), and an
 * existing journal is restored first (the code, the devices and their
 * votes), as the game does on resume. With --teams NAME,NAME... phones
 * pick a team when they join.
 */
#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "phone_journal.h"
#include "phone_server.h"

#define MAX_BALLOTS 64

static int wake_pipe[2];
static int tallies[MAX_BALLOTS + 1][PHONE_MAX_OPTIONS];
static int team_tallies[MAX_BALLOTS + 1][PHONE_MAX_TEAMS][PHONE_MAX_OPTIONS];
static phone_journal *journal;
static int holding;

static void on_wake(void *user)
{
    (void)user;
    char b = 1;
    ssize_t rc = write(wake_pipe[1], &b, 1);
    (void)rc; /* a full pipe already wakes the loop */
}

static void apply_vote(unsigned ballot, int team, int option, int previous)
{
    if (ballot == 0 || ballot > MAX_BALLOTS) {
        return;
    }
    if (previous >= 0) {
        tallies[ballot][previous]--;
    }
    tallies[ballot][option]++;
    if (team >= 0 && team < PHONE_MAX_TEAMS) {
        if (previous >= 0) {
            team_tallies[ballot][team][previous]--;
        }
        team_tallies[ballot][team][option]++;
    }
}

/* Takes every queued event, journals it, applies it, then says saved. */
static void drain(phone_server *s)
{
    if (holding) {
        return;
    }
    phone_event ev;
    uint64_t seq = 0;
    while (phone_server_next_event(s, &ev)) {
        if (phone_journal_add(journal, &ev) != 0) {
            fprintf(stderr, "phone_test_server: journal write failed\n");
            exit(1);
        }
        if (ev.kind == PHONE_EV_VOTE) {
            apply_vote(ev.ballot, ev.team, ev.option, ev.previous);
        }
        seq = ev.seq;
    }
    if (seq) {
        if (phone_journal_sync(journal) != 0) {
            fprintf(stderr, "phone_test_server: journal sync failed\n");
            exit(1);
        }
        phone_server_saved(s, seq);
    }
}

static void command(phone_server *s, char *line, int *quit)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (strncmp(line, "open ", 5) == 0) {
        char *rest = line + 5;
        char *end = NULL;
        unsigned long n = strtoul(rest, &end, 10);
        const char *texts[PHONE_MAX_OPTIONS];
        size_t count = 0;
        char *p = end && *end == ' ' ? end + 1 : NULL;
        while (p && count < PHONE_MAX_OPTIONS) {
            texts[count++] = p;
            p = strchr(p, '|');
            if (p) {
                *p++ = '\0';
            }
        }
        int rc = phone_server_open_ballot(s, (unsigned)n, texts, count);
        printf(rc == 0 ? "ok\n" : "error open\n");
    } else if (strcmp(line, "close") == 0) {
        phone_server_close_ballot(s);
        drain(s);
        printf("ok\n");
    } else if (strcmp(line, "wait") == 0) {
        phone_server_wait(s);
        printf("ok\n");
    } else if (strcmp(line, "end") == 0) {
        phone_server_end(s);
        printf("ok\n");
    } else if (strncmp(line, "tally ", 6) == 0) {
        char *end = NULL;
        unsigned n = (unsigned)strtoul(line + 6, &end, 10);
        int team = end && *end == ' ' ? atoi(end + 1) : -1;
        drain(s);
        if (n == 0 || n > MAX_BALLOTS || team >= PHONE_MAX_TEAMS) {
            printf("error tally\n");
        } else {
            int total = 0;
            const int *t = team >= 0 ? team_tallies[n][team] : tallies[n];
            printf("tally %u", n);
            for (int i = 0; i < 6; i++) {
                printf(" %c=%d", 'A' + i, t[i]);
                total += t[i];
            }
            printf(" total=%d\n", total);
        }
    } else if (strcmp(line, "counts") == 0) {
        drain(s);
        phone_counts c = phone_server_counts(s);
        printf("counts devices=%zu votes=%zu refused=%llu queued=%llu\n",
               c.devices, c.votes, (unsigned long long)c.refused,
               (unsigned long long)c.queued);
    } else if (strcmp(line, "hold") == 0) {
        holding = 1;
        printf("ok\n");
    } else if (strcmp(line, "release") == 0) {
        holding = 0;
        drain(s);
        printf("ok\n");
    } else if (strcmp(line, "quit") == 0) {
        *quit = 1;
        printf("ok\n");
    } else {
        printf("error unknown command\n");
    }
    fflush(stdout);
}

int main(int argc, char **argv)
{
    phone_options o = {0};
    o.address = "127.0.0.1";
    o.any_port = true;
    const char *journal_path = NULL;
    static const struct option longs[] = {
        {"address", required_argument, NULL, 'a'},
        {"port", required_argument, NULL, 'p'},
        {"max-devices", required_argument, NULL, 'm'},
        {"nicknames", no_argument, NULL, 'n'},
        {"lang", required_argument, NULL, 'l'},
        {"dir", required_argument, NULL, 'd'},
        {"title", required_argument, NULL, 't'},
        {"ui-lang", required_argument, NULL, 'u'},
        {"locale-dir", required_argument, NULL, 'L'},
        {"journal", required_argument, NULL, 'j'},
        {"request-ms", required_argument, NULL, 'r'},
        {"poll-ms", required_argument, NULL, 'P'},
        {"ack-ms", required_argument, NULL, 'k'},
        {"per-ip", required_argument, NULL, 'i'},
        {"debug", no_argument, NULL, 'D'},
        {"rate", required_argument, NULL, 'R'},
        {"teams", required_argument, NULL, 'T'},
        {NULL, 0, NULL, 0}};
    int opt;
    while ((opt = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        switch (opt) {
        case 'a':
            o.address = optarg;
            break;
        case 'p':
            o.port = (unsigned short)atoi(optarg);
            o.any_port = false;
            break;
        case 'm':
            o.max_devices = (size_t)atoi(optarg);
            break;
        case 'n':
            o.nicknames = true;
            break;
        case 'l':
            o.lang = optarg;
            break;
        case 'd':
            o.dir = optarg;
            break;
        case 't':
            o.title = optarg;
            break;
        case 'u':
            /* the page's words in this language, from the catalogue
             * (as the game's lang_use chooses it) */
            o.ui_lang = optarg;
            o.ui_dir = strcmp(optarg, "ar") == 0 ? "rtl" : "ltr";
            setenv("LANGUAGE", optarg, 1);
            if (!setlocale(LC_MESSAGES, "C.UTF-8")) {
                setlocale(LC_MESSAGES, "");
            }
            break;
        case 'L':
            bindtextdomain("rapport", optarg);
            bind_textdomain_codeset("rapport", "UTF-8");
            break;
        case 'j':
            journal_path = optarg;
            break;
        case 'r':
            o.request_ms = (unsigned)atoi(optarg);
            break;
        case 'P':
            o.poll_ms = (unsigned)atoi(optarg);
            break;
        case 'k':
            o.ack_ms = (unsigned)atoi(optarg);
            break;
        case 'D':
            o.debug = true;
            break;
        case 'i':
            o.per_ip_conns = (unsigned)atoi(optarg);
            break;
        case 'R':
            o.rate_per_s = (unsigned)atoi(optarg);
            break;
        case 'T': {
            static char *names[PHONE_MAX_TEAMS + 1];
            size_t n = 0;
            for (char *t = strtok(optarg, ","); t && n <= PHONE_MAX_TEAMS;
                 t = strtok(NULL, ",")) {
                names[n++] = t;
            }
            o.teams = (const char *const *)names;
            o.team_count = n;
            break;
        }
        default:
            return 2;
        }
    }
    if (pipe(wake_pipe) != 0) {
        return 1;
    }
    char err[256];
    phone_journal_data *old = NULL;
    if (journal_path && access(journal_path, F_OK) == 0) {
        old = phone_journal_read(journal_path, err, sizeof err);
        if (!old) {
            fprintf(stderr, "phone_test_server: %s\n", err);
            return 1;
        }
        o.join_code = old->code;
    }
    o.wake = on_wake;
    phone_server *s = phone_server_new(&o, err, sizeof err);
    if (!s) {
        fprintf(stderr, "phone_test_server: %s\n", err);
        return 1;
    }
    if (old) {
        if (phone_journal_restore(old, s) != 0) {
            fprintf(stderr, "phone_test_server: a device was not restored\n");
        }
        for (size_t i = 0; i < old->vote_count; i++) {
            apply_vote(old->votes[i].ballot, old->votes[i].team,
                       old->votes[i].option, old->votes[i].previous);
        }
        phone_journal_data_free(old);
    }
    char tmp[] = "/tmp/phone-journal-XXXXXX";
    if (!journal_path) {
        int fd = mkstemp(tmp);
        if (fd < 0) {
            return 1;
        }
        close(fd);
        unlink(tmp);
    }
    journal = phone_journal_open(journal_path ? journal_path : tmp,
                                 phone_server_code(s), err, sizeof err);
    if (!journal_path) {
        unlink(tmp);
    }
    if (!journal) {
        fprintf(stderr, "phone_test_server: %s\n", err);
        phone_server_free(s);
        return 1;
    }
    if (phone_server_start(s, err, sizeof err) != 0) {
        fprintf(stderr, "phone_test_server: %s\n", err);
        phone_server_free(s);
        return 1;
    }
    printf("ready %s %s %u\n", phone_server_url(s), phone_server_code(s),
           (unsigned)phone_server_port(s));
    fflush(stdout);
    char line[8192];
    size_t used = 0;
    int quit = 0;
    while (!quit) {
        struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0},
                                {wake_pipe[0], POLLIN, 0}};
        if (poll(fds, 2, 1000) < 0 && errno != EINTR) {
            break;
        }
        if (fds[1].revents & POLLIN) {
            char buf[256];
            ssize_t rc = read(wake_pipe[0], buf, sizeof buf);
            (void)rc;
            drain(s);
        }
        if (fds[0].revents & (POLLIN | POLLHUP)) {
            ssize_t n =
                read(STDIN_FILENO, line + used, sizeof line - 1 - used);
            if (n <= 0) {
                break;
            }
            used += (size_t)n;
            line[used] = '\0';
            char *nl;
            while (!quit && (nl = strchr(line, '\n')) != NULL) {
                *nl = '\0';
                command(s, line, &quit);
                size_t rest = used - (size_t)(nl + 1 - line);
                memmove(line, nl + 1, rest + 1);
                used = rest;
            }
            if (used == sizeof line - 1) {
                used = 0; /* a line too long: dropped */
            }
        }
    }
    phone_server_free(s);
    phone_journal_close(journal);
    return 0;
}
