/* result_html.c — the printable HTML debrief report of a finished session
 * (or of an incomplete attempt), with its SVG charts embedded as data:
 * URIs.
 *
 * HTML and SVG are built with libxml2's tree API and serialisers: no markup
 * is ever concatenated by hand, so every text the scenario or the trainee
 * supplies comes out escaped.
 */
#define _POSIX_C_SOURCE 200809L
#include "i18n.h"
#include "result.h"
#include "result_internal.h"
#include "words.h"

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlsave.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESULT_SVG_NS "http://www.w3.org/2000/svg"

/* "6.5 s", as the text debrief shows times. */
static void result_seconds(char *buf, size_t size, int ms)
{
    i18n_seconds(buf, size, ms);
}

/* ---------- HTML and SVG building with failure tracking ---------- */

xmlNodePtr result_h_el(result_html *h, xmlNodePtr parent, const char *name,
                       const char *text)
{
    xmlNodePtr n = parent ? xmlNewTextChild(parent, NULL, BAD_CAST name,
                                            text ? BAD_CAST text : NULL)
                          : NULL;
    if (!n) {
        h->failed = true;
    }
    return n;
}

xmlNodePtr result_h_elf(result_html *h, xmlNodePtr parent, const char *name,
                        const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return result_h_el(h, parent, name, buf);
}

void result_h_attr(result_html *h, xmlNodePtr n, const char *name,
                   const char *value)
{
    if (!n || !xmlNewProp(n, BAD_CAST name, BAD_CAST value)) {
        h->failed = true;
    }
}

void result_h_attrf(result_html *h, xmlNodePtr n, const char *name,
                    const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    result_h_attr(h, n, name, buf);
}

/* An element with a class attribute. */
xmlNodePtr result_h_classed(result_html *h, xmlNodePtr parent,
                            const char *name, const char *cls,
                            const char *text)
{
    xmlNodePtr n = result_h_el(h, parent, name, text);
    result_h_attr(h, n, "class", cls);
    return n;
}

void result_h_text(result_html *h, xmlNodePtr parent, const char *text)
{
    xmlNodePtr t = parent ? xmlNewText(BAD_CAST text) : NULL;
    if (!t || !xmlAddChild(parent, t)) {
        xmlFreeNode(t);
        h->failed = true;
    }
}

/* <p><strong>label</strong> text</p> */
xmlNodePtr result_h_field(result_html *h, xmlNodePtr parent, const char *label,
                          const char *text)
{
    xmlNodePtr p = result_h_el(h, parent, "p", NULL);
    result_h_el(h, p, "strong", label);
    result_h_text(h, p, " ");
    result_h_text(h, p, text ? text : "");
    return p;
}

/* The scenario's words, marked with their language when it differs. */
static void result_h_said_text(result_html *h, xmlNodePtr parent,
                               const char *text)
{
    if (!h->said_lang) {
        result_h_text(h, parent, text ? text : "");
        return;
    }
    xmlNodePtr span = result_h_el(h, parent, "span", text ? text : "");
    result_h_attr(h, span, "lang", h->said_lang);
    result_h_attr(h, span, "dir", "auto");
}

xmlNodePtr result_h_said(result_html *h, xmlNodePtr parent, const char *label,
                         const char *text)
{
    xmlNodePtr p = result_h_el(h, parent, "p", NULL);
    result_h_el(h, p, "strong", label);
    result_h_text(h, p, " ");
    result_h_said_text(h, p, text);
    return p;
}

xmlNodePtr result_h_said_el(result_html *h, xmlNodePtr parent,
                            const char *name, const char *cls,
                            const char *text)
{
    xmlNodePtr n = result_h_el(h, parent, name, h->said_lang ? NULL : text);
    if (cls) {
        result_h_attr(h, n, "class", cls);
    }
    if (h->said_lang) {
        result_h_said_text(h, n, text);
    }
    return n;
}

/* SVG element with a class and numeric attributes given as name, value
 * pairs ending with NULL. */
