/* server.c: the classroom's HTTP server — routing, request bodies, limits, and the requests that
** wait for the game's reply. libmicrohttpd parses HTTP; cJSON parses the bodies. */
/*
** One thread per connection (MHD_USE_THREAD_PER_CONNECTION): a join or an answer blocks its own
** thread until the game replies, and an event stream blocks in its reader until there is
** something to send, so nothing here polls. The game runs on the caller's thread and learns of
** requests through cr_poll, woken by an eventfd.
*/
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <utf8proc.h>

#include "server_internal.h"

#define CONN_RATE 20.0   /* requests a second on one connection, */
#define CONN_BURST 40.0  /* after a burst of this many */

static const char *const file_names[3] = { "index.html", "app.js", "style.css" };
static const char *const file_types[3] = { "text/html; charset=utf-8", "text/javascript; charset=utf-8",
                                           "text/css; charset=utf-8" };

/* What one TCP connection may still send (MHD_OPTION_NOTIFY_CONNECTION keeps it). */
typedef struct conn_state {
  cr_bucket allowance;
} conn_state;

/* One request's body as it arrives. */
typedef struct body {
  char data[CR_BODY_MAX + 1];
  size_t len;
  int too_large;
} body;

/* ---- replies ---- */

static enum MHD_Result send_response(struct MHD_Connection *c, int status, const char *type, const char *text,
                                     size_t len, enum MHD_ResponseMemoryMode mode) {
  struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)text, mode);
  if (!r) return MHD_NO;
  MHD_add_response_header(r, "Content-Type", type);
  MHD_add_response_header(r, "Cache-Control", "no-store");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result send_json(struct MHD_Connection *c, int status, const char *json) {
  return send_response(c, status, "application/json", json, strlen(json), MHD_RESPMEM_MUST_COPY);
}

/* {"error": why} with status. */
static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *why) {
  char buf[256];
  snprintf(buf, sizeof buf, "{\"error\":\"%s\"}", why);
  return send_json(c, status, buf);
}

/* ---- waiting for the game ---- */

/* Queues ev (a join or an answer) for the game and waits for its reply. */
static enum MHD_Result ask_game(cr_server *s, struct MHD_Connection *c, cr_event *ev) {
  cr_pending *p = calloc(1, sizeof *p);
  if (!p) {
    free(ev->text);
    return send_error(c, 503, "the server is out of memory");
  }
  pthread_cond_init(&p->cond, NULL);
  pthread_mutex_lock(&s->lock);
  if (s->closing) {
    pthread_mutex_unlock(&s->lock);
    pthread_cond_destroy(&p->cond);
    free(p);
    free(ev->text);
    return send_error(c, 503, "the game is over");
  }
  p->id = ++s->next_req;
  p->next = s->pending;
  s->pending = p;
  ev->req = p->id;
  server_push_event(s, ev);
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  double t = until.tv_sec + until.tv_nsec / 1e9 + s->reply_timeout;
  until.tv_sec = (time_t)t;
  until.tv_nsec = (long)((t - (double)until.tv_sec) * 1e9);
  while (!p->done && !s->closing) {
    if (pthread_cond_timedwait(&p->cond, &s->lock, &until) == ETIMEDOUT) break;
  }
  for (cr_pending **q = &s->pending; *q; q = &(*q)->next) {
    if (*q == p) {
      *q = p->next;
      break;
    }
  }
  pthread_mutex_unlock(&s->lock);
  enum MHD_Result r;
  if (p->done) r = send_json(c, p->status, p->body ? p->body : "{}");
  else r = send_error(c, 503, s->closing ? "the game is over" : "the teacher's halqa did not answer in time");
  pthread_cond_destroy(&p->cond);
  free(p->body);
  free(p);
  return r;
}

int cr_reply(cr_server *s, long req, int status, const char *json) {
  int found = 0;
  pthread_mutex_lock(&s->lock);
  for (cr_pending *p = s->pending; p; p = p->next) {
    if (p->id == req && !p->done) {
      p->body = strdup(json ? json : "{}");
      p->status = status;
      p->done = 1;
      pthread_cond_signal(&p->cond);
      found = 1;
      break;
    }
  }
  pthread_mutex_unlock(&s->lock);
  return found;
}

