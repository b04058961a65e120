-- tests/scripts/circle_topics.lua: the bundled study-circle topics — each builds; has two to four
-- prompts and questions that test only its facts; its reading states only what its refs hold
-- (refs exist, citations are theirs, years, months and names come from them); its timeline is in
-- date order; its handout holds its questions and the answer key. And the checks themselves
-- catch a sentence that says more than its refs.

local t = require("lib.testing").new()
local bank = require("lib.quiz.bank")
local topic = require("lib.circle.topic")
local reading = require("lib.circle.reading")
local trace = require("lib.circle.trace")
local handout = require("lib.circle.handout")
local F = require("lib.quiz.facts")

local b1 = bank.build(1)
local topics, problems = topic.all(b1)
t:equal(#problems, 0, "every topic file loads and builds (" .. table.concat(problems, "; ") .. ")")
t:check(#topics >= 8, "at least eight topics are bundled (" .. #topics .. ")")
local by_id = {}
for _, tp in ipairs(topics) do by_id[tp.id] = tp end
for _, id in ipairs({ "cpp_founding", "rawalpindi_bans", "underground", "east_pakistan", "repression",
                      "cmkp_1990s", "cmkp_splits", "cpp_today" }) do
  t:check(by_id[id] ~= nil, "the topic " .. id .. " is bundled")
end

local pos = {}
for i, id in ipairs(halqa.index.events_by_date) do pos[id] = i end

for _, tp in ipairs(topics) do
  local name = tp.id
  t:check(#tp.prompts >= 2 and #tp.prompts <= 4, name .. " has two to four discussion prompts (" .. #tp.prompts .. ")")
  for i, p in ipairs(tp.prompts) do
    t:check(p:find("?", 1, true) ~= nil, name .. ": prompt " .. i .. " is a question")
  end
  t:check(#tp.questions >= 1, name .. " has comprehension questions")
  t:check(#tp.questions <= topic.DEFAULT_QUESTIONS, name .. " asks at most " .. topic.DEFAULT_QUESTIONS .. " questions")
  for _, q in ipairs(tp.questions) do
    local focused = false
    for _, f in ipairs(q.facts) do
      t:check(tp.fact_set[f], name .. ": question " .. q.id .. " tests " .. f .. ", one of the topic's facts")
      focused = focused or tp.focus_set[f]
    end
    t:check(focused, name .. ": question " .. q.id .. " is about more than context")
  end
  -- the reading: refs exist, every sentence cites real sections, and the tracer finds nothing
  local sentences = reading.sentences(tp.reading)
  t:check(#sentences >= 5 and #tp.reading.paragraphs >= 2, name .. ": the reading has a few paragraphs")
  for i, s in ipairs(sentences) do
    t:check(#s.refs > 0, name .. ": sentence " .. i .. " has refs")
    for _, id in ipairs(s.refs) do
      t:check(F.record(id) ~= nil, name .. ": sentence " .. i .. " refers to " .. id .. ", which exists")
    end
    for _, c in ipairs(s.sources) do
      local src = sources[c[1]]
      t:check(src ~= nil and F.has(src.sections, c[2]), name .. ": sentence " .. i .. " cites a real section (" .. F.cite({ c }) .. ")")
    end
  end
  local found = trace.topic(tp)
  t:equal(#found, 0, name .. " passes the trace check (" .. table.concat(found, "; ") .. ")")
  -- the timeline: the topic's events, in the index's date order, with no inferred date shown
  t:equal(#tp.timeline, #tp.events, name .. ": the timeline has every event")
  for i, e in ipairs(tp.timeline) do
    if i > 1 then t:check(pos[tp.timeline[i - 1].id] < pos[e.id], name .. ": the timeline is in date order at " .. e.id) end
    t:check((e.date == nil) == (events[e.id].date.inferred == true), name .. ": " .. e.id .. " shows a date only when a source gives one")
  end
  t:equal(tp.minutes, math.max(1, math.ceil(tp.words / 200)), name .. ": reading time is words / 200, rounded up")
  -- the handout: every question and the key, the key after a page break
  local md = handout.render(tp, 1)
  local key_at = md:find("## Answer key", 1, true)
  t:check(key_at ~= nil, name .. ": the handout has the answer key")
  local brk = md:find(handout.PAGE_BREAK, 1, true)
  t:check(brk ~= nil and key_at ~= nil and brk < key_at, name .. ": the key starts on a new page")
  for n, q in ipairs(tp.questions) do
    local at = md:find(handout.md(q.prompt), 1, true)
    t:check(at ~= nil and key_at ~= nil and at < key_at, name .. ": the handout asks question " .. n .. " before the key")
    local k = md:find(string.format("%d. **%s**", n, handout.md(handout.key(q))), key_at or 1, true)
    t:check(k ~= nil, name .. ": the key answers question " .. n)
  end
  for _, p in ipairs(tp.prompts) do
    t:check(md:find(handout.md(p), 1, true) ~= nil, name .. ": the handout has the prompt \"" .. p:sub(1, 30) .. "...\"")
  end
end

-- The questions a topic gets depend on the dataset only, not on the seed.
local b2 = bank.build(2)
local again = topic.get("cpp_founding", b2)
local ids1, ids2 = {}, {}
for i, q in ipairs(by_id.cpp_founding.questions) do ids1[i] = q.id end
for i, q in ipairs(again.questions) do ids2[i] = q.id end
t:equal(table.concat(ids2, " "), table.concat(ids1, " "), "another seed chooses the same questions")

-- Placeholders take their words from the dataset.
local function say(template, refs) return reading.sentence(template, refs).text end
t:equal(say("{when:cpp_founded}"), "On 6 March 1948", "{when:EVENT} is the event's date at its precision")
t:equal(say("x {the:CPP} {the:sajjad_zaheer} {the:baghawat}"), "X the CPP Sajjad Zaheer Baghawat", "{the:ID} has an article where one belongs")
t:equal(say("{long:CMKP}"), "Communist Mazdoor Kissan Party (CMKP)", "{long:ID} gives the abbreviation")
t:equal(say("{words:east_pakistan_election_1954.figures.1.value}"), "Ten", "{words:} spells small numbers")
t:equal(say("{us_estimate_mid_1960s.figures.1.value}"), "3,000", "a large number is not written like a year")
t:equal(say("{when:imdad_qazi_leads}"), "In the early 2010s", "a part of a decade stays vague")
t:equal(say("{lower:jam_saqi.roles.1.title}"), "General secretary", "{lower:} and the sentence's capital")
local s = reading.sentence("{jam_saqi} left {when:jam_saqi_resigns_1991}.", { "cpp_reconstituted_1999.claims.1" })
t:equal(table.concat(s.refs, " "), "jam_saqi jam_saqi_resigns_1991 cpp_reconstituted_1999", "refs come from placeholders and the list")
t:equal(F.cite(s.sources), F.cite(F.merge_sources({ events.jam_saqi_resigns_1991.sources,
  events.cpp_reconstituted_1999.claims[1].sources })), "a field cites its nearest sources (a claim's own)")
local plain = reading.sentence("{short:CPP} and {short:CMKP} met.")
t:check(#plain.sources > 0, "a sentence of names alone cites the records it names")

-- A placeholder that would say what the sources do not is refused.
local function refused(template, why)
  local ok, err = pcall(reading.sentence, template)
  t:check(not ok, why .. " (" .. tostring(err) .. ")")
end
refused("{when:hassan_nasir_killed}", "an inferred date is never stated")
refused("{year:hassan_nasir_killed}", "an inferred year is never stated")
refused("{year:app_launched}", "a decade is not turned into a year")
refused("{nobody}", "a record that does not exist is refused")
refused("{jam_saqi.roles.9.title}", "a field that does not exist is refused")
refused("{frob:CPP}", "an unknown form is refused")
refused("no names here", "a sentence with no refs is refused")

-- The trace check catches a sentence that says more than its refs.
local function caught(template, refs, why)
  local p = trace.sentence(reading.sentence(template, refs))
  t:check(#p > 0, why)
end
caught("The CPP was banned in 1955.", { "cpp_ban_1954", "CPP" }, "a year none of the refs gives")
caught("The CPP was banned on 3 March 1954.", { "cpp_ban_1954", "CPP" }, "a day more precise than the record")
caught("Hassan Nasir died in 1960.", { "hassan_nasir_killed", "hassan_nasir" }, "an inferred year written out")
caught("In the 1970s the APP was launched.", { "app_launched" }, "a decade none of the refs gives")
caught("{when:cpp_ban_1954} the party was banned by Ayub Khan.", nil, "a person named but not among the refs")
caught("{when:cpp_ban_1954} the MKP was banned.", nil, "an abbreviation of a record not among the refs")
local bogus = { text = "The CPP was banned.", refs = { "CPP" }, sources = { { "cmkp_article", "Politics and influence" } } }
t:check(#trace.sentence(bogus) > 0, "a citation none of the refs carries")
t:equal(#trace.sentence(reading.sentence("{long:CMKP} was formed {when:cmkp_founded_1995}.")), 0,
  "a name inside a ref's longer name is not a mention (the MKP in the CMKP)")

t:done()
