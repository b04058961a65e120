/* seats.c: the students' seats — each a random token that the phone or terminal keeps, so a
** reload or a dropped connection finds the same seat — and each seat's request allowance. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "server_internal.h"

#define SEAT_RATE 4.0   /* requests a second from one seat, */
#define SEAT_BURST 8.0  /* after a burst of this many */

/* The seat holding token, or 0. Every seat's token is compared in full, so the time taken says
** nothing about how close a forged token came. */
int seats_find(cr_server *s, const char *token) {
  if (strlen(token) != CR_TOKEN_LEN) return 0;
  int found = 0;
  for (int i = 1; i <= s->n_seats; i++) {
    const char *t = s->seats[i].token;
    unsigned diff = t[0] == '\0';
    for (int k = 0; k < CR_TOKEN_LEN; k++) diff |= (unsigned char)(t[k] ^ token[k]);
    if (diff == 0) found = i;
  }
  return found;
}

int seats_take_allowance(cr_seat *seat, double now) {
  return bucket_take(&seat->allowance, SEAT_RATE, SEAT_BURST, now);
}

/* Makes room for seat number n; 0 when out of memory. */
static int grow(cr_server *s, int n) {
  if (n < s->cap_seats) return 1;
  int cap = s->cap_seats ? s->cap_seats : 64;
  while (cap <= n) cap *= 2;
  cr_seat *v = realloc(s->seats, (size_t)cap * sizeof *v);
  if (!v) return 0;
  memset(v + s->cap_seats, 0, (size_t)(cap - s->cap_seats) * sizeof *v);
  s->seats = v;
  s->cap_seats = cap;
  return 1;
}

static void set_seat(cr_server *s, int n, const char *token) {
  cr_seat *seat = &s->seats[n];
  memcpy(seat->token, token, CR_TOKEN_LEN + 1);
  bucket_fill(&seat->allowance, SEAT_BURST, cr_now());
  if (n > s->n_seats) s->n_seats = n;
}

int cr_admit(cr_server *s, char *token_out) {
  unsigned char raw[CR_TOKEN_LEN / 2];
  if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw) return 0;
  for (size_t i = 0; i < sizeof raw; i++) snprintf(token_out + 2 * i, 3, "%02x", raw[i]);
  pthread_mutex_lock(&s->lock);
  int n = s->n_seats + 1;
  int ok = grow(s, n);
  if (ok) set_seat(s, n, token_out);
  pthread_mutex_unlock(&s->lock);
  return ok ? n : 0;
}

int cr_restore_seat(cr_server *s, int n, const char *token) {
  if (n < 1 || strlen(token) != CR_TOKEN_LEN) return 0;
  pthread_mutex_lock(&s->lock);
  int ok = grow(s, n) && s->seats[n].token[0] == '\0' && !s->seats[n].stream;
  if (ok) {
    set_seat(s, n, token);
  }
  pthread_mutex_unlock(&s->lock);
  return ok;
}

void cr_kick(cr_server *s, int n, const char *event, const char *json) {
  pthread_mutex_lock(&s->lock);
  if (n >= 1 && n <= s->n_seats) {
    cr_seat *seat = &s->seats[n];
    memset(seat->token, 0, sizeof seat->token);
    if (seat->stream) {
      if (event) streams_append(seat->stream, event, json);
      streams_close(seat->stream);
    }
  }
  pthread_mutex_unlock(&s->lock);
}

void cr_send(cr_server *s, int n, const char *event, const char *json) {
  pthread_mutex_lock(&s->lock);
  for (int i = n ? n : 1; i <= (n ? n : s->n_seats) && i <= s->n_seats; i++) {
    if (s->seats[i].stream && s->seats[i].token[0]) streams_append(s->seats[i].stream, event, json);
  }
  pthread_mutex_unlock(&s->lock);
}

void seats_free(cr_server *s) {
  free(s->seats);
  s->seats = NULL;
  s->n_seats = s->cap_seats = 0;
}
