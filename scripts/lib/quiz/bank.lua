-- lib/quiz/bank.lua: the question bank — every question the installed generators make — and
-- the filters a quiz or an export applies to it.
--
-- Generators are the files in generators/ across the scripts search path (a user's own are
-- picked up like the bundled ones). A generator has one of two forms (docs/scripting.md):
--
--   the simple form   { name, description, generate = function(ctx) ... end }: makes all its
--                     questions at once, each through a ctx method (ctx:short{...}, ...);
--   the lazy form     { name, description, lazy = function(ctx) ... return keys, question end }:
--                     does its set-up once, then returns the list of what it asks about (the ids
--                     of records, usually) and a function question(key) that makes the questions
--                     of one key through the same ctx (and the key's position in the list,
--                     as a second argument, for a generator that alternates along it).
--
-- A session (lib/quiz/draw.lua: quiz, drill, worksheet; bank.about: circle) picks keys first and
-- builds only their questions; an export walks every key, one at a time, keeping nothing. Each
-- key gets its own random generator, seeded from the seed, the generator's name and the key, so
-- the questions of one key are the same whichever session builds them: a quiz of seed N asks the
-- very questions `export --seed N` writes, and adding a generator (or a record) never changes the
-- questions of another. A simple-form generator is one key, "*", seeded from seed and name.

local Q = require("lib.quiz.question")

local B = {}

-- The generators as { name =, description =, generate =, lazy =, cards = } tables, in name order.
-- Each has generate(ctx) whichever its form, for callers that want all of its questions at once.
function B.generators()
  local out = {}
  for _, modname in ipairs(halqa.scripts("generators")) do
    local gen = require(modname)
    local file = modname:match("([^.]+)$")
    if type(gen) ~= "table" or (type(gen.generate) ~= "function" and type(gen.lazy) ~= "function") then
      error(string.format("generators/%s.lua must return a table with a generate (or lazy) function", file), 0)
    end
    local lazy, generate = gen.lazy, gen.generate
    if not generate then
      generate = function(ctx)
        local keys, question = lazy(ctx)
        for i, key in ipairs(keys) do question(key, i) end
      end
    end
    out[#out + 1] = { name = gen.name or file, description = gen.description or "", generate = generate,
                      lazy = lazy, cards = gen.cards == true }
  end
  return out
end

-- A random generator that draws from whichever generator `state.rng` is at the moment: the ctx
-- of a lazy generator keeps one for its whole life (set-up code may hold on to it), while every
-- key draws from its own seed.
local function switching_rng(state)
  local r = {}
  for _, m in ipairs({ "int", "float", "pick", "shuffle", "sample" }) do
    r[m] = function(_, ...)
      local cur = state.rng
      return cur[m](cur, ...)
    end
  end
  return r
end

-- One generator opened for a seed: :keys() (its set-up runs on the first call) and
-- :build(key, sink, i), which makes the questions of key (the i-th of the keys), each passed to
-- sink.
local function open(gen, seed)
  local state = { sink = nil, rng = nil }
  local o = { name = gen.name }
  local keys, question
  local ctx
  local function ready()
    if keys then return end
    if gen.lazy then
      state.rng = halqa.random(tostring(seed) .. ":" .. gen.name)
      ctx = Q.context(gen.name, switching_rng(state), function(q) state.sink(q) end)
      state.sink = function() error("generator '" .. gen.name .. "' made a question while setting up", 0) end
      local k, fn = gen.lazy(ctx)
      if type(k) ~= "table" or type(fn) ~= "function" then
        error("generator '" .. gen.name .. "': lazy(ctx) must return a list of keys and a function question(key)", 0)
      end
      keys, question = k, fn
    else
      keys = { "*" }
    end
  end
  function o:keys()
    ready()
    return keys
  end
  function o:build(key, sink, i)
    ready()
    if gen.lazy then
      -- a key that is no string or number (a group of records) is seeded by its position
      local label = (type(key) == "string" or type(key) == "number") and tostring(key) or ("#" .. tostring(i))
      state.rng = halqa.random(tostring(seed) .. ":" .. gen.name .. ":" .. label)
      state.sink = sink
      question(key, i)
      state.sink = nil
    else
      gen.generate(Q.context(gen.name, halqa.random(tostring(seed) .. ":" .. gen.name), sink))
    end
  end
  return o