xmlNodePtr result_svg(result_html *h, xmlNodePtr parent, const char *name,
                      const char *cls, ...)
{
    xmlNodePtr n = result_h_el(h, parent, name, NULL);
    if (cls) {
        result_h_attr(h, n, "class", cls);
    }
    va_list ap;
    va_start(ap, cls);
    const char *attr;
    while ((attr = va_arg(ap, const char *)) != NULL) {
        double v = va_arg(ap, double);
        result_h_attrf(h, n, attr, "%g", v);
    }
    va_end(ap);
    return n;
}

void result_svg_text(result_html *h, xmlNodePtr parent, double x, double y,
                     const char *cls, const char *text)
{
    xmlNodePtr t =
        result_svg(h, parent, "text", cls, "x", x, "y", y, (const char *)NULL);
    result_h_text(h, t, text);
}

static const char result_svg_style[] =
    "text{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;"
    "font-size:13px;fill:#111}"
    ".end{text-anchor:end}.mid{text-anchor:middle}.b{font-weight:bold}"
    ".small{font-size:11px}.track{fill:#f2f2f2;stroke:#555;stroke-width:1}"
    ".bar{fill:#5b7fb0;stroke:#1f3b63;stroke-width:1}"
    ".total{fill:#1f3b63;stroke:#0d1f36;stroke-width:1}"
    ".pass{stroke:#111;stroke-width:2;stroke-dasharray:5 3}"
    ".grid{stroke:#c8c8c8;stroke-width:1}.axis{stroke:#333;stroke-width:1.5}"
    ".line{fill:none;stroke:#1f3b63;stroke-width:2.5}"
    ".dot{fill:#fff;stroke:#1f3b63;stroke-width:2}";

xmlNodePtr result_svg_root(result_html *h, xmlDocPtr doc, int width,
                           int height)
{
    xmlNodePtr root =
        doc ? xmlNewDocNode(doc, NULL, BAD_CAST "svg", NULL) : NULL;
    xmlNsPtr ns = root ? xmlNewNs(root, BAD_CAST RESULT_SVG_NS, NULL) : NULL;
    if (!root || !ns) {
        xmlFreeNode(root);
        h->failed = true;
        return NULL;
    }
    xmlSetNs(root, ns);
    xmlDocSetRootElement(doc, root);
    result_h_attrf(h, root, "width", "%d", width);
    result_h_attrf(h, root, "height", "%d", height);
    result_h_attrf(h, root, "viewBox", "0 0 %d %d", width, height);
    result_h_el(h, root, "style", result_svg_style);
    return root;
}

/* doc serialised as UTF-8 with libxml2's XML_SAVE_* options, as a
 * malloc'd string; NULL on failure. */
static char *result_h_serialise(xmlDocPtr doc, int options)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlSaveCtxtPtr save = buf ? xmlSaveToBuffer(buf, "UTF-8", options) : NULL;
    char *text = NULL;
    if (save) {
        long rc = xmlSaveDoc(save, doc);
        xmlSaveClose(save);
        const xmlChar *content = xmlBufferContent(buf);
        if (rc >= 0 && content) {
            text = strdup((const char *)content);
        }
    }
    xmlBufferFree(buf);
    return text;
}

/* Serialises an SVG document as a data: URI (percent-encoded UTF-8). */
static char *result_svg_uri(result_html *h, xmlDocPtr doc)
{
    if (h->failed || !doc) {
        return NULL;
    }
    char *svg = result_h_serialise(doc, XML_SAVE_NO_DECL);
    xmlChar *esc = svg ? xmlURIEscapeStr(BAD_CAST svg, BAD_CAST "") : NULL;
    free(svg);
    char *uri = esc ? result_format("data:image/svg+xml;charset=utf-8,%s",
                                    (const char *)esc)
                    : NULL;
    xmlFree(esc);
    if (!uri) {
        h->failed = true;
    }
    return uri;
}

void result_h_img(result_html *h, xmlNodePtr parent, xmlDocPtr svg, int width,
                  int height, const char *alt)
{
    char *uri = result_svg_uri(h, svg);
    xmlNodePtr img = result_h_el(h, parent, "img", NULL);
    if (uri) {
        result_h_attr(h, img, "src", uri);
    }
    result_h_attr(h, img, "class", "chart");
    result_h_attrf(h, img, "width", "%d", width);
    result_h_attrf(h, img, "height", "%d", height);
    result_h_attr(h, img, "alt", alt ? alt : "");
    if (!alt) {
        h->failed = true;
    }
    free(uri);
}

