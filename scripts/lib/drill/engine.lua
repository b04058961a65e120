-- lib/drill/engine.lua: the state of a classroom drill and every move in it — an answer, a
-- time-out, a pass, the teacher's reveal, skip, override, point and undo — with no input, output
-- or clock of its own: the caller says how long each answer took. So a test can play a whole
-- drill with simulated time, and the screen (lib/drill/run.lua) only shows what this decides.
--
--   local d = engine.new(questions, { "Red", "Green" }, rules)
--   d:start()                  -- the first question; d.current = { q =, player =, passed =, open = }
--   d:answer("1948", 4.2)      -- graded; returns the answer record (see below)
--   d:timeout(30)              -- the time ran out: a miss
--   d:next()                   -- on to the next question (false when there is none)
--
-- An answer record: { n = question number, q =, player = index, given =, verdict = "correct" |
-- "near" | "wrong" | "unclear" | "timeout" | "override", points =, seconds =, passed = bool,
-- feedback = }. Only "correct" and "override" count as right. Every change to the points is a
-- log entry { kind = "answer" | "override" | "adjust", player =, delta =, record = }, and undo
-- takes back the last.

local E = {}
E.__index = E

function E.new(questions, names, rules)
  local d = setmetatable({ questions = questions, rules = rules, players = {}, answers = {}, log = {},
                           i = 0, current = nil, ended_early = false, revealed = {}, skipped = {} }, E)
  for k, name in ipairs(names) do
    d.players[k] = { name = name, points = 0, asked = 0, right = 0, streak = 0 }
  end
  return d
end

local function right(verdict) return verdict == "correct" or verdict == "override" end
E.right = right

-- Starts question i (the next one by default); false when the drill is over.
function E:next()
  if self.ended_early or self.i >= #self.questions then
    self.current = nil
    return false
  end
  self.i = self.i + 1
  local first = self.rules.first_player(self, self.i)
  self.current = { q = self.questions[self.i], player = first, passed = false, passes = 0, open = true,
                   tried = { [first] = true } }
  return true
end
E.start = E.next

local function close(self, how)
  self.current.open = false
  self.current.closed = how
end

