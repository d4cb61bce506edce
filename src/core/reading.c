/* reading.c — words for reading time and the staged reveal (see
 * reading.h). */
#include "reading.h"

#include <stdbool.h>
#include <stdint.h>

#include <libxml/xmlstring.h>

typedef enum {
    READING_SPACE,
    READING_CJK,      /* a word on its own */
    READING_CJK_SIGN, /* CJK punctuation: with the character before it */
    READING_SEA,      /* letters counted in groups */
    READING_SEA_MARK, /* a combining mark of those scripts */
    READING_OTHER     /* letters of scripts written with spaces */
} reading_class;

static reading_class reading_class_of(uint32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000) {
        return READING_SPACE;
    }
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
        (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0xFF66 && c <= 0xFF9F)) {
        return READING_CJK;
    }
    if ((c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65)) {
        return READING_CJK_SIGN;
    }
    /* Thai, Lao: vowel signs above and below, tone marks */
    if (c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) ||
        (c >= 0x0E47 && c <= 0x0E4E) || c == 0x0EB1 ||
        (c >= 0x0EB4 && c <= 0x0EBC) || (c >= 0x0EC8 && c <= 0x0ECE) ||
        /* Khmer dependent vowels and signs; Myanmar vowel signs, medials
         * and tones */
        (c >= 0x17B4 && c <= 0x17D3) || c == 0x17DD ||
        (c >= 0x102B && c <= 0x103E) || (c >= 0x1056 && c <= 0x1059) ||
        (c >= 0x105E && c <= 0x1060) || (c >= 0x1062 && c <= 0x1064) ||
        (c >= 0x1067 && c <= 0x106D) || (c >= 0x1071 && c <= 0x1074) ||
        (c >= 0x1082 && c <= 0x108D) || c == 0x108F ||
        (c >= 0x109A && c <= 0x109D)) {
        return READING_SEA_MARK;
    }
    if ((c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1780 && c <= 0x17FF) ||
        (c >= 0x1000 && c <= 0x109F)) {
        return READING_SEA;
    }
    return READING_OTHER;
}

/* The character at text[i] (its class and byte length). */
static reading_class reading_at(const char *text, size_t i, size_t *len)
{
    const unsigned char *p = (const unsigned char *)text + i;
    if (*p < 0x80) {
        *len = 1;
        return reading_class_of(*p);
    }
    int n = 4;
    int c = xmlGetUTF8Char(p, &n);
    if (c < 0 || n <= 0) {
        *len = 1; /* not UTF-8: a character of its own */
        return READING_OTHER;
    }
    *len = (size_t)n;
    return reading_class_of((uint32_t)c);
}

size_t reading_word_end(const char *text, size_t from)
{
    if (!text) {
        return 0;
    }
    size_t i = from;
    size_t len = 0;
    reading_class k = READING_SPACE;
    /* skip spaces (and marks or signs with no character before them) */
    while (text[i]) {
        k = reading_at(text, i, &len);
        if (k != READING_SPACE) {
            break;
        }
        i += len;
    }
    if (!text[i]) {
        return 0;
    }
    size_t letters = 0;
    bool first = true;
    bool other = false;
    while (text[i]) {
        k = reading_at(text, i, &len);
        if (k == READING_SPACE) {
            break;
        }
        if (!first) {
            /* a word of one kind ends where another kind begins */
            if (k == READING_CJK) {
                break;
            }
            if (k == READING_SEA && letters >= READING_SEA_LETTERS) {
                break;
            }
        }
        if (k == READING_SEA) {
            if (other) {
                break; /* Thai after Latin letters: a new word */
            }
            letters++;
        } else if (k == READING_OTHER) {
            if (letters > 0) {
                break; /* Latin after Thai letters: a new word */
            }
            other = true;
        }
        i += len;
        if (k == READING_CJK) {
            /* its punctuation goes with it */
            while (text[i] && reading_at(text, i, &len) == READING_CJK_SIGN) {
                i += len;
            }
            break;
        }
        first = false;
    }
    return i;
}

size_t reading_word_count(const char *text)
{
    size_t count = 0;
    size_t at = 0;
    while ((at = reading_word_end(text, at)) != 0) {
        count++;
    }
    return count;
}
