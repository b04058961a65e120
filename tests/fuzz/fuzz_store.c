/* fuzz_store.c: opening a progress store from arbitrary bytes, then reading and writing it. */
/*
** The bytes become the store's file; store_open must either take it (a halqa store, or a new
** one), or go to no-save mode with a reason — never crash or hang. Then the reads every session
** makes (due cards, stats, forecast) and one review run against whatever was opened.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store.h"

static char path[96], wal[100], shm[100];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  char dir[64] = "/tmp/halqa-fuzz-store-XXXXXX";
  if (!mkdtemp(dir)) abort();
  snprintf(path, sizeof path, "%s/progress.db", dir);
  snprintf(wal, sizeof wal, "%s-wal", path);
  snprintf(shm, sizeof shm, "%s-shm", path);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unlink(wal);
  unlink(shm);
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  fwrite(data, 1, size, f);
  fclose(f);
  store *s = NULL;
  char msg[512];
  if (store_open(path, &s, msg, sizeof msg) == STORE_ERROR) return 0;
  time_t now = 1765000000;
  store_cards due = {0};
  if (store_due(s, NULL, now, 20, &due) == 0) store_cards_free(&due);
  store_stats st;
  memset(&st, 0, sizeof st);
  if (store_stats_get(s, now, 30, 5, &st) == 0) store_stats_free(&st);
  int counts[7];
  store_forecast(s, now, 7, 0.9, counts);
  store_card_in card = {"fuzz:1", "front", "back", "source", "fact"};
  store_sync_counts sc;
  store_sync_cards(s, "fuzz", &card, 1, now, &sc);
  store_review_out r;
  store_review(s, "fuzz:1", 3, now, "self", NULL, 0, &r);
  store_close(s);
  return 0;
}
