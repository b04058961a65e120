/* dates.c: validating dataset dates and ordering them; a date never claims more than it knows. */
/*
** A date is { year=, month=, day=, part=, decade= }: day and month when the source gives them;
** part ("early", "mid", "late") for "late 2009"; decade and part for "mid-1960s", where year is
** the nearest year so scripts can still sort and compare. `inferred = true` marks a date the
** source does not give at all, placed from context (the record's note says how) only so that
** the event sorts in its place: nothing may quiz on it.
*/
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "dates.h"

static const char *const parts[] = {"early", "mid", "late", NULL};
static const char *const fields[] = {"year", "month", "day", "part", "decade", "inferred", NULL};

/* Reads integer field k of the table at idx into *out; returns 0 absent, 1 ok, -1 not integer. */
static int int_field(lua_State *L, int idx, const char *k, long *out) {
  lua_pushstring(L, k);
  int t = lua_rawget(L, idx);
  int r = 0;
  if (t != LUA_TNIL) {
    int isint = 0;
    lua_Integer v = lua_tointegerx(L, -1, &isint);
    r = (t == LUA_TNUMBER && isint) ? 1 : -1;
    *out = (long)v;
  }
  lua_pop(L, 1);
  return r;
}

static int days_in(long year, long month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

/* Which part of the year/decade the date names: 0 none, 1 early, 2 mid, 3 late, -1 invalid. */
static int part_of(lua_State *L, int idx) {
  lua_pushliteral(L, "part");
  int t = lua_rawget(L, idx);
  int r = 0;
  if (t != LUA_TNIL) {
    r = -1;
    const char *s = t == LUA_TSTRING ? lua_tostring(L, -1) : "";
    for (int i = 0; parts[i]; i++)
      if (strcmp(s, parts[i]) == 0) r = i + 1;
  }
  lua_pop(L, 1);
  return r;
}

const char *hq_date_check(lua_State *L, int idx, char *buf, size_t len) {
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) != LUA_TTABLE) {
    snprintf(buf, len, "must be a date table like { year = 1948, month = 3, day = 6 }");
    return buf;
  }
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    int known = 0;
    if (lua_type(L, -2) == LUA_TSTRING)
      for (int i = 0; fields[i]; i++) known |= strcmp(lua_tostring(L, -2), fields[i]) == 0;
    if (!known) {
      snprintf(buf, len, "unknown date field '%s' (a date has year, month, day, part, decade, inferred)",
               lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?");
      lua_pop(L, 2);
      return buf;
    }
  }
  long year = 0, month = 0, day = 0, decade = 0;
  int hy = int_field(L, idx, "year", &year), hm = int_field(L, idx, "month", &month);
  int hd = int_field(L, idx, "day", &day), hdec = int_field(L, idx, "decade", &decade);
  int part = part_of(L, idx);
  if (hy == 0) return snprintf(buf, len, "a date needs a year"), buf;
  lua_pushliteral(L, "inferred");
  int inferred_type = lua_rawget(L, idx);
  lua_pop(L, 1);
  if (inferred_type != LUA_TNIL && inferred_type != LUA_TBOOLEAN)
    return snprintf(buf, len, "inferred must be true or false"), buf;
  if (hy < 0 || hm < 0 || hd < 0 || hdec < 0)
    return snprintf(buf, len, "year, month, day and decade must be whole numbers"), buf;
  if (year < 1800 || year > 2100) return snprintf(buf, len, "year %ld is out of range (1800-2100)", year), buf;
  if (part < 0) return snprintf(buf, len, "part must be \"early\", \"mid\" or \"late\""), buf;
  if (hd && !hm) return snprintf(buf, len, "a date with a day needs a month"), buf;
  if (hm && (month < 1 || month > 12)) return snprintf(buf, len, "month %ld is not 1-12", month), buf;
  if (hd && (day < 1 || day > days_in(year, month)))
    return snprintf(buf, len, "day %ld does not exist in month %ld of %ld", day, month, year), buf;
  if ((part || hdec) && hm)
    return snprintf(buf, len, "a vague date (part or decade) cannot also have a month or day"), buf;
  if (hdec && (decade % 10 != 0 || year < decade || year > decade + 9))
    return snprintf(buf, len, "decade %ld must be a multiple of 10 containing year %ld", decade, year), buf;
  return NULL;
}

long hq_date_key(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  long year = 0, month = 0, day = 0, decade = 0;
  int_field(L, idx, "year", &year);
  int_field(L, idx, "month", &month);
  int_field(L, idx, "day", &day);
  int part = part_of(L, idx);
  if (!month && part > 0 && !int_field(L, idx, "decade", &decade)) month = part * 4 - 2;
  if (!month) month = 6; /* a bare year sorts mid-year, after its dated January events */
  return year * 10000 + month * 100 + (day ? day : 15);
}
