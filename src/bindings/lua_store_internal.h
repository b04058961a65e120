/* lua_store_internal.h: what halqa.store's files (lua_store*.c) share — held results, helpers. */
#ifndef HALQA_LUA_STORE_INTERNAL_H
#define HALQA_LUA_STORE_INTERNAL_H

#include <stdint.h>
#include <time.h>

#include <lua.h>

#include "bindings.h"
#include "store.h"

/* A growable byte buffer (the settings JSON). */
typedef struct text {
  char *p;
  size_t n, cap;
} text;

enum { HELD_CARDS, HELD_EVENTS, HELD_STATS, HELD_TEXT, HELD_STRING, HELD_SESSION };

typedef struct held {
  int kind;
  union {
    store_cards cards;
    store_events events;
    store_stats stats;
    text buf;
    char *string;
    store_session_info session;
  } u;
} held;

/* ---- lua_store_args.c ---- */

/* Makes the metatables of held results and of the store box (once per state). */
void ls_open_metatables(lua_State *L);
/* Pushes the box holding s (or open and ud, to open it on first use): the upvalue every function
** of halqa.store shares. */
void ls_push_box(lua_State *L, store *s, hq_store_opener *open, void *ud);

/* Pushes an empty held userdata of the given kind: safe to collect at any moment. */
held *ls_new_held(lua_State *L, int kind);
/* Frees the held result at idx now instead of at the next collection. */
void ls_release(lua_State *L, int idx);
/* The store of the calling function's upvalue; raises when none is open. */
store *ls_store_of(lua_State *L);
/* Raises the store's last error: "halqa.store.review: no card 'x' in the store". */
int ls_raise_error(lua_State *L, store *s);

/* Raises "bad argument #arg to 'f' (what, got 5)". */
int ls_arg_fail(lua_State *L, int arg, const char *what, int idx);
/* Pushes t[key] without metamethods; returns its type. */
int ls_raw_field(lua_State *L, int t, const char *key);
/* A string or nil (-> NULL) at idx; no number coercion. */
const char *ls_opt_string(lua_State *L, int idx, int arg, const char *what);
/* t[key] as a string or NULL (alive in t). */
const char *ls_string_field(lua_State *L, int t, const char *key, int arg, const char *what);
/* Whether the value at idx is an integer (a number with an integer value), in *v. */
int ls_is_integer_at(lua_State *L, int idx, lua_Integer *v);
/* An integer >= 1 or nil (-> 0) at idx: a session id. */
int64_t ls_opt_id(lua_State *L, int idx, int arg, const char *what);
/* A number or nil (-> NAN) at idx. */
double ls_opt_number(lua_State *L, int idx, int arg, const char *what);
/* A time in unix seconds, or nil for the current time. */
time_t ls_opt_now(lua_State *L, int idx, int arg);
/* Pushes the fact ids of the list at idx joined by spaces, and returns them. */
const char *ls_joined_facts(lua_State *L, int idx, int arg, const char *what, int card);

/* Sets field k of the table on top to an integer. */
void ls_set_int(lua_State *L, const char *k, lua_Integer v);
/* Sets field k of the table on top to a number; NAN leaves it nil. */
void ls_set_num(lua_State *L, const char *k, double v);
/* Sets field k of the table on top to a string; NULL leaves it nil. */
void ls_set_str(lua_State *L, const char *k, const char *v);

/* ---- the functions of halqa.store ---- */

/* Those defined outside lua_store.c, for the one list in hq_open_store; each is described by its
** Lua signature where it is defined. */
typedef int store_lua_fn(lua_State *L);
/* lua_store_cards.c */
store_lua_fn l_sync_cards, l_due, l_new_cards, l_card, l_review, l_undo, l_make_due, l_new_today;
/* lua_store_sessions.c */
store_lua_fn l_begin_session, l_end_session, l_record_answer, l_history, l_session_answers, l_unfinished;
/* lua_store_stats.c */
store_lua_fn l_stats;
/* lua_store_sched.c */
store_lua_fn l_preview, l_weights, l_optimize, l_deck_retention, l_set_deck_retention, l_forecast,
  l_parameters;

/* Pushes a review's (or a preview's) result table (lua_store_cards.c). */
void ls_push_review_out(lua_State *L, const store_review_out *r);

#endif
