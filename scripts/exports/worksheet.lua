-- exports/worksheet.lua: `export --format worksheet --seed N [-n N] [filters]` — the drill for
-- that seed on paper: the same questions in the same order (lib/drill/select.lua), as Markdown,
-- with the answer key on a separate page.

local options, select_ = require("lib.options"), require("lib.drill.select")

local E = require("lib.export.format")
local spec = { { "f", "format", "FORMAT", "worksheet (this format)" },
               { "o", "output", "FILE", "write to a new FILE (.md) instead of standard output", values = "files" } }
for _, o in ipairs(select_.spec) do spec[#spec + 1] = o end

local paper = require("lib.paper")
local T = require("lib.text")
local md = paper.md

return {
  name = "worksheet",
  description = "the drill for a seed as a Markdown worksheet with a separate answer key",
  spec = spec,
  run = function(args)
    local opts, rest = options.parse("export", args, spec)
    if not opts then return end -- --help was printed
    if #rest > 0 then options.error("export", spec, "unexpected argument '" .. rest[1] .. "'") end
    if not opts.seed then
      options.error("export", spec, "a worksheet needs --seed N (the seed of the drill it matches)")
    end
    local sink = E.sink(opts, spec) -- a bad -o is refused before the work
    local questions, why = select_.questions(opts, opts.seed)
    if not questions then options.error("export", spec, why) end
    local out = { "# Worksheet — seed " .. opts.seed, "",
      string.format("%s. The drill `halqa drill --seed %d -n %d` asks the same ones in the same order.",
        T.plural(#questions, "question"), opts.seed, opts.count), "", "Name: ______________________    Date: ____________", "" }
    for n, q in ipairs(questions) do
      for _, l in ipairs(paper.question_lines(n, q)) do out[#out + 1] = l end
    end
    out[#out + 1] = paper.PAGE_BREAK
    out[#out + 1] = ""
    out[#out + 1] = "---"
    out[#out + 1] = ""
    out[#out + 1] = "# Answer key — seed " .. opts.seed
    out[#out + 1] = ""
    for n, q in ipairs(questions) do
      out[#out + 1] = string.format("%d. **%s**  ", n, md(paper.key(q)))
      if q.explanation ~= "" then out[#out + 1] = "   " .. md(q.explanation) .. "  " end
      out[#out + 1] = "   *Source: " .. md(q.source) .. "*"
      out[#out + 1] = "   <!-- id: " .. q.id .. " -->"
    end
    sink.add(table.concat(out, "\n") .. "\n")
    sink.finish()
  end,
}
