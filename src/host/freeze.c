/* freeze.c: read-only views of tables; a write through one raises an error naming the table. */
/*
** Lua 5.4 has no read-only flag, so a frozen table is an empty proxy with one shared metatable.
** The proxy's target and name live in tables of the registry. Nested tables get their own proxy lazily, the
** first time they are read, so freezing the dataset costs nothing at load time and the real
** tables are never handed to a script. `rawset` would write into the proxy itself and
** `next`/`rawget` would see an empty table, so the sandbox swaps in versions that see through.
**
** Reading through a proxy is what every generator does most, so the hot path looks nothing up by
** name: the metamethods and the guards hold the weak tables as upvalues (the registry keeps them
** under light-userdata keys, for the functions other files call). A nested proxy is not named
** when it is made, only linked to its parent and the key it was read by; the name
** ("parties.CPP.founded") is put together only when an error message needs it.
**
** Tables that never change once frozen (the dataset, the `halqa` table, the standard libraries:
** hq_freeze_deep) are read faster still, as fast as Lua's own __index chain: each proxy has a
** metatable of its own, and the first read through it "settles" it — every table inside its
** real table is replaced, in place, by that table's (not yet settled) proxy, and the metatable's
** __index becomes the real table itself. From then on a read is the VM following __index to a
** table, with no C call, and still never yields a real table. Writes, `#`, pairs and the raw
** guards go through C as before. A module's table is frozen the slow way (hq_freeze): its own
** code may still change it, which settling would not see.
*/
#include <string.h>

#include <lauxlib.h>

#include "freeze.h"

/* Registry keys (their addresses) and the upvalue slots of the metamethods and guards. */
static const char ro_meta_key = 0;    /* the shared metatable */
static const char ro_targets_key = 0; /* proxy -> real table */
static const char ro_cache_key = 0;   /* real table -> proxy */
static const char ro_names_key = 0;   /* proxy -> its name, or its parent proxy */
static const char ro_keys_key = 0;    /* nested proxy -> the key its parent read it by */

/* Where the five tables are: upvalues inside a metamethod or guard, stack slots elsewhere. */
typedef struct ro_tables {
  int meta, targets, cache, names, keys;
} ro_tables;

#define RO_NUP 5
static const ro_tables UP = {
  lua_upvalueindex(1), lua_upvalueindex(2), lua_upvalueindex(3), lua_upvalueindex(4),
  lua_upvalueindex(5)
};

int hq_is_frozen(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx)) return 0;
  lua_pop(L, 1);
  idx = lua_absindex(L, idx);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &ro_targets_key) != LUA_TTABLE) {
    lua_pop(L, 1);
    return 0;
  }
  lua_pushvalue(L, idx);
  int frozen = lua_rawget(L, -2) == LUA_TTABLE;
  lua_pop(L, 2);
  return frozen;
}

/* Pushes the real table behind the proxy at idx; returns 0 (pushing nothing) if not a proxy. */
int hq_push_frozen_target(lua_State *L, int idx) {
  if (!hq_is_frozen(L, idx)) return 0;
  idx = lua_absindex(L, idx);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &ro_targets_key);
  lua_pushvalue(L, idx);
  lua_rawget(L, -2);
  lua_remove(L, -2);
  return 1;
}

static void push_tables(lua_State *L, ro_tables *T);

/* Pushes the weak table proxy -> real table (made on first use), for code that reads through. */
void hq_push_frozen_targets(lua_State *L) {
  ro_tables T;
  push_tables(L, &T);
  lua_pushvalue(L, T.targets);
  lua_replace(L, T.meta);
  lua_pop(L, RO_NUP - 1);
}

