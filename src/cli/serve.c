/* serve.c: `halqa serve --stdio` — libhalqa's calls as JSON-RPC 2.0 on stdin and stdout, one
** message a line, for a program in any language that can start a process (docs/embedding.md).
** A client of the public API (halqa.h) only, as any other program would be. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "serve.h"

/* JSON-RPC's own error codes; a failed call of the library is -32000 - its HALQA_* status. */
enum { PARSE_ERROR = -32700, INVALID_REQUEST = -32600, NO_METHOD = -32601, INVALID_PARAMS = -32602 };
#define CALL_ERROR(status) (-32000 - (status))

#define MAX_SESSIONS 256

typedef struct server {
  halqa *h;
  halqa_session *sessions[MAX_SESSIONS + 1]; /* by id; 0 unused */
} server;

/* A reply: result, or an error object (result NULL). Takes ownership of result and data. */
static cJSON *reply(const cJSON *id, cJSON *result, int code, const char *message, cJSON *data) {
  cJSON *r = cJSON_CreateObject();
  cJSON_AddStringToObject(r, "jsonrpc", "2.0");
  if (result) {
    cJSON_AddItemToObject(r, "result", result);
  } else {
    cJSON *e = cJSON_AddObjectToObject(r, "error");
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", message);
    if (data) cJSON_AddItemToObject(e, "data", data);
  }
  cJSON_AddItemToObject(r, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
  return r;
}

/* The library's JSON text as a value (freed); null when there is none. */
static cJSON *parsed(char *json) {
  cJSON *v = json ? cJSON_Parse(json) : NULL;
  halqa_free(json);
  return v ? v : cJSON_CreateNull();
}

static const char *string_param(const cJSON *params, const char *name) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(params, name);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The options param as JSON text (malloc'd by cJSON), or NULL when absent; *bad when it is
** not an object. */
static char *options_param(const cJSON *params, int *bad) {
  const cJSON *o = cJSON_GetObjectItemCaseSensitive(params, "options");
  *bad = o && !cJSON_IsObject(o) && !cJSON_IsNull(o);
  return cJSON_IsObject(o) ? cJSON_PrintUnformatted(o) : NULL;
}

/* The session named by params.session; NULL when there is none by that id. */
static halqa_session *session_param(server *sv, const cJSON *params, int *id) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(params, "session");
  *id = cJSON_IsNumber(v) ? v->valueint : 0;
  if (*id < 1 || *id > MAX_SESSIONS) return NULL;
  return sv->sessions[*id];
}

static cJSON *failed(const cJSON *id, int status, char *msg) {
  cJSON *data = cJSON_CreateObject();
  cJSON_AddNumberToObject(data, "status", status);
  cJSON *r = reply(id, NULL, CALL_ERROR(status), msg ? msg : "error", data);
  halqa_free(msg);
  return r;
}

/* ---- export: the writer collects, the reply carries text or, for a binary file, base64 ---- */

typedef struct buffer {
  char *data;
  size_t len, cap;
} buffer;

static int collect(void *ud, const char *data, size_t len) {
  buffer *b = ud;
  if (b->len + len + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 65536;
    while (cap < b->len + len + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) return 1;
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
  return 0;
}

/* Is it text a JSON string can carry: UTF-8 without NUL? */
static int is_text(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    size_t more = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
    if (c == 0 || more == 9 || i + more >= n + (more ? 0 : 1)) return 0;
    for (size_t k = 1; k <= more; k++)
      if ((s[i + k] & 0xC0) != 0x80) return 0;
    i += more + 1;
  }
  return 1;
}

static char *base64(const unsigned char *s, size_t n) {
  static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char *out = malloc((n + 2) / 3 * 4 + 1), *o = out;
  if (!out) return NULL;
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
    *o++ = abc[v >> 18 & 63];
    *o++ = abc[v >> 12 & 63];
    *o++ = i + 1 < n ? abc[v >> 6 & 63] : '=';
    *o++ = i + 2 < n ? abc[v & 63] : '=';
  }
  *o = '\0';
  return out;
}

