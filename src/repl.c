/* repl.c: the REPL — GNU readline on a terminal, plain lines from a pipe — and Ctrl-C. */
/*
** Readline runs through its callback interface with our own select() loop, so that Ctrl-C at the
** prompt can clear the line cleanly (and the drill can later add a timer to the same loop). The
** SIGINT handler only sets a flag, or stops a running chunk through hq_interrupt(), as lua.c does.
*/
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "repl.h"

#define PROMPT "halqa> "
#define PROMPT_MORE ">> "
#define HISTORY_MAX 1000

static volatile sig_atomic_t got_sigint;
static volatile sig_atomic_t got_sigwinch;
static volatile sig_atomic_t waiting_input; /* blocked reading a line, not running Lua */
static int input_interactive;

static void on_sigint(int sig) {
  (void)sig;
  if (hq_interrupt()) return;           /* a chunk was running: it stops at its next line */
  got_sigint = 1;
  if (!input_interactive && !waiting_input) _exit(130);
}

static void on_sigwinch(int sig) {
  (void)sig;
  got_sigwinch = 1;
}

void repl_install_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: a blocked read returns EINTR */
  sa.sa_handler = on_sigwinch;
  sigaction(SIGWINCH, &sa, NULL);
}

/* ---- reading a line with readline's callback interface ---- */

static char *cb_line;
static int cb_done;

static void on_line(char *line) {
  cb_line = line;
  cb_done = 1;
  rl_callback_handler_remove();
}

/* The signal mask outside read_terminal, which waits for input with it. */
static sigset_t unblocked;

/* readline's getc: waits with signals unblocked, so a Ctrl-C that flushed the input readline was
** about to read makes it return (a NUL the caller then discards with the line) instead of blocking
** for input that will never come. */
static int getc_interruptible(FILE *in) {
  for (;;) {
    if (got_sigint) return 0;
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fileno(in), &fds);
    int r = pselect(fileno(in) + 1, &fds, NULL, NULL, NULL, &unblocked);
    if (r < 0) {
      if (errno == EINTR) continue;
      return EOF;
    }
    unsigned char c;
    ssize_t n = read(fileno(in), &c, 1);
    if (n == 1) return c;
    if (n == 0 || errno != EINTR) return EOF;
  }
}

/* hq_reader: one line from the terminal; NULL at Ctrl-D; *interrupted on Ctrl-C. */
static char *read_terminal(void *ud, const char *prompt, int *interrupted) {
  (void)ud;
  cb_line = NULL;
  cb_done = 0;
  got_sigint = 0;
  waiting_input = 1;
  /* Signals stay blocked except inside pselect, which unblocks them atomically: a Ctrl-C that
  ** lands while readline handles a key is delivered there, never lost before a blocking wait. */
  sigset_t block, orig;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGWINCH);
  sigprocmask(SIG_BLOCK, &block, &orig);
  unblocked = orig;
  rl_getc_function = getc_interruptible;
  rl_callback_handler_install(prompt, on_line);
  while (!cb_done) {
    if (got_sigwinch) {
      got_sigwinch = 0;
      rl_resize_terminal();
    }
    if (got_sigint) {
      got_sigint = 0;
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_replace_line("", 0);
      rl_crlf();
      rl_callback_handler_remove();
      *interrupted = 1;
      break;
    }
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fileno(rl_instream), &fds);
    int r = pselect(fileno(rl_instream) + 1, &fds, NULL, NULL, NULL, &orig);
    if (r < 0) {
      if (errno == EINTR) continue;
      break;
    }
    rl_callback_read_char();
  }
  sigprocmask(SIG_SETMASK, &orig, NULL);
  waiting_input = 0;
  return *interrupted ? NULL : cb_line;
}

/* ---- completion ---- */

typedef struct matches {
  char **v;
  size_t n, cap;
} matches;

static hq_host *complete_host;
static matches found;

static void add_match(void *ud, const char *m) {
  matches *ms = ud;
  if (ms->n == ms->cap) {
    size_t cap = ms->cap ? ms->cap * 2 : 16;
    char **v = realloc(ms->v, cap * sizeof *v);
    if (!v) return;
    ms->v = v;
    ms->cap = cap;
  }
  ms->v[ms->n++] = strdup(m);
}

static char *next_match(const char *text, int state) {
  (void)text;
  static size_t i;
  if (state == 0) i = 0;
  return i < found.n ? found.v[i++] : NULL;
}

