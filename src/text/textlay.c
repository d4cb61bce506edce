/* textlay.c — itemisation (bidi, script, face), Unicode line breaking,
 * greedy line filling on widths measured once, visual order per line. */
#include "textlay.h"

#include <fribidi.h>
#include <hb.h>
#include <linebreak.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <unigbrk.h>

#define TEXTLAY_ELLIPSIS "\xE2\x80\xA6"

/* One character of the paragraph being laid out. */
typedef struct {
    uint32_t cp;
    size_t off; /* byte offset in the text */
    hb_script_t script;
    const font_face *face;
    FriBidiLevel level;
    bool brk;      /* a line may break before this character */
    bool grapheme; /* a grapheme cluster starts here */
    bool space;
} textlay_char;

/* A unit of greedy filling: a stretch between two break opportunities
 * (or one grapheme of a word too wide for the line). */
typedef struct {
    size_t a;   /* first character */
    size_t vis; /* end of its visible part (trailing spaces after) */
    size_t b;   /* end */
    int vis_w;  /* estimated widths */
    int space_w;
    int pieces;  /* measured pieces in it */
    bool forced; /* first grapheme of a split word: starts a line */
} textlay_unit;

/* Per-character memory, kept between layouts by its owner: laying out
 * then allocates nothing per character (fresh pages cost more than the
 * layout on a long text). */
struct textlay_scratch {
    size_t cap; /* characters */
    textlay_char *ch;
    textlay_unit *units;
    FriBidiChar *u32;
    FriBidiCharType *types;
    FriBidiBracketType *btypes;
    FriBidiLevel *levels;
    FriBidiStrIndex *map;
    FriBidiStrIndex *inv;
    char *brks;
};

textlay_scratch *textlay_scratch_new(void)
{
    return calloc(1, sizeof(textlay_scratch));
}

void textlay_scratch_free(textlay_scratch *s)
{
    if (!s) {
        return;
    }
    free(s->ch);
    free(s->units);
    free(s->u32);
    free(s->types);
    free(s->btypes);
    free(s->levels);
    free(s->map);
    free(s->inv);
    free(s->brks);
    free(s);
}

/* Room for n characters (and one past the end). */
static bool textlay_scratch_fit(textlay_scratch *s, size_t n)
{
    if (n + 1 <= s->cap) {
        return true;
    }
    size_t cap = s->cap ? s->cap : 256;
    while (cap < n + 1) {
        cap *= 2;
    }
#define TEXTLAY_GROW(field)                                                   \
    do {                                                                      \
        void *p = realloc(s->field, cap * sizeof *s->field);                  \
        if (!p) {                                                             \
            return false;                                                     \
        }                                                                     \
        s->field = p;                                                         \
    } while (0)
    TEXTLAY_GROW(ch);
    TEXTLAY_GROW(units);
    TEXTLAY_GROW(u32);
    TEXTLAY_GROW(types);
    TEXTLAY_GROW(btypes);
    TEXTLAY_GROW(levels);
    TEXTLAY_GROW(map);
    TEXTLAY_GROW(inv);
    TEXTLAY_GROW(brks);
#undef TEXTLAY_GROW
    s->cap = cap;
    return true;
}

struct textlay {
    font_set *fonts;
    const char *text;
    textlay_style st;
    textlay_measure_fn measure;
    void *ctx;
    textlay_line *lines;
    size_t line_count, line_cap;
    textlay_run *runs;
    size_t run_count, run_cap;
    char *tail; /* the ellipsis line's text */
    int width;
    bool truncated;
    size_t calls, bytes, fallback_runs, missing;
    textlay_scratch *scratch; /* one paragraph at a time */
    FriBidiParType base;
};

