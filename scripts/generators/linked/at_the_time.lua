-- generators/linked/at_the_time.lua: an event joined to a person's post by their dates: who led
-- a party when the event happened, and which party a person of the event belonged to then.
--
-- A post "covers" an event only when the dates settle it: the event falls between a post's
-- start and end, or in the very period the post began, never later (an open post may have ended
-- long before). A question is asked only when exactly one post covers the event and no undated
-- post could.

local F = require("lib.quiz.facts")
local S = require("generators.events.shared")
local P = require("lib.quiz.pick")

-- Titles of posts that lead a party.
local function leads(title)
  return title:find("Secretary") or title:find("[Ll]eader") or title:find("Head") or title:find("President")
end

local function period(d) return F.interval(d) end

-- Whether the dates settle that role r was held at date d: "covers", "not" (surely not held) or
-- "unsure".
local function covers(r, d)
  if not F.askable(r.from) then return "unsure" end
  local flo, fhi = period(r.from)
  local dlo, dhi = period(d)
  if dhi < flo then return "not" end
  if r.to and F.askable(r.to) then
    local tlo, thi = period(r.to)
    if dlo > thi then return "not" end
    -- between the start and the end, each at a precision that settles it
    if dlo >= fhi and dhi <= tlo and not (r.from.month and not d.month and dlo == fhi)
       and not (r.to.month and not d.month and dhi == tlo) then return "covers" end
    return "unsure"
  end
  -- an open post: only in the period it began, at the same precision
  if flo == dlo and fhi == dhi and not r.from.month and not r.from.part and not d.month and not d.part then
    return "covers"
  end
  return "unsure"
end

-- "from 1948", "from December 1990 to April 1991".
local function span(r)
  local s = "from " .. F.date(r.from)
  if r.to and F.askable(r.to) then s = s .. " to " .. F.date(r.to) end
  return s
end

local function told(e) return "“" .. e.title .. "” (" .. F.date(e.date) .. ")" end

local function sources(e, p)
  return F.merge_sources({ e.sources, p.sources })
end

