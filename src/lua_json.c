/* lua_json.c: halqa.json(value [, pretty]) — Lua values as JSON text, written straight into a buffer. */
/*
** Deterministic output for exports and --json: object keys are sorted; a table whose keys are
** exactly 1..n is an array (an empty table is []); frozen tables are read through. Functions,
** userdata and cycles cannot be encoded and raise an error naming what was found.
**
** The text is the one cJSON printed when halqa built a cJSON tree and printed it (exports
** stay byte for byte the same): pretty objects put each member on its own line, indented by a
** tab per level, "key":<tab>value; pretty arrays stay on one line, ", " between elements;
** numbers are %1.15g, or %1.17g when that does not read back as the same double; strings
** escape ", \, \b \f \n \r \t and other control bytes as \u00xx, stop at an embedded NUL,
** and keep every other byte. Writing the text directly skips the tree: a question of the bank
** costs a few microseconds instead of about twenty.
*/
#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#define MAX_DEPTH 64

/* The text being written, in a userdata whose __gc frees it, so an error while encoding (a
** function value, say) does not leak it. Memory comes from the state's allocator (the cap). */
typedef struct jbuf {
  char *p;
  size_t len, cap;
  lua_State *L;
} jbuf;

static void release(lua_State *L, jbuf *b) {
  if (b->p) {
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    f(ud, b->p, b->cap, 0);
    b->p = NULL;
  }
}

static int jbuf_gc(lua_State *L) {
  release(L, lua_touserdata(L, 1));
  return 0;
}

/* Makes room for n more bytes; raises when the allocator refuses. */
static void grow(jbuf *b, size_t n) {
  if (b->cap - b->len >= n) return;
  size_t cap = b->cap ? b->cap : 256;
  while (cap - b->len < n) cap *= 2;
  void *ud;
  lua_Alloc f = lua_getallocf(b->L, &ud);
  char *p = f(ud, b->p, b->p ? b->cap : 0, cap);
  if (!p) luaL_error(b->L, "not enough memory for JSON text");
  b->p = p;
  b->cap = cap;
}

static void put(jbuf *b, const char *s, size_t n) {
  grow(b, n);
  memcpy(b->p + b->len, s, n);
  b->len += n;
}

static void putc_(jbuf *b, char c) {
  grow(b, 1);
  b->p[b->len++] = c;
}

static void tabs(jbuf *b, int n) {
  grow(b, (size_t)n);
  memset(b->p + b->len, '\t', (size_t)n);
  b->len += (size_t)n;
}

/* A string, quoted and escaped; like cJSON, it ends at the first NUL. */
static void put_string(jbuf *b, const char *s) {
  size_t n = strlen(s);
  grow(b, n + 2);
  b->p[b->len++] = '"';
  const char *run = s; /* bytes not yet copied */
  for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
    if (*c > 31 && *c != '"' && *c != '\\') continue;
    put(b, run, (size_t)((const char *)c - run));
    char esc[8];
    switch (*c) {
      case '"': put(b, "\\\"", 2); break;
      case '\\': put(b, "\\\\", 2); break;
      case '\b': put(b, "\\b", 2); break;
      case '\f': put(b, "\\f", 2); break;
      case '\n': put(b, "\\n", 2); break;
      case '\r': put(b, "\\r", 2); break;
      case '\t': put(b, "\\t", 2); break;
      default:
        snprintf(esc, sizeof esc, "\\u%04x", *c);
        put(b, esc, 6);
    }
    run = (const char *)c + 1;
  }
  put(b, run, strlen(run));
  putc_(b, '"');
}

/* Whether a and b are the same double but for the last bit or so (cJSON's compare_double). */
static int same_double(double a, double b) {
  double max = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
  return fabs(a - b) <= max * DBL_EPSILON;
}

/* A number: null for NaN and infinities; %1.15g when it reads back as the same double, else
** %1.17g; the decimal point is '.' whatever the locale. A whole number below 1e15 prints as
** its digits either way, so it skips printf. */
static void put_number(jbuf *b, double d) {
  char text[32];
  int n;
  if (isnan(d) || isinf(d)) {
    n = snprintf(text, sizeof text, "null");
  } else if (d > -1e15 && d < 1e15 && d == (double)(long long)d && !(d == 0 && signbit(d))) {
    n = snprintf(text, sizeof text, "%lld", (long long)d);
  } else {
    double back = 0;
    n = snprintf(text, sizeof text, "%1.15g", d);
    if (sscanf(text, "%lg", &back) != 1 || !same_double(back, d))
      n = snprintf(text, sizeof text, "%1.17g", d);
    char point = localeconv()->decimal_point[0];
    for (int i = 0; i < n; i++)
      if (text[i] == point) text[i] = '.';
  }
  put(b, text, (size_t)n);
}

static void encode(lua_State *L, int idx, jbuf *b, int pretty, int depth);

/* A member of an object being written: its key as a string (up to any NUL, as cJSON read
** it), whether that is the whole key, where its value is on the stack (0: none, null), and its
** place in the table's traversal. */
typedef struct member {
  const char *key;
  int whole;
  int value;
  int order;
} member;

