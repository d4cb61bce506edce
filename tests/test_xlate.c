/* test_xlate.c — translation through XLIFF 2.0: what export writes, the
 * round trip over every shipped scenario (byte for byte when nothing is
 * translated, the same model with the texts translated otherwise), the
 * layout an import keeps, what it reports (untranslated, changed, moved,
 * review, unused), --update, and translation files that are broken or
 * hostile. The tests edit XLIFF files with libxml2 as a tool would. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "scenario.h"
#include "xlate.h"

#define TMP RAPPORT_TEST_TMP "/xlate"

/* ---------- files and diagnostics ---------- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(data, 1, len, f) == len);
        fclose(f);
    }
}

static void write_text(const char *path, const char *text)
{
    write_file(path, text, strlen(text));
}

/* The diagnostics as printed, sorted (malloc'd). */
static char *diag_text(diag_list *diags)
{
    diag_sort(diags);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(diags, f);
    fclose(f);
    return buf;
}

/* ---------- editing a translation file as a tool would ---------- */

typedef char *(*translate_fn)(const char *source, const char *unit_id);

static xmlNode *child(xmlNode *el, const char *name)
{
    for (xmlNode *c = el ? el->children : NULL; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE &&
            xmlStrEqual(c->name, BAD_CAST name)) {
            return c;
        }
    }
    return NULL;
}

/* Gives every segment a <target> made by fn from its source (fn returns
 * NULL to leave a unit untranslated); returns the new file (malloc'd). */
static char *fill_targets(const char *xliff, translate_fn fn)
{
    xmlDocPtr doc = xmlReadMemory(xliff, (int)strlen(xliff), "t.xlf", NULL,
                                  XML_PARSE_NONET);
    CHECK(doc != NULL);
    if (!doc) {
        return NULL;
    }
    xmlNode *file = child(xmlDocGetRootElement(doc), "file");
    for (xmlNode *u = file ? file->children : NULL; u; u = u->next) {
        if (u->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(u->name, BAD_CAST "unit")) {
            continue;
        }
        xmlChar *id = xmlGetProp(u, BAD_CAST "id");
        xmlNode *seg = child(u, "segment");
        xmlChar *src = xmlNodeGetContent(child(seg, "source"));
        char *t = fn((const char *)src, (const char *)id);
        if (t) {
            xmlNode *target =
                xmlNewChild(seg, seg->ns, BAD_CAST "target", NULL);
            xmlNodeAddContent(target, BAD_CAST t);
            free(t);
        }
        xmlFree(src);
        xmlFree(id);
    }
    xmlChar *out = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(doc, &out, &len, "UTF-8");
    xmlFreeDoc(doc);
    char *copy = malloc((size_t)len + 1);
    if (copy) {
        memcpy(copy, out, (size_t)len);
        copy[len] = '\0';
    }
    xmlFree(out);
    return copy;
}

static char *same_text(const char *source, const char *unit_id)
{
    (void)unit_id;
    return strdup(source);
}

/* A pseudo-translation with markup characters, quotes and other scripts,
 * so escaping is exercised everywhere. */
static char *pseudo(const char *source, const char *unit_id)
{
    (void)unit_id;
    size_t n = strlen(source) + 64;
    char *t = malloc(n);
    snprintf(t, n, "«es» %s <&> \"q\" 'a' — ñ 日本", source);
    return t;
}

/* ---------- the model, compared ---------- */

/* The texts a trainee or trainer sees in a scenario file, counted in its
 * XML (independently of the model and of xlate's table). */
static size_t file_texts(const char *path)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    xmlXPathContextPtr x = doc ? xmlXPathNewContext(doc) : NULL;
    xmlXPathObjectPtr o = NULL;
    if (x && xmlXPathRegisterNs(x, BAD_CAST "r",
                                BAD_CAST SCENARIO_NAMESPACE) == 0) {
        o = xmlXPathEvalExpression(
            BAD_CAST "count(//r:title | //r:summary | //r:objective | "
                     "//r:persona | //r:line | //r:say | //r:feedback | "
                     "//r:critical | //r:customer/@name | //r:ending/@title)",
            x);
    }
    size_t n = o ? (size_t)o->floatval : 0;
    CHECK(n > 0);
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);
    return n;
}

