/* phone_page.h — the page a phone shows, as HTML built with libxml2 (every
 * text escaped by the serializer). The same page works without
 * JavaScript: its forms post to /join and /vote. With JavaScript, app.js
 * takes over the forms and updates the page from /api/state.
 *
 * The page links only /app.js and /app.css (no inline script or style,
 * for the Content-Security-Policy default-src 'self'). It carries the
 * scenario's language and direction on <html>; the page's own words are
 * English, marked lang="en".
 *
 * Ownership: phone_page_html returns a malloc'd NUL-terminated string the
 * caller frees; NULL on no memory.
 */
#ifndef RAPPORT_PHONE_PAGE_H
#define RAPPORT_PHONE_PAGE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    PHONE_VIEW_JOIN,    /* not joined: the join form */
    PHONE_VIEW_WAITING, /* joined, between turns */
    PHONE_VIEW_VOTE,    /* a ballot is open */
    PHONE_VIEW_CLOSED,  /* the ballot closed: the vote as recorded */
    PHONE_VIEW_ENDED    /* the session is over */
} phone_view_kind;

typedef struct {
    phone_view_kind kind;
    const char *lang; /* BCP 47 */
    const char *dir;  /* "ltr" or "rtl" */
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
