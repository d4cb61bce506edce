/* ui_prefs.c — settings.json with cJSON. */
#include "ui_prefs.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "trainee.h"

#define UI_PREFS_FILE "settings.json"
#define UI_PREFS_MAX_BYTES 65536

static char *ui_prefs_path(const char *dir, const char *suffix)
{
    size_t n = strlen(dir) + sizeof UI_PREFS_FILE + strlen(suffix) + 1;
    char *path = malloc(n);
    if (path) {
        snprintf(path, n, "%s/%s%s", dir, UI_PREFS_FILE, suffix);
    }
    return path;
}

/* The file's text (malloc'd), or NULL with *missing set when there is no
 * file, or with why filled in when it cannot be read. */
static char *ui_prefs_read(const char *path, bool *missing, char *why,
                           size_t why_len)
{
    *missing = false;
    /* Non-blocking: opening a FIFO for reading would wait for a writer
     * (forever, before the window opens); then only a regular file of at
     * most UI_PREFS_MAX_BYTES is read. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) {
            *missing = true;
        } else {
            snprintf(why, why_len, "%s", strerror(errno));
        }
        return NULL;
    }
    struct stat sb;
    memset(&sb, 0, sizeof sb);
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        sb.st_size > UI_PREFS_MAX_BYTES) {
        snprintf(why, why_len, "%s",
                 S_ISDIR(sb.st_mode) ? _("a folder, not a file")
                 : !S_ISREG(sb.st_mode)
                     ? _("not a regular file (a pipe, device or socket)")
                     : _("larger than 64 KiB"));
        close(fd);
        return NULL;
    }
    char *buf = malloc(UI_PREFS_MAX_BYTES + 1);
    size_t n = 0;
    bool failed = buf == NULL;
    while (buf && n <= UI_PREFS_MAX_BYTES) {
        ssize_t r = read(fd, buf + n, UI_PREFS_MAX_BYTES + 1 - n);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            failed = r < 0;
            break;
        }
        n += (size_t)r;
    }
    close(fd);
    if (!buf || failed || n > UI_PREFS_MAX_BYTES) {
        snprintf(why, why_len, "%s",
                 !buf     ? _("out of memory")
                 : failed ? _("read error")
                          : _("larger than 64 KiB"));
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (strlen(buf) != n) {
        snprintf(why, why_len, "%s", _("contains a NUL byte"));
        free(buf);
        return NULL;
    }
    return buf;
}

/* Appends a skipped key to the warning. */
static void ui_prefs_skip(char *warn, size_t warn_len, const char *key,
                          const char *want)
{
    size_t have = strlen(warn);
    if (have + 1 >= warn_len) {
        return;
    }
    snprintf(warn + have, warn_len - have, "%s", have ? "; " : "");
    have = strlen(warn);
    snprintf(warn + have, warn_len - have, _("'%s' is not %s"), key, want);
}

/* Copies a name, cut at a UTF-8 character boundary. */
static void ui_prefs_copy_name(char *out, const char *name)
{
    size_t n = strlen(name);
    if (n > UI_PREFS_NAME_MAX) {
        n = UI_PREFS_NAME_MAX;
        while (n > 0 && ((unsigned char)name[n] & 0xC0u) == 0x80u) {
            n--;
        }
    }
    memcpy(out, name, n);
    out[n] = '\0';
}

static void ui_prefs_bool(const cJSON *root, const char *key, unsigned bit,
                          bool *out, ui_prefs *p, char *warn, size_t warn_len)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v) {
        return;
    }
    if (!cJSON_IsBool(v)) {
        ui_prefs_skip(warn, warn_len, key, _("true or false"));
        return;
    }
    *out = cJSON_IsTrue(v);
    p->have |= bit;
}

/* A string key that must be one of two words; returns 0 or 1, or -1 when
 * absent or wrong (wrong: warned). */
static int ui_prefs_word(const cJSON *root, const char *key, const char *a,
                         const char *b, char *warn, size_t warn_len)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v) {
        return -1;
    }
    if (cJSON_IsString(v) && v->valuestring) {
        if (strcmp(v->valuestring, a) == 0) {
            return 0;
        }
        if (strcmp(v->valuestring, b) == 0) {
            return 1;
        }
    }
    char want[80];
    snprintf(want, sizeof want, _("\"%s\" or \"%s\""), a, b);
    ui_prefs_skip(warn, warn_len, key, want);
    return -1;
}

