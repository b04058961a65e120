-- lib/cards/review.lua: a flashcard review session — due cards first, then new ones; the learner
-- types an answer (graded, and turned into the rating) or reveals the back and rates 1-4; `undo`
-- takes back the last rating, `quit` stops. Every rating is committed to the store at once.
--
-- Typed answers rate themselves, because self-rating is easy to inflate: an exact answer is Good,
-- an exact answer within FAST_SECONDS is Easy, a near miss is Hard, a wrong one is Again.

local T = require("lib.text")
local learning = require("lib.cards.learning")

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

-- Reads one rating 1-4 (or undo/quit); returns the rating or a word.
local function read_rating()
  while true do
    local line = halqa.readline("rate 1 again, 2 hard, 3 good, 4 easy > ")
    if line == nil then return "quit" end
    local w = line:match("^%s*(.-)%s*$"):lower()
    if w == "quit" or w == "undo" then return w end
    local n = tonumber(w)
    if n and n >= 1 and n <= 4 and n == math.floor(n) then return math.tointeger(n) end
    say("Type 1, 2, 3 or 4 (or undo, quit).")
  end
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
      local r = read_rating()
      if type(r) == "string" then return r end
      return r, "self", ""
    end
    local g = halqa.grade(card.check, w)
    if g.verdict ~= "unclear" then
      local rating = FROM_VERDICT[g.verdict]
      if rating == 3 and halqa.clock() - started <= FAST_SECONDS then rating = 4 end
      say(T.color(g.correct and "green" or (g.verdict == "near" and "yellow" or "red"), g.feedback))
      say(T.color("dim", "  " .. T.wrap(card.back, halqa.columns() - 4, "  ")))
      return rating, "typed", w
    end
    say(T.color("yellow", g.feedback))
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
    say(T.color("dim", "(type your answer, or press Enter to see the back)"))
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
      else
        say("Nothing to undo.")
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
    lines[#lines + 1] = string.format("%d card%s still on a learning step: due again later today.",
      s.waiting, s.waiting == 1 and " is" or "s are")
  end
  return table.concat(lines, "\n")
end

return R
