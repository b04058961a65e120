/* fuzz_dataset.c: the dataset loader and validator on an arbitrary data file. */
/*
** The first byte picks which of the five files the rest replaces in a copy of the minimal
** fixture (tests/fixtures/data-min, found through HALQA_SOURCE_DIR); `halqa check`'s path then
** loads and validates it in a limited state (hq_check: memory cap, the 1 s load limit).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host.h"

static const char *const files[] = {"sources", "parties", "people", "organizations", "events"};
static char dir[64];
static FILE *sink;

static void copy_fixture(const char *name) {
  char from[4096], to[128];
  snprintf(from, sizeof from, "%s/tests/fixtures/data-min/%s.lua", HALQA_SOURCE_DIR, name);
  snprintf(to, sizeof to, "%s/%s.lua", dir, name);
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  if (!in || !out) abort();
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
  fclose(in);
  fclose(out);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  strcpy(dir, "/tmp/halqa-fuzz-data-XXXXXX");
  if (!mkdtemp(dir)) abort();
  sink = fopen("/dev/null", "w");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  int which = data[0] % 5;
  for (int i = 0; i < 5; i++) copy_fixture(files[i]);
  char path[128];
  snprintf(path, sizeof path, "%s/%s.lua", dir, files[which]);
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  hq_check(dir, 1.0, sink, sink);
  return 0;
}
