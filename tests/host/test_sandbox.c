/* test_sandbox.c: what a script can and cannot do — one case per sandbox rule or escape trick. */
/*
** Every case runs a chunk in one host opened on the bundled dataset (with the test scripts
** folder, a 64 MiB memory cap and a half-second CPU limit), then checks the exit status, what was
** printed and what was reported. After each case the host must still work: `return 1 + 1`.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "host.h"

typedef struct sandbox_case {
  const char *name;
  const char *chunk;
  int fails;           /* 1 if the chunk must fail */
  const char *output;  /* expected in what it printed (NULL: anything) */
} sandbox_case;

static const sandbox_case cases[] = {
  /* what is not there */
  {"io is not available", "return io", 1, "nonexistent global variable 'io'"},
  {"os.execute is not available", "os.execute('echo escaped')", 1, "field 'execute'"},
  {"os.getenv is not available", "return os.getenv('HOME')", 1, "field 'getenv'"},
  {"os.exit is not available", "os.exit(3)", 1, "field 'exit'"},
  {"loadfile is not available", "return loadfile('/etc/passwd')", 1, "nonexistent global variable 'loadfile'"},
  {"dofile is not available", "return dofile('/etc/passwd')", 1, "nonexistent global variable 'dofile'"},
  {"package is not available", "return package.loadlib", 1, "nonexistent global variable 'package'"},
  {"debug is not available", "return debug.getregistry()", 1, "nonexistent global variable 'debug'"},
  {"collectgarbage is not available", "collectgarbage('stop')", 1, "nonexistent global variable 'collectgarbage'"},
  {"string.dump is gone, also as a method", "return string.dump == nil and ('').dump == nil", 0, "true"},
  {"os keeps only time, date and clock", "return type(os.time()), type(os.date('%Y')), type(os.clock())", 0, "\"number\"\t\"string\"\t\"number\""},
  /* no bytecode */
  {"load refuses a binary chunk", "local f, e = load('\\27LuaT') assert(not f) error(e)", 1, "binary chunk"},
  {"load refuses binary mode", "return load('return 1', 'x', 'b')", 1, "binary chunks are not allowed"},
  {"load accepts text", "return load('return 6 * 7')()", 0, "42"},
  {"load without an env reads the frozen base", "return load('return parties.CPP.abbr')()", 0, "\"CPP\""},
  {"load without an env cannot write globals", "load('x = 1')()", 1, "read-only table '_G'"},
  /* the dataset and the halqa table are read-only */
  {"a write to a dataset table names it", "parties.CPP = nil", 1, "attempt to modify read-only table 'parties' (field 'CPP')"},
  {"a write to a nested table names it", "parties.CPP.founded.year = 1900", 1, "read-only table 'parties.CPP.founded'"},
  {"a write into a list is refused", "parties.CPP.ideology[1] = 'x'", 1, "read-only table 'parties.CPP.ideology'"},
  {"table.insert into a frozen list is refused", "table.insert(parties.CPP.ideology, 'x')", 1, "read-only table"},
  {"table.sort of a frozen list is refused", "table.sort(parties.CPP.ideology, function(a, b) return a > b end)", 1, "read-only table"},
  {"rawset on a frozen record is refused", "rawset(parties.CPP, 'name', 'x')", 1, "read-only table 'parties.CPP'"},
  {"rawset on the halqa table is refused", "rawset(halqa, 'command', print)", 1, "read-only table 'halqa'"},
  {"halqa.command cannot be replaced", "halqa.command = print", 1, "read-only table 'halqa'"},
  {"setmetatable on a frozen table is refused", "setmetatable(parties, {})", 1, "cannot change a protected metatable"},
  {"getmetatable hides a proxy's metatable", "return getmetatable(parties)", 0, "\"read-only\""},
  {"the string metatable is hidden", "return getmetatable('')", 0, "\"read-only\""},
  {"string methods cannot be replaced", "string.upper = nil", 1, "read-only table 'string'"},
  {"a base global cannot be reassigned", "parties = {}", 1, "cannot assign to global 'parties'"},
  {"print cannot be reassigned", "print = nil", 1, "cannot assign to global 'print'"},
  {"new globals are allowed", "answer = 41 return answer + 1", 0, "42"},
  {"an unknown global is an error", "return parteis", 1, "nonexistent global variable 'parteis'"},
  /* proxies read at plain-table speed (settled: __index is the real table) stay read-only */
  {"a nested table read twice is still frozen", "local a = people.sajjad_zaheer; local r = a.roles; r = a.roles; r[1].title = 'x'", 1, "read-only table"},
  {"rawget on a settled record gives a proxy", "local p = parties.CPP; local _ = p.name; rawget(p, 'founded').year = 1", 1, "read-only table 'parties.CPP.founded'"},
  {"pairs over an unread record gives proxies", "for k, v in pairs(parties.CMKP) do if type(v) == 'table' then v.x = 1 end end", 1, "read-only table 'parties.CMKP."},
  {"a settled proxy still looks empty to next", "local p = parties.CPP; local _ = p.name; return next(p) ~= nil and rawlen(p.ideology) == #p.ideology", 0, "true"},
  {"a settled proxy refuses rawset", "local p = parties.CPP; local _ = p.name; rawset(p, 'name', 'x')", 1, "read-only table 'parties.CPP'"},
  {"the real table cannot be had through a settled proxy's metatable", "local p = parties.CPP; local _ = p.name; return getmetatable(p)", 0, "\"read-only\""},
  {"one record is one proxy however it is reached", "return rawequal(parties.CPP, parties['CPP']) and rawequal(parties.CPP.founded, parties.CPP.founded)", 0, "true"},
  {"an unknown field of the dataset is nil, not an error", "return parties.CPP.nosuchfield == nil", 0, "true"},
  {"an unknown global is an error from a load without env", "return load('return parteis')()", 1, "nonexistent global variable 'parteis'"},
  /* proxies still read like tables */
  {"pairs walks a frozen table", "local n = 0 for k, v in pairs(parties) do n = n + 1 end return n >= 2", 0, "true"},
  {"ipairs and # see a frozen list", "local n = 0 for _, v in ipairs(parties.CPP.ideology) do n = n + 1 end return n == #parties.CPP.ideology and n > 0", 0, "true"},
  {"next sees a frozen table", "return next(parties) ~= nil", 0, "true"},
  {"rawget and rawlen see through", "return rawget(parties, 'CPP').abbr, rawlen(parties.CPP.ideology) > 0", 0, "\"CPP\"\ttrue"},
  {"a nested table is the same each time", "return parties.CPP.founded == parties.CPP.founded", 0, "true"},
  {"type of a record is table", "return type(parties.CMKP)", 0, "\"table\""},
  {"dataset names are as promised", "return parties.CPP.name, parties.CMKP.name", 0, "\"Communist Party of Pakistan\"\t\"Communist Mazdoor Kissan Party\""},
  {"dates are tables with unknown parts nil", "local d = parties.CPP.founded return d.year, d.month, d.day, parties.CMKP.founded.day", 0, "1948\t3\t6\tnil"},
  /* limits */
  {"endless allocation fails with not enough memory", "local t, s = {}, ('x'):rep(1 << 20) for i = 1, 1e9 do t[i] = s .. i end", 1, "not enough memory"},
  {"a huge string fails with not enough memory", "return ('x'):rep(1 << 40)", 1, NULL},
  {"an endless loop hits the time limit", "while true do end", 1, "time limit exceeded"},
  {"pcall cannot swallow the time limit", "while true do pcall(function() while true do end end) end", 1, "time limit exceeded"},
  {"a coroutine cannot hide from the time limit", "coroutine.wrap(function() while true do end end)()", 1, "time limit exceeded"},
  /* backtracking patterns: tests/host/test_hostile.c, a table of them */
  {"ordinary patterns work", "return ('  x y  '):match('^%s*(.-)%s*$'), ('a,b'):gsub(',', ';')", 0, "\"x y\"\t\"a;b\"\t1"},
  {"plain find is never refused", "return (('a'):rep(100000)):find('.-.-b', 1, true)", 0, "nil"},
  /* require */
  {"require finds modules in the scripts folders", "return require('fixture_mod').answer", 0, "42"},
  {"require returns the same module twice", "return require('fixture_mod') == require('fixture_mod')", 0, "true"},
  {"a module's table is frozen", "require('fixture_mod').nested.list[1] = 0", 1, "read-only table 'require(\"fixture_mod\").nested.list'"},
  {"require refuses a path", "return require('../../etc/passwd')", 1, "bad argument #1 to 'require'"},
  {"require reports a missing module", "return require('no.such.module')", 1, "module 'no.such.module' not found: no no/such/module.lua"},
  {"require cannot load C modules", "return require('io')", 1, "module 'io' not found"},
  /* the halqa API */
  {"commands list the bundled and user ones", "local names = {} for _, c in ipairs(halqa.commands()) do names[#names + 1] = c.name end return table.concat(names, ',')", 0, "echo,export,help,import,join,quit,quiz"},
  {"a command name cannot be taken twice", "halqa.command('help', 'help  again', function() end)", 1, "command 'help' is already defined"},
  {"a command needs a function", "halqa.command('x', 'x  y', 3)", 1, "bad argument #3"},
  {"the index orders events by date", "local e = halqa.index.events_by_date return events[e[1]].date.year <= events[e[#e]].date.year", 0, "true"},
  {"errors carry a traceback", "local function f() error('boom') end f()", 1, "stack traceback"},
};

