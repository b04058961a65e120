-- lib/classroom/serve.lua: the teacher's side of a networked game (`drill --serve`): the lobby,
-- each question with its countdown and the count of answers, the reveal to every device, the
-- standings, and the teacher's commands — the drill's (reveal, skip, pause, ok, +, -, undo, end,
-- help) plus kick and lock. The network is src/classroom/ (halqa.classroom); the moves are
-- lib/classroom/game.lua's; the screens lib/classroom/screen.lua's and the drill's.
--
-- The teacher's input is read with halqa.readline's `wake`, so the students' requests are handled
-- the moment they arrive while the teacher types, at a terminal and from a pipe alike.

local T = require("lib.text")
local Scr = require("lib.drill.screen")
local Rep = require("lib.drill.report")
local rules_lib = require("lib.drill.rules")
local E = require("lib.drill.engine")
local W = require("lib.classroom.wire")
local CS = require("lib.classroom.screen")
local J = require("lib.classroom.journal")

local Serve = {}

Serve.MAX_PLAYERS = 500 -- seats a game gives out in all: a flood of joins cannot grow it further

Serve.KEYS = { r = "/reveal", s = "/skip", p = "/pause", o = "/ok", ["+"] = "/+", ["="] = "/+", ["-"] = "/-",
               u = "/undo", e = "/end", h = "/help", k = "/kick", l = "/lock" }

Serve.HELP = "Teacher keys: Alt-r reveal · Alt-s skip · Alt-p pause · Alt-o accept an answer (/ok NAME) · " ..
  "Alt-+ / Alt-- give / take a point (/+ NAME) · Alt-u undo · Alt-e end · Alt-k kick (/kick NAME) · " ..
  "Alt-l lock or unlock the room · Alt-h help; /stats shows the server's figures"

local function out(ctx, text)
  halqa.write(T.fit(text, halqa.columns()), "\n")
end

local function reply(ctx, req, status, tbl)
  ctx.srv:reply(req, status, halqa.json(tbl))
end

