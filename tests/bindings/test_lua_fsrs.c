/* test_lua_fsrs.c: checks halqa.fsrs (src/bindings/lua_fsrs.c) against the engine and hand-worked values. */

/*
 * Expected numbers are worked out from the published FSRS-6 equations (py-fsrs v6
 * scheduler.py) with the default weights
 *   w = 0.212 1.2931 2.3065 8.2956 6.4133 0.8334 3.0194 0.001 1.8722 0.1666 0.796
 *       1.4835 0.0614 0.2629 1.6483 0.6014 1.8729 0.5425 0.0912 0.0658 0.1542
 * and these shared intermediates:
 *   factor = 0.9^(-1/w20) - 1 = 0.9^(-6.4850843) - 1 = 0.98034649
 *   D0(4)  = w4 - e^(3*w5) + 1 = 7.4133 - 12.1849307 = -4.77163070 (unclamped)
 * Where a test says "fsrs-rs", the number also appears in fsrs-rs src/model_v6.rs tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fsrs.h"
#include "bindings.h"

#include "../engine/fsrs_testing.h"

static int lua_setup(void **state)
{
    lua_State *L = luaL_newstate();
    if (L == NULL)
        return -1;
    luaL_openlibs(L);
    assert_int_equal(hq_open_fsrs(L), 1);
    lua_setglobal(L, "fsrs"); /* the test names it; hq_open_fsrs itself sets no global */
    *state = L;
    return 0;
}

static int lua_teardown(void **state)
{
    lua_close(*state);
    return 0;
}

/* Runs code that must succeed and leave `nres` results on the stack. */
static void run_ok(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK) {
        print_error("lua error: %s\n", lua_tostring(L, -1));
        fail();
    }
}

/* Runs code that must fail; returns its message without the "chunk:line: " prefix that
 * luaL_error adds for the calling Lua line (valid until the stack is popped). */
static const char *run_err(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) == LUA_OK) {
        print_error("expected an error from: %s\n", code);
        fail();
    }
    const char *msg = lua_tostring(L, -1);
    const char *tail = strstr(msg, "]:");
    if (strncmp(msg, "[string ", 8) == 0 && tail != NULL && (tail = strstr(tail + 2, ": ")))
        return tail + 2;
    return msg;
}

static double lua_num(lua_State *L, const char *code)
{
    run_ok(L, code);
    double x = lua_tonumber(L, -1);
    lua_settop(L, 0);
    return x;
}

static void test_lua_open_returns_a_table_and_sets_no_global(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    hq_open_fsrs(L);
    assert_int_equal(lua_type(L, -1), LUA_TTABLE);
    assert_int_equal(lua_getfield(L, -1, "review"), LUA_TFUNCTION);
    assert_int_equal(lua_getglobal(L, "fsrs"), LUA_TNIL);
    lua_close(L);
}

static void test_lua_review_of_new_then_existing_card(void **state)
{
    lua_State *L = *state;
    run_ok(L, "local a = fsrs.review(nil, 3)\n"
              "local b = fsrs.review({stability = 5, difficulty = 5}, 3, 5)\n"
              "return a.stability, a.difficulty, a.interval, b.stability, b.difficulty, b.interval,"
              " math.type(b.interval), a.minutes, a.phase, a.step, b.phase, b.retrievability");
    fsrs_params p = defaults();
    fsrs_card c = {{5, 5}, FSRS_REVIEW, 0};
    fsrs_outcome b;
    fsrs_schedule(&p, &c, 3, 5, &b);
    assert_near(lua_tonumber(L, 1), 2.3065, 0);    /* w2 */
    assert_near(lua_tonumber(L, 2), 2.11810397, 0); /* D0(3), rounded to 8 decimals */
    assert_int_equal(lua_tointeger(L, 3), 0);      /* a learning step, not a day interval */
    assert_near(lua_tonumber(L, 4), b.card.mem.stability, 0);
    assert_near(lua_tonumber(L, 5), b.card.mem.difficulty, 0);
    assert_int_equal(lua_tointeger(L, 6), b.interval);
    assert_string_equal(lua_tostring(L, 7), "integer");
    assert_int_equal(lua_tointeger(L, 8), 10);
    assert_string_equal(lua_tostring(L, 9), "learning");
    assert_int_equal(lua_tointeger(L, 10), 1);
    assert_string_equal(lua_tostring(L, 11), "review");
    assert_near(lua_tonumber(L, 12), b.retrievability, 0);
    lua_settop(L, 0);
}