/* b's text is tr(a's text), or both are NULL. */
static bool same_tr(const char *a, const char *b, translate_fn tr)
{
    if (!a || !b) {
        return !a && !b;
    }
    char *t = tr(a, NULL);
    bool same = strcmp(t, b) == 0;
    if (!same) {
        fprintf(stderr, "  expected \"%s\"\n  found    \"%s\"\n", t, b);
    }
    free(t);
    return same;
}

static bool same_flags(char **a, size_t an, char **b, size_t bn)
{
    if (an != bn) {
        return false;
    }
    for (size_t i = 0; i < an; i++) {
        if (strcmp(a[i], b[i]) != 0) {
            return false;
        }
    }
    return true;
}

static bool same_cond(const scenario_condition *a, const scenario_condition *b)
{
    return same_flags(a->if_flags, a->if_count, b->if_flags, b->if_count) &&
           same_flags(a->unless_flags, a->unless_count, b->unless_flags,
                      b->unless_count) &&
           a->min_mood == b->min_mood && a->max_mood == b->max_mood;
}

/* b is a with every text translated by tr and the language lang. */
static void check_translated_model(const scenario *a, const scenario *b,
                                   translate_fn tr, const char *lang)
{
    CHECK_STR(b->id, a->id);
    CHECK_STR(b->version, a->version);
    CHECK_STR(b->lang, lang);
    CHECK(same_tr(a->title, b->title, tr));
    CHECK(same_tr(a->summary, b->summary, tr));
    CHECK_INT(b->channel, a->channel);
    CHECK_INT(b->difficulty, a->difficulty);
    CHECK(b->minutes == a->minutes);
    CHECK_INT(b->objective_count, a->objective_count);
    for (size_t i = 0; i < a->objective_count && i < b->objective_count; i++) {
        CHECK(same_tr(a->objectives[i].text, b->objectives[i].text, tr));
        CHECK_INT(b->objectives[i].principle, a->objectives[i].principle);
    }
    CHECK(same_tr(a->customer.name, b->customer.name, tr));
    CHECK(same_tr(a->customer.persona, b->customer.persona, tr));
    CHECK_INT(b->customer.mood, a->customer.mood);
    CHECK_INT(b->customer.patience_ms, a->customer.patience_ms);
    CHECK(memcmp(&b->customer.look, &a->customer.look,
                 sizeof a->customer.look) == 0);
    CHECK_INT(b->customer.timeout_index, a->customer.timeout_index);
    CHECK_INT(b->pass_mark, a->pass_mark);
    CHECK(memcmp(b->weight, a->weight, sizeof a->weight) == 0);
    CHECK_INT(b->start_index, a->start_index);
    CHECK_INT(b->node_count, a->node_count);
    for (size_t i = 0; i < a->node_count && i < b->node_count; i++) {
        const scenario_node *x = &a->nodes[i];
        const scenario_node *y = &b->nodes[i];
        CHECK_STR(y->id, x->id);
        CHECK_INT(y->is_ending, x->is_ending);
        CHECK_INT(y->line_count, x->line_count);
        for (size_t l = 0; l < x->line_count && l < y->line_count; l++) {
            CHECK(same_tr(x->lines[l].text, y->lines[l].text, tr));
            CHECK_INT(y->lines[l].expression, x->lines[l].expression);
        }
        CHECK_INT(y->target_ms, x->target_ms);
        CHECK_INT(y->timeout_index, x->timeout_index);
        CHECK_INT(y->outcome, x->outcome);
        CHECK(same_tr(x->title, y->title, tr));
        CHECK(same_tr(x->feedback, y->feedback, tr));
        CHECK_INT(y->choice_count, x->choice_count);
        for (size_t c = 0; c < x->choice_count && c < y->choice_count; c++) {
            const scenario_choice *p = &x->choices[c];
            const scenario_choice *q = &y->choices[c];
            CHECK(same_tr(p->say, q->say, tr));
            CHECK(same_tr(p->feedback, q->feedback, tr));
            CHECK_INT(q->next_index, p->next_index);
            CHECK(memcmp(q->rating, p->rating, sizeof p->rating) == 0);
            CHECK_INT(q->mood_change, p->mood_change);
            CHECK_INT(q->principles, p->principles);
            CHECK(same_flags(p->set_flags, p->set_count, q->set_flags,
                             q->set_count));
            CHECK(same_flags(p->clear_flags, p->clear_count, q->clear_flags,
                             q->clear_count));
            CHECK(same_cond(&p->cond, &q->cond));
            CHECK_INT(q->branch_count, p->branch_count);
            for (size_t k = 0; k < p->branch_count && k < q->branch_count;
                 k++) {
                CHECK_INT(q->branches[k].next_index,
                          p->branches[k].next_index);
                CHECK(same_cond(&p->branches[k].cond, &q->branches[k].cond));
            }
        }
    }
}