/* "" or a language code: letters, digits, '_' and '-'. */
static bool ui_prefs_lang_ok(const char *code)
{
    size_t n = strlen(code);
    if (n > UI_PREFS_LANG_MAX) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-')) {
            return false;
        }
    }
    return true;
}

ui_prefs_status ui_prefs_load(const char *dir, ui_prefs *out, char *warn,
                              size_t warn_len)
{
    memset(out, 0, sizeof *out);
    out->text_scale = 1.0;
    out->shuffle = true;
    if (warn_len) {
        warn[0] = '\0';
    }
    char *path = dir ? ui_prefs_path(dir, "") : NULL;
    if (!path) {
        return UI_PREFS_MISSING;
    }
    bool missing = false;
    char why[128] = "";
    char *buf = ui_prefs_read(path, &missing, why, sizeof why);
    if (!buf) {
        if (!missing) {
            snprintf(warn, warn_len, _("%s: %s; remembered settings ignored"),
                     path, why);
        }
        free(path);
        return missing ? UI_PREFS_MISSING : UI_PREFS_IGNORED;
    }
    cJSON *root = cJSON_Parse(buf);
    free(buf);
    if (!cJSON_IsObject(root)) {
        snprintf(warn, warn_len,
                 _("%s: not a JSON object; remembered settings ignored"),
                 path);
        cJSON_Delete(root);
        free(path);
        return UI_PREFS_IGNORED;
    }
    char skipped[400] = "";
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "trainee");
    if (cJSON_IsString(name) && name->valuestring) {
        ui_prefs_copy_name(out->trainee, name->valuestring);
        out->have |= UI_PREFS_TRAINEE;
        trainee_status st = trainee_check(out->trainee);
        if (out->trainee[0] && st != TRAINEE_OK) {
            out->trainee[0] = '\0';
            ui_prefs_skip(skipped, sizeof skipped, "trainee",
                          _("a name (one line of UTF-8 text with a visible "
                            "character)"));
        }
    } else if (name) {
        ui_prefs_skip(skipped, sizeof skipped, "trainee", _("a string"));
    }
    const cJSON *scale = cJSON_GetObjectItemCaseSensitive(root, "text_scale");
    if (cJSON_IsNumber(scale) && scale->valuedouble >= UI_PREFS_SCALE_MIN &&
        scale->valuedouble <= UI_PREFS_SCALE_MAX) {
        out->text_scale = scale->valuedouble;
        out->have |= UI_PREFS_TEXT_SCALE;
    } else if (scale) {
        ui_prefs_skip(skipped, sizeof skipped, "text_scale",
                      _("a number from 0.75 to 1.55"));
    }
    ui_prefs_bool(root, "high_contrast", UI_PREFS_HIGH_CONTRAST,
                  &out->high_contrast, out, skipped, sizeof skipped);
    ui_prefs_bool(root, "relaxed", UI_PREFS_RELAXED, &out->relaxed, out,
                  skipped, sizeof skipped);
    ui_prefs_bool(root, "fullscreen", UI_PREFS_FULLSCREEN, &out->fullscreen,
                  out, skipped, sizeof skipped);
    ui_prefs_bool(root, "shuffle", UI_PREFS_SHUFFLE, &out->shuffle, out,
                  skipped, sizeof skipped);
    int mode = ui_prefs_word(root, "mode", "practice", "assessment", skipped,
                             sizeof skipped);
    if (mode >= 0) {
        out->mode = mode ? UI_MODE_ASSESSMENT : UI_MODE_PRACTICE;
        out->have |= UI_PREFS_MODE;
    }
    int fb = ui_prefs_word(root, "feedback", "immediate", "withheld", skipped,
                           sizeof skipped);
    if (fb >= 0) {
        out->feedback = fb ? UI_FEEDBACK_WITHHELD : UI_FEEDBACK_IMMEDIATE;
        out->have |= UI_PREFS_FEEDBACK;
    }
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(root, "language");
    if (cJSON_IsString(lang) && ui_prefs_lang_ok(lang->valuestring)) {
        snprintf(out->lang, sizeof out->lang, "%s", lang->valuestring);
        out->have |= UI_PREFS_LANG;
    } else if (lang) {
        ui_prefs_skip(skipped, sizeof skipped, "language",
                      _("a language code (\"en\", \"es\", \"ar\"...) or "
                        "\"\" for the system's"));
    }
    if (skipped[0]) {
        snprintf(warn, warn_len, _("%s: skipped: %s"), path, skipped);
    }
    cJSON_Delete(root);
    free(path);
    return UI_PREFS_LOADED;
}

