/* test_store.c: the progress store (src/store.c, store_schema.c) and halqa.store (lua_store.c). */
/*
** Each test gets a fresh folder under /tmp. Days are computed in UTC (TZ is set in main) except
** where a test sets its own zone; "at(day, hour)" is that local hour of a store day number.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fsrs.h"
#include "lua_store.h"
#include "store.h"

#define D 20000 /* "today" in most tests: 2024-10-04 */

#define assert_near(actual, expected, tol)                                                    \
  do {                                                                                        \
    double a_ = (actual), e_ = (expected);                                                    \
    if (!(fabs(a_ - e_) <= (tol))) {                                                          \
      print_error("%s = %.12g, expected %.12g\n", #actual, a_, e_);                           \
      fail();                                                                                 \
    }                                                                                         \
  } while (0)

/* ---- helpers ---- */

static char dir[256];

static char *path_in(const char *name) {
  static char bufs[4][512];
  static int next;
  char *p = bufs[next++ % 4];
  snprintf(p, sizeof bufs[0], "%s/%s", dir, name);
  return p;
}

static void remove_tree(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    chmod(path, 0700);
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      char sub[1024];
      snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
      remove_tree(sub);
    }
    if (d) closedir(d);
    rmdir(path);
  } else {
    unlink(path);
  }
}

static int setup(void **state) {
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/halqa-store-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  remove_tree(dir);
  return 0;
}

static int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static time_t at(int64_t day, int hour) {
  return store_day_start(day) + (time_t)(hour - STORE_DAY_START_HOUR) * 3600;
}

static store *open_ok(const char *path) {
  store *s = NULL;
  char msg[512];
  store_status st = store_open(path, &s, msg, sizeof msg);
  if (st != STORE_OK) print_error("store_open(%s): %d %s\n", path, st, msg);
  assert_int_equal(st, STORE_OK);
  assert_string_equal(msg, "");
  return s;
}

#define CHECK(call)                                                                           \
  do {                                                                                        \
    if ((call) != STORE_OK) {                                                                 \
      print_error("%s failed: %s\n", #call, store_error(s));                                  \
      fail();                                                                                 \
    }                                                                                         \
  } while (0)

/* Syncs deck with cards "id:facts" (facts separated by commas). */
static store_sync_counts sync_deck(store *s, const char *deck, const char *const *specs, size_t n,
                                   time_t now) {
  store_card_in cards[32];
  char ids[32][64], facts[32][128];
  assert_true(n <= 32);
  for (size_t i = 0; i < n; i++) {
    const char *colon = strchr(specs[i], ':');
    size_t idlen = colon ? (size_t)(colon - specs[i]) : strlen(specs[i]);
    snprintf(ids[i], sizeof ids[i], "%.*s", (int)idlen, specs[i]);
    snprintf(facts[i], sizeof facts[i], "%s", colon ? colon + 1 : "");
    for (char *c = facts[i]; *c; c++)
      if (*c == ',') *c = ' ';
    cards[i] = (store_card_in){ids[i], "front", "back", "src", facts[i]};
  }
  store_sync_counts counts;
  CHECK(store_sync_cards(s, deck, cards, n, now, &counts));
  return counts;
}

/* One integer from SQL over a separate connection to the file. */
static int64_t query_int(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  int64_t v = -1;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    print_error("%s: %s\n", sql, sqlite3_errmsg(db));
    fail();
  }
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

static void exec_sql(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  char *err = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
    print_error("%s: %s\n", sql, err);
    sqlite3_free(err);
    sqlite3_close(db);
    fail();
  }
  sqlite3_close(db);
}

static char *text_query(const char *path, const char *sql) {
  static char buf[1024];
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  buf[0] = '\0';
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return buf;
}

/* The whole file, malloc'd, for byte-for-byte comparisons. */
static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  *len = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *p = malloc(*len ? *len : 1);
  assert_int_equal(fread(p, 1, *len, f), *len);
  fclose(f);
  return p;
}

static void write_file(const char *path, const void *p, size_t len) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(p, 1, len, f), len);
  fclose(f);
}

static store_review_out review(store *s, const char *card, int rating, time_t now) {
  store_review_out r;
  CHECK(store_review(s, card, rating, now, "self", NULL, 0, &r));
  return r;
}

