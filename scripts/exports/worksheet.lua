-- exports/worksheet.lua: `export --format worksheet --seed N [-n N] [filters]` — the drill for
-- that seed on paper: the same questions in the same order (lib/drill/select.lua), as Markdown,
-- with the answer key on a separate page.

local options, select_ = require("lib.options"), require("lib.drill.select")

local spec = { { "f", "format", "FORMAT", "worksheet (this format)" } }
for _, o in ipairs(select_.spec) do spec[#spec + 1] = o end

local function letter(i) return string.char(96 + i) end

-- Markdown special characters in question text are escaped so a prompt prints as written.
local function md(s)
  return (s:gsub("([\\`*_%[%]<>#|])", "\\%1"))
end

-- The lines of one question: its prompt and what the kind needs to be answered on paper.
local function question_lines(n, q)
  local out = { string.format("**%d.** %s", n, md(q.prompt)), "" }
  if q.kind == "choice" or q.kind == "multi" or q.kind == "order" then
    for i, c in ipairs(q.choices) do out[#out + 1] = string.format("   %s) %s  ", letter(i), md(c)) end
    local how = { choice = "Circle one letter.", multi = "Circle every right letter.",
                  order = "Write the letters in order, earliest first: ______" }
    out[#out + 1] = ""
    out[#out + 1] = "   *" .. how[q.kind] .. "*"
  elseif q.kind == "match" then
    for i, l in ipairs(q.left) do out[#out + 1] = string.format("   %d. %s ___  ", i, md(l)) end
    out[#out + 1] = ""
    for i, c in ipairs(q.choices) do out[#out + 1] = string.format("   %s) %s  ", letter(i), md(c)) end
  elseif q.kind == "truefalse" then
    out[#out + 1] = "   True / False"
  else
    out[#out + 1] = "   Answer: ______________________________"
  end
  out[#out + 1] = ""
  return out
end

return {
  name = "worksheet",
  description = "the drill for a seed as a Markdown worksheet with a separate answer key",
  run = function(args)
    local opts, rest = options.parse("export", args, spec)
    if #rest > 0 then options.error("export", spec, "unexpected argument '" .. rest[1] .. "'") end
    if not opts.seed then
      options.error("export", spec, "a worksheet needs --seed N (the seed of the drill it matches)")
    end
    local questions, why = select_.questions(opts, opts.seed)
    if not questions then options.error("export", spec, why) end
    local out = { "# Worksheet — seed " .. opts.seed, "",
      string.format("%d questions. The drill `halqa drill --seed %d -n %d` asks the same ones in the same order.",
        #questions, opts.seed, opts.count), "", "Name: ______________________    Date: ____________", "" }
    for n, q in ipairs(questions) do
      for _, l in ipairs(question_lines(n, q)) do out[#out + 1] = l end
    end
    out[#out + 1] = '<div style="page-break-before: always"></div>'
    out[#out + 1] = ""
    out[#out + 1] = "---"
    out[#out + 1] = ""
    out[#out + 1] = "# Answer key — seed " .. opts.seed
    out[#out + 1] = ""
    for n, q in ipairs(questions) do
      local key = q.answer
      if q.kind == "choice" or q.kind == "multi" then
        local letters = {}
        for i, c in ipairs(q.correct) do letters[i] = letter(c) .. ")" end
        key = table.concat(letters, " ") .. " " .. q.answer
      end
      out[#out + 1] = string.format("%d. **%s**  ", n, md(key))
      if q.explanation ~= "" then out[#out + 1] = "   " .. md(q.explanation) .. "  " end
      out[#out + 1] = "   *Source: " .. md(q.source) .. "*"
      out[#out + 1] = "   <!-- id: " .. q.id .. " -->"
    end
    halqa.write(table.concat(out, "\n"), "\n")
  end,
}
