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

local index = halqa.index
local table_of = index.table_of

---------------------------------------------------------------------------------------------------
-- Small helpers

local function copy(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = v end
  return out
end

local function has(list, value)
  for _, v in ipairs(list or {}) do
    if v == value then return true end
  end
  return false
end

local function join_and(items)
  if #items == 0 then return "" end
  if #items == 1 then return items[1] end
  return table.concat(items, ", ", 1, #items - 1) .. " and " .. items[#items]
end

local function capitalize(s)
  return (s:gsub("^%l", string.upper))
end

local function dedupe(list)
  local out, seen = {}, {}
  for _, v in ipairs(list or {}) do
    if not seen[v] then
      seen[v] = true
      out[#out + 1] = v
    end
  end
  return out
end

-- Every name a record goes by: name (or title), abbreviation, aliases.
local function names_of(id)
  local r = F.record(id)
  local out, seen = {}, {}
  local function add(s)
    if type(s) == "string" and s ~= "" and not seen[s] then
      seen[s] = true
      out[#out + 1] = s
    end
  end
  if not r then return out end
  add(r.name or r.title)
  add(r.abbr)
  for _, a in ipairs(r.aliases or {}) do add(a) end
  return out
end

-- Which records answer to a name (normalized), so an abbreviation shared by several parties
-- ("MKP") is never used alone to name one of them.
local owners = {}
for _, tname in ipairs({ "parties", "people", "organizations" }) do
  for _, id in ipairs(F.ids(tname)) do
    for _, n in ipairs(names_of(id)) do
      local k = halqa.normalize(n)
      owners[k] = owners[k] or {}
      owners[k][id] = true
    end
  end
end

local function owner_count(name)
  local n = 0
  for _ in pairs(owners[halqa.normalize(name)] or {}) do n = n + 1 end
  return n
end

-- How a record is named in running text: its abbreviation when only it has that one.
local function short(id)
  local r = F.record(id)
  if r.abbr and owner_count(r.abbr) == 1 then return r.abbr end
  return r.name
end

local function the(id)
  if table_of[id] == "people" then return F.name(id) end
  return "the " .. short(id)
end

local function the_list(ids)
  local out = {}
  for i, id in ipairs(ids) do out[i] = the(id) end
  return join_and(out)
end

-- Finds `word` in `text` as a whole word (case-insensitive). Returns the span or nil.
local function find_word(text, word, from)
  local t, w = text:lower(), word:lower()
  local pos = from or 1
  while true do
    local a, b = t:find(w, pos, true)
    if not a then return nil end
    local before, after = a > 1 and t:sub(a - 1, a - 1) or "", t:sub(b + 1, b + 1)
    if not before:match("%w") and not after:match("%w") then return a, b end
    pos = a + 1
  end
end

-- The longest name of a record found in text: start, end, the name.
local function find_record(text, id)
  local best
  for _, n in ipairs(names_of(id)) do
    local a, b = find_word(text, n)
    if a and (not best or b - a > best[2] - best[1]) then best = { a, b, n } end
  end
  if best then return best[1], best[2], best[3] end
end

local function mentioned(text, id)
  return find_record(text, id) ~= nil
end

-- Everything the record of an event says in words: what a distractor must not appear in.
local function event_text(e)
  local parts = { e.title, e.summary or "", e.note or "" }
  for _, c in ipairs(e.claims or {}) do parts[#parts + 1] = c.text end
  return table.concat(parts, " | ")
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
  for _, x in ipairs(names_of(a)) do
    for _, y in ipairs(names_of(b)) do
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

-- The span of years a date may stand for. An inferred date could be anywhere.
local function interval(d)
  if not d or d.inferred then return -math.huge, math.huge end
  if d.decade then
    if d.part == "early" then return d.decade, d.decade + 3 end
    if d.part == "mid" then return d.decade + 3, d.decade + 6 end
    if d.part == "late" then return d.decade + 6, d.decade + 9 end
    return d.decade, d.decade + 9
  end
  return d.year, d.year
end

-- The same, but an inferred date counts as its placeholder year give or take ten years: used
-- only to keep distractors away from an event's time, never shown.
local function loose(d)
  if d and d.inferred then return d.year - 10, d.year + 10 end
  return interval(d)
end

local function overlaps(a, b)
  local a1, a2 = interval(a)
  local b1, b2 = interval(b)
  return a1 <= b2 and b1 <= a2
end

-- "in 1999", "on 6 March 1948", "in the 1950s", "in the mid-1960s", "in late 2009".
local function when(d)
  local s = F.date(d)
  if d.day then return "on " .. s end
  if d.decade then return "in the " .. s end
  return "in " .. s
end

-- " (1954)" after an event's title, unless the date is inferred or the title holds the year.
local function paren_date(e)
  if not F.askable(e.date) then return "" end
  if e.title:find(tostring(e.date.year), 1, true) then return "" end
  return " (" .. F.date(e.date) .. ")"
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
    local _, hi = interval(d)
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
-- Who and what an event involves, and when a record was around

local function event_parties(e)
  local out = {}
  for _, p in ipairs(e.parties or {}) do out[#out + 1] = p end
  for _, p in ipairs(e.from or {}) do
    if table_of[p] == "parties" then out[#out + 1] = p end
  end
  if e.formed and table_of[e.formed] == "parties" then out[#out + 1] = e.formed end
  return dedupe(out)
end

local function involved_ids(e)
  local out = {}
  for _, field in ipairs({ "parties", "people", "organizations", "from" }) do
    for _, id in ipairs(e[field] or {}) do out[#out + 1] = id end
  end
  if e.formed then out[#out + 1] = e.formed end
  return dedupe(out)
end

-- The years a record is known to have been around: its events, founding and end, and the posts
-- of a person. A party with no founding date may be older than anything we know of it, and one
-- with no end may still exist.
local span_cache = {}
local function span_of(id)
  if span_cache[id] then return span_cache[id][1], span_cache[id][2] end
  local lo, hi = math.huge, -math.huge
  local function add(d)
    if d then
      local a, b = loose(d)
      if a < lo then lo = a end
      if b > hi then hi = b end
    end
  end
  for _, eid in ipairs(index.events_of[id] or {}) do add(events[eid].date) end
  local r = F.record(id)
  local t = table_of[id]
  if t == "people" then
    for _, role in ipairs(r.roles or {}) do
      add(role.from)
      add(role.to)
    end
  elseif t == "parties" or t == "organizations" then
    add(r.founded)
    add(r.dissolved)
    if not F.askable(r.founded) then lo = -math.huge end
    if t == "organizations" or not F.askable(r.dissolved) then hi = math.huge end
  end
  span_cache[id] = { lo, hi }
  return lo, hi
end

-- Years between a record's known span and an event: 0 when they meet.
local function gap(id, d)
  local lo, hi = span_of(id)
  local a, b = loose(d)
  if lo == math.huge then return math.huge end
  if lo > b then return lo - b end
  if hi < a then return a - hi end
  return 0
end

-- Years between what is actually known of a record (events, founding, end, posts) and a date;
-- unlike gap() it does not stretch an unknown start or end. Ranks candidates by closeness in time,
-- so a wrong answer comes from around the same years when one can.
local era_cache = {}
local function era_gap(id, d)
  if not era_cache[id] then
    local lo, hi = math.huge, -math.huge
    local function add(x)
      if F.askable(x) then
        local a, b = interval(x)
        if a < lo then lo = a end
        if b > hi then hi = b end
      end
    end
    for _, eid in ipairs(index.events_of[id] or {}) do add(events[eid].date) end
    local r = F.record(id)
    add(r.founded)
    add(r.dissolved)
    for _, role in ipairs(r.roles or {}) do
      add(role.from)
      add(role.to)
    end
    era_cache[id] = { lo, hi }
  end
  local lo, hi = era_cache[id][1], era_cache[id][2]
  if lo == math.huge then return math.huge end
  local a, b = loose(d)
  if lo > b then return lo - b end
  if hi < a then return a - hi end
  return 0
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

local KIND_TAGS = {
  founding = { "founding" }, merger = { "mergers" }, split = { "splits" }, ban = { "bans", "repression" },
  election = { "elections" }, arrest = { "repression" }, release = { "repression" },
  killing = { "repression" }, repression = { "repression" }, leadership = { "leadership" },
  congress = { "congresses" }, estimate = { "figures" }, publication = { "publications" },
  alliance = { "alliances" }, other = {},
}

local function tags(e, ...)
  local out = copy(KIND_TAGS[e.kind])
  for _, t in ipairs({ ... }) do
    if not has(out, t) then out[#out + 1] = t end
  end
  return out
end

-- Sorts candidates by a key list (smaller first), then by id, so pools are fixed by the data.
local function ranked(candidates, key)
  local keyed = {}
  for i, c in ipairs(candidates) do keyed[i] = { c = c, k = key(c) } end
  table.sort(keyed, function(x, y)
    for i = 1, #x.k do
      if x.k[i] ~= y.k[i] then return x.k[i] < y.k[i] end
    end
    return x.c < y.c
  end)
  local out = {}
  for i, v in ipairs(keyed) do out[i] = v.c end
  return out
end

-- Draws k from the best few of a ranked pool (nil when the pool is too small: skip the question).
local function draw(ctx, pool, k, width)
  if #pool < k then return nil end
  local top = {}
  for i = 1, math.min(#pool, width or (k + 2)) do top[i] = pool[i] end
  return ctx.rng:sample(top, k)
end

local function names(ids)
  local out = {}
  for i, id in ipairs(ids) do out[i] = F.name(id) end
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

local ORG_KIND = {
  student = "a student body", youth = "a youth body", women = "a women's body", union = "a trade union",
  peasant = "a peasant body", writers = "a writers' body", front = "a front", alliance = "an alliance",
  international = "an international body", publication = "a publication", state = "a state body",
  party_body = "a party body", other = "an organization",
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
  local inv = F.set(involved_ids(e))
  for _, id in ipairs(desc.ids) do
    if not inv[id] then return false end
  end
  local pl = F.set(e.places)
  for _, p in ipairs(desc.places or {}) do
    if not pl[p] then return false end
  end
  if desc.date and not overlaps(desc.date, e.date) then return false end
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
    kind = e.kind, formed = e.kind ~= "other" and formed_type(e) or nil, ids = event_parties(e),
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
      kind = kind .. " (it created " .. (desc.formed == "party" and "a party" or ORG_KIND[desc.formed]) .. ")"
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
      s = s .. " that created " .. (desc.formed == "party" and "a party" or ORG_KIND[desc.formed])
    end
    if #ps > 0 then s = s .. " involving " .. the_list(ps) end
  elseif #ps > 0 then
    s = s .. " involved " .. the_list(ps)
  else
    s = s .. " happened"
  end
  if #os > 0 then s = s .. ", concerning " .. the_list(os) end
  if desc.places and #desc.places > 0 then s = s .. ", in " .. join_and(desc.places) end
  if desc.date then s = s .. ", " .. when(desc.date) end
  return s .. "."
end

local function which_event(ctx, e)
  local desc = describe(e)
  if not desc then return end
  local mine = F.set(event_parties(e))
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
  local pool = ranked(candidates, function(id)
    local o = events[id]
    local shares = 0
    for _, p in ipairs(event_parties(o)) do
      if mine[p] then shares = 1 end
    end
    local a = loose(o.date)
    local b = loose(e.date)
    return { (o.kind == e.kind and 0 or 2) + (1 - shares), math.abs(a - b) }
  end)
  local picked = draw(ctx, pool, 3, 6)
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

---------------------------------------------------------------------------------------------------
-- 2. Who took part: the people an event names that its title does not

local function who(ctx, e)
  local people_list = e.people or {}
  local answers = {}
  for _, pid in ipairs(people_list) do
    if not mentioned(e.title, pid) then answers[#answers + 1] = pid end
  end
  if #answers == 0 or #answers > 4 then return end
  local text = event_text(e)
  local candidates = {}
  for _, other in ipairs(people_ids) do
    if not has(people_list, other) and absent(other, e, 5) and not mentioned(text, other)
      and not confusable_with_any(other, people_list) then
      candidates[#candidates + 1] = other
    end
  end
  local kinds = {}
  for _, pid in ipairs(answers) do kinds[person_type(pid)] = true end
  local pool = ranked(candidates, function(id)
    return { kinds[person_type(id)] and 0 or 1, era_gap(id, e.date) }
  end)
  local explanation = '"' .. e.title .. '"' .. paren_date(e) .. " involved " .. join_and(names(people_list)) .. "."
  local facts = { e.id }
  for _, pid in ipairs(answers) do facts[#facts + 1] = pid end
  if #answers == 1 then
    local picked = draw(ctx, pool, 3, 5)
    if not picked then return end
    ctx:choice{
      template = "who", facts = facts,
      prompt = "Which of these people is linked to this event: " .. e.title .. paren_date(e) .. "?",
      answer = F.name(answers[1]), distractors = names(picked),
      explanation = explanation, sources = e.sources, tags = tags(e, "people"),
    }
  else
    local k = math.min(3, 6 - #answers, #pool)
    if #answers + k < 4 then return end
    ctx:multi{
      template = "who_all", facts = facts,
      prompt = "Which of these people are linked to this event: " .. e.title .. paren_date(e) ..
               "? Choose all that apply.",
      answers = names(answers), distractors = names(draw(ctx, pool, k, k + 2)),
      explanation = explanation, sources = e.sources, tags = tags(e, "people"),
    }
  end
end

---------------------------------------------------------------------------------------------------
-- 3. Which parties took part: the parties an event names that its title does not. A party that
-- takes part in most events (the CPP here) is no test to pick, so it is asked only when nothing
-- else covers the event. Mergers and splits have their own questions below.

local dominant = {}
do
  local count, total = {}, #index.events_by_date
  for _, id in ipairs(index.events_by_date) do
    for _, p in ipairs(event_parties(events[id])) do count[p] = (count[p] or 0) + 1 end
  end
  for p, n in pairs(count) do
    if n * 3 > total then dominant[p] = true end
  end
end

local function parties_in(ctx, e, fallback)
  if e.kind == "merger" or e.kind == "split" then return end
  local all = event_parties(e)
  if #all == 0 then return end
  local answers = {}
  for _, p in ipairs(all) do
    if not mentioned(e.title, p) then answers[#answers + 1] = p end
  end
  if #answers == 0 or #answers > 4 then return end
  if #answers == 1 and dominant[answers[1]] and not fallback then return end
  local text = event_text(e)
  local candidates = {}
  for _, p in ipairs(party_ids) do
    if not has(all, p) and not mentioned(text, p) and absent(p, e, 3) and not confusable_with_any(p, all) then
      candidates[#candidates + 1] = p
    end
  end
  local pool = ranked(candidates, function(p) return { era_gap(p, e.date) } end)
  local explanation = '"' .. e.title .. '"' .. paren_date(e) .. " involved " .. the_list(all) .. "."
  if #answers == 1 then
    local picked = draw(ctx, pool, 3, 5)
    if not picked then return end
    ctx:choice{
      template = "party", facts = { e.id },
      prompt = "Which party is linked to this event: " .. e.title .. paren_date(e) .. "?",
      answer = F.name(answers[1]), distractors = names(picked),
      explanation = explanation, sources = e.sources, tags = tags(e, "parties"),
    }
  else
    local k = math.min(3, 6 - #answers, #pool)
    if #answers + k < 4 then return end
    ctx:multi{
      template = "parties", facts = { e.id },
      prompt = "Which of these parties are linked to this event: " .. e.title .. paren_date(e) ..
               "? Choose all that apply.",
      answers = names(answers), distractors = names(draw(ctx, pool, k, k + 2)),
      explanation = explanation, sources = e.sources, tags = tags(e, "parties"),
    }
  end
end

---------------------------------------------------------------------------------------------------
-- 4. Mergers and splits: who merged, into what; who left, and what they formed

local function all_parties(ids)
  for _, id in ipairs(ids) do
    if table_of[id] ~= "parties" then return false end
  end
  return true
end

-- Parties that could stand in a merger or split question as wrong answers: not in the event,
-- not named in its record, not confusable with any party in it, passing `extra`.
local function other_parties(e, extra)
  local inv = involved_ids(e)
  local text = event_text(e)
  local out = {}
  for _, p in ipairs(party_ids) do
    if not has(inv, p) and not mentioned(text, p) and not confusable_with_any(p, event_parties(e))
      and (not extra or extra(p)) then
      out[#out + 1] = p
    end
  end
  return ranked(out, function(p) return { era_gap(p, e.date) } end)
end

local function date_phrase(e)
  return F.askable(e.date) and (" " .. when(e.date)) or ""
end

local function mergers(ctx, e)
  if e.kind ~= "merger" or not e.formed or table_of[e.formed] ~= "parties" then return end
  local from = e.from or {}
  if #from == 0 or not all_parties(from) then return end
  local formed = parties[e.formed]
  local fact = capitalize((F.askable(e.date) and (when(e.date) .. ", ") or "") ..
    (#from > 1 and (the_list(from) .. " merged to form " .. the(e.formed))
                or (the(from[1]) .. " merged into " .. the(e.formed)))) .. "."

  -- Which took part (multiple answers) or, with one, which merged in.
  -- The party formed lists all that merged into it only when it has merged_from; otherwise a
  -- wrong answer must be a party that was not around at the time.
  local complete = formed.merged_from and #formed.merged_from > 0
  local members = other_parties(e, function(p)
    return not has(formed.merged_from, p) and parties[p].merged_into ~= e.formed
      and (complete or absent(p, e, 3))
  end)
  if #from >= 2 then
    local k = math.min(3, 6 - #from, #members)
    if #from + k >= 4 then
      ctx:multi{
        template = "merged_members", facts = { e.id },
        prompt = "Which of these merged" .. date_phrase(e) .. " to form the " .. F.name(e.formed) ..
                 "? Choose all that apply.",
        answers = names(from), distractors = names(draw(ctx, members, k, k + 2)),
        explanation = fact, sources = e.sources, tags = tags(e, "parties"),
      }
    end
  else
    local picked = draw(ctx, members, 3, 5)
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
  -- Each party that merged names the one it merged into only when merged_into says so.
  local settled = true
  for _, f in ipairs(from) do
    if parties[f].merged_into ~= e.formed then settled = false end
  end
  local results = other_parties(e, function(p)
    for _, f in ipairs(from) do
      if has(parties[p].merged_from, f) or has(parties[p].split_from, f) or parties[f].merged_into == p then
        return false
      end
    end
    return settled or absent(p, e, 3)
  end)
  local picked = draw(ctx, results, 3, 5)
  if picked then
    local prompt = #from > 1
      and (capitalize(the_list(from)) .. " merged" .. date_phrase(e) .. ". What party did they form?")
      or (capitalize(the(from[1])) .. " merged into another party" .. date_phrase(e) .. ". Which party?")
    ctx:choice{
      template = "merger_result", facts = { e.id },
      prompt = prompt, answer = F.name(e.formed), distractors = names(picked),
      explanation = fact, sources = e.sources, tags = tags(e, "parties"),
    }
  end
end

-- Whether a party existed before a date (so a split "re-formed" it rather than formed it).
local function existed_before(pid, d)
  local lo = interval(d)
  local f = parties[pid].founded
  if F.askable(f) then
    local _, fhi = interval(f)
    if fhi < lo then return true end
  end
  for _, eid in ipairs(index.events_of[pid] or {}) do
    local ed = events[eid].date
    if F.askable(ed) then
      local _, ehi = interval(ed)
      if ehi < lo then return true end
    end
  end
  return false
end

-- Whether the data tells where party p came from, and it was not out of party `from` around
-- date d: a known founding at another time, or a recorded split or merger from other parties.
-- A party whose origin is unknown is never offered as "what the group set up".
local function origin_elsewhere(p, from, d)
  local r = parties[p]
  if has(r.split_from, from) or has(r.merged_from, from) then return false end
  if F.askable(r.founded) and not overlaps(r.founded, d) then return true end
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

local function split_fact(e, from, target, how, d)
  local lead = d and (capitalize(when(d)) .. ", ") or ""
  if how == "joined" then
    return lead .. (lead == "" and "Members" or "members") .. " who left " .. the(from) .. " joined " .. the(target) .. "."
  end
  local verb = existed_before(target, d or e.date) and "re-formed " or "formed "
  return lead .. (lead == "" and "A group" or "a group") .. " that left " .. the(from) .. " " .. verb .. the(target) .. "."
end

local function splits(ctx, e)
  local target, how = split_target(e)
  if not target then return end
  local from = e.from[1]
  local d = F.askable(e.date) and e.date or nil
  local fact = split_fact(e, from, target, how, d)
  -- Where the group went.
  local pool = other_parties(e, function(p)
    if how == "formed" and not origin_elsewhere(p, from, e.date) then return false end
    if how == "joined" and (not absent(p, e, 3) or has(parties[p].merged_from, from)
                            or has(parties[p].split_from, from)) then
      return false
    end
    for _, pid in ipairs(e.people or {}) do
      for _, role in ipairs(people[pid].roles or {}) do
        if role.party == p then return false end
      end
    end
    return true
  end)
  local picked = draw(ctx, pool, 3, 5)
  if picked then
    local prompt = how == "joined"
      and ("Which party did members who left the " .. F.name(from) .. date_phrase(e) .. " join?")
      or ("Which party did the group that left the " .. F.name(from) .. date_phrase(e) .. " set up or rebuild?")
    ctx:choice{
      template = "split_into", facts = { e.id },
      prompt = prompt, answer = F.name(target), distractors = names(picked),
      explanation = fact, sources = e.sources, tags = tags(e, "parties"),
    }
  end
  -- Which party they left.
  if how == "formed" then
    local sources_pool = other_parties(e, function(p)
      return not has(parties[target].split_from, p) and parties[target].merged_into ~= p
    end)
    local picked2 = draw(ctx, sources_pool, 3, 5)
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
    local gives_away = find_word(e.title, shown) or (word and find_word(e.title, word))
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

-- A place counts as a region (too broad to accept alone for a place inside it) when an event
-- gives it as a place of its own, or when it closes two or more place names.
local broad = {}
do
  local tails = {}
  for _, id in ipairs(index.events_by_date) do
    for _, p in ipairs(events[id].places or {}) do
      broad[p] = true
      local bare = p:gsub("%s*%b()", "")
      local tail = bare:match(",%s*([^,]+)$")
      if tail then
        tails[tail] = tails[tail] or {}
        tails[tail][p] = true
      end
    end
  end
  for tail, set in pairs(tails) do
    local n = 0
    for _ in pairs(set) do n = n + 1 end
    if n > 1 then broad[tail] = true end
  end
end

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

-- The ways to write a place: "Calcutta (Kolkata), India" gives Calcutta, Kolkata, Calcutta, India
-- and Kolkata, India; a city that closes a site ("Royal fort (Lahore Fort), Lahore") is accepted
-- alone unless it is a region.
local function place_forms(p)
  local inner = {}
  local bare = trim((p:gsub("%s*%((.-)%)", function(x)
    inner[#inner + 1] = trim(x)
    return ""
  end)))
  local parts = {}
  for part in bare:gmatch("[^,]+") do parts[#parts + 1] = trim(part) end
  local out = {}
  local function add(s)
    if s and s ~= "" and not has(out, s) and halqa.normalize(s) ~= halqa.normalize(p) then out[#out + 1] = s end
  end
  local head, rest = parts[1], table.concat(parts, ", ", 2)
  add(head)
  for _, x in ipairs(inner) do add(x) end
  add(bare)
  if rest ~= "" then
    for _, x in ipairs(inner) do add(x .. ", " .. rest) end
    if #parts == 2 and not broad[parts[2]] then add(parts[2]) end
  end
  return out
end

-- Whether span a..b of the title lies inside the name of a record the event involves.
local function inside_a_name(e, a, b)
  for _, id in ipairs(involved_ids(e)) do
    for _, n in ipairs(names_of(id)) do
      local s, t = find_word(e.title, n)
      while s do
        if s <= a and t >= b and (t - s) > (b - a) then return true end
        s, t = find_word(e.title, n, s + 1)
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
    local date = F.askable(e.date) and (" (" .. F.date(e.date) .. ")") or ""
    ctx:short{
      template = "where_founded", facts = { e.id },
      prompt = "Where was the " .. F.name(e.formed) .. " " .. what .. date .. "?",
      answer = p, accepted = place_forms(p),
      explanation = "The " .. F.name(e.formed) .. " was " .. what .. " in " .. p .. date_phrase(e) .. ".",
      sources = e.sources, tags = tags(e, "places"),
    }
    return
  end
  -- A place the title names: blank it (unless it is part of a name, as in "Communist Party of
  -- East Pakistan").
  for _, p in ipairs(list) do
    local best
    local forms = place_forms(p)
    table.insert(forms, 1, p)
    for _, form in ipairs(forms) do
      local a, b = find_word(e.title, form)
      if a and (not best or b - a > best[2] - best[1]) then best = { a, b } end
    end
    if best then
      if not inside_a_name(e, best[1], best[2]) then
        local blanked = e.title:sub(1, best[1] - 1) .. "____" .. e.title:sub(best[2] + 1)
        ctx:cloze{
          template = "place_cloze", facts = { e.id },
          prompt = 'Fill in the place: "' .. blanked .. '"' .. paren_date(e) .. ".",
          answer = p, accepted = place_forms(p),
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
    answer = p, accepted = place_forms(p),
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
  local mine = F.set(involved_ids(e))
  for _, other in ipairs(index.events_by_kind[e.kind] or {}) do
    local o = events[other]
    if other ~= e.id and overlaps(o.date, e.date) then
      for _, x in ipairs(involved_ids(o)) do
        if table_of[x] == tname and not mine[x] then return true end
      end
    end
  end
  return false
end

local function blank_once(e, id)
  local a, b, n = find_record(e.title, id)
  if not a or owner_count(n) ~= 1 or inside_a_name(e, a, b) then return nil end
  local blanked = e.title:sub(1, a - 1) .. "____" .. e.title:sub(b + 1)
  if mentioned(blanked, id) then return nil end
  return blanked, n
end

local function title_clozes(ctx, e, fallback)
  local context = {}
  for _, p in ipairs(event_parties(e)) do
    if not mentioned(e.title, p) then context[#context + 1] = short(p) end
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
      local accepted = dedupe(F.accepted(pid))
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
  for _, p in ipairs(event_parties(e)) do
    local blanked, n = blank_once(e, p)
    if blanked and not blank_ambiguous(e, p) and (fallback or not dominant[p]) then
      local accepted = dedupe(F.accepted(p))
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

-- The structured claim an event makes, if it makes one this section can state.
local function claim_of(e)
  if not F.askable(e.date) then return nil end
  local from = e.from or {}
  if e.kind == "merger" and e.formed and table_of[e.formed] == "parties" and #from > 0 and all_parties(from) then
    return { form = "merger", from = copy(from), formed = e.formed, date = e.date }
  end
  local target, how = split_target(e)
  if target then
    return { form = how == "joined" and "join" or "split", from = { from[1] }, formed = target, date = e.date,
             verb = existed_before(target, e.date) and "re-formed" or "formed" }
  end
  if e.kind == "founding" and e.formed then
    return { form = "founding", formed = e.formed, date = e.date }
  end
  if e.kind == "ban" then
    local subjects = (#(e.organizations or {}) > 0) and copy(e.organizations) or copy(e.parties)
    if #subjects > 0 then return { form = "ban", subjects = subjects, date = e.date } end
  end
end

local function render(c)
  local lead = capitalize(when(c.date))
  if c.form == "merger" then
    if #c.from > 1 then return lead .. ", " .. the_list(c.from) .. " merged to form " .. the(c.formed) .. "." end
    return lead .. ", " .. the(c.from[1]) .. " merged into " .. the(c.formed) .. "."
  elseif c.form == "split" then
    return lead .. ", a group that left " .. the(c.from[1]) .. " " .. c.verb .. " " .. the(c.formed) .. "."
  elseif c.form == "join" then
    return lead .. ", members who left " .. the(c.from[1]) .. " joined " .. the(c.formed) .. "."
  elseif c.form == "founding" then
    local verb = table_of[c.formed] == "parties" and " was founded " or " was set up "
    return capitalize(the(c.formed)) .. verb .. when(c.date) .. "."
  else
    local verb = #c.subjects > 1 and " were banned " or " was banned "
    return capitalize(the_list(c.subjects)) .. verb .. when(c.date) .. "."
  end
end

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
    if overlaps(o.date, c.date) then
      local around = {}
      for _, x in ipairs(involved_ids(o)) do around[#around + 1] = x end
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
    if r.founded and overlaps(r.founded, c.date) then
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
  local text = event_text(e)
  local inv = involved_ids(e)
  local mine = event_parties(e)
  local out = {}
  local function ok(p)
    return not has(inv, p) and not mentioned(text, p) and not confusable_with_any(p, mine)
  end
  local function try(p, changed)
    if ok(p) and not possibly_true(changed) then out[#out + 1] = { claim = changed, party = p } end
  end
  for _, p in ipairs(party_ids) do
    if c.form == "merger" then
      local formed = parties[c.formed]
      local complete = #(formed.merged_from or {}) > 0
      local settled = true
      for _, f in ipairs(c.from) do
        if parties[f].merged_into ~= c.formed then settled = false end
      end
      if not has(formed.merged_from, p) and parties[p].merged_into ~= c.formed
        and (complete or absent(p, e, 3)) then
        for i = 1, #c.from do
          local from = copy(c.from)
          from[i] = p
          try(p, { form = c.form, from = from, formed = c.formed, date = c.date })
        end
      end
      local clash = false
      for _, f in ipairs(c.from) do
        if has(parties[p].merged_from, f) or has(parties[p].split_from, f) or parties[f].merged_into == p then
          clash = true
        end
      end
      if not clash and (settled or absent(p, e, 3)) then
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
      local member = false
      for _, pid in ipairs(e.people or {}) do
        for _, role in ipairs(people[pid].roles or {}) do
          if role.party == p then member = true end
        end
      end
      -- nor a party that itself came out of the one left (a later successor)
      if has(parties[p].merged_from, c.from[1]) or has(parties[p].split_from, c.from[1]) then member = true end
      if not member and absent(p, e, 3) then
        try(p, { form = c.form, from = copy(c.from), formed = p, date = c.date })
      end
    elseif c.form == "founding" and table_of[c.formed] == "parties" then
      -- Only a party whose own founding date is known and is not this one.
      local f = parties[p].founded
      if F.askable(f) and not overlaps(f, c.date) then
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
  if not c then return end
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
