/* lua_fsrs.c: the FSRS-6 scheduler for Lua scripts (review, retrievability, configure). */
#include <limits.h>
#include <math.h>
#include <string.h>

#include <lauxlib.h>

#include "bindings.h"
#include "fsrs.h"

/* Registry name of the metatable that marks our parameter userdata, so a value swapped in
 * with debug.setupvalue is refused instead of being read as parameters. */
#define BOX_MT "halqa.fsrs.params"

/* SplitMix64's increment: successive fuzzed reviews use seed, seed + GAMMA, ... so the
 * k-th fuzz draw is the k-th output of a SplitMix64 generator seeded with `seed`. */
#define SEED_GAMMA 0x9E3779B97F4A7C15ULL

typedef struct fsrs_box {
    fsrs_params params;
    unsigned long long stream; /* seed for the next fuzzed review; reset by configure */
} fsrs_box;

static fsrs_box *box_of(lua_State *L)
{
    fsrs_box *box = luaL_testudata(L, lua_upvalueindex(1), BOX_MT);
    if (box == NULL)
        luaL_error(L, "fsrs: parameter store is missing (upvalue replaced?)");
    return box;
}

/* Pushes a short description of the value at idx for "got ..." messages. */
static const char *shown(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TNUMBER)
        return lua_pushstring(L, luaL_typename(L, idx));
    if (lua_isinteger(L, idx))
        return lua_pushfstring(L, "%I", (LUAI_UACINT)lua_tointeger(L, idx));
    return lua_pushfstring(L, "%f", (LUAI_UACNUMBER)lua_tonumber(L, idx));
}

static int arg_fail(lua_State *L, int arg, const char *what, int idx)
{
    return luaL_argerror(L, arg, lua_pushfstring(L, "%s, got %s", what, shown(L, idx)));
}

/* A finite number (no string coercion: a typo'd "3" should not pass), else raises. */
static double number_at(lua_State *L, int arg, int idx, const char *what)
{
    if (lua_type(L, idx) != LUA_TNUMBER || !isfinite(lua_tonumber(L, idx)))
        arg_fail(L, arg, what, idx);
    return lua_tonumber(L, idx);
}

static double positive_at(lua_State *L, int arg, int idx, const char *what)
{
    double x = number_at(L, arg, idx, what);
    if (!(x > 0.0))
        arg_fail(L, arg, what, idx);
    return x;
}

static double days_at(lua_State *L, int arg, const char *what)
{
    double x = number_at(L, arg, arg, what);
    if (x < 0.0)
        arg_fail(L, arg, what, arg);
    return x;
}

/* Pushes t[key] without metamethods, so a hostile __index cannot run. */
static int raw_field(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

/* Reads a {stability=, difficulty=} table at arg 1; returns 0 for nil (a new card). */
static int read_state(lua_State *L, fsrs_state *st)
{
    if (lua_isnoneornil(L, 1))
        return 0;
    if (!lua_istable(L, 1))
        arg_fail(L, 1, "state must be a table or nil", 1);
    raw_field(L, 1, "stability");
    st->stability = positive_at(L, 1, -1, "state.stability must be a positive number");
    raw_field(L, 1, "difficulty");
    st->difficulty = number_at(L, 1, -1, "state.difficulty must be a number in [1, 10]");
    if (st->difficulty < 1.0 || st->difficulty > 10.0)
        arg_fail(L, 1, "state.difficulty must be a number in [1, 10]", -1);
    lua_pop(L, 2);
    return 1;
}

static int check_rating(lua_State *L, int arg)
{
    int ok = 0;
    lua_Integer g = lua_type(L, arg) == LUA_TNUMBER ? lua_tointegerx(L, arg, &ok) : 0;
    if (!ok || g < 1 || g > 4)
        arg_fail(L, arg, "rating must be 1..4", arg);
    return (int)g;
}

/* review(state_or_nil, rating, elapsed_days) -> {stability=, difficulty=, interval=} */
static int l_review(lua_State *L)
{
    fsrs_box *box = box_of(L);
    fsrs_state prev;
    int has_prev = read_state(L, &prev);
    int rating = check_rating(L, 2);
    /* A new card has no previous review, so elapsed_days may be left out. */
    double elapsed = (!has_prev && lua_isnoneornil(L, 3))
                         ? 0.0
                         : days_at(L, 3, "elapsed_days must be a finite number >= 0");
    fsrs_params p = box->params;
    if (p.enable_fuzz) {
        p.fuzz_seed = box->stream;
        box->stream += SEED_GAMMA;
    }
    int interval = 0;
    fsrs_state next = fsrs_review(&p, has_prev ? &prev : NULL, rating, elapsed, &interval);
    lua_createtable(L, 0, 3);
    lua_pushnumber(L, next.stability);
    lua_setfield(L, -2, "stability");
    lua_pushnumber(L, next.difficulty);
    lua_setfield(L, -2, "difficulty");
    lua_pushinteger(L, interval);
    lua_setfield(L, -2, "interval");
    return 1;
}

/* retrievability(elapsed_days, stability) -> probability of recall */
static int l_retrievability(lua_State *L)
{
    fsrs_box *box = box_of(L);
    double t = days_at(L, 1, "elapsed_days must be a finite number >= 0");
    double s = positive_at(L, 2, 2, "stability must be a positive number");
    lua_pushnumber(L, fsrs_retrievability(&box->params, t, s));
    return 1;
}

/* Refuses keys configure does not know, so a typo is an error rather than a no-op. */
static void reject_unknown_keys(lua_State *L)
{
    static const char *const known[] = {"w", "desired_retention", "maximum_interval", "fuzz",
                                        "seed", NULL};
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        const char *key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        int i = 0;
        while (key && known[i] && strcmp(key, known[i]) != 0)
            i++;
        if (key == NULL)
            arg_fail(L, 1, "configure keys must be strings", -1);
        if (known[i] == NULL)
            luaL_argerror(L, 1, lua_pushfstring(L, "unknown field '%s'", key));
    }
}

