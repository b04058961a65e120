/* lua_classroom.c: halqa.classroom — the networked classroom's server, QR codes and client
** (src/classroom/) for the teacher's and the student's Lua (lib/classroom/, docs/classroom.md). */
/*
** halqa.classroom.serve{ bind =, port =, code = } -> server | nil, message
**   server:port(), :fd(), :wait(seconds) -> true when events wait, :poll() -> { {kind = "join"|"answer"|"connect"|"disconnect", req =,
**   seat =, question =, text =, at =}, ... }, :admit() -> seat, token, :restore(seat, token),
**   :reply(req, status, json), :send(seat|0, event, json), :kick(seat [, event, json]),
**   :set_code(code|nil), :stats(), :close()
** halqa.classroom.join(address, code, name) -> client | nil, message
**   client:fd(), :wait(seconds), :seat(), :poll() -> { {event =, data = (decoded JSON)}, ... },
**   ended, :answer(q, text) -> status, reply (decoded) | nil, message, :close()
** halqa.classroom.qr(text) -> { "1010...", ... } | nil
** halqa.classroom.available -> { serve = bool, join = bool, qr = bool }
** The web page's folder is the host's to give (hq_open_classroom), not a script's to choose.
** Server and client are userdata with __gc and __close, so an error never leaves a port open.
*/
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "bindings.h"
#include "classroom.h"

#define SERVER_MT "halqa.classroom.server"
#define CLIENT_MT "halqa.classroom.client"

#if defined(HALQA_HAVE_MHD) || defined(HALQA_HAVE_CURL)
/* Waits up to `seconds` (argument 2) for fd to be readable: true if it is. */
static int wait_fd(lua_State *L, int fd) {
  double t = luaL_checknumber(L, 2);
  luaL_argcheck(L, t >= 0 && t <= 3600, 2, "seconds must be 0 to 3600");
  struct pollfd p = { .fd = fd, .events = POLLIN };
  lua_pushboolean(L, poll(&p, 1, (int)(t * 1000)) > 0);
  return 1;
}
#endif

#ifdef HALQA_HAVE_MHD
static const char *const kind_names[] = { "", "join", "answer", "connect", "disconnect" };

/* ---- the server ---- */

typedef struct server_box {
  cr_server *s;
} server_box;

static cr_server *check_server(lua_State *L) {
  server_box *b = luaL_checkudata(L, 1, SERVER_MT);
  if (!b->s) luaL_error(L, "the classroom server is closed");
  return b->s;
}

static int srv_close(lua_State *L) {
  server_box *b = luaL_checkudata(L, 1, SERVER_MT);
  cr_stop(b->s);
  b->s = NULL;
  return 0;
}

static int srv_port(lua_State *L) {
  lua_pushinteger(L, cr_port(check_server(L)));
  return 1;
}

static int srv_fd(lua_State *L) {
  lua_pushinteger(L, cr_wake_fd(check_server(L)));
  return 1;
}

/* Pushes the events since the last poll as a list, oldest first. */
static int srv_wait(lua_State *L) {
  return wait_fd(L, cr_wake_fd(check_server(L)));
}

static int srv_poll(lua_State *L) {
  cr_server *s = check_server(L);
  lua_checkstack(L, 4);
  lua_newtable(L); /* made before the events are taken, so only the pushes below can fail */
  cr_event *ev;
  size_t n = cr_poll(s, &ev);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 6);
    lua_pushstring(L, kind_names[ev[i].kind]);
    lua_setfield(L, -2, "kind");
    if (ev[i].req) {
      lua_pushinteger(L, ev[i].req);
      lua_setfield(L, -2, "req");
    }
    if (ev[i].seat) {
      lua_pushinteger(L, ev[i].seat);
      lua_setfield(L, -2, "seat");
    }
    if (ev[i].kind == CR_ANSWER) {
      lua_pushinteger(L, ev[i].question);
      lua_setfield(L, -2, "question");
    }
    if (ev[i].text) {
      lua_pushstring(L, ev[i].text);
      lua_setfield(L, -2, "text");
    }
    lua_pushnumber(L, ev[i].at);
    lua_setfield(L, -2, "at");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  cr_events_free(ev, n);
  return 1;
}

static int srv_admit(lua_State *L) {
  char token[CR_TOKEN_LEN + 1];
  int seat = cr_admit(check_server(L), token);
  if (!seat) return luaL_error(L, "cannot make a seat (out of memory or randomness)");
  lua_pushinteger(L, seat);
  lua_pushstring(L, token);
  return 2;
}

static int srv_restore(lua_State *L) {
  cr_server *s = check_server(L);
  lua_pushboolean(L, cr_restore_seat(s, (int)luaL_checkinteger(L, 2), luaL_checkstring(L, 3)));
  return 1;
}

