/* lua_fsrs.h: Lua binding of the FSRS-6 scheduler (src/fsrs.h) as a table of functions. */
#ifndef HALQA_LUA_FSRS_H
#define HALQA_LUA_FSRS_H

#include <lua.h>

/* Pushes a new table {review, retrievability, configure, parameters} and returns 1.
 * Sets no global. Each call makes its own parameter set (FSRS-6 defaults), kept in a
 * userdata shared as an upvalue by the four closures, so separate Lua states (or separate
 * calls) never share parameters. */
int hq_open_fsrs(lua_State *L);

#endif
