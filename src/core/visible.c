/* visible.c — spaces and characters that draw nothing (see visible.h). */
#include "visible.h"

#include <string.h>

bool visible_is_invisible(uint32_t cp)
{
    switch (cp) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:   /* next line */
    case 0xA0:   /* no-break space */
    case 0xAD:   /* soft hyphen */
    case 0x034F: /* combining grapheme joiner */
    case 0x115F:
    case 0x1160:
    case 0x3164:
    case 0xFFA0: /* Hangul fillers */
    case 0x1680: /* ogham space mark */
    case 0x180E: /* Mongolian vowel separator */
    case 0x2028:
    case 0x2029: /* line and paragraph separators */
    case 0x202F: /* narrow no-break space */
    case 0x205F: /* medium mathematical space */
    case 0x3000: /* ideographic space */
    case 0xFEFF: /* zero-width no-break space (BOM) */
        return true;
    default:
        break;
    }
    /* en quad .. hair space, zero-width space/joiners, marks, word joiner
     * .. invisible plus, bidi controls */
    return (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F);
}

size_t visible_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        return 0;
    }
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t n;
    uint32_t v;
    uint32_t min;
    if ((u[0] & 0xE0) == 0xC0) {
        n = 2;
        v = u[0] & 0x1Fu;
        min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        n = 3;
        v = u[0] & 0x0Fu;
        min = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        n = 4;
        v = u[0] & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len < n) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            return 0;
        }
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return 0;
    }
    *cp = v;
    return n;
}

bool visible_is_blank(const char *s)
{
    if (!s) {
        return true;
    }
    size_t len = strlen(s);
    size_t i = 0;
    while (i < len) {
        uint32_t cp = 0;
        size_t n = visible_decode(s + i, len - i, &cp);
        if (n == 0 || !visible_is_invisible(cp)) {
            return false;
        }
        i += n;
    }
    return true;
}
