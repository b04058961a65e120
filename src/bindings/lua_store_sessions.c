/* lua_store_sessions.c: halqa.store's sessions (settings stored as JSON), answers and history. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>

#include "lua_store_internal.h"

#define MAX_DEPTH 16                /* of a settings table */

/* ---- settings as JSON ---- */

static void put_bytes(lua_State *L, text *t, const char *p, size_t n) {
  if (t->n + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap : 64;
    while (cap < t->n + n + 1) cap *= 2;
    char *q = realloc(t->p, cap);
    if (!q) luaL_error(L, "not enough memory");
    t->p = q;
    t->cap = cap;
  }
  memcpy(t->p + t->n, p, n);
  t->n += n;
  t->p[t->n] = '\0';
}

static void put_str(lua_State *L, text *t, const char *s) {
  put_bytes(L, t, s, strlen(s));
}

static void put_quoted(lua_State *L, text *t, const char *s, size_t len) {
  put_str(L, t, "\"");
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    char esc[8];
    if (c == '"' || c == '\\') {
      esc[0] = '\\';
      esc[1] = (char)c;
      put_bytes(L, t, esc, 2);
    } else if (c < 0x20) {
      snprintf(esc, sizeof esc, "\\u%04x", c);
      put_str(L, t, esc);
    } else {
      put_bytes(L, t, (const char *)&c, 1);
    }
  }
  put_str(L, t, "\"");
}

static int by_string(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Writes the value at idx as JSON: keys sorted, a table with keys exactly 1..n is an array. */
static void encode(lua_State *L, int idx, text *t, int depth) {
  char num[64];
  idx = lua_absindex(L, idx);
  luaL_checkstack(L, 6, "settings nested too deeply");
  switch (lua_type(L, idx)) {
  case LUA_TNIL: put_str(L, t, "null"); return;
  case LUA_TBOOLEAN: put_str(L, t, lua_toboolean(L, idx) ? "true" : "false"); return;
  case LUA_TSTRING: {
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    put_quoted(L, t, s, len);
    return;
  }
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) {
      snprintf(num, sizeof num, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
    } else {
      double x = lua_tonumber(L, idx);
      if (!isfinite(x)) luaL_error(L, "settings: cannot store %f in JSON", x);
      snprintf(num, sizeof num, "%.17g", x);
    }
    put_str(L, t, num);
    return;
  case LUA_TTABLE: break;
  default: luaL_error(L, "settings: cannot store a %s", luaL_typename(L, idx));
  }
  if (depth >= MAX_DEPTH) luaL_error(L, "settings: nested more than %d deep", MAX_DEPTH);
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;
  int array = 1;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    lua_Integer k;
    count++;
    if (!ls_is_integer_at(L, -2, &k) || k < 1 || k > n) array = 0;
  }
  if (array && count == n) {
    put_str(L, t, "[");
    for (lua_Integer i = 1; i <= n; i++) {
      if (i > 1) put_str(L, t, ",");
      lua_rawgeti(L, idx, i);
      encode(L, -1, t, depth + 1);
      lua_pop(L, 1);
    }
    put_str(L, t, "]");
    return;
  }
  /* The keys (strings, alive as keys of the table) sorted in a userdata array. */
  const char **keys = lua_newuserdatauv(L, sizeof(char *) * (size_t)(count ? count : 1), 0);
  size_t nk = 0;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    /* checked before lua_tostring, which would turn a number key into a string under lua_next */
    if (lua_type(L, -2) != LUA_TSTRING)
      luaL_error(L, "settings: keys must be strings (or a list's 1..n), got a %s",
                 luaL_typename(L, -2));
    keys[nk++] = lua_tostring(L, -2);
  }
  qsort(keys, nk, sizeof *keys, by_string);
  put_str(L, t, "{");
  for (size_t i = 0; i < nk; i++) {
    if (i) put_str(L, t, ",");
    put_quoted(L, t, keys[i], strlen(keys[i]));
    put_str(L, t, ":");
    ls_raw_field(L, idx, keys[i]);
    encode(L, -1, t, depth + 1);
    lua_pop(L, 1);
  }
  put_str(L, t, "}");
  lua_pop(L, 1); /* keys */
}

/* begin_session(kind [, settings]) -> session id. settings is stored as JSON; settings.seed,
** when present, also in its own column. */
int l_begin_session(lua_State *L) {
  store *s = ls_store_of(L);
  const char *kind = luaL_checkstring(L, 1);
  const char *seed = NULL, *json = NULL;
  int64_t id = 0;
  lua_settop(L, 2);
  held *h = ls_new_held(L, HELD_TEXT); /* 3 */
  if (!lua_isnil(L, 2)) {
    if (!lua_istable(L, 2)) ls_arg_fail(L, 2, "settings must be a table or nil", 2);
    int t = ls_raw_field(L, 2, "seed"); /* 4 */
    if (t == LUA_TSTRING || t == LUA_TNUMBER) seed = lua_tostring(L, 4); /* a copy on the stack */
    else if (t != LUA_TNIL) ls_arg_fail(L, 2, "settings.seed must be a string or number", 4);
    encode(L, 2, &h->u.buf, 0);
    json = h->u.buf.p;
  }
  int rc = store_begin_session(s, kind, seed, json, time(NULL), &id);
  ls_release(L, 3);
  if (rc != STORE_OK) return ls_raise_error(L, s);
  lua_pushinteger(L, id);
  return 1;
}

