/* server_internal.h: the server's state, shared by server.c, seats.c and streams.c. */
#ifndef HALQA_SERVER_INTERNAL_H
#define HALQA_SERVER_INTERNAL_H

#include <pthread.h>
#include <microhttpd.h>

#include "classroom.h"
#include "list.h"

/* A request allowance that refills at `rate` a second up to `burst` (a token bucket). */
typedef struct cr_bucket {
  double left, at;
} cr_bucket;

/* A stream of Server-Sent Events to one seat; freed by MHD when the connection ends. */
typedef struct cr_stream {
  struct cr_server *srv;
  int seat;
  char *buf;
  size_t len, off, cap;
  int closing;            /* end after what is buffered (kicked, replaced, game over) */
  pthread_cond_t ready;   /* data arrived or closing */
} cr_stream;

typedef struct cr_seat {
  char token[CR_TOKEN_LEN + 1]; /* "" once kicked */
  cr_stream *stream;
  cr_bucket allowance;          /* the seat's requests */
} cr_seat;

/* A request waiting for the game's reply. */
typedef struct cr_pending {
  long id;
  int done, status;
  char *body;
  pthread_cond_t cond;
  struct cr_pending *next;
} cr_pending;

struct cr_server {
  struct MHD_Daemon *daemon;
  pthread_mutex_t lock;   /* guards everything below */
  int wake_fd;
  int port;
  int closing;
  double reply_timeout;
  char code[32];          /* "" once the game is over */
  cr_seat *seats;         /* seats[1..n_seats] */
  int n_seats, cap_seats;
  cr_list events;          /* of cr_event */
  cr_pending *pending;
  long next_req;
  cr_stats stats;
  char *files[3];         /* index.html, app.js, style.css */
  size_t file_len[3];
};

/* seats.c (called with lock held) */
int seats_find(cr_server *s, const char *token);
int seats_take_allowance(cr_seat *seat, double now);
void seats_free(cr_server *s);

/* streams.c */
struct MHD_Response *streams_open(cr_server *s, int seat);  /* lock held */
void streams_append(cr_stream *st, const char *event, const char *json); /* lock held */
void streams_close(cr_stream *st);                          /* lock held */

/* queue.c */
void server_push_event(cr_server *s, const cr_event *ev); /* lock held */
void bucket_fill(cr_bucket *b, double burst, double now);
int bucket_take(cr_bucket *b, double rate, double burst, double now); /* 0 when spent */

#endif