-- Records an answer of the current player and moves the question on: right, it closes; wrong,
-- it passes (if the rules allow) or closes.
local function record(self, given, verdict, seconds, feedback)
  local c = self.current
  assert(c and c.open, "no open question")
  local p = self.players[c.player]
  local rec = { n = self.i, q = c.q, player = c.player, given = given, verdict = verdict, seconds = seconds,
                passed = c.passed, feedback = feedback, points = 0 }
  p.asked = p.asked + 1
  -- What a right answer would have earned, kept so an override can award it later.
  local streak = right(verdict) and p.streak + 1 or 1
  rec.worth = self.rules.points(self.rules, { passed = c.passed, seconds = seconds, streak = streak })
  if right(verdict) then
    p.right = p.right + 1
    p.streak = streak
    rec.points = rec.worth
    p.points = p.points + rec.points
    self.log[#self.log + 1] = { kind = "answer", player = c.player, delta = rec.points, record = rec }
    close(self, "right")
  else
    p.streak = 0
    local nxt = self.rules.next_player(self, c.player)
    if self.rules.pass and c.passes < self.rules.passes and nxt and not c.tried[nxt] then
      c.player, c.passed, c.passes = nxt, true, c.passes + 1
      c.tried[nxt] = true
      rec.passed_to = nxt
    else
      close(self, "missed")
    end
  end
  self.answers[#self.answers + 1] = rec
  return rec
end

-- Grades an answer typed for the current player.
function E:answer(text, seconds)
  local c = self.current
  local r = halqa.grade(c.q, text)
  return record(self, text, r.verdict, seconds, r.feedback)
end

-- The time ran out for the current player: a miss, which may pass.
function E:timeout(seconds)
  return record(self, "", "timeout", seconds, "Time is up.")
end

-- The teacher shows the answer: the question closes with no points.
function E:reveal()
  self.revealed[self.i] = true
  close(self, "revealed")
end

-- The teacher moves on without an answer.
function E:skip()
  self.skipped[self.i] = true
  close(self, "skipped")
end

-- The most recent answer the grader rejected (not a time-out), or nil.
function E:last_rejected()
  for k = #self.answers, 1, -1 do
    local rec = self.answers[k]
    if rec.verdict ~= "timeout" and not right(rec.verdict) then return rec end
    if rec.n ~= self.i then break end -- only the current question's, or the one just closed
  end
  return nil
end

-- The teacher accepts the last rejected answer: it earns what it would have, and a question still
-- open (passed on) closes. Returns the record, or nil and why not.
function E:override()
  local rec = self:last_rejected()
  if not rec then return nil, "there is no rejected answer to accept" end
  rec.verdict_before, rec.verdict, rec.points = rec.verdict, "override", rec.worth
  local p = self.players[rec.player]
  p.points, p.right = p.points + rec.worth, p.right + 1
  self.log[#self.log + 1] = { kind = "override", player = rec.player, delta = rec.worth, record = rec }
  if self.current and self.current.open and rec.n == self.i then close(self, "right") end
  return rec
end

-- The teacher gives (delta > 0) or takes points.
function E:adjust(player, delta)
  local p = self.players[player]
  p.points = p.points + delta
  self.log[#self.log + 1] = { kind = "adjust", player = player, delta = delta }
end

-- Takes back the last change to the points: an answer's points (the answer then counts as
-- wrong), an override (the answer is rejected again) or a given or taken point. Returns the log
-- entry, or nil when there is nothing to undo.
function E:undo()
  local entry = table.remove(self.log)
  if not entry then return nil end
  local p = self.players[entry.player]
  p.points = p.points - entry.delta
  local rec = entry.record
  if entry.kind == "answer" then
    rec.verdict_before, rec.verdict, rec.points = rec.verdict, "undone", 0
    p.right, p.streak = p.right - 1, 0
  elseif entry.kind == "override" then
    rec.verdict, rec.points, rec.verdict_before = rec.verdict_before, 0, nil
    p.right = p.right - 1
  end
  return entry
end

-- The points the teacher gave or took, in order: the log's "adjust" entries.
function E:adjustments()
  local out = {}
  for _, e in ipairs(self.log) do
    if e.kind == "adjust" then out[#out + 1] = e end
  end
  return out
end

-- The teacher ends the drill early.
function E:finish()
  self.ended_early = self.i < #self.questions or (self.current and self.current.open) or false
  if self.current then self.current.open = false end
end

-- Players ordered by points, then by name: { { name =, points =, asked =, right =, rank = } }.
function E:standings()
  local list = {}
  for k, p in ipairs(self.players) do
    list[#list + 1] = { index = k, name = p.name, points = p.points, asked = p.asked, right = p.right }
  end
  table.sort(list, function(a, b)
    if a.points ~= b.points then return a.points > b.points end
    return a.index < b.index
  end)
  for k, s in ipairs(list) do
    s.rank = (k > 1 and list[k - 1].points == s.points) and list[k - 1].rank or k
  end
  return list
end

-- The questions asked, most missed first: { { n =, q =, misses =, answered_right = bool } }.
function E:most_missed()
  local by_n, list = {}, {}
  for n = 1, self.i do
    by_n[n] = { n = n, q = self.questions[n], misses = 0, answered_right = false,
                revealed = self.revealed[n], skipped = self.skipped[n] }
    list[#list + 1] = by_n[n]
  end
  for _, rec in ipairs(self.answers) do
    if right(rec.verdict) then by_n[rec.n].answered_right = true else by_n[rec.n].misses = by_n[rec.n].misses + 1 end
  end
  local out = {}
  for _, m in ipairs(list) do
    if m.misses > 0 or not m.answered_right then out[#out + 1] = m end
  end
  table.sort(out, function(a, b)
    if a.misses ~= b.misses then return a.misses > b.misses end
    return a.n < b.n
  end)
  return out
end

return E
