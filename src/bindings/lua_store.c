/* lua_store.c: halqa.store — its table of functions, and the few too small for a file of their own. */
/*
** The functions live by job, as the store's files do: lua_store_cards.c, lua_store_sessions.c,
** lua_store_stats.c; what they share (held results, argument readers) is in lua_store_args.c.
*/
#include <lauxlib.h>
#include <lua.h>

#include "bindings.h"
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

/* configure{ ... } — how the store schedules reviews: halqa.fsrs.configure's fields (FSRS-6
** defaults until set, the fitted weights once optimized). Each field is optional; bad values raise
** and change nothing. */
static int l_configure(lua_State *L) {
  store *s = ls_store_of(L);
  fsrs_params p;
  store_get_params(s, &p);
  hq_fsrs_read_config(L, &p);
  store_set_params(s, &p);
  return 0;
}

static void open_store(lua_State *L, int api, store *s, hq_store_opener *open, void *ud) {
  static const luaL_Reg funcs[] = {
    {"mode", l_mode}, {"path", l_path}, {"today", l_today},
    {"begin_session", l_begin_session}, {"end_session", l_end_session},
    {"record_answer", l_record_answer}, {"sync_cards", l_sync_cards}, {"due", l_due},
    {"new_cards", l_new_cards}, {"card", l_card}, {"review", l_review}, {"undo", l_undo},
    {"make_due", l_make_due}, {"history", l_history},
    {"session_answers", l_session_answers}, {"unfinished", l_unfinished}, {"stats", l_stats},
    {"new_today", l_new_today}, {"configure", l_configure}, {"parameters", l_parameters},
    {"preview", l_preview}, {"weights", l_weights}, {"optimize", l_optimize},
    {"deck_retention", l_deck_retention}, {"set_deck_retention", l_set_deck_retention},
    {"forecast", l_forecast}, {NULL, NULL}
  };
  api = lua_absindex(L, api);
  ls_open_metatables(L);
  lua_createtable(L, 0, (int)(sizeof funcs / sizeof funcs[0]) - 1);
  ls_push_box(L, s, open, ud);
  luaL_setfuncs(L, funcs, 1); /* every function shares the box as its upvalue */
  /* halqa.fsrs.optimize is the store's: it fits the weights to the store's history. */
  if (lua_getfield(L, api, "fsrs") == LUA_TTABLE) { /* store table, fsrs table */
    lua_getfield(L, -2, "optimize");
    lua_setfield(L, -2, "optimize");
  }
  lua_pop(L, 1);
  lua_setfield(L, api, "store");
}

void hq_open_store(lua_State *L, int api, store *s) {
  open_store(L, api, s, NULL, NULL);
}

void hq_open_store_lazy(lua_State *L, int api, hq_store_opener *open, void *ud) {
  open_store(L, api, NULL, open, ud);
}
