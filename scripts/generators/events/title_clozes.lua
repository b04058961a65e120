-- generators/events/title_clozes.lua: event titles with a person or a party left blank.

local S = require("generators.events.shared")
local ipairs, table = ipairs, S.plain(table)
local events = events
local F = S.plain(require("lib.quiz.facts"))
local table_of = halqa.index.table_of
local has = F.has
local paren_date, tags, inside_a_name = S.paren_date, S.tags, S.inside_a_name
local event_index = S.event_index

-- Calls fn(id) for every event (of `kind`, or of any kind when nil) whose date may share a year
-- with date d (F.overlaps; d has a known interval), some more than once, until fn returns true.
local function each_overlapping(kind, d, fn)
  local x = event_index()
  local k = kind or ""
  local a, b = F.interval(d)
  local span = x.span[k] or {}
  for year = a, b do
    for _, id in ipairs(span[year] or {}) do
      if fn(id) then return true end
    end
  end
  for _, id in ipairs(x.open[k] or {}) do
    if fn(id) then return true end
  end
  return false
end

-- Could another record of the same table fill the blank? Only if another event of the same
-- kind, at a time that may be the same, involves a record of that table this event does not.
local function blank_ambiguous(e, id)
  if not F.askable(e.date) then return false end
  local tname = table_of[id]
  local mine = F.set(F.involved(e))
  return each_overlapping(e.kind, e.date, function(other)
    if other == e.id then return false end
    for _, x in ipairs(F.involved(events[other])) do
      if table_of[x] == tname and not mine[x] then return true end
    end
    return false
  end)
end

local function blank_once(e, id)
  local a, b, n = F.find_name(e.title, id)
  if not a or F.name_owners(n) ~= 1 or inside_a_name(e, a, b) then return nil end
  local blanked = F.blank(e.title, a, b)
  if F.mentions(blanked, id) then return nil end
  return blanked, n
end

local function title_clozes(ctx, e)
  local context = {}
  for _, p in ipairs(F.event_parties(e)) do
    if not F.mentions(e.title, p) then context[#context + 1] = "the " .. F.short_name(p) end
  end
  -- the parties the title leaves out, to say whose story the event is from
  local from_story = #context > 0 and (", from the story of " .. F.join_and(context)) or ""
  local dated = paren_date(e)
  -- A person.
  for _, pid in ipairs(F.undoubted(e, e.people)) do
    local blanked, n = blank_once(e, pid)
    if blanked and not blank_ambiguous(e, pid) then
      local accepted = F.accepted(pid)
      if n ~= F.name(pid) and not has(accepted, n) then accepted[#accepted + 1] = n end
      ctx:cloze{
        blank = n,
        template = "person_cloze", facts = { e.id, pid },
        prompt = "Fill in the person" .. from_story .. ": “" .. blanked .. "”" .. dated .. ".",
        answer = F.name(pid), accepted = accepted, person = true,
        explanation = F.name(pid) .. " is the person in “" .. e.title .. "”" .. paren_date(e) .. ".",
        sources = e.sources, tags = tags(e, "people"),
      }
      break
    end
  end
  -- Each party.
  for _, p in ipairs(F.event_parties(e)) do
    local blanked, n = blank_once(e, p)
    if blanked and not blank_ambiguous(e, p) then
      local accepted = F.accepted(p)
      if n ~= F.name(p) and not has(accepted, n) then table.insert(accepted, 1, n) end
      ctx:cloze{
        blank = n,
        template = "party_cloze", facts = { e.id, p },
        prompt = "Fill in the party: “" .. blanked .. "”" .. dated .. ".",
        answer = F.name(p), accepted = accepted,
        explanation = "The party in “" .. e.title .. "”" .. paren_date(e) .. " is the " .. F.long_name(p) .. ".",
        sources = e.sources, tags = tags(e, "parties"),
      }
      -- each party of the title gets its blank ("... the Awami League, then the Ganatantri
      -- Dal"): a party named nowhere else is asked nowhere else
    end
  end
end

return { title_clozes = title_clozes }
