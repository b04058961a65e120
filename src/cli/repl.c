/* repl.c: the REPL — GNU readline on a terminal, plain lines from a pipe — and Ctrl-C. */
/*
** Readline runs through its callback interface with our own select() loop, so that Ctrl-C at the
** prompt can clear the line cleanly, and a timed read (the drill's countdown) can wake on a timer
** and on a resize while the answer is being typed. The SIGINT handler only sets a flag, or stops a
** running chunk through halqa_interrupt(), as lua.c does.
*/
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/select.h>
#include <time.h>
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
static halqa *volatile sig_host; /* the host Ctrl-C stops (a signal handler needs a global) */

void repl_watch(halqa *H) {
  sig_host = H;
}

static void on_sigint(int sig) {
  (void)sig;
  if (halqa_interrupt(sig_host)) return;           /* a chunk was running: it stops at its next line */
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

/* ---- timed reads: the drill's countdown and teacher keys ---- */

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The lines Alt+key enters during the current read (halqa_read_opts.keys). */
static const char *const *key_lines;

/* Bound to Esc+key while a read has keys: the key's line replaces what was typed and is entered. */
static int enter_key_line(int count, int key) {
  (void)count;
  key &= 0x7f; /* a meta key may arrive with its high bit set */
  const char *text = key_lines ? key_lines[key] : NULL;
  if (!text) return rl_ding();
  rl_replace_line(text, 0);
  rl_point = rl_end;
  return rl_newline(1, '\n');
}

typedef struct saved_key {
  char seq[3];
  rl_command_func_t *fn;
  int type;
} saved_key;

/* Binds Esc+c for every key line, remembering what each sequence did. */
static int bind_keys(const halqa_read_opts *o, saved_key *saved) {
  int n = 0;
  key_lines = o->keys;
  for (int c = 33; c < 127; c++) {
    if (!o->keys[c]) continue;
    saved_key *k = &saved[n++];
    k->seq[0] = '\033';
    k->seq[1] = (char)c;
    k->seq[2] = '\0';
    k->fn = rl_function_of_keyseq(k->seq, NULL, &k->type);
    rl_bind_keyseq(k->seq, enter_key_line);
  }
  return n;
}

static void unbind_keys(saved_key *saved, int n) {
  for (int i = 0; i < n; i++) {
    /* a function comes back; anything else (a macro, unbound) ends unbound */
    rl_bind_keyseq(saved[i].seq, saved[i].type == ISFUNC ? saved[i].fn : NULL);
  }
  key_lines = NULL;
}

/* Runs the read's on_tick and applies what it asks; returns 1 to stop the read. */
static int tick(const halqa_read_opts *o, int resized) {
  const char *prompt = NULL;
  int redrawn = 0;
  int stop = o->on_tick(o->tick_ud, resized, &prompt, &redrawn);
  if (stop) return 1;
  if (prompt && rl_prompt && strcmp(prompt, rl_prompt) == 0) prompt = NULL; /* nothing new */
  if (prompt) rl_set_prompt(prompt);
  if (redrawn) {
    rl_on_new_line(); /* the screen was rewritten: the cursor is on a fresh line */
    rl_redisplay();
  } else if (prompt) {
    /* The whole line is drawn again rather than the characters that changed, so the countdown
    ** reads right on any terminal (and a test sees "[  9s]", not a lone "9"). */
    fputs("\r\033[K", rl_outstream);
    rl_forced_update_display();
  }
  return 0;
}

/* halqa_reader: one line from the terminal (see halqa_reader in halqa.h for *status). */
static char *read_terminal(void *ud, const char *prompt, const halqa_read_opts *o, int *status) {
  (void)ud;
  cb_line = NULL;
  cb_done = 0;
  got_sigint = 0;
  waiting_input = 1;
  *status = HALQA_READ_LINE;
  /* Signals stay blocked except inside pselect, which unblocks them atomically: a Ctrl-C that
  ** lands while readline handles a key is delivered there, never lost before a blocking wait. */
  sigset_t block, orig;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGWINCH);
  sigprocmask(SIG_BLOCK, &block, &orig);
  unblocked = orig;
  rl_getc_function = getc_interruptible;
  saved_key saved[128];
  int n_saved = o ? bind_keys(o, saved) : 0;
  int timed = o && o->on_tick && o->tick > 0;
  double next_tick = timed ? now_seconds() + o->tick : 0;
  char *partial = NULL;
  rl_callback_handler_install(prompt, on_line);
  while (!cb_done) {
    if (got_sigwinch) {
      got_sigwinch = 0;
      rl_resize_terminal();
      if (timed && tick(o, 1)) goto stopped;
    }
    if (got_sigint) {
      got_sigint = 0;
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_replace_line("", 0);
      rl_crlf();
      rl_callback_handler_remove();
      *status = HALQA_READ_INTERRUPTED;
      break;
    }
    if (timed && now_seconds() >= next_tick) {
      next_tick += o->tick;
      if (next_tick < now_seconds()) next_tick = now_seconds() + o->tick; /* fell behind: no burst */
      if (tick(o, 0)) goto stopped;
    }
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fileno(rl_instream), &fds);
    int wake = timed && o->wake_fd > 0 ? o->wake_fd : -1;
    if (wake >= 0) FD_SET(wake, &fds);
    struct timespec wait, *waitp = NULL;
    if (timed) {
      double left = next_tick - now_seconds();
      if (left < 0) left = 0;
      wait.tv_sec = (time_t)left;
      wait.tv_nsec = (long)((left - (double)wait.tv_sec) * 1e9);
      waitp = &wait;
    }
    int nfds = (wake > fileno(rl_instream) ? wake : fileno(rl_instream)) + 1;
    int r = pselect(nfds, &fds, NULL, NULL, waitp, &orig);
    if (r < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (r > 0 && wake >= 0 && FD_ISSET(wake, &fds) && tick(o, 0)) goto stopped; /* the classroom's events */
    if (r > 0 && FD_ISSET(fileno(rl_instream), &fds)) rl_callback_read_char();
  }
  goto done;
stopped:
  /* on_tick ended the read: keep what was typed, leave the line, and take readline down */
  partial = strdup(rl_line_buffer ? rl_line_buffer : "");
  rl_callback_sigcleanup();
  rl_replace_line("", 0);
  rl_crlf();
  rl_callback_handler_remove();
  *status = HALQA_READ_STOPPED;
done:
  if (n_saved) unbind_keys(saved, n_saved);
  sigprocmask(SIG_SETMASK, &orig, NULL);
  waiting_input = 0;
  if (*status == HALQA_READ_STOPPED) return partial;
  if (*status == HALQA_READ_INTERRUPTED) return NULL;
  if (!cb_line) *status = HALQA_READ_EOF;
  return cb_line;
}

