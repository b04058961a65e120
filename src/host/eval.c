/* eval.c: running user code — chunks, files, REPL lines and commands — and reporting errors. */
/*
** Everything a user wrote runs through docall: a protected call whose message handler appends a
** traceback, with the watchdog armed for Ctrl-C and the time limit. The REPL evaluator follows
** lua.c: a line is first tried as `return <line>` so expressions print, and a syntax error that
** ends at <eof> means the chunk is unfinished.
*/
#include <string.h>

#include "bindings.h"
#include "eval.h"
#include "limit.h"
#include "registry.h"
#include "sandbox.h"

/* True when no Lua function but the main chunk is on the stack: an error in a typed line such as
** `clear` or `1 + nil`, where a traceback would only repeat the line the message already names. */
static int in_main_chunk_only(lua_State *L) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    if (lua_getinfo(L, "S", &ar) && strcmp(ar.what, "Lua") == 0) return 0;
  }
  return 1;
}

/* The string field `key` of the table at idx, read raw (a hostile __index cannot run), or NULL. */
static const char *raw_string(lua_State *L, int idx, const char *key) {
  idx = lua_absindex(L, idx);
  lua_pushstring(L, key);
  lua_rawget(L, idx);
  const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
  lua_pop(L, 1); /* the string stays alive in the table */
  return s;
}

/* True when the error was raised by `require` itself: a module not found, or one that would not
** load (a syntax error in a user's generator). Its message names the file and line; a traceback
** would only list the bundled code that asked for the module. */
static int raised_by_require(lua_State *L) {
  lua_Debug ar;
  if (!lua_getstack(L, 1, &ar) || !lua_getinfo(L, "f", &ar)) return 0;
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_BASE);
  lua_getfield(L, -1, "require");
  int is = lua_tocfunction(L, -3) != NULL && lua_rawequal(L, -1, -3);
  lua_pop(L, 3);
  return is;
}

/* Message handler: error objects that are not strings keep their __tostring (called here, where
** an error inside it is caught) or become a description; tables without one pass as they are,
** for the reporter, which runs unprotected, to read raw (a usage error's `message`, `status`).
** Strings get a traceback, unless the error is in the main chunk itself or comes from require. */
static int msghandler(lua_State *L) {
  const char *msg = lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER ? lua_tostring(L, 1) : NULL;
  if (msg == NULL) {
    if (lua_type(L, 1) == LUA_TTABLE && raw_string(L, 1, "message")) return 1; /* usage error */
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    if (lua_type(L, 1) == LUA_TTABLE) return 1; /* the host's "already reported"; read raw */
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  if (in_main_chunk_only(L) || raised_by_require(L)) {
    lua_pushstring(L, msg);
    return 1;
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* Sets the registry's set of paths the user typed (bindings.h, HQ_REG_USER_PATHS) from the list
** of words at idx: each word, and what follows `=` in `--opt=value`; with idx 0, empties it. */
void hq_set_user_paths(lua_State *L, int idx) {
  idx = idx ? lua_absindex(L, idx) : 0;
  lua_newtable(L);
  for (lua_Integer i = 1; idx; i++) {
    if (lua_rawgeti(L, idx, i) != LUA_TSTRING) {
      lua_pop(L, 1);
      break;
    }
    const char *w = lua_tostring(L, -1), *eq = strchr(w, '=');
    if (w[0] == '-' && eq) {
      lua_pushstring(L, eq + 1);
      lua_pushboolean(L, 1);
      lua_rawset(L, -4);
    }
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);                     /* set[word] = true */
  }
  lua_setfield(L, LUA_REGISTRYINDEX, HQ_REG_USER_PATHS);
}

int hq_docall(lua_State *L, int narg, int nres) {
  hq_host *H = hq_host_of(L);
  int base = lua_gettop(L) - narg;
  lua_pushcfunction(L, msghandler);
  lua_insert(L, base);
  hq_watchdog_start(H);
  int status = lua_pcall(L, narg, nres, base);
  hq_watchdog_stop(H);
  lua_remove(L, base);
  const char *notice = H->progress ? store_take_notice(H->progress) : NULL;
  if (notice && *notice) fprintf(H->err, "halqa: %s\n", notice); /* the store stopped saving */
  return status;
}

/* Writes the error at the stack top (if status says there is one) to the host's error stream and
** pops it. Runs outside any protected call, so it reads the error object raw and calls nothing. */
int hq_report(hq_host *H, int status) {
  lua_State *L = H->L;
  if (status == LUA_OK) return 0;
  const char *msg;
  if (lua_type(L, -1) == LUA_TTABLE) { /* { message=, status= } from a command's usage error */
    msg = raw_string(L, -1, "message");
    if (!msg) msg = "(error object is a table value)";
  } else {
    msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (!msg) msg = "(error object is not a string)";
  }
  if (status == LUA_ERRMEM)
    fprintf(H->err, "halqa: not enough memory: the script passed the %zu MiB limit (see --mem-limit)\n",
            H->mem.limit >> 20);
  else
    fprintf(H->err, "%s\n", msg);
  fflush(H->err);
  lua_pop(L, 1);
  return 1;
}

/* The exit status a failed call asks for: a table error may carry `status` (read raw, kept to
** 1..255, as an exit status is one byte and 0 would read as success), else 1. */
static int error_status(lua_State *L) {
  int st = 1;
  if (lua_type(L, -1) == LUA_TTABLE) {
    lua_pushliteral(L, "status");
    lua_rawget(L, -2);
    if (lua_isinteger(L, -1)) {
      lua_Integer v = lua_tointeger(L, -1);
      if (v >= 1 && v <= 255) st = (int)v;
    }
    lua_pop(L, 1);
  }
  return st;
}

void hq_push_repl_env(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_REPL_ENV) == LUA_TTABLE) return;
  lua_pop(L, 1);
  hq_push_env(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, HQ_REG_REPL_ENV);
}

