/* session.c: halqa_start/next/answer/summary/end — a mode played step by step by a program —
** and halqa_close, which ends the sessions still open. */
/*
** The mode is the command itself (scripts/commands/MODE.lua), driven by lib/embed/driver.lua in
** a coroutine: while a call on a session runs, halqa.readline yields (src/host/api.c), so the
** command stops where the terminal would wait for a line, and the program's answer resumes it.
** The driver gets the text the command printed through a function of this file (`take`).
*/
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "eval.h"
#include "handle.h"

static const char *const modes[] = {"quiz", "cards", "drill", "circle", NULL};

/* take(): what the host printed since the last take, for the driver's events. */
static int take_output(lua_State *L) {
  halqa *h = lua_touserdata(L, lua_upvalueindex(1));
  size_t len;
  char *text = capture_take(&h->out, &len);
  if (!text) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, text, len);
  free(text);
  return 1;
}

/* Calls driver session method `name` with the string arg (or nil) in a yielding call; on
** success sets *json to the method's JSON result (NULL when it returned nil). */
static int call_method(halqa_session *s, const char *name, const char *arg, char **json, char **err) {
  halqa *h = s->h;
  lua_State *L = h->H->L;
  int top = lua_gettop(L);
  lib_begin(h);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->ref);
  lua_getfield(L, -1, name);
  lua_insert(L, -2); /* method self */
  if (arg) lua_pushstring(L, arg);
  else lua_pushnil(L);
  h->H->yield_reads = 1;
  int status = hq_docall(L, 2, 1);
  h->H->yield_reads = 0;
  if (status != LUA_OK) {
    int code = lib_fail(h, status, err);
    lua_settop(L, top);
    return code;
  }
  *json = lua_isstring(L, -1) ? strdup(lua_tostring(L, -1)) : NULL;
  lua_settop(L, top);
  return HALQA_OK;
}

halqa_session *halqa_start(halqa *h, const char *mode, const char *options_json, char **err) {
  if (err) *err = NULL;
  if (!h || !mode) {
    lib_error(err, HALQA_EUSAGE, "halqa_start: no handle or no mode");
    return NULL;
  }
  int known = 0;
  for (const char *const *m = modes; *m; m++) known |= strcmp(*m, mode) == 0;
  if (!known) {
    char msg[160];
    snprintf(msg, sizeof msg, "halqa_start: unknown mode '%.60s' (quiz, cards, drill or circle)", mode);
    h->last = lib_error(err, HALQA_EUSAGE, msg);
    return NULL;
  }
  halqa_session *s = calloc(1, sizeof *s);
  if (!s) {
    h->last = lib_error(err, HALQA_ENOMEM, "halqa_start: not enough memory");
    return NULL;
  }
  lua_State *L = h->H->L;
  int top = lua_gettop(L);
  lib_begin(h);
  lib_push_global(L, "require");
  lua_pushliteral(L, "lib.embed.driver");
  int status = hq_docall(L, 1, 1);
  if (status == LUA_OK) {
    lua_getfield(L, -1, "start");
    lua_pushstring(L, mode);
    lib_push_command(L, mode);
    char why[256];
    if (lib_push_args(L, options_json, why, sizeof why) != 0) {
      char msg[300];
      snprintf(msg, sizeof msg, "%s: %s", mode, why);
      lua_settop(L, top);
      free(s);
      h->last = lib_error(err, HALQA_EUSAGE, msg);
      return NULL;
    }
    lua_pushlightuserdata(L, h);
    lua_pushcclosure(L, take_output, 1);
    h->H->yield_reads = 1;
    status = hq_docall(L, 4, 1);
    h->H->yield_reads = 0;
  }
  if (status != LUA_OK) {
    lib_fail(h, status, err);
    lua_settop(L, top);
    free(s);
    return NULL;
  }
  s->ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_settop(L, top);
  s->h = h;
  s->next = h->sessions;
  h->sessions = s;
  return s;
}

const char *halqa_next(halqa_session *s) {
  if (!s) return NULL;
  char *json = NULL;
  if (call_method(s, "next", NULL, &json, NULL) != HALQA_OK) json = NULL;
  free(s->step);
  s->step = json;
  return json;
}

/* {"type":"error","message":msg}, the JSON a failed answer returns. */
static char *error_json(const char *msg) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "type", "error");
  cJSON_AddStringToObject(o, "message", msg ? msg : "error");
  char *text = cJSON_PrintUnformatted(o);
  cJSON_Delete(o);
  char *out = text ? strdup(text) : NULL; /* ours, freed with halqa_free (free), not cJSON_free */
  cJSON_free(text);
  return out;
}

int halqa_answer(halqa_session *s, const char *answer, char **grade_json) {
  char *json = NULL, *err = NULL;
  int code = !s || !answer ? lib_error(&err, HALQA_EUSAGE, "halqa_answer: no session or no answer")
                           : call_method(s, "answer", answer, &json, &err);
  if (code != HALQA_OK) json = error_json(err);
  free(err);
  if (grade_json) *grade_json = json;
  else free(json);
  return code;
}

char *halqa_summary(halqa_session *s) {
  if (!s) return NULL;
  char *json = NULL, *err = NULL;
  if (call_method(s, "finish", NULL, &json, &err) != HALQA_OK) json = error_json(err);
  free(err);
  return json;
}

void halqa_end(halqa_session *s) {
  if (!s) return;
  halqa *h = s->h;
  char *json = NULL;
  call_method(s, "finish", NULL, &json, NULL); /* its answers were saved as they came */
  free(json);
  luaL_unref(h->H->L, LUA_REGISTRYINDEX, s->ref);
  for (halqa_session **p = &h->sessions; *p; p = &(*p)->next) {
    if (*p == s) {
      *p = s->next;
      break;
    }
  }
  free(s->step);
  free(s);
}

void halqa_close(halqa *h) {
  if (!h) return;
  while (h->sessions) halqa_end(h->sessions);
  lib_release_sigint(h);
  hq_close(h->H);
  capture_close(&h->out);
  capture_close(&h->err);
  free(h);
}
