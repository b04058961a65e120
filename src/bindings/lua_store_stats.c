/* lua_store_stats.c: halqa.store.stats — the store's statistics as Lua tables. */
#include <lauxlib.h>
#include <lua.h>

#include "lua_store_internal.h"

#define WEAKEST 10                  /* facts listed by stats() */
#define DEFAULT_DAYS 30             /* stats() window */

/* Pushes a list of n {day = first + i, [key] = counts[i]}: a heatmap or a forecast. */
static void push_days(lua_State *L, lua_Integer first, const char *key, const int *counts, int n) {
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    lua_createtable(L, 0, 2);
    ls_set_int(L, "day", first + i);
    ls_set_int(L, key, counts[i]);
    lua_rawseti(L, -2, i + 1);
  }
}

/* stats([now [, days]]) -> { today=, days=, decks={...}, retention={...}, heatmap={...},
** forecast={...}, weakest={...} } (see docs/store.md) */
int l_stats(lua_State *L) {
  store *s = ls_store_of(L);
  time_t now = ls_opt_now(L, 1, 1);
  lua_Integer days = DEFAULT_DAYS;
  if (!lua_isnoneornil(L, 2) && (!ls_is_integer_at(L, 2, &days) || days < 1 || days > 36500))
    ls_arg_fail(L, 2, "days must be an integer in 1..36500 or nil", 2);
  lua_settop(L, 2);
  held *h = ls_new_held(L, HELD_STATS); /* 3 */
  if (store_stats_get(s, now, (int)days, WEAKEST, &h->u.stats) != STORE_OK) return ls_raise_error(L, s);
  const store_stats *st = &h->u.stats;
  lua_createtable(L, 0, 7);
  ls_set_int(L, "today", st->today);
  ls_set_int(L, "days", st->days);
  lua_createtable(L, (int)st->n_decks, 0);
  for (size_t i = 0; i < st->n_decks; i++) {
    const store_deck_stats *d = &st->decks[i];
    lua_createtable(L, 0, 6);
    ls_set_str(L, "deck", d->deck);
    ls_set_int(L, "total", d->total);
    ls_set_int(L, "new", d->new_cards);
    ls_set_int(L, "learning", d->learning);
    ls_set_int(L, "due", d->due);
    ls_set_int(L, "mature", d->mature);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "decks");
  lua_createtable(L, 0, 3);
  ls_set_int(L, "reviews", st->retention_reviews);
  ls_set_int(L, "passed", st->retention_passed);
  if (st->retention_reviews > 0) ls_set_num(L, "rate", (double)st->retention_passed / st->retention_reviews);
  lua_setfield(L, -2, "retention");
  push_days(L, st->today - st->days + 1, "reviews", st->heatmap, st->days);
  lua_setfield(L, -2, "heatmap");
  push_days(L, st->today, "due", st->forecast, st->days);
  lua_setfield(L, -2, "forecast");
  lua_createtable(L, (int)st->n_weakest, 0);
  for (size_t i = 0; i < st->n_weakest; i++) {
    const store_weak_fact *w = &st->weakest[i];
    lua_createtable(L, 0, 4);
    ls_set_str(L, "fact", w->fact);
    ls_set_num(L, "retrievability", w->retrievability);
    ls_set_int(L, "lapses", w->lapses);
    ls_set_int(L, "cards", w->cards);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "weakest");
  ls_release(L, 3);
  return 1;
}
