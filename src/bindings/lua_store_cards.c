/* lua_store_cards.c: halqa.store's cards (sync_cards, due, new_cards, card, new_today) and reviews
** (review, undo, make_due). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>

#include "lua_store_internal.h"

static int opt_limit(lua_State *L, int idx, int arg) {
  lua_Integer v;
  if (lua_isnoneornil(L, idx)) return -1;
  if (!ls_is_integer_at(L, idx, &v) || v < 0 || v > 1000000000)
    ls_arg_fail(L, arg, "limit must be an integer >= 0 or nil", idx);
  return (int)v;
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
  ls_set_str(L, "id", c->id);
  ls_set_str(L, "deck", c->deck);
  ls_set_str(L, "front", c->front);
  ls_set_str(L, "back", c->back);
  ls_set_str(L, "source", c->source);
  push_facts(L, c->facts);
  lua_setfield(L, -2, "facts");
  ls_set_int(L, "created", c->created);
  lua_pushboolean(L, c->retired);
  lua_setfield(L, -2, "retired");
  ls_set_int(L, "reps", c->reps);
  ls_set_int(L, "lapses", c->lapses);
  if (c->reps > 0) {
    ls_set_num(L, "stability", c->stability);
    ls_set_num(L, "difficulty", c->difficulty);
    ls_set_int(L, "due_day", c->due_day);
    ls_set_int(L, "last_day", c->last_day);
    ls_set_int(L, "interval", c->interval);
  }
}

static int push_cards(lua_State *L, int held_idx, const store_cards *list) {
  lua_createtable(L, (int)list->n, 0);
  for (size_t i = 0; i < list->n; i++) {
    push_card(L, &list->v[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  ls_release(L, held_idx);
  return 1;
}

/* cards[i][key] (the card table at c) as a string or NULL; names the card when it is neither. */
static const char *card_string(lua_State *L, int c, const char *key, int i) {
  int t = ls_raw_field(L, c, key), at = lua_gettop(L);
  if (t != LUA_TNIL && t != LUA_TSTRING)
    ls_arg_fail(L, 2, lua_pushfstring(L, "cards[%d].%s must be a string", i, key), at);
  const char *v = lua_tostring(L, -1); /* alive in the card table */
  lua_pop(L, 1);
  return v;
}

/* sync_cards(deck, { {id=, front=, back=, source=, facts={...}}, ... } [, now])
** -> { added=, updated=, retired=, revived= } */
int l_sync_cards(lua_State *L) {
  store *s = ls_store_of(L);
  const char *deck = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  time_t now = ls_opt_now(L, 3, 3);
  lua_settop(L, 3);
  size_t n = lua_rawlen(L, 2);
  store_card_in *cards = lua_newuserdatauv(L, sizeof *cards * (n ? n : 1), 0); /* 4 */
  lua_createtable(L, (int)n, 0); /* 5: anchors the joined fact strings */
  for (size_t i = 0; i < n; i++) {
    int c = (lua_rawgeti(L, 2, (lua_Integer)i + 1), lua_gettop(L));
    if (!lua_istable(L, c)) ls_arg_fail(L, 2, lua_pushfstring(L, "cards[%d] must be a table", (int)i + 1), c);
    store_card_in *in = &cards[i];
    in->id = card_string(L, c, "id", (int)i + 1);
    if (!in->id || !*in->id) luaL_argerror(L, 2, lua_pushfstring(L, "cards[%d] has no id", (int)i + 1));
    in->front = card_string(L, c, "front", (int)i + 1);
    in->back = card_string(L, c, "back", (int)i + 1);
    in->source = card_string(L, c, "source", (int)i + 1);
    ls_raw_field(L, c, "facts");
    in->facts = ls_joined_facts(L, -1, 2, "facts", (int)i + 1);
    lua_rawseti(L, 5, (lua_Integer)i + 1);
    lua_settop(L, 5);
  }
  store_sync_counts counts;
  if (store_sync_cards(s, deck, cards, n, now, &counts) != STORE_OK) return ls_raise_error(L, s);
  lua_createtable(L, 0, 4);
  ls_set_int(L, "added", counts.added);
  ls_set_int(L, "updated", counts.updated);
  ls_set_int(L, "retired", counts.retired);
  ls_set_int(L, "revived", counts.revived);
  return 1;
}

/* due([deck [, limit [, now]]]) -> cards due on now's day or before, most overdue first */
int l_due(lua_State *L) {
  store *s = ls_store_of(L);
  const char *deck = ls_opt_string(L, 1, 1, "deck must be a string or nil");
  int limit = opt_limit(L, 2, 2);
  time_t now = ls_opt_now(L, 3, 3);
  lua_settop(L, 3);
  held *h = ls_new_held(L, HELD_CARDS); /* 4 */
  if (store_due(s, deck, now, limit, &h->u.cards) != STORE_OK) return ls_raise_error(L, s);
  return push_cards(L, 4, &h->u.cards);
}

