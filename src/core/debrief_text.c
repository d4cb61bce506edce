/* debrief_text.c — the debrief as plain UTF-8 text for the terminal. */
#include <stdlib.h>
#include <string.h>

#include "debrief.h"

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
    snprintf(buf, size, "%d.%d s", ms / 1000, (ms % 1000) / 100);
}

static void debrief_write_turn(FILE *out, const debrief *d,
                               const debrief_turn *t)
{
    char label[64];
    char buf[64];
    char buf2[64];
    fprintf(out, "\nTurn %d of %zu\n", t->number, d->turn_count);
    char *said = debrief_customer_text(t->node);
    snprintf(label, sizeof label, "  Customer (%s): ",
             scenario_expression_name(
                 t->node->lines && t->node->lines[0].expression
                     ? t->node->lines[0].expression
                     : scenario_expression_for_mood(t->mood_before)));
    debrief_wrap(out, label, said ? said : "");
    free(said);
    if (t->chosen) {
        snprintf(label, sizeof label, "  You chose %d: ", t->chosen_pos);
        debrief_wrap(out, label, t->chosen->say);
    } else {
        debrief_wrap(out, "  You chose:   ",
                     "nothing; the customer's patience ran out");
    }
    debrief_seconds(buf, sizeof buf, t->response_ms);
    debrief_seconds(buf2, sizeof buf2, t->target_ms);
    fprintf(out, "  Time:        %s (target %s)%s\n", buf, buf2,
            t->response_ms <= t->target_ms ? "" : ", over target");
    fprintf(out, "  Scored:     ");
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        if (t->score.counted[dim]) {
            fprintf(out, " %s %d", scenario_dim_name((scenario_dim)dim),
                    score_round(100.0 * t->score.value[dim]));
        } else {
            fprintf(out, " %s -", scenario_dim_name((scenario_dim)dim));
        }
        fputs(dim + 1 < SCENARIO_DIM_COUNT ? "," : "\n", out);
    }
    fprintf(out, "  Mood:        %d -> %d\n", t->mood_before, t->mood_after);
    if (t->chosen && t->chosen->feedback) {
        debrief_wrap(out, "  Feedback:    ", t->chosen->feedback);
    }
    if (t->critical) {
        debrief_wrap(out, "  Critical:    ", t->critical);
    }
    if (t->better) {
        snprintf(label, sizeof label, "  Better: %d:   ", t->better_pos);
        debrief_wrap(out, label, t->better->say);
        if (t->better->feedback) {
            debrief_wrap(out, "  Why:         ", t->better->feedback);
        }
    } else if (t->chosen) {
        fprintf(out, "  Best option at this turn.\n");
    }
}

