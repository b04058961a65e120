/* store_weights.c: the store's FSRS weights (fitted by the optimizer, the newest in use), the
** review history the optimizer reads, and each deck's desired retention. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* Parses 21 space-separated numbers; 0 when they are all there. */
static int parse_weights(const char *text, double *w) {
  char *end;
  for (int i = 0; i < FSRS_NUM_WEIGHTS; i++) {
    w[i] = strtod(text, &end);
    if (end == text) return -1;
    text = end;
  }
  return 0;
}

/* The newest fsrs_weights row into *out (fitted = 0 when there is none or it is unusable). */
static int read_last(store *s, store_weights *out) {
  memset(out, 0, sizeof *out);
  memcpy(out->w, fsrs_default_w, sizeof out->w);
  sqlite3_stmt *st = st_get(s, S_WEIGHTS_LAST);
  if (!st) return -1;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    double w[FSRS_NUM_WEIGHTS];
    const char *text = (const char *)sqlite3_column_text(st, 0);
    fsrs_params p = s->params;
    if (text && parse_weights(text, w) == 0) {
      memcpy(p.w, w, sizeof w);
      p.short_term = sqlite3_column_int(st, 2);
    }
    /* A row another build wrote that this one finds out of bounds is ignored, not trusted. */
    if (text && parse_weights(text, w) == 0 && fsrs_check_params(&p) == NULL) {
      memcpy(out->w, w, sizeof w);
      out->fitted = 1;
      out->time = sqlite3_column_int64(st, 1);
      out->short_term = sqlite3_column_int(st, 2);
      out->reviews = sqlite3_column_int(st, 3);
      out->log_loss_before = sqlite3_column_double(st, 4);
      out->log_loss_after = sqlite3_column_double(st, 5);
      out->rmse_before = sqlite3_column_double(st, 6);
      out->rmse_after = sqlite3_column_double(st, 7);
    }
  }
  sqlite3_reset(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int st_load_weights(store *s) {
  if (s->weights_loaded || !s->db) return 0;
  store_weights w;
  if (read_last(s, &w) != 0) return -1;
  if (w.fitted) memcpy(s->params.w, w.w, sizeof w.w);
  s->weights_loaded = 1;
  return 0;
}

void store_get_params(store *s, fsrs_params *out) {
  st_load_weights(s); /* an SQLite error leaves the defaults, as for a store without weights */
  *out = s->params;
}

void store_set_params(store *s, const fsrs_params *p) {
  s->params = *p;
  s->weights_loaded = 2; /* the caller's weights: keep them */
}

int store_get_weights(store *s, store_weights *out) {
  int rc;
  do {
    if (st_ready(s, "weights", 0)) return STORE_ERROR;
    rc = read_last(s, out) == 0 ? STORE_OK : st_fail(s, "weights");
  } while (rc == RETRY);
  if (rc == STORE_OK && !out->fitted) memcpy(out->w, s->params.w, sizeof out->w);
  return rc;
}

static int save_once(store *s, const store_weights *w) {
  static const char op[] = "save_weights";
  char text[FSRS_NUM_WEIGHTS * 26];
  size_t at = 0;
  for (int i = 0; i < FSRS_NUM_WEIGHTS; i++)
    at += (size_t)snprintf(text + at, sizeof text - at, "%s%.17g", i ? " " : "", w->w[i]);
  sqlite3_stmt *st;
  if (st_begin(s) || !(st = st_get(s, S_WEIGHTS_INSERT))) return st_fail(s, op);
  sqlite3_bind_int64(st, 1, w->time);
  st_bind_text(st, 2, text);
  sqlite3_bind_int(st, 3, w->short_term);
  sqlite3_bind_int(st, 4, w->reviews);
  sqlite3_bind_double(st, 5, w->log_loss_before);
  sqlite3_bind_double(st, 6, w->log_loss_after);
  sqlite3_bind_double(st, 7, w->rmse_before);
  sqlite3_bind_double(st, 8, w->rmse_after);
  if (st_run(st) != SQLITE_DONE || st_commit(s)) return st_fail(s, op);
  return STORE_OK;
}

int store_save_weights(store *s, const store_weights *w) {
  fsrs_params p = s->params;
  memcpy(p.w, w->w, sizeof p.w);
  p.short_term = w->short_term;
  const char *bad = fsrs_check_params(&p);
  if (bad) return st_set_err(s, "save_weights", "%s", bad);
  int rc;
  do {
    if (st_ready(s, "save_weights", 1)) return STORE_ERROR;
    rc = save_once(s, w);
  } while (rc == RETRY);
  if (rc == STORE_OK) {
    memcpy(s->params.w, w->w, sizeof s->params.w);
    s->weights_loaded = 1;
  }
  return rc;
}

void store_history_free(fsrs_history *h) {
  free((void *)h->reviews);
  free((void *)h->card_start);
  memset(h, 0, sizeof *h);
}

/* Grows a malloc'd array of n items of size to hold one more; 0 or -1. */
static int grow(void **v, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return 0;
  size_t ncap = *cap ? *cap * 2 : 1024;
  void *p = realloc(*v, ncap * size);
  if (!p) return -1;
  *v = p;
  *cap = ncap;
  return 0;
}

static int history_once(store *s, fsrs_history *out) {
  static const char op[] = "review_history";
  fsrs_review_in *rv = NULL;
  size_t *starts = NULL, n = 0, cards = 0, cap_rv = 0, cap_cards = 0;
  char *last = NULL;
  int rc, oom = 0;
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st = st_get(s, S_REVIEWS_ALL);
  if (!st) return st_fail(s, op);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *card = (const char *)sqlite3_column_text(st, 0);
    if (!card) card = "";
    if (!last || strcmp(last, card) != 0) {
      free(last);
      last = strdup(card);
      if (!last || grow((void **)&starts, &cap_cards, cards + 1, sizeof *starts)) {
        oom = 1;
        break;
      }
      starts[cards++] = n;
    }
    if (grow((void **)&rv, &cap_rv, n, sizeof *rv)) {
      oom = 1;
      break;
    }
    rv[n].rating = sqlite3_column_int(st, 1);
    /* the first review of a card has no "since": 0, as the optimizer expects */
    rv[n].delta_days = starts[cards - 1] == n ? 0 : sqlite3_column_int(st, 2);
    n++;
  }
  sqlite3_reset(st);
  free(last);
  if (!oom && grow((void **)&starts, &cap_cards, cards + 1, sizeof *starts)) oom = 1;
  if (oom || rc != SQLITE_DONE) {
    free(rv);
    free(starts);
    return oom ? st_set_err(s, op, "out of memory") : st_fail(s, op);
  }
  starts[cards] = n;
  out->reviews = rv;
  out->n_reviews = n;
  out->card_start = starts;
  out->n_cards = cards;
  return STORE_OK;
}

