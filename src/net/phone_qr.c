/* phone_qr.c — QR matrix of a URL through libqrencode (see phone_qr.h). */
#include "phone_qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

phone_qr *phone_qr_new(const char *text)
{
    if (!text || !*text || strlen(text) > 1024) {
        return NULL;
    }
    QRcode *code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!code) {
        return NULL;
    }
    phone_qr *qr = calloc(1, sizeof *qr);
    size_t n = (size_t)code->width * (size_t)code->width;
    if (qr) {
        qr->modules = malloc(n);
    }
    if (!qr || !qr->modules) {
        free(qr);
        QRcode_free(code);
        return NULL;
    }
    qr->size = code->width;
    /* libqrencode: bit 0 of each byte is the module's colour. */
    for (size_t i = 0; i < n; i++) {
        qr->modules[i] = code->data[i] & 1u;
    }
    QRcode_free(code);
    return qr;
}

void phone_qr_free(phone_qr *qr)
{
    if (!qr) {
        return;
    }
    free(qr->modules);
    free(qr);
}

bool phone_qr_dark(const phone_qr *qr, int x, int y)
{
    if (!qr || x < 0 || y < 0 || x >= qr->size || y >= qr->size) {
        return false;
    }
    return qr->modules[(size_t)y * (size_t)qr->size + (size_t)x] != 0;
}
