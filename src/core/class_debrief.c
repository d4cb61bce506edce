/* class_debrief.c — the class debrief as plain text: the path the room
 * took with its votes, the better option at each turn, the scores side by
 * side, the ending and how promptness was scored. */
#include <stdlib.h>
#include <string.h>

#include "class.h"
#include "debrief.h"
#include "i18n.h"
#include "words.h"

#define CLASS_WIDTH 78

static size_t class_cols(const char *s, size_t bytes)
{
    size_t n = 0;
    for (size_t i = 0; i < bytes; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

/* label then text wrapped at CLASS_WIDTH, continuation lines indented by
 * indent columns. */
static void class_wrap(FILE *out, const char *label, size_t indent,
                       const char *text)
{
    fputs(label, out);
    size_t col = class_cols(label, strlen(label));
    const char *p = text ? text : "";
    bool first = true;
    while (*p) {
        const char *space = strchr(p, ' ');
        size_t wlen = space ? (size_t)(space - p) : strlen(p);
        size_t wcols = class_cols(p, wlen);
        if (!first && col + 1 + wcols > CLASS_WIDTH) {
            fprintf(out, "\n%*s", (int)indent, "");
            col = indent;
            first = true;
        }
        if (!first) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, wlen, out);
        col += wcols;
        first = false;
        p += wlen;
        while (*p == ' ') {
            p++;
        }
    }
    fputc('\n', out);
}

static void class_pad(FILE *out, const char *s, size_t width)
{
    fputs(s, out);
    size_t cols = class_cols(s, strlen(s));
    for (size_t i = cols; i < width; i++) {
        fputc(' ', out);
    }
}

static const char *class_outcome_words(scenario_outcome o)
{
    switch (o) {
    case SCENARIO_OUTCOME_RESOLVED:
        return C_("outcome", "resolved");
    case SCENARIO_OUTCOME_PARTIAL:
        return _("partly resolved");
    case SCENARIO_OUTCOME_ESCALATED:
        return C_("outcome", "escalated");
    default:
        return C_("outcome", "lost");
    }
}

static void class_write_votes(FILE *out, const class_session *c,
                              const class_turn *t)
{
    char buf[256];
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < t->option_count && len < sizeof buf - 32; i++) {
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%c %d",
                                i ? ", " : "", class_letter(i), t->votes[i]);
    }
    bool teams = class_mode_of(c) == CLASS_TEAMS;
    fprintf(out, teams ? _("  Teams per option: %s") : _("  Votes: %s"), buf);
    if (t->split) {
        fputs(teams ? _(" (the teams disagreed)") : _(" (the room disagreed)"),
              out);
    } else {
        fputs(teams ? _(" (all the teams agreed)") : _(" (the room agreed)"),
              out);
    }
    fputc('\n', out);
    if (class_mode_of(c) == CLASS_TEAMS) {
        for (size_t k = 0; k < class_team_count(c); k++) {
            char label[96];
            snprintf(label, sizeof label,
                     t->team_picked[k]
                         ? _("    %s chose %c (a tie: the facilitator's pick)")
                         : _("    %s chose %c"),
                     class_team_name(c, k),
                     class_letter((size_t)t->team_choice[k]));
            fprintf(out, "%s\n", label);
        }
    }
}

static void class_write_turn(FILE *out, const class_session *c, size_t i)
{
    const class_turn *t = class_turn_at(c, i);
    const scenario *sc = class_scenario(c);
    const scenario_node *n = &sc->nodes[t->node_index];
    bool teams = class_mode_of(c) == CLASS_TEAMS;
    fprintf(out, _("\nTurn %zu of %zu\n"), i + 1, class_turn_count(c));
    char *said = debrief_customer_text(n);
    class_wrap(out, _("  Customer: "), 4, said ? said : "");
    free(said);
    class_write_votes(out, c, t);
    const scenario_choice *ch = &n->choices[t->chosen_index];
    char label[64];
    const char *fmt =
        teams ? (t->picked
                     ? _("  The call was %c (a tie: the facilitator's pick): ")
                     : _("  The call was %c: "))
              : (t->picked ? _("  The room chose %c (a tie: the facilitator's "
                               "pick): ")
                           : _("  The room chose %c: "));
    snprintf(label, sizeof label, fmt, class_letter((size_t)t->chosen_pos));
    class_wrap(out, label, 4, ch->say);
    if (ch->feedback) {
        class_wrap(out, _("  Feedback: "), 4, ch->feedback);
    }
    fprintf(out, _("  Mood: %d -> %d\n"), t->mood_before, t->mood_after);
    class_whatif w;
    if (t->best_pos >= 0 && t->best_pos != t->chosen_pos &&
        !(class_whatif_at(c, i, (size_t)t->chosen_pos, &w) && w.best)) {
        const scenario_choice *b = &n->choices[t->option_index[t->best_pos]];
        snprintf(label, sizeof label, _("  Better option %c: "),
                 class_letter((size_t)t->best_pos));
        class_wrap(out, label, 4, b->say);
    } else {
        fputs(teams ? _("  The call was the best option.\n")
                    : _("  The room chose the best option.\n"),
              out);
    }
}

