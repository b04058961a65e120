/* test_hostile.c: hostile scripts that crashed the host or that its limits could not stop. */
/*
** One table per class of the probe (issue 16): each case is named after the trick, runs in a
** host of its own (opened on the bundled dataset with a 64 MiB cap and a half-second CPU limit),
** must fail or succeed as stated with the expected text, and the host must still answer
** `return 1 + 1` afterwards. Closing the host is part of the case, as a finalizer may run there.
** Every case must end within LIMIT + 2 s of CPU time, as the limits are CPU time (not checked
** under valgrind, which runs everything many times slower; the outcome is checked there too).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <valgrind/valgrind.h>

#include "host.h"

#define LIMIT 0.5 /* the hosts' time limit, CPU seconds */

typedef struct hostile_case {
  const char *name;
  const char *chunk;
  int fails;          /* 1 if the chunk must fail */
  const char *output; /* expected in what it printed or reported, up to the host's close */
} hostile_case;

/* A table whose __index makes a fresh string per read (long ones, which Lua does not intern), then
** garbage enough for the collector to free the strings already handed out and strings of their
** size to take their memory: what a pointer kept to a popped string reads after that. */
#define FRESH_SETUP "local keep = {} local function fresh(l) return setmetatable({}, {__index = function(_, i) " \
  "local v = l[i] if v then v = v:upper() for _ = 1, 4 do local _ = ('#'):rep(1 << 19) end " \
  "for _ = 1, 200 do keep[#keep + 1] = ('%'):rep(#v) end end return v end}) end " \
  "local function long(s) return s .. ' is the name of this choice, long enough not to be interned' end "

