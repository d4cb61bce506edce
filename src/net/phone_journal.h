/* phone_journal.h — what the phones did, kept on disk so that a crash
 * loses no acknowledged vote (issue 12). The game writes every event it
 * takes from the phone server here, fsyncs, and only then calls
 * phone_server_saved(), which acknowledges the votes to the phones. On
 * resume, phone_journal_read and phone_journal_restore re-create the
 * devices (their tokens, so phones keep voting with their cookies), their
 * votes, and the join code.
 *
 * File: beside the class session's journal, in JSON Lines written with
 * cJSON:
 *   line 1: {"format": "rapport-phones", "format_version": 1,
 *            "code": "123456"}
 *   then:   {"join": DEVICE, "token": HEX, "nick": TEXT[, "team": T]}
 *           {"vote": DEVICE, "token": HEX, "ballot": N, "option": I,
 *            "previous": P}
 * DEVICE is 1-based, I and P 0-based (P -1: the device's first vote at
 * that ballot). T, the device's team in teams mode, is 0-based; a join
 * without it (every journal of a whole-class session, and journals
 * written before teams could use phones) is a device of the whole class.
 * A vote counts for its device's team. A line cut short by a crash can only be
 * the last one and is ignored when read, and cut off when the journal is
 * opened again (so the next line starts on a line of its own).
 *
 * Ownership: phone_journal_open returns a journal closed (and freed) with
 * phone_journal_close (NULL accepted). phone_journal_read returns data
 * freed with phone_journal_data_free (NULL accepted).
 */
#ifndef RAPPORT_PHONE_JOURNAL_H
#define RAPPORT_PHONE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "phone_server.h"

#define PHONE_JOURNAL_FORMAT "rapport-phones"
#define PHONE_JOURNAL_VERSION 1
/* Files larger than this are refused. */
#define PHONE_JOURNAL_MAX_BYTES (8u * 1024u * 1024u)
/* A journal with more phones than this is refused (a room has at most
 * PHONE_DEFAULT_MAX_DEVICES unless told otherwise). */
#define PHONE_JOURNAL_MAX_DEVICES 10000u

typedef struct phone_journal phone_journal;

/* Opens path for appending; when the file is new (or empty) writes the
 * header with code. NULL with a message in err. */
phone_journal *phone_journal_open(const char *path, const char *code,
                                  char *err, size_t errlen);
/* Appends one event (a join or a vote); not yet durable. -1 on a write
 * error (the line is cut off again); after one, every later add and sync
 * fails too, so that nothing after a lost event is acknowledged. */
int phone_journal_add(phone_journal *j, const phone_event *ev);
/* Makes what was added durable (fsync). -1 on error. */
int phone_journal_sync(phone_journal *j);
void phone_journal_close(phone_journal *j);

typedef struct {
    char token[PHONE_TOKEN_HEX + 1];
    char nick[PHONE_NICK_MAX_BYTES + 1];
    int team; /* 0-based, or -1: the whole class */
} phone_journal_device;

typedef struct {
    char token[PHONE_TOKEN_HEX + 1];
    unsigned device;
    unsigned ballot;
    int option;
    int previous;
    int team; /* its device's team (-1: whole class, or no such device) */
} phone_journal_vote;

typedef struct {
    char code[PHONE_CODE_DIGITS + 1];
    phone_journal_device *devices;
    size_t device_count;
    phone_journal_vote *votes; /* in order */
    size_t vote_count;
    size_t skipped; /* lines that could not be read (a cut last line) */
    size_t device_cap, vote_cap; /* allocated (private) */
    bool too_many;               /* over PHONE_JOURNAL_MAX_DEVICES (private) */
} phone_journal_data;

/* Reads a journal. NULL with a message in err when the file cannot be
 * read or is not a phones journal. */
phone_journal_data *phone_journal_read(const char *path, char *err,
                                       size_t errlen);
/* Reads a journal from memory (size bytes; path names it in messages). */
phone_journal_data *phone_journal_parse(const char *buf, size_t size,
                                        const char *path, char *err,
                                        size_t errlen);
void phone_journal_data_free(phone_journal_data *d);

/* Re-creates the devices and each device's latest vote in a server that
 * was made with d->code. -1 when the server refuses one (the count of
 * failures is returned negated). */
int phone_journal_restore(const phone_journal_data *d, phone_server *s);

/* Each device's latest vote at ballot, counted per option into tally
 * (count options, zeroed first). Returns the number of votes. */
size_t phone_journal_tally(const phone_journal_data *d, unsigned ballot,
                           int *tally, size_t count);
/* The same for the devices of one team (team < 0: every device). */
size_t phone_journal_tally_team(const phone_journal_data *d, unsigned ballot,
                                int team, int *tally, size_t count);

#endif
