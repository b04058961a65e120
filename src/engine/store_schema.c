/* store_schema.c: the progress store's schema as numbered migrations, and the upgrade loop. */
/*
** A store file carries its schema version in PRAGMA user_version. migrations[v] turns version
** v-1 into v; a file is brought up one step per transaction, so a crash or a kill between steps
** leaves a file at some complete version, never between two. Never edit a released step: add
** the next one (and bump STORE_SCHEMA_VERSION in store.h). Columns are described in docs/store.md.
*/
#include <sqlite3.h>
#include <stdio.h>

#include "store.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* Version 1: cards and their FSRS state, reviews, sessions, answers; fact lookups; indices for
** the due queue, the new queue, a card's history, days (stats) and a session's last review. */
static const char v1[] =
  "PRAGMA application_id = " STR(STORE_APPLICATION_ID) ";"
  "CREATE TABLE cards ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  deck TEXT NOT NULL,"
  "  front TEXT NOT NULL DEFAULT '',"
  "  back TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT '',"
  "  facts TEXT NOT NULL DEFAULT '',"          /* space-separated fact ids, as given */
  "  created INTEGER NOT NULL,"                /* unix seconds */
  "  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),"
  "  stability REAL, difficulty REAL,"         /* NULL until the first review */
  "  due_day INTEGER, last_day INTEGER,"       /* store_day() numbers */
  "  interval INTEGER,"                        /* days scheduled by the last review */
  "  reps INTEGER NOT NULL DEFAULT 0,"
  "  lapses INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX cards_due ON cards(due_day, id) WHERE retired = 0;"
  "CREATE INDEX cards_deck_due ON cards(deck, due_day, id) WHERE retired = 0;"
  "CREATE INDEX cards_new ON cards(created, id) WHERE retired = 0 AND reps = 0;"
  "CREATE INDEX cards_deck_new ON cards(deck, created, id) WHERE retired = 0 AND reps = 0;"
  "CREATE TABLE card_facts ("
  "  fact TEXT NOT NULL,"
  "  card TEXT NOT NULL REFERENCES cards(id),"
  "  PRIMARY KEY (fact, card)"
  ") WITHOUT ROWID;"
  "CREATE INDEX card_facts_card ON card_facts(card);"
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('quiz', 'cards', 'drill', 'circle')),"
  "  started INTEGER NOT NULL, ended INTEGER,"
  "  seed TEXT, settings TEXT, notes TEXT"      /* settings: JSON text */
  ");"
  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  card TEXT NOT NULL REFERENCES cards(id),"
  "  session INTEGER REFERENCES sessions(id),"
  "  time INTEGER NOT NULL, day INTEGER NOT NULL,"
  "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),"
  "  elapsed_days INTEGER NOT NULL,"
  "  graded TEXT NOT NULL CHECK (graded IN ('typed', 'self')),"
  "  answer TEXT,"
  /* the card's columns before the review, all of them, so undo restores it exactly */
  "  stability_before REAL, difficulty_before REAL, due_before INTEGER, last_before INTEGER,"
  "  interval_before INTEGER, reps_before INTEGER NOT NULL, lapses_before INTEGER NOT NULL,"
  "  stability REAL NOT NULL, difficulty REAL NOT NULL,"
  "  interval INTEGER NOT NULL, due_day INTEGER NOT NULL"
  ");"
  "CREATE INDEX reviews_card ON reviews(card, id);"
  "CREATE INDEX reviews_day ON reviews(day);"
  "CREATE INDEX reviews_session ON reviews(session, id) WHERE session IS NOT NULL;"
  "CREATE TABLE answers ("
  "  id INTEGER PRIMARY KEY,"
  "  session INTEGER REFERENCES sessions(id),"
  "  question TEXT NOT NULL,"
  "  facts TEXT NOT NULL DEFAULT '',"
  "  given TEXT, verdict TEXT, score REAL, seconds REAL, player TEXT,"
  "  time INTEGER NOT NULL, day INTEGER NOT NULL"
  ");"
  "CREATE INDEX answers_session ON answers(session, id);"
  "CREATE TABLE answer_facts ("
  "  fact TEXT NOT NULL,"
  "  answer INTEGER NOT NULL REFERENCES answers(id),"
  "  PRIMARY KEY (fact, answer)"
  ") WITHOUT ROWID;"
  "CREATE INDEX answer_facts_answer ON answer_facts(answer);";

