/* require.c: Lua modules and startup scripts, found in the scripts folders and nowhere else. */
/*
** The scripts search path is: each --scripts folder in order, the user's folder
** ($XDG_CONFIG_HOME/halqa/scripts), then the bundled scripts. The first folder holding a file
** wins, as with PATH, so a user can replace a bundled module by one of the same name. Modules
** run in their own environment; a table a module returns is frozen, so one script cannot change
** what another relies on. No C modules: package.loadlib does not exist here.
*/
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "eval.h"
#include "freeze.h"
#include "registry.h"
#include "require.h"
#include "sandbox.h"

static int is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int hq_find_script(hq_host *H, const char *relpath, char *out, size_t outlen) {
  for (int i = 0; i < H->n_script_dirs; i++) {
    int n = snprintf(out, outlen, "%s/%s", H->script_dirs[i], relpath);
    if (n > 0 && (size_t)n < outlen && is_file(out)) return i + 1;
  }
  return 0;
}

/* A module name is words of letters, digits, '_' and '-' separated by dots. */
static int valid_module(const char *s) {
  if (!*s || *s == '.') return 0;
  for (; *s; s++) {
    if (*s == '.' && (s[1] == '.' || s[1] == '\0')) return 0;
    if (!(*s == '.' || *s == '_' || *s == '-' || (*s >= 'a' && *s <= 'z') ||
          (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
      return 0;
  }
  return 1;
}

/* Pushes what identifies the file at path as it is now: "size mtime" (nil if it is gone). */
static void push_stamp(lua_State *L, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    lua_pushnil(L);
    return;
  }
  lua_pushfstring(L, "%I %I.%I", (lua_Integer)st.st_size, (lua_Integer)st.st_mtim.tv_sec,
                  (lua_Integer)st.st_mtim.tv_nsec);
}

/* Has the user's module name (a file outside the bundled scripts) changed since it was loaded?
** The REPL runs for a long time while its user edits a generator: the next command sees the
** edit, as it sees a file added. Bundled modules are not stamped: they do not change under us.
** A stamp is { path, "size mtime" }, kept apart so a path may hold any character. */
static int stale(lua_State *L, const char *name) {
  int top = lua_gettop(L), changed = 0;
  if (lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_STAMPS) == LUA_TTABLE && lua_getfield(L, -1, name) == LUA_TTABLE) {
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2);
    push_stamp(L, lua_tostring(L, -2));
    changed = !lua_rawequal(L, -1, -2);
  }
  lua_settop(L, top);
  return changed;
}

static int hq_require(lua_State *L) {
  hq_host *H = hq_host_of(L);
  const char *name = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_LOADED);           /* 2: cache */
  if (lua_getfield(L, 2, name) != LUA_TNIL) {
    if (lua_islightuserdata(L, -1))
      return luaL_error(L, "module '%s' requires itself (a require loop)", name);
    if (!stale(L, name)) return 1;
    lua_pop(L, 1); /* edited since: loaded again below */
  }
  char rel[512], path[4096];
  snprintf(rel, sizeof rel, "%s.lua", name);
  for (char *p = rel; *p && p < rel + strlen(name); p++)
    if (*p == '.') *p = '/';
  int dir = hq_find_script(H, rel, path, sizeof path);
  if (!dir) return luaL_error(L, "module '%s' not found: no %s in the scripts folders", name, rel);
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_STAMPS);
  if (dir - 1 != H->bundled_dir) {
    lua_createtable(L, 2, 0);
    lua_pushstring(L, path);
    lua_rawseti(L, -2, 1);
    push_stamp(L, path);
    lua_rawseti(L, -2, 2);
  } else {
    lua_pushnil(L);
  }
  lua_setfield(L, -2, name);
  lua_pop(L, 1);
  lua_pushlightuserdata(L, (void *)L);                         /* loading sentinel */
  lua_setfield(L, 2, name);
  char chunkname[4100];
  snprintf(chunkname, sizeof chunkname, "@%s", path);
  if (hq_load_file(L, path) != LUA_OK) {
    lua_pushnil(L);
    lua_setfield(L, 2, name);
    return lua_error(L);
  }
  hq_push_env(L);
  lua_setupvalue(L, -2, 1);
  lua_pushvalue(L, 1);
  lua_pushstring(L, path);
  lua_call(L, 2, 1);  /* errors propagate to whoever required, with the sentinel cleared below */
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
  }
  if (lua_type(L, -1) == LUA_TTABLE) {
    char what[600];
    snprintf(what, sizeof what, "require(\"%s\")", name);
    hq_freeze(L, -1, what);
  }
  lua_pushvalue(L, -1);
  lua_setfield(L, 2, name);
  return 1;
}

