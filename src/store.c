/* store.c: the progress store over SQLite — lazy opening, the no-save fallback, writes, queries. */
/*
** One store is one connection (s->db) plus a cache of prepared statements. The connection is one
** of three kinds:
**   - the file, in WAL mode (saving);
**   - an in-memory "scratch" holding the current schema, used while the file does not exist yet
**     (s->pending: reads find nothing; the first write creates the file and switches to it, and
**     so does any call once another process has created it);
**   - a scratch used in no-save mode (s->nosave): the session goes on in memory and nothing
**     reaches the disk. When the file could still be read (read-only, disk full) the scratch
**     starts as a copy of it, so due cards and history are there; when it is damaged it is empty.
** Every write runs in its own transaction and has committed when the function returns. A write
** that fails because of the disk (not because of its arguments) switches the store to no-save
** and runs again on the scratch, so a session never dies because the disk did.
*/
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"

#define BUSY_TIMEOUT_MS 5000 /* two halqa processes wait for each other rather than fail */
#define MATURE_DAYS 21       /* an interval this long or longer makes a card "mature" (Anki's) */
#define RETRY 2              /* internal status: the store went no-save, run the operation again */

/* The statements, prepared once per connection on first use. */
enum {
  S_CARD_GET, S_CARD_INSERT, S_CARD_UPDATE, S_FACTS_DEL, S_FACTS_ADD,
  S_SYNC_MARK, S_SYNC_RETIRE, S_SYNC_CLEAR,
  S_DUE_ALL, S_DUE_DECK, S_NEW_ALL, S_NEW_DECK, S_CARD_BY_ID,
  S_CARD_STATE, S_SESSION_EXISTS, S_REVIEW_INSERT, S_CARD_SCHEDULE,
  S_LAST_REVIEW, S_LAST_REVIEW_SESSION, S_LATEST_OF_CARD, S_REVIEW_DELETE,
  S_MAKE_DUE, S_SESSION_BEGIN, S_SESSION_END, S_ANSWER_INSERT, S_ANSWER_FACT,
  S_HISTORY, S_STATS_DECKS, S_STATS_RETENTION, S_STATS_HEATMAP, S_STATS_FORECAST,
  S_STATS_WEAKEST, S_NEW_TODAY,
  S_COUNT
};

#define CARD_COLS \
  "id, deck, front, back, source, facts, created, retired, stability, difficulty, due_day, " \
  "last_day, interval, reps, lapses"
#define BEFORE_COLS \
  "stability_before, difficulty_before, due_before, last_before, interval_before, reps_before, " \
  "lapses_before"

static const char *const sql_text[S_COUNT] = {
  /* a card's first review is the one made when it had no repetitions */
  [S_NEW_TODAY] = "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card "
                  "WHERE r.day = ?1 AND r.reps_before = 0 AND (?2 IS NULL OR c.deck = ?2)",
  [S_CARD_GET] = "SELECT deck, front, back, source, facts, retired FROM cards WHERE id = ?1",
  [S_CARD_INSERT] = "INSERT INTO cards (id, deck, front, back, source, facts, created) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [S_CARD_UPDATE] = "UPDATE cards SET deck = ?2, front = ?3, back = ?4, source = ?5, facts = ?6, "
                    "retired = 0 WHERE id = ?1",
  [S_FACTS_DEL] = "DELETE FROM card_facts WHERE card = ?1",
  [S_FACTS_ADD] = "INSERT OR IGNORE INTO card_facts (fact, card) VALUES (?1, ?2)",
  [S_SYNC_MARK] = "INSERT OR IGNORE INTO temp.sync_ids (id) VALUES (?1)",
  [S_SYNC_RETIRE] = "UPDATE cards SET retired = 1 WHERE deck = ?1 AND retired = 0 "
                    "AND id NOT IN (SELECT id FROM temp.sync_ids)",
  [S_SYNC_CLEAR] = "DELETE FROM temp.sync_ids",
  /* "retired = 0" is written as in the partial indices' WHERE so the planner can use them. */
  [S_DUE_ALL] = "SELECT " CARD_COLS " FROM cards WHERE retired = 0 AND due_day <= ?1 "
                "ORDER BY due_day, id LIMIT ?2",
  [S_DUE_DECK] = "SELECT " CARD_COLS " FROM cards WHERE deck = ?3 AND retired = 0 "
                 "AND due_day <= ?1 ORDER BY due_day, id LIMIT ?2",
  [S_NEW_ALL] = "SELECT " CARD_COLS " FROM cards WHERE retired = 0 AND reps = 0 "
                "ORDER BY created, id LIMIT ?2",
  [S_NEW_DECK] = "SELECT " CARD_COLS " FROM cards WHERE deck = ?3 AND retired = 0 AND reps = 0 "
                 "ORDER BY created, id LIMIT ?2",
  [S_CARD_BY_ID] = "SELECT " CARD_COLS " FROM cards WHERE id = ?1",
  [S_CARD_STATE] = "SELECT stability, difficulty, due_day, last_day, interval, reps, lapses "
                   "FROM cards WHERE id = ?1",
  [S_SESSION_EXISTS] = "SELECT 1 FROM sessions WHERE id = ?1",
  [S_REVIEW_INSERT] = "INSERT INTO reviews (card, session, time, day, rating, elapsed_days, "
                      "graded, answer, " BEFORE_COLS ", stability, difficulty, interval, due_day) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                      "?16, ?17, ?18, ?19)",
  [S_CARD_SCHEDULE] = "UPDATE cards SET stability = ?2, difficulty = ?3, due_day = ?4, "
                      "last_day = ?5, interval = ?6, reps = ?7, lapses = ?8 WHERE id = ?1",
  [S_LAST_REVIEW] = "SELECT id, card, " BEFORE_COLS " FROM reviews ORDER BY id DESC LIMIT 1",
  [S_LAST_REVIEW_SESSION] = "SELECT id, card, " BEFORE_COLS " FROM reviews WHERE session = ?1 "
                            "ORDER BY id DESC LIMIT 1",
  [S_LATEST_OF_CARD] = "SELECT max(id) FROM reviews WHERE card = ?1",
  [S_REVIEW_DELETE] = "DELETE FROM reviews WHERE id = ?1",
  [S_MAKE_DUE] = "UPDATE cards SET due_day = ?2 WHERE retired = 0 AND reps > 0 AND due_day > ?2 "
                 "AND id IN (SELECT card FROM card_facts WHERE fact = ?1)",
  [S_SESSION_BEGIN] = "INSERT INTO sessions (kind, started, seed, settings) VALUES (?1, ?2, ?3, ?4)",
  [S_SESSION_END] = "UPDATE sessions SET ended = ?2, notes = coalesce(?3, notes) WHERE id = ?1",
  [S_ANSWER_INSERT] = "INSERT INTO answers (session, question, facts, given, verdict, score, "
                      "seconds, player, time, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [S_ANSWER_FACT] = "INSERT OR IGNORE INTO answer_facts (fact, answer) VALUES (?1, ?2)",
  [S_HISTORY] =
    "SELECT 0, r.id, r.time, r.day, r.session, r.card, r.rating, r.elapsed_days, r.interval, "
    "       r.stability, r.difficulty, r.graded, r.answer, NULL, NULL, NULL, NULL "
    "FROM card_facts f JOIN reviews r ON r.card = f.card WHERE f.fact = ?1 "
    "UNION ALL "
    "SELECT 1, a.id, a.time, a.day, a.session, a.question, NULL, NULL, NULL, NULL, NULL, NULL, "
    "       a.given, a.verdict, a.player, a.score, a.seconds "
    "FROM answer_facts f JOIN answers a ON a.id = f.answer WHERE f.fact = ?1 "
    "ORDER BY 3, 1, 2",
  [S_STATS_DECKS] = "SELECT deck, count(*), sum(reps = 0), sum(reps > 0 AND interval < ?2), "
                    "sum(reps > 0 AND due_day <= ?1), sum(reps > 0 AND interval >= ?2) "
                    "FROM cards WHERE retired = 0 GROUP BY deck ORDER BY deck",
  [S_STATS_RETENTION] = "SELECT count(*), coalesce(sum(rating >= 2), 0) FROM reviews "
                        "WHERE day > ?1 - ?2 AND day <= ?1 AND stability_before IS NOT NULL "
                        "AND elapsed_days >= 1",
  [S_STATS_HEATMAP] = "SELECT day, count(*) FROM reviews WHERE day > ?1 - ?2 AND day <= ?1 "
                      "GROUP BY day",
  [S_STATS_FORECAST] = "SELECT max(due_day, ?1), count(*) FROM cards WHERE retired = 0 "
                       "AND due_day < ?1 + ?2 GROUP BY 1",
  [S_STATS_WEAKEST] = "SELECT f.fact, min(halqa_retrievability(?1 - c.last_day, c.stability)) AS r, "
                      "sum(c.lapses) AS l, count(*) FROM card_facts f JOIN cards c ON c.id = f.card "
                      "WHERE c.retired = 0 AND c.reps > 0 GROUP BY f.fact "
                      "ORDER BY r, l DESC, f.fact LIMIT ?2",
};

