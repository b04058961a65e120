/* capture.h: a FILE * that writes into memory, for what a host prints in a library call. */
#ifndef HALQA_CAPTURE_H
#define HALQA_CAPTURE_H

#include <stdio.h>

typedef struct capture {
  FILE *f;       /* the stream the host writes to */
  char *buf;     /* what was written since the last take, NUL-terminated */
  size_t len, cap;
  int failed;    /* out of memory: what follows is dropped */
} capture;

int capture_open(capture *c);             /* 0 on success */
void capture_close(capture *c);
char *capture_take(capture *c, size_t *len); /* malloc'd text written so far (then empty); NULL: no memory */
void capture_clear(capture *c);

#endif