static store_card card_of(store *s, const char *id) {
  store_card c;
  int found = 0;
  CHECK(store_get_card(s, id, &c, &found));
  assert_true(found);
  return c;
}

static size_t due_count(store *s, const char *deck, time_t now) {
  store_cards list;
  CHECK(store_due(s, deck, now, -1, &list));
  size_t n = list.n;
  store_cards_free(&list);
  return n;
}

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
  review(s, "n3", 1, at(D, 12)); /* due D+1 */
  review(s, "n0", 4, at(D, 12)); /* due D+8 */
  review(s, "n1", 3, at(D, 12)); /* due D+2 */
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
  int ivl;
  fsrs_state want = fsrs_review(&p, NULL, 3, 0, &ivl);
  store_review_out r = review(s, "r", 3, at(D, 10));
  assert_near(r.stability, want.stability, 1e-12);
  assert_near(r.difficulty, want.difficulty, 1e-12);
  assert_int_equal(r.interval, ivl);
  assert_int_equal(r.due_day, D + ivl);
  assert_int_equal(r.elapsed_days, 0);
  /* five days later, early in the morning of the sixth calendar day (before 4 am): still day D+5 */
  fsrs_state prev = want;
  want = fsrs_review(&p, &prev, 2, 5, &ivl);
  r = review(s, "r", 2, at(D + 6, 2));
  assert_int_equal(r.day, D + 5);
  assert_int_equal(r.elapsed_days, 5);
  assert_near(r.stability, want.stability, 1e-12);
  assert_near(r.difficulty, want.difficulty, 1e-12);
  assert_int_equal(r.interval, ivl);
  assert_int_equal(r.due_day, D + 5 + ivl);
  /* a lapse after ten days */
  prev = want;
  want = fsrs_review(&p, &prev, 1, 10, &ivl);
  r = review(s, "r", 1, at(D + 15, 20));
  assert_near(r.stability, want.stability, 1e-12);
  store_card c = card_of(s, "r");
  assert_int_equal(c.reps, 3);
  assert_int_equal(c.lapses, 1);
  assert_int_equal(c.last_day, D + 15);
  assert_int_equal(c.interval, ivl);
  assert_int_equal(c.due_day, D + 15 + ivl);
  assert_near(c.stability, want.stability, 1e-12);
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
  fsrs_state first = fsrs_review(&p, NULL, 1, 0, NULL);
  int ivl;
  fsrs_state want = fsrs_review(&p, &first, 3, 0, &ivl);
  review(s, "s", 1, at(D, 23));
  store_review_out r = review(s, "s", 3, at(D + 1, 3)); /* 3 am next morning: the same day */
  assert_int_equal(r.elapsed_days, 0);
  assert_int_equal(r.day, D);
  assert_near(r.stability, want.stability, 1e-12);
  assert_int_equal(r.interval, ivl);
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

/* ---- halqa.store ---- */

static lua_State *lua_with(store *s) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_newtable(L);
  hq_open_store(L, -1, s);
  lua_setglobal(L, "halqa");
  return L;
}

static void run_lua(lua_State *L, const char *chunk) {
  if (luaL_dostring(L, chunk) != LUA_OK) {
    print_error("lua: %s\n", lua_tostring(L, -1));
    fail();
  }
}

