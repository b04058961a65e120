/* halqa.h: libhalqa, the halqa study engine for other programs — the whole public API.
**
** A handle (halqa) is one engine: its own Lua state, sandbox, dataset and progress store, and
** nothing shared with other handles, so a program may open several, in one thread or one per
** thread. A handle and its sessions are used by one thread at a time; halqa_interrupt may be
** called from any thread. Every text in and out is UTF-8; every JSON shape is documented, with a
** schema, in docs/embedding.md. Every char * the library returns is the caller's: free it with
** halqa_free. The library installs no signal handler unless asked (halqa_config.catch_sigint).
*/
#ifndef HALQA_PUBLIC_H
#define HALQA_PUBLIC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HALQA_VERSION_MAJOR 0
#define HALQA_VERSION_MINOR 1
#define HALQA_VERSION_PATCH 0

/* What a call returns. */
enum {
  HALQA_OK = 0,
  HALQA_ERROR = 1,       /* a script raised an error, a file could not be read... (see the message) */
  HALQA_EUSAGE = 2,      /* bad arguments or options (the message says which) */
  HALQA_ENOMEM = 3,      /* out of memory, or past the handle's memory limit */
  HALQA_EINTERRUPTED = 4 /* halqa_interrupt stopped the call */
};

typedef struct halqa halqa;                 /* an engine */
typedef struct halqa_session halqa_session; /* a quiz, cards, drill or circle being played */

/* Everything is optional: a zeroed struct (or NULL) gives the executable's defaults. */
typedef struct halqa_config {
  const char *data_dir;            /* the dataset folder; NULL: the bundled one */
  const char *const *script_dirs;  /* NULL-terminated folders searched before the bundled scripts */
  const char *store_path;          /* the progress store; NULL: $XDG_DATA_HOME/halqa/progress.db,
                                      ":memory:" to keep nothing */
  size_t mem_limit;                /* bytes of Lua memory; 0: 256 MiB */
  double time_limit;               /* CPU seconds a call may run; 0: 60; negative: no limit */
  int columns;                     /* width the text of steps is wrapped to; 0: 80 */
  int no_user_scripts;             /* 1: leave out $XDG_CONFIG_HOME/halqa/scripts */
  int catch_sigint;                /* 1: Ctrl-C (SIGINT) interrupts this handle's running call */
  int terminal;                    /* 1: a terminal front end (below): scripts print to stdout,
                                      errors go to stderr, input comes from halqa_set_reader */
  int no_cache;                    /* 1: compile the dataset and scripts from their text, neither
                                      reading nor writing $XDG_CACHE_HOME/halqa/chunks */
} halqa_config;

/* "0.1.0": the library's version (the SONAME's major is HALQA_VERSION_MAJOR). */
const char *halqa_version(void);

/* Frees anything the library returned. */
void halqa_free(void *p);

/* Opens an engine; NULL and *err (a message, if err is not NULL) on failure. */
halqa *halqa_open(const halqa_config *cfg, char **err);
/* Closes it, ending any session still open (their answers are saved as they were given). */
void halqa_close(halqa *h);

/* Runs Lua in the sandbox (a variable it sets stays for the next call). *result_json: what the
** chunk returns as JSON (null for nothing, an array for several values). */
int halqa_eval(halqa *h, const char *lua, char **result_json, char **err);

/* Starts mode "quiz", "cards", "drill" or "circle", with the command line's options as a JSON
** object: {"count": 5, "seed": 4, "party": ["CPP"]} is `quiz --count 5 --seed 4 --party CPP`;
** "args" is a list of the other arguments (a circle's topic, a deck). NULL and *err on failure. */
halqa_session *halqa_start(halqa *h, const char *mode, const char *options_json, char **err);
/* The step the session waits for (a question, a card, a rating, a page, a prompt) as JSON,
** valid until the next call on the session; NULL when the session has ended. */
const char *halqa_next(halqa_session *s);
/* Answers the step: grades it and saves it in the store; *grade_json is what the answer brought
** (a grade, a hint, a rating's outcome, or {"type":"ok"}), or {"type":"error","message":...}
** when the call fails. */
int halqa_answer(halqa_session *s, const char *answer, char **grade_json);
/* Ends the session if it has not ended (as the end of input does) and returns its summary as
** JSON; NULL when out of memory. */
char *halqa_summary(halqa_session *s);
/* Ends the session (if it has not ended) and frees it. */
void halqa_end(halqa_session *s);

