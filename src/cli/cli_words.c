/* cli_words.c — the core's names in the interface's language (see
 * cli_words.h). Each English word is the core's own, so English reports
 * read as before. */
#include "cli_words.h"

#include "i18n.h"

const char *cli_outcome_word(scenario_outcome outcome)
{
    switch (outcome) {
    case SCENARIO_OUTCOME_RESOLVED:
        return C_("outcome", "resolved");
    case SCENARIO_OUTCOME_PARTIAL:
        return C_("outcome", "partial");
    case SCENARIO_OUTCOME_ESCALATED:
        return C_("outcome", "escalated");
    case SCENARIO_OUTCOME_LOST:
        return C_("outcome", "lost");
    case SCENARIO_OUTCOME_COUNT:
        break;
    }
    return "?";
}

const char *cli_dim_word(int dim)
{
    switch (dim) {
    case SCENARIO_DIM_EMPATHY:
        return C_("score", "empathy");
    case SCENARIO_DIM_HONESTY:
        return C_("score", "honesty");
    case SCENARIO_DIM_PROMPTNESS:
        return C_("score", "promptness");
    case SCENARIO_DIM_COUNT:
        return C_("score", "overall");
    default:
        return "?";
    }
}

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

void cli_print_padded(FILE *out, const char *text, int width)
{
    int columns = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        columns += (*p & 0xC0) != 0x80;
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