/* mkdir -p */
static bool ui_prefs_make_dirs(const char *dir)
{
    char *copy = strdup(dir);
    if (!copy) {
        return false;
    }
    for (char *p = copy + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
                free(copy);
                return false;
            }
            *p = '/';
        }
    }
    bool ok = mkdir(copy, 0700) == 0 || errno == EEXIST;
    free(copy);
    return ok;
}

/* Sets root[key] = item (replacing any), false on no memory. */
static bool ui_prefs_put(cJSON *root, const char *key, cJSON *item)
{
    if (!item) {
        return false;
    }
    bool ok = cJSON_GetObjectItemCaseSensitive(root, key)
                  ? cJSON_ReplaceItemInObjectCaseSensitive(root, key, item)
                  : cJSON_AddItemToObject(root, key, item);
    if (!ok) {
        cJSON_Delete(item);
    }
    return ok;
}

bool ui_prefs_save(const char *dir, const ui_prefs *p, unsigned fields)
{
    if (!dir || !ui_prefs_make_dirs(dir)) {
        return false;
    }
    char *path = ui_prefs_path(dir, "");
    char *tmp = ui_prefs_path(dir, ".tmp");
    if (!path || !tmp) {
        free(path);
        free(tmp);
        return false;
    }
    bool missing = false;
    char why[128];
    char *old = ui_prefs_read(path, &missing, why, sizeof why);
    cJSON *root = old ? cJSON_Parse(old) : NULL;
    free(old);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        root = cJSON_CreateObject();
    }
    /* Rounded, so repeated steps of 0.1 do not save 1.2000000000000002. */
    double scale = (double)(long)(p->text_scale * 100.0 + 0.5) / 100.0;
    bool ok = root != NULL;
    if (ok && (fields & UI_PREFS_TRAINEE)) {
        ok = ui_prefs_put(root, "trainee", cJSON_CreateString(p->trainee));
    }
    if (ok && (fields & UI_PREFS_TEXT_SCALE)) {
        ok = ui_prefs_put(root, "text_scale", cJSON_CreateNumber(scale));
    }
    if (ok && (fields & UI_PREFS_HIGH_CONTRAST)) {
        ok = ui_prefs_put(root, "high_contrast",
                          cJSON_CreateBool(p->high_contrast));
    }
    if (ok && (fields & UI_PREFS_MODE)) {
        ok = ui_prefs_put(root, "mode",
                          cJSON_CreateString(p->mode == UI_MODE_ASSESSMENT
                                                 ? "assessment"
                                                 : "practice"));
    }
    if (ok && (fields & UI_PREFS_FEEDBACK)) {
        ok =
            ui_prefs_put(root, "feedback",
                         cJSON_CreateString(p->feedback == UI_FEEDBACK_WITHHELD
                                                ? "withheld"
                                                : "immediate"));
    }
    if (ok && (fields & UI_PREFS_RELAXED)) {
        ok = ui_prefs_put(root, "relaxed", cJSON_CreateBool(p->relaxed));
    }
    if (ok && (fields & UI_PREFS_FULLSCREEN)) {
        ok = ui_prefs_put(root, "fullscreen", cJSON_CreateBool(p->fullscreen));
    }
    if (ok && (fields & UI_PREFS_SHUFFLE)) {
        ok = ui_prefs_put(root, "shuffle", cJSON_CreateBool(p->shuffle));
    }
    if (ok && (fields & UI_PREFS_LANG)) {
        ok = ui_prefs_put(root, "language", cJSON_CreateString(p->lang));
    }
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    FILE *f = text ? fopen(tmp, "wb") : NULL;
    ok = f && fputs(text, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0) {
        ok = false;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
    }
    if (!ok && f) {
        int saved = errno;
        remove(tmp);
        errno = saved;
    }
    free(text);
    free(path);
    free(tmp);
    return ok;
}

char *ui_prefs_default_dir(void)
{
    const char *env = getenv("RAPPORT_CONFIG_DIR");
    if (env && *env) {
        return strdup(env);
    }
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    const char *base = xdg && *xdg ? xdg : home;
    const char *rest = xdg && *xdg ? "/rapport" : "/.config/rapport";
    if (!base || !*base) {
        return NULL;
    }
    size_t n = strlen(base) + strlen(rest) + 1;
    char *dir = malloc(n);
    if (dir) {
        snprintf(dir, n, "%s%s", base, rest);
    }
    return dir;
}