/* ---- checking what students send ---- */

/* Well-formed UTF-8 with no control characters and no bidirectional overrides (which would
** reorder the teacher's screen); NULL if fine, else why not. */
static const char *bad_text(const char *t, size_t max) {
  size_t n = strlen(t);
  if (n > max) return "too long";
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)t;
  while (n > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
    if (k <= 0) return "not valid UTF-8";
    if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC) return "has control characters";
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return "has direction overrides";
    p += k;
    n -= (size_t)k;
  }
  return NULL;
}

/* Takes one request from a connection's allowance; 0 when it is spent. */
static int conn_allowance(struct MHD_Connection *c) {
  const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  conn_state *cs = ci ? ci->socket_context : NULL;
  return !cs || bucket_take(&cs->allowance, CONN_RATE, CONN_BURST, cr_now());
}

static void count(cr_server *s, unsigned long *counter) {
  pthread_mutex_lock(&s->lock);
  (*counter)++;
  pthread_mutex_unlock(&s->lock);
}

/* ---- the routes ---- */

static enum MHD_Result route_join(cr_server *s, struct MHD_Connection *c, cJSON *j) {
  const cJSON *code = cJSON_GetObjectItemCaseSensitive(j, "code");
  const cJSON *name = cJSON_GetObjectItemCaseSensitive(j, "name");
  if (!cJSON_IsString(code) || !cJSON_IsString(name)) return send_error(c, 400, "a join needs code and name");
  const char *why = bad_text(name->valuestring, CR_NAME_MAX);
  if (why) {
    char msg[64];
    snprintf(msg, sizeof msg, "the name is %s", why);
    return send_error(c, 400, msg);
  }
  pthread_mutex_lock(&s->lock);
  int open = s->code[0] != '\0';
  int match = open && strlen(code->valuestring) == strlen(s->code);
  if (match) {
    unsigned diff = 0; /* the same time for every wrong code of the right length */
    for (size_t i = 0; s->code[i]; i++) diff |= (unsigned char)(s->code[i] ^ code->valuestring[i]);
    match = diff == 0;
  }
  if (!match) s->stats.refused++;
  pthread_mutex_unlock(&s->lock);
  if (!open) return send_error(c, 410, "the game is over");
  if (!match) return send_error(c, 403, "wrong join code");
  cr_event ev = { .kind = CR_JOIN, .text = strdup(name->valuestring), .at = cr_now() };
  if (!ev.text) return send_error(c, 503, "the server is out of memory");
  return ask_game(s, c, &ev);
}

static enum MHD_Result route_answer(cr_server *s, struct MHD_Connection *c, cJSON *j) {
  const cJSON *token = cJSON_GetObjectItemCaseSensitive(j, "token");
  const cJSON *q = cJSON_GetObjectItemCaseSensitive(j, "question");
  const cJSON *a = cJSON_GetObjectItemCaseSensitive(j, "answer");
  if (!cJSON_IsString(token) || !cJSON_IsNumber(q) || !cJSON_IsString(a))
    return send_error(c, 400, "an answer needs token, question and answer");
  const char *why = bad_text(a->valuestring, CR_ANSWER_MAX);
  if (why) {
    char msg[64];
    snprintf(msg, sizeof msg, "the answer is %s", why);
    return send_error(c, 400, msg);
  }
  double now = cr_now();
  pthread_mutex_lock(&s->lock);
  int seat = seats_find(s, token->valuestring);
  int allowed = seat && seats_take_allowance(&s->seats[seat], now);
  if (!seat) s->stats.refused++;
  else if (!allowed) s->stats.rate_limited++;
  pthread_mutex_unlock(&s->lock);
  if (!seat) return send_error(c, 403, "unknown token");
  if (!allowed) return send_error(c, 429, "too many requests");
  cr_event ev = { .kind = CR_ANSWER, .seat = seat, .question = (long)q->valuedouble,
                  .text = strdup(a->valuestring), .at = now };
  if (!ev.text) return send_error(c, 503, "the server is out of memory");
  return ask_game(s, c, &ev);
}

