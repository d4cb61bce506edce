/* ui_class_phones.c — phones as voting pads in classroom mode (see
 * ui_class_phones.h). */
#include "ui_class_phones.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "phone_addr.h"
#include "phone_journal.h"
#include "phone_qr.h"
#include "phone_server.h"
#include "session.h"
#include "ui_draw.h"

struct ui_phones {
    phone_server *server;
    phone_journal *journal;
    phone_journal_data *resumed; /* kept for ui_phones_reconcile */
    phone_qr *qr;
    Uint32 event_type;
    bool lang_rtl;
    /* what the phones were last told */
    enum {
        UI_PHONES_WAIT,
        UI_PHONES_OPEN,
        UI_PHONES_CLOSED,
        UI_PHONES_END
    } told;
    unsigned ballot;
    bool timed_out; /* the timer closed the vote; not told yet */
    /* the URLs shown and encoded (the server's, or with the tests' port) */
    char url[128];
    char base_url[128];
    SDL_Rect qr_rect; /* where it was drawn last */
    int qr_module;
};

static void ui_phones_wake(void *user)
{
    ui_phones *p = user;
    if (p->event_type == 0) {
        return;
    }
    /* Several events pending are as good as one: the loop drains all. */
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = p->event_type;
    SDL_PushEvent(&ev); /* thread-safe */
}

static bool ui_phones_rtl(const char *lang)
{
    static const char *const rtl[] = {"ar", "he", "fa",  "ur", "ps",
                                      "yi", "dv", "ckb", "sd", "ug"};
    if (!lang) {
        return false;
    }
    for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++) {
        size_t n = strlen(rtl[i]);
        if (strncmp(lang, rtl[i], n) == 0 &&
            (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_')) {
            return true;
        }
    }
    return false;
}

/* The server's URL, or with shown_port for its port (tests). */
static void ui_phones_show(const ui_phones *p, const char *real, char *out,
                           size_t len, unsigned short shown_port)
{
    char from[16];
    snprintf(from, sizeof from, ":%u/", phone_server_port(p->server));
    const char *at = shown_port ? strstr(real, from) : NULL;
    if (!at) {
        snprintf(out, len, "%s", real);
        return;
    }
    snprintf(out, len, "%.*s:%u/%s", (int)(at - real), real, shown_port,
             at + strlen(from));
}

ui_phones *ui_phones_new(const ui_phones_options *o, char *err, size_t errlen)
{
    char address[16];
    if (phone_addr_pick(o->address, address, err, errlen) != 0) {
        return NULL;
    }
    ui_phones *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    p->event_type = SDL_RegisterEvents(1);
    if (p->event_type == (Uint32)-1) {
        p->event_type = 0;
    }
    p->lang_rtl = ui_phones_rtl(o->lang);
    if (o->journal_path) {
        FILE *f = fopen(o->journal_path, "r");
        if (f) {
            fclose(f);
            p->resumed = phone_journal_read(o->journal_path, err, errlen);
            if (!p->resumed) {
                free(p);
                return NULL;
            }
        }
    }
    phone_options so = {0};
    so.address = address;
    so.port = o->port;
    so.join_code = p->resumed ? p->resumed->code : o->join_code;
    so.any_port = o->any_port;
    so.nicknames = o->nicknames;
    so.teams = o->teams;
    so.team_count = o->team_count;
    so.lang = o->lang;
    so.dir = p->lang_rtl ? "rtl" : "ltr";
    /* the page's own words: the language the game runs in */
    so.ui_lang = i18n_lang();
    so.ui_dir = i18n_rtl() ? "rtl" : "ltr";
    so.title = o->title;
    so.wake = ui_phones_wake;
    so.wake_user = p;
    p->server = phone_server_new(&so, err, errlen);
    if (!p->server) {
        ui_phones_free(p);
        return NULL;
    }
    if (p->resumed && phone_journal_restore(p->resumed, p->server) != 0) {
        snprintf(err, errlen,
                 "%s: a device in the phones journal could not "
                 "be restored",
                 o->journal_path);
        ui_phones_free(p);
        return NULL;
    }
    if (o->journal_path) {
        p->journal = phone_journal_open(
            o->journal_path, phone_server_code(p->server), err, errlen);
        if (!p->journal) {
            ui_phones_free(p);
            return NULL;
        }
    }
    if (phone_server_start(p->server, err, errlen) != 0) {
        ui_phones_free(p);
        return NULL;
    }
    ui_phones_show(p, phone_server_url(p->server), p->url, sizeof p->url,
                   o->shown_port);
    ui_phones_show(p, phone_server_base_url(p->server), p->base_url,
                   sizeof p->base_url, o->shown_port);
    p->qr = phone_qr_new(p->url);
    if (!p->qr) {
        snprintf(err, errlen, "cannot make the QR code of %s", p->url);
        ui_phones_free(p);
        return NULL;
    }
    return p;
}

