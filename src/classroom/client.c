/* client.c: `halqa join`'s side of the protocol, on libcurl — joining, the event stream (read on a
** thread of its own, reconnecting with the seat's token when the connection drops) and answers.
** libcurl is loaded when a student first joins (curl_lazy.c); `cu` is it, set by cr_join. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include "classroom.h"
#include "curl_lazy.h"
#include "list.h"

struct cr_client {
  char *base;                 /* http://host:port, no trailing slash */
  char token[CR_TOKEN_LEN + 1];
  int seat;
  int wake_fd;
  pthread_t thread;
  pthread_mutex_t lock;       /* guards the fields below */
  int closing, ended;
  cr_list msgs;               /* of cr_message */
  /* the stream's parser (the thread's own) */
  char line[8192];
  size_t line_len;
  char *event, *data;
};

static const cr_curl *cu; /* set once, before any request, by cr_join */

typedef struct buffer {
  char *p;
  size_t n;
} buffer;

static size_t collect(char *ptr, size_t size, size_t n, void *ud) {
  buffer *b = ud;
  size_t k = size * n;
  if (b->n + k > 65536) return 0;
  char *p = realloc(b->p, b->n + k + 1);
  if (!p) return 0;
  memcpy(p + b->n, ptr, k);
  b->p = p;
  b->n += k;
  p[b->n] = '\0';
  return k;
}

/* POSTs json to base+path; returns the status (0 on failure, err set) and the body in *out. */
static long post(const char *base, const char *path, const char *json, char **out, char *err, size_t errlen) {
  CURL *h = cu->easy_init();
  if (!h) {
    snprintf(err, errlen, "cannot start libcurl");
    return 0;
  }
  char url[1024];
  snprintf(url, sizeof url, "%s%s", base, path);
  buffer b = { NULL, 0 };
  struct curl_slist *hdr = cu->slist_append(NULL, "Content-Type: application/json");
  cu->easy_setopt(h, CURLOPT_URL, url);
  cu->easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
  cu->easy_setopt(h, CURLOPT_POSTFIELDS, json);
  cu->easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  cu->easy_setopt(h, CURLOPT_WRITEDATA, &b);
  cu->easy_setopt(h, CURLOPT_TIMEOUT, 15L);
  cu->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  CURLcode rc = cu->easy_perform(h);
  long status = 0;
  if (rc == CURLE_OK) cu->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  else snprintf(err, errlen, "%s: %s", url, cu->easy_strerror(rc));
  cu->slist_free_all(hdr);
  cu->easy_cleanup(h);
  *out = b.p ? b.p : strdup("");
  return status;
}

/* ---- the event stream ---- */

static void push(cr_client *c, char *event, char *data) {
  cr_message m = { event, data };
  pthread_mutex_lock(&c->lock);
  if (!list_push(&c->msgs, &m, sizeof m)) {
    pthread_mutex_unlock(&c->lock);
    free(event);
    free(data);
    return;
  }
  if (strcmp(event, "end") == 0 || strcmp(event, "kicked") == 0) c->ended = 1;
  pthread_mutex_unlock(&c->lock);
  uint64_t one = 1;
  ssize_t w = write(c->wake_fd, &one, sizeof one);
  (void)w;
}

/* One line of the SSE text format: "event: x", "data: y", or a blank line that ends an event. */
static void stream_line(cr_client *c, const char *l) {
  if (*l == '\0') {
    if (c->data) push(c, c->event ? c->event : strdup("message"), c->data);
    else free(c->event);
    c->event = c->data = NULL;
  } else if (strncmp(l, "event:", 6) == 0) {
    free(c->event);
    c->event = strdup(l[6] == ' ' ? l + 7 : l + 6);
  } else if (strncmp(l, "data:", 5) == 0) {
    free(c->data);
    c->data = strdup(l[5] == ' ' ? l + 6 : l + 5);
  } /* comments (":") and retry: lines need nothing */
}

static size_t on_stream(char *ptr, size_t size, size_t n, void *ud) {
  cr_client *c = ud;
  size_t k = size * n;
  for (size_t i = 0; i < k; i++) {
    if (ptr[i] == '\n') {
      c->line[c->line_len] = '\0';
      if (c->line_len && c->line[c->line_len - 1] == '\r') c->line[c->line_len - 1] = '\0';
      stream_line(c, c->line);
      c->line_len = 0;
    } else if (c->line_len < sizeof c->line - 1) {
      c->line[c->line_len++] = ptr[i];
    }
  }
  return k;
}

static int on_progress(void *ud, curl_off_t a, curl_off_t b, curl_off_t cc, curl_off_t d) {
  (void)a, (void)b, (void)cc, (void)d;
  cr_client *c = ud;
  pthread_mutex_lock(&c->lock);
  int stop = c->closing;
  pthread_mutex_unlock(&c->lock);
  return stop;
}