static cJSON *do_export(server *sv, const cJSON *id, const cJSON *params) {
  const char *format = string_param(params, "format");
  int bad;
  char *options = options_param(params, &bad);
  if (!format || bad) {
    cJSON_free(options);
    return reply(id, NULL, INVALID_PARAMS, "export needs {\"format\": NAME} and an optional options object", NULL);
  }
  buffer b = {0};
  char *err = NULL;
  int st = halqa_export(sv->h, format, options, collect, &b, &err);
  cJSON_free(options);
  if (st != HALQA_OK) {
    free(b.data);
    return failed(id, st, err);
  }
  cJSON *r = cJSON_CreateObject();
  cJSON_AddStringToObject(r, "format", format);
  if (is_text((const unsigned char *)(b.data ? b.data : ""), b.len)) {
    cJSON_AddStringToObject(r, "text", b.data ? b.data : "");
  } else {
    char *enc = base64((const unsigned char *)b.data, b.len);
    cJSON_AddStringToObject(r, "base64", enc ? enc : "");
    free(enc);
  }
  free(b.data);
  return reply(id, r, 0, NULL, NULL);
}

/* ---- the methods ---- */

static cJSON *do_eval(server *sv, const cJSON *id, const cJSON *params) {
  const char *lua = string_param(params, "lua");
  if (!lua) return reply(id, NULL, INVALID_PARAMS, "eval needs {\"lua\": CODE}", NULL);
  char *result = NULL, *err = NULL;
  int st = halqa_eval(sv->h, lua, &result, &err);
  if (st != HALQA_OK) return failed(id, st, err);
  return reply(id, parsed(result), 0, NULL, NULL);
}

static cJSON *do_start(server *sv, const cJSON *id, const cJSON *params) {
  const char *mode = string_param(params, "mode");
  int bad;
  char *options = options_param(params, &bad);
  if (!mode || bad) {
    cJSON_free(options);
    return reply(id, NULL, INVALID_PARAMS, "start needs {\"mode\": quiz|cards|drill|circle} and an optional options object", NULL);
  }
  int slot = 1;
  while (slot <= MAX_SESSIONS && sv->sessions[slot]) slot++;
  if (slot > MAX_SESSIONS) {
    cJSON_free(options);
    return failed(id, HALQA_EUSAGE, strdup("start: 256 sessions are open: end one first"));
  }
  char *err = NULL;
  halqa_session *s = halqa_start(sv->h, mode, options, &err);
  cJSON_free(options);
  if (!s) return failed(id, halqa_last_status(sv->h), err);
  sv->sessions[slot] = s;
  halqa_free(err);
  cJSON *r = cJSON_CreateObject();
  cJSON_AddNumberToObject(r, "session", slot);
  return reply(id, r, 0, NULL, NULL);
}

/* next, answer, summary and end: each names a session. */
static cJSON *do_session(server *sv, const char *method, const cJSON *id, const cJSON *params) {
  int sid;
  halqa_session *s = session_param(sv, params, &sid);
  if (!s) return reply(id, NULL, INVALID_PARAMS, "no such session (give {\"session\": ID} from start)", NULL);
  if (strcmp(method, "next") == 0) {
    const char *step = halqa_next(s);
    return reply(id, step ? parsed(strdup(step)) : cJSON_CreateNull(), 0, NULL, NULL);
  }
  if (strcmp(method, "answer") == 0) {
    const char *answer = string_param(params, "answer");
    if (!answer) return reply(id, NULL, INVALID_PARAMS, "answer needs {\"session\": ID, \"answer\": TEXT}", NULL);
    char *grade = NULL;
    int st = halqa_answer(s, answer, &grade);
    if (st != HALQA_OK) {
      cJSON *g = parsed(grade);
      const cJSON *m = cJSON_GetObjectItemCaseSensitive(g, "message");
      cJSON *r = failed(id, st, strdup(cJSON_IsString(m) ? m->valuestring : "error"));
      cJSON_Delete(g);
      return r;
    }
    return reply(id, parsed(grade), 0, NULL, NULL);
  }
  if (strcmp(method, "summary") == 0) return reply(id, parsed(halqa_summary(s)), 0, NULL, NULL);
  halqa_end(s); /* end */
  sv->sessions[sid] = NULL;
  return reply(id, cJSON_CreateTrue(), 0, NULL, NULL);
}

