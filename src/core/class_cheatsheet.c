/* class_cheatsheet.c — the facilitator's cheat sheet: one table, two
 * forms (HTML built with libxml2, and text). */
#define _POSIX_C_SOURCE 200809L
#include "class_cheatsheet.h"
#include "result_internal.h"

static const class_cheat class_cheats[] = {
    {"A turn, with Next and Back alone", "PageDown (Next)",
     "show the customer's whole line, then the options (the discussion "
     "timer starts)"},
    {NULL, "PageDown (Next)", "open the vote"},
    {NULL, "PageDown (Next)",
     "record the vote; with no hands counted, a cursor asks which option "
     "the room (or each team) agreed on: PageUp moves it, PageDown takes "
     "it"},
    {NULL, "PageDown (Next)",
     "reveal the bar chart (a tie: the cursor again, for your pick)"},
    {NULL, "PageDown (Next)",
     "play the call: its feedback and the customer's mood"},
    {NULL, "PageDown (Next)",
     "go on to the next turn (the scoreboard first, when on); after the "
     "ending, the class debrief"},
    {NULL, "PageUp (Back)",
     "while voting: undo the last entry; at the results: reopen the vote; "
     "before a vote: step back one turn to discuss it (nothing recorded)"},
    {"Recording the vote", "1-9, or A C D E F G I",
     "add a hand to that option (B and H have other jobs: use 2 and 8)"},
    {NULL, "Shift + the same", "take a hand back"},
    {NULL, "Backspace", "undo the last entry"},
    {NULL, "Tab", "teams mode: the next team's hands"},
    {NULL, "R", "reveal the line, or the results"},
    {"During the discussion", "P", "pause or restart the discussion timer"},
    {NULL, "X or +", "30 seconds more"},
    {NULL, "S", "skip the rest: open the vote"},
    {NULL, "B or .", "blank the screen (the timer stops)"},
    {NULL, "W", "\"what if\": what every other option would have done"},
    {"Anytime", "H", "hide or show the key legend"},
    {NULL, "Up, Down", "scroll what does not fit"},
    {NULL, "Esc", "the menu"},
    {NULL, "F5", "reload the scenario"},
    {"Good to know", "Scores",
     "promptness is scored on the options alone: discussion never counts"},
    {NULL, "Teams",
     "each team is scored on its own choices; the call "
     "follows the majority of the teams"},
    {NULL, "Privacy",
     "no one is named, scored or timed on screen unless "
     "you turn it on"},
    {NULL, "A crash",
     "nothing is lost: rapport class --resume goes on at the same turn"},
};

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
    "th,td{border:1px solid #444;padding:.25em .5em;text-align:left;"
    "vertical-align:top}\n"
    "th{width:12em;white-space:nowrap}\n";

char *class_cheatsheet_html(diag_list *diags)
{
    result_html h = {false};
    xmlNodePtr body = NULL;
    xmlDocPtr doc = result_h_page(&h, NULL, "Rapport: running a class",
                                  class_cheat_css, &body);
    result_h_el(&h, body, "h1", "Rapport: running a class");
    xmlNodePtr table = NULL;
    size_t n = 0;
    const class_cheat *rows = class_cheatsheet_rows(&n);
    for (size_t i = 0; i < n; i++) {
        if (rows[i].section) {
            result_h_el(&h, body, "h2", rows[i].section);
            table = result_h_el(&h, body, "table", NULL);
        }
        xmlNodePtr tr = result_h_el(&h, table, "tr", NULL);
        result_h_el(&h, tr, "th", rows[i].keys);
        result_h_el(&h, tr, "td", rows[i].does);
    }
    char *text = result_h_finish_page(&h, doc);
    if (!text) {
        diag_add(diags, DIAG_ERROR, "cheat sheet", 0, 0, "out of memory");
    }
    return text;
}

int class_cheatsheet_write_text(FILE *out)
{
    size_t n = 0;
    const class_cheat *rows = class_cheatsheet_rows(&n);
    for (size_t i = 0; i < n; i++) {
        if (rows[i].section) {
            fprintf(out, "%s#### %s\n\n", i ? "\n" : "", rows[i].section);
            fputs("| Keys | What it does |\n|---|---|\n", out);
        }
        fprintf(out, "| %s | %s |\n", rows[i].keys, rows[i].does);
    }
    return ferror(out) ? -1 : 0;
}
