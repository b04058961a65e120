/* patguard.c: string pattern matches that the time limit and Ctrl-C can stop, and a step budget. */
/*
** Lua's matcher is C: no hook runs inside it, so string.find(("a"):rep(3000), "a*a*a*a*b"), which
** backtracks through n^4 positions, would run for minutes whatever the time limit. Guessing the
** cost from the pattern misses cases (every single-character class under a quantifier
** backtracks, not only `.`). Instead, before Lua matches, the same search runs here in a matcher
** of our own that counts its steps: it does the work Lua's matcher will do, item for item, and
** stops with a one-line error when the steps pass PATTERN_BUDGET or when the watchdog says the
** time limit passed or Ctrl-C came. A search that fits is then done again by Lua for its
** results, so an accepted call costs at most twice its own matching, and a refused one at most
** the budget. A malformed pattern ends the dry run at once: Lua reports it in its own words.
**
** The dry run follows the semantics of Lua 5.4's patterns (the reference manual, section 6.4.1):
** find, match and gsub treat a leading `^` as an anchor, gmatch does not (there it is a literal),
** and gsub and gmatch go on after each match as Lua does.
*/
#include <ctype.h>
#include <string.h>

#include <lauxlib.h>

#include "limit.h"
#include "patguard.h"

#define PATTERN_BUDGET 100000000L /* steps: about half a second of Lua's own matching */
#define CHECK_EVERY 65536         /* steps between looks at the watchdog */
#define MAX_DEPTH 200             /* Lua's MAXCCALLS for patterns: deeper is its own error */
#define MAX_CAPTURES 32           /* LUA_MAXCAPTURES */
#define CAP_UNFINISHED (-1)
#define CAP_POSITION (-2)

typedef struct dry {
  const char *src, *src_end, *p_end;
  long steps;
  int depth, level, bad; /* bad: malformed pattern or too deep: leave it to Lua */
  struct { const char *init; long len; } cap[MAX_CAPTURES];
  lua_State *L;
  const char *fname;
} dry;

/* One step more; every CHECK_EVERY steps, raise if the budget, the time limit or Ctrl-C says stop. */
static void step(dry *d) {
  if (++d->steps % CHECK_EVERY) return;
  if (d->steps > PATTERN_BUDGET)
    luaL_error(d->L, "%s: pattern too costly: more than %d million matching steps on a subject of "
               "%d bytes; shorten the text or the pattern", d->fname, (int)(PATTERN_BUDGET / 1000000),
               (int)(d->src_end - d->src));
  hq_watchdog_check(d->L);
}

/* The end of the single-character class starting at p, or NULL (bad) if malformed. */
static const char *class_end(dry *d, const char *p) {
  if (p >= d->p_end) return NULL;
  char c = *p++;
  if (c == '%') return p < d->p_end ? p + 1 : NULL;
  if (c != '[') return p;
  if (p < d->p_end && *p == '^') p++;
  do { /* the first ']' in a set is a literal */
    if (p >= d->p_end) return NULL;
    c = *p++;
    if (c == '%') {
      if (p >= d->p_end) return NULL;
      p++;
    }
  } while (p >= d->p_end || *p != ']');
  return p + 1;
}

static int class_match(int c, int cl) {
  int res;
  switch (tolower(cl)) {
    case 'a': res = isalpha(c); break;
    case 'c': res = iscntrl(c); break;
    case 'd': res = isdigit(c); break;
    case 'g': res = isgraph(c); break;
    case 'l': res = islower(c); break;
    case 'p': res = ispunct(c); break;
    case 's': res = isspace(c); break;
    case 'u': res = isupper(c); break;
    case 'w': res = isalnum(c); break;
    case 'x': res = isxdigit(c); break;
    default: return cl == c;
  }
  if (isupper(cl)) res = !res;
  return res != 0;
}

/* Does c belong to the set [p .. ec] (p at '[', ec at its ']')? */
static int set_match(int c, const char *p, const char *ec) {
  int yes = 1;
  if (*++p == '^') {
    yes = 0;
    p++;
  }
  while (p < ec) {
    if (*p == '%') {
      p++;
      if (class_match(c, (unsigned char)*p)) return yes;
      p++;
    } else if (p[1] == '-' && p + 2 < ec) {
      if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return yes;
      p += 3;
    } else {
      if ((unsigned char)*p == c) return yes;
      p++;
    }
  }
  return !yes;
}

static int single(dry *d, const char *s, const char *p, const char *ep) {
  step(d);
  if (s >= d->src_end) return 0;
  int c = (unsigned char)*s;
  switch (*p) {
    case '.': return 1;
    case '%': return class_match(c, (unsigned char)p[1]);
    case '[': return set_match(c, p, ep - 1);
    default: return (unsigned char)*p == c;
  }
}

