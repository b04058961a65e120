/* limit.c: what a script may use — memory (the one allocator, with its cap) and CPU time. */
/*
** Every Lua state allocates through hq_alloc, which counts bytes and refuses growth past the cap.
** Every state also carries a count hook from birth; threads copy their creator's hook, so
** coroutines are watched too. The hook is cheap: it compares two numbers. A SIGINT handler may
** only set a flag, and so does another thread (halqa_interrupt): the state is the host's alone,
** and the flag is an atomic in the host struct. Once a stop is due the hook fires on every line,
** so a script that catches the error with pcall is stopped again at its next line.
*/
#include <stdlib.h>
#include <time.h>

#include "limit.h"
#include "state.h"

/* ---- memory ---- */

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

/* ---- time and Ctrl-C ---- */

#define WATCH_EVERY 10000 /* instructions between checks */

/* CPU time of the calling thread: hosts in other threads of the process do not count against
** this one's limit, and every top-level call arms and checks its deadline in one thread. */
static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The count hook. Everything it reads is the host's own: the interrupt flag (an atomic, set by
** hq_interrupt from a signal handler or another thread) and the deadline (set in this thread). */
static void watchdog(lua_State *L, lua_Debug *ar) {
  (void)ar;
  hq_host *H = hq_host_of(L);
  if (!H) return;
  const char *why = NULL;
  if (atomic_load(&H->watch.interrupted))
    why = "interrupted!";
  else if (H->watch.deadline > 0 && cpu_now() > H->watch.deadline)
    why = "time limit exceeded";
  if (!why) return;
  /* From now on fire at every line, so the stop cannot be swallowed by pcall. */
  lua_sethook(L, watchdog, LUA_MASKLINE | LUA_MASKCOUNT, 1);
  if (why[0] == 't')
    luaL_error(L, "time limit exceeded (%f s of CPU without input; see --time-limit)", H->time_limit);
  luaL_error(L, "%s", why);
}

void hq_watchdog_install(lua_State *L) {
  lua_sethook(L, watchdog, LUA_MASKCOUNT, WATCH_EVERY);
}

/* Only sets flags: the count hook sees them within WATCH_EVERY instructions. Calling lua_sethook
** here would touch the state from another thread. */
int hq_interrupt(hq_host *H) {
  if (!H || !atomic_load(&H->watch.running)) return 0;
  atomic_store(&H->watch.interrupted, 1);
  return 1;
}

void hq_watchdog_start(hq_host *H) {
  atomic_store(&H->watch.interrupted, 0);
  H->watch.deadline = H->time_limit > 0 ? cpu_now() + H->time_limit : 0;
  atomic_store(&H->watch.running, 1);
}

void hq_watchdog_rearm(hq_host *H) {
  atomic_store(&H->watch.interrupted, 0);
  H->watch.deadline = H->time_limit > 0 ? cpu_now() + H->time_limit : 0;
}

void hq_watchdog_stop(hq_host *H) {
  atomic_store(&H->watch.running, 0);
  H->watch.deadline = 0;
  atomic_store(&H->watch.interrupted, 0);
  hq_watchdog_install(H->L);
}