/* ---------- helpers around export and import ---------- */

static char *export_lang(const char *path, const char *lang)
{
    diag_list *diags = diag_list_new();
    xlate_export_options opt = {lang, NULL};
    xlate_stats st;
    char *x = xlate_export(path, &opt, &st, diags);
    if (!x || diag_count(diags)) {
        char *text = diag_text(diags);
        fprintf(stderr, "export %s:\n%s", path, text);
        free(text);
    }
    CHECK(x != NULL);
    CHECK_INT(diag_count(diags), 0);
    diag_list_free(diags);
    return x;
}

/* Imports xliff (written to a file) into the scenario at path. */
static char *import_text(const char *path, const char *xliff, bool strict,
                         size_t *len, xlate_stats *st, char **messages)
{
    write_text(TMP "/t.xlf", xliff);
    diag_list *diags = diag_list_new();
    xlate_import_options opt = {strict};
    char *out = xlate_import(path, TMP "/t.xlf", &opt, len, st, diags);
    *messages = diag_text(diags);
    diag_list_free(diags);
    return out;
}

/* ---------- tests ---------- */

static void test_lang_codes(void)
{
    CHECK(xlate_lang_valid("es"));
    CHECK(xlate_lang_valid("pt-BR"));
    CHECK(xlate_lang_valid("zh-Hant-TW"));
    CHECK(xlate_lang_valid("es-419"));
    CHECK(!xlate_lang_valid(""));
    CHECK(!xlate_lang_valid(NULL));
    CHECK(!xlate_lang_valid("es_ES"));
    CHECK(!xlate_lang_valid("-es"));
    CHECK(!xlate_lang_valid("es-"));
    CHECK(!xlate_lang_valid("419"));
    CHECK(!xlate_lang_valid("toolonglanguage"));
    CHECK(!xlate_lang_valid("es\"><x"));
}

/* Every text of the model is one unit, with notes, in a file the XLIFF
 * reader accepts. */
static void test_export_units(void)
{
    const char *path = RAPPORT_SCENARIOS "/billing-error.xml";
    scenario *sc = scenario_load_file(path, NULL);
    char *x = export_lang(path, "es");
    CHECK(sc && x);
    if (!sc || !x) {
        scenario_free(sc);
        free(x);
        return;
    }
    CHECK_CONTAINS(x, "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
                      "version=\"2.0\" srcLang=\"en\" trgLang=\"es\">");
    CHECK_CONTAINS(x, "<file id=\"billing-error\" "
                      "original=\"billing-error.xml\">");
    CHECK_CONTAINS(x, "<unit id=\"customer:name\">");
    CHECK_CONTAINS(x, "<source>Aisha Rahman</source>");
    CHECK_CONTAINS(x, "<unit id=\"node:opening:choice:3:say\">");
    CHECK_CONTAINS(x, "Turn 'opening', line 1 of 2: Aisha Rahman says it, "
                      "looking irate.");
    CHECK_CONTAINS(x, "Turn 'opening', option 3 of 4, a reply to the "
                      "customer's words: &quot;You took my bill twice");
    CHECK_CONTAINS(x, "<unit id=\"ending:hung-up:title\">");
    size_t units = 0;
    size_t notes = 0;
    for (const char *p = x; (p = strstr(p, "<unit id=")); p++) {
        units++;
    }
    for (const char *p = x; (p = strstr(p, "category=\"location\"")); p++) {
        notes++;
    }
    CHECK_INT(units, file_texts(path));
    CHECK_INT(notes, units);
    /* nothing translated yet: no target, no state */
    CHECK(strstr(x, "<target") == NULL);
    CHECK(strstr(x, "state=") == NULL);
    scenario_free(sc);
    free(x);
}

