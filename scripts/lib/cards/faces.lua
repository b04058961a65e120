-- lib/cards/faces.lua: a question as a flashcard — the front (the prompt, and the choices or
-- items it needs) and the back (the answer as a worksheet's key gives it, the explanation, the
-- full citation) — for the formats that are cards (csv, tsv, the Anki package) and the flashcards
-- of an imported question set. Lines are joined with "\n"; a format escapes them its own way.

local paper = require("lib.paper")

local C = {}

local function letter(i) return string.char(96 + i) end

-- The lines of the front, by kind (a table of cases; the kinds not named show the prompt alone).
local fronts = {
  choice = function(q, out)
    for i, c in ipairs(q.choices) do out[#out + 1] = letter(i) .. ") " .. c end
  end,
  order = function(q, out)
    for i, c in ipairs(q.choices) do out[#out + 1] = letter(i) .. ") " .. c end
    out[#out + 1] = "(earliest first)"
  end,
  match = function(q, out)
    for i, l in ipairs(q.left) do out[#out + 1] = i .. ". " .. l end
    for i, c in ipairs(q.choices) do out[#out + 1] = letter(i) .. ") " .. c end
  end,
}
fronts.multi = fronts.choice

function C.front(q)
  local out = { q.prompt }
  if fronts[q.kind] then fronts[q.kind](q, out) end
  return table.concat(out, "\n")
end

-- The answer alone, as a worksheet's key gives it: "b) 1948", "true", "1c 2a 3b".
function C.answer(q)
  return paper.key(q)
end

function C.back(q)
  local out = { C.answer(q) }
  if q.explanation ~= "" then out[#out + 1] = q.explanation end
  out[#out + 1] = "Source: " .. q.source
  return table.concat(out, "\n")
end

-- Tags as Anki writes them: one word each (spaces become underscores).
function C.tags(q)
  local out = {}
  for i, t in ipairs(q.tags) do out[i] = (t:gsub("%s+", "_")) end
  return out
end

return C
