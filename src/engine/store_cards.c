/* store_cards.c: the store's cards (sync, the due and new queues, one card) and reviews (review,
** undo, make_due). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* ---- cards ---- */

/* Replaces the card's rows in card_facts by its facts. */
static int set_facts(store *s, const char *card, const char *facts) {
  sqlite3_stmt *st = st_get(s, S_FACTS_DEL);
  if (!st) return -1;
  st_bind_text(st, 1, card);
  if (st_run(st) != SQLITE_DONE) return -1;
  size_t len;
  for (const char *f = st_next_fact(facts, &len); f; f = st_next_fact(f + len, &len)) {
    if (!(st = st_get(s, S_FACTS_ADD))) return -1;
    sqlite3_bind_text(st, 1, f, (int)len, SQLITE_STATIC);
    st_bind_text(st, 2, card);
    if (st_run(st) != SQLITE_DONE) return -1;
  }
  return 0;
}

static int same(const unsigned char *a, const char *b) {
  return strcmp(a ? (const char *)a : "", b ? b : "") == 0;
}

static int sync_once(store *s, const char *deck, const store_card_in *cards, size_t n, time_t now,
                     store_sync_counts *out) {
  static const char op[] = "sync_cards";
  sqlite3_stmt *st;
  memset(out, 0, sizeof *out);
  if (st_begin(s) || !(st = st_get(s, S_SYNC_CLEAR)) || st_run(st) != SQLITE_DONE) return st_fail(s, op);
  for (size_t i = 0; i < n; i++) {
    const store_card_in *c = &cards[i];
    if (!(st = st_get(s, S_SYNC_MARK))) return st_fail(s, op);
    st_bind_text(st, 1, c->id);
    if (st_run(st) != SQLITE_DONE || !(st = st_get(s, S_CARD_GET))) return st_fail(s, op);
    st_bind_text(st, 1, c->id);
    int rc = sqlite3_step(st), write = 0, facts_changed = 1;
    if (rc == SQLITE_ROW) {
      int retired = sqlite3_column_int(st, 5);
      int changed = !same(sqlite3_column_text(st, 0), deck) ||
                    !same(sqlite3_column_text(st, 1), c->front) ||
                    !same(sqlite3_column_text(st, 2), c->back) ||
                    !same(sqlite3_column_text(st, 3), c->source);
      facts_changed = !same(sqlite3_column_text(st, 4), c->facts);
      if (retired) out->revived++;
      else if (changed || facts_changed) out->updated++;
      write = retired || changed || facts_changed;
      sqlite3_reset(st);
      if (write && !(st = st_get(s, S_CARD_UPDATE))) return st_fail(s, op);
    } else if (rc == SQLITE_DONE) {
      out->added++;
      write = 1;
      if (!(st = st_get(s, S_CARD_INSERT))) return st_fail(s, op);
      sqlite3_bind_int64(st, 7, (sqlite3_int64)now);
    } else {
      return st_fail(s, op);
    }
    if (!write) continue;
    st_bind_text(st, 1, c->id);
    st_bind_text(st, 2, deck);
    st_bind_text(st, 3, c->front ? c->front : "");
    st_bind_text(st, 4, c->back ? c->back : "");
    st_bind_text(st, 5, c->source ? c->source : "");
    st_bind_text(st, 6, c->facts ? c->facts : "");
    if (st_run(st) != SQLITE_DONE) return st_fail(s, op);
    if (facts_changed && set_facts(s, c->id, c->facts) != 0) return st_fail(s, op);
  }
  if (!(st = st_get(s, S_SYNC_RETIRE))) return st_fail(s, op);
  st_bind_text(st, 1, deck);
  if (st_run(st) != SQLITE_DONE) return st_fail(s, op);
  out->retired = sqlite3_changes(s->db);
  if (!(st = st_get(s, S_SYNC_CLEAR)) || st_run(st) != SQLITE_DONE || st_commit(s)) return st_fail(s, op);
  return STORE_OK;
}

