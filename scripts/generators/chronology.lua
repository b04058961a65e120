-- generators/chronology.lua: put events in date order. Each question holds 3 to 5 events whose
-- dates a source gives (never an inferred one), in different years, and whose order is certain:
-- every event must end before the next may begin, so "mid-1960s" and "1966", or "1950s" and
-- "1957", never meet in one question. An event whose title holds a year is left out, since the
-- title would give its place away.
--
-- Which events go together is fixed by the data, not by the seed, so question ids (built from the
-- events chosen) stay the same for every seed; the seed (ctx.rng) shuffles the items shown.
-- Two kinds of set: runs of neighbouring events (close in time, harder), and spreads across the
-- whole timeline (easier, a sense of the whole).

local F = require("lib.quiz.facts")

-- Event a comes surely before event b.
local function before(a, b)
  return F.before(events[a].date, events[b].date)
end

-- Neighbours: from each start, the next events that come surely after the last one taken.
local function runs(list, groups)
  local sizes = { 3, 4, 5 }
  local turn = 0
  for start = 1, #list, 2 do
    turn = turn + 1
    local k = sizes[(turn - 1) % #sizes + 1]
    local group = { list[start] }
    for j = start + 1, #list do
      if #group == k then break end
      if before(group[#group], list[j]) then group[#group + 1] = list[j] end
    end
    if #group >= 3 then groups[#groups + 1] = group end
  end
end

-- Spreads: five events at even steps along the timeline, each moved on to the first that comes
-- surely after the one before.
local function spreads(list, groups, count)
  local n = #list
  if n < 5 + count then return end
  for r = 0, count - 1 do
    local group = {}
    for i = 0, 4 do
      local pos = 1 + r + math.floor(i * (n - 1 - count) / 4)
      while pos <= n and #group > 0 and not before(group[#group], list[pos]) do pos = pos + 1 end
      if pos <= n and (#group == 0 or before(group[#group], list[pos])) then group[#group + 1] = list[pos] end
    end
    if #group >= 3 then groups[#groups + 1] = group end
  end
end

-- "chronology" and the topics of the events in the set, so a quiz on splits can include it.
local function topics(ids)
  local out, seen = { "chronology" }, { chronology = true }
  for _, id in ipairs(ids) do
    local t = F.kind_tags(events[id].kind)[1]
    if t and not seen[t] then
      seen[t] = true
      out[#out + 1] = t
    end
  end
  return out
end

return {
  name = "chronology",
  description = "Put three to five events in date order",
  generate = function(ctx)
    local list = F.timeline()
    local groups = {}
    runs(list, groups)
    spreads(list, groups, 6)
    -- A set that shares more than two events with an earlier question is left out, so no two
    -- questions are nearly the same.
    local accepted = {}
    for _, group in ipairs(groups) do
      local fresh = true
      for _, earlier in ipairs(accepted) do
        local shared = 0
        for _, id in ipairs(group) do
          if earlier[id] then shared = shared + 1 end
        end
        if shared > 2 or shared == #group then fresh = false end
      end
      if fresh then
        accepted[#accepted + 1] = F.set(group)
        local items, told = {}, {}
        for i, id in ipairs(group) do
          items[i] = events[id].title
          told[i] = events[id].title .. " (" .. F.date(events[id].date) .. ")"
        end
        ctx:order{
          template = "order", facts = group,
          prompt = "Put these events in date order, earliest first.",
          items = items,
          explanation = "Earliest first: " .. table.concat(told, "; ") .. ".",
          sources = F.merge_sources(F.map(group, function(id) return events[id].sources end)),
          tags = topics(group),
        }
      end
    end
  end,
}
