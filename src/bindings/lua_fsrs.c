/* lua_fsrs.c: the FSRS-6 scheduler for Lua scripts (review, preview, retrievability, configure). */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
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

static const char *const phase_names[] = {"new", "learning", "review", "relearning", NULL};

/* Reads a {stability=, difficulty= [, phase=, step=]} table at arg 1 (phase defaults to
 * "review", a card on day intervals); returns 0 for nil or a card with phase "new". */
static int read_state(lua_State *L, fsrs_card *c)
{
    c->mem.stability = c->mem.difficulty = 0.0;
    c->phase = FSRS_NEW;
    c->step = 0;
    if (lua_isnoneornil(L, 1))
        return 0;
    if (!lua_istable(L, 1))
        arg_fail(L, 1, "state must be a table or nil", 1);
    c->phase = FSRS_REVIEW;
    if (raw_field(L, 1, "phase") != LUA_TNIL) {
        const char *name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        int i = 0;
        while (phase_names[i] && strcmp(phase_names[i], name) != 0)
            i++;
        if (!phase_names[i])
            arg_fail(L, 1, "state.phase must be new, learning, review or relearning", -1);
        c->phase = i;
    }
    lua_pop(L, 1);
    if (c->phase == FSRS_NEW)
        return 0;
    if (raw_field(L, 1, "step") != LUA_TNIL) {
        int ok = 0;
        lua_Integer n = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &ok) : 0;
        if (!ok || n < 0 || n > FSRS_MAX_STEPS)
            arg_fail(L, 1, "state.step must be an integer in [0, 8]", -1);
        c->step = (int)n;
    }
    lua_pop(L, 1);
    raw_field(L, 1, "stability");
    c->mem.stability = positive_at(L, 1, -1, "state.stability must be a positive number");
    raw_field(L, 1, "difficulty");
    c->mem.difficulty = number_at(L, 1, -1, "state.difficulty must be a number in [1, 10]");
    if (c->mem.difficulty < 1.0 || c->mem.difficulty > 10.0)
        arg_fail(L, 1, "state.difficulty must be a number in [1, 10]", -1);
    lua_pop(L, 2);
    return 1;
}

void hq_push_fsrs_outcome(lua_State *L, const fsrs_outcome *o)
{
    lua_createtable(L, 0, 7);
    lua_pushnumber(L, o->card.mem.stability);
    lua_setfield(L, -2, "stability");
    lua_pushnumber(L, o->card.mem.difficulty);
    lua_setfield(L, -2, "difficulty");
    lua_pushinteger(L, o->interval);
    lua_setfield(L, -2, "interval");
    lua_pushinteger(L, o->minutes);
    lua_setfield(L, -2, "minutes");
    lua_pushstring(L, phase_names[o->card.phase]);
    lua_setfield(L, -2, "phase");
    lua_pushinteger(L, o->card.step);
    lua_setfield(L, -2, "step");
    lua_pushnumber(L, o->retrievability);
    lua_setfield(L, -2, "retrievability");
}

static int check_rating(lua_State *L, int arg)
{
    int ok = 0;
    lua_Integer g = lua_type(L, arg) == LUA_TNUMBER ? lua_tointegerx(L, arg, &ok) : 0;
    if (!ok || g < 1 || g > 4)
        arg_fail(L, arg, "rating must be 1..4", arg);
    return (int)g;
}

/* The parameters for one review: fuzzed reviews take the next seed of the stream. */
static fsrs_params review_params(fsrs_box *box)
{
    fsrs_params p = box->params;
    if (p.enable_fuzz) {
        p.fuzz_seed = box->stream;
        box->stream += SEED_GAMMA;
    }
    return p;
}

/* Reads the optional elapsed_days at arg: a new card may leave it out. */
static int elapsed_at(lua_State *L, int arg, int has_prev)
{
    if (!has_prev && lua_isnoneornil(L, arg))
        return 0;
    double x = days_at(L, arg, "elapsed_days must be a finite number >= 0");
    return x > 1e9 ? 1000000000 : (int)floor(x); /* whole days, as the store counts them */
}

/* review(state_or_nil, rating, elapsed_days) -> {stability=, difficulty=, interval=, minutes=,
 * phase=, step=, retrievability=} */
static int l_review(lua_State *L)
{
    fsrs_box *box = box_of(L);
    fsrs_card prev;
    int has_prev = read_state(L, &prev);
    int rating = check_rating(L, 2);
    int elapsed = elapsed_at(L, 3, has_prev);
    fsrs_params p = review_params(box);
    fsrs_outcome o;
    fsrs_schedule(&p, has_prev ? &prev : NULL, rating, elapsed, &o);
    hq_push_fsrs_outcome(L, &o);
    return 1;
}