/* Pushes the real table behind the value at idx if it is a proxy (returning 1), else nothing
** (returning 0). Only proxies are keys of the target table. */
static int push_target(lua_State *L, const ro_tables *T, int idx) {
  lua_pushvalue(L, idx);
  if (lua_rawget(L, T->targets) == LUA_TTABLE) return 1;
  lua_pop(L, 1);
  return 0;
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

/* Pushes the parent (which 1) or the key (2) of the proxy at idx, from its own metatable when it
** is a deep child, else from the names or keys table; returns its type. */
static int link(lua_State *L, const ro_tables *T, int idx, int which) {
  idx = lua_absindex(L, idx);
  if (lua_getmetatable(L, idx)) {
    if (!lua_rawequal(L, -1, T->meta) && lua_rawgeti(L, -1, which) != LUA_TNIL) {
      lua_remove(L, -2);
      return lua_type(L, -1);
    }
    lua_pop(L, lua_rawequal(L, -1, T->meta) ? 1 : 2);
  }
  lua_pushvalue(L, idx);
  return lua_rawget(L, which == 1 ? T->names : T->keys);
}

/* Pushes the name of the proxy at idx ("parties.CPP.founded"): up the chain of parents to a
** named proxy, then down again adding each key. */
static void push_name(lua_State *L, const ro_tables *T, int idx) {
  idx = lua_absindex(L, idx);
  int first = lua_gettop(L) + 1;
  lua_pushvalue(L, idx);                       /* p0 */
  for (;;) {                                   /* p0 .. pn */
    luaL_checkstack(L, 3, "naming a read-only table");
    if (link(L, T, -1, 1) != LUA_TTABLE) break;
  }
  if (lua_type(L, -1) != LUA_TSTRING) {        /* p0 .. pn name */
    lua_pop(L, 1);
    lua_pushliteral(L, "?");
  }
  for (int p = lua_gettop(L) - 2; p >= first; p--) {
    link(L, T, p, 2);                          /* p0 .. pn name key */
    push_child_name(L, -2, -1);                /* p0 .. pn name key childname */
    lua_replace(L, -3);
    lua_pop(L, 1);                             /* p0 .. pn childname */
  }
  lua_replace(L, first);
  lua_settop(L, first);
}

static int ro_settle(lua_State *L);

/* Pushes a metatable of a deep proxy's own: the shared metamethods, with __index the settling
** function until the first read. */
static void push_own_meta(lua_State *L, const ro_tables *T) {
  lua_createtable(L, 2, 6);                      /* [1] parent, [2] key: set by expose */
  static const char *const shared[] = {"__newindex", "__len", "__pairs", "__metatable", "__name"};
  for (int i = 0; i < 5; i++) {
    lua_getfield(L, T->meta, shared[i]);
    lua_setfield(L, -2, shared[i]);
  }
  lua_getfield(L, T->meta, "settle");           /* one closure shared by every deep proxy */
  lua_setfield(L, -2, "__index");
}

/* Replaces the table at the stack top by a new proxy, registered in the cache and target tables:
** a deep one (a metatable of its own) when deep is set. The caller names it. */
static void new_proxy(lua_State *L, const ro_tables *T, int deep) {
  lua_newtable(L);                               /* t proxy */
  if (!deep) {        /* a deep proxy is found in its parent's slot, which settling filled */
    lua_pushvalue(L, -2);
    lua_pushvalue(L, -2);
    lua_rawset(L, T->cache);                     /* cache[t] = proxy */
  }
  lua_pushvalue(L, -1);
  lua_pushvalue(L, -3);
  lua_rawset(L, T->targets);                     /* targets[proxy] = t */
  if (deep)
    push_own_meta(L, T);
  else
    lua_pushvalue(L, T->meta);
  lua_setmetatable(L, -2);
  lua_replace(L, -2);                            /* proxy */
}

/* Is the proxy at idx a deep one (its metatable not the shared one)? */
static int is_deep(lua_State *L, const ro_tables *T, int idx) {
  if (!lua_getmetatable(L, idx)) return 0;
  int shared = lua_rawequal(L, -1, T->meta);
  lua_pop(L, 1);
  return !shared;
}

/* Turns a value just read from the target of the proxy at pidx into what a script may see:
** tables become proxies, everything else stays. A new proxy is linked to its parent and to the
** key at kidx (0: a key it cannot be named by) for its name; a table read before comes from the
** cache. */
static void expose(lua_State *L, const ro_tables *T, int pidx, int kidx) {
  if (lua_type(L, -1) != LUA_TTABLE) return;
  pidx = lua_absindex(L, pidx);
  if (kidx) kidx = lua_absindex(L, kidx);
  lua_pushvalue(L, -1);
  if (lua_rawget(L, T->targets) != LUA_TNIL) {   /* already a proxy */
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 1);
  lua_pushvalue(L, -1);
  if (lua_rawget(L, T->cache) == LUA_TTABLE) {   /* t proxy */
    lua_replace(L, -2);
    return;
  }
  lua_pop(L, 1);
  int deep = is_deep(L, T, pidx);
  new_proxy(L, T, deep);                         /* proxy */
  /* parent and key: in a deep proxy's own metatable (slots 1 and 2, no shared table grows with
  ** the dataset), else in the names and keys tables */
  int proxy = lua_gettop(L);
  int nameable = kidx && (lua_type(L, kidx) == LUA_TSTRING || lua_isinteger(L, kidx));
  if (deep) {
    lua_getmetatable(L, proxy);                  /* proxy meta */
    lua_pushvalue(L, pidx);
    lua_rawseti(L, -2, 1);                       /* meta[1] = parent */
    if (nameable) lua_pushvalue(L, kidx); else lua_pushboolean(L, 0);
    lua_rawseti(L, -2, 2);                       /* meta[2] = key (false: named parent[?]) */
    lua_pop(L, 1);
  } else {
    lua_pushvalue(L, proxy);
    lua_pushvalue(L, pidx);
    lua_rawset(L, T->names);                     /* names[proxy] = parent */
    lua_pushvalue(L, proxy);
    if (nameable) lua_pushvalue(L, kidx); else lua_pushboolean(L, 0);
    lua_rawset(L, T->keys);                      /* keys[proxy] = key */
  }
}

static int ro_index(lua_State *L) {
  if (!push_target(L, &UP, 1)) return 0;
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  expose(L, &UP, 1, 2);
  return 1;
}

/* Settles the deep proxy at idx (see the top of the file): each table in its real table becomes
** that table's proxy, and the metatable's __index the real table. Leaves the stack as it was. */
static void settle(lua_State *L, const ro_tables *T, int idx) {
  idx = lua_absindex(L, idx);
  if (!lua_getmetatable(L, idx)) return;
  int settled = lua_getfield(L, -1, "__index") == LUA_TTABLE;
  lua_pop(L, 2);
  if (settled) return;                           /* once: its tables are proxies already */
  if (!push_target(L, T, idx)) return;           /* t */
  int t = lua_gettop(L);
  luaL_checkstack(L, 6, "reading a read-only table");
  for (lua_pushnil(L); lua_next(L, t);) {        /* t k v */
    if (lua_type(L, -1) == LUA_TTABLE) {
      expose(L, T, idx, -2);                     /* t k proxy */
      lua_pushvalue(L, -2);
      lua_insert(L, -2);                         /* t k k proxy */
      lua_rawset(L, t);                          /* an existing key: allowed while traversing */
    } else {
      lua_pop(L, 1);
    }
  }
  lua_getmetatable(L, idx);                      /* t meta */
  lua_pushvalue(L, t);
  lua_setfield(L, -2, "__index");
  lua_settop(L, t - 1);
}

/* A deep proxy's first read: settles it, then reads as its __index now does (through the real
** table's own metatable, which the base of globals has). */
static int ro_settle(lua_State *L) {
  settle(L, &UP, 1);
  if (!push_target(L, &UP, 1)) return 0;
  lua_pushvalue(L, 2);
  lua_gettable(L, -2);
  return 1;
}

static int ro_newindex(lua_State *L) {
  push_name(L, &UP, 1);
  if (lua_type(L, 2) == LUA_TSTRING)
    return luaL_error(L, "attempt to modify read-only table '%s' (field '%s')",
                      lua_tostring(L, -1), lua_tostring(L, 2));
  return luaL_error(L, "attempt to modify read-only table '%s'", lua_tostring(L, -1));
}

static int ro_len(lua_State *L) {
  if (!push_target(L, &UP, 1)) return 0;
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
  return 1;
}

/* next(proxy, key) over the real table, values exposed as proxies. A proxy first met here is
** named parent[?]. */
static int ro_next(lua_State *L) {
  lua_settop(L, 2);
  if (is_deep(L, &UP, 1)) settle(L, &UP, 1);    /* its children are then deep proxies too */
  if (!push_target(L, &UP, 1)) return luaL_argerror(L, 1, "read-only table expected");
  lua_pushvalue(L, 2);
  if (!lua_next(L, -2)) {
    lua_pushnil(L);
    return 1;
  }
  expose(L, &UP, 1, 0);
  return 2;
}

/* pairs(proxy): the ro_next closure (upvalue 1), the proxy, nil. */
static int ro_pairs(lua_State *L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

/* Pushes the five tables (creating them the first time) and notes their stack slots in T. */
static void push_tables(lua_State *L, ro_tables *T) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &ro_meta_key) == LUA_TTABLE) {
    T->meta = lua_gettop(L);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ro_targets_key);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ro_cache_key);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ro_names_key);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ro_keys_key);
  } else {
    lua_pop(L, 1);
    T->meta = lua_gettop(L) + 1;
    lua_newtable(L);
    /* Plain (strong) tables: what is frozen lives as long as the state anyway (the dataset, the
    ** modules, the libraries), and weak ones, with a proxy for every record, would make every
    ** collection work through them as ephemerons. */
    for (int i = 0; i < RO_NUP - 1; i++) lua_newtable(L);
    static const void *const keys[RO_NUP] = {
      &ro_meta_key, &ro_targets_key, &ro_cache_key, &ro_names_key, &ro_keys_key
    };
    for (int i = 0; i < RO_NUP; i++) {
      lua_pushvalue(L, T->meta + i);
      lua_rawsetp(L, LUA_REGISTRYINDEX, keys[i]);
    }
    static const luaL_Reg meta[] = {
      {"__index", ro_index}, {"__newindex", ro_newindex}, {"__len", ro_len}, {NULL, NULL}
    };
    lua_pushvalue(L, T->meta);
    for (int i = 0; i < RO_NUP; i++) lua_pushvalue(L, T->meta + i);
    luaL_setfuncs(L, meta, RO_NUP);
    for (int i = 0; i < RO_NUP; i++) lua_pushvalue(L, T->meta + i);
    lua_pushcclosure(L, ro_next, RO_NUP);
    lua_pushcclosure(L, ro_pairs, 1);
    lua_setfield(L, -2, "__pairs");
    for (int i = 0; i < RO_NUP; i++) lua_pushvalue(L, T->meta + i);
    lua_pushcclosure(L, ro_settle, RO_NUP);
    lua_setfield(L, -2, "settle");                 /* a deep proxy's first __index */
    lua_pushliteral(L, "read-only");
    lua_setfield(L, -2, "__metatable");
    lua_pushliteral(L, "halqa.readonly");
    lua_setfield(L, -2, "__name");
    lua_pop(L, 1);
  }
  T->targets = T->meta + 1;
  T->cache = T->meta + 2;
  T->names = T->meta + 3;
  T->keys = T->meta + 4;
}

