/* test_store_cards.c: cards (sync, the new and due queues) and reviews (FSRS scheduling, days,
** undo, make_due) in src/engine/store_cards.c. */
#include "store_testing.h"

#include "fsrs.h"

/* ---- cards ---- */

static void test_sync_cards_retires_and_revives_and_never_deletes(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *first[] = {"a:f1", "b:f2", "c:f3"};
  const char *other[] = {"x:f9"};
  store_sync_counts c = sync_deck(s, "d", first, 3, at(D, 10));
  assert_int_equal(c.added, 3);
  sync_deck(s, "e", other, 1, at(D, 10));
  review(s, "b", 3, at(D, 10));
  /* the same batch again changes nothing */
  c = sync_deck(s, "d", first, 3, at(D, 11));
  assert_int_equal(c.added + c.updated + c.retired + c.revived, 0);
  /* b and c gone from the generator: retired, not deleted; a's facts changed */
  const char *second[] = {"a:f1,f4"};
  c = sync_deck(s, "d", second, 1, at(D + 1, 10));
  assert_int_equal(c.added, 0);
  assert_int_equal(c.updated, 1);
  assert_int_equal(c.retired, 2);
  store_card b = card_of(s, "b");
  assert_int_equal(b.retired, 1);
  assert_int_equal(b.reps, 1);
  store_card_free(&b);
  assert_int_equal(due_count(s, "d", at(D + 30, 10)), 0);
  store_cards list;
  CHECK(store_new_cards(s, "d", -1, &list));
  assert_int_equal(list.n, 1);
  assert_string_equal(list.v[0].id, "a");
  assert_string_equal(list.v[0].facts, "f1 f4");
  store_cards_free(&list);
  store_events ev;
  CHECK(store_history(s, "f2", &ev)); /* b's review is still there */
  assert_int_equal(ev.n, 1);
  store_events_free(&ev);
  /* the other deck is not touched by syncing d */
  store_card x = card_of(s, "x");
  assert_int_equal(x.retired, 0);
  store_card_free(&x);
  /* b is back: revived with its state */
  const char *third[] = {"a:f1,f4", "b:f2"};
  c = sync_deck(s, "d", third, 2, at(D + 2, 10));
  assert_int_equal(c.revived, 1);
  assert_int_equal(c.added + c.updated + c.retired, 0);
  b = card_of(s, "b");
  assert_int_equal(b.retired, 0);
  assert_int_equal(b.reps, 1);
  store_card_free(&b);
  assert_int_equal(due_count(s, "d", at(D + 30, 10)), 1);
  /* a card never reviewed is not "made due": the new queue already has it */
  const char *f4[] = {"f4"};
  int moved = -1;
  CHECK(store_make_due(s, f4, 1, at(D + 2, 10), &moved));
  assert_int_equal(moved, 0); /* a is new: already waiting */
  store_close(s);
}

static void test_new_cards_come_oldest_first_and_due_cards_most_overdue_first(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *first[] = {"n3:f", "n1:f"};
  const char *later[] = {"n3:f", "n1:f", "n0:f"};
  sync_deck(s, "d", first, 2, at(D, 10));
  sync_deck(s, "d", later, 3, at(D, 12));
  store_cards list;
  CHECK(store_new_cards(s, NULL, 2, &list));
  assert_int_equal(list.n, 2);
  assert_string_equal(list.v[0].id, "n1"); /* same created time: by id */
  assert_string_equal(list.v[1].id, "n3");
  store_cards_free(&list);
  fsrs_params p; /* long-term mode: a new card goes straight to day intervals */
  store_get_params(s, &p);
  p.short_term = 0;
  store_set_params(s, &p);
  review(s, "n3", 1, at(D, 12)); /* due D+1 */
  review(s, "n0", 4, at(D, 12)); /* due D+8 */
  review(s, "n1", 3, at(D, 12)); /* due D+3 */
  CHECK(store_due(s, "d", at(D + 8, 10), -1, &list));
  assert_int_equal(list.n, 3);
  assert_string_equal(list.v[0].id, "n3");
  assert_string_equal(list.v[1].id, "n1");
  assert_string_equal(list.v[2].id, "n0");
  store_cards_free(&list);
  CHECK(store_due(s, "other", at(D + 8, 10), -1, &list));
  assert_int_equal(list.n, 0);
  store_cards_free(&list);
  assert_int_equal(due_count(s, NULL, at(D + 1, 10)), 1);
  store_close(s);
}

