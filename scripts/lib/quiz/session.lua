-- lib/quiz/session.lua: asking questions one by one — showing each, reading and grading the
-- answer, giving feedback with the explanation and source, keeping the score — and the summary.
--
-- Answers come from halqa.readline, so the same session runs at a terminal (readline) and from a
-- pipe (one answer a line). Special answers: `?` shows a hint (the question then counts half;
-- a question with no hint costs nothing),
-- `skip` moves on, `quit` ends the session early. An ambiguous answer (6/3/1948) is asked again,
-- at most twice. Hooks let other modes act on each answer (the store, the flashcards).

local T = require("lib.text")
local cite = require("lib.cite")
local embed = require("lib.embed.events")

local S = {}

local MARK = { correct = "✓", near = "~", wrong = "✗", unclear = "?", skipped = "–" }
local MARK_COLOR = { correct = "green", near = "yellow", wrong = "red", unclear = "yellow", skipped = "dim" }
local MAX_RETRIES = 2

-- How each kind shows its choices and what kind of answer it expects.
local function letter(i) return string.char(96 + i) end

local layouts = {
  choice = function(q, out)
    for i, c in ipairs(q.choices) do out[#out + 1] = "  " .. letter(i) .. ") " .. c end
    out[#out + 1] = "(answer with a letter)"
  end,
  multi = function(q, out)
    for i, c in ipairs(q.choices) do out[#out + 1] = "  " .. letter(i) .. ") " .. c end
    out[#out + 1] = "(choose all that apply, e.g. a c)"
  end,
  order = function(q, out)
    for i, c in ipairs(q.choices) do out[#out + 1] = "  " .. letter(i) .. ") " .. c end
    out[#out + 1] = "(put them in order, earliest first, e.g. c a b)"
  end,
  match = function(q, out)
    for i, l in ipairs(q.left) do out[#out + 1] = "  " .. i .. ". " .. l end
    for i, c in ipairs(q.choices) do out[#out + 1] = "      " .. letter(i) .. ") " .. c end
    out[#out + 1] = "(a letter for each number, e.g. 1b 2a 3c)"
  end,
  truefalse = function(_, out) out[#out + 1] = "(true or false)" end,
  date = function(_, out) out[#out + 1] = "(a date, e.g. 1948 or 6 March 1948)" end,
  number = function(_, out) out[#out + 1] = "(a number)" end,
}

-- A hint that gives something away without giving the answer.
local function hint(q)
  if q.hint then return q.hint end
  if q.kind == "choice" and #q.choices > 2 then
    for i, c in ipairs(q.choices) do
      if i ~= q.correct[1] then return "It is not " .. letter(i) .. ") " .. c .. "." end
    end
  elseif q.kind == "date" and q.date.year then -- a decade (an imported "the 1950s") has no year
    return "The year is in the " .. (q.date.year // 10 * 10) .. "s."
  elseif q.kind == "short" or q.kind == "cloze" then
    local first = q.answer:match("^[%z\1-\127\194-\244][\128-\191]*") or ""
    return "It starts with \"" .. first .. "\" and has " .. T.width(q.answer) .. " characters."
  elseif q.kind == "multi" then
    return #q.correct .. " of the choices are right."
  elseif q.kind == "number" then
    return "It has " .. #string.format("%d", q.number) .. " digits."
  end
  return nil
end

S.hint = hint

local function say(opts, text)
  if not opts.quiet then print(text) end
end

local function show(q, index, total, state, opts)
  local width = halqa.columns()
  local head = string.format("Question %d of %d  [%s · %s]", index, total, q.generator, q.kind)
  local score = string.format("score %s/%d", S.format_score(state.score), state.asked)
  local gap = width - T.width(head) - T.width(score)
  local top = gap >= 2 and (T.color("bold", head) .. string.rep(" ", gap) .. T.color("dim", score))
    or (T.color("bold", T.wrap(head, width, "  ")) .. "\n" .. T.color("dim", score)) -- a narrow screen
  local lines = { "", top, T.wrap(q.prompt, width) }
  if layouts[q.kind] then layouts[q.kind](q, lines) end
  for i = 4, #lines do lines[i] = T.wrap(lines[i], width, "       ") end -- choices wrap under themselves
  say(opts, table.concat(lines, "\n"))
  if embed.active() then
    local ev = embed.question(q)
    ev.index, ev.total, ev.score, ev.asked, ev.has_hint = index, total, state.score, state.asked, hint(q) ~= nil
    embed.emit("question", ev)
  end
end

function S.format_score(x)
  if x == math.floor(x) then return string.format("%d", x) end
  return string.format("%.1f", x)
end

-- Reads answers until one can be graded; returns the record of this question.
local function ask(q, opts)
  local started = halqa.clock()
  local hinted, retries = false, 0
  while true do
    local line = halqa.readline("> ")
    if line == nil then return nil, "eof" end
    local word = line:match("^%s*(.-)%s*$")
    if word == "quit" then return nil, "quit" end
    if word == "?" then
      local h = hint(q)
      hinted = hinted or h ~= nil
      say(opts, T.color("cyan", T.wrap(h and ("Hint: " .. h) or "No hint for this one (no points lost).", halqa.columns(), "  ")))
      embed.emit("hint", { id = q.id, hint = h })
    elseif word == "skip" then
      return { verdict = "skipped", score = 0, given = "", feedback = "Skipped.", time = halqa.clock() - started }
    else
      local r = halqa.grade(q, line)
      if r.verdict == "unclear" and retries < MAX_RETRIES then
        retries = retries + 1
        say(opts, T.color("yellow", T.wrap(r.feedback, halqa.columns(), "  ")))
        embed.emit("grade", { id = q.id, verdict = "unclear", given = line, feedback = r.feedback, retry = true })
      else
        local score = r.score * (hinted and 0.5 or 1)
        return { verdict = r.verdict, score = score, given = line, feedback = r.feedback, hinted = hinted,
                 time = halqa.clock() - started }
      end
    end
  end
end

local function feedback(q, rec, opts)
  local width = halqa.columns()
  local mark = T.color(MARK_COLOR[rec.verdict], MARK[rec.verdict])
  local lines = { T.hang(mark .. " ", rec.feedback, width) } -- continuation lines use the whole width
  if rec.verdict ~= "correct" and not rec.feedback:find(q.answer, 1, true) then
    lines[#lines + 1] = T.wrap("  Answer: " .. q.answer, width, "    ")
  end
  if q.explanation ~= "" then lines[#lines + 1] = T.hang("  ", q.explanation, width) end
  lines[#lines + 1] = T.color("dim", T.wrap("  Source: " .. cite.of(q), width, "          "))
  say(opts, table.concat(lines, "\n"))
end

-- The grade as a program embedding halqa gets it (docs/embedding.md), with the score so far.
local function graded(q, rec, state)
  embed.emit("grade", { id = q.id, verdict = rec.verdict, score = rec.score, given = rec.given,
    feedback = rec.feedback, answer = q.answer, explanation = q.explanation, source = cite.of(q),
    hinted = rec.hinted or false, seconds = rec.time, total_score = state.score, asked = state.asked })
end

-- Runs a quiz over questions. opts: quiet (no text, for --json), on_answer(q, rec) called after
-- each answer is graded (before the next question is shown). Returns the results table.
function S.run(questions, opts)
  opts = opts or {}
  local state = { score = 0, asked = 0, answers = {}, started = halqa.clock(), ended_early = false }
  for i, q in ipairs(questions) do
    show(q, i, #questions, state, opts)
    local rec, stop = ask(q, opts)
    if not rec then
      state.ended_early = true
      break
    end
    rec.id, rec.question = q.id, q
    state.asked = state.asked + 1
    state.score = state.score + rec.score
    state.answers[#state.answers + 1] = rec
    feedback(q, rec, opts)
    graded(q, rec, state)
    if opts.on_answer then opts.on_answer(q, rec) end
  end
  state.time = halqa.clock() - state.started
  return state
end

-- The end-of-quiz summary: score, time, and the questions missed with their answers.
function S.summary(state, total)
  local lines = { "", T.color("bold", string.format("Score: %s of %d (%d%%)", S.format_score(state.score), state.asked,
    state.asked > 0 and math.floor(100 * state.score / state.asked + 0.5) or 0)) }
  if state.ended_early then lines[#lines + 1] = string.format("Stopped after %d of %d questions.", state.asked, total) end
  lines[#lines + 1] = string.format("Time: %d:%02d", math.floor(state.time / 60), math.floor(state.time % 60))
  local missed = {}
  for _, rec in ipairs(state.answers) do
    if rec.verdict ~= "correct" then missed[#missed + 1] = rec end
  end
  if #missed > 0 then
    lines[#lines + 1] = "Missed:"
    for _, rec in ipairs(missed) do
      lines[#lines + 1] = "  " .. T.wrap(rec.question.prompt, halqa.columns() - 4, "    ")
      lines[#lines + 1] = T.wrap("    answer: " .. rec.question.answer, halqa.columns(), "      ")
      lines[#lines + 1] = T.color("dim", T.wrap("      (" .. cite.of(rec.question) .. ")", halqa.columns(), "       "))
    end
  end
  return table.concat(lines, "\n")
end

-- The results as a plain table for --json.
function S.results(state, total, seed)
  local answers, missed = {}, {}
  for _, rec in ipairs(state.answers) do
    local q = rec.question
    answers[#answers + 1] = { id = q.id, prompt = q.prompt, kind = q.kind, given = rec.given, verdict = rec.verdict,
                              score = rec.score, answer = q.answer, source = q.source, seconds = rec.time,
                              hinted = rec.hinted or false }
    if rec.verdict ~= "correct" then missed[#missed + 1] = q.id end
  end
  return { seed = seed, questions = total, asked = state.asked, score = state.score,
           percent = state.asked > 0 and 100 * state.score / state.asked or 0,
           seconds = state.time, ended_early = state.ended_early, answers = answers, missed = missed }
end

return S