static void *stream_thread(void *ud) {
  cr_client *c = ud;
  char url[1200];
  snprintf(url, sizeof url, "%s/api/events?token=%s", c->base, c->token);
  for (;;) {
    CURL *h = cu->easy_init();
    if (!h) break;
    cu->easy_setopt(h, CURLOPT_URL, url);
    cu->easy_setopt(h, CURLOPT_WRITEFUNCTION, on_stream);
    cu->easy_setopt(h, CURLOPT_WRITEDATA, c);
    cu->easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    cu->easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    cu->easy_setopt(h, CURLOPT_XFERINFODATA, c);
    cu->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    cu->easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 5L);
    c->line_len = 0;
    cu->easy_perform(h);
    long status = 0;
    cu->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    cu->easy_cleanup(h);
    pthread_mutex_lock(&c->lock);
    int stop = c->closing || c->ended;
    pthread_mutex_unlock(&c->lock);
    if (stop) break;
    if (status == 403 || status == 410) { /* the seat is gone: kicked, or a new game */
      push(c, strdup("end"), strdup("{\"reason\":\"the teacher's halqa no longer knows this seat\"}"));
      break;
    }
    push(c, strdup("disconnected"), strdup("{}"));
    struct timespec ts = { 1, 0 }; /* a network blip: try again with the same token */
    nanosleep(&ts, NULL);
  }
  free(c->event);
  free(c->data);
  c->event = c->data = NULL;
  return NULL;
}

/* ---- joining, answering, leaving ---- */

cr_client *cr_join(const char *address, const char *code, const char *name, char *err, size_t errlen) {
  if (!cu && !(cu = cr_curl_get(err, errlen))) return NULL;
  cr_client *c = calloc(1, sizeof *c);
  if (!c) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  const char *scheme = strstr(address, "://") ? "" : "http://";
  size_t n = strlen(scheme) + strlen(address) + 1;
  c->base = malloc(n);
  if (c->base) snprintf(c->base, n, "%s%s", scheme, address);
  while (c->base && strlen(c->base) && c->base[strlen(c->base) - 1] == '/') c->base[strlen(c->base) - 1] = '\0';
  c->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  pthread_mutex_init(&c->lock, NULL);
  cJSON *j = cJSON_CreateObject();
  cJSON_AddStringToObject(j, "code", code);
  cJSON_AddStringToObject(j, "name", name);
  char *json = cJSON_PrintUnformatted(j);
  cJSON_Delete(j);
  char *reply = NULL;
  long status = c->base && json && c->wake_fd >= 0 ? post(c->base, "/api/join", json, &reply, err, errlen) : 0;
  free(json);
  cJSON *r = status ? cJSON_Parse(reply) : NULL;
  if (status == 200) {
    const cJSON *tok = cJSON_GetObjectItemCaseSensitive(r, "token");
    const cJSON *seat = cJSON_GetObjectItemCaseSensitive(r, "seat");
    if (cJSON_IsString(tok) && strlen(tok->valuestring) == CR_TOKEN_LEN && cJSON_IsNumber(seat)) {
      memcpy(c->token, tok->valuestring, CR_TOKEN_LEN + 1);
      c->seat = seat->valueint;
    } else {
      snprintf(err, errlen, "%s: the reply to joining has no token", c->base);
      status = 0;
    }
  } else if (status) {
    const cJSON *why = cJSON_GetObjectItemCaseSensitive(r, "error");
    snprintf(err, errlen, "%s refused to join: %s", c->base, cJSON_IsString(why) ? why->valuestring : reply);
    status = 0;
  }
  cJSON_Delete(r);
  free(reply);
  if (status != 200 || pthread_create(&c->thread, NULL, stream_thread, c) != 0) {
    if (c->wake_fd >= 0) close(c->wake_fd);
    pthread_mutex_destroy(&c->lock);
    free(c->base);
    free(c);
    return NULL;
  }
  return c;
}

void cr_client_close(cr_client *c) {
  if (!c) return;
  pthread_mutex_lock(&c->lock);
  c->closing = 1;
  pthread_mutex_unlock(&c->lock);
  pthread_join(c->thread, NULL);
  cr_messages_free(c->msgs.v, c->msgs.n);
  close(c->wake_fd);
  pthread_mutex_destroy(&c->lock);
  free(c->base);
  free(c);
}

int cr_client_fd(const cr_client *c) { return c->wake_fd; }
int cr_client_seat(const cr_client *c) { return c->seat; }

size_t cr_client_poll(cr_client *c, cr_message **out, int *ended) {
  uint64_t n;
  ssize_t r = read(c->wake_fd, &n, sizeof n);
  (void)r;
  size_t k;
  pthread_mutex_lock(&c->lock);
  *out = list_take(&c->msgs, &k);
  *ended = c->ended;
  pthread_mutex_unlock(&c->lock);
  return k;
}

void cr_messages_free(cr_message *m, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(m[i].event);
    free(m[i].data);
  }
  free(m);
}

int cr_client_answer(cr_client *c, long question, const char *text, char **body, char *err, size_t errlen) {
  cJSON *j = cJSON_CreateObject();
  cJSON_AddStringToObject(j, "token", c->token);
  cJSON_AddNumberToObject(j, "question", (double)question);
  cJSON_AddStringToObject(j, "answer", text);
  char *json = cJSON_PrintUnformatted(j);
  cJSON_Delete(j);
  if (!json) {
    snprintf(err, errlen, "out of memory");
    *body = NULL;
    return 0;
  }
  long status = post(c->base, "/api/answer", json, body, err, errlen);
  free(json);
  return (int)status;
}
