-- lib/cards/review.lua: a flashcard review session — due cards first, then new ones; the learner
-- types an answer (graded, and turned into the rating) or reveals the back and rates 1-4; `undo`
-- takes back the last rating, `quit` stops. Every rating is committed to the store at once.
--
-- Typed answers propose their own rating, because self-rating is easy to inflate: an exact answer
-- is Good, an exact answer within FAST_SECONDS is Easy, a near miss is Hard, a wrong one is Again.
-- The learner sees the proposal and may override it with 1-4 (Enter keeps it). Beside each rating
-- is the next interval it would give, from the store's own scheduler (halqa.store.preview).

local T = require("lib.text")
local learning = require("lib.cards.learning")
local embed = require("lib.embed.events")

local R = {}

local FAST_SECONDS = 8
local RATING_NAMES = { "Again", "Hard", "Good", "Easy" }
local RATING_COLORS = { "red", "yellow", "green", "cyan" }
local FROM_VERDICT = { correct = 3, near = 2, wrong = 1 }

local function say(text) print(text) end

local function days_text(n)
  if n <= 0 then return "later today" end
  if n == 1 then return "tomorrow" end
  return "in " .. n .. " days"
end

-- "1 Again today · 2 Hard 1 day · 3 Good 3 days · 4 Easy 8 days": each rating with the interval
-- the store would give it now, the proposed one marked; wrapped to the screen.
local function short_days(n)
  if n <= 0 then return "today" end
  return n == 1 and "1 day" or (n .. " days")
end

