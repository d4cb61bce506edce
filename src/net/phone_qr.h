/* phone_qr.h — the QR code of the join URL, as a matrix of modules that
 * the game draws itself (libqrencode makes the matrix).
 *
 * Ownership: phone_qr_new returns a matrix freed with phone_qr_free (NULL
 * accepted).
 */
#ifndef RAPPORT_PHONE_QR_H
#define RAPPORT_PHONE_QR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int size;               /* modules per side, without the quiet zone */
    unsigned char *modules; /* size * size, row by row: 1 dark, 0 light */
} phone_qr;

/* Quiet zone to leave light around the code, in modules (the standard's). */
#define PHONE_QR_QUIET 4

/* Encodes text (UTF-8, 8-bit mode, error correction level M). NULL on
 * empty or too long text, or no memory. */
phone_qr *phone_qr_new(const char *text);
void phone_qr_free(phone_qr *qr);
/* True when module (x, y) is dark; false outside the code. */
bool phone_qr_dark(const phone_qr *qr, int x, int y);

#endif
