-- generators/matching.lua: matching questions, 3 to 6 pairs each, every right-hand side unique
-- within a question.
--
--   people_parties   people to the one party they held a post in (people whose posts name exactly
--                    one party; posts in that party's own bodies do not count against them)
--   events_years     events to their year (a source's date, never an inferred one; dates that
--                    could share a year never meet in one question; a decade stays a decade)
--   org_party        organizations to the party they belong to, with what they are ("CPP student
--                    body", "CMKP publication"), since only two parties have organizations of their
--                    own and a bare party name would repeat
--   formed           mergers and splits, told by what merged or split and when, to the party
--                    they formed
--
-- Which pairs go together is fixed by the data, so ids (built from the left-hand records) are the
-- same for every seed; the seed (ctx.rng) only shuffles the right-hand column.

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals.
local ipairs, pairs, tostring = ipairs, pairs, tostring
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end
local table, math, string, halqa = plain(table), plain(math), plain(string), plain(halqa)
local parties, people, organizations, events = parties, people, organizations, events

local F = plain(require("lib.quiz.facts"))

local cite, join_and = F.merge_sources, F.join_and

-- Groups pairs so that no right-hand label repeats within a group. `buckets` is a list of
-- { label =, items = { ... } }, one per right-hand label, items in a fixed order. Round j asks the
-- j-th item of each bucket that has one ("fresh"), in groups of at most `size`; a group with
-- fewer than `least` is filled with items of other buckets, taken in turn. Returns a list of groups,
-- each a list of { item =, label = }.
local function rotate(buckets, size, least)
  local groups, turn, rounds = {}, 0, 0
  for _, b in ipairs(buckets) do
    if #b.items > rounds then rounds = #b.items end
  end
  for j = 1, rounds do
    local fresh = {}
    for bi, b in ipairs(buckets) do
      if b.items[j] then fresh[#fresh + 1] = bi end
    end
    -- Split the fresh buckets into as few groups as fit, of even sizes.
    local ngroups = math.max(1, math.ceil(#fresh / size))
    local per = math.ceil(#fresh / ngroups)
    for g = 1, ngroups do
      local chosen, used = {}, {}
      for k = (g - 1) * per + 1, math.min(g * per, #fresh) do
        chosen[#chosen + 1] = fresh[k]
        used[fresh[k]] = true
      end
      local target = math.min(math.max(#chosen, least), #buckets)
      local tries = 0
      while #chosen < target and tries < #buckets do
        local bi = (turn + tries) % #buckets + 1
        if not used[bi] then
          chosen[#chosen + 1] = bi
          used[bi] = true
        end
        tries = tries + 1
      end
      turn = turn + 1
      table.sort(chosen)
      if #chosen >= 3 then
        local group = {}
        for _, bi in ipairs(chosen) do
          local b = buckets[bi]
          group[#group + 1] = { item = b.items[(j - 1) % #b.items + 1], label = b.label }
        end
        groups[#groups + 1] = group
      end
    end
  end
  return groups
end

-- The one party a person held posts in, or nil: posts in a party or in an organization of that
-- party count; a post in an organization of no party does not.
local function one_party(pid)
  local party
  for _, role in ipairs(people[pid].roles or {}) do
    local p = role.party or (role.organization and organizations[role.organization].party)
    if p then
      if party and party ~= p then return nil end
      party = p
    end
  end
  return party
end

local function people_parties(ctx)
  local by_party, order = {}, {}
  for _, pid in ipairs(F.ids("people")) do
    local p = one_party(pid)
    if p then
      if not by_party[p] then
        by_party[p] = {}
        order[#order + 1] = p
      end
      table.insert(by_party[p], pid)
    end
  end
  table.sort(order)
  local buckets = {}
  for _, p in ipairs(order) do buckets[#buckets + 1] = { label = p, items = by_party[p] } end
  return rotate(buckets, 6, 4), function(group) -- the keys and one key's question
    local pairs_, facts, told, cites = {}, {}, {}, {}
    for i, g in ipairs(group) do
      pairs_[i] = { F.name(g.item), F.name(g.label) }
      facts[i] = g.item
      told[i] = F.name(g.item) .. " (" .. F.long_name(g.label) .. ")"
      for _, role in ipairs(people[g.item].roles or {}) do
        if role.party == g.label then cites[#cites + 1] = role.sources end
      end
      cites[#cites + 1] = people[g.item].sources
    end
    ctx:match{
      template = "people_parties", facts = facts,
      prompt = "Match each person to the party they held a post in.",
      pairs = pairs_,
      explanation = "Each served one party: " .. join_and(told) .. ".",
      sources = cite(cites), tags = { "people", "parties" },
    }
  end
end

-- A date as a year, or as the decade (or part of one) when that is all a source gives.
local function year_label(d)
  if d.decade then return F.date(d) end
  return tostring(d.year)
end

local function events_years(ctx)
  local list = F.timeline()
  -- Groups of four, taking every ngroups-th event so each group spans the timeline; an event
  -- whose years could meet another's in the group waits for a later group.
  local ngroups = math.max(1, #list // 4)
  local groups = {}
  for g = 1, ngroups do groups[g] = {} end
  -- An event goes to the first group, from its own round on, with room and no event whose years
  -- may meet its own (F.overlaps: the intervals share a year). Groups that cannot take it are
  -- skipped in runs: `full` and `taken[year]` link each group that is full, or has an event that
  -- may fall in that year, to the next group (followed and shortened as in union-find).
  local full, taken = {}, {}
  local function next_open(links, g)
    local root = g
    while links[root] do root = links[root] end
    while g ~= root do
      local up = links[g]
      links[g] = root
      g = up
    end
    return root
  end
  local function first_open(g, a, b)
    while true do
      g = next_open(full, g)
      if g > ngroups then return nil end
      local moved = false
      for y = a, b do
        local links = taken[y]
        if links then
          local h = next_open(links, g)
          if h ~= g then
            g, moved = h, true
            break
          end
        end
      end
      if not moved then return g end
    end
  end
  for i, id in ipairs(list) do
    local start = (i - 1) % ngroups
    local a, b = F.interval(events[id].date)
    local g = first_open(start + 1, a, b) or first_open(1, a, b)
    if g then
      local group = groups[g]
      group[#group + 1] = id
      if #group >= 4 then full[g] = g + 1 end
      for y = a, b do
        taken[y] = taken[y] or {}
        taken[y][g] = g + 1
      end
    end
  end
  return groups, function(group)
    if #group >= 3 then
      table.sort(group, function(a, b) return F.interval(events[a].date) < F.interval(events[b].date) end)
      local pairs_, told, cites = {}, {}, {}
      for i, id in ipairs(group) do
        local e = events[id]
        pairs_[i] = { e.title, year_label(e.date) }
        told[i] = e.title .. " (" .. F.date(e.date) .. ")"
        cites[i] = e.sources
      end
      ctx:match{
        template = "events_years", facts = group,
        prompt = "Match each event to its year (or decade, where the sources give no year).",
        pairs = pairs_,
        explanation = "In date order: " .. table.concat(told, "; ") .. ".",
        sources = cite(cites), tags = { "chronology" },
      }
    end
  end
end

local function org_party(ctx)
  -- Organizations by party, then by label ("CPP student body").
  local labels, by_label, count = {}, {}, {}
  for _, oid in ipairs(F.ids("organizations")) do
    local o = organizations[oid]
    if o.party then
      local label = (parties[o.party].abbr or parties[o.party].name) .. " " .. F.org_kind(o.kind)
      if not by_label[label] then
        by_label[label] = {}
        labels[#labels + 1] = label
      end
      table.insert(by_label[label], oid)
      count[o.party] = (count[o.party] or 0) + 1
    end
  end
  table.sort(labels)
  -- The party with the most organizations is the "majority"; every question holds all the
  -- others' organizations (one per label) so that the party is what must be told apart, and
  -- rotates through the majority's, until each has been asked once.
  local major, most = nil, -1
  for _, label in ipairs(labels) do
    local p = organizations[by_label[label][1]].party
    if count[p] > most or (count[p] == most and p < major) then major, most = p, count[p] end
  end
  local fixed, rotating = {}, {}
  for _, label in ipairs(labels) do
    local p = organizations[by_label[label][1]].party
    if p == major then
      rotating[#rotating + 1] = label
    else
      fixed[#fixed + 1] = { item = by_label[label][1], label = label }
    end
  end
  if #fixed == 0 or #rotating == 0 then return end
  local room = 6 - #fixed
  if room < 1 or #fixed + math.min(room, #rotating) < 3 then return end
  local queue = {}
  local rounds = 0
  for _, label in ipairs(rotating) do
    if #by_label[label] > rounds then rounds = #by_label[label] end
  end
  for j = 1, rounds do
    for _, label in ipairs(rotating) do
      if by_label[label][j] then queue[#queue + 1] = { item = by_label[label][j], label = label } end
    end
  end
  local pos = 1
  while pos <= #queue do
    local group, used = {}, {}
    for _, f in ipairs(fixed) do group[#group + 1] = f end
    local took = 0
    local k = pos
    while k <= #queue and took < room do
      local q = queue[k]
      if not used[q.label] then
        used[q.label] = true
        group[#group + 1] = q
        took = took + 1
        table.remove(queue, k)
      else
        k = k + 1
      end
    end
    -- Too few left for a question of their own: fill from labels already asked.
    if #group < 3 or took == 0 then break end
    if took < room and #queue == 0 then
      for _, label in ipairs(rotating) do
        if took < math.min(room, #rotating) and not used[label] then
          used[label] = true
          group[#group + 1] = { item = by_label[label][1], label = label }
          took = took + 1
        end
      end
    end
    table.sort(group, function(a, b) return a.label < b.label end)
    local pairs_, facts, told, cites = {}, {}, {}, {}
    for i, g in ipairs(group) do
      local o = organizations[g.item]
      pairs_[i] = { F.name(g.item), g.label }
      facts[i] = g.item
      told[i] = F.name(g.item) .. " is the " .. F.name(o.party) .. "'s " .. F.org_kind(o.kind)
      cites[i] = o.sources
    end
    ctx:match{
      template = "org_party", facts = facts,
      prompt = "Match each organization to the party it belongs to and what it is.",
      pairs = pairs_,
      explanation = join_and(told) .. ".",
      sources = cite(cites), tags = { "organizations", "parties" },
    }
  end
end

-- "Split from the CPP, 1966", "Merger of the CPP and the Mazdoor Kisan Party (Major Ishaque
-- group), 1995".
local function what_happened(e)
  local names = {}
  for i, id in ipairs(e.from) do names[i] = F.the_short(id) end
  local how
  if e.kind == "merger" then
    how = "Merger of " .. join_and(names)
  elseif e.kind == "split" then
    how = "Split from " .. join_and(names)
  else
    how = "Break from " .. join_and(names)
  end
  return how .. ", " .. F.date(e.date)
end

local function formed(ctx)
  local by_formed, order = {}, {}
  for _, id in ipairs(halqa.index.events_by_date) do
    local e = events[id]
    if F.askable(e.date) and e.formed and halqa.index.table_of[e.formed] == "parties" and e.from and #e.from > 0 then
      if not by_formed[e.formed] then
        by_formed[e.formed] = {}
        order[#order + 1] = e.formed
      end
      table.insert(by_formed[e.formed], id)
    end
  end
  local buckets = {}
  for _, p in ipairs(order) do buckets[#buckets + 1] = { label = p, items = by_formed[p] } end
  return rotate(buckets, 5, 4), function(group)
    local pairs_, facts, told, cites = {}, {}, {}, {}
    for i, g in ipairs(group) do
      local e = events[g.item]
      pairs_[i] = { what_happened(e), F.name(g.label) }
      facts[i] = g.item
      told[i] = what_happened(e):gsub("^%u", string.lower) .. ": the " .. F.name(g.label)
      cites[i] = e.sources
    end
    ctx:match{
      template = "formed", facts = facts,
      prompt = "Match each merger or split to the party it produced.",
      pairs = pairs_,
      explanation = "What each produced: " .. table.concat(told, "; ") .. ".",
      sources = cite(cites), tags = { "mergers", "splits", "parties" },
    }
  end
end

return {
  name = "matching",
  description = "Matching: people to parties, events to years, organizations to parties, mergers and splits to what they formed",
  lazy = function(ctx) -- the lazy form (docs/scripting.md): each family's groups, joined
    return require("lib.quiz.keys").join({ people_parties(ctx) }, { events_years(ctx) },
      { { "org_party" }, function() org_party(ctx) end }, { formed(ctx) })
  end,
}