/* Sets the environment of the function below the stack top to the table at the top (popped). */
static void set_env(lua_State *L) {
  lua_setupvalue(L, -2, 1);
}

/* At a terminal, the text at the stack top (popped) goes through lib.pager, a screenful at a time:
** a 3,000-character record must not scroll past unread. */
static int page(hq_host *H) {
  lua_State *L = H->L;
  int text = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_BASE);
  lua_getfield(L, -1, "require");
  lua_remove(L, -2);
  lua_pushliteral(L, "lib.pager");
  if (hq_docall(L, 1, 1) != LUA_OK || lua_getfield(L, -1, "print") != LUA_TFUNCTION) {
    lua_settop(L, text); /* no pager: the text whole */
    fprintf(H->out, "%s\n", lua_tostring(L, text));
    lua_pop(L, 1);
    return LUA_OK;
  }
  lua_pushvalue(L, text);
  int status = hq_docall(L, 1, 0);
  if (status != LUA_OK) lua_replace(L, text); /* the error, where hq_report looks for it */
  lua_settop(L, status != LUA_OK ? text : text - 1);
  return status;
}

/* Prints the n values at the top of the stack with lib.pretty (or tostring if it won't load) and
** pops them. Any error while printing is reported here, once; returns 1 then. */
static int print_results(hq_host *H, int n) {
  lua_State *L = H->L;
  if (n == 0) return 0;
  int first = lua_gettop(L) - n + 1;
  lua_pushliteral(L, "lib.pretty");
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_BASE);
  lua_getfield(L, -1, "require");
  lua_remove(L, -2);
  lua_insert(L, -2);
  if (hq_docall(L, 1, 1) != LUA_OK || !lua_isfunction(L, -1)) {
    lua_pop(L, 1);
    lua_pushcfunction(L, hq_tostring_values); /* lib.pretty will not load; protected: __tostring may raise */
  }
  lua_insert(L, first);                /* printer v1 .. vn */
  int status = hq_docall(L, n, 1);
  if (status == LUA_OK && H->interactive) status = page(H);
  else if (status == LUA_OK) {
    fprintf(H->out, "%s\n", lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "");
    lua_pop(L, 1);
  }
  fflush(H->out);
  return hq_report(H, status);
}

