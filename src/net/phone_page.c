/* phone_page.c — the phone's page as HTML through libxml2's tree and
 * serializer (see phone_page.h). */
#include "phone_page.h"

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    bool failed;
} phone_page_build;

static xmlNodePtr phone_page_el(phone_page_build *b, xmlNodePtr parent,
                                const char *name, const char *text)
{
    xmlNodePtr n = parent ? xmlNewTextChild(parent, NULL, BAD_CAST name,
                                            text ? BAD_CAST text : NULL)
                          : NULL;
    if (!n) {
        b->failed = true;
    }
    return n;
}

static void phone_page_attr(phone_page_build *b, xmlNodePtr n,
                            const char *name, const char *value)
{
    if (!n || !xmlNewProp(n, BAD_CAST name, BAD_CAST value)) {
        b->failed = true;
    }
}

/* An element with a text of the scenario (its title, an option, a team's
 * name): the scenario's language, its direction found from the text. */
static xmlNodePtr phone_page_scen(phone_page_build *b, xmlNodePtr parent,
                                  const char *name, const char *text,
                                  const phone_view *v)
{
    xmlNodePtr n = phone_page_el(b, parent, name, text);
    phone_page_attr(b, n, "lang", v->lang ? v->lang : "en");
    phone_page_attr(b, n, "dir", "auto");
    return n;
}

static const char *phone_page_w(const phone_view *v, phone_word id)
{
    return phone_words_get(v->words, id);
}

/* The page's word id with its "%s" as a <bdi> holding value (a nickname
 * or a team's name, isolated from the words around it), appended to
 * parent. lang: the value's language, or NULL. */
static void phone_page_split(phone_page_build *b, xmlNodePtr parent,
                             const char *word, const char *value,
                             const char *lang)
{
    const char *at = strstr(word, "%s");
    size_t before = at ? (size_t)(at - word) : strlen(word);
    if (before > 0) {
        xmlNodePtr t = xmlNewTextLen(BAD_CAST word, (int)before);
        if (!t || !xmlAddChild(parent, t)) {
            xmlFreeNode(t);
            b->failed = true;
        }
    }
    if (!at) {
        return;
    }
    xmlNodePtr bdi = phone_page_el(b, parent, "bdi", value);
    if (lang) {
        phone_page_attr(b, bdi, "lang", lang);
        phone_page_attr(b, bdi, "dir", "auto");
    }
    if (at[2]) {
        xmlNodePtr t = xmlNewText(BAD_CAST(at + 2));
        if (!t || !xmlAddChild(parent, t)) {
            xmlFreeNode(t);
            b->failed = true;
        }
    }
}

/* The words app.js shows, as data-w-NAME attributes of <body>. */
static void phone_page_words(phone_page_build *b, xmlNodePtr body,
                             const phone_view *v)
{
    for (int i = 0; i < PHONE_W_COUNT; i++) {
        char name[48];
        snprintf(name, sizeof name, "data-w-%s",
                 phone_words_key((phone_word)i));
        phone_page_attr(b, body, name, phone_page_w(v, (phone_word)i));
    }
}

static char *phone_page_serialise(xmlDocPtr doc, size_t *len)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlSaveCtxtPtr save =
        buf ? xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_AS_HTML | XML_SAVE_FORMAT)
            : NULL;
    char *text = NULL;
    if (save) {
        long rc = xmlSaveDoc(save, doc);
        xmlSaveClose(save);
        const xmlChar *content = xmlBufferContent(buf);
        if (rc >= 0 && content) {
            text = strdup((const char *)content);
        }
    }
    xmlBufferFree(buf);
    if (text && len) {
        *len = strlen(text);
    }
    return text;
}

