-- tests/scripts/gen_events.lua: the events, chronology and matching generators. Run as
-- `halqa tests/scripts/gen_events.lua`; prints "N passed, N failed" and fails if any check failed.
--
-- Checks: every event is in some question of the whole bank (and of these three generators
-- alone); each question grades its own answer right and a wrong one wrong; no distractor is the
-- answer in other words; ordering items are strictly in date order; false true/false statements
-- are false in the data; no inferred date is shown; a seed reproduces the questions and another
-- seed keeps their ids.

local t = require("lib.testing").new()
local F = require("lib.quiz.facts")

local MINE = { "events", "chronology", "matching" }

-- `halqa tests/scripts/gen_events.lua [SEED]`: the seed to check (default 1).
local args = rawget(_ENV, "arg") or {}
local SEED = tonumber(args[1]) or 1

-- Questions of these generators only, built exactly as lib/quiz/bank.lua builds them (same seeding),
-- so another engineer's generator in trouble does not hide these checks.
local function build_mine(seed)
  local out = {}
  require("lib.quiz.bank").each(seed, function(q) out[#out + 1] = q end, MINE)
  return out
end

local letter = function(i) return string.char(96 + i) end

local function template_of(q)
  return q.id:match("^[^.]+%.([^.]+)")
end

local has, involved, interval = F.has, F.involved, F.interval

---------------------------------------------------------------------------------------------------
-- The whole bank, and these generators alone

local ok, whole = pcall(function() return require("lib.quiz.bank").build(SEED) end)
t:check(ok, "the whole bank builds (" .. tostring(not ok and whole or "") .. ")")
if not ok then whole = nil end

local mine = build_mine(SEED)
t:check(#mine > 0, "the generators make questions")

local function coverage(list, what)
  local covered = {}
  for _, q in ipairs(list) do
    for _, id in ipairs(q.facts) do covered[id] = true end
  end
  local missing = {}
  for _, id in ipairs(halqa.index.events_by_date) do
    if not covered[id] then missing[#missing + 1] = id end
  end
  t:check(#missing == 0, what .. " covers every event; missing: " .. table.concat(missing, ", "))
end
if whole then coverage(whole, "the whole bank") end
coverage(mine, "events + chronology + matching")

-- The bank holds the same questions as the direct build.
if whole then
  local in_bank = {}
  for _, q in ipairs(whole) do in_bank[q.id] = halqa.json(q) end
  local same = true
  for _, q in ipairs(mine) do
    if in_bank[q.id] ~= halqa.json(q) then same = false end
  end
  t:check(same, "the bank holds these generators' questions as built here")
end

---------------------------------------------------------------------------------------------------
-- Shape and grading

local seen_ids = {}
for _, q in ipairs(mine) do
  t:check(not seen_ids[q.id], q.id .. " is unique")
  seen_ids[q.id] = true
  t:check(type(q.explanation) == "string" and q.explanation ~= "", q.id .. " has an explanation")
  t:check(#q.sources > 0, q.id .. " has sources")
  t:check(#q.tags >= 2, q.id .. " has a topic tag besides its generator (" .. table.concat(q.tags, ",") .. ")")

  local right
  if q.kind == "choice" then
    right = halqa.grade(q, letter(q.correct[1]))
    for i, c in ipairs(q.choices) do
      if i ~= q.correct[1] then
        t:check(not halqa.grade(q, letter(i)).correct, q.id .. ": choice " .. letter(i) .. " grades wrong")
        t:check(halqa.normalize(c) ~= halqa.normalize(q.answer), q.id .. ": distractor '" .. c .. "' is not the answer")
        t:check(not halqa.grade({ kind = "short", answer = q.answer }, c).correct,
              q.id .. ": distractor '" .. c .. "' would not pass for the answer")
      end
    end
  elseif q.kind == "multi" then
    local ls, rights = {}, {}
    for i, c in ipairs(q.correct) do
      ls[i] = letter(c)
      rights[c] = true
    end
    right = halqa.grade(q, table.concat(ls, " "))
    local wrong_letter
    for i, c in ipairs(q.choices) do
      if not rights[i] then
        wrong_letter = wrong_letter or letter(i)
        for r in pairs(rights) do
          t:check(halqa.normalize(c) ~= halqa.normalize(q.choices[r]),
                q.id .. ": distractor '" .. c .. "' is not a right answer")
        end
      end
    end
    t:check(wrong_letter and not halqa.grade(q, wrong_letter).correct, q.id .. ": a wrong choice grades wrong")
    t:check(not halqa.grade(q, ls[1]).correct, q.id .. ": one right choice of several is not the whole answer")
  elseif q.kind == "order" then
    right = halqa.grade(q, q.answer)
    local rev = {}
    for i = #q.correct, 1, -1 do rev[#rev + 1] = letter(q.correct[i]) end
    t:check(not halqa.grade(q, table.concat(rev, " ")).correct, q.id .. ": the reversed order grades wrong")
  elseif q.kind == "match" then
    right = halqa.grade(q, q.answer)
    local n = #q.correct
    local shifted = {}
    for i = 1, n do shifted[i] = i .. letter(q.correct[i % n + 1]) end
    t:check(not halqa.grade(q, table.concat(shifted, " ")).correct, q.id .. ": a shifted matching grades wrong")
    t:check(n >= 3 and n <= 6, q.id .. " has 3 to 6 pairs")
    local rights, lefts = {}, {}
    for i, c in ipairs(q.choices) do
      t:check(not rights[halqa.normalize(c)], q.id .. ": right-hand side '" .. c .. "' is unique")
      rights[halqa.normalize(c)] = true
    end
    for _, l in ipairs(q.left) do
      t:check(not lefts[halqa.normalize(l)], q.id .. ": left-hand side '" .. l .. "' is unique")
      lefts[halqa.normalize(l)] = true
    end
  elseif q.kind == "short" or q.kind == "cloze" then
    right = halqa.grade(q, q.answer)
    for _, a in ipairs(q.accepted or {}) do
      t:check(halqa.grade(q, a).correct, q.id .. ": accepted answer '" .. a .. "' grades right")
    end
    t:check(not halqa.grade(q, "Quetta Peshawar Gilgit").correct, q.id .. ": a wrong answer grades wrong")
    if q.kind == "cloze" then t:check(q.prompt:find("____", 1, true) ~= nil, q.id .. " has a blank") end
  elseif q.kind == "number" then
    right = halqa.grade(q, tostring(q.number))
    t:check(not halqa.grade(q, tostring(q.number * 3 + 7)).correct, q.id .. ": a wrong number grades wrong")
  elseif q.kind == "truefalse" then
    right = halqa.grade(q, q.answer)
    t:check(not halqa.grade(q, q.answer == "true" and "false" or "true").correct, q.id .. ": the opposite grades wrong")
  else
    t:check(false, q.id .. ": unexpected kind " .. tostring(q.kind))
  end
  if right then t:check(right.correct, q.id .. " grades its own answer right (" .. right.feedback .. ")") end
end

---------------------------------------------------------------------------------------------------
-- No inferred date is shown, and no date is asked

local function shows_year(text, year)
  local y = tostring(year)
  local pos = 1
  while true do
    local a, b = text:find(y, pos, true)
    if not a then return false end
    local before, after = text:sub(a - 1, a - 1), text:sub(b + 1, b + 1)
    if not before:match("%d") and not after:match("[%ds]") then return true end
    pos = b + 1
  end
end

for _, q in ipairs(mine) do
  t:check(q.kind ~= "date", q.id .. " is not a date question (dates.lua asks dates)")
  for _, id in ipairs(q.facts) do
    local e = events[id]
    if e and e.date.inferred then
      local text = table.concat({ q.prompt, q.answer or "", q.explanation, q.statement or "",
                                  table.concat(q.choices or {}, "|") }, "|")
      t:check(not shows_year(text, e.date.year), q.id .. " does not show the inferred year " .. e.date.year)
    end
  end
end

---------------------------------------------------------------------------------------------------
-- Per template: what each question claims, checked against the data

local by_template = {}
local counts = {}
for _, q in ipairs(mine) do
  local key = q.generator .. "." .. template_of(q)
  by_template[key] = by_template[key] or {}
  table.insert(by_template[key], q)
  counts[key] = (counts[key] or 0) + 1
end

local function right_choices(q)
  local out = {}
  for _, c in ipairs(q.correct) do out[#out + 1] = q.choices[c] end
  return out
end

local function wrong_choices(q)
  local rights, out = {}, {}
  for _, c in ipairs(q.correct) do rights[c] = true end
  for i, c in ipairs(q.choices) do
    if not rights[i] then out[#out + 1] = c end
  end
  return out
end

-- which record (of a table) goes by this exact name
local function record_named(tname, name)
  for _, id in ipairs(F.ids(tname)) do
    if F.name(id) == name then return id end
  end
end

-- Order: the items are the facts' titles, strictly in date order, in different years.
for _, q in ipairs(by_template["chronology.order"] or {}) do
  for i, id in ipairs(q.facts) do
    local e = events[id]
    t:check(e and F.askable(e.date), q.id .. ": " .. id .. " has a date a source gives")
    t:check(q.choices[q.correct[i]] == e.title, q.id .. ": item " .. i .. " is " .. id)
    if i > 1 then
      t:check(F.before(events[q.facts[i - 1]].date, e.date), q.id .. ": " .. q.facts[i - 1] .. " comes surely before " .. id)
    end
  end
end

-- which_event: the answer is the fact's title; the distractors are other events' titles.
for _, q in ipairs(by_template["events.which_event"] or {}) do
  t:check(q.answer == events[q.facts[1]].title, q.id .. ": the answer is the event's title")
  for _, w in ipairs(wrong_choices(q)) do
    local other = false
    for _, id in ipairs(halqa.index.events_by_date) do
      if events[id].title == w and id ~= q.facts[1] then other = true end
    end
    t:check(other, q.id .. ": distractor '" .. w .. "' is another event")
  end
end

-- who / who_all: the right people are in the event; the wrong ones are not.
for _, key in ipairs({ "events.who", "events.who_all" }) do
  for _, q in ipairs(by_template[key] or {}) do
    local e = events[q.facts[1]]
    for _, name in ipairs(right_choices(q)) do
      t:check(has(e.people, record_named("people", name)), q.id .. ": " .. name .. " is in the event")
    end
    for _, name in ipairs(wrong_choices(q)) do
      local pid = record_named("people", name)
      t:check(pid and not has(e.people, pid), q.id .. ": " .. name .. " is not in the event")
    end
  end
end

-- party / parties: right parties are in the event, wrong ones are not.
for _, key in ipairs({ "events.party", "events.parties" }) do
  for _, q in ipairs(by_template[key] or {}) do
    local e = events[q.facts[1]]
    local inv = involved(e)
    for _, name in ipairs(right_choices(q)) do
      t:check(has(inv, record_named("parties", name)), q.id .. ": " .. name .. " is in the event")
    end
    for _, name in ipairs(wrong_choices(q)) do
      local p = record_named("parties", name)
      t:check(p and not has(inv, p), q.id .. ": " .. name .. " is not in the event")
    end
  end
end

-- Mergers: the right answers are what merged / what was formed; the wrong ones did not take part.
for _, q in ipairs(by_template["events.merged_members"] or {}) do
  local e = events[q.facts[1]]
  local formed = parties[e.formed]
  for _, name in ipairs(right_choices(q)) do
    t:check(has(e.from, record_named("parties", name)), q.id .. ": " .. name .. " merged")
  end
  for _, name in ipairs(wrong_choices(q)) do
    local p = record_named("parties", name)
    t:check(p and not has(e.from, p) and not has(formed.merged_from, p) and parties[p].merged_into ~= e.formed,
          q.id .. ": " .. name .. " did not take part in the merger")
  end
end
for _, q in ipairs(by_template["events.merged_in"] or {}) do
  local e = events[q.facts[1]]
  t:check(has(e.from, record_named("parties", q.answer)), q.id .. ": " .. q.answer .. " merged in")
  for _, name in ipairs(wrong_choices(q)) do
    local p = record_named("parties", name)
    t:check(p and not has(involved(e), p) and parties[p].merged_into ~= e.formed, q.id .. ": " .. name .. " did not merge in")
  end
end
for _, q in ipairs(by_template["events.merger_result"] or {}) do
  local e = events[q.facts[1]]
  t:check(q.answer == F.name(e.formed), q.id .. ": the answer is what the merger formed")
  for _, name in ipairs(wrong_choices(q)) do
    local p = record_named("parties", name)
    local clash = not p or has(involved(e), p)
    for _, f in ipairs(e.from) do
      if p and (has(parties[p].merged_from, f) or parties[f].merged_into == p) then clash = true end
    end
    t:check(not clash, q.id .. ": " .. name .. " was not formed by the merger")
  end
end

-- Splits: where the group went, and what it left.
for _, q in ipairs(by_template["events.split_into"] or {}) do
  local e = events[q.facts[1]]
  local target = record_named("parties", q.answer)
  t:check(target == e.formed or (not e.formed and has(e.parties, target)), q.id .. ": the answer is where the split led")
  for _, name in ipairs(wrong_choices(q)) do
    local p = record_named("parties", name)
    t:check(p and not has(involved(e), p) and not has(parties[p].split_from, e.from[1]) and not has(parties[p].merged_from, e.from[1]),
          q.id .. ": " .. name .. " did not come out of the split")
  end
end
for _, q in ipairs(by_template["events.split_from"] or {}) do
  local e = events[q.facts[1]]
  t:check(record_named("parties", q.answer) == e.from[1], q.id .. ": the answer is the party left")
  for _, name in ipairs(wrong_choices(q)) do
    local p = record_named("parties", name)
    t:check(p and not has(parties[e.formed].split_from, p) and not has(involved(e), p), q.id .. ": " .. name .. " was not left")
  end
end

-- Figures: the number is one of the event's figures.
for _, q in ipairs(by_template["events.figure"] or {}) do
  local e = events[q.facts[1]]
  local fig = e.figures[tonumber(q.id:match("%.(%d+)$"))]
  t:check(fig and fig.value == q.number and (fig.approx or false) == q.approx, q.id .. ": the number is the event's figure")
end

-- Places: the answer is one of the event's places.
for _, key in ipairs({ "events.where", "events.where_founded", "events.place_cloze" }) do
  for _, q in ipairs(by_template[key] or {}) do
    t:check(has(events[q.facts[1]].places, q.answer), q.id .. ": " .. q.answer .. " is the event's place")
  end
end

-- True/false.
-- The parties a statement names (by name or abbreviation), a name inside a longer one not counted:
-- "Mazdoor Kissan Party" inside "Peoples Mazdoor Kissan Party" is the latter.
local function party_names_in(text)
  local hits = {}
  for _, p in ipairs(F.ids("parties")) do
    local r = parties[p]
    for _, n in ipairs({ r.name, r.abbr }) do
      local a, b = F.find_word(text, n)
      while a do
        hits[#hits + 1] = { p = p, a = a, b = b }
        a, b = F.find_word(text, n, b + 1)
      end
    end
  end
  local out = {}
  for _, h in ipairs(hits) do
    local inside = false
    for _, o in ipairs(hits) do
      if o ~= h and o.a <= h.a and o.b >= h.b and (o.b - o.a) > (h.b - h.a) then inside = true end
    end
    if not inside then out[h.p] = true end
  end
  return out
end

local function years_in(text)
  local out = {}
  for y, s in text:gmatch("(%d%d%d%d)(s?)") do
    local n = tonumber(y)
    if s == "s" then out[#out + 1] = { n, n + 9 } else out[#out + 1] = { n, n } end
  end
  return out
end

-- Events that state the same relation as e (the same party formed, or the same things banned).
local function same_relation(e)
  local out = {}
  for _, id in ipairs(halqa.index.events_by_date) do
    local o = events[id]
    if (e.formed and (o.formed == e.formed))
      or (e.kind == "ban" and o.kind == "ban")
      or (not e.formed and e.kind == "split" and o.kind == "split" and o.from and e.from and o.from[1] == e.from[1]) then
      out[#out + 1] = o
    end
  end
  return out
end

for _, q in ipairs(by_template["events.tf_true"] or {}) do
  local e = events[q.facts[1]]
  t:check(q.answer == "true", q.id .. " is true")
  t:check(q.statement:find(F.date(e.date), 1, true) ~= nil, q.id .. ": the statement gives the event's own date")
end
for _, q in ipairs(by_template["events.tf_year"] or {}) do
  local e = events[q.facts[1]]
  t:check(q.answer == "false", q.id .. " is false")
  t:check(not q.statement:find(F.date(e.date), 1, true), q.id .. ": the statement does not give the event's date")
  local shown = years_in(q.statement)
  t:check(#shown == 1, q.id .. ": the statement gives one date")
  for _, o in ipairs(same_relation(e)) do
    local lo, hi = interval(o.date)
    for _, y in ipairs(shown) do
      t:check(o.date.inferred or hi < y[1] or lo > y[2],
            q.id .. ": no event of the same relation (" .. o.id .. ") falls in the date shown")
    end
  end
end
-- Where a party stands in a statement: before the verb it is one that merged or was left
-- ("from"); after it, or as the subject of "was founded", it is the one formed or joined.
local VERBS = { " merged ", " formed ", " re-formed ", " joined " }
local function position(statement, p)
  if statement:find(" was founded ", 1, true) or statement:find(" was set up ", 1, true) then return "formed" end
  local cut = math.huge
  for _, v in ipairs(VERBS) do
    local a = statement:find(v, 1, true)
    if a and a < cut then cut = a end
  end
  local r = parties[p]
  for _, n in ipairs({ r.name, r.abbr }) do
    local a = statement:find(n, 1, true)
    if a then return a < cut and "from" or "formed" end
  end
end

for _, q in ipairs(by_template["events.tf_party"] or {}) do
  local e = events[q.facts[1]]
  t:check(q.answer == "false", q.id .. " is false")
  local named = party_names_in(q.statement)
  local inv = involved(e)
  local swapped = {}
  for p in pairs(named) do
    if not has(inv, p) then swapped[#swapped + 1] = p end
  end
  t:check(#swapped == 1, q.id .. ": the statement names one party the event does not")
  local target = e.formed or (function()
    for _, p in ipairs(e.parties or {}) do
      if not has(e.from, p) then return p end
    end
  end)()
  for _, p in ipairs(swapped) do
    local r = parties[p]
    local pos = position(q.statement, p)
    if pos == "from" then
      -- p did not merge into / split off to what the event formed, by the record or any event
      if parties[target] then
        t:check(not has(parties[target].merged_from, p) and not has(parties[target].split_from, p),
              q.id .. ": " .. target .. " did not come out of " .. p)
      end
      for _, o in ipairs(halqa.index.events_by_date) do
        local other = events[o]
        if o ~= e.id and F.overlaps(other.date, e.date) and (other.formed == target or has(other.parties, target)) then
          t:check(not has(involved(other), p), q.id .. ": " .. o .. " does not bear out " .. p .. " with " .. target)
        end
      end
    elseif pos == "formed" then
      for _, f in ipairs(e.from or {}) do
        t:check(not has(r.merged_from, f) and not has(r.split_from, f) and parties[f].merged_into ~= p,
              q.id .. ": " .. p .. " did not come out of " .. f)
      end
      if e.kind == "founding" then
        t:check(not (r.founded and F.overlaps(r.founded, e.date)), q.id .. ": " .. p .. " was not founded then")
      end
      for _, o in ipairs(halqa.index.events_by_date) do
        local other = events[o]
        if o ~= e.id and F.overlaps(other.date, e.date) and other.formed == p then
          local shares = e.kind == "founding"
          for _, f in ipairs(e.from or {}) do
            if has(involved(other), f) then shares = true end
          end
          t:check(not shares, q.id .. ": " .. o .. " does not bear out the statement")
        end
      end
    else
      t:check(false, q.id .. ": " .. p .. " has a place in the statement")
    end
  end
end

-- Matching: each pair is true in the data.
for _, q in ipairs(by_template["matching.people_parties"] or {}) do
  for i, pid in ipairs(q.facts) do
    local party = record_named("parties", q.choices[q.correct[i]])
    local holds = false
    for _, role in ipairs(people[pid].roles or {}) do
      if role.party == party or (role.organization and organizations[role.organization].party == party) then holds = true end
    end
    t:check(q.left[i] == F.name(pid) and holds, q.id .. ": " .. pid .. " held a post in " .. tostring(party))
  end
end
for _, q in ipairs(by_template["matching.events_years"] or {}) do
  for i, id in ipairs(q.facts) do
    local e = events[id]
    t:check(F.askable(e.date), q.id .. ": " .. id .. " has a date a source gives")
    local label = q.choices[q.correct[i]]
    local lo, hi = interval(e.date)
    local y = tonumber(label:match("%d%d%d%d"))
    t:check(q.left[i] == e.title and y and y >= (e.date.decade or lo) and y <= hi,
          q.id .. ": " .. id .. " is matched to its year (" .. label .. ")")
    for j = i + 1, #q.facts do
      t:check(not F.overlaps(e.date, events[q.facts[j]].date), q.id .. ": " .. id .. " and " .. q.facts[j] .. " cannot share a year")
    end
  end
end
for _, q in ipairs(by_template["matching.org_party"] or {}) do
  local parties_in_q = {}
  for i, oid in ipairs(q.facts) do
    local o = organizations[oid]
    local label = q.choices[q.correct[i]]
    local abbr = parties[o.party].abbr or parties[o.party].name
    t:check(q.left[i] == F.name(oid) and label:sub(1, #abbr + 1) == abbr .. " ", q.id .. ": " .. oid .. " belongs to " .. o.party)
    parties_in_q[o.party] = true
  end
  local n = 0
  for _ in pairs(parties_in_q) do n = n + 1 end
  t:check(n >= 2, q.id .. ": the organizations belong to more than one party")
end
for _, q in ipairs(by_template["matching.formed"] or {}) do
  for i, id in ipairs(q.facts) do
    t:check(q.choices[q.correct[i]] == F.name(events[id].formed), q.id .. ": " .. id .. " is matched to what it formed")
  end
end

---------------------------------------------------------------------------------------------------
-- A seed reproduces the questions; another seed keeps the ids

local again = build_mine(SEED)
local a, b = {}, {}
for i, q in ipairs(mine) do a[i] = halqa.json(q) end
for i, q in ipairs(again) do b[i] = halqa.json(q) end
t:check(table.concat(a, "\n") == table.concat(b, "\n"), "the same seed gives the same questions")

for _, seed in ipairs({ SEED + 1, 12345 }) do
  local other = build_mine(seed)
  local ia, ib = {}, {}
  for i, q in ipairs(mine) do ia[i] = q.id end
  for i, q in ipairs(other) do ib[i] = q.id end
  t:check(table.concat(ia, "\n") == table.concat(ib, "\n"), "seed " .. seed .. " gives the same question ids")
  -- and the same answers, only shuffled and with other distractors
  for i, q in ipairs(other) do
    local p = mine[i]
    if p and p.id == q.id and (q.kind == "short" or q.kind == "cloze" or q.kind == "number" or q.kind == "truefalse") then
      t:check(q.answer == p.answer, q.id .. " has the same answer under seed " .. seed)
    end
  end
end

---------------------------------------------------------------------------------------------------

local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
local parts = {}
for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. counts[k] end
print(#mine .. " questions: " .. table.concat(parts, " "))
t:done()
