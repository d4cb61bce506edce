/* ui_script_class.c — scripted classroom runs: the facilitator's actions
 * (ui_app_options.class_script, tokens separated by commas or spaces)
 * pushed one at a time as real input on the virtual clock:
 *   >      Next: PageDown (or a click or tap on Next)
 *   <      Back: PageUp (or a click or tap on Back)
 *   A3     three hands for option A (keys 1-9; or clicks on its card)
 *   -A     one hand for A taken back (Shift+1..9)
 *   u      undo the last entry (Backspace)
 *   t2     the second team's hands from now on (Tab)
 *   p x s  the timer: start or pause, +30 s, skip
 *   r w h  reveal, what if, the key legend
 *   b      blank the screen (and the next action shows it again)
 *   z600   600 s pass on the clock (a long discussion)
 *   !      a screenshot of the screen as it is now
 * The customer's line is revealed to its end before each action. At the
 * class debrief, the script must be used up; the debrief is printed when
 * asked (print_debrief) and the run quits. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_class.h"

static void ui_script_class_fail(ui_app *app, const char *msg)
{
    fprintf(stderr, _("rapport class: error: %s\n"), msg);
    app->exit_code = 1;
    app->running = false;
}

/* The next token (into tok), or false at the end. */
static bool ui_script_class_token(ui_app *app, char *tok, size_t len)
{
    const char *s = app->opt.class_script ? app->opt.class_script : "";
    size_t i = app->cls->script_pos;
    while (s[i] == ',' || isspace((unsigned char)s[i])) {
        i++;
    }
    size_t n = 0;
    while (s[i] && s[i] != ',' && !isspace((unsigned char)s[i])) {
        if (n + 1 < len) {
            tok[n++] = s[i];
        }
        i++;
    }
    tok[n] = '\0';
    app->cls->script_pos = i;
    return n > 0;
}

/* Next or Back, by key or by the button. */
static void ui_script_class_step(ui_app *app, bool next)
{
    if (app->opt.input == UI_INPUT_KEYS) {
        ui_script_key_mod(app, next ? SDLK_PAGEDOWN : SDLK_PAGEUP, KMOD_NONE);
        return;
    }
    int arg = UI_CLASS_ARG(next ? UI_CLASS_NEXT : UI_CLASS_BACK, 0);
    if (!ui_script_click(app, UI_ACT_CLASS, arg, UI_SCROLL_COUNT)) {
        ui_script_class_fail(app, next ? _("cannot reach Next to click")
                                       : _("cannot reach Back to click"));
    }
}

static void ui_script_class_hands(ui_app *app, int pos, int count, bool back)
{
    for (int i = 0; i < count; i++) {
        if (app->opt.input == UI_INPUT_KEYS || back) {
            ui_script_key_mod(app, SDLK_1 + pos, back ? KMOD_LSHIFT : 0);
        } else if (!ui_script_click(app, UI_ACT_CLASS,
                                    UI_CLASS_ARG(UI_CLASS_HAND, pos),
                                    UI_SCROLL_OPTIONS)) {
            ui_script_class_fail(app, _("cannot reach the option to click"));
            return;
        }
    }
}

void ui_script_class(ui_app *app)
{
    ui_class *c = app->cls;
    char msg[256];
    if (app->blanked) {
        ui_script_key_mod(app, SDLK_SPACE, 0); /* any key shows it again */
        return;
    }
    if (ui_class_revealing(app)) {
        app->clock = c->line_started + c->reveal_ms;
        app->dirty = true;
        return;
    }
    char tok[32];
    if (!ui_script_class_token(app, tok, sizeof tok)) {
        if (c->cs && class_phase_of(c->cs) == CLASS_PHASE_DEBRIEF) {
            if (app->opt.print_debrief &&
                class_debrief_write(c->cs, stdout) != 0) {
                ui_script_class_fail(app, _("cannot write the debrief"));
                return;
            }
            app->running = false;
            return;
        }
        char state[64];
        ui_class_state_name(app, state, sizeof state);
        snprintf(msg, sizeof msg,
                 _("the class script ended on '%s' before the class debrief; "
                   "add more actions"),
                 state);
        ui_script_class_fail(app, msg);
        return;
    }
    app->script_stuck = 0;
    char k = tok[0];
    char *end = NULL;
    if (k == '>' || k == '<') {
        ui_script_class_step(app, k == '>');
    } else if (k == '!') {
        app->script_last_state[0] = '\0';
        app->dirty = true;
    } else if (k == 'z') {
        long s = strtol(tok + 1, &end, 10);
        if (end == tok + 1 || *end || s < 0 || s > 86400) {
            snprintf(msg, sizeof msg, _("bad wait '%s' (z and seconds)"), tok);
            ui_script_class_fail(app, msg);
            return;
        }
        app->clock += (uint64_t)s * 1000u;
        app->dirty = true;
    } else if (k == 't' && tok[1]) {
        long t = strtol(tok + 1, &end, 10);
        size_t teams = c->cs ? class_team_count(c->cs) : 0;
        if (*end || t < 1 || (size_t)t > teams) {
            snprintf(msg, sizeof msg, _("no team %s in this class"), tok + 1);
            ui_script_class_fail(app, msg);
            return;
        }
        int presses = ((int)t - 1 - c->team + (int)teams) % (int)teams;
        for (int i = 0; i < presses; i++) {
            ui_script_key_mod(app, SDLK_TAB, 0);
        }
        app->dirty = true;
    } else if ((k == '-' && isupper((unsigned char)tok[1])) ||
               isupper((unsigned char)k)) {
        bool back = k == '-';
        const char *p = back ? tok + 1 : tok;
        int pos = *p - 'A';
        long count = 1;
        if (p[1]) {
            count = strtol(p + 1, &end, 10);
            if (*end || count < 1 || count > 200) {
                snprintf(msg, sizeof msg, _("bad count in '%s'"), tok);
                ui_script_class_fail(app, msg);
                return;
            }
        }
        if (!c->cs || pos < 0 || (size_t)pos >= class_option_count(c->cs)) {
            snprintf(msg, sizeof msg, _("option %c is not on offer"), *p);
            ui_script_class_fail(app, msg);
            return;
        }
        ui_script_class_hands(app, pos, (int)count, back);
        app->dirty = true;
    } else if (!tok[1] && strchr("upxsrwhb", k)) {
        static const char keys[] = "upxsrwhb";
        static const SDL_Keycode codes[] = {SDLK_BACKSPACE, SDLK_p, SDLK_x,
                                            SDLK_s,         SDLK_r, SDLK_w,
                                            SDLK_h,         SDLK_b};
        ui_script_key_mod(app, codes[strchr(keys, k) - keys], 0);
    } else {
        snprintf(msg, sizeof msg, _("unknown class script action '%s'"), tok);
        ui_script_class_fail(app, msg);
    }
}