static void phone_page_join(phone_page_build *b, xmlNodePtr main,
                            const phone_view *v)
{
    xmlNodePtr form = phone_page_el(b, main, "form", NULL);
    phone_page_attr(b, form, "method", "post");
    phone_page_attr(b, form, "action", "/join");
    phone_page_attr(b, form, "id", "join");
    xmlNodePtr label =
        phone_page_el(b, form, "label", phone_page_w(v, PHONE_W_JOIN_CODE));
    phone_page_attr(b, label, "for", "code");
    xmlNodePtr code = phone_page_el(b, form, "input", NULL);
    phone_page_attr(b, code, "id", "code");
    phone_page_attr(b, code, "name", "code");
    phone_page_attr(b, code, "inputmode", "numeric");
    phone_page_attr(b, code, "autocomplete", "off");
    phone_page_attr(b, code, "pattern", "[0-9]{6}");
    phone_page_attr(b, code, "maxlength", "6");
    phone_page_attr(b, code, "required", "required");
    if (v->code && *v->code) {
        phone_page_attr(b, code, "value", v->code);
    }
    if (v->nicknames) {
        label = phone_page_el(b, form, "label", phone_page_w(v, PHONE_W_NICK));
        phone_page_attr(b, label, "for", "nick");
        xmlNodePtr nick = phone_page_el(b, form, "input", NULL);
        phone_page_attr(b, nick, "id", "nick");
        phone_page_attr(b, nick, "name", "nick");
        phone_page_attr(b, nick, "maxlength", "24");
        phone_page_attr(b, nick, "autocomplete", "nickname");
    }
    if (v->team_count > 0) {
        /* one radio button per team, each in its label (a big target);
         * the names are the scenario's words, in its direction */
        xmlNodePtr set = phone_page_el(b, form, "fieldset", NULL);
        phone_page_attr(b, set, "class", "teams");
        phone_page_el(b, set, "legend", phone_page_w(v, PHONE_W_YOUR_TEAM));
        for (size_t t = 0; t < v->team_count; t++) {
            char id[32], value[24];
            snprintf(id, sizeof id, "team%zu", t);
            snprintf(value, sizeof value, "%zu", t);
            xmlNodePtr label = phone_page_el(b, set, "label", NULL);
            phone_page_attr(b, label, "class", "team");
            phone_page_attr(b, label, "for", id);
            xmlNodePtr radio = phone_page_el(b, label, "input", NULL);
            phone_page_attr(b, radio, "type", "radio");
            phone_page_attr(b, radio, "id", id);
            phone_page_attr(b, radio, "name", "team");
            phone_page_attr(b, radio, "value", value);
            phone_page_attr(b, radio, "required", "required");
            phone_page_scen(b, label, "bdi", v->teams[t], v);
        }
    }
    xmlNodePtr button =
        phone_page_el(b, form, "button", phone_page_w(v, PHONE_W_JOIN));
    phone_page_attr(b, button, "type", "submit");
    phone_page_attr(b, button, "class", "primary");
}

static void phone_page_vote(phone_page_build *b, xmlNodePtr main,
                            const phone_view *v)
{
    bool open = v->kind == PHONE_VIEW_VOTE;
    char buf[512];
    if (v->vote >= 0 && v->vote < 26) {
        char letter[2] = {(char)('A' + v->vote), '\0'};
        phone_word w = open ? (v->saved ? PHONE_W_RECEIVED : PHONE_W_SENT)
                            : PHONE_W_CLOSED_VOTE;
        phone_words_fill(buf, sizeof buf, phone_page_w(v, w), letter);
    } else {
        snprintf(buf, sizeof buf, "%s",
                 phone_page_w(v, open ? PHONE_W_CHOOSE : PHONE_W_CLOSED));
    }
    xmlNodePtr status = phone_page_el(b, main, "p", buf);
    phone_page_attr(b, status, "class", "status");
    phone_page_attr(b, status, "id", "status");
    phone_page_attr(b, status, "role", "status");
    if (open && v->vote >= 0) {
        xmlNodePtr hint =
            phone_page_el(b, main, "p", phone_page_w(v, PHONE_W_HINT));
        phone_page_attr(b, hint, "class", "hint");
    }
    xmlNodePtr form = phone_page_el(b, main, "form", NULL);
    phone_page_attr(b, form, "method", "post");
    phone_page_attr(b, form, "action", "/vote");
    phone_page_attr(b, form, "id", "vote");
    xmlNodePtr hidden = phone_page_el(b, form, "input", NULL);
    phone_page_attr(b, hidden, "type", "hidden");
    phone_page_attr(b, hidden, "name", "ballot");
    snprintf(buf, sizeof buf, "%u", v->ballot);
    phone_page_attr(b, hidden, "value", buf);
    xmlNodePtr set = phone_page_el(b, form, "fieldset", NULL);
    char number[16];
    snprintf(number, sizeof number, "%u", v->ballot);
    phone_words_fill(buf, sizeof buf, phone_page_w(v, PHONE_W_QUESTION),
                     number);
    phone_page_el(b, set, "legend", buf);
    for (size_t i = 0; i < v->option_count && i < 26; i++) {
        char letter[2] = {(char)('A' + i), '\0'};
        xmlNodePtr button = phone_page_el(b, set, "button", NULL);
        phone_page_attr(b, button, "type", "submit");
        phone_page_attr(b, button, "name", "option");
        phone_page_attr(b, button, "value", letter);
        phone_page_attr(b, button, "class",
                        (int)i == v->vote ? "option chosen" : "option");
        phone_page_attr(b, button, "aria-pressed",
                        (int)i == v->vote ? "true" : "false");
        if (!open) {
            phone_page_attr(b, button, "disabled", "disabled");
        }
        xmlNodePtr l = phone_page_el(b, button, "span", letter);
        phone_page_attr(b, l, "class", "letter");
        phone_page_attr(b, l, "aria-hidden", "true");
        phone_words_fill(buf, sizeof buf, phone_page_w(v, PHONE_W_OPTION),
                         letter);
        xmlNodePtr sr = phone_page_el(b, button, "span", buf);
        phone_page_attr(b, sr, "class", "sr");
        xmlNodePtr t = phone_page_scen(b, button, "span", v->options[i], v);
        phone_page_attr(b, t, "class", "text");
    }
}

