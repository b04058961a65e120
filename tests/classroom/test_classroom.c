/* test_classroom.c: the classroom layer from C alone (src/classroom/) — its server and client
** talking on loopback, a stand-in game answering on a thread of its own, and the QR code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classroom.h"

#define WEB HALQA_SOURCE_DIR "/web"

static void test_qr_code_is_square_modules_of_ones_and_zeros(void **state) {
  (void)state;
  int size = 0;
  char *m = cr_qr("http://127.0.0.1:8080/?code=123456", &size);
#ifdef HALQA_HAVE_QRENCODE
  assert_non_null(m);
  assert_true(size >= 21 && (size - 17) % 4 == 0); /* a QR version's width */
  for (int i = 0; i < size * size; i++) assert_true(m[i] == '0' || m[i] == '1');
  assert_memory_equal(m, "1111111", 7); /* a finder pattern's top edge */
#else
  assert_null(m);
#endif
  free(m);
}

#ifdef HALQA_HAVE_MHD
static void test_start_reports_a_bad_address_and_a_missing_page(void **state) {
  (void)state;
  char err[256];
  cr_config cfg = { .bind = "not an address", .web_dir = WEB, .code = "1" };
  assert_null(cr_start(&cfg, err, sizeof err));
  assert_string_equal(err, "'not an address' is not an IPv4 address");
  cfg.bind = NULL;
  cfg.web_dir = "/nonexistent";
  assert_null(cr_start(&cfg, err, sizeof err));
  assert_non_null(strstr(err, "/nonexistent/index.html"));
}

/* The stand-in game: admits every join, acknowledges every answer, greets each stream. */
typedef struct game {
  cr_server *s;
  int stop, answers, joins, connects;
  char last_answer[64];
} game;

static void *play(void *ud) {
  game *g = ud;
  while (!__atomic_load_n(&g->stop, __ATOMIC_SEQ_CST)) {
    struct pollfd p = { .fd = cr_wake_fd(g->s), .events = POLLIN };
    poll(&p, 1, 50);
    cr_event *ev;
    size_t n = cr_poll(g->s, &ev);
    for (size_t i = 0; i < n; i++) {
      if (ev[i].kind == CR_JOIN) {
        char token[CR_TOKEN_LEN + 1], json[128];
        int seat = cr_admit(g->s, token);
        snprintf(json, sizeof json, "{\"token\":\"%s\",\"seat\":%d}", token, seat);
        cr_reply(g->s, ev[i].req, 200, json);
        g->joins++;
      } else if (ev[i].kind == CR_ANSWER) {
        snprintf(g->last_answer, sizeof g->last_answer, "%ld:%s", ev[i].question, ev[i].text);
        cr_reply(g->s, ev[i].req, 200, "{\"ok\":true}");
        g->answers++;
      } else if (ev[i].kind == CR_CONNECT) {
        cr_send(g->s, ev[i].seat, "hello", "{\"n\":1}");
        g->connects++;
      }
    }
    cr_events_free(ev, n);
  }
  return NULL;
}

#ifdef HALQA_HAVE_CURL
/* Waits up to 10 s for a message called event; 1 if it came. */
static int receive(cr_client *c, const char *event, int *ended) {
  for (int tries = 0; tries < 200; tries++) {
    struct pollfd p = { .fd = cr_client_fd(c), .events = POLLIN };
    poll(&p, 1, 50);
    cr_message *m;
    size_t n = cr_client_poll(c, &m, ended);
    int found = 0;
    for (size_t i = 0; i < n; i++) found |= strcmp(m[i].event, event) == 0;
    cr_messages_free(m, n);
    if (found) return 1;
  }
  return 0;
}

static void test_a_client_joins_follows_the_stream_answers_and_is_kicked(void **state) {
  (void)state;
  char err[256] = "";
  cr_config cfg = { .web_dir = WEB, .code = "4321" };
  game g = { 0 };
  g.s = cr_start(&cfg, err, sizeof err);
  assert_non_null(g.s);
  assert_true(cr_port(g.s) > 0);
  pthread_t t;
  pthread_create(&t, NULL, play, &g);
  char address[64];
  snprintf(address, sizeof address, "127.0.0.1:%d", cr_port(g.s));

  assert_null(cr_join(address, "0000", "Ali", err, sizeof err));
  assert_non_null(strstr(err, "wrong join code"));
  cr_client *c = cr_join(address, "4321", "Ali", err, sizeof err);
  assert_non_null(c);
  assert_int_equal(cr_client_seat(c), 1);
  int ended = 0;
  assert_true(receive(c, "hello", &ended)); /* the game greeted the new stream */
  char *body = NULL;
  assert_int_equal(cr_client_answer(c, 3, "Sajjad Zaheer", &body, err, sizeof err), 200);
  assert_string_equal(body, "{\"ok\":true}");
  free(body);
  assert_string_equal(g.last_answer, "3:Sajjad Zaheer");
  cr_stats st;
  cr_get_stats(g.s, &st);
  assert_int_equal(st.seats, 1);
  assert_int_equal(st.refused, 1); /* the wrong code */

  cr_kick(g.s, 1, "kicked", "{}");
  assert_true(receive(c, "kicked", &ended));
  assert_true(ended);
  assert_int_equal(cr_client_answer(c, 3, "again", &body, err, sizeof err), 403);
  free(body);

  cr_set_code(g.s, NULL); /* the game is over: no more joins */
  assert_null(cr_join(address, "4321", "Sara", err, sizeof err));
  assert_non_null(strstr(err, "the game is over"));
  cr_client_close(c);
  __atomic_store_n(&g.stop, 1, __ATOMIC_SEQ_CST);
  pthread_join(t, NULL);
  assert_int_equal(g.joins, 1);
  cr_stop(g.s);
}
#endif

static void test_a_seat_given_back_its_token_is_found_again(void **state) {
  (void)state;
  char err[256];
  cr_config cfg = { .web_dir = WEB, .code = "1" };
  cr_server *s = cr_start(&cfg, err, sizeof err);
  assert_non_null(s);
  const char *token = "0123456789abcdef0123456789abcdef";
  assert_true(cr_restore_seat(s, 5, token));
  assert_false(cr_restore_seat(s, 5, token)); /* taken */
  assert_false(cr_restore_seat(s, 6, "short"));
  char fresh[CR_TOKEN_LEN + 1];
  assert_int_equal(cr_admit(s, fresh), 6); /* new seats come after the restored ones */
  assert_int_equal(strlen(fresh), CR_TOKEN_LEN);
  assert_string_not_equal(fresh, token);
  assert_int_equal(cr_reply(s, 99, 200, "{}"), 0); /* no such request waiting */
  cr_stop(s);
}
#endif

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_qr_code_is_square_modules_of_ones_and_zeros),
#ifdef HALQA_HAVE_MHD
    cmocka_unit_test(test_start_reports_a_bad_address_and_a_missing_page),
    cmocka_unit_test(test_a_seat_given_back_its_token_is_found_again),
#ifdef HALQA_HAVE_CURL
    cmocka_unit_test(test_a_client_joins_follows_the_stream_answers_and_is_kicked),
#endif
#endif
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
