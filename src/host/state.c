/* state.c: creating a halqa host — the Lua state, its sandbox, the dataset and startup scripts. */
/*
** hq_open is the one function that makes a state ready for scripts. The order matters: the
** dataset is loaded into a bare state before any library exists (each file compiled once, its
** bytecode kept in a cache keyed by its text: src/data/chunkcache.c), so a data file has nothing it
** could call (not even string methods); then the allow-listed libraries, the frozen dataset and
** the `halqa` table are put in the base environment, which is sealed; then the startup scripts
** (commands/NAME.lua) run in environments of their own.
*/
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "api.h"
#include "dataset.h"
#include "eval.h"
#include "freeze.h"
#include "limit.h"
#include "paths.h"
#include "require.h"
#include "sandbox.h"
#include "state.h"

const char *hq_version(void) {
  return HALQA_VERSION;
}

static void report_problem(void *ud, const char *file, int line, const char *msg) {
  hq_host *H = ud;
  if (line > 0)
    fprintf(H->err, "%s:%d: %s\n", file, line, msg);
  else
    fprintf(H->err, "%s: %s\n", file, msg);
}

/* Protected main: builds the environment. Raises on failure (the problems already printed). */
static int pmain(lua_State *L) {
  hq_host *H = lua_touserdata(L, 1);
  /* Start-up builds one large structure that stays alive (the dataset, its indices, the
  ** proxies): collecting while it grows only walks it again and again. The collector starts once
  ** it is built; the memory cap still holds, as an emergency collection runs when it is hit. */
  lua_gc(L, LUA_GCSTOP);
  /* a data file is a chunk: one that never ends must not hold up start-up for the whole limit */
  hq_watchdog_phase(H, "loading the dataset", HQ_DATA_SECONDS);
  int problems = hq_dataset_load_cached(L, H->data_dir, H->cache_dir, report_problem, H);
  hq_watchdog_phase(H, NULL, 0);
  if (problems != 0) {
    lua_newtable(L); /* a table error: the problems were reported already */
    return lua_error(L);
  }
  int dataset = lua_gettop(L);
  hq_sandbox_open(L);
  int base = lua_gettop(L);
  hq_open_require(L, base);
  hq_push_api(L, H, dataset);
  hq_freeze_deep(L, -1, "halqa");
  lua_setfield(L, base, "halqa");
  for (const char *const *t = hq_dataset_tables; *t; t++) {
    lua_getfield(L, dataset, *t);
    hq_freeze_deep(L, -1, *t);
    lua_setfield(L, base, *t);
  }
  lua_settop(L, base);
  hq_sandbox_seal(L);
  /* The dataset is a large heap that lives as long as the state, and scripts make short-lived
  ** questions over it: the generational collector does not walk the old heap every cycle. */
  lua_gc(L, LUA_GCGEN, 0, 0);
  lua_gc(L, LUA_GCRESTART);
  return 0;
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits for a line on stdin while running opts->on_tick every tick and whenever opts->wake_fd is
** readable; returns 1 when stdin has input, 0 when on_tick stopped the read. */
static int wait_input(const hq_read_opts *opts) {
  double next = now_seconds() + opts->tick;
  for (;;) {
    struct pollfd fds[2] = { { .fd = 0, .events = POLLIN }, { .fd = opts->wake_fd, .events = POLLIN } };
    double left = next - now_seconds();
    int r = poll(fds, 2, left > 0 ? (int)(left * 1000) + 1 : 0);
    if (r < 0 && errno != EINTR) return 1;
    if (r > 0 && fds[0].revents) return 1;
    const char *prompt = NULL;
    int redrawn = 0;
    if ((r > 0 && fds[1].revents) || now_seconds() >= next) {
      if (now_seconds() >= next) next = now_seconds() + opts->tick;
      if (opts->on_tick(opts->tick_ud, 0, &prompt, &redrawn)) return 0;
    }
  }
}

static char *default_reader(void *ud, const char *prompt, const hq_read_opts *opts, int *status) {
  hq_host *H = ud;
  if (H->interactive && prompt && *prompt) {
    fputs(prompt, H->out);
    fflush(H->out);
  }
  if (opts && opts->on_tick && opts->wake_fd > 0 && !wait_input(opts)) {
    *status = HQ_READ_STOPPED;
    return NULL;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n = getline(&line, &cap, stdin);
  if (n < 0) {
    free(line);
    *status = HQ_READ_EOF;
    return NULL;
  }
  if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
  if (n > 0 && line[n - 1] == '\r') line[--n] = '\0';
  *status = HQ_READ_LINE;
  return line;
}

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void add_script_dir(hq_host *H, const char *dir) {
  if (H->n_script_dirs < HQ_MAX_SCRIPT_DIRS + 2) H->script_dirs[H->n_script_dirs++] = strdup(dir);
}

hq_host *hq_open(const hq_config *cfg) {
  hq_host *H = calloc(1, sizeof *H);
  if (!H) return NULL;
  H->out = cfg->out ? cfg->out : stdout;
  H->err = cfg->err ? cfg->err : stderr;
  H->mem.limit = cfg->mem_limit ? cfg->mem_limit : HQ_DEFAULT_MEM_LIMIT;
  H->time_limit = cfg->time_limit;
  H->columns = cfg->columns;
  H->reader = default_reader;
  H->reader_ud = H;
  const char *data = cfg->data_dir ? cfg->data_dir : hq_default_data_dir();
  if (!data || !is_dir(data)) {
    fprintf(H->err, "halqa: %s: no dataset folder there (use --data DIR)\n", data ? data : "data");
    free(H);
    return NULL;
  }
  H->data_dir = strdup(data);
  for (int i = 0; i < cfg->n_script_dirs; i++) {
    if (!is_dir(cfg->script_dirs[i])) {
      fprintf(H->err, "halqa: --scripts %s: not a folder\n", cfg->script_dirs[i]);
      hq_close(H);
      return NULL;
    }
    add_script_dir(H, cfg->script_dirs[i]);
  }
  char *user = cfg->no_user_scripts ? NULL : hq_user_scripts_dir();
  /* searched even before it exists: `import` may create it during the session */
  if (user) add_script_dir(H, user);
  free(user);
  const char *bundled_scripts = hq_default_scripts_dir();
  H->bundled_dir = -1;
  if (bundled_scripts) {
    H->bundled_dir = H->n_script_dirs;
    add_script_dir(H, bundled_scripts);
  }

  H->db_path = cfg->db_path ? strdup(cfg->db_path) : NULL;
  H->cache_dir = cfg->no_cache ? NULL : hq_chunk_cache_dir();

  lua_State *L = lua_newstate(hq_alloc, &H->mem);
  if (!L) {
    fprintf(H->err, "halqa: cannot create a Lua state: not enough memory\n");
    hq_close(H);
    return NULL;
  }
  H->L = L;
  hq_host_of(L) = H;
  hq_watchdog_install(L);
  lua_pushcfunction(L, pmain);
  lua_pushlightuserdata(L, H);
  int status = hq_docall(L, 1, 0);
  if (status != LUA_OK) {
    if (lua_type(L, -1) != LUA_TTABLE) hq_report(H, status);
    hq_close(H);
    return NULL;
  }
  if (hq_load_startup_scripts(L, H) != 0) {
    hq_close(H);
    return NULL;
  }
  return H;
}

void hq_close(hq_host *H) {
  if (!H) return;
  if (H->L) lua_close(H->L);
  store_close(H->progress); /* after lua_close: Lua's __gc may still hold statements */
  free(H->data_dir);
  free(H->db_path);
  free(H->cache_dir);
  for (int i = 0; i < H->n_script_dirs; i++) free(H->script_dirs[i]);
  free(H);
}

void hq_set_reader(hq_host *H, hq_reader fn, void *ud, int interactive) {
  H->reader = fn ? fn : default_reader;
  H->reader_ud = fn ? ud : H;
  H->interactive = interactive;
}

int hq_quit_requested(hq_host *H, int *status) {
  if (status) *status = H->quit_status;
  return H->quit;
}

void hq_memory_use(hq_host *H, size_t *used, size_t *peak) {
  *used = H->mem.used;
  *peak = H->mem.peak;
}

/* `halqa check` runs the validator alone, in a bare state with the usual limits. */
typedef struct check_args {
  const char *dir;
  FILE *out, *err;
  int status;
} check_args;

static int pcheck(lua_State *L) {
  check_args *a = lua_touserdata(L, 1);
  hq_watchdog_phase(hq_host_of(L), "loading the dataset", HQ_DATA_SECONDS);
  a->status = hq_dataset_check(L, a->dir, a->out, a->err);
  hq_watchdog_phase(hq_host_of(L), NULL, 0);
  return 0;
}

int hq_check(const char *data_dir, double time_limit, FILE *out, FILE *err) {
  if (!data_dir) {
    fprintf(err, "halqa check: no dataset folder found (use --data DIR)\n");
    return 1;
  }
  hq_host host;
  memset(&host, 0, sizeof host);
  host.mem.limit = HQ_DEFAULT_MEM_LIMIT;
  host.time_limit = time_limit;
  host.out = out;
  host.err = err;
  lua_State *L = lua_newstate(hq_alloc, &host.mem);
  if (!L) return 1;
  host.L = L;
  hq_host_of(L) = &host;
  hq_watchdog_install(L);
  check_args a = {data_dir, out, err, 1};
  lua_pushcfunction(L, pcheck);
  lua_pushlightuserdata(L, &a);
  int status = hq_docall(L, 1, 0);
  if (status != LUA_OK) {
    hq_report(&host, status);
    a.status = 1;
  }
  lua_close(L);
  return a.status;
}
