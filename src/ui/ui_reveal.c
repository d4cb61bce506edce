/* ui_reveal.c — the customer's words: joined, split into words, revealed
 * over time and drawn in a speech bubble (the call and the classroom). */
#include "ui_reveal.h"

#include <stdlib.h>
#include <string.h>

#include "reading.h"
#include "ui_draw.h"

char *ui_reveal_node_text(const scenario_node *n)
{
    size_t len = 1;
    for (size_t i = 0; n && i < n->line_count; i++) {
        len += strlen(n->lines[i].text) + 1;
    }
    char *text = malloc(len);
    if (text) {
        text[0] = '\0';
        for (size_t i = 0; n && i < n->line_count; i++) {
            if (i) {
                strcat(text, "\n");
            }
            strcat(text, n->lines[i].text);
        }
    }
    return text;
}

/* Words are reading.h's: runs between spaces, or characters of scripts
 * written without spaces. */
void ui_reveal_split(const char *text, size_t **ends, size_t *count,
                     uint64_t *reveal_ms)
{
    *ends = NULL;
    *count = 0;
    *reveal_ms = 0;
    if (!text) {
        return;
    }
    size_t words = reading_word_count(text);
    *ends = words ? malloc(words * sizeof **ends) : NULL;
    if (!*ends) {
        return; /* no words (or no memory): shown whole at once */
    }
    size_t at = 0;
    while (*count < words && (at = reading_word_end(text, at)) != 0) {
        (*ends)[(*count)++] = at;
    }
    uint64_t ms = (uint64_t)*count * UI_REVEAL_WORD_MS;
    *reveal_ms = ms < UI_REVEAL_MIN_MS   ? UI_REVEAL_MIN_MS
                 : ms > UI_REVEAL_MAX_MS ? UI_REVEAL_MAX_MS
                                         : ms;
}

size_t ui_reveal_words_at(size_t count, uint64_t reveal_ms, uint64_t t)
{
    if (t >= reveal_ms || reveal_ms == 0) {
        return count;
    }
    uint64_t shown = 1 + (uint64_t)count * t / reveal_ms;
    return shown < count ? (size_t)shown : count;
}

int ui_reveal_wait_ms(size_t count, uint64_t reveal_ms, uint64_t t)
{
    /* The next word, or the end of the reveal when every word is out. */
    size_t shown = ui_reveal_words_at(count, reveal_ms, t);
    uint64_t next = reveal_ms;
    if (shown < count) {
        next = ((uint64_t)shown * reveal_ms + count - 1) / count;
    }
    uint64_t wait = next > t ? next - t : 1;
    if (wait < UI_REVEAL_FRAME_MS) {
        wait = UI_REVEAL_FRAME_MS;
    }
    if (t < reveal_ms && wait > reveal_ms - t) {
        wait = reveal_ms - t;
    }
    return wait < 1 ? 1 : (int)wait;
}

size_t ui_reveal_line_of(const char *text, const size_t *ends, size_t count,
                         size_t words)
{
    size_t end = words > 0 && words <= count ? ends[words - 1] : 0;
    size_t line = 0;
    for (size_t i = 0; text && i < end && text[i]; i++) {
        line += text[i] == '\n' ? 1 : 0;
    }
    return line;
}

int ui_reveal_bubble(ui_app *app, SDL_Rect area, int max_h, const char *text,
                     bool revealing, size_t words, int px_hi, bool tail)
{
    const ui_layout *l = &app->lay;
    const ui_theme *th = app->theme;
    int tail_w = tail ? l->pad : 0;
    SDL_Rect bubble = {area.x + tail_w, area.y, area.w - tail_w, max_h};
    int inner_w = bubble.w - 2 * l->pad;
    ui_text_style st = ui_widget_content_style(app, px_hi, false, th->text);
    st.wrap_w = inner_w;
    int avail = max_h - 2 * l->pad;
    st.px = ui_layout_fit_px(app->text, text, st, avail, l->px_fit, px_hi);
    ui_text_size sz;
    ui_text_measure(app->text, text, &st, &sz);
    bool scroll = sz.h > avail;
    if (scroll) {
        st.wrap_w = inner_w - ui_widget_bar_w(app);
        ui_text_measure(app->text, text, &st, &sz);
    }
    int h = (scroll ? avail : sz.h) + 2 * l->pad;
    bubble.h = h;
    ui_draw_round_frame(app->renderer, bubble, l->radius * 2, l->border,
                        th->panel, th->panel_border);
    if (tail) {
        /* The tail, towards the portrait */
        float ty = (float)(bubble.y + l->pad * 2);
        SDL_FPoint tri[3] = {
            {(float)area.x, ty + (float)tail_w / 2.0f},
            {(float)bubble.x + (float)l->border, ty},
            {(float)bubble.x + (float)l->border, ty + (float)tail_w * 1.5f}};
        ui_draw_convex(app->renderer, tri, 3, th->panel_border);
    }
    SDL_Rect view = {bubble.x + l->pad, bubble.y + l->pad, inner_w,
                     h - 2 * l->pad};
    if (revealing) {
        /* Keep the line being revealed in view when the words overflow
         * the bubble. */
        int shown_h = ui_text_words_height(app->text, text, &st, words);
        if (shown_h - app->scroll[UI_SCROLL_SPEECH].offset > view.h) {
            app->scroll[UI_SCROLL_SPEECH].offset = shown_h - view.h;
        }
    }
    ui_widget_scroll_begin(app, UI_SCROLL_SPEECH, view, sz.h);
    /* Marks of a fallback font may reach past the line boxes (the dots
     * under an Arabic final yeh, Thai vowels above): the text may use the
     * bubble's padding, so clip to the inside of its frame, not to the
     * text box. */
    SDL_Rect inside = ui_layout_inset(bubble, l->border);
    ui_draw_clip(app->renderer, &inside);
    int off_y = view.y - app->scroll[UI_SCROLL_SPEECH].offset;
    if (revealing) {
        ui_text_draw_words(app->text, text, &st, view.x, off_y, words);
    } else {
        ui_text_draw(app->text, text, &st, view.x, off_y, NULL);
    }
    ui_widget_scroll_end(app, UI_SCROLL_SPEECH);
    return h;
}
