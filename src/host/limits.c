/* alloc.c: the one allocator every Lua state uses; it counts bytes and enforces the memory cap. */
#include <stdlib.h>

#include "host.h"

/* lua_Alloc: when ptr is NULL, osize is a type tag, not a size. Growing past the limit returns
** NULL, which Lua turns into an emergency collection and then "not enough memory". */
void *hq_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  hq_memory *m = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    m->used -= old;
    return NULL;
  }
  if (nsize > old && m->limit && (m->used >= m->limit || nsize - old > m->limit - m->used)) {
    m->refused++;
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (p == NULL) return NULL;
  m->used = m->used - old + nsize;
  if (m->used > m->peak) m->peak = m->used;
  return p;
}
