-- exports/json.lua: `export --format json [--seed N] [filters]` — the whole question bank as one
-- JSON array, written a question at a time so a large dataset streams.

local options, bank = require("lib.options"), require("lib.quiz.bank")

local spec = {
  { "f", "format", "FORMAT", "json (this format)" },
  { "s", "seed", "N", "seed for the distractors and the order of choices (default 1)", type = "int", default = 1 },
  { "g", "generator", "NAME", "only this generator (repeatable)", list = true },
  { "p", "party", "ID", "only questions about this party (repeatable)", list = true },
  { "t", "topic", "TAG", "only questions with this tag (repeatable)", list = true },
  { "k", "kind", "KIND", "only questions of this kind (repeatable)", list = true },
}

return {
  name = "json",
  description = "every question the generators make, as a JSON array",
  run = function(args)
    local opts, rest = options.parse("export", args, spec)
    if not opts then return end -- --help was printed
    if #rest > 0 then options.error("export", spec, "unexpected argument '" .. rest[1] .. "'") end
    local names = {}
    for _, g in ipairs(bank.generators()) do names[g.name] = true end
    for _, g in ipairs(opts.generator) do
      if not names[g] then options.error("export", spec, "no generator named '" .. g .. "'") end
    end
    for _, p in ipairs(opts.party) do
      if not parties[p] then options.error("export", spec, "no party with id '" .. p .. "'") end
    end
    local first = true
    halqa.write("[")
    bank.each(opts.seed, function(q)
      if bank.matches(q, opts) then
        halqa.write(first and "\n" or ",\n", halqa.json(q, true))
        first = false
      end
    end)
    halqa.write(first and "]\n" or "\n]\n")
  end,
}
