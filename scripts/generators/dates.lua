-- generators/dates.lua: when things happened — the date of an event or a founding, the year of
-- an event among near years, which event belongs to a year, and true/false statements of years.
-- Dates are asked only where a source gives them (never an inferred date), and answers are
-- graded to the precision the source has.

local F = require("lib.quiz.facts")

local function precision_hint(d)
  if d.day then return " Give the day, month and year." end
  if d.month then return " Give the month and year." end
  return ""
end

-- A plain year can be asked as a year: not a decade, not "mid-1960s".
local function exact_year(d)
  return d and F.askable(d) and not d.decade
end

-- A title that names a year ("CPP in the 2013 general election") would give the answer away.
local function names_a_year(title)
  return title:find("%f[%d]%d%d%d%d%f[%D]") ~= nil
end

-- Three years near `year`, none equal to it and none in `taken`, drawn with rng.
local function near_years(rng, year, taken)
  local pool = {}
  for delta = -6, 6 do
    local y = year + delta
    if delta ~= 0 and not taken[y] then pool[#pool + 1] = tostring(y) end
  end
  return rng:sample(pool, 3)
end

local function event_dates(ctx)
  for i, id in ipairs(halqa.index.events_by_date) do
    local e = events[id]
    local d = e.date
    if F.askable(d) and not names_a_year(e.title) then
      ctx:date{
        template = "when", facts = { id }, date = d,
        prompt = "When did this happen: " .. e.title .. "?" .. precision_hint(d),
        explanation = e.title .. ": " .. F.date(d) .. ".",
        sources = e.sources, tags = { "dates", e.kind },
      }
    end
    if exact_year(d) and not names_a_year(e.title) then
      ctx:choice{
        template = "year", facts = { id },
        prompt = "In which year: " .. e.title .. "?",
        answer = tostring(d.year), distractors = near_years(ctx.rng, d.year, { [d.year] = true }),
        explanation = e.title .. ": " .. d.year .. ".",
        sources = e.sources, tags = { "dates", e.kind },
      }
      -- True/false, alternating true and false statements along the timeline; a false one
      -- moves the year by one to three years (never onto the true year).
      local truth = i % 2 == 0
      local shown = d.year
      if not truth then shown = d.year + ctx.rng:pick({ -3, -2, -1, 1, 2, 3 }) end
      ctx:truefalse{
        template = "year_tf", facts = { id }, truth = truth,
        prompt = "True or false: this happened in " .. shown .. ": " .. e.title .. ".",
        statement = e.title .. ": " .. shown .. ".",
        explanation = e.title .. ": " .. d.year .. ".",
        sources = e.sources, tags = { "dates", e.kind },
      }
    end
  end
end

-- "Which of these happened in YEAR?": the answer is an event of that year; the distractors are
-- events with exact years that are not that year.
local function events_of_year(ctx)
  local years = {}
  for year in pairs(halqa.index.events_by_year) do years[#years + 1] = year end
  table.sort(years)
  for _, year in ipairs(years) do
    local ids = halqa.index.events_by_year[year]
    local answer_id
    for _, id in ipairs(ids) do
      if exact_year(events[id].date) and not answer_id then answer_id = id end
    end
    if answer_id then
      local pool, titles = {}, { [events[answer_id].title] = true }
      for _, other in ipairs(halqa.index.events_by_date) do
        local e = events[other]
        if exact_year(e.date) and e.date.year ~= year and not titles[e.title] then
          pool[#pool + 1] = e.title
          titles[e.title] = true
        end
      end
      if #pool >= 3 then
        local e = events[answer_id]
        ctx:choice{
          template = "what_year", facts = { answer_id },
          prompt = "Which of these happened in " .. year .. "?",
          answer = e.title, distractors = ctx.rng:sample(pool, 3),
          explanation = e.title .. ": " .. year .. ".",
          sources = e.sources, tags = { "dates", e.kind },
        }
      end
    end
  end
end

-- Foundings of parties: the date, and a cloze naming the party from its founding.
local function foundings(ctx)
  for _, id in ipairs(F.ids("parties")) do
    local p = parties[id]
    if F.askable(p.founded) then
      local ev = F.founding_event(id)
      local cites = ev and events[ev].sources or p.sources
      ctx:date{
        template = "founded", facts = { id }, date = p.founded,
        prompt = "When was the " .. p.name .. " founded?" .. precision_hint(p.founded),
        explanation = "The " .. p.name .. " was founded " .. F.when(p.founded) .. ".",
        sources = cites, tags = { "dates", "founding" },
      }
      local where = p.founded_place and (" in " .. p.founded_place) or ""
      ctx:cloze{
        template = "founded_cloze", facts = { id },
        prompt = "____ was founded" .. where .. " " .. F.when(p.founded) .. ". Which party?",
        answer = p.name, accepted = F.accepted(id),
        explanation = "The " .. p.name .. " was founded" .. where .. " " .. F.when(p.founded) .. ".",
        sources = cites, tags = { "dates", "founding" },
      }
    end
  end
end

return {
  name = "dates",
  description = "When events happened and parties were founded, to the precision of the sources",
  generate = function(ctx)
    event_dates(ctx)
    events_of_year(ctx)
    foundings(ctx)
  end,
}
