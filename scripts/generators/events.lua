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

local F = require("lib.quiz.facts")
local P = require("lib.quiz.pick")

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

-- Two names that a grader (or a reader) could take for each other.
local confusable_cache = {}
local function confusable(a, b)
  if a == b then return true end
  local key = a < b and (a .. "|" .. b) or (b .. "|" .. a)
  if confusable_cache[key] ~= nil then return confusable_cache[key] end
  local result = false
  local na, nb = halqa.normalize(F.name(a)), halqa.normalize(F.name(b))
  if na:find(nb, 1, true) or nb:find(na, 1, true) then result = true end
  for _, x in ipairs(F.names(a)) do
    for _, y in ipairs(F.names(b)) do
      if halqa.normalize(x) == halqa.normalize(y)
        or halqa.grade({ kind = "short", answer = x }, y).correct
        or halqa.grade({ kind = "short", answer = y }, x).correct then
        result = true
      end
    end
  end
  confusable_cache[key] = result
  return result
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
local function gap(id, d)
  if not span_cache[id] then
    local lo, hi = known_span(id, function(x) if x then return loose(x) end end)
    local r, t = F.record(id), table_of[id]
    if t == "parties" or t == "organizations" then
      if not F.askable(r.founded) then lo = -math.huge end
      if t == "organizations" or not F.askable(r.dissolved) then hi = math.huge end
    end
    span_cache[id] = { lo, hi }
  end
  return distance(span_cache[id][1], span_cache[id][2], d)
end

-- Years between what the sources date of a record and a date; unlike gap() it neither counts an
-- inferred date nor stretches an unknown start or end. Ranks candidates by closeness in time, so
-- a wrong answer comes from around the same years when one can.
local era_cache = {}
local function era_gap(id, d)
  if not era_cache[id] then
    era_cache[id] = { known_span(id, function(x) if F.askable(x) then return F.interval(x) end end) }
  end
  return distance(era_cache[id][1], era_cache[id][2], d)
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