/* Compiles chunk in the REPL environment, as an expression first. Leaves the function or the
** error message on the stack. */
static int compile(lua_State *L, const char *chunk, const char *name) {
  const char *ret = lua_pushfstring(L, "return %s;", chunk);
  int status = hq_load_text(L, ret, strlen(ret), name);
  lua_remove(L, -2);
  if (status == LUA_OK) return status;
  lua_pop(L, 1);
  return hq_load_text(L, chunk, strlen(chunk), name);
}

int hq_run_values(hq_host *H, const char *chunk, const char *name) {
  lua_State *L = H->L;
  int status = compile(L, chunk, name);
  if (status != LUA_OK) return status;
  hq_push_repl_env(L);
  set_env(L);
  return hq_docall(L, 0, LUA_MULTRET);
}

/* A syntax error at the very end of the input: the chunk is unfinished, read more. */
static int incomplete(lua_State *L, int status) {
  if (status != LUA_ERRSYNTAX) return 0;
  size_t len;
  const char *msg = lua_tolstring(L, -1, &len);
  static const char eof[] = "<eof>";
  return len >= sizeof eof - 1 && strcmp(msg + len - (sizeof eof - 1), eof) == 0;
}

/* Runs the chunk compile() left on the stack in the REPL environment and prints its results;
** reports a compile or run error instead. Restores the stack to top; returns 1 on error. */
static int run_compiled(hq_host *H, int status, int top) {
  lua_State *L = H->L;
  if (status == LUA_OK) {
    hq_set_user_paths(L, 0); /* a Lua line names no paths for halqa.save */
    hq_push_repl_env(L);
    set_env(L);
    status = hq_docall(L, 0, LUA_MULTRET);
    if (status == LUA_OK) { /* printing reports its own error */
      int failed = print_results(H, lua_gettop(L) - top);
      lua_settop(L, top);
      return failed;
    }
  }
  int failed = hq_report(H, status);
  lua_settop(L, top);
  return failed;
}

/* Is the first word of line a registered command, used as one (not `quiz = 1`)? Sets *wlen. */
int hq_command_word(hq_host *H, const char *line, size_t *start, size_t *wlen) {
  size_t i = strspn(line, " \t");
  size_t n = 0;
  while ((line[i + n] >= 'a' && line[i + n] <= 'z') || (line[i + n] >= 'A' && line[i + n] <= 'Z') ||
         (n > 0 && ((line[i + n] >= '0' && line[i + n] <= '9') || line[i + n] == '_' || line[i + n] == '-')))
    n++;
  if (n == 0 || n > 64) return 0;
  const char *rest = line + i + n + strspn(line + i + n, " \t");
  /* `quiz = 1`, `quiz.x`, `quiz(3)`: Lua that uses the name, not the command; but a path that
  ** begins the arguments (`import /tmp/a.gift`, `./a.csv`, `~/a.csv`) is no Lua operator */
  int path = (*rest == '/' || *rest == '~' || (*rest == '.' && (rest[1] == '/' || rest[1] == '.'))) &&
             rest[1] != '=';
  if (*rest && !path && strchr("=.:[(\"'{,;+*/%^<>~", *rest)) return 0;
  char name[65];
  memcpy(name, line + i, n);
  name[n] = '\0';
  if (!hq_has_command(H, name)) return 0;
  *start = i;
  *wlen = n;
  return 1;
}

