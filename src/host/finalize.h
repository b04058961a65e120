/* finalize.h: a script's __gc finalizers, run with hooks on and a deadline. */
#ifndef HALQA_FINALIZE_H
#define HALQA_FINALIZE_H

#include <lua.h>

/* Replaces setmetatable in the base table at index base by one whose __gc runs watched. */
void hq_open_finalizers(lua_State *L, int base);

#endif
