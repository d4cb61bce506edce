/* lint.c — design checks of a scenario as written (see lint.h). */
#include "lint.h"
#include "reading.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "score.h"

static const char *lint_id(const scenario_node *n)
{
    return n->id ? n->id : "?";
}

static bool lint_has_name(char **names, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(names[i], name) == 0) {
            return true;
        }
    }
    return false;
}

/* Whenever `b` holds, `a` holds too (so a branch `a` before `b` always
 * wins). */
static bool lint_cond_covers(const scenario_condition *a,
                             const scenario_condition *b)
{
    if (a->min_mood > b->min_mood || a->max_mood < b->max_mood) {
        return false;
    }
    for (size_t i = 0; i < a->if_count; i++) {
        if (!lint_has_name(b->if_flags, b->if_count, a->if_flags[i])) {
            return false;
        }
    }
    for (size_t i = 0; i < a->unless_count; i++) {
        if (!lint_has_name(b->unless_flags, b->unless_count,
                           a->unless_flags[i])) {
            return false;
        }
    }
    return true;
}

static bool lint_cond_any(const scenario_condition *c)
{
    return c->if_count || c->unless_count || c->min_mood > 0 ||
           c->max_mood < 100;
}

/* Branches tried in order: one with no condition always wins, so what
 * follows it (later branches, the choice's next) is never used; a branch
 * whose condition implies an earlier one's is never taken either. */
static void lint_branches(const scenario *sc, diag_list *diags)
{
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        for (size_t c = 0; c < n->choice_count; c++) {
            const scenario_choice *ch = &n->choices[c];
            bool next_reported = false;
            for (size_t b = 0; b < ch->branch_count; b++) {
                const scenario_branch *br = &ch->branches[b];
                for (size_t a = 0; a < b; a++) {
                    const scenario_branch *first = &ch->branches[a];
                    if (!lint_cond_covers(&first->cond, &br->cond)) {
                        continue;
                    }
                    if (!lint_cond_any(&first->cond)) {
                        diag_add(diags, DIAG_WARNING, sc->path, br->line,
                                 br->col,
                                 "choice %zu of node '%s': this <branch> is "
                                 "never taken: the <branch> on line %d has "
                                 "no condition, so it is always taken first; "
                                 "give that one a condition or move it last",
                                 c + 1, lint_id(n), first->line);
                    } else {
                        diag_add(diags, DIAG_WARNING, sc->path, br->line,
                                 br->col,
                                 "choice %zu of node '%s': this <branch> is "
                                 "never taken: the <branch> on line %d comes "
                                 "first and holds whenever this one does; "
                                 "put the more specific branch first",
                                 c + 1, lint_id(n), first->line);
                    }
                    break;
                }
                if (!next_reported && !lint_cond_any(&br->cond)) {
                    next_reported = true;
                    diag_add(diags, DIAG_WARNING, sc->path, br->line, br->col,
                             "choice %zu of node '%s': this <branch> has no "
                             "condition, so it is always taken and the "
                             "choice's next='%s' is never used; give the "
                             "branch a condition, or make '%s' the choice's "
                             "next",
                             c + 1, lint_id(n), ch->next ? ch->next : "?",
                             br->next ? br->next : "?");
                }
            }
        }
    }
}

