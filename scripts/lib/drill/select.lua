-- lib/drill/select.lua: which questions a drill asks, so `drill --seed N` and `export --format
-- worksheet --seed N` (with the same -n and filters) give the same questions in the same order.
-- The same choice as a quiz makes (lib/quiz/draw.lua).

local S = {}

-- The question selection options every drill-like command takes (lib/options.lua specs).
S.spec = {
  { "n", "count", "N", "how many questions (default 10)", type = "int", default = 10,
    check = function(n) return n > 0, "must be at least 1" end },
  { "s", "seed", "N", "seed: the same seed gives the same questions (default: from the clock)", type = "int" },
  { "g", "generator", "NAME", "only questions from this generator (repeatable)", list = true,
    values = "generators" },
  { "p", "party", "ID", "only questions about this party, e.g. CPP (repeatable)", list = true,
    values = "parties" },
  { "t", "topic", "TAG", "only questions with this tag, e.g. mergers (repeatable)", list = true,
    values = "topics" },
  { "k", "kind", "KIND", "only this kind: short choice multi truefalse order match cloze date number", list = true,
    values = "kinds" },
}

-- The questions for opts (count, seed, generator, party, topic, kind), or nil and a message
-- naming the filter that matches nothing: drawn key by key, as a quiz draws (lib/quiz/draw.lua).
function S.questions(opts, seed)
  local questions, msg = require("lib.quiz.draw").questions(opts, seed)
  return questions, msg
end

return S
