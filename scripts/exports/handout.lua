-- exports/handout.lua: `export --format handout TOPIC [--seed N]` — a study-circle topic
-- (circles/TOPIC.lua) as a Markdown handout to print: reading, timeline, questions, discussion
-- prompts and, on a separate page, the answer key (lib/circle/handout.lua).

local options = require("lib.options")
local topic, handout = require("lib.circle.topic"), require("lib.circle.handout")

local spec = {
  { "f", "format", "FORMAT", "handout (this format)" },
  { "s", "seed", "N", "seed for the order of the choices (default 1, as `circle`)", type = "int", default = 1 },
  { "o", "output", "FILE", "write to a new FILE (.md) instead of standard output", values = "files" },
  args = "circles", -- what Tab offers for TOPIC
}

local function usage(msg)
  error({ message = "export: " .. msg, status = 2 }, 0)
end

return {
  name = "handout",
  description = "a study-circle topic as a Markdown handout with a separate answer key",
  spec = spec,
  run = function(args)
    local opts, rest = options.parse("export", args, spec)
    if not opts then return end -- --help was printed
    local topics = table.concat(topic.ids(), ", ")
    if #rest == 0 then usage("a handout needs a TOPIC (one of: " .. topics .. ")") end
    if #rest > 1 then usage("unexpected argument '" .. rest[2] .. "'") end
    if not topic.find(rest[1]) then usage("no topic '" .. rest[1] .. "' (one of: " .. topics .. ")") end
    local sink = require("lib.export.format").sink(opts, spec) -- a bad -o is refused before the work
    sink.add(handout.render(topic.get(rest[1], opts.seed), opts.seed))
    sink.finish()
  end,
}