-- Saves an answer record (or a teacher's change to one), committed at once, as the drill does.
local function store_answer(ctx, rec, verdict)
  if not ctx.session then return end
  verdict = verdict or rec.verdict
  halqa.store.record_answer(ctx.session, { question = rec.q.id, facts = rec.q.facts, given = rec.given,
    verdict = verdict, score = E.right(verdict) and 1 or 0, seconds = rec.seconds,
    player = ctx.g.players[rec.player].name })
end

-- Where the game stands, sent to a seat that (re)connects: a reload keeps the seat and score.
local function catch_up(ctx, seat, k)
  local g, srv = ctx.g, ctx.srv
  srv:send(seat, "welcome", W.welcome(g, k))
  if g.phase == "lobby" then
    srv:send(seat, "lobby", W.lobby(g))
  elseif g.phase == "question" and g.current and g.current.open then
    srv:send(seat, "question", W.question(g, ctx.left()))
    if g.current.answered[k] then srv:send(seat, "answered", halqa.json({ n = g.i })) end
    if ctx.clock.paused() then srv:send(seat, "paused", "{}") end
  elseif g.phase == "reveal" and g.current then
    srv:send(seat, "reveal", W.reveal(g, k))
  elseif g.phase == "over" then
    srv:send(seat, "end", W.final(g, k))
  end
end

local WHY = { closed = { 409, "that question is closed" }, late = { 409, "the time for that question is up" },
              twice = { 409, "you have already answered this question" } }

local handlers = {}

function handlers.join(ctx, e)
  local g = ctx.g
  if ctx.locked then return reply(ctx, e.req, 423, { error = "the room is locked" }) end
  if g.phase == "over" then return reply(ctx, e.req, 410, { error = "the game is over" }) end
  if #g.players >= Serve.MAX_PLAYERS then return reply(ctx, e.req, 423, { error = "the room is full" }) end
  local k, why = g:join(e.text)
  if not k then return reply(ctx, e.req, 409, { error = why }) end
  local seat, token = ctx.srv:admit()
  ctx.seat_player[seat], ctx.player_seat[k] = k, seat
  reply(ctx, e.req, 200, { token = token, seat = seat, name = g.players[k].name })
  J.join(ctx, k, seat, token)
  if g.phase == "lobby" then ctx.srv:send(0, "lobby", W.lobby(g)) end -- the waiting phones' count
  if not ctx.interactive then out(ctx, g.players[k].name .. " joined.") end
  ctx.dirty = true
end

function handlers.connect(ctx, e)
  local k = ctx.seat_player[e.seat]
  if k then catch_up(ctx, e.seat, k) end
end

function handlers.disconnect() end

function handlers.answer(ctx, e)
  local g = ctx.g
  local k = ctx.seat_player[e.seat]
  if not k or g.players[k].kicked then return reply(ctx, e.req, 403, { error = "you are not in this game" }) end
  if ctx.clock.paused() then return reply(ctx, e.req, 409, { error = "the game is paused" }) end
  if e.question ~= g.i or not (g.current and g.current.open) then
    return reply(ctx, e.req, WHY.closed[1], { error = WHY.closed[2] })
  end
  -- timed from when the request arrived, on the teacher's clock (pauses do not count)
  local seconds = math.max(0, (e.at - ctx.clock.paused_total) - g.current.started)
  local rec, why = g:answer_from(k, e.text, seconds)
  if not rec then return reply(ctx, e.req, WHY[why][1], { error = WHY[why][2] }) end
  store_answer(ctx, rec)
  reply(ctx, e.req, 200, { ok = true, n = g.i })
  ctx.dirty = true
end

-- Handles what the students sent since the last call. The longest it took is kept for /stats:
-- while it runs, the teacher's screen is not redrawn.
local function pump(ctx)
  local t0 = halqa.clock()
  local events = ctx.srv:poll()
  for _, e in ipairs(events) do handlers[e.kind](ctx, e) end
  local took = halqa.clock() - t0
  if took > ctx.longest_pump then ctx.longest_pump = took end
  ctx.handled = ctx.handled + #events
end

-- Reads a teacher's line while serving the students. stop() ends the read early (nil, "stopped");
-- draw() redraws the screen after a resize or a change (at a terminal).
local function read_line(ctx, prompt, stop, draw)
  local last_tick = halqa.clock()
  local opts = { tick = 0.2, wake = ctx.srv:fd(), keys = Serve.KEYS }
  opts.on_tick = function(resized)
    local now = halqa.clock()
    if now - last_tick > ctx.longest_gap then ctx.longest_gap = now - last_tick end
    last_tick = now
    pump(ctx)
    if stop and stop() then return false end
    local redrawn = false
    if ctx.interactive and draw and (resized or (ctx.dirty and ctx.redraw_on_change)) then
      draw()
      redrawn = true
    end
    ctx.dirty = false
    return prompt(), redrawn
  end
  pump(ctx)
  if stop and stop() then return nil, "stopped" end
  local line, why = halqa.readline(prompt(), opts)
  if line then line = line:match("^%s*(.-)%s*$") end
  return line, why
end

local function find_player(ctx, name)
  local g = ctx.g
  if name == "" then return nil, "name the player, e.g. /kick Ali" end
  local k = g:player_named(name)
  if k then return k end
  local found
  for i, p in ipairs(g.players) do
    if p.name:lower():sub(1, #name) == name:lower() then
      if found then return nil, "'" .. name .. "' could be more than one player" end
      found = i
    end
  end
  if not found then return nil, "no player named '" .. name .. "'" end
  return found
end

local commands = {}

function commands.reveal(ctx)
  local g = ctx.g
  if not (g.current and g.current.open) then return out(ctx, "No open question to reveal.") end
  g:close("revealed")
end

function commands.skip(ctx)
  local g = ctx.g
  if not (g.current and g.current.open) then return out(ctx, "No open question to skip.") end
  g:close("skipped")
end

function commands.ok(ctx, arg)
  local k, why
  if arg ~= "" then
    k, why = find_player(ctx, arg)
    if not k then return out(ctx, "Cannot accept: " .. why .. ".") end
  end
  local rec, why2 = ctx.g:override(k)
  if not rec then return out(ctx, "Cannot accept: " .. why2 .. ".") end
  store_answer(ctx, rec, "override")
  out(ctx, T.color("green", string.format("Accepted %s's answer \"%s\": +%s.", ctx.g.players[rec.player].name,
    rec.given, rules_lib.fmt(rec.points))))
end
commands.accept = commands.ok

local function adjust(ctx, arg, delta)
  local k, why = find_player(ctx, arg)
  if not k then return out(ctx, "Cannot change points: " .. why .. ".") end
  ctx.g:adjust(k, delta)
  J.adjust(ctx, k, delta)
  out(ctx, string.format("%s %s a point: %s.", ctx.g.players[k].name, delta > 0 and "gets" or "loses",
    rules_lib.fmt(ctx.g.players[k].points)))
end
commands["+"] = function(ctx, arg) adjust(ctx, arg, 1) end
commands["-"] = function(ctx, arg) adjust(ctx, arg, -1) end

function commands.undo(ctx)
  local entry = ctx.g:undo()
  if not entry then return out(ctx, "Nothing to undo.") end
  J.undo(ctx)
  if entry.record then store_answer(ctx, entry.record, "undone") end
  out(ctx, string.format("Undone: %s%s for %s.", entry.delta >= 0 and "+" or "", rules_lib.fmt(entry.delta),
    ctx.g.players[entry.player].name))
end

function commands.kick(ctx, arg)
  local k, why = find_player(ctx, arg)
  if not k then return out(ctx, "Cannot kick: " .. why .. ".") end
  ctx.g:kick(k)
  J.kick(ctx, k)
  local seat = ctx.player_seat[k]
  if seat then ctx.srv:kick(seat, "kicked", "{}") end
  out(ctx, ctx.g.players[k].name .. " has been removed from the game.")
  return "redraw"
end

function commands.lock(ctx)
  ctx.locked = not ctx.locked
  out(ctx, ctx.locked and "The room is locked: no one new can join." or "The room is open again.")
  return "redraw"
end
commands.unlock = function(ctx) if ctx.locked then return commands.lock(ctx) end out(ctx, "The room is open.") end

function commands.pause(ctx)
  local g = ctx.g
  ctx.clock.pause()
  ctx.srv:send(0, "paused", "{}")
  if ctx.interactive then halqa.write(Scr.CLEAR) end
  out(ctx, T.color("bold", "Paused.") .. " The clock has stopped. Press Enter (or Alt-p) to go on.")
  local ended
  while true do
    local l = read_line(ctx, function() return "paused > " end)
    if l == nil or l == "" or l == "/pause" or l == "/resume" then break end
    if l == "/end" then ended = true break end
    out(ctx, "(paused: Enter goes on, /end ends the game)")
  end
  ctx.clock.resume()
  if g.current and g.current.open then ctx.srv:send(0, "question", W.question(g, ctx.left())) end
  if ended then g:finish() return "end" end
  return "redraw"
end

function commands.stats(ctx)
  local st = ctx.srv:stats()
  local used = halqa.memory()
  out(ctx, string.format("server: %d requests, %d connections open (%d in all), %d streams, %d seats",
    st.requests, st.connections_open, st.connections_total, st.streams, st.seats))
  out(ctx, string.format("refused: %d, rate-limited %d, too large %d, malformed %d",
    st.refused, st.rate_limited, st.too_large, st.malformed))
  out(ctx, string.format("teacher: %d events, longest batch %.1f ms, longest between redraws %.0f ms",
    ctx.handled, ctx.longest_pump * 1000, ctx.longest_gap * 1000))
  out(ctx, string.format("memory: Lua %d KiB", used // 1024))
  ctx.longest_pump, ctx.longest_gap = 0, 0
end

commands["end"] = function(ctx) ctx.g:finish() return "end" end
function commands.help(ctx) out(ctx, Serve.HELP) end

local function command(ctx, line)
  local cmd, arg = line:match("^/(%S*)%s*(.-)%s*$")
  local f = commands[cmd:lower()]
  if not f then out(ctx, "Unknown teacher command '/" .. cmd .. "' (type /help).") return nil end
  return f(ctx, arg)
end

-- ---- the phases ----

local function lobby(ctx)
  local g = ctx.g
  local function draw()
    if ctx.interactive then halqa.write(Scr.CLEAR) end
    out(ctx, CS.lobby(g, ctx, halqa.columns()))
  end
  draw()
  ctx.redraw_on_change = true
  while true do
    local line = read_line(ctx, function() return string.format("%d joined · Enter starts > ", g:active()) end,
      nil, draw)
    if line == nil then return "eof" end
    if line == "" or line == "/start" then
      if g:active() > 0 then break end
      out(ctx, "No one has joined yet.")
    elseif line:match("^/") then
      local r = command(ctx, line)
      if r == "end" then return "end" end
      if r == "redraw" then draw() end
    else
      out(ctx, "Enter starts the game; /help lists the teacher's commands.")
    end
  end
  ctx.redraw_on_change = false
  return nil
end

local function reveal(ctx)
  local g = ctx.g
  for k, p in ipairs(g.players) do
    local seat = ctx.player_seat[k]
    if seat and not p.kicked then ctx.srv:send(seat, "reveal", W.reveal(g, k)) end
  end
  out(ctx, "")
  out(ctx, CS.reveal(g, halqa.columns(), ctx.top))
end

-- Asks the next question; `continuing` asks the one a crash interrupted (resumed: its countdown
-- starts again, the answers already given stand).
local function ask(ctx, continuing)
  local g = ctx.g
  if continuing then
    g.current.started = ctx.clock.now()
    g.phase = "question"
  else
    g:open(ctx.clock.now())
    J.open(ctx)
  end
  ctx.srv:send(0, "question", W.question(g, ctx.left()))
  local function draw()
    if ctx.interactive then halqa.write(Scr.CLEAR) else out(ctx, string.rep("-", math.min(halqa.columns(), 60))) end
    out(ctx, CS.question(g, halqa.columns()))
  end
  draw()
  local function over()
    if not g.current.open then return true end
    local left = ctx.left()
    return (left and left <= 0) or g:all_answered()
  end
  while g.current.open do
    local line, why = read_line(ctx, function() return CS.prompt(g, ctx.left()) end, over, draw)
    if why == "stopped" then
      if g.current.open then g:close(g:all_answered() and "all" or "time") end
    elseif line == nil then
      g:finish()
      return "eof"
    elseif line:match("^/") then
      local r = command(ctx, line)
      if r == "end" then return "end" end
      if r == "redraw" then draw() end
    elseif line ~= "" then
      out(ctx, "(the students answer on their devices; /help lists the teacher's commands)")
    end
  end
  J.close(ctx)
  reveal(ctx)
  return nil
end

local function between(ctx, last)
  while true do
    local line = read_line(ctx, function() return last and "Enter: final standings > " or "Enter: next question > " end)
    if line == nil then ctx.g:finish() return "eof" end
    if line == "" or line == "/next" then return nil end
    if line:match("^/") then
      local r = command(ctx, line)
      if r == "end" then return "end" end
      if r == "redraw" then out(ctx, CS.reveal(ctx.g, halqa.columns(), ctx.top)) end
    end
  end
end

-- Runs a networked game. ctx = { g = game, srv = server, clock =, interactive =, session =,
-- code =, url =, address =, info = (for the report) }. Returns the report's info.
function Serve.run(ctx)
  local g = ctx.g
  ctx.seat_player, ctx.player_seat = ctx.seat_player or {}, ctx.player_seat or {}
  ctx.top = ctx.top or 10
  ctx.longest_pump, ctx.longest_gap, ctx.handled = 0, 0, 0
  ctx.left = function()
    if g.rules.time <= 0 or not g.current then return nil end
    return g.rules.time - (ctx.clock.now() - g.current.started)
  end
  local t0 = ctx.clock.now()
  local stop
  if not ctx.resumed or g.i == 0 then
    stop = lobby(ctx)
  else -- resumed: the question a crash interrupted, or the pause after it
    if g.current.open then stop = ask(ctx, true) end
    if not stop then stop = between(ctx, g.i == #g.questions) end
  end
  while not stop and g.i < #g.questions and not g.ended_early do
    stop = ask(ctx)
    if not stop then stop = between(ctx, g.i == #g.questions) end
  end
  g.phase = "over"
  if g.current then g.current.open = false end
  ctx.srv:set_code(nil) -- the join code expires with the game
  for k, p in ipairs(g.players) do
    local seat = ctx.player_seat[k]
    if seat and not p.kicked then ctx.srv:send(seat, "end", W.final(g, k)) end
  end
  ctx.info.seconds, ctx.info.adjustments = ctx.clock.now() - t0, g:adjustments()
  if ctx.interactive then halqa.write(Scr.CLEAR) end
  out(ctx, Rep.text(g, ctx.info, halqa.columns()))
  return ctx.info
end

return Serve
