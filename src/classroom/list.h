/* list.h: a growable array handed over whole — the server's queue of events and the client's of
** messages, each filled by one thread and emptied by another under the owner's lock (list.c). */
#ifndef HALQA_CLASSROOM_LIST_H
#define HALQA_CLASSROOM_LIST_H

#include <stddef.h>

typedef struct cr_list {
  void *v;
  size_t n, cap;
} cr_list;

/* Appends a copy of the item (size bytes); 0 when out of memory. */
int list_push(cr_list *l, const void *item, size_t size);
/* Hands the items over (malloc'd, *n of them) and leaves the list empty. */
void *list_take(cr_list *l, size_t *n);

#endif
