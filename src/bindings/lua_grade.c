/* lua_grade.c: halqa.grade(question, answer) and halqa.format_date(date), over grade.h. */
/*
** A question is a table made by a generator (docs/scripting.md); its `kind` picks the rule. The
** result is { correct =, verdict = "correct"|"near"|"wrong"|"unclear", score = 0..1, feedback = }.
** An empty or garbage answer is simply wrong; only a malformed question raises an error.
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "bindings.h"
#include "grade.h"

#define MAX_CHOICES 26

static const char *const verdicts[] = {"wrong", "near", "correct", "unclear"};

/* Reads date table at idx into *d. */
static void to_grade_date(lua_State *L, int idx, grade_date *d) {
  static const char *const parts[] = {"", "early", "mid", "late", NULL};
  memset(d, 0, sizeof *d);
  idx = lua_absindex(L, idx);
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_getfield(L, idx, "year");
  d->year = (int)lua_tointeger(L, -1);
  lua_getfield(L, idx, "month");
  d->month = (int)lua_tointeger(L, -1);
  lua_getfield(L, idx, "day");
  d->day = (int)lua_tointeger(L, -1);
  lua_getfield(L, idx, "decade");
  d->decade = (int)lua_tointeger(L, -1);
  lua_getfield(L, idx, "part");
  const char *p = lua_tostring(L, -1);
  for (int i = 1; p && parts[i]; i++)
    if (strcmp(p, parts[i]) == 0) d->part = i;
  lua_pop(L, 5);
}

/* Reads list field `name` of the question (at 1) into a NULL-terminated array of strings. The list
** may be a script's table whose __index makes a fresh string on each read, so every string is
** anchored in a table pushed here (left on the stack for the grading call), never borrowed from
** a value already popped. Returns the count. */
static int string_list(lua_State *L, const char *name, const char **out, int max) {
  int n = 0;
  lua_createtable(L, max, 0); /* the anchor */
  int anchor = lua_gettop(L);
  if (lua_getfield(L, 1, name) == LUA_TTABLE) {
    for (lua_Integer i = 1; n < max; i++) {
      if (lua_geti(L, -1, i) != LUA_TSTRING) {
        lua_pop(L, 1);
        break;
      }
      lua_rawseti(L, anchor, n + 1);
      lua_rawgeti(L, anchor, n + 1);
      out[n++] = lua_tostring(L, -1);
      lua_pop(L, 1); /* the string stays alive in the anchor */
    }
  }
  lua_pop(L, 1);
  out[n] = NULL;
  return n;
}

/* Reads list field `name` of integers (1-based in Lua) into 0-based out. */
static int index_list(lua_State *L, const char *name, int *out, int max, int n_choices) {
  int n = 0;
  if (lua_getfield(L, 1, name) == LUA_TTABLE) {
    for (lua_Integer i = 1; n < max; i++) {
      int isnum;
      lua_Integer v = (lua_geti(L, -1, i), lua_tointegerx(L, -1, &isnum));
      int end = lua_isnil(L, -1);
      lua_pop(L, 1);
      if (end) break;
      if (!isnum) luaL_error(L, "question field '%s' holds something other than a choice number at [%d]", name, (int)i);
      if (v < 1 || v > n_choices) luaL_error(L, "question field '%s' names choice %d of %d", name, (int)v, n_choices);
      out[n++] = (int)v - 1;
    }
  }
  lua_pop(L, 1);
  return n;
}

static const char *required_string(lua_State *L, const char *name) {
  if (lua_getfield(L, 1, name) != LUA_TSTRING)
    luaL_error(L, "question has no '%s' (a string)", name);
  return lua_tostring(L, -1);
}

typedef grade_result (*kind_fn)(lua_State *L, const char *answer);

static grade_result grade_short(lua_State *L, const char *answer) {
  const char *accepted[64];
  const char *canonical = required_string(L, "answer");
  int n = string_list(L, "accepted", accepted, 63);
  lua_getfield(L, 1, "person");
  int person = lua_toboolean(L, -1);
  return grade_text(answer, canonical, accepted, (size_t)n, person);
}

/* Nothing but spaces: no answer (wrong), as against an answer of the wrong form (unclear). */
static int blank(const char *answer) { return answer[strspn(answer, " \t\r\n")] == '\0'; }

/* An answer that is not of the question's form is asked again: "Answer with ..." */
static grade_result unclear(const char *before, int n_choices, const char *after) {
  grade_result r = {GRADE_UNCLEAR, 0, ""};
  if (n_choices > 0) snprintf(r.feedback, sizeof r.feedback, "%sa to %c%s", before, 'a' + n_choices - 1, after);
  else snprintf(r.feedback, sizeof r.feedback, "%s%s", before, after);
  return r;
}

/* The choice an answer names: a letter or number, or the text of one choice. -1 if none. */
static int chosen(const char *answer, const char *const *choices, int n) {
  int idx[MAX_CHOICES];
  if (grade_parse_choices(answer, n, idx, MAX_CHOICES) == 1) return idx[0];
  for (int i = 0; i < n; i++) {
    grade_result r = grade_text(answer, choices[i], NULL, 0, 0);
    if (r.verdict == GRADE_CORRECT) return i;
  }
  return -1;
}

