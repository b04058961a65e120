/* freeze.c: read-only views of tables; a write through one raises an error naming the table. */
/*
** Lua 5.4 has no read-only flag, so a frozen table is an empty proxy with one shared metatable.
** The proxy's target and name live in weak registry tables. Nested tables get their own proxy
** lazily, the first time they are read, so freezing the dataset costs nothing at load time and
** the real tables are never handed to a script. `rawset` would write into the proxy itself and
** `next`/`rawget` would see an empty table, so the sandbox swaps in versions that see through.
*/
#include <string.h>

#include "host.h"

static const char *const RO_META = "halqa.ro.meta";     /* the shared metatable */
static const char *const RO_TARGET = "halqa.ro.target"; /* proxy -> real table (weak keys) */
static const char *const RO_NAME = "halqa.ro.name";     /* proxy -> its name (weak keys) */
static const char *const RO_CACHE = "halqa.ro.cache";   /* real table -> proxy (weak values) */

static void push_weak(lua_State *L, const char *key, const char *mode) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, key) == LUA_TTABLE) return;
  lua_pop(L, 1);
  lua_newtable(L);
  lua_newtable(L);
  lua_pushstring(L, mode);
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, key);
}

int hq_is_frozen(lua_State *L, int idx) {
  if (!lua_getmetatable(L, idx)) return 0;
  luaL_getmetatable(L, RO_META);
  int same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same;
}

/* Pushes the real table behind the proxy at idx; returns 0 (pushing nothing) if not a proxy. */
int hq_push_frozen_target(lua_State *L, int idx) {
  if (!hq_is_frozen(L, idx)) return 0;
  idx = lua_absindex(L, idx);
  lua_getfield(L, LUA_REGISTRYINDEX, RO_TARGET);
  lua_pushvalue(L, idx);
  lua_rawget(L, -2);
  lua_remove(L, -2);
  return 1;
}

/* Pushes the name of the proxy at idx ("parties.CPP.founded"). */
static void push_name(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_getfield(L, LUA_REGISTRYINDEX, RO_NAME);
  lua_pushvalue(L, idx);
  if (lua_rawget(L, -2) != LUA_TSTRING) {
    lua_pop(L, 1);
    lua_pushliteral(L, "?");
  }
  lua_remove(L, -2);
}

/* Pushes the name of field key (at kidx) of the proxy named at nidx: a.b or a[1] or a["x y"]. */
static void push_child_name(lua_State *L, int nidx, int kidx) {
  nidx = lua_absindex(L, nidx);
  kidx = lua_absindex(L, kidx);
  if (lua_type(L, kidx) == LUA_TSTRING && strcmp(lua_tostring(L, nidx), "_G") == 0)
    lua_pushvalue(L, kidx);           /* globals are named plainly: 'string', not '_G.string' */
  else if (lua_type(L, kidx) == LUA_TSTRING)
    lua_pushfstring(L, "%s.%s", lua_tostring(L, nidx), lua_tostring(L, kidx));
  else if (lua_isinteger(L, kidx))
    lua_pushfstring(L, "%s[%I]", lua_tostring(L, nidx), (LUAI_UACINT)lua_tointeger(L, kidx));
  else
    lua_pushfstring(L, "%s[?]", lua_tostring(L, nidx));
}

/* Replaces the table at the stack top by its proxy, creating one named by the string below it
** (which is popped too) if the table has none yet. */
static void wrap(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, RO_CACHE);  /* name t cache */
  lua_pushvalue(L, -2);
  if (lua_rawget(L, -2) == LUA_TTABLE) {         /* name t cache proxy */
    lua_replace(L, -4);
    lua_pop(L, 2);
    return;
  }
  lua_pop(L, 1);                                 /* name t cache */
  lua_newtable(L);                               /* name t cache proxy */
  lua_pushvalue(L, -3);
  lua_pushvalue(L, -2);
  lua_rawset(L, -4);                             /* cache[t] = proxy */
  lua_getfield(L, LUA_REGISTRYINDEX, RO_TARGET);
  lua_pushvalue(L, -2);
  lua_pushvalue(L, -5);
  lua_rawset(L, -3);                             /* target[proxy] = t */
  lua_pop(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, RO_NAME);
  lua_pushvalue(L, -2);
  lua_pushvalue(L, -6);
  lua_rawset(L, -3);                             /* name[proxy] = name */
  lua_pop(L, 1);
  luaL_setmetatable(L, RO_META);
  lua_replace(L, -4);                            /* proxy t cache */
  lua_pop(L, 2);
}