static int srv_reply(lua_State *L) {
  cr_server *s = check_server(L);
  lua_Integer req = luaL_checkinteger(L, 2);
  int status = (int)luaL_checkinteger(L, 3);
  luaL_argcheck(L, status >= 200 && status <= 599, 3, "an HTTP status");
  lua_pushboolean(L, cr_reply(s, (long)req, status, luaL_checkstring(L, 4)));
  return 1;
}

static int srv_send(lua_State *L) {
  cr_server *s = check_server(L);
  cr_send(s, (int)luaL_checkinteger(L, 2), luaL_checkstring(L, 3), luaL_checkstring(L, 4));
  return 0;
}

static int srv_kick(lua_State *L) {
  cr_server *s = check_server(L);
  cr_kick(s, (int)luaL_checkinteger(L, 2), luaL_optstring(L, 3, NULL), luaL_optstring(L, 4, "{}"));
  return 0;
}

static int srv_set_code(lua_State *L) {
  cr_set_code(check_server(L), luaL_optstring(L, 2, NULL));
  return 0;
}

static int srv_stats(lua_State *L) {
  cr_stats st;
  cr_get_stats(check_server(L), &st);
  lua_createtable(L, 0, 9);
  const struct { const char *name; unsigned long v; } f[] = {
    { "requests", st.requests }, { "refused", st.refused }, { "rate_limited", st.rate_limited },
    { "too_large", st.too_large }, { "malformed", st.malformed }, { "connections_open", st.connections_open },
    { "connections_total", st.connections_total }, { "streams", st.streams }, { "seats", st.seats } };
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
    lua_pushinteger(L, (lua_Integer)f[i].v);
    lua_setfield(L, -2, f[i].name);
  }
  return 1;
}

static const char *web_dir(lua_State *L) {
  return lua_tostring(L, lua_upvalueindex(1));
}

/* halqa.classroom.serve{ bind =, port =, code = } */
static int cls_serve(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  cr_config cfg;
  memset(&cfg, 0, sizeof cfg);
  lua_getfield(L, 1, "bind");
  cfg.bind = luaL_optstring(L, -1, "127.0.0.1");
  lua_getfield(L, 1, "port");
  lua_Integer port = luaL_optinteger(L, -1, 0);
  luaL_argcheck(L, port >= 0 && port <= 65535, 1, "port must be 0 to 65535");
  cfg.port = (int)port;
  lua_getfield(L, 1, "code");
  cfg.code = luaL_checkstring(L, -1);
  lua_getfield(L, 1, "per_ip");
  cfg.per_ip = (int)luaL_optinteger(L, -1, 0);
  lua_getfield(L, 1, "max_connections");
  cfg.max_connections = (int)luaL_optinteger(L, -1, 0);
  cfg.web_dir = web_dir(L);
  if (!cfg.web_dir) {
    lua_pushnil(L);
    lua_pushliteral(L, "the phone page's folder (share/halqa/web) was not found");
    return 2;
  }
  server_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->s = NULL; /* closed until started: a failed start leaves nothing to stop */
  luaL_setmetatable(L, SERVER_MT);
  char err[512];
  b->s = cr_start(&cfg, err, sizeof err);
  if (!b->s) {
    lua_pushnil(L);
    lua_pushstring(L, err);
    return 2;
  }
  return 1;
}

#endif

#ifdef HALQA_HAVE_CURL
/* ---- the client ---- */


typedef struct client_box {
  cr_client *c;
} client_box;

static cr_client *check_client(lua_State *L) {
  client_box *b = luaL_checkudata(L, 1, CLIENT_MT);
  if (!b->c) luaL_error(L, "the classroom connection is closed");
  return b->c;
}

static int cli_close(lua_State *L) {
  client_box *b = luaL_checkudata(L, 1, CLIENT_MT);
  cr_client_close(b->c);
  b->c = NULL;
  return 0;
}

static int cli_fd(lua_State *L) {
  lua_pushinteger(L, cr_client_fd(check_client(L)));
  return 1;
}

static int cli_seat(lua_State *L) {
  lua_pushinteger(L, cr_client_seat(check_client(L)));
  return 1;
}

static int cli_wait(lua_State *L) {
  return wait_fd(L, cr_client_fd(check_client(L)));
}

static int cli_poll(lua_State *L) {
  cr_client *c = check_client(L);
  lua_newtable(L);
  cr_message *m;
  int ended;
  size_t n = cr_client_poll(c, &m, &ended);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, m[i].event);
    lua_setfield(L, -2, "event");
    hq_push_json_text(L, m[i].data);
    lua_setfield(L, -2, "data");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  cr_messages_free(m, n);
  lua_pushboolean(L, ended);
  return 2;
}