static int by_key(const void *a, const void *b) {
  return strcmp(((const member *)a)->key, ((const member *)b)->key);
}

/* Writes the table at idx (a real table, not a proxy) at nesting depth `depth`. */
static void encode_table(lua_State *L, int idx, jbuf *b, int pretty, int depth) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;
  int is_array = 1;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    count++;
    if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 1 || lua_tointeger(L, -2) > n) is_array = 0;
  }
  if (count != n) is_array = 0;
  if (is_array) {
    putc_(b, '[');
    for (lua_Integer i = 1; i <= n; i++) {
      if (i > 1) put(b, ", ", pretty ? 2 : 1);
      lua_rawgeti(L, idx, i);
      encode(L, -1, b, pretty, depth + 1);
      lua_pop(L, 1);
    }
    putc_(b, ']');
    return;
  }
  /* An object: each key as a string and its value are pushed, and the members sorted by key. */
  int top = lua_gettop(L);
  if (count > (INT_MAX - 64) / 2) luaL_error(L, "halqa.json: a table too large to encode");
  luaL_checkstack(L, (int)(2 * count) + 8, "JSON encoding");
  member *m = lua_newuserdatauv(L, sizeof(member) * (size_t)(count ? count : 1), 0);
  int k = 0;
  for (lua_pushnil(L); lua_next(L, idx);) {
    int t = lua_type(L, -2);
    if (t != LUA_TSTRING && t != LUA_TNUMBER) luaL_error(L, "halqa.json: an object key must be a string or a number");
    lua_pushvalue(L, -2);
    size_t len;
    m[k].key = lua_tolstring(L, -1, &len); /* converts the copy, not the key lua_next needs */
    m[k].whole = strlen(m[k].key) == len;
    lua_rotate(L, -3, 1);           /* key string, key, value */
    lua_rotate(L, -2, 1);           /* key string, value, key */
    m[k].value = lua_gettop(L) - 1;
    m[k].order = k;
    k++;
  }
  qsort(m, (size_t)k, sizeof *m, by_key);
  /* The value printed under a key string is that of the key whose whole string it is, the one
  ** traversed last when two have one string (1 and "1"), and null when none has (a key cut at
  ** a NUL): what cJSON printed when the strings were mapped back to keys through a table. */
  for (int i = 0; i < k;) {
    int j = i, last = -1;
    while (j + 1 < k && strcmp(m[j + 1].key, m[i].key) == 0) j++;
    for (int x = i; x <= j; x++)
      if (m[x].whole && (last < 0 || m[x].order > m[last].order)) last = x;
    int value = last < 0 ? 0 : m[last].value;
    for (int x = i; x <= j; x++) m[x].value = value;
    i = j + 1;
  }
  putc_(b, '{');
  if (pretty) putc_(b, '\n');
  for (int i = 0; i < k; i++) {
    if (pretty) tabs(b, depth + 1);
    put_string(b, m[i].key);
    put(b, ":\t", pretty ? 2 : 1);
    if (m[i].value) encode(L, m[i].value, b, pretty, depth + 1);
    else put(b, "null", 4);
    if (i + 1 < k) putc_(b, ',');
    if (pretty) putc_(b, '\n');
  }
  if (pretty) tabs(b, depth);
  putc_(b, '}');
  lua_settop(L, top);
}

/* Writes the value at idx, nested `depth` tables deep. */
static void encode(lua_State *L, int idx, jbuf *b, int pretty, int depth) {
  idx = lua_absindex(L, idx);
  if (depth > MAX_DEPTH) luaL_error(L, "halqa.json: nested too deeply (a cycle?)");
  luaL_checkstack(L, 8, "JSON encoding");
  switch (lua_type(L, idx)) {
    case LUA_TNIL: put(b, "null", 4); break;
    case LUA_TBOOLEAN:
      if (lua_toboolean(L, idx)) put(b, "true", 4);
      else put(b, "false", 5);
      break;
    case LUA_TNUMBER: put_number(b, lua_tonumber(L, idx)); break;
    case LUA_TSTRING: put_string(b, lua_tostring(L, idx)); break;
    case LUA_TTABLE: {
      int pushed = hq_push_frozen_target(L, idx);
      encode_table(L, pushed ? lua_gettop(L) : idx, b, pretty, depth);
      if (pushed) lua_pop(L, 1);
      break;
    }
    default:
      luaL_error(L, "halqa.json: cannot encode a %s value", luaL_typename(L, idx));
  }
}

static int l_json(lua_State *L) {
  luaL_checkany(L, 1);
  int pretty = lua_toboolean(L, 2);
  lua_settop(L, 1);
  jbuf *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->p = NULL;
  b->len = b->cap = 0;
  b->L = L;
  if (luaL_newmetatable(L, "halqa.jsonbuf")) {
    lua_pushcfunction(L, jbuf_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  encode(L, 1, b, pretty, 0);
  lua_pushlstring(L, b->p, b->len);
  release(L, b);
  return 1;
}

void hq_open_json(lua_State *L, int api) {
  api = lua_absindex(L, api);
  lua_pushcfunction(L, l_json);
  lua_setfield(L, api, "json");
}
