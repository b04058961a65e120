-- generators/events/true_false.lua: true/false statements of mergers, splits, foundings and bans.
-- A false one changes one part of a real claim (the date, or one party) and is checked against the
-- data never to be true.

local S = require("generators.events.shared")
local ipairs, pairs = ipairs, pairs
local table, math, string, halqa = S.plain(table), S.plain(math), S.plain(string), S.plain(halqa)
local parties, events = parties, events
local F = S.plain(require("lib.quiz.facts"))
local index = halqa.index
local table_of = index.table_of
local has, copy, the = F.has, F.copy, F.the_short
local tags, group_absent, merge, near, event_index = S.tags, S.group_absent, S.merge, S.near, S.event_index
local outside, existed_before = S.outside, S.existed_before
local origin_elsewhere, group_origin_elsewhere = S.origin_elsewhere, S.group_origin_elsewhere
local claim_of, render, byte_after_party = S.claim_of, S.render, S.byte_after_party
local not_merged_in, not_merger_result, not_joined = S.not_merged_in, S.not_merger_result, S.not_joined

---------------------------------------------------------------------------------------------------
-- Dates near a real one

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
-- Statements: the claim as it is, and changed where the data shows it false

-- A group's members (of time_groups in shared.lua) sorted by how a sentence names them (F.the_short).
local function by_name(g)
  if not g.by_name then
    local keyed = {}
    for i, id in ipairs(g.members) do keyed[i] = { id = id, name = the(id) } end
    table.sort(keyed, function(x, y)
      if x.name ~= y.name then return x.name < y.name end
      return x.id < y.id
    end)
    g.by_name = keyed
  end
  return g.by_name
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
  -- only events that could bear the claim out are read: those that formed what the claim says
  -- was formed, those out of the party a "join" names, those naming the first thing banned
  local x, list = event_index(), {}
  if c.form == "merger" or c.form == "split" or c.form == "founding" then
    list = x.by_formed[c.formed] or {}
  elseif c.form == "join" then
    list = x.by_from[c.from[1]] or {}
  elseif c.form == "ban" then
    list = index.events_of[c.subjects[1]] or {}
  end
  for _, id in ipairs(list) do
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

