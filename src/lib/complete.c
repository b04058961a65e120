/* complete.c: halqa_complete, tab-completion candidates for the REPL — commands, their arguments, keywords,
** globals, fields. */
/*
** A Lua word under the cursor may be a dotted path ("parties.CM", "halqa.com", "s:up"): we walk
** it from the REPL's environment with raw reads (a frozen proxy is read through its real table),
** so completing never runs a script's metamethods, and offer the keys of the last table.
** After a command's name the words are its arguments, not Lua: lib/complete.lua offers its
** options and their values from the completer the command registered.
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

/* The arguments of the command whose name starts line: candidates from lib.complete's words(),
** called with the command's completer and the text after the name. Whole words come back; each
** is cut to the part from readline's word on (rl_start). Returns 1 when file names fit too. */
static int complete_arguments(hq_host *H, const char *line, size_t cmd_start, size_t cmd_end,
                              size_t rl_start, size_t end, void (*add)(void *, const char *), void *ud) {
  lua_State *L = H->L;
  int top = lua_gettop(L), files = 0;
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
  lua_pushlstring(L, line + cmd_start, cmd_end - cmd_start);
  if (lua_gettable(L, -2) != LUA_TTABLE || lua_getfield(L, -1, "complete") != LUA_TFUNCTION) {
    lua_settop(L, top);
    return 0; /* a command with no completer: its words are its own business */
  }
  int completer = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_BASE);
  lua_getfield(L, -1, "require");
  lua_pushliteral(L, "lib.complete");
  if (hq_docall(L, 1, 1) != LUA_OK || lua_getfield(L, -1, "words") != LUA_TFUNCTION) {
    lua_settop(L, top);
    return 0; /* a broken lib.complete offers nothing rather than printing over the line */
  }
  lua_pushvalue(L, completer);
  lua_pushlstring(L, line + cmd_end, end - cmd_end);
  if (hq_docall(L, 2, 3) == LUA_OK && lua_istable(L, -3) && lua_isinteger(L, -2)) {
    lua_Integer at = lua_tointeger(L, -2);
    size_t cut = at >= 0 && cmd_end + (size_t)at < rl_start ? rl_start - cmd_end - (size_t)at : 0;
    files = lua_toboolean(L, -1);
    lua_Integer n = luaL_len(L, -3);
    for (lua_Integer i = 1; i <= n; i++) {
      size_t len;
      if (lua_rawgeti(L, -3, i) == LUA_TSTRING) {
        const char *w = lua_tolstring(L, -1, &len);
        if (len >= cut) add(ud, w + cut);
      }
      lua_pop(L, 1);
    }
  }
  lua_settop(L, top);
  return files;
}

int halqa_is_command_line(halqa *h, const char *line, size_t end) {
  size_t start, len;
  return hq_command_word(h->H, line, &start, &len) && start + len < end;
}

int halqa_complete(halqa *h, const char *line, size_t rl_start, size_t end,
                   void (*add)(void *, const char *), void *ud) {
  hq_host *H = h->H;
  lua_State *L = H->L;
  int top = lua_gettop(L);
  size_t cstart, clen;
  if (hq_command_word(H, line, &cstart, &clen) && cstart + clen < end)
    return complete_arguments(H, line, cstart, cstart + clen, rl_start, end, add, ud);
  size_t start = end;
  while (start > 0 && is_word_char(line[start - 1])) start--;
  const char *word = line + start;
  size_t wlen = end - start;
  char buf[512];
  if (wlen >= sizeof buf) return 0;
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
    } else {
      for (const char *const *k = keywords; *k; k++)
        if (strncmp(*k, buf, wlen) == 0) add(ud, *k);
    }
    offer_keys(L, env, "", 0, buf, add, ud);
    offer_keys(L, base, "", 0, buf, add, ud);
    lua_settop(L, top);
    return 0;
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
  return 0;
}
