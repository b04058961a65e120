-- commands/cards.lua: `cards [DECK]` — review flashcards: due cards first, then new ones up to a
-- daily limit. Decks: dates, leaders, events, organizations, or a party id (CPP, CMKP, ...).
-- New and lapsed cards go through short learning steps within the session (lib.cards.learning).

local options, build, review, learning, optimize
local function load_libs()
  options, build, review = require("lib.options"), require("lib.cards.build"), require("lib.cards.review")
  learning, optimize = require("lib.cards.learning"), require("lib.cards.optimize")
end

local spec = {
  { nil, "new", "N", "new cards a day, across sessions (default 20)", type = "int", default = 20,
    check = function(n) return n >= 0, "must be 0 or more" end },
  { "n", "limit", "N", "at most this many cards this session (default 100)", type = "int", default = 100,
    check = function(n) return n > 0, "must be at least 1" end },
  { "r", "retention", "R", "target recall 0.7-0.99 (0.9); kept for a DECK",
    type = "number", check = function(r) return r >= 0.7 and r <= 0.99, "must be between 0.7 and 0.99" end },
  { nil, "steps", "LIST", "new cards' steps (\"1m 10m\"; \"\" for none)" },
  { nil, "relearning-steps", "LIST", "forgotten cards' steps (\"10m\")" },
  { nil, "optimize", nil, "fit the weights to your reviews, then stop", type = "flag" },
  args = "decks", -- what Tab offers for DECK
}

-- Brings the store in line with the card generators: new cards added, vanished ones retired.
-- Returns the cards by id, with what the store does not keep (how to grade, the parties).
local function sync()
  local by_deck, by_id, order = {}, {}, {}
  for _, c in ipairs(build.all()) do
    if not by_deck[c.deck] then
      by_deck[c.deck] = {}
      order[#order + 1] = c.deck
    end
    table.insert(by_deck[c.deck], { id = c.id, front = c.front, back = c.back, source = c.source, facts = c.facts })
    by_id[c.id] = c
  end
  for _, deck in ipairs(order) do halqa.store.sync_cards(deck, by_deck[deck]) end
  return by_id, order
end

-- A deck name is a card deck or a party id; returns the store deck (nil for a party) and a test.
local function choose_deck(name, decks)
  if not name then return nil, function() return true end end
  for _, d in ipairs(decks) do
    if d == name then return name, function() return true end end
  end
  if parties[name] then
    return nil, function(card)
      for _, p in ipairs(card.parties) do
        if p == name then return true end
      end
      return false
    end
  end
  options.error("cards", spec, "no deck '" .. name .. "' (decks: " .. table.concat(decks, ", ") .. ", or a party id such as CPP)")
end

halqa.command("cards", "cards [DECK] [--new N] [--limit N] [--optimize]  review flashcards, due ones first\n\n" ..
  "Decks: dates, leaders, events, organizations (and any in your scripts/cards/), or a party id such as CPP " ..
  "or CMKP for every card about it. Without DECK, all decks.\n\n" ..
  "Keys: type the answer (halqa grades it and proposes a rating), or press Enter to see the back; then " ..
  "1 again, 2 hard, 3 good, 4 easy (Enter keeps the proposed rating); undo takes back the last rating; quit stops.\n\n" ..
  "Examples:\n  cards\n  cards dates --limit 20\n  cards CPP --new 5\n\n`cards --help` lists every option.", function(args)
  load_libs()
  local opts, rest = options.parse("cards", args, spec)
  if not opts then return end -- --help was printed
  if #rest > 1 then options.error("cards", spec, "unexpected argument '" .. rest[2] .. "'") end
  if opts.optimize then
    if rest[1] then options.error("cards", spec, "--optimize fits every deck at once: no DECK") end
    optimize.run(true)
    return
  end
  local config = {}
  if opts.steps then config.learning_steps = optimize.steps(opts.steps) end
  if opts["relearning-steps"] then config.relearning_steps = optimize.steps(opts["relearning-steps"]) end
  local ok, err = pcall(halqa.store.configure, config)
  if not ok then options.error("cards", spec, (tostring(err):gsub("^.-%((.*)%)$", "%1"))) end
  local by_id, decks = sync()
  local deck, wanted = choose_deck(rest[1], decks)
  if opts.retention and deck then
    halqa.store.set_deck_retention(deck, opts.retention) -- a deck option, as in Anki: it stays
    print(require("lib.text").wrap(string.format("Desired retention for %s: %.2f (kept for this deck).", deck,
      opts.retention), halqa.columns(), "  "))
  elseif opts.retention then
    halqa.store.configure{ desired_retention = opts.retention } -- this session, every deck
  end
  -- Due cards first, then new cards while today's allowance lasts.
  local queue, waiting, now = {}, learning.new(), os.time()
  -- Siblings (cards on the same facts: "When was the CMKP founded?" and "____ was founded in
  -- 1995. Which party?") give each other away, so one of them a session, as Anki buries siblings.
  -- Same facts, not one shared fact: every card of `cards CPP` shares the fact CPP.
  local shown_facts = {}
  local function facts_key(card)
    local f = table.move(card.facts, 1, #card.facts, 1, {})
    table.sort(f)
    return table.concat(f, " ")
  end
  local function sibling(card) return shown_facts[facts_key(card)] end
  local function take(list, max)
    for _, stored in ipairs(list) do
      if #queue + learning.count(waiting) >= opts.limit or max <= 0 then return end
      local card = by_id[stored.id]
      if card and wanted(card) and not sibling(card) then
        shown_facts[facts_key(card)] = true
        card.reps = stored.reps
        if stored.due_time and stored.due_time > now then
          learning.add(waiting, card, stored.due_time) -- a step from earlier today, not due yet
        else
          queue[#queue + 1] = card
        end
        max = max - 1
      end
    end
  end
  take(halqa.store.due(deck, 100000), math.huge)
  local allowance = opts.new - halqa.store.new_today(deck)
  if allowance > 0 then take(halqa.store.new_cards(deck, 100000), allowance) end
  if #queue == 0 and learning.count(waiting) > 0 then -- only steps not due yet: learn ahead
    local first = learning.take(waiting, now, false)
    if first then queue[1] = first end
  end
  if #queue == 0 then
    print(require("lib.text").wrap("Nothing to review" .. (rest[1] and (" in " .. rest[1]) or "")
      .. " today. Come back tomorrow, or take a quiz.", halqa.columns(), "  "))
    require("lib.embed.events").emit("summary", { mode = "cards", reviewed = 0, again = 0, hard = 0, good = 0,
      easy = 0, seconds = 0, ended_early = false, waiting = 0 })
    return
  end
  local mode, why = halqa.store.mode()
  print(require("lib.text").wrap(string.format("%d card%s to review%s. Type the answer, or press Enter to see the back; undo, quit.",
    #queue, #queue == 1 and "" or "s", mode == "saving" and "" or (" (not saving: " .. why .. ")")), halqa.columns()))
  local session = halqa.store.begin_session("cards", { deck = rest[1] or "all" })
  local summary = review.run(queue, session, waiting)
  halqa.store.end_session(session)
  print(review.summary(summary))
  summary.mode = "cards"
  require("lib.embed.events").emit("summary", summary)
end, function() return spec end)
