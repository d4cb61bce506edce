/* phone_page.h — the page a phone shows, as HTML built with libxml2 (every
 * text escaped by the serializer). The same page works without
 * JavaScript: its forms post to /join and /vote. With JavaScript, app.js
 * takes over the forms and updates the page from /api/state.
 *
 * The page links only /app.js and /app.css (no inline script or style,
 * for the Content-Security-Policy default-src 'self'). Its own words
 * ("Join", "Vote received"...) are in the facilitator's interface language
 * (phone_words), whose code and direction <html> carries; the scenario's
 * texts (title, options, team names) carry the scenario's lang, with
 * dir="auto". <body> carries every word app.js shows as a data-w-NAME
 * attribute (phone_words_key), so the script shows them in the same
 * language without a word of its own.
 *
 * Ownership: phone_page_html returns a malloc'd NUL-terminated string the
 * caller frees; NULL on no memory.
 */
#ifndef RAPPORT_PHONE_PAGE_H
#define RAPPORT_PHONE_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "phone_words.h"

typedef enum {
    PHONE_VIEW_JOIN,    /* not joined: the join form */
    PHONE_VIEW_WAITING, /* joined, between turns */
    PHONE_VIEW_VOTE,    /* a ballot is open */
    PHONE_VIEW_CLOSED,  /* the ballot closed: the vote as recorded */
    PHONE_VIEW_ENDED    /* the session is over */
} phone_view_kind;

typedef struct {
    phone_view_kind kind;
    /* The page's words and their language (BCP 47) and direction ("ltr"
     * or "rtl"); NULL: English, "en", "ltr". */
    const phone_words *words;
    const char *ui_lang;
    const char *ui_dir;
    const char *lang; /* the scenario's language (BCP 47) */
    const char *dir;  /* the scenario's direction: "ltr" or "rtl" */
    const char *title;
    const char *code; /* join form: prefilled code, or NULL */
    bool nicknames;   /* join form: ask for a nickname */
    /* Teams mode: the join form asks for one of these (a radio button
     * each, value its 0-based index); joined: the device's team, or -1. */
    const char *const *teams;
    size_t team_count;
    int team;
    const char *nick;   /* joined: the device's nickname, or NULL */
    const char *notice; /* an error or status line, or NULL */
    unsigned ballot;
    const char *const *options;
    size_t option_count;
    int vote;   /* 0-based option voted at this ballot, or -1 */
    bool saved; /* the vote is saved by the game */
} phone_view;

char *phone_page_html(const phone_view *v, size_t *len);

#endif
