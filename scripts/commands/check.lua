-- commands/check.lua: `check` — lints the question bank (after `halqa check` has validated the
-- dataset), and with --coverage lists which record fields the questions ask.

local options, bank, lint, coverage
local function load_libs()
  options, bank = require("lib.options"), require("lib.quiz.bank")
  lint, coverage = require("lib.quiz.lint"), require("lib.quiz.coverage")
end

local spec = {
  { nil, "coverage", nil, "list each record.field with the questions that ask it", type = "flag" },
  { nil, "seed", "N", "the bank's seed (default 1)", type = "int", default = 1 },
}

halqa.command("check", "check [--coverage]  lint the question bank; list the fields it asks\n\n" ..
  "`halqa check` first validates the dataset, then lints the questions made from it.\n\n" ..
  "Examples:\n  check\n  check --coverage", function(args)
  load_libs()
  local opts, rest = options.parse("check", args, spec)
  if not opts then return end -- --help was printed
  if #rest > 0 then options.error("check", spec, "unexpected argument '" .. rest[1] .. "'") end
  local b = bank.build(opts.seed)
  if opts.coverage then print(coverage.text(coverage.report(b))) end
  local problems = lint.run(b)
  for _, p in ipairs(problems) do print("lint: " .. p.check .. ": " .. p.id .. ": " .. p.message) end
  print(string.format("%d questions linted, %d problems", #b, #problems))
  if #problems > 0 then error({ message = "check: the question bank has problems", status = 1 }, 0) end
end, function() return spec end)
