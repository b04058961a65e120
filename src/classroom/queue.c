/* queue.c: the server's queue of events for the game — what the connections' threads push and
** cr_poll hands over, with the eventfd that wakes the game — and the clock events are timed by. */
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "server_internal.h"

double cr_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void server_push_event(cr_server *s, const cr_event *ev) {
  if (!list_push(&s->events, ev, sizeof *ev)) {
    free(ev->text);
    return;
  }
  uint64_t one = 1;
  ssize_t w = write(s->wake_fd, &one, sizeof one);
  (void)w; /* a full counter still wakes the reader */
}

size_t cr_poll(cr_server *s, cr_event **out) {
  uint64_t n;
  ssize_t r = read(s->wake_fd, &n, sizeof n);
  (void)r; /* EAGAIN: nothing new, but the queue is read anyway */
  size_t k;
  pthread_mutex_lock(&s->lock);
  *out = list_take(&s->events, &k);
  pthread_mutex_unlock(&s->lock);
  return k;
}

void cr_events_free(cr_event *ev, size_t n) {
  for (size_t i = 0; i < n; i++) free(ev[i].text);
  free(ev);
}

void bucket_fill(cr_bucket *b, double burst, double now) {
  b->left = burst;
  b->at = now;
}

int bucket_take(cr_bucket *b, double rate, double burst, double now) {
  b->left += (now - b->at) * rate;
  if (b->left > burst) b->left = burst;
  b->at = now;
  if (b->left < 1) return 0;
  b->left -= 1;
  return 1;
}
