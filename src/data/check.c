/* check.c: `halqa check` — validates a dataset on its own, reporting every problem it finds. */
#include <stdio.h>

#include "dataset.h"

const char *const hq_dataset_tables[] = {"sources", "parties", "people", "organizations", "events", NULL};

typedef struct counter {
  FILE *err;
  int n;
} counter;

static void print_problem(void *ud, const char *file, int line, const char *msg) {
  counter *c = ud;
  if (line > 0) fprintf(c->err, "%s:%d: %s\n", file, line, msg);
  else fprintf(c->err, "%s: %s\n", file, msg);
  c->n++;
}

int hq_dataset_check(lua_State *L, const char *dir, FILE *out, FILE *err) {
  counter c = {err, 0};
  if (hq_dataset_load(L, dir, print_problem, &c) != 0) {
    fprintf(err, "halqa check: %d problem%s in %s\n", c.n, c.n == 1 ? "" : "s", dir);
    return 1;
  }
  int total = 0;
  for (const char *const *t = hq_dataset_tables; *t; t++) {
    lua_getfield(L, -1, *t);
    int n = 0;
    for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) n++;
    lua_pop(L, 1);
    fprintf(out, "%-14s %5d\n", *t, n);
    total += n;
  }
  fprintf(out, "%s: %d records, no problems\n", dir, total);
  lua_pop(L, 1);
  return 0;
}
