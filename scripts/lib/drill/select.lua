-- lib/drill/select.lua: which questions a drill asks, so `drill --seed N` and `export --format
-- worksheet --seed N` (with the same -n and filters) give the same questions in the same order.
-- The same choice as a quiz makes: the bank for the seed, filtered, then a seeded sample.

local bank = require("lib.quiz.bank")

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
-- naming the filter that matches nothing.
function S.questions(opts, seed)
  local all = bank.build(seed)
  local known = { generator = {}, kind = {}, topic = {} }
  for _, q in ipairs(all) do
    known.generator[q.generator], known.kind[q.kind] = true, true
    for _, t in ipairs(q.tags) do known.topic[t] = true end
  end
  for _, field in ipairs({ "generator", "kind", "topic" }) do
    for _, v in ipairs(opts[field] or {}) do
      if not known[field][v] then return nil, "no questions with " .. field .. " '" .. v .. "'" end
    end
  end
  for _, p in ipairs(opts.party or {}) do
    if not parties[p] then return nil, "no party with id '" .. p .. "' (try CPP)" end
  end
  local pool = bank.filter(all, opts)
  if #pool == 0 then return nil, "no questions match these filters together" end
  -- in the seed's order, leaving out any question another chosen one would give away
  return require("lib.quiz.giveaway").pick(halqa.random(seed):sample(pool, #pool), opts.count)
end

return S
