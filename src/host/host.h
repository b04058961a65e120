/* host.h: what the core's modules share: the host struct and each module's entry points. */
#ifndef HALQA_HOST_H
#define HALQA_HOST_H

#include <lua.h>
#include <lauxlib.h>

#include "halqa.h"
#include "store.h"

typedef struct hq_memory {
  size_t used, peak, limit;
  unsigned long refused; /* allocations refused by the cap */
} hq_memory;

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
  store *progress;  /* the progress store (never NULL once open; may be in no-save mode) */
};

/* The host that owns a Lua state (kept in the state's extra space; threads inherit it). */
#define hq_host_of(L) (*(hq_host **)lua_getextraspace(L))

/* Registry keys. */
#define HQ_REG_BASE "halqa.base"         /* the frozen global base every environment reads */
#define HQ_REG_COMMANDS "halqa.commands" /* name -> { help=, fn=, origin= } */
#define HQ_REG_LOADED "halqa.loaded"     /* require's cache */
#define HQ_REG_REPL_ENV "halqa.replenv"  /* the REPL's own environment */

/* alloc.c */
void *hq_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* interrupt.c: Ctrl-C and the CPU-time limit, enforced from a count hook. */
void hq_watchdog_install(lua_State *L);
void hq_watchdog_start(hq_host *H);  /* a top-level run begins: arm the deadline */
void hq_watchdog_rearm(hq_host *H);  /* the script got input: the clock starts again */
void hq_watchdog_stop(hq_host *H);   /* the run is over: clear flags and deadline */

/* freeze.c: read-only proxies. */
void hq_freeze(lua_State *L, int idx, const char *name); /* replaces the table at idx by its proxy */
int hq_is_frozen(lua_State *L, int idx);
int hq_push_frozen_target(lua_State *L, int idx);       /* the real table behind a proxy */
void hq_open_freeze_guards(lua_State *L, int base);      /* rawset/rawget/rawlen/next that see proxies */

/* sandbox.c: the allow-listed libraries and per-script environments. */
void hq_sandbox_open(lua_State *L);   /* pushes the (unfrozen) base table */
void hq_sandbox_seal(lua_State *L);   /* freezes the base table on the stack top and stores it */
void hq_push_env(lua_State *L);       /* a new environment reading through to the base */
int hq_load_text(lua_State *L, const char *buf, size_t len, const char *chunkname);
int hq_load_file(lua_State *L, const char *path); /* text only, chunk name "@path" */

/* patguard.c: string pattern functions that refuse matches too costly to interrupt. */
void hq_guard_patterns(lua_State *L, int strlib);

/* require.c: modules from the scripts folders only. */
void hq_open_require(lua_State *L, int base);
int hq_find_script(hq_host *H, const char *relpath, char *out, size_t outlen);
void hq_push_script_list(lua_State *L, hq_host *H, const char *folder);
int hq_load_startup_scripts(lua_State *L, hq_host *H); /* commands/NAME.lua; 0 ok */

/* dataset.c: loading and validating data/NAME.lua. */
typedef void (*hq_problem_fn)(void *ud, const char *file, int line, const char *msg);
int hq_dataset_load(lua_State *L, const char *dir, hq_problem_fn report, void *ud);
/* On success pushes a table { parties=, people=, events=, organizations=, sources= } and returns
** the number of problems (0); on failure pushes nothing and returns the count reported. */

/* indices.c: derived indices built once after loading. */
void hq_push_indices(lua_State *L, int dataset);

/* api.c: the `halqa` table. */
void hq_push_api(lua_State *L, hq_host *H, int dataset);

/* lua_grade.c, lua_random.c, lua_json.c, lua_width.c: halqa.grade/format_date/normalize,
** halqa.random, halqa.json, halqa.width, each set into the api table at idx. */
void hq_open_grade(lua_State *L, int api);
void hq_open_random(lua_State *L, int api);
void hq_open_json(lua_State *L, int api);
void hq_open_width(lua_State *L, int api);
void hq_open_save(lua_State *L, int api); /* lua_save.c: halqa.save, halqa.can_save */

/* eval.c: running user code. */
int hq_docall(lua_State *L, int narg, int nres); /* protected call with traceback */
int hq_report(hq_host *H, int status);           /* prints an error on the stack; returns 1 if any */
void hq_push_repl_env(lua_State *L);

/* paths.c */
char *hq_user_scripts_dir(void);  /* malloc'd; $XDG_CONFIG_HOME/halqa/scripts or ~/.config/... */

#endif