struct store {
  sqlite3 *db;
  char *path;
  int memory;    /* ":memory:": saving, for this run only */
  int pending;   /* the file does not exist yet; db is an empty scratch */
  int nosave;    /* db is a scratch; reason says why */
  int batch;     /* inside store_batch_begin: operations use savepoints */
  int notice;    /* the switch to no-save has not been reported yet */
  fsrs_params params;
  sqlite3_stmt *st[S_COUNT];
  char reason[640];
  char err[640];
};

/* ---- small helpers ---- */

static void put(char *buf, size_t len, const char *fmt, ...) {
  va_list ap;
  if (!buf || !len) return;
  va_start(ap, fmt);
  vsnprintf(buf, len, fmt, ap);
  va_end(ap);
}

static int set_err(store *s, const char *op, const char *fmt, ...) {
  va_list ap;
  int n = snprintf(s->err, sizeof s->err, "%s: ", op);
  va_start(ap, fmt);
  vsnprintf(s->err + n, sizeof s->err - (size_t)n, fmt, ap);
  va_end(ap);
  return STORE_ERROR;
}

static char *copy_text(const char *text) {
  size_t n = strlen(text ? text : "") + 1;
  char *p = malloc(n);
  if (p) memcpy(p, text ? text : "", n);
  return p;
}

/* Text column i as a malloc'd string ("" for NULL); *oom set when malloc fails. */
static char *col_dup(sqlite3_stmt *st, int i, int *oom) {
  char *p = copy_text((const char *)sqlite3_column_text(st, i));
  if (!p) *oom = 1;
  return p;
}

static int col_null(sqlite3_stmt *st, int i) {
  return sqlite3_column_type(st, i) == SQLITE_NULL;
}

static void bind_text(sqlite3_stmt *st, int i, const char *text) {
  if (text) sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}

static void bind_real(sqlite3_stmt *st, int i, double x) {
  if (isnan(x)) sqlite3_bind_null(st, i);
  else sqlite3_bind_double(st, i, x);
}

static void bind_id(sqlite3_stmt *st, int i, int64_t id) {
  if (id) sqlite3_bind_int64(st, i, id);
  else sqlite3_bind_null(st, i);
}

/* Fact ids are separated by blanks. Returns the next one's start and sets *len; NULL at the end. */
static const char *next_fact(const char *p, size_t *len) {
  if (!p) return NULL;
  p += strspn(p, " \t\n");
  if (!*p) return NULL;
  *len = strcspn(p, " \t\n");
  return p;
}

