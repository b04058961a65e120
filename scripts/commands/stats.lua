-- commands/stats.lua: `stats` — progress: cards per deck, true retention, a heatmap of reviews,
-- a forecast of due cards, and the weakest facts.

local options, render, scheduler
local function load_libs()
  options, render, scheduler = require("lib.options"), require("lib.stats.render"), require("lib.stats.scheduler")
end

local spec = {
  { "d", "days", "N", "the period for retention and the heatmap (default 84)", type = "int", default = 84,
    check = function(n) return n >= 1 and n <= 3650, "must be 1 to 3650" end },
  { nil, "now", "SECONDS", "as of this time (unix seconds) instead of now", type = "int" },
  { nil, "json", nil, "print the figures as JSON", type = "flag" },
  { nil, "compare", "R", "a retention to forecast beside yours (0.85)", type = "number", default = 0.85,
    check = function(r) return r >= 0.7 and r <= 0.99, "must be between 0.7 and 0.99" end },
}

halqa.command("stats", "stats [--days N] [--json]  what you know: decks, retention, heatmap, forecast\n\n" ..
  "Examples:\n  stats\n  stats --days 28 --json\n\n`stats --help` lists every option.", function(args)
  load_libs()
  local opts, rest = options.parse("stats", args, spec)
  if not opts then return end -- --help was printed
  if #rest > 0 then options.error("stats", spec, "unexpected argument '" .. rest[1] .. "'") end
  local st = halqa.store.stats(opts.now, opts.days)
  st.scheduler = scheduler.gather(st, opts.compare, opts.now)
  if opts.json then
    print(halqa.json(st, true))
  else
    print(render.text(st))
  end
end, function() return spec end)