/* Version 2: learning steps and fitted weights. A card gets its scheduler phase (fsrs_phase:
** 0 new, 1 learning, 2 review, 3 relearning), its (re)learning step and, while on a step, the
** second it is due (due_time; NULL: from the start of due_day); a review keeps them before and
** after, so undo still restores the card exactly. Cards reviewed before have been on day
** intervals: phase 2. fsrs_weights holds each optimisation (the newest is in use);
** deck_settings a deck's desired retention. */
static const char v2[] =
  "ALTER TABLE cards ADD COLUMN phase INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 3);"
  "ALTER TABLE cards ADD COLUMN step INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cards ADD COLUMN due_time INTEGER;"
  "UPDATE cards SET phase = 2 WHERE reps > 0;"
  "ALTER TABLE reviews ADD COLUMN phase_before INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE reviews ADD COLUMN step_before INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE reviews ADD COLUMN due_time_before INTEGER;"
  "ALTER TABLE reviews ADD COLUMN phase INTEGER NOT NULL DEFAULT 2;"
  "ALTER TABLE reviews ADD COLUMN step INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE reviews ADD COLUMN due_time INTEGER;"
  "UPDATE reviews SET phase_before = 2 WHERE stability_before IS NOT NULL;"
  "CREATE TABLE fsrs_weights ("
  "  id INTEGER PRIMARY KEY,"
  "  time INTEGER NOT NULL,"                   /* unix seconds of the optimisation */
  "  w TEXT NOT NULL,"                         /* the 21 weights, space-separated */
  "  short_term INTEGER NOT NULL,"             /* the mode they were fitted for */
  "  reviews INTEGER NOT NULL,"                /* reviews learnt from */
  "  log_loss_before REAL, log_loss_after REAL, rmse_before REAL, rmse_after REAL"
  ");"
  "CREATE TABLE deck_settings ("
  "  deck TEXT PRIMARY KEY NOT NULL,"
  "  desired_retention REAL CHECK (desired_retention > 0 AND desired_retention < 1)"
  ");";

/* migrations[v] upgrades version v-1 to v. */
static const char *const migrations[] = {NULL, v1, v2};

_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA_VERSION + 1,
               "one migration per schema version");

static int user_version(sqlite3 *db, int *v) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK) return -1;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc == SQLITE_ROW ? 0 : -1;
}

/* Applies migration v in its own transaction, unless another connection already did. */
static int step(sqlite3 *db, int v, char *err, size_t errlen) {
  char sql[64];
  int have = -1;
  /* IMMEDIATE: take the write lock before reading the version, so two processes upgrading one
  ** file serialize here and the second sees the first's result. */
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) goto fail;
  if (user_version(db, &have) != 0) goto fail;
  if (have < v) {
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
    if (sqlite3_exec(db, migrations[v], NULL, NULL, NULL) != SQLITE_OK) goto fail;
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) goto fail;
  }
  if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) goto fail;
  return 0;
fail:
  snprintf(err, errlen, "schema migration to version %d: %s", v, sqlite3_errmsg(db));
  if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
}

int store_schema_upgrade(sqlite3 *db, int to, char *err, size_t errlen) {
  int have = 0;
  if (to < 0 || to > STORE_SCHEMA_VERSION) {
    snprintf(err, errlen, "schema version %d is not one this build knows (0..%d)", to,
             STORE_SCHEMA_VERSION);
    return -1;
  }
  if (user_version(db, &have) != 0) {
    snprintf(err, errlen, "reading the schema version: %s", sqlite3_errmsg(db));
    return -1;
  }
  for (int v = have + 1; v <= to; v++)
    if (step(db, v, err, errlen) != 0) return -1;
  return 0;
}

int store_create_at_version(const char *path, int v, char *err, size_t errlen) {
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return -1;
  }
  rc = store_schema_upgrade(db, v, err, errlen);
  sqlite3_close(db);
  return rc;
}
