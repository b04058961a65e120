-- generators/dates.lua: when things happened — the date of an event or a founding, the year of
-- an event among near years, which event belongs to a year, and true/false statements of years.
-- Dates are asked only where a source gives them (never an inferred date), and answers are
-- graded to the precision the source has.

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals.
local ipairs, pairs, tostring = ipairs, pairs, tostring
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end
local table, halqa = plain(table), plain(halqa)
local parties, events = parties, events

local F = plain(require("lib.quiz.facts"))
local P = plain(require("lib.quiz.pick"))

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

local function event_dates(ctx) -- each family returns its keys and one key's questions
  return halqa.index.events_by_date, function(id, i)
    local e = events[id]
    local d = e.date
    if F.askable(d) and not names_a_year(e.title) then
      ctx:date{
        template = "when", facts = { id }, date = d,
        prompt = "When did the event “" .. e.title .. "” take place?" .. precision_hint(d),
        explanation = "“" .. e.title .. "” took place " .. F.when(d) .. ".",
        sources = e.sources, tags = { "dates", e.kind },
      }
    end
    if exact_year(d) and not names_a_year(e.title) then
      ctx:choice{
        template = "year", facts = { id },
        prompt = "In which year did the event “" .. e.title .. "” take place?",
        answer = tostring(d.year), distractors = near_years(ctx.rng, d.year, { [d.year] = true }),
        explanation = "“" .. e.title .. "” took place " .. F.when(d) .. ".",
        sources = e.sources, tags = { "dates", e.kind },
      }
      -- True/false, alternating true and false statements along the timeline; a false one
      -- moves the year by one to three years (never onto the true year).
      local truth = i % 2 == 0
      local shown = d.year
      if not truth then shown = d.year + ctx.rng:pick({ -3, -2, -1, 1, 2, 3 }) end
      ctx:truefalse{
        template = "year_tf", facts = { id }, truth = truth,
        prompt = "True or false: the event “" .. e.title .. "” took place in " .. shown .. ".",
        statement = "“" .. e.title .. "” took place in " .. shown .. ".",
        explanation = "“" .. e.title .. "” took place " .. F.when(d) .. ".",
        sources = e.sources, tags = { "dates", e.kind },
      }
    end
  end
end

-- "Which of these happened in YEAR?": the answer is an event of that year; the distractors are
-- events with exact years that are not that year.
--
-- The pool is every title of an event with an exact year but another one, each title once (the
-- first event that has it), without the answer's title. It is never built: the events with exact
-- years are listed once in date order, and a year leaves out its own events (a run of that list,
-- or else each) and decides again only the events that share a title with another; the draw
-- picks the same i-th titles as a sample of the whole pool would.
local function events_of_year(ctx)
  local list, at, year_of = {}, {}, {}
  for _, id in ipairs(halqa.index.events_by_date) do
    if exact_year(events[id].date) then
      list[#list + 1] = id
      at[id] = #list
    end
  end
  local sorted = true
  for i = 2, #list do
    if events[list[i]].date.year < events[list[i - 1]].date.year then sorted = false end
  end
  -- titles that more than one of these events has: their positions, and the years they occur in
  local by_title, dup_titles, first_seen = {}, {}, {}
  for i, id in ipairs(list) do
    local t = events[id].title
    by_title[t] = by_title[t] or {}
    table.insert(by_title[t], i)
  end
  local static_out = {} -- the later events of a shared title, sorted
  for i, id in ipairs(list) do
    local t = events[id].title
    if #by_title[t] > 1 then
      dup_titles[t] = true
      if first_seen[t] then static_out[#static_out + 1] = i else first_seen[t] = true end
    end
  end
  local titles_in_year = {}
  for t in pairs(dup_titles) do
    for _, i in ipairs(by_title[t]) do
      local y = events[list[i]].date.year
      titles_in_year[y] = titles_in_year[y] or {}
      titles_in_year[y][t] = true
    end
  end

  local years = {}
  for year in pairs(halqa.index.events_by_year) do years[#years + 1] = year end
  table.sort(years)
  return years, function(year)
    local ids = halqa.index.events_by_year[year]
    -- each event of the year in turn (the others of the year are never its distractors); a title
    -- that holds the year would give itself away
    local answers = {}
    for _, id in ipairs(ids) do
      if exact_year(events[id].date) and not names_a_year(events[id].title) then answers[#answers + 1] = id end
    end
    for _, answer_id in ipairs(answers) do
      local answer_title = events[answer_id].title
      local v = { rej = static_out, over = {}, over_list = {} }
      local function decide(i, kept)
        if v.over[i] == nil then v.over_list[#v.over_list + 1] = i end
        v.over[i] = kept
      end
      -- this year's events: a run of the list, or one by one
      local mine = {}
      for _, id in ipairs(ids) do
        if at[id] then mine[#mine + 1] = at[id] end
      end
      if sorted and #mine > 0 then
        v.ranges = { { mine[1], mine[#mine] } }
      else
        for _, i in ipairs(mine) do decide(i, false) end
      end
      -- titles shared by several events, if this year or the answer has one: the first event of
      -- another year keeps it (none does for the answer's title)
      local redo = {}
      for t in pairs(titles_in_year[year] or {}) do redo[t] = true end
      if dup_titles[answer_title] then redo[answer_title] = true end
      for t in pairs(redo) do
        local taken = t == answer_title
        for _, i in ipairs(by_title[t]) do
          if events[list[i]].date.year == year or taken then
            decide(i, false)
          else
            decide(i, true)
            taken = true
          end
        end
      end
      -- the answer's title, when no other event has it, is this year's own
      table.sort(v.over_list)
      local count = P.vlist.kept_upto(v, 1, #list)
      if count >= 3 then
        local e = events[answer_id]
        ctx:choice{
          template = "what_year", facts = { answer_id },
          prompt = "Which of these happened in " .. year .. "?",
          answer = e.title,
          distractors = P.vsample(ctx.rng, count, function(i)
            return events[list[P.vlist.kept_at(v, 1, #list, i)]].title
          end, 3),
          explanation = "“" .. e.title .. "” took place " .. F.when(e.date) .. ".",
          sources = e.sources, tags = { "dates", e.kind },
        }
      end
    end
  end
end

-- Foundings of parties: the date, and a cloze naming the party from its founding.
local function foundings(ctx)
  return F.ids("parties"), function(id)
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
      -- a founding known only to the decade fits every party of that decade ("founded in the
      -- 1950s": the APP, and the NAP of 1957 too), so it cannot name one
      if not p.founded.decade then ctx:cloze{
        template = "founded_cloze", facts = { id },
        prompt = "Fill in the party: the ____ was founded" .. where .. " " .. F.when(p.founded) .. ".",
        answer = p.name, accepted = F.accepted(id),
        explanation = "The " .. p.name .. " was founded" .. where .. " " .. F.when(p.founded) .. ".",
        sources = cites, tags = { "dates", "founding" },
      } end
    end
  end
end

return {
  name = "dates",
  description = "When events happened and parties were founded, to the precision of the sources",
  lazy = function(ctx) -- the lazy form (docs/scripting.md): the families' keys, joined
    return require("lib.quiz.keys").join({ event_dates(ctx) }, { events_of_year(ctx) }, { foundings(ctx) })
  end,
}
