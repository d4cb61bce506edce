/* scenario_chars.c — the characters a scenario shows, picked out by a
 * caller's test, with where each is first written in the file. */
#include <libxml/xmlstring.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"
#include "scenario_internal.h"
#include "xmldoc.h"

/* A distinct character met: whether it was picked, and its hit. */
typedef struct {
    uint32_t cp;
    bool used;
    bool picked;
    size_t hit; /* index into the hits when picked */
} chars_seen;

typedef struct {
    bool (*pick)(void *ctx, uint32_t cp);
    void *ctx;
    chars_seen *seen; /* open addressing, power-of-two capacity */
    size_t cap;
    size_t used;
    scenario_char *hits;
    size_t hit_count;
    bool failed;
} chars_state;

static chars_seen *chars_slot(chars_state *st, uint32_t cp)
{
    size_t k = (cp * 2654435761u) & (st->cap - 1);
    while (st->seen[k].used && st->seen[k].cp != cp) {
        k = (k + 1) & (st->cap - 1);
    }
    return &st->seen[k];
}

static bool chars_grow(chars_state *st)
{
    size_t cap = st->cap ? st->cap * 2 : 256;
    chars_seen *old = st->seen;
    size_t old_cap = st->cap;
    st->seen = calloc(cap, sizeof *st->seen);
    if (!st->seen) {
        st->seen = old;
        return false;
    }
    st->cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].used) {
            *chars_slot(st, old[i].cp) = old[i];
        }
    }
    free(old);
    return true;
}

/* Counts every character of a shown text. */
static void chars_text(chars_state *st, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    while (p && *p && !st->failed) {
        int len = 4;
        int cp = xmlGetUTF8Char(p, &len);
        if (cp < 0 || len <= 0) {
            return;
        }
        p += len;
        if ((st->used + 1) * 2 > st->cap && !chars_grow(st)) {
            st->failed = true;
            return;
        }
        chars_seen *s = chars_slot(st, (uint32_t)cp);
        if (!s->used) {
            s->used = true;
            s->cp = (uint32_t)cp;
            s->picked = st->pick(st->ctx, (uint32_t)cp);
            st->used++;
            if (s->picked) {
                scenario_char *h =
                    realloc(st->hits, (st->hit_count + 1) * sizeof *h);
                if (!h) {
                    st->failed = true;
                    return;
                }
                st->hits = h;
                memset(&h[st->hit_count], 0, sizeof *h);
                h[st->hit_count].cp = (uint32_t)cp;
                s->hit = st->hit_count++;
            }
        }
        if (s->picked) {
            st->hits[s->hit].count++;
        }
    }
}

/* Positions of the picked characters in one text of the file. */
static void chars_place(chars_state *st, xmldoc *doc, const xmlNode *el,
                        const char *attr, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    while (p && *p) {
        int len = 4;
        int cp = xmlGetUTF8Char(p, &len);
        if (cp < 0 || len <= 0) {
            return;
        }
        chars_seen *s = chars_slot(st, (uint32_t)cp);
        if (s->used && s->picked && st->hits[s->hit].line == 0) {
            char bytes[8];
            memcpy(bytes, p, (size_t)len);
            bytes[len] = '\0';
            scenario_char *h = &st->hits[s->hit];
            xmldoc_char_pos(doc, el, attr, bytes, &h->line, &h->col);
        }
        p += len;
    }
}

/* Walks the file's elements in document order for the positions. */
static void chars_positions(chars_state *st, const char *path)
{
    diag_list *quiet = diag_list_new();
    xmldoc_format format = scenario_xml_format();
    xmldoc *doc = quiet ? xmldoc_load_file(&format, path, quiet) : NULL;
    xmlNode *node = doc ? xmldoc_root(doc) : NULL;
    static const char *const attrs[] = {"name", "title"};
    while (node) {
        if (node->type == XML_ELEMENT_NODE) {
            for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
                char *v = xmldoc_attr(node, attrs[i]);
                chars_place(st, doc, node, attrs[i], v);
                free(v);
            }
            char *text = xmldoc_text(node);
            chars_place(st, doc, node, NULL, text);
            free(text);
        }
        /* Next in document order, without recursion. */
        if (node->children && node->type == XML_ELEMENT_NODE) {
            node = node->children;
            continue;
        }
        while (node && !node->next) {
            node = node->parent;
            if (node && node->type == XML_DOCUMENT_NODE) {
                node = NULL;
            }
        }
        if (node) {
            node = node->next;
        }
    }
    xmldoc_free(doc);
    diag_list_free(quiet);
}

scenario_char *scenario_find_chars(const scenario *sc,
                                   bool (*pick)(void *ctx, uint32_t cp),
                                   void *ctx, size_t *count)
{
    chars_state st;
    memset(&st, 0, sizeof st);
    st.pick = pick;
    st.ctx = ctx;
    *count = 0;
    chars_text(&st, sc->title);
    chars_text(&st, sc->summary);
    chars_text(&st, sc->customer.name);
    chars_text(&st, sc->customer.persona);
    for (size_t i = 0; i < sc->objective_count; i++) {
        chars_text(&st, sc->objectives[i].text);
    }
    for (size_t i = 0; i < sc->node_count; i++) {
        const scenario_node *n = &sc->nodes[i];
        chars_text(&st, n->title);
        chars_text(&st, n->feedback);
        for (size_t k = 0; k < n->line_count; k++) {
            chars_text(&st, n->lines[k].text);
        }
        for (size_t k = 0; k < n->choice_count; k++) {
            chars_text(&st, n->choices[k].say);
            chars_text(&st, n->choices[k].feedback);
        }
    }
    if (st.hit_count > 0 && !st.failed && sc->path) {
        chars_positions(&st, sc->path);
    }
    free(st.seen);
    if (st.failed) {
        free(st.hits);
        return NULL;
    }
    *count = st.hit_count;
    return st.hits;
}
