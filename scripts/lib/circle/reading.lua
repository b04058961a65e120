-- lib/circle/reading.lua: a circle topic's reading. The topic writes each sentence in its own
-- words with placeholders that take names, dates and numbers from the dataset ("{when:cpp_founded}",
-- "{the:CPP}", "{jam_saqi.roles.1.title}"), so every sentence knows the records it states (its
-- refs) and cites their sources; then the reading is laid out for the terminal or for Markdown.
--
-- A placeholder is {PATH} or {FORM:PATH}. PATH is a record id, optionally followed by fields
-- (".roles.1.title", ".figures.2.value"). Forms:
--   (none)  a record's name (an event's title); a field as it is (a date at its own precision)
--   the     "the CPP"; a person or a publication bare         short  "CPP"  (its abbreviation)
--   long    "Communist Party of Pakistan (CPP)"                 when   "on 6 March 1948", "in the 1950s"
--   year    a date's year (refused for a decade)               words  a number in words ("ten")
--   lower   a field in lower case ("general secretary")
-- A date the sources do not give (inferred) is refused: a reading never states one.

local F = require("lib.quiz.facts")

local R = {}

local WORDS = { [0] = "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty" }

local DATE_KEYS = { year = true, month = true, day = true, part = true, decade = true, inferred = true }

-- Whether v is a dataset date ({ year =, month =, ... } and nothing else).
function R.is_date(v)
  if type(v) ~= "table" or type(v.year) ~= "number" then return false end
  for k in pairs(v) do
    if not DATE_KEYS[k] then return false end
  end
  return true
end

-- "3,000" for a whole number of four digits or more, so that no count reads like a year.
local function number_text(n)
  if math.type(n) ~= "integer" then return tostring(n) end
  local s = string.format("%d", math.abs(n))
  if #s >= 4 then s = s:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "") end
  return (n < 0 and "-" or "") .. s
end

-- The value at PATH: value, record id, the citations of the nearest table on the way that has its
-- own sources, and whether PATH names a field. Raises when something is missing.
local function resolve(path)
  local id, rest = path:match("^([%a][%w_]*)(.*)$")
  if not id or rest:gsub("%.[^.]+", "") ~= "" then error("'" .. path .. "' is not ID or ID.field.field", 0) end
  local v = F.record(id)
  if not v then error("no record '" .. id .. "' in the dataset", 0) end
  local cite = v.sources
  for key in rest:gmatch("%.([^.]+)") do
    if type(v) ~= "table" then error("'" .. path .. "': '" .. key .. "' is not a field of a table", 0) end
    v = v[math.tointeger(tonumber(key)) or key]
    if v == nil then error("'" .. path .. "': no field '" .. key .. "'", 0) end
    if type(v) == "table" and v.sources then cite = v.sources end
  end
  return v, id, cite, rest ~= ""
end

-- A date that may be stated, or an error naming the placeholder.
local function stated(d, ph)
  if not R.is_date(d) then error("{" .. ph .. "} is not a date", 0) end
  if d.inferred then error("{" .. ph .. "} states a date the sources do not give (inferred)", 0) end
  return d
end

-- The date a bare record stands for: an event's date, a party's or organization's founding.
local function date_of(v, id, ph)
  if R.is_date(v) then return v end
  if type(v) == "table" then return v.date or v.founded or error("{" .. ph .. "}: '" .. id .. "' has no date", 0) end
  error("{" .. ph .. "} is not a date", 0)
end

local function plain_value(v, ph)
  if R.is_date(v) then return F.date(stated(v, ph)) end
  if type(v) == "string" then return v end
  if type(v) == "number" then return number_text(v) end
  error("{" .. ph .. "} is a table, not a name, date, number or text", 0)
end

-- Each form: (value, id, is_field, placeholder) -> text.
local FORMS = {
  [""] = function(v, id, field, ph)
    if not field then return F.name(id) end
    return plain_value(v, ph)
  end,
  the = function(_, id, field, ph)
    if field then error("{" .. ph .. "}: 'the' takes a record id, not a field", 0) end
    local org = organizations[id]
    if people[id] or (org and org.kind == "publication") then return F.name(id) end
    return "the " .. F.short_name(id)
  end,
  short = function(_, id) return F.short_name(id) end,
  long = function(_, id) return F.long_name(id) end,
  when = function(v, id, _, ph) return F.when(stated(date_of(v, id, ph), ph)) end,
  year = function(v, id, _, ph)
    local d = stated(date_of(v, id, ph), ph)
    if d.decade then error("{" .. ph .. "}: the date gives a decade, not a year", 0) end
    return string.format("%d", d.year)
  end,
  words = function(v, _, _, ph)
    if math.type(v) ~= "integer" then error("{" .. ph .. "} is not a whole number", 0) end
    return WORDS[v] or number_text(v)
  end,
  lower = function(v, _, _, ph) return plain_value(v, ph):lower() end,
}
-- A bare name states nothing by itself: it adds a ref but no citation.
local NAMING = { [""] = true, the = true, short = true, long = true }