/* ---- days ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The local wall-clock date, minus one when before the day's start hour: a review at 1 am counts
** for the evening before, as it does for the person making it. Using the wall clock (not t minus
** 4 hours) keeps the boundary at 4:00 on the nights the clocks change. */
int64_t store_day(time_t t) {
  struct tm tm;
  if (!localtime_r(&t, &tm)) return (int64_t)(t / 86400);
  int64_t day = days_from_civil((int64_t)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return tm.tm_hour < STORE_DAY_START_HOUR ? day - 1 : day;
}

time_t store_day_start(int64_t day) {
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  civil_from_days(day, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_hour = STORE_DAY_START_HOUR;
  tm.tm_isdst = -1;
  return mktime(&tm);
}

/* ---- connections ---- */

/* halqa_retrievability(elapsed_days, stability): FSRS recall probability, for stats in SQL. */
static void sql_retrievability(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const store *s = sqlite3_user_data(ctx);
  (void)argc;
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  sqlite3_result_double(ctx, fsrs_retrievability(&s->params, sqlite3_value_double(argv[0]),
                                                 sqlite3_value_double(argv[1])));
}

static void finalize_all(store *s) {
  for (int i = 0; i < S_COUNT; i++) {
    sqlite3_finalize(s->st[i]);
    s->st[i] = NULL;
  }
}

/* Resets every cached statement, so none holds a read transaction open between calls. */
static void reset_all(store *s) {
  for (int i = 0; i < S_COUNT; i++)
    if (s->st[i]) sqlite3_reset(s->st[i]);
}

/* What every connection needs: the busy timeout, foreign keys, our SQL function, the temp table
** sync uses. For the file, WAL with synchronous=NORMAL: a commit is in the WAL (the OS's page
** cache) before COMMIT returns, so a killed process loses nothing it committed; only a power cut
** or kernel crash can lose the last commits, and even then the file stays consistent. FULL would
** add an fsync per answer for a risk that a study tool can take. The page cache may grow to 32 MiB
** (SQLite's default is 2 MiB): with 100k cards the whole due queue is read at random from the
** cards table, and a cache that holds it halves the time. It costs only what is read. */
static int setup(store *s, sqlite3 *db, int file) {
  sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
  if (file && sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                           "PRAGMA cache_size = -32768",
                           NULL, NULL, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_exec(db, "PRAGMA foreign_keys = ON;"
                       "CREATE TEMP TABLE IF NOT EXISTS sync_ids (id TEXT PRIMARY KEY)",
                   NULL, NULL, NULL) != SQLITE_OK)
    return -1;
  return sqlite3_create_function(db, "halqa_retrievability", 2,
                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC, s, sql_retrievability,
                                 NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* An in-memory database with the current schema, a copy of src when src is given and can be
** copied. NULL only when SQLite cannot even make that (out of memory). */
static sqlite3 *open_scratch(store *s, sqlite3 *src) {
  char err[256];
  for (int attempt = src ? 0 : 1; attempt < 2; attempt++) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
      sqlite3_close(db);
      return NULL;
    }
    int ok = 1;
    if (attempt == 0) {
      sqlite3_backup *b = sqlite3_backup_init(db, "main", src, "main");
      ok = b && sqlite3_backup_step(b, -1) == SQLITE_DONE;
      if (sqlite3_backup_finish(b) != SQLITE_OK) ok = 0;
    }
    if (ok && setup(s, db, 0) == 0 && store_schema_upgrade(db, STORE_SCHEMA_VERSION, err,
                                                          sizeof err) == 0)
      return db;
    sqlite3_close(db); /* the copy failed: an empty scratch will do */
  }
  return NULL;
}

/* Switches to no-save: a scratch (a copy of the current database when copy is set) replaces the
** connection. The reason is kept for store_reason and, when notify is set, store_take_notice. */
static void go_nosave(store *s, const char *why, sqlite3 *copy_from, int notify) {
  finalize_all(s);
  sqlite3 *scratch = open_scratch(s, copy_from);
  if (s->db != copy_from) sqlite3_close(s->db);
  if (copy_from) sqlite3_close(copy_from);
  s->db = scratch;
  s->nosave = 1;
  s->pending = 0;
  s->notice = notify;
  snprintf(s->reason, sizeof s->reason, "%s", why);
}

/* Reads the file's application id, schema version and table count. Returns an SQLite code. */
static int probe(sqlite3 *db, int *app, int *version, int *tables) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db,
                              "SELECT (SELECT application_id FROM pragma_application_id),"
                              " (SELECT user_version FROM pragma_user_version),"
                              " (SELECT count(*) FROM sqlite_master)",
                              -1, &st, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    *app = sqlite3_column_int(st, 0);
    *version = sqlite3_column_int(st, 1);
    *tables = sqlite3_column_int(st, 2);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

#define NOT_SAVING "; not saving progress in this session"

/* Opens path with flags and reads its header. Returns an SQLite code; *db is open on success. */
static int open_probe(const char *path, int flags, sqlite3 **db, int *app, int *version,
                      int *tables) {
  int rc = sqlite3_open_v2(path, db, flags, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(*db, BUSY_TIMEOUT_MS);
    rc = probe(*db, app, version, tables);
  }
  return rc;
}

/* Opens the existing file at s->path. On STORE_OK s->db is it. Otherwise why says what is wrong
** and *keep is a still-open connection to copy into the scratch (or NULL: nothing usable).
** The file is first looked at read-only, so one that is refused (too new, someone else's) is not
** written at all, not even by a WAL checkpoint when our connection closes. */
static store_status open_file(store *s, int readonly, char *why, size_t whylen, sqlite3 **keep) {
  sqlite3 *db = NULL;
  char err[256];
  int app = 0, version = 0, tables = 0;
  *keep = NULL;
  int rc = open_probe(s->path, SQLITE_OPEN_READONLY, &db, &app, &version, &tables);
  if ((rc & 0xff) == SQLITE_READONLY && !readonly) {
    /* A hot journal only a writer may roll back: look again as one. */
    sqlite3_close(db);
    db = NULL;
    rc = open_probe(s->path, SQLITE_OPEN_READWRITE, &db, &app, &version, &tables);
  }
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
    put(why, whylen, "progress store %s is damaged or not a database (%s)" NOT_SAVING, s->path,
        sqlite3_errmsg(db));
    sqlite3_close(db);
    return STORE_NOSAVE;
  }
  if (rc != SQLITE_OK) {
    put(why, whylen, "progress store %s cannot be read (%s)" NOT_SAVING, s->path,
        db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return STORE_NOSAVE;
  }
  if (app == STORE_APPLICATION_ID && version > STORE_SCHEMA_VERSION) {
    put(why, whylen, "progress store %s was written by a newer halqa (schema version %d; this one "
        "knows versions up to %d): left untouched" NOT_SAVING, s->path, version,
        STORE_SCHEMA_VERSION);
    sqlite3_close(db);
    return STORE_TOO_NEW;
  }
  if (app != STORE_APPLICATION_ID && !(app == 0 && version == 0 && tables == 0)) {
    put(why, whylen, "%s is an SQLite database but not a halqa progress store: left untouched"
        NOT_SAVING, s->path);
    sqlite3_close(db);
    return STORE_NOSAVE;
  }
  if (!readonly && sqlite3_db_readonly(db, "main") == 1) { /* the read-only look: now open it */
    sqlite3_close(db);
    db = NULL;
    rc = sqlite3_open_v2(s->path, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK) {
      put(why, whylen, "progress store %s cannot be opened (%s)" NOT_SAVING, s->path,
          db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
      sqlite3_close(db);
      return STORE_NOSAVE;
    }
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
  }
  if (readonly || sqlite3_db_readonly(db, "main") == 1) { /* SQLite fell back to read-only */
    put(why, whylen, "progress store %s is read-only: your progress is shown but not saved in this "
        "session", s->path);
    *keep = db;
    return STORE_NOSAVE;
  }
  err[0] = '\0';
  if (setup(s, db, 1) != 0 || store_schema_upgrade(db, STORE_SCHEMA_VERSION, err, sizeof err) != 0) {
    put(why, whylen, "progress store %s cannot be written (%s)" NOT_SAVING, s->path,
        err[0] ? err : sqlite3_errmsg(db));
    *keep = db;
    return STORE_NOSAVE;
  }
  s->db = db;
  return STORE_OK;
}

/* Makes the folders leading to path (mode 0700: progress is personal). 0, or -1 with errno. */
static int make_parents(const char *path) {
  char *buf = copy_text(path);
  if (!buf) return -1;
  for (char *p = buf + 1; (p = strchr(p, '/')) != NULL; p++) {
    *p = '\0';
    if (mkdir(buf, 0700) != 0 && errno != EEXIST) {
      free(buf);
      return -1;
    }
    *p = '/';
  }
  free(buf);
  return 0;
}

/* Whether the file at path could be created: the nearest existing ancestor must be a folder we
** may write in. Checked without creating anything. 0, or -1 with why filled in. */
static int creatable(const char *path, char *why, size_t whylen) {
  char *dir = copy_text(path);
  struct stat st;
  if (!dir) return -1;
  for (;;) {
    char *slash = strrchr(dir, '/');
    if (!slash) {
      strcpy(dir, ".");
    } else if (slash == dir) {
      dir[1] = '\0';
    } else {
      *slash = '\0';
    }
    if (stat(dir, &st) == 0) break;
    if (errno != ENOENT || strcmp(dir, ".") == 0 || strcmp(dir, "/") == 0) {
      put(why, whylen, "progress store %s cannot be created: %s: %s" NOT_SAVING, path, dir,
          strerror(errno));
      free(dir);
      return -1;
    }
  }
  int ok = S_ISDIR(st.st_mode) && access(dir, W_OK | X_OK) == 0;
  if (!ok)
    put(why, whylen, "progress store %s cannot be created: %s %s" NOT_SAVING, path, dir,
        S_ISDIR(st.st_mode) ? "is not writable" : "is not a folder");
  free(dir);
  return ok ? 0 : -1;
}

/* Before a write: creates the file when it does not exist yet (lazy opening). A failure switches
** the store to no-save; the write then goes on in memory. */
static void materialize(store *s) {
  char why[sizeof s->reason];
  sqlite3 *keep = NULL, *scratch = s->db;
  if (!s->pending) return;
  if (make_parents(s->path) != 0) {
    put(why, sizeof why, "progress store %s cannot be created (%s)" NOT_SAVING, s->path,
        strerror(errno));
    go_nosave(s, why, NULL, 1);
    return;
  }
  int fd = open(s->path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600); /* personal, as the history file */
  if (fd < 0) {
    put(why, sizeof why, "progress store %s cannot be created (%s)" NOT_SAVING, s->path,
        strerror(errno));
    go_nosave(s, why, NULL, 1);
    return;
  }
  close(fd);
  finalize_all(s);
  s->db = NULL;
  if (open_file(s, 0, why, sizeof why, &keep) == STORE_OK) {
    sqlite3_close(scratch);
    s->pending = 0;
    return;
  }
  /* Someone else's file appeared there meanwhile and we can't use it: keep the empty scratch. */
  sqlite3_close(keep);
  s->db = scratch;
  s->pending = 0;
  s->nosave = 1;
  s->notice = 1;
  snprintf(s->reason, sizeof s->reason, "%s", why);
}

char *store_default_path(void) {
  const char *base = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
  const char *fmt = "%s/halqa/progress.db";
  if (!base || base[0] != '/') {
    if (!home || !*home) return NULL;
    base = home;
    fmt = "%s/.local/share/halqa/progress.db";
  }
  size_t n = strlen(base) + strlen(fmt);
  char *p = malloc(n);
  if (p) snprintf(p, n, fmt, base);
  return p;
}

store_status store_open_flags(const char *path, int flags, store **out, char *msg, size_t msglen) {
  store *s = calloc(1, sizeof *s);
  char why[sizeof s->reason] = "";
  store_status status = STORE_OK;
  struct stat st;
  *out = NULL;
  put(msg, msglen, "%s", "");
  if (!s) {
    put(msg, msglen, "progress store: out of memory");
    return STORE_ERROR;
  }
  fsrs_default_params(&s->params);
  s->path = path ? copy_text(path) : store_default_path();
  if (!s->path) {
    /* No home folder to keep it in: run in memory, and say so. */
    s->path = copy_text(path ? path : "(no home folder)");
    put(why, sizeof why, "no place for the progress store: $HOME and $XDG_DATA_HOME are unset"
        NOT_SAVING);
    status = STORE_NOSAVE;
  } else if (strcmp(s->path, ":memory:") == 0) {
    s->memory = 1;
    s->db = open_scratch(s, NULL);
  } else if (stat(s->path, &st) != 0) {
    int e = errno;
    status = STORE_NOSAVE;
    if (e != ENOENT)
      put(why, sizeof why, "progress store %s cannot be reached (%s)" NOT_SAVING, s->path,
          strerror(e));
    else if (flags & STORE_OPEN_READONLY)
      put(why, sizeof why, "progress store %s does not exist and may not be created" NOT_SAVING,
          s->path);
    else if (creatable(s->path, why, sizeof why) == 0) {
      status = STORE_OK;
      s->pending = 1;
      s->db = open_scratch(s, NULL);
    }
  } else {
    sqlite3 *keep = NULL;
    status = open_file(s, flags & STORE_OPEN_READONLY, why, sizeof why, &keep);
    if (status != STORE_OK) go_nosave(s, why, keep, 0);
  }
  if (status != STORE_OK && !s->nosave) go_nosave(s, why, NULL, 0);
  if (!s->path || !s->db) {
    put(msg, msglen, "progress store %s: out of memory", path ? path : "");
    store_close(s);
    return STORE_ERROR;
  }
  put(msg, msglen, "%s", s->reason);
  *out = s;
  return status;
}

store_status store_open(const char *path, store **out, char *msg, size_t msglen) {
  return store_open_flags(path, 0, out, msg, msglen);
}

void store_close(store *s) {
  if (!s) return;
  finalize_all(s);
  sqlite3_close(s->db);
  free(s->path);
  free(s);
}

store_status store_mode(const store *s) {
  return s->nosave ? STORE_NOSAVE : STORE_OK;
}

const char *store_reason(const store *s) {
  return s->nosave ? s->reason : "";
}

const char *store_path(const store *s) {
  return s->path;
}

const char *store_error(const store *s) {
  return s->err;
}

const char *store_take_notice(store *s) {
  if (!s->notice) return NULL;
  s->notice = 0;
  return s->reason;
}

void store_get_params(const store *s, fsrs_params *out) {
  *out = s->params;
}

void store_set_params(store *s, const fsrs_params *p) {
  s->params = *p;
}

/* ---- running operations ---- */

/* The cached statement, reset and unbound; NULL on a prepare error (left in the connection). */
static sqlite3_stmt *get(store *s, int id) {
  if (!s->st[id]) {
    if (sqlite3_prepare_v3(s->db, sql_text[id], -1, SQLITE_PREPARE_PERSISTENT, &s->st[id], NULL) !=
        SQLITE_OK)
      return NULL;
  } else {
    sqlite3_reset(s->st[id]);
    sqlite3_clear_bindings(s->st[id]);
  }
  return s->st[id];
}

/* Runs a statement that returns no rows. SQLITE_DONE on success. */
static int run(sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc;
}

static int exec(store *s, const char *sql) {
  return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* A write's transaction: BEGIN IMMEDIATE takes the write lock first, so the busy timeout covers
** the whole wait (a deferred transaction upgrading later would fail at once with SQLITE_BUSY).
** Inside a batch, a savepoint keeps each operation atomic. */
static int begin(store *s) {
  return exec(s, s->batch ? "SAVEPOINT op" : "BEGIN IMMEDIATE");
}

static int commit(store *s) {
  return exec(s, s->batch ? "RELEASE op" : "COMMIT");
}

static void rollback(store *s) {
  reset_all(s);
  if (s->batch) exec(s, "ROLLBACK TO op; RELEASE op");
  else if (!sqlite3_get_autocommit(s->db)) exec(s, "ROLLBACK");
}

/* Errors that mean the file, not the request, is the problem. */
static int disk_trouble(int rc) {
  switch (rc & 0xff) {
  case SQLITE_READONLY: case SQLITE_IOERR: case SQLITE_CORRUPT: case SQLITE_NOTADB:
  case SQLITE_FULL: case SQLITE_CANTOPEN: case SQLITE_PERM:
    return 1;
  default:
    return 0;
  }
}

/* An SQLite error during op: rolls back, then either switches to no-save (the file is the
** problem: returns RETRY) or records "op: message (path)" and returns STORE_ERROR. */
static int fail(store *s, const char *op) {
  int rc = sqlite3_errcode(s->db);
  char msg[256];
  snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(s->db));
  rollback(s);
  if (disk_trouble(rc) && !s->nosave && !s->pending && !s->memory && !s->batch) {
    char why[sizeof s->reason];
    int damaged = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
    snprintf(why, sizeof why, "progress store %s: %s (during %s); not saving progress from now on",
             s->path, msg, op);
    go_nosave(s, why, damaged ? NULL : s->db, 1);
    if (s->db) return RETRY;
  }
  return set_err(s, op, "%s (%s)", msg, s->path);
}

/* A refusal (bad argument, missing row): rolls back and records the message. */
static int refuse(store *s, const char *op, const char *fmt, const char *arg) {
  rollback(s);
  return set_err(s, op, fmt, arg);
}

/* Every operation starts here: the store must have a connection, and a write creates the file. */
static int ready(store *s, const char *op, int write) {
  /* A read also switches to the file once another process has created it, so two halqa
  ** started before the store existed see each other's work. */
  if (s->pending && (write || access(s->path, F_OK) == 0)) materialize(s);
  if (!s->db) return set_err(s, op, "the progress store is unavailable (%s)", s->reason);
  return STORE_OK;
}

static int session_known(store *s, int64_t id, int *known) {
  sqlite3_stmt *st = get(s, S_SESSION_EXISTS);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  *known = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* ---- cards ---- */

/* Replaces the card's rows in card_facts by its facts. */
static int set_facts(store *s, const char *card, const char *facts) {
  sqlite3_stmt *st = get(s, S_FACTS_DEL);
  if (!st) return -1;
  bind_text(st, 1, card);
  if (run(st) != SQLITE_DONE) return -1;
  size_t len;
  for (const char *f = next_fact(facts, &len); f; f = next_fact(f + len, &len)) {
    if (!(st = get(s, S_FACTS_ADD))) return -1;
    sqlite3_bind_text(st, 1, f, (int)len, SQLITE_STATIC);
    bind_text(st, 2, card);
    if (run(st) != SQLITE_DONE) return -1;
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
  if (begin(s) || !(st = get(s, S_SYNC_CLEAR)) || run(st) != SQLITE_DONE) return fail(s, op);
  for (size_t i = 0; i < n; i++) {
    const store_card_in *c = &cards[i];
    if (!(st = get(s, S_SYNC_MARK))) return fail(s, op);
    bind_text(st, 1, c->id);
    if (run(st) != SQLITE_DONE || !(st = get(s, S_CARD_GET))) return fail(s, op);
    bind_text(st, 1, c->id);
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
      if (write && !(st = get(s, S_CARD_UPDATE))) return fail(s, op);
    } else if (rc == SQLITE_DONE) {
      out->added++;
      write = 1;
      if (!(st = get(s, S_CARD_INSERT))) return fail(s, op);
      sqlite3_bind_int64(st, 7, (sqlite3_int64)now);
    } else {
      return fail(s, op);
    }
    if (!write) continue;
    bind_text(st, 1, c->id);
    bind_text(st, 2, deck);
    bind_text(st, 3, c->front ? c->front : "");
    bind_text(st, 4, c->back ? c->back : "");
    bind_text(st, 5, c->source ? c->source : "");
    bind_text(st, 6, c->facts ? c->facts : "");
    if (run(st) != SQLITE_DONE) return fail(s, op);
    if (facts_changed && set_facts(s, c->id, c->facts) != 0) return fail(s, op);
  }
  if (!(st = get(s, S_SYNC_RETIRE))) return fail(s, op);
  bind_text(st, 1, deck);
  if (run(st) != SQLITE_DONE) return fail(s, op);
  out->retired = sqlite3_changes(s->db);
  if (!(st = get(s, S_SYNC_CLEAR)) || run(st) != SQLITE_DONE || commit(s)) return fail(s, op);
  return STORE_OK;
}

int store_sync_cards(store *s, const char *deck, const store_card_in *cards, size_t n, time_t now,
                     store_sync_counts *out) {
  int rc;
  if (!deck || !*deck) return set_err(s, "sync_cards", "the deck name is empty");
  for (size_t i = 0; i < n; i++)
    if (!cards[i].id || !*cards[i].id)
      return set_err(s, "sync_cards", "card %zu of deck '%s' has no id", i + 1, deck);
  do {
    if (ready(s, "sync_cards", n > 0)) return STORE_ERROR;
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

/* Reads a row of CARD_COLS. The six strings share one allocation, id first: a due queue of 20k
** cards is then 20k mallocs instead of 120k, a third of its time. */
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
      return set_err(s, op, "out of memory");
    }
    return fail(s, op);
  }
  sqlite3_reset(st);
  return STORE_OK;
}

static int list_cards(store *s, const char *op, int which, const char *deck, int64_t day,
                      int limit, store_cards *out) {
  int rc;
  do {
    if (ready(s, op, 0)) return STORE_ERROR;
    sqlite3_stmt *st = get(s, which + (deck != NULL));
    if (!st) {
      rc = fail(s, op);
      continue;
    }
    sqlite3_bind_int64(st, 1, day);
    sqlite3_bind_int(st, 2, limit < 0 ? -1 : limit);
    if (deck) bind_text(st, 3, deck);
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
    if (ready(s, "new_today", 0)) return STORE_ERROR;
    sqlite3_stmt *st = get(s, S_NEW_TODAY);
    if (!st) {
      rc = fail(s, "new_today");
      continue;
    }
    sqlite3_bind_int64(st, 1, (sqlite3_int64)store_day(now));
    bind_text(st, 2, deck);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) *count = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    rc = step == SQLITE_ROW ? STORE_OK : fail(s, "new_today");
  } while (rc == RETRY);
  return rc;
}

int store_get_card(store *s, const char *id, store_card *out, int *found) {
  store_cards list;
  int rc;
  *found = 0;
  memset(out, 0, sizeof *out);
  do {
    if (ready(s, "card", 0)) return STORE_ERROR;
    sqlite3_stmt *st = get(s, S_CARD_BY_ID);
    if (!st) {
      rc = fail(s, "card");
      continue;
    }
    bind_text(st, 1, id);
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
  if (begin(s) || !(st = get(s, S_CARD_STATE))) return fail(s, op);
  bind_text(st, 1, card);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(s, op);
  int known = rc == SQLITE_ROW;
  int is_new = !known || col_null(st, 0);
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
  if (!known && !s->nosave) return refuse(s, op, "no card '%s' in the store", card);
  int session_ok = 1;
  if (session && session_known(s, session, &session_ok) != 0) return fail(s, op);
  if (!session_ok && !s->nosave) {
    char id[32];
    snprintf(id, sizeof id, "%lld", (long long)session);
    return refuse(s, op, "no session %s in the store", id);
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
    return commit(s) ? fail(s, op) : STORE_OK;
  }
  sqlite3_stmt *ins = get(s, S_REVIEW_INSERT);
  if (!ins) return fail(s, op);
  bind_text(ins, 1, card);
  bind_id(ins, 2, session_ok ? session : 0);
  sqlite3_bind_int64(ins, 3, (sqlite3_int64)now);
  sqlite3_bind_int64(ins, 4, day);
  sqlite3_bind_int(ins, 5, rating);
  sqlite3_bind_int(ins, 6, elapsed);
  bind_text(ins, 7, graded);
  bind_text(ins, 8, answer);
  for (int i = 0; i < 7; i++) /* the card's columns before, NULLs and all */
    sqlite3_bind_value(ins, 9 + i, sqlite3_column_value(st, i));
  sqlite3_bind_double(ins, 16, next.stability);
  sqlite3_bind_double(ins, 17, next.difficulty);
  sqlite3_bind_int(ins, 18, interval);
  sqlite3_bind_int64(ins, 19, out->due_day);
  sqlite3_reset(st);
  if (run(ins) != SQLITE_DONE) return fail(s, op);
  out->id = sqlite3_last_insert_rowid(s->db);
  if (!(st = get(s, S_CARD_SCHEDULE))) return fail(s, op);
  bind_text(st, 1, card);
  sqlite3_bind_double(st, 2, next.stability);
  sqlite3_bind_double(st, 3, next.difficulty);
  sqlite3_bind_int64(st, 4, out->due_day);
  sqlite3_bind_int64(st, 5, day);
  sqlite3_bind_int(st, 6, interval);
  sqlite3_bind_int(st, 7, reps + 1);
  sqlite3_bind_int(st, 8, lapses + (!is_new && rating == 1)); /* a lapse: forgot a known card */
  if (run(st) != SQLITE_DONE || commit(s)) return fail(s, op);
  return STORE_OK;
}

int store_review(store *s, const char *card, int rating, time_t now, const char *graded,
                 const char *answer, int64_t session, store_review_out *out) {
  int rc;
  if (!card || !*card) return set_err(s, "review", "no card id");
  if (rating < 1 || rating > 4) return set_err(s, "review", "rating must be 1..4, got %d", rating);
  if (!graded) graded = "self";
  if (strcmp(graded, "typed") != 0 && strcmp(graded, "self") != 0)
    return set_err(s, "review", "graded must be \"typed\" or \"self\", got \"%s\"", graded);
  do {
    if (ready(s, "review", 0)) return STORE_ERROR; /* nor cards: refused without a file */
    rc = review_once(s, card, rating, now, graded, answer, session, out);
  } while (rc == RETRY);
  return rc;
}

static int undo_once(store *s, int64_t session, char **card) {
  static const char op[] = "undo";
  sqlite3_stmt *st, *latest, *upd;
  if (begin(s) || !(st = get(s, session ? S_LAST_REVIEW_SESSION : S_LAST_REVIEW)))
    return fail(s, op);
  if (session) sqlite3_bind_int64(st, 1, session);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) { /* nothing to undo */
    sqlite3_reset(st);
    return commit(s) ? fail(s, op) : STORE_OK;
  }
  if (rc != SQLITE_ROW) return fail(s, op);
  int64_t id = sqlite3_column_int64(st, 0);
  int oom = 0;
  char *which = col_dup(st, 1, &oom);
  if (!which) return refuse(s, op, "%s", "out of memory");
  if (!(latest = get(s, S_LATEST_OF_CARD))) goto failed;
  bind_text(latest, 1, which);
  if (sqlite3_step(latest) != SQLITE_ROW) goto failed;
  if (sqlite3_column_int64(latest, 0) != id) {
    rc = refuse(s, op, "card '%s' was reviewed again after this review: undo that first", which);
    free(which);
    return rc;
  }
  sqlite3_reset(latest);
  if (!(upd = get(s, S_CARD_SCHEDULE))) goto failed;
  bind_text(upd, 1, which);
  for (int i = 2; i <= 8; i++) /* the card's columns before the review, NULLs and all */
    sqlite3_bind_value(upd, i, sqlite3_column_value(st, i));
  sqlite3_reset(st);
  if (run(upd) != SQLITE_DONE || !(st = get(s, S_REVIEW_DELETE))) goto failed;
  sqlite3_bind_int64(st, 1, id);
  if (run(st) != SQLITE_DONE || commit(s)) goto failed;
  *card = which;
  return STORE_OK;
failed:
  free(which);
  return fail(s, op);
}

int store_undo(store *s, int64_t session, char **card) {
  int rc;
  do {
    *card = NULL;
    if (ready(s, "undo", 0)) return STORE_ERROR; /* a store not yet created has nothing to undo */
    rc = undo_once(s, session, card);
  } while (rc == RETRY);
  return rc;
}

static int make_due_once(store *s, const char *const *facts, size_t n, int64_t day, int *count) {
  static const char op[] = "make_due";
  *count = 0;
  if (begin(s)) return fail(s, op);
  for (size_t i = 0; i < n; i++) {
    sqlite3_stmt *st = get(s, S_MAKE_DUE);
    if (!st) return fail(s, op);
    bind_text(st, 1, facts[i]);
    sqlite3_bind_int64(st, 2, day);
    if (run(st) != SQLITE_DONE) return fail(s, op);
    *count += sqlite3_changes(s->db);
  }
  return commit(s) ? fail(s, op) : STORE_OK;
}

int store_make_due(store *s, const char *const *facts, size_t n, time_t now, int *count) {
  int rc;
  do {
    if (ready(s, "make_due", 0)) return STORE_ERROR; /* nor cards to make due */
    rc = make_due_once(s, facts, n, store_day(now), count);
  } while (rc == RETRY);
  return rc;
}

/* ---- sessions and answers ---- */

static int begin_session_once(store *s, const char *kind, const char *seed, const char *settings,
                              time_t now, int64_t *id) {
  sqlite3_stmt *st;
  if (begin(s) || !(st = get(s, S_SESSION_BEGIN))) return fail(s, "begin_session");
  bind_text(st, 1, kind);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
  bind_text(st, 3, seed);
  bind_text(st, 4, settings);
  if (run(st) != SQLITE_DONE) return fail(s, "begin_session");
  *id = sqlite3_last_insert_rowid(s->db);
  return commit(s) ? fail(s, "begin_session") : STORE_OK;
}

int store_begin_session(store *s, const char *kind, const char *seed, const char *settings_json,
                        time_t now, int64_t *id) {
  static const char *const kinds[] = {"quiz", "cards", "drill", "circle", NULL};
  int i = 0, rc;
  while (kind && kinds[i] && strcmp(kind, kinds[i]) != 0) i++;
  if (!kind || !kinds[i])
    return set_err(s, "begin_session", "kind must be quiz, cards, drill or circle, got \"%s\"",
                   kind ? kind : "(none)");
  do {
    if (ready(s, "begin_session", 1)) return STORE_ERROR;
    rc = begin_session_once(s, kind, seed, settings_json, now, id);
  } while (rc == RETRY);
  return rc;
}

static int end_session_once(store *s, int64_t id, const char *notes, time_t now) {
  sqlite3_stmt *st;
  if (begin(s) || !(st = get(s, S_SESSION_END))) return fail(s, "end_session");
  sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
  bind_text(st, 3, notes);
  if (run(st) != SQLITE_DONE) return fail(s, "end_session");
  if (sqlite3_changes(s->db) == 0 && !s->nosave) {
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)id);
    return refuse(s, "end_session", "no session %s in the store", num);
  }
  return commit(s) ? fail(s, "end_session") : STORE_OK;
}

