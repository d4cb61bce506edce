/* ui_prefs.h — what the game remembers between runs: the trainee's name,
 * in DIR/settings.json (JSON through cJSON). DIR is chosen by the caller
 * (rapport play: $RAPPORT_CONFIG_DIR, else $XDG_CONFIG_HOME/rapport, else
 * ~/.config/rapport); scripted runs remember nothing.
 */
#ifndef RAPPORT_UI_PREFS_H
#define RAPPORT_UI_PREFS_H

#include <stdbool.h>
#include <stddef.h>

/* The remembered name into out ("" when none); false when there is no
 * readable settings file. */
bool ui_prefs_load_trainee(const char *dir, char *out, size_t len);
/* Saves the name, creating DIR if needed; false on failure (errno set). */
bool ui_prefs_save_trainee(const char *dir, const char *name);
/* The default folder as described above (malloc'd), or NULL. */
char *ui_prefs_default_dir(void);

#endif
