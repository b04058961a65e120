-- lib/drill/run.lua: running a drill at the keyboard — the screens, the countdown read, the
-- teacher's commands, and the store. The moves themselves are lib/drill/engine.lua's.
--
-- At a terminal the answer is read with halqa.readline's timer: the prompt counts down while the
-- answer is typed, a resize redraws the screen, and Alt+letter keys give the teacher's commands.
-- From a pipe (a scripted drill) each line is an answer or a /command, and with the simulated
-- clock time passes only by `/wait N` lines, so a scripted drill never sleeps.

local T = require("lib.text")
local Scr = require("lib.drill.screen")
local Rep = require("lib.drill.report")
local rules_lib = require("lib.drill.rules")
local embed = require("lib.embed.events")

local Run = {}

-- Alt+letter → the command it enters (halqa.readline's keys).
Run.KEYS = { r = "/reveal", s = "/skip", p = "/pause", o = "/ok", ["+"] = "/+", ["="] = "/+", ["-"] = "/-",
             u = "/undo", e = "/end", h = "/help" }

-- Writes text, every line fitted to the screen.
local function out(ctx, text)
  halqa.write(T.fit(text, halqa.columns()), "\n")
end

-- The whole question screen (cleared first at a terminal).
local function draw(ctx)
  local width = halqa.columns()
  if ctx.interactive then halqa.write(Scr.CLEAR) else out(ctx, string.rep("-", math.min(width, 60))) end
  halqa.write(T.fit(Scr.question(ctx.d, width), width), "\n")
  local d = ctx.d
  local ev = embed.question(d.current.q)
  ev.index, ev.total, ev.player, ev.passed, ev.time = d.i, #d.questions, d.players[d.current.player].name,
    d.current.passed, d.rules.time
  embed.emit("question", ev)
end

-- An answer's record for a program embedding halqa (docs/embedding.md).
local function graded(d, rec)
  embed.emit("grade", { id = rec.q.id, player = d.players[rec.player].name, given = rec.given, verdict = rec.verdict,
    points = rec.points, seconds = rec.seconds, passed = rec.passed, feedback = rec.feedback,
    passed_to = rec.passed_to and d.players[rec.passed_to].name or nil })
end

-- A player by name (case-insensitive; a unique prefix will do), else the current player.
local function player_named(d, name)
  if name == nil or name == "" then return d.current and d.current.player or nil end
  local lname, found = name:lower(), nil
  for k, p in ipairs(d.players) do
    if p.name:lower() == lname then return k end
    if p.name:lower():sub(1, #lname) == lname then
      if found then return nil, "'" .. name .. "' could be more than one player" end
      found = k
    end
  end
  if not found then return nil, "no player or team named '" .. name .. "'" end
  return found
end

-- Saves an answer record (or a teacher's change to one) in the store, committed at once.
local function store_answer(ctx, rec, verdict)
  if not ctx.session then return end
  halqa.store.record_answer(ctx.session, { question = rec.q.id, facts = rec.q.facts, given = rec.given,
    verdict = verdict or rec.verdict, score = ctx.d.right(verdict or rec.verdict) and 1 or 0,
    seconds = rec.seconds, player = ctx.d.players[rec.player].name })
end

-- Runs a teacher command; returns "closed" when the question closed, "end" to end the drill,
-- After a change of points the score line on screen is stale: at a terminal the screen is drawn
-- again; from a pipe (the screen is a log) the new score line is printed.
local function scores_changed(ctx)
  if ctx.interactive then return "redraw" end
  out(ctx, Scr.score_line(ctx.d, halqa.columns()))
  return nil
end

-- "redraw" when the screen must be drawn again, or nil.
local function command(ctx, line)
  local d = ctx.d
  local cmd, arg = line:match("^/(%S*)%s*(.-)%s*$")
  cmd = cmd:lower()
  if cmd == "reveal" then
    if not (d.current and d.current.open) then out(ctx, "No open question to reveal.") return nil end
    d:reveal()
    return "closed"
  elseif cmd == "skip" then
    if not (d.current and d.current.open) then out(ctx, "No open question to skip.") return nil end
    d:skip()
    return "closed"
  elseif cmd == "ok" or cmd == "accept" or cmd == "override" then
    local rec, why = d:override()
    if not rec then out(ctx, "Cannot accept: " .. why .. ".") return nil end
    store_answer(ctx, rec, "override")
    out(ctx, T.color("green", string.format("Accepted %s's answer \"%s\": +%s.", d.players[rec.player].name, rec.given,
      rules_lib.fmt(rec.points))))
    if d.current and not d.current.open and d.current.closed == "right" and rec.n == d.i and ctx.asking then return "closed" end
    return scores_changed(ctx)
  elseif cmd == "+" or cmd == "-" then
    local k, why = player_named(d, arg)
    if not k then out(ctx, "Cannot change points: " .. (why or "name the player, e.g. /+ Red") .. ".") return nil end
    d:adjust(k, cmd == "+" and 1 or -1)
    out(ctx, string.format("%s %s a point: %s.", d.players[k].name, cmd == "+" and "gets" or "loses",
      rules_lib.fmt(d.players[k].points)))
    return scores_changed(ctx)
  elseif cmd == "undo" then
    local entry = d:undo()
    if not entry then out(ctx, "Nothing to undo.") return nil end
    if entry.record then store_answer(ctx, entry.record, "undone") end
    out(ctx, string.format("Undone: %s%s for %s.", entry.delta >= 0 and "+" or "", rules_lib.fmt(entry.delta),
      d.players[entry.player].name))
    return scores_changed(ctx)
  elseif cmd == "pause" then
    ctx.clock.pause()
    if ctx.interactive then halqa.write(Scr.CLEAR) end
    out(ctx, T.color("bold", "Paused.") .. " The clock has stopped. Press Enter (or Alt-p) to go on.")
    while true do
      local l = halqa.readline("paused > ", ctx.interactive and { keys = Run.KEYS } or nil)
      if l == nil or l == "" or l == "/pause" or l == "/resume" then break end
      if l == "/end" then ctx.clock.resume() d:finish() return "end" end
      out(ctx, "(paused: Enter goes on, /end ends the drill)")
    end
    ctx.clock.resume()
    return "redraw"
  elseif cmd == "end" then
    d:finish()
    return "end"
  elseif cmd == "help" then
    out(ctx, Scr.KEYS_HELP)
    return nil
  elseif cmd == "wait" then
    local n = tonumber(arg)
    if not ctx.clock.simulated then out(ctx, "/wait works only with the simulated clock (--clock simulated).") return nil end
    if not n or n < 0 then out(ctx, "/wait needs a number of seconds, e.g. /wait 10") return nil end
    ctx.clock.advance(n)
    return "waited"
  end
  out(ctx, "Unknown teacher command '/" .. cmd .. "' (type /help).")
  return nil
end

-- Reads one line for the current player. Returns "answer", text, seconds; "timeout", seconds;
-- "command", line; or "eof".
local function read_answer(ctx, started)
  local d, limit = ctx.d, ctx.d.rules.time
  local function left() return limit - (ctx.clock.now() - started) end
  local opts
  if ctx.interactive then
    opts = { keys = Run.KEYS, tick = 0.2 }
    opts.on_tick = function(resized)
      if resized then draw(ctx) end
      if limit > 0 and not ctx.clock.simulated then
        if left() <= 0 then return false end
        return Scr.prompt(d, left()), resized
      end
      return resized and Scr.prompt(d, nil) or nil, resized
    end
  end
  local timed = limit > 0
  local line, why = halqa.readline(Scr.prompt(d, timed and left() or nil), opts)
  local seconds = ctx.clock.now() - started
  if why == "stopped" then return "timeout", limit end
  if line == nil then return "eof" end
  if line:match("^%s*/") then return "command", line:match("^%s*(.-)%s*$") end
  if timed and seconds > limit then return "timeout", limit end
  return "answer", line, seconds
end

-- Asks the current question until it closes; returns "end" or "eof" when the drill stops.
local function ask(ctx)
  local d = ctx.d
  ctx.asking = true
  draw(ctx)
  local started = ctx.clock.now()
  local player = d.current.player
  while d.current.open do
    if d.current.player ~= player then -- passed on: the next player's clock starts now
      player, started = d.current.player, ctx.clock.now()
    end
    local what, a, b = read_answer(ctx, started)
    if what == "eof" then d:finish() ctx.asking = false return "eof" end
    local rec
    if what == "timeout" then
      rec = d:timeout(a)
    elseif what == "answer" then
      if not a:match("^%s*$") then rec = d:answer(a, b) end
    else
      local r = command(ctx, a)
      if r == "end" then ctx.asking = false return "end" end
      if r == "redraw" then draw(ctx) end
      if r == "waited" and d.rules.time > 0 and ctx.clock.now() - started >= d.rules.time then
        rec = d:timeout(d.rules.time)
      end
    end
    if rec then
      store_answer(ctx, rec)
      out(ctx, Scr.verdict(d, rec))
      graded(d, rec)
      if rec.passed_to then
        if ctx.interactive then draw(ctx) out(ctx, Scr.verdict(d, rec))
        elseif embed.active() then draw(ctx) end -- the program shows the question to the next player
      end
    end
  end
  ctx.asking = false
  if d.current.closed ~= "skipped" then out(ctx, Scr.answer(d, d.current.q, halqa.columns())) end
  local q = d.current.q
  embed.emit("closed", { id = q.id, how = d.current.closed, answer = q.answer, explanation = q.explanation,
                          source = require("lib.cite").of(q) })
  return nil
end

-- Between questions: the scoreboard; at a terminal, Enter goes on (teacher commands work here).
local function between(ctx, last)
  out(ctx, "")
  out(ctx, Scr.scoreboard(ctx.d, halqa.columns()))
  if not ctx.interactive then return nil end
  while true do
    local l = halqa.readline(last and "Enter: final standings > " or "Enter: next question > ", { keys = Run.KEYS })
    if l == nil then ctx.d:finish() return "eof" end
    if not l:match("^%s*/") then return nil end
    local r = command(ctx, l:match("^%s*(.-)%s*$"))
    if r == "end" then return "end" end
    if r == "redraw" then out(ctx, Scr.scoreboard(ctx.d, halqa.columns())) end
  end
end

-- Runs drill d. ctx: { clock =, interactive =, session = store session id or nil, info = { seed =,
-- names =, teams = } }. Returns the info for the report, with seconds and adjustments.
function Run.run(d, ctx)
  ctx.d = d
  local width = halqa.columns()
  if ctx.interactive then halqa.write(Scr.CLEAR) end
  out(ctx, Scr.opening(d, ctx.info, width))
  if ctx.interactive then
    local l = halqa.readline("Enter to begin > ")
    if l == nil then return nil end
  end
  local t0 = ctx.clock.now()
  while d:next() do
    local stop = ask(ctx)
    if stop then break end
    stop = between(ctx, d.i == #d.questions)
    if stop then break end
  end
  local info = ctx.info
  info.seconds = ctx.clock.now() - t0
  info.adjustments = {}
  for _, e in ipairs(d.log) do
    if e.kind == "adjust" then info.adjustments[#info.adjustments + 1] = e end
  end
  if ctx.interactive then halqa.write(Scr.CLEAR) end
  out(ctx, Rep.text(d, info, halqa.columns()))
  return info
end

return Run
