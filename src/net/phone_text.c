/* phone_text.c — nicknames and join codes from phones (see phone_text.h).
 * UTF-8 is decoded and classified with libunistring. */
#include "phone_text.h"

#include <string.h>
#include <unictype.h>
#include <unistr.h>

static bool phone_text_dropped(ucs4_t c)
{
    if (c == 0x200C || c == 0x200D) {
        return false; /* ZWNJ, ZWJ: Persian, Indic, emoji sequences */
    }
    return uc_is_general_category(c, UC_CONTROL) ||
           uc_is_general_category(c, UC_FORMAT) ||
           uc_is_general_category(c, UC_LINE_SEPARATOR) ||
           uc_is_general_category(c, UC_PARAGRAPH_SEPARATOR) ||
           uc_is_general_category(c, UC_SURROGATE) ||
           uc_is_general_category(c, UC_PRIVATE_USE) ||
           uc_is_general_category(c, UC_UNASSIGNED);
}

int phone_text_clean_nick(const char *in, size_t max_chars, char *out,
                          size_t outsize)
{
    if (!out || outsize == 0) {
        return -1;
    }
    out[0] = '\0';
    if (!in) {
        return 0;
    }
    const uint8_t *s = (const uint8_t *)in;
    size_t n = strlen(in);
    if (u8_check(s, n) != NULL) {
        return -1;
    }
    size_t len = 0, chars = 0;
    bool space = false;
    const uint8_t *p = s;
    ucs4_t c;
    while (*p) {
        const uint8_t *next = u8_next(&c, p);
        if (!next) {
            break;
        }
        size_t clen = (size_t)(next - p);
        bool ascii_space = c == ' ' || (c >= '\t' && c <= '\r');
        if (!ascii_space && phone_text_dropped(c)) {
            /* dropped */
        } else if (ascii_space ||
                   uc_is_general_category(c, UC_SPACE_SEPARATOR)) {
            space = len > 0;
        } else {
            size_t need = clen + (space ? 1 : 0);
            size_t need_chars = space ? 2 : 1;
            if (chars + need_chars > max_chars || len + need + 1 > outsize) {
                break;
            }
            if (space) {
                out[len++] = ' ';
                chars++;
                space = false;
            }
            memcpy(out + len, p, clen);
            len += clen;
            chars++;
        }
        p = next;
    }
    out[len] = '\0';
    return (int)len;
}

bool phone_text_is_code(const char *code, size_t digits)
{
    if (!code || strlen(code) != digits) {
        return false;
    }
    for (size_t i = 0; i < digits; i++) {
        if (code[i] < '0' || code[i] > '9') {
            return false;
        }
    }
    return true;
}

bool phone_text_is_token(const char *token, size_t len)
{
    if (!token || strlen(token) != len) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        char ch = token[i];
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
            return false;
        }
    }
    return true;
}