bool textlay_lang_rtl(const char *lang)
{
    static const char *const rtl[] = {"ar", "arc", "ckb", "dv",      "fa",
                                      "he", "iw",  "ks",  "ku-Arab", "ps",
                                      "sd", "syr", "ug",  "ur",      "yi"};
    static const char *const scripts[] = {"Arab", "Hebr", "Thaa", "Syrc",
                                          "Nkoo", "Adlm", "Rohg"};
    if (!lang || !*lang) {
        return false;
    }
    /* An explicit script subtag decides (az-Arab, pa-Arab, ku-Latn). */
    const char *dash = strchr(lang, '-');
    if (dash && strlen(dash + 1) >= 4 && (dash[5] == '\0' || dash[5] == '-')) {
        for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
            if (strncasecmp(dash + 1, scripts[i], 4) == 0) {
                return true;
            }
        }
        return false;
    }
    size_t n = dash ? (size_t)(dash - lang) : strlen(lang);
    for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++) {
        if (strlen(rtl[i]) == n && strncasecmp(lang, rtl[i], n) == 0) {
            return true;
        }
    }
    return false;
}

/* Next code point of UTF-8 s[0..len) at *i (invalid bytes: U+FFFD). */
static uint32_t textlay_decode(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = len - *i;
    uint32_t cp = 0xFFFD;
    size_t n = 1;
    if (p[0] < 0x80) {
        cp = p[0];
    } else if ((p[0] & 0xE0) == 0xC0 && left >= 2 && (p[1] & 0xC0) == 0x80) {
        cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
        n = 2;
    } else if ((p[0] & 0xF0) == 0xE0 && left >= 3 && (p[1] & 0xC0) == 0x80 &&
               (p[2] & 0xC0) == 0x80) {
        cp = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
             (p[2] & 0x3F);
        n = 3;
    } else if ((p[0] & 0xF8) == 0xF0 && left >= 4 && (p[1] & 0xC0) == 0x80 &&
               (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80) {
        cp = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
             (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
        n = 4;
    }
    *i += n;
    return cp;
}

static int textlay_measure(textlay *lay, const textlay_piece *p)
{
    if (p->len == 0) {
        return 0;
    }
    lay->calls++;
    lay->bytes += p->len;
    int w = lay->measure(lay->ctx, p);
    return w > 0 ? w : 0;
}

static bool textlay_common(hb_script_t s)
{
    return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED ||
           s == HB_SCRIPT_UNKNOWN;
}

/* The piece of characters [a, b) of the current paragraph (one run). */
static textlay_piece textlay_piece_of(const textlay *lay, size_t a, size_t b)
{
    textlay_piece p;
    const textlay_char *c = &lay->scratch->ch[a];
    p.text = lay->text + c->off;
    p.len = lay->scratch->ch[b].off - c->off;
    p.face = c->face;
    p.rtl = (c->level & 1) != 0;
    hb_tag_t tag = hb_script_to_iso15924_tag(
        textlay_common(c->script) ? HB_SCRIPT_COMMON : c->script);
    hb_tag_to_string(tag, p.script);
    p.script[4] = '\0';
    return p;
}

static bool textlay_same_run(const textlay_char *x, const textlay_char *y)
{
    return x->face == y->face && x->level == y->level &&
           x->script == y->script;
}

/* Takes one paragraph apart: code points, levels, scripts, faces, break
 * opportunities, graphemes. n characters; false when out of memory. */
static bool textlay_itemise(textlay *lay, const char *p, size_t len,
                            size_t base_off, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = textlay_decode(p, len, &i);
        lay->scratch->ch[n].cp = cp;
        lay->scratch->ch[n].off = base_off + at;
        lay->scratch->u32[n] = cp;
        n++;
    }
    lay->scratch->ch[n].off = base_off + len;
    *count = n;
    if (n == 0) {
        return true;
    }
    /* Bidi levels (rule P3 is replaced by the style's direction). */
    fribidi_get_bidi_types(lay->scratch->u32, (FriBidiStrIndex)n,
                           lay->scratch->types);
    fribidi_get_bracket_types(lay->scratch->u32, (FriBidiStrIndex)n,
                              lay->scratch->types, lay->scratch->btypes);
    lay->base = lay->st.rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_get_par_embedding_levels_ex(
            lay->scratch->types, lay->scratch->btypes, (FriBidiStrIndex)n,
            &lay->base, lay->scratch->levels)) {
        return false;
    }
    /* Scripts: common characters take the script before them (or the
     * first real one after, at the start). */
    hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
    hb_script_t last = HB_SCRIPT_COMMON;
    for (size_t i = 0; i < n; i++) {
        hb_script_t s = hb_unicode_script(uf, lay->scratch->ch[i].cp);
        lay->scratch->ch[i].script = s;
        if (!textlay_common(s) && textlay_common(last)) {
            for (size_t k = 0; k < i; k++) {
                lay->scratch->ch[k].script = s;
            }
        }
        if (textlay_common(s)) {
            lay->scratch->ch[i].script = last;
        } else {
            last = s;
        }
        lay->scratch->ch[i].level = lay->scratch->levels[i];
        lay->scratch->ch[i].space = lay->scratch->ch[i].cp == ' ' ||
                                    lay->scratch->ch[i].cp == '\t' ||
                                    lay->scratch->ch[i].cp == 0x3000;
    }
    /* Faces: keep the current one while it has the characters (and they
     * are of its script, or common); else the set's choice. */
    const font_face *primary = font_set_primary(lay->fonts, lay->st.bold);
    const font_face *cur = NULL;
    hb_script_t cur_script = HB_SCRIPT_INVALID;
    for (size_t i = 0; i < n; i++) {
        textlay_char *c = &lay->scratch->ch[i];
        hb_script_t raw = hb_unicode_script(uf, c->cp);
        const font_face *f = NULL;
        if (font_invisible(c->cp)) {
            f = cur ? cur : primary;
        } else if (cur && font_face_has(cur, c->cp) &&
                   (raw == HB_SCRIPT_INHERITED ||
                    (font_face_color(cur)
                         ? uc_is_property_emoji_presentation(c->cp)
                         : textlay_common(raw) || c->script == cur_script))) {
            f = cur;
        } else {
            f = font_set_face_for(lay->fonts, c->cp, lay->st.bold,
                                  lay->st.lang);
            if (!f) {
                f = cur ? cur : primary;
            }
        }
        if (!f) {
            f = primary;
        }
        if (!font_invisible(c->cp) && !font_face_has(f, c->cp)) {
            lay->missing++;
        }
        c->face = f;
        cur = f;
        cur_script = c->script;
    }
    /* Line breaks (libunibreak: per byte, the state after it). */
    set_linebreaks_utf8((const utf8_t *)p, len, lay->st.lang,
                        lay->scratch->brks);
    lay->scratch->ch[0].brk = false;
    for (size_t i = 1; i < n; i++) {
        char after =
            lay->scratch->brks[lay->scratch->ch[i].off - base_off - 1];
        lay->scratch->ch[i].brk =
            after == LINEBREAK_ALLOWBREAK || after == LINEBREAK_MUSTBREAK;
    }
    /* Grapheme clusters. */
    u8_grapheme_breaks((const uint8_t *)p, len, lay->scratch->brks);
    for (size_t i = 0; i < n; i++) {
        lay->scratch->ch[i].grapheme =
            i == 0 || lay->scratch->brks[lay->scratch->ch[i].off - base_off];
    }
    return true;
}