static grade_result grade_choice(lua_State *L, const char *answer) {
  const char *choices[MAX_CHOICES + 1];
  int n = string_list(L, "choices", choices, MAX_CHOICES);
  int correct[1];
  if (n < 2 || index_list(L, "correct", correct, 1, n) != 1) luaL_error(L, "a choice question needs choices and one correct index");
  grade_result r = {GRADE_WRONG, 0, ""};
  int c = chosen(answer, choices, n);
  if (c == correct[0]) {
    r.verdict = GRADE_CORRECT;
    r.score = 1;
    snprintf(r.feedback, sizeof r.feedback, "Right: (%c) %s", 'a' + c, choices[c]);
  } else if (c < 0 && !blank(answer)) {
    r.verdict = GRADE_UNCLEAR; /* not one of the choices: asked again, not marked wrong */
    snprintf(r.feedback, sizeof r.feedback, "Answer with a letter, a to %c.", 'a' + n - 1);
  } else {
    snprintf(r.feedback, sizeof r.feedback, "The answer is (%c) %s", 'a' + correct[0], choices[correct[0]]);
  }
  return r;
}

/* The choices' count, the correct indices and the learner's picks of a multi or order question. */
typedef struct picks {
  int n, nc, ng;
  int correct[MAX_CHOICES], given[MAX_CHOICES];
} picks;

/* Reads a multi or order question's picks; raises on a malformed question (fewer than two
** choices, no correct index, one named twice; for an ordering, not every choice exactly once),
** which would otherwise grade any answer, even a blank one, as right. */
static void read_picks(lua_State *L, const char *answer, picks *p, const char *kind) {
  const char *choices[MAX_CHOICES + 1];
  p->n = string_list(L, "choices", choices, MAX_CHOICES);
  p->nc = index_list(L, "correct", p->correct, MAX_CHOICES, p->n);
  int order = strcmp(kind, "order") == 0;
  if (p->n < 2) luaL_error(L, "a %s question needs at least two choices (strings)", kind);
  if (p->nc < 1 || (order && p->nc != p->n))
    luaL_error(L, order ? "an order question needs 'correct' to list every choice once (%d of %d)"
                        : "a multi question needs at least one correct index (%d of %d)", p->nc, p->n);
  for (int i = 0; i < p->nc; i++)
    for (int j = 0; j < i; j++)
      if (p->correct[i] == p->correct[j]) luaL_error(L, "question field 'correct' names choice %d twice", p->correct[i] + 1);
  p->ng = grade_parse_choices(answer, p->n, p->given, MAX_CHOICES);
}

static grade_result grade_multi(lua_State *L, const char *answer) {
  picks p;
  read_picks(L, answer, &p, "multi");
  if (p.ng < 0 && !blank(answer)) return unclear("Answer with letters, ", p.n, ", e.g. a c.");
  return grade_set(p.given, p.ng < 0 ? 0 : p.ng, p.correct, p.nc, p.n);
}

static grade_result grade_order_kind(lua_State *L, const char *answer) {
  picks p;
  read_picks(L, answer, &p, "order");
  if (p.ng < 0 && !blank(answer)) return unclear("Put the letters ", p.n, " in order, e.g. c a b.");
  return grade_order(p.given, p.ng < 0 ? 0 : p.ng, p.correct, p.nc);
}

/* Matching: `left` items each pair with one of `choices`; `correct[i]` is left item i's choice.
** The answer lists a letter per left item, in order ("b a c"). One point per right pair. */
static grade_result grade_match(lua_State *L, const char *answer) {
  const char *choices[MAX_CHOICES + 1], *left[MAX_CHOICES + 1];
  int n = string_list(L, "choices", choices, MAX_CHOICES);
  int nl = string_list(L, "left", left, MAX_CHOICES);
  int correct[MAX_CHOICES];
  int nc = index_list(L, "correct", correct, MAX_CHOICES, n);
  if (nc != nl || nl == 0) luaL_error(L, "a match question needs one correct index per left item");
  grade_result r = {GRADE_WRONG, 0, ""};
  /* every letter is a pick, in order, repeats allowed: "b a c", "bac" and "1b 2a 3c" agree */
  int given[MAX_CHOICES], ng = 0;
  for (const char *p = answer; *p && ng < nl; p++) {
    char c = (char)(*p | 0x20);
    if (c >= 'a' && c <= 'z') given[ng++] = c - 'a';
  }
  if (ng == 0 && !blank(answer)) return unclear("Answer with a letter for each number, ", n, ", e.g. 1b 2a.");
  int right = 0;
  for (int i = 0; i < ng; i++) right += given[i] == correct[i];
  r.score = (double)right / nl;
  r.verdict = right == nl ? GRADE_CORRECT : right > 0 ? GRADE_NEAR : GRADE_WRONG;
  size_t len = (size_t)snprintf(r.feedback, sizeof r.feedback, "%d of %d pairs right. ", right, nl);
  for (int i = 0; i < nl && len < sizeof r.feedback; i++)
    len += (size_t)snprintf(r.feedback + len, sizeof r.feedback - len, "%s%d%c", i ? " " : "", i + 1, 'a' + correct[i]);
  return r;
}