int store_review_history(store *s, fsrs_history *out) {
  int rc;
  do {
    if (st_ready(s, "review_history", 0)) return STORE_ERROR;
    rc = history_once(s, out);
  } while (rc == RETRY);
  return rc;
}

int store_deck_retention(store *s, const char *deck, double *retention, int *found) {
  int rc;
  *found = 0;
  do {
    if (st_ready(s, "deck_retention", 0)) return STORE_ERROR;
    sqlite3_stmt *st = st_get(s, S_DECK_RET_GET);
    if (!st) {
      rc = st_fail(s, "deck_retention");
      continue;
    }
    st_bind_text(st, 1, deck);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
      *found = 1;
      *retention = sqlite3_column_double(st, 0);
    }
    sqlite3_reset(st);
    rc = step == SQLITE_ROW || step == SQLITE_DONE ? STORE_OK : st_fail(s, "deck_retention");
  } while (rc == RETRY);
  return rc;
}

int store_set_deck_retention(store *s, const char *deck, double retention) {
  static const char op[] = "set_deck_retention";
  if (!deck || !*deck) return st_set_err(s, op, "the deck name is empty");
  if (!(retention < 1.0))
    return st_set_err(s, op, "desired retention of deck '%s' must be in (0, 1), got %g", deck,
                      retention);
  int rc;
  do {
    if (st_ready(s, op, 1)) return STORE_ERROR;
    sqlite3_stmt *st;
    if (st_begin(s) || !(st = st_get(s, retention > 0.0 ? S_DECK_RET_SET : S_DECK_RET_DEL))) {
      rc = st_fail(s, op);
      continue;
    }
    st_bind_text(st, 1, deck);
    if (retention > 0.0) sqlite3_bind_double(st, 2, retention);
    rc = st_run(st) != SQLITE_DONE || st_commit(s) ? st_fail(s, op) : STORE_OK;
  } while (rc == RETRY);
  return rc;
}