/* require, wrapped so a failed load does not leave the module marked as loading. */
static int safe_require(lua_State *L) {
  luaL_argcheck(L, valid_module(luaL_checkstring(L, 1)), 1, "a module name is words joined by dots");
  lua_settop(L, 1);
  lua_pushcfunction(L, hq_require);
  lua_pushvalue(L, 1);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    const char *name = lua_tostring(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_LOADED);
    if (name && lua_getfield(L, -1, name) == LUA_TLIGHTUSERDATA) {
      lua_pushnil(L);
      lua_setfield(L, -3, name);
    }
    lua_pop(L, 2);
    return lua_error(L);
  }
  return 1;
}

void hq_open_require(lua_State *L, int base) {
  base = lua_absindex(L, base);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, HQ_REG_LOADED);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, HQ_REG_STAMPS);
  lua_pushcfunction(L, safe_require);
  lua_setfield(L, base, "require");
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Pushes a sorted list of the module names ("commands.help") of the .lua files directly in
** folder, across the search path; a name found in several folders is listed once. */
void hq_push_script_list(lua_State *L, hq_host *H, const char *folder) {
  lua_newtable(L);                     /* set of names seen */
  int seen = lua_gettop(L);
  char prefix[256];
  snprintf(prefix, sizeof prefix, "%s", folder);
  for (char *p = prefix; *p; p++)
    if (*p == '/') *p = '.';
  int n = 0;
  for (int i = 0; i < H->n_script_dirs; i++) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", H->script_dirs[i], folder);
    DIR *d = opendir(dir);
    if (!d) continue;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      size_t len = strlen(e->d_name);
      if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0 || e->d_name[0] == '.') continue;
      lua_pushfstring(L, "%s.", prefix);
      lua_pushlstring(L, e->d_name, len - 4);
      lua_concat(L, 2);
      lua_pushvalue(L, -1);
      if (lua_rawget(L, seen) == LUA_TNIL) n++;
      lua_pop(L, 1);
      lua_pushboolean(L, 1);
      lua_rawset(L, seen);
    }
    closedir(d);
  }
  const char **names = lua_newuserdatauv(L, sizeof(char *) * (size_t)(n ? n : 1), 0);
  int i = 0;
  for (lua_pushnil(L); lua_next(L, seen); lua_pop(L, 1)) names[i++] = lua_tostring(L, -2);
  qsort(names, (size_t)n, sizeof *names, by_name);
  lua_createtable(L, n, 0);
  for (i = 0; i < n; i++) {
    lua_pushstring(L, names[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_replace(L, seen);
  lua_settop(L, seen);
}

/* Runs every commands/NAME.lua of the search path (each in its own environment); stops at the
** first that fails, after reporting it as file:line: message. */
int hq_load_startup_scripts(lua_State *L, hq_host *H) {
  hq_push_script_list(L, H, "commands");
  int list = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_BASE);
  int n = (int)lua_rawlen(L, list);
  for (int i = 1; i <= n; i++) {
    lua_getfield(L, -1, "require");
    lua_rawgeti(L, list, i);
    int status = hq_docall(L, 1, 0);
    if (status != LUA_OK) {
      hq_report(H, status);
      lua_settop(L, list - 1);
      return 1;
    }
  }
  lua_settop(L, list - 1);
  return 0;
}
