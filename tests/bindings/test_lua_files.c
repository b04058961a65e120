/* test_lua_files.c: the bindings that make and read files for the exports and `import`
 * (src/bindings/lua_zip.c, lua_xlsx.c, lua_sqlite_image.c, lua_read.c, lua_save.c), and the
 * tricks a hostile script would try on them: a zip entry outside its folder, SQL that opens a
 * file, a read through a link or into a hidden folder, a generator name that is a path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bindings.h"

static char dir[] = "/tmp/halqa-test-files-XXXXXX";

static int setup(void **state) {
  lua_State *L = luaL_newstate();
  if (!L || !mkdtemp(dir)) return -1;
  setenv("TMPDIR", dir, 1); /* where halqa.xlsx makes its temporary folder */
  luaL_openlibs(L);
  lua_newtable(L);
  hq_open_zip(L, -1);
  hq_open_xlsx(L, -1);
  hq_open_sqlite_image(L, -1);
  hq_open_read(L, -1);
  hq_open_save(L, -1);
  hq_open_save_generator(L, -1, dir);
  lua_setglobal(L, "halqa");
  if (chdir(dir) != 0) return -1;
  *state = L;
  return 0;
}

static int teardown(void **state) {
  lua_close(*state);
  if (chdir("/") != 0) return -1;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

/* Runs code that returns a string; checks it contains want. */
static void expect(lua_State *L, const char *code, const char *want) {
  if (luaL_dostring(L, code) != LUA_OK) {
    print_error("lua error: %s\n", lua_tostring(L, -1));
    fail();
  }
  const char *got = lua_tostring(L, -1);
  if (!got || !strstr(got, want)) {
    print_error("%s\n  wanted \"%s\", got \"%s\"\n", code, want, got ? got : "(not a string)");
    fail();
  }
  lua_settop(L, 0);
}

/* Skips the test when halqa was built without the library behind halqa.NAME. */
static void need(lua_State *L, const char *name) {
  lua_getglobal(L, "halqa");
  int missing = lua_getfield(L, -1, name) == LUA_TNIL;
  lua_settop(L, 0);
  if (missing) skip();
}

static void a_zip_holds_its_entries(void **state) {
  need(*state, "zip");
  expect(*state, "local z = halqa.zip({ { name = 'a/b.txt', data = 'hello' } }) "
                 "return z:sub(1, 2) .. (z:find('a/b.txt', 1, true) and ' named' or '')", "PK named");
}

static void a_zip_entry_cannot_leave_its_folder(void **state) {
  need(*state, "zip");
  expect(*state, "return select(2, pcall(halqa.zip, { { name = '../x', data = '' } }))", "relative name without '..'");
  expect(*state, "return select(2, pcall(halqa.zip, { { name = '/etc/x', data = '' } }))", "relative name");
  expect(*state, "return select(2, pcall(halqa.zip, { { name = 'a/.hidden', data = '' } }))", "hidden parts");
}

static void an_sqlite_image_is_an_sqlite_file(void **state) {
  expect(*state, "local db = halqa.sqlite_image({ 'CREATE TABLE t (a)', { 'INSERT INTO t VALUES (?)', 42 } }) "
                 "return db:sub(1, 15)", "SQLite format 3");
}

static void sql_cannot_attach_a_file(void **state) {
  expect(*state, "return select(2, pcall(halqa.sqlite_image, { \"ATTACH DATABASE 'x.db' AS x\" }))", "not authorized");
  struct stat st;
  assert_int_not_equal(stat("x.db", &st), 0);
}

static void sql_cannot_run_a_pragma_or_load_an_extension(void **state) {
  expect(*state, "return select(2, pcall(halqa.sqlite_image, { 'PRAGMA writable_schema = 1' }))", "not authorized");
  expect(*state, "return select(2, pcall(halqa.sqlite_image, { \"SELECT load_extension('x')\" }))", "not authorized");
  expect(*state, "return select(2, pcall(halqa.sqlite_image, { 'CREATE TABLE a (x); CREATE TABLE b (y)' }))", "more than one statement");
}

static void an_xlsx_is_a_zip_and_leaves_no_temporary_files(void **state) {
  need(*state, "xlsx");
  expect(*state, "local x = halqa.xlsx({ { name = 'Sheet1', rows = { { 'q', 1, false } } } }) return x:sub(1, 2)", "PK");
  expect(*state, "return select(2, pcall(halqa.xlsx, { { name = 'S', rows = { { {} } } } }))", "a string, a number or false");
  char cmd[160];
  snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -q halqa-xlsx", dir);
  assert_int_not_equal(system(cmd), 0); /* the workbook's folder is gone */
}

static void read_import_refuses_other_files(void **state) {
  lua_State *L = *state;
  FILE *f = fopen("set.gift", "w");
  assert_non_null(f);
  fputs("::a::Q {=b}\n", f);
  fclose(f);
  assert_int_equal(symlink("set.gift", "link.gift"), 0);
  assert_int_equal(mkdir(".hidden", 0755), 0);
  expect(L, "return halqa.read_import('set.gift')", "::a::Q {=b}");
  expect(L, "return select(2, halqa.read_import('link.gift'))", "is a link");
  expect(L, "return select(2, halqa.read_import('.hidden/x.gift'))", "hidden");
  expect(L, "return select(2, halqa.read_import('/etc/passwd'))", "only read question sets");
}

static void save_generator_takes_a_name_never_a_path(void **state) {
  lua_State *L = *state;
  expect(L, "return select(2, halqa.save_generator('../evil', 'x'))", "a generator name is a small letter");
  expect(L, "return select(2, halqa.save_generator('a/b', 'x'))", "a generator name is a small letter");
  expect(L, "return select(2, halqa.save_generator('mine', 'return 1'))", "/generators/mine.lua");
  expect(L, "return select(2, halqa.save_generator('mine', 'return 2'))", "already exists");
}

static void save_writes_the_export_extensions_only(void **state) {
  lua_State *L = *state;
  expect(L, "return tostring(halqa.save('bank.apkg', 'PK'))", "true");
  expect(L, "return select(2, halqa.save('bank.lua', 'x'))", "may only write files ending in");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(a_zip_holds_its_entries),
    cmocka_unit_test(a_zip_entry_cannot_leave_its_folder),
    cmocka_unit_test(an_sqlite_image_is_an_sqlite_file),
    cmocka_unit_test(sql_cannot_attach_a_file),
    cmocka_unit_test(sql_cannot_run_a_pragma_or_load_an_extension),
    cmocka_unit_test(an_xlsx_is_a_zip_and_leaves_no_temporary_files),
    cmocka_unit_test(read_import_refuses_other_files),
    cmocka_unit_test(save_generator_takes_a_name_never_a_path),
    cmocka_unit_test(save_writes_the_export_extensions_only),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