void ui_phones_free(ui_phones *p)
{
    if (!p) {
        return;
    }
    phone_server_free(p->server);
    phone_journal_close(p->journal);
    phone_journal_data_free(p->resumed);
    phone_qr_free(p->qr);
    free(p);
}

Uint32 ui_phones_event_type(const ui_phones *p)
{
    return p ? p->event_type : 0;
}

const char *ui_phones_url(const ui_phones *p) { return p->url; }

unsigned short ui_phones_port(const ui_phones *p)
{
    return phone_server_port(p->server);
}

const char *ui_phones_base_url(const ui_phones *p) { return p->base_url; }

bool ui_phones_qr_drawn(const ui_phones *p, SDL_Rect *rect, int *module_px)
{
    if (!p || p->qr_module == 0) {
        return false;
    }
    *rect = p->qr_rect;
    *module_px = p->qr_module;
    return true;
}

bool ui_phones_timed_out(ui_phones *p)
{
    bool t = p && p->timed_out;
    if (p) {
        p->timed_out = false;
    }
    return t;
}

const char *ui_phones_code(const ui_phones *p)
{
    return phone_server_code(p->server);
}

/* Opens the ballot of the current turn on the phones. */
static void ui_phones_open(ui_phones *p, const class_session *c)
{
    const session *s = class_session_of(c);
    size_t n = session_offered_count(s);
    const char *texts[PHONE_MAX_OPTIONS];
    if (n > PHONE_MAX_OPTIONS) {
        n = PHONE_MAX_OPTIONS;
    }
    for (size_t i = 0; i < n; i++) {
        const scenario_choice *ch = session_offered(s, i);
        texts[i] = ch && ch->say ? ch->say : "";
    }
    unsigned ballot = (unsigned)class_turn_index(c) + 1;
    if (phone_server_open_ballot(p->server, ballot, texts, n) == 0) {
        p->ballot = ballot;
        p->told = UI_PHONES_OPEN;
    }
}

/* Takes the queued events into the class session and the journal; the
 * phones are answered once the journal has them. */
static bool ui_phones_drain(ui_phones *p, class_session *c)
{
    phone_event ev;
    uint64_t seq = 0;
    bool changed = false;
    while (phone_server_next_event(p->server, &ev)) {
        bool counted = false;
        /* the device's team in teams mode (one of the class's), else the
         * whole room */
        int team = CLASS_ROOM;
        bool team_ok = true;
        if (class_mode_of(c) == CLASS_TEAMS) {
            team = ev.team;
            team_ok = team >= 0 && (size_t)team < class_team_count(c);
        }
        if (ev.kind == PHONE_EV_VOTE) {
            bool ok =
                ev.ballot == (unsigned)class_turn_index(c) + 1 && team_ok;
            if (ok && ev.previous >= 0) {
                ok = class_add(c, CLASS_SRC_PHONES, team, (size_t)ev.previous,
                               -1) == CLASS_OK;
            }
            if (ok && class_add(c, CLASS_SRC_PHONES, team, (size_t)ev.option,
                                1) != CLASS_OK) {
                if (ev.previous >= 0) {
                    /* put the old vote back */
                    class_add(c, CLASS_SRC_PHONES, team, (size_t)ev.previous,
                              1);
                }
                ok = false;
            }
            if (!ok) {
                phone_server_refuse(p->server, &ev);
                continue;
            }
            counted = true;
        }
        if (p->journal && phone_journal_add(p->journal, &ev) != 0) {
            /* Not durable, so not counted: the vote is taken back and the
             * phone told. The journal takes nothing more (phone_journal.h),
             * so nothing after it is acknowledged. */
            if (ev.kind == PHONE_EV_VOTE && counted) {
                class_add(c, CLASS_SRC_PHONES, team, (size_t)ev.option, -1);
                if (ev.previous >= 0) {
                    class_add(c, CLASS_SRC_PHONES, team, (size_t)ev.previous,
                              1);
                }
                phone_server_refuse(p->server, &ev);
                changed = true;
            }
            continue;
        }
        seq = ev.seq;
        changed = true;
    }
    if (seq && (!p->journal || phone_journal_sync(p->journal) == 0)) {
        phone_server_saved(p->server, seq);
    }
    return changed;
}