static void test_lua_scripts_sync_review_and_read_back(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  lua_State *L = lua_with(s);
  char chunk[4096];
  snprintf(chunk, sizeof chunk,
    "local S, now = halqa.store, %lld\n"
    "assert(S.mode() == 'saving' and S.path() == ':memory:')\n"
    "assert(S.today(now) == %d)\n"
    "local c = S.sync_cards('dates', { {id='d1', front='F', back='B', facts={'cpp','nap'}},"
    "                                  {id='d2', front='G', back='C'} }, now)\n"
    "assert(c.added == 2 and c.updated == 0 and c.retired == 0 and c.revived == 0)\n"
    "local new = S.new_cards('dates', 10)\n"
    "assert(#new == 2 and new[1].id == 'd1' and new[1].facts[2] == 'nap' and new[1].stability == nil)\n"
    "local q = S.begin_session('cards', { seed = 7, deck = 'dates' })\n"
    "local r = S.review('d1', 3, { graded='typed', answer='1947', session=q, now=now })\n"
    "assert(r.recorded and r.interval >= 1 and r.due_day == %d + r.interval and r.elapsed_days == 0)\n"
    "local fs = halqa.store.card('d1')\n"
    "assert(fs.reps == 1 and fs.stability == r.stability)\n"
    "assert(#S.due(nil, nil, now + r.interval * 86400) == 1)\n"
    "assert(#S.due('dates', 10, now) == 0)\n"
    "S.record_answer(q, { question='q.d1', facts={'cpp'}, given='1947', verdict='correct', score=1, seconds=2.5, now=now+5 })\n"
    "local h = S.history('cpp')\n"
    "assert(#h == 2 and h[1].kind == 'review' and h[1].graded == 'typed' and h[2].kind == 'answer' and h[2].seconds == 2.5)\n"
    "assert(S.make_due({'cpp'}, now + 86400) == 1)\n"
    "assert(S.undo(q) == 'd1' and S.undo(q) == nil)\n"
    "S.end_session(q, 'done')\n"
    "local st = S.stats(now, 7)\n"
    "assert(st.today == %d and #st.decks == 1 and st.decks[1].new == 2 and #st.heatmap == 7 and #st.forecast == 7)\n"
    "assert(st.retention.reviews == 0 and st.retention.rate == nil)\n"
    "assert(S.card('nothing') == nil)\n",
    (long long)at(D, 10), D, D, D);
  run_lua(L, chunk);
  lua_close(L);
  store_close(s);
}

static void test_lua_settings_are_stored_as_sorted_json(void **state) {
  (void)state;
  const char *p = path_in("json.db");
  store *s = open_ok(p);
  lua_State *L = lua_with(s);
  run_lua(L, "halqa.store.begin_session('quiz', { seed = 'abc', count = 20, topics = {'a', 'b'},"
             " ratio = 0.5, nested = { ok = true, none = {} }, text = 'say \"hi\"\\n' })");
  lua_close(L);
  store_close(s);
  assert_string_equal(text_query(p, "SELECT seed FROM sessions"), "abc");
  assert_string_equal(text_query(p, "SELECT settings FROM sessions"),
                      "{\"count\":20,\"nested\":{\"none\":[],\"ok\":true},\"ratio\":0.5,"
                      "\"seed\":\"abc\",\"text\":\"say \\\"hi\\\"\\u000a\",\"topics\":[\"a\",\"b\"]}");
}

static void test_lua_bad_arguments_raise_argument_errors(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  lua_State *L = lua_with(s);
  run_lua(L,
    "local S = halqa.store\n"
    "local function err(f, ...) local ok, e = pcall(f, ...); assert(not ok); return e end\n"
    "local e = err(S.review, 'x', 5)\n"
    "assert(e:find('bad argument #2', 1, true) and e:find('rating must be', 1, true) and e:find('got 5', 1, true), e)\n"
    "e = err(S.review, 'x', 3, { graded = 'guess' })\n"
    "assert(e:find('bad argument #3', 1, true) and e:find('typed', 1, true), e)\n"
    "e = err(S.review, 'ghost', 3)\n"
    "assert(e:find('halqa.store.review: no card', 1, true), e)\n"
    "e = err(S.sync_cards, 'd', { { front = 'no id' } })\n"
    "assert(e:find('cards[1] has no id', 1, true), e)\n"
    "e = err(S.sync_cards, 'd', { { id = 'a' }, { id = 'b', front = 7 } })\n"
    "assert(e:find('cards[2].front must be a string, got 7', 1, true), e)\n"
    "e = err(S.sync_cards, 'd', { { id = 'a', facts = { 'two words' } } })\n"
    "assert(e:find('without blanks', 1, true), e)\n"
    "e = err(S.record_answer, nil, { facts = {} })\n"
    "assert(e:find('question', 1, true), e)\n"
    "e = err(S.begin_session, 'quiz', { f = print })\n"
    "assert(e:find('cannot store a function', 1, true), e)\n"
    "e = err(S.begin_session, 'quiz', { [true] = 1 })\n"
    "assert(e:find('keys must be strings', 1, true), e)\n"
    "e = err(S.due, nil, -1)\n"
    "assert(e:find('limit', 1, true), e)\n"
    "e = err(S.stats, nil, 0)\n"
    "assert(e:find('days', 1, true), e)\n");
  lua_close(L);
  store_close(s);
}