int store_end_session(store *s, int64_t id, const char *notes, time_t now) {
  int rc;
  do {
    if (ready(s, "end_session", 0)) return STORE_ERROR; /* nor sessions */
    rc = end_session_once(s, id, notes, now);
  } while (rc == RETRY);
  return rc;
}

static int record_answer_once(store *s, const store_answer_in *a, time_t now, int64_t *id) {
  static const char op[] = "record_answer";
  sqlite3_stmt *st;
  int known = 1;
  if (begin(s)) return fail(s, op);
  if (a->session && session_known(s, a->session, &known) != 0) return fail(s, op);
  if (!known && !s->nosave) {
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)a->session);
    return refuse(s, op, "no session %s in the store", num);
  }
  if (!(st = get(s, S_ANSWER_INSERT))) return fail(s, op);
  bind_id(st, 1, known ? a->session : 0);
  bind_text(st, 2, a->question);
  bind_text(st, 3, a->facts ? a->facts : "");
  bind_text(st, 4, a->given);
  bind_text(st, 5, a->verdict);
  bind_real(st, 6, a->score);
  bind_real(st, 7, a->seconds);
  bind_text(st, 8, a->player);
  sqlite3_bind_int64(st, 9, (sqlite3_int64)now);
  sqlite3_bind_int64(st, 10, store_day(now));
  if (run(st) != SQLITE_DONE) return fail(s, op);
  *id = sqlite3_last_insert_rowid(s->db);
  size_t len;
  for (const char *f = next_fact(a->facts, &len); f; f = next_fact(f + len, &len)) {
    if (!(st = get(s, S_ANSWER_FACT))) return fail(s, op);
    sqlite3_bind_text(st, 1, f, (int)len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, *id);
    if (run(st) != SQLITE_DONE) return fail(s, op);
  }
  return commit(s) ? fail(s, op) : STORE_OK;
}