/* Whether the vote has what closing it needs: votes, and in teams mode
 * votes from every team. */
static bool ui_phones_can_close(const class_session *c)
{
    if (class_votes(c, CLASS_SRC_COUNT, CLASS_ROOM) == 0) {
        return false;
    }
    for (size_t t = 0; t < class_team_count(c); t++) {
        if (class_votes(c, CLASS_SRC_COUNT, (int)t) == 0) {
            return false;
        }
    }
    return true;
}

bool ui_phones_update(ui_phones *p, class_session *c, int64_t now_ms)
{
    if (!p || !c) {
        return false;
    }
    bool changed = false;
    class_phase ph = class_phase_of(c);
    unsigned ballot = (unsigned)class_turn_index(c) + 1;
    bool voting = ph == CLASS_PHASE_DISCUSS || ph == CLASS_PHASE_VOTE;
    if (voting && (p->told != UI_PHONES_OPEN || p->ballot != ballot)) {
        ui_phones_open(p, c);
        changed = true;
    }
    changed |= ui_phones_drain(p, c);
    /* The discussion timer ran out: the vote closes if it has votes (the
     * bar chart is then revealed as for hands), else the discussion ends
     * and the vote stays open for hands and phones. */
    if (class_timer_running(c) && class_timer_left_ms(c, now_ms) <= 0 &&
        (ph == CLASS_PHASE_DISCUSS || ph == CLASS_PHASE_VOTE)) {
        class_timer_pause(c, now_ms);
        if (ph == CLASS_PHASE_DISCUSS) {
            class_timer_skip(c, now_ms);
        }
        if (ui_phones_can_close(c)) {
            phone_server_close_ballot(p->server);
            ui_phones_drain(p, c);
            if (class_close_vote(c) == CLASS_OK) {
                p->timed_out = true;
            }
        }
        changed = true;
    }
    ph = class_phase_of(c);
    if (ph == CLASS_PHASE_RESULTS && p->told == UI_PHONES_OPEN) {
        phone_server_close_ballot(p->server);
        ui_phones_drain(p, c); /* refused: the vote had closed */
        p->told = UI_PHONES_CLOSED;
        changed = true;
    } else if ((ph == CLASS_PHASE_LINE || ph == CLASS_PHASE_PLAYED) &&
               p->told != UI_PHONES_WAIT) {
        phone_server_close_ballot(p->server);
        ui_phones_drain(p, c);
        phone_server_wait(p->server);
        p->told = UI_PHONES_WAIT;
        changed = true;
    } else if ((ph == CLASS_PHASE_ENDING || ph == CLASS_PHASE_DEBRIEF) &&
               p->told != UI_PHONES_END) {
        phone_server_close_ballot(p->server);
        ui_phones_drain(p, c);
        phone_server_end(p->server);
        p->told = UI_PHONES_END;
        changed = true;
    }
    return changed;
}

int ui_phones_reconcile(ui_phones *p, class_session *c)
{
    if (!p || !p->resumed || !c) {
        return 0;
    }
    class_phase ph = class_phase_of(c);
    if (ph != CLASS_PHASE_DISCUSS && ph != CLASS_PHASE_VOTE &&
        ph != CLASS_PHASE_LINE) {
        return 0;
    }
    int want[PHONE_MAX_OPTIONS];
    unsigned ballot = (unsigned)class_turn_index(c) + 1;
    size_t n = class_option_count(c);
    if (n > PHONE_MAX_OPTIONS) {
        n = PHONE_MAX_OPTIONS;
    }
    int added = 0;
    /* the room, or each team on its own */
    size_t teams = class_team_count(c);
    for (size_t k = 0; k < (teams ? teams : 1); k++) {
        int team = teams ? (int)k : CLASS_ROOM;
        phone_journal_tally_team(p->resumed, ballot, teams ? (int)k : -1, want,
                                 n);
        for (size_t i = 0; i < n; i++) {
            int have = class_tally(c, CLASS_SRC_PHONES, team, i);
            if (have != want[i] && class_add(c, CLASS_SRC_PHONES, team, i,
                                             want[i] - have) == CLASS_OK) {
                added++;
            }
        }
    }
    return added;
}

