/* debrief_text.c — the debrief as plain UTF-8 text for the terminal. */
#include <stdlib.h>
#include <string.h>

#include "debrief.h"
#include "i18n.h"
#include "words.h"

#define DEBRIEF_WIDTH 78

static size_t debrief_cp_len(const char *s, size_t bytes)
{
    size_t n = 0;
    for (size_t i = 0; i < bytes; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* Writes label then text wrapped at DEBRIEF_WIDTH; continuation lines are
 * indented by the label's width. Text has single spaces (the loader
 * collapsed whitespace). */
static void debrief_wrap(FILE *out, const char *label, const char *text)
{
    size_t indent = debrief_cp_len(label, strlen(label));
    fputs(label, out);
    size_t col = indent;
    const char *p = text ? text : "";
    bool first = true;
    while (*p) {
        const char *space = strchr(p, ' ');
        size_t wlen = space ? (size_t)(space - p) : strlen(p);
        size_t wcols = debrief_cp_len(p, wlen);
        if (!first && col + 1 + wcols > DEBRIEF_WIDTH) {
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

static void debrief_bar(FILE *out, int value, int width)
{
    int filled = (value * width + 50) / 100;
    fputc('[', out);
    for (int i = 0; i < width; i++) {
        fputc(i < filled ? '#' : '.', out);
    }
    fputc(']', out);
}

static void debrief_seconds(char *buf, size_t size, int ms)
{
    i18n_seconds(buf, size, ms);
}

/* text then spaces up to width columns (code points), like "%-*s". */
static void debrief_pad(FILE *out, const char *text, int width)
{
    fputs(text, out);
    for (int n = (int)debrief_cp_len(text, strlen(text)); n < width; n++) {
        fputc(' ', out);
    }
}

static void debrief_write_turn(FILE *out, const debrief *d,
                               const debrief_turn *t)
{
    char label[64];
    char buf[64];
    char buf2[64];
    fprintf(out, _("\nTurn %d of %zu\n"), t->number, d->turn_count);
    char *said = debrief_customer_text(t->node);
    snprintf(
        label, sizeof label, _("  Customer (%s): "),
        words_expression(t->node->lines && t->node->lines[0].expression
                             ? t->node->lines[0].expression
                             : scenario_expression_for_mood(t->mood_before)));
    debrief_wrap(out, label, said ? said : "");
    free(said);
    if (t->chosen) {
        snprintf(label, sizeof label, _("  You chose %d: "), t->chosen_pos);
        debrief_wrap(out, label, t->chosen->say);
    } else {
        debrief_wrap(out, _("  You chose:   "),
                     _("nothing; the customer's patience ran out"));
    }
    debrief_seconds(buf, sizeof buf, t->response_ms);
    debrief_seconds(buf2, sizeof buf2, t->target_ms);
    fprintf(out,
            t->response_ms <= t->target_ms
                ? _("  Time:        %s (target %s)\n")
                : _("  Time:        %s (target %s), over target\n"),
            buf, buf2);
    fputs(_("  Scored:     "), out);
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        if (t->score.counted[dim]) {
            fprintf(out, " %s %d", words_dim(dim),
                    score_round(100.0 * t->score.value[dim]));
        } else {
            fprintf(out, " %s -", words_dim(dim));
        }
        fputs(dim + 1 < SCENARIO_DIM_COUNT ? "," : "\n", out);
    }
    fprintf(out, _("  Mood:        %d -> %d\n"), t->mood_before,
            t->mood_after);
    if (t->chosen && t->chosen->feedback) {
        debrief_wrap(out, _("  Feedback:    "), t->chosen->feedback);
    }
    if (t->critical) {
        debrief_wrap(out, _("  Critical:    "), t->critical);
    }
    if (t->better) {
        snprintf(label, sizeof label, _("  Better: %d:   "), t->better_pos);
        debrief_wrap(out, label, t->better->say);
        if (t->better->feedback) {
            debrief_wrap(out, _("  Why:         "), t->better->feedback);
        }
    } else if (t->chosen) {
        fputs(_("  Best option at this turn.\n"), out);
    }
}

int debrief_write_text(const debrief *d, FILE *out)
{
    const scenario *sc = d->sc;
    char buf[64];
    fputs(_("RAPPORT DEBRIEF\n"), out);
    debrief_wrap(out, _("Scenario:  "), sc->title);
    fprintf(out, _("           %s, version %s, difficulty %d\n"), sc->id,
            sc->version, sc->difficulty);
    debrief_wrap(out, _("Customer:  "), sc->customer.name);
    if (!d->finished) {
        fputs(_("Outcome:   unfinished (the call did not reach an ending)\n"),
              out);
    } else if (d->gave_up) {
        fputs(_("Outcome:   lost: the customer ran out of patience and "
                "left\n"),
              out);
    } else {
        snprintf(buf, sizeof buf,
                 d->ending->title ? _("Outcome:   %s: ") : _("Outcome:   %s"),
                 words_outcome(d->outcome));
        debrief_wrap(out, buf, d->ending->title ? d->ending->title : "");
    }
    debrief_seconds(buf, sizeof buf, (int)d->total_response_ms);
    fprintf(out,
            d->relaxed_timing
                ? _("Turns:     %zu, total response time %s (relaxed "
                    "timing)\n")
                : _("Turns:     %zu, total response time %s\n"),
            d->turn_count, buf);

    fputs(_("\nSCORES\n"), out);
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        fputs("  ", out);
        debrief_pad(out, words_dim(dim), 11);
        fprintf(out, " %3d  ", d->summary.dim[dim]);
        debrief_bar(out, d->summary.dim[dim], 20);
        if (d->summary.turns_counted[dim] == 0) {
            fputs(_("  (not assessed: options never differed)"), out);
        }
        fputc('\n', out);
    }
    fputs("  ", out);
    debrief_pad(out, words_dim(SCENARIO_DIM_COUNT), 11);
    fprintf(out, " %3d  ", d->summary.overall);
    debrief_bar(out, d->summary.overall, 20);
    /* TRANSLATORS: the overall score's band and verdict: "good, passed
     * (pass mark 70)" */
    fprintf(out, _("  %s, %s\n"), words_band(d->summary.band), d->verdict);
    if (d->critical_count) {
        fputs(P_("\nCRITICAL MISTAKE: NOT PASSED WHATEVER THE SCORE\n",
                 "\nCRITICAL MISTAKES: NOT PASSED WHATEVER THE SCORE\n",
                 d->critical_count),
              out);
        for (size_t i = 0; i < d->turn_count; i++) {
            if (d->turns[i].critical) {
                char label[64];
                snprintf(label, sizeof label, _("  Turn %d: "),
                         d->turns[i].number);
                debrief_wrap(out, label, d->turns[i].critical);
            }
        }
    }

    fputs(_("\nMOOD OVER TIME (0 furious .. 100 happy)\n"), out);
    for (size_t i = 0; i < d->mood_count; i++) {
        char when[48];
        if (i == 0) {
            snprintf(when, sizeof when, "%s", _("start"));
        } else {
            /* TRANSLATORS: a row of the mood table: "turn 3" */
            snprintf(when, sizeof when, _("turn %zu"), i);
        }
        fputs("  ", out);
        debrief_pad(out, when, 7);
        fprintf(out, " %3d ", d->mood[i]);
        debrief_pad(out,
                    words_expression(scenario_expression_for_mood(d->mood[i])),
                    8);
        fputc(' ', out);
        debrief_bar(out, d->mood[i], 20);
        fputc('\n', out);
    }

    fputs(_("\nTURN BY TURN\n"), out);
    for (size_t i = 0; i < d->turn_count; i++) {
        debrief_write_turn(out, d, &d->turns[i]);
    }

    fputs(_("\nENDING\n"), out);
    if (d->ending) {
        char *last = debrief_customer_text(d->ending);
        if (last && *last) {
            debrief_wrap(out, _("  Customer: "), last);
        }
        free(last);
        if (d->ending->feedback) {
            debrief_wrap(out, _("  Feedback: "), d->ending->feedback);
        }
    } else if (d->gave_up) {
        debrief_wrap(out, _("  Feedback: "),
                     _("The customer waited too long without an answer and "
                       "gave up on the call."));
    } else {
        fputs(_("  (not reached)\n"), out);
    }

    fputs(_("\nSTRENGTHS\n"), out);
    if (d->strength_count == 0) {
        fputs(_("  None at 80 or above yet; see what to practise next.\n"),
              out);
    }
    for (size_t i = 0; i < d->strength_count; i++) {
        fprintf(out, "  %s (%d)\n", words_dim(d->strengths[i]),
                d->summary.dim[d->strengths[i]]);
    }

    fputs(_("\nPRACTISE NEXT\n"), out);
    debrief_wrap(out, "  ", d->practise_text);
    if (d->practise_turn >= 0) {
        const debrief_turn *t = &d->turns[d->practise_turn];
        char label[64];
        snprintf(label, sizeof label, _("  At turn %d, option %d: "),
                 t->number, t->better_pos);
        debrief_wrap(out, label, t->better->say);
    }

    if (d->objective_count) {
        fputs(_("\nOBJECTIVES\n"), out);
        for (size_t i = 0; i < d->objective_count; i++) {
            const debrief_objective *o = &d->objectives[i];
            debrief_wrap(out, "  - ", o->objective->text);
            if (o->text) {
                debrief_wrap(out, "    ", o->text);
            }
        }
    }

    fputs(_("\nPRINCIPLES\n"), out);
    const char *names[2] = {_("  practised "), _("  missed    ")};
    for (int k = 0; k < 2; k++) {
        const int *counts = k == 0 ? d->practised : d->missed;
        char list[SCENARIO_PRINCIPLE_COUNT * 24 + 8] = "";
        size_t used = 0;
        for (int p = 0; p < SCENARIO_PRINCIPLE_COUNT; p++) {
            if (counts[p] && used < sizeof list) {
                int n = snprintf(list + used, sizeof list - used, "%s%s (%d)",
                                 used ? ", " : "",
                                 words_principle((scenario_principle)p),
                                 counts[p]);
                used += n > 0 ? (size_t)n : 0;
            }
        }
        debrief_wrap(out, names[k], used ? list : _("none"));
    }
    return ferror(out) ? -1 : 0;
}
