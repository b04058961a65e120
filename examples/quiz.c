/* quiz.c: a quiz in a program of its own — libhalqa asks and grades, this loop reads and shows.
** cc quiz.c $(pkg-config --cflags --libs halqa libcjson); ./quiz '{"n": 5, "party": ["CPP"]}' */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <halqa.h>

/* Shows a step, a grade or the summary: its `text` is what halqa's own screen would show. */
static void show(const char *json) {
  cJSON *o = cJSON_Parse(json ? json : "{}");
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
  if (cJSON_IsString(text)) fputs(text->valuestring, stdout);
  cJSON_Delete(o);
}

int main(int argc, char **argv) {
  halqa_config cfg = {.store_path = ":memory:", .columns = 72};
  char *err = NULL, line[1024];
  halqa *h = halqa_open(&cfg, &err);
  halqa_session *s = h ? halqa_start(h, "quiz", argc > 1 ? argv[1] : "{\"n\": 3}", &err) : NULL;
  if (!s) {
    fprintf(stderr, "quiz: %s\n", err ? err : "cannot start");
    halqa_free(err);
    halqa_close(h);
    return 1;
  }
  const char *step;
  while ((step = halqa_next(s)) != NULL) { /* a question, until there are none */
    show(step);
    fputs("your answer: ", stdout);
    fflush(stdout);
    if (!fgets(line, sizeof line, stdin)) break; /* end of input ends the quiz early */
    line[strcspn(line, "\r\n")] = '\0';
    char *grade = NULL;
    halqa_answer(s, line, &grade); /* graded and saved; a grade, a hint, or an error */
    show(grade);
    halqa_free(grade);
  }
  char *summary = halqa_summary(s);
  show(summary);
  halqa_free(summary);
  halqa_end(s);
  halqa_close(h);
  return 0;
}
