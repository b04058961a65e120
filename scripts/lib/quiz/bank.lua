-- lib/quiz/bank.lua: the question bank — every question the installed generators make — and
-- the filters a quiz or an export applies to it.
--
-- Generators are the files in generators/ across the scripts search path (a user's own are
-- picked up like the bundled ones). Each gets its own random generator, seeded from the quiz seed
-- and its name, so adding a generator never changes the questions of another.

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals.
local ipairs, pairs, type, tostring, error = ipairs, pairs, type, tostring, error
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end
local string, halqa = plain(string), plain(halqa)

local Q = plain(require("lib.quiz.question"))

local B = {}

-- The generators as { name =, description =, generate = } tables, in name order.
function B.generators()
  local out = {}
  for _, modname in ipairs(halqa.scripts("generators")) do
    local gen = require(modname)
    local file = modname:match("([^.]+)$")
    if type(gen) ~= "table" or type(gen.generate) ~= "function" then
      error(string.format("generators/%s.lua must return a table with a generate function", file), 0)
    end
    out[#out + 1] = { name = gen.name or file, description = gen.description or "", generate = gen.generate,
                      cards = gen.cards == true }
  end
  return out
end

-- Calls sink(q) for every question, for one seed, without keeping them (an export of a large
-- dataset streams). Question ids are unique; a generator that repeats one is a bug.
function B.each(seed, sink)
  local gens = B.generators()
  -- An id begins with its generator's name and a dot, so the ids of two generators can only meet
  -- when they have one name, or one's is the other's followed by a dot. Else each generator's ids
  -- are checked among themselves, and let go when the next generator begins.
  local apart = true
  for i, a in ipairs(gens) do
    for j, b in ipairs(gens) do
      if i ~= j and (b.name == a.name or b.name:sub(1, #a.name + 1) == a.name .. ".") then apart = false end
    end
  end
  local seen = {}
  for _, gen in ipairs(gens) do
    if apart then seen = {} end
    local rng = halqa.random(tostring(seed) .. ":" .. gen.name)
    local ctx = Q.context(gen.name, rng, function(q)
      if seen[q.id] then error("generator '" .. gen.name .. "' made question id '" .. q.id .. "' twice", 0) end
      seen[q.id] = true
      sink(q)
    end)
    gen.generate(ctx)
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

return B