/* Export, then import with every target equal to its source: the
 * scenario comes back byte for byte (only lang changes when the target
 * language is another), for every shipped scenario. */
static void test_round_trip_identical(void)
{
    DIR *dir = opendir(RAPPORT_SCENARIOS);
    CHECK(dir != NULL);
    size_t count = 0;
    struct dirent *e;
    while (dir && (e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0) {
            continue;
        }
        char path[512];
        snprintf(path, sizeof path, "%s/%s", RAPPORT_SCENARIOS, e->d_name);
        scenario *sc = scenario_load_file(path, NULL);
        size_t orig_len = 0;
        char *orig = read_file(path, &orig_len);
        CHECK(sc && orig);
        if (!sc || !orig) {
            scenario_free(sc);
            free(orig);
            continue;
        }
        count++;
        for (int other = 0; other < 2; other++) {
            const char *lang = other ? "es" : sc->lang;
            char *x = export_lang(path, lang);
            char *filled = x ? fill_targets(x, same_text) : NULL;
            size_t len = 0;
            xlate_stats st;
            char *msgs = NULL;
            char *out = filled
                            ? import_text(path, filled, true, &len, &st, &msgs)
                            : NULL;
            CHECK(out != NULL);
            CHECK_STR(msgs, "");
            CHECK_INT(st.translated, file_texts(path));
            CHECK_INT(st.untranslated + st.changed + st.review + st.unused, 0);
            if (out && other) {
                /* put the old lang back: then byte for byte */
                char was[64];
                snprintf(was, sizeof was, "lang=\"%s\"", sc->lang);
                char *at = strstr(out, "lang=\"es\"");
                CHECK(at != NULL);
                CHECK(strstr(orig, was) == orig + (at - out));
                if (at && strstr(orig, was) == orig + (at - out)) {
                    CHECK_INT(len, orig_len - strlen(sc->lang) + 2);
                    CHECK(memcmp(out, orig, (size_t)(at - out)) == 0);
                    CHECK_STR(at + 9, orig + (at - out) + strlen(was));
                }
            } else if (out) {
                CHECK_INT(len, orig_len);
                CHECK(len == orig_len && memcmp(out, orig, len) == 0);
            }
            free(out);
            free(msgs);
            free(filled);
            free(x);
        }
        free(orig);
        scenario_free(sc);
    }
    if (dir) {
        closedir(dir);
    }
    CHECK(count >= 12);
}

/* A fully translated scenario loads as the same model with every text
 * translated: structure, scores, conditions, ids untouched. */
static void test_round_trip_translated(void)
{
    const char *names[] = {"billing-error", "escaping", "telecom-outage",
                           "warranty-email"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.xml",
                 i == 1 ? RAPPORT_TEST_DATA : RAPPORT_SCENARIOS, names[i]);
        scenario *a = scenario_load_file(path, NULL);
        char *x = export_lang(path, "es");
        char *filled = x ? fill_targets(x, pseudo) : NULL;
        size_t len = 0;
        xlate_stats st;
        char *msgs = NULL;
        char *out =
            filled ? import_text(path, filled, true, &len, &st, &msgs) : NULL;
        CHECK(a && out);
        CHECK_STR(msgs, "");
        diag_list *diags = diag_list_new();
        scenario *b =
            out ? scenario_load_memory(out, len, "es.xml", diags) : NULL;
        CHECK(b != NULL);
        CHECK_INT(diag_error_count(diags), 0);
        if (a && b) {
            CHECK_INT(st.translated, file_texts(path));
            check_translated_model(a, b, pseudo, "es");
        }
        /* exported again, the translation's sources are the targets */
        if (out) {
            write_file(TMP "/es.xml", out, len);
            char *again = export_lang(TMP "/es.xml", "en");
            CHECK_CONTAINS(again, "<source>«es» ");
            CHECK_CONTAINS(again, "srcLang=\"es\"");
            free(again);
        }
        diag_list_free(diags);
        scenario_free(a);
        scenario_free(b);
        free(out);
        free(msgs);
        free(filled);
        free(x);
    }
}

