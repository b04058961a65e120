-- generators/leaders.lua: who founded and led the parties, the posts people held and where, and
-- the people the events name. Everything is read from the people's roles, the parties' founders
-- and the events' people; nothing is written in by hand.
--
-- A post is one person's title (of one kind: founder, secretary, president, leader, member...)
-- in one party or organization, or a state office. Distractors and false statements are checked
-- against every post in the dataset: a wrong choice or a "false" statement is never one that the
-- data makes true, and, where posts overlap (a general secretary leads the party, a party's leader
-- may sit on its central committee), never one it could make true.

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals.
local ipairs, pairs, tostring = ipairs, pairs, tostring
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end
local table, halqa = plain(table), plain(halqa)
local parties, people, organizations, events, sources = parties, people, organizations, events, sources

local F = plain(require("lib.quiz.facts"))
local P = plain(require("lib.quiz.pick"))

local norm = halqa.normalize
local the, mentions, map, pick = F.the_long, F.mentions, F.map, P.pick

-- A date inside a sentence: "1948", "December 1990", "late 2009", "the early 2010s".
local function date_in_text(d)
  return (d.decade and "the " or "") .. F.date(d)
end

-- A post's title inside a sentence, lower case as running text writes it: "general secretary",
-- "ruler under martial law", "prime minister of Pakistan" (a name of a place keeps its capital).
local function post(title)
  return (title:gsub("(%a[%w'’]*)", function(w)
    if w:match("^Pakistan") or w:match("^%u%u") then return w end
    return w:lower()
  end))
end

-- A class as part of a question id: "representative_of_the_central_committee".
local function slug(s)
  return (s:gsub("%W+", "_"))
end

------------------------------------------------------------------------------------- posts

-- The kind of a title, so that two spellings of one post count as one ("General Secretary",
-- "Secretary General") and a claim can be checked against a post of the same kind.
local function class_of(title)
  local n = norm(title)
  if F.has_words(n, "founder") then return "founder" end
  if F.has_words(n, "secretary") then return "secretary" end
  if F.has_words(n, "president") then return "president" end
  if F.has_words(n, "member") then return "member" end
  if F.has_words(n, "leader") or n == "head" then return "leader" end
  return n
end

-- Posts that may be the same thing in other words: whoever founded a party, was its general
-- secretary or its president can be called one of its leaders.
local TOP = { founder = true, secretary = true, president = true, leader = true }
local function overlap(a, b)
  if a == b then return true end
  return (a == "leader" and TOP[b]) or (b == "leader" and TOP[a]) or false
end

-- Whether two titles share a word that means something ("Central Committee member" and
-- "Representative of the Central Committee" share "central" and "committee").
local LITTLE = { of = true, the = true, ["and"] = true, party = true }
local function similar(a, b)
  local wa = {}
  for w in norm(a):gmatch("%S+") do wa[w] = true end
  for w in norm(b):gmatch("%S+") do
    if wa[w] and not LITTLE[w] then return true end
  end
  return false
end

-- The party an id stands for: a party itself, or the party an organization belongs to.
local function party_of(id)
  if parties[id] then return id end
  local o = organizations[id]
  return o and o.party
end

