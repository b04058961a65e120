/* store_internal.h: what the store_*.c files share — the struct, statement ids, helpers. */
/*
** Only src/store_*.c include this; everyone else has store.h. The helpers keep the short names
** they had as statics of one file: they are global in halqacore only, and none of the libraries
** halqa links exports a symbol of the same name.
*/
#ifndef HALQA_STORE_INTERNAL_H
#define HALQA_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define RETRY 2 /* internal status: the store went no-save, run the operation again */

/* The statements, prepared once per connection on first use. */
enum {
  S_CARD_GET, S_CARD_INSERT, S_CARD_UPDATE, S_FACTS_DEL, S_FACTS_ADD,
  S_SYNC_MARK, S_SYNC_RETIRE, S_SYNC_CLEAR,
  S_DUE_ALL, S_DUE_DECK, S_NEW_ALL, S_NEW_DECK, S_CARD_BY_ID,
  S_CARD_STATE, S_SESSION_EXISTS, S_REVIEW_INSERT, S_CARD_SCHEDULE,
  S_LAST_REVIEW, S_LAST_REVIEW_SESSION, S_LATEST_OF_CARD, S_REVIEW_DELETE,
  S_MAKE_DUE, S_SESSION_BEGIN, S_SESSION_END, S_ANSWER_INSERT, S_ANSWER_FACT,
  S_HISTORY, S_STATS_DECKS, S_STATS_RETENTION, S_STATS_HEATMAP, S_STATS_FORECAST,
  S_STATS_WEAKEST, S_NEW_TODAY, S_SESSION_UNFINISHED, S_SESSION_ANSWERS,
  S_WEIGHTS_LAST, S_WEIGHTS_INSERT, S_REVIEWS_ALL, S_DECK_RET_GET, S_DECK_RET_SET, S_DECK_RET_DEL,
  S_FORECAST_CARDS,
  S_COUNT
};

/* The text of each statement, by id (store_sql.c). */
extern const char *const st_sql_text[S_COUNT];

/* One store: its connection (of the three kinds store_open.c describes), statements, state. */
struct store {
  sqlite3 *db;
  char *path;
  int memory;    /* ":memory:": saving, for this run only */
  int pending;   /* the file does not exist yet; db is an empty scratch */
  int nosave;    /* db is a scratch; reason says why */
  int batch;     /* inside store_batch_begin: operations use savepoints */
  int notice;    /* the switch to no-save has not been reported yet */
  void (*on_notice)(void *ud, const char *reason); /* reports the switch at once (store_on_notice) */
  void *on_notice_ud;
  fsrs_params params;
  int weights_loaded; /* params.w holds the store's weights (store_weights.c) */
  sqlite3_stmt *st[S_COUNT];
  char reason[640];
  char err[640];
};

/* ---- helpers (store_open.c unless said) ---- */

/* Records "op: message" as the store's error; returns STORE_ERROR. */
int st_set_err(store *s, const char *op, const char *fmt, ...);
/* Text column i as a malloc'd string ("" for NULL); *oom set when malloc fails. */
char *st_col_dup(sqlite3_stmt *st, int i, int *oom);
/* Whether column i is NULL. */
int st_col_null(sqlite3_stmt *st, int i);
/* Binds text, or NULL for a NULL pointer (SQLITE_STATIC: the text must outlive the step). */
void st_bind_text(sqlite3_stmt *st, int i, const char *text);
/* Binds a row id, or NULL for 0 (no session). */
void st_bind_id(sqlite3_stmt *st, int i, int64_t id);
/* The next blank-separated fact id of p and its *len; NULL at the end. */
const char *st_next_fact(const char *p, size_t *len);

/* The cached statement id, reset and unbound; NULL on a prepare error. */
sqlite3_stmt *st_get(store *s, int id);
/* Steps a statement that returns no rows and resets it; SQLITE_DONE on success. */
int st_run(sqlite3_stmt *st);
/* Runs SQL text on the connection; 0 or -1. */
int st_exec(store *s, const char *sql);
/* Starts a write's transaction (a savepoint inside a batch); 0 or -1. */
int st_begin(store *s);
/* Commits what begin started; 0 or -1. */
int st_commit(store *s);
/* Rolls back what begin started, resetting every statement first. */
void st_rollback(store *s);
/* An SQLite error during op: rolls back; RETRY once the store went no-save, else STORE_ERROR. */
int st_fail(store *s, const char *op);
/* A refusal (bad argument, missing row): rolls back, records fmt with arg; STORE_ERROR. */
int st_refuse(store *s, const char *op, const char *fmt, const char *arg);
/* Every operation starts here: a connection must be there, and a write creates the file. */
int st_ready(store *s, const char *op, int write);

/* Loads the fitted weights into s->params once (store_weights.c); 0 or -1 on an SQLite error. */
int st_load_weights(store *s);

/* Whether session id exists, in *known; 0 or -1 on an SQLite error (store_sessions.c). */
int st_session_known(store *s, int64_t id, int *known);

#endif
