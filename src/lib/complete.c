/* complete.c: halqa_complete, tab-completion candidates for the REPL — commands, keywords,
** globals, fields. */
/*
** The word under the cursor may be a dotted path ("parties.CM", "halqa.com", "s:up"): we walk
** it from the REPL's environment with raw reads (a frozen proxy is read through its real table),
** so completing never runs a script's metamethods, and offer the keys of the last table.
*/
#include <string.h>

#include "eval.h"
#include "freeze.h"
#include "handle.h"
#include "registry.h"

static const char *const keywords[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
  "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while", NULL
};

static int is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':';
}

/* Offers the string keys of the table at idx (or of its real table, if frozen) that start with
** part, each prefixed by prefix (the path up to and including the last separator). */
static void offer_keys(lua_State *L, int idx, const char *prefix, size_t plen, const char *part,
                       void (*add)(void *, const char *), void *ud) {
  idx = lua_absindex(L, idx);
  int pushed = hq_push_frozen_target(L, idx);
  int t = pushed ? lua_gettop(L) : idx;
  size_t n = strlen(part);
  for (lua_pushnil(L); lua_next(L, t); lua_pop(L, 1)) {
    if (lua_type(L, -2) != LUA_TSTRING) continue;
    const char *k = lua_tostring(L, -2);
    if (strncmp(k, part, n) != 0 || k[0] == '_') continue;
    lua_pushlstring(L, prefix, plen);
    lua_pushstring(L, k);
    lua_concat(L, 2);
    add(ud, lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  if (pushed) lua_pop(L, 1);
}

/* Pushes field name (len bytes) of the table at idx, read raw (through a proxy); nil if none. */
static void raw_field(lua_State *L, int idx, const char *name, size_t len) {
  idx = lua_absindex(L, idx);
  int pushed = hq_push_frozen_target(L, idx);
  lua_pushlstring(L, name, len);
  lua_rawget(L, pushed ? -2 : idx);
  if (pushed) lua_remove(L, -2);
}

void halqa_complete(halqa *h, const char *line, size_t end, void (*add)(void *, const char *), void *ud) {
  hq_host *H = h->H;
  lua_State *L = H->L;
  int top = lua_gettop(L);
  size_t start = end;
  while (start > 0 && is_word_char(line[start - 1])) start--;
  const char *word = line + start;
  size_t wlen = end - start;
  char buf[512];
  if (wlen >= sizeof buf) return;
  memcpy(buf, word, wlen);
  buf[wlen] = '\0';
  char *sep = NULL;
  for (char *p = buf; *p; p++)
    if (*p == '.' || *p == ':') sep = p;
  hq_push_repl_env(L);
  int env = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_BASE);
  int base = lua_gettop(L);
  if (!sep) {
    int first = strspn(line, " \t") == start;
    if (first) {
      lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
      offer_keys(L, -1, "", 0, buf, add, ud);
      for (const char *const *k = keywords; *k; k++)
        if (strncmp(*k, buf, wlen) == 0) add(ud, *k);
    } else if (strncmp(line + strspn(line, " \t"), "help ", 5) == 0) {
      lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
      offer_keys(L, -1, "", 0, buf, add, ud);
      lua_settop(L, top);
      return;
    } else {
      for (const char *const *k = keywords; *k; k++)
        if (strncmp(*k, buf, wlen) == 0) add(ud, *k);
    }
    offer_keys(L, env, "", 0, buf, add, ud);
    offer_keys(L, base, "", 0, buf, add, ud);
    lua_settop(L, top);
    return;
  }
  /* Walk the path: the first name from the environment or the base, then fields. */
  const char *p = buf;
  size_t n = strcspn(p, ".:");
  raw_field(L, env, p, n);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    raw_field(L, base, p, n);
  }
  p += n;
  while (p < sep && lua_type(L, -1) == LUA_TTABLE) {
    p++;
    n = strcspn(p, ".:");
    raw_field(L, -1, p, n);
    lua_remove(L, -2);
    p += n;
  }
  if (lua_type(L, -1) == LUA_TTABLE) offer_keys(L, -1, buf, (size_t)(sep - buf) + 1, sep + 1, add, ud);
  lua_settop(L, top);
}
