/* phone_journal.c — the phones' events on disk (see phone_journal.h). */
#include "phone_journal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "phone_text.h"
#include "phone_words.h"

struct phone_journal {
    int fd;
    off_t bytes; /* what is known to be whole */
    bool broken; /* a cut line could not be cut off: no more lines */
    char *path;
};

static void phone_journal_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    /* in the facilitator's language (the format is the catalogue's key) */
    vsnprintf(err, errlen, fmt[0] ? dgettext(PHONE_DOMAIN, fmt) : fmt, ap);
    va_end(ap);
}

/* Writes a line whole or not at all (what was written is cut off). */
static int phone_journal_line(phone_journal *j, cJSON *o)
{
    if (j->broken) {
        cJSON_Delete(o);
        errno = EIO;
        return -1;
    }
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text) {
        errno = ENOMEM;
        return -1;
    }
    size_t n = strlen(text);
    char *line = malloc(n + 2);
    if (!line) {
        free(text);
        errno = ENOMEM;
        return -1;
    }
    memcpy(line, text, n);
    line[n] = '\n';
    free(text);
    n++;
    size_t done = 0;
    int rc = 0;
    while (done < n) {
        ssize_t w = write(j->fd, line + done, n - done);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            rc = -1;
            break;
        }
        done += (size_t)w;
    }
    free(line);
    if (rc != 0) {
        int saved = errno;
        if (ftruncate(j->fd, j->bytes) == 0) {
            (void)lseek(j->fd, j->bytes, SEEK_SET);
        }
        /* No line after a failed one: a line written after one not cut
         * off would be lost with it, and an acknowledgement covers every
         * event before it. */
        j->broken = true;
        errno = saved;
        return -1;
    }
    j->bytes += (off_t)n;
    return 0;
}

/* Cuts the file back to just after its last newline (to nothing when it
 * has none: a header cut short). 0, or -1 with errno. */
static int phone_journal_cut_torn(phone_journal *j)
{
    char buf[4096];
    off_t end = j->bytes;
    while (end > 0) {
        size_t want = end > (off_t)sizeof buf ? sizeof buf : (size_t)end;
        ssize_t n = pread(j->fd, buf, want, end - (off_t)want);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n != (ssize_t)want) {
            if (n >= 0) {
                errno = EIO;
            }
            return -1;
        }
        size_t i = want;
        while (i > 0 && buf[i - 1] != '\n') {
            i--;
        }
        if (i > 0) {
            end = end - (off_t)want + (off_t)i;
            break;
        }
        end -= (off_t)want;
    }
    if (end == j->bytes) {
        return 0;
    }
    if (ftruncate(j->fd, end) != 0 || fsync(j->fd) != 0) {
        return -1;
    }
    j->bytes = end;
    return 0;
}

phone_journal *phone_journal_open(const char *path, const char *code,
                                  char *err, size_t errlen)
{
    if (!path || !phone_text_is_code(code, PHONE_CODE_DIGITS)) {
        phone_journal_err(err, errlen, "no journal path or join code");
        return NULL;
    }
    phone_journal *j = calloc(1, sizeof *j);
    if (!j || !(j->path = strdup(path))) {
        free(j);
        phone_journal_err(err, errlen, "out of memory");
        return NULL;
    }
    j->fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    struct stat st;
    if (j->fd < 0 || fstat(j->fd, &st) != 0) {
        phone_journal_err(err, errlen, "%s: %s", path, strerror(errno));
        phone_journal_close(j);
        return NULL;
    }
    j->bytes = st.st_size;
    /* A line cut short by a crash (a kill while writing) is cut off
     * here, so that the next line starts on a line of its own. */
    if (st.st_size > 0 && phone_journal_cut_torn(j) != 0) {
        phone_journal_err(err, errlen, "%s: %s", path, strerror(errno));
        phone_journal_close(j);
        return NULL;
    }
    if (j->bytes == 0) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "format", PHONE_JOURNAL_FORMAT);
        cJSON_AddNumberToObject(o, "format_version", PHONE_JOURNAL_VERSION);
        cJSON_AddStringToObject(o, "code", code);
        if (phone_journal_line(j, o) != 0 || phone_journal_sync(j) != 0) {
            phone_journal_err(err, errlen, "%s: %s", path, strerror(errno));
            phone_journal_close(j);
            return NULL;
        }
    }
    return j;
}