/* Sum of the widths of characters [a, b) measured run by run; pieces
 * (may be NULL) counts the measurements. */
static int textlay_measure_span(textlay *lay, size_t a, size_t b, int *pieces)
{
    int w = 0;
    for (size_t i = a; i < b;) {
        size_t k = i + 1;
        while (k < b &&
               textlay_same_run(&lay->scratch->ch[i], &lay->scratch->ch[k])) {
            k++;
        }
        textlay_piece p = textlay_piece_of(lay, i, k);
        w += textlay_measure(lay, &p);
        if (pieces) {
            (*pieces)++;
        }
        i = k;
    }
    return w;
}

static bool textlay_grow(void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) {
        return true;
    }
    size_t cap2 = *cap ? *cap * 2 : 16;
    while (cap2 < need) {
        cap2 *= 2;
    }
    void *p = realloc(*arr, cap2 * size);
    if (!p) {
        return false;
    }
    *arr = p;
    *cap = cap2;
    return true;
}

/* Adds the line of characters [a, b) (visible: no trailing spaces): its
 * runs measured and put in visual order. Returns its width, or -1 when
 * out of memory. */
static int textlay_add_line(textlay *lay, size_t a, size_t b, size_t src_a,
                            size_t src_b)
{
    if (!textlay_grow((void **)&lay->lines, &lay->line_cap,
                      lay->line_count + 1, sizeof *lay->lines)) {
        return -1;
    }
    textlay_line *line = &lay->lines[lay->line_count];
    memset(line, 0, sizeof *line);
    line->run_first = lay->run_count;
    line->src_start = src_a;
    line->src_end = src_b;
    if (a < b) {
        /* Rule L1 and L2 for this line (levels of the line adjusted). */
        for (size_t i = a; i < b; i++) {
            lay->scratch->map[i] = (FriBidiStrIndex)i;
        }
        FriBidiLevel *saved = lay->scratch->levels;
        if (!fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, lay->scratch->types,
                                  (FriBidiStrIndex)(b - a), (FriBidiStrIndex)a,
                                  lay->base, saved, NULL, lay->scratch->map)) {
            return -1;
        }
        for (size_t v = a; v < b; v++) {
            lay->scratch->inv[lay->scratch->map[v]] = (FriBidiStrIndex)v;
        }
        for (size_t i = a; i < b; i++) {
            lay->scratch->ch[i].level = lay->scratch->levels[i];
        }
        for (size_t i = a; i < b;) {
            size_t k = i + 1;
            while (k < b && textlay_same_run(&lay->scratch->ch[i],
                                             &lay->scratch->ch[k])) {
                k++;
            }
            if (!textlay_grow((void **)&lay->runs, &lay->run_cap,
                              lay->run_count + 1, sizeof *lay->runs)) {
                return -1;
            }
            textlay_run *r = &lay->runs[lay->run_count++];
            r->piece = textlay_piece_of(lay, i, k);
            r->src = lay->scratch->ch[i].off;
            r->w = textlay_measure(lay, &r->piece);
            /* Visual position of the run: its leftmost character. */
            FriBidiStrIndex v1 = lay->scratch->inv[i];
            FriBidiStrIndex v2 = lay->scratch->inv[k - 1];
            r->x = (int)(v1 < v2 ? v1 : v2); /* sort key for now */
            if (!font_face_bundled(r->piece.face)) {
                lay->fallback_runs++;
            }
            i = k;
        }
        line->run_count = lay->run_count - line->run_first;
        /* Visual order (insertion sort: lines hold few runs). */
        textlay_run *rs = &lay->runs[line->run_first];
        for (size_t i = 1; i < line->run_count; i++) {
            textlay_run r = rs[i];
            size_t k = i;
            while (k > 0 && rs[k - 1].x > r.x) {
                rs[k] = rs[k - 1];
                k--;
            }
            rs[k] = r;
        }
        int x = 0;
        for (size_t i = 0; i < line->run_count; i++) {
            rs[i].x = x;
            x += rs[i].w;
        }
        line->w = x;
    }
    lay->line_count++;
    if (line->w > lay->width) {
        lay->width = line->w;
    }
    return line->w;
}

