-- tests/scripts/gen_leaders_orgs.lua: checks the questions of generators/leaders.lua and
-- generators/organizations.lua against the dataset, independently of how they were made: every
-- person and organization is asked about, choices grade as they should, no distractor is the
-- answer in other words, false statements are false in the data, no inferred date is shown, and
-- the bank is the same for one seed and has the same ids for another.
-- Run as `halqa tests/scripts/gen_leaders_orgs.lua`; prints "N passed, N failed".

local t = require("lib.testing").new()
local B = require("lib.quiz.bank")
local F = require("lib.quiz.facts")
local P = require("lib.quiz.pick")

local norm = halqa.normalize
local MINE = { leaders = true, organizations = true }

local function of_mine(bank)
  local out = {}
  for _, q in ipairs(bank) do
    if MINE[q.generator] then out[#out + 1] = q end
  end
  return out
end

local bank = B.build(1)
local mine = of_mine(bank)
local count = { leaders = 0, organizations = 0 }
for _, q in ipairs(mine) do count[q.generator] = count[q.generator] + 1 end
t:check(count.leaders > 0, "the leaders generator makes questions")
t:check(count.organizations > 0, "the organizations generator makes questions")

-------------------------------------------------------------------------------- coverage

local in_bank, in_mine = {}, {}
for _, q in ipairs(bank) do
  for _, id in ipairs(q.facts) do in_bank[id] = true end
end
for _, q in ipairs(mine) do
  for _, id in ipairs(q.facts) do in_mine[id] = true end
end
for _, tname in ipairs({ "people", "organizations" }) do
  for _, id in ipairs(F.ids(tname)) do
    t:check(in_bank[id], tname .. " '" .. id .. "' is in the facts of some question")
    t:check(in_mine[id], tname .. " '" .. id .. "' is in the facts of a leaders/organizations question")
  end
end

------------------------------------------------------------------------------ every question

-- The names a record answers to, normalized.
local function names_of(id)
  return F.set(F.name_keys(id))
end

-- Words of a normalized text as a set.
local function words(text)
  local s = {}
  for w in norm(text):gmatch("%S+") do s[w] = true end
  return s
end

local letters = "abcdefghijklmnopqrstuvwxyz"
local function letter(i) return letters:sub(i, i) end

for _, q in ipairs(mine) do
  local where = q.id
  t:check(q.id:sub(1, #q.generator + 1) == q.generator .. ".", where .. ": the id starts with its generator")
  t:check(q.explanation ~= "" and q.explanation:sub(-1) == ".", where .. ": has an explanation sentence")
  t:check(#q.sources > 0, where .. ": has sources")
  t:check(#q.tags > 1, where .. ": has topic tags")
  for _, c in ipairs(q.sources) do
    t:check(sources[c[1]] ~= nil, where .. ": cites a known source " .. tostring(c[1]))
  end

  -- no inferred date is shown: the year of an inferred event in the facts is not in the prompt
  for _, id in ipairs(q.facts) do
    local e = events[id]
    if e and e.date.inferred then
      t:check(not q.prompt:find(tostring(e.date.year), 1, true),
        where .. ": does not show the inferred year " .. e.date.year)
    end
  end

  if q.kind == "choice" then
    t:check(#q.choices == 4 and #q.correct == 1, where .. ": four choices, one right")
    for i, c in ipairs(q.choices) do
      local right = i == q.correct[1]
      local r = halqa.grade(q, letter(i))
      t:check(r.correct == right, where .. ": letter " .. letter(i) .. " grades " .. tostring(right))
      local typed = halqa.grade(q, c)
      t:check(typed.correct == right, where .. ": typing '" .. c .. "' grades " .. tostring(right))
    end
  elseif q.kind == "multi" then
    local all = {}
    local right = {}
    for _, i in ipairs(q.correct) do all[#all + 1] = letter(i); right[i] = true end
    t:check(#q.correct >= 2 and #q.choices >= 4 and #q.choices <= 6, where .. ": 2+ answers, 4 to 6 choices")
    t:check(halqa.grade(q, table.concat(all, " ")).correct, where .. ": all right letters grade correct")
    for i = 1, #q.choices do
      if not right[i] then
        t:check(not halqa.grade(q, letter(i)).correct, where .. ": wrong letter " .. letter(i) .. " alone is not correct")
        t:check(not halqa.grade(q, table.concat(all, " ") .. " " .. letter(i)).correct,
          where .. ": right letters plus " .. letter(i) .. " is not correct")
      else
        t:check(not halqa.grade(q, letter(i)).correct, where .. ": one right letter alone is not fully correct")
      end
    end
  elseif q.kind == "short" or q.kind == "cloze" then
    t:check(halqa.grade(q, q.answer).correct, where .. ": the answer grades correct")
    for _, a in ipairs(q.accepted or {}) do
      t:check(halqa.grade(q, a).correct, where .. ": accepted '" .. a .. "' grades correct")
    end
    -- the answer is not given away by the prompt
    t:check(not F.has_words(norm(q.prompt), norm(q.answer)), where .. ": the prompt does not contain the answer")
  elseif q.kind == "truefalse" then
    t:check(q.answer == "true" or q.answer == "false", where .. ": true or false")
    t:check(halqa.grade(q, q.answer).correct, where .. ": its own answer grades correct")
  end

  -- distractors never name the answer: for each fact record the answer names, none of the wrong
  -- choices is one of that record's names
  if q.kind == "choice" or q.kind == "multi" then
    local right = {}
    for _, i in ipairs(q.correct) do right[norm(q.choices[i])] = true end
    local alternatives = {}
    for _, id in ipairs(q.facts) do
      local n = names_of(id)
      local is_answer = false
      for r in pairs(right) do
        if n[r] then is_answer = true end
      end
      if is_answer then
        for a in pairs(n) do alternatives[a] = true end
      end
    end
    for i, c in ipairs(q.choices) do
      local is_right = false
      for _, k in ipairs(q.correct) do if k == i then is_right = true end end
      if not is_right then
        t:check(not right[norm(c)], where .. ": distractor '" .. c .. "' is not the answer")
        t:check(not alternatives[norm(c)], where .. ": distractor '" .. c .. "' is not another name of the answer")
      end
    end
  end
end

----------------------------------------------------------------- false statements, re-checked

-- Role titles of a person in a place (a party counts the posts in its bodies too).
local function titles_in(person, target)
  local out = {}
  for _, role in ipairs(people[person].roles or {}) do
    local place = role.party or role.organization
    local o = role.organization and organizations[role.organization]
    if place == target or (o and o.party == target) then out[#out + 1] = role.title end
  end
  return out
end

-- Words of a leading post: a leader or head may be any of them; the specific ones
-- (president, secretary, founder) are distinct from each other.
local GENERIC = { leader = true, head = true, chairman = true }
local LEADING = { leader = true, head = true, chairman = true, president = true, secretary = true, founder = true }
local STOP = { of = true, the = true, ["and"] = true, party = true }

-- Whether the data holds, or could be read as holding, that person held `title` in target:
-- a title sharing a word, or a generic leading title against any leading one.
local function could_hold(person, title, target)
  local claimed = words(title)
  local claimed_generic, claimed_leading = false, false
  for w in pairs(claimed) do
    if GENERIC[w] then claimed_generic = true end
    if LEADING[w] then claimed_leading = true end
  end
  for _, held in ipairs(titles_in(person, target)) do
    for w in pairs(words(held)) do
      if not STOP[w] and claimed[w] then return true end
      if claimed_generic and LEADING[w] then return true end
      if claimed_leading and GENERIC[w] then return true end
    end
  end
  return false
end

-- The party or organization a sentence ends on, and what comes before it.
local function ending_record(text, stop)
  stop = stop or "."
  local best, before
  for _, tname in ipairs({ "parties", "organizations" }) do
    for _, id in ipairs(F.ids(tname)) do
      for _, form in ipairs({ "the " .. F.long_name(id), F.long_name(id), F.name(id) }) do
        local tail = " " .. form .. stop
        if #text > #tail and text:sub(-#tail) == tail and (not best or #form > best.len) then
          best, before = { id = id, len = #form }, text:sub(1, #text - #tail)
        end
      end
    end
  end
  return best and best.id, before
end

local function starting_person(text)
  local best
  for _, id in ipairs(F.ids("people")) do
    local n = F.name(id) .. " "
    if text:sub(1, #n) == n and (not best or #n > #F.name(best)) then best = id end
  end
  return best
end

local n_false = 0
for _, q in ipairs(mine) do
  if q.kind == "truefalse" and q.answer == "false" then
    n_false = n_false + 1
    local text = q.statement
    local where = q.id .. " ('" .. text .. "')"
    if q.generator == "leaders" then
      local person = starting_person(text)
      local target, before = ending_record(text)
      t:check(person ~= nil, where .. ": names a person")
      if person and target then
        local rest = before:sub(#F.name(person) + 2)
        if rest == "founded" then
          t:check(not F.set(parties[target] and parties[target].founders)[person]
            and not could_hold(person, "Founder", target), where .. ": not a founder in the data")
          -- "not a founder" means something only where the founders are recorded
          local recorded = parties[target] and parties[target].founders ~= nil
          for _, pid in ipairs(F.ids("people")) do
            for _, held in ipairs(titles_in(pid, target)) do
              if words(held).founder then recorded = true end
            end
          end
          t:check(recorded, where .. ": the founders of the place are recorded")
        elseif rest == "was a member of" then
          t:check(#titles_in(person, target) == 0, where .. ": no post at all there in the data")
        else
          local title = rest:match("^served as (.+) of$")
          t:check(title ~= nil, where .. ": reads as a post")
          if title then
            t:check(not could_hold(person, title, target), where .. ": the person held no such post there")
            -- a post of a party body said "of" its party
            for _, o in ipairs(F.ids("organizations")) do
              if organizations[o].party == target then
                t:check(not could_hold(person, title, o), where .. ": nor in " .. o)
              end
            end
          end
        end
      elseif person then
        t:check(false, where .. ": ends on a party or organization")
      end
    else
      -- "<organization> was a ... of <party>."
      local party, before = ending_record(text)
      local org
      for _, id in ipairs(F.ids("organizations")) do
        for _, form in ipairs({ "The " .. F.long_name(id) .. " ", F.long_name(id) .. " ", F.name(id) .. " " }) do
          if before and before:sub(1, #form) == form then org = id end
        end
      end
      t:check(org ~= nil and party ~= nil and parties[party] ~= nil, where .. ": names an organization and a party")
      if org and party and parties[party] then
        local r, o = parties[party], organizations[org]
        local listed = r.student_wing == org or F.set(r.publications)[org] or F.set(r.national_affiliations)[org]
          or F.set(r.international_affiliations)[org]
        t:check(o.party ~= party and not listed, where .. ": the party does not own or list it")
        if o.party then
          t:check(not P.lineage(o.party)[party], where .. ": the party is not one its owner split from or merged with")
        end
      end
    end
  end
end
t:check(n_false > 0, "there are false statements to check")

----------------------------------------------------------- wrong choices, re-checked

-- The record each choice names (people, parties and organizations by name or long name).
local by_name = {}
for _, tname in ipairs({ "people", "parties", "organizations" }) do
  for _, id in ipairs(F.ids(tname)) do
    by_name[F.name(id)] = by_name[F.name(id)] or id
    by_name[F.long_name(id)] = by_name[F.long_name(id)] or id
  end
end

local function wrong_choices(q)
  local out, right = {}, F.set(q.correct)
  for i, c in ipairs(q.choices) do
    if not right[i] then out[#out + 1] = c end
  end
  return out
end

local n_rechecked = 0
for _, q in ipairs(mine) do
  if q.kind == "choice" or q.kind == "multi" then
    local where = q.id
    local wrong = wrong_choices(q)
    -- an event's people and organizations are never offered as wrong
    local e = events[q.facts[1]]
    if e then
      local named = F.set(e.people)
      for _, o in ipairs(e.organizations or {}) do named[o] = true end
      for _, c in ipairs(wrong) do
        t:check(not named[by_name[c] or ""], where .. ": '" .. c .. "' is not named in the event")
      end
      n_rechecked = n_rechecked + 1
    end
    -- who held a post: no wrong person held it (or a like post) there
    local title, target
    if q.prompt:match("^Who founded ") or q.prompt:match("^Which of these people founded ") then
      title, target = "Founder", ending_record(q.prompt, "?")
    elseif q.prompt:match("served as .+ of .+%?$") and q.generator == "leaders" then
      local before
      target, before = ending_record(q.prompt, "?")
      title = before and before:match("served as (.+) of$")
    end
    if title and target then
      for _, c in ipairs(wrong) do
        local d = by_name[c]
        t:check(d and people[d], where .. ": '" .. c .. "' is a person")
        if d and people[d] then
          t:check(not could_hold(d, title, target), where .. ": " .. c .. " held no " .. title .. " post in " .. target)
          t:check(not F.set(parties[target] and parties[target].founders)[d] or title ~= "Founder",
            where .. ": " .. c .. " is not a recorded founder of " .. target)
        end
      end
      n_rechecked = n_rechecked + 1
    end
    -- in which party a person held a post: the person held nothing like it in a wrong party
    local person, post = q.prompt:match("^In which party did (.+) serve as (.+)%?$")
    if not person then
      person = q.prompt:match("^Which party did (.+) found%?$")
      post = person and "Founder"
    end
    if not person then
      person = q.prompt:match("^(.+) was a member of which party%?$")
      post = person and "Member"
    end
    local pid = person and by_name[person]
    if pid and people[pid] then
      for _, c in ipairs(wrong) do
        local y = by_name[c]
        t:check(y and parties[y], where .. ": '" .. c .. "' is a party")
        if y and parties[y] then
          if post == "Member" then
            t:check(#titles_in(pid, y) == 0, where .. ": " .. person .. " held no post in " .. y)
          else
            t:check(not could_hold(pid, post, y), where .. ": " .. person .. " was no " .. post .. " of " .. y)
            t:check(not F.set(parties[y].founders)[pid], where .. ": " .. person .. " did not found " .. y)
          end
        end
      end
      n_rechecked = n_rechecked + 1
    end
    -- which party an organization belongs to, or which lists it: no wrong party owns or lists it
    local org_name = q.prompt:match("^Which party did (.+) belong to%?$")
      or q.prompt:match("^Which party put out (.+)%?$")
      or q.prompt:match("^Which party lists (.+) as its %a+ affiliation%?$")
    if org_name then
      org_name = org_name:gsub("^the ", "")
      local o = by_name[org_name]
      t:check(o and organizations[o], where .. ": names an organization")
      for _, c in ipairs(wrong) do
        local y = by_name[c]
        if o and y and parties[y] then
          local r = parties[y]
          t:check(organizations[o].party ~= y and r.student_wing ~= o and not F.set(r.publications)[o]
            and not F.set(r.national_affiliations)[o] and not F.set(r.international_affiliations)[o],
            where .. ": " .. c .. " neither owns nor lists " .. o)
        else
          t:check(false, where .. ": '" .. c .. "' is a party")
        end
      end
      n_rechecked = n_rechecked + 1
    end
    -- a party's wing, papers and affiliations: no wrong choice is one of them
    local what, party_text
    if q.generator == "organizations" then what, party_text = q.prompt:match("^Which of these (.-) of (.+)%?") end
    if not what then what, party_text = q.prompt:match("^What is (the student wing) of (.+)%?$") end
    local p = party_text and by_name[(party_text:gsub("^the ", ""))]
    if p and parties[p] then
      local r = parties[p]
      local field = what:find("student wing") and { r.student_wing } or what:find("publication") and r.publications
        or what:find("international") and r.international_affiliations
        or what:find("national") and r.national_affiliations
      t:check(field ~= nil, where .. ": reads as a party's wing, papers or affiliations")
      for _, c in ipairs(wrong) do
        t:check(not F.set(field or {})[by_name[c] or ""], where .. ": '" .. c .. "' is not one of them")
      end
      n_rechecked = n_rechecked + 1
    end
  end
end
t:check(n_rechecked > 50, "wrong choices were re-checked in many questions (" .. n_rechecked .. ")")

------------------------------------------------------------------------------ seeds

local function fingerprint(list)
  local ids, choices = {}, {}
  for i, q in ipairs(list) do
    ids[i] = q.id
    choices[i] = q.id .. "=" .. table.concat(q.choices or {}, "|") .. "#" .. table.concat(q.correct or {}, ",") ..
      "#" .. (q.statement or "")
  end
  return table.concat(ids, "\n"), table.concat(choices, "\n")
end

local ids1, choices1 = fingerprint(mine)
local ids1b, choices1b = fingerprint(of_mine(B.build(1)))
t:check(ids1 == ids1b, "seed 1 twice: the same question ids")
t:check(choices1 == choices1b, "seed 1 twice: the same choices and statements")
local ids7, choices7 = fingerprint(of_mine(B.build(7)))
t:check(ids1 == ids7, "seed 7: the same question ids as seed 1")
t:check(choices1 ~= choices7, "seed 7: other choices or orders than seed 1")

print(string.format("%d questions (leaders %d, organizations %d)", #mine, count.leaders, count.organizations))
t:done()