-- Dated events, in date order, whose date a source gives.
local function dated_events()
  local out = {}
  for _, id in ipairs(halqa.index.events_by_date) do
    local e = events[id]
    if F.askable(e.date) then out[#out + 1] = e end
  end
  return out
end

-- Ranks candidate people for a question about party p at event e: those with a post in p first,
-- then by the years between their first dated post and the event (undated last), then id.
local function rank_people(list, p, e)
  local year = e.date.year
  local function key(pid)
    local inp, gap = 1, math.huge
    for _, r in ipairs(people[pid].roles or {}) do
      if r.party == p then inp = 0 end
      if F.askable(r.from) then gap = math.min(gap, math.abs(r.from.year - year)) end
    end
    return { inp, gap }
  end
  return P.ranked(list, key)
end

-- Whether party q may stand beside p as a wrong answer: it shares no name with p, is not
-- confusable with it and is not tied to it by a split or a merger.
local function apart(q, p)
  return P.apart(q, P.lineage(p)) and not S.confusable_with_any(q, { p })
end

-- Who led party p when event e happened: the one leading post that covers e's date, when no other
-- leading post in p could.
local function leader(ctx)
  for _, e in ipairs(dated_events()) do
    for _, p in ipairs(F.event_parties(e)) do
      local found, doubt = {}, false
      for _, pid in ipairs(F.sorted_ids("people")) do
        for _, r in ipairs(people[pid].roles or {}) do
          if r.party == p and leads(r.title) then
            local c = covers(r, e.date)
            if c == "covers" then found[#found + 1] = { pid = pid, role = r }
            elseif c == "unsure" then doubt = true end
          end
        end
      end
      local hit = #found == 1 and not doubt and found[1]
      if hit and not F.mentions(e.title, hit.pid) and not F.mentions(F.long_name(p), hit.pid) then
        -- people who surely did not lead p then: the other leaders of p, and leaders of other parties
        local wrong = {}
        for _, pid in ipairs(F.sorted_ids("people")) do
          local ok, led = pid ~= hit.pid, false
          for _, r in ipairs(people[pid].roles or {}) do
            if r.party == p and covers(r, e.date) ~= "not" then ok = false end
            if r.party and leads(r.title) then led = true end
          end
          if ok and led and not F.has(e.people, pid) then wrong[#wrong + 1] = pid end
        end
        -- the other leaders of the same party first, then the rest, each nearest in time
        local ranked = rank_people(wrong, p, e)
        if #ranked >= 3 then
          local picked = P.draw(ctx.rng, ranked, 3, 5)
          local r = hit.role
          ctx:choice{
            template = "leader_at_time", facts = { e.id, hit.pid },
            prompt = "Who was " .. r.title:lower() .. " of " .. F.the_short(p) .. " at the time of “" .. e.title ..
              "” (" .. F.date(e.date) .. ")?",
            answer = F.name(hit.pid), distractors = F.map(picked, F.name),
            explanation = F.name(hit.pid) .. " was " .. r.title:lower() .. " of " .. F.the_short(p) .. " " .. span(r) ..
              (r.to and ", a span that takes in " or ", the time of ") .. told(e) .. ".",
            sources = sources(e, people[hit.pid]), tags = { "linked", "leaders" },
          }
        end
      end
    end
  end
end

-- Which party a person of event e belonged to at the time: the one party of theirs that the dates
-- of their posts leave possible then, when e itself names it (the event puts them with it at that
-- date) and its title does not. Not asked of mergers and splits, when people change parties.
local function party(ctx)
  for _, e in ipairs(dated_events()) do
    if e.kind ~= "merger" and e.kind ~= "split" then
      local mine = F.set(F.event_parties(e))
      for _, pid in ipairs(F.undoubted(e, e.people)) do
        local hits, other_time = {}, {}
        for _, r in ipairs(people[pid].roles or {}) do
          local p = F.role_party(r)
          if p then
            if covers(r, e.date) ~= "not" then hits[p] = hits[p] or r else other_time[p] = true end
          end
        end
        local ps = F.sorted_keys(hits)
        local p = #ps == 1 and ps[1]
        if p and mine[p] and not F.mentions(e.title, p) then
          -- wrong: parties the person held no post in at that time and which the event does not
          -- name, apart in name from the answer; a party they were in at another time first
          local near = {} -- the parties of every event that names the person: never offered
          for _, eid in ipairs(halqa.index.events_of[pid] or {}) do
            for _, q in ipairs(F.event_parties(events[eid])) do near[q] = true end
          end
          local pool = {}
          for _, q in ipairs(F.sorted_ids("parties")) do
            if q ~= p and not mine[q] and not near[q] and not hits[q] and apart(q, p) then pool[#pool + 1] = q end
          end
          local function key(q)
            local f = parties[q].founded
            local gap = F.askable(f) and math.abs(f.year - e.date.year) or 50
            return { other_time[q] and 0 or 1, gap }
          end
          local ranked = P.ranked(pool, key)
          if #ranked >= 3 then
            local picked = P.draw(ctx.rng, ranked, 3, 5)
            local r = hits[p]
            ctx:choice{
              template = "party_at_time", facts = { e.id, pid },
              prompt = "At the time of “" .. e.title .. "” (" .. F.date(e.date) .. "), which party did " ..
                F.name(pid) .. " belong to?",
              answer = F.name(p), distractors = F.map(picked, F.name),
              explanation = told(e) .. " concerns " .. F.the_long(p) .. ", where " .. F.name(pid) .. " was " ..
                F.a(r.title:lower()) .. (r.organization and (" of the " .. F.name(r.organization)) or "") ..
                (F.askable(r.from) and (" " .. span(r)) or "") .. "; the sources give no other party of theirs then.",
              sources = sources(e, people[pid]), tags = { "linked", "parties" },
            }
          end
        end
      end
    end
  end
end

return { leader = leader, party = party }
