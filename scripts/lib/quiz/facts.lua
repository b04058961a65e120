-- lib/quiz/facts.lua: reading the dataset as questions need it, so all questions word facts alike.
--
-- Records and their names (and whether a text names one), dates and the years they may stand
-- for, events, places, citations, and the list and word helpers these need.

-- The sandbox hands out globals and modules as read-only proxies, slow to read in a loop: a
-- module reads what it uses once, into plain locals.
local ipairs, pairs, type = ipairs, pairs, type
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end
local table, math, string, halqa = plain(table), plain(math), plain(string), plain(halqa)
local parties, people, organizations, events, sources = parties, people, organizations, events, sources

local F = {}

local norm = halqa.normalize
local table_of = halqa.index.table_of
local tables = { parties = parties, people = people, organizations = organizations, events = events,
                 sources = sources }

---------------------------------------------------------------------------------- lists and words

-- Lists as sets and back.
function F.set(list)
  local s = {}
  for _, v in ipairs(list or {}) do s[v] = true end
  return s
end

-- The ids of list (an event's people, organizations or parties) less those the event marks
-- doubtful: a link the dataset itself doubts is kept for reading but never asked.
function F.undoubted(e, list)
  if not e.doubtful then return list or {} end
  local doubt, out = F.set(e.doubtful), {}
  for _, id in ipairs(list or {}) do
    if not doubt[id] then out[#out + 1] = id end
  end
  return out
end

-- Appends value to the list map[key], making the list the first time (building indices).
function F.add_to(map, key, value)
  local list = map[key]
  if not list then
    list = {}
    map[key] = list
  end
  list[#list + 1] = value
end

function F.sorted_keys(set)
  local out = {}
  for k in pairs(set) do out[#out + 1] = k end
  table.sort(out)
  return out
end

function F.has(list, value)
  for _, v in ipairs(list or {}) do
    if v == value then return true end
  end
  return false
end

-- A plain copy of a table's fields, one level deep: how a module reads, once, a library or a
-- global it uses in a loop (the sandbox's read-only proxies are slow to read).
F.plain = plain

-- A plain copy of a list (dataset lists are frozen; a question may need to add to one).
function F.copy(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = v end
  return out
end

-- The list with each value once, in first-seen order.
function F.unique(list)
  local out, seen = {}, {}
  for _, v in ipairs(list or {}) do
    if not seen[v] then seen[v], out[#out + 1] = true, v end
  end
  return out
end

function F.map(list, fn)
  local out = {}
  for i, v in ipairs(list) do out[i] = fn(v) end
  return out
end

-- "A", "A and B", "A, B and C".
function F.join_and(items)
  if #items == 0 then return "" end
  if #items == 1 then return items[1] end
  return table.concat(items, ", ", 1, #items - 1) .. " and " .. items[#items]
end

function F.capital(s)
  return (s:gsub("^%l", string.upper))
end

-- "True or false: " and a statement, which carries on the sentence: its first word keeps a
-- capital only when it is a name ("the CPP was founded ...", "in 1968, ...", "Jam Saqi ...").
local LEADS = { The = true, In = true, On = true, A = true, An = true, Members = true }
function F.true_or_false(statement)
  return "True or false: " .. statement:gsub("^(%a+)", function(w)
    if LEADS[w] then return w:lower() end
  end)
end

-- A noun with its article: "a trade union", "an alliance".
function F.a(noun)
  return (noun:match("^[aeiou]") and "an " or "a ") .. noun
end

-------------------------------------------------------------------------------------- records

-- The record behind any id, or nil.
function F.record(id)
  local t = table_of[id]
  return t and tables[t][id]
end

-- The ids of every record of one table, sorted, built once (the dataset never changes). The
-- shared list is for reading only; F.ids gives a copy a caller may change.
local ids_cache = {}
function F.sorted_ids(tname)
  local out = ids_cache[tname]
  if not out then
    out = {}
    for id in pairs(tables[tname]) do out[#out + 1] = id end
    table.sort(out)
    ids_cache[tname] = out
  end
  return out
end

-- The place of a party, person or organization among the sorted ids of its table (a number to
-- compare instead of the ids themselves).
local ranks
function F.rank(id)
  if not ranks then
    ranks = {}
    for _, tname in ipairs({ "parties", "people", "organizations" }) do
      for i, x in ipairs(F.sorted_ids(tname)) do ranks[x] = i end
    end
  end
  return ranks[id]
end

-- The ids of every record of one table, sorted, so generators walk the data in a fixed order.
function F.ids(tname)
  return F.copy(F.sorted_ids(tname))
end

-- Organization kinds (docs/dataset.md) as a noun: "student body", "trade union".
local ORG_KIND = {
  student = "student body", youth = "youth body", women = "women's body", union = "trade union",
  peasant = "peasant body", writers = "writers' body", front = "front", alliance = "alliance",
  international = "international body", publication = "publication", state = "state body",
  party_body = "party body", other = "organization",
}
function F.org_kind(kind)
  return ORG_KIND[kind]
end

---------------------------------------------------------------------------------------- names

-- How a record is named in a question: its name (events: their title).
function F.name(id)
  local r = F.record(id)
  if not r then return id end
  return r.name or r.title or id
end

-- A record's name with its abbreviation, when it has one: "Communist Party of Pakistan (CPP)";
-- a name that already ends in brackets keeps them alone ("Mazdoor Kissan Party (present-day)").
function F.long_name(id)
  local r = F.record(id)
  if r and r.abbr and r.abbr ~= r.name and not r.name:find("%)$") then return r.name .. " (" .. r.abbr .. ")" end
  return F.name(id)
end

-- The other names a grader should accept for a record: abbreviation and aliases, each once and
-- never the name itself (the CPP lists "CPP" as abbreviation and alias both).
function F.accepted(id)
  local r = F.record(id)
  local out = {}
  if not r then return out end
  local seen = { [norm(F.name(id))] = true }
  for _, a in ipairs({ r.abbr or false, table.unpack(r.aliases or {}) }) do
    if a and not seen[norm(a)] then seen[norm(a)], out[#out + 1] = true, a end
  end
  return out
end

-- The answers a grader should accept besides `answer`: each of `list` once, never the answer.
function F.alternatives(answer, list)
  local out, seen = {}, { [norm(answer)] = true }
  for _, a in ipairs(list) do
    if not seen[norm(a)] then seen[norm(a)], out[#out + 1] = true, a end
  end
  return out
end

-- Every name a record goes by, as written: name (or title), abbreviation, aliases, each once.
function F.names(id)
  local r = F.record(id)
  local out, seen = {}, {}
  if not r then return out end
  for _, s in ipairs({ r.name or r.title or false, r.abbr or false, table.unpack(r.aliases or {}) }) do
    if type(s) == "string" and s ~= "" and not seen[s] then seen[s], out[#out + 1] = true, s end
  end
  return out
end

-- The same names as compared (normalized), with the long name; cached, as distractor checks ask
-- for them again and again.
local keys_cache = {}
function F.name_keys(id)
  if keys_cache[id] then return keys_cache[id] end
  local out, seen = {}, {}
  for _, s in ipairs({ F.name(id), F.long_name(id), table.unpack(F.accepted(id)) }) do
    local n = norm(s)
    if n ~= "" and not seen[n] then seen[n], out[#out + 1] = true, n end
  end
  keys_cache[id] = out
  return out
end

-- Whether two records share a name (the MKP of 1978 and the MKP of 2015), so they cannot both be
-- choices of one question.
function F.share_name(a, b)
  if a == b then return true end
  local ka, kb = F.name_keys(a), F.name_keys(b)
  for i = 1, #ka do
    local n = ka[i]
    for j = 1, #kb do
      if kb[j] == n then return true end
    end
  end
  return false
end

-- How many parties, people and organizations go by a name (compared normalized).
local owners
function F.name_owners(name)
  if not owners then
    owners = {}
    for _, tname in ipairs({ "parties", "people", "organizations" }) do
      for _, id in ipairs(F.ids(tname)) do
        for k in pairs(F.set(F.map(F.names(id), norm))) do owners[k] = (owners[k] or 0) + 1 end
      end
    end
  end
  return owners[norm(name)] or 0
end

-- Every name key (F.name_keys) of the parties, people and organizations, and who goes by it,
-- built once: "which records does this text name" and "which records share a name with this
-- one" become lookups instead of a walk over the dataset.
local key_ids   -- key -> the id that goes by it, or a list of the ids (in table, then id order)
local leads     -- the first words of a key, for every key and every shorter run: "communist party"
local function name_index()
  if key_ids then return end
  key_ids, leads = {}, {}
  for _, tname in ipairs({ "parties", "people", "organizations" }) do
    for _, id in ipairs(F.sorted_ids(tname)) do
      for _, k in ipairs(F.name_keys(id)) do
        local cur = key_ids[k]
        if cur == nil then
          key_ids[k] = id
        elseif type(cur) == "string" then
          key_ids[k] = { cur, id }
        else
          cur[#cur + 1] = id
        end
        local at = k:find(" ", 1, true)
        while at do
          leads[k:sub(1, at - 1)] = true
          at = k:find(" ", at + 1, true)
        end
      end
    end
  end
end

-- The other parties, people and organizations that share a name with id (F.share_name).
function F.name_sharers(id)
  name_index()
  local out, seen = {}, { [id] = true }
  for _, k in ipairs(F.name_keys(id)) do
    local v = key_ids[k]
    if type(v) == "table" then
      for _, x in ipairs(v) do
        if not seen[x] then seen[x], out[#out + 1] = true, x end
      end
    elseif v and not seen[v] then
      seen[v], out[#out + 1] = true, v
    end
  end
  return out
end

-- Records that share a name with another, in groups closed under sharing (the MKPs): group_of
-- maps each such id to its group, a list of ids sorted. Records with a name of their own are in
-- no group.
local group_of
function F.name_group(id)
  if not group_of then
    name_index()
    group_of = {}
    local parent = {}
    local function find(x)
      while parent[x] ~= x do
        parent[x] = parent[parent[x]]
        x = parent[x]
      end
      return x
    end
    for _, v in pairs(key_ids) do
      if type(v) == "table" then
        for _, x in ipairs(v) do
          if not parent[x] then parent[x] = x end
        end
        local r = find(v[1])
        for i = 2, #v do
          local r2 = find(v[i])
          if r2 ~= r then parent[r2] = r end
        end
      end
    end
    local by_root = {}
    for x in pairs(parent) do
      local r = find(x)
      by_root[r] = by_root[r] or {}
      table.insert(by_root[r], x)
    end
    for _, members in pairs(by_root) do
      table.sort(members)
      for _, x in ipairs(members) do group_of[x] = members end
    end
  end
  return group_of[id]
end

-- The parties, people and organizations a text names (those F.mentions(text, id) is true for),
-- as a list (shared: not to be changed), without walking the dataset: each run of words of the
-- text that begins a name is looked up. The answers for the last thousand texts are kept, as
-- callers ask of one text (a record's name, an event's text) again and again.
local named, n_named = {}, 0
function F.mentioned(text)
  local out = named[text]
  if out then return out end
  name_index()
  local flat = norm((text:gsub("['’]s%f[%A]", "")))
  local words = {}
  for w in flat:gmatch("%S+") do words[#words + 1] = w end
  local seen = {}
  out = {}
  local function add(id)
    if not seen[id] then seen[id], out[#out + 1] = true, id end
  end
  for i = 1, #words do
    local s, j = words[i], i
    while true do
      local v = key_ids[s]
      if type(v) == "table" then
        for _, x in ipairs(v) do add(x) end
      elseif v then
        add(v)
      end
      j = j + 1
      if j > #words or not leads[s] then break end
      s = s .. " " .. words[j]
    end
  end
  if n_named >= 1000 then named, n_named = {}, 0 end
  named[text], n_named = out, n_named + 1
  return out
end

-- F.mentioned(F.event_text(e)) for the event of id, kept for every event: several generators
-- read each event's text.
local event_named = {}
function F.event_mentioned(id)
  local out = event_named[id]
  if not out then
    out = F.mentioned(F.event_text(events[id]))
    event_named[id] = out
  end
  return out
end

-- How a record is named in running text: its abbreviation when no other record has that one
-- ("MKP" names several parties), else its name.
local short_names = {}
function F.short_name(id)
  local s = short_names[id]
  if not s then
    local r = F.record(id)
    s = (r.abbr and F.name_owners(r.abbr) == 1) and r.abbr or r.name
    short_names[id] = s
  end
  return s
end

-- A record inside a sentence by its short name: "the CPP", a person bare.
function F.the_short(id)
  if table_of[id] == "people" then return F.name(id) end
  return "the " .. F.short_name(id)
end

-- A party or organization inside a sentence by its long name; a publication goes bare
-- ("Lail-o-Nahar", not "the Lail-o-Nahar").
function F.the_long(id)
  local o = organizations[id]
  if o and o.kind == "publication" then return F.name(id) end
  return "the " .. F.long_name(id)
end

-- Whether the normalized `hay` holds the normalized `needle` as whole words.
function F.has_words(hay, needle)
  return needle ~= "" and (" " .. hay .. " "):find(" " .. needle .. " ", 1, true) ~= nil
end

-- Whether `text` names record `id` by any of its names, as whole words; possessives are dropped
-- first ("Akbar Khan's" names Akbar Khan). The last text is kept normalized, as callers test
-- one text against many records.
local last_text, last_padded -- the last text, normalized, with a space at each end (F.has_words)
function F.mentions(text, id)
  if text ~= last_text then
    last_text, last_padded = text, " " .. norm((text:gsub("['’]s%f[%A]", ""))) .. " "
  end
  for _, n in ipairs(F.name_keys(id)) do
    if last_padded:find(" " .. n .. " ", 1, true) then return true end
  end
  return false
end

-- Where `word` stands in `text` as a whole word, ignoring case, from position `from`: its first
-- and last position, or nil.
function F.find_word(text, word, from)
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

-- The longest name of a record found in text, so a blank covers all of it: first position, last
-- position, and the name as written; nil when none is there.
function F.find_name(text, id)
  local best
  for _, n in ipairs(F.names(id)) do
    local a, b = F.find_word(text, n)
    if a and (not best or b - a > best[2] - best[1]) then best = { a, b, n } end
  end
  if best then return best[1], best[2], best[3] end
end

-- Text with positions a to b left blank, for a cloze.
function F.blank(text, a, b)
  return text:sub(1, a - 1) .. "____" .. text:sub(b + 1)
end

---------------------------------------------------------------------------------------- dates

-- A date in words at its own precision ("6 March 1948", "late 2009").
function F.date(d)
  return halqa.format_date(d)
end

-- The party a role belongs to: its own, or that of its organization (nil for neither).
function F.role_party(r)
  if r.party then return r.party end
  local o = r.organization and organizations[r.organization]
  return o and o.party
end

-- Whether a date may be asked about: it must come from a source, not be placed from context.
function F.askable(d)
  return d ~= nil and not d.inferred
end

-- A date after a verb: "on 6 March 1948", "in 1999", "in late 2009", "in the 1950s".
function F.when(d)
  if d.day then return "on " .. F.date(d) end
  if d.decade then return "in the " .. F.date(d) end
  return "in " .. F.date(d)
end

-- The first and last year a date may stand for ("mid-1960s": 1963 to 1966). An inferred (or
-- missing) date could be any year.
function F.interval(d)
  if not d or d.inferred then return -math.huge, math.huge end
  if d.decade then
    if d.part == "early" then return d.decade, d.decade + 3 end
    if d.part == "mid" then return d.decade + 3, d.decade + 6 end
    if d.part == "late" then return d.decade + 6, d.decade + 9 end
    return d.decade, d.decade + 9
  end
  return d.year, d.year
end

-- Whether two dates may fall in the same year.
function F.overlaps(a, b)
  local a1, a2 = F.interval(a)
  local b1, b2 = F.interval(b)
  return a1 <= b2 and b1 <= a2
end

-- Whether date a comes surely before b: a ends in a year before the one b may begin in.
function F.before(a, b)
  local _, ahi = F.interval(a)
  local blo = F.interval(b)
  return ahi < blo
end

--------------------------------------------------------------------------------------- events

-- " (1954)" to follow an event's title, or "" when its date is inferred.
function F.date_note(e)
  return F.askable(e.date) and (" (" .. F.date(e.date) .. ")") or ""
end

-- The events a question may place in time, in date order: dated by a source, and with no year
-- in the title to give their place away.
function F.timeline()
  local out = {}
  for _, id in ipairs(halqa.index.events_by_date) do
    local e = events[id]
    if F.askable(e.date) and not e.title:find("%d%d%d%d") then out[#out + 1] = id end
  end
  return out
end

-- The parties an event concerns, in order: those it names, those that merged or split, and the
-- one it formed.
function F.event_parties(e)
  local out = {}
  for _, p in ipairs(e.parties or {}) do out[#out + 1] = p end
  for _, p in ipairs(e.from or {}) do
    if table_of[p] == "parties" then out[#out + 1] = p end
  end
  if e.formed and table_of[e.formed] == "parties" then out[#out + 1] = e.formed end
  return F.unique(out)
end

-- Every record an event involves: parties, people, organizations, what merged or split, and
-- what it formed.
function F.involved(e)
  local out = {}
  for _, field in ipairs({ "parties", "people", "organizations", "from" }) do
    for _, id in ipairs(e[field] or {}) do out[#out + 1] = id end
  end
  if e.formed then out[#out + 1] = e.formed end
  return F.unique(out)
end

-- Everything the record of an event says in words: what a distractor must not appear in. The
-- parts are kept apart so that no name runs from one into the next.
function F.event_text(e)
  local parts = { e.title, e.summary or "", e.note or "" }
  for _, c in ipairs(e.claims or {}) do parts[#parts + 1] = c.text end
  return table.concat(parts, " | ")
end

-- The topic tags of an event kind, the main one first (`quiz --topic splits`).
local KIND_TAGS = {
  founding = { "founding" }, merger = { "mergers" }, split = { "splits" }, ban = { "bans", "repression" },
  election = { "elections" }, arrest = { "repression" }, release = { "repression" },
  killing = { "repression" }, repression = { "repression" }, leadership = { "leadership" },
  congress = { "congresses" }, estimate = { "figures" }, publication = { "publications" },
  alliance = { "alliances" }, other = {},
}
function F.kind_tags(kind)
  return F.copy(KIND_TAGS[kind])
end

-- The parties a record or event concerns, as a set { id = true }.
function F.parties_of(id)
  local set = {}
  local t, r = table_of[id], F.record(id)
  if not r then return set end
  if t == "parties" then
    set[id] = true
  elseif t == "people" then
    for _, role in ipairs(r.roles or {}) do
      if role.party then set[role.party] = true end
    end
  elseif t == "organizations" then
    if r.party then set[r.party] = true end
  elseif t == "events" then
    set = F.set(F.event_parties(r))
  end
  return set
end

-- The event that records a party's founding, if the data has one (its citations are the precise
-- ones; a party record cites every section that mentions the party).
function F.founding_event(party)
  for _, id in ipairs(halqa.index.events_of[party] or {}) do
    local e = events[id]
    if e.kind == "founding" and (e.formed == party or (e.parties and e.parties[1] == party)) then return id end
  end
  return nil
end

--------------------------------------------------------------------------------------- places

-- Places too broad to accept alone for a place inside them: those an event gives as a place of
-- its own, and those that close two or more place names ("..., India").
local broad
local function is_broad(place)
  if not broad then
    broad = {}
    local tails = {}
    for _, id in ipairs(halqa.index.events_by_date) do
      for _, p in ipairs(events[id].places or {}) do
        broad[p] = true
        local tail = p:gsub("%s*%b()", ""):match(",%s*([^,]+)$")
        if tail then
          tails[tail] = tails[tail] or {}
          tails[tail][p] = true
        end
      end
    end
    for tail, set in pairs(tails) do
      if next(set, next(set)) then broad[tail] = true end
    end
  end
  return broad[place] or false
end

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

-- The other ways to write a place: "Calcutta (Kolkata), India" gives Calcutta, Kolkata,
-- "Calcutta, India" and "Kolkata, India"; the city that closes a site ("Royal fort (Lahore Fort),
-- Lahore") is accepted alone unless it is a region.
function F.place_forms(p)
  local inner = {}
  local bare = trim((p:gsub("%s*%((.-)%)", function(x)
    inner[#inner + 1] = trim(x)
    return ""
  end)))
  local parts = {}
  for part in bare:gmatch("[^,]+") do parts[#parts + 1] = trim(part) end
  local out = {}
  local function add(s)
    if s and s ~= "" and not F.has(out, s) and norm(s) ~= norm(p) then out[#out + 1] = s end
  end
  local head, rest = parts[1], table.concat(parts, ", ", 2)
  add(head)
  for _, x in ipairs(inner) do add(x) end
  add(bare)
  if rest ~= "" then
    for _, x in ipairs(inner) do add(x .. ", " .. rest) end
    if #parts == 2 and not is_broad(parts[2]) then add(parts[2]) end
  end
  return out
end

------------------------------------------------------------------------------------ citations

-- A citation list as text: 001_694f58b42979dfb4.txt, "History"; 002_....txt, "whole document".
function F.cite(list)
  local parts = {}
  for _, c in ipairs(list or {}) do
    local src = sources[c[1]]
    parts[#parts + 1] = string.format('%s, "%s"', src and src.file or c[1], c[2])
  end
  return table.concat(parts, "; ")
end

-- Several citation lists as one, each citation once, for a question about several records.
function F.merge_sources(lists)
  local out, seen = {}, {}
  for _, list in ipairs(lists) do
    for _, c in ipairs(list) do
      local key = c[1] .. "\0" .. c[2]
      if not seen[key] then seen[key], out[#out + 1] = true, c end
    end
  end
  return out
end

return F