/* Splits a command line into words: blanks separate, quotes group, a backslash escapes. */
static int split_words(lua_State *L, const char *s) {
  lua_newtable(L);
  int n = 0;
  luaL_Buffer b;
  while (*s) {
    s += strspn(s, " \t");
    if (!*s) break;
    luaL_buffinit(L, &b);
    while (*s && *s != ' ' && *s != '\t') {
      if (*s == '"' || *s == '\'') {
        char q = *s++;
        while (*s && *s != q) {
          if (*s == '\\' && q == '"' && s[1]) s++;
          luaL_addchar(&b, *s++);
        }
        if (*s != q) {
          luaL_pushresult(&b);
          lua_pop(L, 2);
          lua_pushfstring(L, "unterminated %c quote in command line", q);
          return 0;
        }
        s++;
      } else {
        if (*s == '\\' && s[1]) s++;
        luaL_addchar(&b, *s++);
      }
    }
    luaL_pushresult(&b);
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

/* Calls the command registered as name with the argument table at the stack top (popped). */
static int call_command(hq_host *H, const char *name) {
  lua_State *L = H->L;
  hq_set_user_paths(L, -1);
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
  lua_getfield(L, -1, name);
  lua_getfield(L, -1, "fn");
  lua_replace(L, -3);
  lua_pop(L, 1);            /* args fn */
  lua_insert(L, -2);        /* fn args */
  int status = hq_docall(L, 1, 0);
  if (status != LUA_OK) {
    int st = error_status(L);
    hq_report(H, status);
    return st;
  }
  return 0;
}

int hq_has_command(hq_host *H, const char *name) {
  lua_State *L = H->L;
  lua_getfield(L, LUA_REGISTRYINDEX, HQ_REG_COMMANDS);
  int found = lua_getfield(L, -1, name) == LUA_TTABLE;
  lua_pop(L, 2);
  return found;
}

int hq_run_command(hq_host *H, const char *name, int argc, char **argv) {
  lua_State *L = H->L;
  if (!hq_has_command(H, name)) {
    fprintf(H->err, "halqa: unknown command '%s' (try 'halqa --help')\n", name);
    return 2;
  }
  lua_createtable(L, argc, 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i + 1);
  }
  return call_command(H, name);
}

int hq_eval(hq_host *H, const char *chunk) {
  lua_State *L = H->L;
  int top = lua_gettop(L);
  size_t start, wlen;
  if (hq_command_word(H, chunk, &start, &wlen)) {
    char name[65];
    memcpy(name, chunk + start, wlen);
    name[wlen] = '\0';
    if (!split_words(L, chunk + start + wlen)) {
      fprintf(H->err, "%s: %s\n", name, lua_tostring(L, -1));
      lua_settop(L, top);
      return HQ_EVAL_ERROR;
    }
    lua_pushstring(L, chunk + start + wlen + strspn(chunk + start + wlen, " \t"));
    lua_setfield(L, -2, "line");
    int st = call_command(H, name);
    lua_settop(L, top);
    return st ? HQ_EVAL_ERROR : HQ_EVAL_OK;
  }
  int status = compile(L, chunk, "=stdin");
  if (incomplete(L, status)) {
    lua_settop(L, top);
    return HQ_EVAL_MORE;
  }
  return run_compiled(H, status, top) ? HQ_EVAL_ERROR : HQ_EVAL_OK;
}

int hq_run_chunk(hq_host *H, const char *chunk, const char *name) {
  int top = lua_gettop(H->L);
  return run_compiled(H, compile(H->L, chunk, name), top);
}

int hq_run_file(hq_host *H, const char *path, int argc, char **argv) {
  lua_State *L = H->L;
  int top = lua_gettop(L);
  int status = hq_load_file(L, path);
  if (status == LUA_OK) {
    hq_push_env(L);
    lua_createtable(L, argc, 1); /* arg, as lua.c builds it */
    lua_pushstring(L, path);
    lua_rawseti(L, -2, 0);
    for (int i = 0; i < argc; i++) {
      lua_pushstring(L, argv[i]);
      lua_rawseti(L, -2, i + 1);
    }
    hq_set_user_paths(L, -1);                 /* the script's arguments, as a command's */
    lua_setfield(L, -2, "arg");
    set_env(L);
    luaL_checkstack(L, argc + LUA_MINSTACK, "too many arguments to the script"); /* lua.c does too */
    for (int i = 0; i < argc; i++) lua_pushstring(L, argv[i]);
    status = hq_docall(L, argc, 0);
  }
  int st = status == LUA_OK ? 0 : error_status(L);
  hq_report(H, status);
  lua_settop(L, top);
  return st;
}
