-- generators/events/which_event.lua: which event fits a description of its kind, parties, places, date.

local S = require("generators.events.shared")
local ipairs, pairs = ipairs, pairs
local table, math, utf8, halqa = S.plain(table), S.plain(math), S.plain(utf8), S.plain(halqa)
local events = events
local F, P = S.plain(require("lib.quiz.facts")), S.plain(require("lib.quiz.pick"))
local index = halqa.index
local table_of = index.table_of
local copy, join_and = F.copy, F.join_and
local the_list, numbers_of, graded_same = S.the_list, S.numbers_of, S.graded_same
local loose, tags = S.loose, S.tags
local merge, itself, formed_type, event_index = S.merge, S.itself, S.formed_type, S.event_index

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

local KIND_NOUN = {
  founding = "a founding", merger = "a merger", split = "a split", ban = "a ban", election = "an election",
  arrest = "a wave of arrests", release = "a release from prison", killing = "a killing", repression = "a crackdown",
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
-- The records of list that a description may name: not one the title names, nor one whose name
-- names what the title names ("Mazdoor Kisan Party (Major Ishaque group)" beside a title naming
-- Major Ishaque), or the right choice would be the one title that echoes the prompt.
local function unnamed(e, list)
  local out = {}
  for _, id in ipairs(list) do
    local echo = false
    for _, x in ipairs(F.mentioned(F.long_name(id))) do
      if F.mentions(e.title, x) then echo = true end
    end
    if not echo and not F.mentions(e.title, id) then out[#out + 1] = id end
  end
  return out
end

local function describe(e)
  local desc = {
    kind = e.kind, formed = e.kind ~= "other" and formed_type(e) or nil, ids = unnamed(e, F.event_parties(e)),
    -- a title that holds the year would give the answer away beside a date
    date = F.askable(e.date) and not e.title:find(tostring(e.date.year), 1, true) and e.date or nil,
  }
  local steps = {
    function() end,
    function() desc.places = copy(e.places) end,
    function()
      for _, o in ipairs(unnamed(e, e.organizations or {})) do desc.ids[#desc.ids + 1] = o end
    end,
  }
  for _, step in ipairs(steps) do
    step()
    local says = #desc.ids > 0 or (desc.places and #desc.places > 0) or desc.kind ~= "other"
    if says and (desc.date or #desc.ids > 0 or desc.places) and unique_fit(desc, e) then return desc end
  end
end

local function split_ids(desc)
  local ps, os = {}, {}
  for _, id in ipairs(desc.ids) do
    if table_of[id] == "parties" then ps[#ps + 1] = id else os[#os + 1] = id end
  end
  return ps, os
end

-- The description as a question: "In 1995, which of these was a merger that created a party,
-- involving the CPP and the Mazdoor Kisan Party (Major Ishaque group)?"; an event of no kind
-- "... which of these events involved the CPP and took place in Russia?".
local function description_prompt(desc)
  local ps, os = split_ids(desc)
  local s
  if desc.kind ~= "other" then
    s = "which of these was " .. KIND_NOUN[desc.kind]
    if desc.formed then
      s = s .. " that created " .. (desc.formed == "party" and "a party" or F.a(F.org_kind(desc.formed)))
    end
    if #ps > 0 then s = s .. (desc.formed and "," or "") .. " involving " .. the_list(ps) end
    if #os > 0 then s = s .. ", concerning " .. the_list(os) end
    if desc.places and #desc.places > 0 then s = s .. ", in " .. join_and(desc.places) end
  else
    local verbs = {}
    if #ps > 0 then verbs[#verbs + 1] = "involved " .. the_list(ps) end
    if #os > 0 then verbs[#verbs + 1] = "concerned " .. the_list(os) end
    if desc.places and #desc.places > 0 then verbs[#verbs + 1] = "took place in " .. join_and(desc.places) end
    s = "which of these events " .. join_and(verbs)
  end
  if desc.date then return F.capital(F.when(desc.date)) .. ", " .. s .. "?" end
  return F.capital(s) .. "?"
end

-- The same as one sentence, for the explanation.
local function description_sentence(e, desc)
  local ps, os = split_ids(desc)
  local s = "“" .. e.title .. "”"
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
    prompt = description_prompt(desc),
    answer = e.title, distractors = distractors,
    explanation = description_sentence(e, desc),
    sources = e.sources, tags = tags(e, #split_ids(desc) > 0 and "parties" or "organizations"),
  }
end

return { which_event = which_event }
