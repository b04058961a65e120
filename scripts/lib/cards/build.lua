-- lib/cards/build.lua: making flashcards. A card generator (a file in cards/) gets a context
-- whose card{} method adds one card; cards made from a question generator's typed questions come
-- from from_questions(). A card's id is its deck and the ids of the facts it shows, so editing
-- the dataset keeps the progress of every fact that did not change.

local F = require("lib.quiz.facts")
local Q = require("lib.quiz.question")
local faces = require("lib.cards.faces")

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
-- questions' wording does not depend on the seed); with every_kind, a card for each of its
-- questions, the front showing the choices (lib/cards/faces.lua) and a typed letter graded as a
-- quiz grades it. The variant keeps cards apart when one set of facts is asked in several ways.
function C.from_questions(ctx, name, every_kind)
  local gen
  for _, g in ipairs(require("lib.quiz.bank").generators()) do
    if g.name == name then gen = g end
  end
  if not gen then return end
  local qctx = Q.context(name, halqa.random("cards:" .. name), function(q)
    if TYPED[q.kind] or every_kind then
      -- a question id is generator.template.facts[.variant]; the card keeps template and variant
      local template, variant = q.id:match("^[^.]+%.([^.]+)%.[^.]+(.*)$")
      ctx:card{
        facts = q.facts, variant = template .. variant,
        front = TYPED[q.kind] and q.prompt or faces.front(q),
        back = (TYPED[q.kind] and q.answer or faces.answer(q)) .. (q.explanation ~= "" and ("\n" .. q.explanation) or ""),
        sources = q.sources, tags = q.tags,
        check = { kind = q.kind, answer = q.answer, accepted = q.accepted, person = q.person,
                  date = q.date, number = q.number, approx = q.approx, choices = q.choices,
                  correct = q.correct, left = q.left, statement = q.statement },
      }
    end
  end)
  gen.generate(qctx)
end

-- Every card of every card generator, as a list, in deck order; then a deck for each question
-- generator that asks for one (cards = true, as an imported question set does) and has no card
-- generator of its name.
function C.all()
  local cards, decks = {}, {}
  local function sink(card) cards[#cards + 1] = card end
  for _, modname in ipairs(halqa.scripts("cards")) do
    local gen = require(modname)
    local deck = gen.deck or modname:match("([^.]+)$")
    decks[deck] = true
    gen.generate(C.context(deck, sink))
  end
  for _, g in ipairs(require("lib.quiz.bank").generators()) do
    if g.cards and not decks[g.name] then C.from_questions(C.context(g.name, sink), g.name, true) end
  end
  return cards
end

return C
