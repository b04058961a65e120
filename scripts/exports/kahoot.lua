-- exports/kahoot.lua: `export --format kahoot -o FILE.xlsx [--time SECONDS]` — choice and
-- true/false questions in the layout of Kahoot's question spreadsheet template (Create > Import
-- spreadsheet): a header on row 8, then one question a row from row 9 — number, question,
-- answers 1 to 4, time limit, correct answer(s). Kahoot's limits are applied and reported on
-- stderr: a question over 120 characters is shortened at a word (with "…"); a question with an
-- answer over 75 characters is left out, since a cut answer could read as another; the time is
-- one of 5, 10, 20, 30, 60, 90, 120 or 240 seconds. Kahoot has no field for a source, so the
-- citation goes with the question's id in column J, beside the template's columns.

local E = require("lib.export.format")

local QUESTION_MAX, ANSWER_MAX = 120, 75
local TIMES = { 5, 10, 20, 30, 60, 90, 120, 240 }

local shortened = 0

-- s cut at a word boundary to at most max characters (UTF-8), ending in "…".
local function shorten(s, max)
  if utf8.len(s) <= max then return s end
  local cut = s:sub(1, utf8.offset(s, max) - 1) -- max - 1 characters, room for the ellipsis
  cut = cut:match("^(.*%S)%s+%S*$") or cut
  return cut .. "…"
end

local function row(q, n, answers, correct)
  for _, a in ipairs(answers) do
    if utf8.len(a) > ANSWER_MAX then return nil, "an answer is over Kahoot's 75 characters" end
  end
  local text = shorten(q.prompt, QUESTION_MAX)
  if text ~= q.prompt then shortened = shortened + 1 end
  return { n, text, answers[1], answers[2], answers[3] or false, answers[4] or false, false, correct,
           false, q.id .. " — Source: " .. q.source }
end

local kinds = {
  choice = function(q, n) return row(q, n, q.choices, q.correct[1]) end,
  truefalse = function(q, n) return row(q, n, { "True", "False" }, q.answer == "true" and 1 or 2) end,
}

local why = {}
for k in pairs(require("lib.quiz.question").kinds) do why[k] = "Kahoot's template takes choice and true/false questions" end

local function assemble(items, opts)
  local rows = {
    {},
    { false, "Quiz template" },
    { false, "halqa: questions on the communist movement in Pakistan. Import with Create > Import spreadsheet." },
    { false, "Limits: a question has at most 120 characters, an answer 75; time limit 5, 10, 20, 30, 60, 90, 120 or 240 seconds." },
    {}, {}, {},
    { false, "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
      "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
      "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one",
      false, "halqa id and source (not read by Kahoot)" },
  }
  for i, it in ipairs(items) do
    it[1], it[7] = i, opts.time
    rows[#rows + 1] = it
  end
  if shortened > 0 then halqa.warn(string.format("kahoot: shortened %d question%s to %d characters", shortened, shortened == 1 and "" or "s", QUESTION_MAX)) end
  shortened = 0
  return halqa.xlsx({ { name = "Sheet1", widths = { 4, 60, 30, 30, 30, 30, 12, 12, 2, 60 }, rows = rows } })
end

return E.format{
  name = "kahoot",
  description = "choice and true/false questions as Kahoot's spreadsheet template (-o FILE.xlsx)",
  kinds = kinds,
  why = why,
  assemble = assemble,
  options = { { nil, "time", "SECONDS", "time limit per question: 5, 10, 20, 30, 60, 90, 120 or 240 (default 20)",
                type = "int", default = 20, check = function(t)
                  for _, v in ipairs(TIMES) do if v == t then return true end end
                  return false, "Kahoot allows 5, 10, 20, 30, 60, 90, 120 or 240 seconds"
                end } },
  needs = "xlsx",
}
