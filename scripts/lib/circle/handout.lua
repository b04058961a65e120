-- lib/circle/handout.lua: a built topic as a printable Markdown handout — the reading with its
-- numbered sources, the timeline, the questions, the discussion prompts with room for notes, and,
-- on a page of its own, the answer key. The page break is an HTML div that Markdown printers
-- (pandoc, browsers) honour, followed by a rule, so the key also stands apart on screen.

local reading = require("lib.circle.reading")

local H = {}

local paper = require("lib.paper")
local T = require("lib.text")
H.PAGE_BREAK, H.md, H.key = paper.PAGE_BREAK, paper.md, paper.key
local md, question_lines = paper.md, paper.question_lines

-- The handout of topic t as one string. seed is the one the questions were built with (the
-- order of their choices), named so a session can match it.
function H.render(t, seed)
  local out = {}
  local function add(...)
    for _, l in ipairs({ ... }) do out[#out + 1] = l end
  end
  add("# Study circle: " .. md(t.title), "",
    string.format("*Reading about %d min · %s · %s · `halqa circle %s --seed %d` asks the same questions.*",
      t.minutes, T.plural(#t.questions, "question"), T.plural(#t.prompts, "discussion prompt"), t.id, seed), "")
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
