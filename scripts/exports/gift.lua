-- exports/gift.lua: `export --format gift` — the bank in GIFT, one of Moodle's two import formats.
-- Each kind maps as Moodle maps it: short answer with every accepted form, multiple choice,
-- multiple answer with partial weights, true/false, matching, numerical with a tolerance for
-- years and numbers. GIFT has no ordering question: those are left out and counted on stderr.
-- The citation goes into the general feedback (####), the question id into the title.

local E = require("lib.export.format")

-- GIFT's special characters (~ = # { } :) and the backslash are escaped with a backslash; a
-- line break would end the question, so text stays on one line.
local function esc(s)
  return (s:gsub("[\r\n]+", " "):gsub("([\\~=#{}:])", "\\%1"))
end

-- A question: title, text, the answer block and its feedback, then the blank line GIFT needs.
local function question(q, answers)
  return string.format("::%s::%s {\n%s\n\t####%s\n}\n\n", esc(q.id), esc(q.prompt), answers, esc(E.feedback(q)))
end

local function list(lines) return table.concat(lines, "\n") end

local function short(q)
  local lines = { "\t=" .. esc(q.answer) }
  for _, a in ipairs(q.accepted) do lines[#lines + 1] = "\t=" .. esc(a) end
  return question(q, list(lines))
end

-- Moodle's weight for each of n right choices (its grade list has 50, 33.33333, 25, 20, 16.66667).
local function weight(n)
  return (string.format("%.5f", 100 / n):gsub("%.?0+$", ""))
end

local kinds = {
  short = short,
  cloze = short,
  choice = function(q)
    local lines = {}
    for i, c in ipairs(q.choices) do lines[i] = "\t" .. (i == q.correct[1] and "=" or "~") .. esc(c) end
    return question(q, list(lines))
  end,
  multi = function(q)
    local right = {}
    for _, i in ipairs(q.correct) do right[i] = true end
    local n_right = #q.correct
    local n_wrong = #q.choices - n_right
    local lines = {}
    for i, c in ipairs(q.choices) do
      lines[i] = string.format("\t~%%%s%%%s", right[i] and weight(n_right) or ("-" .. weight(n_wrong)), esc(c))
    end
    return question(q, list(lines))
  end,
  truefalse = function(q) return question(q, "\t" .. (q.answer == "true" and "TRUE" or "FALSE")) end,
  match = function(q)
    local lines = {}
    for i, l in ipairs(q.left) do lines[i] = "\t=" .. esc(l) .. " -> " .. esc(q.choices[q.correct[i]]) end
    return question(q, list(lines))
  end,
  number = function(q)
    local n = E.numeric(q)
    return question(q, string.format("\t#%s:%s", E.num(n.value), E.num(n.tolerance)))
  end,
  date = function(q)
    local n = E.numeric(q)
    if n then return question(q, string.format("\t#%s:%s", E.num(n.value), E.num(n.tolerance))) end
    local lines = {}
    for i, f in ipairs(E.date_forms(q)) do lines[i] = "\t=" .. esc(f) end
    return question(q, list(lines))
  end,
}

return E.format{
  name = "gift",
  description = "the question bank in Moodle's GIFT format (no ordering questions)",
  kinds = kinds,
  why = { order = "GIFT has no ordering question" },
  header = function() return "// halqa question bank, GIFT format (Moodle: Question bank > Import > GIFT)\n\n" end,
}
