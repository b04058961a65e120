-- lib/paper.lua: questions on paper, in Markdown — how a worksheet (exports/worksheet.lua) and a
-- study-circle handout (lib/circle/handout.lua) print a question, its answer in the key, and the
-- page break before the key. The break is an HTML div that Markdown printers (pandoc, browsers)
-- honour; a rule follows it, so the key also stands apart on screen.

local P = {}

P.PAGE_BREAK = '<div style="page-break-before: always"></div>'

local function letter(i) return string.char(96 + i) end

-- Markdown special characters escaped, so a prompt with a blank (____) prints as written. An
-- underscore inside a word (a file name) cannot start emphasis and is left alone.
function P.md(s)
  s = s:gsub("([\\`*_%[%]<>#|])", "\\%1")
  for _ = 1, 2 do s = s:gsub("(%w)\\_(%w)", "%1_%2") end
  return s
end
local md = P.md

-- The lines of question number n: its prompt and what its kind needs to be answered on paper.
function P.question_lines(n, q)
  local out = { string.format("**%d.** %s", n, md(q.prompt)), "" }
  if q.kind == "choice" or q.kind == "multi" or q.kind == "order" then
    for i, c in ipairs(q.choices) do out[#out + 1] = string.format("   %s) %s  ", letter(i), md(c)) end
    local how = { choice = "Circle one letter.", multi = "Circle every right letter.",
                  order = "Write the letters in order, earliest first: \\_\\_\\_\\_\\_\\_" }
    out[#out + 1] = ""
    out[#out + 1] = "   *" .. how[q.kind] .. "*"
  elseif q.kind == "match" then
    for i, l in ipairs(q.left) do out[#out + 1] = string.format("   %d. %s \\_\\_\\_  ", i, md(l)) end
    out[#out + 1] = ""
    for i, c in ipairs(q.choices) do out[#out + 1] = string.format("   %s) %s  ", letter(i), md(c)) end
  elseif q.kind == "truefalse" then
    out[#out + 1] = "   True / False"
  else
    out[#out + 1] = "   Answer: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"
  end
  out[#out + 1] = ""
  return out
end

-- The answer as the key gives it: letters with the choices they stand for, else the answer.
function P.key(q)
  if q.kind == "choice" or q.kind == "multi" then
    local parts = {}
    for i, c in ipairs(q.correct) do parts[i] = letter(c) .. ") " .. q.choices[c] end
    return table.concat(parts, "; ")
  end
  return q.answer
end

return P
