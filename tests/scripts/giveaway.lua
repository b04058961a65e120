-- tests/scripts/giveaway.lua: a quiz, a drill and a circle never ask two questions where one
-- answers the other (lib/quiz/giveaway.lua), and flashcard siblings are told apart.

local t = require("lib.testing").new()
local bank = require("lib.quiz.bank")
local G = require("lib.quiz.giveaway")

local all = bank.build(1)

-- The pair the issue names: "When was the CMKP founded?" (1995) and a prompt that says 1995.
local when = { kind = "date", answer = "1995", prompt = "When was the Communist Mazdoor Kissan Party founded?", facts = { "CMKP" } }
local cloze = { kind = "short", answer = "Communist Mazdoor Kissan Party", prompt = "____ was founded in 1995. Which party?", facts = { "CMKP" } }
local other = { kind = "date", answer = "1948", prompt = "When was the Communist Party of Pakistan founded?", facts = { "CPP" } }
t:check(G.conflict(when, cloze), "a prompt holding another question's answer on the same fact conflicts")
t:check(G.conflict(cloze, when), "the conflict goes both ways")
t:check(not G.conflict(when, other), "questions on different facts do not conflict")
t:equal(#G.pick({ when, cloze, other }, 3), 2, "pick leaves out the one given away")

-- The bank has such pairs (else the check would test nothing), and no selection keeps one.
local pairs_found = 0
for i = 1, #all do
  for j = i + 1, math.min(#all, i + 40) do
    if G.conflict(all[i], all[j]) then pairs_found = pairs_found + 1 end
  end
end
t:check(pairs_found > 0, "the bank holds questions that give each other away (" .. pairs_found .. " near pairs)")

local function clean(list, what)
  for i = 1, #list do
    for j = i + 1, #list do
      if G.conflict(list[i], list[j]) then
        t:check(false, what .. ": " .. list[i].id .. " and " .. list[j].id .. " give each other away")
        return
      end
    end
  end
  t:check(true, what .. " has no question that answers another")
end

for seed = 1, 5 do
  clean(G.pick(halqa.random(seed):sample(all, #all), 60), "a 60-question quiz, seed " .. seed)
  clean(require("lib.drill.select").questions({ count = 30, party = { "CMKP" } }, seed), "a CMKP drill, seed " .. seed)
end

local topics = require("lib.circle.topic").all(all)
t:check(#topics >= 8, "the circles are built (" .. #topics .. ")")
for _, tp in ipairs(topics) do clean(tp.questions, "circle " .. tp.id) end
t:done()
