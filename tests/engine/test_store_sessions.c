/* test_store_sessions.c: sessions, answers and a fact's history (src/engine/store_sessions.c). */
#include "store_testing.h"

/* ---- sessions, answers, history ---- */

static void test_history_lists_reviews_and_answers_of_a_fact_in_time_order(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *cards[] = {"h1:cpp", "h2:other"};
  sync_deck(s, "d", cards, 2, at(D, 10));
  int64_t q = 0, aid = 0;
  CHECK(store_begin_session(s, "quiz", "42", "{\"count\":2}", at(D, 9), &q));
  store_answer_in a = {q, "founded.cpp", "cpp nap", "1947", "near", "Ali", 0.5, 4.25};
  CHECK(store_record_answer(s, &a, at(D, 9), &aid));
  review(s, "h1", 3, at(D, 10));
  review(s, "h2", 3, at(D, 10));
  store_answer_in b = {q, "leader.cpp", "cpp", "Sajjad", "correct", NULL, NAN, NAN};
  CHECK(store_record_answer(s, &b, at(D + 1, 9), &aid));
  CHECK(store_end_session(s, q, "fine", at(D + 1, 9)));
  store_events ev;
  CHECK(store_history(s, "cpp", &ev));
  assert_int_equal(ev.n, 3);
  assert_true(ev.v[0].is_answer);
  assert_string_equal(ev.v[0].item, "founded.cpp");
  assert_string_equal(ev.v[0].text, "1947");
  assert_string_equal(ev.v[0].verdict, "near");
  assert_string_equal(ev.v[0].player, "Ali");
  assert_near(ev.v[0].score, 0.5, 0);
  assert_near(ev.v[0].seconds, 4.25, 0);
  assert_int_equal(ev.v[0].session, q);
  assert_false(ev.v[1].is_answer);
  assert_string_equal(ev.v[1].item, "h1");
  assert_int_equal(ev.v[1].rating, 3);
  assert_string_equal(ev.v[1].graded, "self");
  assert_true(ev.v[2].is_answer);
  assert_true(isnan(ev.v[2].score));
  assert_null(ev.v[2].player);
  store_events_free(&ev);
  CHECK(store_history(s, "nap", &ev));
  assert_int_equal(ev.n, 1);
  store_events_free(&ev);
  assert_int_equal(store_end_session(s, 77, NULL, at(D, 9)), STORE_ERROR);
  assert_string_equal(store_error(s), "end_session: no session 77 in the store");
  store_close(s);
}

STORE_TESTS_MAIN(
  T(test_history_lists_reviews_and_answers_of_a_fact_in_time_order),
)
