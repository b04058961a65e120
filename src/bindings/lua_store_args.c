/* lua_store_args.c: what halqa.store's functions share — held results, the store box, arguments. */
/*
** Argument tables are read with raw access, so a hostile __index never runs here. Results come
** back from the store (store_*.c) in C memory; each lands in a "held" userdata (created empty
** first, with __gc) before the call, so a Lua error while the result is turned into tables (out
** of memory) frees it anyway. The store resets its statements before it returns, so no SQLite
** statement is ever left running when these files (lua_store*.c) raise.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>

#include "lua_store_internal.h"

#define BOX_MT "halqa.store"        /* the upvalue holding the store pointer */
#define HELD_MT "halqa.store.held"  /* C results awaiting conversion */

/* The store, or how to open it on first use: start-up does not pay for opening (and, for a new
** file, building the schema) when nothing in the session asks for the store. */
typedef struct box {
  store *s;
  hq_store_opener *open;
  void *ud;
} box;

static int held_gc(lua_State *L) {
  held *h = luaL_checkudata(L, 1, HELD_MT);
  switch (h->kind) {
  case HELD_CARDS: store_cards_free(&h->u.cards); break;
  case HELD_EVENTS: store_events_free(&h->u.events); break;
  case HELD_STATS: store_stats_free(&h->u.stats); break;
  case HELD_TEXT: free(h->u.buf.p); break;
  case HELD_STRING: free(h->u.string); break;
  case HELD_SESSION: store_session_info_free(&h->u.session); break;
  }
  memset(&h->u, 0, sizeof h->u); /* freeing twice (explicitly, then __gc) is harmless */
  return 0;
}

/* Pushes an empty held userdata of the given kind: safe to collect at any moment. */
held *ls_new_held(lua_State *L, int kind) {
  held *h = lua_newuserdatauv(L, sizeof *h, 0);
  memset(h, 0, sizeof *h);
  h->kind = kind;
  luaL_setmetatable(L, HELD_MT);
  return h;
}

/* Frees the held result at idx now instead of at the next collection. */
void ls_release(lua_State *L, int idx) {
  lua_pushcfunction(L, held_gc);
  lua_pushvalue(L, idx);
  lua_call(L, 1, 0);
}

store *ls_store_of(lua_State *L) {
  box *b = luaL_testudata(L, lua_upvalueindex(1), BOX_MT);
  if (b && !b->s && b->open) {
    b->s = b->open(b->ud);
    b->open = NULL; /* asked once: a store that cannot open is not retried on every call */
  }
  if (!b || !b->s) luaL_error(L, "halqa.store: no progress store is open");
  return b->s;
}

/* Raises the store's last error: "halqa.store.review: no card 'x' in the store". */
int ls_raise_error(lua_State *L, store *s) {
  return luaL_error(L, "halqa.store.%s", store_error(s));
}

/* ---- arguments ---- */

/* A short description of the value at idx for "got ..." messages: numbers are shown. */
static const char *shown(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TNUMBER) return luaL_typename(L, idx);
  if (lua_isinteger(L, idx)) return lua_pushfstring(L, "%I", (LUAI_UACINT)lua_tointeger(L, idx));
  return lua_pushfstring(L, "%f", (LUAI_UACNUMBER)lua_tonumber(L, idx));
}

/* Raises "bad argument #arg to 'f' (what, got 5)". */
int ls_arg_fail(lua_State *L, int arg, const char *what, int idx) {
  idx = lua_absindex(L, idx);
  return luaL_argerror(L, arg, lua_pushfstring(L, "%s, got %s", what, shown(L, idx)));
}

/* Pushes t[key] without metamethods; returns its type. */
int ls_raw_field(lua_State *L, int t, const char *key) {
  lua_pushstring(L, key);
  return lua_rawget(L, t);
}

/* A string or nil (-> NULL) at idx; no number coercion, so a wrong field is noticed. */
const char *ls_opt_string(lua_State *L, int idx, int arg, const char *what) {
  int t = lua_type(L, idx);
  if (t == LUA_TNIL || t == LUA_TNONE) return NULL;
  if (t != LUA_TSTRING) ls_arg_fail(L, arg, what, idx);
  return lua_tostring(L, idx);
}

