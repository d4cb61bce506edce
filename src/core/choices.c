/* choices.c — scripts of choices: option numbers or choice ids, parsed
 * and resolved against a session's current node; see choices.h. */
#include "choices.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool choices_is_digit(char c) { return c >= '0' && c <= '9'; }

static bool choices_is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool choices_parse_item(const char *text, size_t len, choices_item *out)
{
    out->pos = 0;
    out->id = NULL;
    if (len == 0) {
        return false;
    }
    if (choices_is_digit(text[0])) {
        /* a position: 1-9, as numbered on screen */
        if (len != 1 || text[0] < '1' ||
            text[0] > '0' + SCENARIO_MAX_CHOICES) {
            return false;
        }
        out->pos = text[0] - '0';
        return true;
    }
    /* an id, as the schema's Id: a letter, then letters, digits, - _ . */
    if (!choices_is_letter(text[0]) || len > CHOICES_ID_MAX) {
        return false;
    }
    for (size_t i = 1; i < len; i++) {
        char c = text[i];
        if (!choices_is_letter(c) && !choices_is_digit(c) && c != '-' &&
            c != '_' && c != '.') {
            return false;
        }
    }
    out->id = malloc(len + 1);
    if (!out->id) {
        return false;
    }
    memcpy(out->id, text, len);
    out->id[len] = '\0';
    return true;
}

int choices_parse(const char *text, size_t max, choices_list *out, char *err,
                  size_t errlen)
{
    size_t had = out->count;
    const char *p = text;
    for (;;) {
        size_t len = strcspn(p, ",");
        choices_item it;
        if (out->count >= max) {
            snprintf(err, errlen, _("more than %zu choices"), max);
            goto fail;
        }
        if (!choices_parse_item(p, len, &it)) {
            snprintf(err, errlen,
                     _("'%.*s' is neither an option number 1-%d nor a choice "
                       "id (a letter, then letters, digits, '-', '_' or '.'); "
                       "separate choices with commas, e.g. 2,refund,1"),
                     (int)(len > 40 ? 40 : len), p, SCENARIO_MAX_CHOICES);
            goto fail;
        }
        choices_item *grown =
            realloc(out->items, (out->count + 1) * sizeof *out->items);
        if (!grown) {
            free(it.id);
            snprintf(err, errlen, _("out of memory"));
            goto fail;
        }
        out->items = grown;
        out->items[out->count++] = it;
        if (p[len] == '\0') {
            return 0;
        }
        p += len + 1;
    }
fail:
    while (out->count > had) {
        free(out->items[--out->count].id);
    }
    return -1;
}

void choices_clear(choices_list *list)
{
    if (!list) {
        return;
    }
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].id);
    }
    free(list->items);
    list->items = NULL;
    list->count = 0;
}

int choices_resolve(const session *s, const choices_item *item, char *err,
                    size_t errlen)
{
    const scenario_node *n = session_node(s);
    size_t offered = session_offered_count(s);
    size_t turn = session_turn_count(s) + 1;
    if (!n) {
        snprintf(err, errlen, _("the call has already ended"));
        return -1;
    }
    if (!item->id) {
        if (item->pos < 1 || (size_t)item->pos > offered) {
            snprintf(err, errlen,
                     _("choice %d at turn %zu is not on offer: node '%s' "
                       "offers options 1-%zu"),
                     item->pos, turn, n->id, offered);
            return -1;
        }
        return item->pos - 1;
    }
    for (size_t ci = 0; ci < n->choice_count; ci++) {
        if (n->choices[ci].id && strcmp(n->choices[ci].id, item->id) == 0) {
            int pos = session_position_of(s, (int)ci);
            if (pos < 0) {
                snprintf(err, errlen,
                         _("choice '%s' at turn %zu is not on offer: its "
                           "conditions at node '%s' do not hold"),
                         item->id, turn, n->id);
            }
            return pos;
        }
    }
    /* name the ids the node has, to help with a typo */
    char ids[200] = "";
    size_t used = 0;
    for (size_t ci = 0; ci < n->choice_count && used < sizeof ids; ci++) {
        if (n->choices[ci].id) {
            int w = snprintf(ids + used, sizeof ids - used, "%s%s",
                             used ? ", " : "", n->choices[ci].id);
            used += w > 0 ? (size_t)w : 0;
        }
    }
    if (ids[0]) {
        snprintf(
            err, errlen,
            _("choice '%s' at turn %zu: node '%s' has no choice with that "
              "id (its ids: %s)"),
            item->id, turn, n->id, ids);
    } else {
        snprintf(err, errlen,
                 _("choice '%s' at turn %zu: the choices of node '%s' have no "
                   "ids; use option numbers 1-%zu"),
                 item->id, turn, n->id, offered);
    }
    return -1;
}

const char *choices_item_text(const choices_item *item, char *buf, size_t len)
{
    if (item->id) {
        snprintf(buf, len, "%s", item->id);
    } else {
        snprintf(buf, len, "%d", item->pos);
    }
    return buf;
}
