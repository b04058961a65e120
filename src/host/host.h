/* host.h: the C API of the halqa host (hq_*), used by libhalqa (src/lib), the executable and the tests. */
#ifndef HALQA_HOST_H
#define HALQA_HOST_H

#include <stddef.h>
#include <stdio.h>

typedef struct hq_host hq_host;

#define HQ_MAX_SCRIPT_DIRS 16
#define HQ_DEFAULT_MEM_LIMIT ((size_t)256 << 20)
#define HQ_DATA_SECONDS 5.0 /* CPU seconds loading the dataset may take (or the time limit, if less) */

typedef struct hq_config {
  const char *data_dir;                        /* NULL: the bundled dataset */
  const char *script_dirs[HQ_MAX_SCRIPT_DIRS]; /* --scripts, searched first, in order */
  int n_script_dirs;
  size_t mem_limit;                            /* bytes; 0 means HQ_DEFAULT_MEM_LIMIT */
  double time_limit;                           /* CPU seconds between inputs; 0 = none */
  int no_user_scripts;                         /* skip $XDG_CONFIG_HOME/halqa/scripts */
  int no_cache;                                /* --no-cache: compile every file from its text */
  const char *db_path;                         /* --db; NULL: $XDG_DATA_HOME/halqa/progress.db */
  FILE *out, *err;                             /* NULL: stdout, stderr */
  int columns;                                 /* screen width for halqa.columns(); 0: ask */
} hq_config;

/* What a timed read asks of the reader (halqa.readline with options; the drill's countdown).
** While waiting for input the reader calls on_tick every `tick` seconds, and at once when the
** terminal was resized. on_tick returns 1 to stop the read; it may set *prompt to a new prompt
** (valid until the next call) and *redrawn when it rewrote the screen, so the input line is
** drawn again from scratch. keys[c], when set, is a line that Alt+c (Esc c) enters at once.
** wake_fd (> 0) is a descriptor that runs on_tick at once when readable (the classroom's events):
** every reader honours it, a pipe too (the executable makes stdin unbuffered so the reader's
** poll sees every line still to read). */
typedef struct hq_read_opts {
  double tick;
  int wake_fd;
  int (*on_tick)(void *ud, int resized, const char **prompt, int *redrawn);
  void *tick_ud;
  const char *keys[128];
} hq_read_opts;

/* How a read ended. */
enum { HQ_READ_LINE, HQ_READ_EOF, HQ_READ_INTERRUPTED, HQ_READ_STOPPED };

/* Reads one line of input for `halqa.readline` and the REPL; returns a malloc'd line without its
** newline. *status says how it ended: a line; end of input or Ctrl-D (NULL); Ctrl-C cancelled
** it (NULL); on_tick stopped it (the partial line typed so far, or NULL). opts may be NULL;
** a reader that cannot time (a pipe) ignores it. */
typedef char *(*hq_reader)(void *ud, const char *prompt, const hq_read_opts *opts, int *status);

/* Opens a host: Lua state, sandbox, dataset, startup scripts. NULL on failure, after the error
** was written to cfg->err as `file:line: message`. */
hq_host *hq_open(const hq_config *cfg);
void hq_close(hq_host *H);

/* Replaces how input is read (the terminal REPL installs readline); default reads cfg's stdin. */
void hq_set_reader(hq_host *H, hq_reader fn, void *ud, int interactive);

/* Each returns 0 on success, 1 on a reported error. */
int hq_run_file(hq_host *H, const char *path, int argc, char **argv);
int hq_run_chunk(hq_host *H, const char *chunk, const char *name);      /* prints results */
int hq_run_command(hq_host *H, const char *name, int argc, char **argv); /* a registered command */
int hq_has_command(hq_host *H, const char *name);

/* The REPL's evaluator: feed a complete or partial chunk. */
enum { HQ_EVAL_OK, HQ_EVAL_ERROR, HQ_EVAL_MORE };
int hq_eval(hq_host *H, const char *chunk);

/* Set by halqa.quit(); the REPL stops when it is. */
int hq_quit_requested(hq_host *H, int *status);


/* halqa check: validates the dataset in dir, printing every problem; returns the exit status.
** time_limit as in hq_config (0: none); loading has HQ_DATA_SECONDS at most either way. */
int hq_check(const char *data_dir, double time_limit, FILE *out, FILE *err);

/* Where the bundled data and scripts are for this binary; NULL if not found. */
const char *hq_default_data_dir(void);
const char *hq_default_scripts_dir(void);

/* For a SIGINT handler or another thread: stops H's running chunk within a few thousand Lua
** instructions; returns 0 (doing nothing) when no chunk is running. Async-signal-safe. */
int hq_interrupt(hq_host *H);
/* How many bytes of Lua memory are in use and the most ever used. */
void hq_memory_use(hq_host *H, size_t *used, size_t *peak);

const char *hq_version(void);

/* The REPL history file: $XDG_STATE_HOME/halqa/history or ~/.local/state/halqa/history
** (malloc'd; NULL without a home), and a helper creating the folders leading to a path. */
char *hq_history_path(void);
int hq_mkdirs(const char *path);

#endif
