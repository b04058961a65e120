/* fuzz_json.c: halqa.json on arbitrary Lua values, built from the input by a small stack machine. */
/*
** Each byte is an operation: push nil, a boolean, an integer, a float, a string (length byte and
** bytes), a new table; set t[k] = v; append v to t; push a copy of a value below (cycles). At the
** end the value at the bottom is encoded, plain and pretty. halqa.json must raise a one-line
** error or return text that cJSON parses back, and that reads back as Lua (hq_push_json_text).
*/
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <lauxlib.h>
#include <lualib.h>

#include "bindings.h"
#include "fuzz_input.h"

static lua_State *L;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  L = luaL_newstate();
  lua_newtable(L);       /* the api table */
  lua_newtable(L);       /* no read-only proxies here */
  hq_open_json(L, -2, -1);
  lua_pop(L, 1);
  lua_getfield(L, -1, "json");
  lua_setglobal(L, "json");
  lua_pop(L, 1);
  return 0;
}

static int readback(lua_State *S) {
  hq_push_json_text(S, lua_tostring(S, 1));
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_settop(L, 0);
  lua_getglobal(L, "json");
  int base = lua_gettop(L);
  for (size_t i = 0; i < size; i++) {
    int top = lua_gettop(L) - base;
    if (!lua_checkstack(L, 4) || top > 200) break;
    uint8_t op = data[i] % 10;
    switch (op) {
      case 0: lua_pushnil(L); break;
      case 1: lua_pushboolean(L, data[i] & 0x10); break;
      case 2: {
        int64_t v = 0;
        size_t n = size - i - 1 < 8 ? size - i - 1 : 8;
        memcpy(&v, data + i + 1, n);
        i += n;
        lua_pushinteger(L, (lua_Integer)v);
        break;
      }
      case 3: {
        double v = 0;
        size_t n = size - i - 1 < 8 ? size - i - 1 : 8;
        memcpy(&v, data + i + 1, n);
        i += n;
        lua_pushnumber(L, v);
        break;
      }
      case 4: {
        size_t n = i + 1 < size ? data[i + 1] : 0;
        if (n > size - i - 2 || i + 1 >= size) n = i + 2 <= size ? size - i - 2 : 0;
        lua_pushlstring(L, (const char *)data + i + 2, n);
        i += n + 1;
        break;
      }
      case 5: lua_newtable(L); break;
      case 6: /* t k v -> t, with t[k] = v when k may be a key */
        if (top >= 3 && lua_istable(L, -3) && !lua_isnil(L, -2) && !(lua_isnumber(L, -2) && lua_tonumber(L, -2) != lua_tonumber(L, -2))) lua_rawset(L, -3);
        break;
      case 7: /* t v -> t, v appended */
        if (top >= 2 && lua_istable(L, -2)) lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        break;
      case 8:
        if (top >= 1) lua_pushvalue(L, base + 1 + (int)(data[i] / 10) % top);
        break;
      default:
        lua_pushcfunction(L, readback); /* a value JSON cannot hold */
    }
  }
  if (lua_gettop(L) == base) lua_pushnil(L);
  lua_settop(L, base + 1);
  lua_pushboolean(L, size & 1);
  if (lua_pcall(L, 2, 1, 0) == LUA_OK) {
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    FUZZ_CHECK(text && strlen(text) == len);
    cJSON *j = cJSON_Parse(text);
    FUZZ_CHECK(j);
    cJSON_Delete(j);
    lua_pushcfunction(L, readback);
    lua_insert(L, -2);
    lua_pcall(L, 1, 1, 0);
  } else {
    const char *msg = lua_tostring(L, -1);
    FUZZ_CHECK(msg && !strchr(msg, '\n'));
  }
  lua_settop(L, 0);
  return 0;
}
