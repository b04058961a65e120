/* patguard.h: string pattern functions that refuse matches too costly to interrupt. */
#ifndef HALQA_PATGUARD_H
#define HALQA_PATGUARD_H

#include <lua.h>

/* Replaces find, match, gmatch and gsub of the string library at strlib by guarded versions. */
void hq_guard_patterns(lua_State *L, int strlib);

#endif