-- One-party changes of a claim, each checked false against the data: the first five sentences
-- in order of the party's era gap, then the sentence (the statement is drawn from these).
--
-- Each way of changing the claim (a template) puts the party's name, the(p), in one place of
-- a sentence that is otherwise the same. So among parties of one era gap, the sentences of one
-- template come in the order of their names, but for names that begin with another name ("the
-- CPP" and "the CPP-ML"), where what follows decides: the names are read in order until the
-- next one can beat none of the five best sentences, because it begins with none of their names,
-- or goes on after such a name with a character greater than the one that follows the name in
-- the sentence ("the MKP1 merged" comes before "the MKP10 merged": " " < "0"); no later one can.
local function party_changes(e, c)
  local ok = outside(e)
  local d = c.date
  local dlo, dhi = F.interval(d)
  local templates = {}
  local function template(group_ok, test, claim)
    templates[#templates + 1] = { group_ok = group_ok, test = test, claim = claim }
  end
  if c.form == "merger" then
    local listed = parties[c.formed].merged_from
    local complete = listed and #listed > 0
    for i = 1, #c.from do
      template(function(g) return complete or group_absent(g, e, 3) end,
        function(p) return not_merged_in(p, e, c.formed) end,
        function(p)
          local from = copy(c.from)
          from[i] = p
          return { form = c.form, from = from, formed = c.formed, date = c.date }
        end)
    end
    local settled = true
    for _, f in ipairs(c.from) do
      if parties[f].merged_into ~= c.formed then settled = false end
    end
    template(function(g) return settled or group_absent(g, e, 3) end,
      function(p) return not_merger_result(p, e, c.from, c.formed) end,
      function(p) return { form = c.form, from = copy(c.from), formed = p, date = c.date } end)
  elseif c.form == "split" then
    if table_of[c.formed] == "parties" then
      template(nil, function(p) return not has(parties[c.formed].split_from, p) end,
        function(p) return { form = c.form, from = { p }, formed = c.formed, date = c.date, verb = c.verb } end)
    end
    for _, verb in ipairs({ "re-formed", "formed" }) do
      local again = verb == "re-formed"
      template(function(g) return group_origin_elsewhere(g, d) and (g.eb < dlo) == again end,
        function(p) return origin_elsewhere(p, c.from[1], c.date) and existed_before(p, c.date) == again end,
        function(p) return { form = c.form, from = copy(c.from), formed = p, date = c.date, verb = verb } end)
    end
  elseif c.form == "join" then
    template(function(g) return group_absent(g, e, 3) end,
      function(p) return not_joined(p, e, c.from[1]) end,
      function(p) return { form = c.form, from = copy(c.from), formed = p, date = c.date } end)
  elseif c.form == "founding" and table_of[c.formed] == "parties" then
    -- Only a party whose own founding date is known and is not this one.
    template(function(g) return g.flo ~= nil and not (g.flo <= dhi and dlo <= g.fhi) end,
      function(p)
        local f = parties[p].founded
        return F.askable(f) and not F.overlaps(f, c.date)
      end,
      function(p) return { form = c.form, formed = p, date = c.date } end)
  end
  -- the byte after the party's name in each template's sentences
  for _, t in ipairs(templates) do
    t.after = byte_after_party(t.claim)
  end
  if #templates == 0 then return {} end
  -- the groups of parties by era gap, nearest first
  local groups = near("parties", d)
  local out = {}
  local i = 1
  while i <= #groups do
    local j = i
    while groups[j + 1] and groups[j + 1].era == groups[i].era do j = j + 1 end
    local here = {}
    for _, t in ipairs(templates) do
      local after = t.after
      local lists = {}
      for k = i, j do
        local g = groups[k].g
        if not t.group_ok or t.group_ok(g) then lists[#lists + 1] = by_name(g) end
      end
      local best = {} -- the five best sentences so far, in order: { text =, name = }
      merge(lists, function(x) return x.name end, function(x)
        if #best >= 5 then
          local open = false
          for _, b in ipairs(best) do
            if x.name:find(b.name, 1, true) == 1 then
              local next_byte = x.name:byte(#b.name + 1)
              if next_byte == nil or next_byte <= after then open = true break end
            end
          end
          if not open then return true end
        end
        local p = x.id
        if ok(p) and t.test(p) then
          local changed = t.claim(p)
          if not possibly_true(changed) then
            local text = render(changed)
            local at = #best + 1
            while at > 1 and text < best[at - 1].text do at = at - 1 end
            table.insert(best, at, { text = text, name = x.name })
            if #best > 5 then table.remove(best) end
          end
        end
        return false
      end)
      for _, b in ipairs(best) do here[#here + 1] = b.text end
    end
    table.sort(here)
    for _, text in ipairs(here) do
      if #out < 5 then out[#out + 1] = text end
    end
    if #out >= 5 then break end
    i = j + 1
  end
  return out
end

local function statements(ctx, e)
  local c = claim_of(e)
  if not c or not c.date then return end
  local truth = render(c)
  local tg = tags(e, "statements")
  ctx:truefalse{
    template = "tf_true", facts = { e.id }, truth = true,
    prompt = F.true_or_false(truth), statement = truth,
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
      prompt = F.true_or_false(s), statement = s,
      explanation = "False: " .. truth:gsub("^%u", string.lower), sources = e.sources, tags = tg,
    }
  end
  -- One party swapped for another.
  local top = party_changes(e, c)
  if #top > 0 then
    local s = ctx.rng:pick(top)
    ctx:truefalse{
      template = "tf_party", facts = { e.id }, truth = false,
      prompt = F.true_or_false(s), statement = s,
      explanation = "False: " .. truth:gsub("^%u", string.lower), sources = e.sources, tags = tg,
    }
  end
end

return { statements = statements }
