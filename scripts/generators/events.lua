-- generators/events.lua: what happened. Which event fits a description made of its kind, parties,
-- places and date; who and which parties took part; what merged or split and into what; the
-- figures the sources give; where things happened; event titles with a name or place left blank;
-- and true/false statements in which a false one changes one part of a real merger, split,
-- founding or ban (the date, or one party) and is checked against the data never to be true.
--
-- Every question is built from the structured fields; nothing is hard-coded. A date is shown or
-- asked only when a source gives it (F.askable); an inferred date never appears in a question.
-- Distractors are checked against the data: a party or person offered as wrong is not in the
-- event, is not named anywhere in its record, is not confusable with a right answer and, where
-- "taking part" is vague, was not active around the event's date at all. Pools of candidates are
-- fixed by the data; ctx.rng only draws from them, so another seed keeps the same question ids.

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals.
local ipairs, pairs, type, tostring, setmetatable = ipairs, pairs, type, tostring, setmetatable
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end
local table, math, string, utf8, halqa = plain(table), plain(math), plain(string), plain(utf8), plain(halqa)
local parties, people, organizations, events = parties, people, organizations, events

local F = plain(require("lib.quiz.facts"))
local P = plain(require("lib.quiz.pick"))

local index = halqa.index
local table_of = index.table_of
local has, copy, join_and, the = F.has, F.copy, F.join_and, F.the_short

---------------------------------------------------------------------------------------------------
-- Small helpers

-- "the CPP and the MKP"
local function the_list(ids)
  return join_and(F.map(ids, the))
end

-- The names of a list of records, as choices.
local function names(ids)
  return F.map(ids, F.name)
end

