-- lib/circle/session.lua: running a study circle on a built topic, step by step: the reading
-- (a screenful at a time at a terminal), the timeline, the comprehension questions (asked by
-- lib/quiz/session.lua), the discussion prompts one at a time with the facilitator's notes, and a
-- summary of the score, the facts missed and the notes.
--
-- Everything goes to the progress store as it happens: a "circle" session; each answer, with
-- its facts (a missed one makes its flashcards due again); each prompt's notes as an answer
-- "circle.TOPIC.discussion.N" (no verdict, no score) on the topic's events, so
-- halqa.store.history shows them; and, when the circle ends, all the notes as the session's
-- notes, JSON: { topic =, title =, discussion = { { prompt =, notes = { lines } } } }.
-- End of input at any step ends the circle there, with its summary.

local T = require("lib.text")
local quiz = require("lib.quiz.session")
local render = require("lib.circle.render")
local F = require("lib.quiz.facts")
local embed = require("lib.embed.events")

local S = {}

S.PAGE = 20   -- lines of the reading shown at once at a terminal (halqa cannot ask for the height)

local function heading(text)
  print("")
  print(T.color("bold", T.wrap(text, halqa.columns())))
end

-- A prompt that fits the screen: "-- end of the reading: Enter for the timeline -- " is wider than
-- a 40-column projector, where its words before the colon go.
local function fit_prompt(prompt)
  if T.width(prompt) < halqa.columns() then return prompt end
  return (prompt:gsub("^%-%- [^:]*: ", "-- "))
end