static char *prefix_x(const char *source, const char *unit_id)
{
    (void)unit_id;
    size_t n = strlen(source) + 3;
    char *t = malloc(n);
    snprintf(t, n, "X-%s", source);
    return t;
}

/* Only the texts change: start tags over several lines, single quotes,
 * a character reference, CDATA, a comment inside a line, the indentation
 * of a wrapped line; a missing lang is added to the start tag. */
static void test_layout_kept(void)
{
    const char *path = RAPPORT_TEST_DATA "/xlate-layout.xml";
    char *x = export_lang(path, "es");
    char *filled = x ? fill_targets(x, prefix_x) : NULL;
    size_t len = 0;
    xlate_stats st;
    char *msgs = NULL;
    char *out =
        filled ? import_text(path, filled, false, &len, &st, &msgs) : NULL;
    CHECK_STR(msgs, "");
    CHECK_STR(
        out,
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<!-- Laid out by hand: translating it must keep every byte but the "
        "texts\n"
        "     (test_xlate's test_layout_kept). -->\n"
        "<scenario xmlns=\"urn:rapport:scenario:1\"\n"
        "          id='layout' channel=\"chat\" lang=\"es\"  >\n"
        "  <title>X-Layout &amp; spacing</title>\n"
        "  <customer name=\"X-Jo 'JJ' Lee\"\n"
        "            mood=\"calm\">\n"
        "    <persona>X-Likes &lt;b&gt;bold&lt;/b&gt; claims</persona>\n"
        "  </customer>\n"
        "  <node id=\"start\">\n"
        "    <line expression='worried'>\n"
        "      X-Hello, I have a question. <!-- a note for authors -->\n"
        "    </line>\n"
        "    <choice next=\"end\" empathy=\"2\"><say>X-Sure, go "
        "ahead.</say>\n"
        "      <feedback>X-Good.</feedback></choice>\n"
        "    <choice next=\"end\"   ><say>X-What?</say></choice>\n"
        "  </node>\n"
        "  <ending id=\"end\" outcome=\"resolved\" title=\"X-Done\"/>\n"
        "</scenario>\n");
    CHECK_INT(st.translated, 8);
    free(out);
    free(msgs);
    free(filled);
    free(x);
}

/* A byte order mark stays, and offsets after it are right. */
static void test_bom(void)
{
    size_t len = 0;
    char *orig = read_file(RAPPORT_TEST_DATA "/xlate-layout.xml", &len);
    CHECK(orig != NULL);
    if (!orig) {
        return;
    }
    char *bom = malloc(len + 4);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, orig, len + 1);
    write_text(TMP "/bom.xml", bom);
    char *x = export_lang(TMP "/bom.xml", "es");
    char *filled = x ? fill_targets(x, prefix_x) : NULL;
    xlate_stats st;
    char *msgs = NULL;
    size_t out_len = 0;
    char *out = filled ? import_text(TMP "/bom.xml", filled, true, &out_len,
                                     &st, &msgs)
                       : NULL;
    CHECK(out && memcmp(out, "\xEF\xBB\xBF<?xml", 8) == 0);
    CHECK_CONTAINS(out, "<say>X-What?</say>");
    CHECK_STR(msgs, "");
    free(out);
    free(msgs);
    free(filled);
    free(x);
    free(bom);
    free(orig);
}

static char *all_but_title(const char *source, const char *unit_id)
{
    if (strcmp(unit_id, "title") == 0) {
        return NULL;
    }
    return prefix_x(source, unit_id);
}

/* Replaces the first occurrence of from in s (malloc'd result). */
static char *replace(const char *s, const char *from, const char *to)
{
    const char *at = strstr(s, from);
    CHECK(at != NULL);
    if (!at) {
        return strdup(s);
    }
    size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
    return out;
}

