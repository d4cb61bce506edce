/* phone_assets.h — the phone page's script and style sheet, embedded at
 * build time by cmake/embed.cmake from assets/phone/ and served from
 * memory (no file is read at run time). Read-only; NUL-terminated; _len
 * excludes the NUL. */
#ifndef RAPPORT_PHONE_ASSETS_H
#define RAPPORT_PHONE_ASSETS_H

extern const unsigned char phone_app_js[];
extern const unsigned long phone_app_js_len;
extern const unsigned char phone_app_css[];
extern const unsigned long phone_app_css_len;

#endif
