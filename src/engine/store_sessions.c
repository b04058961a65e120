/* store_sessions.c: the store's quiz sessions and answers, and a fact's history read back. */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* Binds x, or NULL for NAN (unknown). */
static void bind_real(sqlite3_stmt *st, int i, double x) {
  if (isnan(x)) sqlite3_bind_null(st, i);
  else sqlite3_bind_double(st, i, x);
}

int st_session_known(store *s, int64_t id, int *known) {
  sqlite3_stmt *st = st_get(s, S_SESSION_EXISTS);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  *known = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* ---- sessions and answers ---- */

static int begin_session_once(store *s, const char *kind, const char *seed, const char *settings,
                              time_t now, int64_t *id) {
  sqlite3_stmt *st;
  if (st_begin(s) || !(st = st_get(s, S_SESSION_BEGIN))) return st_fail(s, "begin_session");
  st_bind_text(st, 1, kind);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
  st_bind_text(st, 3, seed);
  st_bind_text(st, 4, settings);
  if (st_run(st) != SQLITE_DONE) return st_fail(s, "begin_session");
  *id = sqlite3_last_insert_rowid(s->db);
  return st_commit(s) ? st_fail(s, "begin_session") : STORE_OK;
}

int store_begin_session(store *s, const char *kind, const char *seed, const char *settings_json,
                        time_t now, int64_t *id) {
  static const char *const kinds[] = {"quiz", "cards", "drill", "circle", NULL};
  int i = 0, rc;
  while (kind && kinds[i] && strcmp(kind, kinds[i]) != 0) i++;
  if (!kind || !kinds[i])
    return st_set_err(s, "begin_session", "kind must be quiz, cards, drill or circle, got \"%s\"",
                   kind ? kind : "(none)");
  do {
    if (st_ready(s, "begin_session", 1)) return STORE_ERROR;
    rc = begin_session_once(s, kind, seed, settings_json, now, id);
  } while (rc == RETRY);
  return rc;
}

static int end_session_once(store *s, int64_t id, const char *notes, time_t now) {
  sqlite3_stmt *st;
  if (st_begin(s) || !(st = st_get(s, S_SESSION_END))) return st_fail(s, "end_session");
  sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
  st_bind_text(st, 3, notes);
  if (st_run(st) != SQLITE_DONE) return st_fail(s, "end_session");
  if (sqlite3_changes(s->db) == 0 && !s->nosave) {
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)id);
    return st_refuse(s, "end_session", "no session %s in the store", num);
  }
  return st_commit(s) ? st_fail(s, "end_session") : STORE_OK;
}

int store_end_session(store *s, int64_t id, const char *notes, time_t now) {
  int rc;
  do {
    if (st_ready(s, "end_session", 0)) return STORE_ERROR; /* nor sessions */
    rc = end_session_once(s, id, notes, now);
  } while (rc == RETRY);
  return rc;
}

static int record_answer_once(store *s, const store_answer_in *a, time_t now, int64_t *id) {
  static const char op[] = "record_answer";
  sqlite3_stmt *st;
  int known = 1;
  if (st_begin(s)) return st_fail(s, op);
  if (a->session && st_session_known(s, a->session, &known) != 0) return st_fail(s, op);
  if (!known && !s->nosave) {
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)a->session);
    return st_refuse(s, op, "no session %s in the store", num);
  }
  if (!(st = st_get(s, S_ANSWER_INSERT))) return st_fail(s, op);
  st_bind_id(st, 1, known ? a->session : 0);
  st_bind_text(st, 2, a->question);
  st_bind_text(st, 3, a->facts ? a->facts : "");
  st_bind_text(st, 4, a->given);
  st_bind_text(st, 5, a->verdict);
  bind_real(st, 6, a->score);
  bind_real(st, 7, a->seconds);
  st_bind_text(st, 8, a->player);
  sqlite3_bind_int64(st, 9, (sqlite3_int64)now);
  sqlite3_bind_int64(st, 10, store_day(now));
  if (st_run(st) != SQLITE_DONE) return st_fail(s, op);
  *id = sqlite3_last_insert_rowid(s->db);
  size_t len;
  for (const char *f = st_next_fact(a->facts, &len); f; f = st_next_fact(f + len, &len)) {
    if (!(st = st_get(s, S_ANSWER_FACT))) return st_fail(s, op);
    sqlite3_bind_text(st, 1, f, (int)len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, *id);
    if (st_run(st) != SQLITE_DONE) return st_fail(s, op);
  }
  return st_commit(s) ? st_fail(s, op) : STORE_OK;
}

int store_record_answer(store *s, const store_answer_in *a, time_t now, int64_t *id) {
  int rc;
  if (!a->question || !*a->question) return st_set_err(s, "record_answer", "no question id");
  do {
    /* An answer in a session of a store not yet created is refused without creating it. */
    if (st_ready(s, "record_answer", a->session == 0)) return STORE_ERROR;
    rc = record_answer_once(s, a, now, id);
  } while (rc == RETRY);
  return rc;
}

