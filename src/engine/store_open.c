/* store_open.c: the store's connection — lazy opening, the no-save fallback, running operations. */
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
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_internal.h"

#define BUSY_TIMEOUT_MS 5000 /* two halqa processes wait for each other rather than fail */

/* ---- small helpers ---- */

static void put(char *buf, size_t len, const char *fmt, ...) {
  va_list ap;
  if (!buf || !len) return;
  va_start(ap, fmt);
  vsnprintf(buf, len, fmt, ap);
  va_end(ap);
}

int st_set_err(store *s, const char *op, const char *fmt, ...) {
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
char *st_col_dup(sqlite3_stmt *st, int i, int *oom) {
  char *p = copy_text((const char *)sqlite3_column_text(st, i));
  if (!p) *oom = 1;
  return p;
}

int st_col_null(sqlite3_stmt *st, int i) {
  return sqlite3_column_type(st, i) == SQLITE_NULL;
}

void st_bind_text(sqlite3_stmt *st, int i, const char *text) {
  if (text) sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}

void st_bind_id(sqlite3_stmt *st, int i, int64_t id) {
  if (id) sqlite3_bind_int64(st, i, id);
  else sqlite3_bind_null(st, i);
}

/* Fact ids are separated by blanks. Returns the next one's start and sets *len; NULL at the end. */
const char *st_next_fact(const char *p, size_t *len) {
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

/* Tells the host at once that saving stopped (when it asked to be told), before the write that
** found out returns: a session then says so before it acknowledges the answer it could not keep. */
static void report_notice(store *s) {
  if (!s->on_notice) return;
  s->notice = 0;
  s->on_notice(s->on_notice_ud, s->reason);
}

void store_on_notice(store *s, void (*fn)(void *ud, const char *reason), void *ud) {
  s->on_notice = fn;
  s->on_notice_ud = ud;
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
  if (notify) report_notice(s);
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
  size_t len = strlen(path);
  char *dir = malloc(len + 2); /* room for "." even when path is shorter than that ("") */
  struct stat st;
  if (!dir) return -1;
  memcpy(dir, path, len + 1);
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
  if (s->weights_loaded == 1) s->weights_loaded = 0; /* read them again from the real file */
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
  report_notice(s);
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

/* ---- running operations ---- */

/* The cached statement, reset and unbound; NULL on a prepare error (left in the connection). */
sqlite3_stmt *st_get(store *s, int id) {
  if (!s->st[id]) {
    if (sqlite3_prepare_v3(s->db, st_sql_text[id], -1, SQLITE_PREPARE_PERSISTENT, &s->st[id], NULL) !=
        SQLITE_OK)
      return NULL;
  } else {
    sqlite3_reset(s->st[id]);
    sqlite3_clear_bindings(s->st[id]);
  }
  return s->st[id];
}

/* Runs a statement that returns no rows. SQLITE_DONE on success. */
int st_run(sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc;
}

int st_exec(store *s, const char *sql) {
  return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* A write's transaction: BEGIN IMMEDIATE takes the write lock first, so the busy timeout covers
** the whole wait (a deferred transaction upgrading later would fail at once with SQLITE_BUSY).
** Inside a batch, a savepoint keeps each operation atomic. */
int st_begin(store *s) {
  return st_exec(s, s->batch ? "SAVEPOINT op" : "BEGIN IMMEDIATE");
}

int st_commit(store *s) {
  return st_exec(s, s->batch ? "RELEASE op" : "COMMIT");
}

void st_rollback(store *s) {
  reset_all(s);
  if (s->batch) st_exec(s, "ROLLBACK TO op; RELEASE op");
  else if (!sqlite3_get_autocommit(s->db)) st_exec(s, "ROLLBACK");
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
int st_fail(store *s, const char *op) {
  int rc = sqlite3_errcode(s->db);
  char msg[256];
  snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(s->db));
  st_rollback(s);
  if (disk_trouble(rc) && !s->nosave && !s->pending && !s->memory && !s->batch) {
    char why[sizeof s->reason];
    int damaged = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
    snprintf(why, sizeof why, "progress store %s: %s (during %s); not saving progress from now on",
             s->path, msg, op);
    go_nosave(s, why, damaged ? NULL : s->db, 1);
    if (s->db) return RETRY;
  }
  return st_set_err(s, op, "%s (%s)", msg, s->path);
}

/* A refusal (bad argument, missing row): rolls back and records the message. */
int st_refuse(store *s, const char *op, const char *fmt, const char *arg) {
  st_rollback(s);
  return st_set_err(s, op, fmt, arg);
}

/* Every operation starts here: the store must have a connection, and a write creates the file. */
int st_ready(store *s, const char *op, int write) {
  /* A read also switches to the file once another process has created it, so two halqa
  ** started before the store existed see each other's work. */
  if (s->pending && (write || access(s->path, F_OK) == 0)) materialize(s);
  if (!s->db) return st_set_err(s, op, "the progress store is unavailable (%s)", s->reason);
  return STORE_OK;
}

/* ---- batches ---- */

int store_batch_begin(store *s) {
  if (s->batch) return st_set_err(s, "batch", "a batch is already open");
  if (st_ready(s, "batch", 1)) return STORE_ERROR;
  if (st_exec(s, "BEGIN IMMEDIATE")) return st_set_err(s, "batch", "%s (%s)", sqlite3_errmsg(s->db), s->path);
  s->batch = 1;
  return STORE_OK;
}

int store_batch_end(store *s, int commit_it) {
  if (!s->batch) return st_set_err(s, "batch", "no batch is open");
  reset_all(s);
  s->batch = 0;
  if (commit_it && st_exec(s, "COMMIT") == 0) return STORE_OK;
  int rc = commit_it ? st_set_err(s, "batch", "%s (%s)", sqlite3_errmsg(s->db), s->path) : STORE_OK;
  if (!sqlite3_get_autocommit(s->db)) st_exec(s, "ROLLBACK");
  return rc;
}