static enum MHD_Result route_events(cr_server *s, struct MHD_Connection *c) {
  const char *token = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
  pthread_mutex_lock(&s->lock);
  int seat = token ? seats_find(s, token) : 0;
  struct MHD_Response *r = seat && !s->closing ? streams_open(s, seat) : NULL;
  if (!seat) s->stats.refused++;
  pthread_mutex_unlock(&s->lock);
  if (!seat) return send_error(c, 403, "unknown token");
  if (!r) return send_error(c, 503, "cannot open the stream");
  enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result route_post(cr_server *s, struct MHD_Connection *c, const char *url, body *b) {
  if (b->too_large) {
    count(s, &s->stats.too_large);
    return send_error(c, 413, "the request is too large");
  }
  if (strcmp(url, "/api/ping") == 0) return send_json(c, 200, "{}");
  int join = strcmp(url, "/api/join") == 0, answer = strcmp(url, "/api/answer") == 0;
  if (!join && !answer) return send_error(c, 404, "no such request");
  b->data[b->len] = '\0';
  cJSON *j = cJSON_ParseWithLength(b->data, b->len);
  if (!cJSON_IsObject(j)) {
    cJSON_Delete(j);
    count(s, &s->stats.malformed);
    return send_error(c, 400, "the body is not a JSON object");
  }
  enum MHD_Result r = join ? route_join(s, c, j) : route_answer(s, c, j);
  cJSON_Delete(j);
  return r;
}

static enum MHD_Result route_get(cr_server *s, struct MHD_Connection *c, const char *url) {
  if (strcmp(url, "/api/events") == 0) return route_events(s, c);
  const char *name = strcmp(url, "/") == 0 ? "index.html" : url + 1;
  for (int i = 0; i < 3; i++) {
    if (strcmp(name, file_names[i]) == 0)
      return send_response(c, 200, file_types[i], s->files[i], s->file_len[i], MHD_RESPMEM_PERSISTENT);
  }
  return send_error(c, 404, "not found");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *data, size_t *size, void **ctx) {
  (void)version;
  cr_server *s = cls;
  if (!*ctx) { /* the headers: a request begins */
    body *b = calloc(1, sizeof *b);
    if (!b) return MHD_NO;
    *ctx = b;
    pthread_mutex_lock(&s->lock);
    s->stats.requests++;
    pthread_mutex_unlock(&s->lock);
    if (!conn_allowance(c)) {
      count(s, &s->stats.rate_limited);
      return send_error(c, 429, "too many requests");
    }
    return MHD_YES;
  }
  body *b = *ctx;
  if (*size) { /* a piece of the body */
    if (b->len + *size > CR_BODY_MAX) b->too_large = 1;
    else {
      memcpy(b->data + b->len, data, *size);
      b->len += *size;
    }
    *size = 0;
    return MHD_YES;
  }
  if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0) return route_get(s, c, url);
  if (strcmp(method, "POST") == 0) return route_post(s, c, url, b);
  return send_error(c, 405, "method not allowed");
}

static void on_completed(void *cls, struct MHD_Connection *c, void **ctx, enum MHD_RequestTerminationCode why) {
  (void)cls;
  (void)c;
  (void)why;
  free(*ctx);
  *ctx = NULL;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_ctx,
                          enum MHD_ConnectionNotificationCode what) {
  (void)c;
  cr_server *s = cls;
  pthread_mutex_lock(&s->lock);
  if (what == MHD_CONNECTION_NOTIFY_STARTED) {
    conn_state *cs = calloc(1, sizeof *cs);
    if (cs) bucket_fill(&cs->allowance, CONN_BURST, cr_now());
    *socket_ctx = cs;
    s->stats.connections_open++;
    s->stats.connections_total++;
  } else {
    free(*socket_ctx);
    *socket_ctx = NULL;
    s->stats.connections_open--;
  }
  pthread_mutex_unlock(&s->lock);
}

/* ---- starting and stopping ---- */

static int load_files(cr_server *s, const char *dir, char *err, size_t errlen) {
  for (int i = 0; i < 3; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file_names[i]);
    FILE *f = fopen(path, "rb");
    if (!f) {
      snprintf(err, errlen, "%s: %s (the phone page's files)", path, strerror(errno));
      return 0;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    s->files[i] = malloc(n > 0 ? (size_t)n : 1);
    s->file_len[i] = s->files[i] && n > 0 ? fread(s->files[i], 1, (size_t)n, f) : 0;
    fclose(f);
    if (!s->files[i]) {
      snprintf(err, errlen, "%s: out of memory", path);
      return 0;
    }
  }
  return 1;
}