int store_sync_cards(store *s, const char *deck, const store_card_in *cards, size_t n, time_t now,
                     store_sync_counts *out) {
  int rc;
  if (!deck || !*deck) return st_set_err(s, "sync_cards", "the deck name is empty");
  for (size_t i = 0; i < n; i++)
    if (!cards[i].id || !*cards[i].id)
      return st_set_err(s, "sync_cards", "card %zu of deck '%s' has no id", i + 1, deck);
  do {
    if (st_ready(s, "sync_cards", n > 0)) return STORE_ERROR;
    rc = sync_once(s, deck, cards, n, now, out);
  } while (rc == RETRY);
  return rc;
}

void store_card_free(store_card *c) {
  free(c->id); /* the block holding all six strings */
  memset(c, 0, sizeof *c);
}

void store_cards_free(store_cards *list) {
  for (size_t i = 0; i < list->n; i++) store_card_free(&list->v[i]);
  free(list->v);
  list->v = NULL;
  list->n = 0;
}

/* Reads a row of CARD_COLS (store_sql.c). The six strings share one allocation, id first: a due
** queue of 20k cards is then 20k mallocs instead of 120k, a third of its time. */
static void read_card(sqlite3_stmt *st, store_card *c, int *oom) {
  char **fields[6] = {&c->id, &c->deck, &c->front, &c->back, &c->source, &c->facts};
  size_t len[6], total = 0;
  memset(c, 0, sizeof *c);
  for (int i = 0; i < 6; i++) {
    sqlite3_column_text(st, i); /* converts first, so the byte count is of the text */
    len[i] = (size_t)sqlite3_column_bytes(st, i);
    total += len[i] + 1;
  }
  char *block = malloc(total);
  if (!block) {
    *oom = 1;
    return;
  }
  for (int i = 0; i < 6; i++) {
    const unsigned char *t = sqlite3_column_text(st, i);
    if (len[i]) memcpy(block, t, len[i]);
    block[len[i]] = '\0';
    *fields[i] = block;
    block += len[i] + 1;
  }
  c->created = sqlite3_column_int64(st, 6);
  c->retired = sqlite3_column_int(st, 7);
  c->stability = sqlite3_column_double(st, 8);
  c->difficulty = sqlite3_column_double(st, 9);
  c->due_day = sqlite3_column_int64(st, 10);
  c->last_day = sqlite3_column_int64(st, 11);
  c->interval = sqlite3_column_int(st, 12);
  c->reps = sqlite3_column_int(st, 13);
  c->lapses = sqlite3_column_int(st, 14);
}

/* Runs a query of CARD_COLS into out. */
static int read_cards(store *s, const char *op, sqlite3_stmt *st, store_cards *out) {
  size_t cap = 0;
  int rc, oom = 0;
  out->v = NULL;
  out->n = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (out->n == cap) {
      size_t ncap = cap ? cap * 2 : 16;
      store_card *v = realloc(out->v, ncap * sizeof *v);
      if (!v) {
        oom = 1;
        break;
      }
      out->v = v;
      cap = ncap;
    }
    read_card(st, &out->v[out->n++], &oom);
  }
  if (oom || rc != SQLITE_DONE) {
    store_cards_free(out);
    if (oom) {
      sqlite3_reset(st);
      return st_set_err(s, op, "out of memory");
    }
    return st_fail(s, op);
  }
  sqlite3_reset(st);
  return STORE_OK;
}

static int list_cards(store *s, const char *op, int which, const char *deck, int64_t day,
                      int limit, store_cards *out) {
  int rc;
  do {
    if (st_ready(s, op, 0)) return STORE_ERROR;
    sqlite3_stmt *st = st_get(s, which + (deck != NULL));
    if (!st) {
      rc = st_fail(s, op);
      continue;
    }
    sqlite3_bind_int64(st, 1, day);
    sqlite3_bind_int(st, 2, limit < 0 ? -1 : limit);
    if (deck) st_bind_text(st, 3, deck);
    rc = read_cards(s, op, st, out);
  } while (rc == RETRY);
  return rc;
}

