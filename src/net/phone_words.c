/* phone_words.c — the phone page's words in the interface language (see
 * phone_words.h). */
#include "phone_words.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The core's i18n.h marks, without linking the core: the same domain, and
 * xgettext finds these strings by the same N_ keyword. */
#define N_(text) text

static const struct {
    const char *key, *text;
} phone_words_table[PHONE_W_COUNT] = {
    [PHONE_W_JOIN_CODE] = {"code", N_("Join code")},
    [PHONE_W_NICK] = {"nick", N_("Nickname or team (optional)")},
    [PHONE_W_YOUR_TEAM] = {"your-team", N_("Your team")},
    /* TRANSLATORS: the phone page's button that joins the class vote. */
    [PHONE_W_JOIN] = {"join", N_("Join")},
    /* TRANSLATORS: %s is the option's letter (A, B, C...). */
    [PHONE_W_RECEIVED] = {"received", N_("Vote received: %s.")},
    /* TRANSLATORS: %s is the option's letter (A, B, C...). */
    [PHONE_W_SENT] = {"sent", N_("Vote sent: %s.")},
    /* TRANSLATORS: %s is the option's letter (A, B, C...). */
    [PHONE_W_CLOSED_VOTE] = {"closed-vote",
                             N_("The vote is closed. Your vote: %s.")},
    [PHONE_W_CHOOSE] = {"choose", N_("Choose one option.")},
    [PHONE_W_CLOSED] = {"closed", N_("The vote is closed.")},
    [PHONE_W_HINT] = {"hint", N_("You can change it until the vote closes.")},
    /* TRANSLATORS: %s is the question's number. */
    [PHONE_W_QUESTION] = {"question", N_("Question %s: choose one")},
    /* TRANSLATORS: read by screen readers before an option's text; %s is
     * its letter. */
    [PHONE_W_OPTION] = {"option", N_("Option %s: ")},
    [PHONE_W_WAITING] = {"waiting", N_("Waiting for the next question…")},
    [PHONE_W_ENDED] = {"ended", N_("The session is over. Thank you!")},
    [PHONE_W_JOINED] = {"joined", N_("Joined")},
    /* TRANSLATORS: %s is the nickname the participant gave. */
    [PHONE_W_JOINED_AS] = {"joined-as", N_("Joined as %s")},
    /* TRANSLATORS: follows "Joined" on the phone page; %s is the team's
     * name. */
    [PHONE_W_TEAM] = {"team", N_(", team %s")},
    /* TRANSLATORS: %s is the option's letter being sent. */
    [PHONE_W_SENDING] = {"sending", N_("Sending %s…")},
    [PHONE_W_TRY_AGAIN] = {"try-again", N_("Try again.")},
    [PHONE_W_NO_CONNECTION] = {"no-connection",
                               N_("No connection to the game. Try again.")},
};

static const struct {
    const char *code, *text;
} phone_words_errors[] = {
    {"bad_code", N_("That join code is not right. Check the screen.")},
    {"not_joined", N_("Join first with the code on the screen.")},
    {"full", N_("This session is full.")},
    {"closed", N_("The vote is closed.")},
    {"bad_option", N_("That option is not on offer.")},
    {"bad_request", N_("The request was not understood.")},
    {"too_big", N_("The request is too large.")},
    {"rate", N_("Too many requests: wait a moment.")},
    {"changes", N_("You cannot change your vote again at this question.")},
    {"stopped", N_("The session has stopped.")},
    {"not_found", N_("Not found.")},
    {"method", N_("Method not allowed.")},
    {"no_memory", N_("The server is out of memory.")},
    {"bad_host", N_("Use the address shown on the screen.")},
    {"bad_origin", N_("Requests from other sites are refused.")},
    {"bad_type", N_("Send a form.")},
    {"bad_team", N_("Choose one of the teams shown.")},
};

#define PHONE_WORDS_ERRORS                                                    \
    (sizeof phone_words_errors / sizeof phone_words_errors[0])

struct phone_words {
    char *word[PHONE_W_COUNT];
    char *error[PHONE_WORDS_ERRORS];
    char *unknown; /* "Error." */
};

static char *phone_words_look_up(const char *text, int *failed)
{
    char *copy = strdup(dgettext(PHONE_DOMAIN, text));
    if (!copy) {
        *failed = 1;
    }
    return copy;
}

phone_words *phone_words_new(void)
{
    phone_words *w = calloc(1, sizeof *w);
    if (!w) {
        return NULL;
    }
    int failed = 0;
    for (size_t i = 0; i < PHONE_W_COUNT; i++) {
        w->word[i] = phone_words_look_up(phone_words_table[i].text, &failed);
    }
    for (size_t i = 0; i < PHONE_WORDS_ERRORS; i++) {
        w->error[i] = phone_words_look_up(phone_words_errors[i].text, &failed);
    }
    w->unknown = phone_words_look_up(N_("Error."), &failed);
    if (failed) {
        phone_words_free(w);
        return NULL;
    }
    return w;
}

void phone_words_free(phone_words *w)
{
    if (!w) {
        return;
    }
    for (size_t i = 0; i < PHONE_W_COUNT; i++) {
        free(w->word[i]);
    }
    for (size_t i = 0; i < PHONE_WORDS_ERRORS; i++) {
        free(w->error[i]);
    }
    free(w->unknown);
    free(w);
}

const char *phone_words_get(const phone_words *w, phone_word id)
{
    if ((unsigned)id >= PHONE_W_COUNT) {
        return "";
    }
    return w ? w->word[id] : phone_words_table[id].text;
}

const char *phone_words_key(phone_word id)
{
    return (unsigned)id < PHONE_W_COUNT ? phone_words_table[id].key : "";
}

const char *phone_words_error(const phone_words *w, const char *code)
{
    for (size_t i = 0; code && i < PHONE_WORDS_ERRORS; i++) {
        if (strcmp(phone_words_errors[i].code, code) == 0) {
            return w ? w->error[i] : phone_words_errors[i].text;
        }
    }
    return w ? w->unknown : "Error.";
}

char *phone_words_fill(char *buf, size_t size, const char *word,
                       const char *value)
{
    if (size == 0) {
        return buf;
    }
    const char *at = strstr(word, "%s");
    if (!at) {
        snprintf(buf, size, "%s", word);
    } else {
        snprintf(buf, size, "%.*s%s%s", (int)(at - word), word,
                 value ? value : "", at + 2);
    }
    return buf;
}
