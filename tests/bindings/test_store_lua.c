/* test_store_lua.c: halqa.store, the Lua binding of the store (src/lua_store*.c). */
#include "../engine/store_testing.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "bindings.h"

/* ---- halqa.store ---- */

static lua_State *lua_with(store *s) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_newtable(L);
  hq_open_store(L, -1, s);
  lua_setglobal(L, "halqa");
  return L;
}

static void run_lua(lua_State *L, const char *chunk) {
  if (luaL_dostring(L, chunk) != LUA_OK) {
    print_error("lua: %s\n", lua_tostring(L, -1));
    fail();
  }
}

static void test_lua_scripts_sync_review_and_read_back(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  lua_State *L = lua_with(s);
  char chunk[4096];
  snprintf(chunk, sizeof chunk,
    "local S, now = halqa.store, %lld\n"
    "assert(S.mode() == 'saving' and S.path() == ':memory:')\n"
    "assert(S.today(now) == %d)\n"
    "local c = S.sync_cards('dates', { {id='d1', front='F', back='B', facts={'cpp','nap'}},"
    "                                  {id='d2', front='G', back='C'} }, now)\n"
    "assert(c.added == 2 and c.updated == 0 and c.retired == 0 and c.revived == 0)\n"
    "local new = S.new_cards('dates', 10)\n"
    "assert(#new == 2 and new[1].id == 'd1' and new[1].facts[2] == 'nap' and new[1].stability == nil)\n"
    "local q = S.begin_session('cards', { seed = 7, deck = 'dates' })\n"
    "local r = S.review('d1', 4, { graded='typed', answer='1947', session=q, now=now })\n"
    "assert(r.recorded and r.interval >= 1 and r.due_day == %d + r.interval and r.elapsed_days == 0)\n"
    "local fs = halqa.store.card('d1')\n"
    "assert(fs.reps == 1 and fs.stability == r.stability)\n"
    "assert(#S.due(nil, nil, now + r.interval * 86400) == 1)\n"
    "assert(#S.due('dates', 10, now) == 0)\n"
    "S.record_answer(q, { question='q.d1', facts={'cpp'}, given='1947', verdict='correct', score=1, seconds=2.5, now=now+5 })\n"
    "local h = S.history('cpp')\n"
    "assert(#h == 2 and h[1].kind == 'review' and h[1].graded == 'typed' and h[2].kind == 'answer' and h[2].seconds == 2.5)\n"
    "assert(S.make_due({'cpp'}, now + 86400) == 1)\n"
    "assert(S.undo(q) == 'd1' and S.undo(q) == nil)\n"
    "S.end_session(q, 'done')\n"
    "local st = S.stats(now, 7)\n"
    "assert(st.today == %d and #st.decks == 1 and st.decks[1].new == 2 and #st.heatmap == 7 and #st.forecast == 7)\n"
    "assert(st.retention.reviews == 0 and st.retention.rate == nil)\n"
    "assert(S.card('nothing') == nil)\n",
    (long long)at(D, 10), D, D, D);
  run_lua(L, chunk);
  lua_close(L);
  store_close(s);
}

static void test_lua_settings_are_stored_as_sorted_json(void **state) {
  (void)state;
  const char *p = path_in("json.db");
  store *s = open_ok(p);
  lua_State *L = lua_with(s);
  run_lua(L, "halqa.store.begin_session('quiz', { seed = 'abc', count = 20, topics = {'a', 'b'},"
             " ratio = 0.5, nested = { ok = true, none = {} }, text = 'say \"hi\"\\n' })");
  lua_close(L);
  store_close(s);
  assert_string_equal(text_query(p, "SELECT seed FROM sessions"), "abc");
  assert_string_equal(text_query(p, "SELECT settings FROM sessions"),
                      "{\"count\":20,\"nested\":{\"none\":[],\"ok\":true},\"ratio\":0.5,"
                      "\"seed\":\"abc\",\"text\":\"say \\\"hi\\\"\\u000a\",\"topics\":[\"a\",\"b\"]}");
}

