-- tests/scripts/quiz_bank.lua: the whole question bank — it covers every event and every person,
-- every kind appears, distractors are never correct, and a seed reproduces the bank.

local t = require("lib.testing").new()
local bank = require("lib.quiz.bank")
local function F_has(list, v)
  for _, x in ipairs(list) do if x == v then return true end end
  return false
end

local b1 = bank.build(1)
t:check(#b1 > 100, "the bank has questions (" .. #b1 .. ")")

-- Coverage: every event and every person is in some question's facts.
local covered = {}
for _, q in ipairs(b1) do
  for _, id in ipairs(q.facts) do covered[id] = true end
end
for _, tname in ipairs({ "events", "people" }) do
  local list = {}
  for id in pairs(_ENV[tname]) do list[#list + 1] = id end
  table.sort(list)
  for _, id in ipairs(list) do t:check(covered[id], tname .. "." .. id .. " appears in a question") end
end

-- Every kind appears.
local kinds = {}
for _, q in ipairs(b1) do kinds[q.kind] = true end
for _, k in ipairs({ "short", "choice", "multi", "truefalse", "order", "match", "cloze", "date", "number" }) do
  t:check(kinds[k], "kind " .. k .. " appears in the bank")
end

-- The fields every exported question has.
for _, q in ipairs(b1) do
  local ok = type(q.id) == "string" and type(q.generator) == "string" and type(q.prompt) == "string" and
             type(q.answer) == "string" and type(q.accepted) == "table" and type(q.choices) == "table" and
             type(q.source) == "string" and q.source ~= "" and type(q.tags) == "table" and #q.facts > 0
  if not t:check(ok, "question " .. tostring(q.id) .. " has all the fields") then break end
end

-- Each question grades its own answer right; every wrong choice grades wrong.
local letter = function(i) return string.char(96 + i) end
for _, q in ipairs(b1) do
  local r = halqa.grade(q, q.answer)
  if q.kind == "choice" then r = halqa.grade(q, letter(q.correct[1])) end
  if q.kind == "multi" then
    local ls = {}
    for i, c in ipairs(q.correct) do ls[i] = letter(c) end
    r = halqa.grade(q, table.concat(ls, " "))
  end
  t:check(r.correct, q.id .. " grades its own answer correct (" .. r.feedback .. ")")
  if q.kind == "choice" then
    for i, c in ipairs(q.choices) do
      if i ~= q.correct[1] then
        t:check(not halqa.grade(q, letter(i)).correct, q.id .. ": choice " .. letter(i) .. " is wrong")
        t:check(halqa.normalize(c) ~= halqa.normalize(q.answer), q.id .. ": distractor '" .. c .. "' is not the answer")
        for _, a in ipairs(q.accepted) do
          t:check(halqa.normalize(c) ~= halqa.normalize(a), q.id .. ": distractor '" .. c .. "' is not an accepted answer")
        end
      end
    end
  end
end

-- Inferred dates are never asked.
for _, q in ipairs(b1) do
  if q.kind == "date" then
    for _, id in ipairs(q.facts) do
      local e = events[id]
      t:check(not (e and e.date.inferred), q.id .. " does not ask an inferred date")
    end
  end
end

-- A seed reproduces the bank; another seed keeps the same questions (ids).
t:equal(halqa.json(bank.build(1)), halqa.json(b1), "the same seed gives the same bank")
local b2 = bank.build(2)
local ids1, ids2 = {}, {}
for i, q in ipairs(b1) do ids1[i] = q.id end
for i, q in ipairs(b2) do ids2[i] = q.id end
t:equal(table.concat(ids2, "\n"), table.concat(ids1, "\n"), "another seed gives the same question ids")

-- A session draws keys and builds only their questions, and they are the bank's very questions:
-- the same seed and filters give the same questions, as export writes them for that seed.
local draw = require("lib.quiz.draw")
local by_id = {}
for _, q in ipairs(b1) do by_id[q.id] = q end
for _, f in ipairs({ {}, { kind = { "date" } }, { party = { "CPP" } }, { generator = { "events" } } }) do
  f.count = 8
  local a, b = draw.questions(f, 1), draw.questions(f, 1)
  t:equal(#a, 8, "eight questions drawn for " .. halqa.json(f))
  t:equal(halqa.json(a), halqa.json(b), "the same seed draws the same questions for " .. halqa.json(f))
  for _, q in ipairs(a) do
    t:equal(halqa.json(q), halqa.json(by_id[q.id] or {}), q.id .. " is drawn as the bank has it")
    t:check(bank.matches(q, f), q.id .. " passes the filters")
  end
end
t:check(halqa.json(draw.questions({ count = 8 }, 2)) ~= halqa.json(draw.questions({ count = 8 }, 1)),
  "another seed draws other questions")
local none, msg = draw.questions({ count = 3, topic = { "no_such_topic" } }, 1)
t:check(none == nil and msg:find("no questions with topic 'no_such_topic'", 1, true), "an unknown topic is named")

-- A lazy generator's questions for a record's key test that record (a circle relies on it).
for _, g in ipairs(bank.open_all(1)) do
  for _, key in ipairs(g:keys()) do
    if type(key) == "string" and halqa.index.table_of[key] then
      g:build(key, function(q)
        t:check(F_has(q.facts, key), g.name .. ": " .. q.id .. " lists its key " .. key .. " among its facts")
      end)
    end
  end
end
t:done()
