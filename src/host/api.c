/* api.c: the `halqa` table, the host functions every script may call. */
/*
** This is the whole C->Lua surface besides the dataset: anything a bundled script needs from the
** host must be here, so a user's script can do what the bundled ones do. The table is frozen
** after it is built; commands are kept in the registry, never in a global.
*/
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "bindings.h"
#include "dataset.h"
#include "freeze.h"
#include "limit.h"
#include "paths.h"
#include "registry.h"
#include "require.h"

static int valid_command_name(const char *s) {
  if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) return 0;
  for (s++; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
          *s == '_' || *s == '-'))
      return 0;
  return 1;
}

/* halqa.command(name, help, fn [, complete]): registers a command for the REPL and the command
** line; complete(words) returns the option spec that Tab completes from (lib/complete.lua). */
static int api_command(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  luaL_checkstring(L, 2);
  luaL_checktype(L, 3, LUA_TFUNCTION);
  if (!lua_isnoneornil(L, 4)) luaL_checktype(L, 4, LUA_TFUNCTION);
  luaL_argcheck(L, valid_command_name(name) && strlen(name) <= 64, 1,
                "a command name is a letter then letters, digits, '_' or '-'");
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
  if (lua_getfield(L, -1, name) == LUA_TTABLE) {
    lua_getfield(L, -1, "origin");
    return luaL_error(L, "command '%s' is already defined (at %s)", name, lua_tostring(L, -1));
  }
  lua_pop(L, 1);
  lua_createtable(L, 0, 4);
  lua_pushvalue(L, 2);
  lua_setfield(L, -2, "help");
  lua_pushvalue(L, 3);
  lua_setfield(L, -2, "fn");
  lua_pushvalue(L, 4);
  lua_setfield(L, -2, "complete");
  luaL_where(L, 1);
  lua_setfield(L, -2, "origin");
  lua_setfield(L, -2, name);
  return 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* halqa.commands(): a new list of { name=, help= }, sorted by name. */
static int api_commands(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
  int reg = lua_gettop(L);
  int n = 0;
  for (lua_pushnil(L); lua_next(L, reg); lua_pop(L, 1)) n++;
  const char **names = lua_newuserdatauv(L, sizeof(char *) * (size_t)(n ? n : 1), 0);
  int i = 0;
  for (lua_pushnil(L); lua_next(L, reg); lua_pop(L, 1)) names[i++] = lua_tostring(L, -2);
  qsort(names, (size_t)n, sizeof *names, by_name); /* keys stay alive: they are in reg */
  lua_createtable(L, n, 0);
  for (i = 0; i < n; i++) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, names[i]);
    lua_setfield(L, -2, "name");
    lua_getfield(L, reg, names[i]);
    lua_getfield(L, -1, "help");
    lua_setfield(L, -3, "help");
    lua_pop(L, 1);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

/* halqa.quit([status]): the REPL ends after the current line; status is 0..255. */
static int api_quit(lua_State *L) {
  hq_host *H = hq_host_of(L);
  lua_Integer st = luaL_optinteger(L, 1, 0);
  /* an exit status is one byte: 2^40 would be cut to 0 and read as success */
  luaL_argcheck(L, st >= 0 && st <= 255, 1, "an exit status from 0 to 255");
  H->quit = 1;
  H->quit_status = (int)st;
  return 0;
}

/* A timed read's on_tick: calls the Lua function, which returns a new prompt (a string), false
** to stop the read, or nothing; a true second result says it rewrote the screen. An error stops
** the read and is left on the stack for api_readline to raise. */
typedef struct tick_state {
  lua_State *L;
  hq_host *H;
  int fn;      /* stack index of the function */
  int failed;  /* the error object is on top of the stack */
  char *prompt;
} tick_state;

static int call_tick(void *ud, int resized, const char **prompt, int *redrawn) {
  tick_state *t = ud;
  lua_State *L = t->L;
  hq_watchdog_rearm(t->H); /* each tick gets the whole time limit, like a line of input */
  lua_pushvalue(L, t->fn);
  lua_pushboolean(L, resized);
  if (lua_pcall(L, 1, 2, 0) != LUA_OK) {
    t->failed = 1;
    return 1;
  }
  int stop = lua_isboolean(L, -2) && !lua_toboolean(L, -2);
  if (lua_type(L, -2) == LUA_TSTRING) {
    char *p = strdup(lua_tostring(L, -2));
    if (p) {
      free(t->prompt);
      t->prompt = p;
      *prompt = p;
    }
  }
  *redrawn = lua_toboolean(L, -1);
  lua_pop(L, 2);
  fflush(t->H->out); /* what it drew must be on screen before readline draws the line */
  return stop;
}

/* Reads halqa.readline's options table (argument 2) into o; key strings are copied. */
static void read_options(lua_State *L, hq_read_opts *o, tick_state *t) {
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_getfield(L, 2, "on_tick");
  if (!lua_isnil(L, -1)) {
    luaL_argcheck(L, lua_isfunction(L, -1), 2, "on_tick must be a function");
    t->fn = lua_gettop(L); /* stays on the stack for the read */
    o->on_tick = call_tick;
    o->tick_ud = t;
    lua_getfield(L, 2, "tick");
    o->tick = lua_isnil(L, -1) ? 1.0 : lua_tonumber(L, -1);
    luaL_argcheck(L, o->tick > 0 && o->tick <= 3600, 2, "tick must be a number of seconds in (0, 3600]");
    lua_pop(L, 1);
    lua_getfield(L, 2, "wake");
    o->wake_fd = (int)luaL_optinteger(L, -1, 0);
    lua_pop(L, 1);
  } else {
    lua_pop(L, 1);
  }
  /* The key lines are read from a private copy of the table, left on the stack for the read, so
  ** their strings live until it ends whatever on_tick does to the options. */
  lua_getfield(L, 2, "keys");
  lua_newtable(L);
  if (!lua_isnil(L, -2)) {
    luaL_argcheck(L, lua_istable(L, -2), 2, "keys must be a table of letter = line");
    lua_pushnil(L);
    while (lua_next(L, -3)) {
      size_t klen;
      const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &klen) : NULL;
      luaL_argcheck(L, k && klen == 1 && (unsigned char)k[0] > 32 && (unsigned char)k[0] < 127, 2,
                    "keys are single printable ASCII characters");
      luaL_argcheck(L, lua_type(L, -1) == LUA_TSTRING, 2, "each key's line must be a string");
      o->keys[(unsigned char)k[0]] = lua_tostring(L, -1);
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -4); /* copy[k] = line */
    }
  }
}

