/* lua_store.c: halqa.store — record answers and reviews, read due cards, history and stats. */
/*
** Argument tables are read with raw access, so a hostile __index never runs here. Results come
** back from store.c in C memory; each lands in a "held" userdata (created empty first, with
** __gc) before the call, so a Lua error while the result is turned into tables (out of memory)
** frees it anyway. store.c resets its statements before it returns, so no SQLite statement is
** ever left running when this file raises.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>

#include "lua_store.h"

#define BOX_MT "halqa.store"        /* the upvalue holding the store pointer */
#define HELD_MT "halqa.store.held"  /* C results awaiting conversion */
#define MAX_DEPTH 16                /* of a settings table */
#define WEAKEST 10                  /* facts listed by stats() */
#define DEFAULT_DAYS 30             /* stats() window */

typedef struct box {
  store *s;
} box;

/* A growable byte buffer (the settings JSON). */
typedef struct text {
  char *p;
  size_t n, cap;
} text;

enum { HELD_CARDS, HELD_EVENTS, HELD_STATS, HELD_TEXT, HELD_STRING };

typedef struct held {
  int kind;
  union {
    store_cards cards;
    store_events events;
    store_stats stats;
    text buf;
    char *string;
  } u;
} held;

static int held_gc(lua_State *L) {
  held *h = luaL_checkudata(L, 1, HELD_MT);
  switch (h->kind) {
  case HELD_CARDS: store_cards_free(&h->u.cards); break;
  case HELD_EVENTS: store_events_free(&h->u.events); break;
  case HELD_STATS: store_stats_free(&h->u.stats); break;
  case HELD_TEXT: free(h->u.buf.p); break;
  case HELD_STRING: free(h->u.string); break;
  }
  memset(&h->u, 0, sizeof h->u); /* freeing twice (explicitly, then __gc) is harmless */
  return 0;
}

/* Pushes an empty held userdata of the given kind: safe to collect at any moment. */
static held *new_held(lua_State *L, int kind) {
  held *h = lua_newuserdatauv(L, sizeof *h, 0);
  memset(h, 0, sizeof *h);
  h->kind = kind;
  luaL_setmetatable(L, HELD_MT);
  return h;
}

/* Frees the held result at idx now instead of at the next collection. */
static void release(lua_State *L, int idx) {
  lua_pushcfunction(L, held_gc);
  lua_pushvalue(L, idx);
  lua_call(L, 1, 0);
}

static store *store_of(lua_State *L) {
  box *b = luaL_testudata(L, lua_upvalueindex(1), BOX_MT);
  if (!b || !b->s) luaL_error(L, "halqa.store: no progress store is open");
  return b->s;
}

