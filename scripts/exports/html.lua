-- exports/html.lua: `export --format html --seed N [-n N] [filters]` (the worksheet of that
-- drill) or `export --format html TOPIC [--seed N]` (a study circle's handout) as one
-- self-contained printable HTML page, the answer key on a page of its own (lib/export/html.lua).
-- Open it in a browser and print, or write it with -o FILE.html.

local options, select_ = require("lib.options"), require("lib.drill.select")
local E, H = require("lib.export.format"), require("lib.export.html")

local spec = E.paper_spec("html")

-- The page for the arguments: a TOPIC's handout, or the worksheet of --seed.
local function page_for(opts, rest)
  if rest[1] then
    local topic = require("lib.circle.topic")
    if not topic.find(rest[1]) then
      options.error("export", spec, "no topic '" .. rest[1] .. "' (one of: " .. table.concat(topic.ids(), ", ") .. ")")
    end
    local seed = opts.seed or 1
    return H.handout(topic.get(rest[1], seed), seed)
  end
  if not opts.seed then
    options.error("export", spec, "an html worksheet needs --seed N (the drill it matches), or a TOPIC for a handout")
  end
  local questions, why = select_.questions(opts, opts.seed)
  if not questions then options.error("export", spec, why) end
  return H.worksheet(questions, opts)
end

local function run(args)
  local opts, rest = options.parse("export", args, spec)
  if not opts then return end -- --help was printed
  if #rest > 1 then options.error("export", spec, "unexpected argument '" .. rest[2] .. "'") end
  local out = E.sink(opts, spec)
  out.add(page_for(opts, rest))
  out.finish()
end

spec.args = "circles" -- what Tab offers for TOPIC
return { name = "html", run = run, spec = spec,
         description = "a worksheet (--seed N) or a circle's handout (TOPIC) as a printable HTML page" }
