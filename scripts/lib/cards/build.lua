-- lib/cards/build.lua: making flashcards. A card generator (a file in cards/) gets a context
-- whose card{} method adds one card; cards made from a question generator's typed questions come
-- from from_questions(). A card's id is its deck and the ids of the facts it shows, so editing
-- the dataset keeps the progress of every fact that did not change.

local F = require("lib.quiz.facts")
local Q = require("lib.quiz.question")

local C = {}

-- The kinds of question whose answer a learner can type on a card and have graded.
local TYPED = { short = true, cloze = true, date = true, number = true }

local function copy(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = v end
  return out
end

-- A context for one card generator; sink(card) receives each card.
function C.context(deck, sink)
  local ctx = { deck = deck }
  function ctx:card(spec)
    assert(type(spec.front) == "string" and spec.front ~= "", "a card needs a front")
    assert(type(spec.back) == "string" and spec.back ~= "", "a card needs a back")
    assert(type(spec.facts) == "table" and #spec.facts > 0, "a card needs the ids of its facts")
    local facts = copy(spec.facts)
    local parties = {}
    for _, id in ipairs(facts) do
      for p in pairs(F.parties_of(id)) do parties[p] = true end
    end
    local card = {
      id = deck .. "." .. table.concat(facts, "+") .. (spec.variant and ("." .. spec.variant) or ""),
      deck = deck, front = spec.front, back = spec.back, facts = facts,
      source = F.cite(spec.sources), parties = F.sorted_keys(parties), tags = copy(spec.tags),
      -- how a typed answer is graded: a question without choices
      check = spec.check,
    }
    sink(card)
    return card
  end
  return ctx
end

-- Adds a card for every typed-answer question of the question generator `name` (seed 1: the
-- questions' wording does not depend on the seed). The variant keeps cards apart when one set of
-- facts is asked in several ways.
function C.from_questions(ctx, name)
  local gen
  for _, g in ipairs(require("lib.quiz.bank").generators()) do
    if g.name == name then gen = g end
  end
  if not gen then return end
  local qctx = Q.context(name, halqa.random("cards:" .. name), function(q)
    if TYPED[q.kind] then
      -- a question id is generator.template.facts[.variant]; the card keeps template and variant
      local template, variant = q.id:match("^[^.]+%.([^.]+)%.[^.]+(.*)$")
      ctx:card{
        facts = q.facts, variant = template .. variant,
        front = q.prompt, back = q.answer .. (q.explanation ~= "" and ("\n" .. q.explanation) or ""),
        sources = q.sources, tags = q.tags,
        check = { kind = q.kind, answer = q.answer, accepted = q.accepted, person = q.person,
                  date = q.date, number = q.number, approx = q.approx },
      }
    end
  end)
  gen.generate(qctx)
end

-- Every card of every card generator, as a list, in deck order.
function C.all()
  local cards = {}
  for _, modname in ipairs(halqa.scripts("cards")) do
    local gen = require(modname)
    local deck = gen.deck or modname:match("([^.]+)$")
    gen.generate(C.context(deck, function(card) cards[#cards + 1] = card end))
  end
  return cards
end

return C