/* Turns a value just read from the target of the proxy at pidx into what a script may see:
** tables become proxies (key at kidx names them), everything else stays. The name is only
** built when a proxy has to be made; a table read before comes from the cache. */
static void expose(lua_State *L, int pidx, int kidx) {
  if (lua_type(L, -1) != LUA_TTABLE || hq_is_frozen(L, -1)) return;
  lua_getfield(L, LUA_REGISTRYINDEX, RO_CACHE);
  lua_pushvalue(L, -2);
  if (lua_rawget(L, -2) == LUA_TTABLE) {   /* t cache proxy */
    lua_replace(L, -3);
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 2);
  push_name(L, pidx);
  push_child_name(L, -1, kidx);
  lua_remove(L, -2);
  lua_insert(L, -2);
  wrap(L);
}

static int ro_index(lua_State *L) {
  if (!hq_push_frozen_target(L, 1)) return 0;
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  expose(L, 1, 2);
  return 1;
}

static int ro_newindex(lua_State *L) {
  push_name(L, 1);
  if (lua_type(L, 2) == LUA_TSTRING)
    return luaL_error(L, "attempt to modify read-only table '%s' (field '%s')",
                      lua_tostring(L, -1), lua_tostring(L, 2));
  return luaL_error(L, "attempt to modify read-only table '%s'", lua_tostring(L, -1));
}

static int ro_len(lua_State *L) {
  if (!hq_push_frozen_target(L, 1)) return 0;
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
  return 1;
}

/* next(proxy, key) over the real table, values exposed as proxies. */
static int ro_next(lua_State *L) {
  lua_settop(L, 2);
  if (!hq_push_frozen_target(L, 1)) return luaL_argerror(L, 1, "read-only table expected");
  lua_pushvalue(L, 2);
  if (!lua_next(L, -2)) {
    lua_pushnil(L);
    return 1;
  }
  expose(L, 1, -2);
  return 2;
}

static int ro_pairs(lua_State *L) {
  lua_pushcfunction(L, ro_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

static void open_meta(lua_State *L) {
  if (!luaL_newmetatable(L, RO_META)) {
    lua_pop(L, 1);
    return;
  }
  static const luaL_Reg meta[] = {
    {"__index", ro_index}, {"__newindex", ro_newindex}, {"__len", ro_len},
    {"__pairs", ro_pairs}, {NULL, NULL}
  };
  luaL_setfuncs(L, meta, 0);
  lua_pushliteral(L, "read-only");
  lua_setfield(L, -2, "__metatable");
  lua_pushliteral(L, "halqa.readonly");
  lua_setfield(L, -2, "__name");
  lua_pop(L, 1);
  push_weak(L, RO_TARGET, "k");
  push_weak(L, RO_NAME, "k");
  push_weak(L, RO_CACHE, "v");
  lua_pop(L, 3);
}

void hq_freeze(lua_State *L, int idx, const char *name) {
  idx = lua_absindex(L, idx);
  luaL_checktype(L, idx, LUA_TTABLE);
  if (hq_is_frozen(L, idx)) return;
  open_meta(L);
  lua_pushstring(L, name);
  lua_pushvalue(L, idx);
  wrap(L);
  lua_replace(L, idx);
}

/* The raw-access functions a sandbox offers instead of Lua's own, so that a proxy can neither be
** written through nor looks empty. */
static int guard_rawset(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  luaL_checkany(L, 3);
  if (hq_is_frozen(L, 1)) return ro_newindex(L);
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 1;
}

static int guard_rawget(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  if (hq_is_frozen(L, 1)) return ro_index(L);
  lua_rawget(L, 1);
  return 1;
}

static int guard_rawlen(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  if (t == LUA_TTABLE && hq_is_frozen(L, 1)) return ro_len(L);
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  return 1;
}

static int guard_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  if (hq_is_frozen(L, 1)) return ro_next(L);
  lua_settop(L, 2);
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

void hq_open_freeze_guards(lua_State *L, int base) {
  static const luaL_Reg guards[] = {
    {"rawset", guard_rawset}, {"rawget", guard_rawget}, {"rawlen", guard_rawlen},
    {"next", guard_next}, {NULL, NULL}
  };
  base = lua_absindex(L, base);
  open_meta(L);
  lua_pushvalue(L, base);
  luaL_setfuncs(L, guards, 0);
  lua_pop(L, 1);
}
