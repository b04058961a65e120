-- exports/apkg.lua: `export --format apkg -o FILE.apkg [--with-progress]` — an Anki package: a
-- zip (halqa.zip) holding the collection (halqa.sqlite_image, lib/export/anki.lua) and an empty
-- media list. Every question is a note of its kind's note type, front and back as flashcards
-- show them (lib/export/cards.lua), tags from its tags, the citation on the back, in the deck
-- "halqa::NAME" of its halqa deck (the card deck made from its generator). --with-progress adds
-- the halqa review history of each question's flashcard as Anki revlog rows and its schedule
-- (interval, due day, reviews, lapses), so a learner moving to Anki keeps where they are.

local E, C, A = require("lib.export.format"), require("lib.cards.faces"), require("lib.export.anki")

-- Anki's fields are HTML.
local ENTITIES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;" }
local function html(s) return (s:gsub("[&<>]", ENTITIES):gsub("\n", "<br>")) end

-- The id of the flashcard halqa makes from question q (lib/cards/build.lua from_questions).
local function card_id(q)
  local template, variant = q.id:match("^[^.]+%.([^.]+)%.[^.]+(.*)$")
  return q.generator .. "." .. table.concat(q.facts, "+") .. "." .. (template or "") .. (variant or "")
end

-- One question as the note it becomes, kept with what the package needs to place it.
local function note(q, n)
  local flds = table.concat({ html(C.front(q)), html(C.answer(q) .. (q.explanation ~= "" and ("\n" .. q.explanation) or "")),
                              html("Source: " .. q.source) }, "\31")
  return { n = n, kind = q.kind, deck = "halqa::" .. q.generator, guid = q.id, flds = flds,
           tags = " " .. table.concat(C.tags(q), " ") .. " ", card = card_id(q), facts = q.facts }
end

local kinds = {}
for k in pairs(require("lib.quiz.question").kinds) do kinds[k] = note end

-- The halqa schedule and reviews of a flashcard as Anki's card fields and revlog rows.
local function progress(item, card, cid, crt_day, revlog)
  if not card or (card.reps or 0) == 0 then return nil end
  local last_ivl, n = 0, 0
  for _, h in ipairs(halqa.store.history(item.facts[1])) do
    if h.kind == "review" and h.card == item.card then
      n = n + 1
      local ivl = math.max(1, math.floor((h.interval or 0) + 0.5))
      local id = math.floor(h.time * 1000)
      while revlog.used[id] do id = id + 1 end -- a revlog id is its time in ms, and unique
      revlog.used[id] = true
      revlog[#revlog + 1] = { id = id, cid = cid, ease = h.rating, ivl = ivl,
        last_ivl = last_ivl, factor = 2500, time = 0,
        type = n == 1 and 0 or (h.rating == 1 and 2 or 1) }
      last_ivl = ivl
    end
  end
  return { type = 2, queue = 2, due = (card.due_day or crt_day) - crt_day,
           ivl = math.max(1, math.floor((card.interval or 1) + 0.5)), factor = 2500,
           reps = card.reps, lapses = card.lapses or 0 }
end

local function assemble(items, opts)
  local today = halqa.store.today()
  local crt_day = today - 3650 -- days of the collection; due days count from it
  local mod = today * 86400
  local c = { crt = crt_day * 86400, mod = mod, models = {}, decks = {}, notes = {}, cards = {}, revlog = { used = {} } }
  local did1, default = A.deck("Default", mod)
  c.decks[did1] = default
  local mids, dids = {}, {}
  for _, it in ipairs(items) do
    if not mids[it.kind] then
      local id, m = A.model(it.kind, mod, 1)
      mids[it.kind], c.models[id] = id, m
    end
    if not dids[it.deck] then
      local id, d = A.deck(it.deck, mod)
      dids[it.deck], c.decks[id] = id, d
    end
    local nid, cid = mod * 1000 + it.n, mod * 1000 + it.n
    c.notes[#c.notes + 1] = { id = nid, guid = it.guid, mid = mids[it.kind], tags = it.tags, flds = it.flds }
    local sched = opts["with-progress"] and progress(it, halqa.store.card(it.card), cid, crt_day, c.revlog)
    local k = sched or { type = 0, queue = 0, due = it.n, ivl = 0, factor = 0, reps = 0, lapses = 0 }
    k.id, k.nid, k.did = cid, nid, dids[it.deck]
    c.cards[#c.cards + 1] = k
  end
  local db = halqa.sqlite_image(A.statements(c))
  return halqa.zip({ { name = "collection.anki2", data = db }, { name = "media", data = "{}" } })
end

return E.format{
  name = "apkg",
  description = "the question bank as an Anki package (-o FILE.apkg; --with-progress keeps your reviews)",
  kinds = kinds,
  assemble = assemble,
  options = { { nil, "with-progress", nil, "add your halqa review history and schedule", type = "flag" } },
  needs = "zip",
}