ui_phones_figures ui_phones_figures_of(ui_phones *p, const class_session *c)
{
    ui_phones_figures f = {0};
    if (!p) {
        return f;
    }
    phone_counts pc = phone_server_counts(p->server);
    f.devices = pc.devices;
    f.refused = pc.refused;
    f.open = p->told == UI_PHONES_OPEN;
    f.votes = c ? class_votes(c, CLASS_SRC_PHONES, CLASS_ROOM) : 0;
    f.team_count = c ? class_team_count(c) : 0;
    for (size_t t = 0; t < f.team_count && t < CLASS_MAX_TEAMS; t++) {
        f.team_devices[t] = t < PHONE_MAX_TEAMS ? pc.team_devices[t] : 0;
        f.team_votes[t] = class_votes(c, CLASS_SRC_PHONES, (int)t);
    }
    return f;
}

/* The largest size from hi down to lo at which text fits w on one line
 * (lo when none does). */
static int ui_phones_fit(ui_text *text, const char *s, ui_text_style st, int w,
                         int lo, int hi)
{
    for (int px = hi; px > lo; px -= px / 16 > 1 ? px / 16 : 1) {
        ui_text_size sz = {0};
        st.px = px;
        if (ui_text_measure(text, s, &st, &sz) && sz.w <= w) {
            return px;
        }
    }
    return lo;
}

int ui_phones_url_width(ui_phones *p, ui_text *text, int min_px)
{
    ui_text_style st = {0};
    st.px = min_px;
    st.bold = true;
    ui_text_size sz = {0};
    ui_text_measure(text, p ? p->base_url : "", &st, &sz);
    return sz.w;
}

/* A line of the panel: its text and style (fitted to the width). */
typedef struct {
    char text[512];
    ui_text_style st;
    int h;
    int w; /* its width on one line (w given when it takes two) */
} ui_phones_line;

/* Sets a line's style: the largest size from hi down to lo that fits w
 * on one line (else two lines at lo). rtl: the interface's words set
 * right to left, aligned at the right of w (the line's box is w wide,
 * so that such a line never runs left of where it is drawn). */
static void ui_phones_line_set(ui_phones_line *l, ui_text *text, int w, int lo,
                               int hi, bool bold, SDL_Color colour, bool rtl)
{
    SDL_zero(l->st);
    l->st.bold = bold;
    l->st.colour = colour;
    l->st.max_lines = 1;
    l->st.px = ui_phones_fit(text, l->text, l->st, w, lo, hi);
    l->h = ui_text_line_height(text, l->st.px, bold);
    ui_text_size sz = {0};
    bool two = ui_text_measure(text, l->text, &l->st, &sz) && sz.w > w;
    l->w = two ? w : sz.w;
    l->st.wrap_w = w;
    l->st.rtl = rtl;
    if (two) {
        /* too long even at lo: two lines */
        l->st.max_lines = 2;
        ui_text_measure(text, l->text, &l->st, &sz);
        l->h = sz.h;
    }
}

/* The line as a piece of a row: its box just its own width. */
static void ui_phones_line_piece(ui_phones_line *l)
{
    l->st.wrap_w = l->w + 1;
}

/* "Votes in: N of M phones" while a ballot is open, else the phones
 * joined. */
static void ui_phones_figures_text(const ui_phones_figures *f, char *buf,
                                   size_t len)
{
    if (f->open) {
        /* TRANSLATORS: phone votes in so far, of the phones joined. */
        snprintf(buf, len,
                 P_("Votes in: %d of %zu phone", "Votes in: %d of %zu phones",
                    f->devices),
                 f->votes, f->devices);
    } else {
        snprintf(buf, len,
                 P_("%zu phone joined", "%zu phones joined", f->devices),
                 f->devices);
    }
}

/* Teams mode: each team's phone votes of its phones (open ballot), or
 * its phones joined, "Red 2 of 3 · Blue 1 of 2"; "" without teams. The
 * names are the class's (checked by class_team_name_valid) and drawn as
 * plain text. */