-- One sentence from a template and extra refs (ids, or paths for a precise citation: a role, a
-- claim). Returns { text =, refs = { ids }, sources = { citations } }.
function R.sentence(template, extra)
  local refs, seen, cites = {}, {}, {}
  local function ref(id)
    if not seen[id] then seen[id], refs[#refs + 1] = true, id end
  end
  local text = template:gsub("{([^{}]*)}", function(ph)
    local form, path = ph:match("^(%a+):(.+)$")
    if not form then form, path = "", ph end
    local fn = FORMS[form]
    if not fn then error("{" .. ph .. "}: unknown form '" .. form .. "'", 0) end
    local v, id, cite, field = resolve(path)
    ref(id)
    if field or not NAMING[form] then cites[#cites + 1] = cite end
    return fn(v, id, field, ph)
  end)
  if text:find("[{}]") then error("unbalanced braces in \"" .. template .. "\"", 0) end
  local listed = {}
  for _, path in ipairs(extra or {}) do
    local _, id, cite, field = resolve(path)
    ref(id)
    if field or events[id] then cites[#cites + 1] = cite else listed[#listed + 1] = cite end
  end
  if #refs == 0 then error("\"" .. template .. "\" names no record: give its refs", 0) end
  -- With nothing more precise, the sentence cites the records listed as its refs, else every
  -- record it names.
  if #cites == 0 then cites = listed end
  if #cites == 0 then
    for _, id in ipairs(refs) do cites[#cites + 1] = F.record(id).sources end
  end
  return { text = F.capital(text), refs = refs, sources = F.merge_sources(cites) }
end

-- Runs a topic's reading function with a builder: r:say(template [, refs]) adds a sentence,
-- r:para() starts a new paragraph. Returns { paragraphs = { { sentence, ... }, ... } }; an error
-- in a sentence is raised as "reading, paragraph P, sentence S: why".
function R.build(fn)
  local paragraphs = { {} }
  local builder = {}
  function builder:para()
    if #paragraphs[#paragraphs] > 0 then paragraphs[#paragraphs + 1] = {} end
  end
  function builder:say(template, refs)
    if type(template) ~= "string" then error("r:say needs the sentence as a string", 2) end
    local cur = paragraphs[#paragraphs]
    local ok, s = pcall(R.sentence, template, refs)
    if not ok then
      error(string.format("reading, paragraph %d, sentence %d: %s", #paragraphs, #cur + 1, tostring(s)), 0)
    end
    cur[#cur + 1] = s
  end
  fn(builder)
  if #paragraphs[#paragraphs] == 0 then paragraphs[#paragraphs] = nil end
  if #paragraphs == 0 then error("reading: the reading has no sentences", 0) end
  return { paragraphs = paragraphs }
end

-- Every sentence, in order.
function R.sentences(reading)
  local out = {}
  for _, p in ipairs(reading.paragraphs) do
    for _, s in ipairs(p) do out[#out + 1] = s end
  end
  return out
end

-- Words in the reading, and the minutes it takes at 200 words a minute (rounded up).
function R.words(reading)
  local n = 0
  for _, s in ipairs(R.sentences(reading)) do
    for _ in s.text:gmatch("%S+") do n = n + 1 end
  end
  return n
end

function R.minutes(reading)
  return math.max(1, math.ceil(R.words(reading) / 200))
end

-- Numbers the citations in order of first use: each sentence's marks ({ 1, 3 }) and the notes,
-- one citation each ("001_694f58b42979dfb4.txt, \"History\""; cite, when given, writes it instead:
-- lib/cite.lua's titles for a screen).
function R.notes(reading, cite)
  local number, notes, marks = {}, {}, {}
  for i, s in ipairs(R.sentences(reading)) do
    local m = {}
    for _, c in ipairs(s.sources) do
      local key = c[1] .. "\0" .. c[2]
      if not number[key] then
        notes[#notes + 1] = (cite or F.cite)({ c })
        number[key] = #notes
      end
      m[#m + 1] = number[key]
    end
    table.sort(m)
    marks[i] = m
  end
  return marks, notes
end

-- Paragraphs as strings, each sentence (through escape, when given: Markdown) followed by its
-- citation marks ("[1,2]").
function R.paragraph_texts(reading, escape)
  local marks = R.notes(reading)
  local out, i = {}, 0
  for _, p in ipairs(reading.paragraphs) do
    local parts = {}
    for _, s in ipairs(p) do
      i = i + 1
      parts[#parts + 1] = (escape and escape(s.text) or s.text) .. " [" .. table.concat(marks[i], ",") .. "]"
    end
    out[#out + 1] = table.concat(parts, " ")
  end
  return out
end

return R