static char **complete(const char *text, int start, int end) {
  (void)start;
  for (size_t i = 0; i < found.n; i++) free(found.v[i]);
  found.n = 0;
  rl_attempted_completion_over = 1;
  hq_complete(complete_host, rl_line_buffer, (size_t)end, add_match, &found);
  rl_completion_append_character = strpbrk(text, ".:") ? '\0' : ' ';
  char **r = rl_completion_matches(text, next_match);
  for (size_t i = 0; i < found.n; i++) found.v[i] = NULL; /* handed to readline */
  found.n = 0;
  return r;
}

/* ---- history ---- */

static char *history_file;

static void open_history(void) {
  history_file = hq_history_path();
  if (!history_file) return;
  stifle_history(HISTORY_MAX);
  if (hq_mkdirs(history_file) != 0) {
    fprintf(stderr, "halqa: warning: cannot create the folder for %s: %s (history not saved)\n",
            history_file, strerror(errno));
    free(history_file);
    history_file = NULL;
    return;
  }
  int fd = open(history_file, O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) {
    fprintf(stderr, "halqa: warning: cannot write %s: %s (history not saved)\n", history_file, strerror(errno));
    free(history_file);
    history_file = NULL;
    return;
  }
  close(fd);
  read_history(history_file);
}

static void remember(const char *chunk) {
  add_history(chunk);
  if (history_file && append_history(1, history_file) != 0) {
    fprintf(stderr, "halqa: warning: cannot write %s (history not saved)\n", history_file);
    free(history_file);
    history_file = NULL;
  }
}

void repl_use_readline(hq_host *H) {
  input_interactive = 1;
  hq_set_reader(H, read_terminal, NULL, 1);
}

/* ---- the loop, shared by both modes ---- */

/* Appends line to the pending chunk (joined by a newline); returns the chunk. */
static char *extend(char *chunk, const char *line) {
  size_t a = chunk ? strlen(chunk) : 0, b = strlen(line);
  char *c = realloc(chunk, a + b + 2);
  if (!c) {
    free(chunk);
    return NULL;
  }
  if (a) c[a++] = '\n';
  memcpy(c + a, line, b + 1);
  return c;
}

typedef char *(*line_source)(hq_host *H, const char *prompt, int *interrupted);

static int loop(hq_host *H, line_source next_line, int interactive) {
  char *chunk = NULL;
  int failed = 0, quit_status;
  for (;;) {
    int interrupted = 0;
    char *line = next_line(H, chunk ? PROMPT_MORE : PROMPT, &interrupted);
    if (interrupted) {            /* Ctrl-C at the prompt: drop what was typed */
      free(chunk);
      chunk = NULL;
      continue;
    }
    if (!line) break;
    chunk = extend(chunk, line);
    free(line);
    if (!chunk) break;
    if (chunk[strspn(chunk, " \t")] == '\0') {
      free(chunk);
      chunk = NULL;
      continue;
    }
    int r = hq_eval(H, chunk);
    if (r == HQ_EVAL_MORE) continue;
    if (interactive) remember(chunk);
    if (r == HQ_EVAL_ERROR) failed = 1;
    free(chunk);
    chunk = NULL;
    if (hq_quit_requested(H, &quit_status)) return quit_status ? quit_status : failed;
  }
  if (chunk) {                    /* input ended inside an unfinished chunk: say why */
    failed |= hq_run_chunk(H, chunk, "=stdin");
    free(chunk);
  }
  if (interactive) putchar('\n');
  return failed;
}

static char *terminal_line(hq_host *H, const char *prompt, int *interrupted) {
  (void)H;
  return read_terminal(NULL, prompt, interrupted);
}

static char *plain_line(hq_host *H, const char *prompt, int *interrupted) {
  (void)H;
  (void)prompt;
  (void)interrupted;
  char *line = NULL;
  size_t cap = 0;
  waiting_input = 1;
  ssize_t n = getline(&line, &cap, stdin);
  waiting_input = 0;
  if (n < 0) {
    free(line);
    if (got_sigint) exit(130);
    return NULL;
  }
  if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
  return line;
}

int repl_interactive(hq_host *H) {
  repl_use_readline(H);
  complete_host = H;
  rl_readline_name = "halqa";
  rl_attempted_completion_function = complete;
  rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,+-*/%^~#[]";
  rl_catch_signals = 0;
  rl_catch_sigwinch = 0;
  open_history();
  printf("halqa %s — type `help` for commands, Lua to explore the data, Ctrl-D to leave.\n", hq_version());
  int st = loop(H, terminal_line, 1);
  free(history_file);
  return st;
}

int repl_piped(hq_host *H) {
  return loop(H, plain_line, 0);
}