int store_due(store *s, const char *deck, time_t now, int limit, store_cards *out) {
  return list_cards(s, "due", S_DUE_ALL, deck, store_day(now), limit, out);
}

int store_new_cards(store *s, const char *deck, int limit, store_cards *out) {
  return list_cards(s, "new_cards", S_NEW_ALL, deck, 0, limit, out);
}

int store_new_today(store *s, const char *deck, time_t now, int *count) {
  *count = 0;
  int rc;
  do {
    if (st_ready(s, "new_today", 0)) return STORE_ERROR;
    sqlite3_stmt *st = st_get(s, S_NEW_TODAY);
    if (!st) {
      rc = st_fail(s, "new_today");
      continue;
    }
    sqlite3_bind_int64(st, 1, (sqlite3_int64)store_day(now));
    st_bind_text(st, 2, deck);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) *count = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    rc = step == SQLITE_ROW ? STORE_OK : st_fail(s, "new_today");
  } while (rc == RETRY);
  return rc;
}

int store_get_card(store *s, const char *id, store_card *out, int *found) {
  store_cards list;
  int rc;
  *found = 0;
  memset(out, 0, sizeof *out);
  do {
    if (st_ready(s, "card", 0)) return STORE_ERROR;
    sqlite3_stmt *st = st_get(s, S_CARD_BY_ID);
    if (!st) {
      rc = st_fail(s, "card");
      continue;
    }
    st_bind_text(st, 1, id);
    rc = read_cards(s, "card", st, &list);
  } while (rc == RETRY);
  if (rc != STORE_OK) return rc;
  if (list.n) {
    *out = list.v[0];
    *found = 1;
  }
  free(list.v);
  return STORE_OK;
}

/* ---- reviews ---- */

/* Fuzz seeds differ per card and per review but replay identically: FNV-1a of the id, plus the
** review count stepped by SplitMix64's increment. */
static unsigned long long fuzz_seed(const char *card, int reps) {
  unsigned long long h = 1469598103934665603ULL;
  for (const unsigned char *p = (const unsigned char *)card; *p; p++) h = (h ^ *p) * 1099511628211ULL;
  return h + (unsigned long long)reps * 0x9E3779B97F4A7C15ULL;
}