char *phone_page_html(const phone_view *v, size_t *len)
{
    phone_page_build b = {false};
    htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
    xmlNodePtr html =
        doc && xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL)
            ? xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL)
            : NULL;
    if (!html) {
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlDocSetRootElement(doc, html);
    phone_page_attr(&b, html, "lang", v->ui_lang ? v->ui_lang : "en");
    phone_page_attr(&b, html, "dir", v->ui_dir ? v->ui_dir : "ltr");
    xmlNodePtr head = phone_page_el(&b, html, "head", NULL);
    /* the serializer adds <meta http-equiv="Content-Type" ... UTF-8> */
    xmlNodePtr meta = phone_page_el(&b, head, "meta", NULL);
    phone_page_attr(&b, meta, "name", "viewport");
    phone_page_attr(&b, meta, "content",
                    "width=device-width, initial-scale=1");
    phone_page_el(&b, head, "title", v->title ? v->title : "Rapport");
    xmlNodePtr link = phone_page_el(&b, head, "link", NULL);
    phone_page_attr(&b, link, "rel", "stylesheet");
    phone_page_attr(&b, link, "href", "/app.css");
    xmlNodePtr script = phone_page_el(&b, head, "script", NULL);
    phone_page_attr(&b, script, "src", "/app.js");
    phone_page_attr(&b, script, "defer", "defer");
    if (v->kind == PHONE_VIEW_WAITING || v->kind == PHONE_VIEW_CLOSED) {
        /* Without JavaScript the page reloads itself to see the next
         * question (a refresh is no script: the CSP allows it). */
        xmlNodePtr ns = phone_page_el(&b, head, "noscript", NULL);
        xmlNodePtr refresh = phone_page_el(&b, ns, "meta", NULL);
        phone_page_attr(&b, refresh, "http-equiv", "refresh");
        phone_page_attr(&b, refresh, "content", "5");
    }
    xmlNodePtr body = phone_page_el(&b, html, "body", NULL);
    phone_page_words(&b, body, v);
    xmlNodePtr header = phone_page_el(&b, body, "header", NULL);
    phone_page_scen(&b, header, "h1", v->title ? v->title : "Rapport", v);
    xmlNodePtr main = phone_page_el(&b, body, "main", NULL);
    phone_page_attr(&b, main, "id", "main");
    if (v->notice && *v->notice) {
        xmlNodePtr n = phone_page_el(&b, main, "p", v->notice);
        phone_page_attr(&b, n, "class", "notice");
        phone_page_attr(&b, n, "role", "alert");
    }
    switch (v->kind) {
    case PHONE_VIEW_JOIN:
        phone_page_join(&b, main, v);
        break;
    case PHONE_VIEW_WAITING: {
        xmlNodePtr p =
            phone_page_el(&b, main, "p", phone_page_w(v, PHONE_W_WAITING));
        phone_page_attr(&b, p, "class", "waiting");
        phone_page_attr(&b, p, "id", "status");
        phone_page_attr(&b, p, "role", "status");
        break;
    }
    case PHONE_VIEW_VOTE:
    case PHONE_VIEW_CLOSED:
        phone_page_vote(&b, main, v);
        break;
    case PHONE_VIEW_ENDED: {
        xmlNodePtr p =
            phone_page_el(&b, main, "p", phone_page_w(v, PHONE_W_ENDED));
        phone_page_attr(&b, p, "class", "waiting");
        phone_page_attr(&b, p, "id", "status");
        phone_page_attr(&b, p, "role", "status");
        break;
    }
    }
    if (v->kind != PHONE_VIEW_JOIN) {
        xmlNodePtr foot = phone_page_el(&b, body, "footer", NULL);
        phone_page_attr(&b, foot, "id", "footer");
        if (v->nick && *v->nick) {
            phone_page_split(&b, foot, phone_page_w(v, PHONE_W_JOINED_AS),
                             v->nick, NULL);
        } else {
            xmlNodePtr t =
                xmlNewText(BAD_CAST phone_page_w(v, PHONE_W_JOINED));
            if (!t || !xmlAddChild(foot, t)) {
                xmlFreeNode(t);
                b.failed = true;
            }
        }
        if (v->team >= 0 && (size_t)v->team < v->team_count) {
            xmlNodePtr t = phone_page_el(&b, foot, "span", NULL);
            phone_page_attr(&b, t, "class", "myteam");
            phone_page_split(&b, t, phone_page_w(v, PHONE_W_TEAM),
                             v->teams[v->team], v->lang ? v->lang : "en");
        }
    }
    char *text = b.failed ? NULL : phone_page_serialise(doc, len);
    xmlFreeDoc(doc);
    return text;
}