/* Removes the last line added (its runs too). */
static void textlay_drop_line(textlay *lay)
{
    lay->line_count--;
    textlay_line *line = &lay->lines[lay->line_count];
    for (size_t i = 0; i < line->run_count; i++) {
        if (!font_face_bundled(lay->runs[line->run_first + i].piece.face)) {
            lay->fallback_runs--;
        }
    }
    lay->run_count = line->run_first;
}

/* What a line being filled knows of its width: its estimate (the sum of
 * its pieces' widths) and, once measured whole near the edge, the exact
 * width at that point (the anchor), from which later estimates go on. */
typedef struct {
    int est;    /* estimate of the line so far, spaces after it included */
    int pieces; /* pieces summed into est */
    bool anchored;
    int anchor_est; /* est and pieces where the line was measured */
    int anchor_pieces;
    int anchor_w; /* its exact width there */
} textlay_fill;

/* Whether the line of characters [a, vis), estimated at est, fits:
 * sure when far from the edge (each piece summed may be a pixel off the
 * whole), else measured whole. The exact width becomes the anchor, so
 * the next candidates are a few pieces off it and a line is measured
 * whole only a few times, however long it is. */
static bool textlay_fits(textlay *lay, textlay_fill *f, int est, int pieces,
                         size_t a, size_t vis)
{
    int w = lay->st.wrap_w;
    int guess = est;
    int tol = 2 + pieces;
    if (f && f->anchored) {
        guess = f->anchor_w + (est - f->anchor_est);
        tol = 2 + (pieces - f->anchor_pieces);
    }
    if (guess <= w - tol) {
        return true;
    }
    if (guess > w + tol) {
        return false;
    }
    int exact = textlay_measure_span(lay, a, vis, NULL);
    if (f) {
        f->anchored = true;
        f->anchor_est = est;
        f->anchor_pieces = pieces;
        f->anchor_w = exact;
    }
    return exact <= w;
}

