/* patguard.c: refuses string pattern matches whose backtracking could run for seconds. */
/*
** A C function cannot be interrupted by a hook, so neither Ctrl-C nor the time limit can stop
** string.find(("a"):rep(2000), ".-.-b"), which backtracks through n^3 positions. Lua patterns
** have no alternation: the blow-up comes from several `.` items under `*`, `+` or `-`, each of
** which may swallow what the others want. We count those, estimate n^(k+1) steps (n^k when the
** pattern is anchored) and refuse the call above a fixed budget, with a message that says so.
*/
#include <math.h>
#include <string.h>

#include <lauxlib.h>

#include "patguard.h"

#define PATTERN_BUDGET 1e9 /* about a second of matching on this kind of machine */

/* How many `.` items in pattern p carry a backtracking quantifier. */
static int wild_quantifiers(const char *p, size_t len) {
  int k = 0;
  for (size_t i = 0; i < len; i++) {
    char c = p[i];
    if (c == '%') {
      i++;                           /* an escape or class is one item */
      if (i < len && (p[i] == 'b')) i += 2;
      continue;
    }
    if (c == '[') {                  /* a set: skip to its closing bracket */
      i++;
      if (i < len && p[i] == '^') i++;
      if (i < len && p[i] == ']') i++;
      while (i < len && p[i] != ']') {
        if (p[i] == '%') i++;
        i++;
      }
      continue;
    }
    if (c == '.' && i + 1 < len && (p[i + 1] == '*' || p[i + 1] == '+' || p[i + 1] == '-')) k++;
  }
  return k;
}

/* Raises an error if matching pattern (arg 2) against subject (arg 1) may cost too much. */
static void check_cost(lua_State *L, const char *fname) {
  size_t n, plen;
  const char *s = lua_tolstring(L, 1, &n);
  const char *p = lua_tolstring(L, 2, &plen);
  if (!s || !p) return;              /* Lua's own function reports the bad argument */
  int k = wild_quantifiers(p, plen);
  if (k == 0) return;
  double steps = pow((double)n, (double)(k + (p[0] == '^' ? 0 : 1)));
  if (steps > PATTERN_BUDGET)
    luaL_error(L, "%s: pattern too costly for a subject of %d bytes (%d wildcard repetitions); "
               "shorten the text or the pattern", fname, (int)n, k);
}

static int guarded(lua_State *L) {
  const char *fname = lua_tostring(L, lua_upvalueindex(2));
  int plain = strcmp(fname, "string.find") == 0 && lua_toboolean(L, 4);
  if (!plain) check_cost(L, fname);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

void hq_guard_patterns(lua_State *L, int strlib) {
  static const char *const names[] = {"find", "match", "gmatch", "gsub", NULL};
  strlib = lua_absindex(L, strlib);
  for (const char *const *n = names; *n; n++) {
    lua_getfield(L, strlib, *n);
    lua_pushfstring(L, "string.%s", *n);
    lua_pushcclosure(L, guarded, 2);
    lua_setfield(L, strlib, *n);
  }
}
