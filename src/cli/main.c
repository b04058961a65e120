/* main.c: halqa's command line — options, then a script, a command, -e chunks or the REPL. Like
** lua.c over liblua, a client of libhalqa's public API (halqa.h) alone. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "halqa.h"
#include "repl.h"
#include "serve.h"

static const char usage_line[] =
  "usage: halqa [--data DIR] [--scripts DIR]... [--db FILE] [--mem-limit MiB] [--time-limit SECONDS]\n"
  "             [--no-cache] [-e CHUNK]... [SCRIPT.lua [ARGS...] | COMMAND [ARGS...]]";

static const char help_text[] =
  "halqa: study the history of the communist movement in Pakistan.\n\n"
  "  halqa                     start the REPL (Lua, and commands such as `help`)\n"
  "  halqa SCRIPT.lua [ARGS]   run a script in the sandbox; ARGS are in `arg`\n"
  "  halqa -e CHUNK            run a Lua chunk and print what it returns\n"
  "  halqa COMMAND [ARGS]      run a REPL command once (`halqa help` lists them)\n"
  "  halqa check [--data DIR] [--coverage]  validate a dataset and lint its questions\n"
  "  halqa serve --stdio       the library's calls as JSON-RPC 2.0 on stdin/stdout\n\n"
  "options:\n"
  "  --data DIR          the dataset folder (default: the bundled data/)\n"
  "  --scripts DIR       add a scripts folder, searched before the bundled one (repeatable)\n"
  "  --db FILE           the progress store (default $XDG_DATA_HOME/halqa/progress.db;\n"
  "                      :memory: for a session that keeps nothing)\n"
  "  --mem-limit MiB     Lua memory cap (default 256)\n"
  "  --time-limit SECS   CPU seconds a script may run without asking for input (default 60;\n"
  "                      0 for none)\n"
  "  --no-cache          compile the dataset and scripts from their text, neither using nor\n"
  "                      writing the cache of compiled files ($XDG_CACHE_HOME/halqa/chunks)\n"
  "  --version           print the version\n"
  "  --help              print this help\n";

static int usage_error(const char *fmt, const char *a) {
  fprintf(stderr, "halqa: ");
  fprintf(stderr, fmt, a);
  fprintf(stderr, "\n%s\n", usage_line);
  return 2;
}

/* The numeric options, each with the range it accepts. The test is written so that nan (which
** compares false with everything) fails it, and a value too small to mean anything (a memory cap
** that would round to 0 bytes and so to the default) is refused rather than changed. */
typedef struct number_option {
  const char *name, *what;
  double min, max;
  int zero_ok; /* 0 itself is allowed (no limit) though below min */
} number_option;

static const number_option number_options[] = {
  {"--mem-limit", "a size in MiB from 1 to 1048576", 1, 1048576, 0},
  {"--time-limit", "a number of seconds from 0.01 to 1000000000, or 0 for none", 0.01, 1e9, 1},
  {NULL, NULL, 0, 0, 0}
};

/* Parses the value s of numeric option opt into *out; 0 and a message naming the option on
** failure. */
static int parse_number(const char *opt, const char *s, double *out) {
  const number_option *o = number_options;
  while (strcmp(o->name, opt) != 0) o++;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  int in_range = (v >= o->min && v <= o->max) || (o->zero_ok && v == 0);
  if (errno || end == s || *end || !in_range) {
    fprintf(stderr, "halqa: %s: '%s' is not %s\n%s\n", opt, s, o->what, usage_line);
    return 0;
  }
  *out = v;
  return 1;
}

#define MAX_SCRIPT_DIRS 16

typedef struct cli {
  halqa_config cfg;
  const char *script_dirs[MAX_SCRIPT_DIRS + 1]; /* NULL-terminated, for cfg */
  int n_script_dirs;
  const char *chunks[64];
  int n_chunks;
  const char *target;      /* SCRIPT.lua or COMMAND */
  char *rest[256];         /* its arguments */
  int n_rest;
} cli;

/* Is arg a script to run rather than a command name? */
static int is_script(const char *arg) {
  size_t n = strlen(arg);
  return strchr(arg, '/') || (n > 4 && strcmp(arg + n - 4, ".lua") == 0);
}

