-- generators/events/taking_part.lua: who and which parties took part in an event, beyond its title.

local S = require("generators.events.shared")
local ipairs = ipairs
local table, math = S.plain(table), S.plain(math)
local F, P = S.plain(require("lib.quiz.facts")), S.plain(require("lib.quiz.pick"))
local has, join_and = F.has, F.join_and
local the_list, names, confusable_with_any = S.the_list, S.names, S.confusable_with_any
local paren_date, person_type, named_in, tags = S.paren_date, S.person_type, S.named_in, S.tags
local near, far, walk = S.near, S.far, S.walk

-- Asks which records are linked to an event, with distractors from a ranked pool: one answer
-- as a choice, two to four as a multiple-answer question with as many distractors as fit in six
-- choices. `t` names the templates, the openings of the prompts (and a verb to close them), and
-- the topic tag.
local function linked(ctx, e, answers, pool, facts, explanation, t)
  if #answers == 1 then
    local picked = P.draw(ctx.rng, pool, 3, 5)
    if not picked then return end
    ctx:choice{
      template = t.one, facts = facts,
      prompt = t.which_is .. " “" .. e.title .. "”" .. paren_date(e) .. (t.tail or "") .. "?",
      answer = F.name(answers[1]), distractors = names(picked),
      explanation = explanation, sources = e.sources, tags = tags(e, t.tag),
    }
  else
    local k = math.min(3, 6 - #answers, #pool)
    if #answers + k < 4 then return end
    ctx:multi{
      template = t.all, facts = facts,
      prompt = t.which_are .. " “" .. e.title .. "”" .. paren_date(e) .. (t.tail or "") .. "? Choose all that apply.",
      answers = names(answers), distractors = names(P.draw(ctx.rng, pool, k, k + 2)),
      explanation = explanation, sources = e.sources, tags = tags(e, t.tag),
    }
  end
end

---------------------------------------------------------------------------------------------------
-- Who took part: the people an event names that its title does not

local function who(ctx, e)
  local people_list = F.undoubted(e, e.people)
  local answers = {}
  for _, pid in ipairs(people_list) do
    if not F.mentions(e.title, pid) then answers[#answers + 1] = pid end
  end
  if #answers == 0 or #answers > 4 then return end
  local named = named_in(e) -- what F.mentions(F.event_text(e), id) says, for every id
  local kinds = {}
  for _, pid in ipairs(answers) do kinds[person_type(pid)] = true end
  -- the first five of the people absent from the event, not in it, not named in it and not
  -- confusable with its people, ranked by { a type of the answers' 0, else 1; era gap } and id
  -- (linked() draws from no more than five)
  local first, then_ = {}, {}
  for _, x in ipairs(near("people", e.date)) do
    if far(x, 5) then table.insert(kinds[x.g.ptype] and first or then_, x) end
  end
  local pool = {}
  walk({ first, then_ }, function(other)
    if not has(e.people or {}, other) and not named[other] and not confusable_with_any(other, people_list) then
      pool[#pool + 1] = other
    end
    return #pool >= 5
  end)
  local explanation = "“" .. e.title .. "”" .. paren_date(e) .. " involved " .. join_and(names(people_list)) .. "."
  local facts = { e.id }
  for _, pid in ipairs(answers) do facts[#facts + 1] = pid end
  linked(ctx, e, answers, pool, facts, explanation,
         { one = "who", all = "who_all", which_is = "Which of these people comes into the story of",
           which_are = "Which of these people come into the story of", tag = "people" })
end

---------------------------------------------------------------------------------------------------
-- Which parties took part: the parties an event names that its title does not, even a party of
-- most events (the CPP): every event's parties are a fact to ask (`halqa check --coverage`).
-- Mergers and splits have their own questions (mergers_splits.lua).

local function parties_in(ctx, e)
  if e.kind == "merger" or e.kind == "split" then return end
  local all = F.event_parties(e)
  if #all == 0 then return end
  local answers = {}
  for _, p in ipairs(all) do
    if not F.mentions(e.title, p) then answers[#answers + 1] = p end
  end
  if #answers == 0 or #answers > 4 then return end
  local named = named_in(e)
  -- the first five (linked() draws from no more) by era gap and id
  local groups = {}
  for _, x in ipairs(near("parties", e.date)) do
    if far(x, 3) then groups[#groups + 1] = x end
  end
  local pool = {}
  walk({ groups }, function(p)
    if not has(all, p) and not named[p] and not confusable_with_any(p, all) then pool[#pool + 1] = p end
    return #pool >= 5
  end)
  local explanation = "“" .. e.title .. "”" .. paren_date(e) .. " involved " .. the_list(all) .. "."
  linked(ctx, e, answers, pool, { e.id }, explanation,
         { one = "party", all = "parties", which_is = "Which party does",
           which_are = "Which of these parties does", tail = " concern", tag = "parties" })
end

return { who = who, parties = parties_in }
