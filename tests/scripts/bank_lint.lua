-- tests/scripts/bank_lint.lua: the bank linter finds nothing in the bundled bank, and each of its
-- checks catches a question planted to break it; the coverage report and the linked questions.

local t = require("lib.testing").new()
local bank, lint, coverage = require("lib.quiz.bank"), require("lib.quiz.lint"), require("lib.quiz.coverage")

local b = bank.build(1)
local problems = lint.run(b)
for _, p in ipairs(problems) do t:check(false, "lint: " .. p.check .. ": " .. p.id .. ": " .. p.message) end
t:equal(#problems, 0, "the linter finds nothing in the bundled bank")

-- planted questions, one per check, each caught by its check
local function caught(name, q)
  local found = false
  require("lib.quiz.lint." .. name)({ q }, function() found = true end)
  t:check(found, name .. " catches a planted question")
end
caught("doubtful_links", { id = "x", kind = "choice", facts = { "cpp_ban_1954", "liaquat_ali_khan" }, choices = {}, prompt = "" })
caught("unique_answers", { id = "dates.founded_cloze.x", kind = "cloze", facts = { "APP" }, prompt = "",
  answer = "" })
caught("unique_answers", { id = "leaders.holder.x", kind = "short", facts = { "jam_saqi", "CPP" }, answer = "Jam Saqi",
  prompt = "Who served as general secretary of the Communist Party of Pakistan (CPP)?" })
caught("false_statements", { id = "leaders.post_tf.x", kind = "truefalse", answer = "false", facts = { "nazir_abbasi" },
  prompt = "True or false: Nazir Abbasi served as Leader of the Communist Party of Pakistan (CPP)." })
caught("order_leaks", { id = "x", kind = "match", left = { "a", "b", "c" }, choices = { "1954", "1948", "1951" },
  correct = { 2, 3, 1 }, facts = {} })
caught("order_leaks", { id = "x", kind = "order", choices = { "a", "b", "c" }, correct = { 1, 2, 3 }, facts = {} })
caught("choice_leaks", { id = "x", kind = "choice", correct = { 1 },
  choices = { "US State Department", "Communist Party of Pakistan", "Awami League", "National Awami Party" }, facts = {} })
caught("choice_leaks", { id = "x", kind = "choice", correct = { 1 },
  choices = { "International Meeting of Communist and Workers' Parties (IMCWP)", "DSF", "TUF", "NSF" }, facts = {} })
caught("near_duplicates", { id = "x", kind = "choice", correct = { 1 },
  choices = { "Mazdoor Kisan Party (Major Ishaque group)", "Mazdoor Kissan Party", "Awami League", "CPP" }, facts = {} })
caught("hints", { id = "x", kind = "cloze", answer = "Vladimir Lenin", blank = "Lenin",
  hint = "It starts with \"V\" and has 14 characters.", facts = {} })

caught("linked_times", { id = "linked.leader_at_time.x", kind = "choice", facts = { "jam_saqi_gs_1990", "jam_saqi" },
  choices = { "Jam Saqi", "Imdad Qazi", "Sajjad Zaheer", "Hkmat Shaw" }, correct = { 1 }, prompt = "" })
caught("linked_times", { id = "linked.party_at_time.x", kind = "choice", facts = { "cmkp_split_2009", "sufi_abdul_khaliq_baloch" },
  choices = { "Communist Mazdoor Kissan Party", "Workers Party of Pakistan", "Azad Pakistan Party", "Awami League" },
  correct = { 1 }, prompt = "" })
caught("linked_times", { id = "linked.name_in_year.x", kind = "short", facts = { "cmkp_founded_1995", "pmkp_formed_2015" },
  answer = "Communist Mazdoor Kissan Party", prompt = "What was that party called in 2016?" })
caught("linked_times", { id = "linked.years_between.x", kind = "number", facts = { "jam_saqi_gs_1990", "jam_saqi_resigns_1991" },
  number = 1, prompt = "" })
caught("year_giveaways", { id = "x", kind = "choice", prompt = "Which of these happened in 2013?", correct = { 1 },
  choices = { "CPP in the 2013 general election", "Jam Saqi resigns", "CPP banned", "CPP splits in two" }, facts = {} })
caught("self_answers", { id = "x", kind = "choice", correct = { 2 },
  prompt = "In 1978, the Mazdoor Kisan Party (Major Ishaque group) came out of a split. Which party did the breakaway group leave?",
  choices = { "Communist Party of Pakistan", "Mazdoor Kisan Party", "National Awami Party", "Awami League" }, facts = {} })
caught("self_answers", { id = "x", kind = "choice", correct = { 1 },
  prompt = "In 2002, a group left the Communist Party of Pakistan. Which party came out of the split?",
  choices = { "Communist Party of Pakistan (Khadim Thaheem group)", "Azad Pakistan Party", "Awami League", "Workers Party of Pakistan" }, facts = {} })
caught("nested_places", { id = "x", kind = "multi", tags = { "places" }, correct = { 1, 2 },
  choices = { "East Pakistan", "India", "Dhaka (Dacca), East Pakistan", "Russia" }, facts = {} })

-- no event's doubtful link is asked, and no hint miscounts a blank
for _, q in ipairs(b) do
  if q.blank then
    t:check(q.hint:find(" " .. halqa.width(q.blank) .. " characters", 1, true) ~= nil, q.id .. ": the hint counts the blank")
  end
end

-- coverage: the report's last line, and fields that are not facts are not counted
local r = coverage.report(b)
local text = coverage.text(r)
t:check(text:match("\n(%d+ of %d+ fields asked %(%d+%%%))$") ~= nil, "coverage ends with N of M fields asked (P%)")
t:check(r.asked["CPP.student_wing"] ~= nil, "CPP.student_wing is asked")
local fields = coverage.fields()
t:check(fields["CPP.summary"] == nil and fields["CPP.note"] == nil and fields["CPP.sources"] == nil and
        fields["CPP.id"] == nil, "ids, notes, summaries and sources are not counted")

-- coverage is complete on the bundled data: every field is asked, or left out with a reason
t:equal(#r.unasked, 0, "every counted field is asked (" .. r.n .. " of " .. r.m .. "): " .. table.concat(r.unasked, " "))
t:check(r.m >= 400, "coverage counts the fields of the bundled data (" .. r.m .. ")")
for _, line in ipairs(coverage.exclusions()) do
  t:check(line:match("^[%w_]+%.[%w_]+: %S") ~= nil, "an excluded field says why: " .. line)
end
t:check(fields["hassan_nasir_killed.date"] == nil, "an inferred date is not counted")
t:check(fields["cpp_ban_1954.people"] == nil, "a link the record calls doubtful is not counted")

-- linked questions: at least 30, of the five kinds, each explanation naming both records (an
-- event by its title and date, anything else by its name)
local linked = bank.filter(b, { topic = "linked" })
t:check(#linked >= 30, "at least 30 linked questions (" .. #linked .. ")")
local kinds = {}
for _, q in ipairs(linked) do
  kinds[q.id:match("^linked%.([^.]+)")] = true
  local ok = #q.facts == 2
  for _, id in ipairs(q.facts) do
    local e = events[id]
    if e then
      ok = ok and q.explanation:find(e.title, 1, true) and q.explanation:find(halqa.format_date(e.date), 1, true)
    else
      ok = ok and q.explanation:find(require("lib.quiz.facts").name(id), 1, true)
    end
  end
  t:check(ok, q.id .. ": the explanation names both records and their dates")
end
for _, k in ipairs({ "years_between", "came_first", "leader_at_time", "party_at_time", "name_in_year" }) do
  t:check(kinds[k], "linked questions of the kind " .. k)
end
for _, q in ipairs(linked) do
  if q.kind == "number" then
    local a, c = events[q.facts[1]], events[q.facts[2]]
    t:equal(q.number, c.date.year - a.date.year, q.id .. ": the years between are the difference of the years")
  end
end

t:done()
