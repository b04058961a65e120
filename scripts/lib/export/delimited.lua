-- lib/export/delimited.lua: the csv and tsv exports — the bank as flashcard rows in the column
-- layouts Anki's and Quizlet's importers read: `--layout anki` (default) is front, back, tags
-- (tags separated by spaces); `--layout quizlet` is term, definition. Fields are quoted as
-- RFC 4180 says (a field holding the separator, a quote or a line break is put in quotes, its
-- quotes doubled); rows end in CRLF. Every kind is a card, so nothing is left out.

local E, C = require("lib.export.format"), require("lib.cards.faces")

local D = {}

local function field(s, sep)
  if s:find(sep, 1, true) or s:find('[\r\n"]') then return '"' .. s:gsub('"', '""') .. '"' end
  return s
end

local LAYOUTS = {
  anki = function(q) return { C.front(q), C.back(q), table.concat(C.tags(q), " ") } end,
  quizlet = function(q) return { C.front(q), C.back(q) } end,
}

function D.format(name, sep, what)
  local function row(q, _, opts)
    local cells = LAYOUTS[opts.layout](q)
    for i, c in ipairs(cells) do cells[i] = field(c, sep) end
    return table.concat(cells, sep) .. "\r\n"
  end
  local kinds = {}
  for k in pairs(require("lib.quiz.question").kinds) do kinds[k] = row end
  return E.format{
    name = name,
    description = "the question bank as " .. what .. " flashcard rows for Anki (front, back, tags) or Quizlet",
    kinds = kinds,
    options = { { nil, "layout", "NAME", "anki (front, back, tags; default) or quizlet (term, definition)", default = "anki",
                  check = function(v) return LAYOUTS[v] ~= nil, "must be anki or quizlet" end } },
  }
end

return D
