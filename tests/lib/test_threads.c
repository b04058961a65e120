/* test_threads.c: libhalqa keeps no process-wide state — two handles in one thread, one handle
** per thread in several threads, and halqa_interrupt from another thread. Run under
** ThreadSanitizer by tests/lib/tsan.sh (and plainly, in the suite). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "halqa.h"

#define THREADS 4

static int failures;

static void check(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "FAIL: %s\n", what);
    __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
  }
}

static halqa *open_memory(double time_limit) {
  halqa_config cfg = {.store_path = ":memory:", .no_user_scripts = 1, .time_limit = time_limit};
  char *err = NULL;
  halqa *h = halqa_open(&cfg, &err);
  if (!h) fprintf(stderr, "halqa_open: %s\n", err ? err : "?");
  halqa_free(err);
  return h;
}

/* Plays a quiz of n questions with seed, answering `answer` each time; returns the summary's
** "score" field text (malloc'd) so runs can be compared. */
static char *play(halqa *h, int seed, int n, const char *answer) {
  char options[64], *err = NULL;
  snprintf(options, sizeof options, "{\"n\": %d, \"seed\": %d}", n, seed);
  halqa_session *s = halqa_start(h, "quiz", options, &err);
  check(s != NULL, "halqa_start");
  halqa_free(err);
  if (!s) return NULL;
  int steps = 0;
  while (halqa_next(s) && steps < 100) {
    char *grade = NULL;
    check(halqa_answer(s, answer, &grade) == HALQA_OK, "halqa_answer");
    halqa_free(grade);
    steps++;
  }
  check(steps >= n, "a step at least for each question"); /* an unclear answer is asked again */
  char *summary = halqa_summary(s);
  halqa_end(s);
  const char *score = summary ? strstr(summary, "\"answers\":") : NULL;
  char *out = score ? strdup(score) : NULL;
  halqa_free(summary);
  return out;
}

/* Everything after "seconds" changes from run to run; cut the answers' timings out. */
static void drop_seconds(char *s) {
  for (char *p; s && (p = strstr(s, "\"seconds\":"));) {
    char *end = p + 10;
    while (*end && *end != ',' && *end != '}') end++;
    memmove(p, end, strlen(end) + 1);
  }
}

static int count_chars(void *ud, const char *data, size_t len) {
  (void)data;
  *(size_t *)ud += len;
  return 0;
}

typedef struct job {
  int seed;
  char *result;
  size_t exported;
} job;

static void *worker(void *arg) {
  job *j = arg;
  halqa *h = open_memory(0);
  check(h != NULL, "a handle per thread");
  if (!h) return NULL;
  j->result = play(h, j->seed, 5, "1948");
  drop_seconds(j->result);
  char *err = NULL;
  check(halqa_export(h, "gift", "{\"party\": \"CPP\"}", count_chars, &j->exported, &err) == HALQA_OK, "export in a thread");
  halqa_free(err);
  halqa_close(h);
  return NULL;
}

typedef struct spin {
  halqa *h;
  int status;
} spin;

static void *spinner(void *arg) {
  spin *sp = arg;
  char *result = NULL, *err = NULL;
  sp->status = halqa_eval(sp->h, "while true do end", &result, &err);
  halqa_free(result);
  halqa_free(err);
  return NULL;
}

int main(void) {
  /* two handles in one thread: sessions interleaved, globals and stores apart */
  halqa *a = open_memory(0), *b = open_memory(0);
  check(a && b, "two handles");
  if (!a || !b) return 1;
  char *r = NULL, *err = NULL;
  check(halqa_eval(a, "x = 1", &r, &err) == HALQA_OK, "eval in a");
  halqa_free(r);
  check(halqa_eval(b, "return x", &r, &err) == HALQA_ERROR && err && strstr(err, "'x'"), "b does not see a's variable");
  halqa_free(r);
  halqa_free(err);
  halqa_session *sa = halqa_start(a, "quiz", "{\"n\": 3, \"seed\": 9}", &err);
  halqa_session *sb = halqa_start(b, "quiz", "{\"n\": 2, \"seed\": 9}", &err);
  check(sa && sb, "a session in each");
  for (int i = 0; i < 3; i++) {
    char *g = NULL;
    if (halqa_next(sa)) halqa_answer(sa, "skip", &g), halqa_free(g);
    if (halqa_next(sb)) halqa_answer(sb, "skip", &g), halqa_free(g);
  }
  halqa_end(sa);
  halqa_end(sb);
  check(halqa_eval(a, "return #halqa.store.session_answers(1)", &r, &err) == HALQA_OK && r && strcmp(r, "3") == 0, "a's store has a's 3 answers");
  halqa_free(r);
  check(halqa_eval(b, "return #halqa.store.session_answers(1)", &r, &err) == HALQA_OK && r && strcmp(r, "2") == 0, "b's store has b's 2 answers");
  halqa_free(r);
  char *expected = play(a, 11, 5, "1948");
  drop_seconds(expected);
  size_t expected_export = 0;
  check(halqa_export(a, "gift", "{\"party\": \"CPP\"}", count_chars, &expected_export, &err) == HALQA_OK, "export");
  halqa_close(b);

  /* one handle per thread, all at once: the same quiz gives the same results in each */
  pthread_t th[THREADS];
  job jobs[THREADS];
  for (int i = 0; i < THREADS; i++) {
    jobs[i] = (job){.seed = 11};
    pthread_create(&th[i], NULL, worker, &jobs[i]);
  }
  for (int i = 0; i < THREADS; i++) {
    pthread_join(th[i], NULL);
    check(jobs[i].result && expected && strcmp(jobs[i].result, expected) == 0, "a thread's quiz is the same quiz");
    check(jobs[i].exported == expected_export && expected_export > 0, "a thread's export is the same export");
    free(jobs[i].result);
  }
  free(expected);

  /* halqa_interrupt from another thread stops a running call; the handle goes on */
  spin sp = {.h = a, .status = -1};
  pthread_t t;
  pthread_create(&t, NULL, spinner, &sp);
  struct timespec pause = {0, 10 * 1000 * 1000};
  int tries = 0;
  while (!halqa_interrupt(a) && tries++ < 1000) nanosleep(&pause, NULL);
  pthread_join(t, NULL);
  check(sp.status == HALQA_EINTERRUPTED, "halqa_interrupt stops the call in the other thread");
  check(halqa_eval(a, "return 2", &r, &err) == HALQA_OK && r && strcmp(r, "2") == 0, "the handle works after an interrupt");
  halqa_free(r);
  check(halqa_interrupt(a) == 0, "nothing to interrupt when nothing runs");
  halqa_close(a);
  printf("threads: %s (%d failures)\n", failures ? "FAILED" : "ok", failures);
  return failures ? 1 : 0;
}
