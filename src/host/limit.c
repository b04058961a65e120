/* limit.c: what a script may use — memory (the one allocator, with its cap) and CPU time. */
/*
** Every Lua state allocates through hq_alloc, which counts bytes and refuses growth past the cap.
** Every state also carries a count hook from birth; threads copy their creator's hook, so
** coroutines are watched too. The hook is cheap: it compares two numbers. A SIGINT handler may
** only set a flag, and so does another thread (halqa_interrupt): the state is the host's alone,
** and the flag is an atomic in the host struct. Once a stop is due the hook fires on every line,
** so a script that catches the error with pcall is stopped again at its next line.
*/
#include <pthread.h>
#include <stdatomic.h>
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

static void watchdog(lua_State *L, lua_Debug *ar);

/* Raises "interrupted!" or the time limit's error when one is due. Everything it reads is the
** host's own: the interrupt flag (an atomic, set by hq_interrupt from a signal handler or another
** thread) and the deadline (set in this thread). C code that runs long without calling Lua (the
** pattern guard's matcher) calls it now and then, as the hook does. */
void hq_watchdog_check(lua_State *L) {
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
  if (why[0] == 't' && H->watch.phase)
    luaL_error(L, "%s took more than %f s of CPU (see --time-limit)", H->watch.phase, H->watch.phase_limit);
  if (why[0] == 't')
    luaL_error(L, "time limit exceeded (%f s of CPU without input; see --time-limit)", H->time_limit);
  luaL_error(L, "%s", why);
}

/* ---- the tick: C functions as metamethods ---- */
/*
** A count hook fires only as Lua instructions run. A loop in C whose every step calls a C
** function — table.move over tables whose __index and __newindex are rawequal, table.sort with
** a C comparator — runs none, and would never stop. So every state's hook also fires on calls,
** C functions' included; a call does nothing but compare `ticks` with the host's last seen
** value. A thread of the library's own counts the ticks, every TICK_MS: the only process-wide
** part of the watchdog, a counter each host reads and none resets, so hosts in several threads
** never take a tick from each other. No signal is used (an embedding program keeps its own
** handlers); the thread starts with the first run and sleeps for the life of the process.
*/
#define TICK_MS 50

static atomic_uint ticks;

static void *ticker(void *arg) {
  (void)arg;
  struct timespec ts = {0, TICK_MS * 1000000L};
  for (;;) {
    nanosleep(&ts, NULL);
    atomic_fetch_add_explicit(&ticks, 1, memory_order_relaxed);
  }
  return NULL;
}

static void tick_start(void) {
  static atomic_int started;
  if (atomic_exchange(&started, 1)) return;
  pthread_t t;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  if (pthread_create(&t, &attr, ticker, NULL) != 0) atomic_store(&started, 0); /* the count hook still runs */
  pthread_attr_destroy(&attr);
}

/* A call with no new tick and no interrupt: nothing to check (the cheap path of every call). */
static int quiet_call(hq_host *H, lua_Debug *ar) {
  if (ar->event != LUA_HOOKCALL || atomic_load(&H->watch.interrupted)) return 0;
  unsigned t = atomic_load_explicit(&ticks, memory_order_relaxed);
  if (t == H->watch.seen_tick) return 1;
  H->watch.seen_tick = t;
  return 0;
}

static void watchdog(lua_State *L, lua_Debug *ar) {
  hq_host *H = hq_host_of(L);
  if (!H || quiet_call(H, ar)) return;
  hq_watchdog_check(L);
}

/* ---- finalizers ---- */
/*
** Lua runs __gc with hooks off on the collecting thread, so a finalizer gets a thread of its own
** (finalize.c) whose hook checks a deadline of its own: the run's deadline, but never more than
** FINALIZER_SECONDS from its start (between runs and at lua_close there is no run deadline).
*/
#define FINALIZER_SECONDS 1 /* CPU seconds */

static void finalizer_watchdog(lua_State *L, lua_Debug *ar) {
  hq_host *H = hq_host_of(L);
  if (!H || quiet_call(H, ar)) return;
  int stop = atomic_load(&H->watch.interrupted);
  if (!stop && cpu_now() <= H->watch.finalizer_deadline) return;
  H->watch.finalizer_tripped = 1;
  lua_sethook(L, finalizer_watchdog, LUA_MASKLINE | LUA_MASKCOUNT, 1); /* pcall cannot swallow it */
  if (stop) luaL_error(L, "interrupted!");
  luaL_error(L, "it ran past its time limit (%d s, or what was left of the run's)", FINALIZER_SECONDS);
}

int hq_watchdog_arm_finalizer(lua_State *co) {
  hq_host *H = hq_host_of(co);
  if (!H || H->watch.finalizer_tripped) return 0;
  double limit = cpu_now() + FINALIZER_SECONDS, run = H->watch.deadline;
  H->watch.finalizer_deadline = run > 0 && run < limit ? run : limit;
  lua_sethook(co, finalizer_watchdog, LUA_MASKCALL | LUA_MASKCOUNT, WATCH_EVERY);
  tick_start();
  return 1;
}

void hq_watchdog_install(lua_State *L) {
  lua_sethook(L, watchdog, LUA_MASKCALL | LUA_MASKCOUNT, WATCH_EVERY);
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
  H->watch.finalizer_tripped = 0;
  H->watch.deadline = H->time_limit > 0 ? cpu_now() + H->time_limit : 0;
  atomic_store(&H->watch.running, 1);
  tick_start();
}

void hq_watchdog_rearm(hq_host *H) {
  atomic_store(&H->watch.interrupted, 0);
  H->watch.deadline = H->time_limit > 0 ? cpu_now() + H->time_limit : 0;
}

void hq_watchdog_phase(hq_host *H, const char *what, double seconds) {
  if (!what) {
    H->watch.phase = NULL;
    hq_watchdog_rearm(H);
    return;
  }
  if (H->time_limit > 0 && H->time_limit < seconds) seconds = H->time_limit;
  H->watch.phase = what;
  H->watch.phase_limit = seconds;
  H->watch.deadline = cpu_now() + seconds;
}

void hq_watchdog_stop(hq_host *H) {
  H->watch.phase = NULL;
  atomic_store(&H->watch.running, 0);
  H->watch.deadline = 0;
  atomic_store(&H->watch.interrupted, 0);
  hq_watchdog_install(H->L);
}