/* What import reports, where, and what --strict makes of it. */
static void test_import_reports(void)
{
    const char *path = RAPPORT_TEST_DATA "/xlate-layout.xml";
    char *x = export_lang(path, "es");
    char *filled = x ? fill_targets(x, all_but_title) : NULL;
    CHECK(filled != NULL);
    if (!filled) {
        free(x);
        return;
    }
    /* the scenario changed since: a <say> text, the feedback gone from the
     * file, an extra unit, a translation marked for review */
    char *a = replace(filled, "<source>What?</source>",
                      "<source>What now?</source>");
    char *a2 = replace(a, "<unit id=\"node:start:choice:1:feedback\">",
                       "<unit id=\"node:start:choice:1:gone\">");
    char *b = replace(a2, "<source>Good.</source>", "<source>Gone.</source>");
    char *c = replace(b, "<segment>\n        <source>Done",
                      "<segment state=\"initial\">\n        <source>Done");
    size_t len = 0;
    xlate_stats st;
    char *msgs = NULL;
    char *out = import_text(path, c, false, &len, &st, &msgs);
    CHECK(out != NULL);
    CHECK_CONTAINS(msgs, TMP "/t.xlf:7:5: warning: unit 'title' has no "
                             "translation: the scenario keeps the source "
                             "text");
    CHECK_CONTAINS(msgs, "xlate-layout.xml:17:7: warning: <feedback> is not "
                         "in the translation file (no unit "
                         "'node:start:choice:1:feedback'; new since the "
                         "export?): it stays untranslated");
    CHECK_CONTAINS(msgs, "xlate-layout.xml:18:27: warning: <say> changed "
                         "since the translation file was made (unit "
                         "'node:start:choice:2:say' translates \"What "
                         "now?\"): it stays untranslated");
    CHECK_CONTAINS(msgs, "warning: unit 'node:start:choice:1:gone' matches "
                         "no text of the scenario (removed since the "
                         "export?): it is ignored");
    CHECK_CONTAINS(msgs, "warning: the translation of unit 'ending:end:title' "
                         "is marked for review (state=\"initial\"): it is "
                         "used; once checked, mark it translated");
    CHECK_INT(st.texts, 8);
    CHECK_INT(st.translated, 5);
    CHECK_INT(st.untranslated, 2);
    CHECK_INT(st.changed, 1);
    CHECK_INT(st.review, 1);
    CHECK_INT(st.unused, 1);
    CHECK_CONTAINS(out, "<title>Layout &#38; spacing</title>");
    CHECK_CONTAINS(out, "<say>What?</say>");
    CHECK_CONTAINS(out, "<feedback>Good.</feedback>");
    CHECK_CONTAINS(out, "title=\"X-Done\"");
    free(out);
    free(msgs);
    /* --strict: the same problems are errors and nothing is built */
    out = import_text(path, c, true, &len, &st, &msgs);
    CHECK(out == NULL);
    CHECK_CONTAINS(msgs, "error: unit 'title' has no translation");
    CHECK_CONTAINS(msgs, "error: <say> changed since the translation file");
    CHECK_CONTAINS(msgs, "error: <feedback> is not in the translation file");
    CHECK_CONTAINS(msgs, "error: the translation of unit 'ending:end:title' "
                         "is marked for review (state=\"initial\")\n");
    CHECK_CONTAINS(msgs, "warning: unit 'node:start:choice:1:gone' matches "
                         "no text");
    free(out);
    free(msgs);
    free(c);
    free(b);
    free(a2);
    free(a);
    free(filled);
    free(x);
}

/* An option inserted before others renumbers them: import finds their
 * translations by their text (moved), export --update too, and marks a
 * changed text for review with its old source in a note. */
