-- generators/events/mergers_splits.lua: what merged or split, into what, and what a group left.

local S = require("generators.events.shared")
local ipairs = ipairs
-- a name as compared, without what its brackets add ("Mazdoor Kissan Party (present-day)")
local function norm(s) return halqa.normalize((s:gsub("%b()", " "))) end
local math = S.plain(math)
local parties = parties
local F, P = S.plain(require("lib.quiz.facts")), S.plain(require("lib.quiz.pick"))
local has, the = F.has, F.the_short
local the_list, names, date_phrase, tags = S.the_list, S.names, S.date_phrase, S.tags
local near, walk, group_absent, outside = S.near, S.walk, S.group_absent, S.outside
local claim_of, render = S.claim_of, S.render
local origin_elsewhere, group_origin_elsewhere = S.origin_elsewhere, S.group_origin_elsewhere
local not_merged_in, not_merger_result = S.not_merged_in, S.not_merger_result
local served_in, not_joined = S.served_in, S.not_joined

-- The parties outside event e that also pass `extra`, nearest to its time first (era gap, then
-- id): the first five, as no question draws from more. `group_ok(g)` may turn down a whole group
-- of parties (time_groups in shared.lua) for which extra is false.
local function other_parties(e, extra, group_ok)
  local ok = outside(e)
  local groups = {}
  for _, x in ipairs(near("parties", e.date)) do
    if not group_ok or group_ok(x.g) then groups[#groups + 1] = x end
  end
  local out = {}
  walk({ groups }, function(p)
    if ok(p) and (not extra or extra(p)) then out[#out + 1] = p end
    return #out >= 5
  end)
  return out
end

local function mergers(ctx, e)
  local c = claim_of(e)
  if not c or c.form ~= "merger" then return end
  local from, fact = c.from, render(c)
  -- Which took part (multiple answers) or, with one, which merged in.
  local listed = parties[e.formed].merged_from
  local complete = listed and #listed > 0
  local members = other_parties(e, function(p) return not_merged_in(p, e, e.formed) end,
                                function(g) return complete or group_absent(g, e, 3) end)
  if #from >= 2 then
    local k = math.min(3, 6 - #from, #members)
    if #from + k >= 4 then
      ctx:multi{
        template = "merged_members", facts = { e.id },
        prompt = "Which of these merged" .. date_phrase(e) .. " to form the " .. F.name(e.formed) ..
                 "? Choose all that apply.",
        answers = names(from), distractors = names(P.draw(ctx.rng, members, k, k + 2)),
        explanation = fact, sources = e.sources, tags = tags(e, "parties"),
      }
    end
  else
    local picked = P.draw(ctx.rng, members, 3, 5)
    if picked then
      ctx:choice{
        template = "merged_in", facts = { e.id },
        prompt = "Which party merged into the " .. F.name(e.formed) .. date_phrase(e) .. "?",
        answer = F.name(from[1]), distractors = names(picked),
        explanation = fact, sources = e.sources, tags = tags(e, "parties"),
      }
    end
  end
  -- What they formed.
  local settled = true
  for _, f in ipairs(from) do
    if parties[f].merged_into ~= e.formed then settled = false end
  end
  local results = other_parties(e, function(p) return not_merger_result(p, e, from, e.formed) end,
                                function(g) return settled or group_absent(g, e, 3) end)
  local picked = P.draw(ctx.rng, results, 3, 5)
  -- a party named after one that made it (the Mazdoor Kissan Party out of the Pakistan Mazdoor
  -- Kissan Party) would stand in the prompt
  local echoes = false
  for _, f in ipairs(from) do
    if F.has_words(norm(F.name(f)), norm(F.name(e.formed))) then echoes = true end
  end
  if picked and not echoes then
    local prompt = #from > 1
      and (F.capital(the_list(from)) .. " merged" .. date_phrase(e) .. ". What party did they form?")
      or ("Which party did " .. the(from[1]) .. " merge into" .. date_phrase(e) .. "?")
    ctx:choice{
      template = "merger_result", facts = { e.id },
      prompt = prompt, answer = F.name(e.formed), distractors = names(picked),
      explanation = fact, sources = e.sources, tags = tags(e, "parties"),
    }
  end
end

-- "In 1966, " to open a sentence about event e, or "" when its date is inferred (a split is told
-- as it came, with or without a date).
local function lead(e)
  return F.askable(e.date) and (F.when(e.date) .. ", ") or ""
end

local function splits(ctx, e)
  local c = claim_of(e)
  if not c or (c.form ~= "split" and c.form ~= "join") then return end
  local from, target, fact = c.from[1], c.formed, render(c)
  -- a breakaway named after the party it left ("Mazdoor Kisan Party (Major Ishaque group)")
  -- would answer either question: only which party was left is asked, without naming the
  -- breakaway, when no other split may share its year
  local echoes = F.has_words(norm(F.name(target)), norm(F.name(from)))
  if echoes then
    if c.form ~= "split" or not c.date then return end
    for _, id in ipairs(halqa.index.events_by_date) do
      local other = events[id]
      if id ~= e.id and other.kind == "split" and F.overlaps(other.date, e.date) then return end
    end
  end
  -- Where the group went.
  local pool = other_parties(e, function(p)
    if c.form == "join" then return not_joined(p, e, from) end
    return origin_elsewhere(p, from, e.date) and not served_in(e, p)
  end, function(g)
    if c.form == "join" then return group_absent(g, e, 3) end
    return group_origin_elsewhere(g, e.date)
  end)
  local picked = P.draw(ctx.rng, pool, 3, 5)
  if picked and not echoes then
    local prompt = c.form == "join"
      and ("Which party did members who left the " .. F.name(from) .. date_phrase(e) .. " join?")
      or (F.capital(lead(e)) .. "a group left the " .. F.name(from) .. ". Which party came out of the split?")
    ctx:choice{
      template = "split_into", facts = { e.id },
      prompt = prompt, answer = F.name(target), distractors = names(picked),
      explanation = fact, sources = e.sources, tags = tags(e, "parties"),
    }
  end
  -- Which party they left.
  if c.form == "split" then
    local sources_pool = other_parties(e, function(p)
      return not has(parties[target].split_from, p) and parties[target].merged_into ~= p
    end)
    local picked2 = P.draw(ctx.rng, sources_pool, 3, 5)
    if picked2 then
      ctx:choice{
        template = "split_from", facts = { e.id },
        prompt = echoes and (F.capital(lead(e)) .. "a group broke away from a party and set up a party of its own. Which party did it leave?")
          or (F.capital(lead(e)) .. "the " .. F.name(target) .. " came out of a split. Which party did the breakaway group leave?"),
        answer = F.name(from), distractors = names(picked2),
        explanation = fact, sources = e.sources, tags = tags(e, "parties"),
      }
    end
  end
end

return { mergers = mergers, splits = splits }