static void freeze(lua_State *L, int idx, const char *name, int deep) {
  idx = lua_absindex(L, idx);
  luaL_checktype(L, idx, LUA_TTABLE);
  if (hq_is_frozen(L, idx)) return;
  ro_tables T;
  push_tables(L, &T);
  lua_pushvalue(L, idx);
  if (lua_rawget(L, T.cache) != LUA_TTABLE) {    /* no proxy yet: make one named `name` */
    lua_pop(L, 1);
    lua_pushvalue(L, idx);
    new_proxy(L, &T, deep);
    lua_pushvalue(L, -1);
    lua_pushstring(L, name);
    lua_rawset(L, T.names);
  }
  lua_replace(L, idx);
  lua_pop(L, RO_NUP);
}

void hq_freeze(lua_State *L, int idx, const char *name) {
  freeze(L, idx, name, 0);
}

void hq_freeze_deep(lua_State *L, int idx, const char *name) {
  freeze(L, idx, name, 1);
}

/* The raw-access functions a sandbox offers instead of Lua's own, so that a proxy can neither be
** written through nor looks empty. They hold the same upvalues as the metamethods. */
static int guard_rawset(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  luaL_checkany(L, 3);
  if (push_target(L, &UP, 1)) return ro_newindex(L);
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 1;
}

static int guard_rawget(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  if (push_target(L, &UP, 1)) {                 /* the real table's value, as a proxy */
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
    expose(L, &UP, 1, 2);
    return 1;
  }
  lua_rawget(L, 1);
  return 1;
}

static int guard_rawlen(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  if (t == LUA_TTABLE && push_target(L, &UP, 1)) {
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
  }
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  return 1;
}

static int guard_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  if (push_target(L, &UP, 1)) {
    lua_pop(L, 1);
    return ro_next(L);
  }
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
  ro_tables T;
  push_tables(L, &T);
  lua_pushvalue(L, base);
  for (int i = 0; i < RO_NUP; i++) lua_pushvalue(L, T.meta + i);
  luaL_setfuncs(L, guards, RO_NUP);
  lua_pop(L, 1 + RO_NUP);
}
