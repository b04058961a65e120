/* options.c: a mode's or an export's options as JSON, turned into the arguments of its command
** line, so the library takes exactly the options the command line does and checks them there. */
/*
** {"count": 5, "seed": 4, "party": ["CPP", "CMKP"], "json": true, "args": ["cpp_founding"]}
** becomes  cpp_founding --count 5 --seed 4 --party CPP --party CMKP --json  (a one-letter key is
** a short option: {"n": 5} is -n 5). false and null leave an option out.
*/
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "handle.h"

/* Pushes a string or a number as an argument (integers without a decimal point). */
static int push_value(lua_State *L, const cJSON *v) {
  if (cJSON_IsString(v)) {
    lua_pushstring(L, v->valuestring);
    return 1;
  }
  if (cJSON_IsNumber(v)) {
    char num[64];
    double d = v->valuedouble;
    if (d == (double)(long long)d && d > -1e15 && d < 1e15) snprintf(num, sizeof num, "%lld", (long long)d);
    else snprintf(num, sizeof num, "%.17g", d);
    lua_pushstring(L, num);
    return 1;
  }
  return 0;
}

static void append(lua_State *L, int t, int *n) {
  lua_rawseti(L, t, ++*n);
}

static void push_name(lua_State *L, const char *key) {
  if (strlen(key) == 1) lua_pushfstring(L, "-%s", key);
  else lua_pushfstring(L, "--%s", key);
}

int lib_push_args(lua_State *L, const char *options_json, char *msg, size_t len) {
  lua_newtable(L);
  int t = lua_gettop(L), n = 0;
  if (!options_json || !*options_json) return 0;
  cJSON *root = cJSON_Parse(options_json);
  if (!root || !cJSON_IsObject(root)) {
    snprintf(msg, len, "options: not a JSON object%s", root ? "" : " (it does not parse)");
    cJSON_Delete(root);
    return -1;
  }
  const cJSON *args = cJSON_GetObjectItemCaseSensitive(root, "args");
  if (args) { /* the other arguments first, as the command line has them: `circle TOPIC --seed 1` */
    if (!cJSON_IsArray(args)) goto bad_args;
    for (const cJSON *a = args->child; a; a = a->next) {
      if (!push_value(L, a)) goto bad_args;
      append(L, t, &n);
    }
  }
  for (const cJSON *o = root->child; o; o = o->next) {
    if (strcmp(o->string, "args") == 0) continue;
    if (!*o->string || o->string[0] == '-') {
      snprintf(msg, len, "options: '%s' is not an option name (write \"seed\", not \"--seed\")", o->string);
      goto fail;
    }
    if (cJSON_IsFalse(o) || cJSON_IsNull(o)) continue;
    if (cJSON_IsTrue(o)) {
      push_name(L, o->string);
      append(L, t, &n);
      continue;
    }
    const cJSON *first = cJSON_IsArray(o) ? o->child : o, *v = first;
    for (; v; v = cJSON_IsArray(o) ? v->next : NULL) {
      push_name(L, o->string);
      append(L, t, &n);
      if (!push_value(L, v)) {
        snprintf(msg, len, "options: '%s' must be a string, a number, true, or a list of strings or numbers", o->string);
        goto fail;
      }
      append(L, t, &n);
    }
  }
  cJSON_Delete(root);
  return 0;
bad_args:
  snprintf(msg, len, "options: 'args' must be a list of strings or numbers");
fail:
  cJSON_Delete(root);
  return -1;
}
