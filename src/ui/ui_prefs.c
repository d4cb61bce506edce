/* ui_prefs.c — settings.json with cJSON. */
#include "ui_prefs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#define UI_PREFS_FILE "settings.json"
#define UI_PREFS_MAX_BYTES 65536

static char *ui_prefs_path(const char *dir)
{
    size_t n = strlen(dir) + sizeof UI_PREFS_FILE + 1;
    char *path = malloc(n);
    if (path) {
        snprintf(path, n, "%s/%s", dir, UI_PREFS_FILE);
    }
    return path;
}

bool ui_prefs_load_trainee(const char *dir, char *out, size_t len)
{
    if (len) {
        out[0] = '\0';
    }
    char *path = dir ? ui_prefs_path(dir) : NULL;
    FILE *f = path ? fopen(path, "rb") : NULL;
    free(path);
    if (!f) {
        return false;
    }
    char *buf = malloc(UI_PREFS_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, UI_PREFS_MAX_BYTES, f) : 0;
    fclose(f);
    if (!buf) {
        return false;
    }
    buf[n] = '\0';
    cJSON *root = cJSON_Parse(buf);
    free(buf);
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "trainee");
    if (cJSON_IsString(name) && name->valuestring && len) {
        snprintf(out, len, "%s", name->valuestring);
    }
    cJSON_Delete(root);
    return true;
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

bool ui_prefs_save_trainee(const char *dir, const char *name)
{
    if (!dir || !ui_prefs_make_dirs(dir)) {
        return false;
    }
    cJSON *root = cJSON_CreateObject();
    if (!root || !cJSON_AddStringToObject(root, "trainee", name)) {
        cJSON_Delete(root);
        return false;
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    char *path = ui_prefs_path(dir);
    FILE *f = text && path ? fopen(path, "wb") : NULL;
    bool ok = f && fputs(text, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0) {
        ok = false;
    }
    free(path);
    free(text);
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