-- What a rating would do, short: a learning step ("10 min") or a day interval ("3 days").
local function outcome_text(o)
  if o.minutes and o.minutes > 0 then
    return o.minutes < 60 and (o.minutes .. " min") or ((o.minutes // 60) .. " h")
  end
  return short_days(o.interval)
end

function R.rating_choices(card_id, proposed)
  local iv = halqa.store.preview(card_id)
  local lines, line = {}, ""
  for r = 1, 4 do
    local text = string.format("%d %s %s", r, RATING_NAMES[r], outcome_text(iv[r]))
    if r == proposed then text = "[" .. text .. "]" end
    if line ~= "" and T.width(line) + 3 + T.width(text) > halqa.columns() then
      lines[#lines + 1], line = line, ""
    end
    line = line == "" and text or (line .. " · " .. text) -- a rating and its interval stay on one line
  end
  lines[#lines + 1] = line
  return table.concat(lines, "\n")
end

-- Reads one rating 1-4 (or undo/quit); Enter keeps proposed when there is one. Returns the
-- rating or a word.
local function read_rating(card_id, proposed, back)
  say(T.color("dim", R.rating_choices(card_id, proposed)))
  local choices = {}
  for r, o in ipairs(halqa.store.preview(card_id)) do
    choices[r] = { rating = r, name = RATING_NAMES[r], minutes = o.minutes, interval = o.interval }
  end
  embed.emit("rating", { card = card_id, back = back, proposed = proposed, choices = choices })
  local prompt = proposed and string.format("rating [Enter = %d %s] > ", proposed, RATING_NAMES[proposed])
    or "rating 1-4 > "
  while true do
    local line = halqa.readline(prompt)
    if line == nil then return "quit" end
    local w = line:match("^%s*(.-)%s*$"):lower()
    if w == "quit" or w == "undo" then return w end
    if w == "" and proposed then return proposed end
    local n = tonumber(w)
    if n and n >= 1 and n <= 4 and n == math.floor(n) then return math.tointeger(n) end
    say(proposed and "Press Enter, or type 1, 2, 3 or 4 (or undo, quit)." or "Type 1, 2, 3 or 4 (or undo, quit).")
  end
end

-- After a typed answer: the grade's feedback, the back only when the feedback does not already
-- say it (no "Correct: 1950s" then "1950s"), the rating halqa proposes, and the learner's choice.
local function rate_typed(card, g, proposed)
  say(T.color(g.correct and "green" or (g.verdict == "near" and "yellow" or "red"), T.wrap(g.feedback, halqa.columns(), "  ")))
  local back = card.back
  local first, rest = back:match("^([^\n]*)\n?(.*)$")
  if g.feedback:find(first, 1, true) then back = rest end -- the answer line is in the feedback already
  if back ~= "" then say(T.color("dim", T.wrap("  " .. back, halqa.columns(), "  "))) end
  say("halqa rates this " .. T.color(RATING_COLORS[proposed], RATING_NAMES[proposed]) .. ".")
  embed.emit("grade", { card = card.id, verdict = g.verdict, feedback = g.feedback, back = card.back,
                         proposed = proposed, source = card.source })
  return read_rating(card.id, proposed, card.back)
end

-- Shows one card and gets its rating; returns rating, how it was graded, the answer typed; or a
-- word ("undo", "quit").
local function ask(card)
  local started = halqa.clock()
  while true do
    local line = halqa.readline("> ")
    if line == nil then return "quit" end
    local w = line:match("^%s*(.-)%s*$")
    if w == "quit" or w == "undo" then return w end
    if w == "" or w == "show" then
      say(T.color("bold", "Back: ") .. T.wrap(card.back, halqa.columns() - 6, "      "))
      local r = read_rating(card.id, nil, card.back)
      if type(r) == "string" then return r end
      return r, "self", ""
    end
    local g = halqa.grade(card.check, w)
    if g.verdict ~= "unclear" then
      local proposed = FROM_VERDICT[g.verdict]
      if proposed == 3 and halqa.clock() - started <= FAST_SECONDS then proposed = 4 end
      local r = rate_typed(card, g, proposed)
      if type(r) == "string" then return r end
      return r, "typed", w
    end
    say(T.color("yellow", T.wrap(g.feedback, halqa.columns(), "  ")))
    embed.emit("grade", { card = card.id, verdict = "unclear", feedback = g.feedback, retry = true })
  end
end

-- Runs a session over queue (a list of cards from the store, joined with their check tables).
-- waiting (lib.cards.learning, may be nil) holds cards whose learning step is not due yet.
-- Returns the summary counts.
function R.run(queue, session, waiting)
  local done = { 0, 0, 0, 0 }
  local history = {}       -- cards rated this session, for undo
  local i = 1
  local started = halqa.clock()
  waiting = waiting or learning.new()
  while true do
    local back = learning.take(waiting, os.time(), i <= #queue)
    if back then table.insert(queue, i, back) end -- a step fell due: show it next
    if i > #queue then break end
    local card = queue[i]
    say("")
    say(T.color("bold", string.format("Card %d of %d  [%s%s]", i, #queue, card.deck, card.reps == 0 and " · new" or "")))
    say(T.wrap(card.front, halqa.columns()))
    say(T.color("dim", T.wrap("(type your answer, or press Enter to see the back)", halqa.columns())))
    embed.emit("card", { id = card.id, deck = card.deck, index = i, total = #queue, front = card.front,
                          new = card.reps == 0 })
    local rating, graded, answer = ask(card)
    if rating == "quit" then break end
    if rating == "undo" then
      local id = halqa.store.undo(session)
      if id and #history > 0 then
        local last = table.remove(history)
        done[last.rating] = done[last.rating] - 1
        learning.remove(waiting, last.card) -- its step is taken back too
        last.card.reps = last.card.reps - 1
        i = i - 1 -- the card just rated is queue[i - 1]: show it again
        say("Took back the last rating (" .. RATING_NAMES[last.rating] .. ").")
        embed.emit("undo", { card = last.card.id, rating = last.rating })
      else
        say("Nothing to undo.")
        embed.emit("undo", {})
      end
    else
      local s = halqa.store.review(card.id, rating, { graded = graded, answer = answer, session = session })
      done[rating] = done[rating] + 1
      history[#history + 1] = { card = card, rating = rating }
      card.reps = card.reps + 1 -- no longer new, if it comes back on a step
      if s.minutes > 0 then -- a learning step: seen again when it is due
        learning.add(waiting, card, s.due_time)
        say(T.color(RATING_COLORS[rating], RATING_NAMES[rating]) .. ": back " .. learning.step_text(s.minutes) .. ".")
      else
        say(T.color(RATING_COLORS[rating], RATING_NAMES[rating]) .. ": next review " .. days_text(s.interval) .. ".")
      end
      embed.emit("rated", { card = card.id, rating = rating, name = RATING_NAMES[rating], graded = graded,
                             minutes = s.minutes, interval = s.interval })
      i = i + 1
    end
  end
  return { again = done[1], hard = done[2], good = done[3], easy = done[4],
           reviewed = done[1] + done[2] + done[3] + done[4], seconds = halqa.clock() - started,
           ended_early = i <= #queue, waiting = learning.count(waiting) }
end

function R.summary(s)
  local lines = { "", T.color("bold", string.format("Reviewed %d card%s in %d:%02d.", s.reviewed,
    s.reviewed == 1 and "" or "s", math.floor(s.seconds / 60), math.floor(s.seconds % 60))) }
  lines[#lines + 1] = string.format("Again %d · Hard %d · Good %d · Easy %d", s.again, s.hard, s.good, s.easy)
  if (s.waiting or 0) > 0 then
    lines[#lines + 1] = T.wrap(string.format("%d card%s still on a learning step: due again later today.",
      s.waiting, s.waiting == 1 and " is" or "s are"), halqa.columns())
  end
  return table.concat(lines, "\n")
end

return R
