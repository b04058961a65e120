/* test_store_stats.c: the statistics (src/engine/store_stats.c) on a small store of known states. */
#include "store_testing.h"

#include "fsrs.h"

/* ---- stats ---- */

static void test_stats_on_a_small_known_store(void **state) {
  (void)state;
  const char *p = path_in("stats.db");
  store *s = open_ok(p);
  const char *deck_a[] = {"a1:f1", "a2:f1,f2", "a3:f3", "a4:f4"};
  const char *deck_b[] = {"b1:f2", "b2", "b3"};
  const char *deck_b2[] = {"b1:f2", "b2"};
  sync_deck(s, "a", deck_a, 4, at(D - 50, 10));
  sync_deck(s, "b", deck_b, 3, at(D - 50, 10));
  sync_deck(s, "b", deck_b2, 2, at(D - 50, 10)); /* b3 retired */
  review(s, "b2", 3, at(D - 40, 10));             /* outside the 7-day window */
  review(s, "a1", 3, at(D - 2, 10));              /* new: not in retention */
  review(s, "a2", 1, at(D - 2, 10));
  review(s, "a1", 2, at(D - 1, 10));              /* retention: pass */
  review(s, "a2", 1, at(D - 1, 10));              /* retention: fail */
  review(s, "a2", 3, at(D, 10));                  /* retention: pass */
  review(s, "a1", 3, at(D, 10));                  /* retention: pass */
  review(s, "b1", 4, at(D, 10));                  /* new */
  review(s, "a3", 1, at(D, 10));                  /* new */
  review(s, "a3", 3, at(D, 11));                  /* same day: not in retention */
  store_close(s);
  /* Pin the states, so the counts do not depend on FSRS's numbers. */
  char sql[1024];
  snprintf(sql, sizeof sql,
           "UPDATE cards SET interval = 30, due_day = %d, stability = 40, last_day = %d, lapses = 0 WHERE id = 'a1';"
           "UPDATE cards SET interval = 3,  due_day = %d, stability = 2,  last_day = %d, lapses = 2 WHERE id = 'a2';"
           "UPDATE cards SET interval = 1,  due_day = %d, stability = 1,  last_day = %d, lapses = 1 WHERE id = 'a3';"
           "UPDATE cards SET interval = 25, due_day = %d, stability = 30, last_day = %d, lapses = 0 WHERE id = 'b1';"
           "UPDATE cards SET interval = 21, due_day = %d, stability = 50, last_day = %d, lapses = 0 WHERE id = 'b2';",
           D + 10, D - 20, D, D - 3, D - 2, D - 5, D + 1, D - 24, D + 40, D - 40);
  exec_sql(p, sql);
  s = open_ok(p);
  store_stats st;
  CHECK(store_stats_get(s, at(D, 12), 7, 10, &st));
  assert_int_equal(st.today, D);
  assert_int_equal(st.n_decks, 2);
  assert_string_equal(st.decks[0].deck, "a");
  assert_int_equal(st.decks[0].total, 4);
  assert_int_equal(st.decks[0].new_cards, 1);
  assert_int_equal(st.decks[0].learning, 2);
  assert_int_equal(st.decks[0].due, 2);
  assert_int_equal(st.decks[0].mature, 1);
  assert_string_equal(st.decks[1].deck, "b");
  assert_int_equal(st.decks[1].total, 2);
  assert_int_equal(st.decks[1].new_cards, 0);
  assert_int_equal(st.decks[1].learning, 0);
  assert_int_equal(st.decks[1].due, 0);
  assert_int_equal(st.decks[1].mature, 2);
  assert_int_equal(st.retention_reviews, 4);
  assert_int_equal(st.retention_passed, 3);
  int heat[7] = {0, 0, 0, 0, 2, 2, 5};
  int ahead[7] = {2, 1, 0, 0, 0, 0, 0};
  for (int i = 0; i < 7; i++) {
    assert_int_equal(st.heatmap[i], heat[i]);
    assert_int_equal(st.forecast[i], ahead[i]);
  }
  fsrs_params fp;
  fsrs_default_params(&fp);
  assert_int_equal(st.n_weakest, 3); /* f4's only card is new: it has no retrievability yet */
  assert_string_equal(st.weakest[0].fact, "f3");
  assert_near(st.weakest[0].retrievability, fsrs_retrievability(&fp, 5, 1), 1e-12);
  assert_int_equal(st.weakest[0].lapses, 1);
  assert_string_equal(st.weakest[1].fact, "f1");
  assert_near(st.weakest[1].retrievability, fsrs_retrievability(&fp, 3, 2), 1e-12);
  assert_int_equal(st.weakest[1].lapses, 2);
  assert_int_equal(st.weakest[1].cards, 2);
  assert_string_equal(st.weakest[2].fact, "f2"); /* ties f1 on both: by name */
  assert_int_equal(st.weakest[2].lapses, 2);
  store_stats_free(&st);
  store_close(s);
}

STORE_TESTS_MAIN(
  T(test_stats_on_a_small_known_store),
)
