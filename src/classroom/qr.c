/* qr.c: the join address as a QR code's modules, from libqrencode; the terminal drawing is Lua's
** (lib/classroom/screen.lua). */
#include <stdlib.h>
#include <string.h>

#include "classroom.h"

#ifdef HALQA_HAVE_QRENCODE
#include <qrencode.h>

char *cr_qr(const char *text, int *size) {
  QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!q) return NULL;
  int n = q->width;
  char *out = malloc((size_t)n * (size_t)n);
  if (out) {
    for (int i = 0; i < n * n; i++) out[i] = (q->data[i] & 1) ? '1' : '0';
    *size = n;
  }
  QRcode_free(q);
  return out;
}
#else
char *cr_qr(const char *text, int *size) {
  (void)text;
  (void)size;
  return NULL;
}
#endif
