/* sandbox.c: the allow-listed libraries every script sees, and each script's own environment. */
/*
** Modelled on Redis's Lua host: libraries are copied function by function from an allow-list
** into one base table, which is frozen; every script gets an empty environment that reads
** through to it. Reading a global that does not exist is an error (it catches typos), and so is
** assigning to a name the base holds. Chunks are text only, everywhere: `load` is wrapped and
** string.dump is gone, so no bytecode can be made or run. (The host keeps its own compiled form
** of script files in a cache, chunkcache.c, keyed by their text: what runs is what the text
** compiles to, and a script never sees or supplies bytecode.)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lualib.h>

#include <lauxlib.h>

#include "chunkcache.h"
#include "finalize.h"
#include "freeze.h"
#include "patguard.h"
#include "registry.h"
#include "sandbox.h"
#include "state.h"

/* One library's allow-list: the functions a script may use; NULL names mean "all of them". */
typedef struct allowed_lib {
  const char *name;
  lua_CFunction open;
  const char *const *only;
} allowed_lib;

static const char *const base_allowed[] = {
  "assert", "error", "getmetatable", "ipairs", "pairs", "pcall", "rawequal", "select",
  "setmetatable", "tonumber", "tostring", "type", "xpcall", "_VERSION", NULL
};
static const char *const os_allowed[] = {"time", "date", "clock", NULL};

static const allowed_lib libs[] = {
  {"string", luaopen_string, NULL},
  {"table", luaopen_table, NULL},
  {"math", luaopen_math, NULL},
  {"utf8", luaopen_utf8, NULL},
  {"coroutine", luaopen_coroutine, NULL},
  {"os", luaopen_os, os_allowed},
  {NULL, NULL, NULL}
};

static int listed(const char *const *list, const char *name) {
  for (; *list; list++)
    if (strcmp(*list, name) == 0) return 1;
  return 0;
}

/* Copies the allowed fields of the table at src into a new table, which is pushed. */
static void copy_allowed(lua_State *L, int src, const char *const *only, const char *const *denied) {
  src = lua_absindex(L, src);
  lua_newtable(L);
  lua_pushnil(L);
  while (lua_next(L, src)) {
    const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    if (k && (!only || listed(only, k)) && !(denied && listed(denied, k))) {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -4);
    } else {
      lua_pop(L, 1);
    }
  }
}

int hq_tostring_values(lua_State *L) {
  int n = lua_gettop(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int i = 1; i <= n; i++) {
    if (i > 1) luaL_addchar(&b, '\t');
    luaL_tolstring(L, i, NULL);
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  return 1;
}

/* print() through the host's writer, so tests and the REPL can capture it. */
static int sb_print(lua_State *L) {
  hq_host *H = hq_host_of(L);
  hq_tostring_values(L);
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  fwrite(s, 1, len, H->out);
  fputc('\n', H->out);
  if (H->interactive) fflush(H->out); /* a pipe gets whole buffers; halqa.readline flushes */
  return 0;
}

/* load(chunk [, chunkname [, mode [, env]]]) with text chunks only. */
static int sb_load(lua_State *L) {
  const char *mode = luaL_optstring(L, 3, "t");
  if (strchr(mode, 'b'))
    return luaL_error(L, "binary chunks are not allowed (load mode '%s')", mode);
  int given = lua_gettop(L);
  lua_settop(L, 4);
  int top = 4;
  lua_pushvalue(L, lua_upvalueindex(1)); /* Lua's own load */
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  lua_pushliteral(L, "t");
  if (given >= 4) lua_pushvalue(L, 4);
  lua_call(L, given >= 4 ? 4 : 3, LUA_MULTRET);
  return lua_gettop(L) - top;
}

void hq_sandbox_open(lua_State *L) {
  /* Lua's base library goes into a scratch table we copy from; nothing else sees it. */
  luaL_requiref(L, "_G", luaopen_base, 0);
  int full = lua_gettop(L);
  lua_newtable(L);
  int base = lua_gettop(L);
  copy_allowed(L, full, base_allowed, NULL);
  lua_copy(L, -1, base);
  lua_pop(L, 1);
  lua_pushcfunction(L, sb_print);
  lua_setfield(L, base, "print");
  lua_getfield(L, full, "load");
  lua_pushcclosure(L, sb_load, 1);
  lua_setfield(L, base, "load");
  hq_open_freeze_guards(L, base);
  hq_open_finalizers(L, base);
  for (const allowed_lib *lib = libs; lib->name; lib++) {
    luaL_requiref(L, lib->name, lib->open, 0);
    if (strcmp(lib->name, "string") == 0) {
      /* Strings index this very table as their metatable's __index: edit it in place. */
      lua_pushnil(L);
      lua_setfield(L, -2, "dump");
      hq_guard_patterns(L, lua_gettop(L));
      lua_pushvalue(L, -1);
    } else {
      copy_allowed(L, -1, lib->only, NULL);
    }
    lua_setfield(L, base, lib->name);
    lua_pop(L, 1);
  }
  /* Strings share one metatable; hide it so no script can reach it to change string methods. */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushliteral(L, "read-only");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
  lua_remove(L, full);
}

/* Reading a name the base does not hold (the real base table's __index): an error, which also
** catches typos. A global that exists is found with no C call at all: an environment's __index
** is the frozen base, whose __index is the real base table (freeze.c). */
static int missing_global(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING)
    return luaL_error(L, "attempted to access nonexistent global variable '%s'", lua_tostring(L, 2));
  return 0;
}

