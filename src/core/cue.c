#include "cue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "score.h"
#include "session.h"

/* Word lists: lower case; ASCII letters in the text are folded before
 * matching, Arabic diacritics and tatweel are skipped (so "عذراً" and
 * "عذرًا" are "عذرا"), other bytes must match exactly. */
static const char *const cue_apology_words[] = {
    "sorry", "apolog", "regret", "forgive", "my fault", "our fault",
    /* Spanish */
    "lo siento", "lo sentimos", "disculp", "discúlp", "perdón", "perdon",
    "lamento", "lamentamos",
    /* Arabic */
    "آسف", "أعتذر", "نعتذر", "اعتذار", "عذرا", "المعذرة", "نأسف", "متأسف",
    "يؤسف"};

static const char *const cue_stock_phrases[] = {
    "i understand", "i completely understand", "i totally understand",
    "i fully understand", "i appreciate", "i hear you", "i can imagine",
    "i know how frustrating", "that must be", "thank you for your patience",
    "thanks for your patience", "thank you for bearing with", "rest assured",
    "valued customer", "happy to help", "i'd be happy", "i would be happy",
    "absolutely", "i'm here to help",
    /* Spanish */
    "entiendo", "comprendo", "entendemos", "comprendemos", "le agradezco",
    "agradecemos", "gracias por su paciencia", "gracias por comunicarse",
    "gracias por su preferencia", "con mucho gusto", "un placer atenderle",
    "estamos para servirle", "cliente valioso", "no se preocupe",
    "su opinión es muy importante",
    /* Arabic */
    "أتفهم", "نتفهم", "أفهم شعورك", "شكرا لصبرك", "شكرا لتواصلك", "نشكركم على",
    "نشكرك على", "يسعدني", "يسعدنا", "لا تقلق", "عميل عزيز", "عميلنا العزيز",
    "عملائنا الكرام", "رضاكم", "نود إعلامكم"};

#define CUE_COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *const cue_names[CUE_COUNT] = {
    "longest", "shortest",     "first",  "last",
    "apology", "stock-phrase", "number", "name"};

static const char *const cue_descriptions[CUE_COUNT] = {
    "always the longest reply",         "always the shortest reply",
    "always the first option",          "always the last option",
    "always the most apologetic reply", "always the most stock phrases",
    "always the most numbers",          "always the customer's name"};

const char *cue_strategy_name(cue_strategy strategy)
{
    return strategy < CUE_COUNT ? cue_names[strategy] : "?";
}

const char *cue_strategy_description(cue_strategy strategy)
{
    return strategy < CUE_COUNT ? cue_descriptions[strategy] : "?";
}

static size_t cue_code_points(const char *text)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        n += (*p & 0xC0) != 0x80;
    }
    return n;
}

static char cue_fold(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Bytes of the Arabic mark at p that matching skips (tatweel U+0640, the
 * harakat U+064B-U+065F, superscript alef U+0670), 0 if none. */
static size_t cue_mark(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] == 0xD9 &&
        (u[1] == 0x80 || (u[1] >= 0x8B && u[1] <= 0x9F) || u[1] == 0xB0)) {
        return 2;
    }
    return 0;
}

/* Occurrences of word in text (ASCII case ignored, Arabic marks skipped on
 * both sides, not overlapping). */
static int cue_hits(const char *text, const char *word)
{
    int hits = 0;
    if (!*word) {
        return 0;
    }
    for (const char *p = text; *p;) {
        const char *t = p;
        const char *w = word;
        while (*w) {
            size_t m = cue_mark(w);
            if (m) {
                w += m;
                continue;
            }
            m = cue_mark(t);
            if (m && t != p) {
                t += m;
                continue;
            }
            if (!*t || cue_fold(*t) != cue_fold(*w)) {
                break;
            }
            t++;
            w++;
        }
        if (!*w) {
            hits++;
            p = t;
        } else {
            p++;
        }
    }
    return hits;
}

static int cue_list_hits(const char *text, const char *const *words,
                         size_t count)
{
    int hits = 0;
    for (size_t i = 0; i < count; i++) {
        hits += cue_hits(text, words[i]);
    }
    return hits;
}

