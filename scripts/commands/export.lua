-- commands/export.lua: `export --format json [--seed N]` prints the whole question bank.

local options = require("lib.options")
local bank = require("lib.quiz.bank")

local spec = {
  { "f", "format", "FORMAT", "json (the question bank)", default = "json" },
  { "s", "seed", "N", "seed for the distractors and the order of choices (default 1)", type = "int", default = 1 },
  { "g", "generator", "NAME", "only this generator (repeatable)", list = true },
  { "p", "party", "ID", "only questions about this party (repeatable)", list = true },
  { "t", "topic", "TAG", "only questions with this tag (repeatable)", list = true },
  { "k", "kind", "KIND", "only questions of this kind (repeatable)", list = true },
}

-- Output formats: a table of format name -> function(questions, opts). Later formats (worksheet,
-- handout) add entries here.
local formats = {}

function formats.json(questions)
  print(halqa.json(questions, true))
end

halqa.command("export", "export --format json [--seed N]  print every question the generators make, as JSON",
  function(args)
    local opts, rest = options.parse("export", args, spec)
    if #rest > 0 then options.error("export", spec, "unexpected argument '" .. rest[1] .. "'") end
    local emit = formats[opts.format]
    if not emit then options.error("export", spec, "unknown format '" .. opts.format .. "'") end
    local questions = bank.filter(bank.build(opts.seed), opts)
    emit(questions, opts)
  end)
