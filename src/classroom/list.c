/* list.c: the growable array of list.h. */
#include <stdlib.h>
#include <string.h>

#include "list.h"

int list_push(cr_list *l, const void *item, size_t size) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 32;
    void *v = realloc(l->v, cap * size);
    if (!v) return 0;
    l->v = v;
    l->cap = cap;
  }
  memcpy((char *)l->v + l->n * size, item, size);
  l->n++;
  return 1;
}

void *list_take(cr_list *l, size_t *n) {
  void *v = l->v;
  *n = l->n;
  l->v = NULL;
  l->n = l->cap = 0;
  return v;
}
