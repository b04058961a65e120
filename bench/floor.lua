-- bench/floor.lua: the lower bound the question framework sets under bench/bank.sh's full bank:
-- N trivial questions (a short answer about one record, citing the record's sources), each made
-- through lib/quiz/question.lua's Q.context and written as JSON the way `export` writes the bank.
-- No generator can make its questions faster than this.
-- usage: halqa --data DIR bench/floor.lua N
local n = math.tointeger(tonumber(arg[1] or "")) or error("usage: halqa --data DIR bench/floor.lua N")
local Q = require("lib.quiz.question")

local records = {}
for _, t in ipairs({ { "parties", parties }, { "people", people }, { "organizations", organizations },
                     { "events", events } }) do
  local ids = {}
  for id in pairs(t[2]) do ids[#ids + 1] = id end
  table.sort(ids)
  for _, id in ipairs(ids) do
    local r = t[2][id]
    if r.sources and #r.sources > 0 then records[#records + 1] = r end
  end
end

local first = true
local ctx = Q.context("floor", halqa.random("1:floor"), function(q)
  halqa.write(first and "[\n" or ",\n", halqa.json(q, true))
  first = false
end)
for i = 1, n do
  local r = records[(i - 1) % #records + 1]
  local name = r.name or r.title
  ctx:short{
    template = "what", variant = tostring(i), facts = { r.id },
    prompt = "Name this record: " .. r.id .. ".", answer = name,
    explanation = name .. ".", sources = r.sources,
  }
end
halqa.write(first and "[]\n" or "\n]\n")