/* new_cards([deck [, limit]]) -> cards never reviewed, oldest first */
int l_new_cards(lua_State *L) {
  store *s = ls_store_of(L);
  const char *deck = ls_opt_string(L, 1, 1, "deck must be a string or nil");
  int limit = opt_limit(L, 2, 2);
  lua_settop(L, 2);
  held *h = ls_new_held(L, HELD_CARDS); /* 3 */
  if (store_new_cards(s, deck, limit, &h->u.cards) != STORE_OK) return ls_raise_error(L, s);
  return push_cards(L, 3, &h->u.cards);
}

/* card(id) -> the card table, or nil */
int l_card(lua_State *L) {
  store *s = ls_store_of(L);
  const char *id = luaL_checkstring(L, 1);
  int found = 0;
  lua_settop(L, 1);
  held *h = ls_new_held(L, HELD_CARDS); /* 2 */
  h->u.cards.v = malloc(sizeof *h->u.cards.v);
  if (!h->u.cards.v) return luaL_error(L, "not enough memory");
  if (store_get_card(s, id, &h->u.cards.v[0], &found) != STORE_OK) return ls_raise_error(L, s);
  h->u.cards.n = (size_t)found;
  if (!found) {
    ls_release(L, 2);
    lua_pushnil(L);
    return 1;
  }
  push_card(L, &h->u.cards.v[0]);
  ls_release(L, 2);
  return 1;
}

/* preview(card_id [, now]) -> { interval days for rating 1, 2, 3, 4 }: what review would schedule */
int l_preview(lua_State *L) {
  store *s = ls_store_of(L);
  const char *card = luaL_checkstring(L, 1);
  time_t now = ls_opt_now(L, 2, 2);
  int iv[4];
  if (store_preview(s, card, now, iv) != STORE_OK) return ls_raise_error(L, s);
  lua_createtable(L, 4, 0);
  for (int i = 0; i < 4; i++) {
    lua_pushinteger(L, iv[i]);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

/* review(card_id, rating [, { graded=, answer=, session=, now= }])
** -> { stability=, difficulty=, interval=, due_day=, day=, elapsed_days=, recorded= } */
int l_review(lua_State *L) {
  store *s = ls_store_of(L);
  const char *card = luaL_checkstring(L, 1);
  lua_Integer rating;
  if (!ls_is_integer_at(L, 2, &rating) || rating < 1 || rating > 4)
    ls_arg_fail(L, 2, "rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)", 2);
  const char *graded = "self", *answer = NULL;
  int64_t session = 0;
  time_t now;
  lua_settop(L, 3);
  if (lua_isnil(L, 3)) {
    now = time(NULL);
  } else {
    luaL_checktype(L, 3, LUA_TTABLE);
    const char *g = ls_string_field(L, 3, "graded", 3, "graded must be \"typed\" or \"self\"");
    if (g && strcmp(g, "typed") != 0 && strcmp(g, "self") != 0)
      luaL_argerror(L, 3, lua_pushfstring(L, "graded must be \"typed\" or \"self\", got \"%s\"", g));
    if (g) graded = g;
    answer = ls_string_field(L, 3, "answer", 3, "answer must be a string or nil");
    ls_raw_field(L, 3, "session");
    session = ls_opt_id(L, -1, 3, "session must be a session id or nil");
    ls_raw_field(L, 3, "now");
    now = ls_opt_now(L, -1, 3);
  }
  store_review_out r;
  if (store_review(s, card, (int)rating, now, graded, answer, session, &r) != STORE_OK)
    return ls_raise_error(L, s);
  lua_createtable(L, 0, 7);
  ls_set_num(L, "stability", r.stability);
  ls_set_num(L, "difficulty", r.difficulty);
  ls_set_int(L, "interval", r.interval);
  ls_set_int(L, "due_day", r.due_day);
  ls_set_int(L, "day", r.day);
  ls_set_int(L, "elapsed_days", r.elapsed_days);
  lua_pushboolean(L, r.id != 0);
  lua_setfield(L, -2, "recorded");
  return 1;
}

/* undo([session]) -> the card id whose last review was undone, or nil */
int l_undo(lua_State *L) {
  store *s = ls_store_of(L);
  int64_t session = ls_opt_id(L, 1, 1, "session must be a session id or nil");
  lua_settop(L, 1);
  held *h = ls_new_held(L, HELD_STRING); /* 2 */
  if (store_undo(s, session, &h->u.string) != STORE_OK) return ls_raise_error(L, s);
  if (h->u.string) lua_pushstring(L, h->u.string);
  else lua_pushnil(L);
  ls_release(L, 2);
  return 1;
}

/* make_due(fact_ids [, now]) -> how many cards became due today */
int l_make_due(lua_State *L) {
  store *s = ls_store_of(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  time_t now = ls_opt_now(L, 2, 2);
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
  if (store_make_due(s, facts, n, now, &count) != STORE_OK) return ls_raise_error(L, s);
  lua_pushinteger(L, count);
  return 1;
}

/* new_today([deck [, now]]) -> how many cards had their first review today */
int l_new_today(lua_State *L) {
  store *s = ls_store_of(L);
  const char *deck = luaL_optstring(L, 1, NULL);
  time_t now = ls_opt_now(L, 2, 2);
  int count = 0;
  if (store_new_today(s, deck, now, &count) != STORE_OK) return ls_raise_error(L, s);
  lua_pushinteger(L, count);
  return 1;
}