/* One request; NULL for a notification (no id: no reply). */
static cJSON *handle(server *sv, const cJSON *req) {
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(req, "id");
  const cJSON *version = cJSON_GetObjectItemCaseSensitive(req, "jsonrpc");
  const cJSON *method = cJSON_GetObjectItemCaseSensitive(req, "method");
  const cJSON *params = cJSON_GetObjectItemCaseSensitive(req, "params");
  if (!cJSON_IsObject(req) || !cJSON_IsString(version) || strcmp(version->valuestring, "2.0") != 0 ||
      !cJSON_IsString(method) || (id && !cJSON_IsNumber(id) && !cJSON_IsString(id) && !cJSON_IsNull(id)))
    return reply(NULL, NULL, INVALID_REQUEST, "not a JSON-RPC 2.0 request", NULL);
  if (params && !cJSON_IsObject(params))
    return id ? reply(id, NULL, INVALID_PARAMS, "params must be an object of named params", NULL) : NULL;
  const char *m = method->valuestring;
  cJSON *r;
  if (strcmp(m, "eval") == 0) r = do_eval(sv, id, params);
  else if (strcmp(m, "start") == 0) r = do_start(sv, id, params);
  else if (strcmp(m, "export") == 0) r = do_export(sv, id, params);
  else if (strcmp(m, "next") == 0 || strcmp(m, "answer") == 0 || strcmp(m, "summary") == 0 || strcmp(m, "end") == 0)
    r = do_session(sv, m, id, params);
  else if (strcmp(m, "version") == 0) r = reply(id, cJSON_CreateString(halqa_version()), 0, NULL, NULL);
  else r = reply(id, NULL, NO_METHOD, "no such method (eval, start, next, answer, summary, end, export, version)", NULL);
  if (!id) {
    cJSON_Delete(r);
    return NULL;
  }
  return r;
}

static void send(FILE *out, cJSON *r) {
  if (!r) return;
  char *text = cJSON_PrintUnformatted(r);
  if (text) fprintf(out, "%s\n", text);
  fflush(out);
  cJSON_free(text);
  cJSON_Delete(r);
}

int serve_stdio(const halqa_config *cfg, FILE *in, FILE *out) {
  server sv;
  memset(&sv, 0, sizeof sv);
  char *err = NULL;
  sv.h = halqa_open(cfg, &err);
  if (!sv.h) {
    fprintf(stderr, "%s\n", err ? err : "halqa serve: cannot open the engine");
    halqa_free(err);
    return 1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, in)) >= 0) {
    if (strspn(line, " \t\r\n") == (size_t)n) continue;
    cJSON *req = cJSON_Parse(line);
    if (!req) {
      send(out, reply(NULL, NULL, PARSE_ERROR, "parse error: not JSON", NULL));
    } else if (cJSON_IsArray(req)) { /* a batch: one array of the replies */
      cJSON *all = cJSON_CreateArray();
      for (const cJSON *r = req->child; r; r = r->next) {
        cJSON *one = handle(&sv, r);
        if (one) cJSON_AddItemToArray(all, one);
      }
      if (!req->child) cJSON_AddItemToArray(all, reply(NULL, NULL, INVALID_REQUEST, "an empty batch", NULL));
      if (cJSON_GetArraySize(all) > 0) send(out, all);
      else cJSON_Delete(all);
    } else {
      send(out, handle(&sv, req));
    }
    cJSON_Delete(req);
  }
  free(line);
  halqa_close(sv.h);
  return 0;
}
