-- lib/circle/questions.lua: a topic's comprehension questions, taken from the quiz bank. A
-- question qualifies when every fact it tests is one of the topic's facts and at least one is
-- more than context; the few asked are spread over the topic's facts and over kinds of question,
-- and follow the topic's order. Which questions are chosen depends on their ids only, never on
-- the seed (which only orders the choices), so a handout and a session agree.

local giveaway = require("lib.quiz.giveaway")
local Q = {}

-- The template part of a question id: "dates.when" of "dates.when.cpp_founded".
local function template(q)
  return q.id:match("^([^.]+%.[^.]+)") or q.id
end

-- The questions of bank whose facts all lie in fact_set, with one at least in focus_set.
function Q.candidates(bank, fact_set, focus_set)
  local out = {}
  for _, q in ipairs(bank) do
    local inside, focused = true, false
    for _, f in ipairs(q.facts) do
      if not fact_set[f] then
        inside = false
        break
      end
      if focus_set[f] then focused = true end
    end
    if inside and focused then out[#out + 1] = q end
  end
  return out
end

-- Up to max of candidates: round after round, each fact of `order` (ids, the topic's order) gets
-- the question about it that adds the least-used kind and template (the bank's order breaks
-- ties). The result is sorted by the first of its facts in `order`.
function Q.choose(candidates, order, max)
  local rank = {}
  for i, id in ipairs(order) do rank[id] = rank[id] or i end
  local about = {}            -- fact -> candidates that test it
  for _, q in ipairs(candidates) do
    for _, f in ipairs(q.facts) do
      about[f] = about[f] or {}
      table.insert(about[f], q)
    end
  end
  local chosen, taken, kinds, templates = {}, {}, {}, {}
  local function cost(q)
    return (templates[template(q)] or 0) * 100 + (kinds[q.kind] or 0)
  end
  repeat
    local added = false
    for _, f in ipairs(order) do
      if #chosen >= max then break end
      local best
      for _, q in ipairs(about[f] or {}) do
        if not taken[q.id] and (not best or cost(q) < cost(best)) and not giveaway.clashes(q, chosen) then best = q end
      end
      if best then
        taken[best.id], added = true, true
        chosen[#chosen + 1] = best
        kinds[best.kind] = (kinds[best.kind] or 0) + 1
        templates[template(best)] = (templates[template(best)] or 0) + 1
      end
    end
  until not added or #chosen >= max
  local first, picked = {}, {}
  for i, q in ipairs(chosen) do
    picked[q.id] = i
    local r = math.huge
    for _, f in ipairs(q.facts) do r = math.min(r, rank[f] or math.huge) end
    first[q.id] = r
  end
  table.sort(chosen, function(a, b)
    if first[a.id] ~= first[b.id] then return first[a.id] < first[b.id] end
    return picked[a.id] < picked[b.id]
  end)
  return chosen
end

return Q