#define RESULT_BAR_X 130
#define RESULT_BAR_W 400
#define RESULT_BAR_H 24
#define RESULT_SCORES_W 700
#define RESULT_SCORES_H 236

/* Three dimension bars and the overall, each labelled with its number;
 * the pass mark is a dashed, labelled line on the overall bar. */
static void result_h_scores_chart(result_html *h, xmlNodePtr parent,
                                  const debrief *d)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr svg = result_svg_root(h, doc, RESULT_SCORES_W, RESULT_SCORES_H);
    result_str alt = {NULL, 0, false};
    result_str_add(&alt, "%s", _("Scores out of 100: "));
    for (int row = 0; row <= SCENARIO_DIM_COUNT; row++) {
        bool overall = row == SCENARIO_DIM_COUNT;
        int value = overall ? d->summary.overall : d->summary.dim[row];
        double y = 16 + row * 40 + (overall ? 14 : 0);
        const char *name =
            overall ? words_dim_label(SCENARIO_DIM_COUNT) : words_dim(row);
        result_svg_text(h, svg, RESULT_BAR_X - 10, y + 17,
                        overall ? "end b" : "end", words_dim_label(row));
        result_svg(h, svg, "rect", "track", "x", (double)RESULT_BAR_X, "y", y,
                   "width", (double)RESULT_BAR_W, "height",
                   (double)RESULT_BAR_H, (const char *)NULL);
        if (value > 0) {
            result_svg(h, svg, "rect", overall ? "total" : "bar", "x",
                       (double)RESULT_BAR_X, "y", y, "width",
                       RESULT_BAR_W * value / 100.0, "height",
                       (double)RESULT_BAR_H, (const char *)NULL);
        }
        char number[48];
        bool assessed = overall || d->summary.turns_counted[row] > 0;
        snprintf(number, sizeof number,
                 assessed ? "%d" : _("%d (not assessed)"), value);
        result_svg_text(h, svg, RESULT_BAR_X + RESULT_BAR_W + 10, y + 17,
                        overall ? "b" : NULL, number);
        result_str_add(&alt, "%s%s %s", row ? ", " : "", name, number);
        if (overall) {
            double x = RESULT_BAR_X + RESULT_BAR_W * d->sc->pass_mark / 100.0;
            result_svg(h, svg, "line", "pass", "x1", x, "y1", y - 6, "x2", x,
                       "y2", y + RESULT_BAR_H + 6, (const char *)NULL);
            char pass[48];
            snprintf(pass, sizeof pass, _("pass mark %d"), d->sc->pass_mark);
            result_svg_text(h, svg, x, y - 10, "mid small", pass);
        }
    }
    /* scale */
    double axis_y = RESULT_SCORES_H - 22;
    result_svg(h, svg, "line", "axis", "x1", (double)RESULT_BAR_X, "y1",
               axis_y, "x2", (double)(RESULT_BAR_X + RESULT_BAR_W), "y2",
               axis_y, (const char *)NULL);
    for (int v = 0; v <= 100; v += 25) {
        double x = RESULT_BAR_X + RESULT_BAR_W * v / 100.0;
        char tick[8];
        snprintf(tick, sizeof tick, "%d", v);
        result_svg(h, svg, "line", "axis", "x1", x, "y1", axis_y, "x2", x,
                   "y2", axis_y + 5, (const char *)NULL);
        result_svg_text(h, svg, x, axis_y + 18, "mid small", tick);
    }
    result_str_add(&alt, _("; pass mark %d."), d->sc->pass_mark);
    result_h_img(h, parent, doc, RESULT_SCORES_W, RESULT_SCORES_H, alt.s);
    free(alt.s);
    xmlFreeDoc(doc);
}

#define RESULT_MOOD_W 700
#define RESULT_MOOD_H 280
#define RESULT_MOOD_X0 84
#define RESULT_MOOD_X1 670
#define RESULT_MOOD_Y0 24
#define RESULT_MOOD_Y1 224

