/* ui_class_phones.h — phones as voting pads in classroom mode (issue 12):
 * the game's side of the phone server (src/net).
 *
 * It starts the server on the LAN address, follows the class session
 * (a ballot opens on the phones while the options are shown and the vote
 * is open, closes with the vote, and the phones wait between turns), and
 * takes the phones' votes into the class session as PHONES entries: one
 * vote per device (a changed vote takes the old one back). Every join and
 * vote is written to the phones journal and made durable before the phone
 * is told "received"; on resume the journal re-creates the devices, their
 * votes and the join code, and the current turn's phone tally is made to
 * match it.
 *
 * Waking: the server's threads push an SDL user event
 * (ui_phones_event_type) when a phone did something; the loop then calls
 * ui_phones_update. Otherwise the loop sleeps as before.
 *
 * Teams mode: a phone picks its team when it joins (the class's team
 * names, served to the phones) and keeps it for the session; its votes
 * are PHONES entries for that team. A vote event whose team is not one
 * of the class's is refused.
 *
 * The panel for the projector (ui_phones_draw) shows the QR code of the
 * join URL, the URL in large type, the join code, the devices joined and,
 * while a vote is open, "Votes in: N of M" (and per team in teams mode,
 * when there is room) — never who voted what.
 *
 * Ownership: ui_phones_new returns an object freed with ui_phones_free
 * (NULL accepted), which stops the server. It borrows nothing.
 */
#ifndef RAPPORT_UI_CLASS_PHONES_H
#define RAPPORT_UI_CLASS_PHONES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "class.h"
#include "ui_text.h"
#include "ui_theme.h"

typedef struct ui_phones ui_phones;

typedef struct {
    const char *address;      /* --address; NULL picks the LAN address */
    unsigned short port;      /* 0: 8765 or the next free one */
    const char *journal_path; /* the phones journal (resumed if it exists) */
    bool nicknames;           /* participants may give a nickname */
    const char *lang;         /* the scenario's language */
    const char *title;        /* shown on the phones */
    /* Teams mode: the class's team names (phones pick one); else 0. */
    const char *const *teams;
    size_t team_count;
    /* Tests: a free port picked by the system, a fixed join code, and the
     * port the projector shows and encodes instead of the real one (so
     * golden images do not depend on the port that was free). */
    bool any_port;
    const char *join_code;
    unsigned short shown_port;
} ui_phones_options;

typedef struct {
    size_t devices;             /* devices joined */
    int votes;                  /* phone votes at the current turn */
    bool open;                  /* a ballot is open on the phones */
    unsigned long long refused; /* requests refused */
    /* teams mode: phones joined and phone votes per team */
    size_t team_count;
    size_t team_devices[CLASS_MAX_TEAMS];
    int team_votes[CLASS_MAX_TEAMS];
} ui_phones_figures;

/* Starts the server. NULL with a message in err (no address, the port,
 * a journal that cannot be read or written). */
ui_phones *ui_phones_new(const ui_phones_options *o, char *err, size_t errlen);
void ui_phones_free(ui_phones *p);

/* The SDL event type the server's threads push (0 when SDL has none). */
Uint32 ui_phones_event_type(const ui_phones *p);

/* Follows the class session and takes the phones' votes into it. now_ms
 * is the UI's clock: when the discussion timer runs out the timer stops
 * and the vote closes if it has votes (else the discussion ends and the
 * vote opens for hands too). Returns true when something on screen
 * changed. */
bool ui_phones_update(ui_phones *p, class_session *c, int64_t now_ms);
/* After a resume: makes the current turn's PHONES tally match the
 * journal (votes saved by the phones journal but not yet by the class
 * journal, or the other way round). Returns the entries added. */
int ui_phones_reconcile(ui_phones *p, class_session *c);

const char *ui_phones_url(const ui_phones *p);
const char *ui_phones_base_url(const ui_phones *p);
const char *ui_phones_code(const ui_phones *p);
/* The port the server listens on (the URL may show another: tests). */
unsigned short ui_phones_port(const ui_phones *p);
ui_phones_figures ui_phones_figures_of(ui_phones *p, const class_session *c);

/* Draws the panel in area: the QR code (dark on white, with its quiet
 * zone) and beside it (a wide area) or under it (a tall one) the URL in
 * large type, the join code, the phones joined and, while a ballot is
 * open, "Votes in: N of M", then in teams mode a line per team when
 * there is room. Text is never smaller than min_px. */
void ui_phones_draw(ui_phones *p, const class_session *c, SDL_Renderer *r,
                    ui_text *text, const ui_theme *theme, SDL_Rect area,
                    int min_px);
/* The same, compact (the vote screen once phones joined), in a wide
 * and low area: a small QR code (at most qr_max pixels; modules of 2
 * pixels at least), then two lines of min_px: the URL and the code, the
 * figures and, when they fit beside them, the teams'. */
void ui_phones_draw_compact(ui_phones *p, const class_session *c,
                            SDL_Renderer *r, ui_text *text,
                            const ui_theme *theme, SDL_Rect area, int min_px,
                            int qr_max);
/* The height the compact panel's words take (two lines at min_px). */
int ui_phones_compact_height(ui_text *text, int min_px);
/* The width a tall panel needs for the URL at min_px (plus nothing). */
int ui_phones_url_width(ui_phones *p, ui_text *text, int min_px);
/* Tests: the QR code's text and where the last ui_phones_draw put it
 * (its rectangle on screen, mirrored on a right-to-left screen, quiet
 * zone included, and the side of one module in pixels); false before the
 * first draw. */
bool ui_phones_qr_drawn(const ui_phones *p, SDL_Rect *rect, int *module_px);
/* Whether the phones were told the vote closed because the timer ran out
 * since the last call (the screen says so once). */
bool ui_phones_timed_out(ui_phones *p);

#endif