-- Shows lines, a page at a time at a terminal (Enter for more, q to skip the rest), all at once
-- from a pipe; to a program embedding halqa, the whole part as one page (a step: it answers to go
-- on). Returns false at end of input.
function S.page(lines, last_prompt, part)
  if embed.active() then
    print(table.concat(lines, "\n"))
    embed.emit("page", { part = part, lines = lines })
    return halqa.readline(last_prompt) ~= nil
  end
  if not halqa.interactive() then
    print(table.concat(lines, "\n"))
    return true
  end
  local i = 1
  while i <= #lines do
    -- a page ends at a blank line in its second half rather than inside a paragraph
    local last = math.min(#lines, i + S.PAGE - 1)
    if last < #lines then
      for j = last, i + S.PAGE // 2, -1 do
        if lines[j] == "" then
          last = j
          break
        end
      end
    end
    print(table.concat(lines, "\n", i, last))
    i = last + 1
    local more = i <= #lines
    local line = halqa.readline(T.color("dim", more and "-- more: Enter; q skips the rest -- " or fit_prompt(last_prompt)))
    if line == nil then return false end
    if more and line:match("^%s*q") then return true end
  end
  return true
end

-- The facilitator's notes on one prompt: lines until an empty one. Returns the lines and
-- whether input ended.
local function take_notes()
  local lines = {}
  while true do
    local line = halqa.readline("notes> ")
    if line == nil then return lines, true end
    line = line:match("^%s*(.-)%s*$")
    if line == "" then return lines, false end
    lines[#lines + 1] = line
  end
end

-- The facts of the missed questions, each once, in the topic's order, as words (context, such as
-- the party a question names beside its subject, is left out).
local function missed_facts(t, state)
  local missed = {}
  for _, rec in ipairs(state.answers) do
    if rec.verdict ~= "correct" then
      for _, f in ipairs(rec.question.facts) do missed[f] = true end
    end
  end
  local out = {}
  for _, f in ipairs(t.facts) do
    if missed[f] and t.focus_set[f] then
      local e = events[f]
      out[#out + 1] = { id = f, text = e and (e.title .. F.date_note(e)) or F.long_name(f) }
    end
  end
  return out
end

-- The summary: the score, the facts missed, the notes, and where it was saved.
local function summary(t, state, discussion, due, saved)
  local width = halqa.columns()
  local out = { "", T.color("bold", "Summary: " .. t.title) }
  local pct = state.asked > 0 and math.floor(100 * state.score / state.asked + 0.5) or 0
  out[#out + 1] = string.format("Score: %s of %d (%d%%)", quiz.format_score(state.score), state.asked, pct)
  if state.asked < #t.questions then
    out[#out + 1] = string.format("Stopped after %d of %d questions.", state.asked, #t.questions)
  end
  local facts = missed_facts(t, state)
  if #facts > 0 then
    out[#out + 1] = "Facts missed:"
    for _, f in ipairs(facts) do out[#out + 1] = T.hang("  - ", f.text, width) end
    out[#out + 1] = T.wrap(due > 0 and string.format("  %d flashcard%s of these facts %s due again: `cards` to review.",
      due, due == 1 and "" or "s", due == 1 and "is" or "are")
      or "  None of their flashcards had been reviewed yet: `cards` brings them up as new cards.", width, "  ")
  elseif state.asked > 0 then
    out[#out + 1] = "Facts missed: none."
  end
  out[#out + 1] = "Notes:"
  for i, d in ipairs(discussion) do
    out[#out + 1] = T.hang(string.format("  %d. ", i), d.prompt, width)
    for _, l in ipairs(d.notes) do out[#out + 1] = T.hang("     - ", l, width) end
    if #d.notes == 0 then out[#out + 1] = T.color("dim", "     (no notes)") end
  end
  if #discussion == 0 then out[#out + 1] = T.color("dim", "  (the discussion was not reached)") end
  out[#out + 1] = T.color("dim", T.wrap(saved, width))
  return table.concat(out, "\n")
end

-- Runs the circle. opts: seed (recorded), player (who answers: a name or the group's; stored
-- with each answer). Returns the quiz state and the discussion.
function S.run(t, opts)
  opts = opts or {}
  local store = halqa.store
  local mode, why = store.mode()
  local width = halqa.columns()
  print(T.color("bold", T.wrap("Study circle: " .. t.title, width, "  ")))
  print(T.wrap(string.format("%s. Read together, answer, discuss; the facilitator types the group's points.",
    render.size(t)), width))
  if mode ~= "saving" then print(T.color("yellow", T.wrap("Not saving: " .. tostring(why), width, "  "))) end
  local sid = store.begin_session("circle", { topic = t.id, seed = opts.seed, questions = #t.questions,
                                               player = opts.player })
  local state = { score = 0, asked = 0, answers = {}, time = 0, ended_early = false }
  local discussion, due = {}, 0
  local function finish()
    store.end_session(sid, halqa.json({ topic = t.id, title = t.title, discussion = discussion }))
  end
  local ok, err = pcall(function()
    -- 1. the reading, then 2. the timeline
    print("")
    if not S.page(render.reading(t, width), "-- end of the reading: Enter for the timeline -- ", "reading") then return end
    print("")
    if not S.page(render.timeline(t, width), "-- Enter for the questions -- ", "timeline") then return end
    -- 3. the questions
    heading(string.format("Questions (%d). Answer each; ? for a hint, skip, quit to go on to the discussion.", #t.questions))
    state = quiz.run(t.questions, { on_answer = function(q, rec)
      store.record_answer(sid, { question = q.id, facts = q.facts, given = rec.given, verdict = rec.verdict,
                                 score = rec.score, seconds = rec.time, player = opts.player })
      if rec.verdict ~= "correct" then due = due + store.make_due(q.facts) end
    end })
    -- 4. the discussion (after `quit` too; after the end of input the first read ends it)
    for i, p in ipairs(t.prompts) do
      heading(string.format("Discussion %d of %d", i, #t.prompts))
      print(T.wrap(p, width))
      print(T.color("dim", T.wrap("Type the group's points, one a line; an empty line ends them.", width)))
      embed.emit("prompt", { index = i, total = #t.prompts, prompt = p })
      local notes, ended = take_notes()
      if ended and #notes == 0 then break end
      discussion[#discussion + 1] = { prompt = p, notes = notes }
      if #notes > 0 then
        store.record_answer(sid, { question = "circle." .. t.id .. ".discussion." .. i, facts = t.events,
                                   given = table.concat(notes, "\n"), player = opts.player })
      end
      if ended then break end
    end
  end)
  finish()
  if not ok then error(err, 0) end
  local saved = store.mode() ~= "saving" and "Not saved (no-save mode)."
    or store.path() == ":memory:" and "Kept for this run only (--db :memory:)."
    or "Saved in the progress store (session " .. sid .. ")."
  print(summary(t, state, discussion, due, saved))
  embed.emit("summary", { mode = "circle", topic = t.id, title = t.title, score = state.score, asked = state.asked,
    questions = #t.questions, missed = missed_facts(t, state), discussion = discussion, due = due })
  return state, discussion
end

return S
