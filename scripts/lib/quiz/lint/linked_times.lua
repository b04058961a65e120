-- lint/linked_times.lua: a linked question whose dates do not settle its answer: a wrong choice
-- for "who led the party at the time" or "which party did they belong to then" that the data
-- leaves possible at the event's date (a post of theirs undated, or dated around it), or "what
-- was the party called in YEAR" with a year outside the span its two events give; or a count of
-- years between two dates given to the month that the months contradict.

local F = require("lib.quiz.facts")

-- Whether a post may have been held at some time in the years lo..hi: undated, or dated around.
local function may_cover(r, lo, hi)
  if not F.askable(r.from) then return true end
  local flo = F.interval(r.from)
  if flo > hi then return false end
  if r.to and F.askable(r.to) then
    local _, thi = F.interval(r.to)
    if thi < lo then return false end
  end
  return true
end

-- The id of the record of table t named `name`, or nil.
local function id_named(t, name)
  for _, id in ipairs(F.sorted_ids(t)) do
    if F.name(id) == name then return id end
  end
end

local function wrong_choices(q)
  local right, out = F.set(q.correct), {}
  for i, c in ipairs(q.choices) do
    if not right[i] then out[#out + 1] = c end
  end
  return out
end

local checks = {}

function checks.leader_at_time(q, report)
  local e, who = events[q.facts[1]], q.facts[2]
  local lo, hi = F.interval(e.date)
  local mine = F.set(F.event_parties(e))
  local led = {}
  for _, r in ipairs(people[who].roles or {}) do
    if r.party and mine[r.party] then led[r.party] = true end
  end
  for _, name in ipairs(wrong_choices(q)) do
    local pid = id_named("people", name)
    for _, r in ipairs(pid and people[pid].roles or {}) do
      if r.party and led[r.party] and may_cover(r, lo, hi) then
        report(q, "'" .. name .. "' may also have held a post in the party at " .. F.date(e.date))
      end
    end
  end
end

function checks.party_at_time(q, report)
  local e, who = events[q.facts[1]], q.facts[2]
  local lo, hi = F.interval(e.date)
  local mine = F.set(F.event_parties(e))
  for _, name in ipairs(wrong_choices(q)) do
    local p = id_named("parties", name)
    if mine[p] then report(q, "'" .. name .. "' is one of the event's own parties") end
    for _, r in ipairs(people[who].roles or {}) do
      if p and F.role_party(r) == p and may_cover(r, lo, hi) then
        report(q, "'" .. name .. "' may also have been " .. F.name(who) .. "'s party at " .. F.date(e.date))
      end
    end
  end
end

function checks.name_in_year(q, report)
  local year = tonumber(q.prompt:match("in (%d%d%d%d)%?$") or q.prompt:match("^In (%d%d%d%d),"))
  local a, b = events[q.facts[1]], events[q.facts[2]]
  if year and a and b and not (a.date.year < year and year < b.date.year) then
    report(q, "the year " .. year .. " is not between “" .. a.title .. "” and “" .. b.title .. "”")
  end
  local p = id_named("parties", q.answer)
  local r = p and parties[p]
  if year and r and ((F.askable(r.founded) and F.interval(r.founded) > year) or
     (F.askable(r.dissolved) and select(2, F.interval(r.dissolved)) < year)) then
    report(q, "'" .. q.answer .. "' did not exist in " .. year)
  end
end

function checks.years_between(q, report)
  local a, b = events[q.facts[1]].date, events[q.facts[2]].date
  if a.month and b.month then
    local months = (b.year - a.year) * 12 + (b.month - a.month)
    if math.abs(months - 12 * q.number) >= 6 then
      report(q, q.number .. " years, but the dates lie " .. months .. " months apart")
    end
  end
end

return function(bank, report)
  for _, q in ipairs(bank) do
    local template = q.id:match("^linked%.([^.]+)")
    local check = template and checks[template]
    if check then check(q, report) end
  end
end