/* preview(state_or_nil, elapsed_days) -> {[1] = Again's outcome, ..., [4] = Easy's} */
static int l_preview(lua_State *L)
{
    fsrs_box *box = box_of(L);
    fsrs_card prev;
    int has_prev = read_state(L, &prev);
    int elapsed = elapsed_at(L, 2, has_prev);
    fsrs_params p = review_params(box);
    fsrs_outcome o[4];
    fsrs_preview(&p, has_prev ? &prev : NULL, elapsed, o);
    lua_createtable(L, 4, 0);
    for (int g = 0; g < 4; g++) {
        hq_push_fsrs_outcome(L, &o[g]);
        lua_rawseti(L, -2, g + 1);
    }
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
                                        "seed", "short_term", "learning_steps",
                                        "relearning_steps", NULL};
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
    if (raw_field(L, 1, "short_term") != LUA_TNIL) {
        if (!lua_isboolean(L, -1))
            arg_fail(L, 1, "short_term must be a boolean", -1);
        p->short_term = lua_toboolean(L, -1);
    }
    lua_pop(L, 1);
}

/* One step at the top of the stack: minutes as an integer, or "10m", "1h", "2d" (ts-fsrs's
 * units). Returns the minutes or -1. */
static int step_value(lua_State *L)
{
    lua_Integer n;
    if (lua_isinteger(L, -1))
        n = lua_tointeger(L, -1);
    else if (lua_type(L, -1) == LUA_TSTRING) {
        const char *t = lua_tostring(L, -1);
        char *end;
        long v = strtol(t, &end, 10);
        if (end == t || !strchr("mhd", *end) || end[0] == '\0' || end[1] != '\0')
            return -1;
        n = (lua_Integer)v * (*end == 'm' ? 1 : *end == 'h' ? 60 : 1440);
    } else
        return -1;
    return n >= 1 && n <= 36500 * 1440 ? (int)n : -1;
}

static void read_steps(lua_State *L, const char *key, int *steps, int *n)
{
    if (raw_field(L, 1, key) == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!lua_istable(L, -1) || lua_rawlen(L, -1) > FSRS_MAX_STEPS)
        arg_fail(L, 1, lua_pushfstring(L, "%s must be a list of at most %d steps such as "
                                          "{\"1m\", \"10m\"}", key, FSRS_MAX_STEPS), -1);
    int count = (int)lua_rawlen(L, -1);
    for (int i = 0; i < count; i++) {
        lua_rawgeti(L, -1, i + 1);
        int v = step_value(L);
        if (v < 0)
            arg_fail(L, 1, lua_pushfstring(L, "%s[%d] must be minutes or a string like \"10m\", "
                                              "\"1h\", \"1d\"", key, i + 1), -1);
        steps[i] = v;
        lua_pop(L, 1);
    }
    *n = count;
    lua_pop(L, 1);
}

void hq_fsrs_read_config(lua_State *L, fsrs_params *p)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    reject_unknown_keys(L);
    read_weights(L, p);
    read_scalars(L, p);
    read_steps(L, "learning_steps", p->learning_steps, &p->n_learning_steps);
    read_steps(L, "relearning_steps", p->relearning_steps, &p->n_relearning_steps);
    const char *bad = fsrs_check_params(p);
    if (bad != NULL)
        luaL_argerror(L, 1, bad);
}

static void push_steps(lua_State *L, const int *steps, int n)
{
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        int m = steps[i];
        if (m % 1440 == 0)
            lua_pushfstring(L, "%dd", m / 1440);
        else if (m % 60 == 0)
            lua_pushfstring(L, "%dh", m / 60);
        else
            lua_pushfstring(L, "%dm", m);
        lua_rawseti(L, -2, i + 1);
    }
}

void hq_push_fsrs_params(lua_State *L, const fsrs_params *p)
{
    lua_createtable(L, 0, 8);
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
    lua_pushboolean(L, p->short_term);
    lua_setfield(L, -2, "short_term");
    push_steps(L, p->learning_steps, p->n_learning_steps);
    lua_setfield(L, -2, "learning_steps");
    push_steps(L, p->relearning_steps, p->n_relearning_steps);
    lua_setfield(L, -2, "relearning_steps");
}

/* configure{w=, desired_retention=, maximum_interval=, fuzz=, seed=, short_term=,
 * learning_steps=, relearning_steps=}: fields left out keep their values; on any error nothing
 * changes. */
static int l_configure(lua_State *L)
{
    fsrs_box *box = box_of(L);
    fsrs_params next = box->params;
    hq_fsrs_read_config(L, &next);
    box->params = next;
    box->stream = next.fuzz_seed;
    return 0;
}

/* parameters() -> the table configure takes, every field filled in */
static int l_parameters(lua_State *L)
{
    hq_push_fsrs_params(L, &box_of(L)->params);
    return 1;
}

int hq_open_fsrs(lua_State *L)
{
    static const luaL_Reg funcs[] = {
        {"review", l_review},
        {"preview", l_preview},
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
