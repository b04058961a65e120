/* handle.c: libhalqa's handle — opening and closing an engine, halqa_eval, errors, interrupts. */
/*
** A handle is a host (src/host) whose output and error streams are memory (capture.c), whose
** input is the program's (a session's steps; otherwise the end of input), with no global of its
** own: the one process-wide thing is the SIGINT handler, installed only when the program asks.
*/
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "handle.h"
#include "registry.h"

const char *halqa_version(void) {
  return hq_version();
}

void halqa_free(void *p) {
  free(p);
}

int lib_error(char **err, int code, const char *msg) {
  if (err) *err = strdup(msg);
  return code;
}

void lib_begin(halqa *h) {
  capture_clear(&h->out);
  capture_clear(&h->err);
}

/* Outside a session a script that reads input (halqa.readline) meets the end of it: the
** library never reads the program's stdin. */
static char *no_input(void *ud, const char *prompt, const hq_read_opts *opts, int *status) {
  (void)ud, (void)prompt, (void)opts;
  *status = HQ_READ_EOF;
  return NULL;
}

/* The message the host wrote, without its last newline; msg when it wrote none. */
static char *take_message(halqa *h, const char *msg) {
  char *text = capture_take(&h->err, NULL);
  if (!text) return NULL;
  size_t n = strlen(text);
  while (n > 0 && text[n - 1] == '\n') text[--n] = '\0';
  if (n == 0) {
    free(text);
    return strdup(msg);
  }
  return text;
}

/* A command's message is one line wrapped for a screen ("...\n  continued"); a program gets the
** line: each newline and the indent after it become one space. */
static void unwrap(char *msg) {
  char *w = msg;
  for (const char *r = msg; *r; r++) {
    if (*r == '\n') {
      while (r[1] == ' ') r++;
      *w++ = ' ';
    } else {
      *w++ = *r;
    }
  }
  *w = '\0';
}

int lib_fail(halqa *h, int status, char **err) {
  lua_State *L = h->H->L;
  int code = HALQA_ERROR;
  int message = lua_type(L, -1) == LUA_TTABLE; /* { message=, status= }: a one-line message */
  if (status == LUA_ERRMEM) {
    code = HALQA_ENOMEM;
  } else if (lua_type(L, -1) == LUA_TTABLE) { /* a command's usage error: { message=, status= } */
    lua_getfield(L, -1, "status");
    if (lua_tointeger(L, -1) == 2) code = HALQA_EUSAGE;
    lua_pop(L, 1);
  } else if (lua_type(L, -1) == LUA_TSTRING && strstr(lua_tostring(L, -1), "interrupted!")) {
    code = HALQA_EINTERRUPTED;
  }
  h->last = code;
  capture_clear(&h->err); /* only this error's message, not a notice before it */
  hq_report(h->H, status);
  char *msg = take_message(h, "halqa: error");
  if (msg && message) unwrap(msg);
  if (err) *err = msg;
  else free(msg);
  return code;
}

void lib_push_global(lua_State *L, const char *name) {
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_BASE);
  lua_getfield(L, -1, name);
  lua_remove(L, -2);
}

void lib_push_command(lua_State *L, const char *name) {
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
  lua_getfield(L, -1, name);
  lua_remove(L, -2);
  if (lua_istable(L, -1)) lua_getfield(L, -1, "fn");
  else lua_pushnil(L);
  lua_remove(L, -2);
}

char *lib_json(halqa *h, int *status) {
  lua_State *L = h->H->L;
  lib_push_global(L, "halqa");
  lua_getfield(L, -1, "json");
  lua_remove(L, -2);
  lua_insert(L, -2); /* json value */
  *status = hq_docall(L, 1, 1);
  if (*status != LUA_OK) return NULL;
  char *s = strdup(lua_tostring(L, -1));
  lua_pop(L, 1);
  if (!s) *status = LUA_ERRMEM;
  if (!s) lua_pushliteral(L, "not enough memory");
  return s;
}

/* ---- Ctrl-C, when the program asks ---- */