static int cli_answer(lua_State *L) {
  cr_client *c = check_client(L);
  lua_Integer q = luaL_checkinteger(L, 2);
  const char *text = luaL_checkstring(L, 3);
  char err[512] = "";
  char *body = NULL;
  int status = cr_client_answer(c, (long)q, text, &body, err, sizeof err);
  if (!status) {
    free(body);
    lua_pushnil(L);
    lua_pushstring(L, err);
    return 2;
  }
  lua_pushinteger(L, status);
  hq_push_json_text(L, body ? body : "");
  free(body);
  return 2;
}

static int cls_join(lua_State *L) {
  const char *address = luaL_checkstring(L, 1);
  const char *code = luaL_checkstring(L, 2);
  const char *name = luaL_checkstring(L, 3);
  client_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  b->c = NULL;
  luaL_setmetatable(L, CLIENT_MT);
  char err[512] = "";
  b->c = cr_join(address, code, name, err, sizeof err);
  if (!b->c) {
    lua_pushnil(L);
    lua_pushstring(L, err);
    return 2;
  }
  return 1;
}

#endif

/* ---- QR codes ---- */

static int cls_qr(lua_State *L) {
  int size = 0;
  char *m = cr_qr(luaL_checkstring(L, 1), &size);
  if (!m) {
    lua_pushnil(L);
    return 1;
  }
  lua_createtable(L, size, 0);
  for (int r = 0; r < size; r++) {
    lua_pushlstring(L, m + (size_t)r * (size_t)size, (size_t)size);
    lua_rawseti(L, -2, r + 1);
  }
  free(m);
  return 1;
}

#if !defined(HALQA_HAVE_MHD) || !defined(HALQA_HAVE_CURL)
static int not_built(lua_State *L) {
  lua_pushnil(L);
  lua_pushstring(L, lua_tostring(L, lua_upvalueindex(1)));
  return 2;
}
#endif

#if defined(HALQA_HAVE_MHD) || defined(HALQA_HAVE_CURL)
static void method_table(lua_State *L, const char *name, const luaL_Reg *methods, lua_CFunction close) {
  luaL_newmetatable(L, name);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, close);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, close);
  lua_setfield(L, -2, "__close");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}
#endif

void hq_open_classroom(lua_State *L, int api, const char *web) {
  api = lua_absindex(L, api);
#ifdef HALQA_HAVE_MHD
  static const luaL_Reg srv_methods[] = {
    {"port", srv_port}, {"fd", srv_fd}, {"wait", srv_wait}, {"poll", srv_poll}, {"admit", srv_admit}, {"restore", srv_restore},
    {"reply", srv_reply}, {"send", srv_send}, {"kick", srv_kick}, {"set_code", srv_set_code},
    {"stats", srv_stats}, {"close", srv_close}, {NULL, NULL} };
  method_table(L, SERVER_MT, srv_methods, srv_close);
#endif
#ifdef HALQA_HAVE_CURL
  static const luaL_Reg cli_methods[] = {
    {"fd", cli_fd}, {"wait", cli_wait}, {"seat", cli_seat}, {"poll", cli_poll}, {"answer", cli_answer}, {"close", cli_close},
    {NULL, NULL} };
  method_table(L, CLIENT_MT, cli_methods, cli_close);
#endif
  lua_newtable(L);
#ifdef HALQA_HAVE_MHD
  if (web) lua_pushstring(L, web);
  else lua_pushnil(L);
  lua_pushcclosure(L, cls_serve, 1);
#else
  (void)web;
  lua_pushliteral(L, "halqa was built without libmicrohttpd: drill --serve is off (install libmicrohttpd-dev and rebuild)");
  lua_pushcclosure(L, not_built, 1);
#endif
  lua_setfield(L, -2, "serve");
#ifdef HALQA_HAVE_CURL
  lua_pushcfunction(L, cls_join);
#else
  lua_pushliteral(L, "halqa was built without libcurl: join is off (install libcurl4-openssl-dev and rebuild)");
  lua_pushcclosure(L, not_built, 1);
#endif
  lua_setfield(L, -2, "join");
  lua_pushcfunction(L, cls_qr);
  lua_setfield(L, -2, "qr");
  lua_createtable(L, 0, 3);
#ifdef HALQA_HAVE_MHD
  lua_pushboolean(L, 1);
#else
  lua_pushboolean(L, 0);
#endif
  lua_setfield(L, -2, "serve");
#ifdef HALQA_HAVE_CURL
  lua_pushboolean(L, 1);
#else
  lua_pushboolean(L, 0);
#endif
  lua_setfield(L, -2, "join");
#ifdef HALQA_HAVE_QRENCODE
  lua_pushboolean(L, 1);
#else
  lua_pushboolean(L, 0);
#endif
  lua_setfield(L, -2, "qr");
  lua_setfield(L, -2, "available");
  lua_setfield(L, api, "classroom");
}