static int review_once(store *s, const char *card, int rating, time_t now, const char *graded,
                       const char *answer, int64_t session, store_review_out *out) {
  static const char op[] = "review";
  int64_t day = store_day(now);
  sqlite3_stmt *st;
  memset(out, 0, sizeof *out);
  out->day = day;
  if (st_begin(s) || !(st = st_get(s, S_CARD_STATE))) return st_fail(s, op);
  st_bind_text(st, 1, card);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return st_fail(s, op);
  int known = rc == SQLITE_ROW;
  int is_new = !known || st_col_null(st, 0);
  fsrs_state prev = {0, 0};
  int64_t last = 0;
  int reps = 0, lapses = 0;
  if (known) {
    prev.stability = sqlite3_column_double(st, 0);
    prev.difficulty = sqlite3_column_double(st, 1);
    last = sqlite3_column_int64(st, 3);
    reps = sqlite3_column_int(st, 5);
    lapses = sqlite3_column_int(st, 6);
  }
  if (!known && !s->nosave) return st_refuse(s, op, "no card '%s' in the store", card);
  int session_ok = 1;
  if (session && st_session_known(s, session, &session_ok) != 0) return st_fail(s, op);
  if (!session_ok && !s->nosave) {
    char id[32];
    snprintf(id, sizeof id, "%lld", (long long)session);
    return st_refuse(s, op, "no session %s in the store", id);
  }
  int elapsed = is_new || day <= last ? 0 : (int)(day - last); /* a clock set back counts as 0 */
  fsrs_params p = s->params;
  if (p.enable_fuzz) p.fuzz_seed = fuzz_seed(card, reps);
  int interval = 0;
  fsrs_state next = fsrs_review(&p, is_new ? NULL : &prev, rating, elapsed, &interval);
  out->elapsed_days = elapsed;
  out->stability = next.stability;
  out->difficulty = next.difficulty;
  out->interval = interval;
  out->due_day = day + interval;
  if (!known) { /* no-save and a card the scratch never saw: computed, not recorded */
    sqlite3_reset(st);
    return st_commit(s) ? st_fail(s, op) : STORE_OK;
  }
  sqlite3_stmt *ins = st_get(s, S_REVIEW_INSERT);
  if (!ins) return st_fail(s, op);
  st_bind_text(ins, 1, card);
  st_bind_id(ins, 2, session_ok ? session : 0);
  sqlite3_bind_int64(ins, 3, (sqlite3_int64)now);
  sqlite3_bind_int64(ins, 4, day);
  sqlite3_bind_int(ins, 5, rating);
  sqlite3_bind_int(ins, 6, elapsed);
  st_bind_text(ins, 7, graded);
  st_bind_text(ins, 8, answer);
  for (int i = 0; i < 7; i++) /* the card's columns before, NULLs and all */
    sqlite3_bind_value(ins, 9 + i, sqlite3_column_value(st, i));
  sqlite3_bind_double(ins, 16, next.stability);
  sqlite3_bind_double(ins, 17, next.difficulty);
  sqlite3_bind_int(ins, 18, interval);
  sqlite3_bind_int64(ins, 19, out->due_day);
  sqlite3_reset(st);
  if (st_run(ins) != SQLITE_DONE) return st_fail(s, op);
  out->id = sqlite3_last_insert_rowid(s->db);
  if (!(st = st_get(s, S_CARD_SCHEDULE))) return st_fail(s, op);
  st_bind_text(st, 1, card);
  sqlite3_bind_double(st, 2, next.stability);
  sqlite3_bind_double(st, 3, next.difficulty);
  sqlite3_bind_int64(st, 4, out->due_day);
  sqlite3_bind_int64(st, 5, day);
  sqlite3_bind_int(st, 6, interval);
  sqlite3_bind_int(st, 7, reps + 1);
  sqlite3_bind_int(st, 8, lapses + (!is_new && rating == 1)); /* a lapse: forgot a known card */
  if (st_run(st) != SQLITE_DONE || st_commit(s)) return st_fail(s, op);
  return STORE_OK;
}

int store_review(store *s, const char *card, int rating, time_t now, const char *graded,
                 const char *answer, int64_t session, store_review_out *out) {
  int rc;
  if (!card || !*card) return st_set_err(s, "review", "no card id");
  if (rating < 1 || rating > 4) return st_set_err(s, "review", "rating must be 1..4, got %d", rating);
  if (!graded) graded = "self";
  if (strcmp(graded, "typed") != 0 && strcmp(graded, "self") != 0)
    return st_set_err(s, "review", "graded must be \"typed\" or \"self\", got \"%s\"", graded);
  do {
    if (st_ready(s, "review", 0)) return STORE_ERROR; /* nor cards: refused without a file */
    rc = review_once(s, card, rating, now, graded, answer, session, out);
  } while (rc == RETRY);
  return rc;
}