/* The handle Ctrl-C interrupts: the one process-wide variable, set only by catch_sigint. */
static _Atomic(halqa *) sigint_target;

static void on_sigint(int sig) {
  (void)sig;
  halqa *h = atomic_load(&sigint_target);
  if (h) hq_interrupt(h->H);
}

void lib_release_sigint(halqa *h) {
  halqa *self = h;
  if (atomic_compare_exchange_strong(&sigint_target, &self, NULL)) signal(SIGINT, SIG_DFL);
}

static void catch_sigint(halqa *h) {
  atomic_store(&sigint_target, h);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
}

halqa *halqa_open(const halqa_config *cfg, char **err) {
  static const halqa_config defaults;
  if (!cfg) cfg = &defaults;
  if (err) *err = NULL;
  hq_config hc;
  memset(&hc, 0, sizeof hc);
  for (const char *const *d = cfg->script_dirs; d && *d; d++) {
    if (hc.n_script_dirs == HQ_MAX_SCRIPT_DIRS) {
      lib_error(err, HALQA_EUSAGE, "halqa_open: at most 16 script_dirs");
      return NULL;
    }
    hc.script_dirs[hc.n_script_dirs++] = *d;
  }
  hc.data_dir = cfg->data_dir;
  hc.db_path = cfg->store_path;
  hc.mem_limit = cfg->mem_limit;
  hc.time_limit = cfg->time_limit < 0 ? 0 : cfg->time_limit == 0 ? 60 : cfg->time_limit;
  hc.columns = cfg->columns > 0 ? cfg->columns : cfg->terminal ? 0 : 80; /* 0: the terminal's */
  hc.no_user_scripts = cfg->no_user_scripts;
  hc.no_cache = cfg->no_cache;
  halqa *h = calloc(1, sizeof *h);
  if (!h || capture_open(&h->out) != 0 || capture_open(&h->err) != 0) {
    if (h) capture_close(&h->out), capture_close(&h->err);
    free(h);
    lib_error(err, HALQA_ENOMEM, "halqa_open: not enough memory");
    return NULL;
  }
  if (!cfg->terminal) { /* a terminal front end prints as it goes */
    hc.out = h->out.f;
    hc.err = h->err.f;
  }
  h->H = hq_open(&hc);
  if (!h->H) {
    char *msg = take_message(h, "halqa_open: the engine could not start");
    if (err) *err = msg;
    else free(msg);
    capture_close(&h->out);
    capture_close(&h->err);
    free(h);
    return NULL;
  }
  if (!cfg->terminal) hq_set_reader(h->H, no_input, NULL, 0);
  if (cfg->catch_sigint) catch_sigint(h);
  return h;
}

int halqa_last_status(const halqa *h) {
  return h ? h->last : HALQA_EUSAGE;
}

/* ---- interrupts ---- */

int halqa_interrupt(halqa *h) {
  return h ? hq_interrupt(h->H) : 0;
}

/* ---- eval ---- */

int halqa_eval(halqa *h, const char *lua, char **result_json, char **err) {
  if (result_json) *result_json = NULL;
  if (err) *err = NULL;
  if (!h || !lua) return lib_error(err, HALQA_EUSAGE, "halqa_eval: no handle or no code");
  lua_State *L = h->H->L;
  lib_begin(h);
  int top = lua_gettop(L);
  int status = hq_run_values(h->H, lua, "=(eval)");
  if (status != LUA_OK) {
    int code = lib_fail(h, status, err);
    lua_settop(L, top);
    return code;
  }
  int n = lua_gettop(L) - top;
  if (n == 0) lua_pushnil(L);
  else if (n > 1) { /* several values: an array of them */
    lua_createtable(L, n, 0);
    lua_insert(L, top + 1);
    for (int i = n; i >= 1; i--) lua_rawseti(L, top + 1, i);
  }
  char *json = lib_json(h, &status);
  int code = HALQA_OK;
  if (!json) code = lib_fail(h, status, err);
  lua_settop(L, top);
  if (result_json) *result_json = json;
  else free(json);
  return code;
}