/* Where the mood chart draws mood 0..100. */
static double result_mood_y(int mood)
{
    double span = RESULT_MOOD_Y1 - RESULT_MOOD_Y0;
    return RESULT_MOOD_Y1 - span * mood / 100.0;
}

/* Where the mood chart draws point i of n. */
static double result_mood_x(size_t i, size_t n)
{
    if (n <= 1) {
        return (RESULT_MOOD_X0 + RESULT_MOOD_X1) / 2.0;
    }
    double step = (RESULT_MOOD_X1 - RESULT_MOOD_X0 - 30.0) / (double)(n - 1);
    return RESULT_MOOD_X0 + 15 + step * (double)i;
}

/* Mood 0..100 at the start and after each turn, with labelled axes. */
static void result_h_mood_chart(result_html *h, xmlNodePtr parent,
                                const debrief *d)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr svg = result_svg_root(h, doc, RESULT_MOOD_W, RESULT_MOOD_H);
    for (int v = 0; v <= 100; v += 25) {
        double y = result_mood_y(v);
        char tick[8];
        snprintf(tick, sizeof tick, "%d", v);
        result_svg(h, svg, "line", v ? "grid" : "axis", "x1",
                   (double)RESULT_MOOD_X0, "y1", y, "x2",
                   (double)RESULT_MOOD_X1, "y2", y, (const char *)NULL);
        result_svg_text(h, svg, RESULT_MOOD_X0 - 8, y + 4, "end small", tick);
    }
    result_svg(h, svg, "line", "axis", "x1", (double)RESULT_MOOD_X0, "y1",
               (double)RESULT_MOOD_Y0, "x2", (double)RESULT_MOOD_X0, "y2",
               (double)RESULT_MOOD_Y1, (const char *)NULL);
    xmlNodePtr title = result_svg(h, svg, "text", "mid", "x", 20.0, "y",
                                  (RESULT_MOOD_Y0 + RESULT_MOOD_Y1) / 2.0,
                                  (const char *)NULL);
    result_h_attrf(h, title, "transform", "rotate(-90 20 %g)",
                   (RESULT_MOOD_Y0 + RESULT_MOOD_Y1) / 2.0);
    result_h_text(h, title, _("Mood (0 furious, 100 happy)"));
    result_svg_text(h, svg, (RESULT_MOOD_X0 + RESULT_MOOD_X1) / 2.0,
                    RESULT_MOOD_H - 12, "mid", _("Turn"));

    size_t n = d->mood_count;
    result_str points = {NULL, 0, false};
    result_str alt = {NULL, 0, false};
    result_str_add(&alt, "%s",
                   _("Customer mood from 0 (furious) to 100 (happy): "));
    for (size_t i = 0; i < n; i++) {
        double x = result_mood_x(i, n);
        double y = result_mood_y(d->mood[i]);
        result_str_add(&points, "%s%g,%g", i ? " " : "", x, y);
        char label[24];
        if (i == 0) {
            snprintf(label, sizeof label, "%s", _("start"));
        } else {
            snprintf(label, sizeof label, "%zu", i);
        }
        if (n <= 25 || i % 5 == 0 || i + 1 == n) {
            result_svg_text(h, svg, x, RESULT_MOOD_Y1 + 20, "mid small",
                            label);
        }
        if (i) {
            result_str_add(&alt, _(", turn %s %d"), label, d->mood[i]);
        } else {
            result_str_add(&alt, "%s %d", label, d->mood[i]);
        }
    }
    result_str_add(&alt, ".");
    if (n > 1 && points.s) {
        xmlNodePtr line =
            result_svg(h, svg, "polyline", "line", (const char *)NULL);
        result_h_attr(h, line, "points", points.s);
    }
    for (size_t i = 0; i < n; i++) {
        double x = result_mood_x(i, n);
        double y = result_mood_y(d->mood[i]);
        result_svg(h, svg, "circle", "dot", "cx", x, "cy", y, "r", 4.5,
                   (const char *)NULL);
        if (n <= 25) {
            char value[8];
            snprintf(value, sizeof value, "%d", d->mood[i]);
            result_svg_text(h, svg, x, y - 10, "mid small b", value);
        }
    }
    if (points.failed) {
        h->failed = true;
    }
    result_h_img(h, parent, doc, RESULT_MOOD_W, RESULT_MOOD_H, alt.s);
    free(points.s);
    free(alt.s);
    xmlFreeDoc(doc);
}