static grade_result grade_truefalse(lua_State *L, const char *answer) {
  static const char *const yes[] = {"t", "true", "yes", "y", "1", "right", "sahi", NULL};
  static const char *const no[] = {"f", "false", "no", "n", "0", "wrong", "ghalat", NULL};
  const char *truth = required_string(L, "answer");
  int want = strcmp(truth, "true") == 0;
  char *norm = grade_normalize(answer);
  int said = -1;
  for (int i = 0; norm && yes[i]; i++) {
    if (strcmp(norm, yes[i]) == 0) said = 1;
    if (strcmp(norm, no[i]) == 0) said = 0;
  }
  if (said < 0 && norm) { /* a near spelling ("ture", "flase", "fals") of exactly one of the two */
    int dt = grade_distance(norm, "true"), df = grade_distance(norm, "false");
    if (dt >= 0 && dt <= 1 && !(df >= 0 && df <= 1)) said = 1;
    else if (df >= 0 && df <= 1 && !(dt >= 0 && dt <= 1)) said = 0;
  }
  free(norm);
  grade_result r = {GRADE_WRONG, 0, ""};
  if (said < 0 && !blank(answer)) return unclear("Answer true or false", 0, ", e.g. true or t.");
  if (said == want) {
    r.verdict = GRADE_CORRECT;
    r.score = 1;
    snprintf(r.feedback, sizeof r.feedback, "Right: %s.", want ? "true" : "false");
  } else {
    snprintf(r.feedback, sizeof r.feedback, "The statement is %s.", want ? "true" : "false");
  }
  return r;
}

static grade_result grade_date_kind(lua_State *L, const char *answer) {
  grade_date fact;
  if (lua_getfield(L, 1, "date") != LUA_TTABLE) luaL_error(L, "a date question needs 'date' (a date table)");
  to_grade_date(L, -1, &fact);
  return grade_date_answer(answer, &fact);
}

static grade_result grade_number_kind(lua_State *L, const char *answer) {
  if (lua_getfield(L, 1, "number") != LUA_TNUMBER) luaL_error(L, "a number question needs 'number'");
  double v = lua_tonumber(L, -1);
  lua_getfield(L, 1, "approx");
  return grade_number(answer, v, lua_toboolean(L, -1));
}

static const struct {
  const char *kind;
  kind_fn fn;
} kinds[] = {
  {"short", grade_short}, {"cloze", grade_short}, {"choice", grade_choice}, {"multi", grade_multi},
  {"order", grade_order_kind}, {"match", grade_match}, {"truefalse", grade_truefalse},
  {"date", grade_date_kind}, {"number", grade_number_kind}, {NULL, NULL}
};

static int l_grade(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  const char *answer = lua_isnoneornil(L, 2) ? "" : luaL_checkstring(L, 2);
  lua_settop(L, 2);
  lua_getfield(L, 1, "kind");
  const char *kind = lua_tostring(L, -1);
  for (int i = 0; kind && kinds[i].kind; i++) {
    if (strcmp(kind, kinds[i].kind) != 0) continue;
    grade_result r = kinds[i].fn(L, answer);
    lua_createtable(L, 0, 4);
    lua_pushboolean(L, r.verdict == GRADE_CORRECT);
    lua_setfield(L, -2, "correct");
    lua_pushstring(L, verdicts[r.verdict]);
    lua_setfield(L, -2, "verdict");
    lua_pushnumber(L, r.score);
    lua_setfield(L, -2, "score");
    lua_pushstring(L, r.feedback);
    lua_setfield(L, -2, "feedback");
    return 1;
  }
  return luaL_error(L, "unknown question kind '%s'", kind ? kind : "(none)");
}

/* halqa.format_date(date): the date at its own precision ("6 March 1948", "late 2009"). */
static int l_format_date(lua_State *L) {
  grade_date d;
  to_grade_date(L, 1, &d);
  char buf[64];
  lua_pushstring(L, grade_format_date(&d, buf, sizeof buf));
  return 1;
}

/* halqa.normalize(text): the form answers are compared in (case, accents, punctuation folded). */
static int l_normalize(lua_State *L) {
  char *s = grade_normalize(luaL_checkstring(L, 1));
  if (!s) return luaL_error(L, "not enough memory");
  lua_pushstring(L, s);
  free(s);
  return 1;
}

void hq_open_grade(lua_State *L, int api) {
  static const luaL_Reg funcs[] = {
    {"grade", l_grade}, {"format_date", l_format_date}, {"normalize", l_normalize}, {NULL, NULL}
  };
  api = lua_absindex(L, api);
  lua_pushvalue(L, api);
  luaL_setfuncs(L, funcs, 0);
  lua_pop(L, 1);
}
