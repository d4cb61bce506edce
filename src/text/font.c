/* font.c — the bundled faces' coverage read with fontconfig's FreeType
 * query, fallbacks from fontconfig's sorted font list, cached per
 * character. */
#define _POSIX_C_SOURCE 200809L /* readlink */
#include "font.h"

#include <fontconfig/fontconfig.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uniname.h>
#include <unistd.h>

/* Preferred families: the bundled font is Noto Sans, so its sister
 * families look right beside it. */
#define FONT_PREFERRED "Noto "
#define FONT_CACHE_MIN 64u

static char *font_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) {
        memcpy(d, s, n);
    }
    return d;
}

char *font_bundled_dir(const char *built_in)
{
    const char *env = getenv("RAPPORT_ASSET_DIR");
    if (env && *env) {
        return font_strdup(env);
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
        }
        static const char *const rel[] = {"assets", "../share/rapport/assets"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            char dir[PATH_MAX + 64];
            char probe[PATH_MAX + 128];
            snprintf(dir, sizeof dir, "%s/%s", exe, rel[i]);
            snprintf(probe, sizeof probe, "%s/%s", dir, FONT_BUNDLED_REGULAR);
            if (access(probe, R_OK) == 0) {
                return font_strdup(dir);
            }
        }
    }
    return font_strdup(built_in);
}

struct font_face {
    char *path;
    int index;
    char *family;
    bool bundled;
    bool color;
    FcCharSet *charset; /* NULL: has nothing */
};

/* The installed fonts as fontconfig sorts them for one weight and
 * language. */
typedef struct {
    bool bold;
    char *lang;
    FcFontSet *fonts;
} font_sorted;

/* Cached answer: key (cp, bold, lang slot), value a fallback face index or
 * -1 (no font). */
typedef struct {
    uint32_t cp;
    int sorted; /* font_sorted slot + 1; 0 = empty entry */
    int face;
} font_cache_entry;

struct font_set {
    font_face bundled[2];
    FcConfig *config; /* loaded on the first fallback */
    bool config_failed;
    font_sorted *sorted;
    size_t sorted_count;
    font_face **faces; /* fallback faces chosen */
    size_t face_count;
    font_cache_entry *cache;
    size_t cache_cap; /* power of two */
    size_t cache_used;
};

/* Reads a font file's family and character set (no SDL, no config). */
static void font_face_query(font_face *f, const char *path, bool bold)
{
    f->bundled = true;
    f->index = 0;
    if (!path) {
        return;
    }
    int count = 0;
    FcPattern *p = FcFreeTypeQuery((const FcChar8 *)path, 0, NULL, &count);
    if (!p) {
        return;
    }
    FcCharSet *cs = NULL;
    FcChar8 *family = NULL;
    if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) == FcResultMatch) {
        f->charset = FcCharSetCopy(cs);
    }
    FcPatternGetString(p, FC_FAMILY, 0, &family);
    f->family = font_strdup(family ? (const char *)family
                                   : (bold ? "bundled bold" : "bundled"));
    f->path = font_strdup(path);
    FcPatternDestroy(p);
}

static void font_face_clear(font_face *f)
{
    free(f->path);
    free(f->family);
    if (f->charset) {
        FcCharSetDestroy(f->charset);
    }
    memset(f, 0, sizeof *f);
}

font_set *font_set_new(const char *regular_path, const char *bold_path)
{
    font_set *set = calloc(1, sizeof *set);
    if (!set) {
        return NULL;
    }
    font_face_query(&set->bundled[0], regular_path, false);
    font_face_query(&set->bundled[1], bold_path, true);
    return set;
}

void font_set_free(font_set *set)
{
    if (!set) {
        return;
    }
    font_face_clear(&set->bundled[0]);
    font_face_clear(&set->bundled[1]);
    for (size_t i = 0; i < set->sorted_count; i++) {
        free(set->sorted[i].lang);
        if (set->sorted[i].fonts) {
            FcFontSetDestroy(set->sorted[i].fonts);
        }
    }
    free(set->sorted);
    for (size_t i = 0; i < set->face_count; i++) {
        font_face_clear(set->faces[i]);
        free(set->faces[i]);
    }
    free(set->faces);
    free(set->cache);
    if (set->config) {
        FcConfigDestroy(set->config);
    }
    free(set);
}

const font_face *font_set_primary(const font_set *set, bool bold)
{
    const font_face *f = &set->bundled[bold ? 1 : 0];
    return f->path ? f : NULL;
}

bool font_face_has(const font_face *face, uint32_t cp)
{
    return face && face->charset && FcCharSetHasChar(face->charset, cp);
}

const char *font_face_path(const font_face *face) { return face->path; }
int font_face_index(const font_face *face) { return face->index; }
const char *font_face_family(const font_face *face) { return face->family; }
bool font_face_bundled(const font_face *face) { return face->bundled; }
bool font_face_color(const font_face *face) { return face->color; }

