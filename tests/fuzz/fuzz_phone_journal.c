/* fuzz_phone_journal.c — libFuzzer target: any bytes through the phones
 * journal reader (phone_journal_parse, as `rapport class --resume
 * --phones` and the game read the journal of the phones' joins and votes),
 * then restored into a phone server made with the journal's join code
 * (phone_server_new: no socket, no thread), as on resume, and a ballot
 * opened, closed and its events drained. The server's HTTP request and
 * body handling runs inside libmicrohttpd's callbacks and is not reachable
 * without a socket; tests/phone_test.py drives it over HTTP. Built only
 * with -DRAPPORT_FUZZ=ON and clang; CI runs it for a short while (see
 * .ci/run). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phone_journal.h"
#include "phone_server.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    phone_journal_data *d = phone_journal_parse(
        (const char *)data, size, "fuzz.phones", err, sizeof err);
    if (!d) {
        return 0;
    }
    phone_options o;
    memset(&o, 0, sizeof o);
    o.join_code = d->code;
    o.address = "127.0.0.1"; /* never bound: the server is not started */
    o.max_devices = PHONE_JOURNAL_MAX_DEVICES;
    phone_server *s = phone_server_new(&o, err, sizeof err);
    if (!s) {
        abort(); /* a code read from a journal makes a server */
    }
    (void)phone_journal_restore(d, s);
    const char *texts[3] = {"A", "B", "C"};
    if (phone_server_open_ballot(s, 1, texts, 3) == 0) {
        phone_server_close_ballot(s);
    }
    phone_event ev;
    while (phone_server_next_event(s, &ev)) {
        phone_server_saved(s, ev.seq);
    }
    phone_counts c = phone_server_counts(s);
    if (c.devices > d->device_count) {
        abort(); /* restored devices only */
    }
    phone_server_free(s);
    /* the same journal in a teams session (two teams): devices of a team
     * it does not have are refused, the rest counted once per team, and
     * the teams' tallies add up to the whole tally */
    static const char *const teams[] = {"Red", "Blue"};
    o.teams = teams;
    o.team_count = 2;
    s = phone_server_new(&o, err, sizeof err);
    if (!s) {
        abort();
    }
    (void)phone_journal_restore(d, s);
    c = phone_server_counts(s);
    if (c.team_devices[0] + c.team_devices[1] != c.devices ||
        c.devices > d->device_count) {
        abort();
    }
    phone_server_free(s);
    int all[3], red[3], blue[3];
    size_t n = phone_journal_tally(d, 1, all, 3);
    size_t nr = phone_journal_tally_team(d, 1, 0, red, 3);
    size_t nb = phone_journal_tally_team(d, 1, 1, blue, 3);
    if (nr + nb > n) {
        abort();
    }
    for (int i = 0; i < 3; i++) {
        if (red[i] + blue[i] > all[i]) {
            abort();
        }
    }
    phone_journal_data_free(d);
    return 0;
}
