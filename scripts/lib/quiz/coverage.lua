-- lib/quiz/coverage.lua: which fields of which records the bank asks. A question asks the fields
-- its template names below (or the ones it lists itself in q.asks, "table.field"), of the
-- records among its facts that hold them; a record's name is asked when it is an answer.
-- Fields that are not facts to learn (ids, notes, summaries, sources, file names, rendering
-- hints, and aliases, which are spellings the grader accepts) are not counted; nor are the fields
-- C.excluded gives a reason for (docs/dataset.md, "What the bank asks").

local C = {}

C.not_facts = { id = true, note = true, summary = true, sources = true, logo = true, flag = true,
                colour_code = true, aliases = true, native_lang = true, doubtful = true }

-- generator.template -> the fields it asks (each of whichever of its facts holds the field)
C.asks = {
  ["chronology.order"] = { "date" }, ["linked.years_between"] = { "date" }, ["linked.came_first"] = { "date" }, ["dates.when"] = { "date" }, ["dates.year"] = { "date" },
  ["dates.year_tf"] = { "date" }, ["dates.what_year"] = { "date", "title" },
  ["dates.founded"] = { "founded" }, ["dates.founded_cloze"] = { "founded" },
  ["events.which_event"] = { "title", "kind" }, ["events.place_cloze"] = { "places", "title" },
  ["events.person_cloze"] = { "people", "title" }, ["events.who"] = { "people" }, ["events.who_all"] = { "people" },
  ["events.party"] = { "parties" }, ["events.parties"] = { "parties" }, ["events.party_cloze"] = { "parties", "title" },
  ["events.where_founded"] = { "places", "formed" }, ["events.where"] = { "places" },
  ["events.tf_true"] = { "date", "from", "formed" }, ["events.tf_year"] = { "date" }, ["events.tf_party"] = { "formed" },
  ["events.figure"] = { "figures" }, ["events.merged_in"] = { "from", "formed", "parties" },
  ["events.merger_result"] = { "from", "formed", "parties" }, ["events.merged_members"] = { "from", "formed", "parties" },
  ["events.split_into"] = { "from", "formed", "parties" }, ["events.split_from"] = { "from", "formed", "parties" },
  ["leaders.holder"] = { "roles" }, ["leaders.holder_choice"] = { "roles" }, ["leaders.party_of"] = { "roles" },
  ["leaders.post_tf"] = { "roles" }, ["leaders.office"] = { "roles" }, ["leaders.office_choice"] = { "roles" },
  ["leaders.holder_cloze"] = { "roles" }, ["leaders.post"] = { "roles" },
  ["leaders.event_name"] = { "people", "title" }, ["leaders.event_person"] = { "people" },
  ["matching.people_parties"] = { "roles" }, ["matching.events_years"] = { "date" },
  ["matching.org_party"] = { "party", "kind" }, ["matching.formed"] = { "formed" },
  ["organizations.student_wing"] = { "student_wing" }, ["organizations.student_wing_choice"] = { "student_wing" },
  ["organizations.publication"] = { "publications" }, ["organizations.publication_choice"] = { "publications" },
  ["organizations.publications_multi"] = { "publications" },
  ["organizations.affiliation"] = { "national_affiliations", "international_affiliations" },
  ["organizations.affiliation_choice"] = { "national_affiliations", "international_affiliations" },
  ["organizations.affiliated_party"] = { "national_affiliations", "international_affiliations" },
  ["organizations.affiliations_multi"] = { "national_affiliations", "international_affiliations" },
  ["organizations.party_of"] = { "party" }, ["organizations.party_of_tf"] = { "party" },
  ["organizations.banned"] = { "organizations" }, ["organizations.event_org"] = { "organizations" },
  ["organizations.event_name"] = { "organizations", "title" },
  ["organizations.translation"] = { "translation", "language" },
  ["organizations.translation_cloze"] = { "translation", "language" }, ["organizations.kind"] = { "kind" },
}

local TABLES = { "parties", "people", "organizations", "events" }

local F = require("lib.quiz.facts")

-- Fields that hold no fact a question could honestly ask, each with why: nil when the field of
-- record r (of table tname) counts.
-- Whether each place lies inside the name of a record event e involves ("East Pakistan" in the
-- Communist Party of East Pakistan): asking where it happened would answer itself.
local function inside_names(e, places)
  for _, p in ipairs(places) do
    local found = false
    for _, id in ipairs(F.involved(e)) do
      for _, n in ipairs(F.names(id)) do found = found or (F.find_word(n, p) ~= nil and n ~= p) end
    end
    if not found then return false end
  end
  return true
