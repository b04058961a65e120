-- generators/linked.lua: questions that join two records through their dates, which a flashcard
-- of one record cannot ask: how many years lay between two events of one party, which of two
-- events of different parties came first, who led a party when an event happened, which party a
-- person belonged to at the time of an event, and what a party was called in a given year.
-- Tagged `linked`; each explanation names both records and their dates.

local F = require("lib.quiz.facts")

-- A date a reader can count years from: a source gives its year, not only a decade or a part.
local function exact_year(d)
  return d and d.year and not d.inferred and not d.decade and not d.part and F.askable(d)
end

-- Both events' sources, each citation once.
local function both_sources(a, b)
  local out, seen = {}, {}
  for _, e in ipairs({ a, b }) do
    for _, s in ipairs(e.sources) do
      local key = s[1] .. "\0" .. s[2]
      if not seen[key] then seen[key], out[#out + 1] = true, { s[1], s[2] } end
    end
  end
  return out
end

-- Whether the difference of two dates' years is the time between them as a reader counts it: when
-- both give the month, the months must not make it half a year more or less (December 1990 to
-- April 1991 is four months, not a year).
local function months_agree(a, b)
  if not (a.month and b.month) then return true end
  local months = (b.year - a.year) * 12 + (b.month - a.month)
  return math.abs(months - 12 * (b.year - a.year)) < 6
end

local function told(e) return "“" .. e.title .. "” (" .. F.date(e.date) .. ")" end

local function shares_party(a, b)
  local mine = F.set(a.parties)
  for _, p in ipairs(b.parties or {}) do
    if mine[p] then return p end
  end
end

local at_the_time = require("generators.linked.at_the_time")
local leader_at_time, party_at_time = at_the_time.leader, at_the_time.party
local name_in_year = require("generators.linked.names").name_in_year

local function generate(ctx)
  local dated = {}
  for _, id in ipairs(halqa.index.events_by_date) do
    local e = events[id]
    -- no year in the title to give the answer away
    if exact_year(e.date) and not e.title:find("%d%d%d%d") then dated[#dated + 1] = e end
  end
  -- years between: each event and the next dated event of one of its parties, a year or more on
  local function years_between(a, i)
    for j = i + 1, #dated do
      local b = dated[j]
      local p = shares_party(a, b)
      if p and b.date.year > a.date.year and months_agree(a.date, b.date) then
        local n = b.date.year - a.date.year
        ctx:number{
          template = "years_between", facts = { a.id, b.id },
          prompt = "How many years passed between “" .. a.title .. "” and “" .. b.title .. "”?",
          number = n, unit = n == 1 and "year" or "years",
          explanation = told(a) .. " and " .. told(b) .. " lie " .. n .. (n == 1 and " year" or " years") ..
            " apart; both concern the " .. F.long_name(p) .. ".",
          sources = both_sources(a, b), tags = { "linked", "dates" },
        }
        break
      end
    end
  end
  -- which came first: events of parties with nothing in common, years apart; of the later events
  -- that fit, each event takes the one its place in the list points to, so that partners vary
  local function came_first(a, i)
    local fit = {}
    for j = i + 1, #dated do
      local b = dated[j]
      if not shares_party(a, b) and b.date.year - a.date.year >= 2 and (a.parties or {})[1] and (b.parties or {})[1] then
        fit[#fit + 1] = b
      end
    end
    local b = fit[(i - 1) % math.max(#fit, 1) + 1]
    if b then
      -- the later event is named first every other time, the same for every seed, so that
      -- "true" is not always the answer
      local x, y = a, b
      if i % 2 == 0 then x, y = b, a end
      ctx:truefalse{
        template = "came_first", facts = { a.id, b.id },
        prompt = "True or false: “" .. x.title .. "” happened before “" .. y.title .. "”.",
        statement = "“" .. x.title .. "” happened before “" .. y.title .. "”.",
        truth = x == a,
        explanation = told(a) .. " came " .. (b.date.year - a.date.year) .. " years before " .. told(b) .. ".",
        sources = both_sources(a, b), tags = { "linked", "dates" },
      }
    end
  end
  -- the lazy form (docs/scripting.md): each family's keys are the dated events' ids (a circle
  -- then builds only its own events' questions); the families of linked/ are one key each
  local ids = {}
  for k, e in ipairs(dated) do ids[k] = e.id end
  return require("lib.quiz.keys").join({ ids, function(_, i) years_between(dated[i], i) end },
    { ids, function(_, i) came_first(dated[i], i) end },
    { { "leader_at_time" }, function() leader_at_time(ctx) end },
    { { "party_at_time" }, function() party_at_time(ctx) end },
    { { "name_in_year" }, function() name_in_year(ctx) end })
end

return {
  name = "linked",
  description = "Questions joining two records through their dates: years between, which came first, who led a party then, a person's party then, a party's name in a year",
  lazy = generate,
}