unsigned long font_set_sorts(const font_set *set)
{
    return (unsigned long)set->sorted_count;
}

size_t font_set_fallback_count(const font_set *set) { return set->face_count; }

bool font_invisible(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
           uc_is_property_default_ignorable_code_point(cp);
}

/* The installed fonts sorted for a weight and language (made once). */
static font_sorted *font_sorted_for(font_set *set, bool bold, const char *lang)
{
    if (!lang) {
        lang = "";
    }
    for (size_t i = 0; i < set->sorted_count; i++) {
        if (set->sorted[i].bold == bold &&
            strcmp(set->sorted[i].lang, lang) == 0) {
            return &set->sorted[i];
        }
    }
    if (!set->config && !set->config_failed) {
        set->config = FcInitLoadConfigAndFonts();
        set->config_failed = set->config == NULL;
    }
    if (!set->config) {
        return NULL;
    }
    font_sorted *grown =
        realloc(set->sorted, (set->sorted_count + 1) * sizeof *grown);
    if (!grown) {
        return NULL;
    }
    set->sorted = grown;
    font_sorted *s = &set->sorted[set->sorted_count];
    s->bold = bold;
    s->lang = font_strdup(lang);
    s->fonts = NULL;
    if (!s->lang) {
        return NULL;
    }
    FcPattern *pat = FcPatternCreate();
    if (pat) {
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"Noto Sans");
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"sans-serif");
        FcPatternAddInteger(pat, FC_WEIGHT,
                            bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        if (*lang) {
            FcPatternAddString(pat, FC_LANG, (const FcChar8 *)lang);
        }
        FcConfigSubstitute(set->config, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult result;
        s->fonts = FcFontSort(set->config, pat, FcFalse, NULL, &result);
        FcPatternDestroy(pat);
    }
    set->sorted_count++;
    return s;
}

/* The fallback face for a font pattern, made once per (file, index). */
static int font_face_from(font_set *set, FcPattern *p)
{
    FcChar8 *file = NULL;
    int index = 0;
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) {
        return -1;
    }
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    for (size_t i = 0; i < set->face_count; i++) {
        if (set->faces[i]->index == index &&
            strcmp(set->faces[i]->path, (const char *)file) == 0) {
            return (int)i;
        }
    }
    font_face **grown =
        realloc(set->faces, (set->face_count + 1) * sizeof *grown);
    if (!grown) {
        return -1;
    }
    set->faces = grown;
    font_face *f = calloc(1, sizeof *f);
    if (!f) {
        return -1;
    }
    FcChar8 *family = NULL;
    FcCharSet *cs = NULL;
    FcBool color = FcFalse;
    FcPatternGetString(p, FC_FAMILY, 0, &family);
    FcPatternGetBool(p, FC_COLOR, 0, &color);
    f->path = font_strdup((const char *)file);
    f->family = font_strdup(family ? (const char *)family : "?");
    f->index = index;
    f->color = color == FcTrue;
    if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) == FcResultMatch) {
        f->charset = FcCharSetCopy(cs);
    }
    if (!f->path || !f->family) {
        font_face_clear(f);
        free(f);
        return -1;
    }
    set->faces[set->face_count] = f;
    return (int)set->face_count++;
}

/* Index in fonts of the font to draw cp with, or -1: the first that has
 * it, preferring a Noto family, and a colour font for characters shown as
 * emoji by default. */
static int font_pick(const FcFontSet *fonts, uint32_t cp)
{
    bool emoji = uc_is_property_emoji_presentation(cp);
    int first = -1;
    int preferred = -1;
    for (int i = 0; fonts && i < fonts->nfont; i++) {
        FcCharSet *cs = NULL;
        FcPattern *p = fonts->fonts[i];
        if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch ||
            !FcCharSetHasChar(cs, cp)) {
            continue;
        }
        if (first < 0) {
            first = i;
        }
        FcChar8 *family = NULL;
        FcBool color = FcFalse;
        FcPatternGetString(p, FC_FAMILY, 0, &family);
        FcPatternGetBool(p, FC_COLOR, 0, &color);
        if (emoji && color == FcTrue) {
            return i;
        }
        bool noto = family && strncmp((const char *)family, FONT_PREFERRED,
                                      strlen(FONT_PREFERRED)) == 0;
        if (noto && preferred < 0) {
            preferred = i;
            if (!emoji) {
                break;
            }
        }
    }
    return preferred >= 0 ? preferred : first;
}

static size_t font_hash(uint32_t cp, int sorted)
{
    return (size_t)((cp * 2654435761u) ^ ((uint32_t)sorted * 40503u));
}