/* ---- history ---- */

void store_events_free(store_events *list) {
  for (size_t i = 0; i < list->n; i++) {
    store_event *e = &list->v[i];
    free(e->item);
    free(e->graded);
    free(e->text);
    free(e->verdict);
    free(e->player);
  }
  free(list->v);
  list->v = NULL;
  list->n = 0;
}

static double col_real_or_nan(sqlite3_stmt *st, int i) {
  return st_col_null(st, i) ? NAN : sqlite3_column_double(st, i);
}

/* Reads the rows of S_HISTORY or S_SESSION_ANSWERS (the same columns) bound to fact or session. */
static int events_once(store *s, int which, const char *op, const char *fact, int64_t session, store_events *out) {
  sqlite3_stmt *st = st_get(s, which);
  size_t cap = 0;
  int rc, oom = 0;
  out->v = NULL;
  out->n = 0;
  if (!st) return st_fail(s, op);
  if (fact) st_bind_text(st, 1, fact);
  else sqlite3_bind_int64(st, 1, session);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (out->n == cap) {
      size_t ncap = cap ? cap * 2 : 16;
      store_event *v = realloc(out->v, ncap * sizeof *v);
      if (!v) {
        oom = 1;
        break;
      }
      out->v = v;
      cap = ncap;
    }
    store_event *e = &out->v[out->n++];
    memset(e, 0, sizeof *e);
    e->is_answer = sqlite3_column_int(st, 0);
    e->id = sqlite3_column_int64(st, 1);
    e->time = sqlite3_column_int64(st, 2);
    e->day = sqlite3_column_int64(st, 3);
    e->session = sqlite3_column_int64(st, 4);
    e->item = st_col_dup(st, 5, &oom);
    e->rating = sqlite3_column_int(st, 6);
    e->elapsed_days = sqlite3_column_int(st, 7);
    e->interval = sqlite3_column_int(st, 8);
    e->stability = sqlite3_column_double(st, 9);
    e->difficulty = sqlite3_column_double(st, 10);
    e->graded = st_col_null(st, 11) ? NULL : st_col_dup(st, 11, &oom);
    e->text = st_col_null(st, 12) ? NULL : st_col_dup(st, 12, &oom);
    e->verdict = st_col_null(st, 13) ? NULL : st_col_dup(st, 13, &oom);
    e->player = st_col_null(st, 14) ? NULL : st_col_dup(st, 14, &oom);
    e->score = col_real_or_nan(st, 15);
    e->seconds = col_real_or_nan(st, 16);
  }
  if (oom || rc != SQLITE_DONE) {
    store_events_free(out);
    if (!oom) return st_fail(s, op);
    sqlite3_reset(st);
    return st_set_err(s, op, "out of memory");
  }
  sqlite3_reset(st);
  return STORE_OK;
}

int store_history(store *s, const char *fact, store_events *out) {
  int rc;
  do {
    if (st_ready(s, "history", 0)) return STORE_ERROR;
    rc = events_once(s, S_HISTORY, "history", fact, 0, out);
  } while (rc == RETRY);
  return rc;
}

int store_session_answers(store *s, int64_t session, store_events *out) {
  int rc;
  do {
    if (st_ready(s, "session_answers", 0)) return STORE_ERROR;
    rc = events_once(s, S_SESSION_ANSWERS, "session_answers", NULL, session, out);
  } while (rc == RETRY);
  return rc;
}

/* ---- an unfinished session ---- */

void store_session_info_free(store_session_info *info) {
  free(info->seed);
  free(info->settings);
  memset(info, 0, sizeof *info);
}

static int unfinished_once(store *s, const char *kind, const char *contains, store_session_info *out) {
  static const char op[] = "unfinished_session";
  sqlite3_stmt *st = st_get(s, S_SESSION_UNFINISHED);
  int oom = 0;
  memset(out, 0, sizeof *out);
  if (!st) return st_fail(s, op);
  st_bind_text(st, 1, kind);
  st_bind_text(st, 2, contains ? contains : "");
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    out->id = sqlite3_column_int64(st, 0);
    out->started = sqlite3_column_int64(st, 1);
    out->seed = st_col_null(st, 2) ? NULL : st_col_dup(st, 2, &oom);
    out->settings = st_col_null(st, 3) ? NULL : st_col_dup(st, 3, &oom);
  }
  if (oom || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
    store_session_info_free(out);
    if (!oom) return st_fail(s, op);
    sqlite3_reset(st);
    return st_set_err(s, op, "out of memory");
  }
  sqlite3_reset(st);
  return STORE_OK;
}

int store_unfinished_session(store *s, const char *kind, const char *contains, store_session_info *out) {
  int rc;
  do {
    if (st_ready(s, "unfinished_session", 0)) return STORE_ERROR;
    rc = unfinished_once(s, kind, contains, out);
  } while (rc == RETRY);
  return rc;
}