/* end_session(id [, notes]) */
int l_end_session(lua_State *L) {
  store *s = ls_store_of(L);
  int64_t id = ls_opt_id(L, 1, 1, "session must be a session id");
  const char *notes = ls_opt_string(L, 2, 2, "notes must be a string or nil");
  if (!id) ls_arg_fail(L, 1, "session must be a session id", 1);
  if (store_end_session(s, id, notes, time(NULL)) != STORE_OK) return ls_raise_error(L, s);
  return 0;
}

/* record_answer(session, { question=, facts=, given=, verdict=, score=, seconds=, player=,
** now= }) -> answer id. session may be nil (an answer outside any session). */
int l_record_answer(lua_State *L) {
  store *s = ls_store_of(L);
  store_answer_in a;
  int64_t id = 0;
  memset(&a, 0, sizeof a);
  a.session = ls_opt_id(L, 1, 1, "session must be a session id or nil");
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  a.question = ls_string_field(L, 2, "question", 2, "answer.question must be a string");
  if (!a.question) luaL_argerror(L, 2, "answer.question (the question id) is missing");
  a.given = ls_string_field(L, 2, "given", 2, "answer.given must be a string or nil");
  a.verdict = ls_string_field(L, 2, "verdict", 2, "answer.verdict must be a string or nil");
  a.player = ls_string_field(L, 2, "player", 2, "answer.player must be a string or nil");
  ls_raw_field(L, 2, "score");
  a.score = ls_opt_number(L, -1, 2, "answer.score must be a number or nil");
  ls_raw_field(L, 2, "seconds");
  a.seconds = ls_opt_number(L, -1, 2, "answer.seconds must be a number or nil");
  ls_raw_field(L, 2, "now");
  time_t now = ls_opt_now(L, -1, 2);
  ls_raw_field(L, 2, "facts");
  a.facts = ls_joined_facts(L, -1, 2, "answer.facts", 0); /* stays on the stack */
  if (store_record_answer(s, &a, now, &id) != STORE_OK) return ls_raise_error(L, s);
  lua_pushinteger(L, id);
  return 1;
}

/* Pushes a list of events (reviews and answers) as tables. */
static void push_events(lua_State *L, const store_events *list) {
  lua_createtable(L, (int)list->n, 0);
  for (size_t i = 0; i < list->n; i++) {
    const store_event *e = &list->v[i];
    lua_createtable(L, 0, 12);
    ls_set_str(L, "kind", e->is_answer ? "answer" : "review");
    ls_set_int(L, "time", e->time);
    ls_set_int(L, "day", e->day);
    if (e->session) ls_set_int(L, "session", e->session);
    if (e->is_answer) {
      ls_set_str(L, "question", e->item);
      ls_set_str(L, "given", e->text);
      ls_set_str(L, "verdict", e->verdict);
      ls_set_str(L, "player", e->player);
      ls_set_num(L, "score", e->score);
      ls_set_num(L, "seconds", e->seconds);
    } else {
      ls_set_str(L, "card", e->item);
      ls_set_int(L, "rating", e->rating);
      ls_set_int(L, "elapsed_days", e->elapsed_days);
      ls_set_int(L, "interval", e->interval);
      ls_set_num(L, "stability", e->stability);
      ls_set_num(L, "difficulty", e->difficulty);
      ls_set_str(L, "graded", e->graded);
      ls_set_str(L, "answer", e->text);
    }
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* history(fact_id) -> { {kind="review"|"answer", time=, day=, ...}, ... } oldest first */
int l_history(lua_State *L) {
  store *s = ls_store_of(L);
  const char *fact = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  held *h = ls_new_held(L, HELD_EVENTS); /* 2 */
  if (store_history(s, fact, &h->u.events) != STORE_OK) return ls_raise_error(L, s);
  push_events(L, &h->u.events);
  ls_release(L, 2);
  return 1;
}

/* session_answers(session) -> { {kind="answer", question=, given=, verdict=, ...}, ... } in the
** order they were recorded */
int l_session_answers(lua_State *L) {
  store *s = ls_store_of(L);
  int64_t id = ls_opt_id(L, 1, 1, "session must be a session id");
  if (!id) ls_arg_fail(L, 1, "session must be a session id", 1);
  lua_settop(L, 1);
  held *h = ls_new_held(L, HELD_EVENTS); /* 2 */
  if (store_session_answers(s, id, &h->u.events) != STORE_OK) return ls_raise_error(L, s);
  push_events(L, &h->u.events);
  ls_release(L, 2);
  return 1;
}

/* unfinished(kind [, contains]) -> { id =, started =, seed =, settings = table } for the latest
** session of kind that never ended and whose settings JSON contains `contains`, or nil */
int l_unfinished(lua_State *L) {
  store *s = ls_store_of(L);
  const char *kind = luaL_checkstring(L, 1);
  const char *contains = luaL_optstring(L, 2, "");
  lua_settop(L, 2);
  held *h = ls_new_held(L, HELD_SESSION); /* 3 */
  if (store_unfinished_session(s, kind, contains, &h->u.session) != STORE_OK) return ls_raise_error(L, s);
  const store_session_info *info = &h->u.session;
  if (!info->id) {
    lua_pushnil(L);
    return 1;
  }
  lua_createtable(L, 0, 4);
  ls_set_int(L, "id", info->id);
  ls_set_int(L, "started", info->started);
  ls_set_str(L, "seed", info->seed);
  if (info->settings) {
    hq_push_json_text(L, info->settings);
    lua_setfield(L, -2, "settings");
  }
  ls_release(L, 3);
  return 1;
}