static bool font_cache_grow(font_set *set)
{
    size_t cap = set->cache_cap ? set->cache_cap * 2 : FONT_CACHE_MIN;
    font_cache_entry *c = calloc(cap, sizeof *c);
    if (!c) {
        return false;
    }
    for (size_t i = 0; i < set->cache_cap; i++) {
        font_cache_entry *e = &set->cache[i];
        if (!e->sorted) {
            continue;
        }
        size_t k = font_hash(e->cp, e->sorted) & (cap - 1);
        while (c[k].sorted) {
            k = (k + 1) & (cap - 1);
        }
        c[k] = *e;
    }
    free(set->cache);
    set->cache = c;
    set->cache_cap = cap;
    return true;
}

const font_face *font_set_face_for(font_set *set, uint32_t cp, bool bold,
                                   const char *lang)
{
    const font_face *primary = &set->bundled[bold ? 1 : 0];
    if (font_face_has(primary, cp)) {
        return primary;
    }
    font_sorted *s = font_sorted_for(set, bold, lang);
    if (!s) {
        return NULL;
    }
    int slot = (int)(s - set->sorted) + 1;
    if (set->cache_cap) {
        size_t k = font_hash(cp, slot) & (set->cache_cap - 1);
        while (set->cache[k].sorted) {
            if (set->cache[k].cp == cp && set->cache[k].sorted == slot) {
                int face = set->cache[k].face;
                return face >= 0 ? set->faces[face] : NULL;
            }
            k = (k + 1) & (set->cache_cap - 1);
        }
    }
    int pick = font_pick(s->fonts, cp);
    int face = pick >= 0 ? font_face_from(set, s->fonts->fonts[pick]) : -1;
    if ((set->cache_used + 1) * 2 > set->cache_cap && !font_cache_grow(set)) {
        return face >= 0 ? set->faces[face] : NULL;
    }
    size_t k = font_hash(cp, slot) & (set->cache_cap - 1);
    while (set->cache[k].sorted) {
        k = (k + 1) & (set->cache_cap - 1);
    }
    set->cache[k].cp = cp;
    set->cache[k].sorted = slot;
    set->cache[k].face = face;
    set->cache_used++;
    return face >= 0 ? set->faces[face] : NULL;
}

void font_char_name(uint32_t cp, char *buf, size_t len)
{
    char name[UNINAME_MAX];
    if (unicode_character_name(cp, name)) {
        snprintf(buf, len, "U+%04X %s", (unsigned)cp, name);
    } else if (uc_is_general_category(cp, UC_PRIVATE_USE)) {
        snprintf(buf, len, "U+%04X (private use)", (unsigned)cp);
    } else {
        snprintf(buf, len, "U+%04X (unassigned)", (unsigned)cp);
    }
}

const char *font_suggest(uint32_t cp)
{
    if (uc_is_general_category(cp, UC_PRIVATE_USE) ||
        uc_is_general_category(cp, UC_UNASSIGNED)) {
        return NULL;
    }
    if (uc_is_property_emoji_presentation(cp)) {
        return "fonts-noto-color-emoji (Noto Color Emoji)";
    }
    const uc_script_t *script = uc_script(cp);
    const char *cjk[] = {"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"};
    for (size_t i = 0; script && i < sizeof cjk / sizeof cjk[0]; i++) {
        if (strcmp(script->name, cjk[i]) == 0) {
            return "fonts-noto-cjk (Noto Sans CJK)";
        }
    }
    return "fonts-noto-core (the Noto Sans families)";
}

void font_set_families_for(font_set *set, uint32_t cp, size_t max, char *buf,
                           size_t len)
{
    if (len == 0) {
        return;
    }
    buf[0] = '\0';
    size_t found = 0;
    size_t used = 0;
    for (int b = 0; b < 2 && found < max; b++) {
        if (font_face_has(&set->bundled[b], cp)) {
            int n = snprintf(buf, len, "%s (bundled)", set->bundled[b].family);
            used = n > 0 && (size_t)n < len ? (size_t)n : strlen(buf);
            found = 1;
            break;
        }
    }
    font_sorted *s = font_sorted_for(set, false, NULL);
    for (int i = 0; s && s->fonts && i < s->fonts->nfont && found < max; i++) {
        FcPattern *p = s->fonts->fonts[i];
        FcCharSet *cs = NULL;
        FcChar8 *family = NULL;
        if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch ||
            !FcCharSetHasChar(cs, cp) ||
            FcPatternGetString(p, FC_FAMILY, 0, &family) != FcResultMatch ||
            strstr(buf, (const char *)family)) {
            continue;
        }
        int n = snprintf(buf + used, len - used, "%s%s", found ? ", " : "",
                         (const char *)family);
        if (n < 0 || (size_t)n >= len - used) {
            break;
        }
        used += (size_t)n;
        found++;
    }
}
