-- lib/circle/render.lua: a built topic as terminal text — the line of `circle --list`, the
-- reading with its citation notes, and the timeline — as lists of lines, so a session can page
-- them. The Markdown handout is lib/circle/handout.lua.

local T = require("lib.text")
local reading = require("lib.circle.reading")

local M = {}

local function plural(n, word)
  return string.format("%d %s%s", n, word, n == 1 and "" or "s")
end

-- "2 min · 8 questions"
function M.size(t)
  return string.format("%d min · %s", t.minutes, plural(#t.questions, "question"))
end

-- One entry per topic for `circle --list`: id, reading time and question count in columns, then
-- the title, wrapped under itself; where the columns leave too little room (a 40-column
-- projector) the title goes on the lines below. width is what the entry may use (default: the
-- screen's).
function M.list(topics, width)
  width = width or halqa.columns()
  local idw = 0
  for _, t in ipairs(topics) do idw = math.max(idw, T.width(t.id)) end
  local out = {}
  for _, t in ipairs(topics) do
    local head = string.format("%s%s  %2d min  %-12s", t.id, string.rep(" ", idw - T.width(t.id)), t.minutes,
      plural(#t.questions, "question"))
    local room = width - T.width(head) - 2
    if room >= 24 then
      out[#out + 1] = head .. "  " .. T.wrap(t.title, room, ""):gsub("\n", "\n" .. string.rep(" ", T.width(head) + 2))
    else
      head = head:gsub("%s+$", "")
      if T.width(head) > width then -- the size goes under the id rather than be cut ("8 question")
        head = T.cut(t.id, width) .. "\n    " .. M.size(t)
      end
      out[#out + 1] = head .. "\n" .. T.wrap("    " .. t.title, width, "    ")
    end
  end
  return out
end

local function add_lines(out, text)
  for line in (text .. "\n"):gmatch("(.-)\n") do out[#out + 1] = line end
end

-- The reading as lines: a heading, the paragraphs wrapped to width with citation marks, then
-- the numbered sources.
function M.reading(t, width)
  local out = { T.color("bold", "Reading") .. T.color("dim", string.format("  (about %d min, %d words)", t.minutes, t.words)), "" }
  for _, p in ipairs(reading.paragraph_texts(t.reading)) do
    add_lines(out, T.wrap(p, width))
    out[#out + 1] = ""
  end
  local _, notes = reading.notes(t.reading, require("lib.cite").titles) -- on screen, titles (lib/cite.lua)
  out[#out + 1] = T.color("dim", "Sources")
  for i, n in ipairs(notes) do
    local mark = "[" .. i .. "] "
    add_lines(out, T.color("dim", T.wrap(mark .. n, width, string.rep(" ", #mark))))
  end
  return out
end

-- The timeline as lines: each event's date (or "undated" when no source gives one) and title.
function M.timeline(t, width)
  local dw, undated = 0, false
  for _, e in ipairs(t.timeline) do
    dw = math.max(dw, T.width(e.date or "undated*"))
  end
  local out = { T.color("bold", "Timeline") }
  for _, e in ipairs(t.timeline) do
    local d = e.date or "undated*"
    undated = undated or not e.date
    local lead = "  " .. d .. string.rep(" ", dw - T.width(d)) .. "  "
    out[#out + 1] = lead .. T.wrap(e.title, width - #lead, string.rep(" ", #lead))
  end
  if undated then out[#out + 1] = T.color("dim", "  * The sources give no date; the event stands where they tell it.") end
  return out
end

return M
