/* api.h: building the `halqa` table, the host functions and bindings every script may call. */
#ifndef HALQA_API_H
#define HALQA_API_H

#include "state.h"

/* Pushes the (unfrozen) halqa table for host H; dataset is the index of the loaded dataset. */
void hq_push_api(lua_State *L, hq_host *H, int dataset);

#endif
