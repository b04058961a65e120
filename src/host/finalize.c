/* finalize.c: a script's __gc finalizers, run where the time limit and Ctrl-C can stop them. */
/*
** Lua calls __gc with debug hooks off, so `setmetatable({}, {__gc = function() while true do end
** end})` would hang the collector mid-run or lua_close at exit. The sandbox's setmetatable
** therefore never lets Lua mark a script's table for finalization: it sets the metatable with its
** __gc field hidden for that moment, and registers instead a guard userdata, kept in an ephemeron
** table under the table as key, so the guard dies when the table does. The guard's own __gc (C)
** looks up the table's current __gc then, as Lua would, and calls it in a new thread, which has
** hooks on and a deadline of its own (limit.c). A stopped or failing finalizer is reported in one
** line; once one was stopped, the others are skipped until the next run starts, so neither a run
** nor the exit is held up more than one finalizer's limit.
*/
#include <string.h>

#include <lauxlib.h>

#include "finalize.h"
#include "limit.h"
#include "state.h"

#define GUARD_META "halqa.finalizer"

static const char guards_key = 0; /* registry: table -> guard, weak keys */

/* The one-line message of the error at the top of co (the first line of a string). */
static void report(lua_State *L, lua_State *co) {
  hq_host *H = hq_host_of(L);
  const char *msg = lua_type(co, -1) == LUA_TSTRING ? lua_tostring(co, -1) : "(error object is not a string)";
  if (H && H->err) fprintf(H->err, "halqa: __gc finalizer stopped: %.*s\n", (int)strcspn(msg, "\n"), msg);
}

/* The guard's __gc: calls the table's current __gc, if it has one, in a watched thread. */
static int guard_gc(lua_State *L) {
  if (lua_getiuservalue(L, 1, 1) != LUA_TTABLE || !lua_getmetatable(L, -1)) return 0;
  lua_pushliteral(L, "__gc");
  if (lua_rawget(L, -2) != LUA_TFUNCTION) return 0; /* table, metatable, __gc */
  lua_State *co = lua_newthread(L);
  if (!hq_watchdog_arm_finalizer(co)) return 0;   /* skipped: one was stopped already */
  lua_pushvalue(L, -2);                             /* __gc */
  lua_pushvalue(L, -5);                             /* the table */
  lua_xmove(L, co, 2);
  int nres;
  int status = lua_resume(co, L, 1, &nres);
  if (status != LUA_OK && status != LUA_YIELD) {
    report(L, co);
  }
  lua_settop(co, 0);
  return 0;
}

/* setmetatable(t, mt) as Lua's (upvalue 1), but a __gc in mt is run by a guard (see above). */
static int sb_setmetatable(lua_State *L) {
  lua_settop(L, 2);
  int has_gc = 0;
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    has_gc = lua_rawget(L, 2) != LUA_TNIL;          /* mt.__gc, kept at 3 */
  }
  if (has_gc) {
    lua_pushliteral(L, "__gc");
    lua_pushnil(L);
    lua_rawset(L, 2);                               /* hidden while Lua sets the metatable */
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  int status = lua_pcall(L, 2, 1, 0);
  if (has_gc) {
    lua_pushliteral(L, "__gc");
    lua_pushvalue(L, 3);
    lua_rawset(L, 2);
  }
  if (status != LUA_OK) return lua_error(L);
  if (has_gc && lua_type(L, 1) == LUA_TTABLE) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, &guards_key);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, -2) == LUA_TNIL) {           /* one guard per table, however often set */
      lua_pushvalue(L, 1);
      lua_newuserdatauv(L, 1, 1);
      lua_pushvalue(L, 1);
      lua_setiuservalue(L, -2, 1);
      luaL_setmetatable(L, GUARD_META);
      lua_rawset(L, -4);
    }
    lua_pop(L, 2);
  }
  return 1;
}

void hq_open_finalizers(lua_State *L, int base) {
  base = lua_absindex(L, base);
  lua_newtable(L);
  lua_newtable(L);
  lua_pushliteral(L, "k");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &guards_key);
  luaL_newmetatable(L, GUARD_META);
  lua_pushcfunction(L, guard_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  lua_getfield(L, base, "setmetatable");
  lua_pushcclosure(L, sb_setmetatable, 1);
  lua_setfield(L, base, "setmetatable");
}