static const hostile_case cases[] = {
  /* crashes: the error reporter read error objects' fields unprotected */
  {"error object whose __index raises", "error(setmetatable({}, {__index = function() error('boom') end}))", 1, "(error object is a table value)"},
  {"error object whose __index loops", "error(setmetatable({}, {__index = function() while true do end end}))", 1, "(error object is a table value)"},
  {"error object whose __index answers status", "error(setmetatable({}, {__index = function(_, k) return k == 'status' and 0 or nil end}))", 1, "(error object is a table value)"},
  {"error object whose __tostring raises", "error(setmetatable({}, {__tostring = function() error('inner') end}))", 1, NULL},
  {"error object whose __tostring loops", "error(setmetatable({}, {__tostring = function() while true do end end}))", 1, NULL},
  {"error object with __tostring prints it", "error(setmetatable({}, {__tostring = function() return 'custom message' end}))", 1, "custom message"},
  {"usage error with a message but a hostile metatable", "error(setmetatable({message = 'usage: x', status = 2}, {__index = function() error('boom') end}))", 1, "usage: x"},
  {"error object is a function", "error(print)", 1, "(error object is a function value)"},
  /* crashes: an error while printing a returned value was reported twice and popped the stack */
  {"returned value whose __pairs raises", "return setmetatable({}, {__pairs = function() error('x') end})", 1, "x"},
  {"returned value whose __pairs loops", "return setmetatable({}, {__pairs = function() while true do end end})", 1, "time limit exceeded"},
  {"returned value whose __tostring raises, printed by tostring", "return tostring(setmetatable({}, {__tostring = function() error('y') end}))", 1, "y"},
  {"returned value whose __index raises", "return setmetatable({}, {__index = function() error('z') end})", 0, NULL},
  {"several returned values, the second raising", "return 1, setmetatable({}, {__pairs = function() error('w') end}), 3", 1, "w"},
  /* crashes: halqa.random's signed overflow and division by zero */
  {"random int over every integer", "local r = halqa.random(1) for _ = 1, 100 do local v = r:int(math.mininteger, math.maxinteger) assert(math.type(v) == 'integer') end return 'ok'", 0, "\"ok\""},
  {"random int over the lower half and more", "local r = halqa.random(2) for _ = 1, 100 do local v = r:int(math.mininteger, 1) assert(v <= 1) end return 'ok'", 0, "\"ok\""},
  {"random int over the upper half and more", "local r = halqa.random(3) for _ = 1, 100 do local v = r:int(-1, math.maxinteger) assert(v >= -1) end return 'ok'", 0, "\"ok\""},
  {"random int of one value at the edge", "local r = halqa.random(4) return r:int(math.maxinteger, math.maxinteger) == math.maxinteger and r:int(math.mininteger, math.mininteger) == math.mininteger", 0, "true"},
  {"random sample of more than there is", "return #halqa.random(5):sample({1, 2, 3}, math.maxinteger)", 0, "3"},
  /* memory errors: halqa.grade kept pointers to strings it had popped */
  {"grade short with fresh accepted strings", FRESH_SETUP "local q = {kind = 'short', answer = long('Karachi'), accepted = fresh({long('Bombay'), long('Lahore'), long('Dhaka'), long('Quetta'), long('Multan')})} return halqa.grade(q, long('Bombay')).correct", 0, "true"},
  {"grade choice with fresh choice strings", FRESH_SETUP "local q = {kind = 'choice', choices = fresh({long('alpha'), long('beta'), long('gamma'), long('delta')}), correct = {1}} return halqa.grade(q, long('alpha')).correct", 0, "true"},
  {"grade multi with fresh choice strings", FRESH_SETUP "local q = {kind = 'multi', choices = fresh({long('alpha'), long('beta'), long('gamma')}), correct = {1, 3}} return halqa.grade(q, 'a c').correct", 0, "true"},
  {"grade order with fresh choice strings", FRESH_SETUP "local q = {kind = 'order', choices = fresh({long('alpha'), long('beta'), long('gamma')}), correct = {2, 1, 3}} return halqa.grade(q, 'b a c').correct", 0, "true"},
  {"grade match with fresh left strings", FRESH_SETUP "local q = {kind = 'match', left = fresh({long('one'), long('two')}), choices = fresh({long('x'), long('y')}), correct = {2, 1}} return halqa.grade(q, 'b a').correct", 0, "true"},
  {"grade with a list whose __index raises", "return halqa.grade({kind = 'short', answer = 'a', accepted = setmetatable({}, {__index = function() error('no') end})}, 'a')", 1, "no"},
  {"grade with a list whose __index loops", "return halqa.grade({kind = 'short', answer = 'a', accepted = setmetatable({}, {__index = function() while true do end end})}, 'a')", 1, "time limit exceeded"},

  /* unstoppable: backtracking patterns of every single-character class */
  {"pattern a*a*a*a*b (literals)", "return string.find(('a'):rep(3000), 'a*a*a*a*b')", 1, "pattern too costly || time limit exceeded"},
  {"pattern %a*%a*%a*b (classes)", "return string.find(('a'):rep(3000), '%a*%a*%a*%a*b')", 1, "pattern too costly || time limit exceeded"},
  {"pattern [a]+[a]+[a]+b (sets)", "return string.match(('a'):rep(3000), '[a]+[a]+[a]+[a]+b')", 1, "pattern too costly || time limit exceeded"},
  {"pattern a-a-a-a-b (lazy)", "return (('a'):rep(3000)):find('a-a-a-a-b')", 1, "pattern too costly || time limit exceeded"},
  {"pattern .-.-b (dots)", "return string.find(('a'):rep(3000), '.-.-.-b')", 1, "pattern too costly || time limit exceeded"},
  {"pattern [^y]*[^y]*z in gsub", "return (('x'):rep(3000)):gsub('[^y]*[^y]*[^y]*z', '')", 1, "pattern too costly || time limit exceeded"},
  {"gmatch with a leading ^ (a literal there)", "local n = 0 for _ in ('^' .. ('a'):rep(3000)):gmatch('^a*a*a*a*b') do n = n + 1 end return n", 1, "pattern too costly || time limit exceeded"},
  {"gmatch of a costly pattern", "for _ in (('a'):rep(3000)):gmatch('a*a*a*a*b') do end", 1, "pattern too costly || time limit exceeded"},
  {"pattern (.*)(.*)(.*)x as a method", "return (('a'):rep(5000)):match('(.*)(.*)(.*)x')", 1, "pattern too costly || time limit exceeded"},
  {"pattern with captures and a backreference", "return (('a'):rep(3000)):find('(a*)(a*)(a*)%1b')", 1, "pattern too costly || time limit exceeded"},
  {"a costly pattern in a pcall loop is still stopped", "while true do pcall(string.find, ('a'):rep(3000), 'a*a*a*a*b') end", 1, "time limit exceeded"},
  {"patterns still match as Lua's do", "return ('  x y  '):match('^%s*(.-)%s*$') .. (('a,b'):gsub(',', ';')) .. (('hello'):gsub('l+', 'L')) .. select(2, ('abab'):gsub('ab', ''))", 0, "\"x ya;bheLo2\""},
  {"anchored find and frontier and balance", "return select(2, ('THE (quick) fox'):find('%f[%a]%a+', 5)), ('x(a(b)c)y'):match('%b()'), ('abc'):find('^b')", 0, "10\t\"(a(b)c)\"\tnil"},
  {"a long linear gsub is not refused", "return #(('word '):rep(200000)):gsub('%w+', 'w')", 0, "400000"},
  /* unstoppable: __gc finalizers ran with hooks off */
  {"__gc that loops, at close", "keep = setmetatable({}, {__gc = function() while true do end end}) return 'made'", 0, "finalizer stopped"},
  {"__gc that loops, collected during a run", "setmetatable({}, {__gc = function() while true do end end}) local t = {} for i = 1, 3e6 do t[i % 100] = {} end return 'done'", 1, "finalizer stopped"},
  {"__gc that loops inside pcall", "keep = setmetatable({}, {__gc = function() while true do pcall(function() while true do end end) end end})", 0, "finalizer stopped"},
  {"a hundred __gc that loop, at close", "keep = {} for i = 1, 100 do keep[i] = setmetatable({}, {__gc = function() while true do end end}) end", 0, "finalizer stopped"},
  {"__gc put in the metatable after setmetatable does not run", "local mt = {} keep = setmetatable({}, mt) mt.__gc = function() while true do end end return 'ok'", 0, "\"ok\""},
  {"__gc swapped for a loop after setmetatable", "local mt = {__gc = true} keep = setmetatable({}, mt) mt.__gc = function() while true do end end", 0, "finalizer stopped"},
  {"__gc still runs, with its object", "setmetatable({tag = 'it'}, {__gc = function(o) print('finalized ' .. o.tag) end}) return 1", 0, "finalized it"},
  {"__gc that raises is reported in a line", "keep = setmetatable({}, {__gc = function() error('gc boom') end})", 0, "finalizer stopped: case:1: gc boom"},
  {"setmetatable of a protected table keeps its __gc", "local mt = {__gc = function() end} local ok = pcall(setmetatable, setmetatable({}, {__metatable = 1}), mt) return ok, rawget(mt, '__gc') ~= nil", 0, "false\ttrue"},
  /* unstoppable: C loops over a length a script controls */
  {"shuffle of a table whose __len says 2^32", "return #halqa.random(1):shuffle(setmetatable({}, {__len = function() return 1 << 32 end}))", 0, "0"},
  {"sample of a table whose __len says 2^40", "return #halqa.random(1):sample(setmetatable({}, {__len = function() return 1 << 40 end}), 5)", 0, "0"},
  {"pick of a table whose __len says maxinteger", "return halqa.random(1):pick(setmetatable({}, {__len = function() return math.maxinteger end}))", 0, NULL},
  {"table.move through C metamethods (rawequal)", "table.move(setmetatable({}, {__index = rawequal}), 1, math.maxinteger - 1, 1, setmetatable({}, {__newindex = rawequal}))", 1, "time limit exceeded"},
  {"table.sort with a C comparator in a coroutine", "coroutine.wrap(function() table.sort(setmetatable({}, {__index = rawequal, __newindex = rawequal, __len = function() return 1 << 30 end}), rawequal) end)()", 1, "time limit exceeded"},
  {"table.concat of a __len of 2^40 through tostring", "return #table.concat(setmetatable({}, {__index = tostring, __len = function() return 1 << 40 end}))", 1, "time limit exceeded || not enough memory"},
  {"table.unpack of a huge range", "return select('#', table.unpack({}, 1, 1 << 40))", 1, "too many results"},
  {"shuffle of a read-only list reads through", "return #halqa.random(1):shuffle(halqa.index.events_by_date) == #halqa.index.events_by_date", 0, "true"},
  /* undefined behaviour the fuzzers found: a double cast to an integer out of its range */
  {"grade a number question whose number is 1e300", "return halqa.grade({kind = 'number', number = 1e300}, '5').verdict", 0, "\"wrong\""},
  {"grade a number question whose number is -2.9e47", "return halqa.grade({kind = 'number', number = -2.94423e47, approx = true}, '5').feedback", 0, NULL},
  {"grade a number question whose number is nan", "return halqa.grade({kind = 'number', number = 0/0}, '5').verdict", 0, "\"wrong\""},
  /* bad data: halqa.json writes only what JSON can carry */
  {"json of 1 and \"1\" as keys is refused", "return halqa.json({[1] = 1, ['1'] = 2})", 1, "both written \"1\""},
  {"json of 1.5 and \"1.5\" as keys is refused", "return halqa.json({[1.5] = 1, ['1.5'] = 2})", 1, "both written \"1.5\""},
  {"json of a string with NUL is refused, not cut", "return halqa.json('a\\0b')", 1, "NUL byte (at byte 2)"},
  {"json of a key with NUL is refused", "return halqa.json({['k\\0'] = 1})", 1, "an object key holds a NUL byte"},
  {"json of invalid UTF-8 is refused", "return halqa.json({x = 'caf\\233'})", 1, "not valid UTF-8 (at byte 4)"},
  {"json of a surrogate is refused", "return halqa.json('\\237\\160\\128')", 1, "not valid UTF-8"},
  {"json of a key in Latin-1 is refused", "return halqa.json({['\\233t\\233'] = 1})", 1, "an object key is not valid UTF-8"},
  {"json of good UTF-8 passes", "return halqa.json({name = 'Faiz Ahmad Faiz \u0641\u06cc\u0636'})", 0, "\u0641\u06cc\u0636"},
  /* bad data: a malformed question is an error, never a right answer */
  {"multi with no correct index", "return halqa.grade({kind = 'multi', choices = {'a', 'b'}, correct = {}}, '')", 1, "at least one correct index"},
  {"multi with no choices", "return halqa.grade({kind = 'multi', correct = {1}}, 'a')", 1, "names choice 1 of 0"},
  {"multi with a correct index twice", "return halqa.grade({kind = 'multi', choices = {'a', 'b'}, correct = {1, 1}}, 'a')", 1, "names choice 1 twice"},
  {"multi with a correct index that is a word", "return halqa.grade({kind = 'multi', choices = {'a', 'b'}, correct = {1, 'b'}}, 'a')", 1, "something other than a choice number at [2]"},
  {"order that leaves a choice out", "return halqa.grade({kind = 'order', choices = {'a', 'b', 'c'}, correct = {1, 2}}, 'a b')", 1, "every choice once (2 of 3)"},
  {"order with no choices", "return halqa.grade({kind = 'order', correct = {}}, '')", 1, "at least two choices"},
  {"multi well formed still grades", "return halqa.grade({kind = 'multi', choices = {'a', 'b', 'c'}, correct = {1, 3}}, 'a c').correct", 0, "true"},
  /* bad arguments */
  {"halqa.quit(2^40) is refused", "halqa.quit(2^40)", 1, "exit status from 0 to 255"},
  {"halqa.quit(-1) is refused", "halqa.quit(-1)", 1, "exit status from 0 to 255"},
  {"halqa.quit(256) is refused", "halqa.quit(256)", 1, "exit status from 0 to 255"},
};

