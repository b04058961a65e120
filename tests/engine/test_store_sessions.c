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

static void test_session_answers_come_back_in_the_order_recorded(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  int64_t q = 0, other = 0, aid = 0;
  CHECK(store_begin_session(s, "drill", "5", "{\"serve\":true}", at(D, 9), &q));
  CHECK(store_begin_session(s, "drill", "6", NULL, at(D, 9), &other));
  store_answer_in join = {q, "@join", NULL, "1 abc", "joined", "Ali", NAN, NAN};
  store_answer_in ans = {q, "founded.cpp", "cpp", "1948", "correct", "Ali", 1, 3.5};
  store_answer_in elsewhere = {other, "founded.cpp", "cpp", "1947", "wrong", "Sara", 0, 2};
  CHECK(store_record_answer(s, &join, at(D, 9), &aid));
  CHECK(store_record_answer(s, &elsewhere, at(D, 9), &aid));
  CHECK(store_record_answer(s, &ans, at(D, 9), &aid));
  store_events ev;
  CHECK(store_session_answers(s, q, &ev));
  assert_int_equal(ev.n, 2);
  assert_string_equal(ev.v[0].item, "@join");
  assert_string_equal(ev.v[0].text, "1 abc");
  assert_string_equal(ev.v[1].verdict, "correct");
  assert_near(ev.v[1].seconds, 3.5, 0);
  store_events_free(&ev);
  store_close(s);
}

static void test_unfinished_session_is_the_latest_that_never_ended_and_matches(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  int64_t a = 0, b = 0, c = 0;
  CHECK(store_begin_session(s, "drill", "1", "{\"serve\":true}", at(D, 9), &a));
  CHECK(store_begin_session(s, "drill", "2", "{\"serve\":true}", at(D, 10), &b));
  CHECK(store_begin_session(s, "drill", "3", "{\"teams\":true}", at(D, 11), &c));
  store_session_info info;
  CHECK(store_unfinished_session(s, "drill", "\"serve\":true", &info));
  assert_int_equal(info.id, b);
  assert_string_equal(info.seed, "2");
  assert_string_equal(info.settings, "{\"serve\":true}");
  store_session_info_free(&info);
  CHECK(store_end_session(s, b, NULL, at(D, 12)));
  CHECK(store_unfinished_session(s, "drill", "\"serve\":true", &info));
  assert_int_equal(info.id, a);
  store_session_info_free(&info);
  CHECK(store_unfinished_session(s, "quiz", "", &info));
  assert_int_equal(info.id, 0);
  assert_null(info.settings);
  store_close(s);
}

STORE_TESTS_MAIN(
  T(test_history_lists_reviews_and_answers_of_a_fact_in_time_order),
  T(test_session_answers_come_back_in_the_order_recorded),
  T(test_unfinished_session_is_the_latest_that_never_ended_and_matches),
)
