/* xlate_text.c — which texts of a scenario are translated, their unit ids
 * and the notes that tell a translator where each one shows (see
 * xlate_internal.h).
 *
 * Adding a translatable text to the format is one line in xlate_fields[]:
 * where it lives (the element it belongs to, the child element or
 * attribute holding it), the last part of its unit id and where the
 * trainee sees it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlate_internal.h"

/* The elements that hold translatable texts. */
typedef enum {
    XLATE_AT_SCENARIO,   /* <scenario> */
    XLATE_AT_OBJECTIVES, /* <objectives> */
    XLATE_AT_CUSTOMER,   /* <customer> */
    XLATE_AT_NODE,       /* <node> */
    XLATE_AT_CHOICE,     /* <choice> of a node */
    XLATE_AT_ENDING      /* <ending> */
} xlate_at;

typedef struct {
    xlate_at at;
    const char *element; /* the child element holding the text, or NULL */
    const char *attr;    /* the attribute holding it (element NULL) */
    bool numbered;       /* repeated: the id ends in ":N", 1-based */
    bool quote;          /* its context quotes the customer's words just
                            before (a reply is translated with them) */
    const char *key;     /* last part of the unit id */
    const char *shows;   /* where the trainee sees it */
} xlate_field;

/* In document order within each element (the schema's order). The
 * customer's name is translatable: a translator may keep it or adapt it
 * to the language (then the lines and options that use it must match). */
static const xlate_field xlate_fields[] = {
    {XLATE_AT_SCENARIO, "title", NULL, false, false, "title",
     "The scenario's title: on the picker, at the top of the call and of "
     "the debrief."},
    {XLATE_AT_SCENARIO, "summary", NULL, false, false, "summary",
     "The situation in a few sentences: its start on the picker, all of it "
     "on the briefing before the call. Say the situation in the first "
     "sentence."},
    {XLATE_AT_OBJECTIVES, "objective", NULL, true, false, "objective",
     "A learning objective of the call: on the briefing and in the "
     "debrief."},
    {XLATE_AT_CUSTOMER, NULL, "name", false, false, "name",
     "The customer's name: on the picker, the briefing and the debrief. "
     "Keep it or adapt it to the language; if you change it, change it the "
     "same way in every line and option that uses it."},
    {XLATE_AT_CUSTOMER, "persona", NULL, false, false, "persona",
     "Background on the customer for the trainee: on the briefing only."},
    {XLATE_AT_NODE, "line", NULL, true, false, "line",
     "What the customer says: word by word during the call, and in the "
     "debrief."},
    {XLATE_AT_CHOICE, "say", NULL, false, true, "say",
     "A reply the trainee can choose: one of the numbered options during "
     "the call; in the debrief as the reply chosen or the better one. Keep "
     "its tone: a weak reply stays weak, a good one good."},
    {XLATE_AT_CHOICE, "feedback", NULL, false, false, "feedback",
     "Why this reply is good or weak: after the reply in practice mode, "
     "and in the debrief."},
    {XLATE_AT_CHOICE, "critical", NULL, false, false, "critical",
     "Why this reply is a critical mistake that fails the call whatever "
     "the score: after the reply and in the debrief."},
    {XLATE_AT_ENDING, NULL, "title", false, false, "title",
     "The name of this ending: when the call ends and in the debrief."},
    {XLATE_AT_ENDING, "line", NULL, true, false, "line",
     "The customer's last words: when the call ends and in the debrief."},
    {XLATE_AT_ENDING, "feedback", NULL, false, false, "feedback",
     "Closing feedback on the whole call: when it ends and in the "
     "debrief."},
};

typedef struct {
    xmldoc *doc;
    const scenario *sc;
    xlate_texts *out;
    size_t cap;
    bool ok;
} xlate_walk;

static char *xlate_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *xlate_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

/* "says" on the phone and at the counter, "writes" in a chat or email. */
static const char *xlate_says(const xlate_walk *w)
{
    return w->sc->channel == SCENARIO_CHANNEL_CHAT ||
                   w->sc->channel == SCENARIO_CHANNEL_EMAIL
               ? "writes"
               : "says";
}

static size_t xlate_count_children(const xlate_walk *w, const xmlNode *el,
                                   const char *name)
{
    size_t n = 0;
    for (const xmlNode *c = el->children; c; c = c->next) {
        n += xmldoc_is(w->doc, c, name);
    }
    return n;
}

