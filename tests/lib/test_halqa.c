/* test_halqa.c: libhalqa's calls from C — what open refuses, the version, the memory limit, the
** SIGINT handler only when asked, bad options, a writer that stops, a session after its end. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "halqa.h"

static int passed, failed;

static void check(int ok, const char *what) {
  if (ok) passed++;
  else failed++, fprintf(stderr, "FAIL: %s\n", what);
}

static int stop_at_once(void *ud, const char *data, size_t len) {
  (void)ud, (void)data, (void)len;
  return 1;
}

static void *raise_sigint(void *arg) {
  halqa *h = arg;
  struct timespec pause = {0, 20 * 1000 * 1000};
  for (int i = 0; i < 500; i++) {
    nanosleep(&pause, NULL);
    if (halqa_interrupt(h) == 0) continue; /* not running yet: try again (this only reads) */
    raise(SIGINT); /* the handler the library installed interrupts the call */
    break;
  }
  return NULL;
}

int main(void) {
  char *err = NULL, *out = NULL;
  char version[32];
  snprintf(version, sizeof version, "%d.%d.%d", HALQA_VERSION_MAJOR, HALQA_VERSION_MINOR, HALQA_VERSION_PATCH);
  check(strcmp(halqa_version(), version) == 0, "halqa_version() is the header's version");

  halqa_config bad = {.data_dir = "/nonexistent/halqa-data", .store_path = ":memory:"};
  check(halqa_open(&bad, &err) == NULL && err && strstr(err, "/nonexistent/halqa-data"), "a missing dataset: NULL and where");
  halqa_free(err);

  struct sigaction before, after;
  sigaction(SIGINT, NULL, &before);
  halqa_config cfg = {.store_path = ":memory:", .no_user_scripts = 1, .mem_limit = (size_t)64 << 20};
  halqa *h = halqa_open(&cfg, &err);
  check(h != NULL, "open");
  if (!h) return 1;
  sigaction(SIGINT, NULL, &after);
  check(after.sa_handler == before.sa_handler, "no SIGINT handler unless asked");

  check(halqa_eval(h, "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end", &out, &err) == HALQA_ENOMEM &&
        err && strstr(err, "not enough memory"), "past the memory limit: HALQA_ENOMEM");
  halqa_free(err);
  check(halqa_eval(h, "return #halqa.index.events_by_date > 0", &out, &err) == HALQA_OK && strcmp(out, "true") == 0,
        "the handle goes on after running out of memory");
  halqa_free(out);

  check(halqa_start(h, "quiz", "{\"n\": ", &err) == NULL && halqa_last_status(h) == HALQA_EUSAGE &&
        strstr(err, "not a JSON object"), "options that do not parse");
  halqa_free(err);
  check(halqa_start(h, "quiz", "{\"--seed\": 1}", &err) == NULL && strstr(err, "not an option name"), "a dashed option name");
  halqa_free(err);
  check(halqa_export(h, "gift", NULL, stop_at_once, NULL, &err) == HALQA_ERROR && strstr(err, "writer stopped"),
        "a writer that stops the export");
  halqa_free(err);

  halqa_session *s = halqa_start(h, "quiz", "{\"n\": 1, \"seed\": 2}", &err);
  check(s && halqa_next(s), "a one-question quiz");
  char *grade = NULL;
  check(halqa_answer(s, "skip", &grade) == HALQA_OK && strstr(grade, "\"skipped\""), "skip");
  halqa_free(grade);
  check(halqa_next(s) == NULL, "then the end");
  check(halqa_answer(s, "x", &grade) == HALQA_ERROR && strstr(grade, "\"type\":\"error\""), "an answer after the end is an error object");
  halqa_free(grade);
  char *summary = halqa_summary(s);
  check(summary && strstr(summary, "\"asked\":1"), "the summary");
  halqa_free(summary);
  halqa_end(s);
  halqa_close(h);

  /* asked to catch SIGINT: Ctrl-C stops the running call; closing gives the signal back */
  cfg.catch_sigint = 1;
  cfg.mem_limit = 0;
  h = halqa_open(&cfg, &err);
  check(h != NULL, "open with catch_sigint");
  if (!h) return 1;
  pthread_t t;
  pthread_create(&t, NULL, raise_sigint, h);
  check(halqa_eval(h, "while true do end", &out, &err) == HALQA_EINTERRUPTED, "SIGINT interrupts the call");
  halqa_free(err);
  pthread_join(t, NULL);
  halqa_close(h);
  sigaction(SIGINT, NULL, &after);
  check(after.sa_handler == SIG_DFL, "closing the handle gives SIGINT back");
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
