-- generators/details.lua: the facts of a record that the other families leave unasked: an
-- organization's short name and its start, the title or rank the sources give a person, the
-- words they use for a state office, a party's name in Urdu and what it later became, the party a
-- founding broke away from, and the places of an event that names several. Every question lists
-- the field it asks (q.asks), for `halqa check --coverage`.

local F = require("lib.quiz.facts")

-- Military ranks, asked as a rank; any other title (Comrade) is asked as a form of address.
local function is_rank(title)
  return title:find("General") or title:find("Major") or title:find("Colonel") or title:find("Brigadier")
end

-- A role title inside a sentence: "military ruler of Pakistan", but "Prime Minister of Pakistan".
local function in_sentence(title)
  local second = title:match("^%S+%s+(%S)")
  if second and second:match("%l") then return (title:gsub("^%u", string.lower)) end
  return title
end

local function organizations_(ctx) -- each family returns its keys and one key's questions
  return F.ids("organizations"), function(id)
    local o = organizations[id]
    local tags = { "organizations" }
    if o.abbr and o.abbr ~= o.name and not F.find_word(o.name, o.abbr) then
      ctx:short{
        template = "org_abbr", facts = { id }, asks = { id .. ".abbr" },
        prompt = "By what abbreviation is the " .. o.name .. " known?", answer = o.abbr,
        explanation = "The " .. o.name .. " is known as the " .. o.abbr .. ".",
        sources = o.sources, tags = tags,
      }
    end
    if F.askable(o.founded) then
      ctx:date{
        template = "org_founded", facts = { id }, asks = { id .. ".founded" },
        prompt = "When was " .. F.the_long(id) .. " set up?", date = o.founded,
        explanation = F.capital(F.the_long(id)) .. " was set up " .. F.when(o.founded) .. ".",
        sources = o.sources, tags = { "organizations", "dates" },
      }
    end
  end
end

local function people_(ctx)
  return F.ids("people"), function(id)
    local p = people[id]
    if p.title and not F.find_word(p.name, p.title) then
      local rank = is_rank(p.title)
      -- a role that is the rank itself is asked with it (leaders.lua leaves it out)
      local asks = { id .. ".title" }
      for _, r in ipairs(p.roles or {}) do
        if r.title == p.title and not r.party and not r.organization then asks[2] = id .. ".roles" end
      end
      ctx:short{
        template = rank and "rank" or "title", facts = { id }, asks = asks,
        prompt = rank and ("What military rank do the sources give " .. p.name .. "?")
          or ("What title do the sources put before the name of " .. p.name .. "?"),
        answer = p.title, accepted = { (p.title:gsub("%-", " ")) }, person = false,
        explanation = rank and ("The sources give " .. p.name .. " the rank of " .. p.title .. ".")
          or ("The sources write “" .. p.title .. " " .. p.name .. "”."),
        sources = p.sources, tags = { "people" },
      }
    end
    -- a state office the sources give without a date or a party (a dated one is leaders.office)
    for i, r in ipairs(p.roles or {}) do
      if not r.party and not r.organization and not r.from and not r.to and r.title ~= p.title then
        ctx:short{
          template = "state_office", facts = { id }, variant = tostring(i), asks = { id .. ".roles" },
          prompt = "Who do the sources call “" .. in_sentence(r.title) .. "”?",
          answer = p.name, accepted = F.accepted(id), person = true,
          explanation = "The sources call " .. p.name .. " " .. in_sentence(r.title) .. ".",
          sources = r.sources or p.sources, tags = { "people", "leaders" },
        }
      end
    end
  end
end

-- How many words two names share, to offer the party names nearest the answer's as distractors.
local function overlap(a, b)
  local words, n = {}, 0
  for w in halqa.normalize(a):gmatch("%S+") do words[w] = true end
  for w in halqa.normalize(b):gmatch("%S+") do
    if words[w] then n = n + 1 end
  end
  return n
end

