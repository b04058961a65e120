-- commands/quiz.lua: `quiz` — a quiz session on the bundled data, in the REPL or as `halqa quiz`.

-- Libraries load when the command first runs, so start-up does not pay for them.
local options, bank, draw, session, T
local function load_libs()
  options, bank, session = require("lib.options"), require("lib.quiz.bank"), require("lib.quiz.session")
  draw = require("lib.quiz.draw")
  T = require("lib.text")
end

-- The selection options are a drill's (the same draw): -n, --seed and the filters; then the quiz's.
local spec = {}
for _, o in ipairs(require("lib.drill.select").spec) do spec[#spec + 1] = o end
for _, o in ipairs({
  { nil, "id", "ID", "ask exactly this question (repeatable, in order; see `export`)", list = true },
  { nil, "json", nil, "print the results as JSON instead of text", type = "flag" },
  { nil, "list-generators", nil, "list the question generators installed (yours too) and stop", type = "flag" },
}) do spec[#spec + 1] = o end


-- A bad filter value is a usage error: a typo is an error, not an empty quiz.
local function filter_error(msg, field)
  if field == "party" then options.error("quiz", spec, msg) end
  local hint = field == "generator" and " (see `quiz --list-generators`; a generator file is read when a command runs)"
    or field == "kind" and " (kinds: short choice multi truefalse order match cloze date number)" or ""
  error({ message = T.wrap("quiz: " .. msg .. hint, halqa.columns(), "  "), status = 2 }, 0)
end

halqa.command("quiz", "quiz [-n N] [--seed N] [--party ID] [--kind KIND] [--json]  a quiz with feedback and a score\n\n" ..
    "Answer each question; ? shows a hint (a hinted answer scores half; no hint, no cost), skip moves on, quit stops.\n\n" ..
    "Examples:\n  quiz -n 5 --party CMKP\n  quiz --kind date --seed 7\n  quiz --generator leaders\n\n" ..
    "`quiz --help` lists every option; `quiz --list-generators` lists the generators.",
  function(args)
    load_libs()
    local opts, rest = options.parse("quiz", args, spec)
    if not opts then return end -- --help was printed
    if opts["list-generators"] then
      print(require("lib.quiz.generator_list")())
      return
    end
    if #rest > 0 then options.error("quiz", spec, "unexpected argument '" .. rest[1] .. "'") end
    local seed = opts.seed or os.time()
    local questions
    if #opts.id > 0 then
      local missing
      questions, missing = bank.by_ids(seed, opts.id)
      if not questions then options.error("quiz", spec, "no question with id '" .. missing .. "' (see `export`)") end
    else
      -- drawn key by key with the seed, building only the questions asked (lib/quiz/draw.lua)
      local msg, field
      questions, msg, field = draw.questions(opts, seed)
      if not questions then
        if field then filter_error(msg, field) end
        options.error("quiz", spec, msg)
      end
    end
    if not opts.json then
      print(T.wrap(string.format("Quiz: %s (seed %d). Answer each; ? for a hint (a hinted answer scores half), skip, quit.",
        T.plural(#questions, "question"), seed), halqa.columns()))
    end
    -- Every answer is committed to the store before the next question is shown; a missed
    -- question brings the flashcards of its facts back for review.
    local sid = halqa.store.begin_session("quiz", { seed = seed, count = #questions, generator = opts.generator,
                                                    party = opts.party, topic = opts.topic, kind = opts.kind })
    local function on_answer(q, rec)
      halqa.store.record_answer(sid, { question = q.id, facts = q.facts, given = rec.given, verdict = rec.verdict,
                                       score = rec.score, seconds = rec.time })
      if rec.verdict ~= "correct" then halqa.store.make_due(q.facts) end
    end
    local state = session.run(questions, { quiet = opts.json, on_answer = on_answer })
    halqa.store.end_session(sid)
    local results = session.results(state, #questions, seed)
    if opts.json then
      print(halqa.json(results, true))
    else
      print(session.summary(state, #questions))
    end
    results.mode = "quiz"
    require("lib.embed.events").emit("summary", results)
  end, function() return spec end)
