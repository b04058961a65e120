/* lua_sqlite_image.c: halqa.sqlite_image(statements) — an SQLite database file built in memory. */
/*
** An Anki collection is an SQLite file. A script hands over the statements that make it (each a
** string, or { sql, values... } with ? placeholders) and gets the file's bytes back, to zip and
** write with halqa.save. The database lives only in memory and only for this call, and an
** authorizer allows just what building a file needs (create tables and indexes, insert, update,
** select, transactions): no ATTACH (which would open files), no PRAGMA, no extension loading.
** Its size is capped (max_page_count) so a script cannot take the machine's memory through it.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "bindings.h"

#define IMAGE_MAX_PAGES 16384 /* of 4096 bytes: 64 MiB */

typedef struct ibox {
  sqlite3 *db;
  sqlite3_stmt *st;
} ibox;

static int ibox_gc(lua_State *L) {
  ibox *b = lua_touserdata(L, 1);
  sqlite3_finalize(b->st); /* each takes NULL as a no-op */
  sqlite3_close(b->db);
  b->st = NULL, b->db = NULL;
  return 0;
}

static int authorize(void *ud, int action, const char *a, const char *b, const char *c, const char *d) {
  (void)ud, (void)b, (void)c, (void)d;
  switch (action) {
  case SQLITE_CREATE_TABLE: case SQLITE_CREATE_INDEX: case SQLITE_INSERT: case SQLITE_UPDATE:
  case SQLITE_READ: case SQLITE_SELECT: case SQLITE_TRANSACTION:
  case SQLITE_REINDEX: /* asked while an index is created */
    return SQLITE_OK;
  case SQLITE_FUNCTION: /* plain value functions only */
    return a && (strcmp(a, "load_extension") == 0 || strncmp(a, "readfile", 8) == 0 ||
                 strncmp(a, "writefile", 9) == 0) ? SQLITE_DENY : SQLITE_OK;
  default:
    return SQLITE_DENY;
  }
}

/* Binds the values of the statement table on top of the stack (from index 2). */
static int bind_values(lua_State *L, sqlite3_stmt *st, int stmt_no) {
  int n = (int)lua_rawlen(L, -1);
  if (n - 1 != sqlite3_bind_parameter_count(st))
    return luaL_error(L, "halqa.sqlite_image: statement %d has %d placeholders but %d values", stmt_no,
                      sqlite3_bind_parameter_count(st), n - 1);
  for (int i = 2; i <= n; i++) {
    int t = lua_rawgeti(L, -1, i), rc;
    if (t == LUA_TNUMBER && lua_isinteger(L, -1))
      rc = sqlite3_bind_int64(st, i - 1, (sqlite3_int64)lua_tointeger(L, -1));
    else if (t == LUA_TNUMBER)
      rc = sqlite3_bind_double(st, i - 1, lua_tonumber(L, -1));
    else if (t == LUA_TSTRING) {
      size_t len;
      const char *s = lua_tolstring(L, -1, &len);
      rc = sqlite3_bind_text(st, i - 1, s, (int)len, SQLITE_TRANSIENT);
    } else if (t == LUA_TBOOLEAN && !lua_toboolean(L, -1))
      rc = sqlite3_bind_null(st, i - 1);
    else
      return luaL_error(L, "halqa.sqlite_image: statement %d value %d: a number, a string or false", stmt_no, i - 1);
    lua_pop(L, 1);
    if (rc != SQLITE_OK) return luaL_error(L, "halqa.sqlite_image: statement %d value %d: %s", stmt_no, i - 1, sqlite3_errstr(rc));
  }
  return 0;
}

/* halqa.sqlite_image(statements): the database file's bytes. Raises naming the failed statement. */
static int l_image(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  ibox *b = hq_new_box(L, sizeof *b, "halqa.imagebox", ibox_gc);
  if (sqlite3_open_v2(":memory:", &b->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    return luaL_error(L, "halqa.sqlite_image: cannot open a database in memory");
  char pragma[64];
  snprintf(pragma, sizeof pragma, "PRAGMA max_page_count = %d", IMAGE_MAX_PAGES);
  sqlite3_exec(b->db, pragma, NULL, NULL, NULL);
  sqlite3_db_config(b->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
  sqlite3_db_config(b->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
  sqlite3_set_authorizer(b->db, authorize, NULL);
  int n = (int)lua_rawlen(L, 1);
  for (int i = 1; i <= n; i++) {
    int t = lua_rawgeti(L, 1, i);
    const char *sql = NULL;
    if (t == LUA_TSTRING)
      sql = lua_tostring(L, -1);
    else if (t == LUA_TTABLE && lua_rawgeti(L, -1, 1) == LUA_TSTRING) {
      sql = lua_tostring(L, -1);
      lua_pop(L, 1); /* the string stays alive in the statement table */
    }
    if (!sql) return luaL_error(L, "halqa.sqlite_image: statement %d is not a string or { sql, values... }", i);
    const char *tail = NULL;
    if (sqlite3_prepare_v2(b->db, sql, -1, &b->st, &tail) != SQLITE_OK)
      return luaL_error(L, "halqa.sqlite_image: statement %d: %s", i, sqlite3_errmsg(b->db));
    if (tail && strspn(tail, " \t\r\n;") != strlen(tail))
      return luaL_error(L, "halqa.sqlite_image: statement %d holds more than one statement", i);
    if (t == LUA_TTABLE) bind_values(L, b->st, i);
    int rc;
    while ((rc = sqlite3_step(b->st)) == SQLITE_ROW) {}
    if (rc != SQLITE_DONE) return luaL_error(L, "halqa.sqlite_image: statement %d: %s", i, sqlite3_errmsg(b->db));
    sqlite3_finalize(b->st);
    b->st = NULL;
    lua_pop(L, 1);
  }
  sqlite3_set_authorizer(b->db, NULL, NULL); /* serializing reads the pages itself */
  sqlite3_int64 size = 0;
  unsigned char *img = sqlite3_serialize(b->db, "main", &size, 0);
  if (!img) return luaL_error(L, "halqa.sqlite_image: cannot serialize the database");
  /* a failed push (out of memory) would leak this one image, bounded by the page cap */
  lua_pushlstring(L, (const char *)img, (size_t)size);
  sqlite3_free(img);
  return 1;
}

void hq_open_sqlite_image(lua_State *L, int api) { hq_set_function(L, api, "sqlite_image", l_image); }