static const char *match(dry *d, const char *s, const char *p);

static const char *balance(dry *d, const char *s, const char *p) {
  if (p + 1 >= d->p_end) {
    d->bad = 1;
    return NULL;
  }
  if (s >= d->src_end || *s != *p) return NULL;
  char b = p[0], e = p[1];
  int cont = 1;
  while (++s < d->src_end) {
    step(d);
    if (*s == e) {
      if (--cont == 0) return s + 1;
    } else if (*s == b) {
      cont++;
    }
  }
  return NULL;
}

static const char *max_expand(dry *d, const char *s, const char *p, const char *ep) {
  long i = 0;
  while (single(d, s + i, p, ep)) i++;
  for (; i >= 0 && !d->bad; i--) {
    const char *r = match(d, s + i, ep + 1);
    if (r) return r;
  }
  return NULL;
}

static const char *min_expand(dry *d, const char *s, const char *p, const char *ep) {
  for (;;) {
    const char *r = match(d, s, ep + 1);
    if (r || d->bad) return r;
    if (!single(d, s, p, ep)) return NULL;
    s++;
  }
}

static const char *capture(dry *d, const char *s, const char *p, long what) {
  if (d->level >= MAX_CAPTURES) {
    d->bad = 1;
    return NULL;
  }
  d->cap[d->level].init = s;
  d->cap[d->level].len = what;
  d->level++;
  const char *r = match(d, s, p);
  if (!r) d->level--;
  return r;
}

static const char *end_capture(dry *d, const char *s, const char *p) {
  int l = -1;
  for (int i = d->level - 1; i >= 0; i--)
    if (d->cap[i].len == CAP_UNFINISHED) {
      l = i;
      break;
    }
  if (l < 0) {
    d->bad = 1;
    return NULL;
  }
  d->cap[l].len = (long)(s - d->cap[l].init);
  const char *r = match(d, s, p);
  if (!r) d->cap[l].len = CAP_UNFINISHED;
  return r;
}

static const char *back_ref(dry *d, const char *s, int l) {
  l -= '1';
  if (l < 0 || l >= d->level || d->cap[l].len == CAP_UNFINISHED) {
    d->bad = 1;
    return NULL;
  }
  if (d->cap[l].len == CAP_POSITION) return NULL; /* Lua compares it as a huge length: never */
  size_t len = (size_t)d->cap[l].len;
  for (size_t i = 0; i < len; i += CHECK_EVERY / 4) step(d); /* a long compare costs its length */
  if ((size_t)(d->src_end - s) >= len && memcmp(d->cap[l].init, s, len) == 0) return s + len;
  return NULL;
}

/* Lua's match(): the end of the match of p at s, or NULL. Sets d->bad when Lua would raise. */
static const char *match(dry *d, const char *s, const char *p) {
  if (++d->depth > MAX_DEPTH) {
    d->bad = 1;
    d->depth--;
    return NULL;
  }
  const char *r = NULL;
  for (;;) {
    step(d);
    if (d->bad) break;
    if (p >= d->p_end) {
      r = s;
      break;
    }
    if (*p == '(') {
      r = p + 1 < d->p_end && p[1] == ')' ? capture(d, s, p + 2, CAP_POSITION) : capture(d, s, p + 1, CAP_UNFINISHED);
      break;
    }
    if (*p == ')') {
      r = end_capture(d, s, p + 1);
      break;
    }
    if (*p == '$' && p + 1 == d->p_end) {
      r = s == d->src_end ? s : NULL;
      break;
    }
    if (*p == '%' && p + 1 < d->p_end && p[1] == 'b') {
      s = balance(d, s, p + 2);
      if (!s) break;
      p += 4;
      continue;
    }
    if (*p == '%' && p + 1 < d->p_end && p[1] == 'f') {
      p += 2;
      if (p >= d->p_end || *p != '[') {
        d->bad = 1;
        break;
      }
      const char *ep = class_end(d, p);
      if (!ep) {
        d->bad = 1;
        break;
      }
      int prev = s == d->src ? 0 : (unsigned char)s[-1];
      int cur = s < d->src_end ? (unsigned char)*s : 0;
      if (set_match(prev, p, ep - 1) || !set_match(cur, p, ep - 1)) break;
      p = ep;
      continue;
    }
    if (*p == '%' && p + 1 < d->p_end && isdigit((unsigned char)p[1])) {
      s = back_ref(d, s, (unsigned char)p[1]);
      if (!s) break;
      p += 2;
      continue;
    }
    const char *ep = class_end(d, p);
    if (!ep) {
      d->bad = 1;
      break;
    }
    int m = single(d, s, p, ep);
    char q = ep < d->p_end ? *ep : '\0';
    if (!m && q != '*' && q != '?' && q != '-') break; /* fails unless it may match empty */
    if (q == '?') {
      if (m && (r = match(d, s + 1, ep + 1))) break;
      p = ep + 1;
      continue;
    }
    if (q == '+') {
      r = m ? max_expand(d, s + 1, p, ep) : NULL;
      break;
    }
    if (q == '*') {
      r = max_expand(d, s, p, ep);
      break;
    }
    if (q == '-') {
      r = min_expand(d, s, p, ep);
      break;
    }
    s++;
    p = ep;
  }
  d->depth--;
  return r;
}

