/* test_textlay.c — the text layout and font fallback, without SDL: widths
 * come from a measure that counts code points (10 px each), so lines,
 * runs and the work done are exact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "font.h"
#include "textlay.h"

#define REGULAR RAPPORT_ASSETS "/fonts/NotoSans-Regular.ttf"
#define BOLD RAPPORT_ASSETS "/fonts/NotoSans-Bold.ttf"

static int test_measure(void *ctx, const textlay_piece *p)
{
    (void)ctx;
    int n = 0;
    for (size_t i = 0; i < p->len; i++) {
        n += ((unsigned char)p->text[i] & 0xC0u) != 0x80u;
    }
    return n * 10;
}

static textlay *test_lay(font_set *fs, const char *text, int wrap, bool rtl,
                         const char *lang)
{
    textlay_style st = {wrap, 0, rtl, false, lang};
    textlay *lay = textlay_new(fs, text, &st, test_measure, NULL, NULL);
    CHECK(lay != NULL);
    return lay;
}

/* The text of a line in visual order, runs joined with '|'. */
static void test_visual(const textlay *lay, size_t line, char *buf, size_t len)
{
    const textlay_line *l = textlay_line_at(lay, line);
    buf[0] = '\0';
    for (size_t i = 0; i < l->run_count; i++) {
        const textlay_run *r = textlay_run_at(lay, l->run_first + i);
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, "%s%.*s", i ? "|" : "",
                 (int)r->piece.len, r->piece.text);
    }
}

static void test_lang(void)
{
    CHECK(textlay_lang_rtl("ar"));
    CHECK(textlay_lang_rtl("he"));
    CHECK(textlay_lang_rtl("fa-IR"));
    CHECK(textlay_lang_rtl("ur"));
    CHECK(textlay_lang_rtl("az-Arab"));
    CHECK(!textlay_lang_rtl("az-Latn"));
    CHECK(!textlay_lang_rtl("en"));
    CHECK(!textlay_lang_rtl("ja"));
    CHECK(!textlay_lang_rtl("arn")); /* Mapudungun, not Arabic */
    CHECK(!textlay_lang_rtl(NULL));
    CHECK(!textlay_lang_rtl(""));
}

/* Each script gets a face that has it: the bundled one for Latin, a
 * fallback (a Noto family) for the rest; the colour font for emoji. */