static void free_options(tick_state *t) {
  free(t->prompt);
}

/* halqa.readline([prompt [, options]]): one line of input, without its newline. At end of input:
** nil, "eof". With options { on_tick = f, tick = seconds, keys = { r = "/reveal" } } at a
** terminal, f(resized) runs every tick while waiting (and on a resize) and may return a new
** prompt, or false to stop: then nil, "stopped", the text typed so far. Alt+letter enters the
** key's line. `wake = fd` (a classroom server's or client's :fd()) runs f at once whenever that
** descriptor is readable, at a terminal and from a pipe alike; without it a pipe has no clock: it
** reads the next line. */
/* The continuation of a read that yielded: the value the session was resumed with is the line
** (a string), or end of input (anything else). */
static int readline_resumed(lua_State *L, int status, lua_KContext ctx) {
  (void)status;
  (void)ctx;
  hq_watchdog_rearm(hq_host_of(L));
  if (lua_type(L, -1) == LUA_TSTRING) return 1;
  lua_pushnil(L);
  lua_pushliteral(L, "eof");
  return 2;
}

static int api_readline(lua_State *L) {
  hq_host *H = hq_host_of(L);
  const char *prompt = luaL_optstring(L, 1, "");
  /* In a session a program drives step by step (lib/embed/driver.lua), a read is a yield: the
  ** prompt goes out to the program, and its answer comes back as the line. */
  if (H->yield_reads && lua_isyieldable(L)) {
    lua_settop(L, 1);
    if (lua_isnil(L, 1)) {
      lua_pop(L, 1);
      lua_pushliteral(L, "");
    }
    return lua_yieldk(L, 1, 0, readline_resumed);
  }
  hq_read_opts o;
  tick_state t;
  memset(&o, 0, sizeof o);
  memset(&t, 0, sizeof t);
  t.L = L;
  t.H = H;
  int have_opts = !lua_isnoneornil(L, 2);
  if (have_opts) read_options(L, &o, &t); /* raises before anything is allocated */
  int status = HQ_READ_LINE;
  fflush(H->out); /* what was written so far must be on screen before we wait */
  char *line = H->reader(H->reader_ud, prompt, have_opts ? &o : NULL, &status);
  hq_watchdog_rearm(H);
  free_options(&t);
  if (t.failed) {
    free(line);
    return lua_error(L); /* the on_tick error, on top */
  }
  if (status == HQ_READ_INTERRUPTED) {
    free(line);
    return luaL_error(L, "interrupted!");
  }
  if (status == HQ_READ_STOPPED) {
    lua_pushnil(L);
    lua_pushliteral(L, "stopped");
    lua_pushstring(L, line ? line : "");
    free(line);
    return 3;
  }
  if (!line) {
    lua_pushnil(L);
    lua_pushliteral(L, "eof");
    return 2;
  }
  lua_pushstring(L, line);
  free(line);
  return 1;
}

