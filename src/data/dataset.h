/* dataset.h: the dataset layer — loading and validating data/NAME.lua, its indices, `check`. */
#ifndef HALQA_DATASET_H
#define HALQA_DATASET_H

#include <stdio.h>

#include <lua.h>

/* The tables of a dataset, in load order. */
extern const char *const hq_dataset_tables[];

/* Called once per problem found; line is 0 when the problem has no line. */
typedef void (*hq_problem_fn)(void *ud, const char *file, int line, const char *msg);

/* Loads and validates every data/NAME.lua in dir into L, which must have no libraries open (a
** data file gets nothing to call). On success pushes a table { parties=, people=, events=,
** organizations=, sources= } and returns 0; on failure pushes nothing and returns the number of
** problems reported. Raises only when memory runs out. */
int hq_dataset_load(lua_State *L, const char *dir, hq_problem_fn report, void *ud);
/* The same, with each file's compiled form kept in cache_dir (chunkcache.h; NULL: none). */
int hq_dataset_load_cached(lua_State *L, const char *dir, const char *cache_dir, hq_problem_fn report,
                           void *ud);

/* Pushes halqa.index, the indices derived from the dataset at index dataset (see indices.c). */
void hq_push_indices(lua_State *L, int dataset);

/* `halqa check` on dir: prints every problem to err and the record counts to out. Run inside a
** protected call of a state with no libraries; returns the exit status (0 when valid). */
int hq_dataset_check(lua_State *L, const char *dir, FILE *out, FILE *err);

#endif
