/* lua_random.c: halqa.random(seed), a seeded generator so that a seed reproduces a quiz. */
/*
** xoshiro256** seeded through splitmix64, the same numbers on every machine, unlike math.random
** whose algorithm and seeding belong to the Lua build. A seed may be an integer or a string
** (hashed with FNV-1a), so a quiz can derive one generator per generator file from one seed.
**   local rng = halqa.random(42)
**   rng:int(lo, hi)  rng:float()  rng:pick(list)  rng:shuffle(list) -> new list  rng:sample(list, k)
*/
#include <stdint.h>
#include <string.h>

#include <lauxlib.h>

#include "bindings.h"

#define RNG_META "halqa.random"

typedef struct rng {
  uint64_t s[4];
} rng;

static uint64_t splitmix(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

static uint64_t next(rng *r) {
  uint64_t *s = r->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

/* A uniform integer in [0, n) without modulo bias; n == 0 stands for 2^64 (the whole range,
** which hi - lo + 1 wraps to when the range is every integer). */
static uint64_t below(rng *r, uint64_t n) {
  if (n == 0) return next(r);
  uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t x;
  do x = next(r); while (x >= limit);
  return x % n;
}

static rng *check(lua_State *L) {
  return luaL_checkudata(L, 1, RNG_META);
}

static int r_int(lua_State *L) {
  rng *r = check(L);
  lua_Integer lo = luaL_checkinteger(L, 2), hi = luaL_checkinteger(L, 3);
  luaL_argcheck(L, lo <= hi, 3, "empty range");
  /* in unsigned arithmetic: hi - lo overflows lua_Integer for ranges wider than half of it */
  uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
  lua_pushinteger(L, (lua_Integer)((uint64_t)lo + below(r, span)));
  return 1;
}

static int r_float(lua_State *L) {
  lua_pushnumber(L, (lua_Number)(next(check(L)) >> 11) * 0x1.0p-53);
  return 1;
}

/* Replaces the list at idx by the real table behind it when it is a read-only proxy (the host's
** weak table proxy -> real table is upvalue 1 of every method), and returns its length, raw: a
** script's __len could claim 2^32 elements and keep the C loops below busy without allocating
** (C cannot be stopped by the time limit). A raw length is backed by as many elements in memory,
** so the memory cap bounds every loop over it; elements are then read raw as well. */
static lua_Integer list_len(lua_State *L, int idx) {
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_pushvalue(L, idx);
  if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TTABLE) lua_replace(L, idx);
  else lua_pop(L, 1);
  return (lua_Integer)lua_rawlen(L, idx);
}

static int r_pick(lua_State *L) {
  rng *r = check(L);
  lua_Integer n = list_len(L, 2);
  if (n == 0) return 0;
  lua_rawgeti(L, 2, 1 + (lua_Integer)below(r, (uint64_t)n));
  return 1;
}

/* A new list with the first k elements of a Fisher-Yates shuffle of list. */
static int shuffled(lua_State *L, rng *r, lua_Integer k) {
  lua_Integer n = list_len(L, 2);
  if (k > n) k = n;
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, 2, i);
    lua_rawseti(L, -2, i);
  }
  for (lua_Integer i = 1; i <= k; i++) {
    lua_Integer j = i + (lua_Integer)below(r, (uint64_t)(n - i + 1));
    lua_rawgeti(L, -1, i);
    lua_rawgeti(L, -2, j);
    lua_rawseti(L, -3, i);
    lua_rawseti(L, -2, j);
  }
  for (lua_Integer i = n; i > k; i--) {
    lua_pushnil(L);
    lua_rawseti(L, -2, i);
  }
  return 1;
}

static int r_shuffle(lua_State *L) {
  return shuffled(L, check(L), list_len(L, 2));
}

static int r_sample(lua_State *L) {
  rng *r = check(L);
  lua_Integer k = luaL_checkinteger(L, 3);
  luaL_argcheck(L, k >= 0, 3, "a count of at least 0");
  return shuffled(L, r, k);
}

/* halqa.random(seed): seed is an integer or a string. */
static int l_random(lua_State *L) {
  uint64_t seed;
  if (lua_type(L, 1) == LUA_TSTRING) {
    size_t len;
    const unsigned char *s = (const unsigned char *)lua_tolstring(L, 1, &len);
    seed = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) seed = (seed ^ s[i]) * 0x100000001b3ull;
  } else {
    seed = (uint64_t)luaL_checkinteger(L, 1);
  }
  rng *r = lua_newuserdatauv(L, sizeof *r, 0);
  for (int i = 0; i < 4; i++) r->s[i] = splitmix(&seed);
  luaL_setmetatable(L, RNG_META);
  return 1;
}

void hq_open_random(lua_State *L, int api, int frozen) {
  static const luaL_Reg methods[] = {
    {"int", r_int}, {"float", r_float}, {"pick", r_pick}, {"shuffle", r_shuffle},
    {"sample", r_sample}, {NULL, NULL}
  };
  api = lua_absindex(L, api);
  frozen = lua_absindex(L, frozen);
  if (luaL_newmetatable(L, RNG_META)) {
    luaL_newlibtable(L, methods);
    lua_pushvalue(L, frozen);
    luaL_setfuncs(L, methods, 1);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "random generator");
    lua_setfield(L, -2, "__metatable");
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, l_random);
  lua_setfield(L, api, "random");
}
