-- generators/events/shared.lua: what the event question families share: names, times, indices, claims.
--
-- Names a grader could confuse; the years a record was around and how far that is from an event;
-- indices of the dataset built once; and the claim an event makes (a merger, split, founding or
-- ban) with the tests of a party that cannot be part of it. Used by the families in this folder, composed by generators/events.lua.

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals (F.plain).
local ipairs, pairs, tostring = ipairs, pairs, tostring
local F = require("lib.quiz.facts")
local plain = F.plain
F = plain(F)
local table, math, utf8, halqa = plain(table), plain(math), plain(utf8), plain(halqa)
local parties, people, organizations, events = parties, people, organizations, events

local index = halqa.index
local table_of = index.table_of
local has, copy, join_and, the = F.has, F.copy, F.join_and, F.the_short

---------------------------------------------------------------------------------------------------
-- Names

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

-- " in 1954" (F.when) to end a phrase about an event, unless its date is inferred.
local function date_phrase(e)
  return F.askable(e.date) and (" " .. F.when(e.date)) or ""
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

---------------------------------------------------------------------------------------------------
-- Titles

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

---------------------------------------------------------------------------------------------------
-- Claims: what a merger, split, founding or ban says, and which parties cannot be part of it

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
-- `the_` (F.the_short when nil) names each record; byte_after_party passes one that also names
-- SLOT, a stand-in for a party of its own (a party: "was founded").
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

-- The byte that follows the party in the sentence of make(party), a claim that puts the party
-- in one place of an otherwise fixed sentence: the same byte for every party.
local function slot_name(id) return id == SLOT and "\1" or the(id) end
local function byte_after_party(make)
  local text = render(make(SLOT), slot_name)
  return text:byte(text:find("\1", 1, true) + 1)
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

-- A family reads what it uses of this table into locals once (S.plain copies a read-only table).
return {
  plain = plain,
  -- names
  the_list = the_list, names = names, numbers_of = numbers_of, graded_same = graded_same,
  confusable_with_any = confusable_with_any,
  -- dates
  loose = loose, paren_date = paren_date, date_phrase = date_phrase,
  -- when a record was around
  person_type = person_type, named_in = named_in, tags = tags,
  -- indices
  group_absent = group_absent, merge = merge, itself = itself, near = near, far = far, walk = walk,
  formed_type = formed_type, event_index = event_index,
  -- titles
  inside_a_name = inside_a_name,
  -- claims
  outside = outside, existed_before = existed_before, origin_elsewhere = origin_elsewhere,
  group_origin_elsewhere = group_origin_elsewhere, claim_of = claim_of, render = render,
  byte_after_party = byte_after_party, not_merged_in = not_merged_in,
  not_merger_result = not_merger_result, served_in = served_in, not_joined = not_joined,
}
