-- tests/scripts/gen_linked_details.lua: the linked questions joined through dates, and the
-- details generator (the fields other families leave unasked), pinned on the bundled data.

local t = require("lib.testing").new()
local bank = require("lib.quiz.bank")
local F = require("lib.quiz.facts")

local b = bank.build(1)
local by_id = {}
for _, q in ipairs(b) do by_id[q.id] = q end

---------------------------------------------------------------------------------- linked

-- who led a party at the time: the answer held a dated post that takes in the event
local q = by_id["linked.leader_at_time.east_pakistan_committee_1948+sajjad_zaheer"]
t:check(q ~= nil, "who was general secretary when the East Pakistan committee was elected is asked")
if q then
  t:equal(q.answer, "Sajjad Zaheer", "Sajjad Zaheer was general secretary in 1948")
  t:check(q.prompt:find("general secretary of the CPP", 1, true) ~= nil, "the prompt names the post and the party")
  t:check(q.explanation:find("from 1948", 1, true) ~= nil, "the explanation dates the post")
end

-- which party a person belonged to then: never asked of a merger or a split
local n_party = 0
for _, x in ipairs(b) do
  if x.id:match("^linked%.party_at_time%.") then
    n_party = n_party + 1
    local e = events[x.facts[1]]
    local p
    for _, id in ipairs(F.ids("parties")) do if F.name(id) == x.answer then p = id end end
    t:check(e.kind ~= "merger" and e.kind ~= "split", x.id .. ": not of a merger or a split")
    t:check(p and not F.mentions(e.title, p), x.id .. ": the title does not name the answer")
    t:check(p and F.has(F.event_parties(e), p), x.id .. ": the answer is one of the event's parties")
  end
end
t:check(n_party >= 1, "party-at-the-time questions are asked (" .. n_party .. ")")
q = by_id["linked.party_at_time.rawalpindi_conspiracy_case+sajjad_zaheer"]
t:check(q and q.answer == "Communist Party of Pakistan", "Sajjad Zaheer was in the CPP at the Rawalpindi case (1951)")

-- what a party was called in a year between the merger that made it and the one that ended it
q = by_id["linked.name_in_year.cmkp_founded_1995+pmkp_formed_2015.made"]
t:check(q ~= nil, "the name of the 1995 merger's party in a year before 2015 is asked")
if q then
  local year = tonumber(q.prompt:match("called in (%d+)%?"))
  t:check(year and year > 1995 and year < 2015, "the year lies between the two events (" .. tostring(year) .. ")")
  t:equal(q.answer, "Communist Mazdoor Kissan Party", "it was the CMKP")
end
q = by_id["linked.name_in_year.cpep_founded_1968+CPB.first"]
t:check(q and q.answer == "Communist Party of East Pakistan" and not q.prompt:find("East Pakistan", 1, true),
        "the CPB's first name is asked without naming it")

-- years between two dates given to the month: December 1990 to April 1991 is no year
t:check(by_id["linked.years_between.jam_saqi_gs_1990+jam_saqi_resigns_1991"] == nil,
        "four months are not asked as a year")

-- came first: the partners vary (not one event for all)
local partners = {}
for _, x in ipairs(b) do
  if x.id:match("^linked%.came_first%.") then partners[x.facts[2]] = true end
end
t:check(#F.sorted_keys(partners) >= 3, "came-first questions pair events with several partners")

---------------------------------------------------------------------------------- details

q = by_id["details.org_abbr.AIPWA"]
t:check(q and q.answer == "AIPWA" and not q.prompt:find("AIPWA", 1, true), "an organization's abbreviation is asked, not shown")
t:check(by_id["details.title.major_ishaque"] == nil and by_id["details.rank.major_ishaque"] == nil,
        "a title the name carries is not asked")
q = by_id["details.rank.akbar_khan"]
t:check(q and q.answer == "Major-General" and halqa.grade(q, "major general").correct, "a rank, with or without its hyphen")
q = by_id["details.became.CPEP+CPB"]
t:check(q and q.answer == "Communist Party of Bangladesh", "what the CPEP became")
q = by_id["details.native_name.CMKP"]
t:check(q and q.prompt:find(parties.CMKP.native_name, 1, true) and #q.choices == 4, "the Urdu name, four parties to choose from")
q = by_id["details.founded_from.cpp_founded"]
t:check(q and q.answer == "Communist Party of India", "the CPP's founders broke away from the CPI")
q = by_id["details.places.leaders_freed_1956"]
t:check(q and q.kind == "multi" and #q.correct == 3, "an event's three places, all to be chosen")

---------------------------------------------------------------------------------- wording

-- prompts are questions a teacher writes, not filled templates
local bad = { "True or false: this happened in", "In which year: ", "Which event fits this description",
              "set up or rebuil", ", from 6 March 1948", "linked to this event", "Which party?" }
for _, x in ipairs(b) do
  for _, s in ipairs(bad) do
    if x.prompt:find(s, 1, true) or x.explanation:find(s, 1, true) then t:check(false, x.id .. ": reads as a template: " .. s) end
  end
end
t:check(true, "no prompt reads as a filled template")

t:done()
