/* repl.h: the terminal front end — readline REPL, piped line mode, signals. */
#ifndef HALQA_REPL_H
#define HALQA_REPL_H

#include "host.h"

void repl_install_signals(void);    /* Ctrl-C handling, for the whole session */
void repl_watch(hq_host *H);        /* the host whose running chunk Ctrl-C stops */
void repl_use_readline(hq_host *H); /* halqa.readline reads through GNU readline */
int repl_interactive(hq_host *H);   /* the REPL on a terminal; returns the exit status */
int repl_piped(hq_host *H);         /* the same REPL reading plain lines from stdin */

#endif