/* Writes the arguments (strings or numbers) to f. */
static void write_args(lua_State *L, FILE *f) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_checklstring(L, i, &len);
    fwrite(s, 1, len, f);
  }
}

/* halqa.write(...): writes strings or numbers with no newline added. */
static int api_write(lua_State *L) {
  hq_host *H = hq_host_of(L);
  write_args(L, H->out);
  if (H->interactive) fflush(H->out);
  return 0;
}

/* halqa.warn(...): writes strings to standard error with a newline, apart from the output (an
** export's report of what it left out must not end up inside the exported file). */
static int api_warn(lua_State *L) {
  hq_host *H = hq_host_of(L);
  write_args(L, H->err);
  fputc('\n', H->err);
  fflush(H->err);
  return 0;
}

/* halqa.interactive(): true when a person is at a terminal (input and output). */
static int api_interactive(lua_State *L) {
  lua_pushboolean(L, hq_host_of(L)->interactive);
  return 1;
}

/* The output terminal's size in one dimension (ws_col or ws_row), else the environment
** variable env, else fallback. */
static int terminal_size(lua_State *L, int rows, const char *env, int fallback) {
  hq_host *H = hq_host_of(L);
  struct winsize ws;
  int n = rows ? 0 : H->columns; /* an embedding program's fixed width */
  if (n <= 0 && ioctl(fileno(H->out), TIOCGWINSZ, &ws) == 0) n = rows ? ws.ws_row : ws.ws_col;
  const char *v = getenv(env);
  if (n <= 0 && v) n = atoi(v);
  lua_pushinteger(L, n > 0 ? n : fallback);
  return 1;
}

/* halqa.columns(): the output terminal's width, else $COLUMNS, else 80. */
static int api_columns(lua_State *L) { return terminal_size(L, 0, "COLUMNS", 80); }

/* halqa.rows(): the output terminal's height, else $LINES, else 24. */
static int api_rows(lua_State *L) { return terminal_size(L, 1, "LINES", 24); }

/* halqa.color(): whether to colour output: a terminal, NO_COLOR unset, TERM not dumb. */
static int api_color(lua_State *L) {
  hq_host *H = hq_host_of(L);
  const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
  lua_pushboolean(L, isatty(fileno(H->out)) && !(no && *no) && !(term && strcmp(term, "dumb") == 0));
  return 1;
}