int debrief_write_text(const debrief *d, FILE *out)
{
    const scenario *sc = d->sc;
    char buf[64];
    fprintf(out, "RAPPORT DEBRIEF\n");
    debrief_wrap(out, "Scenario:  ", sc->title);
    fprintf(out, "           %s, version %s, difficulty %d\n", sc->id,
            sc->version, sc->difficulty);
    debrief_wrap(out, "Customer:  ", sc->customer.name);
    if (!d->finished) {
        fprintf(out, "Outcome:   unfinished (the call did not reach an "
                     "ending)\n");
    } else if (d->gave_up) {
        fprintf(out, "Outcome:   lost: the customer ran out of patience and "
                     "left\n");
    } else {
        snprintf(buf, sizeof buf, "Outcome:   %s%s",
                 scenario_outcome_name(d->outcome),
                 d->ending->title ? ": " : "");
        debrief_wrap(out, buf, d->ending->title ? d->ending->title : "");
    }
    debrief_seconds(buf, sizeof buf, (int)d->total_response_ms);
    fprintf(out, "Turns:     %zu, total response time %s%s\n", d->turn_count,
            buf, d->relaxed_timing ? " (relaxed timing)" : "");

    fprintf(out, "\nSCORES\n");
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        fprintf(out, "  %-11s %3d  ", scenario_dim_name((scenario_dim)dim),
                d->summary.dim[dim]);
        debrief_bar(out, d->summary.dim[dim], 20);
        if (d->summary.turns_counted[dim] == 0) {
            fprintf(out, "  (not assessed: options never differed)");
        }
        fputc('\n', out);
    }
    fprintf(out, "  %-11s %3d  ", "overall", d->summary.overall);
    debrief_bar(out, d->summary.overall, 20);
    fprintf(out, "  %s, %s\n", score_band_name(d->summary.band), d->verdict);
    if (d->critical_count) {
        fprintf(out, "\nCRITICAL MISTAKE%s: NOT PASSED WHATEVER THE SCORE\n",
                d->critical_count == 1 ? "" : "S");
        for (size_t i = 0; i < d->turn_count; i++) {
            if (d->turns[i].critical) {
                char label[32];
                snprintf(label, sizeof label,
                         "  Turn %d: ", d->turns[i].number);
                debrief_wrap(out, label, d->turns[i].critical);
            }
        }
    }

    fprintf(out, "\nMOOD OVER TIME (0 furious .. 100 happy)\n");
    for (size_t i = 0; i < d->mood_count; i++) {
        if (i == 0) {
            fprintf(out, "  start   %3d %-8s ", d->mood[i],
                    scenario_expression_name(
                        scenario_expression_for_mood(d->mood[i])));
        } else {
            fprintf(out, "  turn %-2zu %3d %-8s ", i, d->mood[i],
                    scenario_expression_name(
                        scenario_expression_for_mood(d->mood[i])));
        }
        debrief_bar(out, d->mood[i], 20);
        fputc('\n', out);
    }

    fprintf(out, "\nTURN BY TURN\n");
    for (size_t i = 0; i < d->turn_count; i++) {
        debrief_write_turn(out, d, &d->turns[i]);
    }

    fprintf(out, "\nENDING\n");
    if (d->ending) {
        char *last = debrief_customer_text(d->ending);
        if (last && *last) {
            debrief_wrap(out, "  Customer: ", last);
        }
        free(last);
        if (d->ending->feedback) {
            debrief_wrap(out, "  Feedback: ", d->ending->feedback);
        }
    } else if (d->gave_up) {
        debrief_wrap(out, "  Feedback: ",
                     "The customer waited too long without an answer and "
                     "gave up on the call.");
    } else {
        fprintf(out, "  (not reached)\n");
    }

    fprintf(out, "\nSTRENGTHS\n");
    if (d->strength_count == 0) {
        fprintf(out, "  None at 80 or above yet; see what to practise "
                     "next.\n");
    }
    for (size_t i = 0; i < d->strength_count; i++) {
        fprintf(out, "  %s (%d)\n", scenario_dim_name(d->strengths[i]),
                d->summary.dim[d->strengths[i]]);
    }

    fprintf(out, "\nPRACTISE NEXT\n");
    debrief_wrap(out, "  ", d->practise_text);
    if (d->practise_turn >= 0) {
        const debrief_turn *t = &d->turns[d->practise_turn];
        char label[64];
        snprintf(label, sizeof label, "  At turn %d, option %d: ", t->number,
                 t->better_pos);
        debrief_wrap(out, label, t->better->say);
    }

    if (d->objective_count) {
        fprintf(out, "\nOBJECTIVES\n");
        for (size_t i = 0; i < d->objective_count; i++) {
            const debrief_objective *o = &d->objectives[i];
            debrief_wrap(out, "  - ", o->objective->text);
            if (o->text) {
                debrief_wrap(out, "    ", o->text);
            }
        }
    }

    fprintf(out, "\nPRINCIPLES\n");
    const char *names[2] = {"  practised ", "  missed    "};
    for (int k = 0; k < 2; k++) {
        const int *counts = k == 0 ? d->practised : d->missed;
        char list[SCENARIO_PRINCIPLE_COUNT * 24 + 8] = "";
        size_t used = 0;
        for (int p = 0; p < SCENARIO_PRINCIPLE_COUNT; p++) {
            if (counts[p] && used < sizeof list) {
                int n = snprintf(
                    list + used, sizeof list - used, "%s%s (%d)",
                    used ? ", " : "",
                    scenario_principle_name((scenario_principle)p), counts[p]);
                used += n > 0 ? (size_t)n : 0;
            }
        }
        debrief_wrap(out, names[k], used ? list : "none");
    }
    return ferror(out) ? -1 : 0;
}
