/* dates.h: dataset dates, which carry their own precision. */
#ifndef HALQA_DATES_H
#define HALQA_DATES_H

#include <lua.h>

/* Checks the date table at idx (raw reads only). NULL if valid, else why, written into buf. */
const char *hq_date_check(lua_State *L, int idx, char *buf, size_t len);

/* A number that sorts dates chronologically: year, then month (or the part of the year), then
** day. Vague dates sort where their midpoint is. */
long hq_date_key(lua_State *L, int idx);

#endif
