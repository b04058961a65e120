/* capture.c: a FILE * that writes into memory (fopencookie), so print() in a library call ends up
** in the step or the error message the call returns, never on the embedding program's stdout. */
#define _GNU_SOURCE /* fopencookie */
#include <stdlib.h>
#include <string.h>

#include "capture.h"

static ssize_t capture_write(void *cookie, const char *data, size_t n) {
  capture *c = cookie;
  if (c->failed) return (ssize_t)n;
  if (c->len + n + 1 > c->cap) {
    size_t cap = c->cap ? c->cap : 256;
    while (cap < c->len + n + 1) cap *= 2;
    char *p = realloc(c->buf, cap);
    if (!p) {
      c->failed = 1;
      return (ssize_t)n;
    }
    c->buf = p;
    c->cap = cap;
  }
  memcpy(c->buf + c->len, data, n);
  c->len += n;
  c->buf[c->len] = '\0';
  return (ssize_t)n;
}

int capture_open(capture *c) {
  memset(c, 0, sizeof *c);
  cookie_io_functions_t io = { .write = capture_write };
  c->f = fopencookie(c, "w", io);
  return c->f ? 0 : -1;
}

void capture_close(capture *c) {
  if (c->f) fclose(c->f);
  free(c->buf);
  memset(c, 0, sizeof *c);
}

char *capture_take(capture *c, size_t *len) {
  fflush(c->f);
  char *out = malloc(c->len + 1);
  if (out) {
    if (c->len) memcpy(out, c->buf, c->len);
    out[c->len] = '\0';
    if (len) *len = c->len;
  }
  c->len = 0;
  c->failed = 0;
  return out;
}

void capture_clear(capture *c) {
  fflush(c->f);
  c->len = 0;
  c->failed = 0;
}