-- Every post, grouped by person, place and kind of title, in a fixed order. Fields: person,
-- target (party or organization id, or false for a state office), class, title, from, to,
-- sources, n (its place in the list).
local function collect_posts()
  local posts, by_key = {}, {}
  local function add(person, target, title, role, sources)
    local class = class_of(title)
    local key = person .. "|" .. tostring(target) .. "|" .. class
    local p = by_key[key]
    if not p then
      p = { person = person, target = target, class = class, title = title, sources = sources }
      posts[#posts + 1], by_key[key] = p, p
      p.n = #posts
    end
    if role and F.askable(role.from) and not p.from then p.from, p.to = role.from, role.to end
    if role and F.askable(role.to) and not p.to then p.to = role.to end
  end
  for _, pid in ipairs(F.ids("people")) do
    local person = people[pid]
    for _, role in ipairs(person.roles or {}) do
      -- a role that is only the person's rank ("Major-General") is no post: details.lua asks it
      if not (role.title == person.title and not role.party and not role.organization) then
        add(pid, role.party or role.organization or false, role.title, role,
            (role.sources and #role.sources > 0) and role.sources or person.sources)
      end
    end
  end
  for _, party in ipairs(F.ids("parties")) do
    for _, pid in ipairs(parties[party].founders or {}) do
      add(pid, party, "Founder", nil, parties[party].sources)
    end
  end
  -- a founding date the role leaves out may be the party's own
  for _, p in ipairs(posts) do
    if p.class == "founder" and not p.from and parties[p.target] and F.askable(parties[p.target].founded) then
      p.from = parties[p.target].founded
    end
  end
  return posts
end

---------------------------------------------------------------------------------- the walk

-- Where a post is said to be held: a title that names its own body ("Representative of the
-- Central Committee") is held "of" the party that body belongs to.
local function where(title, target)
  local o = organizations[target]
  if o and o.kind == "party_body" and o.party and norm(title):find(" of ", 1, true) then return o.party end
  return target
end

local function generate(ctx)
  local rng = ctx.rng
  local posts = collect_posts()

  local posts_of, holders, founders_known = {}, {}, {}
  -- who held a post in a place, and in a party or any of its bodies (for the candidates a
  -- question must look at one by one)
  local posters_at, posters_in_party = {}, {}
  local add_to = F.add_to
  for _, p in ipairs(posts) do
    posts_of[p.person] = posts_of[p.person] or {}
    table.insert(posts_of[p.person], p)
    if p.target then
      local k = p.target .. "|" .. p.class
      holders[k] = holders[k] or {}
      table.insert(holders[k], p)
      if p.class == "founder" then founders_known[p.target] = true end
      add_to(posters_at, p.target, p.person)
      local pp = party_of(p.target)
      if pp then add_to(posters_in_party, pp, p.person) end
    end
  end

  -- Whether the data says, or could be read as saying, that q held a post of `class` (worded
  -- `title`, when given) in target: a post of that kind or an overlapping one, a membership
  -- implied by any post, or a post of like words in the same party ("Central Committee member"
  -- and "Representative of the Central Committee").
  local function may_hold(q, class, target, title)
    if class == "founder" and not founders_known[target] then return true end -- nobody recorded
    if title then
      for _, p in ipairs(posts_of[q] or {}) do
        if p.target and (p.target == target or (party_of(target) and party_of(p.target) == party_of(target)))
          and similar(p.title, title) then
          return true
        end
      end
    end
    local is_party = parties[target] ~= nil
    local o = organizations[target]
    for _, p in ipairs(posts_of[q] or {}) do
      if p.target == target then
        if class == "member" or overlap(p.class, class) then return true end
      elseif p.target and is_party and party_of(p.target) == target then
        if class == "member" then return true end -- a post in one of its bodies
      elseif p.target and o and o.kind == "party_body" and p.target == o.party then
        if p.class ~= "member" then return true end -- a party's leaders sit on its bodies
      end
    end
    return false
  end

  -- The parties tied to any party the person held a post in: a person's post is never moved
  -- onto one of these in a question (the CPP's people were in the CMKP).
  local function tied_to(person)
    local mine = {}
    for _, o in ipairs(posts_of[person]) do
      local pp = o.target and party_of(o.target)
      if pp then
        for y in pairs(P.related(pp)) do mine[y] = true end
      end
    end
    return mine
  end

  -- Candidate lists, the likelier first.
  local party_people, any_party_people = {}, {}
  for _, pid in ipairs(F.ids("people")) do
    for _, p in ipairs(posts_of[pid] or {}) do
      local pp = p.target and party_of(p.target)
      if pp then
        party_people[pp] = party_people[pp] or {}
        if party_people[pp][#party_people[pp]] ~= pid then table.insert(party_people[pp], pid) end
        if any_party_people[#any_party_people] ~= pid then any_party_people[#any_party_people + 1] = pid end
      end
    end
  end
  -- Whether q may stand in for someone else in a post of target: q held posts in that party (the
  -- post itself is checked with may_hold), or none of q's parties is tied to it.
  local function outsider(q, target)
    local tp = party_of(target)
    if not tp then return true end
    local rel = P.related(tp)
    local inside = false
    for _, o in ipairs(posts_of[q] or {}) do
      local pp = o.target and party_of(o.target)
      if pp == tp then inside = true end
    end
    if inside then return true end
    for _, o in ipairs(posts_of[q] or {}) do
      local pp = o.target and party_of(o.target)
      -- nor a party the target's name names ("Mazdoor Kisan Party (Major Ishaque group)" names
      -- the Mazdoor Kissan Party of 2015 too): a reader could take one for the other
      if pp and (rel[pp] or F.mentions(F.long_name(target), pp)) then return false end
    end
    return true
  end

  local function people_tiers(target)
    return { party_people[party_of(target)] or {}, any_party_people }
  end
  local parties_with_posts, other_parties = {}, {}
  for _, id in ipairs(F.ids("parties")) do
    if party_people[id] then parties_with_posts[#parties_with_posts + 1] = id
    else other_parties[#other_parties + 1] = id end
  end
  local party_tiers = { parties_with_posts, other_parties }
  local people_set, party_set = P.tierset({ any_party_people }), P.tierset(party_tiers)

  -- Up to n people for a post of `class` in X instead of `person` (P.pick over people_tiers(X)
  -- with `ok`), reading only those `ok` may turn down: whoever held a post in X or in a party
  -- tied to X's party (may_hold, outsider) and whoever `text` names.
  local function pick_people(n, person, class, X, text, ok)
    if class == "founder" and not founders_known[X] then -- nobody may be offered at all
      return pick(rng, n, { person }, people_tiers(X), ok)
    end
    local tp = party_of(X)
    local suspects = F.copy(posters_at[X])
    if tp then
      for y in pairs(P.related(tp)) do
        for _, q in ipairs(posters_in_party[y] or {}) do suspects[#suspects + 1] = q end
      end
    end
    for _, q in ipairs(F.mentioned(text)) do
      suspects[#suspects + 1] = q
      -- and those with a post in a party the text names (outsider() turns them down)
      for _, y in ipairs(parties[q] and posters_in_party[q] or {}) do suspects[#suspects + 1] = y end
    end
    return P.pick_indexed(rng, n, { person }, people_set,
                          { prefix = party_people[tp] or {}, suspects = suspects, ok = ok })
  end

  -- The parties a party's name names a person in ("... (Major Ishaque group)"), by person.
  local named_in_party = {}
  for _, y in ipairs(F.sorted_ids("parties")) do
    for _, x in ipairs(F.mentioned(F.long_name(y))) do add_to(named_in_party, x, y) end
  end

  -- Up to n parties for person's post of `class` instead of `answer` (P.pick over party_tiers
  -- with `ok`), reading only the parties `ok` may turn down: those tied to the person's parties
  -- or going by their names, those the person held posts in, and `extra`.
  local FOUNDERS_KNOWN = { key = "founders known", accept = function(y) return founders_known[y] end }
  local function pick_party(n, answer, person, class, mine, ok, extra)
    local suspects = {}
    for y in pairs(mine) do
      suspects[#suspects + 1] = y
      for _, x in ipairs(F.name_sharers(y)) do suspects[#suspects + 1] = x end
    end
    for _, o in ipairs(posts_of[person] or {}) do
      if o.target then
        suspects[#suspects + 1] = o.target
        suspects[#suspects + 1] = party_of(o.target)
      end
    end
    for _, y in ipairs(extra or {}) do suspects[#suspects + 1] = y end
    return P.pick_indexed(rng, n, { answer }, party_set, {
      static = class == "founder" and FOUNDERS_KNOWN or nil, suspects = suspects, ok = ok,
    })
  end

  -- Parties, and organizations by kind: posts are only swapped between places of one kind.
  local function kind_of(t)
    return parties[t] and "party" or organizations[t].kind
  end

  -- The first wording of each kind of post in each place and in each kind of place, and the kinds
  -- of post held in each kind of place (not memberships), in the order of the posts.
  local title_at, title_in_kind, classes_in_kind, class_seen = {}, {}, {}, {}
  for _, p in ipairs(posts) do
    if p.target then
      local at, kind = p.target .. "|" .. p.class, kind_of(p.target) .. "|" .. p.class
      if not title_at[at] then title_at[at] = p.title end
      if not title_in_kind[kind] then title_in_kind[kind] = p.title end
      if p.class ~= "member" and not class_seen[kind] then
        class_seen[kind] = true
        add_to(classes_in_kind, kind_of(p.target), p.class)
      end
    end
  end

  -- A title for each kind of post, preferring the wording used in `target`, then in places of
  -- its kind.
  local function title_for(class, target)
    return title_at[target .. "|" .. class] or title_in_kind[kind_of(target) .. "|" .. class]
  end

  -- The sentence stating that person holds a post of `class` (titled `title`) in target.
  local function claim(person, class, title, target)
    local who = F.name(person)
    if not target then return who .. " served as " .. post(title) .. "." end
    if class == "founder" then return who .. " founded " .. the(target) .. "." end
    if class == "member" then return who .. " was a member of " .. the(target) .. "." end
    return who .. " served as " .. post(title) .. " of " .. the(where(title, target)) .. "."
  end

  local function span(p)
    if p.class == "founder" then return p.from and (" " .. F.when(p.from)) or "" end
    if p.from and p.to then return " from " .. date_in_text(p.from) .. " to " .. date_in_text(p.to) end
    if p.from then return " from " .. date_in_text(p.from) end
    return ""
  end

  local function tags_for(p)
    local t = { "leaders", "roles" }
    if p.class == "founder" then t[#t + 1] = "founders" end
    if not p.target then t[#t + 1] = "state" end
    return t
  end

  local function explain(p)
    return claim(p.person, p.class, p.title, p.target):gsub("%.$", "") .. span(p) .. "."
  end

  -- Who held a post: short answer, choice, and a cloze from the date it began. ----------------
  local function holder_questions(p)
    local X = p.target
    local group = holders[X .. "|" .. p.class]
    local question
    if p.class == "founder" then
      question = "Who founded " .. the(X) .. "?"
    elseif p.class == "member" then
      return -- a member is one of many, not a post to ask after
    else
      question = "Who served as " .. post(p.title) .. " of " .. the(where(p.title, X)) .. "?"
    end
    if mentions(question, p.person) then return end -- the party is named after the person
    if #group == 1 then
      ctx:short{
        template = "holder", facts = { p.person, X }, variant = slug(p.class), person = true,
        prompt = question, answer = F.name(p.person), accepted = F.accepted(p.person),
        explanation = explain(p), sources = p.sources, tags = tags_for(p),
      }
    end
    local choice_prompt = question
    if #group > 1 then
      choice_prompt = (p.class == "founder" and "Which of these people founded " .. the(X) .. "?")
        or ("Which of these people served as " .. post(p.title) .. " of " .. the(where(p.title, X)) .. "?")
    end
    local wrong = pick_people(3, p.person, p.class, X, choice_prompt, function(q)
      return not may_hold(q, p.class, X, p.title) and outsider(q, X) and not mentions(choice_prompt, q)
    end)
    if wrong then
      ctx:choice{
        template = "holder_choice", facts = { p.person, X }, variant = slug(p.class),
        prompt = choice_prompt, answer = F.name(p.person), distractors = map(wrong, F.name),
        explanation = explain(p), sources = p.sources, tags = tags_for(p),
      }
    end
    if p.from then
      local same = 0
      for _, o in ipairs(group) do
        if o.from and F.date(o.from) == F.date(p.from) then same = same + 1 end
      end
      local blank = p.class == "founder" and ("____ founded " .. the(X) .. " " .. F.when(p.from) .. ".")
        or ("____ became " .. post(p.title) .. " of " .. the(where(p.title, X)) .. " " .. F.when(p.from) .. ".")
      if same == 1 and not mentions(blank, p.person) then
        ctx:cloze{
          template = "holder_cloze", facts = { p.person, X }, variant = slug(p.class), person = true,
          prompt = "Fill in the name: " .. blank,
          answer = F.name(p.person), accepted = F.accepted(p.person),
          explanation = explain(p), sources = p.sources, tags = tags_for(p),
        }
      end
    end
  end

  -- The titles of the posts (with a place) by their words in any order, each title once, in the
  -- order of the posts.
  local function words(t)
    local w = {}
    for x in norm(t):gmatch("%S+") do w[#w + 1] = x end
    table.sort(w)
    return table.concat(w, " ")
  end
  local titles_by_words, title_seen = {}, {}
  for _, o in ipairs(posts) do
    if o.target and not title_seen[o.title] then
      title_seen[o.title] = true
      add_to(titles_by_words, words(o.title), o.title)
    end
  end

  -- Which post a person held in a place (short answer). ----------------------------------------
  local function post_question(person, X, list)
    local main
    for _, p in ipairs(list) do
      if p.class ~= "founder" and p.class ~= "member" and not main then main = p end
    end
    for _, p in ipairs(list) do
      if p.class == "founder" and not main then main = p end
    end
    if not main then return end
    local accepted, seen = {}, { [norm(main.title)] = true }
    local function accept(t)
      if not seen[norm(t)] then seen[norm(t)], accepted[#accepted + 1] = true, t end
    end
    -- every post the person held there, the same words in another order ("Secretary General"),
    -- and "Leader" for a party, group or faction leader when nobody else led there
    local sole_leader = true
    for _, o in ipairs(holders[X .. "|leader"] or {}) do
      if o.person ~= person then sole_leader = false end
    end
    for _, p in ipairs(list) do
      accept(p.title)
      for _, t in ipairs(titles_by_words[words(p.title)] or {}) do accept(t) end
      if p.class == "leader" and sole_leader then
        local last = p.title:match("(%S+)$")
        if norm(last) == "leader" then accept(F.capital(last)) end
      end
    end
    local prompt = "What post did " .. F.name(person) .. " hold in " .. the(X) .. "?"
    local sources = {}
    for _, p in ipairs(list) do
      for _, c in ipairs(p.sources) do sources[#sources + 1] = c end
    end
    ctx:short{
      template = "post", facts = { person, X }, prompt = prompt,
      answer = main.title, accepted = F.alternatives(main.title, accepted),
      explanation = explain(main), sources = sources, tags = tags_for(main),
    }
  end

  -- In which party a person held a post (choice among parties). --------------------------------
  local function party_question(p)
    if not parties[p.target] then return end
    local prompt
    if p.class == "founder" then prompt = "Which party did " .. F.name(p.person) .. " found?"
    elseif p.class == "member" then prompt = F.name(p.person) .. " was a member of which party?"
    else prompt = "In which party did " .. F.name(p.person) .. " serve as " .. post(p.title) .. "?" end
    if mentions(F.long_name(p.target), p.person) then return end -- named after the person
    local mine = tied_to(p.person)
    local wrong = pick_party(3, p.target, p.person, p.class, mine, function(y)
      return P.apart(y, mine) and not may_hold(p.person, p.class, y, p.title)
    end)
    if not wrong then return end
    ctx:choice{
      template = "party_of", facts = { p.person, p.target }, variant = slug(p.class),
      prompt = prompt, answer = F.long_name(p.target), distractors = map(wrong, F.long_name),
      explanation = explain(p), sources = p.sources, tags = tags_for(p),
    }
  end

  -- True/false: the post as it is, then one part of it changed. --------------------------------
  -- Did person q hold any post in party or body X? A false statement naming them together is
  -- true on a loose reading ("X served as Leader of the CPP" of a CPP general secretary).
  -- A body's party counts too: a CPP member "served on the CPP's Central Committee" is loose.
  local function holds_any(q, X)
    local party_of_body = organizations[X] and organizations[X].party
    for _, r in ipairs(people[q].roles or {}) do
      if r.party == X or r.organization == X or (party_of_body and r.party == party_of_body) then return true end
    end
    return false
  end

  local function false_claims(p)
    local X, out = p.target, {}
    -- another person (not for a plain membership: anyone may have been a member)
    out.person = p.class ~= "member" and function()
      if not X then return nil end -- state offices overlap too much (a ruler, a head of government)
      local q = pick_people(1, p.person, p.class, X, F.long_name(X), function(q)
        return not may_hold(q, p.class, X, p.title) and not holds_any(q, X) and outsider(q, X)
          and not mentions(F.long_name(X), q)
      end)
      return q and claim(q[1], p.class, p.title, X)
    end
    if X and parties[X] then
      -- another party, one that none of the person's parties is tied to
      out.party = function()
        local mine = tied_to(p.person)
        local y = pick_party(1, X, p.person, p.class, mine, function(y)
          return P.apart(y, mine) and not may_hold(p.person, p.class, y, p.title) and not holds_any(p.person, y)
            and not mentions(F.long_name(y), p.person)
        end, named_in_party[p.person])
        return y and claim(p.person, p.class, p.title, y[1])
      end
    end
    -- no false post in the same place: the person holds a post there, so "X served as Leader
    -- of the CPP" of a CPP general secretary is true on a loose reading
    return out
  end

  local KINDS = { "person", "party" }
  local function truefalse(p)
    if p.target and organizations[p.target] and p.class == "member" then
      return -- a seat on a party body: too close to a post in the party to be denied
    end
    local truth = claim(p.person, p.class, p.title, p.target)
    ctx:truefalse{
      template = "post_tf", facts = { p.person, p.target or nil },
      variant = (p.target and slug(p.class) or "state") .. ".true",
      truth = true, prompt = "True or false: " .. truth, statement = truth,
      explanation = explain(p), sources = p.sources, tags = tags_for(p),
    }
    -- one false statement, of a kind taken in turn along the posts; the first kind that has a
    -- candidate is used, which does not depend on the seed
    local makers = false_claims(p)
    for i = 0, #KINDS - 1 do
      local kind = KINDS[(p.n + i) % #KINDS + 1]
      local make = makers[kind]
      local text = make and make()
      if text then
        ctx:truefalse{
          template = "post_tf", facts = { p.person, p.target or nil },
          variant = (p.target and slug(p.class) or "state") .. ".false_" .. kind,
          truth = false, prompt = "True or false: " .. text, statement = text,
          explanation = "In fact, " .. explain(p),
          sources = p.sources, tags = tags_for(p),
        }
        break
      end
    end
  end

  -- Public figures (people whose posts are all state offices), and the holders of state offices
  -- by kind of post and by word of the title.
  local public, state_by_class, state_by_word = {}, {}, {}
  for _, q in ipairs(F.sorted_ids("people")) do
    if posts_of[q] then
      local state_only = true
      for _, o in ipairs(posts_of[q]) do
        if o.target then
          state_only = false
        else
          add_to(state_by_class, o.class, q)
          for w in norm(o.title):gmatch("%S+") do add_to(state_by_word, w, q) end
        end
      end
      if state_only then public[#public + 1] = q end
    end
  end
  local state_set = P.tierset({ public, any_party_people })

  -- A state office that began at a date the sources give: who held it. ------------------------
  local function state_questions(p)
    if not p.from then return end
    local prompt = "Who became " .. post(p.title) .. " " .. F.when(p.from) .. "?"
    ctx:short{
      template = "office", facts = { p.person }, person = true,
      prompt = prompt, answer = F.name(p.person), accepted = F.accepted(p.person),
      explanation = explain(p), sources = p.sources, tags = tags_for(p),
    }
    -- distractors: other public figures, none holding an office of a like name
    local mine = F.set(map(posts_of[p.person], function(o) return o.class end))
    local words = {}
    for w in norm(p.title):gmatch("%S+") do if #w > 3 then words[w] = true end end
    local function ok(q)
      for _, o in ipairs(posts_of[q] or {}) do
        if not o.target then
          if mine[o.class] then return false end
          for w in norm(o.title):gmatch("%S+") do if words[w] then return false end end
        end
      end
      return true
    end
    -- ok turns down only holders of a state office of one of these kinds or with one of these
    -- words: the same for every office of the same kinds and words
    local classes, ws = F.sorted_keys(mine), F.sorted_keys(words)
    local wrong = P.pick_indexed(rng, 3, { p.person }, state_set, {
      static = { key = table.concat(classes, ",") .. "|" .. table.concat(ws, ","), reject = function()
        local out = {}
        for _, c in ipairs(classes) do
          for _, q in ipairs(state_by_class[c] or {}) do out[#out + 1] = q end
        end
        for _, w in ipairs(ws) do
          for _, q in ipairs(state_by_word[w] or {}) do out[#out + 1] = q end
        end
        return out
      end },
      ok = ok,
    })
    if wrong then
      ctx:choice{
        template = "office_choice", facts = { p.person }, prompt = prompt,
        answer = F.name(p.person), distractors = map(wrong, F.name),
        explanation = explain(p), sources = p.sources, tags = tags_for(p),
      }
    end
  end

  local function by_post(p) -- the lazy form's families: by post, by person and place, by event
    if p.target then
      holder_questions(p)
      party_question(p)
    else
      state_questions(p)
    end
    truefalse(p)
  end

  -- post questions, one per person and place
  local places, order = {}, {}
  for _, p in ipairs(posts) do
    if p.target then
      local k = p.person .. "|" .. p.target
      if not places[k] then places[k] = {}; order[#order + 1] = k end
      table.insert(places[k], p)
    end
  end
  local function by_place(k)
    local list = places[k]
    post_question(list[1].person, list[1].target, list)
  end

  -- The people events name. -------------------------------------------------------------------
  local function event_tags(e) return { "leaders", "events", e.kind } end

  local party_side, public_side, is_public = {}, {}, {}
  for _, q in ipairs(F.ids("people")) do
    local side = public_side
    for _, o in ipairs(posts_of[q] or {}) do
      if o.target then side = party_side end
    end
    side[#side + 1] = q
    if side == public_side then is_public[q] = true end
  end
  local sides = { [party_side] = P.tierset({ party_side, public_side }),
                  [public_side] = P.tierset({ public_side, party_side }) }

  local function by_event(id)
    local e = events[id]
    local text = F.event_text(e)
    for _, person in ipairs(F.undoubted(e, e.people)) do
      local a, b = F.find_name(e.title, person)
      if a then
        -- the name is in the title: blank it out
        local blanked = F.blank(e.title, a, b)
        ctx:cloze{
          blank = e.title:sub(a, b),
          template = "event_name", facts = { id, person }, person = true,
          prompt = "Fill in the name: “" .. blanked .. "”" .. F.date_note(e) .. ".",
          answer = F.name(person), accepted = F.accepted(person),
          explanation = "The event is “" .. e.title .. "”" .. F.date_note(e) .. ", naming " .. F.name(person) .. ".",
          sources = e.sources, tags = event_tags(e),
        }
      else
        local in_event = F.set(e.people)
        local mine_first = is_public[person] and public_side or party_side
        -- ok turns down the people of events within three years (the same for every event of a
        -- year), those of this event and those its text names
        local year = e.date.year
        local suspects = F.copy(e.people)
        for _, q in ipairs(F.event_mentioned(id)) do suspects[#suspects + 1] = q end
        local wrong = P.pick_indexed(rng, 3, { person }, sides[mine_first], {
          static = { key = year, reject = function() return P.named_around("people", year) end },
          suspects = suspects,
          ok = function(q)
            return not in_event[q] and not mentions(text, q) and not P.named_near("people", q, year)
          end,
        })
        if wrong then
          ctx:choice{
            template = "event_person", facts = { id, person },
            prompt = "Which of these people is named in the story of “" .. e.title .. "”" .. F.date_note(e) .. "?",
            answer = F.name(person), distractors = map(wrong, F.name),
            explanation = F.name(person) .. " is named in the story of “" .. e.title .. "”" .. F.date_note(e) .. ".",
            sources = e.sources, tags = event_tags(e),
          }
        end
      end
    end
  end
  -- the lazy form (docs/scripting.md): the keys of the three families, joined
  return require("lib.quiz.keys").join({ posts, by_post }, { order, by_place }, { halqa.index.events_by_date, by_event })
end

return {
  name = "leaders",
  description = "Founders, leaders and post-holders of the parties, and the people the events name",
  lazy = generate,
}
