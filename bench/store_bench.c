/* bench/store_bench.c: the progress store at scale (100k cards, 1M reviews by default): building it,
** the due queue for today, one committed review, and FSRS alone; with a baseline measured in the
** same run, a bare SQLite committed INSERT with the same durability settings.
** usage: store_bench DB_PATH [CARDS [REVIEWS]]   (the file is replaced) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "store.h"

static double now_ms(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }
static unsigned long long rng = 88172645463325252ULL;
static unsigned long long xr(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: store_bench DB_PATH [CARDS [REVIEWS]]\n");
    return 2;
  }
  const char *path = argv[1];
  int NC = argc > 2 ? atoi(argv[2]) : 100000, NR = argc > 3 ? atoi(argv[3]) : 1000000, DAYS = 365;
  if (NC < 10000 || NC % 10 || NR < 1) {
    fprintf(stderr, "store_bench: CARDS must be a multiple of 10 and at least 10000\n");
    return 2;
  }
  setenv("TZ", "UTC", 1); tzset();
  int64_t today = 20000;
  time_t t0 = store_day_start(today - DAYS) + 6 * 3600;
  store *s; char msg[512];
  {
    unlink(path);
    if (store_open(path, &s, msg, sizeof msg) != STORE_OK) { fprintf(stderr, "%s\n", msg); return 1; }
    double a = now_ms();
    store_batch_begin(s);
    int per_deck = NC / 10;
    char (*ids)[32] = calloc((size_t)NC, sizeof *ids);
    char (*facts)[48] = calloc((size_t)NC, sizeof *facts);
    store_card_in *cards = calloc((size_t)per_deck, sizeof *cards);
    for (int d = 0; d < 10; d++) {
      char deck[16]; snprintf(deck, sizeof deck, "deck%d", d);
      for (int i = 0; i < per_deck; i++) {
        int k = d * per_deck + i;
        snprintf(ids[k], 32, "%s.card%05d", deck, i);
        snprintf(facts[k], 48, "fact%05d fact%05d", k % 30000, (k * 7) % 30000);
        cards[i] = (store_card_in){ids[k], "Who founded the party in this year and where?", "Somebody, 1948, Calcutta", "src", facts[k]};
      }
      store_sync_counts c;
      if (store_sync_cards(s, deck, cards, (size_t)per_deck, t0, &c)) { fprintf(stderr, "%s\n", store_error(s)); return 1; }
    }
    store_batch_end(s, 1);
    double b = now_ms();
    printf("store: sync %d cards (one batch): %.0f ms\n", NC, b - a);
    /* 1M reviews over a year, replayed through FSRS by store_review, in one batch */
    int per_day = NR / DAYS + 1, done = 0;
    for (int day = 0; day < DAYS && done < NR; day++) {
      store_batch_begin(s); /* one simulated day per transaction */
      for (int j = 0; j < per_day && done < NR; j++, done++) {
        int k = (int)(xr() % (unsigned)NC);
        int r = (int)(xr() % 10); int rating = r == 0 ? 1 : r == 1 ? 2 : r < 9 ? 3 : 4;
        store_review_out o;
        if (store_review(s, ids[k], rating, t0 + (time_t)day * 86400 + j, "self", NULL, 0, &o)) { fprintf(stderr, "%s\n", store_error(s)); return 1; }
      }
      store_batch_end(s, 1);
    }
    double c = now_ms();
    printf("store: replay %d reviews through fsrs into the store (one batch): %.0f ms (%.1f us/review)\n", done, c - b, (c - b) * 1000 / done);
    store_close(s);
    free(cards);
    free(ids);
    free(facts);
  }
  /* fsrs alone */
  {
    fsrs_params p; fsrs_default_params(&p);
    double a = now_ms(); double sink = 0;
    fsrs_outcome o;
    for (int i = 0; i < NR; i++) {
      int rating = 1 + (int)(xr() % 4);
      if (i % 10 == 0) fsrs_schedule(&p, NULL, rating, 0, &o);
      else fsrs_schedule(&p, &o.card, rating, (int)(xr() % 30), &o);
      sink += o.card.mem.stability;
    }
    printf("store: fsrs_schedule alone x%d (C): %.0f ms (sink %g)\n", NR, now_ms() - a, sink > 0 ? 1.0 : 0.0);
  }
  if (store_open(path, &s, msg, sizeof msg) != STORE_OK) { fprintf(stderr, "%s\n", msg); return 1; }
  time_t now = store_day_start(today) + 6 * 3600;
  for (int pass = 0; pass < 2; pass++) {
    const char *deck = pass ? "deck3" : NULL;
    int limits[] = {100, -1};
    for (int li = 0; li < 2; li++) {
      double ts[21];
      size_t n = 0;
      for (int rep = 0; rep < 21; rep++) {
        store_cards list; double a = now_ms();
        if (store_due(s, deck, now, limits[li], &list)) { fprintf(stderr, "%s\n", store_error(s)); return 1; }
        ts[rep] = now_ms() - a; n = list.n; store_cards_free(&list);
      }
      qsort(ts, 21, sizeof ts[0], cmp);
      printf("store: due queue today (deck %s, limit %d): %zu cards, median %.2f ms, max %.2f ms\n", deck ? deck : "all", limits[li], n, ts[10], ts[20]);
    }
  }
  /* one committed review, 1000 times: median */
  {
    double ts[1000];
    store_cards list; store_due(s, NULL, now, 1000, &list);
    for (int i = 0; i < 1000; i++) {
      store_review_out o; double a = now_ms();
      if (store_review(s, list.v[i % list.n].id, 3, now + i, "typed", "answer", 0, &o)) { fprintf(stderr, "%s\n", store_error(s)); return 1; }
      ts[i] = now_ms() - a;
    }
    store_cards_free(&list);
    qsort(ts, 1000, sizeof ts[0], cmp);
    printf("store: one committed review: median %.3f ms, p99 %.3f ms, max %.3f ms\n", ts[500], ts[990], ts[999]);
    double as[1000]; int64_t sid; store_begin_session(s, "quiz", NULL, NULL, now, &sid);
    for (int i = 0; i < 1000; i++) {
      store_answer_in an = {sid, "q.x", "fact00001 fact00002", "1947", "correct", NULL, 1, 2};
      int64_t id; double a = now_ms();
      store_record_answer(s, &an, now + i, &id);
      as[i] = now_ms() - a;
    }
    qsort(as, 1000, sizeof as[0], cmp);
    printf("store: one committed answer: median %.3f ms, p99 %.3f ms\n", as[500], as[990]);
  }
  {
    store_stats st; double a = now_ms();
    store_stats_get(s, now, 365, 10, &st);
    printf("store: stats (365 days, 10 weakest): %.0f ms; retention %d/%d\n", now_ms() - a, st.retention_passed, st.retention_reviews);
    store_stats_free(&st);
    store_events ev; a = now_ms(); store_history(s, "fact00001", &ev);
    printf("store: history of one fact: %zu events, %.2f ms\n", ev.n, now_ms() - a); store_events_free(&ev);
    a = now_ms(); char *id; store_undo(s, 0, &id); free(id);
    printf("store: undo: %.2f ms\n", now_ms() - a);
    const char *fs[] = {"fact00001", "fact00002", "fact00003"}; int cnt;
    a = now_ms(); store_make_due(s, fs, 3, now, &cnt);
    printf("store: make_due 3 facts: %.2f ms\n", now_ms() - a);
  }
  store_close(s);
  /* Baseline: a bare SQLite INSERT committed with the store's settings (WAL, synchronous=NORMAL). */
  {
    char base[4200];
    snprintf(base, sizeof base, "%s.baseline", path);
    unlink(base);
    sqlite3 *db;
    sqlite3_open(base, &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE t (id INTEGER PRIMARY KEY, card TEXT, rating INTEGER, time INTEGER)", 0, 0, 0);
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(db, "INSERT INTO t (card, rating, time) VALUES ('deck0.card00001', 3, ?1)", -1, &ins, 0);
    double ts[1000];
    for (int i = 0; i < 1000; i++) {
      double a = now_ms();
      sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
      sqlite3_bind_int(ins, 1, i);
      sqlite3_step(ins);
      sqlite3_reset(ins);
      sqlite3_exec(db, "COMMIT", 0, 0, 0);
      ts[i] = now_ms() - a;
    }
    sqlite3_finalize(ins);
    sqlite3_close(db);
    qsort(ts, 1000, sizeof ts[0], cmp);
    printf("store: baseline bare committed INSERT: median %.3f ms\n", ts[500]);
    char wal[4300];
    snprintf(wal, sizeof wal, "%s-wal", base); unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", base); unlink(wal);
    unlink(base);
  }
  return 0;
}