/* Host options are recognised anywhere before a script; after a command they are still ours
** (`halqa check --data DIR`), everything else goes to the command. Returns 0 or an exit status. */
static int parse(cli *c, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int script_args = c->target && is_script(c->target);
    if (!script_args && (strcmp(a, "--data") == 0 || strcmp(a, "--scripts") == 0 || strcmp(a, "--db") == 0 ||
                         strcmp(a, "--mem-limit") == 0 || strcmp(a, "--time-limit") == 0 ||
                         (!c->target && strcmp(a, "-e") == 0))) {
      if (i + 1 >= argc) return usage_error("option '%s' needs an argument", a);
      const char *v = argv[++i];
      double num;
      if (strcmp(a, "--data") == 0) c->cfg.data_dir = v;
      else if (strcmp(a, "--db") == 0) {
        if (!*v) return usage_error("--db: the file name is empty (use :memory: for a store that keeps nothing)%s", "");
        c->cfg.store_path = v;
      }
      else if (strcmp(a, "--scripts") == 0) {
        if (c->n_script_dirs >= MAX_SCRIPT_DIRS) return usage_error("too many --scripts (at most 16)%s", "");
        c->script_dirs[c->n_script_dirs++] = v;
      } else if (strcmp(a, "--mem-limit") == 0) {
        if (!parse_number(a, v, &num)) return 2;
        c->cfg.mem_limit = (size_t)(num * 1024 * 1024);
      } else if (strcmp(a, "--time-limit") == 0) {
        if (!parse_number(a, v, &num)) return 2;
        c->cfg.time_limit = num > 0 ? num : -1; /* 0 on the command line: none */
      } else {
        if (c->n_chunks >= 64) return usage_error("too many -e chunks%s", "");
        c->chunks[c->n_chunks++] = v;
      }
    } else if (c->target) {
      if (c->n_rest >= 256) return usage_error("too many arguments%s", "");
      c->rest[c->n_rest++] = argv[i];
    } else if (!script_args && strcmp(a, "--no-cache") == 0) {
      c->cfg.no_cache = 1;
    } else if (strcmp(a, "--version") == 0) {
      printf("halqa %s (%s)\n", halqa_version(), halqa_lua_version());
      return -1;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      printf("%s\n%s", usage_line, help_text);
      return -1;
    } else if (a[0] == '-' && a[1]) {
      return usage_error("unknown option '%s'", a);
    } else {
      c->target = a;
    }
  }
  return 0;
}

/* `halqa serve --stdio`: the same options, for handles that keep their output to themselves. */
static int serve(cli *c) {
  if (c->n_rest != 1 || strcmp(c->rest[0], "--stdio") != 0) {
    fprintf(stderr, "halqa serve: give --stdio (JSON-RPC 2.0, one message a line on stdin and stdout)\n");
    return 2;
  }
  halqa_config lc = c->cfg;
  lc.terminal = 0;
  return serve_stdio(&lc, stdin, stdout);
}

int main(int argc, char **argv) {
  static cli c;
  c.cfg.time_limit = 60;
  c.cfg.terminal = 1;
  c.cfg.script_dirs = c.script_dirs;
  int st = parse(&c, argc, argv);
  if (st) return st < 0 ? 0 : st;
  /* `check` validates the dataset first (in C, so a broken one is reported without loading it),
  ** then lints the question bank with the `check` command (scripts/commands/check.lua) */
  int checking = c.target && strcmp(c.target, "check") == 0;
  for (int i = 0; checking && i < c.n_rest; i++) /* `check --help` only shows the help */
    if (strcmp(c.rest[i], "--help") == 0 || strcmp(c.rest[i], "-h") == 0) checking = 2;
  if (checking) {
    int st_check = checking == 1 ? halqa_check(c.cfg.data_dir) : 0;
    if (st_check) return st_check;
    if (!c.cfg.store_path) c.cfg.store_path = ":memory:";
  }
  if (c.target && strcmp(c.target, "serve") == 0) return serve(&c);
  repl_install_signals();
  /* From a pipe, stdin is read unbuffered: a read that also waits on the network (halqa.readline's
  ** wake, the classroom) polls the descriptor, so no line may sit unseen in stdio's buffer. */
  if (!isatty(0)) setvbuf(stdin, NULL, _IONBF, 0);
  char *err = NULL;
  halqa *H = halqa_open(&c.cfg, &err);
  halqa_free(err); /* a terminal handle has printed why */
  if (!H) return 1;
  repl_watch(H);
  int interactive = isatty(0) && isatty(1);
  int status = 0;
  for (int i = 0; i < c.n_chunks && status == 0; i++) status = halqa_run_chunk(H, c.chunks[i], "=(command line)");
  if (status == 0 && c.target) {
    if (interactive) repl_use_readline(H);
    if (is_script(c.target)) status = halqa_run_file(H, c.target, c.n_rest, c.rest);
    else status = halqa_run_command(H, c.target, c.n_rest, c.rest);
  } else if (status == 0 && c.n_chunks == 0) {
    status = interactive ? repl_interactive(H) : repl_piped(H);
  }
  int quit_status;
  if (halqa_quit_requested(H, &quit_status) && status == 0) status = quit_status;
  repl_watch(NULL);
  halqa_close(H);
  return status;
}
