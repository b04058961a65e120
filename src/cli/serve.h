/* serve.h: `halqa serve --stdio` — libhalqa's calls as JSON-RPC 2.0, one message a line. */
#ifndef HALQA_SERVE_H
#define HALQA_SERVE_H

#include <stdio.h>

#include "halqa.h"

/* Answers the requests read from in on out until end of input; returns the exit status. */
int serve_stdio(const halqa_config *cfg, FILE *in, FILE *out);

#endif
