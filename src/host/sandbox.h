/* sandbox.h: the allow-listed libraries, per-script environments, and text-only loading. */
#ifndef HALQA_SANDBOX_H
#define HALQA_SANDBOX_H

#include <stddef.h>

#include <lua.h>

void hq_sandbox_open(lua_State *L);   /* pushes the (unfrozen) base table */
void hq_sandbox_seal(lua_State *L);   /* freezes the base table on the stack top and stores it */
void hq_push_env(lua_State *L);       /* a new environment reading through to the base */
int hq_load_text(lua_State *L, const char *buf, size_t len, const char *chunkname);
int hq_load_file(lua_State *L, const char *path); /* text only, chunk name "@path" */
/* A lua_CFunction: pushes its arguments' tostring joined by tabs (print's line, without '\n'). */
int hq_tostring_values(lua_State *L);

#endif
