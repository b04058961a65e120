/* require.h: modules and startup scripts, from the scripts folders only. */
#ifndef HALQA_REQUIRE_H
#define HALQA_REQUIRE_H

#include <stddef.h>

#include "state.h"

void hq_open_require(lua_State *L, int base); /* sets base.require */
/* Finds relpath in the scripts folders, writing its path to out: returns 1 + the index of the
** folder it is in, 0 when no folder has it. */
int hq_find_script(hq_host *H, const char *relpath, char *out, size_t outlen);
void hq_push_script_list(lua_State *L, hq_host *H, const char *folder);
int hq_load_startup_scripts(lua_State *L, hq_host *H); /* commands/NAME.lua; 0 ok */

#endif
