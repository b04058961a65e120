/* handle.h: what the files of libhalqa share — the handle, and running a call on it. */
#ifndef HALQA_LIB_HANDLE_H
#define HALQA_LIB_HANDLE_H

#include "../../include/halqa.h"
#include "capture.h"
#include "state.h"

struct halqa {
  hq_host *H;
  capture out, err;         /* what the host prints during a call */
  halqa_session *sessions;  /* still open, ended by halqa_close */
  int last;                 /* the HALQA_* status of the last failure (halqa_last_status) */
  halqa_reader reader;      /* a terminal front end's (terminal.c) */
  void *reader_ud;
};

struct halqa_session {
  halqa *h;
  int ref;                  /* the Lua session (lib/embed/driver.lua) in the registry */
  char *step;               /* the last step halqa_next returned */
  halqa_session *next;
};

/* Closing h: gives SIGINT back to its default if h caught it. */
void lib_release_sigint(halqa *h);
/* Begins a call: clears what earlier calls printed. */
void lib_begin(halqa *h);
/* After a failed protected call (error object on the stack top, popped): the HALQA_* status,
** and the message in *err (malloc'd) when err is not NULL. */
int lib_fail(halqa *h, int status, char **err);
/* Sets *err to a copy of msg (when err is not NULL); returns code. */
int lib_error(char **err, int code, const char *msg);
/* Pushes base[name] (a global of every script: "require", "halqa"). */
void lib_push_global(lua_State *L, const char *name);
/* Converts the value on top of the stack to JSON with halqa.json (popped); malloc'd, or NULL
** with the error on the stack and its status in *status. */
char *lib_json(halqa *h, int *status);
/* Pushes the function of the registered command `name`. */
void lib_push_command(lua_State *L, const char *name);

/* options.c: pushes the arguments a command line would give for options (a JSON object, or NULL
** for none); 0, or -1 with why in msg. */
int lib_push_args(lua_State *L, const char *options_json, char *msg, size_t len);

#endif