static void test_lua_bad_arguments_raise_argument_errors(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  lua_State *L = lua_with(s);
  run_lua(L,
    "local S = halqa.store\n"
    "local function err(f, ...) local ok, e = pcall(f, ...); assert(not ok); return e end\n"
    "local e = err(S.review, 'x', 5)\n"
    "assert(e:find('bad argument #2', 1, true) and e:find('rating must be', 1, true) and e:find('got 5', 1, true), e)\n"
    "e = err(S.review, 'x', 3, { graded = 'guess' })\n"
    "assert(e:find('bad argument #3', 1, true) and e:find('typed', 1, true), e)\n"
    "e = err(S.review, 'ghost', 3)\n"
    "assert(e:find('halqa.store.review: no card', 1, true), e)\n"
    "e = err(S.sync_cards, 'd', { { front = 'no id' } })\n"
    "assert(e:find('cards[1] has no id', 1, true), e)\n"
    "e = err(S.sync_cards, 'd', { { id = 'a' }, { id = 'b', front = 7 } })\n"
    "assert(e:find('cards[2].front must be a string, got 7', 1, true), e)\n"
    "e = err(S.sync_cards, 'd', { { id = 'a', facts = { 'two words' } } })\n"
    "assert(e:find('without blanks', 1, true), e)\n"
    "e = err(S.record_answer, nil, { facts = {} })\n"
    "assert(e:find('question', 1, true), e)\n"
    "e = err(S.begin_session, 'quiz', { f = print })\n"
    "assert(e:find('cannot store a function', 1, true), e)\n"
    "e = err(S.begin_session, 'quiz', { [true] = 1 })\n"
    "assert(e:find('keys must be strings', 1, true), e)\n"
    "e = err(S.due, nil, -1)\n"
    "assert(e:find('limit', 1, true), e)\n"
    "e = err(S.stats, nil, 0)\n"
    "assert(e:find('days', 1, true), e)\n");
  lua_close(L);
  store_close(s);
}

static void test_lua_argument_tables_are_read_without_metamethods(void **state) {
  (void)state;
  store *s = open_ok(":memory:");
  lua_State *L = lua_with(s);
  run_lua(L,
    "local S = halqa.store\n"
    "local trap = setmetatable({}, { __index = function() error('metamethod ran') end })\n"
    "S.sync_cards('d', { setmetatable({ id = 'm' }, getmetatable(trap)) })\n"
    "local r = S.review('m', 3, trap)\n"
    "assert(r.recorded)\n"
    "S.record_answer(nil, setmetatable({ question = 'q' }, getmetatable(trap)))\n");
  lua_close(L);
  store_close(s);
}

static void test_lua_no_save_store_still_schedules_so_a_session_goes_on(void **state) {
  (void)state;
  const char *p = path_in("junk.db");
  const char *junk = "this is not a database, not at all, not even close";
  write_file(p, junk, strlen(junk));
  store *s = NULL;
  char msg[512];
  assert_int_equal(store_open(p, &s, msg, sizeof msg), STORE_NOSAVE);
  lua_State *L = lua_with(s);
  run_lua(L,
    "local S = halqa.store\n"
    "local mode, why = S.mode()\n"
    "assert(mode == 'no-save' and why:find('junk.db', 1, true), why)\n"
    "-- a card the memory store never saw: scheduled as new, not recorded\n"
    "local r = S.review('unseen', 4)\n"
    "assert(not r.recorded and r.interval >= 1 and r.stability > 0)\n"
    "-- a session in memory works as usual\n"
    "local q = S.begin_session('quiz')\n"
    "S.record_answer(q, { question = 'q1', facts = { 'f' } })\n"
    "assert(#S.history('f') == 1)\n");
  lua_close(L);
  store_close(s);
}

STORE_TESTS_MAIN(
  T(test_lua_scripts_sync_review_and_read_back),
  T(test_lua_settings_are_stored_as_sorted_json),
  T(test_lua_bad_arguments_raise_argument_errors),
  T(test_lua_argument_tables_are_read_without_metamethods),
  T(test_lua_no_save_store_still_schedules_so_a_session_goes_on),
)
