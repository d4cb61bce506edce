/* ui_prefs.h — what the game remembers between runs, in DIR/settings.json
 * (JSON through cJSON): the trainee's name, the text size, the
 * high-contrast theme, the practice/assessment mode, the feedback mode,
 * relaxed timing, shuffled options (on when not remembered),
 * fullscreen and the interface's language. DIR is chosen by the caller
 * (rapport play: $RAPPORT_CONFIG_DIR, else $XDG_CONFIG_HOME/rapport, else
 * ~/.config/rapport); scripted runs remember nothing.
 *
 * A settings file that cannot be read as a JSON object is ignored with a
 * warning (never an error: the game starts with its defaults); a key of
 * the wrong type or out of range is skipped with a warning.
 *
 * Ownership: plain values, nothing allocated.
 */
#ifndef RAPPORT_UI_PREFS_H
#define RAPPORT_UI_PREFS_H

#include <stdbool.h>
#include <stddef.h>

#include "trainee.h"
#include "ui_app.h"

/* Longest trainee name kept, in bytes of UTF-8. */
#define UI_PREFS_NAME_MAX TRAINEE_MAX_BYTES
/* Text sizes the settings menu offers (a factor of the default). */
/* Longest language code remembered ("es_MX"). */
#define UI_PREFS_LANG_MAX 15
#define UI_PREFS_SCALE_MIN 0.75
#define UI_PREFS_SCALE_MAX 1.55

/* Which fields (bits of ui_prefs.have, and of what ui_prefs_save
 * writes). */
enum {
    UI_PREFS_TRAINEE = 1u << 0,
    UI_PREFS_TEXT_SCALE = 1u << 1,
    UI_PREFS_HIGH_CONTRAST = 1u << 2,
    UI_PREFS_MODE = 1u << 3,
    UI_PREFS_FEEDBACK = 1u << 4,
    UI_PREFS_RELAXED = 1u << 5,
    UI_PREFS_FULLSCREEN = 1u << 6,
    UI_PREFS_SHUFFLE = 1u << 7,
    UI_PREFS_LANG = 1u << 8
};

typedef struct {
    unsigned have; /* UI_PREFS_ bits of the fields found in the file */
    char trainee[UI_PREFS_NAME_MAX + 1];
    double text_scale;
    bool high_contrast;
    ui_session_mode mode;
    ui_feedback_mode feedback;
    bool relaxed;
    bool fullscreen;
    bool shuffle; /* true when not in the file */
    /* The interface's language ("language": "es"), "" = the system's. */
    char lang[UI_PREFS_LANG_MAX + 1];
} ui_prefs;

typedef enum {
    UI_PREFS_MISSING, /* no settings file (or DIR is NULL) */
    UI_PREFS_LOADED,  /* read; warn may still name skipped keys */
    UI_PREFS_IGNORED  /* unreadable or not a JSON object: warn says why */
} ui_prefs_status;

/* Reads DIR/settings.json into *out (zeroed first). warn gets a one-line
 * explanation ("" when there is nothing to say). */
ui_prefs_status ui_prefs_load(const char *dir, ui_prefs *out, char *warn,
                              size_t warn_len);
/* Writes the fields named in `fields` (UI_PREFS_ bits), keeping every
 * other key already in the file (a file that cannot be parsed is
 * replaced). Creates DIR if needed; the file is written whole to a
 * temporary name and renamed. False on failure (errno set). */
bool ui_prefs_save(const char *dir, const ui_prefs *p, unsigned fields);
/* The default folder as described above (malloc'd), or NULL. */
char *ui_prefs_default_dir(void);

#endif