static bool lint_flag_tested(const scenario *sc, const char *flag)
{
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        for (size_t c = 0; c < n->choice_count; c++) {
            const scenario_choice *ch = &n->choices[c];
            for (size_t b = 0; b <= ch->branch_count; b++) {
                const scenario_condition *cond =
                    b == ch->branch_count ? &ch->cond : &ch->branches[b].cond;
                if (lint_has_name(cond->if_flags, cond->if_count, flag) ||
                    lint_has_name(cond->unless_flags, cond->unless_count,
                                  flag)) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* A flag set but never tested changes nothing (once per flag, at the first
 * choice that sets it; the loader warns about the opposite). */
static void lint_flags(const scenario *sc, diag_list *diags)
{
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        for (size_t c = 0; c < n->choice_count; c++) {
            const scenario_choice *ch = &n->choices[c];
            for (size_t f = 0; f < ch->set_count; f++) {
                const char *flag = ch->set_flags[f];
                bool earlier = lint_has_name(ch->set_flags, f, flag);
                for (size_t pi = 0; pi <= i && !earlier; pi++) {
                    const scenario_node *pn = &sc->nodes[pi];
                    size_t last = pi == i ? c : pn->choice_count;
                    for (size_t pc = 0; pc < last && !earlier; pc++) {
                        earlier =
                            lint_has_name(pn->choices[pc].set_flags,
                                          pn->choices[pc].set_count, flag);
                    }
                }
                if (earlier || lint_flag_tested(sc, flag)) {
                    continue;
                }
                diag_add(diags, DIAG_WARNING, sc->path, ch->line, ch->col,
                         "choice %zu of node '%s' sets flag '%s', but no "
                         "if-flags or unless-flags tests it, so it changes "
                         "nothing; test it in a later condition or remove "
                         "it from set=",
                         c + 1, lint_id(n), flag);
            }
        }
    }
}

/* True when the options differ on some dimension. */
static bool lint_options_differ(const scenario_node *n)
{
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        for (size_t c = 1; c < n->choice_count; c++) {
            if (n->choices[c].rating[d] != n->choices[0].rating[d]) {
                return true;
            }
        }
    }
    return false;
}

static void lint_node(const scenario *sc, const scenario_node *n,
                      diag_list *diags)
{
    const char *path = sc->path;
    if (n->choice_count == 1) {
        diag_add(diags, DIAG_WARNING, path, n->line, n->col,
                 "node '%s' offers a single option, so the turn has "
                 "nothing to learn; add alternatives",
                 lint_id(n));
    } else if (n->choice_count > 1 && !lint_options_differ(n)) {
        diag_add(diags, DIAG_WARNING, path, n->line, n->col,
                 "node '%s': its options are rated the same on "
                 "empathy, honesty and promptness, so the turn has "
                 "nothing to learn; rate the better reply higher",
                 lint_id(n));
    }
    if (n->target_ms > 0) {
        size_t words = 0;
        for (size_t l = 0; l < n->line_count; l++) {
            words += reading_word_count(n->lines[l].text);
        }
        for (size_t c = 0; c < n->choice_count; c++) {
            words += reading_word_count(n->choices[c].say);
        }
        double need = (double)words * LINT_MS_PER_WORD;
        if (need > n->target_ms) {
            diag_add(diags, DIAG_WARNING, path, n->line, n->col,
                     "node '%s': the customer's lines and options take "
                     "about %.0f s to read but target= is %g s",
                     lint_id(n), need / 1000.0, n->target_ms / 1000.0);
        }
    }
    for (size_t c = 0; c < n->choice_count; c++) {
        const scenario_choice *ch = &n->choices[c];
        if (!ch->feedback) {
            diag_add(diags, DIAG_WARNING, path, ch->line, ch->col,
                     "choice %zu of node '%s' has no <feedback>: the "
                     "debrief will have nothing to say about it",
                     c + 1, lint_id(n));
        }
    }
}

/* Option numbers shift with what is on offer: at a node with a
 * conditional option, a script or test plan that numbers the options
 * plays another option when the condition changes. Ids do not shift. */
static void lint_ids(const scenario *sc, diag_list *diags)
{
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        bool conditional = false;
        size_t without = 0;
        for (size_t c = 0; c < n->choice_count; c++) {
            conditional = conditional || n->choices[c].conditional;
            without += n->choices[c].id == NULL;
        }
        if (conditional && without > 0) {
            diag_addn(diags, DIAG_WARNING, sc->path, n->line, n->col,
                      (unsigned long)without,
                      "node '%s' has conditional options, so the option "
                      "numbers after one shift with what is on offer; give "
                      "its %zu choice without an id an id (<choice "
                      "id=\"...\">) and name it by id in scripts and test "
                      "plans",
                      "node '%s' has conditional options, so the option "
                      "numbers after one shift with what is on offer; give "
                      "its %zu choices without an id an id (<choice "
                      "id=\"...\">) and name them by id in scripts and test "
                      "plans",
                      lint_id(n), without);
        }
    }
}

/* Whether two conditions can hold at once (no flag required by one and
 * excluded by the other, mood ranges that meet). */
