/* lua_store.h: halqa.store — the progress store (src/store.h) as functions for Lua scripts. */
#ifndef HALQA_LUA_STORE_H
#define HALQA_LUA_STORE_H

#include <lua.h>

#include "store.h"

/* Sets api.store (api: the index of the `halqa` table) to a table of functions over s: mode, path,
** today, begin_session, end_session, record_answer, sync_cards, due, new_cards, card, review, undo,
** make_due, history, stats. Scripts get no SQL. The host keeps s open until after lua_close(L)
** and, after each command, prints store_take_notice(s) if the store stopped saving meanwhile.
** The functions are documented in docs/store.md. */
void hq_open_store(lua_State *L, int api, store *s);

#endif
