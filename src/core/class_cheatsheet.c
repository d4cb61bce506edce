/* class_cheatsheet.c — the facilitator's cheat sheet: one table, two
 * forms (HTML built with libxml2, and text). */
#define _POSIX_C_SOURCE 200809L
#include "class_cheatsheet.h"
#include "i18n.h"
#include "result_internal.h"

static const class_cheat class_cheats[] = {
    {N_("A turn, with Next and Back alone"), N_("PageDown (Next)"),
     N_("show the customer's whole line, then the options (the discussion "
        "timer starts)")},
    {NULL, N_("PageDown (Next)"), N_("open the vote")},
    {NULL, N_("PageDown (Next)"),
     N_("record the vote; with no hands counted, a cursor asks which option "
        "the room (or each team) agreed on: PageUp moves it, PageDown takes "
        "it")},
    {NULL, N_("PageDown (Next)"),
     N_("reveal the bar chart (a tie: the cursor again, for your pick)")},
    {NULL, N_("PageDown (Next)"),
     N_("play the call: its feedback and the customer's mood")},
    {NULL, N_("PageDown (Next)"),
     N_("go on to the next turn (the scoreboard first, when on); after the "
        "ending, the class debrief")},
    {NULL, N_("PageUp (Back)"),
     N_("while voting: undo the last entry; at the results: reopen the vote; "
        "before a vote: step back one turn to discuss it (nothing recorded)")},
    {N_("Recording the vote"), N_("1-9, or A C D E F G I"),
     N_("add a hand to that option (B and H have other jobs: use 2 and 8)")},
    {NULL, N_("Shift + the same"), N_("take a hand back")},
    {NULL, N_("Backspace"), N_("undo the last entry")},
    {NULL, "Tab", N_("teams mode: the next team's hands")},
    {NULL, "R", N_("reveal the line, or the results")},
    {N_("During the discussion"), "P",
     N_("pause or restart the discussion timer")},
    {NULL, N_("X or +"), N_("30 seconds more")},
    {NULL, "S", N_("skip the rest: open the vote")},
    {NULL, N_("B or ."), N_("blank the screen (the timer stops)")},
    {NULL, "W", N_("\"what if\": what every other option would have done")},
    {N_("Anytime"), "H", N_("hide or show the key legend")},
    {NULL, N_("Up, Down"), N_("scroll what does not fit")},
    {NULL, "Esc", N_("the menu")},
    {NULL, "F5", N_("reload the scenario")},
    {N_("Good to know"), N_("Scores"),
     N_("promptness is scored on the options alone: discussion never counts")},
    {NULL, N_("Teams"),
     N_("each team is scored on its own choices; the call "
        "follows the majority of the teams")},
    {NULL, N_("Privacy"),
     N_("no one is named, scored or timed on screen unless "
        "you turn it on")},
    {NULL, N_("A crash"),
     N_("nothing is lost: rapport class --resume goes on at the same turn")},
};

/* A cell in the interface's language (NULL stays NULL; a key's name
 * alone, "Tab", "R", is the same in every language). */
static const char *class_cheat_tr(const char *text)
{
    return text ? _(text) : NULL;
}

const class_cheat *class_cheatsheet_rows(size_t *count)
{
    *count = sizeof class_cheats / sizeof class_cheats[0];
    return class_cheats;
}

static const char class_cheat_css[] =
    "@page{size:A4;margin:12mm}\n"
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#000;"
    "background:#fff;max-width:46rem;margin:1rem auto;font-size:11pt}\n"
    "h1{font-size:1.5em;margin:0 0 .3em}\n"
    "h2{font-size:1.1em;margin:.9em 0 .3em;border-bottom:2px solid #000}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{border:1px solid #444;padding:.25em .5em;text-align:start;"
    "vertical-align:top}\n"
    "th{width:12em;white-space:nowrap}\n";

char *class_cheatsheet_html(diag_list *diags)
{
    result_html h = {false};
    xmlNodePtr body = NULL;
    const char *title = _("Rapport: running a class");
    xmlDocPtr doc = result_h_page(&h, NULL, title, class_cheat_css, &body);
    result_h_el(&h, body, "h1", title);
    xmlNodePtr table = NULL;
    size_t n = 0;
    const class_cheat *rows = class_cheatsheet_rows(&n);
    for (size_t i = 0; i < n; i++) {
        if (rows[i].section) {
            result_h_el(&h, body, "h2", class_cheat_tr(rows[i].section));
            table = result_h_el(&h, body, "table", NULL);
        }
        xmlNodePtr tr = result_h_el(&h, table, "tr", NULL);
        result_h_el(&h, tr, "th", class_cheat_tr(rows[i].keys));
        result_h_el(&h, tr, "td", class_cheat_tr(rows[i].does));
    }
    char *text = result_h_finish_page(&h, doc);
    if (!text) {
        diag_add(diags, DIAG_ERROR, _("cheat sheet"), 0, 0, "%s",
                 _("out of memory"));
    }
    return text;
}

int class_cheatsheet_write_text(FILE *out)
{
    size_t n = 0;
    const class_cheat *rows = class_cheatsheet_rows(&n);
    for (size_t i = 0; i < n; i++) {
        if (rows[i].section) {
            fprintf(out, "%s#### %s\n\n", i ? "\n" : "",
                    class_cheat_tr(rows[i].section));
            fprintf(out, "| %s | %s |\n|---|---|\n", _("Keys"),
                    _("What it does"));
        }
        fprintf(out, "| %s | %s |\n", class_cheat_tr(rows[i].keys),
                class_cheat_tr(rows[i].does));
    }
    return ferror(out) ? -1 : 0;
}
