-- lib/quiz/facts.lua: reading the dataset the way questions need it — names, dates, citations,
-- and which parties a fact belongs to. Generators use these so every question words facts alike.

local F = {}

local table_of = halqa.index.table_of
local tables = { parties = parties, people = people, organizations = organizations, events = events,
                 sources = sources }

-- The record behind any id, or nil.
function F.record(id)
  local t = table_of[id]
  return t and tables[t][id]
end

-- How a record is named in a question: its name (events: their title).
function F.name(id)
  local r = F.record(id)
  if not r then return id end
  return r.name or r.title or id
end

-- A record's name with its abbreviation, when it has one: "Communist Party of Pakistan (CPP)".
function F.long_name(id)
  local r = F.record(id)
  if r and r.abbr and r.abbr ~= r.name then return r.name .. " (" .. r.abbr .. ")" end
  return F.name(id)
end

-- The names a grader should also accept for a record: aliases and abbreviation.
function F.accepted(id)
  local r = F.record(id)
  local out = {}
  if not r then return out end
  if r.abbr then out[#out + 1] = r.abbr end
  for _, a in ipairs(r.aliases or {}) do out[#out + 1] = a end
  return out
end

-- A date in words at its own precision ("6 March 1948", "late 2009").
function F.date(d)
  return halqa.format_date(d)
end

-- Whether a date may be asked about: it must come from a source, not be placed from context.
function F.askable(d)
  return d ~= nil and not d.inferred
end

-- A citation list as text: 001_694f58b42979dfb4.txt, "History"; 002_....txt, "whole document".
function F.cite(list)
  local parts = {}
  for _, c in ipairs(list or {}) do
    local src = sources[c[1]]
    parts[#parts + 1] = string.format('%s, "%s"', src and src.file or c[1], c[2])
  end
  return table.concat(parts, "; ")
end

-- The parties a record or event concerns, as a set { id = true }.
function F.parties_of(id)
  local set = {}
  local t, r = table_of[id], F.record(id)
  if not r then return set end
  if t == "parties" then
    set[id] = true
  elseif t == "people" then
    for _, role in ipairs(r.roles or {}) do
      if role.party then set[role.party] = true end
    end
  elseif t == "organizations" then
    if r.party then set[r.party] = true end
  elseif t == "events" then
    for _, p in ipairs(r.parties or {}) do set[p] = true end
    for _, p in ipairs(r.from or {}) do
      if table_of[p] == "parties" then set[p] = true end
    end
    if r.formed and table_of[r.formed] == "parties" then set[r.formed] = true end
  end
  return set
end

-- The event that records a party's founding, if the data has one (its citations are the precise
-- ones; a party record cites every section that mentions the party).
function F.founding_event(party)
  for _, id in ipairs(halqa.index.events_of[party] or {}) do
    local e = events[id]
    if e.kind == "founding" and (e.formed == party or (e.parties and e.parties[1] == party)) then return id end
  end
  return nil
end

-- The ids of every record of one table, sorted, so generators walk the data in a fixed order.
function F.ids(tname)
  local out = {}
  for id in pairs(tables[tname]) do out[#out + 1] = id end
  table.sort(out)
  return out
end

-- Lists as sets and back.
function F.set(list)
  local s = {}
  for _, v in ipairs(list or {}) do s[v] = true end
  return s
end

function F.sorted_keys(set)
  local out = {}
  for k in pairs(set) do out[#out + 1] = k end
  table.sort(out)
  return out
end

return F