/* ---------- the page ---------- */

static const char result_css[] =
    "@page{margin:16mm 14mm}\n"
    "html{background:#fff}\n"
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#111;"
    "background:#fff;max-width:48rem;margin:1.5rem auto;padding:0 1rem;"
    "line-height:1.45;font-size:11pt}\n"
    "h1{font-size:1.7em;margin:0 0 .2em}\n"
    "h2{font-size:1.25em;margin:1.4em 0 .4em;padding-bottom:.15em;"
    "border-bottom:2px solid #1f3b63;break-after:avoid;"
    "page-break-after:avoid}\n"
    "h3{font-size:1.05em;margin:0 0 .3em}\n"
    "p{margin:.25em 0}\n"
    ".subtitle{font-size:1.15em;margin:0 0 .8em}\n"
    "table.facts{border-collapse:collapse;margin:.5em 0}\n"
    "table.facts th{text-align:left;padding:.15em 1em .15em 0;"
    "vertical-align:top;white-space:nowrap}\n"
    "table.facts td{padding:.15em 0}\n"
    ".verdict{display:inline-block;border:2px solid #111;padding:0 .4em;"
    "font-weight:bold}\n"
    "img.chart{display:block;max-width:100%;height:auto;margin:.4em 0;"
    "break-inside:avoid;page-break-inside:avoid}\n"
    ".turn{border:1px solid #999;border-left:4px solid #1f3b63;"
    "padding:.5em .75em;margin:.6em 0;break-inside:avoid;"
    "page-break-inside:avoid}\n"
    ".better{border-top:1px dashed #999;margin-top:.35em;padding-top:.3em}\n"
    ".critical{border:2px solid #8b0000;padding:.2em .6em;margin:.4em 0}\n"
    ".critical h2{color:#8b0000;margin-top:.2em}\n"
    ".note{color:#333;font-style:italic}\n"
    ".incomplete{border:2px dashed #111;padding:.3em .6em;"
    "font-weight:bold}\n"
    ".foot{margin-top:2em;font-size:.85em;color:#333;"
    "border-top:1px solid #999;padding-top:.4em}\n"
    "@media print{body{margin:0;max-width:none;font-size:10pt}"
    "a{color:#111}}\n";

static void result_h_turn(result_html *h, xmlNodePtr parent, const debrief *d,
                          const debrief_turn *t)
{
    char label[64];
    char buf[160];
    char a[32];
    char b[32];
    xmlNodePtr div = result_h_classed(h, parent, "div", "turn", NULL);
    result_h_elf(h, div, "h3", _("Turn %d of %zu"), t->number, d->turn_count);
    char *said = debrief_customer_text(t->node);
    if (!said) {
        h->failed = true;
    }
    scenario_expression e =
        t->node->line_count > 0 && t->node->lines[0].expression
            ? t->node->lines[0].expression
            : scenario_expression_for_mood(t->mood_before);
    snprintf(label, sizeof label, _("Customer (%s):"), words_expression(e));
    result_h_said(h, div, label, said ? said : "");
    free(said);
    if (t->chosen) {
        snprintf(label, sizeof label, _("You chose %d:"), t->chosen_pos);
        result_h_said(h, div, label, t->chosen->say);
    } else {
        result_h_field(h, div, _("You chose:"),
                       _("nothing; the customer's patience ran out"));
    }
    result_seconds(a, sizeof a, t->response_ms);
    result_seconds(b, sizeof b, t->target_ms);
    snprintf(buf, sizeof buf,
             t->response_ms <= t->target_ms ? _("%s (target %s), on time")
                                            : _("%s (target %s), over target"),
             a, b);
    result_h_field(h, div, _("Time:"), buf);
    size_t o = 0;
    buf[0] = '\0';
    for (int dim = 0; dim < SCENARIO_DIM_COUNT; dim++) {
        const char *name = words_dim(dim);
        if (t->score.counted[dim]) {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s %d",
                                  dim ? ", " : "", name,
                                  score_round(100.0 * t->score.value[dim]));
        } else {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s",
                                  dim ? ", " : "");
            o += (size_t)snprintf(buf + o, sizeof buf - o,
                                  _("%s not assessed"), name);
        }
    }
    result_h_field(h, div, _("Scored:"), buf);
    snprintf(buf, sizeof buf, "%d \xe2\x86\x92 %d", t->mood_before,
             t->mood_after);
    result_h_field(h, div, _("Mood:"), buf);
    if (t->chosen && t->chosen->feedback) {
        result_h_said(h, div, _("Feedback:"), t->chosen->feedback);
    }
    if (t->critical) {
        xmlNodePtr crit = result_h_classed(h, div, "div", "critical", NULL);
        result_h_said(h, crit, _("Critical mistake:"), t->critical);
    }
    if (t->better) {
        xmlNodePtr better = result_h_classed(h, div, "div", "better", NULL);
        snprintf(label, sizeof label, _("Better option (%d):"), t->better_pos);
        result_h_said(h, better, label, t->better->say);
        if (t->better->feedback) {
            result_h_said(h, better, _("Why:"), t->better->feedback);
        }
    } else if (t->chosen) {
        result_h_el(h, div, "p", _("Best option at this turn."));
    }
}

