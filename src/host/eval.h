/* eval.h: running user code in a protected call, and reporting its errors. */
#ifndef HALQA_EVAL_H
#define HALQA_EVAL_H

#include "state.h"

int hq_docall(lua_State *L, int narg, int nres); /* protected call with traceback */
int hq_report(hq_host *H, int status);           /* prints an error on the stack; returns 1 if any */
void hq_push_repl_env(lua_State *L);
/* Runs chunk in the REPL environment (as an expression first, as the REPL does), leaving its
** values on the stack; on failure the status and the error object instead. */
int hq_run_values(hq_host *H, const char *chunk, const char *name);
/* Is the first word of line a registered command, used as one (not `quiz = 1`)? Sets where it
** starts and its length. */
int hq_command_word(hq_host *H, const char *line, size_t *start, size_t *wlen);

#endif
