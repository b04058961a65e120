/* terminal.c: libhalqa for a terminal front end — the calls the halqa executable is built on
** (running scripts, commands and REPL lines, the reader, `check`), over the host's. */
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "handle.h"

/* The host's reader calls this, which hands the program's reader the same options. */
static char *read_through(void *ud, const char *prompt, const hq_read_opts *o, int *status) {
  halqa *h = ud;
  halqa_read_opts opts;
  if (o) {
    opts.tick = o->tick;
    opts.wake_fd = o->wake_fd;
    opts.on_tick = o->on_tick;
    opts.tick_ud = o->tick_ud;
    memcpy(opts.keys, o->keys, sizeof opts.keys);
  }
  int st = HALQA_READ_EOF;
  char *line = h->reader(h->reader_ud, prompt, o ? &opts : NULL, &st);
  *status = st == HALQA_READ_LINE ? HQ_READ_LINE : st == HALQA_READ_INTERRUPTED ? HQ_READ_INTERRUPTED
          : st == HALQA_READ_STOPPED ? HQ_READ_STOPPED : HQ_READ_EOF;
  return line;
}

void halqa_set_reader(halqa *h, halqa_reader fn, void *ud, int interactive) {
  h->reader = fn;
  h->reader_ud = ud;
  if (fn) hq_set_reader(h->H, read_through, h, interactive);
  else hq_set_reader(h->H, NULL, NULL, interactive);
}

int halqa_run_file(halqa *h, const char *path, int argc, char **argv) {
  return hq_run_file(h->H, path, argc, argv);
}

int halqa_run_chunk(halqa *h, const char *chunk, const char *name) {
  return hq_run_chunk(h->H, chunk, name);
}

int halqa_run_command(halqa *h, const char *name, int argc, char **argv) {
  return hq_run_command(h->H, name, argc, argv);
}

int halqa_repl_line(halqa *h, const char *chunk) {
  int r = hq_eval(h->H, chunk);
  return r == HQ_EVAL_MORE ? HALQA_LINE_MORE : r == HQ_EVAL_ERROR ? HALQA_LINE_ERROR : HALQA_LINE_OK;
}

int halqa_quit_requested(halqa *h, int *status) {
  return hq_quit_requested(h->H, status);
}

int halqa_check(const char *data_dir) {
  return hq_check(data_dir ? data_dir : hq_default_data_dir(), stdout, stderr);
}

const char *halqa_default_data_dir(void) {
  return hq_default_data_dir();
}

char *halqa_history_path(void) {
  return hq_history_path();
}

int halqa_mkdirs(const char *path) {
  return hq_mkdirs(path);
}

const char *halqa_lua_version(void) {
  return LUA_RELEASE;
}