static bool lint_cond_meet(const scenario_condition *a,
                           const scenario_condition *b)
{
    for (size_t i = 0; i < a->if_count; i++) {
        if (lint_has_name(b->unless_flags, b->unless_count, a->if_flags[i])) {
            return false;
        }
    }
    for (size_t i = 0; i < b->if_count; i++) {
        if (lint_has_name(a->unless_flags, a->unless_count, b->if_flags[i])) {
            return false;
        }
    }
    return a->min_mood <= b->max_mood && b->min_mood <= a->max_mood;
}

/* A critical mistake must never be the best option: a trainee who picks
 * the best at every turn would fail. It is compared with the options that
 * can be on offer with it when it counts (their conditions meet its own
 * and its <critical>'s). */
static void lint_critical(const scenario *sc, diag_list *diags)
{
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        for (size_t c = 0; c < n->choice_count && c < 16; c++) {
            const scenario_choice *ch = &n->choices[c];
            if (!ch->critical) {
                continue;
            }
            unsigned offered = 0;
            for (size_t o = 0; o < n->choice_count && o < 16; o++) {
                const scenario_choice *other = &n->choices[o];
                if (o == c ||
                    (lint_cond_meet(&other->cond, &ch->cond) &&
                     lint_cond_meet(&other->cond, &ch->critical_cond))) {
                    offered |= 1u << o;
                }
            }
            double mine = score_option_value(sc, n, offered, (int)c);
            bool best = true;
            for (size_t o = 0; o < n->choice_count && o < 16; o++) {
                if (o != c && (offered & (1u << o)) &&
                    score_option_value(sc, n, offered, (int)o) > mine + 1e-9) {
                    best = false;
                }
            }
            if (best) {
                diag_add(diags, DIAG_ERROR, sc->path, ch->critical_line,
                         ch->critical_col,
                         "choice %zu of node '%s' is marked as a critical "
                         "mistake but rates as the best option on offer "
                         "with it: a trainee who always picks the best "
                         "would fail; rate it below a better option",
                         c + 1, lint_id(n));
            }
        }
    }
}

/* Whether choice c of n rates first (ties allowed) among the options
 * that can be on offer with it. */
static bool lint_is_best(const scenario *sc, const scenario_node *n, size_t c)
{
    unsigned offered = 0;
    for (size_t o = 0; o < n->choice_count && o < 16; o++) {
        if (o == c ||
            lint_cond_meet(&n->choices[o].cond, &n->choices[c].cond)) {
            offered |= 1u << o;
        }
    }
    double mine = score_option_value(sc, n, offered, (int)c);
    for (size_t o = 0; o < n->choice_count && o < 16; o++) {
        if ((offered & (1u << o)) &&
            score_option_value(sc, n, offered, (int)o) > mine + 1e-9) {
            return false;
        }
    }
    return true;
}

/* An objective is met by choosing well where its principle is on offer
 * (see debrief.h); if its principle is on no best option, a trainee who
 * always picks the best never practises it. */
static void lint_objectives(const scenario *sc, diag_list *diags)
{
    for (size_t i = 0; i < sc->objective_count; i++) {
        const scenario_objective *ob = &sc->objectives[i];
        if (ob->principle < 0 || ob->principle >= SCENARIO_PRINCIPLE_COUNT) {
            continue;
        }
        uint32_t bit = 1u << ob->principle;
        bool found = false;
        for (size_t k = 0; k < sc->node_count && !found; k++) {
            const scenario_node *n = &sc->nodes[k];
            for (size_t c = 0; c < n->choice_count && c < 16 && !found; c++) {
                found =
                    (n->choices[c].principles & bit) && lint_is_best(sc, n, c);
            }
        }
        if (!found) {
            diag_add(
                diags, DIAG_WARNING, sc->path, ob->line, ob->col,
                "objective %zu's principle '%s' is on no best option: "
                "a trainee who picks the best reply at every turn "
                "never practises it; tag the best option that does",
                i + 1,
                scenario_principle_name((scenario_principle)ob->principle));
        }
    }
}

void lint_design(const scenario *sc, diag_list *diags)
{
    if (!sc || !diags) {
        return;
    }
    for (size_t i = 0; i < sc->node_count; i++) {
        if (!sc->nodes[i].is_ending) {
            lint_node(sc, &sc->nodes[i], diags);
        }
    }
    lint_branches(sc, diags);
    lint_flags(sc, diags);
    lint_ids(sc, diags);
    lint_critical(sc, diags);
    lint_objectives(sc, diags);
}
