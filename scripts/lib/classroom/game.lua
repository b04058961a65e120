-- lib/classroom/game.lua: a networked classroom game — everyone answers every question at once
-- from their own device — as moves on the drill engine (lib/drill/engine.lua): the same players,
-- answer records, log, undo, standings and most-missed list, so the drill's report and screens
-- work on it unchanged. No input, output, network or clock of its own: the caller (lib/classroom/
-- serve.lua) says when things happen, as for the drill.
--
--   local g = game.new(questions, rules)
--   local k = g:join("Ali")              -- a player; nil and why ("that name is taken")
--   g:open(now)                          -- the next question; g.current = { q =, open =, started =, answered = {} }
--   g:answer_from(k, "1948", 4.2)        -- graded and scored; nil and why for a second or late answer
--   g:close("time")                      -- "time", "all", "revealed" or "skipped"
--
-- Points are the drill rules' (rules.points) with passing off: an answer is never passed on.

local E = require("lib.drill.engine")
local T = require("lib.text")

local G = setmetatable({}, { __index = E })
G.__index = G

G.NAME_WIDTH = 20 -- columns a name may take on the projector

function G.new(questions, rules)
  local g = E.new(questions, {}, rules)
  g.phase = "lobby"
  return setmetatable(g, G)
end

-- The name a player asked for, tidied: spaces collapsed, cut to NAME_WIDTH columns; nil and why.
function G.clean_name(name)
  name = name:gsub("%s+", " "):match("^ ?(.-) ?$")
  if name == "" then return nil, "the name is empty" end
  return T.cut(name, G.NAME_WIDTH)
end

-- The player named name (case-insensitive), or nil.
function G:player_named(name)
  local l = name:lower()
  for k, p in ipairs(self.players) do
    if p.name:lower() == l then return k end
  end
  return nil
end

-- A new player; returns the index, or nil and why.
function G:join(name)
  local clean, why = G.clean_name(name)
  if not clean then return nil, why end
  if self:player_named(clean) then return nil, "the name '" .. clean .. "' is taken" end
  local k = #self.players + 1
  self.players[k] = { name = clean, points = 0, asked = 0, right = 0, streak = 0 }
  return k
end

function G:kick(k)
  self.players[k].kicked = true
end

-- The players still in the game (not kicked).
function G:active()
  local n = 0
  for _, p in ipairs(self.players) do
    if not p.kicked then n = n + 1 end
  end
  return n
end

-- Opens the next question at time now; false when there is none.
function G:open(now)
  if self.ended_early or self.i >= #self.questions then
    self.current = nil
    return false
  end
  self.i = self.i + 1
  self.phase = "question"
  self.current = { q = self.questions[self.i], open = true, started = now, answered = {}, count = 0 }
  return true
end
G.next = G.open

-- Player k's answer to the open question, seconds after it opened. Returns the record, or nil
-- and why not: the question closed, the time is up, or k has answered already.
function G:answer_from(k, text, seconds)
  local c = self.current
  if not (c and c.open) then return nil, "closed" end
  local limit = self.rules.time
  if limit > 0 and seconds > limit then return nil, "late" end
  if c.answered[k] then return nil, "twice" end
  local p = self.players[k]
  local r = halqa.grade(c.q, text)
  local rec = { n = self.i, q = c.q, player = k, given = text, verdict = r.verdict, seconds = seconds,
                passed = false, feedback = r.feedback, points = 0 }
  p.asked = p.asked + 1
  local streak = E.right(r.verdict) and p.streak + 1 or 1
  rec.worth = self.rules.points(self.rules, { passed = false, seconds = seconds, streak = streak })
  if E.right(r.verdict) then
    p.right, p.streak = p.right + 1, streak
    rec.points = rec.worth
    p.points = p.points + rec.points
    self.log[#self.log + 1] = { kind = "answer", player = k, delta = rec.points, record = rec }
  else
    p.streak = 0
  end
  c.answered[k] = rec
  c.count = c.count + 1
  self.answers[#self.answers + 1] = rec
  return rec
end

-- Has every player still in the game answered?
function G:all_answered()
  return self.current and self.current.count >= self:active() and self:active() > 0
end

-- Closes the open question: how = "time" | "all" | "revealed" | "skipped".
function G:close(how)
  local c = self.current
  c.open, c.closed = false, how
  if how == "revealed" then self.revealed[self.i] = true end
  if how == "skipped" then self.skipped[self.i] = true end
  self.phase = "reveal"
end

-- The teacher accepts player k's rejected answer to the current question (k nil: the last one
-- rejected). Returns the record, or nil and why not.
function G:override(k)
  local rec
  if k then
    rec = self.current and self.current.answered[k]
    if not rec then return nil, self.players[k].name .. " has not answered this question" end
    if E.right(rec.verdict) then return nil, self.players[k].name .. "'s answer is already right" end
  else
    rec = self:last_rejected()
    if not rec then return nil, "there is no rejected answer to accept" end
  end
  rec.verdict_before, rec.verdict, rec.points = rec.verdict, "override", rec.worth
  local p = self.players[rec.player]
  p.points, p.right = p.points + rec.worth, p.right + 1
  self.log[#self.log + 1] = { kind = "override", player = rec.player, delta = rec.worth, record = rec }
  return rec
end

-- Player k's rank among the players (1 = first; ties share a rank).
function G:rank_of(k)
  for _, s in ipairs(self:standings()) do
    if s.index == k then return s.rank end
  end
  return nil
end

-- How many answered the current question and how many of them right.
function G:tally()
  local answered, right = 0, 0
  for _, rec in pairs(self.current and self.current.answered or {}) do
    answered = answered + 1
    if E.right(rec.verdict) then right = right + 1 end
  end
  return answered, right
end

return G