static void ui_phones_teams_text(const ui_phones_figures *f,
                                 const class_session *c, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t t = 0; c && t < f->team_count && used + 1 < len; t++) {
        /* the name isolated: a Latin name in an Arabic line (or the
         * other way round) keeps its figures beside it */
        char name[CLASS_MAX_TEAM_NAME_BYTES + 16];
        snprintf(name, sizeof name, UI_TEXT_FSI "%s" UI_TEXT_PDI,
                 class_team_name(c, t));
        char one[160];
        if (f->open) {
            /* TRANSLATORS: a team's name, its phones' votes in so far,
             * and its phones joined (the projector's phones panel). */
            snprintf(one, sizeof one, C_("phones of a team", "%s %d of %zu"),
                     name, f->team_votes[t], f->team_devices[t]);
        } else {
            /* TRANSLATORS: a team's name and its phones joined. */
            snprintf(one, sizeof one, C_("phones of a team", "%s %zu"), name,
                     f->team_devices[t]);
        }
        int n = snprintf(buf + used, len - used, "%s%s", t ? " \xC2\xB7 " : "",
                         one);
        if (n < 0 || (size_t)n >= len - used) {
            break;
        }
        used += (size_t)n;
    }
}

/* Draws the QR code with its quiet zone at (x, y), modules of m pixels,
 * dark on white (a phone camera reads it best). */
static void ui_phones_draw_qr(ui_phones *p, SDL_Renderer *r, int x, int y,
                              int m)
{
    int modules = p->qr->size + 2 * PHONE_QR_QUIET;
    int qr_px = m * modules;
    SDL_Rect qr = {x, y, qr_px, qr_px};
    SDL_Color white = {255, 255, 255, 255};
    SDL_Color black = {0, 0, 0, 255};
    ui_draw_rect(r, qr, white);
    p->qr_rect = ui_draw_place(r, qr); /* where it is on screen */
    p->qr_module = m;
    /* a right-to-left screen is drawn mirrored: the code is not */
    bool flip = ui_draw_mirror_w(r) > 0;
    for (int cy = 0; cy < p->qr->size; cy++) {
        for (int cx = 0; cx < p->qr->size; cx++) {
            if (phone_qr_dark(p->qr, flip ? p->qr->size - 1 - cx : cx, cy)) {
                SDL_Rect cell = {qr.x + (cx + PHONE_QR_QUIET) * m,
                                 qr.y + (cy + PHONE_QR_QUIET) * m, m, m};
                ui_draw_rect(r, cell, black);
            }
        }
    }
}

void ui_phones_draw(ui_phones *p, const class_session *c, SDL_Renderer *r,
                    ui_text *text, const ui_theme *theme, SDL_Rect area,
                    int min_px)
{
    if (!p || !p->qr || area.w <= 0 || area.h <= 0) {
        return;
    }
    /* the code takes the left part of a wide area, the top of a tall one;
     * the words under it or beside it: a heading (in a wide area), the
     * URL, the join code, the figures and (teams mode) the teams' */
    bool wide = area.w > area.h * 5 / 4;
    int gap = min_px / 3 > 2 ? min_px / 3 : 2;
    int big = min_px * 2;
    int modules = p->qr->size + 2 * PHONE_QR_QUIET;
    int tw =
        wide ? area.w - (area.h < area.w / 2 ? area.h : area.w / 2) - min_px
             : area.w;
    ui_phones_line lines[5];
    snprintf(lines[0].text, sizeof lines[0].text, "%s",
             _("Vote from your phone"));
    /* the interface's words in its direction; the URL left to right */
    bool rtl = lang_rtl();
    ui_phones_line_set(&lines[0], text, tw, min_px, min_px, false,
                       theme->muted, rtl);
    snprintf(lines[1].text, sizeof lines[1].text, "%s", p->base_url);
    ui_phones_line_set(&lines[1], text, tw, min_px, big, true, theme->text,
                       false);
    /* TRANSLATORS: %s is the six-digit join code typed on the phones. */
    snprintf(lines[2].text, sizeof lines[2].text, _("Code %s"),
             phone_server_code(p->server));
    ui_phones_line_set(&lines[2], text, tw, min_px, big, true, theme->text,
                       rtl);
    ui_phones_figures f = ui_phones_figures_of(p, c);
    ui_phones_figures_text(&f, lines[3].text, sizeof lines[3].text);
    ui_phones_line_set(&lines[3], text, tw, min_px, big * 3 / 4, f.open,
                       theme->text, rtl);
    ui_phones_teams_text(&f, c, lines[4].text, sizeof lines[4].text);
    ui_phones_line_set(&lines[4], text, tw, min_px, min_px, false, theme->text,
                       rtl);
    size_t count = lines[4].text[0] ? 5 : 4;
    /* a tall panel gives the heading's room to the code */
    size_t first = wide ? 0 : 1;
    int text_h = 0;
    for (size_t i = first; i < count; i++) {
        text_h += lines[i].h + gap;
    }
    int side = wide ? (area.w / 2 < area.h ? area.w / 2 : area.h)
                    : (area.h - text_h < area.w ? area.h - text_h : area.w);
    if (!wide && count == 5 && side < area.h / 2) {
        /* no room for the teams' line: the code stays big */
        count = 4;
        side += lines[4].h + gap;
        if (side > area.w) {
            side = area.w;
        }
    }
    int m = side / modules;
    if (m < 2) {
        m = 2;
    }
    int qr_px = m * modules;
    ui_phones_draw_qr(p, r, wide ? area.x : area.x + (area.w - qr_px) / 2,
                      area.y, m);
    int tx = wide ? area.x + qr_px + min_px : area.x;
    int ty = wide ? area.y : area.y + qr_px + gap;
    for (size_t i = first; i < count; i++) {
        ui_text_draw(text, lines[i].text, &lines[i].st, tx, ty, NULL);
        ty += lines[i].h + gap;
    }
}

