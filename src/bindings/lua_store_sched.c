/* lua_store_sched.c: halqa.store's scheduling — preview of the four ratings, the optimizer and the
** weights it saves, each deck's desired retention, and the workload forecast at a retention. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>

#include "bindings.h"
#include "lua_store_internal.h"

/* preview(card_id [, now]) -> { [1] = what Again would do, ..., [4] = Easy } (review's fields) */
int l_preview(lua_State *L) {
  store *s = ls_store_of(L);
  const char *card = luaL_checkstring(L, 1);
  time_t now = ls_opt_now(L, 2, 2);
  store_review_out out[4];
  if (store_preview(s, card, now, out) != STORE_OK) return ls_raise_error(L, s);
  lua_createtable(L, 4, 0);
  for (int g = 0; g < 4; g++) {
    ls_push_review_out(L, &out[g]);
    lua_rawseti(L, -2, g + 1);
  }
  return 1;
}

static void push_weights(lua_State *L, const double *w) {
  lua_createtable(L, FSRS_NUM_WEIGHTS, 0);
  for (int i = 0; i < FSRS_NUM_WEIGHTS; i++) {
    lua_pushnumber(L, w[i]);
    lua_rawseti(L, -2, i + 1);
  }
}

static void push_metrics(lua_State *L, const char *key, double log_loss, double rmse) {
  lua_createtable(L, 0, 2);
  ls_set_num(L, "log_loss", log_loss);
  ls_set_num(L, "rmse", rmse);
  lua_setfield(L, -2, key);
}

/* weights() -> { w = {21}, fitted = bool, time=, reviews=, short_term=, before=, after= } */
int l_weights(lua_State *L) {
  store *s = ls_store_of(L);
  store_weights w;
  if (store_get_weights(s, &w) != STORE_OK) return ls_raise_error(L, s);
  lua_createtable(L, 0, 7);
  push_weights(L, w.w);
  lua_setfield(L, -2, "w");
  lua_pushboolean(L, w.fitted);
  lua_setfield(L, -2, "fitted");
  if (w.fitted) {
    ls_set_int(L, "time", w.time);
    ls_set_int(L, "reviews", w.reviews);
    lua_pushboolean(L, w.short_term);
    lua_setfield(L, -2, "short_term");
    push_metrics(L, "before", w.log_loss_before, w.rmse_before);
    push_metrics(L, "after", w.log_loss_after, w.rmse_after);
  }
  return 1;
}

/* optimize([{ save = true, seed = 2023, now = }]) -> { fitted=, saved=, reviews=, min_reviews=,
** w = {21}, before = {log_loss=, rmse=}, after = {...} }: fits the weights to every review in the
** store (fsrs_optimize) and, unless save = false, keeps them for scheduling. */
int l_optimize(lua_State *L) {
  store *s = ls_store_of(L);
  int save = 1;
  lua_Integer seed = 2023; /* fsrs-rs TrainingConfig's seed */
  time_t now = time(NULL);
  lua_settop(L, 1);
  if (!lua_isnil(L, 1)) {
    luaL_checktype(L, 1, LUA_TTABLE);
    if (ls_raw_field(L, 1, "save") != LUA_TNIL) {
      if (!lua_isboolean(L, -1)) ls_arg_fail(L, 1, "save must be a boolean", -1);
      save = lua_toboolean(L, -1);
    }
    if (ls_raw_field(L, 1, "seed") != LUA_TNIL && !ls_is_integer_at(L, -1, &seed))
      ls_arg_fail(L, 1, "seed must be an integer", -1);
    ls_raw_field(L, 1, "now");
    now = ls_opt_now(L, -1, 1);
  }
  fsrs_params p;
  store_get_params(s, &p);
  fsrs_history h;
  if (store_review_history(s, &h) != STORE_OK) return ls_raise_error(L, s);
  fsrs_optimize_result res;
  int rc = fsrs_optimize(&h, p.w, p.short_term, p.n_relearning_steps, (unsigned long long)seed,
                         &res);
  store_history_free(&h);
  if (rc != 0) return luaL_error(L, "optimize: out of memory");
  int saved = 0;
  if (save && res.fitted) {
    store_weights w = {0};
    memcpy(w.w, res.w, sizeof w.w);
    w.fitted = 1;
    w.time = (int64_t)now;
    w.short_term = p.short_term;
    w.reviews = (int)res.before.items;
    w.log_loss_before = res.before.log_loss;
    w.log_loss_after = res.after.log_loss;
    w.rmse_before = res.before.rmse_bins;
    w.rmse_after = res.after.rmse_bins;
    if (store_save_weights(s, &w) != STORE_OK) return ls_raise_error(L, s);
    saved = 1;
  }
  lua_createtable(L, 0, 7);
  lua_pushboolean(L, res.fitted);
  lua_setfield(L, -2, "fitted");
  lua_pushboolean(L, saved);
  lua_setfield(L, -2, "saved");
  ls_set_int(L, "reviews", (lua_Integer)res.before.items);
  ls_set_int(L, "min_reviews", FSRS_OPTIMIZE_MIN_ITEMS);
  push_weights(L, res.w);
  lua_setfield(L, -2, "w");
  push_metrics(L, "before", res.before.log_loss, res.before.rmse_bins);
  push_metrics(L, "after", res.after.log_loss, res.after.rmse_bins);
  return 1;
}