static hq_host *H;
static char *out_buf;
static size_t out_len;
static FILE *out;

static int setup(void **state) {
  (void)state;
  out = open_memstream(&out_buf, &out_len);
  hq_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.data_dir = HALQA_SOURCE_DIR "/data";
  cfg.script_dirs[0] = HALQA_SOURCE_DIR "/tests/fixtures/scripts";
  cfg.n_script_dirs = 1;
  cfg.no_user_scripts = 1;
  cfg.db_path = ":memory:";
  cfg.mem_limit = (size_t)64 << 20;
  cfg.time_limit = 0.5;
  cfg.out = out;
  cfg.err = out;
  H = hq_open(&cfg);
  fflush(out);
  if (!H) fprintf(stderr, "%s\n", out_buf);
  return H ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  hq_close(H);
  fclose(out);
  free(out_buf);
  return 0;
}

/* Runs chunk; returns what it printed and reported (valid until the next run). */
static const char *run(const char *chunk, int *failed) {
  fflush(out);
  size_t start = out_len;
  *failed = hq_run_chunk(H, chunk, "=case");
  fflush(out);
  return out_buf + start;
}

static void run_case(void **state) {
  const sandbox_case *c = *state;
  int failed;
  const char *got = run(c->chunk, &failed);
  if (failed != c->fails || (c->output && !strstr(got, c->output)))
    print_error("chunk: %s\nexpected %s with \"%s\"; got:\n%s\n", c->chunk, c->fails ? "failure" : "success",
                c->output ? c->output : "", got);
  assert_int_equal(failed, c->fails);
  if (c->output) assert_non_null(strstr(got, c->output));
  got = run("return 1 + 1", &failed);  /* the host survives every case */
  assert_int_equal(failed, 0);
  assert_non_null(strstr(got, "2"));
}

int main(void) {
  enum { N = sizeof cases / sizeof cases[0] };
  struct CMUnitTest tests[N];
  for (size_t i = 0; i < N; i++) tests[i] = (struct CMUnitTest){cases[i].name, run_case, NULL, NULL, (void *)&cases[i]};
  return cmocka_run_group_tests_name("sandbox", tests, setup, teardown);
}