end
local function is_date(v) return type(v) == "table" and v.year ~= nil end
function C.excluded(tname, r, field)
  local v = r[field]
  if is_date(v) and v.inferred then return "an inferred date: no source gives it, so nothing may ask it" end
  if tname == "events" and field == "date" and not v.decade and r.title:find(tostring(v.year), 1, true) then
    return "the title states the year"
  end
  if field == "claims" then return "claims are the sides of a disagreement in prose, shown with the event, like a summary" end
  if field == "status" and v == "unknown" then return "\"unknown\" says the sources do not tell" end
  if tname == "events" and field == "kind" then return "an event's kind is the dataset's filing of it under a topic (quiz --topic), not a fact a source states" end
  if tname == "events" and (field == "people" or field == "organizations" or field == "parties") then
    local asked = F.undoubted(r, v)
    if #asked == 0 then return "every one of these links is one the record calls doubtful" end
  end
  if tname == "people" and field == "title" and F.find_word(r.name, v) then return "the name carries it" end
  if tname == "events" and field == "places" and inside_names(r, v) then return "a name in the event holds each one" end
  if tname == "events" and field == "figures" then
    local gives_away = require("generators.events.figures").gives_away
    local all = true
    for _, fig in ipairs(v) do all = all and gives_away(r, fig) end
    if all then return "the title states every one" end
  end
  return nil
end

-- Every fact field of every record, as "record.field" -> true (record ids are unique across tables).
function C.fields()
  local out = {}
  for _, tname in ipairs(TABLES) do
    for id, r in pairs(_ENV[tname]) do
      for k in pairs(r) do
        if not C.not_facts[k] and not C.excluded(tname, r, k) then out[id .. "." .. k] = true end
      end
    end
  end
  return out
end

-- The fields C.excluded leaves out, as "record.field: why", sorted.
function C.exclusions()
  local out = {}
  for _, tname in ipairs(TABLES) do
    for id, r in pairs(_ENV[tname]) do
      for k in pairs(r) do
        local why = not C.not_facts[k] and C.excluded(tname, r, k)
        if why then out[#out + 1] = id .. "." .. k .. ": " .. why end
      end
    end
  end
  table.sort(out)
  return out
end

-- The coverage of bank: { asked = { ["CPP.ideology"] = { question ids } }, unasked = { ... },
-- n =, m = } over the fields of C.fields().
function C.report(bank)
  local fields, asked = C.fields(), {}
  local function mark(key, q)
    if fields[key] then
      local list = asked[key] or {}
      if list[#list] ~= q.id then list[#list + 1] = q.id end
      asked[key] = list
    end
  end
  local by_name = {}
  for _, tname in ipairs(TABLES) do
    for id, r in pairs(_ENV[tname]) do
      if r.name then by_name[halqa.normalize(r.name)] = id end
      if r.abbr then by_name[halqa.normalize(r.name .. " (" .. r.abbr .. ")")] = id end
    end
  end
  for _, q in ipairs(bank) do
    local list = q.asks or C.asks[q.id:match("^[^.]+%.[^.]+")] or {}
    for _, item in ipairs(list) do
      local rec, field = item:match("^(.+)%.([^.]+)$")
      if rec then mark(item, q) else
        for _, id in ipairs(q.facts) do mark(id .. "." .. item, q) end
      end
    end
    for _, a in ipairs(q.kind == "multi" and {} or { q.answer }) do
      local id = by_name[halqa.normalize(a)]
      if id then mark(id .. ".name", q) end
    end
    if q.kind == "multi" or q.kind == "choice" then
      for _, c in ipairs(q.correct or {}) do
        local id = by_name[halqa.normalize(q.choices[c])]
        if id then mark(id .. ".name", q) end
      end
    end
    if q.kind == "match" then
      for _, l in ipairs(q.left) do
        local id = by_name[halqa.normalize(l)]
        if id then mark(id .. ".name", q) end
      end
    end
  end
  local keys, unasked, n = {}, {}, 0
  for k in pairs(fields) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    if asked[k] then n = n + 1 else unasked[#unasked + 1] = k end
  end
  return { keys = keys, asked = asked, unasked = unasked, n = n, m = #keys }
end

-- The report as text: one line per asked field with its question ids, then the unasked ones,
-- then "N of M fields asked (P%)".
function C.text(r)
  local lines = {}
  for _, k in ipairs(r.keys) do
    if r.asked[k] then lines[#lines + 1] = k .. ": " .. table.concat(r.asked[k], " ") end
  end
  local ex = C.exclusions()
  if #ex > 0 then
    lines[#lines + 1] = "not counted (no fact to ask):"
    for _, k in ipairs(ex) do lines[#lines + 1] = "  " .. k end
  end
  if #r.unasked > 0 then
    lines[#lines + 1] = "not asked by any question:"
    for _, k in ipairs(r.unasked) do lines[#lines + 1] = "  " .. k end
  end
  lines[#lines + 1] = string.format("%d of %d fields asked (%d%%)", r.n, r.m, r.m > 0 and (100 * r.n) // r.m or 100)
  return table.concat(lines, "\n")
end

return C
