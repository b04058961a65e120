-- generators/organizations.lua: the parties' student wings, publications and affiliations, which
-- party a front or body belongs to, what kind of body each organization is, what an Urdu name
-- means, and the organizations the events name (the fronts banned together, for one).
--
-- Everything is read from the organizations' own fields, the parties' student_wing, publications
-- and affiliations, and the events' organizations. A distractor is never an organization the data
-- ties to the party in question (its fronts, an alliance it backed in an event), and a party
-- offered in its place is never one it split from, merged with or shared an event with.

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals.
local ipairs, pairs, type = ipairs, pairs, type
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end
local table, math, halqa = plain(table), plain(math), plain(halqa)
local parties, people, organizations, events = parties, people, organizations, events

local F = plain(require("lib.quiz.facts"))
local P = plain(require("lib.quiz.pick"))

local norm = halqa.normalize
local the, mentions, map = F.the_long, F.mentions, F.map

-- The citations two records share (the sections that speak of both), else the first's.
local function common_sources(a, b)
  local keep, seen = {}, {}
  for _, c in ipairs(F.record(b).sources) do seen[c[1] .. "|" .. c[2]] = true end
  for _, c in ipairs(F.record(a).sources) do
    if seen[c[1] .. "|" .. c[2]] then keep[#keep + 1] = c end
  end
  if #keep == 0 then return F.record(a).sources end
  return keep
end

------------------------------------------------------------------------------- vocabulary

-- Organization kinds (docs/dataset.md) in words.
local KIND = {
  student = "a student organization", youth = "a youth organization", women = "a women's organization",
  union = "a trade union", peasant = "a peasant organization", writers = "a writers' organization",
  front = "a front organization", alliance = "an alliance of parties or groups",
  international = "an international network of parties", publication = "a publication",
  state = "a state body", party_body = "a body within a party", other = "another kind of body",
}
-- Kinds one body may be at once, so one is never offered as wrong for the other.
local SAME = {
  student = { youth = true }, youth = { student = true }, union = { peasant = true },
  peasant = { union = true }, alliance = { international = true }, international = { alliance = true },
}
local NEVER_WRONG = { front = true, other = true } -- too wide to be wrong for anything
local FRONTS = { student = true, youth = true, women = true, union = true, peasant = true, writers = true,
                 front = true }

-- Language codes in words, for "the Urdu name".
local LANGUAGE = { ur = "Urdu", bn = "Bengali", en = "English", ru = "Russian" }

-- How an organization stands to its party, in a statement. In the past tense, which is true of a
-- front banned in 1954 and of one the party still has (the data gives no end dates).
local function tie_words(kind)
  if kind == "publication" then return "was a publication of" end
  if kind == "party_body" then return "was a body of" end
  if kind == "student" then return "was a student body of" end
  return "was a front of"
end

---------------------------------------------------------------------------------- the walk

local function generate(ctx)
  local rng = ctx.rng
  local party_ids, org_ids = F.ids("parties"), F.ids("organizations")

  -- the party each organization belongs to, from its own field or a party's lists
  local owner = {}
  for _, o in ipairs(org_ids) do owner[o] = organizations[o].party end
  for _, p in ipairs(party_ids) do
    local r = parties[p]
    if r.student_wing and not owner[r.student_wing] then owner[r.student_wing] = p end
    for _, o in ipairs(r.publications or {}) do
      if not owner[o] then owner[o] = p end
    end
  end

  -- The organizations a party owns or lists (wing, papers, affiliations).
  local listed = {}
  for _, p in ipairs(party_ids) do
    local r, s = parties[p], {}
    if r.student_wing then s[r.student_wing] = true end
    for _, f in ipairs({ "publications", "national_affiliations", "international_affiliations" }) do
      for _, o in ipairs(r[f] or {}) do s[o] = true end
    end
    listed[p] = s
  end
  for _, o in ipairs(org_ids) do
    if owner[o] then listed[owner[o]][o] = true end
  end

  -- The organizations of each party, in id order.
  local owned_by = {}
  for _, o in ipairs(org_ids) do
    local p = owner[o]
    if p then
      owned_by[p] = owned_by[p] or {}
      table.insert(owned_by[p], o)
    end
  end

  -- Organizations the data ties to a party: its own and those in its lists, those of the parties
  -- tied to it, and those an event names together with it.
  local function tied(x)
    local s = {}
    for o in pairs(listed[x]) do s[o] = true end
    for y in pairs(P.related(x)) do
      for _, o in ipairs(owned_by[y] or {}) do s[o] = true end
    end
    for _, e in ipairs(halqa.index.events_of[x] or {}) do
      for _, o in ipairs(events[e].organizations or {}) do s[o] = true end
    end
    return s
  end

  -- What "name one of them" accepts besides the first of a list: any of them, by any name.
  local function any_of(list)
    local accepted = {}
    for i, o in ipairs(list) do
      if i > 1 then accepted[#accepted + 1] = F.name(o) end
      for _, a in ipairs(F.accepted(o)) do accepted[#accepted + 1] = a end
    end
    return F.alternatives(F.name(list[1]), accepted)
  end

  -- Parties in two tiers: those the organizations and people of the data belong to, then the rest.
  local busy = {}
  for _, o in ipairs(org_ids) do if owner[o] then busy[owner[o]] = true end end
  for _, pid in ipairs(F.ids("people")) do
    for _, role in ipairs(people[pid].roles or {}) do
      if role.party then busy[role.party] = true end
    end
  end
  local first_parties, other_parties = {}, {}
  for _, p in ipairs(party_ids) do
    if busy[p] then first_parties[#first_parties + 1] = p else other_parties[#other_parties + 1] = p end
  end
  local party_tiers = { first_parties, other_parties }
  local party_set = P.tierset(party_tiers)

  -- Organizations of one kind first, then of kinds in `also`, then the rest: a tier set made
  -- once for each choice of kinds.
  local org_sets = {}
  local function org_tiers(kinds, also)
    local key = table.concat(F.sorted_keys(kinds), ",") .. "|" .. (also and table.concat(F.sorted_keys(also), ",") or "")
    if org_sets[key] then return org_sets[key] end
    local a, b, c = {}, {}, {}
    for _, o in ipairs(org_ids) do
      local k = organizations[o].kind
      if kinds[k] then a[#a + 1] = o elseif also and also[k] then b[#b + 1] = o else c[#c + 1] = o end
    end
    org_sets[key] = P.tierset({ a, b, c })
    return org_sets[key]
  end
  local all_orgs = P.tierset({ org_ids })

  -- The parties that list an organization as publication, student wing or affiliation.
  local listed_by = { publications = {}, student_wing = {}, national_affiliations = {}, international_affiliations = {} }
  for _, p in ipairs(party_ids) do
    local r = parties[p]
    for field, map in pairs(listed_by) do
      local v = r[field]
      for _, o in ipairs(type(v) == "table" and v or { v }) do
        map[o] = map[o] or {}
        table.insert(map[o], p)
      end
    end
  end

  -- The candidates a question with parties in `set` must look at one by one: those parties and
  -- the parties going by one of their names, and the lists given.
  local function near_parties(set, ...)
    local out = {}
    for y in pairs(set) do
      out[#out + 1] = y
      for _, x in ipairs(F.name_sharers(y)) do out[#out + 1] = x end
    end
    for _, list in ipairs({ ... }) do
      for _, y in ipairs(list) do out[#out + 1] = y end
    end
    return out
  end

  -- The organizations in a set, as a list, with those of the lists given.
  local function set_list(set, ...)
    local out = F.sorted_keys(set)
    for _, list in ipairs({ ... }) do
      for _, o in ipairs(list) do out[#out + 1] = o end
    end
    return out
  end

  -- What is true of every candidate whatever the party (see P.pick_indexed).
  local WING = { key = "wing", accept = function(o)
    local k = organizations[o].kind
    return k == "student" or k == "youth" or FRONTS[k] == true
  end }
  local NOT_A_PUB = { key = "not a publication", accept = function(o)
    local k = organizations[o].kind
    return k ~= "publication" and k ~= "party_body"
  end }
  local ALLIANCE = { key = "alliance", accept = function(o)
    local k = organizations[o].kind
    return k == "alliance" or k == "international"
  end }

  -- The student wing. -------------------------------------------------------------------------
  local function student_wing(p) -- each family is one key's questions (the lazy form)
    local w = parties[p].student_wing
    if w then
      local src = common_sources(w, p)
      local explanation = F.capital(the(w)) .. " is the student wing of " .. the(p) .. "."
      local prompt = "What is the student wing of " .. the(p) .. "?"
      ctx:short{
        template = "student_wing", facts = { p, w }, prompt = prompt,
        answer = F.name(w), accepted = F.accepted(w),
        explanation = explanation, sources = src, tags = { "organizations", "student wing" },
      }
      -- other student and youth bodies (none of this party's), then the party's other fronts
      local t = tied(p)
      local wrong = P.pick_indexed(rng, 3, { w }, org_tiers({ student = true, youth = true }, FRONTS), {
        static = WING, suspects = set_list(t, { w }),
        ok = function(o)
          local k = organizations[o].kind
          if k == "student" or k == "youth" then return not t[o] and owner[o] ~= p end
          return FRONTS[k] and o ~= w
        end,
      })
      if wrong then
        ctx:choice{
          template = "student_wing_choice", facts = { p, w }, prompt = prompt,
          answer = F.long_name(w), distractors = map(wrong, F.long_name),
          explanation = explanation, sources = src, tags = { "organizations", "student wing" },
        }
      end
    end
  end

  -- Publications. -----------------------------------------------------------------------------
  local function publications(p)
    local pubs = parties[p].publications or {}
    if #pubs > 0 then
      local tags = { "organizations", "publications" }
      local all_names = table.concat(map(pubs, F.name), " and ")
      local src = common_sources(pubs[1], p)
      ctx:short{
        template = "publication", facts = { p, pubs[1] },
        prompt = "Name a publication of " .. the(p) .. ".",
        answer = F.name(pubs[1]), accepted = any_of(pubs),
        explanation = "The publications of " .. the(p) .. " in the sources: " .. all_names .. ".",
        sources = src, tags = tags,
      }
      -- a publication among bodies of the party that are not publications, and other bodies
      local mine = F.set(pubs)
      local t = tied(p)
      local function not_a_pub(o)
        local k = organizations[o].kind
        if mine[o] or k == "publication" or k == "party_body" then return false end
        return owner[o] == p or not t[o]
      end
      -- the tiers { own, rest } of P.pick: the party's own bodies, then all the others
      local own = owned_by[p] or {}
      local pub_q = { prefix = own, static = NOT_A_PUB, suspects = set_list(t, pubs), ok = not_a_pub }
      for _, o in ipairs(pubs) do
        local wrong = P.pick_indexed(rng, 3, pubs, all_orgs, pub_q)
        if wrong then
          ctx:choice{
            template = "publication_choice", facts = { p, o },
            prompt = "Which of these is a publication of " .. the(p) .. "?",
            answer = F.name(o), distractors = map(wrong, F.long_name),
            explanation = F.name(o) .. " " .. tie_words("publication") .. " " .. the(p) .. ".",
            sources = common_sources(o, p), tags = tags,
          }
        end
      end
      if #pubs >= 2 and #pubs <= 4 then
        local wrong = P.pick_indexed(rng, math.min(3, 6 - #pubs), pubs, all_orgs, pub_q, math.max(1, 4 - #pubs))
        if wrong then
          local facts = { p, table.unpack(pubs) }
          ctx:multi{
            template = "publications_multi", facts = facts,
            prompt = "Which of these are publications of " .. the(p) .. "? Choose every one.",
            answers = map(pubs, F.name), distractors = map(wrong, F.long_name),
            explanation = "The publications of " .. the(p) .. " in the sources are " .. all_names .. ".",
            sources = src, tags = tags,
          }
        end
      end
    end
  end

  -- Affiliations, national and international. -----------------------------------------------
  local FIELDS = { { "national_affiliations", "national" }, { "international_affiliations", "international" } }
  local function affiliations(p)
    local r = parties[p]
    local t = tied(p)
    for _, f in ipairs(FIELDS) do
      local list, word = r[f[1]] or {}, f[2]
      if #list > 0 then
        local tags = { "organizations", "alliances" }
        local all_names = table.concat(map(list, F.long_name), " and ")
        local explanation = F.capital(the(p)) .. " lists " .. all_names .. " as its " .. word .. " affiliation" ..
          (#list > 1 and "s" or "") .. "."
        ctx:short{
          template = "affiliation", facts = { p, list[1] }, variant = word,
          prompt = "Name " .. (#list > 1 and ("one of the " .. word .. " affiliations") or
            ("the " .. word .. " affiliation")) .. " of " .. the(p) .. ".",
          answer = F.name(list[1]), accepted = any_of(list),
          explanation = explanation, sources = common_sources(list[1], p), tags = tags,
        }
        -- distractors: alliances and networks not tied to the party (the affiliations of the
        -- other field are wrong here too), then the party's own fronts, which are not alliances
        local mine, other_field = F.set(list), {}
        for _, g in ipairs(FIELDS) do
          if g[1] ~= f[1] then
            for _, x in ipairs(r[g[1]] or {}) do other_field[x] = true end
          end
        end
        local function ok(o)
          local k = organizations[o].kind
          if mine[o] then return false end
          if other_field[o] then return true end
          if k == "alliance" or k == "international" then return not t[o] end
          return FRONTS[k] and owner[o] == p
        end
        local tiers = org_tiers({ alliance = true, international = true }, FRONTS)
        local ally_q = { static = ALLIANCE, suspects = set_list(t, list, F.sorted_keys(other_field), owned_by[p] or {}),
                         ok = ok }
        for _, o in ipairs(list) do
          local wrong = P.pick_indexed(rng, 3, list, tiers, ally_q)
          -- asked only when some distractor is a body of the answer's kind: the only alliance
          -- (or the only international network, long-named) among fronts gives itself away
          local alike = false
          for _, w in ipairs(wrong or {}) do
            if organizations[w].kind == organizations[o].kind then alike = true end
          end
          if wrong and alike then
            ctx:choice{
              template = "affiliation_choice", facts = { p, o }, variant = word,
              prompt = "Which of these is " .. (#list > 1 and "a" or "the") .. " " .. word .. " affiliation of " ..
                the(p) .. "?",
              answer = F.long_name(o), distractors = map(wrong, F.long_name),
              explanation = explanation, sources = common_sources(o, p), tags = tags,
            }
          end
          -- the other way round: which party
          local wrong_parties = P.pick_indexed(rng, 3, { p }, party_set, {
            suspects = near_parties(P.related(p), listed_by[f[1]][o] or {}),
            ok = function(y)
              local lists = F.set(parties[y][f[1]])
              return not lists[o] and P.apart(y, P.related(p))
            end,
          })
          if wrong_parties then
            ctx:choice{
              template = "affiliated_party", facts = { o, p }, variant = word,
              prompt = "Which party lists " .. the(o) .. " as its " .. word .. " affiliation?",
              answer = F.long_name(p), distractors = map(wrong_parties, F.long_name),
              explanation = explanation, sources = common_sources(o, p), tags = tags,
            }
          end
        end
        if #list >= 2 and #list <= 4 then
          local wrong = P.pick_indexed(rng, math.min(3, 6 - #list), list, tiers, ally_q, math.max(1, 4 - #list))
          if wrong then
            local facts = { p, table.unpack(list) }
            ctx:multi{
              template = "affiliations_multi", facts = facts, variant = word,
              prompt = "Which of these are " .. word .. " affiliations of " .. the(p) .. "? Choose every one.",
              answers = map(list, F.long_name), distractors = map(wrong, F.long_name),
              explanation = explanation, sources = common_sources(list[1], p), tags = tags,
            }
          end
        end
      end
    end
  end

  -- Which party an organization belongs to: choice, and a true or false statement. -------------
  local n_owned = 0
  local owned_rank = {} -- each one's place among those asked, decided in order at set-up
  for _, o in ipairs(org_ids) do
    if owner[o] and not mentions(F.long_name(o) .. " " .. table.concat(F.accepted(o), " "), owner[o]) then
      n_owned = n_owned + 1
      owned_rank[o] = n_owned
    end
  end
  local function party_of(o)
    local p = owner[o]
    local org = organizations[o]
    if owned_rank[o] then
      n_owned = owned_rank[o]
      local tags = { "organizations", org.kind == "publication" and "publications" or "fronts" }
      if org.kind == "student" then tags[#tags + 1] = "student wing" end
      local stated = F.capital(the(o)) .. " " .. tie_words(org.kind) .. " " .. the(p) .. "."
      local src = org.sources
      local function other_party(y)
        return P.apart(y, P.related(p)) and not F.set(parties[y].publications)[o] and parties[y].student_wing ~= o
      end
      local party_q = {
        suspects = near_parties(P.related(p), listed_by.publications[o] or {}, listed_by.student_wing[o] or {}),
        ok = other_party,
      }
      local wrong = P.pick_indexed(rng, 3, { p }, party_set, party_q)
      local prompt = "Which party did " .. the(o) .. " belong to?"
      if org.kind == "publication" then prompt = "Which party put out " .. the(o) .. "?" end
      if wrong then
        ctx:choice{
          template = "party_of", facts = { o, p }, prompt = prompt,
          answer = F.long_name(p), distractors = map(wrong, F.long_name),
          explanation = stated, sources = src, tags = tags,
        }
      end
      -- true for every other organization, false for the rest (when a party can stand in)
      local truth = n_owned % 2 == 1
      local statement = stated
      if not truth then
        local y = P.pick_indexed(rng, 1, { p }, party_set, party_q)
        if y then
          statement = F.capital(the(o)) .. " " .. tie_words(org.kind) .. " " .. the(y[1]) .. "."
        else
          truth = true
        end
      end
      ctx:truefalse{
        template = "party_of_tf", facts = { o, p }, truth = truth,
        prompt = F.true_or_false(statement), statement = statement,
        explanation = truth and stated or ("In fact, " .. stated:gsub("^The ", "the ")),
        sources = src, tags = tags,
      }
    end
  end

  -- What an Urdu name means, and the name from its meaning. ----------------------------------
  local function meaning(o)
    local org = organizations[o]
    if org.translation then
      local lang = LANGUAGE[org.language or ""]
      local tags = { "organizations", "names" }
      if org.kind == "publication" then tags[#tags + 1] = "publications" end
      local what = KIND[org.kind] or "a body"
      local of = owner[o] and (" of " .. the(owner[o])) or ""
      local explanation = (lang and ("The " .. lang .. " name ") or "The name ") .. F.name(o) .. " means “" ..
        org.translation .. "”."
      ctx:short{
        template = "translation", facts = { o },
        prompt = F.capital(what) .. of .. " goes by the " .. (lang and (lang .. " ") or "") .. "name “" .. F.name(o) ..
          "”. What does the name mean in English?",
        answer = org.translation, explanation = explanation, sources = org.sources, tags = tags,
      }
      local accepted = {}
      for _, a in ipairs(F.accepted(o)) do
        if norm(a) ~= norm(org.translation) then accepted[#accepted + 1] = a end
      end
      ctx:cloze{
        template = "translation_cloze", facts = { o },
        prompt = "Fill in the " .. (lang and (lang .. " ") or "") .. "name: ____, meaning “" .. org.translation ..
          "”, was " .. what .. of .. ".",
        answer = F.name(o), accepted = F.alternatives(F.name(o), accepted),
        explanation = explanation, sources = org.sources, tags = tags,
      }
    end
  end

  -- What kind of body each organization is. ----------------------------------------------------
  local kinds = {}
  for k in pairs(halqa.index.organizations_by_kind) do kinds[#kinds + 1] = k end
  table.sort(kinds)
  local function body_kind(o)
    local org = organizations[o]
    local k = org.kind
    -- a name that says what the body is ("Trade Union Federation": a trade union) answers itself
    local says = KIND[k] and F.has_words(norm(F.name(o)), norm((KIND[k]:gsub("^an? ", ""))))
    if KIND[k] and not says then
      local cands = {}
      for _, c in ipairs(kinds) do
        local fine = c ~= k and KIND[c] and not NEVER_WRONG[c] and not (SAME[k] and SAME[k][c])
        if fine and FRONTS[k] and c == "party_body" then fine = false end -- a front may be run as a body of its party
        if fine and k == "front" and FRONTS[c] then fine = false end
        if fine then cands[#cands + 1] = KIND[c] end
      end
      if #cands >= 3 then
        ctx:choice{
          template = "kind", facts = { o },
          prompt = "What kind of body is " .. the(o) .. "?",
          answer = KIND[k], distractors = rng:sample(cands, 3),
          explanation = F.capital(the(o)) .. " is " .. KIND[k] .. ".",
          sources = org.sources, tags = { "organizations", "kinds" },
        }
      end
    end
  end

  -- Organizations in events. -------------------------------------------------------------------
  local function founded_after(o, year)
    local d = organizations[o].founded
    return F.askable(d) and d.year > year
  end

  local function in_events(id)
    local e = events[id]
    local text = F.event_text(e)
    local in_event = F.set(e.organizations)
    local own_of_event = {}
    for _, p in ipairs(e.parties or {}) do
      for o in pairs(listed[p]) do own_of_event[o] = true end
    end
    local tags = { "organizations", "events", e.kind }
    -- organizations banned together: several answers
    if e.kind == "ban" and #(e.organizations or {}) >= 2 and #e.organizations <= 4 then
      local list = e.organizations
      -- distractors: bodies that did not yet exist, or alliances and networks that no event of
      -- those years names; never a front of the banned party, which the sources do not rule out
      local banned_party = {}
      for _, p in ipairs(e.parties or {}) do banned_party[p] = true end
      local year = e.date.year
      local suspects = set_list(in_event, F.event_mentioned(id))
      for bp in pairs(banned_party) do
        for _, o in ipairs(owned_by[bp] or {}) do suspects[#suspects + 1] = o end
      end
      local wrong = P.pick_indexed(rng, math.min(3, 6 - #list), list,
        org_tiers(F.set({ organizations[list[1]].kind }), FRONTS), {
          -- what ok says of an organization neither in the event nor of a banned party
          static = { key = "banned " .. year, accept = function(o)
            if founded_after(o, year) then return true end
            local k = organizations[o].kind
            return (k == "alliance" or k == "international") and not P.named_near("organizations", o, year) and not owner[o]
          end },
          suspects = suspects,
          ok = function(o)
            if in_event[o] or mentions(text, o) then return false end
            if owner[o] and banned_party[owner[o]] then return false end
            if founded_after(o, e.date.year) then return true end
            local k = organizations[o].kind
            return (k == "alliance" or k == "international") and not P.named_near("organizations", o, e.date.year) and not owner[o]
          end,
        }, math.max(1, 4 - #list))
      if wrong then
        local facts = { id, table.unpack(list) }
        ctx:multi{
          template = "banned", facts = facts,
          prompt = "Which of these organizations does the event “" .. e.title .. "”" .. F.date_note(e) ..
            " name as banned? Choose every one.",
          answers = map(list, F.long_name), distractors = map(wrong, F.long_name),
          explanation = "The event “" .. e.title .. "”" .. F.date_note(e) .. " names " ..
            table.concat(map(list, F.long_name), ", ") .. ".",
          sources = e.sources, tags = tags,
        }
      end
    end
    for _, o in ipairs(e.organizations or {}) do
      local a, b = F.find_name(e.title, o)
      if a then
        local blanked = F.blank(e.title, a, b)
        ctx:cloze{
          blank = e.title:sub(a, b),
          template = "event_name", facts = { id, o },
          prompt = "Fill in the missing name (" .. (KIND[organizations[o].kind] or "a body") .. "): “" ..
            blanked .. "”" .. F.date_note(e) .. ".",
          answer = F.name(o), accepted = F.accepted(o),
          explanation = "The event is “" .. e.title .. "”" .. F.date_note(e) .. ", naming " .. the(o) .. ".",
          sources = e.sources, tags = tags,
        }
      else
        local k = organizations[o].kind
        -- distractors: never a body, paper or ally of a party the event is about (the sources
        -- name some of a party's fronts in an event, not all of those it had)
        local year = e.date.year
        local wrong = P.pick_indexed(rng, 3, { o }, org_tiers({ [k] = true }, FRONTS[k] and FRONTS or nil), {
          static = { key = year, reject = function() return P.named_around("organizations", year) end },
          suspects = set_list(in_event, F.event_mentioned(id), F.sorted_keys(own_of_event)),
          ok = function(x)
            return not in_event[x] and not mentions(text, x) and not P.named_near("organizations", x, e.date.year)
              and not own_of_event[x]
          end,
        })
        if wrong then
          ctx:choice{
            template = "event_org", facts = { id, o },
            prompt = "Which of these organizations is named in the story of “" .. e.title .. "”" .. F.date_note(e) .. "?",
            answer = F.long_name(o), distractors = map(wrong, F.long_name),
            explanation = F.capital(the(o)) .. " is named in the story of “" .. e.title .. "”" .. F.date_note(e) .. ".",
            sources = e.sources, tags = tags,
          }
        end
      end
    end
  end
  -- the lazy form (docs/scripting.md): the keys of every family, joined
  local events_by_date = halqa.index.events_by_date
  return require("lib.quiz.keys").join({ party_ids, student_wing }, { party_ids, publications },
    { party_ids, affiliations }, { org_ids, party_of }, { org_ids, meaning }, { org_ids, body_kind },
    { events_by_date, in_events })
end

return {
  name = "organizations",
  description = "Student wings, publications, affiliations and fronts of the parties, and the organizations in events",
  lazy = generate,
}