int store_record_answer(store *s, const store_answer_in *a, time_t now, int64_t *id) {
  int rc;
  if (!a->question || !*a->question) return set_err(s, "record_answer", "no question id");
  do {
    /* An answer in a session of a store not yet created is refused without creating it. */
    if (ready(s, "record_answer", a->session == 0)) return STORE_ERROR;
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
  return col_null(st, i) ? NAN : sqlite3_column_double(st, i);
}

static int history_once(store *s, const char *fact, store_events *out) {
  sqlite3_stmt *st = get(s, S_HISTORY);
  size_t cap = 0;
  int rc, oom = 0;
  out->v = NULL;
  out->n = 0;
  if (!st) return fail(s, "history");
  bind_text(st, 1, fact);
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
    e->item = col_dup(st, 5, &oom);
    e->rating = sqlite3_column_int(st, 6);
    e->elapsed_days = sqlite3_column_int(st, 7);
    e->interval = sqlite3_column_int(st, 8);
    e->stability = sqlite3_column_double(st, 9);
    e->difficulty = sqlite3_column_double(st, 10);
    e->graded = col_null(st, 11) ? NULL : col_dup(st, 11, &oom);
    e->text = col_null(st, 12) ? NULL : col_dup(st, 12, &oom);
    e->verdict = col_null(st, 13) ? NULL : col_dup(st, 13, &oom);
    e->player = col_null(st, 14) ? NULL : col_dup(st, 14, &oom);
    e->score = col_real_or_nan(st, 15);
    e->seconds = col_real_or_nan(st, 16);
  }
  if (oom || rc != SQLITE_DONE) {
    store_events_free(out);
    if (!oom) return fail(s, "history");
    sqlite3_reset(st);
    return set_err(s, "history", "out of memory");
  }
  sqlite3_reset(st);
  return STORE_OK;
}

