/* fuzz_normalize.c: grade_normalize and grade_distance on arbitrary bytes. */
/*
** Normalizing the normal form again must not make it longer, the distance of a string to itself
** is 0 and the distance is symmetric.
*/
#include <stdint.h>
#include <string.h>

#include "fuzz_input.h"
#include "grade.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *parts[2];
  fuzz_split(data, size, parts, 2);
  char *a = grade_normalize(parts[0]);
  FUZZ_CHECK(a);
  char *again = grade_normalize(a); /* not idempotent by design: "the the x" loses one article each time */
  FUZZ_CHECK(again && strlen(again) <= strlen(a));
  int d = grade_distance(a, a);
  FUZZ_CHECK(d == 0 || d == -1);
  char *b = grade_normalize(parts[1]);
  FUZZ_CHECK(b);
  int ab = grade_distance(a, b), ba = grade_distance(b, a);
  FUZZ_CHECK(ab == ba);
  free(a);
  free(again);
  free(b);
  free(parts[0]);
  return 0;
}
