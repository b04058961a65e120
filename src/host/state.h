/* state.h: the host struct every host file shares, and how a Lua state finds its host. */
#ifndef HALQA_STATE_H
#define HALQA_STATE_H

#include <stdatomic.h>

#include <lua.h>
#include <lauxlib.h>

#include "host.h"
#include "store.h"

typedef struct hq_memory {
  size_t used, peak, limit;
  unsigned long refused; /* allocations refused by the cap */
} hq_memory;

/* The watchdog of one host (limit.c): nothing of it is process-wide, so hosts in many threads
** time and interrupt independently. */
typedef struct hq_watch {
  atomic_int interrupted; /* set by hq_interrupt, from a signal handler or another thread */
  atomic_int running;     /* a top-level call is running */
  double deadline;        /* this thread's CPU seconds; 0 when there is none */
  const char *phase;      /* a part of the run with a shorter limit of its own, or NULL */
  double phase_limit;
  double finalizer_deadline; /* of the __gc running now (finalize.c) */
  int finalizer_tripped;  /* one was stopped: skip the rest until the next run starts */
  unsigned seen_tick;     /* the CPU timer's tick last acted on (limit.c) */
} hq_watch;

struct hq_host {
  lua_State *L;
  hq_memory mem;
  double time_limit;
  FILE *out, *err;
  hq_reader reader;
  void *reader_ud;
  int interactive;
  int quit, quit_status;
  char *data_dir;
  char *script_dirs[HQ_MAX_SCRIPT_DIRS + 2];
  int n_script_dirs;
  hq_watch watch;
  int columns;      /* fixed screen width (an embedding program's), 0 to ask the terminal */
  int yield_reads;  /* halqa.readline yields to the caller (an embedded session) */
  int bundled_dir;         /* index of the bundled scripts in script_dirs, or -1 */
  char *cache_dir;  /* compiled chunks (chunkcache.h), or NULL with --no-cache */
  char *db_path;    /* --db, or NULL for the default; the store opens on first use */
  int store_tried;  /* opening the store was tried (the store is open, in some mode, or failed) */
  store *progress;  /* the progress store once open (may be in no-save mode); NULL before */
};

/* The host that owns a Lua state (kept in the state's extra space; threads inherit it). */
#define hq_host_of(L) (*(hq_host **)lua_getextraspace(L))

#endif
