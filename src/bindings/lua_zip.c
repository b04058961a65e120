/* lua_zip.c: halqa.zip(entries) — a zip archive built in memory (libzip), returned as a string. */
/*
** An Anki package is a zip. A script gets the archive's bytes back and writes them with
** halqa.save like any other file, so this adds no way to touch the file system: libzip works on
** a memory buffer only. Entry names are checked (relative, no "..", no hidden parts), so an
** archive halqa writes never unpacks outside the folder it is opened in. Entries are stored with
** a fixed time, so the same input gives the same bytes.
*/
#include <string.h>
#include <time.h>

#include <lauxlib.h>

#include "bindings.h"

#ifndef HALQA_HAVE_LIBZIP
void hq_open_zip(lua_State *L, int api) { (void)L, (void)api; } /* no libzip: halqa.zip stays nil */
#else
#include <zip.h>

#define ZIP_MAX_ENTRIES 10000

/* What a failed build must free, in a userdata whose __gc frees it even if Lua raises. */
typedef struct zbox {
  zip_source_t *src; /* the memory buffer the archive is written into */
  zip_t *za;
} zbox;

static int zbox_gc(lua_State *L) {
  zbox *b = lua_touserdata(L, 1);
  if (b->za) zip_discard(b->za);
  if (b->src) zip_source_free(b->src);
  b->za = NULL;
  b->src = NULL;
  return 0;
}

static int safe_name(const char *s, size_t n) {
  if (n == 0 || n > 255 || s[0] == '/' || strlen(s) != n) return 0;
  for (size_t i = 0; i < n; i++) {
    int start = i == 0 || s[i - 1] == '/';
    if (start && s[i] == '.') return 0; /* "..", "./" and hidden names */
    if ((unsigned char)s[i] < 0x20 || s[i] == '\\') return 0;
  }
  return 1;
}

/* Checks entry i of the list at index 1: { name = string, data = string }. Raises if not. */
static void check_entry(lua_State *L, lua_Integer i) {
  if (lua_rawgeti(L, 1, i) != LUA_TTABLE) luaL_error(L, "halqa.zip: entry %d is not a table", (int)i);
  lua_getfield(L, -1, "name");
  size_t n;
  const char *name = lua_tolstring(L, -1, &n);
  if (lua_type(L, -1) != LUA_TSTRING || !safe_name(name, n))
    luaL_error(L, "halqa.zip: entry %d needs a relative name without '..' or hidden parts", (int)i);
  if (lua_getfield(L, -2, "data") != LUA_TSTRING) luaL_error(L, "halqa.zip: entry %d ('%s') needs data (a string)", (int)i, name);
  lua_pop(L, 3);
}

static int zfail(lua_State *L, const char *what, zip_error_t *e) {
  return luaL_error(L, "halqa.zip: %s: %s", what, zip_error_strerror(e));
}

/* halqa.zip(entries): the archive's bytes. Raises on a malformed entry list. */
static int l_zip(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
  luaL_argcheck(L, n <= ZIP_MAX_ENTRIES, 1, "too many entries");
  for (lua_Integer i = 1; i <= n; i++) check_entry(L, i);

  zbox *b = hq_new_box(L, sizeof *b, "halqa.zipbox", zbox_gc);

  zip_error_t err;
  zip_error_init(&err);
  b->src = zip_source_buffer_create(NULL, 0, 0, &err);
  if (!b->src) return zfail(L, "cannot make a buffer", &err);
  b->za = zip_open_from_source(b->src, ZIP_TRUNCATE, &err);
  if (!b->za) return zfail(L, "cannot open the buffer", &err);
  zip_source_keep(b->src); /* the archive's close must leave the buffer for us to read */
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, 1, i);
    lua_getfield(L, -1, "name");
    lua_getfield(L, -2, "data");
    size_t len;
    const char *name = lua_tostring(L, -2), *data = lua_tolstring(L, -1, &len);
    /* the data strings stay alive in the entry table until zip_close has read them */
    zip_source_t *s = zip_source_buffer(b->za, data, len, 0);
    zip_int64_t idx = s ? zip_file_add(b->za, name, s, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      if (s) zip_source_free(s);
      return luaL_error(L, "halqa.zip: cannot add '%s': %s", name, zip_strerror(b->za));
    }
    zip_file_set_mtime(b->za, (zip_uint64_t)idx, (time_t)315532800, 0); /* 1980-01-01 */
    lua_pop(L, 3);
  }
  if (zip_close(b->za) != 0) {
    lua_pushfstring(L, "halqa.zip: cannot write the archive: %s", zip_strerror(b->za));
    zip_discard(b->za);
    b->za = NULL;
    return lua_error(L);
  }
  b->za = NULL;
  if (zip_source_open(b->src) != 0) return luaL_error(L, "halqa.zip: cannot read the archive back");
  zip_source_seek(b->src, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(b->src);
  zip_source_seek(b->src, 0, SEEK_SET);
  luaL_Buffer out;
  char *p = luaL_buffinitsize(L, &out, size > 0 ? (size_t)size : 1);
  zip_int64_t got = size > 0 ? zip_source_read(b->src, p, (zip_uint64_t)size) : 0;
  zip_source_close(b->src);
  if (got != size) return luaL_error(L, "halqa.zip: cannot read the archive back");
  luaL_pushresultsize(&out, (size_t)size);
  return 1;
}

void hq_open_zip(lua_State *L, int api) { hq_set_function(L, api, "zip", l_zip); }
#endif