/* ---- reviews ---- */

static void test_review_schedules_through_fsrs_from_the_last_review_day(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *cards[] = {"r:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  fsrs_params p;
  fsrs_default_params(&p);
  fsrs_outcome want;
  fsrs_schedule(&p, NULL, 4, 0, &want); /* Easy graduates a new card at once */
  store_review_out r = review(s, "r", 4, at(D, 10));
  assert_near(r.stability, want.card.mem.stability, 1e-12);
  assert_near(r.difficulty, want.card.mem.difficulty, 1e-12);
  assert_int_equal(r.interval, want.interval);
  assert_int_equal(r.due_day, D + want.interval);
  assert_int_equal(r.elapsed_days, 0);
  assert_int_equal(r.phase, FSRS_REVIEW);
  /* five days later, early in the morning of the sixth calendar day (before 4 am): still day D+5 */
  fsrs_card prev = want.card;
  fsrs_schedule(&p, &prev, 2, 5, &want);
  r = review(s, "r", 2, at(D + 6, 2));
  assert_int_equal(r.day, D + 5);
  assert_int_equal(r.elapsed_days, 5);
  assert_near(r.stability, want.card.mem.stability, 1e-12);
  assert_near(r.difficulty, want.card.mem.difficulty, 1e-12);
  assert_int_equal(r.interval, want.interval);
  assert_int_equal(r.due_day, D + 5 + want.interval);
  /* a lapse after ten days: a relearning step of 10 minutes, due the same day */
  prev = want.card;
  fsrs_schedule(&p, &prev, 1, 10, &want);
  r = review(s, "r", 1, at(D + 15, 20));
  assert_near(r.stability, want.card.mem.stability, 1e-12);
  assert_int_equal(r.minutes, 10);
  assert_int_equal(r.phase, FSRS_RELEARNING);
  store_card c = card_of(s, "r");
  assert_int_equal(c.reps, 3);
  assert_int_equal(c.lapses, 1);
  assert_int_equal(c.last_day, D + 15);
  assert_int_equal(c.interval, 0);
  assert_int_equal(c.due_day, D + 15);
  assert_int_equal(c.phase, FSRS_RELEARNING);
  assert_int_equal(c.due_time, (int64_t)at(D + 15, 20) + 600);
  assert_near(c.stability, want.card.mem.stability, 1e-12);
  store_card_free(&c);
  store_close(s);
}

static void test_learning_steps_then_graduation_and_undo_restores_the_step(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *cards[] = {"l:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  store_review_out r = review(s, "l", 3, at(D, 10)); /* new, Good: the 10 minute step */
  assert_int_equal(r.phase, FSRS_LEARNING);
  assert_int_equal(r.step, 1);
  assert_int_equal(r.minutes, 10);
  assert_int_equal(r.interval, 0);
  assert_int_equal(r.due_day, D);
  store_review_out pv[4];
  assert_int_equal(store_preview(s, "l", at(D, 10) + 600, pv), STORE_OK);
  assert_int_equal(pv[0].minutes, 1);
  assert_int_equal(pv[2].phase, FSRS_REVIEW); /* Good now graduates */
  r = review(s, "l", 3, at(D, 10) + 600);
  assert_int_equal(r.phase, FSRS_REVIEW);
  assert_int_equal(r.interval, pv[2].interval);
  assert_int_equal(r.due_day, D + pv[2].interval);
  char *id = NULL;
  assert_int_equal(store_undo(s, 0, &id), STORE_OK);
  free(id);
  store_card c = card_of(s, "l");
  assert_int_equal(c.phase, FSRS_LEARNING);
  assert_int_equal(c.step, 1);
  assert_int_equal(c.due_time, (int64_t)at(D, 10) + 600);
  store_card_free(&c);
  store_close(s);
}

static void test_a_same_day_review_counts_zero_elapsed_days(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *cards[] = {"s:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  fsrs_params p;
  fsrs_default_params(&p);
  fsrs_outcome first, want;
  fsrs_schedule(&p, NULL, 1, 0, &first);
  fsrs_schedule(&p, &first.card, 3, 0, &want);
  review(s, "s", 1, at(D, 23));
  store_review_out r = review(s, "s", 3, at(D + 1, 3)); /* 3 am next morning: the same day */
  assert_int_equal(r.elapsed_days, 0);
  assert_int_equal(r.day, D);
  assert_near(r.stability, want.card.mem.stability, 1e-12);
  assert_int_equal(r.interval, want.interval);
  assert_int_equal(r.minutes, want.minutes);
  store_close(s);
}

static void test_a_day_runs_from_4_am_to_4_am_local_time(void **state) {
  (void)state;
  assert_int_equal(store_day(at(D, 4)), D);
  assert_int_equal(store_day(at(D, 4) - 1), D - 1);
  assert_int_equal(store_day(at(D, 27) - 1), D); /* 3:59:59 the next morning */
  assert_int_equal(store_day(0), -1);            /* 1970-01-01 00:00 UTC is still 31 December */
  assert_int_equal(store_day(4 * 3600), 0);
  if (!exists("/usr/share/zoneinfo/America/New_York")) {
    fprintf(stderr, "[  NOTE    ] no tzdata: the daylight-saving case is skipped\n");
    return;
  }
  setenv("TZ", "America/New_York", 1);
  tzset();
  /* 2024-03-10 (day 19792): clocks jump from 2:00 to 3:00; 2024-11-03 (day 20030): from 2:00
  ** back to 1:00. Either way the day still turns at 4:00 on the clock. */
  const int64_t spring = 19792, autumn = 20030;
  struct tm tm;
  time_t start = store_day_start(spring);
  localtime_r(&start, &tm);
  assert_int_equal(tm.tm_hour, 4);
  assert_int_equal(tm.tm_mday, 10);
  assert_int_equal(store_day(start), spring);
  assert_int_equal(store_day(start - 1), spring - 1);
  assert_int_equal(start - store_day_start(spring - 1), 23 * 3600); /* the short night */
  time_t fall = store_day_start(autumn);
  localtime_r(&fall, &tm);
  assert_int_equal(tm.tm_hour, 4);
  assert_int_equal(store_day(fall - 1), autumn - 1);
  assert_int_equal(store_day(fall - 3 * 3600), autumn - 1); /* the second 1:00 */
  assert_int_equal(fall - store_day_start(autumn - 1), 25 * 3600); /* the long night */
  setenv("TZ", "UTC", 1);
  tzset();
}

static void test_undo_restores_the_card_exactly(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *cards[] = {"u:f", "v:f"};
  sync_deck(s, "d", cards, 2, at(D, 10));
  int64_t session = 0;
  CHECK(store_begin_session(s, "cards", NULL, NULL, at(D, 10), &session));
  store_card before_new = card_of(s, "u");
  review(s, "u", 3, at(D, 10));
  store_card before = card_of(s, "u");
  store_review_out r;
  CHECK(store_review(s, "u", 1, at(D + 3, 10), "typed", "1948", session, &r));
  review(s, "v", 4, at(D + 3, 11)); /* outside the session, later */
  char *id = NULL;
  CHECK(store_undo(s, session, &id)); /* the session's last review: u's second */
  assert_string_equal(id, "u");
  free(id);
  store_card after = card_of(s, "u");
  assert_near(after.stability, before.stability, 0);
  assert_near(after.difficulty, before.difficulty, 0);
  assert_int_equal(after.due_day, before.due_day);
  assert_int_equal(after.last_day, before.last_day);
  assert_int_equal(after.interval, before.interval);
  assert_int_equal(after.reps, before.reps);
  assert_int_equal(after.lapses, before.lapses);
  store_card_free(&after);
  CHECK(store_undo(s, session, &id)); /* nothing left in the session */
  assert_null(id);
  CHECK(store_undo(s, 0, &id)); /* the last overall: v */
  assert_string_equal(id, "v");
  free(id);
  CHECK(store_undo(s, 0, &id)); /* then u's first: back to new, NULLs and all */
  assert_string_equal(id, "u");
  free(id);
  after = card_of(s, "u");
  assert_int_equal(after.reps, 0);
  assert_int_equal(after.due_day, before_new.due_day);
  store_card_free(&after);
  store_cards list;
  CHECK(store_new_cards(s, "d", -1, &list));
  assert_int_equal(list.n, 2);
  store_cards_free(&list);
  CHECK(store_undo(s, 0, &id));
  assert_null(id);
  store_card_free(&before);
  store_card_free(&before_new);
  store_close(s);
}

static void test_undo_refuses_to_skip_a_later_review_of_the_same_card(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *cards[] = {"u:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  int64_t a = 0, b = 0;
  CHECK(store_begin_session(s, "cards", NULL, NULL, at(D, 10), &a));
  CHECK(store_begin_session(s, "quiz", NULL, NULL, at(D, 10), &b));
  store_review_out r;
  CHECK(store_review(s, "u", 3, at(D, 10), "self", NULL, a, &r));
  CHECK(store_review(s, "u", 3, at(D + 2, 10), "self", NULL, b, &r));
  char *id = NULL;
  assert_int_equal(store_undo(s, a, &id), STORE_ERROR);
  assert_null(id);
  assert_non_null(strstr(store_error(s), "undo: card 'u' was reviewed again"));
  store_close(s);
}

static void test_review_errors_name_the_operation_and_the_problem(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  store_review_out r;
  assert_int_equal(store_review(s, "ghost", 3, at(D, 10), "self", NULL, 0, &r), STORE_ERROR);
  assert_string_equal(store_error(s), "review: no card 'ghost' in the store");
  assert_int_equal(store_review(s, "ghost", 5, at(D, 10), "self", NULL, 0, &r), STORE_ERROR);
  assert_string_equal(store_error(s), "review: rating must be 1..4, got 5");
  assert_int_equal(store_review(s, "ghost", 3, at(D, 10), "guessed", NULL, 0, &r), STORE_ERROR);
  assert_non_null(strstr(store_error(s), "graded must be"));
  const char *cards[] = {"g:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  assert_int_equal(store_review(s, "g", 3, at(D, 10), "self", NULL, 99, &r), STORE_ERROR);
  assert_string_equal(store_error(s), "review: no session 99 in the store");
  int64_t id;
  assert_int_equal(store_begin_session(s, "party", NULL, NULL, at(D, 10), &id), STORE_ERROR);
  assert_non_null(strstr(store_error(s), "begin_session: kind must be"));
  /* nothing half-done: the card is still new */
  store_card c = card_of(s, "g");
  assert_int_equal(c.reps, 0);
  store_card_free(&c);
  store_close(s);
}

static void test_make_due_brings_back_the_cards_of_missed_facts(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *cards[] = {"m1:cpp,sajjad", "m2:cpp", "m3:nap", "m4:cpp"};
  sync_deck(s, "d", cards, 4, at(D, 10));
  review(s, "m1", 4, at(D, 10)); /* due D+8 */
  review(s, "m2", 4, at(D, 10));
  review(s, "m3", 4, at(D, 10));
  assert_int_equal(due_count(s, NULL, at(D + 1, 10)), 0);
  const char *missed[] = {"cpp", "sajjad"};
  int moved = 0;
  CHECK(store_make_due(s, missed, 2, at(D + 1, 10), &moved));
  assert_int_equal(moved, 2); /* m1 once though named twice; m4 is new */
  store_cards list;
  CHECK(store_due(s, NULL, at(D + 1, 10), -1, &list));
  assert_int_equal(list.n, 2);
  assert_string_equal(list.v[0].id, "m1");
  assert_int_equal(list.v[0].due_day, D + 1);
  store_cards_free(&list);
  CHECK(store_make_due(s, missed, 2, at(D + 1, 10), &moved));
  assert_int_equal(moved, 0); /* already due */
  store_close(s);
}

STORE_TESTS_MAIN(
  T(test_sync_cards_retires_and_revives_and_never_deletes),
  T(test_new_cards_come_oldest_first_and_due_cards_most_overdue_first),
  T(test_review_schedules_through_fsrs_from_the_last_review_day),
  T(test_a_same_day_review_counts_zero_elapsed_days),
  T(test_learning_steps_then_graduation_and_undo_restores_the_step),
  T(test_a_day_runs_from_4_am_to_4_am_local_time),
  T(test_undo_restores_the_card_exactly),
  T(test_undo_refuses_to_skip_a_later_review_of_the_same_card),
  T(test_review_errors_name_the_operation_and_the_problem),
  T(test_make_due_brings_back_the_cards_of_missed_facts),
)