int store_history(store *s, const char *fact, store_events *out) {
  int rc;
  do {
    if (ready(s, "history", 0)) return STORE_ERROR;
    rc = history_once(s, fact, out);
  } while (rc == RETRY);
  return rc;
}

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
  if (!s->batch && exec(s, "BEGIN")) goto failed;
  if (!(st = get(s, S_STATS_DECKS))) goto failed;
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
    d->deck = col_dup(st, 0, &oom);
    d->total = sqlite3_column_int(st, 1);
    d->new_cards = sqlite3_column_int(st, 2);
    d->learning = sqlite3_column_int(st, 3);
    d->due = sqlite3_column_int(st, 4);
    d->mature = sqlite3_column_int(st, 5);
  }
  sqlite3_reset(st);
  if (oom) goto nomem;
  if (rc != SQLITE_DONE || !(st = get(s, S_STATS_RETENTION))) goto failed;
  sqlite3_bind_int64(st, 1, today);
  sqlite3_bind_int(st, 2, days);
  if (sqlite3_step(st) != SQLITE_ROW) goto failed;
  out->retention_reviews = sqlite3_column_int(st, 0);
  out->retention_passed = sqlite3_column_int(st, 1);
  sqlite3_reset(st);
  if (!(st = get(s, S_STATS_HEATMAP))) goto failed;
  sqlite3_bind_int64(st, 1, today);
  sqlite3_bind_int(st, 2, days);
  if (per_day(st, out->heatmap, days, today - days + 1) != 0) goto failed;
  if (!(st = get(s, S_STATS_FORECAST))) goto failed;
  sqlite3_bind_int64(st, 1, today);
  sqlite3_bind_int(st, 2, days);
  if (per_day(st, out->forecast, days, today) != 0) goto failed;
  if (weakest > 0) {
    out->weakest = calloc((size_t)weakest, sizeof *out->weakest);
    if (!out->weakest) goto nomem;
    if (!(st = get(s, S_STATS_WEAKEST))) goto failed;
    sqlite3_bind_int64(st, 1, today);
    sqlite3_bind_int(st, 2, weakest);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n_weakest < (size_t)weakest) {
      store_weak_fact *w = &out->weakest[out->n_weakest++];
      w->fact = col_dup(st, 0, &oom);
      w->retrievability = sqlite3_column_double(st, 1);
      w->lapses = sqlite3_column_int(st, 2);
      w->cards = sqlite3_column_int(st, 3);
    }
    sqlite3_reset(st);
    if (oom) goto nomem;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) goto failed;
  }
  if (!s->batch && exec(s, "COMMIT")) goto failed;
  return STORE_OK;
