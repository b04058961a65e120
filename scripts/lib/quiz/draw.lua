-- lib/quiz/draw.lua: which questions a session asks — drawn key by key, building only those.
--
-- A quiz, a drill, a worksheet and a circle ask a handful of questions of a bank that may hold a
-- million, so none of them builds the bank. The keys of every generator (what a lazy generator
-- asks about: lib/quiz/bank.lua) are numbered one after another; keys are drawn at random with
-- the session's seed, each drawn key's questions are built, filtered (--party, --topic, --kind;
-- --generator already chose the generators) and one that gives no other chosen question away is
-- taken, until there are enough. When random draws stop finding any, every key not yet tried is
-- walked in a seeded order, so a narrow filter still finds what there is, and the questions a
-- key had beside the one taken are used last. The same seed and filters give the same questions
-- in the same order; no more than the chosen keys' questions are kept.

local bank = require("lib.quiz.bank")
local giveaway = require("lib.quiz.giveaway")
local Q = require("lib.quiz.question")

local D = {}

local SPARE = 500 -- questions kept for a second pass, at most

local function gcd(a, b)
  while b ~= 0 do a, b = b, a % b end
  return a
end

-- The generators as numbered units: { gen, size, get(j, sink) }. A lazy generator's units are
-- its keys; a simple one is built whole here (it has no keys) and each question is a unit.
local function units_of(gens)
  local out, total = {}, 0
  for _, g in ipairs(gens) do
    local keys = g:keys()
    local u
    if #keys == 1 and keys[1] == "*" then
      local list = {}
      g:build("*", function(q) list[#list + 1] = q end)
      u = { size = #list, get = function(j, sink) sink(list[j]) end }
    else
      u = { size = #keys, get = function(j, sink) g:build(keys[j], sink, j) end }
    end
    u.first = total + 1
    total = total + u.size
    out[#out + 1] = u
  end
  return out, total
end

local function unit_at(units, n)
  for _, u in ipairs(units) do
    if n < u.first + u.size then return u, n - u.first + 1 end
  end
end

-- Up to opts.count questions (filters generator, party, topic, kind as bank.matches takes them)
-- for seed; nil and a message naming the filter that matches nothing.
function D.questions(opts, seed)
  local known = {}
  for _, g in ipairs(bank.generators()) do known[g.name] = true end
  for _, name in ipairs(opts.generator or {}) do
    if not known[name] then return nil, "no questions with generator '" .. name .. "'", "generator" end
  end
  for _, k in ipairs(opts.kind or {}) do
    if not Q.kinds[k] then return nil, "no questions with kind '" .. k .. "'", "kind" end
  end
  for _, p in ipairs(opts.party or {}) do
    if not parties[p] then return nil, "no party with id '" .. p .. "' (try CPP)", "party" end
  end
  local units, total = units_of(bank.open_all(seed, opts.generator))
  local rng = halqa.random(seed)
  local count = opts.count or 10
  local chosen, spare, tried, ntried = {}, {}, {}, 0
  local seen = { kind = {}, topic = {} }
  local function try(n)
    tried[n], ntried = true, ntried + 1
    local u, j = unit_at(units, n)
    local qs = {}
    u.get(j, function(q)
      seen.kind[q.kind] = true
      for _, t in ipairs(q.tags) do seen.topic[t] = true end
      if bank.matches(q, opts) then qs[#qs + 1] = q end
    end)
    if #qs == 0 then return end
    qs = rng:shuffle(qs)
    local taken = false
    for _, q in ipairs(qs) do
      if not taken and not giveaway.clashes(q, chosen) then
        chosen[#chosen + 1], taken = q, true
      elseif #spare < SPARE then
        spare[#spare + 1] = q
      end
    end
  end
  -- random draws while they keep finding untried keys
  local misses = 0
  while #chosen < count and ntried < total and misses < 3 * count + 20 do
    local n = rng:int(1, total)
    if tried[n] then misses = misses + 1 else try(n) end
  end
  -- then every key left, in a seeded order (a walk with a step coprime to the total)
  if #chosen < count and ntried < total then
    local start, step = rng:int(1, total), rng:int(1, total)
    while gcd(step, total) ~= 1 do step = step % total + 1 end
    for i = 0, total - 1 do
      if #chosen >= count then break end
      local n = (start - 1 + i * step) % total + 1
      if not tried[n] then try(n) end
    end
  end
  for _, q in ipairs(spare) do
    if #chosen >= count then break end
    if not giveaway.clashes(q, chosen) then chosen[#chosen + 1] = q end
  end
  if #chosen == 0 then
    for _, field in ipairs({ "kind", "topic" }) do
      for _, v in ipairs(opts[field] or {}) do
        if not seen[field][v] then return nil, "no questions with " .. field .. " '" .. v .. "'", field end
      end
    end
    return nil, "no questions match these filters together"
  end
  return chosen
end

return D
