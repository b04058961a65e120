-- tests/scripts/dataset_walk.lua: walks every reference and every date of the bundled dataset from a
-- script's point of view (through the frozen tables and halqa.index), independently of the C
-- validator. Run as `halqa tests/scripts/dataset_walk.lua`; prints "N passed, N failed".

local passed, failed = 0, 0
local function check(ok, what)
  if ok then
    passed = passed + 1
  else
    failed = failed + 1
    print("FAIL: " .. what)
  end
end

local tables = { parties = parties, people = people, organizations = organizations, events = events, sources = sources }

-- Which fields hold references, and into which tables (see docs/dataset.md).
local refs = {
  parties = { founders = "people", student_wing = "organizations", national_affiliations = "organizations",
              international_affiliations = "organizations", publications = "organizations",
              split_from = "parties", merged_from = "parties", merged_into = "parties" },
  organizations = { party = "parties" },
  events = { parties = "parties", people = "people", organizations = "organizations",
             from = "parties|organizations", formed = "parties|organizations" },
  roles = { party = "parties", organization = "organizations" },
}
local date_fields = { parties = { "founded", "dissolved" }, organizations = { "founded" }, events = { "date" },
                      roles = { "from", "to" } }

local function exists(id, into)
  for t in into:gmatch("[^|]+") do
    if tables[t][id] then return true end
  end
  return false
end

local function walk_refs(rec, spec, where)
  for field, into in pairs(spec) do
    local v = rec[field]
    if type(v) == "string" then
      check(exists(v, into), where .. "." .. field .. " -> " .. v)
    elseif type(v) == "table" then
      for i, id in ipairs(v) do check(exists(id, into), where .. "." .. field .. "[" .. i .. "] -> " .. id) end
    end
  end
end

local function valid_date(d)
  if type(d.year) ~= "number" or math.type(d.year) ~= "integer" then return false end
  if d.day and not d.month then return false end
  if d.month and (d.month < 1 or d.month > 12) then return false end
  if d.day then
    local days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
    local leap = d.year % 4 == 0 and (d.year % 100 ~= 0 or d.year % 400 == 0)
    local max = (d.month == 2 and leap) and 29 or days[d.month]
    if d.day < 1 or d.day > max then return false end
  end
  if (d.part or d.decade) and d.month then return false end
  if d.decade and (d.year < d.decade or d.year > d.decade + 9) then return false end
  return true
end

local function walk_dates(rec, fields, where)
  for _, f in ipairs(fields) do
    if rec[f] then check(valid_date(rec[f]), where .. "." .. f .. " is a valid date") end
  end
end

local function walk_citations(list, where)
  check(list ~= nil and #list > 0, where .. " has sources")
  for i, c in ipairs(list or {}) do
    local src = sources[c[1]]
    local found = false
    for _, s in ipairs(src and src.sections or {}) do found = found or s == c[2] end
    check(found, where .. ".sources[" .. i .. "] names a real section")
  end
end

for tname, t in pairs(tables) do
  for id, rec in pairs(t) do
    local where = tname .. "." .. id
    check(rec.id == id, where .. " knows its own id")
    check(halqa.index.table_of[id] == tname, where .. " is indexed in table_of")
    if tname ~= "sources" then walk_citations(rec.sources, where) end
    if refs[tname] then walk_refs(rec, refs[tname], where) end
    if date_fields[tname] then walk_dates(rec, date_fields[tname], where) end
    for i, role in ipairs(rec.roles or {}) do
      walk_refs(role, refs.roles, where .. ".roles[" .. i .. "]")
      walk_dates(role, date_fields.roles, where .. ".roles[" .. i .. "]")
    end
  end
end

-- The indices agree with the records.
local order = halqa.index.events_by_date
local n = 0
for _ in pairs(events) do n = n + 1 end
check(#order == n, "events_by_date lists every event")
for i = 2, #order do
  check(events[order[i - 1]].date.year <= events[order[i]].date.year, "events_by_date is in date order at " .. i)
end
for year, ids in pairs(halqa.index.events_by_year) do
  for _, id in ipairs(ids) do check(events[id].date.year == year, "events_by_year[" .. year .. "] holds " .. id) end
end
for party, ids in pairs(halqa.index.people_by_party) do
  check(parties[party] ~= nil, "people_by_party names a party: " .. party)
  for _, pid in ipairs(ids) do check(people[pid] ~= nil, "people_by_party[" .. party .. "] -> " .. pid) end
end

print(string.format("%d passed, %d failed", passed, failed))
if failed > 0 then error("the dataset walk found problems", 0) end