/* ---- completion ---- */

typedef struct matches {
  char **v;
  size_t n, cap;
} matches;

static halqa *complete_host;
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

/* A command's FILE argument: the names in the folder typed so far, as a shell offers them (a
** command's words break only at blanks, so text is the whole path typed). */
static void add_file_names(const char *text) {
  char *f;
  for (int state = 0; (f = rl_filename_completion_function(text, state)) != NULL; state = 1) {
    add_match(&found, f);
    free(f);
  }
  rl_filename_completion_desired = 1; /* readline shows base names, adds '/' to a folder */
}

/* Words break at Lua's operators, except after a command's name: there they are its arguments
** (`--party`, `a/b.csv`), which break at blanks and at the '=' of `--format=gift` only. */
static char *word_breaks(void) {
  return halqa_is_command_line(complete_host, rl_line_buffer, (size_t)rl_point) ? " \t\n\"'=" : NULL;
}

static char **complete(const char *text, int start, int end) {
  for (size_t i = 0; i < found.n; i++) free(found.v[i]);
  found.n = 0;
  rl_attempted_completion_over = 1;
  int files = halqa_complete(complete_host, rl_line_buffer, (size_t)start, (size_t)end, add_match, &found);
  rl_completion_append_character = strpbrk(text, ".:") ? '\0' : ' ';
  if (files) add_file_names(text);
  char **r = rl_completion_matches(text, next_match);
  for (size_t i = 0; i < found.n; i++) found.v[i] = NULL; /* handed to readline */
  found.n = 0;
  return r;
}

/* ---- history ---- */

static char *history_file;

static void open_history(void) {
  history_file = halqa_history_path();
  if (!history_file) return;
  stifle_history(HISTORY_MAX);
  if (halqa_mkdirs(history_file) != 0) {
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

void repl_use_readline(halqa *H) {
  input_interactive = 1;
  halqa_set_reader(H, read_terminal, NULL, 1);
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

typedef char *(*line_source)(halqa *H, const char *prompt, int *interrupted);

static int loop(halqa *H, line_source next_line, int interactive) {
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
    int r = halqa_repl_line(H, chunk);
    if (r == HALQA_LINE_MORE) continue;
    if (interactive) remember(chunk);
    if (r == HALQA_LINE_ERROR) failed = 1;
    free(chunk);
    chunk = NULL;
    if (halqa_quit_requested(H, &quit_status)) return quit_status ? quit_status : failed;
  }
  if (chunk) {                    /* input ended inside an unfinished chunk: say why */
    failed |= halqa_run_chunk(H, chunk, "=stdin");
    free(chunk);
  }
  if (interactive) putchar('\n');
  return failed;
}

static char *terminal_line(halqa *H, const char *prompt, int *interrupted) {
  (void)H;
  int status;
  char *line = read_terminal(NULL, prompt, NULL, &status);
  *interrupted = status == HALQA_READ_INTERRUPTED;
  return line;
}

static char *plain_line(halqa *H, const char *prompt, int *interrupted) {
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

int repl_interactive(halqa *H) {
  repl_use_readline(H);
  complete_host = H;
  rl_readline_name = "halqa";
  rl_attempted_completion_function = complete;
  rl_completion_word_break_hook = word_breaks;
  rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,+-*/%^~#[]";
  rl_catch_signals = 0;
  rl_catch_sigwinch = 0;
  open_history();
  /* two short lines, so the banner fits a 40-column projector as well as an 80-column terminal */
  printf("halqa %s: `help` lists the commands;\nanything else is Lua. Ctrl-D leaves.\n", halqa_version());
  int st = loop(H, terminal_line, 1);
  free(history_file);
  return st;
}

int repl_piped(halqa *H) {
  return loop(H, plain_line, 0);
}