int ui_phones_compact_height(ui_text *text, int min_px)
{
    int gap = min_px / 3 > 2 ? min_px / 3 : 2;
    return 2 * ui_text_line_height(text, min_px, true) + gap;
}

void ui_phones_draw_compact(ui_phones *p, const class_session *c,
                            SDL_Renderer *r, ui_text *text,
                            const ui_theme *theme, SDL_Rect area, int min_px,
                            int qr_max)
{
    if (!p || !p->qr || area.w <= 0 || area.h <= 0) {
        return;
    }
    int gap = min_px / 3 > 2 ? min_px / 3 : 2;
    int modules = p->qr->size + 2 * PHONE_QR_QUIET;
    int side = qr_max < area.h ? qr_max : area.h;
    int m = side / modules;
    if (m < 2) {
        m = 2;
    }
    int qr_px = m * modules;
    ui_phones_draw_qr(p, r, area.x, area.y + (area.h - qr_px) / 2, m);
    int tx = area.x + qr_px + min_px;
    int tw = area.x + area.w - tx;
    if (tw <= 0) {
        return;
    }
    /* two lines: the URL and the code; the figures and, when there is
     * room after them, the teams' */
    bool rtl = lang_rtl();
    ui_phones_line url, code, fig, teams;
    snprintf(url.text, sizeof url.text, "%s", p->base_url);
    ui_phones_line_set(&url, text, tw, min_px, min_px, true, theme->text,
                       false);
    snprintf(code.text, sizeof code.text, _("Code %s"),
             phone_server_code(p->server));
    ui_phones_line_set(&code, text, tw, min_px, min_px, true, theme->text,
                       rtl);
    ui_phones_figures f = ui_phones_figures_of(p, c);
    ui_phones_figures_text(&f, fig.text, sizeof fig.text);
    ui_phones_line_set(&fig, text, tw, min_px, min_px, f.open, theme->text,
                       rtl);
    ui_phones_teams_text(&f, c, teams.text, sizeof teams.text);
    ui_phones_line_set(&teams, text, tw, min_px, min_px, false, theme->text,
                       rtl);
    /* pieces of a row: each in a box of its own width */
    ui_phones_line_piece(&url);
    ui_phones_line_piece(&code);
    ui_phones_line_piece(&fig);
    ui_phones_line_piece(&teams);
    int uw = url.w, cw = code.w, fw = fig.w, teams_w = teams.w;
    int lh = ui_text_line_height(text, min_px, true);
    int ty = area.y + (area.h - (2 * lh + gap)) / 2;
    int sep = 2 * min_px;
    ui_text_draw(text, url.text, &url.st, tx, ty, NULL);
    bool code_beside = uw + sep + cw <= tw;
    if (code_beside) {
        ui_text_draw(text, code.text, &code.st, tx + uw + sep, ty, NULL);
    }
    ty += lh + gap;
    int fx = tx;
    if (!code_beside) {
        /* the code first on the second line: phones need it to join */
        ui_text_draw(text, code.text, &code.st, fx, ty, NULL);
        fx += cw + sep;
    }
    if (fx + fw <= tx + tw) {
        ui_text_draw(text, fig.text, &fig.st, fx, ty, NULL);
        fx += fw + sep;
    }
    if (teams.text[0] && fx + teams_w <= tx + tw) {
        ui_text_draw(text, teams.text, &teams.st, fx, ty, NULL);
    }
}
