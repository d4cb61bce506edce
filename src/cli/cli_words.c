/* cli_words.c — the core's names in the interface's language (see
 * cli_words.h). Each English word is the core's own, so English reports
 * read as before. */
#include "cli_words.h"

#include <stdint.h>

#include "i18n.h"
#include "words.h"

const char *cli_outcome_word(scenario_outcome outcome)
{
    return words_outcome(outcome);
}

const char *cli_dim_word(int dim) { return words_dim(dim); }

const char *cli_band_word(score_band band)
{
    switch (band) {
    case SCORE_BAND_NEEDS_PRACTICE:
        return C_("band", "needs-practice");
    case SCORE_BAND_DEVELOPING:
        return C_("band", "developing");
    case SCORE_BAND_GOOD:
        return C_("band", "good");
    case SCORE_BAND_EXCELLENT:
        return C_("band", "excellent");
    }
    return "?";
}

const char *cli_cue_word(cue_strategy strategy)
{
    switch (strategy) {
    case CUE_LONGEST:
        return _("always the longest reply");
    case CUE_SHORTEST:
        return _("always the shortest reply");
    case CUE_FIRST:
        return _("always the first option");
    case CUE_LAST:
        return _("always the last option");
    case CUE_APOLOGY:
        return _("always the most apologetic reply");
    case CUE_STOCK_PHRASE:
        return _("always the most stock phrases");
    case CUE_NUMBER:
        return _("always the most numbers");
    case CUE_NAME:
        return _("always the customer's name");
    case CUE_COUNT:
        break;
    }
    return "?";
}

/* Terminal columns of the code point cp: 0 for combining marks (the
 * accents of decomposed Latin, Hebrew points, Arabic harakat) and
 * direction marks, 2 for East Asian wide characters, else 1. */
static int cli_columns(uint32_t cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0591 && cp <= 0x05C7) ||
        (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
        (cp >= 0x06D6 && cp <= 0x06ED) || (cp >= 0x200B && cp <= 0x200F)) {
        return 0;
    }
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)) {
        return 2;
    }
    return 1;
}

void cli_print_padded(FILE *out, const char *text, int width)
{
    int columns = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        uint32_t cp = *p++;
        int more = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
        cp &= more ? 0x3Fu >> more : 0x7Fu;
        for (; more && (*p & 0xC0) == 0x80; more--) {
            cp = (cp << 6) | (*p++ & 0x3Fu);
        }
        columns += cli_columns(cp);
    }
    int pad = (width < 0 ? -width : width) - columns;
    if (width >= 0) {
        fputs(text, out);
    }
    for (; pad > 0; pad--) {
        fputc(' ', out);
    }
    if (width < 0) {
        fputs(text, out);
    }
}