/* t[key] as a string or NULL. The string stays alive in t, which no code can change meanwhile. */
const char *ls_string_field(lua_State *L, int t, const char *key, int arg, const char *what) {
  ls_raw_field(L, t, key);
  const char *v = ls_opt_string(L, -1, arg, what);
  lua_pop(L, 1);
  return v;
}

int ls_is_integer_at(lua_State *L, int idx, lua_Integer *v) {
  int ok = 0;
  *v = lua_type(L, idx) == LUA_TNUMBER ? lua_tointegerx(L, idx, &ok) : 0;
  return ok;
}

/* An integer >= 1 or nil (-> 0) at idx: a session id. */
int64_t ls_opt_id(lua_State *L, int idx, int arg, const char *what) {
  lua_Integer v;
  if (lua_isnoneornil(L, idx)) return 0;
  if (!ls_is_integer_at(L, idx, &v) || v < 1) ls_arg_fail(L, arg, what, idx);
  return (int64_t)v;
}

/* A number or nil (-> NAN) at idx. */
double ls_opt_number(lua_State *L, int idx, int arg, const char *what) {
  if (lua_isnoneornil(L, idx)) return NAN;
  if (lua_type(L, idx) != LUA_TNUMBER) ls_arg_fail(L, arg, what, idx);
  return lua_tonumber(L, idx);
}

/* A time in unix seconds, or nil for the current time. */
time_t ls_opt_now(lua_State *L, int idx, int arg) {
  if (lua_isnoneornil(L, idx)) return time(NULL);
  double t = ls_opt_number(L, idx, arg, "now must be unix seconds (a number) or nil");
  if (!isfinite(t) || fabs(t) > 1e15) ls_arg_fail(L, arg, "now must be unix seconds", idx);
  return (time_t)t;
}

/* Pushes the fact ids of the list at idx (nil: none) joined by spaces, and returns them. Each id
** must be a non-empty string without blanks, since blanks separate them in the store. what names
** the list in messages: "answer.facts", or "cards[3].facts" when card is 3. */
const char *ls_joined_facts(lua_State *L, int idx, int arg, const char *what, int card) {
  luaL_Buffer b;
  idx = lua_absindex(L, idx);
  if (lua_isnoneornil(L, idx)) {
    lua_pushliteral(L, "");
    return lua_tostring(L, -1);
  }
  if (card) what = lua_pushfstring(L, "cards[%d].%s", card, what);
  if (!lua_istable(L, idx)) ls_arg_fail(L, arg, lua_pushfstring(L, "%s must be a list of fact ids", what), idx);
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
  luaL_buffinit(L, &b);
  for (lua_Integer i = 1; i <= n; i++) {
    if (i > 1) luaL_addchar(&b, ' ');
    size_t len;
    const char *f = (lua_rawgeti(L, idx, i) == LUA_TSTRING) ? lua_tolstring(L, -1, &len) : NULL;
    if (!f || len == 0 || strcspn(f, " \t\n") != len)
      luaL_argerror(L, arg, lua_pushfstring(L, "%s[%d] must be a fact id (a string without "
                                            "blanks)", what, (int)i));
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  return lua_tostring(L, -1);
}

/* ---- results ---- */

void ls_set_int(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

void ls_set_num(lua_State *L, const char *k, double v) {
  if (isnan(v)) return; /* unknown: the field stays nil */
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

void ls_set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

/* ---- the metatables ---- */

void ls_open_metatables(lua_State *L) {
  if (luaL_newmetatable(L, HELD_MT)) {
    lua_pushcfunction(L, held_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, held_gc);
    lua_setfield(L, -2, "__close");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
  }
  lua_pop(L, 1);
  luaL_newmetatable(L, BOX_MT);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

void ls_push_box(lua_State *L, store *s, hq_store_opener *open, void *ud) {
  box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->s = s;
  b->open = open;
  b->ud = ud;
  luaL_setmetatable(L, BOX_MT);
}
