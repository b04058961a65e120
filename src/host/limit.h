/* limit.h: the memory cap (the allocator) and the CPU-time and Ctrl-C watchdog. */
#ifndef HALQA_LIMIT_H
#define HALQA_LIMIT_H

#include "state.h"

/* lua_Alloc over malloc, counting into the hq_memory given as ud and refusing past its limit. */
void *hq_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

void hq_watchdog_install(lua_State *L); /* the count hook every state carries */
void hq_watchdog_start(hq_host *H);     /* a top-level run begins: arm the deadline */
void hq_watchdog_rearm(hq_host *H);     /* the script got input: the clock starts again */
void hq_watchdog_stop(hq_host *H);      /* the run is over: clear flags and deadline */
/* A part of the run (what, e.g. "loading the dataset") gets a limit of its own, of seconds or the
** time limit if shorter, and its own message; what NULL ends it and restarts the run's clock. */
void hq_watchdog_phase(hq_host *H, const char *what, double seconds);
void hq_watchdog_check(lua_State *L);   /* raises if Ctrl-C came or the time limit passed */
/* A __gc's thread gets its own short deadline; 0 when it is to be skipped (one was stopped since
** the run began, or since the last run ended). */
int hq_watchdog_arm_finalizer(lua_State *co);

#endif
