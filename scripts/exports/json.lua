-- exports/json.lua: `export --format json [--seed N] [filters] [-o FILE]` — the whole question
-- bank as one JSON array, written a question at a time so a large dataset streams.

local E = require("lib.export.format")

local function item(q, n) return (n == 1 and "\n" or ",\n") .. halqa.json(q, true) end
local kinds = {}
for k in pairs(require("lib.quiz.question").kinds) do kinds[k] = item end

return E.format{
  name = "json",
  description = "every question the generators make, as a JSON array",
  kinds = kinds,
  header = function() return "[" end,
  footer = function(_, n) return n == 0 and "]\n" or "\n]\n" end,
}