/* Builds the units of a paragraph of n characters: stretches between
 * break opportunities, and the graphemes of one too wide for the line.
 * Returns the number of units. */
static size_t textlay_units(textlay *lay, size_t n)
{
    size_t count = 0;
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && !lay->scratch->ch[b].brk) {
            b++;
        }
        size_t vis = b;
        while (vis > a && lay->scratch->ch[vis - 1].space) {
            vis--;
        }
        int pieces = 0;
        int vis_w = textlay_measure_span(lay, a, vis, &pieces);
        int space_w = textlay_measure_span(lay, vis, b, &pieces);
        bool too_wide = lay->st.wrap_w > 0 && vis > a + 1 &&
                        !textlay_fits(lay, NULL, vis_w, pieces, a, vis);
        if (!too_wide) {
            textlay_unit u = {a, vis, b, vis_w, space_w, pieces, false};
            lay->scratch->units[count++] = u;
            a = b;
            continue;
        }
        /* Too wide: one unit per grapheme (the last keeps the spaces). */
        for (size_t g = a; g < vis;) {
            size_t e = g + 1;
            while (e < vis && !lay->scratch->ch[e].grapheme) {
                e++;
            }
            int gp = 0;
            int gw = textlay_measure_span(lay, g, e, &gp);
            textlay_unit u = {g, e, e, gw, 0, gp, g == a};
            if (e == vis) {
                u.b = b;
                u.space_w = space_w;
            }
            lay->scratch->units[count++] = u;
            g = e;
        }
        a = b;
    }
    return count;
}