static void test_lua_review_rejects_bad_rating_with_argerror(void **state)
{
    lua_State *L = *state;
    assert_string_equal(run_err(L, "return fsrs.review(nil, 7, 0)"),
                        "bad argument #2 to 'review' (rating must be 1..4, got 7)");
    lua_settop(L, 0);
    assert_string_equal(run_err(L, "return fsrs.review(nil, 2.5, 0)"),
                        "bad argument #2 to 'review' (rating must be 1..4, got 2.5)");
    lua_settop(L, 0);
    assert_string_equal(run_err(L, "return fsrs.review(nil, '3', 0)"),
                        "bad argument #2 to 'review' (rating must be 1..4, got string)");
    lua_settop(L, 0);
}

static void test_lua_review_rejects_bad_state_and_days(void **state)
{
    lua_State *L = *state;
    assert_string_equal(
        run_err(L, "return fsrs.review({stability = -1, difficulty = 5}, 3, 1)"),
        "bad argument #1 to 'review' (state.stability must be a positive number, got -1)");
    lua_settop(L, 0);
    assert_string_equal(
        run_err(L, "return fsrs.review({stability = 1, difficulty = 11}, 3, 1)"),
        "bad argument #1 to 'review' (state.difficulty must be a number in [1, 10], got 11)");
    lua_settop(L, 0);
    assert_string_equal(
        run_err(L, "return fsrs.review({stability = 1, difficulty = 5}, 3)"),
        "bad argument #3 to 'review' (elapsed_days must be a finite number >= 0, got no value)");
    lua_settop(L, 0);
    assert_string_equal(run_err(L, "return fsrs.review(42, 3, 0)"),
                        "bad argument #1 to 'review' (state must be a table or nil, got 42)");
    lua_settop(L, 0);
}

static void test_lua_state_is_read_without_running_index_metamethods(void **state)
{
    lua_State *L = *state;
    const char *msg = run_err(
        L, "ran = false\n"
           "local st = setmetatable({}, {__index = function() ran = true; return 5 end})\n"
           "return fsrs.review(st, 3, 1)");
    assert_string_equal(
        msg, "bad argument #1 to 'review' (state.stability must be a positive number, got nil)");
    lua_settop(L, 0);
    run_ok(L, "return ran");
    assert_false(lua_toboolean(L, -1));
    lua_settop(L, 0);
}

static void test_lua_retrievability(void **state)
{
    lua_State *L = *state;
    assert_near(lua_num(L, "return fsrs.retrievability(10, 5)"), 0.84588465, 0); /* 8 decimals */
    assert_near(lua_num(L, "return fsrs.retrievability(7, 7)"), 0.9, 1e-12);
    assert_string_equal(
        run_err(L, "return fsrs.retrievability(1, 0)"),
        "bad argument #2 to 'retrievability' (stability must be a positive number, got 0)");
    lua_settop(L, 0);
}

static void test_lua_configure_with_bad_retention_keeps_old_parameters(void **state)
{
    lua_State *L = *state;
    run_ok(L, "fsrs.configure{desired_retention = 0.8}");
    assert_string_equal(
        run_err(L, "fsrs.configure{desired_retention = 1.5, maximum_interval = 10}"),
        "bad argument #1 to 'configure' (desired_retention must be in (0, 1), got 1.5)");
    lua_settop(L, 0);
    assert_near(lua_num(L, "return fsrs.parameters().desired_retention"), 0.8, 0);
    assert_near(lua_num(L, "return fsrs.parameters().maximum_interval"), 36500, 0);
    /* 0.8 still drives intervals: S=10 -> 33 days, and Hard's 33 pushes Good to 34 */
    assert_near(lua_num(L, "return fsrs.review({stability = 10, difficulty = 5}, 2, 0).interval"),
                33, 0);
    assert_near(lua_num(L, "return fsrs.review({stability = 10, difficulty = 5}, 3, 0).interval"),
                34, 0);
}