nomem:
  store_stats_free(out);
  rollback(s);
  return set_err(s, op, "out of memory");
failed:
  store_stats_free(out);
  return fail(s, op);
}

int store_stats_get(store *s, time_t now, int days, int weakest, store_stats *out) {
  int rc;
  if (days < 1 || days > 36500) return set_err(s, "stats", "days must be 1..36500, got %d", days);
  if (weakest < 0) weakest = 0;
  do {
    if (ready(s, "stats", 0)) return STORE_ERROR;
    rc = stats_once(s, store_day(now), days, weakest, out);
  } while (rc == RETRY);
  return rc;
}

/* ---- batches ---- */

int store_batch_begin(store *s) {
  if (s->batch) return set_err(s, "batch", "a batch is already open");
  if (ready(s, "batch", 1)) return STORE_ERROR;
  if (exec(s, "BEGIN IMMEDIATE")) return set_err(s, "batch", "%s (%s)", sqlite3_errmsg(s->db), s->path);
  s->batch = 1;
  return STORE_OK;
}

int store_batch_end(store *s, int commit_it) {
  if (!s->batch) return set_err(s, "batch", "no batch is open");
  reset_all(s);
  s->batch = 0;
  if (commit_it && exec(s, "COMMIT") == 0) return STORE_OK;
  int rc = commit_it ? set_err(s, "batch", "%s (%s)", sqlite3_errmsg(s->db), s->path) : STORE_OK;
  if (!sqlite3_get_autocommit(s->db)) exec(s, "ROLLBACK");
  return rc;
}