static int undo_once(store *s, int64_t session, char **card) {
  static const char op[] = "undo";
  sqlite3_stmt *st, *latest, *upd;
  if (st_begin(s) || !(st = st_get(s, session ? S_LAST_REVIEW_SESSION : S_LAST_REVIEW)))
    return st_fail(s, op);
  if (session) sqlite3_bind_int64(st, 1, session);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) { /* nothing to undo */
    sqlite3_reset(st);
    return st_commit(s) ? st_fail(s, op) : STORE_OK;
  }
  if (rc != SQLITE_ROW) return st_fail(s, op);
  int64_t id = sqlite3_column_int64(st, 0);
  int oom = 0;
  char *which = st_col_dup(st, 1, &oom);
  if (!which) return st_refuse(s, op, "%s", "out of memory");
  if (!(latest = st_get(s, S_LATEST_OF_CARD))) goto failed;
  st_bind_text(latest, 1, which);
  if (sqlite3_step(latest) != SQLITE_ROW) goto failed;
  if (sqlite3_column_int64(latest, 0) != id) {
    rc = st_refuse(s, op, "card '%s' was reviewed again after this review: undo that first", which);
    free(which);
    return rc;
  }
  sqlite3_reset(latest);
  if (!(upd = st_get(s, S_CARD_SCHEDULE))) goto failed;
  st_bind_text(upd, 1, which);
  for (int i = 2; i <= 8; i++) /* the card's columns before the review, NULLs and all */
    sqlite3_bind_value(upd, i, sqlite3_column_value(st, i));
  sqlite3_reset(st);
  if (st_run(upd) != SQLITE_DONE || !(st = st_get(s, S_REVIEW_DELETE))) goto failed;
  sqlite3_bind_int64(st, 1, id);
  if (st_run(st) != SQLITE_DONE || st_commit(s)) goto failed;
  *card = which;
  return STORE_OK;
failed:
  free(which);
  return st_fail(s, op);
}

int store_undo(store *s, int64_t session, char **card) {
  int rc;
  do {
    *card = NULL;
    if (st_ready(s, "undo", 0)) return STORE_ERROR; /* a store not yet created has nothing to undo */
    rc = undo_once(s, session, card);
  } while (rc == RETRY);
  return rc;
}

static int make_due_once(store *s, const char *const *facts, size_t n, int64_t day, int *count) {
  static const char op[] = "make_due";
  *count = 0;
  if (st_begin(s)) return st_fail(s, op);
  for (size_t i = 0; i < n; i++) {
    sqlite3_stmt *st = st_get(s, S_MAKE_DUE);
    if (!st) return st_fail(s, op);
    st_bind_text(st, 1, facts[i]);
    sqlite3_bind_int64(st, 2, day);
    if (st_run(st) != SQLITE_DONE) return st_fail(s, op);
    *count += sqlite3_changes(s->db);
  }
  return st_commit(s) ? st_fail(s, op) : STORE_OK;
}

int store_make_due(store *s, const char *const *facts, size_t n, time_t now, int *count) {
  int rc;
  do {
    if (st_ready(s, "make_due", 0)) return STORE_ERROR; /* nor cards to make due */
    rc = make_due_once(s, facts, n, store_day(now), count);
  } while (rc == RETRY);
  return rc;
}

int store_preview(store *s, const char *card, time_t now, int intervals[4]) {
  store_card c;
  int found = 0;
  if (store_get_card(s, card, &c, &found) != STORE_OK) return STORE_ERROR;
  int is_new = !found || c.reps == 0;
  fsrs_state prev = {is_new ? 0 : c.stability, is_new ? 0 : c.difficulty};
  int64_t day = store_day(now), last = is_new ? 0 : c.last_day;
  int reps = found ? c.reps : 0;
  if (found) store_card_free(&c);
  int elapsed = is_new || day <= last ? 0 : (int)(day - last); /* as review_once counts it */
  for (int rating = 1; rating <= 4; rating++) {
    fsrs_params p = s->params;
    if (p.enable_fuzz) p.fuzz_seed = fuzz_seed(card, reps);
    intervals[rating - 1] = 0;
    (void)fsrs_review(&p, is_new ? NULL : &prev, rating, elapsed, &intervals[rating - 1]);
  }
  return STORE_OK;
}