static void class_write_scores(FILE *out, const class_session *c)
{
    const scenario *sc = class_scenario(c);
    size_t teams = class_team_count(c);
    score_summary sums[CLASS_MAX_TEAMS + 1];
    const char *heads[CLASS_MAX_TEAMS + 1];
    size_t cols = 0;
    class_scores(c, CLASS_ROOM, &sums[cols]);
    heads[cols++] = teams ? _("Call") : _("Class");
    for (size_t k = 0; k < teams; k++) {
        if (!class_scores(c, (int)k, &sums[cols])) {
            memset(&sums[cols], 0, sizeof sums[cols]);
        }
        heads[cols++] = class_team_name(c, k);
    }
    size_t width = 8;
    for (size_t k = 0; k < cols; k++) {
        size_t w = class_cols(heads[k], strlen(heads[k])) + 2;
        width = w > width ? w : width;
    }
    if (width > 16) {
        width = 16;
    }
    fputs(teams ? _("\nScores (the call's path, and each team on its own "
                    "choices)\n")
                : _("\nScores\n"),
          out);
    class_pad(out, "", 14);
    for (size_t k = 0; k < cols; k++) {
        char head[64];
        snprintf(head, sizeof head, "%.*s", (int)width - 1, heads[k]);
        class_pad(out, head, k + 1 < cols ? width : 0);
    }
    fputc('\n', out);
    for (int d = 0; d <= SCENARIO_DIM_COUNT + 1; d++) {
        const char *row = d <= SCENARIO_DIM_COUNT
                              ? words_dim_label(d)
                              : C_("score label", "Passed");
        char name[64];
        snprintf(name, sizeof name, "  %s", row);
        class_pad(out, name, 14);
        for (size_t k = 0; k < cols; k++) {
            char cell[32];
            if (d < SCENARIO_DIM_COUNT) {
                if (sums[k].turns_counted[d]) {
                    snprintf(cell, sizeof cell, "%d", sums[k].dim[d]);
                } else {
                    snprintf(cell, sizeof cell, "-");
                }
            } else if (d == SCENARIO_DIM_COUNT) {
                snprintf(cell, sizeof cell, "%d", sums[k].overall);
            } else {
                snprintf(cell, sizeof cell, "%s",
                         sums[k].passed ? _("yes") : _("no"));
            }
            class_pad(out, cell, k + 1 < cols ? width : 0);
        }
        fputc('\n', out);
    }
    fprintf(out, _("  (pass mark %d; - : not assessed in this call)\n"),
            sc->pass_mark);
}

int class_debrief_write(const class_session *c, FILE *out)
{
    const scenario *sc = class_scenario(c);
    const session *s = class_session_of(c);
    const char *head = _("Class debrief: ");
    class_wrap(out, head, class_cols(head, strlen(head)), sc->title);
    if (class_mode_of(c) == CLASS_TEAMS) {
        fputs(_("Teams:"), out);
        for (size_t k = 0; k < class_team_count(c); k++) {
            fprintf(out, "%s %s", k ? "," : "", class_team_name(c, k));
        }
        fputc('\n', out);
    } else {
        fputs(_("Whole class\n"), out);
    }
    if (session_is_finished(s)) {
        const scenario_node *e = session_ending(s);
        fprintf(out, _("Outcome: %s"),
                class_outcome_words(session_outcome(s)));
        if (e && e->title) {
            fprintf(out, " (%s)", e->title);
        }
        fputc('\n', out);
    } else {
        fputs(_("Outcome: the call did not reach an ending\n"), out);
    }
    fputs(_("\nThe path the room took\n"), out);
    for (size_t i = 0; i < class_turn_count(c); i++) {
        class_write_turn(out, c, i);
    }
    size_t split = 0;
    for (size_t i = 0; i < class_turn_count(c); i++) {
        split += class_turn_at(c, i)->split;
    }
    size_t turns = class_turn_count(c);
    fprintf(out,
            class_mode_of(c) == CLASS_TEAMS
                ? P_("\nThe teams disagreed at %zu of %zu turn.\n",
                     "\nThe teams disagreed at %zu of %zu turns.\n", turns)
                : P_("\nThe room disagreed at %zu of %zu turn.\n",
                     "\nThe room disagreed at %zu of %zu turns.\n", turns),
            split, turns);
    class_write_scores(out, c);
    class_wrap(out, "", 0,
               _("Promptness in class is scored on the options alone "
                 "(relaxed timing): discussion time never counts."));
    const scenario_node *e = session_ending(s);
    if (e) {
        fputs(_("\nThe ending\n"), out);
        if (e->title) {
            class_wrap(out, "  ", 2, e->title);
        }
        char *said = debrief_customer_text(e);
        if (said && *said) {
            const char *who = _("  Customer: ");
            class_wrap(out, who, class_cols(who, strlen(who)), said);
        }
        free(said);
        if (e->feedback) {
            class_wrap(out, _("  What it teaches: "), 4, e->feedback);
        }
    } else if (session_gave_up(s)) {
        fputs(_("\nThe ending\n  The customer gave up.\n"), out);
    }
    return ferror(out) ? -1 : 0;
}

char *class_debrief_text(const class_session *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        return NULL;
    }
    int rc = class_debrief_write(c, f);
    if (fclose(f) != 0 || rc != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}
