/* fuzz_grade.c: the graders on arbitrary answers and facts: text, date, number, choices, orders. */
/*
** Input: a selector byte, then parts separated by NUL. 0: text (answer, canonical, accepted...);
** 1: date (answer, then year/month/day/decade/part from the next bytes); 2: number (answer, the
** value from 8 bytes); 3: choices (answer, n), then grade_set and grade_order over the picks.
** Every result must be a verdict with a score in 0..1 and NUL-terminated feedback.
*/
#include <stdint.h>
#include <string.h>

#include "fuzz_input.h"
#include "grade.h"

static void check(const grade_result *r) {
  FUZZ_CHECK(r->verdict >= GRADE_WRONG && r->verdict <= GRADE_UNCLEAR);
  FUZZ_CHECK(r->score >= 0 && r->score <= 1);
  FUZZ_CHECK(memchr(r->feedback, '\0', sizeof r->feedback));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  int kind = data[0] % 4;
  char *parts[10];
  int n = fuzz_split(data + 1, size - 1, parts, 10);
  grade_result r;
  switch (kind) {
    case 0:
      r = grade_text(parts[0], parts[1], (const char *const *)parts + 2, (size_t)(n > 2 ? n - 2 : 0), (int)(size & 1));
      check(&r);
      break;
    case 1: {
      const unsigned char *b = (const unsigned char *)parts[1];
      grade_date d = {0};
      size_t blen = strlen(parts[1]);
      if (blen > 0) d.year = (int)(b[0] * 16 + (blen > 1 ? b[1] % 16 : 0));
      if (blen > 2) d.month = b[2] % 14;
      if (blen > 3) d.day = b[3] % 33;
      if (blen > 4) d.decade = (b[4] % 2) ? (d.year / 10) * 10 : 0;
      if (blen > 5) d.part = b[5] % 4;
      r = grade_date_answer(parts[0], &d);
      check(&r);
      char buf[64];
      grade_format_date(&d, buf, sizeof buf);
      FUZZ_CHECK(memchr(buf, '\0', sizeof buf));
      grade_date out;
      char why[128];
      grade_parse_date(parts[0], &out, why, sizeof why);
      break;
    }
    case 2: {
      double v = 0;
      if (strlen(parts[1]) >= sizeof v) memcpy(&v, parts[1], sizeof v);
      r = grade_number(parts[0], v, (int)(size & 1));
      check(&r);
      break;
    }
    default: {
      int nc = 1 + (int)(strlen(parts[1]) % 26);
      int given[26], correct[26];
      int ng = grade_parse_choices(parts[0], nc, given, 26);
      FUZZ_CHECK(ng >= -1 && ng <= 26);
      for (int i = 0; i < ng; i++) FUZZ_CHECK(given[i] >= 0 && given[i] < nc);
      for (int i = 0; i < nc; i++) correct[i] = (i * 7 + (int)size) % nc;
      r = grade_set(given, ng < 0 ? 0 : ng, correct, nc / 2 + 1, nc);
      check(&r);
      for (int i = 0; i < nc; i++) correct[i] = nc - 1 - i;
      r = grade_order(given, ng < 0 ? 0 : ng, correct, nc);
      check(&r);
    }
  }
  free(parts[0]);
  return 0;
}
