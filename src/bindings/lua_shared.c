/* lua_shared.c: what the bindings of the exports share: a box for C resources, an opener. */
/*
** A binding that holds a C resource while it calls Lua (which may raise: memory, a bad value)
** keeps the resource in a box made first; if the call raises, the collector frees it.
*/
#include <string.h>

#include <lauxlib.h>

#include "bindings.h"

void *hq_new_box(lua_State *L, size_t size, const char *tname, lua_CFunction gc) {
  void *box = lua_newuserdatauv(L, size, 0);
  memset(box, 0, size);
  if (luaL_newmetatable(L, tname)) {
    lua_pushcfunction(L, gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return box;
}

void hq_set_function(lua_State *L, int api, const char *name, lua_CFunction fn) {
  api = lua_absindex(L, api);
  lua_pushcfunction(L, fn);
  lua_setfield(L, api, name);
}
