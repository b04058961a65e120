-- lib/circle/topic.lua: study-circle topics. A topic is a file in circles/ across the scripts
-- search path (a user's own are found like the bundled ones) returning a table (fields below;
-- docs/scripting.md, "Writing a circle topic"). This file checks what a topic file returns and
-- builds it into what a session or a handout shows: facts, timeline, reading, questions, prompts.
--
--   title     what the circle is about                         (required)
--   events    ids of the events it covers: its timeline       (required, at least one)
--   records   parties, people and organizations it studies     (optional)
--   context   records that a question may name only beside one of the above (optional)
--   reading   function(r): r:say(template [, refs]), r:para()  (required; lib/circle/reading.lua)
--   prompts   two to four discussion questions, why and how    (required)
--   questions at most this many comprehension questions      (optional, default 8)
--   order     where it stands in the list (bundled: 10, 20, ...; optional, else after them)

local F = require("lib.quiz.facts")
local reading = require("lib.circle.reading")
local choose = require("lib.circle.questions")

local T = {}

T.DEFAULT_QUESTIONS = 8

-- The topic files: { id =, module = } for each circles/ID.lua, sorted by id.
function T.files()
  local out = {}
  for _, modname in ipairs(halqa.scripts("circles")) do
    out[#out + 1] = { id = modname:match("([^.]+)$"), module = modname }
  end
  table.sort(out, function(a, b) return a.id < b.id end)
  return out
end

-- The file of topic id, or nil.
function T.find(id)
  for _, f in ipairs(T.files()) do
    if f.id == id then return f end
  end
  return nil
end

local function ids_of(def, field, want_events, bad)
  local list = def[field]
  if list == nil then return {} end
  if type(list) ~= "table" then bad(field .. " must be a list of ids") end
  local out = {}
  for i, id in ipairs(list) do
    local t = type(id) == "string" and halqa.index.table_of[id]
    if not t or t == "sources" or (want_events and t ~= "events") or (not want_events and t == "events") then
      bad(string.format("%s[%d]: '%s' is not the id of %s", field, i, tostring(id),
        want_events and "an event" or "a party, person or organization"))
    end
    out[#out + 1] = id
  end
  return out
end

-- Loads a topic file and checks its fields; raises "circles/ID.lua: why". Returns a plain table.
function T.load(file)
  local def = require(file.module)
  local function bad(msg) error("circles/" .. file.id .. ".lua: " .. msg, 0) end
  if type(def) ~= "table" then bad("must return a table (see \"Writing a circle topic\" in docs/scripting.md)") end
  if def.id ~= nil and def.id ~= file.id then bad("its id '" .. tostring(def.id) .. "' is not its file name") end
  if type(def.title) ~= "string" or def.title == "" then bad("needs a title") end
  local evs = ids_of(def, "events", true, bad)
  if #evs == 0 then bad("needs events, the ids of the events it covers") end
  if type(def.reading) ~= "function" then bad("needs a reading: function(r) ... end") end
  local prompts = {}
  for i, p in ipairs(type(def.prompts) == "table" and def.prompts or {}) do
    if type(p) ~= "string" or p == "" then bad("prompts[" .. i .. "] must be a question in words") end
    prompts[i] = p
  end
  if #prompts < 2 or #prompts > 4 then bad("needs two to four discussion prompts, has " .. #prompts) end
  local max = def.questions == nil and T.DEFAULT_QUESTIONS or def.questions
  if math.type(max) ~= "integer" or max < 1 then bad("questions must be a whole number, at least 1") end
  if def.order ~= nil and type(def.order) ~= "number" then bad("order must be a number") end
  return { id = file.id, title = def.title, events = evs, records = ids_of(def, "records", false, bad),
           context = ids_of(def, "context", false, bad), reading = def.reading, prompts = prompts,
           max_questions = max, order = def.order or math.huge }
end

-- Builds a loaded topic against a question bank (lib.quiz.bank.build(seed)), or against a seed
-- alone, building only the questions that may be about the topic's facts (lib.quiz.bank.about):
-- { id, title, order, events (in date order), facts (events, records, context), fact_set,
--   focus_set, timeline = { { id, title, date (text, nil when the sources give none) } },
--   reading (lib/circle/reading.lua), words, minutes, questions, prompts }
function T.build(def, bank)
  local pos = {}
  for i, id in ipairs(halqa.index.events_by_date) do pos[id] = i end
  local evs = F.unique(def.events)
  table.sort(evs, function(a, b) return pos[a] < pos[b] end)
  local focus = F.copy(evs)
  for _, id in ipairs(def.records) do focus[#focus + 1] = id end
  focus = F.unique(focus)
  local facts = F.copy(focus)
  for _, id in ipairs(def.context) do facts[#facts + 1] = id end
  facts = F.unique(facts)
  local focus_set = F.set(focus)
  local timeline = {}
  for _, id in ipairs(evs) do
    local e = events[id]
    timeline[#timeline + 1] = { id = id, title = e.title, date = F.askable(e.date) and F.date(e.date) or nil,
                                sources = e.sources }
  end
  local ok, rd = pcall(reading.build, def.reading)
  if not ok then error("circles/" .. def.id .. ".lua: " .. tostring(rd), 0) end
  if type(bank) == "number" then bank = require("lib.quiz.bank").about(bank, F.set(facts)) end
  local cands = choose.candidates(bank, F.set(facts), focus_set)
  return {
    id = def.id, title = def.title, order = def.order, events = evs, facts = facts,
    fact_set = F.set(facts), focus_set = focus_set, timeline = timeline,
    reading = rd, words = reading.words(rd), minutes = reading.minutes(rd),
    questions = choose.choose(cands, focus, def.max_questions), prompts = def.prompts,
  }
end

-- Every topic, built, in list order (order, then id); and the problems of those that would not
-- load or build, one "circles/ID.lua: why" each.
function T.all(bank)
  local out, problems = {}, {}
  for _, file in ipairs(T.files()) do
    local ok, t = pcall(function() return T.build(T.load(file), bank) end)
    if ok then out[#out + 1] = t else problems[#problems + 1] = tostring(t) end
  end
  table.sort(out, function(a, b)
    if a.order ~= b.order then return a.order < b.order end
    return a.id < b.id
  end)
  return out, problems
end

-- One topic by id, built; nil when there is no such topic. A broken one raises its one-line
-- "circles/ID.lua: why" (as `circle --check` lists it), not a traceback of this file.
function T.get(id, bank)
  local file = T.find(id)
  if not file then return nil end
  local ok, t = pcall(function() return T.build(T.load(file), bank) end)
  if not ok then error(type(t) == "string" and { message = t, status = 1 } or t, 0) end
  return t
end

-- The ids of every topic, sorted, for messages.
function T.ids()
  local out = {}
  for _, f in ipairs(T.files()) do out[#out + 1] = f.id end
  return out
end

return T