/* halqa.scripts(folder): the module names found in folder across the scripts search path. */
static int api_scripts(lua_State *L) {
  const char *folder = luaL_checkstring(L, 1);
  luaL_argcheck(L, !strstr(folder, "..") && folder[0] != '/', 1, "a folder inside the scripts folders");
  hq_push_script_list(L, hq_host_of(L), folder);
  return 1;
}

/* halqa.clock(): seconds on a monotonic clock, for timing answers and sessions. */
static int api_clock(lua_State *L) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec / 1e9);
  return 1;
}

/* halqa.memory(): bytes of Lua memory in use, and the most used so far. */
static int api_memory(lua_State *L) {
  hq_host *H = hq_host_of(L);
  lua_pushinteger(L, (lua_Integer)H->mem.used);
  lua_pushinteger(L, (lua_Integer)H->mem.peak);
  return 2;
}

static const luaL_Reg api_funcs[] = {
  {"command", api_command}, {"commands", api_commands}, {"quit", api_quit},
  {"readline", api_readline}, {"write", api_write}, {"warn", api_warn}, {"interactive", api_interactive},
  {"columns", api_columns}, {"rows", api_rows}, {"color", api_color}, {"scripts", api_scripts},
  {"memory", api_memory}, {"clock", api_clock}, {NULL, NULL}
};

/* The store stopped saving mid-session (a full disk): said at once, before the answer that could
** not be kept is acknowledged on screen. */
static void tell_notice(void *ud, const char *reason) {
  hq_host *H = ud;
  fflush(H->out);
  fprintf(H->err, "halqa: %s\n", reason);
  fflush(H->err);
}

/* The progress store, opened the first time something asks (a store that cannot save still
** runs in memory, and the reason is printed then); NULL only when there was no memory for it. */
static store *open_progress(void *ud) {
  hq_host *H = ud;
  if (H->store_tried) return H->progress;
  H->store_tried = 1;
  char why[1024] = "";
  store_status st = store_open(H->db_path, &H->progress, why, sizeof why);
  if (st == STORE_ERROR) {
    fprintf(H->err, "halqa: cannot open the progress store: not enough memory\n");
    H->progress = NULL;
  } else if (st != STORE_OK) {
    fprintf(H->err, "halqa: %s\n", why);
  }
  if (H->progress) store_on_notice(H->progress, tell_notice, H);
  return H->progress;
}

void hq_push_api(lua_State *L, hq_host *H, int dataset) {
  dataset = lua_absindex(L, dataset);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
  luaL_newlib(L, api_funcs);
  lua_pushstring(L, HALQA_VERSION);
  lua_setfield(L, -2, "version");
  lua_pushstring(L, H->data_dir);
  lua_setfield(L, -2, "data_dir");
  lua_createtable(L, H->n_script_dirs, 0);
  for (int i = 0; i < H->n_script_dirs; i++) {
    lua_pushstring(L, H->script_dirs[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "script_dirs");
  hq_push_indices(L, dataset);
  lua_setfield(L, -2, "index");
  hq_open_grade(L, -1);
  hq_push_frozen_targets(L);
  hq_open_random(L, -2, -1);
  hq_open_json(L, -2, -1);
  lua_pop(L, 1);
  hq_open_width(L, -1);
  hq_open_save(L, -1);
  char *user = hq_user_scripts_dir();
  hq_open_save_generator(L, -1, user);
  free(user);
  hq_open_read(L, -1);
  hq_open_zip(L, -1);
  hq_open_xlsx(L, -1);
  hq_open_sqlite_image(L, -1);
  hq_open_fsrs(L);
  lua_setfield(L, -2, "fsrs");
  hq_open_store_lazy(L, -1, open_progress, H);
  hq_open_classroom(L, -1, hq_default_web_dir());
}