end
B.open = open

-- The opened generators that pass the generator filter (a name or a list of them; nil: all).
function B.open_all(seed, generator)
  local want
  if generator ~= nil then
    want = {}
    for _, g in ipairs(type(generator) == "table" and generator or { generator }) do want[g] = true end
    if next(want) == nil then want = nil end
  end
  local out = {}
  for _, gen in ipairs(B.generators()) do
    if not want or want[gen.name] then out[#out + 1] = open(gen, seed) end
  end
  return out
end

-- Whether the ids of two generators can meet: an id begins with its generator's name and a dot,
-- so only when they have one name, or one's is the other's followed by a dot.
local function apart(gens)
  for i, a in ipairs(gens) do
    for j, b in ipairs(gens) do
      if i ~= j and (b.name == a.name or b.name:sub(1, #a.name + 1) == a.name .. ".") then return false end
    end
  end
  return true
end

-- Calls sink(q) for every question, for one seed, without keeping them (an export of a large
-- dataset streams): generator after generator, key after key. Question ids are unique; a
-- generator that repeats one is a bug. generator: only these generators (as B.open_all).
function B.each(seed, sink, generator)
  local gens = B.open_all(seed, generator)
  local separate = apart(gens)
  local seen = {}
  for _, g in ipairs(gens) do
    if separate then seen = {} end -- each generator's ids are checked among themselves
    local function take(q)
      if seen[q.id] then error("generator '" .. g.name .. "' made question id '" .. q.id .. "' twice", 0) end
      seen[q.id] = true
      sink(q)
    end
    for i, key in ipairs(g:keys()) do g:build(key, take, i) end
  end
end

-- Every question, for one seed, as a list.
function B.build(seed)
  local bank = {}
  B.each(seed, function(q) bank[#bank + 1] = q end)
  return bank
end

local function has(list, value)
  for _, v in ipairs(list or {}) do
    if v == value then return true end
  end
  return false
end

local function any(values, test)
  if values == nil then return true end
  if type(values) ~= "table" then values = { values } end
  if #values == 0 then return true end
  for _, v in ipairs(values) do
    if test(v) then return true end
  end
  return false
end

-- Does q pass every filter given? generator, party, topic (a tag) and kind may each be a single
-- value or a list of alternatives.
function B.matches(q, f)
  return any(f.generator, function(g) return q.generator == g end)
    and any(f.party, function(p) return has(q.parties, p) end)
    and any(f.topic, function(t) return has(q.tags, t) end)
    and any(f.kind, function(k) return q.kind == k end)
end

-- The questions of bank that pass the filters f.
function B.filter(bank, f)
  local out = {}
  for _, q in ipairs(bank) do
    if B.matches(q, f) then out[#out + 1] = q end
  end
  return out
end

local function is_record(key)
  return type(key) == "string" and halqa.index.table_of[key] ~= nil
end

-- The questions that may be about the facts of fact_set (a set of record ids), for seed: those
-- of every key in fact_set and of every key that names no record (a generator's own grouping),
-- so not those of a record outside it. A lazy generator's questions for a record's key test that
-- record (tests/scripts/quiz_bank.lua holds every bundled generator to it).
function B.about(seed, fact_set)
  local out = {}
  local function take(q) out[#out + 1] = q end
  for _, g in ipairs(B.open_all(seed)) do
    for i, key in ipairs(g:keys()) do
      if fact_set[key] or not is_record(key) then g:build(key, take, i) end
    end
  end
  return out
end

-- The questions with the given ids, in that order, built from the generators their ids name
-- (an id begins with its generator's name); nil and the first id not found when one is missing.
function B.by_ids(seed, ids)
  local want, names = {}, {}
  for _, id in ipairs(ids) do
    want[id] = true
    names[#names + 1] = id:match("^([^.]+)") or id
  end
  local found = {}
  local known = {}
  for _, g in ipairs(B.generators()) do known[g.name] = true end
  for _, n in ipairs(names) do
    if not known[n] then names = nil break end -- a name with a dot in it, say: look everywhere
  end
  B.each(seed, function(q) if want[q.id] then found[q.id] = q end end, names)
  local out = {}
  for _, id in ipairs(ids) do
    if not found[id] then return nil, id end
    out[#out + 1] = found[id]
  end
  return out
end

return B