static void test_lua_argument_tables_are_read_without_metamethods(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  lua_State *L = lua_with(s);
  run_lua(L,
    "local S = halqa.store\n"
    "local trap = setmetatable({}, { __index = function() error('metamethod ran') end })\n"
    "S.sync_cards('d', { setmetatable({ id = 'm' }, getmetatable(trap)) })\n"
    "local r = S.review('m', 3, trap)\n"
    "assert(r.recorded)\n"
    "S.record_answer(nil, setmetatable({ question = 'q' }, getmetatable(trap)))\n");
  lua_close(L);
  store_close(s);
}

static void test_lua_no_save_store_still_schedules_so_a_session_goes_on(void **state) {
  (void)state;
  const char *p = path_in("junk.db");
  const char *junk = "this is not a database, not at all, not even close";
  write_file(p, junk, strlen(junk));
  store *s = NULL;
  char msg[512];
  assert_int_equal(store_open(p, &s, msg, sizeof msg), STORE_NOSAVE);
  lua_State *L = lua_with(s);
  run_lua(L,
    "local S = halqa.store\n"
    "local mode, why = S.mode()\n"
    "assert(mode == 'no-save' and why:find('junk.db', 1, true), why)\n"
    "-- a card the memory store never saw: scheduled as new, not recorded\n"
    "local r = S.review('unseen', 3)\n"
    "assert(not r.recorded and r.interval >= 1 and r.stability > 0)\n"
    "-- a session in memory works as usual\n"
    "local q = S.begin_session('quiz')\n"
    "S.record_answer(q, { question = 'q1', facts = { 'f' } })\n"
    "assert(#S.history('f') == 1)\n");
  lua_close(L);
  store_close(s);
}

int main(void) {
  setenv("TZ", "UTC", 1);
  tzset();
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
    T(test_memory_store_saves_for_the_session),
    T(test_a_file_store_is_created_in_wal_mode_at_the_current_version),
    T(test_opening_a_missing_path_creates_nothing_until_the_first_write),
    T(test_a_write_is_visible_to_a_second_connection_at_once),
    T(test_two_processes_write_one_store_through_the_busy_timeout),
    T(test_migrations_bring_every_older_version_to_the_current_one),
    T(test_a_store_from_a_newer_halqa_is_refused_and_left_byte_for_byte),
    T(test_a_corrupt_file_opens_in_no_save_mode_naming_the_path),
    T(test_another_programs_database_is_left_alone),
    T(test_a_read_only_store_shows_progress_but_saves_nothing),
    T(test_a_folder_that_cannot_be_made_gives_no_save_mode),
    T(test_a_folder_blocked_before_the_first_write_switches_to_no_save),
    T(test_a_damaged_page_found_later_switches_to_no_save),
    T(test_sync_cards_retires_and_revives_and_never_deletes),
    T(test_new_cards_come_oldest_first_and_due_cards_most_overdue_first),
    T(test_review_schedules_through_fsrs_from_the_last_review_day),
    T(test_a_same_day_review_counts_zero_elapsed_days),
    T(test_a_day_runs_from_4_am_to_4_am_local_time),
    T(test_undo_restores_the_card_exactly),
    T(test_undo_refuses_to_skip_a_later_review_of_the_same_card),
    T(test_review_errors_name_the_operation_and_the_problem),
    T(test_make_due_brings_back_the_cards_of_missed_facts),
    T(test_history_lists_reviews_and_answers_of_a_fact_in_time_order),
    T(test_stats_on_a_small_known_store),
    T(test_a_killed_writer_loses_no_committed_review),
    T(test_a_batch_commits_together_or_not_at_all),
    T(test_lua_scripts_sync_review_and_read_back),
    T(test_lua_settings_are_stored_as_sorted_json),
    T(test_lua_bad_arguments_raise_argument_errors),
    T(test_lua_argument_tables_are_read_without_metamethods),
    T(test_lua_no_save_store_still_schedules_so_a_session_goes_on),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