-- The names of a record as a grader compares them: { name = normalized name, each = { { raw,
-- normalized, its numbers, length in characters }, ... } }. Kept for the records looked at
-- lately only, so that memory does not grow with the dataset.
local name_info, name_info_n = {}, 0
local function numbers_of(s)
  local runs = {}
  for r in s:gmatch("%d+") do runs[#runs + 1] = r end
  return table.concat(runs, "|")
end
local function info(id)
  local i = name_info[id]
  if i then return i end
  i = { name = halqa.normalize(F.name(id)), each = {}, numbers = {} }
  for _, x in ipairs(F.names(id)) do
    local n = halqa.normalize(x)
    local num = numbers_of(n)
    i.each[#i.each + 1] = { x, n, num, utf8.len(n) }
    i.numbers[num] = true
  end
  if name_info_n >= 20000 then name_info, name_info_n = {}, 0 end
  name_info[id], name_info_n = i, name_info_n + 1
  return i
end

-- Whether the grader takes answer y for x: the same normalized text, or a misspelling of it. A
-- misspelling keeps every number and is at most three characters longer or shorter (grading.md),
-- so most pairs are told apart without asking the grader.
local function graded_same(x, y)
  if x[2] == y[2] then return true end
  if x[3] ~= y[3] then return false end
  if x[4] and y[4] and math.abs(x[4] - y[4]) > 3 then return false end
  return halqa.grade({ kind = "short", answer = x[1] }, y[1]).correct
end

-- Two names that a grader (or a reader) could take for each other.
local function confusable(a, b)
  if a == b then return true end
  local ia, ib = info(a), info(b)
  local na, nb = ia.name, ib.name
  if na:find(nb, 1, true) or nb:find(na, 1, true) then return true end
  -- two names the grader takes for each other have the same numbers (equal names too)
  local common = false
  for num in pairs(ia.numbers) do
    if ib.numbers[num] then common = true break end
  end
  if not common then return false end
  for _, x in ipairs(ia.each) do
    for _, y in ipairs(ib.each) do
      if graded_same(x, y) or graded_same(y, x) then return true end
    end
  end
  return false
end

local function confusable_with_any(id, list)
  for _, other in ipairs(list) do
    if confusable(id, other) then return true end
  end
  return false
end

---------------------------------------------------------------------------------------------------
-- Dates

-- The years a date may stand for (F.interval), but an inferred date counts as its placeholder
-- year give or take ten years: used only to keep distractors away from an event's time, never shown.
local function loose(d)
  if d and d.inferred then return d.year - 10, d.year + 10 end
  return F.interval(d)
end

-- " (1954)" after an event's title, unless the date is inferred or the title holds the year.
local function paren_date(e)
  if e.title:find(tostring(e.date.year), 1, true) then return "" end
  return F.date_note(e)
end

local function valid_date(d)
  if d.year < 1800 or d.year > 2100 then return false end
  if d.day then
    local days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
    local leap = d.year % 4 == 0 and (d.year % 100 ~= 0 or d.year % 400 == 0)
    local max = (d.month == 2 and leap) and 29 or days[d.month]
    if d.day > max then return false end
  end
  return true
end

local last_year = -math.huge
for _, id in ipairs(index.events_by_date) do
  local d = events[id].date
  if F.askable(d) then
    local _, hi = F.interval(d)
    if hi > last_year then last_year = hi end
  end
end

-- Dates near d at the same precision: a year moved by one to three, a decade by one or two.
local function near_dates(d)
  local out = {}
  if d.decade then
    for _, delta in ipairs({ -20, -10, 10, 20 }) do
      local nd = { year = d.year + delta, decade = d.decade + delta, part = d.part }
      if nd.decade <= last_year then out[#out + 1] = nd end
    end
  else
    for _, delta in ipairs({ -3, -2, -1, 1, 2, 3 }) do
      local nd = { year = d.year + delta, month = d.month, day = d.day, part = d.part }
      if valid_date(nd) and nd.year <= last_year + 3 then out[#out + 1] = nd end
    end
  end
  return out
end

---------------------------------------------------------------------------------------------------
-- When a record was around

-- The first and last year of what is known of a record — its events, its founding and end, a
-- person's posts — each date read as years by `years` (nil to leave it out).
local function known_span(id, years)
  local lo, hi = math.huge, -math.huge
  local function add(d)
    local a, b = years(d)
    if a then lo, hi = math.min(lo, a), math.max(hi, b) end
  end
  for _, eid in ipairs(index.events_of[id] or {}) do add(events[eid].date) end
  local r = F.record(id)
  add(r.founded)
  add(r.dissolved)
  for _, role in ipairs(r.roles or {}) do
    add(role.from)
    add(role.to)
  end
  return lo, hi
end

-- Years between a span of years and a date: 0 when they meet, infinite for an empty span.
local function distance(lo, hi, d)
  if lo == math.huge then return math.huge end
  local a, b = loose(d)
  if lo > b then return lo - b end
  if hi < a then return a - hi end
  return 0
end

-- Years between the time a record may have been around and an event's date. Every date counts,
-- an inferred one loosely; a party or organization with no founding date may be older than
-- anything we know of it, and one with no end (an organization always) may still exist.
local span_cache = {}
local function gap_span(id)
  if not span_cache[id] then
    local lo, hi = known_span(id, function(x) if x then return loose(x) end end)
    local r, t = F.record(id), table_of[id]
    if t == "parties" or t == "organizations" then
      if not F.askable(r.founded) then lo = -math.huge end
      if t == "organizations" or not F.askable(r.dissolved) then hi = math.huge end
    end
    span_cache[id] = { lo, hi }
  end
  return span_cache[id][1], span_cache[id][2]
end

local function gap(id, d)
  local lo, hi = gap_span(id)
  return distance(lo, hi, d)
end

-- The years the sources date of a record. Its "era gap" to a date, distance(lo, hi, date), ranks
-- candidates by closeness in time, so a wrong answer comes from around the same years when one
-- can; unlike gap() it neither counts an inferred date nor stretches an unknown start or end.
local era_cache = {}
local function era_span(id)
  if not era_cache[id] then
    era_cache[id] = { known_span(id, function(x) if F.askable(x) then return F.interval(x) end end) }
  end
  return era_cache[id][1], era_cache[id][2]
end

-- Whether a record was surely not around when an event happened (with `margin` years to spare).
local function absent(id, e, margin)
  local g = gap(id, e.date)
  return g ~= math.huge and g > margin
end

local function person_type(id)
  local roles = people[id].roles or {}
  if #roles == 0 then return "none" end
  for _, r in ipairs(roles) do
    if r.party or r.organization then return "party" end
  end
  return "state"
end

-- The records the text of event e names (F.mentions(F.event_text(e), id)), as a set; the last
-- event's is kept.
local last_named_event, last_named
local function named_in(e)
  if e.id ~= last_named_event then
    last_named_event, last_named = e.id, F.set(F.event_mentioned(e.id))
  end
  return last_named
end

-- The topic tags of an event's kind, and the extra ones given, each once.
local function tags(e, ...)
  local out = F.kind_tags(e.kind)
  for _, t in ipairs({ ... }) do
    if not has(out, t) then out[#out + 1] = t end
  end
  return out
end

---------------------------------------------------------------------------------------------------
-- Indices, built once (the dataset never changes), so that a question reads the few records it
-- may use instead of walking the whole dataset.

local add_to = F.add_to

-- The earliest year in which a dated founding or event of a party surely lies (the smallest last
-- year of their dates): the party existed before any date that begins after it (existed_before).
local function existed_from(pid)
  local first = math.huge
  local f = parties[pid].founded
  if F.askable(f) then
    local _, hi = F.interval(f)
    first = math.min(first, hi)
  end
  for _, eid in ipairs(index.events_of[pid] or {}) do
    local ed = events[eid].date
    if F.askable(ed) then
      local _, hi = F.interval(ed)
      first = math.min(first, hi)
    end
  end
  return first
end

-- The parties or the people in groups that share everything about their time that questions
-- rank or filter candidates by (the spans of gap() and era_span(); a person's type; a party's
-- founding, whether its origin is recorded, existed_from), so that a question decides a whole
-- group at once. Members are sorted by id.
local groups_of = {}
local function time_groups(tname)
  if groups_of[tname] then return groups_of[tname] end
  local list, by_sig = {}, {}
  for _, id in ipairs(F.sorted_ids(tname)) do
    local g = {}
    g.gap_lo, g.gap_hi = gap_span(id)
    g.era_lo, g.era_hi = era_span(id)
    if tname == "people" then
      g.ptype = person_type(id)
    else
      local r = parties[id]
      if F.askable(r.founded) then g.flo, g.fhi = F.interval(r.founded) end
      g.origin = #(r.split_from or {}) > 0 or #(r.merged_from or {}) > 0
      g.eb = existed_from(id)
    end
    local sig = table.concat({ tostring(g.gap_lo), tostring(g.gap_hi), tostring(g.era_lo), tostring(g.era_hi),
      tostring(g.ptype), tostring(g.flo), tostring(g.fhi), tostring(g.origin), tostring(g.eb) }, " ")
    local have = by_sig[sig]
    if have then
      have.members[#have.members + 1] = id
    else
      g.members = { id }
      by_sig[sig] = g
      list[#list + 1] = g
    end
  end
  groups_of[tname] = list
  return list
end

-- A group's members sorted by how a sentence names them (F.the_short).
local function by_name(g)
  if not g.by_name then
    local keyed = {}
    for i, id in ipairs(g.members) do keyed[i] = { id = id, name = the(id) } end
    table.sort(keyed, function(x, y)
      if x.name ~= y.name then return x.name < y.name end
      return x.id < y.id
    end)
    g.by_name = keyed
  end
  return g.by_name
end

-- Whether every member of a group was surely not around at event e (absent()).
local function group_absent(g, e, margin)
  local d = distance(g.gap_lo, g.gap_hi, e.date)
  return d ~= math.huge and d > margin
end

-- Merges sorted lists (value(x) gives the sort value of an entry), calling take(entry) in order
-- until it returns true.
local function merge(lists, value, take)
  local at = {}
  for i = 1, #lists do at[i] = 1 end
  while true do
    local best, bv
    for i, list in ipairs(lists) do
      local x = list[at[i]]
      if x ~= nil then
        local v = value(x)
        if best == nil or v < bv then best, bv = i, v end
      end
    end
    if not best then return end
    local x = lists[best][at[best]]
    at[best] = at[best] + 1
    if take(x) then return end
  end
end

local function itself(x) return x end

-- The groups of time_groups(tname) with their distances from date d, { g =, era =, gap = }
-- (era gap and gap() of their members), nearest in era first; made once for each span of years
-- loose(d) gives, as many events share one.
local near_cache = { parties = {}, people = {} }
local function near(tname, d)
  local a, b = loose(d)
  local by_a = near_cache[tname][a]
  if not by_a then
    by_a = {}
    near_cache[tname][a] = by_a
  end
  local list = by_a[b]
  if not list then
    list = {}
    for _, g in ipairs(time_groups(tname)) do
      list[#list + 1] = { g = g, era = distance(g.era_lo, g.era_hi, d), gap = distance(g.gap_lo, g.gap_hi, d) }
    end
    table.sort(list, function(x, y) return x.era < y.era end)
    by_a[b] = list
  end
  return list
end

-- Whether the members of a group, at distance x.gap from an event, were surely not around then
-- (absent()).
local function far(x, margin)
  return x.gap ~= math.huge and x.gap > margin
end

-- Calls take(id) for the members of the groups in `phases` (lists of near() entries, each nearest
-- first) in the order of P.ranked by the key { phase, era gap } and then id, until take returns
-- true.
local function walk(phases, take)
  for _, list in ipairs(phases) do
    local i = 1
    while i <= #list do
      local j = i
      while list[j + 1] and list[j + 1].era == list[i].era do j = j + 1 end
      local lists = {}
      for k = i, j do lists[#lists + 1] = list[k].g.members end
      local stop = false
      merge(lists, itself, function(id)
        stop = take(id)
        return stop
      end)
      if stop then return end
      i = j + 1
    end
  end
end

local function formed_type(e)
  if not e.formed then return nil end
  if table_of[e.formed] == "parties" then return "party" end
  return organizations[e.formed].kind
end

-- The events by what they formed, by what merged or split, by place; by kind and the first year
-- loose() gives (ranking which_event's candidates), sorted by id; by kind and by each year their
-- date may stand for (F.interval), and those that may stand for any year; and the titles that
-- more than one event has (normalized), with their events in date order. And the facts of each
-- event that candidates are checked against, read once as plain tables (the dataset's are
-- read-only proxies, slow to read again and again): { kind =, formed = formed_type(e),
-- involved = set of F.involved(e), places = set, lo =, hi = (F.interval), year = loose(e.date),
-- parties = F.event_parties(e) }.
local ev
local function event_index()
  if ev then return ev end
  ev = { by_formed = {}, by_from = {}, by_place = {}, ranked = {}, years = {}, kinds = {}, span = {}, open = {},
         titles = {}, rank = {}, facts = {} }
  local all_titles, year_seen, kind_seen = {}, {}, {}
  for i, id in ipairs(index.events_by_date) do
    local e = events[id]
    ev.rank[id] = i
    if e.formed then add_to(ev.by_formed, e.formed, id) end
    for _, f in ipairs(e.from or {}) do add_to(ev.by_from, f, id) end
    for _, p in ipairs(e.places or {}) do add_to(ev.by_place, p, id) end
    local y = loose(e.date)
    local lo, hi = F.interval(e.date)
    ev.facts[id] = { kind = e.kind, formed = formed_type(e), involved = F.set(F.involved(e)),
                     places = F.set(e.places), lo = lo, hi = hi, year = y, parties = F.event_parties(e) }
    ev.ranked[e.kind] = ev.ranked[e.kind] or {}
    add_to(ev.ranked[e.kind], y, id)
    if not year_seen[y] then year_seen[y], ev.years[#ev.years + 1] = true, y end
    if not kind_seen[e.kind] then kind_seen[e.kind], ev.kinds[#ev.kinds + 1] = true, e.kind end
    local a, b = F.interval(e.date)
    for _, k in ipairs({ e.kind, "" }) do
      if a == -math.huge or b == math.huge then
        add_to(ev.open, k, id)
      else
        ev.span[k] = ev.span[k] or {}
        for year = a, b do add_to(ev.span[k], year, id) end
      end
    end
    add_to(all_titles, halqa.normalize(e.title), id)
  end
  for _, by_year in pairs(ev.ranked) do
    for _, list in pairs(by_year) do table.sort(list) end
  end
  table.sort(ev.years)
  table.sort(ev.kinds)
  for t, list in pairs(all_titles) do
    if #list > 1 then ev.titles[t] = list end
  end
  return ev
end

-- index.events_of[id] as a plain list, made once for each id asked about.
local events_of_cache = {}
local function events_of(id)
  local list = events_of_cache[id]
  if not list then
    list = copy(index.events_of[id])
    events_of_cache[id] = list
  end
  return list
end

-- Calls fn(id) for every event (of `kind`, or of any kind when nil) whose date may share a year
-- with date d (F.overlaps; d has a known interval), some more than once, until fn returns true.
local function each_overlapping(kind, d, fn)
  local x = event_index()
  local k = kind or ""
  local a, b = F.interval(d)
  local span = x.span[k] or {}
  for year = a, b do
    for _, id in ipairs(span[year] or {}) do
      if fn(id) then return true end
    end
  end
  for _, id in ipairs(x.open[k] or {}) do
    if fn(id) then return true end
  end
  return false
end


---------------------------------------------------------------------------------------------------
-- 1. Which event fits a description built from its kind, parties, places and date

local KIND_NOUN = {
  founding = "a founding", merger = "a merger", split = "a split", ban = "a ban", election = "an election",
  arrest = "arrests", release = "a release from prison", killing = "a killing", repression = "repression",
  leadership = "a change of leadership", congress = "a party congress", estimate = "an estimate",
  publication = "a publication", alliance = "an alliance", other = "an event",
}

-- Could the event of id be the one a description speaks of? Kind "other" says nothing of the
-- kind. (The years of desc.date are kept in desc, as one description is tried on many events.)
local function fits(desc, id)
  local f = event_index().facts[id]
  if desc.kind ~= "other" and f.kind ~= desc.kind then return false end
  if desc.formed and f.formed ~= desc.formed then return false end
  local involved = f.involved
  for _, x in ipairs(desc.ids) do
    if not involved[x] then return false end
  end
  if desc.places then
    local places = f.places
    for _, p in ipairs(desc.places) do
      if not places[p] then return false end
    end
  end
  if desc.date then
    local lo, hi = desc.lo, desc.hi
    if not lo then
      lo, hi = F.interval(desc.date)
      desc.lo, desc.hi = lo, hi
    end
    if not (lo <= f.hi and f.lo <= hi) then return false end
  end
  return true
end

-- Calls fn(id) for the events of `list` (in date order) from where e stands in it outwards, until
-- fn returns true: an event that fits a description of e is most likely one of its own time.
local function from_e_outwards(list, e, fn)
  local rank = event_index().rank
  local r = rank[e.id]
  local lo, hi = 1, #list + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if rank[list[mid]] < r then lo = mid + 1 else hi = mid end
  end
  local left, right = lo - 1, lo
  while left >= 1 or right <= #list do
    if right <= #list then
      if fn(list[right]) then return true end
      right = right + 1
    end
    if left >= 1 then
      if fn(list[left]) then return true end
      left = left - 1
    end
  end
  return false
end

-- Whether no event but e fits desc. Only events that could fit are read: those naming the first
-- record of the description, or at its first place, or at a time that may be its date.
local function unique_fit(desc, e)
  local function fitting(other)
    return other ~= e.id and fits(desc, other)
  end
  if #desc.ids > 0 then
    return not from_e_outwards(events_of(desc.ids[1]), e, fitting)
  elseif desc.places and #desc.places > 0 then
    return not from_e_outwards(event_index().by_place[desc.places[1]] or {}, e, fitting)
  elseif desc.date then
    local x, k = event_index(), desc.kind ~= "other" and desc.kind or ""
    local a, b = F.interval(desc.date)
    local span = x.span[k] or {}
    for year = a, b do
      if from_e_outwards(span[year] or {}, e, fitting) then return false end
    end
    return not from_e_outwards(x.open[k] or {}, e, fitting)
  elseif desc.kind ~= "other" then
    return not from_e_outwards(index.events_by_kind[desc.kind] or {}, e, fitting)
  end
  return not from_e_outwards(index.events_by_date, e, fitting)
end

-- The shortest description that fits e and no other event: kind, what it created, parties and
-- date first; then places; then organizations. nil when even that is not enough.
local function describe(e)
  local desc = {
    kind = e.kind, formed = e.kind ~= "other" and formed_type(e) or nil, ids = F.event_parties(e),
    date = F.askable(e.date) and e.date or nil,
  }
  local steps = {
    function() end,
    function() desc.places = copy(e.places) end,
    function()
      for _, o in ipairs(e.organizations or {}) do desc.ids[#desc.ids + 1] = o end
    end,
  }
  for _, step in ipairs(steps) do
    step()
    local says = #desc.ids > 0 or (desc.places and #desc.places > 0) or desc.kind ~= "other"
    if says and (desc.date or #desc.ids > 0 or desc.places) and unique_fit(desc, e) then return desc end
  end
end

local KIND_LABEL = {
  founding = "founding", merger = "merger", split = "split", ban = "ban", election = "election",
  arrest = "arrests", release = "release from prison", killing = "killing", repression = "repression",
  leadership = "change of leadership", congress = "party congress", estimate = "estimate",
  publication = "publication", alliance = "alliance",
}

local function split_ids(desc)
  local ps, os = {}, {}
  for _, id in ipairs(desc.ids) do
    if table_of[id] == "parties" then ps[#ps + 1] = id else os[#os + 1] = id end
  end
  return ps, os
end

-- The description as the question shows it: "Kind: merger (it formed a party). Parties: ...".
local function description_prompt(desc)
  local lines = {}
  if desc.kind ~= "other" then
    local kind = KIND_LABEL[desc.kind]
    if desc.formed then
      kind = kind .. " (it created " .. (desc.formed == "party" and "a party" or F.a(F.org_kind(desc.formed))) .. ")"
    end
    lines[#lines + 1] = "Kind: " .. kind .. "."
  end
  local ps, os = split_ids(desc)
  if #ps > 0 then lines[#lines + 1] = (#ps > 1 and "Parties: " or "Party: ") .. the_list(ps) .. "." end
  if #os > 0 then lines[#lines + 1] = (#os > 1 and "Organizations: " or "Organization: ") .. the_list(os) .. "." end
  if desc.places and #desc.places > 0 then
    lines[#lines + 1] = (#desc.places > 1 and "Places: " or "Place: ") .. join_and(desc.places) .. "."
  end
  if desc.date then lines[#lines + 1] = "Date: " .. F.date(desc.date) .. "." end
  return table.concat(lines, " ")
end

-- The same as one sentence, for the explanation.
local function description_sentence(e, desc)
  local ps, os = split_ids(desc)
  local s = '"' .. e.title .. '"'
  if desc.kind ~= "other" then
    s = s .. " was " .. KIND_NOUN[desc.kind]
    if desc.formed then
      s = s .. " that created " .. (desc.formed == "party" and "a party" or F.a(F.org_kind(desc.formed)))
    end
    if #ps > 0 then s = s .. " involving " .. the_list(ps) end
  elseif #ps > 0 then
    s = s .. " involved " .. the_list(ps)
  else
    s = s .. " happened"
  end
  if #os > 0 then s = s .. ", concerning " .. the_list(os) end
  if desc.places and #desc.places > 0 then s = s .. ", in " .. join_and(desc.places) end
  if desc.date then s = s .. ", " .. F.when(desc.date) end
  return s .. "."
end

-- An event's title normalized, kept once made.
local norm_titles = {}
local function norm_title(id)
  local n = norm_titles[id]
  if not n then
    n = halqa.normalize(events[id].title)
    norm_titles[id] = n
  end
  return n
end

-- A title (normalized as n) as graded_same() reads it.
local function title_info(title, n)
  return { title, n, numbers_of(n), utf8.len(n) }
end

-- Whether the event of id names one of the parties in the set `mine` (F.event_parties).
local function shares_party(id, mine)
  for _, p in ipairs(event_index().facts[id].parties) do
    if mine[p] then return true end
  end
  return false
end

-- Whether the walk of all events in date order that which_event's candidates come from keeps
-- event id: not e, not fitting the description, not graded as e's title, and with a title that
-- neither e nor an event the walk kept before it has (normalized). `te` is title_info(e.title).
local function kept_in_walk(e, desc, te, id)
  if id == e.id or fits(desc, id) then return false end
  local n = norm_title(id)
  if n == te[2] then return false end
  local same = event_index().titles[n]
  if same then
    for _, other in ipairs(same) do
      if other == id then break end
      if kept_in_walk(e, desc, te, other) then return false end
    end
  end
  return not graded_same(te, title_info(events[id].title, n))
end

local function which_event(ctx, e)
  local desc = describe(e)
  if not desc then return end
  local mine = F.set(F.event_parties(e))
  -- The best six candidates in the order of P.ranked by { (same kind 0, else 2) + (shares a party
  -- 0, else 1), years apart (loose) }, then id: the events sharing a party with e are few and
  -- sorted here; the others are read outward in years from e's, a year's events in id order.
  local x = event_index()
  local b = loose(e.date)
  local te = title_info(e.title, norm_title(e.id))
  local pool = {}
  local function take(id)
    if kept_in_walk(e, desc, te, id) then pool[#pool + 1] = id end
    return #pool >= 6
  end
  local sharing, same, other = {}, {}, {}
  local facts = x.facts
  for p in pairs(mine) do
    for _, id in ipairs(events_of(p)) do
      if not sharing[id] and id ~= e.id and shares_party(id, mine) then
        sharing[id] = true
        table.insert(facts[id].kind == e.kind and same or other, id)
      end
    end
  end
  local function by_years(list)
    table.sort(list, function(u, v)
      local du, dv = math.abs(facts[u].year - b), math.abs(facts[v].year - b)
      if du ~= dv then return du < dv end
      return u < v
    end)
    return list
  end
  -- the events of the kinds `kinds` that share no party, years apart from e's nearest first
  local function outward(kinds)
    local years = x.years
    local right = P.lower_bound(years, b)
    local left = right - 1
    while left >= 1 or right <= #years do
      local dl = left >= 1 and b - years[left] or math.huge
      local dr = right <= #years and years[right] - b or math.huge
      local d = math.min(dl, dr)
      local lists = {}
      for _, k in ipairs(kinds) do
        local by_year = x.ranked[k]
        if dl == d and by_year[years[left]] then lists[#lists + 1] = by_year[years[left]] end
        if dr == d and by_year[years[right]] then lists[#lists + 1] = by_year[years[right]] end
      end
      if dl == d then left = left - 1 end
      if dr == d then right = right + 1 end
      local stop = false
      merge(lists, itself, function(id)
        if sharing[id] then return false end
        stop = take(id)
        return stop
      end)
      if stop then return true end
    end
    return false
  end
  local others = {}
  for _, k in ipairs(x.kinds) do
    if k ~= e.kind then others[#others + 1] = k end
  end
  local done = false
  for _, id in ipairs(by_years(same)) do
    if take(id) then done = true break end
  end
  done = done or outward({ e.kind })
  if not done then
    for _, id in ipairs(by_years(other)) do
      if take(id) then done = true break end
    end
  end
  done = done or outward(others)
  local picked = P.draw(ctx.rng, pool, 3, 6)
  if not picked then return end
  local distractors = {}
  for i, id in ipairs(picked) do distractors[i] = events[id].title end
  ctx:choice{
    template = "which_event", facts = { e.id },
    prompt = "Which event fits this description? " .. description_prompt(desc),
    answer = e.title, distractors = distractors,
    explanation = description_sentence(e, desc),
    sources = e.sources, tags = tags(e, #split_ids(desc) > 0 and "parties" or "organizations"),
  }
end

-- Asks which records are linked to an event, with distractors from a ranked pool: one answer
-- as a choice, two to four as a multiple-answer question with as many distractors as fit in six
-- choices. `t` names the templates and the openings of the prompts, and the topic tag.
local function linked(ctx, e, answers, pool, facts, explanation, t)
  if #answers == 1 then
    local picked = P.draw(ctx.rng, pool, 3, 5)
    if not picked then return end
    ctx:choice{
      template = t.one, facts = facts,
      prompt = t.which_is .. " linked to this event: " .. e.title .. paren_date(e) .. "?",
      answer = F.name(answers[1]), distractors = names(picked),
      explanation = explanation, sources = e.sources, tags = tags(e, t.tag),
    }
  else
    local k = math.min(3, 6 - #answers, #pool)
    if #answers + k < 4 then return end
    ctx:multi{
      template = t.all, facts = facts,
      prompt = t.which_are .. " linked to this event: " .. e.title .. paren_date(e) .. "? Choose all that apply.",
      answers = names(answers), distractors = names(P.draw(ctx.rng, pool, k, k + 2)),
      explanation = explanation, sources = e.sources, tags = tags(e, t.tag),
    }
  end
end

---------------------------------------------------------------------------------------------------
-- 2. Who took part: the people an event names that its title does not

local function who(ctx, e)
  local people_list = e.people or {}
  local answers = {}
  for _, pid in ipairs(people_list) do
    if not F.mentions(e.title, pid) then answers[#answers + 1] = pid end
  end
  if #answers == 0 or #answers > 4 then return end
  local named = named_in(e) -- what F.mentions(F.event_text(e), id) says, for every id
  local kinds = {}
  for _, pid in ipairs(answers) do kinds[person_type(pid)] = true end
  -- the first five of the people absent from the event, not in it, not named in it and not
  -- confusable with its people, ranked by { a type of the answers' 0, else 1; era gap } and id
  -- (linked() draws from no more than five)
  local first, then_ = {}, {}
  for _, x in ipairs(near("people", e.date)) do
    if far(x, 5) then table.insert(kinds[x.g.ptype] and first or then_, x) end
  end
  local pool = {}
  walk({ first, then_ }, function(other)
    if not has(people_list, other) and not named[other] and not confusable_with_any(other, people_list) then
      pool[#pool + 1] = other
    end
    return #pool >= 5
  end)
  local explanation = '"' .. e.title .. '"' .. paren_date(e) .. " involved " .. join_and(names(people_list)) .. "."
  local facts = { e.id }
  for _, pid in ipairs(answers) do facts[#facts + 1] = pid end
  linked(ctx, e, answers, pool, facts, explanation,
         { one = "who", all = "who_all", which_is = "Which of these people is",
           which_are = "Which of these people are", tag = "people" })
end

---------------------------------------------------------------------------------------------------
-- 3. Which parties took part: the parties an event names that its title does not. A party that
-- takes part in most events (the CPP here) is no test to pick, so it is asked only when nothing
-- else covers the event. Mergers and splits have their own questions below.

local dominant = {}
do
  local count, total = {}, #index.events_by_date
  for _, id in ipairs(index.events_by_date) do
    for _, p in ipairs(F.event_parties(events[id])) do count[p] = (count[p] or 0) + 1 end
  end
  for p, n in pairs(count) do
    if n * 3 > total then dominant[p] = true end
  end
end

local function parties_in(ctx, e, fallback)
  if e.kind == "merger" or e.kind == "split" then return end
  local all = F.event_parties(e)
  if #all == 0 then return end
  local answers = {}
  for _, p in ipairs(all) do
    if not F.mentions(e.title, p) then answers[#answers + 1] = p end
  end
  if #answers == 0 or #answers > 4 then return end
  if #answers == 1 and dominant[answers[1]] and not fallback then return end
  local named = named_in(e)
  -- the first five (linked() draws from no more) by era gap and id
  local groups = {}
  for _, x in ipairs(near("parties", e.date)) do
    if far(x, 3) then groups[#groups + 1] = x end
  end
  local pool = {}
  walk({ groups }, function(p)
    if not has(all, p) and not named[p] and not confusable_with_any(p, all) then pool[#pool + 1] = p end
    return #pool >= 5
  end)
  local explanation = '"' .. e.title .. '"' .. paren_date(e) .. " involved " .. the_list(all) .. "."
  linked(ctx, e, answers, pool, { e.id }, explanation,
         { one = "party", all = "parties", which_is = "Which party is",
           which_are = "Which of these parties are", tag = "parties" })
end

---------------------------------------------------------------------------------------------------
-- 4. Mergers and splits: who merged, into what; who left, and what they formed

local function all_parties(ids)
  for _, id in ipairs(ids) do
    if table_of[id] ~= "parties" then return false end
  end
  return true
end

-- A test of whether a party may stand as a wrong answer in a merger, split or statement about
-- event e: not in the event, not named in its record, not confusable with any party in it.
local function outside(e)
  local inv, named, mine = F.involved(e), named_in(e), F.event_parties(e)
  return function(p)
    return not has(inv, p) and not named[p] and not confusable_with_any(p, mine)
  end
end

-- The parties outside event e that also pass `extra`, nearest to its time first (era gap, then
-- id): the first five, as no question draws from more. `group_ok(g)` may turn down a whole group
-- of time_groups("parties") for which extra is false.
local function other_parties(e, extra, group_ok)
  local ok = outside(e)
  local groups = {}
  for _, x in ipairs(near("parties", e.date)) do
    if not group_ok or group_ok(x.g) then groups[#groups + 1] = x end
  end
  local out = {}
  walk({ groups }, function(p)
    if ok(p) and (not extra or extra(p)) then out[#out + 1] = p end
    return #out >= 5
  end)
  return out
end

local function date_phrase(e)
  return F.askable(e.date) and (" " .. F.when(e.date)) or ""
end

-- Whether a party existed before a date (so a split "re-formed" it rather than formed it).
local function existed_before(pid, d)
  local f = parties[pid].founded
  if F.askable(f) and F.before(f, d) then return true end
  for _, eid in ipairs(index.events_of[pid] or {}) do
    local ed = events[eid].date
    if F.askable(ed) and F.before(ed, d) then return true end
  end
  return false
end

-- Whether the data tells where party p came from, and it was not out of party `from` around
-- date d: a known founding at another time, or a recorded split or merger from other parties.
-- A party whose origin is unknown is never offered as "what the group set up".
local function origin_elsewhere(p, from, d)
  local r = parties[p]
  if has(r.split_from, from) or has(r.merged_from, from) then return false end
  if F.askable(r.founded) and not F.overlaps(r.founded, d) then return true end
  return #(r.split_from or {}) > 0 or #(r.merged_from or {}) > 0
end

-- Whether origin_elsewhere may hold for members of group g (it never does when this is false).
local function group_origin_elsewhere(g, d)
  if g.flo then
    local a, b = F.interval(d)
    if not (g.flo <= b and a <= g.fhi) then return true end
  end
  return g.origin
end

-- Where a split led: the party it formed, or the one party it names besides the one left.
local function split_target(e)
  if e.kind ~= "split" then return nil end
  local from = e.from or {}
  if #from ~= 1 or table_of[from[1]] ~= "parties" then return nil end
  if e.formed then
    if table_of[e.formed] == "parties" then return e.formed, "formed" end
    return nil
  end
  local others = {}
  for _, p in ipairs(e.parties or {}) do
    if p ~= from[1] then others[#others + 1] = p end
  end
  if #others == 1 then return others[1], "joined" end
end

-- The structured claim an event makes, if it is one these questions can state: a merger, a split
-- (or a move into another party: "join"), a founding or a ban. Its date is nil when the event's
-- is inferred.
local function claim_of(e)
  local from = e.from or {}
  local date = F.askable(e.date) and e.date or nil
  if e.kind == "merger" and e.formed and table_of[e.formed] == "parties" and #from > 0 and all_parties(from) then
    return { form = "merger", from = copy(from), formed = e.formed, date = date }
  end
  local target, how = split_target(e)
  if target then
    return { form = how == "joined" and "join" or "split", from = { from[1] }, formed = target, date = date,
             verb = existed_before(target, e.date) and "re-formed" or "formed" }
  end
  if e.kind == "founding" and e.formed then
    return { form = "founding", formed = e.formed, date = date }
  end
  if e.kind == "ban" then
    local subjects = (#(e.organizations or {}) > 0) and copy(e.organizations) or copy(e.parties)
    if #subjects > 0 then return { form = "ban", subjects = subjects, date = date } end
  end
end

-- A claim as a sentence: "In 1995, the CPP and the MKP merged to form the CMKP." A merger or
-- split without a date goes without one; a founding or a ban is only stated with its date.
-- `the_` (F.the_short when nil) names each record; party_changes passes one that also names SLOT,
-- a stand-in for a party of its own (a party: "was founded").
local SLOT = {}
local function render(c, the_)
  local the = the_ or the
  local function the_list(ids) return join_and(F.map(ids, the)) end
  local lead = c.date and (F.when(c.date) .. ", ") or ""
  if c.form == "merger" then
    if #c.from > 1 then return F.capital(lead .. the_list(c.from) .. " merged to form " .. the(c.formed) .. ".") end
    return F.capital(lead .. the(c.from[1]) .. " merged into " .. the(c.formed) .. ".")
  elseif c.form == "split" then
    return F.capital(lead .. "a group that left " .. the(c.from[1]) .. " " .. c.verb .. " " .. the(c.formed) .. ".")
  elseif c.form == "join" then
    return F.capital(lead .. "members who left " .. the(c.from[1]) .. " joined " .. the(c.formed) .. ".")
  elseif c.form == "founding" then
    local verb = (c.formed == SLOT or table_of[c.formed] == "parties") and " was founded " or " was set up "
    return F.capital(the(c.formed)) .. verb .. F.when(c.date) .. "."
  else
    local verb = #c.subjects > 1 and " were banned " or " was banned "
    return F.capital(the_list(c.subjects)) .. verb .. F.when(c.date) .. "."
  end
end

-- Whether p may be offered as a party that merged into `formed`: the formed party does not list
-- it and p names no merger into it; when the formed party's list may be incomplete (it has
-- none), p must not have been around at the time at all.
local function not_merged_in(p, e, formed)
  local listed = parties[formed].merged_from
  local complete = listed and #listed > 0
  return not has(listed, p) and parties[p].merged_into ~= formed and (complete or absent(p, e, 3))
end

-- Whether p may be offered as what the parties `from` merged into: it came out of none of them,
-- none names it as the one it merged into, and, unless each names the one it did merge into, p
-- was not around at the time.
local function not_merger_result(p, e, from, formed)
  local settled = true
  for _, f in ipairs(from) do
    if has(parties[p].merged_from, f) or has(parties[p].split_from, f) or parties[f].merged_into == p then
      return false
    end
    if parties[f].merged_into ~= formed then settled = false end
  end
  return settled or absent(p, e, 3)
end

-- Whether one of the people an event names held a post in party p.
local function served_in(e, p)
  for _, pid in ipairs(e.people or {}) do
    for _, role in ipairs(people[pid].roles or {}) do
      if role.party == p then return true end
    end
  end
  return false
end

-- Whether p may be offered as the party that members who left `from` joined: none of the
-- event's people held a post in it, it is not a later successor of `from`, and it was not
-- around at the time.
local function not_joined(p, e, from)
  return absent(p, e, 3) and not has(parties[p].merged_from, from) and not has(parties[p].split_from, from)
    and not served_in(e, p)
end

local function mergers(ctx, e)
  local c = claim_of(e)
  if not c or c.form ~= "merger" then return end
  local from, fact = c.from, render(c)
  -- Which took part (multiple answers) or, with one, which merged in.
  local listed = parties[e.formed].merged_from
  local complete = listed and #listed > 0
  local members = other_parties(e, function(p) return not_merged_in(p, e, e.formed) end,
                                function(g) return complete or group_absent(g, e, 3) end)
  if #from >= 2 then
    local k = math.min(3, 6 - #from, #members)
    if #from + k >= 4 then
      ctx:multi{
        template = "merged_members", facts = { e.id },
        prompt = "Which of these merged" .. date_phrase(e) .. " to form the " .. F.name(e.formed) ..
                 "? Choose all that apply.",
        answers = names(from), distractors = names(P.draw(ctx.rng, members, k, k + 2)),
        explanation = fact, sources = e.sources, tags = tags(e, "parties"),
      }
    end
  else
    local picked = P.draw(ctx.rng, members, 3, 5)
    if picked then
      ctx:choice{
        template = "merged_in", facts = { e.id },
        prompt = "Which party merged into the " .. F.name(e.formed) .. date_phrase(e) .. "?",
        answer = F.name(from[1]), distractors = names(picked),
        explanation = fact, sources = e.sources, tags = tags(e, "parties"),
      }
    end
  end
  -- What they formed.
  local settled = true
  for _, f in ipairs(from) do
    if parties[f].merged_into ~= e.formed then settled = false end
  end
  local results = other_parties(e, function(p) return not_merger_result(p, e, from, e.formed) end,
                                function(g) return settled or group_absent(g, e, 3) end)
  local picked = P.draw(ctx.rng, results, 3, 5)
  if picked then
    local prompt = #from > 1
      and (F.capital(the_list(from)) .. " merged" .. date_phrase(e) .. ". What party did they form?")
      or (F.capital(the(from[1])) .. " merged into another party" .. date_phrase(e) .. ". Which party?")
    ctx:choice{
      template = "merger_result", facts = { e.id },
      prompt = prompt, answer = F.name(e.formed), distractors = names(picked),
      explanation = fact, sources = e.sources, tags = tags(e, "parties"),
    }
  end
end

local function splits(ctx, e)
  local c = claim_of(e)
  if not c or (c.form ~= "split" and c.form ~= "join") then return end
  local from, target, fact = c.from[1], c.formed, render(c)
  -- Where the group went.
  local pool = other_parties(e, function(p)
    if c.form == "join" then return not_joined(p, e, from) end
    return origin_elsewhere(p, from, e.date) and not served_in(e, p)
  end, function(g)
    if c.form == "join" then return group_absent(g, e, 3) end
    return group_origin_elsewhere(g, e.date)
  end)
  local picked = P.draw(ctx.rng, pool, 3, 5)
  if picked then
    local prompt = c.form == "join"
      and ("Which party did members who left the " .. F.name(from) .. date_phrase(e) .. " join?")
      or ("Which party did the group that left the " .. F.name(from) .. date_phrase(e) .. " set up or rebuild?")
    ctx:choice{
      template = "split_into", facts = { e.id },
      prompt = prompt, answer = F.name(target), distractors = names(picked),
      explanation = fact, sources = e.sources, tags = tags(e, "parties"),
    }
  end
  -- Which party they left.
  if c.form == "split" then
    local sources_pool = other_parties(e, function(p)
      return not has(parties[target].split_from, p) and parties[target].merged_into ~= p
    end)
    local picked2 = P.draw(ctx.rng, sources_pool, 3, 5)
    if picked2 then
      ctx:choice{
        template = "split_from", facts = { e.id },
        prompt = "A group broke away" .. date_phrase(e) .. " and set up or rebuilt the " .. F.name(target) ..
                 ". Which party did it leave?",
        answer = F.name(from), distractors = names(picked2),
        explanation = fact, sources = e.sources, tags = tags(e, "parties"),
      }
    end
  end
end

---------------------------------------------------------------------------------------------------
-- 5. Figures the sources give

local NUMBER_WORDS = { [0] = "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen", "twenty" }

local function number_text(v)
  if math.type(v) == "integer" or v == math.floor(v) then return string.format("%d", v) end
  return string.format("%g", v)
end

local function label_text(label)
  if label:match("^%u%l") then return label:sub(1, 1):lower() .. label:sub(2) end
  return label
end

local function figures(ctx, e)
  for i, fig in ipairs(e.figures or {}) do
    local v = fig.value
    local shown = number_text(v)
    local word = NUMBER_WORDS[v]
    local gives_away = F.find_word(e.title, shown) or (word and F.find_word(e.title, word))
    if not gives_away then
      local label = label_text(fig.label)
      local ask
      if fig.unit == "%" then
        ask = "give the " .. label .. " in per cent"
      else
        ask = "give the " .. (fig.approx and "approximate " or "") .. "number of " .. label
      end
      local value = (fig.approx and "about " or "") .. shown .. (fig.unit == "%" and "%" or "")
      ctx:number{
        template = "figure", facts = { e.id }, variant = tostring(i),
        prompt = e.title .. paren_date(e) .. ": " .. ask .. ".",
        number = v, approx = fig.approx or false, unit = fig.unit ~= "%" and fig.unit or nil,
        explanation = "For \"" .. e.title .. "\"" .. paren_date(e) .. " the sources give " .. label ..
                      " as " .. value .. ".",
        sources = e.sources, tags = tags(e, "figures"),
      }
    end
  end
end

---------------------------------------------------------------------------------------------------
-- 6. Places

-- Whether span a..b of the title lies inside the name of a record the event involves.
local function inside_a_name(e, a, b)
  for _, id in ipairs(F.involved(e)) do
    for _, n in ipairs(F.names(id)) do
      local s, t = F.find_word(e.title, n)
      while s do
        if s <= a and t >= b and (t - s) > (b - a) then return true end
        s, t = F.find_word(e.title, n, s + 1)
      end
    end
  end
  return false
end

local function places(ctx, e)
  local list = e.places or {}
  -- Where something was founded: asked straight, whatever the title says.
  if #list == 1 and e.kind == "founding" and e.formed then
    local p = list[1]
    local what = table_of[e.formed] == "parties" and "founded" or "set up"
    local date = F.date_note(e)
    ctx:short{
      template = "where_founded", facts = { e.id },
      prompt = "Where was the " .. F.name(e.formed) .. " " .. what .. date .. "?",
      answer = p, accepted = F.place_forms(p),
      explanation = "The " .. F.name(e.formed) .. " was " .. what .. " in " .. p .. date_phrase(e) .. ".",
      sources = e.sources, tags = tags(e, "places"),
    }
    return
  end
  -- A place the title names: blank it (unless it is part of a name, as in "Communist Party of
  -- East Pakistan").
  for _, p in ipairs(list) do
    local best
    local forms = F.place_forms(p)
    table.insert(forms, 1, p)
    for _, form in ipairs(forms) do
      local a, b = F.find_word(e.title, form)
      if a and (not best or b - a > best[2] - best[1]) then best = { a, b } end
    end
    if best then
      if not inside_a_name(e, best[1], best[2]) then
        local blanked = F.blank(e.title, best[1], best[2])
        ctx:cloze{
          template = "place_cloze", facts = { e.id },
          prompt = 'Fill in the place: "' .. blanked .. '"' .. paren_date(e) .. ".",
          answer = p, accepted = F.place_forms(p),
          explanation = '"' .. e.title .. '"' .. paren_date(e) .. " took place in " .. p .. ".",
          sources = e.sources, tags = tags(e, "places"),
        }
      end
      return
    end
  end
  -- Otherwise, with one place: where did it happen?
  if #list ~= 1 then return end
  local p = list[1]
  ctx:short{
    template = "where", facts = { e.id },
    prompt = "Where did this happen: " .. e.title .. paren_date(e) .. "?",
    answer = p, accepted = F.place_forms(p),
    explanation = '"' .. e.title .. '"' .. paren_date(e) .. " took place in " .. p .. ".",
    sources = e.sources, tags = tags(e, "places"),
  }
end

---------------------------------------------------------------------------------------------------
-- 7. Event titles with a person or a party left blank

-- Could another record of the same table fill the blank? Only if another event of the same
-- kind, at a time that may be the same, involves a record of that table this event does not.
local function blank_ambiguous(e, id)
  if not F.askable(e.date) then return false end
  local tname = table_of[id]
  local mine = F.set(F.involved(e))
  return each_overlapping(e.kind, e.date, function(other)
    if other == e.id then return false end
    for _, x in ipairs(F.involved(events[other])) do
      if table_of[x] == tname and not mine[x] then return true end
    end
    return false
  end)
end

local function blank_once(e, id)
  local a, b, n = F.find_name(e.title, id)
  if not a or F.name_owners(n) ~= 1 or inside_a_name(e, a, b) then return nil end
  local blanked = F.blank(e.title, a, b)
  if F.mentions(blanked, id) then return nil end
  return blanked, n
end

local function title_clozes(ctx, e, fallback)
  local context = {}
  for _, p in ipairs(F.event_parties(e)) do
    if not F.mentions(e.title, p) then context[#context + 1] = F.short_name(p) end
  end
  local date = paren_date(e):match("^ %((.*)%)$")
  local function suffix(extra)
    local parts = copy(extra)
    if date then parts[#parts + 1] = date end
    if #parts == 0 then return "" end
    return " (" .. table.concat(parts, "; ") .. ")"
  end
  -- A person.
  for _, pid in ipairs(e.people or {}) do
    local blanked, n = blank_once(e, pid)
    if blanked and not blank_ambiguous(e, pid) then
      local accepted = F.accepted(pid)
      if n ~= F.name(pid) and not has(accepted, n) then accepted[#accepted + 1] = n end
      ctx:cloze{
        template = "person_cloze", facts = { e.id, pid },
        prompt = 'Fill in the person: "' .. blanked .. '"' .. suffix(context) .. ".",
        answer = F.name(pid), accepted = accepted, person = true,
        explanation = F.name(pid) .. " is the person in \"" .. e.title .. "\"" .. paren_date(e) .. ".",
        sources = e.sources, tags = tags(e, "people"),
      }
      break
    end
  end
  -- A party.
  for _, p in ipairs(F.event_parties(e)) do
    local blanked, n = blank_once(e, p)
    if blanked and not blank_ambiguous(e, p) and (fallback or not dominant[p]) then
      local accepted = F.accepted(p)
      if n ~= F.name(p) and not has(accepted, n) then table.insert(accepted, 1, n) end
      ctx:cloze{
        template = "party_cloze", facts = { e.id, p },
        prompt = 'Fill in the party: "' .. blanked .. '"' .. suffix({}) .. ".",
        answer = F.name(p), accepted = accepted,
        explanation = "The party in \"" .. e.title .. "\"" .. paren_date(e) .. " is the " .. F.long_name(p) .. ".",
        sources = e.sources, tags = tags(e, "parties"),
      }
      break
    end
  end
end

---------------------------------------------------------------------------------------------------
-- 8. True or false: a real merger, split, founding or ban, and the same with one part changed

local function subset(list, of)
  local s = F.set(of)
  for _, v in ipairs(list) do
    if not s[v] then return false end
  end
  return true
end

-- Whether the data could bear a claim out: some event at a time that may be the claim's, or the
-- record of the party itself, says so. A false statement must fail this.
local function possibly_true(c)
  -- only events that could bear the claim out are read: those that formed what the claim says
  -- was formed, those out of the party a "join" names, those naming the first thing banned
  local x, list = event_index(), {}
  if c.form == "merger" or c.form == "split" or c.form == "founding" then
    list = x.by_formed[c.formed] or {}
  elseif c.form == "join" then
    list = x.by_from[c.from[1]] or {}
  elseif c.form == "ban" then
    list = index.events_of[c.subjects[1]] or {}
  end
  for _, id in ipairs(list) do
    local o = events[id]
    if F.overlaps(o.date, c.date) then
      local around = F.involved(o)
      if c.form == "merger" or c.form == "split" or c.form == "founding" then
        if o.formed == c.formed and subset(c.from or {}, around) then return true end
      elseif c.form == "join" then
        if has(o.from, c.from[1]) and has(around, c.formed) then return true end
      elseif c.form == "ban" then
        if o.kind == "ban" and subset(c.subjects, around) then return true end
      end
    end
  end
  local r = F.record(c.formed or "")
  if r and (c.form == "merger" or c.form == "split" or c.form == "founding") then
    if r.founded and F.overlaps(r.founded, c.date) then
      if c.form == "founding" then return true end
      local origin = c.form == "merger" and r.merged_from or r.split_from
      if subset(c.from, origin or {}) then return true end
    end
  end
  return false
end

-- One-party changes of a claim, each checked false against the data: the first five sentences
-- in order of the party's era gap, then the sentence (the statement is drawn from these).
--
-- Each way of changing the claim (a template) puts the party's name, the(p), in one place of
-- a sentence that is otherwise the same. So among parties of one era gap, the sentences of one
-- template come in the order of their names, but for names that begin with another name ("the
-- CPP" and "the CPP-ML"), where what follows decides: the names are read in order until the
-- next one can beat none of the five best sentences, because it begins with none of their names,
-- or goes on after such a name with a character greater than the one that follows the name in
-- the sentence ("the MKP1 merged" comes before "the MKP10 merged": " " < "0"); no later one can.
local function party_changes(e, c)
  local ok = outside(e)
  local d = c.date
  local dlo, dhi = F.interval(d)
  local templates = {}
  local function template(group_ok, test, claim)
    templates[#templates + 1] = { group_ok = group_ok, test = test, claim = claim }
  end
  if c.form == "merger" then
    local listed = parties[c.formed].merged_from
    local complete = listed and #listed > 0
    for i = 1, #c.from do
      template(function(g) return complete or group_absent(g, e, 3) end,
        function(p) return not_merged_in(p, e, c.formed) end,
        function(p)
          local from = copy(c.from)
          from[i] = p
          return { form = c.form, from = from, formed = c.formed, date = c.date }
        end)
    end
    local settled = true
    for _, f in ipairs(c.from) do
      if parties[f].merged_into ~= c.formed then settled = false end
    end
    template(function(g) return settled or group_absent(g, e, 3) end,
      function(p) return not_merger_result(p, e, c.from, c.formed) end,
      function(p) return { form = c.form, from = copy(c.from), formed = p, date = c.date } end)
  elseif c.form == "split" then
    if table_of[c.formed] == "parties" then
      template(nil, function(p) return not has(parties[c.formed].split_from, p) end,
        function(p) return { form = c.form, from = { p }, formed = c.formed, date = c.date, verb = c.verb } end)
    end
    for _, verb in ipairs({ "re-formed", "formed" }) do
      local again = verb == "re-formed"
      template(function(g) return group_origin_elsewhere(g, d) and (g.eb < dlo) == again end,
        function(p) return origin_elsewhere(p, c.from[1], c.date) and existed_before(p, c.date) == again end,
        function(p) return { form = c.form, from = copy(c.from), formed = p, date = c.date, verb = verb } end)
    end
  elseif c.form == "join" then
    template(function(g) return group_absent(g, e, 3) end,
      function(p) return not_joined(p, e, c.from[1]) end,
      function(p) return { form = c.form, from = copy(c.from), formed = p, date = c.date } end)
  elseif c.form == "founding" and table_of[c.formed] == "parties" then
    -- Only a party whose own founding date is known and is not this one.
    template(function(g) return g.flo ~= nil and not (g.flo <= dhi and dlo <= g.fhi) end,
      function(p)
        local f = parties[p].founded
        return F.askable(f) and not F.overlaps(f, c.date)
      end,
      function(p) return { form = c.form, formed = p, date = c.date } end)
  end
  -- the byte after the party's name in each template's sentences
  local function slot_name(id) return id == SLOT and "\1" or the(id) end
  for _, t in ipairs(templates) do
    local text = render(t.claim(SLOT), slot_name)
    t.after = text:byte(text:find("\1", 1, true) + 1)
  end
  if #templates == 0 then return {} end
  -- the groups of parties by era gap, nearest first
  local groups = near("parties", d)
  local out = {}
  local i = 1
  while i <= #groups do
    local j = i
    while groups[j + 1] and groups[j + 1].era == groups[i].era do j = j + 1 end
    local here = {}
    for _, t in ipairs(templates) do
      local after = t.after
      local lists = {}
      for k = i, j do
        local g = groups[k].g
        if not t.group_ok or t.group_ok(g) then lists[#lists + 1] = by_name(g) end
      end
      local best = {} -- the five best sentences so far, in order: { text =, name = }
      merge(lists, function(x) return x.name end, function(x)
        if #best >= 5 then
          local open = false
          for _, b in ipairs(best) do
            if x.name:find(b.name, 1, true) == 1 then
              local next_byte = x.name:byte(#b.name + 1)
              if next_byte == nil or next_byte <= after then open = true break end
            end
          end
          if not open then return true end
        end
        local p = x.id
        if ok(p) and t.test(p) then
          local changed = t.claim(p)
          if not possibly_true(changed) then
            local text = render(changed)
            local at = #best + 1
            while at > 1 and text < best[at - 1].text do at = at - 1 end
            table.insert(best, at, { text = text, name = x.name })
            if #best > 5 then table.remove(best) end
          end
        end
        return false
      end)
      for _, b in ipairs(best) do here[#here + 1] = b.text end
    end
    table.sort(here)
    for _, text in ipairs(here) do
      if #out < 5 then out[#out + 1] = text end
    end
    if #out >= 5 then break end
    i = j + 1
  end
  return out
end

local function statements(ctx, e)
  local c = claim_of(e)
  if not c or not c.date then return end
  local truth = render(c)
  local tg = tags(e, "statements")
  ctx:truefalse{
    template = "tf_true", facts = { e.id }, truth = true,
    prompt = "True or false: " .. truth, statement = truth,
    explanation = truth, sources = e.sources, tags = tg,
  }
  -- The date moved to a near one, at the same precision.
  local moved = {}
  for _, d in ipairs(near_dates(c.date)) do
    local changed = {}
    for k, v in pairs(c) do changed[k] = v end
    changed.date = d
    if not possibly_true(changed) then moved[#moved + 1] = changed end
  end
  if #moved > 0 then
    local s = render(ctx.rng:pick(moved))
    ctx:truefalse{
      template = "tf_year", facts = { e.id }, truth = false,
      prompt = "True or false: " .. s, statement = s,
      explanation = "False: " .. truth:gsub("^%u", string.lower), sources = e.sources, tags = tg,
    }
  end
  -- One party swapped for another.
  local top = party_changes(e, c)
  if #top > 0 then
    local s = ctx.rng:pick(top)
    ctx:truefalse{
      template = "tf_party", facts = { e.id }, truth = false,
      prompt = "True or false: " .. s, statement = s,
      explanation = "False: " .. truth:gsub("^%u", string.lower), sources = e.sources, tags = tg,
    }
  end
end

---------------------------------------------------------------------------------------------------

-- Counts the questions made through it, so an event left without one gets a fallback.
local function counting(ctx)
  local counter = { n = 0 }
  local proxy = setmetatable({}, {
    __index = function(_, k)
      local v = ctx[k]
      if type(v) == "function" then
        return function(_, spec)
          counter.n = counter.n + 1
          return v(ctx, spec)
        end
      end
      return v
    end,
  })
  return proxy, counter
end

return {
  name = "events",
  description = "What happened: events from a description, who and which parties took part, mergers and splits, figures, places, and true/false statements",
  generate = function(ctx)
    for _, id in ipairs(index.events_by_date) do
      local e = events[id]
      local c, counter = counting(ctx)
      which_event(c, e)
      who(c, e)
      parties_in(c, e, false)
      mergers(c, e)
      splits(c, e)
      figures(c, e)
      places(c, e)
      title_clozes(c, e, false)
      statements(c, e)
      -- Nothing else could be asked: the party it involves, even the party of most events.
      if counter.n == 0 then parties_in(c, e, true) end
      if counter.n == 0 then title_clozes(c, e, true) end
    end
  end,
}
