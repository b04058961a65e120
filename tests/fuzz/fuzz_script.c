/* fuzz_script.c: a sandboxed script from arbitrary text, with the limits on. */
/*
** One host on the bundled dataset (64 MiB, 0.25 s of CPU per chunk), opened again every 2000
** inputs so nothing a chunk left behind grows without end. It runs in a fresh temporary folder
** with HOME and XDG_* there, so halqa.save and halqa.save_generator write nowhere that matters;
** input is always at end (halqa.readline gets nil), the store is in memory. Whatever the text,
** the chunk must end (libFuzzer's -timeout catches a hang) and the host must still run the next.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host.h"

static hq_host *H;
static FILE *sink;
static int runs;

static char *no_input(void *ud, const char *prompt, const hq_read_opts *opts, int *status) {
  (void)ud, (void)prompt, (void)opts;
  *status = HQ_READ_EOF;
  return NULL;
}

static void open_host(void) {
  hq_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.data_dir = HALQA_SOURCE_DIR "/data";
  cfg.db_path = ":memory:";
  cfg.mem_limit = (size_t)64 << 20;
  cfg.time_limit = 0.25;
  cfg.out = sink;
  cfg.err = sink;
  H = hq_open(&cfg);
  if (!H) abort();
  hq_set_reader(H, no_input, NULL, 0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  char dir[64] = "/tmp/halqa-fuzz-script-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0) abort();
  setenv("HOME", dir, 1);
  setenv("XDG_CONFIG_HOME", dir, 1);
  setenv("XDG_DATA_HOME", dir, 1);
  setenv("XDG_STATE_HOME", dir, 1);
  sink = fopen("/dev/null", "w");
  open_host();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *chunk = malloc(size + 1);
  if (!chunk) abort();
  memcpy(chunk, data, size);
  chunk[size] = '\0';
  hq_run_chunk(H, chunk, "=fuzz");
  free(chunk);
  hq_run_chunk(H, "return 1 + 1", "=after"); /* may fail for memory a chunk's globals hold */
  if (++runs % 2000 == 0) {
    hq_close(H);
    open_host();
  }
  return 0;
}
