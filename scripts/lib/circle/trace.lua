-- lib/circle/trace.lua: checks that a built topic says only what the dataset holds. Each
-- sentence of the reading: its refs exist; it cites only citations its refs carry; every year,
-- decade and month it writes is a date (given by a source, not inferred) of one of its refs; every
-- party, person or organization it names is one of its refs. And: the questions test only the
-- topic's facts, and the timeline is in date order. `circle --check` and the tests use it.

local F = require("lib.quiz.facts")
local reading = require("lib.circle.reading")

local C = {}

local MONTHS = { January = 1, February = 2, March = 3, April = 4, May = 5, June = 6, July = 7,
                 August = 8, September = 9, October = 10, November = 11, December = 12 }

-- Every date in a record, at any depth, that a source gives (an election's year counts), and
-- every citation in it.
local function walk(v, dates, cites, seen)
  if type(v) ~= "table" or seen[v] then return end
  seen[v] = true
  if reading.is_date(v) then
    if not v.inferred then dates[#dates + 1] = v end
    return
  end
  if type(v.election) == "string" and math.type(v.year) == "integer" then dates[#dates + 1] = { year = v.year } end
  if type(v.sources) == "table" then
    for _, c in ipairs(v.sources) do cites[c[1] .. "\0" .. c[2]] = true end
  end
  for _, x in pairs(v) do walk(x, dates, cites, seen) end
end

local function facts_of(refs)
  local dates, cites = {}, {}
  for _, id in ipairs(refs) do
    local r = F.record(id)
    if r then walk(r, dates, cites, {}) end
  end
  return dates, cites
end

local function year_given(dates, y)
  for _, d in ipairs(dates) do
    if not d.decade and d.year == y then return true end
  end
  return false
end

local function decade_given(dates, y)
  if y % 10 ~= 0 then return false end
  for _, d in ipairs(dates) do
    if d.decade == y or (not d.decade and d.year >= y and d.year <= y + 9) then return true end
  end
  return false
end

local function month_given(dates, day, month, y)
  for _, d in ipairs(dates) do
    if d.year == y and d.month == month and (day == nil or d.day == day) then return true end
  end
  return false
end

-- The text, normalized, with every name of the refs taken out (longest first), so that what is
-- left names only records that are not refs: "Communist Mazdoor Kissan Party" names the CMKP,
-- not the Mazdoor Kissan Party its last words spell.
local function without_names(text, refs)
  local keys = {}
  for _, id in ipairs(refs) do
    if F.record(id) and not events[id] then
      for _, k in ipairs(F.name_keys(id)) do keys[#keys + 1] = k end
    end
  end
  table.sort(keys, function(a, b) return #a > #b end)
  local flat = " " .. halqa.normalize((text:gsub("['’]s%f[%A]", ""))) .. " "
  for _, k in ipairs(keys) do
    local from = 1
    while true do
      local a, b = flat:find(" " .. k .. " ", from, true)
      if not a then break end
      flat = flat:sub(1, a) .. "0" .. flat:sub(b)
      from = a + 1
    end
  end
  return flat
end

-- The problems of one sentence, as strings.
function C.sentence(s)
  local out = {}
  local function problem(msg) out[#out + 1] = msg .. ": \"" .. s.text .. "\"" end
  if #s.refs == 0 then problem("no refs") end
  for _, id in ipairs(s.refs) do
    if not F.record(id) then problem("ref '" .. tostring(id) .. "' is not in the dataset") end
  end
  local dates, cites = facts_of(s.refs)
  if #s.sources == 0 then problem("no citation") end
  for _, c in ipairs(s.sources) do
    if not cites[c[1] .. "\0" .. c[2]] then problem("cites " .. F.cite({ c }) .. ", which none of its refs carries") end
  end
  for num, decade in s.text:gmatch("%f[%d](%d%d%d%d)%f[%D](s?)") do
    local y = tonumber(num)
    if y >= 1800 and y <= 2100 then
      if decade == "s" then
        if not decade_given(dates, y) then problem("the " .. num .. "s are no date of its refs") end
      elseif not year_given(dates, y) then
        problem(num .. " is no year its refs give")
      end
    end
  end
  for day, month, num in s.text:gmatch("(%d*)%s*(%u%l+) (%d%d%d%d)") do
    if MONTHS[month] and not month_given(dates, tonumber(day), MONTHS[month], tonumber(num)) then
      problem((day ~= "" and day .. " " or "") .. month .. " " .. num .. " is no date its refs give")
    end
  end
  local mine = F.set(s.refs)
  for _, id in ipairs(F.mentioned(without_names(s.text, s.refs))) do
    local ok = mine[id]
    for _, r in ipairs(s.refs) do
      if not ok and F.record(r) and not events[r] and F.share_name(id, r) then ok = true end
    end
    if not ok then problem("names " .. F.name(id) .. " (" .. id .. "), which is not among its refs") end
  end
  return out
end

-- Every problem of a built topic (lib/circle/topic.lua), "ID: what" each; an empty list when
-- it is sound.
function C.topic(t)
  local out = {}
  local function add(msg) out[#out + 1] = t.id .. ": " .. msg end
  for i, s in ipairs(reading.sentences(t.reading)) do
    for _, p in ipairs(C.sentence(s)) do add("sentence " .. i .. ": " .. p) end
  end
  if #t.questions == 0 then add("no question of the bank tests only its facts") end
  for _, q in ipairs(t.questions) do
    for _, f in ipairs(q.facts) do
      if not t.fact_set[f] then add("question " .. q.id .. " tests '" .. f .. "', not one of its facts") end
    end
  end
  if #t.prompts < 2 or #t.prompts > 4 then add(#t.prompts .. " discussion prompts, not two to four") end
  for i = 2, #t.timeline do
    local a, b = events[t.timeline[i - 1].id], events[t.timeline[i].id]
    if F.before(b.date, a.date) then add("timeline: " .. b.id .. " comes before " .. a.id) end
  end
  return out
end

return C
