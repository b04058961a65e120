-- lib/embed/driver.lua: a mode (quiz, cards, drill, circle) driven step by step by a program
-- that embeds halqa (src/lib/session.c; docs/embedding.md). The mode is the command itself, run
-- in a coroutine with the arguments the command line would give it: when it reads a line
-- (halqa.readline yields in a session) the program gets the step it waits for; the program's
-- answer resumes it. What the mode shows comes as events (lib/embed/events.lua), each with the
-- text the terminal would have shown; nothing of a mode's logic is repeated here.

local embed = require("lib.embed.events")

local D = {}

-- Events that wait for the program's answer; the others are what an answer brought back.
local STEPS = { question = true, card = true, rating = true, page = true, prompt = true }

local Session = {}
Session.__index = Session

local function copy(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end

-- Runs the mode until it waits for input or ends. take() returns the text written since its
-- last call. Keeps the step waiting (self.step), the summary, and returns what came back.
function Session:resume(...)
  local got = {}
  local function sink(ev)
    ev.text = self.take()
    if ev.type == "summary" then self.summary = ev else got[#got + 1] = ev end
  end
  local ok, prompt = embed.listen(sink, coroutine.resume, self.co, ...)
  local tail = self.take()
  if not ok then
    self.done, self.step = true, nil
    error(prompt, 0)
  end
  -- the reply: the grade if the answer brought one, else the last thing it brought; anything
  -- else it brought (a drill's question closing after a grade) follows in reply.events
  local step, replies, reply = nil, {}, nil
  for _, ev in ipairs(got) do
    if STEPS[ev.type] then step = ev else replies[#replies + 1] = ev end
  end
  for i, ev in ipairs(replies) do
    if ev.type == "grade" then
      reply = table.remove(replies, i)
      break
    end
  end
  reply = reply or table.remove(replies)
  if reply and #replies > 0 then reply.events = replies end
  -- the text before the step belongs to the reply; what follows the last event, to the step
  if coroutine.status(self.co) == "dead" then
    self.done, self.step = true, nil
    -- a mode that ended before its summary (`--help`, "nothing to review") says why in its text
    self.summary = self.summary or { type = "summary", mode = self.mode, text = "" }
    self.summary.text = (self.summary.text or "") .. tail
  else
    if not step and self.step then -- asked again without a new step (an unclear answer, another note line)
      step = copy(self.step)
      step.text = nil
      step.again = true
    elseif not step then -- a line no step describes, asked first (`circle` with no topic: which one?)
      step = { type = "input" }
    end
    step.input = prompt -- what the terminal would prompt with ("> ", "notes> ")
    step.text = (step.text or "") .. tail
    self.step = step
  end
  return reply
end

-- The step waiting for an answer, as JSON; nil when the session has ended.
function Session:next()
  if self.done or not self.step then return nil end
  return halqa.json(self.step)
end

-- Gives the waiting step its answer; returns JSON: the grade (or what else the answer brought:
-- a hint, a rating's outcome), or { "type": "ok" } when it brought nothing but the next step.
function Session:answer(text)
  -- a table, so the message is one line (a string error would carry a traceback of this file)
  if self.done then error({ message = "the session has ended: halqa_next gives no step to answer", status = 1 }, 0) end
  local reply = self:resume(text)
  return halqa.json(reply or { type = "ok", text = "" })
end

-- Ends the mode as the end of input does at the terminal (it saves, then sums up), if it has not
-- ended; returns the summary as JSON.
function Session:finish()
  local guard = 0
  while not self.done and guard < 1000 do
    self:resume(nil)
    guard = guard + 1
  end
  return halqa.json(self.summary or { type = "summary", mode = self.mode, text = "" })
end

-- Starts mode: fn is the command's function, args its arguments as the command line gives them.
-- Runs it to its first step (a usage error raises here).
function D.start(mode, fn, args, take)
  for _, a in ipairs(args) do
    if mode == "drill" and (a == "--serve" or a == "--resume") then
      -- the students' devices are served while the teacher's line is awaited: not step by step
      error({ message = "drill: --serve is for the terminal (halqa drill --serve), not a session", status = 2 }, 0)
    end
  end
  local s = setmetatable({ mode = mode, co = coroutine.create(fn), take = take, done = false }, Session)
  s:resume(args)
  return s
end

return D