static void free_server(cr_server *s) {
  for (int i = 0; i < 3; i++) free(s->files[i]);
  cr_events_free(s->events.v, s->events.n);
  seats_free(s);
  if (s->wake_fd >= 0) close(s->wake_fd);
  pthread_mutex_destroy(&s->lock);
  free(s);
}

cr_server *cr_start(const cr_config *cfg, char *err, size_t errlen) {
  cr_server *s = calloc(1, sizeof *s);
  if (!s) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  pthread_mutex_init(&s->lock, NULL);
  s->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  s->reply_timeout = cfg->reply_timeout > 0 ? cfg->reply_timeout : 10;
  snprintf(s->code, sizeof s->code, "%s", cfg->code ? cfg->code : "");
  const char *bind = cfg->bind ? cfg->bind : "127.0.0.1";
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)cfg->port);
  if (inet_pton(AF_INET, bind, &addr.sin_addr) != 1) {
    snprintf(err, errlen, "'%s' is not an IPv4 address", bind);
    free_server(s);
    return NULL;
  }
  if (s->wake_fd < 0 || !load_files(s, cfg->web_dir, err, errlen)) {
    if (s->wake_fd < 0) snprintf(err, errlen, "eventfd: %s", strerror(errno));
    free_server(s);
    return NULL;
  }
  errno = 0;
  s->daemon = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                               MHD_USE_POLL, 0, NULL, NULL, on_request, s,
                               MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                               MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                               MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
                               MHD_OPTION_CONNECTION_LIMIT, (unsigned)(cfg->max_connections > 0 ? cfg->max_connections : 1000),
                               MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)(cfg->per_ip > 0 ? cfg->per_ip : 0),
                               MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)16384,
                               MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                               MHD_OPTION_THREAD_STACK_SIZE, (size_t)(256 * 1024),
                               MHD_OPTION_END);
  if (!s->daemon) {
    snprintf(err, errlen, "cannot listen on %s:%d: %s", bind, cfg->port,
             errno ? strerror(errno) : "the port may be in use");
    free_server(s);
    return NULL;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
  s->port = di ? di->port : cfg->port;
  return s;
}

void cr_stop(cr_server *s) {
  if (!s) return;
  pthread_mutex_lock(&s->lock);
  s->closing = 1;
  s->code[0] = '\0';
  for (cr_pending *p = s->pending; p; p = p->next) pthread_cond_signal(&p->cond);
  for (int i = 1; i <= s->n_seats; i++)
    if (s->seats[i].stream) streams_close(s->seats[i].stream);
  pthread_mutex_unlock(&s->lock);
  /* A moment for the streams to send their last events (the final standings). */
  for (int tries = 0; tries < 100; tries++) {
    pthread_mutex_lock(&s->lock);
    int left = 0;
    for (int i = 1; i <= s->n_seats; i++) left += s->seats[i].stream != NULL;
    pthread_mutex_unlock(&s->lock);
    if (!left) break;
    struct timespec ts = { 0, 10 * 1000 * 1000 };
    nanosleep(&ts, NULL);
  }
  MHD_stop_daemon(s->daemon);
  free_server(s);
}

int cr_port(const cr_server *s) { return s->port; }
int cr_wake_fd(const cr_server *s) { return s->wake_fd; }

void cr_set_code(cr_server *s, const char *code) {
  pthread_mutex_lock(&s->lock);
  snprintf(s->code, sizeof s->code, "%s", code ? code : "");
  pthread_mutex_unlock(&s->lock);
}

void cr_get_stats(cr_server *s, cr_stats *out) {
  pthread_mutex_lock(&s->lock);
  *out = s->stats;
  out->seats = (unsigned long)s->n_seats;
  out->streams = 0;
  for (int i = 1; i <= s->n_seats; i++) out->streams += s->seats[i].stream != NULL;
  pthread_mutex_unlock(&s->lock);
}
