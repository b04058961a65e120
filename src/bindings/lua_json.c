/* lua_json.c: halqa.json(value [, pretty]) — Lua values as JSON text, through cJSON. */
/*
** Deterministic output for exports and --json: object keys are sorted; a table whose keys are
** exactly 1..n is an array (an empty table is []); frozen tables are read through. Functions,
** userdata and cycles cannot be encoded and raise an error naming what was found, and so do
** strings JSON cannot carry as they are (a NUL byte, bytes that are not UTF-8) and two keys that
** would be written alike (1 and "1").
*/
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <utf8proc.h>

#include <lauxlib.h>

#include "bindings.h"

#define MAX_DEPTH 64

static int by_string(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void encode(lua_State *L, int idx, cJSON *parent, const char *key, int depth);

/* Raises unless the string at idx can be JSON text as it is: cJSON keeps C strings, so a NUL
** would cut it short, and JSON is UTF-8, so other bytes would make the output invalid. */
static const char *json_string(lua_State *L, int idx, const char *what) {
  size_t len;
  const char *s = lua_tolstring(L, idx, &len);
  if (memchr(s, '\0', len)) luaL_error(L, "halqa.json: %s holds a NUL byte (at byte %d)", what, (int)((const char *)memchr(s, '\0', len) - s) + 1);
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) luaL_error(L, "halqa.json: %s is not valid UTF-8 (at byte %d)", what, (int)i + 1);
    i += (size_t)n;
  }
  return s;
}

/* Pushes the real table behind the read-only proxy at idx (returning 1), or nothing (0) for a
** table that is not one. The host's table of proxies is upvalue 1 of halqa.json. */
static int push_frozen_target(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_pushvalue(L, idx);
  if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TTABLE) return 1;
  lua_pop(L, 1);
  return 0;
}

/* Adds node to parent: to an array when key is NULL, else under key. Nodes are attached before
** they are filled, so an error half-way leaves nothing unreachable for the tree's __gc. */
static cJSON *attach(cJSON *parent, const char *key, cJSON *node) {
  if (key) cJSON_AddItemToObject(parent, key, node);
  else cJSON_AddItemToArray(parent, node);
  return node;
}

/* Encodes the table at idx (a real table, not a proxy) into node. */
static void encode_table(lua_State *L, int idx, cJSON *parent, const char *key, int depth) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;
  int is_array = 1;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    count++;
    if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 1 || lua_tointeger(L, -2) > n) is_array = 0;
  }
  if (count != n) is_array = 0;
  if (is_array) {
    cJSON *arr = attach(parent, key, cJSON_CreateArray());
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, idx, i);
      encode(L, -1, arr, NULL, depth + 1);
      lua_pop(L, 1);
    }
    return;
  }
  /* An object: keys as strings, sorted; names maps each string back to the original key. */
  const char **keys = lua_newuserdatauv(L, sizeof(char *) * (size_t)(count ? count : 1), 0);
  lua_newtable(L);
  int names = lua_gettop(L);
  lua_Integer k = 0;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    int t = lua_type(L, -2);
    if (t != LUA_TSTRING && t != LUA_TNUMBER) luaL_error(L, "halqa.json: an object key must be a string or a number");
    lua_pushvalue(L, -2);
    keys[k++] = json_string(L, -1, "an object key"); /* converts the copy, not the key lua_next needs */
    lua_pushvalue(L, -3);
    lua_rawset(L, names);               /* names[string] = original key */
  }
  qsort(keys, (size_t)k, sizeof *keys, by_string);
  for (lua_Integer i = 1; i < k; i++) /* 1 and "1" would both be written as "1" */
    if (strcmp(keys[i - 1], keys[i]) == 0) luaL_error(L, "halqa.json: two keys of one table are both written \"%s\" (a number and a string)", keys[i]);
  cJSON *obj = attach(parent, key, cJSON_CreateObject());
  for (lua_Integer i = 0; i < k; i++) {
    lua_getfield(L, names, keys[i]);
    lua_rawget(L, idx);
    encode(L, -1, obj, keys[i], depth + 1);
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
}

