/* lua_store.c: halqa.store — its table of functions, and the few too small for a file of their own. */
/*
** The functions live by job, as the store's files do: lua_store_cards.c, lua_store_sessions.c,
** lua_store_stats.c; what they share (held results, argument readers) is in lua_store_args.c.
*/
#include <lauxlib.h>
#include <lua.h>

#include "lua_store_internal.h"

/* ---- the functions ---- */

/* mode() -> "saving" | "no-save", reason */
static int l_mode(lua_State *L) {
  store *s = ls_store_of(L);
  if (store_mode(s) == STORE_OK) {
    lua_pushliteral(L, "saving");
    return 1;
  }
  lua_pushliteral(L, "no-save");
  lua_pushstring(L, store_reason(s));
  return 2;
}

/* path() -> the store's file (or ":memory:") */
static int l_path(lua_State *L) {
  lua_pushstring(L, store_path(ls_store_of(L)));
  return 1;
}

/* today([now]) -> the day number (days since 1970-01-01, days starting at 4 am local time) */
static int l_today(lua_State *L) {
  lua_pushinteger(L, store_day(ls_opt_now(L, 1, 1)));
  return 1;
}

/* configure{ desired_retention =, maximum_interval =, fuzz = } — how the store schedules reviews
** (FSRS-6 defaults until set). Each field is optional; bad values raise and change nothing. */
static int l_configure(lua_State *L) {
  store *s = ls_store_of(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  fsrs_params p;
  store_get_params(s, &p);
  lua_pushliteral(L, "desired_retention");
  if (lua_rawget(L, 1) != LUA_TNIL) p.desired_retention = luaL_checknumber(L, -1);
  lua_pushliteral(L, "maximum_interval");
  if (lua_rawget(L, 1) != LUA_TNIL) p.maximum_interval = (int)luaL_checkinteger(L, -1);
  lua_pushliteral(L, "fuzz");
  if (lua_rawget(L, 1) != LUA_TNIL) p.enable_fuzz = lua_toboolean(L, -1);
  const char *bad = fsrs_check_params(&p);
  if (bad) return luaL_error(L, "halqa.store.configure: %s", bad);
  store_set_params(s, &p);
  return 0;
}

void hq_open_store(lua_State *L, int api, store *s) {
  static const luaL_Reg funcs[] = {
    {"mode", l_mode}, {"path", l_path}, {"today", l_today},
    {"begin_session", l_begin_session}, {"end_session", l_end_session},
    {"record_answer", l_record_answer}, {"sync_cards", l_sync_cards}, {"due", l_due},
    {"new_cards", l_new_cards}, {"card", l_card}, {"review", l_review}, {"preview", l_preview}, {"undo", l_undo},
    {"make_due", l_make_due}, {"history", l_history}, {"stats", l_stats},
    {"new_today", l_new_today}, {"configure", l_configure}, {NULL, NULL}
  };
  api = lua_absindex(L, api);
  ls_open_metatables(L);
  lua_createtable(L, 0, (int)(sizeof funcs / sizeof funcs[0]) - 1);
  ls_push_box(L, s);
  luaL_setfuncs(L, funcs, 1); /* every function shares the box as its upvalue */
  lua_setfield(L, api, "store");
}
