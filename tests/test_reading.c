/* Tests of reading.h: words for reading time and the staged reveal, in
 * scripts written with and without spaces. */
#include <string.h>

#include "check.h"
#include "reading.h"

/* The words of text, joined with '|', into out. */
static void test_split(const char *text, char *out, size_t size)
{
    size_t at = 0;
    size_t start = 0;
    size_t o = 0;
    out[0] = '\0';
    while ((at = reading_word_end(text, start)) != 0) {
        while (text[start] == ' ' || text[start] == '\n') {
            start++;
        }
        int n = snprintf(out + o, size - o, "%s%.*s", o ? "|" : "",
                         (int)(at - start), text + start);
        o += (size_t)n;
        start = at;
    }
}

static void check_split(const char *text, const char *want)
{
    char got[512];
    test_split(text, got, sizeof got);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "split of \"%s\": got \"%s\", want \"%s\"\n", text,
                got, want);
    }
    CHECK_STR(got, want);
}

int main(void)
{
    CHECK_INT(reading_word_count(NULL), 0);
    CHECK_INT(reading_word_count(""), 0);
    CHECK_INT(reading_word_count("   \n "), 0);
    CHECK_INT(reading_word_count("I can fix that today."), 5);
    check_split("  two  words\nthree", "two|words|three");
    /* Arabic and Hebrew are written with spaces: words as usual */
    CHECK_INT(reading_word_count("\xd8\xa3\xd8\xb9\xd8\xaa\xd8\xb0\xd8\xb1 "
                                 "\xd8\xb9\xd9\x86 \xd9\x87\xd8\xb0\xd8\xa7"),
              3);
    /* Chinese: one word a character, punctuation with the one before */
    check_split("\xe4\xbd\xa0\xe5\xa5\xbd\xe3\x80\x82\xe6\x88\x91",
                "\xe4\xbd\xa0|\xe5\xa5\xbd\xe3\x80\x82|\xe6\x88\x91");
    /* a Latin word inside Japanese stays whole */
    check_split("ID\xe3\x81\xaf"
                "42\xe3\x81\xa7\xe3\x81\x99",
                "ID|\xe3\x81\xaf|42|\xe3\x81\xa7|\xe3\x81\x99");
    /* Thai: three letters a word, marks with their letter
     * (ขอโทษครับ: ข อ โ ท ษ ค ร ั บ) */
    check_split("\xe0\xb8\x82\xe0\xb8\xad\xe0\xb9\x82\xe0\xb8\x97\xe0\xb8\xa9"
                "\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a",
                "\xe0\xb8\x82\xe0\xb8\xad\xe0\xb9\x82|"
                "\xe0\xb8\x97\xe0\xb8\xa9\xe0\xb8\x84|"
                "\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a");
    /* a 40-character Chinese sentence is not one word (its reading time
     * was 0.3 s) */
    char zh[200] = "";
    for (int i = 0; i < 40; i++) {
        strcat(zh, "\xe5\xad\x97");
    }
    CHECK_INT(reading_word_count(zh), 40);
    /* not UTF-8: a byte is a character, nothing is skipped or split */
    CHECK_INT(reading_word_count("ab\xff\xfe cd"), 2);
    CHECK_INT(reading_word_end("ab\xff", 0), 3);
    return check_done("test_reading");
}
