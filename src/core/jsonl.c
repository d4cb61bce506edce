/* jsonl.c — durable JSON Lines writing and line-by-line reading shared by
 * the journals; see jsonl.h. */
#define _POSIX_C_SOURCE 200809L
#include "jsonl.h"

#include <errno.h>
#include <libxml/xmlstring.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ssize_t jsonl_io_write(const jsonl_file *f, const void *buf, size_t n)
{
    return f->io && f->io->write ? f->io->write(f->io->ctx, f->fd, buf, n)
                                 : write(f->fd, buf, n);
}

static int jsonl_io_fsync(const jsonl_file *f)
{
    return f->io && f->io->fsync ? f->io->fsync(f->io->ctx, f->fd)
                                 : fsync(f->fd);
}

int jsonl_write_line(jsonl_file *f, const char *line, size_t n)
{
    size_t done = 0;
    int rc = 0;
    while (done < n) {
        ssize_t w = jsonl_io_write(f, line + done, n - done);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            if (w == 0) {
                errno = EIO;
            }
            rc = -1;
            break;
        }
        done += (size_t)w;
    }
    if (rc == 0 && jsonl_io_fsync(f) != 0) {
        rc = -1;
    }
    if (rc != 0) {
        int saved = errno;
        if (ftruncate(f->fd, f->bytes) == 0) {
            (void)lseek(f->fd, f->bytes, SEEK_SET);
        }
        errno = saved;
        return -1;
    }
    f->bytes += (off_t)n;
    return 0;
}

int jsonl_write_json(jsonl_file *f, cJSON *obj, bool ok)
{
    char *text = ok && obj ? cJSON_PrintUnformatted(obj) : NULL;
    cJSON_Delete(obj);
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
    line[n + 1] = '\0';
    free(text);
    int rc = jsonl_write_line(f, line, n + 1);
    int saved = errno;
    free(line);
    errno = saved;
    return rc;
}

jsonl_step jsonl_next(jsonl_reader *r, const char *buf, size_t size,
                      size_t *at, cJSON **obj)
{
    *obj = NULL;
    if (*at >= size) {
        return JSONL_END;
    }
    r->line++;
    r->failed = false;
    const char *start = buf + *at;
    const char *nl = memchr(start, '\n', size - *at);
    if (!nl) {
        *at = size;
        return JSONL_TORN;
    }
    size_t len = (size_t)(nl - start);
    *at += len + 1;
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(start, len, &end, false);
    if (!cJSON_IsObject(o) || (end && end < nl)) {
        cJSON_Delete(o);
        return JSONL_NOT_OBJECT;
    }
    *obj = o;
    return JSONL_OBJECT;
}

void jsonl_error(jsonl_reader *r, const char *fmt, ...)
{
    if (r->failed) {
        return; /* one problem per line */
    }
    r->failed = true;
    va_list ap;
    va_start(ap, fmt);
    diag_addv(r->diags, DIAG_ERROR, r->path, r->line, 0, fmt, ap);
    va_end(ap);
}

const cJSON *jsonl_item(const cJSON *o, const char *key)
{
    return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

char *jsonl_string(jsonl_reader *r, const cJSON *o, const char *key)
{
    const char *s = cJSON_GetStringValue(jsonl_item(o, key));
    if (r->failed) {
        return NULL;
    }
    if (!s || !xmlCheckUTF8((const unsigned char *)s)) {
        jsonl_error(r, "'%s' is missing or not a string of UTF-8", key);
        return NULL;
    }
    char *copy = strdup(s);
    if (!copy) {
        jsonl_error(r, "out of memory");
    }
    return copy;
}

int64_t jsonl_int(jsonl_reader *r, const cJSON *o, const char *key,
                  int64_t min, int64_t max)
{
    const cJSON *item = jsonl_item(o, key);
    if (r->failed) {
        return min;
    }
    double v = cJSON_IsNumber(item) ? cJSON_GetNumberValue(item) : -1e300;
    if (!(v >= (double)min && v <= (double)max) || v != (double)(int64_t)v) {
        jsonl_error(r,
                    "'%s' is missing or not a whole number from %lld to %lld",
                    key, (long long)min, (long long)max);
        return min;
    }
    return (int64_t)v;
}

bool jsonl_bool(jsonl_reader *r, const cJSON *o, const char *key)
{
    const cJSON *item = jsonl_item(o, key);
    if (!r->failed && !cJSON_IsBool(item)) {
        jsonl_error(r, "'%s' is missing or not true/false", key);
    }
    return cJSON_IsTrue(item);
}
