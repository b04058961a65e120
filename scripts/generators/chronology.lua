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

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals.
local ipairs, pairs = ipairs, pairs
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end
local table, math = plain(table), plain(math)
local events = events

local F = plain(require("lib.quiz.facts"))

-- Event a comes surely before event b.
local function before(a, b)
  return F.before(events[a].date, events[b].date)
end

-- The first position from `pos` on whose event comes surely after event `id` (one that begins
-- after id's last year), or #list + 1. The events of one year are not walked one by one: `most`
-- (first_years) holds the latest first year of every run of 2^k events, so whole runs that all
-- begin too early are passed over.
local function next_after(most, id, pos)
  local _, last = F.interval(events[id].date)
  for k = #most, 0, -1 do
    local m = most[k]
    if m[pos] and m[pos] <= last then pos = pos + (1 << k) end
  end
  return pos
end

-- most[k][i]: the latest first year (F.interval) of the events i .. i + 2^k - 1 of the list.
local function first_years(list)
  local most = { [0] = {} }
  for i, id in ipairs(list) do most[0][i] = F.interval(events[id].date) end
  local k, n = 0, #list
  while (1 << (k + 1)) <= n do
    local prev, here, half = most[k], {}, 1 << k
    for i = 1, n - 2 * half + 1 do here[i] = math.max(prev[i], prev[i + half]) end
    k = k + 1
    most[k] = here
  end
  return most
end

-- Neighbours: from each start, the next events that come surely after the last one taken.
local function runs(list, groups, most)
  local sizes = { 3, 4, 5 }
  local turn = 0
  for start = 1, #list, 2 do
    turn = turn + 1
    local k = sizes[(turn - 1) % #sizes + 1]
    local group = { list[start] }
    local j = start + 1
    while #group < k do
      j = next_after(most, group[#group], j)
      if j > #list then break end
      group[#group + 1] = list[j]
      j = j + 1
    end
    if #group >= 3 then groups[#groups + 1] = group end
  end
end

-- Spreads: five events at even steps along the timeline, each moved on to the first that comes
-- surely after the one before.
local function spreads(list, groups, count, most)
  local n = #list
  if n < 5 + count then return end
  for r = 0, count - 1 do
    local group = {}
    for i = 0, 4 do
      local pos = 1 + r + math.floor(i * (n - 1 - count) / 4)
      if #group > 0 and pos <= n then pos = next_after(most, group[#group], pos) end
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
  lazy = function(ctx) -- the lazy form (docs/scripting.md): the groups kept are the keys
    local list = F.timeline()
    local most = first_years(list)
    local groups = {}
    runs(list, groups, most)
    spreads(list, groups, 6, most)
    -- A set that shares more than two events with an earlier question (or all of its own, which
    -- for a set of three or more is the same) is left out, so no two questions are nearly the
    -- same: it is one that has three events together that an earlier question had, so the
    -- threes of every question taken are kept.
    local threes = {}
    local function each_three(group, fn)
      local ids = F.copy(group)
      table.sort(ids)
      for i = 1, #ids - 2 do
        for j = i + 1, #ids - 1 do
          for k = j + 1, #ids do
            if fn(ids[i] .. "\0" .. ids[j] .. "\0" .. ids[k]) then return true end
          end
        end
      end
      return false
    end
    local kept = {} -- which groups make a question depends on the order only: decided here
    for _, group in ipairs(groups) do
      if not each_three(group, function(key) return threes[key] end) then
        each_three(group, function(key) threes[key] = true end)
        kept[#kept + 1] = group
      end
    end
    return kept, function(group)
      do
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