/* A start position as string.find takes it: 1-based, negative from the end, clamped. */
static size_t start_at(lua_Integer init, size_t len) {
  if (init > 0) return (size_t)init - 1;
  if (init == 0 || (init < 0 && (size_t)-(init + 1) >= len)) return 0; /* -(init+1): no overflow */
  return len - (size_t)-(init + 1) - 1;
}

enum { FIRST, EVERY_GSUB, EVERY_GMATCH };

/* The dry run of a search of pattern p over s from offset init: the first match (FIRST), or all
** of them as gsub (at most max_n) or gmatch goes on: after a match from its end, skipping an
** empty match where the last one ended. Raises when the steps are too many. */
static void dry_run(lua_State *L, const char *fname, const char *s, size_t len, const char *p,
                    size_t plen, size_t init, lua_Integer max_n, int mode) {
  dry d;
  memset(&d, 0, sizeof d);
  d.L = L;
  d.fname = fname;
  d.src = s;
  d.src_end = s + len;
  d.p_end = p + plen;
  int anchor = mode != EVERY_GMATCH && plen > 0 && *p == '^';
  if (anchor) p++;
  const char *at = s + init, *last = NULL;
  for (lua_Integer n = 0; n < max_n && !d.bad;) {
    d.level = 0;
    d.depth = 0;
    const char *e = match(&d, at, p);
    if (e && mode == FIRST) return;
    if (e && e != last) {
      n++;
      at = last = e;
    } else if (at < d.src_end) {
      at++;
    } else {
      return;
    }
    if (anchor) return;
  }
}

/* Does the pattern use any special character? Without one, Lua searches it as plain text. */
static int has_specials(const char *p, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (strchr("^$*+?.([%-", p[i]) && p[i]) return 1;
  return 0;
}

/* Runs the dry run the wrapped function (upvalue 2 names it) is about to do for real. */
static void check_cost(lua_State *L, const char *fname) {
  size_t len, plen;
  const char *s = lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER ? lua_tolstring(L, 1, &len) : NULL;
  const char *p = lua_type(L, 2) == LUA_TSTRING || lua_type(L, 2) == LUA_TNUMBER ? lua_tolstring(L, 2, &plen) : NULL;
  if (!s || !p) return;              /* Lua's own function reports the bad argument */
  int is_find = strcmp(fname, "string.find") == 0, is_gsub = strcmp(fname, "string.gsub") == 0;
  if (is_find && (lua_toboolean(L, 4) || !has_specials(p, plen))) return; /* a plain search */
  lua_Integer init = 1, max_n = LUA_MAXINTEGER;
  if (is_gsub) {
    if (lua_type(L, 4) == LUA_TNUMBER && lua_isinteger(L, 4)) max_n = lua_tointeger(L, 4);
  } else if (lua_type(L, 3) == LUA_TNUMBER && lua_isinteger(L, 3)) {
    init = lua_tointeger(L, 3);
  }
  size_t at = start_at(init, len);
  if (at > len) return;              /* past the end: Lua finds nothing at once */
  dry_run(L, fname, s, len, p, plen, at, max_n,
          is_gsub ? EVERY_GSUB : strcmp(fname, "string.gmatch") == 0 ? EVERY_GMATCH : FIRST);
}

static int guarded(lua_State *L) {
  check_cost(L, lua_tostring(L, lua_upvalueindex(2)));
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

void hq_guard_patterns(lua_State *L, int strlib) {
  static const char *const names[] = {"find", "match", "gmatch", "gsub", NULL};
  strlib = lua_absindex(L, strlib);
  for (const char *const *n = names; *n; n++) {
    lua_getfield(L, strlib, *n);
    lua_pushfstring(L, "string.%s", *n);
    lua_pushcclosure(L, guarded, 2);
    lua_setfield(L, strlib, *n);
  }
}
