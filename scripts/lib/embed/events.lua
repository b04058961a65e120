-- lib/embed/events.lua: what a mode tells a program that embeds halqa (docs/embedding.md). The
-- modes call emit() beside what they print — a question shown, an answer graded, the summary —
-- and nothing happens unless a session of the library is listening (lib/embed/driver.lua), so
-- at the terminal the modes run exactly as before.

local E = {}

local sink -- the listening session's function, or nil

-- Sends event `kind` with the fields of data (data gets `type = kind`).
function E.emit(kind, data)
  if not sink then return end
  data.type = kind
  sink(data)
end

-- True while a program drives the mode (it may then show pages as steps of their own).
function E.active()
  return sink ~= nil
end

-- Runs fn(...) with f receiving every event; returns what fn returns. Not reentrant: a session
-- listens only while it runs.
function E.listen(f, fn, ...)
  local before = sink
  sink = f
  local r = table.pack(pcall(fn, ...))
  sink = before
  if not r[1] then error(r[2], 0) end
  return table.unpack(r, 2, r.n)
end

-- The public face of a question: what a program may show before the answer. No answer, no
-- explanation, no source until it is graded.
function E.question(q)
  return { id = q.id, kind = q.kind, generator = q.generator, prompt = q.prompt, choices = q.choices,
           left = q.left, tags = q.tags }
end

return E
