/* fuzz_input.h: splitting a fuzzer's bytes into the parts a harness needs, and FUZZ_CHECK. */
#ifndef HALQA_FUZZ_INPUT_H
#define HALQA_FUZZ_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An assertion that stays in release builds (assert() is off under NDEBUG): a failed property
** is a crash libFuzzer saves. */
#define FUZZ_CHECK(c) \
  do { \
    if (!(c)) { \
      fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #c); \
      abort(); \
    } \
  } while (0)

/* The input cut at NUL bytes into at most max NUL-terminated strings (copies, in one buffer the
** caller frees: parts[0]). Missing parts are "". Returns the count found. */
static inline int fuzz_split(const uint8_t *data, size_t size, char **parts, int max) {
  char *buf = malloc(size + 1);
  if (!buf) abort();
  memcpy(buf, data, size);
  buf[size] = '\0';
  int n = 0;
  char *p = buf;
  for (; n < max; n++) {
    parts[n] = p;
    size_t len = strlen(p);
    if (p + len >= buf + size) {
      n++;
      break;
    }
    p += len + 1;
  }
  for (int i = n; i < max; i++) parts[i] = buf + size; /* "" */
  return n;
}

#endif