int phone_journal_add(phone_journal *j, const phone_event *ev)
{
    if (!j || !ev) {
        return -1;
    }
    cJSON *o = cJSON_CreateObject();
    if (ev->kind == PHONE_EV_JOIN) {
        cJSON_AddNumberToObject(o, "join", ev->device);
        cJSON_AddStringToObject(o, "token", ev->token);
        cJSON_AddStringToObject(o, "nick", ev->nick);
        if (ev->team >= 0) {
            cJSON_AddNumberToObject(o, "team", ev->team);
        }
    } else {
        cJSON_AddNumberToObject(o, "vote", ev->device);
        cJSON_AddStringToObject(o, "token", ev->token);
        cJSON_AddNumberToObject(o, "ballot", ev->ballot);
        cJSON_AddNumberToObject(o, "option", ev->option);
        cJSON_AddNumberToObject(o, "previous", ev->previous);
    }
    return phone_journal_line(j, o);
}

int phone_journal_sync(phone_journal *j)
{
    return j && !j->broken && fsync(j->fd) == 0 ? 0 : -1;
}

void phone_journal_close(phone_journal *j)
{
    if (!j) {
        return;
    }
    if (j->fd >= 0) {
        close(j->fd);
    }
    free(j->path);
    free(j);
}

/* ---------- reading ---------- */

static char *phone_journal_slurp(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        phone_journal_err(err, errlen, "%s: %s", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return NULL;
    }
    if (!S_ISREG(st.st_mode) || st.st_size > PHONE_JOURNAL_MAX_BYTES) {
        phone_journal_err(err, errlen, "%s: not a phones journal (%s)", path,
                          S_ISREG(st.st_mode) ? "too large"
                                              : "not a regular file");
        close(fd);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (buf && got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
    }
    close(fd);
    if (!buf) {
        phone_journal_err(err, errlen, "out of memory");
        return NULL;
    }
    buf[got] = '\0';
    return buf;
}

static bool phone_journal_token(const cJSON *o, char *out)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "token");
    if (!cJSON_IsString(t) ||
        !phone_text_is_token(t->valuestring, PHONE_TOKEN_HEX)) {
        return false;
    }
    memcpy(out, t->valuestring, PHONE_TOKEN_HEX + 1);
    return true;
}

static bool phone_journal_int(const cJSON *o, const char *name, int lo, int hi,
                              int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi ||
        v->valuedouble != (double)(int)v->valuedouble) {
        return false;
    }
    *out = (int)v->valuedouble;
    return true;
}

static bool phone_journal_entry(phone_journal_data *d, const cJSON *o)
{
    int device, ballot, option, previous;
    if (cJSON_GetObjectItemCaseSensitive(o, "join")) {
        phone_journal_device dev = {0};
        const cJSON *nick = cJSON_GetObjectItemCaseSensitive(o, "nick");
        dev.team = -1;
        if (cJSON_GetObjectItemCaseSensitive(o, "team") &&
            !phone_journal_int(o, "team", 0, PHONE_MAX_TEAMS - 1, &dev.team)) {
            return false;
        }
        if (!phone_journal_int(o, "join", 1, 1000000, &device) ||
            !phone_journal_token(o, dev.token) || !cJSON_IsString(nick) ||
            phone_text_clean_nick(nick->valuestring, PHONE_NICK_MAX_CHARS,
                                  dev.nick, sizeof dev.nick) < 0) {
            return false;
        }
        if (d->device_count >= PHONE_JOURNAL_MAX_DEVICES) {
            d->too_many = true;
            return false;
        }
        if (d->device_count == d->device_cap) {
            size_t cap = d->device_cap ? d->device_cap * 2 : 16;
            phone_journal_device *more =
                realloc(d->devices, cap * sizeof *more);
            if (!more) {
                return false;
            }
            d->devices = more;
            d->device_cap = cap;
        }
        d->devices[d->device_count++] = dev;
        return true;
    }
    phone_journal_vote v = {0};
    if (!phone_journal_int(o, "vote", 1, 1000000, &device) ||
        !phone_journal_token(o, v.token) ||
        !phone_journal_int(o, "ballot", 1, 1000000, &ballot) ||
        !phone_journal_int(o, "option", 0, PHONE_MAX_OPTIONS - 1, &option) ||
        !phone_journal_int(o, "previous", -1, PHONE_MAX_OPTIONS - 1,
                           &previous)) {
        return false;
    }
    v.device = (unsigned)device;
    v.ballot = (unsigned)ballot;
    v.option = option;
    v.previous = previous;
    v.team = -1;
    for (size_t i = d->device_count; i > 0; i--) {
        if (strcmp(d->devices[i - 1].token, v.token) == 0) {
            v.team = d->devices[i - 1].team;
            break;
        }
    }
    if (d->vote_count == d->vote_cap) {
        size_t cap = d->vote_cap ? d->vote_cap * 2 : 64;
        phone_journal_vote *more = realloc(d->votes, cap * sizeof *more);
        if (!more) {
            return false;
        }
        d->votes = more;
        d->vote_cap = cap;
    }
    d->votes[d->vote_count++] = v;
    return true;
}

