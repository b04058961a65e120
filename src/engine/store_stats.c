/* store_stats.c: the store's statistics — decks, retention, heatmap, forecast, weakest facts. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

#define MATURE_DAYS 21 /* an interval this long or longer makes a card "mature" (Anki's) */

/* ---- stats ---- */

void store_stats_free(store_stats *st) {
  for (size_t i = 0; i < st->n_decks; i++) free(st->decks[i].deck);
  for (size_t i = 0; i < st->n_weakest; i++) free(st->weakest[i].fact);
  free(st->decks);
  free(st->weakest);
  free(st->heatmap);
  free(st->forecast);
  memset(st, 0, sizeof *st);
}

/* Fills out->heatmap or out->forecast from rows (day, count) of st, day relative to first. */
static int per_day(sqlite3_stmt *st, int *counts, int days, int64_t first) {
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t i = sqlite3_column_int64(st, 0) - first;
    if (i >= 0 && i < days) counts[i] = sqlite3_column_int(st, 1);
  }
  sqlite3_reset(st);
  return rc == SQLITE_DONE ? 0 : -1;
}

static int stats_once(store *s, int64_t today, int days, int weakest, store_stats *out) {
  static const char op[] = "stats";
  sqlite3_stmt *st;
  int rc, oom = 0;
  size_t cap = 0;
  memset(out, 0, sizeof *out);
  out->today = today;
  out->days = days;
  out->heatmap = calloc((size_t)days, sizeof(int));
  out->forecast = calloc((size_t)days, sizeof(int));
  if (!out->heatmap || !out->forecast) goto nomem;
  /* One read transaction: the numbers come from one moment even while another process writes. */
  if (!s->batch && st_exec(s, "BEGIN")) goto failed;
  if (!(st = st_get(s, S_STATS_DECKS))) goto failed;
  sqlite3_bind_int64(st, 1, today);
  sqlite3_bind_int(st, 2, MATURE_DAYS);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (out->n_decks == cap) {
      cap = cap ? cap * 2 : 8;
      store_deck_stats *v = realloc(out->decks, cap * sizeof *v);
      if (!v) goto nomem;
      out->decks = v;
    }
    store_deck_stats *d = &out->decks[out->n_decks++];
    d->deck = st_col_dup(st, 0, &oom);
    d->total = sqlite3_column_int(st, 1);
    d->new_cards = sqlite3_column_int(st, 2);
    d->learning = sqlite3_column_int(st, 3);
    d->due = sqlite3_column_int(st, 4);
    d->mature = sqlite3_column_int(st, 5);
  }
  sqlite3_reset(st);
  if (oom) goto nomem;
  if (rc != SQLITE_DONE || !(st = st_get(s, S_STATS_RETENTION))) goto failed;
  sqlite3_bind_int64(st, 1, today);
  sqlite3_bind_int(st, 2, days);
  if (sqlite3_step(st) != SQLITE_ROW) goto failed;
  out->retention_reviews = sqlite3_column_int(st, 0);
  out->retention_passed = sqlite3_column_int(st, 1);
  sqlite3_reset(st);
  if (!(st = st_get(s, S_STATS_HEATMAP))) goto failed;
  sqlite3_bind_int64(st, 1, today);
  sqlite3_bind_int(st, 2, days);
  if (per_day(st, out->heatmap, days, today - days + 1) != 0) goto failed;
  if (!(st = st_get(s, S_STATS_FORECAST))) goto failed;
  sqlite3_bind_int64(st, 1, today);
  sqlite3_bind_int(st, 2, days);
  if (per_day(st, out->forecast, days, today) != 0) goto failed;
  if (weakest > 0) {
    out->weakest = calloc((size_t)weakest, sizeof *out->weakest);
    if (!out->weakest) goto nomem;
    if (!(st = st_get(s, S_STATS_WEAKEST))) goto failed;
    sqlite3_bind_int64(st, 1, today);
    sqlite3_bind_int(st, 2, weakest);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n_weakest < (size_t)weakest) {
      store_weak_fact *w = &out->weakest[out->n_weakest++];
      w->fact = st_col_dup(st, 0, &oom);
      w->retrievability = sqlite3_column_double(st, 1);
      w->lapses = sqlite3_column_int(st, 2);
      w->cards = sqlite3_column_int(st, 3);
    }
    sqlite3_reset(st);
    if (oom) goto nomem;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) goto failed;
  }
  if (!s->batch && st_exec(s, "COMMIT")) goto failed;
  return STORE_OK;
nomem:
  store_stats_free(out);
  st_rollback(s);
  return st_set_err(s, op, "out of memory");
failed:
  store_stats_free(out);
  return st_fail(s, op);
}

int store_stats_get(store *s, time_t now, int days, int weakest, store_stats *out) {
  int rc;
  if (days < 1 || days > 36500) return st_set_err(s, "stats", "days must be 1..36500, got %d", days);
  if (weakest < 0) weakest = 0;
  do {
    if (st_ready(s, "stats", 0)) return STORE_ERROR;
    rc = stats_once(s, store_day(now), days, weakest, out);
  } while (rc == RETRY);
  return rc;
}

/* ---- forecast at a desired retention ---- */

/* Adds the reviews of one card (state at st) on days [today, today + days) to counts: its next
** review as scheduled for the retention, then each one after a passed (Good) review. */
static void forecast_card(const fsrs_params *p, sqlite3_stmt *st, int64_t today, int days,
                          int *counts) {
  fsrs_card c = {{sqlite3_column_double(st, 0), sqlite3_column_double(st, 1)}, FSRS_REVIEW, 0};
  int64_t last = sqlite3_column_int64(st, 2), due;
  int phase = sqlite3_column_int(st, 4);
  if (phase == FSRS_LEARNING || phase == FSRS_RELEARNING) due = sqlite3_column_int64(st, 3);
  else due = last + fsrs_next_interval(p, c.mem.stability, 0);
  for (int guard = 0; guard < 1000; guard++) {
    int64_t i = (due < today ? today : due) - today;
    if (i >= days) return;
    counts[i]++;
    int64_t when = today + i;
    fsrs_outcome o;
    fsrs_schedule(p, &c, 3, (int)(when - last), &o);
    c = o.card;
    last = when;
    due = when + (o.interval > 0 ? o.interval : 1);
  }
}

int store_forecast(store *s, time_t now, int days, double retention, int *counts) {
  static const char op[] = "forecast";
  if (days < 1 || days > 36500) return st_set_err(s, op, "days must be 1..36500, got %d", days);
  if (!(retention >= 0.0 && retention < 1.0))
    return st_set_err(s, op, "retention must be in (0, 1), got %g", retention);
  int64_t today = store_day(now);
  int rc;
  do {
    memset(counts, 0, (size_t)days * sizeof *counts);
    if (st_ready(s, op, 0)) return STORE_ERROR;
    sqlite3_stmt *st = st_get(s, S_FORECAST_CARDS);
    if (!st || st_load_weights(s) != 0) {
      rc = st_fail(s, op);
      continue;
    }
    fsrs_params p = s->params;
    p.enable_fuzz = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
      p.desired_retention = retention > 0.0 ? retention
                            : st_col_null(st, 5) ? s->params.desired_retention
                                                 : sqlite3_column_double(st, 5);
      forecast_card(&p, st, today, days, counts);
    }
    sqlite3_reset(st);
    rc = step == SQLITE_DONE ? STORE_OK : st_fail(s, op);
  } while (rc == RETRY);
  return rc;
}