/* Length in bytes of the digit at p (ASCII, Arabic-Indic or Eastern
 * Arabic-Indic), 0 if none. */
static size_t cue_digit(const unsigned char *p)
{
    if (*p >= '0' && *p <= '9') {
        return 1;
    }
    if ((p[0] == 0xD9 && p[1] >= 0xA0 && p[1] <= 0xA9) ||
        (p[0] == 0xDB && p[1] >= 0xB0 && p[1] <= 0xB9)) {
        return 2;
    }
    return 0;
}

static int cue_numbers(const char *text)
{
    int runs = 0;
    bool in_run = false;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        size_t d = cue_digit(p);
        if (d) {
            runs += !in_run;
            in_run = true;
            p += d;
        } else {
            /* "1,299.50" is one number */
            bool joins =
                in_run && (*p == ',' || *p == '.') && cue_digit(p + 1);
            in_run = joins;
            p++;
        }
    }
    return runs;
}

/* Mentions of any word of the name of at least two characters. */
static int cue_name_hits(const char *text, const char *name)
{
    int hits = 0;
    const char *p = name;
    while (p && *p) {
        while (*p == ' ') {
            p++;
        }
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len >= 2 && len < 64) {
            char word[64];
            memcpy(word, p, len);
            word[len] = '\0';
            hits += cue_hits(text, word);
        }
        p = end;
    }
    return hits;
}

int cue_measure(cue_strategy strategy, const char *text, const char *name)
{
    if (!text) {
        return 0;
    }
    switch (strategy) {
    case CUE_LONGEST:
    case CUE_SHORTEST:
        return (int)cue_code_points(text);
    case CUE_APOLOGY:
        return cue_list_hits(text, cue_apology_words,
                             CUE_COUNT_OF(cue_apology_words));
    case CUE_STOCK_PHRASE:
        return cue_list_hits(text, cue_stock_phrases,
                             CUE_COUNT_OF(cue_stock_phrases));
    case CUE_NUMBER:
        return cue_numbers(text);
    case CUE_NAME:
        return cue_name_hits(text, name);
    case CUE_FIRST:
    case CUE_LAST:
    case CUE_COUNT:
        break;
    }
    return 0;
}

/* The position (0-based, on screen) the strategy picks now. */
static size_t cue_pick(const session *s, cue_strategy strategy,
                       const char *name)
{
    size_t count = session_offered_count(s);
    if (strategy == CUE_LAST) {
        return count ? count - 1 : 0;
    }
    if (strategy == CUE_FIRST) {
        return 0;
    }
    size_t pick = 0;
    int pick_value = 0;
    for (size_t i = 0; i < count; i++) {
        int v = cue_measure(strategy, session_offered(s, i)->say, name);
        if (strategy == CUE_SHORTEST) {
            v = -v;
        }
        if (i == 0 || v > pick_value) {
            pick = i;
            pick_value = v;
        }
    }
    return pick;
}

static bool cue_play_one(const scenario *sc, cue_strategy strategy,
                         cue_play *out)
{
    session_options opt = {0};
    session *s = session_new(sc, &opt);
    if (!s) {
        return false;
    }
    size_t cap = 64;
    size_t len = 0;
    char *script = malloc(cap);
    if (!script) {
        session_free(s);
        return false;
    }
    script[0] = '\0';
    while (!session_is_finished(s) && session_turn_count(s) < CUE_MAX_TURNS) {
        size_t pos = cue_pick(s, strategy, sc->customer.name);
        if (session_choose(s, pos, session_target_ms(s)) != SESSION_OK) {
            break;
        }
        char item[24];
        int n = snprintf(item, sizeof item, "%s%zu", len ? "," : "", pos + 1);
        if (len + (size_t)n + 1 > cap) {
            cap *= 2;
            char *grown = realloc(script, cap);
            if (!grown) {
                free(script);
                session_free(s);
                return false;
            }
            script = grown;
        }
        memcpy(script + len, item, (size_t)n + 1);
        len += (size_t)n;
    }
    score_summary sum;
    score_summarise(s, &sum);
    for (int d = 0; d < SCENARIO_DIM_COUNT; d++) {
        out->dim[d] = sum.dim[d];
    }
    out->overall = sum.overall;
    out->passes = sum.overall >= sc->pass_mark;
    out->ended = session_is_finished(s);
    const scenario_node *ending = session_ending(s);
    out->ending_index = ending ? (int)(ending - sc->nodes) : -1;
    out->turns = session_turn_count(s);
    out->script = script;
    session_free(s);
    return true;
}