/* Raises the store's last error: "halqa.store.review: no card 'x' in the store". */
static int raise_error(lua_State *L, store *s) {
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
static int arg_fail(lua_State *L, int arg, const char *what, int idx) {
  idx = lua_absindex(L, idx);
  return luaL_argerror(L, arg, lua_pushfstring(L, "%s, got %s", what, shown(L, idx)));
}

/* Pushes t[key] without metamethods; returns its type. */
static int raw_field(lua_State *L, int t, const char *key) {
  lua_pushstring(L, key);
  return lua_rawget(L, t);
}

/* A string or nil (-> NULL) at idx; no number coercion, so a wrong field is noticed. */
static const char *opt_string(lua_State *L, int idx, int arg, const char *what) {
  int t = lua_type(L, idx);
  if (t == LUA_TNIL || t == LUA_TNONE) return NULL;
  if (t != LUA_TSTRING) arg_fail(L, arg, what, idx);
  return lua_tostring(L, idx);
}

/* t[key] as a string or NULL. The string stays alive in t, which no code can change meanwhile. */
static const char *string_field(lua_State *L, int t, const char *key, int arg, const char *what) {
  raw_field(L, t, key);
  const char *v = opt_string(L, -1, arg, what);
  lua_pop(L, 1);
  return v;
}

static int is_integer_at(lua_State *L, int idx, lua_Integer *v) {
  int ok = 0;
  *v = lua_type(L, idx) == LUA_TNUMBER ? lua_tointegerx(L, idx, &ok) : 0;
  return ok;
}

/* An integer >= 1 or nil (-> 0) at idx: a session id. */
static int64_t opt_id(lua_State *L, int idx, int arg, const char *what) {
  lua_Integer v;
  if (lua_isnoneornil(L, idx)) return 0;
  if (!is_integer_at(L, idx, &v) || v < 1) arg_fail(L, arg, what, idx);
  return (int64_t)v;
}

/* A number or nil (-> NAN) at idx. */
static double opt_number(lua_State *L, int idx, int arg, const char *what) {
  if (lua_isnoneornil(L, idx)) return NAN;
  if (lua_type(L, idx) != LUA_TNUMBER) arg_fail(L, arg, what, idx);
  return lua_tonumber(L, idx);
}

/* A time in unix seconds, or nil for the current time. */
static time_t opt_now(lua_State *L, int idx, int arg) {
  if (lua_isnoneornil(L, idx)) return time(NULL);
  double t = opt_number(L, idx, arg, "now must be unix seconds (a number) or nil");
  if (!isfinite(t) || fabs(t) > 1e15) arg_fail(L, arg, "now must be unix seconds", idx);
  return (time_t)t;
}

static int opt_limit(lua_State *L, int idx, int arg) {
  lua_Integer v;
  if (lua_isnoneornil(L, idx)) return -1;
  if (!is_integer_at(L, idx, &v) || v < 0 || v > 1000000000)
    arg_fail(L, arg, "limit must be an integer >= 0 or nil", idx);
  return (int)v;
}

/* Pushes the fact ids of the list at idx (nil: none) joined by spaces, and returns them. Each id
** must be a non-empty string without blanks, since blanks separate them in the store. what names
** the list in messages: "answer.facts", or "cards[3].facts" when card is 3. */
static const char *joined_facts(lua_State *L, int idx, int arg, const char *what, int card) {
  luaL_Buffer b;
  idx = lua_absindex(L, idx);
  if (lua_isnoneornil(L, idx)) {
    lua_pushliteral(L, "");
    return lua_tostring(L, -1);
  }
  if (card) what = lua_pushfstring(L, "cards[%d].%s", card, what);
  if (!lua_istable(L, idx)) arg_fail(L, arg, lua_pushfstring(L, "%s must be a list of fact ids", what), idx);
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
    if (!is_integer_at(L, -2, &k) || k < 1 || k > n) array = 0;
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
    raw_field(L, idx, keys[i]);
    encode(L, -1, t, depth + 1);
    lua_pop(L, 1);
  }
  put_str(L, t, "}");
  lua_pop(L, 1); /* keys */
}

/* ---- results ---- */

