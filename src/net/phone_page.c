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

/* An element with English text (the page's own words), left to right
 * also on a right-to-left page. */
static xmlNodePtr phone_page_en(phone_page_build *b, xmlNodePtr parent,
                                const char *name, const char *text)
{
    xmlNodePtr n = phone_page_el(b, parent, name, text);
    phone_page_attr(b, n, "lang", "en");
    phone_page_attr(b, n, "dir", "ltr");
    return n;
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
    phone_page_attr(b, form, "lang", "en");
    phone_page_attr(b, form, "dir", "ltr");
    xmlNodePtr label = phone_page_el(b, form, "label", "Join code");
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
        label = phone_page_el(b, form, "label", "Nickname or team (optional)");
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
        phone_page_en(b, set, "legend", "Your team");
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
            xmlNodePtr name = phone_page_el(b, label, "bdi", v->teams[t]);
            phone_page_attr(b, name, "lang", v->lang ? v->lang : "en");
            phone_page_attr(b, name, "dir", "auto");
        }
    }
    xmlNodePtr button = phone_page_el(b, form, "button", "Join");
    phone_page_attr(b, button, "type", "submit");
    phone_page_attr(b, button, "class", "primary");
}

static void phone_page_vote(phone_page_build *b, xmlNodePtr main,
                            const phone_view *v)
{
    bool open = v->kind == PHONE_VIEW_VOTE;
    char buf[160];
    if (v->vote >= 0 && v->vote < 26) {
        snprintf(buf, sizeof buf, "%s %c.",
                 open ? (v->saved ? "Vote received:" : "Vote sent:")
                      : "The vote is closed. Your vote:",
                 'A' + v->vote);
    } else {
        snprintf(buf, sizeof buf, "%s",
                 open ? "Choose one option." : "The vote is closed.");
    }
    xmlNodePtr status = phone_page_en(b, main, "p", buf);
    phone_page_attr(b, status, "class", "status");
    phone_page_attr(b, status, "id", "status");
    phone_page_attr(b, status, "role", "status");
    if (open && v->vote >= 0) {
        xmlNodePtr hint = phone_page_en(b, main, "p",
                                        "You can change it until the vote "
                                        "closes.");
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
    snprintf(buf, sizeof buf, "Question %u: choose one", v->ballot);
    phone_page_en(b, set, "legend", buf);
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
        snprintf(buf, sizeof buf, "Option %s: ", letter);
        xmlNodePtr sr = phone_page_en(b, button, "span", buf);
        phone_page_attr(b, sr, "class", "sr");
        xmlNodePtr t = phone_page_el(b, button, "span", v->options[i]);
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
    phone_page_attr(&b, html, "lang", v->lang ? v->lang : "en");
    phone_page_attr(&b, html, "dir", v->dir ? v->dir : "ltr");
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
    xmlNodePtr header = phone_page_el(&b, body, "header", NULL);
    phone_page_el(&b, header, "h1", v->title ? v->title : "Rapport");
    xmlNodePtr main = phone_page_el(&b, body, "main", NULL);
    phone_page_attr(&b, main, "id", "main");
    if (v->notice && *v->notice) {
        xmlNodePtr n = phone_page_en(&b, main, "p", v->notice);
        phone_page_attr(&b, n, "class", "notice");
        phone_page_attr(&b, n, "role", "alert");
    }
    switch (v->kind) {
    case PHONE_VIEW_JOIN:
        phone_page_join(&b, main, v);
        break;
    case PHONE_VIEW_WAITING: {
        xmlNodePtr p =
            phone_page_en(&b, main, "p", "Waiting for the next question…");
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
            phone_page_en(&b, main, "p", "The session is over. Thank you!");
        phone_page_attr(&b, p, "class", "waiting");
        phone_page_attr(&b, p, "id", "status");
        phone_page_attr(&b, p, "role", "status");
        break;
    }
    }
    if (v->kind != PHONE_VIEW_JOIN) {
        char buf[160];
        snprintf(buf, sizeof buf, "Joined%s",
                 v->nick && *v->nick ? " as " : "");
        xmlNodePtr foot = phone_page_en(&b, body, "footer", buf);
        phone_page_attr(&b, foot, "id", "footer");
        if (v->nick && *v->nick) {
            phone_page_el(&b, foot, "bdi", v->nick);
        }
        if (v->team >= 0 && (size_t)v->team < v->team_count) {
            xmlNodePtr t = phone_page_el(&b, foot, "span", NULL);
            phone_page_attr(&b, t, "class", "myteam");
            xmlAddChild(t, xmlNewText(BAD_CAST ", team "));
            xmlNodePtr name = phone_page_el(&b, t, "bdi", v->teams[v->team]);
            phone_page_attr(&b, name, "lang", v->lang ? v->lang : "en");
        }
    }
    char *text = b.failed ? NULL : phone_page_serialise(doc, len);
    xmlFreeDoc(doc);
    return text;
}