static void result_h_principles(result_html *h, xmlNodePtr parent,
                                const char *label, const int *counts)
{
    char buf[512];
    size_t o = 0;
    buf[0] = '\0';
    for (int p = 0; p < SCENARIO_PRINCIPLE_COUNT; p++) {
        if (counts[p] && o < sizeof buf) {
            o += (size_t)snprintf(
                buf + o, sizeof buf - o, "%s%s (%d)", o ? ", " : "",
                words_principle((scenario_principle)p), counts[p]);
        }
    }
    result_h_field(h, parent, label, o ? buf : _("none"));
}

static void result_h_body(result_html *h, xmlNodePtr body, const debrief *d,
                          const result_info *info)
{
    const scenario *sc = d->sc;
    char buf[256];
    result_h_el(h, body, "h1",
                d->finished ? _("Rapport debrief")
                            : _("Rapport debrief: incomplete attempt"));
    result_h_said_el(h, body, "p", "subtitle", sc->title);
    if (!d->finished) {
        snprintf(buf, sizeof buf,
                 P_("Incomplete attempt: the session was interrupted after "
                    "%zu turn, before the call reached an ending. The scores "
                    "below are over the turns played.",
                    "Incomplete attempt: the session was interrupted after "
                    "%zu turns, before the call reached an ending. The "
                    "scores below are over the turns played.",
                    d->turn_count),
                 d->turn_count);
        result_h_classed(h, body, "p", "incomplete", buf);
    }

    xmlNodePtr facts = result_h_classed(h, body, "table", "facts", NULL);
    const char *keys[] = {_("Trainee"), _("Scenario"), _("Customer"),
                          _("Started"), _("Duration"), _("Settings"),
                          _("Result")};
    char started[64];
    if (!result_utc_time(info->started_ms, "%Y-%m-%d %H:%M UTC", started,
                         sizeof started)) {
        snprintf(started, sizeof started, "%s", _("unknown"));
    }
    int64_t dur = info->ended_ms - info->started_ms;
    char duration[64];
    if (dur >= 60000) {
        snprintf(duration, sizeof duration, _("%lld min %lld s"),
                 (long long)(dur / 60000), (long long)(dur / 1000 % 60));
    } else {
        result_seconds(duration, sizeof duration, (int)dur);
    }
    char settings[160];
    snprintf(settings, sizeof settings, "%s; %s",
             info->feedback_mode == RESULT_FEEDBACK_IMMEDIATE
                 ? _("feedback after each reply")
                 : _("feedback withheld until the debrief"),
             d->relaxed_timing ? _("relaxed timing (time never penalised)")
                               : _("standard timing"));
    char *scenario_line =
        result_format(_("%s, version %s, difficulty %d"), sc->id ? sc->id : "",
                      sc->version ? sc->version : "", sc->difficulty);
    if (!scenario_line) {
        h->failed = true;
    }
    char result_line[160];
    if (d->finished) {
        snprintf(result_line, sizeof result_line,
                 _("%d overall, %s (pass mark %d); outcome %s"),
                 d->summary.overall, words_band(d->summary.band),
                 sc->pass_mark, words_outcome(d->outcome));
    } else {
        snprintf(result_line, sizeof result_line,
                 P_("%d overall over %zu turn played (pass mark %d); no "
                    "outcome",
                    "%d overall over %zu turns played (pass mark %d); no "
                    "outcome",
                    d->turn_count),
                 d->summary.overall, d->turn_count, sc->pass_mark);
    }
    const char *values[] = {info->trainee,
                            scenario_line ? scenario_line : "",
                            sc->customer.name ? sc->customer.name : "",
                            started,
                            duration,
                            settings,
                            result_line};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        xmlNodePtr tr = result_h_el(h, facts, "tr", NULL);
        result_h_el(h, tr, "th", keys[i]);
        xmlNodePtr td = result_h_el(h, tr, "td", values[i]);
        if (i + 1 == sizeof keys / sizeof keys[0]) {
            result_h_text(h, td, " ");
            result_h_classed(h, td, "span", "verdict",
                             !d->finished        ? _("INCOMPLETE ATTEMPT")
                             : d->summary.passed ? _("PASSED")
                                                 : _("NOT PASSED"));
        }
    }

    free(scenario_line);

    result_h_el(h, body, "h2", _("Scores"));
    result_h_scores_chart(h, body, d);
    snprintf(buf, sizeof buf,
             _("Overall %d of 100: %s, %s (pass mark %d). Weights: empathy "
               "%d, honesty %d, promptness %d."),
             d->summary.overall, words_band(d->summary.band),
             !d->finished        ? _("incomplete attempt")
             : d->summary.passed ? _("passed")
                                 : _("not passed"),
             sc->pass_mark, sc->weight[SCENARIO_DIM_EMPATHY],
             sc->weight[SCENARIO_DIM_HONESTY],
             sc->weight[SCENARIO_DIM_PROMPTNESS]);
    result_h_el(h, body, "p", buf);
    if (d->critical_count) {
        xmlNodePtr crit = result_h_classed(h, body, "div", "critical", NULL);
        result_h_el(h, crit, "h2",
                    P_("Critical mistake: not passed whatever the score",
                       "Critical mistakes: not passed whatever the score",
                       d->critical_count));
        for (size_t i = 0; i < d->turn_count; i++) {
            if (d->turns[i].critical) {
                snprintf(buf, sizeof buf, _("Turn %d:"), d->turns[i].number);
                result_h_said(h, crit, buf, d->turns[i].critical);
            }
        }
    }

    result_h_el(h, body, "h2", _("Customer mood over the call"));
    result_h_mood_chart(h, body, d);

    result_h_el(h, body, "h2", _("Outcome"));
    if (!d->finished) {
        result_h_field(h, body, _("Outcome:"),
                       _("none: incomplete attempt, interrupted before the "
                         "call reached an ending"));
    } else if (d->gave_up) {
        result_h_field(h, body, _("Outcome:"),
                       _("lost: the customer ran out of patience and left"));
        result_h_field(h, body, _("Feedback:"),
                       _("The customer waited too long without an answer and "
                         "gave up on the call."));
    } else if (d->ending) {
        snprintf(buf, sizeof buf, d->ending->title ? _("%s: ") : "%s",
                 words_outcome(d->outcome));
        xmlNodePtr p = result_h_field(h, body, _("Outcome:"), buf);
        if (d->ending->title) {
            result_h_said_text(h, p, d->ending->title);
        }
        char *last = debrief_customer_text(d->ending);
        if (!last) {
            h->failed = true;
        } else if (*last) {
            result_h_said(h, body, _("Customer:"), last);
        }
        free(last);
        if (d->ending->feedback) {
            result_h_said(h, body, _("Feedback:"), d->ending->feedback);
        }
    }

    result_h_el(h, body, "h2", _("Strengths"));
    if (d->strength_count == 0) {
        result_h_el(h, body, "p",
                    _("None at 80 or above yet; see what to practise next."));
    } else {
        xmlNodePtr ul = result_h_el(h, body, "ul", NULL);
        for (size_t i = 0; i < d->strength_count; i++) {
            result_h_elf(h, ul, "li", "%s (%d)", words_dim(d->strengths[i]),
                         d->summary.dim[d->strengths[i]]);
        }
    }

    result_h_el(h, body, "h2", _("Practise next"));
    if (d->summary.dim[d->practise] >= 90) {
        result_h_el(h, body, "p",
                    _("Nothing urgent: every dimension is at 90 or above. To "
                      "stay sharp:"));
    }
    snprintf(buf, sizeof buf, "%s (%d):", words_dim(d->practise),
             d->summary.dim[d->practise]);
    result_h_field(h, body, buf, debrief_advice(d->practise));
    if (d->practise_turn >= 0) {
        const debrief_turn *t = &d->turns[d->practise_turn];
        snprintf(buf, sizeof buf, _("At turn %d, option %d:"), t->number,
                 t->better_pos);
        result_h_said(h, body, buf, t->better->say);
    }

    result_h_el(h, body, "h2", _("Turn by turn"));
    for (size_t i = 0; i < d->turn_count; i++) {
        result_h_turn(h, body, d, &d->turns[i]);
    }

    result_h_el(h, body, "h2", _("Principles"));
    result_h_principles(h, body, _("Practised:"), d->practised);
    result_h_principles(h, body, _("Missed:"), d->missed);

    xmlNodePtr foot = result_h_classed(h, body, "p", "foot", NULL);
    result_h_text(h, foot,
                  _("Rapport debrief report. The same session is kept as a "
                    "JSON record and as xAPI statements beside this file."));
}