-- The topic tags of an event's kind, and the extra ones given, each once.
local function tags(e, ...)
  local out = F.kind_tags(e.kind)
  for _, t in ipairs({ ... }) do
    if not has(out, t) then out[#out + 1] = t end
  end
  return out
end

local party_ids = F.ids("parties")
local people_ids = F.ids("people")

---------------------------------------------------------------------------------------------------
-- 1. Which event fits a description built from its kind, parties, places and date

local KIND_NOUN = {
  founding = "a founding", merger = "a merger", split = "a split", ban = "a ban", election = "an election",
  arrest = "arrests", release = "a release from prison", killing = "a killing", repression = "repression",
  leadership = "a change of leadership", congress = "a party congress", estimate = "an estimate",
  publication = "a publication", alliance = "an alliance", other = "an event",
}

local function formed_type(e)
  if not e.formed then return nil end
  if table_of[e.formed] == "parties" then return "party" end
  return organizations[e.formed].kind
end

-- Could event e be the one a description speaks of? Kind "other" says nothing of the kind.
local function fits(desc, e)
  if desc.kind ~= "other" and e.kind ~= desc.kind then return false end
  if desc.formed and formed_type(e) ~= desc.formed then return false end
  local inv = F.set(F.involved(e))
  for _, id in ipairs(desc.ids) do
    if not inv[id] then return false end
  end
  local pl = F.set(e.places)
  for _, p in ipairs(desc.places or {}) do
    if not pl[p] then return false end
  end
  if desc.date and not F.overlaps(desc.date, e.date) then return false end
  return true
end

local function unique_fit(desc, e)
  for _, other in ipairs(index.events_by_date) do
    if other ~= e.id and fits(desc, events[other]) then return false end
  end
  return true
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

local function which_event(ctx, e)
  local desc = describe(e)
  if not desc then return end
  local mine = F.set(F.event_parties(e))
  local candidates = {}
  local titles = { [halqa.normalize(e.title)] = true }
  for _, other in ipairs(index.events_by_date) do
    local o = events[other]
    if other ~= e.id and not fits(desc, o) and not titles[halqa.normalize(o.title)]
      and not halqa.grade({ kind = "short", answer = e.title }, o.title).correct then
      titles[halqa.normalize(o.title)] = true
      candidates[#candidates + 1] = other
    end
  end
  local pool = P.ranked(candidates, function(id)
    local o = events[id]
    local shares = 0
    for _, p in ipairs(F.event_parties(o)) do
      if mine[p] then shares = 1 end
    end
    local a = loose(o.date)
    local b = loose(e.date)
    return { (o.kind == e.kind and 0 or 2) + (1 - shares), math.abs(a - b) }
  end)
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
  local text = F.event_text(e)
  local candidates = {}
  for _, other in ipairs(people_ids) do
    if not has(people_list, other) and absent(other, e, 5) and not F.mentions(text, other)
      and not confusable_with_any(other, people_list) then
      candidates[#candidates + 1] = other
    end
  end
  local kinds = {}
  for _, pid in ipairs(answers) do kinds[person_type(pid)] = true end
  local pool = P.ranked(candidates, function(id)
    return { kinds[person_type(id)] and 0 or 1, era_gap(id, e.date) }
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
  local text = F.event_text(e)
  local candidates = {}
  for _, p in ipairs(party_ids) do
    if not has(all, p) and not F.mentions(text, p) and absent(p, e, 3) and not confusable_with_any(p, all) then
      candidates[#candidates + 1] = p
    end
  end
  local pool = P.ranked(candidates, function(p) return { era_gap(p, e.date) } end)
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
  local inv, text, mine = F.involved(e), F.event_text(e), F.event_parties(e)
  return function(p)
    return not has(inv, p) and not F.mentions(text, p) and not confusable_with_any(p, mine)
  end
end

-- The parties outside event e that also pass `extra`, nearest to its time first.
local function other_parties(e, extra)
  local out, ok = {}, outside(e)
  for _, p in ipairs(party_ids) do
    if ok(p) and (not extra or extra(p)) then out[#out + 1] = p end
  end
  return P.ranked(out, function(p) return { era_gap(p, e.date) } end)
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
local function render(c)
  local lead = c.date and (F.when(c.date) .. ", ") or ""
  if c.form == "merger" then
    if #c.from > 1 then return F.capital(lead .. the_list(c.from) .. " merged to form " .. the(c.formed) .. ".") end
    return F.capital(lead .. the(c.from[1]) .. " merged into " .. the(c.formed) .. ".")
  elseif c.form == "split" then
    return F.capital(lead .. "a group that left " .. the(c.from[1]) .. " " .. c.verb .. " " .. the(c.formed) .. ".")
  elseif c.form == "join" then
    return F.capital(lead .. "members who left " .. the(c.from[1]) .. " joined " .. the(c.formed) .. ".")
  elseif c.form == "founding" then
    local verb = table_of[c.formed] == "parties" and " was founded " or " was set up "
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
  local members = other_parties(e, function(p) return not_merged_in(p, e, e.formed) end)
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
  local results = other_parties(e, function(p) return not_merger_result(p, e, from, e.formed) end)
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
  for _, other in ipairs(index.events_by_kind[e.kind] or {}) do
    local o = events[other]
    if other ~= e.id and F.overlaps(o.date, e.date) then
      for _, x in ipairs(F.involved(o)) do
        if table_of[x] == tname and not mine[x] then return true end
      end
    end
  end
  return false
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
  for _, id in ipairs(index.events_by_date) do
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

-- One-party changes of a claim, each checked false against the data. Returns a ranked list of
-- { claim =, party = } (nearest in time first).
local function party_changes(e, c)
  local out, ok = {}, outside(e)
  local function try(p, changed)
    if ok(p) and not possibly_true(changed) then out[#out + 1] = { claim = changed, party = p } end
  end
  for _, p in ipairs(party_ids) do
    if c.form == "merger" then
      if not_merged_in(p, e, c.formed) then
        for i = 1, #c.from do
          local from = copy(c.from)
          from[i] = p
          try(p, { form = c.form, from = from, formed = c.formed, date = c.date })
        end
      end
      if not_merger_result(p, e, c.from, c.formed) then
        try(p, { form = c.form, from = copy(c.from), formed = p, date = c.date })
      end
    elseif c.form == "split" then
      if table_of[c.formed] == "parties" and not has(parties[c.formed].split_from, p) then
        try(p, { form = c.form, from = { p }, formed = c.formed, date = c.date, verb = c.verb })
      end
      if origin_elsewhere(p, c.from[1], c.date) then
        try(p, { form = c.form, from = copy(c.from), formed = p, date = c.date,
                 verb = existed_before(p, c.date) and "re-formed" or "formed" })
      end
    elseif c.form == "join" then
      if not_joined(p, e, c.from[1]) then
        try(p, { form = c.form, from = copy(c.from), formed = p, date = c.date })
      end
    elseif c.form == "founding" and table_of[c.formed] == "parties" then
      -- Only a party whose own founding date is known and is not this one.
      local f = parties[p].founded
      if F.askable(f) and not F.overlaps(f, c.date) then
        try(p, { form = c.form, formed = p, date = c.date })
      end
    end
  end
  table.sort(out, function(x, y)
    local gx, gy = era_gap(x.party, c.date), era_gap(y.party, c.date)
    if gx ~= gy then return gx < gy end
    local rx, ry = render(x.claim), render(y.claim)
    return rx < ry
  end)
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
  local changes = party_changes(e, c)
  if #changes > 0 then
    local top = {}
    for i = 1, math.min(#changes, 5) do top[i] = changes[i] end
    local s = render(ctx.rng:pick(top).claim)
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