/* deck_retention(deck) -> the deck's desired retention, or nil when it follows the store's */
int l_deck_retention(lua_State *L) {
  store *s = ls_store_of(L);
  const char *deck = luaL_checkstring(L, 1);
  double r;
  int found;
  if (store_deck_retention(s, deck, &r, &found) != STORE_OK) return ls_raise_error(L, s);
  if (found) lua_pushnumber(L, r);
  else lua_pushnil(L);
  return 1;
}

/* set_deck_retention(deck, retention | nil): nil goes back to the store's */
int l_set_deck_retention(lua_State *L) {
  store *s = ls_store_of(L);
  const char *deck = luaL_checkstring(L, 1);
  double r = 0.0;
  if (!lua_isnoneornil(L, 2)) {
    if (lua_type(L, 2) != LUA_TNUMBER) ls_arg_fail(L, 2, "retention must be a number in (0, 1) or nil", 2);
    r = lua_tonumber(L, 2);
    if (!(r > 0.0 && r < 1.0)) ls_arg_fail(L, 2, "retention must be a number in (0, 1) or nil", 2);
  }
  if (store_set_deck_retention(s, deck, r) != STORE_OK) return ls_raise_error(L, s);
  return 0;
}

/* forecast(days, retention | nil [, now]) -> { n1, n2, ... }: reviews due on each of the days
** from today if every card were scheduled for that retention (nil: each deck's own) */
int l_forecast(lua_State *L) {
  store *s = ls_store_of(L);
  lua_Integer days;
  if (!ls_is_integer_at(L, 1, &days) || days < 1 || days > 3650)
    ls_arg_fail(L, 1, "days must be an integer in 1..3650", 1);
  double r = 0.0;
  if (!lua_isnoneornil(L, 2)) {
    r = lua_type(L, 2) == LUA_TNUMBER ? lua_tonumber(L, 2) : -1.0;
    if (!(r > 0.0 && r < 1.0)) ls_arg_fail(L, 2, "retention must be a number in (0, 1) or nil", 2);
  }
  time_t now = ls_opt_now(L, 3, 3);
  int *counts = lua_newuserdatauv(L, (size_t)days * sizeof *counts, 0); /* freed by the GC */
  if (store_forecast(s, now, (int)days, r, counts) != STORE_OK) return ls_raise_error(L, s);
  lua_createtable(L, (int)days, 0);
  for (lua_Integer i = 0; i < days; i++) {
    lua_pushinteger(L, counts[i]);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

/* parameters() -> the store's scheduling parameters (halqa.fsrs.parameters' fields) */
int l_parameters(lua_State *L) {
  fsrs_params p;
  store_get_params(ls_store_of(L), &p);
  hq_push_fsrs_params(L, &p);
  return 1;
}