/* Lays out one paragraph, bytes [off, off + len) of the text. */
static bool textlay_paragraph(textlay *lay, size_t off, size_t len)
{
    size_t n = 0;
    if (!textlay_itemise(lay, lay->text + off, len, off, &n)) {
        return false;
    }
    if (n == 0) {
        return textlay_add_line(lay, 0, 0, off, off) >= 0;
    }
    size_t count = textlay_units(lay, n);
    size_t u = 0;
    while (u < count) {
        /* Fill one line from unit u. */
        size_t first = u;
        textlay_fill fill = {0, 0, false, 0, 0, 0};
        size_t last = u; /* one past the last unit taken */
        for (size_t k = u; k < count; k++) {
            const textlay_unit *x = &lay->scratch->units[k];
            if (k > first && x->forced) {
                break;
            }
            int cand = fill.est + x->vis_w;
            if (k > first && lay->st.wrap_w > 0 &&
                !textlay_fits(lay, &fill, cand, fill.pieces + x->pieces,
                              lay->scratch->units[first].a, x->vis)) {
                break;
            }
            fill.est = cand + x->space_w;
            fill.pieces += x->pieces;
            last = k + 1;
        }
        /* The line, measured exactly; a unit too many goes back. */
        for (;;) {
            const textlay_unit *lu = &lay->scratch->units[last - 1];
            size_t a = lay->scratch->units[first].a;
            int w = textlay_add_line(lay, a, lu->vis, lay->scratch->ch[a].off,
                                     lay->scratch->ch[lu->vis].off);
            if (w < 0) {
                return false;
            }
            if (lay->st.wrap_w <= 0 || w <= lay->st.wrap_w ||
                last == first + 1) {
                break;
            }
            textlay_drop_line(lay);
            last--;
        }
        u = last;
    }
    return true;
}

/* Cuts the lines to max_lines, the last ending with an ellipsis within
 * the width (the longest prefix that fits, found by halving). */
static bool textlay_truncate(textlay *lay)
{
    size_t keep = (size_t)lay->st.max_lines;
    textlay_line *last = &lay->lines[keep - 1];
    size_t from = last->src_start;
    size_t to =
        lay->line_count > keep ? lay->lines[keep].src_start : last->src_end;
    const char *nl = memchr(lay->text + from, '\n', to - from);
    if (nl) {
        to = (size_t)(nl - lay->text);
    }
    while (lay->line_count > keep - 1) {
        textlay_drop_line(lay);
    }
    size_t el = strlen(TEXTLAY_ELLIPSIS);
    free(lay->tail);
    lay->tail = malloc(to - from + el + 1);
    if (!lay->tail) {
        return false;
    }
    /* Candidate cuts: code point boundaries in [from, to). */
    size_t lo = 0;
    size_t hi = to - from; /* bytes of the prefix */
    const char *src = lay->text;
    textlay_style one = lay->st;
    one.wrap_w = 0;
    one.max_lines = 0;
    size_t best = 0;
    while (lo <= hi) {
        size_t mid = lo + (hi - lo) / 2;
        while (mid > lo && ((unsigned char)src[from + mid] & 0xC0) == 0x80) {
            mid--;
        }
        size_t cut = mid;
        while (cut > 0 && src[from + cut - 1] == ' ') {
            cut--;
        }
        memcpy(lay->tail, src + from, cut);
        memcpy(lay->tail + cut, TEXTLAY_ELLIPSIS, el + 1);
        textlay *probe = textlay_new(lay->fonts, lay->tail, &one, lay->measure,
                                     lay->ctx, lay->scratch);
        if (!probe) {
            return false;
        }
        lay->calls += probe->calls;
        lay->bytes += probe->bytes;
        bool fits = lay->st.wrap_w <= 0 || probe->width <= lay->st.wrap_w;
        textlay_free(probe);
        if (fits) {
            best = mid;
            lo = mid + 1;
            while (lo < hi && ((unsigned char)src[from + lo] & 0xC0) == 0x80) {
                lo++;
            }
        } else {
            if (mid == 0) {
                break;
            }
            hi = mid - 1;
        }
    }
    while (best > 0 && src[from + best - 1] == ' ') {
        best--;
    }
    memcpy(lay->tail, src + from, best);
    memcpy(lay->tail + best, TEXTLAY_ELLIPSIS, el + 1);
    textlay *tail = textlay_new(lay->fonts, lay->tail, &one, lay->measure,
                                lay->ctx, lay->scratch);
    if (!tail || tail->line_count == 0 ||
        !textlay_grow((void **)&lay->lines, &lay->line_cap, keep,
                      sizeof *lay->lines) ||
        !textlay_grow((void **)&lay->runs, &lay->run_cap,
                      lay->run_count + tail->lines[0].run_count,
                      sizeof *lay->runs)) {
        textlay_free(tail);
        return false;
    }
    lay->calls += tail->calls;
    lay->bytes += tail->bytes;
    textlay_line line = tail->lines[0];
    line.run_first = lay->run_count;
    line.src_start = from;
    line.src_end = from + best;
    line.ellipsis = true;
    for (size_t i = 0; i < line.run_count; i++) {
        textlay_run r = tail->runs[tail->lines[0].run_first + i];
        /* Map back to the text: the ellipsis has no source. */
        size_t at = (size_t)(r.piece.text - lay->tail);
        r.src = at < best ? from + at : (size_t)-1;
        lay->runs[lay->run_count++] = r;
        if (!font_face_bundled(r.piece.face)) {
            lay->fallback_runs++;
        }
    }
    lay->lines[lay->line_count++] = line;
    textlay_free(tail);
    lay->width = 0;
    for (size_t i = 0; i < lay->line_count; i++) {
        if (lay->lines[i].w > lay->width) {
            lay->width = lay->lines[i].w;
        }
    }
    lay->truncated = true;
    return true;
}

