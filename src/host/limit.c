/* limit.c: what a script may use — memory (the one allocator, with its cap) and CPU time. */
/*
** Every Lua state allocates through hq_alloc, which counts bytes and refuses growth past the cap.
** Every state also carries a count hook from birth; threads copy their creator's hook, so
** coroutines are watched too. The hook is cheap: it compares two numbers. A SIGINT handler may
** only set a flag and call lua_sethook (lua.c does the same); once a stop is due the hook fires on
** every line, so a script that catches the error with pcall is stopped again at its next line.
*/
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
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

static volatile sig_atomic_t interrupted;
static lua_State *volatile running; /* the state whose chunk Ctrl-C should stop */

static double cpu_now(void) {
  return (double)clock() / CLOCKS_PER_SEC;
}

static double deadline; /* CPU seconds; 0 when there is none */
static const char *phase; /* a part of the run with a shorter limit of its own, or NULL */
static double phase_limit;

static void watchdog(lua_State *L, lua_Debug *ar);

/* Raises "interrupted!" or the time limit's error when one is due; C code that runs long without
** calling Lua (the pattern guard's matcher) calls it now and then, as the hook does. */
void hq_watchdog_check(lua_State *L) {
  const char *why = NULL;
  if (interrupted)
    why = "interrupted!";
  else if (deadline > 0 && cpu_now() > deadline)
    why = "time limit exceeded";
  if (!why) return;
  /* From now on fire at every line, so the stop cannot be swallowed by pcall. */
  lua_sethook(L, watchdog, LUA_MASKLINE | LUA_MASKCOUNT, 1);
  if (why[0] == 't' && phase) luaL_error(L, "%s took more than %f s of CPU (see --time-limit)", phase, phase_limit);
  if (why[0] == 't') {
    hq_host *H = hq_host_of(L);
    luaL_error(L, "time limit exceeded (%f s of CPU without input; see --time-limit)",
               H ? H->time_limit : 0.0);
  }
  luaL_error(L, "%s", why);
}

/* ---- the tick: C functions as metamethods ---- */
/*
** A count hook fires only as Lua instructions run. A loop in C whose every step calls a C
** function — table.move over tables whose __index and __newindex are rawequal, table.sort with
** a C comparator — runs none, and would never stop. So every state's hook also fires on calls,
** C functions' included; a call does nothing but test `tick`, which a CPU timer (SIGPROF, every
** TICK_MS of CPU while a run or finalizer is on) sets. The clock is read at most once a tick.
*/
#define TICK_MS 50

static volatile sig_atomic_t tick;

static void on_tick(int sig) {
  (void)sig;
  tick = 1;
}

static void tick_start(void) {
  static int installed;
  if (!installed) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_tick;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
    installed = 1;
  }
  struct itimerval it = {{0, TICK_MS * 1000}, {0, TICK_MS * 1000}};
  setitimer(ITIMER_PROF, &it, NULL);
}

static void tick_stop(void) {
  struct itimerval it = {{0, 0}, {0, 0}};
  setitimer(ITIMER_PROF, &it, NULL);
  tick = 0;
}

static void watchdog(lua_State *L, lua_Debug *ar) {
  if (ar->event == LUA_HOOKCALL && !tick && !interrupted) return; /* the cheap path of every call */
  tick = 0;
  hq_watchdog_check(L);
}

/* ---- finalizers ---- */
/*
** Lua runs __gc with hooks off on the collecting thread, so a finalizer gets a thread of its own
** (finalize.c) whose hook checks a deadline of its own: the run's deadline, but never more than
** FINALIZER_SECONDS from its start (between runs and at lua_close there is no run deadline).
*/
#define FINALIZER_SECONDS 1 /* CPU seconds */

static double finalizer_deadline;
static int finalizer_tripped; /* one was stopped: skip the rest until the next run starts */

static void finalizer_watchdog(lua_State *L, lua_Debug *ar) {
  if (ar->event == LUA_HOOKCALL && !tick && !interrupted) return;
  tick = 0;
  if (!interrupted && cpu_now() <= finalizer_deadline) return;
  finalizer_tripped = 1;
  lua_sethook(L, finalizer_watchdog, LUA_MASKLINE | LUA_MASKCOUNT, 1); /* pcall cannot swallow it */
  if (interrupted) luaL_error(L, "interrupted!");
  luaL_error(L, "it ran past its time limit (%d s, or what was left of the run's)", FINALIZER_SECONDS);
}

int hq_watchdog_arm_finalizer(lua_State *co) {
  if (finalizer_tripped) return 0;
  double limit = cpu_now() + FINALIZER_SECONDS;
  finalizer_deadline = deadline > 0 && deadline < limit ? deadline : limit;
  lua_sethook(co, finalizer_watchdog, LUA_MASKCALL | LUA_MASKCOUNT, WATCH_EVERY);
  tick_start(); /* also between runs and at lua_close; stopped when the next run ends */
  return 1;
}

void hq_watchdog_install(lua_State *L) {
  lua_sethook(L, watchdog, LUA_MASKCALL | LUA_MASKCOUNT, WATCH_EVERY);
}

int hq_interrupt(void) {
  lua_State *L = running;
  if (!L) return 0;
  interrupted = 1;
  lua_sethook(L, watchdog, LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
  return 1;
}

void hq_watchdog_start(hq_host *H) {
  interrupted = 0;
  finalizer_tripped = 0;
  deadline = H->time_limit > 0 ? cpu_now() + H->time_limit : 0;
  running = H->L;
  tick_start();
}

void hq_watchdog_rearm(hq_host *H) {
  interrupted = 0;
  deadline = H->time_limit > 0 ? cpu_now() + H->time_limit : 0;
}

void hq_watchdog_phase(hq_host *H, const char *what, double seconds) {
  if (!what) {
    phase = NULL;
    hq_watchdog_rearm(H);
    return;
  }
  if (H->time_limit > 0 && H->time_limit < seconds) seconds = H->time_limit;
  phase = what;
  phase_limit = seconds;
  deadline = cpu_now() + seconds;
}

void hq_watchdog_stop(hq_host *H) {
  tick_stop();
  phase = NULL;
  running = NULL;
  deadline = 0;
  interrupted = 0;
  hq_watchdog_install(H->L);
}
