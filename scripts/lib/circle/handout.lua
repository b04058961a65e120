-- lib/circle/handout.lua: a built topic as a printable Markdown handout — the reading with its
-- numbered sources, the timeline, the questions, the discussion prompts with room for notes, and,
-- on a page of its own, the answer key. The page break is an HTML div that Markdown printers
-- (pandoc, browsers) honour, followed by a rule, so the key also stands apart on screen.

local reading = require("lib.circle.reading")

local H = {}

H.PAGE_BREAK = '<div style="page-break-before: always"></div>'

local function letter(i) return string.char(96 + i) end

-- Markdown special characters escaped, so a prompt with a blank (____) prints as written. An
-- underscore inside a word (a file name) cannot start emphasis and is left alone.
function H.md(s)
  s = s:gsub("([\\`*_%[%]<>#|])", "\\%1")
  for _ = 1, 2 do s = s:gsub("(%w)\\_(%w)", "%1_%2") end
  return s
end
local md = H.md

-- The lines of one question: its prompt and what its kind needs to be answered on paper.
local function question_lines(n, q)
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
function H.key(q)
  if q.kind == "choice" or q.kind == "multi" then
    local parts = {}
    for i, c in ipairs(q.correct) do parts[i] = letter(c) .. ") " .. q.choices[c] end
    return table.concat(parts, "; ")
  end
  return q.answer
end

-- The handout of topic t as one string. seed is the one the questions were built with (the
-- order of their choices), named so a session can match it.
function H.render(t, seed)
  local out = {}
  local function add(...)
    for _, l in ipairs({ ... }) do out[#out + 1] = l end
  end
  add("# Study circle: " .. md(t.title), "",
    string.format("*Reading about %d min · %d questions · %d discussion prompts · `halqa circle %s --seed %d` asks the same questions.*",
      t.minutes, #t.questions, #t.prompts, t.id, seed), "")
  add("## Reading", "")
  for _, p in ipairs(reading.paragraph_texts(t.reading, md)) do add(p, "") end
  local _, notes = reading.notes(t.reading)
  add("**Sources**", "")
  for i, n in ipairs(notes) do add(string.format("%d. %s", i, md(n))) end
  add("", "## Timeline", "", "| Date | Event |", "| --- | --- |")
  local undated = false
  for _, e in ipairs(t.timeline) do
    undated = undated or not e.date
    add(string.format("| %s | %s |", e.date or "undated\\*", md(e.title)))
  end
  if undated then add("", "\\* The sources give no date; the event stands where they tell it.") end
  add("", "## Questions", "")
  for n, q in ipairs(t.questions) do add(table.unpack(question_lines(n, q))) end
  add("## Discussion", "")
  for n, p in ipairs(t.prompts) do
    add(string.format("**%d.** %s", n, md(p)), "")
    for _ = 1, 4 do add("   \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  ") end
    add("")
  end
  add(H.PAGE_BREAK, "", "---", "", "## Answer key: " .. md(t.title), "")
  for n, q in ipairs(t.questions) do
    add(string.format("%d. **%s**  ", n, md(H.key(q))))
    if q.explanation ~= "" then add("   " .. md(q.explanation) .. "  ") end
    add("   *Source: " .. md(q.source) .. "*")
  end
  add("")
  return table.concat(out, "\n")
end

return H