/* Where a text is and who says it: the second note of its unit. item is
 * the text's element (NULL for an attribute), k of n its place among its
 * repeated siblings. NULL when there is nothing to add. */
static char *xlate_context(const xlate_walk *w, const xlate_field *f,
                           const xmlNode *el, const xmlNode *item, size_t k,
                           size_t n)
{
    const char *name = w->sc->customer.name ? w->sc->customer.name : "";
    char *id = xmldoc_attr(el, "id");
    char *extra = item ? xmldoc_attr(item, "expression") : NULL;
    char *s = NULL;
    switch (f->at) {
    case XLATE_AT_SCENARIO:
    case XLATE_AT_CUSTOMER:
        break;
    case XLATE_AT_OBJECTIVES: {
        char *p = item ? xmldoc_attr(item, "principle") : NULL;
        s = p ? xlate_printf("Objective %zu of %zu, about %s.", k, n, p)
              : xlate_printf("Objective %zu of %zu.", k, n);
        free(p);
        break;
    }
    case XLATE_AT_NODE:
        s = xlate_printf("Turn '%s', line %zu of %zu: %s %s it%s%s.",
                         id ? id : "?", k, n, name, xlate_says(w),
                         extra ? ", looking " : "", extra ? extra : "");
        break;
    case XLATE_AT_CHOICE: {
        /* el is the choice: its node, its place, the last line before */
        const xmlNode *node = el->parent;
        char *node_id = xmldoc_attr(node, "id");
        size_t pos = 0;
        size_t total = 0;
        const xmlNode *last_line = NULL;
        for (const xmlNode *c = node->children; c; c = c->next) {
            if (xmldoc_is(w->doc, c, "line")) {
                last_line = c;
            } else if (xmldoc_is(w->doc, c, "choice")) {
                total++;
                pos = c == el ? total : pos;
            }
        }
        char *before = f->quote ? xmldoc_text(last_line) : NULL;
        s = before ? xlate_printf("Turn '%s', option %zu of %zu, a reply to "
                                  "the customer's words: \"%s\"",
                                  node_id ? node_id : "?", pos, total, before)
                   : xlate_printf("Turn '%s', option %zu of %zu.",
                                  node_id ? node_id : "?", pos, total);
        free(before);
        free(node_id);
        break;
    }
    case XLATE_AT_ENDING: {
        char *outcome = xmldoc_attr(el, "outcome");
        if (item) {
            s = xlate_printf(
                "Ending '%s' (%s), line %zu of %zu: %s %s it%s%s.",
                id ? id : "?", outcome ? outcome : "?", k, n, name,
                xlate_says(w), extra ? ", looking " : "", extra ? extra : "");
        } else {
            s = xlate_printf("Ending '%s' (outcome: %s).", id ? id : "?",
                             outcome ? outcome : "?");
        }
        free(outcome);
        break;
    }
    }
    free(extra);
    free(id);
    return s;
}

static void xlate_add(xlate_walk *w, char *id, char *source, const char *shows,
                      char *context, xmlNode *element, const char *attr)
{
    if (source && id && w->ok && w->out->count == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        xlate_text *grown = realloc(w->out->items, cap * sizeof(xlate_text));
        if (grown) {
            w->out->items = grown;
            w->cap = cap;
        }
    }
    if (!source || !id || !w->ok || w->out->count == w->cap) {
        /* an empty text has nothing to translate; the rest is no memory */
        if (source) {
            w->ok = false;
        }
        free(id);
        free(source);
        free(context);
        return;
    }
    xlate_text *t = &w->out->items[w->out->count++];
    t->id = id;
    t->source = source;
    t->shows = shows;
    t->context = context;
    t->element = element;
    t->attr = attr;
}

/* The texts of the fields of one element; prefix starts their unit ids. */
static void xlate_collect_at(xlate_walk *w, xlate_at at, xmlNode *el,
                             const char *prefix)
{
    for (size_t i = 0; i < sizeof xlate_fields / sizeof xlate_fields[0]; i++) {
        const xlate_field *f = &xlate_fields[i];
        if (f->at != at) {
            continue;
        }
        if (f->attr) {
            xlate_add(w, xlate_printf("%s%s", prefix, f->key),
                      xmldoc_attr(el, f->attr), f->shows,
                      xlate_context(w, f, el, NULL, 0, 0), el, f->attr);
            continue;
        }
        size_t n = f->numbered ? xlate_count_children(w, el, f->element) : 1;
        size_t k = 0;
        for (xmlNode *c = el->children; c && k < n; c = c->next) {
            if (!xmldoc_is(w->doc, c, f->element)) {
                continue;
            }
            k++;
            char *id = f->numbered
                           ? xlate_printf("%s%s:%zu", prefix, f->key, k)
                           : xlate_printf("%s%s", prefix, f->key);
            xlate_add(w, id, xmldoc_text(c), f->shows,
                      xlate_context(w, f, el, c, k, n), c, NULL);
        }
    }
}