static void test_fallback(font_set *fs)
{
    static const struct {
        unsigned cp;
        const char *family;
    } cases[] = {
        {'A', "Noto Sans"},     {0x05D0, "Hebrew"}, {0x0627, "Arabic"},
        {0x0915, "Devanagari"}, {0x0E01, "Thai"},   {0x4E2D, "CJK"},
        {0x3042, "CJK"},        {0xAC00, "CJK"},    {0x1F600, "Emoji"},
        {0x2192, "Noto"},       {0x2713, "Noto"},   {0x2605, "Noto"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const font_face *f = font_set_face_for(fs, cases[i].cp, false, "");
        CHECK(f != NULL);
        if (!f) {
            continue;
        }
        CHECK(font_face_has(f, cases[i].cp));
        if (!strstr(font_face_family(f), cases[i].family)) {
            fprintf(stderr, "U+%04X: %s, expected %s\n", cases[i].cp,
                    font_face_family(f), cases[i].family);
            CHECK(!"unexpected family");
        }
    }
    CHECK(font_face_bundled(font_set_face_for(fs, 'A', false, "")));
    CHECK(font_face_color(font_set_face_for(fs, 0x1F600, false, "")));
    /* Nothing draws a private-use character. */
    CHECK(font_set_face_for(fs, 0xE000, false, "") == NULL);
    CHECK(font_invisible(0x200D));
    CHECK(font_invisible(0xFE0F));
    CHECK(!font_invisible(0x05D0));
    /* The installed fonts are sorted once per weight and language. */
    unsigned long sorts = font_set_sorts(fs);
    for (unsigned cp = 0x4E00; cp < 0x4F00; cp++) {
        font_set_face_for(fs, cp, false, "");
    }
    CHECK_INT(font_set_sorts(fs), sorts);
    /* Han in Chinese and in Japanese: two sorts, each with its forms. */
    const font_face *ja = font_set_face_for(fs, 0x76F4, false, "ja");
    const font_face *zh = font_set_face_for(fs, 0x76F4, false, "zh-cn");
    CHECK(ja && strstr(font_face_family(ja), "JP"));
    CHECK(zh && strstr(font_face_family(zh), "SC"));
    char name[128];
    font_char_name(0x05D0, name, sizeof name);
    CHECK_STR(name, "U+05D0 HEBREW LETTER ALEF");
    font_char_name(0xE000, name, sizeof name);
    CHECK_STR(name, "U+E000 (private use)");
    CHECK(font_suggest(0xE000) == NULL);
    CHECK(strstr(font_suggest(0x4E2D), "fonts-noto-cjk") != NULL);
    CHECK(strstr(font_suggest(0x1F600), "emoji") != NULL);
    char families[256];
    font_set_families_for(fs, 0x05D0, 3, families, sizeof families);
    CHECK(strstr(families, "Hebrew") != NULL);
}

/* Runs: one per face, level and script; missing characters counted. */
static void test_runs(font_set *fs)
{
    textlay *lay = test_lay(fs, "Hi \xF0\x9F\x98\x80 there", 0, false, "en");
    CHECK_INT(textlay_line_count(lay), 1);
    const textlay_line *l = textlay_line_at(lay, 0);
    CHECK_INT(l->run_count, 3);
    CHECK_INT(textlay_fallback_runs(lay), 1);
    CHECK_INT(textlay_missing(lay), 0);
    CHECK_INT(l->w, 100);
    textlay_free(lay);
    lay = test_lay(fs, "a\xEE\x80\x80z", 0, false, "en");
    CHECK_INT(textlay_missing(lay), 1);
    textlay_free(lay);
    /* Arabic shaped as one run (its spaces with it), right to left. */
    lay = test_lay(fs,
                   "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
                   "\xD8\xA8\xD9\x83\xD9\x85",
                   0, true, "ar");
    l = textlay_line_at(lay, 0);
    CHECK_INT(l->run_count, 1);
    const textlay_run *r = textlay_run_at(lay, l->run_first);
    CHECK(r->piece.rtl);
    CHECK_STR(r->piece.script, "Arab");
    CHECK(strstr(font_face_family(r->piece.face), "Arabic") != NULL);
    textlay_free(lay);
}

/* Bidi: Hebrew with English and numbers, in a right-to-left paragraph
 * and in a left-to-right one. */
static void test_bidi(font_set *fs)
{
    /* "שלום Premium Plus 42 תודה" */
    const char *text = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D Premium Plus 42 "
                       "\xD7\xAA\xD7\x95\xD7\x93\xD7\x94";
    char buf[256];
    textlay *lay = test_lay(fs, text, 0, true, "he");
    test_visual(lay, 0, buf, sizeof buf);
    /* Left to right on screen: the last Hebrew word, the English words
     * with the number after them (in their own order), the first Hebrew
     * word (its space, shaped right to left, on its left). */
    CHECK_STR(buf, "\xD7\xAA\xD7\x95\xD7\x93\xD7\x94| |Premium Plus 42|"
                   "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D ");
    const textlay_line *l = textlay_line_at(lay, 0);
    CHECK(textlay_run_at(lay, l->run_first)->piece.rtl);
    CHECK(!textlay_run_at(lay, l->run_first + 2)->piece.rtl);
    textlay_free(lay);
    /* A number after Hebrew keeps its digits left to right, and the full
     * stop ends the line on the left: "מספר 4821." */
    lay =
        test_lay(fs, "\xD7\x9E\xD7\xA1\xD7\xA4\xD7\xA8 4821.", 0, true, "he");
    test_visual(lay, 0, buf, sizeof buf);
    CHECK_STR(buf, ".|4821|\xD7\x9E\xD7\xA1\xD7\xA4\xD7\xA8 ");
    textlay_free(lay);
    /* The same words in a left-to-right paragraph: Hebrew runs reversed
     * in place. */
    lay = test_lay(fs,
                   "Order 42: \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
                   "\xD7\xAA\xD7\x95\xD7\x93\xD7\x94 ok",
                   0, false, "en");
    test_visual(lay, 0, buf, sizeof buf);
    CHECK_STR(buf, "Order 42: |\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
                   "\xD7\xAA\xD7\x95\xD7\x93\xD7\x94| |ok");
    l = textlay_line_at(lay, 0);
    CHECK(textlay_run_at(lay, l->run_first + 1)->piece.rtl);
    textlay_free(lay);
}

/* Japanese has no spaces: lines break between characters, never before
 * a closing mark (。), and none is wider than the width. */
static void test_cjk_wrap(font_set *fs)
{
    const char *text = "\xE3\x82\x82\xE3\x81\x97\xE3\x82\x82\xE3\x81\x97"
                       "\xE3\x80\x81\xE5\x85\x88\xE9\x80\xB1\xE3\x81\xAE"
                       "\xE6\x9C\x88\xE6\x9B\x9C\xE6\x97\xA5\xE3\x81\xAB"
                       "\xE6\xB3\xA8\xE6\x96\x87\xE3\x81\x97\xE3\x81\x9F"
                       "\xE9\x9B\xBB\xE6\xB0\x97\xE3\x82\xB1\xE3\x83\x88"
                       "\xE3\x83\xAB\xE3\x81\x8C\xE3\x81\xBE\xE3\x81\xA0"
                       "\xE5\xB1\x8A\xE3\x81\x84\xE3\x81\xA6\xE3\x81\x84"
                       "\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93\xE3\x80\x82";
    textlay *lay = test_lay(fs, text, 100, false, "ja");
    CHECK(textlay_line_count(lay) >= 3);
    for (size_t i = 0; i < textlay_line_count(lay); i++) {
        const textlay_line *l = textlay_line_at(lay, i);
        CHECK(l->w <= 100);
        CHECK(l->w > 0);
        /* No line starts with 、 or 。 */
        CHECK(strncmp(text + l->src_start, "\xE3\x80\x81", 3) != 0);
        CHECK(strncmp(text + l->src_start, "\xE3\x80\x82", 3) != 0);
    }
    CHECK_INT(textlay_missing(lay), 0);
    textlay_free(lay);
    /* A Latin word wider than the line is cut between graphemes. */
    lay = test_lay(fs, "go Supercalifragilistic now", 60, false, "en");
    for (size_t i = 0; i < textlay_line_count(lay); i++) {
        CHECK(textlay_line_at(lay, i)->w <= 60);
    }
    CHECK(textlay_line_count(lay) >= 5);
    textlay_free(lay);
}

static void test_ellipsis(font_set *fs)
{
    textlay_style st = {100, 2, false, false, "en"};
    textlay_scratch *scratch = textlay_scratch_new();
    textlay *lay = textlay_new(fs, "one two three four five six seven eight",
                               &st, test_measure, NULL, scratch);
    CHECK(lay != NULL);
    CHECK(textlay_truncated(lay));
    CHECK_INT(textlay_line_count(lay), 2);
    const textlay_line *l = textlay_line_at(lay, 1);
    CHECK(l->ellipsis);
    CHECK(l->w <= 100);
    char buf[128];
    test_visual(lay, 1, buf, sizeof buf);
    /* "three four" and the ellipsis would be 11 wide: cut to fit. */
    CHECK_STR(buf, "three fou\xE2\x80\xA6");
    textlay_free(lay);
    textlay_scratch_free(scratch);
}

/* The work is linear in the text: 1, 4 and 16 times the paragraph are
 * measured in at most four times their bytes, wrapped or on one line
 * (measuring the line again after every word would not be). */
static void test_linear(font_set *fs)
{
    const char *para =
        "When a customer calls about a late parcel, say sorry first, then "
        "look it up while they are still on the line, and tell them the "
        "truth about when it will come. \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
        "\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 ";
    size_t plen = strlen(para);
    /* A column, lines that 16 copies fill a few times (a line is never
     * measured whole more than a few times however long), one line. */
    static const int widths[] = {300, 10000, 0};
    for (size_t w = 0; w < 3; w++) {
        size_t bytes[3];
        static const int times[] = {1, 4, 16};
        for (int k = 0; k < 3; k++) {
            char *text = malloc(plen * (size_t)times[k] + 1);
            text[0] = '\0';
            for (int i = 0; i < times[k]; i++) {
                strcat(text, para);
            }
            textlay *lay = test_lay(fs, text, widths[w], false, "en");
            bytes[k] = textlay_measured_bytes(lay);
            textlay_free(lay);
            free(text);
        }
        /* At most four passes over the text (pieces, a few whole
         * lines near the edge, the lines as laid out), at every size. */
        for (int k = 0; k < 3; k++) {
            if (bytes[k] > plen * (size_t)times[k] * 4) {
                fprintf(stderr, "wrap %d, %dx: %zu bytes measured for %zu\n",
                        widths[w], times[k], bytes[k],
                        plen * (size_t)times[k]);
            }
            CHECK(bytes[k] <= plen * (size_t)times[k] * 4);
        }
    }
}

int main(void)
{
    font_set *fs = font_set_new(REGULAR, BOLD);
    CHECK(fs != NULL);
    CHECK(font_set_primary(fs, false) != NULL);
    test_lang();
    test_fallback(fs);
    test_runs(fs);
    test_bidi(fs);
    test_cjk_wrap(fs);
    test_ellipsis(fs);
    test_linear(fs);
    font_set_free(fs);
    /* Without the bundled fonts, fontconfig alone answers. */
    fs = font_set_new(NULL, NULL);
    CHECK(fs != NULL && font_set_primary(fs, false) == NULL);
    CHECK(font_set_face_for(fs, 'A', false, "") != NULL);
    font_set_free(fs);
    return check_done("test_textlay");
}
