/* classroom.h: the networked classroom's server and client, with no Lua (docs/classroom.md). */
/*
** The server (server.c, seats.c, streams.c) is an HTTP server on libmicrohttpd: the phone page's
** files, a Server-Sent Events stream per student, and the join and answer requests. It decides
** nothing about the game: each join and answer becomes an event for the caller (the teacher's Lua,
** through src/bindings/lua_classroom.c), whose reply is sent back to the student. It does check what
** must be checked before the game sees a request: the join code, the student's token, sizes,
** rates and well-formed UTF-8 JSON. The client (client.c, libcurl) is `halqa join`'s side.
** All state is in the cr_server / cr_client structs; nothing is process-wide.
*/
#ifndef HALQA_CLASSROOM_H
#define HALQA_CLASSROOM_H

#include <stddef.h>

#define CR_TOKEN_LEN 32     /* hex characters of a seat's token (128 random bits) */
#define CR_NAME_MAX 64      /* bytes of a name as sent; the game shortens it further */
#define CR_ANSWER_MAX 256   /* bytes of an answer */
#define CR_BODY_MAX 1024    /* bytes of a request body */

/* ---- the server ---- */

typedef struct cr_server cr_server;

typedef struct cr_config {
  const char *bind;       /* an IPv4 address; NULL: 127.0.0.1 */
  int port;               /* 0: any free port */
  const char *web_dir;    /* index.html, app.js, style.css */
  const char *code;       /* the join code */
  int max_connections;    /* 0: 1000 */
  int per_ip;             /* connections from one address; 0: no limit */
  double reply_timeout;   /* seconds a request waits for the game's reply; 0: 10 */
} cr_config;

enum { CR_JOIN = 1, CR_ANSWER, CR_CONNECT, CR_DISCONNECT };

typedef struct cr_event {
  int kind;
  long req;       /* CR_JOIN, CR_ANSWER: the request to reply to */
  int seat;       /* CR_ANSWER, CR_CONNECT, CR_DISCONNECT */
  long question;  /* CR_ANSWER: the question number the student answered */
  char *text;     /* CR_JOIN: the name; CR_ANSWER: the answer */
  double at;      /* when the request arrived (monotonic seconds) */
} cr_event;

typedef struct cr_stats {
  unsigned long requests, refused, rate_limited, too_large, malformed, connections_open, connections_total;
  unsigned long streams, seats;
} cr_stats;

/* Starts the server; NULL with a message in err ("cannot listen on 127.0.0.1:80: ..."). */
cr_server *cr_start(const cr_config *cfg, char *err, size_t errlen);
/* Ends every stream (after a moment to flush what was sent), answers waiting requests with 503,
** and stops. */
void cr_stop(cr_server *s);
int cr_port(const cr_server *s);
/* Readable when events are waiting (an eventfd): for the caller's poll/select. */
int cr_wake_fd(const cr_server *s);
/* The events since the last call, oldest first (malloc'd; free with cr_events_free). */
size_t cr_poll(cr_server *s, cr_event **out);
void cr_events_free(cr_event *ev, size_t n);
/* Admits a join request: a new seat with a fresh token (token_out: CR_TOKEN_LEN + 1 bytes).
** Returns the seat number (1, 2, ...) or 0. The caller then replies to the request. */
int cr_admit(cr_server *s, char *token_out);
/* Gives seat back its token (resuming a game after a restart); 0 if the seat is taken. */
int cr_restore_seat(cr_server *s, int seat, const char *token);
/* Replies to a request (status, a JSON body); 0 if it is no longer waiting. */
int cr_reply(cr_server *s, long req, int status, const char *json);
/* Sends an event to one seat's stream (seat 0: to every seat). */
void cr_send(cr_server *s, int seat, const char *event, const char *json);
/* Takes a seat's token away and ends its stream after the given last event (NULL: none). */
void cr_kick(cr_server *s, int seat, const char *event, const char *json);
/* Changes the join code; NULL ends joining ("the game is over"). */
void cr_set_code(cr_server *s, const char *code);
void cr_get_stats(cr_server *s, cr_stats *out);
double cr_now(void);

/* ---- the QR code (qr.c, libqrencode) ---- */

/* The modules of text's QR code as rows of '1' and '0' (malloc'd, size*size bytes), *size set;
** NULL when it does not fit or libqrencode is missing. */
char *cr_qr(const char *text, int *size);

/* ---- the client: `halqa join` (client.c, libcurl) ---- */

typedef struct cr_client cr_client;

typedef struct cr_message {
  char *event; /* the SSE event name */
  char *data;  /* its JSON */
} cr_message;

/* Joins the game at address (http://host:port) with the code and name. NULL with a message. */
cr_client *cr_join(const char *address, const char *code, const char *name, char *err, size_t errlen);
void cr_client_close(cr_client *c);
int cr_client_fd(const cr_client *c);
int cr_client_seat(const cr_client *c);
/* The messages received since the last call; *ended set once the stream is over for good. */
size_t cr_client_poll(cr_client *c, cr_message **out, int *ended);
void cr_messages_free(cr_message *m, size_t n);
/* Sends an answer; returns the HTTP status (0 if it failed: err says why), *body the reply. */
int cr_client_answer(cr_client *c, long question, const char *text, char **body, char *err, size_t errlen);

#endif