static void test_update(void)
{
    const char *path = TMP "/upd.xml";
    size_t len = 0;
    char *orig = read_file(RAPPORT_TEST_DATA "/xlate-layout.xml", &len);
    CHECK(orig != NULL);
    if (!orig) {
        return;
    }
    write_text(path, orig);
    char *x = export_lang(path, "es");
    char *filled = x ? fill_targets(x, prefix_x) : NULL;
    write_text(TMP "/upd.es.xlf", filled ? filled : "");
    /* the author inserts an option and rewrites the persona */
    char *a = replace(orig, "    <choice next=\"end\" empathy=\"2\">",
                      "    <choice next=\"end\"><say>New one.</say></choice>\n"
                      "    <choice next=\"end\" empathy=\"2\">");
    char *b = replace(a, "Likes <b>bold</b> claims", "Likes bold claims");
    write_text(path, b);
    xlate_stats st;
    char *msgs = NULL;
    char *out =
        import_text(path, filled ? filled : "", false, &len, &st, &msgs);
    CHECK(out != NULL);
    CHECK_CONTAINS(out, "<say>New one.</say>");
    CHECK_CONTAINS(out, "<say>X-Sure, go ahead.</say>");
    CHECK_CONTAINS(out, "<say>X-What?</say>");
    CHECK_CONTAINS(out, "<persona><![CDATA[Likes bold claims]]></persona>");
    CHECK_CONTAINS(msgs, "warning: <say> has no unit "
                         "'node:start:choice:2:say' with this text (the "
                         "scenario changed since the export): the "
                         "translation of unit 'node:start:choice:1:say', "
                         "made from the same text, is used");
    CHECK_INT(st.moved, 3);
    CHECK_INT(st.changed, 1);      /* the persona */
    CHECK_INT(st.untranslated, 1); /* the new option */
    CHECK_CONTAINS(msgs, "warning: <say> is not in the translation file (no "
                         "unit 'node:start:choice:1:say'; new since the "
                         "export?)");
    free(out);
    free(msgs);

    /* export --update carries everything over */
    diag_list *diags = diag_list_new();
    xlate_export_options opt = {NULL, TMP "/upd.es.xlf"};
    char *y = xlate_export(path, &opt, &st, diags);
    msgs = diag_text(diags);
    CHECK(y != NULL);
    CHECK_CONTAINS(y, "trgLang=\"es\"");
    CHECK_CONTAINS(y, "<source>Sure, go ahead.</source>\n"
                      "        <target>X-Sure, go ahead.</target>");
    CHECK_CONTAINS(y, "<segment state=\"initial\">\n"
                      "        <source>Likes bold claims</source>\n"
                      "        <target>X-Likes &lt;b&gt;bold&lt;/b&gt; "
                      "claims</target>");
    CHECK_CONTAINS(y, "<note category=\"changed\">The source text changed "
                      "since this was translated. It was: &quot;Likes "
                      "&lt;b&gt;bold&lt;/b&gt; claims&quot;.");
    CHECK_CONTAINS(msgs, "upd.xml:9:5: warning: <persona> changed since it "
                         "was translated (it was \"Likes <b>bold</b> "
                         "claims\"): unit 'customer:persona' keeps the old "
                         "translation, marked for review");
    CHECK_INT(st.texts, 9);
    CHECK_INT(st.translated, 8);
    CHECK_INT(st.moved, 3);
    CHECK_INT(st.untranslated, 1);
    /* the updated file, imported, uses the reviewed-to-be translation with
     * a warning, and "New one." is the one text left */
    CHECK(y != NULL);
    free(msgs);
    msgs = NULL;
    out = y ? import_text(path, y, false, &len, &st, &msgs) : NULL;
    CHECK(out != NULL);
    CHECK_INT(st.untranslated, 1);
    CHECK_INT(st.review, 1);
    CHECK_INT(st.moved, 0);
    free(out);
    free(msgs);
    free(y);
    diag_list_free(diags);
    /* --update into another language is refused */
    diags = diag_list_new();
    opt.lang = "fr";
    y = xlate_export(path, &opt, &st, diags);
    msgs = diag_text(diags);
    CHECK(y == NULL);
    CHECK_CONTAINS(msgs, "upd.es.xlf:2:1: error: this file translates into "
                         "'es', not 'fr'");
    free(msgs);
    diag_list_free(diags);
    free(b);
    free(a);
    free(filled);
    free(x);
    free(orig);
}

/* Translation files that are broken, foreign or hostile: a clear error
 * at the place, nothing built. */