textlay *textlay_new(font_set *fonts, const char *text,
                     const textlay_style *st, textlay_measure_fn measure,
                     void *ctx, textlay_scratch *scratch)
{
    init_linebreak(); /* libunibreak's lookup index (cheap, idempotent) */
    textlay *lay = calloc(1, sizeof *lay);
    if (!lay) {
        return NULL;
    }
    lay->fonts = fonts;
    lay->text = text ? text : "";
    lay->st = *st;
    lay->measure = measure;
    lay->ctx = ctx;
    size_t total = strlen(lay->text);
    textlay_scratch *own = scratch ? NULL : textlay_scratch_new();
    lay->scratch = scratch ? scratch : own;
    bool ok = lay->scratch && textlay_scratch_fit(lay->scratch, total + 1);
    size_t off = 0;
    while (ok) {
        const char *nl = strchr(lay->text + off, '\n');
        size_t len = nl ? (size_t)(nl - (lay->text + off)) : total - off;
        ok = textlay_paragraph(lay, off, len);
        if (!nl) {
            break;
        }
        off += len + 1;
    }
    /* The ellipsis line is laid out with the same scratch. */
    if (ok && st->max_lines > 0 && lay->line_count > (size_t)st->max_lines) {
        ok = textlay_truncate(lay);
    }
    textlay_scratch_free(own);
    lay->scratch = NULL;
    if (!ok) {
        textlay_free(lay);
        return NULL;
    }
    return lay;
}

void textlay_free(textlay *lay)
{
    if (!lay) {
        return;
    }
    free(lay->lines);
    free(lay->runs);
    free(lay->tail);
    free(lay);
}

size_t textlay_line_count(const textlay *lay) { return lay->line_count; }

const textlay_line *textlay_line_at(const textlay *lay, size_t i)
{
    return &lay->lines[i];
}

const textlay_run *textlay_run_at(const textlay *lay, size_t i)
{
    return &lay->runs[i];
}

int textlay_width(const textlay *lay) { return lay->width; }
bool textlay_truncated(const textlay *lay) { return lay->truncated; }
size_t textlay_measure_calls(const textlay *lay) { return lay->calls; }
size_t textlay_measured_bytes(const textlay *lay) { return lay->bytes; }
size_t textlay_fallback_runs(const textlay *lay) { return lay->fallback_runs; }
size_t textlay_missing(const textlay *lay) { return lay->missing; }
