-- exports/aiken.lua: `export --format aiken` — the bank in Aiken, Moodle's simplest import format:
-- multiple-choice questions with one right answer, each on its own lines (the question, lettered
-- choices, ANSWER: letter). True/false questions become two choices, True and False. Aiken has
-- no other kind and no feedback field, so the other kinds are left out and counted on stderr,
-- and the citation cannot travel (use gift or moodle-xml to keep it).

local E = require("lib.export.format")

local function line(s) return (s:gsub("%s*[\r\n]+%s*", " ")) end

local function question(prompt, choices, right)
  local out = { line(prompt) }
  for i, c in ipairs(choices) do out[#out + 1] = string.char(64 + i) .. ". " .. line(c) end
  out[#out + 1] = "ANSWER: " .. string.char(64 + right)
  return table.concat(out, "\n") .. "\n\n"
end

local kinds = {
  choice = function(q) return question(q.prompt, q.choices, q.correct[1]) end,
  truefalse = function(q) return question(q.prompt, { "True", "False" }, q.answer == "true" and 1 or 2) end,
}

local why = {}
for k in pairs(require("lib.quiz.question").kinds) do
  why[k] = "Aiken has only multiple choice with one right answer"
end

return E.format{
  name = "aiken",
  description = "multiple-choice and true/false questions in Moodle's Aiken format",
  kinds = kinds,
  why = why,
}