static void test_bad_files(void)
{
    const char *path = RAPPORT_TEST_DATA "/xlate-layout.xml";
    char *x = export_lang(path, "es");
    char *good = x ? fill_targets(x, prefix_x) : NULL;
    CHECK(good != NULL);
    if (!good) {
        free(x);
        return;
    }
    static const struct {
        const char *from;
        const char *to;
        const char *expect;
    } cases[] = {
        /* not well-formed */
        {"</notes>", "</note>",
         "t.xlf:6:5: error: <notes> opened on line 4 is closed by </note>"},
        /* a DOCTYPE with an entity: refused before anything is read */
        {"<xliff ",
         "<!DOCTYPE xliff [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
         "<xliff ",
         "error: <!DOCTYPE> is not allowed in translation files"},
        {"version=\"2.0\"", "version=\"1.2\"", "t.xlf:2:"},
        {"xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"",
         "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"",
         "error: the root element must be <xliff "
         "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">, found <xliff> in "
         "another namespace"},
        {" trgLang=\"es\"", "", "t.xlf:2:1: error:"},
        {"trgLang=\"es\"", "trgLang=\"e s\"", "a language code such as es"},
        {"<file id=\"layout\"", "<file id=\"other\"",
         "t.xlf:3:3: error: this file translates the scenario 'other', not "
         "'layout'"},
        {"<target>X-What?</target>",
         "<target>X-<mrk id=\"m1\" type=\"term\">What</mrk>?</target>",
         "error:"},
        {"<unit id=\"title\">", "<unit id=\"customer:name\">",
         "error: duplicate unit id 'customer:name'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *bad = replace(good, cases[i].from, cases[i].to);
        size_t len = 0;
        xlate_stats st;
        char *msgs = NULL;
        char *out = import_text(path, bad, false, &len, &st, &msgs);
        CHECK(out == NULL);
        CHECK_CONTAINS(msgs, cases[i].expect);
        CHECK(strstr(msgs, "root:") == NULL); /* no file read through it */
        free(out);
        free(msgs);
        free(bad);
    }
    /* a translation longer than a scenario text may be */
    char *big = malloc(5000);
    memset(big, 'a', 4999);
    big[4999] = '\0';
    char *tag = malloc(5100);
    snprintf(tag, 5100, "<target>%s</target>", big);
    char *bad = replace(good, "<target>X-What?</target>", tag);
    size_t len = 0;
    xlate_stats st;
    char *msgs = NULL;
    char *out = import_text(path, bad, false, &len, &st, &msgs);
    CHECK(out == NULL);
    CHECK_CONTAINS(msgs, "error: the translation of unit "
                         "'node:start:choice:2:say' is 4999 characters; a "
                         "scenario's texts are limited to 4000");
    free(out);
    free(msgs);
    free(bad);
    free(tag);
    free(big);
    /* a missing file, a scenario in another encoding */
    diag_list *diags = diag_list_new();
    xlate_import_options opt = {false};
    out = xlate_import(path, TMP "/missing.xlf", &opt, &len, &st, diags);
    msgs = diag_text(diags);
    CHECK(out == NULL);
    CHECK_CONTAINS(msgs, "missing.xlf: error: cannot open the file: no such "
                         "file");
    free(msgs);
    diag_list_clear(diags);
    write_text(TMP "/latin1.xml",
               "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
               "<scenario xmlns=\"urn:rapport:scenario:1\" id=\"layout\">"
               "<title>T</title><customer name=\"C\"/>"
               "<node id=\"n\"><line>Hi</line><choice next=\"e\">"
               "<say>Yes</say></choice></node>"
               "<ending id=\"e\" outcome=\"resolved\"/></scenario>\n");
    write_text(TMP "/t.xlf", good);
    out =
        xlate_import(TMP "/latin1.xml", TMP "/t.xlf", &opt, &len, &st, diags);
    msgs = diag_text(diags);
    CHECK(out == NULL);
    CHECK_CONTAINS(msgs, "latin1.xml:1:1: error: the scenario is saved as "
                         "ISO-8859-1: save it as UTF-8");
    free(msgs);
    diag_list_free(diags);
    free(good);
    free(x);
}

int main(void)
{
    xmlInitParser();
    (void)system("mkdir -p '" TMP "'");
    test_lang_codes();
    test_export_units();
    test_round_trip_identical();
    test_round_trip_translated();
    test_layout_kept();
    test_bom();
    test_import_reports();
    test_update();
    test_bad_files();
    xmlCleanupParser();
    return check_done("test_xlate");
}
