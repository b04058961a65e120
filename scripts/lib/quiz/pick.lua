-- lib/quiz/pick.lua: choosing wrong answers (distractors) that the data cannot make right.
--
-- Distractors drawn from tiers or from a ranked pool, the parties tied to a party (which never
-- stand in for it), and the records named around a date (too likely to be right to offer).
--
-- How many candidates a question has depends only on the data, never on the seed; the seed only
-- draws among them, so another seed keeps the same question ids.

-- Globals (the libraries, `halqa`, the dataset) read at the speed of plain tables; another
-- module's table is a read-only proxy read through C, so lib.quiz.facts is copied once.
local ipairs, pairs, setmetatable = ipairs, pairs, setmetatable
local function plain(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end

local F = plain(require("lib.quiz.facts"))

local P = {}

-- Picks up to n distractor ids for `answers`. Candidates come in tiers (lists of ids in a fixed
-- order), the more plausible first; ok(id) must accept a candidate, and no two choices may share
-- a name. Returns nil when fewer than `least` (default n) exist.
function P.pick(rng, n, answers, tiers, ok, least)
  local reps, seen = {}, {}
  for t, tier in ipairs(tiers) do
    for _, id in ipairs(tier) do
      if not seen[id] then
        seen[id] = true
        local fine = ok(id)
        for _, a in ipairs(answers) do
          if fine and F.share_name(id, a) then fine = false end
        end
        for _, r in ipairs(reps) do
          if fine and F.share_name(id, r.id) then fine = false end
        end
        if fine then reps[#reps + 1] = { id = id, tier = t } end
      end
    end
  end
  if #reps < (least or n) then return nil end
  local out = {}
  for t = 1, #tiers do
    local need = n - #out
    if need <= 0 then break end
    local here = {}
    for _, r in ipairs(reps) do
      if r.tier == t then here[#here + 1] = r.id end
    end
    for _, id in ipairs(rng:sample(here, math.min(need, #here))) do out[#out + 1] = id end
  end
  return out
end

---------------------------------------------------------------------------------------------------
-- The same picks from large candidate lists, without walking them per question.
--
-- P.pick looks at every candidate of every tier, so a question costs as much as the dataset is
-- large. P.pick_indexed draws exactly the same distractors (with the same calls on rng) from
-- a tier set made once (P.tierset) by reading only the candidates a question may treat apart:
--
--   q.static   what is true of every candidate whatever the question ({ key =, accept = fn } or
--              { key =, reject = fn returning the ids it leaves out }), worked out once per key;
--   q.suspects the ids for which q.ok may differ from q.static (q.ok is asked only of these);
--   q.prefix   a small list tried before the tier set (a party's own people, say).
--
-- A caller must make sure that q.ok(id) == static(id) for every candidate not in q.suspects.
-- Counting and drawing the i-th survivor of a tier then need only the positions that were left
-- out, kept sorted, so a seed draws the same i-th candidate as P.pick does.

-- The first index of sorted array a whose value is >= x (#a + 1 when none).
local function lower_bound(a, x)
  local lo, hi = 1, #a + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if a[mid] < x then lo = mid + 1 else hi = mid end
  end
  return lo
end
P.lower_bound = lower_bound

-- How many values of sorted array a lie in [x, y] (integers).
local function count_in(a, x, y)
  if x > y then return 0 end
  return lower_bound(a, y + 1) - lower_bound(a, x)
end

-- A virtual list: positions 1..n of a base list, less the sorted positions `rej`, less the
-- disjoint ranges `ranges` ({ {a, b}, ... }), with `over` (position -> kept or not) deciding
-- the few positions a question treats apart; over_list holds those positions sorted.
local function statically_kept(v, p)
  local r = v.rej
  local i = lower_bound(r, p)
  if r[i] == p then return false end
  local ranges = v.ranges
  if ranges then
    for _, g in ipairs(ranges) do
      if p >= g[1] and p <= g[2] then return false end
    end
  end
  return true
end

-- The positions a question decides otherwise than the static list (sorted) and the running
-- sum of the changes (+1 kept now, -1 left out now), worked out on first use.
local function changes(v)
  if not v.dpos then
    local dpos, dsum, sum = {}, {}, 0
    for _, q in ipairs(v.over_list or {}) do
      local now, was = v.over[q], statically_kept(v, q)
      if now ~= was then
        sum = sum + (now and 1 or -1)
        dpos[#dpos + 1], dsum[#dsum + 1] = q, sum
      end
    end
    v.dpos, v.dsum = dpos, dsum
  end
  return v.dpos, v.dsum
end

-- How many positions of [lo, p] are kept.
local function kept_upto(v, lo, p)
  if p < lo then return 0 end
  local n = (p - lo + 1) - count_in(v.rej, lo, p)
  local ranges = v.ranges
  if ranges then
    for _, g in ipairs(ranges) do
      local a, b = math.max(g[1], lo), math.min(g[2], p)
      if a <= b then n = n - ((b - a + 1) - count_in(v.rej, a, b)) end
    end
  end
  local dpos, dsum = changes(v)
  if #dpos > 0 then
    local upto, before = lower_bound(dpos, p + 1) - 1, lower_bound(dpos, lo) - 1
    n = n + (dsum[upto] or 0) - (dsum[before] or 0)
  end
  return n
end

-- The position of the i-th kept position of [lo, hi] (1 <= i <= kept_upto(v, lo, hi)): it lies
-- between lo + i - 1 and that plus the number of positions of [lo, hi] left out.
local function kept_at(v, lo, hi, i)
  local a = lo + i - 1
  local b = math.min(hi, a + (hi - lo + 1) - kept_upto(v, lo, hi))
  if not v.ranges then
    -- kept_upto(v, lo, mid) with what does not depend on mid worked out once
    local rej, dpos, dsum = v.rej, changes(v)
    local rlo, nd = lower_bound(rej, lo), #dpos
    local dlo = nd > 0 and (dsum[lower_bound(dpos, lo) - 1] or 0)
    while a < b do
      local mid = (a + b) // 2
      local k = (mid - lo + 1) - (lower_bound(rej, mid + 1) - rlo)
      if nd > 0 then k = k + (dsum[lower_bound(dpos, mid + 1) - 1] or 0) - dlo end
      if k >= i then b = mid else a = mid + 1 end
    end
    return a
  end
  while a < b do
    local mid = (a + b) // 2
    if kept_upto(v, lo, mid) >= i then b = mid else a = mid + 1 end
  end
  return a
end

P.vlist = { kept_upto = kept_upto, kept_at = kept_at }

-- rng:sample(list, k) for a list of `count` elements that exist only as get(i): the same calls
-- on rng (a partial Fisher-Yates shuffle) and the same result, without building the list.
local function vsample(rng, count, get, k)
  if k > count then k = count end
  local moved, out = {}, {} -- moved[x]: which element the shuffle has put at x, when not x
  for i = 1, k do
    local j = rng:int(i, count)
    local vi, vj = moved[i] or i, moved[j] or j
    moved[i], moved[j] = vj, vi
    out[i] = get(vj)
  end
  return out
end
P.vsample = vsample

-- A tier set: candidate lists (of ids of one table, in any order) made once and shared by every
-- question that draws from them.
local Tiers = {}
Tiers.__index = Tiers

function P.tierset(lists)
  local ts = setmetatable({ ids = {}, first = {}, last = {}, statics = {}, recent = {} }, Tiers)
  local n, one_table, tname = 0, true, nil
  for _, list in ipairs(lists) do
    if list[1] then
      tname = halqa.index.table_of[list[1]]
      break
    end
  end
  for t, list in ipairs(lists) do
    ts.first[t] = n + 1
    for i = 1, #list do
      n = n + 1
      ts.ids[n] = list[i]
      if not F.rank(list[i]) or halqa.index.table_of[list[i]] ~= tname then one_table = false end
    end
    ts.last[t] = n
  end
  ts.n = n
  -- the first position of each id, by its place in its table (F.rank): an array, lighter than a
  -- map from ids; a map when the ids are not all parties, people or organizations of one table
  if one_table then
    ts.at_rank = {}
    for p = n, 1, -1 do ts.at_rank[F.rank(ts.ids[p])] = p end
  else
    ts.posmap = {}
    for p = n, 1, -1 do ts.posmap[ts.ids[p]] = p end
  end
  return ts
end

-- The first position of id in the tier set, or nil.
function Tiers:pos(id)
  if self.posmap then return self.posmap[id] end
  local r = F.rank(id)
  local p = r and self.at_rank[r]
  if p and self.ids[p] == id then return p end -- not an id of another table of that place
  return nil
end

-- Whether id is the first of its name group to be kept: it shares no name with an id kept
-- before in its group (kept: group -> kept ids), and is then kept too. An id in no group is.
local function first_of_name(kept, id)
  local g = F.name_group(id)
  if not g then return true end
  for _, r in ipairs(kept[g] or {}) do
    if F.share_name(id, r) then return false end
  end
  kept[g] = kept[g] or {}
  table.insert(kept[g], id)
  return true
end

-- Goes through ids (each with its first position) in position order and decides each with
-- fine(id), then, for ids in a name group, keeps only those sharing no name with one kept
-- before in their group (`kept`: group -> kept ids, seeded by the caller). Returns the sorted
-- positions and a map position -> kept.
local function decide(ts, ids, fine, kept)
  local at = {}
  for _, id in ipairs(ids) do
    local p = ts:pos(id)
    if p and not at[p] then at[p] = id end
  end
  local list = {}
  for p in pairs(at) do list[#list + 1] = p end
  table.sort(list)
  local over = {}
  for _, p in ipairs(list) do
    local id = at[p]
    over[p] = fine(id) and first_of_name(kept, id)
  end
  return list, over
end

-- Every member of the name groups of ids, with ids themselves, once.
local function with_groups(ids, out, seen)
  for _, id in ipairs(ids) do
    if not seen[id] then
      seen[id], out[#out + 1] = true, id
    end
    local g = F.name_group(id)
    if g and not seen[g] then
      seen[g] = true
      for _, x in ipairs(g) do
        if not seen[x] then seen[x], out[#out + 1] = true, x end
      end
    end
  end
  return out
end

-- What P.pick would keep of every candidate with no question yet: a later copy of an id is
-- dropped, `accept` (nil: all) decides each, and of ids sharing a name the first is kept.
local function base_static(ts, accept)
  local rej, kept = {}, {}
  for p = 1, ts.n do
    local id = ts.ids[p]
    local ok = ts:pos(id) == p
    if ok and accept then ok = accept(id) end
    ok = ok and first_of_name(kept, id)
    if not ok then rej[#rej + 1] = p end
  end
  return { rej = rej }
end

-- The same with `rejected` (a list of ids) left out, from the static of no filter: only those
-- ids and the name groups they are in are decided again.
local function static_without(ts, base, rejected)
  local redo = with_groups(rejected, {}, {})
  local out_set = {}
  for _, id in ipairs(rejected) do out_set[id] = true end
  local list, over = decide(ts, redo, function(id) return not out_set[id] end, {})
  if #list == 0 then return base end
  local rej = {}
  local bi, oi = 1, 1
  local br = base.rej
  while bi <= #br or oi <= #list do
    local b, o = br[bi], list[oi]
    if o == nil or (b ~= nil and b < o) then
      rej[#rej + 1] = b
      bi = bi + 1
    else
      if b == o then bi = bi + 1 end
      if not over[o] then rej[#rej + 1] = o end
      oi = oi + 1
    end
  end
  return { rej = rej }
end

-- The static of key `spec` (nil: no filter), kept for the few keys used last.
function Tiers:static(spec)
  if not spec then
    if not self.base then self.base = base_static(self, nil) end
    return self.base
  end
  local st = self.statics[spec.key]
  if st then return st end
  if spec.accept then
    st = base_static(self, spec.accept)
  else
    st = static_without(self, self:static(nil), spec.reject())
  end
  self.statics[spec.key] = st
  table.insert(self.recent, spec.key)
  if #self.recent > 16 then
    self.statics[table.remove(self.recent, 1)] = nil
  end
  return st
end

-- P.pick(rng, n, answers, tiers, q.ok, least) where tiers are q.prefix (if given) and then the
-- lists of ts; see above for q.
function P.pick_indexed(rng, n, answers, ts, q, least)
  local ok = q.ok
  local function fine(id)
    if not ok(id) then return false end
    for _, a in ipairs(answers) do
      if F.share_name(id, a) then return false end
    end
    return true
  end
  -- the prefix tier, as P.pick does it
  local seen, front, kept = {}, {}, {}
  for _, id in ipairs(q.prefix or {}) do
    if not seen[id] then
      seen[id] = true
      local good = fine(id)
      if good then
        for _, r in ipairs(front) do
          if F.share_name(id, r) then good = false break end
        end
      end
      if good then
        front[#front + 1] = id
        local g = F.name_group(id)
        if g then
          kept[g] = kept[g] or {}
          table.insert(kept[g], id)
        end
      end
    end
  end
  -- the candidates of ts this question treats apart, with their name groups
  local redo, mark = {}, {}
  with_groups(q.prefix or {}, redo, mark)
  with_groups(q.suspects or {}, redo, mark)
  with_groups(answers, redo, mark)
  for _, a in ipairs(answers) do with_groups(F.name_sharers(a), redo, mark) end
  local list, over = decide(ts, redo, function(id) return not seen[id] and fine(id) end, kept)
  local st = ts:static(q.static)
  local v = { rej = st.rej, over = over, over_list = list }
  local counts, total = {}, #front
  for t = 1, #ts.first do
    counts[t] = kept_upto(v, ts.first[t], ts.last[t])
    total = total + counts[t]
  end
  if total < (least or n) then return nil end
  local out = {}
  if q.prefix then
    for _, id in ipairs(rng:sample(front, math.min(n, #front))) do out[#out + 1] = id end
  end
  for t = 1, #ts.first do
    local need = n - #out
    if need <= 0 then break end
    local lo, hi, ids = ts.first[t], ts.last[t], ts.ids
    local got = vsample(rng, counts[t], function(i) return ids[kept_at(v, lo, hi, i)] end, math.min(need, counts[t]))
    for _, id in ipairs(got) do out[#out + 1] = id end
  end
  return out
end

-- Sorts candidates by a key list (smaller first), then by id, so a pool is fixed by the data.
function P.ranked(candidates, key)
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

-- Draws k from the best `width` (default k + 2) of a ranked pool; nil when the pool is too small
-- (skip the question).
function P.draw(rng, pool, k, width)
  if #pool < k then return nil end
  local top = {}
  for i = 1, math.min(#pool, width or (k + 2)) do top[i] = pool[i] end
  return rng:sample(top, k)
end

-- The parties that name x as what they split from, merged from or merged into: built once.
local tied_back
local function named_by(x)
  if not tied_back then
    tied_back = {}
    local function add(from, y)
      tied_back[from] = tied_back[from] or {}
      table.insert(tied_back[from], y)
    end
    for _, y in ipairs(F.sorted_ids("parties")) do
      local py = parties[y]
      if py.merged_into then add(py.merged_into, y) end
      for _, z in ipairs(py.split_from or {}) do add(z, y) end
      for _, z in ipairs(py.merged_from or {}) do add(z, y) end
    end
  end
  return tied_back[x] or {}
end

-- The parties tied to party x by a split or a merger, either way, and x itself.
function P.lineage(x)
  local s = { [x] = true }
  local px = parties[x]
  for _, y in ipairs(px.split_from or {}) do s[y] = true end
  for _, y in ipairs(px.merged_from or {}) do s[y] = true end
  if px.merged_into then s[px.merged_into] = true end
  for _, y in ipairs(named_by(x)) do s[y] = true end
  return s
end

-- The parties tied to x: its lineage, and those named with it in an event (the CPP's people were
-- in the CMKP, so one is never the wrong answer for the other). For anything but a party, x alone.
local related_cache = {}
function P.related(x)
  if related_cache[x] then return related_cache[x] end
  local s = { [x] = true }
  if parties[x] then
    s = P.lineage(x)
    for _, e in ipairs(halqa.index.events_of[x] or {}) do
      for _, y in ipairs(F.event_parties(events[e])) do s[y] = true end
    end
  end
  related_cache[x] = s
  return s
end

-- Whether y is none of the parties in `set` and goes by none of their names (the MKP of 1978 and
-- the MKP group that came out of it), so it may stand in for them as a wrong answer.
function P.apart(y, set)
  if set[y] then return false end
  for x in pairs(set) do
    if F.share_name(y, x) then return false end
  end
  return true
end

-- Whether an event within three years of `year` names id in its `field` ("people",
-- "organizations"): a record of the same moment is too likely to belong to an event to be offered
-- as one it is not in.
local years_named = {}
function P.named_near(field, id, year)
  if not years_named[field] then
    local near = {}
    for _, eid in ipairs(halqa.index.events_by_date) do
      for _, x in ipairs(events[eid][field] or {}) do
        near[x] = near[x] or {}
        near[x][#near[x] + 1] = events[eid].date.year
      end
    end
    years_named[field] = near
  end
  for _, y in ipairs(years_named[field][id] or {}) do
    if math.abs(y - year) <= 3 then return true end
  end
  return false
end

-- Every id P.named_near(field, id, year) is true for, as a list (an id may come twice).
local named_in_year = {}
function P.named_around(field, year)
  local by_year = named_in_year[field]
  if not by_year then
    by_year = {}
    for _, eid in ipairs(halqa.index.events_by_date) do
      local y = events[eid].date.year
      for _, x in ipairs(events[eid][field] or {}) do
        by_year[y] = by_year[y] or {}
        table.insert(by_year[y], x)
      end
    end
    named_in_year[field] = by_year
  end
  local out = {}
  for y = year - 3, year + 3 do
    for _, x in ipairs(by_year[y] or {}) do out[#out + 1] = x end
  end
  return out
end

return P
