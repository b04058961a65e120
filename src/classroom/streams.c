/* streams.c: one Server-Sent Events stream per seat. Events wait in the stream's buffer; the
** connection's thread sleeps in the reader until there is something to send, and sends a comment
** every 15 seconds so idle proxies and phones keep the connection. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server_internal.h"

#define STREAM_MAX (256 * 1024) /* a student this far behind is dropped: the page reconnects */
#define KEEPALIVE 15

static void put(cr_stream *st, const char *text, size_t n) {
  if (st->closing) return;
  if (st->len + n > STREAM_MAX) {
    streams_close(st);
    return;
  }
  if (st->len + n > st->cap) {
    size_t cap = st->cap ? st->cap : 1024;
    while (cap < st->len + n) cap *= 2;
    char *b = realloc(st->buf, cap);
    if (!b) {
      streams_close(st);
      return;
    }
    st->buf = b;
    st->cap = cap;
  }
  memcpy(st->buf + st->len, text, n);
  st->len += n;
}

/* "event: NAME\ndata: JSON\n\n"; the JSON is one line (the caller's encoder makes it so). */
void streams_append(cr_stream *st, const char *event, const char *json) {
  put(st, "event: ", 7);
  put(st, event, strlen(event));
  put(st, "\ndata: ", 7);
  put(st, json, strlen(json));
  put(st, "\n\n", 2);
  pthread_cond_signal(&st->ready);
}

void streams_close(cr_stream *st) {
  st->closing = 1;
  pthread_cond_signal(&st->ready);
}

static ssize_t stream_read(void *cls, uint64_t pos, char *out, size_t max) {
  (void)pos;
  cr_stream *st = cls;
  cr_server *s = st->srv;
  pthread_mutex_lock(&s->lock);
  while (st->off == st->len && !st->closing) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += KEEPALIVE;
    if (pthread_cond_timedwait(&st->ready, &s->lock, &until) == ETIMEDOUT && st->off == st->len) {
      pthread_mutex_unlock(&s->lock);
      memcpy(out, ":\n\n", 3);
      return 3;
    }
  }
  ssize_t n = MHD_CONTENT_READER_END_OF_STREAM;
  if (st->off < st->len) {
    size_t k = st->len - st->off < max ? st->len - st->off : max;
    memcpy(out, st->buf + st->off, k);
    st->off += k;
    if (st->off == st->len) st->off = st->len = 0;
    n = (ssize_t)k;
  }
  pthread_mutex_unlock(&s->lock);
  return n;
}

static void stream_free(void *cls) {
  cr_stream *st = cls;
  cr_server *s = st->srv;
  pthread_mutex_lock(&s->lock);
  if (st->seat >= 1 && st->seat <= s->n_seats && s->seats[st->seat].stream == st) {
    s->seats[st->seat].stream = NULL;
    if (!s->closing) {
      cr_event ev = { .kind = CR_DISCONNECT, .seat = st->seat, .at = cr_now() };
      server_push_event(s, &ev);
    }
  }
  pthread_mutex_unlock(&s->lock);
  pthread_cond_destroy(&st->ready);
  free(st->buf);
  free(st);
}

/* A new stream for seat, replacing (ending) the one it had; tells the game, which then sends the
** seat where the game stands. */
struct MHD_Response *streams_open(cr_server *s, int seat) {
  cr_stream *st = calloc(1, sizeof *st);
  if (!st) return NULL;
  st->srv = s;
  st->seat = seat;
  pthread_cond_init(&st->ready, NULL);
  struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_read, st, stream_free);
  if (!r) {
    pthread_cond_destroy(&st->ready);
    free(st);
    return NULL;
  }
  MHD_add_response_header(r, "Content-Type", "text/event-stream");
  MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  cr_seat *old = &s->seats[seat];
  if (old->stream) {
    old->stream->seat = 0; /* no longer this seat's: its end tells nobody */
    streams_close(old->stream);
  }
  old->stream = st;
  put(st, "retry: 2000\n\n", 13);
  cr_event ev = { .kind = CR_CONNECT, .seat = seat, .at = cr_now() };
  server_push_event(s, &ev);
  return r;
}
