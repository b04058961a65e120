/* check.c: `halqa check` — validates a dataset on its own, reporting every problem it finds. */
#include <stdlib.h>
#include <string.h>

#include "host.h"

static const char *const tables[] = {"sources", "parties", "people", "organizations", "events", NULL};

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

static int pcheck(lua_State *L) {
  counter *c = lua_touserdata(L, 1);
  const char *dir = lua_tostring(L, 2);
  if (hq_dataset_load(L, dir, print_problem, c) != 0) return 0;
  return 1;
}

int hq_check(const char *data_dir, FILE *out, FILE *err) {
  if (!data_dir) {
    fprintf(err, "halqa check: no dataset folder found (use --data DIR)\n");
    return 1;
  }
  hq_host host;
  memset(&host, 0, sizeof host);
  host.mem.limit = HQ_DEFAULT_MEM_LIMIT;
  host.time_limit = 60;
  host.out = out;
  host.err = err;
  lua_State *L = lua_newstate(hq_alloc, &host.mem);
  if (!L) return 1;
  host.L = L;
  hq_host_of(L) = &host;
  hq_watchdog_install(L);
  counter c = {err, 0};
  lua_pushcfunction(L, pcheck);
  lua_pushlightuserdata(L, &c);
  lua_pushstring(L, data_dir);
  int status = hq_docall(L, 2, 1);
  int ok = status == LUA_OK && lua_istable(L, -1);
  if (status != LUA_OK) hq_report(&host, status);
  if (ok) {
    int total = 0;
    for (const char *const *t = tables; *t; t++) {
      lua_getfield(L, -1, *t);
      int n = 0;
      for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) n++;
      lua_pop(L, 1);
      fprintf(out, "%-14s %5d\n", *t, n);
      total += n;
    }
    fprintf(out, "%s: %d records, no problems\n", data_dir, total);
  } else if (c.n) {
    fprintf(err, "halqa check: %d problem%s in %s\n", c.n, c.n == 1 ? "" : "s", data_dir);
  }
  lua_close(L);
  return ok ? 0 : 1;
}
