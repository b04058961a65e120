-- generators/linked/names.lua: what a party was called in a given year, joining the event that
-- made or merged it to the one that ended or rebuilt it: the party two others merged into, in a
-- year before it merged again; a party that merged into another and was rebuilt out of it, in a
-- year between; a party that later turned into another (the CPEP, the CPB), in its founding year.

local F = require("lib.quiz.facts")

-- A date a reader can count years from: a source gives its year, not only a decade or a part.
local function exact_year(d)
  return F.askable(d) and not d.decade and not d.part
end

local function told(e) return "“" .. e.title .. "” (" .. F.date(e.date) .. ")" end

-- The first dated event of kind `kind` (a list of kinds) for which test(e) holds.
local function find_event(kinds, test)
  for _, id in ipairs(halqa.index.events_by_date) do
    local e = events[id]
    if F.has(kinds, e.kind) and exact_year(e.date) and test(e) then return e end
  end
end

local function ask(ctx, spec, a, b)
  spec.template, spec.tags = "name_in_year", { "linked", "parties" }
  spec.sources = F.merge_sources({ a.sources, b.sources })
  ctx:short(spec)
end

local function name_in_year(ctx)
  for _, x in ipairs(F.ids("parties")) do
    local p = parties[x]
    -- made by a merger, and merged again years later: its name in a year between
    local made = find_event({ "merger" }, function(e) return e.formed == x and #(e.from or {}) >= 2 end)
    local ended = made and p.dissolved and find_event({ "merger" }, function(e)
      return F.has(e.from, x) and e.date.year == p.dissolved.year
    end)
    if ended and ended.date.year - made.date.year >= 2 then
      local year = (made.date.year + ended.date.year) // 2
      ask(ctx, {
        facts = { made.id, ended.id }, variant = "made",
        prompt = F.capital(F.when(made.date)) .. ", " .. F.join_and(F.map(made.from, F.the_short)) ..
          " merged into one party. What was that party called in " .. year .. "?",
        answer = F.name(x), accepted = F.accepted(x),
        explanation = told(made) .. " made " .. F.the_long(x) .. "; it kept that name until " .. told(ended) .. ".",
      }, made, ended)
    end
    -- merged into another party and rebuilt out of it: where its members were in a year between
    local into = p.merged_into and find_event({ "merger" }, function(e)
      return F.has(e.from, x) and e.formed == p.merged_into
    end)
    local rebuilt = into and find_event({ "split" }, function(e)
      return e.formed == x and F.has(e.from, p.merged_into) and e.date.year - into.date.year >= 2
    end)
    if rebuilt then
      local year = (into.date.year + rebuilt.date.year) // 2
      ask(ctx, {
        facts = { into.id, rebuilt.id }, variant = "inside",
        prompt = "In " .. year .. ", " .. F.the_short(x) .. " was not a party of its own. In which party did its members work?",
        answer = F.name(p.merged_into), accepted = F.accepted(p.merged_into),
        explanation = F.capital(F.the_short(x)) .. " merged into " .. F.the_long(p.merged_into) .. " in " ..
          told(into) .. " and was rebuilt out of it in " .. told(rebuilt) .. ".",
      }, into, rebuilt)
    end
    -- turned into another party later: its first name, in the year it was founded
    local founding = p.became and find_event({ "founding", "split", "merger" }, function(e) return e.formed == x end)
    if founding and not F.mentions(F.name(p.became), x) then
      local b = parties[p.became]
      ask(ctx, {
        facts = { founding.id, p.became }, variant = "first",
        prompt = F.capital(F.the_long(p.became)) .. " began under another name. What was it called when it was founded, " ..
          F.when(founding.date) .. "?",
        answer = F.name(x), accepted = F.accepted(x),
        explanation = told(founding) .. " set up " .. F.the_long(x) .. ", which later turned into " ..
          F.the_long(p.became) .. " (the sources give no date for the change).",
      }, founding, b)
    end
  end
end

return { name_in_year = name_in_year }