static void read_weights(lua_State *L, fsrs_params *p)
{
    if (raw_field(L, 1, "w") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!lua_istable(L, -1) || lua_rawlen(L, -1) != FSRS_NUM_WEIGHTS) {
        if (lua_istable(L, -1))
            lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
        arg_fail(L, 1, "w must be a table of 21 numbers", -1);
    }
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++) {
        /* Name both: FSRS's w3 is the Lua table's w[4]. */
        const char *what = lua_pushfstring(L, "w%d (w[%d] in Lua) must be a number", i, i + 1);
        lua_rawgeti(L, -2, i + 1);
        p->w[i] = number_at(L, 1, -1, what);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

static void read_scalars(lua_State *L, fsrs_params *p)
{
    if (raw_field(L, 1, "desired_retention") != LUA_TNIL)
        p->desired_retention = number_at(L, 1, -1, "desired_retention must be a number");
    lua_pop(L, 1);
    if (raw_field(L, 1, "maximum_interval") != LUA_TNIL) {
        int ok = 0;
        lua_Integer n = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &ok) : 0;
        if (!ok || n < 1 || n > INT_MAX)
            arg_fail(L, 1, "maximum_interval must be an integer in [1, 2147483647]", -1);
        p->maximum_interval = (int)n;
    }
    lua_pop(L, 1);
    if (raw_field(L, 1, "fuzz") != LUA_TNIL) {
        if (!lua_isboolean(L, -1))
            arg_fail(L, 1, "fuzz must be a boolean", -1);
        p->enable_fuzz = lua_toboolean(L, -1);
    }
    lua_pop(L, 1);
    if (raw_field(L, 1, "seed") != LUA_TNIL) {
        if (!lua_isinteger(L, -1))
            arg_fail(L, 1, "seed must be an integer", -1);
        p->fuzz_seed = (unsigned long long)lua_tointeger(L, -1);
    }
    lua_pop(L, 1);
}

/* configure{w=, desired_retention=, maximum_interval=, fuzz=, seed=}: fields left out keep
 * their values; on any error nothing changes. */
static int l_configure(lua_State *L)
{
    fsrs_box *box = box_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    reject_unknown_keys(L);
    fsrs_params next = box->params;
    read_weights(L, &next);
    read_scalars(L, &next);
    const char *bad = fsrs_check_params(&next);
    if (bad != NULL)
        return luaL_argerror(L, 1, bad);
    box->params = next;
    box->stream = next.fuzz_seed;
    return 0;
}

/* parameters() -> {w = {21 numbers}, desired_retention=, maximum_interval=, fuzz=, seed=} */
static int l_parameters(lua_State *L)
{
    const fsrs_params *p = &box_of(L)->params;
    lua_createtable(L, 0, 5);
    lua_createtable(L, FSRS_NUM_WEIGHTS, 0);
    for (int i = 0; i < FSRS_NUM_WEIGHTS; i++) {
        lua_pushnumber(L, p->w[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "w");
    lua_pushnumber(L, p->desired_retention);
    lua_setfield(L, -2, "desired_retention");
    lua_pushinteger(L, p->maximum_interval);
    lua_setfield(L, -2, "maximum_interval");
    lua_pushboolean(L, p->enable_fuzz);
    lua_setfield(L, -2, "fuzz");
    lua_pushinteger(L, (lua_Integer)p->fuzz_seed);
    lua_setfield(L, -2, "seed");
    return 1;
}

int hq_open_fsrs(lua_State *L)
{
    static const luaL_Reg funcs[] = {
        {"review", l_review},
        {"retrievability", l_retrievability},
        {"configure", l_configure},
        {"parameters", l_parameters},
        {NULL, NULL},
    };
    luaL_newlibtable(L, funcs);
    fsrs_box *box = lua_newuserdatauv(L, sizeof *box, 0);
    fsrs_default_params(&box->params);
    box->stream = box->params.fuzz_seed;
    luaL_newmetatable(L, BOX_MT);
    lua_setmetatable(L, -2);
    luaL_setfuncs(L, funcs, 1);
    return 1;
}