bool xlate_texts_collect(xmldoc *doc, const scenario *sc, xlate_texts *out)
{
    xlate_walk w = {doc, sc, out, 0, true};
    memset(out, 0, sizeof *out);
    xmlNode *root = xmldoc_root(doc);
    xlate_collect_at(&w, XLATE_AT_SCENARIO, root, "");
    for (xmlNode *x = root->children; x; x = x->next) {
        char *id = NULL;
        char *prefix = NULL;
        if (xmldoc_is(doc, x, "objectives")) {
            xlate_collect_at(&w, XLATE_AT_OBJECTIVES, x, "");
        } else if (xmldoc_is(doc, x, "customer")) {
            xlate_collect_at(&w, XLATE_AT_CUSTOMER, x, "customer:");
        } else if (xmldoc_is(doc, x, "node")) {
            id = xmldoc_attr(x, "id");
            prefix = xlate_printf("node:%s:", id ? id : "");
            if (prefix) {
                xlate_collect_at(&w, XLATE_AT_NODE, x, prefix);
            }
            size_t k = 0;
            for (xmlNode *c = x->children; c && prefix; c = c->next) {
                if (!xmldoc_is(doc, c, "choice")) {
                    continue;
                }
                k++;
                /* a choice is named by its id when it has one, else by
                 * its place (ids start with a letter: no clash) */
                char *cid = xmldoc_attr(c, "id");
                char *cp = cid ? xlate_printf("%schoice:%s:", prefix, cid)
                               : xlate_printf("%schoice:%zu:", prefix, k);
                if (cp) {
                    xlate_collect_at(&w, XLATE_AT_CHOICE, c, cp);
                } else {
                    w.ok = false;
                }
                free(cp);
                free(cid);
            }
        } else if (xmldoc_is(doc, x, "ending")) {
            id = xmldoc_attr(x, "id");
            prefix = xlate_printf("ending:%s:", id ? id : "");
            if (prefix) {
                xlate_collect_at(&w, XLATE_AT_ENDING, x, prefix);
            }
        }
        if (id && !prefix) {
            w.ok = false;
        }
        free(prefix);
        free(id);
    }
    return w.ok;
}

void xlate_texts_clear(xlate_texts *texts)
{
    for (size_t i = 0; texts && i < texts->count; i++) {
        free(texts->items[i].id);
        free(texts->items[i].source);
        free(texts->items[i].context);
    }
    if (texts) {
        free(texts->items);
        memset(texts, 0, sizeof *texts);
    }
}

void xlate_text_what(const xlate_text *t, char *buf, size_t size)
{
    if (t->attr) {
        snprintf(buf, size, "<%s> attribute '%s'",
                 (const char *)t->element->name, t->attr);
    } else {
        snprintf(buf, size, "<%s>", (const char *)t->element->name);
    }
}

void xlate_text_report(xmldoc *doc, const xlate_text *t, diag_severity sev,
                       const char *fmt, ...)
{
    int line = 0;
    int col = 0;
    if (t->attr) {
        xmldoc_attr_pos(doc, t->element, t->attr, &line, &col);
    } else {
        xmldoc_element_pos(doc, t->element, &line, &col);
    }
    va_list ap;
    va_start(ap, fmt);
    diag_addv(xmldoc_diags(doc), sev, xmldoc_name(doc), line, col, fmt, ap);
    va_end(ap);
}

void xlate_excerpt(const char *text, char *buf, size_t size)
{
    const size_t keep = 60;
    size_t len = strlen(text);
    if (len <= keep || size < keep + 4) {
        snprintf(buf, size, "%s", text);
        return;
    }
    size_t cut = keep;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) {
        cut--; /* not inside a UTF-8 sequence */
    }
    snprintf(buf, size, "%.*s...", (int)cut, text);
}
