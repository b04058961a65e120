/* store_testing.h: fixtures shared by the store's unit tests (tests/engine/test_store_*.c). */
/*
** Each test gets a fresh folder under /tmp. Days are computed in UTC (TZ is set in main) except
** where a test sets its own zone; "at(day, hour)" is that local hour of a store day number.
*/
#ifndef HALQA_STORE_TESTING_H
#define HALQA_STORE_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

/* Every test file runs setup and teardown (and so remove_tree): they are static. The other helpers
** are static inline, as each file uses only some of them. */

static char dir[256];

static inline char *path_in(const char *name) {
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

static inline int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static inline time_t at(int64_t day, int hour) {
  return store_day_start(day) + (time_t)(hour - STORE_DAY_START_HOUR) * 3600;
}

static inline store *open_ok(const char *path) {
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
static inline store_sync_counts sync_deck(store *s, const char *deck, const char *const *specs, size_t n,
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
static inline int64_t query_int(const char *path, const char *sql) {
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

static inline void exec_sql(const char *path, const char *sql) {
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

static inline char *text_query(const char *path, const char *sql) {
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
static inline unsigned char *slurp(const char *path, size_t *len) {
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

static inline void write_file(const char *path, const void *p, size_t len) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(p, 1, len, f), len);
  fclose(f);
}

static inline store_review_out review(store *s, const char *card, int rating, time_t now) {
  store_review_out r;
  CHECK(store_review(s, card, rating, now, "self", NULL, 0, &r));
  return r;
}

static inline store_card card_of(store *s, const char *id) {
  store_card c;
  int found = 0;
  CHECK(store_get_card(s, id, &c, &found));
  assert_true(found);
  return c;
}

static inline size_t due_count(store *s, const char *deck, time_t now) {
  store_cards list;
  CHECK(store_due(s, deck, now, -1, &list));
  size_t n = list.n;
  store_cards_free(&list);
  return n;
}

/* One test, run in a fresh folder (setup, teardown). */
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* A test file's main: runs the tests listed (T(name), ...) in order, days in UTC. */
#define STORE_TESTS_MAIN(...)                                                                 \
  int main(void) {                                                                            \
    setenv("TZ", "UTC", 1);                                                                   \
    tzset();                                                                                  \
    const struct CMUnitTest tests[] = {__VA_ARGS__};                                          \
    return cmocka_run_group_tests(tests, NULL, NULL);                                         \
  }

#endif
