-- lib/classroom/wire.lua: what the teacher's halqa sends to the students' devices, as JSON
-- (docs/classroom.md lists every event). A question goes out with what a student needs to answer
-- it and nothing more: never its answer, accepted forms, explanation or source — those go out only
-- in the reveal, after the question closed.

local E = require("lib.drill.engine")

local W = {}

-- The fields of a question a student may see before the reveal, by kind.
local HOW = {
  choice = "one letter", multi = "every right letter, e.g. a c", order = "the letters, earliest first, e.g. c a b",
  match = "a letter for each number, e.g. 1b 2a 3c", truefalse = "true or false",
  date = "a date, e.g. 1948 or 6 March 1948", number = "a number",
}

function W.question(g, left)
  local q = g.current.q
  local out = { n = g.i, total = #g.questions, prompt = q.prompt, kind = q.kind, how = HOW[q.kind] or "",
                seconds = g.rules.time, left = left }
  if q.choices then
    out.choices = {}
    for i, c in ipairs(q.choices) do out.choices[i] = c end
  end
  if q.left then
    out.left_items = {}
    for i, l in ipairs(q.left) do out.left_items[i] = l end
  end
  return halqa.json(out)
end

-- One player's reveal: the answer, their own result, their points and rank.
function W.reveal(g, k)
  local q, rec = g.current.q, g.current.answered[k]
  local p = g.players[k]
  return halqa.json({ n = g.i, total = #g.questions, answer = q.answer, explanation = q.explanation or "",
    source = q.source, given = rec and rec.given or nil, answered = rec ~= nil,
    right = rec ~= nil and E.right(rec.verdict), verdict = rec and rec.verdict or "none",
    gained = rec and rec.points or 0, points = p.points, rank = g:rank_of(k), players = #g.players,
    last = g.i == #g.questions })
end

-- The top of the standings, for every device.
function W.standings(g, top)
  local list = {}
  for _, s in ipairs(g:standings()) do
    if #list >= (top or 5) then break end
    list[#list + 1] = { rank = s.rank, name = s.name, points = s.points }
  end
  return list
end

function W.welcome(g, k, state)
  return halqa.json({ seat = k, name = g.players[k].name, players = #g.players, phase = state or g.phase,
                      points = g.players[k].points, total = #g.questions })
end

function W.lobby(g)
  return halqa.json({ players = g:active() })
end

function W.final(g, k)
  return halqa.json({ rank = g:rank_of(k), points = g.players[k].points, players = #g.players,
                      right = g.players[k].right, asked = g.i, standings = W.standings(g, 5) })
end

return W