static void set_int(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, double v) {
  if (isnan(v)) return; /* unknown: the field stays nil */
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

/* Pushes a list of the blank-separated ids in s. */
static void push_facts(lua_State *L, const char *s) {
  lua_newtable(L);
  lua_Integer i = 0;
  for (;;) {
    s += strspn(s, " \t\n");
    if (!*s) break;
    size_t len = strcspn(s, " \t\n");
    lua_pushlstring(L, s, len);
    lua_rawseti(L, -2, ++i);
    s += len;
  }
}

/* Pushes a card table. A new card has no stability, difficulty, due_day, last_day or interval,
** so it can be passed to halqa.fsrs.review as a new card's state. */
static void push_card(lua_State *L, const store_card *c) {
  lua_createtable(L, 0, 16);
  set_str(L, "id", c->id);
  set_str(L, "deck", c->deck);
  set_str(L, "front", c->front);
  set_str(L, "back", c->back);
  set_str(L, "source", c->source);
  push_facts(L, c->facts);
  lua_setfield(L, -2, "facts");
  set_int(L, "created", c->created);
  lua_pushboolean(L, c->retired);
  lua_setfield(L, -2, "retired");
  set_int(L, "reps", c->reps);
  set_int(L, "lapses", c->lapses);
  if (c->reps > 0) {
    set_num(L, "stability", c->stability);
    set_num(L, "difficulty", c->difficulty);
    set_int(L, "due_day", c->due_day);
    set_int(L, "last_day", c->last_day);
    set_int(L, "interval", c->interval);
  }
}

static int push_cards(lua_State *L, int held_idx, const store_cards *list) {
  lua_createtable(L, (int)list->n, 0);
  for (size_t i = 0; i < list->n; i++) {
    push_card(L, &list->v[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  release(L, held_idx);
  return 1;
}

/* ---- the functions ---- */

/* mode() -> "saving" | "no-save", reason */
static int l_mode(lua_State *L) {
  store *s = store_of(L);
  if (store_mode(s) == STORE_OK) {
    lua_pushliteral(L, "saving");
    return 1;
  }
  lua_pushliteral(L, "no-save");
  lua_pushstring(L, store_reason(s));
  return 2;
}

/* path() -> the store's file (or ":memory:") */
static int l_path(lua_State *L) {
  lua_pushstring(L, store_path(store_of(L)));
  return 1;
}

/* today([now]) -> the day number (days since 1970-01-01, days starting at 4 am local time) */
static int l_today(lua_State *L) {
  lua_pushinteger(L, store_day(opt_now(L, 1, 1)));
  return 1;
}

/* begin_session(kind [, settings]) -> session id. settings is stored as JSON; settings.seed,
** when present, also in its own column. */
static int l_begin_session(lua_State *L) {
  store *s = store_of(L);
  const char *kind = luaL_checkstring(L, 1);
  const char *seed = NULL, *json = NULL;
  int64_t id = 0;
  lua_settop(L, 2);
  held *h = new_held(L, HELD_TEXT); /* 3 */
  if (!lua_isnil(L, 2)) {
    if (!lua_istable(L, 2)) arg_fail(L, 2, "settings must be a table or nil", 2);
    int t = raw_field(L, 2, "seed"); /* 4 */
    if (t == LUA_TSTRING || t == LUA_TNUMBER) seed = lua_tostring(L, 4); /* a copy on the stack */
    else if (t != LUA_TNIL) arg_fail(L, 2, "settings.seed must be a string or number", 4);
    encode(L, 2, &h->u.buf, 0);
    json = h->u.buf.p;
  }
  int rc = store_begin_session(s, kind, seed, json, time(NULL), &id);
  release(L, 3);
  if (rc != STORE_OK) return raise_error(L, s);
  lua_pushinteger(L, id);
  return 1;
}

/* end_session(id [, notes]) */
static int l_end_session(lua_State *L) {
  store *s = store_of(L);
  int64_t id = opt_id(L, 1, 1, "session must be a session id");
  const char *notes = opt_string(L, 2, 2, "notes must be a string or nil");
  if (!id) arg_fail(L, 1, "session must be a session id", 1);
  if (store_end_session(s, id, notes, time(NULL)) != STORE_OK) return raise_error(L, s);
  return 0;
}

/* record_answer(session, { question=, facts=, given=, verdict=, score=, seconds=, player=,
** now= }) -> answer id. session may be nil (an answer outside any session). */
static int l_record_answer(lua_State *L) {
  store *s = store_of(L);
  store_answer_in a;
  int64_t id = 0;
  memset(&a, 0, sizeof a);
  a.session = opt_id(L, 1, 1, "session must be a session id or nil");
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  a.question = string_field(L, 2, "question", 2, "answer.question must be a string");
  if (!a.question) luaL_argerror(L, 2, "answer.question (the question id) is missing");
  a.given = string_field(L, 2, "given", 2, "answer.given must be a string or nil");
  a.verdict = string_field(L, 2, "verdict", 2, "answer.verdict must be a string or nil");
  a.player = string_field(L, 2, "player", 2, "answer.player must be a string or nil");
  raw_field(L, 2, "score");
  a.score = opt_number(L, -1, 2, "answer.score must be a number or nil");
  raw_field(L, 2, "seconds");
  a.seconds = opt_number(L, -1, 2, "answer.seconds must be a number or nil");
  raw_field(L, 2, "now");
  time_t now = opt_now(L, -1, 2);
  raw_field(L, 2, "facts");
  a.facts = joined_facts(L, -1, 2, "answer.facts", 0); /* stays on the stack */
  if (store_record_answer(s, &a, now, &id) != STORE_OK) return raise_error(L, s);
  lua_pushinteger(L, id);
  return 1;
}

/* cards[i][key] (the card table at c) as a string or NULL; names the card when it is neither. */
static const char *card_string(lua_State *L, int c, const char *key, int i) {
  int t = raw_field(L, c, key), at = lua_gettop(L);
  if (t != LUA_TNIL && t != LUA_TSTRING)
    arg_fail(L, 2, lua_pushfstring(L, "cards[%d].%s must be a string", i, key), at);
  const char *v = lua_tostring(L, -1); /* alive in the card table */
  lua_pop(L, 1);
  return v;
}

/* sync_cards(deck, { {id=, front=, back=, source=, facts={...}}, ... } [, now])
** -> { added=, updated=, retired=, revived= } */
static int l_sync_cards(lua_State *L) {
  store *s = store_of(L);
  const char *deck = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  time_t now = opt_now(L, 3, 3);
  lua_settop(L, 3);
  size_t n = lua_rawlen(L, 2);
  store_card_in *cards = lua_newuserdatauv(L, sizeof *cards * (n ? n : 1), 0); /* 4 */
  lua_createtable(L, (int)n, 0); /* 5: anchors the joined fact strings */
  for (size_t i = 0; i < n; i++) {
    int c = (lua_rawgeti(L, 2, (lua_Integer)i + 1), lua_gettop(L));
    if (!lua_istable(L, c)) arg_fail(L, 2, lua_pushfstring(L, "cards[%d] must be a table", (int)i + 1), c);
    store_card_in *in = &cards[i];
    in->id = card_string(L, c, "id", (int)i + 1);
    if (!in->id || !*in->id) luaL_argerror(L, 2, lua_pushfstring(L, "cards[%d] has no id", (int)i + 1));
    in->front = card_string(L, c, "front", (int)i + 1);
    in->back = card_string(L, c, "back", (int)i + 1);
    in->source = card_string(L, c, "source", (int)i + 1);
    raw_field(L, c, "facts");
    in->facts = joined_facts(L, -1, 2, "facts", (int)i + 1);
    lua_rawseti(L, 5, (lua_Integer)i + 1);
    lua_settop(L, 5);
  }
  store_sync_counts counts;
  if (store_sync_cards(s, deck, cards, n, now, &counts) != STORE_OK) return raise_error(L, s);
  lua_createtable(L, 0, 4);
  set_int(L, "added", counts.added);
  set_int(L, "updated", counts.updated);
  set_int(L, "retired", counts.retired);
  set_int(L, "revived", counts.revived);
  return 1;
}

/* due([deck [, limit [, now]]]) -> cards due on now's day or before, most overdue first */
static int l_due(lua_State *L) {
  store *s = store_of(L);
  const char *deck = opt_string(L, 1, 1, "deck must be a string or nil");
  int limit = opt_limit(L, 2, 2);
  time_t now = opt_now(L, 3, 3);
  lua_settop(L, 3);
  held *h = new_held(L, HELD_CARDS); /* 4 */
  if (store_due(s, deck, now, limit, &h->u.cards) != STORE_OK) return raise_error(L, s);
  return push_cards(L, 4, &h->u.cards);
}

/* new_cards([deck [, limit]]) -> cards never reviewed, oldest first */
static int l_new_cards(lua_State *L) {
  store *s = store_of(L);
  const char *deck = opt_string(L, 1, 1, "deck must be a string or nil");
  int limit = opt_limit(L, 2, 2);
  lua_settop(L, 2);
  held *h = new_held(L, HELD_CARDS); /* 3 */
  if (store_new_cards(s, deck, limit, &h->u.cards) != STORE_OK) return raise_error(L, s);
  return push_cards(L, 3, &h->u.cards);
}

/* card(id) -> the card table, or nil */
static int l_card(lua_State *L) {
  store *s = store_of(L);
  const char *id = luaL_checkstring(L, 1);
  int found = 0;
  lua_settop(L, 1);
  held *h = new_held(L, HELD_CARDS); /* 2 */
  h->u.cards.v = malloc(sizeof *h->u.cards.v);
  if (!h->u.cards.v) return luaL_error(L, "not enough memory");
  if (store_get_card(s, id, &h->u.cards.v[0], &found) != STORE_OK) return raise_error(L, s);
  h->u.cards.n = (size_t)found;
  if (!found) {
    release(L, 2);
    lua_pushnil(L);
    return 1;
  }
  push_card(L, &h->u.cards.v[0]);
  release(L, 2);
  return 1;
}

/* review(card_id, rating [, { graded=, answer=, session=, now= }])
** -> { stability=, difficulty=, interval=, due_day=, day=, elapsed_days=, recorded= } */
static int l_review(lua_State *L) {
  store *s = store_of(L);
  const char *card = luaL_checkstring(L, 1);
  lua_Integer rating;
  if (!is_integer_at(L, 2, &rating) || rating < 1 || rating > 4)
    arg_fail(L, 2, "rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)", 2);
  const char *graded = "self", *answer = NULL;
  int64_t session = 0;
  time_t now;
  lua_settop(L, 3);
  if (lua_isnil(L, 3)) {
    now = time(NULL);
  } else {
    luaL_checktype(L, 3, LUA_TTABLE);
    const char *g = string_field(L, 3, "graded", 3, "graded must be \"typed\" or \"self\"");
    if (g && strcmp(g, "typed") != 0 && strcmp(g, "self") != 0)
      luaL_argerror(L, 3, lua_pushfstring(L, "graded must be \"typed\" or \"self\", got \"%s\"", g));
    if (g) graded = g;
    answer = string_field(L, 3, "answer", 3, "answer must be a string or nil");
    raw_field(L, 3, "session");
    session = opt_id(L, -1, 3, "session must be a session id or nil");
    raw_field(L, 3, "now");
    now = opt_now(L, -1, 3);
  }
  store_review_out r;
  if (store_review(s, card, (int)rating, now, graded, answer, session, &r) != STORE_OK)
    return raise_error(L, s);
  lua_createtable(L, 0, 7);
  set_num(L, "stability", r.stability);
  set_num(L, "difficulty", r.difficulty);
  set_int(L, "interval", r.interval);
  set_int(L, "due_day", r.due_day);
  set_int(L, "day", r.day);
  set_int(L, "elapsed_days", r.elapsed_days);
  lua_pushboolean(L, r.id != 0);
  lua_setfield(L, -2, "recorded");
  return 1;
}

/* undo([session]) -> the card id whose last review was undone, or nil */
static int l_undo(lua_State *L) {
  store *s = store_of(L);
  int64_t session = opt_id(L, 1, 1, "session must be a session id or nil");
  lua_settop(L, 1);
  held *h = new_held(L, HELD_STRING); /* 2 */
  if (store_undo(s, session, &h->u.string) != STORE_OK) return raise_error(L, s);
  if (h->u.string) lua_pushstring(L, h->u.string);
  else lua_pushnil(L);
  release(L, 2);
  return 1;
}

/* make_due(fact_ids [, now]) -> how many cards became due today */
static int l_make_due(lua_State *L) {
  store *s = store_of(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  time_t now = opt_now(L, 2, 2);
  lua_settop(L, 2);
  size_t n = lua_rawlen(L, 1);
  const char **facts = lua_newuserdatauv(L, sizeof *facts * (n ? n : 1), 0);
  for (size_t i = 0; i < n; i++) {
    if (lua_rawgeti(L, 1, (lua_Integer)i + 1) != LUA_TSTRING)
      luaL_argerror(L, 1, lua_pushfstring(L, "fact_ids[%d] must be a string", (int)i + 1));
    facts[i] = lua_tostring(L, -1); /* alive in the list */
    lua_pop(L, 1);
  }
  int count = 0;
  if (store_make_due(s, facts, n, now, &count) != STORE_OK) return raise_error(L, s);
  lua_pushinteger(L, count);
  return 1;
}

/* configure{ desired_retention =, maximum_interval =, fuzz = } — how the store schedules reviews
** (FSRS-6 defaults until set). Each field is optional; bad values raise and change nothing. */
static int l_configure(lua_State *L) {
  store *s = store_of(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  fsrs_params p;
  store_get_params(s, &p);
  lua_pushliteral(L, "desired_retention");
  if (lua_rawget(L, 1) != LUA_TNIL) p.desired_retention = luaL_checknumber(L, -1);
  lua_pushliteral(L, "maximum_interval");
  if (lua_rawget(L, 1) != LUA_TNIL) p.maximum_interval = (int)luaL_checkinteger(L, -1);
  lua_pushliteral(L, "fuzz");
  if (lua_rawget(L, 1) != LUA_TNIL) p.enable_fuzz = lua_toboolean(L, -1);
  const char *bad = fsrs_check_params(&p);
  if (bad) return luaL_error(L, "halqa.store.configure: %s", bad);
  store_set_params(s, &p);
  return 0;
}

/* new_today([deck [, now]]) -> how many cards had their first review today */
static int l_new_today(lua_State *L) {
  store *s = store_of(L);
  const char *deck = luaL_optstring(L, 1, NULL);
  time_t now = opt_now(L, 2, 2);
  int count = 0;
  if (store_new_today(s, deck, now, &count) != STORE_OK) return raise_error(L, s);
  lua_pushinteger(L, count);
  return 1;
}

/* history(fact_id) -> { {kind="review"|"answer", time=, day=, ...}, ... } oldest first */
static int l_history(lua_State *L) {
  store *s = store_of(L);
  const char *fact = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  held *h = new_held(L, HELD_EVENTS); /* 2 */
  if (store_history(s, fact, &h->u.events) != STORE_OK) return raise_error(L, s);
  const store_events *list = &h->u.events;
  lua_createtable(L, (int)list->n, 0);
  for (size_t i = 0; i < list->n; i++) {
    const store_event *e = &list->v[i];
    lua_createtable(L, 0, 12);
    set_str(L, "kind", e->is_answer ? "answer" : "review");
    set_int(L, "time", e->time);
    set_int(L, "day", e->day);
    if (e->session) set_int(L, "session", e->session);
    if (e->is_answer) {
      set_str(L, "question", e->item);
      set_str(L, "given", e->text);
      set_str(L, "verdict", e->verdict);
      set_str(L, "player", e->player);
      set_num(L, "score", e->score);
      set_num(L, "seconds", e->seconds);
    } else {
      set_str(L, "card", e->item);
      set_int(L, "rating", e->rating);
      set_int(L, "elapsed_days", e->elapsed_days);
      set_int(L, "interval", e->interval);
      set_num(L, "stability", e->stability);
      set_num(L, "difficulty", e->difficulty);
      set_str(L, "graded", e->graded);
      set_str(L, "answer", e->text);
    }
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  release(L, 2);
  return 1;
}

/* stats([now [, days]]) -> { today=, days=, decks={...}, retention={...}, heatmap={...},
** forecast={...}, weakest={...} } (see docs/store.md) */
static int l_stats(lua_State *L) {
  store *s = store_of(L);
  time_t now = opt_now(L, 1, 1);
  lua_Integer days = DEFAULT_DAYS;
  if (!lua_isnoneornil(L, 2) && (!is_integer_at(L, 2, &days) || days < 1 || days > 36500))
    arg_fail(L, 2, "days must be an integer in 1..36500 or nil", 2);
  lua_settop(L, 2);
  held *h = new_held(L, HELD_STATS); /* 3 */
  if (store_stats_get(s, now, (int)days, WEAKEST, &h->u.stats) != STORE_OK) return raise_error(L, s);
  const store_stats *st = &h->u.stats;
  lua_createtable(L, 0, 7);
  set_int(L, "today", st->today);
  set_int(L, "days", st->days);
  lua_createtable(L, (int)st->n_decks, 0);
  for (size_t i = 0; i < st->n_decks; i++) {
    const store_deck_stats *d = &st->decks[i];
    lua_createtable(L, 0, 6);
    set_str(L, "deck", d->deck);
    set_int(L, "total", d->total);
    set_int(L, "new", d->new_cards);
    set_int(L, "learning", d->learning);
    set_int(L, "due", d->due);
    set_int(L, "mature", d->mature);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "decks");
  lua_createtable(L, 0, 3);
  set_int(L, "reviews", st->retention_reviews);
  set_int(L, "passed", st->retention_passed);
  if (st->retention_reviews > 0) set_num(L, "rate", (double)st->retention_passed / st->retention_reviews);
  lua_setfield(L, -2, "retention");
  lua_createtable(L, st->days, 0);
  for (int i = 0; i < st->days; i++) {
    lua_createtable(L, 0, 2);
    set_int(L, "day", st->today - st->days + 1 + i);
    set_int(L, "reviews", st->heatmap[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "heatmap");
  lua_createtable(L, st->days, 0);
  for (int i = 0; i < st->days; i++) {
    lua_createtable(L, 0, 2);
    set_int(L, "day", st->today + i);
    set_int(L, "due", st->forecast[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "forecast");
  lua_createtable(L, (int)st->n_weakest, 0);
  for (size_t i = 0; i < st->n_weakest; i++) {
    const store_weak_fact *w = &st->weakest[i];
    lua_createtable(L, 0, 4);
    set_str(L, "fact", w->fact);
    set_num(L, "retrievability", w->retrievability);
    set_int(L, "lapses", w->lapses);
    set_int(L, "cards", w->cards);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "weakest");
  release(L, 3);
  return 1;
}

void hq_open_store(lua_State *L, int api, store *s) {
  static const luaL_Reg funcs[] = {
    {"mode", l_mode}, {"path", l_path}, {"today", l_today},
    {"begin_session", l_begin_session}, {"end_session", l_end_session},
    {"record_answer", l_record_answer}, {"sync_cards", l_sync_cards}, {"due", l_due},
    {"new_cards", l_new_cards}, {"card", l_card}, {"review", l_review}, {"undo", l_undo},
    {"make_due", l_make_due}, {"history", l_history}, {"stats", l_stats},
    {"new_today", l_new_today}, {"configure", l_configure}, {NULL, NULL}
  };
  api = lua_absindex(L, api);
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
  lua_createtable(L, 0, (int)(sizeof funcs / sizeof funcs[0]) - 1);
  box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->s = s;
  luaL_setmetatable(L, BOX_MT);
  luaL_setfuncs(L, funcs, 1); /* every function shares the box as its upvalue */
  lua_setfield(L, api, "store");
}
