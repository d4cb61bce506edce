/* words.c — the core's names for people (see words.h). */
#include "words.h"

#include "i18n.h"

const char *words_dim(int dim)
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

const char *words_dim_label(int dim)
{
    switch (dim) {
    case SCENARIO_DIM_EMPATHY:
        return C_("score label", "Empathy");
    case SCENARIO_DIM_HONESTY:
        return C_("score label", "Honesty");
    case SCENARIO_DIM_PROMPTNESS:
        return C_("score label", "Promptness");
    case SCENARIO_DIM_COUNT:
        return C_("score label", "Overall");
    default:
        return "?";
    }
}

const char *words_outcome(scenario_outcome outcome)
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

const char *words_band(score_band band)
{
    switch (band) {
    case SCORE_BAND_EXCELLENT:
        return C_("band", "excellent");
    case SCORE_BAND_GOOD:
        return C_("band", "good");
    case SCORE_BAND_DEVELOPING:
        return C_("band", "developing");
    case SCORE_BAND_NEEDS_PRACTICE:
        return C_("band", "needs practice");
    }
    return "?";
}

const char *words_expression(scenario_expression expression)
{
    switch (expression) {
    case SCENARIO_EXPR_FURIOUS:
        return C_("expression", "furious");
    case SCENARIO_EXPR_IRATE:
        return C_("expression", "irate");
    case SCENARIO_EXPR_ANNOYED:
        return C_("expression", "annoyed");
    case SCENARIO_EXPR_WORRIED:
        return C_("expression", "worried");
    case SCENARIO_EXPR_CONFUSED:
        return C_("expression", "confused");
    case SCENARIO_EXPR_SAD:
        return C_("expression", "sad");
    case SCENARIO_EXPR_CALM:
        return C_("expression", "calm");
    case SCENARIO_EXPR_RELIEVED:
        return C_("expression", "relieved");
    case SCENARIO_EXPR_HAPPY:
        return C_("expression", "happy");
    case SCENARIO_EXPR_AUTO:
    case SCENARIO_EXPR_COUNT:
        break;
    }
    return C_("expression", "auto");
}

const char *words_principle(scenario_principle principle)
{
    switch (principle) {
    case SCENARIO_PRINCIPLE_ACKNOWLEDGE:
        return C_("principle", "acknowledge");
    case SCENARIO_PRINCIPLE_LISTENING:
        return C_("principle", "listening");
    case SCENARIO_PRINCIPLE_SINCERITY:
        return C_("principle", "sincerity");
    case SCENARIO_PRINCIPLE_COMPOSURE:
        return C_("principle", "composure");
    case SCENARIO_PRINCIPLE_INTEGRITY:
        return C_("principle", "integrity");
    case SCENARIO_PRINCIPLE_UNDERSTANDING:
        return C_("principle", "understanding");
    case SCENARIO_PRINCIPLE_PROMPTNESS:
        return C_("principle", "promptness");
    case SCENARIO_PRINCIPLE_VALUE:
        return C_("principle", "value");
    case SCENARIO_PRINCIPLE_FAIRNESS:
        return C_("principle", "fairness");
    case SCENARIO_PRINCIPLE_CLARITY:
        return C_("principle", "clarity");
    case SCENARIO_PRINCIPLE_OWNERSHIP:
        return C_("principle", "ownership");
    case SCENARIO_PRINCIPLE_RESPECT:
        return C_("principle", "respect");
    case SCENARIO_PRINCIPLE_ADAPTABILITY:
        return C_("principle", "adaptability");
    case SCENARIO_PRINCIPLE_KNOWLEDGE:
        return C_("principle", "knowledge");
    case SCENARIO_PRINCIPLE_COUNT:
        break;
    }
    return "?";
}
