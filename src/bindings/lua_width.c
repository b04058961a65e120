/* lua_width.c: halqa.width(text) — the columns a string takes on a terminal. */
/*
** Wide characters (CJK, many symbols) take two columns, combining marks and zero-width characters
** none, so the drill's large question text and its scoreboard line up. Colour escapes (ESC [ ...
** letter) take none. Invalid UTF-8 counts one column a byte, so nothing is ever negative.
*/
#include <utf8proc.h>

#include <lauxlib.h>

#include "bindings.h"

static int l_width(lua_State *L) {
  size_t len;
  const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &len);
  lua_Integer cols = 0;
  size_t i = 0;
  while (i < len) {
    if (s[i] == 0x1b && i + 1 < len && s[i + 1] == '[') { /* an SGR or other CSI sequence */
      i += 2;
      while (i < len && !(s[i] >= 0x40 && s[i] <= 0x7e)) i++;
      i++;
      continue;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
    if (n <= 0) {
      cols++;
      i++;
      continue;
    }
    cols += utf8proc_charwidth(c);
    i += (size_t)n;
  }
  lua_pushinteger(L, cols);
  return 1;
}

void hq_open_width(lua_State *L, int api) {
  api = lua_absindex(L, api);
  lua_pushcfunction(L, l_width);
  lua_setfield(L, api, "width");
}
