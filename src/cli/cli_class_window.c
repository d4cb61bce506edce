/* cli_class_window.c — rapport class without --script: the projector
 * screens (ui_class.h) in a window, starting on the class start screen
 * with the command line's teams, scoreboard, discussion time and phones
 * (--phones turns the Phones switch on); the
 * class result is saved in the results folder and journaled meanwhile.
 * The settings remembered for `rapport play` (text size, high contrast,
 * fullscreen) apply. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "i18n.h"
#include "ui_app.h"
#include "ui_prefs.h"

int cli_class_window(const char *file, const class_options *copt,
                     const char *results_dir, const cli_class_phones *phones)
{
    ui_app_options opt = {0};
    const char *paths[1] = {file};
    opt.paths = paths;
    opt.path_count = 1;
    opt.classroom = true;
    opt.teams = copt->mode == CLASS_TEAMS ? copt->team_names : NULL;
    opt.team_count = copt->mode == CLASS_TEAMS ? copt->team_count : 0;
    opt.scoreboard = copt->scoreboard;
    opt.discussion_ms = copt->discussion_ms;
    opt.results_dir = results_dir;
    opt.phones = phones && phones->on;
    opt.phones_address = phones ? phones->address : NULL;
    opt.phones_port = phones ? phones->port : 0;
    if ((opt.wall_start_ms = cli_now_ms("class")) < 0) {
        return CLI_USAGE;
    }
    char *config_dir = ui_prefs_default_dir();
    opt.config_dir = config_dir;
    char err[512];
    ui_app *app = ui_app_new(&opt, err, sizeof err);
    if (!app) {
        fprintf(stderr, _("rapport class: error: %s\n"), err);
        free(config_dir);
        return CLI_FAIL;
    }
    int rc = ui_app_run(app) == 0 ? CLI_OK : CLI_FAIL;
    ui_app_free(app);
    free(config_dir);
    return rc;
}
