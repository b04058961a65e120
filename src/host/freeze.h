/* freeze.h: read-only proxies of tables. */
#ifndef HALQA_FREEZE_H
#define HALQA_FREEZE_H

#include <lua.h>

void hq_freeze(lua_State *L, int idx, const char *name); /* replaces the table at idx by its proxy */
/* The same for a table nothing changes once it is frozen (the dataset, the standard libraries):
** its proxies are read at the speed of a plain __index chain (freeze.c says how). */
void hq_freeze_deep(lua_State *L, int idx, const char *name);
int hq_is_frozen(lua_State *L, int idx);
int hq_push_frozen_target(lua_State *L, int idx);       /* the real table behind a proxy */
void hq_push_frozen_targets(lua_State *L);              /* the weak table proxy -> real table */
void hq_open_freeze_guards(lua_State *L, int base);      /* rawset/rawget/rawlen/next that see proxies */

#endif