/* Receives an export piece by piece; returns 0 to go on, anything else to stop. */
typedef int (*halqa_writer)(void *ud, const char *data, size_t len);
/* Exports the question bank in `format` (json, gift, moodle-xml, aiken, csv, tsv, html,
** worksheet, handout, apkg, kahoot: `halqa export --help`), with the export's options as JSON. */
int halqa_export(halqa *h, const char *format, const char *options_json, halqa_writer fn, void *ud, char **err);

/* The status of h's last call that failed without returning one (halqa_start's NULL). */
int halqa_last_status(const halqa *h);

/* Stops h's running call (from another thread or a signal handler): the call returns
** HALQA_EINTERRUPTED. Returns 1 when a call was running, 0 when there was none. */
int halqa_interrupt(halqa *h);

/* ---- A terminal front end: what the halqa executable itself is built on (src/cli) ----
** With halqa_config.terminal set, output and errors go to stdout and stderr as they happen
** (a failed call has printed its message), and halqa.readline reads through the reader. */

/* What a timed read asks of the reader (the drill's countdown, the classroom's events): while
** waiting it calls on_tick every `tick` seconds, at once on a resize, and whenever wake_fd (> 0)
** is readable; on_tick returns 1 to stop the read, may set *prompt to a new prompt and *redrawn
** when it rewrote the screen. keys[c], when set, is a line that Alt+c enters at once. */
typedef struct halqa_read_opts {
  double tick;
  int wake_fd;
  int (*on_tick)(void *ud, int resized, const char **prompt, int *redrawn);
  void *tick_ud;
  const char *keys[128];
} halqa_read_opts;

/* How a read ended (*status). */
enum { HALQA_READ_LINE, HALQA_READ_EOF, HALQA_READ_INTERRUPTED, HALQA_READ_STOPPED };

/* Reads a line (malloc'd with malloc, no newline): a line; NULL at the end of input; NULL when
** Ctrl-C cancelled it; what was typed so far when on_tick stopped it. opts may be NULL. */
typedef char *(*halqa_reader)(void *ud, const char *prompt, const halqa_read_opts *opts, int *status);

/* Replaces how input is read (the default reads stdin); interactive: a person at a terminal. */
void halqa_set_reader(halqa *h, halqa_reader fn, void *ud, int interactive);

/* Each returns an exit status: 0, or what the error asks for (2 for a usage error). */
int halqa_run_file(halqa *h, const char *path, int argc, char **argv); /* a script, `arg` set */
int halqa_run_chunk(halqa *h, const char *chunk, const char *name);    /* prints what it returns */
int halqa_run_command(halqa *h, const char *name, int argc, char **argv);

/* The REPL's evaluator: a command line or Lua; MORE when the chunk is unfinished. */
enum { HALQA_LINE_OK, HALQA_LINE_ERROR, HALQA_LINE_MORE };
int halqa_repl_line(halqa *h, const char *chunk);
/* Whether halqa.quit() was called, and the status it gave. */
int halqa_quit_requested(halqa *h, int *status);
/* Completion candidates for the word ending at line[end], readline's word starting at
** line[start]: add() once per match (the part from start on). Returns 1 when the word is a
** command's argument that may also be a file name (the caller offers those itself). */
int halqa_complete(halqa *h, const char *line, size_t start, size_t end,
                   void (*add)(void *ud, const char *m), void *ud);
/* Is line[0..end) a command's name followed by (the start of) its arguments? */
int halqa_is_command_line(halqa *h, const char *line, size_t end);

/* `halqa check`: validates the dataset in data_dir (NULL: the bundled one), printing every
** problem to stderr; returns the exit status. */
int halqa_check(const char *data_dir);
/* The bundled dataset folder (NULL if none is found); the REPL's history file (malloc'd; NULL
** without a home) and a helper creating the folders leading to a path (0 on success). */
const char *halqa_default_data_dir(void);
char *halqa_history_path(void);
int halqa_mkdirs(const char *path);
/* The Lua inside ("Lua 5.4.4"). */
const char *halqa_lua_version(void);

#ifdef __cplusplus
}
#endif

#endif
