-- lib/quiz/pick.lua: choosing wrong answers (distractors) that the data cannot make right.
--
-- Distractors drawn from tiers or from a ranked pool, the parties tied to a party (which never
-- stand in for it), and the records named around a date (too likely to be right to offer).
--
-- How many candidates a question has depends only on the data, never on the seed; the seed only
-- draws among them, so another seed keeps the same question ids.

local F = require("lib.quiz.facts")

local P = {}

-- Picks up to n distractor ids for `answers`. Candidates come in tiers (lists of ids in a fixed
-- order), the more plausible first; ok(id) must accept a candidate, and no two choices may share
-- a name. Returns nil when fewer than `least` (default n) exist.
function P.pick(rng, n, answers, tiers, ok, least)
  local reps, seen = {}, {}
  for t, tier in ipairs(tiers) do
    for _, id in ipairs(tier) do
      if not seen[id] then
        seen[id] = true
        local fine = ok(id)
        for _, a in ipairs(answers) do
          if fine and F.share_name(id, a) then fine = false end
        end
        for _, r in ipairs(reps) do
          if fine and F.share_name(id, r.id) then fine = false end
        end
        if fine then reps[#reps + 1] = { id = id, tier = t } end
      end
    end
  end
  if #reps < (least or n) then return nil end
  local out = {}
  for t = 1, #tiers do
    local need = n - #out
    if need <= 0 then break end
    local here = {}
    for _, r in ipairs(reps) do
      if r.tier == t then here[#here + 1] = r.id end
    end
    for _, id in ipairs(rng:sample(here, math.min(need, #here))) do out[#out + 1] = id end
  end
  return out
end

-- Sorts candidates by a key list (smaller first), then by id, so a pool is fixed by the data.
function P.ranked(candidates, key)
  local keyed = {}
  for i, c in ipairs(candidates) do keyed[i] = { c = c, k = key(c) } end
  table.sort(keyed, function(x, y)
    for i = 1, #x.k do
      if x.k[i] ~= y.k[i] then return x.k[i] < y.k[i] end
    end
    return x.c < y.c
  end)
  local out = {}
  for i, v in ipairs(keyed) do out[i] = v.c end
  return out
end

-- Draws k from the best `width` (default k + 2) of a ranked pool; nil when the pool is too small
-- (skip the question).
function P.draw(rng, pool, k, width)
  if #pool < k then return nil end
  local top = {}
  for i = 1, math.min(#pool, width or (k + 2)) do top[i] = pool[i] end
  return rng:sample(top, k)
end

-- The parties tied to party x by a split or a merger, either way, and x itself.
function P.lineage(x)
  local s = { [x] = true }
  local px = parties[x]
  for _, y in ipairs(px.split_from or {}) do s[y] = true end
  for _, y in ipairs(px.merged_from or {}) do s[y] = true end
  if px.merged_into then s[px.merged_into] = true end
  for _, y in ipairs(F.ids("parties")) do
    local py = parties[y]
    if py.merged_into == x or F.set(py.split_from)[x] or F.set(py.merged_from)[x] then s[y] = true end
  end
  return s
end

-- The parties tied to x: its lineage, and those named with it in an event (the CPP's people were
-- in the CMKP, so one is never the wrong answer for the other). For anything but a party, x alone.
local related_cache = {}
function P.related(x)
  if related_cache[x] then return related_cache[x] end
  local s = { [x] = true }
  if parties[x] then
    s = P.lineage(x)
    for _, e in ipairs(halqa.index.events_of[x] or {}) do
      for _, y in ipairs(F.event_parties(events[e])) do s[y] = true end
    end
  end
  related_cache[x] = s
  return s
end

-- Whether y is none of the parties in `set` and goes by none of their names (the MKP of 1978 and
-- the MKP group that came out of it), so it may stand in for them as a wrong answer.
function P.apart(y, set)
  if set[y] then return false end
  for x in pairs(set) do
    if F.share_name(y, x) then return false end
  end
  return true
end

-- Whether an event within three years of `year` names id in its `field` ("people",
-- "organizations"): a record of the same moment is too likely to belong to an event to be offered
-- as one it is not in.
local years_named = {}
function P.named_near(field, id, year)
  if not years_named[field] then
    local near = {}
    for _, eid in ipairs(halqa.index.events_by_date) do
      for _, x in ipairs(events[eid][field] or {}) do
        near[x] = near[x] or {}
        near[x][#near[x] + 1] = events[eid].date.year
      end
    end
    years_named[field] = near
  end
  for _, y in ipairs(years_named[field][id] or {}) do
    if math.abs(y - year) <= 3 then return true end
  end
  return false
end

return P
