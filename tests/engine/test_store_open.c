/* test_store_open.c: opening the store (src/engine/store_open.c, store_schema.c): lazy creation, files
** refused or damaged and the no-save mode, migrations, two writers, durability and batches. */
#include "store_testing.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

/* ---- opening ---- */

static void test_memory_store_saves_for_the_session(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  const char *cards[] = {"m1:f1", "m2:f2"};
  sync_deck(s, "mem", cards, 2, at(D, 10));
  assert_int_equal(store_mode(s), STORE_OK);
  assert_string_equal(store_path(s), ":memory:");
  review(s, "m1", 3, at(D, 10));
  assert_int_equal(due_count(s, NULL, at(D + 30, 10)), 1);
  store_close(s);
}

static void test_a_file_store_is_created_in_wal_mode_at_the_current_version(void **state) {
  (void)state;
  const char *p = path_in("progress.db");
  store *s = open_ok(p);
  const char *cards[] = {"c1:f1"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  assert_true(exists(p));
  assert_int_equal(query_int(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
  assert_int_equal(query_int(p, "PRAGMA application_id"), STORE_APPLICATION_ID);
  assert_string_equal(text_query(p, "PRAGMA journal_mode"), "wal");
  struct stat st;
  assert_int_equal(stat(p, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  store_close(s);
}

static void test_opening_a_missing_path_creates_nothing_until_the_first_write(void **state) {
  (void)state;
  const char *folder = path_in("a");
  const char *p = path_in("a/b/progress.db");
  store *s = open_ok(p);
  store_cards list;
  store_events ev;
  store_stats st;
  store_review_out r;
  int count = 0;
  char *undone = (char *)"x";
  const char *facts[] = {"f1"};
  /* reads, and writes that find nothing to change, leave the disk alone */
  CHECK(store_due(s, NULL, at(D, 10), -1, &list));
  assert_int_equal(list.n, 0);
  CHECK(store_new_cards(s, NULL, -1, &list));
  CHECK(store_history(s, "f1", &ev));
  assert_int_equal(ev.n, 0);
  CHECK(store_stats_get(s, at(D, 10), 7, 5, &st));
  store_stats_free(&st);
  CHECK(store_undo(s, 0, &undone));
  assert_null(undone);
  CHECK(store_make_due(s, facts, 1, at(D, 10), &count));
  assert_int_equal(store_review(s, "nope", 3, at(D, 10), "self", NULL, 0, &r), STORE_ERROR);
  assert_int_equal(store_end_session(s, 1, NULL, at(D, 10)), STORE_ERROR);
  assert_false(exists(folder));
  /* the first write makes the folders (0700) and the file */
  int64_t id = 0;
  CHECK(store_begin_session(s, "quiz", NULL, NULL, at(D, 10), &id));
  assert_true(exists(p));
  struct stat sb;
  assert_int_equal(stat(folder, &sb), 0);
  assert_int_equal(sb.st_mode & 0777, 0700);
  assert_int_equal(query_int(p, "SELECT count(*) FROM sessions"), 1);
  assert_int_equal(store_mode(s), STORE_OK);
  store_close(s);
}

static void test_a_write_is_visible_to_a_second_connection_at_once(void **state) {
  (void)state;
  const char *p = path_in("shared.db");
  store *early = open_ok(p); /* opened before the file exists */
  store *s = open_ok(p);
  const char *cards[] = {"v1:fact_v"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  store *late = open_ok(p);
  store_answer_in a = {0, "q.v1", "fact_v", "1947", "correct", NULL, 1.0, 3.5};
  int64_t id;
  CHECK(store_record_answer(s, &a, at(D, 10), &id));
  store_events ev;
  store *readers[] = {early, late};
  for (int i = 0; i < 2; i++) {
    CHECK(store_history(readers[i], "fact_v", &ev));
    assert_int_equal(ev.n, 1);
    assert_string_equal(ev.v[0].verdict, "correct");
    store_events_free(&ev);
  }
  /* and the other way round, with no close in between */
  review(late, "v1", 3, at(D, 11));
  store_card c = card_of(s, "v1");
  assert_int_equal(c.reps, 1);
  store_card_free(&c);
  store_close(early);
  store_close(late);
  store_close(s);
}

/* A child: opens the store and writes n reviews of card and n answers; exits 0 if all worked. */
static void writer_child(const char *p, const char *card, int n) {
  store *s = NULL;
  if (store_open(p, &s, NULL, 0) != STORE_OK) _exit(2);
  for (int i = 0; i < n; i++) {
    store_review_out r;
    store_answer_in a = {0, card, "f", "x", "wrong", NULL, 0.0, 1.0};
    int64_t id;
    if (store_review(s, card, 3, at(D, 10) + i, "typed", "x", 0, &r) != STORE_OK ||
        store_record_answer(s, &a, at(D, 10) + i, &id) != STORE_OK) {
      fprintf(stderr, "child %s: %s\n", card, store_error(s));
      _exit(3);
    }
  }
  store_close(s);
  _exit(0);
}

static void test_two_processes_write_one_store_through_the_busy_timeout(void **state) {
  (void)state;
  const char *p = path_in("two.db");
  store *s = open_ok(p);
  const char *cards[] = {"w1:f", "w2:f"};
  sync_deck(s, "d", cards, 2, at(D, 10));
  store_close(s);
  pid_t kids[2];
  for (int k = 0; k < 2; k++) {
    kids[k] = fork();
    assert_true(kids[k] >= 0);
    if (kids[k] == 0) writer_child(p, k ? "w2" : "w1", 150);
  }
  for (int k = 0; k < 2; k++) {
    int status = 0;
    assert_int_equal(waitpid(kids[k], &status, 0), kids[k]);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
  }
  assert_int_equal(query_int(p, "SELECT count(*) FROM reviews"), 300);
  assert_int_equal(query_int(p, "SELECT count(*) FROM answers"), 300);
  assert_int_equal(query_int(p, "SELECT sum(reps) FROM cards"), 300);
}

static void test_migrations_bring_every_older_version_to_the_current_one(void **state) {
  (void)state;
  char err[256], name[64];
  for (int v = 0; v < STORE_SCHEMA_VERSION; v++) {
    snprintf(name, sizeof name, "v%d.db", v);
    const char *p = path_in(name);
    assert_int_equal(store_create_at_version(p, v, err, sizeof err), 0);
    assert_int_equal(query_int(p, "PRAGMA user_version"), v);
    if (v >= 1) /* data as a version-1 halqa wrote it */
      exec_sql(p, "INSERT INTO cards (id, deck, created) VALUES ('old', 'd', 1);"
                  "INSERT INTO card_facts VALUES ('f_old', 'old')");
    store *s = open_ok(p);
    const char *cards[] = {"new:f_new"};
    store_sync_counts c = sync_deck(s, "other", cards, 1, at(D, 10));
    assert_int_equal(c.added, 1);
    store_close(s);
    assert_int_equal(query_int(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(query_int(p, "PRAGMA application_id"), STORE_APPLICATION_ID);
    if (v >= 1) assert_int_equal(query_int(p, "SELECT count(*) FROM cards WHERE id = 'old'"), 1);
  }
  /* an empty (0-byte) file is a version-0 store too */
  const char *p = path_in("empty.db");
  write_file(p, "", 0);
  store *s = open_ok(p);
  store_close(s);
  assert_int_equal(query_int(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
  /* and a current store opens without change and keeps its data */
  s = open_ok(p);
  const char *cards[] = {"keep:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  store_close(s);
  s = open_ok(p);
  store_card k = card_of(s, "keep");
  assert_string_equal(k.deck, "d");
  store_card_free(&k);
  store_close(s);
}

/* A learner's store from before learning steps (version 1) opens with its cards and their
** schedule intact: reviewed cards are on day intervals, their reviews can still be undone, the
** optimizer reads them, and a new review goes on from the stored state. */
static void test_a_version_1_store_keeps_its_cards_and_schedule(void **state) {
  (void)state;
  char err[256];
  const char *p = path_in("learner-v1.db");
  assert_int_equal(store_create_at_version(p, 1, err, sizeof err), 0);
  char sql[2048];
  snprintf(sql, sizeof sql,
           "INSERT INTO cards (id, deck, front, back, created, stability, difficulty, due_day, "
           "last_day, interval, reps, lapses) VALUES "
           "('seen', 'dates', 'F', 'B', 1, 8.2956, 1.0, %d, %d, 8, 1, 0),"
           "('fresh', 'dates', 'F2', 'B2', 1, NULL, NULL, NULL, NULL, NULL, 0, 0);"
           "INSERT INTO reviews (card, time, day, rating, elapsed_days, graded, stability_before,"
           " difficulty_before, due_before, last_before, interval_before, reps_before,"
           " lapses_before, stability, difficulty, interval, due_day) VALUES"
           " ('seen', %lld, %d, 4, 0, 'self', NULL, NULL, NULL, NULL, NULL, 0, 0, 8.2956, 1.0, 8, %d)",
           D + 8, D, (long long)at(D, 10), D, D + 8);
  exec_sql(p, sql);
  store *s = open_ok(p);
  store_card c = card_of(s, "seen");
  assert_int_equal(c.phase, FSRS_REVIEW);
  assert_int_equal(c.due_day, D + 8);
  assert_near(c.stability, 8.2956, 0);
  assert_int_equal(c.due_time, 0);
  store_card_free(&c);
  c = card_of(s, "fresh");
  assert_int_equal(c.phase, FSRS_NEW);
  assert_int_equal(c.reps, 0);
  store_card_free(&c);
  assert_int_equal(query_int(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
  assert_int_equal(due_count(s, "dates", at(D + 8, 10)), 1);
  fsrs_history h;
  assert_int_equal(store_review_history(s, &h), STORE_OK);
  assert_int_equal(h.n_reviews, 1);
  assert_int_equal(h.reviews[0].rating, 4);
  store_history_free(&h);
  /* reviewed on time: a day interval from the old state, as fsrs_schedule gives it */
  fsrs_params fp;
  store_get_params(s, &fp);
  fsrs_card prev = {{8.2956, 1.0}, FSRS_REVIEW, 0};
  fsrs_outcome want;
  fsrs_schedule(&fp, &prev, 3, 8, &want);
  store_review_out r = review(s, "seen", 3, at(D + 8, 10));
  assert_int_equal(r.elapsed_days, 8);
  assert_int_equal(r.interval, want.interval);
  assert_near(r.stability, want.card.mem.stability, 0);
  /* undo that, then the old review: the card is new again, as before its first review */
  char *id = NULL;
  assert_int_equal(store_undo(s, 0, &id), STORE_OK);
  free(id);
  assert_int_equal(store_undo(s, 0, &id), STORE_OK);
  assert_string_equal(id, "seen");
  free(id);
  c = card_of(s, "seen");
  assert_int_equal(c.reps, 0);
  assert_int_equal(c.phase, FSRS_NEW);
  store_card_free(&c);
  store_close(s);
}

static void test_a_store_from_a_newer_halqa_is_refused_and_left_byte_for_byte(void **state) {
  (void)state;
  char err[256], msg[512], want[64];
  const char *p = path_in("newer.db");
  assert_int_equal(store_create_at_version(p, STORE_SCHEMA_VERSION, err, sizeof err), 0);
  snprintf(want, sizeof want, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION + 1);
  exec_sql(p, want);
  size_t len0, len1;
  unsigned char *before = slurp(p, &len0);
  store *s = NULL;
  assert_int_equal(store_open(p, &s, msg, sizeof msg), STORE_TOO_NEW);
  assert_non_null(s);
  assert_non_null(strstr(msg, p));
  snprintf(want, sizeof want, "schema version %d", STORE_SCHEMA_VERSION + 1);
  assert_non_null(strstr(msg, want));
  assert_non_null(strstr(msg, "not saving"));
  assert_int_equal(store_mode(s), STORE_NOSAVE);
  /* the session goes on in memory */
  const char *cards[] = {"n1:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  review(s, "n1", 3, at(D, 10));
  store_close(s);
  unsigned char *after = slurp(p, &len1);
  assert_int_equal(len0, len1);
  assert_memory_equal(before, after, len0);
  assert_false(exists(path_in("newer.db-wal")));
  free(before);
  free(after);
}

static void test_a_corrupt_file_opens_in_no_save_mode_naming_the_path(void **state) {
  (void)state;
  const char *p = path_in("corrupt.db");
  unsigned char junk[8192];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)((x = x * 1103515245 + 12345) >> 16);
  write_file(p, junk, sizeof junk);
  store *s = NULL;
  char msg[512];
  assert_int_equal(store_open(p, &s, msg, sizeof msg), STORE_NOSAVE);
  assert_non_null(strstr(msg, p));
  assert_non_null(strstr(msg, "not saving"));
  assert_string_equal(store_reason(s), msg);
  assert_null(store_take_notice(s)); /* known at open: the host prints msg itself */
  const char *cards[] = {"k1:f"};
  store_sync_counts c = sync_deck(s, "d", cards, 1, at(D, 10));
  assert_int_equal(c.added, 1);
  review(s, "k1", 3, at(D, 10));
  store_close(s);
  size_t len;
  unsigned char *after = slurp(p, &len);
  assert_int_equal(len, sizeof junk);
  assert_memory_equal(after, junk, len);
  free(after);
}

static void test_another_programs_database_is_left_alone(void **state) {
  (void)state;
  const char *p = path_in("foreign.db");
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "CREATE TABLE stuff (x); INSERT INTO stuff VALUES (1)", NULL,
                                NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  size_t len0, len1;
  unsigned char *before = slurp(p, &len0);
  store *s = NULL;
  char msg[512];
  assert_int_equal(store_open(p, &s, msg, sizeof msg), STORE_NOSAVE);
  assert_non_null(strstr(msg, "not a halqa progress store"));
  assert_non_null(strstr(msg, p));
  const char *cards[] = {"z:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  store_close(s);
  unsigned char *after = slurp(p, &len1);
  assert_int_equal(len0, len1);
  assert_memory_equal(before, after, len0);
  free(before);
  free(after);
}

static void test_a_read_only_store_shows_progress_but_saves_nothing(void **state) {
  (void)state;
  const char *p = path_in("ro.db");
  store *s = open_ok(p);
  const char *cards[] = {"r1:f1", "r2:f2"};
  sync_deck(s, "d", cards, 2, at(D, 10));
  review(s, "r1", 3, at(D, 10));
  store_close(s);
  int64_t reviews = query_int(p, "SELECT count(*) FROM reviews");
  char msg[512];
  assert_int_equal(store_open_flags(p, STORE_OPEN_READONLY, &s, msg, sizeof msg), STORE_NOSAVE);
  assert_non_null(strstr(msg, p));
  assert_non_null(strstr(msg, "read-only"));
  /* the progress is there, and the session can move on */
  assert_int_equal(due_count(s, "d", at(D + 10, 10)), 1);
  store_review_out r = review(s, "r1", 3, at(D + 10, 10));
  assert_true(r.id > 0);
  assert_int_equal(due_count(s, "d", at(D + 10, 10)), 0);
  store_close(s);
  assert_int_equal(query_int(p, "SELECT count(*) FROM reviews"), reviews);
  if (geteuid() == 0) {
    fprintf(stderr, "[  NOTE    ] running as root: chmod 0444 does not stop root writing, so the "
                    "read-only case ran through STORE_OPEN_READONLY only\n");
    return;
  }
  assert_int_equal(chmod(p, 0444), 0);
  assert_int_equal(store_open(p, &s, msg, sizeof msg), STORE_NOSAVE);
  assert_non_null(strstr(msg, "read-only"));
  store_close(s);
}

static void test_a_folder_that_cannot_be_made_gives_no_save_mode(void **state) {
  (void)state;
  const char *blocker = path_in("plainfile");
  write_file(blocker, "x", 1);
  const char *p = path_in("plainfile/halqa/progress.db");
  store *s = NULL;
  char msg[512];
  assert_int_equal(store_open(p, &s, msg, sizeof msg), STORE_NOSAVE);
  assert_non_null(strstr(msg, p));
  const char *cards[] = {"x1:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  assert_int_equal(due_count(s, NULL, at(D, 10)), 0);
  store_close(s);
}

/* creatable() copied the path into a buffer of its length and wrote "." there: "" overflowed it.
** Each path is opened without a write (so nothing is created) and closed; ASan sees any overrun. */
static void test_creatable_of_short_paths_stays_in_its_buffer(void **state) {
  (void)state;
  static const char *const paths[] = {"", "a", "ab", "/", "//", "./", "no/such/dir/x.db", "/x"};
  for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
    store *s = NULL;
    char msg[512];
    store_status st = store_open(paths[i], &s, msg, sizeof msg);
    assert_true(st == STORE_OK || st == STORE_NOSAVE);
    store_close(s);
  }
}

static void test_a_folder_blocked_before_the_first_write_switches_to_no_save(void **state) {
  (void)state;
  const char *p = path_in("later/progress.db");
  store *s = open_ok(p);
  write_file(path_in("later"), "x", 1); /* now "later" can't be a folder */
  const char *cards[] = {"l1:f"};
  store_sync_counts c = sync_deck(s, "d", cards, 1, at(D, 10));
  assert_int_equal(c.added, 1); /* the write still happened, in memory */
  assert_int_equal(store_mode(s), STORE_NOSAVE);
  const char *notice = store_take_notice(s);
  assert_non_null(notice);
  assert_non_null(strstr(notice, p));
  assert_null(store_take_notice(s)); /* once */
  store_review_out r = review(s, "l1", 3, at(D, 10));
  assert_true(r.id > 0);
  store_close(s);
}

static void test_a_damaged_page_found_later_switches_to_no_save(void **state) {
  (void)state;
  const char *p = path_in("damaged.db");
  store *s = open_ok(p);
  store_card_in many[400];
  char ids[400][32];
  for (int i = 0; i < 400; i++) {
    snprintf(ids[i], sizeof ids[i], "card-%03d", i);
    many[i] = (store_card_in){ids[i], "a fairly long front text to fill pages", "back", "", "f"};
  }
  store_sync_counts c;
  CHECK(store_sync_cards(s, "d", many, 400, at(D, 10), &c));
  store_close(s);
  int64_t root = query_int(p, "SELECT rootpage FROM sqlite_master WHERE name = 'cards'");
  int64_t page = query_int(p, "PRAGMA page_size");
  assert_true(root > 1);
  int fd = open(p, O_WRONLY);
  char junk[65536];
  memset(junk, 0x5a, sizeof junk);
  assert_int_equal(pwrite(fd, junk, (size_t)page, (off_t)((root - 1) * page)), page);
  close(fd);
  s = open_ok(p); /* the header and schema are fine */
  store_cards list;
  CHECK(store_new_cards(s, "d", -1, &list)); /* finds the damage, goes on in memory */
  assert_int_equal(list.n, 0);
  store_cards_free(&list);
  assert_int_equal(store_mode(s), STORE_NOSAVE);
  const char *notice = store_take_notice(s);
  assert_non_null(notice);
  assert_non_null(strstr(notice, p));
  store_close(s);
}


/* ---- durability ---- */

static void test_a_killed_writer_loses_no_committed_review(void **state) {
  (void)state;
  const char *p = path_in("killed.db");
  store *s = open_ok(p);
  const char *cards[] = {"k:f"};
  sync_deck(s, "d", cards, 1, at(D, 10));
  store_close(s);
  int fds[2];
  assert_int_equal(pipe(fds), 0);
  pid_t kid = fork();
  assert_true(kid >= 0);
  if (kid == 0) {
    close(fds[0]);
    store *c = NULL;
    if (store_open(p, &c, NULL, 0) != STORE_OK) _exit(2);
    for (int i = 0; i < 1000000; i++) {
      store_review_out r;
      if (store_review(c, "k", 1 + i % 4, at(D, 10) + i * 600, "self", NULL, 0, &r) != STORE_OK)
        _exit(3);
      if (write(fds[1], "x", 1) != 1) _exit(4); /* reported only once committed */
    }
    _exit(0);
  }
  close(fds[1]);
  char buf[256];
  long reported = 0;
  ssize_t got;
  while (reported < 300 && (got = read(fds[0], buf, sizeof buf)) > 0) reported += got;
  kill(kid, SIGKILL);
  while ((got = read(fds[0], buf, sizeof buf)) > 0) reported += got;
  close(fds[0]);
  int status = 0;
  assert_int_equal(waitpid(kid, &status, 0), kid);
  assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  s = open_ok(p);
  store_close(s);
  int64_t rows = query_int(p, "SELECT count(*) FROM reviews");
  /* Every reported review is there; one more may have committed just before the kill. */
  assert_true(rows >= reported && rows <= reported + 1);
  assert_string_equal(text_query(p, "PRAGMA integrity_check"), "ok");
  assert_int_equal(query_int(p, "SELECT reps FROM cards WHERE id = 'k'"), rows);
}

static void test_a_batch_commits_together_or_not_at_all(void **state) {
  (void)state;
  const char *p = path_in("batch.db");
  store *s = open_ok(p);
  const char *cards[] = {"b1:f", "b2:f"};
  CHECK(store_batch_begin(s));
  sync_deck(s, "d", cards, 2, at(D, 10));
  review(s, "b1", 3, at(D, 10));
  store_review_out r;
  assert_int_equal(store_review(s, "nope", 3, at(D, 10), "self", NULL, 0, &r), STORE_ERROR);
  review(s, "b2", 3, at(D, 10)); /* the failed one did not spoil the batch */
  CHECK(store_batch_end(s, 0));
  assert_int_equal(query_int(p, "SELECT count(*) FROM cards"), 0);
  CHECK(store_batch_begin(s));
  sync_deck(s, "d", cards, 2, at(D, 10));
  review(s, "b1", 3, at(D, 10));
  CHECK(store_batch_end(s, 1));
  assert_int_equal(query_int(p, "SELECT count(*) FROM reviews"), 1);
  store_close(s);
}

STORE_TESTS_MAIN(
  T(test_memory_store_saves_for_the_session),
  T(test_a_file_store_is_created_in_wal_mode_at_the_current_version),
  T(test_opening_a_missing_path_creates_nothing_until_the_first_write),
  T(test_a_write_is_visible_to_a_second_connection_at_once),
  T(test_two_processes_write_one_store_through_the_busy_timeout),
  T(test_migrations_bring_every_older_version_to_the_current_one),
  T(test_a_version_1_store_keeps_its_cards_and_schedule),
  T(test_a_store_from_a_newer_halqa_is_refused_and_left_byte_for_byte),
  T(test_a_corrupt_file_opens_in_no_save_mode_naming_the_path),
  T(test_another_programs_database_is_left_alone),
  T(test_a_read_only_store_shows_progress_but_saves_nothing),
  T(test_a_folder_that_cannot_be_made_gives_no_save_mode),
  T(test_creatable_of_short_paths_stays_in_its_buffer),
  T(test_a_folder_blocked_before_the_first_write_switches_to_no_save),
  T(test_a_damaged_page_found_later_switches_to_no_save),
  T(test_a_killed_writer_loses_no_committed_review),
  T(test_a_batch_commits_together_or_not_at_all),
)