xmlDocPtr result_h_page(result_html *h, const char *said_lang,
                        const char *title, const char *css, xmlNodePtr *body)
{
    const char *lang = i18n_lang();
    h->said_lang = said_lang && *said_lang && strcmp(said_lang, lang) != 0
                       ? said_lang
                       : NULL;
    *body = NULL;
    htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
    xmlNodePtr html =
        doc && xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL)
            ? xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL)
            : NULL;
    if (!html) {
        xmlFreeDoc(doc);
        h->failed = true;
        return NULL;
    }
    xmlDocSetRootElement(doc, html);
    result_h_attr(h, html, "lang", lang);
    if (i18n_rtl()) {
        result_h_attr(h, html, "dir", "rtl");
    }
    xmlNodePtr head = result_h_el(h, html, "head", NULL);
    /* the serialiser adds <meta http-equiv="Content-Type" ... UTF-8> */
    xmlNodePtr viewport = result_h_el(h, head, "meta", NULL);
    result_h_attr(h, viewport, "name", "viewport");
    result_h_attr(h, viewport, "content",
                  "width=device-width, initial-scale=1");
    result_h_el(h, head, "title", title ? title : "");
    if (!title) {
        h->failed = true;
    }
    result_h_el(h, head, "style", css);
    *body = result_h_el(h, html, "body", NULL);
    return doc;
}

char *result_h_finish_page(result_html *h, xmlDocPtr doc)
{
    char *text =
        h->failed || !doc
            ? NULL
            : result_h_serialise(doc, XML_SAVE_AS_HTML | XML_SAVE_FORMAT);
    xmlFreeDoc(doc);
    return text;
}

char *result_report_html(const debrief *d, const result_info *info,
                         diag_list *diags)
{
    if (!result_check(d, info, diags)) {
        return NULL;
    }
    result_html h = {false};
    char *title = result_format(
        "%s: %s \xe2\x80\x94 %s",
        d->finished ? _("Debrief") : _("Debrief (incomplete attempt)"),
        d->sc->title ? d->sc->title : "", info->trainee);
    xmlNodePtr body = NULL;
    xmlDocPtr doc = result_h_page(&h, d->sc->lang, title, result_css, &body);
    free(title);
    result_h_body(&h, body, d, info);
    char *text = result_h_finish_page(&h, doc);
    if (!text) {
        result_no_memory(d, diags);
    }
    return text;
}