local function parties_(ctx)
  local all = F.ids("parties")
  return all, function(id)
    local p = parties[id]
    if p.native_name then
      local ranked = {}
      for _, other in ipairs(all) do
        if other ~= id and not F.share_name(other, id) and not (F.name_group(other) and F.name_group(id)) then
          ranked[#ranked + 1] = { id = other, n = overlap(p.name, F.name(other)) }
        end
      end
      table.sort(ranked, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.id < b.id end)
      local wrong = {}
      for i = 1, math.min(3, #ranked) do wrong[i] = F.name(ranked[i].id) end
      if #wrong == 3 then
        ctx:choice{
          template = "native_name", facts = { id }, asks = { id .. ".native_name" },
          prompt = "Which party's name is written “" .. p.native_name .. "” in Urdu?",
          answer = F.name(id), distractors = wrong,
          explanation = "“" .. p.native_name .. "” is the Urdu name of " .. F.the_long(id) .. ".",
          sources = p.sources, tags = { "parties", "infobox" },
        }
      end
    end
    if p.became then
      ctx:short{
        template = "became", facts = { id, p.became }, asks = { id .. ".became" },
        prompt = "What did " .. F.the_long(id) .. " later turn into?",
        answer = F.name(p.became), accepted = F.accepted(p.became),
        explanation = F.capital(F.the_long(id)) .. (F.askable(p.founded) and (", founded " .. F.when(p.founded) .. ",") or "") ..
          " later turned into " .. F.the_long(p.became) .. ".",
        sources = F.merge_sources({ p.sources, parties[p.became].sources }), tags = { "parties" },
      }
    end
  end
end

local function events_(ctx)
  local places = {}
  for _, id in ipairs(halqa.index.events_by_date) do
    for _, pl in ipairs(events[id].places or {}) do places[pl] = true end
  end
  local all_places = F.sorted_keys(places)
  return halqa.index.events_by_date, function(id)
    local e = events[id]
    local from = e.from or {}
    -- the party a founding broke away from
    if e.kind == "founding" and #from == 1 and e.formed and parties[e.formed] and parties[from[1]]
       and F.askable(e.date) and not F.mentions(e.title, from[1]) then
      ctx:short{
        template = "founded_from", facts = { id }, asks = { id .. ".from" },
        prompt = "Members of which party broke away to found " .. F.the_long(e.formed) .. " " .. F.when(e.date) .. "?",
        answer = F.name(from[1]), accepted = F.accepted(from[1]),
        explanation = F.capital(F.the_long(e.formed)) .. " was founded " .. F.when(e.date) .. " by members who left " ..
          F.the_long(from[1]) .. " (“" .. e.title .. "”).",
        sources = e.sources, tags = F.kind_tags(e.kind),
      }
    end
    -- the places of an event that names several and has none in its title
    local list = e.places or {}
    local in_title = false
    for _, pl in ipairs(list) do
      for _, form in ipairs({ pl, table.unpack(F.place_forms(pl)) }) do
        if F.find_word(e.title, form) then in_title = true end
      end
    end
    if #list >= 2 and #list <= 4 and not in_title then
      local pool = {}
      for _, pl in ipairs(all_places) do
        local clash = false
        for _, mine in ipairs(list) do
          local a, b = halqa.normalize(pl), halqa.normalize(mine)
          if a:find(b, 1, true) or b:find(a, 1, true) then clash = true end
        end
        if not clash then pool[#pool + 1] = pl end
      end
      local k = math.min(3, 6 - #list, #pool)
      if #list + k >= 4 then
        ctx:multi{
          template = "places", facts = { id }, asks = { id .. ".places" },
          prompt = "Which of these places come into the story of “" .. e.title .. "”" .. F.date_note(e) .. "? Choose all that apply.",
          answers = F.copy(list), distractors = ctx.rng:sample(pool, k),
          explanation = "The story of “" .. e.title .. "”" .. F.date_note(e) .. " takes in " .. F.join_and(F.copy(list)) .. ".",
          sources = e.sources, tags = { "places" },
        }
      end
    end
  end
end

return {
  name = "details",
  description = "What else the records say: short names, when a body was set up, titles and ranks, Urdu names, what a party became",
  lazy = function(ctx) -- the lazy form (docs/scripting.md): the families' keys, joined
    return require("lib.quiz.keys").join({ organizations_(ctx) }, { people_(ctx) }, { parties_(ctx) }, { events_(ctx) })
  end,
}