/* CPU seconds, as the limits count them: wall time on a loaded machine says little. */
static double now(void) {
  return (double)clock() / CLOCKS_PER_SEC;
}

/* Does got contain want, or one of its alternatives separated by " || "? (A costly pattern is
** refused by its step budget or by the time limit, whichever comes first on this build.) */
static int contains(const char *got, const char *want) {
  for (;;) {
    const char *bar = strstr(want, " || ");
    size_t n = bar ? (size_t)(bar - want) : strlen(want);
    for (const char *p = got; (p = strchr(p, want[0])) != NULL; p++)
      if (strncmp(p, want, n) == 0) return 1;
    if (!bar) return 0;
    want = bar + 4;
  }
}

static void run_case(void **state) {
  const hostile_case *c = *state;
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  hq_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.data_dir = HALQA_SOURCE_DIR "/data";
  cfg.no_user_scripts = 1;
  cfg.db_path = ":memory:";
  cfg.mem_limit = (size_t)64 << 20;
  cfg.time_limit = RUNNING_ON_VALGRIND ? 6 * LIMIT : LIMIT; /* valgrind: everything many times slower */
  cfg.out = out;
  cfg.err = out;
  hq_host *H = hq_open(&cfg);
  assert_non_null(H);
  double t0 = now();
  int failed = hq_run_chunk(H, c->chunk, "=case");
  int again = hq_run_chunk(H, "return 1 + 1", "=after");  /* the host carries on */
  hq_close(H);
  double took = now() - t0;
  fclose(out);
  int ok = failed == c->fails && (!c->output || contains(buf, c->output)) && again == 0;
  if (!ok) print_error("chunk: %s\nexpected %s with \"%s\"; got (then %d):\n%s\n", c->chunk,
                       c->fails ? "failure" : "success", c->output ? c->output : "", again, buf);
  if (!RUNNING_ON_VALGRIND && took > LIMIT + 2) print_error("took %.1f s (more than %.1f)\n", took, LIMIT + 2);
  free(buf);
  assert_true(ok);
  if (!RUNNING_ON_VALGRIND) assert_true(took <= LIMIT + 2);
}

int main(void) {
  enum { N = sizeof cases / sizeof cases[0] };
  struct CMUnitTest tests[N];
  for (size_t i = 0; i < N; i++) tests[i] = (struct CMUnitTest){cases[i].name, run_case, NULL, NULL, (void *)&cases[i]};
  return cmocka_run_group_tests_name("hostile", tests, NULL, NULL);
}
