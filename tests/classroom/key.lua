-- key.lua SEED COUNT: the letters that are right for the questions `drill --serve --kind choice
-- --seed SEED -n COUNT` asks, as JSON — the tests' answer key, made the way the drill chooses its
-- questions, since the server never sends an answer before the reveal.
local select_ = require("lib.drill.select")
local questions = select_.questions({ count = tonumber(arg[2]), kind = { "choice" } }, tonumber(arg[1]))
local key = {}
for i, q in ipairs(questions) do
  for k = 1, #q.choices do
    local letter = string.char(96 + k)
    if halqa.grade(q, letter).verdict == "correct" then key[i] = { letter = letter, answer = q.answer } end
  end
end
print(halqa.json(key))