/* Assigning a global: allowed for new names, refused for what the base holds (read raw: the
** real base table, upvalue 1). */
static int env_newindex(lua_State *L) {
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL && lua_type(L, 2) == LUA_TSTRING)
    return luaL_error(L, "cannot assign to global '%s': it is read-only (use a local)",
                      lua_tostring(L, 2));
  lua_pop(L, 1);
  lua_rawset(L, 1);
  return 0;
}

void hq_sandbox_seal(lua_State *L) {
  lua_pushvalue(L, -1);                    /* the real base, for env_newindex */
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, missing_global);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  hq_freeze_deep(L, -2, "_G");            /* proxy base */
  lua_pushvalue(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, HQ_REG_BASE);
  /* Chunks loaded without an explicit environment read the frozen base. */
  lua_pushvalue(L, -2);
  lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  /* The metatable every environment shares: reads follow __index to the frozen base. */
  luaL_newmetatable(L, HQ_REG_ENV_META);   /* proxy base meta */
  lua_pushvalue(L, -3);
  lua_setfield(L, -2, "__index");
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, env_newindex, 1);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "environment");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 3);
}

void hq_push_env(lua_State *L) {
  lua_newtable(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "_G");
  luaL_setmetatable(L, HQ_REG_ENV_META);
}

int hq_load_text(lua_State *L, const char *buf, size_t len, const char *chunkname) {
  return luaL_loadbufferx(L, buf, len, chunkname, "t");
}

/* The whole file in a malloc'd buffer, or NULL. */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0, got = 1;
  while (got > 0) {
    if (n == cap) {
      char *nb = realloc(buf, cap = cap ? cap * 2 : 1 << 14);
      if (!nb) break;
      buf = nb;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  }
  int bad = ferror(f) || got > 0;
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

/* As luaL_loadfilex(L, path, "t"), through the host's cache of compiled files: a UTF-8 mark and
** a first line starting with '#' are skipped (the line's newline kept, so lines still count). */
int hq_load_file(lua_State *L, const char *path) {
  size_t len;
  char *buf = slurp(path, &len);
  if (!buf) return luaL_loadfilex(L, path, "t"); /* its message says why */
  size_t skip = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (skip < len && buf[skip] == '#')
    while (skip < len && buf[skip] != '\n') skip++;
  lua_pushfstring(L, "@%s", path);
  hq_host *H = hq_host_of(L);
  int status = hq_load_cached(L, H ? H->cache_dir : NULL, buf + skip, len - skip, lua_tostring(L, -1));
  free(buf);
  lua_remove(L, -2); /* the chunk name */
  return status;
}