static void encode(lua_State *L, int idx, cJSON *parent, const char *key, int depth) {
  idx = lua_absindex(L, idx);
  if (depth > MAX_DEPTH) luaL_error(L, "halqa.json: nested too deeply (a cycle?)");
  luaL_checkstack(L, 8, "JSON encoding");
  switch (lua_type(L, idx)) {
    case LUA_TNIL: attach(parent, key, cJSON_CreateNull()); break;
    case LUA_TBOOLEAN: attach(parent, key, cJSON_CreateBool(lua_toboolean(L, idx))); break;
    case LUA_TNUMBER: attach(parent, key, cJSON_CreateNumber(lua_tonumber(L, idx))); break;
    case LUA_TSTRING: attach(parent, key, cJSON_CreateString(json_string(L, idx, "a string"))); break;
    case LUA_TTABLE: {
      int pushed = push_frozen_target(L, idx);
      encode_table(L, pushed ? lua_gettop(L) : idx, parent, key, depth);
      if (pushed) lua_pop(L, 1);
      break;
    }
    default:
      luaL_error(L, "halqa.json: cannot encode a %s value", luaL_typename(L, idx));
  }
}

/* The cJSON tree lives in a userdata whose __gc frees it, so an error while encoding (a function
** value, say) does not leak it. */
typedef struct tree {
  cJSON *root;
} tree;

static int tree_gc(lua_State *L) {
  tree *t = lua_touserdata(L, 1);
  cJSON_Delete(t->root);
  t->root = NULL;
  return 0;
}

static int l_json(lua_State *L) {
  luaL_checkany(L, 1);
  int pretty = lua_toboolean(L, 2);
  lua_settop(L, 1);
  tree *t = lua_newuserdatauv(L, sizeof *t, 0);
  t->root = NULL;
  if (luaL_newmetatable(L, "halqa.jsontree")) {
    lua_pushcfunction(L, tree_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  t->root = cJSON_CreateArray(); /* a holder, so a partial tree is freed on error */
  encode(L, 1, t->root, NULL, 0);
  char *s = pretty ? cJSON_Print(t->root->child) : cJSON_PrintUnformatted(t->root->child);
  if (!s) return luaL_error(L, "not enough memory for JSON text");
  lua_pushstring(L, s);
  cJSON_free(s);
  return 1;
}

void hq_open_json(lua_State *L, int api, int frozen) {
  api = lua_absindex(L, api);
  lua_pushvalue(L, frozen);
  lua_pushcclosure(L, l_json, 1);
  lua_setfield(L, api, "json");
}

/* ---- reading JSON (messages from the network, stored settings) ---- */

/* Pushes a cJSON value as Lua (objects and arrays as tables, null as nil); depth-limited, as the
** messages come from the network. */
static void push_json(lua_State *L, const cJSON *j, int depth) {
  luaL_checkstack(L, 3, "JSON too deep");
  if (depth > 16 || !j || cJSON_IsNull(j)) {
    lua_pushnil(L);
  } else if (cJSON_IsBool(j)) {
    lua_pushboolean(L, cJSON_IsTrue(j));
  } else if (cJSON_IsNumber(j)) {
    double d = j->valuedouble;
    /* in range before the cast: converting 1e300 or nan to an integer is undefined */
    if (d >= -0x1p63 && d < 0x1p63 && d == (double)(lua_Integer)d) lua_pushinteger(L, (lua_Integer)d);
    else lua_pushnumber(L, d);
  } else if (cJSON_IsString(j)) {
    lua_pushstring(L, j->valuestring);
  } else if (cJSON_IsArray(j)) {
    lua_newtable(L);
    lua_Integer i = 0;
    for (const cJSON *e = j->child; e; e = e->next) {
      push_json(L, e, depth + 1);
      lua_rawseti(L, -2, ++i);
    }
  } else {
    lua_newtable(L);
    for (const cJSON *e = j->child; e; e = e->next) {
      if (!e->string) continue;
      push_json(L, e, depth + 1);
      lua_setfield(L, -2, e->string);
    }
  }
}

static int push_json_call(lua_State *L) {
  push_json(L, lua_touserdata(L, 1), 0);
  return 1;
}

/* Pushes the JSON text as Lua, or the text itself when it is not JSON. The conversion runs in a
** protected call so that a memory error cannot strand cJSON's tree. */
void hq_push_json_text(lua_State *L, const char *text) {
  cJSON *j = cJSON_Parse(text);
  if (!j) {
    lua_pushstring(L, text);
    return;
  }
  lua_pushcfunction(L, push_json_call);
  lua_pushlightuserdata(L, j);
  int rc = lua_pcall(L, 1, 1, 0);
  cJSON_Delete(j);
  if (rc != LUA_OK) lua_error(L);
}