static void test_lua_configure_names_bad_fields(void **state)
{
    lua_State *L = *state;
    assert_string_equal(run_err(L, "fsrs.configure{desired_retension = 0.8}"),
                        "bad argument #1 to 'configure' (unknown field 'desired_retension')");
    lua_settop(L, 0);
    assert_string_equal(run_err(L, "fsrs.configure{w = {1, 2, 3}}"),
                        "bad argument #1 to 'configure' (w must be a table of 21 numbers, got 3)");
    lua_settop(L, 0);
}

static void test_lua_configure_reports_weights_out_of_bounds(void **state)
{
    lua_State *L = *state;
    assert_string_equal(
        run_err(L, "local w = fsrs.parameters().w; w[4] = -1; fsrs.configure{w = w}"),
        "bad argument #1 to 'configure' (w3 must be in [0.001, 100], got -1)");
    lua_settop(L, 0);
    assert_string_equal(
        run_err(L, "local w = fsrs.parameters().w; w[2] = 'x'; fsrs.configure{w = w}"),
        "bad argument #1 to 'configure' (w1 (w[2] in Lua) must be a number, got string)");
    lua_settop(L, 0);
    assert_near(lua_num(L, "return fsrs.parameters().w[4]"), 8.2956, 0);
}

static void test_lua_configure_applies_all_fields(void **state)
{
    lua_State *L = *state;
    run_ok(L, "local w = fsrs.parameters().w; w[3] = 3.0\n"
              "fsrs.configure{w = w, desired_retention = 0.85, maximum_interval = 365,"
              " fuzz = true, seed = 7}\n"
              "local p = fsrs.parameters()\n"
              "return p.w[3], p.desired_retention, p.maximum_interval, p.fuzz, p.seed, #p.w");
    assert_near(lua_tonumber(L, 1), 3.0, 0);
    assert_near(lua_tonumber(L, 2), 0.85, 0);
    assert_int_equal(lua_tointeger(L, 3), 365);
    assert_true(lua_toboolean(L, 4));
    assert_int_equal(lua_tointeger(L, 5), 7);
    assert_int_equal(lua_tointeger(L, 6), 21);
    lua_settop(L, 0);
    assert_near(lua_num(L, "return fsrs.review(nil, 3).stability"), 3.0, 0); /* new w2 */
}

static void test_lua_fuzz_sequence_is_reproducible_from_seed(void **state)
{
    lua_State *L = *state;
    static const char *draw =
        "fsrs.configure{fuzz = true, seed = 42}\n"
        "local out = {}\n"
        "local card = {stability = 100, difficulty = 5}\n"
        "for i = 1, 5 do out[i] = fsrs.review(card, 3, 0).interval end\n"
        "return table.concat(out, ',')";
    run_ok(L, draw);
    char first[64];
    snprintf(first, sizeof first, "%s", lua_tostring(L, -1));
    lua_settop(L, 0);
    run_ok(L, draw);
    assert_string_equal(lua_tostring(L, -1), first);
    lua_settop(L, 0);
    /* The first draw is the C function's with fuzz_seed = 42. */
    fsrs_params p = defaults();
    p.enable_fuzz = 1;
    p.fuzz_seed = 42;
    fsrs_card c = {{100, 5}, FSRS_REVIEW, 0};
    fsrs_outcome o;
    fsrs_schedule(&p, &c, 3, 0, &o);
    char want[16];
    snprintf(want, sizeof want, "%d,", o.interval);
    assert_memory_equal(first, want, strlen(want));
}

