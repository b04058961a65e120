-- lib/export/html.lua: a worksheet or a study-circle handout as one self-contained printable
-- HTML page — no scripts, no fonts or images to fetch, its style inline — whose print style puts
-- the answer key on a page of its own (break-before: page) and keeps a question on one page.
-- The same parts as the Markdown worksheet and handout (lib/paper.lua), in HTML.

local paper = require("lib.paper")

local H = {}

local ENTITIES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }
function H.esc(s) return (s:gsub('[&<>"]', ENTITIES)) end
local esc = H.esc

local STYLE = [[
  body { font-family: "DejaVu Serif", Georgia, serif; font-size: 12pt; line-height: 1.45;
         max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000; }
  h1 { font-size: 18pt; margin: 0 0 .3em; }  h2 { font-size: 14pt; margin: 1.2em 0 .4em; }
  .meta { color: #333; font-style: italic; }
  .name { margin: 1em 0 1.5em; }
  .q { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1.1em; }
  .q ol { list-style: lower-alpha; margin: .3em 0; }
  .q ol.left { list-style: decimal; }
  .how { font-style: italic; font-size: 10.5pt; }
  .line { border-bottom: 1px solid #000; height: 1.6em; margin: .2em 0 .4em; }
  table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: .2em .5em; text-align: left; vertical-align: top; }
  .key { break-before: page; page-break-before: always; }
  .key li { margin-bottom: .5em; }  .source { font-size: 10pt; color: #333; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print { body { max-width: none; margin: 0; padding: 0; } }
]]

-- The page around body parts (a list of strings).
function H.page(title, parts)
  return table.concat({ '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>', esc(title),
    "</title>\n<style>", STYLE, "</style>\n</head>\n<body>\n", table.concat(parts, "\n"), "\n</body>\n</html>\n" })
end

local function letters(list, class)
  local out = { "<ol" .. (class and (' class="' .. class .. '"') or "") .. ">" }
  for _, c in ipairs(list) do out[#out + 1] = "<li>" .. esc(c) .. "</li>" end
  out[#out + 1] = "</ol>"
  return table.concat(out)
end

-- What each kind needs to be answered on paper (a table of cases), after its prompt.
local ANSWER_SPACE = {
  choice = function(q) return letters(q.choices) .. '<p class="how">Circle one letter.</p>' end,
  multi = function(q) return letters(q.choices) .. '<p class="how">Circle every right letter.</p>' end,
  order = function(q) return letters(q.choices) .. '<p class="how">Write the letters in order, earliest first: ________</p>' end,
  match = function(q)
    local left = { '<ol class="left">' }
    for _, l in ipairs(q.left) do left[#left + 1] = "<li>" .. esc(l) .. " ____</li>" end
    left[#left + 1] = "</ol>"
    return table.concat(left) .. letters(q.choices)
  end,
  truefalse = function() return '<p>True / False</p>' end,
}

function H.question(n, q)
  local space = ANSWER_SPACE[q.kind]
  return string.format('<div class="q"><p><b>%d.</b> %s</p>%s</div>', n, esc(q.prompt),
    space and space(q) or '<div class="line"></div>')
end

-- The answer key: each answer, its explanation and its full citation.
function H.key(title, questions)
  local out = { '<section class="key">', "<h2>" .. esc(title) .. "</h2>", "<ol>" }
  for _, q in ipairs(questions) do
    out[#out + 1] = string.format('<li><b>%s</b>%s<br><span class="source">Source: %s</span></li>', esc(paper.key(q)),
      q.explanation ~= "" and ("<br>" .. esc(q.explanation)) or "", esc(q.source))
  end
  out[#out + 1] = "</ol>\n</section>"
  return table.concat(out, "\n")
end

function H.worksheet(questions, opts)
  local parts = { "<h1>Worksheet — seed " .. opts.seed .. "</h1>",
    string.format('<p class="meta">%d questions. The drill <code>halqa drill --seed %d -n %d</code> asks the same ones in the same order.</p>',
      #questions, opts.seed, opts.count),
    '<p class="name">Name: ______________________ &nbsp; Date: ____________</p>' }
  for n, q in ipairs(questions) do parts[#parts + 1] = H.question(n, q) end
  parts[#parts + 1] = H.key("Answer key — seed " .. opts.seed, questions)
  return H.page("Worksheet — seed " .. opts.seed, parts)
end

function H.handout(t, seed)
  local reading = require("lib.circle.reading")
  local parts = { "<h1>Study circle: " .. esc(t.title) .. "</h1>",
    string.format('<p class="meta">Reading about %d min · %d questions · %d discussion prompts · <code>halqa circle %s --seed %d</code> asks the same questions.</p>',
      t.minutes, #t.questions, #t.prompts, esc(t.id), seed), "<h2>Reading</h2>" }
  for _, p in ipairs(reading.paragraph_texts(t.reading, esc)) do parts[#parts + 1] = "<p>" .. p .. "</p>" end
  local _, notes = reading.notes(t.reading)
  parts[#parts + 1] = "<p><b>Sources</b></p>" .. letters(notes, "left")
  parts[#parts + 1] = "<h2>Timeline</h2><table><tr><th>Date</th><th>Event</th></tr>"
  for _, e in ipairs(t.timeline) do
    parts[#parts + 1] = string.format("<tr><td>%s</td><td>%s</td></tr>", e.date and esc(e.date) or "undated", esc(e.title))
  end
  parts[#parts + 1] = "</table><h2>Questions</h2>"
  for n, q in ipairs(t.questions) do parts[#parts + 1] = H.question(n, q) end
  parts[#parts + 1] = "<h2>Discussion</h2>"
  for n, p in ipairs(t.prompts) do
    parts[#parts + 1] = string.format('<div class="q"><p><b>%d.</b> %s</p>%s</div>', n, esc(p),
      string.rep('<div class="line"></div>', 4))
  end
  parts[#parts + 1] = H.key("Answer key: " .. t.title, t.questions)
  return H.page("Study circle: " .. t.title, parts)
end

return H
