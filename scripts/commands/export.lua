-- commands/export.lua: `export --format json [--seed N]` prints the whole question bank.

-- Libraries load when the command first runs, so start-up does not pay for them.
local options, bank
local function load_libs()
  options, bank = require("lib.options"), require("lib.quiz.bank")
end

local spec = {
  { "f", "format", "FORMAT", "json (the question bank)", default = "json" },
  { "s", "seed", "N", "seed for the distractors and the order of choices (default 1)", type = "int", default = 1 },
  { "g", "generator", "NAME", "only this generator (repeatable)", list = true },
  { "p", "party", "ID", "only questions about this party (repeatable)", list = true },
  { "t", "topic", "TAG", "only questions with this tag (repeatable)", list = true },
  { "k", "kind", "KIND", "only questions of this kind (repeatable)", list = true },
}

-- Output formats: a table of format name -> function(opts). Later formats (worksheet, handout)
-- add entries here.
local formats = {}

-- The bank as one JSON array, written a question at a time so a large dataset streams.
function formats.json(opts)
  local first = true
  halqa.write("[")
  bank.each(opts.seed, function(q)
    if bank.matches(q, opts) then
      halqa.write(first and "\n" or ",\n", halqa.json(q, true))
      first = false
    end
  end)
  halqa.write(first and "]\n" or "\n]\n")
end

halqa.command("export", "export --format json [--seed N]  print every question the generators make, as JSON",
  function(args)
    load_libs()
    local opts, rest = options.parse("export", args, spec)
    if #rest > 0 then options.error("export", spec, "unexpected argument '" .. rest[1] .. "'") end
    local emit = formats[opts.format]
    if not emit then options.error("export", spec, "unknown format '" .. opts.format .. "'") end
    local names = {}
    for _, g in ipairs(bank.generators()) do names[g.name] = true end
    for _, g in ipairs(opts.generator) do
      if not names[g] then options.error("export", spec, "no generator named '" .. g .. "'") end
    end
    for _, p in ipairs(opts.party) do
      if not parties[p] then options.error("export", spec, "no party with id '" .. p .. "'") end
    end
    emit(opts)
  end)