static phone_journal_data *phone_journal_take(char *text, const char *path,
                                              char *err, size_t errlen);

phone_journal_data *phone_journal_read(const char *path, char *err,
                                       size_t errlen)
{
    char *text = phone_journal_slurp(path, err, errlen);
    if (!text) {
        return NULL;
    }
    return phone_journal_take(text, path, err, errlen);
}

phone_journal_data *phone_journal_parse(const char *buf, size_t size,
                                        const char *path, char *err,
                                        size_t errlen)
{
    if (size > PHONE_JOURNAL_MAX_BYTES) {
        phone_journal_err(err, errlen, "%s: not a phones journal (too large)",
                          path);
        return NULL;
    }
    char *text = malloc(size + 1);
    if (!text) {
        phone_journal_err(err, errlen, "out of memory");
        return NULL;
    }
    memcpy(text, buf, size);
    text[size] = '\0';
    return phone_journal_take(text, path, err, errlen);
}

/* Reads the journal in text (NUL-terminated, freed here). */
static phone_journal_data *phone_journal_take(char *text, const char *path,
                                              char *err, size_t errlen)
{
    phone_journal_data *d = calloc(1, sizeof *d);
    if (!d) {
        free(text);
        phone_journal_err(err, errlen, "out of memory");
        return NULL;
    }
    bool header = false;
    char *line = text;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) {
            *nl = '\0';
        }
        cJSON *o = cJSON_Parse(line);
        if (!header) {
            const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(o, "format");
            const cJSON *ver =
                cJSON_GetObjectItemCaseSensitive(o, "format_version");
            const cJSON *code = cJSON_GetObjectItemCaseSensitive(o, "code");
            if (!cJSON_IsString(fmt) ||
                strcmp(fmt->valuestring, PHONE_JOURNAL_FORMAT) != 0 ||
                !cJSON_IsNumber(ver) ||
                ver->valuedouble != PHONE_JOURNAL_VERSION ||
                !cJSON_IsString(code) ||
                !phone_text_is_code(code->valuestring, PHONE_CODE_DIGITS)) {
                cJSON_Delete(o);
                free(text);
                phone_journal_data_free(d);
                phone_journal_err(err, errlen, "%s: not a phones journal",
                                  path);
                return NULL;
            }
            memcpy(d->code, code->valuestring, PHONE_CODE_DIGITS + 1);
            header = true;
        } else if (!o || !phone_journal_entry(d, o)) {
            d->skipped++;
        }
        cJSON_Delete(o);
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    if (!header) {
        phone_journal_data_free(d);
        phone_journal_err(err, errlen, "%s: empty phones journal", path);
        return NULL;
    }
    if (d->too_many) {
        phone_journal_data_free(d);
        phone_journal_err(
            err, errlen, "%s: more than %u phones joined; the limit is %u",
            path, PHONE_JOURNAL_MAX_DEVICES, PHONE_JOURNAL_MAX_DEVICES);
        return NULL;
    }
    return d;
}

void phone_journal_data_free(phone_journal_data *d)
{
    if (!d) {
        return;
    }
    free(d->devices);
    free(d->votes);
    free(d);
}

int phone_journal_restore(const phone_journal_data *d, phone_server *s)
{
    int failed = 0;
    for (size_t i = 0; i < d->device_count; i++) {
        if (phone_server_restore_join_team(s, d->devices[i].token,
                                           d->devices[i].nick,
                                           d->devices[i].team) != 0) {
            failed++;
        }
    }
    for (size_t i = 0; i < d->vote_count; i++) {
        if (phone_server_restore_vote(s, d->votes[i].token, d->votes[i].ballot,
                                      d->votes[i].option) != 0) {
            failed++;
        }
    }
    return -failed;
}

size_t phone_journal_tally(const phone_journal_data *d, unsigned ballot,
                           int *tally, size_t count)
{
    return phone_journal_tally_team(d, ballot, -1, tally, count);
}

size_t phone_journal_tally_team(const phone_journal_data *d, unsigned ballot,
                                int team, int *tally, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        tally[i] = 0;
    }
    size_t votes = 0;
    /* the latest vote of each device at that ballot */
    for (size_t i = 0; i < d->vote_count; i++) {
        const phone_journal_vote *v = &d->votes[i];
        if (v->ballot != ballot || (team >= 0 && v->team != team)) {
            continue;
        }
        bool later = false;
        for (size_t k = i + 1; k < d->vote_count && !later; k++) {
            later = d->votes[k].ballot == ballot &&
                    strcmp(d->votes[k].token, v->token) == 0;
        }
        if (!later && (size_t)v->option < count) {
            tally[v->option]++;
            votes++;
        }
    }
    return votes;
}
