/* repl.h: the terminal front end — readline REPL, piped line mode, signals. */
#ifndef HALQA_REPL_H
#define HALQA_REPL_H

#include "halqa.h"

void repl_install_signals(void);    /* Ctrl-C handling, for the whole session */
void repl_watch(halqa *H);        /* the host whose running chunk Ctrl-C stops */
void repl_use_readline(halqa *H); /* halqa.readline reads through GNU readline */
int repl_interactive(halqa *H);   /* the REPL on a terminal; returns the exit status */
int repl_piped(halqa *H);         /* the same REPL reading plain lines from stdin */

#endif
