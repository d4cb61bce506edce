/* phone_words.h — the phone page's own words ("Join", "Vote received",
 * the waiting screen, errors...) in the facilitator's interface language.
 *
 * The words are looked up in the game's gettext catalogue (domain
 * "rapport", the language the app layer chose) once, when the server is
 * made, on the caller's thread: the server's threads then only read
 * copies, and a change of language while phones vote cannot race with
 * them. The net library does not link the core: it looks words up with
 * libintl's dgettext directly (PHONE_DOMAIN below, the same domain and
 * marks as the core's _()). The server's and the journal's error messages
 * for the facilitator (phone_err, phone_journal_err: gettext keywords in
 * po/pot.cmake) are looked up the same way, on the caller's thread.
 *
 * Words with a value hold one "%s" where it goes (a letter, a number, a
 * nickname): the page puts the value in there, and app.js does the same
 * with the words it gets from the page's data-w-* attributes.
 *
 * Ownership: phone_words_new returns an object phone_words_free frees
 * (NULL accepted). A NULL phone_words gives the English words.
 */
#ifndef RAPPORT_PHONE_WORDS_H
#define RAPPORT_PHONE_WORDS_H

#include <stddef.h>

/* The game's gettext domain (the core's I18N_DOMAIN). */
#define PHONE_DOMAIN "rapport"

typedef enum {
    PHONE_W_JOIN_CODE,     /* the join form's code label */
    PHONE_W_NICK,          /* the nickname label */
    PHONE_W_YOUR_TEAM,     /* the teams' legend */
    PHONE_W_JOIN,          /* the join button */
    PHONE_W_RECEIVED,      /* "Vote received: %s." */
    PHONE_W_SENT,          /* "Vote sent: %s." */
    PHONE_W_CLOSED_VOTE,   /* "The vote is closed. Your vote: %s." */
    PHONE_W_CHOOSE,        /* "Choose one option." */
    PHONE_W_CLOSED,        /* "The vote is closed." */
    PHONE_W_HINT,          /* "You can change it until the vote closes." */
    PHONE_W_QUESTION,      /* "Question %s: choose one" */
    PHONE_W_OPTION,        /* "Option %s: " (screen readers) */
    PHONE_W_WAITING,       /* the waiting screen */
    PHONE_W_ENDED,         /* the end of the session */
    PHONE_W_JOINED,        /* footer: "Joined" */
    PHONE_W_JOINED_AS,     /* footer: "Joined as %s" */
    PHONE_W_TEAM,          /* footer: ", team %s" */
    PHONE_W_SENDING,       /* "Sending %s…" (app.js) */
    PHONE_W_TRY_AGAIN,     /* an error without a message (app.js) */
    PHONE_W_NO_CONNECTION, /* the game does not answer (app.js) */
    PHONE_W_COUNT
} phone_word;

typedef struct phone_words phone_words;

/* Looks every word up in the catalogue now. NULL on no memory. */
phone_words *phone_words_new(void);
void phone_words_free(phone_words *w);

/* The word (never NULL; English when w is NULL). Belongs to w. */
const char *phone_words_get(const phone_words *w, phone_word id);

/* The word's name in the page's data-w-NAME attribute, read by app.js. */
const char *phone_words_key(phone_word id);

/* The message for an error code of the JSON errors ("bad_code"...): the
 * sentence the phone shows. Belongs to w. */
const char *phone_words_error(const phone_words *w, const char *code);

/* Writes word with its "%s" replaced by value into buf (always
 * terminated; a word without "%s" is copied as it is). Returns buf. */
char *phone_words_fill(char *buf, size_t size, const char *word,
                       const char *value);

#endif
