/* chunkcache.h: loading a Lua text through a cache of its compiled form (chunkcache.c). */
#ifndef HALQA_CHUNKCACHE_H
#define HALQA_CHUNKCACHE_H

#include <stddef.h>

#include <lua.h>

/* Pushes the text src (len bytes) compiled as chunkname, as luaL_loadbufferx(..., "t") does,
** taking the bytecode from cache_dir when an entry for this very text is there and writing one
** when not. cache_dir NULL: no cache. Returns a lua_load status. */
int hq_load_cached(lua_State *L, const char *cache_dir, const char *src, size_t len,
                   const char *chunkname);

#endif
