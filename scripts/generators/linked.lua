-- generators/linked.lua: questions that join two records through their dates, which a flashcard
-- of one record cannot ask: how many years lay between two events of one party, and which of
-- two events of different parties came first. Tagged `linked`; each explanation names both
-- records and both dates.

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

local function told(e) return "“" .. e.title .. "” (" .. F.date(e.date) .. ")" end

local function shares_party(a, b)
  local mine = F.set(a.parties)
  for _, p in ipairs(b.parties or {}) do
    if mine[p] then return p end
  end
end

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
      if p and b.date.year > a.date.year then
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
  -- which came first: events of parties with nothing in common, years apart
  local function came_first(a, i)
    for j = i + 1, #dated do
      local b = dated[j]
      if not shares_party(a, b) and b.date.year - a.date.year >= 2 and (a.parties or {})[1] and (b.parties or {})[1] then
        -- the later event is named first every other time, the same for every seed, so that
        -- "true" is not always the answer
        local x, y = a, b
        if i % 2 == 0 then x, y = b, a end
        ctx:truefalse{
          template = "came_first", facts = { a.id, b.id },
          prompt = "True or false: “" .. x.title .. "” came before “" .. y.title .. "”.",
          statement = "“" .. x.title .. "” came before “" .. y.title .. "”.",
          truth = x == a,
          explanation = told(a) .. " came " .. (b.date.year - a.date.year) .. " years before " .. told(b) .. ".",
          sources = both_sources(a, b), tags = { "linked", "dates" },
        }
        break
      end
    end
  end
  -- the lazy form (docs/scripting.md): each family's keys are the dated events' ids (a circle
  -- then builds only its own events' questions)
  local ids = {}
  for k, e in ipairs(dated) do ids[k] = e.id end
  return require("lib.quiz.keys").join({ ids, function(id, i) years_between(dated[i], i) end },
    { ids, function(id, i) came_first(dated[i], i) end })
end

return {
  name = "linked",
  description = "Questions joining two events through their dates: years between, which came first",
  lazy = generate,
}