/* The figures over the turns a call can meet. */
static bool cue_figures(const scenario *sc, cue_report *r)
{
    unsigned char *linked = scenario_linked(sc);
    if (!linked) {
        return false;
    }
    for (size_t k = 0; k < sc->node_count; k++) {
        const scenario_node *n = &sc->nodes[k];
        size_t count = n->choice_count < SCENARIO_MAX_CHOICES
                           ? n->choice_count
                           : SCENARIO_MAX_CHOICES;
        if (!linked[k] || n->is_ending || count < 2) {
            continue;
        }
        unsigned offered = (1u << count) - 1u;
        bool differs = false;
        for (int d = 0; d < SCENARIO_DIM_COUNT && !differs; d++) {
            differs = score_placement(n, offered, 0, (scenario_dim)d) >= 0.0;
        }
        if (!differs) {
            continue;
        }
        size_t best = 0;
        double best_value = -1.0;
        for (size_t i = 0; i < count; i++) {
            double v = score_option_value(sc, n, offered, (int)i);
            if (v > best_value + 1e-9) {
                best_value = v;
                best = i;
            }
        }
        size_t best_len = cue_code_points(n->choices[best].say);
        bool longest = true;
        bool shortest = true;
        for (size_t i = 0; i < count; i++) {
            size_t len = cue_code_points(n->choices[i].say);
            longest = longest && best_len >= len;
            shortest = shortest && best_len <= len;
        }
        r->turns++;
        r->best_longest += longest;
        r->best_shortest += shortest;
        r->best_position[best]++;
    }
    free(linked);
    return true;
}

static void cue_warn(const scenario *sc, const cue_report *r, diag_list *diags)
{
    for (int k = 0; k < CUE_COUNT; k++) {
        const cue_play *p = &r->plays[k];
        if (p->passes) {
            diag_add(diags, DIAG_WARNING, sc->path, sc->line, sc->col,
                     "%s (--choices %s) scores %d, reaching the pass mark "
                     "of %d: a trainee can pass without judging the "
                     "replies; see 'Options that teach, not cue' in the "
                     "guide",
                     _(cue_strategy_description((cue_strategy)k)), p->script,
                     p->overall, r->pass_mark);
        }
    }
    if (r->turns && 2 * r->best_longest > r->turns) {
        diag_add(diags, DIAG_WARNING, sc->path, sc->line, sc->col,
                 "the best option is also the longest reply in %zu of %zu "
                 "turns: length gives the answer away; write some good "
                 "replies short and some weak ones long",
                 r->best_longest, r->turns);
    }
    for (size_t k = 0; k < SCENARIO_MAX_CHOICES; k++) {
        if (r->turns && 2 * r->best_position[k] > r->turns) {
            diag_add(diags, DIAG_WARNING, sc->path, sc->line, sc->col,
                     "the best option is option %zu in %zu of %zu turns: "
                     "when the order is fixed (shuffling off, test plans, "
                     "rapport run) its position gives the answer away; "
                     "spread the best options over the positions",
                     k + 1, r->best_position[k], r->turns);
        }
    }
}

cue_report *cue_new(const scenario *sc, diag_list *diags)
{
    cue_report *r = calloc(1, sizeof *r);
    if (!r) {
        return NULL;
    }
    r->pass_mark = sc->pass_mark;
    for (int k = 0; k < CUE_COUNT; k++) {
        if (!cue_play_one(sc, (cue_strategy)k, &r->plays[k])) {
            cue_free(r);
            return NULL;
        }
    }
    if (!cue_figures(sc, r)) {
        cue_free(r);
        return NULL;
    }
    cue_warn(sc, r, diags);
    return r;
}

void cue_free(cue_report *report)
{
    if (!report) {
        return;
    }
    for (int k = 0; k < CUE_COUNT; k++) {
        free(report->plays[k].script);
    }
    free(report);
}
