-- lib/classroom/player.lua: a student's side of a networked game at a terminal (`halqa join`):
-- the question as the projector shows it, a countdown prompt, the answer sent, then right or
-- wrong, the points and the rank. The connection is halqa.classroom.join's (src/classroom/
-- client.c); this only shows what the teacher's halqa sends and sends what is typed.
--
-- At a terminal the answer is read with halqa.readline's `wake`, so a question, a reveal or the
-- end arrives while the student types. From a pipe each line is the answer to the next question.

local T = require("lib.text")
local Scr = require("lib.drill.screen")

local P = {}

local function out(text)
  halqa.write(T.fit(text, halqa.columns()), "\n")
end

local function draw_question(st)
  local q, width = st.q, halqa.columns()
  if st.interactive then halqa.write(Scr.CLEAR) end
  local margin = width >= 60 and 4 or (width >= 40 and 2 or 0)
  local pad, inner = string.rep(" ", margin), math.max(20, width - 2 * margin)
  local lines = { T.color("dim", string.format("Question %d of %d", q.n, q.total)), "",
    pad .. T.color("bold", T.wrap(q.prompt, inner)):gsub("\n", "\n" .. pad), "" }
  for _, l in ipairs(Scr.choices({ kind = q.kind, choices = q.choices, left = q.left_items }, inner, pad)) do
    lines[#lines + 1] = l
  end
  out(table.concat(lines, "\n") .. "\n")
end

local function left(st)
  if not (st.q and st.q.left) then return nil end
  return st.q.left - (halqa.clock() - st.q.received)
end

local function prompt(st)
  local l = left(st)
  local clock = l and string.format("[%3ds] ", math.max(0, math.ceil(l))) or ""
  return clock .. st.name .. " > "
end

local on = {}

function on.welcome(st, d)
  st.name = d.name
  out(string.format("Joined as %s.", d.name))
end

function on.lobby(st, d)
  out(string.format("Waiting for the teacher to start (%d joined).", d.players))
end

function on.question(st, d)
  local again = st.q and st.q.n == d.n
  d.received = halqa.clock()
  st.q = d
  if not again then
    st.answered = false
    draw_question(st)
  end
end

function on.answered(st, d)
  if st.q and st.q.n == d.n then st.answered = true end
end

function on.paused(st)
  out("Paused by the teacher.")
  if st.q then st.q.left = nil end
end

function on.reveal(st, d)
  st.q, st.answered = nil, false
  local verdict = not d.answered and T.color("red", "✗ No answer.") or
    d.right and T.color("green", "✓ Right! +" .. d.gained) or T.color("red", "✗ Not right.")
  out("")
  out(verdict .. "  Answer: " .. d.answer)
  out(string.format("%s points · rank %d of %d", d.points, d.rank, d.players))
end

function on.stop(st, d, why)
  st.ended = true
  st.q = nil
  out("")
  out(why)
end

on["end"] = function(st, d)
  if d.rank then
    on.stop(st, d, string.format("The game is over: you came %d of %d with %s points (%d right of %d).",
      d.rank, d.players, d.points, d.right, d.asked))
  else
    on.stop(st, d, "The game is over: " .. (d.reason or "the teacher ended it") .. ".")
  end
end

function on.kicked(st, d) on.stop(st, d, "The teacher removed you from the game.") end
function on.disconnected() out("Connection lost: reconnecting…") end

-- Handles what arrived; true when the screen changed (a new question, a reveal, the end).
local function handle(st)
  local msgs, ended = st.c:poll()
  local changed = false
  for _, m in ipairs(msgs) do
    local f = on[m.event]
    if f then
      local before = st.q
      f(st, m.data)
      changed = changed or st.q ~= before or st.ended
    end
  end
  if ended and not st.ended then on.stop(st, {}, "The connection to the game has ended.") changed = true end
  return changed
end

local function send(st, text)
  local status, reply = st.c:answer(st.q.n, text)
  if status == 200 then
    st.answered = true
    out("Answer sent: wait for the reveal.")
  else
    local why = type(reply) == "table" and reply.error or tostring(reply)
    out("Not sent: " .. why .. ".")
    if status == 409 then st.answered = true end
  end
end

-- At a terminal: one read at a time, stopped when the game moves on.
local function run_terminal(st)
  while not st.ended do
    local asking = st.q and not st.answered
    local opts = { tick = 0.25, wake = st.c:fd() }
    opts.on_tick = function(resized)
      if handle(st) then return false end
      if resized and st.q then draw_question(st) return prompt(st), true end
      return asking and prompt(st) or nil
    end
    local line, why = halqa.readline(asking and prompt(st) or "", opts)
    if line == nil and why ~= "stopped" then return end -- Ctrl-D: leave
    if line and asking and st.q and not st.answered then
      if line:match("^%s*$") then out("(type an answer, or Ctrl-D to leave)") else send(st, line) end
    end
  end
end

-- From a pipe: each line answers the next question.
local function run_pipe(st)
  local input = true
  while not st.ended do
    handle(st)
    if st.q and not st.answered and input and not st.ended then
      local line = halqa.readline("")
      if line == nil then input = false else send(st, line) end
    elseif not st.ended then
      st.c:wait(0.5)
    end
  end
end

-- Plays the game on connection c (halqa.classroom.join's).
function P.run(c, name)
  local st = { c = c, name = name, interactive = halqa.interactive() }
  if st.interactive then run_terminal(st) else run_pipe(st) end
  c:close()
  return st.ended
end

return P