static void test_lua_each_open_has_its_own_parameters(void **state)
{
    lua_State *L = *state;
    hq_open_fsrs(L);
    lua_setglobal(L, "other");
    run_ok(L, "fsrs.configure{desired_retention = 0.7}\n"
              "return other.parameters().desired_retention");
    assert_near(lua_tonumber(L, -1), 0.9, 0);
    lua_settop(L, 0);
}

static void test_lua_modes_steps_and_preview(void **state)
{
    lua_State *L = *state;
    /* The default (short-term) mode: a new card's Good is the 10 minute step. */
    assert_near(lua_num(L, "return fsrs.preview(nil)[3].minutes"), 10, 0);
    assert_near(lua_num(L, "return fsrs.preview(nil)[4].interval"), 8, 0);
    /* Steps as strings or minutes, read back in their units. */
    run_ok(L, "fsrs.configure{learning_steps = {'5m', 90, '1d'}, relearning_steps = {}}\n"
              "local p = fsrs.parameters()\n"
              "return table.concat(p.learning_steps, ' '), #p.relearning_steps");
    assert_string_equal(lua_tostring(L, 1), "5m 90m 1d");
    assert_int_equal(lua_tointeger(L, 2), 0);
    lua_settop(L, 0);
    /* No relearning steps: a lapse goes straight to a day interval. */
    run_ok(L, "local o = fsrs.review({stability = 10, difficulty = 5}, 1, 10)\n"
              "return o.phase, o.minutes");
    assert_string_equal(lua_tostring(L, 1), "review");
    assert_int_equal(lua_tointeger(L, 2), 0);
    lua_settop(L, 0);
    assert_string_equal(run_err(L, "fsrs.configure{learning_steps = {'5x'}}"),
                        "bad argument #1 to 'configure' (learning_steps[1] must be minutes or a "
                        "string like \"10m\", \"1h\", \"1d\", got string)");
    assert_string_equal(run_err(L, "fsrs.configure{short_term = 'no'}"),
                        "bad argument #1 to 'configure' (short_term must be a boolean, got string)");
    /* Long-term mode: the four new-card intervals in order, as ts-fsrs gives them. */
    lua_settop(L, 0);
    run_ok(L, "fsrs.configure{short_term = false}\n"
              "local p = fsrs.preview(nil)\n"
              "return p[1].interval, p[2].interval, p[3].interval, p[4].interval, p[1].phase");
    assert_int_equal(lua_tointeger(L, 1), 1);
    assert_int_equal(lua_tointeger(L, 2), 2);
    assert_int_equal(lua_tointeger(L, 3), 3);
    assert_int_equal(lua_tointeger(L, 4), 8);
    assert_string_equal(lua_tostring(L, 5), "review");
    lua_settop(L, 0);
    assert_string_equal(run_err(L, "return fsrs.review({stability = 1, difficulty = 5, phase = 'x'}, 3, 0)"),
                        "bad argument #1 to 'review' (state.phase must be new, learning, review "
                        "or relearning, got string)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lua_open_returns_a_table_and_sets_no_global),
        cmocka_unit_test_setup_teardown(test_lua_review_of_new_then_existing_card, lua_setup,
                                        lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_review_rejects_bad_rating_with_argerror,
                                        lua_setup, lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_review_rejects_bad_state_and_days, lua_setup,
                                        lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_state_is_read_without_running_index_metamethods,
                                        lua_setup, lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_retrievability, lua_setup, lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_configure_with_bad_retention_keeps_old_parameters,
                                        lua_setup, lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_configure_names_bad_fields, lua_setup,
                                        lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_configure_reports_weights_out_of_bounds,
                                        lua_setup, lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_configure_applies_all_fields, lua_setup,
                                        lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_fuzz_sequence_is_reproducible_from_seed,
                                        lua_setup, lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_each_open_has_its_own_parameters, lua_setup,
                                        lua_teardown),
        cmocka_unit_test_setup_teardown(test_lua_modes_steps_and_preview, lua_setup,
                                        lua_teardown),
    };
    return cmocka_run_group_tests_name("lua_fsrs", tests, NULL, NULL);
}
